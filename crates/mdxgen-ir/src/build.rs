//! Building an [`Api`] from OpenAPI JSON pieces: one operation per page, plus what the pages repeat
//! (info, servers, security schemes).

use std::collections::BTreeMap;
use std::path::PathBuf;

use heck::ToSnakeCase;
use mdxgen_diag::{Diagnostic, LineCol};
use serde_json::{Map, Value};

use crate::types::{Recovery, RecoveryNote, canonical_json};
use crate::{Api, Example, HttpMethod, MediaType, Operation, ParamLocation, Parameter, RequestBody, Response, Tag};

/// A file and a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub file: PathBuf,
    pub at: Option<LineCol>,
}

/// Collects operations and shared parts, then recovers named types and checks the whole.
#[derive(Default)]
pub struct ApiBuilder {
    api: Api,
    recovery: Recovery,
    /// Servers per operation, to hoist the common list to the API.
    servers_seen: Vec<Option<Vec<Value>>>,
    diagnostics: Vec<Diagnostic>,
    /// Whether schemas hold inlined components (pages) or references already (a spec document).
    inlined: bool,
    /// Components the docs show on their own, to check against what the operations hold.
    declared: Vec<Declared>,
}

/// How much of a component's schema the docs show where they show it on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fidelity {
    /// The whole schema, every `$ref` inlined, as operations hold it.
    Whole,
    /// A rendering that lost parts (the titles of nested objects, keywords it does not show): it names the
    /// type, and is the type's schema only where no operation holds one.
    Partial,
}

/// A component schema that the docs show on their own, with every `$ref` inlined.
#[derive(Debug, Clone)]
pub struct TypeDeclaration {
    pub name: String,
    pub schema: Value,
    pub fidelity: Fidelity,
    /// Where the docs show it; differences from the operations' copies are reported here.
    pub source: SourceRef,
}

/// A declared component: the name it got, its title, where it was declared, and a partial schema.
struct Declared {
    name: String,
    title: String,
    source: SourceRef,
    partial: Option<Value>,
}

impl ApiBuilder {
    /// A builder for operations whose schemas have every `$ref` inlined, as the plugin writes them.
    pub fn from_inlined() -> Self {
        Self { inlined: true, ..Self::default() }
    }

    /// A builder for operations whose schemas reference named types already.
    pub(crate) fn from_referenced(types: crate::TypeSpace) -> Self {
        let mut builder = Self::default();
        builder.api.types = types;
        builder
    }

    pub fn diagnostics(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.diagnostics
    }

