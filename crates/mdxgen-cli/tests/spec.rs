//! `mdxgen spec --openapi`: the version follows the docs unless one is asked for, and a bad version is a
//! usage error.

use std::path::Path;
use std::process::{Command, Output};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name)
}

fn spec(input: &Path, output: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .arg("spec")
        .arg(input)
        .arg("-o")
        .arg(output)
        .args(extra)
        .output()
        .expect("runs mdxgen")
}

fn first_line(path: &Path) -> String {
    std::fs::read_to_string(path).expect("written").lines().next().unwrap_or_default().to_owned()
}

#[test]
fn the_version_follows_the_docs_unless_one_is_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("api.yaml");
    let cases = [
        ("train-travel-v5", &[][..], "openapi: \"3.1.0\""),
        ("train-travel-v5", &["--openapi", "3.0"][..], "openapi: \"3.0.3\""),
        ("petstore-v5", &[][..], "openapi: \"3.0.3\""),
        ("petstore-v5", &["--openapi", "3.1"][..], "openapi: \"3.1.0\""),
    ];
    for (fixture_name, extra, header) in cases {
        let output = spec(&fixture(fixture_name), &out, extra);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(first_line(&out), header, "{fixture_name} {extra:?}");
    }
}

#[test]
fn verbose_output_says_why_3_1_was_chosen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = spec(&fixture("train-travel-v5"), &dir.path().join("api.json"), &["--verbose"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("info[openapi-version]: writing OpenAPI 3.1.0, as the docs hold"), "{stderr}");
}

#[test]
fn an_unknown_version_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("api.yaml");
    let output = spec(&fixture("petstore-v5"), &out, &["--openapi", "2.0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected 3.0 or 3.1"));
    assert!(!out.exists());
}
