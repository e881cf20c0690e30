//! Descriptions as rustdoc lines. The markdown is kept, with three changes that keep rustdoc from treating
//! the docs' text as code: every code fence is marked `text` (so no doc test runs), indentation is capped at
//! three spaces (an indented code block would be a doc test too), and an unclosed fence is closed. Then
//! [`markdown::relayout`] indents the continuation lines of list items and quotes as clippy expects, and
//! [`markdown::defuse`] escapes what rustdoc would warn about (HTML-looking words, bare URLs, brackets it
//! takes for intra-doc links), so the generated docs build with `-D warnings`. Characters
//! that may not appear in a comment as they are (carriage returns, other control characters, and the
//! text-direction overrides that rustc rejects) are written as `\u{..}` escapes. Each line becomes its own
//! `#[doc = "..."]` attribute, whose string literal the emitter escapes, so nothing can end the comment.

mod markdown;

/// The lines of a doc comment for `description`; empty when there is nothing to say.
pub fn rustdoc_lines(description: &str) -> Vec<String> {
    let defused = markdown::defuse(&markdown::relayout(&fenced_lines(description).join("\n")));
    let mut lines: Vec<&str> = defused.split('\n').collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    lines.into_iter().map(|l| if l.is_empty() { String::new() } else { format!(" {}", l.trim_end()) }).collect()
}

/// Appends `paragraph` (doc lines) to `lines` as a paragraph of its own: after a blank line when `lines` has
/// any, so that it never continues a list or a quote `lines` ends with. An empty paragraph adds nothing.
pub fn push_paragraph(lines: &mut Vec<String>, paragraph: Vec<String>) {
    if paragraph.is_empty() {
        return;
    }
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.extend(paragraph);
}

/// Text for inside a code span of a doc line mdxgen writes: no backticks, no line breaks.
pub fn code_text(text: &str) -> String {
    text.chars().map(|c| if c == '`' || c.is_control() { '\'' } else { c }).collect()
}

/// The description's lines with every fence marked `text` and closed, and indentation capped.
fn fenced_lines(description: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut open_fence: Option<Fence> = None;
    for raw in split_lines(description) {
        let line = escape_unprintable(&raw.replace('\t', "    "));
        match (&open_fence, Fence::parse(&line)) {
            (None, Some(fence)) => {
                lines.push(format!("{}{}text", " ".repeat(fence.indent), fence.marker()));
                open_fence = Some(fence);
            }
            (Some(open), Some(fence)) if fence.closes(open) => {
                lines.push(format!("{}{}", " ".repeat(fence.indent), fence.marker()));
                open_fence = None;
            }
            (Some(_), _) => lines.push(line),
            (None, None) => lines.push(cap_indent(&line)),
        }
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if let Some(open) = open_fence {
        lines.push(open.marker());
    }
    lines
}

/// Lines split at `\r\n`, `\r` and `\n`.
fn split_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n").replace('\r', "\n").split('\n').map(str::to_owned).collect()
}

/// A code fence line: ```` ``` ```` or `~~~` (three or more), indented by at most three spaces.
#[derive(Debug, Clone, Copy)]
struct Fence {
    indent: usize,
    char: char,
    len: usize,
    /// Whether anything (an info string) follows the marker.
    has_info: bool,
}

impl Fence {
    fn parse(line: &str) -> Option<Self> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let char = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
        let len = rest.chars().take_while(|c| *c == char).count();
        if indent > 3 || len < 3 {
            return None;
        }
        let info = rest[len..].trim();
        // A backtick fence's info string may not hold a backtick.
        if char == '`' && info.contains('`') {
            return None;
        }
        Some(Self { indent, char, len, has_info: !info.is_empty() })
    }

    fn closes(&self, open: &Fence) -> bool {
        self.char == open.char && self.len >= open.len && !self.has_info
    }

    fn marker(&self) -> String {
        self.char.to_string().repeat(self.len)
    }
}

/// Four spaces of indentation start an indented code block, which rustdoc would compile as a doc test.
fn cap_indent(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 { format!("   {}", &line[indent..]) } else { line.to_owned() }
}

/// Control characters and the text-direction codepoints (which rustc rejects in comments and literals) as
/// visible `\u{..}` escapes.
fn escape_unprintable(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_control() || is_text_direction(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_text_direction(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_marked_text_and_closed() {
        let lines = rustdoc_lines("Use it:\n```rust\nfn main() {}\n```\n~~~\nx\n");
        assert_eq!(lines, [" Use it:", " ```text", " fn main() {}", " ```", " ~~~text", " x", " ~~~"]);
    }

    #[test]
    fn indented_code_is_not_code() {
        // Rustdoc removes the indentation all lines share (one space here), leaving three: a paragraph.
        assert_eq!(rustdoc_lines("a\n\n        let x = 1;"), [" a", "", "    let x = 1;"]);
    }

    #[test]
    fn nothing_can_end_the_comment_or_flip_text_direction() {
        let lines = rustdoc_lines("*/ \r\n\u{202E}evil\u{0}");
        assert_eq!(lines, [" */", " \\u{202e}evil\\u{0}"]);
    }

    #[test]
    fn blank_descriptions_say_nothing() {
        assert!(rustdoc_lines("  \n\n").is_empty());
    }
}
