//! The runtime of a generated server (`src/server.rs`): what every handler shares, in `rt` (reading the
//! request: captures, query, headers, cookies, the body up to a limit; turning parameter text into the JSON
//! its type reads; credentials; writing answers), and the fixed types the generated code uses beside it.
//! The generated code adds `SCHEMES`, the `Api` trait, the request and response types, the handlers, the
//! router and `MockApi`. Not every API uses every reader.

/// The support module's validation errors, which the handlers report (the generator gives every crate with
/// a server the support module's `validation` part).
pub use super::support::{ValidationError, join_path};

/// A credential a request carries, handed to the implementation to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `Authorization: Bearer <token>` (http bearer, OAuth 2, OpenID Connect).
    Bearer { scheme: &'static str, token: String },
    /// `Authorization: Basic` user name and password.
    Basic { scheme: &'static str, user: String, password: Option<String> },
    /// An API key from its header, query parameter or cookie.
    ApiKey { scheme: &'static str, key: String },
}

/// An answer of [`MockApi`] that does not decode into its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockError {
    /// The operationId.
    pub operation: &'static str,
    pub reason: String,
}

impl std::fmt::Display for MockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the mock answer of `{}` does not decode: {}", self.operation, self.reason)
    }
}

impl std::error::Error for MockError {}

#[allow(dead_code)]
mod rt {
    use std::collections::BTreeMap;

