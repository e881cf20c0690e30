//! What a page's component tree can show of an operation, for judging tree-only reading against the source:
//! names (the operationId up to its case convention, which the page id loses), parameters, media types,
//! statuses, and per schema node its type, format, required, nullable, enum, constraints, properties, items,
//! members and additional properties.
//!
//! What a tree cannot show is left out on both sides, each for its reason:
//! - descriptions, titles, examples, defaults, `deprecated`, `xml`, extensions and the discriminator: folded
//!   nodes show a name, a type label and markers only;
//! - `readOnly` properties in request bodies and `writeOnly` ones in responses: the plugin hides them, and the
//!   markers themselves;
//! - `allOf`: the plugin shows its members merged, so both sides compare merged;
//! - `additionalProperties` that allow any value (`true`, `{}`): the merge drops them, and folded nodes do not
//!   show them (structured ones show as `property name*` and are compared);
//! - the format of a body, response or array item that has no properties: the tree shows its type only;
//! - a request body's `required: false` and security: inline trees show neither;
//! - of a body's or response's root schema, `nullable` and `minItems`/`maxItems`: the tree shows its children;
//! - a media type without a schema and one with `schema: {}`: both show as any value;
//! - `minItems: 0` and `minLength: 0`: they bound nothing, and the tree shows no qualifier for them;
//! - numbers as written: they pass through JavaScript doubles;
//! - the spelling of nullability: `type: [T, "null"]` compares as `type: T, nullable: true`.

use serde_json::{Map, Value, json};

const CONSTRAINTS: [&str; 10] = [
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "nullable",
];

/// Where a schema node stands: the tree shows a format on properties and parameters only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Root,
    Item,
    Property,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

/// The facets of one operation as [`crate::round_trip::operations`] reduces it.
pub fn operation_facets(op: &Value) -> Value {
    let id = op["operationId"].as_str().map(id_words);
    let parameters: Vec<Value> = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let schema = schema_facets(&p["schema"], Direction::Request, Place::Property, 0);
            json!({"name": p["name"], "in": p["in"], "required": p["required"], "schema": schema})
        })
        .collect();
    let body = op["requestBody"]["content"].as_object().map(|c| media_facets(c, Direction::Request));
    let responses: Map<String, Value> = op["responses"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(status, content)| {
            (status.clone(), content.as_object().map_or(Value::Null, |c| media_facets(c, Direction::Response)))
        })
        .collect();
    json!({"operationId": id, "parameters": parameters, "requestBody": body, "responses": responses})
}

/// Whether a rebuilt operation shows what the source's does, once mdxgen's accepted decisions are allowed for
/// ([`crate::round_trip::comparable`]).
pub fn show_the_same(want: &Value, got: &Value) -> bool {
    let got = operation_facets(&crate::round_trip::comparable(want, got));
    mdxgen_ir::canonical_json(&got) == mdxgen_ir::canonical_json(&operation_facets(want))
}

/// An operationId's words, lower case: what the page id (`kebabCase`) keeps of it.
pub fn id_words(id: &str) -> String {
    id.chars().filter(char::is_ascii_alphanumeric).flat_map(char::to_lowercase).collect()
}

fn media_facets(content: &Map<String, Value>, direction: Direction) -> Value {
    let facets = content.iter().map(|(media, s)| (media.clone(), schema_facets(s, direction, Place::Root, 0)));
    Value::Object(facets.collect())
}

/// Past this depth a schema is compared no further (trees of cyclic types are cut by the plugin too).
const MAX_DEPTH: usize = 32;

