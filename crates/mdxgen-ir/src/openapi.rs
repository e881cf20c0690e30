//! Building an [`Api`] from a plain OpenAPI 3.0 / 3.1 document, so every backend serves spec users too.
//!
//! Components keep their names; parameter, request body and response references (`#/components/...`)
//! are resolved in place, schema references stay references.

use std::path::Path;

use mdxgen_diag::Diagnostic;
use serde_json::{Map, Value};

use crate::build::ApiBuilder;
use crate::types::{REF_PREFIX, TypeSpace, subschemas_mut};
use crate::{Api, HttpMethod};

/// How many `$ref` hops a parameter, body or response may take before it counts as a loop.
const MAX_REF_HOPS: usize = 16;

/// Reads an OpenAPI document (already parsed from YAML or JSON). `file` names it in diagnostics.
pub fn from_openapi(doc: &Value, file: &Path) -> (Api, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let version = doc.get("openapi").and_then(Value::as_str).unwrap_or_default();
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        let found = if version.is_empty() { "no `openapi` field".to_owned() } else { format!("`openapi: {version}`") };
        diagnostics.push(Diagnostic::error(
            file,
            None,
            "openapi",
            format!("expected an OpenAPI 3.0 or 3.1 document, found {found}"),
        ));
        return (Api::default(), diagnostics);
    }
    let mut types = TypeSpace::default();
    if let Some(Value::Object(schemas)) = doc.pointer("/components/schemas") {
        for (name, schema) in schemas {
            let mut schema = schema.clone();
            check_references(&mut schema, schemas, file, &mut diagnostics);
            types.insert(name.clone(), schema);
        }
    }
    let mut builder = ApiBuilder::from_referenced(types);
    builder.diagnostics().append(&mut diagnostics);
    if let Some(Value::Object(info)) = doc.get("info") {
        builder.merge_info(info);
    }
    if let Some(Value::Array(servers)) = doc.get("servers") {
        builder.set_servers(servers.clone());
    }
    if let Some(Value::Array(security)) = doc.get("security") {
        builder.set_security(security.clone());
    }
    if let Some(Value::Object(schemes)) = doc.pointer("/components/securitySchemes") {
        builder.add_security_schemes(schemes);
    }
    if let Some(Value::Array(tags)) = doc.get("tags") {
        for tag in tags {
            if let Some(name) = tag.get("name").and_then(Value::as_str) {
                builder.add_tag(name, tag.get("description").and_then(Value::as_str).map(str::to_owned));
            }
        }
    }
    let schemas = doc.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Some(Value::Object(paths)) = doc.get("paths") {
        for (path, item) in paths {
            add_path_item(&mut builder, doc, &schemas, file, ItemKey::Path(path), item);
        }
    }
    if let Some(Value::Object(webhooks)) = doc.get("webhooks") {
        for (name, item) in webhooks {
            add_path_item(&mut builder, doc, &schemas, file, ItemKey::Webhook(name), item);
        }
    }
    builder.finish()
}

