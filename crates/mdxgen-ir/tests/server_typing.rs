//! One test per decision of the server (`typing::server`): each builds a small API and reads the decision
//! off the server model.

use std::path::Path;

use mdxgen_ir::http::StatusMatch;
use mdxgen_ir::typing::operations::ClientModel;
use mdxgen_ir::typing::server::{Capture, ErrorBody, Kind, RouteSegment, ServerModel, ServerOperation, Shape};
use mdxgen_ir::typing::{Bound, TypeModel, TypingOptions};
use mdxgen_ir::{Example, from_openapi};
use serde_json::{Value, json};

fn build(doc: Value) -> (TypeModel, ServerModel, Vec<String>) {
    build_with_examples(doc, Vec::new())
}

/// With response samples as a page shows them (a spec document carries none into the IR).
fn build_with_examples(doc: Value, examples: Vec<Example>) -> (TypeModel, ServerModel, Vec<String>) {
    let mut doc = doc;
    doc["openapi"] = json!("3.0.3");
    doc["info"] = json!({"title": "t", "version": "1"});
    let (mut api, diagnostics) = from_openapi(&doc, Path::new("t.json"));
    if let Some(op) = api.operations.first_mut() {
        op.examples = examples;
    }
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let (model, mut warnings) = TypeModel::build(&api, &TypingOptions::default());
    let (client, more) = ClientModel::build(&api, &model);
    warnings.extend(more);
    let (server, more) = ServerModel::build(&api, &model, &client);
    warnings.extend(more);
    (model, server, warnings.into_iter().map(|w| w.message).collect())
}

fn op<'s>(server: &'s ServerModel, id: &str) -> &'s ServerOperation {
    server.operations.iter().find(|o| o.operation.operation_id == id).unwrap_or_else(|| panic!("no operation {id}"))
}

fn ok() -> Value {
    json!({"200": {"description": "ok"}})
}

#[test]
fn routes_capture_segments_by_position_and_live_under_the_server_path() {
    let (_, server, warnings) = build(json!({
        "servers": [{"url": "https://example.com/api/v3/"}],
        "paths": {
            "/users/{id}/": {"get": {"operationId": "a", "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}], "responses": ok()}},
            "/users/{name}/": {"delete": {"operationId": "b", "parameters": [
                {"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": ok()}},
            "/files/{id}.json": {"get": {"operationId": "c", "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": ok()}},
            "/users/{other}/": {"get": {"operationId": "d", "parameters": [
                {"name": "other", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": ok()}},
        },
    }));
    assert_eq!(server.base_path, "/api/v3");
    let route = |id: &str| {
        let segments = op(&server, id).route.clone()?;
        let text = segments.iter().map(|segment| match segment {
            RouteSegment::Literal(text) => text.clone(),
            RouteSegment::Capture(index) => format!("<{index}>"),
        });
        Some(text.collect::<Vec<_>>().join("/"))
    };
    assert_eq!(route("a").as_deref(), Some("/users/<0>/"));
    assert_eq!(route("b").as_deref(), Some("/users/<0>/"));
    assert_eq!(route("c").as_deref(), Some("/files/<0>"));
    assert_eq!(
        op(&server, "c").parameters[0].capture,
        Some(Capture { index: 0, prefix: String::new(), suffix: ".json".into() })
    );
    // The same method on the same route: only the first operation is served.
    assert_eq!(op(&server, "d").route, None);
    assert!(warnings.iter().any(|w| w.contains("d: `GET /users/{other}/` is served by an earlier operation")));
}

#[test]
fn parameters_are_read_by_shape_and_keep_their_constraints() {
    let (_, server, _) = build(json!({"paths": {"/a": {"get": {
        "operationId": "a",
        "parameters": [
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "number"}}},
            {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["x", "y"]}},
            {"name": "flag", "in": "header", "schema": {"type": "boolean"}},
            {"name": "filter", "in": "query", "style": "deepObject", "schema": {"type": "object",
             "properties": {"q": {"type": "string"}}}},
            {"name": "slug", "in": "query", "schema": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5}},
        ],
        "responses": ok(),
    }}}}));
    let a = op(&server, "a");
    let shapes: Vec<Shape> = a.parameters.iter().map(|p| p.shape).collect();
    assert_eq!(
        shapes,
        [
            Shape::Scalar(Kind::Integer),
            Shape::Array(Kind::Number),
            Shape::Scalar(Kind::String),
            Shape::Scalar(Kind::Boolean),
            Shape::Object,
            Shape::Scalar(Kind::String),
        ]
    );
    assert_eq!(a.parameters[0].constraints.minimum, Some(Bound::Int(1)));
    assert_eq!(a.parameters[5].constraints.pattern.as_deref(), Some("^[a-z]+$"));
    assert_eq!(a.parameters[5].constraints.max_length, Some(5));
    assert!(server.uses_regex);
    // The round trip sends only required parameters; none is here.
    assert!(a.sample_parameters.iter().all(Option::is_none));
}

fn error_api(bad_request: Value, forbidden: Value) -> Value {
    json!({
        "components": {"securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}},
        "security": [{"key": []}],
        "paths": {"/a": {"post": {
            "operationId": "a",
            "requestBody": {"required": true, "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/merge-patch+json": {"schema": {"type": "object"}},
                "text/plain": {"schema": {"type": "string"}}}},
            "responses": {
                "201": {"description": "made", "content": {"application/json": {"schema": {"type": "object",
                    "properties": {"id": {"type": "integer"}}, "required": ["id"]}}}},
                "400": bad_request,
                "403": forbidden,
            },
        }}},
    })
}

#[test]
fn invalid_requests_get_the_documented_body() {
    let field_map = json!({"description": "bad", "content": {"application/json": {"schema": {
        "type": "object", "title": "ValidationError",
        "properties": {"non_field_errors": {"type": "array", "items": {"type": "string"}}, "code": {"type": "string"}},
        "additionalProperties": {}}}}});
    let generic = json!({"description": "no", "content": {"application/json": {"schema": {
        "type": "object", "title": "GenericError",
        "properties": {"detail": {"type": "string"}, "code": {"type": "string"}}, "required": ["detail"]}}}});
    let (_, server, _) = build(error_api(field_map, generic.clone()));
    let a = op(&server, "a");
    assert_eq!(a.invalid.status, 400);
    assert_eq!(a.invalid.body, ErrorBody::FieldMap { root_key: "non_field_errors".into() });
    assert_eq!(a.unauthorized.status, 403);
    let ErrorBody::Template { json, message_field } = &a.unauthorized.body else { panic!("{:?}", a.unauthorized) };
    assert_eq!(message_field.as_deref(), Some("detail"));
    assert_eq!(json, &json!({"detail": "Authentication credentials were not provided."}).to_string());
    assert!(a.credentials_required);
    assert_eq!(a.credentials_field.as_deref(), Some("credentials"));
    // Both JSON media types are read; text is not (the body is read as JSON).
    assert_eq!(a.accepted_media_types, ["application/json", "application/merge-patch+json"]);

    // A 400 that is no map gets the template; an undocumented one the problem body.
    let (_, server, _) = build(error_api(generic, json!({"description": "no"})));
    let a = op(&server, "a");
    assert!(matches!(a.invalid.body, ErrorBody::Template { .. }));
    assert_eq!((a.unauthorized.status, &a.unauthorized.body), (403, &ErrorBody::Problem));
}

#[test]
fn the_mock_answers_the_first_success_with_the_example_then_a_sample() {
    let doc = error_api(json!({"description": "bad"}), json!({"description": "no"}));
    let example =
        Example { status: Some("201".into()), media_type: "application/json".into(), value: json!({"id": 7}) };
    let (_, server, _) = build_with_examples(doc, vec![example]);
    let a = op(&server, "a");
    let answer = &a.responses[a.mock_response];
    assert_eq!((answer.status, answer.variant.as_str()), (StatusMatch::Code(201), "Status201"));
    assert_eq!(a.mock_candidates, [json!({"id": 7}).to_string(), json!({"id": 1}).to_string()]);
}

#[test]
fn samples_pass_the_constraints_of_their_type() {
    let (_, server, _) = build(json!({"paths": {"/a/{slug}": {"post": {
        "operationId": "a",
        "parameters": [{"name": "slug", "in": "path", "required": true,
            "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 3}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
            "required": ["count", "tags", "mode"],
            "properties": {
                "count": {"type": "integer", "minimum": 10, "maximum": 20},
                "tags": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 3}},
                "mode": {"type": "string", "enum": ["fast", "slow"]},
                "note": {"type": "string"},
            }}}}},
        "responses": ok(),
    }}}}));
    let a = op(&server, "a");
    assert_eq!(a.sample_parameters, [Some(json!("str").to_string())]);
    let body: Value = serde_json::from_str(a.sample_body.as_deref().unwrap_or_default()).unwrap_or_default();
    assert_eq!(body, json!({"count": 10, "tags": ["string", "string"], "mode": "fast"}));
}

