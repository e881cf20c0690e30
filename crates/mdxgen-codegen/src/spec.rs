//! The OpenAPI document rebuilt from the IR, with `components/schemas` and `$ref`s, in 3.0.3 or 3.1.0.
//!
//! 3.1.0 holds everything the docs hold: the schemas of 3.1 docs are written as they are, and those of 3.0
//! docs get their 3.0 forms rewritten (`nullable` -> a `null` type, boolean `exclusiveMinimum` -> the
//! bound itself). In 3.0.3, 3.1 constructs are rewritten to their 3.0 form (`type: [T, "null"]` ->
//! `nullable: true`, `const` -> a one-value `enum`, `examples` -> `example`); anything else 3.0 lacks
//! (webhooks, `mutualTLS`, `license.identifier`) is left out with a warning, so the document stays valid.

use std::collections::{BTreeMap, BTreeSet};

use mdxgen_diag::Diagnostic;
use mdxgen_ir::types::REF_PREFIX;
use mdxgen_ir::version::{to_3_0, to_3_1};
use mdxgen_ir::{Api, MediaType, OpenApiVersion, Operation, Parameter, RequestBody, Response};
use serde_json::{Map, Value, json};

/// The output format of a spec document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
}

impl Format {
    /// JSON for `.json`, YAML otherwise.
    pub fn for_path(path: &std::path::Path) -> Self {
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) { Self::Json } else { Self::Yaml }
    }
}

/// The spec as a JSON value in OpenAPI `version`, and warnings about what that version could not hold.
pub fn document(api: &Api, version: OpenApiVersion) -> (Value, Vec<Diagnostic>) {
    let renames = match version {
        OpenApiVersion::V3_0 => BTreeMap::new(),
        OpenApiVersion::V3_1 => component_renames(api),
    };
    let mut export = Export { version, docs_version: OpenApiVersion::for_api(api), renames, warnings: Vec::new() };
    let mut doc = Map::new();
    doc.insert("openapi".into(), json!(version.document_version()));
    doc.insert("info".into(), Value::Object(export.info(api)));
    if !api.servers.is_empty() {
        doc.insert("servers".into(), Value::Array(api.servers.clone()));
    }
    if let Some(security) = &api.security {
        doc.insert("security".into(), Value::Array(security.clone()));
    }
    if !api.tags.is_empty() {
        doc.insert("tags".into(), Value::Array(api.tags.iter().map(tag).collect()));
    }
    let mut paths = Map::new();
    for op in &api.operations {
        let item = paths.entry(op.path.clone()).or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(op.method.key().to_owned(), Value::Object(export.operation(op)));
        }
    }
    doc.insert("paths".into(), Value::Object(paths));
    if let Some(webhooks) = export.webhooks(&api.webhooks) {
        doc.insert("webhooks".into(), Value::Object(webhooks));
    }
    let mut components = Map::new();
    if !api.types.is_empty() {
        let schemas = api
            .types
            .iter_sorted()
            .map(|(name, schema)| (export.component_name(name), export.schema(schema.clone())))
            .collect();
        components.insert("schemas".into(), Value::Object(schemas));
    }
    let schemes = export.security_schemes(api);
    if !schemes.is_empty() {
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    if !components.is_empty() {
        doc.insert("components".into(), Value::Object(components));
    }
    let mut warnings = export.warnings;
    warnings.sort_by(|a, b| a.message.cmp(&b.message));
    warnings.dedup();
    (Value::Object(doc), warnings)
}

/// The spec as text in `format` and OpenAPI `version`.
pub fn render(api: &Api, format: Format, version: OpenApiVersion) -> Result<(String, Vec<Diagnostic>), String> {
    let (doc, warnings) = document(api, version);
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n",
        Format::Yaml => serde_saphyr::to_string(&doc).map_err(|e| e.to_string())?,
    };
    Ok((text, warnings))
}

/// One export run: the version written, the version the docs read as, and what got lost on the way.
struct Export {
    version: OpenApiVersion,
    /// 3.1 when the docs hold a 3.1 construct: their schemas are then written as they are in 3.1, while
    /// the schemas of 3.0 docs get their 3.0 forms rewritten.
    docs_version: OpenApiVersion,
    /// New names for the named types whose names the version forbids as component keys.
    renames: BTreeMap<String, String>,
    warnings: Vec<Diagnostic>,
}

impl Export {
    fn schema(&mut self, schema: Value) -> Value {
        let mut schema = match (self.version, self.docs_version) {
            (OpenApiVersion::V3_0, _) => to_3_0(schema, &mut self.warnings),
            (OpenApiVersion::V3_1, OpenApiVersion::V3_0) => to_3_1(schema),
            (OpenApiVersion::V3_1, OpenApiVersion::V3_1) => schema,
        };
        if !self.renames.is_empty() {
            rename_references(&mut schema, &self.renames);
        }
        schema
    }

