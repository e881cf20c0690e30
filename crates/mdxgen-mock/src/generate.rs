//! Values made from a schema: the static answer where the docs show no example (the schema's own
//! examples, defaults and first enum values first), and a fresh value per request in `--dynamic` mode.
//!
//! The walk is a best effort toward validity (bounds, lengths, formats, patterns, required properties,
//! combinators); what it cannot promise (a `oneOf` member that also fits another, `uniqueItems` of small
//! domains) the caller checks with the validator and retries.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::{Map, Value};

use mdxgen_ir::types::REF_PREFIX;

use crate::params::json_types;
use crate::schemas::{Direction, LazySchema, SchemaSet, absolute_ref_name};

/// Deeper than this, objects get their required properties only and arrays their fewest items, so that
/// recursive schemas end.
const OPTIONAL_DEPTH: usize = 6;
/// Deeper than this, a value is cut off (`null`): no schema of a real API nests so deep in one value.
const MAX_DEPTH: usize = 48;
/// `allOf` inside `allOf` is merged this deep, no deeper.
const MAX_ALL_OF_DEPTH: usize = 16;

pub struct Generator<'a> {
    set: &'a SchemaSet,
    direction: Direction,
    rng: StdRng,
    /// Static mode: the schema's examples, defaults and first choices; else random choices.
    documented: bool,
}

impl<'a> Generator<'a> {
    /// A generator of the static answer: the same value every time.
    pub fn documented(set: &'a SchemaSet, direction: Direction) -> Self {
        Self { set, direction, rng: StdRng::seed_from_u64(0), documented: true }
    }

    /// A generator of random values from `seed`.
    pub fn random(set: &'a SchemaSet, direction: Direction, seed: u64) -> Self {
        Self { set, direction, rng: StdRng::seed_from_u64(seed), documented: false }
    }

    pub fn value(&mut self, schema: &Value) -> Value {
        self.at(schema, 0)
    }

    fn at(&mut self, schema: &Value, depth: usize) -> Value {
        let schema = self.set.resolve(schema, self.direction);
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        if let Some(value) = schema.get("const") {
            return value.clone();
        }
        if self.documented
            && let Some(value) = documented_value(schema)
        {
            return value;
        }
        if let Some(Value::Array(values)) = schema.get("enum")
            && !values.is_empty()
        {
            return self.pick(values).clone();
        }
        if let Some(Value::Array(members)) = schema.get("allOf") {
            let merged = self.merge_all_of(schema, members, 0);
            return self.at(&merged, depth + 1);
        }
        if let Some(member) = self.union_member(schema) {
            let merged = with_siblings(schema, self.set.resolve(&member, self.direction));
            let mut value = self.at(&merged, depth + 1);
            if let (Some((property, tag)), Value::Object(object)) =
                (self.discriminator_tag(schema, &member), &mut value)
            {
                object.insert(property, Value::String(tag));
            }
            // A discriminated union's members are an `anyOf` in the validator's form (`schemas.rs`).
            let exclusive = schema.get("oneOf").or_else(|| schema.get("discriminator").and(schema.get("anyOf")));
            if let Some(Value::Array(members)) = exclusive {
                self.exclude_other_members(&merged, &member, members, &mut value);
            }
            return value;
        }
        match self.choose_type(schema).as_str() {
            "null" => Value::Null,
            "boolean" => Value::Bool(!self.documented && self.rng.random_bool(0.5)),
            "integer" => self.integer(schema),
            "number" => self.number(schema),
            "array" => self.array(schema, depth),
            "object" => self.object(schema, depth),
            _ => self.string(schema),
        }
    }

