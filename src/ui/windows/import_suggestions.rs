//! File > Import suggestions: the file is read at once; the window asks the source's name, where the
//! suggestions go, and what each of the file's labels becomes (saved with the source, so asked once), shows
//! what the import would do and every item it refuses, and imports as one undoable change. A file with
//! refused items changes nothing unless the coder asks for its valid part.

use crate::formats::suggestions::{FileError, ParsedFile, read_path};
use crate::model::{DocId, LabelTarget, ProjectEdit, Schema, SourceConfig, SourceName, slugify};
use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::suggestion_import::{ImportReport, import_edit, mapping_edit, plan_import, source_info};
use eframe::egui::{self, RichText};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The import window's state.
pub struct ImportWindow {
    path: PathBuf,
    parsed: Result<ParsedFile, FileError>,
    /// The file's labels, sorted.
    labels: Vec<String>,
    /// The source's name as typed.
    pub source: String,
    /// Only into the shown document (for files that do not name their document).
    pub into_shown: bool,
    /// Import the valid part of a file with refused items.
    pub partial: bool,
    /// The label mapping being edited.
    mapping: SourceConfig,
    /// The mapping was loaded for this source name.
    mapping_for: Option<SourceName>,
    /// The plan for the current choices, and what it was made for.
    plan: Option<(String, ImportReport)>,
}

fn target_name(schema: &Schema, target: Option<&LabelTarget>) -> String {
    match target {
        None => "not mapped".into(),
        Some(LabelTarget::Ignore) => "ignore".into(),
        Some(LabelTarget::Entity(t)) => schema.entity_type(t).map_or(t.to_string(), |d| d.name.clone()),
        Some(LabelTarget::Event(t)) => schema.event_type(t).map_or(t.to_string(), |d| format!("{} (event)", d.name)),
    }
}

impl ImportWindow {
    /// Reads `path` (its format detected) for importing.
    pub fn open(path: PathBuf) -> Self {
        let parsed = read_path(&path, None);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let source = slugify(&stem);
        let labels = match &parsed {
            Ok(p) => p.items.iter().map(|i| i.label.clone()).collect::<BTreeSet<_>>().into_iter().collect(),
            Err(_) => Vec::new(),
        };
        Self {
            path,
            parsed,
            labels,
            source: if source.is_empty() { "model".into() } else { source },
            into_shown: false,
            partial: false,
            mapping: SourceConfig::default(),
            mapping_for: None,
            plan: None,
        }
    }

    /// Draws the window; returns the import to make when the coder confirms it.
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, shown: Option<&DocId>) -> Option<(ProjectEdit, String)> {
        ui.label(format!("File: {}", self.path.display()));
        let (format, read) = match &self.parsed {
            Ok(p) => (p.format, p.read()),
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("{}: {e}", self.path.display()));
                ui.label("Nothing can be imported from it.");
                return None;
            }
        };
        ui.label(format!("Format: {format} · {read} items"));
        ui.horizontal(|ui| {
            ui.label("Source name");
            ui.add(BidiTextEdit::singleline(&mut self.source).desired_width(200.0)).accessible_name("Source name");
        });
        let Ok(source) = SourceName::parse(self.source.trim()) else {
            ui.colored_label(ui.visuals().error_fg_color, "A source name is lower-case letters, digits, - and _.");
            return None;
        };
        if self.mapping_for.as_ref() != Some(&source) {
            // A known source's saved mapping comes back: labels are asked once per source.
            self.mapping = project.config().sources.get(&source).cloned().unwrap_or_default();
            self.mapping_for = Some(source.clone());
        }
        if let Some(doc) = shown {
            ui.checkbox(&mut self.into_shown, format!("Only into the shown document ({doc})"));
        }
        ui.label(RichText::new("Labels").strong());
        label_mapping(ui, &project.config().schema, &self.labels, &mut self.mapping);
        let doc = shown.filter(|_| self.into_shown).cloned();
        // Planned again for another project or coder, whose generation may happen to be the same.
        let key = format!(
            "{source}|{doc:?}|{:?}|{}|{}|{}",
            self.mapping,
            project.root().display(),
            project.annotator(),
            project.generation()
        );
        if self.plan.as_ref().is_none_or(|(k, _)| *k != key)
            && let Ok(parsed) = &self.parsed
        {
            // Planned again only when a choice changed, not every frame.
            let report = plan_import(project, &source, parsed.clone(), doc.as_ref(), &self.mapping);
            self.plan = Some((key, report));
        }
        let (_, report) = self.plan.as_ref()?;
        ui.separator();
        ui.label(report.summary(false));
        for note in &report.notes {
            ui.weak(note);
        }
        if !report.refused.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, format!("{} items are refused:", report.refused.len()));
            egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                for r in &report.refused {
                    ui.label(r.to_string());
                }
            });
            ui.checkbox(&mut self.partial, "Import the valid part anyway");
        }
        let allowed = report.imported() > 0 && (report.refused.is_empty() || self.partial);
        if ui.add_enabled(allowed, egui::Button::new(format!("Import {} suggestions", report.imported()))).clicked() {
            let mut edits: Vec<ProjectEdit> = mapping_edit(project, &source, &self.mapping).into_iter().collect();
            edits.push(import_edit(project, &source, report, source_info(&source, report)));
            return Some((ProjectEdit::Batch(edits), report.summary(true)));
        }
        None
    }
}

/// A type chooser for each of the file's labels.
fn label_mapping(ui: &mut egui::Ui, schema: &Schema, labels: &[String], mapping: &mut SourceConfig) {
    egui::Grid::new("label-mapping").striped(true).show(ui, |ui| {
        for label in labels {
            ui.label(label);
            let current = mapping.target(label, schema);
            let events =
                schema.event_types.iter().map(|t| target_name(schema, Some(&LabelTarget::Event(t.id.clone()))));
            let names: Vec<String> = events.chain(schema.entity_types.iter().map(|t| t.name.clone())).collect();
            let width = crate::ui::fit::combo_width(ui, names.iter().map(String::as_str));
            egui::ComboBox::from_id_salt(("map", label.as_str()))
                .width(width)
                .selected_text(target_name(schema, current.as_ref()))
                .show_ui(ui, |ui| {
                    let mut choose = |ui: &mut egui::Ui, target: LabelTarget| {
                        let text = target_name(schema, Some(&target));
                        if ui.selectable_label(current.as_ref() == Some(&target), text).clicked() {
                            mapping.labels.insert(label.clone(), target);
                        }
                    };
                    for t in &schema.entity_types {
                        choose(ui, LabelTarget::Entity(t.id.clone()));
                    }
                    for t in &schema.event_types {
                        choose(ui, LabelTarget::Event(t.id.clone()));
                    }
                    choose(ui, LabelTarget::Ignore);
                })
                .response
                .accessible_name(format!("Type for label {label}"));
            ui.end_row();
        }
    });
}

impl ToolWindow for ImportWindow {
    fn kind(&self) -> &'static str {
        "import-suggestions"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-import-suggestions").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 480.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        if let Some((edit, summary)) = self.draw(ui, session.project(), session.shown()) {
            // The summary is told only once the edit is made: a refused edit says why instead.
            out.push(Action::ProjectNoticed(Box::new(edit), summary));
            out.push(Action::Close(self.kind()));
        }
    }
}
