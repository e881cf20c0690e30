//! Every decision about the client's operations, made once: per operation the method name, the path
//! template, the typed parameters with their encoding (style, explode), the request body and how it is
//! encoded, which statuses are success and which are errors (with their types), the names of the builder
//! and of the per-operation enums, and the security requirements. The emitter only spells a
//! [`ClientModel`].
//!
//! The types come from the [`TypeModel`]: parameters and bodies went through the same schema conversion as
//! the models (so an inline enum parameter is a named enum of the models module). What cannot be typed
//! degrades with a warning (a parameter without schema is any JSON value, a multipart body that is not an
//! object is a raw form the caller builds), never to code that does not build.

use std::collections::BTreeMap;
use std::path::Path;

use mdxgen_diag::Diagnostic;
use serde_json::Value;

use super::docs::{self, code_text};
use super::names::{self, Namer};
use super::pagination::{self, Pagination};
use super::size;
use super::{Presence, Primitive, TypeKind, TypeModel, TypeRef};
use crate::http::{DEFAULT_FILE_MEDIA_TYPE, Encoding, HttpMethod, ParamStyle, StatusMatch, parameter_style};
use crate::{Api, Operation, ParamLocation};

/// The client of an API.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientModel {
    pub operations: Vec<ClientOperation>,
    pub schemes: Vec<SecurityScheme>,
    /// The first server's URL with its variables at their defaults, when the docs give one.
    pub server_url: Option<String>,
    /// Whether the server URL is absolute (`https://...`), so that a default client can use it.
    pub server_is_absolute: bool,
    /// Primitives the client's signatures use beyond what the models use.
    pub uses_uuid: bool,
    pub uses_date_time: bool,
}

