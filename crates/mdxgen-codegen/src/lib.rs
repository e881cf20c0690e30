//! The backends of mdxgen. Each reads only the IR ([`mdxgen_ir::Api`]) and turns its decisions into output;
//! a backend that needs a new decision adds it to the IR, not here.

pub mod assemble;
mod checks;
pub mod client;
pub mod models;
mod runtime;
pub mod server;
pub mod spec;
mod spell;
