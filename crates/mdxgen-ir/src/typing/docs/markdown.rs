//! The docs' markdown made safe for rustdoc and clippy, read the way rustdoc reads it (pulldown-cmark with
//! rustdoc's extensions). [`relayout`] writes the continuation lines of list items and quotes as clippy's doc
//! lints expect them. Rustdoc warns on three things the docs' text holds and means as text: HTML-looking words
//! (`<path>`, `<hostname>`), bare URLs, and brackets or link targets it takes for intra-doc links
//! (`[DEPRECATED]`, `[see](Foo)`). Each fix is an insertion into the text as written, so everything else
//! stays exactly as the docs have it: a `\` before every `<` of inline or block HTML, `<...>` around bare
//! URLs (rustdoc's own suggestion), and a `\` before the brackets of unresolvable links.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{BrokenLink, Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

/// The URLs rustdoc's `bare_urls` lint flags (its own pattern), so that exactly those get angle brackets.
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"https?://",
        r"([-a-zA-Z0-9@:%._\+~#=]{2,256}\.)+",
        r"[a-zA-Z]{2,63}",
        r"\b([-a-zA-Z0-9@:%_\+.~#?&/=]*)",
    ))
    .expect("a valid pattern")
});

/// `markdown` with the insertions that keep rustdoc quiet; without one when nothing needs fixing.
///
/// An escape can change how the rest of the text parses: an escaped `<p>` no longer opens an HTML block, so
/// the brackets in its text become links (`repository[:tag]`), and escaped inner brackets let an outer pair
/// read as a link (`[ {"a": [ "b" ]} ]`). So passes repeat until one inserts nothing; each only adds escapes
/// to what is not escaped yet, and the bound is there for safety alone.
pub(super) fn defuse(markdown: &str) -> String {
    const MAX_PASSES: usize = 8;
    let mut text = defuse_pass(markdown);
    // Text the first pass left as it was parses as it did: no second look.
    if text == markdown {
        return text;
    }
    for _ in 1..MAX_PASSES {
        let next = defuse_pass(&text);
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// One pass of [`defuse`]: the insertions the text needs as it parses now.
fn defuse_pass(markdown: &str) -> String {
    let mut insertions = Insertions::default();
    let mut broken: Vec<Range<usize>> = Vec::new();
    let mut on_broken = |link: BrokenLink<'_>| {
        broken.push(link.span.clone());
        None
    };
    let parser = Parser::new_with_broken_link_callback(markdown, rustdoc_options(), Some(&mut on_broken));
    let mut text_runs = TextRuns::default();
    let mut open_links: Vec<(Range<usize>, bool)> = Vec::new();
    let mut code_spans: Vec<Range<usize>> = Vec::new();
    let mut in_code_block = false;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Text(_) if open_links.is_empty() && !in_code_block => text_runs.push(range),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            // Escaped, HTML is text, and so are the URLs of its attributes.
            Event::Html(_) | Event::InlineHtml(_) => {
                insertions.escape_each(markdown, range.clone(), b'<');
                insertions.wrap_bare_urls(markdown, range);
            }
            Event::Code(_) => code_spans.push(range),
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                open_links.push((range, is_intra_doc_candidate(link_type, &dest_url)))
            }
            Event::End(TagEnd::Link) => {
                if let Some((range, true)) = open_links.pop() {
                    insertions.escape_brackets(markdown, range, &code_spans);
                }
            }
            _ => {}
        }
    }
    for range in text_runs.finish() {
        insertions.wrap_bare_urls(markdown, range);
    }
    for range in broken {
        insertions.escape_brackets(markdown, range, &code_spans);
    }
    insertions.apply(markdown)
}

