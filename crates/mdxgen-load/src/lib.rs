//! Finding the input files and reading them into one [`Api`]: pages (files or folders of them, read on all
//! cores, results in input order) or one OpenAPI document. The facade `mdxgen` re-exports [`load`]; the mock
//! and the tests that need no backend use it from here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use mdxgen_diag::Diagnostic;
use mdxgen_ir::{Api, ApiBuilder, Example, Fidelity, TypeDeclaration};
use mdxgen_mdx::{OperationPage, Page, ReadOptions, ReadResult, SchemaOrigin, SchemaPage};
use serde_json::Value;

/// The IR and everything found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub api: Api,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read (pages, their sidecars, the OpenAPI document), sorted: what a build script watches.
    pub read: Vec<PathBuf>,
}

/// Reads every input: pages (files or folders of them) or one OpenAPI document.
pub fn load(inputs: &[PathBuf], options: &ReadOptions) -> Loaded {
    let mut diagnostics = Vec::new();
    let (specs, pages) = collect(inputs, &mut diagnostics);
    match (specs.as_slice(), pages.is_empty()) {
        ([], true) => {
            let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
            diagnostics.push(Diagnostic::error(
                Path::new(&names),
                None,
                "input",
                "no pages (`*.mdx`, `*.txt`, `sidebar.ts`) or OpenAPI document found",
            ));
            Loaded { diagnostics, ..Loaded::default() }
        }
        ([spec], true) => load_spec(spec, diagnostics),
        ([], false) => load_pages(&pages, options, diagnostics),
        _ => {
            let message = "expected either pages or a single OpenAPI document, not both or several documents";
            diagnostics.push(Diagnostic::error(&specs[0], None, "input", message));
            Loaded { diagnostics, ..Loaded::default() }
        }
    }
}

/// Splits the inputs into OpenAPI documents and pages; folders are searched for pages, sorted by path.
fn collect(inputs: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut specs, mut pages) = (Vec::new(), Vec::new());
    for input in inputs {
        if input.is_dir() {
            pages.extend(pages_below(input));
        } else if !input.exists() {
            diagnostics.push(Diagnostic::error(input, None, "input", "no such file or folder"));
        } else if is_spec_document(input) {
            specs.push(input.clone());
        } else {
            pages.push(input.clone());
        }
    }
    pages.sort();
    pages.dedup();
    (specs, pages)
}

fn is_spec_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "yaml" | "yml" | "json"))
}

/// The pages in a folder tree: `*.mdx`, `*.txt` (copies and rendered text) and `sidebar.ts`/`sidebar.js`.
/// Sidecar `*.json` files are read through the pages that `require` them.
fn pages_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".mdx") || name.ends_with(".txt") || name == "sidebar.ts" || name == "sidebar.js" {
                found.push(path);
            }
        }
    }
    found
}

fn load_spec(path: &Path, mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            diagnostics.push(Diagnostic::error(path, None, "io", format!("cannot read the file: {e}")));
            return Loaded { diagnostics, ..Loaded::default() };
        }
    };
    let parsed: Result<Value, String> = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        serde_json::from_str(&text).map_err(|e| format!("{e}"))
    } else {
        let options = serde_saphyr::options! { strict_booleans: true };
        serde_saphyr::from_str_with_options(&text, options).map_err(|e| format!("{e}"))
    };
    match parsed {
        Ok(doc) => {
            let (api, found) = mdxgen_ir::from_openapi(&doc, path);
            diagnostics.extend(found);
            Loaded { api, diagnostics, read: vec![path.to_path_buf()] }
        }
        Err(message) => {
            diagnostics.push(Diagnostic::error(
                path,
                None,
                "openapi",
                format!("not a YAML or JSON document: {message}"),
            ));
            Loaded { diagnostics, ..Loaded::default() }
        }
    }
}

/// Reads pages in two passes, so that memory holds a few pages at a time, not the whole corpus: first the
/// sidebar (the tag order) and the schema pages (declared before any operation, they own their names), then
/// every other page, streamed into the IR in path order.
fn load_pages(pages: &[PathBuf], options: &ReadOptions, mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let (first, rest): (Vec<PathBuf>, Vec<PathBuf>) = pages.iter().cloned().partition(|p| read_first(p));
    let mut builder = ApiBuilder::from_inlined();
    let mut collected = Collected::default();
    let mut declarations = Vec::new();
    let mut read = pages.to_vec();
    read_in_order(&first, options, |path, result| {
        diagnostics.extend(result.diagnostics);
        read.extend(result.sidecars);
        match result.page {
            Some(Page::Sidebar(sidebar)) => {
                sidebar.categories.iter().for_each(|category| builder.add_tag(&category.label, None))
            }
            Some(Page::Schema(page)) => declarations.push(type_declaration(path, page)),
            page => collected.later.push((path.to_path_buf(), page)),
        }
    });
    builder.declare_types(declarations);
    for (path, page) in std::mem::take(&mut collected.later) {
        collected.add(&mut builder, &path, page);
    }
    read_in_order(&rest, options, |path, result| {
        diagnostics.extend(result.diagnostics);
        read.extend(result.sidecars);
        collected.add(&mut builder, path, result.page);
    });
    if let Some(info) = collected.info_page {
        let mut map = serde_json::Map::new();
        let fields = [("title", info.title), ("version", info.version), ("description", info.description)];
        for (key, value) in fields {
            if let Some(value) = value {
                map.insert(key.into(), Value::String(value));
            }
        }
        builder.merge_info(&map);
        // The operation pages' own copies came first and win; the info page fills in the tree-only case.
        builder.add_security_schemes(&info.security_schemes);
    }
    for tag in collected.tag_pages {
        builder.add_tag(&tag.name, tag.description);
    }
    let (api, found) = builder.finish();
    diagnostics.extend(found);
    read.sort();
    read.dedup();
    Loaded { api, diagnostics, read }
}

