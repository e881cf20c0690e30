//! Parameters: their text read out of the request by location, style and explode (as OpenAPI defines
//! them), then turned into JSON by what their schema says each value is, so that the validator sees `5`
//! where the schema wants an integer and `"5"` where it wants a string.

use mdxgen_ir::http::{ParamStyle as Style, parameter_style};
use mdxgen_ir::{ParamLocation, Parameter};
use serde_json::{Map, Value};

use crate::schemas::{Direction, LazySchema, SchemaSet};

/// What the schema says a parameter holds, for reading its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A single value of these JSON types (empty: any).
    Scalar(Vec<String>),
    /// An array whose items have these types.
    Array(Vec<String>),
    /// An object whose properties have these types (others: any).
    Object(Vec<(String, Vec<String>)>),
}

#[derive(Debug)]
pub struct MockParameter {
    pub name: String,
    pub location: ParamLocation,
    pub required: bool,
    pub style: Style,
    pub explode: bool,
    pub shape: Shape,
    pub schema: LazySchema,
}

impl MockParameter {
    pub fn new(set: &SchemaSet, parameter: &Parameter) -> Self {
        let schema = parameter.schema.clone().unwrap_or_else(|| Value::Object(Map::new()));
        let schema = LazySchema::new(set, &schema, Direction::Request);
        // A style OpenAPI does not define is read as the default one, as the generated client sends it.
        let (style, explode) = parameter_style(parameter.location, &parameter.extra).unwrap_or_else(|default| default);
        let shape = shape(set, schema.resolved(set), Direction::Request);
        Self {
            name: parameter.name.clone(),
            location: parameter.location,
            required: parameter.required || parameter.location == ParamLocation::Path,
            style,
            explode,
            shape,
            schema,
        }
    }

    /// The parameter's JSON value from the query's decoded pairs, `None` when it is not there.
    pub fn read_query(&self, pairs: &[(String, String)]) -> Option<Value> {
        let named = || pairs.iter().filter(|(k, _)| *k == self.name).map(|(_, v)| v.as_str());
        match (&self.shape, self.style) {
            (Shape::Object(properties), Style::DeepObject) => {
                let prefix = format!("{}[", self.name);
                let fields: Vec<(&str, &str)> = pairs
                    .iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.strip_suffix(']')?, v.as_str())))
                    .collect();
                (!fields.is_empty()).then(|| object(properties, fields))
            }
            (Shape::Object(properties), _) if self.explode => {
                let fields: Vec<(&str, &str)> = pairs
                    .iter()
                    .filter(|(k, _)| properties.is_empty() || properties.iter().any(|(p, _)| p == k))
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                (!fields.is_empty()).then(|| object(properties, fields))
            }
            (Shape::Array(items), _) if self.explode => {
                let values: Vec<&str> = named().collect();
                (!values.is_empty()).then(|| array(items, values))
            }
            // A single value sent twice is an array, which its schema refuses.
            (Shape::Scalar(types), Style::Form) if named().nth(1).is_some() => {
                Some(Value::Array(named().map(|text| coerce(text, types)).collect()))
            }
            _ => named().next().map(|text| self.read_text(text)),
        }
    }

    /// The value of a path, header or cookie parameter, or of a query one that is not exploded, from its text.
    pub fn read_text(&self, text: &str) -> Value {
        let text = self.strip_prefix(text);
        let separator = match self.style {
            Style::SpaceDelimited => ' ',
            Style::PipeDelimited => '|',
            Style::Label if self.explode => '.',
            Style::Matrix if self.explode => ';',
            _ => ',',
        };
        match &self.shape {
            Shape::Scalar(types) => coerce(text, types),
            Shape::Array(items) => array(items, self.split(text, separator)),
            Shape::Object(properties) if self.explode => {
                let fields = self.split(text, separator).into_iter().filter_map(|f| f.split_once('=')).collect();
                object(properties, fields)
            }
            Shape::Object(properties) => {
                let parts = self.split(text, separator);
                object(properties, parts.chunks(2).filter_map(|c| Some((c[0], *c.get(1)?))).collect())
            }
        }
    }

    fn split<'t>(&self, text: &'t str, separator: char) -> Vec<&'t str> {
        if text.is_empty() {
            return Vec::new();
        }
        let matrix_name = format!("{}=", self.name);
        text.split(separator).map(|part| part.strip_prefix(matrix_name.as_str()).unwrap_or(part)).collect()
    }

    /// A label value starts with `.`, a matrix one with `;name=` (or `;` when exploded objects list fields).
    fn strip_prefix<'t>(&self, text: &'t str) -> &'t str {
        match self.style {
            Style::Label => text.strip_prefix('.').unwrap_or(text),
            Style::Matrix => {
                let text = text.strip_prefix(';').unwrap_or(text);
                match self.shape {
                    Shape::Object(_) if self.explode => text,
                    _ => text.strip_prefix(self.name.as_str()).and_then(|t| t.strip_prefix('=')).unwrap_or(text),
                }
            }
            _ => text,
        }
    }
}

