//! The API's schemas in the form the validator reads, one set per direction, and validators compiled from
//! them on first use.
//!
//! The IR holds OpenAPI schema JSON whose references are `#/components/schemas/Name`. The validator is
//! `jsonschema` on JSON Schema 2020-12, so schemas of 3.0 docs get their 3.1 forms first (`nullable` becomes a
//! `null` type, `mdxgen_ir::version::to_3_1`). OpenAPI also says that a required `readOnly` property is not
//! sent in a request and a required `writeOnly` one is not returned in a response, so each direction has its
//! own copy of the components with those properties no longer required. A `oneOf` with a discriminator is
//! read as OpenAPI reads it: the tag names the member. Every reference is made absolute,
//! into the components document of its direction, which a shared registry holds.

use std::sync::{Arc, OnceLock};

use jsonschema::{Draft, Registry, Validator};
use mdxgen_ir::types::{MAX_SCHEMA_DEPTH, REF_PREFIX, referenced_name};
use mdxgen_ir::{Api, OpenApiVersion};
use serde_json::{Map, Value};

/// Requests and responses see different required properties (`readOnly`, `writeOnly`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Request,
    Response,
}

impl Direction {
    fn base_uri(self) -> &'static str {
        match self {
            Self::Request => "https://mdxgen.invalid/request",
            Self::Response => "https://mdxgen.invalid/response",
        }
    }

    /// The keyword whose properties this direction never carries.
    fn one_way_keyword(self) -> &'static str {
        match self {
            Self::Request => "readOnly",
            Self::Response => "writeOnly",
        }
    }
}

/// The components of both directions, prepared once, and what compiling a schema against them needs.
pub struct SchemaSet {
    is_3_0: bool,
    request: Map<String, Value>,
    response: Map<String, Value>,
    registry: Registry<'static>,
}

impl std::fmt::Debug for SchemaSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchemaSet").field("components", &self.request.len()).finish_non_exhaustive()
    }
}

impl SchemaSet {
    pub fn new(api: &Api) -> Result<Self, String> {
        let is_3_0 = OpenApiVersion::for_api(api) == OpenApiVersion::V3_0;
        let components = |direction| {
            let prepare = |schema: &Value| prepare_schema(schema.clone(), is_3_0, direction);
            api.types.iter_sorted().map(|(name, schema)| (name.clone(), prepare(schema))).collect::<Map<_, _>>()
        };
        let (request, response) = (components(Direction::Request), components(Direction::Response));
        let document = |components: &Map<String, Value>| {
            Draft::Draft202012
                .create_resource(serde_json::json!({"components": {"schemas": Value::Object(components.clone())}}))
        };
        let registry = Registry::new()
            .add(Direction::Request.base_uri(), document(&request))
            .and_then(|b| b.add(Direction::Response.base_uri(), document(&response)))
            .and_then(|b| b.prepare())
            .map_err(|e| format!("the API's schemas cannot be prepared for validation: {e}"))?;
        Ok(Self { is_3_0, request, response, registry })
    }

    /// A schema of an operation in the validator's form, for `direction`.
    pub fn prepare(&self, schema: &Value, direction: Direction) -> Value {
        prepare_schema(schema.clone(), self.is_3_0, direction)
    }

    /// Follows references (a prepared schema's) to the schema they name, up to a bound on chains.
    pub fn resolve<'a>(&'a self, mut schema: &'a Value, direction: Direction) -> &'a Value {
        for _ in 0..MAX_SCHEMA_DEPTH {
            let Some(name) = absolute_ref_name(schema, direction) else { return schema };
            let components = match direction {
                Direction::Request => &self.request,
                Direction::Response => &self.response,
            };
            match components.get(&name) {
                Some(target) => schema = target,
                None => return schema,
            }
        }
        schema
    }

    fn compile(&self, schema: &Value) -> Result<Validator, String> {
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(schema)
            .map_err(|e| format!("the schema cannot be compiled for validation: {e}"))
    }
}

/// A schema of one place (a parameter, a body, a response), compiled the first time it is needed: start-up
/// stays fast on big APIs, and a schema no request reaches costs nothing.
#[derive(Debug)]
pub struct LazySchema {
    /// The prepared schema (validator form).
    pub schema: Value,
    pub direction: Direction,
    validator: OnceLock<Result<Arc<Validator>, String>>,
}

/// One reason a value breaks its schema: where in the value (a JSON pointer) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub message: String,
}

impl LazySchema {
    pub fn new(set: &SchemaSet, schema: &Value, direction: Direction) -> Self {
        Self { schema: set.prepare(schema, direction), direction, validator: OnceLock::new() }
    }

    /// The validator, compiled on the first call.
    pub fn validator(&self, set: &SchemaSet) -> Result<Arc<Validator>, String> {
        self.validator.get_or_init(|| set.compile(&self.schema).map(Arc::new)).clone()
    }

