//! One test per decision of the client (`typing::operations`): each builds a small API and reads the
//! decision off the client model.

use std::path::Path;

use mdxgen_ir::ParamLocation;
use mdxgen_ir::from_openapi;
use mdxgen_ir::http::{ParamStyle, StatusMatch};
use mdxgen_ir::typing::operations::{
    BodyKind, ClientModel, ClientOperation, FilePart, KeyLocation, PathSegment, ResponseBody, SchemeKind,
};
use mdxgen_ir::typing::pagination::{FieldStep, NextPage};
use mdxgen_ir::typing::{Primitive, TypeKind, TypeModel, TypeRef, TypingOptions};
use serde_json::{Value, json};

fn client(doc: Value) -> (TypeModel, ClientModel, Vec<String>) {
    let mut doc = doc;
    doc["openapi"] = json!("3.0.3");
    doc["info"] = json!({"title": "t", "version": "1"});
    let (api, diagnostics) = from_openapi(&doc, Path::new("t.json"));
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let (model, mut warnings) = TypeModel::build(&api, &TypingOptions::default());
    let (client, more) = ClientModel::build(&api, &model);
    warnings.extend(more);
    (model, client, warnings.into_iter().map(|w| w.message).collect())
}

fn op<'c>(client: &'c ClientModel, id: &str) -> &'c ClientOperation {
    client.operations.iter().find(|o| o.operation_id == id).unwrap_or_else(|| panic!("no operation {id}"))
}

fn ok() -> Value {
    json!({"200": {"description": "ok"}})
}

#[test]
fn method_names_are_snake_case_and_collision_free() {
    let (_, client, _) = client(json!({"paths": {
        "/a": {"get": {"operationId": "coreTokensList", "responses": ok()}},
        "/b": {"get": {"operationId": "core_tokens_list", "responses": ok()}},
        "/c": {"get": {"operationId": "new", "responses": ok()}},
        "/d": {"get": {"operationId": "type", "responses": ok()}},
    }}));
    let names: Vec<&str> = client.operations.iter().map(|o| o.method_name.as_str()).collect();
    assert_eq!(names, ["core_tokens_list", "core_tokens_list_2", "new_2", "r#type"]);
    assert_eq!(op(&client, "coreTokensList").builder_name, "CoreTokensListBuilder");
    assert_eq!(op(&client, "core_tokens_list").builder_name, "CoreTokensListBuilder2");
}