#[test]
fn an_operation_without_a_documented_success_can_answer_204() {
    let (_, server, _) =
        build(json!({"paths": {"/a": {"get": {"operationId": "a", "responses": {"404": {"description": "gone"}}}}}}));
    let variants: Vec<&str> = op(&server, "a").responses.iter().map(|r| r.variant.as_str()).collect();
    assert_eq!(variants, ["Status404", "Status204"]);
}

#[test]
fn the_mock_accessor_steps_aside_for_operations_of_the_same_name() {
    let (_, plain, _) = build(json!({"paths": {"/a": {"get": {"operationId": "list", "responses": ok()}}}}));
    assert_eq!(plain.mock_accessor, "mock");
    let (_, taken, _) = build(json!({"paths": {
        "/a": {"get": {"operationId": "mock", "responses": ok()}},
        "/b": {"get": {"operationId": "mock_api", "responses": ok()}},
    }}));
    assert_eq!(taken.mock_accessor, "mock_api_2");
}

#[test]
fn a_method_name_given_by_the_user_names_the_client_and_the_trait_method() {
    let doc = json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
        "/users": {"get": {"operationId": "core_users_list", "responses": ok()}},
        "/groups": {"get": {"operationId": "list_users", "responses": ok()}},
    }});
    let (api, _) = from_openapi(&doc, Path::new("t.json"));
    let mut options = TypingOptions::default();
    options.overrides.method_names =
        vec![("core_users_list".to_owned(), "ListUsers".to_owned()), ("no_such_operation".to_owned(), "x".to_owned())];
    let (model, _) = TypeModel::build(&api, &options);
    let (client, warnings) = ClientModel::build(&api, &model);
    let (server, _) = ServerModel::build(&api, &model, &client);
    assert_eq!(op(&server, "core_users_list").method_name, "list_users", "snake case, as every method");
    assert_eq!(op(&server, "list_users").method_name, "list_users_2", "the operation that had the name is numbered");
    assert_eq!(op(&server, "core_users_list").operation.method_name, "list_users", "the client's too");
    assert_eq!(op(&server, "core_users_list").request_name, "CoreUsersListRequest", "types keep their names");
    assert!(warnings.iter().any(|w| w.message.contains("no_such_operation")), "{warnings:?}");
}
