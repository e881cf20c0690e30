//! Round trip: the spec rebuilt from each corpus's pages equals the spec the corpus was made from, on every
//! operation (path, method, operationId, parameters, request body schemas per media type, response schemas
//! per status, security), compared after dereferencing both sides and normalising key order.
//!
//! The source side is first put through what the plugin does to every spec (see `plugin_view`); each
//! remaining difference must be one the plugin itself causes, shown by `plugin_losses` below.

use std::collections::BTreeMap;

use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::{Corpus, corpora, corpus_root, read_spec};
use serde_json::{Map, Value, json};

/// The comparable parts of each operation, by `METHOD path`.
type Operations = BTreeMap<String, Value>;

#[test]
fn rebuilt_specs_equal_their_sources() {
    let Some(root) = corpus_root() else { return };
    let (mut total, mut equal) = (0usize, 0usize);
    let mut report = String::new();
    let mut authentik_unequal = Vec::new();
    for corpus in corpora(&root) {
        let source = operations(&plugin_view(&read_spec(&corpus.spec)));
        let rebuilt = operations(&rebuilt_spec(&corpus));
        let documented = documented_endpoints(&corpus);
        let as_written = operations(&pages_as_written(&corpus));
        let mut corpus_equal = 0;
        for (key, expected) in &source {
            let Some(actual) = rebuilt.get(key) else {
                assert!(!documented.contains(key), "{}: {key} has a page but was not read", corpus.name);
                report.push_str(&format!("{}: {key}: the plugin wrote no page for it\n", corpus.name));
                continue;
            };
            let actual = &comparable(expected, actual);
            if canonical_json(actual) == canonical_json(expected) {
                corpus_equal += 1;
            } else {
                // The difference must already be in what the plugin wrote: the page's own operation differs
                // from the source too. Otherwise mdxgen lost information the page had.
                let written = as_written.get(key).map(|w| comparable(expected, w));
                assert!(
                    written.as_ref().is_some_and(|w| canonical_json(w) != canonical_json(expected)),
                    "{}: {key}: the page matches the source but the rebuilt spec does not: {}",
                    corpus.name,
                    first_difference(expected, actual, "").unwrap_or_default()
                );
                let loss = written.and_then(|w| first_difference(expected, &w, "")).unwrap_or_default();
                report.push_str(&format!("{}: {key}: plugin changed {loss}\n", corpus.name));
                if corpus.name.starts_with("authentik") {
                    authentik_unequal.push(key.clone());
                }
            }
        }
        total += source.len();
        equal += corpus_equal;
        eprintln!("{:<60} {corpus_equal:>4}/{:<4} operations equal", corpus.name, source.len());
    }
    eprintln!("{report}");
    let share = equal as f64 / total.max(1) as f64;
    eprintln!("round trip: {equal}/{total} operations equal ({:.1}%)", share * 100.0);
    assert!(authentik_unequal.is_empty(), "authentik operations differ: {authentik_unequal:?}");
    assert!(share >= 0.95, "only {:.1}% of operations round-trip", share * 100.0);
}

/// Decisions of mdxgen that the comparison accepts, each documented in ARCHITECTURE.md: an operation
/// without an operationId gets one derived from method and path, and one without responses gets the
/// `default` response OpenAPI 3.0 requires.
fn comparable(expected: &Value, actual: &Value) -> Value {
    let mut actual = actual.clone();
    if expected["operationId"].is_null() {
        actual["operationId"] = Value::Null;
    }
    if expected["responses"].as_object().is_some_and(Map::is_empty) && actual["responses"] == json!({"default": {}}) {
        actual["responses"] = json!({});
    }
    actual
}

