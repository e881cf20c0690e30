//! Which OpenAPI version the docs need.
//!
//! The plugin writes no `openapi` field into the pages, so the version is read off what the docs hold: 3.1
//! when they hold something only OpenAPI 3.1 can say ([`Api::first_3_1_construct`] names the first one
//! found), else 3.0.3, which every 3.0 tool reads.

mod forms;

use std::fmt;
use std::str::FromStr;

use mdxgen_diag::Diagnostic;
use serde_json::{Map, Value};

pub use self::forms::{to_3_0, to_3_1};

use crate::types::subschemas;
use crate::{Api, MediaType, Operation};

/// The OpenAPI versions mdxgen writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OpenApiVersion {
    V3_0,
    V3_1,
}

impl OpenApiVersion {
    /// The `openapi` field of a document of this version.
    pub fn document_version(self) -> &'static str {
        match self {
            Self::V3_0 => "3.0.3",
            Self::V3_1 => "3.1.0",
        }
    }

    /// `3.0` or `3.1`, for messages and flags.
    pub fn minor_version(self) -> &'static str {
        match self {
            Self::V3_0 => "3.0",
            Self::V3_1 => "3.1",
        }
    }

    /// The version the docs need: 3.1 when they hold a 3.1 construct, else 3.0.
    pub fn for_api(api: &Api) -> Self {
        if api.first_3_1_construct().is_some() { Self::V3_1 } else { Self::V3_0 }
    }

    /// The version to write: `asked` if given, else the one the docs need ([`Self::for_api`]); with a note
    /// naming the 3.1 construct behind the choice (an info), or the one a forced 3.0 cannot hold whole (a
    /// warning).
    pub fn choose(api: &Api, asked: Option<Self>) -> (Self, Option<Diagnostic>) {
        let construct = api.first_3_1_construct();
        let version = asked.unwrap_or(if construct.is_some() { Self::V3_1 } else { Self::V3_0 });
        let note = match (construct, asked, version) {
            (Some(construct), None, Self::V3_1) => Some(Diagnostic::info(
                std::path::Path::new("<spec>"),
                None,
                "openapi-version",
                format!("writing OpenAPI 3.1.0, as the docs hold {construct} (`--openapi 3.0` writes 3.0.3)"),
            )),
            (Some(construct), Some(_), Self::V3_0) => Some(Diagnostic::warning(
                std::path::Path::new("<spec>"),
                None,
                "openapi-version",
                format!("writing OpenAPI 3.0.3 as asked, though the docs hold {construct}: 3.1 keeps it whole"),
            )),
            _ => None,
        };
        (version, note)
    }

    /// The version an OpenAPI document declares in its `openapi` field (`3.1.0` -> 3.1), if 3.0 or 3.1.
    pub fn of_document(doc: &Value) -> Option<Self> {
        doc.get("openapi").and_then(Value::as_str).and_then(|v| v.parse().ok())
    }
}

impl FromStr for OpenApiVersion {
    type Err = String;

    /// `3.0`, `3.1`, or a full version of either (`3.0.3`, `3.1.0`).
    fn from_str(text: &str) -> Result<Self, String> {
        let within = |minor: &str| text == minor || text.strip_prefix(minor).is_some_and(|r| r.starts_with('.'));
        if within("3.0") {
            Ok(Self::V3_0)
        } else if within("3.1") {
            Ok(Self::V3_1)
        } else {
            Err(format!("`{text}` is not an OpenAPI version mdxgen writes: expected 3.0 or 3.1"))
        }
    }
}

impl fmt::Display for OpenApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.document_version())
    }
}

/// Something in the docs that only OpenAPI 3.1 can say, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Construct31 {
    /// What it is: "`examples`", "a webhook", "`license.identifier`".
    pub construct: String,
    /// Where: "schema `Booking`", "operation `get-trips`", "the info".
    pub place: String,
}

impl fmt::Display for Construct31 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} in {}", self.construct, self.place)
    }
}

/// Keywords of JSON Schema 2020-12 that an OpenAPI 3.0 Schema Object does not allow.
pub const KEYWORDS_ONLY_IN_3_1: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$comment",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "prefixItems",
    "contains",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "patternProperties",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
    "minContains",
    "maxContains",
    "const",
];

impl Api {
    /// The first construct of the docs that OpenAPI 3.0 cannot say, looking at the info, the security
    /// schemes, the webhooks, the operations and then the named types; `None` for docs 3.0 holds whole.
    pub fn first_3_1_construct(&self) -> Option<Construct31> {
        self.info_construct()
            .or_else(|| self.security_scheme_construct())
            .or_else(|| self.webhooks.first().map(|w| found("a webhook", format!("`{}`", w.path))))
            .or_else(|| self.operations.iter().find_map(operation_construct))
            .or_else(|| {
                self.types.iter_sorted().find_map(|(name, schema)| {
                    schema_construct(schema).map(|construct| found(&construct, format!("schema `{name}`")))
                })
            })
    }

