//! From a request to a response: route, credentials, parameters and body checked against the docs, then the
//! documented answer (or the one `Prefer` asks for).

use axum::body::{Body, Bytes};
use axum::http::header::{ALLOW, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode, request::Parts};
use axum::response::Response;
use mdxgen_ir::ParamLocation;
use mdxgen_ir::http::{Encoding, missing_credentials_status};
use serde_json::{Map, Value, json};

use crate::Mock;
use crate::body;
use crate::operation::{MockOperation, MockResponse, ResponseMedia};
use crate::routes::Found;
use crate::security::Shown;

/// Bodies larger than this are refused (413): a mock has no use for them.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// One way a request breaks the docs.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `path`, `query`, `header`, `cookie` or `body`.
    pub location: &'static str,
    /// The parameter's name; for the body, the top-level property (empty: the body as a whole).
    pub name: String,
    /// Where in the value (JSON pointer), empty for the whole.
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A body's field is the pointer's first token; a parameter's name comes before its pointer.
        let name =
            if self.name.is_empty() || self.location == "body" { String::new() } else { format!(".{}", self.name) };
        write!(f, "{}{name}{}: {}", self.location, self.pointer, self.message)
    }
}

/// What the client asked for in `Prefer` (as Prism reads it): `code=404`, `example=name`, `dynamic=true`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Prefer {
    pub code: Option<u16>,
    pub example: Option<String>,
    pub dynamic: Option<bool>,
}

impl Prefer {
    pub fn from_headers(headers: &HeaderMap) -> Result<Self, String> {
        let mut prefer = Self::default();
        let values = headers.get_all("prefer").iter().filter_map(|v| v.to_str().ok());
        for token in values.flat_map(|v| v.split([',', ';'])).map(str::trim).filter(|t| !t.is_empty()) {
            let (key, value) = token.split_once('=').unwrap_or((token, ""));
            let value = value.trim().trim_matches('"');
            match key.trim().to_ascii_lowercase().as_str() {
                "code" => {
                    prefer.code = Some(value.parse().map_err(|_| format!("Prefer: code={value} is no status code"))?)
                }
                "example" => prefer.example = Some(value.to_owned()),
                "dynamic" => prefer.dynamic = Some(value != "false"),
                _ => {}
            }
        }
        Ok(prefer)
    }
}

/// A response and what the log line says about it.
pub struct Answer {
    pub response: Response,
    pub failures: Vec<Failure>,
}

