//! Operations read from the rendered text of authentik pages agree with the same pages read as MDX.
//!
//! `fixtures/text/rendered/<theme version>/authentik-2024.8.1/*.txt` are the plain texts of pages of the
//! corpus `authentik-2024.8.1` rendered by the real theme (`tools/render-text`: Docusaurus +
//! docusaurus-theme-openapi-docs in headless Chromium), one folder per theme version ([`RENDERED`] says
//! which pages each rendered; 4.4.0 is the version whose text matches seed 002 line for line). Each is read with `read_file` (the form is detected), and compared with the MDX page it was
//! rendered from, read with `read_file` too (its `api:` frontmatter). Seed 002 is compared with its page as
//! well.
//!
//! Both sides are first projected onto what the rendered page shows ([`Shown`]); every projection names what
//! the text form loses and why. What is left must agree: method, path, server, parameters (name, location,
//! required, deprecated, type, format, enum, constraints, default), request body and responses (media types,
//! status codes and descriptions, and per schema node the field names and order, types, formats, required,
//! nullable, enums, constraints and defaults), and the security requirement. The test prints the agreement,
//! every disagreement with its class, and the losses the reader declared (`x-mdxgen-unknown`), per theme
//! version, and asserts at least 95% for each version, over at least 30 pages each.
//!
//! Set `MDXGEN_TEXT_PAGE=<part of a file name>` to print both projections of the matching pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mdxgen_mdx::{OperationPage, Origin, Page, ReadOptions, read_file};
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::{corpus_root, workspace_root};
use serde_json::{Map, Value, json};

/// Whether a schema is read in a request (the theme hides `readOnly` fields) or a response (`writeOnly`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Io {
    Request,
    Response,
}

/// The formats whose sample value the example shows recognisably (the plugin's sampler writes fixed values
/// for them); any other format looks like a plain string in an example.
const SAMPLED_FORMATS: &[&str] = &["uuid", "email", "date", "date-time", "hostname", "ipv4", "ipv6"];

/// The projection of an operation onto what its rendered page shows. What it drops, and why:
/// - descriptions (operation, parameters, bodies, responses' schemas, fields): the page shows Markdown
///   rendered, so the text keeps the words but not the markup (code spans, links, paragraphs);
/// - titles of schemas (a titled scalar shows `Title (type)`, an object only `object`), `readOnly` and
///   `writeOnly` (a request hides readOnly fields and a response writeOnly ones: both sides drop them),
///   `example`s, `xml`, tags, operation summary/id (the title shows one of them);
/// - `allOf` is shown merged, as the theme merges it;
/// - an object or array of objects below the top level is a folded item: its summary shows name, `object`
///   / `object[]`, nullable and required; its fields only appear in the JSON example, which shows names,
///   structure, scalar types (integer and number alike) and the formats the sampler writes recognisably
///   ([`SAMPLED_FORMATS`]), not required, nullable, enums or constraints. Where the text has no example for a
///   folded item, the reader marks its fields unknown, and they are not compared ([`prune_declared`]).
/// - a discriminator's mapping targets: the page shows the keys only.
struct Shown;

