//! Named types recovered from inlined schemas.
//!
//! The plugin inlines every `$ref`, so a page holds each component's full schema wherever it is used,
//! marked with its `title` (the plugin sets `title` to the component name when the spec has none), and a
//! cycle as the string `"circular(Title)"`. Recovery walks each schema bottom-up: once a node's children are
//! references, a titled node is looked up by title and canonical shape (keys sorted), so every use of one
//! component collapses to one named type and a `$ref`. Two shapes under one title are kept under
//! deterministic distinct names (`Title`, `Title2`, ...) with a warning.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde_json::{Map, Value};

/// The `$ref` prefix of named types, as in an OpenAPI document.
pub const REF_PREFIX: &str = "#/components/schemas/";

/// A JSON schema nests no deeper than this in any real spec; deeper input is cut off with a warning
/// rather than risking the stack.
pub const MAX_SCHEMA_DEPTH: usize = 256;

/// The named types of an API, in the order they were first seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeSpace {
    types: IndexMap<String, Value>,
}

impl TypeSpace {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.types.get(name)
    }

    /// Named types by name, in a stable order (sorted), for backends.
    pub fn iter_sorted(&self) -> impl Iterator<Item = (&String, &Value)> {
        let mut sorted: Vec<_> = self.types.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        sorted.into_iter()
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn insert(&mut self, name: String, schema: Value) {
        self.types.insert(name, schema);
    }

    pub fn contains(&self, name: &str) -> bool {
        self.types.contains_key(name)
    }
}

/// The reference to named type `name`.
pub fn reference(name: &str) -> Value {
    let mut map = Map::new();
    map.insert("$ref".into(), Value::String(format!("{REF_PREFIX}{name}")));
    Value::Object(map)
}

/// The type name a `$ref` points at, for local references.
pub fn referenced_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix(REF_PREFIX)
}

/// Something recovery wants the user to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryNote {
    /// One title, several shapes: the later ones were named `renamed`.
    TitleConflict { title: String, renamed: String },
    /// `circular(X)` names no titled schema seen anywhere; it became an unconstrained schema.
    UnknownCycleTarget { title: String },
    /// A schema nested deeper than [`MAX_SCHEMA_DEPTH`] was cut off.
    TooDeep,
}

/// Recovers named types from inlined schemas, across all pages of one API.
#[derive(Debug, Default)]
pub struct Recovery {
    pub types: TypeSpace,
    /// title -> (canonical shape -> assigned name)
    shapes: BTreeMap<String, BTreeMap<String, String>>,
    /// `circular(X)` targets seen, to check once everything is read.
    cycle_targets: Vec<String>,
    pub notes: Vec<RecoveryNote>,
}

impl Recovery {
    /// Rewrites `schema` in place: titled sub-schemas become `$ref`s to named types, `circular(X)` strings
    /// become `$ref`s to `X`, and discriminator mappings point at names again.
    pub fn recover(&mut self, schema: &mut Value) {
        self.visit(schema, 0);
    }

    fn visit(&mut self, schema: &mut Value, depth: usize) {
        if depth > MAX_SCHEMA_DEPTH {
            *schema = Value::Object(Map::new());
            self.notes.push(RecoveryNote::TooDeep);
            return;
        }
        if let Some(title) = schema.as_str().and_then(circular_target) {
            let title = title.to_owned();
            *schema = reference(&title);
            self.cycle_targets.push(title);
            return;
        }
        let Value::Object(map) = schema else { return };
        restore_stripped_members(map);
        for child in subschemas_mut(map) {
            self.visit(child, depth + 1);
        }
        restore_discriminator_mapping(map);
        if let Some((title, kind)) = titled_kind(map)
            && let Some(name) = self.name_for(title, kind, schema)
        {
            *schema = reference(&name);
        }
    }

