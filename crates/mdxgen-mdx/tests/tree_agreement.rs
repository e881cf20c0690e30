//! The operations read from the component tree agree with the `api:` frontmatter of the same pages.
//!
//! Each page is read twice: from its `api:` frontmatter (the operation as the plugin saw it) and from its
//! component tree alone (`ignore_api_frontmatter`). The shell pages of plugin 4.2+ hold the operation's JSON in
//! their props, so there both must be equal as they stand. The inline trees of plugin 3.x/4.0 show less than
//! the operation holds, so both sides are first projected onto what such a tree shows ([`Shown`]); each thing
//! the projection drops is listed there with the reason the tree cannot show it. Everything else must agree:
//! parameters, media types, status codes, descriptions, and per schema node the property names and order,
//! types, formats, required, nullable, enums, constraints, descriptions and items.
//!
//! Set `MDXGEN_AGREEMENT_PAGE=<part of a file name>` to print both sides of the matching operations (and the
//! operation as read from the tree, before the projection).

use std::collections::BTreeMap;
use std::path::Path;

use mdxgen_mdx::{Page, ReadOptions, read_file};
use mdxgen_testkit::json::{first_difference_by, short};
use mdxgen_testkit::{Corpus, corpora, corpus_root, page_files};
use serde_json::{Map, Value};

/// Whether a schema is read in a request (where the plugin hides `readOnly` properties) or a response (where it
/// hides `writeOnly` ones).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Io {
    Request,
    Response,
}

/// The projection of an operation onto what an inline tree (plugin 3.x/4.0, `createSchema.js`) shows.
///
/// What it drops, and why the tree cannot show it:
/// - `allOf` is shown merged (json-schema-merge-allof): a property's `{allOf: [...], ...siblings}` shows the
///   merged members only, so the wrapper's `description`, `readOnly`, `default` and `title` are lost (its
///   `nullable` is shown on nested objects); inside a merged schema, empty `additionalProperties`, `items` and
///   `properties` are dropped by the merge.
/// - Request bodies hide `readOnly` properties and responses `writeOnly` ones; `required` keeps the names of
///   shown properties, and is compared as a set, since the tree shows it as a marker on each property.
/// - Nested objects and arrays (collapsible items) show their name, type label, `nullable`, `required` and
///   `deprecated` markers, description, `minItems`/`maxItems`, and their children; not their `title` (the label
///   shows `object`), `example`, `default`, `readOnly`/`writeOnly`, `xml` or other keywords.
/// - The root schema of a body or response shows its children only: not its description, title, nullable or
///   required-ness. A schema without properties or items, at the root or as array items, shows its type and
///   qualifier (length, range, pattern, enum) but not its format.
/// - `type: object` is implied where properties are shown.
/// - `oneOf`/`anyOf` members: the plugin deletes their `properties`, `allOf` and `items` from the operation while
///   it renders them (`createAnyOneOf`), so the frontmatter lacks what the tabs show. Where the same API was
///   also written by plugin 4.2+ (which does not), the members are restored from that page's frontmatter and
///   compared in full: title (the tab label), description (shown from plugin 4.0) and what they show. Otherwise
///   only titles, descriptions and primitive types are compared, and a member with nothing but a title may
///   have no tab (it shows nothing unless it had properties, which the frontmatter cannot tell).
///   A discriminator on a `oneOf` is not shown; one on an object shows its property as a string with its
///   mapping's tabs, not the property's enum.
/// - Examples (`example`, `examples`) are not compared: collapsible items do not show them, merging turns
///   conflicting ones into `true`, and the page's `ResponseSamples` are read separately.
/// - `additionalProperties: {}` shows as `true`; ones the plugin cannot render (`false`, `{type: object}`)
///   are not shown.
/// - Parameters are grouped by location on the page (path, query, header, cookie).
/// - A media type without schema shows `any` (or, among several request media types, no tab);
///   `schema: {}` reads the same. A request body's `required: false` is not shown.
/// - Response headers show their name, type and description only.
struct Shown {
    /// Plugin 4.0 shows oneOf member descriptions; 3.x does not.
    member_descriptions: bool,
    /// Whether the members of `oneOf`/`anyOf` were restored from a reference (see [`restore_members`]), so that
    /// what their tabs show can be compared.
    members_complete: bool,
}