/// What a (resolved) schema holds, read as far as reading text needs.
pub fn shape(set: &SchemaSet, schema: &Value, direction: Direction) -> Shape {
    let types = json_types(set, schema, direction);
    if types.iter().any(|t| t == "array") {
        let items = schema.get("items").map(|i| set.resolve(i, direction));
        return Shape::Array(items.map(|i| json_types(set, i, direction)).unwrap_or_default());
    }
    if types.iter().any(|t| t == "object") {
        return Shape::Object(property_types(set, schema, direction));
    }
    Shape::Scalar(types)
}

/// The types of each declared property, for reading a form or an object parameter.
pub fn property_types(set: &SchemaSet, schema: &Value, direction: Direction) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for node in members(set, schema, direction) {
        let Some(Value::Object(properties)) = node.get("properties") else { continue };
        for (name, property) in properties {
            let property = set.resolve(property, direction);
            found.push((name.clone(), json_types(set, property, direction)));
        }
    }
    found
}

/// The JSON types a schema admits, looking through `allOf`/`anyOf`/`oneOf` and `enum` (empty: any).
pub fn json_types(set: &SchemaSet, schema: &Value, direction: Direction) -> Vec<String> {
    let mut types = Vec::new();
    for node in members(set, schema, direction) {
        match node.get("type") {
            Some(Value::String(t)) => types.push(t.clone()),
            Some(Value::Array(list)) => types.extend(list.iter().filter_map(Value::as_str).map(str::to_owned)),
            _ => {}
        }
        if let Some(Value::Array(values)) = node.get("enum") {
            types.extend(values.iter().map(|v| type_of(v).to_owned()));
        }
    }
    types.dedup();
    types
}

/// The schema and the members of its combinators, references followed, a few levels deep.
fn members<'a>(set: &'a SchemaSet, schema: &'a Value, direction: Direction) -> Vec<&'a Value> {
    let mut found = Vec::new();
    let mut stack = vec![(set.resolve(schema, direction), 0)];
    while let Some((node, depth)) = stack.pop() {
        found.push(node);
        // Unions that hold themselves, or many unions of many members, are read this far and no further.
        if depth == 8 || found.len() >= 256 {
            continue;
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            let Some(Value::Array(list)) = node.get(keyword) else { continue };
            stack.extend(list.iter().rev().map(|m| (set.resolve(m, direction), depth + 1)));
        }
    }
    found
}

