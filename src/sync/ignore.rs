//! The `.gitignore` and `.gitattributes` a shared project needs: locks and temp files stay on each computer,
//! texts stay byte-exact.

use super::SyncError;
use std::path::Path;

/// Lines `.gitignore` must have: the locks (`.locks/`, one computer's sessions), the temp files of saves
/// cut short (`.tarmeez-<target>-XXXXXX.tmp`, `store::atomic` and `store::batch`), and caches.
const IGNORED: [&str; 3] = ["/.locks/", ".tarmeez-*.tmp", "/.cache/"];

/// Lines `.gitattributes` must have: no end-of-line conversion, so offsets into the texts stay right on
/// every computer (Windows included) and files compare byte for byte.
const ATTRIBUTES: [&str; 1] = ["* -text"];

/// Adds what is missing to `.gitignore` and `.gitattributes` in `root` (keeping what the user wrote);
/// returns whether a file changed.
pub(super) fn ensure(root: &Path) -> Result<bool, SyncError> {
    let ignore = add_lines(&root.join(".gitignore"), "# Tarmeez: kept on each computer, never shared", &IGNORED)?;
    let attributes = add_lines(&root.join(".gitattributes"), "# Tarmeez: texts byte for byte", &ATTRIBUTES)?;
    Ok(ignore || attributes)
}

fn add_lines(path: &Path, heading: &str, lines: &[&str]) -> Result<bool, SyncError> {
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(SyncError::io(path, e)),
    };
    let have: Vec<&str> = old.lines().map(str::trim).collect();
    let missing: Vec<&&str> = lines.iter().filter(|l| !have.contains(l)).collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(heading);
    text.push('\n');
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    crate::store::atomic::write_atomic(path, text.as_bytes()).map_err(|e| SyncError::io(path, e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_lines_are_added_once_and_the_user_s_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".gitignore"), "notes/").unwrap();
        assert!(super::ensure(dir.path()).unwrap());
        assert!(!super::ensure(dir.path()).unwrap(), "a second time changes nothing");
        let text = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
        assert!(text.starts_with("notes/\n") && text.contains("/.locks/\n") && text.contains(".tarmeez-*.tmp\n"));
        assert_eq!(std::fs::read_to_string(dir.path().join(".gitattributes")).unwrap().lines().last(), Some("* -text"));
    }
}
