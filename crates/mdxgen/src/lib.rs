//! mdxgen as a library: read docs pages or an OpenAPI document into one [`Api`], then run backends on it.
//!
//! For build scripts, [`Builder`] is the whole interface:
//!
//! ```no_run
//! mdxgen::Builder::new()
//!     .input("docs/api")
//!     .write_spec("target/api.yaml")
//!     .expect("the docs read without errors");
//! ```
//!
//! Rust models and client, as a crate of their own or as one file to `include!` from `OUT_DIR`:
//!
//! ```no_run
//! // build.rs
//! mdxgen::Builder::new().input("docs/api").client(true).generate().expect("the API docs read");
//! // src/lib.rs: `pub mod api { include!(concat!(env!("OUT_DIR"), "/api.rs")); }` gives `api::models`,
//! // `api::client`.
//! ```

mod inspect;
mod write;

use std::path::{Path, PathBuf};

pub use mdxgen_codegen::spec::Format as SpecFormat;
pub use mdxgen_diag::{Diagnostic, LineCol, Severity};
pub use mdxgen_ir::{Api, HttpMethod, OpenApiVersion};
pub use mdxgen_mdx::ReadOptions;

pub use mdxgen_codegen::assemble::{GeneratedFile, ModelsOptions};
pub use mdxgen_ir::typing::operations::ClientModel;
pub use mdxgen_ir::typing::server::ServerModel;
pub use mdxgen_ir::typing::{DateTimeCrate, Overrides, TypeModel, TypingOptions};

pub use crate::inspect::{Inventory, OperationEntry, TypeEntry};
pub use crate::write::{OUTPUT_MARKER, write_atomic, write_dir_atomic};
pub use mdxgen_load::{Loaded, load};

/// The OpenAPI document mdxgen exports for `api`, in the version the docs need.
pub fn openapi_document(api: &Api) -> serde_json::Value {
    mdxgen_codegen::spec::document(api, OpenApiVersion::for_api(api)).0
}

/// What went wrong in a run as a whole. Findings about the input are [`Diagnostic`]s.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the input has {count} error(s); first: {first}")]
    Input { count: usize, first: Box<Diagnostic>, diagnostics: Vec<Diagnostic> },
    #[error("{0}")]
    Output(String),
}

/// Generation driven from `build.rs`, `cargo xtask` or the CLI. One method per knob.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    inputs: Vec<PathBuf>,
    read: ReadOptions,
    typing: TypingOptions,
    crate_options: ModelsOptions,
    models: bool,
    client: bool,
    server: bool,
    /// `None`: the version the docs need.
    openapi_version: Option<OpenApiVersion>,
    /// `None`: cargo's `OUT_DIR`.
    out_dir: Option<PathBuf>,
}

