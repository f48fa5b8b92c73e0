//! A model server's answer for one document as suggestions (DESIGN.md section 12): planned exactly like a
//! file import ([`plan_import`], against the document asked about), and all or nothing per document: an
//! answer with any refused item (an offset outside the text, a quote not found, an unknown label) imports
//! nothing for that document, so that a coder never reviews half of a garbled answer.

use super::suggestion_import::{ImportReport, import_edit, plan_import};
use crate::formats::suggestions::{ParsedFile, Refusal};
use crate::model::{DocId, ProjectEdit, SourceInfo, SourceName};
use crate::store::{Project, now_rfc3339};

/// What one document's answer became.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerPlan {
    /// Every item fits: the edit adding the new ones (`None` when all were already there), and the report.
    Import(Option<Box<ProjectEdit>>, Box<ImportReport>),
    /// Some item did not fit: nothing is imported for this document; each refusal says why.
    Refused(Vec<Refusal>),
}

/// Plans `parsed`, the answer of `source`'s server about `doc`. The project's saved mapping of `source`
/// turns the model's labels into types.
pub fn plan_answer(project: &Project, source: &SourceName, doc: &DocId, parsed: ParsedFile) -> AnswerPlan {
    let mapping = project.config().sources.get(source).cloned().unwrap_or_default();
    let report = plan_import(project, source, parsed, Some(doc), &mapping);
    if !report.refused.is_empty() {
        return AnswerPlan::Refused(report.refused);
    }
    let info = SourceInfo {
        model: report.model.clone().unwrap_or_else(|| source.to_string()),
        version: String::new(),
        imported_at: now_rfc3339(),
    };
    let edit = import_edit(project, source, &report, info);
    let has_any = matches!(&edit, ProjectEdit::Batch(edits) if !edits.is_empty());
    AnswerPlan::Import(has_any.then(|| Box::new(edit)), Box::new(report))
}
