//! Text that the plugin writes into the HTML of inline trees, read back: markdown descriptions and qualifier
//! messages (`**Possible values:** ...`).
//!
//! The plugin's `create(tag, props)` writes `<tag ...>\n{children}\n</tag>` and indents every line of the
//! children by two spaces per level, descriptions included; `createDescription(text)` writes
//! `\n\n{clean(text)}\n\n`, where `clean` escapes `<`, `>`, `{` and `}` outside code spans for MDX.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Number, Value};

/// Code blocks and spans, which `clean` leaves alone: the plugin's own `codeBlock` pattern.
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^```.*[\s\S]*?```$|`[^`].+?`").expect("valid regex"));

/// The text of a `createDescription(text)` from the source between its element's tags: undoes the
/// indentation, the blank lines around it and the MDX escapes.
pub(crate) fn markdown(inner: &str) -> String {
    let mut lines: Vec<&str> = inner.split('\n').collect();
    // The last line is the indentation of the closing tag; the content sits two spaces deeper.
    let closing = match lines.last() {
        Some(last) if lines.len() > 1 && last.trim().is_empty() => {
            let width = last.len();
            lines.pop();
            width
        }
        _ => 0,
    };
    if lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    // The blank lines that open a description carry the indentation alone, which tells the width where the
    // plugin indents (4.x) from where it writes everything flush (2.x).
    let width = match lines.first() {
        Some(first) if first.trim().is_empty() => first.len(),
        _ => closing + 2,
    };
    let mut lines: Vec<&str> = lines.into_iter().map(|l| strip_indent(l, width)).collect();
    for _ in 0..2 {
        if lines.first().is_some_and(|l| l.is_empty()) {
            lines.remove(0);
        }
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
    }
    unclean(&lines.join("\n"))
}

/// `line` without up to `width` leading spaces.
fn strip_indent(line: &str, width: usize) -> &str {
    let spaces = line.bytes().take(width).take_while(|&b| b == b' ').count();
    &line[spaces..]
}

/// Undoes the plugin's `clean`: `&lt;`, `&gt;`, `\{`, `\}` (and 2.x's `\>`) outside code. `clean` also turns `<=` into
/// `&lt;`, which cannot be told from `<` here.
pub(crate) fn unclean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for code in CODE.find_iter(text) {
        out.push_str(&unescape(&text[last..code.start()]));
        out.push_str(code.as_str());
        last = code.end();
    }
    out.push_str(&unescape(&text[last..]));
    out
}

fn unescape(text: &str) -> String {
    // Plugin 2.x escaped `>` as `\>`.
    text.replace("&lt;", "<").replace("&gt;", ">").replace("\\{", "{").replace("\\}", "}").replace("\\>", ">")
}

/// What a qualifier message could not say back.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unread(pub String);

/// Reads a qualifier message (`getQualifierMessage`) back into schema keywords. `array` says whether the
/// message describes an array: its `>= N` and `<= N` are then `minItems` and `maxItems`, and a list before
/// them is the enum of its items. `kind` is the JSON type the enum values have (they are printed bare).
pub(crate) fn qualifier(message: &str, array: bool, kind: Option<&str>) -> Result<Map<String, Value>, Unread> {
    let mut out = Map::new();
    let Some(mut rest) = message.trim().strip_prefix("**Possible values:**") else {
        return Err(Unread(format!("expected `**Possible values:**` to open a qualifier, found `{}`", message.trim())));
    };
    let mut first_list = true;
    loop {
        rest = rest.trim_start_matches([',', ' ']);
        if rest.is_empty() {
            return Ok(out);
        }
        if rest.starts_with('[') {
            let (values, after) = enum_list(rest)?;
            let values = Value::Array(values.into_iter().map(|v| typed(v, kind)).collect());
            if array && first_list {
                out.insert("items".into(), Value::Object(Map::from_iter([("enum".to_owned(), values)])));
            } else {
                out.insert("enum".into(), values);
            }
            first_list = false;
            rest = after;
        } else if let Some(pattern) = rest.strip_prefix("Value must match regular expression `") {
            let end = pattern_end(pattern);
            out.insert("pattern".into(), Value::String(pattern[..end].to_owned()));
            rest = &pattern[(end + 1).min(pattern.len())..];
        } else if rest.starts_with('`') {
            rest = bound_group(rest, array, &mut out)?;
        } else {
            return Err(Unread(format!("unexpected `{rest}` in a qualifier")));
        }
    }
}

/// `[`a`, `b`]` at the start of `text`: the values and what follows the list.
fn enum_list(text: &str) -> Result<(Vec<&str>, &str), Unread> {
    let inner = &text[1..];
    if let Some(after) = inner.strip_prefix(']') {
        return Ok((Vec::new(), after));
    }
    // The list ends at the first "`]" that closes the group (followed by the end or by ", ").
    let mut search = 0;
    let end = loop {
        let Some(found) = inner[search..].find("`]") else {
            return Err(Unread(format!("a list of values is never closed in `{text}`")));
        };
        let at = search + found;
        let after = &inner[at + 2..];
        if after.is_empty() || after.starts_with(", ") {
            break at;
        }
        search = at + 2;
    };
    let body = inner[..end].strip_prefix('`').unwrap_or(&inner[..end]);
    Ok((body.split("`, `").collect(), &inner[end + 2..]))
}

