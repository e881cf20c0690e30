//! The HTTP rules every backend shares, decided once: methods, what a media type's body is on the wire,
//! parameter styles and their defaults, and which status refuses a request without credentials. The typing
//! (and through it the generated client and server) and `mdxgen mock` all read them from here; nothing in
//! this module knows Rust exists.

use std::fmt;

use serde_json::Value;

use crate::ParamLocation;

/// The HTTP methods an OpenAPI path item may hold, in the order operations are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HttpMethod {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl HttpMethod {
    /// Every method, in path-item order.
    pub const ALL: [Self; 8] =
        [Self::Get, Self::Put, Self::Post, Self::Delete, Self::Options, Self::Head, Self::Patch, Self::Trace];

    /// A method by its name, in any case (`get`, `GET`); `None` for anything a path item cannot hold.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key().eq_ignore_ascii_case(name))
    }

    /// The key of the method in a path item: `get`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Get => "get",
            Self::Put => "put",
            Self::Post => "post",
            Self::Delete => "delete",
            Self::Options => "options",
            Self::Head => "head",
            Self::Patch => "patch",
            Self::Trace => "trace",
        }
    }

    /// The method as a request line writes it: `GET`.
    pub fn wire(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Put => "PUT",
            Self::Post => "POST",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
            Self::Head => "HEAD",
            Self::Patch => "PATCH",
            Self::Trace => "TRACE",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.wire())
    }
}

/// `application/json; charset=utf-8` -> `application/json`.
pub fn essence(media_type: &str) -> String {
    media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// What a body of a media type is on the wire. The order is the preference among a body's media types:
/// JSON first, then a form, multipart, bytes and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Encoding {
    Json,
    Form,
    Multipart,
    Bytes,
    Text,
}

impl Encoding {
    /// The encoding of a body of `media_type` whose schema is `schema`. A media range (`*/*`,
    /// `application/*`) names no format of its own: what it carries is JSON, unless its schema is a binary
    /// string (a file), which goes as bytes; `text/*` is text, and any other range (`image/*`) bytes.
    pub fn of(media_type: &str, schema: Option<&Value>) -> Self {
        let essence = essence(media_type);
        let Some((kind, subtype)) = essence.split_once('/') else { return Self::Bytes };
        match (kind, subtype) {
            ("application", "json") => Self::Json,
            (_, subtype) if subtype.ends_with("+json") => Self::Json,
            ("application", "x-www-form-urlencoded") => Self::Form,
            ("multipart", _) => Self::Multipart,
            ("text", _) => Self::Text,
            ("*" | "application", "*") if !schema.is_some_and(is_binary_string) => Self::Json,
            _ => Self::Bytes,
        }
    }

    /// The content type a body of this encoding is written with when the docs name a media range or a
    /// media type that is no valid header value: `application/json`, `text/plain`, or
    /// `application/octet-stream`; a concrete, valid media type is written as it is.
    pub fn written_media_type(self, media_type: &str) -> String {
        let valid = media_type.chars().all(|c| c.is_ascii_graphic() || c == ' ');
        if !media_type.contains('*') && valid {
            return media_type.to_owned();
        }
        match self {
            Self::Json => "application/json",
            Self::Text => "text/plain",
            _ => DEFAULT_FILE_MEDIA_TYPE,
        }
        .to_owned()
    }
}

impl crate::MediaType {
    /// What a body of this media type is on the wire ([`Encoding::of`] its media type and schema).
    pub fn encoding(&self) -> Encoding {
        Encoding::of(&self.media_type, self.schema.as_ref())
    }
}

/// The content type of bytes whose docs name none (a file part, a binary body).
pub const DEFAULT_FILE_MEDIA_TYPE: &str = "application/octet-stream";

/// Whether a schema is `type: string, format: binary` (or its 3.1 spelling, `contentMediaType`).
fn is_binary_string(schema: &Value) -> bool {
    let is_string = schema.get("type").is_some_and(|t| t == "string");
    let binary = schema.get("format").is_some_and(|f| f == "binary") || schema.get("contentMediaType").is_some();
    is_string && binary
}

/// How a parameter's value is written as text (OpenAPI's `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamStyle {
    Simple,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    Label,
    Matrix,
}

impl ParamStyle {
    /// The style of a parameter in `location` that names none: `simple` in the path and headers, `form`
    /// in the query and cookies.
    pub fn default_for(location: ParamLocation) -> Self {
        match location {
            ParamLocation::Path | ParamLocation::Header => Self::Simple,
            ParamLocation::Query | ParamLocation::Cookie => Self::Form,
        }
    }

