//! Running the `tarmeez` command as a user does, for the tests of the readers of other tools' files.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A file of `tests/fixtures/formats/` (files shaped as other tools write them; see its README).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name)
}

/// A path as a command-line argument.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs tarmeez (as coder `lead` unless the arguments say otherwise); returns whether it succeeded and its
/// output, standard output then standard error.
pub fn run(args: &[&str]) -> (bool, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "lead").output().unwrap();
    let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    (o.status.success(), out)
}

/// A fresh project named `name` with the default schema and the given fixture texts as documents
/// (`raqqa.txt` is the document `raqqa`).
pub fn project_with(name: &str, texts: &[&Path]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (ok, out) = run(&["new", s(&dir), "--name", name]);
    assert!(ok, "{out}");
    if !texts.is_empty() {
        let mut args = vec!["import-text", s(&dir)];
        args.extend(texts.iter().map(|t| s(t)));
        let (ok, out) = run(&args);
        assert!(ok, "{out}");
    }
    (tmp, dir)
}
