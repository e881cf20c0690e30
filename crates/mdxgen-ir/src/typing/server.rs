//! Every decision about serving the operations, made once, on top of the client's ([`ClientModel`]): the
//! client and the server read the same operations (path segments, typed parameters with style and
//! explode, the body and its media type, responses by status, security), so they agree on the wire by
//! construction. This adds what only a server decides: the trait and its request and response types, the
//! route each operation is mounted at, how each parameter is read from text, what a request must satisfy
//! (constraints), which documented body answers an invalid or unauthenticated request, and what the mock
//! answers.

use std::path::Path;

use mdxgen_diag::Diagnostic;
use serde_json::{Value, json};

use super::names::{self, Namer};
use super::operations::{BodyKind, ClientModel, ClientOperation, PathSegment, ResponseBody, SecurityScheme, resolve};
use super::{Constraints, Primitive, TypeKind, TypeModel, TypeRef, samples};
use crate::http::{Encoding, HttpMethod, StatusMatch, essence, missing_credentials_status};
use crate::{Api, Operation};

/// Names the generated server module defines itself.
pub const SERVER_TYPE_NAMES: &[&str] =
    &["Api", "Credential", "MockApi", "MockError", "ValidationError", "Request", "Response", "Router", "State"];

/// The message of a request without the credentials its operation requires.
pub const MISSING_CREDENTIALS: &str = "Authentication credentials were not provided.";
/// The message of a request that breaks its operation's rules (the problems themselves are listed too).
pub const INVALID_REQUEST: &str = "the request is invalid";
/// The message of a request without a required input the router could read.
pub const MISSING_INPUT: &str = "a required input is missing";

/// The server of an API.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerModel {
    /// The path every route is mounted under: the first server URL's path (`/api/v3`), else empty.
    pub base_path: String,
    pub schemes: Vec<SecurityScheme>,
    pub operations: Vec<ServerOperation>,
    /// The method of the `MockFallback` trait that hands over the mock answering what an implementation
    /// leaves out: `mock`, unless an operation's method takes that name.
    pub mock_accessor: String,
    /// Whether a parameter has a `pattern` (the crate then needs regress even if no model has one).
    pub uses_regex: bool,
    /// Primitives the server's signatures use beyond what the models use (as the client's).
    pub uses_uuid: bool,
    pub uses_date_time: bool,
}

/// One operation as the server serves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerOperation {
    /// The client's decisions about the same operation.
    pub operation: ClientOperation,
    /// The trait method (the client's method name).
    pub method_name: String,
    /// The struct of the method's typed inputs.
    pub request_name: String,
    /// The enum of the documented responses.
    pub response_name: String,
    /// The route below the base path, segment by segment (`/core/tokens/{id}/`: an empty literal, `core`,
    /// `tokens`, the capture 0, an empty literal), `None` when the operation cannot be routed (two parameters
    /// in one path segment, or a route another operation already took).
    pub route: Option<Vec<RouteSegment>>,
    /// How each of `operation.parameters` is read, in the same order.
    pub parameters: Vec<ServerParam>,
    /// The body's media types the server accepts (the documented ones with the chosen one's encoding).
    pub accepted_media_types: Vec<String>,
    /// For a multipart body: how each part is read.
    pub multipart: Vec<PartRead>,
    pub responses: Vec<ServerResponse>,
    /// Whether a request without any credential is refused: every security alternative needs one.
    pub credentials_required: bool,
    /// The request struct's field of the credentials, when the operation has security (`credentials`, or
    /// `credentials_` when a parameter has that name).
    pub credentials_field: Option<String>,
    /// The answer to an invalid request.
    pub invalid: ErrorReply,
    /// The answer to a request without the required credentials.
    pub unauthorized: ErrorReply,
    /// The mock's answer: an index into `responses` and the JSON texts tried in order (the docs' examples,
    /// then a sample); empty for a body that is not JSON.
    pub mock_response: usize,
    pub mock_candidates: Vec<String>,
    /// Sample values of the required parameters and the body, as JSON text, for a caller (the round trip).
    pub sample_parameters: Vec<Option<String>>,
    pub sample_body: Option<String>,
}

