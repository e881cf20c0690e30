//! Every component of a corpus's source spec that an operation reaches is recovered as a named type under
//! its own name. The plugin keeps a component's name only as its `title`; where the spec gives the
//! component a `title` of its own, the name is lost in the pages and the title is what can be recovered.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use mdxgen::{ReadOptions, load};
use mdxgen_ir::typing::names::type_spelling;
use mdxgen_testkit::{corpora, corpus_root, read_spec};
use serde_json::Value;

#[test]
fn reachable_components_are_recovered_by_name() {
    let Some(root) = corpus_root() else { return };
    let (mut reachable_total, mut missing_total, mut renamed_by_title) = (0, Vec::new(), 0);
    let mut lost_by_plugin = Vec::new();
    for corpus in corpora(&root) {
        let spec = read_spec(&corpus.spec);
        let schemas = spec.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default();
        let loaded = load(std::slice::from_ref(&corpus.pages), &ReadOptions::default());
        let titled_in_pages = titled_as_written(&corpus.pages);
        for name in reachable_components(&spec) {
            let schema = &schemas[&name];
            let expected = match schema.get("title").and_then(Value::as_str) {
                Some(title) if title != name => {
                    renamed_by_title += 1;
                    title.to_owned()
                }
                _ => name.clone(),
            };
            reachable_total += 1;
            if loaded.api.types.get(&expected).is_some() {
                continue;
            }
            // A type no page holds whole (its operation has no page, or the plugin deleted parts of it)
            // cannot be recovered.
            let keys: BTreeSet<&str> = schema.as_object().into_iter().flatten().map(|(k, _)| k.as_str()).collect();
            let held_whole = titled_in_pages
                .get(&expected)
                .is_some_and(|copies| copies.iter().any(|copy| keys.iter().all(|k| copy.contains(*k))));
            if held_whole {
                missing_total.push(format!("{}: {name}", corpus.name));
            } else {
                lost_by_plugin.push(format!("{}: {name}", corpus.name));
            }
        }
    }
    let recovered = reachable_total - missing_total.len() - lost_by_plugin.len();
    eprintln!(
        "named types: {recovered}/{reachable_total} reachable components recovered ({renamed_by_title} under the spec's own title)"
    );
    eprintln!("in no page (the plugin wrote no page for their operations, or deleted them): {lost_by_plugin:#?}");
    assert!(missing_total.is_empty(), "not recovered: {missing_total:#?}");
}

/// Every named type keeps its name in Rust (spelled as Rust spells type names), or a warning reports the
/// rename: read from each corpus's source spec (every component) and from its pages (every recovered type).
#[test]
fn rust_names_are_the_api_names_or_the_rename_is_reported() {
    let Some(root) = corpus_root() else { return };
    let (mut kept, mut reported) = (0, Vec::new());
    for corpus in corpora(&root) {
        for input in [&corpus.spec, &corpus.pages] {
            let (api, model, diagnostics) =
                mdxgen::Builder::new().input(input).type_model().unwrap_or_else(|e| panic!("{}: {e}", corpus.name));
            for (name, _) in api.types.iter_sorted() {
                let rust = &model.get_type(model.named(name).expect("every named type has a Rust type")).name;
                if *rust == type_spelling(name) {
                    kept += 1;
                    continue;
                }
                let report = format!("{name}: named `{rust}` in Rust");
                assert!(
                    diagnostics.iter().any(|d| d.message.starts_with(&report)),
                    "{}: `{name}` became `{rust}` unreported",
                    corpus.name
                );
                reported.push(format!("{}: {name} -> {rust}", corpus.name));
            }
        }
    }
    eprintln!("rust names: {kept} kept, {} renamed with a warning: {reported:#?}", reported.len());
    assert!(kept > 0);
}

/// For every `title` in the operations exactly as the pages hold them, the keys of each titled copy.
fn titled_as_written(pages: &Path) -> BTreeMap<String, Vec<BTreeSet<String>>> {
    let mut titles: BTreeMap<String, Vec<BTreeSet<String>>> = BTreeMap::new();
    for page in mdxgen_testkit::page_files(pages) {
        let Some(mdxgen_mdx::Page::Operation(op)) = mdxgen_mdx::read_file(&page, &ReadOptions::default()).page else {
            continue;
        };
        let mut stack: Vec<Value> = vec![Value::Object(op.operation)];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(title)) = map.get("title") {
                        titles.entry(title.clone()).or_default().push(map.keys().cloned().collect());
                    }
                    stack.extend(map.into_iter().map(|(_, v)| v));
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
    }
    titles
}

/// Names of the component schemas reachable from any operation, following references transitively.
fn reachable_components(spec: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack: Vec<&Value> = spec.get("paths").into_iter().collect();
    let schemas: BTreeMap<String, &Value> = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v))
        .collect();
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                    if let Some(name) = reference.strip_prefix("#/components/schemas/") {
                        if found.insert(name.to_owned()) {
                            stack.extend(schemas.get(name).copied());
                        }
                    } else if let Some(target) = reference.strip_prefix('#').and_then(|p| spec.pointer(p)) {
                        stack.push(target);
                    }
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found.retain(|name| schemas.contains_key(name));
    found
}