/// One operation as the client calls it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientOperation {
    pub operation_id: String,
    pub method: HttpMethod,
    pub path: String,
    /// The path template split into literal text and parameters (indices into `parameters`).
    pub segments: Vec<PathSegment>,
    /// The `Client` method (snake case, collision-free among the client's methods).
    pub method_name: String,
    /// The request builder type.
    pub builder_name: String,
    /// The enum of documented error statuses.
    pub error_name: String,
    /// The enum of success statuses, when several carry different bodies.
    pub success_name: Option<String>,
    /// Doc lines: summary, description, method and path.
    pub docs: Vec<String>,
    pub deprecated: bool,
    pub parameters: Vec<ClientParam>,
    pub body: Option<ClientBody>,
    /// Documented responses: exact statuses first, then ranges, then `default`.
    pub responses: Vec<ClientResponse>,
    /// What a success holds when there is no success enum.
    pub success: ResponseBody,
    /// Alternatives of security requirements, each a list of indices into [`ClientModel::schemes`]; the
    /// first one the client has credentials for is applied. Empty: no authentication.
    pub security: Vec<Vec<usize>>,
    /// The `..._stream()` method, when the operation is paginated.
    pub pagination: Option<Pagination>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    Literal(String),
    Param(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientParam {
    /// The name on the wire.
    pub wire: String,
    pub location: ParamLocation,
    /// The argument or setter name (snake case, raw identifier for keywords).
    pub ident: String,
    pub ty: TypeRef,
    pub required: bool,
    pub style: ParamStyle,
    pub explode: bool,
    pub docs: Vec<String>,
}

impl ClientParam {
    /// Path parameters are the method's arguments; everything else is set on the builder.
    pub fn is_argument(&self) -> bool {
        self.location == ParamLocation::Path
    }
}

/// The request body the builder's `body()` takes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientBody {
    pub media_type: String,
    pub required: bool,
    pub kind: BodyKind,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BodyKind {
    /// Serialized with serde_json.
    Json(TypeRef),
    /// `application/x-www-form-urlencoded`, serialized with serde_urlencoded.
    Form(TypeRef),
    /// `multipart/form-data` from a struct: one part per field.
    Multipart { ty: TypeRef, parts: Vec<MultipartPart> },
    /// `multipart/form-data` whose schema is not an object: the caller builds the form.
    RawMultipart,
    /// Raw bytes (`application/octet-stream` and other binary media types).
    Bytes,
    /// `text/plain` and other text.
    Text,
}

impl BodyKind {
    /// The model type the body is read into, which a server validates; `None` for bytes, text and a form
    /// the caller builds.
    pub fn model_type(&self) -> Option<&TypeRef> {
        match self {
            Self::Json(ty) | Self::Form(ty) | Self::Multipart { ty, .. } => Some(ty),
            Self::RawMultipart | Self::Bytes | Self::Text => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MultipartPart {
    /// The part name (the property's name).
    pub wire: String,
    /// The struct field holding it.
    pub field: String,
    pub presence: Presence,
    pub file: FilePart,
    /// `encoding.<part>.contentType`, else `application/octet-stream` for files.
    pub content_type: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePart {
    /// A text part (scalars as text, anything else as JSON).
    No,
    /// One file (`format: binary`).
    One,
    /// An array of files: one part each.
    Many,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientResponse {
    pub status: StatusMatch,
    pub success: bool,
    /// The variant in the success or error enum (`Status200`, `Status4xx`, `Default`).
    pub variant: String,
    pub body: ResponseBody,
    /// Whether the variant holds its body boxed: a body much larger than the enum's other variants would make
    /// every value of the enum as large (clippy's `large_enum_variant`; [`size::boxed_variants`]).
    pub boxed: bool,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    Empty,
    Json(TypeRef),
    Text,
    Bytes,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The scheme's name in the docs.
    pub name: String,
    pub kind: SchemeKind,
    /// The `Client` method that sets its credential (`with_authentik_token`).
    pub setter: String,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// http bearer, oauth2 and openIdConnect: `Authorization: Bearer <token>`.
    Bearer,
    /// http basic: user name and password.
    Basic,
    ApiKey {
        location: KeyLocation,
        name: String,
    },
}

/// Where an API key goes (OpenAPI's `in` of an `apiKey` scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyLocation {
    Header,
    Query,
    Cookie,
}

impl KeyLocation {
    /// The key location of a parameter location; `None` for the path, where no key goes.
    fn of(location: ParamLocation) -> Option<Self> {
        match location {
            ParamLocation::Header => Some(Self::Header),
            ParamLocation::Query => Some(Self::Query),
            ParamLocation::Cookie => Some(Self::Cookie),
            ParamLocation::Path => None,
        }
    }
}

/// Names the generated client module defines itself.
pub const CLIENT_TYPE_NAMES: &[&str] = &["Client", "Error", "ResponseValue", "ApiResult", "Credential", "Inner"];

/// `Client` methods that are not operations.
const CLIENT_METHODS: &[&str] =
    &["new", "with_http_client", "base_url", "http_client", "clone", "default", "fmt", "with_bearer_token"];

/// Builder methods that are not parameters.
const BUILDER_METHODS: &[&str] =
    &["body", "send", "client", "new", "part_file_name", "part_content_type", "parts_meta", "into_stream", "page_url"];

impl ClientModel {
    /// Makes every decision of the client for `api`, from the types of `model`. Warnings say what degraded.
    pub fn build(api: &Api, model: &TypeModel) -> (Self, Vec<Diagnostic>) {
        let mut warnings = Vec::new();
        let mut warn = |message: String| {
            warnings.push(Diagnostic::warning(Path::new("<client>"), None, "client", message));
        };
        let mut methods = Namer::new();
        methods.reserve(CLIENT_METHODS.iter().copied());
        let schemes = schemes(api, &mut methods, &mut warn);
        let mut type_names = Namer::new();
        type_names.reserve(names::RESERVED_TYPE_NAMES.iter().copied());
        type_names.reserve(CLIENT_TYPE_NAMES.iter().copied());
        let given = given_method_names(api, model, &mut methods, &mut warn);
        let mut operations = Vec::new();
        for op in &api.operations {
            let method_name = match given.get(&op.id) {
                Some(name) => name.clone(),
                None => methods.claim(&method_base(&op.id), "_"),
            };
            let names = (method_name, &mut methods, &mut type_names);
            operations.push(operation(api, model, op, &schemes, names, &mut warn));
        }
        let (server_url, server_is_absolute) = server_url(api);
        let mut uses = (false, false);
        for op in &operations {
            let params = op.parameters.iter().map(|p| &p.ty);
            let body = op.body.iter().filter_map(|b| match &b.kind {
                BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart { ty, .. } => Some(ty),
                _ => None,
            });
            let responses = op.responses.iter().map(|r| &r.body).chain([&op.success]).filter_map(|b| match b {
                ResponseBody::Json(ty) => Some(ty),
                _ => None,
            });
            for ty in params.chain(body).chain(responses) {
                primitives(ty, 0, &mut |p| match p {
                    Primitive::Uuid => uses.0 = true,
                    Primitive::DateTime | Primitive::Date => uses.1 = true,
                    _ => {}
                });
            }
        }
        let client = ClientModel {
            operations,
            schemes,
            server_url,
            server_is_absolute,
            uses_uuid: uses.0,
            uses_date_time: uses.1,
        };
        (client, warnings)
    }
}

fn schemes(api: &Api, methods: &mut Namer, warn: &mut dyn FnMut(String)) -> Vec<SecurityScheme> {
    let mut out = Vec::new();
    for (name, scheme) in &api.security_schemes {
        let kind_text = scheme.get("type").and_then(Value::as_str).unwrap_or_default();
        let kind = match kind_text {
            "http" => match scheme.get("scheme").and_then(Value::as_str).map(str::to_ascii_lowercase).as_deref() {
                Some("basic") => SchemeKind::Basic,
                Some("bearer") => SchemeKind::Bearer,
                other => {
                    warn(format!(
                        "security scheme `{name}`: http scheme {other:?} is sent as a bearer token (`Authorization: Bearer`)"
                    ));
                    SchemeKind::Bearer
                }
            },
            "oauth2" | "openIdConnect" => SchemeKind::Bearer,
            "apiKey" => {
                let location = scheme.get("in").and_then(Value::as_str).and_then(ParamLocation::parse);
                let location = location.and_then(KeyLocation::of);
                let key = scheme.get("name").and_then(Value::as_str);
                match (location, key) {
                    (Some(location), Some(key)) => SchemeKind::ApiKey { location, name: key.to_owned() },
                    _ => {
                        warn(format!("security scheme `{name}`: an apiKey without `in` and `name`: not supported"));
                        continue;
                    }
                }
            }
            other => {
                warn(format!("security scheme `{name}`: type {other:?} is not supported: requests go without it"));
                continue;
            }
        };
        let suffix = match kind {
            SchemeKind::Bearer => "token",
            SchemeKind::Basic => "basic_auth",
            SchemeKind::ApiKey { .. } => "key",
        };
        let setter = methods.claim(&format!("with_{}_{suffix}", names::field_base(name)), "_");
        let mut docs = vec![format!(" Sets the credential of the `{}` security scheme.", code_text(name))];
        if let Some(description) = scheme.get("description").and_then(Value::as_str) {
            docs::push_paragraph(&mut docs, docs::rustdoc_lines(description));
        }
        out.push(SecurityScheme { name: name.clone(), kind, setter, docs });
    }
    out
}

fn server_url(api: &Api) -> (Option<String>, bool) {
    let Some(server) = api.servers.first() else { return (None, false) };
    let Some(template) = server.get("url").and_then(Value::as_str) else { return (None, false) };
    let variables = server.get("variables").and_then(Value::as_object);
    let mut url = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        url.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            url.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &rest[start + 1..start + end];
        let default = variables.and_then(|v| v.get(name)).and_then(|v| v.get("default")).and_then(Value::as_str);
        url.push_str(default.unwrap_or(""));
        rest = &rest[start + end + 1..];
    }
    url.push_str(rest);
    let absolute = (url.starts_with("https://") || url.starts_with("http://"))
        && url.chars().all(|c| c.is_ascii_graphic())
        && !url.contains(['"', '\\', '<', '>', '`', '{', '}']);
    (Some(url), absolute)
}

/// The method names the user gave (`Builder::method_name`), by operationId, claimed before any name made
/// from an operationId, so that the user's name is the one that stays as written. The last one given for
/// an operation wins; one for no operation is a warning.
fn given_method_names(
    api: &Api,
    model: &TypeModel,
    methods: &mut Namer,
    warn: &mut dyn FnMut(String),
) -> BTreeMap<String, String> {
    let mut given: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, name) in &model.options().overrides.method_names {
        if api.operation(id).is_some() {
            given.insert(id, name);
        } else {
            warn(format!("the method name given for `{id}` matches no operationId: it is not applied"));
        }
    }
    given.into_iter().map(|(id, name)| (id.to_owned(), methods.claim(&method_base(name), "_"))).collect()
}

/// The decisions about one operation; `names` is its method name (already claimed) and the namers of the
/// client's methods and types.
fn operation(
    api: &Api,
    model: &TypeModel,
    op: &Operation,
    schemes: &[SecurityScheme],
    names: (String, &mut Namer, &mut Namer),
    warn: &mut dyn FnMut(String),
) -> ClientOperation {
    let (method_name, methods, type_names) = names;
    let types = model.operation(&op.id);
    let camel = names::type_name(&op.id);
    let builder_name = type_names.claim(&format!("{camel}Builder"), "");
    let error_name = type_names.claim(&format!("{camel}Error"), "");

    let mut setters = Namer::new();
    setters.reserve(BUILDER_METHODS.iter().copied());
    let mut parameters: Vec<ClientParam> = Vec::new();
    for (i, param) in op.parameters.iter().enumerate() {
        if parameters.iter().any(|p| p.wire == param.name && p.location == param.location) {
            warn(format!("{}: parameter `{}` is declared twice: the first is used", op.id, param.name));
            continue;
        }
        if param.location == ParamLocation::Header
            && ["accept", "content-type", "authorization"].contains(&param.name.to_ascii_lowercase().as_str())
        {
            // OpenAPI: these header parameters are ignored (the body, the responses and security say them).
            continue;
        }
        let ty = types
            .and_then(|t| t.parameters.get(i))
            .filter(|p| p.name == param.name)
            .map(|p| p.ty.clone())
            .unwrap_or(TypeRef::Any);
        if param.schema.is_none() && param.extra.get("content").is_none() {
            warn(format!("{}: parameter `{}` has no schema: typed as serde_json::Value", op.id, param.name));
        }
        let (style, explode) = style_of(op, param, warn);
        let ident = names::field_ident(&setters.claim(&names::field_base(&param.name), "_"));
        let mut docs = param.description.as_deref().map(docs::rustdoc_lines).unwrap_or_default();
        if param.extra.get("deprecated").and_then(Value::as_bool) == Some(true) {
            docs::push_paragraph(&mut docs, vec![" Deprecated.".to_owned()]);
        }
        let required = param.required || param.location == ParamLocation::Path;
        parameters.push(ClientParam {
            wire: param.name.clone(),
            location: param.location,
            ident,
            ty,
            required,
            style,
            explode,
            docs,
        });
    }
    let segments = segments(op, &mut parameters, &mut setters, warn);
    // A path parameter the template does not hold cannot be sent: it is left out.
    let unused: Vec<usize> = (0..parameters.len())
        .filter(|i| parameters[*i].is_argument() && !segments.contains(&PathSegment::Param(*i)))
        .collect();
    for i in unused.iter().rev() {
        warn(format!("{}: path parameter `{}` is not in the path `{}`: left out", op.id, parameters[*i].wire, op.path));
    }
    let segments = renumber(segments, &unused);
    for i in unused.iter().rev() {
        parameters.remove(*i);
    }

    let body = body(model, op, types, warn);
    let mut responses = responses(model, op, types);
    let success_bodies: Vec<&ResponseBody> = responses.iter().filter(|r| r.success).map(|r| &r.body).collect();
    let (success, success_name) = match success_bodies.split_first() {
        None => (ResponseBody::Empty, None),
        Some((first, rest)) if rest.iter().all(|b| b == first) => ((*first).clone(), None),
        Some(_) => (ResponseBody::Empty, Some(type_names.claim(&format!("{camel}Success"), ""))),
    };
    if success_name.is_none() {
        // The success is returned as it is, in no enum.
        for response in responses.iter_mut().filter(|r| r.success) {
            response.variant.clear();
        }
    } else {
        box_large_variants(model, responses.iter_mut().filter(|r| r.success));
    }
    box_large_variants(model, responses.iter_mut().filter(|r| !r.success));
    let security = security(api, op, schemes, warn);
    let pagination = pagination::pagination(model, op, &parameters, &success, &method_name, methods);
    ClientOperation {
        operation_id: op.id.clone(),
        method: op.method,
        path: op.path.clone(),
        segments,
        method_name,
        builder_name,
        error_name,
        success_name,
        docs: operation_docs(op),
        deprecated: op.deprecated,
        parameters,
        body,
        responses,
        success,
        security,
        pagination,
    }
}

/// `coreTokensList` -> `core_tokens_list`, as an identifier.
fn method_base(operation_id: &str) -> String {
    names::field_ident(&names::field_base(operation_id))
}

fn style_of(op: &Operation, param: &crate::Parameter, warn: &mut dyn FnMut(String)) -> (ParamStyle, bool) {
    parameter_style(param.location, &param.extra).unwrap_or_else(|(style, explode)| {
        let named = param.extra.get("style").and_then(Value::as_str).unwrap_or_default();
        warn(format!(
            "{}: parameter `{}` has the unknown style {named:?}: sent as {}",
            op.id,
            param.name,
            style.as_str()
        ));
        (style, explode)
    })
}

/// The path template as literal text and parameters; a `{name}` no parameter declares becomes a required
/// string argument of its own, with a warning.
fn segments(
    op: &Operation,
    parameters: &mut Vec<ClientParam>,
    setters: &mut Namer,
    warn: &mut dyn FnMut(String),
) -> Vec<PathSegment> {
    let mut segments = Vec::new();
    // A fragment (`/cookies#formExploded`, the docs' way to list one path twice) is never sent.
    let mut rest = op.path.split('#').next().unwrap_or_default();
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        if start > 0 {
            segments.push(PathSegment::Literal(rest[..start].to_owned()));
        }
        let name = &rest[start + 1..start + len];
        let index = match parameters.iter().position(|p| p.is_argument() && p.wire == name) {
            Some(index) => index,
            None => {
                warn(format!("{}: the path names `{name}`, which no parameter declares: a string argument", op.id));
                parameters.push(ClientParam {
                    wire: name.to_owned(),
                    location: ParamLocation::Path,
                    ident: names::field_ident(&setters.claim(&names::field_base(name), "_")),
                    ty: TypeRef::Primitive(Primitive::String),
                    required: true,
                    style: ParamStyle::Simple,
                    explode: false,
                    docs: Vec::new(),
                });
                parameters.len() - 1
            }
        };
        segments.push(PathSegment::Param(index));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        segments.push(PathSegment::Literal(rest.to_owned()));
    }
    segments
}

fn renumber(segments: Vec<PathSegment>, removed: &[usize]) -> Vec<PathSegment> {
    segments
        .into_iter()
        .map(|s| match s {
            PathSegment::Param(i) => PathSegment::Param(i - removed.iter().filter(|r| **r < i).count()),
            literal => literal,
        })
        .collect()
}

/// The request body: of the media types the docs list, JSON is preferred, then a form, multipart, bytes and
/// text (the builder takes one body; the choice is made here, once).
fn body(
    model: &TypeModel,
    op: &Operation,
    types: Option<&super::OperationTypes>,
    warn: &mut dyn FnMut(String),
) -> Option<ClientBody> {
    let request = op.request_body.as_ref()?;
    let media = request.content.iter().min_by_key(|m| m.encoding())?;
    let typed = || {
        types
            .and_then(|t| t.request.iter().find(|b| b.media_type == media.media_type))
            .map(|b| b.ty.clone())
            .unwrap_or(TypeRef::Any)
    };
    let kind = match media.encoding() {
        Encoding::Json => BodyKind::Json(typed()),
        Encoding::Form => BodyKind::Form(typed()),
        Encoding::Multipart => {
            let ty = typed();
            match multipart_parts(model, &ty, media) {
                Some(parts) => BodyKind::Multipart { ty, parts },
                None => {
                    warn(format!(
                        "{}: the multipart body is not an object: the caller builds the form (reqwest::multipart::Form)",
                        op.id
                    ));
                    BodyKind::RawMultipart
                }
            }
        }
        Encoding::Bytes => BodyKind::Bytes,
        Encoding::Text => BodyKind::Text,
    };
    let docs = request.description.as_deref().map(docs::rustdoc_lines).unwrap_or_default();
    Some(ClientBody { media_type: media.media_type.clone(), required: request.required, kind, docs })
}

fn multipart_parts(model: &TypeModel, ty: &TypeRef, media: &crate::MediaType) -> Option<Vec<MultipartPart>> {
    let TypeRef::Named(id) = resolve(model, ty, 0) else { return None };
    let TypeKind::Struct(s) = &model.get_type(id).kind else { return None };
    if s.additional.is_some() {
        return None;
    }
    let encoding = media.extra.get("encoding");
    let parts = s
        .fields
        .iter()
        .map(|field| {
            let file = match resolve(model, &field.ty, 0) {
                TypeRef::Primitive(Primitive::Bytes) => FilePart::One,
                TypeRef::Vec(inner) if resolve(model, &inner, 0) == TypeRef::Primitive(Primitive::Bytes) => {
                    FilePart::Many
                }
                _ => FilePart::No,
            };
            let declared = encoding
                .and_then(|e| e.get(&field.wire))
                .and_then(|e| e.get("contentType"))
                .and_then(Value::as_str)
                .filter(|ct| is_header_value(ct))
                .map(str::to_owned);
            let content_type = declared.or_else(|| (file != FilePart::No).then(|| DEFAULT_FILE_MEDIA_TYPE.to_owned()));
            MultipartPart {
                wire: field.wire.clone(),
                field: field.name.clone(),
                presence: field.presence,
                file,
                content_type,
            }
        })
        .collect();
    Some(parts)
}

fn is_header_value(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_graphic() || c == ' ')
}

/// `ty` through aliases (and boxes).
pub(super) fn resolve(model: &TypeModel, ty: &TypeRef, depth: usize) -> TypeRef {
    if depth > 16 {
        return ty.clone();
    }
    match ty {
        TypeRef::Named(id) => match &model.get_type(*id).kind {
            TypeKind::Alias(inner) => resolve(model, inner, depth + 1),
            _ => ty.clone(),
        },
        TypeRef::Boxed(inner) => resolve(model, inner, depth + 1),
        other => other.clone(),
    }
}

/// Responses sorted for matching: exact statuses, ranges, `default`. 2xx are success; `default` is success
/// when nothing else is; everything else is an error.
fn responses(model: &TypeModel, op: &Operation, types: Option<&super::OperationTypes>) -> Vec<ClientResponse> {
    let mut out: Vec<ClientResponse> = Vec::new();
    let any_success = op.responses.iter().any(|r| matches!(StatusMatch::parse(&r.status), Some(s) if is_2xx(s)));
    for response in &op.responses {
        let Some(status) = StatusMatch::parse(&response.status) else { continue };
        if out.iter().any(|r| r.status == status) {
            continue;
        }
        let success = is_2xx(status) || (status == StatusMatch::Default && !any_success);
        // HTTP gives 204, 205 and 304 no body, whatever the docs list for them.
        let bodiless = matches!(status, StatusMatch::Code(204 | 205 | 304));
        let media = response.content.iter().filter(|_| !bodiless).min_by_key(|m| m.encoding());
        let body = match media {
            None => ResponseBody::Empty,
            Some(media) => match media.encoding() {
                Encoding::Json => {
                    let ty = types
                        .and_then(|t| {
                            t.responses.iter().find(|b| {
                                b.status.as_deref() == Some(response.status.as_str())
                                    && b.media_type == media.media_type
                            })
                        })
                        .map(|b| b.ty.clone())
                        .unwrap_or(TypeRef::Any);
                    match resolve(model, &ty, 0) {
                        TypeRef::Primitive(Primitive::Bytes) => ResponseBody::Bytes,
                        _ => ResponseBody::Json(ty),
                    }
                }
                Encoding::Text => ResponseBody::Text,
                _ => ResponseBody::Bytes,
            },
        };
        let variant = match status {
            StatusMatch::Code(code) => format!("Status{code}"),
            StatusMatch::Range(digit) => format!("Status{digit}xx"),
            StatusMatch::Default => "Default".to_owned(),
        };
        let docs = docs::rustdoc_lines(&response.description);
        out.push(ClientResponse { status, success, variant, body, boxed: false, docs });
    }
    out.sort_by_key(|r| r.status);
    out
}

/// Boxes the bodies of the variants of one enum that would make every value of it large.
fn box_large_variants<'r>(model: &TypeModel, variants: impl Iterator<Item = &'r mut ClientResponse>) {
    let mut variants: Vec<&mut ClientResponse> = variants.collect();
    let bounds: Vec<size::Bounds> = variants.iter().map(|r| body_bounds(model, &r.body)).collect();
    for (response, boxed) in variants.iter_mut().zip(size::boxed_variants(&bounds)) {
        response.boxed = boxed;
    }
}

