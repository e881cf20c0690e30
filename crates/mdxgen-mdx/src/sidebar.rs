//! `sidebar.ts`: the order of tags and of the operations in each.

use serde_json::Value;

/// A tag category of the sidebar and the doc ids of its operations, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub label: String,
    pub doc_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sidebar {
    pub categories: Vec<Category>,
}

pub struct SidebarError {
    pub offset: usize,
    pub message: String,
}

/// Reads the object literal assigned in `sidebar.ts` (`const sidebar: SidebarsConfig = {...};`).
pub fn parse(text: &str) -> Result<Sidebar, SidebarError> {
    let start = text.find("= {").map(|i| i + 2).or_else(|| text.find("= [").map(|i| i + 2));
    let Some(start) = start else {
        return Err(SidebarError { offset: 0, message: "expected `const sidebar = {...}` or `= [...]`".into() });
    };
    let end = text.rfind(['}', ']']).map_or(text.len(), |i| i + 1);
    let literal = if end > start { &text[start..end] } else { "" };
    let value = crate::jsvalue::parse(literal)
        .map_err(|message| SidebarError { offset: start, message: format!("sidebar object: {message}") })?
        .unwrap_or(Value::Null);
    let mut sidebar = Sidebar::default();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            // With `showSchemas`, the plugin lists the schema pages in a `Schemas` category: not a tag.
            Value::Object(map) if is_category(map) && lists_schemas_only(map.get("items")) => {}
            Value::Object(map) if is_category(map) => {
                let label = map.get("label").and_then(Value::as_str).unwrap_or_default().to_owned();
                let doc_ids = doc_ids(map.get("items"));
                sidebar.categories.push(Category { label, doc_ids });
            }
            Value::Object(map) => stack.extend(map.values().rev()),
            _ => {}
        }
    }
    Ok(sidebar)
}

fn is_category(item: &serde_json::Map<String, Value>) -> bool {
    item.get("type").and_then(Value::as_str) == Some("category")
}

/// Whether every item is a schema page's doc (`className: "schema"`), and there is one.
fn lists_schemas_only(items: Option<&Value>) -> bool {
    let Some(Value::Array(items)) = items else { return false };
    !items.is_empty() && items.iter().all(|item| item.get("className").and_then(Value::as_str) == Some("schema"))
}

fn doc_ids(items: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(items)) = items else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| item.get("id").and_then(Value::as_str))
        .map(|id| id.rsplit('/').next().unwrap_or(id).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_categories_in_order_without_the_schemas_category() {
        let text = r#"import type { SidebarsConfig } from "@docusaurus/plugin-content-docs";
const sidebar: SidebarsConfig = {
  apisidebar: [
    { type: "doc", id: "api/intro" },
    { type: "category", label: "admin", items: [ { type: "doc", id: "api/admin-list", label: "l", className: "api-method get", }, ], },
    { type: "category", label: "Schemas", items: [ { type: "doc", id: "api/schemas/user", label: "User", className: "schema", }, ], },
  ],
};
export default sidebar.apisidebar;
"#;
        let sidebar = parse(text).ok().expect("parses");
        assert_eq!(sidebar.categories, [Category { label: "admin".into(), doc_ids: vec!["admin-list".into()] }]);
    }
}
