//! Reads the pages written by `docusaurus-plugin-openapi-docs` into OpenAPI JSON plus diagnostics.
//!
//! One call, [`read_page`], takes one file's text and returns what it could read (an operation, the info
//! page, a tag page or the sidebar) and a list of located diagnostics. It never panics and never gives up on
//! a whole run: a page it cannot read yields errors and no page.
//!
//! Where the operation comes from, in order of trust:
//! 1. the `api:` frontmatter (base64 of zlib-deflated JSON, or raw JSON): the operation as the plugin saw it;
//! 2. the shell components of plugin 4.2+ (`ParamsDetails`, `RequestSchema`, `StatusCodes`), whose props are
//!    inline JSON or sidecar files (`{...require("./x.json")}`);
//! 3. the inline component trees of plugin versions up to 4.1 (`ParamsItem`, `SchemaItem`, tabs).
//!
//! This crate knows nothing of the IR or of Rust: its output is OpenAPI JSON.

pub mod blob;
pub mod frontmatter;
mod inline;
pub mod jsvalue;
pub mod jsx;
mod operation_id;
mod schema_page;
mod security;
mod shell;
pub mod sidebar;
pub mod source;
mod text;

use std::path::{Component, Path, PathBuf};

use mdxgen_diag::{Diagnostic, LineCol};
use serde_json::{Map, Value};

use crate::frontmatter::Frontmatter;
use crate::source::Source;

/// Knobs of the reader.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Read operations from the component tree even where the `api:` frontmatter has them.
    pub ignore_api_frontmatter: bool,
    /// The most bytes an `api:` blob may inflate to.
    pub max_inflated_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { ignore_api_frontmatter: false, max_inflated_bytes: 64 << 20 }
    }
}

/// Where the props a page `require`s live. The file system by default; tests and benchmarks may serve
/// them from memory.
pub trait Sidecars {
    /// The text of `relative` (as written in `require("./x.json")`), resolved against the page's folder.
    fn load(&self, page: &Path, relative: &str) -> Result<String, String>;
}

/// Loads sidecar files from disk, next to the page, never from outside the page's folder.
pub struct FsSidecars;

impl Sidecars for FsSidecars {
    fn load(&self, page: &Path, relative: &str) -> Result<String, String> {
        let path = sidecar_path(page, relative)?;
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))
    }
}

/// [`FsSidecars`] that remembers the files it read.
#[derive(Default)]
struct RecordedSidecars {
    read: std::cell::RefCell<Vec<PathBuf>>,
}

impl Sidecars for RecordedSidecars {
    fn load(&self, page: &Path, relative: &str) -> Result<String, String> {
        if let Ok(path) = sidecar_path(page, relative) {
            self.read.borrow_mut().push(path);
        }
        FsSidecars.load(page, relative)
    }
}

/// Resolves a `require` path beside `page`, refusing absolute paths and `..`.
pub fn sidecar_path(page: &Path, relative: &str) -> Result<PathBuf, String> {
    let rel = Path::new(relative);
    let escapes = rel.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Err(format!("`require(\"{relative}\")` leaves the page's folder: expected a file beside the page"));
    }
    Ok(page.parent().unwrap_or(Path::new(".")).join(rel))
}

/// What one file turned out to be.
#[derive(Debug, Clone, PartialEq)]
#[expect(clippy::large_enum_variant, reason = "one page per file, moved a few times: boxing would buy nothing")]
pub enum Page {
    Operation(OperationPage),
    Info(InfoPage),
    Tag(TagPage),
    Schema(SchemaPage),
    Sidebar(sidebar::Sidebar),
}

/// Where the data of an operation page was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    ApiFrontmatter,
    ComponentTree,
    /// The plain text of the rendered page, as copied from the docs site (see `text.rs`).
    RenderedText,
}

