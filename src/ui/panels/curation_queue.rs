//! The curation queue: every open disagreement unit of the project (or of one cell of the agreement
//! matrix), each coder's version of the current one side by side in the coder's colour, and the curator's
//! keys: Alt+number takes that coder's version, Enter the majority's, Backspace rejects them all. A merge of
//! every unit that enough coders agree on is one button.

use crate::model::{Annotator, DocId, Span, UnitKey};
use crate::store::Project;
use crate::text::context::{Limits, Snippet, snippet};
use crate::text::scene::coder_color;
use crate::ui::Action;
use crate::ui::bidi_label::{LabelStyle, bidi_label, selectable_row_marked};
use crate::ui::i18n::{self, LangOf};
use crate::workflow::curation::{self, Unit, UnitFilter, UnitState, state, version_text};
use crate::{tr, trl};
use eframe::egui::{self, Color32, RichText};

/// What the curation panel asks the session to do.
#[derive(Clone, Debug, PartialEq)]
pub enum CurationRequest {
    /// Make the unit at this index of the list the current one.
    Select(usize),
    /// Make the current unit's version of coder `i` (in the queue's coder order) the gold one.
    Take(usize),
    /// Take the version most coders share (when exactly one has the most).
    TakeMajority,
    /// Reject every version of the current unit.
    Reject,
    /// Merge every open unit whose version at least this many coders share.
    Merge(usize),
    /// Only the units of this filter (a cell of the agreement matrix), or all again.
    Filter(UnitFilter),
}

/// The queue's state: its coders, filter, list and cursor.
pub struct CurationQueue {
    /// The coders compared, in the order of their keys and colours.
    pub coders: Vec<Annotator>,
    /// Which units are listed.
    pub filter: UnitFilter,
    /// List settled and rejected units too.
    pub show_decided: bool,
    /// The quorum of "Merge where at least k coders agree".
    pub at_least: usize,
    /// The current unit.
    pub current: Option<(DocId, UnitKey)>,
    /// The units of the coders' layers under the filter: these change only when a coder's layer changes on
    /// disk (the curator's session writes only the gold layer), so a decision recomputes only their state.
    units: Vec<Unit>,
    units_for: Option<(UnitFilter, bool)>,
    items: Vec<(Unit, UnitState)>,
    built_for: Option<(u64, UnitFilter, bool)>,
}

impl Default for CurationQueue {
    fn default() -> Self {
        Self {
            coders: Vec::new(),
            filter: UnitFilter::default(),
            show_decided: false,
            at_least: 2,
            current: None,
            units: Vec::new(),
            units_for: None,
            items: Vec::new(),
            built_for: None,
        }
    }
}

impl CurationQueue {
    /// Rebuilds the list when the project or the filter changed; the cursor stays on its unit, or on the one
    /// that took its place (the next) once it is decided.
    pub fn refresh(&mut self, project: &Project) {
        let wanted = (self.filter.clone(), self.show_decided);
        if self.units_for.as_ref() != Some(&wanted) {
            if self.coders.is_empty() {
                self.coders = curation::coders(project);
            }
            let filter = UnitFilter { agreed: self.show_decided, ..self.filter.clone() };
            self.units = curation::all_units(project, &self.coders, &filter);
            self.units_for = Some(wanted);
            self.built_for = None;
        }
        let key = (project.generation(), self.filter.clone(), self.show_decided);
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        let old_index = self.index();
        let gold = Annotator::gold();
        self.items = self
            .units
            .iter()
            .map(|u| {
                let layers = project.document(&u.doc).and_then(|d| d.loaded());
                (u.clone(), state(u, layers.and_then(|l| l.layers.get(&gold))))
            })
            .filter(|(_, s)| self.show_decided || *s == UnitState::Open)
            .collect();
        self.built_for = Some(key);
        if self.index().is_none() {
            let next = old_index.unwrap_or(0).min(self.items.len().saturating_sub(1));
            self.current = self.items.get(next).map(|(u, _)| (u.doc.clone(), u.key));
        }
    }

