//! `mdxgen mock` on the authentik fixture pages, over real sockets on 127.0.0.1: routes under the base path
//! and alone, each kind of validation failure, credentials, 404/405/415, `Prefer`, CORS preflights and
//! `--dynamic` answers (each checked against its documented schema, with a validator built here from the
//! same docs).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use mdxgen_mock::{Direction, LazySchema, SchemaSet};
use reqwest::blocking::{Client, RequestBuilder, Response};
use serde_json::{Value, json};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/authentik")
}

/// A running `mdxgen mock`, killed when dropped.
struct Server {
    child: Child,
    base: String,
    routes: Vec<String>,
}

impl Server {
    fn start(extra: &[&str]) -> Self {
        Self::serve(&fixture(), extra)
    }

    fn serve(input: &Path, extra: &[&str]) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_mdxgen"))
            .args(["mock", "--port", "0"])
            .args(extra)
            .arg(input)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("mdxgen starts");
        // Owned by the server from here, so that a failure below still kills the process.
        let mut server = Self { child, base: String::new(), routes: Vec::new() };
        let stdout = server.child.stdout.take().expect("stdout is piped");
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        loop {
            let line =
                receive.recv_timeout(Duration::from_secs(30)).expect("mdxgen mock prints its address within 30 s");
            if let Some(address) = line.strip_prefix("listening on ") {
                server.base = address.to_owned();
                return server;
            }
            server.routes.push(line);
        }
    }

    fn request(&self, method: &str, path: &str) -> RequestBuilder {
        let client = Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
        client.request(method.parse().unwrap(), format!("{}{path}", self.base)).bearer_auth("token")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The documented response schema of an operation and status, compiled from the same docs.
struct Docs {
    api: mdxgen::Api,
    set: SchemaSet,
}

impl Docs {
    fn load() -> Self {
        let loaded = mdxgen::load(&[fixture()], &mdxgen::ReadOptions::default());
        let set = SchemaSet::new(&loaded.api).unwrap();
        Self { api: loaded.api, set }
    }

    fn check(&self, operation_id: &str, response: Response) -> (u16, Value) {
        let status = response.status().as_u16();
        let bytes = response.bytes().unwrap();
        let op = self.api.operation(operation_id).unwrap();
        let documented = op.responses.iter().find(|r| r.status == status.to_string()).expect("a documented status");
        let Some(schema) = documented.content.first().and_then(|m| m.schema.as_ref()) else {
            assert!(bytes.is_empty(), "{operation_id} {status}: a body where the docs show none");
            return (status, Value::Null);
        };
        let body: Value = serde_json::from_slice(&bytes).expect("a JSON body");
        let schema = LazySchema::new(&self.set, schema, Direction::Response);
        let violations = schema.violations(&self.set, &body);
        assert!(violations.is_empty(), "{operation_id} {status}: {violations:?} in {body}");
        (status, body)
    }
}

#[test]
fn routes_are_listed_and_served_under_the_base_path_and_alone() {
    let server = Server::start(&[]);
    let docs = Docs::load();
    assert!(server.routes.contains(&"GET /api/v3/core/users/ -> core_users_list".to_owned()), "{:?}", server.routes);
    let count = format!("{} operations", docs.api.operations.len());
    assert_eq!(server.routes.last(), Some(&count));
    for path in ["/api/v3/core/users/", "/core/users/"] {
        let (status, _) = docs.check("core_users_list", server.request("GET", path).send().unwrap());
        assert_eq!(status, 200, "{path}");
    }
    let (status, body) = docs.check(
        "core_users_destroy",
        server.request("DELETE", "/api/v3/core/users/7/").send().unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!((status, body), (204, Value::Null));
}

/// Every kind of constraint, each answered with authentik's `ValidationError`: the failing field and why.
#[test]
fn invalid_requests_get_the_documented_validation_error() {
    let server = Server::start(&[]);
    let docs = Docs::load();
    let valid_application = json!({"name": "App", "slug": "app"});
    let with = |field: &str, value: Value| {
        let mut body = valid_application.clone();
        body[field] = value;
        body
    };
    // (operation, method, path, body, the field the error names, a part of its message)
    type Case<'a> = (&'a str, &'a str, &'a str, Option<Value>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        ("core_users_list", "GET", "/api/v3/core/users/?page=x", None, "page", "is not of type \"integer\""),
        ("core_users_list", "GET", "/api/v3/core/users/?groups_by_pk=nope", None, "groups_by_pk", "is not a \"uuid\""),
        ("core_users_list", "GET", "/api/v3/core/users/?type=robot", None, "type", "is not one of"),
        ("flows_executor_get", "GET", "/api/v3/flows/executor/default/", None, "query", "is required"),
        (
            "core_users_partial_update",
            "PATCH",
            "/api/v3/core/users/me/",
            Some(json!({})),
            "id",
            "is not of type \"integer\"",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            Some(json!({"name": "App"})),
            "non_field_errors",
            "\"slug\" is a required property",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            Some(with("slug", json!("a b"))),
            "slug",
            "does not match",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            Some(with("slug", json!("a".repeat(51)))),
            "slug",
            "is longer than 50 characters",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            Some(with("name", json!(""))),
            "name",
            "shorter than 1 character",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            Some(with("name", json!(5))),
            "name",
            "is not of type \"string\"",
        ),
        (
            "stages_prompt_prompts_create",
            "POST",
            "/api/v3/stages/prompt/prompts/",
            Some(json!({"name": "n", "field_key": "k", "label": "l", "type": "text", "order": 2_147_483_648_i64})),
            "order",
            "is greater than the maximum",
        ),
        (
            "core_applications_create",
            "POST",
            "/api/v3/core/applications/",
            None,
            "non_field_errors",
            "a body is required",
        ),
    ];
    for (operation_id, method, path, body, field, message) in cases {
        let mut request = server.request(method, path);
        if let Some(body) = &body {
            request = request.json(body);
        }
        let (status, error) = docs.check(operation_id, request.send().unwrap());
        assert_eq!(status, 400, "{method} {path} {body:?}: {error}");
        let messages = error[field].as_array().unwrap_or_else(|| panic!("{path}: no `{field}` in {error}"));
        assert!(messages.iter().any(|m| m.as_str().unwrap().contains(message)), "{path}: {error}");
    }
    let malformed =
        server.request("POST", "/api/v3/core/applications/").header("content-type", "application/json").body("{");
    let (status, error) = docs.check("core_applications_create", malformed.send().unwrap());
    assert!(status == 400 && error["non_field_errors"][0].as_str().unwrap().contains("not JSON"), "{error}");
}

#[test]
fn missing_credentials_unknown_routes_methods_and_media_types_are_refused() {
    let server = Server::start(&[]);
    let client = Client::new();
    let docs = Docs::load();
    let anonymous = client.get(format!("{}/api/v3/core/users/", server.base)).send().unwrap();
    let (status, body) = docs.check("core_users_list", anonymous);
    assert_eq!(status, 403, "authentik documents 403 (GenericError) and no 401 for requests without credentials");
    assert!(body["detail"].as_str().unwrap().contains("credentials are required"), "{body}");
    let unknown = server.request("GET", "/api/v3/nothing/").send().unwrap();
    assert_eq!(
        (unknown.status().as_u16(), unknown.headers()["content-type"].to_str().unwrap()),
        (404, "application/problem+json")
    );
    let wrong = server.request("PUT", "/api/v3/core/users/").send().unwrap();
    assert_eq!((wrong.status().as_u16(), wrong.headers()["allow"].to_str().unwrap()), (405, "GET, POST"));
    let text = server
        .request("POST", "/api/v3/core/applications/")
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .unwrap();
    assert_eq!(text.status(), 415);
    let problem: Value = text.json().unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("application/json"), "{problem}");
}

