//! `tarmeez export --format webanno`: every chosen coder's layer of every document as
//! `<out>/<doc>/<annotator>.tsv`, what INCEpTION's project export holds in its `annotation/` folder.

use super::write::layer_to_tsv;
use crate::formats::hf_jsonl::{ExportError, ExportSummary, NotExpressed, layers_to_export};
use crate::model::Annotator;
use crate::store::Project;
use std::path::Path;

/// Writes one `.tsv` per coder's layer of each document (see the module's documentation); what the format
/// cannot hold is listed in [`ExportSummary::not_expressed`].
pub fn export_webanno(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let layers = layers_to_export(project, annotator, out_dir, &mut summary)?;
    for l in layers {
        let (tsv, notes) = layer_to_tsv(l.text, l.layer);
        summary.spans += l.layer.mentions.len() + l.layer.events.len();
        summary.not_expressed.extend(notes.into_iter().map(|(what, reason)| NotExpressed {
            doc: l.doc.clone(),
            annotator: l.annotator.clone(),
            what,
            reason,
        }));
        let folder = out_dir.join(l.doc.as_str());
        std::fs::create_dir_all(&folder).map_err(|source| ExportError::Write { path: folder.clone(), source })?;
        let path = folder.join(format!("{}.tsv", l.annotator));
        crate::store::atomic::write_atomic(&path, tsv.as_bytes())
            .map_err(|source| ExportError::Write { path: path.clone(), source })?;
        summary.files.push(path);
    }
    Ok(summary)
}
