//! `tests/server.rs` of the generated crates that get the server round trip in `cargo xtask check-models`
//! (authentik's and the shape matrix's): the generated server with its mock implementation on 127.0.0.1,
//! and the generated client calling every operation, which must decode the documented success
//! (`tests/calls/mod.rs`, generated from the IR by `mdxgen_codegen::server::round_trip_calls`). The
//! authentik crate's file adds raw requests (reqwest, no generated client) that break one constraint each
//! (in JSON bodies, query parameters and multipart parts) and must get the documented 400 naming the field,
//! and raw requests that must get 404, 405 with `Allow`, 415, 403, 413 and 400 for deep or malformed JSON,
//! without the server failing.

/// The round trip for the crate `library`, whose client must have called `at_least` operations.
fn round_trip(library: &str, at_least: usize) -> String {
    format!("{}const AT_LEAST: usize = {at_least};\n", crate::check_models::crate_test(ROUND_TRIP, library))
}

/// The authentik crate's test file: the round trip and the raw requests.
pub fn test_file(library: &str) -> String {
    format!("{}\n{RAW_REQUESTS}", round_trip(library, AUTHENTIK_OPERATIONS))
}

/// The shape matrix crate's test file: the round trip alone.
pub fn shape_matrix_file(library: &str) -> String {
    round_trip(library, SHAPE_MATRIX_OPERATIONS)
}

/// The operations of authentik's API that the round trip must call, at least.
const AUTHENTIK_OPERATIONS: usize = 800;

/// The shape matrix's operations that the round trip must call: all but the raw multipart one, which the
/// client cannot send.
const SHAPE_MATRIX_OPERATIONS: usize = 10;

const ROUND_TRIP: &str = include_str!("../crate-tests/round_trip.rs");
const RAW_REQUESTS: &str = include_str!("../crate-tests/server.rs");
