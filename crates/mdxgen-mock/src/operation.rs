//! Each operation of the IR in the form the server reads per request: parameters with their styles and
//! schemas, bodies per media type, responses with their examples, and the credentials asked for.

use std::sync::OnceLock;

use mdxgen_ir::http::{Encoding, StatusMatch, essence};
use mdxgen_ir::{Api, HttpMethod, MediaType, Operation, Response};
use serde_json::Value;

use crate::generate::fitting_value;
use crate::params::MockParameter;
use crate::schemas::{Direction, LazySchema, SchemaSet};
use crate::security::Requirements;

#[derive(Debug)]
pub struct MockOperation {
    pub id: String,
    pub method: HttpMethod,
    pub path: String,
    pub parameters: Vec<MockParameter>,
    pub body: Option<MockBody>,
    pub responses: Vec<MockResponse>,
    pub security: Requirements,
}

#[derive(Debug)]
pub struct MockBody {
    pub required: bool,
    pub media: Vec<BodyMedia>,
}

#[derive(Debug)]
pub struct BodyMedia {
    /// Lower case, without parameters.
    pub media_type: String,
    /// How the body is read: decided by the IR for the generated client and server alike.
    pub encoding: Encoding,
    pub schema: LazySchema,
}

#[derive(Debug)]
pub struct MockResponse {
    /// As documented: `200`, `4XX`, `default`.
    pub status: String,
    pub media: Option<ResponseMedia>,
    /// Headers the docs mark required, with their schemas.
    pub headers: Vec<(String, LazySchema)>,
}

#[derive(Debug)]
pub struct ResponseMedia {
    /// The content type the answer is written with ([`Encoding::written_media_type`]).
    pub media_type: String,
    pub encoding: Encoding,
    pub schema: Option<LazySchema>,
    /// Named examples: the page's own first (`example`), then the media type's `example` and `examples`.
    pub examples: Vec<(String, Value)>,
    static_answer: OnceLock<Value>,
}

impl MockOperation {
    pub fn new(set: &SchemaSet, api: &Api, op: &Operation) -> Self {
        const IGNORED_HEADERS: [&str; 3] = ["accept", "content-type", "authorization"];
        let parameters = op
            .parameters
            .iter()
            .filter(|p| {
                p.location != mdxgen_ir::ParamLocation::Header
                    || !IGNORED_HEADERS.contains(&p.name.to_ascii_lowercase().as_str())
            })
            .map(|p| MockParameter::new(set, p))
            .collect();
        let body = op.request_body.as_ref().map(|body| MockBody {
            required: body.required,
            media: body
                .content
                .iter()
                .map(|m| BodyMedia {
                    media_type: essence(&m.media_type),
                    encoding: m.encoding(),
                    schema: schema_of(set, m, Direction::Request),
                })
                .collect(),
        });
        let responses = op.responses.iter().map(|r| MockResponse::new(set, op, r)).collect();
        Self {
            id: op.id.clone(),
            method: op.method,
            path: op.path.clone(),
            parameters,
            body,
            responses,
            security: Requirements::new(api, op),
        }
    }

    /// The response the mock gives when nothing else is asked: the first documented success, else the
    /// `default` one, else the first listed.
    pub fn success(&self) -> Option<&MockResponse> {
        let success = self.responses.iter().find(|r| r.status.starts_with('2'));
        success.or_else(|| self.responses.iter().find(|r| r.status == "default")).or(self.responses.first())
    }

    /// The documented response for a status code: exact, then its range (`4XX`), then `default`.
    pub fn response_for(&self, code: u16) -> Option<&MockResponse> {
        let exact = code.to_string();
        let range = format!("{}XX", code / 100);
        let find = |status: &str| self.responses.iter().find(|r| r.status.eq_ignore_ascii_case(status));
        find(&exact).or_else(|| find(&range)).or_else(|| find("default"))
    }
}

impl MockResponse {
    fn new(set: &SchemaSet, op: &Operation, response: &Response) -> Self {
        // The media type the generated server answers with: the first by the IR's preference.
        let media = response.content.iter().min_by_key(|m| m.encoding());
        let media = media.map(|m| ResponseMedia::new(set, op, &response.status, m));
        let headers = response
            .extra
            .get("headers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(_, h)| h.get("required") == Some(&Value::Bool(true)))
            .filter_map(|(name, h)| Some((name.clone(), LazySchema::new(set, h.get("schema")?, Direction::Response))))
            .collect();
        Self { status: response.status.clone(), media, headers }
    }

    /// The status code to send ([`StatusMatch::answered_code`], as the generated server's mock).
    pub fn code(&self) -> u16 {
        StatusMatch::parse(&self.status).map_or(200, StatusMatch::answered_code)
    }
}

impl ResponseMedia {
    fn new(set: &SchemaSet, op: &Operation, status: &str, media: &MediaType) -> Self {
        let page_examples = op
            .examples
            .iter()
            .filter(|e| e.status.as_deref() == Some(status))
            .filter(|e| e.media_type == media.media_type);
        let mut examples: Vec<(String, Value)> = page_examples.map(|e| ("docs".to_owned(), e.value.clone())).collect();
        examples.truncate(1);
        if let Some(example) = media.extra.get("example") {
            examples.push(("example".to_owned(), example.clone()));
        }
        for (name, example) in media.extra.get("examples").and_then(Value::as_object).into_iter().flatten() {
            if let Some(value) = example.get("value") {
                examples.push((name.clone(), value.clone()));
            }
        }
        let encoding = media.encoding();
        Self {
            media_type: encoding.written_media_type(&media.media_type),
            encoding,
            schema: media.schema.as_ref().map(|s| LazySchema::new(set, s, Direction::Response)),
            examples,
            static_answer: OnceLock::new(),
        }
    }

    /// The answer without `--dynamic`: the first documented example the schema accepts, else a value made
    /// from the schema (its own examples and defaults first). An example the schema rejects is reported once.
    pub fn static_answer(&self, set: &SchemaSet, warn: &dyn Fn(&str)) -> &Value {
        self.static_answer.get_or_init(|| {
            let Some(schema) = &self.schema else {
                return self.examples.first().map_or(Value::Null, |(_, v)| v.clone());
            };
            for (name, example) in &self.examples {
                let violations = schema.violations(set, example);
                match violations.first() {
                    None => return example.clone(),
                    Some(v) => warn(&format!(
                        "example `{name}` breaks its schema at `{}`: {}; a value made from the schema is served",
                        v.pointer, v.message
                    )),
                }
            }
            fitting_value(set, schema).unwrap_or_else(|closest| {
                warn("no value made from the schema fits it; the closest is served");
                closest
            })
        })
    }
}

fn schema_of(set: &SchemaSet, media: &MediaType, direction: Direction) -> LazySchema {
    let any = Value::Object(serde_json::Map::new());
    LazySchema::new(set, media.schema.as_ref().unwrap_or(&any), direction)
}
