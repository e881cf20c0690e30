//! Broken and hostile pages each give a located diagnostic and a non-zero exit: no panic, no stack
//! overflow, and memory bounded (each run is limited to 1 GiB of address space).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::Compression;
use flate2::write::ZlibEncoder;

fn fixture_page() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/authentik/core-users-list.api.mdx");
    std::fs::read_to_string(path).expect("fixture page is readable")
}

/// Runs `mdxgen check` on `files` (name, bytes) in a fresh folder, with 1 GiB of address space at most.
fn check(files: &[(&str, Vec<u8>)]) -> (Output, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("writes");
    }
    let script = "ulimit -v 1048576; exec \"$0\" check \"$1\"";
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_mdxgen"))
        .arg(dir.path())
        .output()
        .expect("runs mdxgen");
    let path = dir.path().to_path_buf();
    (output, path, dir)
}

/// Asserts a clean failure: exit code 1 (not a crash) and an error naming `file:line:column`.
fn assert_located_error(files: &[(&str, Vec<u8>)], file: &str, expected: &str) {
    let (output, dir, _keep) = check(files);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let located = format!("{}:", dir.join(file).display());
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&located) && l.contains("error"))
        .unwrap_or_else(|| panic!("no error for {file}: {stderr}"));
    let position = line[located.len()..].split(':').take(2).collect::<Vec<_>>();
    assert!(position.len() == 2 && position.iter().all(|n| n.parse::<u32>().is_ok()), "not located: {line}");
    assert!(line.contains(expected), "expected `{expected}` in: {line}");
}

fn deflate_base64(bytes: impl Iterator<Item = Vec<u8>>) -> String {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    for chunk in bytes {
        encoder.write_all(&chunk).expect("in-memory write");
    }
    STANDARD.encode(encoder.finish().expect("in-memory write"))
}

fn with_api(api: &str) -> Vec<u8> {
    let page = fixture_page();
    let start = page.find("\napi: ").expect("page has api") + 6;
    let end = start + page[start..].find('\n').expect("api line ends");
    format!("{}{api}{}", &page[..start], &page[end..]).into_bytes()
}

#[test]
fn truncated_page() {
    let page = fixture_page();
    let cut = page.as_bytes()[..page.len() * 2 / 3].to_vec();
    assert_located_error(&[("a.api.mdx", cut)], "a.api.mdx", "never closed");
}

#[test]
fn truncated_frontmatter() {
    let page = fixture_page();
    let cut = page.as_bytes()[..200].to_vec();
    assert_located_error(&[("a.api.mdx", cut)], "a.api.mdx", "frontmatter");
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_located_error(&[("a.api.mdx", junk)], "a.api.mdx", "UTF-8");
}

#[test]
fn empty_page() {
    assert_located_error(&[("a.api.mdx", Vec::new())], "a.api.mdx", "empty");
}

#[test]
fn corrupt_base64() {
    assert_located_error(&[("a.api.mdx", with_api("eJzt!!not*base64"))], "a.api.mdx", "base64");
}

#[test]
fn corrupt_zlib() {
    let not_zlib = STANDARD.encode(b"this is base64 of plain text, not of zlib data");
    assert_located_error(&[("a.api.mdx", with_api(&not_zlib))], "a.api.mdx", "zlib");
}

#[test]
fn small_blob_inflating_to_gigabytes() {
    // 2 GiB of spaces deflate to about 2 MiB; reading must stop at the cap, not allocate it.
    let bomb = deflate_base64((0..2048).map(|_| vec![b' '; 1 << 20]));
    assert!(bomb.len() < 4 << 20);
    assert_located_error(&[("a.api.mdx", with_api(&bomb))], "a.api.mdx", "inflates to more than");
}

#[test]
fn json_nested_hundreds_of_thousands_deep() {
    let deep = format!("{}{}", "[".repeat(300_000), "]".repeat(300_000));
    let blob =
        deflate_base64(std::iter::once(format!("{{\"method\":\"get\",\"path\":\"/\",\"x\":{deep}}}").into_bytes()));
    assert_located_error(&[("a.api.mdx", with_api(&blob))], "a.api.mdx", "JSON");
    let prop = format!(
        "---\nid: a\n---\n<MethodEndpoint method={{\"get\"}} path={{\"/\"}}></MethodEndpoint>\n<StatusCodes responses={{{{a: {deep}}}}}></StatusCodes>\n"
    );
    assert_located_error(&[("b.api.mdx", prop.into_bytes())], "b.api.mdx", "nested");
}

#[test]
fn jsx_nested_hundreds_of_thousands_deep() {
    let deep = format!("---\nid: a\n---\n{}", "<div>".repeat(300_000));
    assert_located_error(&[("a.api.mdx", deep.into_bytes())], "a.api.mdx", "nested deeper");
}

#[test]
fn duplicate_operation_ids() {
    let page = fixture_page().into_bytes();
    let moved = String::from_utf8_lossy(&page).replace("path={\"/core/users/\"}", "path={\"/core/users2/\"}");
    let blob_page = {
        // Same operationId on another path: decode, move, encode the api blob.
        let text = String::from_utf8_lossy(&page).into_owned();
        let start = text.find("\napi: ").expect("api") + 6;
        let end = start + text[start..].find('\n').expect("line end");
        let deflated = STANDARD.decode(&text[start..end]).expect("base64");
        let mut json = String::new();
        std::io::Read::read_to_string(&mut flate2::read::ZlibDecoder::new(&deflated[..]), &mut json).expect("zlib");
        let json = json.replace("\"path\":\"/core/users/\"", "\"path\":\"/core/users2/\"");
        let blob = deflate_base64(std::iter::once(json.into_bytes()));
        format!("{}{blob}{}", &moved[..start], &moved[end..])
    };
    assert_located_error(
        &[("a.api.mdx", page), ("b.api.mdx", blob_page.into_bytes())],
        "b.api.mdx",
        "operationId `core_users_list` is used twice",
    );
}

/// Pages the real plugin wrote from names and descriptions that try to break out of generated code read
/// without errors (the raw NUL in their frontmatter is a located warning).
#[test]
fn hostile_pages_from_the_real_plugin_read() {
    for version in ["v4.0.1", "v5.2.0"] {
        let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/hostile-pages").join(version);
        let output =
            Command::new(env!("CARGO_BIN_EXE_mdxgen")).args(["check", "-v"]).arg(&pages).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("etc-passwd.api.mdx:2:1: warning[frontmatter]"), "{stderr}");
        assert!(stderr.contains("3 operations"), "{stderr}");
    }
}
