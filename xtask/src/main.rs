//! Repository chores, in Rust so they run the same everywhere:
//!
//! - `cargo xtask codegen`: refreshes the golden outputs in `fixtures/expected` from `fixtures/` (specs, and
//!   the models crates in `fixtures/expected/<fixture>-models/`), the checked-in code of
//!   `examples/train-travel-checked-in`, and the shape matrix (`fixtures/shape-matrix/openapi.json`, see
//!   `shape_matrix.rs`).
//! - `cargo xtask validate`: writes the spec of every fixture and every corpus in `../shared/corpus` to
//!   `target/specs`, in 3.0.3 and in 3.1.0, and checks each with an independent validator
//!   (`openapi-spec-validator`, from PyPI, all in one run of `tools/survey/validate.py`).
//! - `cargo xtask check-models [--generate-only] [--only TEXT] [--no-values] [--bless]`: generates the crate of every fixture and corpus into
//!   one cargo workspace in `target/check-models` and checks them all at once (clippy -D warnings, the
//!   docs' examples round trip, doc tests). See `check_models.rs`.
//! - `cargo xtask survey [DIR] [--write]`: reads the corpora `tools/survey/make-pages.sh` made from many real
//!   specs and reports read errors, warnings, round trip and validity per corpus. See `survey.rs`.
//! - `cargo xtask survey [DIR] --compile [--only TEXT] [--no-build] [--write] [--check]`: generates the crate of
//!   each of those specs (from the spec, and from its pages) and checks each alone: clippy and rustdoc with
//!   warnings denied, build time and peak memory. See `survey_compile.rs`.

mod authentik_behaviour;
mod binary_behaviour;
mod check_models;
mod client_e2e;
mod client_styles;
mod hostile_behaviour;
mod mock_e2e;
mod pagination_behaviour;
mod server_e2e;
mod shape_matrix;
mod survey;
mod survey_compile;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use mdxgen::{Builder, OpenApiVersion};
use mdxgen_testkit::{corpora, corpus_root, golden_cases, golden_crates, workspace_root};

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "codegen" => codegen(),
        "validate" => validate(),
        "check-models" => check_models::check_models(&std::env::args().skip(2).collect::<Vec<_>>()),
        "survey" => survey::survey(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => Err("usage: cargo xtask <codegen|validate|check-models|survey>".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the spec of `input` in `version`, or in the version the docs need.
fn write_spec(input: &Path, output: &Path, version: Option<OpenApiVersion>) -> Result<(), String> {
    let mut builder = Builder::new();
    builder.input(input);
    if let Some(version) = version {
        builder.openapi_version(version);
    }
    builder.write_spec(output).map(drop).map_err(|e| format!("{}: {e}", input.display()))
}

/// Each spec's validation result (`None` when valid), from one run of `tools/survey/validate.py`.
pub fn validity(specs: &[PathBuf]) -> Result<BTreeMap<PathBuf, Option<String>>, String> {
    let script = workspace_root().join("tools/survey/validate.py");
    let output = Command::new("python3")
        .arg(&script)
        .args(specs)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !output.status.success() {
        return Err(format!("{} failed: {}", script.display(), String::from_utf8_lossy(&output.stderr)));
    }
    let mut results = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let (path, result) = line.split_once('\t').unwrap_or((line, "?"));
        results.insert(PathBuf::from(path), (result != "ok").then(|| result.to_owned()));
    }
    Ok(results)
}

fn codegen() -> Result<(), String> {
    let matrix = workspace_root().join(shape_matrix::PATH);
    if let Some(dir) = matrix.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&matrix, shape_matrix::text()).map_err(|e| format!("{}: {e}", matrix.display()))?;
    println!("wrote {}", matrix.display());
    for case in golden_cases() {
        write_spec(&case.input, &case.spec, None)?;
        println!("wrote {}", case.spec.display());
    }
    for golden in golden_crates() {
        let mut builder = Builder::new();
        builder.input(&golden.input).client(golden.client_and_server).server(golden.client_and_server);
        if let Some(overrides) = golden.overrides {
            builder.overrides(overrides);
        }
        builder.write_models_crate(&golden.dir).map_err(|e| format!("{}: {e}", golden.input.display()))?;
        println!("wrote {}", golden.dir.display());
    }
    let (input, file) = mdxgen_testkit::checked_in_example();
    Builder::new()
        .input(&input)
        .client(true)
        .write_models_module(&file)
        .map_err(|e| format!("{}: {e}", input.display()))?;
    println!("wrote {}", file.display());
    Ok(())
}

/// `fixtures/authentik`: the name the specs of a fixture are written under.
fn fixture_name(input: &Path) -> String {
    format!("fixtures/{}", input.file_name().unwrap_or_default().to_string_lossy())
}

fn validate() -> Result<(), String> {
    let out = workspace_root().join("target/specs");
    // Each rebuilt spec, with the source spec it came from (none for fixtures).
    let mut specs: Vec<(PathBuf, Option<PathBuf>)> = golden_cases().into_iter().map(|c| (c.spec, None)).collect();
    let mut inputs: Vec<(String, PathBuf, Option<PathBuf>)> =
        golden_cases().into_iter().map(|c| (fixture_name(&c.input), c.input, None)).collect();
    if let Some(root) = corpus_root() {
        inputs.extend(corpora(&root).into_iter().map(|c| (c.name, c.pages, Some(c.spec))));
    }
    // Both versions of every input: the default one, and the other one asked for.
    for (name, input, source) in inputs {
        for version in [OpenApiVersion::V3_0, OpenApiVersion::V3_1] {
            let file = format!("{}.openapi-{}.yaml", name.replace('/', "__"), version.minor_version());
            let spec = out.join(file);
            write_spec(&input, &spec, Some(version))?;
            specs.push((spec, source.clone()));
        }
    }
    let mut files: Vec<PathBuf> = specs.iter().map(|(spec, _)| spec.clone()).collect();
    files.extend(specs.iter().filter_map(|(_, source)| source.clone()));
    files.sort();
    files.dedup();
    let validity = validity(&files)?;
    let problem = |path: &Path| validity.get(path).cloned().unwrap_or_else(|| Some("not validated".to_owned()));
    let (mut failed, mut source_invalid) = (Vec::new(), 0);
    for (spec, source) in &specs {
        let Some(message) = problem(spec) else { continue };
        eprintln!("{}: {message}", spec.display());
        // The rebuilt spec keeps the source's data; where the source breaks the same rules, so does it.
        if let Some(source) = source.as_ref().filter(|s| problem(s).is_some()) {
            println!("{}: invalid, as its source {} is", spec.display(), source.display());
            source_invalid += 1;
            continue;
        }
        failed.push(spec.display().to_string());
    }
    println!(
        "validate: {} passed, {} failed ({source_invalid} of the passed have invalid sources)",
        specs.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() { Ok(()) } else { Err(format!("invalid: {failed:?}")) }
}