const PRIMITIVES: &[&str] = &["string", "number", "integer", "boolean"];

impl Shown {
    fn operation(&self, op: &Map<String, Value>) -> Value {
        let mut out = Map::new();
        if let Some(Value::Array(params)) = op.get("parameters") {
            let order = ["path", "query", "header", "cookie"];
            let mut params: Vec<Value> = params.iter().map(without_examples).collect();
            params.sort_by_key(|p| order.iter().position(|o| p.get("in").and_then(Value::as_str) == Some(o)));
            if !params.is_empty() {
                out.insert("parameters".into(), Value::Array(params));
            }
        }
        if let Some(body) = op.get("requestBody").and_then(|b| self.request_body(b)) {
            out.insert("requestBody".into(), body);
        }
        if let Some(Value::Object(responses)) = op.get("responses") {
            let responses: Map<String, Value> =
                responses.iter().map(|(status, r)| (status.clone(), self.response(r))).collect();
            out.insert("responses".into(), Value::Object(responses));
        }
        Value::Object(out)
    }

    fn request_body(&self, body: &Value) -> Option<Value> {
        let content = body.get("content")?.as_object()?;
        let several = content.len() > 1;
        let mut shown = Map::new();
        for (media_type, media) in content {
            let schema = media.get("schema");
            let empty_properties =
                schema.and_then(|s| s.get("properties")).is_some_and(|p| p == &Value::Object(Map::new()));
            if several && (schema.is_none() || empty_properties) {
                continue;
            }
            shown.insert(media_type.clone(), self.media(schema, Io::Request));
        }
        // Without a tab, the body's `required` and description are not shown either.
        let tabs = !shown.is_empty();
        let mut out = Map::from_iter([("content".to_owned(), Value::Object(shown))]);
        if !tabs {
            return Some(Value::Object(out));
        }
        if let Some(d) = body.get("description").and_then(Value::as_str).filter(|d| !d.is_empty()) {
            out.insert("description".into(), d.into());
        }
        if body.get("required") == Some(&Value::Bool(true)) {
            out.insert("required".into(), Value::Bool(true));
        }
        Some(Value::Object(out))
    }

    fn response(&self, response: &Value) -> Value {
        let mut out = Map::new();
        let description = response.get("description").and_then(Value::as_str).unwrap_or_default();
        out.insert("description".into(), description.into());
        if let Some(Value::Object(headers)) = response.get("headers") {
            let headers: Map<String, Value> = headers
                .iter()
                .map(|(name, h)| {
                    let mut shown = Map::new();
                    if let Some(d) = h.get("description").and_then(Value::as_str).filter(|d| !d.is_empty()) {
                        shown.insert("description".into(), d.into());
                    }
                    if let Some(t) = h.get("schema").and_then(|s| s.get("type")) {
                        shown.insert("schema".into(), Value::Object(Map::from_iter([("type".to_owned(), t.clone())])));
                    }
                    (name.clone(), Value::Object(shown))
                })
                .collect();
            if !headers.is_empty() {
                out.insert("headers".into(), Value::Object(headers));
            }
        }
        if let Some(Value::Object(content)) =
            response.get("content").filter(|c| c.as_object().is_some_and(|c| !c.is_empty()))
        {
            let content: Map<String, Value> =
                content.iter().map(|(mt, media)| (mt.clone(), self.media(media.get("schema"), Io::Response))).collect();
            out.insert("content".into(), Value::Object(content));
        }
        Value::Object(out)
    }

    fn media(&self, schema: Option<&Value>, io: Io) -> Value {
        let shown = schema.map(|s| self.nodes(s, io)).filter(|s| s != &Value::Object(Map::new()));
        Value::Object(shown.map(|s| Map::from_iter([("schema".to_owned(), s)])).unwrap_or_default())
    }

