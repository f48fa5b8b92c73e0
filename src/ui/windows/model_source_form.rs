//! The form of one model source in Model > Sources: its server's settings and its label mapping, edited as a
//! draft and saved as one undoable edit of `project.ron` ([`ProjectEdit::SetSource`]).

use crate::model::{LabelTarget, ModelServer, ProjectEdit, Schema, ServerKind, SourceConfig, SourceName};
use crate::tr;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::i18n::{self as names, LangOf};
use eframe::egui;

/// A source being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The source's name as saved, `None` for a new one (whose name can still be typed).
    pub saved_as: Option<SourceName>,
    /// The name as typed.
    pub name: String,
    /// The server's settings.
    pub server: ModelServer,
    /// The label mapping, in the order shown.
    pub labels: Vec<(String, LabelTarget)>,
    /// A label being added.
    pub new_label: String,
}

impl Draft {
    /// A new source: a Label Studio ML backend on its usual port.
    pub fn new_source() -> Self {
        Self {
            saved_as: None,
            name: String::new(),
            server: ModelServer::new(ServerKind::LsBackend, "http://localhost:9090"),
            labels: Vec::new(),
            new_label: String::new(),
        }
    }

    /// The saved source `name` (a source fed from files gets a server to fill in).
    pub fn of(name: &SourceName, config: &SourceConfig) -> Self {
        Self {
            saved_as: Some(name.clone()),
            name: name.to_string(),
            server: config.server.clone().unwrap_or_else(|| ModelServer::new(ServerKind::LsBackend, "http://")),
            labels: config.labels.iter().map(|(l, t)| (l.clone(), t.clone())).collect(),
            new_label: String::new(),
        }
    }

    /// The edit that saves the draft, or why it cannot be saved (a bad name or URL, a name taken).
    pub fn save(&self, sources: &std::collections::BTreeMap<SourceName, SourceConfig>) -> Result<ProjectEdit, String> {
        let name = SourceName::parse(self.name.trim()).map_err(|e| format!("The name: {e}"))?;
        if self.saved_as.is_none() && sources.contains_key(&name) {
            return Err(format!("A source named {name} exists already."));
        }
        crate::models::http::Http::new(&self.server).map_err(|e| e.to_string())?;
        let config = SourceConfig { labels: self.labels.iter().cloned().collect(), server: Some(self.server.clone()) };
        Ok(ProjectEdit::SetSource(name, Some(config)))
    }
}