pub fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The value `text` spells for a place of `types`: the first type it reads as, else the text itself (so
/// that the validator names the type it is not).
pub fn coerce(text: &str, types: &[String]) -> Value {
    let admits = |t: &str| types.iter().any(|x| x == t);
    if (admits("integer") || admits("number"))
        && let Ok(n) = text.parse::<i64>()
    {
        return Value::from(n);
    }
    // An integer is written in digits: `1.5e3` or `2.0` in an integer's place is text, which its schema
    // refuses (as the servers such docs describe do), though the number it spells may be whole.
    let is_digits = !text.is_empty() && text.strip_prefix('-').unwrap_or(text).bytes().all(|b| b.is_ascii_digit());
    if (admits("number") || (admits("integer") && is_digits))
        && let Some(n) = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
    {
        return Value::Number(n);
    }
    if admits("boolean") && matches!(text, "true" | "false") {
        return Value::Bool(text == "true");
    }
    if admits("null") && !admits("string") && (text.is_empty() || text == "null") {
        return Value::Null;
    }
    Value::String(text.to_owned())
}

fn array(items: &[String], values: Vec<&str>) -> Value {
    Value::Array(values.into_iter().map(|v| coerce(v, items)).collect())
}

fn object(properties: &[(String, Vec<String>)], fields: Vec<(&str, &str)>) -> Value {
    let typed = |name: &str| properties.iter().find(|(p, _)| p == name).map(|(_, t)| t.as_slice()).unwrap_or(&[]);
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), coerce(v, typed(k)))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parameter(location: ParamLocation, schema: Value, extra: Value) -> MockParameter {
        let set = SchemaSet::new(&mdxgen_ir::Api::default()).unwrap();
        let Value::Object(extra) = extra else { panic!() };
        let p =
            Parameter { name: "p".into(), location, required: false, description: None, schema: Some(schema), extra };
        MockParameter::new(&set, &p)
    }

    fn pairs(query: &str) -> Vec<(String, String)> {
        form_urlencoded::parse(query.as_bytes()).into_owned().collect()
    }

    #[test]
    fn query_values_are_read_by_style_and_typed_by_schema() {
        let cases = [
            (json!({"type": "integer"}), json!({}), "p=5", json!(5)),
            (json!({"type": "integer"}), json!({}), "p=x", json!("x")),
            (json!({"type": "boolean"}), json!({}), "p=true", json!(true)),
            (json!({"type": "array", "items": {"type": "integer"}}), json!({}), "p=1&p=2", json!([1, 2])),
            (
                json!({"type": "array", "items": {"type": "string"}}),
                json!({"explode": false}),
                "p=a,b",
                json!(["a", "b"]),
            ),
            (
                json!({"type": "array", "items": {"type": "number"}}),
                json!({"style": "pipeDelimited", "explode": false}),
                "p=1|2.5",
                json!([1, 2.5]),
            ),
            (
                json!({"type": "object", "properties": {"a": {"type": "integer"}}}),
                json!({"style": "deepObject"}),
                "p%5Ba%5D=1&p%5Bb%5D=x",
                json!({"a": 1, "b": "x"}),
            ),
            (json!({"type": ["integer", "null"]}), json!({}), "p=null", json!(null)),
            (json!({"type": "integer"}), json!({}), "p=1&p=2", json!([1, 2])),
            (json!({"type": "integer"}), json!({}), "p=1.5e%2B16", json!("1.5e+16")),
            (json!({"type": "number"}), json!({}), "p=1.5e%2B16", json!(1.5e16)),
        ];
        for (schema, extra, query, expected) in cases {
            let p = parameter(ParamLocation::Query, schema.clone(), extra);
            assert_eq!(p.read_query(&pairs(query)), Some(expected), "{schema} {query}");
        }
        assert_eq!(parameter(ParamLocation::Query, json!({}), json!({})).read_query(&pairs("q=1")), None);
    }

    #[test]
    fn path_and_header_values_follow_simple_label_and_matrix() {
        let array = json!({"type": "array", "items": {"type": "integer"}});
        let cases = [
            (ParamLocation::Path, array.clone(), json!({}), "3,4", json!([3, 4])),
            (ParamLocation::Path, array.clone(), json!({"style": "label"}), ".3,4", json!([3, 4])),
            (
                ParamLocation::Path,
                array.clone(),
                json!({"style": "matrix", "explode": true}),
                ";p=3;p=4",
                json!([3, 4]),
            ),
            (ParamLocation::Path, json!({"type": "integer"}), json!({"style": "matrix"}), ";p=7", json!(7)),
            (
                ParamLocation::Header,
                json!({"type": "object"}),
                json!({"explode": true}),
                "a=1,b=2",
                json!({"a": "1", "b": "2"}),
            ),
            (ParamLocation::Header, json!({"type": "object"}), json!({}), "a,1,b,2", json!({"a": "1", "b": "2"})),
        ];
        for (location, schema, extra, text, expected) in cases {
            assert_eq!(parameter(location, schema.clone(), extra).read_text(text), expected, "{schema} {text}");
        }
    }
}