    fn component_name(&self, name: &str) -> String {
        self.renames.get(name).cloned().unwrap_or_else(|| name.to_owned())
    }

    fn warn(&mut self, message: String) {
        let code = match self.version {
            OpenApiVersion::V3_0 => "openapi-3.0",
            OpenApiVersion::V3_1 => "openapi-3.1",
        };
        self.warnings.push(Diagnostic::warning(std::path::Path::new("<spec>"), None, code, message));
    }

    fn info(&mut self, api: &Api) -> Map<String, Value> {
        let mut info = api.info.clone();
        if self.version == OpenApiVersion::V3_0 {
            // 3.1 only: a license's SPDX `identifier` and the info `summary`.
            if let Some(Value::Object(license)) = info.get_mut("license")
                && license.remove("identifier").is_some()
            {
                self.warn("`license.identifier` has no place in OpenAPI 3.0: left out".to_owned());
            }
            if info.remove("summary").is_some() {
                self.warn("`info.summary` has no place in OpenAPI 3.0: left out".to_owned());
            }
        }
        info.entry("title").or_insert_with(|| json!("API"));
        info.entry("version").or_insert_with(|| json!("0.0.0"));
        info
    }

    fn security_schemes(&mut self, api: &Api) -> Map<String, Value> {
        let mut schemes = Map::new();
        for (name, scheme) in &api.security_schemes {
            let mutual_tls = scheme.get("type").and_then(Value::as_str) == Some("mutualTLS");
            if mutual_tls && self.version == OpenApiVersion::V3_0 {
                self.warn(format!("security scheme `{name}` is `mutualTLS`, which OpenAPI 3.0 lacks: left out"));
                continue;
            }
            schemes.insert(name.clone(), scheme.clone());
        }
        schemes
    }

    /// The `webhooks` of 3.1; 3.0 has no place for them, so they are left out there with a warning at
    /// each webhook's page.
    fn webhooks(&mut self, webhooks: &[Operation]) -> Option<Map<String, Value>> {
        if webhooks.is_empty() {
            return None;
        }
        if self.version == OpenApiVersion::V3_0 {
            for webhook in webhooks {
                let message = format!(
                    "`{}` documents a webhook, which OpenAPI 3.0 has no place for: left out (`--openapi 3.1` keeps it)",
                    webhook.path
                );
                let file = webhook.source.as_ref().map_or(std::path::Path::new("<spec>"), |s| s.file.as_path());
                let at = webhook.source.as_ref().and_then(|s| s.at);
                self.warnings.push(Diagnostic::warning(file, at, "webhook", message));
            }
            return None;
        }
        let mut items = Map::new();
        for webhook in webhooks {
            let item = items.entry(webhook.path.clone()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(item) = item {
                item.insert(webhook.method.key().to_owned(), Value::Object(self.operation(webhook)));
            }
        }
        Some(items)
    }

    fn operation(&mut self, op: &Operation) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("operationId".into(), json!(op.id));
        insert_some(&mut map, "summary", op.summary.as_ref().map(|s| json!(s)));
        insert_some(&mut map, "description", op.description.as_ref().map(|s| json!(s)));
        if !op.tags.is_empty() {
            map.insert("tags".into(), json!(op.tags));
        }
        if op.deprecated {
            map.insert("deprecated".into(), json!(true));
        }
        if !op.parameters.is_empty() {
            map.insert("parameters".into(), Value::Array(op.parameters.iter().map(|p| self.parameter(p)).collect()));
        }
        if let Some(body) = &op.request_body {
            map.insert("requestBody".into(), self.request_body(body));
        }
        let responses: Map<String, Value> = op.responses.iter().map(|r| (r.status.clone(), self.response(r))).collect();
        match self.version {
            // 3.1 lets an operation list no responses; 3.0 requires one.
            OpenApiVersion::V3_1 if responses.is_empty() => {}
            OpenApiVersion::V3_0 if responses.is_empty() => {
                map.insert("responses".into(), Value::Object(default_responses()));
            }
            _ => {
                map.insert("responses".into(), Value::Object(responses));
            }
        }
        insert_some(&mut map, "security", op.security.clone().map(Value::Array));
        insert_some(&mut map, "servers", op.servers.clone().map(Value::Array));
        self.copy_allowed(&op.extra, &["externalDocs", "callbacks"], &mut map, &format!("operation `{}`", op.id));
        map
    }

