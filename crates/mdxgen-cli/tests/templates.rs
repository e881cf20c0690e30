//! `mdxgen generate --templates DIR`: a template in DIR (Cargo.toml, lib.rs, README.md, main.rs) replaces the
//! built-in one of the same name (the others stay built in), and a broken one is an error naming the
//! template and its line, with nothing written.

use std::path::Path;
use std::process::{Command, Output};

fn generate(templates: &Path, output: &Path) -> Output {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
    Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .args(["generate", "--models"])
        .arg(fixture)
        .arg("-o")
        .arg(output)
        .arg("--templates")
        .arg(templates)
        .output()
        .expect("runs mdxgen")
}

const BUILT_IN_CARGO_TOML: &str = include_str!("../../../templates/Cargo.toml.jinja");

#[test]
fn a_template_in_the_folder_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("creates");
    let changed = BUILT_IN_CARGO_TOML.replace("publish = false", "publish = false\nauthors = [\"API team\"]");
    assert_ne!(changed, BUILT_IN_CARGO_TOML, "the built-in template still says `publish = false`");
    std::fs::write(templates.join("Cargo.toml.jinja"), changed).expect("writes");
    let out = dir.path().join("crate");
    let output = generate(&templates, &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("written");
    assert!(manifest.contains("authors = [\"API team\"]"), "{manifest}");
    assert!(manifest.contains("name = \"swagger-petstore"), "the template's variables are filled: {manifest}");
    let lib = std::fs::read_to_string(out.join("src/lib.rs")).expect("written");
    assert!(lib.contains("pub mod models;"), "lib.rs stays built in");
}

#[test]
fn a_broken_template_is_a_located_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("lib.rs.jinja"), "//! fine\n//! {{ title }\n").expect("writes");
    let out = dir.path().join("crate");
    let output = generate(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("lib.rs.jinja:2"), "names the template and the line: {stderr}");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn the_readme_and_the_mock_binary_come_from_templates_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("README.md.jinja"), "# {{ crate_name }}\n\nOur own words.\n").expect("writes");
    std::fs::write(dir.path().join("main.rs.jinja"), "fn main() {} // {{ library }}\n").expect("writes");
    let out = dir.path().join("crate");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
    let output = Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .args(["generate", "--server"])
        .arg(fixture)
        .arg("-o")
        .arg(&out)
        .arg("--templates")
        .arg(dir.path())
        .output()
        .expect("runs mdxgen");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let readme = std::fs::read_to_string(out.join("README.md")).expect("written");
    assert!(readme.starts_with("# swagger-petstore") && readme.contains("Our own words."), "{readme}");
    let main = std::fs::read_to_string(out.join("src/main.rs")).expect("written with a server");
    assert!(main.contains("// swagger_petstore"), "{main}");
}