    /// A style by its OpenAPI name; `None` for a name OpenAPI does not define.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "simple" => Self::Simple,
            "form" => Self::Form,
            "spaceDelimited" => Self::SpaceDelimited,
            "pipeDelimited" => Self::PipeDelimited,
            "deepObject" => Self::DeepObject,
            "label" => Self::Label,
            "matrix" => Self::Matrix,
            _ => return None,
        })
    }

    /// The OpenAPI name of the style.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Simple => "simple",
            Self::Form => "form",
            Self::SpaceDelimited => "spaceDelimited",
            Self::PipeDelimited => "pipeDelimited",
            Self::DeepObject => "deepObject",
            Self::Label => "label",
            Self::Matrix => "matrix",
        }
    }

    /// `explode` where the docs say nothing: true for `form` only.
    pub fn default_explode(self) -> bool {
        self == Self::Form
    }
}

/// The style and explode of a parameter in `location` as its docs give them (`style` and `explode` of the
/// Parameter Object), with OpenAPI's defaults; `Err` carries the default style when the docs name a style
/// OpenAPI does not define, for the caller to warn about.
pub fn parameter_style(
    location: ParamLocation,
    extra: &serde_json::Map<String, Value>,
) -> Result<(ParamStyle, bool), (ParamStyle, bool)> {
    let default = ParamStyle::default_for(location);
    let style = match extra.get("style").and_then(Value::as_str) {
        None => Ok(default),
        Some(name) => ParamStyle::parse(name).ok_or(default),
    };
    let explode_of =
        |style: ParamStyle| extra.get("explode").and_then(Value::as_bool).unwrap_or(style.default_explode());
    style.map(|s| (s, explode_of(s))).map_err(|s| (s, explode_of(s)))
}

/// A documented response's status: a code, a range (`4XX`) or `default`. Sorted for matching: codes, then
/// ranges, then `default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusMatch {
    Code(u16),
    /// `4XX`: the hundreds digit.
    Range(u16),
    Default,
}

impl StatusMatch {
    /// A status as the docs key it (`200`, `4XX`, `default`); `None` for anything else.
    pub fn parse(status: &str) -> Option<Self> {
        if status.eq_ignore_ascii_case("default") {
            return Some(Self::Default);
        }
        let bytes = status.as_bytes();
        if bytes.len() != 3 || !(b'1'..=b'5').contains(&bytes[0]) {
            return None;
        }
        if status[1..].eq_ignore_ascii_case("xx") {
            return Some(Self::Range(u16::from(bytes[0] - b'0')));
        }
        status.parse().ok().map(Self::Code)
    }

    /// The codes of a range (`4XX`) that none of the exact statuses `taken` claims, as runs of consecutive
    /// codes (`400..=403`, `405..=499` beside a documented 404): a client tries exact statuses first, and
    /// the range's arm then names only what is left. Empty for an exact status or `default`.
    pub fn codes_left(self, taken: &[u16]) -> Vec<(u16, u16)> {
        let Self::Range(digit) = self else { return Vec::new() };
        let mut runs: Vec<(u16, u16)> = Vec::new();
        for code in digit * 100..=digit * 100 + 99 {
            if taken.contains(&code) {
                continue;
            }
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == code => *end = code,
                _ => runs.push((code, code)),
            }
        }
        runs
    }

    /// The code a server answers with when it sends this response unasked for a code: its own, the first
    /// of a range (`4XX`: 400), 200 for `default`.
    pub fn answered_code(self) -> u16 {
        match self {
            Self::Code(code) => code,
            Self::Range(digit) => digit * 100,
            Self::Default => 200,
        }
    }
}