/// How one parameter is read from its text.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerParam {
    pub shape: Shape,
    /// What the value must satisfy beyond its type.
    pub constraints: Constraints,
    /// For a path parameter: its capture in the route (`p0`), and the literal text around it in its segment.
    pub capture: Option<Capture>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    pub index: usize,
    pub prefix: String,
    pub suffix: String,
}

/// The JSON form a parameter's text is read into before its type reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Scalar(Kind),
    Array(Kind),
    /// An object: the values of `deepObject` keys, or JSON text.
    Object,
}

/// What one item of text becomes: a JSON string, number or boolean (text that does not parse stays a
/// string, so that the type's error names the parameter), or JSON when the type is any value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    Json,
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq)]
pub struct PartRead {
    pub wire: String,
    /// A file part (its bytes), or text read as `kind`.
    pub file: bool,
    /// Several parts of this name make an array.
    pub many: bool,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServerResponse {
    pub variant: String,
    pub status: StatusMatch,
    /// The media type written (`Content-Type`), when there is a body.
    pub content_type: Option<String>,
    pub body: ResponseBody,
    pub success: bool,
    pub docs: Vec<String>,
}

/// An answer the router writes itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorReply {
    pub status: u16,
    pub body: ErrorBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ErrorBody {
    /// The documented body is a map: field names (`.`-joined paths) as keys, lists of messages as values;
    /// problems of the whole value go under `root_key`.
    FieldMap { root_key: String },
    /// The documented body, a sample of its type with the message in `message_field` (when it has a string
    /// field for one).
    Template { json: String, message_field: Option<String> },
    /// No documented body fits: a small JSON problem (`{"title", "status", "detail", "errors"}`).
    Problem,
}

impl ServerModel {
    /// The operations the router serves (the others are in the trait, unreachable over HTTP).
    pub fn routed(&self) -> impl Iterator<Item = &ServerOperation> {
        self.operations.iter().filter(|op| op.route.is_some())
    }