    use axum::body::{Body, Bytes};
    use axum::extract::{FromRequest, FromRequestParts};
    use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value, json};

    use super::{Credential, ValidationError, join_path};

    /// The largest request body read, in bytes; a larger one is answered 413.
    pub const BODY_LIMIT: usize = 2 * 1024 * 1024;
    /// The deepest JSON body read; a deeper one is answered 400 before it is parsed.
    pub const JSON_DEPTH_LIMIT: usize = 64;

    #[derive(Debug, Clone, Copy)]
    pub enum Scheme {
        Bearer,
        Basic,
        Header(&'static str),
        Query(&'static str),
        Cookie(&'static str),
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Style {
        Simple,
        Form,
        SpaceDelimited,
        PipeDelimited,
        DeepObject,
        Label,
        Matrix,
    }

    /// What one item of text becomes before the parameter's type reads it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        String,
        Integer,
        Number,
        Boolean,
        Json,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Shape {
        Scalar(Kind),
        Array(Kind),
        Object,
    }

    /// How a parameter is read.
    #[derive(Debug, Clone, Copy)]
    pub struct Param {
        pub wire: &'static str,
        pub style: Style,
        pub explode: bool,
        pub shape: Shape,
        pub required: bool,
    }

    /// A path parameter's capture and the literal text around it in its segment.
    #[derive(Debug, Clone, Copy)]
    pub struct Capture {
        pub name: &'static str,
        pub prefix: &'static str,
        pub suffix: &'static str,
    }

    /// One part of a multipart body.
    #[derive(Debug, Clone, Copy)]
    pub struct Part {
        pub name: &'static str,
        pub file: bool,
        pub many: bool,
        pub kind: Kind,
    }

    /// The answer to an invalid or unauthenticated request.
    #[derive(Debug, Clone, Copy)]
    pub enum Reply {
        /// Field names as keys, lists of messages as values.
        FieldMap {
            status: u16,
            root_key: &'static str,
        },
        /// The documented body, with the message in its message field.
        Template {
            status: u16,
            json: &'static str,
            message_field: Option<&'static str>,
        },
        Problem {
            status: u16,
        },
    }

    /// A request answered before its operation sees it (413, 415, a broken path), boxed: a `Response` is
    /// large, and a `Result` carrying it should stay small.
    pub struct Refusal(Box<Response>);

    impl From<Response> for Refusal {
        fn from(response: Response) -> Self {
            Self(Box::new(response))
        }
    }

    impl IntoResponse for Refusal {
        fn into_response(self) -> Response {
            *self.0
        }
    }

    /// A request, read.
    pub struct Input {
        captures: Vec<(String, String)>,
        query: Vec<(String, String)>,
        headers: HeaderMap,
        body: Bytes,
        /// What is wrong with the request so far.
        pub errors: Vec<ValidationError>,
    }

    impl Input {
        /// Reads the request's parts and its body (413 beyond [`BODY_LIMIT`]).
        pub async fn read(request: axum::extract::Request) -> Result<Self, Refusal> {
            let (mut parts, body) = request.into_parts();
            let declared = parts
                .headers
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok());
            if declared.is_some_and(|length| length > BODY_LIMIT) {
                return Err(Refusal::from(too_large()));
            }
            let captures = match axum::extract::RawPathParams::from_request_parts(&mut parts, &()).await {
                Ok(params) => params.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
                Err(_) => {
                    return Err(Refusal::from(problem(StatusCode::BAD_REQUEST, "a path segment is not UTF-8", None)));
                }
            };
            let query = parts
                .uri
                .query()
                .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                .unwrap_or_default();
            let Ok(body) = axum::body::to_bytes(body, BODY_LIMIT).await else { return Err(Refusal::from(too_large())) };
            Ok(Self { captures, query, headers: parts.headers, body, errors: Vec::new() })
        }

        fn problem(&mut self, path: &str, message: &str) {
            self.errors.push(ValidationError::new(path, message));
        }

        /// A path parameter.
        pub fn path<T: DeserializeOwned>(&mut self, param: &Param, capture: &Capture) -> Option<T> {
            let raw = self.captures.iter().find(|(k, _)| k == capture.name).map(|(_, v)| v.clone());
            let Some(text) = raw
                .as_deref()
                .and_then(|t| t.strip_prefix(capture.prefix))
                .and_then(|t| t.strip_suffix(capture.suffix))
            else {
                self.problem(param.wire, "is required");
                return None;
            };
            let text = match param.style {
                Style::Label => text.strip_prefix('.').unwrap_or(text).to_owned(),
                Style::Matrix => {
                    let own = format!(";{}=", param.wire);
                    if param.explode {
                        text.replace(&own, ",").trim_start_matches(',').to_owned()
                    } else {
                        text.strip_prefix(&own).unwrap_or(text).to_owned()
                    }
                }
                _ => text.to_owned(),
            };
            let separator = if param.style == Style::Label && param.explode { '.' } else { ',' };
            let items = split(&text, param.shape, separator);
            self.typed(param, Some(items))
        }

        /// A query parameter.
        pub fn query<T: DeserializeOwned>(&mut self, param: &Param) -> Option<T> {
            if param.style == Style::DeepObject
                || (param.shape == Shape::Object && param.explode && param.style == Style::Form)
            {
                let prefix = format!("{}[", param.wire);
                let object: Map<String, Value> = self
                    .query
                    .iter()
                    .filter_map(|(k, v)| {
                        let key = k.strip_prefix(&prefix)?.strip_suffix(']')?;
                        Some((key.to_owned(), Value::String(v.clone())))
                    })
                    .collect();
                if object.is_empty() {
                    return self.typed(param, self.query_values(param.wire).first().map(|v| vec![v.clone()]));
                }
                return self.object(param, object);
            }
            let values = self.query_values(param.wire);
            if values.is_empty() {
                return self.typed(param, None);
            }
            let separator = match param.style {
                Style::SpaceDelimited => ' ',
                Style::PipeDelimited => '|',
                _ => ',',
            };
            let items = match param.shape {
                Shape::Array(_) if param.explode && param.style == Style::Form => values,
                _ => split(&values[0], param.shape, separator),
            };
            self.typed(param, Some(items))
        }

        fn query_values(&self, wire: &str) -> Vec<String> {
            self.query.iter().filter(|(k, _)| k == wire).map(|(_, v)| v.clone()).collect()
        }

        /// A header parameter.
        pub fn header<T: DeserializeOwned>(&mut self, param: &Param) -> Option<T> {
            let values: Vec<&str> = self.headers.get_all(param.wire).iter().filter_map(|v| v.to_str().ok()).collect();
            if values.is_empty() {
                return self.typed(param, None);
            }
            let items = split(&values.join(","), param.shape, ',');
            self.typed(param, Some(items))
        }

        /// A cookie parameter.
        pub fn cookie<T: DeserializeOwned>(&mut self, param: &Param) -> Option<T> {
            match self.cookie_value(param.wire) {
                Some(text) => {
                    let items = split(&text, param.shape, ',');
                    self.typed(param, Some(items))
                }
                None => self.typed(param, None),
            }
        }

        fn cookie_value(&self, name: &str) -> Option<String> {
            self.headers
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(k, _)| *k == name)
                .map(|(_, v)| percent_decode(v))
        }

        /// The items of text as the parameter's type; a missing required one, or text the type does not
        /// read, is a problem named after the parameter.
        fn typed<T: DeserializeOwned>(&mut self, param: &Param, items: Option<Vec<String>>) -> Option<T> {
            let Some(items) = items else {
                if param.required {
                    self.problem(param.wire, "is required");
                }
                return None;
            };
            let value = match param.shape {
                Shape::Scalar(kind) => items.first().map_or(Value::Null, |item| coerce(item, kind)),
                Shape::Array(kind) => Value::Array(items.iter().map(|item| coerce(item, kind)).collect()),
                Shape::Object => match items.as_slice() {
                    [single] => serde_json::from_str(single).unwrap_or_else(|_| Value::String(single.clone())),
                    pairs => Value::Object(
                        pairs
                            .chunks(2)
                            .map(|kv| (kv[0].clone(), Value::String(kv.get(1).cloned().unwrap_or_default())))
                            .collect(),
                    ),
                },
            };
            self.read_value(param.wire, value)
        }

        /// An object of text values: read as text first, then with numbers and booleans recognised.
        fn object<T: DeserializeOwned>(&mut self, param: &Param, object: Map<String, Value>) -> Option<T> {
            if let Ok(value) = serde_json::from_value(Value::Object(object.clone())) {
                return Some(value);
            }
            let guessed = object.into_iter().map(|(k, v)| {
                let v = match v {
                    Value::String(text) => serde_json::from_str::<Value>(&text)
                        .ok()
                        .filter(|v| !v.is_object() && !v.is_array())
                        .unwrap_or(Value::String(text)),
                    other => other,
                };
                (k, v)
            });
            self.read_value(param.wire, Value::Object(guessed.collect()))
        }

        fn read_value<T: DeserializeOwned>(&mut self, wire: &str, value: Value) -> Option<T> {
            match serde_path_to_error::deserialize(value) {
                Ok(value) => Some(value),
                Err(error) => {
                    self.type_problem(wire, &error);
                    None
                }
            }
        }

        fn type_problem<E: std::fmt::Display>(&mut self, base: &str, error: &serde_path_to_error::Error<E>) {
            let path = error.path().iter().fold(base.to_owned(), |path, segment| {
                let key = match segment {
                    serde_path_to_error::Segment::Seq { index } => index.to_string(),
                    serde_path_to_error::Segment::Map { key } => key.clone(),
                    serde_path_to_error::Segment::Enum { variant } => variant.clone(),
                    serde_path_to_error::Segment::Unknown => return path,
                };
                join_path(&path, &key)
            });
            let message = error.inner().to_string();
            // serde names a missing field in its message, at the path of the object that lacks it.
            match message.strip_prefix("missing field `").and_then(|m| m.split_once('`')) {
                Some((field, _)) => self.problem(&join_path(&path, field), "is required"),
                None => self.problem(&path, &message),
            }
        }

        /// Whether the request has a body; a body of a media type the operation does not take is 415.
        fn body_present(&mut self, accepted: &[&str], required: bool) -> Result<bool, Refusal> {
            let content_type = self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
            let essence = content_type.map(|c| c.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
            match essence {
                None if self.body.is_empty() => {
                    if required {
                        self.problem("", "the request body is required");
                    }
                    Ok(false)
                }
                Some(essence) if accepted.iter().any(|a| accepts(a, &essence)) => Ok(true),
                _ => Err(Refusal::from(problem(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    &format!("the body must be one of: {}", accepted.join(", ")),
                    None,
                ))),
            }
        }

        /// A JSON body, depth-checked before it is parsed.
        pub fn json_body<T: DeserializeOwned>(
            &mut self,
            accepted: &[&str],
            required: bool,
        ) -> Result<Option<T>, Refusal> {
            if !self.body_present(accepted, required)? {
                return Ok(None);
            }
            if json_depth(&self.body) > JSON_DEPTH_LIMIT {
                self.problem("", &format!("the body nests deeper than {JSON_DEPTH_LIMIT} levels"));
                return Ok(None);
            }
            let mut deserializer = serde_json::Deserializer::from_slice(&self.body);
            match serde_path_to_error::deserialize(&mut deserializer) {
                Ok(value) => {
                    if let Err(error) = deserializer.end() {
                        self.problem("", &error.to_string());
                        return Ok(None);
                    }
                    Ok(Some(value))
                }
                Err(error) => {
                    self.type_problem("", &error);
                    Ok(None)
                }
            }
        }

        /// An `application/x-www-form-urlencoded` body.
        pub fn form_body<T: DeserializeOwned>(
            &mut self,
            accepted: &[&str],
            required: bool,
        ) -> Result<Option<T>, Refusal> {
            if !self.body_present(accepted, required)? {
                return Ok(None);
            }
            let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(&self.body));
            match serde_path_to_error::deserialize(deserializer) {
                Ok(value) => Ok(Some(value)),
                Err(error) => {
                    self.type_problem("", &error);
                    Ok(None)
                }
            }
        }

        /// A `multipart/form-data` body: text parts read by their field's kind, file parts as their bytes.
        pub async fn multipart_body<T: DeserializeOwned>(
            &mut self,
            accepted: &[&str],
            required: bool,
            parts: &[Part],
        ) -> Result<Option<T>, Refusal> {
            if !self.body_present(accepted, required)? {
                return Ok(None);
            }
            let mut request = axum::extract::Request::new(Body::from(self.body.clone()));
            if let Some(content_type) = self.headers.get(header::CONTENT_TYPE) {
                request.headers_mut().insert(header::CONTENT_TYPE, content_type.clone());
            }
            let Ok(mut multipart) = axum::extract::Multipart::from_request(request, &()).await else {
                self.problem("", "the body is not multipart/form-data with a boundary");
                return Ok(None);
            };
            let mut object = Map::new();
            loop {
                let field = match multipart.next_field().await {
                    Ok(Some(field)) => field,
                    Ok(None) => break,
                    // A form without parts (`--boundary--`, what a client sends for a body with every field
                    // unset) is an empty form; the model's own rules then say what is missing.
                    Err(_) if object.is_empty() => break,
                    Err(error) => {
                        self.problem("", &error.body_text());
                        return Ok(None);
                    }
                };
                let name = field.name().unwrap_or_default().to_owned();
                let part = parts.iter().find(|p| p.name == name);
                let Ok(bytes) = field.bytes().await else {
                    self.problem(&name, "the part cannot be read");
                    return Ok(None);
                };
                let value = match part {
                    Some(part) if part.file => Value::Array(bytes.iter().map(|b| json!(b)).collect()),
                    Some(part) => coerce(&String::from_utf8_lossy(&bytes), part.kind),
                    None => Value::String(String::from_utf8_lossy(&bytes).into_owned()),
                };
                if part.is_some_and(|p| p.many) {
                    if let Value::Array(items) = object.entry(name).or_insert_with(|| Value::Array(Vec::new())) {
                        items.push(value);
                    }
                } else if object.insert(name.clone(), value).is_some() && part.is_some() {
                    // Taking one of them would accept a request the docs do not allow.
                    self.problem(&name, "the part is sent more than once");
                }
            }
            match serde_path_to_error::deserialize(Value::Object(object)) {
                Ok(value) => Ok(Some(value)),
                Err(error) => {
                    self.type_problem("", &error);
                    Ok(None)
                }
            }
        }

        /// A binary body.
        pub fn bytes_body(&mut self, accepted: &[&str], required: bool) -> Result<Option<Vec<u8>>, Refusal> {
            Ok(self.body_present(accepted, required)?.then(|| self.body.to_vec()))
        }

        /// A text body (UTF-8).
        pub fn text_body(&mut self, accepted: &[&str], required: bool) -> Result<Option<String>, Refusal> {
            if !self.body_present(accepted, required)? {
                return Ok(None);
            }
            match String::from_utf8(self.body.to_vec()) {
                Ok(text) => Ok(Some(text)),
                Err(_) => {
                    self.problem("", "the body is not UTF-8 text");
                    Ok(None)
                }
            }
        }

        /// The credentials of the first alternative the request holds every one of (empty: none).
        pub fn credentials(&self, schemes: &[(&'static str, Scheme)], alternatives: &[&[usize]]) -> Vec<Credential> {
            for alternative in alternatives {
                let found: Vec<Credential> = alternative
                    .iter()
                    .filter_map(|i| schemes.get(*i))
                    .filter_map(|(name, scheme)| self.credential(name, *scheme))
                    .collect();
                if found.len() == alternative.len() {
                    return found;
                }
            }
            Vec::new()
        }

        fn credential(&self, name: &'static str, scheme: Scheme) -> Option<Credential> {
            let authorization = || self.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
            match scheme {
                Scheme::Bearer => {
                    let value = authorization()?;
                    let (kind, token) = value.split_once(' ')?;
                    kind.eq_ignore_ascii_case("bearer")
                        .then(|| Credential::Bearer { scheme: name, token: token.trim().to_owned() })
                }
                Scheme::Basic => {
                    use base64::Engine as _;
                    let value = authorization()?;
                    let (kind, encoded) = value.split_once(' ')?;
                    if !kind.eq_ignore_ascii_case("basic") {
                        return None;
                    }
                    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
                    let decoded = String::from_utf8(decoded).ok()?;
                    let (user, password) = match decoded.split_once(':') {
                        Some((user, password)) => (user.to_owned(), Some(password.to_owned())),
                        None => (decoded, None),
                    };
                    Some(Credential::Basic { scheme: name, user, password })
                }
                Scheme::Header(header) => {
                    let key = self.headers.get(header)?.to_str().ok()?.to_owned();
                    Some(Credential::ApiKey { scheme: name, key })
                }
                Scheme::Query(parameter) => {
                    let key = self.query.iter().find(|(k, _)| k == parameter)?.1.clone();
                    Some(Credential::ApiKey { scheme: name, key })
                }
                Scheme::Cookie(cookie) => Some(Credential::ApiKey { scheme: name, key: self.cookie_value(cookie)? }),
            }
        }
    }

    /// Whether a documented media type, or range (`*/*`, `application/*`), takes a body of `essence`.
    fn accepts(accepted: &str, essence: &str) -> bool {
        match accepted.strip_suffix("/*") {
            Some("*") => true,
            Some(kind) => essence.split_once('/').is_some_and(|(k, _)| k == kind),
            None => accepted == essence,
        }
    }

    /// Items of a parameter's text: split by the style's separator for arrays and objects.
    fn split(text: &str, shape: Shape, separator: char) -> Vec<String> {
        match shape {
            Shape::Scalar(_) => vec![text.to_owned()],
            Shape::Array(_) if text.is_empty() => Vec::new(),
            Shape::Array(_) | Shape::Object if text.starts_with(['{', '[']) => vec![text.to_owned()],
            Shape::Array(_) | Shape::Object => text.split(separator).map(str::to_owned).collect(),
        }
    }

    /// Text as JSON of its kind; text that is not of it stays a string, so that the type names the problem.
    fn coerce(text: &str, kind: Kind) -> Value {
        let parsed = match kind {
            Kind::String => None,
            Kind::Integer => {
                text.parse::<i64>().map(Value::from).or_else(|_| text.parse::<u64>().map(Value::from)).ok()
            }
            Kind::Number => text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number),
            Kind::Boolean => match text {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            Kind::Json => serde_json::from_str(text).ok(),
        };
        parsed.unwrap_or_else(|| Value::String(text.to_owned()))
    }

    fn percent_decode(text: &str) -> String {
        form_urlencoded::parse(format!("v={}", text.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    }

    /// How deep arrays and objects nest in `body`, without parsing it (strings skipped).
    fn json_depth(body: &[u8]) -> usize {
        let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
        for byte in body {
            if in_string {
                match (escaped, byte) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        deepest
    }

    fn status(code: u16) -> StatusCode {
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// `code` when it is in the range `digit`xx, else the range's first status.
    pub fn in_range(code: u16, digit: u16) -> u16 {
        if code / 100 == digit { code } else { digit * 100 }
    }

    fn with_type(mut response: Response, content_type: &'static str) -> Response {
        if let Ok(value) = HeaderValue::from_str(content_type) {
            response.headers_mut().insert(header::CONTENT_TYPE, value);
        }
        response
    }

    pub fn json<T: Serialize>(code: u16, content_type: &'static str, body: &T) -> Response {
        match serde_json::to_vec(body) {
            Ok(bytes) => with_type((status(code), bytes).into_response(), content_type),
            Err(error) => {
                problem(StatusCode::INTERNAL_SERVER_ERROR, &format!("the response does not serialize: {error}"), None)
            }
        }
    }

    pub fn text(code: u16, content_type: &'static str, body: String) -> Response {
        with_type((status(code), body).into_response(), content_type)
    }

    pub fn bytes(code: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        with_type((status(code), body).into_response(), content_type)
    }

    pub fn empty(code: u16) -> Response {
        status(code).into_response()
    }

    /// An RFC 9457 problem: title, status, detail, and the problems by field.
    pub fn problem(code: StatusCode, detail: &str, errors: Option<&[ValidationError]>) -> Response {
        let mut body = json!({
            "title": code.canonical_reason().unwrap_or("Error"),
            "status": code.as_u16(),
            "detail": detail,
        });
        if let (Some(errors), Value::Object(object)) = (errors, &mut body) {
            object.insert("errors".to_owned(), by_field(errors, ""));
        }
        with_type((code, body.to_string()).into_response(), "application/problem+json")
    }

    fn too_large() -> Response {
        problem(StatusCode::PAYLOAD_TOO_LARGE, &format!("the body is larger than {BODY_LIMIT} bytes"), None)
    }

    /// 404 for a path no operation has.
    pub async fn not_found() -> Response {
        problem(StatusCode::NOT_FOUND, "no operation has this path", None)
    }

    /// Messages by field path; the whole value's under `root_key`.
    fn by_field(errors: &[ValidationError], root_key: &str) -> Value {
        let mut fields: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for error in errors {
            let key = if error.path.is_empty() { root_key } else { error.path.as_str() };
            fields.entry(key).or_default().push(&error.message);
        }
        json!(fields)
    }

    fn summary(errors: &[ValidationError]) -> String {
        let parts: Vec<String> = errors
            .iter()
            .map(|e| if e.path.is_empty() { e.message.clone() } else { format!("{}: {}", e.path, e.message) })
            .collect();
        parts.join("; ")
    }

    /// The answer to an invalid request (`errors`) or an unauthenticated one (`errors` empty).
    pub fn reply(reply: &Reply, errors: &[ValidationError], message: &str) -> Response {
        let detail = if errors.is_empty() { message.to_owned() } else { summary(errors) };
        match *reply {
            Reply::FieldMap { status: code, root_key } => {
                let body = if errors.is_empty() { json!({ root_key: [message] }) } else { by_field(errors, root_key) };
                with_type((status(code), body.to_string()).into_response(), "application/json")
            }
            Reply::Template { status: code, json, message_field } => {
                let mut body: Value = serde_json::from_str(json).unwrap_or_else(|_| json!({}));
                if let (Some(field), Value::Object(object)) = (message_field, &mut body) {
                    object.insert(field.to_owned(), Value::String(detail));
                }
                with_type((status(code), body.to_string()).into_response(), "application/json")
            }
            Reply::Problem { status: code } => problem(status(code), &detail, (!errors.is_empty()).then_some(errors)),
        }
    }

    /// The answer `wrap` makes of the value the first of `candidates` that `T` reads (the docs' examples,
    /// then a sample), boxed. Boxed and never inlined, so that `MockApi::new` only moves pointers: one
    /// function holding every response of the API by value takes LLVM many minutes in a release build.
    #[inline(never)]
    pub fn answer<T: DeserializeOwned, R>(
        operation: &'static str,
        candidates: &[&str],
        wrap: impl FnOnce(T) -> R,
    ) -> Result<Box<R>, super::MockError> {
        let mut reasons = Vec::new();
        for candidate in candidates {
            match serde_json::from_str(candidate) {
                Ok(value) => return Ok(Box::new(wrap(value))),
                Err(error) => reasons.push(error.to_string()),
            }
        }
        Err(super::MockError { operation, reason: reasons.join("; ") })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn input(query: &str, headers: &[(&str, &str)], body: &str) -> Input {
            let mut map = HeaderMap::new();
            for (name, value) in headers {
                map.append(
                    header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                    HeaderValue::from_str(value).unwrap(),
                );
            }
            Input {
                captures: Vec::new(),
                query: form_urlencoded::parse(query.as_bytes()).into_owned().collect(),
                headers: map,
                body: Bytes::from(body.to_owned()),
                errors: Vec::new(),
            }
        }

        fn param(wire: &'static str, style: Style, explode: bool, shape: Shape) -> Param {
            Param { wire, style, explode, shape, required: false }
        }

        #[test]
        fn query_parameters_are_read_by_style_and_explode() {
            let mut request = input("id=3&id=4&tags=a|b&filter[name]=n&filter[size]=2", &[], "");
            let exploded = param("id", Style::Form, true, Shape::Array(Kind::Integer));
            assert_eq!(request.query::<Vec<i64>>(&exploded), Some(vec![3, 4]));
            let piped = param("tags", Style::PipeDelimited, false, Shape::Array(Kind::String));
            assert_eq!(request.query::<Vec<String>>(&piped), Some(vec!["a".to_owned(), "b".to_owned()]));
            let deep = param("filter", Style::DeepObject, true, Shape::Object);
            #[derive(Debug, PartialEq, serde::Deserialize)]
            struct Filter {
                name: String,
                size: u8,
            }
            let filter: Option<Filter> = request.query(&deep);
            assert_eq!(
                filter,
                Some(Filter { name: "n".to_owned(), size: 2 }),
                "numbers recognised where text does not read"
            );
            assert!(request.errors.is_empty(), "{:?}", request.errors);
        }

        #[test]
        fn text_the_type_does_not_read_and_a_missing_required_value_are_problems_by_name() {
            let mut request = input("page=two", &[], "");
            let page = param("page", Style::Form, true, Shape::Scalar(Kind::Integer));
            assert_eq!(request.query::<i64>(&page), None);
            let size = Param { required: true, ..param("size", Style::Form, true, Shape::Scalar(Kind::Integer)) };
            assert_eq!(request.query::<i64>(&size), None);
            let paths: Vec<&str> = request.errors.iter().map(|e| e.path.as_str()).collect();
            assert_eq!(paths, ["page", "size"]);
            assert_eq!(request.errors[1].message, "is required");
        }

        #[test]
        fn headers_and_cookies_are_read_as_their_types() {
            let mut request = input("", &[("x-ids", "1,2"), ("cookie", "theme=dark; n=5")], "");
            let ids = param("x-ids", Style::Simple, false, Shape::Array(Kind::Integer));
            assert_eq!(request.header::<Vec<u8>>(&ids), Some(vec![1, 2]));
            let n = param("n", Style::Form, true, Shape::Scalar(Kind::Integer));
            assert_eq!(request.cookie::<u8>(&n), Some(5));
        }

        #[test]
        fn credentials_are_found_in_their_places_for_the_first_alternative_held_whole() {
            let schemes = [
                ("bearer", Scheme::Bearer),
                ("basic", Scheme::Basic),
                ("key", Scheme::Header("x-api-key")),
                ("query", Scheme::Query("api_key")),
                ("cookie", Scheme::Cookie("session")),
            ];
            let request = input("api_key=q", &[("authorization", "Basic dXNlcjpwdw=="), ("cookie", "session=s")], "");
            assert_eq!(request.credentials(&schemes, &[&[0], &[2]]), Vec::new(), "neither alternative is held");
            let found = request.credentials(&schemes, &[&[0], &[1, 3, 4]]);
            assert_eq!(
                found,
                [
                    Credential::Basic { scheme: "basic", user: "user".to_owned(), password: Some("pw".to_owned()) },
                    Credential::ApiKey { scheme: "query", key: "q".to_owned() },
                    Credential::ApiKey { scheme: "cookie", key: "s".to_owned() },
                ]
            );
            let request = input("", &[("authorization", "Bearer t "), ("x-api-key", "k")], "");
            assert_eq!(
                request.credentials(&schemes, &[&[0, 2]]),
                [
                    Credential::Bearer { scheme: "bearer", token: "t".to_owned() },
                    Credential::ApiKey { scheme: "key", key: "k".to_owned() }
                ]
            );
        }

        #[test]
        fn a_body_of_a_media_type_or_range_the_operation_takes_is_read_and_others_are_415() {
            let mut request = input("", &[("content-type", "application/vnd.pets+json; charset=utf-8")], r#"{"a": 1}"#);
            let value: Option<Value> = request.json_body(&["application/*"], true).ok().flatten();
            assert_eq!(value, Some(json!({"a": 1})));
            let refused =
                request.json_body::<Value>(&["application/json"], true).err().map(IntoResponse::into_response);
            assert_eq!(refused.map(|r| r.status()), Some(StatusCode::UNSUPPORTED_MEDIA_TYPE));
            assert!(
                accepts("*/*", "image/png") && accepts("image/*", "image/png") && !accepts("image/*", "text/plain")
            );
        }

        #[test]
        fn a_body_nested_too_deep_is_a_problem_before_it_is_parsed() {
            let deep = format!("{}{}", "[".repeat(JSON_DEPTH_LIMIT + 1), "]".repeat(JSON_DEPTH_LIMIT + 1));
            let mut request = input("", &[("content-type", "application/json")], &deep);
            assert!(matches!(request.json_body::<Value>(&["application/json"], true), Ok(None)));
            assert!(request.errors[0].message.contains("nests deeper"), "{:?}", request.errors);
            assert_eq!(json_depth(br#"{"a": "[[[[", "b": [[1]]}"#), 3, "brackets in strings do not count");
        }

        #[tokio::test]
        async fn a_declared_length_beyond_the_limit_is_413_unread() {
            let request = axum::extract::Request::builder()
                .header(header::CONTENT_LENGTH, (BODY_LIMIT + 1).to_string())
                .body(Body::empty())
                .unwrap();
            let refused = Input::read(request).await.err().map(IntoResponse::into_response);
            assert_eq!(refused.map(|r| r.status()), Some(StatusCode::PAYLOAD_TOO_LARGE));
        }

        async fn body_of(response: Response) -> Value {
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
            serde_json::from_slice(&bytes).unwrap()
        }

        #[tokio::test]
        async fn invalid_requests_are_answered_in_the_documented_form() {
            let errors = [ValidationError::new("name", "is required"), ValidationError::new("", "too short")];
            let map = reply(&Reply::FieldMap { status: 400, root_key: "non_field_errors" }, &errors, "");
            assert_eq!(map.status(), StatusCode::BAD_REQUEST);
            assert_eq!(body_of(map).await, json!({"name": ["is required"], "non_field_errors": ["too short"]}));
            let template =
                Reply::Template { status: 403, json: r#"{"detail": "", "code": "x"}"#, message_field: Some("detail") };
            assert_eq!(body_of(reply(&template, &[], "denied")).await, json!({"detail": "denied", "code": "x"}));
            let problem = reply(&Reply::Problem { status: 401 }, &[], "no credentials");
            assert_eq!(problem.headers()[header::CONTENT_TYPE], "application/problem+json");
            assert_eq!(body_of(problem).await["detail"], "no credentials");
            assert_eq!((in_range(404, 4), in_range(200, 4)), (404, 400));
        }

        #[test]
        fn the_mock_answers_with_the_first_candidate_its_type_reads() {
            let read = answer::<u8, _>("op", &["\"x\"", "7"], |n| n + 1);
            assert_eq!(read.ok().map(|b| *b), Some(8));
            let error = answer::<u8, u8>("op", &["\"x\""], |n| n).err();
            assert!(error.is_some_and(|e| e.operation == "op" && e.reason.contains("invalid type")));
        }
    }
}
