//! Tree-only reading (`--tree-only`, the `api:` frontmatter ignored) against the source spec, on what a
//! component tree can show (`mdxgen_testkit::facets`, which lists what it leaves out and why): at least 95% of
//! the operations of each authentik corpus and of all 4.0.1 corpora together agree. The survey
//! (`cargo xtask survey`) measures the same over its 412 corpora.

use mdxgen::{ReadOptions, load};
use mdxgen_testkit::facets::{Tree, show_the_same};
use mdxgen_testkit::round_trip::{comparison_form, operations, plugin_view};
use mdxgen_testkit::{Corpus, corpora, corpus_root, read_spec};

/// `(agreeing, all)` operations of one corpus.
fn agreement(corpus: &Corpus) -> (usize, usize) {
    let source_spec = read_spec(&corpus.spec);
    let form = comparison_form(&source_spec);
    let source = operations(&plugin_view(&source_spec), &form);
    let options = ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() };
    let tree = operations(&mdxgen::openapi_document(&load(std::slice::from_ref(&corpus.pages), &options).api), &form);
    let form_of_tree = Tree::of_plugin(&corpus.plugin_version);
    let shows_the_same = |key: &String, want: &serde_json::Value| {
        tree.get(key).is_some_and(|got| show_the_same(want, got, form_of_tree))
    };
    let agree = source.iter().filter(|(key, want)| shows_the_same(key, want)).count();
    (agree, source.len())
}

#[test]
fn tree_only_reading_agrees_with_the_source_on_what_a_tree_shows() {
    let Some(root) = corpus_root() else { return };
    let (mut agree_4_0, mut all_4_0) = (0, 0);
    for corpus in corpora(&root) {
        let (agree, all) = agreement(&corpus);
        eprintln!("{:<60} {agree:>4}/{all:<4} agree on what the tree shows", corpus.name);
        if corpus.name.starts_with("authentik") {
            assert!(agree * 100 >= all * 95, "{}: only {agree}/{all}", corpus.name);
        }
        if corpus.plugin_version == "4.0.1" {
            agree_4_0 += agree;
            all_4_0 += all;
        }
    }
    eprintln!("4.0.1 corpora: {agree_4_0}/{all_4_0}");
    assert!(agree_4_0 * 100 >= all_4_0 * 95, "4.0.1 corpora: only {agree_4_0}/{all_4_0}");
}
