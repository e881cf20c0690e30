//! `cargo xtask check-models`: every corpus (and fixture) generates a crate (models, client and server, the
//! cargo features `client` and `server` on; the fixtures' also with the server alone); all of them go into one
//! generated cargo workspace under `target/check-models` with one target dir, which is then checked once:
//! `cargo clippy --workspace --all-targets -D warnings` (so: builds, zero warnings, clippy clean), `cargo doc`
//! with `RUSTDOCFLAGS=-D warnings` (the docs' text makes no broken link, bare URL or bad HTML) and
//! `cargo test --workspace` (the docs' own examples round trip through the generated types, and the doc
//! tests of the hostile fixture run; values made from each corpus's source spec by hypothesis-jsonschema
//! round trip and negatives are rejected, see `values.rs`). Corpora whose models are identical (one API
//! across plugin versions) share one crate.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mdxgen::{Builder, ClientModel, DateTimeCrate, ServerModel, TypeModel};
use mdxgen_codegen::assemble::{GeneratedFile, ModelsOptions};
use mdxgen_ir::Api;
use mdxgen_ir::typing::TypeRef;
use mdxgen_testkit::{corpora, corpus_root, workspace_root};
use serde_json::{Value, json};

mod values;

use self::values::SpecValues;

/// An input whose models are checked: a fixture or a corpus.
struct Case {
    name: String,
    input: PathBuf,
    /// The source spec of a corpus, which the generated values come from.
    spec: Option<PathBuf>,
    /// The generator's switches: `--time` and `--no-unknown-variants` are checked on one fixture each.
    time: bool,
    strict_enums: bool,
    /// The overrides of the golden crate `petstore-v5-overrides-models` (`testkit::golden_overrides`).
    overrides: bool,
}

impl Case {
    fn new(name: &str, input: PathBuf, spec: Option<PathBuf>) -> Self {
        Self { name: name.to_owned(), input, spec, time: false, strict_enums: false, overrides: false }
    }
}

/// A generated crate and the cases that share it.
struct Crate {
    package: String,
    files: Vec<GeneratedFile>,
    cases: Vec<String>,
    examples: Vec<Value>,
    /// Type expressions of the examples, indexed by the examples' `type` field.
    types: Vec<String>,
    /// `tests/calls/mod.rs` of the server's round trip (`gets_round_trip`), and the input it was generated
    /// from, which `mdxgen mock` serves to the same calls.
    calls: Option<(String, PathBuf)>,
}