/// The status that refuses a request without the credentials its operation requires, from the statuses
/// the operation documents: 401 when documented (alone or as `4XX`), else 403 when documented (authentik,
/// like Django REST framework, answers such a request with its documented 403), else 401.
pub fn missing_credentials_status<'a>(documented: impl IntoIterator<Item = &'a str>) -> u16 {
    let documented: Vec<&str> = documented.into_iter().collect();
    let has = |status: &str| documented.iter().any(|d| d.eq_ignore_ascii_case(status));
    if !has("401") && !has("4XX") && has("403") { 403 } else { 401 }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn methods_parse_in_any_case_and_keep_path_item_order() {
        assert_eq!(HttpMethod::parse("PATCH"), Some(HttpMethod::Patch));
        assert_eq!(HttpMethod::parse("get"), Some(HttpMethod::Get));
        assert_eq!(HttpMethod::parse("connect"), None);
        assert!(HttpMethod::Get < HttpMethod::Trace);
        assert_eq!(HttpMethod::Delete.to_string(), "DELETE");
    }

    #[test]
    fn encodings_follow_the_media_type_and_a_range_follows_its_schema() {
        let object = json!({"type": "object"});
        let file = json!({"type": "string", "format": "binary"});
        assert_eq!(Encoding::of("application/json; charset=utf-8", None), Encoding::Json);
        assert_eq!(Encoding::of("application/merge-patch+json", None), Encoding::Json);
        assert_eq!(Encoding::of("Application/X-WWW-Form-Urlencoded", None), Encoding::Form);
        assert_eq!(Encoding::of("multipart/form-data", None), Encoding::Multipart);
        assert_eq!(Encoding::of("text/csv", None), Encoding::Text);
        assert_eq!(Encoding::of("application/pdf", Some(&object)), Encoding::Bytes);
        assert_eq!(Encoding::of("*/*", Some(&object)), Encoding::Json);
        assert_eq!(Encoding::of("application/*", Some(&object)), Encoding::Json);
        assert_eq!(Encoding::of("application/*", None), Encoding::Json);
        assert_eq!(Encoding::of("application/*", Some(&file)), Encoding::Bytes);
        assert_eq!(Encoding::of("*/*", Some(&file)), Encoding::Bytes);
        assert_eq!(Encoding::of("text/*", Some(&object)), Encoding::Text);
        assert_eq!(Encoding::of("image/*", Some(&object)), Encoding::Bytes);
        assert_eq!(Encoding::of("nonsense", None), Encoding::Bytes);
    }

    #[test]
    fn ranges_and_invalid_media_types_are_written_by_their_encoding() {
        assert_eq!(Encoding::Json.written_media_type("*/*"), "application/json");
        assert_eq!(Encoding::Json.written_media_type("application/problem+json"), "application/problem+json");
        assert_eq!(Encoding::Bytes.written_media_type("image/*"), "application/octet-stream");
        assert_eq!(Encoding::Text.written_media_type("text/*"), "text/plain");
        assert_eq!(Encoding::Text.written_media_type("text/plain\u{7f}"), "text/plain");
    }

    #[test]
    fn styles_default_by_location_and_explode_by_style() {
        let extra = |value: Value| value.as_object().cloned().unwrap_or_default();
        assert_eq!(parameter_style(ParamLocation::Query, &extra(json!({}))), Ok((ParamStyle::Form, true)));
        assert_eq!(parameter_style(ParamLocation::Path, &extra(json!({}))), Ok((ParamStyle::Simple, false)));
        assert_eq!(
            parameter_style(ParamLocation::Query, &extra(json!({"style": "deepObject"}))),
            Ok((ParamStyle::DeepObject, false))
        );
        assert_eq!(
            parameter_style(ParamLocation::Cookie, &extra(json!({"explode": false}))),
            Ok((ParamStyle::Form, false))
        );
        assert_eq!(
            parameter_style(ParamLocation::Header, &extra(json!({"style": "odd"}))),
            Err((ParamStyle::Simple, false))
        );
    }

    #[test]
    fn statuses_are_classified_and_sorted() {
        assert_eq!(StatusMatch::parse("200"), Some(StatusMatch::Code(200)));
        assert_eq!(StatusMatch::parse("4XX"), Some(StatusMatch::Range(4)));
        assert_eq!(StatusMatch::parse("default"), Some(StatusMatch::Default));
        assert_eq!(StatusMatch::parse("abc"), None);
        assert_eq!(StatusMatch::parse("600"), None);
        assert!(StatusMatch::Code(500) < StatusMatch::Range(2));
        assert!(StatusMatch::Range(5) < StatusMatch::Default);
    }

    #[test]
    fn a_range_leaves_out_the_codes_exact_statuses_take() {
        assert_eq!(StatusMatch::Range(2).codes_left(&[200, 201, 404]), [(202, 299)]);
        assert_eq!(StatusMatch::Range(4).codes_left(&[404]), [(400, 403), (405, 499)]);
        assert_eq!(StatusMatch::Range(5).codes_left(&[]), [(500, 599)]);
        assert!(StatusMatch::Code(200).codes_left(&[]).is_empty());
    }

    #[test]
    fn ranges_and_default_are_answered_with_their_first_code_and_200() {
        assert_eq!(StatusMatch::Code(201).answered_code(), 201);
        assert_eq!(StatusMatch::Range(4).answered_code(), 400);
        assert_eq!(StatusMatch::Default.answered_code(), 200);
    }

    #[test]
    fn a_missing_credential_is_refused_with_401_unless_only_403_is_documented() {
        assert_eq!(missing_credentials_status(["200", "403"]), 403);
        assert_eq!(missing_credentials_status(["200", "401", "403"]), 401);
        assert_eq!(missing_credentials_status(["200", "4xx", "403"]), 401);
        assert_eq!(missing_credentials_status(["200"]), 401);
    }
}
