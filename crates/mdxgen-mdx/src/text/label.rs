//! The head line of a schema item or parameter: `name`, the type label, then the `nullable`, `required` and
//! `deprecated` markers, all run together by the copy (`configure_flowuuidnullable`, `flow_set object[]`,
//! `stage_uuid uuidrequired`).
//!
//! The type label is what the plugin's `getSchemaName` prints: the format when there is one (`uuid`,
//! `date-time`), `Title (type)` for a titled scalar, `circular(Title)`, `object` for objects and alternatives,
//! or the type, and `[]` per array level. Since the name and the label run together, the line is split where a
//! known label ends the line; names taken from a JSON example of the same object settle the split when given.

use serde_json::{Value, json};

/// The JSON Schema types the theme prints as labels.
const TYPES: &[&str] = &["string", "integer", "number", "boolean", "object", "array", "null"];

/// Formats the theme prints in place of the type. A format outside this list reads as an unknown label.
const FORMATS: &[&str] = &[
    "int32",
    "int64",
    "float",
    "double",
    "decimal",
    "byte",
    "binary",
    "date",
    "date-time",
    "time",
    "duration",
    "password",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "uri-template",
    "iri",
    "iri-reference",
    "url",
    "uuid",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// The longest head line: a name and a label; longer lines are prose.
const MAX_HEADER_LEN: usize = 512;

/// The name the theme gives the additional properties of an object.
pub(crate) const ADDITIONAL_PROPERTIES: &str = "property name*";

/// What a type label says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Core<'a> {
    /// A JSON Schema type, or `any` (no schema).
    Type(&'a str),
    /// A format, which the theme shows instead of the type.
    Format(&'a str),
    /// `Title (type)`.
    Titled { title: &'a str, kind: &'a str },
    /// `type<format>`: theme 5.x writes both, and any format (not only the known ones).
    TypedFormat { kind: &'a str, format: &'a str },
    /// `circular(Title)`: a cycle the plugin cut.
    Circular(&'a str),
    /// A label that is none of the above (an unknown format, an XML name, a bare title).
    Unknown(&'a str),
}

/// A parsed type label: its core and how many `[]` follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeLabel<'a> {
    pub core: Core<'a>,
    pub arrays: usize,
}

/// A head line: the property (or parameter) name, its label, and the markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header<'a> {
    pub name: &'a str,
    /// `None` when the line names a property without a type (a discriminator property may).
    pub label: Option<TypeLabel<'a>>,
    /// Whether a space separates name and label: the theme writes one in the summary of a collapsible
    /// item (an object or array whose fields are folded away) and none in a plain item (theme 4.3 on).
    pub spaced: bool,
    pub nullable: bool,
    pub required: bool,
    pub deprecated: bool,
}

impl<'a> TypeLabel<'a> {
    /// Parses a label that stands alone (after a parameter name, or an unnamed array item).
    pub(crate) fn parse(label: &'a str) -> Option<Self> {
        let (core, arrays) = strip_arrays(label.trim());
        let core = if TYPES.contains(&core) || core == "any" {
            Core::Type(core)
        } else if FORMATS.contains(&core) {
            Core::Format(core)
        } else if let Some((kind, format)) = typed_format(core) {
            Core::TypedFormat { kind, format }
        } else if let Some(target) = core.strip_prefix("circular(").filter(|c| c.ends_with(')')) {
            Core::Circular(target.trim_end_matches(')'))
        } else if let Some((title, kind)) = titled(core) {
            Core::Titled { title, kind }
        } else {
            return None;
        };
        Some(Self { core, arrays })
    }

    /// Reads an unrecognised label as [`Core::Unknown`]; used where the name is certain.
    pub(crate) fn parse_or_unknown(label: &'a str) -> Self {
        Self::parse(label).unwrap_or_else(|| {
            let (core, arrays) = strip_arrays(label.trim());
            Self { core: Core::Unknown(core), arrays }
        })
    }

    /// Whether the label names an object (or objects in arrays), whose fields a collapsible item hides.
    pub(crate) fn is_object(&self) -> bool {
        matches!(self.core, Core::Type("object"))
    }

    /// The schema the label stands for. An unknown label gives a schema that says its type is unknown.
    pub(crate) fn schema(&self) -> Value {
        let mut schema = match &self.core {
            Core::Type("any") => json!({}),
            Core::Type(kind) => json!({ "type": kind }),
            Core::Format(format) => json!({ "type": type_of_format(format), "format": format }),
            Core::TypedFormat { kind, format } => json!({ "type": kind, "format": format }),
            Core::Titled { title, kind } => json!({ "type": kind, "title": title }),
            Core::Circular(target) => json!({ "allOf": [format!("circular({target})")] }),
            Core::Unknown(label) => json!({ "x-mdxgen-unknown": [format!("type (the label `{label}`)")] }),
        };
        for _ in 0..self.arrays {
            schema = json!({ "type": "array", "items": schema });
        }
        schema
    }
}

/// The JSON type a format belongs to.
fn type_of_format(format: &str) -> &'static str {
    match format {
        "int32" | "int64" => "integer",
        "float" | "double" | "decimal" => "number",
        _ => "string",
    }
}

/// `string<uuid>`: the type and the format.
fn typed_format(core: &str) -> Option<(&str, &str)> {
    let (kind, format) = core.strip_suffix('>')?.split_once('<')?;
    (TYPES.contains(&kind) && !format.is_empty() && !format.contains(['<', '>', ' '])).then_some((kind, format))
}

/// Splits off the `[]` suffixes of a label.
fn strip_arrays(label: &str) -> (&str, usize) {
    let mut core = label;
    let mut arrays = 0;
    while let Some(inner) = core.strip_suffix("[]") {
        core = inner;
        arrays += 1;
    }
    (core, arrays)
}

/// `Title (type)`: the title and the type.
fn titled(core: &str) -> Option<(&str, &str)> {
    let inner = core.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let kind = &inner[open + 2..];
    let title = inner[..open].trim();
    (TYPES.contains(&kind) && !title.is_empty()).then_some((title, kind))
}

/// Removes the markers the theme appends after the label, last first (it writes nullable, required,
/// deprecated in that order).
pub(crate) fn strip_markers(line: &str) -> (&str, bool, bool, bool) {
    let mut rest = line.trim_end();
    let deprecated = strip_suffix_in_place(&mut rest, "deprecated");
    let required = strip_suffix_in_place(&mut rest, "required");
    let nullable = strip_suffix_in_place(&mut rest, "nullable");
    (rest, nullable, required, deprecated)
}

fn strip_suffix_in_place(text: &mut &str, suffix: &str) -> bool {
    match text.strip_suffix(suffix) {
        Some(rest) if !rest.trim().is_empty() => {
            *text = rest.trim_end();
            true
        }
        _ => false,
    }
}

/// Whether `name` looks like a property name of its own accord: one word that starts in lower case (or
/// with `_`, `$`, `@` or a digit). Names that start in upper case are accepted only when an example names
/// them, since a one-word description (`Update`, `Company`) would otherwise read as name plus label.
pub(crate) fn plausible_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || "_$@".contains(c));
    first_ok && !name.contains(char::is_whitespace) && !name.contains(['(', ')', '[', ']', '{', '}', '"', '`'])
}