/// What a Path Item Object is the value of.
#[derive(Clone, Copy)]
enum ItemKey<'a> {
    /// `paths./pets/{id}`.
    Path(&'a str),
    /// `webhooks.newPet` (3.1).
    Webhook(&'a str),
}

fn add_path_item(
    builder: &mut ApiBuilder,
    doc: &Value,
    schemas: &Map<String, Value>,
    file: &Path,
    key: ItemKey,
    item: &Value,
) {
    let source = crate::at(file, None);
    // A 3.1 path item may be a reference to `components/pathItems`.
    let item = resolve(doc, item, file, builder.diagnostics());
    let Some(item) = item.as_object() else { return };
    let shared_parameters = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
    let path_servers = item.get("servers").and_then(Value::as_array).cloned();
    for method in HttpMethod::ALL {
        let Some(Value::Object(operation)) = item.get(method.key()) else { continue };
        let mut operation = operation.clone();
        let mut diagnostics = Vec::new();
        let parameters = merge_parameters(doc, &shared_parameters, operation.get("parameters"), file, &mut diagnostics);
        if !parameters.is_empty() {
            operation.insert("parameters".into(), Value::Array(parameters));
        }
        if let Some(body) = operation.get_mut("requestBody") {
            *body = resolve(doc, body, file, &mut diagnostics);
        }
        if let Some(Value::Object(responses)) = operation.get_mut("responses") {
            for response in responses.values_mut() {
                *response = resolve(doc, response, file, &mut diagnostics);
            }
        }
        check_operation_references(&mut operation, schemas, file, &mut diagnostics);
        let servers = match operation.remove("servers") {
            Some(Value::Array(servers)) => Some(servers),
            _ => path_servers.clone(),
        };
        builder.diagnostics().append(&mut diagnostics);
        match key {
            ItemKey::Path(path) => {
                builder.add_operation(method.key(), path, operation, servers, Vec::new(), source.clone())
            }
            ItemKey::Webhook(name) => builder.add_webhook(name, method, operation, servers, Vec::new(), source.clone()),
        }
    }
}

/// Path-level parameters, overridden by operation parameters of the same name and location.
fn merge_parameters(
    doc: &Value,
    shared: &[Value],
    own: Option<&Value>,
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Value> {
    let own: Vec<Value> =
        own.and_then(Value::as_array).into_iter().flatten().map(|p| resolve(doc, p, file, diagnostics)).collect();
    let key = |p: &Value| (p.get("name").cloned(), p.get("in").cloned());
    let mut merged: Vec<Value> = shared
        .iter()
        .map(|p| resolve(doc, p, file, diagnostics))
        .filter(|p| !own.iter().any(|o| key(o) == key(p)))
        .collect();
    merged.extend(own);
    merged
}

/// Follows `$ref`s to components other than schemas.
fn resolve(doc: &Value, value: &Value, file: &Path, diagnostics: &mut Vec<Diagnostic>) -> Value {
    let mut current = value;
    for _ in 0..MAX_REF_HOPS {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else { return current.clone() };
        match reference.strip_prefix('#').and_then(|pointer| doc.pointer(pointer)) {
            Some(target) => current = target,
            None => {
                diagnostics.push(Diagnostic::warning(
                    file,
                    None,
                    "reference",
                    format!("`{reference}` points at nothing in this document: read as empty"),
                ));
                return Value::Object(Map::new());
            }
        }
    }
    diagnostics.push(Diagnostic::warning(file, None, "reference", "a `$ref` chain loops: read as empty".to_owned()));
    Value::Object(Map::new())
}

fn check_operation_references(
    operation: &mut Map<String, Value>,
    schemas: &Map<String, Value>,
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut visit = |schema: &mut Value| check_references(schema, schemas, file, diagnostics);
    for parameter in operation.get_mut("parameters").and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(schema) = parameter.get_mut("schema") {
            visit(schema);
        }
    }
    let mut bodies: Vec<&mut Value> = Vec::new();
    for (key, value) in operation.iter_mut() {
        match key.as_str() {
            "requestBody" => bodies.push(value),
            "responses" => bodies.extend(value.as_object_mut().into_iter().flat_map(|r| r.values_mut())),
            _ => {}
        }
    }
    for body in bodies {
        for media in body.get_mut("content").and_then(Value::as_object_mut).into_iter().flat_map(|c| c.values_mut()) {
            if let Some(schema) = media.get_mut("schema") {
                visit(schema);
            }
        }
    }
}

/// Schema references must name a component schema; others degrade to any value with a warning.
fn check_references(schema: &mut Value, schemas: &Map<String, Value>, file: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let mut stack = vec![schema];
    while let Some(schema) = stack.pop() {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let known = reference.strip_prefix(REF_PREFIX).is_some_and(|name| schemas.contains_key(name));
            if !known {
                diagnostics.push(Diagnostic::warning(
                    file,
                    None,
                    "reference",
                    format!("`{reference}` is not a schema of this document: read as any value"),
                ));
                *schema = Value::Object(Map::new());
            }
            continue;
        }
        if let Value::Object(map) = schema {
            stack.extend(subschemas_mut(map));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_a_document_with_shared_parameters_and_component_references() {
        let doc = json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/pets/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {"operationId": "getPet", "responses": {"200": {"$ref": "#/components/responses/Pet"}}}}},
            "components": {
                "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
                "responses": {"Pet": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
                "schemas": {"Pet": {"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Nope"}}}}}
        });
        let (api, diagnostics) = from_openapi(&doc, Path::new("spec.json"));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("Nope"));
        let op = api.operation("getPet").expect("getPet");
        assert_eq!(op.parameters[0].name, "id");
        assert_eq!(op.responses[0].content[0].schema, Some(json!({"$ref": "#/components/schemas/Pet"})));
        assert_eq!(api.types.get("Pet").map(|p| &p["properties"]["owner"]), Some(&json!({})));
    }

    #[test]
    fn reads_the_webhooks_of_a_3_1_document() {
        let doc = json!({
            "openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "webhooks": {"newPet": {"$ref": "#/components/pathItems/NewPet"}},
            "components": {"pathItems": {"NewPet": {"put": {"operationId": "newPet"}}}}
        });
        let (api, diagnostics) = from_openapi(&doc, Path::new("spec.json"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let webhooks: Vec<[&str; 3]> =
            api.webhooks.iter().map(|w| [w.path.as_str(), w.method.key(), w.id.as_str()]).collect();
        assert_eq!(webhooks, [["newPet", "put", "newPet"]]);
    }

    #[test]
    fn rejects_swagger_2() {
        let (_, diagnostics) = from_openapi(&json!({"swagger": "2.0"}), Path::new("s.json"));
        assert!(diagnostics[0].message.contains("expected an OpenAPI 3.0 or 3.1 document"));
    }
}
