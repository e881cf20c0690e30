//! Rust models: one serde type per type of the [`TypeModel`], in a crate that builds as it is.
//!
//! The crate is `Cargo.toml` and `src/lib.rs` from minijinja templates (users may override them), plus
//! `src/support.rs` and `src/models.rs` from quote + prettyplease. The two modules hold no inner attributes
//! and refer to each other as `super::`, so the same tree also works `include!`d from `OUT_DIR` (see
//! [`include_file`]). Later backends (client, server) add their modules beside `models`.

mod construct;
mod items;
mod scaffold;
mod support;
pub(crate) mod validate;

use std::path::PathBuf;

use mdxgen_ir::Api;
use mdxgen_ir::typing::operations::ClientModel;
use mdxgen_ir::typing::server::ServerModel;
use mdxgen_ir::typing::{DateTimeCrate, Primitive, TypeKind, TypeModel, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

use self::support::SupportParts;

pub(crate) use self::items::{doc_attrs, ident, primitive_tokens};

/// Lints allowed on the models module, each for text or shapes that come from the docs rather than from
/// mdxgen: doc comments hold the docs' markdown as written (lists continued lazily or indented their way),
/// variants are named after the types they hold (which may share a suffix), and a union's variants differ
/// in size as the API's types do (boxing them would change the API for every user to help a few).
pub const MODELS_ALLOWED_LINTS: &[&str] = &[
    "clippy::doc_lazy_continuation",
    "clippy::doc_overindented_list_items",
    "clippy::enum_variant_names",
    "clippy::large_enum_variant",
    "clippy::too_long_first_doc_paragraph",
];

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
    let parts = support_parts(model);
    let scaffold = scaffold::render(api, model, scaffold::Backends { client, server }, options, parts)?;
    let mut files = vec![
        GeneratedFile { path: "Cargo.toml".into(), contents: scaffold.cargo_toml },
        GeneratedFile { path: "README.md".into(), contents: scaffold.readme },
        GeneratedFile { path: "src/lib.rs".into(), contents: scaffold.lib_rs },
        GeneratedFile { path: "src/models.rs".into(), contents: models_module(model)? },
        GeneratedFile { path: "src/support.rs".into(), contents: support_module(model)? },
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

/// `src/models.rs`: every type, in the model's order.
pub fn models_module(model: &TypeModel) -> Result<String, String> {
    items::check_overrides(model)?;
    unparse(models_tokens(model))
}

/// `src/support.rs`: the support types the models use.
pub fn support_module(model: &TypeModel) -> Result<String, String> {
    unparse(support::support_items(support_parts(model)))
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
    items::check_overrides(model)?;
    let support = support::support_items(support_parts(model));
    let models = models_tokens(model);
    let allowed = allowed_lints(MODELS_ALLOWED_LINTS);
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

/// The Rust spelling of a type expression, as seen from the parent of the `models` module with
/// `use models::*` in scope; for code written against the models (tests, later backends).
pub fn rust_type(model: &TypeModel, ty: &TypeRef) -> String {
    items::type_tokens(model, ty).to_string()
}

/// `#[allow(..)]` with `lints`.
fn allowed_lints(lints: &[&str]) -> TokenStream {
    let lints: Vec<syn::Path> = lints.iter().filter_map(|l| syn::parse_str(l).ok()).collect();
    quote!(#[allow(#(#lints),*)])
}

fn models_tokens(model: &TypeModel) -> TokenStream {
    let parts = support_parts(model);
    let mut out = TokenStream::new();
    if model.iter_types().any(|t| uses_map(&t.kind)) {
        out.extend(quote!(
            use std::collections::BTreeMap;
        ));
    }
    if model.iter_types().any(|t| !matches!(t.kind, TypeKind::Alias(_))) {
        out.extend(quote!(
            use serde::{Deserialize, Serialize};
        ));
    }
    // mdxgen's own types are named by path (`support::Patch`), so that no API type's name gives way to them.
    if parts != SupportParts::default() {
        out.extend(quote!(
            use super::support;
        ));
    }
    for def in model.iter_types() {
        out.extend(items::type_items(model, def));
    }
    out
}

/// The tokens as formatted Rust, with a blank line between top-level items (prettyplease leaves none).
pub(crate) fn unparse(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("mdxgen emitted code it cannot parse (a bug in mdxgen): {e}"))?;
    let empty: syn::File = syn::parse_str("").map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut previous_was_use = false;
    for item in file.items {
        let is_use = matches!(item, syn::Item::Use(_));
        let continues_imports = is_use && previous_was_use;
        if !out.is_empty() && !continues_imports {
            out.push('\n');
        }
        let mut single = empty.clone();
        single.items.push(item);
        out.push_str(&prettyplease::unparse(&single));
        previous_was_use = is_use;
    }
    Ok(out)
}

fn support_parts(model: &TypeModel) -> SupportParts {
    let needs = model.needs();
    let time = model.options().date_time == DateTimeCrate::Time;
    SupportParts {
        patch: needs.patch,
        validation: needs.validation,
        unknown_value: model.iter_types().any(|t| matches!(&t.kind, TypeKind::StringEnum(e) if e.fallback.is_none())),
        unlisted: model.iter_types().any(|t| matches!(&t.kind, TypeKind::StringEnum(e) if e.fallback.is_some())),
        binary: needs.bytes,
        time_date: time && uses_primitive(model, Primitive::Date),
        time_date_time: time && uses_primitive(model, Primitive::DateTime),
    }
}

fn uses_map(kind: &TypeKind) -> bool {
    if let TypeKind::Struct(s) = kind
        && s.additional.is_some()
    {
        return true;
    }
    contained(kind).iter().any(|ty| any_in(ty, &|t| matches!(t, TypeRef::Map(_))))
}

fn uses_primitive(model: &TypeModel, primitive: Primitive) -> bool {
    model.iter_types().any(|t| contained(&t.kind).iter().any(|ty| any_in(ty, &|t| *t == TypeRef::Primitive(primitive))))
}

fn contained(kind: &TypeKind) -> Vec<&TypeRef> {
    match kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).chain(s.additional.as_ref().map(|a| &a.value)).collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => vec![ty],
        TypeKind::StringEnum(_) => Vec::new(),
    }
}

/// Whether `ty` or a type expression inside it satisfies `test`.
fn any_in(ty: &TypeRef, test: &dyn Fn(&TypeRef) -> bool) -> bool {
    test(ty)
        || match ty {
            TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
                any_in(inner, test)
            }
            TypeRef::Named(_) | TypeRef::Primitive(_) | TypeRef::Any => false,
        }
}
