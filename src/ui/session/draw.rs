//! Drawing the session: the document list, the inspector or review queue, the article, then the tool
//! windows. Panels and windows read the session and push actions; nothing here changes the project.

use super::Session;
use crate::tr;
use crate::ui::action::Action;
use crate::ui::i18n;
use crate::ui::panel_layout::{LEFT, PanelLayout, PanelWidth, RIGHT};
use crate::ui::panels::{self, InspectorInput};
use eframe::egui;

impl Session {
    /// Draws the side panels, the article and the tool windows, pushing what the coder asks for.
    pub fn draw(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        self.refresh_order();
        self.language = i18n::language_of(ui);
        // The article keeps a readable line: the side panels narrow or fold to strips first.
        let central_margins = egui::Frame::central_panel(ui.style()).total_margin().sum().x;
        let plan = self.panels.plan(ui.available_width(), self.article.readable_width(ui.style()) + central_margins);
        let mut layout = std::mem::take(&mut self.panels);
        layout.show(ui, LEFT, plan[LEFT], |ui| {
            if let Some(doc) = panels::document_list(ui, &self.project, self.doc_order(), self.shown.as_ref()) {
                out.push(Action::Show(doc));
            }
        });
        self.draw_right_panel(ui, &mut layout, plan[RIGHT], out);
        self.panels = layout;
        self.highlights();
        let layer_before = self.view.layer.clone();
        self.article.links = self.relation_links();
        // The event suggestion under review points at the fillers it proposes.
        if let Some((trigger, fillers)) = self.suggested_fillers() {
            self.article.links.extend(fillers.iter().map(|f| (trigger, f.span)));
        }
        let highlights = self.highlights.take();
        let article = egui::CentralPanel::default_margins()
            .show(ui, |ui| {
                let empty = Default::default();
                let set = highlights.as_ref().map_or(&empty, |(_, h)| h);
                let (project, shown) = (&self.project, self.shown.as_ref());
                panels::document_view(ui, project, shown, &mut self.view, &mut self.article, set, out);
            })
            .response
            .rect;
        self.highlights = highlights;
        if self.view.layer != layer_before {
            // Ids of another coder's layer mean nothing in one's own: what was inspected or picked goes.
            self.focus = None;
            self.picking = None;
        }
        if let Some(at) = self.article.take_click() {
            out.push(Action::ClickText(at));
        }
        let mut windows = std::mem::take(&mut self.windows);
        windows.show(ui.ctx(), self, article, out);
        self.windows = windows;
    }

    /// The right panel: the inspector, or the review queue.
    fn draw_right_panel(
        &mut self,
        ui: &mut egui::Ui,
        layout: &mut PanelLayout,
        width: PanelWidth,
        out: &mut Vec<Action>,
    ) {
        let editable = self.editable();
        let Some(doc) = self.shown.as_ref() else { return };
        let Some(loaded) = self.project.document(doc).and_then(|d| d.loaded()) else { return };
        let input = InspectorInput {
            project: &self.project,
            doc,
            loaded,
            layer: loaded.layers.get(self.project.annotator()),
            focus: self.focus,
            selection: self.article.selection(),
            picking: self.picking.as_ref(),
            relating: self.relating,
            editable,
        };
        let (inspector, review, curation) = (&mut self.inspector, &mut self.review, &mut self.curation);
        layout.show(ui, RIGHT, width, |ui| {
            if let Some(c) = curation {
                i18n::row(ui, |ui| {
                    ui.selectable_value(&mut c.active, true, tr!(ui, "tab-curation"));
                    ui.selectable_value(&mut c.active, false, tr!(ui, "tab-inspector"));
                });
                ui.separator();
                if c.active {
                    c.queue.refresh(input.project);
                    panels::curation_queue::curation_panel(ui, input.project, &mut c.queue, out);
                } else {
                    panels::inspector(ui, &input, inspector, out);
                }
                return;
            }
            i18n::row(ui, |ui| {
                ui.selectable_value(&mut review.active, false, tr!(ui, "tab-inspector"));
                ui.selectable_value(&mut review.active, true, tr!(ui, "tab-review"));
            });
            ui.separator();
            if review.active {
                review.queue.refresh(input.project, doc, loaded);
                let current = review.current.as_ref();
                panels::review_queue::review_panel(ui, input.project, loaded, &mut review.queue, current, out);
            } else {
                panels::inspector(ui, &input, inspector, out);
            }
        });
    }

    /// The entity or event types whose keys (1-9, a, t, s, m in the default schema) were pressed while text is
    /// selected.
    pub fn type_keys_pressed(&self, ui: &egui::Ui) -> Vec<Action> {
        if self.article.selection().is_none() {
            return Vec::new();
        }
        let schema = &self.project.config().schema;
        let pressed = |input: &mut egui::InputState, key: Option<char>| {
            key.and_then(|k| egui::Key::from_name(&k.to_string()))
                .is_some_and(|k| input.consume_key(egui::Modifiers::NONE, k))
        };
        ui.input_mut(|input| {
            let marks: Vec<Action> = schema
                .entity_types
                .iter()
                .filter(|t| pressed(input, t.key))
                .map(|t| Action::Mark(t.id.clone()))
                .collect();
            let events = schema.event_types.iter().filter(|t| pressed(input, t.key));
            marks.into_iter().chain(events.map(|t| Action::MakeEvent(t.id.clone()))).collect()
        })
    }
}