impl Shown {
    fn operation(page: &OperationPage) -> Value {
        let op = &page.operation;
        let mut out = Map::new();
        out.insert("method".into(), page.method.clone().into());
        out.insert("path".into(), page.path.clone().into());
        let server = page.servers.as_ref().and_then(|s| s.get(0)).and_then(|s| s.get("url")).cloned();
        out.insert("server".into(), server.unwrap_or(Value::Null));
        if let Some(Value::Array(params)) = op.get("parameters") {
            let order = ["path", "query", "header", "cookie"];
            let mut params: Vec<Value> = params.iter().map(Self::parameter).collect();
            params.sort_by_key(|p| order.iter().position(|o| p.get("in").and_then(Value::as_str) == Some(o)));
            out.insert("parameters".into(), Value::Array(params));
        }
        if let Some(body) = op.get("requestBody") {
            let mut shown = Map::new();
            shown.insert("required".into(), Value::Bool(body.get("required") == Some(&Value::Bool(true))));
            shown.insert("content".into(), Self::content(body.get("content"), Io::Request));
            out.insert("requestBody".into(), Value::Object(shown));
        }
        if let Some(Value::Object(responses)) = op.get("responses") {
            let shown: Map<String, Value> = responses
                .iter()
                .map(|(status, r)| {
                    let description = r.get("description").and_then(Value::as_str).unwrap_or_default();
                    let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
                    let mut shown = Map::from_iter([("description".to_owned(), Value::String(description))]);
                    if r.get("content").and_then(Value::as_object).is_some_and(|c| !c.is_empty()) {
                        shown.insert("content".into(), Self::content(r.get("content"), Io::Response));
                    }
                    (status.clone(), Value::Object(shown))
                })
                .collect();
            out.insert("responses".into(), Value::Object(shown));
        }
        let security: Vec<Value> = op
            .get("security")
            .and_then(Value::as_array)
            .map(|s| s.iter().filter_map(Value::as_object).flat_map(|r| r.keys().cloned()).map(Value::String).collect())
            .unwrap_or_default();
        out.insert("security".into(), Value::Array(security));
        out.insert("deprecated".into(), Value::Bool(op.get("deprecated") == Some(&Value::Bool(true))));
        Value::Object(out)
    }

    fn parameter(param: &Value) -> Value {
        let mut out = Map::new();
        for key in ["name", "in"] {
            out.insert(key.into(), param.get(key).cloned().unwrap_or(Value::Null));
        }
        out.insert("required".into(), Value::Bool(param.get("required") == Some(&Value::Bool(true))));
        out.insert("deprecated".into(), Value::Bool(param.get("deprecated") == Some(&Value::Bool(true))));
        // The theme shows a parameter's nullable nowhere.
        let mut schema = param.get("schema").map(|s| normalize(s, Io::Request, 0)).unwrap_or(json!({}));
        if let Value::Object(map) = &mut schema {
            map.remove("nullable");
        }
        out.insert("schema".into(), top(&schema));
        Value::Object(out)
    }

    fn content(content: Option<&Value>, io: Io) -> Value {
        let Some(Value::Object(content)) = content else { return json!({}) };
        Value::Object(
            content
                .iter()
                .map(|(mt, media)| {
                    let schema = media.get("schema").map(|s| normalize(s, io, 0)).unwrap_or(json!({}));
                    (mt.clone(), top(&schema))
                })
                .collect(),
        )
    }
}

/// Keys a top-level item shows (its head line, `Possible values:` and `Default value:`).
const TOP_KEYS: &[&str] = &[
    "type",
    "format",
    "nullable",
    "deprecated",
    "enum",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "minItems",
    "maxItems",
    "default",
];

/// What a schema shown in full (the body's or response's root, its items, the items of a root array,
/// `oneOf` members) shows.
fn top(schema: &Value) -> Value {
    let Value::Object(s) = schema else { return schema.clone() };
    let mut out = Map::new();
    for key in TOP_KEYS {
        if let Some(v) = s.get(*key).filter(|v| !matches!(v, Value::Bool(false))) {
            out.insert((*key).into(), v.clone());
        }
    }
    if let Some(Value::Array(required)) = s.get("required") {
        let mut names: Vec<String> = required.iter().filter_map(Value::as_str).map(str::to_owned).collect();
        names.sort();
        names.dedup();
        if !names.is_empty() {
            out.insert("required".into(), json!(names));
        }
    }
    if let Some(Value::Object(properties)) = s.get("properties") {
        let shown: Map<String, Value> =
            properties.iter().map(|(k, v)| (k.clone(), if folds(v) { folded(v, 0) } else { top(v) })).collect();
        if !shown.is_empty() {
            out.insert("properties".into(), Value::Object(shown));
        }
        out.insert("type".into(), "object".into());
    }
    if let Some(additional) = s.get("additionalProperties").filter(|a| a.is_object()) {
        out.insert("additionalProperties".into(), top(additional));
    }
    if let Some(items) = s.get("items") {
        out.insert("items".into(), if folds(items) { folded(items, 0) } else { top(items) });
    }
    let discriminator = s.get("discriminator").and_then(|d| d.get("propertyName")).and_then(Value::as_str);
    // A discriminator's tabs are its mapping's keys, each showing the schema it maps to, in the mapping's
    // order (the plugin put the schemas in place of the references).
    let mapped: Option<Vec<Value>> = s
        .get("discriminator")
        .and_then(|d| d.get("mapping"))
        .and_then(Value::as_object)
        .filter(|m| !m.is_empty() && m.values().all(Value::is_object))
        .map(|m| m.values().map(|v| top(&without_property(v, discriminator))).collect());
    if let Some(members) = mapped {
        out.insert("oneOf".into(), Value::Array(members));
    }
    for kind in ["oneOf", "anyOf"] {
        if out.contains_key(kind) {
            continue;
        }
        if let Some(Value::Array(members)) = s.get(kind) {
            // The theme shows the discriminator's property once, above the members, and removes it from them.
            let shown = members.iter().map(|m| top(&without_property(m, discriminator))).collect();
            out.insert(kind.into(), Value::Array(shown));
        }
    }
    if let Some(property) = discriminator {
        out.insert("discriminator".into(), property.into());
    }
    Value::Object(out)
}