/// `markdown` with every continuation line of a list item or a quote written the way clippy's
/// `doc_lazy_continuation` and `doc_overindented_list_items` expect (descriptions wrap lines lazily, or
/// indent them their own way): inside list items, a line is indented by the widths of the enclosing items'
/// markers; inside a quote without its `>` markers, the line gets them. The text of the line, and so what
/// rustdoc shows, stays the same.
pub(super) fn relayout(markdown: &str) -> String {
    let mut containers: Vec<Container> = Vec::new();
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut in_footnote = false;
    let mut events = Parser::new_ext(markdown, rustdoc_options()).into_offset_iter().peekable();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                let content = events.peek().map_or(range.start, |(_, next)| next.start);
                containers.push(Container::List(content.saturating_sub(range.start)));
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::BlockQuote(_)) => {
                containers.pop();
            }
            Event::Start(Tag::BlockQuote(_)) => containers.push(Container::Quote),
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote = true,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = false,
            Event::SoftBreak | Event::HardBreak if !containers.is_empty() && !in_footnote => {
                let Some((next, next_range)) = events.peek() else { continue };
                let lead = range.end..next_range.start;
                if matches!(next, Event::End(_)) || markdown[lead.clone()].contains('\t') {
                    continue;
                }
                if let Some(replacement) = continuation_lead(&markdown[lead.clone()], &containers) {
                    replacements.push((lead, replacement));
                }
            }
            _ => {}
        }
    }
    let mut out = markdown.to_owned();
    for (range, replacement) in replacements.into_iter().rev() {
        out.replace_range(range, &replacement);
    }
    out
}

/// What a list item or a quote holds a continuation line in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// A list item whose marker (with its spaces) is this wide.
    List(usize),
    Quote,
}

/// The start a continuation line needs in `containers` (its `>` markers and indentation), when `lead` (what
/// precedes its text) is not that already.
fn continuation_lead(lead: &str, containers: &[Container]) -> Option<String> {
    let quotes = containers.iter().filter(|c| **c == Container::Quote).count();
    let markers = lead.chars().filter(|c| *c == '>').count();
    if markers < quotes {
        let lead = containers.iter().map(|c| match c {
            Container::Quote => "> ".to_owned(),
            Container::List(width) => " ".repeat(*width),
        });
        return Some(lead.collect());
    }
    if markers != 0 && quotes != 0 {
        return None;
    }
    let indent: usize = containers.iter().map(|c| if let Container::List(width) = c { *width } else { 0 }).sum();
    let spaces = lead.chars().filter(|c| *c == ' ').count();
    (spaces != indent || lead.len() != spaces).then(|| " ".repeat(indent))
}

/// The extensions rustdoc turns on (`main_body_opts`), so the text parses here as it will there.
fn rustdoc_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Whether rustdoc would try to resolve the link's target as a Rust path, which fails for every target the
/// docs can mean: rustdoc ignores targets with any character a path cannot hold (`/`, `.`, `-`, ...).
fn is_intra_doc_candidate(link_type: LinkType, dest: &str) -> bool {
    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
        return false;
    }
    let path = dest.split('#').next().unwrap_or_default();
    !path.is_empty() && path.chars().all(|c| c.is_alphanumeric() || ":_<>, !*&;@()".contains(c))
}

/// Ranges of plain text, adjacent ones joined (pulldown-cmark splits text at characters that might have
/// been markup, and a URL may hold them).
#[derive(Default)]
struct TextRuns(Vec<Range<usize>>);

impl TextRuns {
    fn push(&mut self, range: Range<usize>) {
        match self.0.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => self.0.push(range),
        }
    }

    fn finish(self) -> Vec<Range<usize>> {
        self.0
    }
}

