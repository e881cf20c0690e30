//! The security schemes table of the info page (`SchemaTabs className="openapi-tabs__security-schemes"`):
//! one `TabItem` per scheme (its `value` is the scheme's name), a description, and a table of properties.
//! Plugin versions before 5.0 label every API key's name "Header parameter name:", so there an API key always
//! reads as a header key: where the spec had a query or cookie key, the page no longer says so.

use serde_json::{Map, Value, json};

use crate::jsvalue::string_prop;
use crate::jsx::{Element, Node, NodeId, Tree};

/// The security schemes the info page shows, by name, as OpenAPI Security Scheme Objects.
pub(crate) fn security_schemes(tree: &Tree<'_>) -> Map<String, Value> {
    let mut schemes = Map::new();
    let tabs = tree.walk().filter(|&id| tree.element(id).is_some_and(|e| is_security_tabs(tree, e)));
    for tabs in tabs.collect::<Vec<_>>() {
        for &tab in children(tree, tabs) {
            let Some(element) = tree.element(tab).filter(|e| tree.name(e) == "TabItem") else { continue };
            if let Some(name) = string_prop(tree, element, "value") {
                schemes.insert(name, scheme(tree, tab));
            }
        }
    }
    schemes
}

fn is_security_tabs(tree: &Tree<'_>, element: &Element) -> bool {
    tree.name(element) == "SchemaTabs"
        && string_prop(tree, element, "className").is_some_and(|c| c.contains("security-schemes"))
}

fn children<'t>(tree: &'t Tree<'_>, id: NodeId) -> &'t [NodeId] {
    tree.element(id).map_or(&[], |e| e.children.as_slice())
}

fn scheme(tree: &Tree<'_>, tab: NodeId) -> Value {
    let mut scheme = Map::new();
    let description: String = children(tree, tab)
        .iter()
        .filter_map(|&id| match &tree.nodes[id] {
            Node::Text(r) => Some(tree.slice(r)),
            Node::Element(_) => None,
        })
        .collect();
    let description = description.trim();
    if !description.is_empty() {
        scheme.insert("description".into(), json!(description));
    }
    for row in descendants_named(tree, tab, "tr") {
        let (Some(&th), Some(&td)) =
            (descendants_named(tree, row, "th").first(), descendants_named(tree, row, "td").first())
        else {
            continue;
        };
        let label = tree.text_of(th);
        apply_row(&mut scheme, label.trim(), tree, td);
    }
    Value::Object(scheme)
}

fn apply_row(scheme: &mut Map<String, Value>, label: &str, tree: &Tree<'_>, td: NodeId) {
    let value = tree.text_of(td).trim().to_owned();
    let field = match label {
        "Security Scheme Type:" => "type",
        "HTTP Authorization Scheme:" => "scheme",
        "Bearer format:" => "bearerFormat",
        "OpenID Connect URL:" => "openIdConnectUrl",
        "Header parameter name:" | "Query parameter name:" | "Cookie parameter name:" => {
            let location = label.split(' ').next().unwrap_or_default().to_ascii_lowercase();
            scheme.insert("in".into(), json!(location));
            "name"
        }
        _ => {
            if let Some(flow) = label.strip_prefix("OAuth Flow (").and_then(|l| l.strip_suffix("):")) {
                let flows = scheme.entry("flows").or_insert_with(|| json!({}));
                flows[flow] = oauth_flow(tree, td);
            }
            return;
        }
    };
    scheme.insert(field.into(), json!(value));
}

/// `Token URL: ...`, `Authorization URL: ...`, `Refresh URL: ...` lines (`<p>` up to plugin 4.x, `<div>`
/// from 5.x) and a `name: description` list of scopes.
fn oauth_flow(tree: &Tree<'_>, td: NodeId) -> Value {
    let mut flow = Map::new();
    let lines = descendants_named(tree, td, "p").into_iter().chain(descendants_named(tree, td, "div"));
    for p in lines {
        let text = tree.text_of(p);
        let (label, url) = text.trim().split_once(": ").unwrap_or_default();
        let key = match label {
            "Token URL" => "tokenUrl",
            "Authorization URL" => "authorizationUrl",
            "Refresh URL" => "refreshUrl",
            _ => continue,
        };
        flow.insert(key.into(), json!(url.trim()));
    }
    let scopes: Map<String, Value> = descendants_named(tree, td, "li")
        .into_iter()
        .filter_map(|li| {
            let text = tree.text_of(li);
            let (name, description) = text.trim().split_once(": ")?;
            Some((name.to_owned(), json!(description.trim())))
        })
        .collect();
    flow.insert("scopes".into(), Value::Object(scopes));
    Value::Object(flow)
}

/// The elements named `name` below `id`, in document order.
fn descendants_named(tree: &Tree<'_>, id: NodeId, name: &str) -> Vec<NodeId> {
    let mut found = Vec::new();
    let mut stack: Vec<NodeId> = children(tree, id).iter().rev().copied().collect();
    while let Some(next) = stack.pop() {
        if let Some(element) = tree.element(next) {
            if tree.name(element) == name {
                found.push(next);
            }
            stack.extend(element.children.iter().rev());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_http_api_key_and_oauth_schemes() {
        let page = r#"<SchemaTabs className={"openapi-tabs__security-schemes"}>
<TabItem label={"HTTP: Bearer Auth"} value={"bearer"}>A token.<div><table><tbody>
<tr><th>Security Scheme Type:</th><td>http</td></tr><tr><th>HTTP Authorization Scheme:</th><td>bearer</td></tr>
</tbody></table></div></TabItem><TabItem label={"API Key: key"} value={"key"}><div><table><tbody>
<tr><th>Security Scheme Type:</th><td>apiKey</td></tr><tr><th>Header parameter name:</th><td>X-Key</td></tr>
</tbody></table></div></TabItem><TabItem label={"OAuth 2.0: o"} value={"o"}><div><table><tbody>
<tr><th>Security Scheme Type:</th><td>oauth2</td></tr><tr><th>OAuth Flow (implicit):</th><td>
<p>Authorization URL: http://a/dialog</p><span>Scopes:</span><ul><li>write:things: Add things</li></ul></td></tr>
</tbody></table></div></TabItem></SchemaTabs>"#;
        let (tree, errors) = crate::jsx::parse(page);
        assert!(errors.is_empty(), "{errors:?}");
        let schemes = security_schemes(&tree);
        assert_eq!(schemes["bearer"], json!({"description": "A token.", "type": "http", "scheme": "bearer"}));
        assert_eq!(schemes["key"], json!({"type": "apiKey", "in": "header", "name": "X-Key"}));
        assert_eq!(
            schemes["o"]["flows"]["implicit"],
            json!({"authorizationUrl": "http://a/dialog", "scopes": {"write:things": "Add things"}})
        );
    }
}
