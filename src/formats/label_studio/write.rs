//! Writing coders' layers as Label Studio tasks (`tarmeez export --format label-studio`): `<dir>/tasks.json`,
//! one task per document with one annotation per coder's layer, and `<dir>/label_config.xml` (see
//! [`super::config`]), so that the folder can be imported into a Label Studio project and read back by
//! `tarmeez import-annotations --format label-studio`.
//!
//! Each mention is a `labels` region of the control `entity`, each event's trigger one of `event`, with
//! UTF-16 offsets as Label Studio's frontend counts and the covered `text`; each filled role is a relation
//! from the trigger's region to the filler's labelled with the role, each relation (between events or
//! between mentions) a relation labelled with its type; attributes and notes are per-region `choices` and
//! `textarea` results (see [`super::attributes`]). The coder is `completed_by`, with the email
//! `<coder>@tarmeez.invalid` that names them on the way back. What Label Studio cannot hold (actor links,
//! provenance) is listed in [`ExportSummary::not_expressed`].

use super::attributes::{attribute_result, note_result};
use super::coders::TARMEEZ_EMAIL_DOMAIN;
use super::config::{self, write_config};
use super::offsets::Utf16Offsets;
use crate::formats::hf_jsonl::{
    ExportError, ExportSummary, LayerToExport, NotExpressed, describe_mention, layers_to_export, write_file,
};
use crate::model::Annotator;
use crate::model::{Attributes, Span};
use crate::store::Project;
use serde_json::{Value, json};
use std::path::Path;

/// The file of tasks written into the output folder.
pub const FILE_NAME: &str = "tasks.json";

/// Writes `<out_dir>/tasks.json` and `<out_dir>/label_config.xml` from `annotator`'s layers, or every
/// coder's.
pub fn export_label_studio(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let layers = layers_to_export(project, annotator, out_dir, &mut summary)?;
    let mut coders: Vec<&Annotator> = layers.iter().map(|l| l.annotator).collect();
    coders.sort();
    coders.dedup();
    let mut tasks: Vec<Value> = Vec::new();
    let mut notes = Vec::new();
    let mut spans = 0;
    let mut rest = layers.as_slice();
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|l| l.doc == first.doc).count();
        let (doc_layers, after) = rest.split_at(n);
        rest = after;
        let offsets = Utf16Offsets::of(first.text.as_str());
        let mut annotations = Vec::new();
        for l in doc_layers {
            let user = coders.iter().position(|c| *c == l.annotator).map_or(0, |i| i + 1);
            let (result, regions) = layer_results(l, &offsets, &mut notes);
            spans += regions;
            annotations.push(json!({
                "id": annotations.len() + 1,
                "completed_by": {"id": user, "email": format!("{}@{TARMEEZ_EMAIL_DOMAIN}", l.annotator), "first_name": l.annotator.as_str(), "last_name": ""},
                "was_cancelled": false,
                "ground_truth": false,
                "result": result,
            }));
        }
        let title =
            project.document(first.doc).and_then(|d| d.meta.as_ref()).map(|m| m.title.clone()).unwrap_or_default();
        tasks.push(json!({
            "id": tasks.len() + 1,
            "data": {"text": first.text.as_str(), "doc_id": first.doc.as_str(), "title": title},
            "annotations": annotations,
            "predictions": [],
        }));
    }
    let bytes = serde_json::to_vec_pretty(&tasks).expect("serializing to memory cannot fail");
    summary.spans = spans;
    summary.not_expressed = notes;
    write_file(out_dir, FILE_NAME, &bytes, &mut summary)?;
    let schema = &project.config().schema;
    write_file(out_dir, config::FILE_NAME, write_config(schema).as_bytes(), &mut summary)?;
    Ok(summary)
}

fn region(id: String, control: &str, span: Span, l: &LayerToExport<'_>, offsets: &Utf16Offsets, label: &str) -> Value {
    json!({
        "id": id,
        "from_name": control,
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {
            "start": offsets.utf16(span.start),
            "end": offsets.utf16(span.end),
            "text": l.text.slice(span).unwrap_or_default(),
            "labels": [label],
        },
    })
}

fn link(from: String, to: String, label: &str) -> Value {
    json!({"from_id": from, "to_id": to, "type": "relation", "direction": "right", "labels": [label]})
}

/// One layer's results (regions first, then relations), and how many regions.
fn layer_results(l: &LayerToExport<'_>, offsets: &Utf16Offsets, notes: &mut Vec<NotExpressed>) -> (Vec<Value>, usize) {
    let mut note = |what: String, lost: Vec<String>| {
        if !lost.is_empty() {
            let reason = format!("Label Studio's tasks have no place for its {}", lost.join(", "));
            notes.push(NotExpressed { doc: l.doc.clone(), annotator: l.annotator.clone(), what, reason });
        }
    };
    let mut out = Vec::new();
    let mut details = Vec::new();
    for (id, m) in &l.layer.mentions {
        let rid = format!("m{}", id.0);
        out.push(region(rid.clone(), "entity", m.span, l, offsets, m.entity_type.as_str()));
        details.extend(region_details(&rid, m.span, offsets, &m.attributes, &m.note));
        let mut lost = Vec::new();
        if let Some(actor) = &m.actor {
            lost.push(format!("actor link `{actor}`"));
        }
        if m.provenance.is_some() {
            lost.push(PROVENANCE.to_owned());
        }
        note(describe_mention(l.text, *id, m), lost);
    }
    for (id, ev) in &l.layer.events {
        let rid = format!("e{}", id.0);
        out.push(region(rid.clone(), "event", ev.trigger, l, offsets, ev.event_type.as_str()));
        details.extend(region_details(&rid, ev.trigger, offsets, &ev.attributes, &ev.note));
        let what =
            format!("event {id} ({} {} «{}»)", ev.event_type, ev.trigger, l.text.slice(ev.trigger).unwrap_or(""));
        note(what, if ev.provenance.is_some() { vec![PROVENANCE.to_owned()] } else { Vec::new() });
    }
    let regions = out.len();
    out.extend(details);
    for (id, ev) in &l.layer.events {
        for arg in &ev.arguments {
            out.push(link(format!("e{}", id.0), format!("m{}", arg.mention.0), arg.role.as_str()));
        }
    }
    for (rid, r) in &l.layer.relations {
        out.push(link(format!("e{}", r.from.0), format!("e{}", r.to.0), r.relation_type.as_str()));
        if !r.note.is_empty() {
            note(format!("relation {rid} ({} {} -> {})", r.relation_type, r.from, r.to), vec!["note".into()]);
        }
    }
    for (rid, r) in &l.layer.mention_relations {
        out.push(link(format!("m{}", r.from.0), format!("m{}", r.to.0), r.relation_type.as_str()));
        if !r.note.is_empty() {
            note(format!("relation {rid} ({} {} -> {})", r.relation_type, r.from, r.to), vec!["note".into()]);
        }
    }
    (out, regions)
}

const PROVENANCE: &str = "provenance (the suggestion it was accepted from)";

/// The per-region results holding a region's attributes and note.
fn region_details(region: &str, span: Span, offsets: &Utf16Offsets, attrs: &Attributes, note: &str) -> Vec<Value> {
    let at = (offsets.utf16(span.start), offsets.utf16(span.end));
    let mut out: Vec<Value> = attrs.iter().map(|(id, v)| attribute_result(region, id.as_str(), v, at)).collect();
    if !note.is_empty() {
        out.push(note_result(region, note, at));
    }
    out
}
