//! Role filling that flows: which role to arm next, marking a span and filling the armed role with it in one
//! edit, and which role a mention inspected before an event was made is offered for. Like
//! [`super::coding`], these build edits and change nothing themselves.

use super::coding::{self, CodingError};
use super::{Edit, EntityTypeId, Event, Layer, MentionId, Role, RoleId, Schema, Span};

/// The roles of `event`'s type, in the schema's order (none when the type is not in the schema).
fn roles<'a>(schema: &'a Schema, event: &Event) -> &'a [Role] {
    schema.event_type(&event.event_type).map_or(&[], |t| t.roles.as_slice())
}

/// Whether some mention fills `role` of `event`.
fn filled(event: &Event, role: &RoleId) -> bool {
    event.arguments.iter().any(|a| &a.role == role)
}

/// The role to arm after `after` was filled (or, with `None`, when the event was just made): the first role
/// after it in the schema's order that no mention fills, wrapping round to the earlier ones; `None` when
/// every role has a filler. A repeatable role that has one filler is not armed again: a second filler is
/// the coder's choice (its number, or its "pick" button).
pub fn next_empty_role(schema: &Schema, event: &Event, after: Option<&RoleId>) -> Option<RoleId> {
    let roles = roles(schema, event);
    let start = after.and_then(|a| roles.iter().position(|r| &r.id == a)).map_or(0, |i| i + 1);
    (0..roles.len()).map(|k| &roles[(start + k) % roles.len()]).find(|r| !filled(event, &r.id)).map(|r| r.id.clone())
}

/// Marks `span` as a mention of `entity_type` (or retypes the mention it already is) and fills `role` of
/// the event with it, as one edit, so that one undo takes both back. Refused, with nothing changed, when the
/// role does not take that type.
pub fn mark_and_fill(
    layer: &Layer,
    schema: &Schema,
    span: Span,
    entity_type: &EntityTypeId,
    event: super::EventId,
    role: &RoleId,
) -> Result<(Edit, MentionId), CodingError> {
    let (mark, id) = coding::mark(layer, span, entity_type);
    let mut after = layer.clone();
    // The fill is checked against the layer as the mark leaves it; the mark's inverse is not needed here.
    let _inverse = mark.clone().apply(&mut after);
    let fill = match coding::fill_role(&after, schema, event, role, id) {
        Ok(fill) => fill,
        // Marking a span that already fills the role (a retype) leaves nothing more to fill.
        Err(CodingError::AlreadyFilled(_)) => return Ok((mark, id)),
        Err(e) => return Err(e),
    };
    Ok((Edit::Batch(vec![mark, fill]), id))
}

