//! Hostile and broken rendered texts give warnings (or errors), never a panic, and take time in proportion to
//! their size.

use std::path::Path;
use std::time::{Duration, Instant};

use mdxgen_mdx::{FsSidecars, Page, ReadOptions, ReadResult, read_page};

const HEAD: &str = "op\nGET /api//things/:id/\n";

fn read(text: &str) -> (ReadResult, Duration) {
    let started = Instant::now();
    let result = read_page(Path::new("hostile.txt"), text, &ReadOptions::default(), &FsSidecars);
    (result, started.elapsed())
}

/// Reads `text` and checks it took less than `limit` (debug builds are slow: the limits are generous, the
/// point is to catch quadratic behaviour, which takes minutes on these sizes).
fn read_within(text: &str, limit: Duration) -> ReadResult {
    let (result, took) = read(text);
    assert!(took < limit, "took {took:?} for {} bytes", text.len());
    result
}

#[test]
fn a_header_alone_is_an_operation_without_parts() {
    let (result, _) = read(HEAD);
    let Some(Page::Operation(op)) = result.page else { panic!("not read: {:?}", result.diagnostics) };
    assert_eq!((op.method.as_str(), op.path.as_str()), ("get", "/things/:id/"));
    assert!(result.diagnostics.iter().any(|d| d.to_string().contains("names no path parameter")));
}

#[test]
fn garbage_after_the_header_never_panics() {
    let samples = [
        "Request\nPath Parameters\n\u{0}\u{1}\u{7f} ééé\nResponses\n- 200\n- application/json\n- Schema\n- Example (auto)\nSchema\n{",
        "Responses\n- 200\n- 999\n- default\nSchema\n]\n[\n}\n{\n",
        "Request\n- application/json\nBodyrequired\nArray [\nArray [\noneOf\n- MOD1\n]\nproperty name*\nPossible values: [\n",
        "Request\nQuery Parameters\nx \u{200B}\ny uuid[][][]required\nPossible values: >= x and <= characters, Value must match regular expression \nDefault value: {\nExample: ]",
        "Authorization: \nname: type: scheme: name: \nBase URL\nBody\n{\"a\":\n",
        "Responses\n- 200\nResponse Headers\n- a/b\n- Schema\ncomponent\nPossible values: [a, b]\n- a\n- b\n",
    ];
    for tail in samples {
        let text = format!("{HEAD}{tail}");
        let (result, _) = read(&text);
        assert!(result.page.is_some() || result.diagnostics.iter().any(|d| d.is_error()), "{tail:?}");
        // Every byte position of the sample, cut there, reads without panicking too.
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = read(&text[..cut]);
        }
    }
}

#[test]
fn deep_nesting_is_capped() {
    let alternatives =
        format!("{HEAD}Responses\n- 200\n- application/json\n- Schema\nSchema\n{}", "oneOf\n- MOD1\n".repeat(20_000));
    read_within(&alternatives, Duration::from_secs(20));
    let arrays =
        format!("{HEAD}Responses\n- 200\n- application/json\n- Schema\nSchema\n{}", "Array [\n".repeat(50_000));
    read_within(&arrays, Duration::from_secs(20));
    let example = format!(
        "{HEAD}Responses\n- 200\n- application/json\n- Schema\n- Example (auto)\nSchema\nx object\n{}{}",
        "{\"x\": [\n".repeat(30_000),
        "]}\n".repeat(30_000)
    );
    read_within(&example, Duration::from_secs(20));
}

#[test]
fn long_inputs_stay_linear() {
    let lines = 100_000;
    let open_brackets = format!(
        "{HEAD}Responses\n- 200\n- application/json\n- Schema\n- Example (auto)\nSchema\n{}",
        "{\n".repeat(lines)
    );
    read_within(&open_brackets, Duration::from_secs(30));
    let tabs = format!("{HEAD}Request\n{}Responses\n{}", "- a/b\n".repeat(lines), "- 200\n".repeat(lines));
    read_within(&tabs, Duration::from_secs(30));
    let statuses = format!("{HEAD}Responses\n{}{}", "- 200\n".repeat(16), "description\n".repeat(lines));
    read_within(&statuses, Duration::from_secs(30));
    let items = format!(
        "{HEAD}Request\n- application/json\nBody\n{}",
        "namestringrequired\nPossible values: non-empty\n".repeat(lines / 2)
    );
    read_within(&items, Duration::from_secs(30));
    let long_line = format!("{HEAD}Request\nPath Parameters\nid {}\n", "x".repeat(5_000_000));
    read_within(&long_line, Duration::from_secs(30));
}
