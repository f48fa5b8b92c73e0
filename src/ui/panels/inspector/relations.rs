//! The inspected mention's relations to other mentions: each as one line ("Affiliated with «الحرس الثوري
//! الإيراني»", or "«مليشيا أبو الفضل العباس» Affiliated with this" for one that points here) that inspects
//! the other mention when clicked, with a button that removes it and a drop-down that changes its type
//! (among the types its two ends allow); and how to make one (R, then a click).

use super::*;
use crate::model::RelationTypeId;
use crate::text::quote::quoted;
use crate::ui::Command;

/// The relations of mention `id` and the way to add one.
pub(super) fn mention_relations(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    layer: &Layer,
    id: MentionId,
    out: &mut Vec<Action>,
) {
    let schema = &input.project.config().schema;
    let language = crate::ui::i18n::language_of(ui);
    ui.label(RichText::new(crate::tr!(ui, "mention-relations")).strong());
    for (rid, r) in layer.mention_relations.iter().filter(|(_, r)| r.from == id || r.to == id) {
        let other = if r.from == id { r.to } else { r.from };
        let name = schema.relation_type(&r.relation_type).map_or(r.relation_type.as_str(), |t| t.name.as_str());
        let words = layer.mentions.get(&other).map(|m| quote(input.loaded, m.span)).unwrap_or_default();
        let (relation, words) = (name.to_owned(), quoted(&words));
        let line = if r.from == id {
            crate::trl!(language, "mention-relation-to", relation = relation, words = words)
        } else {
            crate::trl!(language, "mention-relation-from", relation = relation, words = words)
        };
        ui.horizontal(|ui| {
            let remove = ui
                .small_button("×")
                .on_hover_text(crate::tr!(ui, "mention-relation-remove-help"))
                .accessible_name(crate::trl!(language, "mention-relation-remove-name", id = rid.to_string()));
            if remove.clicked() {
                out.push(Action::Edit(Edit::PutMentionRelation(*rid, None)));
            }
            let ends = (layer.mentions.get(&r.from), layer.mentions.get(&r.to));
            if let (Some(from), Some(to)) = ends {
                let choices = coding::mention_relation_types(schema, &from.entity_type, &to.entity_type);
                if let Some(new) = type_choice(ui, schema, *rid, &r.relation_type, &choices) {
                    let changed = crate::model::MentionRelation { relation_type: new, ..r.clone() };
                    out.push(Action::Edit(Edit::PutMentionRelation(*rid, Some(changed))));
                }
            }
            let row = bidi_label(ui, &line, body(ui), egui::Sense::click())
                .on_hover_text(crate::tr!(ui, "mention-relation-inspect-help"));
            if row.clicked() {
                out.push(Action::Focus(Some(Focus::Mention(other))));
            }
        });
    }
    if input.relating == Some(id) {
        let style = LabelStyle { color: ui.visuals().strong_text_color(), ..body(ui) };
        bidi_label(ui, crate::trl!(language, "mention-relating"), style, egui::Sense::hover());
    } else if ui.button(crate::tr!(ui, "mention-relate")).clicked() {
        out.push(Action::Command(Command::RelateMention));
    }
}

/// A drop-down of the relation types `choices` for relation `id` (shown only when there is another type to
/// choose); returns the type chosen when it differs from `current`.
pub(super) fn type_choice(
    ui: &mut egui::Ui,
    schema: &crate::model::Schema,
    id: crate::model::RelationId,
    current: &RelationTypeId,
    choices: &[&RelationTypeId],
) -> Option<RelationTypeId> {
    if !choices.iter().any(|c| *c != current) {
        return None;
    }
    let name = |t: &RelationTypeId| schema.relation_type(t).map_or_else(|| t.to_string(), |d| d.name.clone());
    let names: Vec<String> = choices.iter().map(|t| name(t)).collect();
    let width = crate::ui::fit::combo_width(ui, names.iter().map(String::as_str));
    let mut chosen = None;
    egui::ComboBox::from_id_salt(("relation-type", id.0))
        .width(width)
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for (t, n) in choices.iter().zip(&names) {
                if ui.selectable_label(*t == current, n).clicked() && *t != current {
                    chosen = Some((*t).clone());
                }
            }
        })
        .response
        .accessible_name(crate::trl!(crate::ui::i18n::language_of(ui), "relation-type-name", id = id.to_string()));
    chosen
}