fn body_bounds(model: &TypeModel, body: &ResponseBody) -> size::Bounds {
    match body {
        ResponseBody::Empty => size::bounds(model, &TypeRef::Primitive(Primitive::Unit)),
        ResponseBody::Json(ty) => size::bounds(model, ty),
        ResponseBody::Text => size::bounds(model, &TypeRef::Primitive(Primitive::String)),
        ResponseBody::Bytes => size::bounds(model, &TypeRef::Primitive(Primitive::Bytes)),
    }
}

fn is_2xx(status: StatusMatch) -> bool {
    matches!(status, StatusMatch::Code(200..=299) | StatusMatch::Range(2))
}

fn security(api: &Api, op: &Operation, schemes: &[SecurityScheme], warn: &mut dyn FnMut(String)) -> Vec<Vec<usize>> {
    let requirements = op.security.as_ref().or(api.security.as_ref());
    let mut out: Vec<Vec<usize>> = Vec::new();
    for requirement in requirements.into_iter().flatten() {
        let Some(map) = requirement.as_object() else { continue };
        let mut alternative = Vec::new();
        for name in map.keys() {
            match schemes.iter().position(|s| s.name == *name) {
                Some(index) => alternative.push(index),
                None => {
                    warn(format!("{}: security scheme `{name}` is not declared (or not supported): ignored", op.id));
                    alternative.clear();
                    break;
                }
            }
        }
        // `{}` (no authentication) adds nothing: a request without credentials is always possible.
        if !alternative.is_empty() && !out.contains(&alternative) {
            out.push(alternative);
        }
    }
    out
}