pub fn check_models(arguments: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let root = workspace_root().join("target/check-models");
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    // `--only TEXT`: the cases whose name holds TEXT (for working on one crate; CI checks them all).
    let only = arguments.iter().position(|a| a == "--only").and_then(|i| arguments.get(i + 1));
    let all = cases()?;
    // The values are made (and cached) for every spec, so a filtered run reuses the full run's cache.
    let mut specs: Vec<PathBuf> = all.iter().filter_map(|c| c.spec.clone()).collect();
    specs.sort();
    specs.dedup();
    // `--no-values`: without the values made from the source specs (minutes of hypothesis on a cold cache),
    // for working on one crate; CI runs with them.
    let no_values = arguments.iter().any(|a| a == "--no-values");
    let corpus = corpus_root().unwrap_or_default();
    let values = if no_values { SpecValues::default() } else { SpecValues::make(&specs, &corpus)? };
    let cases: Vec<Case> = all.into_iter().filter(|c| only.is_none_or(|text| c.name.contains(text.as_str()))).collect();
    let crates = generate(&cases, &values, &corpus)?;
    let generated_in = started.elapsed();
    let calling = write_workspace(&root, &crates)?;
    println!(
        "check-models: {} cases in {} crates, generated in {:.1}s",
        case_count(&crates),
        crates.len(),
        generated_in.as_secs_f64()
    );
    if arguments.iter().any(|a| a == "--generate-only") {
        return Ok(());
    }
    let clippy = Instant::now();
    // Every feature (the client's middleware, the mock's binary), so that no cfg'd code goes unlinted.
    cargo(
        &root,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--keep-going",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    println!("check-models: clippy -D warnings passed for every crate in {:.1}s", clippy.elapsed().as_secs_f64());
    server_alone(&root, &crates)?;
    let doc = Instant::now();
    cargo(&root, &["doc", "--workspace", "--lib", "--all-features", "--no-deps", "--keep-going", "--quiet"])?;
    println!("check-models: cargo doc -D warnings passed for every crate in {:.1}s", doc.elapsed().as_secs_f64());
    let tests = Instant::now();
    let output = run_tests(&root, &crates, &calling)?;
    println!("check-models: tests (examples, doc tests) in {:.1}s", tests.elapsed().as_secs_f64());
    let cases: Vec<String> = crates.iter().flat_map(|c| c.cases.iter().cloned()).collect();
    let examples = report_examples(&output, &cases);
    let values = if no_values {
        Ok(())
    } else {
        values::report(&output, &cases, &root, arguments.iter().any(|a| a == "--bless"))
    };
    examples.and(values)?;
    println!("check-models: done in {:.1}s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The fixtures' crates with the server alone (no client), the cheap way: one clippy run over those
/// crates with `--no-default-features --features mock-server` (the server and the mock's binary).
fn server_alone(root: &Path, crates: &[Crate]) -> Result<(), String> {
    let fixtures: Vec<&str> = crates
        .iter()
        .filter(|c| c.cases.iter().any(|case| case.starts_with("fixtures/")))
        .map(|c| c.package.as_str())
        .collect();
    if fixtures.is_empty() {
        return Ok(());
    }
    let started = Instant::now();
    let mut args = vec!["clippy", "--quiet", "--lib", "--bins", "--no-default-features", "--features", "mock-server"];
    for package in &fixtures {
        args.extend(["-p", package]);
    }
    args.extend(["--", "-D", "warnings"]);
    cargo(root, &args)?;
    println!(
        "check-models: the server alone passed clippy -D warnings for {} fixture crates in {:.1}s",
        fixtures.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The integration tests, then the doc tests: not `cargo test` alone, which also builds every library
/// again as a test harness (a second full compile of 70 crates, none of which has a unit test). Crates
/// whose tests call the client or the server are built with both; the others' tests exercise the models
/// alone, so their test build leaves the client and the server out (clippy and rustdoc have checked them
/// with both): most of the test step's compile time is in those two modules of the authentik crates.
/// The calling crates' tests also get the client's `middleware` feature (every calling crate has a client).
fn run_tests(root: &Path, crates: &[Crate], calling: &[&str]) -> Result<String, String> {
    let (with_features, models_only): (Vec<&Crate>, Vec<&Crate>) =
        crates.iter().partition(|c| calling.contains(&c.package.as_str()));
    let middleware: String = with_features.iter().map(|c| format!("{}/middleware,", c.package)).collect();
    let mut output = String::new();
    let groups =
        [(with_features, vec!["--features", middleware.as_str()]), (models_only, vec!["--no-default-features"])];
    for (group, features) in groups {
        if group.is_empty() {
            continue;
        }
        for target in [&["--test", "*"][..], &["--doc"]] {
            let mut args = vec!["test", "--quiet"];
            args.extend(target);
            args.extend(features.iter().copied());
            for krate in &group {
                args.extend(["-p", krate.package.as_str()]);
            }
            if target[0] == "--test" {
                args.extend(["--", "--nocapture"]);
            }
            output.push_str(&cargo_output(root, &args)?);
        }
    }
    Ok(output)
}

/// The shape matrix's case, whose client and server are exercised against each other.
const SHAPE_MATRIX_CASE: &str = "fixtures/shape-matrix";

/// Whether the case's crate gets the server round trip: the generated client calls every operation of the
/// generated mock server, and of `mdxgen mock`.
fn gets_round_trip(case: &str) -> bool {
    case.starts_with(crate::client_e2e::CORPUS_PREFIX) || case == SHAPE_MATRIX_CASE
}

fn case_count(crates: &[Crate]) -> usize {
    crates.iter().map(|c| c.cases.len()).sum()
}

fn cases() -> Result<Vec<Case>, String> {
    let fixtures = workspace_root().join("fixtures");
    let mut cases = vec![
        Case::new("fixtures/authentik", fixtures.join("authentik"), None),
        Case { time: true, ..Case::new("fixtures/authentik --time", fixtures.join("authentik"), None) },
        Case {
            strict_enums: true,
            ..Case::new("fixtures/authentik --no-unknown-variants", fixtures.join("authentik"), None)
        },
        Case::new("fixtures/petstore-v5", fixtures.join("petstore-v5"), None),
        Case { overrides: true, ..Case::new("fixtures/petstore-v5 overrides", fixtures.join("petstore-v5"), None) },
        Case::new("fixtures/hostile-names", mdxgen_testkit::hostile_names_input(), None),
        Case::new("fixtures/hostile-pages/v4.0.1", fixtures.join("hostile-pages/v4.0.1"), None),
        Case::new("fixtures/hostile-pages/v5.2.0", fixtures.join("hostile-pages/v5.2.0"), None),
        Case::new("fixtures/link-pages", fixtures.join("link-pages/v5.2.0/pages"), None),
        // Constructs of public specs whose generated code failed to build or lint (issue 20).
        Case::new("fixtures/any-spec/regressions", fixtures.join("any-spec/regressions.json"), None),
        Case::new("fixtures/any-spec/unroutable", fixtures.join("any-spec/unroutable.json"), None),
        // Every schema shape in every place (`shape_matrix.rs`).
        Case::new(SHAPE_MATRIX_CASE, workspace_root().join(crate::shape_matrix::PATH), None),
    ];
    if let Some(root) = corpus_root() {
        cases.extend(corpora(&root).into_iter().map(|c| Case::new(&c.name, c.pages, Some(c.spec))));
    }
    Ok(cases)
}

/// Generates every case's crate; cases with identical models share the first one's crate.
fn generate(cases: &[Case], values: &SpecValues, corpus: &Path) -> Result<Vec<Crate>, String> {
    let mut crates: Vec<Crate> = Vec::new();
    for case in cases {
        let package = package_name(&case.name);
        let mut builder = Builder::new();
        builder.input(&case.input).crate_name(&package).unknown_variants(!case.strict_enums);
        if case.time {
            builder.date_time(DateTimeCrate::Time);
        }
        if case.overrides {
            builder.overrides(mdxgen_testkit::golden_overrides());
        }
        let (api, model, _) = builder.type_model().map_err(|e| format!("{}: {e}", case.name))?;
        let options = ModelsOptions { crate_name: Some(package.clone()), templates: None };
        let (client, _) = ClientModel::build(&api, &model);
        let (server, _) = ServerModel::build(&api, &model, &client);
        let files = mdxgen_codegen::assemble::crate_files_with(&api, &model, Some(&client), Some(&server), &options)
            .map_err(|e| format!("{}: {e}", case.name))?;
        let shared = crates.iter().position(|c| same_code(&c.files, &files));
        let index = shared.unwrap_or_else(|| {
            crates.push(Crate {
                package,
                files,
                cases: Vec::new(),
                examples: Vec::new(),
                types: Vec::new(),
                calls: None,
            });
            crates.len() - 1
        });
        let target = &mut crates[index];
        if gets_round_trip(&case.name) && target.calls.is_none() {
            let library = target.package.replace('-', "_");
            let calls = mdxgen_codegen::server::round_trip_calls(&model, &server, &library)
                .map_err(|e| format!("{}: {e}", case.name))?;
            target.calls = Some((calls, case.input.clone()));
        }
        target.cases.push(case.name.clone());
        // The switches' crates are checked to build clean; the examples' fidelity is the default crate's.
        if !case.time && !case.strict_enums {
            add_examples(target, &case.name, &api, &model);
        }
        if let Some(spec) = &case.spec {
            add_values(target, &case.name, &model, values, spec, corpus);
        }
    }
    Ok(crates)
}

/// The generated values of the case's source spec, each with the type of its component. A component with
/// no type of its name (no page holds it) has nothing to check.
fn add_values(target: &mut Crate, case: &str, model: &TypeModel, values: &SpecValues, spec: &Path, corpus: &Path) {
    for (schema, status, value, why) in values.entries(spec, corpus) {
        if let Some(id) = model.named(&schema) {
            // A component that admits null is held as `Option<T>` wherever it is used: `T` never reads null.
            let named = TypeRef::Named(id);
            let holder = if value.is_null() { TypeRef::Option(Box::new(named)) } else { named };
            let ty = type_index(target, model, &holder);
            target.examples.push(values::entry(case, &schema, status, Some(ty), value, why));
        }
    }
}

/// Whether two crates hold the same code (their package names differ).
pub(crate) fn same_code(a: &[GeneratedFile], b: &[GeneratedFile]) -> bool {
    // The mock's binary, `src/main.rs`, names the crate it serves and nothing else of the case.
    let code = |files: &[GeneratedFile]| -> Vec<String> {
        files
            .iter()
            .filter(|f| f.path.ends_with(".rs") && f.path != "src/main.rs")
            .map(|f| f.contents.clone())
            .collect()
    };
    code(a) == code(b)
}

/// `oas-examples/3.0-petstore/v5.2.0` -> `m-oas-examples-3-0-petstore-v5-2-0`. A name longer than a package
/// name may be keeps its start and a hash of the whole, so that long names stay distinct.
pub(crate) fn package_name(case: &str) -> String {
    const MAX_LEN: usize = mdxgen_codegen::assemble::MAX_PACKAGE_NAME_LEN;
    let words: String =
        case.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let words: Vec<&str> = words.split('-').filter(|w| !w.is_empty()).collect();
    let name = format!("m-{}", words.join("-"));
    if name.len() <= MAX_LEN {
        return name;
    }
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let suffix = format!("-{:08x}", hash as u32);
    format!("{}{suffix}", name[..MAX_LEN - suffix.len()].trim_end_matches('-'))
}

/// Every JSON example of the case's pages, with the type of its operation and status.
fn add_examples(target: &mut Crate, case: &str, api: &Api, model: &TypeModel) {
    for op in &api.operations {
        let Some(types) = model.operation(&op.id) else { continue };
        for example in &op.examples {
            let bodies = if example.status.is_some() { &types.responses } else { &types.request };
            let body = bodies
                .iter()
                .find(|b| b.status == example.status && is_json(&b.media_type) && b.media_type == example.media_type)
                .or_else(|| bodies.iter().find(|b| b.status == example.status && is_json(&b.media_type)));
            let ty = body.map(|b| type_index(target, model, &b.ty));
            target.examples.push(json!({
                "case": case,
                "operation": op.id,
                "status": example.status.clone().unwrap_or_else(|| "request".into()),
                "type": ty,
                "value": example.value,
            }));
        }
    }
}

fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

fn type_index(target: &mut Crate, model: &TypeModel, ty: &TypeRef) -> usize {
    let spelled = mdxgen_codegen::models::rust_type(model, ty);
    match target.types.iter().position(|t| *t == spelled) {
        Some(i) => i,
        None => {
            target.types.push(spelled);
            target.types.len() - 1
        }
    }
}

/// Marks a crate whose tests call its client or server: the dev-dependencies those tests share go into its
/// manifest (once), and the package into `calling`, whose tests get the client's features.
fn tests_call_the_code<'a>(files: &mut [(String, Vec<u8>)], calling: &mut Vec<&'a str>, package: &'a str) {
    let dev_dependencies = crate::client_e2e::DEV_DEPENDENCIES.as_bytes();
    if let Some((_, manifest)) = files.iter_mut().find(|(path, _)| path == "Cargo.toml")
        && !manifest.windows(dev_dependencies.len()).any(|w| w == dev_dependencies)
    {
        manifest.extend_from_slice(dev_dependencies);
    }
    calling.push(package);
}

/// Writes the workspace; gives the packages whose tests call the client or the server.
fn write_workspace<'a>(root: &Path, crates: &'a [Crate]) -> Result<Vec<&'a str>, String> {
    let mut calling = Vec::new();
    std::fs::create_dir_all(root.join("crates")).map_err(|e| e.to_string())?;
    // Crates of an earlier run that no case produces any more would still be built.
    for entry in std::fs::read_dir(root.join("crates")).map_err(|e| e.to_string())?.flatten() {
        if !crates.iter().any(|c| entry.file_name().to_str() == Some(&c.package)) {
            std::fs::remove_dir_all(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    for krate in crates {
        let mut files: Vec<(String, Vec<u8>)> =
            krate.files.iter().map(|f| (f.path.clone(), f.contents.clone().into_bytes())).collect();
        files.push((mdxgen::OUTPUT_MARKER.to_owned(), b"check-models\n".to_vec()));
        let examples = serde_json::to_string(&krate.examples).map_err(|e| e.to_string())?;
        files.push(("tests/examples.json".to_owned(), examples.into_bytes()));
        files.push(("tests/examples.rs".to_owned(), examples_test(krate).into_bytes()));
        let authentik = krate.cases.iter().any(|c| c.starts_with(crate::client_e2e::CORPUS_PREFIX));
        let library = krate.package.replace('-', "_");
        if authentik {
            // The end-to-end test of the client: a test double on 127.0.0.1, and the dev-dependencies it needs.
            files.push(("tests/client.rs".to_owned(), crate::client_e2e::test_file(&library)?.into_bytes()));
        }
        if let Some((calls, pages)) = &krate.calls {
            // The server's end-to-end test: the generated client against the mock (and raw requests, for
            // authentik), then the same calls against `mdxgen mock` serving the same input (the binary CI's
            // tests built).
            files.push(("tests/calls/mod.rs".to_owned(), calls.clone().into_bytes()));
            let mut server_test = if authentik {
                crate::server_e2e::test_file(&library)
            } else {
                crate::server_e2e::shape_matrix_file(&library)
            };
            server_test.push_str(&crate::mock_e2e::test_function(&mdxgen_binary()?, pages));
            files.push(("tests/server.rs".to_owned(), server_test.into_bytes()));
            tests_call_the_code(&mut files, &mut calling, &krate.package);
        }
        if krate.cases.iter().any(|c| c.starts_with(crate::client_styles::CORPUS_PREFIX)) {
            // Every parameter style, as the client sends it to a test double.
            let library = krate.package.replace('-', "_");
            files.push(("tests/styles.rs".to_owned(), crate::client_styles::test_file(&library).into_bytes()));
            tests_call_the_code(&mut files, &mut calling, &krate.package);
        }
        if krate.cases.iter().any(|c| c.starts_with(crate::client_styles::SECURITY_PREFIX)) {
            // Credentials per security scheme, as the client sends them to a test double.
            let library = krate.package.replace('-', "_");
            let test = crate::client_styles::security_test_file(&library);
            files.push(("tests/security.rs".to_owned(), test.into_bytes()));
            tests_call_the_code(&mut files, &mut calling, &krate.package);
        }
        if krate.package == "m-fixtures-hostile-names" {
            let test = crate_test(crate::hostile_behaviour::TEST, &krate.package);
            files.push(("tests/behaviour.rs".to_owned(), test.into_bytes()));
        }
        if krate.package == "m-fixtures-link-pages" {
            let test = crate_test(crate::pagination_behaviour::TEST, &krate.package);
            files.push(("tests/pagination.rs".to_owned(), test.into_bytes()));
            tests_call_the_code(&mut files, &mut calling, &krate.package);
        }
        if krate.package == "m-fixtures-petstore-v5" {
            let test = crate_test(crate::binary_behaviour::TEST, &krate.package);
            files.push(("tests/binary.rs".to_owned(), test.into_bytes()));
        }
        if krate.cases.iter().any(|case| case.starts_with("authentik-")) {
            let test = crate_test(crate::authentik_behaviour::TEST, &krate.package);
            files.push(("tests/construction.rs".to_owned(), test.into_bytes()));
        }
        write_if_changed(&root.join("crates").join(&krate.package), &files)?;
    }
    let manifest = "# Generated by `cargo xtask check-models`.\n[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n\
                    [profile.dev]\ndebug = false\n";
    std::fs::write(root.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    calling.dedup();
    Ok(calling)
}

/// Rewrites a crate only when its files changed, so cargo's fingerprints keep unchanged crates built.
pub(crate) fn write_if_changed(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let unchanged = files.iter().all(|(path, bytes)| std::fs::read(dir.join(path)).ok().as_ref() == Some(bytes));
    if unchanged { Ok(()) } else { mdxgen::write_dir_atomic(dir, files) }
}

/// The integration test that round-trips each example through its type.
fn examples_test(krate: &Crate) -> String {
    let library = krate.package.replace('-', "_");
    let mut arms = String::new();
    for (i, ty) in krate.types.iter().enumerate() {
        let _ = writeln!(arms, "            Some({i}) => round_trip::<{ty}>(text),");
    }
    format!(
        r#"//! Generated by `cargo xtask check-models`: every JSON example of the docs deserializes into the generated
//! type of its operation and status, and serializes back to equal JSON; so do the values made from the
//! source spec for each component, and the negatives made from them are rejected.

// A crate whose examples have no JSON body type uses none of the helpers.
#![allow(unused_imports, unused_variables, dead_code, clippy::match_single_binding)]

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use {library}::models::*;
use {library}::support;

/// What became of a value on its way through a type and back.
enum Outcome {{
    Equal,
    Rejected(String),
    Different(String),
}}

fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> Outcome {{
    let typed: T = match serde_json::from_str(text) {{
        Ok(typed) => typed,
        Err(e) => return Outcome::Rejected(format!("does not deserialize: {{e}}")),
    }};
    let back = match serde_json::to_value(&typed) {{
        Ok(back) => back,
        Err(e) => return Outcome::Different(format!("does not serialize: {{e}}")),
    }};
    let original: Value = serde_json::from_str(text).unwrap_or_default();
    match difference(&original, &back, "") {{
        None => Outcome::Equal,
        Some(difference) => Outcome::Different(format!("serializes back differently: {{difference}}")),
    }}
}}

/// Where two JSON values differ. Numbers compare by value (`1` and `1.0` are equal), and RFC 3339
/// timestamps as written up to the spelling of a zero offset and trailing zeros of the fraction (`...:00Z`,
/// `...:00.000+00:00`); another offset must come back as it was sent.
fn difference(a: &Value, b: &Value, at: &str) -> Option<String> {{
    match (a, b) {{
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        (Value::String(x), Value::String(y)) if same_timestamp(x, y) => None,
        (Value::Object(x), Value::Object(y)) => {{
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {{
                (Some(p), Some(q)) => difference(p, q, &format!("{{at}}/{{k}}")),
                (p, q) => Some(format!("{{at}}/{{k}}: {{p:?}} became {{q:?}}")),
            }})
        }}
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {{
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| difference(p, q, &format!("{{at}}/{{i}}")))
        }}
        _ if a == b => None,
        _ => Some(format!("{{at}}: {{a}} became {{b}}")),
    }}
}}

fn same_timestamp(a: &str, b: &str) -> bool {{
    let trim = |s: &str| -> String {{
        // `Z` and `+00:00` are one offset, spelled two ways (chrono writes the second).
        let s = s.strip_suffix('Z').or_else(|| s.strip_suffix("+00:00")).unwrap_or(s);
        match s.split_once('.') {{
            Some((whole, fraction)) if fraction.chars().all(|c| c.is_ascii_digit()) => {{
                let fraction = fraction.trim_end_matches('0');
                if fraction.is_empty() {{ whole.to_owned() }} else {{ format!("{{whole}}.{{fraction}}") }}
            }}
            _ => s.to_owned(),
        }}
    }};
    a.len() > 18 && b.len() > 18 && a.contains('T') && trim(a) == trim(b)
}}

#[test]
fn examples_round_trip() {{
    let examples: Vec<Value> = serde_json::from_str(include_str!("examples.json")).expect("examples.json is JSON");
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for example in &examples {{
        let case = example["case"].as_str().unwrap_or_default().to_owned();
        let text = example["value"].to_string();
        let text = text.as_str();
        let outcome = match example["type"].as_u64() {{
{arms}            _ => Outcome::Rejected("its operation has no JSON body type for this status".to_owned()),
        }};
        let place = format!("{{case}} {{}} {{}}", example["operation"], example["status"]);
        match (example["status"].as_str(), outcome) {{
            (Some("value"), Outcome::Equal) => println!("VALUE {{case}} equal"),
            (Some("value"), Outcome::Different(reason)) => {{
                println!("VALUE {{case}} different");
                println!("VALUE-FAILURE {{place}}: {{reason}}");
            }}
            (Some("value"), Outcome::Rejected(reason)) => {{
                println!("VALUE {{case}} rejected");
                println!("VALUE-FAILURE {{place}}: {{reason}}");
            }}
            (Some("negative"), Outcome::Rejected(_)) => println!("NEGATIVE {{case}} rejected"),
            (Some("negative"), _) => {{
                println!("NEGATIVE {{case}} accepted");
                println!("VALUE-FAILURE {{place}}: accepted though {{}}", example["why"].as_str().unwrap_or("invalid"));
            }}
            (_, outcome) => {{
                let count = counts.entry(case.clone()).or_default();
                count.1 += 1;
                match outcome {{
                    Outcome::Equal => count.0 += 1,
                    Outcome::Rejected(reason) | Outcome::Different(reason) => failures.push(format!("{{place}}: {{reason}}")),
                }}
            }}
        }}
    }}
    for (case, (passed, total)) in &counts {{
        println!("EXAMPLES {{case}} {{passed}}/{{total}}");
    }}
    for failure in &failures {{
        println!("EXAMPLE-FAILURE {{failure}}");
    }}
}}
"#
    )
}

/// The examples known to fail, each group with its reason: a checked-in list, so that a new failure, or a
/// listed one that passes now, fails the run.
const KNOWN_FAILURES: &str = "fixtures/expected/example-failures.txt";

/// Prints the examples round-trip count per case and every failure; fails when the failures differ from
/// the known ones (for the cases that ran).
fn report_examples(output: &str, cases: &[String]) -> Result<(), String> {
    let mut counts = Vec::new();
    let mut failures = Vec::new();
    for line in output.lines() {
        if let Some(count) = line.strip_prefix("EXAMPLES ") {
            counts.push(count.to_owned());
        } else if let Some(failure) = line.strip_prefix("EXAMPLE-FAILURE ") {
            failures.push(failure.to_owned());
        }
    }
    counts.sort();
    failures.sort();
    let (mut passed, mut total) = (0, 0);
    for count in &counts {
        println!("examples: {count}");
        if let Some((p, t)) = count.rsplit_once(' ').and_then(|(_, n)| n.split_once('/')) {
            passed += p.parse::<usize>().unwrap_or(0);
            total += t.parse::<usize>().unwrap_or(0);
        }
    }
    println!("examples: {passed} passed, {} failed", total - passed);
    known_failures_only(&failures, cases, KNOWN_FAILURES, "example")
}

/// Whether `failures` are exactly the ones `known_file` lists (comment lines give the reasons) for the cases
/// that ran: a new failure, or a listed one that passes now, is an error.
pub(crate) fn known_failures_only(
    failures: &[String],
    cases: &[String],
    known_file: &str,
    what: &str,
) -> Result<(), String> {
    let known_text = std::fs::read_to_string(workspace_root().join(known_file)).unwrap_or_default();
    let ran = |line: &&str| cases.iter().any(|case| line.starts_with(&format!("{case} ")));
    let known: Vec<&str> =
        known_text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter(ran).collect();
    let new: Vec<&String> = failures.iter().filter(|f| !known.contains(&f.as_str())).collect();
    let fixed: Vec<&&str> = known.iter().filter(|k| !failures.iter().any(|f| f == **k)).collect();
    for failure in &new {
        println!("{what} failure (not in {known_file}): {failure}");
    }
    for failure in &fixed {
        println!("{what} passes now (remove it from {known_file}): {failure}");
    }
    if new.is_empty() && fixed.is_empty() {
        println!("{what}s: every failure is a known one, explained in {known_file}");
        Ok(())
    } else {
        Err(format!("{} new {what} failures, {} known ones pass now", new.len(), fixed.len()))
    }
}

fn cargo(root: &Path, args: &[&str]) -> Result<(), String> {
    let status = cargo_command(root, args).status().map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`cargo {}` failed in {}", args.join(" "), root.display())) }
}

/// The `mdxgen` binary of this workspace (debug), built if it is not.
fn mdxgen_binary() -> Result<PathBuf, String> {
    let root = workspace_root();
    let cargo = cargo_program();
    // As `cargo test --workspace` builds it, which CI has done: `cargo build -p mdxgen-cli` would resolve
    // the dependencies' features for that package alone and compile the workspace a second time.
    let status = Command::new(cargo)
        .args(["test", "--workspace", "--no-run", "--quiet"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("`cargo test --workspace --no-run` failed".to_owned());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    Ok(target.join("debug").join(format!("mdxgen{}", std::env::consts::EXE_SUFFIX)))
}

fn cargo_output(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = cargo_command(root, args).output().map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        eprintln!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
        Err(format!("`cargo {}` failed in {}", args.join(" "), root.display()))
    }
}

/// cargo in the generated workspace (see `in_generated_workspace`).
fn cargo_command(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(cargo_program());
    command.args(args);
    in_generated_workspace(&mut command, root);
    command
}

/// The cargo that runs xtask.
pub(crate) fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs `command` (cargo, or a program that runs cargo) in the generated workspace at `root`, with its own
/// target dir, and warnings as errors in every build and every rustdoc run.
pub(crate) fn in_generated_workspace(command: &mut Command, root: &Path) {
    command.current_dir(root).env("CARGO_TARGET_DIR", root.join("target"));
    command.env("RUSTFLAGS", "-D warnings").env("RUSTDOCFLAGS", "-D warnings");
    command.env_remove("RUSTC_WRAPPER");
    // Each generated crate is built once per run: incremental state would only fill the disk (gigabytes
    // for 53 crates with a client).
    command.env("CARGO_INCREMENTAL", "0");
    // The generated workspace's own profile (no debug info) decides, not the line tables `.ci/run` asks
    // for its own crates.
    command.env_remove("CARGO_PROFILE_DEV_DEBUG").env_remove("CARGO_PROFILE_TEST_DEBUG");
}

/// A test file of `xtask/crate-tests/` for the generated crate `package`, whose library the file names `api`.
pub fn crate_test(source: &str, package: &str) -> String {
    format!("{source}\nuse {} as api;\n", package.replace('-', "_"))
}
