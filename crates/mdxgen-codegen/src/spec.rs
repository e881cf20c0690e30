//! The OpenAPI 3.0.3 document rebuilt from the IR, with `components/schemas` and `$ref`s.
//!
//! 3.1 constructs that 3.0 cannot say are rewritten to their 3.0 form (`type: [T, "null"]` ->
//! `nullable: true`, `const` -> a one-value `enum`, `examples` -> `example`); anything else 3.0 lacks is
//! dropped with a warning, so the document stays valid.

use mdxgen_diag::Diagnostic;
use mdxgen_ir::types::subschemas_mut;
use mdxgen_ir::{Api, MediaType, Operation, Parameter, RequestBody, Response};
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

/// The spec as a JSON value, and warnings about what 3.0 could not hold.
pub fn document(api: &Api) -> (Value, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut doc = Map::new();
    doc.insert("openapi".into(), json!("3.0.3"));
    doc.insert("info".into(), Value::Object(info(api)));
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
            item.insert(op.method.clone(), Value::Object(operation(op, &mut warnings)));
        }
    }
    doc.insert("paths".into(), Value::Object(paths));
    for webhook in &api.webhooks {
        let message = format!("`{}` documents a webhook, which OpenAPI 3.0 has no place for: left out", webhook.path);
        let file = webhook.source.as_ref().map_or(std::path::Path::new("<spec>"), |s| s.file.as_path());
        warnings.push(Diagnostic::warning(file, webhook.source.as_ref().and_then(|s| s.at), "webhook", message));
    }
    let mut components = Map::new();
    if !api.types.is_empty() {
        let schemas = api
            .types
            .iter_sorted()
            .map(|(name, schema)| (name.clone(), to_3_0(schema.clone(), &mut warnings)))
            .collect();
        components.insert("schemas".into(), Value::Object(schemas));
    }
    let schemes: Map<String, Value> = api
        .security_schemes
        .iter()
        .filter(|(name, scheme)| {
            let supported = scheme.get("type").and_then(Value::as_str) != Some("mutualTLS");
            if !supported {
                warnings.push(spec_warning(format!(
                    "security scheme `{name}` is `mutualTLS`, which OpenAPI 3.0 lacks: left out"
                )));
            }
            supported
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !schemes.is_empty() {
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    if !components.is_empty() {
        doc.insert("components".into(), Value::Object(components));
    }
    warnings.sort_by(|a, b| a.message.cmp(&b.message));
    warnings.dedup();
    (Value::Object(doc), warnings)
}

/// The spec as text in `format`.
pub fn render(api: &Api, format: Format) -> Result<(String, Vec<Diagnostic>), String> {
    let (doc, warnings) = document(api);
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n",
        Format::Yaml => serde_saphyr::to_string(&doc).map_err(|e| e.to_string())?,
    };
    Ok((text, warnings))
}

fn info(api: &Api) -> Map<String, Value> {
    let mut info = api.info.clone();
    // 3.1 only: a license's SPDX `identifier` and the info `summary`.
    if let Some(Value::Object(license)) = info.get_mut("license") {
        license.remove("identifier");
    }
    info.remove("summary");
    info.entry("title").or_insert_with(|| json!("API"));
    info.entry("version").or_insert_with(|| json!("0.0.0"));
    info
}

fn tag(tag: &mdxgen_ir::Tag) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(tag.name));
    if let Some(description) = &tag.description {
        map.insert("description".into(), json!(description));
    }
    Value::Object(map)
}

fn operation(op: &Operation, warnings: &mut Vec<Diagnostic>) -> Map<String, Value> {
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
        map.insert("parameters".into(), Value::Array(op.parameters.iter().map(|p| parameter(p, warnings)).collect()));
    }
    if let Some(body) = &op.request_body {
        map.insert("requestBody".into(), request_body(body, warnings));
    }
    let responses: Map<String, Value> =
        op.responses.iter().map(|r| (r.status.clone(), response(r, warnings))).collect();
    let responses = if responses.is_empty() { default_responses() } else { responses };
    map.insert("responses".into(), Value::Object(responses));
    insert_some(&mut map, "security", op.security.clone().map(Value::Array));
    insert_some(&mut map, "servers", op.servers.clone().map(Value::Array));
    copy_allowed(&op.extra, &["externalDocs", "callbacks"], &mut map, &format!("operation `{}`", op.id), warnings);
    map
}

/// Copies the keys of `extra` that a 3.0 object allows there (`x-*` and `allowed`); warns about the rest.
fn copy_allowed(
    extra: &Map<String, Value>,
    allowed: &[&str],
    map: &mut Map<String, Value>,
    place: &str,
    warnings: &mut Vec<Diagnostic>,
) {
    for (key, value) in extra {
        if key.starts_with("x-") || allowed.contains(&key.as_str()) {
            map.entry(key.clone()).or_insert_with(|| value.clone());
        } else {
            warnings.push(spec_warning(format!("`{key}` on {place} has no place in OpenAPI 3.0: left out")));
        }
    }
}

fn spec_warning(message: String) -> Diagnostic {
    Diagnostic::warning(std::path::Path::new("<spec>"), None, "openapi-3.0", message)
}

/// OpenAPI requires at least one response; the docs of some operations list none.
fn default_responses() -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("default".into(), json!({"description": ""}));
    map
}