    /// The server decisions for every operation of `client` (built from the same `api` and `model`).
    pub fn build(api: &Api, model: &TypeModel, client: &ClientModel) -> (Self, Vec<Diagnostic>) {
        let mut warnings = Vec::new();
        let mut warn = |message: String| {
            warnings.push(Diagnostic::warning(Path::new("<server>"), None, "server", message));
        };
        let mut type_names = Namer::new();
        type_names.reserve(names::RESERVED_TYPE_NAMES.iter().copied());
        type_names.reserve(SERVER_TYPE_NAMES.iter().copied());
        let mut routes: Vec<(Vec<RouteSegment>, HttpMethod)> = Vec::new();
        let mut operations = Vec::new();
        for client_op in &client.operations {
            let Some(op) = api.operation(&client_op.operation_id) else { continue };
            let mut server_op = operation(api, model, op, client_op, &mut type_names, &mut warn);
            if let Some(route) = &server_op.route {
                let key = (route.clone(), client_op.method);
                if routes.contains(&key) {
                    warn(format!(
                        "{}: `{} {}` is served by an earlier operation already: not routed",
                        op.id, client_op.method, op.path
                    ));
                    server_op.route = None;
                } else {
                    routes.push(key);
                }
            }
            operations.push(server_op);
        }
        let uses_regex = operations.iter().flat_map(|op| &op.parameters).any(|p| has_pattern(&p.constraints));
        let base_path = base_path(client.server_url.as_deref());
        let mock_accessor = mock_accessor(&operations);
        let server = ServerModel {
            base_path,
            schemes: client.schemes.clone(),
            operations,
            mock_accessor,
            uses_regex,
            uses_uuid: client.uses_uuid,
            uses_date_time: client.uses_date_time,
        };
        (server, warnings)
    }
}

/// `mock`, or the first of `mock_api`, `mock_api_2`, ... that no operation's method is called.
fn mock_accessor(operations: &[ServerOperation]) -> String {
    let taken = |name: &str| operations.iter().any(|op| op.method_name == name);
    std::iter::once("mock".to_owned())
        .chain(std::iter::once("mock_api".to_owned()))
        .chain((2..).map(|n| format!("mock_api_{n}")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

fn has_pattern(constraints: &Constraints) -> bool {
    constraints.pattern.is_some() || constraints.items.as_deref().is_some_and(has_pattern)
}

/// The path of the server URL (`https://host/api/v3/` -> `/api/v3`); empty without one, or when it holds
/// characters a route cannot.
fn base_path(url: Option<&str>) -> String {
    let Some(url) = url else { return String::new() };
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => url,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    let plain = path.starts_with('/')
        && path.chars().all(|c| c.is_ascii_alphanumeric() || "/-._~".contains(c))
        && !path.contains("//");
    if plain { path.to_owned() } else { String::new() }
}

fn operation(
    api: &Api,
    model: &TypeModel,
    op: &Operation,
    client_op: &ClientOperation,
    type_names: &mut Namer,
    warn: &mut dyn FnMut(String),
) -> ServerOperation {
    let camel = names::type_name(&op.id);
    let request_name = type_names.claim(&format!("{camel}Request"), "");
    let response_name = type_names.claim(&format!("{camel}Response"), "");
    let types = model.operation(&op.id);
    let (route, captures) = route(client_op, warn);
    let parameters = client_op
        .parameters
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let constraints = types
                .and_then(|t| t.parameters.iter().find(|t| t.name == p.wire && t.location == p.location))
                .map(|t| t.constraints.clone())
                .unwrap_or_default();
            let capture = captures.iter().find(|(index, _)| *index == i).map(|(_, c)| c.clone());
            ServerParam { shape: shape(model, &p.ty), constraints, capture }
        })
        .collect::<Vec<_>>();
    let accepted_media_types = accepted_media_types(op, client_op);
    let multipart = match client_op.body.as_ref().map(|b| &b.kind) {
        Some(BodyKind::Multipart { ty, parts }) => parts
            .iter()
            .map(|part| PartRead {
                wire: part.wire.clone(),
                file: part.file != super::operations::FilePart::No,
                many: part.file == super::operations::FilePart::Many || is_array_field(model, ty, &part.wire),
                kind: field_kind(model, ty, &part.wire),
            })
            .collect(),
        _ => Vec::new(),
    };
    let responses = responses(op, client_op);
    let security = op.security.as_ref().or(api.security.as_ref());
    let anonymous_allowed =
        security.is_none_or(|alternatives| alternatives.iter().any(|a| a.as_object().is_some_and(|m| m.is_empty())));
    let credentials_required = !anonymous_allowed && !client_op.security.is_empty();
    let credentials_field = (!client_op.security.is_empty()).then(|| {
        let mut fields = Namer::new();
        fields.reserve(client_op.parameters.iter().map(|p| p.ident.as_str()));
        fields.reserve(["body"]);
        fields.claim("credentials", "_")
    });
    let invalid = invalid_reply(model, &responses);
    let unauthorized = unauthorized_reply(model, op, &responses);
    let (mock_response, mock_candidates) = mock(model, op, &responses);
    let sample_parameters = client_op
        .parameters
        .iter()
        .zip(&parameters)
        .map(|(p, server)| p.required.then(|| samples::sample(model, &p.ty, &server.constraints).to_string()))
        .collect();
    let sample_body = client_op.body.as_ref().and_then(|b| match &b.kind {
        BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart { ty, .. } => {
            Some(samples::sample(model, ty, &Constraints::default()).to_string())
        }
        BodyKind::Text => Some(json!("text").to_string()),
        BodyKind::Bytes => Some(json!([]).to_string()),
        BodyKind::RawMultipart => None,
    });
    ServerOperation {
        operation: client_op.clone(),
        method_name: client_op.method_name.clone(),
        request_name,
        response_name,
        route,
        parameters,
        accepted_media_types,
        multipart,
        responses,
        credentials_required,
        credentials_field,
        invalid,
        unauthorized,
        mock_response,
        mock_candidates,
        sample_parameters,
        sample_body,
    }
}

/// One `/`-separated segment of a route: literal text, or the capture of a path parameter (by its position
/// among the operation's captures, so that `/a/{id}` and `/a/{name}` are one route).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RouteSegment {
    Literal(String),
    Capture(usize),
}

/// The route: literal text as it is, each path parameter the capture of a whole segment, with the literal
/// text around it in its segment remembered; it starts with `/` (an empty first segment). Two parameters in
/// one segment cannot be told apart: not routed.
fn route(op: &ClientOperation, warn: &mut dyn FnMut(String)) -> (Option<Vec<RouteSegment>>, Vec<(usize, Capture)>) {
    // The path's `/`-separated segments, each a run of literal text and parameters.
    let mut segments: Vec<Vec<&PathSegment>> = vec![Vec::new()];
    let mut literals: Vec<PathSegment> = Vec::new();
    for segment in &op.segments {
        if let PathSegment::Literal(text) = segment {
            for (i, part) in text.split('/').enumerate() {
                if i > 0 {
                    literals.push(PathSegment::Literal("/".to_owned()));
                }
                literals.push(PathSegment::Literal(part.to_owned()));
            }
        } else {
            literals.push(segment.clone());
        }
    }
    for piece in &literals {
        match piece {
            PathSegment::Literal(text) if text == "/" => segments.push(Vec::new()),
            piece => {
                if let Some(last) = segments.last_mut() {
                    last.push(piece);
                }
            }
        }
    }
    let mut parts = Vec::new();
    let mut captures = Vec::new();
    for pieces in &segments {
        let params: Vec<usize> =
            pieces.iter().filter_map(|p| if let PathSegment::Param(i) = p { Some(*i) } else { None }).collect();
        let text = |pieces: &[&PathSegment]| -> String {
            pieces.iter().map(|p| if let PathSegment::Literal(t) = p { t.as_str() } else { "" }).collect()
        };
        match params.as_slice() {
            [] => parts.push(RouteSegment::Literal(text(pieces))),
            [param] => {
                let at = pieces.iter().position(|p| **p == PathSegment::Param(*param)).unwrap_or_default();
                let capture =
                    Capture { index: captures.len(), prefix: text(&pieces[..at]), suffix: text(&pieces[at + 1..]) };
                parts.push(RouteSegment::Capture(capture.index));
                captures.push((*param, capture));
            }
            _ => {
                warn(format!(
                    "{}: two path parameters share one segment of `{}`: not routed",
                    op.operation_id, op.path
                ));
                return (None, Vec::new());
            }
        }
    }
    if parts.first() != Some(&RouteSegment::Literal(String::new())) {
        parts.insert(0, RouteSegment::Literal(String::new()));
    }
    (Some(parts), captures)
}

/// How a parameter of type `ty` is read from text.
fn shape(model: &TypeModel, ty: &TypeRef) -> Shape {
    let ty = unwrap_option(model, ty);
    match &ty {
        TypeRef::Vec(item) => Shape::Array(kind(model, item)),
        TypeRef::Map(_) => Shape::Object,
        TypeRef::Named(id) if matches!(model.get_type(*id).kind, TypeKind::Struct(_)) => Shape::Object,
        other => Shape::Scalar(kind(model, other)),
    }
}

fn unwrap_option(model: &TypeModel, ty: &TypeRef) -> TypeRef {
    match resolve(model, ty, 0) {
        TypeRef::Option(inner) => resolve(model, &inner, 0),
        other => other,
    }
}

fn kind(model: &TypeModel, ty: &TypeRef) -> Kind {
    match unwrap_option(model, ty) {
        TypeRef::Primitive(Primitive::Bool) => Kind::Boolean,
        TypeRef::Primitive(Primitive::F32 | Primitive::F64) => Kind::Number,
        TypeRef::Primitive(integer) if integer.is_integer() => Kind::Integer,
        TypeRef::Primitive(Primitive::Unit) | TypeRef::Any | TypeRef::Vec(_) | TypeRef::Map(_) => Kind::Json,
        TypeRef::Named(id) => match model.get_type(id).kind {
            TypeKind::StringEnum(_) => Kind::String,
            _ => Kind::Json,
        },
        _ => Kind::String,
    }
}

fn struct_field<'m>(model: &'m TypeModel, ty: &TypeRef, wire: &str) -> Option<&'m super::Field> {
    let TypeRef::Named(id) = resolve(model, ty, 0) else { return None };
    match &model.get_type(id).kind {
        TypeKind::Struct(s) => s.fields.iter().find(|f| f.wire == wire),
        _ => None,
    }
}

