//! Credentials: what an operation's security requirements (else the API's) ask a request to carry.

use axum::http::HeaderMap;
use mdxgen_ir::{Api, Operation};
use serde_json::Value;

/// One credential a request must carry, as far as a mock can see it (present, of the right kind).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    Header(String),
    Query(String),
    Cookie(String),
    /// `Authorization: <scheme> ...`, the scheme compared without case.
    Authorization(String),
}

/// Alternatives, any one of which suffices, each a list of credentials that must all be there. No
/// alternatives: nothing is required.
#[derive(Debug, Default)]
pub struct Requirements {
    pub alternatives: Vec<Vec<Credential>>,
    /// The HTTP auth schemes named, for `WWW-Authenticate`.
    pub challenges: Vec<String>,
}

/// What a request shows, read once.
pub struct Shown<'a> {
    pub headers: &'a HeaderMap,
    pub query: &'a [(String, String)],
    pub cookies: &'a [(String, String)],
}

impl Requirements {
    /// Schemes a mock cannot check (mutual TLS, undeclared names) are taken as met.
    pub fn new(api: &Api, op: &Operation) -> Self {
        let Some(requirements) = op.security.as_ref().or(api.security.as_ref()) else { return Self::default() };
        let mut challenges = Vec::new();
        let alternatives = requirements
            .iter()
            .map(|alternative| {
                let names = alternative.as_object().into_iter().flat_map(|o| o.keys());
                let credentials = names.filter_map(|name| credential(api.security_schemes.get(name)?));
                let credentials: Vec<Credential> = credentials.collect();
                for credential in &credentials {
                    if let Credential::Authorization(scheme) = credential
                        && !challenges.contains(scheme)
                    {
                        challenges.push(scheme.clone());
                    }
                }
                credentials
            })
            .collect();
        Self { alternatives, challenges }
    }

    pub fn met_by(&self, shown: &Shown) -> bool {
        self.alternatives.is_empty() || self.alternatives.iter().any(|a| a.iter().all(|c| c.shown(shown)))
    }
}

impl Credential {
    fn shown(&self, shown: &Shown) -> bool {
        match self {
            Self::Header(name) => shown.headers.contains_key(name.as_str()),
            Self::Query(name) => shown.query.iter().any(|(k, _)| k == name),
            Self::Cookie(name) => shown.cookies.iter().any(|(k, _)| k == name),
            Self::Authorization(scheme) => {
                shown.headers.get_all("authorization").iter().filter_map(|v| v.to_str().ok()).any(|v| {
                    v.split_once(' ')
                        .is_some_and(|(s, token)| s.eq_ignore_ascii_case(scheme) && !token.trim().is_empty())
                })
            }
        }
    }
}

fn credential(scheme: &Value) -> Option<Credential> {
    let text = |k: &str| scheme.get(k).and_then(Value::as_str);
    match text("type")? {
        "apiKey" => {
            let name = text("name")?.to_owned();
            match text("in")? {
                "header" => Some(Credential::Header(name.to_ascii_lowercase())),
                "query" => Some(Credential::Query(name)),
                "cookie" => Some(Credential::Cookie(name)),
                _ => None,
            }
        }
        "http" => Some(Credential::Authorization(text("scheme").unwrap_or("bearer").to_ascii_lowercase())),
        "oauth2" | "openIdConnect" => Some(Credential::Authorization("bearer".to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn any_alternative_suffices_and_each_kind_is_looked_for_in_its_place() {
        let mut api = Api::default();
        api.security_schemes.insert("bearer".into(), json!({"type": "http", "scheme": "Bearer"}));
        api.security_schemes.insert("key".into(), json!({"type": "apiKey", "in": "query", "name": "api_key"}));
        api.security_schemes.insert("session".into(), json!({"type": "apiKey", "in": "cookie", "name": "sid"}));
        api.security = Some(vec![json!({"bearer": []}), json!({"key": [], "session": []})]);
        let op = mdxgen_ir::from_openapi(
            &json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/x": {"get": {"operationId": "x", "responses": {"200": {"description": "ok"}}}}}}),
            std::path::Path::new("t.json"),
        )
        .0
        .operations
        .remove(0);
        let requirements = Requirements::new(&api, &op);
        assert_eq!(requirements.challenges, ["bearer"]);
        let mut headers = HeaderMap::new();
        let pairs =
            |list: &[(&str, &str)]| list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect::<Vec<_>>();
        let check = |headers: &HeaderMap, query: &[(String, String)], cookies: &[(String, String)]| {
            requirements.met_by(&Shown { headers, query, cookies })
        };
        assert!(!check(&headers, &[], &[]));
        assert!(!check(&headers, &pairs(&[("api_key", "k")]), &[]), "both of an alternative are needed");
        assert!(check(&headers, &pairs(&[("api_key", "k")]), &pairs(&[("sid", "s")])));
        headers.insert("authorization", "bearer t".parse().unwrap());
        assert!(check(&headers, &[], &[]));
        headers.insert("authorization", "Basic t".parse().unwrap());
        assert!(!check(&headers, &[], &[]));
    }
}
