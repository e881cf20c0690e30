//! The rendered plain-text form of an operation page: what a reader copies from the docs site
//! (`document.body.innerText`-like text of a page the theme `docusaurus-theme-openapi-docs` rendered).
//!
//! Such a text has no frontmatter and no components. It reads, line by line (every tab panel is in the copy,
//! one after the other; folded items show their summary only):
//!
//! ```text
//! stages_authenticator_duo_partial_update          the page title: the operationId (or the summary)
//! PATCH/api/v3//stages/authenticator/duo/:stage_uuid/   method, server URL and path (`:name` for `{name}`)
//! AuthenticatorDuoStage Viewset                    the description
//! Request
//! Path Parameters                                  then Query / Header / Cookie Parameters
//! stage_uuid uuidrequired                          name, label, markers; then qualifier, description...
//! - application/json                               the request media types (tabs)
//! Body                                             `Body`, `Body array`, `Bodyrequired`
//! namestring                                       one item per property (see `schema.rs`)
//! Possible values: non-empty
//! flow_set object[]                                a folded item: its fields are not in the text
//! Responses
//! - 200                                            the status tabs, then each status's panel
//! - application/json / - Schema / - Example (auto) / Schema / items / the example's JSON
//! Authorization: http                              the right column: the security scheme shown,
//! name: authentiktype: httpscheme: bearer          the code sample tabs, `Base URL`, the request `Body`
//! ```
//!
//! This is the text of theme 4.3-4.4 (seed 002's; `tools/render-text` makes more). The copy of other theme
//! versions differs in details the reader reads as well (a space between name and type, a folded item's
//! name, label and markers on lines of their own, `Example (from schema)` and no security box in 4.0/4.1;
//! `string<uuid>` labels, bare titles and a body's own example tab in 5.x); a copy made with the browser's own `innerText` (CSS upper-casing, every
//! flex item on its own line, only the selected tab) is not this form.
//!
//! **Unknowns.** What the text cannot tell is not guessed: it is listed in an `x-mdxgen-unknown` array of
//! strings on the object it concerns (the operation, a response, a schema node), and each is reported as a
//! located warning (code `rendered-text`). The operation's list always holds what no rendered page shows
//! (tags, readOnly/writeOnly, object titles, parameter serialization); schema nodes list what their lines do
//! not say, e.g. `properties` for an object folded away with no example to read its fields from, or
//! `required of the fields below` for fields read from an example. The extension survives into the spec
//! (OpenAPI allows `x-` keys on operations, responses and schemas).

mod example;
mod label;
mod lines;
mod qualifier;
mod responses;
mod schema;

use serde_json::{Map, Value, json};

use self::lines::{Line, tab_label};
use crate::{Example, OperationPage, Origin, PageReader};

/// The diagnostic code of everything this form reports.
const CODE: &str = "rendered-text";

/// What no rendered page shows, whatever the operation.
const NEVER_SHOWN: &[&str] = &[
    "tags",
    "externalDocs",
    "readOnly and writeOnly (a request hides readOnly fields, a response writeOnly ones)",
    "titles of objects and arrays",
    "parameter style and explode",
];

/// What an operation lists as unknown when its page shows no security box but needs credentials.
const SECURITY_UNKNOWN: &str = "security";

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

/// The tabs of the code samples in the right column.
const CODE_LANGUAGES: &[&str] = &[
    "curl",
    "python",
    "go",
    "nodejs",
    "ruby",
    "csharp",
    "php",
    "java",
    "powershell",
    "dart",
    "javascript",
    "kotlin",
    "c",
    "objective-c",
    "ocaml",
    "r",
    "rust",
    "shell",
    "swift",
    "http",
];

/// A warning found while reading, at a line.
pub(crate) struct Note {
    pub offset: usize,
    pub message: String,
}

impl Note {
    pub(crate) fn at(line: &Line<'_>, message: impl Into<String>) -> Self {
        Self { offset: line.offset, message: message.into() }
    }
}

