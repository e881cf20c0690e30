//! The example on 127.0.0.1, called with raw requests: the two operations written by hand keep their
//! state, every other one answers the docs' example, and the generated router refuses what the docs do
//! not allow before the implementation sees it.

use authentik_server::api::server::{router, BASE_PATH};
use authentik_server::{Directory, TOKEN};
use serde_json::{json, Value};

/// The example's server on a free port; its base URL.
async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("bound");
    let directory = Directory::new().expect("every example of the docs decodes");
    tokio::spawn(async move { axum::serve(listener, router(directory)).await });
    format!("http://{address}{BASE_PATH}")
}

async fn call(method: reqwest::Method, url: &str, body: Option<Value>, token: &str) -> (u16, Value) {
    let mut request = reqwest::Client::new().request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn users_created_are_listed() {
    let base = serve().await;
    let users = format!("{base}/core/users/");
    let alice = json!({"username": "alice", "name": "Alice", "email": "alice@example.com"});
    let (status, created) = call(reqwest::Method::POST, &users, Some(alice), TOKEN).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["pk"], 1);
    call(reqwest::Method::POST, &users, Some(json!({"username": "bob", "name": "Bob"})), TOKEN).await;

    let (status, listed) = call(reqwest::Method::GET, &users, None, TOKEN).await;
    assert_eq!(status, 200, "{listed}");
    let names: Vec<&Value> = listed["results"].as_array().expect("results").iter().map(|u| &u["username"]).collect();
    assert_eq!(names, [&json!("alice"), &json!("bob")]);
    assert_eq!(listed["pagination"]["count"], 2.0);

    let (_, only_bob) = call(reqwest::Method::GET, &format!("{users}?username=bob"), None, TOKEN).await;
    assert_eq!(only_bob["results"].as_array().map(Vec::len), Some(1), "{only_bob}");
}

#[tokio::test]
async fn the_other_operations_answer_the_docs_example() {
    let base = serve().await;
    let (status, groups) = call(reqwest::Method::GET, &format!("{base}/core/groups/"), None, TOKEN).await;
    assert_eq!(status, 200, "{groups}");
    assert!(groups["results"].is_array(), "the documented paginated list: {groups}");
}

#[tokio::test]
async fn the_implementation_checks_the_token_the_router_read() {
    let base = serve().await;
    let (status, body) = call(reqwest::Method::GET, &format!("{base}/core/users/"), None, "wrong").await;
    assert_eq!(status, 403);
    assert_eq!(body["detail"], "invalid token");
}

#[tokio::test]
async fn the_router_refuses_an_invalid_body_before_the_implementation_sees_it() {
    let base = serve().await;
    let users = format!("{base}/core/users/");
    let (status, body) = call(reqwest::Method::POST, &users, Some(json!({"name": "No Username"})), TOKEN).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.get("username").is_some(), "the documented ValidationError names the field: {body}");
    let (_, listed) = call(reqwest::Method::GET, &users, None, TOKEN).await;
    assert_eq!(listed["results"], json!([]), "nothing was stored");
}