    /// A coder's layer changed on disk (a sync, a teammate's save): the units are found again at the next
    /// refresh.
    pub fn coders_changed(&mut self) {
        self.units_for = None;
    }

    /// The listed units with where each stands.
    pub fn items(&self) -> &[(Unit, UnitState)] {
        &self.items
    }

    /// The index of the current unit in the list.
    pub fn index(&self) -> Option<usize> {
        let (doc, key) = self.current.as_ref()?;
        self.items.iter().position(|(u, _)| &u.doc == doc && u.key == *key)
    }

    /// The current unit.
    pub fn unit(&self) -> Option<&Unit> {
        self.index().map(|i| &self.items[i].0)
    }

    /// The index of the next (or previous) unit, wrapping around.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let n = self.items.len();
        if n == 0 {
            return None;
        }
        Some(match self.index() {
            None => 0,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        })
    }
}

/// Draws the queue.
pub fn curation_panel(ui: &mut egui::Ui, project: &Project, queue: &mut CurationQueue, out: &mut Vec<Action>) {
    let (open, decided) = queue.items().iter().fold((0, 0), |(o, d), (_, s)| match s {
        UnitState::Open => (o + 1, d),
        _ => (o, d + 1),
    });
    ui.label(RichText::new(tr!(ui, "curation-heading")).strong());
    let decided = if queue.show_decided { trl!(ui, "curation-decided", count = decided) } else { String::new() };
    ui.label(tr!(ui, "curation-open", count = open, decided = decided));
    if let Some((a, b)) = &queue.filter.pair {
        i18n::row(ui, |ui| {
            ui.label(tr!(ui, "curation-pair", a = a.to_string(), b = b.to_string()));
            if ui.small_button(tr!(ui, "curation-show-all")).clicked() {
                out.push(Action::Curate(CurationRequest::Filter(UnitFilter::default())));
            }
        });
    }
    ui.checkbox(&mut queue.show_decided, tr!(ui, "curation-show-decided"));
    i18n::row(ui, |ui| {
        let n = queue.coders.len().max(1);
        let label = ui.label(tr!(ui, "curation-at-least"));
        ui.add(egui::DragValue::new(&mut queue.at_least).range(1..=n)).labelled_by(label.id);
        if ui.button(tr!(ui, "curation-merge", count = n)).on_hover_text(tr!(ui, "curation-merge-help")).clicked() {
            out.push(Action::Curate(CurationRequest::Merge(queue.at_least)));
        }
    });
    ui.separator();
    current_unit(ui, project, queue, out);
    ui.separator();
    unit_list(ui, project, queue, out);
}

