//! File > Import annotations: a brat `.ann` file (or every `.ann` file of its folder) or a doccano JSON lines
//! file into the coder's own layer, as one change that Ctrl+Z undoes. The window shows what the import would
//! add, or every refusal with its file and line; with any refusal nothing is imported.

use crate::formats::{brat, doccano, label_studio};
use crate::model::{DocId, ProjectEdit};
use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::path::PathBuf;

/// The formats the window reads: the same list as `tarmeez import-annotations --format`.
pub use crate::formats::import::AnnotationFormat;

/// What the import would do with the current choices.
enum Planned {
    /// The edit, with a line per document or a summary.
    Ready { edit: Box<ProjectEdit>, lines: Vec<String>, summary: String },
    /// Nothing to add (everything already there, or no annotations), or refused: the lines say why.
    Not(Vec<String>),
}

/// The annotation import window's state.
pub struct ImportAnnotationsWindow {
    path: PathBuf,
    /// The format, told by the extension and changeable.
    pub format: AnnotationFormat,
    /// brat: every `.ann` file of the chosen file's folder.
    pub whole_folder: bool,
    /// brat: replace the coder's annotations of those documents (else such documents are refused).
    pub replace: bool,
    /// brat: into the shown document, for a file whose name is not a document's.
    pub into_shown: bool,
    /// Label Studio: whose annotations (a user id or email of the file) go into the coder's layer; the
    /// file's one annotator when `None`.
    pub ls_user: Option<String>,
    /// Label Studio: the file's annotators, read once.
    ls_users: Option<Vec<String>>,
    plan: Option<(String, Planned)>,
}

impl ImportAnnotationsWindow {
    /// A window importing `path`.
    pub fn open(path: PathBuf) -> Self {
        let format = AnnotationFormat::from_path(&path);
        Self {
            path,
            format,
            whole_folder: false,
            replace: false,
            into_shown: false,
            ls_user: None,
            ls_users: None,
            plan: None,
        }
    }

    /// Draws the window; returns the import to make, and what to say once it is made, when the coder
    /// confirms it.
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, shown: Option<&DocId>) -> Option<(ProjectEdit, String)> {
        ui.label(format!("File: {}", self.path.display()));
        ui.label(format!("Into your layer ({})", project.annotator()));
        ui.horizontal(|ui| {
            ui.label("Format");
            for format in AnnotationFormat::ALL {
                ui.radio_value(&mut self.format, format, format.description());
            }
        });
        if self.format == AnnotationFormat::Brat {
            ui.checkbox(&mut self.whole_folder, "Every .ann file of its folder");
            if let Some(doc) = shown.filter(|_| !self.whole_folder) {
                ui.checkbox(&mut self.into_shown, format!("Into the shown document ({doc})"));
            }
            ui.checkbox(&mut self.replace, "Replace my annotations of these documents");
        }
        if self.format == AnnotationFormat::LabelStudio {
            self.choose_ls_user(ui);
        }
        let doc = shown.filter(|_| self.into_shown && !self.whole_folder && self.format == AnnotationFormat::Brat);
        // The plan holds ids numbered against the coder's layer: planned again for another project or coder.
        let key = format!(
            "{:?}|{:?}|{}|{}|{doc:?}|{}|{}|{}",
            self.format,
            self.ls_user,
            self.whole_folder,
            self.replace,
            project.root().display(),
            project.annotator(),
            project.generation()
        );
        if self.plan.as_ref().is_none_or(|(k, _)| *k != key) {
            // Planned again only when a choice or the project changed, not every frame.
            self.plan = Some((key, self.make_plan(project, doc.cloned())));
        }
        let (_, planned) = self.plan.as_ref()?;
        ui.separator();
        let (lines, ready) = match planned {
            Planned::Ready { lines, .. } => (lines, true),
            Planned::Not(lines) => (lines, false),
        };
        egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
            for line in lines {
                ui.label(line);
            }
        });
        if ui.add_enabled(ready, egui::Button::new("Import into my layer")).clicked()
            && let Some((_, Planned::Ready { edit, summary, .. })) = self.plan.take()
        {
            return Some((*edit, summary));
        }
        None
    }

    fn make_plan(&self, project: &Project, doc: Option<DocId>) -> Planned {
        if let crate::store::Access::ReadOnly(why) = project.access() {
            return Planned::Not(vec![format!("Nothing can be imported: the project is open read-only ({why}).")]);
        }
        match self.format {
            AnnotationFormat::Brat => {
                let path = match self.path.parent().filter(|_| self.whole_folder && self.path.is_file()) {
                    Some(folder) => folder.to_owned(),
                    None => self.path.clone(),
                };
                let plan = brat::plan_import(project, &path, doc.as_ref(), self.replace);
                let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("Note: {n}")).collect();
                if !plan.refused.is_empty() {
                    lines.insert(0, format!("{} problems; nothing would be imported:", plan.refused.len()));
                    lines.extend(plan.refused.iter().cloned());
                    return Planned::Not(lines);
                }
                if plan.layers.is_empty() {
                    lines.push("There are no annotations to import.".into());
                    return Planned::Not(lines);
                }
                for (id, file, layer) in &plan.layers {
                    lines.push(format!(
                        "{}: {}, {}, {} into {id}",
                        file.file_name().map_or_else(|| file.display().to_string(), |f| f.to_string_lossy().into()),
                        plural(layer.mentions.len(), "mention"),
                        plural(layer.events.len(), "event"),
                        plural(layer.relations.len() + layer.mention_relations.len(), "relation"),
                    ));
                }
                let summary = format!(
                    "Imported the brat annotations of {} into your layer.",
                    plural(plan.layers.len(), "document")
                );
                Planned::Ready { edit: Box::new(brat::import_edit(project, &plan)), lines, summary }
            }
            AnnotationFormat::LabelStudio => self.plan_label_studio(project),
            AnnotationFormat::Doccano => {
                let annotator = project.annotator().clone();
                match doccano::plan_doccano(project, &self.path, &annotator) {
                    Ok((s, edit)) => {
                        let line = format!(
                            "{} lines: {} mentions, {} events, {} roles, {} relations into {} documents \
                             ({} already in your layer)",
                            s.lines, s.mentions, s.events, s.arguments, s.relations, s.documents, s.already_present
                        );
                        match edit {
                            Some(edit) => Planned::Ready {
                                edit: Box::new(edit),
                                summary: format!("Imported {line}."),
                                lines: vec![line],
                            },
                            None => Planned::Not(vec![line, "Everything in it is already in your layer.".into()]),
                        }
                    }
                    Err(e) => Planned::Not(e.to_string().lines().map(str::to_owned).collect()),
                }
            }
        }
    }
}