    /// The name of the type with this title and shape, registering it when new; `None` when the schema
    /// stays inline.
    fn name_for(&mut self, title: String, kind: Titled, schema: &Value) -> Option<String> {
        let canonical = canonical_json(schema);
        let variants = self.shapes.entry(title.clone()).or_default();
        if let Some(name) = variants.get(&canonical) {
            return Some(name.clone());
        }
        if kind == Titled::ScalarComponent && !variants.is_empty() {
            return None;
        }
        let name =
            if variants.is_empty() { title.clone() } else { distinct_name(&title, variants.len() + 1, &self.types) };
        if name != title {
            self.notes.push(RecoveryNote::TitleConflict { title: title.clone(), renamed: name.clone() });
        }
        variants.insert(canonical, name.clone());
        self.types.insert(name.clone(), schema.clone());
        Some(name)
    }

    /// Checks what can only be checked once every page was read: cycle targets exist.
    pub fn finish(mut self) -> (TypeSpace, Vec<RecoveryNote>) {
        let mut missing: Vec<String> = self.cycle_targets.iter().filter(|t| !self.types.contains(t)).cloned().collect();
        missing.sort();
        missing.dedup();
        for title in missing {
            self.types.insert(title.clone(), Value::Object(Map::new()));
            self.notes.push(RecoveryNote::UnknownCycleTarget { title });
        }
        (self.types, self.notes)
    }
}

