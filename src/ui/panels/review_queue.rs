//! The review queue: the shown document's pending suggestions, by position or by score, filtered by type and
//! score range; the current one with its actions; bulk acceptance; the built-in suggesters. The list is
//! rebuilt only when the document, the project or the filter changes, and only visible rows are drawn, so a
//! document with ten thousand pending suggestions costs one screen of rows per frame.

use crate::model::{DocId, DocText, SourceName, Span, SuggestedLabel, SuggestionId};
use crate::store::{LoadedDoc, Project};
use crate::text::context::{Limits, Snippet, snippet};
use crate::ui::bidi_label::selectable_row_marked;
use crate::ui::i18n::{self, LangOf, Language};
use crate::ui::{Action, Command};
use crate::workflow::review::SuggestionFilter;
use crate::{tr, trl};
use eframe::egui::{self, RichText};

/// A pending suggestion in the queue.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueItem {
    /// Its source.
    pub source: SourceName,
    /// Its id in the source's set.
    pub id: SuggestionId,
    /// What it covers.
    pub span: Span,
    /// What it proposes.
    pub label: SuggestedLabel,
    /// How sure the model was.
    pub score: Option<f64>,
}

/// How the queue is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueueOrder {
    /// In reading order.
    #[default]
    Position,
    /// Most confident first.
    Score,
    /// What the coder's learner is least sure of first (issue 18); by position until a learner is trained.
    Uncertainty,
}

/// Where a bulk acceptance applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The shown document.
    Document,
    /// Every document of the project.
    Project,
}

/// What the review panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewRequest {
    /// Make this suggestion the current one.
    Select(SourceName, SuggestionId),
    /// Accept the current suggestion (as this type, if given).
    Accept(Option<SuggestedLabel>),
    /// Reject the current suggestion.
    Reject,
    /// Accept every pending suggestion the filter shows.
    AcceptAll(Scope),
    /// Run the registry gazetteer.
    Registry(Scope),
    /// Open the review statistics.
    Stats,
}

/// The queue's state.
#[derive(Default)]
pub struct ReviewQueue {
    /// Ordering.
    pub order: QueueOrder,
    /// Which suggestions are shown.
    pub filter: SuggestionFilter,
    /// Propose the other occurrences of each accepted mention (in this document).
    pub propagate: bool,
    /// The reviewer's choice of the current event suggestion's role fillers.
    pub roles: super::suggested_roles::RoleChoices,
    items: Vec<QueueItem>,
    built_for: Option<(DocId, u64, QueueOrder, String)>,
    /// The coder's latest learner, for [`QueueOrder::Uncertainty`].
    learner: Option<std::sync::Arc<crate::workflow::learner::Learner>>,
}

impl ReviewQueue {
    /// Rebuilds the list if the document, the project or the filter changed.
    pub fn refresh(&mut self, project: &Project, doc: &DocId, loaded: &LoadedDoc) {
        let key = (doc.clone(), project.generation(), self.order, format!("{:?}", self.filter));
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        self.items = crate::workflow::review::pending(loaded, project.annotator(), &self.filter)
            .into_iter()
            .map(|(source, id, s)| QueueItem { source, id, span: s.span, label: s.label, score: s.score })
            .collect();
        if self.order == QueueOrder::Score {
            self.items.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
        }
        if let (QueueOrder::Uncertainty, Some(learner)) = (self.order, &self.learner) {
            order_by_uncertainty(&mut self.items, learner, &loaded.text);
        }
        self.built_for = Some(key);
    }

    /// Gives the queue the coder's latest learner (its order by uncertainty is rebuilt with it).
    pub fn set_learner(&mut self, learner: Option<std::sync::Arc<crate::workflow::learner::Learner>>) {
        self.learner = learner;
        self.built_for = None;
    }

    /// The queue in its order.
    pub fn items(&self) -> &[QueueItem] {
        &self.items
    }

    /// The item after (or before) `current` in queue order; the first (or last) when there is none.
    pub fn step(&self, current: Option<&(SourceName, SuggestionId)>, forward: bool) -> Option<&QueueItem> {
        let at = current.and_then(|(s, id)| self.items.iter().position(|i| &i.source == s && i.id == *id));
        let n = self.items.len();
        if n == 0 {
            return None;
        }
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        self.items.get(next)
    }
}