fn parameter(p: &Parameter, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(p.name));
    map.insert("in".into(), json!(p.location.as_str()));
    insert_some(&mut map, "description", p.description.as_ref().map(|s| json!(s)));
    if p.required || p.location == mdxgen_ir::ParamLocation::Path {
        map.insert("required".into(), json!(true));
    }
    insert_some(&mut map, "schema", p.schema.clone().map(|s| to_3_0(s, warnings)));
    let allowed =
        ["style", "explode", "allowReserved", "allowEmptyValue", "deprecated", "example", "examples", "content"];
    copy_allowed(&p.extra, &allowed, &mut map, &format!("parameter `{}`", p.name), warnings);
    Value::Object(map)
}

fn request_body(body: &RequestBody, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut map = Map::new();
    insert_some(&mut map, "description", body.description.as_ref().map(|s| json!(s)));
    map.insert("content".into(), content(&body.content, warnings));
    if body.required {
        map.insert("required".into(), json!(true));
    }
    Value::Object(map)
}

fn response(r: &Response, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut map = Map::new();
    map.insert("description".into(), json!(r.description));
    if !r.content.is_empty() {
        map.insert("content".into(), content(&r.content, warnings));
    }
    copy_allowed(&r.extra, &["headers", "links"], &mut map, &format!("response `{}`", r.status), warnings);
    let header_schemas = map.get_mut("headers").and_then(Value::as_object_mut).into_iter().flat_map(|h| h.values_mut());
    for schema in header_schemas.filter_map(|header| header.get_mut("schema")) {
        *schema = to_3_0(schema.take(), warnings);
    }
    Value::Object(map)
}

fn content(media: &[MediaType], warnings: &mut Vec<Diagnostic>) -> Value {
    let map = media
        .iter()
        .map(|m| {
            let mut entry = Map::new();
            insert_some(&mut entry, "schema", m.schema.clone().map(|s| to_3_0(s, warnings)));
            copy_allowed(
                &m.extra,
                &["example", "examples", "encoding"],
                &mut entry,
                &format!("media type `{}`", m.media_type),
                warnings,
            );
            (m.media_type.clone(), Value::Object(entry))
        })
        .collect();
    Value::Object(map)
}

fn insert_some(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.into(), value);
    }
}

/// Keywords of JSON Schema 2020-12 that a 3.0 Schema Object does not allow.
const NOT_IN_3_0: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$comment",
    "prefixItems",
    "contains",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "patternProperties",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentMediaType",
    "contentEncoding",
    "minContains",
    "maxContains",
    "const",
];

/// Rewrites a schema (from a 3.0 or 3.1 source) into a valid 3.0 Schema Object.
pub fn to_3_0(mut schema: Value, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut stack = vec![&mut schema];
    while let Some(node) = stack.pop() {
        let Value::Object(map) = node else {
            if !node.is_boolean() {
                continue;
            }
            // 3.1 allows `true`/`false` as schemas; 3.0 only in additionalProperties, where `{}` says the same.
            *node = if node.as_bool() == Some(false) { json!({"not": {}}) } else { json!({}) };
            continue;
        };
        type_array_to_nullable(map);
        if let Some(value) = map.remove("const") {
            map.insert("enum".into(), json!([value]));
        }
        if let Some(Value::Array(examples)) = map.remove("examples")
            && let Some(first) = examples.into_iter().next()
        {
            map.entry("example").or_insert(first);
        }
        for keyword in NOT_IN_3_0 {
            if map.remove(*keyword).is_some() {
                warnings.push(Diagnostic::warning(
                    std::path::Path::new("<spec>"),
                    None,
                    "openapi-3.0",
                    format!("`{keyword}` has no OpenAPI 3.0 form: left out of the exported spec"),
                ));
            }
        }
        exclusive_bounds_to_3_0(map);
        stack.extend(subschemas_mut(map));
    }
    schema
}

/// `type: ["string", "null"]` -> `type: string, nullable: true`; several non-null types -> `anyOf`.
fn type_array_to_nullable(map: &mut Map<String, Value>) {
    if map.get("type").and_then(Value::as_str) == Some("null") {
        // 3.0 has no null type: a value that can only be null.
        map.remove("type");
        map.insert("nullable".into(), json!(true));
        map.insert("enum".into(), json!([null]));
        return;
    }
    let Some(Value::Array(types)) = map.get("type") else { return };
    let nullable = types.iter().any(|t| t == "null");
    let others: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
    map.remove("type");
    match others.as_slice() {
        [] => {}
        [single] => {
            map.insert("type".into(), single.clone());
        }
        many => {
            map.insert("anyOf".into(), Value::Array(many.iter().map(|t| json!({"type": t})).collect()));
        }
    }
    if nullable {
        map.insert("nullable".into(), json!(true));
    }
}

/// 3.1 writes `exclusiveMinimum: 5`; 3.0 writes `minimum: 5, exclusiveMinimum: true`.
fn exclusive_bounds_to_3_0(map: &mut Map<String, Value>) {
    for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
        if let Some(value @ Value::Number(_)) = map.get(exclusive).cloned() {
            map.insert(bound.into(), value);
            map.insert(exclusive.into(), json!(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_from_3_1_are_rewritten_to_3_0() {
        let mut warnings = Vec::new();
        let schema = json!({"type": ["string", "null"], "properties": {"a": {"const": 1, "exclusiveMinimum": 0}, "b": {"type": ["integer", "string"]}}, "examples": ["x"], "$comment": "c"});
        let out = to_3_0(schema, &mut warnings);
        assert_eq!(
            out,
            json!({"type": "string", "nullable": true, "properties": {"a": {"enum": [1], "minimum": 0, "exclusiveMinimum": true}, "b": {"anyOf": [{"type": "integer"}, {"type": "string"}]}}, "example": "x"})
        );
        assert_eq!(warnings.len(), 1);
    }
}