/// Draws the draft's fields.
pub fn show(ui: &mut egui::Ui, draft: &mut Draft, schema: &Schema) {
    egui::Grid::new("model-source-form").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        let label = ui.label(tr!(ui, "sources-name"));
        if draft.saved_as.is_some() {
            ui.label(draft.name.as_str());
        } else {
            ui.add(BidiTextEdit::singleline(&mut draft.name).hint_text("ner-server").desired_width(220.0))
                .labelled_by(label.id);
        }
        ui.end_row();
        let label = ui.label(tr!(ui, "sources-kind"));
        egui::ComboBox::from_id_salt("model-source-kind")
            .selected_text(kind_name(ui, draft.server.kind))
            .show_ui(ui, |ui| {
                for kind in ServerKind::ALL {
                    ui.selectable_value(&mut draft.server.kind, kind, kind_name(ui, kind));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(tr!(ui, "sources-url"));
        ui.add(egui::TextEdit::singleline(&mut draft.server.url).desired_width(300.0)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label(tr!(ui, "sources-timeout"));
        ui.add(egui::DragValue::new(&mut draft.server.timeout_secs).range(1..=3600).suffix(" s")).labelled_by(label.id);
        ui.end_row();
        if draft.server.kind == ServerKind::OpenAi {
            let label = ui.label(tr!(ui, "sources-model"));
            ui.add(egui::TextEdit::singleline(&mut draft.server.model).hint_text("qwen2.5-7b-instruct"))
                .labelled_by(label.id);
            ui.end_row();
        }
        let label = ui.label(tr!(ui, "sources-key"));
        ui.add(egui::TextEdit::singleline(&mut draft.server.api_key_env).hint_text("OPENAI_API_KEY"))
            .labelled_by(label.id)
            .on_hover_text(tr!(ui, "sources-key-help"));
        ui.end_row();
    });
    if draft.server.kind == ServerKind::OpenAi {
        draft.server.feedback = false;
        prompt(ui, draft);
    } else {
        ui.checkbox(&mut draft.server.feedback, tr!(ui, "sources-feedback"))
            .on_hover_text(tr!(ui, "sources-feedback-help"));
    }
    labels(ui, draft, schema);
}

fn kind_name(ui: &egui::Ui, kind: ServerKind) -> String {
    match kind {
        ServerKind::LsBackend => tr!(ui, "sources-kind-ls").into(),
        ServerKind::OpenAi => tr!(ui, "sources-kind-openai").into(),
        ServerKind::Tarmeez => tr!(ui, "sources-kind-tarmeez").into(),
    }
}

/// The prompt template of a chat model: empty uses the built-in one.
fn prompt(ui: &mut egui::Ui, draft: &mut Draft) {
    let label = ui.label(tr!(ui, "sources-prompt"));
    ui.add(
        egui::TextEdit::multiline(&mut draft.server.prompt)
            .hint_text(tr!(ui, "sources-prompt-hint"))
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

/// The label mapping: each model label and the type it becomes (or ignored); a label to add.
fn labels(ui: &mut egui::Ui, draft: &mut Draft, schema: &Schema) {
    ui.label(tr!(ui, "sources-labels"));
    let mut remove = None;
    egui::Grid::new("model-source-labels").num_columns(3).show(ui, |ui| {
        for (i, (label, target)) in draft.labels.iter_mut().enumerate() {
            ui.label(label.as_str());
            target_choice(ui, ("model-label", i), target, schema)
                .accessible_name(format!("Type for model label {label}"));
            if ui.small_button("✕").on_hover_text(tr!(ui, "sources-label-remove")).clicked() {
                remove = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove {
        draft.labels.remove(i);
    }
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut draft.new_label).hint_text("PER").desired_width(120.0);
        ui.add(field).accessible_name("New model label");
        let label = draft.new_label.trim().to_owned();
        let fresh = !label.is_empty() && !draft.labels.iter().any(|(l, _)| *l == label);
        if ui.add_enabled(fresh, egui::Button::new(tr!(ui, "sources-label-add"))).clicked() {
            draft.labels.push((label, LabelTarget::Ignore));
            draft.new_label.clear();
        }
    });
}

fn target_choice(ui: &mut egui::Ui, id: (&str, usize), target: &mut LabelTarget, schema: &Schema) -> egui::Response {
    let language = ui.language();
    let name = |t: &LabelTarget| -> String {
        match t {
            LabelTarget::Entity(id) => {
                schema.entity_type(id).map_or_else(|| id.to_string(), |t| names::entity_name(t, language).to_owned())
            }
            LabelTarget::Event(id) => {
                schema.event_type(id).map_or_else(|| id.to_string(), |t| names::event_name(t, language).to_owned())
            }
            LabelTarget::Ignore => crate::trl!(language, "sources-label-ignore").into(),
        }
    };
    let shown = crate::ui::i18n::visual(&name(target));
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            let choices = schema
                .entity_types
                .iter()
                .map(|t| LabelTarget::Entity(t.id.clone()))
                .chain(schema.event_types.iter().map(|t| LabelTarget::Event(t.id.clone())))
                .chain([LabelTarget::Ignore]);
            for choice in choices {
                let text = crate::ui::i18n::visual(&name(&choice));
                ui.selectable_value(target, choice, text);
            }
        })
        .response
}
