//! Generates the petstore models and client from the docs pages into `OUT_DIR/api.rs`. cargo reruns this only
//! when one of the pages (or a sidecar) changes; an unchanged `api.rs` is not rewritten.

fn main() {
    mdxgen::Builder::new()
        .input("../../fixtures/petstore-v5")
        .client(true)
        .generate()
        .expect("the petstore docs read without errors");
}
