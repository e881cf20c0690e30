//! The models emitter spells each IR decision as Rust: these tests read the emitted code (formatted, and
//! parsed back with syn). That the code builds, is clippy-clean and round-trips the docs' examples is
//! checked on every fixture and corpus by `cargo xtask check-models`.

use std::collections::BTreeSet;
use std::path::Path;

use mdxgen_codegen::assemble::{self, ModelsOptions};
use mdxgen_codegen::models;
use mdxgen_ir::from_openapi;
use mdxgen_ir::typing::{TypeModel, TypingOptions};
use serde_json::{Value, json};

fn api(schemas: Value) -> mdxgen_ir::Api {
    let doc = json!({"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.2.3"}, "paths": {},
        "components": {"schemas": schemas}});
    from_openapi(&doc, Path::new("t.json")).0
}

fn models_rs(schemas: Value) -> String {
    let (model, _) = TypeModel::build(&api(schemas), &TypingOptions::default());
    models::models_module(&model).expect("emits")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_tri_state_field_is_a_patch_skipped_when_absent() {
    let code = squeeze(&models_rs(
        json!({"U": {"type": "object", "properties": {"nick": {"type": "string", "nullable": true}}}}),
    ));
    assert!(
        code.contains(
            r#"#[serde(default, skip_serializing_if = "support::Patch::is_absent")] pub nick: support::Patch<String>,"#
        ),
        "{code}"
    );
    assert!(code.contains("use super::support;"), "support types are named by path: {code}");
    for setter in [
        "pub fn with_nick(mut self, value: impl Into<String>) -> Self { self.nick = support::Patch::Value(value.into());",
        "pub fn with_nick_null(mut self) -> Self { self.nick = support::Patch::Null;",
    ] {
        assert!(code.contains(setter), "missing {setter:?} in {code}");
    }
    assert!(
        code.contains("#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)] pub struct U"),
        "{code}"
    );
}

#[test]
fn a_string_enum_has_an_unknown_variant_and_string_impls() {
    let code = squeeze(&models_rs(json!({"S": {"type": "string", "enum": ["a-b"]}})));
    for expected in [
        "pub enum S { /// `a-b` on the wire. AB,",
        "Unknown(support::Unlisted), }",
        r#"Self::AB => "a-b","#,
        "impl std::fmt::Display for S",
        r#"impl From<&str> for S { fn from(value: &str) -> Self { match value { "a-b" => Self::AB, other => Self::Unknown(support::Unlisted::new(other.to_owned())),"#,
        "impl std::str::FromStr for S { type Err = std::convert::Infallible; fn from_str(value: &str) -> Result<Self, Self::Err> { Ok(Self::from(value)) } }",
    ] {
        assert!(code.contains(expected), "missing {expected:?} in {code}");
    }
}

#[test]
fn a_discriminated_union_reads_the_tag_and_keeps_it_in_the_members() {
    let code = squeeze(&models_rs(json!({
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}}},
        "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
        "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}}})));
    assert!(code.contains(r#"Some("cat") => { serde_json::from_value(value) .map(Self::Cat)"#), "{code}");
    assert!(code.contains(r#"Self::Cat(inner) => (&["cat"], serde_json::to_value(inner)),"#), "{code}");
    assert!(
        code.contains(r#"if let (false, Some(tag)) = (kept, tags.first()) { object.insert("kind".to_owned(),"#),
        "the variant's tag replaces a member's own that is not one of its values: {code}"
    );
    assert!(code.contains("Unknown(serde_json::Value),"), "{code}");
    assert!(code.contains("impl From<Cat> for Pet { fn from(value: Cat) -> Self { Self::Cat(value) } }"), "{code}");
}

#[test]
fn a_union_converts_from_each_member_type_no_other_member_shares() {
    let code = squeeze(&models_rs(json!({
        "Id": {"anyOf": [{"type": "string"}, {"type": "string", "format": "uuid"}, {"$ref": "#/components/schemas/Name"}]},
        "Name": {"type": "string"},
        "Tree": {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
            {"$ref": "#/components/schemas/Tree"}]}})));
    assert!(code.contains("impl From<uuid::Uuid> for Id"), "{code}");
    assert!(!code.contains("impl From<String> for Id") && !code.contains("impl From<Name> for Id"), "{code}");
    assert!(code.contains("impl From<i64> for Tree") && code.contains("impl From<Vec<Tree>> for Tree"), "{code}");
    assert!(!code.contains("impl From<Tree> for Tree"), "{code}");
}

#[test]
fn cycles_are_boxed_and_keywords_renamed() {
    let code = squeeze(&models_rs(json!({"Node": {"type": "object", "properties": {
        "next": {"$ref": "#/components/schemas/Node"}, "type": {"type": "string"}, "a b": {"type": "string"}}}})));
    assert!(code.contains("pub next: Option<Box<Node>>,"), "{code}");
    assert!(code.contains("pub r#type: Option<String>,"), "serde strips `r#`, so no rename is needed: {code}");
    assert!(code.contains(r#"#[serde(rename = "a b")]"#), "{code}");
}

#[test]
fn the_crate_scaffolding_names_the_dependencies_the_models_use() {
    let api = api(json!({"T": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}}}));
    let (model, _) = TypeModel::build(&api, &TypingOptions::default());
    let files = assemble::crate_files(&api, &model, &ModelsOptions::default()).expect("emits");
    let cargo_toml = &files.iter().find(|f| f.path == "Cargo.toml").expect("Cargo.toml").contents;
    assert!(cargo_toml.contains("name = \"pets-api\"") && cargo_toml.contains("version = \"1.2.3\""), "{cargo_toml}");
    assert!(cargo_toml.contains("uuid = ") && !cargo_toml.contains("chrono") && !cargo_toml.contains("regress"));
}

#[test]
fn a_crate_name_that_is_not_a_package_name_is_refused() {
    let api = api(json!({}));
    let (model, _) = TypeModel::build(&api, &TypingOptions::default());
    for name in ["../x", "self", "", "a b"] {
        let options = ModelsOptions { crate_name: Some(name.to_owned()), templates: None };
        assert!(assemble::crate_files(&api, &model, &options).is_err(), "{name:?} was taken");
    }
}

/// Every name a hostile fixture gives is held as data: the emitted code parses, and its items and
/// functions are exactly the ones mdxgen writes, whatever the docs' text says.
#[test]
fn hostile_text_stays_data() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/hostile-names/openapi.json"),
    )
    .expect("the fixture is readable");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let (api, _) = from_openapi(&doc, Path::new("openapi.json"));
    let (model, _) = TypeModel::build(&api, &TypingOptions::default());
    let file: syn::File = syn::parse_str(&models::models_module(&model).expect("emits")).expect("the output parses");
    let mut functions = BTreeSet::new();
    for item in &file.items {
        match item {
            syn::Item::Use(_) | syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Type(_) => {}
            syn::Item::Impl(block) => {
                for inner in &block.items {
                    if let syn::ImplItem::Fn(function) = inner {
                        functions.insert(function.sig.ident.to_string());
                    }
                }
            }
            other => panic!("an item mdxgen does not write: {}", quote::quote!(#other)),
        }
        let attributes = match item {
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => continue,
        };
        for attribute in attributes {
            let path = attribute.path().get_ident().map(ToString::to_string).unwrap_or_default();
            assert!(["doc", "derive", "serde"].contains(&path.as_str()), "attribute {path} came from the docs");
        }
    }
    // Setters are named after the fields (`with_r_hash_type`), each a plain identifier.
    let setters: Vec<String> = functions.iter().filter(|f| f.starts_with("with_")).cloned().collect();
    assert!(setters.iter().all(|s| mdxgen_ir::typing::names::is_plain_identifier(s)), "{setters:?}");
    functions.retain(|f| !f.starts_with("with_"));
    let expected: BTreeSet<String> =
        ["as_str", "deserialize", "fmt", "from", "from_str", "new", "serialize", "validate", "validate_into"]
            .map(String::from)
            .into();
    assert_eq!(functions, expected);
    let lib_rs = assemble::crate_files(&api, &model, &ModelsOptions::default()).expect("emits");
    let lib_rs = &lib_rs.iter().find(|f| f.path == "src/lib.rs").expect("lib.rs").contents;
    let lib: syn::File = syn::parse_str(lib_rs).expect("lib.rs parses");
    assert_eq!(lib.items.len(), 2, "only `mod support` and `mod models`: {lib_rs}");
    assert!(lib.attrs.iter().all(|a| a.path().is_ident("doc")), "the title and description stay docs: {lib_rs}");
}

#[test]
fn constructors_take_the_required_fields_and_apply_the_defaults_that_fit() {
    let code = squeeze(&models_rs(json!({
        "On": {"type": "object", "required": ["on"], "properties": {"on": {"type": "boolean", "default": true},
            "n": {"type": "integer", "default": 86400}}},
        "Few": {"type": "object", "required": ["name", "note"], "properties": {"name": {"type": "string"},
            "note": {"type": "string", "nullable": true}, "kind": {"type": "string", "enum": ["a", "b"]}}},
        "Many": {"type": "object", "required": ["a", "b", "c", "d"], "properties": {"a": {"type": "string"},
            "b": {"type": "string"}, "c": {"type": "string"}, "d": {"type": "integer"}}}})));
    for expected in [
        "impl Default for On { /// Every optional field empty, and the defaults the docs state. fn default() -> Self { Self { on: true, n: None } } }",
        "/// Default: `86400`.",
        "pub fn new(name: impl Into<String>, note: Option<String>) -> Self { Self { name: name.into(), note, kind: None, } }",
        "pub fn with_kind(mut self, value: impl Into<FewKind>) -> Self { self.kind = Some(value.into()); self }",
        "pub struct ManyRequired { pub a: String, pub b: String, pub c: String, pub d: i64, }",
        "pub fn new(ManyRequired { a, b, c, d }: ManyRequired) -> Self { Self { a, b, c, d } }",
    ] {
        assert!(code.contains(expected), "missing {expected:?} in {code}");
    }
    assert!(!code.contains("Default, PartialEq, Serialize, Deserialize)] pub struct On"), "{code}");
}

#[test]
fn overrides_that_are_not_rust_are_errors_naming_their_path() {
    let api = api(json!({"User": {"type": "object", "properties": {"id": {"type": "integer"}}}}));
    let pair = |path: &str, text: &str| vec![(path.to_owned(), text.to_owned())];
    let cases = [
        (pair("User", "derive(Hash)"), Vec::new(), "`User` is not a Rust attribute"),
        (Vec::new(), pair("User.id", "Vec<"), "`User.id` is not a Rust type"),
    ];
    for (type_attributes, field_types, expected) in cases {
        let mut options = TypingOptions::default();
        options.overrides.type_attributes = type_attributes;
        options.overrides.field_types = field_types;
        let (model, _) = TypeModel::build(&api, &options);
        let error = models::models_module(&model).expect_err("refused");
        assert!(error.contains(expected), "{error}");
    }
}
