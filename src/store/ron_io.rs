//! Reading and writing the project's RON files in one stable, diff-friendly style.

use super::fingerprint::Seen;
use super::problem::{Problem, ProblemKind};
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Serializes `value` as pretty RON with a trailing newline. Output is deterministic: the model keeps
/// everything in ordered maps and vectors.
///
/// Values nested deeper than three levels (a mention's span, its attributes) stay on one line, so that
/// each annotation is a few lines and a diff shows what changed at a glance. `project.ron` is written
/// fully expanded instead: see [`to_ron_expanded`].
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    write(value, PrettyConfig::new().depth_limit(3))
}

/// Like [`to_ron`] but with every level on its own lines, for the schema, which people read and edit.
pub fn to_ron_expanded<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    write(value, PrettyConfig::new())
}

fn write<T: Serialize>(value: &T, config: PrettyConfig) -> Result<String, ron::Error> {
    let config = config.indentor("  ").struct_names(false).compact_structs(false);
    let mut s = ron::ser::to_string_pretty(value, config)?;
    s.push('\n');
    Ok(s)
}

/// Parses RON text read from `file` (relative path, for the message).
pub fn parse<T: DeserializeOwned>(file: &Path, source: &str) -> Result<T, Problem> {
    ron::from_str(source).map_err(|e| Problem::from_ron(file, &e))
}

/// Reads and parses `root/rel`, returning the value, its source text (to locate later findings) and the
/// fingerprint of the bytes read (to notice, before saving over it, that someone else replaced it).
pub fn read<T: DeserializeOwned>(root: &Path, rel: &Path) -> Result<(T, String, Seen), Problem> {
    let (source, seen) = read_text_seen(root, rel)?;
    let value = parse(rel, &source)?;
    Ok((value, source, seen))
}

/// Reads `root/rel` as UTF-8 text.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Problem> {
    read_text_seen(root, rel).map(|(text, _)| text)
}

/// Reads `root/rel` as UTF-8 text, with the fingerprint of its bytes.
pub fn read_text_seen(root: &Path, rel: &Path) -> Result<(String, Seen), Problem> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Problem::in_file(rel, ProblemKind::Io, format!("cannot read the file: {e}")))?;
    let seen = Seen::of(&bytes);
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem::at(rel, line, column, ProblemKind::NotUtf8, "the file is not valid UTF-8 text")
    })?;
    // A byte-order mark (editors on Windows write one) is not part of the text; the next save leaves it out.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok((text, seen))
}