#[test]
fn parameters_are_typed_and_inline_enums_become_model_enums() {
    let (model, client, _) = client(json!({"paths": {"/tokens/{id}/": {"get": {
        "operationId": "tokens_get",
        "parameters": [
            {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
            {"name": "intent", "in": "query", "schema": {"type": "string", "enum": ["api", "recovery"]}},
            {"name": "ids", "in": "query", "style": "pipeDelimited", "explode": false,
             "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
            {"name": "Accept", "in": "header", "schema": {"type": "string"}},
            {"name": "filter", "in": "query", "style": "deepObject", "schema": {"type": "object"}},
        ],
        "responses": ok(),
    }}}}));
    let op = op(&client, "tokens_get");
    let params: Vec<(&str, ParamLocation, bool)> =
        op.parameters.iter().map(|p| (p.ident.as_str(), p.location, p.required)).collect();
    assert_eq!(
        params,
        [
            ("id", ParamLocation::Path, true),
            ("intent", ParamLocation::Query, false),
            ("ids", ParamLocation::Query, false),
            ("x_trace", ParamLocation::Header, false),
            ("filter", ParamLocation::Query, false),
        ],
        "Accept is left out, as OpenAPI says"
    );
    assert_eq!(op.parameters[0].ty, TypeRef::Primitive(Primitive::Uuid));
    let TypeRef::Named(intent) = op.parameters[1].ty else { panic!("intent is a named enum") };
    assert_eq!(model.get_type(intent).name, "TokensGetIntent");
    assert!(matches!(model.get_type(intent).kind, TypeKind::StringEnum(_)));
    assert_eq!(op.parameters[2].ty, TypeRef::Vec(Box::new(TypeRef::Primitive(Primitive::I64))));
    assert_eq!((op.parameters[2].style, op.parameters[2].explode), (ParamStyle::PipeDelimited, false));
    assert_eq!((op.parameters[1].style, op.parameters[1].explode), (ParamStyle::Form, true));
    assert_eq!(op.parameters[4].style, ParamStyle::DeepObject);
    assert_eq!(
        op.segments,
        [PathSegment::Literal("/tokens/".into()), PathSegment::Param(0), PathSegment::Literal("/".into())]
    );
}

#[test]
fn a_path_name_without_a_parameter_becomes_a_string_argument_with_a_warning() {
    let (_, client, warnings) =
        client(json!({"paths": {"/a/{b}": {"get": {"operationId": "get_a", "responses": ok()}}}}));
    let op = op(&client, "get_a");
    assert_eq!(op.parameters[0].ident, "b");
    assert!(op.parameters[0].is_argument());
    assert!(warnings.iter().any(|w| w.contains("no parameter declares")), "{warnings:?}");
}

#[test]
fn statuses_are_classified_success_or_error_with_their_types() {
    let json_of = |schema: Value| json!({"application/json": {"schema": schema}});
    let (_, client, _) = client(json!({
        "components": {"schemas": {"Err": {"type": "object", "properties": {"detail": {"type": "string"}}}}},
        "paths": {
            "/one": {"post": {"operationId": "one", "responses": {
                "201": {"description": "made", "content": json_of(json!({"type": "string"}))},
                "204": {"description": "nothing"},
                "400": {"description": "bad", "content": json_of(json!({"$ref": "#/components/schemas/Err"}))},
                "5XX": {"description": "down"},
                "default": {"description": "other", "content": {"text/plain": {"schema": {"type": "string"}}}},
            }}},
            "/two": {"get": {"operationId": "two", "responses": {
                "200": {"description": "file", "content": {"application/pdf": {}}},
            }}},
            "/three": {"get": {"operationId": "three", "responses": {"default": {"description": "anything"}}}},
        },
    }));
    let one = op(&client, "one");
    let statuses: Vec<(StatusMatch, bool, &str)> =
        one.responses.iter().map(|r| (r.status, r.success, r.variant.as_str())).collect();
    assert_eq!(
        statuses,
        [
            (StatusMatch::Code(201), true, "Status201"),
            (StatusMatch::Code(204), true, "Status204"),
            (StatusMatch::Code(400), false, "Status400"),
            (StatusMatch::Range(5), false, "Status5xx"),
            (StatusMatch::Default, false, "Default"),
        ]
    );
    assert_eq!(one.success_name.as_deref(), Some("OneSuccess"), "two 2xx with different bodies");
    assert!(matches!(one.responses[2].body, ResponseBody::Json(TypeRef::Named(_))));
    assert_eq!(one.responses[4].body, ResponseBody::Text);
    let two = op(&client, "two");
    assert_eq!((two.success_name.as_ref(), &two.success), (None, &ResponseBody::Bytes));
    let three = op(&client, "three");
    assert!(three.responses[0].success, "default is success when nothing else is");
    assert_eq!(three.success, ResponseBody::Empty);
}

#[test]
fn bodies_choose_json_first_and_multipart_parts_know_their_files() {
    let (_, client, _) = client(json!({"paths": {
        "/both": {"post": {"operationId": "both", "requestBody": {"required": true, "content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
            "application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
        }}, "responses": ok()}},
        "/upload": {"post": {"operationId": "upload", "requestBody": {"content": {"multipart/form-data": {
            "schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"},
                "more": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "clear": {"type": "boolean"},
            }},
            "encoding": {"file": {"contentType": "image/png"}},
        }}}, "responses": ok()}},
        "/raw": {"post": {"operationId": "raw", "requestBody": {"content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}, "responses": ok()}},
    }}));
    let both = op(&client, "both").body.as_ref().expect("a body");
    assert_eq!(both.media_type, "application/json");
    assert!(both.required);
    assert!(matches!(both.kind, BodyKind::Json(TypeRef::Named(_))));
    let upload = op(&client, "upload").body.as_ref().expect("a body");
    let BodyKind::Multipart { parts, .. } = &upload.kind else { panic!("typed multipart: {:?}", upload.kind) };
    let files: Vec<(&str, FilePart, Option<&str>)> =
        parts.iter().map(|p| (p.wire.as_str(), p.file, p.content_type.as_deref())).collect();
    assert_eq!(
        files,
        [
            ("file", FilePart::One, Some("image/png")),
            ("more", FilePart::Many, Some("application/octet-stream")),
            ("clear", FilePart::No, None),
        ]
    );
    assert_eq!(op(&client, "raw").body.as_ref().map(|b| &b.kind), Some(&BodyKind::Bytes));
}

#[test]
fn security_comes_from_the_schemes_and_empty_requirements_add_nothing() {
    let (_, client, _) = client(json!({
        "components": {"securitySchemes": {
            "authentik": {"type": "http", "scheme": "bearer"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "basic": {"type": "http", "scheme": "basic"},
        }},
        "security": [{"authentik": []}],
        "servers": [{"url": "https://{host}/api/v3", "variables": {"host": {"default": "example.com"}}}],
        "paths": {
            "/a": {"get": {"operationId": "a", "responses": ok()}},
            "/b": {"get": {"operationId": "b", "security": [{}, {"key": [], "basic": []}], "responses": ok()}},
            "/c": {"get": {"operationId": "c", "security": [], "responses": ok()}},
        },
    }));
    let setters: Vec<&str> = client.schemes.iter().map(|s| s.setter.as_str()).collect();
    assert_eq!(setters, ["with_authentik_token", "with_key_key", "with_basic_basic_auth"]);
    assert_eq!(client.schemes[1].kind, SchemeKind::ApiKey { location: KeyLocation::Header, name: "X-Key".into() });
    assert_eq!(op(&client, "a").security, [vec![0]]);
    assert_eq!(op(&client, "b").security, [vec![1, 2]]);
    assert!(op(&client, "c").security.is_empty());
    assert_eq!(client.server_url.as_deref(), Some("https://example.com/api/v3"));
    assert!(client.server_is_absolute);
}

#[test]
fn authentik_pagination_is_recognised() {
    let (_, client, _) = client(json!({
        "components": {"schemas": {
            "Pagination": {"type": "object", "required": ["next"], "properties": {"next": {"type": "number"}}},
            "Page": {"type": "object", "required": ["pagination", "results"], "properties": {
                "pagination": {"$ref": "#/components/schemas/Pagination"},
                "results": {"type": "array", "items": {"type": "string"}},
            }},
        }},
        "paths": {"/list": {"get": {"operationId": "things_list",
            "parameters": [
                {"name": "page", "in": "query", "schema": {"type": "integer"}},
                {"name": "page_size", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Page"}}}}},
        }}},
    }));
    let pagination = op(&client, "things_list").pagination.as_ref().expect("paginated");
    assert_eq!(pagination.method_name, "things_list_stream");
    assert_eq!(pagination.item, TypeRef::Primitive(Primitive::String));
}

fn steps(steps: &[FieldStep]) -> Vec<(&str, bool)> {
    steps.iter().map(|s| (s.field.as_str(), s.optional)).collect()
}

#[test]
fn a_next_link_in_the_body_is_followed() {
    // train-travel's shape: a generic wrapper whose `allOf` members narrow `data` and `links`.
    let (_, client, _) = client(json!({
        "components": {"schemas": {
            "Wrapper": {"type": "object", "properties": {
                "data": {"type": "array", "items": {"type": "object"}},
                "links": {"type": "object", "readOnly": true},
            }},
            "Station": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Links-Pagination": {"type": "object", "properties": {
                "next": {"type": "string", "format": "uri"},
                "prev": {"type": "string", "format": "uri"},
            }},
        }},
        "paths": {"/stations": {"get": {"operationId": "get-stations",
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"allOf": [
                {"$ref": "#/components/schemas/Wrapper"},
                {"properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Station"}}}},
                {"properties": {"links": {"allOf": [{"$ref": "#/components/schemas/Links-Pagination"}]}}},
            ]}}}}},
        }}},
    }));
    let pagination = op(&client, "get-stations").pagination.as_ref().expect("paginated");
    assert_eq!(pagination.method_name, "get_stations_stream");
    assert_eq!(steps(&pagination.items), [("data", true)]);
    let NextPage::LinkInBody(next) = &pagination.next else { panic!("{:?}", pagination.next) };
    assert_eq!(steps(next), [("links", true), ("next", true)]);
}

