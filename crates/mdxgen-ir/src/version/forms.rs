//! The schema forms of each OpenAPI version, rewritten into the other: 3.1's JSON Schema 2020-12 keywords
//! into 3.0's forms (for the 3.0.3 export), and 3.0's `nullable` and boolean bounds into 3.1's (for the 3.1
//! export of 3.0 docs, and for the mock's validator, which speaks JSON Schema 2020-12).

use mdxgen_diag::Diagnostic;
use serde_json::{Map, Value, json};

use super::KEYWORDS_ONLY_IN_3_1;
use crate::types::subschemas_mut;

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
        for keyword in KEYWORDS_ONLY_IN_3_1 {
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

/// Rewrites the 3.0 forms of a schema from 3.0 docs to their 3.1 forms: `nullable` becomes a `null` type
/// (or a `null` member), and a boolean `exclusiveMinimum`/`exclusiveMaximum` becomes the bound itself.
/// `example` is allowed in 3.1 and stays.
pub fn to_3_1(mut schema: Value) -> Value {
    let mut stack = vec![&mut schema];
    while let Some(node) = stack.pop() {
        let Value::Object(map) = node else { continue };
        nullable_to_3_1(map);
        exclusive_bounds_to_3_1(map);
        stack.extend(subschemas_mut(map));
    }
    schema
}

/// `type: T, nullable: true` -> `type: [T, "null"]`. Without a `type`, `nullable` adds a `null` member to a
/// `oneOf`/`anyOf`, and wraps an `allOf` or `$ref` as `anyOf: [.., {type: "null"}]`: docs write
/// `allOf: [X], nullable: true` for a nullable reference, and the models read it as one. Elsewhere it says
/// nothing (3.0.3: only with `type`) and goes.
fn nullable_to_3_1(map: &mut Map<String, Value>) {
    let Some(nullable) = map.remove("nullable") else { return };
    if nullable != json!(true) {
        return;
    }
    let null_type = json!({"type": "null"});
    let union = ["oneOf", "anyOf"].into_iter().find(|k| map.get(*k).is_some_and(Value::is_array));
    if let Some(Value::String(single)) = map.get("type") {
        let types = json!([single, "null"]);
        map.insert("type".into(), types);
    } else if let Some(Value::Array(members)) = union.and_then(|k| map.get_mut(k)) {
        if !members.contains(&null_type) {
            members.push(null_type);
        }
    } else if let Some((keyword, value)) = ["allOf", "$ref"].iter().find_map(|k| map.remove(*k).map(|v| (*k, v))) {
        let mut wrapped = Map::new();
        wrapped.insert(keyword.to_owned(), value);
        map.insert("anyOf".into(), Value::Array(vec![Value::Object(wrapped), null_type]));
    }
}

/// 3.0 writes `minimum: 5, exclusiveMinimum: true`; 3.1 writes `exclusiveMinimum: 5`.
fn exclusive_bounds_to_3_1(map: &mut Map<String, Value>) {
    for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
        let Some(Value::Bool(is_exclusive)) = map.get(exclusive).cloned() else { continue };
        map.remove(exclusive);
        if is_exclusive && let Some(value) = map.remove(bound) {
            map.insert(exclusive.into(), value);
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

    #[test]
    fn nullable_becomes_a_null_type_in_3_1() {
        let schema = json!({"type": "object", "nullable": true, "properties": {
            "a": {"type": "string", "nullable": true, "enum": ["x"]},
            "b": {"type": "integer", "nullable": false},
            "c": {"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": true},
            "d": {"allOf": [{"$ref": "#/components/schemas/Pet"}], "nullable": true, "description": "d"},
            "e": {"$ref": "#/components/schemas/Pet", "nullable": true},
            "f": {"properties": {}, "nullable": true}}});
        assert_eq!(
            to_3_1(schema),
            json!({"type": ["object", "null"], "properties": {
                "a": {"type": ["string", "null"], "enum": ["x"]},
                "b": {"type": "integer"},
                "c": {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]},
                "d": {"description": "d", "anyOf": [{"allOf": [{"$ref": "#/components/schemas/Pet"}]}, {"type": "null"}]},
                "e": {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
                "f": {"properties": {}}}})
        );
    }

    #[test]
    fn boolean_exclusive_bounds_become_the_bounds_in_3_1() {
        let schema = json!({"items": {"type": "number", "minimum": 1, "exclusiveMinimum": true,
            "maximum": 9, "exclusiveMaximum": false, "example": 2}});
        assert_eq!(
            to_3_1(schema),
            json!({"items": {"type": "number", "exclusiveMinimum": 1, "maximum": 9, "example": 2}})
        );
    }
}
