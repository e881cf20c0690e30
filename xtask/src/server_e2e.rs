//! `tests/server.rs` of the generated authentik crate in `cargo xtask check-models`: the generated server
//! with its mock implementation on 127.0.0.1. The generated client calls every operation and must decode
//! the documented success (`tests/calls.rs`, generated from the IR by
//! `mdxgen_codegen::server::round_trip_calls`); raw requests (reqwest, no generated client) break one
//! constraint each (in JSON bodies, query parameters and multipart parts) and must get the documented 400
//! naming the field; and raw requests must get 404, 405 with `Allow`, 415, 403, 413 and 400 for deep or
//! malformed JSON, without the server failing.

/// The test file for the crate `library`.
pub fn test_file(library: &str) -> String {
    crate::check_models::crate_test(TEST, library)
}

const TEST: &str = include_str!("../crate-tests/server.rs");
