//! Curating in the session: the project is open as its gold layer; the curation queue's requests become
//! edits of it (built by `workflow::curation`), applied through the one edit path, so undo covers each.

use super::Session;
use crate::model::Annotator;
use crate::ui::action::Action;
use crate::ui::panels::curation_queue::{CurationQueue, CurationRequest};
use crate::workflow::curation::{self, Curator};

/// The curation state of a session open as the gold layer.
pub struct Curating {
    /// The curator (the person; the session's annotator is the gold layer).
    pub curator: Annotator,
    /// The queue and its cursor.
    pub queue: CurationQueue,
    /// The right panel shows the queue (else the inspector).
    pub active: bool,
}

impl Session {
    /// Whether the session curates (the project is open as its gold layer).
    pub fn curating(&self) -> bool {
        self.curation.is_some()
    }

    /// Sets who curates (the name the app had before it reopened the project as the gold layer).
    pub fn set_curator(&mut self, curator: Annotator) {
        if let Some(c) = &mut self.curation {
            c.curator = curator;
        }
    }

    /// Starts the curation state when the project is open as the gold layer.
    pub(super) fn start_curating(&mut self) {
        if self.project.annotator().is_gold() {
            let queue = CurationQueue::default();
            // Opened as `gold` directly (`--annotator gold`): the curator is the login name until the app,
            // which knows who asked to curate, says otherwise.
            let named = crate::default_annotator();
            let curator = if named.is_gold() {
                let proposed = crate::identity::proposed_name();
                Annotator::from_raw(if proposed.is_empty() { "curator" } else { &proposed })
            } else {
                named
            };
            self.curation = Some(Curating { curator, queue, active: true });
            self.refresh_curation();
            self.select_unit(0);
        }
    }

    /// Rebuilds the queue if the project changed, and keeps the article's coder lines in step with it.
    pub fn refresh_curation(&mut self) {
        let Some(c) = &mut self.curation else { return };
        c.queue.refresh(&self.project);
        if self.view.coders != c.queue.coders {
            self.view.coders = c.queue.coders.clone();
        }
    }

    /// Carries out a request of the curation queue.
    pub fn curate(&mut self, request: CurationRequest, out: &mut Vec<Action>) {
        self.refresh_curation();
        let Some(c) = &mut self.curation else {
            out.push(Action::Notice(crate::trl!(self.language, "notice-curate-first").into()));
            return;
        };
        c.active = true;
        let who = Curator { name: c.curator.clone(), at: crate::store::now_rfc3339() };
        match request {
            CurationRequest::Select(i) => self.select_unit(i),
            CurationRequest::Filter(filter) => {
                c.queue.filter = filter;
                c.queue.current = None;
                self.refresh_curation();
                self.select_unit(0);
            }
            CurationRequest::Merge(at_least) => {
                let coders = c.queue.coders.clone();
                let (edit, settled) = curation::merge(&self.project, &coders, at_least, &who);
                if settled == 0 {
                    out.push(Action::Notice(crate::trl!(self.language, "notice-no-merge", count = at_least)));
                } else if self.project_edit(edit, out) {
                    out.push(Action::Notice(crate::trl!(self.language, "notice-merged", count = settled)));
                }
            }
            CurationRequest::Take(_) | CurationRequest::TakeMajority | CurationRequest::Reject => {
                self.decide_unit(request, &who, out)
            }
        }
    }

    /// Takes a version of the current unit or rejects it; the cursor then stands on the next open unit.
    fn decide_unit(&mut self, request: CurationRequest, who: &Curator, out: &mut Vec<Action>) {
        let Some(c) = &self.curation else { return };
        let Some(unit) = c.queue.unit().cloned() else {
            out.push(Action::Notice(crate::trl!(self.language, "notice-no-unit").into()));
            return;
        };
        let Some(doc) = self.project.document(&unit.doc).and_then(|d| d.loaded()) else { return };
        let layers = &doc.layers;
        // A relation is taken between the gold layer's own mentions or events: say which ends are missing.
        let chosen = match request {
            CurationRequest::Take(i) => Some(i),
            CurationRequest::TakeMajority => match curation::majority(layers, &unit) {
                Some(curation::Majority::Take(i)) => Some(i),
                _ => None,
            },
            _ => None,
        };
        let missing = chosen.map(|i| curation::ends_not_curated(layers, &unit, i)).unwrap_or_default();
        if !missing.is_empty() {
            let quoted: Vec<String> =
                missing.iter().map(|s| crate::text::quote::quoted(doc.text.slice(*s).unwrap_or_default())).collect();
            // One end a line: the message window lays each line out on its own.
            let notice = crate::trl!(self.language, "notice-relation-ends");
            out.push(Action::Notice(format!("{notice}\n{}", quoted.join("\n"))));
            return;
        }
        let edit = match request {
            CurationRequest::Take(i) if i < unit.versions.len() => curation::take(layers, &unit, i, who),
            CurationRequest::Take(i) => {
                out.push(Action::Notice(crate::trl!(
                    self.language,
                    "notice-no-coder",
                    n = i + 1,
                    count = unit.versions.len()
                )));
                return;
            }
            CurationRequest::TakeMajority => match curation::majority(layers, &unit) {
                Some(curation::Majority::Take(i)) => curation::take(layers, &unit, i, who),
                Some(curation::Majority::Reject) => curation::reject(layers, &unit, who),
                None => {
                    let notice = crate::trl!(self.language, "notice-no-majority");
                    out.push(Action::Notice(notice.into()));
                    return;
                }
            },
            _ => curation::reject(layers, &unit, who),
        };
        if self.project_edit(edit, out) {
            self.refresh_curation();
            let next = self.curation.as_ref().and_then(|c| c.queue.index());
            if let Some(i) = next {
                self.select_unit(i);
            }
        }
    }

    /// Makes the `i`th listed unit the current one: its document shown, its text selected.
    pub fn select_unit(&mut self, i: usize) {
        let Some(c) = &mut self.curation else { return };
        let Some((unit, _)) = c.queue.items().get(i) else { return };
        let (doc, key) = (unit.doc.clone(), unit.key);
        c.queue.current = Some((doc.clone(), key));
        c.active = true;
        self.jump(&doc, key.span, None);
    }

    /// Tab and Shift+Tab while curating: the next (or previous) unit of the queue.
    pub fn step_curation(&mut self, forward: bool) {
        self.refresh_curation();
        if let Some(i) = self.curation.as_ref().and_then(|c| c.queue.step(forward)) {
            self.select_unit(i);
        }
    }
}
