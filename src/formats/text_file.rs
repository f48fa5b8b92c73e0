//! Reading the text files users bring from other tools (brat `.ann` and `.txt`, doccano and other JSON lines,
//! suggestion files, plain-text documents): one place that checks the bytes are UTF-8, saying on which line
//! they are not, and drops a byte-order mark.
//!
//! Editors on Windows (Notepad, Excel's "CSV UTF-8") start files with a byte-order mark, U+FEFF. It marks the
//! encoding and is no part of the content: left in, it becomes an invisible first character of the first
//! brat id or JSON line, and shifts every offset of a text by one.

use std::path::Path;

/// The byte-order mark, as a character.
const BOM: char = '\u{feff}';

/// `s` without a byte-order mark at its start.
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix(BOM).unwrap_or(s)
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum TextFileError {
    /// The file could not be read.
    #[error("cannot be read: {0}")]
    Unreadable(#[source] std::io::Error),
    /// The bytes are not UTF-8.
    #[error("is not UTF-8 (line {line}); convert it to UTF-8")]
    NotUtf8 {
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
    },
}

/// The content of a UTF-8 text file, without a byte-order mark at its start.
pub fn read_text(path: &Path) -> Result<String, TextFileError> {
    let bytes = std::fs::read(path).map_err(TextFileError::Unreadable)?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        TextFileError::NotUtf8 { line: valid.iter().filter(|&&b| b == b'\n').count() + 1 }
    })?;
    if text.starts_with(BOM) {
        text.drain(..BOM.len_utf8());
    }
    Ok(text)
}

/// The files at `path` whose extension is `extension` (any case): the file itself, or those in the folder and
/// its subfolders (corpora come as a folder per batch or per coder), sorted. Links to folders are not
/// followed, so a link cannot make a loop.
pub fn files_with_extension(path: &Path, extension: &str) -> std::io::Result<Vec<std::path::PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut out = Vec::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        for e in std::fs::read_dir(&folder)? {
            let e = e?;
            let p = e.path();
            if e.file_type()?.is_dir() {
                folders.push(p);
            } else if p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case(extension)) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_bytes_are_placed_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ann");
        std::fs::write(&path, "\u{feff}T1\tACTOR 0 4\tقصفت\n").unwrap();
        assert_eq!(read_text(&path).unwrap(), "T1\tACTOR 0 4\tقصفت\n");
        std::fs::write(&path, b"T1\n\xef\xbb\xbfT2\n\xff\n").unwrap();
        assert!(matches!(read_text(&path), Err(TextFileError::NotUtf8 { line: 3 })));
        assert_eq!(strip_bom("\u{feff}\u{feff}x"), "\u{feff}x", "only the mark at the start");
    }
}
