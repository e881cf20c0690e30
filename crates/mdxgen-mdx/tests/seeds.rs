//! The seeds, as found (web-view noise included), read into exactly the operation of the matching clean
//! corpus page, from the frontmatter and from the component tree alike.

use std::path::{Path, PathBuf};

use mdxgen_mdx::{OperationPage, Page, ReadOptions, read_file};
use mdxgen_testkit::corpus_root;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/authentik")
}

fn operation(path: &Path, options: &ReadOptions) -> OperationPage {
    let result = read_file(path, options);
    let errors: Vec<String> = result.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    match result.page {
        Some(Page::Operation(op)) => op,
        other => panic!("{}: expected an operation, got {other:?}", path.display()),
    }
}

const SEEDS: [(&str, &str); 4] = [
    ("seed-000-authenticators-admin-sms-partial-update.txt", "authenticators-admin-sms-partial-update"),
    ("seed-001-core-tokens-update.txt", "core-tokens-update"),
    ("seed-003-events-notifications-partial-update.txt", "events-notifications-partial-update"),
    ("seed-004-flows-instances-partial-update.txt", "flows-instances-partial-update"),
];

fn check_seeds(options: &ReadOptions) {
    let Some(root) = corpus_root() else { return };
    for (seed, page) in SEEDS {
        let from_seed = operation(&fixtures().join(seed), options);
        let clean = operation(&root.join("authentik-2024.8.1/v3.0.1/pages").join(format!("{page}.api.mdx")), options);
        assert_eq!((&from_seed.method, &from_seed.path), (&clean.method, &clean.path), "{seed}");
        assert_eq!(from_seed.doc_id, clean.doc_id, "{seed}");
        assert_eq!(from_seed.operation, clean.operation, "{seed}: the operation differs from the clean page");
    }
}

#[test]
fn seeds_read_like_their_clean_pages() {
    check_seeds(&ReadOptions::default());
}

#[test]
fn seeds_read_like_their_clean_pages_from_the_tree() {
    check_seeds(&ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() });
}

#[test]
fn seed_diagnostics_point_into_the_noisy_file() {
    let seed = fixtures().join(SEEDS[0].0);
    let op = operation(&seed, &ReadOptions::default());
    let text = std::fs::read_to_string(&seed).expect("seed is readable");
    let api_line = text.lines().position(|l| l.starts_with("api: ")).expect("seed has an api line") + 1;
    assert_eq!(op.at.line as usize, api_line);
}
