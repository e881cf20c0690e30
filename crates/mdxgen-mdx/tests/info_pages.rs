//! The info page of every corpus shows the spec's security schemes, and the reader gets them back.
//! The plugin loses things on the way, normalised here: `x-` extensions, a `mutualTLS` scheme's table (only
//! its description is shown), and before 5.0 an API key's location (every key is labelled "Header parameter
//! name:").

use mdxgen_mdx::{Page, ReadOptions, read_file};
use mdxgen_testkit::{corpora, corpus_root, page_files, read_spec};
use serde_json::{Map, Value, json};

#[test]
fn info_pages_show_the_security_schemes_of_the_spec() {
    let Some(root) = corpus_root() else { return };
    let (mut compared, mut differences) = (0, Vec::new());
    for corpus in corpora(&root) {
        let spec = read_spec(&corpus.spec);
        let expected =
            spec.pointer("/components/securitySchemes").and_then(Value::as_object).cloned().unwrap_or_default();
        let Some(info) = page_files(&corpus.pages).into_iter().find(|p| p.to_string_lossy().ends_with(".info.mdx"))
        else {
            continue;
        };
        let Some(Page::Info(info)) = read_file(&info, &ReadOptions::default()).page else {
            panic!("{}: no info page", corpus.name)
        };
        for (name, scheme) in &expected {
            compared += 1;
            let shown = info.security_schemes.get(name).cloned().unwrap_or(Value::Null);
            let before_5 = corpus.plugin_version.as_str() < "5";
            let expected = as_shown(scheme, before_5);
            if shown != expected {
                differences.push(format!("{}: {name}: expected {expected}, read {shown}", corpus.name));
            }
        }
    }
    eprintln!("security schemes: {}/{compared} read back from info pages", compared - differences.len());
    assert!(differences.is_empty(), "{differences:#?}");
}

/// A scheme as the info page can show it.
fn as_shown(scheme: &Value, before_5: bool) -> Value {
    let mut shown: Map<String, Value> = scheme
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !k.starts_with("x-"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if before_5 && shown.get("type") == Some(&json!("apiKey")) {
        shown.insert("in".into(), json!("header"));
    }
    if shown.get("type") == Some(&json!("mutualTLS")) {
        shown.remove("type");
    }
    if let Some(Value::String(description)) = shown.get_mut("description") {
        *description = description.trim().to_owned();
    }
    Value::Object(shown)
}
