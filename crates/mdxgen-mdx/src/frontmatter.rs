//! The YAML frontmatter between the leading `---` lines of a page.

use serde_json::{Map, Value};

/// The frontmatter block of a page: its parsed keys and where it sits in the cleaned text.
pub struct Frontmatter<'a> {
    pub fields: Map<String, Value>,
    /// Byte offset (in the cleaned text) of the first YAML line.
    pub yaml_start: usize,
    /// The YAML text itself, for locating keys.
    pub yaml: &'a str,
    /// How many characters YAML forbids (NUL and other controls) were replaced by U+FFFD to read it.
    pub replaced_characters: usize,
    /// Keys whose values YAML rejects, read as their raw text, with the parser's message.
    pub raw_keys: Vec<(String, String)>,
}

/// A problem with the frontmatter block, at a byte offset of the cleaned text.
pub struct FrontmatterError {
    pub offset: usize,
    pub message: String,
}

/// Where the frontmatter is: `(yaml_start, yaml_end, body_start)`, or `None` when the page has none.
/// An opening `---` without a closing one is an error at the opening line.
pub fn split(text: &str) -> Result<Option<(usize, usize, usize)>, FrontmatterError> {
    let lead = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    let rest = &text[lead..];
    let Some(after_open) = rest.strip_prefix("---") else {
        return Ok(None);
    };
    let Some(newline) = after_open.find('\n') else {
        return Err(FrontmatterError { offset: lead, message: "frontmatter opened with `---` is never closed".into() });
    };
    if !after_open[..newline].trim().is_empty() {
        return Ok(None);
    }
    let yaml_start = lead + 3 + newline + 1;
    let mut line_start = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Ok(Some((yaml_start, line_start, line_start + line.len())));
        }
        line_start += line.len();
    }
    Err(FrontmatterError {
        offset: lead,
        message: "frontmatter opened with `---` is never closed: expected a closing `---` line".into(),
    })
}

/// Parses the YAML of a frontmatter block into its top-level keys.
pub fn parse(yaml: &str, yaml_start: usize) -> Result<Frontmatter<'_>, FrontmatterError> {
    // The `api:` blob is most of the frontmatter; as a plain base64 scalar it needs no YAML parser, and
    // leaving it out of the parse makes reading several times faster.
    let (rest, api) = split_plain_api_line(yaml);
    // The plugin copies descriptions into the frontmatter as they are, control characters included, which
    // YAML forbids: read them as U+FFFD rather than lose the page.
    let (printable, replaced_characters) = match parse_yaml(&rest) {
        Ok(value) => (Ok(value), 0),
        Err(error) => match replace_forbidden(&rest) {
            Some((printable, replaced)) => (parse_yaml(&printable).map_err(|_| (error, printable)), replaced),
            None => (Err((error, rest.into_owned())), 0),
        },
    };
    let mut raw_keys = Vec::new();
    let value = match printable {
        Ok(value) => value,
        // It also writes strings YAML cannot read (`description: "a \"`, a backslash before the closing
        // quote): read the block entry by entry, so one bad value costs only itself.
        Err((_, text)) => entry_by_entry(&text, &mut raw_keys),
    };
    let mut fields = match value {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => {
            return Err(FrontmatterError {
                offset: yaml_start,
                message: format!("expected frontmatter to be a mapping of keys, found {}", kind(&other)),
            });
        }
    };
    if let Some(api) = api {
        fields.insert("api".into(), Value::String(api.to_owned()));
    }
    Ok(Frontmatter { fields, yaml_start, yaml, replaced_characters, raw_keys })
}

/// The top-level entries of `yaml` parsed one at a time (an entry is a line starting at column 0 and the
/// indented lines after it). An entry YAML rejects is read as its key and raw text, and listed in `raw_keys`.
fn entry_by_entry(yaml: &str, raw_keys: &mut Vec<(String, String)>) -> Value {
    let mut fields = Map::new();
    for entry in top_level_entries(yaml) {
        match parse_yaml(entry) {
            Ok(Value::Object(map)) => fields.extend(map),
            // A comment, or a line that is no `key: value` entry: nothing to keep.
            Ok(_) => {}
            Err(message) => {
                let Some((key, value)) = entry.split_once(':') else { continue };
                // The parser's message locates and quotes the entry, which the warning points at already.
                let first_line = message.lines().next().unwrap_or_default().trim_start_matches("error: ");
                let reason = first_line
                    .split_once(": ")
                    .filter(|(at, _)| at.starts_with("line "))
                    .map_or(first_line, |(_, r)| r);
                raw_keys.push((key.trim().to_owned(), reason.to_owned()));
                fields.insert(key.trim().to_owned(), Value::String(raw_scalar(value)));
            }
        }
    }
    Value::Object(fields)
}