    /// `createNodes`: what a schema shows as a list of nodes.
    fn nodes(&self, schema: &Value, io: Io) -> Value {
        let Value::Object(s) = schema else {
            return schema.clone();
        };
        if hidden(s, io) {
            return Value::Object(Map::new());
        }
        let mut out = Map::new();
        if let Some((kind, members)) = alternatives(s) {
            out.insert(kind.into(), self.members(members, io));
        }
        if let Some(Value::Object(properties)) = s.get("properties") {
            self.properties(s, properties, io, &mut out);
        }
        if let Some(additional) = s.get("additionalProperties") {
            self.additional(additional, io, &mut out);
        }
        if s.contains_key("items") {
            out.insert("type".into(), "array".into());
            out.insert("items".into(), self.items(s, io));
        }
        if let Some(Value::Array(all_of)) = s.get("allOf")
            && let Value::Object(merged) = merge_all_of(all_of)
        {
            if let Some((kind, members)) = alternatives(&merged) {
                out.insert(kind.into(), self.members(members, io));
            }
            if let Some(Value::Object(properties)) = merged.get("properties") {
                self.properties(&merged, properties, io, &mut out);
            }
        }
        if !out.is_empty() {
            return Value::Object(out);
        }
        match s.get("type") {
            Some(Value::String(kind)) => Value::Object(typed(kind, s)),
            _ => Value::Object(Map::new()),
        }
    }

    /// `createProperties`: each property by `createEdges`, the `required` of the shown ones, and a
    /// discriminator with a mapping on its property.
    fn properties(
        &self,
        s: &Map<String, Value>,
        properties: &Map<String, Value>,
        io: Io,
        out: &mut Map<String, Value>,
    ) {
        out.insert("type".into(), "object".into());
        let discriminator = s.get("discriminator").filter(|d| d.get("mapping").is_some_and(Value::is_object));
        let discriminator_name = discriminator.and_then(|d| d.get("propertyName")).and_then(Value::as_str);
        let mut shown = Map::new();
        for (name, property) in properties {
            if Some(name.as_str()) == discriminator_name {
                let mut p = Map::from_iter([("type".to_owned(), Value::from("string"))]);
                if let Some(d) = property.get("description").filter(|d| d.as_str().is_some_and(|d| !d.is_empty())) {
                    p.insert("description".into(), d.clone());
                }
                shown.insert(name.clone(), Value::Object(p));
                continue;
            }
            if let Some(p) = self.edge(property, io) {
                shown.insert(name.clone(), p);
            }
        }
        let required = required_of(s, Some(&shown));
        if let (Some(d), Some(name)) = (discriminator, discriminator_name)
            && shown.contains_key(name)
        {
            let mapping: Map<String, Value> = d["mapping"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(key, target)| (key.clone(), self.nodes(target, io)))
                .collect();
            let d = Map::from_iter([
                ("propertyName".to_owned(), Value::from(name)),
                ("mapping".to_owned(), Value::Object(mapping)),
            ]);
            out.insert("discriminator".into(), Value::Object(d));
        }
        out.insert("properties".into(), Value::Object(shown));
        if !required.is_empty() {
            out.insert("required".into(), Value::Array(required));
        }
    }

    /// `createEdges`: a property as a leaf (its whole schema) or a collapsible item; `None` when hidden.
    fn edge(&self, schema: &Value, io: Io) -> Option<Value> {
        let Value::Object(s) = schema else {
            return Some(schema.clone());
        };
        if hidden(s, io) {
            return None;
        }
        if is_complex(s) {
            return Some(self.collapsible(s, s.get("nullable"), io));
        }
        if let Some(Value::Array(all_of)) = s.get("allOf") {
            let merged = merge_all_of(all_of);
            let Value::Object(m) = &merged else { return Some(merged) };
            if hidden(m, io) {
                return None;
            }
            if is_complex(m) {
                return Some(self.collapsible(m, s.get("nullable"), io));
            }
            return Some(without_examples(&merged));
        }
        Some(without_examples(schema))
    }

