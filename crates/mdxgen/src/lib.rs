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
//! Rust models, as a crate of their own or as one file to `include!` from `OUT_DIR`:
//!
//! ```no_run
//! // build.rs
//! let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
//! mdxgen::Builder::new().input("docs/api").write_models_module(out_dir.join("api.rs")).unwrap();
//! // src/lib.rs: `mod api { include!(concat!(env!("OUT_DIR"), "/api.rs")); }` gives `api::models`.
//! ```

mod inputs;
mod write;

use std::path::{Path, PathBuf};

pub use mdxgen_codegen::spec::Format as SpecFormat;
pub use mdxgen_diag::{Diagnostic, LineCol, Severity};
pub use mdxgen_ir::{Api, OpenApiVersion};
pub use mdxgen_mdx::ReadOptions;

pub use mdxgen_codegen::models::{GeneratedFile, ModelsOptions};
pub use mdxgen_ir::typing::operations::ClientModel;
pub use mdxgen_ir::typing::{DateTimeCrate, TypeModel, TypingOptions};

pub use crate::inputs::{Loaded, load};
pub use crate::write::{OUTPUT_MARKER, write_atomic, write_dir_atomic};

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
    /// `None`: the version the docs need.
    openapi_version: Option<OpenApiVersion>,
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

    /// The package name of a generated crate (by default from the API's title: `authentik-api`).
    pub fn crate_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.crate_options.crate_name = Some(name.into());
        self
    }

    /// A folder whose `Cargo.toml.jinja` and `lib.rs.jinja` replace the built-in crate templates.
    pub fn templates(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.crate_options.templates = Some(dir.into());
        self
    }

    /// Reads the inputs into the IR. Errors in the input fail the build; warnings are returned.
    pub fn load(&self) -> Result<(Api, Vec<Diagnostic>), Error> {
        let loaded = load(&self.inputs, &self.read);
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

    /// Writes the OpenAPI document rebuilt from the inputs to `path` (YAML, or JSON for `.json`), in the
    /// version of [`Builder::openapi_version`]. The file is replaced only when everything succeeded.
    pub fn write_spec(&self, path: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let path = path.as_ref();
        let (api, mut diagnostics) = self.load()?;
        let (version, note) = mdxgen_codegen::spec::choose_version(&api, self.openapi_version);
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
    /// [`Builder::client`]).
    pub fn crate_files(&self) -> Result<(Vec<GeneratedFile>, Vec<Diagnostic>), Error> {
        if !self.models && !self.client {
            return Err(Error::Output("nothing to generate: enable the models or the client".to_owned()));
        }
        let (api, model, mut diagnostics) = self.type_model()?;
        let client = self.client.then(|| {
            let (client, warnings) = ClientModel::build(&api, &model);
            diagnostics.extend(warnings);
            client
        });
        let mut files = mdxgen_codegen::models::crate_files_with(&api, &model, client.as_ref(), &self.crate_options)
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

    /// Writes the `support` and `models` modules as one file, for `include!` inside a module of the user's
    /// crate (which then depends on serde, serde_json and what the models use: uuid, chrono, regex).
    pub fn write_models_module(&self, path: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let (_, model, diagnostics) = self.type_model()?;
        let text = mdxgen_codegen::models::include_file(&model).map_err(Error::Output)?;
        write_atomic(path.as_ref(), text.as_bytes()).map_err(Error::Output)?;
        Ok(diagnostics)
    }
}
