//! One test per type rule of the models: each builds a small API and reads the decision off the type model.

use std::path::Path;

use mdxgen_ir::from_openapi;
use mdxgen_ir::typing::{
    Construction, DefaultValue, Field, Fit, Init, Presence, Primitive, StringEnum, Struct, Tagging, TypeDef, TypeKind,
    TypeModel, TypeRef, TypingOptions, Union,
};
use serde_json::{Value, json};

fn model_with(schemas: Value, paths: Value, options: &TypingOptions) -> (TypeModel, Vec<String>) {
    let doc = json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths,
        "components": {"schemas": schemas}});
    let (api, diagnostics) = from_openapi(&doc, Path::new("t.json"));
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let (model, warnings) = TypeModel::build(&api, options);
    (model, warnings.into_iter().map(|w| w.message).collect())
}

fn model(schemas: Value) -> TypeModel {
    model_with(schemas, json!({}), &TypingOptions::default()).0
}

fn named<'m>(model: &'m TypeModel, schema: &str) -> &'m TypeDef {
    model.get_type(model.named(schema).unwrap_or_else(|| panic!("{schema} has a type")))
}

fn fields(def: &TypeDef) -> &[Field] {
    match &def.kind {
        TypeKind::Struct(Struct { fields, .. }) => fields,
        other => panic!("{} is not a struct: {other:?}", def.name),
    }
}

fn field<'m>(def: &'m TypeDef, wire: &str) -> &'m Field {
    fields(def).iter().find(|f| f.wire == wire).unwrap_or_else(|| panic!("{} has no field {wire}", def.name))
}

#[test]
fn optional_and_nullable_fields_get_the_presence_that_keeps_absent_and_null_apart() {
    let model = model(json!({"Update": {"type": "object", "required": ["a", "b"], "properties": {
        "a": {"type": "string"}, "b": {"type": "string", "nullable": true},
        "c": {"type": "string"}, "d": {"type": ["string", "null"]}}}}));
    let update = named(&model, "Update");
    let presence: Vec<Presence> = fields(update).iter().map(|f| f.presence).collect();
    assert_eq!(presence, [Presence::Required, Presence::RequiredNullable, Presence::Optional, Presence::Tristate]);
    assert!(model.needs().patch, "the tri-state type is emitted only when used");
}

#[test]
fn any_value_fields_keep_a_sent_null() {
    let model = model(json!({"Bag": {"type": "object", "required": ["a", "b"], "properties": {
        "a": {}, "b": {"nullable": true}, "c": {}}}}));
    let presence: Vec<Presence> = fields(named(&model, "Bag")).iter().map(|f| f.presence).collect();
    assert_eq!(presence, [Presence::Required, Presence::Required, Presence::Tristate]);
}

#[test]
fn untagged_members_say_when_a_value_fits_them_exactly() {
    let model = model(json!({"Shape": {"oneOf": [
        {"type": "object", "properties": {"a": {"type": "string"}}},
        {"type": "string", "enum": ["red"]},
        {"type": "integer"}]}}));
    let TypeKind::Union(union) = &named(&model, "Shape").kind else { panic!("a union") };
    let fits: Vec<&Fit> = union.variants.iter().map(|v| &v.fit).collect();
    assert_eq!(fits, [&Fit::Keys(vec!["a".into()]), &Fit::Listed(vec!["red".into()]), &Fit::Exact]);
}

#[test]
fn string_enums_keep_wire_values_and_fall_back_to_unknown() {
    let schemas =
        json!({"Status": {"type": "string", "enum": ["in-progress", "in_progress", "unknown", "", "+1", "-1"]}});
    let (with_fallback, _) = model_with(schemas.clone(), json!({}), &TypingOptions::default());
    let TypeKind::StringEnum(StringEnum { variants, fallback }) = &named(&with_fallback, "Status").kind else {
        panic!("an enum")
    };
    let names: Vec<(&str, &str)> = variants.iter().map(|v| (v.name.as_str(), v.wire.as_str())).collect();
    assert_eq!(
        names,
        [
            ("InProgress", "in-progress"),
            ("InProgress2", "in_progress"),
            ("Unknown2", "unknown"),
            ("Empty", ""),
            ("Plus1", "+1"),
            ("Minus1", "-1")
        ]
    );
    assert_eq!(fallback.as_deref(), Some("Unknown"));
    let options = TypingOptions { unknown_variants: false, ..TypingOptions::default() };
    let (strict, _) = model_with(schemas, json!({}), &options);
    let TypeKind::StringEnum(StringEnum { fallback, .. }) = &named(&strict, "Status").kind else { panic!("an enum") };
    assert_eq!(*fallback, None);
}

