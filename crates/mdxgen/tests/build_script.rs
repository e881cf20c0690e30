//! What a build script gets from `Builder::generate`: one file to `include!`, every file read watched, and no
//! rewrite when nothing changed.

use std::path::{Path, PathBuf};

use mdxgen::{Builder, ReadOptions, load};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name)
}

#[test]
fn every_file_read_is_listed_sidecars_included() {
    // Read from the trees, the 5.x pages take their props from the sidecars they `require`.
    let tree_only = ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() };
    let loaded = load(&[fixture("petstore-v5")], &tree_only);
    let names: Vec<String> =
        loaded.read.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
    assert!(names.contains(&"add-pet.api.mdx".to_owned()), "{names:?}");
    assert!(names.contains(&"add-pet.RequestSchema.json".to_owned()), "the sidecars a page requires: {names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".md")), "files that are not inputs are not listed: {names:?}");
    let mut sorted = loaded.read.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, loaded.read, "sorted, once each");
}

#[test]
fn generate_writes_one_include_file_with_the_client_and_leaves_it_alone_when_unchanged() {
    let out = tempfile::tempdir().expect("temp dir");
    let generate = || Builder::new().input(fixture("petstore-v5")).client(true).out_dir(out.path()).generate();
    generate().expect("generates");
    let path = out.path().join("api.rs");
    let text = std::fs::read_to_string(&path).expect("reads");
    for module in ["pub mod support {", "pub mod models {", "pub mod client {"] {
        assert!(text.contains(module), "{module} missing");
    }
    let stamp = || std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    let before = stamp();
    std::thread::sleep(std::time::Duration::from_millis(20));
    generate().expect("generates again");
    assert_eq!(stamp(), before, "an unchanged output is not rewritten");
}

#[test]
fn generate_without_out_dir_outside_cargo_says_what_is_missing() {
    if std::env::var_os("OUT_DIR").is_some() {
        return;
    }
    let error = Builder::new().input(fixture("petstore-v5")).generate().expect_err("no OUT_DIR");
    assert!(error.to_string().contains("OUT_DIR"), "{error}");
}

#[test]
fn an_input_with_errors_writes_nothing() {
    let out = tempfile::tempdir().expect("temp dir");
    let failed = Builder::new().input(fixture("hostile-pages")).out_dir(out.path()).generate();
    assert!(failed.is_err());
    assert!(!out.path().join("api.rs").exists());
}
