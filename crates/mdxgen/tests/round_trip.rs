//! Round trip: the spec rebuilt from each corpus's pages equals the spec the corpus was made from, on every
//! operation (path, method, operationId, parameters, request body schemas per media type, response schemas
//! per status, security), compared after dereferencing both sides and normalising key order.
//!
//! The source side is first put through what the plugin does to every spec (see `plugin_view`); each
//! remaining difference must be one the plugin itself causes, shown by `plugin_losses` below.

use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::round_trip::{comparable, cycles_as_markers, documented_endpoints, operations, plugin_view};
use mdxgen_testkit::{Corpus, corpora, corpus_root, read_spec};
use serde_json::{Map, Value, json};

#[test]
fn rebuilt_specs_equal_their_sources() {
    let Some(root) = corpus_root() else { return };
    let (mut total, mut equal) = (0usize, 0usize);
    let mut report = String::new();
    let mut authentik_unequal = Vec::new();
    for corpus in corpora(&root) {
        let source = operations(&plugin_view(&read_spec(&corpus.spec)), &as_3_0);
        let rebuilt = operations(&rebuilt_spec(&corpus), &as_3_0);
        let documented = documented_endpoints(&corpus.pages);
        let as_written = operations(&pages_as_written(&corpus), &as_3_0);
        let mut corpus_equal = 0;
        for (key, expected) in &source {
            let Some(actual) = rebuilt.get(key) else {
                assert!(!documented.contains(key), "{}: {key} has a page but was not read", corpus.name);
                report.push_str(&format!("{}: {key}: the plugin wrote no page for it\n", corpus.name));
                continue;
            };
            let actual = &comparable(expected, actual);
            if canonical_json(actual) == canonical_json(expected) {
                corpus_equal += 1;
            } else {
                // The difference must already be in what the plugin wrote: the page's own operation differs
                // from the source too. Otherwise mdxgen lost information the page had.
                let written = as_written.get(key).map(|w| comparable(expected, w));
                assert!(
                    written.as_ref().is_some_and(|w| canonical_json(w) != canonical_json(expected)),
                    "{}: {key}: the page matches the source but the rebuilt spec does not: {}",
                    corpus.name,
                    first_difference(expected, actual, "").unwrap_or_default()
                );
                let loss = written.and_then(|w| first_difference(expected, &w, "")).unwrap_or_default();
                report.push_str(&format!("{}: {key}: plugin changed {loss}\n", corpus.name));
                if corpus.name.starts_with("authentik") {
                    authentik_unequal.push(key.clone());
                }
            }
        }
        total += source.len();
        equal += corpus_equal;
        eprintln!("{:<60} {corpus_equal:>4}/{:<4} operations equal", corpus.name, source.len());
    }
    eprintln!("{report}");
    let share = equal as f64 / total.max(1) as f64;
    eprintln!("round trip: {equal}/{total} operations equal ({:.1}%)", share * 100.0);
    assert!(authentik_unequal.is_empty(), "authentik operations differ: {authentik_unequal:?}");
    assert!(share >= 0.95, "only {:.1}% of operations round-trip", share * 100.0);
}

/// The operations exactly as the pages hold them (every schema inlined, cycles as `circular(X)`), as a
/// spec with no components.
fn pages_as_written(corpus: &Corpus) -> Value {
    let mut paths = Map::new();
    for page in mdxgen_testkit::page_files(&corpus.pages) {
        let Some(mdxgen_mdx::Page::Operation(op)) = mdxgen_mdx::read_file(&page, &ReadOptions::default()).page else {
            continue;
        };
        let mut operation = Value::Object(op.operation);
        cycles_as_markers(&mut operation);
        let item = paths.entry(op.path).or_insert_with(|| json!({}));
        item[op.method.as_str()] = operation;
    }
    json!({"paths": paths})
}

fn rebuilt_spec(corpus: &Corpus) -> Value {
    let loaded = load(std::slice::from_ref(&corpus.pages), &ReadOptions::default());
    let errors: Vec<String> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", corpus.name);
    mdxgen_codegen_document(&loaded.api)
}

fn mdxgen_codegen_document(api: &mdxgen::Api) -> Value {
    mdxgen_codegen::spec::document(api).0
}

/// The exported spec is OpenAPI 3.0.3: 3.1 schemas are compared in the 3.0 form mdxgen writes for them.
fn as_3_0(schema: Value) -> Value {
    mdxgen_codegen::spec::to_3_0(schema, &mut Vec::new())
}
