//! The problems window: every problem found in the project's files, with file, line and column, and the
//! repair of what interrupted writes left (shown first, done on request, then the project is reopened).

use super::ToolWindow;
use crate::store::repair::{self, RepairOptions, RepairStep};
use crate::store::{Access, Problem, Project, integrity};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::panels;
use crate::ui::session::Session;
use eframe::egui;

/// How long the window waits for another session's write of the shared files before it reads the folder
/// anyway (as long as a save of the window waits: it must not freeze).
const WAIT_FOR_WRITERS: std::time::Duration = std::time::Duration::from_millis(250);

/// The problems window (Ctrl+P; Ctrl+R checks every document first).
#[derive(Default)]
pub struct ProblemsWindow {
    /// What the folder holds besides whole documents; read after the frame the window opens in.
    folder: Option<Vec<Problem>>,
    /// "Repair…" was pressed: the repair's dry run is made after the frame.
    wants_plan: bool,
    /// What the repair would do, shown for the coder to confirm (or why it cannot run).
    plan: Option<Result<Vec<RepairStep>, String>>,
}

impl ProblemsWindow {
    /// The repair's options in this session: the coder's own temp files are this session's to remove (it holds
    /// their lock, and the project is reopened after the repair).
    pub fn options(project: &Project, dry_run: bool) -> RepairOptions {
        let own_session = (project.access() == &Access::ReadWrite).then(|| project.annotator().clone());
        RepairOptions { dry_run, own_session }
    }

    fn draw_plan(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(plan) = &self.plan else { return };
        ui.separator();
        match plan {
            Err(why) => {
                ui.label(tr!(ui, "repair-cannot-run", why = why.clone()));
            }
            Ok(steps) if steps.is_empty() => {
                ui.label(tr!(ui, "repair-nothing"));
            }
            Ok(steps) => {
                ui.label(tr!(ui, "repair-will"));
                for step in steps {
                    ui.label(step.describe(true));
                }
                let fixed = steps.iter().any(RepairStep::fixed);
                ui.horizontal(|ui| {
                    let button = ui.add_enabled(fixed, egui::Button::new(tr!(ui, "repair-now")));
                    if button.on_hover_text(tr!(ui, "repair-now-help")).clicked() {
                        out.push(Action::RepairProject);
                    }
                    if ui.button(tr!(ui, "button-cancel")).clicked() {
                        self.plan = None;
                    }
                });
                return;
            }
        }
        if ui.button(tr!(ui, "button-close")).clicked() {
            self.plan = None;
        }
    }
}

impl ToolWindow for ProblemsWindow {
    fn kind(&self) -> &'static str {
        "problems"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-problems").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(600.0, 400.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let folder = self.folder.as_deref().unwrap_or_default();
        panels::problems(ui, session.project(), folder, out);
        if !folder.is_empty() && self.plan.is_none() {
            let help = tr!(ui, "repair-help");
            if ui.button(tr!(ui, "repair-button")).on_hover_text(help).clicked() {
                self.wants_plan = true;
            }
        }
        self.draw_plan(ui, out);
    }

    /// Reading the folder and the repair's dry run happen here, after the frame, not while drawing.
    fn work(&mut self, project: &mut Project, _out: &mut Vec<Action>) {
        if self.folder.is_none() {
            let own = Self::options(project, true).own_session;
            self.folder =
                Some(integrity::problems(project.root(), own.as_ref(), WAIT_FOR_WRITERS).unwrap_or_else(|e| {
                    vec![Problem::in_file("", crate::store::ProblemKind::Io, format!("cannot read the folder: {e}"))]
                }));
        }
        if std::mem::take(&mut self.wants_plan) {
            let plan = repair::repair(project.root(), &Self::options(project, true));
            self.plan = Some(plan.map_err(|e| e.to_string()));
        }
    }
}
