//! A LOCATION mention's place (issue 19): the linked place (names, governorate, coordinates) with Unlink, a
//! search over the project's places and the gazetteer's to link another, and the command that links every
//! unlinked LOCATION mention of the document at once.

use super::*;
use crate::ui::Command;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::windows::places::place_line;
use crate::workflow::places::{Gazetteer, PlaceMatch, find_places, link_edit, resolve_place};

/// How many candidates the search lists.
const SHOWN: usize = 6;

/// The place section of a LOCATION mention.
pub(super) fn place_link(
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
    ui.label(RichText::new(tr!(ui, "mention-place")).strong());
    if let Some(place_id) = &m.place {
        // The name on its own line (it wraps in a narrow panel), then the coordinates and Unlink.
        match project.places().places.get(place_id) {
            Some(place) => bidi_label(ui, &place_line(place), body(ui), egui::Sense::hover()),
            None => ui.weak(tr!(ui, "mention-place-missing", id = place_id.as_str())),
        }
        .on_hover_text(place_id.as_str());
        ui.horizontal_wrapped(|ui| {
            if let Some((lat, lon)) = project.places().places.get(place_id).and_then(|p| p.coordinates()) {
                let (latitude, longitude) = (format!("{lat:.5}"), format!("{lon:.5}"));
                ui.label(tr!(ui, "mention-place-at", latitude = latitude, longitude = longitude));
            }
            if ui.small_button(tr!(ui, "mention-unlink")).clicked() {
                push(out, coding::change_mention(layer, id, |m| m.place = None));
            }
        });
    }
    let key = format!("m{}/place", id.0);
    let typed = state.drafts.entry(key).or_default();
    let hint = tr!(ui, "places-search-hint");
    ui.add(BidiTextEdit::singleline(typed).hint_text(hint)).accessible_name(tr!(ui, "mention-search-places"));
    let query = if typed.trim().is_empty() { text.to_owned() } else { typed.clone() };
    let gazetteer = Gazetteer::builtin();
    if state.place_matches.as_ref().is_none_or(|(q, _)| *q != query) {
        let mut found = find_places(project.places(), gazetteer, &query);
        // Until the coder types, the place the mention's own words name (read past `مدينة`, clitics, a missing
        // space) comes first: it is what Link places in this document would link.
        if typed.trim().is_empty()
            && let Some(named) = resolve_place(project.places(), gazetteer, text)
        {
            found.retain(|m| m.id != named.id);
            found.insert(0, named);
        }
        state.place_matches = Some((query.clone(), found));
    }
    let matches: Vec<PlaceMatch> =
        state.place_matches.as_ref().map(|(_, m)| m.iter().take(SHOWN).cloned().collect()).unwrap_or_default();
    for found in &matches {
        let mut label = place_line(&found.place);
        if !found.in_project {
            label.push_str(trl!(ui, "place-from-gazetteer"));
        }
        let linked = m.place.as_ref() == Some(&found.id);
        let row = selectable_row(ui, linked, &label, ui.visuals().text_color()).on_hover_text(found.id.as_str());
        if row.clicked() && !linked {
            match link_edit(project, input.doc, id, &found.id, gazetteer) {
                Ok(edit) => out.push(Action::Project(edit)),
                Err(e) => out.push(Action::Notice(e.to_string())),
            }
        }
    }
    if matches.is_empty() {
        ui.weak(tr!(ui, "mention-no-place"));
    }
    if ui.button(tr!(ui, "cmd-link-places")).on_hover_text(tr!(ui, "cmd-link-places-help")).clicked() {
        out.push(Action::Command(Command::LinkPlaces));
    }
}
