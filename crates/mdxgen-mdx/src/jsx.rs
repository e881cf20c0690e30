//! A tolerant parser for the JSX and HTML element trees in the body of an MDX page.
//!
//! It builds a flat arena of elements and text runs without recursion (an explicit stack), so input nested
//! hundreds of thousands deep cannot overflow the stack: past [`MAX_DEPTH`] it stops with an error.
//! Attribute values are kept as byte ranges; turning them into JSON is [`crate::jsvalue`]'s job, done only
//! for the attributes a reader asks for.
//!
//! Pages carry prose the plugin copies from the spec: markdown autolinks (`<https://x?a=1>`), placeholders
//! (`<name\>`, `<your-token>`, `<YOUR_KEY>`), stray `<` and backticks. Only the components a page imports
//! (on a page without imports, every capitalised name) give it structure and are held to JSX's rules;
//! anything else that does not parse as a tag is text, and a backtick nothing closes is literal.

use std::ops::Range;

/// Deeper element nesting than any generated page has (authentik's deepest is below 100).
pub const MAX_DEPTH: usize = 2_000;

/// HTML elements that never have children or a closing tag.
const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

#[derive(Debug, Clone)]
pub enum AttrValue {
    /// `name={...}`: the range of the expression inside the braces.
    Expr(Range<usize>),
    /// `name="..."` or `name='...'`: the range inside the quotes.
    Str(Range<usize>),
    /// `name` alone.
    Flag,
    /// `{...expr}`: the range of `expr`.
    Spread(Range<usize>),
}

#[derive(Debug, Clone)]
pub struct Attr {
    /// Empty for spreads.
    pub name: Range<usize>,
    pub value: AttrValue,
}

#[derive(Debug, Clone)]
pub struct Element {
    pub name: Range<usize>,
    pub attrs: Vec<Attr>,
    pub children: Vec<NodeId>,
    /// Offset of the `<` that opens the element.
    pub start: usize,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(Range<usize>),
}

pub type NodeId = usize;

/// A parse problem at a byte offset of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsxError {
    pub offset: usize,
    pub message: String,
}

/// The element tree of one text. Offsets are relative to the start of that text.
pub struct Tree<'s> {
    pub text: &'s str,
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
    /// The parent of each node (`None` for roots), by node id.
    pub parents: Vec<Option<NodeId>>,
}

impl<'s> Tree<'s> {
    /// The elements enclosing `id`, innermost first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = (NodeId, &Element)> + '_ {
        std::iter::successors(self.parents[id], |&p| self.parents[p]).filter_map(|p| self.element(p).map(|e| (p, e)))
    }

    pub fn slice(&self, range: &Range<usize>) -> &'s str {
        &self.text[range.clone()]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id] {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        }
    }

    pub fn name(&self, element: &Element) -> &'s str {
        self.slice(&element.name)
    }

    pub fn attr<'t>(&'t self, element: &'t Element, name: &str) -> Option<&'t AttrValue> {
        element.attrs.iter().find(|a| self.slice(&a.name) == name).map(|a| &a.value)
    }

    /// All nodes in document order (depth first), without recursion.
    pub fn walk(&self) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack: Vec<NodeId> = self.roots.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let id = stack.pop()?;
            if let Node::Element(e) = &self.nodes[id] {
                stack.extend(e.children.iter().rev());
            }
            Some(id)
        })
    }

    /// The elements named `name`, in document order.
    pub fn elements_named<'t>(&'t self, name: &'t str) -> impl Iterator<Item = &'t Element> + 't {
        self.walk().filter_map(|id| self.element(id)).filter(move |e| self.name(e) == name)
    }

    /// The text of a node and all its descendants, joined as they stand in the page.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut stack = vec![id];
        let mut out = String::new();
        while let Some(id) = stack.pop() {
            match &self.nodes[id] {
                Node::Text(r) => out.push_str(self.slice(r)),
                Node::Element(e) => stack.extend(e.children.iter().rev()),
            }
        }
        out
    }

    /// The source between an element's opening and closing tags, markup included: from the start of its first
    /// child to the end of its last text (or of its last child's opening tag when no text ends it). Empty for
    /// text nodes and childless elements. Lower-case tags that a description holds (`<code>`, or `<object>` in
    /// a property name such as `array<object>`) stay in it as written.
    pub fn inner_source(&self, id: NodeId) -> &'s str {
        let Some(element) = self.element(id) else {
            return "";
        };
        let (Some(&first), Some(&last)) = (element.children.first(), element.children.last()) else {
            return "";
        };
        let start = match &self.nodes[first] {
            Node::Text(r) => r.start,
            Node::Element(e) => e.start,
        };
        let mut current = last;
        let end = loop {
            match &self.nodes[current] {
                Node::Text(r) => break r.end,
                Node::Element(e) => match e.children.last() {
                    Some(&child) => current = child,
                    None => {
                        let after_attrs = e.attrs.iter().map(|a| a.name.end.max(attr_end(&a.value))).max();
                        let from = after_attrs.unwrap_or(e.name.end).max(e.name.end);
                        break self.text[from..].find('>').map_or(self.text.len(), |gt| from + gt + 1);
                    }
                },
            }
        };
        self.text.get(start..end.max(start)).unwrap_or("")
    }
}