impl Builder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a page, a folder of pages, or an OpenAPI document (`.yaml`, `.yml`, `.json`).
    pub fn input(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.inputs.push(path.into());
        self
    }

    /// The OpenAPI version [`Builder::write_spec`] writes. By default 3.1.0 when the docs hold something only
    /// 3.1 can say (a webhook, `examples`, a `null` type, ...), else 3.0.3:
    ///
    /// ```no_run
    /// mdxgen::Builder::new()
    ///     .input("docs/api")
    ///     .openapi_version(mdxgen::OpenApiVersion::V3_1)
    ///     .write_spec("target/api.yaml")
    ///     .expect("the docs read without errors");
    /// ```
    pub fn openapi_version(&mut self, version: OpenApiVersion) -> &mut Self {
        self.openapi_version = Some(version);
        self
    }

    /// Reads operations from the component trees, ignoring the `api:` frontmatter.
    pub fn tree_only(&mut self, yes: bool) -> &mut Self {
        self.read.ignore_api_frontmatter = yes;
        self
    }

    /// Whether [`Builder::write_crate`] generates the models (serde types). On by default for
    /// [`Builder::write_models_crate`] and [`Builder::write_models_module`].
    pub fn models(&mut self, yes: bool) -> &mut Self {
        self.models = yes;
        self
    }

    /// Whether [`Builder::write_crate`] generates the async client (reqwest, behind the crate's cargo feature
    /// `client`, on by default) beside the models, which come with it.
    ///
    /// ```no_run
    /// mdxgen::Builder::new()
    ///     .input("docs/api")
    ///     .client(true)
    ///     .write_crate("authentik-api")
    ///     .expect("the docs read without errors");
    /// ```
    pub fn client(&mut self, yes: bool) -> &mut Self {
        self.client = yes;
        self
    }

    /// Whether [`Builder::write_crate`] generates the axum server (behind the crate's cargo feature `server`,
    /// on by default) beside the models, which come with it: the `Api` trait with one method per operation,
    /// `router(impl)` that reads and validates requests against the docs, and `MockApi`, which answers every
    /// operation with the docs' example.
    ///
    /// ```no_run
    /// mdxgen::Builder::new()
    ///     .input("docs/api")
    ///     .client(true)
    ///     .server(true)
    ///     .write_crate("authentik-api")
    ///     .expect("the docs read without errors");
    /// ```
    pub fn server(&mut self, yes: bool) -> &mut Self {
        self.server = yes;
        self
    }

    /// Whether string enums and discriminated unions get an `Unknown` variant for values the docs do not
    /// list (on by default), so that a server adding a value does not break the client.
    pub fn unknown_variants(&mut self, yes: bool) -> &mut Self {
        self.typing.unknown_variants = yes;
        self
    }

    /// The crate `format: date-time` and `format: date` map to (chrono by default).
    pub fn date_time(&mut self, date_time: DateTimeCrate) -> &mut Self {
        self.typing.date_time = date_time;
        self
    }

    /// Adds attributes to the type `path` (its Rust name, which is the API's name), before the generated
    /// derives: `.type_attribute("Token", "#[derive(Hash)]")`. A path matching no type is a warning.
    pub fn type_attribute(&mut self, path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.typing.overrides.type_attributes.push((path.into(), attribute.into()));
        self
    }

    /// Adds attributes to the field `Type.field` (the field's name in the docs or in Rust):
    /// `.field_attribute("Token.key", "#[doc(hidden)]")`.
    pub fn field_attribute(&mut self, path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.typing.overrides.field_attributes.push((path.into(), attribute.into()));
        self
    }

    /// Puts a Rust type of your own in place of the value type of the field `Type.field`; `Option` or `Patch`
    /// around it stay: `.replace_type("Token.user", "my_crate::UserId")`. The type must be `Debug`, `Clone`,
    /// `PartialEq`, `Serialize` and `Deserialize`, and the field is no longer validated by the models.
    pub fn replace_type(&mut self, path: impl Into<String>, rust_type: impl Into<String>) -> &mut Self {
        self.typing.overrides.field_types.push((path.into(), rust_type.into()));
        self
    }

    /// Names the method of the operation `operation_id` (in the client, and in the server's `Api` trait)
    /// instead of deriving it from the operationId: `.method_name("core_users_list", "list_users")`. The
    /// name is made a snake-case identifier, and numbered if another method has it; an operationId that
    /// matches no operation is a warning.
    pub fn method_name(&mut self, operation_id: impl Into<String>, name: impl Into<String>) -> &mut Self {
        self.typing.overrides.method_names.push((operation_id.into(), name.into()));
        self
    }

    /// Adds all of `overrides` (see [`Builder::type_attribute`], [`Builder::field_attribute`],
    /// [`Builder::replace_type`], [`Builder::method_name`]).
    pub fn overrides(&mut self, overrides: Overrides) -> &mut Self {
        let own = &mut self.typing.overrides;
        own.type_attributes.extend(overrides.type_attributes);
        own.field_attributes.extend(overrides.field_attributes);
        own.field_types.extend(overrides.field_types);
        own.method_names.extend(overrides.method_names);
        self
    }

    /// The package name of a generated crate (by default from the API's title: `authentik-api`).
    pub fn crate_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.crate_options.crate_name = Some(name.into());
        self
    }

    /// A folder whose templates (`Cargo.toml.jinja`, `lib.rs.jinja`, `README.md.jinja`, `main.rs.jinja`) replace
    /// the built-in ones of the same name.
    pub fn templates(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.crate_options.templates = Some(dir.into());
        self
    }

    /// Reads the inputs into the IR. Errors in the input fail the build; warnings are returned.
    pub fn load(&self) -> Result<(Api, Vec<Diagnostic>), Error> {
        checked(load(&self.inputs, &self.read))
    }

    /// Writes the OpenAPI document rebuilt from the inputs to `path` (YAML, or JSON for `.json`), in the
    /// version of [`Builder::openapi_version`]. The file is replaced only when everything succeeded.
    pub fn write_spec(&self, path: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let path = path.as_ref();
        let (api, mut diagnostics) = self.load()?;
        let (version, note) = OpenApiVersion::choose(&api, self.openapi_version);
        diagnostics.extend(note);
        let (text, warnings) =
            mdxgen_codegen::spec::render(&api, SpecFormat::for_path(path), version).map_err(Error::Output)?;
        diagnostics.extend(warnings);
        write_atomic(path, text.as_bytes()).map_err(Error::Output)?;
        Ok(diagnostics)
    }

    /// The inputs' type model: every Rust type decision, made once.
    pub fn type_model(&self) -> Result<(Api, TypeModel, Vec<Diagnostic>), Error> {
        let (api, mut diagnostics) = self.load()?;
        let (model, warnings) = TypeModel::build(&api, &self.typing);
        diagnostics.extend(warnings);
        Ok((api, model, diagnostics))
    }

    /// The files of the generated crate, with the generated parts enabled ([`Builder::models`],
    /// [`Builder::client`], [`Builder::server`]).
    pub fn crate_files(&self) -> Result<(Vec<GeneratedFile>, Vec<Diagnostic>), Error> {
        if !self.models && !self.client && !self.server {
            return Err(Error::Output("nothing to generate: enable the models, the client or the server".to_owned()));
        }
        let (api, model, mut diagnostics) = self.type_model()?;
        let (client, server) = self.operation_models(&api, &model, &mut diagnostics);
        let mut files = mdxgen_codegen::assemble::crate_files_with(
            &api,
            &model,
            client.as_ref(),
            server.as_ref(),
            &self.crate_options,
        )
        .map_err(Error::Output)?;
        files.push(GeneratedFile {
            path: OUTPUT_MARKER.to_owned(),
            contents: "Generated by mdxgen: this folder is replaced whole on every run.\n".to_owned(),
        });
        Ok((files, diagnostics))
    }

    /// Writes a Cargo crate (`Cargo.toml`, `src/`) with the enabled parts into `dir`, replacing it only when
    /// everything succeeded, and never writing outside it.
    pub fn write_crate(&self, dir: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let (files, diagnostics) = self.crate_files()?;
        let files: Vec<(String, Vec<u8>)> = files.into_iter().map(|f| (f.path, f.contents.into_bytes())).collect();
        write_dir_atomic(dir.as_ref(), &files).map_err(Error::Output)?;
        Ok(diagnostics)
    }

    /// [`Builder::write_crate`] with the models.
    pub fn write_models_crate(&self, dir: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        self.clone().models(true).write_crate(dir)
    }

    /// Writes the `support` and `models` modules (and `client` with [`Builder::client`], `server` with
    /// [`Builder::server`]) as one file, for `include!` inside a module of the user's crate (which then
    /// depends on serde, serde_json and what the models use: uuid, chrono, regress; reqwest for the client;
    /// axum, base64, form_urlencoded, serde_path_to_error and serde_urlencoded for the server). A file that
    /// already holds the same text is left untouched.
    pub fn write_models_module(&self, path: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let (api, diagnostics) = self.load()?;
        self.write_module(api, diagnostics, path.as_ref())
    }

    /// The folder [`Builder::generate`] writes to; by default cargo's `OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The build script's whole job: writes `api.rs` (see [`Builder::write_models_module`]) into
    /// [`Builder::out_dir`] and tells cargo to run the build script again only when an input changes
    /// (`cargo:rerun-if-changed` for every input named and every file read: pages, sidecars, the info page,
    /// the sidebar, a spec). Warnings are returned; errors in the input fail the build.
    ///
    /// ```no_run
    /// // build.rs
    /// mdxgen::Builder::new().input("docs/api").client(true).generate().expect("the API docs read");
    /// // src/lib.rs: `pub mod api { include!(concat!(env!("OUT_DIR"), "/api.rs")); }`
    /// ```
    pub fn generate(&self) -> Result<Vec<Diagnostic>, Error> {
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or_else(|| {
                Error::Output("no output folder: `OUT_DIR` is not set (outside a build script, call `out_dir`)".into())
            })?,
        };
        for input in &self.inputs {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        let loaded = load(&self.inputs, &self.read);
        // Watched even when the input has errors: fixing any file read must rerun the script.
        for path in &loaded.read {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let (api, diagnostics) = checked(loaded)?;
        self.write_module(api, diagnostics, &dir.join("api.rs"))
    }

    /// The client's and the server's decisions, each when enabled. The server is built on the client's
    /// decisions about each operation, so that both agree on the wire.
    fn operation_models(
        &self,
        api: &Api,
        model: &TypeModel,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Option<ClientModel>, Option<ServerModel>) {
        let operations = (self.client || self.server).then(|| {
            let (client, warnings) = ClientModel::build(api, model);
            diagnostics.extend(warnings);
            client
        });
        let server = operations.as_ref().filter(|_| self.server).map(|client| {
            let (server, warnings) = ServerModel::build(api, model, client);
            diagnostics.extend(warnings);
            server
        });
        (operations.filter(|_| self.client), server)
    }

    fn write_module(&self, api: Api, mut diagnostics: Vec<Diagnostic>, path: &Path) -> Result<Vec<Diagnostic>, Error> {
        let (model, warnings) = TypeModel::build(&api, &self.typing);
        diagnostics.extend(warnings);
        let (client, server) = self.operation_models(&api, &model, &mut diagnostics);
        let text =
            mdxgen_codegen::assemble::include_file(&model, client.as_ref(), server.as_ref()).map_err(Error::Output)?;
        write_atomic(path, text.as_bytes()).map_err(Error::Output)?;
        Ok(diagnostics)
    }
}

/// The IR of a run, or the run's failure when the input has errors.
fn checked(loaded: Loaded) -> Result<(Api, Vec<Diagnostic>), Error> {
    let errors: Vec<&Diagnostic> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    if let Some(first) = errors.first() {
        return Err(Error::Input {
            count: errors.len(),
            first: Box::new((*first).clone()),
            diagnostics: loaded.diagnostics.clone(),
        });
    }
    Ok((loaded.api, loaded.diagnostics))
}

/// The README's build.rs snippets, compiled as doc tests (the client snippet, `ignore` here, is compiled
/// against a generated crate by check-models).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeSnippets;
