//! Pages whose prose is not JSX or YAML, as the real plugin (2.2.4, 4.0.1, 5.2.0) writes them from
//! `fixtures/prose-pages/spec.json`: autolinks (`<https://x?page=2>; rel="next"`), placeholders (`<token\>`,
//! `<your-token>`, `<YOUR_KEY>`), a stray `</https:>`, `<` and unbalanced backticks in descriptions, a
//! frontmatter description YAML cannot read (`"/!\ WARNING /!\ \"`), and a `$ref` whose sibling `default` is
//! no value of its enum. Every page reads without error, the rebuilt spec equals the source, the prose comes
//! back as written, and tree-only reading loses no field around it.

use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::facets::{Tree, operation_facets};
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::round_trip::{comparable, comparison_form, operations, plugin_view};
use mdxgen_testkit::{corpora, read_spec, workspace_root};

#[test]
fn prose_reads_as_text_in_every_plugin_version() {
    let root = workspace_root().join("fixtures/prose-pages");
    let found = corpora(&root);
    assert_eq!(found.len(), 3, "expected the pages of three plugin versions in {}", root.display());
    for corpus in found {
        let source_spec = read_spec(&corpus.spec);
        let form = comparison_form(&source_spec);
        let source = operations(&plugin_view(&source_spec), &form);
        for tree_only in [false, true] {
            let options = ReadOptions { ignore_api_frontmatter: tree_only, ..ReadOptions::default() };
            let loaded = load(std::slice::from_ref(&corpus.pages), &options);
            let errors: Vec<String> =
                loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
            assert!(errors.is_empty(), "{} (tree only: {tree_only}): {errors:#?}", corpus.name);
            let rebuilt = operations(&mdxgen::openapi_document(&loaded.api), &form);
            assert_eq!(rebuilt.len(), source.len(), "{}: operations", corpus.name);
            for (key, want) in &source {
                let got = comparable(want, &rebuilt[key]);
                let tree = Tree::of_plugin(&corpus.plugin_version);
                let (want, got) = if tree_only {
                    (operation_facets(want, tree), operation_facets(&got, tree))
                } else {
                    (want.clone(), got)
                };
                assert!(
                    canonical_json(&want) == canonical_json(&got),
                    "{} {key} (tree only: {tree_only}): {}",
                    corpus.name,
                    first_difference(&want, &got, "").unwrap_or_default()
                );
            }
        }
        let loaded = load(std::slice::from_ref(&corpus.pages), &ReadOptions::default());
        let doc = mdxgen::openapi_document(&loaded.api);
        let filter = &doc["paths"]["/items"]["get"]["parameters"][0]["description"];
        assert_eq!(filter, &source_spec["paths"]["/items"]["get"]["parameters"][0]["description"], "{}", corpus.name);
        assert_eq!(doc["paths"]["/items"]["get"]["description"], "/!\\ WARNING /!\\ \\", "{}", corpus.name);
    }
}
