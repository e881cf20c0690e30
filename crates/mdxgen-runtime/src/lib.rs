//! The runtimes of the crates mdxgen generates, as ordinary Rust: `cargo clippy` and `cargo test
//! --workspace` compile, lint and test them here. `mdxgen-codegen` embeds each file's source in the crate it
//! generates (which then depends on crates.io crates only), keeping the items behind a feature the crate
//! uses and dropping the others; `#[cfg(test)]` items stay here.
//!
//! The files name a few items the generator adds beside them (`SCHEMES`, `MockApi`); what they need from
//! the generated code comes in as parameters.

// The runtime files' docs link to items the generator adds beside them (`MockApi`).
#![allow(rustdoc::broken_intra_doc_links)]

// The generated models call helpers of the support module (`Unlisted::new`) that nothing here calls.
#[allow(dead_code)]
pub mod support;

#[cfg(feature = "client")]
pub mod client;

#[cfg(feature = "server")]
pub mod server;
