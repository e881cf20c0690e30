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

mod inputs;
mod write;

use std::path::{Path, PathBuf};

pub use mdxgen_codegen::spec::Format as SpecFormat;
pub use mdxgen_diag::{Diagnostic, LineCol, Severity};
pub use mdxgen_ir::Api;
pub use mdxgen_mdx::ReadOptions;

pub use crate::inputs::{Loaded, load};
pub use crate::write::write_atomic;

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

    /// Reads operations from the component trees, ignoring the `api:` frontmatter.
    pub fn tree_only(&mut self, yes: bool) -> &mut Self {
        self.read.ignore_api_frontmatter = yes;
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

    /// Writes the OpenAPI 3.0.3 document rebuilt from the inputs to `path` (YAML, or JSON for `.json`).
    /// The file is replaced only when everything succeeded.
    pub fn write_spec(&self, path: impl AsRef<Path>) -> Result<Vec<Diagnostic>, Error> {
        let path = path.as_ref();
        let (api, mut diagnostics) = self.load()?;
        let (text, warnings) = mdxgen_codegen::spec::render(&api, SpecFormat::for_path(path)).map_err(Error::Output)?;
        diagnostics.extend(warnings);
        write_atomic(path, text.as_bytes()).map_err(Error::Output)?;
        Ok(diagnostics)
    }
}