/// Text to insert before byte offsets of the markdown.
#[derive(Default)]
struct Insertions(Vec<(usize, &'static str)>);

impl Insertions {
    /// A `\` before each `byte` in `range` that is not escaped already.
    fn escape_each(&mut self, text: &str, range: Range<usize>, byte: u8) {
        for at in range.clone().filter(|&i| text.as_bytes()[i] == byte) {
            if !is_escaped(text, at) {
                self.0.push((at, "\\"));
            }
        }
    }

    /// A `\` before each bracket in `range` outside code spans.
    fn escape_brackets(&mut self, text: &str, range: Range<usize>, code_spans: &[Range<usize>]) {
        let bytes = text.as_bytes();
        for at in range {
            let bracket = matches!(bytes[at], b'[' | b']');
            if bracket && !is_escaped(text, at) && !code_spans.iter().any(|span| span.contains(&at)) {
                self.0.push((at, "\\"));
            }
        }
    }

    fn wrap_bare_urls(&mut self, text: &str, range: Range<usize>) {
        for url in BARE_URL.find_iter(&text[range.clone()]) {
            self.0.push((range.start + url.start(), "<"));
            self.0.push((range.start + url.end(), ">"));
        }
    }

    fn apply(mut self, text: &str) -> String {
        // At one offset, a URL's closing `>` goes before the `\` of an escaped `<` right after the URL
        // (`URL>\</a>`, not `URL\></a>`).
        self.0.sort_by_key(|&(at, insertion)| (at, insertion != ">"));
        self.0.dedup();
        let mut out = String::with_capacity(text.len() + self.0.len());
        let mut copied = 0;
        for (at, insertion) in self.0 {
            out.push_str(&text[copied..at]);
            out.push_str(insertion);
            copied = at;
        }
        out.push_str(&text[copied..]);
        out
    }
}

/// Whether the character at `at` follows an odd number of backslashes.
fn is_escaped(text: &str, at: usize) -> bool {
    text.as_bytes()[..at].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::{defuse, relayout};

    #[test]
    fn lazy_list_continuations_are_indented_to_their_item() {
        assert_eq!(relayout("1. nest here\nlazy continuation"), "1. nest here\n   lazy continuation");
        assert_eq!(relayout("- a\n  - b\nlazy\n   also"), "- a\n  - b\n    lazy\n    also");
        assert_eq!(relayout("- first\n      overindented"), "- first\n  overindented");
        assert_eq!(relayout("- item\n\n  new paragraph\nlazy"), "- item\n\n  new paragraph\n  lazy");
        assert_eq!(relayout("- well\n  indented"), "- well\n  indented");
    }

    #[test]
    fn lazy_quote_lines_get_their_markers() {
        assert_eq!(relayout("> quoted\nlazy"), "> quoted\n> lazy");
        assert_eq!(relayout("> fine\n> also"), "> fine\n> also");
        assert_eq!(relayout("text\nmore text"), "text\nmore text");
    }

    #[test]
    fn html_looking_words_are_text() {
        assert_eq!(defuse("'unix://<path>' or <hostname>:2376"), "'unix://\\<path>' or \\<hostname>:2376");
        assert_eq!(defuse("<div>\n<b>x</b>\n</div>"), "\\<div>\n\\<b>x\\</b>\n\\</div>");
    }

    #[test]
    fn bare_urls_get_angle_brackets() {
        assert_eq!(defuse("see https://docs.example.com/a_b#c. Or"), "see <https://docs.example.com/a_b#c.> Or");
        assert_eq!(
            defuse("<https://example.com> and [x](https://example.com)"),
            "<https://example.com> and [x](https://example.com)"
        );
        assert_eq!(defuse("`https://example.com`"), "`https://example.com`");
        assert_eq!(
            defuse(r#"<a href="https://a.example.com/u">https://a.example.com/u</a>"#),
            r#"\<a href="<https://a.example.com/u>"><https://a.example.com/u>\</a>"#
        );
        assert_eq!(
            defuse(r#"using the <a href="https://example.com/iso">ISO</a> format"#),
            r#"using the \<a href="<https://example.com/iso>">ISO\</a> format"#
        );
    }

    #[test]
    fn links_that_escapes_uncover_are_text_too() {
        assert_eq!(
            defuse("<p>Use <code>registry/repository[:tag]</code> form.</p>"),
            "\\<p>Use \\<code>registry/repository\\[:tag\\]\\</code> form.\\</p>"
        );
        assert_eq!(
            defuse(r#"Example: [ { "members": [ "user:jose@example.com" ] }, { "type": "x" } ]"#),
            r#"Example: \[ { "members": \[ "user:jose@example.com" \] }, { "type": "x" } \]"#
        );
    }

    #[test]
    fn unresolvable_links_are_text() {
        assert_eq!(defuse("type [DEPRECATED]"), "type \\[DEPRECATED\\]");
        assert_eq!(defuse("[see](Foo) or [`a[0]`](x::y)"), "\\[see\\](Foo) or \\[`a[0]`\\](x::y)");
        assert_eq!(
            defuse("[docs](./docs.md) [web](https://example.com/x)"),
            "[docs](./docs.md) [web](https://example.com/x)"
        );
        assert_eq!(defuse("already \\[escaped\\]"), "already \\[escaped\\]");
    }

    #[test]
    fn code_stays_as_written() {
        let text = "```text\n<path> [x] https://example.com\n```";
        assert_eq!(defuse(text), text);
    }
}
