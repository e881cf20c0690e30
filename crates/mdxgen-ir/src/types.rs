//! Named types recovered from inlined schemas.
//!
//! The plugin inlines every `$ref`, so a page holds each component's full schema wherever it is used,
//! marked with its `title` (the plugin sets `title` to the component name when the spec has none), and a
//! cycle as the string `"circular(Title)"`. Recovery walks each schema bottom-up: once a node's children are
//! references, a titled node is looked up by title and canonical shape (keys sorted), so every use of one
//! component collapses to one named type and a `$ref`. Two shapes under one title are kept under
//! deterministic distinct names (`Title`, `Title2`, ...) with a warning.
//!
//! Where the docs show components whole on their own (schema pages), they are declared first: a declared
//! schema owns its title, and its copies become references to it even where the title alone would read as
//! a field label.
//!
//! The plugin also writes a title on fields (`is_active: {type: boolean, title: Active}`, `pk: {type:
//! integer, title: ID}`): a scalar held by `properties`, or an array there with a prose title, is that
//! field's label, not a type, and stays inline with its title (a reference only to a declared component
//! of exactly its title and shape).

use std::collections::{BTreeMap, BTreeSet};

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
    /// The plugin wrote its cycle marker where no schema goes (`properties: "circular()"`, for a cycle
    /// through an untitled schema): the keyword was left out.
    MisplacedCycle { keyword: String },
}

/// Recovers named types from inlined schemas, across all pages of one API.
#[derive(Debug, Default)]
pub struct Recovery {
    pub types: TypeSpace,
    /// title -> (canonical shape -> assigned name)
    shapes: BTreeMap<String, BTreeMap<String, String>>,
    /// `circular(X)` targets seen, to check once everything is read.
    cycle_targets: Vec<String>,
    /// Titles of declared components: a scalar with one of them is a field label unless it has the
    /// declared shape.
    reserved: BTreeSet<String>,
    pub notes: Vec<RecoveryNote>,
}

impl Recovery {
    /// Rewrites `schema` in place: titled sub-schemas become `$ref`s to named types, `circular(X)` strings
    /// become `$ref`s to `X`, and discriminator mappings point at names again.
    pub fn recover(&mut self, schema: &mut Value) {
        self.visit(schema, 0, false);
    }

    /// Announces a component that the docs declare (whole or not), so that no scalar field label takes
    /// its title.
    pub fn reserve(&mut self, title: &str) {
        self.reserved.insert(title.to_owned());
    }

    /// Declares the component `name` with its whole schema (every `$ref` inlined): its sub-schemas are
    /// recovered, and the copies of it that later schemas hold become references to it. Returns the name
    /// it got: `name`, or a distinct one (with a note) when an earlier schema with its title took it.
    pub fn declare(&mut self, name: &str, mut schema: Value) -> String {
        if let Value::Object(map) = &mut schema {
            self.recover_children(map, 0);
        }
        let title = schema.get("title").and_then(Value::as_str).unwrap_or(name).to_owned();
        let canonical = canonical_json(&schema);
        if let Some(known) = self.shapes.get(&title).and_then(|variants| variants.get(&canonical)) {
            return known.clone();
        }
        let assigned = if self.types.contains(name) { self.renamed(&title) } else { name.to_owned() };
        self.shapes.entry(title).or_default().insert(canonical, assigned.clone());
        self.types.insert(assigned.clone(), schema);
        assigned
    }

    /// The names given to shapes titled `title` other than the one named `name`.
    pub fn other_shapes(&self, title: &str, name: &str) -> Vec<String> {
        let variants = self.shapes.get(title).into_iter().flat_map(|v| v.values());
        variants.filter(|other| *other != name).cloned().collect()
    }

    /// `field`: the schema is a value of `properties`, where a title may be the field's label.
    fn visit(&mut self, schema: &mut Value, depth: usize, field: bool) {
        if depth > MAX_SCHEMA_DEPTH {
            *schema = Value::Object(Map::new());
            self.notes.push(RecoveryNote::TooDeep);
            return;
        }
        if let Some(title) = schema.as_str().and_then(circular_target) {
            let title = title.to_owned();
            if title.is_empty() {
                *schema = Value::Object(Map::new());
                self.notes.push(RecoveryNote::UnknownCycleTarget { title });
                return;
            }
            *schema = reference(&title);
            self.cycle_targets.push(title);
            return;
        }
        let Value::Object(map) = schema else { return };
        self.recover_children(map, depth);
        if let Some((title, kind)) = self.titled_kind(map, field)
            && let Some(replacement) = self.replacement(title, kind, schema)
        {
            *schema = replacement;
        }
    }

    fn recover_children(&mut self, map: &mut Map<String, Value>, depth: usize) {
        self.drop_misplaced_cycles(map);
        restore_stripped_members(map);
        for (keyword, value) in map.iter_mut() {
            let field = keyword == "properties";
            for child in keyword_subschemas_mut(keyword, value) {
                self.visit(child, depth + 1, field);
            }
        }
        restore_discriminator_mapping(map);
    }