    fn pick<'v>(&mut self, values: &'v [Value]) -> &'v Value {
        if self.documented { &values[0] } else { &values[self.rng.random_range(0..values.len())] }
    }

    /// The type to make: the first non-null one in static mode (an answer with data shows more), any in
    /// random mode; without a `type`, what the keywords imply.
    fn choose_type(&mut self, schema: &Value) -> String {
        let types = json_types(self.set, schema, self.direction);
        let non_null: Vec<&String> = types.iter().filter(|t| *t != "null").collect();
        match (non_null.is_empty(), types.is_empty()) {
            (_, true) if schema.get("properties").is_some() => "object".to_owned(),
            (_, true) if schema.get("items").is_some() => "array".to_owned(),
            (_, true) => "string".to_owned(),
            (true, false) => "null".to_owned(),
            (false, _) if self.documented || non_null.len() == 1 => non_null[0].clone(),
            (false, _) => {
                let index = self.rng.random_range(0..types.len());
                types[index].clone()
            }
        }
    }

    /// One member of a `oneOf`/`anyOf` (the first non-null in static mode).
    fn union_member(&mut self, schema: &Value) -> Option<Value> {
        let members = ["oneOf", "anyOf"].iter().find_map(|k| schema.get(*k)?.as_array())?;
        if members.is_empty() {
            return None;
        }
        let is_null = |m: &Value| m.get("type") == Some(&Value::String("null".into()));
        if self.documented {
            return members.iter().find(|m| !is_null(m)).or(members.first()).cloned();
        }
        Some(members[self.rng.random_range(0..members.len())].clone())
    }

    /// The discriminator's property and the value naming `member`: its key in the mapping, else its
    /// component name (as OpenAPI defines the default).
    fn discriminator_tag(&self, schema: &Value, member: &Value) -> Option<(String, String)> {
        let discriminator = schema.get("discriminator")?;
        let property = discriminator.get("propertyName")?.as_str()?.to_owned();
        let name = absolute_ref_name(member, self.direction)?;
        let mapping = discriminator.get("mapping").and_then(Value::as_object);
        let mapped = mapping
            .into_iter()
            .flatten()
            .find(|(_, target)| target.as_str().is_some_and(|t| t.strip_prefix(REF_PREFIX).unwrap_or(t) == name));
        Some((property, mapped.map_or(name, |(key, _)| key.clone())))
    }

    /// A `oneOf` value must fit exactly one member, but open objects fit many (authentik's challenges all
    /// take `{component, flow_info}`). So each other member that could take the object gets one of its
    /// own properties, one the chosen member does not declare, set to a JSON type it refuses.
    fn exclude_other_members(&self, chosen: &Value, chosen_ref: &Value, members: &[Value], value: &mut Value) {
        let Value::Object(object) = value else { return };
        if chosen.get("additionalProperties") == Some(&Value::Bool(false)) {
            return;
        }
        let declared = |schema: &Value, name: &str| schema.get("properties").and_then(|p| p.get(name)).is_some();
        for other in members.iter().filter(|m| *m != chosen_ref) {
            let other = self.flattened(other);
            let required =
                other.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
            if required.clone().any(|r| !object.contains_key(r)) {
                continue;
            }
            let Some(Value::Object(properties)) = other.get("properties") else { continue };
            let refused = properties
                .iter()
                .filter(|(name, _)| !declared(chosen, name) && !object.contains_key(*name))
                .find_map(|(name, property)| {
                    let types = json_types(self.set, self.set.resolve(property, self.direction), self.direction);
                    refused_value(&types).map(|v| (name.clone(), v))
                });
            if let Some((name, refused)) = refused {
                object.insert(name, refused);
            }
        }
    }

    /// A member with its `allOf` merged, references followed.
    fn flattened(&self, member: &Value) -> Value {
        let member = self.set.resolve(member, self.direction);
        match member.get("allOf") {
            Some(Value::Array(inner)) => self.merge_all_of(member, inner, 0),
            _ => member.clone(),
        }
    }

    /// `allOf` as one schema: the members' properties and required lists together, their other keywords
    /// where the schema has none of its own.
    fn merge_all_of(&self, schema: &Value, members: &[Value], depth: usize) -> Value {
        let mut merged = schema.as_object().cloned().unwrap_or_default();
        merged.remove("allOf");
        for member in members {
            let member = self.set.resolve(member, self.direction);
            let member = match member.get("allOf") {
                // A member that holds itself (`A: {allOf: [A]}`) is merged a bounded number of times.
                Some(Value::Array(inner)) if depth < MAX_ALL_OF_DEPTH => self.merge_all_of(member, inner, depth + 1),
                _ => member.clone(),
            };
            let Value::Object(member) = member else { continue };
            for (key, value) in member {
                match (key.as_str(), merged.get_mut(&key)) {
                    ("properties", Some(Value::Object(properties))) => {
                        if let Value::Object(more) = value {
                            for (name, property) in more {
                                properties.entry(name).or_insert(property);
                            }
                        }
                    }
                    ("required", Some(Value::Array(required))) => {
                        required.extend(value.as_array().into_iter().flatten().cloned());
                    }
                    // A member's own `allOf` was merged above (or is past the bound): never copied back.
                    ("allOf", _) | (_, Some(_)) => {}
                    (_, None) => {
                        merged.insert(key, value);
                    }
                }
            }
        }
        Value::Object(merged)
    }

    fn integer(&mut self, schema: &Value) -> Value {
        let (low, high) = bounds(schema, true);
        let step = schema.get("multipleOf").and_then(Value::as_f64).filter(|m| *m >= 1.0 && m.fract() == 0.0);
        let (low, high) = match step {
            Some(step) => ((low / step).ceil(), (high / step).floor()),
            None => (low, high),
        };
        let (low, high) = (low.clamp(-1e15, 1e15) as i64, high.clamp(-1e15, 1e15) as i64);
        let n = if self.documented || low >= high { low } else { self.rng.random_range(low..=high) };
        Value::from(n.saturating_mul(step.map_or(1, |s| s as i64)))
    }

    fn number(&mut self, schema: &Value) -> Value {
        let (low, high) = bounds(schema, false);
        let n = if self.documented || low >= high { low } else { self.rng.random_range(low..high) };
        let n = match schema.get("multipleOf").and_then(Value::as_f64).filter(|m| *m > 0.0) {
            Some(step) => (n / step).ceil() * step,
            None => Some((n * 100.0).round() / 100.0).filter(|r| (low..=high).contains(r)).unwrap_or(n),
        };
        // A whole number is written as one (`0`, not `0.0`), as the docs' own examples do.
        if n.fract() == 0.0 && n.abs() < 1e15 {
            return Value::from(n as i64);
        }
        serde_json::Number::from_f64(n).map_or(Value::from(0), Value::Number)
    }

    fn string(&mut self, schema: &Value) -> Value {
        let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = schema.get("maxLength").and_then(Value::as_u64).map_or(usize::MAX, |m| m as usize);
        if let Some(text) = schema.get("format").and_then(Value::as_str).and_then(|f| self.formatted(f)) {
            return Value::String(text);
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str)
            && let Some(text) = self.matching(pattern, min, max)
        {
            return Value::String(text);
        }
        // Bounds that contradict each other give the shortest length; the validator then says no.
        let max = max.max(min);
        let length = if self.documented { min.max(6).min(max) } else { self.rng.random_range(min..=max.min(min + 16)) };
        let text: String = if self.documented {
            "string".chars().cycle().take(length).collect()
        } else {
            (0..length).map(|_| ALPHANUMERIC[self.rng.random_range(0..ALPHANUMERIC.len())] as char).collect()
        };
        Value::String(text)
    }

    /// A string of a format the validator checks.
    fn formatted(&mut self, format: &str) -> Option<String> {
        let n: u32 = if self.documented { 1 } else { self.rng.random_range(1..1000) };
        Some(match format {
            "uuid" => {
                let bytes: [u8; 16] = if self.documented { [0x3f; 16] } else { self.rng.random() };
                uuid_text(bytes)
            }
            "date-time" => format!("2024-{:02}-{:02}T{:02}:{:02}:00Z", n % 12 + 1, n % 28 + 1, n % 24, n % 60),
            "date" => format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
            "time" => format!("{:02}:{:02}:00Z", n % 24, n % 60),
            "email" => format!("user{n}@example.com"),
            "uri" | "url" | "iri" | "uri-reference" | "iri-reference" => format!("https://example.com/{n}"),
            "hostname" | "idn-hostname" => format!("host{n}.example.com"),
            "ipv4" => format!("192.0.2.{}", n % 255),
            "ipv6" => format!("2001:db8::{n:x}"),
            "duration" => format!("P{n}D"),
            "byte" => "bWR4Z2Vu".to_owned(),
            _ => return None,
        })
    }

    /// A string matching an ECMA-262 pattern (read as the regex crate's syntax, which agrees on the
    /// patterns APIs write), within the length bounds, or `None` after a few tries. The generator makes
    /// whole matches and takes no anchors, so the pattern's outer `^`/`$` go.
    fn matching(&mut self, pattern: &str, min: usize, max: usize) -> Option<String> {
        let anchored = pattern.strip_prefix('^').unwrap_or(pattern);
        let anchored = anchored.strip_suffix('$').filter(|p| !p.ends_with('\\')).unwrap_or(anchored);
        let generator = rand_regex::Regex::compile(&ascii_classes(anchored), 8).ok()?;
        (0..16).map(|_| self.rng.sample::<String, _>(&generator)).find(|s| (min..=max).contains(&s.chars().count()))
    }

    fn array(&mut self, schema: &Value, depth: usize) -> Value {
        let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = schema.get("maxItems").and_then(Value::as_u64).map_or(usize::MAX, |m| m as usize).max(min);
        let wanted = match (self.documented, depth >= OPTIONAL_DEPTH) {
            (_, true) => min,
            (true, false) => min.max(1).min(max),
            (false, false) => self.rng.random_range(min..=max.min(min + 3)),
        };
        let items = schema.get("items").cloned().unwrap_or(Value::Object(Map::new()));
        let unique = schema.get("uniqueItems") == Some(&Value::Bool(true));
        let mut values: Vec<Value> = Vec::with_capacity(wanted);
        for _ in 0..wanted * 4 {
            if values.len() == wanted {
                break;
            }
            let mut value = self.at(&items, depth + 1);
            if unique && values.contains(&value) && self.documented {
                // The documented choice repeats itself: the next items are random (still seeded).
                self.documented = false;
                value = self.at(&items, depth + 1);
                self.documented = true;
            }
            if !(unique && values.contains(&value)) {
                values.push(value);
            }
        }
        Value::Array(values)
    }

    fn object(&mut self, schema: &Value, depth: usize) -> Value {
        let required: Vec<&str> =
            schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let mut object = Map::new();
        if let Some(Value::Object(properties)) = schema.get("properties") {
            for (name, property) in properties {
                let include = required.contains(&name.as_str())
                    || (depth < OPTIONAL_DEPTH && (self.documented || self.rng.random_bool(0.5)));
                if include && !self.never_here(property) {
                    object.insert(name.clone(), self.at(property, depth + 1));
                }
            }
        }
        if let Some(extra @ Value::Object(_)) = schema.get("additionalProperties")
            && object.is_empty()
            && depth < OPTIONAL_DEPTH
        {
            object.insert("key".to_owned(), self.at(&extra.clone(), depth + 1));
        }
        Value::Object(object)
    }

    /// A `readOnly` property is left out of a request, a `writeOnly` one out of a response.
    fn never_here(&self, property: &Value) -> bool {
        let keyword = match self.direction {
            Direction::Request => "readOnly",
            Direction::Response => "writeOnly",
        };
        property.get(keyword) == Some(&Value::Bool(true))
    }
}