/// Reads a schema item's head line. `keys` are the property names a JSON example of the same object shows,
/// when there is one: a line that starts with one of them (the longest that leaves a known label) is a head
/// line, whatever its label. Without keys, the line must end with a known label and start with a plausible
/// name.
pub(crate) fn header<'a>(line: &'a str, keys: Option<&[String]>) -> Option<Header<'a>> {
    if line.len() > MAX_HEADER_LEN {
        return None;
    }
    let (rest, nullable, required, deprecated) = strip_markers(line);
    let with_markers = |name: &'a str, label: Option<TypeLabel<'a>>, spaced: bool| Header {
        name,
        label,
        spaced,
        nullable,
        required,
        deprecated,
    };
    if let Some(label) = rest.strip_prefix(ADDITIONAL_PROPERTIES) {
        let spaced = label.starts_with(' ');
        return Some(with_markers(ADDITIONAL_PROPERTIES, Some(TypeLabel::parse_or_unknown(label)), spaced));
    }
    if let Some(keys) = keys
        && let Some((name, label, spaced)) = split_by_keys(rest, keys)
    {
        return Some(with_markers(name, label, spaced));
    }
    if let Some((name, label, spaced)) = split_by_grammar(rest) {
        return Some(with_markers(name, Some(label), spaced));
    }
    // A property without a type shows no label: `metadatarequired`. A marker makes it tell from a word.
    let marked = nullable || required || deprecated;
    (marked && plausible_name(rest)).then(|| with_markers(rest, None, false))
}

