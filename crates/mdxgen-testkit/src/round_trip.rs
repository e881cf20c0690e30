//! The comparable parts of the operations of a spec, for round-trip checks: the rebuilt spec against the
//! source spec it came from, and the pages' own operations against the source.
//!
//! Each operation is reduced to path, method, operationId, parameters, request body schemas per media type,
//! response schemas per status and security, with every schema `$ref` inlined (cycles as `{"$cycle": name}`)
//! and numbers as the doubles the plugin passes them through. Schemas are compared in the form
//! [`comparison_form`] picks for the source spec.

use std::collections::BTreeMap;

use mdxgen_ir::{HttpMethod, OpenApiVersion};
use serde_json::{Map, Value, json};

/// The comparable parts of each operation, by `METHOD path`.
pub type Operations = BTreeMap<String, Value>;

/// What the plugin does to every spec before it writes pages: each component schema gets its name as
/// `title` when it has none.
pub fn plugin_view(spec: &Value) -> Value {
    let mut spec = spec.clone();
    if let Some(Value::Object(schemas)) = spec.pointer_mut("/components/schemas") {
        for (name, schema) in schemas.iter_mut() {
            if let Value::Object(schema) = schema {
                schema.entry("title").or_insert_with(|| json!(name));
            }
        }
    }
    spec
}

/// The form both sides' schemas are compared in, for a source spec. A 3.1 source: as they are, since the
/// 3.1 export keeps every keyword, so any rewrite would hide a loss. A 3.0 source: the 3.0 form the 3.0.3
/// export writes, on both sides (3.1 keywords that 3.0 docs hold, such as `examples`, put the export into
/// 3.1, where they stay as written).
pub fn comparison_form(source: &Value) -> fn(Value) -> Value {
    match OpenApiVersion::of_document(source) {
        Some(OpenApiVersion::V3_1) => std::convert::identity,
        _ => as_3_0,
    }
}

fn as_3_0(schema: Value) -> Value {
    mdxgen_ir::version::to_3_0(schema, &mut Vec::new())
}

/// The comparable parts of every operation of `spec`, dereferenced, each schema put through `normalise`.
/// Webhooks are keyed `WEBHOOK operationId`, as the plugin keeps neither their names nor their methods
/// (one without an operationId is left out).
pub fn operations(spec: &Value, normalise: &dyn Fn(Value) -> Value) -> Operations {
    let mut out = Operations::new();
    let schema = |s: Option<&Value>| {
        let inlined = deref(spec, s.unwrap_or(&Value::Null), &mut Vec::new());
        if inlined.is_null() { inlined } else { normalise(inlined) }
    };
    for (path, item) in path_items(spec, "paths") {
        for (method, op) in item_operations(spec, &item) {
            out.insert(format!("{} {path}", method.to_uppercase()), comparable_operation(spec, &item, &op, &schema));
        }
    }
    for (_, item) in path_items(spec, "webhooks") {
        for (_, op) in item_operations(spec, &item) {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                out.insert(format!("WEBHOOK {id}"), comparable_operation(spec, &item, &op, &schema));
            }
        }
    }
    out
}

/// The path items under `key` (`paths`, `webhooks`), references resolved.
fn path_items(spec: &Value, key: &str) -> Vec<(String, Value)> {
    let items = spec.get(key).and_then(Value::as_object).into_iter().flatten();
    items.map(|(name, item)| (name.clone(), resolve(spec, item))).collect()
}

fn item_operations(spec: &Value, item: &Value) -> Vec<(&'static str, Value)> {
    HttpMethod::ALL.iter().filter_map(|m| item.get(m.key()).map(|op| (m.key(), resolve(spec, op)))).collect()
}

fn comparable_operation(spec: &Value, item: &Value, op: &Value, schema: &dyn Fn(Option<&Value>) -> Value) -> Value {
    let shared_parameters = item.get("parameters").and_then(Value::as_array).into_iter().flatten();
    let mut parameters: Vec<Value> = shared_parameters
        .chain(op.get("parameters").and_then(Value::as_array).into_iter().flatten())
        .map(|p| resolve(spec, p))
        .collect();
    dedupe_parameters(&mut parameters);
    let parameters: Vec<Value> = parameters
        .iter()
        .map(|p| {
            let required = p.get("required").cloned().unwrap_or(json!(p["in"] == "path"));
            json!({"name": p["name"], "in": p["in"], "required": required, "schema": schema(p.get("schema"))})
        })
        .collect();
    let body = op.get("requestBody").map(|b| resolve(spec, b)).map(|b| {
        let required = b.get("required").cloned().unwrap_or(json!(false));
        json!({"required": required, "content": content_schemas(&b, schema)})
    });
    let responses: Map<String, Value> = op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(status, r)| (status.clone(), content_schemas(&resolve(spec, r), schema)))
        .collect();
    let security = op.get("security").or(spec.get("security")).cloned().unwrap_or(Value::Null);
    json!({"operationId": op.get("operationId"), "parameters": parameters, "requestBody": body, "responses": responses, "security": security})
}