#[test]
fn a_discriminator_makes_an_internally_tagged_union_with_its_mapping() {
    let model = model(json!({
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "kitten": "#/components/schemas/Cat"}}},
        "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
        "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}},
        "Loose": {"anyOf": [{"type": "integer"}, {"type": "number"}, {"type": "string"}]}}));
    let TypeKind::Union(Union { tagging, variants, fallback }) = &named(&model, "Pet").kind else { panic!("a union") };
    assert_eq!(*tagging, Tagging::Internal { property: "kind".into() });
    let tags: Vec<(&str, Vec<String>)> = variants.iter().map(|v| (v.name.as_str(), v.tags.clone())).collect();
    assert_eq!(tags, [("Cat", vec!["cat".to_owned(), "kitten".to_owned()]), ("Dog", vec!["Dog".to_owned()])]);
    assert_eq!(fallback.as_deref(), Some("Unknown"));
    let TypeKind::Union(loose) = &named(&model, "Loose").kind else { panic!("a union") };
    assert_eq!(loose.tagging, Tagging::Untagged);
    let order: Vec<&str> = loose.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(order, ["Integer", "String", "Number"], "integers are tried before floats take them");
}

#[test]
fn a_discriminator_that_cannot_tell_members_apart_reads_untagged_with_a_warning() {
    let (model, warnings) = model_with(
        json!({"Shape": {"oneOf": [{"type": "string"}, {"type": "integer"}], "discriminator": {"propertyName": "kind"}}}),
        json!({}),
        &TypingOptions::default(),
    );
    let TypeKind::Union(union) = &named(&model, "Shape").kind else { panic!("a union") };
    assert_eq!(union.tagging, Tagging::Untagged);
    assert!(warnings.iter().any(|w| w.contains("discriminator `kind`")), "{warnings:?}");
}

#[test]
fn only_cycles_are_boxed_and_recursive_aliases_become_newtypes() {
    let model = model(json!({
        "Node": {"type": "object", "required": ["next"], "properties": {
            "next": {"$ref": "#/components/schemas/Node"},
            "parent": {"$ref": "#/components/schemas/Node"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            "leaf": {"$ref": "#/components/schemas/Leaf"}}},
        "Leaf": {"type": "object", "properties": {"v": {"type": "string"}}},
        "Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}));
    let node = named(&model, "Node");
    let node_id = model.named("Node").expect("Node");
    let boxed = TypeRef::Boxed(Box::new(TypeRef::Named(node_id)));
    assert_eq!(field(node, "next").ty, boxed);
    assert_eq!(field(node, "parent").ty, boxed, "Option does not break a cycle");
    assert_eq!(field(node, "children").ty, TypeRef::Vec(Box::new(TypeRef::Named(node_id))), "Vec does");
    assert!(matches!(field(node, "leaf").ty, TypeRef::Named(_)), "no cycle, no box");
    assert!(matches!(named(&model, "Tree").kind, TypeKind::Newtype(_)), "`type Tree = Vec<Tree>` cannot compile");
}

#[test]
fn keywords_and_non_identifiers_are_escaped_and_keep_their_wire_names() {
    let model = model(json!({"self": {"type": "object", "properties": {
        "type": {"type": "string"}, "self": {"type": "string"}, "crate": {"type": "string"}, "1st": {"type": "string"},
        "": {"type": "string"}, "fooBar": {"type": "string"}, "foo_bar": {"type": "string"}}}}));
    let def = named(&model, "self");
    assert_eq!(def.name, "SelfModel");
    let names: Vec<(&str, &str)> = fields(def).iter().map(|f| (f.name.as_str(), f.wire.as_str())).collect();
    assert_eq!(
        names,
        [
            ("r#type", "type"),
            ("self_", "self"),
            ("crate_", "crate"),
            ("_1st", "1st"),
            ("field", ""),
            ("foo_bar", "fooBar"),
            ("foo_bar_2", "foo_bar")
        ]
    );
}

#[test]
fn type_names_that_collide_after_case_conversion_are_told_apart_in_sorted_order() {
    let model = model(json!({"error_VERSION_EMPTY": {"type": "object", "properties": {"a": {"type": "string"}}},
        "ErrorVersionEmpty": {"type": "object", "properties": {"b": {"type": "string"}}}}));
    assert_eq!(named(&model, "ErrorVersionEmpty").name, "ErrorVersionEmpty");
    assert_eq!(named(&model, "error_VERSION_EMPTY").name, "ErrorVersionEmpty2");
}

#[test]
fn anonymous_objects_are_named_after_their_place() {
    let model = model(json!({"Token": {"type": "object", "properties": {
        "user_obj": {"type": "object", "properties": {"roles": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}}}}}},
        "state": {"type": "string", "enum": ["a"]}}}}));
    let names: Vec<&str> = model.iter_types().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Token", "TokenState", "TokenUserObj", "TokenUserObjRolesItem"]);
}

