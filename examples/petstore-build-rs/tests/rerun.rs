//! cargo itself, run twice on this crate: with no input touched the build script does not run again, and
//! touching one page makes it run (and, the generated text being the same, leaves `api.rs` as it was;
//! cargo recompiles the crate after any run of its build script all the same). It runs what `cargo test --workspace` has just built
//! (`--workspace --no-run`, the same features, the same target folder), so nothing else is rebuilt.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Builds the workspace's tests; the `OUT_DIR` of this crate's build script, from cargo's JSON messages.
fn build() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    let output = Command::new(env!("CARGO"))
        .args(["test", "--workspace", "--no-run", "--quiet", "--message-format=json", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "build-script-executed" && m["package_id"].as_str().is_some_and(is_this_crate))
        .find_map(|m| m["out_dir"].as_str().map(PathBuf::from))
        .expect("cargo reports this crate's build script")
}

fn is_this_crate(package_id: &str) -> bool {
    package_id.contains("petstore-build-rs")
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).and_then(|m| m.modified()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_build_script_reruns_only_when_a_page_changes() {
    let out_dir = build();
    // The build script's stdout, which cargo rewrites each time the script runs.
    let script_output = out_dir.parent().expect("the build folder").join("output");
    let (ran_at, written_at) = (modified(&script_output), modified(&out_dir.join("api.rs")));

    assert_eq!(build(), out_dir);
    assert_eq!(modified(&script_output), ran_at, "nothing was touched, yet the build script ran again");

    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5/add-pet.api.mdx");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::File::options()
        .append(true)
        .open(&page)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .expect("touches the page");
    build();
    assert!(modified(&script_output) > ran_at, "a page was touched, yet the build script did not run");
    assert_eq!(modified(&out_dir.join("api.rs")), written_at, "the same text is not written again");
}
