//! The runtime of a generated client (`src/client.rs`): responses and errors, the `Client`, and `rt`, which
//! encodes requests by the OpenAPI rules, applies credentials, sends, and decodes by status. The generated
//! code adds `SCHEMES` (the security schemes, passed to `rt::Request::finish`) and one method and builder
//! per operation. Items behind `pages` are emitted when an operation pages; those behind `middleware` stay
//! behind the generated crate's feature of that name.

/// A response with a status the operation documents: the decoded body, with the status and headers.
#[derive(Debug, Clone)]
pub struct ResponseValue<T> {
    status: reqwest::StatusCode,
    headers: reqwest::header::HeaderMap,
    inner: T,
}

impl<T> ResponseValue<T> {
    /// The response's status.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The response's headers.
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The decoded body, by reference.
    pub fn inner(&self) -> &T {
        &self.inner
    }
}

impl<T> std::ops::Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

/// What can go wrong calling an operation. `E` is the operation's enum of documented error statuses.
#[derive(Debug)]
pub enum Error<E> {
    /// The request could not be made (a required parameter or body is missing, a value does not encode).
    InvalidRequest(String),
    /// Connecting, sending or receiving failed (see [`reqwest::Error`]).
    Transport(reqwest::Error),
    /// A documented error status, with its decoded body (boxed: it holds the headers).
    Response(Box<ResponseValue<E>>),
    /// A documented status whose body does not decode as the docs say; the body is kept as text.
    Decode { status: reqwest::StatusCode, body: String, source: serde_json::Error },
    /// A status the operation does not document, with the body as text.
    UnexpectedStatus { status: reqwest::StatusCode, body: String },
    /// A middleware of the client's stack failed ([`Client::with_middleware`]; the transport's own
    /// failures are [`Error::Transport`]).
    #[cfg(feature = "middleware")]
    Middleware(reqwest_middleware::Error),
}

/// What an operation's `send()` returns.
pub type ApiResult<T, E> = Result<ResponseValue<T>, Error<E>>;

impl<E> Error<E> {
    /// The response's status, when there was a response.
    pub fn status(&self) -> Option<reqwest::StatusCode> {
        match self {
            Self::InvalidRequest(_) => None,
            Self::Transport(error) => error.status(),
            Self::Response(response) => Some(response.status()),
            Self::Decode { status, .. } | Self::UnexpectedStatus { status, .. } => Some(*status),
            #[cfg(feature = "middleware")]
            Self::Middleware(_) => None,
        }
    }

    /// The body as text, for a body that did not decode or an undocumented status.
    pub fn body_text(&self) -> Option<&str> {
        match self {
            Self::Decode { body, .. } | Self::UnexpectedStatus { body, .. } => Some(body),
            _ => None,
        }
    }
}

impl<E> From<reqwest::Error> for Error<E> {
    fn from(error: reqwest::Error) -> Self {
        Self::Transport(error)
    }
}

#[cfg(feature = "middleware")]
impl<E> From<reqwest_middleware::Error> for Error<E> {
    fn from(error: reqwest_middleware::Error) -> Self {
        match error {
            reqwest_middleware::Error::Reqwest(error) => Self::Transport(error),
            error => Self::Middleware(error),
        }
    }
}

impl<E: std::fmt::Debug> std::fmt::Display for Error<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::InvalidRequest(message) => write!(f, "invalid request: {message}"),
            Self::Transport(error) => write!(f, "transport error: {error}"),
            Self::Response(response) => write!(f, "error response {}: {:?}", response.status(), response.inner()),
            Self::Decode { status, source, .. } => {
                write!(f, "the body of a {status} response does not decode: {source}")
            }
            Self::UnexpectedStatus { status, .. } => write!(f, "unexpected status {status}"),
            #[cfg(feature = "middleware")]
            Self::Middleware(error) => write!(f, "middleware error: {error}"),
        }
    }
}

impl<E: std::fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Transport(error) => Some(error),
            Self::Decode { source, .. } => Some(source),
            #[cfg(feature = "middleware")]
            Self::Middleware(error) => Some(error),
            _ => None,
        }
    }
}

/// The runtime of the generated operations: encoding by the OpenAPI rules, sending, decoding.
#[allow(dead_code)]
mod rt {
    use super::{ApiResult, Client, Credential, Error, ResponseValue};

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

