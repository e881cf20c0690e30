//! Values from each corpus's **source spec**, made by an independent generator (hypothesis-jsonschema, run by
//! `tools/values/make_values.py`): every one must deserialize into the generated type of its component and
//! serialize back equal, and every negative (a required property removed, a property of a forbidden JSON
//! type) must be rejected. The figures per corpus may only get better: `fixtures/expected/value-figures.txt`
//! holds the last accepted ones (refresh with `cargo xtask check-models --bless`), and every remaining
//! failure is written to `target/check-models/value-failures.txt` and must be listed, under its reason, in
//! `fixtures/expected/value-failures.txt` (a listed one that passes fails the run too, as for the examples).
//!
//! The values are checked in (`fixtures/expected/values.json`, specs named relative to the corpus root) with
//! the key of what made them (`values.key`: SHA-256 of the script, the specs and the count per schema), so
//! that CI does not spend minutes of hypothesis on what it made before; a changed script or spec makes them
//! again (derandomized: the same inputs give the same values), and the refreshed files are to be committed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use mdxgen_testkit::workspace_root;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const SCRIPT: &str = "tools/values/make_values.py";
const VALUES: &str = "fixtures/expected/values.json";
const VALUES_KEY: &str = "fixtures/expected/values.key";
const FIGURES: &str = "fixtures/expected/value-figures.txt";
/// The values known to fail, each group with its reason (as the examples' list).
const KNOWN_FAILURES: &str = "fixtures/expected/value-failures.txt";
/// Values per component schema: enough to meet each optional branch a few times, few enough for CI.
const PER_SCHEMA: &str = "4";

/// The generated values of each spec: spec path -> component name -> `{valid, invalid, skipped}`.
#[derive(Default)]
pub struct SpecValues(BTreeMap<String, Value>);

impl SpecValues {
    /// Runs the generator once for all `specs` (under `corpus_root`), or reuses the checked-in values when
    /// neither the script nor any spec changed.
    pub fn make(specs: &[PathBuf], corpus_root: &Path) -> Result<Self, String> {
        let (out, key_file) = (workspace_root().join(VALUES), workspace_root().join(VALUES_KEY));
        let relative: Vec<PathBuf> = specs
            .iter()
            .map(|s| s.strip_prefix(corpus_root).map(Path::to_path_buf).unwrap_or_else(|_| s.clone()))
            .collect();
        let key = cache_key(corpus_root, &relative)?;
        let fresh = std::fs::read_to_string(&key_file).ok().as_deref() == Some(key.as_str()) && out.is_file();
        if !fresh {
            run_generator(corpus_root, &relative, &out)?;
            std::fs::write(&key_file, &key).map_err(|e| e.to_string())?;
            println!("check-models: new values in {VALUES} and {VALUES_KEY}: commit them");
        }
        let text = std::fs::read_to_string(&out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        let map: BTreeMap<String, Value> = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        Ok(Self(map))
    }

    /// The entries of one spec's components, as `(schema name, status, value, why)`: status `value` for
    /// a valid value, `negative` for one the spec forbids.
    pub fn entries(&self, spec: &Path, corpus_root: &Path) -> Vec<(String, &'static str, Value, Option<String>)> {
        let mut out = Vec::new();
        let name = spec.strip_prefix(corpus_root).unwrap_or(spec).to_string_lossy().replace('\\', "/");
        let Some(Value::Object(schemas)) = self.0.get(&name) else { return out };
        for (name, entry) in schemas {
            for value in entry["valid"].as_array().into_iter().flatten() {
                out.push((name.clone(), "value", value.clone(), None));
            }
            for negative in entry["invalid"].as_array().into_iter().flatten() {
                let why = negative["why"].as_str().map(str::to_owned);
                out.push((name.clone(), "negative", negative["value"].clone(), why));
            }
        }
        out
    }
}

/// SHA-256 over the script, each spec's relative name and bytes, and the count per schema: the same on every
/// machine, wherever the repository and the corpus are.
fn cache_key(corpus_root: &Path, specs: &[PathBuf]) -> Result<String, String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let mut hasher = Sha256::new();
    hasher.update(read(&workspace_root().join(SCRIPT))?);
    for spec in specs {
        hasher.update(spec.to_string_lossy().replace('\\', "/").as_bytes());
        hasher.update(read(&corpus_root.join(spec))?);
    }
    hasher.update(PER_SCHEMA.as_bytes());
    let digest: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{digest}\n"))
}

fn run_generator(corpus_root: &Path, specs: &[PathBuf], out: &Path) -> Result<(), String> {
    let started = std::time::Instant::now();
    // Run from the corpus root with relative spec names, so the values name their specs the same everywhere.
    let status = Command::new("python3")
        .current_dir(corpus_root)
        .arg(workspace_root().join(SCRIPT))
        .arg(out)
        .args(specs)
        .args(["--per-schema", PER_SCHEMA])
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{SCRIPT} failed: it needs `python3 -m pip install hypothesis==6.98.17 hypothesis-jsonschema==0.23.1` \
             (as .ci/run does)"
        ));
    }
    println!("check-models: values made from {} specs in {:.1}s", specs.len(), started.elapsed().as_secs_f64());
    Ok(())
}

/// The figures of one case: valid values accepted and equal after the round trip, negatives rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Figures {
    total: usize,
    accepted: usize,
    equal: usize,
    negatives: usize,
    rejected: usize,
}

