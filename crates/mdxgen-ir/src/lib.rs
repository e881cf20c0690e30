//! The whole API in one model, built once and read by every backend.
//!
//! An [`Api`] is built either from the OpenAPI JSON that the reader got out of pages (each operation with
//! every `$ref` inlined: [`ApiBuilder`] recovers the named types) or from a plain OpenAPI 3.0/3.1 document
//! ([`from_openapi`]). Schemas are kept as faithful OpenAPI schema JSON whose references are
//! `{"$ref": "#/components/schemas/Name"}` into [`TypeSpace`]; nothing here knows MDX or Rust.

mod build;
pub mod http;
mod openapi;
pub mod types;
pub mod typing;
pub mod version;

use indexmap::IndexMap;
use mdxgen_diag::LineCol;
use serde_json::{Map, Value};

pub use build::{ApiBuilder, Fidelity, SourceRef, TypeDeclaration};
pub use http::HttpMethod;
pub use openapi::from_openapi;
pub use types::{TypeSpace, canonical_json};
pub use version::{Construct31, KEYWORDS_ONLY_IN_3_1, OpenApiVersion};

/// The API as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Api {
    /// The OpenAPI Info Object (title, version, description, contact, license, ...).
    pub info: Map<String, Value>,
    /// Servers shared by every operation (OpenAPI Server Objects).
    pub servers: Vec<Value>,
    /// Security schemes by name (OpenAPI Security Scheme Objects).
    pub security_schemes: IndexMap<String, Value>,
    /// Security requirements that apply where an operation names none.
    pub security: Option<Vec<Value>>,
    pub tags: Vec<Tag>,
    /// Operations sorted by path, then by method in [`HttpMethod::ALL`] order.
    pub operations: Vec<Operation>,
    /// Webhooks (OpenAPI 3.1 `webhooks`: requests the API sends), sorted by name. Each one's `path` is its
    /// name, the key under `webhooks`, and `method` the HTTP method of the request.
    pub webhooks: Vec<Operation>,
    pub types: TypeSpace,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// Unique within the API: the page's operationId, or one derived from method and path.
    pub id: String,
    pub method: HttpMethod,
    pub path: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub deprecated: bool,
    pub parameters: Vec<Parameter>,
    pub request_body: Option<RequestBody>,
    /// Responses by status (`200`, `4XX`, `default`), in the order the docs list them.
    pub responses: Vec<Response>,
    /// `None`: the API's default applies; `Some(vec![])`: explicitly no security.
    pub security: Option<Vec<Value>>,
    /// Servers of this operation when they differ from the API's.
    pub servers: Option<Vec<Value>>,
    /// Everything else the Operation Object held (`x-*` extensions, callbacks, externalDocs, ...).
    pub extra: Map<String, Value>,
    /// Examples the docs show, by request body or response status.
    pub examples: Vec<Example>,
    /// Where the operation was read from.
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamLocation {
    Path,
    Query,
    Header,
    Cookie,
}

impl ParamLocation {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "path" => Some(Self::Path),
            "query" => Some(Self::Query),
            "header" => Some(Self::Header),
            "cookie" => Some(Self::Cookie),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Query => "query",
            Self::Header => "header",
            Self::Cookie => "cookie",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub location: ParamLocation,
    pub required: bool,
    pub description: Option<String>,
    pub schema: Option<Value>,
    /// style, explode, deprecated, example(s), content, allowEmptyValue, extensions.
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    pub description: Option<String>,
    pub required: bool,
    pub content: Vec<MediaType>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MediaType {
    pub media_type: String,
    pub schema: Option<Value>,
    /// example(s), encoding, extensions.
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: String,
    pub description: String,
    pub content: Vec<MediaType>,
    /// headers, links, extensions.
    pub extra: Map<String, Value>,
}

/// A JSON example shown by the docs.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// `None` for the request body, else the response status.
    pub status: Option<String>,
    pub media_type: String,
    pub value: Value,
}

impl Api {
    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|op| op.id == id)
    }
}

/// Where something was read: a file and, when known, a place in it.
pub fn at(file: &std::path::Path, line_col: Option<LineCol>) -> SourceRef {
    SourceRef { file: file.to_path_buf(), at: line_col }
}
