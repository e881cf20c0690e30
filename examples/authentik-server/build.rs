//! Generates the authentik models and server from the docs pages into `OUT_DIR/api.rs`.

fn main() {
    mdxgen::Builder::new()
        .input("../../fixtures/authentik")
        .server(true)
        .generate()
        .expect("the authentik docs read without errors");
}
