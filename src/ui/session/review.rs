//! Reviewing suggestions in the session: moving the review cursor, deciding (the edits come from
//! `workflow::review`), bulk acceptance and the built-in suggesters.

use super::Session;
use crate::model::{DocId, MentionId, SourceName, Span, SuggestionId};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::panels::review_queue::{ReviewRequest, Scope};
use crate::ui::windows::review_stats::ReviewStatsWindow;
use crate::workflow::{review, suggesters};

impl Session {
    /// Carries out a request of the review queue.
    pub fn review(&mut self, request: ReviewRequest, out: &mut Vec<Action>) {
        let Some(doc) = self.shown.clone() else { return };
        match request {
            ReviewRequest::Select(source, id) => self.select_suggestion(&doc, source, id),
            ReviewRequest::Accept(label) => self.decide(out, |session, source, id| {
                let span = session.article.selection();
                let propagate = session.review.queue.propagate;
                let roles = session.chosen_roles(source, id);
                let changes = review::Changes { label, span, roles };
                review::accept_edited_and_propagate(&session.project, &doc, source, id, &changes, propagate)
            }),
            ReviewRequest::Reject => {
                self.decide(out, |session, source, id| review::reject(&session.project, &doc, source, id))
            }
            ReviewRequest::AcceptAll(scope) => {
                if !self.can_code(out) {
                    return;
                }
                let docs = self.scope_docs(scope);
                match review::accept_all(&self.project, &docs, &self.review.queue.filter) {
                    Ok((_, 0)) => out.push(Action::Notice(crate::trl!(self.language, "notice-no-pending").into())),
                    Ok((edit, _)) => {
                        self.project_edit(edit, out);
                    }
                    Err(e) => out.push(Action::Notice(e.to_string())),
                }
                self.review.current = None;
            }
            ReviewRequest::Registry(scope) => {
                let docs = self.scope_docs(scope);
                match suggesters::registry(&self.project, &docs) {
                    Ok((_, 0)) => {
                        out.push(Action::Notice(crate::trl!(self.language, "notice-registry-nothing").into()))
                    }
                    Ok((edit, _)) => {
                        self.project_edit(edit, out);
                    }
                    Err(e) => out.push(Action::Notice(e.to_string())),
                }
            }
            ReviewRequest::Stats => self.windows.open(Box::new(ReviewStatsWindow::default())),
        }
    }

    /// The suggestion `id` of `source` in the shown document.
    fn suggestion(&self, source: &SourceName, id: SuggestionId) -> Option<&crate::model::Suggestion> {
        self.loaded()?.suggestions.get(source)?.suggestions.get(&id)
    }

    /// The role fillers the reviewer chose for suggestion `id` of `source`, when they changed any.
    fn chosen_roles(&self, source: &SourceName, id: SuggestionId) -> Option<Vec<crate::model::SuggestedRole>> {
        self.review.queue.roles.chosen(source, id, self.suggestion(source, id)?)
    }

    /// The event suggestion under review with the role fillers the reviewer keeps, for the article to mark:
    /// its trigger and the fillers (nothing while the review queue is not shown).
    pub(super) fn suggested_fillers(&self) -> Option<(Span, Vec<crate::model::SuggestedRole>)> {
        let (source, id) = self.review.current.as_ref().filter(|_| self.review.active)?;
        let s = self.suggestion(source, *id)?;
        let roles = self.review.queue.roles.shown(source, *id, s);
        (!roles.is_empty()).then_some((s.span, roles))
    }

    /// Makes a suggestion of `doc` the one under review, selected in the text.
    fn select_suggestion(&mut self, doc: &DocId, source: SourceName, id: SuggestionId) {
        self.review.active = true;
        let found = self
            .project
            .document(doc)
            .and_then(|d| d.loaded())
            .and_then(|l| Some((l.text.clone(), l.suggestions.get(&source)?.suggestions.get(&id)?.span)));
        if let Some((text, span)) = found {
            self.article.select(&text, span);
            self.article.scroll_to(span);
            self.review.current = Some((source, id));
        }
    }

    /// Tab and Shift+Tab: the next (or previous) suggestion of the queue comes under review.
    pub fn step_review(&mut self, forward: bool) {
        self.review.active = true;
        self.refresh_queue();
        let next = self.review.queue.step(self.review.current.as_ref(), forward).cloned();
        if let (Some(item), Some(doc)) = (next, self.shown.clone()) {
            self.select_suggestion(&doc, item.source, item.id);
        }
    }

    /// Makes a decision on the suggestion under review (the edit `decision` builds), then moves on to the next
    /// suggestion of the queue. A refused decision keeps the suggestion under review, with the reason shown.
    fn decide(
        &mut self,
        out: &mut Vec<Action>,
        decision: impl FnOnce(&Self, &SourceName, SuggestionId) -> Result<crate::model::ProjectEdit, StoreError>,
    ) {
        if !self.can_code(out) {
            return;
        }
        let Some((source, id)) = self.review.current.clone() else { return };
        let queue = &self.review.queue;
        let next =
            queue.step(self.review.current.as_ref(), true).filter(|i| (&i.source, i.id) != (&source, id)).cloned();
        let made = match decision(self, &source, id) {
            Ok(edit) => self.project_edit(edit, out),
            Err(e) => {
                out.push(Action::Notice(e.to_string()));
                false
            }
        };
        if !made {
            return;
        }
        if let Some(doc) = self.shown.clone() {
            self.send_feedback(&doc, &source, id);
        }
        self.review.current = None;
        if let (Some(item), Some(doc)) = (next, self.shown.clone()) {
            self.select_suggestion(&doc, item.source, item.id);
        }
    }

    /// Brings the review queue up to date with the shown document (it is otherwise refreshed as it is drawn).
    pub fn refresh_queue(&mut self) {
        let (Some(doc), Some(entry)) =
            (self.shown.as_ref(), self.shown.as_ref().and_then(|d| self.project.document(d)))
        else {
            return;
        };
        if let Some(loaded) = entry.loaded() {
            self.review.queue.refresh(&self.project, doc, loaded);
        }
    }

    /// Proposes the other occurrences of an own mention's words, in the shown document or the project.
    pub fn propagate(&mut self, id: MentionId, whole_project: bool, out: &mut Vec<Action>) {
        let Some((_, layer)) = self.own_layer() else { return };
        let Some(m) = layer.mentions.get(&id) else { return };
        let Some(phrase) = self.loaded().and_then(|d| d.text.slice(m.span)).map(str::to_owned) else { return };
        let docs = self.scope_docs(if whole_project { Scope::Project } else { Scope::Document });
        match suggesters::propagate(&self.project, &docs, &phrase, &m.entity_type, &[m.span]) {
            Ok((_, 0)) => out.push(Action::Notice(crate::trl!(
                self.language,
                "notice-no-occurrence",
                text = crate::text::quote::quoted(&phrase)
            ))),
            Ok((edit, n)) => {
                if self.project_edit(edit, out) {
                    out.push(Action::Notice(crate::trl!(self.language, "notice-proposed", count = n)));
                }
            }
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }

    /// The documents a bulk action covers.
    fn scope_docs(&self, scope: Scope) -> Vec<DocId> {
        match scope {
            Scope::Project => self.project.documents().iter().map(|d| d.id.clone()).collect(),
            Scope::Document => self.shown.iter().cloned().collect(),
        }
    }
}