#[test]
fn all_of_merges_objects_and_a_single_member_is_that_member() {
    let model = model(json!({
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}}},
        "Cat": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"meow": {"type": "boolean"}}}]},
        "Wrapped": {"type": "object", "properties": {"base": {"allOf": [{"$ref": "#/components/schemas/Base"}], "nullable": true, "description": "d"}}},
        "Single": {"oneOf": [{"type": "object", "properties": {"x": {"type": "string"}}}, {"type": "null"}]}}));
    assert_eq!(fields(named(&model, "Single"))[0].wire, "x", "a one-member union is its member");
    let cat = named(&model, "Cat");
    let wires: Vec<&str> = fields(cat).iter().map(|f| f.wire.as_str()).collect();
    assert_eq!(wires, ["id", "meow"]);
    assert_eq!(field(cat, "id").ty, TypeRef::Primitive(Primitive::Uuid));
    let base = field(named(&model, "Wrapped"), "base");
    assert_eq!(base.ty, TypeRef::Named(model.named("Base").expect("Base")));
    assert_eq!(base.presence, Presence::Tristate);
}

#[test]
fn a_property_all_of_members_declare_twice_is_typed_by_the_narrower_declaration() {
    let model = model(json!({
        "Wrapper": {"type": "object", "properties": {
            "data": {"description": "Any objects.", "type": "array", "items": {"type": "object"}},
            "links": {"type": "object", "readOnly": true},
            "count": {"type": "integer", "format": "int32"}}},
        "Item": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Page": {"allOf": [
            {"$ref": "#/components/schemas/Wrapper"},
            {"properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
            {"properties": {"count": {"type": "integer"}, "links": {"$ref": "#/components/schemas/Item"}}}]}}));
    let page = named(&model, "Page");
    let item = TypeRef::Named(model.named("Item").expect("Item"));
    let data = field(page, "data");
    assert_eq!(data.ty, TypeRef::Vec(Box::new(item.clone())), "the members' items, not the wrapper's objects");
    assert_eq!(data.docs, [" Any objects."], "the docs of the declaration that has them");
    let links = field(page, "links");
    assert_eq!(links.ty, item);
    assert!(links.read_only, "readOnly from any declaration");
    assert_eq!(
        field(page, "count").ty,
        TypeRef::Primitive(Primitive::I32),
        "the first among equals, or the more refined"
    );
}

