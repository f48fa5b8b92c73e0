//! The run of asking a model server, as Model > Sources and the status bar show it: progress, cancel, and
//! what each document's answer became (errors in the error colour, with the reason).

use crate::tr;
use crate::ui::action::Action;
use crate::ui::command::Command;
use crate::ui::session::Session;
use eframe::egui;

/// The run in progress or the last one: a progress bar, Cancel, and one line per document answered.
pub fn show_run(ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
    let Some(run) = &session.asking.run else { return };
    let (done, total) = run.progress();
    let running = run.running();
    let text = if run.cancelled() {
        tr!(ui, "asking-cancelled", done = done, total = total)
    } else if running {
        tr!(ui, "asking-progress", source = run.source.to_string(), done = done, total = total)
    } else {
        tr!(ui, "asking-done", source = run.source.to_string(), added = run.added, failed = run.failed())
    };
    let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(text).animate(running));
    if running && ui.button(tr!(ui, "sources-cancel")).clicked() {
        out.push(Action::Command(Command::CancelAsking));
    }
    egui::ScrollArea::vertical().id_salt("asking-lines").max_height(200.0).show(ui, |ui| {
        for line in &run.lines {
            let text = format!("{}: {}", line.doc, line.message);
            if line.ok {
                ui.label(text);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
        }
    });
}

/// The status bar's part: while a run is in progress, its progress and Cancel.
pub fn status(ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
    let Some(run) = session.asking.run.as_ref().filter(|r| r.running()) else { return };
    let (done, total) = run.progress();
    ui.separator();
    ui.spinner();
    ui.label(tr!(ui, "asking-progress", source = run.source.to_string(), done = done, total = total));
    if ui.small_button(tr!(ui, "sources-cancel")).clicked() {
        out.push(Action::Command(Command::CancelAsking));
    }
}
