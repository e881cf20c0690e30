//! A validating mock server of an API, interpreted from the IR at run time (`mdxgen mock`).
//!
//! [`Mock::new`] reads an [`Api`] into routes and per-operation checks (cheap: schemas are compiled for
//! validation on first use), [`Mock::router`] is the axum router (for tests, or to mount in a server of
//! your own), and [`serve`] runs it on a tokio runtime of its own. Requests are checked against the docs
//! (route, method, credentials, parameters, body by media type) and answered with the documented example,
//! or a value made from the schema; `Prefer: code=…, example=…, dynamic=…` chooses as in Stoplight Prism.
//!
//! This crate is the CLI's alone: the `mdxgen` library that build scripts use does not depend on it, so they
//! pull in no tokio, axum or HTTP stack.

mod answer;
mod body;
#[cfg(test)]
mod every_operation;
mod generate;
mod operation;
mod params;
mod routes;
mod schemas;
mod security;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use mdxgen_diag::Diagnostic;
use mdxgen_ir::Api;

pub use crate::schemas::{Direction, LazySchema, SchemaSet, Violation};

use crate::operation::MockOperation;
use crate::routes::Routes;

/// How the mock answers.
#[derive(Debug, Clone, Default)]
pub struct MockOptions {
    /// A fresh value made from the schema for each answer, instead of the documented example.
    pub dynamic: bool,
    /// The seed of the first fresh value (each answer takes the next): the same requests in the same order
    /// get the same answers. Without it, a random one.
    pub seed: Option<u64>,
}

/// The API as the server reads it.
pub struct Mock {
    set: SchemaSet,
    routes: Routes,
    operations: Vec<MockOperation>,
    dynamic: bool,
    seeds: AtomicU64,
}

/// One served operation, for the start-up listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedRoute {
    pub method: mdxgen_ir::HttpMethod,
    pub path: String,
    pub operation_id: String,
}

impl Mock {
    /// The mock of `api`. Paths the router cannot take are warnings and are not served; an error means the
    /// API's schemas could not be read at all.
    pub fn new(api: &Api, options: &MockOptions) -> Result<(Self, Vec<Diagnostic>), String> {
        let set = SchemaSet::new(api)?;
        let mut diagnostics = Vec::new();
        let routes = Routes::new(api, &mut diagnostics);
        let operations = api.operations.iter().map(|op| MockOperation::new(&set, api, op)).collect();
        let seed = options.seed.unwrap_or_else(rand::random);
        let mock = Self { set, routes, operations, dynamic: options.dynamic, seeds: AtomicU64::new(seed) };
        Ok((mock, diagnostics))
    }

    /// Every operation served, with the path under the first base path (`/api/v3/core/users/`).
    pub fn routes(&self) -> Vec<ServedRoute> {
        let base = self.routes.base_paths.first().map_or("", String::as_str);
        self.operations
            .iter()
            .map(|op| ServedRoute {
                method: op.method,
                path: format!("{base}{}", op.path),
                operation_id: op.id.clone(),
            })
            .collect()
    }

    /// The router: every request goes through the mock, behind a CORS layer that answers browsers'
    /// preflights and lets any origin read the answers.
    pub fn router(self) -> Router {
        Router::new().fallback(handle).with_state(Arc::new(self)).layer(tower_http::cors::CorsLayer::very_permissive())
    }

    fn next_seed(&self) -> u64 {
        self.seeds.fetch_add(1, Ordering::Relaxed)
    }
}

/// Answers one request and logs it: method, path, status and what failed validation.
async fn handle(State(mock): State<Arc<Mock>>, request: Request) -> Response {
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let answer = mock.answer(request).await;
    let failures: Vec<String> = answer.failures.iter().map(ToString::to_string).collect();
    let status = answer.response.status().as_u16();
    if failures.is_empty() {
        eprintln!("{method} {uri} {status}");
    } else {
        eprintln!("{method} {uri} {status} {}", failures.join("; "));
    }
    answer.response
}

/// Serves `mock` on `host:port` (port 0: any free one) until Ctrl-C, on a runtime of its own; `ready` is
/// called with the bound address once requests are taken.
pub fn serve(mock: Mock, host: &str, port: u16, ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((host, port))
            .await
            .map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        ready(address);
        axum::serve(listener, mock.router())
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}