fn distinct_name(title: &str, mut n: usize, types: &TypeSpace) -> String {
    loop {
        let candidate = format!("{title}{n}");
        if !types.contains(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

/// `circular(Title)` -> `Title`.
fn circular_target(text: &str) -> Option<&str> {
    text.strip_prefix("circular(")?.strip_suffix(')')
}

/// What a `title` makes of a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Titled {
    /// A named type: objects, enums, compositions, arrays, maps.
    Component,
    /// A scalar with an identifier-like title: a named type unless its title is already taken by another
    /// shape, in which case it is a field label (`is_active: {type: boolean, title: Active}`).
    ScalarComponent,
}

/// Whether this schema's title names a type, or `None` when it stays inline: a titled scalar or `allOf: [X]`
/// wrapper whose title is prose (`Pbm uuid`, `Service Provider Binding`) is a field label.
fn titled_kind(map: &Map<String, Value>) -> Option<(String, Titled)> {
    let title = map.get("title")?.as_str()?;
    let prose = title.contains(char::is_whitespace);
    let single_all_of = map.get("allOf").and_then(Value::as_array).is_some_and(|members| members.len() == 1);
    let structured =
        ["properties", "enum", "oneOf", "anyOf", "items", "additionalProperties"].iter().any(|k| map.contains_key(*k))
            || (map.contains_key("allOf") && !(single_all_of && prose));
    match (structured, prose) {
        (true, _) => Some((title.to_owned(), Titled::Component)),
        (false, false) => Some((title.to_owned(), Titled::ScalarComponent)),
        (false, true) => None,
    }
}

/// How a keyword nests schemas.
enum Nesting {
    /// `items: {..}`.
    One,
    /// `allOf: [{..}, ..]`.
    List,
    /// `properties: {name: {..}, ..}`.
    Named,
    /// `discriminator: {mapping: {value: {..}}}`: the plugin puts the schemas themselves where the spec
    /// has reference strings.
    MappingTargets,
}

fn nesting(keyword: &str) -> Option<Nesting> {
    match keyword {
        "items" | "not" | "additionalProperties" | "contains" | "if" | "then" | "else" | "propertyNames" => {
            Some(Nesting::One)
        }
        "allOf" | "oneOf" | "anyOf" | "prefixItems" => Some(Nesting::List),
        "properties" | "patternProperties" | "$defs" | "dependentSchemas" => Some(Nesting::Named),
        "discriminator" => Some(Nesting::MappingTargets),
        _ => None,
    }
}

/// The direct sub-schemas of a schema object: every position where JSON Schema nests a schema, plus the
/// schemas the plugin put in place of discriminator mapping targets.
pub fn subschemas_mut(map: &mut Map<String, Value>) -> Vec<&mut Value> {
    let mut children = Vec::new();
    for (key, value) in map.iter_mut() {
        match nesting(key) {
            Some(Nesting::One) if value.is_object() || value.is_string() => children.push(value),
            Some(Nesting::List) => children.extend(value.as_array_mut().into_iter().flatten()),
            Some(Nesting::Named) => children.extend(value.as_object_mut().into_iter().flat_map(|m| m.values_mut())),
            Some(Nesting::MappingTargets) => children.extend(
                value
                    .get_mut("mapping")
                    .and_then(Value::as_object_mut)
                    .into_iter()
                    .flat_map(|m| m.values_mut())
                    .filter(|v| v.is_object()),
            ),
            Some(Nesting::One) | None => {}
        }
    }
    children
}

/// The direct sub-schemas of a schema object as [`subschemas_mut`] finds them, each with the keyword that
/// holds it, and boolean schemas included (`items: false`, `additionalProperties: true`).
pub fn subschemas(map: &Map<String, Value>) -> Vec<(&str, &Value)> {
    let mut children = Vec::new();
    for (key, value) in map {
        let key = key.as_str();
        match nesting(key) {
            Some(Nesting::One) => children.push((key, value)),
            Some(Nesting::List) => children.extend(value.as_array().into_iter().flatten().map(|v| (key, v))),
            Some(Nesting::Named) => {
                children.extend(value.as_object().into_iter().flat_map(|m| m.values()).map(|v| (key, v)))
            }
            Some(Nesting::MappingTargets) => children.extend(
                value
                    .get("mapping")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flat_map(|m| m.values())
                    .filter(|v| v.is_object())
                    .map(|v| (key, v)),
            ),
            None => {}
        }
    }
    children
}

/// Plugin versions up to 4.1 delete parts (`properties`, `allOf`) of the `oneOf`/`anyOf` members of a
/// schema with a discriminator mapping, while the mapping keeps the whole schemas. A member whose keys are
/// a subset of the mapping target with its title gets the whole schema back.
fn restore_stripped_members(map: &mut Map<String, Value>) {
    let Some(Value::Object(mapping)) = map.get("discriminator").and_then(|d| d.get("mapping")) else { return };
    let targets: Vec<Value> = mapping.values().filter(|t| t.is_object()).cloned().collect();
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(members)) = map.get_mut(key) else { continue };
        for member in members.iter_mut() {
            let whole = targets.iter().find(|t| {
                t.get("title").is_some() && t.get("title") == member.get("title") && is_stripped_copy(member, t)
            });
            if let Some(whole) = whole {
                *member = whole.clone();
            }
        }
    }
}

/// Whether `member` is `whole` with some keys deleted (and at least one).
fn is_stripped_copy(member: &Value, whole: &Value) -> bool {
    match (member.as_object(), whole.as_object()) {
        (Some(m), Some(w)) => m.len() < w.len() && m.iter().all(|(k, v)| w.get(k) == Some(v)),
        _ => false,
    }
}

/// The plugin replaces each discriminator mapping target with the schema it names; once that schema is a
/// `$ref` again, the mapping gets back its reference string.
fn restore_discriminator_mapping(map: &mut Map<String, Value>) {
    let Some(Value::Object(mapping)) = map.get_mut("discriminator").and_then(|d| d.get_mut("mapping")) else {
        return;
    };
    for target in mapping.values_mut() {
        if let Some(reference) = target.get("$ref").and_then(Value::as_str) {
            *target = Value::String(reference.to_owned());
        }
    }
}