impl Mock {
    pub(crate) async fn answer(&self, request: axum::extract::Request) -> Answer {
        let (parts, body) = request.into_parts();
        let (index, path_params) = match self.routes.find(parts.method.as_str(), parts.uri.path()) {
            Found::Operation { index, path_params } => (index, path_params),
            Found::NoRoute => return problem(404, "no operation of the docs has this path", Vec::new()).into(),
            Found::WrongMethod(allowed) => {
                let detail =
                    format!("{} is not documented on this path; it allows {}", parts.method, allowed.join(", "));
                let mut response = problem(405, &detail, Vec::new());
                if let Ok(value) = HeaderValue::from_str(&allowed.join(", ")) {
                    response.headers_mut().insert(ALLOW, value);
                }
                return response.into();
            }
        };
        let op = &self.operations[index];
        let query: Vec<(String, String)> =
            form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes()).into_owned().collect();
        let cookies = cookies(&parts.headers);
        if !op.security.met_by(&Shown { headers: &parts.headers, query: &query, cookies: &cookies }) {
            return self.unauthorized(op).into();
        }
        let mut failures = self.check_parameters(op, &path_params, &query, &parts.headers, &cookies);
        match self.check_body(op, &parts, body).await {
            Ok(body_failures) => failures.extend(body_failures),
            Err(response) => return Answer { response, failures },
        }
        if !failures.is_empty() {
            return Answer { response: self.invalid(op, &failures), failures };
        }
        let response = match Prefer::from_headers(&parts.headers) {
            Ok(prefer) => self.documented(op, &prefer),
            Err(message) => problem(422, &message, Vec::new()),
        };
        response.into()
    }

    fn check_parameters(
        &self,
        op: &MockOperation,
        path_params: &[(String, String)],
        query: &[(String, String)],
        headers: &HeaderMap,
        cookies: &[(String, String)],
    ) -> Vec<Failure> {
        let mut failures = Vec::new();
        for parameter in &op.parameters {
            let text = |found: Option<&str>| found.map(|t| parameter.read_text(t));
            let value = match parameter.location {
                ParamLocation::Path => {
                    text(path_params.iter().find(|(n, _)| *n == parameter.name).map(|(_, v)| v.as_str()))
                }
                ParamLocation::Query => parameter.read_query(query),
                ParamLocation::Header => {
                    let values: Vec<&str> =
                        headers.get_all(parameter.name.as_str()).iter().filter_map(|v| v.to_str().ok()).collect();
                    text((!values.is_empty()).then(|| values.join(",")).as_deref())
                }
                ParamLocation::Cookie => {
                    text(cookies.iter().find(|(n, _)| *n == parameter.name).map(|(_, v)| v.as_str()))
                }
            };
            let location = parameter.location.as_str();
            let failure =
                |pointer: String, message: String| Failure { location, name: parameter.name.clone(), pointer, message };
            match value {
                None if parameter.required => failures.push(failure(String::new(), "is required".to_owned())),
                None => {}
                Some(value) => failures.extend(
                    parameter.schema.violations(&self.set, &value).into_iter().map(|v| failure(v.pointer, v.message)),
                ),
            }
        }
        failures
    }

    /// The body's failures, or the response that ends the request (415, 413).
    async fn check_body(&self, op: &MockOperation, parts: &Parts, body: Body) -> Result<Vec<Failure>, Response> {
        let Some(documented) = &op.body else { return Ok(Vec::new()) };
        let bytes: Bytes = axum::body::to_bytes(body, BODY_LIMIT)
            .await
            .map_err(|_| problem(413, "the body is larger than 16 MiB", Vec::new()))?;
        let failure =
            |name: String, pointer: String, message: String| Failure { location: "body", name, pointer, message };
        let content_type = parts.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
        // As the generated server reads it: a body is sent when it has bytes or a media type (an empty file
        // is a body).
        let Some(content_type) = content_type.or((!bytes.is_empty()).then_some("")) else {
            let missing =
                documented.required.then(|| failure(String::new(), String::new(), "a body is required".to_owned()));
            return Ok(missing.into_iter().collect());
        };
        let Some(media) = body::select(documented, content_type) else {
            let listed: Vec<&str> = documented.media.iter().map(|m| m.media_type.as_str()).collect();
            let detail =
                format!("`{content_type}` is not a media type of this body; the docs list {}", listed.join(", "));
            return Err(self.error(op, 415, &detail, &[]));
        };
        match body::read(&self.set, media, content_type, bytes).await {
            Ok(value) => Ok(media
                .schema
                .violations(&self.set, &value)
                .into_iter()
                .map(|v| failure(top_level_name(&v.pointer), v.pointer, v.message))
                .collect()),
            Err(message) => Ok(vec![failure(String::new(), String::new(), message)]),
        }
    }

    /// The status [`missing_credentials_status`] chooses; a 401 with a challenge.
    fn unauthorized(&self, op: &MockOperation) -> Response {
        let detail = "credentials are required (see the docs' security schemes)";
        if missing_credentials_status(op.responses.iter().map(|r| r.status.as_str())) == 403 {
            return self.error(op, 403, detail, &[]);
        }
        let mut response = self.error(op, 401, detail, &[]);
        let challenges =
            if op.security.challenges.is_empty() { vec!["bearer".to_owned()] } else { op.security.challenges.clone() };
        let challenge: Vec<String> = challenges.iter().map(|s| capitalized(s)).collect();
        if let Ok(value) = HeaderValue::from_str(&challenge.join(", ")) {
            response.headers_mut().insert(WWW_AUTHENTICATE, value);
        }
        response
    }

    /// 400 with the documented error body: a map of field name to messages where the documented schema
    /// takes one (authentik's `ValidationError`), else the problem JSON where it takes that, else the
    /// documented error example; a problem JSON where no 400 is documented.
    fn invalid(&self, op: &MockOperation, failures: &[Failure]) -> Response {
        let detail = "the request does not match the docs";
        let Some((documented, media)) = documented_media(op, 400) else {
            return problem(400, detail, failures.to_vec());
        };
        let Some(schema) = &media.schema else { return self.error(op, 400, detail, failures) };
        let root = schema
            .resolved(&self.set)
            .get("properties")
            .and_then(|p| p.get("non_field_errors"))
            .map_or("body", |_| "non_field_errors");
        let fields = field_messages(failures, root);
        if schema.accepts(&self.set, &fields) {
            return json_response(documented.code_for(400), media, &fields);
        }
        self.error(op, 400, detail, failures)
    }

    /// An error of `code`: the documented response for it where the docs give one (the problem JSON if its
    /// schema takes that, else the documented answer), else a problem JSON.
    fn error(&self, op: &MockOperation, code: u16, detail: &str, failures: &[Failure]) -> Response {
        let body = problem_body(code, detail, failures);
        match documented_media(op, code) {
            Some((documented, media)) if media.schema.as_ref().is_some_and(|s| s.accepts(&self.set, &body)) => {
                json_response(documented.code_for(code), media, &body)
            }
            Some((documented, media)) => {
                let value = media.static_answer(&self.set, &|m| self.warn(op, &documented.status, m)).clone();
                json_response(documented.code_for(code), media, &value)
            }
            None if op.response_for(code).is_some_and(|r| r.media.is_none()) => status_only(code),
            None => problem(code, detail, failures.to_vec()),
        }
    }

    /// The documented answer, as `Prefer` chooses: its status (else the first success), its named example
    /// (else the static answer, or a fresh value in dynamic mode).
    fn documented(&self, op: &MockOperation, prefer: &Prefer) -> Response {
        let (response, code) = match prefer.code {
            Some(code) => match op.response_for(code) {
                Some(response) => (response, response.code_for(code)),
                None => {
                    let listed: Vec<&str> = op.responses.iter().map(|r| r.status.as_str()).collect();
                    return problem(
                        422,
                        &format!("Prefer: code={code} is not documented; the docs list {}", listed.join(", ")),
                        Vec::new(),
                    );
                }
            },
            None => match op.success() {
                Some(response) => (response, response.code()),
                None => return status_only(200),
            },
        };
        let Some(media) = &response.media else { return self.with_headers(status_only(code), response) };
        let value = match &prefer.example {
            Some(name) => match media.examples.iter().find(|(n, _)| n == name) {
                Some((_, value)) => value.clone(),
                None => {
                    let names: Vec<&str> = media.examples.iter().map(|(n, _)| n.as_str()).collect();
                    let listed = if names.is_empty() { "none".to_owned() } else { names.join(", ") };
                    return problem(
                        422,
                        &format!(
                            "Prefer: example={name} is not documented for {}; the docs hold {listed}",
                            response.status
                        ),
                        Vec::new(),
                    );
                }
            },
            None if prefer.dynamic.unwrap_or(self.dynamic) => self.fresh_value(op, response, media),
            None => media.static_answer(&self.set, &|m| self.warn(op, &response.status, m)).clone(),
        };
        self.with_headers(json_response(code, media, &value), response)
    }

    /// A value made from the schema for this request, checked against it; after a few rejected tries, the
    /// static answer (which the schema accepts).
    fn fresh_value(&self, op: &MockOperation, response: &MockResponse, media: &ResponseMedia) -> Value {
        if let Some(schema) = &media.schema {
            for _ in 0..8 {
                let value = crate::generate::Generator::random(&self.set, schema.direction, self.next_seed())
                    .value(&schema.schema);
                if schema.accepts(&self.set, &value) {
                    return value;
                }
            }
        }
        media.static_answer(&self.set, &|m| self.warn(op, &response.status, m)).clone()
    }

    /// The response's required headers, with values made from their schemas.
    fn with_headers(&self, mut http: Response, response: &MockResponse) -> Response {
        for (name, schema) in &response.headers {
            let value = crate::generate::Generator::documented(&self.set, schema.direction).value(&schema.schema);
            let text = match value {
                Value::String(text) => text,
                other => other.to_string(),
            };
            if let (Ok(name), Ok(value)) =
                (axum::http::HeaderName::try_from(name.as_str()), HeaderValue::from_str(&text))
            {
                http.headers_mut().insert(name, value);
            }
        }
        http
    }

    fn warn(&self, op: &MockOperation, status: &str, message: &str) {
        eprintln!("warning[mock-example]: {} {} ({}) {status}: {message}", op.method, op.path, op.id);
    }
}

