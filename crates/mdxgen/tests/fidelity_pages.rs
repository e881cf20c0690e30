//! Pages the real plugin (4.0.1, 5.2.0) writes from `fixtures/fidelity-pages/spec.json`, a spec of constructs
//! whose export once lost what the pages hold: a reference made nullable by its use (`allOf: [$ref]` or
//! `$ref` beside `nullable: true`, which the plugin merges into a copy), a `$ref` with a `description` of its
//! own, an array schema with `items` but no `type`, and two titled schemas that differ only in their
//! description. The rebuilt spec, read strictly as its version says (a `$ref`'s siblings count for nothing in
//! 3.0), equals the source in both readings, but where the page's own `api:` frontmatter already differs
//! (plugin 4.0.1 writes the `anyOf` members of an array's items without their properties, which its tree
//! still shows: the tree-only reading has them).

use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::facets::{Tree, operation_facets};
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::round_trip::{comparable, comparison_form, operations, plugin_view};
use mdxgen_testkit::{corpora, read_spec, workspace_root};
use support::pages_as_written;

mod support;

#[test]
fn the_export_means_what_the_pages_mean_in_both_readings() {
    let root = workspace_root().join("fixtures/fidelity-pages");
    let found = corpora(&root);
    assert_eq!(found.len(), 2, "expected the pages of two plugin versions in {}", root.display());
    let mut differences = Vec::new();
    for corpus in found {
        let source_spec = read_spec(&corpus.spec);
        let form = comparison_form(&source_spec);
        let source = operations(&plugin_view(&source_spec), &form);
        let as_written = operations(&pages_as_written(&corpus), &form);
        for tree_only in [false, true] {
            let options = ReadOptions { ignore_api_frontmatter: tree_only, ..ReadOptions::default() };
            let loaded = load(std::slice::from_ref(&corpus.pages), &options);
            let errors: Vec<String> =
                loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
            assert!(errors.is_empty(), "{} (tree only: {tree_only}): {errors:#?}", corpus.name);
            let rebuilt = operations(&mdxgen::openapi_document(&loaded.api), &form);
            assert_eq!(rebuilt.len(), source.len(), "{}: operations", corpus.name);
            let tree = Tree::of_plugin(&corpus.plugin_version);
            for (key, want) in &source {
                let got = comparable(want, &rebuilt[key]);
                // Where the page's frontmatter already differs from the source, the frontmatter reading gives
                // what the page holds.
                let written = as_written.get(key).map(|w| comparable(want, w)).filter(|w| !tree_only && w != want);
                let (want, got) = if tree_only {
                    (operation_facets(want, tree), operation_facets(&got, tree))
                } else {
                    (written.unwrap_or_else(|| want.clone()), got)
                };
                if canonical_json(&want) != canonical_json(&got) {
                    let difference = first_difference(&want, &got, "").unwrap_or_default();
                    differences.push(format!("{} {key} (tree only: {tree_only}): {difference}", corpus.name));
                }
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
}