fn schema_facets(schema: &Value, direction: Direction, place: Place, depth: usize) -> Value {
    let Value::Object(map) = schema else { return json!({}) };
    if depth > MAX_DEPTH || map.contains_key("$cycle") {
        return json!({"cycle": true});
    }
    let mut merged = merge_all_of(map);
    spell_null_as_nullable(&mut merged);
    let mut out = Map::new();
    let root_hides = |key: &str| place == Place::Root && matches!(key, "nullable" | "minItems" | "maxItems");
    for key in CONSTRAINTS.into_iter().filter(|k| !root_hides(k)) {
        let says_nothing = |v: &&Value| {
            matches!(v, Value::Bool(false)) || (matches!(key, "minItems" | "minLength") && v.as_f64() == Some(0.0))
        };
        if let Some(value) = merged.get(key).filter(|v| !says_nothing(v)) {
            out.insert(key.into(), number_as_double(value));
        }
    }
    if let Some(values) = merged.get("enum") {
        out.insert("enum".into(), values.clone());
    }
    let shown = shown_properties(&merged, direction);
    if let Some(format) = merged.get("format").filter(|_| place == Place::Property || !shown.is_empty()) {
        out.insert("format".into(), format.clone());
    }
    let ty = merged.get("type").cloned().or_else(|| (!shown.is_empty()).then(|| json!("object")));
    if let Some(ty) = ty {
        out.insert("type".into(), ty);
    }
    if !shown.is_empty() {
        let properties =
            shown.iter().map(|(k, v)| (k.clone(), schema_facets(v, direction, Place::Property, depth + 1))).collect();
        out.insert("properties".into(), Value::Object(properties));
        let mut required: Vec<&str> = merged
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|r| shown.contains_key(*r))
            .collect();
        required.sort_unstable();
        out.insert("required".into(), json!(required));
    }
    if let Some(items) = merged.get("items") {
        out.insert("items".into(), schema_facets(items, direction, Place::Item, depth + 1));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = merged.get(key) {
            let members = members.iter().map(|m| schema_facets(m, direction, place, depth + 1)).collect();
            out.insert(key.into(), Value::Array(members));
        }
    }
    if let Some(extra @ Value::Object(map)) = merged.get("additionalProperties")
        && !map.is_empty()
    {
        out.insert("additionalProperties".into(), schema_facets(extra, direction, Place::Property, depth + 1));
    }
    Value::Object(out)
}

/// `type: [T, "null"]` (3.1) and `type: T, nullable: true` (3.0) say the same, which a tree shows as a
/// `nullable` marker: both compare in the second spelling.
fn spell_null_as_nullable(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else { return };
    if !types.iter().any(|t| t == "null") {
        return;
    }
    let others: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
    match others.as_slice() {
        [] => map.remove("type"),
        [single] => map.insert("type".into(), single.clone()),
        _ => map.insert("type".into(), Value::Array(others)),
    };
    map.insert("nullable".into(), json!(true));
}

/// The properties a tree shows in this direction: not `readOnly` ones in requests, not `writeOnly` ones in
/// responses.
fn shown_properties(map: &Map<String, Value>, direction: Direction) -> Map<String, Value> {
    let hidden = match direction {
        Direction::Request => "readOnly",
        Direction::Response => "writeOnly",
    };
    let properties = map.get("properties").and_then(Value::as_object).into_iter().flatten();
    properties.filter(|(_, p)| p.get(hidden) != Some(&json!(true))).map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// `allOf` members merged into the schema, as the plugin shows them (json-schema-merge-allof).
fn merge_all_of(map: &Map<String, Value>) -> Map<String, Value> {
    let mut merged = map.clone();
    let Some(Value::Array(members)) = merged.remove("allOf") else { return merged };
    for member in members {
        if let Value::Object(member) = member {
            merge_into(&mut merged, merge_all_of(&member));
        }
    }
    merged
}

/// Merges `more` into `have`: properties of the same name merge in turn, required lists join, and on any
/// other keyword the first word stands.
fn merge_into(have: &mut Map<String, Value>, more: Map<String, Value>) {
    for (key, value) in more {
        match (key.as_str(), have.get_mut(&key), value) {
            ("properties", Some(Value::Object(have)), Value::Object(more)) => {
                for (name, schema) in more {
                    match (have.get_mut(&name), schema) {
                        (Some(Value::Object(own)), Value::Object(other)) => merge_into(own, merge_all_of(&other)),
                        (None, schema) => {
                            have.insert(name, schema);
                        }
                        _ => {}
                    }
                }
            }
            ("required", Some(Value::Array(have)), Value::Array(more)) => {
                have.extend(more.into_iter().filter(|r| !have.contains(r)).collect::<Vec<_>>());
            }
            (_, None, value) => {
                have.insert(key, value);
            }
            _ => {}
        }
    }
}

fn number_as_double(value: &Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(value.clone(), |f| json!(f)),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_keep_what_a_tree_shows_and_merge_all_of() {
        let op = json!({
            "operationId": "admin_apps_list",
            "parameters": [{"name": "q", "in": "query", "required": false, "schema": {"type": "string", "description": "d", "maxLength": 5}}],
            "requestBody": {"required": false, "content": {"application/json": {"allOf": [
                {"properties": {"id": {"type": "integer", "readOnly": true}, "name": {"type": "string"}}, "required": ["id", "name"]},
                {"properties": {"tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}}}}]}}},
            "responses": {"204": {}},
            "security": [{"a": []}]});
        assert_eq!(
            operation_facets(&op),
            json!({
                "operationId": "adminappslist",
                "parameters": [{"name": "q", "in": "query", "required": false, "schema": {"type": "string", "maxLength": 5.0}}],
                "requestBody": {"application/json": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}}}}},
                "responses": {"204": {}}})
        );
    }
}
