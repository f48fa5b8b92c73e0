//! The place registry window (issue 19): the project's places, searched as LOCATION mentions are linked
//! (`workflow::places::find_places`, which also offers the gazetteer's places, marked, to add); each place's
//! fields edited and saved as one project edit; a new place; removing one, refused while mentions link to it.
//! Every change is one edit, undoable.

use crate::model::{Place, PlaceId, PlaceKind, ProjectEdit};
use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::bidi_label::selectable_row;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::places::{Gazetteer, create_place, find_places, remove_place};
use crate::{tr, trl};
use eframe::egui;

/// The window's state: the search, the selected place and its unsaved edits.
#[derive(Default)]
pub struct PlacesWindow {
    /// What the user searches for.
    pub query: String,
    selected: Option<PlaceId>,
    /// The selected place as being edited (saved with one edit).
    draft: Option<Place>,
    /// The registry's version the draft started from.
    draft_from: Option<Place>,
    /// The numbers as typed (latitude, longitude, GeoNames id), checked when saved.
    numbers: [String; 3],
    /// The variants, one a line.
    variants: String,
}

impl PlacesWindow {
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let hint = tr!(ui, "places-search-hint");
            let name = tr!(ui, "places-search");
            ui.add(BidiTextEdit::singleline(&mut self.query).hint_text(hint).desired_width(220.0))
                .accessible_name(name);
            if ui.button(tr!(ui, "places-new")).on_hover_text(tr!(ui, "places-new-help")).clicked() {
                let name = if self.query.trim().is_empty() { "New place" } else { self.query.trim() };
                let (edit, id) = create_place(project, name, PlaceKind::Other);
                out.push(Action::Project(edit));
                self.select(Some(id), None);
            }
        });
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("place-list")
                .auto_shrink(false)
                .show(&mut cols[0], |ui| self.list(ui, project, out));
            let ui = &mut cols[1];
            if let Some(id) = &self.selected {
                match project.places().places.get(id) {
                    None if self.draft_from.is_some() => self.select(None, None),
                    None => {}
                    Some(place) if self.draft_from.as_ref() != Some(place) => {
                        self.select(Some(id.clone()), Some(place.clone()))
                    }
                    Some(_) => {}
                }
            }
            // The fields are taller than the window: they scroll, with Save and Remove under them.
            egui::ScrollArea::vertical().id_salt("place-editor").auto_shrink(false).show(ui, |ui| {
                match self.selected.clone() {
                    Some(id) if self.draft.is_some() => self.editor(ui, project, &id, out),
                    _ => {
                        ui.weak(tr!(ui, "places-select"));
                    }
                }
            });
        });
    }

    /// The project's places (or the search's matches, gazetteer places among them, to add).
    fn list(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<Action>) {
        let rows: Vec<(PlaceId, Place, bool)> = if self.query.trim().is_empty() {
            project.places().places.iter().map(|(id, p)| (id.clone(), p.clone(), true)).collect()
        } else {
            let found = find_places(project.places(), Gazetteer::builtin(), &self.query);
            found.into_iter().map(|m| (m.id, m.place, m.in_project)).collect()
        };
        for (id, place, in_project) in &rows {
            let mut label = place_line(place);
            if !in_project {
                label.push_str(trl!(ui, "place-from-gazetteer"));
            }
            let selected = self.selected.as_ref() == Some(id);
            if selectable_row(ui, selected, &label, ui.visuals().text_color()).on_hover_text(id.as_str()).clicked() {
                if !in_project {
                    // A gazetteer place is added to the project as it is, then edited like the others.
                    out.push(Action::Project(ProjectEdit::PutPlace(id.clone(), Some(place.clone()))));
                }
                self.select(Some(id.clone()), in_project.then(|| place.clone()));
            }
        }
        if rows.is_empty() {
            ui.weak(tr!(ui, "mention-no-place"));
        }
    }

    /// Selects a place (or none) for editing; `None` for a place being added, taken when it appears.
    pub fn select(&mut self, id: Option<PlaceId>, place: Option<Place>) {
        self.selected = id;
        self.draft_from = place.clone();
        self.numbers = [
            place.as_ref().and_then(|p| p.latitude).map(|v| v.to_string()).unwrap_or_default(),
            place.as_ref().and_then(|p| p.longitude).map(|v| v.to_string()).unwrap_or_default(),
            place.as_ref().and_then(|p| p.geonames).map(|v| v.to_string()).unwrap_or_default(),
        ];
        self.variants = place.as_ref().map(|p| p.variants.join("\n")).unwrap_or_default();
        self.draft = place;
    }

    /// The selected place's fields, Save, Revert and Remove.
    fn editor(&mut self, ui: &mut egui::Ui, project: &Project, id: &PlaceId, out: &mut Vec<Action>) {
        let Some(draft) = self.draft.as_mut() else { return };
        ui.weak(format!("id: {id}"));
        fields(ui, draft, &mut self.numbers, &mut self.variants);
        let current = draft.clone();
        let edited = self.draft_from.as_ref().is_some_and(|saved| {
            let mut whole = current.clone();
            whole.variants = lines(&self.variants);
            whole != *saved || numbers_of(saved) != self.numbers
        });
        let mut revert = false;
        ui.horizontal(|ui| {
            if ui.add_enabled(edited, egui::Button::new(tr!(ui, "actors-save"))).clicked() {
                match finished(&current, &self.numbers, &self.variants) {
                    Ok(place) => out.push(Action::Project(ProjectEdit::PutPlace(id.clone(), Some(place)))),
                    Err(why) => out.push(Action::Notice(trl!(ui, "places-not-saved", why = why))),
                }
            }
            revert = ui.add_enabled(edited, egui::Button::new(tr!(ui, "button-revert"))).clicked();
            if ui.button(tr!(ui, "places-remove")).on_hover_text(tr!(ui, "places-remove-help")).clicked() {
                out.push(match remove_place(project, id) {
                    Ok(edit) => Action::Project(edit),
                    Err(in_use) => Action::Notice(in_use.to_string()),
                });
            }
        });
        if revert {
            let saved = self.draft_from.clone();
            self.select(Some(id.clone()), saved);
        }
    }
}

