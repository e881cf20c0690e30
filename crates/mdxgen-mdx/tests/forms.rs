//! One page in each form the plugin and its users write: the `api:` frontmatter compressed, as raw JSON
//! (`disableCompression`), `true` or absent, and prettier-formatted (props as JS object literals with
//! unquoted keys, single quotes and trailing commas; frontmatter flow mappings with trailing commas).
//! Each form reads into the same operation.

use std::io::Read;
use std::path::{Path, PathBuf};

use base64::Engine;
use mdxgen_mdx::{OperationPage, Origin, Page, ReadOptions, Sidecars, read_page, sidecar_path};
use serde_json::Value;

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(relative)
}

/// Sidecars served from the fixture folder, whatever the page's own path says.
struct FixtureSidecars(PathBuf);

impl Sidecars for FixtureSidecars {
    fn load(&self, _page: &Path, relative: &str) -> Result<String, String> {
        let path = sidecar_path(&self.0.join("page.api.mdx"), relative)?;
        std::fs::read_to_string(&path).map_err(|e| e.to_string())
    }
}

fn read(text: &str, options: &ReadOptions, sidecars_dir: &Path) -> OperationPage {
    let result = read_page(Path::new("page.api.mdx"), text, options, &FixtureSidecars(sidecars_dir.to_path_buf()));
    let errors: Vec<String> = result.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    match result.page {
        Some(Page::Operation(op)) => op,
        other => panic!("expected an operation, got {other:?}"),
    }
}

/// The page with its `api:` line replaced by `api_line` (or removed, for `None`).
fn with_api_line(page: &str, api_line: Option<&str>) -> String {
    page.lines()
        .filter_map(|line| if line.starts_with("api: ") { api_line.map(str::to_owned) } else { Some(line.to_owned()) })
        .collect::<Vec<_>>()
        .join("\n")
}

fn inflated_api(page: &str) -> String {
    let blob = page.lines().find_map(|l| l.strip_prefix("api: ")).expect("page has an api line");
    let deflated = base64::engine::general_purpose::STANDARD.decode(blob).expect("base64");
    let mut json = String::new();
    flate2::read::ZlibDecoder::new(&deflated[..]).read_to_string(&mut json).expect("zlib");
    json
}

#[test]
fn raw_json_true_and_absent_api_forms() {
    let dir = fixture("authentik");
    let page = std::fs::read_to_string(dir.join("core-users-list.api.mdx")).expect("fixture");
    let compressed = read(&page, &ReadOptions::default(), &dir);
    let raw =
        read(&with_api_line(&page, Some(&format!("api: {}", inflated_api(&page)))), &ReadOptions::default(), &dir);
    assert_eq!(raw.operation, compressed.operation);
    let tree = read(&page, &ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() }, &dir);
    for form in [Some("api: true"), None] {
        let op = read(&with_api_line(&page, form), &ReadOptions::default(), &dir);
        assert_eq!(op.origin, Origin::ComponentTree);
        assert_eq!(op.operation, tree.operation, "{form:?}");
    }
}

/// A JSON value as prettier prints a JS object literal: unquoted identifier keys, single quotes, trailing
/// commas, one member per line.
fn js_literal(value: &Value, indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let close = "  ".repeat(indent);
    match value {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n")),
        Value::Array(items) if !items.is_empty() => {
            let members: String = items.iter().map(|v| format!("{pad}{},\n", js_literal(v, indent + 1))).collect();
            format!("[\n{members}{close}]")
        }
        Value::Object(map) if !map.is_empty() => {
            let key = |k: &str| {
                let identifier = k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !k.starts_with(|c: char| c.is_ascii_digit());
                if identifier { k.to_owned() } else { format!("'{}'", k.replace('\'', "\\'")) }
            };
            let members: String =
                map.iter().map(|(k, v)| format!("{pad}{}: {},\n", key(k), js_literal(v, indent + 1))).collect();
            format!("{{\n{members}{close}}}")
        }
        other => other.to_string(),
    }
}

#[test]
fn prettier_formatted_pages() {
    let dir = fixture("petstore-v5");
    let tree_only = ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() };
    let (mut pages, mut with_literal_schemas) = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("fixture folder").flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".api.mdx") {
            continue;
        }
        let page = std::fs::read_to_string(&path).expect("fixture page");
        let expected = read(&page, &tree_only, &dir);
        let prettier = prettify(&page, &dir).replacen(
            "hide_title: true",
            "hide_title: true\nsidebar_custom_props: { tags: [a, b,], deprecated: false, }",
            1,
        );
        assert!(!prettier.contains("require("), "a spread is left: {prettier}");
        with_literal_schemas += usize::from(prettier.contains("schema: {"));
        let actual = read(&prettier, &tree_only, &dir);
        assert_eq!(actual.operation, expected.operation, "{}", path.display());
        pages += 1;
    }
    assert!(
        pages >= 10 && with_literal_schemas >= 10,
        "only {pages} pages, {with_literal_schemas} with JS-literal schemas"
    );
}

/// Inlines every `{...require("./x.json")}` spread as `name={<JS literal>}` props, as a prettier-formatted
/// page without sidecars holds them.
fn prettify(page: &str, dir: &Path) -> String {
    let mut out = String::new();
    for line in page.lines() {
        let spread = line.trim().strip_prefix("{...require(\"./").and_then(|r| r.strip_suffix("\")}"));
        match spread {
            Some(file) => {
                let props: Value =
                    serde_json::from_str(&std::fs::read_to_string(dir.join(file)).expect("sidecar")).expect("JSON");
                for (name, value) in props.as_object().into_iter().flatten() {
                    out.push_str(&format!("  {name}={{{}}}\n", js_literal(value, 1)));
                }
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}
