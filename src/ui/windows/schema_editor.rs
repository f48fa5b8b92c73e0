//! The schema editor: add, rename, recolour and re-key entity types, event types and roles. The coder edits
//! a draft; Apply makes it one undoable edit, refused while the draft has problems. Ids never change, so
//! renaming keeps every annotation valid.

use crate::model::{EntityType, EntityTypeId, EventType, EventTypeId, Rgb, Role, RoleId, Schema};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui::{self, RichText};

/// The editor's draft of the schema.
#[derive(Default)]
pub struct SchemaEditor {
    draft: Option<Schema>,
    /// The project's schema the draft started from.
    draft_from: Option<Schema>,
}

/// Keys the window uses itself (E chooses an event type; Tab, Enter and Backspace review suggestions) and
/// characters that are not a letter or digit cannot be given to a type.
fn reserved_keys(schema: &Schema) -> Vec<(String, String)> {
    let keys = schema
        .entity_types
        .iter()
        .map(|t| (t.key, t.id.as_str()))
        .chain(schema.event_types.iter().map(|t| (t.key, t.id.as_str())));
    keys.filter_map(|(key, id)| {
        let k = key?;
        if k.eq_ignore_ascii_case(&'e') {
            Some((id.to_owned(), format!("key `{k}` of `{id}` is taken by New event (E)")))
        } else if k.eq_ignore_ascii_case(&'r') {
            Some((id.to_owned(), format!("key `{k}` of `{id}` is taken by Relate to another mention (R)")))
        } else if !k.is_ascii_alphanumeric() {
            Some((id.to_owned(), format!("key `{k}` of `{id}` is not a letter or digit")))
        } else {
            None
        }
    })
    .collect()
}

fn key_field(ui: &mut egui::Ui, key: &mut Option<char>, owner: &str) {
    let mut text = key.map(String::from).unwrap_or_default();
    let field = BidiTextEdit::singleline(&mut text).desired_width(24.0).char_limit(1);
    if ui.add(field).accessible_name(format!("Key of {owner}")).changed() {
        *key = text.chars().next();
    }
}

/// A text field as wide as the longest of `texts` (at least `min`): inside a grid, egui would give a field
/// only its column's width of the last frame, which starts at the narrowest ("Acto" for "Actor").
fn fitting_width<'a>(ui: &egui::Ui, texts: impl IntoIterator<Item = &'a str>, min: f32) -> f32 {
    let widest =
        texts.into_iter().map(|t| crate::ui::fit::text_width(ui, t, egui::TextStyle::Body)).fold(0.0, f32::max);
    // The field's inner margins, and room for a few more letters while typing.
    (widest + 2.0 * ui.spacing().button_padding.x + 24.0).max(min)
}

/// A grid's row of column headings, strong (a section's grid) or weak (a grid inside a section).
fn heading_row<S: Into<String>>(ui: &mut egui::Ui, headings: impl IntoIterator<Item = S>, strong: bool) {
    for h in headings {
        let text = RichText::new(h);
        ui.label(if strong { text.strong() } else { text.weak() });
    }
    ui.end_row();
}

/// The entity types' grid: id (editable while the type is new in this draft), names, colour, key.
fn entity_type_rows(ui: &mut egui::Ui, draft: &mut Schema, schema: &Schema) {
    let mut renamed = None;
    egui::Grid::new("entity-types").striped(true).show(ui, |ui| {
        let headings = [
            tr!(ui, "schema-id"),
            tr!(ui, "schema-name"),
            tr!(ui, "schema-arabic-name"),
            tr!(ui, "schema-colour"),
            tr!(ui, "schema-key"),
        ];
        heading_row(ui, headings, true);
        let name_width = fitting_width(ui, draft.entity_types.iter().map(|t| t.name.as_str()), 100.0);
        let ar_width = fitting_width(ui, draft.entity_types.iter().map(|t| t.name_ar.as_str()), 80.0);
        for t in &mut draft.entity_types {
            let id = t.id.to_string();
            if schema.entity_type(&t.id).is_none() {
                if let Some(new) = id_field(ui, &id) {
                    renamed = Some((id.clone(), new));
                }
            } else {
                ui.label(&id);
            }
            text_field(ui, &mut t.name, name_width, format!("Name of {id}"));
            text_field(ui, &mut t.name_ar, ar_width, format!("Arabic name of {id}"));
            color_field(ui, &mut t.color, &id);
            key_field(ui, &mut t.key, &id);
            ui.end_row();
        }
    });
    if let Some((old, new)) = renamed {
        rename_type(draft, &old, &new);
    }
}

/// The id of a type added in this draft, which can be typed until the schema is applied (an applied type's id
/// is written in annotation files and stays). What is typed becomes an id: upper case, spaces and dashes as
/// `_`, other characters dropped. Returns the new id when it changed.
fn id_field(ui: &mut egui::Ui, id: &str) -> Option<String> {
    let mut text = id.to_owned();
    let width = fitting_width(ui, [id], 90.0);
    let field = ui.add(BidiTextEdit::singleline(&mut text).desired_width(width)).accessible_name(format!("Id of {id}"));
    let clean = crate::formats::schema_additions::type_id(&text);
    (field.changed() && !clean.is_empty() && clean != id).then_some(clean)
}