/// Splits `rest` after the longest example key it starts with, preferring keys that leave a known label.
fn split_by_keys<'a>(rest: &'a str, keys: &[String]) -> Option<(&'a str, Option<TypeLabel<'a>>, bool)> {
    let mut best: Option<(bool, usize, &'a str, Option<TypeLabel<'a>>, bool)> = None;
    for key in keys.iter().filter(|k| !k.is_empty() && rest.starts_with(k.as_str())) {
        let after = &rest[key.len()..];
        let label_text = after.trim_start();
        let (known, label) = if label_text.is_empty() {
            (true, None)
        } else {
            match TypeLabel::parse(label_text) {
                Some(label) => (true, Some(label)),
                // A key that leaves one unknown word is still a name, and so is one run into a capitalised
                // title of several words (theme 5.x writes a titled scalar's title alone: `managedManaged by
                // authentik`); more words after a space are a sentence.
                None if !label_text.contains(' ') || titled(label_text).is_some() || runs_into_title(after) => {
                    (false, Some(TypeLabel::parse_or_unknown(label_text)))
                }
                None => continue,
            }
        };
        let rank = (known, key.len());
        if best.as_ref().is_none_or(|b| (b.0, b.1) < rank) {
            best = Some((known, key.len(), &rest[..key.len()], label, after.starts_with(' ')));
        }
    }
    best.map(|(_, _, name, label, spaced)| (name, label, spaced))
}

/// Whether the text after a name is a title run into it: no space between them, and a capital letter.
fn runs_into_title(after: &str) -> bool {
    after.starts_with(char::is_uppercase)
}

/// Splits `rest` by the label grammar: `Title (type)`, `circular(X)`, or a known type or format at the end.
fn split_by_grammar(rest: &str) -> Option<(&str, TypeLabel<'_>, bool)> {
    let (core, arrays) = strip_arrays(rest);
    let split = titled_split(core).or_else(|| circular_split(core)).or_else(|| token_split(core))?;
    let (name_part, core) = split;
    let spaced = name_part.ends_with(' ');
    let name = name_part.trim_end();
    if !plausible_name(name) {
        return None;
    }
    Some((name, TypeLabel { core, arrays }, spaced))
}

/// `nameTitle (type)`: the title starts at the first upper-case letter after the name.
fn titled_split(core: &str) -> Option<(&str, Core<'_>)> {
    let inner = core.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let kind = &inner[open + 2..];
    if !TYPES.contains(&kind) {
        return None;
    }
    let both = &inner[..open];
    let at = both.char_indices().skip(1).find(|(_, c)| c.is_uppercase()).map(|(i, _)| i)?;
    Some((&both[..at], Core::Titled { title: both[at..].trim(), kind }))
}

fn circular_split(core: &str) -> Option<(&str, Core<'_>)> {
    let at = core.find("circular(").filter(|&at| at > 0 && core.ends_with(')'))?;
    Some((&core[..at], Core::Circular(core[at + "circular(".len()..core.len() - 1].trim())))
}

/// `name` + the longest known type or format that ends the line, or `name` + `type<format>`.
fn token_split(core: &str) -> Option<(&str, Core<'_>)> {
    if let Some(open) = core.rfind('<').filter(|_| core.ends_with('>')) {
        let before = &core[..open];
        let kind = TYPES.iter().filter(|t| before.len() > t.len() && before.ends_with(*t)).max_by_key(|t| t.len())?;
        let name_end = open - kind.len();
        let (kind, format) = typed_format(&core[name_end..])?;
        return Some((&core[..name_end], Core::TypedFormat { kind, format }));
    }
    let token =
        TYPES.iter().chain(FORMATS).filter(|t| core.len() > t.len() && core.ends_with(*t)).max_by_key(|t| t.len())?;
    let name = &core[..core.len() - token.len()];
    let core = if TYPES.contains(token) { Core::Type(token) } else { Core::Format(token) };
    Some((name, core))
}

/// A parameter's head line: the name, one space, the label (the theme always writes the space here).
pub(crate) fn param_header(line: &str) -> Option<Header<'_>> {
    let (rest, nullable, required, deprecated) = strip_markers(line);
    let (name, label) = rest.split_once(' ')?;
    if name.is_empty() || label.trim().is_empty() {
        return None;
    }
    let label = TypeLabel::parse(label)?;
    Some(Header { name, label: Some(label), spaced: true, nullable, required, deprecated })
}