/// The warnings of one page, and how many more lines JSON examples may scan: a copy can hold any number of
/// lines that look like the start of an example, and each is scanned to its end; the budget keeps a hostile
/// text from making that quadratic.
pub(crate) struct Notes {
    list: Vec<Note>,
    /// Whether the page is an inline tree of plugin 4.0/4.1 rendered by theme 3.x-4.1 (told by its
    /// `Example (from schema)` tabs): its fields made with `allOf` show the member's schema only, without
    /// the wrapper's default.
    pub(crate) inline_tree: bool,
    json_lines_left: usize,
    json_budget_reported: bool,
}

impl Notes {
    /// Warnings of a page of `lines` lines. Real pages scan each example line a few times.
    pub(crate) fn for_lines(lines: usize) -> Self {
        Self {
            list: Vec::new(),
            inline_tree: false,
            json_lines_left: lines.saturating_mul(8).saturating_add(100_000),
            json_budget_reported: false,
        }
    }

    #[cfg(test)]
    pub(crate) fn new() -> Self {
        Self::for_lines(0)
    }

    pub(crate) fn push(&mut self, note: Note) {
        self.list.push(note);
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn json_lines_left(&self) -> usize {
        self.json_lines_left
    }

    /// Takes `lines` from the JSON budget; `false` (reported once, at `at`) when it is spent.
    pub(crate) fn spend_json_lines(&mut self, lines: usize, at: &Line<'_>) -> bool {
        if self.json_lines_left >= lines {
            self.json_lines_left -= lines;
            return true;
        }
        self.json_lines_left = 0;
        if !self.json_budget_reported {
            self.json_budget_reported = true;
            self.push(Note::at(
                at,
                "the text holds more example-like lines than a page has: examples from here on are not read",
            ));
        }
        false
    }
}

/// Whether `text` is the rendered text of an operation page: a title line, then the method and the path (on
/// the same line, or the path on the next one). MDX pages start with frontmatter, imports or components,
/// the sidebar with code; none starts like this.
pub(crate) fn is_rendered_text(text: &str) -> bool {
    let mut first = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(title), Some(second)) = (first.next(), first.next()) else { return false };
    let starts_like_code =
        ["---", "import ", "export ", "<", "{", "[", "//", "/*", "#", "- "].iter().any(|p| title.starts_with(p));
    !starts_like_code && endpoint(second, first.next()).is_some()
}

/// The method and the endpoint (server URL + path) of the method line; `true` when the endpoint is on the
/// next line.
fn endpoint<'a>(line: &'a str, next: Option<&'a str>) -> Option<(&'a str, &'a str, bool)> {
    let method = METHODS.iter().find(|m| line.starts_with(**m))?;
    let rest = line[method.len()..].trim();
    let (endpoint, on_next_line) = if rest.is_empty() { (next?.trim(), true) } else { (rest, false) };
    let looks_like_path =
        endpoint.starts_with('/') || endpoint.starts_with("http://") || endpoint.starts_with("https://");
    (looks_like_path && !endpoint.contains(char::is_whitespace)).then_some((method, endpoint, on_next_line))
}

/// Reads the page. Only called when [`is_rendered_text`] said yes.
pub(crate) fn read(reader: &mut PageReader<'_>) -> Option<OperationPage> {
    let source = reader.source;
    let joined = lines::join_split_heads(&lines::lines(source.text()));
    let lines: Vec<Line<'_>> = joined.iter().map(lines::Joined::line).collect();
    let mut notes = Notes::for_lines(lines.len());
    notes.inline_tree = lines.iter().any(|l| tab_label(l.text) == Some("Example (from schema)"));
    let page = read_lines(&lines, &mut notes);
    // Reported in the order of the page (the responses are read before the request).
    notes.list.sort_by_key(|n| n.offset);
    for note in notes.list {
        reader.warning(note.offset, CODE, note.message);
    }
    let Some((page, at)) = page else {
        reader.error(0, CODE, "expected a title line, then the method and path (`GET /api/users/`)");
        return None;
    };
    Some(OperationPage { at: source.locate(at), ..page })
}