/// ECMA-262's `\d`, `\w` and `\s` are ASCII (without the `u` flag), the regex crate's are Unicode: they
/// are spelled out, inside a class and outside one, so that generated text matches for every checker.
fn ascii_classes(pattern: &str) -> String {
    let (mut out, mut chars, mut in_class) = (String::with_capacity(pattern.len()), pattern.chars(), false);
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else { break };
                let ascii = match escaped {
                    'd' => Some("0-9"),
                    'w' => Some("A-Za-z0-9_"),
                    's' => Some(" \\t\\n\\r\\f\\v"),
                    _ => None,
                };
                match ascii {
                    Some(set) if in_class => out.push_str(set),
                    Some(set) => out.push_str(&format!("[{set}]")),
                    None => {
                        out.push('\\');
                        out.push(escaped);
                    }
                }
            }
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// How many seeded values [`fitting_value`] tries when the documented choices do not fit the schema.
const FITTING_TRIES: u64 = 64;

/// A value `schema` accepts: the documented choices (examples, defaults, first members), else the first of
/// a few seeded random values that fits; `Err` with the documented value when none does.
pub fn fitting_value(set: &SchemaSet, schema: &LazySchema) -> Result<Value, Value> {
    let documented = Generator::documented(set, schema.direction).value(&schema.schema);
    if schema.accepts(set, &documented) {
        return Ok(documented);
    }
    let mut seeded =
        (0..FITTING_TRIES).map(|seed| Generator::random(set, schema.direction, seed).value(&schema.schema));
    seeded.find(|value| schema.accepts(set, value)).ok_or(documented)
}