/// Gives the type `old` of the draft the id `new`, and every place of the draft that names it (roles' types,
/// attributes' types, relation types' ends) the same.
fn rename_type(draft: &mut Schema, old: &str, new: &str) {
    for t in &mut draft.entity_types {
        if t.id.as_str() == old {
            t.id = EntityTypeId::new(new);
        }
    }
    for t in &mut draft.event_types {
        if t.id.as_str() == old {
            t.id = EventTypeId::new(new);
        }
        for allowed in t.roles.iter_mut().flat_map(|r| r.allowed.iter_mut()) {
            if allowed.as_str() == old {
                *allowed = EntityTypeId::new(new);
            }
        }
    }
    for types in draft.attributes.iter_mut().map(|a| &mut a.types) {
        types.iter_mut().filter(|t| *t == old).for_each(|t| *t = new.to_owned());
    }
    for r in &mut draft.relation_types {
        if let crate::model::RelationEnds::Mentions { from, to } = &mut r.between {
            from.iter_mut()
                .chain(to.iter_mut())
                .filter(|t| t.as_str() == old)
                .for_each(|t| *t = EntityTypeId::new(new));
        }
    }
}

/// A one-line text field `width` wide, named for screen readers (and tests) `name`.
fn text_field(ui: &mut egui::Ui, text: &mut String, width: f32, name: String) {
    ui.add(BidiTextEdit::singleline(text).desired_width(width)).accessible_name(name);
}

fn color_field(ui: &mut egui::Ui, color: &mut Rgb, owner: &str) {
    let mut rgb = color.0;
    if ui.color_edit_button_srgb(&mut rgb).accessible_name(format!("Colour of {owner}")).changed() {
        *color = Rgb(rgb);
    }
}

