//! The JSON examples a page shows (the response samples, the request body of the API explorer), read back
//! from their lines, and what their values tell of the fields the page folds away.
//!
//! A copy keeps one line per line of the code block but loses the indentation, so a value is read by
//! counting brackets (outside strings) until they close, then parsed whole.

use serde_json::{Value, json};

use super::Notes;
use super::lines::Line;

/// The most lines one example may span; beyond, it is not read.
const MAX_EXAMPLE_LINES: usize = 100_000;
/// How deep [`infer`] follows an example before it stops.
const MAX_INFER_DEPTH: usize = 96;

/// Whether `line` can start a JSON example: an object, an array, or a lone string.
pub(crate) fn starts_json(line: &str) -> bool {
    line.starts_with('{') || line.starts_with('[') || (line.starts_with('"') && line.ends_with('"') && line.len() > 1)
}

/// Reads the JSON value that starts at `lines[start]`; returns it and the index of the line after it. The
/// lines scanned come out of the page's budget (see [`Notes`]).
pub(crate) fn read_json(lines: &[Line<'_>], start: usize, notes: &mut Notes) -> Option<(Value, usize)> {
    let first = lines.get(start)?;
    if !starts_json(first.text) {
        return None;
    }
    // Scan no further than the budget allows: a spent budget must also stop the scanning itself.
    let limit = MAX_EXAMPLE_LINES.min(notes.json_lines_left().saturating_add(1));
    let mut depth = 0i64;
    let mut end = None;
    let mut scanned = 0;
    for (i, line) in lines.iter().enumerate().skip(start).take(limit) {
        scanned += 1;
        depth += bracket_balance(line.text);
        if depth <= 0 {
            end = Some(i);
            break;
        }
    }
    if !notes.spend_json_lines(scanned, first) {
        return None;
    }
    let end = end?;
    let text: String = lines[start..=end].iter().flat_map(|l| [l.text, "\n"]).collect();
    serde_json::from_str(&text).ok().map(|value| (value, end + 1))
}

/// Opening minus closing brackets of a line, outside strings.
fn bracket_balance(line: &str) -> i64 {
    let (mut balance, mut in_string, mut escaped) = (0i64, false, false);
    for c in line.chars() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (false, _, '"') => in_string = true,
            (false, _, '{' | '[') => balance += 1,
            (false, _, '}' | ']') => balance -= 1,
            _ => {}
        }
    }
    balance
}

/// The schema an example value shows: its structure, its scalar types, and the formats the plugin's sampler
/// writes as fixed values (`3fa85f64-...` for `uuid`, `user@example.com` for `email`...). What a value cannot
/// tell (required, nullable, enums, constraints, descriptions, integer or number) is left out; the caller
/// marks it unknown.
pub(crate) fn infer(value: &Value) -> Value {
    infer_at(value, 0)
}

fn infer_at(value: &Value, depth: usize) -> Value {
    if depth >= MAX_INFER_DEPTH {
        return json!({ "x-mdxgen-unknown": ["type (the example nests too deep)"] });
    }
    match value {
        Value::Object(map) if map.is_empty() => json!({ "type": "object" }),
        Value::Object(map) => {
            let properties: serde_json::Map<String, Value> =
                map.iter().map(|(k, v)| (k.clone(), infer_at(v, depth + 1))).collect();
            json!({ "type": "object", "properties": properties })
        }
        Value::Array(items) => match items.first() {
            Some(first) => json!({ "type": "array", "items": infer_at(first, depth + 1) }),
            None => json!({ "type": "array" }),
        },
        Value::String(s) => match sampled_format(s) {
            Some(format) => json!({ "type": "string", "format": format }),
            None => json!({ "type": "string" }),
        },
        // The sampler writes 0 for integers and numbers alike.
        Value::Number(_) => json!({ "type": "number" }),
        Value::Bool(_) => json!({ "type": "boolean" }),
        Value::Null => json!({ "nullable": true }),
    }
}

/// The format whose sample value `s` is, as docusaurus-plugin-openapi-docs' sampler writes them.
fn sampled_format(s: &str) -> Option<&'static str> {
    match s {
        "3fa85f64-5717-4562-b3fc-2c963f66afa6" => Some("uuid"),
        "user@example.com" => Some("email"),
        "2024-07-29" => Some("date"),
        "2024-07-29T15:51:28.071Z" => Some("date-time"),
        "example.com" => Some("hostname"),
        "198.51.100.42" => Some("ipv4"),
        "2001:0db8:5b96:0000:0000:426f:8e17:642a" => Some("ipv6"),
        _ => None,
    }
}

/// The most keys of an example used to split head lines: each line is tried against each.
const MAX_KEYS: usize = 2048;

/// The property names of an example object, in order (for an array, those of its first item).
pub(crate) fn keys_of(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Object(map) => Some(map.keys().take(MAX_KEYS).cloned().collect()),
        Value::Array(items) => items.first().and_then(keys_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::lines;

    #[test]
    fn examples_are_read_across_lines() {
        let text = "{\n\"a\": [\n{\n\"b\": \"x]}\"\n}\n],\n\"c\": 1\n}\nnext";
        let lines = lines(text);
        let mut notes = Notes::new();
        let (value, next) = read_json(&lines, 0, &mut notes).unwrap();
        assert_eq!(value, json!({"a": [{"b": "x]}"}], "c": 1}));
        assert_eq!(lines[next].text, "next");
        assert!(read_json(&lines, next, &mut notes).is_none());
    }

    #[test]
    fn broken_examples_are_not_read() {
        let mut notes = Notes::new();
        let lines = lines("{\n\"a\": \n");
        assert!(read_json(&lines, 0, &mut notes).is_none());
        let deep = "[".repeat(5000) + &"]".repeat(5000);
        assert!(read_json(&crate::text::lines::lines(&deep), 0, &mut notes).is_none(), "too deep for serde_json");
        // A spent budget stops the reading, and says so once.
        let many = "{\n".repeat(200_000);
        let lines = crate::text::lines::lines(&many);
        let mut notes = Notes::for_lines(0);
        for start in 0..lines.len() {
            assert!(read_json(&lines, start, &mut notes).is_none());
        }
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn inference_keeps_structure_and_sampled_formats() {
        let value = json!({"pk": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "tags": ["string"], "n": 0, "o": {}});
        assert_eq!(
            infer(&value),
            json!({"type": "object", "properties": {
                "pk": {"type": "string", "format": "uuid"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "n": {"type": "number"},
                "o": {"type": "object"}
            }})
        );
        assert_eq!(keys_of(&json!([{"a": 1, "b": 2}])), Some(vec!["a".to_owned(), "b".to_owned()]));
    }
}