/// JSON with object keys sorted at every level: equal for structurally equal values.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn titled_schemas_become_named_types_and_dedupe() {
        let mut recovery = Recovery::default();
        let user = json!({"type": "object", "title": "User", "properties": {"name": {"type": "string"}}});
        let mut a = json!({"type": "array", "items": user.clone()});
        let mut b = json!({"allOf": [user]});
        recovery.recover(&mut a);
        recovery.recover(&mut b);
        assert_eq!(a, json!({"type": "array", "items": {"$ref": "#/components/schemas/User"}}));
        assert_eq!(b, json!({"allOf": [{"$ref": "#/components/schemas/User"}]}));
        let (types, notes) = recovery.finish();
        assert_eq!(types.len(), 1);
        assert!(notes.is_empty());
    }

    #[test]
    fn cycles_become_references() {
        let mut recovery = Recovery::default();
        let mut person = json!({"type": "object", "title": "Person", "properties": {
            "employer": {"type": "object", "title": "Company", "properties": {"ceo": "circular(Person)"}}}});
        recovery.recover(&mut person);
        let (types, notes) = recovery.finish();
        assert!(notes.is_empty());
        assert_eq!(
            types.get("Company"),
            Some(
                &json!({"type": "object", "title": "Company", "properties": {"ceo": {"$ref": "#/components/schemas/Person"}}})
            )
        );
    }

    #[test]
    fn one_title_two_shapes_get_distinct_names_with_a_note() {
        let mut recovery = Recovery::default();
        recovery.recover(&mut json!({"title": "Pet", "properties": {"a": {}}}));
        let mut second = json!({"title": "Pet", "properties": {"b": {}}});
        recovery.recover(&mut second);
        assert_eq!(second, reference("Pet2"));
        let (_, notes) = recovery.finish();
        assert_eq!(notes, [RecoveryNote::TitleConflict { title: "Pet".into(), renamed: "Pet2".into() }]);
    }

    #[test]
    fn prose_titles_on_scalars_stay_inline_and_mappings_are_restored() {
        let mut recovery = Recovery::default();
        let mut schema = json!({"oneOf": [{"title": "Cat", "properties": {}}], "discriminator": {"propertyName": "kind",
            "mapping": {"cat": {"title": "Cat", "properties": {}}}}, "properties": {"id": {"type": "string", "title": "Pbm uuid"}}});
        recovery.recover(&mut schema);
        assert_eq!(schema["discriminator"]["mapping"]["cat"], "#/components/schemas/Cat");
        assert_eq!(schema["properties"]["id"]["title"], "Pbm uuid");
    }

    #[test]
    fn members_stripped_by_old_plugins_are_restored_from_the_mapping() {
        let whole =
            json!({"title": "Cat", "type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}});
        let stripped = json!({"title": "Cat", "type": "object", "required": ["kind"]});
        let mut schema =
            json!({"oneOf": [stripped], "discriminator": {"propertyName": "kind", "mapping": {"cat": whole.clone()}}});
        let mut recovery = Recovery::default();
        recovery.recover(&mut schema);
        let (types, notes) = recovery.finish();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(types.get("Cat"), Some(&whole));
    }

    #[test]
    fn field_labels_stay_inline() {
        let mut recovery = Recovery::default();
        let mut first = json!({"properties": {"on": {"type": "boolean", "title": "Active"}}});
        let mut second = json!({"properties": {"on": {"type": "boolean", "title": "Active", "description": "d"},
            "kind": {"title": "Service Provider Binding", "allOf": [{"title": "KindEnum", "enum": ["a"]}]}}});
        recovery.recover(&mut first);
        recovery.recover(&mut second);
        assert_eq!(second["properties"]["on"]["title"], "Active");
        assert_eq!(second["properties"]["kind"]["allOf"][0], reference("KindEnum"));
        assert!(recovery.finish().1.is_empty());
    }

    #[test]
    fn hostile_depth_is_cut_off() {
        let mut schema = json!({});
        for _ in 0..(MAX_SCHEMA_DEPTH + 10) {
            schema = json!({"items": schema});
        }
        let mut recovery = Recovery::default();
        recovery.recover(&mut schema);
        assert_eq!(recovery.finish().1, [RecoveryNote::TooDeep]);
    }
}