impl Figures {
    fn line(&self, case: &str) -> String {
        format!("{case} {} {} {} {} {}", self.total, self.accepted, self.equal, self.negatives, self.rejected)
    }

    fn parse(line: &str) -> Option<(String, Self)> {
        let mut words = line.split_whitespace();
        let case = words.next()?.to_owned();
        let mut n = || words.next().and_then(|w| w.parse().ok());
        Some((case, Self { total: n()?, accepted: n()?, equal: n()?, negatives: n()?, rejected: n()? }))
    }

    fn percent(part: usize, whole: usize) -> f64 {
        if whole == 0 { 100.0 } else { 100.0 * part as f64 / whole as f64 }
    }
}

/// Reads the test output's `VALUE`, `NEGATIVE` and `VALUE-FAILURE` lines; prints the figures, writes every
/// failure to `value-failures.txt`, and fails when a case is worse than its recorded figures (or, with
/// `bless`, records the new ones).
pub fn report(output: &str, cases: &[String], root: &Path, bless: bool) -> Result<(), String> {
    let mut figures: BTreeMap<String, Figures> = BTreeMap::new();
    let mut failures = Vec::new();
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("VALUE ") {
            let (case, outcome) = rest.split_once(' ').unwrap_or((rest, ""));
            let f = figures.entry(case.to_owned()).or_default();
            f.total += 1;
            f.accepted += usize::from(outcome != "rejected");
            f.equal += usize::from(outcome == "equal");
        } else if let Some(rest) = line.strip_prefix("NEGATIVE ") {
            let (case, outcome) = rest.split_once(' ').unwrap_or((rest, ""));
            let f = figures.entry(case.to_owned()).or_default();
            f.negatives += 1;
            f.rejected += usize::from(outcome == "rejected");
        } else if let Some(failure) = line.strip_prefix("VALUE-FAILURE ") {
            failures.push(failure.to_owned());
        }
    }
    failures.sort();
    failures.dedup();
    let listing = root.join("value-failures.txt");
    std::fs::write(&listing, failures.join("\n") + "\n").map_err(|e| e.to_string())?;
    print_figures(&figures, &listing);
    let known = super::known_failures_only(&failures, cases, KNOWN_FAILURES, "value");
    let path = workspace_root().join(FIGURES);
    if bless {
        let lines: Vec<String> = figures.iter().map(|(case, f)| f.line(case)).collect();
        let text = format!(
            "# case total accepted equal negatives rejected: the figures of `cargo xtask check-models`'s values\n\
             # from the source specs, which may only get better. Refresh: cargo xtask check-models --bless\n{}\n",
            lines.join("\n")
        );
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        return known;
    }
    compare_with_recorded(&figures, cases, &path).and(known)
}

fn print_figures(figures: &BTreeMap<String, Figures>, listing: &Path) {
    let mut sum = Figures::default();
    for (case, f) in figures {
        println!(
            "values: {case}: {}/{} accepted ({:.1}%), {} equal ({:.1}%), {}/{} negatives rejected ({:.1}%)",
            f.accepted,
            f.total,
            Figures::percent(f.accepted, f.total),
            f.equal,
            Figures::percent(f.equal, f.accepted),
            f.rejected,
            f.negatives,
            Figures::percent(f.rejected, f.negatives)
        );
        sum = Figures {
            total: sum.total + f.total,
            accepted: sum.accepted + f.accepted,
            equal: sum.equal + f.equal,
            negatives: sum.negatives + f.negatives,
            rejected: sum.rejected + f.rejected,
        };
    }
    println!(
        "values: all: {}/{} accepted, {} equal, {}/{} negatives rejected; every failure in {}",
        sum.accepted,
        sum.total,
        sum.equal,
        sum.rejected,
        sum.negatives,
        listing.display()
    );
}

fn compare_with_recorded(figures: &BTreeMap<String, Figures>, cases: &[String], path: &Path) -> Result<(), String> {
    let recorded_text = std::fs::read_to_string(path).unwrap_or_default();
    let recorded: BTreeMap<String, Figures> =
        recorded_text.lines().filter(|l| !l.starts_with('#')).filter_map(Figures::parse).collect();
    let mut worse = Vec::new();
    for case in cases {
        let now = figures.get(case).copied().unwrap_or_default();
        let before = recorded.get(case).copied().unwrap_or_default();
        let regressed = now.total != before.total
            || now.negatives != before.negatives
            || now.accepted < before.accepted
            || now.equal < before.equal
            || now.rejected < before.rejected;
        if regressed {
            worse.push(format!("{case}: now {}, recorded {}", now.line(""), before.line("")));
        } else if now != before {
            println!("values: {case} is better than recorded: record it with `cargo xtask check-models --bless`");
        }
    }
    if worse.is_empty() {
        return Ok(());
    }
    for line in &worse {
        println!("values worse than {FIGURES} (or made differently): {line}");
    }
    Err(format!(
        "{} cases' value figures differ from {FIGURES} for the worse; if the change is intended, run `cargo xtask check-models --bless`",
        worse.len()
    ))
}

/// The check-models entry of one generated value, in the shape of the docs' examples.
pub fn entry(case: &str, schema: &str, status: &str, ty: Option<usize>, value: Value, why: Option<String>) -> Value {
    json!({
        "case": case,
        "operation": format!("schema {schema}"),
        "status": status,
        "why": why,
        "type": ty,
        "value": value,
    })
}
