//! The review statistics window: per suggestion source, how many were accepted, edited and rejected, and a
//! plot of precision against the score threshold (what share of the suggestions scored at least t a coder
//! kept), to choose a threshold for bulk acceptance.

use crate::store::Project;
use crate::tr;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::review_stats::{Reviewers, review_stats};
use eframe::egui::{self, RichText};
use egui_plot::{Legend, Line, Plot, PlotPoints};

/// The review statistics window: the coder's own decisions, or every coder's pooled.
#[derive(Default)]
pub struct ReviewStatsWindow {
    /// Pool every coder's decisions instead of showing only this coder's.
    pooled: bool,
}

impl ToolWindow for ReviewStatsWindow {
    fn kind(&self) -> &'static str {
        "review-stats"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-review-statistics").into()
    }

    fn min_width(&self) -> f32 {
        480.0 // the table and its plot
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 420.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, _out: &mut Vec<Action>) {
        let project = session.project();
        ui.horizontal(|ui| {
            let mine = tr!(ui, "stats-mine", coder = project.annotator().to_string());
            ui.selectable_value(&mut self.pooled, false, mine);
            ui.selectable_value(&mut self.pooled, true, tr!(ui, "stats-pooled"));
        });
        let reviewers = if self.pooled { Reviewers::Everyone } else { Reviewers::Coder(project.annotator().clone()) };
        draw(ui, project, &reviewers);
        // Issue 18: the coder's learner on documents it did not train on.
        if let Some(last) = &session.learning.last {
            ui.separator();
            ui.label(RichText::new(tr!(ui, "stats-learner")).strong());
            crate::ui::windows::learner::held_out(ui, &last.figures);
        }
    }
}

/// Draws the statistics of the loaded documents.
fn draw(ui: &mut egui::Ui, project: &Project, reviewers: &Reviewers) {
    let stats = review_stats(project, reviewers);
    if stats.is_empty() {
        ui.label(tr!(ui, "stats-none"));
        return;
    }
    egui::Grid::new("review-stats").striped(true).show(ui, |ui| {
        let headings = [
            tr!(ui, "stats-source"),
            tr!(ui, "stats-accepted"),
            tr!(ui, "stats-edited"),
            tr!(ui, "stats-rejected"),
            tr!(ui, "stats-pending"),
            tr!(ui, "stats-precision-all"),
        ];
        for h in headings {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (source, r) in &stats {
            ui.label(source.as_str());
            ui.label(r.accepted.to_string());
            ui.label(r.edited.to_string());
            ui.label(r.rejected.to_string());
            ui.label(r.pending.to_string());
            ui.label(r.curve.first().map_or("–".to_owned(), |p| format!("{:.2}", p.precision)));
            ui.end_row();
        }
    });
    ui.weak(tr!(ui, "stats-precision-help"));
    Plot::new("precision")
        .legend(Legend::default())
        .height(220.0)
        .include_y(0.0)
        .include_y(1.0)
        .include_x(0.0)
        .include_x(1.0)
        .x_axis_label(tr!(ui, "stats-threshold"))
        .y_axis_label(tr!(ui, "stats-precision"))
        .show(ui, |plot| {
            for (source, r) in &stats {
                let points: PlotPoints = r.curve.iter().map(|p| [p.threshold, p.precision]).collect();
                plot.line(Line::new(source.to_string(), points));
            }
        });
}
