//! The inspected mention's relations to other mentions: each as one line ("Affiliated with «الحرس الثوري
//! الإيراني»", or "«مليشيا أبو الفضل العباس» Affiliated with this" for one that points here) that inspects
//! the other mention when clicked, with a button that removes it; and how to make one (R, then a click).

use super::*;
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
    ui.label(RichText::new("Relations").strong());
    for (rid, r) in layer.mention_relations.iter().filter(|(_, r)| r.from == id || r.to == id) {
        let other = if r.from == id { r.to } else { r.from };
        let name = schema.relation_type(&r.relation_type).map_or(r.relation_type.as_str(), |t| t.name.as_str());
        let words = layer.mentions.get(&other).map(|m| quote(input.loaded, m.span)).unwrap_or_default();
        let line =
            if r.from == id { format!("{name} {}", quoted(&words)) } else { format!("{} {name} this", quoted(&words)) };
        ui.horizontal(|ui| {
            let remove = ui
                .small_button("×")
                .on_hover_text("Remove this relation")
                .accessible_name(format!("Remove relation {rid}"));
            if remove.clicked() {
                out.push(Action::Edit(Edit::PutMentionRelation(*rid, None)));
            }
            let row = bidi_label(ui, &line, body(ui), egui::Sense::click()).on_hover_text("Inspect the other mention");
            if row.clicked() {
                out.push(Action::Focus(Some(Focus::Mention(other))));
            }
        });
    }
    if input.relating == Some(id) {
        let style = LabelStyle { color: ui.visuals().strong_text_color(), ..body(ui) };
        bidi_label(ui, "Relating: click the mention it is related to (Esc stops)", style, egui::Sense::hover());
    } else if ui.button("Relate to another mention (R)").clicked() {
        out.push(Action::Command(Command::RelateMention));
    }
}