/// The files the first pass reads: the sidebar and the schema pages, by name.
fn read_first(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    matches!(name, "sidebar.ts" | "sidebar.js") || name.ends_with(".schema.mdx")
}

/// What the pages other than operations and schemas leave for the end.
#[derive(Default)]
struct Collected {
    info_page: Option<mdxgen_mdx::InfoPage>,
    tag_pages: Vec<mdxgen_mdx::TagPage>,
    /// Pages the first pass read that belong to the second.
    later: Vec<(PathBuf, Option<Page>)>,
}

impl Collected {
    fn add(&mut self, builder: &mut ApiBuilder, path: &Path, page: Option<Page>) {
        match page {
            Some(Page::Operation(page)) => add_operation(builder, path, page),
            Some(Page::Info(info)) => self.info_page = Some(info),
            Some(Page::Tag(tag)) => self.tag_pages.push(tag),
            // A schema page not named `*.schema.mdx` (its frontmatter says `schema: true`) comes late: it
            // names the types the operations after it hold.
            Some(Page::Schema(page)) => builder.declare_types(vec![type_declaration(path, page)]),
            Some(Page::Sidebar(_)) | None => {}
        }
    }
}

fn type_declaration(path: &Path, page: SchemaPage) -> TypeDeclaration {
    let fidelity = match page.origin {
        SchemaOrigin::SchemaProp => Fidelity::Whole,
        SchemaOrigin::RenderedTree => Fidelity::Partial,
    };
    TypeDeclaration { name: page.name, schema: page.schema, fidelity, source: mdxgen_ir::at(path, Some(page.at)) }
}

fn add_operation(builder: &mut ApiBuilder, path: &Path, page: OperationPage) {
    if let Some(Value::Object(info)) = &page.info {
        builder.merge_info(info);
    }
    if let Some(schemes) = &page.security_schemes {
        builder.add_security_schemes(schemes);
    }
    let servers = match page.servers {
        Some(Value::Array(servers)) => Some(servers),
        _ => None,
    };
    let examples = page
        .examples
        .into_iter()
        .map(|e| Example { status: e.status, media_type: e.media_type, value: e.value })
        .collect();
    let source = mdxgen_ir::at(path, Some(page.at));
    builder.add_operation(&page.method, &page.path, page.operation, servers, examples, source);
}

/// Reads pages on all cores and hands each result to `consume` in the order of `pages`. At most a few pages
/// per core are read ahead of the one `consume` waits for, so memory is bounded by the largest pages, not by
/// the corpus.
fn read_in_order(pages: &[PathBuf], options: &ReadOptions, mut consume: impl FnMut(&Path, ReadResult)) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(pages.len().max(1));
    let window = workers * 4;
    let next = AtomicUsize::new(0);
    let state = Mutex::new(Window { ready: BTreeMap::new(), consumed: 0 });
    let changed = Condvar::new();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = pages.get(index) else { break };
                    drop(wait(&state, &changed, |w| index < w.consumed + window));
                    let result = read_guarded(path, options);
                    lock(&state).ready.insert(index, result);
                    changed.notify_all();
                }
            });
        }
        for (index, path) in pages.iter().enumerate() {
            let result = {
                let mut window = wait(&state, &changed, |w| w.ready.contains_key(&index));
                window.consumed = index + 1;
                window.ready.remove(&index)
            };
            changed.notify_all();
            if let Some(result) = result {
                consume(path, result);
            }
        }
    });
}

/// Reads one page. The reader never panics on input; should it panic all the same, the page gets an error
/// instead of leaving the run waiting for it.
fn read_guarded(path: &Path, options: &ReadOptions) -> ReadResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| mdxgen_mdx::read_file(path, options))).unwrap_or_else(
        |_| {
            let message = "mdxgen failed on this page (a bug: please report it with the page)";
            ReadResult {
                diagnostics: vec![Diagnostic::error(path, None, "internal", message)],
                ..ReadResult::default()
            }
        },
    )
}

/// The results read ahead, by index, and how many `consume` has taken.
struct Window {
    ready: BTreeMap<usize, ReadResult>,
    consumed: usize,
}

fn lock(state: &Mutex<Window>) -> MutexGuard<'_, Window> {
    // The reader never panics; were a worker to, its results are lost but the window stays consistent.
    state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn wait<'a>(state: &'a Mutex<Window>, changed: &Condvar, ready: impl Fn(&Window) -> bool) -> MutexGuard<'a, Window> {
    let mut guard = lock(state);
    while !ready(&guard) {
        guard = changed.wait(guard).unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    guard
}