/// The role a mention is offered for when an event is made while it is inspected: the first empty role of
/// the event that takes the mention's type; `None` when no empty role does, or the mention is the trigger.
pub fn offered_role(schema: &Schema, layer: &Layer, event: &Event, mention: MentionId) -> Option<RoleId> {
    let m = layer.mentions.get(&mention)?;
    if m.span == event.trigger {
        return None;
    }
    roles(schema, event)
        .iter()
        .find(|r| !filled(event, &r.id) && r.allowed.contains(&m.entity_type))
        .map(|r| r.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coding::{fill_role, make_event, mark};
    use crate::model::{EventId, default_conflict_schema};

    /// A layer with an actor (1), a location (2), a time (3) and an attack (1) with no roles filled.
    fn attack() -> (Schema, Layer) {
        let schema = default_conflict_schema();
        let mut layer = Layer::default();
        mark(&layer, Span::new(0, 4), &"ACTOR".into()).0.apply(&mut layer);
        mark(&layer, Span::new(5, 9), &"LOCATION".into()).0.apply(&mut layer);
        mark(&layer, Span::new(10, 14), &"TIME".into()).0.apply(&mut layer);
        make_event(&layer, &schema, &crate::model::DocId::from_raw("d"), Span::new(20, 24), &"ATTACK".into())
            .unwrap()
            .0
            .apply(&mut layer);
        (schema, layer)
    }

    fn role_ids(schema: &Schema) -> Vec<String> {
        schema.event_type(&"ATTACK".into()).unwrap().roles.iter().map(|r| r.id.to_string()).collect()
    }

    #[test]
    fn the_next_empty_role_follows_the_schema_order_and_wraps_round() {
        let (schema, mut layer) = attack();
        let ids = role_ids(&schema);
        let e = EventId(1);
        assert_eq!(next_empty_role(&schema, &layer.events[&e], None).unwrap().as_str(), ids[0]);
        // Filling the second role first: the next one is the third, and after the last the first again.
        fill_role(&layer, &schema, e, &ids[1].as_str().into(), MentionId(2)).unwrap().apply(&mut layer);
        let next = next_empty_role(&schema, &layer.events[&e], Some(&ids[1].as_str().into())).unwrap();
        assert_eq!(next.as_str(), ids[2]);
        let last = ids.last().unwrap().as_str().into();
        assert_eq!(next_empty_role(&schema, &layer.events[&e], Some(&last)).unwrap().as_str(), ids[0]);
        // A filled repeatable role is not armed again.
        fill_role(&layer, &schema, e, &ids[0].as_str().into(), MentionId(1)).unwrap().apply(&mut layer);
        assert_eq!(next_empty_role(&schema, &layer.events[&e], None).unwrap().as_str(), ids[2]);
    }

    #[test]
    fn every_role_filled_arms_nothing() {
        let schema = default_conflict_schema();
        let mut layer = Layer::default();
        let def = schema.event_type(&"ATTACK".into()).unwrap().clone();
        make_event(&layer, &schema, &crate::model::DocId::from_raw("d"), Span::new(50, 54), &"ATTACK".into())
            .unwrap()
            .0
            .apply(&mut layer);
        for (i, role) in def.roles.iter().enumerate() {
            let (edit, id) = mark(&layer, Span::new(i * 5, i * 5 + 4), &role.allowed[0]);
            edit.apply(&mut layer);
            fill_role(&layer, &schema, EventId(1), &role.id, id).unwrap().apply(&mut layer);
        }
        assert_eq!(next_empty_role(&schema, &layer.events[&EventId(1)], None), None);
    }

    #[test]
    fn marking_while_a_role_is_armed_fills_it_and_one_undo_takes_both_back() {
        let (schema, mut layer) = attack();
        let before = layer.clone();
        let target: RoleId = "Target".into();
        let (edit, id) =
            mark_and_fill(&layer, &schema, Span::new(30, 35), &"LOCATION".into(), EventId(1), &target).unwrap();
        let undo = edit.apply(&mut layer);
        assert_eq!(layer.mentions[&id].span, Span::new(30, 35));
        assert!(layer.events[&EventId(1)].arguments.iter().any(|a| a.role == target && a.mention == id));
        undo.apply(&mut layer);
        assert_eq!(layer, before);
    }

    #[test]
    fn a_type_the_armed_role_does_not_take_is_refused_and_changes_nothing() {
        let (schema, layer) = attack();
        let refused = mark_and_fill(&layer, &schema, Span::new(30, 35), &"TIME".into(), EventId(1), &"Attacker".into());
        assert!(matches!(refused, Err(CodingError::NotAllowed { .. })), "{refused:?}");
    }

    #[test]
    fn retyping_a_mention_that_already_fills_the_role_is_only_a_retype() {
        let (schema, mut layer) = attack();
        let target: RoleId = "Target".into();
        fill_role(&layer, &schema, EventId(1), &target, MentionId(1)).unwrap().apply(&mut layer);
        let (edit, id) =
            mark_and_fill(&layer, &schema, Span::new(0, 4), &"LOCATION".into(), EventId(1), &target).unwrap();
        assert_eq!(id, MentionId(1));
        assert!(matches!(edit, Edit::PutMention(..)), "{edit:?}");
    }

    #[test]
    fn an_inspected_mention_is_offered_for_the_first_empty_role_that_takes_its_type() {
        let (schema, mut layer) = attack();
        let e = layer.events[&EventId(1)].clone();
        assert_eq!(offered_role(&schema, &layer, &e, MentionId(1)).unwrap().as_str(), "Attacker");
        assert_eq!(offered_role(&schema, &layer, &e, MentionId(2)).unwrap().as_str(), "Target");
        assert_eq!(offered_role(&schema, &layer, &e, MentionId(3)).unwrap().as_str(), "Time");
        fill_role(&layer, &schema, EventId(1), &"Attacker".into(), MentionId(1)).unwrap().apply(&mut layer);
        let e = layer.events[&EventId(1)].clone();
        assert_eq!(offered_role(&schema, &layer, &e, MentionId(1)).unwrap().as_str(), "Target");
        assert_eq!(offered_role(&schema, &layer, &e, MentionId(9)), None);
    }
}
