//! Schemas from the `SchemaItem` trees of plugin versions up to 4.1 (`createNodes` in the plugin).
//!
//! A schema is shown as a list of sibling nodes:
//! - `<SchemaItem collapsible={false} name schema required ...>`: a property whose whole schema is the
//!   `schema` prop (after the plugin merged its `allOf`); named `property name*`, it is `additionalProperties`
//!   (with `schemaName="any"`, `schema` is the object that holds a free-form `additionalProperties`); with an
//!   empty name, the object has `properties: {}`;
//! - `<SchemaItem collapsible={true}>`: an object, array or `oneOf` property, whose name, type label, markers
//!   (`nullable`, `required`, `deprecated`), qualifier and description sit in HTML above its own nodes;
//! - `<li>Array [</li> ... <li>]</li>`: the items of an array (items that are arrays themselves are shown
//!   keyword by keyword, as `SchemaItem`s named `type`, `items`, ...);
//! - `<div><span className="badge">oneOf</span><SchemaTabs>`: one tab per member, labelled by its title;
//! - `<div className="openapi-discriminator__item">`: a discriminator property and its mapping tabs;
//! - `<div style={{marginTop, marginBottom}}>type</div>`: a schema with no properties or items, by its type
//!   (and its qualifier in a nested `<div>`); the bare text `any` when it has no type either.

use serde_json::{Map, Value};

use super::Cx;
use super::text::{Unread, markdown, qualifier};
use crate::jsx::{Node, NodeId};

/// Schemas nested deeper than this are cut off with a warning; real pages stay far below it, and it keeps the
/// recursion short on hostile input.
const MAX_DEPTH: usize = 64;

/// What the nodes of one schema showed.
#[derive(Default)]
struct Parts {
    properties: Map<String, Value>,
    required: Vec<String>,
    empty_object: bool,
    additional: Option<Value>,
    items: Option<Value>,
    /// `oneOf` or `anyOf`, and the members.
    one_of: Option<(String, Vec<Value>)>,
    discriminator: Option<Value>,
    /// The schema a type `<div>` showed.
    typed: Option<Value>,
    any: bool,
    /// Items that are neither objects nor primitives (an array of arrays, items without a type) are shown
    /// keyword by keyword, as if each were a property (`Object.entries(items)` in the plugin): `type` with
    /// the schema `"array"`, `items` with its schema, and so on.
    keywords: bool,
}

impl Parts {
    fn build(self) -> Value {
        if self.keywords {
            return Value::Object(self.properties);
        }
        let mut schema = Map::new();
        if !self.properties.is_empty() || self.empty_object || self.additional.is_some() {
            schema.insert("type".into(), "object".into());
        } else if self.items.is_some() {
            schema.insert("type".into(), "array".into());
        }
        if let Some((kind, members)) = self.one_of {
            schema.insert(kind, Value::Array(members));
        }
        if !self.properties.is_empty() || self.empty_object {
            schema.insert("properties".into(), Value::Object(self.properties));
        }
        if !self.required.is_empty() {
            schema.insert("required".into(), self.required.into_iter().map(Value::String).collect());
        }
        if let Some(additional) = self.additional {
            schema.insert("additionalProperties".into(), additional);
        }
        if let Some(items) = self.items {
            schema.insert("items".into(), items);
        }
        if let Some(discriminator) = self.discriminator {
            schema.insert("discriminator".into(), discriminator);
        }
        match self.typed {
            Some(Value::Object(typed)) if schema.is_empty() => Value::Object(typed),
            Some(Value::Object(typed)) => {
                for (key, value) in typed {
                    schema.entry(key).or_insert(value);
                }
                Value::Object(schema)
            }
            // `circular(Name)`: the plugin's mark for a schema that contains itself.
            Some(other) if schema.is_empty() => other,
            _ => Value::Object(schema),
        }
    }
}

/// A property shown by a collapsible `SchemaItem`.
struct Property {
    name: String,
    schema: Value,
    required: bool,
}

const JSON_TYPES: &[&str] = &["string", "number", "integer", "boolean", "object", "array", "null"];