/// A value of a JSON type that `types` (a property's, non-empty) do not admit.
fn refused_value(types: &[String]) -> Option<Value> {
    if types.is_empty() {
        return None;
    }
    let admits = |t: &str| types.iter().any(|x| x == t || (t == "integer" && x == "number"));
    let candidates = [
        ("object", Value::Object(Map::new())),
        ("array", Value::Array(Vec::new())),
        ("boolean", Value::Bool(true)),
        ("integer", Value::from(0)),
        ("string", Value::String(String::new())),
    ];
    candidates.into_iter().find(|(t, _)| !admits(t)).map(|(_, v)| v)
}

const ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The schema's own example (3.0 `example`, 3.1 `examples`) or default.
fn documented_value(schema: &Value) -> Option<Value> {
    let first_of = |v: &Value| v.as_array().and_then(|a| a.first()).cloned();
    schema
        .get("example")
        .cloned()
        .or_else(|| schema.get("examples").and_then(first_of))
        .or_else(|| schema.get("default").cloned())
}

/// A union member with the properties its parent declares beside the union.
fn with_siblings(parent: &Value, member: &Value) -> Value {
    let mut merged = member.as_object().cloned().unwrap_or_default();
    if let Some(Value::Object(properties)) = parent.get("properties") {
        let own = merged.entry("properties").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(own) = own {
            for (name, property) in properties {
                own.entry(name.clone()).or_insert_with(|| property.clone());
            }
        }
    }
    Value::Object(merged)
}

