//! The focused event: its type, roles and their fillers, attributes, relations and note.

use super::*;
use crate::ui::i18n::{self, LangOf};
use crate::{tr, trl};

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
    let language = ui.language();
    let type_name = def.map_or(e.event_type.as_str(), |d| i18n::event_name(d, language));
    i18n::line(ui, RichText::new(tr!(ui, "event-heading", id = id.to_string(), name = type_name)).heading());
    let quoted = crate::text::quote::quoted(&quote(input.loaded, e.trigger));
    bidi_label(ui, &trl!(ui, "event-trigger", text = quoted), body(ui), egui::Sense::hover());
    provenance(ui, e.provenance.as_ref());
    ui.add_enabled_ui(input.editable, |ui| {
        let Some(def) = def else { return };
        i18n::line(ui, RichText::new(tr!(ui, "event-roles")).strong());
        roles(ui, input, layer, id, def, out);
        ui.separator();
        let defs = applicable(schema, AttributeTarget::Event, e.event_type.as_str());
        attributes(ui, &format!("e{}", id.0), &defs, &e.attributes, state, out, |attr, value| {
            coding::set_event_attribute(layer, id, attr, value)
        });
        ui.separator();
        super::evidence::record(ui, input, layer, id, out);
        ui.separator();
        relations(ui, input, layer, id, state, out);
        note(ui, &format!("e{}", id.0), &e.note, state, out, |note| coding::change_event(layer, id, |e| e.note = note));
        if ui.button(tr!(ui, "event-delete")).clicked() {
            out.push(Action::Edit(coding::remove_event(layer, id)));
            out.push(Action::Focus(None));
        }
    });
}

/// An event as the relation list names it: its id, type (its Arabic name in Arabic) and trigger.
pub(super) fn event_label(input: &InspectorInput<'_>, layer: &Layer, id: EventId, l: i18n::Language) -> String {
    layer.events.get(&id).map_or(id.to_string(), |e| {
        let schema = &input.project.config().schema;
        let ty = schema
            .event_type(&e.event_type)
            .filter(|_| l.is_rtl())
            .map_or(e.event_type.as_str(), |t| i18n::event_name(t, l));
        format!("{id} {ty} {}", crate::text::quote::quoted(&quote(input.loaded, e.trigger)))
    })
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
    // Relation types between mentions are made from a mention (R), not here.
    let event_types: Vec<&crate::model::RelationTypeId> =
        schema.relation_types.iter().filter(|t| t.between.is_events()).map(|t| &t.id).collect();
    if event_types.is_empty() {
        return;
    }
    ui.label(RichText::new(tr!(ui, "event-relations")).strong());
    for (rid, r) in layer.relations.iter().filter(|(_, r)| r.from == id || r.to == id) {
        ui.horizontal(|ui| {
            let (dir, other) = if r.from == id { ("->", r.to) } else { ("<-", r.from) };
            let line = format!("{} {dir} {}", r.relation_type, event_label(input, layer, other, ui.language()));
            if selectable_row(ui, false, &line, ui.visuals().text_color()).clicked() {
                out.push(Action::Focus(Some(Focus::Event(other))));
            }
            if ui.small_button("×").on_hover_text(tr!(ui, "event-remove-relation")).clicked() {
                out.push(Action::Edit(Edit::PutRelation(*rid, None)));
            }
            if let Some(new) = super::relations::type_choice(ui, schema, *rid, &r.relation_type, &event_types) {
                let changed = crate::model::Relation { relation_type: new, ..r.clone() };
                out.push(Action::Edit(Edit::PutRelation(*rid, Some(changed))));
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
                    let label = event_label(input, layer, *other, ui.language());
                    if selectable_row(ui, *other == target, &label, ui.visuals().text_color()).clicked() {
                        state.relation_target = Some(*other);
                    }
                }
            })
            .response
            .accessible_name(tr!(ui, "event-related"));
        for t in schema.relation_types.iter().filter(|t| t.between.is_events()) {
            if ui.button(tr!(ui, "event-relate", name = t.name.as_str())).on_hover_text(&t.description).clicked() {
                push(out, coding::relate(layer, schema, &t.id, id, target));
            }
        }
    });
}

