//! Evidence: the spans of the article that justify a field of an event's record ("مقتل ما لا يقل عن 5
//! عناصر" for `fatalities`). A field is one of the record's own fields ([`RECORD_FIELDS`]) or an event
//! attribute of the schema. Adding and removing evidence are edits of the event, so undo covers them.

use super::coding::CodingError;
use super::{AttributeTarget, DocText, Edit, EventId, FieldId, Layer, Schema, Span};

/// The record's own fields that evidence can justify besides the event attributes: the date (from the TIME
/// filler), the location (the LOCATION filler), and the first and second actors.
pub const RECORD_FIELDS: [&str; 4] = ["date", "location", "actor1", "actor2"];

/// Every field of an event's record that evidence can justify under `schema`: [`RECORD_FIELDS`] first, then the
/// schema's event attributes in schema order.
pub fn record_fields(schema: &Schema) -> Vec<FieldId> {
    let own = RECORD_FIELDS.iter().map(|&f| FieldId::from(f));
    let attributes =
        schema.attributes.iter().filter(|a| a.target == AttributeTarget::Event).map(|a| FieldId::from(a.id.as_str()));
    let mut out: Vec<FieldId> = Vec::new();
    for field in own.chain(attributes) {
        if !out.contains(&field) {
            out.push(field);
        }
    }
    out
}

/// Adds `span` as evidence of `field` of event `id` (after the evidence it has). The span must be inside the
/// text and keep letters with their marks; a span already given for the field is refused.
pub fn add_evidence(
    layer: &Layer,
    text: &DocText,
    id: EventId,
    field: &FieldId,
    span: Span,
) -> Result<Edit, CodingError> {
    text.check_span(span).map_err(|e| CodingError::BadSpan(e.to_string()))?;
    let mut changed = layer.events.get(&id).ok_or(CodingError::NoEvent(id))?.clone();
    let spans = changed.evidence.entry(field.clone()).or_default();
    if spans.contains(&span) {
        return Err(CodingError::BadSpan(format!("{span} is already evidence of {field}")));
    }
    spans.push(span);
    Ok(Edit::PutEvent(id, Some(changed)))
}

/// Removes `span` from the evidence of `field` of event `id` (a field left without evidence is dropped).
pub fn remove_evidence(layer: &Layer, id: EventId, field: &FieldId, span: Span) -> Result<Edit, CodingError> {
    let mut changed = layer.events.get(&id).ok_or(CodingError::NoEvent(id))?.clone();
    let Some(spans) = changed.evidence.get_mut(field) else {
        return Err(CodingError::BadSpan(format!("{field} has no evidence {span}")));
    };
    let before = spans.len();
    spans.retain(|s| *s != span);
    if spans.len() == before {
        return Err(CodingError::BadSpan(format!("{field} has no evidence {span}")));
    }
    if spans.is_empty() {
        changed.evidence.remove(field);
    }
    Ok(Edit::PutEvent(id, Some(changed)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, default_conflict_schema};

    fn setup() -> (Layer, DocText) {
        let text = DocText::new("قصفت المليشيا القاعدة ومقتل 5 عناصر".to_owned());
        let mut layer = Layer::default();
        layer.events.insert(EventId(1), Event::new("ATTACK", Span::new(0, 4)));
        (layer, text)
    }

    #[test]
    fn record_fields_list_the_records_own_fields_then_event_attributes_once() {
        let fields = record_fields(&default_conflict_schema());
        assert_eq!(&fields[..4], &RECORD_FIELDS.map(FieldId::from));
        assert!(fields.contains(&FieldId::from("fatalities")));
        assert!(!fields.contains(&FieldId::from("count")), "a mention attribute is not a record field");
        let mut unique = fields.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), fields.len());
    }

    #[test]
    fn evidence_is_added_and_removed_with_inverse_edits() {
        let (mut layer, text) = setup();
        let before = layer.clone();
        let field = FieldId::from("fatalities");
        let undo = add_evidence(&layer, &text, EventId(1), &field, Span::new(22, 35)).unwrap().apply(&mut layer);
        assert_eq!(layer.events[&EventId(1)].evidence[&field], vec![Span::new(22, 35)]);
        let again = add_evidence(&layer, &text, EventId(1), &field, Span::new(22, 35));
        assert!(matches!(again, Err(CodingError::BadSpan(_))), "{again:?}");
        let mut removed = layer.clone();
        remove_evidence(&layer, EventId(1), &field, Span::new(22, 35)).unwrap().apply(&mut removed);
        assert!(removed.events[&EventId(1)].evidence.is_empty(), "the emptied field is dropped");
        undo.apply(&mut layer);
        assert_eq!(layer, before);
        assert!(remove_evidence(&before, EventId(1), &field, Span::new(0, 4)).is_err());
    }

    #[test]
    fn evidence_out_of_the_text_or_splitting_a_letter_from_its_mark_is_refused() {
        let (layer, _) = setup();
        let field = FieldId::from("fatalities");
        let text = DocText::new("قَصف".to_owned());
        let out = add_evidence(&layer, &text, EventId(1), &field, Span::new(0, 9));
        assert!(matches!(out, Err(CodingError::BadSpan(_))), "{out:?}");
        let split = add_evidence(&layer, &text, EventId(1), &field, Span::new(0, 1));
        assert!(matches!(split, Err(CodingError::BadSpan(_))), "{split:?}");
        assert!(add_evidence(&layer, &text, EventId(9), &field, Span::new(0, 2)).is_err());
    }
}
