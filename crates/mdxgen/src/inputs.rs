//! Finding the input files and reading them into one [`Api`].

use std::path::{Path, PathBuf};

use mdxgen_diag::Diagnostic;
use mdxgen_ir::{Api, ApiBuilder, Example, Fidelity, TypeDeclaration};
use mdxgen_mdx::{OperationPage, Page, ReadOptions, ReadResult, SchemaOrigin, SchemaPage};
use serde_json::Value;

/// The IR and everything found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub api: Api,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
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
            Loaded { api, diagnostics, files: 1 }
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

fn load_pages(pages: &[PathBuf], options: &ReadOptions, mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let mut results = read_in_parallel(pages, options);
    let mut builder = ApiBuilder::from_inlined();
    let mut tag_pages = Vec::new();
    let mut info_page = None;
    // The sidebar lists the tags in the order the site shows them; registering them first keeps that order.
    for result in &results {
        if let Some(Page::Sidebar(sidebar)) = &result.page {
            sidebar.categories.iter().for_each(|category| builder.add_tag(&category.label, None));
        }
    }
    // Schema pages name the components; declared before the operations, they own their names.
    let declarations = pages
        .iter()
        .zip(&mut results)
        .filter_map(|(path, result)| match result.page.take_if(|page| matches!(page, Page::Schema(_))) {
            Some(Page::Schema(page)) => Some(type_declaration(path, page)),
            _ => None,
        })
        .collect();
    builder.declare_types(declarations);
    for (path, result) in pages.iter().zip(results) {
        diagnostics.extend(result.diagnostics);
        match result.page {
            Some(Page::Operation(page)) => add_operation(&mut builder, path, page),
            Some(Page::Info(info)) => info_page = Some(info),
            Some(Page::Tag(tag)) => tag_pages.push(tag),
            Some(Page::Sidebar(_) | Page::Schema(_)) | None => {}
        }
    }
    if let Some(info) = info_page {
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
    for tag in tag_pages {
        builder.add_tag(&tag.name, tag.description);
    }
    let (api, found) = builder.finish();
    diagnostics.extend(found);
    Loaded { api, diagnostics, files: pages.len() }
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

/// Reads pages on all cores; results come back in the order of `pages`.
fn read_in_parallel(pages: &[PathBuf], options: &ReadOptions) -> Vec<ReadResult> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(pages.len().max(1));
    let chunk = pages.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().map(|p| mdxgen_mdx::read_file(p, options)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}