#[test]
fn members_that_only_require_properties_are_rules_of_the_object() {
    let model = model_with(
        json!({"Doc": {"type": "object", "additionalProperties": true,
            "properties": {"title": {"type": "string"}, "category": {"type": "string"}, "categorySlug": {"type": "string"}},
            "oneOf": [{"required": ["title", "category"], "title": "`category` Parameter"},
                      {"required": ["title", "categorySlug"], "title": "`categorySlug` Parameter"}]},
            "AnyTag": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            "anyOf": [{"required": ["a"]}, {"required": ["a", "b"]}]}}),
        json!({"/docs": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Doc"}}}},
            "responses": {"200": {"description": "ok"}}}}}),
        &TypingOptions::default(),
    )
    .0;
    let doc = named(&model, "Doc");
    assert_eq!(field(doc, "title").presence, Presence::Required, "every member requires it");
    assert_eq!(field(doc, "category").presence, Presence::Optional);
    let TypeKind::Struct(s) = &doc.kind else { panic!("{:?}", doc.kind) };
    let rule = s.required_alternatives.as_ref().expect("the rest is checked by validate()");
    let wires: Vec<Vec<&str>> =
        rule.alternatives.iter().map(|set| set.iter().map(|i| s.fields[*i].wire.as_str()).collect()).collect();
    assert_eq!((rule.exactly_one, wires), (true, vec![vec!["category"], vec!["categorySlug"]]));
    assert!(doc.validated, "a request body with a rule has a validate()");
    let id = model.named("Doc").expect("Doc");
    let sample = mdxgen_ir::typing::samples::sample(&model, &TypeRef::Named(id), &Default::default());
    assert_eq!(sample, json!({"title": "string", "category": "string"}), "the first alternative held");
    let TypeKind::Struct(any) = &named(&model, "AnyTag").kind else { panic!("a struct") };
    assert_eq!(any.required_alternatives, None, "`a` alone meets the anyOf once `a` is required");
}

#[test]
fn an_inline_union_among_union_members_is_spliced_in() {
    let model = model(json!({
        "Flat": {"type": "object", "properties": {"s": {"type": "string"}}},
        "Everything": {"type": "object", "properties": {"list": {"type": "array", "items": {"type": "string"}}}},
        "Multi": {"oneOf": [
            {"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object", "properties": {"flat": {"$ref": "#/components/schemas/Flat"}}}]},
            {"$ref": "#/components/schemas/Flat"},
            {"$ref": "#/components/schemas/Everything"}]}}));
    let TypeKind::Union(u) = &named(&model, "Multi").kind else { panic!("a union") };
    let fits: Vec<&Fit> = u.variants.iter().map(|v| &v.fit).collect();
    assert_eq!(u.variants.len(), 4, "the nested union's two members, then Flat and Everything: {fits:?}");
    assert_eq!(u.variants[3].fit, Fit::Keys(vec!["list".into()]), "`{{\"list\": []}}` reaches Everything");
}

#[test]
fn formats_choose_the_rust_type() {
    let model = model(json!({"F": {"type": "object", "properties": {
        "a": {"type": "string", "format": "uuid"}, "b": {"type": "string", "format": "date-time"},
        "c": {"type": "string", "format": "date"}, "d": {"type": "string", "format": "binary"},
        "e": {"type": "string", "format": "ipv4"}, "f": {"type": "integer", "format": "int32"},
        "g": {"type": "integer"}, "h": {"type": "number", "format": "float"}, "i": {},
        "j": {"type": "object", "additionalProperties": {"type": "integer"}}}}}));
    let types: Vec<TypeRef> = fields(named(&model, "F")).iter().map(|f| f.ty.clone()).collect();
    use Primitive::*;
    let p = TypeRef::Primitive;
    assert_eq!(
        types,
        [
            p(Uuid),
            p(DateTime),
            p(Date),
            p(Bytes),
            p(Ipv4),
            p(I32),
            p(I64),
            p(F32),
            TypeRef::Any,
            TypeRef::Map(Box::new(p(I64)))
        ]
    );
}

#[test]
fn what_rust_cannot_say_degrades_to_any_value_with_a_warning() {
    let (model, warnings) = model_with(
        json!({"N": {"type": "object", "properties": {"x": {"not": {"type": "string"}}}}}),
        json!({}),
        &TypingOptions::default(),
    );
    assert_eq!(field(named(&model, "N"), "x").ty, TypeRef::Any);
    assert!(warnings.iter().any(|w| w.contains("`not`")), "{warnings:?}");
}

