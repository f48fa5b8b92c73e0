//! Role filling as the session carries it out: the armed role (the one a selection and a type key, or a click
//! on a mention, fills next), arming the next empty role after each fill, a role's number arming it, and the
//! mention inspected before an event was made offered for that event's first role that takes it.

use super::Session;
use crate::model::coding::{self, CodingError};
use crate::model::role_filling::{mark_and_fill, next_empty_role, offered_role};
use crate::model::{EntityTypeId, EventId, MentionId, RoleId};
use crate::ui::action::{Action, Focus, Picking};

impl Session {
    /// Arms the role after `after` (the first when `None`) of `event` that no mention fills yet, or nothing
    /// when every role has a filler.
    pub(super) fn arm_next_role(&mut self, event: EventId, after: Option<&RoleId>) {
        let schema = &self.project.config().schema;
        let next = self
            .own_layer()
            .and_then(|(_, layer)| layer.events.get(&event).and_then(|e| next_empty_role(schema, e, after)));
        self.picking = next.map(|role| Picking { event, role });
    }

    /// A role's number (Ctrl+1 to Ctrl+9, or its button): arms role `n` (from 1) of the inspected event.
    pub fn arm_role(&mut self, n: u8) {
        let Some(Focus::Event(event)) = self.focus else { return };
        if !self.editable() {
            return;
        }
        let Some((_, layer)) = self.own_layer() else { return };
        let schema = &self.project.config().schema;
        let role = layer
            .events
            .get(&event)
            .and_then(|e| schema.event_type(&e.event_type))
            .and_then(|t| t.roles.get(usize::from(n.max(1)) - 1))
            .map(|r| r.id.clone());
        if let Some(role) = role {
            self.picking = Some(Picking { event, role });
        }
    }

    /// A type key while a role is armed: marks the selection and fills the role with it in one edit, then
    /// arms the next empty role; the event stays in the inspector. When the role does not take the type, the
    /// mention is marked alone and the coder told why. Returns `false` when no role is armed.
    pub(super) fn mark_into_armed_role(&mut self, entity_type: &EntityTypeId, out: &mut Vec<Action>) -> bool {
        let Some(picking) = self.picking.clone() else { return false };
        let Some(span) = self.article.selection() else { return false };
        let Some((doc, layer)) = self.own_layer() else { return false };
        if !layer.events.contains_key(&picking.event) {
            return false;
        }
        let schema = &self.project.config().schema;
        match mark_and_fill(&layer, schema, span, entity_type, picking.event, &picking.role) {
            Ok((edit, _)) => {
                if self.edit(&doc, edit, out) {
                    self.focus = Some(Focus::Event(picking.event));
                    self.arm_next_role(picking.event, Some(&picking.role));
                }
            }
            Err(e @ CodingError::NotAllowed { .. }) => {
                let (edit, _) = coding::mark(&layer, span, entity_type);
                if self.edit(&doc, edit, out) {
                    out.push(Action::Notice(crate::trl!(self.language, "notice-marked-but", why = e.to_string())));
                }
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
        true
    }

    /// After an event was made while `inspected` was: offers that mention for the event's first empty role
    /// that takes its type (filled as its own edit, so one undo takes the offer back), then arms the first
    /// empty role.
    pub(super) fn after_event_made(&mut self, event: EventId, inspected: Option<Focus>, out: &mut Vec<Action>) {
        let Some((doc, layer)) = self.own_layer() else { return };
        let schema = &self.project.config().schema;
        if let (Some(Focus::Mention(m)), Some(e)) = (inspected, layer.events.get(&event))
            && let Some(role) = offered_role(schema, &layer, e, m)
        {
            match coding::fill_role(&layer, schema, event, &role, m) {
                Ok(edit) => {
                    self.edit(&doc, edit, out);
                }
                Err(e) => out.push(Action::Notice(e.to_string())),
            }
        }
        self.arm_next_role(event, None);
    }

    /// A click on a mention while a role is armed: fills the role with the innermost of `hits` whose type it
    /// takes (or says why the innermost one cannot), then arms the next empty role.
    pub(super) fn fill_armed_role(&mut self, hits: &[MentionId], out: &mut Vec<Action>) {
        let (Some(picking), Some((doc, layer))) = (self.picking.clone(), self.own_layer()) else { return };
        let schema = &self.project.config().schema;
        let takes = |m: &MentionId| {
            let allowed = layer
                .events
                .get(&picking.event)
                .and_then(|e| schema.event_type(&e.event_type))
                .and_then(|t| t.roles.iter().find(|r| r.id == picking.role))
                .map(|r| &r.allowed);
            layer.mentions.get(m).is_some_and(|m| allowed.is_some_and(|a| a.contains(&m.entity_type)))
        };
        let Some(mention) = hits.iter().find(|m| takes(m)).or(hits.first()).copied() else { return };
        match coding::fill_role(&layer, schema, picking.event, &picking.role, mention) {
            Ok(edit) => {
                if self.edit(&doc, edit, out) {
                    self.arm_next_role(picking.event, Some(&picking.role));
                }
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }
}