    /// Where a security scheme puts its credential.
    pub enum Scheme {
        Bearer,
        Basic,
        Header(&'static str),
        Query(&'static str),
        Cookie(&'static str),
    }

    /// Percent-encodes everything but the unreserved characters of RFC 3986.
    pub fn encode(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for byte in text.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    }

    /// A scalar as text: strings as they are, numbers and booleans as JSON writes them; anything else as
    /// JSON.
    fn scalar(value: &serde_json::Value) -> Option<String> {
        match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(text) => Some(text.clone()),
            other => Some(other.to_string()),
        }
    }

    pub struct Request<'a> {
        client: &'a Client,
        method: reqwest::Method,
        path: String,
        query: Vec<String>,
        headers: Vec<(&'static str, String)>,
        cookies: Vec<String>,
        problems: Vec<String>,
        /// A next page's link, sent to instead of the path and query.
        link: Option<String>,
    }

    impl<'a> Request<'a> {
        pub fn new(client: &'a Client, method: reqwest::Method) -> Self {
            Self {
                client,
                method,
                path: String::new(),
                query: Vec::new(),
                headers: Vec::new(),
                cookies: Vec::new(),
                problems: Vec::new(),
                link: None,
            }
        }

        /// Sends to `link` (a next page's, absolute or relative to the API's URL), when there is one,
        /// instead of the path and query built so far: the link carries the query. Headers, cookies and
        /// credentials still apply.
        pub fn page_url(&mut self, link: Option<String>) {
            if link.is_some() {
                self.query.clear();
                self.link = link;
            }
        }

        fn value<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) -> serde_json::Value {
            serde_json::to_value(value).unwrap_or_else(|error| {
                self.problems.push(format!("`{name}` does not encode: {error}"));
                serde_json::Value::Null
            })
        }

        /// Literal text of the path template.
        pub fn path(&mut self, text: &str) {
            self.path.push_str(text);
        }

        /// A path parameter (style simple, percent-encoded).
        pub fn path_param<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T, style: Style, explode: bool) {
            let value = self.value(name, value);
            let items = items(&value, explode, "=", true);
            let text = match style {
                Style::Label => format!(".{}", items.join(if explode { "." } else { "," })),
                Style::Matrix if value.is_array() && explode => {
                    items.iter().map(|i| format!(";{}={i}", encode(name))).collect()
                }
                Style::Matrix if value.is_object() && explode => items.iter().map(|i| format!(";{i}")).collect(),
                Style::Matrix => format!(";{}={}", encode(name), items.join(",")),
                _ => items.join(","),
            };
            if value.is_null() {
                self.problems.push(format!("the path parameter `{name}` has no value"));
            }
            self.path.push_str(&text);
        }

        /// Fails the request when a required parameter or body is missing.
        pub fn require(&mut self, name: &str, present: bool) {
            if !present {
                self.problems.push(format!("`{name}` is required"));
            }
        }

        /// A query parameter by its style and explode; `None` sends nothing.
        pub fn query<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T, style: Style, explode: bool) {
            let value = self.value(name, value);
            let key = encode(name);
            match &value {
                serde_json::Value::Null => {}
                serde_json::Value::Array(list) => {
                    let list: Vec<String> = list.iter().filter_map(scalar).map(|s| encode(&s)).collect();
                    let delimiter = match style {
                        Style::SpaceDelimited => "%20",
                        Style::PipeDelimited => "|",
                        _ => ",",
                    };
                    if explode || style == Style::DeepObject {
                        self.query.extend(list.iter().map(|item| format!("{key}={item}")));
                    } else if !list.is_empty() {
                        self.query.push(format!("{key}={}", list.join(delimiter)));
                    }
                }
                serde_json::Value::Object(map) => {
                    let pairs = map.iter().filter_map(|(k, v)| Some((encode(k), encode(&scalar(v)?))));
                    if style == Style::DeepObject {
                        self.query.extend(pairs.map(|(k, v)| format!("{key}[{k}]={v}")));
                    } else if explode {
                        self.query.extend(pairs.map(|(k, v)| format!("{k}={v}")));
                    } else {
                        let delimiter = match style {
                            Style::SpaceDelimited => "%20",
                            Style::PipeDelimited => "|",
                            _ => ",",
                        };
                        let joined: Vec<String> = pairs.map(|(k, v)| format!("{k}{delimiter}{v}")).collect();
                        self.query.push(format!("{key}={}", joined.join(delimiter)));
                    }
                }
                scalar_value => {
                    if let Some(text) = scalar(scalar_value) {
                        self.query.push(format!("{key}={}", encode(&text)));
                    }
                }
            }
        }