#[test]
fn required_fields_one_direction_never_carries_are_optional_there() {
    let schemas = json!({"Card": {"type": "object", "required": ["cvc", "id"], "properties": {
        "cvc": {"type": "string", "writeOnly": true}, "id": {"type": "string", "readOnly": true}}}});
    let request = json!({"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Card"}}}});
    let response = json!({"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Card"}}}}});
    let only_read = json!({"/c": {"get": {"operationId": "get", "responses": response}}});
    let (model, _) = model_with(schemas.clone(), only_read, &TypingOptions::default());
    let card = named(&model, "Card");
    assert_eq!((field(card, "cvc").presence, field(card, "id").presence), (Presence::Optional, Presence::Required));
    let both = json!({"/c": {"post": {"operationId": "post", "requestBody": request, "responses": response}}});
    let (model, _) = model_with(schemas, both, &TypingOptions::default());
    let card = named(&model, "Card");
    assert_eq!((field(card, "cvc").presence, field(card, "id").presence), (Presence::Optional, Presence::Optional));
}

#[test]
fn request_types_with_constraints_are_validated_and_bodies_are_typed_per_operation() {
    let paths = json!({"/u": {"post": {"operationId": "create_user",
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "name": {"type": "string", "minLength": 1, "pattern": "^[a-z]+$"}}}}}},
        "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}}}}}}});
    let (model, _) = model_with(json!({}), paths, &TypingOptions::default());
    let op = model.operation("create_user").expect("typed");
    let TypeRef::Named(request) = op.request[0].ty else { panic!("a named request type") };
    let TypeRef::Named(response) = op.responses[0].ty else { panic!("a named response type") };
    assert_eq!(
        (model.get_type(request).name.as_str(), model.get_type(response).name.as_str()),
        ("CreateUserRequest", "CreateUserResponse")
    );
    assert!(model.get_type(request).validated && !model.get_type(response).validated);
    assert!(model.needs().regex && model.needs().validation);
}

#[test]
fn a_body_shown_as_json_and_as_xml_is_one_type_unless_more_than_its_xml_hints_differ() {
    let list = |xml: Option<&Value>, item: &str| {
        let mut schema = json!({"type": "object", "properties": {
            "data": {"type": "array", "items": {"type": "object", "properties": {item: {"type": "string"}}}},
            "xml": {"type": "string"}}});
        if let Some(xml) = xml {
            schema["properties"]["data"]["xml"] = xml.clone();
        }
        schema
    };
    let wrapped = json!({"name": "bookings", "wrapped": true});
    let responses = |xml_item: &str| {
        json!({"200": {"description": "ok", "content": {
            "application/json": {"schema": list(None, "id")},
            "application/xml": {"schema": list(Some(&wrapped), xml_item)}}}})
    };
    let paths = json!({"/a": {"get": {"operationId": "same", "responses": responses("id")}},
        "/b": {"get": {"operationId": "other", "responses": responses("code")}}});
    let (model, _) = model_with(json!({}), paths, &TypingOptions::default());
    let types = |id: &str| -> Vec<TypeRef> {
        model.operation(id).expect("typed").responses.iter().map(|r| r.ty.clone()).collect()
    };
    let same = types("same");
    assert_eq!(same[0], same[1], "only the xml hints differ");
    let other = types("other");
    assert_ne!(other[0], other[1], "the XML items have another property");
}

