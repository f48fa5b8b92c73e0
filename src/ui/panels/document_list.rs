//! The list of the project's documents: those assigned to the coder first, under their own heading.

use crate::model::{DocId, DocStatus};
use crate::store::Project;
use crate::ui::bidi_label::selectable_row_with_detail;
use crate::ui::i18n::{LangOf, Language};
use crate::workflow::assignments::DocOrder;
use crate::{tr, trl};
use eframe::egui;

/// One row of the list.
enum Row {
    Heading(&'static str),
    Document(usize),
}

/// Row `r` of the list: with documents assigned to the coder, a heading, theirs, a heading, the others;
/// else just the documents. Computed per row, so that a list of 10,000 documents builds nothing per frame.
fn row(order: &DocOrder, r: usize) -> Option<Row> {
    if order.mine.is_empty() {
        return order.others.get(r).map(|&i| Row::Document(i));
    }
    let mine = order.mine.len();
    match r {
        0 => Some(Row::Heading("documents-mine")),
        r if r <= mine => Some(Row::Document(order.mine[r - 1])),
        r if r == mine + 1 => Some(Row::Heading("documents-others")),
        r => order.others.get(r - mine - 2).map(|&i| Row::Document(i)),
    }
}

/// Draws the document list in `order`; returns the document clicked.
pub fn document_list(ui: &mut egui::Ui, project: &Project, order: &DocOrder, shown: Option<&DocId>) -> Option<DocId> {
    crate::ui::i18n::line(ui, egui::RichText::new(tr!(ui, "documents-heading")).heading());
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.9 + 2.0 * ui.spacing().button_padding.y;
    let headings = if order.mine.is_empty() { 0 } else { 2 };
    let rows = project.documents().len() + headings;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, rows, |ui, rows| {
        for r in rows {
            match row(order, r) {
                Some(Row::Heading(id)) => {
                    let text =
                        if id == "documents-mine" { tr!(ui, "documents-mine") } else { tr!(ui, "documents-others") };
                    // As tall as a document row, so that the list scrolls by whole rows.
                    let size = egui::vec2(ui.available_width(), row_height);
                    let layout = if ui.language().is_rtl() {
                        egui::Layout::right_to_left(egui::Align::Center)
                    } else {
                        egui::Layout::left_to_right(egui::Align::Center)
                    };
                    ui.allocate_ui_with_layout(size, layout, |ui| {
                        ui.set_min_height(row_height);
                        ui.strong(text);
                    });
                }
                Some(Row::Document(i)) => {
                    if let Some(id) = document_row(ui, project, i, shown) {
                        clicked = Some(id);
                    }
                }
                None => {}
            }
        }
    });
    clicked
}

/// One document's row: its title and the coder's progress; returns its id when clicked.
fn document_row(ui: &mut egui::Ui, project: &Project, i: usize, shown: Option<&DocId>) -> Option<DocId> {
    let doc = &project.documents()[i];
    // Drawn with the bidi pass beside the title: logical order.
    let language = ui.language();
    let progress = match project.summary(i) {
        Some(s) => trl!(
            language,
            "documents-progress",
            status = status_name(s.status, language),
            mentions = s.mentions,
            events = s.events
        ),
        None => trl!(language, "documents-unreadable").to_owned(),
    };
    let (text, color) = if doc.is_broken() {
        (format!("! {}", doc.title()), ui.visuals().error_fg_color)
    } else {
        (doc.title().to_owned(), ui.visuals().text_color())
    };
    let response = selectable_row_with_detail(ui, shown == Some(&doc.id), &text, Some(&progress), color)
        .on_hover_text(doc.id.as_str());
    response.clicked().then(|| doc.id.clone())
}

/// A document's status in `language`.
pub fn status_name(status: DocStatus, language: Language) -> &'static str {
    match status {
        DocStatus::New => trl!(language, "status-new"),
        DocStatus::InProgress => trl!(language, "status-in-progress"),
        DocStatus::Done => trl!(language, "status-done"),
    }
}