    /// Every way `value` breaks the schema (none: it is valid). A schema that cannot be compiled checks
    /// nothing; start-up warns about it ([`LazySchema::validator`]).
    pub fn violations(&self, set: &SchemaSet, value: &Value) -> Vec<Violation> {
        let Ok(validator) = self.validator(set) else { return Vec::new() };
        validator
            .iter_errors(value)
            .map(|e| Violation { pointer: e.instance_path().to_string(), message: e.to_string() })
            .collect()
    }

    pub fn accepts(&self, set: &SchemaSet, value: &Value) -> bool {
        self.validator(set).map_or(true, |v| v.is_valid(value))
    }

    /// The schema with its top-level references followed.
    pub fn resolved<'a>(&'a self, set: &'a SchemaSet) -> &'a Value {
        set.resolve(&self.schema, self.direction)
    }
}

/// The name a prepared reference of `direction` points at.
pub fn absolute_ref_name(schema: &Value, direction: Direction) -> Option<String> {
    let reference = schema.get("$ref")?.as_str()?;
    let pointer = reference.strip_prefix(direction.base_uri())?.strip_prefix("#/components/schemas/")?;
    let decoded = percent_encoding::percent_decode_str(pointer).decode_utf8().ok()?;
    Some(decoded.replace("~1", "/").replace("~0", "~"))
}