    /// `createDetailsNode`: the type label, markers, description and the nodes of a nested schema.
    fn collapsible(&self, s: &Map<String, Value>, nullable: Option<&Value>, io: Io) -> Value {
        let mut out = match self.nodes(&Value::Object(s.clone()), io) {
            Value::Object(out) => out,
            _ => Map::new(),
        };
        let only_alternatives = alternatives(s).is_some() && !s.contains_key("properties");
        if s.contains_key("items") {
            out.insert("type".into(), "array".into());
            for key in ["minItems", "maxItems"] {
                if let Some(n) = s.get(key).filter(|n| n.as_f64().is_some_and(|n| n != 0.0)) {
                    out.insert(key.into(), n.clone());
                }
            }
        } else if !only_alternatives && s.get("type").and_then(Value::as_str).is_some_and(|t| t != "array") {
            out.insert("type".into(), s["type"].clone());
        }
        if nullable == Some(&Value::Bool(true)) {
            out.insert("nullable".into(), Value::Bool(true));
        }
        if s.get("deprecated") == Some(&Value::Bool(true)) {
            out.insert("deprecated".into(), Value::Bool(true));
        }
        if let Some(d) = s.get("description").filter(|d| d.as_str().is_some_and(|d| !d.is_empty())) {
            out.insert("description".into(), d.clone());
        }
        Value::Object(out)
    }

    /// `createAdditionalProperties`.
    fn additional(&self, additional: &Value, io: Io, out: &mut Map<String, Value>) {
        let shown = match additional {
            Value::Bool(true) => Value::Bool(true),
            Value::Object(a) if a.is_empty() => Value::Bool(true),
            Value::Object(a)
                if ["properties", "items", "allOf", "additionalProperties", "oneOf", "anyOf"]
                    .iter()
                    .any(|k| a.contains_key(*k)) =>
            {
                self.collapsible(a, None, io)
            }
            Value::Object(a) if a.get("type").and_then(Value::as_str).is_some_and(|t| PRIMITIVES.contains(&t)) => {
                without_examples(additional)
            }
            _ => return,
        };
        out.insert("type".into(), "object".into());
        out.insert("additionalProperties".into(), shown);
    }

    /// `createItems`: the items of an array, between `Array [` and `]`.
    fn items(&self, holder: &Map<String, Value>, io: Io) -> Value {
        let Some(Value::Object(items)) = holder.get("items") else {
            // `Object.entries` of a string: nothing the tree can hold.
            return Value::Object(Map::new());
        };
        let mut out = Map::new();
        if let Some(Value::Object(properties)) = items.get("properties") {
            self.properties(items, properties, io, &mut out);
        } else if let Some(additional) = items.get("additionalProperties") {
            self.additional(additional, io, &mut out);
        } else if let Some((kind, members)) = alternatives(items) {
            out.insert(kind.into(), self.members(members, io));
        } else if let Some(Value::Array(all_of)) = items.get("allOf")
            && let Value::Object(merged) = merge_all_of(all_of)
            && (alternatives(&merged).is_some() || merged.contains_key("properties"))
        {
            if let Some((kind, members)) = alternatives(&merged) {
                out.insert(kind.into(), self.members(members, io));
            }
            if let Some(Value::Object(properties)) = merged.get("properties") {
                self.properties(&merged, properties, io, &mut out);
            }
        } else if items.get("type").and_then(Value::as_str).is_some_and(|t| PRIMITIVES.contains(&t) || t == "object") {
            return self.nodes(&Value::Object(items.clone()), io);
        } else {
            // The plugin shows each keyword of such items as a property of its own (`Object.entries`).
            for (key, value) in items {
                if let Some(shown) = self.edge(value, io) {
                    out.insert(key.clone(), shown);
                }
            }
        }
        Value::Object(out)
    }

