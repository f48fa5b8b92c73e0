//! The list of the project's documents.

use crate::model::DocId;
use crate::store::Project;
use crate::ui::bidi_label::selectable_row_with_detail;
use eframe::egui;

/// Draws the document list; returns the document clicked.
pub fn document_list(ui: &mut egui::Ui, project: &Project, shown: Option<&DocId>) -> Option<DocId> {
    ui.heading("Documents");
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.9 + 2.0 * ui.spacing().button_padding.y;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, project.documents().len(), |ui, rows| {
        for i in rows {
            let doc = &project.documents()[i];
            let progress = match project.summary(i) {
                Some(s) => format!("{}, {} mentions, {} events", s.status.as_str(), s.mentions, s.events),
                None => "layer unreadable".to_owned(),
            };
            let (text, color) = if doc.is_broken() {
                (format!("! {}", doc.title()), ui.visuals().error_fg_color)
            } else {
                (doc.title().to_owned(), ui.visuals().text_color())
            };
            let response = selectable_row_with_detail(ui, shown == Some(&doc.id), &text, Some(&progress), color)
                .on_hover_text(doc.id.as_str());
            if response.clicked() {
                clicked = Some(doc.id.clone());
            }
        }
    });
    clicked
}
