//! A coder's status of a document read from their layer file alone, without the document's text or
//! validation: how the progress view reads thousands of documents' statuses cheaply.
//!
//! The store writes `status` as a layer file's first field, so the status is read from the file's first line
//! without parsing the rest (parsing a layer of 50 mentions takes about 200 µs, the first line nothing; for
//! 20,000 files that is 4 s against a fraction of one). A file that does not start that way (written by hand)
//! is parsed whole. A file whose first line is right but whose rest is broken still gives its status here:
//! the progress view counts statuses, and `validate` and the problems window report the breakage.

use super::{Problem, paths, ron_io};
use crate::model::{Annotator, DocId, DocStatus, Layer};
use std::path::Path;

/// `coder`'s status of `doc` in the project at `root`: `New` when they have no layer file yet.
pub fn read_layer_status(root: &Path, doc: &DocId, coder: &Annotator) -> Result<DocStatus, Problem> {
    let rel = paths::layer(doc, coder);
    if !root.join(&rel).exists() {
        return Ok(DocStatus::New);
    }
    let source = ron_io::read_text(root, &rel)?;
    match leading_status(&source) {
        Some(status) => Ok(status),
        None => ron_io::parse::<Layer>(&rel, &source).map(|l| l.status),
    }
}

/// The status when the file starts `(status: <Status>,` (or `)`), as the store writes it.
fn leading_status(source: &str) -> Option<DocStatus> {
    let rest = source.trim_start().strip_prefix('(')?.trim_start().strip_prefix("status")?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric())?;
    let (word, after) = rest.split_at(end);
    // The field must end at the word: `status: Done,` and not `status: Done(…)` or `status: Done  x`.
    if !after.trim_start().starts_with([',', ')']) {
        return None;
    }
    match word {
        "New" => Some(DocStatus::New),
        "InProgress" => Some(DocStatus::InProgress),
        "Done" => Some(DocStatus::Done),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_is_read_from_the_layer_file_and_missing_means_new() {
        let dir = tempfile::tempdir().unwrap();
        let doc = DocId::parse("d1").unwrap();
        let huda = Annotator::parse("huda").unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::New);
        let file = dir.path().join("annotations/d1/huda.ron");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        // As the store writes it.
        let layer = Layer { status: DocStatus::Done, ..Layer::default() };
        let written = crate::store::to_ron(&layer).unwrap();
        assert_eq!(leading_status(&written), Some(DocStatus::Done), "the fast path reads what the store writes");
        std::fs::write(&file, written).unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::Done);
        // Written by hand: another order, a comment, no status at all.
        std::fs::write(&file, "(mentions: {}, status: InProgress)").unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::InProgress);
        std::fs::write(&file, "// checked\n(status: Done)").unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::Done);
        std::fs::write(&file, "(\n  mentions: {},\n)\n").unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::New);
        std::fs::write(&file, "(status: ").unwrap();
        assert!(read_layer_status(dir.path(), &doc, &huda).is_err());
        std::fs::write(&file, "(status: Finished)").unwrap();
        assert!(read_layer_status(dir.path(), &doc, &huda).is_err(), "an unknown status is not guessed");
    }

    #[test]
    fn the_first_line_gives_the_status_only_when_it_is_the_whole_field() {
        assert_eq!(leading_status("(\n  status: InProgress,\n  mentions: {"), Some(DocStatus::InProgress));
        assert_eq!(leading_status("(status: Done)"), Some(DocStatus::Done));
        assert_eq!(leading_status("(status: Done x,"), None);
        assert_eq!(leading_status("(statuses: Done,"), None);
        assert_eq!(leading_status("(mentions: {}, status: Done)"), None);
    }
}