/// The armed role, on a line of its own that is always there (so that arming never moves the roles), then one
/// row per role in a grid of fixed row height: number (the pick button), name, candidates list, fillers.
/// Fillers scroll sideways within their row rather than wrap: the rows stay where they are while they fill.
fn roles(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    def: &crate::model::EventType,
    out: &mut Vec<Action>,
) {
    let armed = input.picking.filter(|p| p.event == id).and_then(|p| def.roles.iter().find(|r| r.id == p.role));
    let line = match armed {
        Some(role) => egui::Label::new(
            RichText::new(tr!(ui, "event-filling", role = i18n::role_name(role, ui.language())))
                .color(ui.visuals().warn_fg_color),
        ),
        None => egui::Label::new(RichText::new(tr!(ui, "event-roles-hint")).weak()),
    };
    ui.add(line.truncate());
    let Some(e) = layer.events.get(&id) else { return };
    let empty = coding::empty_required_roles(&input.project.config().schema, e);
    let row_height = chip_height(ui);
    // Left-aligned even in the mirrored Arabic panel: a grid's cells under a right-aligned layout have no
    // left edge, and the fillers' scroll area would get an infinite width (egui panics on it).
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        egui::Grid::new(("roles", id.0)).num_columns(4).min_row_height(row_height).show(ui, |ui| {
            for (i, role) in def.roles.iter().enumerate() {
                let row = RoleRow { event: id, role, number: i + 1, empty: empty.contains(&&role.id) };
                role_row(ui, input, layer, &row, out);
                ui.end_row();
            }
        });
    });
}

/// One row of the roles grid.
struct RoleRow<'a> {
    event: EventId,
    role: &'a crate::model::Role,
    /// Its place in the schema, from 1 (its Ctrl+number).
    number: usize,
    /// Required and not filled yet.
    empty: bool,
}

/// One role: its number (the pick button), its name (red while required and empty), the list of candidates,
/// and its fillers as chips in the colour of their type.
fn role_row(ui: &mut egui::Ui, input: &InspectorInput<'_>, layer: &Layer, row: &RoleRow<'_>, out: &mut Vec<Action>) {
    let (id, role) = (row.event, row.role);
    let Some(e) = layer.events.get(&id) else { return };
    let schema = &input.project.config().schema;
    let picking = input.picking.is_some_and(|p| p.event == id && p.role == role.id);
    let key = if row.number <= 9 { format!("Ctrl+{}: ", row.number) } else { String::new() };
    let role_name = i18n::role_name(role, ui.language());
    let pick = ui
        .selectable_label(picking, RichText::new(format!(" {} ", row.number)).monospace())
        .on_hover_text(tr!(ui, "event-pick-help", key = key, role = role_name))
        .accessible_name(tr!(ui, "event-pick", role = role_name));
    if pick.clicked() {
        out.push(Action::Pick((!picking).then(|| Picking { event: id, role: role.id.clone() })));
    }
    let mark = if role.required { "*" } else { "" };
    let name = RichText::new(i18n::shown(ui.language(), &format!("{role_name}{mark}")));
    if row.empty {
        ui.label(name.color(ui.visuals().error_fg_color)).on_hover_text(tr!(ui, "event-required-empty"));
    } else {
        ui.label(name);
    }
    candidates(ui, input, layer, id, role, out);
    // The room left in the row: one long filler is cut to it (whole on hover) rather than scrolled away.
    let room = ui.available_width() - ui.spacing().interact_size.x;
    egui::ScrollArea::horizontal().id_salt(("fillers", id.0, role.id.as_str())).show(ui, |ui| {
        ui.horizontal(|ui| {
            for arg in e.arguments.iter().filter(|a| a.role == role.id) {
                let Some(m) = layer.mentions.get(&arg.mention) else { continue };
                let tint = schema.entity_type(&m.entity_type).map_or(Color32::GRAY, |t| color(t.color));
                let text = quote(input.loaded, m.span);
                let chip = bidi_chip(ui, &text, chip_colors(tint), room).on_hover_ui(|ui| {
                    bidi_label(ui, &text, body(ui), egui::Sense::hover());
                    ui.label(tr!(ui, "event-filler-help", id = arg.mention.to_string()));
                });
                if chip.clicked() {
                    out.push(Action::Focus(Some(Focus::Mention(arg.mention))));
                }
                if chip.secondary_clicked() {
                    push(out, coding::clear_filler(layer, id, &role.id, arg.mention));
                }
                if ui.small_button("×").on_hover_text(tr!(ui, "event-remove-filler")).clicked() {
                    push(out, coding::clear_filler(layer, id, &role.id, arg.mention));
                }
            }
        });
    });
}

