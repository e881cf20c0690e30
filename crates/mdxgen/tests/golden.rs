//! The specs generated from `fixtures/` equal the checked-in golden files. When one is stale the test says
//! so and names the command that refreshes it.

use mdxgen::{Builder, SpecFormat};
use mdxgen_testkit::golden_cases;

#[test]
fn golden_specs_are_up_to_date() {
    for case in golden_cases() {
        let (api, _) = Builder::new().input(&case.input).load().expect("fixtures read without errors");
        let generated = render(&api);
        let checked_in = std::fs::read_to_string(&case.spec).unwrap_or_default();
        assert!(
            generated == checked_in,
            "{} is stale: run `cargo xtask codegen` and review the diff",
            case.spec.display()
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let case = &golden_cases()[0];
    let render_case = || {
        let (api, _) = Builder::new().input(&case.input).load().expect("reads");
        render(&api)
    };
    assert_eq!(render_case(), render_case());
}

/// The spec as `cargo xtask codegen` writes it: YAML, in the version the docs need.
fn render(api: &mdxgen::Api) -> String {
    let version = mdxgen::OpenApiVersion::for_api(api);
    mdxgen_codegen::spec::render(api, SpecFormat::Yaml, version).expect("renders").0
}