    /// Fills in info fields the API does not have yet.
    pub fn merge_info(&mut self, info: &Map<String, Value>) {
        for (key, value) in info {
            self.api.info.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }

    pub fn add_security_schemes(&mut self, schemes: &Map<String, Value>) {
        for (name, scheme) in schemes {
            self.api.security_schemes.entry(name.clone()).or_insert_with(|| scheme.clone());
        }
    }

    pub fn set_security(&mut self, security: Vec<Value>) {
        self.api.security = Some(security);
    }

    pub fn set_servers(&mut self, servers: Vec<Value>) {
        self.api.servers = servers;
    }

    pub fn add_tag(&mut self, name: &str, description: Option<String>) {
        match self.api.tags.iter_mut().find(|t| t.name == name) {
            Some(tag) => {
                if tag.description.is_none() {
                    tag.description = description;
                }
            }
            None => self.api.tags.push(Tag { name: name.to_owned(), description }),
        }
    }

    /// Declares the component schemas that the docs show on their own, all at once and before adding
    /// operations: a declared schema owns its name, and the copies of it that the operations hold become
    /// references to it. Where they hold it otherwise, a warning at its `source` says so.
    pub fn declare_types(&mut self, mut declarations: Vec<TypeDeclaration>) {
        for declaration in &declarations {
            self.recovery.reserve(&title_of(declaration));
        }
        // A component's copy inside another is smaller than that one (unless a cycle cuts the copies at
        // other depths): declared smallest first, the components a schema holds are known when it is.
        declarations.sort_by_cached_key(|d| canonical_json(&d.schema).len());
        for declaration in declarations {
            let title = title_of(&declaration);
            let TypeDeclaration { name, schema, fidelity, source } = declaration;
            let (name, partial) = match fidelity {
                Fidelity::Whole => (self.recovery.declare(&name, schema), None),
                Fidelity::Partial => (name, Some(schema)),
            };
            self.report_recovery_notes(&source);
            self.declared.push(Declared { name, title, source, partial });
        }
    }

    /// Adds one operation given as an OpenAPI Operation Object. Problems are reported at `source`. The
    /// method `event` is how the plugin documents a webhook: it becomes one of the API's webhooks.
    pub fn add_operation(
        &mut self,
        method: &str,
        path: &str,
        operation: Map<String, Value>,
        servers: Option<Vec<Value>>,
        examples: Vec<Example>,
        source: crate::SourceRef,
    ) {
        if method.eq_ignore_ascii_case("event") {
            // The plugin writes `event` and the path `webhook` in place of the webhook's method and name, so
            // the name is the operationId (or the summary, which the plugin sets to the name when there is
            // neither) and the method POST, which nearly every webhook uses.
            let name = ["operationId", "summary"].iter().find_map(|key| operation.get(*key).and_then(Value::as_str));
            let name = name.unwrap_or("webhook").to_owned();
            self.add_webhook(&name, HttpMethod::Post, operation, servers, examples, source);
            return;
        }
        let Some(method) = HttpMethod::parse(method) else {
            let methods: Vec<&str> = HttpMethod::ALL.iter().map(|m| m.key()).collect();
            let expected = methods.join(", ");
            self.error(&source, "operation", format!("`{method}` is not an HTTP method: expected one of {expected}"));
            return;
        };
        let op = self.operation(method, path, operation, servers, examples, source);
        self.api.operations.push(op);
    }

    /// Adds one webhook: `name` is its key under `webhooks`, `method` the HTTP method of the request.
    pub fn add_webhook(
        &mut self,
        name: &str,
        method: HttpMethod,
        operation: Map<String, Value>,
        servers: Option<Vec<Value>>,
        examples: Vec<Example>,
        source: crate::SourceRef,
    ) {
        let webhook = self.operation(method, name, operation, servers, examples, source);
        self.api.webhooks.push(webhook);
    }

    fn operation(
        &mut self,
        method: HttpMethod,
        path: &str,
        mut operation: Map<String, Value>,
        servers: Option<Vec<Value>>,
        examples: Vec<Example>,
        source: crate::SourceRef,
    ) -> Operation {
        let id = take_string(&mut operation, "operationId");
        let parameters = self.parameters(operation.remove("parameters"), &source);
        let request_body = self.request_body(operation.remove("requestBody"), &source);
        let responses = self.responses(operation.remove("responses"), &source);
        self.report_recovery_notes(&source);
        let security = match operation.remove("security") {
            Some(Value::Array(items)) => Some(items),
            _ => None,
        };
        let tags = match operation.remove("tags") {
            Some(Value::Array(tags)) => tags.into_iter().filter_map(|t| t.as_str().map(str::to_owned)).collect(),
            _ => Vec::new(),
        };
        for tag in &tags {
            self.add_tag(tag, None);
        }
        self.servers_seen.push(servers.clone());
        Operation {
            id: id.unwrap_or_default(),
            method,
            path: path.to_owned(),
            summary: take_string(&mut operation, "summary"),
            description: take_string(&mut operation, "description"),
            deprecated: operation.remove("deprecated").and_then(|d| d.as_bool()).unwrap_or(false),
            tags,
            parameters,
            request_body,
            responses,
            security,
            servers,
            examples,
            extra: operation,
            source: Some(source),
        }
    }

    /// What recovery noticed in the schemas just added is reported where they are.
    fn report_recovery_notes(&mut self, source: &SourceRef) {
        for note in std::mem::take(&mut self.recovery.notes) {
            self.diagnostics.push(Diagnostic::warning(&source.file, source.at, "types", note_message(note)));
        }
    }

    fn error(&mut self, source: &crate::SourceRef, code: &'static str, message: String) {
        self.diagnostics.push(Diagnostic::error(&source.file, source.at, code, message));
    }

    fn warning(&mut self, source: &crate::SourceRef, code: &'static str, message: String) {
        self.diagnostics.push(Diagnostic::warning(&source.file, source.at, code, message));
    }

    fn schema(&mut self, schema: Option<Value>) -> Option<Value> {
        let mut schema = schema?;
        if self.inlined {
            self.recovery.recover(&mut schema);
        }
        Some(schema)
    }

    fn parameters(&mut self, value: Option<Value>, source: &crate::SourceRef) -> Vec<Parameter> {
        let Some(Value::Array(items)) = value else { return Vec::new() };
        let mut parameters = Vec::new();
        for item in items {
            let Value::Object(mut map) = item else {
                self.warning(source, "parameter", "a parameter is not an object: skipped".into());
                continue;
            };
            let name = take_string(&mut map, "name");
            let location = map.remove("in").and_then(|l| l.as_str().and_then(ParamLocation::parse));
            let (Some(name), Some(location)) = (name, location) else {
                self.warning(source, "parameter", "a parameter lacks `name` or a valid `in`: skipped".into());
                continue;
            };
            let required = map.remove("required").and_then(|r| r.as_bool()).unwrap_or(false);
            let description = take_string(&mut map, "description");
            let schema = self.schema(map.remove("schema"));
            let content_schemas =
                map.get_mut("content").and_then(Value::as_object_mut).into_iter().flat_map(|c| c.values_mut());
            for schema in content_schemas.filter_map(|media| media.get_mut("schema")) {
                *schema = self.schema(Some(schema.take())).unwrap_or_default();
            }
            parameters.push(Parameter { name, location, required, description, schema, extra: map });
        }
        parameters
    }

    fn content(&mut self, value: Option<Value>) -> Vec<MediaType> {
        let Some(Value::Object(content)) = value else { return Vec::new() };
        content
            .into_iter()
            .map(|(media_type, media)| {
                let mut extra = match media {
                    Value::Object(map) => map,
                    _ => Map::new(),
                };
                let schema = self.schema(extra.remove("schema"));
                MediaType { media_type, schema, extra }
            })
            .collect()
    }

    fn request_body(&mut self, value: Option<Value>, source: &crate::SourceRef) -> Option<RequestBody> {
        let Value::Object(mut map) = value? else {
            self.warning(source, "request-body", "`requestBody` is not an object: ignored".into());
            return None;
        };
        Some(RequestBody {
            description: take_string(&mut map, "description"),
            required: map.remove("required").and_then(|r| r.as_bool()).unwrap_or(false),
            content: self.content(map.remove("content")),
        })
    }

    fn responses(&mut self, value: Option<Value>, source: &crate::SourceRef) -> Vec<Response> {
        let Some(Value::Object(map)) = value else { return Vec::new() };
        let mut responses = Vec::new();
        for (status, response) in map {
            let Value::Object(mut response) = response else {
                self.warning(source, "response", format!("response `{status}` is not an object: skipped"));
                continue;
            };
            let description = take_string(&mut response, "description").unwrap_or_default();
            let content = self.content(response.remove("content"));
            responses.push(Response { status, description, content, extra: response });
        }
        responses
    }

    /// Recovers named types, names operations, sorts, and checks the whole.
    pub fn finish(mut self) -> (Api, Vec<Diagnostic>) {
        self.check_declared();
        let (types, notes) = std::mem::take(&mut self.recovery).finish();
        if self.inlined {
            self.api.types = types;
        }
        for note in notes {
            self.diagnostics.push(Diagnostic::warning(
                std::path::Path::new("<api>"),
                None,
                "types",
                note_message(note),
            ));
        }
        self.hoist_servers();
        self.name_webhooks();
        self.name_operations();
        self.api.operations.sort_by(|a, b| (a.path.as_str(), a.method).cmp(&(b.path.as_str(), b.method)));
        self.check_duplicate_endpoints();
        (self.api, self.diagnostics)
    }

    /// Compares each declared component with what the operations hold under its title; a partial one
    /// becomes the type where no operation holds it.
    fn check_declared(&mut self) {
        for declared in std::mem::take(&mut self.declared) {
            let mismatch = match declared.partial {
                None => self.whole_mismatch(&declared),
                Some(partial) if self.recovery.types.contains(&declared.name) => {
                    partial_mismatch(&declared.name, &partial, &self.recovery.types)
                }
                Some(partial) => {
                    self.recovery.declare(&declared.name, partial);
                    self.report_recovery_notes(&declared.source);
                    None
                }
            };
            if let Some(message) = mismatch {
                self.warning(&declared.source, "schema-mismatch", message);
            }
        }
    }

    /// The operations' copies titled like a whole declared component that have another shape.
    fn whole_mismatch(&self, declared: &Declared) -> Option<String> {
        let others = self.recovery.other_shapes(&declared.title, &declared.name);
        let first = others.first()?;
        let difference = match (self.recovery.types.get(&declared.name), self.recovery.types.get(first)) {
            (Some(here), Some(there)) => first_difference(here, there, String::new()),
            _ => None,
        };
        let at = difference
            .map_or(String::new(), |path| format!(", first at `{}`", if path.is_empty() { "/" } else { &path }));
        Some(format!(
            "the operations hold `{}` in {} other shape(s) than here (named {}){at}: expected the schema they inline",
            declared.title,
            others.len(),
            others.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
        ))
    }

    /// Servers every operation shares become the API's; operations keep only servers of their own.
    fn hoist_servers(&mut self) {
        let first = self.servers_seen.first().cloned().flatten();
        let shared = first.filter(|s| self.servers_seen.iter().all(|seen| seen.as_ref() == Some(s)));
        if let Some(shared) = shared.filter(|_| self.api.servers.is_empty()) {
            self.api.servers = shared;
        }
        let api_servers = self.api.servers.clone();
        for op in self.api.operations.iter_mut().chain(&mut self.api.webhooks) {
            if op.servers.as_ref() == Some(&api_servers) {
                op.servers = None;
            }
        }
    }

    /// Gives operations and webhooks without an id one derived from method and path (or name); reports
    /// duplicate ids, which OpenAPI forbids across both.
    fn name_operations(&mut self) {
        let mut seen: BTreeMap<String, SourceRef> = BTreeMap::new();
        for op in self.api.operations.iter_mut().chain(&mut self.api.webhooks) {
            if op.id.is_empty() {
                op.id = derived_operation_id(op.method.key(), &op.path);
            }
            let source = op.source.clone().unwrap_or_else(|| crate::at(std::path::Path::new("<api>"), None));
            match seen.get(&op.id) {
                Some(first) => {
                    let message = format!(
                        "operationId `{}` is used twice (first at {}): expected unique operation ids",
                        op.id,
                        describe(first)
                    );
                    self.diagnostics.push(Diagnostic::error(
                        &source.file,
                        source.at,
                        "duplicate-operation-id",
                        message,
                    ));
                }
                None => {
                    seen.insert(op.id.clone(), source);
                }
            }
        }
    }

    /// Sorts the webhooks by name; a name taken already (the pages of one event with two methods) gets
    /// `2`, `3`, ... with a warning, as `webhooks` keys are unique.
    fn name_webhooks(&mut self) {
        self.api.webhooks.sort_by(|a, b| a.path.cmp(&b.path));
        let mut taken = std::collections::BTreeSet::new();
        for webhook in &mut self.api.webhooks {
            let mut n = 1;
            while taken.contains(&numbered(&webhook.path, n)) {
                n += 1;
            }
            let name = numbered(&webhook.path, n);
            if n > 1 {
                let source = webhook.source.clone().unwrap_or_else(|| crate::at(std::path::Path::new("<api>"), None));
                let message = format!("the webhook `{}` is documented twice: this one is named `{name}`", webhook.path);
                self.diagnostics.push(Diagnostic::warning(&source.file, source.at, "webhook", message));
                webhook.path = name.clone();
            }
            taken.insert(name);
        }
        self.api.webhooks.sort_by(|a, b| a.path.cmp(&b.path));
    }

    fn check_duplicate_endpoints(&mut self) {
        for pair in self.api.operations.windows(2) {
            if pair[0].path == pair[1].path && pair[0].method == pair[1].method {
                let source = pair[1].source.clone().unwrap_or_else(|| crate::at(std::path::Path::new("<api>"), None));
                let message = format!(
                    "`{} {}` is documented twice: expected one page per operation",
                    pair[1].method, pair[1].path
                );
                self.diagnostics.push(Diagnostic::error(&source.file, source.at, "duplicate-operation", message));
            }
        }
    }
}

/// Where a rendering and the schema `name` that the operations hold disagree in what a rendering shows
/// whole: the property names (the rendering merges `allOf`), which are required, and the enum values.
fn partial_mismatch(name: &str, rendered: &Value, types: &crate::TypeSpace) -> Option<String> {
    let held = types.get(name)?;
    let (shown, inlined) = (PropertyNames::of(rendered, types), PropertyNames::of(held, types));
    let what = if shown.all != inlined.all {
        "properties"
    } else if shown.required != inlined.required {
        "required properties"
    } else if rendered.get("enum") != held.get("enum") {
        "enum values"
    } else {
        return None;
    };
    Some(format!("the operations hold `{name}` with other {what} than here: expected the schema they inline"))
}

/// The property names of a schema and of its `allOf` members, references followed.
#[derive(Default)]
struct PropertyNames {
    all: std::collections::BTreeSet<String>,
    required: std::collections::BTreeSet<String>,
}

impl PropertyNames {
    fn of(schema: &Value, types: &crate::TypeSpace) -> Self {
        let mut names = Self::default();
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![schema];
        while let Some(schema) = stack.pop() {
            if let Some(target) = crate::types::referenced_name(schema) {
                // A cycle through `allOf` would loop forever; each type counts once.
                if seen.insert(target) {
                    stack.extend(types.get(target));
                }
                continue;
            }
            let properties = schema.get("properties").and_then(Value::as_object);
            names.all.extend(properties.into_iter().flat_map(|p| p.keys().cloned()));
            let required = schema.get("required").and_then(Value::as_array).into_iter().flatten();
            names.required.extend(required.filter_map(|n| n.as_str().map(str::to_owned)));
            stack.extend(schema.get("allOf").and_then(Value::as_array).into_iter().flatten());
        }
        names
    }
}

/// The JSON pointer of the first place where `a` and `b` differ, `None` when they are equal.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            keys.into_iter().find_map(|key| match (a.get(key), b.get(key)) {
                (Some(x), Some(y)) => first_difference(x, y, format!("{at}/{}", pointer_token(key))),
                _ => Some(format!("{at}/{}", pointer_token(key))),
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().find_map(|(i, (x, y))| first_difference(x, y, format!("{at}/{i}")))
        }
        _ => (a != b).then_some(at),
    }
}