/// The offset after an attribute value's range (and its closing quote or brace).
fn attr_end(value: &AttrValue) -> usize {
    match value {
        AttrValue::Expr(r) | AttrValue::Str(r) | AttrValue::Spread(r) => r.end + 1,
        AttrValue::Flag => 0,
    }
}

/// Parses `text` into its element tree, recovering from errors where it can.
pub fn parse(text: &str) -> (Tree<'_>, Vec<JsxError>) {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        nodes: Vec::new(),
        roots: Vec::new(),
        parents: Vec::new(),
        stack: Vec::new(),
        errors: Vec::new(),
        components: imported_components(text),
    };
    parser.run();
    let Parser { nodes, roots, parents, errors, .. } = parser;
    (Tree { text, nodes, roots, parents }, errors)
}

/// The names imported by the `import X from "..."` lines that open the body, or `None` when there are none.
fn imported_components(text: &str) -> Option<Vec<&str>> {
    let mut names = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some(name) = line.strip_prefix("import ").and_then(|rest| rest.split_whitespace().next()) else {
            break;
        };
        names.push(name);
    }
    (!names.is_empty()).then_some(names)
}

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
    parents: Vec<Option<NodeId>>,
    /// Open elements, innermost last.
    stack: Vec<NodeId>,
    errors: Vec<JsxError>,
    /// The names the page imports (`import ApiTabs from "@theme/ApiTabs";`), or `None` when it imports none.
    components: Option<Vec<&'s str>>,
}

/// What a `<` turned out to start.
enum Scan {
    Open(OpenTag),
    /// `</name>`, ending before `end`.
    Close {
        name: Range<usize>,
        end: usize,
    },
    /// A comment, ending before the offset.
    Comment(usize),
    /// Not markup: the `<` is text.
    Text,
    /// A component's tag is cut off: nothing after it can be read.
    Stop,
}

/// An opening tag as scanned, before it joins the tree.
struct OpenTag {
    start: usize,
    name: Range<usize>,
    attrs: Vec<Attr>,
    self_closing: bool,
    /// The offset after its `>`.
    end: usize,
}

/// What went wrong inside one tag; `fatal` when the tag runs to the end of the page.
#[derive(Default)]
struct TagProblems {
    found: Vec<JsxError>,
    fatal: bool,
}

impl TagProblems {
    fn add(&mut self, offset: usize, message: impl Into<String>) {
        self.found.push(JsxError { offset, message: message.into() });
    }

    fn fatal(&mut self, offset: usize, message: impl Into<String>) {
        self.add(offset, message);
        self.fatal = true;
    }
}

