//! The generated client against `mdxgen mock`'s server of the same docs, on 127.0.0.1: documented answers
//! decode into the generated types, and the mock refuses what the docs do not allow.

use std::path::Path;

use petstore_build_rs::api::client::{Client, Error};
use petstore_build_rs::api::models;

async fn serve_the_docs() -> Client {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
    let loaded = mdxgen::load(&[pages], &mdxgen::ReadOptions::default());
    let (mock, _) = mdxgen_mock::Mock::new(&loaded.api, &mdxgen_mock::MockOptions::default()).expect("a mock");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, mock.router()).await });
    // getPetById takes the `api_key` header; the mock checks that a credential is there, not what it is.
    Client::new(format!("http://{address}/v2")).with_api_key_key("example-key")
}

#[tokio::test]
async fn a_documented_answer_decodes_into_the_generated_type() {
    let client = serve_the_docs().await;
    let pet = client.get_pet_by_id(25).send().await.expect("the documented success");
    assert_eq!(pet.status().as_u16(), 200);
    assert_eq!(pet.name, "doggie", "the docs' example");
}

#[tokio::test]
async fn a_request_body_the_docs_allow_is_taken() {
    let client = serve_the_docs().await;
    let order = models::Order::default().with_pet_id(25).with_quantity(1);
    let placed = client.place_order().body(order).send().await.expect("the documented success");
    assert_eq!(placed.status().as_u16(), 200);
}

#[tokio::test]
async fn a_missing_credential_is_refused_with_the_documented_status() {
    let client = Client::new(serve_the_docs().await.base_url());
    let error = client.get_pet_by_id(25).send().await.expect_err("no api_key");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401), "{error:?}");
}

#[tokio::test]
async fn a_path_the_docs_do_not_have_is_an_unexpected_status() {
    let client = Client::new(format!("{}/nowhere", serve_the_docs().await.base_url())).with_api_key_key("k");
    let error = client.get_pet_by_id(25).send().await.expect_err("no such path");
    assert!(matches!(error, Error::UnexpectedStatus { .. } | Error::Response(_)), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

/// What cargo decides a rerun on: the build script's `output` (beside `OUT_DIR`) names the pages folder and
/// every page, so touching one page reruns the script and nothing else does.
#[test]
fn the_build_script_watches_every_page() {
    let output = Path::new(env!("OUT_DIR")).parent().expect("the build folder").join("output");
    let printed = std::fs::read_to_string(&output).expect("cargo keeps the build script's output");
    let watched: Vec<&str> = printed.lines().filter_map(|l| l.strip_prefix("cargo:rerun-if-changed=")).collect();
    assert!(watched.contains(&"../../fixtures/petstore-v5"), "the folder, for pages added or removed: {watched:?}");
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
    for page in std::fs::read_dir(&pages).expect("lists").flatten() {
        let name = page.file_name().to_string_lossy().into_owned();
        if name.ends_with(".mdx") || name == "sidebar.ts" {
            assert!(watched.iter().any(|w| w.ends_with(&name)), "{name} is not watched: {watched:?}");
        }
    }
}
