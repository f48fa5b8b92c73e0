//! The events table: one row per event of this document or of the whole project, sortable by any column;
//! clicking a row opens its document, scrolls to the trigger and inspects the event.

use crate::formats::events_table::{DateBasis, EventColumn, EventRow, document_rows, project_rows, sort_rows};
use crate::store::Project;
use crate::ui::action::{Action, Focus};
use crate::ui::bidi_label::selectable_row;
use crate::ui::i18n::{self, LangOf, Language};
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::{tr, trl};
use eframe::egui;
use std::borrow::Cow;

/// Columns shown in the window, with their widths (the CSV export has them all).
const SHOWN: [(EventColumn, f32); 11] = [
    (EventColumn::Event, 50.0),
    (EventColumn::Date, 85.0),
    // A date taken from the publication rather than the text must say so: "مساء أمس" was the day before.
    (EventColumn::DateBasis, 250.0),
    (EventColumn::EventType, 70.0),
    (EventColumn::Actor1, 160.0),
    (EventColumn::Actor2, 160.0),
    (EventColumn::Location, 140.0),
    (EventColumn::Fatalities, 70.0),
    (EventColumn::Modality, 75.0),
    (EventColumn::Source, 100.0),
    (EventColumn::Document, 170.0),
];

/// The table's state: scope, sort order, and the rows computed for the project's current generation.
pub struct EventsTable {
    /// Every document rather than the shown one.
    pub whole_project: bool,
    sort: (EventColumn, bool),
    rows: Vec<EventRow>,
    /// (whole project, document, generation) the rows were computed for.
    built_for: Option<(bool, Option<crate::model::DocId>, u64)>,
}

impl Default for EventsTable {
    fn default() -> Self {
        Self { whole_project: false, sort: (EventColumn::Event, true), rows: Vec::new(), built_for: None }
    }
}

impl EventsTable {
    /// Recomputes the rows when the scope, the document or the project changed. The whole-project table
    /// loads every document (once).
    pub fn refresh(&mut self, project: &Project, doc: Option<&crate::model::DocId>) {
        // The whole project's rows do not depend on the shown document.
        let key = (self.whole_project, doc.filter(|_| !self.whole_project).cloned(), project.generation());
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        let me = project.annotator().clone();
        self.rows = match (self.whole_project, doc) {
            (true, _) => project_rows(project, Some(&me)),
            (false, Some(doc)) => document_rows(project, doc, &me),
            (false, None) => Vec::new(),
        };
        sort_rows(&mut self.rows, self.sort.0, self.sort.1);
        self.built_for = Some(key);
    }

    /// The rows, in the table's order.
    pub fn rows(&self) -> &[EventRow] {
        &self.rows
    }

    /// Sorts by `column`; again on the same column reverses the order.
    pub fn sort_by(&mut self, column: EventColumn) {
        let ascending = if self.sort.0 == column { !self.sort.1 } else { true };
        self.sort = (column, ascending);
        sort_rows(&mut self.rows, column, ascending);
    }

    /// Draws the table.
    fn draw(&mut self, ui: &mut egui::Ui, schema: &crate::model::Schema, out: &mut Vec<Action>) {
        let language = ui.language();
        i18n::row(ui, |ui| {
            ui.selectable_value(&mut self.whole_project, false, tr!(ui, "events-this-document"));
            ui.selectable_value(&mut self.whole_project, true, tr!(ui, "events-whole-project"));
            ui.weak(tr!(ui, "events-count", count = self.rows.len()));
        });
        let mut clicked_column = None;
        let gap = ui.spacing().item_spacing.x;
        i18n::row(ui, |ui| {
            for (column, width) in SHOWN {
                let arrow = match self.sort {
                    (c, true) if c == column => trl!(ui, "events-sort-up"),
                    (c, false) if c == column => trl!(ui, "events-sort-down"),
                    _ => "",
                };
                let size = egui::Vec2::new(width, ui.spacing().interact_size.y);
                let title = i18n::shown(language, &format!("{}{arrow}", column_title(column, language))).into_owned();
                let heading = ui.allocate_ui(size, |ui| ui.button(title));
                if heading.inner.clicked() {
                    clicked_column = Some(column);
                }
            }
        });
        // Only the visible rows are drawn, so a project with many thousands of events scrolls smoothly.
        let row_height = egui::TextStyle::Body.resolve(ui.style()).size * 1.45 + 2.0 * ui.spacing().button_padding.y;
        let width: f32 = SHOWN.iter().map(|(_, w)| w + gap).sum();
        egui::ScrollArea::both().auto_shrink(false).show_rows(ui, row_height, self.rows.len(), |ui, range| {
            ui.set_min_width(width);
            for row in &self.rows[range] {
                let mut open = false;
                i18n::row(ui, |ui| {
                    for (column, width) in SHOWN {
                        let cell = match column {
                            // The document is in the Document column; the event's own number is enough.
                            EventColumn::Event => row.event.to_string().into(),
                            _ if language.is_rtl() => arabic_cell(column, row, schema),
                            _ => column.cell(row),
                        };
                        let size = egui::Vec2::new(width, row_height);
                        let color = ui.visuals().text_color();
                        let mut cell = ui.allocate_ui(size, |ui| selectable_row(ui, false, &cell, color)).inner;
                        if column == EventColumn::DateBasis {
                            cell = cell.on_hover_text(date_help(row, language));
                        }
                        open |= cell.clicked();
                    }
                });
                if open {
                    out.push(Action::Jump {
                        doc: row.doc.clone(),
                        span: row.trigger,
                        focus: Some(Focus::Event(row.event)),
                    });
                }
            }
        });
        if let Some(column) = clicked_column {
            self.sort_by(column);
        }
    }
}

