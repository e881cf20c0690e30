//! What more than one of these tests reads from a corpus.

use mdxgen::ReadOptions;
use mdxgen_testkit::Corpus;
use mdxgen_testkit::round_trip::spec_of_page_operations;
use serde_json::Value;

/// The operations exactly as the pages hold them (every schema inlined, cycles as `{"$cycle": X}`), as a
/// spec with no components.
pub fn pages_as_written(corpus: &Corpus) -> Value {
    let pages = mdxgen_testkit::page_files(&corpus.pages).into_iter().filter_map(|page| {
        match mdxgen_mdx::read_file(&page, &ReadOptions::default()).page {
            Some(mdxgen_mdx::Page::Operation(op)) => Some((op.method, op.path, Value::Object(op.operation))),
            _ => None,
        }
    });
    spec_of_page_operations(pages)
}