impl Cx<'_, '_> {
    /// The schema that the sibling nodes `ids` show.
    pub(super) fn schema(&mut self, ids: &[NodeId], depth: usize) -> Value {
        if depth > MAX_DEPTH {
            if let Some(&id) = ids.first() {
                self.warn(id, format!("schema nested deeper than {MAX_DEPTH} levels: the rest is not read"));
            }
            return Value::Object(Map::new());
        }
        let mut parts = Parts::default();
        let mut i = 0;
        while i < ids.len() {
            let id = ids[i];
            i += 1;
            let Some(element) = self.tree.element(id) else {
                if let Node::Text(range) = &self.tree.nodes[id] {
                    let text = self.tree.slice(range).trim();
                    if text == "any" {
                        parts.any = true;
                    } else if !text.is_empty() {
                        self.warn(id, format!("unexpected text `{text}` in a schema: expected schema items"));
                    }
                }
                continue;
            };
            match self.tree.name(element) {
                "SchemaItem" => self.schema_item(id, &mut parts, depth),
                "li" => match self.tree.text_of(id).trim() {
                    "Array [" => {
                        let (inner, next) = self.bracketed(ids, i);
                        let items = self.schema(inner, depth + 1);
                        if parts.items.replace(items).is_some() {
                            self.warn(id, "a second `Array [` list in one schema: only the last is kept");
                        }
                        i = next;
                    }
                    other => self.warn(id, format!("unexpected `<li>{other}</li>` in a schema: expected `Array [`")),
                },
                "div" => self.div(id, &mut parts, depth),
                other => self.warn(id, format!("unexpected `<{other}>` in a schema: expected schema items")),
            }
        }
        parts.build()
    }