    /// `createAnyOneOf`: a tab per member, labelled by its title, holding (from plugin 4.0) its description and
    /// what the member shows; members that show nothing get no tab.
    fn members(&self, members: &[Value], io: Io) -> Value {
        let shown = members
            .iter()
            .filter_map(|m| {
                let Value::Object(m) = m else { return None };
                let mut out = Map::new();
                if self.member_descriptions
                    && let Some(d) = m.get("description").filter(|d| d.as_str().is_some_and(|d| !d.is_empty()))
                {
                    out.insert("description".into(), d.clone());
                }
                let kind = m.get("type").and_then(Value::as_str);
                if self.members_complete {
                    let bare = !["properties", "allOf", "items"].iter().any(|k| m.contains_key(*k));
                    if self.member_descriptions && kind == Some("object") && bare {
                        extend(&mut out, self.nodes(&Value::Object(m.clone()), io));
                    }
                    if let Some(Value::Object(properties)) = m.get("properties") {
                        self.properties(m, properties, io, &mut out);
                    }
                    if m.contains_key("allOf") {
                        let rest: Map<String, Value> =
                            m.iter().filter(|(k, _)| *k != "properties").map(|(k, v)| (k.clone(), v.clone())).collect();
                        extend(&mut out, self.nodes(&Value::Object(rest), io));
                    }
                    if m.contains_key("items") {
                        out.insert("type".into(), "array".into());
                        out.insert("items".into(), self.items(m, io));
                    }
                }
                if let Some(kind) = kind.filter(|t| PRIMITIVES.contains(t)) {
                    out.extend(typed(kind, m));
                }
                if out.is_empty() && self.members_complete {
                    return None;
                }
                if let Some(title) = m.get("title").filter(|t| t.as_str().is_some_and(|t| !t.is_empty())) {
                    out.insert("title".into(), title.clone());
                }
                Some(Value::Object(out))
            })
            .collect();
        Value::Array(shown)
    }
}

/// Adds the keys of `more` (an object) that `into` does not have.
fn extend(into: &mut Map<String, Value>, more: Value) {
    if let Value::Object(more) = more {
        for (key, value) in more {
            into.entry(key).or_insert(value);
        }
    }
}

/// Whether the plugin hides a schema here: `readOnly` in requests, `writeOnly` in responses.
fn hidden(s: &Map<String, Value>, io: Io) -> bool {
    let flag = if io == Io::Request { "readOnly" } else { "writeOnly" };
    s.get(flag) == Some(&Value::Bool(true))
}

/// Whether `createEdges` shows a property as a collapsible item.
fn is_complex(s: &Map<String, Value>) -> bool {
    let items = s.get("items");
    ["oneOf", "anyOf", "properties", "additionalProperties"].iter().any(|k| s.contains_key(*k))
        || items.is_some_and(|i| ["properties", "oneOf", "anyOf"].iter().any(|k| i.get(*k).is_some()))
}

fn alternatives(s: &Map<String, Value>) -> Option<(&'static str, &[Value])> {
    ["oneOf", "anyOf"].into_iter().find_map(|k| s.get(k).and_then(Value::as_array).map(|m| (k, m.as_slice())))
}

/// The `required` names (of the shown properties, when given), sorted.
fn required_of(s: &Map<String, Value>, shown: Option<&Map<String, Value>>) -> Vec<Value> {
    let mut names: Vec<String> = s
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|n| shown.is_none_or(|p| p.contains_key(*n)))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names.into_iter().map(Value::String).collect()
}

/// A schema shown by its type and qualifier message (`getQualifierMessage`): lengths, bounds (zero is not
/// shown), pattern and enum.
fn typed(kind: &str, s: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::from_iter([("type".to_owned(), Value::from(kind))]);
    let nonzero = |v: &&Value| v.as_f64().is_some_and(|n| n != 0.0);
    for key in ["minLength", "maxLength", "minimum", "maximum"] {
        if let Some(v) = s.get(key).filter(nonzero) {
            out.insert(key.into(), v.clone());
        }
    }
    for key in ["exclusiveMinimum", "exclusiveMaximum"] {
        if s.get(key) == Some(&Value::Bool(true)) {
            out.insert(key.into(), Value::Bool(true));
        }
    }
    if let Some(p) = s.get("pattern").filter(|p| p.as_str().is_some_and(|p| !p.is_empty())) {
        out.insert("pattern".into(), p.clone());
    }
    if let Some(e) = s.get("enum") {
        out.insert("enum".into(), e.clone());
    }
    out
}