/// The "Date from" cell's hover text: what the date is and, when it is the publication's, how to do better.
/// (A tooltip is an egui label, which has no bidi pass: it names the time expression without quoting it.)
fn date_help(row: &EventRow, l: Language) -> &'static str {
    match row.date_basis {
        DateBasis::Event => tr!(l, "events-date-event"),
        DateBasis::TimeMention => tr!(l, "events-date-time-mention"),
        DateBasis::TimeWords => tr!(l, "events-date-time-words"),
        DateBasis::Publication if row.time_text.is_empty() => tr!(l, "events-date-publication"),
        DateBasis::Publication => tr!(l, "events-date-publication-undated"),
        DateBasis::Unknown => tr!(l, "events-date-unknown"),
    }
}

/// A column's heading in `l` (the events table's own titles are the CSV's, in English).
fn column_title(column: EventColumn, l: Language) -> &'static str {
    match column {
        EventColumn::Event => trl!(l, "column-event"),
        EventColumn::Date => trl!(l, "column-date"),
        EventColumn::DateBasis => trl!(l, "column-date-from"),
        EventColumn::Time => trl!(l, "column-time"),
        EventColumn::EventType => trl!(l, "column-event-type"),
        EventColumn::Actor1 => trl!(l, "column-actor-1"),
        EventColumn::Actor2 => trl!(l, "column-actor-2"),
        EventColumn::Location => trl!(l, "column-location"),
        EventColumn::Fatalities => trl!(l, "column-fatalities"),
        EventColumn::Modality => trl!(l, "column-modality"),
        EventColumn::ReportedBy => trl!(l, "column-reported-by"),
        EventColumn::Source => trl!(l, "column-source"),
        EventColumn::Document => trl!(l, "column-document"),
        EventColumn::Annotator => trl!(l, "column-annotator"),
        EventColumn::Trigger => trl!(l, "column-trigger"),
        EventColumn::Notes => trl!(l, "column-notes"),
    }
}

/// A cell in Arabic: the event type's Arabic name, where the date came from in Arabic; the others as they are.
fn arabic_cell<'a>(column: EventColumn, row: &'a EventRow, schema: &'a crate::model::Schema) -> Cow<'a, str> {
    let l = Language::Arabic;
    let time = || crate::text::quote::quoted(&row.time_text);
    match column {
        EventColumn::EventType => {
            schema.event_type(&row.event_type_id).map_or(column.cell(row), |t| i18n::event_name(t, l).into())
        }
        EventColumn::DateBasis => match row.date_basis {
            DateBasis::Event => trl!(l, "events-from-attribute").into(),
            DateBasis::TimeMention => trl!(l, "events-from-time-role", time = time()).into(),
            DateBasis::TimeWords => trl!(l, "events-from-words", time = time()).into(),
            DateBasis::Publication if row.time_text.is_empty() => trl!(l, "events-from-publication").into(),
            DateBasis::Publication => trl!(l, "events-from-publication-undated", time = time()).into(),
            DateBasis::Unknown => Cow::Borrowed(""),
        },
        _ => column.cell(row),
    }
}

impl ToolWindow for EventsTable {
    fn kind(&self) -> &'static str {
        "events"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-events").into()
    }

    fn min_width(&self) -> f32 {
        900.0 // its columns side by side
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(1380.0, 320.0)
    }

    fn scrolls(&self) -> bool {
        false // the rows scroll, drawing only those in view
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        publish_scope(ui.ctx(), self.whole_project);
        self.refresh(session.project(), session.shown());
        self.draw(ui, &session.project().config().schema, out);
    }
}

// Issue 19: the event map shows the table's rows. Windows do not see each other while they draw (the set is
// taken out of the session), so the table leaves its scope in egui's memory with the frame it drew in.
fn scope_id() -> egui::Id {
    egui::Id::unique("events-table-scope")
}

fn publish_scope(ctx: &egui::Context, whole_project: bool) {
    let frame = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(scope_id(), (whole_project, frame)));
}

/// Whether the events table shows the whole project (`Some(true)`) or the shown document (`Some(false)`);
/// `None` when it has not drawn in this frame or the one before (it is closed).
pub fn table_scope(ctx: &egui::Context) -> Option<bool> {
    let (whole, frame) = ctx.data(|d| d.get_temp::<(bool, u64)>(scope_id()))?;
    (ctx.cumulative_pass_nr().saturating_sub(frame) <= 1).then_some(whole)
}