/// One operation, as OpenAPI JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationPage {
    /// The page's `id:` (its doc id in the site).
    pub doc_id: Option<String>,
    /// Where the operation is defined in the file: the `api:` key, or `<MethodEndpoint>`.
    pub at: LineCol,
    /// Lower-case HTTP method.
    pub method: String,
    pub path: String,
    /// The OpenAPI Operation Object: operationId, summary, description, tags, parameters, requestBody,
    /// responses, security, deprecated and extensions.
    pub operation: Map<String, Value>,
    /// The servers the page names (the plugin copies the spec's servers into every page).
    pub servers: Option<Value>,
    /// The spec's security schemes, as the plugin copies them into every page.
    pub security_schemes: Option<Map<String, Value>>,
    /// The spec's info object, as the plugin copies it into every page.
    pub info: Option<Value>,
    /// JSON examples the page shows, by where they belong.
    pub examples: Vec<Example>,
    pub origin: Origin,
}

/// A JSON example shown on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// `None` for the request body; the status code for a response.
    pub status: Option<String>,
    pub media_type: String,
    pub value: Value,
}

/// The `*.info.mdx` page.
#[derive(Debug, Clone, PartialEq)]
pub struct InfoPage {
    pub title: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    /// The security schemes the page's table shows, by name.
    pub security_schemes: Map<String, Value>,
}

/// A `*.tag.mdx` page.
#[derive(Debug, Clone, PartialEq)]
pub struct TagPage {
    pub name: String,
    pub description: Option<String>,
}

/// A `*.schema.mdx` page: one component schema, named as the page names it (see `schema_page.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaPage {
    /// The schema's `title`, which the plugin sets to the component's name where the spec gives none.
    pub name: String,
    /// Where the schema is in the file: `<Schema>`, or the rendered `<ul>`.
    pub at: LineCol,
    /// The schema with every `$ref` inlined, as the operation pages hold it.
    pub schema: Value,
    pub origin: SchemaOrigin,
}

/// Where a schema page's schema was read from, which says how much of it there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaOrigin {
    /// The `schema` prop of `<Schema>` (5.x): the whole schema.
    SchemaProp,
    /// The rendered `<SchemaItem>` tree (up to 4.x): nested titles and what the rendering omits are lost.
    RenderedTree,
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct ReadResult {
    pub page: Option<Page>,
    pub diagnostics: Vec<Diagnostic>,
    /// The sidecar files the page's props were read from (by [`read_file`]), so that a build script can watch
    /// them too.
    pub sidecars: Vec<PathBuf>,
}

/// Reads one file. `path` names it in diagnostics and decides its kind (`*.api.mdx`, `*.info.mdx`,
/// `*.tag.mdx`, `*.schema.mdx`, `sidebar.ts`/`sidebar.js`); other `.mdx` files are read as operation pages,
/// unless their frontmatter says `schema: true`.
pub fn read_page(path: &Path, text: &str, options: &ReadOptions, sidecars: &dyn Sidecars) -> ReadResult {
    let source = Source::new(text);
    let mut reader = PageReader { path, source: &source, options, sidecars, diagnostics: Vec::new() };
    let page = reader.read();
    ReadResult { page, diagnostics: reader.diagnostics, sidecars: Vec::new() }
}

/// Reads the file at `path` from disk. Files that are not UTF-8 get a diagnostic, not a panic.
pub fn read_file(path: &Path, options: &ReadOptions) -> ReadResult {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                let sidecars = RecordedSidecars::default();
                let result = read_page(path, &text, options, &sidecars);
                ReadResult { sidecars: sidecars.read.into_inner(), ..result }
            }
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let at = mdxgen_diag::LineIndex::new(&String::from_utf8_lossy(valid))
                    .line_col(&String::from_utf8_lossy(valid), valid.len());
                ReadResult {
                    diagnostics: vec![Diagnostic::error(
                        path,
                        Some(at),
                        "encoding",
                        "expected UTF-8 text, found bytes that are not",
                    )],
                    ..ReadResult::default()
                }
            }
        },
        Err(e) => ReadResult {
            diagnostics: vec![Diagnostic::error(path, None, "io", format!("cannot read the file: {e}"))],
            ..ReadResult::default()
        },
    }
}