    /// Copies the keys of `extra` that the object allows there (`x-*` and `allowed`, the same in 3.0 and
    /// 3.1); warns about the rest.
    fn copy_allowed(
        &mut self,
        extra: &Map<String, Value>,
        allowed: &[&str],
        map: &mut Map<String, Value>,
        place: &str,
    ) {
        for (key, value) in extra {
            if key.starts_with("x-") || allowed.contains(&key.as_str()) {
                map.entry(key.clone()).or_insert_with(|| value.clone());
            } else {
                let version = self.version.minor_version();
                self.warn(format!("`{key}` on {place} has no place in OpenAPI {version}: left out"));
            }
        }
    }

    fn parameter(&mut self, p: &Parameter) -> Value {
        let mut map = Map::new();
        map.insert("name".into(), json!(p.name));
        map.insert("in".into(), json!(p.location.as_str()));
        insert_some(&mut map, "description", p.description.as_ref().map(|s| json!(s)));
        if p.required || p.location == mdxgen_ir::ParamLocation::Path {
            map.insert("required".into(), json!(true));
        }
        insert_some(&mut map, "schema", p.schema.clone().map(|s| self.schema(s)));
        let allowed =
            ["style", "explode", "allowReserved", "allowEmptyValue", "deprecated", "example", "examples", "content"];
        self.copy_allowed(&p.extra, &allowed, &mut map, &format!("parameter `{}`", p.name));
        Value::Object(map)
    }

    fn request_body(&mut self, body: &RequestBody) -> Value {
        let mut map = Map::new();
        insert_some(&mut map, "description", body.description.as_ref().map(|s| json!(s)));
        map.insert("content".into(), self.content(&body.content));
        if body.required {
            map.insert("required".into(), json!(true));
        }
        Value::Object(map)
    }

    fn response(&mut self, r: &Response) -> Value {
        let mut map = Map::new();
        map.insert("description".into(), json!(r.description));
        if !r.content.is_empty() {
            map.insert("content".into(), self.content(&r.content));
        }
        self.copy_allowed(&r.extra, &["headers", "links"], &mut map, &format!("response `{}`", r.status));
        let header_schemas =
            map.get_mut("headers").and_then(Value::as_object_mut).into_iter().flat_map(|h| h.values_mut());
        for schema in header_schemas.filter_map(|header| header.get_mut("schema")) {
            *schema = self.schema(schema.take());
        }
        Value::Object(map)
    }

    fn content(&mut self, media: &[MediaType]) -> Value {
        let mut map = Map::new();
        for m in media {
            let mut entry = Map::new();
            insert_some(&mut entry, "schema", m.schema.clone().map(|s| self.schema(s)));
            let place = format!("media type `{}`", m.media_type);
            self.copy_allowed(&m.extra, &["example", "examples", "encoding"], &mut entry, &place);
            map.insert(m.media_type.clone(), Value::Object(entry));
        }
        Value::Object(map)
    }
}

/// Whether 3.1 allows `name` as a component key: `^[a-zA-Z0-9._-]+$`. Names from titles break it
/// (`Bank Account`); 3.0 states the same rule, but its validators do not check it, and the 3.0 export keeps
/// the names it always wrote.
fn is_component_key(name: &str) -> bool {
    !name.is_empty() && name.chars().all(is_component_key_char)
}

fn is_component_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// A component key for each named type whose name is not one: each other character becomes `_`
/// (`Bank Account` -> `Bank_Account`), and a key taken already gets `2`, `3`, ...
fn component_renames(api: &Api) -> BTreeMap<String, String> {
    let mut taken: BTreeSet<String> = api.types.iter_sorted().map(|(name, _)| name.clone()).collect();
    let mut renames = BTreeMap::new();
    for (name, _) in api.types.iter_sorted().filter(|(name, _)| !is_component_key(name)) {
        let base: String = name.chars().map(|c| if is_component_key_char(c) { c } else { '_' }).collect();
        let base = if base.is_empty() { "_".to_owned() } else { base };
        let mut key = base.clone();
        let mut n = 1;
        while taken.contains(&key) {
            n += 1;
            key = format!("{base}{n}");
        }
        taken.insert(key.clone());
        renames.insert(name.clone(), key);
    }
    renames
}

/// Points `$ref`s and discriminator mapping targets at the renamed components.
fn rename_references(schema: &mut Value, renames: &BTreeMap<String, String>) {
    let renamed = |reference: &mut Value| {
        let name = reference.as_str().and_then(|r| r.strip_prefix(REF_PREFIX));
        if let Some(new) = name.and_then(|name| renames.get(name)) {
            *reference = json!(format!("{REF_PREFIX}{new}"));
        }
    };
    let mut stack = vec![schema];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    match (key.as_str(), value) {
                        ("$ref", reference @ Value::String(_)) => renamed(reference),
                        ("mapping", Value::Object(mapping)) => {
                            for target in mapping.values_mut() {
                                if target.is_string() {
                                    renamed(target);
                                } else {
                                    stack.push(target);
                                }
                            }
                        }
                        (_, value) => stack.push(value),
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}

fn tag(tag: &mdxgen_ir::Tag) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(tag.name));
    if let Some(description) = &tag.description {
        map.insert("description".into(), json!(description));
    }
    Value::Object(map)
}

