// Added after the round trip (`round_trip.rs`) in the authentik crate: raw requests (reqwest, no generated
// client) against the same mock server.

use serde_json::{Value, json};

/// A raw request with a bearer token; the status, the `Allow` header and the body as JSON (`null` if none).
async fn send(method: &str, url: &str, content_type: Option<&str>, body: Vec<u8>, token: bool) -> (u16, Option<String>, Value) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
    let mut request = reqwest::Client::new().request(method, url).body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    if token {
        request = request.bearer_auth("token");
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let text = response.text().await.unwrap_or_default();
    (status, allow, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn post_json(url: &str, body: &Value) -> (u16, Value) {
    let (status, _, body) = send("POST", url, Some("application/json"), body.to_string().into_bytes(), true).await;
    (status, body)
}

/// One body per kind of constraint, each breaking it in one field: authentik answers 400 with its
/// `ValidationError`, the field's name as a key.
#[tokio::test]
async fn each_kind_of_constraint_gets_the_documented_400_naming_the_field() {
    let base = serve().await;
    let applications = format!("{base}/core/applications/");
    let cases = [
        ("missing required field", applications.clone(), json!({"name": "a"}), "slug"),
        ("wrong type", applications.clone(), json!({"name": 5, "slug": "a"}), "name"),
        ("enum value", applications.clone(), json!({"name": "a", "slug": "a", "policy_engine_mode": "sometimes"}), "policy_engine_mode"),
        ("too long", applications.clone(), json!({"name": "a", "slug": "a".repeat(51)}), "slug"),
        ("pattern", applications.clone(), json!({"name": "a", "slug": "not a slug"}), "slug"),
        (
            "below minimum",
            format!("{base}/policies/bindings/"),
            json!({"order": 1, "target": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "timeout": -1}),
            "timeout",
        ),
        ("too many items", format!("{base}/policies/geoip/"), json!({"name": "a", "countries": vec!["DE"; 250]}), "countries"),
    ];
    for (kind, url, body, field) in cases {
        let (status, answer) = post_json(&url, &body).await;
        assert_eq!(status, 400, "{kind}: {answer}");
        let messages = answer.get(field).and_then(Value::as_array);
        assert!(messages.is_some_and(|m| !m.is_empty()), "{kind}: no message for `{field}` in {answer}");
        println!("SERVER constraint {kind}: 400 {answer}");
    }
    // Parameters are checked too: a query parameter of the wrong type.
    let (status, _, answer) = send("GET", &format!("{applications}?page=first"), None, Vec::new(), true).await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer.get("page").is_some(), "no message for `page` in {answer}");
    // Multipart parts too: a boolean that is none, and a single part sent twice. This operation documents
    // its 400 without a body, so the answer is the problem JSON, whose `errors` name the field.
    let upload = format!("{base}/flows/instances/default/set_background/");
    for (kind, parts) in [("not a boolean", vec!["maybe"]), ("sent twice", vec!["true", "false"])] {
        let mut body: String = parts
            .iter()
            .map(|value| format!("--X\r\nContent-Disposition: form-data; name=\"clear\"\r\n\r\n{value}\r\n"))
            .collect();
        body.push_str("--X--\r\n");
        let (status, _, answer) = send("POST", &upload, Some("multipart/form-data; boundary=X"), body.into_bytes(), true).await;
        assert_eq!(status, 400, "multipart {kind}: {answer}");
        assert!(answer["errors"].get("clear").is_some(), "multipart {kind}: no message for `clear` in {answer}");
    }
}

#[tokio::test]
async fn raw_requests_get_their_documented_status() {
    let base = serve().await;
    let applications = format!("{base}/core/applications/");
    let (status, _, _) = send("GET", &format!("{base}/no/such/path/"), None, Vec::new(), true).await;
    assert_eq!(status, 404, "unknown path");
    let (status, allow, _) = send("DELETE", &applications, None, Vec::new(), true).await;
    assert_eq!(status, 405, "wrong method");
    let allow = allow.unwrap_or_default();
    assert!(allow.contains("GET") && allow.contains("POST"), "Allow: {allow}");
    let valid = json!({"name": "a", "slug": "a"}).to_string().into_bytes();
    let (status, _, _) = send("POST", &applications, Some("text/plain"), valid.clone(), true).await;
    assert_eq!(status, 415, "unsupported media type");
    let (status, _, answer) = send("POST", &applications, Some("application/json"), valid.clone(), false).await;
    assert_eq!(status, 403, "missing credentials: {answer}");
    assert!(answer.get("detail").and_then(Value::as_str).is_some(), "authentik's GenericError: {answer}");
    let (status, _, _) = send("POST", &applications, Some("application/json"), valid, true).await;
    assert_eq!(status, 201, "the valid request");
    let huge = vec![b' '; 3 * 1024 * 1024];
    let (status, _, _) = send("POST", &applications, Some("application/json"), huge, true).await;
    assert_eq!(status, 413, "body size limit");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    let (status, _, answer) = send("POST", &applications, Some("application/json"), deep, true).await;
    assert_eq!(status, 400, "deep JSON: {answer}");
    let (status, _, answer) = send("POST", &applications, Some("application/json"), b"{\"name\":".to_vec(), true).await;
    assert_eq!(status, 400, "malformed body: {answer}");
    // The server still answers after all of that.
    let (status, _, _) = send("GET", &applications, None, Vec::new(), true).await;
    assert_eq!(status, 200);
}
