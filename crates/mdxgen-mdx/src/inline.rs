//! The inline component trees of plugin versions up to 4.1: `ParamsItem param={...}` for parameters,
//! `SchemaItem`s inside `MimeTabs` for bodies, status `TabItem`s in `ApiTabs` for responses, and
//! `ResponseSamples` for examples.
//!
//! The page is the plugin's rendering of the operation, so reading it back means undoing that rendering:
//! - request body: a root `<MimeTabs>` with a `TabItem label={media type}` per media type, each holding
//!   `<details>` with the summary (`Body`, ` array`, `required`), a `<div>` with the body's description and a
//!   `<ul>` with the schema's nodes (see [`schema`]);
//! - responses: `<ApiTabs>` with a `TabItem label={status}` each, holding a `<div>` with the description,
//!   `<details>` with the response headers, and a `<div>` with `<MimeTabs>`, a `TabItem` per media type and in
//!   it `<SchemaTabs>` whose `Schema` tab holds `<details>` and the `<ul>` of the schema's nodes;
//! - callbacks (`<OperationTabs>`) repeat these shapes and are not read as the operation's own.
//!
//! Where the tree cannot say something (a property's `readOnly` in a request, the title of a nested object,
//! the format of a type shown only by name) it is not made up. What cannot be read is reported as a warning
//! at its place.

mod schema;
mod text;

use serde_json::{Map, Value};

use crate::jsvalue;
use crate::jsx::{AttrValue, Element, Node, NodeId, Tree};
use crate::{Example, PageReader};

