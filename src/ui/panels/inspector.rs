//! The inspector: the type palette, and the focused mention (type, boundaries, actor, attributes, note) or
//! event (type, roles and their fillers, attributes, relations, note). It reads the project and pushes
//! [`Action`]s; every change it asks for is an edit built by `model::coding`.

use crate::model::coding::{self, CodingError};
use crate::model::{
    AttrValue, AttributeDef, AttributeKind, AttributeTarget, Attributes, DocId, Edit, EventId, Layer, MentionId, Span,
};
use crate::store::{LoadedDoc, Project};
use crate::ui::action::{Action, Focus, Picking};
use crate::ui::bidi_label::{LabelStyle, bidi_chip, bidi_label, selectable_row};
use eframe::egui::{self, Color32, RichText};
use std::collections::HashMap;

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
        if let Some(p) = input.picking {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Click a mention in the text to fill {}.", p.role));
            if ui.button("Cancel (Esc)").clicked() {
                out.push(Action::Pick(None));
            }
            ui.separator();
        }
        let layer = input.layer;
        match (input.focus, layer) {
            (Some(Focus::Mention(id)), Some(layer)) if layer.mentions.contains_key(&id) => {
                mention(ui, input, layer, id, state, out)
            }
            (Some(Focus::Event(id)), Some(layer)) if layer.events.contains_key(&id) => {
                event(ui, input, layer, id, state, out)
            }
            _ => {
                ui.weak("Click a highlighted mention or event trigger to inspect it.");
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
    ui.label(RichText::new("Mark the selection as").strong());
    ui.horizontal_wrapped(|ui| {
        for t in &schema.entity_types {
            let key = t.key.map(|k| format!("{k} ")).unwrap_or_default();
            let button = egui::Button::new(RichText::new(format!("{key}{}", t.name)).color(Color32::BLACK))
                .fill(color(t.color).gamma_multiply(0.6));
            if ui.add_enabled(enabled, button).on_hover_text(&t.description).clicked() {
                out.push(Action::Mark(t.id.clone()));
            }
        }
    });
    ui.label(RichText::new("Make it the trigger of").strong());
    ui.horizontal_wrapped(|ui| {
        for t in &schema.event_types {
            let key = t.key.map(|k| format!("{k} ")).unwrap_or_default();
            let button = egui::Button::new(format!("{key}{}", t.name)).stroke(egui::Stroke::new(2.0, color(t.color)));
            if ui.add_enabled(enabled, button).on_hover_text(&t.description).clicked() {
                out.push(Action::MakeEvent(t.id.clone()));
            }
        }
    });
    if !input.editable {
        ui.weak("Another coder's layer is shown, or the project is read-only: choose your own layer in the toolbar to code.");
    }
}

fn quote(loaded: &LoadedDoc, span: Span) -> String {
    loaded.text.slice(span).unwrap_or_default().to_owned()
}

/// A refused operation or an edit, as an action.
fn push(out: &mut Vec<Action>, result: Result<Edit, CodingError>) {
    out.push(match result {
        Ok(edit) => Action::Edit(edit),
        Err(e) => Action::Refused(e.to_string()),
    });
}

fn mention(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: MentionId,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
) {
    let m = &layer.mentions[&id];
    let schema = &input.project.config().schema;
    let text = quote(input.loaded, m.span);
    ui.heading(format!("Mention {id}"));
    bidi_label(ui, &format!("«{text}»"), body(ui), egui::Sense::hover());
    provenance(ui, m.provenance.as_ref());
    ui.add_enabled_ui(input.editable, |ui| {
        egui::Grid::new("mention").num_columns(2).show(ui, |ui| {
            ui.label("Type");
            let current = schema.entity_type(&m.entity_type).map_or(m.entity_type.to_string(), |t| t.name.clone());
            egui::ComboBox::from_id_salt("mention-type")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for t in &schema.entity_types {
                        if ui.selectable_label(t.id == m.entity_type, &t.name).clicked() && t.id != m.entity_type {
                            let ty = t.id.clone();
                            push(out, coding::change_mention(layer, id, |m| m.entity_type = ty));
                        }
                    }
                })
                .response
                .accessible_name("Mention type");
            ui.end_row();
            ui.label("Letters");
            ui.label(format!("{}..{}", m.span.start, m.span.end));
            ui.end_row();
        });
        // Wrapped, so that the panel keeps its width (a wider panel would reflow the article).
        ui.horizontal_wrapped(|ui| {
            let text = &input.loaded.text;
            // Buttons name the logical ends: the start is the right edge of Arabic text.
            for (label, start, outward, help) in [
                ("start −", true, false, "Drop the first letter"),
                ("start +", true, true, "Take in the letter before"),
                ("end −", false, false, "Drop the last letter"),
                ("end +", false, true, "Take in the letter after"),
            ] {
                if ui.small_button(label).on_hover_text(help).clicked() {
                    push(out, coding::nudge_mention(layer, text, id, start, outward));
                }
            }
            let sel = input.selection.filter(|s| *s != m.span);
            let set = ui
                .add_enabled(sel.is_some(), egui::Button::new("= selection").small())
                .on_hover_text("Set the mention's letters to the selection");
            if let Some(sel) = sel
                && set.clicked()
            {
                push(out, coding::set_mention_span(layer, text, id, sel));
            }
        });
        ui.separator();
        actor_link(ui, input, layer, id, &text, state, out);
        ui.separator();
        let defs = applicable(schema, AttributeTarget::Mention, m.entity_type.as_str());
        attributes(ui, &format!("m{}", id.0), &defs, &m.attributes, state, out, |attr, value| {
            coding::set_mention_attribute(layer, id, attr, value)
        });
        note(ui, &format!("m{}", id.0), &m.note, state, out, |note| {
            coding::change_mention(layer, id, |m| m.note = note)
        });
        let roles: Vec<String> = layer
            .events
            .iter()
            .flat_map(|(eid, e)| {
                e.arguments.iter().filter(|a| a.mention == id).map(move |a| format!("{} of {eid}", a.role))
            })
            .collect();
        if !roles.is_empty() {
            ui.label(format!("Fills: {}", roles.join(", ")));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Propose its other occurrences:");
            if ui.button("this document").clicked() {
                out.push(Action::Propagate(id, false));
            }
            if ui.button("the project").clicked() {
                out.push(Action::Propagate(id, true));
            }
        });
        if ui.button("Delete mention (Del)").clicked() {
            out.push(Action::Edit(Edit::remove_mention(layer, id)));
            out.push(Action::Focus(None));
        }
    });
}