/// OpenAPI 3.0 requires at least one response; the docs of some operations list none.
fn default_responses() -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("default".into(), json!({"description": ""}));
    map
}

fn insert_some(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.into(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_with_a_webhook_and_an_operation_without_responses() -> Api {
        let source = mdxgen_ir::at(std::path::Path::new("ping.api.mdx"), None);
        let operation = |value: Value| value.as_object().cloned().unwrap_or_default();
        let mut builder = mdxgen_ir::ApiBuilder::from_inlined();
        builder.add_operation("get", "/a", operation(json!({"operationId": "a"})), None, vec![], source.clone());
        let ping = json!({"operationId": "ping", "responses": {"200": {"description": "ok"}}});
        builder.add_operation("event", "webhook", operation(ping), None, vec![], source);
        builder.finish().0
    }

    #[test]
    fn webhooks_and_operations_without_responses_are_kept_in_3_1() {
        let api = api_with_a_webhook_and_an_operation_without_responses();
        let (doc, warnings) = document(&api, OpenApiVersion::V3_1);
        assert_eq!(
            doc["webhooks"],
            json!({"ping": {"post": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}}})
        );
        assert_eq!(doc["paths"]["/a"]["get"], json!({"operationId": "a"}));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn the_3_0_export_leaves_webhooks_out_and_makes_up_a_response() {
        let api = api_with_a_webhook_and_an_operation_without_responses();
        let (doc, warnings) = document(&api, OpenApiVersion::V3_0);
        assert_eq!(doc.get("webhooks"), None);
        assert_eq!(doc["paths"]["/a"]["get"]["responses"], json!({"default": {"description": ""}}));
        let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "ping.api.mdx: warning[webhook]: `ping` documents a webhook, which OpenAPI 3.0 has no place for: left out (`--openapi 3.1` keeps it)"
            ]
        );
    }

    #[test]
    fn component_names_3_1_forbids_are_renamed_with_their_references() {
        let mut api = Api::default();
        let reference = json!({"$ref": "#/components/schemas/Bank Account"});
        api.types.insert("Bank Account".into(), json!({"type": "object"}));
        api.types.insert("Bank_Account".into(), json!({"type": "string"}));
        api.types.insert(
            "Payment".into(),
            json!({"oneOf": [reference], "discriminator": {"propertyName": "k", "mapping": {"bank": "#/components/schemas/Bank Account"}}}),
        );
        let (doc, _) = document(&api, OpenApiVersion::V3_1);
        let schemas = &doc["components"]["schemas"];
        let keys: Vec<&String> = schemas.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["Bank_Account2", "Bank_Account", "Payment"]);
        assert_eq!(schemas["Payment"]["oneOf"][0], json!({"$ref": "#/components/schemas/Bank_Account2"}));
        assert_eq!(schemas["Payment"]["discriminator"]["mapping"]["bank"], "#/components/schemas/Bank_Account2");
        let (doc, _) = document(&api, OpenApiVersion::V3_0);
        assert_eq!(doc["components"]["schemas"]["Payment"]["oneOf"][0], reference);
    }

    #[test]
    fn schemas_of_3_1_docs_stay_as_they_are_in_3_1() {
        let mut api = Api::default();
        let schema = json!({"type": ["string", "null"], "nullable": true, "examples": ["a"], "$comment": "c"});
        api.types.insert("Name".into(), schema.clone());
        let (doc, warnings) = document(&api, OpenApiVersion::V3_1);
        assert_eq!(doc["openapi"], "3.1.0");
        assert_eq!(doc["components"]["schemas"]["Name"], schema);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn schemas_of_3_0_docs_are_rewritten_when_3_1_is_asked_for() {
        let mut api = Api::default();
        api.types.insert("Name".into(), json!({"type": "string", "nullable": true, "example": "a"}));
        let (doc, _) = document(&api, OpenApiVersion::V3_1);
        assert_eq!(doc["components"]["schemas"]["Name"], json!({"type": ["string", "null"], "example": "a"}));
        let (doc, _) = document(&api, OpenApiVersion::V3_0);
        assert_eq!(doc["components"]["schemas"]["Name"], json!({"type": "string", "nullable": true, "example": "a"}));
    }
}