/// The inclusive range a number may take; integers get whole bounds. Unbounded sides stay near zero.
fn bounds(schema: &Value, integer: bool) -> (f64, f64) {
    let get = |k: &str| schema.get(k).and_then(Value::as_f64);
    let nudge = if integer { 1.0 } else { 0.001 };
    let low = match (get("minimum"), get("exclusiveMinimum")) {
        (Some(m), Some(e)) => m.max(e + nudge),
        (Some(m), None) => m,
        (None, Some(e)) => e + nudge,
        (None, None) => f64::NAN,
    };
    let high = match (get("maximum"), get("exclusiveMaximum")) {
        (Some(m), Some(e)) => m.min(e - nudge),
        (Some(m), None) => m,
        (None, Some(e)) => e - nudge,
        (None, None) => f64::NAN,
    };
    let (low, high) = match (low.is_nan(), high.is_nan()) {
        (true, true) => (0.0, 1000.0),
        (true, false) => (high.min(0.0) - if high < 0.0 { 1000.0 } else { 0.0 }, high),
        (false, true) => (low, low.max(0.0) + 1000.0),
        (false, false) => (low, high),
    };
    if integer { (low.ceil(), high.floor()) } else { (low, high) }
}

fn uuid_text(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Schemas with every kind of constraint the generator honours; each random value must validate.
    #[test]
    fn random_values_validate_against_their_schema() {
        let mut api = mdxgen_ir::Api::default();
        api.types.insert(
            "Node".into(),
            json!({"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "minLength": 3, "maxLength": 5},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}),
        );
        let set = SchemaSet::new(&api).unwrap();
        let schemas = [
            json!({"$ref": "#/components/schemas/Node"}),
            json!({"type": "integer", "minimum": 5, "exclusiveMaximum": 9, "multipleOf": 2}),
            json!({"type": "number", "exclusiveMinimum": 0, "maximum": 1}),
            json!({"type": "string", "pattern": "^[a-z]{2}-[0-9]+$"}),
            json!({"type": "string", "pattern": "^[\\w.@+-]+$", "maxLength": 150}),
            json!({"type": "string", "format": "uuid"}),
            json!({"type": "string", "format": "date-time"}),
            json!({"type": "string", "format": "email"}),
            json!({"type": "array", "minItems": 2, "maxItems": 3, "uniqueItems": true, "items": {"enum": ["a", "b", "c"]}}),
            json!({"allOf": [{"$ref": "#/components/schemas/Node"}, {"type": "object", "required": ["x"], "properties": {"x": {"type": "boolean"}}}]}),
            json!({"oneOf": [{"type": "string", "nullable": true}, {"type": "integer"}]}),
            json!({"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}),
        ];
        for schema in schemas {
            let lazy = LazySchema::new(&set, &schema, Direction::Response);
            let mut documented = Generator::documented(&set, Direction::Response);
            let value = documented.value(&lazy.schema);
            assert!(lazy.accepts(&set, &value), "static {value} for {schema}");
            for seed in 0..50 {
                let value = Generator::random(&set, Direction::Response, seed).value(&lazy.schema);
                assert!(lazy.accepts(&set, &value), "seed {seed}: {value} for {schema}");
            }
        }
    }

    /// Schemas no value fits, or that hold themselves, end with a value (which the validator refuses).
    #[test]
    fn contradictions_and_self_references_end() {
        let mut api = mdxgen_ir::Api::default();
        api.types.insert(
            "A".into(),
            json!({"allOf": [{"$ref": "#/components/schemas/A"}], "anyOf": [{"$ref": "#/components/schemas/A"}]}),
        );
        let set = SchemaSet::new(&api).unwrap();
        for schema in [
            json!({"$ref": "#/components/schemas/A"}),
            json!({"type": "string", "minLength": 5, "maxLength": 2}),
            json!({"type": "array", "minItems": 3, "maxItems": 1}),
            json!({"type": "integer", "minimum": 5, "maximum": 1}),
        ] {
            Generator::documented(&set, Direction::Response).value(&schema);
            for seed in 0..5 {
                Generator::random(&set, Direction::Response, seed).value(&schema);
            }
        }
    }

    #[test]
    fn shorthand_classes_are_ascii_as_in_ecma_262() {
        assert_eq!(ascii_classes(r"[\w.@+-]+\d\.x"), r"[A-Za-z0-9_.@+-]+[0-9]\.x");
        let set = SchemaSet::new(&mdxgen_ir::Api::default()).unwrap();
        for seed in 0..50 {
            let value = Generator::random(&set, Direction::Response, seed)
                .value(&json!({"type": "string", "pattern": "^[\\w]+$"}));
            assert!(value.as_str().unwrap().chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{value}");
        }
    }

    #[test]
    fn a_seed_gives_the_same_value_and_static_prefers_the_schema_example() {
        let set = SchemaSet::new(&mdxgen_ir::Api::default()).unwrap();
        let schema =
            json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer", "example": 7}}});
        let make = |seed| Generator::random(&set, Direction::Response, seed).value(&schema);
        assert_eq!(make(3), make(3));
        assert_eq!(Generator::documented(&set, Direction::Response).value(&schema), json!({"a": "string", "b": 7}));
    }
}
