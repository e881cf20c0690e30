//! Output is written in one step at the end: to a temporary file beside the target, then renamed over it,
//! so a failed run never leaves a half-written file.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes` atomically (on the same file system).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
