//! Descriptions as rustdoc lines. The markdown is kept, with three changes that keep rustdoc from treating
//! the docs' text as code: every code fence is marked `text` (so no doc test runs), indentation is capped at
//! three spaces (an indented code block would be a doc test too), and an unclosed fence is closed. Characters
//! that may not appear in a comment as they are (carriage returns, other control characters, and the
//! text-direction overrides that rustc rejects) are written as `\u{..}` escapes. Each line becomes its own
//! `#[doc = "..."]` attribute, whose string literal the emitter escapes, so nothing can end the comment.

/// The lines of a doc comment for `description`; empty when there is nothing to say.
pub fn rustdoc_lines(description: &str) -> Vec<String> {
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
            (None, None) => lines.push(cap_indent(&rustdoc_safe(&line))),
        }
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if let Some(open) = open_fence {
        lines.push(open.marker());
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    lines.into_iter().map(|l| if l.is_empty() { l } else { format!(" {}", l.trim_end()) }).collect()
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

/// A prose line that rustdoc reads as the docs meant it, without its lints firing on the docs' text: a bare
/// URL becomes an autolink (`<https://..>`, rustdoc's `bare_urls`), a `[word]` that is not a link is escaped
/// (`\[word]`: it would be a broken intra-doc link), and a `<` that would open an HTML tag is `&lt;`
/// (`<hostname>` is a placeholder, not a tag: `invalid_html_tags`). Code spans stay as they are.
fn rustdoc_safe(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            let run = chars[i..].iter().take_while(|c| **c == '`').count();
            if let Some(end) = closing_run(&chars, i + run, run) {
                out.extend(&chars[i..end + run]);
                i = end + run;
            } else {
                out.extend(&chars[i..i + run]);
                i += run;
            }
            continue;
        }
        if c == '<' {
            if let Some(len) = autolink_len(&chars[i..]) {
                out.extend(&chars[i..i + len]);
                i += len;
            } else if chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
                out.push_str("&lt;");
                i += 1;
            } else {
                out.push(c);
                i += 1;
            }
            continue;
        }
        if let Some(len) = (c == '[').then(|| inline_link_len(&chars, i)).flatten() {
            // A whole `[text](target)` stays as written.
            out.extend(&chars[i..i + len]);
            i += len;
            continue;
        }
        if c == '[' && !(i > 0 && chars[i - 1] == '\\') && !is_link_text(&chars, i) {
            out.push_str("\\[");
            i += 1;
            continue;
        }
        if let Some(len) = bare_url_len(&chars, i) {
            out.push('<');
            out.extend(&chars[i..i + len]);
            out.push('>');
            i += len;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Where a backtick run of length `run` closes the code span opened before `from`.
fn closing_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let len = chars[j..].iter().take_while(|c| **c == '`').count();
            if len == run {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

/// The length of `<scheme:...>` (an autolink) at the start of `chars`.
fn autolink_len(chars: &[char]) -> Option<usize> {
    let end = chars.iter().position(|c| *c == '>')?;
    let inner: String = chars[1..end].iter().collect();
    let scheme = inner.split_once(':')?.0;
    let is_scheme = scheme.len() >= 2
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !inner.contains(|c: char| c.is_whitespace() || c == '<');
    is_scheme.then_some(end + 1)
}

/// The length of an inline link `[text](target)` starting at `i`.
fn inline_link_len(chars: &[char], i: usize) -> Option<usize> {
    let mut depth = 0;
    let mut close = None;
    for (j, c) in chars.iter().enumerate().skip(i) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 1..].iter().position(|c| *c == ')')? + close + 1;
    Some(end + 1 - i)
}

/// Whether the `[` at `i` opens link text: its `]` is followed by `(`, `[` or `:` (inline, reference or
/// definition).
fn is_link_text(chars: &[char], i: usize) -> bool {
    let mut depth = 0;
    for j in i..chars.len() {
        match chars[j] {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return matches!(chars.get(j + 1), Some('(' | '[' | ':'));
                }
            }
            _ => {}
        }
    }
    false
}

/// The length of a bare `http://` or `https://` URL at `i` (not inside a link target or an autolink),
/// without trailing punctuation.
fn bare_url_len(chars: &[char], i: usize) -> Option<usize> {
    let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
    if !(rest.starts_with("http://") || rest.starts_with("https://")) {
        return None;
    }
    let link_target = i > 1 && chars[i - 1] == '(' && chars[i - 2] == ']';
    if link_target || (i > 0 && (chars[i - 1].is_ascii_alphanumeric() || matches!(chars[i - 1], '<' | '/'))) {
        return None;
    }
    let mut len = chars[i..].iter().take_while(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '`')).count();
    while len > 0 && matches!(chars[i + len - 1], '.' | ',' | ';' | ':' | ')' | '\'' | '!' | '?') {
        len -= 1;
    }
    let scheme = if rest.starts_with("https") { 8 } else { 7 };
    (len > scheme).then_some(len)
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
    fn rustdoc_lints_do_not_fire_on_the_docs_text() {
        let lines = rustdoc_lines(
            "See https://example.com/a.md#x. Or `https://in.code` and <https://auto.link> (https://x.z).\n\
             [DEPRECATED] but [a link](https://x.y) and [https://u.v](https://u.v) stay; 'unix://<path>' and <b>bold</b>",
        );
        assert_eq!(
            lines,
            [
                " See <https://example.com/a.md#x>. Or `https://in.code` and <https://auto.link> (<https://x.z>).",
                " \\[DEPRECATED] but [a link](https://x.y) and [https://u.v](https://u.v) stay; 'unix://&lt;path>' and &lt;b>bold&lt;/b>",
            ]
        );
    }

    #[test]
    fn blank_descriptions_say_nothing() {
        assert!(rustdoc_lines("  \n\n").is_empty());
    }
}
