//! `cargo xtask survey --compile [DIR] [--only A,B] [--sample N] [--resume] [--stored] [--no-build] [--write]
//! [--check]`: the crate of every spec of `tools/survey/specs.tsv` that DIR holds (`make-pages.sh` copies each
//! spec there, beside its pages), generated with models, client and server from the source spec and again
//! from the plugin's 5.2.0 pages (when those make other code), in one cargo workspace (`target/survey-compile`)
//! built in check-models' target dir. Each crate is checked alone, so that its figures are its own:
//! `cargo clippy --all-targets --all-features` and `cargo doc`, warnings denied, with every diagnostic counted
//! by its lint or error code; then (unless `--no-build`) `cargo build --all-features`, timed, with the peak
//! memory of its largest process (GNU `time`).
//!
//! Each spec's result is kept beside it (`compiled.json`): `--resume` skips the specs that have one, `--stored`
//! compiles nothing, and the table shows every spec with a result. `--write` puts the table into
//! `tools/survey/SURVEY.md`; `--check` fails on any error or warning.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mdxgen::Builder;
use mdxgen::Severity;
use mdxgen_codegen::assemble::GeneratedFile;
use mdxgen_testkit::workspace_root;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::check_models::{package_name, same_code, write_if_changed};

/// The plugin version whose pages are compiled beside the source spec: the newest the survey makes.
const PAGES_VERSION: &str = "v5.2.0";

/// The heading of SURVEY.md's section that `--write` replaces (the reading survey keeps what precedes it).
pub const SECTION: &str = "## The generated crates, compiled";

/// cargo in the survey's workspace (see `in_survey_workspace`).
fn cargo_command(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(crate::check_models::cargo_program());
    command.args(args);
    in_survey_workspace(&mut command, root);
    command
}

/// Runs `command` (cargo, or a program that runs cargo) as check-models runs cargo, in the survey's workspace
/// and in check-models' target dir (CI builds the dependencies once).
fn in_survey_workspace(command: &mut Command, root: &Path) {
    crate::check_models::in_generated_workspace(command, root);
    command.env("CARGO_TARGET_DIR", workspace_root().join("target/check-models/target"));
}

/// A spec of `specs.tsv` that the survey directory holds.
struct Spec {
    id: String,
    category: String,
    operations: String,
    source: PathBuf,
    pages: Option<PathBuf>,
    /// Where its `Compilation` is kept.
    result: PathBuf,
}

/// Diagnostics of one cargo run, counted by lint name or error code.
#[derive(Default, Serialize, Deserialize)]
struct Diagnostics {
    lints: BTreeMap<String, usize>,
    errors: BTreeMap<String, usize>,
    /// The compiler's rendering of the first diagnostic of each code, for `details.txt`.
    first: BTreeMap<String, String>,
}

impl Diagnostics {
    fn clean(&self) -> bool {
        self.lints.is_empty() && self.errors.is_empty()
    }
}

/// `cargo build`'s wall time and the peak resident memory of its largest process.
#[derive(Serialize, Deserialize)]
struct Measure {
    seconds: f64,
    peak_mb: Option<u64>,
    ok: bool,
}

/// What became of one generated crate.
#[derive(Serialize, Deserialize)]
struct Compiled {
    lines: usize,
    /// mdxgen's own warnings while generating (constructs degraded to `serde_json::Value` and the like).
    generator_warnings: usize,
    clippy: Diagnostics,
    doc: Diagnostics,
    build: Option<Measure>,
}

/// The crate from the pages: its own, the same code as the source spec's, or none.
#[derive(Serialize, Deserialize)]
enum FromPages {
    Compiled(Result<Compiled, String>),
    SameAsSource,
    NoPages,
}

/// What became of one spec's crates; kept beside the spec (`compiled.json`), so that a run can resume and a
/// run of some specs still writes the whole table.
#[derive(Serialize, Deserialize)]
struct Compilation {
    source: Result<Compiled, String>,
    pages: FromPages,
}

impl Compilation {
    /// The spec's checked crates, each with where it came from: the source spec's, then the pages' (unless
    /// they make the source's code, or there are none).
    fn crates(&self) -> impl Iterator<Item = (&'static str, &Result<Compiled, String>)> {
        let pages = match &self.pages {
            FromPages::Compiled(compiled) => Some((PAGES_VERSION, compiled)),
            FromPages::SameAsSource | FromPages::NoPages => None,
        };
        std::iter::once(("source", &self.source)).chain(pages)
    }
}