/// `schema` without the property `name` (and its name out of `required`).
fn without_property(schema: &Value, name: Option<&str>) -> Value {
    let mut schema = schema.clone();
    if let (Some(name), Value::Object(map)) = (name, &mut schema) {
        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            properties.shift_remove(name);
        }
        if let Some(Value::Array(required)) = map.get_mut("required") {
            required.retain(|r| r != name);
        }
    }
    schema
}

/// Whether the theme shows a property as a folded item (an object, alternatives, or an array of objects).
fn folds(schema: &Value) -> bool {
    let has = |s: &Value, k: &str| s.get(k).is_some_and(|v| !v.is_null());
    let object_like = |s: &Value| {
        has(s, "properties")
            || has(s, "oneOf")
            || has(s, "anyOf")
            || s.get("additionalProperties").is_some_and(Value::is_object)
    };
    object_like(schema) || schema.get("items").is_some_and(object_like)
}

/// What a folded item's example shows below it.
fn folded(schema: &Value, depth: usize) -> Value {
    let Value::Object(s) = schema else { return json!({}) };
    if depth > 64 {
        return json!({});
    }
    // The sampler takes the first alternative.
    if let Some(first) = s.get("oneOf").or_else(|| s.get("anyOf")).and_then(|m| m.get(0)) {
        return folded(first, depth + 1);
    }
    let mut out = Map::new();
    // The sampler writes `{}` for an empty schema.
    let object_like = s.is_empty() || s.contains_key("properties") || s.contains_key("additionalProperties");
    let kind = s.get("type").and_then(Value::as_str).or(if object_like { Some("object") } else { None });
    match kind {
        Some("integer" | "number") => {
            out.insert("type".into(), "number".into());
        }
        Some(kind) => {
            out.insert("type".into(), kind.into());
        }
        None => {}
    }
    if let Some(format) = s.get("format").and_then(Value::as_str).filter(|f| SAMPLED_FORMATS.contains(f))
        && s.get("enum").is_none()
    {
        out.insert("format".into(), format.into());
    }
    if let Some(Value::Object(properties)) = s.get("properties")
        && !properties.is_empty()
    {
        out.insert(
            "properties".into(),
            Value::Object(
                properties.iter().filter(|(_, v)| samples(v)).map(|(k, v)| (k.clone(), folded(v, depth + 1))).collect(),
            ),
        );
    }
    if let Some(items) = s.get("items") {
        out.insert("items".into(), folded(items, depth + 1));
    }
    Value::Object(out)
}

/// Whether the plugin's sampler writes a value for the property `schema`: not for a deprecated one, nor for
/// one with nothing to go by (no type, structure, alternatives, enum or example); an empty schema `{}` it
/// takes for a resolved cycle and writes as `{}`.
fn samples(schema: &Value) -> bool {
    let Value::Object(s) = schema else { return false };
    let deprecated = s.get("deprecated") == Some(&Value::Bool(true));
    let something = ["type", "properties", "items", "oneOf", "anyOf", "allOf", "enum", "example"]
        .iter()
        .any(|k| s.contains_key(*k));
    !deprecated && (s.is_empty() || something)
}

