//! Tags come out in the order the sidebar lists them, not in the order pages happen to be read.

use mdxgen::{ReadOptions, load};

#[test]
fn tags_follow_the_sidebar() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(&fixture).expect("fixture").flatten() {
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copies");
    }
    let sidebar = r#"const sidebar = { apisidebar: [
  { type: "category", label: "user", items: [] },
  { type: "category", label: "store", items: [] },
  { type: "category", label: "pet", items: [] },
]};
export default sidebar.apisidebar;
"#;
    std::fs::write(dir.path().join("sidebar.ts"), sidebar).expect("writes");
    let loaded = load(&[dir.path().to_path_buf()], &ReadOptions::default());
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}", loaded.diagnostics);
    let tags: Vec<&str> = loaded.api.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["user", "store", "pet"]);
}