struct PageReader<'a> {
    path: &'a Path,
    source: &'a Source<'a>,
    options: &'a ReadOptions,
    sidecars: &'a dyn Sidecars,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> PageReader<'a> {
    fn error(&mut self, offset: usize, code: &'static str, message: impl Into<String>) {
        let at = self.source.locate(offset);
        self.diagnostics.push(Diagnostic::error(self.path, Some(at), code, message));
    }

    fn warning(&mut self, offset: usize, code: &'static str, message: impl Into<String>) {
        let at = self.source.locate(offset);
        self.diagnostics.push(Diagnostic::warning(self.path, Some(at), code, message));
    }

    fn read(&mut self) -> Option<Page> {
        let name = self.path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with("sidebar.") && (name.ends_with(".ts") || name.ends_with(".js")) {
            return match sidebar::parse(self.source.text()) {
                Ok(sidebar) => Some(Page::Sidebar(sidebar)),
                Err(e) => {
                    self.error(e.offset, "sidebar", e.message);
                    None
                }
            };
        }
        let text = self.source.text();
        if text.trim().is_empty() {
            self.error(0, "empty", "the page is empty: expected frontmatter (`---`) and a component tree");
            return None;
        }
        // A copy of the rendered page: no frontmatter, no components, a title then `METHOD /path`.
        if text::is_rendered_text(text) {
            return text::read(self).map(Page::Operation);
        }
        let (frontmatter, body_start) = self.frontmatter()?;
        if name.ends_with(".info.mdx") {
            return Some(Page::Info(self.info_page(frontmatter.as_ref(), body_start)));
        }
        if name.ends_with(".tag.mdx") {
            return self.tag_page(frontmatter.as_ref(), body_start).map(Page::Tag);
        }
        if name.ends_with(".schema.mdx") || frontmatter.as_ref().is_some_and(marks_schema_page) {
            return self.schema_page(frontmatter.as_ref(), body_start).map(Page::Schema);
        }
        self.operation_page(frontmatter.as_ref(), body_start).map(Page::Operation)
    }

    /// The parsed frontmatter (if any) and where the body starts; `None` when the block is broken.
    fn frontmatter(&mut self) -> Option<(Option<Frontmatter<'a>>, usize)> {
        let source: &'a Source<'a> = self.source;
        let text = source.text();
        match frontmatter::split(text) {
            Ok(None) => Some((None, 0)),
            Ok(Some((start, end, body))) => match frontmatter::parse(&text[start..end], start) {
                Ok(fm) => {
                    if fm.replaced_characters > 0 {
                        let message = format!(
                            "the frontmatter holds {} character(s) YAML forbids (NUL, controls): read as U+FFFD",
                            fm.replaced_characters
                        );
                        self.warning(start, "frontmatter", message);
                    }
                    for (key, error) in &fm.raw_keys {
                        let message = format!("`{key}` is not valid YAML ({error}): read as its raw text");
                        self.warning(fm.offset_of(key), "frontmatter", message);
                    }
                    Some((Some(fm), body))
                }
                Err(e) => {
                    self.error(e.offset, "frontmatter", e.message);
                    None
                }
            },
            Err(e) => {
                self.error(e.offset, "frontmatter", e.message);
                None
            }
        }
    }

    fn body_tree(&mut self, body_start: usize) -> jsx::Tree<'a> {
        let source: &'a Source<'a> = self.source;
        let (tree, errors) = jsx::parse(&source.text()[body_start..]);
        for e in errors {
            self.error(body_start + e.offset, "jsx", e.message);
        }
        tree
    }

    fn operation_page(&mut self, fm: Option<&Frontmatter>, body_start: usize) -> Option<OperationPage> {
        // The tree is always parsed: it is cheap, and a page cut off after an intact frontmatter is still
        // a broken page the user should hear about.
        let tree = self.body_tree(body_start);
        let doc_id = fm.and_then(|fm| fm.str("id")).map(str::to_owned);
        if let Some(fm) = fm.filter(|_| !self.options.ignore_api_frontmatter) {
            match blob::decode(fm.fields.get("api"), self.options.max_inflated_bytes) {
                Ok(blob::ApiBlob::Operation(api)) => {
                    let mut page = self.page_from_api(api, fm)?;
                    page.doc_id = doc_id;
                    page.examples = inline::response_samples(&tree, body_start, self);
                    return Some(page);
                }
                Ok(blob::ApiBlob::NotEmbedded) => {}
                Err(message) => {
                    self.error(fm.offset_of("api"), "api-blob", message);
                    return None;
                }
            }
        }
        let mut page = self.page_from_tree(&tree, body_start, fm)?;
        let title = page.operation.get("summary").and_then(Value::as_str);
        if let Some(id) = operation_id::from_page(doc_id.as_deref(), title) {
            page.operation.insert("operationId".into(), Value::String(id));
        }
        page.doc_id = doc_id;
        Some(page)
    }

    fn page_from_api(&mut self, api: Value, fm: &Frontmatter) -> Option<OperationPage> {
        let at = fm.offset_of("api");
        let Value::Object(mut api) = api else {
            self.error(
                at,
                "api-blob",
                format!("expected `api:` to hold a JSON object, found {}", frontmatter::kind(&api)),
            );
            return None;
        };
        let method = take_string(&mut api, "method");
        let path = take_string(&mut api, "path");
        let (Some(method), Some(path)) = (method, path) else {
            self.error(at, "api-blob", "expected `method` and `path` in the `api:` object");
            return None;
        };
        let servers = api.remove("servers");
        let security_schemes = match api.remove("securitySchemes") {
            Some(Value::Object(map)) => Some(map),
            _ => None,
        };
        let info = api.remove("info");
        let request_example = api.remove("jsonRequestBodyExample");
        for plugin_only in ["postman", "api"] {
            api.remove(plugin_only);
        }
        let mut examples = Vec::new();
        if let Some(value) = request_example {
            examples.push(Example { status: None, media_type: "application/json".into(), value });
        }
        Some(OperationPage {
            doc_id: None,
            at: self.source.locate(at),
            method: method.to_ascii_lowercase(),
            path,
            operation: api,
            servers,
            security_schemes,
            info,
            examples,
            origin: Origin::ApiFrontmatter,
        })
    }

    fn page_from_tree(
        &mut self,
        tree: &jsx::Tree<'_>,
        body_start: usize,
        fm: Option<&Frontmatter>,
    ) -> Option<OperationPage> {
        let Some(endpoint) = tree.elements_named("MethodEndpoint").next() else {
            self.error(
                body_start,
                "page",
                "expected an `api:` frontmatter or a `<MethodEndpoint>` naming the method and path",
            );
            return None;
        };
        let method = self.string_attr(tree, endpoint, "method", body_start);
        let path = self.string_attr(tree, endpoint, "path", body_start);
        let (Some(method), Some(path)) = (method, path) else {
            self.error(body_start + endpoint.start, "page", "expected `method` and `path` props on `<MethodEndpoint>`");
            return None;
        };
        let mut operation = Map::new();
        if let Some(title) = shell::page_title(tree).or_else(|| fm.and_then(|fm| fm.str("title")).map(str::to_owned)) {
            operation.insert("summary".into(), Value::String(title));
        }
        if let Some(description) = shell::description(tree, endpoint) {
            operation.insert("description".into(), Value::String(description));
        }
        if shell::is_deprecated(tree) {
            operation.insert("deprecated".into(), Value::Bool(true));
        }
        let uses_shell =
            ["ParamsDetails", "RequestSchema", "StatusCodes"].iter().any(|n| tree.elements_named(n).next().is_some());
        let examples = if uses_shell {
            shell::read_into(tree, body_start, self, &mut operation);
            Vec::new()
        } else {
            inline::read_into(tree, body_start, self, &mut operation)
        };
        Some(OperationPage {
            doc_id: None,
            at: self.source.locate(body_start + endpoint.start),
            method: method.to_ascii_lowercase(),
            path,
            operation,
            servers: None,
            security_schemes: None,
            info: None,
            examples,
            origin: Origin::ComponentTree,
        })
    }

    /// A prop's value as JSON: inline (`name={...}`), or from a spread `{...require("./x.json")}` sidecar.
    /// `Ok(None)` when the element does not set it.
    fn prop(&mut self, tree: &jsx::Tree<'_>, element: &jsx::Element, name: &str, body_start: usize) -> Option<Value> {
        for attr in element.attrs.iter().rev() {
            match &attr.value {
                jsx::AttrValue::Expr(range) if tree.slice(&attr.name) == name => {
                    return match jsvalue::parse(tree.slice(range)) {
                        Ok(value) => value,
                        Err(message) => {
                            self.error(body_start + range.start, "prop", format!("prop `{name}`: {message}"));
                            None
                        }
                    };
                }
                jsx::AttrValue::Str(range) if tree.slice(&attr.name) == name => {
                    return Some(Value::String(tree.slice(range).to_owned()));
                }
                jsx::AttrValue::Spread(range) => {
                    if let Some(value) = self
                        .spread(tree.slice(range), body_start + range.start)
                        .and_then(|mut props| props.as_object_mut().and_then(|p| p.remove(name)))
                    {
                        return Some(value);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The object a spread expression stands for: `require("./x.json")` or an inline object.
    fn spread(&mut self, expr: &str, offset: usize) -> Option<Value> {
        let expr = expr.trim();
        let Some(target) = expr.strip_prefix("require(").and_then(|r| r.strip_suffix(')')) else {
            return match jsvalue::parse(expr) {
                Ok(value) => value,
                Err(message) => {
                    self.error(offset, "prop", format!("spread props: {message}"));
                    None
                }
            };
        };
        let relative = target.trim().trim_matches(['"', '\'']);
        let text = match self.sidecars.load(self.path, relative) {
            Ok(text) => text,
            Err(message) => {
                self.error(offset, "sidecar", message);
                return None;
            }
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(value) => Some(value),
            Err(e) => {
                self.error(
                    offset,
                    "sidecar",
                    format!("`{relative}` is not valid JSON ({e}): expected the props object the plugin writes"),
                );
                None
            }
        }
    }

    fn string_attr(
        &mut self,
        tree: &jsx::Tree<'_>,
        element: &jsx::Element,
        name: &str,
        body_start: usize,
    ) -> Option<String> {
        self.prop(tree, element, name, body_start).and_then(|v| v.as_str().map(str::to_owned))
    }

    fn info_page(&mut self, fm: Option<&Frontmatter>, body_start: usize) -> InfoPage {
        let tree = self.body_tree(body_start);
        let version = tree
            .elements_named("span")
            .find_map(|span| match tree.attr(span, "children") {
                Some(jsx::AttrValue::Expr(r)) => jsvalue::parse(tree.slice(r)).ok().flatten(),
                _ => None,
            })
            .and_then(|v| v.as_str().and_then(|s| s.strip_prefix("Version: ")).map(str::to_owned));
        let title = shell::page_title(&tree).or_else(|| fm.and_then(|fm| fm.str("title")).map(str::to_owned));
        let description = fm.and_then(|fm| fm.str("description")).filter(|d| !d.is_empty()).map(str::to_owned);
        let security_schemes = security::security_schemes(&tree);
        InfoPage { title, version, description, security_schemes }
    }

    fn tag_page(&mut self, fm: Option<&Frontmatter>, body_start: usize) -> Option<TagPage> {
        let tree = self.body_tree(body_start);
        let name = fm.and_then(|fm| fm.str("title")).map(str::to_owned).or_else(|| shell::page_title(&tree));
        let Some(name) = name else {
            self.error(0, "page", "expected a `title:` naming the tag");
            return None;
        };
        let description = fm.and_then(|fm| fm.str("description")).filter(|d| !d.is_empty()).map(str::to_owned);
        Some(TagPage { name, description })
    }
}

/// The plugin writes `schema: true` into the frontmatter of schema pages (and of no other page).
fn marks_schema_page(fm: &Frontmatter) -> bool {
    fm.fields.get("schema") == Some(&Value::Bool(true))
}

fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}
