//! Diagnostics shared by every stage of mdxgen.
//!
//! A stage never aborts a run for one bad input: it returns what it could read together with a list of
//! [`Diagnostic`]s. Each names the file, a 1-based line and column, and what was expected there.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a diagnostic is. Errors make the CLI exit non-zero; warnings and infos never do. An info tells
/// about a choice made for the user (such as the OpenAPI version written), not about a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A 1-based line and column in a file (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// Where in `file`; `None` when the finding is about the file as a whole.
    pub at: Option<LineCol>,
    /// A short stable code (`frontmatter`, `api-blob`, `jsx`, ...) for filtering and tests.
    pub code: &'static str,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &Path, at: Option<LineCol>, code: &'static str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, file: file.to_path_buf(), at, code, message: message.into() }
    }

    pub fn warning(file: &Path, at: Option<LineCol>, code: &'static str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, file: file.to_path_buf(), at, code, message: message.into() }
    }

    pub fn info(file: &Path, at: Option<LineCol>, code: &'static str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Info, file: file.to_path_buf(), at, code, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}", self.file.display())?;
        if let Some(at) = self.at {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {level}[{}]: {}", self.code, self.message)
    }
}

/// Maps byte offsets of a text to line and column, by binary search over line starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { line_starts }
    }

    /// The line and column of byte `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        LineCol::within_line(text, line, self.line_starts[line], offset)
    }
}

impl LineCol {
    /// The line and column of byte `offset` in `text`, by counting the lines before it: cheaper than a
    /// [`LineIndex`] when one place near the start is wanted.
    pub fn by_counting(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text.as_bytes()[..line_start].iter().filter(|&&b| b == b'\n').count();
        Self::within_line(text, line, line_start, offset)
    }

    /// `offset` on the 0-based `line` that starts at byte `line_start`; columns count characters.
    fn within_line(text: &str, line: usize, line_start: usize, offset: usize) -> Self {
        let column = text.get(line_start..offset).map_or(offset - line_start, |s| s.chars().count());
        Self { line: to_u32(line + 1), column: to_u32(column + 1) }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_and_in_chars() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(text, 5), LineCol { line: 2, column: 2 });
        assert_eq!(index.line_col(text, 8), LineCol { line: 4, column: 1 });
        assert_eq!(index.line_col(text, 999), LineCol { line: 4, column: 2 });
        for offset in [0, 3, 5, 8, 999] {
            assert_eq!(LineCol::by_counting(text, offset), index.line_col(text, offset));
        }
    }

    #[test]
    fn display_names_file_line_and_column() {
        let d = Diagnostic::error(Path::new("a.mdx"), Some(LineCol { line: 3, column: 7 }), "jsx", "expected `>`");
        assert_eq!(d.to_string(), "a.mdx:3:7: error[jsx]: expected `>`");
    }
}
