//! Selecting with the mouse and the keyboard: where the caret is, what is selected, and the letter under
//! the last plain click.

use crate::model::Span;
use crate::text::boundaries::{Snap, snap_range, word_at};
use crate::text::{DocumentLayout, Motion};
use eframe::egui::{self, Pos2};

/// The selection and the caret of the article view.
#[derive(Default)]
pub(super) struct Selecting {
    pub(super) selection: Option<Span>,
    /// Where a drag or Shift-selection started.
    pub(super) anchor: usize,
    /// Where the caret is (moves with arrows; the selection's moving end).
    pub(super) caret: usize,
    /// The column successive Up, Down, Page Up and Page Down keep (layout x), set by the first of them.
    pub(super) goal_x: Option<f32>,
    /// The letter (its first code point) under the last plain click, until taken.
    pub(super) click: Option<usize>,
    /// Identity (address) of the text all this belongs to.
    pub(super) text: usize,
}

impl Selecting {
    pub(super) fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        layout: &DocumentLayout,
        to_doc: impl Fn(Pos2) -> (f32, f32),
    ) {
        let text = layout.text().clone();
        let (alt, shift) = ui.input(|i| (i.modifiers.alt, i.modifiers.shift));
        let snap = if alt { Snap::Grapheme } else { Snap::Word };
        let Some(pos) = response.interact_pointer_pos() else { return };
        self.goal_x = None;
        let (x, y) = to_doc(pos);
        if response.double_clicked() {
            if let Some(word) = layout.grapheme_at(x, y).and_then(|g| word_at(&text, g.start)) {
                self.anchor = word.start;
                self.caret = word.end;
                self.selection = Some(word);
            }
            response.request_focus();
            return;
        }
        if response.drag_started() || response.clicked() {
            response.request_focus();
            // A drag is recognised only after the pointer has moved a little: anchor it where the button
            // went down, not where the drag was noticed.
            let press = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
            let (px, py) = to_doc(press);
            let at = layout.caret_at(px, py);
            if shift && (self.selection.is_some() || self.caret != self.anchor) {
                self.caret = at;
            } else {
                self.anchor = at;
                self.caret = at;
                if response.clicked() {
                    self.click = layout.grapheme_at(px, py).map(|g| g.start);
                }
            }
        } else if response.dragged() {
            self.caret = layout.caret_at(x, y);
        } else {
            return;
        }
        let span = snap_range(&text, self.anchor, self.caret, snap);
        self.selection = (!span.is_empty() && self.anchor != self.caret).then_some(span);
    }

    /// Keeps the arrows for the caret while the article has the keyboard (egui would move the focus to the
    /// next widget with them).
    pub(super) fn keep_arrows(ui: &egui::Ui, response: &egui::Response) {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, tab: false, escape: false },
            );
        });
    }

    /// Moves the caret by `motion`; with `shift` the selection follows it from where it started.
    pub(super) fn apply(&mut self, layout: &DocumentLayout, motion: Motion, shift: bool) {
        match (self.selection, shift) {
            // Extending a selection made with the mouse (snapped to words): from its edges, its far end
            // staying put.
            (Some(sel), true) if sel != Span::new(self.anchor.min(self.caret), self.anchor.max(self.caret)) => {
                (self.anchor, self.caret) =
                    if self.anchor <= self.caret { (sel.start, sel.end) } else { (sel.end, sel.start) };
            }
            // Without Shift, an arrow collapses the selection to its edge on that side.
            (Some(sel), false) if matches!(motion, Motion::Grapheme { .. }) => {
                let left = motion == Motion::Grapheme { left: true };
                let (a, b) = (layout.caret_rect(sel.start).x0, layout.caret_rect(sel.end).x0);
                let leftmost = if a <= b { sel.start } else { sel.end };
                let rightmost = if a <= b { sel.end } else { sel.start };
                self.caret = if left { leftmost } else { rightmost };
                self.anchor = self.caret;
                self.selection = None;
                self.goal_x = None;
                return;
            }
            _ => {}
        }
        let goal = if motion.keeps_column() { self.goal_x } else { None };
        let moved = layout.move_caret(self.caret, goal, motion);
        self.caret = moved.caret;
        self.goal_x = moved.goal_x;
        if shift {
            let span = Span::new(self.anchor.min(self.caret), self.anchor.max(self.caret));
            self.selection = (!span.is_empty()).then_some(span);
        } else {
            self.anchor = self.caret;
            self.selection = None;
        }
    }
}
