//! The generated crate put together: `Cargo.toml`, `README.md`, `src/lib.rs` (and with a server
//! `src/main.rs`) from minijinja templates that users may override ([`scaffold`]), beside the modules the
//! backends write (`src/models.rs`, `src/support.rs`, `src/client.rs`, `src/server.rs`); or the same modules
//! in one file for `include!` from `OUT_DIR` ([`include_file`]). The modules hold no inner attributes and
//! refer to each other as `super::`, so the same tree works both ways.

mod scaffold;

pub use self::scaffold::MAX_PACKAGE_NAME_LEN;

use std::path::PathBuf;

use mdxgen_ir::Api;
use mdxgen_ir::typing::TypeModel;
use mdxgen_ir::typing::operations::ClientModel;
use mdxgen_ir::typing::server::ServerModel;
use proc_macro2::TokenStream;
use quote::quote;

use crate::models;
use crate::models::support::SupportParts;
use crate::spell::{allowed_lints, unparse};

/// Knobs of the generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelsOptions {
    /// The package name; by default the API title in kebab case with `-api` (`authentik-api`).
    pub crate_name: Option<String>,
    /// A folder whose templates (any of `Cargo.toml.jinja`, `lib.rs.jinja`, `README.md.jinja`, `main.rs.jinja`)
    /// replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
}

/// One file of the generated crate, at a path relative to the crate root (`/`-separated, no `..`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// Every file of the models crate.
pub fn crate_files(api: &Api, model: &TypeModel, options: &ModelsOptions) -> Result<Vec<GeneratedFile>, String> {
    crate_files_with(api, model, None, None, options)
}

/// Every file of the crate: the models, with `client` the client module behind the cargo feature `client`,
/// and with `server` the server module behind the cargo feature `server` (each on by default when
/// generated).
pub fn crate_files_with(
    api: &Api,
    model: &TypeModel,
    client: Option<&ClientModel>,
    server: Option<&ServerModel>,
    options: &ModelsOptions,
) -> Result<Vec<GeneratedFile>, String> {
    let parts = support_parts(model, server.is_some());
    let scaffold = scaffold::render(api, model, scaffold::Backends { client, server }, options, parts)?;
    let mut files = vec![
        GeneratedFile { path: "Cargo.toml".into(), contents: scaffold.cargo_toml },
        GeneratedFile { path: "README.md".into(), contents: scaffold.readme },
        GeneratedFile { path: "src/lib.rs".into(), contents: scaffold.lib_rs },
        GeneratedFile { path: "src/models.rs".into(), contents: models::models_module(model)? },
        GeneratedFile { path: "src/support.rs".into(), contents: models::support_module(parts)? },
    ];
    if let Some(main_rs) = scaffold.main_rs {
        files.insert(2, GeneratedFile { path: "src/main.rs".into(), contents: main_rs });
    }
    if let Some(client) = client {
        let contents = crate::client::client_module(model, client)?;
        files.insert(2, GeneratedFile { path: "src/client.rs".into(), contents });
    }
    if let Some(server) = server {
        let contents = crate::server::server_module(model, server)?;
        let at = files.iter().position(|f| f.path == "src/support.rs").unwrap_or(files.len());
        files.insert(at, GeneratedFile { path: "src/server.rs".into(), contents });
    }
    Ok(files)
}

/// The modules in one file, for `include!(concat!(env!("OUT_DIR"), "/api.rs"))` inside a module of the
/// user's crate: `pub mod support { .. }`, `pub mod models { .. }`, with a client `pub mod client { .. }`
/// (then the user's crate depends on reqwest, and on futures when an operation is paginated), and with a
/// server `pub mod server { .. }` (then on axum, base64, form_urlencoded, serde_path_to_error and
/// serde_urlencoded, as the generated crate's `server` feature does).
pub fn include_file(
    model: &TypeModel,
    client: Option<&ClientModel>,
    server: Option<&ServerModel>,
) -> Result<String, String> {
    models::check_overrides(model)?;
    let support = models::support::support_items(support_parts(model, server.is_some()))?;
    let models = models::models_tokens(model);
    let allowed = allowed_lints(models::MODELS_ALLOWED_LINTS);
    let client = match client {
        Some(client) => {
            let items = crate::client::client_tokens(model, client, false)?;
            quote!(pub mod client { #items })
        }
        None => TokenStream::new(),
    };
    let server = match server {
        Some(server) => {
            let items = crate::server::server_tokens(model, server)?;
            let allowed = allowed_lints(crate::server::SERVER_ALLOWED_LINTS);
            quote!(#allowed pub mod server { #items })
        }
        None => TokenStream::new(),
    };
    unparse(quote! {
        pub mod support {
            #support
        }

        #allowed
        pub mod models {
            #models
        }

        #client

        #server
    })
}

/// The support parts the crate needs: the models', and with a server the validation errors its handlers
/// report.
fn support_parts(model: &TypeModel, server: bool) -> SupportParts {
    let mut parts = models::support_parts(model);
    parts.validation |= server;
    parts
}