// Issue 18: the learner's order. Each suggestion by the learner's uncertainty at its span (its least sure
// token), so that another source's suggestions are ordered too; ties keep reading order.
fn order_by_uncertainty(items: &mut [QueueItem], learner: &crate::workflow::learner::Learner, text: &DocText) {
    let tagged = learner.tag(text);
    crate::workflow::learner::most_uncertain_first(items, |i| tagged.uncertainty_of(i.span));
}

/// A suggested type's name in `l` (the schema's Arabic name in Arabic; logical order).
fn label_name(project: &Project, label: &SuggestedLabel, l: Language) -> String {
    let schema = &project.config().schema;
    match label {
        SuggestedLabel::Entity(t) => {
            schema.entity_type(t).map_or(t.to_string(), |d| i18n::entity_name(d, l).to_owned())
        }
        SuggestedLabel::Event(t) => schema.event_type(t).map_or(t.to_string(), |d| i18n::event_name(d, l).to_owned()),
    }
}

/// Draws the review panel. `current` is the suggestion being reviewed.
pub fn review_panel(
    ui: &mut egui::Ui,
    project: &Project,
    loaded: &LoadedDoc,
    queue: &mut ReviewQueue,
    current: Option<&(SourceName, SuggestionId)>,
    out: &mut Vec<Action>,
) {
    filters(ui, project, queue);
    let total: usize = loaded.suggestions.values().map(|s| s.suggestions.len()).sum();
    ui.label(tr!(ui, "review-shown", shown = queue.items().len(), total = total));
    if let Some((source, id)) = current
        && let Some(item) = queue.items().iter().find(|i| &i.source == source && i.id == *id)
    {
        let key = (item.source.clone(), item.id);
        current_actions(ui, project, item, out);
        let schema = &project.config().schema;
        super::suggested_roles::suggested_roles(ui, schema, loaded, (&key.0, key.1), &mut queue.roles);
    } else {
        ui.weak(tr!(ui, "review-start", key = ctx_key(ui, Command::NextSuggestion)));
    }
    ui.separator();
    rows(ui, project, loaded, queue, current, out);
    ui.separator();
    bulk_actions(ui, queue, out);
}

/// The queue's order and filter (type and score range).
fn filters(ui: &mut egui::Ui, project: &Project, queue: &mut ReviewQueue) {
    let schema = &project.config().schema;
    let l = ui.language();
    i18n::row(ui, |ui| {
        ui.label(tr!(ui, "review-order"));
        ui.selectable_value(&mut queue.order, QueueOrder::Position, tr!(ui, "review-position"));
        ui.selectable_value(&mut queue.order, QueueOrder::Score, tr!(ui, "review-score"));
        // Issue 18: the learner's uncertainty (Model > Learner trains it).
        ui.selectable_value(&mut queue.order, QueueOrder::Uncertainty, tr!(ui, "review-uncertainty"))
            .on_hover_text(tr!(ui, "review-uncertainty-help"));
    });
    i18n::row(ui, |ui| {
        let shown = queue.filter.label.as_ref().map_or(tr!(ui, "review-all-types").to_owned(), |t| {
            i18n::shown(l, &label_name(project, t, l)).into_owned()
        });
        let names = schema.entity_types.iter().map(|t| i18n::entity_name(t, l));
        let width =
            crate::ui::fit::combo_width(ui, names.chain(schema.event_types.iter().map(|t| i18n::event_name(t, l))));
        egui::ComboBox::from_id_salt("queue-type")
            .width(width)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut queue.filter.label, None, tr!(ui, "review-all-types"));
                for t in &schema.entity_types {
                    let name = i18n::shown(l, i18n::entity_name(t, l));
                    ui.selectable_value(&mut queue.filter.label, Some(SuggestedLabel::Entity(t.id.clone())), name);
                }
                for t in &schema.event_types {
                    let name = i18n::shown(l, i18n::event_name(t, l));
                    ui.selectable_value(&mut queue.filter.label, Some(SuggestedLabel::Event(t.id.clone())), name);
                }
            })
            .response
            .accessible_name(tr!(ui, "review-type"));
        let mut min = queue.filter.min_score.unwrap_or(0.0);
        let mut max = queue.filter.max_score.unwrap_or(1.0);
        ui.label(tr!(ui, "review-score"));
        let a = ui.add(egui::DragValue::new(&mut min).range(0.0..=1.0).speed(0.01).fixed_decimals(2));
        ui.label(tr!(ui, "review-to"));
        let b = ui.add(egui::DragValue::new(&mut max).range(0.0..=1.0).speed(0.01).fixed_decimals(2));
        let (a, b) = (a.accessible_name(tr!(ui, "review-lowest")), b.accessible_name(tr!(ui, "review-highest")));
        if a.changed() || b.changed() {
            queue.filter.min_score = (min > 0.0).then_some(min);
            queue.filter.max_score = (max < 1.0).then_some(max);
        }
    });
}