    /// The nodes between an `Array [` item (just before `ids[from]`) and its matching `]`, and the index after
    /// that `]`.
    fn bracketed<'i>(&mut self, ids: &'i [NodeId], from: usize) -> (&'i [NodeId], usize) {
        let mut depth = 1usize;
        for (offset, &id) in ids[from..].iter().enumerate() {
            if self.tree.element(id).is_none_or(|e| self.tree.name(e) != "li") {
                continue;
            }
            match self.tree.text_of(id).trim() {
                "Array [" => depth += 1,
                "]" => {
                    depth -= 1;
                    if depth == 0 {
                        return (&ids[from..from + offset], from + offset + 1);
                    }
                }
                _ => {}
            }
        }
        if let Some(&open) = from.checked_sub(1).and_then(|i| ids.get(i)) {
            self.warn(open, "`Array [` is never closed by a `]` item: read to the end of the list");
        }
        (&ids[from..], ids.len())
    }

    fn schema_item(&mut self, id: NodeId, parts: &mut Parts, depth: usize) {
        if self.prop(id, "collapsible") == Some(Value::Bool(true)) {
            let Some(property) = self.collapsible(id, depth) else {
                return;
            };
            if property.name == "property name*" {
                parts.additional = Some(property.schema);
            } else {
                if property.required {
                    parts.required.push(property.name.clone());
                }
                parts.properties.insert(property.name, property.schema);
            }
            return;
        }
        let name = self.prop(id, "name");
        let schema = self.prop(id, "schema");
        match (name.as_ref().and_then(Value::as_str), schema) {
            (Some("property name*"), Some(schema)) => {
                // A free-form `additionalProperties` (and, in plugin 2.x, some others) shows the object that
                // holds it; a primitive one shows itself.
                let additional = match schema.get("additionalProperties") {
                    Some(additional) => additional.clone(),
                    None => schema,
                };
                parts.additional = Some(additional);
            }
            (Some(""), _) => parts.empty_object = true,
            (Some(name), schema) => {
                let name = name.to_owned();
                let circular = |s: &str| s.starts_with("circular(");
                if schema.as_ref().is_some_and(|s| !s.is_object() && !s.as_str().is_some_and(circular)) {
                    parts.keywords = true;
                }
                if self.prop(id, "required") == Some(Value::Bool(true)) {
                    parts.required.push(name.clone());
                }
                let schema = schema.unwrap_or_else(|| {
                    self.warn(id, format!("property `{name}` has no `schema` prop: read as any value"));
                    Value::Object(Map::new())
                });
                parts.properties.insert(name, schema);
            }
            (None, _) => self.warn(id, "`<SchemaItem>` without a `name` prop: expected a property name"),
        }
    }

    /// A collapsible `SchemaItem`: `<details>` with the summary (name, type label, markers) and a `<div>`
    /// holding the qualifier, the description and the nodes of the property's own schema.
    fn collapsible(&mut self, id: NodeId, depth: usize) -> Option<Property> {
        let Some(details) = self.child_named(id, "details") else {
            self.warn(id, "collapsible `<SchemaItem>` without `<details>`: expected the property inside it");
            return None;
        };
        let Some(summary) = self.child_named(details, "summary") else {
            self.warn(details, "`<details>` without `<summary>`: expected the property's name inside it");
            return None;
        };
        let (name, label, markers) = self.summary(summary);
        let Some(name) = name else {
            self.warn(summary, "`<summary>` without a `<strong>` name: expected the property's name");
            return None;
        };
        // The qualifier and description lead the `<div>` after the summary; plugin 3.x puts a `oneOf` block
        // after that `<div>`.
        let (mut content, mut extra) = (None, Vec::new());
        for child in self.element_children(details) {
            if child == summary {
                continue;
            }
            let is_div = self.tree.element(child).is_some_and(|e| self.tree.name(e) == "div");
            if content.is_none() && is_div && self.style(child).contains_key("marginLeft") {
                content = Some(child);
            } else {
                extra.push(child);
            }
        }
        // Plugin 4.0 writes the qualifier before the description, 4.1 after it.
        let (mut nodes, mut message, mut description) = (Vec::new(), None, None);
        let mut leading = true;
        for child in content.map(|c| self.children(c)).unwrap_or_default() {
            if self.tree.element(child).is_none() {
                nodes.push(child);
                continue;
            }
            if leading && self.is_text_div(child) {
                let text = markdown(self.tree.inner_source(child));
                if message.is_none() && text.starts_with("**Possible values:**") {
                    message = Some((child, text));
                    continue;
                }
                if description.is_none() {
                    description = Some(text);
                    continue;
                }
            }
            leading = false;
            nodes.push(child);
        }
        nodes.extend(extra);
        let mut schema = self.schema(&nodes, depth + 1);
        let additional = name == "property name*";
        if let Value::Object(map) = &mut schema {
            if let Some(label) = &label {
                apply_label(map, label);
            }
            // On `property name*` the plugin shows the nullability of the object that holds it.
            if markers.nullable && !additional {
                map.insert("nullable".into(), Value::Bool(true));
            }
            if markers.deprecated {
                map.insert("deprecated".into(), Value::Bool(true));
            }
            if let Some((at, message)) = message {
                let array = map.get("type").is_some_and(|t| t == "array");
                match qualifier(&message, array, None) {
                    Ok(keywords) => merge_keywords(map, keywords),
                    Err(Unread(why)) => self.warn(at, why),
                }
            }
            if let Some(description) = description {
                map.insert("description".into(), Value::String(description));
            }
        }
        Some(Property { name, schema, required: markers.required })
    }

    /// The name, type label and markers in a property's `<summary>`, in either markup: plugin 4.x (classes
    /// `openapi-schema__property`, `__name`, `__nullable`, `__required`, `__deprecated`) or 3.x (`<strong>`
    /// name, `<span style={{opacity}}>` label, `<strong>` markers).
    fn summary(&mut self, summary: NodeId) -> (Option<String>, Option<String>, Markers) {
        let (mut name, mut label, mut markers) = (None, None, Markers::default());
        let ids: Vec<NodeId> = self.descendants(summary);
        for id in ids {
            let Some(element) = self.tree.element(id) else {
                continue;
            };
            let tag = self.tree.name(element);
            let class = self.class(id).unwrap_or_default();
            let text = self.tree.inner_source(id).trim();
            if tag == "strong" && name.is_none() {
                name = Some(text.to_owned());
            } else if label.is_none()
                && tag == "span"
                && (class.contains("openapi-schema__name") || self.style(id).contains_key("opacity"))
            {
                label = Some(text.to_owned());
            } else if class.contains("openapi-schema__nullable") || (tag == "strong" && text == "nullable") {
                markers.nullable = true;
            } else if class.contains("openapi-schema__required") || (tag == "strong" && text == "required") {
                markers.required = true;
            } else if class.contains("openapi-schema__deprecated") || (tag == "strong" && text == "deprecated") {
                markers.deprecated = true;
            }
        }
        (name, label, markers)
    }

    fn div(&mut self, id: NodeId, parts: &mut Parts, depth: usize) {
        let class = self.class(id).unwrap_or_default();
        if class.contains("openapi-discriminator__item") {
            self.discriminator(id, parts, depth);
            return;
        }
        let first = self.element_children(id).first().copied();
        if let Some(badge) = first.filter(|&f| self.class(f).is_some_and(|c| c.contains("badge"))) {
            let kind = self.tree.inner_source(badge).trim().to_owned();
            if kind != "oneOf" && kind != "anyOf" {
                self.warn(badge, format!("unexpected badge `{kind}`: expected `oneOf` or `anyOf`"));
                return;
            }
            let members = self.members(id, depth);
            parts.one_of = Some((kind, members));
            return;
        }
        if self.is_text_div(id) || self.style(id).contains_key("marginLeft") {
            parts.typed = Some(self.typed(id));
            return;
        }
        self.warn(id, "unexpected `<div>` in a schema: expected schema items");
    }

    /// The members of a `oneOf`/`anyOf` block: one `TabItem` each, labelled by the member's title or
    /// `MOD{n}`. Members that show nothing have no tab.
    fn members(&mut self, block: NodeId, depth: usize) -> Vec<Value> {
        let Some(tabs) = self.child_named(block, "SchemaTabs") else {
            self.warn(block, "`oneOf`/`anyOf` without `<SchemaTabs>`: expected a tab per member");
            return Vec::new();
        };
        let mut members = Vec::new();
        for tab in self.element_children(tabs) {
            let label = self.string_prop(tab, "label");
            let index = self.string_prop(tab, "value").and_then(|v| v.split('-').next()?.parse::<usize>().ok());
            let mut ids = self.children(tab);
            let mut description = None;
            if let Some(pos) = ids.iter().position(|&c| self.tree.element(c).is_some()) {
                let summary = ids[pos];
                if self.class(summary).is_some_and(|c| c.contains("openapi-schema__summary")) {
                    description = Some(markdown(self.tree.inner_source(summary)));
                    ids.remove(pos);
                }
            }
            let mut member = self.schema(&ids, depth + 1);
            if let Value::Object(map) = &mut member {
                let generic = index.map(|i| format!("MOD{}", i + 1));
                if let Some(label) = label.filter(|l| Some(l) != generic.as_ref()) {
                    map.insert("title".into(), Value::String(label));
                }
                if let Some(description) = description {
                    map.insert("description".into(), Value::String(description));
                }
            }
            members.push(member);
        }
        members
    }

    /// A discriminator shown on its property: the name, `string`, the required marker, the mapping's keys as
    /// a qualifier, the description, and a tab per mapping key with the schema it maps to.
    fn discriminator(&mut self, id: NodeId, parts: &mut Parts, depth: usize) {
        let inner = self.element_children(id).first().copied().unwrap_or(id);
        let (mut name, mut required, mut description, mut mapping) = (None, false, None, Map::new());
        for child in self.element_children(inner) {
            let Some(element) = self.tree.element(child) else { continue };
            match self.tree.name(element) {
                "span" => {
                    for part in self.descendants(child) {
                        let class = self.class(part).unwrap_or_default();
                        if class.contains("openapi-schema__property") && name.is_none() {
                            name = Some(self.tree.inner_source(part).trim().to_owned());
                        } else if class.contains("openapi-schema__required") {
                            required = true;
                        }
                    }
                }
                "div" => {
                    let text = markdown(self.tree.inner_source(child));
                    if !text.starts_with("**Possible values:**") {
                        description = Some(text);
                    }
                }
                "DiscriminatorTabs" => {
                    for tab in self.element_children(child) {
                        let Some(key) = self.string_prop(tab, "label") else {
                            self.warn(tab, "discriminator tab without a `label`: expected the mapping key");
                            continue;
                        };
                        let ids = self.children(tab);
                        let target = self.schema(&ids, depth + 1);
                        mapping.insert(key, target);
                    }
                }
                _ => {}
            }
        }
        let Some(name) = name else {
            self.warn(id, "discriminator without a property name: expected `<strong>` with it");
            return;
        };
        let mut schema = Map::from_iter([("type".to_owned(), Value::from("string"))]);
        if let Some(description) = description {
            schema.insert("description".into(), Value::String(description));
        }
        if required {
            parts.required.push(name.clone());
        }
        parts.properties.insert(name.clone(), Value::Object(schema));
        let mut discriminator = Map::from_iter([("propertyName".to_owned(), Value::String(name))]);
        if !mapping.is_empty() {
            discriminator.insert("mapping".into(), Value::Object(mapping));
        }
        parts.discriminator = Some(Value::Object(discriminator));
    }

    /// A schema shown by its type alone: `<div>type<div>qualifier</div></div>`, or a `circular(Name)` mark.
    fn typed(&mut self, id: NodeId) -> Value {
        let mut text = String::new();
        let mut message = None;
        for child in self.children(id) {
            match &self.tree.nodes[child] {
                Node::Text(range) => text.push_str(self.tree.slice(range)),
                Node::Element(_) => message = Some((child, markdown(self.tree.inner_source(child)))),
            }
        }
        let kind = text.trim();
        if kind.starts_with("circular(") {
            return Value::String(kind.to_owned());
        }
        let mut schema = Map::new();
        if JSON_TYPES.contains(&kind) {
            schema.insert("type".into(), Value::String(kind.to_owned()));
        } else if !kind.is_empty() {
            self.warn(id, format!("unexpected type `{kind}`: expected a JSON schema type"));
        }
        if let Some((at, message)) = message {
            match qualifier(&message, false, Some(kind)) {
                Ok(keywords) => merge_keywords(&mut schema, keywords),
                Err(Unread(why)) => self.warn(at, why),
            }
        }
        Value::Object(schema)
    }

    /// A `<div>` the plugin fills with markdown: `style={{"marginTop":".5rem","marginBottom":".5rem"}}`.
    fn is_text_div(&self, id: NodeId) -> bool {
        let style = self.style(id);
        self.tree.element(id).is_some_and(|e| self.tree.name(e) == "div")
            && style.contains_key("marginTop")
            && style.contains_key("marginBottom")
            && !style.contains_key("marginLeft")
    }
}

