//! The focused mention: its type, letters, actor link, attributes, note and roles.

use super::*;
use crate::ui::bidi_field::BidiTextEdit;

/// The focused mention: quote, provenance, type, letters, actor, attributes, note, roles it fills.
pub(super) fn mention(
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
    let language = ui.language();
    ui.heading(tr!(ui, "mention-heading", id = id.to_string()));
    bidi_label(ui, &crate::text::quote::quoted(&text), body(ui), egui::Sense::hover());
    provenance(ui, m.provenance.as_ref());
    ui.add_enabled_ui(input.editable, |ui| {
        egui::Grid::new("mention").num_columns(2).show(ui, |ui| {
            ui.label(tr!(ui, "mention-type"));
            let current = schema.entity_type(&m.entity_type).map_or(m.entity_type.to_string(), |t| {
                i18n::shown(language, i18n::entity_name(t, language)).into_owned()
            });
            egui::ComboBox::from_id_salt("mention-type")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for t in &schema.entity_types {
                        let name = i18n::shown(language, i18n::entity_name(t, language));
                        if ui.selectable_label(t.id == m.entity_type, name).clicked() && t.id != m.entity_type {
                            let ty = t.id.clone();
                            push(out, coding::change_mention(layer, id, |m| m.entity_type = ty));
                        }
                    }
                })
                .response
                .accessible_name(tr!(ui, "mention-type-name"));
            ui.end_row();
            ui.label(tr!(ui, "mention-letters"));
            ui.label(format!("{}..{}", m.span.start, m.span.end));
            ui.end_row();
        });
        edges(ui, input, layer, id, out);
        ui.separator();
        actor_link(ui, input, layer, id, &text, state, out);
        ui.separator();
        if m.entity_type.as_str() == crate::workflow::places::LOCATION {
            super::place::place_link(ui, input, layer, id, &text, state, out);
            ui.separator();
        }
        let defs = applicable(schema, AttributeTarget::Mention, m.entity_type.as_str());
        attributes(ui, &format!("m{}", id.0), &defs, &m.attributes, state, out, |attr, value| {
            coding::set_mention_attribute(layer, id, attr, value)
        });
        date_proposal(ui, input, layer, id, &defs, out);
        note(ui, &format!("m{}", id.0), &m.note, state, out, |note| {
            coding::change_mention(layer, id, |m| m.note = note)
        });
        let roles: Vec<String> = layer
            .events
            .iter()
            .flat_map(|(eid, e)| {
                e.arguments.iter().filter(|a| a.mention == id).map(move |a| {
                    // English names the role by its id, as it always did.
                    let role = schema
                        .event_type(&e.event_type)
                        .filter(|_| language.is_rtl())
                        .and_then(|t| t.roles.iter().find(|r| r.id == a.role))
                        .map_or(a.role.as_str(), |r| i18n::role_name(r, language));
                    trl!(language, "mention-role-of", role = role, event = eid.to_string())
                })
            })
            .collect();
        if !roles.is_empty() {
            ui.label(tr!(ui, "mention-fills", roles = roles.join(trl!(language, "list-separator"))));
        }
        super::relations::mention_relations(ui, input, layer, id, out);
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(ui, "mention-propose"));
            if ui.button(tr!(ui, "mention-propose-document")).clicked() {
                out.push(Action::Propagate(id, false));
            }
            if ui.button(tr!(ui, "mention-propose-project")).clicked() {
                out.push(Action::Propagate(id, true));
            }
        });
        if ui.button(tr!(ui, "mention-delete")).clicked() {
            out.push(Action::Edit(Edit::remove_mention(layer, id)));
            out.push(Action::Focus(None));
        }
    });
}

/// The mention's actor, a search over the registry's normalized aliases, and one-click alias or new actor.
pub(super) fn actor_link(
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
    ui.label(RichText::new(tr!(ui, "mention-actor")).strong());
    if let Some(actor_id) = &m.actor {
        let name = project.actors().actors.get(actor_id).map_or(actor_id.to_string(), |a| a.name.clone());
        ui.horizontal(|ui| {
            bidi_label(ui, &name, body(ui), egui::Sense::hover());
            if ui.small_button(tr!(ui, "mention-unlink")).clicked() {
                push(out, coding::link_actor(layer, id, None));
            }
        });
        if let Some(actor) = project.actors().actors.get(actor_id)
            && actor.name != text
            && !actor.aliases.iter().any(|a| a == text)
            && ui.button(tr!(ui, "mention-add-alias")).clicked()
            && let Ok(Some(edit)) = crate::workflow::actor_edits::add_alias(project, actor_id, text)
        {
            out.push(Action::Project(edit));
        }
    }
    let key = format!("m{}/actor", id.0);
    let typed = state.drafts.entry(key).or_default();
    let hint = tr!(ui, "mention-search-hint");
    let search_name = tr!(ui, "mention-search-actors");
    ui.add(BidiTextEdit::singleline(typed).hint_text(hint)).accessible_name(search_name);
    // Until the coder types, the mention's own words are the query (shown shaped here, not in the field:
    // egui's text field cannot order Arabic right to left).
    let query = if typed.trim().is_empty() { text.to_owned() } else { typed.clone() };
    if typed.trim().is_empty() {
        let style = LabelStyle { color: ui.visuals().weak_text_color(), ..body(ui) };
        let line = trl!(ui, "mention-actors-matching", text = crate::text::quote::quoted(text));
        bidi_label(ui, &line, style, egui::Sense::hover());
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
        ui.weak(tr!(ui, "mention-no-actor"));
    }
    let new_actor = trl!(ui, "mention-new-actor", text = crate::text::quote::quoted(query.trim()));
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
            Err(e) => out.push(Action::Notice(e.to_string())),
        }
    }
}

