//! `mdxgen generate --models` end to end: it writes a crate, replaces its own output, refuses to replace a
//! folder that is not mdxgen output, and leaves nothing behind when the input has errors.

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
