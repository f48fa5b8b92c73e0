//! Tarmeez's own model protocol (README, "Model servers"), as a server's answer or as a file of answers (one
//! JSON object, a list, or JSON lines):
//!
//! ```json
//! {"document": {"id": "doc-1"}, "model": "gazetteer", "version": "3",
//!  "mentions": [{"start": 0, "end": 5, "label": "ACTOR", "score": 0.9, "text": "..."}],
//!  "events": [{"start": 9, "end": 12, "label": "ATTACK", "score": 0.8,
//!              "roles": [{"role": "attacker", "start": 0, "end": 5, "label": "ACTOR"}]}]}
//! ```
//!
//! Offsets are code points, half-open. `document` (with `id` and/or `text`) is optional in a server's answer,
//! which is for the document asked about; `score`, `text` and `roles` are optional everywhere.

use super::fields::string_field;
use super::*;

pub(super) fn parse(json: &Json) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Tarmeez);
    for record in records(json) {
        match record.value {
            Ok(v) => read_record(&mut out, &record.origin, &v),
            Err(reason) => out.refuse(record.origin, RefusalKind::Malformed, reason),
        }
    }
    out
}

/// Reads one server answer for one document (the caller names the document).
pub fn read_answer(answer: &Value) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Tarmeez);
    read_record(&mut out, "", answer);
    out
}

fn read_record(out: &mut ParsedFile, prefix: &str, value: &Value) {
    let Some(obj) = value.as_object() else {
        let reason = format!("expected an object with `mentions` and `events`, found {}", kind_of(value));
        out.refuse(prefix.to_owned(), RefusalKind::Malformed, reason);
        return;
    };
    if !obj.contains_key("mentions") && !obj.contains_key("events") {
        out.refuse(prefix.to_owned(), RefusalKind::Malformed, "neither `mentions` nor `events`: no suggestions");
        return;
    }
    let doc = match obj.get("document").and_then(Value::as_object) {
        Some(d) => DocRef { id: doc_id_field(d, &["id"]), text: d.get("text").and_then(Value::as_str).map(Arc::from) },
        None => DocRef::default(),
    };
    if let Some(model) = obj.get("model").and_then(Value::as_str).filter(|m| !m.is_empty()) {
        let version = obj.get("version").and_then(Value::as_str).unwrap_or("");
        out.model = Some(if version.is_empty() { model.to_owned() } else { format!("{model} {version}") });
    }
    for (field, what) in [("mentions", "mention"), ("events", "event")] {
        let list = match obj.get(field) {
            None | Some(Value::Null) => continue,
            Some(Value::Array(list)) => list,
            Some(other) => {
                let reason = format!("`{field}` is {}, not a list", kind_of(other));
                out.refuse(prefix.to_owned(), RefusalKind::Malformed, reason);
                continue;
            }
        };
        for (i, v) in list.iter().enumerate() {
            let origin = join_origin(prefix, &format!("{what} {}", i + 1));
            match read_item(v, &doc, field == "events") {
                Ok(item) => out.push_item(RawItem { origin, ..item }),
                Err((kind, reason)) => out.refuse(origin, kind, reason),
            }
        }
    }
}

fn read_item(v: &Value, doc: &DocRef, event: bool) -> Result<RawItem, Bad> {
    let o = v.as_object().ok_or_else(|| malformed(format!("expected an object, found {}", kind_of(v))))?;
    let roles = match (event, o.get("roles")) {
        (_, None | Some(Value::Null)) => Vec::new(),
        (false, Some(_)) => return Err(malformed("a mention has no `roles`; put it under `events`")),
        (true, Some(Value::Array(list))) => list.iter().enumerate().map(read_role).collect::<Result<_, _>>()?,
        (true, Some(other)) => return Err(malformed(format!("`roles` is {}, not a list", kind_of(other)))),
    };
    Ok(RawItem {
        position: 0,
        origin: String::new(),
        doc: doc.clone(),
        start: offset_field(o, "start")?,
        end: offset_field(o, "end")?,
        unit: OffsetUnit::CodePoints,
        label: label_field(o, "label")?,
        score: score_value(o.get("score"))?,
        text: string_field(o, "text")?,
        words: Vec::new(),
        roles,
    })
}

fn read_role((i, v): (usize, &Value)) -> Result<RawRole, Bad> {
    let at = |(kind, reason): Bad| (kind, format!("role {}: {reason}", i + 1));
    let o = v.as_object().ok_or_else(|| at(malformed(format!("expected an object, found {}", kind_of(v)))))?;
    Ok(RawRole {
        role: label_field(o, "role").map_err(at)?,
        start: offset_field(o, "start").map_err(at)?,
        end: offset_field(o, "end").map_err(at)?,
        label: label_field(o, "label").map_err(at)?,
        text: string_field(o, "text").map_err(at)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_mentions_and_events_with_roles() {
        let answer: Value = serde_json::from_str(
            r#"{"model": "gaz", "version": "2", "mentions": [{"start": 0, "end": 4, "label": "ACTOR", "score": 0.5}],
                "events": [{"start": 6, "end": 9, "label": "ATTACK", "text": "قصف",
                            "roles": [{"role": "attacker", "start": 0, "end": 4, "label": "ACTOR"}]}]}"#,
        )
        .unwrap();
        let p = read_answer(&answer);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(p.model.as_deref(), Some("gaz 2"));
        assert_eq!((p.items[0].start, p.items[0].end, p.items[0].score), (0, 4, Some(0.5)));
        assert_eq!(p.items[1].origin, "event 1");
        assert_eq!(p.items[1].text.as_deref(), Some("قصف"));
        assert_eq!(p.items[1].roles[0].role, "attacker");
    }

    #[test]
    fn refuses_what_is_not_the_protocol_with_the_place() {
        let answer: Value = serde_json::from_str(
            r#"{"mentions": [{"start": 3, "label": "ACTOR"}, {"start": 0, "end": 1, "label": "X", "roles": []}],
                "events": [{"start": 0, "end": 1, "label": "E", "roles": [{"role": "r", "start": -1, "end": 1, "label": "A"}]}]}"#,
        )
        .unwrap();
        let p = read_answer(&answer);
        let reasons: Vec<String> = p.refused.iter().map(ToString::to_string).collect();
        assert_eq!(reasons[0], "mention 1: no `end` offset");
        assert!(reasons[1].starts_with("mention 2: a mention has no `roles`"), "{reasons:?}");
        assert_eq!(reasons[2], "event 1: role 1: `start` -1 is negative");
        assert!(read_answer(&serde_json::json!({"results": []})).refused[0].reason.contains("neither"));
    }
}
