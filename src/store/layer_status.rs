//! A coder's status of a document read from their layer file alone, without the document's text or
//! validation: how the progress view reads thousands of documents' statuses cheaply.

use super::{Problem, paths, ron_io};
use crate::model::{Annotator, DocId, DocStatus};
use serde::Deserialize;
use std::path::Path;

/// The one field of a layer file that the status needs; serde skips the rest without building it.
#[derive(Deserialize)]
struct StatusOnly {
    #[serde(default)]
    status: DocStatus,
}

/// `coder`'s status of `doc` in the project at `root`: `New` when they have no layer file yet.
pub fn read_layer_status(root: &Path, doc: &DocId, coder: &Annotator) -> Result<DocStatus, Problem> {
    let rel = paths::layer(doc, coder);
    if !root.join(&rel).exists() {
        return Ok(DocStatus::New);
    }
    let source = ron_io::read_text(root, &rel)?;
    ron_io::parse::<StatusOnly>(&rel, &source).map(|s| s.status)
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
        std::fs::write(
            &file,
            "(\n  status: Done,\n  mentions: {\n    \"m1\": (span: (start: 0, end: 2), type: \"ACTOR\"),\n  },\n)\n",
        )
        .unwrap();
        assert_eq!(read_layer_status(dir.path(), &doc, &huda).unwrap(), DocStatus::Done);
        std::fs::write(&file, "(status: ").unwrap();
        assert!(read_layer_status(dir.path(), &doc, &huda).is_err());
    }
}