impl ImportAnnotationsWindow {
    /// Label Studio: the choice of the file's annotator whose annotations come into the coder's layer.
    fn choose_ls_user(&mut self, ui: &mut egui::Ui) {
        let path = &self.path;
        let users = self.ls_users.get_or_insert_with(|| {
            let file = label_studio::read_tasks(path).unwrap_or_default();
            label_studio::coders::annotators(&file).into_keys().collect()
        });
        if users.len() < 2 {
            return;
        }
        let shown = self.ls_user.clone().unwrap_or_else(|| "(choose)".to_owned());
        egui::ComboBox::from_label("Annotations of Label Studio user").selected_text(shown).show_ui(ui, |ui| {
            for user in users.iter().cloned() {
                let label = if user.is_empty() { "(nobody named)".to_owned() } else { user.clone() };
                ui.selectable_value(&mut self.ls_user, Some(user), label);
            }
        });
    }

    /// Label Studio: the chosen annotator's annotations into the coder's layer, for documents the project
    /// has (`tarmeez import-annotations` also makes the documents it lacks).
    fn plan_label_studio(&self, project: &Project) -> Planned {
        let file = match label_studio::read_tasks(&self.path) {
            Ok(f) => f,
            Err(e) => return Planned::Not(vec![e.to_string()]),
        };
        let users = label_studio::coders::annotators(&file);
        let user = match (&self.ls_user, users.len()) {
            (Some(u), _) => u.clone(),
            (None, 1) => users.keys().next().cloned().unwrap_or_default(),
            (None, 0) => return Planned::Not(vec!["The file has no annotations to import.".into()]),
            (None, n) => {
                return Planned::Not(vec![format!("The file has annotations by {n} annotators: choose whose.")]);
            }
        };
        let me = project.annotator().clone();
        let coders = std::collections::BTreeMap::from([(user, me.clone())]);
        let plan = label_studio::plan(project, &file, &coders, &label_studio::ImportOptions::default(), Some(&me));
        let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("Note: {n}")).collect();
        let new = plan.new_documents_for(&me).len();
        if new > 0 {
            // The window writes only layers; making documents is `import-annotations`'s (not undoable) job.
            lines.insert(
                0,
                format!(
                    "Note: {} the project lacks, left out: `tarmeez import-annotations --format label-studio` makes them.",
                    plural(new, "task document")
                ),
            );
        }
        if !plan.refused.is_empty() {
            lines.insert(0, format!("{} problems; nothing would be imported:", plan.refused.len()));
            lines.extend(plan.refused.iter().map(ToString::to_string));
            return Planned::Not(lines);
        }
        let c = plan.counts_in_existing(&me);
        let line = format!(
            "{}, {}, {} roles, {} into {}",
            plural(c.mentions, "mention"),
            plural(c.events, "event"),
            c.arguments,
            plural(c.relations, "relation"),
            plural(c.documents, "document")
        );
        match plan.edit_for(&me, &std::collections::HashMap::new()) {
            Some(edit) => {
                lines.insert(0, line.clone());
                Planned::Ready { edit: Box::new(edit), lines, summary: format!("Imported {line} from Label Studio.") }
            }
            None => {
                lines.insert(0, "Everything in it is already in your layer.".into());
                Planned::Not(lines)
            }
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

impl ToolWindow for ImportAnnotationsWindow {
    fn kind(&self) -> &'static str {
        "import-annotations"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-import-annotations").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 420.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        if let Some((edit, summary)) = self.draw(ui, session.project(), session.shown()) {
            // The summary is told only once the edit is made: a refused edit says why instead.
            out.push(Action::ProjectNoticed(Box::new(edit), summary));
            out.push(Action::Close(self.kind()));
        }
    }
}