impl Parser<'_> {
    fn run(&mut self) {
        let mut pos = 0;
        let mut text_start = 0;
        while let Some(found) = memchr::memchr2(b'<', b'`', &self.bytes[pos..]) {
            let lt = pos + found;
            if self.bytes[lt] == b'`' {
                // Markdown code holds text, not tags: `bearer <token>` is six characters of code.
                pos = code_end(self.bytes, lt);
                continue;
            }
            let end = match self.scan(lt) {
                Scan::Text => {
                    pos = lt + 1;
                    continue;
                }
                Scan::Stop => None,
                Scan::Comment(end) => {
                    self.push_text(text_start, lt);
                    Some(end)
                }
                Scan::Open(tag) => {
                    self.push_text(text_start, lt);
                    self.open(tag)
                }
                Scan::Close { name, end } => {
                    self.push_text(text_start, lt);
                    self.close(lt, &name);
                    Some(end)
                }
            };
            match end {
                Some(end) => {
                    pos = end;
                    text_start = end;
                }
                None => {
                    self.push_text(text_start, lt);
                    text_start = self.text.len();
                    break;
                }
            }
        }
        self.push_text(text_start, self.text.len());
        for &open in self.stack.iter().rev() {
            if let Node::Element(e) = &self.nodes[open] {
                let name = &self.text[e.name.clone()];
                if !self.is_component(name) {
                    continue;
                }
                self.errors.push(JsxError {
                    offset: e.start,
                    message: format!("`<{name}>` is never closed: expected `</{name}>` before the end of the page"),
                });
            }
        }
    }

    /// Components give a page its structure and are held to JSX's rules. Lower-case tags may be HTML that
    /// markdown leaves open, or words in angle brackets inside a description (`<token>`), so they close
    /// silently, as in HTML; so do capitalised names that a page with imports does not import (`<YOUR_KEY>`).
    fn is_component(&self, name: &str) -> bool {
        name.starts_with(|c: char| c.is_ascii_uppercase())
            && self.components.as_ref().is_none_or(|imported| imported.contains(&name))
    }

    /// What the `<` at `lt` starts. A tag that is not a component and does not parse is text, without a
    /// diagnostic: prose such as `<https://x?a=1>` or `<name\>`.
    fn scan(&mut self, lt: usize) -> Scan {
        let next = self.bytes.get(lt + 1).copied().unwrap_or(b' ');
        if self.text[lt..].starts_with("<!--") {
            return Scan::Comment(self.text[lt..].find("-->").map_or(self.text.len(), |e| lt + e + 3));
        }
        let closing = next == b'/' && self.bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic);
        if !next.is_ascii_alphabetic() && !closing {
            return Scan::Text;
        }
        let mut problems = TagProblems::default();
        let scanned = if closing { self.scan_close(lt, &mut problems) } else { self.scan_open(lt, &mut problems) };
        let name = match &scanned {
            Scan::Open(tag) => &self.text[tag.name.clone()],
            Scan::Close { name, .. } => &self.text[name.clone()],
            _ => "",
        };
        if problems.found.is_empty() {
            return scanned;
        }
        if !self.is_component(name) {
            return Scan::Text;
        }
        self.errors.append(&mut problems.found);
        if problems.fatal { Scan::Stop } else { scanned }
    }

    fn push_text(&mut self, start: usize, end: usize) {
        if start < end {
            let id = self.nodes.len();
            self.nodes.push(Node::Text(start..end));
            self.attach(id);
        }
    }

    fn attach(&mut self, id: NodeId) {
        self.parents.push(self.stack.last().copied());
        match self.stack.last() {
            Some(&parent) => {
                if let Node::Element(e) = &mut self.nodes[parent] {
                    e.children.push(id);
                }
            }
            None => self.roots.push(id),
        }
    }

    /// Scans `<Name attrs... >` or `/>` at `lt`. Problems are collected, not reported: the caller decides
    /// whether the tag was markup at all.
    fn scan_open(&self, lt: usize, problems: &mut TagProblems) -> Scan {
        let name = lt + 1..self.scan_name(lt + 1);
        let tag_name = &self.text[name.clone()];
        let mut attrs = Vec::new();
        let mut pos = name.end;
        let self_closing = loop {
            pos = self.skip_space(pos);
            match self.bytes.get(pos) {
                None => {
                    problems
                        .fatal(lt, format!("tag `<{tag_name}` is cut off: expected `>` before the end of the page"));
                    return Scan::Open(OpenTag { start: lt, name, attrs, self_closing: true, end: pos });
                }
                Some(b'>') => break false,
                Some(b'/') if self.bytes.get(pos + 1) == Some(&b'>') => {
                    pos += 1;
                    break true;
                }
                Some(b'{') => {
                    let Some(end) = self.scan_braces(pos, problems) else {
                        return Scan::Open(OpenTag { start: lt, name, attrs, self_closing: true, end: pos });
                    };
                    let inner = self.text[pos + 1..end - 1].trim_start();
                    match inner.strip_prefix("...") {
                        Some(spread) => {
                            let spread_start = end - 1 - spread.len();
                            attrs.push(Attr { name: pos..pos, value: AttrValue::Spread(spread_start..end - 1) });
                        }
                        None => problems.add(pos, "expected a spread `{...expr}` or an attribute name in a tag"),
                    }
                    pos = end;
                }
                Some(b) if is_name_byte(*b) => {
                    let attr_name = pos..self.scan_name(pos);
                    let Some((value, end)) = self.attr_value(attr_name.end, problems) else {
                        return Scan::Open(OpenTag { start: lt, name, attrs, self_closing: true, end: pos });
                    };
                    attrs.push(Attr { name: attr_name, value });
                    pos = end;
                }
                Some(_) => {
                    let ch = self.text[pos..].chars().next().unwrap_or(' ');
                    let message =
                        format!("unexpected `{ch}` in tag `<{tag_name}>`: expected an attribute, `>` or `/>`");
                    problems.add(pos, message);
                    pos += ch.len_utf8();
                }
            }
        };
        Scan::Open(OpenTag { start: lt, name, attrs, self_closing, end: pos + 1 })
    }

    /// Puts a scanned opening tag into the tree; `None` when it nests too deep to go on.
    fn open(&mut self, tag: OpenTag) -> Option<usize> {
        let OpenTag { start, name, attrs, self_closing, end } = tag;
        let id = self.nodes.len();
        let void = VOID_ELEMENTS.contains(&self.text[name.clone()].to_ascii_lowercase().as_str());
        self.nodes.push(Node::Element(Element { name, attrs, children: Vec::new(), start }));
        self.attach(id);
        if !self_closing && !void {
            if self.stack.len() >= MAX_DEPTH {
                self.errors.push(JsxError {
                    offset: start,
                    message: format!(
                        "elements nested deeper than {MAX_DEPTH} levels: expected a page as the plugin writes it"
                    ),
                });
                return None;
            }
            self.stack.push(id);
        }
        Some(end)
    }

    /// Scans what follows an attribute name: `={...}`, `="..."`, `='...'` or nothing. `None` when the value
    /// runs to the end of the page.
    fn attr_value(&self, after_name: usize, problems: &mut TagProblems) -> Option<(AttrValue, usize)> {
        let pos = self.skip_space(after_name);
        if self.bytes.get(pos) != Some(&b'=') {
            return Some((AttrValue::Flag, after_name));
        }
        let pos = self.skip_space(pos + 1);
        match self.bytes.get(pos) {
            Some(b'{') => {
                let end = self.scan_braces(pos, problems)?;
                Some((AttrValue::Expr(pos + 1..end - 1), end))
            }
            Some(&quote @ (b'"' | b'\'')) => match self.text[pos + 1..].find(quote as char) {
                Some(len) => Some((AttrValue::Str(pos + 1..pos + 1 + len), pos + len + 2)),
                None => {
                    problems.fatal(pos, "attribute string is never closed: expected a closing quote");
                    None
                }
            },
            _ => {
                problems.add(pos, "expected `{`, `\"` or `'` after `=` in an attribute");
                Some((AttrValue::Flag, pos))
            }
        }
    }

    /// Scans `</Name>` at `lt`.
    fn scan_close(&self, lt: usize, problems: &mut TagProblems) -> Scan {
        let name = lt + 2..self.scan_name(lt + 2);
        let pos = self.skip_space(name.end);
        if self.bytes.get(pos) != Some(&b'>') {
            problems.fatal(lt, format!("closing tag `</{}` is cut off: expected `>`", &self.text[name.clone()]));
        }
        Scan::Close { name, end: pos + 1 }
    }

    /// Closes the innermost open element named `name`. A component that closes nothing is an error; an
    /// HTML tag that closes nothing is markdown's business, as in a browser.
    fn close(&mut self, lt: usize, name: &Range<usize>) {
        let name = &self.text[name.clone()];
        let open = self
            .stack
            .iter()
            .rposition(|&id| matches!(&self.nodes[id], Node::Element(e) if &self.text[e.name.clone()] == name));
        let Some(depth) = open else {
            if self.is_component(name) {
                let message = format!("`</{name}>` closes nothing: no `<{name}>` is open");
                self.errors.push(JsxError { offset: lt, message });
            }
            return;
        };
        for &unclosed in &self.stack[depth + 1..] {
            if let Node::Element(e) = &self.nodes[unclosed] {
                let inner = &self.text[e.name.clone()];
                if self.is_component(inner) {
                    let message = format!("`<{inner}>` is not closed before `</{name}>`");
                    self.errors.push(JsxError { offset: e.start, message });
                }
            }
        }
        self.stack.truncate(depth);
    }

    fn scan_name(&self, mut pos: usize) -> usize {
        while self.bytes.get(pos).is_some_and(|b| is_name_byte(*b)) {
            pos += 1;
        }
        pos
    }

    fn skip_space(&self, mut pos: usize) -> usize {
        while self.bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        pos
    }

    /// Finds the end of the `{...}` expression opening at `open` (the offset after its `}`), skipping
    /// strings and nested brackets. Counts depth instead of recursing.
    fn scan_braces(&self, open: usize, problems: &mut TagProblems) -> Option<usize> {
        let mut depth = 0usize;
        let mut pos = open;
        while let Some(&b) = self.bytes.get(pos) {
            match b {
                b'{' | b'[' | b'(' => depth += 1,
                b'}' | b']' | b')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(pos + 1);
                    }
                }
                b'"' | b'\'' | b'`' => match skip_string(self.bytes, pos) {
                    Some(end) => pos = end - 1,
                    None => break,
                },
                _ => {}
            }
            pos += 1;
        }
        problems.fatal(open, "expression `{...}` is never closed: expected a matching `}`");
        None
    }
}