/// Where the sections of a page are, as indexes into its lines.
struct Layout {
    /// The first line after the method and path.
    body_start: usize,
    /// The lines of the description: `body_start..description_end`.
    description_end: usize,
    /// The lines of the request section (parameters and body).
    request: std::ops::Range<usize>,
    /// Where the right column starts (security, code samples, the API explorer).
    right_start: usize,
}

impl Layout {
    /// Finds the sections: `Request`, `Responses` (read here, since only reading them tells where they end)
    /// and the right column.
    fn find(lines: &[Line<'_>], body_start: usize, notes: &mut Notes) -> (Self, Option<responses::ResponsesRead>) {
        let responses_at = find(lines, body_start, "Responses");
        let (responses, right_start) = match responses_at {
            Some(at) => {
                let read = responses::read_responses(&lines[at + 1..], notes);
                let end = at + 1 + read.end;
                (Some(read), end)
            }
            None => {
                let right = (body_start..lines.len()).find(|&i| is_right_panel_start(lines, i));
                (None, right.unwrap_or(lines.len()))
            }
        };
        let request_end = responses_at.unwrap_or(right_start);
        let request_at = find(lines, body_start, "Request").filter(|&r| r < request_end);
        // Without a `Request` heading, the description ends where the parameters or the body begin.
        let starts_request = |i: usize| location_of(lines[i].text).is_some() || starts_body(lines, i);
        let description_end =
            request_at.or_else(|| (body_start..request_end).find(|&i| starts_request(i))).unwrap_or(request_end);
        let request = request_at.map_or(description_end, |r| r + 1)..request_end;
        (Self { body_start, description_end, request, right_start }, responses)
    }
}

/// The operation of a page's lines, and where its method line starts.
fn read_lines(lines: &[Line<'_>], notes: &mut Notes) -> Option<(OperationPage, usize)> {
    let title = lines.first()?;
    let method_line = lines.get(1)?;
    let (method, endpoint, on_next_line) = endpoint(method_line.text, lines.get(2).map(|l| l.text))?;
    let (server, raw_path) = split_endpoint(endpoint, method_line, notes);
    let (layout, responses) = Layout::find(lines, if on_next_line { 3 } else { 2 }, notes);
    let right = RightColumn::read(&lines[layout.right_start..], notes);

    let mut operation = Map::new();
    name_operation(&mut operation, title.text);
    describe(&mut operation, &lines[layout.body_start..layout.description_end]);
    let request_lines = &lines[layout.request];
    let (parameters, body_at) = read_parameters(request_lines, notes);
    let path = path_with_braces(raw_path, &parameters, method_line, notes);
    if !parameters.is_empty() {
        operation.insert("parameters".into(), Value::Array(parameters));
    }
    let mut examples = Vec::new();
    if let Some(body) = read_body(&request_lines[body_at..], right.request_example.as_ref(), notes) {
        operation.insert("requestBody".into(), body.body);
        if let (Some(value), Some(media_type)) = (right.request_example.clone(), body.first_media_type) {
            examples.push(Example { status: None, media_type, value });
        }
    }
    if let Some(responses) = responses {
        operation.insert("responses".into(), Value::Object(responses.responses));
        examples.extend(responses.examples);
    }
    let mut unknown: Vec<String> = NEVER_SHOWN.iter().map(|u| (*u).to_owned()).collect();
    if right.security.is_none()
        && let Some((line, form)) = &right.auth_form
    {
        // Theme 4.0/4.1 shows no security box: only the explorer's form tells that the operation needs one.
        unknown.push(format!("{SECURITY_UNKNOWN} (the page shows only the explorer's `{form}` form)"));
        notes.push(Note::at(
            line,
            format!("the page shows no security box, only a `{form}` form: the security requirement is unknown"),
        ));
    }
    let security_schemes = right.security.map(|(name, scheme)| {
        operation.insert("security".into(), json!([{ name.clone(): [] }]));
        Map::from_iter([(name, Value::Object(scheme))])
    });
    operation.insert("x-mdxgen-unknown".into(), json!(unknown));
    let never_shown = NEVER_SHOWN.join(", ");
    notes.push(Note::at(title, format!("the rendered text does not show: {never_shown}; they are unknown")));
    let page = OperationPage {
        doc_id: None,
        // Set by the caller, which can locate offsets.
        at: mdxgen_diag::LineCol { line: 1, column: 1 },
        method: method.to_ascii_lowercase(),
        path,
        operation,
        servers: server.or(right.base_url).map(|url| json!([{ "url": url }])),
        security_schemes,
        info: None,
        examples,
        origin: Origin::RenderedText,
    };
    Some((page, method_line.offset))
}

/// The first line equal to `text` from `from` on.
fn find(lines: &[Line<'_>], from: usize, text: &str) -> Option<usize> {
    (from..lines.len()).find(|&i| lines[i].text == text)
}

/// The title is the operationId when it is one word (the plugin titles a page with the summary, and falls
/// back to the operationId); a title of several words is the summary.
fn name_operation(operation: &mut Map<String, Value>, title: &str) {
    let key = if title.contains(char::is_whitespace) { "summary" } else { "operationId" };
    operation.insert(key.into(), Value::String(title.to_owned()));
}

/// The theme's notice on deprecated operations.
const DEPRECATION_NOTICE: &str =
    "This endpoint has been deprecated and may be replaced or removed in future versions of the API.";

/// The description, and `deprecated` when the deprecation notice is among its lines.
fn describe(operation: &mut Map<String, Value>, lines: &[Line<'_>]) {
    let mut kept: Vec<&str> = lines.iter().map(|l| l.text).collect();
    if let Some(at) = kept.iter().position(|l| *l == DEPRECATION_NOTICE) {
        operation.insert("deprecated".into(), Value::Bool(true));
        kept.remove(at);
        // The notice's title line (`deprecated`, `caution`) just above it.
        if at > 0 && matches!(kept[at - 1].to_ascii_lowercase().as_str(), "deprecated" | "caution") {
            kept.remove(at - 1);
        }
    }
    if !kept.is_empty() {
        operation.insert("description".into(), Value::String(kept.join("\n")));
    }
}

/// Splits `endpoint` into the server URL and the path. The theme writes the server URL right before the
/// path, so a server ending in `/` leaves a `//` between them (`/api/v3//stages/...`). Without one, where the
/// server ends is unknown.
fn split_endpoint<'a>(endpoint: &'a str, line: &Line<'_>, notes: &mut Notes) -> (Option<String>, &'a str) {
    let after_scheme = endpoint.find("://").map_or(0, |i| i + 3);
    if let Some(at) = endpoint[after_scheme..].find("//").map(|i| i + after_scheme) {
        return (Some(endpoint[..=at].to_owned()), &endpoint[at + 1..]);
    }
    if after_scheme > 0 {
        let host_end = endpoint[after_scheme..].find('/').map_or(endpoint.len(), |i| i + after_scheme);
        notes.push(Note::at(
            line,
            format!("`{endpoint}`: where the server URL ends and the path begins is unknown; taken at the host"),
        ));
        let path = if host_end < endpoint.len() { &endpoint[host_end..] } else { "/" };
        return (Some(endpoint[..host_end].to_owned()), path);
    }
    (None, endpoint)
}

/// The path with `:name` written back as `{name}` for each path parameter (the theme rewrote them).
fn path_with_braces(path: &str, parameters: &[Value], line: &Line<'_>, notes: &mut Notes) -> String {
    let path_names: Vec<&str> = parameters
        .iter()
        .filter(|p| p.get("in").and_then(Value::as_str) == Some("path"))
        .filter_map(|p| p.get("name").and_then(Value::as_str))
        .collect();
    let mut out = String::with_capacity(path.len() + 8);
    let mut rest = path;
    while let Some(colon) = rest.find(':') {
        out.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(after.len());
        let name = &after[..len];
        if path_names.contains(&name) {
            out.push('{');
            out.push_str(name);
            out.push('}');
        } else {
            if !name.is_empty() {
                notes.push(Note::at(line, format!("`:{name}` in the path names no path parameter; kept as it is")));
            }
            out.push(':');
            out.push_str(name);
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// `Path Parameters` and the like: the location of the parameters below.
fn location_of(line: &str) -> Option<&'static str> {
    match line {
        "Path Parameters" => Some("path"),
        "Query Parameters" => Some("query"),
        "Header Parameters" => Some("header"),
        "Cookie Parameters" => Some("cookie"),
        _ => None,
    }
}

/// The most media types one body or response is looked for with (real ones have a handful).
pub(crate) const MAX_MEDIA_TYPES: usize = 64;

/// Whether the request body starts at `lines[i]`: its media type tabs, followed by the body's summary.
fn starts_body(lines: &[Line<'_>], i: usize) -> bool {
    let tabs = lines[i..]
        .iter()
        .take(MAX_MEDIA_TYPES + 1)
        .take_while(|l| tab_label(l.text).is_some_and(|t| t.contains('/')))
        .count();
    let panel_tabs = body_panel_tabs(&lines[i + tabs..]);
    tabs > 0 && lines.get(i + tabs + panel_tabs).is_some_and(|l| body_summary(l.text).is_some())
}

/// How many of `lines` are the tabs theme 5.x puts over a request body's panel (`- Body`, `- Example (auto)`).
fn body_panel_tabs(lines: &[Line<'_>]) -> usize {
    let is_body_tab = |l: &Line<'_>| tab_label(l.text).is_some_and(|t| t == "Body" || t.starts_with("Example"));
    lines.iter().take(MAX_MEDIA_TYPES).take_while(|l| is_body_tab(l)).count()
}

/// `Body`, `Body array`, `Bodyrequired`, `Body arrayrequired`: whether the body is required.
fn body_summary(line: &str) -> Option<bool> {
    let rest = line.strip_prefix("Body")?;
    let rest = rest.strip_prefix(" array").unwrap_or(rest);
    match rest.trim() {
        "" => Some(false),
        "required" => Some(true),
        _ => None,
    }
}

/// Reads the parameter groups at the start of the request section; returns them and where they end.
fn read_parameters(lines: &[Line<'_>], notes: &mut Notes) -> (Vec<Value>, usize) {
    let mut parameters: Vec<Value> = Vec::new();
    let mut location = None;
    let mut details: Vec<Line<'_>> = Vec::new();
    let mut current: Option<(Line<'_>, label::Header<'_>, &str)> = None;
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate() {
        if let Some(found) = location_of(line.text) {
            flush_parameter(&mut current, &mut details, &mut parameters, notes);
            location = Some(found);
            continue;
        }
        if starts_body(lines, i) || location.is_none() {
            end = i;
            break;
        }
        match label::param_header(line.text).filter(|_| !line.text.starts_with(qualifier::PREFIX)) {
            Some(header) => {
                flush_parameter(&mut current, &mut details, &mut parameters, notes);
                current = location.map(|loc| (*line, header, loc));
            }
            None => details.push(*line),
        }
    }
    flush_parameter(&mut current, &mut details, &mut parameters, notes);
    (parameters, end)
}

fn flush_parameter<'a>(
    current: &mut Option<(Line<'a>, label::Header<'a>, &str)>,
    details: &mut Vec<Line<'a>>,
    parameters: &mut Vec<Value>,
    notes: &mut Notes,
) {
    let lines = std::mem::take(details);
    let Some((line, header, location)) = current.take() else { return };
    let mut schema = header.label.as_ref().map_or_else(|| json!({}), label::TypeLabel::schema);
    // The theme shows a parameter's description between its qualifier and its default, like a schema item's.
    let what = format!("parameter `{}`", header.name);
    schema::apply_details(&mut schema, &lines, notes, &what);
    let mut parameter = Map::new();
    parameter.insert("name".into(), Value::String(header.name.to_owned()));
    parameter.insert("in".into(), Value::String(location.to_owned()));
    if let Some(Value::String(description)) = schema.as_object_mut().and_then(|s| s.remove("description")) {
        parameter.insert("description".into(), Value::String(description));
    }
    if let Some(example) = schema.as_object_mut().and_then(|s| s.remove("example")) {
        parameter.insert("example".into(), example);
    }
    move_default_to_items(&mut schema);
    if header.required {
        parameter.insert("required".into(), Value::Bool(true));
    }
    if header.deprecated {
        parameter.insert("deprecated".into(), Value::Bool(true));
    }
    if let Some(label::Core::Unknown(text)) = header.label.as_ref().map(|l| &l.core) {
        notes.push(Note::at(&line, format!("{what}: the label `{text}` names no known type; its type is unknown")));
    }
    parameter.insert("schema".into(), schema);
    parameters.push(Value::Object(parameter));
}

/// The theme shows an array parameter's items' default as the parameter's.
fn move_default_to_items(schema: &mut Value) {
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
    if let (true, Some(Value::Object(map))) = (is_array, Some(&mut *schema))
        && let Some(default) = map.remove("default")
        && let Some(Value::Object(items)) = map.get_mut("items")
    {
        items.insert("default".into(), default);
    }
}

/// A request body read from the text.
struct BodyRead {
    body: Value,
    first_media_type: Option<String>,
}

/// The request body: media type tabs, then a panel per media type (`Body` summary, description, items).
fn read_body(lines: &[Line<'_>], example: Option<&Value>, notes: &mut Notes) -> Option<BodyRead> {
    let media_types: Vec<&str> = lines.iter().map_while(|l| tab_label(l.text).filter(|t| t.contains('/'))).collect();
    if media_types.is_empty() {
        return None;
    }
    let rest = &lines[media_types.len()..];
    let starts: Vec<usize> = (0..rest.len()).filter(|&i| body_summary(rest[i].text).is_some()).collect();
    let mut content = Map::new();
    let mut required = false;
    let mut description = None;
    for (n, &start) in starts.iter().enumerate() {
        let Some(media_type) = media_types.get(n) else { break };
        required |= body_summary(rest[start].text).unwrap_or(false);
        let end = starts.get(n + 1).copied().unwrap_or(rest.len());
        let (panel, own_example) = split_panel_example(&rest[start + 1..end], notes);
        // Theme 5.x shows each media type's example in its panel; else the right column's example is that of
        // the first media type, the tab it shows.
        let example = own_example.as_ref().or(if n == 0 { example } else { None });
        let what = format!("the {media_type} request body");
        let keys = example.and_then(example::keys_of);
        let first_item = panel.iter().position(|l| starts_schema(l.text, keys.as_deref())).unwrap_or(panel.len());
        if first_item > 0 {
            description = Some(panel[..first_item].iter().map(|l| l.text).collect::<Vec<_>>().join("\n"));
        }
        let schema = schema::read_schema(&panel[first_item..], example, &what, notes);
        content.insert((*media_type).to_owned(), json!({ "schema": schema }));
    }
    let mut body = Map::new();
    if let Some(description) = description {
        body.insert("description".into(), Value::String(description));
    }
    body.insert("content".into(), Value::Object(content));
    if required {
        body.insert("required".into(), Value::Bool(true));
    }
    Some(BodyRead { body: Value::Object(body), first_media_type: media_types.first().map(|m| (*m).to_owned()) })
}

/// A body panel's items, without what follows them in theme 5.x: the panel's own example (returned) and
/// the next media type's tabs.
fn split_panel_example<'l, 'a>(panel: &'l [Line<'a>], notes: &mut Notes) -> (&'l [Line<'a>], Option<Value>) {
    for i in 0..panel.len() {
        if tab_label(panel[i].text).is_some() {
            return (&panel[..i], None);
        }
        if example::starts_json(panel[i].text)
            && let Some((value, _)) = example::read_json(panel, i, notes)
        {
            return (&panel[..i], Some(value));
        }
    }
    (panel, None)
}

/// Whether a schema's items start at `line` (so the lines above it are the body's description).
fn starts_schema(line: &str, keys: Option<&[String]>) -> bool {
    matches!(line, "Array [" | "oneOf" | "anyOf" | "object")
        || (label::header(line, keys).is_some() && !line.starts_with(qualifier::PREFIX))
}

/// Whether the right column (security, code samples, the API explorer) starts at `lines[i]`.
pub(crate) fn is_right_panel_start(lines: &[Line<'_>], i: usize) -> bool {
    let Some(line) = lines.get(i) else { return false };
    let text = line.text;
    let code_tabs = tab_label(text).is_some_and(|t| CODE_LANGUAGES.contains(&t))
        && lines.get(i + 1).and_then(|l| tab_label(l.text)).is_some();
    text.starts_with("Authorization: ")
        || code_tabs
        || matches!(text, "Base URL" | "Request Collapse all" | "Send API Request" | "Loading...")
}

/// What the right column tells: the security scheme shown, the base URL, the request body's example.
#[derive(Default)]
struct RightColumn<'a> {
    security: Option<(String, Map<String, Value>)>,
    /// The explorer's `Auth` form (`Bearer Token`, `API Key`...), where it is.
    auth_form: Option<(Line<'a>, String)>,
    base_url: Option<String>,
    request_example: Option<Value>,
}

/// The keys the security box shows, `name:` first.
const SCHEME_KEYS: &[&str] =
    &["name", "type", "scheme", "bearerFormat", "in", "scopes", "flows", "openIdConnectUrl", "description"];

impl<'a> RightColumn<'a> {
    fn read(lines: &[Line<'a>], notes: &mut Notes) -> Self {
        let mut right = Self::default();
        let mut tried_body = false;
        for (i, line) in lines.iter().enumerate() {
            if line.text.starts_with("Authorization: ") && right.security.is_none() {
                right.security = security(&lines[i + 1..], line, notes);
            } else if line.text == "Auth" && right.auth_form.is_none() {
                right.auth_form = lines.get(i + 1).map(|form| (*line, form.text.to_owned()));
            } else if line.text == "Base URL" {
                right.base_url =
                    lines.get(i + 1).map(|l| l.text.to_owned()).filter(|u| u.starts_with('/') || u.contains("://"));
            } else if body_summary(&line.text.replace("Body required", "Bodyrequired")).is_some() && !tried_body {
                // The explorer shows one body: only the first `Body` is its.
                tried_body = true;
                right.request_example = example::read_json(lines, i + 1, notes).map(|(value, _)| value);
            }
        }
        right
    }
}

/// The security box: `name: KEYtype: TYPEscheme: ...` (one line per key, or all on one line).
fn security(lines: &[Line<'_>], at: &Line<'_>, notes: &mut Notes) -> Option<(String, Map<String, Value>)> {
    let text: String = lines
        .iter()
        .take_while(|l| SCHEME_KEYS.iter().any(|k| l.text.starts_with(&format!("{k}:"))))
        .map(|l| l.text)
        .collect();
    let fields = scheme_fields(&text);
    let name = fields.iter().find(|(k, _)| *k == "name").map(|(_, v)| v.clone())?;
    let mut scheme = Map::new();
    for (key, value) in fields.into_iter().filter(|(k, _)| *k != "name") {
        let value = if key == "flows" {
            serde_json::from_str(&value).unwrap_or(Value::String(value))
        } else {
            Value::String(value)
        };
        scheme.insert(key.to_owned(), value);
    }
    if scheme.get("type").and_then(Value::as_str) == Some("apiKey") {
        // The box shows an API key's parameter name in place of the scheme's key.
        scheme.insert("name".into(), Value::String(name.clone()));
        notes.push(Note::at(
            at,
            format!("the API key scheme's own name is not shown; named `{name}` after its parameter"),
        ));
    }
    Some((name, scheme))
}

/// Splits `name: atype: bscheme: c` at the keys of [`SCHEME_KEYS`].
fn scheme_fields(text: &str) -> Vec<(&'static str, String)> {
    let mut marks: Vec<(usize, &'static str)> = Vec::new();
    for key in SCHEME_KEYS {
        let pattern = format!("{key}:");
        let mut from = 0;
        while let Some(at) = text[from..].find(&pattern).map(|i| i + from) {
            marks.push((at, key));
            from = at + pattern.len();
        }
    }
    marks.sort();
    // A key found inside the previous key's own name (`in:` in `bearerFormat:`) is not a key.
    let mut kept: Vec<(usize, &'static str)> = Vec::new();
    for (at, key) in marks {
        if kept.last().is_none_or(|(prev, prev_key)| at > prev + prev_key.len()) {
            kept.push((at, key));
        }
    }
    kept.iter()
        .enumerate()
        .map(|(n, (at, key))| {
            let end = kept.get(n + 1).map_or(text.len(), |(next, _)| *next);
            (*key, text[at + key.len() + 1..end].trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_needs_a_method_line_after_the_title() {
        assert!(is_rendered_text("op\nPATCH/api/v3//a/:id/\nmore"));
        assert!(is_rendered_text("\nop\nGET\n/a/b\n"));
        assert!(is_rendered_text("List users\nGET https://api.example.com/users"));
        assert!(!is_rendered_text("---\nid: x\n---\nGET /a"));
        assert!(!is_rendered_text("import X from \"y\";\nGET /a"));
        assert!(!is_rendered_text("op\nGETTING /a"));
        assert!(!is_rendered_text("op\nGET the users"));
        assert!(!is_rendered_text("op"));
    }

    #[test]
    fn endpoints_split_at_the_double_slash() {
        let line = Line { text: "", offset: 0 };
        let mut notes = Notes::new();
        assert_eq!(split_endpoint("/api/v3//stages/x/", &line, &mut notes), (Some("/api/v3/".into()), "/stages/x/"));
        assert_eq!(split_endpoint("/stages/x/", &line, &mut notes), (None, "/stages/x/"));
        assert_eq!(
            split_endpoint("https://h.io/v1//pets", &line, &mut notes),
            (Some("https://h.io/v1/".into()), "/pets")
        );
        assert!(notes.is_empty());
        assert_eq!(
            split_endpoint("https://h.io/v1/pets", &line, &mut notes),
            (Some("https://h.io".into()), "/v1/pets")
        );
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn path_parameters_get_their_braces_back() {
        let line = Line { text: "", offset: 0 };
        let mut notes = Notes::new();
        let params = vec![json!({"name": "stage_uuid", "in": "path"})];
        assert_eq!(path_with_braces("/a/:stage_uuid/b:c", &params, &line, &mut notes), "/a/{stage_uuid}/b:c");
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn security_boxes_split_at_their_keys() {
        assert_eq!(
            scheme_fields("name: authentiktype: httpscheme: bearer"),
            vec![("name", "authentik".to_owned()), ("type", "http".to_owned()), ("scheme", "bearer".to_owned())]
        );
    }

    #[test]
    fn body_summaries() {
        assert_eq!(body_summary("Body"), Some(false));
        assert_eq!(body_summary("Bodyrequired"), Some(true));
        assert_eq!(body_summary("Body arrayrequired"), Some(true));
        assert_eq!(body_summary("Body of the request"), None);
    }
}
