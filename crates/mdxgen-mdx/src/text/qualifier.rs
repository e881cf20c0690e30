//! The `Possible values:` line under an item: the plugin's `getQualifierMessage`, read back into constraints.
//!
//! The plugin writes groups joined by `, `, in this order: the items' enum of an array (`[a, b]`), the length
//! (`non-empty`, `>= N characters`, `<= N characters`, joined by ` and `), the range (`>= N`, `> N`, `<= N`,
//! `< N`), the pattern (`Value must match regular expression P`), a discriminator's mapping and the enum (both
//! `[a, b]`), then `>= N` / `<= N` for `minItems` / `maxItems`. An array without `minItems`/`maxItems` shows
//! its items' qualifier instead of its own.

use serde_json::{Map, Number, Value};

/// The prefix of a qualifier line.
pub(crate) const PREFIX: &str = "Possible values:";

const PATTERN: &str = "Value must match regular expression ";

/// Applies the groups of a qualifier (the text after [`PREFIX`]) to `schema`. Errors name the groups that
/// could not be read; the others are applied.
pub(crate) fn apply(text: &str, schema: &mut Value) -> Result<(), String> {
    let Value::Object(map) = schema else { return Ok(()) };
    let (groups, pattern) = match text.find(PATTERN) {
        // The pattern runs to the end of the line: it may itself hold `, ` and brackets.
        Some(at) => (text[..at].trim().trim_end_matches(','), Some(text[at + PATTERN.len()..].trim())),
        None => (text.trim(), None),
    };
    let is_array = map.get("type").and_then(Value::as_str) == Some("array");
    if is_array && !map.get("items").is_some_and(Value::is_object) {
        map.insert("items".into(), Value::Object(Map::new()));
    }
    let mut unread = Vec::new();
    let mut lists_seen = 0;
    for group in split_groups(groups) {
        // For an array, the first list is its items' enum, and lengths, ranges and patterns are its items'.
        let applied = if let Some(list) = group.strip_prefix('[').and_then(|g| g.strip_suffix(']')) {
            let to_items = is_array && lists_seen == 0;
            lists_seen += 1;
            own_or_items(map, to_items)
                .map(|into| {
                    let nullable = into.get("nullable") == Some(&Value::Bool(true));
                    let values = enum_values(list, into.get("type").and_then(Value::as_str), nullable);
                    into.insert("enum".into(), Value::Array(values));
                })
                .is_some()
        } else if group.contains("characters") || group.contains("non-empty") {
            own_or_items(map, is_array).is_some_and(|into| apply_length(group, into))
        } else {
            apply_range(group, is_array, map)
        };
        if !applied {
            unread.push(group);
        }
    }
    if let Some(pattern) = pattern.filter(|p| !p.is_empty())
        && let Some(into) = own_or_items(map, is_array)
    {
        into.insert("pattern".into(), Value::String(pattern.to_owned()));
    }
    if unread.is_empty() { Ok(()) } else { Err(format!("could not read `{}`", unread.join("`, `"))) }
}

/// The schema a group applies to: `map` itself, or its items (an object since [`apply`] made sure of it).
fn own_or_items(map: &mut Map<String, Value>, items: bool) -> Option<&mut Map<String, Value>> {
    if items { map.get_mut("items").and_then(Value::as_object_mut) } else { Some(map) }
}

/// Splits at `, ` outside brackets.
fn split_groups(text: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b',' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                groups.push(text[start..i].trim());
                start = i + 2;
            }
            _ => {}
        }
    }
    groups.push(text[start.min(text.len())..].trim());
    groups.retain(|g| !g.is_empty());
    groups
}

/// The values of an enum list, typed after the schema's type (the page shows them all as text, `null`
/// included, which a nullable enum lists).
fn enum_values(list: &str, kind: Option<&str>, nullable: bool) -> Vec<Value> {
    list.split(", ")
        .map(str::trim)
        .map(|v| if nullable && v == "null" { Value::Null } else { typed_value(v, kind) })
        .collect()
}

/// `text` as a value of `kind`: a number, a boolean, or a string when it is not one.
pub(crate) fn typed_value(text: &str, kind: Option<&str>) -> Value {
    match kind {
        Some("integer" | "number") => number(text).map(Value::Number).unwrap_or_else(|| Value::String(text.into())),
        Some("boolean") => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text.into()),
        },
        _ => Value::String(text.into()),
    }
}