#[test]
fn an_inline_enum_parameter_takes_the_component_enum_named_after_it_with_the_same_values() {
    let schemas = json!({
        "PolicyEngineMode": {"enum": ["all", "any"], "type": "string"},
        "UserVerificationEnum": {"enum": ["required", "preferred", "discouraged"], "type": "string"},
        "ResidentKeyRequirementEnum": {"enum": ["discouraged", "preferred", "required"], "type": "string"}});
    let param = |name: &str, schema: Value| json!({"name": name, "in": "query", "schema": schema});
    let paths = json!({"/s": {"get": {"operationId": "stages_list", "parameters": [
        param("policy_engine_mode", json!({"type": "string", "enum": ["any", "all"]})),
        param("modes", json!({"type": "array", "items": {"type": "string", "enum": ["all", "any"]}})),
        param("resident_key_requirement", json!({"type": "string", "enum": ["discouraged", "preferred", "required"]})),
        param("user_verification", json!({"type": "string", "enum": ["discouraged", "required"]})),
        param("attachment", json!({"type": "string", "enum": ["all", "any"]}))],
        "responses": {"204": {"description": "none"}}}}});
    let (model, _) = model_with(schemas, paths, &TypingOptions::default());
    let names: Vec<String> = model
        .operation("stages_list")
        .expect("typed")
        .parameters
        .iter()
        .map(|p| match &p.ty {
            TypeRef::Named(id) => model.get_type(*id).name.clone(),
            TypeRef::Vec(item) => match item.as_ref() {
                TypeRef::Named(id) => format!("Vec<{}>", model.get_type(*id).name),
                other => format!("{other:?}"),
            },
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "PolicyEngineMode",
            "Vec<StagesListModesItem>",
            "ResidentKeyRequirementEnum",
            "StagesListUserVerification",
            "StagesListAttachment"
        ],
        "the same values under another name stay apart"
    );
}

#[test]
fn structs_are_built_by_default_or_new_with_setters_for_the_rest() {
    let model = model(json!({
        "Patched": {"type": "object", "properties": {"a": {"type": "string"}, "a_null": {"type": "string"},
            "a_b": {"type": "string", "nullable": true}}},
        "Small": {"type": "object", "required": ["x", "y", "on", "kind"], "properties": {
            "x": {"type": "string"}, "y": {"type": "integer", "nullable": true},
            "on": {"type": "boolean", "default": true},
            "kind": {"$ref": "#/components/schemas/Kind", "default": "b"},
            "z": {"type": "integer", "default": 3}}},
        "Kind": {"type": "string", "enum": ["a", "b"]},
        "Big": {"type": "object", "required": ["a", "b", "c", "d"], "properties": {
            "a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}, "d": {"type": "string"},
            "n": {"type": "integer", "format": "int32", "default": 3000000000_u64}}},
        "BigRequired": {"type": "string"}}));
    let construction = |schema: &str| match &named(&model, schema).kind {
        TypeKind::Struct(s) => s.construction.clone(),
        other => panic!("{schema} is not a struct: {other:?}"),
    };
    assert_eq!(construction("Patched"), Construction::Default);
    assert_eq!(construction("Small"), Construction::Positional);
    assert_eq!(construction("Big"), Construction::Required("BigRequired2".into()), "the API's own name wins");
    let setters = |schema: &str| -> Vec<(String, Option<String>, Option<String>)> {
        let def = named(&model, schema);
        fields(def).iter().map(|f| (f.wire.clone(), f.setter.clone(), f.null_setter.clone())).collect()
    };
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        setters("Patched"),
        [
            ("a".into(), some("with_a"), None),
            ("a_null".into(), some("with_a_null"), None),
            ("a_b".into(), some("with_a_b"), some("with_a_b_null"))
        ]
    );
    let small = named(&model, "Small");
    let inits: Vec<&Init> = fields(small).iter().map(|f| &f.init).collect();
    let kind = model.named("Kind").expect("Kind");
    assert_eq!(
        inits,
        [
            &Init::Argument,
            &Init::Argument,
            &Init::Default(DefaultValue::Bool(true)),
            &Init::Default(DefaultValue::Variant { ty: kind, variant: "B".into() }),
            &Init::Empty,
        ],
        "a required field with a fitting default is no argument; an optional one is not filled in"
    );
    assert!(field(small, "z").docs.iter().any(|l| l.contains("Default: `3`")), "the default is documented");
    let big = named(&model, "Big");
    assert_eq!(field(big, "n").init, Init::Empty);
    assert_eq!(field(big, "n").default, Some(json!(3000000000_u64)));
}

