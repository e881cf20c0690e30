//! `mdxgen generate --client`: the crate holds the models and the client behind the cargo feature `client`;
//! without `--client`, the crate is the models alone.

use std::path::Path;
use std::process::{Command, Output};

fn generate(args: &[&str], output: &Path) -> Output {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/authentik");
    Command::new(env!("CARGO_BIN_EXE_mdxgen"))
        .arg("generate")
        .args(args)
        .arg(fixture)
        .arg("-o")
        .arg(output)
        .output()
        .expect("runs mdxgen")
}

#[test]
fn client_generates_the_models_and_the_client_behind_a_feature() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("authentik-api");
    let output = generate(&["--client"], &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in ["src/models.rs", "src/support.rs", "src/client.rs", "src/lib.rs", "Cargo.toml"] {
        assert!(out.join(file).is_file(), "{file} is written");
    }
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("default = [\"client\"]"), "{manifest}");
    assert!(manifest.contains("\"rustls-tls\"") && manifest.contains("default-features = false"), "{manifest}");
    let lib = std::fs::read_to_string(out.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("#[cfg(feature = \"client\")]\npub mod client;"), "{lib}");
    let client = std::fs::read_to_string(out.join("src/client.rs")).expect("client.rs");
    assert!(client.contains("pub fn core_tokens_list(&self) -> CoreTokensListBuilder"), "one method per operation");
    assert!(client.contains("pub fn with_authentik_token("), "a setter per security scheme");
}

#[test]
fn models_alone_have_no_client() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("authentik-api");
    let output = generate(&["--models"], &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!out.join("src/client.rs").exists());
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("Cargo.toml");
    assert!(!manifest.contains("reqwest"), "{manifest}");
}