/// The offset after the markdown code that a backtick run at `open` starts, or after the run itself when
/// nothing closes it (then the backticks are literal text). A run of three or more at the start of a line
/// opens a fenced block, closed by a line starting with a run at least as long (or the end of the text);
/// any other run opens a code span, closed by a run of the same length within the paragraph: a code span
/// never crosses a blank line, so a stray backtick in a description cannot hide the components after it.
fn code_end(bytes: &[u8], open: usize) -> usize {
    let run = bytes[open..].iter().take_while(|&&b| b == b'`').count();
    let line_start = bytes[..open].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
    let at_line_start = bytes[line_start..open].iter().all(|&b| b == b' ' || b == b'\t');
    if run >= 3 && at_line_start {
        return fence_end(bytes, open + run, run);
    }
    let mut pos = open + run;
    while let Some(found) = memchr::memchr2(b'`', b'\n', &bytes[pos..]) {
        let start = pos + found;
        if bytes[start] == b'\n' {
            if blank_line_follows(bytes, start + 1) {
                break;
            }
            pos = start + 1;
            continue;
        }
        let len = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        if len == run {
            return start + len;
        }
        pos = start + len;
    }
    open + run
}

/// The offset after the line that closes a fence of `run` backticks, searching from `from`.
fn fence_end(bytes: &[u8], from: usize, run: usize) -> usize {
    let mut line = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |n| from + n + 1);
    while line < bytes.len() {
        let content = line + bytes[line..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let closing = bytes[content..].iter().take_while(|&&b| b == b'`').count();
        let next_line = memchr::memchr(b'\n', &bytes[line..]).map_or(bytes.len(), |n| line + n + 1);
        if closing >= run {
            return content + closing;
        }
        line = next_line;
    }
    bytes.len()
}

