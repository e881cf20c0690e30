//! A body documented under a media range (`application/*`) is one thing to every backend: the typing the
//! generated client and server spell, and `mdxgen mock`, all take it from `mdxgen_ir::http::Encoding`. An
//! object schema under `application/*` is JSON; a binary string under it is bytes.

use std::path::Path;

use axum::body::Body;
use axum::http::Request;
use mdxgen_ir::typing::operations::{BodyKind, ClientModel, ResponseBody};
use mdxgen_ir::typing::server::ServerModel;
use mdxgen_ir::typing::{TypeModel, TypingOptions};
use mdxgen_mock::{Mock, MockOptions};
use serde_json::{Value, json};
use tower::ServiceExt;

fn api() -> mdxgen_ir::Api {
    let pet = json!({"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}});
    let file = json!({"type": "string", "format": "binary"});
    let doc = json!({
        "openapi": "3.0.3",
        "info": {"title": "Ranges", "version": "1"},
        "paths": {
            "/pets": {"post": {
                "operationId": "addPet",
                "requestBody": {"required": true, "content": {"application/*": {"schema": pet}}},
                "responses": {"200": {"description": "ok", "content": {"application/*": {"schema": pet, "example": {"name": "Rex"}}}}}
            }},
            "/files": {"put": {
                "operationId": "putFile",
                "requestBody": {"required": true, "content": {"application/*": {"schema": file}}},
                "responses": {"204": {"description": "stored"}}
            }}
        }
    });
    let (api, diagnostics) = mdxgen_ir::from_openapi(&doc, Path::new("ranges.json"));
    assert!(diagnostics.iter().all(|d| d.severity != mdxgen_diag::Severity::Error), "{diagnostics:?}");
    api
}

async fn send(api: &mdxgen_ir::Api, request: Request<Body>) -> (u16, Option<String>, Vec<u8>) {
    let (mock, _) = Mock::new(api, &MockOptions::default()).expect("the mock builds");
    let response = mock.router().oneshot(request).await.expect("the router answers");
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.expect("a body").to_vec();
    (status, content_type, body)
}

fn post(path: &str, content_type: &str, body: &str) -> Request<Body> {
    let method = if path == "/files" { "PUT" } else { "POST" };
    Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", content_type)
        .body(Body::from(body.to_owned()))
        .expect("a request")
}

#[test]
fn the_typing_reads_an_object_under_a_range_as_json_and_a_file_as_bytes() {
    let api = api();
    let (model, _) = TypeModel::build(&api, &TypingOptions::default());
    let (client, _) = ClientModel::build(&api, &model);
    let (server, _) = ServerModel::build(&api, &model, &client);
    let add = client.operations.iter().find(|op| op.operation_id == "addPet").expect("addPet");
    assert!(matches!(add.body.as_ref().map(|b| &b.kind), Some(BodyKind::Json(_))), "{:?}", add.body);
    assert!(matches!(add.responses[0].body, ResponseBody::Json(_)), "{:?}", add.responses[0].body);
    let put = client.operations.iter().find(|op| op.operation_id == "putFile").expect("putFile");
    assert!(matches!(put.body.as_ref().map(|b| &b.kind), Some(BodyKind::Bytes)), "{:?}", put.body);
    let served = server.operations.iter().find(|op| op.operation.operation_id == "addPet").expect("served");
    assert_eq!(served.accepted_media_types, ["application/*"]);
    assert_eq!(served.responses[0].content_type.as_deref(), Some("application/json"));
}

#[tokio::test]
async fn the_mock_reads_and_answers_an_object_under_a_range_as_json() {
    let api = api();
    let (status, content_type, body) = send(&api, post("/pets", "application/vnd.pets", r#"{"name": "Rex"}"#)).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert_eq!(content_type.as_deref(), Some("application/json"));
    assert_eq!(serde_json::from_slice::<Value>(&body).ok(), Some(json!({"name": "Rex"})));
    let (status, _, body) = send(&api, post("/pets", "application/vnd.pets", "name=Rex")).await;
    assert_eq!(status, 400, "not JSON: {}", String::from_utf8_lossy(&body));
    let (status, _, body) = send(&api, post("/files", "application/pdf", "%PDF-1.7")).await;
    assert_eq!(status, 204, "a file under a range is bytes: {}", String::from_utf8_lossy(&body));
}
