//! Runtime tests of `support::Binary`, run by `cargo xtask check-models` against the crate generated from the
//! petstore fixture (its upload body holds a file): text bytes travel as a JSON string, and bytes JSON cannot
//! carry are an error rather than an array of numbers that no server reads.

/// The test file, naming the crate's library `api` ([`crate::check_models::crate_test`]).
pub const TEST: &str = include_str!("../crate-tests/binary.rs");
