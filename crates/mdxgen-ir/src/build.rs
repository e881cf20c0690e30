//! Building an [`Api`] from OpenAPI JSON pieces: one operation per page, plus what the pages repeat
//! (info, servers, security schemes).

use std::collections::BTreeMap;
use std::path::PathBuf;

use heck::ToSnakeCase;
use mdxgen_diag::{Diagnostic, LineCol};
use serde_json::{Map, Value};

use crate::types::{Recovery, RecoveryNote};
use crate::{Api, Example, METHODS, MediaType, Operation, ParamLocation, Parameter, RequestBody, Response, Tag};

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
        let method = method.to_ascii_lowercase();
        if method == "event" {
            // The plugin writes `event` and the path `webhook` in place of the webhook's method and name, so
            // the name is the operationId (or the summary, which the plugin sets to the name when there is
            // neither) and the method POST, which nearly every webhook uses.
            let name = ["operationId", "summary"].iter().find_map(|key| operation.get(*key).and_then(Value::as_str));
            let name = name.unwrap_or("webhook").to_owned();
            self.add_webhook(&name, "post", operation, servers, examples, source);
            return;
        }
        if !METHODS.contains(&method.as_str()) {
            self.error(
                &source,
                "operation",
                format!("`{method}` is not an HTTP method: expected one of {}", METHODS.join(", ")),
            );
            return;
        }
        let op = self.operation(method, path, operation, servers, examples, source);
        self.api.operations.push(op);
    }

    /// Adds one webhook: `name` is its key under `webhooks`, `method` the HTTP method of the request.
    pub fn add_webhook(
        &mut self,
        name: &str,
        method: &str,
        operation: Map<String, Value>,
        servers: Option<Vec<Value>>,
        examples: Vec<Example>,
        source: crate::SourceRef,
    ) {
        let webhook = self.operation(method.to_ascii_lowercase(), name, operation, servers, examples, source);
        self.api.webhooks.push(webhook);
    }

    fn operation(
        &mut self,
        method: String,
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
        // What recovery noticed in this operation's schemas is reported where the operation is.
        for note in std::mem::take(&mut self.recovery.notes) {
            self.diagnostics.push(Diagnostic::warning(&source.file, source.at, "types", note_message(note)));
        }
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
        self.api
            .operations
            .sort_by(|a, b| (a.path.as_str(), method_rank(&a.method)).cmp(&(b.path.as_str(), method_rank(&b.method))));
        self.check_duplicate_endpoints();
        (self.api, self.diagnostics)
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
                op.id = derived_operation_id(&op.method, &op.path);
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
                    pair[1].method.to_ascii_uppercase(),
                    pair[1].path
                );
                self.diagnostics.push(Diagnostic::error(&source.file, source.at, "duplicate-operation", message));
            }
        }
    }
}

fn note_message(note: RecoveryNote) -> String {
    match note {
        RecoveryNote::TitleConflict { title, renamed } => {
            format!("two different schemas are titled `{title}`: the one here is named `{renamed}`")
        }
        RecoveryNote::UnknownCycleTarget { title } => {
            format!("`circular({title})` names no schema in the docs: it is read as any value")
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

fn method_rank(method: &str) -> usize {
    METHODS.iter().position(|m| *m == method).unwrap_or(METHODS.len())
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
            api.webhooks.iter().map(|w| [w.path.as_str(), w.method.as_str(), w.id.as_str()]).collect();
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
        assert_eq!(api.operations[0].method, "get");
        assert!(api.operations.iter().all(|op| op.servers.is_none()));
        assert!(api.types.get("User").is_some());
        let body = api.operations[1].request_body.as_ref().expect("body");
        assert_eq!(body.content[0].schema, Some(json!({"$ref": "#/components/schemas/User"})));
    }
}
