//! The page as a list of its non-empty lines, each trimmed and located.

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
}