#[test]
fn a_link_header_is_followed_when_the_body_is_the_list() {
    let (_, client, _) = client(json!({"paths": {"/repos": {
        "get": {"operationId": "listRepos", "responses": {"200": {"description": "ok",
            "headers": {"Link": {"schema": {"type": "string"}}},
            "content": {"application/json": {"schema": {"type": "array", "items": {"type": "integer"}}}}}}},
        "post": {"operationId": "addRepos", "responses": {"200": {"description": "ok",
            "headers": {"Link": {"schema": {"type": "string"}}},
            "content": {"application/json": {"schema": {"type": "array", "items": {"type": "integer"}}}}}}},
    }}}));
    let pagination = op(&client, "listRepos").pagination.as_ref().expect("paginated");
    assert_eq!(
        (pagination.item.clone(), pagination.next.clone()),
        (TypeRef::Primitive(Primitive::I64), NextPage::LinkHeader)
    );
    assert!(pagination.items.is_empty());
    assert_eq!(op(&client, "addRepos").pagination, None, "only a GET is walked");
}

#[test]
fn a_body_without_a_next_link_is_not_paginated() {
    let (_, client, _) = client(json!({"paths": {"/things": {"get": {"operationId": "things",
    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
        "type": "object", "properties": {
            "data": {"type": "array", "items": {"type": "string"}},
            "links": {"type": "object", "properties": {"self": {"type": "string"}}},
        }}}}}}}}}}));
    assert_eq!(op(&client, "things").pagination, None);
}

