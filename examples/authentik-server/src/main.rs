//! Serves the example on 127.0.0.1 (port from the first argument, default 8000).

use authentik_server::api::server::{router, BASE_PATH};
use authentik_server::Directory;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::args().nth(1) {
        Some(port) => port.parse()?,
        None => 8000,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    eprintln!("serving http://{}{BASE_PATH}", listener.local_addr()?);
    axum::serve(listener, router(Directory::new()?)).await?;
    Ok(())
}
