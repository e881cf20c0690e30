//! The text of a page as the reader sees it, with the noise of a web-view copy removed.
//!
//! Pages copied from a code viewer carry a header ("396 lines / 13 KiB / Plaintext", or "Files / path /
//! date") and sometimes a `|` line between every real line. Both are dropped here, before any parsing, so
//! that the same page with and without the noise reads the same. Every byte of the cleaned text still maps
//! back to its place in the original, so diagnostics point at the file the user has.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use mdxgen_diag::{LineCol, LineIndex};
use regex::Regex;

/// A cleaned page text and the way back to the original's lines and columns.
pub struct Source<'a> {
    original: &'a str,
    clean: Cow<'a, str>,
    /// For each kept line: (start in `clean`, start in `original`). Empty when nothing was removed.
    kept_lines: Vec<(usize, usize)>,
    /// Built on the first `locate`: most pages need one location at most.
    index: OnceLock<LineIndex>,
}

static SIZE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(\.\d+)? ?(B|bytes|KiB|MiB|KB|MB)$").expect("valid regex"));
static LINES_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+ lines?$").expect("valid regex"));

/// How many leading lines may belong to a viewer header. Real headers have at most a dozen.
const HEADER_SEARCH_LINES: usize = 24;

/// How many lines after the header show whether a gutter interleaves `|` lines: it does so from the start.
const PIPE_SAMPLE_LINES: usize = 64;

impl<'a> Source<'a> {
    pub fn new(original: &'a str) -> Self {
        // Most pages start with their frontmatter: only a first line like a viewer's is worth a closer look.
        let first_line = original.trim_start().lines().next().unwrap_or_default().trim();
        let skip = if first_line == "Files" || LINES_LINE.is_match(first_line) {
            let head: Vec<(usize, &str)> = line_spans(original).take(HEADER_SEARCH_LINES).collect();
            header_line_count(&head)
        } else {
            0
        };
        let drop_pipes = has_pipe_interleave(line_spans(original).skip(skip).take(PIPE_SAMPLE_LINES).map(|(_, l)| l));
        if skip == 0 && !drop_pipes {
            return Self { original, clean: Cow::Borrowed(original), kept_lines: Vec::new(), index: OnceLock::new() };
        }
        let mut clean = String::with_capacity(original.len());
        let mut kept_lines = Vec::new();
        for (start, line) in line_spans(original).skip(skip) {
            if drop_pipes && line.trim() == "|" {
                continue;
            }
            kept_lines.push((clean.len(), start));
            clean.push_str(line);
        }
        Self { original, clean: Cow::Owned(clean), kept_lines, index: OnceLock::new() }
    }

    /// The text with web-view noise removed.
    pub fn text(&self) -> &str {
        &self.clean
    }

    /// Whether any noise was removed.
    pub fn was_cleaned(&self) -> bool {
        !self.kept_lines.is_empty() || self.clean.len() != self.original.len()
    }

    /// The line and column in the original file of byte `offset` of the cleaned text.
    pub fn locate(&self, offset: usize) -> LineCol {
        let offset = self.original_offset(offset);
        match self.index.get() {
            None if offset < NEAR_THE_TOP => LineCol::by_counting(self.original, offset),
            _ => self.index.get_or_init(|| LineIndex::new(self.original)).line_col(self.original, offset),
        }
    }

    fn original_offset(&self, offset: usize) -> usize {
        if self.kept_lines.is_empty() {
            return offset;
        }
        let i = self.kept_lines.partition_point(|&(clean_start, _)| clean_start <= offset);
        match i.checked_sub(1) {
            Some(i) => {
                let (clean_start, original_start) = self.kept_lines[i];
                original_start + (offset - clean_start)
            }
            None => offset,
        }
    }
}

/// Offsets below this are located by counting lines up to them: every operation page is located once, at
/// its `api:` line near the top, and indexing all of a page's lines for that would cost a pass over it.
const NEAR_THE_TOP: usize = 64 * 1024;

/// Lines with their start offsets; each line keeps its terminator.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let here = start;
        start += line.len();
        (here, line)
    })
}

/// Counts the leading lines that belong to a code viewer's header, not to the page.
///
/// Two headers are known: "N lines / N KiB / <language>" (possibly twice), and "Files / <path> /
/// [commit line] / <date>" followed by the former. A page that starts with `---` or `<` has none.
fn header_line_count(lines: &[(usize, &str)]) -> usize {
    let trimmed: Vec<&str> = lines.iter().take(HEADER_SEARCH_LINES).map(|(_, l)| l.trim()).collect();
    let first = trimmed.iter().position(|l| !l.is_empty());
    let Some(first) = first else { return 0 };
    if trimmed[first] != "Files" && !LINES_LINE.is_match(trimmed[first]) {
        return 0;
    }
    let mut end = 0;
    for i in 0..trimmed.len() {
        let is_size_block =
            LINES_LINE.is_match(trimmed[i]) && trimmed.get(i + 1).is_some_and(|l| SIZE_LINE.is_match(l));
        if is_size_block {
            // The line after the size names the language ("Plaintext", "MDX", ...).
            end = (i + 3).min(trimmed.len());
        }
    }
    if end == 0 {
        // A "Files" header without a size block: the page starts at its frontmatter.
        end = trimmed.iter().position(|l| *l == "---").unwrap_or(0);
    }
    end
}

/// A web view that renders a gutter puts a lone `|` between lines; real pages have almost none. `lines` is
/// a sample from the start of the page.
fn has_pipe_interleave<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (total, pipes) =
        lines.fold((0usize, 0usize), |(total, pipes), l| (total + 1, pipes + usize::from(l.trim() == "|")));
    total >= 8 && pipes * 3 >= total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_untouched() {
        let text = "---\nid: a\n---\n<X/>\n";
        let source = Source::new(text);
        assert_eq!(source.text(), text);
        assert!(!source.was_cleaned());
        assert_eq!(source.locate(4), LineCol { line: 2, column: 1 });
        assert_eq!(source.locate(5), LineIndex::new(text).line_col(text, 5));
    }

    #[test]
    fn size_header_and_pipes_are_removed_and_offsets_map_back() {
        let text = "3 lines\n1 KiB\nPlaintext\n3 lines\n1 KiB\nPlaintext\n---\n|\n|\nid: a\n|\n|\n---\n|\n|\n<X/>\n|\n|\nmore\n|\n";
        let source = Source::new(text);
        assert_eq!(source.text(), "---\nid: a\n---\n<X/>\nmore\n");
        let x = source.text().find("<X").unwrap();
        assert_eq!(source.locate(x), LineCol { line: 16, column: 1 });
        assert_eq!(source.locate(x + 1), LineCol { line: 16, column: 2 });
    }

    #[test]
    fn files_header_is_removed() {
        let text = "Files\nauthentik/website/docs/a.api.mdx\nTana first pass\n2024-10-22 15:10:13 -05:00\n\n584 lines\n24 KiB\nPlaintext\n\n---\nid: a\n---\n";
        let source = Source::new(text);
        assert_eq!(source.text(), "\n---\nid: a\n---\n");
        assert_eq!(source.locate(1), LineCol { line: 10, column: 1 });
    }
}
