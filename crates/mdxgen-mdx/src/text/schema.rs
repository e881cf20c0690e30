//! A schema as the theme lists it: one item per property (head line, description, `Possible values:`,
//! `Default value:`, `Example:`), `Array [` ... `]` around the items of an array, and `oneOf`/`anyOf` or a
//! discriminator with one tab per member.
//!
//! Objects and arrays of objects below the top level are collapsible items the page shows folded: only their
//! summary line (`flow_set object[]`) is in the text. Their fields are read from the JSON example of the same
//! schema when the page has one, and marked unknown otherwise.

use serde_json::{Map, Value, json};

use super::example::{infer, keys_of};
use super::label::{self, ADDITIONAL_PROPERTIES, Header, TypeLabel, mark_unknown};
use super::lines::{Line, tab_label};
use super::qualifier;
use super::{Note, Notes};

/// What the fields of a schema folded away and read from an example cannot tell.
pub(crate) const FROM_EXAMPLE_UNKNOWN: &[&str] =
    &["required", "nullable", "enum", "constraints", "descriptions", "integer or number"];

/// How deep alternatives (`oneOf` inside `oneOf`...) are followed; the page nests them flat, so this only
/// bounds hostile input.
const MAX_DEPTH: usize = 32;

/// Reads the schema whose items are `lines`. `example` is the JSON example of the same schema, when the page
/// shows one; `what` names the schema in notes (`the 200 response`).
pub(crate) fn read_schema(lines: &[Line<'_>], example: Option<&Value>, what: &str, notes: &mut Notes) -> Value {
    read_at(lines, example, what, notes, 0)
}

fn read_at(lines: &[Line<'_>], example: Option<&Value>, what: &str, notes: &mut Notes, depth: usize) -> Value {
    let Some(first) = lines.first() else {
        return json!({});
    };
    if depth >= MAX_DEPTH {
        notes.push(Note::at(first, format!("{what}: alternatives nest too deep to read")));
        return json!({ "x-mdxgen-unknown": ["schema (nested too deep)"] });
    }
    if first.text == "Array [" {
        return root_array(lines, example, what, notes, depth);
    }
    if matches!(first.text, "oneOf" | "anyOf") {
        return alternatives(lines, first.text, what, notes, depth);
    }
    if lines.len() == 1 && first.text == "object" {
        return json!({ "type": "object" });
    }
    if let Some(schema) = discriminated(lines, what, notes, depth) {
        return schema;
    }
    if let Some(schema) = root_scalar(lines, what, notes) {
        return schema;
    }
    read_object(lines, example, what, notes)
}

/// `Array [` items `]`: the items are an object's properties, or one unnamed item (a bare label).
fn root_array(lines: &[Line<'_>], example: Option<&Value>, what: &str, notes: &mut Notes, depth: usize) -> Value {
    let close = lines.iter().rposition(|l| l.text == "]").filter(|&c| c > 0).unwrap_or(lines.len());
    let inner = &lines[1..close];
    let item_example = example.and_then(|e| e.as_array()).and_then(|items| items.first());
    let items = match inner.first().and_then(|l| TypeLabel::parse(l.text)) {
        Some(label) if !starts_item(inner) => {
            let mut schema = label.schema();
            apply_details(&mut schema, &inner[1..], notes, what);
            schema
        }
        _ => read_at(inner, item_example, what, notes, depth + 1),
    };
    json!({ "type": "array", "items": items })
}

/// Whether `lines` start with a named item (so a first line like `string` is a name, not a label).
fn starts_item(lines: &[Line<'_>]) -> bool {
    lines.first().is_some_and(|l| label::header(l.text, None).is_some_and(|h| h.name != l.text))
}

/// A scalar at the top: the theme names the item after its type (`stringstring`, `integerint64`).
fn root_scalar(lines: &[Line<'_>], what: &str, notes: &mut Notes) -> Option<Value> {
    let first = lines.first()?;
    let header = label::header(first.text, None)?;
    let is_scalar = matches!(header.name, "string" | "integer" | "number" | "boolean");
    let only_item = lines[1..].iter().all(|l| label::header(l.text, None).is_none());
    if !is_scalar || !only_item {
        return None;
    }
    let mut schema = header.label?.schema();
    if header.nullable {
        schema["nullable"] = Value::Bool(true);
    }
    apply_details(&mut schema, &lines[1..], notes, what);
    Some(schema)
}

/// `oneOf` / `anyOf`, its tabs (one per member, labelled with the member's title or `MODn`), and the
/// members one after the other.
fn alternatives(lines: &[Line<'_>], kind: &str, what: &str, notes: &mut Notes, depth: usize) -> Value {
    let tabs: Vec<&str> = lines[1..].iter().map_while(|l| tab_label(l.text)).collect();
    let body = &lines[1 + tabs.len()..];
    let members = member_schemas(body, &tabs, what, notes, depth);
    let members: Vec<Value> = members
        .into_iter()
        .zip(tabs.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(mut member, tab)| {
            if let Some(title) = tab.filter(|t| !is_generated_label(t))
                && let Value::Object(map) = &mut member
            {
                map.insert("title".into(), Value::String((*title).to_owned()));
            }
            member
        })
        .collect();
    json!({ kind: members })
}

/// `MOD1`, `MOD2`...: the labels the theme makes up for untitled members.
fn is_generated_label(label: &str) -> bool {
    label.strip_prefix("MOD").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A discriminator at the top: its property (often without a type), the mapping's keys as `Possible values`,
/// a tab per key, and the members one after the other.
fn discriminated(lines: &[Line<'_>], what: &str, notes: &mut Notes, depth: usize) -> Option<Value> {
    let first = lines.first()?;
    let values_at = lines.iter().take(8).position(|l| l.text.starts_with(qualifier::PREFIX))?;
    let list = lines[values_at].text[qualifier::PREFIX.len()..].trim();
    let keys: Vec<&str> = list.strip_prefix('[')?.strip_suffix(']')?.split(", ").collect();
    let tabs: Vec<&str> = lines[values_at + 1..].iter().map_while(|l| tab_label(l.text)).collect();
    if tabs != keys {
        return None;
    }
    let (rest, ..) = label::strip_markers(first.text);
    let property = label::header(first.text, None).map(|h| h.name).unwrap_or(rest);
    let body = &lines[values_at + 1 + tabs.len()..];
    let members = member_schemas(body, &tabs, what, notes, depth);
    let mapping: Map<String, Value> = keys.iter().map(|k| ((*k).to_owned(), Value::Null)).collect();
    let mut schema = json!({
        "oneOf": members,
        "discriminator": { "propertyName": property, "mapping": mapping },
    });
    mark_unknown(&mut schema, "discriminator mapping targets (the page shows the keys only)");
    notes.push(Note::at(
        first,
        format!(
            "{what}: discriminator `{property}` shows its mapping keys only; which schema each key names is unknown"
        ),
    ));
    Some(schema)
}

/// Splits the members of alternatives, shown one after the other with nothing in between: each member
/// starts with the same first item (or is a single bare label). When the split is not clear, all items go
/// to one member, marked.
fn member_schemas(body: &[Line<'_>], tabs: &[&str], what: &str, notes: &mut Notes, depth: usize) -> Vec<Value> {
    let count = tabs.len().max(1);
    if let Some(parts) = split_members(body, count) {
        return parts.iter().map(|part| read_at(part, None, what, notes, depth + 1)).collect();
    }
    let mut whole = read_at(body, None, what, notes, depth + 1);
    mark_unknown(&mut whole, "which alternative each field belongs to");
    if let Some(first) = body.first() {
        notes.push(Note::at(
            first,
            format!("{what}: the {count} alternatives are shown one after the other and cannot be told apart"),
        ));
    }
    vec![whole]
}

fn split_members<'l, 'a>(body: &'l [Line<'a>], count: usize) -> Option<Vec<&'l [Line<'a>]>> {
    if count == 1 {
        return Some(vec![body]);
    }
    let first = body.first()?;
    let starts: Vec<usize> = match label::header(first.text, None) {
        Some(head) => body
            .iter()
            .enumerate()
            .filter(|(_, l)| label::header(l.text, None).is_some_and(|h| h.name == head.name))
            .map(|(i, _)| i)
            .collect(),
        None => body.iter().enumerate().filter(|(_, l)| TypeLabel::parse(l.text).is_some()).map(|(i, _)| i).collect(),
    };
    if starts.len() != count || starts.first() != Some(&0) {
        return None;
    }
    let mut parts = Vec::with_capacity(count);
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(body.len());
        parts.push(&body[start..end]);
    }
    Some(parts)
}

/// One item being read: its head line and the lines under it.
struct Item<'l, 'a> {
    line: Line<'a>,
    header: Header<'a>,
    details: Vec<&'l Line<'a>>,
}

/// Reads the items of an object. The names of `example`'s keys settle where a name ends and its label
/// begins, and give the fields of items folded away. Lines before the first item are not the object's.
fn read_object<'l, 'a>(lines: &'l [Line<'a>], example: Option<&Value>, what: &str, notes: &mut Notes) -> Value {
    let keys = example.and_then(keys_of);
    let mut items: Vec<Item<'l, 'a>> = Vec::new();
    for line in lines {
        match label::header(line.text, keys.as_deref()) {
            Some(header) if !is_detail(line.text) => {
                items.push(Item { line: *line, header, details: Vec::new() });
            }
            _ => {
                if let Some(item) = items.last_mut() {
                    item.details.push(line);
                }
            }
        }
    }
    let example_object = example.map(|e| match e {
        Value::Array(items) => items.first().unwrap_or(e),
        _ => e,
    });
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut object = json!({ "type": "object" });
    for item in &items {
        let value = example_object.and_then(|e| e.get(item.header.name));
        if item.header.name == ADDITIONAL_PROPERTIES {
            additional_properties(item, &mut object, notes, what);
            continue;
        }
        let schema = item_schema(item, value, what, notes);
        if item.header.required {
            required.push(Value::String(item.header.name.to_owned()));
        }
        properties.insert(item.header.name.to_owned(), schema);
    }
    if !properties.is_empty() {
        object["properties"] = Value::Object(properties);
    }
    if !required.is_empty() {
        object["required"] = Value::Array(required);
    }
    object
}

/// Lines that belong to the item above them, whatever they end with.
fn is_detail(line: &str) -> bool {
    line.starts_with(qualifier::PREFIX) || line.starts_with("Default value:") || line.starts_with("Example:")
}

/// `property name*`: the object's additional properties. The theme shows the object's own description,
/// qualifier and nullable on this line, not the additional properties' ones.
fn additional_properties(item: &Item<'_, '_>, object: &mut Value, notes: &mut Notes, what: &str) {
    let schema = item.header.label.as_ref().map_or_else(|| json!({}), TypeLabel::schema);
    object["additionalProperties"] = schema;
    let mut own = json!({});
    apply_lines(&mut own, &item.details, notes, what);
    if let Value::Object(own) = own {
        for (key, value) in own {
            object[key.as_str()] = value;
        }
    }
    if item.header.nullable {
        object["nullable"] = Value::Bool(true);
    }
}

/// The schema of one item: its label, markers and details; the fields of a folded object from `example`.
fn item_schema(item: &Item<'_, '_>, example: Option<&Value>, what: &str, notes: &mut Notes) -> Value {
    let header = &item.header;
    let mut schema = match &header.label {
        Some(label) => label.schema(),
        None => json!({}),
    };
    if let Some(label @ TypeLabel { core: label::Core::Unknown(text), .. }) = header.label.as_ref() {
        let message = match type_from_example(label, example) {
            Some(typed) => {
                schema = typed;
                format!(
                    "{what}: `{}` has the label `{text}` (a title); its type is taken from the example",
                    header.name
                )
            }
            None => format!("{what}: `{}` has the label `{text}`, whose type is unknown", header.name),
        };
        notes.push(Note::at(&item.line, message));
    }
    if header.nullable {
        schema["nullable"] = Value::Bool(true);
    }
    if header.deprecated {
        schema["deprecated"] = Value::Bool(true);
    }
    apply_lines(&mut schema, &item.details, notes, what);
    let titled = matches!(header.label.as_ref().map(|l| &l.core), Some(label::Core::Titled { .. }));
    if notes.inline_tree && titled && schema.get("default").is_none() {
        // A titled scalar is a field made with `allOf: [Title]`, whose default the tree leaves out.
        mark_unknown(&mut schema, DEFAULT_UNKNOWN);
        notes.push(Note::at(&item.line, format!("{what}: `{}` may have a default the page leaves out", header.name)));
    }
    let folded = header.spaced && header.label.as_ref().is_some_and(TypeLabel::is_object);
    if folded {
        let mut message = fill_folded(&mut schema, example, header.name, what);
        if !header.required {
            // The theme checks the folded object's own `required` list for its name when the object is made
            // with `allOf`, so a required field of that kind shows no marker.
            mark_unknown(&mut schema, REQUIRED_UNKNOWN);
            message.push_str("; whether it is required is unknown (no marker shows on folded objects made with allOf)");
        }
        notes.push(Note::at(&item.line, message));
    }
    schema
}

/// The schema of an item whose label is a bare title (theme 5.x writes a titled scalar's title alone, no
/// type), typed after the example's value: a scalar's type (integer or number unknown, as the sampler writes
/// 0 for both), in as many arrays as the label has `[]`.
fn type_from_example(label: &TypeLabel<'_>, example: Option<&Value>) -> Option<Value> {
    let label::Core::Unknown(title) = label.core else { return None };
    let mut value = example?;
    for _ in 0..label.arrays {
        value = value.as_array()?.first()?;
    }
    let mut schema = match value {
        Value::String(_) => json!({ "type": "string" }),
        Value::Bool(_) => json!({ "type": "boolean" }),
        Value::Number(_) => json!({ "type": "number", "x-mdxgen-unknown": ["integer or number"] }),
        _ => return None,
    };
    schema["title"] = Value::String(title.to_owned());
    for _ in 0..label.arrays {
        schema = json!({ "type": "array", "items": schema });
    }
    Some(schema)
}

/// What a titled field of an inline-tree page cannot tell.
pub(crate) const DEFAULT_UNKNOWN: &str = "default (inline-tree pages leave out the default of a field made with allOf)";

/// What a folded item without the `required` marker cannot tell.
pub(crate) const REQUIRED_UNKNOWN: &str =
    "required-ness of this folded item (no marker shows on folded objects made with allOf)";

/// The fields of an object (or of the objects of an array) whose item the page shows folded, from the
/// example when it has them. Returns what to report.
fn fill_folded(schema: &mut Value, example: Option<&Value>, name: &str, what: &str) -> String {
    let arrays = array_depth(schema);
    let mut value = example;
    for _ in 0..arrays {
        value = value.and_then(Value::as_array).and_then(|items| items.first());
    }
    let target = innermost_items(schema);
    match value.map(infer) {
        Some(Value::Object(inferred)) if inferred.contains_key("properties") => {
            let count = inferred.get("properties").and_then(Value::as_object).map_or(0, Map::len);
            if let Some(properties) = inferred.get("properties") {
                target["properties"] = properties.clone();
            }
            for unknown in FROM_EXAMPLE_UNKNOWN {
                mark_unknown(target, &format!("{unknown} of the fields below"));
            }
            format!(
                "{what}: `{name}` is folded on the page; its {count} fields are read from the example, where their \
                 required, nullable, enum values, constraints and descriptions are unknown"
            )
        }
        _ => {
            mark_unknown(target, "properties");
            format!("{what}: `{name}` is folded on the page and no example shows its fields: they are unknown")
        }
    }
}

fn array_depth(schema: &Value) -> usize {
    let mut depth = 0;
    let mut node = schema;
    while node.get("type").and_then(Value::as_str) == Some("array") {
        match node.get("items") {
            Some(items) => {
                node = items;
                depth += 1;
            }
            None => break,
        }
    }
    depth
}

fn innermost_items(schema: &mut Value) -> &mut Value {
    if schema.get("type").and_then(Value::as_str) == Some("array") && schema.get("items").is_some() {
        return innermost_items(&mut schema["items"]);
    }
    schema
}

/// Applies the lines under an item: `Possible values:`, `Default value:`, `Example:`; the rest is the
/// description.
fn apply_lines(schema: &mut Value, details: &[&Line<'_>], notes: &mut Notes, what: &str) {
    let owned: Vec<Line<'_>> = details.iter().map(|l| **l).collect();
    apply_details(schema, &owned, notes, what);
}

/// Like [`apply_lines`], for a slice of lines.
pub(crate) fn apply_details(schema: &mut Value, details: &[Line<'_>], notes: &mut Notes, what: &str) {
    let mut description = Vec::new();
    for line in details {
        let text = line.text;
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            if let Err(message) = qualifier::apply(rest, schema) {
                mark_unknown(schema, "constraints");
                notes.push(Note::at(line, format!("{what}: {message}")));
            }
        } else if let Some(rest) = text.strip_prefix("Default value:") {
            let value = shown_value(rest.trim(), schema);
            set_default(schema, value);
        } else if let Some(rest) = text.strip_prefix("Example:") {
            schema["example"] = shown_value(rest.trim(), schema);
        } else {
            description.push(text);
        }
    }
    if !description.is_empty() && schema.is_object() {
        schema["description"] = Value::String(description.join("\n"));
    }
}

/// A default or example as the page shows it: strings as they are, other values as JSON.
pub(crate) fn shown_value(text: &str, schema: &Value) -> Value {
    let kind = schema.get("type").and_then(Value::as_str);
    if kind == Some("string") {
        return Value::String(text.to_owned());
    }
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

fn set_default(schema: &mut Value, value: Value) {
    if schema.is_object() {
        schema["default"] = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::lines;

    fn read(text: &str, example: Option<Value>) -> (Value, Notes) {
        let lines = lines(text);
        let mut notes = Notes::new();
        let schema = read_schema(&lines, example.as_ref(), "the body", &mut notes);
        (schema, notes)
    }

    #[test]
    fn items_with_markers_qualifiers_and_descriptions() {
        let (schema, notes) = read(
            "namestringrequired\nPossible values: non-empty\nconfigure_flowuuidnullable\nFlow used by a user.\nLine two.\n\
             enabledboolean\nDefault value: true",
            None,
        );
        assert_eq!(
            schema,
            json!({"type": "object", "properties": {
                "name": {"type": "string", "minLength": 1},
                "configure_flow": {"type": "string", "format": "uuid", "nullable": true,
                    "description": "Flow used by a user.\nLine two."},
                "enabled": {"type": "boolean", "default": true}
            }, "required": ["name"]})
        );
        assert!(notes.is_empty());
    }

    #[test]
    fn folded_objects_take_their_fields_from_the_example() {
        let example = json!({"flow_set": [{"pk": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "string"}]});
        let (schema, notes) = read("flow_set object[]", Some(example));
        let items = &schema["properties"]["flow_set"]["items"];
        assert_eq!(items["properties"]["pk"], json!({"type": "string", "format": "uuid"}));
        assert!(items["x-mdxgen-unknown"].as_array().is_some_and(|u| u.len() == FROM_EXAMPLE_UNKNOWN.len()));
        assert_eq!(notes.len(), 1);
        let (schema, notes) = read("flow_set object[]", None);
        assert_eq!(schema["properties"]["flow_set"]["items"]["x-mdxgen-unknown"], json!(["properties"]));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn bare_titles_take_their_type_from_the_example() {
        let example = json!({"alg": "rsa", "pk": 0, "backends": ["a"]});
        let (schema, notes) =
            read("algAlgEnum\nPossible values: [rsa, ecdsa]\npkID\nbackendsBackendsEnum[]", Some(example));
        assert_eq!(
            schema["properties"]["alg"],
            json!({"type": "string", "title": "AlgEnum", "enum": ["rsa", "ecdsa"]})
        );
        assert_eq!(schema["properties"]["pk"]["x-mdxgen-unknown"], json!(["integer or number"]));
        assert_eq!(schema["properties"]["backends"]["items"]["type"], "string");
        assert_eq!(notes.len(), 3);
        let (schema, _) = read("algAlgEnumrequired", None);
        assert!(schema["properties"]["alg"].get("type").is_none());
    }

    #[test]
    fn titled_fields_of_inline_trees_may_lack_their_default() {
        let lines = lines("algAlgEnum (string)\nnamestring");
        let mut notes = Notes::new();
        notes.inline_tree = true;
        let schema = read_schema(&lines, None, "the body", &mut notes);
        assert_eq!(schema["properties"]["alg"]["x-mdxgen-unknown"], json!([DEFAULT_UNKNOWN]));
        assert!(schema["properties"]["name"].get("x-mdxgen-unknown").is_none());
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn additional_properties_carry_the_object_description() {
        let (schema, _) = read("codestring\nproperty name*any\nValidation Error", None);
        assert_eq!(schema["additionalProperties"], json!({}));
        assert_eq!(schema["description"], "Validation Error");
    }

    #[test]
    fn arrays_scalars_and_alternatives() {
        let (schema, _) = read("Array [\nnamestringrequired\n]", None);
        assert_eq!(schema["items"]["required"], json!(["name"]));
        let (schema, _) = read("Array [\nstring\n]", None);
        assert_eq!(schema, json!({"type": "array", "items": {"type": "string"}}));
        let (schema, _) = read("stringstring\nPossible values: non-empty", None);
        assert_eq!(schema, json!({"type": "string", "minLength": 1}));
        let (schema, _) = read("oneOf\n- Cat\n- MOD2\nnamestring\nnamestring\nagesinteger", None);
        assert_eq!(schema["oneOf"][0]["title"], "Cat");
        assert_eq!(schema["oneOf"][1]["properties"]["ages"], json!({"type": "integer"}));
        assert!(schema["oneOf"][1].get("title").is_none());
    }

    #[test]
    fn discriminators_split_members_at_the_repeated_first_item() {
        let text = "component\nPossible values: [a, b]\n- a\n- b\nflow_info object\nxstring\nflow_info object\nystring";
        let (schema, notes) = read(text, None);
        assert_eq!(schema["discriminator"]["propertyName"], "component");
        assert_eq!(schema["oneOf"].as_array().map(Vec::len), Some(2));
        assert!(schema["oneOf"][1]["properties"].get("y").is_some());
        assert!(!notes.is_empty());
    }
}
