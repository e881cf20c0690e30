//! The Train Travel API's models and client, generated from its docs pages into `src/api.rs` and checked
//! in: the crate builds without mdxgen, reviews see every change to the generated code, and
//! `cargo xtask codegen` rewrites the file when the pages or mdxgen change (`cargo test` in the mdxgen
//! workspace fails while it is stale).

// Generated text stays as mdxgen wrote it, so that `cargo fmt` and `cargo xtask codegen` agree on it.
#[rustfmt::skip]
pub mod api;
