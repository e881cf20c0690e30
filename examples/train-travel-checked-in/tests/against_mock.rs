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

/// Three pages of stations, each linking to the next as train-travel does (`links.next`): the first
/// with an absolute URL, the second with one relative to the API's. Records each request's page and
/// `Authorization` header.
async fn serve_three_pages() -> (Client, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::extract::{Query, State};
    use axum::http::HeaderMap;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    type Seen = Arc<Mutex<Vec<String>>>;
    async fn page(
        State((seen, origin)): State<(Seen, String)>,
        Query(query): Query<HashMap<String, String>>,
        headers: HeaderMap,
    ) -> axum::Json<serde_json::Value> {
        let page = query.get("page").cloned().unwrap_or_else(|| "1".to_owned());
        let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("none");
        seen.lock().expect("not poisoned").push(format!("page {page}, {auth}"));
        let station = |name: &str| {
            serde_json::json!({"id": "efdbb9d1-02c2-4bc3-afb7-6788d8782b1e", "name": name,
                "address": "somewhere", "country_code": "DE"})
        };
        axum::Json(match page.as_str() {
            "1" => serde_json::json!({"data": [station("Berlin Hbf")],
                "links": {"self": format!("{origin}/stations"), "next": format!("{origin}/stations?page=2")}}),
            "2" => serde_json::json!({"data": [station("Paris Nord"), station("Wien Hbf")],
                "links": {"next": "/stations?page=3", "prev": "/stations"}}),
            _ => serde_json::json!({"data": [station("Roma Termini")], "links": {"prev": "/stations?page=2"}}),
        })
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let origin = format!("http://{}", listener.local_addr().expect("bound"));
    let seen = Seen::default();
    let app =
        axum::Router::new().route("/stations", axum::routing::get(page)).with_state((seen.clone(), origin.clone()));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (Client::new(origin).with_bearer_token("example-token"), seen)
}

#[tokio::test]
async fn the_stations_stream_follows_each_pages_next_link() {
    use futures::TryStreamExt;
    let (client, seen) = serve_three_pages().await;
    let stations: Vec<models::Station> = client.get_stations_stream().try_collect().await.expect("three pages");
    let names: Vec<&str> = stations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Berlin Hbf", "Paris Nord", "Wien Hbf", "Roma Termini"]);
    let seen = seen.lock().expect("not poisoned").clone();
    let bearer = "Bearer example-token";
    assert_eq!(seen, [format!("page 1, {bearer}"), format!("page 2, {bearer}"), format!("page 3, {bearer}")]);
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_refused() {
    use futures::StreamExt;
    let (client, _) = serve_three_pages().await;
    // The same server under another origin: its links point to 127.0.0.1, which is not `localhost`.
    let address = client.base_url().trim_start_matches("http://127.0.0.1").to_owned();
    let client = Client::new(format!("http://localhost{address}")).with_bearer_token("example-token");
    let results: Vec<_> = client.get_stations_stream().collect().await;
    assert!(results[0].is_ok(), "the first page is the API's own: {:?}", results[0]);
    let error = results.last().expect("an error after the first page").as_ref().expect_err("refused");
    assert!(error.to_string().contains("leaves the API's origin"), "{error}");
}