/// The queue's rows (only those in view are drawn); a click puts one under review.
fn rows(
    ui: &mut egui::Ui,
    project: &Project,
    loaded: &LoadedDoc,
    queue: &ReviewQueue,
    current: Option<&(SourceName, SuggestionId)>,
    out: &mut Vec<Action>,
) {
    // Two lines a row: the suggestion's words in their context (a hundred rows of «طهران» differ only
    // there), then its type and score.
    let row_height = egui::TextStyle::Body.resolve(ui.style()).size * 1.45 * 2.0 + 2.0 * ui.spacing().button_padding.y;
    let items = queue.items();
    egui::ScrollArea::vertical()
        .id_salt("queue")
        .max_height(ui.available_height() - 150.0)
        .auto_shrink(false)
        .show_rows(ui, row_height, items.len(), |ui, rows| {
            for item in &items[rows] {
                let Snippet { text, hit } = snippet(&loaded.text, item.span, Limits::ROW);
                let score = item.score.map_or("–".to_owned(), |s| format!("{s:.2}"));
                let detail = format!("{} {score}", label_name(project, &item.label, ui.language()));
                let selected = current.is_some_and(|(s, id)| s == &item.source && *id == item.id);
                let color = ui.visuals().text_color();
                if selectable_row_marked(ui, selected, &text, Some(hit), Some(&detail), color)
                    .on_hover_text(item.source.as_str())
                    .clicked()
                {
                    out.push(Action::Review(ReviewRequest::Select(item.source.clone(), item.id)));
                }
            }
        });
}

/// Accepting in bulk, the built-in suggesters and the statistics.
fn bulk_actions(ui: &mut egui::Ui, queue: &mut ReviewQueue, out: &mut Vec<Action>) {
    i18n::wrapped_row(ui, |ui| {
        ui.label(tr!(ui, "review-accept-all"));
        if ui.button(tr!(ui, "review-in-document")).clicked() {
            out.push(Action::Review(ReviewRequest::AcceptAll(Scope::Document)));
        }
        if ui.button(tr!(ui, "review-in-project")).clicked() {
            out.push(Action::Review(ReviewRequest::AcceptAll(Scope::Project)));
        }
    });
    ui.checkbox(&mut queue.propagate, tr!(ui, "review-propagate"));
    i18n::wrapped_row(ui, |ui| {
        ui.label(tr!(ui, "review-gazetteer"));
        if ui.button(tr!(ui, "mention-propose-document")).clicked() {
            out.push(Action::Review(ReviewRequest::Registry(Scope::Document)));
        }
        if ui.button(tr!(ui, "mention-propose-project")).clicked() {
            out.push(Action::Review(ReviewRequest::Registry(Scope::Project)));
        }
    });
    if ui.button(tr!(ui, "review-stats")).clicked() {
        out.push(Action::Review(ReviewRequest::Stats));
    }
}

fn ctx_key(ui: &egui::Ui, command: Command) -> String {
    command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default()
}

/// The current suggestion: what it proposes and the keys that decide it.
fn current_actions(ui: &mut egui::Ui, project: &Project, item: &QueueItem, out: &mut Vec<Action>) {
    let l = ui.language();
    let score = item
        .score
        .map_or(trl!(l, "review-no-score").to_owned(), |s| trl!(l, "review-score-of", score = format!("{s:.2}")));
    let name = label_name(project, &item.label, l);
    ui.label(
        RichText::new(tr!(ui, "review-current", name = name, score = score, source = item.source.as_str())).strong(),
    );
    i18n::wrapped_row(ui, |ui| {
        if ui.button(tr!(ui, "review-accept")).clicked() {
            out.push(Action::Review(ReviewRequest::Accept(None)));
        }
        if ui.button(tr!(ui, "review-reject")).clicked() {
            out.push(Action::Review(ReviewRequest::Reject));
        }
    });
    ui.weak(tr!(ui, "review-adjust"));
}