/// `METHOD path` of every operation page in the corpus, straight from the pages' `MethodEndpoint`s.
fn documented_endpoints(corpus: &Corpus) -> std::collections::BTreeSet<String> {
    let mut endpoints = std::collections::BTreeSet::new();
    for page in mdxgen_testkit::page_files(&corpus.pages) {
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        let method = text.split("method={\"").nth(1).and_then(|r| r.split('"').next());
        let path = text.split("path={\"").nth(1).and_then(|r| r.split('"').next());
        if let (Some(method), Some(path)) = (method, path) {
            endpoints.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    endpoints
}

/// The operations exactly as the pages hold them (every schema inlined, cycles as `circular(X)`), as a
/// spec with no components.
fn pages_as_written(corpus: &Corpus) -> Value {
    let mut paths = Map::new();
    for page in mdxgen_testkit::page_files(&corpus.pages) {
        let Some(mdxgen_mdx::Page::Operation(op)) = mdxgen_mdx::read_file(&page, &ReadOptions::default()).page else {
            continue;
        };
        let mut operation = Value::Object(op.operation);
        cycles_as_markers(&mut operation);
        let item = paths.entry(op.path).or_insert_with(|| json!({}));
        item[op.method.as_str()] = operation;
    }
    json!({"paths": paths})
}

/// `"circular(X)"` -> `{"$cycle": "X"}`, the form `deref` gives a cycle.
fn cycles_as_markers(value: &mut Value) {
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

fn rebuilt_spec(corpus: &Corpus) -> Value {
    let loaded = load(std::slice::from_ref(&corpus.pages), &ReadOptions::default());
    let errors: Vec<String> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", corpus.name);
    mdxgen_codegen_document(&loaded.api)
}

fn mdxgen_codegen_document(api: &mdxgen::Api) -> Value {
    mdxgen_codegen::spec::document(api).0
}

/// What the plugin does to every spec before it writes pages: each component schema gets its name as
/// `title` when it has none.
fn plugin_view(spec: &Value) -> Value {
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

/// The comparable parts of every operation of `spec`, dereferenced.
fn operations(spec: &Value) -> Operations {
    let mut out = Operations::new();
    let Some(Value::Object(paths)) = spec.get("paths") else { return out };
    for (path, item) in paths {
        let item = resolve(spec, item);
        let shared_parameters = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
        for method in ["get", "put", "post", "delete", "options", "head", "patch", "trace"] {
            let Some(op) = item.get(method) else { continue };
            let op = resolve(spec, op);
            let mut parameters: Vec<Value> = shared_parameters
                .iter()
                .chain(op.get("parameters").and_then(Value::as_array).into_iter().flatten())
                .map(|p| resolve(spec, p))
                .collect();
            dedupe_parameters(&mut parameters);
            let parameters: Vec<Value> = parameters
                .iter()
                .map(|p| json!({"name": p["name"], "in": p["in"], "required": p.get("required").cloned().unwrap_or(json!(p["in"] == "path")), "schema": as_3_0(deref(spec, p.get("schema").unwrap_or(&Value::Null), &mut Vec::new()))}))
                .collect();
            let body = op.get("requestBody").map(|b| content_schemas(spec, &resolve(spec, b)));
            let responses: Map<String, Value> = op
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(status, r)| (status.clone(), content_schemas(spec, &resolve(spec, r))))
                .collect();
            let security = op.get("security").or(spec.get("security")).cloned().unwrap_or(Value::Null);
            out.insert(
                format!("{} {path}", method.to_uppercase()),
                json!({"operationId": op.get("operationId"), "parameters": parameters, "requestBody": body, "responses": responses, "security": security}),
            );
        }
    }
    out
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

fn content_schemas(spec: &Value, holder: &Value) -> Value {
    let content = holder.get("content").and_then(Value::as_object);
    let schemas: Map<String, Value> = content
        .into_iter()
        .flatten()
        .map(|(media, m)| {
            (media.clone(), as_3_0(deref(spec, m.get("schema").unwrap_or(&Value::Null), &mut Vec::new())))
        })
        .collect();
    Value::Object(schemas)
}

/// The exported spec is OpenAPI 3.0.3: 3.1 schemas are compared in the 3.0 form mdxgen writes for them.
fn as_3_0(schema: Value) -> Value {
    if schema.is_null() { schema } else { mdxgen_codegen::spec::to_3_0(schema, &mut Vec::new()) }
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

/// Inlines every schema `$ref`; a reference back into a schema being inlined becomes `{"$cycle": name}`.
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
                let inlined = deref(spec, &target, open);
                open.pop();
                return inlined;
            }
            Value::Object(map.iter().map(|(k, v)| (k.clone(), deref(spec, v, open))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| deref(spec, v, open)).collect()),
        Value::Number(n) => n.as_f64().map_or(schema.clone(), |f| json!(f)),
        other => other.clone(),
    }
}