    /// What the title makes of a schema, given what was declared: a title that alone reads as a field
    /// label names a type where the schema has the shape of a component declared under it.
    fn titled_kind(&self, map: &Map<String, Value>, field: bool) -> Option<(String, Titled)> {
        if let Some((title, kind)) = titled_kind(map) {
            let label = field && (kind == Titled::ScalarComponent || is_prose_titled_array(map));
            return Some((title, if label { Titled::FieldLabel } else { kind }));
        }
        let title = map.get("title")?.as_str()?;
        self.shapes.contains_key(title).then(|| (title.to_owned(), Titled::DeclaredShapeOnly))
    }

    /// Keywords that hold a map or list of schemas, but where the plugin put a cycle marker, are left out:
    /// the marker names no schema to refer to.
    fn drop_misplaced_cycles(&mut self, map: &mut Map<String, Value>) {
        const HOLDERS: [&str; 8] =
            ["properties", "patternProperties", "$defs", "dependentSchemas", "allOf", "oneOf", "anyOf", "prefixItems"];
        for keyword in HOLDERS {
            if map.get(keyword).and_then(Value::as_str).is_some_and(|s| circular_target(s).is_some()) {
                map.remove(keyword);
                self.notes.push(RecoveryNote::MisplacedCycle { keyword: keyword.to_owned() });
            }
        }
    }

    /// What a titled schema becomes: a reference to the type with this title and shape (registered when
    /// new), or to a type of this title that differs from it only in annotations, which then stay beside the
    /// reference; `None` when the schema stays inline.
    fn replacement(&mut self, title: String, kind: Titled, schema: &Value) -> Option<Value> {
        // A field label refers only to a declared component: what other pages made of the title depends on
        // the order pages are read in, and two copies of one schema must come out the same.
        if kind == Titled::FieldLabel && !self.reserved.contains(&title) {
            return None;
        }
        let canonical = canonical_json(schema);
        let variants = self.shapes.entry(title.clone()).or_default();
        if let Some(name) = variants.get(&canonical) {
            return Some(reference(name));
        }
        if kind == Titled::FieldLabel {
            return None;
        }
        let taken = !variants.is_empty();
        let label = matches!(kind, Titled::ScalarComponent | Titled::DeclaredShapeOnly);
        if label && (taken || self.reserved.contains(&title)) {
            return None;
        }
        if taken && let Some(annotated) = self.annotated_reference(&title, schema) {
            return Some(annotated);
        }
        let name = if taken { self.renamed(&title) } else { title.clone() };
        self.shapes.entry(title).or_default().insert(canonical, name.clone());
        self.types.insert(name.clone(), schema.clone());
        Some(reference(&name))
    }

    /// A reference to a type titled `title` that `schema` equals but for the annotations it adds or changes
    /// (`default`, `readOnly`, `description`, ...), with those annotations beside it: what the plugin makes of
    /// a spec's `$ref` with siblings, which it merges into a copy of the target.
    fn annotated_reference(&self, title: &str, schema: &Value) -> Option<Value> {
        let Value::Object(map) = schema else { return None };
        let names = self.shapes.get(title)?.values();
        let (name, base) = names.filter_map(|n| Some((n, self.types.get(n)?.as_object()?))).find(|(_, base)| {
            let same_annotations_kept = base.keys().filter(|k| is_annotation(k)).all(|k| map.contains_key(k));
            same_annotations_kept && without_annotations(base) == without_annotations(map)
        })?;
        let Value::Object(mut annotated) = reference(name) else { return None };
        for (key, value) in map.iter().filter(|(k, v)| is_annotation(k) && base.get(*k) != Some(*v)) {
            annotated.insert(key.clone(), value.clone());
        }
        Some(Value::Object(annotated))
    }