impl MockResponse {
    /// The code to send for a request of `code` this response documents (a range or `default` keeps it).
    fn code_for(&self, code: u16) -> u16 {
        if self.status.chars().all(|c| c.is_ascii_digit()) { self.code() } else { code }
    }
}

impl From<Response> for Answer {
    fn from(response: Response) -> Self {
        Self { response, failures: Vec::new() }
    }
}

fn documented_media(op: &MockOperation, code: u16) -> Option<(&MockResponse, &ResponseMedia)> {
    let response = op.response_for(code)?;
    Some((response, response.media.as_ref()?))
}

/// `bearer` -> `Bearer`, as challenges are usually written.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `/name/0` -> `name`: the field a body failure belongs to.
fn top_level_name(pointer: &str) -> String {
    let token = pointer.strip_prefix('/').and_then(|p| p.split('/').next()).unwrap_or_default();
    token.replace("~1", "/").replace("~0", "~")
}

/// `{field: [messages]}`, failures of the body as a whole under `root`.
fn field_messages(failures: &[Failure], root: &str) -> Value {
    let mut fields: Map<String, Value> = Map::new();
    for failure in failures {
        let name = if failure.name.is_empty() { root.to_owned() } else { failure.name.clone() };
        let deeper = failure
            .pointer
            .strip_prefix(&format!("/{}", failure.name))
            .filter(|p| !p.is_empty() && failure.location == "body");
        let message = match deeper {
            Some(pointer) => format!("{pointer}: {}", failure.message),
            None => failure.message.clone(),
        };
        let entry = fields.entry(name).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(messages) = entry {
            messages.push(Value::String(message));
        }
    }
    Value::Object(fields)
}