struct Row {
    spec: Spec,
    compilation: Compilation,
}

pub fn compile(args: &[String], dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    // `--only A,B`: the specs whose id holds one of the texts; `--sample N`: every k-th spec, N in all.
    let only: Option<Vec<&str>> = flag_value(args, "--only").map(|texts| texts.split(',').collect());
    let sample = flag_value(args, "--sample").map(|n| n.parse::<usize>().map_err(|e| format!("--sample {n}: {e}")));
    let build = !args.iter().any(|a| a == "--no-build");
    let resume = args.iter().any(|a| a == "--resume");
    // `--stored`: no compiling, the table of the results kept so far.
    let stored_only = args.iter().any(|a| a == "--stored");
    let specs = specs(dir)?;
    if specs.is_empty() {
        return Err(format!("no spec of tools/survey/specs.tsv in {}", dir.display()));
    }
    let step = match sample.transpose()? {
        Some(n) if n > 0 && specs.len() > n => specs.len().div_ceil(n),
        _ => 1,
    };
    let root = workspace_root().join("target/survey-compile");
    prepare_workspace(&root)?;
    let mut rows = Vec::new();
    let mut ran = 0;
    let listed = specs.len();
    for (index, spec) in specs.into_iter().enumerate() {
        let stored = std::fs::read(&spec.result).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok());
        let selected = !stored_only
            && index % step == 0
            && only.as_ref().is_none_or(|texts| texts.iter().any(|t| spec.id.contains(t)));
        let compilation = match stored {
            Some(stored) if !selected || resume => stored,
            _ if !selected => continue,
            _ => {
                let compilation = compile_spec(&root, &spec, build);
                let json = serde_json::to_vec_pretty(&compilation).map_err(|e| e.to_string())?;
                std::fs::write(&spec.result, json).map_err(|e| format!("{}: {e}", spec.result.display()))?;
                ran += 1;
                eprintln!("{}", row_line(&spec, &compilation));
                compilation
            }
        };
        rows.push(Row { spec, compilation });
    }
    let table = table(&rows, listed);
    println!("{table}");
    let details = root.join("details.txt");
    std::fs::write(&details, details_text(&rows)).map_err(|e| e.to_string())?;
    println!("details: {}", details.display());
    println!(
        "survey --compile: {ran} specs compiled in {:.0}s, {} in the table",
        started.elapsed().as_secs_f64(),
        rows.len()
    );
    if args.iter().any(|a| a == "--write") {
        write_section(&table)?;
    }
    let failures: Vec<String> = rows.iter().filter_map(failure).collect();
    if args.iter().any(|a| a == "--check") && !failures.is_empty() {
        return Err(format!("{} spec(s) not clean:\n{}", failures.len(), failures.join("\n")));
    }
    Ok(())
}

/// The value after `flag`.
pub fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// The specs of `specs.tsv` that `dir` holds, in the list's order.
fn specs(dir: &Path) -> Result<Vec<Spec>, String> {
    let list = workspace_root().join("tools/survey/specs.tsv");
    let text = std::fs::read_to_string(&list).map_err(|e| format!("{}: {e}", list.display()))?;
    let mut found = Vec::new();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, category, _, _, operations, ..] = fields[..] else { continue };
        let source = dir.join(id).join("spec.json");
        if !source.is_file() {
            continue;
        }
        let pages = dir.join(id).join(PAGES_VERSION).join("pages");
        found.push(Spec {
            id: id.to_owned(),
            category: category.to_owned(),
            operations: operations.to_owned(),
            source,
            pages: pages.is_dir().then_some(pages),
            result: dir.join(id).join("compiled.json"),
        });
    }
    Ok(found)
}

/// The workspace's manifest, and no crate of an earlier run (each run writes the crates it checks).
fn prepare_workspace(root: &Path) -> Result<(), String> {
    let crates = root.join("crates");
    if crates.is_dir() {
        std::fs::remove_dir_all(&crates).map_err(|e| format!("{}: {e}", crates.display()))?;
    }
    std::fs::create_dir_all(&crates).map_err(|e| e.to_string())?;
    let manifest = "# Generated by `cargo xtask survey --compile`.\n[workspace]\nresolver = \"2\"\n\
                    members = [\"crates/*\"]\n\n[profile.dev]\ndebug = false\n";
    std::fs::write(root.join("Cargo.toml"), manifest).map_err(|e| e.to_string())
}

