//! How wide the side panels may be: the article keeps a readable line, the panels give way. First the
//! document list narrows to its minimum, then the inspector; when both will not fit at their minimum, the one
//! the coder last asked for (the inspector, at first) stays and the other folds to a strip with a button;
//! when even one will not fit, both fold until the coder opens one from its strip.
//!
//! The widths the coder drags the panels to are remembered here, so a panel narrowed for a small window
//! gets its width back when the window grows again (egui would keep the narrowed width).

use crate::tr;
use crate::ui::i18n::LangOf;
use eframe::egui;

/// The document list, on the left.
pub const LEFT: usize = 0;
/// The inspector (or the review or curation queue), on the right.
pub const RIGHT: usize = 1;
/// The width of a folded panel's strip.
pub const STRIP: f32 = 30.0;
/// The narrowest each panel is still useful at: a document title's first words; the inspector's rows.
const MIN: [f32; 2] = [160.0, 260.0];
/// The width each panel opens at.
const DEFAULT: [f32; 2] = [280.0, 330.0];

/// What a side panel is this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelWidth {
    /// Open, at most this wide (outer width), and at least its minimum unless the window is narrower.
    Open {
        /// The widest the coder may drag it.
        max: f32,
    },
    /// Folded to a strip with a button that opens it.
    Strip,
}

/// The side panels' widths the coder chose and which panel they last asked for.
#[derive(Clone, Debug)]
pub struct PanelLayout {
    wanted: [f32; 2],
    /// The panel that stays open when only one fits.
    favour: usize,
    /// Whether the coder opened `favour` from its strip: it then opens even where it does not fit.
    asked: bool,
}

impl Default for PanelLayout {
    fn default() -> Self {
        Self { wanted: DEFAULT, favour: RIGHT, asked: false }
    }
}

impl PanelLayout {
    /// The panels' widths in a window `available` wide whose article needs `article` (its readable width).
    pub fn plan(&self, available: f32, article: f32) -> [PanelWidth; 2] {
        let room = available - article;
        let [want_l, want_r] = self.wanted;
        if room >= MIN[LEFT] + MIN[RIGHT] {
            // The document list gives way first, then the inspector.
            let right = want_r.max(MIN[RIGHT]).min(room - MIN[LEFT]);
            let left = want_l.max(MIN[LEFT]).min(room - right);
            return [PanelWidth::Open { max: left }, PanelWidth::Open { max: right }];
        }
        let open = self.favour;
        let mut plan = [PanelWidth::Strip; 2];
        if room - STRIP >= MIN[open] {
            plan[open] = PanelWidth::Open { max: self.wanted[open].max(MIN[open]).min(room - STRIP) };
        } else if self.asked {
            // Asked for where it does not fit: it opens at its minimum, and the article gives way.
            plan[open] = PanelWidth::Open { max: MIN[open].min((available - STRIP).max(0.0)) };
        }
        plan
    }

    /// The coder opened `side` from its strip.
    pub fn open(&mut self, side: usize) {
        self.favour = side;
        self.asked = true;
    }

    /// Shows panel `side` as `plan` says: the panel with `add` inside, or its strip. Returns the panel's rect.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        side: usize,
        plan: PanelWidth,
        add: impl FnOnce(&mut egui::Ui),
    ) -> egui::Rect {
        // Arabic mirrors the window: the document list on the right, the inspector on the left. A panel that
        // changed sides is another egui panel: the state egui keeps of the old side (its rect) would shift the
        // new one's contents out of it.
        let on_left = (side == LEFT) != ui.language().is_rtl();
        let (salt, strip_salt) = match (side == LEFT, on_left) {
            (true, true) => ("documents", "documents-strip"),
            (true, false) => ("documents-mirrored", "documents-strip-mirrored"),
            (false, false) => ("inspector", "inspector-strip"),
            (false, true) => ("inspector-mirrored", "inspector-strip-mirrored"),
        };
        let panel = |salt: &'static str| if on_left { egui::Panel::left(salt) } else { egui::Panel::right(salt) };
        let PanelWidth::Open { max } = plan else {
            let label = if side == LEFT { tr!(ui, "panel-show-documents") } else { tr!(ui, "panel-show-inspector") };
            let arrow = if on_left { "»" } else { "«" };
            let mut clicked = false;
            let rect = panel(strip_salt)
                .resizable(false)
                .exact_size(STRIP)
                .show(ui, |ui| {
                    clicked = ui.button(arrow).on_hover_text(label).accessible_name(label).clicked();
                })
                .response
                .rect;
            if clicked {
                self.open(side);
            }
            return rect;
        };
        let min = MIN[side].min(max);
        let width = self.wanted[side].clamp(min, max);
        // egui keeps the width it last showed; start it from the coder's width, within this frame's range.
        let id = ui.scope_id().with(salt);
        let stored = egui::containers::panel::PanelState::load(ui.ctx(), id);
        if let Some(mut state) = stored {
            state.outer_rect.set_width(width);
            ui.ctx().data_mut(|d| d.insert_persisted(id, state));
        }
        let rect = panel(salt).resizable(true).default_size(width).size_range(min..=max).show(ui, add).response.rect;
        let shown = rect.width();
        if (shown - width).abs() > 0.5 {
            // Dragged: where the drag met this frame's limit, the coder's wider wish stands.
            self.wanted[side] = if shown >= max - 0.5 { self.wanted[side].max(shown) } else { shown };
        }
        rect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(w: PanelWidth) -> Option<f32> {
        match w {
            PanelWidth::Open { max } => Some(max),
            PanelWidth::Strip => None,
        }
    }

    #[test]
    fn a_wide_window_gives_both_panels_their_width() {
        let p = PanelLayout::default();
        assert_eq!(p.plan(1400.0, 420.0).map(open), [Some(280.0), Some(330.0)]);
    }

    #[test]
    fn the_document_list_narrows_first_then_the_inspector() {
        let p = PanelLayout::default();
        assert_eq!(p.plan(1000.0, 420.0).map(open), [Some(250.0), Some(330.0)]);
        assert_eq!(p.plan(840.0, 420.0).map(open), [Some(160.0), Some(260.0)]);
    }

    #[test]
    fn when_both_do_not_fit_the_list_folds_and_the_inspector_stays() {
        let mut p = PanelLayout::default();
        assert_eq!(p.plan(800.0, 420.0).map(open), [None, Some(330.0)]);
        p.open(LEFT);
        assert_eq!(p.plan(800.0, 420.0).map(open), [Some(280.0), None], "the list, asked for, takes the room");
    }

    #[test]
    fn when_none_fits_both_fold_until_one_is_asked_for() {
        let mut p = PanelLayout::default();
        assert_eq!(p.plan(640.0, 420.0).map(open), [None, None]);
        p.open(RIGHT);
        assert_eq!(p.plan(640.0, 420.0).map(open), [None, Some(260.0)], "the article gives way to a request");
    }
}