/// Where the pattern that opens `text` ends: at the backtick followed by the end or by another group.
fn pattern_end(text: &str) -> usize {
    let mut search = 0;
    while let Some(found) = text[search..].find('`') {
        let at = search + found;
        let after = &text[at + 1..];
        if after.is_empty() || after.starts_with(", [") || after.starts_with(", `") {
            return at;
        }
        search = at + 1;
    }
    text.len()
}

/// One group of backticked bounds (``>= 1` and `<= 5``), written into `out`; returns what follows.
fn bound_group<'t>(text: &'t str, array: bool, out: &mut Map<String, Value>) -> Result<&'t str, Unread> {
    let mut rest = text;
    loop {
        let Some(body) = rest.strip_prefix('`') else {
            return Err(Unread(format!("expected a backticked bound in `{text}`")));
        };
        let Some(end) = body.find('`') else {
            return Err(Unread(format!("a bound is never closed in `{text}`")));
        };
        bound(&body[..end], array, out)?;
        rest = &body[end + 1..];
        match rest.strip_prefix(" and ") {
            Some(next) => rest = next,
            None => return Ok(rest),
        }
    }
}

fn bound(token: &str, array: bool, out: &mut Map<String, Value>) -> Result<(), Unread> {
    let unread = || Unread(format!("unexpected bound `{token}` in a qualifier"));
    if token == "non-empty" {
        out.insert("minLength".into(), Value::from(1));
        return Ok(());
    }
    if let Some(chars) = token.strip_suffix(" characters") {
        let (op, n) = chars.split_once(' ').ok_or_else(unread)?;
        let key = match op {
            ">=" => "minLength",
            "<=" => "maxLength",
            _ => return Err(unread()),
        };
        out.insert(key.into(), number(n).ok_or_else(unread)?);
        return Ok(());
    }
    let (op, n) = token.split_once(' ').ok_or_else(unread)?;
    let n = number(n).ok_or_else(unread)?;
    match (op, array) {
        (">=", true) => out.insert("minItems".into(), n),
        ("<=", true) => out.insert("maxItems".into(), n),
        (">=", false) => out.insert("minimum".into(), n),
        ("<=", false) => out.insert("maximum".into(), n),
        // OpenAPI 3.0 spelling; the message reads the same for 3.1's numeric `exclusiveMinimum`.
        (">", false) => {
            out.insert("minimum".into(), n);
            out.insert("exclusiveMinimum".into(), Value::Bool(true))
        }
        ("<", false) => {
            out.insert("maximum".into(), n);
            out.insert("exclusiveMaximum".into(), Value::Bool(true))
        }
        _ => return Err(unread()),
    };
    Ok(())
}

fn number(text: &str) -> Option<Value> {
    serde_json::from_str::<Number>(text.trim()).ok().map(Value::Number)
}

/// An enum value as printed (`${e}`), typed by the schema's type where that is known.
fn typed(value: &str, kind: Option<&str>) -> Value {
    match kind {
        Some("integer" | "number") => number(value).unwrap_or_else(|| Value::String(value.to_owned())),
        Some("boolean") if value == "true" || value == "false" => Value::Bool(value == "true"),
        _ => Value::String(value.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn markdown_undoes_indentation_padding_and_escapes() {
        let inner = "\n      \n      \n      Use \\{id\\} &lt;b&gt; `\\{x\\}`\n        indented\n      \n      \n    ";
        assert_eq!(markdown(inner), "Use {id} <b> `\\{x\\}`\n  indented");
        assert_eq!(markdown("\n  \n  \n  \n  \n"), "");
        // Plugin 2.x writes it flush.
        assert_eq!(markdown("\n\nTest\n - one\n\n"), "Test\n - one");
    }

    #[test]
    fn qualifiers_read_back_into_keywords() {
        let q = |m: &str, array: bool, kind: Option<&str>| qualifier(m, array, kind).map(Value::Object);
        assert_eq!(
            q("**Possible values:** `non-empty` and `<= 254 characters`", false, None),
            Ok(json!({"minLength": 1, "maxLength": 254}))
        );
        assert_eq!(
            q(
                "**Possible values:** `>= 1` and `<= 2147483647`, Value must match regular expression `^[a-z`]+$`",
                false,
                None
            ),
            Ok(json!({"minimum": 1, "maximum": 2147483647, "pattern": "^[a-z`]+$"}))
        );
        assert_eq!(q("**Possible values:** [`1`, `2`]", false, Some("integer")), Ok(json!({"enum": [1, 2]})));
        assert_eq!(
            q("**Possible values:** [`a, b`, `c`], `>= 1`, `<= 3`", true, None),
            Ok(json!({"items": {"enum": ["a, b", "c"]}, "minItems": 1, "maxItems": 3}))
        );
        assert!(q("**Possible values:** something else", false, None).is_err());
    }
}