fn compile_spec(root: &Path, spec: &Spec, build: bool) -> Compilation {
    let package = package_name(&format!("survey {}", spec.id));
    let source_files = generate(&spec.source, &package);
    let source = match &source_files {
        Ok((files, warnings)) => check_crate(root, &package, files, *warnings, build),
        Err(e) => Err(e.clone()),
    };
    let pages = match &spec.pages {
        None => FromPages::NoPages,
        Some(pages) => {
            let package = package_name(&format!("survey {} pages", spec.id));
            match (generate(pages, &package), &source_files) {
                (Ok((files, _)), Ok((source, _))) if same_code(&files, source) => FromPages::SameAsSource,
                (Ok((files, warnings)), _) => FromPages::Compiled(check_crate(root, &package, &files, warnings, build)),
                (Err(e), _) => FromPages::Compiled(Err(e)),
            }
        }
    };
    Compilation { source, pages }
}

/// The crate of `input` (models, client, server), and the count of mdxgen's warnings.
fn generate(input: &Path, package: &str) -> Result<(Vec<GeneratedFile>, usize), String> {
    let mut builder = Builder::new();
    builder.input(input).crate_name(package).client(true).server(true);
    let (files, diagnostics) = builder.crate_files().map_err(|e| format!("generation failed: {e}"))?;
    let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    Ok((files, warnings))
}

/// Writes the crate, checks it alone, and removes it and its build products (a full run would otherwise
/// keep gigabytes of them).
fn check_crate(
    root: &Path,
    package: &str,
    files: &[GeneratedFile],
    generator_warnings: usize,
    build: bool,
) -> Result<Compiled, String> {
    let dir = root.join("crates").join(package);
    let written: Vec<(String, Vec<u8>)> =
        files.iter().map(|f| (f.path.clone(), f.contents.clone().into_bytes())).collect();
    write_if_changed(&dir, &written)?;
    let lines = files.iter().filter(|f| f.path.ends_with(".rs")).map(|f| f.contents.lines().count()).sum();
    let clippy = diagnostics(root, &["clippy", "-p", package, "--all-targets", "--all-features"])?;
    let doc = diagnostics(root, &["doc", "-p", package, "--lib", "--no-deps", "--all-features"])?;
    let build = if build { Some(measure_build(root, package)?) } else { None };
    let _ = cargo_command(root, &["clean", "--quiet", "-p", package]).status();
    std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(Compiled { lines, generator_warnings, clippy, doc, build })
}

/// Runs cargo with JSON messages and counts the compiler's diagnostics: a lint (denied by `-D warnings`) by
/// its name, an error by its code (`E0599`), an error without a code by its first words.
fn diagnostics(root: &Path, args: &[&str]) -> Result<Diagnostics, String> {
    let mut args = args.to_vec();
    args.extend(["--message-format=json", "--quiet"]);
    let output = cargo_command(root, &args).output().map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut found = Diagnostics::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else { continue };
        if message["reason"] != "compiler-message" {
            continue;
        }
        let diagnostic = &message["message"];
        let text = diagnostic["message"].as_str().unwrap_or_default();
        let code = match diagnostic["code"]["code"].as_str() {
            Some(code) => code.to_owned(),
            None if text.starts_with("aborting due to") || text.contains("warnings emitted") => continue,
            None if matches!(diagnostic["level"].as_str(), Some("error" | "warning")) => {
                text.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
            }
            None => continue,
        };
        let counted =
            if is_error_code(&code) || diagnostic["code"].is_null() { &mut found.errors } else { &mut found.lints };
        *counted.entry(code.clone()).or_default() += 1;
        let rendered = diagnostic["rendered"].as_str().unwrap_or(text);
        found.first.entry(code).or_insert_with(|| rendered.to_owned());
    }
    if !output.status.success() && found.clean() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        found.errors.insert(format!("cargo failed: {last}"), 1);
    }
    Ok(found)
}

/// `E0599` and the like, as opposed to a lint's name.
fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].chars().all(|c| c.is_ascii_digit())
}

/// `cargo build --all-features` of one crate alone, timed, under GNU `time` (when the machine has it) for the
/// peak memory. When the build also compiled a dependency (the first crate with its set of features), the
/// crate is cleaned and built again, so that the figures are the crate's own.
fn measure_build(root: &Path, package: &str) -> Result<Measure, String> {
    let first = timed_build(root, package)?;
    if !first.built_dependencies {
        return Ok(first.measure);
    }
    let _ = cargo_command(root, &["clean", "--quiet", "-p", package]).status();
    Ok(timed_build(root, package)?.measure)
}

