//! `*.schema.mdx`: one component schema per page, written with the plugin option `showSchemas` (or for a
//! component with `x-tags`).
//!
//! The plugin's loader gives every component without a `title` its name as `title`, and the page names the
//! schema by that title only: where the spec gives a component a title of its own (`AccountPartial` titled
//! `PartialAccount`), the component's key is written nowhere, neither in the page nor in its file name
//! (the kebab-cased, lower-cased title). Where the schema is:
//! - the `<Schema schema={...}>` component of the shell layout (5.x), inline or spread from a sidecar
//!   `{...require("./x.Schema.json")}`: the schema as the plugin saw it, every `$ref` inlined;
//! - the `<ul>` of `SchemaItem`s of versions up to 4.x: the schema as rendered, read like a response body
//!   (see `inline.rs`); the titles of nested objects and what the rendering leaves out are lost.

use serde_json::Value;

use crate::frontmatter::{self, Frontmatter};
use crate::{PageReader, SchemaOrigin, SchemaPage, inline, jsx, shell};

impl PageReader<'_> {
    pub(crate) fn schema_page(&mut self, fm: Option<&Frontmatter>, body_start: usize) -> Option<SchemaPage> {
        let tree = self.body_tree(body_start);
        let (mut schema, offset, origin) = self.page_schema(&tree, body_start)?;
        let Some(name) = schema_name(&schema, fm, &tree) else {
            self.error(offset, "schema-page", "expected the schema's `title` or a `title:` naming the schema");
            return None;
        };
        // The rendering shows no title; the plugin had set it, and it is what operation pages show too.
        if let Value::Object(map) = &mut schema {
            map.entry("title").or_insert_with(|| Value::String(name.clone()));
        }
        Some(SchemaPage { name, at: self.source.locate(offset), schema, origin })
    }

    /// The page's schema, the offset of the element it was read from, and how it was read.
    fn page_schema(&mut self, tree: &jsx::Tree<'_>, body_start: usize) -> Option<(Value, usize, SchemaOrigin)> {
        let Some(element) = tree.elements_named("Schema").next() else {
            return match inline::rendered_schema(tree, body_start, self) {
                Some((schema, offset)) => Some((schema, offset, SchemaOrigin::RenderedTree)),
                None => {
                    let message = "expected `<Schema schema={...}>` or a `<ul>` of `<SchemaItem>`s showing the schema";
                    let body = &self.source.text()[body_start..];
                    self.error(body_start + body.len() - body.trim_start().len(), "schema-page", message);
                    None
                }
            };
        };
        let offset = body_start + element.start;
        match self.prop(tree, element, "schema", body_start) {
            Some(schema @ Value::Object(_)) => Some((schema, offset, SchemaOrigin::SchemaProp)),
            Some(other) => {
                let message = format!(
                    "expected the `schema` prop of `<Schema>` to be an object, found {}",
                    frontmatter::kind(&other)
                );
                self.error(offset, "schema-page", message);
                None
            }
            None => {
                self.error(offset, "schema-page", "`<Schema>` without a `schema` prop: expected the schema in it");
                None
            }
        }
    }
}

/// The schema's own `title` when it has one (exact: the frontmatter's copy has `"` replaced by `'`), else
/// the frontmatter's `title:`, else the page heading.
fn schema_name(schema: &Value, fm: Option<&Frontmatter>, tree: &jsx::Tree<'_>) -> Option<String> {
    let own = schema.get("title").and_then(Value::as_str).map(str::to_owned);
    own.or_else(|| fm.and_then(|fm| fm.str("title")).map(str::to_owned))
        .or_else(|| shell::page_title(tree))
        .filter(|name| !name.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::json;

    use super::*;
    use crate::{ReadOptions, ReadResult, Sidecars, read_page};

    /// Serves one sidecar, `./user.Schema.json`.
    struct OneSidecar(&'static str);

    impl Sidecars for OneSidecar {
        fn load(&self, _page: &Path, relative: &str) -> Result<String, String> {
            (relative == "./user.Schema.json").then(|| self.0.to_owned()).ok_or_else(|| format!("no `{relative}`"))
        }
    }

    const FRONTMATTER: &str = "---\nid: user\ntitle: \"User\"\nschema: true\n---\n\n";

    fn read(body: &str, sidecar: &'static str) -> ReadResult {
        read_page(
            Path::new("user.schema.mdx"),
            &format!("{FRONTMATTER}{body}"),
            &ReadOptions::default(),
            &OneSidecar(sidecar),
        )
    }

    fn schema_page(result: ReadResult) -> SchemaPage {
        assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
        match result.page {
            Some(crate::Page::Schema(page)) => page,
            other => panic!("expected a schema page, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_schema_prop_from_a_sidecar_under_the_schema_title() {
        let sidecar = r#"{"schema":{"title":"User \"Admin\"","type":"object","properties":{"id":{"type":"integer"}}},"schemaType":"response"}"#;
        let page = schema_page(read("<Schema\n  {...require(\"./user.Schema.json\")}\n>\n</Schema>\n", sidecar));
        assert_eq!(page.name, "User \"Admin\"");
        assert_eq!(page.origin, SchemaOrigin::SchemaProp);
        assert_eq!((page.at.line, page.at.column), (7, 1));
        assert_eq!(page.schema["properties"], json!({"id": {"type": "integer"}}));
    }

    #[test]
    fn reads_a_rendered_tree_and_names_it_by_the_frontmatter_title() {
        let body = "<ul>\n  <div\n    style={{\"marginTop\":\".5rem\",\"marginBottom\":\".5rem\"}}\n  >\n    \n    string\n    \n  </div>\n</ul>\n";
        let page = schema_page(read(body, ""));
        assert_eq!(page.origin, SchemaOrigin::RenderedTree);
        assert_eq!(page.schema, json!({"type": "string", "title": "User"}));
    }

    #[test]
    fn a_page_without_a_schema_is_a_located_error() {
        for (body, expected) in [
            ("Prose only.\n", "user.schema.mdx:7:1: error[schema-page]: expected `<Schema schema={...}>`"),
            (
                "<Schema\n  schema={\"text\"}\n>\n</Schema>\n",
                "user.schema.mdx:7:1: error[schema-page]: expected the `schema` prop",
            ),
        ] {
            let result = read(body, "");
            assert!(result.page.is_none());
            let messages: Vec<String> = result.diagnostics.iter().map(ToString::to_string).collect();
            assert!(messages.len() == 1 && messages[0].starts_with(expected), "{messages:?}");
        }
    }
}