#[test]
fn a_large_body_beside_smaller_variants_is_boxed_in_its_enum() {
    let fields: serde_json::Map<String, Value> =
        (0..12).map(|i| (format!("f{i}"), json!({"type": "string"}))).collect();
    let large = json!({"type": "object", "properties": fields});
    let small = json!({"type": "object", "properties": {"detail": {"type": "string"}}});
    let body = |schema: &Value| json!({"description": "d", "content": {"application/json": {"schema": schema}}});
    let (model, client, _) = client(json!({"paths": {
        "/v": {"get": {"operationId": "v", "responses": {
            "200": body(&large), "202": {"description": "later"}, "403": body(&small), "404": body(&large)}}},
        "/w": {"get": {"operationId": "w", "responses": {"200": body(&large)}}},
    }}));
    let boxed: Vec<(&str, bool)> = op(&client, "v").responses.iter().map(|r| (r.variant.as_str(), r.boxed)).collect();
    assert_eq!(boxed, [("Status200", true), ("Status202", false), ("Status403", false), ("Status404", true)]);
    assert!(!op(&client, "w").responses[0].boxed, "a success returned as it is, in no enum, is not boxed");
    let ResponseBody::Json(ty) = &op(&client, "w").responses[0].body else { panic!("a JSON body") };
    let bounds = mdxgen_ir::typing::size::bounds(&model, ty);
    assert_eq!((bounds.lower, bounds.upper), (12 * 24, 12 * 32), "twelve optional strings, each maybe tagged");
}