/// The mention's actor, a search over the registry's normalized aliases, and one-click alias or new actor.
fn actor_link(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: MentionId,
    text: &str,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
) {
    let project = input.project;
    let m = &layer.mentions[&id];
    ui.label(RichText::new("Actor").strong());
    if let Some(actor_id) = &m.actor {
        let name = project.actors().actors.get(actor_id).map_or(actor_id.to_string(), |a| a.name.clone());
        ui.horizontal(|ui| {
            bidi_label(ui, &name, body(ui), egui::Sense::hover());
            if ui.small_button("unlink").clicked() {
                push(out, coding::link_actor(layer, id, None));
            }
        });
        if let Some(actor) = project.actors().actors.get(actor_id)
            && actor.name != text
            && !actor.aliases.iter().any(|a| a == text)
            && ui.button("Add the mention's text as an alias").clicked()
            && let Ok(Some(edit)) = crate::workflow::actor_edits::add_alias(project, actor_id, text)
        {
            out.push(Action::Project(edit));
        }
    }
    let key = format!("m{}/actor", id.0);
    let typed = state.drafts.entry(key).or_default();
    ui.add(egui::TextEdit::singleline(typed).hint_text("search actors (normalized, typo-tolerant)"))
        .accessible_name("Search actors");
    // Until the coder types, the mention's own words are the query (shown shaped here, not in the field:
    // egui's text field cannot order Arabic right to left).
    let query = if typed.trim().is_empty() { text.to_owned() } else { typed.clone() };
    if typed.trim().is_empty() {
        let style = LabelStyle { color: ui.visuals().weak_text_color(), ..body(ui) };
        bidi_label(ui, &format!("Actors matching «{text}»:"), style, egui::Sense::hover());
    }
    if state.actor_matches.as_ref().is_none_or(|(q, _)| *q != query) {
        state.actor_matches = Some((query.clone(), crate::text::matching::find_actors(project.actors(), &query)));
    }
    let matches = state.actor_matches.as_ref().map(|(_, m)| m.clone()).unwrap_or_default();
    for (actor_id, _score) in matches.iter().take(6) {
        let Some(actor) = project.actors().actors.get(actor_id) else { continue };
        let label = format!("{} — {}", actor.name, actor.aliases.first().map_or("", String::as_str));
        let linked = m.actor.as_ref() == Some(actor_id);
        if selectable_row(ui, linked, &label, ui.visuals().text_color()).on_hover_text(actor_id.as_str()).clicked()
            && !linked
        {
            push(out, coding::link_actor(layer, id, Some(actor_id.clone())));
        }
    }
    if matches.is_empty() {
        ui.weak("No actor matches.");
    }
    let new_actor = format!("+ New actor «{}»", query.trim());
    if !query.trim().is_empty() && selectable_row(ui, false, &new_actor, ui.visuals().hyperlink_color).clicked() {
        let (create, actor_id) = crate::workflow::actor_edits::create_actor(
            project,
            query.trim(),
            crate::model::ActorKind::Other,
            Some(text).filter(|t| *t != query.trim()),
        );
        match coding::link_actor(layer, id, Some(actor_id)) {
            Ok(link) => out.push(Action::Project(crate::model::ProjectEdit::Batch(vec![
                create,
                crate::model::ProjectEdit::Layer(input.doc.clone(), link),
            ]))),
            Err(e) => out.push(Action::Refused(e.to_string())),
        }
    }
}

