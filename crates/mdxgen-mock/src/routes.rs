//! Finding the operation of a request: the docs' paths under the base paths their servers give.

use mdxgen_diag::Diagnostic;
use mdxgen_ir::{Api, HttpMethod};
use serde_json::Value;

/// One path pattern and the operations that share it.
#[derive(Debug, Default)]
pub struct Route {
    /// (upper-case method, index into the operations, the path parameters' names in order)
    pub operations: Vec<(HttpMethod, usize, Vec<String>)>,
}

/// A request's operation and path parameters, or why there is none.
pub enum Found<'a> {
    Operation {
        index: usize,
        path_params: Vec<(String, String)>,
    },
    /// The path exists, with other methods (sorted for `Allow`).
    WrongMethod(Vec<&'a str>),
    NoRoute,
}

#[derive(Debug, Default)]
pub struct Routes {
    router: matchit::Router<usize>,
    routes: Vec<Route>,
    /// Path prefixes from the servers (`/api/v3`), without a trailing slash.
    pub base_paths: Vec<String>,
}

impl Routes {
    /// Routes of `operations` (`(method, path)` by index); a path the router cannot take is a warning.
    pub fn new(api: &Api, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut routes = Self { base_paths: base_paths(api), ..Self::default() };
        let mut patterns: Vec<String> = Vec::new();
        for (index, op) in api.operations.iter().enumerate() {
            let (pattern, names) = pattern(&op.path);
            let slot = match patterns.iter().position(|p| *p == pattern) {
                Some(slot) => slot,
                None => {
                    if let Err(error) = routes.router.insert(pattern.clone(), routes.routes.len()) {
                        let message = format!("{} {} is not served: {error}", op.method, op.path);
                        diagnostics.push(warning(op, "mock-route", &message));
                        continue;
                    }
                    patterns.push(pattern);
                    routes.routes.push(Route::default());
                    routes.routes.len() - 1
                }
            };
            routes.routes[slot].operations.push((op.method, index, names));
        }
        routes
    }

    /// The operation of `method` on `path` (the request's path, still percent-encoded), tried under each
    /// base path and as it is.
    pub fn find(&self, method: &str, path: &str) -> Found<'_> {
        let stripped = self.base_paths.iter().filter_map(|base| path.strip_prefix(base.as_str()));
        let mut allowed = None;
        for candidate in stripped.filter(|p| p.starts_with('/')).chain([path]) {
            let Ok(matched) = self.router.at(candidate) else { continue };
            let route = &self.routes[*matched.value];
            let values: Vec<&str> = matched.params.iter().map(|(_, v)| v).collect();
            if let Some((_, index, names)) = route.operations.iter().find(|(m, _, _)| m.wire() == method) {
                let path_params = names.iter().cloned().zip(values.iter().map(|v| decode(v))).collect();
                return Found::Operation { index: *index, path_params };
            }
            allowed.get_or_insert_with(|| {
                let mut methods: Vec<&str> = route.operations.iter().map(|(m, _, _)| m.wire()).collect();
                methods.sort_unstable();
                methods.dedup();
                methods
            });
        }
        allowed.map_or(Found::NoRoute, Found::WrongMethod)
    }
}

pub(crate) fn warning(op: &mdxgen_ir::Operation, code: &'static str, message: &str) -> Diagnostic {
    let file = op.source.as_ref().map_or_else(|| std::path::PathBuf::from(&op.id), |s| s.file.clone());
    Diagnostic::warning(&file, op.source.as_ref().and_then(|s| s.at), code, message)
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// `/users/{id}/` -> (`/users/{p0}/`, [`id`]): parameters are named by position, so that two paths that
/// name the same place differently (`/a/{id}`, `/a/{pk}/b`) share the router's node. A fragment (how some
/// docs list one path twice) is no part of the path.
fn pattern(path: &str) -> (String, Vec<String>) {
    let path = path.split('#').next().unwrap_or(path);
    let (mut pattern, mut names, mut rest) = (String::new(), Vec::new(), path);
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        pattern.push_str(&escape_literal(&rest[..open]));
        pattern.push_str(&format!("{{p{}}}", names.len()));
        names.push(rest[open + 1..close].to_owned());
        rest = &rest[close + 1..];
    }
    pattern.push_str(&escape_literal(rest));
    (pattern, names)
}

fn escape_literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The path part of each server URL (variables at their defaults), without a trailing slash; `/` gives none.
fn base_paths(api: &Api) -> Vec<String> {
    let servers = api.servers.iter().chain(api.operations.iter().flat_map(|op| op.servers.iter().flatten()));
    let mut paths: Vec<String> = servers.filter_map(server_path).filter(|p| !p.is_empty()).collect();
    paths.sort_by_key(|p| std::cmp::Reverse(p.len()));
    paths.dedup();
    paths
}

fn server_path(server: &Value) -> Option<String> {
    let mut url = server.get("url")?.as_str()?.to_owned();
    if let Some(Value::Object(variables)) = server.get("variables") {
        for (name, variable) in variables {
            let default = variable.get("default").and_then(Value::as_str).unwrap_or_default();
            url = url.replace(&format!("{{{name}}}"), default);
        }
    }
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
        None => url.as_str(),
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    Some(path.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn api(paths: &[(&str, &str)], servers: Vec<Value>) -> Api {
        let mut api = Api { servers, ..Api::default() };
        for (method, path) in paths {
            api.operations.push(mdxgen_ir::Operation {
                id: format!("{method}{path}"),
                method: mdxgen_ir::HttpMethod::parse(method).expect("a method"),
                path: (*path).to_owned(),
                summary: None,
                description: None,
                tags: vec![],
                deprecated: false,
                parameters: vec![],
                request_body: None,
                responses: vec![],
                security: None,
                servers: None,
                extra: Default::default(),
                examples: vec![],
                source: None,
            });
        }
        api
    }

    #[test]
    fn paths_match_under_the_base_path_and_alone() {
        let servers =
            vec![json!({"url": "{scheme}://example.com/api/v3/", "variables": {"scheme": {"default": "https"}}})];
        let api = api(&[("get", "/users/{id}/"), ("patch", "/users/{pk}/"), ("get", "/users/me/")], servers);
        let routes = Routes::new(&api, &mut Vec::new());
        assert_eq!(routes.base_paths, ["/api/v3"]);
        let Found::Operation { index, path_params } = routes.find("PATCH", "/api/v3/users/a%20b/") else { panic!() };
        assert_eq!((index, path_params), (1, vec![("pk".to_owned(), "a b".to_owned())]));
        assert!(matches!(routes.find("GET", "/users/me/"), Found::Operation { index: 2, .. }));
        assert!(matches!(routes.find("DELETE", "/users/1/"), Found::WrongMethod(m) if m == ["GET", "PATCH"]));
        assert!(matches!(routes.find("GET", "/api/v3/nothing/"), Found::NoRoute));
    }

    #[test]
    fn fragments_and_braces_are_no_part_of_the_pattern() {
        assert_eq!(pattern("/a/{x}/b#frag"), ("/a/{p0}/b".to_owned(), vec!["x".to_owned()]));
        assert_eq!(pattern("/a/{x}.json"), ("/a/{p0}.json".to_owned(), vec!["x".to_owned()]));
        assert_eq!(server_path(&json!({"url": "/"})), Some(String::new()));
    }
}