struct TimedBuild {
    measure: Measure,
    built_dependencies: bool,
}

fn timed_build(root: &Path, package: &str) -> Result<TimedBuild, String> {
    let report = root.join("peak-memory.txt");
    let _ = std::fs::remove_file(&report);
    let args = ["build", "--quiet", "--message-format=json", "-p", package, "--all-features"];
    let time = Path::new("/usr/bin/time");
    let mut command = if time.is_file() {
        let mut command = Command::new(time);
        command.arg("-f").arg("%M").arg("-o").arg(&report).arg(crate::check_models::cargo_program()).args(args);
        in_survey_workspace(&mut command, root);
        command
    } else {
        cargo_command(root, &args)
    };
    let started = Instant::now();
    let output = command.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let peak_mb = std::fs::read_to_string(&report)
        .ok()
        .and_then(|text| text.lines().rev().find_map(|l| l.trim().parse::<u64>().ok()))
        .map(|kilobytes| kilobytes / 1024);
    // A unit of another package that was not fresh was compiled by this build.
    let ours = format!("/{package}#");
    let built_dependencies = String::from_utf8_lossy(&output.stdout).lines().any(|line| {
        let message: Value = serde_json::from_str(line).unwrap_or_default();
        message["reason"] == "compiler-artifact"
            && message["fresh"] == false
            && !message["package_id"].as_str().unwrap_or_default().contains(&ours)
    });
    Ok(TimedBuild { measure: Measure { seconds, peak_mb, ok: output.status.success() }, built_dependencies })
}

/// One line per spec while the run goes on.
fn row_line(spec: &Spec, compilation: &Compilation) -> String {
    let pages = match &compilation.pages {
        FromPages::Compiled(compiled) => outcome(compiled),
        FromPages::SameAsSource => "same code".to_owned(),
        FromPages::NoPages => "no pages".to_owned(),
    };
    format!("{:<45} source: {} | pages: {pages}", spec.id, outcome(&compilation.source))
}

fn outcome(compiled: &Result<Compiled, String>) -> String {
    match compiled {
        Err(e) => e.clone(),
        Ok(c) => {
            let build = c.build.as_ref().map(|b| format!(", build {:.0}s", b.seconds)).unwrap_or_default();
            format!("{} lines, clippy {}, rustdoc {}{build}", c.lines, counts(&c.clippy), counts(&c.doc))
        }
    }
}

/// `clean`, or each lint and error with its count.
fn counts(found: &Diagnostics) -> String {
    if found.clean() {
        return "clean".to_owned();
    }
    let all = found.errors.iter().chain(&found.lints);
    all.map(|(code, n)| format!("{code} {n}")).collect::<Vec<_>>().join(", ")
}

/// Why a spec's crates are not clean, if they are not.
fn failure(row: &Row) -> Option<String> {
    let mut problems = Vec::new();
    let mut judge = |from: &str, compiled: &Result<Compiled, String>| match compiled {
        Err(e) => problems.push(format!("{from}: {e}")),
        Ok(c) => {
            if !c.clippy.clean() {
                problems.push(format!("{from}: clippy {}", counts(&c.clippy)));
            }
            if !c.doc.clean() {
                problems.push(format!("{from}: rustdoc {}", counts(&c.doc)));
            }
            if c.build.as_ref().is_some_and(|b| !b.ok) {
                problems.push(format!("{from}: cargo build failed"));
            }
        }
    };
    for (from, compiled) in row.compilation.crates() {
        judge(from, compiled);
    }
    (!problems.is_empty()).then(|| format!("{}: {}", row.spec.id, problems.join("; ")))
}