/// The schema as the theme walks it: `allOf` merged, hidden fields (readOnly in a request, writeOnly in a
/// response) removed, and their names out of `required`.
fn normalize(schema: &Value, io: Io, depth: usize) -> Value {
    let Value::Object(s) = schema else { return schema.clone() };
    if depth > 64 {
        return schema.clone();
    }
    let mut s = s.clone();
    if let Some(Value::Array(members)) = s.remove("allOf") {
        let mut merged = Map::new();
        let wrapper = Value::Object(s);
        for member in members.iter().chain(std::iter::once(&wrapper)) {
            let Value::Object(member) = normalize(member, io, depth + 1) else { continue };
            merge_into(&mut merged, member);
        }
        s = merged;
    }
    if let Some(Value::Object(properties)) = s.remove("properties") {
        let hidden = |v: &Value| match io {
            Io::Request => v.get("readOnly") == Some(&Value::Bool(true)),
            Io::Response => v.get("writeOnly") == Some(&Value::Bool(true)),
        };
        let kept: Map<String, Value> = properties
            .iter()
            .filter(|(_, v)| !hidden(v))
            .map(|(k, v)| (k.clone(), normalize(v, io, depth + 1)))
            .collect();
        if let Some(Value::Array(required)) = s.get_mut("required") {
            required.retain(|r| r.as_str().is_some_and(|r| kept.contains_key(r)));
        }
        s.insert("properties".into(), Value::Object(kept));
    }
    for key in ["items", "additionalProperties"] {
        if let Some(v) = s.get(key).filter(|v| v.is_object()).cloned() {
            s.insert(key.into(), normalize(&v, io, depth + 1));
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = s.get(key).cloned() {
            s.insert(key.into(), Value::Array(members.iter().map(|m| normalize(m, io, depth + 1)).collect()));
        }
    }
    if let Some(Value::Object(mapping)) = s.get_mut("discriminator").and_then(|d| d.get_mut("mapping")) {
        for target in mapping.values_mut() {
            *target = normalize(target, io, depth + 1);
        }
    }
    Value::Object(s)
}

/// Merges an `allOf` member into `into` as the theme does: properties joined in order, `required` joined,
/// other keywords of later members (the wrapper comes last) winning.
fn merge_into(into: &mut Map<String, Value>, member: Map<String, Value>) {
    for (key, value) in member {
        match (key.as_str(), into.get_mut(&key), value) {
            ("properties", Some(Value::Object(have)), Value::Object(more)) => have.extend(more),
            ("required", Some(Value::Array(have)), Value::Array(more)) => {
                for name in more {
                    if !have.contains(&name) {
                        have.push(name);
                    }
                }
            }
            (_, _, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// Where the text declares a folded item's fields unknown (`x-mdxgen-unknown: ["properties"]`), drops them
/// from the MDX side too, and counts it: the loss is declared, not a disagreement.
fn prune_declared(truth: &mut Value, text: &Value, losses: &mut BTreeMap<String, usize>) {
    let mut stack: Vec<(&mut Value, &Value)> = vec![(truth, text)];
    while let Some((want, got)) = stack.pop() {
        let (Value::Object(w), Value::Object(g)) = (&mut *want, got) else { continue };
        let declared = declares(got, |u| u == "properties");
        if declared {
            for key in ["properties", "additionalProperties", "oneOf", "anyOf", "items", "required"] {
                w.remove(key);
            }
            *losses.entry("fields of a folded item with no example to read them from".into()).or_default() += 1;
            continue;
        }
        // Theme 4.2 on shows a folded object made with `allOf` without its required marker (its SchemaEdge
        // checks the object's own `required` for its name); the reader declares every unmarked folded item's
        // required-ness unknown.
        let unmarked: Vec<&String> = g
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| {
                p.iter().filter(|(_, v)| declares(v, |u| u.starts_with("required-ness"))).map(|(k, _)| k).collect()
            })
            .unwrap_or_default();
        if let Some(Value::Array(required)) = w.get_mut("required") {
            required.retain(|r| !unmarked.iter().any(|u| *u == r));
        }
        if declares(got, |u| u.starts_with("default (")) {
            w.remove("default");
        }
        // A type theme 5.x shows by its title only, read from an example's number.
        if declares(got, |u| u == "integer or number") && w.get("type") == Some(&json!("integer")) {
            w.insert("type".into(), "number".into());
        }
        for (key, value) in w.iter_mut() {
            // The tabs of a discriminator show its mapping's schemas, which the text reads as `oneOf` members.
            if key == "discriminator" {
                if let (Some(Value::Array(members)), Some(Value::Object(mapping))) =
                    (g.get("oneOf"), value.get_mut("mapping"))
                {
                    stack.extend(mapping.values_mut().zip(members));
                }
            } else if let Some(other) = g.get(key) {
                stack.push((value, other));
            }
        }
    }
}

/// Whether the text's `schema` declares an unknown that `matches`.
fn declares(schema: &Value, matches: impl Fn(&str) -> bool) -> bool {
    schema
        .get("x-mdxgen-unknown")
        .and_then(Value::as_array)
        .is_some_and(|u| u.iter().filter_map(Value::as_str).any(&matches))
}

/// The requestBody and response schemas of `op`, to prune in step with the text's; and the security
/// requirement, where the text declares it unknown (theme 4.0/4.1 shows no security box).
fn prune_operation(truth: &mut Map<String, Value>, text: &Map<String, Value>, losses: &mut BTreeMap<String, usize>) {
    if declares(&Value::Object(text.clone()), |u| u.starts_with("security (")) {
        truth.remove("security");
    }
    for key in ["requestBody", "responses", "parameters"] {
        if let (Some(want), Some(got)) = (truth.get_mut(key), text.get(key)) {
            prune_declared(want, got, losses);
        }
    }
}

/// Normalises the MDX side before pruning so that both trees have the same shape (merged `allOf`, hidden
/// fields gone).
fn normalize_operation(op: &mut Map<String, Value>) {
    if let Some(Value::Object(content)) = op.get_mut("requestBody").and_then(|b| b.get_mut("content")) {
        for media in content.values_mut() {
            if let Some(schema) = media.get("schema").cloned() {
                media["schema"] = normalize(&schema, Io::Request, 0);
            }
        }
    }
    if let Some(Value::Object(responses)) = op.get_mut("responses") {
        for response in responses.values_mut() {
            if let Some(Value::Object(content)) = response.get_mut("content") {
                for media in content.values_mut() {
                    if let Some(schema) = media.get("schema").cloned() {
                        media["schema"] = normalize(&schema, Io::Response, 0);
                    }
                }
            }
        }
    }
}

/// A disagreement's class: its path without names and indexes, and the reason's first word.
fn class_of(disagreement: &str) -> String {
    let detail = disagreement.split_once(": ").map_or(disagreement, |(_, d)| d);
    let (path, reason) = detail.split_once(": ").unwrap_or((detail, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && s.parse::<usize>().is_err()).collect();
    let last = segments.last().copied().unwrap_or("");
    let section = segments.first().copied().unwrap_or("");
    let what = reason.split_whitespace().next().unwrap_or("");
    format!("{section} .. {last}: {what}")
}

/// Counts what the reader declared unknown, by kind (the text before any parenthesis).
fn count_declared(value: &Value, losses: &mut BTreeMap<String, usize>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(unknown)) = map.get("x-mdxgen-unknown") {
                    for u in unknown.iter().filter_map(Value::as_str) {
                        let kind = u.split(" (").next().unwrap_or(u).to_owned();
                        *losses.entry(kind).or_default() += 1;
                    }
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

/// Each theme version whose texts are checked in under `fixtures/text/rendered/<version>/`, with the corpus
/// pages it rendered (themes up to 4.1 render the inline trees plugin 4.0/4.1 writes, 4.2 on the shell
/// components of plugin 4.2+, 5.x with sidecar props) and the pages whose `api:` the texts are compared
/// with. Those are the rendered pages, except for the inline trees: plugin 4.0/4.1 strips the `oneOf`
/// members of a discriminator from `api:` (the tree and the examples keep them), so their texts are compared
/// with the same operations' v4.2.0 pages, whose `api:` is otherwise equal.
const RENDERED: &[(&str, &str, &str)] = &[
    ("4.0.1", "authentik-2024.8.1/v4.0.1/pages", "authentik-2024.8.1/v4.2.0/pages"),
    ("4.4.0", "authentik-2024.8.1/v4.2.0/pages", "authentik-2024.8.1/v4.2.0/pages"),
    ("5.2.0", "authentik-2024.8.1/v5.2.0/pages", "authentik-2024.8.1/v5.2.0/pages"),
];

/// The theme version seed 002 was copied from (see `tools/render-text/README.md`).
const SEED_THEME: &str = "4.4.0";

/// The fewest pages a version's figure is taken over.
const MIN_PAGES: usize = 30;

fn rendered_root() -> PathBuf {
    workspace_root().join("fixtures/text/rendered")
}

/// The versions rendered: the folders of `fixtures/text/rendered`, sorted.
fn rendered_versions() -> Vec<String> {
    let mut versions: Vec<String> = std::fs::read_dir(rendered_root())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    versions.sort();
    versions
}

/// (text file, MDX page) pairs of one theme version: every text rendered from `corpus`, and seed 002 with
/// the version it was copied from.
fn pairs(version: &str, corpus: &str, pages: &Path) -> Vec<(PathBuf, PathBuf)> {
    let corpus_name = corpus.split('/').next().unwrap_or_default();
    let mut texts: Vec<PathBuf> = std::fs::read_dir(rendered_root().join(version).join(corpus_name))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut pairs: Vec<(PathBuf, PathBuf)> = texts
        .into_iter()
        .map(|t| {
            let id = t.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            (t, pages.join(format!("{id}.api.mdx")))
        })
        .collect();
    if version == SEED_THEME {
        pairs.push((
            workspace_root().join("fixtures/text/seed-002-stages-authenticator-duo-partial-update.txt"),
            pages.join("stages-authenticator-duo-partial-update.api.mdx"),
        ));
    }
    pairs
}

fn operation(path: &Path) -> Result<OperationPage, String> {
    let result = read_file(path, &ReadOptions::default());
    let errors: Vec<String> = result.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
    match result.page {
        Some(Page::Operation(op)) if errors.is_empty() => Ok(op),
        _ => Err(format!("not read as an operation: {}", errors.join("; "))),
    }
}

/// How the texts of one theme version agree with their MDX pages.
#[derive(Default)]
struct Agreement {
    total: usize,
    agreeing: usize,
    disagreements: Vec<String>,
    classes: BTreeMap<String, usize>,
    losses: BTreeMap<String, usize>,
}

impl Agreement {
    fn rate(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.agreeing as f64 / self.total as f64 }
    }

    /// Compares one text with its MDX page.
    fn compare(&mut self, name: &str, text_path: &Path, mdx_path: &Path, verbose: bool) {
        self.total += 1;
        let (text, mdx) = match (operation(text_path), operation(mdx_path)) {
            (Ok(text), Ok(mdx)) => (text, mdx),
            (text, mdx) => {
                let reason = text.err().or(mdx.err()).unwrap_or_default();
                self.disagreements.push(format!("{name}: {reason}"));
                *self.classes.entry("page: not read".into()).or_default() += 1;
                return;
            }
        };
        assert_eq!(text.origin, Origin::RenderedText, "{name} was not detected as rendered text");
        count_declared(&Value::Object(text.operation.clone()), &mut self.losses);
        let mut truth = mdx.clone();
        normalize_operation(&mut truth.operation);
        prune_operation(&mut truth.operation, &text.operation, &mut self.losses);
        let (want, got) = (Shown::operation(&truth), Shown::operation(&text));
        if verbose {
            eprintln!("== {name}\n-- mdx:\n{want:#}\n-- text:\n{got:#}");
        }
        match first_difference(&want, &got, "") {
            None => self.agreeing += 1,
            Some(reason) => {
                *self.classes.entry(class_of(&format!("{name}: {reason}"))).or_default() += 1;
                self.disagreements.push(format!("{name}: {reason}"));
            }
        }
    }

    fn report(&self, version: &str, corpus: &str) {
        eprintln!(
            "theme {version}: rendered text vs MDX ({corpus}): {}/{} operations agree ({:.1}%)",
            self.agreeing,
            self.total,
            self.rate() * 100.0
        );
        eprintln!("  disagreements by class:");
        for (class, n) in &self.classes {
            eprintln!("    {n:4}  {class}");
        }
        for d in &self.disagreements {
            eprintln!("    {d}");
        }
        eprintln!("  what the text form loses, as the reader declared it (x-mdxgen-unknown, count over the pages):");
        for (loss, n) in &self.losses {
            eprintln!("    {n:4}  {loss}");
        }
    }
}

#[test]
fn rendered_texts_agree_with_their_mdx_pages() {
    let Some(root) = corpus_root() else { return };
    let only = std::env::var("MDXGEN_TEXT_PAGE").ok();
    let mut figures = Vec::new();
    for version in rendered_versions() {
        let Some((_, corpus, truth)) = RENDERED.iter().find(|(v, ..)| *v == version) else {
            panic!("fixtures/text/rendered/{version}: add the corpus it was rendered from to RENDERED");
        };
        let pages = root.join(truth);
        let mut agreement = Agreement::default();
        for (text_path, mdx_path) in pairs(&version, corpus, &pages) {
            let name = text_path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
                continue;
            }
            agreement.compare(&format!("{version}/{name}"), &text_path, &mdx_path, only.is_some());
        }
        agreement.report(&version, corpus);
        figures.push((version, agreement));
    }
    eprintln!(
        "and, by construction of the comparison (see `Shown`): descriptions' Markdown, schema titles of \
               objects, examples, readOnly/writeOnly, discriminator mapping targets"
    );
    for (version, agreement) in &figures {
        eprintln!(
            "theme {version}: {}/{} agree ({:.1}%)",
            agreement.agreeing,
            agreement.total,
            agreement.rate() * 100.0
        );
    }
    if only.is_none() {
        assert!(figures.len() >= 3, "only {} theme versions under {}", figures.len(), rendered_root().display());
        for (version, agreement) in &figures {
            let (agreeing, total) = (agreement.agreeing, agreement.total);
            assert!(total >= MIN_PAGES, "theme {version}: only {total} rendered pages");
            assert!(agreement.rate() >= 0.95, "theme {version}: {agreeing}/{total} agree, below 95%");
        }
    }
}

#[test]
fn the_projection_sees_a_wrong_type() {
    // The comparison must be able to fail: the same page with one field's type changed disagrees.
    let op = json!({"requestBody": {"content": {"application/json": {"schema":
        {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "object", "properties": {"c": {"type": "integer"}}}}}}}}});
    let mut changed = op.clone();
    changed["requestBody"]["content"]["application/json"]["schema"]["properties"]["a"]["type"] = json!("integer");
    let page = |op: &Value| OperationPage {
        doc_id: None,
        at: mdxgen_diag::LineCol { line: 1, column: 1 },
        method: "get".into(),
        path: "/".into(),
        operation: op.as_object().cloned().unwrap_or_default(),
        servers: None,
        security_schemes: None,
        info: None,
        examples: Vec::new(),
        origin: Origin::RenderedText,
    };
    let (want, got) = (Shown::operation(&page(&op)), Shown::operation(&page(&changed)));
    assert!(first_difference(&want, &got, "").is_some_and(|d| d.contains("/a/type")));
    // A folded object's field compares its type only as an example shows it: integer and number alike.
    let mut folded_change = op.clone();
    folded_change["requestBody"]["content"]["application/json"]["schema"]["properties"]["b"]["properties"]["c"]["type"] =
        json!("number");
    assert!(first_difference(&want, &Shown::operation(&page(&folded_change)), "").is_none());
}