fn top_level_entries(yaml: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let continues = line.starts_with([' ', '\t']) || line.trim().is_empty();
        if !continues && offset > start {
            entries.push(&yaml[start..offset]);
            start = offset;
        }
        offset += line.len();
    }
    if offset > start {
        entries.push(&yaml[start..]);
    }
    entries
}

/// A value as written, its lines joined and its quotes taken off (with the escapes of the quotes undone).
fn raw_scalar(value: &str) -> String {
    let joined = value.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    if let Some(inner) = joined.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = joined.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    joined
}

fn parse_yaml(yaml: &str) -> Result<Value, String> {
    let options = serde_saphyr::options! { strict_booleans: true, budget: serde_saphyr::budget! { max_depth: 64 } };
    serde_saphyr::from_str_with_options(yaml, options).map_err(|e| e.to_string())
}

/// `yaml` with the characters YAML 1.2 forbids (C0 controls but tab, LF and CR; DEL; C1 controls but NEL)
/// replaced by U+FFFD, and how many there were; `None` when there are none.
fn replace_forbidden(yaml: &str) -> Option<(String, usize)> {
    let forbidden = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    let count = yaml.chars().filter(|&c| forbidden(c)).count();
    (count > 0).then(|| (yaml.chars().map(|c| if forbidden(c) { '\u{fffd}' } else { c }).collect(), count))
}

/// Takes a top-level `api: <base64>` line out of `yaml` when its value is a plain scalar made only of
/// base64 characters (which YAML would read as that same string); any other form stays for the parser.
fn split_plain_api_line(yaml: &str) -> (std::borrow::Cow<'_, str>, Option<&str>) {
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("api: ") {
            let value = value.trim_end();
            let plain = !value.is_empty()
                && value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
                && !matches!(
                    value,
                    "true" | "false" | "null" | "True" | "False" | "Null" | "TRUE" | "FALSE" | "NULL" | "yes" | "no"
                );
            if !plain {
                break;
            }
            let rest = format!("{}{}", &yaml[..offset], &yaml[offset + line.len()..]);
            return (rest.into(), Some(value));
        }
        offset += line.len();
    }
    (yaml.into(), None)
}

impl Frontmatter<'_> {
    /// The byte offset (in the cleaned text) of the line that sets `key`, or of the block when not found.
    pub fn offset_of(&self, key: &str) -> usize {
        let mut offset = 0;
        for line in self.yaml.split_inclusive('\n') {
            if line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')) {
                return self.yaml_start + offset;
            }
            offset += line.len();
        }
        self.yaml_start
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }
}

pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_parses_plain_and_prettier_frontmatter() {
        let text = "---\nid: a\nsidebar_custom_props: { a: 1, b: [x, y,], }\n---\nbody";
        let (start, end, body) = split(text).ok().flatten().expect("frontmatter");
        assert_eq!(&text[body..], "body");
        let fm = parse(&text[start..end], start).ok().expect("parses");
        assert_eq!(fm.str("id"), Some("a"));
        assert_eq!(fm.fields["sidebar_custom_props"]["b"][1], "y");
        assert_eq!(fm.offset_of("sidebar_custom_props"), 10);
    }

    #[test]
    fn a_plain_api_line_reads_as_its_string_and_other_forms_go_to_yaml() {
        let fm = parse("id: a\napi: eJzt+/9=\ntitle: t\n", 0).ok().expect("parses");
        assert_eq!(fm.str("api"), Some("eJzt+/9="));
        assert_eq!(fm.str("title"), Some("t"));
        let fm = parse("api: true\n", 0).ok().expect("parses");
        assert_eq!(fm.fields["api"], Value::Bool(true));
        let fm = parse("api: {\"method\": \"get\"}\n", 0).ok().expect("parses");
        assert_eq!(fm.fields["api"]["method"], "get");
    }

    #[test]
    fn control_characters_yaml_forbids_read_as_replacement_characters() {
        let fm = parse("id: a\ntitle: \"a NUL \u{0} and\n  more\"\n", 0).ok().expect("parses");
        assert_eq!(fm.str("title"), Some("a NUL \u{fffd} and more"));
        assert_eq!(fm.replaced_characters, 1);
    }

    #[test]
    fn a_value_yaml_rejects_costs_only_itself() {
        let fm = parse("id: a\ndescription: \"/!\\ WARNING /!\\ \\\"\ntitle: [unclosed\nsidebar_label: \"x\"\n", 0)
            .ok()
            .expect("parses");
        assert_eq!(fm.str("id"), Some("a"));
        assert_eq!(fm.str("description"), Some("/!\\ WARNING /!\\ \\"));
        assert_eq!(fm.str("title"), Some("[unclosed"));
        assert_eq!(fm.str("sidebar_label"), Some("x"));
        let keys: Vec<&str> = fm.raw_keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["description", "title"]);
    }

    #[test]
    fn unclosed_frontmatter_is_an_error() {
        assert!(split("---\nid: a\n").is_err());
        assert!(split("no frontmatter").ok().flatten().is_none());
    }
}
