//! The event map (issue 19): the coder's events as points over the country and governorate outlines
//! (`formats/map_data.rs`), coloured by event type and sized by fatalities, with a legend; hovering a point
//! says what happened, clicking it opens the event in its document as a click on its row in the events
//! table does (`Action::Jump`). A time window (two sliders over the days of the events' dates) hides the
//! points outside it. The map shows either every event of the project or the events table's rows (its
//! scope, which the table publishes each frame: `events_table::table_scope`). Events without a place with
//! coordinates are counted under the map, never left out in silence.

use crate::formats::events_table::EventRow;
use crate::formats::map_data::{self, MapPoint, MapPoints, day_text};
use crate::model::{DocId, Rgb};
use crate::ui::action::{Action, Focus};
use crate::ui::bidi_label::{LabelStyle, bidi_label};
use crate::ui::i18n::{self, LangOf, Language};
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::ui::windows::events_table::{EventsTable, table_scope};
use crate::{tr, trl};
use eframe::egui;
use egui_plot::{Legend, Line, Plot, PlotPoint, PlotPoints, Points};

/// Pixels between events at one place (times their spread, `map_data::spread`).
const SPREAD_PX: f64 = 9.0;

/// Which events the map shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every event of the coder's layers in the project.
    #[default]
    Project,
    /// The events table's rows: the shown document's, or the project's when the table shows it all.
    Table,
}

/// A point as drawn in the last frame: the event and where it is on the screen.
#[derive(Clone, Debug)]
pub struct DrawnPoint {
    /// The event's row.
    pub row: EventRow,
    /// Its centre on the screen.
    pub at: egui::Pos2,
    /// Its radius in pixels.
    pub radius: f32,
}

/// The map window's state.
#[derive(Default)]
pub struct EventMap {
    /// Which events.
    pub scope: Scope,
    /// The rows, built and cached as the events table builds its own.
    table: EventsTable,
    /// The rows' points.
    points: MapPoints,
    /// (whole project, document, generation) the points were made for.
    built_for: Option<(bool, Option<DocId>, u64)>,
    /// The time window (first and last day shown); `None` is the whole range.
    window: Option<(i64, i64)>,
    /// The points drawn in the last frame, for hovering, clicking and tests.
    drawn: Vec<DrawnPoint>,
}

impl EventMap {
    /// The points drawn in the last frame (those inside the time window).
    pub fn drawn(&self) -> &[DrawnPoint] {
        &self.drawn
    }

    /// The rows the map was made from, with or without coordinates.
    pub fn rows(&self) -> &[EventRow] {
        self.table.rows()
    }

    /// The first and last day shown, `None` when no event on the map has a date.
    pub fn time_window(&self) -> Option<(i64, i64)> {
        let range = self.points.time_range()?;
        Some(self.window.unwrap_or(range))
    }

    /// Rebuilds the points when the scope, the shown document or the project changed.
    fn refresh(&mut self, session: &Session, whole_project: bool) {
        let project = session.project();
        let doc = session.shown();
        let key = (whole_project, doc.filter(|_| !whole_project).cloned(), project.generation());
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        self.table.whole_project = whole_project;
        self.table.refresh(project, doc);
        self.points = map_data::map_points(self.table.rows(), &project.config().schema);
        // A window the new range no longer fits goes back to the whole range.
        if let (Some((from, to)), Some((a, b))) = (self.window, self.points.time_range()) {
            self.window = (from <= to && from >= a && to <= b && (from, to) != (a, b)).then_some((from, to));
        }
        self.built_for = Some(key);
    }

    /// The scope buttons; returns whether the events table is open (when its rows are asked for).
    fn scope_row(&mut self, ui: &mut egui::Ui) -> bool {
        let table = table_scope(ui.ctx());
        i18n::row(ui, |ui| {
            ui.selectable_value(&mut self.scope, Scope::Project, tr!(ui, "map-scope-project"));
            ui.selectable_value(&mut self.scope, Scope::Table, tr!(ui, "map-scope-table"));
        });
        if self.scope == Scope::Table && table.is_none() {
            i18n::line(ui, egui::RichText::new(tr!(ui, "map-table-closed")).weak());
        }
        table.unwrap_or(false)
    }