#[test]
fn a_default_that_does_not_fit_the_type_leaves_the_field_an_argument() {
    let model = model(json!({"S": {"type": "object", "required": ["n", "s"], "properties": {
        "n": {"type": "integer", "format": "int32", "default": 3000000000_u64},
        "s": {"type": "string", "format": "uuid", "default": "not a uuid"}}}}));
    let s = named(&model, "S");
    assert!(fields(s).iter().all(|f| f.init == Init::Argument && f.default.is_some()));
}

#[test]
fn api_names_win_over_mdxgen_names_and_every_rename_is_reported() {
    let object = json!({"type": "object", "properties": {"a": {"type": "string"}}});
    let schemas = json!({"ValidationError": object, "Patch": object, "Binary": object, "DateTime": object,
        "Result": object, "FooBar": object, "foo_bar": object});
    let options = TypingOptions { date_time: mdxgen_ir::typing::DateTimeCrate::Time, ..TypingOptions::default() };
    let (model, warnings) = model_with(schemas, json!({}), &options);
    let names: Vec<(&str, &str)> = ["ValidationError", "Patch", "Binary", "DateTime", "Result", "FooBar", "foo_bar"]
        .iter()
        .map(|schema| (*schema, named(&model, schema).name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ValidationError", "ValidationError"),
            ("Patch", "Patch"),
            ("Binary", "Binary"),
            ("DateTime", "DateTime"),
            ("Result", "ResultModel"),
            ("FooBar", "FooBar"),
            ("foo_bar", "FooBar2")
        ]
    );
    assert!(warnings.iter().any(|w| w.starts_with("Result: named `ResultModel` in Rust")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with("foo_bar: named `FooBar2` in Rust")), "{warnings:?}");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

#[test]
fn default_is_derived_only_where_every_field_starts_as_its_types_default() {
    let model = model(json!({
        "Off": {"type": "object", "required": ["on", "tags"], "properties": {
            "on": {"type": "boolean", "default": false}, "tags": {"type": "array", "items": {"type": "string"}, "default": []},
            "n": {"type": "integer", "default": 5}}},
        "On": {"type": "object", "required": ["on"], "properties": {"on": {"type": "boolean", "default": true}}}}));
    let derives = |schema: &str| match &named(&model, schema).kind {
        TypeKind::Struct(s) => (s.construction.clone(), s.derives_default()),
        other => panic!("{schema} is not a struct: {other:?}"),
    };
    assert_eq!(derives("Off"), (Construction::Default, true), "false and [] are what derive(Default) gives");
    assert_eq!(derives("On"), (Construction::Default, false), "`true` needs a Default impl that says it");
}

#[test]
fn overrides_reach_their_type_and_field_and_a_replaced_field_is_not_validated() {
    let paths = json!({"/u": {"post": {"operationId": "create_user",
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
        "responses": {"204": {"description": "ok"}}}}});
    let schemas = json!({"User": {"type": "object", "required": ["userName"], "properties": {
        "userName": {"type": "string", "maxLength": 3}, "id": {"type": "integer"}}}});
    let pair = |path: &str, text: &str| (path.to_owned(), text.to_owned());
    let mut options = TypingOptions::default();
    options.overrides.type_attributes = vec![pair("User", "#[derive(Hash)]"), pair("Nobody", "#[x]")];
    options.overrides.field_attributes = vec![pair("User.id", "#[doc(hidden)]")];
    // The docs' name and the Rust name address the same field.
    options.overrides.field_types = vec![pair("User.user_name", "my::Name"), pair("User.missing", "u8")];
    let (model, warnings) = model_with(schemas, paths, &options);
    let user = named(&model, "User");
    assert_eq!(user.attributes, ["#[derive(Hash)]"]);
    assert_eq!(field(user, "id").attributes, ["#[doc(hidden)]"]);
    let name = field(user, "userName");
    assert_eq!((name.replacement.as_deref(), name.constraints.is_empty()), (Some("my::Name"), true));
    assert!(!user.validated, "the only constrained field is the user's type now");
    let unmatched: Vec<&String> = warnings.iter().filter(|w| w.contains("matches no")).collect();
    assert_eq!(unmatched.len(), 2, "{warnings:?}");
    assert!(unmatched[0].contains("`Nobody`") && unmatched[1].contains("`User.missing`"), "{unmatched:?}");
}
