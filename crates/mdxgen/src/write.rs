//! Output is written in one step at the end: to a temporary file (or folder) beside the target, then renamed
//! over it, so a failed run never leaves a half-written output.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The file that marks a folder as mdxgen's output, which it may replace. A folder without it is never
/// replaced, so that `-o` pointing at the wrong place cannot delete a project.
pub const OUTPUT_MARKER: &str = ".mdxgen";

/// Replaces `path` with `bytes` atomically (on the same file system). A file that already holds `bytes` is
/// left untouched, so its modification time stays and nothing that watches it sees a change.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("`{}` does not name a file", path.display()))?;
    let temp = dir.join(format!(".{name}.mdxgen-{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("cannot write `{}`: {e}", path.display()));
    }
    Ok(())
}

/// Replaces the folder `dir` with exactly `files` (paths relative to it, `/`-separated). The files are
/// written to a temporary folder beside it, which then takes its place. Paths that would leave the folder
/// (absolute, `..`) are refused before anything is written, and so is an existing folder that is not
/// mdxgen output. A folder that already holds exactly `files` is left untouched.
pub fn write_dir_atomic(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("`{}` does not name a folder", dir.display()))?;
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let relative: Vec<PathBuf> = files.iter().map(|(path, _)| inside(path)).collect::<Result<_, _>>()?;
    check_replaceable(dir)?;
    if holds_exactly(dir, &relative, files) {
        return Ok(());
    }
    std::fs::create_dir_all(parent).map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    let temp = parent.join(format!(".{name}.mdxgen-{}.tmp", std::process::id()));
    let written = write_tree(&temp, relative.iter().zip(files.iter().map(|(_, bytes)| bytes)));
    if let Err(e) = written.and_then(|()| swap_in(&temp, dir)) {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(format!("cannot write `{}`: {e}", dir.display()));
    }
    Ok(())
}

/// `path` as a relative path of plain names, or why not.
fn inside(path: &str) -> Result<PathBuf, String> {
    let relative = Path::new(path);
    let plain = !path.is_empty() && relative.components().all(|c| matches!(c, Component::Normal(_)));
    if plain { Ok(relative.to_path_buf()) } else { Err(format!("`{path}` is not a path inside the output folder")) }
}

/// Whether `dir` holds these files with these contents and no other file.
fn holds_exactly(dir: &Path, relative: &[PathBuf], files: &[(String, Vec<u8>)]) -> bool {
    let same =
        relative.iter().zip(files).all(|(path, (_, bytes))| std::fs::read(dir.join(path)).is_ok_and(|b| b == *bytes));
    same && files_below(dir).is_some_and(|count| count == files.len())
}

/// How many files the folder tree holds, or `None` when it cannot be read.
fn files_below(dir: &Path) -> Option<usize> {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        count += if path.is_dir() { files_below(&path)? } else { 1 };
    }
    Some(count)
}

fn check_replaceable(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(format!("`{}` exists and is not a folder", dir.display()));
    }
    let empty = std::fs::read_dir(dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?.next().is_none();
    if empty || dir.join(OUTPUT_MARKER).is_file() {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not mdxgen output (it has no `{OUTPUT_MARKER}` file): refusing to replace it",
            dir.display()
        ))
    }
}

fn write_tree<'a>(root: &Path, files: impl Iterator<Item = (&'a PathBuf, &'a Vec<u8>)>) -> std::io::Result<()> {
    if root.exists() {
        std::fs::remove_dir_all(root)?;
    }
    std::fs::create_dir_all(root)?;
    for (relative, bytes) in files {
        let path = root.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::File::create(&path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    Ok(())
}

/// Puts `temp` in the place of `dir`: the old folder is moved aside first and removed last, and put back
/// if the new one cannot take its place.
fn swap_in(temp: &Path, dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        return std::fs::rename(temp, dir);
    }
    let old = temp.with_extension("old");
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(dir, &old)?;
    if let Err(e) = std::fs::rename(temp, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(e);
    }
    std::fs::remove_dir_all(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter().map(|(p, c)| (p.to_string(), c.as_bytes().to_vec())).collect()
    }

    #[test]
    fn replaces_a_folder_whole() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("out");
        write_dir_atomic(&dir, &files(&[(OUTPUT_MARKER, ""), ("src/a.rs", "a"), ("old.rs", "x")])).expect("writes");
        write_dir_atomic(&dir, &files(&[(OUTPUT_MARKER, ""), ("src/b.rs", "b")])).expect("writes");
        assert!(!dir.join("old.rs").exists() && !dir.join("src/a.rs").exists());
        assert_eq!(std::fs::read_to_string(dir.join("src/b.rs")).expect("reads"), "b");
        assert_eq!(std::fs::read_dir(root.path()).expect("lists").count(), 1, "no temporary folder is left");
    }

    #[test]
    fn never_writes_outside_the_folder() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("out");
        for path in ["../escape.rs", "/etc/x", "a/../../b", ""] {
            let error = write_dir_atomic(&dir, &files(&[(path, "x")])).expect_err("refused");
            assert!(error.contains("not a path inside"), "{error}");
        }
        assert_eq!(std::fs::read_dir(root.path()).expect("lists").count(), 0, "nothing was written");
    }

    #[test]
    fn never_replaces_a_folder_it_did_not_write() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::write(root.path().join("precious.txt"), "keep").expect("writes");
        let error = write_dir_atomic(root.path(), &files(&[("a", "b")])).expect_err("refused");
        assert!(error.contains("refusing to replace"), "{error}");
        assert!(root.path().join("precious.txt").exists());
    }

    #[test]
    fn leaves_unchanged_output_untouched() {
        let root = tempfile::tempdir().expect("temp dir");
        let (dir, file) = (root.path().join("out"), root.path().join("api.rs"));
        let crate_files = files(&[(OUTPUT_MARKER, ""), ("src/a.rs", "a")]);
        write_dir_atomic(&dir, &crate_files).expect("writes");
        write_atomic(&file, b"one").expect("writes");
        let stamp = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).expect("mtime");
        let before = (stamp(&dir.join("src/a.rs")), stamp(&file));
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_dir_atomic(&dir, &crate_files).expect("writes");
        write_atomic(&file, b"one").expect("writes");
        assert_eq!((stamp(&dir.join("src/a.rs")), stamp(&file)), before, "nothing was rewritten");
        std::fs::write(dir.join("stray.rs"), "x").expect("writes");
        write_dir_atomic(&dir, &crate_files).expect("writes");
        assert!(!dir.join("stray.rs").exists(), "a folder with an extra file is replaced");
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("api.yaml");
        write_atomic(&path, b"one").expect("writes");
        write_atomic(&path, b"two").expect("writes");
        assert_eq!(std::fs::read(&path).expect("reads"), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1);
    }
}