    /// A name for one more shape titled `title`, with a note saying so.
    fn renamed(&mut self, title: &str) -> String {
        let taken = self.shapes.get(title).map_or(0, BTreeMap::len);
        let name = distinct_name(title, taken + 1, |candidate| {
            self.types.contains(candidate) || self.reserved.contains(candidate)
        });
        self.notes.push(RecoveryNote::TitleConflict { title: title.to_owned(), renamed: name.clone() });
        name
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

fn distinct_name(title: &str, mut n: usize, is_taken: impl Fn(&str) -> bool) -> String {
    loop {
        let candidate = format!("{title}{n}");
        if !is_taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

/// Keywords that say something about a value's use, not its shape: a reference may carry them beside it.
fn is_annotation(key: &str) -> bool {
    matches!(
        key,
        "description" | "default" | "example" | "examples" | "readOnly" | "writeOnly" | "deprecated" | "nullable"
    )
}

fn without_annotations(map: &Map<String, Value>) -> String {
    let shape: Map<String, Value> =
        map.iter().filter(|(k, _)| !is_annotation(k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    canonical_json(&Value::Object(shape))
}

/// `circular(Title)` -> `Title`. The plugin writes `circular()` for an untitled schema: that names nothing.
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
    /// A field-label title that a declared component has: that component where the schema has its shape,
    /// a field label otherwise.
    DeclaredShapeOnly,
    /// The title of a field's scalar, or of a field's array when it is prose: the field's label, a
    /// reference only to a declared component of exactly this title and shape.
    FieldLabel,
}

/// `{type: array, title: "Any JWT signed by ...", items: ..}`: an array titled in words, which no component
/// name can be (OpenAPI allows `[A-Za-z0-9._-]` only).
fn is_prose_titled_array(map: &Map<String, Value>) -> bool {
    let array = map.contains_key("items") || map.get("type").and_then(Value::as_str) == Some("array");
    let other_structure = ["properties", "enum", "oneOf", "anyOf", "allOf", "additionalProperties"];
    let prose = map.get("title").and_then(Value::as_str).is_some_and(|t| t.contains(char::is_whitespace));
    array && prose && !other_structure.iter().any(|k| map.contains_key(*k))
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
    map.iter_mut().flat_map(|(key, value)| keyword_subschemas_mut(key, value)).collect()
}

/// The sub-schemas that the value of keyword `key` holds, as [`subschemas_mut`] finds them.
fn keyword_subschemas_mut<'v>(key: &str, value: &'v mut Value) -> Vec<&'v mut Value> {
    match nesting(key) {
        Some(Nesting::One) if value.is_object() || value.is_string() => vec![value],
        Some(Nesting::List) => value.as_array_mut().into_iter().flatten().collect(),
        Some(Nesting::Named) => value.as_object_mut().into_iter().flat_map(|m| m.values_mut()).collect(),
        Some(Nesting::MappingTargets) => value
            .get_mut("mapping")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|m| m.values_mut())
            .filter(|v| v.is_object())
            .collect(),
        Some(Nesting::One) | None => Vec::new(),
    }
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
    fn cycle_markers_that_name_nothing_are_left_out_with_a_note() {
        let mut recovery = Recovery::default();
        let mut schema = json!({"type": "object", "properties": {"cases": {"type": "array", "items": {"type": "object", "properties": "circular()"}}, "next": "circular()"}});
        recovery.recover(&mut schema);
        assert_eq!(
            schema,
            json!({"type": "object", "properties": {"cases": {"type": "array", "items": {"type": "object"}}, "next": {}}})
        );
        let (types, notes) = recovery.finish();
        assert!(types.is_empty());
        assert_eq!(
            notes,
            [
                RecoveryNote::MisplacedCycle { keyword: "properties".into() },
                RecoveryNote::UnknownCycleTarget { title: String::new() }
            ]
        );
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
        let mut third = json!({"properties": {"pk": {"type": "integer", "title": "ID"},
            "keys": {"type": "array", "title": "Any JWT signed by it", "items": {"type": "string", "format": "uuid"}}}});
        recovery.recover(&mut first);
        recovery.recover(&mut second);
        recovery.recover(&mut third);
        assert_eq!(first["properties"]["on"], json!({"type": "boolean", "title": "Active"}));
        assert_eq!(second["properties"]["on"]["title"], "Active");
        assert_eq!(second["properties"]["kind"]["allOf"][0], reference("KindEnum"));
        assert_eq!(third["properties"]["pk"]["title"], "ID");
        assert_eq!(third["properties"]["keys"]["title"], "Any JWT signed by it");
        let (types, notes) = recovery.finish();
        assert!(notes.is_empty());
        assert_eq!(types.iter_sorted().map(|(name, _)| name.as_str()).collect::<Vec<_>>(), ["KindEnum"]);
    }

    #[test]
    fn titled_scalars_and_arrays_elsewhere_are_types() {
        let mut recovery = Recovery::default();
        let mut schema = json!({"properties": {
            "config": {"oneOf": [{"type": "string", "title": "string1"}, {"type": "integer", "title": "string2"}]},
            "pets": {"type": "array", "title": "Pets", "items": {"type": "string"}},
            "labels": {"type": "object", "additionalProperties": {"type": "integer", "title": "ref"}}}});
        recovery.recover(&mut schema);
        let properties = &schema["properties"];
        assert_eq!(properties["config"]["oneOf"][0], reference("string1"));
        assert_eq!(properties["pets"], reference("Pets"));
        assert_eq!(properties["labels"]["additionalProperties"], reference("ref"));
    }

    #[test]
    fn a_copy_with_other_annotations_is_a_reference_with_them_beside_it() {
        let mut recovery = Recovery::default();
        let category = json!({"title": "Category", "type": "string", "enum": ["a", "b"], "description": "c"});
        let mut schema = json!({"properties": {
            "plain": category,
            "fixed": {"title": "Category", "type": "string", "enum": ["a", "b"], "description": "c", "default": "x", "readOnly": true},
            "other": {"title": "Category", "type": "string", "enum": ["a"]}}});
        recovery.recover(&mut schema);
        let properties = &schema["properties"];
        assert_eq!(properties["plain"], reference("Category"));
        assert_eq!(
            properties["fixed"],
            json!({"$ref": "#/components/schemas/Category", "default": "x", "readOnly": true})
        );
        // Another shape, and one that drops an annotation the type has, are other types.
        assert_eq!(properties["other"], reference("Category2"));
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
