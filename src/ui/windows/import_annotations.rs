//! File > Import annotations: a brat `.ann` file (or every `.ann` file of its folder), a doccano JSON lines
//! file, a Label Studio task file (one annotator's annotations) or a CoNLL column file into the coder's own layer, as one change that Ctrl+Z undoes. The window shows
//! what the import would add, or every refusal with its file and line; with any refusal nothing is imported.
//! Labels the schema has no type for are listed ([`TypeChoices`]): each mapped onto a type or added to the
//! schema, in the same change as the annotations.

use super::type_choices::{Resolved, TypeChoices};
use crate::formats::{brat, doccano, label_studio, webanno};
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
    /// The labels the schema lacks, and what the coder chose for each.
    types: TypeChoices,
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
        let types = TypeChoices::default();
        let (ls_user, ls_users) = (None, None);
        Self {
            path,
            format,
            whole_folder: false,
            replace: false,
            into_shown: false,
            types,
            ls_user,
            ls_users,
            plan: None,
        }
    }

    /// Draws the window; returns the import to make, and what to say once it is made, when the coder
    /// confirms it.
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, shown: Option<&DocId>) -> Option<(ProjectEdit, String)> {
        ui.label(crate::tr!(ui, "import-file", path = self.path.display().to_string()));
        ui.label(crate::tr!(ui, "import-into-layer", coder = project.annotator().to_string()));
        // Wrapped: the list of formats grows with issue 17's readers.
        ui.horizontal_wrapped(|ui| {
            ui.label(crate::tr!(ui, "import-format"));
            for format in AnnotationFormat::ALL {
                ui.radio_value(&mut self.format, format, format.description());
            }
        });
        if self.format == AnnotationFormat::WebAnno {
            ui.checkbox(&mut self.whole_folder, crate::tr!(ui, "import-every-tsv"));
            ui.checkbox(&mut self.replace, crate::tr!(ui, "import-replace"));
        }
        if self.format == AnnotationFormat::Brat {
            ui.checkbox(&mut self.whole_folder, crate::tr!(ui, "import-every-ann"));
            if let Some(doc) = shown.filter(|_| !self.whole_folder) {
                ui.checkbox(&mut self.into_shown, crate::tr!(ui, "import-into-shown", doc = doc.to_string()));
            }
            ui.checkbox(&mut self.replace, crate::tr!(ui, "import-replace"));
        }
        if self.format == AnnotationFormat::LabelStudio {
            self.choose_ls_user(ui);
        }
        let doc = shown.filter(|_| self.into_shown && !self.whole_folder && self.format == AnnotationFormat::Brat);
        let source = self.source();
        let format = self.format;
        self.types.refresh(format!("{format:?}|{}", source.display()), || format.found_types(&source));
        self.types.show(ui, &project.config().schema);
        // The plan holds ids numbered against the coder's layer: planned again for another project or coder.
        let key = format!(
            "{:?}|{:?}|{}|{}|{doc:?}|{}|{}|{}|{}",
            self.format,
            self.ls_user,
            self.whole_folder,
            self.replace,
            project.root().display(),
            project.annotator(),
            project.generation(),
            self.types.fingerprint()
        );
        if self.plan.as_ref().is_none_or(|(k, _)| *k != key) {
            // Planned again only when a choice or the project changed, not every frame.
            let resolved = self.types.resolve(&project.config().schema);
            let adds = (!resolved.added.is_empty())
                .then(|| crate::trl!(ui, "import-types-adds", what = resolved.added.join(", ")).to_string());
            self.plan = Some((key, self.make_plan(project, doc.cloned(), resolved, adds)));
        }
        let (_, planned) = self.plan.as_ref()?;
        ui.separator();
        let (lines, ready) = match planned {
            Planned::Ready { lines, .. } => (lines, true),
            Planned::Not(lines) => (lines, false),
        };
        egui::ScrollArea::vertical().id_salt("import-plan").max_height(200.0).show(ui, |ui| {
            // With the bidi pass: a line may hold Arabic (a label, the Arabic interface's words) and wrap.
            let size = egui::TextStyle::Body.resolve(ui.style()).size;
            let style =
                crate::ui::bidi_label::LabelStyle { size, color: ui.visuals().text_color(), single_line: false };
            for line in lines {
                crate::ui::bidi_label::bidi_label(ui, line, style, egui::Sense::hover());
            }
        });
        if ui.add_enabled(ready, egui::Button::new(crate::tr!(ui, "import-into-my-layer"))).clicked()
            && let Some((_, Planned::Ready { edit, summary, .. })) = self.plan.take()
        {
            return Some((*edit, summary));
        }
        None
    }

    /// What is read: the chosen file, or (brat, "every .ann file") its folder.
    fn source(&self) -> PathBuf {
        let folder = self.format == AnnotationFormat::Brat && self.whole_folder && self.path.is_file();
        match self.path.parent().filter(|_| folder) {
            Some(folder) => folder.to_owned(),
            None => self.path.clone(),
        }
    }

    /// The import with the coder's choices, and the schema change it needs (in the same undoable edit).
    fn make_plan(&self, project: &Project, doc: Option<DocId>, resolved: Resolved, adds: Option<String>) -> Planned {
        let schema_edit = resolved.schema.clone().map(|s| ProjectEdit::SetSchema(Box::new(s)));
        match self.plan_with(project, doc, resolved) {
            Planned::Ready { edit, mut lines, summary } => {
                lines.extend(adds);
                let edit = match schema_edit {
                    Some(schema) => Box::new(ProjectEdit::Batch(vec![schema, *edit])),
                    None => edit,
                };
                Planned::Ready { edit, lines, summary }
            }
            not => not,
        }
    }

    /// WebAnno TSV: the chosen file, or every `.tsv` of its folder, into documents the project has.
    fn plan_webanno(
        &self,
        project: &Project,
        map: crate::formats::type_labels::LabelMap,
        schema: Option<crate::model::Schema>,
    ) -> Planned {
        let path = match self.path.parent().filter(|_| self.whole_folder && self.path.is_file()) {
            Some(folder) => folder.to_owned(),
            None => self.path.clone(),
        };
        match webanno::plan_for_session(project, &path, self.replace, (map, schema)) {
            Ok((edit, lines)) => {
                let files = lines.iter().filter(|l| !l.starts_with("Note: ")).count();
                let summary = format!("Imported the WebAnno annotations of {} into your layer.", plural(files, "file"));
                Planned::Ready { edit: Box::new(edit), lines, summary }
            }
            Err(mut lines) => {
                lines.insert(0, "Nothing would be imported:".to_owned());
                Planned::Not(lines)
            }
        }
    }

    fn plan_with(&self, project: &Project, doc: Option<DocId>, resolved: Resolved) -> Planned {
        if let crate::store::Access::ReadOnly(why) = project.access() {
            return Planned::Not(vec![format!("Nothing can be imported: the project is open read-only ({why}).")]);
        }
        let Resolved { map, schema, .. } = resolved;
        match self.format {
            AnnotationFormat::Brat => {
                let options = brat::PlanOptions { doc, replace: self.replace, map, schema };
                let plan = brat::plan_import_with(project, &self.source(), &options);
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
            // Issue 17: WebAnno TSV, the file or (with "every file of its folder") the folder.
            AnnotationFormat::WebAnno => self.plan_webanno(project, map, schema),
            AnnotationFormat::Doccano => {
                let annotator = project.annotator().clone();
                let options = doccano::ImportOptions { map, partial: false, schema };
                match doccano::plan_doccano_with(project, &self.path, &annotator, &options) {
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
            AnnotationFormat::LabelStudio => {
                self.plan_label_studio(project, label_studio::ImportOptions { map, schema, partial: false })
            }
            AnnotationFormat::Conll => {
                let options = crate::formats::conll::ImportOptions { map, schema, ..Default::default() };
                conll_plan(project, &self.path, &options)
            }
        }
    }
}

// Issue 17: Label Studio tasks, one annotator's annotations into the coder's layer.
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
        let shown = self.ls_user.clone().unwrap_or_else(|| crate::tr!(ui, "import-choose").to_owned());
        egui::ComboBox::from_label(crate::tr!(ui, "import-ls-user")).selected_text(shown).show_ui(ui, |ui| {
            for user in users.iter().cloned() {
                let label = if user.is_empty() { "(nobody named)".to_owned() } else { user.clone() };
                ui.selectable_value(&mut self.ls_user, Some(user), label);
            }
        });
    }

    /// Label Studio: the chosen annotator's annotations into the coder's layer, for the documents the project
    /// has (`tarmeez import-annotations` also makes the documents it lacks, which undo could not take back).
    fn plan_label_studio(&self, project: &Project, options: label_studio::ImportOptions) -> Planned {
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
        let plan = label_studio::plan(project, &file, &coders, &options, Some(&me));
        let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("Note: {n}")).collect();
        let new = plan.new_documents_for(&me).len();
        if new > 0 {
            let line = format!(
                "Note: {} the project lacks, left out: `tarmeez import-annotations --format label-studio` makes them.",
                plural(new, "task document")
            );
            lines.insert(0, line);
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

// Issue 17: CoNLL columns into the coder's layer.
/// The window's plan of a CoNLL file: into documents of the project only (the command line also creates the
/// documents the project lacks, which is not an edit that undo could take back).
fn conll_plan(project: &Project, path: &std::path::Path, options: &crate::formats::conll::ImportOptions) -> Planned {
    let plan = match crate::formats::conll::plan_conll(project, path, options) {
        Ok(plan) => plan,
        Err(e) => return Planned::Not(e.to_string().lines().map(str::to_owned).collect()),
    };
    let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("Note: {n}")).collect();
    let new: Vec<&str> = plan.new_documents().map(|(hint, _)| hint).collect();
    if !new.is_empty() {
        lines.push(format!(
            "No document of the project has the tokens of {}; `tarmeez import-annotations --format conll` creates \
             them from the tokens.",
            new.join(", ")
        ));
        return Planned::Not(lines);
    }
    let (mentions, events) = plan.added();
    let already: usize = plan.docs.iter().map(|d| d.already_present).sum();
    let line = format!(
        "{} tags ({}): {}, {} into {} ({already} already in your layer)",
        plan.scheme,
        plural(plan.found.entities.len(), "label"),
        plural(mentions, "mention"),
        plural(events, "event"),
        plural(plan.docs.len(), "document")
    );
    lines.push(line.clone());
    match crate::formats::conll::import_edit(&plan, &[]) {
        Some(edit) => Planned::Ready { edit: Box::new(edit), summary: format!("Imported {line}."), lines },
        None => {
            lines.push("Everything in it is already in your layer.".into());
            Planned::Not(lines)
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
        egui::vec2(600.0, 560.0)
    }

    /// The lists scroll themselves, so that the Import button stays in sight below them.
    fn scrolls(&self) -> bool {
        false
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        if let Some((edit, summary)) = self.draw(ui, session.project(), session.shown()) {
            // The summary is told only once the edit is made: a refused edit says why instead.
            out.push(Action::ProjectNoticed(Box::new(edit), summary));
            out.push(Action::Close(self.kind()));
        }
    }
}
