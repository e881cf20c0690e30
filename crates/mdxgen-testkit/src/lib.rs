//! Test support: where the corpora of `../shared/corpus` are and what each holds.
//!
//! A corpus is `<api>/v<plugin>/pages` beside its source spec `<api>/spec.{yaml,json}`. Tests that need
//! the corpora call [`corpus_root`], which prints a clear SKIPPED line when they are absent.

pub mod facets;
pub mod json;
pub mod round_trip;

use std::path::{Path, PathBuf};

/// One plugin version's pages of one API, and the spec they were made from.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// `authentik-2024.8.1/v3.0.1`, `oas-examples/3.0-petstore/v5.2.0`.
    pub name: String,
    pub pages: PathBuf,
    pub spec: PathBuf,
    /// `3.0.1`, `5.2.0`.
    pub plugin_version: String,
}

/// `$MDXGEN_CORPUS`, else `shared/corpus` beside the repository; `None` (after saying so) when absent.
pub fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("MDXGEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    if root.is_dir() {
        Some(root)
    } else {
        eprintln!("SKIPPED: no corpus at {} (set MDXGEN_CORPUS or put shared/ beside the repository)", root.display());
        None
    }
}

/// Every corpus under `root`, sorted by name.
pub fn corpora(root: &Path) -> Vec<Corpus> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for path in sorted_entries(&dir) {
            if !path.is_dir() {
                continue;
            }
            let pages = path.join("pages");
            let version = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_prefix('v'));
            match (version, pages.is_dir(), spec_beside(&path)) {
                (Some(version), true, Some(spec)) => found.push(Corpus {
                    name: path.strip_prefix(root).unwrap_or(&path).display().to_string(),
                    pages,
                    spec,
                    plugin_version: version.to_owned(),
                }),
                _ => stack.push(path),
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn spec_beside(version_dir: &Path) -> Option<PathBuf> {
    let api_dir = version_dir.parent()?;
    ["spec.yaml", "spec.yml", "spec.json"].iter().map(|n| api_dir.join(n)).find(|p| p.is_file())
}

/// The source spec of a corpus (JSON or YAML), parsed.
pub fn read_spec(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
    } else {
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
    }
}

/// The page files of a corpus (`*.mdx` and `sidebar.ts`), sorted.
pub fn page_files(pages: &Path) -> Vec<PathBuf> {
    sorted_entries(pages)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "mdx") || p.file_name().is_some_and(|n| n == "sidebar.ts"))
        .collect()
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    entries.sort();
    entries
}

/// The repository root (this crate lives in `crates/mdxgen-testkit`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A golden case: the fixture input and the checked-in output `cargo xtask codegen` writes for it.
pub struct Golden {
    pub input: PathBuf,
    pub spec: PathBuf,
}

/// Every golden case, relative to the repository root made absolute.
pub fn golden_cases() -> Vec<Golden> {
    let root = workspace_root();
    ["authentik", "petstore-v5", "train-travel-v5"]
        .iter()
        .map(|name| Golden {
            input: root.join("fixtures").join(name),
            spec: root.join("fixtures/expected").join(format!("{name}.openapi.yaml")),
        })
        .collect()
}

/// A fixture whose generated crate is checked in under `fixtures/expected/<name>-models`, refreshed by
/// `cargo xtask codegen` and compared by `cargo test`.
pub struct GoldenCrate {
    pub input: PathBuf,
    pub dir: PathBuf,
    /// The authentik fixture's crate holds the client and the server too; the others are models only.
    pub client_and_server: bool,
    /// The petstore overrides case has one override of each kind (`golden_overrides`).
    pub overrides: Option<mdxgen_ir::typing::Overrides>,
}

/// Every checked-in crate.
pub fn golden_crates() -> Vec<GoldenCrate> {
    let root = workspace_root();
    let golden = |input: PathBuf, name: &str| GoldenCrate {
        input,
        dir: root.join("fixtures/expected").join(format!("{name}-models")),
        client_and_server: name == "authentik",
        overrides: (name == "petstore-v5-overrides").then(golden_overrides),
    };
    vec![
        golden(root.join("fixtures/authentik"), "authentik"),
        golden(root.join("fixtures/petstore-v5"), "petstore-v5"),
        golden(hostile_names_input(), "hostile-names"),
        golden(root.join("fixtures/petstore-v5"), "petstore-v5-overrides"),
    ]
}

/// The fixture with names, docs and ids that try to break out of generated code.
pub fn hostile_names_input() -> PathBuf {
    workspace_root().join("fixtures/hostile-names/openapi.json")
}

/// The example whose generated code is checked in (`examples/train-travel-checked-in`): the pages it is
/// generated from, with the client, and the file `cargo xtask codegen` writes and `cargo test` compares.
pub fn checked_in_example() -> (PathBuf, PathBuf) {
    let root = workspace_root();
    (root.join("fixtures/train-travel-v5"), root.join("examples/train-travel-checked-in/src/api.rs"))
}

/// The overrides of the golden crate `fixtures/expected/petstore-v5-overrides-models`: one of each kind, with
/// types from std so that the crate builds on its own (check-models builds it).
pub fn golden_overrides() -> mdxgen_ir::typing::Overrides {
    let pair = |path: &str, text: &str| (path.to_owned(), text.to_owned());
    mdxgen_ir::typing::Overrides {
        type_attributes: vec![pair("Tag", "#[derive(Eq, Hash)]")],
        field_attributes: vec![pair("Pet.name", "#[doc(alias = \"title\")]")],
        field_types: vec![pair("Pet.id", "std::num::NonZeroU64")],
        method_names: Vec::new(),
    }
}