/// The title a declared component's copies carry: its schema's, which the plugin sets to its name.
fn title_of(declaration: &TypeDeclaration) -> String {
    declaration.schema.get("title").and_then(Value::as_str).unwrap_or(&declaration.name).to_owned()
}

/// A key as a JSON pointer step: `~` and `/` escaped.
fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn note_message(note: RecoveryNote) -> String {
    match note {
        RecoveryNote::TitleConflict { title, renamed } => {
            format!("two different schemas are titled `{title}`: the one here is named `{renamed}`")
        }
        RecoveryNote::UnknownCycleTarget { title } => {
            format!("`circular({title})` names no schema in the docs: it is read as any value")
        }
        RecoveryNote::MisplacedCycle { keyword } => {
            format!("the plugin wrote a cycle marker as `{keyword}`, which holds schemas: `{keyword}` is left out")
        }
        RecoveryNote::TooDeep => {
            format!(
                "a schema nests deeper than {} levels: the deeper part is read as any value",
                crate::types::MAX_SCHEMA_DEPTH
            )
        }
    }
}

fn describe(source: &SourceRef) -> String {
    match source.at {
        Some(at) => format!("{}:{}:{}", source.file.display(), at.line, at.column),
        None => source.file.display().to_string(),
    }
}

/// `name` for the first use, then `name2`, `name3`, ...
fn numbered(name: &str, n: usize) -> String {
    if n == 1 { name.to_owned() } else { format!("{name}{n}") }
}