fn number(text: &str) -> Option<Number> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(i.into());
    }
    text.parse::<f64>().ok().and_then(Number::from_f64)
}

/// `non-empty`, `>= N characters`, `<= N characters`, joined by ` and `.
fn apply_length(group: &str, into: &mut Map<String, Value>) -> bool {
    group.split(" and ").all(|part| {
        let part = part.trim();
        if part == "non-empty" {
            into.insert("minLength".into(), 1.into());
            return true;
        }
        let Some(bound) = part.strip_suffix("characters").map(str::trim) else { return false };
        match bound.split_once(' ') {
            Some((">=", n)) => n.parse::<u64>().map(|n| into.insert("minLength".into(), n.into())).is_ok(),
            Some(("<=", n)) => n.parse::<u64>().map(|n| into.insert("maxLength".into(), n.into())).is_ok(),
            _ => false,
        }
    })
}

/// `>= N`, `> N`, `<= N`, `< N`, joined by ` and `. For an array they are `minItems`/`maxItems` unless its
/// items are numbers (then they are the items' range: the plugin shows the items' qualifier when the array
/// has no item bounds of its own).
fn apply_range(group: &str, is_array: bool, map: &mut Map<String, Value>) -> bool {
    let items_numeric = is_array
        && matches!(map.get("items").and_then(|i| i.get("type")).and_then(Value::as_str), Some("integer" | "number"));
    group.split(" and ").all(|part| {
        let Some((op, n)) = part.trim().split_once(' ') else { return false };
        let Some(n) = number(n.trim()) else { return false };
        if is_array && !items_numeric {
            let key = match op {
                ">=" => "minItems",
                "<=" => "maxItems",
                _ => return false,
            };
            map.insert(key.into(), Value::Number(n));
            return true;
        }
        let Some(target) = own_or_items(map, is_array) else { return false };
        let (key, exclusive) = match op {
            ">=" => ("minimum", None),
            ">" => ("minimum", Some("exclusiveMinimum")),
            "<=" => ("maximum", None),
            "<" => ("maximum", Some("exclusiveMaximum")),
            _ => return false,
        };
        target.insert(key.into(), Value::Number(n));
        if let Some(exclusive) = exclusive {
            target.insert(exclusive.into(), Value::Bool(true));
        }
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn applied(text: &str, schema: Value) -> Value {
        let mut schema = schema;
        apply(text, &mut schema).unwrap();
        schema
    }

    #[test]
    fn lengths_patterns_and_enums() {
        assert_eq!(applied("non-empty", json!({"type": "string"})), json!({"type": "string", "minLength": 1}));
        assert_eq!(
            applied(
                "non-empty and <= 50 characters, Value must match regular expression ^[-a-zA-Z0-9_]+$",
                json!({"type": "string"})
            ),
            json!({"type": "string", "minLength": 1, "maxLength": 50, "pattern": "^[-a-zA-Z0-9_]+$"})
        );
        assert_eq!(applied("[all, any]", json!({"type": "string"})), json!({"type": "string", "enum": ["all", "any"]}));
    }

    #[test]
    fn ranges_and_array_qualifiers() {
        assert_eq!(
            applied(">= -2147483648 and <= 2147483647", json!({"type": "integer"})),
            json!({"type": "integer", "minimum": -2147483648i64, "maximum": 2147483647})
        );
        assert_eq!(
            applied("[external, internal]", json!({"type": "array", "items": {"type": "string"}})),
            json!({"type": "array", "items": {"type": "string", "enum": ["external", "internal"]}})
        );
        assert_eq!(
            applied("[1, 2], >= 1", json!({"type": "array", "items": {"type": "integer"}})),
            json!({"type": "array", "items": {"type": "integer", "enum": [1, 2], "minimum": 1}})
        );
        assert_eq!(
            applied(">= 2", json!({"type": "array", "items": {"type": "string"}})),
            json!({"type": "array", "items": {"type": "string"}, "minItems": 2})
        );
    }

    #[test]
    fn a_nullable_enum_lists_null() {
        assert_eq!(
            applied("[a, null]", json!({"type": "string", "nullable": true})),
            json!({"type": "string", "nullable": true, "enum": ["a", null]})
        );
        assert_eq!(applied("[null]", json!({"type": "string"})), json!({"type": "string", "enum": ["null"]}));
    }

    #[test]
    fn unreadable_groups_are_reported() {
        let mut schema = json!({"type": "string"});
        assert!(apply("whatever this is", &mut schema).is_err());
    }
}
