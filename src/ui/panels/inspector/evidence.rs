//! The inspected event's record: its id (selectable, to paste into a dataset's notes), and each field of the
//! record with its value and the quotes that justify it. A quote jumps to its words in the article; + adds
//! the selected text as evidence of its field, × removes a quote; each is one undoable edit.

use super::*;
use crate::model::evidence::{RECORD_FIELDS, add_evidence, record_fields, remove_evidence};
use crate::model::{Event, FieldId, Schema};
use crate::tr;

/// The record id and the fields with their evidence.
pub(super) fn record(ui: &mut egui::Ui, input: &InspectorInput<'_>, layer: &Layer, id: EventId, out: &mut Vec<Action>) {
    let Some(e) = layer.events.get(&id) else { return };
    let schema = &input.project.config().schema;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!(ui, "event-record-id")).strong());
        // Selectable, to copy into a dataset's notes.
        let shown = egui::Label::new(RichText::new(e.record_id(input.doc)).monospace()).selectable(true);
        ui.add(shown).on_hover_text(tr!(ui, "event-record-id-help"));
    });
    egui::CollapsingHeader::new(RichText::new(tr!(ui, "evidence-heading")).strong())
        .id_salt(("evidence", id.0))
        // Closed at first: thirteen rows would push the event's relations out of sight; egui remembers it open.
        .default_open(false)
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                for field in record_fields(schema) {
                    field_row(ui, input, layer, id, e, &field, out);
                }
            });
        });
}

/// One field: its name, its value, and its quotes with their buttons.
fn field_row(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    e: &Event,
    field: &FieldId,
    out: &mut Vec<Action>,
) {
    let schema = &input.project.config().schema;
    let name = field_name(ui, schema, field);
    let value = field_value(input, layer, schema, e, field);
    // Name, value and + on one line, the quotes under it: a three-column grid left the quotes no room in the
    // inspector's width.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&name).strong());
        if value.is_empty() {
            ui.weak("—");
        } else {
            bidi_label(ui, &value, body(ui), egui::Sense::hover());
        }
        let enabled = input.editable && input.selection.is_some_and(|s| !s.is_empty());
        let add = ui.add_enabled(enabled, egui::Button::new("+").small());
        let help = tr!(ui, "evidence-add-help", field = name.as_str());
        if add.on_hover_text(help.as_str()).on_disabled_hover_text(help.as_str()).accessible_name(help).clicked()
            && let Some(span) = input.selection
        {
            push(out, add_evidence(layer, &input.loaded.text, id, field, span));
        }
    });
    let Some(spans) = e.evidence.get(field).filter(|s| !s.is_empty()) else { return };
    ui.indent(("evidence-quotes", field.as_str()), |ui| {
        ui.horizontal_wrapped(|ui| {
            for span in spans {
                let text = crate::text::quote::quoted(&quote(input.loaded, *span));
                let width = (ui.available_width() - 30.0).max(80.0);
                let colors = event::chip_colors(color(crate::text::scene::EVIDENCE_COLOR));
                let chip = bidi_chip(ui, &text, colors, width).on_hover_text(tr!(ui, "evidence-jump-help"));
                if chip.clicked() {
                    out.push(Action::Jump { doc: input.doc.clone(), span: *span, focus: Some(Focus::Event(id)) });
                }
                let remove = ui.add_enabled(input.editable, egui::Button::new("×").small());
                if remove.on_hover_text(tr!(ui, "evidence-remove-help")).clicked() {
                    push(out, remove_evidence(layer, id, field, *span));
                }
            }
        });
    });
}

/// A field's name: an attribute's, or the record's own field's in the interface language.
fn field_name(ui: &egui::Ui, schema: &Schema, field: &FieldId) -> String {
    // An event attribute's name; a mention attribute of the same id (the TIME mention's `date`) is not this field.
    let attribute = schema.attribute(&crate::model::AttributeId::from(field.as_str()));
    if let Some(def) = attribute.filter(|d| d.target == crate::model::AttributeTarget::Event) {
        return def.name.clone();
    }
    // Each looked up on its own line: the catalogue's check reads the ids from the code.
    let date = tr!(ui, "field-date").to_owned();
    let location = tr!(ui, "field-location").to_owned();
    let actor1 = tr!(ui, "field-actor1").to_owned();
    let actor2 = tr!(ui, "field-actor2").to_owned();
    match field.as_str() {
        "date" => date,
        "location" => location,
        "actor1" => actor1,
        "actor2" => actor2,
        other => other.to_owned(),
    }
}

/// What the record has for a field: an attribute's value, or for the record's own fields the words of the
/// fillers they come from (the Time role's for the date, the Location role's, the first and second roles that
/// take actors). The exported record resolves them further (a time mention's date, the actor's registry name).
fn field_value(input: &InspectorInput<'_>, layer: &Layer, schema: &Schema, e: &Event, field: &FieldId) -> String {
    if let Some(value) = e.attributes.get(&crate::model::AttributeId::from(field.as_str())) {
        return match value {
            AttrValue::Bool(b) => b.to_string(),
            AttrValue::Number(n) => n.to_string(),
            AttrValue::Choice(s) | AttrValue::Date(s) | AttrValue::Text(s) => s.clone(),
        };
    }
    if !RECORD_FIELDS.contains(&field.as_str()) {
        return String::new();
    }
    let Some(def) = schema.event_type(&e.event_type) else { return String::new() };
    let takes = |r: &&crate::model::Role, t: &str| r.allowed.iter().any(|a| a.as_str() == t);
    // A role that takes only places (Location), not one that takes places too (an attack's Target).
    let only = |r: &&crate::model::Role, t: &str| r.allowed.iter().all(|a| a.as_str() == t);
    let role = match field.as_str() {
        "date" => def.roles.iter().find(|r| takes(r, "TIME")),
        "location" => def.roles.iter().find(|r| takes(r, "LOCATION") && only(r, "LOCATION")),
        "actor1" => def.roles.iter().find(|r| takes(r, "ACTOR")),
        _ => def.roles.iter().filter(|r| takes(r, "ACTOR")).nth(1),
    };
    let Some(role) = role else { return String::new() };
    let fillers: Vec<String> = e
        .arguments
        .iter()
        .filter(|a| a.role == role.id)
        .filter_map(|a| layer.mentions.get(&a.mention))
        .map(|m| quote(input.loaded, m.span))
        .collect();
    fillers.join(" · ")
}