        /// A header parameter (style simple; header values are not percent-encoded).
        pub fn header<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, value: &T, explode: bool) {
            let value = self.value(name, value);
            if !value.is_null() {
                self.headers.push((name, items(&value, explode, "=", false).join(",")));
            }
        }

        /// A cookie parameter (style form).
        pub fn cookie<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T, explode: bool) {
            let value = self.value(name, value);
            if !value.is_null() {
                self.cookies.push(format!("{}={}", encode(name), items(&value, explode, "=", true).join(",")));
            }
        }

        /// The request, with the credentials of the first alternative the client has them all for.
        pub fn finish<E>(
            mut self,
            schemes: &[Scheme],
            security: &[&[usize]],
        ) -> Result<reqwest::RequestBuilder, Error<E>> {
            if !self.problems.is_empty() {
                return Err(Error::InvalidRequest(self.problems.join("; ")));
            }
            let credentials = &self.client.inner.credentials;
            let chosen = security
                .iter()
                .find(|alternative| alternative.iter().all(|i| credentials.get(*i).is_some_and(Option::is_some)));
            let mut bearer = None;
            let mut basic = None;
            for index in chosen.map(|a| a.iter()).into_iter().flatten() {
                let (Some(scheme), Some(Some(credential))) = (schemes.get(*index), credentials.get(*index)) else {
                    continue;
                };
                match (scheme, credential) {
                    (Scheme::Bearer, Credential::Token(token)) => bearer = Some(token.clone()),
                    (Scheme::Basic, Credential::Basic(user, password)) => {
                        basic = Some((user.clone(), password.clone()))
                    }
                    (Scheme::Header(name), Credential::Token(key)) => self.headers.push((name, key.clone())),
                    (Scheme::Query(name), Credential::Token(key)) => {
                        self.query.push(format!("{}={}", encode(name), encode(key)))
                    }
                    (Scheme::Cookie(name), Credential::Token(key)) => {
                        self.cookies.push(format!("{}={}", encode(name), encode(key)))
                    }
                    _ => {}
                }
            }
            let mut url = match &self.link {
                Some(link) => resolve_link(&self.client.inner.base_url, link).map_err(Error::InvalidRequest)?,
                None => format!("{}{}", self.client.inner.base_url, self.path),
            };
            if !self.query.is_empty() {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str(&self.query.join("&"));
            }
            let mut builder = self.client.inner.http.request(self.method, url);
            if let Some(token) = bearer {
                builder = builder.bearer_auth(token);
            }
            if let Some((user, password)) = basic {
                builder = builder.basic_auth(user, password);
            }
            for (name, value) in self.headers {
                builder = builder.header(name, value);
            }
            if !self.cookies.is_empty() {
                builder = builder.header(reqwest::header::COOKIE, self.cookies.join("; "));
            }
            Ok(builder)
        }
    }

    /// A page's link as a URL: absolute, or relative to the API's URL. A link to another origin is refused,
    /// so that the client's credentials go to the API only.
    fn resolve_link(base_url: &str, link: &str) -> Result<String, String> {
        let base = reqwest::Url::parse(base_url).map_err(|error| format!("the base URL {base_url:?}: {error}"))?;
        let url = base.join(link).map_err(|error| format!("the next page's link {link:?}: {error}"))?;
        if url.origin() != base.origin() {
            let origin = base.origin().ascii_serialization();
            return Err(format!("the next page's link {link:?} leaves the API's origin {origin}"));
        }
        Ok(url.into())
    }

    /// A value's items as text, for the simple, label, matrix and form styles: arrays item by item, objects
    /// as keys and values (`k,v` or, exploded, `k=v`); percent-encoded when `encoded`.
    fn items(value: &serde_json::Value, explode: bool, assign: &str, encoded: bool) -> Vec<String> {
        let text = |s: &str| if encoded { encode(s) } else { s.to_owned() };
        match value {
            serde_json::Value::Null => Vec::new(),
            serde_json::Value::Array(list) => list.iter().filter_map(scalar).map(|s| text(&s)).collect(),
            serde_json::Value::Object(map) => map
                .iter()
                .filter_map(|(k, v)| {
                    let v = text(&scalar(v)?);
                    Some(if explode { format!("{}{assign}{v}", text(k)) } else { format!("{},{v}", text(k)) })
                })
                .collect(),
            other => scalar(other).map(|s| text(&s)).into_iter().collect(),
        }
    }

    /// A multipart form built from a body's fields.
    pub struct Multipart<'a> {
        form: reqwest::multipart::Form,
        files: &'a [(String, String, Option<String>)],
        problems: Vec<String>,
    }

    impl<'a> Multipart<'a> {
        pub fn new(files: &'a [(String, String, Option<String>)]) -> Self {
            Self { form: reqwest::multipart::Form::new(), files, problems: Vec::new() }
        }

        /// A text part per value (scalars as text, anything else as JSON); arrays give one part per item.
        pub fn text<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
            let value = match serde_json::to_value(value) {
                Ok(value) => value,
                Err(error) => {
                    self.problems.push(format!("`{name}` does not encode: {error}"));
                    return;
                }
            };
            let values = match value {
                serde_json::Value::Array(list) => list,
                other => vec![other],
            };
            for value in values.iter().filter_map(scalar) {
                let form = std::mem::take(&mut self.form);
                self.form = form.text(name, value);
            }
        }

        /// A file part, with the file name and content type set on the builder (else the part's name and
        /// the docs' content type).
        pub fn file(&mut self, name: &'static str, content_type: &str, bytes: &[u8]) {
            let custom = self.files.iter().find(|(part, _, _)| part == name);
            let file_name = custom.map_or(name.to_owned(), |(_, file_name, _)| file_name.clone());
            let content_type = custom.and_then(|(_, _, ct)| ct.clone()).unwrap_or_else(|| content_type.to_owned());
            let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name);
            let part = match part.mime_str(&content_type) {
                Ok(part) => part,
                Err(error) => {
                    self.problems.push(format!("`{name}`: content type {content_type:?}: {error}"));
                    return;
                }
            };
            let form = std::mem::take(&mut self.form);
            self.form = form.part(name, part);
        }

        pub fn finish<E>(self) -> Result<reqwest::multipart::Form, Error<E>> {
            if self.problems.is_empty() { Ok(self.form) } else { Err(Error::InvalidRequest(self.problems.join("; "))) }
        }
    }

    /// The items of every page, fetched lazily: `fetch` sends the request for a page (`start` first) and
    /// gives its items and the next page, `None` after the last.
    #[cfg(feature = "pages")]
    pub fn pages<B, S, T, E, F, Fut>(builder: B, start: S, fetch: F) -> impl futures::Stream<Item = Result<T, Error<E>>>
    where
        B: Clone,
        F: Fn(B, S) -> Fut,
        Fut: std::future::Future<Output = Result<(Vec<T>, Option<S>), Error<E>>>,
    {
        use futures::TryStreamExt;
        let state = (Some(start), builder, fetch);
        futures::stream::try_unfold(state, |(page, builder, fetch)| async move {
            let Some(page) = page else { return Ok::<_, Error<E>>(None) };
            let (items, next) = fetch(builder.clone(), page).await?;
            let items = futures::stream::iter(items.into_iter().map(Ok::<T, Error<E>>));
            Ok(Some((items, (next, builder, fetch))))
        })
        .try_flatten()
    }

    /// The target of the `rel="next"` link among a response's `Link` headers (RFC 8288:
    /// `<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"`).
    #[cfg(feature = "pages")]
    pub fn next_link(headers: &reqwest::header::HeaderMap) -> Option<String> {
        let values = headers.get_all(reqwest::header::LINK);
        values.iter().filter_map(|value| value.to_str().ok()).find_map(next_in_link_header)
    }

    #[cfg(feature = "pages")]
    fn next_in_link_header(value: &str) -> Option<String> {
        let mut rest = value;
        while let Some(open) = rest.find('<') {
            let after = &rest[open + 1..];
            let close = after.find('>')?;
            let parameters = &after[close + 1..];
            let parameters = &parameters[..parameters.find('<').unwrap_or(parameters.len())];
            if parameters.split(';').any(is_rel_next) {
                return Some(after[..close].to_owned());
            }
            rest = &after[close + 1..];
        }
        None
    }

    /// Whether a link parameter is `rel="next"` (a `rel` may list several relations).
    #[cfg(feature = "pages")]
    fn is_rel_next(parameter: &str) -> bool {
        let Some((name, value)) = parameter.split_once('=') else { return false };
        let value = value.trim().trim_end_matches(',').trim().trim_matches('"');
        name.trim().eq_ignore_ascii_case("rel")
            && value.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("next"))
    }

    /// A response read whole, for an operation whose error enum is `E`.
    pub struct Response<E> {
        status: reqwest::StatusCode,
        headers: reqwest::header::HeaderMap,
        body: Vec<u8>,
        error: std::marker::PhantomData<E>,
    }

    pub async fn send<E>(client: &Client, builder: reqwest::RequestBuilder) -> Result<Response<E>, Error<E>> {
        let response = client.execute(builder).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await?.to_vec();
        Ok(Response { status, headers, body, error: std::marker::PhantomData })
    }

    impl<E> Response<E> {
        pub fn status(&self) -> u16 {
            self.status.as_u16()
        }

        fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error<E>> {
            serde_json::from_slice(&self.body).map_err(|source| Error::Decode {
                status: self.status,
                body: String::from_utf8_lossy(&self.body).into_owned(),
                source,
            })
        }

        fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }

        /// A success holding `inner`.
        pub fn ok<T>(self, inner: T) -> ApiResult<T, E> {
            Ok(ResponseValue { status: self.status, headers: self.headers, inner })
        }

        /// A documented error holding `inner`.
        pub fn err<T>(self, inner: E) -> ApiResult<T, E> {
            Err(Error::Response(Box::new(ResponseValue { status: self.status, headers: self.headers, inner })))
        }

        pub fn ok_json<T: serde::de::DeserializeOwned, S>(self, wrap: impl FnOnce(T) -> S) -> ApiResult<S, E> {
            let value = self.json()?;
            self.ok(wrap(value))
        }

        pub fn ok_text<S>(self, wrap: impl FnOnce(String) -> S) -> ApiResult<S, E> {
            let value = self.text();
            self.ok(wrap(value))
        }

        pub fn ok_bytes<S>(mut self, wrap: impl FnOnce(Vec<u8>) -> S) -> ApiResult<S, E> {
            let value = std::mem::take(&mut self.body);
            self.ok(wrap(value))
        }

        pub fn err_json<T: serde::de::DeserializeOwned, S>(self, wrap: impl FnOnce(T) -> E) -> ApiResult<S, E> {
            let value = self.json()?;
            self.err(wrap(value))
        }

        pub fn err_text<S>(self, wrap: impl FnOnce(String) -> E) -> ApiResult<S, E> {
            let value = self.text();
            self.err(wrap(value))
        }

        pub fn err_bytes<S>(mut self, wrap: impl FnOnce(Vec<u8>) -> E) -> ApiResult<S, E> {
            let value = std::mem::take(&mut self.body);
            self.err(wrap(value))
        }

        pub fn unexpected<T>(self) -> ApiResult<T, E> {
            let body = String::from_utf8_lossy(&self.body).into_owned();
            Err(Error::UnexpectedStatus { status: self.status, body })
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn client() -> Client {
            Client::new("https://api.example.com/v1/")
        }

        fn url(request: Request<'_>) -> String {
            let built = request.finish::<()>(&[], &[]).and_then(|b| Ok(b.build()?));
            built.map(|r| r.url().to_string()).unwrap_or_else(|e| format!("{e}"))
        }

        #[test]
        fn text_is_percent_encoded_but_for_the_unreserved_characters() {
            assert_eq!(encode("a b/c?d=é-._~"), "a%20b%2Fc%3Fd%3D%C3%A9-._~");
        }

        #[test]
        fn path_parameters_follow_their_style_and_explode() {
            let client = client();
            let cases = [
                (Style::Simple, false, "/3,4"),
                (Style::Label, false, "/.3,4"),
                (Style::Label, true, "/.3.4"),
                (Style::Matrix, false, "/;id=3,4"),
                (Style::Matrix, true, "/;id=3;id=4"),
            ];
            for (style, explode, expected) in cases {
                let mut request = Request::new(&client, reqwest::Method::GET);
                request.path("/");
                request.path_param("id", &[3, 4], style, explode);
                assert_eq!(url(request), format!("https://api.example.com/v1{expected}"), "{style:?} {explode}");
            }
        }

        #[test]
        fn query_parameters_follow_their_style_and_explode() {
            let client = client();
            // Keys in order: a workspace build of serde_json may keep insertion order, a generated crate sorts.
            let object = serde_json::json!({"a": 1, "b": "x y"});
            let cases: [(Style, bool, serde_json::Value, &str); 6] = [
                (Style::Form, true, serde_json::json!(["a", "b"]), "p=a&p=b"),
                (Style::Form, false, serde_json::json!(["a", "b"]), "p=a,b"),
                (Style::SpaceDelimited, false, serde_json::json!(["a", "b"]), "p=a%20b"),
                (Style::PipeDelimited, false, serde_json::json!(["a", "b"]), "p=a|b"),
                (Style::DeepObject, true, object.clone(), "p[a]=1&p[b]=x%20y"),
                (Style::Form, true, object, "a=1&b=x%20y"),
            ];
            for (style, explode, value, expected) in cases {
                let mut request = Request::new(&client, reqwest::Method::GET);
                request.query("p", &value, style, explode);
                assert_eq!(request.query.join("&"), expected, "{style:?} {explode}");
            }
            let mut request = Request::new(&client, reqwest::Method::GET);
            request.query("absent", &None::<u8>, Style::Form, true);
            assert!(request.query.is_empty(), "`None` sends nothing");
        }

        #[test]
        fn a_missing_required_value_fails_the_request_before_it_is_sent() {
            let client = client();
            let mut request = Request::new(&client, reqwest::Method::GET);
            request.require("body", false);
            request.path_param("id", &None::<u8>, Style::Simple, false);
            let Err(Error::InvalidRequest(message)) = request.finish::<()>(&[], &[]) else { panic!("sent") };
            assert_eq!(message, "`body` is required; the path parameter `id` has no value");
        }

        #[test]
        fn credentials_of_the_first_alternative_held_whole_go_in_their_places() {
            let schemes =
                [Scheme::Bearer, Scheme::Header("X-Key"), Scheme::Query("key"), Scheme::Cookie("sid"), Scheme::Basic];
            let client = client()
                .credential(1, Credential::Token("k".to_owned()))
                .credential(2, Credential::Token("q".to_owned()))
                .credential(3, Credential::Token("c".to_owned()))
                .credential(4, Credential::Basic("u".to_owned(), Some("p".to_owned())));
            let mut request = Request::new(&client, reqwest::Method::GET);
            request.path("/me");
            let built = request.finish::<()>(&schemes, &[&[0, 1], &[1, 2, 3, 4]]).ok().and_then(|b| b.build().ok());
            let built = built.expect("builds");
            assert_eq!(built.url().as_str(), "https://api.example.com/v1/me?key=q");
            assert_eq!(built.headers()["x-key"], "k");
            assert_eq!(built.headers()["cookie"], "sid=c");
            assert_eq!(built.headers()["authorization"], "Basic dTpw");
        }

        #[test]
        fn a_next_link_to_another_origin_is_refused() {
            assert_eq!(
                resolve_link("https://api.example.com/v1", "/v1/items?page=2").as_deref(),
                Ok("https://api.example.com/v1/items?page=2")
            );
            assert!(resolve_link("https://api.example.com/v1", "https://evil.example.com/v1/items").is_err());
        }

        fn response(status: u16, body: &str) -> Response<String> {
            Response {
                status: reqwest::StatusCode::from_u16(status).unwrap(),
                headers: reqwest::header::HeaderMap::new(),
                body: body.as_bytes().to_vec(),
                error: std::marker::PhantomData,
            }
        }

        #[test]
        fn answers_decode_by_status_and_keep_what_does_not_decode() {
            let ok = response(200, "[1, 2]").ok_json(|items: Vec<u8>| items.len());
            assert_eq!(ok.ok().map(ResponseValue::into_inner), Some(2));
            let documented = response(404, r#""gone""#).err_json::<String, ()>(|text| text);
            assert!(matches!(documented, Err(Error::Response(r)) if r.status() == 404 && r.inner() == "gone"));
            let broken = response(200, "{").ok_json(|value: serde_json::Value| value);
            assert!(matches!(broken, Err(Error::Decode { body, .. }) if body == "{"));
            let unexpected = response(418, "teapot").unexpected::<()>();
            assert!(matches!(unexpected, Err(Error::UnexpectedStatus { body, .. }) if body == "teapot"));
        }

        #[cfg(feature = "pages")]
        #[test]
        fn the_next_link_is_found_among_the_link_headers() {
            let value = r#"<https://x/items?page=1>; rel="prev", <https://x/items?page=3>; rel="last next""#;
            assert_eq!(next_in_link_header(value).as_deref(), Some("https://x/items?page=3"));
            assert_eq!(next_in_link_header(r#"<https://x/a>; rel="last""#), None);
        }

        #[cfg(feature = "pages")]
        #[tokio::test]
        async fn the_page_stream_yields_every_item_page_after_page() {
            use futures::TryStreamExt;
            let fetch = |_: (), page: u8| async move {
                let next = (page < 3).then_some(page + 1);
                Ok::<_, Error<()>>((vec![page * 10, page * 10 + 1], next))
            };
            let items: Vec<u8> = pages((), 1, fetch).try_collect().await.ok().unwrap_or_default();
            assert_eq!(items, [10, 11, 20, 21, 30, 31]);
        }
    }
}

/// A credential set on the client.
#[derive(Clone)]
#[allow(dead_code)]
enum Credential {
    Token(String),
    Basic(String, Option<String>),
}

#[derive(Clone)]
struct Inner {
    base_url: String,
    /// Builds every request, and sends it unless `middleware` does.
    http: reqwest::Client,
    #[cfg(feature = "middleware")]
    middleware: Option<reqwest_middleware::ClientWithMiddleware>,
    /// By the index of their scheme in the generated `SCHEMES`.
    credentials: Vec<Option<Credential>>,
}

/// The API's client: cheap to clone (the connection pool and credentials are shared), `Send` and `Sync`.
#[derive(Clone)]
pub struct Client {
    inner: std::sync::Arc<Inner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("base_url", &self.inner.base_url).finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the API at `base_url` (such as `https://example.com/api/v3`), with a default
    /// `reqwest::Client`.
    pub fn new(base_url: impl Into<String>) -> Self {
        Self::with_http_client(base_url, reqwest::Client::new())
    }

    /// A client using the caller's `reqwest::Client` (for its timeouts, proxies, TLS settings).
    pub fn with_http_client(base_url: impl Into<String>, http: reqwest::Client) -> Self {
        let base_url = base_url.into().trim_end_matches('/').to_owned();
        Self {
            inner: std::sync::Arc::new(Inner {
                base_url,
                http,
                #[cfg(feature = "middleware")]
                middleware: None,
                credentials: Vec::new(),
            }),
        }
    }

    /// A client whose requests go through `middleware`'s stack (retries, tracing: see
    /// `reqwest_middleware::ClientBuilder`). Requests are built as for any client, then executed by the
    /// middleware; a middleware's failure is [`Error::Middleware`].
    #[cfg(feature = "middleware")]
    pub fn with_middleware(base_url: impl Into<String>, middleware: reqwest_middleware::ClientWithMiddleware) -> Self {
        let mut client = Self::with_http_client(base_url, reqwest::Client::new());
        std::sync::Arc::make_mut(&mut client.inner).middleware = Some(middleware);
        client
    }

    /// Sends a built request, through the middleware when the client has one.
    async fn execute<E>(&self, builder: reqwest::RequestBuilder) -> Result<reqwest::Response, Error<E>> {
        #[cfg(feature = "middleware")]
        if let Some(middleware) = &self.inner.middleware {
            return Ok(middleware.execute(builder.build()?).await?);
        }
        Ok(builder.send().await?)
    }

    /// The base URL operations' paths are appended to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The `reqwest::Client` requests are built with, and sent through unless the client has a middleware
    /// stack.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// The client with `credential` for the security scheme at `index` (of the generated `SCHEMES`).
    #[allow(dead_code)]
    fn credential(mut self, index: usize, credential: Credential) -> Self {
        let credentials = &mut std::sync::Arc::make_mut(&mut self.inner).credentials;
        if credentials.len() <= index {
            credentials.resize(index + 1, None);
        }
        credentials[index] = Some(credential);
        self
    }
}
