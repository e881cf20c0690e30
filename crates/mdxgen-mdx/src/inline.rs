//! The inline component trees of plugin versions up to 4.1: `ParamsItem param={...}` for parameters,
//! `SchemaItem`s inside `MimeTabs` for bodies, status `TabItem`s in `ApiTabs` for responses, and
//! `ResponseSamples` for examples.

use serde_json::{Map, Value};

use crate::jsx::{Element, Tree};
use crate::{Example, PageReader};

/// Reads the parameters, request body and responses of an inline tree into `operation`; returns the JSON
/// examples the tree shows.
pub(crate) fn read_into(
    tree: &Tree<'_>,
    body_start: usize,
    reader: &mut PageReader<'_>,
    operation: &mut Map<String, Value>,
) -> Vec<Example> {
    let parameters: Vec<Value> =
        tree.elements_named("ParamsItem").filter_map(|item| reader.prop(tree, item, "param", body_start)).collect();
    if !parameters.is_empty() {
        operation.insert("parameters".into(), Value::Array(parameters));
    }
    response_samples(tree, body_start, reader)
}

/// The `ResponseSamples` of the tree, each placed under its status and media type tabs.
pub(crate) fn response_samples(tree: &Tree<'_>, body_start: usize, reader: &mut PageReader<'_>) -> Vec<Example> {
    let mut examples = Vec::new();
    for id in tree.walk() {
        let Some(sample) = tree.element(id).filter(|e| tree.name(e) == "ResponseSamples") else {
            continue;
        };
        let Some(Value::String(text)) = reader.prop(tree, sample, "responseExample", body_start) else {
            continue;
        };
        let language = reader.prop(tree, sample, "language", body_start);
        if language.as_ref().and_then(Value::as_str).is_some_and(|l| l != "json") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let tabs: Vec<String> = tree
            .ancestors(id)
            .filter(|(_, e)| tree.name(e) == "TabItem")
            .filter_map(|(_, e)| tab_label(tree, e, reader, body_start))
            .collect();
        let status = tabs.iter().find(|l| is_status(l)).cloned();
        let media_type = tabs.iter().find(|l| l.contains('/')).cloned().unwrap_or_else(|| "application/json".into());
        if status.is_some() {
            examples.push(Example { status, media_type, value });
        }
    }
    examples
}

fn tab_label(tree: &Tree<'_>, tab: &Element, reader: &mut PageReader<'_>, body_start: usize) -> Option<String> {
    reader.prop(tree, tab, "label", body_start).and_then(|v| v.as_str().map(str::to_owned))
}

/// `200`, `4XX`, `default`: the labels of response tabs.
pub(crate) fn is_status(label: &str) -> bool {
    label == "default" || (label.len() == 3 && label.chars().all(|c| c.is_ascii_digit() || c == 'X' || c == 'x'))
}