    fn info_construct(&self) -> Option<Construct31> {
        let identifier = self.info.get("license").and_then(|l| l.get("identifier")).is_some();
        let construct = if self.info.contains_key("summary") {
            "`info.summary`"
        } else if identifier {
            "`license.identifier`"
        } else {
            return None;
        };
        Some(found(construct, "the info".to_owned()))
    }

    fn security_scheme_construct(&self) -> Option<Construct31> {
        self.security_schemes
            .iter()
            .find(|(_, scheme)| scheme.get("type").and_then(Value::as_str) == Some("mutualTLS"))
            .map(|(name, _)| found("a `mutualTLS` security scheme", format!("`{name}`")))
    }
}

fn found(construct: &str, place: String) -> Construct31 {
    Construct31 { construct: construct.to_owned(), place }
}

fn operation_construct(op: &Operation) -> Option<Construct31> {
    let place = || format!("operation `{}`", op.id);
    if op.responses.is_empty() {
        return Some(found("an operation without responses", place()));
    }
    operation_schemas(op).into_iter().find_map(schema_construct).map(|construct| found(&construct, place()))
}

/// Every schema an operation holds: parameters (also under `content`), bodies, response headers.
fn operation_schemas(op: &Operation) -> Vec<&Value> {
    let mut schemas = Vec::new();
    for parameter in &op.parameters {
        schemas.extend(&parameter.schema);
        schemas.extend(content_schemas(&parameter.extra));
    }
    let bodies = op.request_body.iter().map(|b| b.content.as_slice());
    let responses = op.responses.iter().map(|r| r.content.as_slice());
    schemas.extend(bodies.chain(responses).flatten().filter_map(|m: &MediaType| m.schema.as_ref()));
    for response in &op.responses {
        let headers = response.extra.get("headers").and_then(Value::as_object).into_iter().flat_map(Map::values);
        for header in headers {
            schemas.extend(header.get("schema"));
            schemas.extend(header.as_object().map(content_schemas).unwrap_or_default());
        }
    }
    schemas
}

/// The schemas under a `content` map of a parameter or header.
fn content_schemas(holder: &Map<String, Value>) -> Vec<&Value> {
    let media = holder.get("content").and_then(Value::as_object).into_iter().flat_map(Map::values);
    media.filter_map(|m| m.get("schema")).collect()
}

/// The first 3.1 construct in a schema and what it nests, described; walked with a stack, so any depth
/// is safe.
fn schema_construct(schema: &Value) -> Option<String> {
    let mut stack = vec![schema];
    while let Some(node) = stack.pop() {
        let Value::Object(map) = node else {
            if node.is_boolean() {
                return Some(format!("the boolean schema `{node}`"));
            }
            continue;
        };
        if let Some(construct) = keyword_construct(map) {
            return Some(construct);
        }
        for (keyword, child) in subschemas(map) {
            // `additionalProperties: true/false` is 3.0 too; a boolean anywhere else is a 3.1 schema.
            if !(keyword == "additionalProperties" && child.is_boolean()) {
                stack.push(child);
            }
        }
    }
    None
}

