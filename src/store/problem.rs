//! Problems found while loading or validating a project, each pinned to a file, line and column.

use crate::model::{Finding, FindingKind};
use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of problem; lets callers and tests tell them apart without parsing messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// A file could not be read.
    Io,
    /// A file is not valid RON, or not of the expected shape.
    Parse,
    /// A text file is not UTF-8.
    NotUtf8,
    /// The project was written by a newer Tarmeez.
    FormatVersion,
    /// The schema contradicts itself.
    Schema,
    /// A document's text no longer matches the hash recorded at import.
    TextHashChanged,
    /// A document's metadata has no text file beside it.
    MissingText,
    /// A file name is not a valid id (document, annotator or source).
    BadFileName,
    /// The actor registry contradicts itself.
    Actors,
    /// A place of the registry is wrong (coordinates off the globe), or a mention links to a place the
    /// registry lacks.
    Places,
    /// A temp file of a save or import that was interrupted before its rename (`tarmeez repair` removes it).
    TempFile,
    /// A document's text without its metadata: an import interrupted between the two, or metadata deleted.
    HalfWritten,
    /// Annotations or suggestions of a document that has neither metadata nor text.
    Orphaned,
    /// A folder of the project is a symbolic link, which saves refuse to write through.
    Link,
    /// A validation rule of the model, see [`FindingKind`].
    Rule(FindingKind),
}

/// One problem: where it is and what it is, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the project folder.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// A plain sentence.
    pub message: String,
}

impl Problem {
    /// A problem about a whole file.
    pub fn in_file(file: impl Into<PathBuf>, kind: ProblemKind, message: impl Into<String>) -> Self {
        Self { file: file.into(), line: None, column: None, kind, message: message.into() }
    }

    /// A problem at a position of a file.
    pub fn at(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> Self {
        Self { file: file.into(), line: Some(line), column: Some(column), kind, message: message.into() }
    }

    /// Turns a model finding into a problem, locating its anchor in the file's `source` text.
    pub fn from_finding(file: &Path, source: &str, finding: Finding) -> Self {
        let (line, column) = locate(source, &finding.anchor).map_or((None, None), |(l, c)| (Some(l), Some(c)));
        Self { file: file.to_owned(), line, column, kind: ProblemKind::Rule(finding.kind), message: finding.message }
    }

    /// Turns a RON parse error into a problem at its position.
    pub fn from_ron(file: &Path, err: &ron::error::SpannedError) -> Self {
        Self::at(file, err.span.start.line, err.span.start.col, ProblemKind::Parse, err.code.to_string())
    }
}

impl Problem {
    /// The same problem with its file given as `root/file`, for messages printed outside the project.
    pub fn under(&self, root: &Path) -> Problem {
        Problem { file: root.join(&self.file), ..self.clone() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Finds the 1-based line and column of the last token of `anchor`, each token searched after the previous
/// one. When a later token is missing, the position of the last one found is returned.
pub fn locate(source: &str, anchor: &[String]) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for token in anchor {
        match source[from..].find(token.as_str()) {
            Some(i) => {
                found = Some(from + i);
                from += i + token.len();
            }
            None => break,
        }
    }
    let at = found?;
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_follows_the_anchor_tokens() {
        let src = "(\n  mentions: {\n    \"m1\": (type: \"ACTOR\"),\n    \"m2\": (type: \"BOGUS\"),\n  },\n)";
        let anchor = vec!["\"m2\"".to_string(), "\"BOGUS\"".to_string()];
        assert_eq!(locate(src, &anchor), Some((4, 18)));
        assert_eq!(locate(src, &["\"m9\"".to_string()]), None);
    }
}
