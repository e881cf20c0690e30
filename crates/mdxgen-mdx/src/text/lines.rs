//! The page as a list of its non-empty lines, each trimmed and located, and the head lines that older
//! themes break up put back together.

use std::borrow::Cow;

use super::label::{TypeLabel, plausible_name};

/// One non-empty line of the page, trimmed, and where it starts in the page text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub offset: usize,
}

/// Characters a browser copy leaves around text: whitespace (no-break spaces included) and the zero-width
/// space that the theme puts in heading anchors (`Request​`).
fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// The non-empty lines of `text`. A lone `-` is dropped too: it is the bullet of a list item whose content
/// starts a block of its own (`- ` then `Array [` on the next line).
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim_matches(is_padding);
        if !trimmed.is_empty() && trimmed != "-" {
            let lead = raw.len() - raw.trim_start_matches(is_padding).len();
            out.push(Line { text: trimmed, offset: start + lead });
        }
        start += raw.len();
    }
    out
}

/// A line as the reader reads it: one line of the page, or a head line that the page splits over several
/// lines, joined. Located at its first line.
pub(crate) struct Joined<'a> {
    text: Cow<'a, str>,
    offset: usize,
}

impl Joined<'_> {
    pub(crate) fn line(&self) -> Line<'_> {
        Line { text: &self.text, offset: self.offset }
    }
}

/// The markers a head line may end with, in the order the theme writes them.
const MARKERS: &[&str] = &["nullable", "required", "deprecated"];

/// Joins the head lines that themes up to 4.1 split: they put a collapsible item's name, its label and each
/// marker in blocks of their own (`flow_set` / `object[]` / `required`), and the body's `required` under
/// `Body`. Joined, they read as theme 4.2 on writes them: `flow_set object[]required`, `Bodyrequired`. Other
/// lines are kept as they are.
pub(crate) fn join_split_heads<'a>(lines: &[Line<'a>]) -> Vec<Joined<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let label_follows = lines.get(i + 1).is_some_and(|next| is_object_label(next.text));
        let (mut text, mut next) = if plausible_name(line.text) && label_follows {
            (Cow::Owned(format!("{} {}", line.text, lines[i + 1].text)), i + 2)
        } else if matches!(line.text, "Body" | "Body array") {
            (Cow::Borrowed(line.text), i + 1)
        } else {
            out.push(Joined { text: Cow::Borrowed(line.text), offset: line.offset });
            i += 1;
            continue;
        };
        while let Some(marker) = lines.get(next).map(|l| l.text).filter(|t| MARKERS.contains(t)) {
            text.to_mut().push_str(marker);
            next += 1;
        }
        out.push(Joined { text, offset: line.offset });
        i = next;
    }
    out
}

/// `object`, `object[]`...: the label of a collapsible item.
fn is_object_label(text: &str) -> bool {
    TypeLabel::parse(text).is_some_and(|label| label.is_object())
}

/// The label of a tab line (`- 200`, `- application/json`), or `None` for other lines.
pub(crate) fn tab_label(line: &str) -> Option<&str> {
    line.strip_prefix("- ").map(|l| l.trim_matches(is_padding)).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_located_and_blank_ones_dropped() {
        let text = "a\n\n  Request\u{200B}\r\n-\n- 200\n";
        let got = lines(text);
        assert_eq!(
            got,
            vec![
                Line { text: "a", offset: 0 },
                Line { text: "Request", offset: 5 },
                Line { text: "- 200", offset: 19 }
            ]
        );
        assert_eq!(tab_label(got[2].text), Some("200"));
        assert_eq!(tab_label("Request"), None);
    }

    fn joined(text: &str) -> Vec<String> {
        join_split_heads(&lines(text)).iter().map(|j| j.line().text.to_owned()).collect()
    }

    #[test]
    fn split_head_lines_are_joined() {
        assert_eq!(
            joined("flow_set\nobject[]\nrequired\nname stringrequired"),
            ["flow_set object[]required", "name stringrequired"]
        );
        assert_eq!(joined("source\nobject\nnullable\nrequired"), ["source objectnullablerequired"]);
        assert_eq!(joined("Body\nrequired\nname string"), ["Bodyrequired", "name string"]);
        // A root `object` under `Schema`, and a lone word before a label that is not an object's, stay.
        assert_eq!(joined("Schema\nobject"), ["Schema", "object"]);
        assert_eq!(joined("user\nstring"), ["user", "string"]);
        let located = join_split_heads(&lines("x\nflow_set\nobject"));
        assert_eq!(located[1].line().offset, 2);
    }
}