fn field_kind(model: &TypeModel, ty: &TypeRef, wire: &str) -> Kind {
    struct_field(model, ty, wire).map_or(Kind::String, |f| match unwrap_option(model, &f.ty) {
        TypeRef::Vec(item) => kind(model, &item),
        other => kind(model, &other),
    })
}

fn is_array_field(model: &TypeModel, ty: &TypeRef, wire: &str) -> bool {
    struct_field(model, ty, wire).is_some_and(|f| matches!(unwrap_option(model, &f.ty), TypeRef::Vec(_)))
}

/// The documented media types with the chosen body's encoding (so `application/json` and
/// `application/merge-patch+json` are both read as JSON).
fn accepted_media_types(op: &Operation, client_op: &ClientOperation) -> Vec<String> {
    let (Some(body), Some(request)) = (&client_op.body, &op.request_body) else { return Vec::new() };
    let Some(chosen) = request.content.iter().find(|m| m.media_type == body.media_type).map(|m| m.encoding()) else {
        return Vec::new();
    };
    let mut accepted: Vec<String> =
        request.content.iter().filter(|m| m.encoding() == chosen).map(|m| essence(&m.media_type)).collect();
    accepted.dedup();
    accepted
}

/// Every documented response as a variant (`Status200`, `Status4xx`, `Default`), with the media type it is
/// written as; an operation that documents no success also answers `204` (`Status204`), so that an
/// implementation can always succeed.
fn responses(op: &Operation, client_op: &ClientOperation) -> Vec<ServerResponse> {
    let mut out: Vec<ServerResponse> = client_op
        .responses
        .iter()
        .map(|r| {
            let documented = op.responses.iter().find(|d| StatusMatch::parse(&d.status) == Some(r.status));
            let content_type = documented
                .and_then(|d| d.content.iter().min_by_key(|m| m.encoding()))
                .map(|m| m.encoding().written_media_type(&m.media_type))
                .filter(|_| r.body != ResponseBody::Empty);
            ServerResponse {
                variant: variant_name(r.status),
                status: r.status,
                content_type,
                body: r.body.clone(),
                success: r.success,
                docs: r.docs.clone(),
            }
        })
        .collect();
    if !out.iter().any(|r| r.success) {
        out.push(ServerResponse {
            variant: "Status204".to_owned(),
            status: StatusMatch::Code(204),
            content_type: None,
            body: ResponseBody::Empty,
            success: true,
            docs: vec![" No content: the docs document no success.".to_owned()],
        });
    }
    out
}

