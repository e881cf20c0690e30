//! The models crates generated from the fixtures (the authentik one with its client and server) equal the checked-in ones
//! in `fixtures/expected/*-models`, file for file and byte for byte. When one is stale the test says so and
//! names the command that refreshes it.

use std::collections::BTreeSet;
use std::path::Path;

use mdxgen::Builder;
use mdxgen_testkit::{GoldenCrate, golden_crates};

/// The builder of a golden crate, as `cargo xtask codegen` configures it.
fn builder(golden: &GoldenCrate) -> Builder {
    let mut builder = Builder::new();
    builder.input(&golden.input).models(true).client(golden.client_and_server).server(golden.client_and_server);
    if let Some(overrides) = &golden.overrides {
        builder.overrides(overrides.clone());
    }
    builder
}

fn files_below(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

#[test]
fn golden_models_are_up_to_date() {
    for golden in golden_crates() {
        let dir = &golden.dir;
        let (files, _) = builder(&golden).crate_files().expect("the fixture generates");
        let generated: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(generated, files_below(dir), "{} is stale: run `cargo xtask codegen`", dir.display());
        for file in files {
            let checked_in = std::fs::read_to_string(dir.join(&file.path)).unwrap_or_default();
            assert!(
                file.contents == checked_in,
                "{}/{} is stale: run `cargo xtask codegen` and review the diff",
                dir.display(),
                file.path
            );
        }
    }
}

#[test]
fn the_checked_in_example_is_up_to_date() {
    let (input, file) = mdxgen_testkit::checked_in_example();
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("api.rs");
    Builder::new().input(&input).client(true).write_models_module(&fresh).expect("the example generates");
    let checked_in = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        std::fs::read_to_string(&fresh).expect("reads") == checked_in,
        "{} is stale: run `cargo xtask codegen` and review the diff",
        file.display()
    );
}

#[test]
fn models_are_byte_identical_across_runs() {
    let input = &golden_crates()[0].input;
    let generate = || Builder::new().input(input).models(true).crate_files().expect("generates").0;
    assert_eq!(generate(), generate());
}

#[test]
fn the_include_file_holds_both_modules() {
    let input = &golden_crates()[1].input;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("api.rs");
    Builder::new().input(input).write_models_module(&path).expect("writes");
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(text.contains("pub mod support {") && text.contains("pub mod models {"));
    assert!(!text.contains("#!["), "an included file may hold no inner attributes");
}

#[test]
fn the_output_folder_is_replaced_whole_and_only_when_generation_succeeds() {
    let input = &golden_crates()[1].input;
    let root = tempfile::tempdir().expect("temp dir");
    let out = root.path().join("petstore");
    Builder::new().input(input).write_models_crate(&out).expect("writes");
    std::fs::write(out.join("src/stale.rs"), "// left from an earlier run").expect("writes");
    Builder::new().input(input).write_models_crate(&out).expect("writes again");
    assert!(!out.join("src/stale.rs").exists(), "the folder is replaced whole");
    let failed = Builder::new().input(root.path().join("missing.yaml")).write_models_crate(&out);
    assert!(failed.is_err());
    assert!(out.join("src/models.rs").is_file(), "a failed run leaves the last output in place");
}