/// The merge of `allOf` members as json-schema-merge-allof makes it for the plugin: nested `allOf`s merged with
/// their siblings, properties merged, `required` joined, the first value kept otherwise, and empty
/// `additionalProperties`, `items` and `properties` dropped. `oneOf`/`anyOf` members are left as they are.
fn merge_all_of(members: &[Value]) -> Value {
    let mut merged = Map::new();
    for member in members {
        if let Value::Object(member) = simplify(member) {
            merge_into(&mut merged, member);
        }
    }
    let mut merged = Value::Object(merged);
    drop_empty(&mut merged);
    merged
}

fn simplify(schema: &Value) -> Value {
    let Value::Object(s) = schema else {
        return schema.clone();
    };
    if let Some(Value::Array(all_of)) = s.get("allOf") {
        let mut members =
            vec![Value::Object(s.iter().filter(|(k, _)| *k != "allOf").map(|(k, v)| (k.clone(), v.clone())).collect())];
        members.extend(all_of.iter().cloned());
        return merge_all_of(&members);
    }
    let mut out = s.clone();
    if let Some(Value::Object(properties)) = out.get_mut("properties") {
        for value in properties.values_mut() {
            *value = simplify(value);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(value) = out.get_mut(key) {
            *value = simplify(value);
        }
    }
    Value::Object(out)
}

fn merge_into(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (key, value) in from {
        match (key.as_str(), into.get_mut(&key), value) {
            ("required", Some(Value::Array(have)), Value::Array(more)) => {
                for name in more {
                    if !have.contains(&name) {
                        have.push(name);
                    }
                }
            }
            (_, Some(Value::Object(have)), Value::Object(more)) => merge_into(have, more),
            (_, Some(_), _) => {}
            (_, None, value) => {
                into.insert(key, value);
            }
        }
    }
}

fn drop_empty(schema: &mut Value) {
    let Value::Object(s) = schema else { return };
    for key in ["additionalProperties", "items", "properties"] {
        if s.get(key).is_some_and(|v| v == &Value::Object(Map::new())) {
            s.remove(key);
        }
    }
    if let Some(Value::Object(properties)) = s.get_mut("properties") {
        properties.values_mut().for_each(drop_empty);
    }
    for key in ["items", "additionalProperties"] {
        if let Some(value) = s.get_mut(key) {
            drop_empty(value);
        }
    }
}

fn without_examples(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| *k != "example" && *k != "examples")
                .map(|(k, v)| (k.clone(), without_examples(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_examples).collect()),
        other => other.clone(),
    }
}

/// The first difference between `want` and `got`, as `path: reason` (see [`first_difference_by`]).
fn diff(want: &Value, got: &Value, path: &str) -> Option<String> {
    first_difference_by(want, got, path, &members_that_may_show_nothing)
}

/// Members of a `oneOf`/`anyOf` that may show nothing can be missing (see `Shown`); the others must be there,
/// in order.
fn members_that_may_show_nothing(path: &str, w: &[Value], g: &[Value]) -> Option<Option<String>> {
    if !(path.ends_with("/oneOf") || path.ends_with("/anyOf")) {
        return None;
    }
    let mut rest = g.iter().enumerate().peekable();
    for (i, wv) in w.iter().enumerate() {
        match rest.peek() {
            Some((_, gv)) if diff(wv, gv, "").is_none() => {
                rest.next();
            }
            _ if may_show_nothing(wv) => {}
            _ => return Some(Some(format!("{path}/{i}: member missing (want {})", short(wv)))),
        }
    }
    Some(rest.next().map(|(j, gv)| format!("{path}/{j}: unexpected member {}", short(gv))))
}

/// A projected `oneOf`/`anyOf` member that may have had no tab: a `circular(...)` mark, or nothing but a title.
fn may_show_nothing(member: &Value) -> bool {
    match member {
        Value::Object(m) => m.keys().all(|k| k == "title"),
        _ => true,
    }
}