    /// The counts and the two sliders of the time window.
    fn time_row(&mut self, ui: &mut egui::Ui) {
        let shown = self.time_window().map_or(self.points.points.len(), |(a, b)| self.points.in_window(a, b).count());
        i18n::row(ui, |ui| {
            ui.label(tr!(ui, "map-shown", shown = shown, count = self.table.rows().len()));
            if self.points.without_coordinates > 0 {
                ui.weak(tr!(ui, "map-no-coordinates", count = self.points.without_coordinates));
            }
        });
        let Some((first, last)) = self.points.time_range() else {
            if !self.points.points.is_empty() {
                i18n::line(ui, egui::RichText::new(tr!(ui, "map-no-dates")).weak());
            }
            return;
        };
        let (mut from, mut to) = self.window.unwrap_or((first, last));
        // Each slider is named by its label (for screen readers and tests); its date is a label of its own.
        let slider = |ui: &mut egui::Ui, label: &str, day: &mut i64| {
            let name = ui.label(label).id;
            ui.add(egui::Slider::new(day, first..=last).show_value(false)).labelled_by(name);
            ui.label(day_text(*day));
        };
        i18n::row(ui, |ui| {
            slider(ui, tr!(ui, "map-from"), &mut from);
            slider(ui, tr!(ui, "map-to"), &mut to);
        });
        // The other end follows rather than the window turning inside out.
        if from > to {
            if Some(from) != self.window.map(|w| w.0) { to = from } else { from = to }
        }
        self.window = ((from, to) != (first, last)).then_some((from, to));
    }

    /// Sizes: a hollow point for unknown fatalities, then 0, 5 and 25 killed.
    fn size_legend(ui: &mut egui::Ui) {
        i18n::row(ui, |ui| {
            ui.label(tr!(ui, "map-killed"));
            let color = ui.visuals().weak_text_color();
            for (label, n) in
                [(trl!(ui, "map-killed-unknown"), None), ("0", Some(0.0)), ("5", Some(5.0)), ("25", Some(25.0))]
            {
                let r = map_data::radius(n);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(2.0 * r + 2.0, 2.0 * r + 2.0), egui::Sense::hover());
                if n.is_some() {
                    ui.painter().circle_filled(rect.center(), r, color);
                } else {
                    ui.painter().circle_stroke(rect.center(), r, egui::Stroke::new(1.5, color));
                }
                ui.label(i18n::shown(ui.language(), label));
            }
        });
    }

    /// The plot: outlines, points, legend; hover and click.
    fn plot(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let outlines = map_data::outlines();
        let schema = &session.project().config().schema;
        let language = ui.language();
        let rows = self.table.rows();
        let shown: Vec<&MapPoint> = match self.time_window() {
            Some((a, b)) => self.points.in_window(a, b).collect(),
            None => self.points.points.iter().collect(),
        };
        let names: Vec<String> = shown.iter().map(|p| type_name(&rows[p.row], schema, language)).collect();
        let [w, s, e, n] = outlines.bbox;
        let (border, admin) = outline_colors(ui.visuals());
        let aspect = 1.0 / outlines.mid_latitude().to_radians().cos();
        let mut placed: Vec<PlotPoint> = Vec::with_capacity(shown.len());
        let response = Plot::new("event-map")
            .data_aspect(aspect as f32)
            .default_x_bounds(w, e)
            .default_y_bounds(s, n)
            .show_x(false)
            .show_y(false)
            .show_grid(false)
            .legend(Legend::default())
            .x_axis_formatter(|m, _| format!("{}°", m.value))
            .y_axis_formatter(|m, _| format!("{}°", m.value))
            .show(ui, |plot| {
                for shape in &outlines.shapes {
                    let (color, width) =
                        if shape.level == map_data::Level::Country { (border, 1.2) } else { (admin, 0.6) };
                    for ring in &shape.rings {
                        let closed: PlotPoints = ring.iter().chain(ring.first()).copied().collect();
                        plot.line(Line::new("", closed).color(color).width(width).allow_hover(false));
                    }
                }
                let [dx, dy] = plot.transform().dvalue_dpos();
                for (p, name) in shown.iter().zip(&names) {
                    let at = PlotPoint::new(
                        p.lon + f64::from(p.spread[0]) * SPREAD_PX * dx.abs(),
                        p.lat + f64::from(p.spread[1]) * SPREAD_PX * dy.abs(),
                    );
                    placed.push(at);
                    let points = Points::new(name.clone(), vec![[at.x, at.y]])
                        .radius(p.radius)
                        .color(color32(p.color))
                        .filled(p.known_fatalities)
                        .allow_hover(false);
                    plot.points(points);
                }
            });
        self.drawn = shown
            .iter()
            .zip(&placed)
            .map(|(p, at)| DrawnPoint {
                row: rows[p.row].clone(),
                at: response.transform.position_from_point(at),
                radius: p.radius,
            })
            .collect();
        let pointer = response.response.hover_pos();
        let hovered = pointer.and_then(|pos| nearest(&self.drawn, pos));
        if let Some(i) = hovered {
            let row = self.drawn[i].row.clone();
            let type_shown = type_name(&row, schema, Language::English);
            let type_name =
                schema.event_type(&row.event_type_id).map_or(type_shown, |t| i18n::event_name(t, language).to_owned());
            let response = response.response.clone().on_hover_ui_at_pointer(|ui| hover(ui, &row, &type_name));
            if response.clicked() {
                out.push(Action::Jump {
                    doc: row.doc.clone(),
                    span: row.trigger,
                    focus: Some(Focus::Event(row.event)),
                });
            }
        }
    }
}

