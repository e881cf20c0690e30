//! The shell components of plugin 4.2 and later: `ParamsDetails parameters`, `RequestSchema body`,
//! `StatusCodes responses`, each inline or spread from a sidecar JSON file. Also the parts every tree
//! shares: the page title, the description and the deprecation notice.

use serde_json::{Map, Value};

use crate::PageReader;
use crate::jsvalue::string_prop;
use crate::jsx::{Element, Node, Tree};

/// Reads the shell components of `tree` into `operation`.
pub(crate) fn read_into(
    tree: &Tree<'_>,
    body_start: usize,
    reader: &mut PageReader<'_>,
    operation: &mut Map<String, Value>,
) {
    let parts = [
        ("ParamsDetails", "parameters", "parameters"),
        ("RequestSchema", "body", "requestBody"),
        ("StatusCodes", "responses", "responses"),
    ];
    for (component, prop, key) in parts {
        let Some(element) = tree.elements_named(component).next() else {
            continue;
        };
        match reader.prop(tree, element, prop, body_start) {
            Some(Value::Null) | None => {}
            Some(value) if is_empty_body(key, &value) => {}
            Some(value) => {
                operation.insert(key.to_owned(), value);
            }
        }
    }
}

/// The plugin renders a `RequestSchema` even for operations without a body; its `body` is then absent or
/// has no content.
fn is_empty_body(key: &str, value: &Value) -> bool {
    key == "requestBody" && value.get("content").is_none_or(|c| c.as_object().is_some_and(Map::is_empty))
}

/// The `<Heading as="h1" children="...">` text.
pub(crate) fn page_title(tree: &Tree<'_>) -> Option<String> {
    tree.elements_named("Heading")
        .find(|h| string_prop(tree, h, "as").as_deref() == Some("h1"))
        .and_then(|h| string_prop(tree, h, "children"))
}

/// The markdown between `<MethodEndpoint>` and the next heading, without the deprecation notice.
pub(crate) fn description(tree: &Tree<'_>, endpoint: &Element) -> Option<String> {
    let position =
        tree.roots.iter().position(|&id| matches!(&tree.nodes[id], Node::Element(e) if e.start == endpoint.start))?;
    let mut text = String::new();
    for &id in &tree.roots[position + 1..] {
        match &tree.nodes[id] {
            Node::Text(r) => text.push_str(tree.slice(r)),
            Node::Element(e) if tree.name(e) == "Heading" => break,
            Node::Element(_) => text.push_str(&tree.text_of(id)),
        }
    }
    let text = strip_admonitions(&text);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether the page shows the plugin's `:::caution deprecated` notice.
pub(crate) fn is_deprecated(tree: &Tree<'_>) -> bool {
    tree.roots
        .iter()
        .any(|&id| matches!(&tree.nodes[id], Node::Text(r) if tree.slice(r).lines().any(is_deprecation_fence)))
}

fn is_deprecation_fence(line: &str) -> bool {
    let line = line.trim();
    line == ":::caution deprecated" || line == ":::caution[deprecated]"
}

/// Removes `:::kind ... :::` admonition blocks, which the plugin adds around (not inside) the description.
fn strip_admonitions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !inside && is_deprecation_fence(trimmed) {
            inside = true;
        } else if inside && trimmed == ":::" {
            inside = false;
        } else if !inside {
            out.push_str(line);
        }
    }
    out
}
