//! Relating two mentions from the keyboard: with a mention inspected, R starts a relation from it and a click
//! on another mention ends it ("مليشيا أبو الفضل العباس" AFFILIATED_WITH "الحرس الثوري الإيراني"), as one
//! undoable edit. The relation type is the schema's first that goes between the two mentions' types.

use super::Session;
use crate::model::coding;
use crate::model::{MentionId, RelationEnds, Span};
use crate::ui::action::{Action, Focus};

impl Session {
    /// R: starts a relation from the inspected mention, or says why it cannot.
    pub fn start_relation(&mut self, out: &mut Vec<Action>) {
        let Some(Focus::Mention(from)) = self.focus else {
            out.push(Action::Notice(crate::trl!(self.language, "notice-relate-how").to_owned()));
            return;
        };
        if !self.can_code(out) {
            return;
        }
        let Some((_, layer)) = self.own_layer() else { return };
        let Some(mention) = layer.mentions.get(&from) else { return };
        let schema = &self.project.config().schema;
        let starts_here = |ends: &RelationEnds| match ends {
            RelationEnds::Events => false,
            RelationEnds::Mentions { from, .. } => from.is_empty() || from.contains(&mention.entity_type),
        };
        if !schema.relation_types.iter().any(|r| starts_here(&r.between)) {
            let name = schema.entity_type(&mention.entity_type).map_or(mention.entity_type.as_str(), |t| &t.name);
            let notice = crate::trl!(self.language, "notice-relate-none-from", kind = name.to_owned());
            out.push(Action::Notice(notice));
            return;
        }
        self.picking = None;
        self.relating = Some(from);
    }

    /// The inspected mention's relations to other mentions in the shown layer, as (from, to) spans for the
    /// article's arrows.
    pub(super) fn relation_links(&self) -> Vec<(Span, Span)> {
        let Some(Focus::Mention(id)) = self.focus else { return Vec::new() };
        let owner = crate::ui::panels::shown_layer(&self.project, self.shown.as_ref(), &self.view);
        let Some(layer) = self.loaded().zip(owner.as_ref()).and_then(|(l, a)| l.layers.get(a)) else {
            return Vec::new();
        };
        let span = |m: &MentionId| layer.mentions.get(m).map(|m| m.span);
        layer
            .mention_relations
            .values()
            .filter(|r| r.from == id || r.to == id)
            .filter_map(|r| Some((span(&r.from)?, span(&r.to)?)))
            .collect()
    }

    /// A click on a mention while a relation waits: relates the mention it starts from to the innermost of
    /// `hits` that a relation type takes (or says why none does). A click beside any mention keeps waiting.
    pub(super) fn relate_to(&mut self, hits: &[MentionId], out: &mut Vec<Action>) {
        let (Some(from), Some((doc, layer))) = (self.relating, self.own_layer()) else { return };
        let Some(from_type) = layer.mentions.get(&from).map(|m| m.entity_type.clone()) else {
            self.relating = None;
            return;
        };
        let schema = &self.project.config().schema;
        let types_to = |m: &MentionId| {
            layer
                .mentions
                .get(m)
                .map_or(Vec::new(), |m| coding::mention_relation_types(schema, &from_type, &m.entity_type))
        };
        let others: Vec<MentionId> = hits.iter().copied().filter(|m| *m != from).collect();
        let Some(to) = others.iter().find(|m| !types_to(m).is_empty()).or(others.first()).copied() else {
            out.push(Action::Notice(crate::trl!(self.language, "notice-relate-click").to_owned()));
            return;
        };
        self.relating = None;
        // The first relation type between the two, else the first from this type (whose refusal says why).
        let relation_type = types_to(&to)
            .first()
            .map(|t| (*t).clone())
            .or_else(|| schema.relation_types.iter().find(|r| !r.between.is_events()).map(|r| r.id.clone()));
        let Some(relation_type) = relation_type else { return };
        match coding::relate_mentions(&layer, schema, &relation_type, from, to) {
            Ok(edit) => {
                self.edit(&doc, edit, out);
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }
}
