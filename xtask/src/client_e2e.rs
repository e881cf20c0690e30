//! `tests/client.rs` of the generated authentik crate in `cargo xtask check-models`: the generated client
//! talks to a wiremock server on 127.0.0.1, and each test checks what the client sent (method, path, query
//! string, auth and content-type headers, body) and how it decoded the answer (typed success, typed
//! documented error, unexpected status with its body, decode error with its text, three pages of a stream).

/// The corpus whose crate gets the client's and the server's end-to-end tests: authentik's pages from the
/// newest plugin version. The other plugin versions' crates (the same API, read from other page forms) are
/// linted and documented with their client and server, and tested with their models: their reading is the
/// corpus tests' job, and building two more 250,000-line crates for the same calls cost CI minutes.
pub const CORPUS_PREFIX: &str = "authentik-2024.8.1/v5.2.0";

/// Dev-dependencies the test needs, appended to the crate's `Cargo.toml`.
pub const DEV_DEPENDENCIES: &str = r#"
[dev-dependencies]
tokio = { version = "1.38", features = ["macros", "rt-multi-thread"] }
wiremock = "0.6"
futures = { version = "0.3.30", default-features = false, features = ["std"] }
# A middleware of the test's own (the feature `middleware`): reqwest-middleware's trait is an async_trait,
# and names `http::Extensions`.
async-trait = "0.1"
http = "1"
"#;

/// The test file for the crate `library`, with the README's client snippet compiled in (as a function that
/// is built, not run: it calls a real server).
pub fn test_file(library: &str) -> Result<String, String> {
    let readme = std::fs::read_to_string(mdxgen_testkit::workspace_root().join("README.md"))
        .map_err(|e| format!("README.md: {e}"))?;
    let snippet = readme
        .split_once("<!-- client-snippet")
        .and_then(|(_, rest)| rest.split_once("```rust,ignore\n"))
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(code, _)| code)
        .ok_or("README.md has no client snippet (`<!-- client-snippet` and a rust,ignore block)")?;
    let snippet: String = snippet.lines().map(|line| format!("    {line}\n")).collect();
    let readme_fn = format!(
        "\n/// The README's client snippet, compiled.\n#[allow(dead_code, unused_imports)]\nasync fn readme_snippet() -> Result<(), Box<dyn std::error::Error>> {{\n    use {library} as authentik_api;\n{snippet}    let _ = all;\n    Ok(())\n}}\n"
    );
    Ok(format!("{}{readme_fn}", crate::check_models::crate_test(TEST, library)))
}

const TEST: &str = include_str!("../crate-tests/client.rs");