/// Where an annotation accepted from a suggestion came from.
fn provenance(ui: &mut egui::Ui, p: Option<&crate::model::Provenance>) {
    let Some(p) = p else { return };
    let score = p.score.map_or(String::new(), |s| format!(", score {s:.2}"));
    ui.weak(format!(
        "From {} suggestion {}{score}; accepted by {} at {}",
        p.source, p.suggestion, p.reviewer, p.reviewed_at
    ));
}

/// Attribute definitions that apply to a target of this type.
fn applicable<'a>(schema: &'a crate::model::Schema, target: AttributeTarget, ty: &str) -> Vec<&'a AttributeDef> {
    schema
        .attributes
        .iter()
        .filter(|a| a.target == target && (a.types.is_empty() || a.types.iter().any(|t| t == ty)))
        .collect()
}

/// An editor per attribute; `set` builds the edit for a new value (`None` clears it).
fn attributes(
    ui: &mut egui::Ui,
    owner: &str,
    defs: &[&AttributeDef],
    values: &Attributes,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
    set: impl Fn(&crate::model::AttributeId, Option<AttrValue>) -> Result<Edit, CodingError>,
) {
    if defs.is_empty() {
        return;
    }
    ui.label(RichText::new("Attributes").strong());
    egui::Grid::new(("attributes", owner)).num_columns(2).show(ui, |ui| {
        for def in defs {
            ui.label(&def.name);
            let value = values.get(&def.id);
            match &def.kind {
                AttributeKind::Boolean | AttributeKind::Choice(_) => {
                    let choices: Vec<(String, AttrValue)> = match &def.kind {
                        AttributeKind::Choice(cs) => {
                            cs.iter().map(|c| (c.clone(), AttrValue::Choice(c.clone()))).collect()
                        }
                        _ => vec![("yes".into(), AttrValue::Bool(true)), ("no".into(), AttrValue::Bool(false))],
                    };
                    let shown = choices.iter().find(|(_, v)| Some(v) == value).map_or("—", |(l, _)| l.as_str());
                    egui::ComboBox::from_id_salt(("attr", owner, def.id.as_str()))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(value.is_none(), "—").clicked() && value.is_some() {
                                push(out, set(&def.id, None));
                            }
                            for (label, v) in &choices {
                                if ui.selectable_label(Some(v) == value, label).clicked() && Some(v) != value {
                                    push(out, set(&def.id, Some(v.clone())));
                                }
                            }
                        })
                        .response
                        .accessible_name(format!("{} of {owner}", def.name));
                }
                AttributeKind::Number | AttributeKind::Date | AttributeKind::Text => {
                    let current = match value {
                        Some(AttrValue::Number(n)) => n.to_string(),
                        Some(AttrValue::Date(s) | AttrValue::Text(s) | AttrValue::Choice(s)) => s.clone(),
                        Some(AttrValue::Bool(b)) => b.to_string(),
                        None => String::new(),
                    };
                    let key = format!("{owner}/{}", def.id);
                    let draft = state.drafts.entry(key.clone()).or_insert_with(|| current.clone());
                    let hint = match def.kind {
                        AttributeKind::Number => "number",
                        AttributeKind::Date => "YYYY-MM-DD",
                        _ => "",
                    };
                    let response = ui
                        .add(egui::TextEdit::singleline(draft).hint_text(hint).desired_width(120.0))
                        .accessible_name(format!("{} of {owner}", def.name));
                    if response.lost_focus() && draft.trim() != current {
                        let typed = draft.trim().to_owned();
                        let parsed = if typed.is_empty() {
                            Ok(None)
                        } else {
                            match def.kind {
                                AttributeKind::Number => typed
                                    .parse::<f64>()
                                    .ok()
                                    .filter(|n| n.is_finite())
                                    .map(|n| Some(AttrValue::Number(n)))
                                    .ok_or(())
                                    .map_err(|_| format!("{} must be a number, not «{typed}»", def.name)),
                                AttributeKind::Date if crate::model::is_partial_date(&typed) => {
                                    Ok(Some(AttrValue::Date(typed)))
                                }
                                AttributeKind::Date => Err(format!(
                                    "{} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not «{typed}»",
                                    def.name
                                )),
                                _ => Ok(Some(AttrValue::Text(typed))),
                            }
                        };
                        match parsed {
                            Ok(v) => push(out, set(&def.id, v)),
                            Err(why) => {
                                state.drafts.remove(&key);
                                out.push(Action::Refused(why));
                            }
                        }
                    }
                }
            }
            ui.end_row();
        }
    });
}

