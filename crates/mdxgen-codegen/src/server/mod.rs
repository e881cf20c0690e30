//! The axum server: `src/server.rs`, a trait [`Api`] with one method per operation (typed inputs in, a
//! per-operation response enum out), `router(impl)` that reads, validates and answers requests, and
//! `MockApi`, which answers every operation with its documented example. Every decision was made in
//! [`mdxgen_ir::typing::server`]; this only spells the [`ServerModel`] with quote + prettyplease.
//!
//! The runtime the handlers share (reading parameters by style, bodies by media type, credentials,
//! answers), with the fixed types beside it, is `mdxgen-runtime`'s `server.rs`.
//!
//! [`Api`]: mdxgen_ir::typing::server::SERVER_TYPE_NAMES

mod calls;

use mdxgen_ir::ParamLocation;
use mdxgen_ir::http::{DEFAULT_FILE_MEDIA_TYPE, HttpMethod, StatusMatch};
use mdxgen_ir::typing::docs::{code_text, push_paragraph};
use mdxgen_ir::typing::operations::{BodyKind, ClientParam, ResponseBody};
use mdxgen_ir::typing::server::{
    Capture, ErrorBody, ErrorReply, INVALID_REQUEST, Kind, MISSING_CREDENTIALS, MISSING_INPUT, RouteSegment,
    ServerModel, ServerOperation, ServerParam, ServerResponse, Shape,
};
use mdxgen_ir::typing::{Constraints, TypeModel, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub use self::calls::round_trip_calls;
use crate::checks::value_checks;
use crate::runtime;
use crate::spell::{self, TypePlace, doc_attrs, ident, param_style, type_path, unparse};

/// Lints allowed on the server module: a response enum holds the documented types as they are, whose
/// sizes differ as the API's do (boxing them would change every implementation to help a few).
pub const SERVER_ALLOWED_LINTS: &[&str] = &["clippy::large_enum_variant"];

/// The Rust spelling of a type expression in the server module, whose handlers live in a module of their
/// own: the support module by its path from the crate root.
fn server_type(model: &TypeModel, ty: &TypeRef) -> TokenStream {
    type_path(model, ty, &TypePlace::beside_models(quote!(crate::support)))
}

/// `src/server.rs`.
pub fn server_module(model: &TypeModel, server: &ServerModel) -> Result<String, String> {
    unparse(server_tokens(model, server)?)
}

pub(crate) fn server_tokens(model: &TypeModel, server: &ServerModel) -> Result<TokenStream, String> {
    let mut runtime = runtime::server()?;
    let validation = runtime::take(&mut runtime, "ValidationError");
    let credential = runtime::take(&mut runtime, "Credential");
    let mock_error = runtime::take(&mut runtime, "MockError");
    let runtime = runtime::tokens(&runtime);
    let base_path = Literal::string(&server.base_path);
    // Only the handlers read credentials: with no routed operation that takes some, the table goes.
    let uses_schemes = server.routed().any(|op| op.credentials_field.is_some());
    let schemes = uses_schemes.then(|| {
        let schemes = server.schemes.iter().map(|scheme| {
            let name = Literal::string(&scheme.name);
            let kind = spell::scheme(&scheme.kind);
            quote!((#name, #kind))
        });
        quote! {
            /// The security schemes, by name, as the router reads their credentials.
            const SCHEMES: &[(&str, rt::Scheme)] = &[#(#schemes),*];
        }
    });
    let methods = server.operations.iter().map(trait_method);
    let items = server.operations.iter().map(|op| operation_items(model, op));
    let handlers: Vec<TokenStream> = server.routed().map(|op| handler(model, op)).collect();
    let handlers = (!handlers.is_empty()).then(|| {
        quote! {
            mod handlers {
                use super::*;

                #(#handlers)*
            }
        }
    });
    let router = router(server);
    let mock = mock(server, mock_error);
    Ok(quote! {
        #[allow(unused_imports)]
        use super::models;

        #validation

        /// The path every route is mounted under (the docs' server URL's path).
        pub const BASE_PATH: &str = #base_path;

        #schemes

        #credential

        /// The API, one method per operation: implement it and serve it with [`router`]. The router has
        /// read and validated the inputs; the method answers with one of the documented responses.
        pub trait Api: Send + Sync + 'static {
            #(#methods)*
        }

        #(#items)*

        #router

        #handlers

        #mock

        #runtime
    })
}

fn plain_name(name: &str) -> &str {
    name.trim_start_matches("r#")
}

fn trait_method(op: &ServerOperation) -> TokenStream {
    let docs = doc_attrs(&op.operation.docs);
    let name = ident(&op.method_name);
    let request = ident(&op.request_name);
    let response = ident(&op.response_name);
    quote! {
        #docs
        fn #name(&self, request: #request) -> impl std::future::Future<Output = #response> + Send;
    }
}

fn param_type(model: &TypeModel, p: &ClientParam) -> TokenStream {
    let ty = server_type(model, &p.ty);
    if p.required { ty } else { quote!(Option<#ty>) }
}

/// The body's type in the request struct (an `Option` when the body is optional).
fn body_type(model: &TypeModel, op: &ServerOperation) -> Option<TokenStream> {
    let body = op.operation.body.as_ref()?;
    let ty = body_value_type(model, &body.kind);
    Some(if body.required { ty } else { quote!(Option<#ty>) })
}

fn body_value_type(model: &TypeModel, kind: &BodyKind) -> TokenStream {
    match kind {
        BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart { ty, .. } => server_type(model, ty),
        BodyKind::RawMultipart | BodyKind::Bytes => quote!(Vec<u8>),
        BodyKind::Text => quote!(String),
    }
}

fn operation_items(model: &TypeModel, op: &ServerOperation) -> TokenStream {
    let request = ident(&op.request_name);
    let response = ident(&op.response_name);
    let method = plain_name(&op.method_name);
    let request_doc = Literal::string(&format!(" The inputs of [`Api::{method}`], read and validated."));
    let fields = op.operation.parameters.iter().map(|p| {
        let mut docs = p.docs.clone();
        if docs.is_empty() {
            docs.push(format!(" The {} parameter `{}`.", p.location.as_str(), code_text(&p.wire)));
        }
        let docs = doc_attrs(&docs);
        let name = ident(&p.ident);
        let ty = param_type(model, p);
        quote!(#docs pub #name: #ty,)
    });
    let body = body_type(model, op).map(|ty| {
        let media = op.operation.body.as_ref().map(|b| b.media_type.as_str()).unwrap_or_default();
        let doc = Literal::string(&format!(" The request body (`{}`).", code_text(media)));
        quote!(#[doc = #doc] pub body: #ty,)
    });
    let credentials = op.credentials_field.as_ref().map(|field| {
        let field = ident(field);
        quote! {
            /// The credentials of the first security alternative the request holds all of (empty when it
            /// holds none and the operation allows that); checking them is the implementation's job.
            pub #field: Vec<Credential>,
        }
    });
    let response_doc = Literal::string(&format!(" The documented responses of [`Api::{method}`]."));
    let variants = op.responses.iter().map(|r| response_variant(model, r));
    let arms = op.responses.iter().map(response_arm);
    quote! {
        #[doc = #request_doc]
        #[derive(Debug, Clone)]
        pub struct #request {
            #(#fields)*
            #body
            #credentials
        }

        #[doc = #response_doc]
        #[derive(Debug, Clone)]
        pub enum #response {
            #(#variants,)*
        }

        impl axum::response::IntoResponse for #response {
            fn into_response(self) -> axum::response::Response {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

fn response_body_type(model: &TypeModel, body: &ResponseBody) -> Option<TokenStream> {
    match body {
        ResponseBody::Empty => None,
        ResponseBody::Json(ty) => Some(server_type(model, ty)),
        ResponseBody::Text => Some(quote!(String)),
        ResponseBody::Bytes => Some(quote!(Vec<u8>)),
    }
}

fn response_variant(model: &TypeModel, response: &ServerResponse) -> TokenStream {
    let mut docs = response.docs.clone();
    if let StatusMatch::Range(_) | StatusMatch::Default = response.status {
        push_paragraph(&mut docs, vec![" The status comes first.".to_owned()]);
    }
    let docs = doc_attrs(&docs);
    let name = ident(&response.variant);
    let code = matches!(response.status, StatusMatch::Range(_) | StatusMatch::Default).then(|| quote!(u16));
    match (code, response_body_type(model, &response.body)) {
        (None, None) => quote!(#docs #name),
        (None, Some(body)) => quote!(#docs #name(#body)),
        (Some(code), None) => quote!(#docs #name(#code)),
        (Some(code), Some(body)) => quote!(#docs #name(#code, #body)),
    }
}

fn response_arm(response: &ServerResponse) -> TokenStream {
    let name = ident(&response.variant);
    let (pattern_code, status) = match response.status {
        StatusMatch::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            (None, quote!(#code))
        }
        StatusMatch::Range(digit) => {
            let digit = Literal::u16_unsuffixed(digit);
            (Some(quote!(status)), quote!(rt::in_range(status, #digit)))
        }
        StatusMatch::Default => (Some(quote!(status)), quote!(status)),
    };
    let content_type = Literal::string(response.content_type.as_deref().unwrap_or(DEFAULT_FILE_MEDIA_TYPE));
    let (has_body, write) = match response.body {
        ResponseBody::Empty => (false, quote!(rt::empty(#status))),
        ResponseBody::Json(_) => (true, quote!(rt::json(#status, #content_type, &body))),
        ResponseBody::Text => (true, quote!(rt::text(#status, #content_type, body))),
        ResponseBody::Bytes => (true, quote!(rt::bytes(#status, #content_type, body))),
    };
    let body = has_body.then(|| quote!(body));
    let pattern = match (pattern_code, body) {
        (None, None) => quote!(Self::#name),
        (None, Some(body)) => quote!(Self::#name(#body)),
        (Some(code), None) => quote!(Self::#name(#code)),
        (Some(code), Some(body)) => quote!(Self::#name(#code, #body)),
    };
    quote!(#pattern => #write,)
}

fn reply(reply: &ErrorReply) -> TokenStream {
    let status = Literal::u16_unsuffixed(reply.status);
    match &reply.body {
        ErrorBody::FieldMap { root_key } => {
            let root_key = Literal::string(root_key);
            quote!(rt::Reply::FieldMap { status: #status, root_key: #root_key })
        }
        ErrorBody::Template { json, message_field } => {
            let json = Literal::string(json);
            let field = match message_field {
                Some(field) => {
                    let field = Literal::string(field);
                    quote!(Some(#field))
                }
                None => quote!(None),
            };
            quote!(rt::Reply::Template { status: #status, json: #json, message_field: #field })
        }
        ErrorBody::Problem => quote!(rt::Reply::Problem { status: #status }),
    }
}

fn kind(kind: Kind) -> TokenStream {
    match kind {
        Kind::String => quote!(rt::Kind::String),
        Kind::Integer => quote!(rt::Kind::Integer),
        Kind::Number => quote!(rt::Kind::Number),
        Kind::Boolean => quote!(rt::Kind::Boolean),
        Kind::Json => quote!(rt::Kind::Json),
    }
}

fn shape(shape: Shape) -> TokenStream {
    match shape {
        Shape::Scalar(k) => {
            let k = kind(k);
            quote!(rt::Shape::Scalar(#k))
        }
        Shape::Array(k) => {
            let k = kind(k);
            quote!(rt::Shape::Array(#k))
        }
        Shape::Object => quote!(rt::Shape::Object),
    }
}

/// The statement reading one parameter into a local of its identifier (always an `Option`).
fn read_param(model: &TypeModel, index: usize, p: &ClientParam, server: &ServerParam) -> TokenStream {
    let name = param_local(index);
    let ty = server_type(model, &p.ty);
    let wire = Literal::string(&p.wire);
    let style = param_style(p.style);
    let explode = p.explode;
    let shape = shape(server.shape);
    let required = p.required;
    let param =
        quote!(&rt::Param { wire: #wire, style: #style, explode: #explode, shape: #shape, required: #required });
    let read = match (p.location, &server.capture) {
        (ParamLocation::Path, Some(Capture { index, prefix, suffix })) => {
            let capture = Literal::string(&capture_name(*index));
            let (prefix, suffix) = (Literal::string(prefix), Literal::string(suffix));
            quote!(input.path(#param, &rt::Capture { name: #capture, prefix: #prefix, suffix: #suffix }))
        }
        (ParamLocation::Path | ParamLocation::Query, _) => quote!(input.query(#param)),
        (ParamLocation::Header, _) => quote!(input.header(#param)),
        (ParamLocation::Cookie, _) => quote!(input.cookie(#param)),
    };
    quote!(let #name: Option<#ty> = #read;)
}

/// The handler's local for its `index`th parameter: by position, not by the parameter's name, which may be
/// any of the handler's own locals (`input`, `api`, `request`, `body`).
fn param_local(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("param_{index}")
}

/// `field: local`, or `field` alone where the two are one name (clippy's `redundant_field_names`).
fn field_init(field: &str, local: &proc_macro2::Ident) -> TokenStream {
    let field = ident(field);
    if field == *local { quote!(#field) } else { quote!(#field: #local) }
}

/// The checks of one value (a local `Option`) against its constraints and nested types.
fn check(model: &TypeModel, local: &TokenStream, wire: &str, ty: &TypeRef, constraints: &Constraints) -> TokenStream {
    let checks = value_checks(model, ty, constraints, 0);
    if checks.is_empty() {
        return TokenStream::new();
    }
    let wire = Literal::string(wire);
    quote! {
        if let Some(value) = &#local {
            let path = #wire;
            #checks
        }
    }
}

fn handler(model: &TypeModel, op: &ServerOperation) -> TokenStream {
    let name = ident(&op.method_name);
    let request = ident(&op.request_name);
    let invalid = reply(&op.invalid);
    let (invalid_message, missing_message) = (Literal::string(INVALID_REQUEST), Literal::string(MISSING_INPUT));
    let credentials = op.credentials_field.as_ref().map(|_| {
        let alternatives = op.operation.security.iter().map(|a| {
            let a = a.iter().map(|i| Literal::usize_unsuffixed(*i));
            quote!(&[#(#a),*])
        });
        let refuse = op.credentials_required.then(|| {
            let unauthorized = reply(&op.unauthorized);
            let message = Literal::string(MISSING_CREDENTIALS);
            quote! {
                if credentials.is_empty() {
                    return rt::reply(&#unauthorized, &[], #message);
                }
            }
        });
        quote! {
            let credentials = input.credentials(SCHEMES, &[#(#alternatives),*]);
            #refuse
        }
    });
    let reads =
        op.operation.parameters.iter().zip(&op.parameters).enumerate().map(|(i, (p, s))| read_param(model, i, p, s));
    let body = op.operation.body.as_ref().map(|body| {
        let accepted = op.accepted_media_types.iter().map(|m| Literal::string(m));
        let required = body.required;
        let read = match &body.kind {
            BodyKind::Json(_) => quote!(input.json_body(&[#(#accepted),*], #required)),
            BodyKind::Form(_) => quote!(input.form_body(&[#(#accepted),*], #required)),
            BodyKind::Multipart { .. } => {
                let parts = op.multipart.iter().map(|part| {
                    let name = Literal::string(&part.wire);
                    let (file, many, kind) = (part.file, part.many, kind(part.kind));
                    quote!(rt::Part { name: #name, file: #file, many: #many, kind: #kind })
                });
                quote!(input.multipart_body(&[#(#accepted),*], #required, &[#(#parts),*]).await)
            }
            BodyKind::RawMultipart | BodyKind::Bytes => quote!(input.bytes_body(&[#(#accepted),*], #required)),
            BodyKind::Text => quote!(input.text_body(&[#(#accepted),*], #required)),
        };
        let ty = body_value_type(model, &body.kind);
        quote! {
            let body: Option<#ty> = match #read {
                Ok(body) => body,
                Err(refusal) => return axum::response::IntoResponse::into_response(refusal),
            };
        }
    });
    let mut checks: Vec<TokenStream> = op
        .operation
        .parameters
        .iter()
        .zip(&op.parameters)
        .enumerate()
        .map(|(i, (p, s))| {
            let local = param_local(i);
            check(model, &quote!(#local), &p.wire, &p.ty, &s.constraints)
        })
        .collect();
    if let Some(ty) = op.operation.body.as_ref().and_then(|b| b.kind.model_type()) {
        checks.push(check(model, &quote!(body), "", ty, &Constraints::default()));
    }
    checks.retain(|c| !c.is_empty());
    let checks = (!checks.is_empty()).then(|| {
        quote! {
            {
                let errors = &mut input.errors;
                #(#checks)*
            }
        }
    });
    let required: Vec<_> = op
        .operation
        .parameters
        .iter()
        .enumerate()
        .filter(|(_, p)| p.required)
        .map(|(i, _)| param_local(i))
        .chain(op.operation.body.as_ref().filter(|b| b.required).map(|_| ident("body")))
        .collect();
    let unwrap = (!required.is_empty()).then(|| {
        quote! {
            let (#(Some(#required),)*) = (#(#required,)*) else {
                return rt::reply(&#invalid, &input.errors, #missing_message);
            };
        }
    });
    let parameters = op.operation.parameters.iter().enumerate().map(|(i, p)| field_init(&p.ident, &param_local(i)));
    let body_field = op.operation.body.as_ref().map(|_| quote!(body));
    let credentials_field =
        op.credentials_field.as_deref().map(|field| field_init(field, &quote::format_ident!("credentials")));
    let fields = parameters.chain(body_field).chain(credentials_field);
    let mutable = (!op.operation.parameters.is_empty() || op.operation.body.is_some()).then(|| quote!(mut));
    quote! {
        pub(super) async fn #name<S: Api>(
            axum::extract::State(api): axum::extract::State<std::sync::Arc<S>>,
            request: axum::extract::Request,
        ) -> axum::response::Response {
            let #mutable input = match rt::Input::read(request).await {
                Ok(input) => input,
                Err(refusal) => return axum::response::IntoResponse::into_response(refusal),
            };
            #credentials
            #(#reads)*
            #body
            #checks
            if !input.errors.is_empty() {
                return rt::reply(&#invalid, &input.errors, #invalid_message);
            }
            #unwrap
            let request = #request { #(#fields),* };
            axum::response::IntoResponse::into_response(api.#name(request).await)
        }
    }
}

fn method_filter(method: HttpMethod) -> TokenStream {
    let method = quote::format_ident!("{}", method.wire());
    quote!(axum::routing::MethodFilter::#method)
}

/// A route in axum's syntax: literal text with its braces doubled, each capture `{pN}`.
fn axum_route(route: &[RouteSegment]) -> String {
    let segments: Vec<String> = route
        .iter()
        .map(|segment| match segment {
            RouteSegment::Literal(text) => text.replace('{', "{{").replace('}', "}}"),
            RouteSegment::Capture(index) => format!("{{{}}}", capture_name(*index)),
        })
        .collect();
    segments.join("/")
}

/// The name of a route's capture: positional, so that `/a/{id}` and `/a/{name}` are one route.
fn capture_name(index: usize) -> String {
    format!("p{index}")
}

/// `router(api)`: each route with its methods (axum answers HEAD with the GET handler where the docs
/// have no HEAD), under [`ServerModel::base_path`], and 404 for every other path.
fn router(server: &ServerModel) -> TokenStream {
    let mut routes: Vec<(&[RouteSegment], Vec<&ServerOperation>)> = Vec::new();
    for op in &server.operations {
        let Some(route) = op.route.as_deref() else { continue };
        match routes.iter_mut().find(|(r, _)| *r == route) {
            Some((_, ops)) => ops.push(op),
            None => routes.push((route, vec![op])),
        }
    }
    let routes: Vec<TokenStream> = routes
        .into_iter()
        .map(|(route, ops)| {
            let route = Literal::string(&axum_route(route));
            let mut methods = ops.iter().map(|op| {
                let filter = method_filter(op.operation.method);
                let handler = ident(&op.method_name);
                (filter, quote!(handlers::#handler::<S>))
            });
            let first = methods.next().map(|(filter, handler)| quote!(axum::routing::on(#filter, #handler)));
            let rest = methods.map(|(filter, handler)| quote!(.on(#filter, #handler)));
            quote!(.route(#route, #first #(#rest)*))
        })
        .collect();
    let groups: Vec<_> =
        routes.chunks(ITEMS_PER_FUNCTION).enumerate().map(|(i, routes)| route_group(i, routes)).collect();
    let uses = (!groups.is_empty()).then(|| {
        quote!(
            use super::*;
        )
    });
    let names = (0..groups.len()).map(group_name);
    let count = Literal::usize_unsuffixed(groups.len());
    let groups_doc =
        Literal::string(&format!(" The routes of [`router`], in groups of at most {ITEMS_PER_FUNCTION} paths."));
    let mount =
        if server.base_path.is_empty() { quote!(routes) } else { quote!(axum::Router::new().nest(BASE_PATH, routes)) };
    quote! {
        /// Every operation of the API under [`BASE_PATH`], served by `api`: requests are read and validated
        /// against the docs (400 with the documented body), credentials are read (401 or 403 when required
        /// and absent), a body is at most 2 MiB (413) of a documented media type (415), JSON nests at most
        /// 64 levels; an unknown path is 404, a wrong method 405 with `Allow`.
        pub fn router<S: Api>(api: S) -> axum::Router {
            let groups: [routes::Group<S>; #count] = [#(routes::#names),*];
            let routes = groups
                .into_iter()
                .fold(axum::Router::new(), |routes, group| group(routes))
                .with_state(std::sync::Arc::new(api));
            #mount.fallback(rt::not_found)
        }

        #[doc = #groups_doc]
        mod routes {
            #uses

            /// Adds a group of routes.
            pub(super) type Group<S> = fn(axum::Router<std::sync::Arc<S>>) -> axum::Router<std::sync::Arc<S>>;

            #(#groups)*
        }
    }
}

/// How many paths one function of `router` adds, and how many answers one function of `MockApi::new`
/// decodes: LLVM's release build of a function doing either for a whole large API (hundreds of calls,
/// each with its own exit) is superlinear, many minutes for authentik's 875 operations.
const ITEMS_PER_FUNCTION: usize = 40;

/// The name of the `index`th group: its function in `routes`, its field in `MockApi`.
fn group_name(index: usize) -> proc_macro2::Ident {
    ident(&format!("group_{index}"))
}

/// The function adding `routes`, the `index`th group, never inlined into `router` (whose only call it is).
fn route_group(index: usize, routes: &[TokenStream]) -> TokenStream {
    let name = group_name(index);
    quote! {
        #[inline(never)]
        pub(super) fn #name<S: Api>(routes: axum::Router<std::sync::Arc<S>>) -> axum::Router<std::sync::Arc<S>> {
            routes #(#routes)*
        }
    }
}

/// `MockApi`: every answer decoded once, in `new()`, boxed, and cloned per request.
fn mock(server: &ServerModel, mock_error: TokenStream) -> TokenStream {
    let groups: Vec<&[ServerOperation]> = server.operations.chunks(ITEMS_PER_FUNCTION).collect();
    let group_type = |i: usize| ident(&format!("Group{i}"));
    let fields = (0..groups.len()).map(|i| {
        let (field, ty) = (group_name(i), group_type(i));
        quote!(#field: mock_answers::#ty,)
    });
    let values = (0..groups.len()).map(|i| {
        let (field, ty) = (group_name(i), group_type(i));
        quote!(#field: mock_answers::#ty::new()?,)
    });
    let methods = groups.iter().enumerate().flat_map(|(i, ops)| {
        let field = group_name(i);
        ops.iter().map(move |op| {
            let name = ident(&op.method_name);
            let request = ident(&op.request_name);
            let response = ident(&op.response_name);
            quote! {
                fn #name(&self, _request: #request) -> impl std::future::Future<Output = #response> + Send {
                    std::future::ready(#response::clone(&self.#field.#name))
                }
            }
        })
    });
    let group_items = groups.iter().enumerate().map(|(i, ops)| mock_group(&group_type(i), ops));
    let groups_doc = Literal::string(&format!(
        " The answers of [`MockApi`] in groups of at most {ITEMS_PER_FUNCTION} operations, each decoded by a \
         function of its own."
    ));
    let uses = (!groups.is_empty()).then(|| {
        quote!(
            use super::*;
        )
    });
    let fallback = mock_fallback(server);
    quote! {
        /// An implementation of [`Api`] from the docs alone: every operation answers its first documented
        /// success with the docs' example for it (else a value made from its type that passes its
        /// validation), so tests and frontends can work against the API before it exists.
        #[derive(Debug, Clone)]
        pub struct MockApi {
            #(#fields)*
        }

        impl MockApi {
            /// Decodes every answer once.
            ///
            /// # Errors
            ///
            /// An operation none of whose candidate answers its type reads (the docs' example is wrong).
            pub fn new() -> Result<Self, MockError> {
                Ok(Self {
                    #(#values)*
                })
            }
        }

        #[doc = #groups_doc]
        mod mock_answers {
            #uses

            #(#group_items)*
        }

        impl Api for MockApi {
            #(#methods)*
        }

        #fallback

        #mock_error
    }
}

/// `MockFallback`: a server written one operation at a time, the mock answering the rest. A trait of its
/// own with a blanket `Api` impl, because `Api` itself has no defaults: an implementation of `Api` that
/// forgets an operation must not compile, and must not answer with examples in production.
fn mock_fallback(server: &ServerModel) -> TokenStream {
    let accessor = ident(&server.mock_accessor);
    let signature = |op: &ServerOperation| {
        let name = ident(&op.method_name);
        let request = ident(&op.request_name);
        let response = ident(&op.response_name);
        quote!(fn #name(&self, request: #request) -> impl std::future::Future<Output = #response> + Send)
    };
    let defaults = server.operations.iter().map(|op| {
        let docs = doc_attrs(&op.operation.docs);
        let name = ident(&op.method_name);
        let signature = signature(op);
        quote! {
            #docs
            #signature {
                Api::#name(self.#accessor(), request)
            }
        }
    });
    let forwards = server.operations.iter().map(|op| {
        let name = ident(&op.method_name);
        let signature = signature(op);
        quote! {
            #signature {
                MockFallback::#name(self, request)
            }
        }
    });
    quote! {
        /// [`Api`] with a [`MockApi`] behind it: implement this trait instead of [`Api`] and write only the
        /// operations that are ready; every other one answers as the mock does. Whatever implements it
        /// implements [`Api`], so [`router`] serves it.
        pub trait MockFallback: Send + Sync + 'static {
            /// The mock that answers the operations this implementation does not write.
            fn #accessor(&self) -> &MockApi;

            #(#defaults)*
        }

        impl<T: MockFallback> Api for T {
            #(#forwards)*
        }
    }
}

/// The struct of a group of `MockApi`'s answers, boxed, and the function decoding them, never inlined
/// into `MockApi::new` (whose only call it is).
fn mock_group(name: &proc_macro2::Ident, ops: &[ServerOperation]) -> TokenStream {
    let fields = ops.iter().map(|op| {
        let name = ident(&op.method_name);
        let response = ident(&op.response_name);
        quote!(pub(super) #name: Box<#response>,)
    });
    let values = ops.iter().map(|op| {
        let name = ident(&op.method_name);
        let value = mock_value(op);
        quote!(#name: #value,)
    });
    quote! {
        #[derive(Debug, Clone)]
        pub(super) struct #name {
            #(#fields)*
        }

        impl #name {
            #[inline(never)]
            pub(super) fn new() -> Result<Self, MockError> {
                Ok(Self {
                    #(#values)*
                })
            }
        }
    }
}

/// The boxed answer of `op` in `MockApi::new`: decoded by `rt::answer` where it has a JSON body.
fn mock_value(op: &ServerOperation) -> TokenStream {
    let response = ident(&op.response_name);
    let Some(answer) = op.responses.get(op.mock_response) else { return TokenStream::new() };
    let variant = ident(&answer.variant);
    let code = match answer.status {
        StatusMatch::Code(_) => None,
        status => Some(Literal::u16_unsuffixed(status.answered_code())),
    };
    let code = code.map(|code| quote!(#code,));
    match &answer.body {
        ResponseBody::Empty => match code {
            None => quote!(Box::new(#response::#variant)),
            Some(code) => quote!(Box::new(#response::#variant(#code))),
        },
        ResponseBody::Json(_) => {
            let operation = Literal::string(&op.operation.operation_id);
            let candidates = op.mock_candidates.iter().map(|c| Literal::string(c));
            let wrap = match code {
                None => quote!(#response::#variant),
                Some(code) => quote!(|body| #response::#variant(#code body)),
            };
            quote!(rt::answer(#operation, &[#(#candidates),*], #wrap)?)
        }
        ResponseBody::Text => quote!(Box::new(#response::#variant(#code String::new()))),
        ResponseBody::Bytes => quote!(Box::new(#response::#variant(#code Vec::new()))),
    }
}
