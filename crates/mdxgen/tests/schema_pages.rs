//! Schema pages (the plugin option `showSchemas`) name the components and change no operation. Each corpus of
//! `fixtures/schema-pages` written with schema pages (`v<plugin>-schemas`) is compared with the same plugin
//! version's pages without them (`v<plugin>`), made from the same spec.

use std::path::Path;

use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::round_trip::operations;
use mdxgen_testkit::{Corpus, corpora, workspace_root};
use serde_json::Value;

fn with_schema_pages() -> Vec<Corpus> {
    let corpora: Vec<Corpus> = corpora(&workspace_root().join("fixtures/schema-pages"))
        .into_iter()
        .filter(|c| c.plugin_version.ends_with("-schemas"))
        .collect();
    assert!(corpora.len() >= 3, "expected the schema page corpora of 4.0.1 and 5.2.0, found {}", corpora.len());
    corpora
}

/// The spec rebuilt from `pages`, which must read without errors and without schema mismatches: the
/// plugin's schema pages hold what its operation pages inline.
fn rebuilt_spec(pages: &Path) -> (mdxgen::Api, Value) {
    let loaded = load(&[pages.to_path_buf()], &ReadOptions::default());
    let unexpected: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error() || d.code == "schema-mismatch")
        .map(ToString::to_string)
        .collect();
    assert!(unexpected.is_empty(), "{}: {unexpected:#?}", pages.display());
    let document = mdxgen::openapi_document(&loaded.api);
    (loaded.api, document)
}

#[test]
fn schema_pages_change_no_operation() {
    for corpus in with_schema_pages() {
        let without = corpus.pages.parent().and_then(Path::parent).map(|api| {
            let version = corpus.plugin_version.trim_end_matches("-schemas");
            api.join(format!("v{version}/pages"))
        });
        let without = without.filter(|p| p.is_dir()).unwrap_or_else(|| panic!("{}: no pages without", corpus.name));
        let same = |schema: Value| schema;
        let expected = operations(&rebuilt_spec(&without).1, &same);
        let actual = operations(&rebuilt_spec(&corpus.pages).1, &same);
        assert_eq!(actual.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>(), "{}", corpus.name);
        for (key, operation) in &expected {
            let difference = first_difference(operation, &actual[key], "");
            assert!(
                canonical_json(operation) == canonical_json(&actual[key]),
                "{}: {key}: {difference:?}",
                corpus.name
            );
        }
    }
}

#[test]
fn every_component_a_schema_page_names_is_a_named_type() {
    for corpus in with_schema_pages() {
        let names = schema_page_names(&corpus.pages.join("schemas"));
        assert!(!names.is_empty(), "{}: no schema pages", corpus.name);
        let (api, document) = rebuilt_spec(&corpus.pages);
        let exported = document.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default();
        for name in &names {
            assert!(api.types.get(name).is_some(), "{}: `{name}` is not a named type", corpus.name);
            assert!(exported.contains_key(name), "{}: `{name}` is not in the exported spec", corpus.name);
        }
        let tags: Vec<&Value> = document.get("tags").and_then(Value::as_array).into_iter().flatten().collect();
        assert!(
            tags.iter().all(|t| t["name"] != "Schemas"),
            "{}: the sidebar's Schemas category is a tag",
            corpus.name
        );
    }
}

/// The polymorphism spec titles `Dog` as `Woof`: the pages name it by that title, and the components no
/// operation uses are types too.
#[test]
fn pages_name_components_by_their_title_and_bring_unused_ones() {
    let pages = workspace_root().join("fixtures/schema-pages/polymorphism/v5.2.0-schemas/pages");
    let (api, _) = rebuilt_spec(&pages);
    for name in ["Woof", "Meow", "Pet", "string1", "string2", "First type of object"] {
        assert!(api.types.get(name).is_some(), "`{name}` is not a named type");
    }
    assert!(api.types.get("Dog").is_none(), "the component key `Dog` is written nowhere in the pages");
}

fn schema_page_names(dir: &Path) -> Vec<String> {
    let pages = mdxgen_testkit::page_files(dir);
    pages
        .iter()
        .map(|page| match mdxgen_mdx::read_file(page, &ReadOptions::default()).page {
            Some(mdxgen_mdx::Page::Schema(schema)) => schema.name,
            other => panic!("{}: expected a schema page, got {other:?}", page.display()),
        })
        .collect()
}