fn primitives(ty: &TypeRef, depth: usize, found: &mut dyn FnMut(Primitive)) {
    if depth > 16 {
        return;
    }
    match ty {
        TypeRef::Primitive(p) => found(*p),
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
            primitives(inner, depth + 1, found)
        }
        TypeRef::Named(_) | TypeRef::Any => {}
    }
}

/// The summary, the description, and `` `GET /path` ``.
fn operation_docs(op: &Operation) -> Vec<String> {
    let mut lines = Vec::new();
    let paragraph = |text: &str, lines: &mut Vec<String>| docs::push_paragraph(lines, docs::rustdoc_lines(text));
    if let Some(summary) = &op.summary {
        paragraph(summary, &mut lines);
    }
    if let Some(description) = op.description.as_deref().filter(|d| Some(*d) != op.summary.as_deref()) {
        paragraph(description, &mut lines);
    }
    paragraph(&format!("`{} {}`", op.method, code_text(&op.path)), &mut lines);
    if op.deprecated {
        paragraph("Deprecated.", &mut lines);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_are_snake_case_identifiers() {
        assert_eq!(method_base("coreTokensList"), "core_tokens_list");
        assert_eq!(method_base("core_tokens_list"), "core_tokens_list");
        assert_eq!(method_base("type"), "r#type");
        assert_eq!(method_base("self"), "self_");
    }
}
