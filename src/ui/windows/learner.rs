//! Model > Learner (issue 18): train the coder's learner now (with its progress), retrain after every N
//! decisions, the last round's figures on held-out documents, and ordering the review queue by the
//! learner's uncertainty. The rounds themselves run in `ui/session/learner.rs`.

use crate::tr;
use crate::ui::action::Action;
use crate::ui::panels::review_queue::QueueOrder;
use crate::ui::session::Session;
use crate::ui::session::learner::{LastRound, LearnerRequest};
use crate::ui::windows::ToolWindow;
use eframe::egui;

/// The Learner window.
#[derive(Default)]
pub struct LearnerWindow;

impl ToolWindow for LearnerWindow {
    fn kind(&self) -> &'static str {
        "learner"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-learner").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(460.0, 320.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let learning = &session.learning;
        ui.weak(tr!(ui, "learner-about"));
        ui.separator();
        match learning.running() {
            Some((documents, done, targets)) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    if done == 0 {
                        ui.label(tr!(ui, "learner-training", documents = documents));
                    } else {
                        ui.label(tr!(ui, "learner-proposing", done = done, total = targets));
                    }
                });
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
            None => {
                let button = ui.add_enabled(session.editable(), egui::Button::new(tr!(ui, "learner-train-now")));
                if button.on_hover_text(tr!(ui, "learner-train-now-help")).clicked() {
                    out.push(Action::Learner(LearnerRequest::TrainNow));
                }
            }
        }
        let mut every = learning.every;
        ui.horizontal(|ui| {
            ui.label(tr!(ui, "learner-every"));
            let field = ui.add(egui::DragValue::new(&mut every).range(0..=10_000));
            if field.accessible_name(tr!(ui, "learner-every-field")).changed() {
                out.push(Action::Learner(LearnerRequest::Every(every)));
            }
            ui.label(tr!(ui, "learner-decisions"));
        });
        ui.weak(tr!(ui, "learner-made", count = learning.made()));
        let mut by_uncertainty = session.review.queue.order == QueueOrder::Uncertainty;
        if ui.checkbox(&mut by_uncertainty, tr!(ui, "learner-order")).changed() {
            out.push(Action::Learner(LearnerRequest::OrderByUncertainty(by_uncertainty)));
        }
        ui.separator();
        match &learning.last {
            Some(last) => figures(ui, last),
            None => {
                ui.label(tr!(ui, "learner-no-round"));
            }
        }
    }
}

/// The last round's figures.
fn figures(ui: &mut egui::Ui, last: &LastRound) {
    let f = &last.figures;
    ui.label(tr!(ui, "learner-trained", documents = f.documents, tokens = f.tokens));
    ui.label(tr!(ui, "learner-added", count = last.added, documents = last.targets));
    held_out(ui, &last.figures);
}

/// Precision, recall and F1 on the held-out documents, or why there are none (also in the review statistics).
pub fn held_out(ui: &mut egui::Ui, f: &crate::workflow::learner::RoundFigures) {
    match &f.held_out {
        Some(prf) => {
            let (p, r, f1) =
                (format!("{:.2}", prf.precision()), format!("{:.2}", prf.recall()), format!("{:.2}", prf.f1()));
            ui.label(tr!(ui, "learner-held-out", documents = f.held_out_documents, precision = p, recall = r, f1 = f1));
        }
        None => {
            ui.label(tr!(ui, "learner-none-held-out"));
        }
    }
}
