//! CoNLL columns (`token ... tag`, see [`crate::formats::conll`]) as suggestions: each span the tags make is
//! one item, its label the tag's without `B-`/`I-`.
//!
//! With the project at hand ([`read_aligned`], the command line), the tokens are placed in their document's
//! text as `import-annotations` places them, so a file without offsets (ANERcorp) gets exact ones; a
//! document the project lacks is refused (suggestions make no documents; `import-annotations --format
//! conll` does). Without it ([`parse`], the window), a file with Tarmeez's offset column names its document
//! and offsets, and one without is matched by its tokens' text, joined as a new document's would be.

use super::*;
use crate::formats::conll::{self as columns, Placement, Scheme};
use crate::model::DocId;
use crate::store::Project;
use std::path::Path;

/// Reads `content` without the project (see the module's documentation).
pub(super) fn parse(content: &str, scheme: Option<Scheme>) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Conll);
    let file = match columns::parse(strip_bom(content), scheme) {
        Ok(f) => f,
        Err(problems) => {
            for p in problems {
                out.refuse(format!("line {}", p.line), RefusalKind::Malformed, p.message);
            }
            return out;
        }
    };
    out.notes.extend(file.notes.iter().cloned());
    for d in &file.docs {
        let offsets: Option<Vec<usize>> = d.tokens.iter().map(|t| t.offset).collect();
        let (doc, starts) = match offsets {
            Some(starts) => (DocRef { id: d.name.clone(), text: None }, starts),
            None => match columns::new_text(d) {
                Ok((text, starts)) => (DocRef { id: d.name.clone(), text: Some(Arc::from(text)) }, starts),
                Err(p) => {
                    out.refuse(format!("line {}", p.line), RefusalKind::Malformed, p.message);
                    continue;
                }
            },
        };
        for s in &d.spans {
            let end = starts[s.last] + d.tokens[s.last].text.chars().count();
            let words = d.tokens[s.first..=s.last].iter().map(|t| t.text.clone()).collect();
            let position = out.take_position();
            out.items.push(RawItem {
                position,
                origin: format!("line {}", s.line),
                doc: doc.clone(),
                start: starts[s.first],
                end,
                unit: OffsetUnit::CodePoints,
                label: s.label.clone(),
                score: None,
                text: None,
                words,
                roles: Vec::new(),
            });
        }
    }
    out
}

/// Reads the file at `path` with its tokens placed in the project's documents (`doc` for a file of one
/// document that names none).
pub fn read_aligned(
    project: &Project,
    path: &Path,
    doc: Option<&DocId>,
    scheme: Option<Scheme>,
) -> Result<ParsedFile, FileError> {
    let file = match columns::read_file(path, scheme) {
        Ok(f) => f,
        Err(columns::ConllError::Refused { problems, .. }) => {
            let mut out = ParsedFile::new(SuggestionFormat::Conll);
            for p in problems {
                out.refuse(format!("line {}", p.line), RefusalKind::Malformed, p.message);
            }
            return Ok(out);
        }
        Err(e) => return Err(FileError::new(e.to_string())),
    };
    let mut out = ParsedFile::new(SuggestionFormat::Conll);
    out.notes.extend(file.notes.iter().cloned());
    let (aligned, problems) = columns::align(project, &file.docs, doc, "conll");
    for p in problems {
        out.refuse(format!("line {}", p.line), RefusalKind::TextMismatch, p.message);
    }
    for a in aligned {
        let Placement::Existing(id) = &a.placement else {
            let message = "no document of the project has these tokens: bring it in first (import-annotations \
                           --format conll creates it from the tokens), or name it with --doc";
            out.refuse(format!("line {}", a.line), RefusalKind::UnknownDocument, message);
            continue;
        };
        let doc = DocRef { id: Some(id.to_string()), text: None };
        for (span, label, line) in a.spans {
            out.push(format!("line {line}"), &doc, span.start, span.end, label, None);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_project_offsets_name_the_spans_else_the_joined_tokens_are_the_text() {
        let own = parse_str("# doc_id = d\nفي\t0\tO\nحقل\t3\tB-LOCATION\nالعمر\t7\tI-LOCATION\n", None).unwrap();
        assert_eq!(own.format, SuggestionFormat::Conll);
        let item = &own.items[0];
        assert_eq!((item.start, item.end, item.label.as_str(), item.doc.id.as_deref()), (3, 12, "LOCATION", Some("d")));
        assert_eq!(item.origin, "line 3");
        let aner = parse(" 🔥 O\nحقل B-LOC\nالعمر I-LOC\n", None);
        let item = &aner.items[0];
        assert_eq!((item.start, item.end), (2, 11));
        assert_eq!(item.doc.text.as_deref(), Some("🔥 حقل العمر"));
        let bad = parse("a I-X\nb E-X\n", Some(Scheme::Iob2));
        assert_eq!(bad.refused.len(), 2, "{:?}", bad.refused);
    }
}