/// `GET /users/{id}/keys` -> `get_users_by_id_keys`.
pub fn derived_operation_id(method: &str, path: &str) -> String {
    let mut id = method.to_owned();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        id.push('_');
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(param) => {
                id.push_str("by_");
                id.push_str(&param.to_snake_case());
            }
            None => id.push_str(&segment.to_snake_case()),
        }
    }
    id
}

fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn source() -> SourceRef {
        crate::at(std::path::Path::new("a.api.mdx"), Some(LineCol { line: 8, column: 1 }))
    }

    fn op(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn derived_ids_read_like_the_endpoint() {
        assert_eq!(derived_operation_id("get", "/users/{userId}/keys/"), "get_users_by_user_id_keys");
        assert_eq!(derived_operation_id("post", "/"), "post");
    }

    #[test]
    fn duplicate_operation_ids_are_located_errors() {
        let mut builder = ApiBuilder::from_inlined();
        builder.add_operation("get", "/a", op(json!({"operationId": "x"})), None, vec![], source());
        builder.add_operation("get", "/b", op(json!({"operationId": "x"})), None, vec![], source());
        let (_, diagnostics) = builder.finish();
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            diagnostics[0].to_string(),
            "a.api.mdx:8:1: error[duplicate-operation-id]: operationId `x` is used twice (first at a.api.mdx:8:1): expected unique operation ids"
        );
    }

    #[test]
    fn webhook_pages_become_webhooks_named_by_operation_id_or_summary() {
        let mut builder = ApiBuilder::from_inlined();
        let ping = || op(json!({"summary": "ping", "responses": {"200": {"description": "ok"}}}));
        builder.add_operation("event", "webhook", op(json!({"operationId": "new-booking"})), None, vec![], source());
        builder.add_operation("event", "webhook", ping(), None, vec![], source());
        builder.add_operation("event", "webhook", ping(), None, vec![], source());
        let (api, diagnostics) = builder.finish();
        assert!(api.operations.is_empty());
        let webhooks: Vec<[&str; 3]> =
            api.webhooks.iter().map(|w| [w.path.as_str(), w.method.key(), w.id.as_str()]).collect();
        assert_eq!(
            webhooks,
            [["new-booking", "post", "new-booking"], ["ping", "post", "post_ping"], ["ping2", "post", "post_ping2"]]
        );
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("the webhook `ping` is documented twice"));
    }

    #[test]
    fn a_title_conflict_is_reported_where_the_second_shape_is() {
        let mut builder = ApiBuilder::from_inlined();
        let body = |property: &str| json!({"content": {"application/json": {"schema": {"title": "Pet", "type": "object", "properties": {property: {}}}}}});
        builder.add_operation(
            "post",
            "/a",
            op(json!({"operationId": "a", "requestBody": body("x")})),
            None,
            vec![],
            source(),
        );
        let second = crate::at(std::path::Path::new("b.api.mdx"), Some(LineCol { line: 9, column: 1 }));
        builder.add_operation(
            "post",
            "/b",
            op(json!({"operationId": "b", "requestBody": body("y")})),
            None,
            vec![],
            second,
        );
        let (_, diagnostics) = builder.finish();
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0]
                .to_string()
                .starts_with("b.api.mdx:9:1: warning[types]: two different schemas are titled `Pet`")
        );
    }

    fn declaration(schema: Value, fidelity: Fidelity) -> TypeDeclaration {
        let source = crate::at(std::path::Path::new("schemas/query.schema.mdx"), Some(LineCol { line: 27, column: 1 }));
        TypeDeclaration { name: "Query".into(), schema, fidelity, source }
    }

    fn with_body(schema: Value) -> Map<String, Value> {
        op(json!({"operationId": "q", "requestBody": {"content": {"application/json": {"schema": schema}}}}))
    }

    fn body_schema(api: &Api) -> Option<&Value> {
        api.operations[0].request_body.as_ref()?.content[0].schema.as_ref()
    }

    #[test]
    fn a_declared_schema_owns_its_name_and_scalar_labels_with_it_stay_inline() {
        let query =
            json!({"title": "Query", "type": "object", "properties": {"query": {"title": "Query", "type": "string"}}});
        let mut builder = ApiBuilder::from_inlined();
        builder.declare_types(vec![declaration(query.clone(), Fidelity::Whole)]);
        builder.add_operation("post", "/q", with_body(query.clone()), None, vec![], source());
        let (api, diagnostics) = builder.finish();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(api.types.get("Query"), Some(&query));
        assert_eq!(body_schema(&api), Some(&json!({"$ref": "#/components/schemas/Query"})));
    }

    #[test]
    fn an_operation_copy_in_another_shape_is_a_located_warning_at_the_declaration() {
        let declared = json!({"title": "Query", "type": "object", "properties": {"a": {"type": "string"}}});
        let mut builder = ApiBuilder::from_inlined();
        builder.declare_types(vec![declaration(declared, Fidelity::Whole)]);
        let other = json!({"title": "Query", "type": "object", "properties": {"a": {"type": "integer"}}});
        builder.add_operation("post", "/q", with_body(other), None, vec![], source());
        let (api, diagnostics) = builder.finish();
        assert_eq!(body_schema(&api), Some(&json!({"$ref": "#/components/schemas/Query2"})));
        let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[1],
            "schemas/query.schema.mdx:27:1: warning[schema-mismatch]: the operations hold `Query` in 1 other shape(s) \
             than here (named `Query2`), first at `/properties/a/type`: expected the schema they inline"
        );
    }

    #[test]
    fn a_partial_declaration_is_the_type_only_where_no_operation_holds_one() {
        let rendered = json!({"title": "Query", "type": "object", "properties": {"a": {}, "b": {}}});
        let mut builder = ApiBuilder::from_inlined();
        builder.declare_types(vec![declaration(rendered.clone(), Fidelity::Partial)]);
        let (api, diagnostics) = builder.finish();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(api.types.get("Query"), Some(&rendered));

        let mut builder = ApiBuilder::from_inlined();
        builder.declare_types(vec![declaration(rendered, Fidelity::Partial)]);
        let held = json!({"title": "Query", "type": "object", "properties": {"a": {"type": "string"}}});
        builder.add_operation("post", "/q", with_body(held.clone()), None, vec![], source());
        let (api, diagnostics) = builder.finish();
        assert_eq!(api.types.get("Query"), Some(&held));
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0]
                .to_string()
                .contains("warning[schema-mismatch]: the operations hold `Query` with other properties")
        );
    }

    #[test]
    fn shared_servers_move_to_the_api_and_types_are_recovered() {
        let mut builder = ApiBuilder::from_inlined();
        let servers = Some(vec![json!({"url": "/api/v3/"})]);
        let body =
            json!({"content": {"application/json": {"schema": {"title": "User", "type": "object", "properties": {}}}}});
        builder.add_operation(
            "post",
            "/u",
            op(json!({"operationId": "u", "requestBody": body})),
            servers.clone(),
            vec![],
            source(),
        );
        builder.add_operation("get", "/u", op(json!({"operationId": "v"})), servers, vec![], source());
        let (api, diagnostics) = builder.finish();
        assert!(diagnostics.is_empty());
        assert_eq!(api.servers, [json!({"url": "/api/v3/"})]);
        assert_eq!(api.operations[0].method, HttpMethod::Get);
        assert!(api.operations.iter().all(|op| op.servers.is_none()));
        assert!(api.types.get("User").is_some());
        let body = api.operations[1].request_body.as_ref().expect("body");
        assert_eq!(body.content[0].schema, Some(json!({"$ref": "#/components/schemas/User"})));
    }
}
