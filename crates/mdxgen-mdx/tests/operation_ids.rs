//! Tree-only reading recovers the operationId from the page's `id` and title (`operation_id.rs`): compared
//! with the `api:` frontmatter of the same pages, it is the same up to the case convention the page id loses
//! (`getUsers` and `get_users` both become `get-users`), and exactly the same on authentik, whose ids are
//! snake case.

use mdxgen_mdx::{Page, ReadOptions, read_file};
use mdxgen_testkit::facets::id_words;
use mdxgen_testkit::{corpora, corpus_root, page_files};

/// The page's operationId read from the frontmatter and from the tree alone.
fn both_ids(page: &std::path::Path) -> Option<(String, Option<String>)> {
    let id = |options: &ReadOptions| match read_file(page, options).page {
        Some(Page::Operation(op)) => Some(op.operation.get("operationId").and_then(|v| v.as_str()).map(str::to_owned)),
        _ => None,
    };
    let from_frontmatter = id(&ReadOptions::default())??;
    let from_tree = id(&ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() })?;
    Some((from_frontmatter, from_tree))
}

#[test]
fn tree_only_pages_keep_their_operation_ids() {
    let Some(root) = corpus_root() else { return };
    let (mut total, mut exact, mut same_words) = (0usize, 0usize, 0usize);
    for corpus in corpora(&root) {
        let (mut corpus_total, mut corpus_exact) = (0, 0);
        for page in page_files(&corpus.pages) {
            let Some((want, got)) = both_ids(&page) else { continue };
            corpus_total += 1;
            corpus_exact += usize::from(got.as_deref() == Some(want.as_str()));
            same_words += usize::from(got.as_deref().map(id_words) == Some(id_words(&want)));
        }
        if corpus.name.starts_with("authentik") {
            assert_eq!(corpus_exact, corpus_total, "{}: tree-only operationIds differ", corpus.name);
        }
        total += corpus_total;
        exact += corpus_exact;
    }
    eprintln!("tree-only operationIds: {exact}/{total} exact, {same_words}/{total} up to case convention");
    assert_eq!(same_words, total, "tree-only operationIds lost their words");
}
