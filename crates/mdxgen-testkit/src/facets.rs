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
//! - in the inline trees of plugin versions before 4.2 ([`Tree::Inline`]), `additionalProperties` the plugin's
//!   `createAdditionalProperties` renders nothing for (a bare `type: object` or `array`, or docs alone: it
//!   knows structured and scalar ones only), and those of array items that have properties (`createItems`
//!   renders the properties alone), and the `allOf` members of array items that have properties of their
//!   own (the same);
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

/// How the pages hold their trees: what the plugin can show differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    /// Rendered JSX (`SchemaItem` nodes in `<details>`), plugin versions before 4.2.
    Inline,
    /// The schemas themselves, as props of the shell components (4.2 and later).
    Props,
}

impl Tree {
    /// The tree form of a plugin version (`4.0.1` -> inline, `4.2.0` and `5.2.0` -> props).
    pub fn of_plugin(version: &str) -> Self {
        let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        if (major, minor) < (4, 2) { Self::Inline } else { Self::Props }
    }
}

#[derive(Clone, Copy)]
struct View {
    direction: Direction,
    tree: Tree,
}

/// The facets of one operation as [`crate::round_trip::operations`] reduces it, as a tree of form `tree` shows
/// them.
pub fn operation_facets(op: &Value, tree: Tree) -> Value {
    let id = op["operationId"].as_str().map(id_words);
    let parameters: Vec<Value> = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let request = View { direction: Direction::Request, tree };
            let schema = schema_facets(&p["schema"], request, Place::Property, 0);
            json!({"name": p["name"], "in": p["in"], "required": p["required"], "schema": schema})
        })
        .collect();
    let body =
        op["requestBody"]["content"].as_object().map(|c| media_facets(c, View { direction: Direction::Request, tree }));
    let responses: Map<String, Value> = op["responses"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(status, content)| {
            let response = View { direction: Direction::Response, tree };
            (status.clone(), content.as_object().map_or(Value::Null, |c| media_facets(c, response)))
        })
        .collect();
    json!({"operationId": id, "parameters": parameters, "requestBody": body, "responses": responses})
}

/// Whether a rebuilt operation shows what the source's does, once mdxgen's accepted decisions are allowed for
/// ([`crate::round_trip::comparable`]).
pub fn show_the_same(want: &Value, got: &Value, tree: Tree) -> bool {
    let got = operation_facets(&crate::round_trip::comparable(want, got), tree);
    mdxgen_ir::canonical_json(&got) == mdxgen_ir::canonical_json(&operation_facets(want, tree))
}

/// An operationId's words, lower case: what the page id (`kebabCase`) keeps of it.
pub fn id_words(id: &str) -> String {
    id.chars().filter(char::is_ascii_alphanumeric).flat_map(char::to_lowercase).collect()
}

fn media_facets(content: &Map<String, Value>, view: View) -> Value {
    let facets = content.iter().map(|(media, s)| (media.clone(), schema_facets(s, view, Place::Root, 0)));
    Value::Object(facets.collect())
}

/// Past this depth a schema is compared no further (trees of cyclic types are cut by the plugin too).
const MAX_DEPTH: usize = 32;

fn schema_facets(schema: &Value, view: View, place: Place, depth: usize) -> Value {
    let Value::Object(map) = schema else { return json!({}) };
    if depth > MAX_DEPTH || map.contains_key("$cycle") {
        return json!({"cycle": true});
    }
    let mut merged = match (view.tree, place) {
        // `createItems` renders an item's own properties and nothing of its `allOf` members.
        (Tree::Inline, Place::Item) if map.contains_key("properties") => {
            let mut own = map.clone();
            own.remove("allOf");
            own
        }
        _ => merge_all_of(map),
    };
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
    let shown = shown_properties(&merged, view.direction);
    if let Some(format) = merged.get("format").filter(|_| place == Place::Property || !shown.is_empty()) {
        out.insert("format".into(), format.clone());
    }
    let ty = merged.get("type").cloned().or_else(|| (!shown.is_empty()).then(|| json!("object")));
    if let Some(ty) = ty {
        out.insert("type".into(), ty);
    }
    if !shown.is_empty() {
        let properties =
            shown.iter().map(|(k, v)| (k.clone(), schema_facets(v, view, Place::Property, depth + 1))).collect();
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
        out.insert("items".into(), schema_facets(items, view, Place::Item, depth + 1));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = merged.get(key) {
            let members = members.iter().map(|m| schema_facets(m, view, place, depth + 1)).collect();
            out.insert(key.into(), Value::Array(members));
        }
    }
    if let Some(extra @ Value::Object(map)) = merged.get("additionalProperties")
        && !map.is_empty()
        && (view.tree == Tree::Props || inline_tree_shows_additional(map, &merged, place))
    {
        out.insert("additionalProperties".into(), schema_facets(extra, view, Place::Property, depth + 1));
    }
    Value::Object(out)
}

/// Whether an inline tree renders the `additionalProperties` of `schema` (plugin 3.x and 4.0/4.1
/// `createAdditionalProperties` and `createItems`).
fn inline_tree_shows_additional(additional: &Map<String, Value>, schema: &Map<String, Value>, place: Place) -> bool {
    const STRUCTURED: [&str; 6] = ["properties", "items", "allOf", "additionalProperties", "oneOf", "anyOf"];
    let items_with_properties = place == Place::Item && schema.contains_key("properties");
    let structured = STRUCTURED.iter().any(|k| additional.contains_key(*k));
    let scalar = additional
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| matches!(t, "string" | "boolean" | "integer" | "number"));
    !items_with_properties && (structured || scalar)
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
    fn inline_trees_leave_out_what_the_plugin_does_not_render() {
        let bare = json!({"type": "object", "additionalProperties": {"type": "object"}});
        let scalar = json!({"type": "object", "additionalProperties": {"type": "string"}});
        let item = json!({"type": "array", "items": {"allOf": [{"properties": {"id": {"type": "string"}}}],
            "properties": {"count": {"type": "integer"}}, "additionalProperties": {"type": "string"}}});
        let op = |schema: &Value| json!({"responses": {"200": {"application/json": schema}}});
        let shown =
            |schema: &Value, tree| operation_facets(&op(schema), tree)["responses"]["200"]["application/json"].clone();
        assert_eq!(shown(&bare, Tree::Inline), json!({"type": "object"}));
        assert_eq!(shown(&bare, Tree::Props), json!({"type": "object", "additionalProperties": {"type": "object"}}));
        assert_eq!(shown(&scalar, Tree::Inline)["additionalProperties"], json!({"type": "string"}));
        let items = shown(&item, Tree::Inline)["items"].clone();
        assert_eq!(items, json!({"type": "object", "properties": {"count": {"type": "integer"}}, "required": []}));
        let items = shown(&item, Tree::Props)["items"].clone();
        assert_eq!(items["properties"].as_object().map(|p| p.len()), Some(2));
        assert_eq!(items["additionalProperties"], json!({"type": "string"}));
        assert_eq!((Tree::of_plugin("4.0.1"), Tree::of_plugin("4.2.0")), (Tree::Inline, Tree::Props));
    }

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
            operation_facets(&op, Tree::Inline),
            json!({
                "operationId": "adminappslist",
                "parameters": [{"name": "q", "in": "query", "required": false, "schema": {"type": "string", "maxLength": 5.0}}],
                "requestBody": {"application/json": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}}}}},
                "responses": {"204": {}}})
        );
    }
}
