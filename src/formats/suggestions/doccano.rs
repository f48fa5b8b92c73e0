//! doccano JSONL, one document a line, in either of the shapes doccano exports for sequence labelling:
//! - `label` (or `labels`): `{"id": 1, "text": "...", "label": [[10, 19, "LOC"], ...], "Comments": []}`;
//! - `entities` (projects with relations): `{"id": 1, "text": "...", "entities": [{"id": 7, "label": "LOC",
//!   "start_offset": 10, "end_offset": 19}], "relations": [{"id": 1, "from_id": 7, "to_id": 8, "type": "x"}]}`.
//!
//! Offsets are code points. doccano's own `id` is its database number, so the document is matched by
//! `doc_id` (doccano keeps extra fields of imported lines), else by a string `id`, else by `text`. Relations
//! and text-classification labels (a `label` list of plain names) are left out, with a note.

use super::*;

pub(super) fn parse(json: &Json) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Doccano);
    let (mut relations, mut categories) = (0, 0);
    for record in records(json) {
        let prefix = record.origin;
        let value = match record.value {
            Ok(v) => v,
            Err(reason) => {
                out.refuse(prefix, RefusalKind::Malformed, reason);
                continue;
            }
        };
        let Some(obj) = value.as_object() else {
            out.refuse(prefix, RefusalKind::Malformed, format!("expected a doccano object, found {}", kind_of(&value)));
            continue;
        };
        let Some(text) = obj.get("text").and_then(Value::as_str) else {
            out.refuse(prefix, RefusalKind::Malformed, "no `text`: not a doccano line");
            continue;
        };
        let doc = DocRef { id: doc_id_field(obj, &["doc_id", "id"]), text: Some(Arc::from(text)) };
        if let Some(Value::Array(r)) = obj.get("relations") {
            relations += r.len();
        }
        if let Some(Value::Array(entities)) = obj.get("entities") {
            for (i, e) in entities.iter().enumerate() {
                let origin = join_origin(&prefix, &format!("entity {}", i + 1));
                match read_entity(e) {
                    Ok((label, start, end, score)) => out.push(origin, &doc, start, end, label, score),
                    Err((kind, reason)) => out.refuse(origin, kind, reason),
                }
            }
            continue;
        }
        let labels = match obj.get("label").or_else(|| obj.get("labels")) {
            Some(Value::Array(l)) => l,
            Some(other) => {
                out.refuse(prefix, RefusalKind::Malformed, format!("`label` is {}, not a list", kind_of(other)));
                continue;
            }
            None => {
                out.refuse(prefix, RefusalKind::Malformed, "neither `label` nor `entities`: no spans");
                continue;
            }
        };
        for (i, l) in labels.iter().enumerate() {
            let origin = join_origin(&prefix, &format!("label {}", i + 1));
            if l.is_string() {
                // A text classification export: categories of the whole text, not spans.
                categories += 1;
                continue;
            }
            match read_triple(l) {
                Ok((label, start, end)) => out.push(origin, &doc, start, end, label, None),
                Err((kind, reason)) => out.refuse(origin, kind, reason),
            }
        }
    }
    out.note_left_out(relations, "relation(s)");
    out.note_left_out(categories, "text classification label(s)");
    out
}

fn read_entity(e: &Value) -> Result<(String, usize, usize, Option<f64>), Bad> {
    let o = e.as_object().ok_or_else(|| malformed(format!("expected an object, found {}", kind_of(e))))?;
    Ok((
        label_field(o, "label")?,
        offset_field(o, "start_offset")?,
        offset_field(o, "end_offset")?,
        score_value(o.get("score"))?,
    ))
}

/// `[start, end, "LABEL"]`.
fn read_triple(l: &Value) -> Result<(String, usize, usize), Bad> {
    let shape = || malformed(format!("expected [start, end, \"LABEL\"], found {l}"));
    let Some([start, end, label]) = l.as_array().map(Vec::as_slice) else { return Err(shape()) };
    let label = match label {
        Value::String(s) if !s.trim().is_empty() => s.clone(),
        _ => return Err(shape()),
    };
    Ok((label, offset_value(start, "start")?, offset_value(end, "end")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_shapes_and_notes_relations() {
        let content = concat!(
            "{\"id\": 1, \"text\": \"قصفت القاعدة\", \"label\": [[5, 12, \"LOC\"]], \"Comments\": []}\n",
            "{\"id\": 2, \"text\": \"حقل العمر\", \"entities\": [{\"id\": 3, \"label\": \"LOC\", \"start_offset\": 0, \"end_offset\": 9}], \"relations\": [{\"id\": 1, \"from_id\": 3, \"to_id\": 3, \"type\": \"x\"}]}\n",
            "{\"id\": 3, \"text\": \"x\", \"label\": [[0, \"1\", \"LOC\"]]}\n",
        );
        let p = parse_str(content, None).unwrap();
        assert_eq!(p.format, SuggestionFormat::Doccano);
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[1].origin, "line 2, entity 1");
        assert_eq!(p.refused.len(), 1);
        assert_eq!(p.refused[0].origin, "line 3, label 1");
        assert_eq!(p.notes.len(), 1);
    }
}
