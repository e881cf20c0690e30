//! JavaScript attribute expressions (`{...}` props) as JSON values.
//!
//! The plugin writes props as JSON (`schema={{"type":"string"}}`), so serde_json reads almost all of them.
//! Prettier-formatted pages hold JS object literals instead (unquoted keys, single quotes, trailing commas):
//! those go to a JSON5 parser. `undefined` stands for an absent prop.

use serde_json::Value;

use crate::jsx::{AttrValue, Element, Tree};

/// A prop that holds a string (`name="x"` or `name={"x"}`), read quietly: for props that only guide the
/// reading, where a malformed value is no reason for a diagnostic.
pub(crate) fn string_prop(tree: &Tree<'_>, element: &Element, name: &str) -> Option<String> {
    match tree.attr(element, name)? {
        AttrValue::Expr(r) => parse(tree.slice(r)).ok().flatten()?.as_str().map(str::to_owned),
        AttrValue::Str(r) => Some(tree.slice(r).to_owned()),
        _ => None,
    }
}

/// JSON5's parser recurses; nesting is checked before it runs so hostile depth cannot overflow the stack.
/// serde_json enforces its own limit of 128.
const MAX_NESTING: usize = 128;

/// The value of a prop expression; `Ok(None)` for `undefined`.
pub fn parse(expr: &str) -> Result<Option<Value>, String> {
    let expr = expr.trim();
    if expr == "undefined" {
        return Ok(None);
    }
    match serde_json::from_str::<Value>(expr) {
        Ok(value) => Ok(Some(value)),
        Err(json_error) => parse_js_literal(expr).map(Some).map_err(|js_error| {
            if json_error.is_syntax() || json_error.is_eof() { js_error } else { json_error.to_string() }
        }),
    }
}

fn parse_js_literal(expr: &str) -> Result<Value, String> {
    let depth = max_nesting(expr);
    if depth > MAX_NESTING {
        return Err(format!("value nested {depth} levels deep: expected at most {MAX_NESTING}"));
    }
    let marked = mark_undefined(expr);
    let mut value =
        json5::from_str::<Value>(&marked).map_err(|e| format!("expected a JSON or JavaScript object literal: {e}"))?;
    if marked.len() != expr.len() {
        strip_undefined(&mut value);
    }
    Ok(value)
}

/// Stands for a JS `undefined` while JSON5 parses; never a real value (it holds a NUL).
const UNDEFINED_MARK: &str = r"\u0000mdxgen:undefined";

/// Removes the members and items that were `undefined`, as `JSON.stringify` would. Iterative, so it
/// cannot overflow on deep values.
fn strip_undefined(value: &mut Value) {
    let is_mark = |v: &Value| v.as_str() == Some("\0mdxgen:undefined");
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                map.retain(|_, v| !is_mark(v));
                stack.extend(map.values_mut());
            }
            Value::Array(items) => {
                items.retain(|v| !is_mark(v));
                stack.extend(items.iter_mut());
            }
            _ => {}
        }
    }
}

/// The deepest bracket nesting of `text`, outside strings.
fn max_nesting(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut pos) = (0usize, 0usize, 0usize);
    while pos < bytes.len() {
        match bytes[pos] {
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            quote @ (b'"' | b'\'') => pos = string_end(bytes, pos, quote),
            _ => {}
        }
        pos += 1;
    }
    max
}

/// The offset of the closing quote of the string opening at `open`.
fn string_end(bytes: &[u8], open: usize, quote: u8) -> usize {
    let mut pos = open + 1;
    while pos < bytes.len() && bytes[pos] != quote {
        pos += if bytes[pos] == b'\\' { 2 } else { 1 };
    }
    pos
}

/// JS object literals may hold `key: undefined`, which JSON5 does not know: outside strings it is replaced
/// by a marker string, removed again after parsing.
fn mark_undefined(expr: &str) -> std::borrow::Cow<'_, str> {
    if !expr.contains("undefined") {
        return expr.into();
    }
    let bytes = expr.as_bytes();
    let mut out = String::with_capacity(expr.len());
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b == b'"' || b == b'\'' {
            let end = string_end(bytes, pos, b).min(bytes.len() - 1);
            out.push_str(&expr[pos..=end]);
            pos = end + 1;
        } else if expr[pos..].starts_with("undefined")
            && !is_ident_byte(bytes.get(pos + 9).copied())
            && !is_ident_byte(pos.checked_sub(1).map(|p| bytes[p]))
        {
            out.push('"');
            out.push_str(UNDEFINED_MARK);
            out.push('"');
            pos += 9;
        } else {
            let ch = expr[pos..].chars().next().unwrap_or(' ');
            out.push(ch);
            pos += ch.len_utf8();
        }
    }
    out.into()
}

fn is_ident_byte(b: Option<u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_json_js_literals_and_undefined() {
        assert_eq!(parse(r#"{"type":"string"}"#), Ok(Some(json!({"type": "string"}))));
        assert_eq!(
            parse("{ type: 'string', enum: ['a', \"b\",], }"),
            Ok(Some(json!({"type": "string", "enum": ["a", "b"]})))
        );
        assert_eq!(parse("undefined"), Ok(None));
        assert_eq!(parse("false"), Ok(Some(json!(false))));
        assert_eq!(parse("{ a: undefined, b: 'undefined' }"), Ok(Some(json!({"b": "undefined"}))));
        assert_eq!(parse("[1, undefined]"), Ok(Some(json!([1]))));
    }

    #[test]
    fn rejects_garbage_and_deep_nesting_without_overflow() {
        assert!(parse("{ a: ").is_err());
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(parse(&deep).is_err_and(|e| e.contains("nested")));
    }
}