/// Adds `unknown` to the `x-mdxgen-unknown` list of `schema`.
pub(crate) fn mark_unknown(schema: &mut Value, unknown: &str) {
    let Value::Object(map) = schema else { return };
    let list = map.entry("x-mdxgen-unknown").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(items) = list
        && !items.iter().any(|i| i == unknown)
    {
        items.push(Value::String(unknown.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> (String, Value, bool, bool, bool) {
        let h = header(line, None).unwrap_or_else(|| panic!("no header in {line:?}"));
        (h.name.to_owned(), h.label.map(|l| l.schema()).unwrap_or(Value::Null), h.spaced, h.nullable, h.required)
    }

    #[test]
    fn plain_items_split_at_the_known_label() {
        assert_eq!(split("namestring"), ("name".into(), json!({"type": "string"}), false, false, false));
        assert_eq!(
            split("configure_flowuuidnullable"),
            ("configure_flow".into(), json!({"type": "string", "format": "uuid"}), false, true, false)
        );
        assert_eq!(
            split("created_atdate-timerequired").1,
            json!({"type": "string", "format": "date-time"}),
            "the longest format wins over `time` and `date`"
        );
        assert_eq!(split("non_field_errorsstring[]").1, json!({"type": "array", "items": {"type": "string"}}),);
    }

    #[test]
    fn theme_5_labels_write_type_and_format() {
        let (name, schema, _, _, required) = split("pkstring<uuid>required");
        assert_eq!((name.as_str(), required), ("pk", true));
        assert_eq!(schema, json!({"type": "string", "format": "uuid"}));
        assert_eq!(split("createdstring<date-time>[]").1["items"], json!({"type": "string", "format": "date-time"}));
        assert_eq!(
            param_header("event_uuid string<uuid>required").and_then(|h| h.label).map(|l| l.schema()),
            Some(json!({"type": "string", "format": "uuid"}))
        );
        assert!(header("name<b>", None).is_none());
    }

    #[test]
    fn collapsible_items_have_a_space() {
        let (name, schema, spaced, _, required) = split("results object[]required");
        assert_eq!((name.as_str(), spaced, required), ("results", true, true));
        assert_eq!(schema, json!({"type": "array", "items": {"type": "object"}}));
    }

    #[test]
    fn titled_labels_split_at_the_title() {
        let (name, schema, ..) = split("managedManaged by authentik (string)nullablerequired");
        assert_eq!(name, "managed");
        assert_eq!(schema, json!({"type": "string", "title": "Managed by authentik"}));
        assert_eq!(split("pkID (integer)required").0, "pk");
        assert_eq!(
            split("device_classesDeviceClassesEnum (string)[]").1,
            json!({"type": "array", "items": {"type": "string", "title": "DeviceClassesEnum"}})
        );
    }

    #[test]
    fn sentences_and_capitalised_words_are_not_headers() {
        for line in
            ["Get object type so that we know how to edit the object", "Update", "Company", "Visible in the URL."]
        {
            assert!(header(line, None).is_none(), "{line}");
        }
    }

    #[test]
    fn example_keys_settle_the_split() {
        let keys = vec!["userName".to_owned(), "slug".to_owned(), "slug_field".to_owned()];
        let h = header("userNameUserRole (string)", Some(&keys)).unwrap();
        assert_eq!((h.name, h.label.unwrap().schema()), ("userName", json!({"type": "string", "title": "UserRole"})));
        let h = header("userNameUser role of the account", Some(&keys)).unwrap();
        assert_eq!(h.label.unwrap().core, Core::Unknown("User role of the account"));
        assert!(header("userName of the account", Some(&keys)).is_none(), "a sentence");
        let h = header("slug_fieldslugrequired", Some(&keys)).unwrap();
        assert_eq!(h.name, "slug_field");
        assert_eq!(h.label.unwrap().core, Core::Unknown("slug"));
        assert!(h.required);
    }

    #[test]
    fn untyped_properties_need_a_marker() {
        let h = header("metadatarequired", None).unwrap();
        assert_eq!((h.name, h.label, h.required), ("metadata", None, true));
        assert!(header("metadata", None).is_none());
    }

    #[test]
    fn additional_properties_and_parameters() {
        let h = header("property name*any", None).unwrap();
        assert_eq!((h.name, h.label.unwrap().schema()), (ADDITIONAL_PROPERTIES, json!({})));
        let p = param_header("stage_uuid uuidrequired").unwrap();
        assert_eq!((p.name, p.required), ("stage_uuid", true));
        assert!(param_header("A UUID string identifying this Duo Authenticator Setup Stage.").is_none());
        assert_eq!(param_header("groups_by_pk uuid[]").unwrap().label.unwrap().arrays, 1);
    }
}