fn variant_name(status: StatusMatch) -> String {
    match status {
        StatusMatch::Code(code) => format!("Status{code}"),
        StatusMatch::Range(digit) => format!("Status{digit}xx"),
        StatusMatch::Default => "Default".to_owned(),
    }
}

/// The documented response of a status (exact, else its range, else nothing).
fn documented(responses: &[ServerResponse], code: u16) -> Option<&ServerResponse> {
    responses
        .iter()
        .find(|r| r.status == StatusMatch::Code(code))
        .or_else(|| responses.iter().find(|r| r.status == StatusMatch::Range(code / 100)))
}

/// 400 with the documented body: a map of fields to messages when the body is one (authentik's
/// `ValidationError`), else a sample of the documented type carrying the message, else a problem.
fn invalid_reply(model: &TypeModel, responses: &[ServerResponse]) -> ErrorReply {
    let body = match documented(responses, 400).map(|r| &r.body) {
        Some(ResponseBody::Json(ty)) => field_map(model, ty).unwrap_or_else(|| template(model, ty)),
        _ => ErrorBody::Problem,
    };
    ErrorReply { status: 400, body }
}

/// The status [`missing_credentials_status`] chooses, with its documented body carrying the message.
fn unauthorized_reply(model: &TypeModel, op: &Operation, responses: &[ServerResponse]) -> ErrorReply {
    let status = missing_credentials_status(op.responses.iter().map(|r| r.status.as_str()));
    let body = match documented(responses, status).map(|r| &r.body) {
        Some(ResponseBody::Json(ty)) => template(model, ty),
        _ => ErrorBody::Problem,
    };
    ErrorReply { status, body }
}

/// A struct with additional properties and no required field holds field names as keys.
fn field_map(model: &TypeModel, ty: &TypeRef) -> Option<ErrorBody> {
    let TypeRef::Named(id) = resolve(model, ty, 0) else { return None };
    let TypeKind::Struct(s) = &model.get_type(id).kind else { return None };
    let open = s.additional.is_some() && s.fields.iter().all(|f| f.presence != super::Presence::Required);
    let root_key = ["non_field_errors", "errors", "detail"]
        .into_iter()
        .find(|key| s.fields.iter().any(|f| f.wire == *key && is_string_list(model, &f.ty)))
        .unwrap_or("non_field_errors");
    open.then(|| ErrorBody::FieldMap { root_key: root_key.to_owned() })
}

