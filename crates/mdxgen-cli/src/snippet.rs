//! The source line under an error, drawn by miette. The file is read again (the reader keeps no text), and
//! only a window of the line around the column is shown, because a page's lines can be kilobytes long (the
//! `api:` blob is one line); miette is told where the window sits, so the numbers it prints are the file's.

use mdxgen::Diagnostic;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError, MietteSpanContents, Report,
    SourceCode, SourceSpan, SpanContents,
};

/// Characters of the line shown before and after the column.
const HALF_WINDOW: usize = 40;

/// The snippet of `diagnostic`'s line and column, or `None` when it has no position or the file is not
/// readable text (then the `file:line:column` line stands alone).
pub fn render(diagnostic: &Diagnostic) -> Option<String> {
    let at = diagnostic.at?;
    let text = std::fs::read_to_string(&diagnostic.file).ok()?;
    let line_index = usize::try_from(at.line.checked_sub(1)?).ok()?;
    let line = text.lines().nth(line_index)?;
    let chars: Vec<char> = line.chars().collect();
    let column = usize::try_from(at.column.saturating_sub(1)).ok()?.min(chars.len());
    let start = column.saturating_sub(HALF_WINDOW);
    let end = (column + HALF_WINDOW).min(chars.len());
    let offset: usize = chars[start..column].iter().map(|c| c.len_utf8()).sum();
    let window = Window {
        name: diagnostic.file.display().to_string(),
        text: chars[start..end].iter().collect(),
        line: line_index,
        column: start,
    };
    let label = LabeledSpan::at_offset(offset, diagnostic.code);
    let report =
        Report::new(MietteDiagnostic::new(diagnostic.message.clone()).with_label(label)).with_source_code(window);
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .render_report(&mut out, report.as_ref())
        .ok()?;
    Some(out.trim_end().to_owned())
}

/// A piece of one line of a file, which miette reads as if it were the file.
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// The 0-based line and the column (in characters) where `text` starts in the file.
    line: usize,
    column: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self.text.read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            self.line + contents.line(),
            self.column + contents.column(),
            contents.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use mdxgen::{Diagnostic, LineCol};

    fn render_at(text: &str, line: u32, column: u32) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("page.api.mdx");
        std::fs::write(&file, text).expect("writes");
        let diagnostic = Diagnostic::error(&file, Some(LineCol { line, column }), "jsx", "unexpected '/'");
        super::render(&diagnostic).expect("a snippet")
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_keeps_the_files_numbers() {
        let long = format!("a\n{}<https://x>{}\n", "x".repeat(500), "y".repeat(500));
        let snippet = render_at(&long, 2, 501);
        assert!(snippet.contains("page.api.mdx:2:501]"), "{snippet}");
        assert!(snippet.contains("2 │ xxxx") && snippet.contains("<https://x>"), "{snippet}");
        assert!(snippet.lines().all(|l| l.chars().count() < 120), "cut to a window: {snippet}");
    }

    #[test]
    fn no_position_or_no_file_means_no_snippet() {
        let missing =
            Diagnostic::error(Path::new("/nonexistent/page.api.mdx"), Some(LineCol { line: 1, column: 1 }), "io", "x");
        assert!(super::render(&missing).is_none());
        let whole_file = Diagnostic::error(Path::new("Cargo.toml"), None, "io", "x");
        assert!(super::render(&whole_file).is_none());
    }
}
