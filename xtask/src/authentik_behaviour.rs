//! Runtime tests of building values, run by `cargo xtask check-models` against each crate generated from the
//! authentik corpus (the API of issue 8): a PATCH body sets one field in one line, a struct with many
//! required fields is built from them by name, the setters of the other fields say what they send, and a
//! required nullable field must be present.

/// The test file, naming the crate's library `api` ([`crate::check_models::crate_test`]).
pub const TEST: &str = include_str!("../crate-tests/construction.rs");
