//! `mdxgen generate` end to end: it writes a crate (models and client when no part is named), replaces its
//! own output, refuses to replace a folder that is not mdxgen output, leaves nothing behind when the input
//! has errors and shows where they are, and says nothing with `--quiet` when all is well.

use std::path::Path;
use std::process::{Command, Output};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name)
}

fn generate(input: &Path, output: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .args(["generate", "--models"])
        .arg(input)
        .arg("-o")
        .arg(output)
        .output()
        .expect("runs mdxgen")
}

#[test]
fn writes_a_crate_and_regenerates_over_its_own_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("petstore-api");
    for _ in 0..2 {
        let output = generate(&fixture("petstore-v5"), &out);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    for file in ["Cargo.toml", "src/lib.rs", "src/models.rs", ".mdxgen"] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let models = std::fs::read_to_string(out.join("src/models.rs")).expect("models");
    assert!(models.contains("pub struct Pet"), "{models}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1, "a temporary folder was left behind");
}

#[test]
fn never_replaces_a_folder_that_is_not_mdxgen_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("precious.txt"), "keep me").expect("writes");
    let output = generate(&fixture("petstore-v5"), dir.path());
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("precious.txt")).expect("kept"), "keep me");
}

#[test]
fn input_errors_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.api.mdx");
    std::fs::write(&broken, "---\nid: a\napi: not*base64\n---\n").expect("writes");
    let out = dir.path().join("out");
    let output = generate(&broken, &out);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!out.exists());
}

#[test]
fn an_error_shows_its_source_line_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.api.mdx");
    std::fs::write(&broken, "---\nid: a\napi: not*base64\n---\n").expect("writes");
    let output = generate(&broken, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let located = format!("{}:3:", broken.display());
    assert!(stderr.contains(&located), "file:line:column first: {stderr}");
    assert!(stderr.contains("3 │ api: not*base64"), "the source line under it, numbered as in the file: {stderr}");
}

#[test]
fn with_no_part_named_it_makes_the_models_and_the_client() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("petstore-api");
    let output = Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .arg("generate")
        .arg(fixture("petstore-v5"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs mdxgen");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.join("src/models.rs").is_file() && out.join("src/client.rs").is_file());
    assert!(!out.join("src/server.rs").exists());
}

#[test]
fn quiet_prints_nothing_when_all_is_well() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .args(["generate", "--quiet", "--models"])
        .arg(fixture("petstore-v5"))
        .arg("-o")
        .arg(dir.path().join("petstore-api"))
        .output()
        .expect("runs mdxgen");
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no summary, no warning count");
}
