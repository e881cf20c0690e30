//! Repository chores, in Rust so they run the same everywhere:
//!
//! - `cargo xtask codegen`: refreshes the golden outputs in `fixtures/expected` from `fixtures/`.
//! - `cargo xtask validate`: writes the spec of every fixture and every corpus in `../shared/corpus` to
//!   `target/specs` and checks each with an independent validator (`openapi-spec-validator`, from PyPI).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use mdxgen::Builder;
use mdxgen_testkit::{corpora, corpus_root, golden_cases, workspace_root};

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "codegen" => codegen(),
        "validate" => validate(),
        _ => Err("usage: cargo xtask <codegen|validate>".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_spec(input: &Path, output: &Path) -> Result<(), String> {
    Builder::new().input(input).write_spec(output).map(drop).map_err(|e| format!("{}: {e}", input.display()))
}

fn is_valid(spec: &Path) -> Result<bool, String> {
    let output = Command::new("openapi-spec-validator")
        .arg(spec)
        .output()
        .map_err(|e| format!("cannot run openapi-spec-validator (pip install openapi-spec-validator): {e}"))?;
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stdout).lines().take(3).collect::<Vec<_>>().join("\n"));
    }
    Ok(output.status.success())
}

fn codegen() -> Result<(), String> {
    for case in golden_cases() {
        write_spec(&case.input, &case.spec)?;
        println!("wrote {}", case.spec.display());
    }
    Ok(())
}

fn validate() -> Result<(), String> {
    let out = workspace_root().join("target/specs");
    // Each rebuilt spec, with the source spec it came from (none for fixtures).
    let mut specs: Vec<(PathBuf, Option<PathBuf>)> = golden_cases().into_iter().map(|c| (c.spec, None)).collect();
    if let Some(root) = corpus_root() {
        for corpus in corpora(&root) {
            let spec = out.join(format!("{}.openapi.yaml", corpus.name.replace('/', "__")));
            write_spec(&corpus.pages, &spec)?;
            specs.push((spec, Some(corpus.spec)));
        }
    }
    let (mut failed, mut source_invalid) = (Vec::new(), 0);
    for (spec, source) in &specs {
        if is_valid(spec)? {
            continue;
        }
        // The rebuilt spec keeps the source's data; where the source breaks the same rules, so does it.
        if let Some(source) = source.as_ref().filter(|s| !is_valid(s).unwrap_or(true)) {
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