struct Tally {
    operations: usize,
    agreeing: usize,
    disagreements: Vec<String>,
    /// Warnings of the tree reading.
    warnings: Vec<String>,
}

/// Reads every operation page of `corpus` both ways and compares them; inline trees through [`Shown`], with
/// `oneOf`/`anyOf` members restored from the same page in `reference` when given.
fn compare_corpus(corpus: &Corpus, reference: Option<&Corpus>) -> Tally {
    let only = std::env::var("MDXGEN_AGREEMENT_PAGE").ok();
    let version = plugin_version(corpus);
    let inline = version < (4, 2);
    let shown = Shown { member_descriptions: version >= (4, 0), members_complete: reference.is_some() };
    let mut tally = Tally { operations: 0, agreeing: 0, disagreements: Vec::new(), warnings: Vec::new() };
    for page in page_files(&corpus.pages) {
        let name = page.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if !name.ends_with(".api.mdx") || only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let (Some(mut truth), Some(tree)) =
            (operation(&page, false, &mut Vec::new()), operation(&page, true, &mut tally.warnings))
        else {
            tally.operations += 1;
            tally.disagreements.push(format!("{name}: not read both ways"));
            continue;
        };
        if let Some(reference) = reference {
            match operation(&reference.pages.join(&name), false, &mut Vec::new()) {
                Some(whole) => restore_members(&mut truth, &whole),
                None => {
                    tally.operations += 1;
                    tally.disagreements.push(format!("{name}: not in the reference {}", reference.name));
                    continue;
                }
            }
        }
        tally.operations += 1;
        let keys = ["parameters", "requestBody", "responses"];
        let pick = |op: &Map<String, Value>| -> Value {
            Value::Object(keys.iter().filter_map(|k| op.get(*k).map(|v| ((*k).to_owned(), v.clone()))).collect())
        };
        let (want, got) =
            if inline { (shown.operation(&truth), shown.operation(&tree)) } else { (pick(&truth), pick(&tree)) };
        if only.is_some() {
            eprintln!("== {name}\n-- frontmatter:\n{want:#}\n-- tree:\n{got:#}\n-- tree as read:\n{:#}", pick(&tree));
        }
        match diff(&want, &got, "") {
            None => tally.agreeing += 1,
            Some(reason) => tally.disagreements.push(format!("{name}: {reason}")),
        }
    }
    tally
}

/// Puts back the `properties`, `allOf`, `items` and nested `oneOf` that plugins up to 4.1 delete from
/// `oneOf`/`anyOf` members while rendering them, from the same operation written by a plugin that does not
/// (`reference`). Nothing else is taken from the reference.
fn restore_members(truth: &mut Map<String, Value>, reference: &Map<String, Value>) {
    let mut stack: Vec<(&mut Value, &Value)> = Vec::new();
    for (key, value) in truth.iter_mut() {
        if let Some(whole) = reference.get(key) {
            stack.push((value, whole));
        }
    }
    while let Some((value, whole)) = stack.pop() {
        match (value, whole) {
            (Value::Object(map), Value::Object(whole)) => {
                for kind in ["oneOf", "anyOf"] {
                    let (Some(Value::Array(members)), Some(Value::Array(complete))) =
                        (map.get_mut(kind), whole.get(kind))
                    else {
                        continue;
                    };
                    for (member, complete) in members.iter_mut().zip(complete) {
                        if let (Value::Object(member), Value::Object(complete)) = (member, complete) {
                            for key in ["properties", "allOf", "items", "oneOf"] {
                                if let (false, Some(v)) = (member.contains_key(key), complete.get(key)) {
                                    member.insert(key.to_owned(), v.clone());
                                }
                            }
                        }
                    }
                }
                for (key, value) in map.iter_mut() {
                    if let Some(w) = whole.get(key) {
                        stack.push((value, w));
                    }
                }
            }
            (Value::Array(items), Value::Array(whole)) => stack.extend(items.iter_mut().zip(whole)),
            _ => {}
        }
    }
}