/// Buttons moving the mention's edges a letter at a time, or to the selection.
fn edges(ui: &mut egui::Ui, input: &InspectorInput<'_>, layer: &Layer, id: MentionId, out: &mut Vec<Action>) {
    let Some(m) = layer.mentions.get(&id) else { return };
    // Wrapped, so that the panel keeps its width (a wider panel would reflow the article).
    ui.horizontal_wrapped(|ui| {
        let text = &input.loaded.text;
        // Buttons name the logical ends: the start is the right edge of Arabic text.
        for (label, start, outward, help) in [
            (tr!(ui, "mention-start-minus"), true, false, tr!(ui, "mention-start-minus-help")),
            (tr!(ui, "mention-start-plus"), true, true, tr!(ui, "mention-start-plus-help")),
            (tr!(ui, "mention-end-minus"), false, false, tr!(ui, "mention-end-minus-help")),
            (tr!(ui, "mention-end-plus"), false, true, tr!(ui, "mention-end-plus-help")),
        ] {
            if ui.small_button(label).on_hover_text(help).clicked() {
                push(out, coding::nudge_mention(layer, text, id, start, outward));
            }
        }
        let sel = input.selection.filter(|s| *s != m.span);
        let set = ui
            .add_enabled(sel.is_some(), egui::Button::new(tr!(ui, "mention-to-selection")).small())
            .on_hover_text(tr!(ui, "mention-to-selection-help"));
        if let Some(sel) = sel
            && set.clicked()
        {
            push(out, coding::set_mention_span(layer, text, id, sel));
        }
    });
}

/// For a mention with an empty date attribute (a TIME mention's normalized date): the date its words name
/// against the publication date ("مساء أمس" in an article of 29 June is the 28th), proposed with a button that
/// sets it. Nothing is set without the coder's click.
fn date_proposal(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: MentionId,
    defs: &[&AttributeDef],
    out: &mut Vec<Action>,
) {
    let m = &layer.mentions[&id];
    let Some(def) = defs.iter().find(|d| matches!(d.kind, AttributeKind::Date)) else { return };
    if m.attributes.contains_key(&def.id) {
        return;
    }
    let published = input.project.document(input.doc).and_then(|d| d.meta.as_ref()).map(|meta| meta.date.as_str());
    let Some(published) = published.and_then(crate::text::dates::CivilDate::parse) else { return };
    let Some(reading) = crate::text::dates::resolve(&quote(input.loaded, m.span), published) else { return };
    let language = ui.language();
    let part = reading.part.map_or(String::new(), |p| trl!(language, "date-part", part = part_name(p, language)));
    let first = if reading.start != reading.end && reading.precision == crate::text::dates::DatePrecision::Day {
        trl!(language, "date-first-day")
    } else {
        ""
    };
    ui.horizontal_wrapped(|ui| {
        let reads = reading.to_string();
        ui.label(tr!(ui, "date-reads-as", reading = reads, part = part, published = published.to_string()));
        let date = reading.partial_date();
        let button = ui.button(tr!(ui, "date-use", date = date.as_str(), first = first)).on_hover_text(tr!(
            ui,
            "date-use-help",
            attribute = def.name.as_str(),
            date = date.as_str()
        ));
        if button.clicked() {
            let value = AttrValue::Date(reading.partial_date());
            push(out, coding::set_mention_attribute(layer, id, &def.id, Some(value)));
        }
    });
}

/// A part of the day, in words.
fn part_name(part: crate::text::dates::DayPart, language: i18n::Language) -> &'static str {
    use crate::text::dates::DayPart;
    match part {
        DayPart::Dawn => trl!(language, "date-dawn"),
        DayPart::Morning => trl!(language, "date-morning"),
        DayPart::Noon => trl!(language, "date-noon"),
        DayPart::Afternoon => trl!(language, "date-afternoon"),
        DayPart::Evening => trl!(language, "date-evening"),
        DayPart::Night => trl!(language, "date-night"),
    }
}
