//! The inspector: the type palette, and the focused mention (type, boundaries, actor, attributes, note) or
//! event (type, roles and their fillers, attributes, relations, note). It reads the project and pushes
//! [`Action`]s; every change it asks for is an edit built by `model::coding`.

use crate::model::coding::{self, CodingError};
use crate::model::{
    AttrValue, AttributeDef, AttributeKind, AttributeTarget, Attributes, DocId, Edit, EventId, Layer, MentionId, Span,
};
use crate::store::{LoadedDoc, Project};
use crate::ui::action::{Action, Focus, Picking};
use crate::ui::bidi_label::{LabelStyle, bidi_chip, bidi_label, selectable_row, text_width};
use crate::ui::i18n::{self, LangOf};
use crate::{tr, trl};
use eframe::egui::{self, Color32, RichText};
use std::collections::HashMap;

mod event;
mod evidence;
mod fields;
mod mention;
mod place;
mod relations;

use event::{event, event_label};
use fields::{applicable, attributes, note};
use mention::mention;

/// Text being typed into the inspector's fields, kept until committed (Enter or leaving the field), so that
/// a change is one undoable edit and not one per keystroke.
#[derive(Default)]
pub struct InspectorState {
    drafts: HashMap<String, String>,
    /// The focus the drafts belong to.
    owner: Option<Focus>,
    /// The project generation the drafts were made at.
    generation: u64,
    relation_target: Option<EventId>,
    /// The actor search's last query and its matches, so that the registry is searched once per query.
    actor_matches: Option<(String, Vec<(crate::model::ActorId, crate::text::matching::Score)>)>,
    /// The place search's last query and its matches (a LOCATION mention's place, issue 19).
    place_matches: Option<(String, Vec<crate::workflow::places::PlaceMatch>)>,
}

/// What the inspector looks at.
pub struct InspectorInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// The shown document.
    pub doc: &'a DocId,
    /// Its contents.
    pub loaded: &'a LoadedDoc,
    /// The coder's own layer, if they have one yet.
    pub layer: Option<&'a Layer>,
    /// What is focused.
    pub focus: Option<Focus>,
    /// The selected text.
    pub selection: Option<Span>,
    /// A role waiting for a click.
    pub picking: Option<&'a Picking>,
    /// The mention a relation waiting for a click starts from.
    pub relating: Option<MentionId>,
    /// Whether the coder may change things (own layer shown, project writable).
    pub editable: bool,
}

fn color(rgb: crate::model::Rgb) -> Color32 {
    Color32::from_rgb(rgb.0[0], rgb.0[1], rgb.0[2])
}

fn body(ui: &egui::Ui) -> LabelStyle {
    LabelStyle {
        size: egui::TextStyle::Body.resolve(ui.style()).size,
        color: ui.visuals().text_color(),
        single_line: false,
    }
}

/// Draws the inspector.
pub fn inspector(ui: &mut egui::Ui, input: &InspectorInput<'_>, state: &mut InspectorState, out: &mut Vec<Action>) {
    // Drafts start from the values they edit; after any change (an undo too) they start again from the new ones.
    if state.owner != input.focus || state.generation != input.project.generation() {
        state.drafts.clear();
        state.owner = input.focus;
        state.generation = input.project.generation();
        state.relation_target = None;
        state.actor_matches = None;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        palette(ui, input, out);
        ui.separator();
        let layer = input.layer;
        match (input.focus, layer) {
            (Some(Focus::Mention(id)), Some(layer)) if layer.mentions.contains_key(&id) => {
                mention(ui, input, layer, id, state, out)
            }
            (Some(Focus::Event(id)), Some(layer)) if layer.events.contains_key(&id) => {
                event(ui, input, layer, id, state, out)
            }
            _ => {
                i18n::line(ui, RichText::new(tr!(ui, "inspector-empty")).weak());
                if let Some(layer) = layer {
                    event_list(ui, input, layer, out);
                }
            }
        }
    });
}

/// Buttons for every entity and event type, with their keys.
fn palette(ui: &mut egui::Ui, input: &InspectorInput<'_>, out: &mut Vec<Action>) {
    let schema = &input.project.config().schema;
    let enabled = input.editable && input.selection.is_some();
    let language = ui.language();
    i18n::line(ui, RichText::new(tr!(ui, "inspector-mark-as")).strong());
    i18n::wrapped_row(ui, |ui| {
        for t in &schema.entity_types {
            let key = t.key.map(|k| format!("{k} ")).unwrap_or_default();
            let name = i18n::shown(language, &format!("{key}{}", i18n::entity_name(t, language))).into_owned();
            let fill = color(t.color).gamma_multiply(0.6);
            let text = crate::ui::theme::text_on(fill, ui.visuals().panel_fill);
            let button = egui::Button::new(RichText::new(name).color(text)).fill(fill);
            if ui.add_enabled(enabled, button).on_hover_text(&t.description).clicked() {
                out.push(Action::Mark(t.id.clone()));
            }
        }
    });
    i18n::line(ui, RichText::new(tr!(ui, "inspector-trigger-of")).strong());
    i18n::wrapped_row(ui, |ui| {
        for t in &schema.event_types {
            let key = t.key.map(|k| format!("{k} ")).unwrap_or_default();
            let name = i18n::shown(language, &format!("{key}{}", i18n::event_name(t, language))).into_owned();
            let button = egui::Button::new(name).stroke(egui::Stroke::new(2.0, color(t.color)));
            if ui.add_enabled(enabled, button).on_hover_text(&t.description).clicked() {
                out.push(Action::MakeEvent(t.id.clone()));
            }
        }
    });
    if !input.editable {
        ui.weak(tr!(ui, "inspector-not-editable"));
    }
}

fn quote(loaded: &LoadedDoc, span: Span) -> String {
    loaded.text.slice(span).unwrap_or_default().to_owned()
}

/// A refused operation or an edit, as an action.
fn push(out: &mut Vec<Action>, result: Result<Edit, CodingError>) {
    out.push(match result {
        Ok(edit) => Action::Edit(edit),
        Err(e) => Action::Notice(e.to_string()),
    });
}

/// Where an annotation accepted from a suggestion came from.
fn provenance(ui: &mut egui::Ui, p: Option<&crate::model::Provenance>) {
    let Some(p) = p else { return };
    let score = p.score.map_or(String::new(), |s| tr!(ui, "inspector-score", score = format!("{s:.2}")));
    ui.weak(tr!(
        ui,
        "inspector-provenance",
        source = p.source.to_string(),
        suggestion = p.suggestion.to_string(),
        score = score,
        reviewer = p.reviewer.to_string(),
        at = p.reviewed_at.clone()
    ));
}

/// The document's events, when nothing is focused.
fn event_list(ui: &mut egui::Ui, input: &InspectorInput<'_>, layer: &Layer, out: &mut Vec<Action>) {
    if layer.events.is_empty() {
        return;
    }
    ui.separator();
    i18n::line(ui, RichText::new(tr!(ui, "inspector-events")).strong());
    for (id, e) in &layer.events {
        let missing = coding::empty_required_roles(&input.project.config().schema, e).len();
        // Drawn with the bidi pass: logical order.
        let flag = if missing > 0 { trl!(ui, "inspector-roles-empty", count = missing) } else { String::new() };
        let label = format!("{}{flag}", event_label(input, layer, *id, ui.language()));
        if selectable_row(ui, false, &label, ui.visuals().text_color()).clicked() {
            out.push(Action::Focus(Some(Focus::Event(*id))));
        }
    }
}