#[test]
fn prefer_picks_a_documented_status_or_says_which_there_are() {
    let server = Server::start(&[]);
    let docs = Docs::load();
    let prefer = |value: &str| server.request("GET", "/api/v3/core/users/").header("prefer", value).send().unwrap();
    let (status, body) = docs.check("core_users_list", prefer("code=403"));
    assert_eq!(status, 403, "{body}");
    assert_eq!(docs.check("core_users_list", prefer("code=400")).0, 400);
    let undocumented = prefer("code=418");
    assert_eq!(undocumented.status(), 422);
    let problem: Value = undocumented.json().unwrap();
    assert!(problem["detail"].as_str().unwrap().ends_with("the docs list 200, 400, 403"), "{problem}");
    let no_example = prefer("example=nope");
    assert_eq!(no_example.status(), 422);
    let problem: Value = no_example.json().unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("the docs hold docs"), "{problem}");
    let (status, named) = docs.check("core_users_list", prefer("example=docs"));
    let (_, plain) = docs.check("core_users_list", server.request("GET", "/api/v3/core/users/").send().unwrap());
    assert_eq!((status, &named), (200, &plain), "the page's own example is the static answer");
}

#[test]
fn browsers_get_cors_preflights_and_headers() {
    let server = Server::start(&[]);
    let client = Client::new();
    let preflight = client
        .request(reqwest::Method::OPTIONS, format!("{}/api/v3/core/users/7/", server.base))
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "PATCH")
        .header("access-control-request-headers", "authorization, content-type")
        .send()
        .unwrap();
    assert_eq!(preflight.status(), 200);
    let header = |name: &str| preflight.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("access-control-allow-origin"), "http://localhost:3000");
    assert!(header("access-control-allow-methods").contains("PATCH"));
    assert!(header("access-control-allow-headers").contains("authorization"));
    let answer = server.request("GET", "/api/v3/core/users/").header("origin", "http://localhost:3000").send().unwrap();
    assert_eq!(answer.headers()["access-control-allow-origin"], "http://localhost:3000");
}