fn is_string_list(model: &TypeModel, ty: &TypeRef) -> bool {
    match unwrap_option(model, ty) {
        TypeRef::Vec(item) => unwrap_option(model, &item) == TypeRef::Primitive(Primitive::String),
        _ => false,
    }
}

fn template(model: &TypeModel, ty: &TypeRef) -> ErrorBody {
    let sample = samples::sample(model, ty, &Constraints::default());
    let message_field = ["detail", "message", "error", "title", "description"].into_iter().find(|key| {
        struct_field(model, ty, key)
            .is_some_and(|f| unwrap_option(model, &f.ty) == TypeRef::Primitive(Primitive::String))
    });
    let mut sample = sample;
    if let (Some(field), Value::Object(object)) = (message_field, &mut sample) {
        object.insert(field.to_owned(), json!(MISSING_CREDENTIALS));
    }
    ErrorBody::Template { json: sample.to_string(), message_field: message_field.map(str::to_owned) }
}

/// The first documented success, with the docs' examples for it and then a sample of its type.
fn mock(model: &TypeModel, op: &Operation, responses: &[ServerResponse]) -> (usize, Vec<String>) {
    let index = responses.iter().position(|r| r.success).unwrap_or_default();
    let Some(response) = responses.get(index) else { return (0, Vec::new()) };
    let ResponseBody::Json(ty) = &response.body else { return (index, Vec::new()) };
    let status = op.responses.iter().find(|d| StatusMatch::parse(&d.status) == Some(response.status));
    let mut candidates: Vec<String> = op
        .examples
        .iter()
        .filter(|e| status.is_some_and(|s| e.status.as_deref() == Some(s.status.as_str())))
        .filter(|e| Encoding::of(&e.media_type, None) == Encoding::Json)
        .map(|e| e.value.to_string())
        .collect();
    candidates.push(samples::sample(model, ty, &Constraints::default()).to_string());
    candidates.dedup();
    (index, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_come_from_the_server_url() {
        assert_eq!(base_path(Some("https://authentik.company/api/v3/")), "/api/v3");
        assert_eq!(base_path(Some("https://example.com")), "");
        assert_eq!(base_path(Some("/v1")), "/v1");
        assert_eq!(base_path(Some("https://x/{v}")), "");
        assert_eq!(base_path(None), "");
    }

    #[test]
    fn routes_capture_whole_segments_by_position() {
        let op = |segments: Vec<PathSegment>| ClientOperation { segments, ..sample_operation() };
        let lit = |t: &str| PathSegment::Literal(t.to_owned());
        let (route, captures) = route(&op(vec![lit("/users/"), PathSegment::Param(0), lit(".json/{x}")]), &mut |_| {});
        let literal = |t: &str| RouteSegment::Literal(t.to_owned());
        assert_eq!(route, Some(vec![literal(""), literal("users"), RouteSegment::Capture(0), literal("{x}")]));
        assert_eq!(captures, vec![(0, Capture { index: 0, prefix: String::new(), suffix: ".json".into() })]);
        let (route, _) = route_of(&op(vec![lit("/a/"), PathSegment::Param(0), lit("-"), PathSegment::Param(1)]));
        assert_eq!(route, None);
    }

    fn route_of(op: &ClientOperation) -> (Option<Vec<RouteSegment>>, Vec<(usize, Capture)>) {
        route(op, &mut |_| {})
    }

    fn sample_operation() -> ClientOperation {
        ClientOperation {
            operation_id: "op".into(),
            method: HttpMethod::Get,
            path: "/".into(),
            segments: Vec::new(),
            method_name: "op".into(),
            builder_name: "OpBuilder".into(),
            error_name: "OpError".into(),
            success_name: None,
            docs: Vec::new(),
            deprecated: false,
            parameters: Vec::new(),
            body: None,
            responses: Vec::new(),
            success: ResponseBody::Empty,
            security: Vec::new(),
            pagination: None,
        }
    }
}