/// A place in one line: its Latin and Arabic names and its governorate.
pub(crate) fn place_line(place: &Place) -> String {
    let mut line = place.name.clone();
    if !place.name_ar.is_empty() {
        line.push_str(" — ");
        line.push_str(&place.name_ar);
    }
    if !place.admin1.is_empty() && place.admin1 != place.name {
        line.push_str(" · ");
        line.push_str(&place.admin1);
    }
    line
}

/// The numbers of a saved place as the editor shows them.
fn numbers_of(place: &Place) -> [String; 3] {
    [
        place.latitude.map(|v| v.to_string()).unwrap_or_default(),
        place.longitude.map(|v| v.to_string()).unwrap_or_default(),
        place.geonames.map(|v| v.to_string()).unwrap_or_default(),
    ]
}

/// The non-empty lines of a text, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// The draft with its numbers and variants read from what was typed, or why it cannot be saved.
fn finished(draft: &Place, numbers: &[String; 3], variants: &str) -> Result<Place, String> {
    let mut place = draft.clone();
    if place.name.trim().is_empty() {
        return Err("a place needs a name in Latin letters".into());
    }
    let number = |text: &str, what: &str| -> Result<Option<f64>, String> {
        let text = text.trim();
        (!text.is_empty())
            .then(|| text.parse::<f64>().map_err(|_| format!("{what} `{text}` is not a number")))
            .transpose()
    };
    place.latitude = number(&numbers[0], "latitude")?;
    place.longitude = number(&numbers[1], "longitude")?;
    let gn = numbers[2].trim();
    place.geonames = (!gn.is_empty())
        .then(|| gn.parse::<u64>().map_err(|_| format!("GeoNames id `{gn}` is not a number")))
        .transpose()?;
    place.variants = lines(variants);
    Ok(place)
}

/// The fields of the place: names, kind, country, admin1-3, coordinates, GeoNames id, variants, notes.
fn fields(ui: &mut egui::Ui, draft: &mut Place, numbers: &mut [String; 3], variants: &mut String) {
    egui::Grid::new("place-editor").num_columns(2).show(ui, |ui| {
        let text_row = |ui: &mut egui::Ui, label: &str, value: &mut String| {
            ui.label(label);
            ui.add(BidiTextEdit::singleline(value)).accessible_name(label);
            ui.end_row();
        };
        text_row(ui, tr!(ui, "places-name"), &mut draft.name);
        text_row(ui, tr!(ui, "places-name-ar"), &mut draft.name_ar);
        ui.label(tr!(ui, "actors-kind"));
        egui::ComboBox::from_id_salt("place-kind")
            .selected_text(format!("{:?}", draft.kind))
            .show_ui(ui, |ui| {
                for kind in PlaceKind::ALL {
                    ui.selectable_value(&mut draft.kind, kind, format!("{kind:?}"));
                }
            })
            .response
            .accessible_name(tr!(ui, "actors-kind"));
        ui.end_row();
        text_row(ui, tr!(ui, "places-country"), &mut draft.country);
        text_row(ui, tr!(ui, "places-admin1"), &mut draft.admin1);
        text_row(ui, tr!(ui, "places-admin2"), &mut draft.admin2);
        text_row(ui, tr!(ui, "places-admin3"), &mut draft.admin3);
        let [lat, lon, gn] = numbers;
        text_row(ui, tr!(ui, "places-latitude"), lat);
        text_row(ui, tr!(ui, "places-longitude"), lon);
        text_row(ui, tr!(ui, "places-geonames"), gn);
        ui.label(tr!(ui, "places-variants"));
        ui.add(BidiTextEdit::multiline(variants)).accessible_name(tr!(ui, "places-variants"));
        ui.end_row();
        ui.label(tr!(ui, "column-notes"));
        ui.add(BidiTextEdit::multiline(&mut draft.notes)).accessible_name(tr!(ui, "column-notes"));
        ui.end_row();
    });
}

impl ToolWindow for PlacesWindow {
    fn kind(&self) -> &'static str {
        "places"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-places").into()
    }

    fn min_width(&self) -> f32 {
        560.0 // the list beside the editor
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(760.0, 520.0)
    }

    fn scrolls(&self) -> bool {
        false // its list scrolls itself
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        self.draw(ui, session.project(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_and_variants_are_read_when_saved_and_a_bad_number_is_refused() {
        let draft = Place::new("Al Shibli", PlaceKind::Village);
        let numbers = ["35.1".to_owned(), " 40.3 ".to_owned(), String::new()];
        let place = finished(&draft, &numbers, "الشبلي\n\n شبلي ").unwrap();
        assert_eq!(place.coordinates(), Some((35.1, 40.3)));
        assert_eq!(place.variants, ["الشبلي", "شبلي"]);
        let bad = ["35,1".to_owned(), String::new(), String::new()];
        assert_eq!(finished(&draft, &bad, "").unwrap_err(), "latitude `35,1` is not a number");
    }
}
