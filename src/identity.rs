//! Who is coding: the name a coder's layer files carry (DESIGN.md section 11: every file has one writer, so
//! two coders must never share a name). Proposes the name git knows, refuses placeholder names, and lists the
//! names a project's files already use.

use crate::model::Annotator;
use std::collections::BTreeMap;
use std::path::Path;

/// Names that are nobody's: a default a newcomer may accept without reading (`annotator` was ours), or an
/// account name many people share.
const PLACEHOLDERS: &[&str] =
    &["annotator", "coder", "user", "root", "admin", "administrator", "default", "name", "me"];

/// The name in git's `user.name`, which a team that syncs through git has set. `home` reads that folder's
/// `.gitconfig` alone (for tests); `None` asks git as the user runs it. `None` when git is missing or has no
/// name.
pub fn git_user_name(home: Option<&Path>) -> Option<String> {
    let mut git = std::process::Command::new("git");
    match home {
        Some(home) => {
            git.args(["config", "--global", "--get", "user.name"])
                .env("HOME", home)
                .env_remove("XDG_CONFIG_HOME")
                .env("GIT_CONFIG_NOSYSTEM", "1");
        }
        None => {
            git.args(["config", "--get", "user.name"]);
        }
    }
    let out = git.stderr(std::process::Stdio::null()).output().ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !name.is_empty()).then_some(name)
}

/// The name to propose in the "who is coding?" dialog: git's, else the login name unless it is a shared
/// account, else nothing (the coder types one).
pub fn proposed_name() -> String {
    let login = ["USER", "USERNAME"].iter().find_map(|v| std::env::var(v).ok()).filter(|n| !is_placeholder(n));
    git_user_name(None).or(login).unwrap_or_default()
}

/// Whether `name` is a placeholder rather than a person's name.
pub fn is_placeholder(name: &str) -> bool {
    let layer = Annotator::from_raw(name.trim());
    PLACEHOLDERS.contains(&layer.as_str())
}

/// The coders whose layer files the project at `root` holds, with how many documents each has worked on.
pub fn coders_with_work(root: &Path) -> BTreeMap<Annotator, usize> {
    let mut coders = BTreeMap::new();
    let Ok(docs) = std::fs::read_dir(root.join("annotations")) else { return coders };
    for doc in docs.flatten() {
        let Ok(layers) = std::fs::read_dir(doc.path()) else { continue };
        for layer in layers.flatten() {
            let name = layer.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".ron")) else { continue };
            if let Ok(coder) = Annotator::parse(stem) {
                *coders.entry(coder).or_insert(0) += 1;
            }
        }
    }
    coders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recognised_however_they_are_typed() {
        for name in ["annotator", " Annotator ", "ROOT", "user"] {
            assert!(is_placeholder(name), "{name}");
        }
        for name in ["Huda Ali", "huda", "annotator-2"] {
            assert!(!is_placeholder(name), "{name}");
        }
    }

    #[test]
    fn coders_are_counted_by_the_documents_they_have_layers_in() {
        let dir = tempfile::tempdir().unwrap();
        for (doc, coder) in [("d1", "huda"), ("d2", "huda"), ("d2", "omar")] {
            let folder = dir.path().join("annotations").join(doc);
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join(format!("{coder}.ron")), "()").unwrap();
        }
        let coders = coders_with_work(dir.path());
        let counts: Vec<(&str, usize)> = coders.iter().map(|(a, n)| (a.as_str(), *n)).collect();
        assert_eq!(counts, [("huda", 2), ("omar", 1)]);
    }
}
