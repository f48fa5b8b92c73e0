//! The "Types the schema lacks" list of File > Import annotations: each label of the file that the schema
//! has no type for, with a drop-down to map it onto one of the schema's types or to add it as a new type
//! (the default). What it resolves to is [`Resolved`]: the mapping, and the schema with the added types,
//! which the import changes together with the layers in one undoable edit.

use crate::formats::found_types::FoundTypes;
use crate::formats::schema_additions::{self, LabelKind, Missing};
use crate::formats::type_labels::LabelMap;
use crate::model::Schema;
use crate::ui::bidi_label::{LabelStyle, bidi_label, text_width};
use crate::{tr, trl};
use eframe::egui;
use std::collections::BTreeMap;

/// The file's labels and the coder's choices for those the schema lacks.
#[derive(Default)]
pub struct TypeChoices {
    /// What the found types were read from (format, path), so they are read again only when it changes.
    key: String,
    /// The labels the file declares or uses.
    found: FoundTypes,
    /// The type id each mapped label is read as; a missing label not in here is added.
    mapped: BTreeMap<String, String>,
}

/// What the choices make of the schema and the labels.
pub struct Resolved {
    /// The labels' mapping onto types, the added ones included.
    pub map: LabelMap,
    /// The schema with the added types, when any are added.
    pub schema: Option<Schema>,
    /// What is added, one line each.
    pub added: Vec<String>,
}

impl TypeChoices {
    /// Reads the file's labels with `read` when `key` (what they are read from) changed; the choices made
    /// for another file are forgotten.
    pub fn refresh(&mut self, key: String, read: impl FnOnce() -> FoundTypes) {
        if self.key != key {
            self.found = read();
            self.mapped.clear();
            self.key = key;
        }
    }

    /// A text that changes whenever a choice does, for knowing when to plan the import again.
    pub fn fingerprint(&self) -> String {
        format!("{}|{:?}", self.key, self.mapped)
    }

    /// The mapping and the schema the choices make.
    pub fn resolve(&self, schema: &Schema) -> Resolved {
        let map: LabelMap = self.mapped.clone();
        if schema_additions::missing(schema, &map, &self.found).is_empty() {
            return Resolved { map, schema: None, added: Vec::new() };
        }
        let additions = schema_additions::add_missing(schema, &map, &self.found);
        Resolved { map: additions.map, schema: Some(additions.schema), added: additions.added }
    }

    /// Draws a row per label the schema lacks (nothing when it lacks none).
    pub fn show(&mut self, ui: &mut egui::Ui, schema: &Schema) {
        let missing = schema_additions::missing(schema, &LabelMap::new(), &self.found);
        if missing.is_empty() {
            return;
        }
        ui.separator();
        // With the bidi pass, which wraps Arabic right (egui would wrap the visual order, last words first).
        let size = egui::TextStyle::Body.resolve(ui.style()).size;
        let strong = LabelStyle { size, color: ui.visuals().strong_text_color(), single_line: false };
        bidi_label(ui, &trl!(ui, "import-types-heading", count = missing.len()), strong, egui::Sense::hover());
        let weak = LabelStyle { color: ui.visuals().weak_text_color(), ..strong };
        bidi_label(ui, trl!(ui, "import-types-hint"), weak, egui::Sense::hover());
        egui::ScrollArea::vertical()
            .id_salt("import-types")
            .max_height(180.0)
            .show(ui, |ui| self.rows(ui, schema, &missing));
    }

    /// The grid of labels and their drop-downs.
    fn rows(&mut self, ui: &mut egui::Ui, schema: &Schema, missing: &[Missing]) {
        egui::Grid::new("import-type-choices").striped(true).show(ui, |ui| {
            for label in missing {
                // The body size, in which text_width measures.
                let size = egui::TextStyle::Body.resolve(ui.style()).size;
                let style = LabelStyle { size, color: ui.visuals().text_color(), single_line: true };
                // As wide as the label: a bidi label takes the width it is given, and a grid's cell grows to
                // what its widgets took, so given the rest of the row the window would widen every frame.
                let size = egui::vec2(text_width(ui.ctx(), &label.label) + 4.0, ui.spacing().interact_size.y);
                ui.allocate_ui(size, |ui| bidi_label(ui, &label.label, style, egui::Sense::hover()));
                self.chooser(ui, schema, label);
                ui.end_row();
            }
        });
    }

    /// The drop-down of one label: add it, or one of the schema's types of its kind (entity and event labels
    /// both take entity and event types: not every format tells a trigger from a mention).
    fn chooser(&mut self, ui: &mut egui::Ui, schema: &Schema, missing: &Missing) {
        let add: String = match missing.kind {
            LabelKind::Entity => tr!(ui, "import-types-add-entity"),
            LabelKind::Event => tr!(ui, "import-types-add-event"),
            LabelKind::Relation => tr!(ui, "import-types-add-relation"),
        }
        .into();
        let types: Vec<(String, String)> = match missing.kind {
            LabelKind::Relation => schema.relation_types.iter().map(|t| (t.id.to_string(), t.name.clone())).collect(),
            _ => {
                let entities = schema.entity_types.iter().map(|t| (t.id.to_string(), t.name.clone()));
                entities.chain(schema.event_types.iter().map(|t| (t.id.to_string(), t.name.clone()))).collect()
            }
        };
        let current = self.mapped.get(&missing.label);
        let shown = current.and_then(|id| types.iter().find(|(t, _)| t == id)).map_or(add.clone(), |(_, n)| n.clone());
        let width = crate::ui::fit::combo_width(ui, types.iter().map(|(_, n)| n.as_str()).chain([add.as_str()]));
        let mut choice = None;
        egui::ComboBox::from_id_salt(("import-type", missing.label.as_str()))
            .width(width)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), add.as_str()).clicked() {
                    choice = Some(None);
                }
                for (id, name) in &types {
                    if ui.selectable_label(current == Some(id), name).clicked() {
                        choice = Some(Some(id.clone()));
                    }
                }
            })
            .response
            .accessible_name(format!("Type for label {}", missing.label));
        match choice {
            Some(Some(id)) => {
                self.mapped.insert(missing.label.clone(), id);
            }
            Some(None) => {
                self.mapped.remove(&missing.label);
            }
            None => {}
        }
    }
}