/// The index of the drawn point under `pos` (the nearest whose disc, a little enlarged, holds it).
fn nearest(drawn: &[DrawnPoint], pos: egui::Pos2) -> Option<usize> {
    drawn
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d.at.distance(pos), d.radius + 3.0))
        .filter(|(_, dist, reach)| dist <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, ..)| i)
}

/// What hovering a point shows: id, type, date; place; actors; fatalities. Values are the article's words
/// (Arabic), so each line goes through the bidi pass.
fn hover(ui: &mut egui::Ui, row: &EventRow, type_name: &str) {
    let style = LabelStyle { size: 14.0, color: ui.visuals().text_color(), single_line: false };
    ui.set_max_width(360.0);
    let id = row.event.to_string();
    let mut lines = vec![trl!(ui, "map-hover-title", id = id, kind = type_name.to_owned(), date = row.date.clone())];
    if !row.location.is_empty() {
        lines.push(trl!(ui, "map-hover-place", place = row.location.clone()));
    }
    let actors: Vec<&str> = [row.actor1.as_str(), row.actor2.as_str()].into_iter().filter(|a| !a.is_empty()).collect();
    if !actors.is_empty() {
        lines.push(trl!(ui, "map-hover-actors", actors = actors.join(" · ")));
    }
    lines.push(match row.fatalities {
        Some(_) => trl!(ui, "map-hover-fatalities", count = row.fatalities_text()),
        None => trl!(ui, "map-hover-fatalities-unknown").to_owned(),
    });
    for line in lines {
        bidi_label(ui, &line, style, egui::Sense::hover());
    }
    ui.weak(tr!(ui, "map-hover-open"));
}

/// An event type's name in the legend (egui's own text: in visual order in Arabic).
fn type_name(row: &EventRow, schema: &crate::model::Schema, language: Language) -> String {
    let name = schema.event_type(&row.event_type_id).map_or(row.event_type.as_str(), |t| i18n::event_name(t, language));
    i18n::shown(language, name).into_owned()
}

fn color32(c: Rgb) -> egui::Color32 {
    let [r, g, b] = c.0;
    egui::Color32::from_rgb(r, g, b)
}

/// Country borders and governorate borders in the theme.
fn outline_colors(v: &egui::Visuals) -> (egui::Color32, egui::Color32) {
    if v.dark_mode {
        (egui::Color32::from_gray(170), egui::Color32::from_gray(95))
    } else {
        (egui::Color32::from_gray(90), egui::Color32::from_gray(185))
    }
}

impl ToolWindow for EventMap {
    fn kind(&self) -> &'static str {
        "event-map"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        tr!(language, "window-event-map").into()
    }

    fn min_width(&self) -> f32 {
        420.0
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(720.0, 720.0)
    }

    fn scrolls(&self) -> bool {
        false // the plot takes the room there is
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let table_whole = self.scope_row(ui);
        self.refresh(session, self.scope == Scope::Project || table_whole);
        self.time_row(ui);
        Self::size_legend(ui);
        self.plot(ui, session, out);
    }
}