/// An id for a new type or role made from its name: upper case for types, as the default schema does.
fn fresh_id(name: &str, taken: impl Fn(&str) -> bool, upper: bool) -> String {
    let base = crate::model::slugify(name).replace('-', "_");
    let base = if upper { base.to_uppercase() } else { base };
    let base = if base.is_empty() { "NEW".to_owned() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

impl SchemaEditor {
    /// Draws the editor for `schema` (the project's current one).
    fn draw(&mut self, ui: &mut egui::Ui, schema: &Schema, out: &mut Vec<Action>) {
        if self.draft_from.as_ref() != Some(schema) {
            // The schema changed under the draft (applied, or undone): start again from it.
            self.draft = Some(schema.clone());
            self.draft_from = Some(schema.clone());
        }
        let draft = self.draft.get_or_insert_with(|| schema.clone());
        let mut problems = draft.problems();
        problems.extend(reserved_keys(draft));
        ui.horizontal(|ui| {
            let changed = draft != schema;
            if ui.add_enabled(changed && problems.is_empty(), egui::Button::new(tr!(ui, "schema-apply"))).clicked() {
                out.push(Action::Project(crate::model::ProjectEdit::SetSchema(Box::new(draft.clone()))));
            }
            if ui.add_enabled(changed, egui::Button::new(tr!(ui, "button-revert"))).clicked() {
                *draft = schema.clone();
            }
            ui.weak(tr!(ui, "schema-ids"));
        });
        for (_, problem) in &problems {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading(tr!(ui, "schema-entity-types"));
            entity_type_rows(ui, draft, schema);
            if ui.button(tr!(ui, "schema-add-entity")).clicked() {
                let id = fresh_id("NEW TYPE", |id| draft.entity_types.iter().any(|t| t.id.as_str() == id), true);
                draft.entity_types.push(EntityType {
                    id: EntityTypeId::new(id),
                    name: "New type".into(),
                    name_ar: String::new(),
                    color: Rgb([0x88, 0x88, 0x88]),
                    key: None,
                    description: String::new(),
                });
            }
            ui.separator();
            ui.heading(tr!(ui, "schema-event-types"));
            let entity_ids: Vec<EntityTypeId> = draft.entity_types.iter().map(|t| t.id.clone()).collect();
            let mut renamed = None;
            for (i, t) in draft.event_types.iter_mut().enumerate() {
                let is_new = schema.event_type(&t.id).is_none();
                let old = t.id.to_string();
                if let Some(new) = ui.push_id(("event-type", i), |ui| event_type(ui, t, &entity_ids, is_new)).inner {
                    renamed = Some((old, new));
                }
            }
            if let Some((old, new)) = renamed {
                rename_type(draft, &old, &new);
            }
            if ui.button(tr!(ui, "schema-add-event")).clicked() {
                let id = fresh_id("NEW EVENT", |id| draft.event_types.iter().any(|t| t.id.as_str() == id), true);
                draft.event_types.push(EventType {
                    id: EventTypeId::new(id),
                    name: "New event".into(),
                    name_ar: String::new(),
                    key: None,
                    color: Rgb([0x55, 0x55, 0x55]),
                    roles: Vec::new(),
                    description: String::new(),
                });
            }
        });
    }

    /// Forgets the draft (after it was applied, or when the project changed).
    pub fn reset(&mut self) {
        self.draft = None;
        self.draft_from = None;
    }
}

/// An event type's row and roles; returns the new id typed for a type added in this draft.
fn event_type(ui: &mut egui::Ui, t: &mut EventType, entity_ids: &[EntityTypeId], is_new: bool) -> Option<String> {
    let mut renamed = None;
    ui.horizontal(|ui| {
        let id = t.id.to_string();
        if is_new {
            renamed = id_field(ui, &id);
        } else {
            ui.label(RichText::new(&id).strong());
        }
        ui.label(tr!(ui, "schema-name"));
        let width = fitting_width(ui, [t.name.as_str()], 140.0);
        text_field(ui, &mut t.name, width, format!("Name of {id}"));
        ui.label(tr!(ui, "schema-colour"));
        color_field(ui, &mut t.color, &id);
        ui.label(tr!(ui, "schema-key"));
        key_field(ui, &mut t.key, &id);
    });
    egui::Grid::new("roles").striped(true).show(ui, |ui| {
        let headings = [
            tr!(ui, "schema-role"),
            tr!(ui, "schema-name"),
            tr!(ui, "schema-takes"),
            tr!(ui, "schema-required"),
            tr!(ui, "schema-repeats"),
        ];
        heading_row(ui, headings, false);
        let width = fitting_width(ui, t.roles.iter().map(|r| r.name.as_str()), 90.0);
        for role in &mut t.roles {
            ui.label(role.id.as_str());
            text_field(ui, &mut role.name, width, format!("Name of role {}", role.id));
            ui.horizontal(|ui| {
                for e in entity_ids {
                    let mut on = role.allowed.contains(e);
                    let name = format!("{} takes {e}", role.id);
                    if ui.checkbox(&mut on, e.as_str()).accessible_name(name).changed() {
                        if on {
                            role.allowed.push(e.clone());
                        } else {
                            role.allowed.retain(|a| a != e);
                        }
                    }
                }
            });
            ui.checkbox(&mut role.required, "").accessible_name(format!("{} is required", role.id));
            ui.checkbox(&mut role.repeatable, "").accessible_name(format!("{} repeats", role.id));
            ui.end_row();
        }
    });
    if ui.small_button(tr!(ui, "schema-add-role")).clicked() {
        let id = fresh_id("Role", |id| t.roles.iter().any(|r| r.id.as_str() == id), false);
        t.roles.push(Role {
            id: RoleId::new(id),
            name: "New role".into(),
            allowed: entity_ids.first().cloned().into_iter().collect(),
            required: false,
            repeatable: false,
        });
    }
    ui.separator();
    renamed
}

impl ToolWindow for SchemaEditor {
    fn kind(&self) -> &'static str {
        "schema"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-schema").into()
    }

    fn min_width(&self) -> f32 {
        600.0 // a type with its key, colour and roles on one row
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(760.0, 520.0)
    }

    fn scrolls(&self) -> bool {
        false // its lists scroll themselves
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        self.draw(ui, &session.project().config().schema, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RelationEnds, default_conflict_schema};

    #[test]
    fn typed_ids_are_upper_case_with_underscores() {
        assert_eq!(crate::formats::schema_additions::type_id(" militia-fighters 2 "), "MILITIA_FIGHTERS_2");
        assert_eq!(crate::formats::schema_additions::type_id("حصار siege!"), "_SIEGE");
        assert_eq!(crate::formats::schema_additions::type_id("!!"), "");
    }

    #[test]
    fn renaming_a_new_type_renames_every_place_of_the_draft_that_names_it() {
        let mut draft = default_conflict_schema();
        rename_type(&mut draft, "ACTOR", "ARMED_ACTOR");
        assert!(draft.entity_type(&"ARMED_ACTOR".into()).is_some());
        let attack = draft.event_type(&"ATTACK".into()).unwrap();
        assert!(attack.roles.iter().any(|r| r.allowed.contains(&"ARMED_ACTOR".into())));
        assert!(!attack.roles.iter().any(|r| r.allowed.contains(&"ACTOR".into())));
        let affiliated = draft.relation_type(&"AFFILIATED_WITH".into()).unwrap();
        assert_eq!(
            affiliated.between,
            RelationEnds::Mentions { from: vec!["ARMED_ACTOR".into()], to: vec!["ARMED_ACTOR".into()] }
        );
        rename_type(&mut draft, "ATTACK", "ASSAULT");
        assert!(draft.event_type(&"ASSAULT".into()).is_some());
        assert!(draft.problems().is_empty(), "{:?}", draft.problems());
    }
}