/// A keyword of this schema object (not its subschemas) that only 3.1 has, described.
fn keyword_construct(map: &Map<String, Value>) -> Option<String> {
    match map.get("type") {
        Some(Value::Array(types)) => return Some(format!("`type: {}`", Value::Array(types.clone()))),
        Some(Value::String(t)) if t == "null" => return Some("`type: null`".to_owned()),
        _ => {}
    }
    for bound in ["exclusiveMinimum", "exclusiveMaximum"] {
        if map.get(bound).is_some_and(Value::is_number) {
            return Some(format!("a numeric `{bound}`"));
        }
    }
    if map.get("examples").is_some_and(Value::is_array) {
        return Some("`examples`".to_owned());
    }
    KEYWORDS_ONLY_IN_3_1.iter().find(|k| map.contains_key(**k)).map(|k| format!("`{k}`"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn construct(schema: Value) -> Option<String> {
        schema_construct(&schema)
    }

    #[test]
    fn versions_parse_from_the_flag_and_from_documents() {
        assert_eq!("3.0".parse(), Ok(OpenApiVersion::V3_0));
        assert_eq!("3.1.0".parse(), Ok(OpenApiVersion::V3_1));
        assert!("3.10".parse::<OpenApiVersion>().is_err());
        assert!("2.0".parse::<OpenApiVersion>().is_err());
        assert_eq!(OpenApiVersion::of_document(&json!({"openapi": "3.0.3"})), Some(OpenApiVersion::V3_0));
        assert_eq!(OpenApiVersion::of_document(&json!({"swagger": "2.0"})), None);
    }

    #[test]
    fn schemas_of_3_0_hold_no_3_1_construct() {
        let schema = json!({"type": "object", "nullable": true, "additionalProperties": false,
            "properties": {"n": {"type": "integer", "minimum": 0, "exclusiveMinimum": true, "example": 1}}});
        assert_eq!(construct(schema), None);
    }

    #[test]
    fn each_3_1_construct_of_a_schema_is_named() {
        let nested = |inner: Value| json!({"type": "object", "properties": {"a": {"items": inner}}});
        assert_eq!(
            construct(nested(json!({"type": ["string", "null"]}))).as_deref(),
            Some("`type: [\"string\",\"null\"]`")
        );
        assert_eq!(construct(nested(json!({"type": "null"}))).as_deref(), Some("`type: null`"));
        assert_eq!(construct(nested(json!({"exclusiveMaximum": 5}))).as_deref(), Some("a numeric `exclusiveMaximum`"));
        assert_eq!(construct(nested(json!({"examples": ["a"]}))).as_deref(), Some("`examples`"));
        assert_eq!(construct(nested(json!({"const": 1}))).as_deref(), Some("`const`"));
        assert_eq!(construct(nested(json!({"$schema": "x"}))).as_deref(), Some("`$schema`"));
        assert_eq!(construct(nested(json!(false))).as_deref(), Some("the boolean schema `false`"));
    }

    #[test]
    fn the_api_names_the_first_construct_and_where_it_is() {
        let mut api = Api::default();
        assert_eq!(api.first_3_1_construct(), None);
        assert_eq!(OpenApiVersion::for_api(&api), OpenApiVersion::V3_0);
        api.types.insert("Pet".into(), json!({"properties": {"id": {"const": 1}}}));
        assert_eq!(api.first_3_1_construct().map(|c| c.to_string()).as_deref(), Some("`const` in schema `Pet`"));
        api.security_schemes.insert("tls".into(), json!({"type": "mutualTLS"}));
        let first = api.first_3_1_construct().map(|c| c.to_string());
        assert_eq!(first.as_deref(), Some("a `mutualTLS` security scheme in `tls`"));
        api.info.insert("license".into(), json!({"name": "MIT", "identifier": "MIT"}));
        let first = api.first_3_1_construct().map(|c| c.to_string());
        assert_eq!(first.as_deref(), Some("`license.identifier` in the info"));
        assert_eq!(OpenApiVersion::for_api(&api), OpenApiVersion::V3_1);
    }

    #[test]
    fn webhooks_and_operations_without_responses_need_3_1() {
        let source = crate::at(std::path::Path::new("a.api.mdx"), None);
        let operation = |value: Value| value.as_object().cloned().unwrap_or_default();
        let mut builder = crate::ApiBuilder::from_inlined();
        builder.add_operation("get", "/a", operation(json!({"operationId": "a"})), None, vec![], source.clone());
        let (api, _) = builder.finish();
        let first = api.first_3_1_construct().map(|c| c.to_string());
        assert_eq!(first.as_deref(), Some("an operation without responses in operation `a`"));
        let mut builder = crate::ApiBuilder::from_inlined();
        builder.add_operation("event", "webhook", operation(json!({"operationId": "ping"})), None, vec![], source);
        let (api, _) = builder.finish();
        assert_eq!(api.first_3_1_construct().map(|c| c.to_string()).as_deref(), Some("a webhook in `ping`"));
    }

    #[test]
    fn the_version_follows_the_docs_unless_one_is_asked_for() {
        let source = crate::at(std::path::Path::new("ping.api.mdx"), None);
        let mut builder = crate::ApiBuilder::from_inlined();
        let ping = json!({"operationId": "ping", "responses": {"200": {"description": "ok"}}});
        builder.add_operation("event", "webhook", ping.as_object().cloned().unwrap_or_default(), None, vec![], source);
        let (api, _) = builder.finish();
        let (version, note) = OpenApiVersion::choose(&api, None);
        assert_eq!(version, OpenApiVersion::V3_1);
        let note = note.map(|n| n.to_string());
        assert_eq!(
            note.as_deref(),
            Some(
                "<spec>: info[openapi-version]: writing OpenAPI 3.1.0, as the docs hold a webhook in `ping` (`--openapi 3.0` writes 3.0.3)"
            )
        );
        let (version, note) = OpenApiVersion::choose(&api, Some(OpenApiVersion::V3_0));
        assert_eq!(version, OpenApiVersion::V3_0);
        assert!(note.is_some_and(|n| n.message.contains("though the docs hold a webhook in `ping`")));
        assert_eq!(OpenApiVersion::choose(&Api::default(), None), (OpenApiVersion::V3_0, None));
    }
}
