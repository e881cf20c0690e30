//! Every page of every corpus in `../shared/corpus` reads with zero errors, from the frontmatter and from the
//! component tree alone.

use std::path::{Path, PathBuf};

use mdxgen_mdx::{Page, ReadOptions, read_file};

fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("MDXGEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    if root.is_dir() {
        Some(root)
    } else {
        eprintln!("SKIPPED: no corpus at {} (set MDXGEN_CORPUS or put shared/ beside the repo)", root.display());
        None
    }
}

/// Every `pages` folder under `root`.
fn page_dirs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "pages") {
                    found.push(path);
                } else {
                    stack.push(path);
                }
            }
        }
    }
    found.sort();
    found
}

fn pages_in(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "mdx") || p.file_name().is_some_and(|n| n == "sidebar.ts"))
        .collect();
    pages.sort();
    pages
}

fn read_all(options: &ReadOptions) {
    let Some(root) = corpus_root() else { return };
    let (mut pages, mut operations, mut errors) = (0, 0, Vec::new());
    for dir in page_dirs(&root) {
        for page in pages_in(&dir) {
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
