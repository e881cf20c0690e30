//! Added to `tests/server.rs` of the generated authentik crate in `cargo xtask check-models`: the generated
//! client calls every operation of `mdxgen mock` (the binary, serving the pages the crate was generated from,
//! on 127.0.0.1) and must decode the documented success, as it does against the generated mock server.

use std::path::Path;

/// The test function, for the `mdxgen` binary at `mdxgen` serving `pages`.
pub fn test_function(mdxgen: &Path, pages: &Path) -> String {
    // `{:?}` of the text is a Rust string literal: the paths cannot end it.
    let (mdxgen, pages) = (mdxgen.display().to_string(), pages.display().to_string());
    format!("{TEST}\nconst MDXGEN_BIN: &str = {mdxgen:?};\nconst MOCK_PAGES: &str = {pages:?};\n")
}

const TEST: &str = include_str!("../crate-tests/mock.rs");