/// Whether the line starting at `from` holds only spaces and tabs.
fn blank_line_follows(bytes: &[u8], from: usize) -> bool {
    bytes[from..].iter().take_while(|&&b| b != b'\n').all(|&b| b == b' ' || b == b'\t' || b == b'\r')
}

/// The offset after the string literal that opens at `open`, honouring backslash escapes.
fn skip_string(bytes: &[u8], open: usize) -> Option<usize> {
    let quote = bytes[open];
    let mut pos = open + 1;
    // Props are mostly long JSON strings: jump from one quote or backslash to the next.
    while let Some(found) = memchr::memchr2(quote, b'\\', bytes.get(pos..)?) {
        let at = pos + found;
        if bytes[at] == quote {
            return Some(at + 1);
        }
        pos = at + 2;
    }
    None
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tree: &Tree<'_>) -> Vec<String> {
        tree.walk().filter_map(|id| tree.element(id)).map(|e| tree.name(e).to_owned()).collect()
    }

    #[test]
    fn parses_nested_elements_attributes_and_spreads() {
        let text = r#"<A x={{"a":"}"}} y="s" flag {...require("./a.json")}><br><B/>text</A>"#;
        let (tree, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names(&tree), ["A", "br", "B"]);
        let a = tree.elements_named("A").next().expect("A");
        let Some(AttrValue::Expr(r)) = tree.attr(a, "x") else { panic!("x") };
        assert_eq!(tree.slice(r), r#"{"a":"}"}"#);
        assert!(matches!(tree.attr(a, "y"), Some(AttrValue::Str(r)) if tree.slice(r) == "s"));
        assert!(matches!(tree.attr(a, "flag"), Some(AttrValue::Flag)));
        assert!(matches!(&a.attrs[3].value, AttrValue::Spread(r) if tree.slice(r) == r#"require("./a.json")"#));
        assert_eq!(tree.text_of(0), "text");
    }

    #[test]
    fn inner_source_keeps_markup_as_written() {
        let (tree, _) = parse("<A>\n  array<object>\n</A><B x={1}>t<br a=\"b\"/></B><C></C>");
        let ids: Vec<NodeId> = tree.roots.clone();
        assert_eq!(tree.inner_source(ids[0]), "\n  array<object>\n");
        assert_eq!(tree.inner_source(ids[1]), "t<br a=\"b\"/>");
        assert_eq!(tree.inner_source(ids[2]), "");
    }

    #[test]
    fn less_than_in_text_is_text() {
        let (tree, errors) = parse("a < b <= c <A>x</A>");
        assert!(errors.is_empty());
        assert_eq!(names(&tree), ["A"]);
    }

    #[test]
    fn code_spans_hold_text_not_tags() {
        let (tree, errors) = parse("<A>as `bearer <token>` or ``a ` <b>`` and ` lone <B/></A>");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names(&tree), ["A", "B"]);
        assert_eq!(tree.text_of(0), "as `bearer <token>` or ``a ` <b>`` and ` lone ");
    }

    #[test]
    fn unclosed_lower_case_tags_close_silently() {
        let (tree, errors) = parse("<A>Use <token> here<p>x</A>");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(tree.text_of(0), "Use  herex");
    }

    #[test]
    fn prose_that_is_not_a_tag_is_text() {
        let page = "import A from \"@theme/A\";\n\n<A>See <https://x.io/y?page=2>; rel=\"next\", <name\\>,                     </https:> <YOUR_KEY> and a < b</A>";
        let (tree, errors) = parse(page);
        assert!(errors.is_empty(), "{errors:?}");
        let a = tree.walk().find(|&id| tree.element(id).is_some_and(|e| tree.name(e) == "A")).expect("A");
        assert!(tree.text_of(a).starts_with("See <https://x.io/y?page=2>; rel=\"next\", <name\\>"));
    }

    #[test]
    fn a_stray_backtick_does_not_hide_the_components_after_it() {
        let page = "time_limit`.\n\n<A x={\"a `b` c\"}>\n</A>\n```\ncode <B>\n\n```\n<C/>";
        let (tree, errors) = parse(page);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names(&tree), ["A", "C"]);
    }

    #[test]
    fn components_stay_held_to_jsx_rules() {
        // `</B>` closes nothing, but the page does not import `B`: it is no component.
        let (_, errors) = parse("import A from \"a\";\n<A>x</B></A><A y\\>");
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unexpected `\\` in tag `<A>`: expected an attribute, `>` or `/>`",
                "`<A>` is never closed: expected `</A>` before the end of the page"
            ]
        );
    }

    #[test]
    fn truncated_and_unclosed_input_is_located() {
        let (_, errors) = parse("<A>\n<B x={{\"a\": 1");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].offset, 9);
        assert!(errors[1].message.contains("`<A>` is never closed"));
    }

    #[test]
    fn deep_nesting_stops_with_an_error() {
        let text = "<A>".repeat(300_000);
        let (_, errors) = parse(&text);
        assert!(errors.iter().any(|e| e.message.contains("nested deeper")));
    }
}
