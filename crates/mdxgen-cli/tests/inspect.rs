//! `mdxgen inspect`: every operation and type of the authentik fixture, on stdout; errors exit 1.

use std::path::Path;
use std::process::{Command, Output};

fn inspect(input: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mdxgen")).arg("inspect").arg(input).output().expect("runs mdxgen")
}

#[test]
fn lists_every_operation_and_where_each_type_is_used() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/authentik");
    let output = inspect(&fixture);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let spec = fixture.join("../expected/authentik.openapi.yaml");
    let operations = std::fs::read_to_string(spec).expect("the golden spec").matches("operationId:").count();
    assert!(text.starts_with(&format!("{operations} operations\n")), "{}", &text[..text.len().min(200)]);
    assert!(text.contains("  GET     /core/users/  core_users_list\n"), "the users list is listed");
    // Each response with its status and media type: a status with two media types is listed twice, named.
    assert!(
        text.contains("responses: 200 application/json PaginatedUserList, 400 application/json ValidationError"),
        "{text}"
    );
    let user_line = text.lines().find(|l| l.starts_with("  User (struct")).expect("the User type");
    assert!(user_line.contains("core_users_create") && user_line.contains("PaginatedUserList"), "{user_line}");
}

#[test]
fn an_input_with_errors_exits_1() {
    let output = inspect(Path::new("/nonexistent/docs"));
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file or folder"));
}
