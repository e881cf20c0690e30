//! The checked-in client against `mdxgen mock`'s server of the same docs, on 127.0.0.1.

use std::path::Path;

use train_travel_checked_in::api::client::Client;
use train_travel_checked_in::api::models;

async fn serve_the_docs() -> Client {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/train-travel-v5");
    let loaded = mdxgen::load(&[pages], &mdxgen::ReadOptions::default());
    let (mock, _) = mdxgen_mock::Mock::new(&loaded.api, &mdxgen_mock::MockOptions::default()).expect("a mock");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, mock.router()).await });
    Client::new(format!("http://{address}")).with_bearer_token("example-token")
}

#[tokio::test]
async fn the_stations_decode_into_the_generated_type() {
    let client = serve_the_docs().await;
    let stations = client.get_stations().send().await.expect("the documented success");
    assert_eq!(stations.status().as_u16(), 200);
    assert!(stations.data.as_ref().is_some_and(|d| !d.is_empty()), "the docs' example lists stations");
}

#[tokio::test]
async fn a_missing_required_parameter_is_caught_before_sending() {
    let client = serve_the_docs().await;
    let error = client.get_trips().send().await.expect_err("origin, destination and date are required");
    assert_eq!(error.status(), None, "refused on the client side: {error:?}");
}

#[tokio::test]
async fn a_booking_is_created() {
    let client = serve_the_docs().await;
    let booking = models::Booking::default().with_passenger_name("Ada Lovelace").with_has_bicycle(true);
    let created = client.create_booking().body(booking).send().await.expect("the documented success");
    assert_eq!(created.status().as_u16(), 201);
}
