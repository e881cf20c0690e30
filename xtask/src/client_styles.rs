//! `tests/styles.rs` of the crate generated from oas-examples' `3.0-parameters-style` in `cargo xtask
//! check-models`: every parameter style and explode of OpenAPI 3.0 (path simple, label, matrix; query form,
//! spaceDelimited, pipeDelimited, deepObject; header simple; cookie form), as the generated client sends it
//! to a wiremock server, against the serializations the OpenAPI specification lists. An object's properties
//! go in sorted order (the runtime encodes through `serde_json::Value`, whose map is sorted without
//! serde_json's `preserve_order`).

/// The corpus whose crate gets the test.
pub const CORPUS_PREFIX: &str = "oas-examples/3.0-parameters-style/";

pub fn test_file(library: &str) -> String {
    crate::check_models::crate_test(TEST, library)
}

const TEST: &str = include_str!("../crate-tests/styles.rs");

/// The corpus whose crate gets the security test.
pub const SECURITY_PREFIX: &str = "oas-examples/3.0-security/";

pub fn security_test_file(library: &str) -> String {
    crate::check_models::crate_test(SECURITY_TEST, library)
}

const SECURITY_TEST: &str = include_str!("../crate-tests/security.rs");