fn prepare_schema(schema: Value, is_3_0: bool, direction: Direction) -> Value {
    let mut schema = if is_3_0 { mdxgen_ir::version::to_3_1(schema) } else { schema };
    let mut stack = vec![(&mut schema, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let Value::Object(map) = node else { continue };
        if depth > MAX_SCHEMA_DEPTH {
            continue;
        }
        absolute_ref(map, direction);
        drop_one_way_required(map, direction);
        discriminated_one_of_by_tag(map, direction);
        for child in map.values_mut() {
            match child {
                Value::Object(_) => stack.push((child, depth + 1)),
                Value::Array(items) => stack.extend(items.iter_mut().map(|item| (item, depth + 1))),
                _ => {}
            }
        }
    }
    schema
}

/// With a discriminator, the tag names the member a value is read as (OpenAPI's reading): a value whose tag
/// names a member must fit that member, a tag that names none is refused, and a value without the tag
/// property is held to the `oneOf`. JSON Schema's `oneOf` alone would refuse tagged values that open members
/// all fit: authentik's challenges, where three members take every object any member takes, so no answer
/// could fit exactly one. The members stay as an `anyOf` (what the value generator walks); answers are
/// still made to fit one member only where that can be done (`generate.rs`).
fn discriminated_one_of_by_tag(map: &mut Map<String, Value>, direction: Direction) {
    let Some(property) = map.get("discriminator").and_then(|d| d.get("propertyName")).and_then(Value::as_str) else {
        return;
    };
    let property = property.to_owned();
    if map.contains_key("anyOf") {
        return;
    }
    let Some(Value::Array(members)) = map.remove("oneOf") else { return };
    map.insert("anyOf".to_owned(), Value::Array(members.clone()));
    let tags = discriminator_tags(map, &members, direction);
    let keys: Vec<&String> = tags.iter().map(|(tag, _)| tag).collect();
    let tagged = serde_json::json!({"type": "object", "required": [&property]});
    let mut rules = vec![serde_json::json!({
        "if": tagged,
        "then": {"properties": {&property: {"enum": keys}}},
        "else": {"oneOf": members},
    })];
    for (tag, name) in &tags {
        let mut target = Map::new();
        target.insert("$ref".to_owned(), Value::String(format!("{REF_PREFIX}{name}")));
        absolute_ref(&mut target, direction);
        let names_it =
            serde_json::json!({"type": "object", "required": [&property], "properties": {&property: {"const": tag}}});
        rules.push(serde_json::json!({"if": names_it, "then": Value::Object(target)}));
    }
    let all_of = map.entry("allOf").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(all_of) = all_of {
        all_of.extend(rules);
    }
}

/// Each tag and the component it names: the mapping's, then each member the mapping leaves out, by name.
fn discriminator_tags(map: &Map<String, Value>, members: &[Value], direction: Direction) -> Vec<(String, String)> {
    let mut tags: Vec<(String, String)> = Vec::new();
    let mapping = map.get("discriminator").and_then(|d| d.get("mapping")).and_then(Value::as_object);
    for (tag, target) in mapping.into_iter().flatten() {
        let Some(target) = target.as_str() else { continue };
        tags.push((tag.clone(), target.strip_prefix(REF_PREFIX).unwrap_or(target).to_owned()));
    }
    // The members' references are rewritten after their parent (the walk is top-down): either form.
    let names = members
        .iter()
        .filter_map(|m| referenced_name(m).map(str::to_owned).or_else(|| absolute_ref_name(m, direction)));
    for name in names {
        if !tags.iter().any(|(_, target)| *target == name) {
            tags.push((name.clone(), name));
        }
    }
    tags
}

/// `#/components/schemas/A B` -> `https://mdxgen.invalid/request#/components/schemas/A%20B`: the name is a
/// JSON pointer token in a URI fragment.
fn absolute_ref(map: &mut Map<String, Value>, direction: Direction) {
    let Some(Value::String(reference)) = map.get_mut("$ref") else { return };
    let Some(name) = reference.strip_prefix(REF_PREFIX) else { return };
    let token = name.replace('~', "~0").replace('/', "~1");
    let encoded = percent_encoding::utf8_percent_encode(&token, FRAGMENT);
    *reference = format!("{}#/components/schemas/{encoded}", direction.base_uri());
}

/// Characters a URI fragment cannot hold as they are.
const FRAGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

fn drop_one_way_required(map: &mut Map<String, Value>, direction: Direction) {
    let Some(Value::Object(properties)) = map.get("properties") else { return };
    let keyword = direction.one_way_keyword();
    let one_way: Vec<String> = properties
        .iter()
        .filter(|(_, p)| p.get(keyword) == Some(&Value::Bool(true)))
        .map(|(name, _)| name.clone())
        .collect();
    if one_way.is_empty() {
        return;
    }
    if let Some(Value::Array(required)) = map.get_mut("required") {
        required.retain(|r| !r.as_str().is_some_and(|r| one_way.iter().any(|o| o == r)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn api(types: &[(&str, Value)]) -> Api {
        let mut api = Api::default();
        for (name, schema) in types {
            api.types.insert((*name).to_owned(), schema.clone());
        }
        api
    }

    #[test]
    fn references_resolve_through_the_registry_and_nullable_admits_null() {
        let set = SchemaSet::new(&api(&[
            ("Pet", json!({"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}})),
            ("A B/c", json!({"type": "integer", "nullable": true})),
        ]))
        .unwrap();
        let pet = LazySchema::new(&set, &json!({"$ref": "#/components/schemas/Pet"}), Direction::Request);
        assert!(pet.accepts(&set, &json!({"name": "x"})));
        let violations = pet.violations(&set, &json!({"name": 1}));
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].pointer, "/name");
        let odd = LazySchema::new(&set, &json!({"$ref": "#/components/schemas/A B~1c"}), Direction::Request);
        assert!(odd.validator(&set).is_err(), "a reference that names no component is reported");
        let odd = LazySchema::new(&set, &json!({"$ref": "#/components/schemas/A B/c"}), Direction::Request);
        assert!(odd.accepts(&set, &json!(null)) && !odd.accepts(&set, &json!("x")));
    }

    #[test]
    fn a_request_is_read_as_the_member_its_tag_names() {
        let member = |tag: &str, required: Value| json!({"type": "object", "required": required, "properties": {"kind": {"type": "string", "default": tag}, "a": {"type": "integer"}}});
        let set = SchemaSet::new(&api(&[
            ("Cat", member("cat", json!(["a"]))),
            ("Dog", member("dog", json!([]))),
            (
                "Union",
                json!({"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind", "mapping": {"kitty": "#/components/schemas/Cat"}}}),
            ),
        ]))
        .unwrap();
        let union = json!({"$ref": "#/components/schemas/Union"});
        let request = LazySchema::new(&set, &union, Direction::Request);
        assert!(request.accepts(&set, &json!({"kind": "kitty", "a": 1})), "both fit: the tag decides");
        assert!(!request.accepts(&set, &json!({"kind": "kitty"})), "the tag names Cat, which requires `a`");
        assert!(request.accepts(&set, &json!({"kind": "Dog"})), "without a mapping entry, the component name");
        assert!(!request.accepts(&set, &json!({"kind": "other"})), "a tag that names no member");
        assert!(!request.accepts(&set, &json!({"a": 1})), "untagged, both fit: oneOf refuses it");
        assert!(!request.accepts(&set, &json!(1)));
        let response = LazySchema::new(&set, &union, Direction::Response);
        assert!(response.accepts(&set, &json!({"kind": "kitty", "a": 1})), "answers are read the same way");
    }

    #[test]
    fn read_only_is_not_required_in_requests_nor_write_only_in_responses() {
        let user = json!({"type": "object", "required": ["pk", "password"], "properties": {
            "pk": {"type": "integer", "readOnly": true}, "password": {"type": "string", "writeOnly": true}}});
        let set = SchemaSet::new(&api(&[("User", user)])).unwrap();
        let reference = json!({"$ref": "#/components/schemas/User"});
        let request = LazySchema::new(&set, &reference, Direction::Request);
        let response = LazySchema::new(&set, &reference, Direction::Response);
        assert!(request.accepts(&set, &json!({"password": "p"})) && !request.accepts(&set, &json!({"pk": 1})));
        assert!(response.accepts(&set, &json!({"pk": 1})) && !response.accepts(&set, &json!({"password": "p"})));
        assert_eq!(response.resolved(&set)["required"], json!(["pk"]));
    }
}