/// The drop-down of the mentions whose type the role takes, each shown whole (the list is as wide as its
/// longest entry, up to a limit; a longer one shows whole on hover).
fn candidates(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: EventId,
    role: &crate::model::Role,
    out: &mut Vec<Action>,
) {
    let schema = &input.project.config().schema;
    // Only the arrow: the row's room goes to the fillers.
    let combo = egui::ComboBox::from_id_salt(("fill", id.0, role.id.as_str())).selected_text("").width(12.0);
    combo
        .show_ui(ui, |ui| {
            // Built only while the list is open (every role has one, drawn every frame).
            let entries: Vec<(MentionId, String)> = layer
                .mentions
                .iter()
                .filter(|(_, m)| role.allowed.contains(&m.entity_type))
                .map(|(mid, m)| (*mid, format!("{} {}", mid, quote(input.loaded, m.span))))
                .collect();
            let pad = 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x;
            let widest = entries.iter().map(|(_, l)| text_width(ui.ctx(), l)).fold(0.0, f32::max);
            ui.set_min_width((widest + pad).min(CANDIDATES_MAX_WIDTH));
            if entries.is_empty() {
                ui.weak(tr!(ui, "event-no-candidates", role = i18n::role_name(role, ui.language())));
            }
            for (mid, label) in &entries {
                let row = selectable_row(ui, false, label, ui.visuals().text_color()).on_hover_ui(|ui| {
                    bidi_label(ui, label, body(ui), egui::Sense::hover());
                });
                if row.clicked() {
                    push(out, coding::fill_role(layer, schema, id, &role.id, *mid));
                }
            }
        })
        .response
        .on_hover_text(tr!(ui, "event-choose-filler-help", role = i18n::role_name(role, ui.language())))
        .accessible_name(tr!(ui, "event-choose-filler", role = i18n::role_name(role, ui.language())));
}

/// The widest the candidates list grows, in points.
const CANDIDATES_MAX_WIDTH: f32 = 480.0;

/// The height of a filler chip, and so of every role row.
fn chip_height(ui: &egui::Ui) -> f32 {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    size * 1.45 + ui.spacing().button_padding.y
}

/// A filler chip's fill and text colours for a mention of type colour `tint`: the type's colour lightened
/// towards white, and black or white text, whichever reads better on it, so that it reads in either theme.
pub(super) fn chip_colors(tint: Color32) -> (Color32, Color32) {
    let light = |c: u8| c + ((255 - c) as f32 * CHIP_LIGHTEN) as u8;
    let fill = Color32::from_rgb(light(tint.r()), light(tint.g()), light(tint.b()));
    // The fill is opaque: the page under it does not show through.
    (fill, crate::ui::theme::text_on(fill, fill))
}

/// How far a chip's fill goes from its type's colour towards white.
const CHIP_LIGHTEN: f32 = 0.45;

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.x relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    /// WCAG 2.x contrast ratio of two colours.
    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_wcag_formula_gives_its_known_ratios() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes 4.5:1.
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn filler_chips_read_at_body_text_contrast_for_every_type_colour() {
        let schema = crate::model::default_conflict_schema();
        let mut colours: Vec<Color32> = schema.entity_types.iter().map(|t| color(t.color)).collect();
        // The darkest and the most saturated colours a schema editor may give a type.
        colours.extend([Color32::BLACK, Color32::from_rgb(0, 0, 255), Color32::from_rgb(128, 0, 0), Color32::WHITE]);
        for tint in colours {
            let (fill, text) = chip_colors(tint);
            let ratio = contrast(fill, text);
            assert!(ratio >= 4.5, "a chip of type colour {tint:?}: {ratio:.2}:1");
        }
    }
}