/// Every answer of a dynamic server validates against its schema, they differ from each other, and one
/// seed gives one sequence of answers.
#[test]
fn dynamic_answers_are_fresh_valid_and_reproducible() {
    let docs = Docs::load();
    let list_operations: Vec<(String, String)> = docs
        .api
        .operations
        .iter()
        .filter(|op| {
            op.method == mdxgen::HttpMethod::Get && !op.path.contains('{') && op.parameters.iter().all(|p| !p.required)
        })
        .map(|op| (op.id.clone(), op.path.clone()))
        .collect();
    assert!(list_operations.len() >= 10, "{list_operations:?}");
    let answers = |seed: &str| {
        let server = Server::start(&["--dynamic", "--seed", seed]);
        let mut answers = Vec::new();
        for (id, path) in &list_operations {
            for _ in 0..5 {
                let (status, body) = docs.check(id, server.request("GET", path).send().unwrap());
                assert_eq!(status, 200);
                answers.push(body);
            }
        }
        answers
    };
    let first = answers("7");
    let distinct: std::collections::BTreeSet<String> = first.iter().map(Value::to_string).collect();
    assert!(distinct.len() > first.len() / 2, "{} distinct of {}", distinct.len(), first.len());
    assert_eq!(first, answers("7"), "one seed, one sequence");
    let server = Server::start(&[]);
    let (_, fresh) = docs.check(
        "core_users_list",
        server.request("GET", "/core/users/").header("prefer", "dynamic=true").send().unwrap(),
    );
    let (_, fixed) = docs.check("core_users_list", server.request("GET", "/core/users/").send().unwrap());
    assert_ne!(fresh, fixed, "Prefer: dynamic=true makes a fresh value on a static server");
}

/// Each kind of credential is looked for where its scheme says; without it, 401 with the challenge.
#[test]
fn credentials_are_looked_for_where_the_schemes_say() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("api.json");
    let ok = json!({"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "integer"}, "example": 1}}}});
    let operation =
        |id: &str, security: Value| json!({"get": {"operationId": id, "security": security, "responses": ok}});
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/basic": operation("basic", json!([{"basic": []}])),
            "/key": operation("key", json!([{"key": [], "session": []}])),
            "/open": operation("open", json!([{}, {"basic": []}])),
        },
        "components": {"securitySchemes": {
            "basic": {"type": "http", "scheme": "basic"},
            "key": {"type": "apiKey", "in": "query", "name": "api_key"},
            "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
        }},
    });
    std::fs::write(&spec, document.to_string()).unwrap();
    let server = Server::serve(&spec, &[]);
    let client = Client::new();
    let get = |path: &str| client.get(format!("{}{path}", server.base));
    let refused = get("/basic").send().unwrap();
    assert_eq!((refused.status().as_u16(), refused.headers()["www-authenticate"].to_str().unwrap()), (401, "Basic"));
    assert_eq!(get("/basic").basic_auth("u", Some("p")).send().unwrap().status(), 200);
    assert_eq!(get("/basic").bearer_auth("t").send().unwrap().status(), 401, "a bearer token is no basic credential");
    assert_eq!(get("/key?api_key=k").send().unwrap().status(), 401, "the cookie is needed too");
    assert_eq!(get("/key?api_key=k").header("cookie", "sid=s").send().unwrap().status(), 200);
    assert_eq!(get("/open").send().unwrap().status(), 200, "an empty requirement needs nothing");
}

#[test]
fn multipart_parts_are_read_by_their_property_types_and_refused_when_they_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("api.json");
    let properties = json!({
        "file": {"type": "string", "format": "binary"},
        "clear": {"type": "boolean"},
        "sizes": {"type": "array", "items": {"type": "integer"}},
    });
    let body = json!({"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": properties}}}});
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/upload": {"post": {"operationId": "upload", "requestBody": body, "responses": {"204": {"description": "done"}}}}},
    });
    std::fs::write(&spec, document.to_string()).unwrap();
    let server = Server::serve(&spec, &[]);
    let part =
        |name: &str, value: &str| format!("--X\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
    let post = |parts: &[(&str, &str)]| {
        let mut text: String = parts.iter().map(|(name, value)| part(name, value)).collect();
        text.push_str("--X--\r\n");
        let response = Client::new()
            .post(format!("{}/upload", server.base))
            .header("content-type", "multipart/form-data; boundary=X")
            .body(text)
            .send()
            .unwrap();
        (response.status().as_u16(), response.text().unwrap())
    };
    assert_eq!(post(&[("file", "hello"), ("clear", "true"), ("sizes", "1"), ("sizes", "2")]).0, 204);
    for (parts, refused) in [
        (vec![("clear", "maybe")], "clear"),
        (vec![("sizes", "1"), ("sizes", "big")], "sizes"),
        (vec![("clear", "true"), ("clear", "false")], "clear"),
    ] {
        let (status, problem) = post(&parts);
        assert!(status == 400 && problem.contains(refused), "{parts:?}: {status} {problem}");
    }
}