/// Reads the parameters, request body and responses of an inline tree into `operation`; returns the JSON
/// examples the tree shows.
pub(crate) fn read_into(
    tree: &Tree<'_>,
    body_start: usize,
    reader: &mut PageReader<'_>,
    operation: &mut Map<String, Value>,
) -> Vec<Example> {
    let mut cx = Cx { tree, reader, body_start };
    let parameters = cx.parameters();
    if !parameters.is_empty() {
        operation.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(body) = cx.request_body() {
        operation.insert("requestBody".into(), body);
    }
    if let Some(responses) = cx.responses() {
        operation.insert("responses".into(), Value::Object(responses));
    }
    response_samples(tree, body_start, cx.reader)
}

/// The schema a schema page of plugin versions up to 4.x renders as a root `<ul>`, and the `<ul>`'s offset
/// in the tree; `{}` when it shows `any` alone.
pub(crate) fn rendered_schema(
    tree: &Tree<'_>,
    body_start: usize,
    reader: &mut PageReader<'_>,
) -> Option<(Value, usize)> {
    let ul = tree.roots.iter().copied().find(|&id| tree.element(id).is_some_and(|e| tree.name(e) == "ul"))?;
    let offset = tree.element(ul).map_or(0, |e| e.start);
    let mut cx = Cx { tree, reader, body_start };
    let schema = cx.root_schema(ul).unwrap_or_else(|| Value::Object(Map::new()));
    Some((schema, body_start + offset))
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

/// The tree being read, the reader that collects diagnostics, and where the tree starts in the page.
struct Cx<'c, 'r> {
    tree: &'c Tree<'c>,
    reader: &'c mut PageReader<'r>,
    body_start: usize,
}

impl Cx<'_, '_> {
    fn parameters(&mut self) -> Vec<Value> {
        let items: Vec<NodeId> = self.named("ParamsItem").filter(|&id| !self.in_callback(id)).collect();
        let mut parameters = Vec::new();
        for id in items {
            match self.prop(id, "param") {
                Some(param @ Value::Object(_)) => parameters.push(param),
                Some(_) => self.warn(id, "`param` of `<ParamsItem>` is not an object: expected a parameter"),
                None => self.warn(id, "`<ParamsItem>` without a `param` prop: expected the parameter in it"),
            }
        }
        parameters
    }

    /// The root `<MimeTabs>` (the response ones sit inside `<ApiTabs>`).
    fn request_body(&mut self) -> Option<Value> {
        let tree = self.tree;
        let tabs = tree.roots.iter().copied().find(|&id| {
            tree.element(id).is_some_and(|e| tree.name(e) == "MimeTabs")
                && self.string_prop(id, "schemaType").is_none_or(|t| t != "response")
        })?;
        let mut content = Map::new();
        let (mut required, mut description) = (false, None);
        for tab in self.element_children(tabs) {
            let Some(media_type) = self.string_prop(tab, "label") else {
                self.warn(tab, "request body tab without a `label`: expected its media type");
                continue;
            };
            let Some(details) = self.child_named(tab, "details") else {
                self.warn(tab, format!("`{media_type}` tab without `<details>`: expected the body's schema in it"));
                continue;
            };
            let mut array = false;
            let mut media = Map::new();
            for child in self.element_children(details) {
                match tree.element(child).map(|e| tree.name(e)) {
                    Some("summary") => {
                        for part in self.descendants(child) {
                            if self.class(part).is_some_and(|c| c.contains("openapi-schema__required")) {
                                required = true;
                            }
                            let is_span = tree.element(part).is_some_and(|e| tree.name(e) == "span");
                            array |= is_span && tree.inner_source(part).trim() == "array";
                        }
                    }
                    Some("div") => {
                        if let Some(text) = self.element_children(child).first() {
                            description.get_or_insert_with(|| text::markdown(tree.inner_source(*text)));
                        }
                    }
                    Some("ul") => {
                        if let Some(schema) = self.root_schema(child) {
                            media.insert("schema".into(), schema);
                        }
                    }
                    _ => {}
                }
            }
            if array && let Some(Value::Object(schema)) = media.get_mut("schema") {
                schema.entry("type").or_insert_with(|| "array".into());
                schema.entry("items").or_insert_with(|| Value::Object(Map::new()));
            }
            content.insert(media_type, Value::Object(media));
        }
        if content.is_empty() {
            // The plugin leaves out the tabs of media types without a schema.
            self.warn(tabs, "the request body shows no media type: read as a body with no content");
        }
        let mut body = Map::new();
        if let Some(description) = description.filter(|d| !d.is_empty()) {
            body.insert("description".into(), Value::String(description));
        }
        body.insert("content".into(), Value::Object(content));
        if required {
            body.insert("required".into(), Value::Bool(true));
        }
        Some(Value::Object(body))
    }

    /// The schema of a body's `<ul>`; `None` when it shows `any` alone (a media type without a schema).
    fn root_schema(&mut self, ul: NodeId) -> Option<Value> {
        let ids = self.children(ul);
        let schema = self.schema(&ids, 0);
        let any_alone = ids.iter().all(|&id| match &self.tree.nodes[id] {
            Node::Text(r) => matches!(self.tree.slice(r).trim(), "" | "any"),
            Node::Element(_) => false,
        });
        (!any_alone).then_some(schema)
    }

    /// The operation's `<ApiTabs>`: a `TabItem` per status.
    fn responses(&mut self) -> Option<Map<String, Value>> {
        let tree = self.tree;
        let tabs = tree
            .walk()
            .find(|&id| tree.element(id).is_some_and(|e| tree.name(e) == "ApiTabs") && !self.in_callback(id))?;
        let mut responses = Map::new();
        for tab in self.element_children(tabs) {
            let Some(status) = self.string_prop(tab, "label") else {
                self.warn(tab, "response tab without a `label`: expected its status code");
                continue;
            };
            let (mut description, mut headers, mut content) = (None, Map::new(), None);
            for child in self.element_children(tab) {
                match tree.element(child).map(|e| tree.name(e)) {
                    Some("div") if description.is_none() => {
                        description = Some(text::markdown(tree.inner_source(child)));
                    }
                    Some("div") => {
                        if let Some(mime_tabs) = self.child_named(child, "MimeTabs") {
                            content = Some(self.response_content(mime_tabs));
                        }
                    }
                    Some("details") => headers.extend(self.headers(child)),
                    _ => {}
                }
            }
            let description = description.unwrap_or_else(|| {
                self.warn(tab, format!("response `{status}` without a description `<div>`"));
                String::new()
            });
            let mut response = Map::from_iter([("description".to_owned(), Value::String(description))]);
            if !headers.is_empty() {
                response.insert("headers".into(), Value::Object(headers));
            }
            if let Some(content) = content.filter(|c| !c.is_empty()) {
                response.insert("content".into(), Value::Object(content));
            }
            responses.insert(status, Value::Object(response));
        }
        Some(responses)
    }

    /// `<MimeTabs>` of a response: per media type, `<SchemaTabs>` whose `Schema` tab holds the schema.
    fn response_content(&mut self, mime_tabs: NodeId) -> Map<String, Value> {
        let mut content = Map::new();
        for tab in self.element_children(mime_tabs) {
            let Some(media_type) = self.string_prop(tab, "label") else {
                self.warn(tab, "response media type tab without a `label`: expected its media type");
                continue;
            };
            let mut media = Map::new();
            let schema_tab = self.child_named(tab, "SchemaTabs").and_then(|tabs| {
                self.element_children(tabs)
                    .into_iter()
                    .find(|&t| self.string_prop(t, "label").as_deref() == Some("Schema"))
            });
            let ul = schema_tab
                .and_then(|t| self.child_named(t, "details"))
                .and_then(|details| self.child_named(details, "ul"));
            if let Some(ul) = ul
                && let Some(schema) = self.root_schema(ul)
            {
                media.insert("schema".into(), schema);
            }
            content.insert(media_type, Value::Object(media));
        }
        content
    }

    /// `<details>` of response headers: `<li>` per header with its name, type and description.
    fn headers(&mut self, details: NodeId) -> Map<String, Value> {
        let tree = self.tree;
        let mut headers = Map::new();
        let Some(list) = self.child_named(details, "ul") else {
            return headers;
        };
        for item in self.element_children(list) {
            let Some(summary) = self.child_named(item, "summary") else {
                continue;
            };
            let parts = self.element_children(summary);
            let name = parts.first().map(|&p| tree.inner_source(p).trim().to_owned());
            let Some(name) = name.filter(|n| !n.is_empty()) else {
                self.warn(summary, "response header without a name: expected `<strong>` with it");
                continue;
            };
            let mut header = Map::new();
            let kind = parts.get(1).map(|&p| tree.inner_source(p).trim().to_owned());
            if let Some(description) = self
                .element_children(item)
                .into_iter()
                .filter(|&c| c != summary)
                .find_map(|c| self.element_children(c).first().copied())
            {
                // `Example: {example}` may open the text; example values are not read back from here.
                let text = text::markdown(tree.inner_source(description));
                let text = match text.strip_prefix("Example: ") {
                    Some(rest) => rest.split_once('\n').map_or("", |(_, after)| after).trim_start_matches('\n'),
                    None => &text,
                };
                if !text.is_empty() {
                    header.insert("description".into(), Value::String(text.to_owned()));
                }
            }
            if let Some(kind) = kind.filter(|k| k != "any" && !k.is_empty()) {
                header
                    .insert("schema".into(), Value::Object(Map::from_iter([("type".to_owned(), Value::String(kind))])));
            }
            headers.insert(name, Value::Object(header));
        }
        headers
    }

    /// Whether `id` sits in the callbacks' `<OperationTabs>`.
    fn in_callback(&self, id: NodeId) -> bool {
        self.tree.ancestors(id).any(|(_, e)| self.tree.name(e) == "OperationTabs")
    }

    fn named<'n>(&self, name: &'n str) -> impl Iterator<Item = NodeId> + use<'_, 'n> {
        let tree = self.tree;
        tree.walk().filter(move |&id| tree.element(id).is_some_and(|e| tree.name(e) == name))
    }

    fn warn(&mut self, id: NodeId, message: impl Into<String>) {
        let offset = match &self.tree.nodes[id] {
            Node::Element(e) => e.start,
            Node::Text(r) => r.start,
        };
        self.reader.warning(self.body_start + offset, "inline-tree", message);
    }

    fn prop(&mut self, id: NodeId, name: &str) -> Option<Value> {
        let element = self.tree.element(id)?;
        self.reader.prop(self.tree, element, name, self.body_start)
    }

    fn string_prop(&mut self, id: NodeId, name: &str) -> Option<String> {
        match self.prop(id, name)? {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// `className`, without reporting a malformed one (it only guides the reading).
    fn class(&self, id: NodeId) -> Option<String> {
        jsvalue::string_prop(self.tree, self.tree.element(id)?, "className")
    }

    /// The `style` object, empty when there is none.
    fn style(&self, id: NodeId) -> Map<String, Value> {
        let style = self.tree.element(id).and_then(|e| match self.tree.attr(e, "style")? {
            AttrValue::Expr(r) => jsvalue::parse(self.tree.slice(r)).ok().flatten(),
            _ => None,
        });
        match style {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }

    fn children(&self, id: NodeId) -> Vec<NodeId> {
        self.tree.element(id).map(|e| e.children.clone()).unwrap_or_default()
    }

    fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        let tree = self.tree;
        self.children(id).into_iter().filter(|&c| tree.element(c).is_some()).collect()
    }

    fn child_named(&self, id: NodeId, name: &str) -> Option<NodeId> {
        let tree = self.tree;
        self.children(id).into_iter().find(|&c| tree.element(c).is_some_and(|e| tree.name(e) == name))
    }

    /// The nodes under `id` in document order, without `id`.
    fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.children(id).into_iter().rev().collect();
        while let Some(next) = stack.pop() {
            out.push(next);
            stack.extend(self.children(next).into_iter().rev());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{Value, json};

    use crate::{FsSidecars, Page, ReadOptions, read_page};

    /// The operation read from `body` (the page after the frontmatter), with no diagnostics.
    fn operation(body: &str) -> serde_json::Map<String, Value> {
        let text = format!("<MethodEndpoint\n  method={{\"post\"}}\n  path={{\"/x\"}}\n>\n</MethodEndpoint>\n\n{body}");
        let result = read_page(Path::new("x.api.mdx"), &text, &ReadOptions::default(), &FsSidecars);
        assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
        match result.page {
            Some(Page::Operation(op)) => op.operation,
            other => panic!("expected an operation, got {other:?}"),
        }
    }

    /// The request body schema that the nodes `items` show, as the plugin writes a single-media-type body.
    fn body_schema(items: &str) -> Value {
        let page = format!(
            r#"<MimeTabs
  className={{"openapi-tabs__mime"}}
>
  <TabItem
    label={{"application/json"}}
    value={{"application/json-schema"}}
  >
    <details
      style={{{{}}}}
      className={{"openapi-markdown__details mime"}}
      data-collapsed={{false}}
      open={{true}}
    >
      <summary
        style={{{{}}}}
        className={{"openapi-markdown__details-summary-mime"}}
      >
        <h3
          className={{"openapi-markdown__details-summary-header-body"}}
        >
          Body
        </h3>
      </summary><div
        style={{{{"textAlign":"left","marginLeft":"1rem"}}}}
      >
        
      </div><ul
        style={{{{"marginLeft":"1rem"}}}}
      >
{items}
      </ul>
    </details>
  </TabItem>
</MimeTabs>"#
        );
        operation(&page)["requestBody"]["content"]["application/json"]["schema"].clone()
    }

    fn leaf(name: &str, required: bool, schema: &str) -> String {
        format!(
            "<SchemaItem\n  collapsible={{false}}\n  name={{{name:?}}}\n  required={{{required}}}\n  schemaName={{\"x\"}}\n  \
             qualifierMessage={{undefined}}\n  schema={{{schema}}}\n>\n  \n</SchemaItem>"
        )
    }

    /// A collapsible property as plugin 4.0 writes it; `markers` are the class suffixes after the divider.
    fn nested(name: &str, label: &str, markers: &[&str], description: Option<&str>, children: &str) -> String {
        let markers: String = markers
            .iter()
            .map(|m| format!("<span\n              className={{\"openapi-schema__{m}\"}}\n            >\n              {m}\n            </span>"))
            .collect();
        let description = description.map_or(String::new(), |d| {
            format!(
                "<div\n            style={{{{\"marginTop\":\".5rem\",\"marginBottom\":\".5rem\"}}}}\n          >\n            \n            \n            {d}\n            \n            \n          </div>"
            )
        });
        format!(
            r#"<SchemaItem
  collapsible={{true}}
  className={{"schemaItem"}}
>
  <details
    style={{{{}}}}
    className={{"openapi-markdown__details"}}
  >
    <summary
      style={{{{}}}}
    >
      <span
        className={{"openapi-schema__container"}}
      >
        <strong
          className={{"openapi-schema__property"}}
        >
          {name}
        </strong><span
          className={{"openapi-schema__name"}}
        >
           {label}
        </span>{markers}
      </span>
    </summary><div
      style={{{{"marginLeft":"1rem"}}}}
    >
      {description}{children}
    </div>
  </details>
</SchemaItem>"#
        )
    }

    const OPEN: &str = "<li>\n  <div\n    style={{\"opacity\":\"0.6\"}}\n  >\n    Array [\n  </div>\n</li>";
    const CLOSE: &str = "<li>\n  <div\n    style={{\"opacity\":\"0.6\"}}\n  >\n    ]\n  </div>\n</li>";

    #[test]
    fn reads_a_nested_object_with_its_markers_and_description() {
        let children =
            [leaf("pk", true, r#"{"type":"integer","readOnly":true}"#), leaf("name", false, r#"{"type":"string"}"#)];
        let items = nested(
            "user",
            "object",
            &["divider", "nullable", "required"],
            Some("A `user` \\{id\\}"),
            &children.concat(),
        );
        let schema = body_schema(&format!("{}{items}", leaf("id", true, r#"{"type":"string","format":"uuid"}"#)));
        assert_eq!(
            schema,
            json!({
                "type": "object",
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "user": {
                        "type": "object",
                        "properties": {"pk": {"type": "integer", "readOnly": true}, "name": {"type": "string"}},
                        "required": ["pk"],
                        "nullable": true,
                        "description": "A `user` {id}"
                    }
                },
                "required": ["id", "user"]
            })
        );
    }

    #[test]
    fn reads_an_array_of_objects_between_its_brackets() {
        let children = format!("{OPEN}{}{CLOSE}", leaf("name", true, r#"{"type":"string","maxLength":5}"#));
        let schema = body_schema(&nested("groups", "object[]", &[], None, &children));
        assert_eq!(
            schema["properties"]["groups"],
            json!({
                "type": "array",
                "items": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 5}}, "required": ["name"]}
            })
        );
        assert!(schema.get("required").is_none());
    }

    #[test]
    fn qualifier_of_a_nested_array_gives_its_item_bounds() {
        let message = "<div\n  style={{\"marginTop\":\".5rem\",\"marginBottom\":\".5rem\"}}\n>\n  \n  \n  **Possible values:** `>= 1`, `<= 3`\n  \n  \n</div>";
        let description = message.replace("**Possible values:** `>= 1`, `<= 3`", "Up to three.");
        let children = format!("{message}{description}{OPEN}{}{CLOSE}", leaf("a", false, r#"{"type":"string"}"#));
        let schema = body_schema(&nested("list", "object[]", &[], None, &children));
        let list = &schema["properties"]["list"];
        assert_eq!(
            (&list["minItems"], &list["maxItems"], &list["description"]),
            (&json!(1), &json!(3), &json!("Up to three."))
        );
    }

    #[test]
    fn reads_an_enum_leaf_as_its_whole_schema() {
        let schema = body_schema(&leaf(
            "intent",
            true,
            r#"{"enum":["verification","api"],"type":"string","title":"IntentEnum","nullable":true}"#,
        ));
        assert_eq!(
            schema,
            json!({
                "type": "object",
                "properties": {"intent": {"enum": ["verification", "api"], "type": "string", "title": "IntentEnum", "nullable": true}},
                "required": ["intent"]
            })
        );
    }

    #[test]
    fn reads_additional_properties_in_each_form() {
        // Free-form: the item shows the object that holds `additionalProperties`.
        let free = "<SchemaItem\n  name={\"property name*\"}\n  required={false}\n  schemaName={\"any\"}\n  \
                    qualifierMessage={undefined}\n  schema={{\"type\":\"object\",\"additionalProperties\":{}}}\n  \
                    collapsible={false}\n  discriminator={false}\n>\n</SchemaItem>";
        let schema = body_schema(&nested("attributes", "object", &[], None, free));
        assert_eq!(schema["properties"]["attributes"], json!({"type": "object", "additionalProperties": {}}));

        let primitive = "<SchemaItem\n  name={\"property name*\"}\n  required={false}\n  schemaName={\"string\"}\n  \
                         qualifierMessage={undefined}\n  schema={{\"type\":\"string\"}}\n  collapsible={false}\n  \
                         discriminator={false}\n>\n</SchemaItem>";
        let schema = body_schema(&nested("labels", "object", &["divider", "nullable"], None, primitive));
        assert_eq!(
            schema["properties"]["labels"],
            json!({"type": "object", "additionalProperties": {"type": "string"}, "nullable": true})
        );

        let inner = format!("{OPEN}{}{CLOSE}", leaf("text", false, r#"{"type":"string"}"#));
        let complex = nested("property name*", "object[]", &[], None, &inner);
        let schema = body_schema(&nested("errors", "object", &[], None, &complex));
        assert_eq!(
            schema["properties"]["errors"],
            json!({
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {"text": {"type": "string"}}}}
            })
        );
    }

    #[test]
    fn reads_one_of_members_from_their_tabs() {
        let tab = |label: &str, index: usize, content: &str| {
            format!(
                "<TabItem\n  label={{{label:?}}}\n  value={{\"{index}-item-properties\"}}\n>\n{content}\n</TabItem>"
            )
        };
        let summary = "<div\n  style={{\"marginTop\":\".5rem\",\"marginBottom\":\".5rem\"}}\n  className={\"openapi-schema__summary\"}\n>\n  \n  \n  A cat.\n  \n  \n</div>";
        let typed = "<div\n  style={{\"marginTop\":\".5rem\",\"marginBottom\":\".5rem\"}}\n>\n  \n  \n  integer\n  \n  \n  <div\n    style={{\"paddingTop\":\"1rem\"}}\n  >\n    \n    \n    **Possible values:** `>= 1`\n    \n    \n  </div>\n</div>";
        let tabs = [
            tab("Cat", 0, &format!("{summary}{}", leaf("hunts", true, r#"{"type":"boolean"}"#))),
            tab("MOD2", 1, typed),
        ];
        let block = format!(
            "<div>\n  <span\n    className={{\"badge badge--info\"}}\n  >\n    oneOf\n  </span><SchemaTabs>\n{}\n</SchemaTabs>\n</div>",
            tabs.concat()
        );
        let schema = body_schema(&nested("pet", "object", &["divider", "required"], None, &block));
        assert_eq!(
            schema,
            json!({
                "type": "object",
                "properties": {"pet": {"oneOf": [
                    {"type": "object", "properties": {"hunts": {"type": "boolean"}}, "required": ["hunts"], "title": "Cat", "description": "A cat."},
                    {"type": "integer", "minimum": 1}
                ]}},
                "required": ["pet"]
            })
        );
    }

    #[test]
    fn reads_arrays_of_arrays_shown_keyword_by_keyword() {
        let inner = format!("{OPEN}{}{CLOSE}", leaf("name", false, r#"{"type":"string"}"#));
        let items = [leaf("type", false, r#""array""#), nested("items", "object[]", &[], None, &inner)];
        let schema = body_schema(&nested("matrix", "array[]", &[], None, &format!("{OPEN}{}{CLOSE}", items.concat())));
        assert_eq!(
            schema["properties"]["matrix"],
            json!({
                "type": "array",
                "items": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}
                }
            })
        );
    }

    #[test]
    fn reads_plugin_3_summaries() {
        let v3 = "<SchemaItem\n  collapsible={true}\n  className={\"schemaItem\"}\n>\n  <details\n    style={{}}\n  >\n    \
                  <summary\n      style={{}}\n    >\n      <strong>\n        array<object>\n      </strong><span\n        \
                  style={{\"opacity\":\"0.6\"}}\n      >\n         Thing\n      </span><strong\n        \
                  style={{\"color\":\"var(--openapi-required)\"}}\n      >\n         required\n      </strong>\n    \
                  </summary><div\n      style={{\"marginLeft\":\"1rem\"}}\n    >\n    </div>\n  </details>\n</SchemaItem>";
        let schema = body_schema(v3);
        assert_eq!(
            schema,
            json!({"type": "object", "properties": {"array<object>": {"title": "Thing"}}, "required": ["array<object>"]})
        );
    }

    #[test]
    fn reads_responses_with_descriptions_headers_and_a_root_array() {
        let page = r#"<div>
  <div>
    <ApiTabs
      label={undefined}
      id={undefined}
    >
      <TabItem
        label={"200"}
        value={"200"}
      >
        <div>
          
          
          Line one
            indented &gt; two
          
          
        </div><details
          className={"openapi-markdown__details"}
        >
          <summary
            style={{}}
          >
            <strong>
              Response Headers
            </strong>
          </summary><ul
            style={{"marginLeft":"1rem"}}
          >
            <li
              className={"schemaItem"}
            >
              <summary
                style={{}}
              >
                <strong>
                  X-Rate-Limit
                </strong><span
                  style={{"opacity":"0.6"}}
                >
                   integer
                </span>
              </summary><div>
                <div
                  style={{"marginTop":".5rem","marginBottom":".5rem"}}
                >
                  Example: 10
                  
                  calls per hour
                  
                  
                </div>
              </div>
            </li>
          </ul>
        </details><div>
          <MimeTabs
            className={"openapi-tabs__mime"}
            schemaType={"response"}
          >
            <TabItem
              label={"application/json"}
              value={"application/json"}
            >
              <SchemaTabs
                className={"openapi-tabs__schema"}
              >
                <TabItem
                  label={"Schema"}
                  value={"Schema"}
                >
                  <details
                    className={"openapi-markdown__details response"}
                  >
                    <summary
                      style={{}}
                    >
                      <strong>
                        Schema
                      </strong>
                    </summary><div
                      style={{"textAlign":"left","marginLeft":"1rem"}}
                    >
                      
                    </div><ul
                      style={{"marginLeft":"1rem"}}
                    >
                      <li>
                        <div>
                          Array [
                        </div>
                      </li><div
                        style={{"marginTop":".5rem","marginBottom":".5rem"}}
                      >
                        
                        
                        string
                        
                        
                      </div><li>
                        <div>
                          ]
                        </div>
                      </li>
                    </ul>
                  </details>
                </TabItem>
              </SchemaTabs>
            </TabItem>
          </MimeTabs>
        </div>
      </TabItem><TabItem
        label={"204"}
        value={"204"}
      >
        <div>
          
          
          
          
          
        </div><div>
          
        </div>
      </TabItem>
    </ApiTabs>
  </div>
</div>"#;
        assert_eq!(
            operation(page)["responses"],
            json!({
                "200": {
                    "description": "Line one\n  indented > two",
                    "headers": {"X-Rate-Limit": {"description": "calls per hour", "schema": {"type": "integer"}}},
                    "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}
                },
                "204": {"description": ""}
            })
        );
    }

    #[test]
    fn unreadable_parts_are_warnings_not_panics() {
        let text = "<MethodEndpoint\n  method={\"get\"}\n  path={\"/x\"}\n>\n</MethodEndpoint>\n\n<MimeTabs>\n  <TabItem\n    \
                    label={\"application/json\"}\n  >\n    <details>\n      <ul>\n        <SchemaItem\n          \
                    collapsible={true}\n        >\n        </SchemaItem><li>\n          Array [\n        </li><blink>\n        \
                    </blink>\n      </ul>\n    </details>\n  </TabItem>\n</MimeTabs>";
        let result = read_page(Path::new("x.api.mdx"), text, &ReadOptions::default(), &FsSidecars);
        assert!(matches!(result.page, Some(Page::Operation(_))));
        let codes: Vec<String> = result.diagnostics.iter().map(ToString::to_string).collect();
        assert!(codes.iter().all(|d| d.contains("warning[inline-tree]")), "{codes:?}");
        assert_eq!(codes.len(), 3, "{codes:?}");
    }
}