/// The Markdown table, with a summary line above it.
fn table(rows: &[Row], listed: usize) -> String {
    let compiled: Vec<&Compiled> =
        rows.iter().flat_map(|r| r.compilation.crates().filter_map(|(_, c)| c.as_ref().ok())).collect();
    let clean = rows.iter().filter(|r| failure(r).is_none()).count();
    let same = rows.iter().filter(|r| matches!(r.compilation.pages, FromPages::SameAsSource)).count();
    let lines: usize = compiled.iter().map(|c| c.lines).sum();
    let peak = compiled.iter().filter_map(|c| c.build.as_ref()?.peak_mb).max();
    let slowest = compiled.iter().filter_map(|c| Some(c.build.as_ref()?.seconds)).fold(0.0, f64::max);
    let mut out = format!(
        "{} of the {listed} specs, {} crates ({same} of the pages' crates are the source's code); {clean} specs clean \
         (every crate generates, builds, and passes clippy and rustdoc with warnings denied); {lines} lines in all",
        rows.len(),
        compiled.len(),
    );
    if let Some(peak) = peak {
        let _ = write!(out, "; the slowest build {slowest:.0} s, the largest peak memory {peak} MB");
    }
    out.push_str(".\n\n| spec | category | operations | from | lines | mdxgen warnings | clippy | rustdoc | build s | peak MB |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for row in rows {
        table_row(&mut out, row, "source", &row.compilation.source);
        match &row.compilation.pages {
            FromPages::Compiled(compiled) => table_row(&mut out, row, PAGES_VERSION, compiled),
            FromPages::SameAsSource => {
                let _ =
                    writeln!(out, "| {} | | | {PAGES_VERSION} | same code as the source's | | | | | |", row.spec.id);
            }
            FromPages::NoPages => {
                let _ =
                    writeln!(out, "| {} | | | {PAGES_VERSION} | no pages (the plugin failed) | | | | | |", row.spec.id);
            }
        }
    }
    out
}

fn table_row(out: &mut String, row: &Row, from: &str, compiled: &Result<Compiled, String>) {
    let (category, operations) =
        if from == "source" { (row.spec.category.as_str(), row.spec.operations.as_str()) } else { ("", "") };
    let _ = match compiled {
        Err(e) => writeln!(
            out,
            "| {} | {category} | {operations} | {from} | {} | | | | | |",
            row.spec.id,
            e.replace('|', "\\|")
        ),
        Ok(c) => {
            let build = c.build.as_ref();
            let seconds = build.map(|b| format!("{:.0}{}", b.seconds, if b.ok { "" } else { " (failed)" }));
            let peak = build.and_then(|b| b.peak_mb).map(|mb| mb.to_string());
            writeln!(
                out,
                "| {} | {category} | {operations} | {from} | {} | {} | {} | {} | {} | {} |",
                row.spec.id,
                c.lines,
                c.generator_warnings,
                counts(&c.clippy),
                counts(&c.doc),
                seconds.unwrap_or_default(),
                peak.unwrap_or_default(),
            )
        }
    };
}

/// Each diagnostic code's first message, per spec and crate.
fn details_text(rows: &[Row]) -> String {
    let mut out = String::new();
    for row in rows {
        for (from, compiled) in row.compilation.crates() {
            match compiled {
                Err(e) => {
                    let _ = writeln!(out, "== {} ({from}): {e}", row.spec.id);
                }
                Ok(c) => {
                    for (code, message) in c.clippy.first.iter().chain(&c.doc.first) {
                        let _ = writeln!(out, "== {} ({from}): {code}\n{message}", row.spec.id);
                    }
                }
            }
        }
    }
    out
}

/// Replaces SURVEY.md's compile section (the rest of the page is the reading survey's).
fn write_section(table: &str) -> Result<(), String> {
    let path = workspace_root().join("tools/survey/SURVEY.md");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    let reading = page.split_once(SECTION).map_or(page.as_str(), |(before, _)| before).trim_end();
    let section = format!(
        "{SECTION}\n\nEvery spec's crate (models, client, server, every feature) generated from the source spec and \
         from the plugin's {PAGES_VERSION} pages, each checked alone in one workspace and target dir: \
         `cargo clippy --all-targets --all-features` and `cargo doc`, warnings denied (each diagnostic counted by \
         lint or error code), then `cargo build --all-features` timed with the peak memory of its largest process \
         (dependencies built before; debug profile without debug info; 2 cores). Remake it with:\n\n```sh\n\
         tools/survey/make-pages.sh ~/.cache/mdxgen-survey/corpus --versions 5.2.0\n\
         cargo xtask survey --compile --write   # --resume continues a run; --stored writes what it has\n```\n\n\
         Each row is its spec's latest result (kept beside the spec), so a row shows the mdxgen of the run that \
         made it.\n\n{table}"
    );
    std::fs::write(&path, format!("{reading}\n\n{section}")).map_err(|e| e.to_string())?;
    println!("wrote {}", path.display());
    Ok(())
}
