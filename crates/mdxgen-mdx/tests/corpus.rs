//! Every page of every corpus in `../shared/corpus` reads with zero errors, from the frontmatter and from the
//! component tree alone.

use mdxgen_mdx::{Page, ReadOptions, read_file};
use mdxgen_testkit::{corpora, corpus_root, page_files};

fn read_all(options: &ReadOptions) {
    let Some(root) = corpus_root() else { return };
    let (mut pages, mut operations, mut errors) = (0, 0, Vec::new());
    for corpus in corpora(&root) {
        for page in page_files(&corpus.pages) {
            let result = read_file(&page, options);
            pages += 1;
            operations += usize::from(matches!(result.page, Some(Page::Operation(_))));
            errors.extend(result.diagnostics.into_iter().filter(|d| d.is_error()).map(|d| d.to_string()));
        }
    }
    eprintln!("read {pages} pages, {operations} operations, {} errors", errors.len());
    assert!(
        errors.is_empty(),
        "{} errors, first ones:\n{}",
        errors.len(),
        errors.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(operations > 4000, "only {operations} operations read");
}

#[test]
fn every_corpus_page_reads_without_errors() {
    read_all(&ReadOptions::default());
}

#[test]
fn every_corpus_page_reads_from_its_tree_without_errors() {
    read_all(&ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() });
}
