//! The coder's operations on the shown document, as the session carries them out: edits of the own layer and
//! of the project (the one place they are applied, so undo covers them), marking, events, role picking,
//! focus, deleting, moving a mention's edges, and moving between documents.

use super::Session;
use crate::model::coding;
use crate::model::{
    DocId, DocStatus, Edit, EntityTypeId, EventTypeId, Layer, MentionId, ProjectEdit, Span, SuggestedLabel,
};
use crate::text::scene::HighlightKey;
use crate::ui::action::{Action, Focus};
use crate::ui::panels::review_queue::ReviewRequest;

impl Session {
    /// Applies an edit of `doc`, noting it for the autosave; says why when it is refused. Returns whether it
    /// was made.
    pub fn edit(&mut self, doc: &DocId, edit: Edit, out: &mut Vec<Action>) -> bool {
        let edit = crate::workflow::review::reopening_suggestions(&self.project, doc, edit);
        let result = self.project.apply_edit(edit);
        self.made(result, out)
    }

    /// Applies a project-wide edit (registry, schema, several documents). Returns whether it was made.
    pub fn project_edit(&mut self, edit: ProjectEdit, out: &mut Vec<Action>) -> bool {
        let result = self.project.apply_edit(edit);
        self.made(result, out)
    }

    /// After an edit: a made one is noted for the autosave, a refused one is told. Returns whether it was made.
    fn made(&mut self, result: Result<(), crate::store::StoreError>, out: &mut Vec<Action>) -> bool {
        match result {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                out.push(Action::Notice(crate::trl!(self.language, "notice-not-made", why = e.to_string())));
                false
            }
        }
    }

    /// An edit of the coder's own layer of the shown document.
    pub fn edit_shown(&mut self, edit: Edit, out: &mut Vec<Action>) {
        if let Some(doc) = self.shown.clone() {
            self.edit(&doc, edit, out);
        }
    }

    /// Undoes (or redoes) the last change; a change in another document brings that document up.
    pub fn undo(&mut self, redo: bool, out: &mut Vec<Action>) {
        let result = if redo { self.project.redo() } else { self.project.undo() };
        match result {
            Ok(Some(docs)) => {
                self.changed();
                if let Some(first) = docs.first().filter(|_| self.shown.as_ref().is_none_or(|s| !docs.contains(s))) {
                    self.show_document(Some(first.clone()));
                }
            }
            Ok(None) => {}
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }

    /// Makes the selection a mention of `entity_type` in the coder's own layer (or retypes the mention whose
    /// span it is); while a suggestion is under review, accepts it as that type instead.
    pub fn mark_selection(&mut self, entity_type: EntityTypeId, out: &mut Vec<Action>) {
        let label = SuggestedLabel::Entity(entity_type.clone());
        let Some((span, doc, layer)) = self.coding_target(label, out) else { return };
        if self.mark_into_armed_role(&entity_type, out) {
            return;
        }
        let (edit, id) = coding::mark(&layer, span, &entity_type);
        if self.edit(&doc, edit, out) {
            self.focus = Some(Focus::Mention(id));
        }
    }

    /// Makes the selection the trigger of an event of `event_type` (or accepts the suggestion under review as
    /// one).
    pub fn make_event(&mut self, event_type: EventTypeId, out: &mut Vec<Action>) {
        self.windows.close(crate::ui::windows::event_chooser::KIND);
        let Some((span, doc, layer)) = self.coding_target(SuggestedLabel::Event(event_type.clone()), out) else {
            return;
        };
        match coding::make_event(&layer, &self.project.config().schema, &doc, span, &event_type) {
            Ok((edit, id)) => {
                if self.edit(&doc, edit, out) {
                    let inspected = self.focus.replace(Focus::Event(id));
                    self.after_event_made(id, inspected, out);
                }
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }

    /// What a type key codes: the selection in the coder's own layer of the shown document. While a suggestion
    /// is under review the key accepts it as `label` instead, and there is nothing to code.
    fn coding_target(&mut self, label: SuggestedLabel, out: &mut Vec<Action>) -> Option<(Span, DocId, Layer)> {
        if self.review.active && self.review.current.is_some() {
            out.push(Action::Review(ReviewRequest::Accept(Some(label))));
            return None;
        }
        let span = self.article.selection()?;
        if !self.can_code(out) {
            return None;
        }
        let (doc, layer) = self.own_layer()?;
        Some((span, doc, layer))
    }

    /// A plain click on the letter at `at`: fills the armed role with the mention there, or inspects the
    /// innermost mention or trigger there.
    pub fn clicked_text(&mut self, at: usize, out: &mut Vec<Action>) {
        let Some(set) = self.built_highlights() else { return };
        let mut hits: Vec<_> = set
            .at(at)
            .into_iter()
            .filter_map(|h| match &h.key {
                HighlightKey::Mention(id) => Some((h.span.len(), Focus::Mention(*id))),
                HighlightKey::Trigger(id) => Some((h.span.len(), Focus::Event(*id))),
                HighlightKey::Suggestion(..)
                | HighlightKey::Other(..)
                | HighlightKey::OtherTrigger(..)
                | HighlightKey::Evidence(..) => None,
            })
            .collect();
        hits.sort_by_key(|(len, _)| *len);
        let mentions = || -> Vec<MentionId> {
            hits.iter()
                .filter_map(|(_, f)| match f {
                    Focus::Mention(id) => Some(*id),
                    Focus::Event(_) => None,
                })
                .collect()
        };
        if self.relating.is_some() && self.editable() {
            self.relate_to(&mentions(), out);
            return;
        }
        if self.picking.is_some() && self.editable() {
            self.fill_armed_role(&mentions(), out);
            return;
        }
        if self.editable() {
            // Inspecting selects the span too, so that a type key retypes it.
            self.set_focus(hits.first().map(|(_, f)| *f));
        }
    }

    /// Inspects a mention or event of the shown document and selects its text.
    pub fn set_focus(&mut self, focus: Option<Focus>) {
        self.focus = focus;
        // A relation starts from the inspected mention only.
        if self.relating.is_some_and(|from| focus != Some(Focus::Mention(from))) {
            self.relating = None;
        }
        // A role is armed for the inspected event only.
        if self.picking.as_ref().is_some_and(|p| focus != Some(Focus::Event(p.event))) {
            self.picking = None;
        }
        let (Some(loaded), Some(focus)) = (self.loaded(), focus) else { return };
        let Some(layer) = loaded.layers.get(self.project.annotator()) else { return };
        let span = match focus {
            Focus::Mention(id) => layer.mentions.get(&id).map(|m| m.span),
            Focus::Event(id) => layer.events.get(&id).map(|e| e.trigger),
        };
        if let Some(span) = span {
            let text = loaded.text.clone();
            self.article.select(&text, span);
            self.article.scroll_to(span);
        }
    }

    /// Opens a document and shows `span` in it, selected.
    pub fn jump(&mut self, doc: &DocId, span: Span, focus: Option<Focus>) {
        if self.project.document(doc).is_none() {
            return;
        }
        if self.shown.as_ref() != Some(doc) {
            self.show_document(Some(doc.clone()));
        }
        let Some(text) = self.shown_entry().and_then(|d| d.text().cloned()) else { return };
        // Focus first: inspecting an event selects its trigger, and the jump is to `span` (an evidence quote
        // of the event is not its trigger).
        if focus.is_some() {
            self.set_focus(focus);
        }
        self.article.select(&text, span);
        self.article.scroll_to(span);
    }

    /// Deletes the inspected mention or event, else the own mention equal to the selection, else the innermost
    /// own mention at the caret.
    pub fn delete_mention(&mut self, out: &mut Vec<Action>) {
        if !self.can_code(out) {
            return;
        }
        let Some((doc, layer)) = self.own_layer() else { return };
        let focused = match self.focus {
            Some(Focus::Mention(id)) if layer.mentions.contains_key(&id) => Some(Edit::remove_mention(&layer, id)),
            Some(Focus::Event(id)) if layer.events.contains_key(&id) => Some(coding::remove_event(&layer, id)),
            _ => None,
        };
        if let Some(edit) = focused {
            self.focus = None;
            self.edit(&doc, edit, out);
            return;
        }
        let selected = self.article.selection().and_then(|sel| layer.mentions.iter().find(|(_, m)| m.span == sel));
        let at = self.article.caret();
        let under_caret = || {
            layer
                .mentions
                .iter()
                .filter(|(_, m)| m.span.start <= at && at < m.span.end)
                .min_by_key(|(_, m)| m.span.len())
        };
        if let Some((id, _)) = selected.or_else(under_caret) {
            let edit = Edit::remove_mention(&layer, *id);
            self.edit(&doc, edit, out);
        }
    }

    /// Moves one edge of the inspected mention one letter left or right on screen (so the same key grows an
    /// Arabic mention's end and shrinks an English one's), keeping the mention selected.
    pub fn move_edge(&mut self, start: bool, left: bool, out: &mut Vec<Action>) {
        let Some(Focus::Mention(id)) = self.focus else { return };
        if !self.can_code(out) {
            return;
        }
        let Some((doc, layer)) = self.own_layer() else { return };
        let (Some(m), Some((layout, _))) = (layer.mentions.get(&id), self.article.drawn_layout()) else { return };
        let span = m.span;
        let edge = if start { span.start } else { span.end };
        let moved = layout.move_caret_visual(edge, left);
        let (a, b) = if start { (moved, span.end) } else { (span.start, moved) };
        let text = layout.text().clone();
        match coding::set_mention_span(&layer, &text, id, Span::new(a.min(b), a.max(b))) {
            Ok(edit) => {
                if self.edit(&doc, edit, out) {
                    self.set_focus(Some(Focus::Mention(id)));
                }
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }

    /// Marks the shown document done for this coder, or back in progress.
    pub fn toggle_done(&mut self, out: &mut Vec<Action>) {
        let Some((doc, layer)) = self.own_layer() else { return };
        let next = if layer.status == DocStatus::Done { DocStatus::InProgress } else { DocStatus::Done };
        self.edit(&doc, Edit::SetStatus(next), out);
    }

    /// Goes to the next document (after the shown one, wrapping) that this coder has not marked done: their
    /// assigned ones first.
    pub fn next_unfinished(&mut self, out: &mut Vec<Action>) {
        self.refresh_order();
        let docs = self.project.documents();
        let at = self.shown.as_ref().and_then(|s| docs.iter().position(|d| &d.id == s));
        // The coder's own assigned documents first, then the others (all of them when nothing is assigned).
        let unfinished = |i| self.project.summary(i).is_some_and(|s| s.status != DocStatus::Done);
        let found = self.doc_order().next_to_do(at, unfinished);
        match found {
            Some(i) => {
                let id = docs[i].id.clone();
                self.show_document(Some(id));
            }
            None => out.push(Action::Notice(crate::trl!(self.language, "notice-all-done").into())),
        }
    }

    /// Escape: one step back per press: picking, then the topmost window, then the inspector, then the
    /// selection.
    pub fn step_back(&mut self, ctx: &eframe::egui::Context) {
        if self.relating.take().is_some() || self.picking.take().is_some() || self.windows.close_topmost(ctx) {
            return;
        }
        if self.focus.take().is_none() {
            self.article.clear_selection();
        }
    }
}
