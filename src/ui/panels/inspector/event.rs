//! The focused event: its type, roles and their fillers, attributes, relations and note.

use super::*;

/// The focused event: trigger, provenance, roles, attributes, relations, note.
pub(super) fn event(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
) {
    let e = &layer.events[&id];
    let schema = &input.project.config().schema;
    let def = schema.event_type(&e.event_type);
    ui.heading(format!("Event {id}: {}", def.map_or(e.event_type.as_str(), |d| d.name.as_str())));
    bidi_label(ui, &format!("trigger «{}»", quote(input.loaded, e.trigger)), body(ui), egui::Sense::hover());
    provenance(ui, e.provenance.as_ref());
    ui.add_enabled_ui(input.editable, |ui| {
        let Some(def) = def else { return };
        ui.label(RichText::new("Roles").strong());
        let empty = coding::empty_required_roles(schema, e);
        for role in &def.roles {
            ui.horizontal_wrapped(|ui| role_row(ui, input, layer, id, role, empty.contains(&&role.id), out));
        }
        ui.separator();
        let defs = applicable(schema, AttributeTarget::Event, e.event_type.as_str());
        attributes(ui, &format!("e{}", id.0), &defs, &e.attributes, state, out, |attr, value| {
            coding::set_event_attribute(layer, id, attr, value)
        });
        ui.separator();
        relations(ui, input, layer, id, state, out);
        note(ui, &format!("e{}", id.0), &e.note, state, out, |note| coding::change_event(layer, id, |e| e.note = note));
        if ui.button("Delete event (Del)").clicked() {
            out.push(Action::Edit(coding::remove_event(layer, id)));
            out.push(Action::Focus(None));
        }
    });
}

/// An event as the relation list names it: its id, type and trigger.
pub(super) fn event_label(input: &InspectorInput<'_>, layer: &Layer, id: EventId) -> String {
    layer
        .events
        .get(&id)
        .map_or(id.to_string(), |e| format!("{id} {} «{}»", e.event_type, quote(input.loaded, e.trigger)))
}

/// The event's relations, and a way to add one.
pub(super) fn relations(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
) {
    let schema = &input.project.config().schema;
    if schema.relation_types.is_empty() {
        return;
    }
    ui.label(RichText::new("Relations").strong());
    for (rid, r) in layer.relations.iter().filter(|(_, r)| r.from == id || r.to == id) {
        ui.horizontal(|ui| {
            let (dir, other) = if r.from == id { ("->", r.to) } else { ("<-", r.from) };
            let line = format!("{} {dir} {}", r.relation_type, event_label(input, layer, other));
            if selectable_row(ui, false, &line, ui.visuals().text_color()).clicked() {
                out.push(Action::Focus(Some(Focus::Event(other))));
            }
            if ui.small_button("×").on_hover_text("Remove this relation").clicked() {
                out.push(Action::Edit(Edit::PutRelation(*rid, None)));
            }
        });
    }
    let others: Vec<EventId> = layer.events.keys().copied().filter(|e| *e != id).collect();
    if others.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let target = state.relation_target.filter(|t| others.contains(t)).unwrap_or(others[0]);
        egui::ComboBox::from_id_salt(("relation-target", id.0))
            .selected_text(target.to_string())
            .show_ui(ui, |ui| {
                for other in &others {
                    let label = event_label(input, layer, *other);
                    if selectable_row(ui, *other == target, &label, ui.visuals().text_color()).clicked() {
                        state.relation_target = Some(*other);
                    }
                }
            })
            .response
            .accessible_name("Related event");
        for t in &schema.relation_types {
            if ui.button(format!("{} it", t.name)).on_hover_text(&t.description).clicked() {
                push(out, coding::relate(layer, schema, &t.id, id, target));
            }
        }
    });
}

/// One role: its name (red while required and empty), its fillers as chips, "pick" and the list of candidates.
fn role_row(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    role: &crate::model::Role,
    empty: bool,
    out: &mut Vec<Action>,
) {
    let Some(e) = layer.events.get(&id) else { return };
    let schema = &input.project.config().schema;
    let mark = if role.required { "*" } else { "" };
    let name = RichText::new(format!("{}{mark}", role.name));
    if empty {
        ui.label(name.color(ui.visuals().error_fg_color)).on_hover_text("Required, and no mention fills it yet");
    } else {
        ui.label(name);
    }
    for arg in e.arguments.iter().filter(|a| a.role == role.id) {
        let filler = layer.mentions.get(&arg.mention).map(|m| quote(input.loaded, m.span)).unwrap_or_default();
        let chip = bidi_chip(ui, &filler, ui.visuals().text_color())
            .on_hover_text(format!("{} — click to inspect; right-click to remove", arg.mention));
        if chip.clicked() {
            out.push(Action::Focus(Some(Focus::Mention(arg.mention))));
        }
        if chip.secondary_clicked() {
            push(out, coding::clear_filler(layer, id, &role.id, arg.mention));
        }
        if ui.small_button("×").on_hover_text("Remove this filler").clicked() {
            push(out, coding::clear_filler(layer, id, &role.id, arg.mention));
        }
    }
    let picking = input.picking.is_some_and(|p| p.event == id && p.role == role.id);
    let pick = ui
        .selectable_label(picking, "pick")
        .on_hover_text("Then click a mention in the text")
        .accessible_name(format!("Pick {}", role.name));
    if pick.clicked() {
        out.push(Action::Pick((!picking).then(|| Picking { event: id, role: role.id.clone() })));
    }
    let candidates: Vec<(&MentionId, &crate::model::Mention)> =
        layer.mentions.iter().filter(|(_, m)| role.allowed.contains(&m.entity_type)).collect();
    egui::ComboBox::from_id_salt(("fill", id.0, role.id.as_str()))
        .selected_text("list")
        .show_ui(ui, |ui| {
            for (mid, m) in candidates {
                let label = format!("{} {}", mid, quote(input.loaded, m.span));
                if selectable_row(ui, false, &label, ui.visuals().text_color()).clicked() {
                    push(out, coding::fill_role(layer, schema, id, &role.id, *mid));
                }
            }
        })
        .response
        .accessible_name(format!("Choose a filler for {}", role.name));
}