/// An RFC 9457 problem: `errors` names each failing place.
fn problem_body(code: u16, detail: &str, failures: &[Failure]) -> Value {
    let title = StatusCode::from_u16(code).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    let mut body = json!({"type": "about:blank", "title": title, "status": code, "detail": detail});
    if !failures.is_empty() {
        let errors: Vec<Value> = failures
            .iter()
            .map(|f| json!({"location": f.location, "name": f.name, "pointer": f.pointer, "message": f.message}))
            .collect();
        body["errors"] = Value::Array(errors);
    }
    body
}

fn problem(code: u16, detail: &str, failures: Vec<Failure>) -> Response {
    let body = serde_json::to_vec(&problem_body(code, detail, &failures)).unwrap_or_default();
    with_body(code, "application/problem+json", body)
}

fn status_only(code: u16) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::from_u16(code).unwrap_or(StatusCode::OK);
    response
}

/// The value as the media type's body: JSON text, or the text itself for a string of another media type.
fn json_response(code: u16, media: &ResponseMedia, value: &Value) -> Response {
    if matches!(code, 204 | 205 | 304) {
        return status_only(code);
    }
    let bytes = match value {
        Value::String(text) if media.encoding != Encoding::Json => text.clone().into_bytes(),
        other => serde_json::to_vec(other).unwrap_or_default(),
    };
    with_body(code, &media.media_type, bytes)
}

fn with_body(code: u16, content_type: &str, bytes: Vec<u8>) -> Response {
    let mut response = status_only(code);
    *response.body_mut() = Body::from(bytes);
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

fn cookies(headers: &HeaderMap) -> Vec<(String, String)> {
    let values = headers.get_all("cookie").iter().filter_map(|v| v.to_str().ok());
    values
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .map(|(k, v)| {
            (k.trim().to_owned(), percent_encoding::percent_decode_str(v.trim()).decode_utf8_lossy().into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefer_reads_code_example_and_dynamic() {
        let mut headers = HeaderMap::new();
        headers.insert("prefer", HeaderValue::from_static("code=404, example=\"missing\"; dynamic=true"));
        let prefer = Prefer::from_headers(&headers).unwrap();
        assert_eq!(prefer, Prefer { code: Some(404), example: Some("missing".into()), dynamic: Some(true) });
        headers.insert("prefer", HeaderValue::from_static("code=abc"));
        assert!(Prefer::from_headers(&headers).is_err());
    }

    #[test]
    fn failures_become_field_messages() {
        let failures = [
            Failure { location: "body", name: "name".into(), pointer: "/name".into(), message: "too long".into() },
            Failure {
                location: "body",
                name: "tags".into(),
                pointer: "/tags/0".into(),
                message: "not a string".into(),
            },
            Failure {
                location: "body",
                name: String::new(),
                pointer: String::new(),
                message: "\"x\" is required".into(),
            },
            Failure {
                location: "query",
                name: "page".into(),
                pointer: String::new(),
                message: "not an integer".into(),
            },
        ];
        assert_eq!(
            field_messages(&failures, "non_field_errors"),
            json!({"name": ["too long"], "tags": ["/0: not a string"], "non_field_errors": ["\"x\" is required"], "page": ["not an integer"]})
        );
    }
}