#[derive(Default)]
struct Markers {
    nullable: bool,
    required: bool,
    deprecated: bool,
}

/// What a collapsible property's type label says: `object`, `T[]` (an array), a type, `Title (type)`, or a
/// title (or the `xml.name` of an object, which reads the same).
fn apply_label(schema: &mut Map<String, Value>, label: &str) {
    let has_type = schema.contains_key("type");
    if let Some(item) = label.strip_suffix("[]") {
        if !has_type {
            schema.insert("type".into(), "array".into());
        }
        let items = schema.entry("items").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(items) = items
            && !items.contains_key("type")
            && JSON_TYPES.contains(&item)
            && !items.contains_key("oneOf")
            && !items.contains_key("anyOf")
        {
            items.insert("type".into(), Value::String(item.to_owned()));
        }
        return;
    }
    let only_alternatives = (schema.contains_key("oneOf") || schema.contains_key("anyOf"))
        && !schema.contains_key("properties")
        && !schema.contains_key("additionalProperties");
    if JSON_TYPES.contains(&label) {
        // The plugin labels `oneOf`/`anyOf` properties `object` whatever their type.
        if !(has_type || label == "object" && only_alternatives) {
            schema.insert("type".into(), Value::String(label.to_owned()));
        }
    } else if let Some((title, kind)) = label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        schema.insert("title".into(), Value::String(title.to_owned()));
        if !has_type {
            schema.insert("type".into(), Value::String(kind.to_owned()));
        }
    } else if !label.is_empty() {
        schema.insert("title".into(), Value::String(label.to_owned()));
    }
}

/// Adds qualifier keywords to `schema`; `items` keywords go into its items.
fn merge_keywords(schema: &mut Map<String, Value>, keywords: Map<String, Value>) {
    for (key, value) in keywords {
        match (key.as_str(), value) {
            ("items", Value::Object(inner)) => {
                if let Value::Object(items) = schema.entry("items").or_insert_with(|| Value::Object(Map::new())) {
                    items.extend(inner);
                }
            }
            (_, value) => {
                schema.insert(key, value);
            }
        }
    }
}
