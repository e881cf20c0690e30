//! The petstore API, generated from its docs pages by `build.rs`: `api::models` and `api::client`.

/// The models, their support types and the client, as mdxgen generates them.
pub mod api {
    include!(concat!(env!("OUT_DIR"), "/api.rs"));
}