/// A spec holding operations read straight from pages (`method`, `path`, Operation Object). The plugin
/// writes a webhook as the method `event` on the path `webhook`: those go under `webhooks`, by operationId.
pub fn spec_of_page_operations(pages: impl IntoIterator<Item = (String, String, Value)>) -> Value {
    let (mut paths, mut webhooks) = (Map::new(), Map::new());
    for (method, path, mut operation) in pages {
        cycles_as_markers(&mut operation);
        let method = method.to_ascii_lowercase();
        if method == "event" {
            let name = operation.get("operationId").and_then(Value::as_str).unwrap_or(&path).to_owned();
            webhooks.insert(name, json!({"post": operation}));
        } else {
            let item = paths.entry(path).or_insert_with(|| json!({}));
            item[method.as_str()] = operation;
        }
    }
    json!({"paths": paths, "webhooks": webhooks})
}

/// Operation parameters override path-level ones of the same name and location.
fn dedupe_parameters(parameters: &mut Vec<Value>) {
    let mut seen = std::collections::BTreeSet::new();
    let mut kept: Vec<Value> = parameters
        .iter()
        .rev()
        .filter(|p| seen.insert((p["name"].to_string(), p["in"].to_string())))
        .cloned()
        .collect();
    kept.reverse();
    kept.sort_by_key(|p| (p["in"].to_string(), p["name"].to_string()));
    *parameters = kept;
}

fn content_schemas(holder: &Value, schema: &dyn Fn(Option<&Value>) -> Value) -> Value {
    let content = holder.get("content").and_then(Value::as_object);
    Value::Object(content.into_iter().flatten().map(|(media, m)| (media.clone(), schema(m.get("schema")))).collect())
}

/// Follows a `$ref` to a non-schema component.
fn resolve(spec: &Value, value: &Value) -> Value {
    let mut current = value.clone();
    for _ in 0..16 {
        let Some(pointer) = current.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) else {
            break;
        };
        current = spec.pointer(pointer).cloned().unwrap_or(Value::Null);
    }
    current
}

/// Inlines every schema `$ref` (with its siblings over the target); a reference back into a schema being
/// inlined becomes `{"$cycle": name}`.
/// Numbers compare as the doubles the plugin turned them into.
fn deref(spec: &Value, schema: &Value, open: &mut Vec<String>) -> Value {
    match schema {
        Value::Object(map) => {
            if let Some(name) =
                map.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                if open.iter().any(|o| o == name) {
                    return json!({"$cycle": name});
                }
                let target = spec
                    .pointer(&format!("/components/schemas/{}", name.replace('~', "~0").replace('/', "~1")))
                    .cloned()
                    .unwrap_or(Value::Null);
                open.push(name.to_owned());
                let mut inlined = deref(spec, &target, open);
                open.pop();
                // The plugin's dereferencing (json-schema-ref-parser) keeps a `$ref`'s siblings, over the target.
                if let Value::Object(merged) = &mut inlined {
                    for (key, sibling) in map.iter().filter(|(k, _)| *k != "$ref") {
                        merged.insert(key.clone(), deref(spec, sibling, open));
                    }
                }
                return inlined;
            }
            Value::Object(map.iter().map(|(k, v)| (k.clone(), deref(spec, v, open))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| deref(spec, v, open)).collect()),
        Value::Number(n) => n.as_f64().map_or(schema.clone(), |f| json!(f)),
        other => other.clone(),
    }
}

/// `"circular(X)"` -> `{"$cycle": "X"}`, the form [`operations`] gives a cycle.
pub fn cycles_as_markers(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(name) = s.strip_prefix("circular(").and_then(|r| r.strip_suffix(')')) {
                *value = json!({"$cycle": name});
            }
        }
        Value::Array(items) => items.iter_mut().for_each(cycles_as_markers),
        Value::Object(map) => map.values_mut().for_each(cycles_as_markers),
        _ => {}
    }
}

/// Decisions of mdxgen that a comparison accepts, each documented in ARCHITECTURE.md: an operation without an
/// operationId gets one derived from method and path, and one without responses gets the `default`
/// response OpenAPI 3.0 requires in a 3.0.3 export. An empty operationId names nothing and counts as none.
pub fn comparable(expected: &Value, actual: &Value) -> Value {
    let mut actual = actual.clone();
    if expected["operationId"].is_null() || expected["operationId"] == "" {
        actual["operationId"] = Value::Null;
    }
    if expected["responses"].as_object().is_some_and(Map::is_empty) && actual["responses"] == json!({"default": {}}) {
        actual["responses"] = json!({});
    }
    actual
}

/// `METHOD path` of every operation page in a folder, straight from the pages' `MethodEndpoint`s.
pub fn documented_endpoints(pages: &std::path::Path) -> std::collections::BTreeSet<String> {
    let mut endpoints = std::collections::BTreeSet::new();
    for page in crate::page_files(pages) {
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        let method = text.split("method={\"").nth(1).and_then(|r| r.split('"').next());
        let path = text.split("path={\"").nth(1).and_then(|r| r.split('"').next());
        if let (Some(method), Some(path)) = (method, path) {
            endpoints.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    endpoints
}
