//! Every operation of the authentik fixture and corpus, asked with a request made from its docs (path,
//! required parameters, credentials, a body of its first media type), answers a documented success whose
//! body the documented schema accepts: statically and in dynamic mode.

use axum::body::Body;
use axum::http::Request;
use mdxgen_ir::http::Encoding;
use mdxgen_ir::{Api, ParamLocation};
use serde_json::Value;
use tower::ServiceExt;

use crate::generate::fitting_value;
use crate::operation::MockOperation;
use crate::schemas::SchemaSet;
use crate::{Mock, MockOptions};

/// A request for `op` that its docs accept.
fn valid_request(set: &SchemaSet, op: &MockOperation) -> Request<Body> {
    let text = |value: Value| match value {
        Value::String(text) => text,
        other => other.to_string(),
    };
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    let (mut path, mut query, mut cookies) =
        (op.path.split('#').next().unwrap_or_default().to_owned(), Vec::new(), Vec::new());
    let mut builder = Request::builder().method(op.method.wire()).header("authorization", "Bearer token");
    for parameter in &op.parameters {
        if !parameter.required {
            continue;
        }
        let value = fitting_value(set, &parameter.schema).unwrap_or_else(|v| v);
        let values = match value {
            Value::Array(items) => items.into_iter().map(text).collect(),
            other => vec![text(other)],
        };
        match parameter.location {
            ParamLocation::Path => path = path.replace(&format!("{{{}}}", parameter.name), &encode(&values.join(","))),
            ParamLocation::Query => {
                query.extend(values.iter().map(|v| format!("{}={}", encode(&parameter.name), encode(v))))
            }
            ParamLocation::Header => builder = builder.header(parameter.name.as_str(), values.join(",")),
            ParamLocation::Cookie => cookies.push(format!("{}={}", parameter.name, encode(&values.join(",")))),
        }
    }
    if !cookies.is_empty() {
        builder = builder.header("cookie", cookies.join("; "));
    }
    let uri = if query.is_empty() { path } else { format!("{path}?{}", query.join("&")) };
    let Some(media) = op.body.as_ref().and_then(|b| b.media.first()) else {
        return builder.uri(uri).body(Body::empty()).unwrap();
    };
    let value = fitting_value(set, &media.schema).unwrap_or_else(|v| v);
    let (content_type, bytes) = match media.encoding {
        Encoding::Form | Encoding::Multipart => {
            let fields = value.as_object().into_iter().flatten().flat_map(|(name, value)| match value {
                Value::Array(items) => items.iter().map(|item| (name.clone(), text(item.clone()))).collect::<Vec<_>>(),
                other => vec![(name.clone(), text(other.clone()))],
            });
            let fields: Vec<(String, String)> = fields.collect();
            if media.encoding == Encoding::Multipart {
                let parts: String = fields
                    .iter()
                    .map(|(name, value)| {
                        format!("--X\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    })
                    .collect();
                ("multipart/form-data; boundary=X".to_owned(), format!("{parts}--X--\r\n").into_bytes())
            } else {
                let form = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
                (media.media_type.clone(), form.into_bytes())
            }
        }
        encoding => (encoding.written_media_type(&media.media_type), serde_json::to_vec(&value).unwrap()),
    };
    builder.uri(uri).header("content-type", content_type).body(Body::from(bytes)).unwrap()
}

/// Sends each operation its valid request; returns what went wrong, one line per operation.
async fn failures(api: &Api, options: &MockOptions) -> Vec<String> {
    let (mock, _) = Mock::new(api, options).unwrap();
    let requests: Vec<(String, Option<String>, Request<Body>)> = mock
        .operations
        .iter()
        .map(|op| (op.id.clone(), op.success().map(|r| r.status.clone()), valid_request(&mock.set, op)))
        .collect();
    let router = mock.router();
    // The router owns the mock it serves; the answers are checked with a second one of the same docs.
    let checker = Mock::new(api, &MockOptions::default()).unwrap().0;
    let mut found = Vec::new();
    for (index, (id, success, request)) in requests.into_iter().enumerate() {
        let response = router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let op = &checker.operations[index];
        if success.as_deref() != Some(status.to_string().as_str()) {
            found.push(format!(
                "{id}: {status} where the docs' success is {success:?}: {}",
                String::from_utf8_lossy(&bytes)
            ));
            continue;
        }
        let Some(schema) = op.success().and_then(|r| r.media.as_ref()).and_then(|m| m.schema.as_ref()) else {
            continue;
        };
        if matches!(status, 204 | 205 | 304) {
            // HTTP gives these no body, whatever the docs say (authentik documents one for a 204).
            assert!(bytes.is_empty(), "{id}: a body on {status}");
            continue;
        }
        let body: Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        if let Some(violation) = schema.violations(&checker.set, &body).first() {
            found.push(format!("{id}: the answer breaks its schema at `{}`: {}", violation.pointer, violation.message));
        }
    }
    found
}

async fn check(api: &Api, name: &str) {
    for options in [MockOptions::default(), MockOptions { dynamic: true, seed: Some(3) }] {
        let failures = failures(api, &options).await;
        eprintln!(
            "{name} (dynamic: {}): {} operations, {} failures",
            options.dynamic,
            api.operations.len(),
            failures.len()
        );
        assert!(failures.is_empty(), "{name} (dynamic: {}):\n{}", options.dynamic, failures.join("\n"));
    }
}

fn load(pages: &std::path::Path) -> Api {
    let loaded = mdxgen_load::load(&[pages.to_path_buf()], &mdxgen_mdx::ReadOptions::default());
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}", loaded.diagnostics);
    loaded.api
}

#[tokio::test]
async fn every_operation_of_the_authentik_fixture_answers_a_documented_success() {
    let api = load(&mdxgen_testkit::workspace_root().join("fixtures/authentik"));
    check(&api, "fixtures/authentik").await;
}

#[tokio::test]
async fn every_operation_of_the_authentik_corpus_answers_a_documented_success() {
    let Some(root) = mdxgen_testkit::corpus_root() else { return };
    let corpus = root.join("authentik-2024.8.1/v5.2.0/pages");
    check(&load(&corpus), "authentik-2024.8.1/v5.2.0").await;
}