/// Each coder's version of the current unit, with its key and a button taking it.
fn current_unit(ui: &mut egui::Ui, project: &Project, queue: &CurationQueue, out: &mut Vec<Action>) {
    let Some(unit) = queue.unit() else {
        ui.weak(tr!(ui, "curation-none"));
        return;
    };
    let Some(doc) = project.document(&unit.doc).and_then(|d| d.loaded()) else { return };
    let slice = |span| doc.text.slice(span).unwrap_or_default().chars().take(60).collect::<String>();
    let quoted = crate::text::quote::quoted(&slice(unit.key.span));
    let what = unit.disagreement.map_or(trl!(ui, "curation-agreed"), |d| d.as_str());
    ui.label(i18n::shown(ui.language(), &format!("{} · {what}", unit.doc)));
    let style = LabelStyle { size: 16.0, color: ui.visuals().strong_text_color(), single_line: false };
    bidi_label(ui, &quoted, style, egui::Sense::hover());
    // A relation unit says where it points to on a line of its own, in words: an arrow would point the wrong
    // way once a line runs right to left, and two quotes of Arabic in one line of English read out of order.
    if let Some(to) = unit.key.to {
        let line = trl!(ui, "curation-relation-to", to = crate::text::quote::quoted(&slice(to)));
        bidi_label(ui, &line, style, egui::Sense::hover());
    }
    for (i, (coder, version)) in unit.versions.iter().enumerate() {
        ui.horizontal(|ui| {
            let [r, g, b] = coder_color(i).0;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 6.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 1.0, Color32::from_rgb(r, g, b));
            let text = version_text(doc.layers.get(coder), unit, i);
            let shown = if version.is_empty() { trl!(ui, "curation-nothing").to_owned() } else { text };
            let key = if i < 9 { format!("Alt+{} ", i + 1) } else { String::new() };
            let help = tr!(ui, "curation-take-help", key = key.as_str(), coder = coder.to_string());
            if ui.button(tr!(ui, "curation-take")).on_hover_text(help).clicked() {
                out.push(Action::Curate(CurationRequest::Take(i)));
            }
            let style = LabelStyle { size: 14.0, color: ui.visuals().text_color(), single_line: false };
            bidi_label(ui, &format!("{key}{coder}: {shown}"), style, egui::Sense::hover());
        });
    }
    i18n::row(ui, |ui| {
        if ui.button(tr!(ui, "curation-majority")).on_hover_text(tr!(ui, "curation-majority-help")).clicked() {
            out.push(Action::Curate(CurationRequest::TakeMajority));
        }
        if ui.button(tr!(ui, "curation-reject")).on_hover_text(tr!(ui, "curation-reject-help")).clicked() {
            out.push(Action::Curate(CurationRequest::Reject));
        }
    });
    ui.weak(tr!(ui, "curation-keys"));
}

/// The listed units, one row each; only the visible rows are drawn.
fn unit_list(ui: &mut egui::Ui, project: &Project, queue: &CurationQueue, out: &mut Vec<Action>) {
    let current = queue.index();
    // Two lines a row: the unit's words in context, then the disagreement and the document.
    let row_height = egui::TextStyle::Body.resolve(ui.style()).size * 1.45 * 2.0 + 2.0 * ui.spacing().button_padding.y;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        queue.items().len(),
        |ui, rows| {
            for i in rows {
                let (unit, s) = &queue.items()[i];
                let (line, hit, detail) = row_text(project, unit, *s, ui.language());
                let color = ui.visuals().text_color();
                if selectable_row_marked(ui, current == Some(i), &line, Some(hit), Some(&detail), color).clicked() {
                    out.push(Action::Curate(CurationRequest::Select(i)));
                }
            }
        },
    );
}

/// A unit's row, where its words lie in it, and its second line: its state and its words with a few words
/// of context (units of one name in many documents differ only there), then what the coders disagree on
/// and the document.
fn row_text(
    project: &Project,
    unit: &Unit,
    s: UnitState,
    language: crate::settings::Language,
) -> (String, Span, String) {
    let mark = match s {
        UnitState::Open => "",
        UnitState::Settled => "✔ ",
        UnitState::Rejected => "✖ ",
    };
    let Snippet { text, hit } = project
        .document(&unit.doc)
        .and_then(|d| d.loaded())
        .map(|d| snippet(&d.text, unit.key.span, Limits::ROW))
        .unwrap_or_default();
    let what = unit.disagreement.map_or("agreed", |d| d.as_str());
    let shift = mark.chars().count();
    // A relation's row shows where it starts in context; the second line says where it points to.
    let to = unit.key.to.and_then(|to| project.document(&unit.doc)?.loaded()?.text.slice(to).map(str::to_owned));
    let to = to.map(|t| format!("{} · ", trl!(language, "curation-relation-to", to = t))).unwrap_or_default();
    (format!("{mark}{text}"), Span::new(hit.start + shift, hit.end + shift), format!("{to}{what} · {}", unit.doc))
}
