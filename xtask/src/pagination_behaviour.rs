//! The `Link`-header stream of the client generated from fixtures/link-pages (a list paginated as GitHub's
//! API pages it), run by `cargo xtask check-models` against a test double on 127.0.0.1: the stream follows
//! `rel="next"` among other links, absolute and relative, keeps the query the links carry, and stops where
//! no next link is given.

/// The test file, naming the crate's library `api` ([`crate::check_models::crate_test`]).
pub const TEST: &str = include_str!("../crate-tests/pagination.rs");
