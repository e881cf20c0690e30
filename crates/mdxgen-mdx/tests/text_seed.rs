//! Seed 002, the plain text of authentik's rendered page `stages_authenticator_duo_partial_update`, reads into
//! the operation checked in beside it (`fixtures/text/seed-002-....expected.json`).
//!
//! Refresh the expected file after an intended change with `MDXGEN_BLESS=1 cargo test -p mdxgen-mdx --test
//! text_seed`, and read the diff before committing it.

use std::path::PathBuf;

use mdxgen_mdx::{OperationPage, Origin, Page, ReadOptions, read_file};
use mdxgen_testkit::workspace_root;
use serde_json::{Value, json};

const SEED: &str = "fixtures/text/seed-002-stages-authenticator-duo-partial-update.txt";
const EXPECTED: &str = "fixtures/text/seed-002-stages-authenticator-duo-partial-update.expected.json";
/// The same page rendered by `tools/render-text` (theme 4.4.0), to check the renderer against the seed.
const RENDERED: &str = "tools/render-text/check/stages-authenticator-duo-partial-update.txt";

fn read(relative: &str) -> (OperationPage, Vec<String>) {
    let path: PathBuf = workspace_root().join(relative);
    let result = read_file(&path, &ReadOptions::default());
    let diagnostics: Vec<String> = result.diagnostics.iter().map(ToString::to_string).collect();
    assert!(result.diagnostics.iter().all(|d| !d.is_error()), "errors reading {relative}:\n{}", diagnostics.join("\n"));
    match result.page {
        Some(Page::Operation(op)) => (op, diagnostics),
        other => panic!("{relative} did not read as an operation: {other:?}"),
    }
}

/// Everything the reader gives for a page, as JSON.
fn as_json(op: &OperationPage) -> Value {
    let examples: Vec<Value> = op
        .examples
        .iter()
        .map(|e| json!({ "status": e.status, "media_type": e.media_type, "value": e.value }))
        .collect();
    json!({
        "method": op.method,
        "path": op.path,
        "servers": op.servers,
        "operation": op.operation,
        "security_schemes": op.security_schemes,
        "examples": examples,
    })
}

fn property_names(schema: &Value) -> Vec<&str> {
    schema["properties"].as_object().map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default()
}

#[test]
fn seed_002_reads_into_the_expected_operation() {
    let (op, _) = read(SEED);
    let got = as_json(&op);
    let expected_path = workspace_root().join(EXPECTED);
    if std::env::var_os("MDXGEN_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&got).unwrap_or_default() + "\n";
        std::fs::write(&expected_path, text).unwrap_or_else(|e| panic!("cannot write {EXPECTED}: {e}"));
    }
    let expected: Value = std::fs::read_to_string(&expected_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_else(|| panic!("cannot read {EXPECTED} (write it with MDXGEN_BLESS=1)"));
    assert_eq!(
        got,
        expected,
        "seed 002 no longer reads into {EXPECTED}; if the change is intended, refresh it with MDXGEN_BLESS=1:\n{}",
        serde_json::to_string_pretty(&got).unwrap_or_default()
    );
}

#[test]
fn seed_002_has_its_endpoint_parameter_body_fields_and_responses() {
    let (op, diagnostics) = read(SEED);
    assert_eq!(op.origin, Origin::RenderedText);
    assert_eq!((op.method.as_str(), op.path.as_str()), ("patch", "/stages/authenticator/duo/{stage_uuid}/"));
    assert_eq!(op.servers, Some(json!([{ "url": "/api/v3/" }])));
    let o = Value::Object(op.operation.clone());
    assert_eq!(o["operationId"], "stages_authenticator_duo_partial_update");
    assert_eq!(o["description"], "AuthenticatorDuoStage Viewset");
    assert_eq!(
        o["parameters"],
        json!([{
            "name": "stage_uuid", "in": "path",
            "description": "A UUID string identifying this Duo Authenticator Setup Stage.",
            "required": true, "schema": { "type": "string", "format": "uuid" }
        }])
    );
    let body = &o["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(
        property_names(body),
        [
            "name",
            "flow_set",
            "configure_flow",
            "friendly_name",
            "client_id",
            "client_secret",
            "api_hostname",
            "admin_integration_key",
            "admin_secret_key"
        ]
    );
    assert_eq!(body["properties"]["friendly_name"], json!({"type": "string", "nullable": true, "minLength": 1}));
    assert_eq!(body["properties"]["flow_set"]["items"]["x-mdxgen-unknown"], json!(["properties"]));
    let responses = o["responses"].as_object().map(|r| r.keys().cloned().collect::<Vec<_>>());
    assert_eq!(responses, Some(vec!["200".to_owned(), "400".to_owned(), "403".to_owned()]));
    let ok = &o["responses"]["200"]["content"]["application/json"]["schema"];
    assert_eq!(property_names(ok).len(), 12);
    assert_eq!(
        ok["required"],
        json!([
            "pk",
            "name",
            "component",
            "verbose_name",
            "verbose_name_plural",
            "meta_model_name",
            "client_id",
            "api_hostname"
        ])
    );
    // The folded `flow_set` of the response takes its 12 fields from the example.
    assert_eq!(property_names(&ok["properties"]["flow_set"]["items"]).len(), 12);
    let bad = &o["responses"]["400"]["content"]["application/json"]["schema"];
    assert_eq!(property_names(bad), ["non_field_errors", "code"]);
    assert_eq!(bad["additionalProperties"], json!({}));
    let denied = &o["responses"]["403"]["content"]["application/json"]["schema"];
    assert_eq!((property_names(denied), &denied["required"]), (vec!["detail", "code"], &json!(["detail"])));
    assert_eq!(o["security"], json!([{ "authentik": [] }]));
    assert_eq!(
        op.security_schemes.map(Value::Object),
        Some(json!({"authentik": {"type": "http", "scheme": "bearer"}}))
    );
    assert_eq!(op.examples.len(), 3, "one example per response");
    // What the text cannot tell is reported where it is.
    let located = |line: usize, part: &str| {
        diagnostics.iter().any(|d| d.contains(&format!(":{line}:1: warning")) && d.contains(part))
    };
    assert!(located(12, "`flow_set` is folded on the page and no example shows its fields"), "{diagnostics:#?}");
    assert!(located(43, "its 12 fields are read from the example"), "{diagnostics:#?}");
    assert!(located(1, "does not show: tags"), "{diagnostics:#?}");
}

#[test]
fn the_renderer_reproduces_the_seed() {
    // The page rendered by tools/render-text reads like the seed. It holds more: the right column's request
    // body example, which gives the request's folded `flow_set` its fields (the seed's copy has no such
    // example), and the code sample. Everything else is equal.
    let (seed, _) = read(SEED);
    let (rendered, _) = read(RENDERED);
    let mut seed = as_json(&seed);
    let mut rendered = as_json(&rendered);
    let flow_set = "/operation/requestBody/content/application~1json/schema/properties/flow_set/items";
    let rendered_items = rendered.pointer(flow_set).cloned().unwrap_or(Value::Null);
    assert_eq!(
        property_names(&rendered_items),
        ["name", "slug", "title", "designation", "policy_engine_mode", "compatibility_mode", "layout", "denied_action"]
    );
    for side in [&mut seed, &mut rendered] {
        if let Some(items) = side.pointer_mut(flow_set) {
            *items = json!({"type": "object"});
        }
        if let Some(Value::Array(examples)) = side.get_mut("examples") {
            examples.retain(|e| !e["status"].is_null());
        }
    }
    assert_eq!(seed, rendered);
}
