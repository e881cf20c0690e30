//! The async client: `src/client.rs`, one method per operation on `Client`, a request builder per
//! operation, and typed responses (a success type, and an enum of the documented error statuses inside
//! `Error<E>`). Every decision was made in [`mdxgen_ir::typing::operations`]; this only spells the
//! [`ClientModel`] with quote + prettyplease.
//!
//! The module refers to the models by path (`super::models::Token`), never by a glob, so that no model name
//! can clash with `Client`, `Error` or a builder. Its runtime (encoding by style and explode, auth, decoding)
//! is `mdxgen-runtime`'s `client.rs`, shared by every operation.

use mdxgen_ir::ParamLocation;
use mdxgen_ir::http::{DEFAULT_FILE_MEDIA_TYPE, StatusMatch};
use mdxgen_ir::typing::docs::{code_text, push_paragraph};
use mdxgen_ir::typing::operations::{
    BodyKind, ClientBody, ClientModel, ClientOperation, ClientParam, ClientResponse, FilePart, PathSegment,
    ResponseBody, SchemeKind,
};
use mdxgen_ir::typing::pagination::{FieldStep, NextPage, Pagination};
use mdxgen_ir::typing::{Presence, TypeModel, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::runtime;
use crate::spell::{self, TypePlace, doc_attrs, ident, param_style, type_path, unparse};

/// Whether the crate needs `futures` (for pagination streams).
pub fn uses_futures(client: &ClientModel) -> bool {
    client.operations.iter().any(|op| op.pagination.is_some())
}

/// `src/client.rs`.
pub fn client_module(model: &TypeModel, client: &ClientModel) -> Result<String, String> {
    unparse(client_tokens(model, client, true)?)
}

/// The client module's items, for a file of their own in the generated crate (`in_crate`) or inside
/// `pub mod client { .. }` of a file the user's crate includes.
pub fn client_tokens(model: &TypeModel, client: &ClientModel, in_crate: bool) -> Result<TokenStream, String> {
    // The page stream (which needs `futures`) only when an operation pages.
    let runtime = runtime::tokens(&runtime::client(uses_futures(client), in_crate)?);
    let schemes = client.schemes.iter().map(|scheme| spell::scheme(&scheme.kind));
    let setters = client.schemes.iter().enumerate().map(|(index, scheme)| {
        let docs = doc_attrs(&scheme.docs);
        let setter = ident(&scheme.setter);
        match scheme.kind {
            SchemeKind::Basic => quote! {
                #docs
                pub fn #setter(self, user: impl Into<String>, password: Option<String>) -> Self {
                    self.credential(#index, Credential::Basic(user.into(), password))
                }
            },
            _ => quote! {
                #docs
                pub fn #setter(self, token: impl Into<String>) -> Self {
                    self.credential(#index, Credential::Token(token.into()))
                }
            },
        }
    });
    let bearer: Vec<usize> =
        client.schemes.iter().enumerate().filter(|(_, s)| s.kind == SchemeKind::Bearer).map(|(i, _)| i).collect();
    let bearer_setter = (!bearer.is_empty()).then(|| {
        quote! {
            /// Sets the bearer token of every bearer, OAuth 2 and OpenID Connect scheme.
            pub fn with_bearer_token(self, token: impl Into<String>) -> Self {
                let token = token.into();
                let mut client = self;
                #(client = client.credential(#bearer, Credential::Token(token.clone()));)*
                client
            }
        }
    });
    let server = client.server_url.as_ref().map(|url| {
        let url = Literal::string(url);
        quote! {
            /// The server URL the docs give (server variables at their defaults).
            pub const SERVER_URL: &str = #url;
        }
    });
    let default = client.server_is_absolute.then(|| {
        quote! {
            impl Default for Client {
                /// A client for [`SERVER_URL`].
                fn default() -> Self {
                    Self::new(SERVER_URL)
                }
            }
        }
    });
    let methods = client.operations.iter().map(|op| client_method(model, op));
    let items = client.operations.iter().map(|op| operation_items(model, op));
    Ok(quote! {
        #[allow(unused_imports)]
        use super::models;

        #server

        #runtime

        const SCHEMES: &[rt::Scheme] = &[#(#schemes),*];

        #default

        impl Client {
            #(#setters)*
            #bearer_setter
            #(#methods)*
        }

        #(#items)*
    })
}

/// The `Client` method of an operation: its path parameters as arguments, a builder back.
fn client_method(model: &TypeModel, op: &ClientOperation) -> TokenStream {
    let docs = doc_attrs(&op.docs);
    let name = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let arguments = op.parameters.iter().filter(|p| p.is_argument()).map(|p| {
        let name = ident(&p.ident);
        let ty = client_type(model, &p.ty);
        quote!(#name: impl Into<#ty>)
    });
    let fields = op.parameters.iter().map(|p| {
        let name = ident(&p.ident);
        if p.is_argument() { quote!(#name: #name.into()) } else { quote!(#name: None) }
    });
    let body = op.body.as_ref().map(|_| quote!(body: None,));
    let parts = multipart(op).then(|| quote!(parts_meta: Vec::new(),));
    let link = follows_links(op).then(|| quote!(page_url: None,));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    // Path parameters are the method's arguments: an API with more than clippy's seven (self included)
    // in one path gets them all the same, in the path's order.
    let arguments_count = op.parameters.iter().filter(|p| p.is_argument()).count() + 1;
    let many = (arguments_count > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let attributes = quote!(#deprecated #many);
    let stream = op.pagination.as_ref().map(|pagination| {
        let stream = ident(&pagination.method_name);
        let doc = Literal::string(&format!(
            " Every item of [`Client::{}`], page after page, fetched as the stream is read.",
            op.method_name.trim_start_matches("r#")
        ));
        let arguments = op.parameters.iter().filter(|p| p.is_argument()).map(|p| {
            let name = ident(&p.ident);
            let ty = client_type(model, &p.ty);
            quote!(#name: impl Into<#ty>)
        });
        let names = op.parameters.iter().filter(|p| p.is_argument()).map(|p| ident(&p.ident));
        let item = stream_item(model, op, pagination);
        // The stream of a deprecated operation is deprecated too, and calls the deprecated method knowingly.
        let allow = op.deprecated.then(|| quote!(#[allow(deprecated)]));
        quote! {
            #[doc = #doc]
            #attributes
            #allow
            pub fn #stream(&self, #(#arguments),*) -> #item {
                self.#name(#(#names),*).into_stream()
            }
        }
    });
    quote! {
        #docs
        #attributes
        pub fn #name(&self, #(#arguments),*) -> #builder {
            #builder { client: self.clone(), #(#fields,)* #body #parts #link }
        }

        #stream
    }
}

fn stream_item(model: &TypeModel, op: &ClientOperation, pagination: &Pagination) -> TokenStream {
    let item = client_type(model, &pagination.item);
    let error = ident(&op.error_name);
    quote!(impl futures::Stream<Item = Result<#item, Error<#error>>>)
}

fn into_stream(model: &TypeModel, op: &ClientOperation, pagination: &Pagination) -> TokenStream {
    let ty = stream_item(model, op, pagination);
    let (items, items_optional) = field_path(quote!(page), &pagination.items);
    let items = if items_optional { quote!(#items.unwrap_or_default()) } else { items };
    let (doc, start, state, fetch) = match &pagination.next {
        NextPage::Number { page_param, at, is_float } => {
            let page = ident(&op.parameters[*page_param].ident);
            let (next, _) = field_path(quote!(page), at);
            let next = if *is_float { quote!(#next as i64) } else { next };
            let fetch = quote! {
                let page = builder.#page(number).send().await?.into_inner();
                let next = #next;
                Ok((#items, (next > 0).then_some(next)))
            };
            (" from this request's `page` (else the first) on", quote!(self.#page.unwrap_or(1)), quote!(number), fetch)
        }
        NextPage::LinkHeader => {
            let fetch = quote! {
                builder.page_url = link;
                let response = builder.send().await?;
                let next = rt::next_link(response.headers());
                let page = response.into_inner();
                Ok((#items, next.map(Some)))
            };
            (", following the `Link` headers' `rel=\"next\"`", quote!(None), quote!(link), fetch)
        }
        NextPage::LinkInBody(at) => {
            let (next, optional) = field_path(quote!(page), at);
            let next = if optional { next } else { quote!(Some(#next)) };
            let fetch = quote! {
                builder.page_url = link;
                let page = builder.send().await?.into_inner();
                let next: Option<String> = #next;
                Ok((#items, next.map(Some)))
            };
            (", following each page's link to the next", quote!(None), quote!(link), fetch)
        }
    };
    let doc = Literal::string(&format!(" Every item of every page{doc}, fetched as the stream is read."));
    // A link is set on the builder's `page_url`; a page number through its setter.
    let builder = if follows_links(op) { quote!(mut builder) } else { quote!(builder) };
    quote! {
        #[doc = #doc]
        pub fn into_stream(self) -> #ty {
            let start = #start;
            rt::pages(self, start, |#builder: Self, #state| async move { #fetch })
        }
    }
}

/// The expression reading `steps` from `root`, and whether it is an `Option`.
fn field_path(root: TokenStream, steps: &[FieldStep]) -> (TokenStream, bool) {
    let mut expression = root;
    let mut optional = false;
    for step in steps {
        let field = ident(&step.field);
        expression = match (optional, step.optional) {
            (false, _) => quote!(#expression.#field),
            (true, true) => quote!(#expression.and_then(|value| value.#field)),
            (true, false) => quote!(#expression.map(|value| value.#field)),
        };
        optional |= step.optional;
    }
    (expression, optional)
}

/// Whether the builder has the hidden `page_url` field, the next page's link of a stream.
fn follows_links(op: &ClientOperation) -> bool {
    op.pagination.as_ref().is_some_and(|p| matches!(p.next, NextPage::LinkHeader | NextPage::LinkInBody(_)))
}

fn multipart(op: &ClientOperation) -> bool {
    matches!(op.body.as_ref().map(|b| &b.kind), Some(BodyKind::Multipart { .. }))
}

fn operation_items(model: &TypeModel, op: &ClientOperation) -> TokenStream {
    let builder = ident(&op.builder_name);
    let builder_doc =
        Literal::string(&format!(" The request of [`Client::{}`].", op.method_name.trim_start_matches("r#")));
    let fields = op.parameters.iter().map(|p| {
        let name = ident(&p.ident);
        let ty = client_type(model, &p.ty);
        if p.is_argument() { quote!(#name: #ty) } else { quote!(#name: Option<#ty>) }
    });
    let body_field = op.body.as_ref().map(|b| {
        let ty = body_type(model, b);
        quote!(body: Option<#ty>,)
    });
    let parts_field = multipart(op).then(|| quote!(parts_meta: Vec<(String, String, Option<String>)>,));
    let link_field = follows_links(op).then(|| quote!(page_url: Option<String>,));
    let setters = op.parameters.iter().filter(|p| !p.is_argument()).map(|p| setter(model, p));
    let body_setter = op.body.as_ref().map(|b| body_setter(model, b));
    let parts_setters = multipart(op).then(|| {
        quote! {
            /// The file name of the file part `part` (by default the part's name).
            pub fn part_file_name(mut self, part: &str, file_name: impl Into<String>) -> Self {
                let file_name = file_name.into();
                match self.parts_meta.iter_mut().find(|(p, _, _)| p == part) {
                    Some(meta) => meta.1 = file_name,
                    None => self.parts_meta.push((part.to_owned(), file_name, None)),
                }
                self
            }

            /// The content type of the file part `part` (by default the docs' or `application/octet-stream`).
            pub fn part_content_type(mut self, part: &str, content_type: impl Into<String>) -> Self {
                let content_type = Some(content_type.into());
                match self.parts_meta.iter_mut().find(|(p, _, _)| p == part) {
                    Some(meta) => meta.2 = content_type,
                    None => self.parts_meta.push((part.to_owned(), part.to_owned(), content_type)),
                }
                self
            }
        }
    });
    let stream = op.pagination.as_ref().map(|p| into_stream(model, op, p));
    let clone = op.pagination.is_some().then(|| quote!(#[derive(Clone)]));
    let (success_ty, success_enum) = success(model, op);
    let error = ident(&op.error_name);
    let error_enum = error_enum(model, op);
    let send = send(op);
    quote! {
        #[doc = #builder_doc]
        #[must_use = "a request does nothing until it is sent"]
        #clone
        pub struct #builder {
            client: Client,
            #(#fields,)*
            #body_field
            #parts_field
            #link_field
        }

        impl #builder {
            #(#setters)*
            #body_setter
            #parts_setters
            #stream

            /// Sends the request and decodes the response by its status.
            pub async fn send(self) -> ApiResult<#success_ty, #error> {
                #send
            }
        }

        #success_enum
        #error_enum
    }
}

fn setter(model: &TypeModel, p: &ClientParam) -> TokenStream {
    let name = ident(&p.ident);
    let ty = client_type(model, &p.ty);
    let mut docs = p.docs.clone();
    if docs.is_empty() {
        docs.push(format!(" The {} parameter `{}`.", p.location.as_str(), code_text(&p.wire)));
    }
    if p.required {
        push_paragraph(&mut docs, vec![" Required.".to_owned()]);
    }
    let docs = doc_attrs(&docs);
    quote! {
        #docs
        pub fn #name(mut self, value: impl Into<#ty>) -> Self {
            self.#name = Some(value.into());
            self
        }
    }
}

fn body_type(model: &TypeModel, body: &ClientBody) -> TokenStream {
    match &body.kind {
        BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart { ty, .. } => client_type(model, ty),
        BodyKind::RawMultipart => quote!(reqwest::multipart::Form),
        BodyKind::Bytes => quote!(Vec<u8>),
        BodyKind::Text => quote!(String),
    }
}

fn body_setter(model: &TypeModel, body: &ClientBody) -> TokenStream {
    let ty = body_type(model, body);
    let mut docs = body.docs.clone();
    let sent_as = format!(
        " The request body, sent as `{}`{}.",
        code_text(&body.media_type),
        if body.required { " (required)" } else { "" }
    );
    push_paragraph(&mut docs, vec![sent_as]);
    let docs = doc_attrs(&docs);
    quote! {
        #docs
        pub fn body(mut self, value: impl Into<#ty>) -> Self {
            self.body = Some(value.into());
            self
        }
    }
}

fn response_type(model: &TypeModel, body: &ResponseBody) -> TokenStream {
    match body {
        ResponseBody::Empty => quote!(()),
        ResponseBody::Json(ty) => client_type(model, ty),
        ResponseBody::Text => quote!(String),
        ResponseBody::Bytes => quote!(Vec<u8>),
    }
}

/// The success type, and the success enum when there is one.
fn success(model: &TypeModel, op: &ClientOperation) -> (TokenStream, TokenStream) {
    let Some(name) = &op.success_name else { return (response_type(model, &op.success), TokenStream::new()) };
    let name = ident(name);
    let doc =
        Literal::string(&format!(" The success responses of [`Client::{}`].", op.method_name.trim_start_matches("r#")));
    let variants = op.responses.iter().filter(|r| r.success).map(|r| variant(model, r));
    let item = quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        pub enum #name {
            #(#variants,)*
        }
    };
    (quote!(#name), item)
}

fn variant(model: &TypeModel, response: &ClientResponse) -> TokenStream {
    let docs = doc_attrs(&response.docs);
    let name = ident(&response.variant);
    match &response.body {
        ResponseBody::Empty => quote!(#docs #name),
        body if response.boxed => {
            let ty = response_type(model, body);
            quote!(#docs #name(Box<#ty>))
        }
        body => {
            let ty = response_type(model, body);
            quote!(#docs #name(#ty))
        }
    }
}

fn error_enum(model: &TypeModel, op: &ClientOperation) -> TokenStream {
    let name = ident(&op.error_name);
    let doc = Literal::string(&format!(
        " The documented error responses of [`Client::{}`].",
        op.method_name.trim_start_matches("r#")
    ));
    let variants = op.responses.iter().filter(|r| !r.success).map(|r| variant(model, r));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        pub enum #name {
            #(#variants,)*
        }
    }
}

/// The body of `send()`: the request by the encoding rules, then one match arm per documented status.
fn send(op: &ClientOperation) -> TokenStream {
    let method = quote::format_ident!("{}", op.method.wire());
    let method = quote!(reqwest::Method::#method);
    let mut steps = Vec::new();
    for segment in &op.segments {
        match segment {
            PathSegment::Literal(text) => {
                let text = Literal::string(text);
                steps.push(quote!(request.path(#text);));
            }
            PathSegment::Param(i) => {
                let p = &op.parameters[*i];
                let name = ident(&p.ident);
                let wire = Literal::string(&p.wire);
                let style = param_style(p.style);
                let explode = p.explode;
                steps.push(quote!(request.path_param(#wire, &self.#name, #style, #explode);));
            }
        }
    }
    for p in op.parameters.iter().filter(|p| !p.is_argument()) {
        let name = ident(&p.ident);
        let wire = Literal::string(&p.wire);
        let explode = p.explode;
        if p.required {
            steps.push(quote!(request.require(#wire, self.#name.is_some());));
        }
        steps.push(match p.location {
            ParamLocation::Query => {
                let style = param_style(p.style);
                quote!(request.query(#wire, &self.#name, #style, #explode);)
            }
            ParamLocation::Header => quote!(request.header(#wire, &self.#name, #explode);),
            ParamLocation::Cookie => quote!(request.cookie(#wire, &self.#name, #explode);),
            ParamLocation::Path => TokenStream::new(),
        });
    }
    if op.body.as_ref().is_some_and(|b| b.required) {
        steps.push(quote!(request.require("body", self.body.is_some());));
    }
    if follows_links(op) {
        steps.push(quote!(request.page_url(self.page_url);));
    }
    let security = op.security.iter().map(|alternative| quote!(&[#(#alternative),*]));
    let body = op.body.as_ref().map(|b| send_body(b, &ident(&op.error_name)));
    let arms = response_arms(op);
    let decode = match arms.as_slice() {
        [(None, call)] => quote!(#call),
        arms => {
            let arms = arms.iter().map(|(pattern, call)| {
                let pattern = pattern.clone().unwrap_or_else(|| quote!(_));
                quote!(#pattern => #call,)
            });
            quote! {
                match response.status() {
                    #(#arms)*
                }
            }
        }
    };
    let error = ident(&op.error_name);
    let request_mut = (!steps.is_empty()).then(|| quote!(mut));
    let builder_mut = body.is_some().then(|| quote!(mut));
    quote! {
        let #request_mut request = rt::Request::new(&self.client, #method);
        #(#steps)*
        let #builder_mut builder = request.finish::<#error>(SCHEMES, &[#(#security),*])?;
        #body
        let response = rt::send::<#error>(&self.client, builder).await?;
        #decode
    }
}

fn send_body(body: &ClientBody, error: &proc_macro2::Ident) -> TokenStream {
    let media = Literal::string(&body.media_type);
    let plain_json = body.media_type.eq_ignore_ascii_case("application/json");
    let set = match &body.kind {
        BodyKind::Json(_) if plain_json => quote!(builder = builder.json(&body);),
        BodyKind::Json(_) => quote!(builder = builder.header(reqwest::header::CONTENT_TYPE, #media).json(&body);),
        BodyKind::Form(_) => quote!(builder = builder.form(&body);),
        BodyKind::RawMultipart => quote!(builder = builder.multipart(body);),
        BodyKind::Bytes | BodyKind::Text => {
            quote!(builder = builder.header(reqwest::header::CONTENT_TYPE, #media).body(body);)
        }
        BodyKind::Multipart { parts, .. } => {
            let parts = parts.iter().map(|part| {
                let wire = Literal::string(&part.wire);
                let field = ident(&part.field);
                let content_type = Literal::string(part.content_type.as_deref().unwrap_or(DEFAULT_FILE_MEDIA_TYPE));
                match part.file {
                    FilePart::No => quote!(form.text(#wire, &body.#field);),
                    FilePart::One => {
                        let value = match part.presence {
                            Presence::Required => quote!(Some(&body.#field)),
                            Presence::Optional | Presence::RequiredNullable => quote!(body.#field.as_ref()),
                            Presence::Tristate => quote!(body.#field.value()),
                        };
                        quote! {
                            if let Some(file) = #value {
                                form.file(#wire, #content_type, &file.0);
                            }
                        }
                    }
                    FilePart::Many => {
                        let files = match part.presence {
                            Presence::Required => quote!(body.#field.iter()),
                            Presence::Optional | Presence::RequiredNullable => quote!(body.#field.iter().flatten()),
                            Presence::Tristate => quote!(body.#field.value().into_iter().flatten()),
                        };
                        quote! {
                            for file in #files {
                                form.file(#wire, #content_type, &file.0);
                            }
                        }
                    }
                }
            });
            quote! {
                let mut form = rt::Multipart::new(&self.parts_meta);
                #(#parts)*
                builder = builder.multipart(form.finish::<#error>()?);
            }
        }
    };
    quote! {
        if let Some(body) = self.body {
            #set
        }
    }
}

/// Match arms: a status pattern (`None` for `_`) and the call that decodes the response.
fn response_arms(op: &ClientOperation) -> Vec<(Option<TokenStream>, TokenStream)> {
    let error = ident(&op.error_name);
    let success = op.success_name.as_ref().map(|n| ident(n));
    let mut arms = Vec::new();
    let mut has_default = false;
    let exact: Vec<u16> = op
        .responses
        .iter()
        .filter_map(|r| if let StatusMatch::Code(code) = r.status { Some(code) } else { None })
        .collect();
    for response in &op.responses {
        let pattern = match response.status {
            StatusMatch::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                quote!(#code)
            }
            range @ StatusMatch::Range(_) => {
                // Exact statuses come first: the range names only the codes they leave, so no arms overlap.
                let runs: Vec<TokenStream> = range
                    .codes_left(&exact)
                    .into_iter()
                    .map(|(low, high)| {
                        let (low_code, high_code) = (Literal::u16_unsuffixed(low), Literal::u16_unsuffixed(high));
                        if low == high { quote!(#low_code) } else { quote!(#low_code..=#high_code) }
                    })
                    .collect();
                if runs.is_empty() {
                    continue;
                }
                quote!(#(#runs)|*)
            }
            StatusMatch::Default => {
                has_default = true;
                TokenStream::new()
            }
        };
        let variant = (!response.variant.is_empty()).then(|| ident(&response.variant));
        let wrap = match (response.success, &success, &variant) {
            (true, Some(success), Some(variant)) => quote!(#success::#variant),
            (false, _, Some(variant)) => quote!(#error::#variant),
            _ => quote!(std::convert::identity),
        };
        let wrap = if response.boxed { quote!(|body| #wrap(Box::new(body))) } else { wrap };
        let call = match (&response.body, response.success) {
            (ResponseBody::Empty, true) if success.is_none() => quote!(response.ok(())),
            (ResponseBody::Empty, true) => quote!(response.ok(#wrap)),
            (ResponseBody::Empty, false) => quote!(response.err(#wrap)),
            (ResponseBody::Json(_), true) => quote!(response.ok_json(#wrap)),
            (ResponseBody::Json(_), false) => quote!(response.err_json(#wrap)),
            (ResponseBody::Text, true) => quote!(response.ok_text(#wrap)),
            (ResponseBody::Text, false) => quote!(response.err_text(#wrap)),
            (ResponseBody::Bytes, true) => quote!(response.ok_bytes(#wrap)),
            (ResponseBody::Bytes, false) => quote!(response.err_bytes(#wrap)),
        };
        let pattern = (response.status != StatusMatch::Default).then_some(pattern);
        arms.push((pattern, call));
    }
    if !has_default {
        arms.push((None, quote!(response.unexpected())));
    }
    arms
}

/// The Rust spelling of a type expression from inside the client module: models by path.
pub fn client_type(model: &TypeModel, ty: &TypeRef) -> TokenStream {
    type_path(model, ty, &TypePlace::beside_models(quote!(super::support)))
}