/// The corpus of the same API written by the first plugin version from 4.2 on, whose frontmatter keeps the
/// `oneOf`/`anyOf` members whole.
fn reference_for<'c>(corpus: &Corpus, all: &'c [Corpus]) -> Option<&'c Corpus> {
    let api = corpus.name.rsplit_once('/').map(|(api, _)| api)?;
    all.iter()
        .filter(|c| c.name.rsplit_once('/').is_some_and(|(a, _)| a == api) && plugin_version(c) >= (4, 2))
        .min_by_key(|c| plugin_version(c))
}

/// `(major, minor)` of the plugin that wrote the corpus.
fn plugin_version(corpus: &Corpus) -> (u32, u32) {
    let mut parts = corpus.plugin_version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

fn operation(page: &Path, from_tree: bool, warnings: &mut Vec<String>) -> Option<Map<String, Value>> {
    let options = ReadOptions { ignore_api_frontmatter: from_tree, ..ReadOptions::default() };
    let result = read_file(page, &options);
    warnings.extend(result.diagnostics.iter().map(ToString::to_string));
    match result.page {
        Some(Page::Operation(op)) => Some(op.operation),
        _ => None,
    }
}

fn report(corpus: &Corpus, tally: &Tally) -> f64 {
    let rate = if tally.operations == 0 { 1.0 } else { tally.agreeing as f64 / tally.operations as f64 };
    eprintln!("{}: {}/{} operations agree ({:.2}%)", corpus.name, tally.agreeing, tally.operations, rate * 100.0);
    for d in &tally.disagreements {
        eprintln!("  {d}");
    }
    if !tally.warnings.is_empty() {
        eprintln!("  {} diagnostics reading the trees, first ones:", tally.warnings.len());
        for w in tally.warnings.iter().take(5) {
            eprintln!("    {w}");
        }
    }
    rate
}

#[test]
fn authentik_trees_agree_with_their_frontmatter() {
    let Some(root) = corpus_root() else { return };
    let all = corpora(&root);
    let corpora: Vec<&Corpus> = all.iter().filter(|c| c.name.starts_with("authentik")).collect();
    assert!(!corpora.is_empty(), "no authentik corpus under {}", root.display());
    let mut failing = Vec::new();
    for corpus in corpora {
        let reference = if plugin_version(corpus) < (4, 2) { reference_for(corpus, &all) } else { None };
        let tally = compare_corpus(corpus, reference);
        let rate = report(corpus, &tally);
        if rate < 0.99 || tally.operations < 800 {
            failing.push(format!("{}: {}/{}", corpus.name, tally.agreeing, tally.operations));
        }
    }
    assert!(failing.is_empty(), "below 99% agreement: {failing:?}");
}

#[test]
fn oas_examples_agreement_is_reported() {
    let Some(root) = corpus_root() else { return };
    let (mut operations, mut agreeing) = (0, 0);
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    let all = corpora(&root);
    let inline = |c: &&Corpus| c.name.starts_with("oas-examples") && plugin_version(c) < (4, 2);
    for corpus in all.iter().filter(inline) {
        let tally = compare_corpus(corpus, reference_for(corpus, &all));
        if !tally.disagreements.is_empty() || !tally.warnings.is_empty() {
            report(corpus, &tally);
        }
        operations += tally.operations;
        agreeing += tally.agreeing;
        for d in &tally.disagreements {
            *classes.entry(class_of(d)).or_default() += 1;
        }
    }
    eprintln!("oas-examples (inline trees): {agreeing}/{operations} operations agree");
    for (class, n) in &classes {
        eprintln!("  {n:4}  {class}");
    }
}

/// A disagreement's kind: its path without names and indexes, and the reason's first word.
fn class_of(disagreement: &str) -> String {
    let detail = disagreement.split_once(": ").map_or(disagreement, |(_, d)| d);
    let (path, reason) = detail.split_once(": ").unwrap_or((detail, ""));
    let last = path.rsplit('/').find(|s| !s.is_empty() && s.parse::<usize>().is_err()).unwrap_or("");
    let what = reason.split_whitespace().next().unwrap_or("");
    format!("{last}: {what}")
}
