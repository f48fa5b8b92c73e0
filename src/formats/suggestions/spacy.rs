//! spaCy `Doc.to_json()`: `{"text": "...", "ents": [{"start": 0, "end": 9, "label": "LOC"}], "sents": [...],
//! "tokens": [...]}`, one object, a list of them, or JSON lines (one per document of a `DocBin`).
//!
//! `ents` offsets are character (code point) offsets into `text`. The document is matched by `text`, or by
//! an id in the custom attributes that `to_json(underscore=["doc_id"])` writes under `"_"`. spaCy's NER
//! gives no scores; a `score` on an entity is read if present. `spans` groups (span categorizer output)
//! and `cats` are left out, with a note.

use super::*;

pub(super) fn parse(json: &Json) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Spacy);
    let (mut span_groups, mut cats) = (0, 0);
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
            out.refuse(
                prefix,
                RefusalKind::Malformed,
                format!("expected a Doc.to_json() object, found {}", kind_of(&value)),
            );
            continue;
        };
        let Some(text) = obj.get("text").and_then(Value::as_str) else {
            out.refuse(prefix, RefusalKind::Malformed, "no `text`: not a spaCy Doc.to_json() object");
            continue;
        };
        let underscore = obj.get("_").and_then(Value::as_object);
        let doc =
            DocRef { id: underscore.and_then(|u| doc_id_field(u, &["doc_id", "id"])), text: Some(Arc::from(text)) };
        if let Some(Value::Object(groups)) = obj.get("spans") {
            span_groups += groups.values().filter_map(Value::as_array).map(Vec::len).sum::<usize>();
        }
        if let Some(Value::Object(c)) = obj.get("cats") {
            cats += c.len();
        }
        let ents = match obj.get("ents") {
            Some(Value::Array(e)) => e,
            // A Doc without NER annotation has no `ents`: nothing to suggest.
            None | Some(Value::Null) => continue,
            Some(other) => {
                out.refuse(prefix, RefusalKind::Malformed, format!("`ents` is {}, not a list", kind_of(other)));
                continue;
            }
        };
        for (i, ent) in ents.iter().enumerate() {
            let origin = join_origin(&prefix, &format!("ent {}", i + 1));
            let read = ent
                .as_object()
                .ok_or_else(|| malformed(format!("expected an object, found {}", kind_of(ent))))
                .and_then(|o| {
                    Ok((
                        label_field(o, "label")?,
                        offset_field(o, "start")?,
                        offset_field(o, "end")?,
                        score_value(o.get("score"))?,
                    ))
                });
            match read {
                Ok((label, start, end, score)) => out.push(origin, &doc, start, end, label, score),
                Err((kind, reason)) => out.refuse(origin, kind, reason),
            }
        }
    }
    out.note_left_out(span_groups, "span(s) of `spans` groups");
    out.note_left_out(cats, "`cats` categor(y/ies)");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ents_with_the_document_text() {
        let p = parse_str(
            r#"{"text": "قصفت القاعدة", "ents": [{"start": 5, "end": 12, "label": "LOC"}],
                "spans": {"sc": [{"start": 5, "end": 12, "label": "LOC", "kb_id": ""}]},
                "tokens": [{"id": 0, "start": 0, "end": 4}, {"id": 1, "start": 5, "end": 12}]}"#,
            Some(SuggestionFormat::Spacy),
        )
        .unwrap();
        assert_eq!(p.items.len(), 1);
        assert_eq!((p.items[0].start, p.items[0].end, p.items[0].label.as_str()), (5, 12, "LOC"));
        assert_eq!(p.items[0].doc.text.as_deref(), Some("قصفت القاعدة"));
        assert_eq!(p.items[0].origin, "ent 1");
        assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
    }
}