/// A note field, committed when the coder leaves it.
fn note(
    ui: &mut egui::Ui,
    owner: &str,
    current: &str,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
    set: impl FnOnce(String) -> Result<Edit, CodingError>,
) {
    ui.label(RichText::new("Note").strong());
    let draft = state.drafts.entry(format!("{owner}/note")).or_insert_with(|| current.to_owned());
    let response =
        ui.add(egui::TextEdit::multiline(draft).desired_rows(2).desired_width(f32::INFINITY)).accessible_name("Note");
    if response.lost_focus() && draft.as_str() != current {
        push(out, set(draft.clone()));
    }
}

fn event(
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
            ui.horizontal_wrapped(|ui| {
                let mark = if role.required { "*" } else { "" };
                let name = RichText::new(format!("{}{mark}", role.name));
                if empty.contains(&&role.id) {
                    ui.label(name.color(ui.visuals().error_fg_color))
                        .on_hover_text("Required, and no mention fills it yet");
                } else {
                    ui.label(name);
                }
                for arg in e.arguments.iter().filter(|a| a.role == role.id) {
                    let filler =
                        layer.mentions.get(&arg.mention).map(|m| quote(input.loaded, m.span)).unwrap_or_default();
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
            });
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

fn event_label(input: &InspectorInput<'_>, layer: &Layer, id: EventId) -> String {
    layer
        .events
        .get(&id)
        .map_or(id.to_string(), |e| format!("{id} {} «{}»", e.event_type, quote(input.loaded, e.trigger)))
}

/// The event's relations, and a way to add one.
fn relations(
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

/// The document's events, when nothing is focused.
fn event_list(ui: &mut egui::Ui, input: &InspectorInput<'_>, layer: &Layer, out: &mut Vec<Action>) {
    if layer.events.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Events of this document").strong());
    for (id, e) in &layer.events {
        let missing = coding::empty_required_roles(&input.project.config().schema, e).len();
        let flag = if missing > 0 { format!("  ({missing} required roles empty)") } else { String::new() };
        let label = format!("{}{flag}", event_label(input, layer, *id));
        if selectable_row(ui, false, &label, ui.visuals().text_color()).clicked() {
            out.push(Action::Focus(Some(Focus::Event(*id))));
        }
    }
}
