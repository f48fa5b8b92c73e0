//! File > Share project…: makes the project folder a git repository shared at a remote (`sync::init_team`),
//! on a thread of its own, and says what was done.

use crate::store::Project;
use crate::sync::{self, ShareReport, SyncError};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The share window's state.
#[derive(Default)]
pub struct ShareWindow {
    /// The shared repository's address as typed.
    pub remote: String,
    running: Option<Receiver<Result<ShareReport, SyncError>>>,
    said: Vec<String>,
}

impl ToolWindow for ShareWindow {
    fn kind(&self) -> &'static str {
        "share"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-share-project").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(460.0, 220.0)
    }

    fn busy(&self) -> bool {
        self.running.is_some()
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, _out: &mut Vec<Action>) {
        ui.label(tr!(ui, "share-help"));
        ui.horizontal(|ui| {
            ui.label(tr!(ui, "share-remote"));
            ui.add(
                BidiTextEdit::singleline(&mut self.remote).hint_text("git@host:team/project.git").desired_width(260.0),
            );
        });
        let ready = self.running.is_none();
        let button = ui.add_enabled(ready, egui::Button::new(tr!(ui, "share-button")));
        if button.on_hover_text(tr!(ui, "share-button-help")).clicked() {
            let root = session.project().root().to_owned();
            let remote = Some(self.remote.trim().to_owned()).filter(|r| !r.is_empty());
            let (tx, rx) = channel();
            let ctx = ui.ctx().clone();
            std::thread::spawn(move || {
                let _ = tx.send(sync::init_team(&root, remote.as_deref()));
                ctx.request_repaint();
            });
            self.running = Some(rx);
            self.said.clear();
        }
        if !ready {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!(ui, "share-running"));
            });
        }
        for line in &self.said {
            ui.label(line);
        }
    }

    fn work(&mut self, _project: &mut Project, out: &mut Vec<Action>) {
        let Some(rx) = &self.running else { return };
        let result = match rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err(SyncError::Busy),
        };
        self.running = None;
        self.said = match result {
            Ok(report) => report.describe(),
            Err(e) => vec![format!("Not shared: {e}")],
        };
        out.push(Action::SyncStateChanged);
    }
}
