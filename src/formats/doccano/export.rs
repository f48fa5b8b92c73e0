//! Writing coders' layers as doccano JSON lines.

use super::*;
use crate::formats::hf_jsonl::{LayerToExport, describe_mention, layers_to_export, lost_details, write_file};
use serde::Serialize;

#[derive(Serialize)]
struct OutLine<'a> {
    id: usize,
    doc_id: &'a DocId,
    annotator: &'a Annotator,
    text: &'a str,
    entities: Vec<OutEntity<'a>>,
    relations: Vec<OutRelation<'a>>,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct OutRelation<'a> {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// Writes `<out_dir>/doccano.jsonl` (see the module's documentation) from `annotator`'s layers, or every
/// coder's.
pub fn export_doccano(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let schema = project.config().schema.clone();
    let mut bytes = Vec::new();
    let mut notes = Vec::new();
    let mut spans = 0;
    for (i, l) in layers_to_export(project, annotator, out_dir, &mut summary)?.iter().enumerate() {
        let line = layer_line(i + 1, l, &schema, &mut notes);
        spans += line.entities.len();
        serde_json::to_writer(&mut bytes, &line).expect("serializing to memory cannot fail");
        bytes.push(b'\n');
    }
    summary.spans = spans;
    summary.not_expressed = notes;
    write_file(out_dir, FILE_NAME, &bytes, &mut summary)?;
    Ok(summary)
}

fn layer_line<'a>(id: usize, l: &LayerToExport<'a>, schema: &Schema, notes: &mut Vec<NotExpressed>) -> OutLine<'a> {
    let mut note = |what: String, lost: Vec<String>| {
        if !lost.is_empty() {
            notes.push(NotExpressed {
                doc: l.doc.clone(),
                annotator: l.annotator.clone(),
                what,
                reason: format!("doccano has no place for its {}", lost.join(", ")),
            });
        }
    };
    let mut entities = Vec::new();
    let mut mention_entity = BTreeMap::new();
    for (mid, m) in &l.layer.mentions {
        entities.push(OutEntity {
            id: entities.len() + 1,
            start_offset: m.span.start,
            end_offset: m.span.end,
            label: m.entity_type.as_str(),
        });
        mention_entity.insert(*mid, entities.len());
        let mut lost = Vec::new();
        if let Some(actor) = &m.actor {
            lost.push(format!("actor link `{actor}`"));
        }
        lost.extend(lost_details(&m.attributes, &m.note, m.provenance.is_some()));
        note(describe_mention(l.text, *mid, m), lost);
    }
    let mut event_entity = BTreeMap::new();
    for (eid, ev) in &l.layer.events {
        let what =
            format!("event {eid} ({} {} «{}»)", ev.event_type, ev.trigger, l.text.slice(ev.trigger).unwrap_or(""));
        if schema.entity_type(&EntityTypeId::new(ev.event_type.as_str())).is_some() {
            note(what, vec![format!("type, whose id `{}` is also an entity type's", ev.event_type)]);
            continue;
        }
        entities.push(OutEntity {
            id: entities.len() + 1,
            start_offset: ev.trigger.start,
            end_offset: ev.trigger.end,
            label: ev.event_type.as_str(),
        });
        event_entity.insert(*eid, entities.len());
        let mut lost = lost_details(&ev.attributes, &ev.note, ev.provenance.is_some());
        lost.extend(super::super::brat::record_details_lost(ev));
        note(what, lost);
    }
    let mut relations = Vec::new();
    for (eid, ev) in &l.layer.events {
        let Some(&from_id) = event_entity.get(eid) else { continue };
        for arg in &ev.arguments {
            if let Some(&to_id) = mention_entity.get(&arg.mention) {
                relations.push(OutRelation { id: relations.len() + 1, from_id, to_id, kind: arg.role.as_str() });
            }
        }
    }
    for (rid, rel) in &l.layer.mention_relations {
        if let (Some(&from_id), Some(&to_id)) = (mention_entity.get(&rel.from), mention_entity.get(&rel.to)) {
            relations.push(OutRelation { id: relations.len() + 1, from_id, to_id, kind: rel.relation_type.as_str() });
        }
        if !rel.note.is_empty() {
            note(format!("relation {rid} ({} {} -> {})", rel.relation_type, rel.from, rel.to), vec!["note".into()]);
        }
    }
    for (rid, rel) in &l.layer.relations {
        if let (Some(&from_id), Some(&to_id)) = (event_entity.get(&rel.from), event_entity.get(&rel.to)) {
            relations.push(OutRelation { id: relations.len() + 1, from_id, to_id, kind: rel.relation_type.as_str() });
        }
        if !rel.note.is_empty() {
            note(format!("relation {rid} ({} {} -> {})", rel.relation_type, rel.from, rel.to), vec!["note".into()]);
        }
    }
    OutLine { id, doc_id: l.doc, annotator: l.annotator, text: l.text.as_str(), entities, relations }
}
