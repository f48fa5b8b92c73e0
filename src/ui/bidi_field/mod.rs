//! The text field of every place a user types (search, notes, names, aliases, schema names, filters), laid out
//! by the article's own engine (parley, with the Unicode bidi algorithm), so typed Arabic, Latin and digits
//! show in the order the article would show them. egui's text edit shapes Arabic but has no bidi pass: the
//! words of "قصفت مليشيا 8 صواريخ" came out left to right.
//!
//! What typing does to the text is `text::editing` (no GUI); where the caret goes is the layout's
//! [`crate::text::DocumentLayout::move_caret`], the article view's caret code; this module maps egui's
//! events to those and paints. `input.rs` turns events into edits and motions; `view.rs` is the geometry
//! between the field's rectangle and its layout.

mod input;
mod view;

use crate::model::Direction;
use crate::text::DocumentLayout;
use crate::text::editing::{History, Limits, Selection};
use crate::ui::bidi_label::{LINE_HEIGHT, painter};
use eframe::egui::{self, Color32, Sense, Vec2};
use std::sync::Arc;
use view::FieldView;

/// A text field with bidi, used like `egui::TextEdit`: `ui.add(BidiTextEdit::singleline(&mut text))`. The
/// response is changed when the text changed; Enter in a single-line field gives up the keyboard (so
/// `lost_focus()` and `key_pressed(Enter)` confirm, as with egui's field).
pub struct BidiTextEdit<'t> {
    text: &'t mut String,
    hint: String,
    desired_width: Option<f32>,
    rows: usize,
    limits: Limits,
    direction: Direction,
}

impl<'t> BidiTextEdit<'t> {
    /// A one-line field (line breaks typed or pasted become spaces).
    pub fn singleline(text: &'t mut String) -> Self {
        Self {
            text,
            hint: String::new(),
            desired_width: None,
            rows: 1,
            limits: Limits::default(),
            direction: Direction::Auto,
        }
    }

    /// A field of several lines that wrap at its width (Enter starts a new line).
    pub fn multiline(text: &'t mut String) -> Self {
        Self { rows: 4, limits: Limits { multiline: true, ..Limits::default() }, ..Self::singleline(text) }
    }

    /// Weak text shown while the field is empty.
    pub fn hint_text(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// The field's width (at most the width available; `f32::INFINITY` takes all of it).
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// The lines a multi-line field shows at least.
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    /// The most characters (code points) the field takes.
    pub fn char_limit(mut self, max: usize) -> Self {
        self.limits.max_chars = max;
        self
    }

    /// The direction of the field's paragraphs (default: from the first strong letter, as in the article).
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }
}

/// What a field remembers between frames, kept in egui's memory under the field's id.
#[derive(Clone, Default)]
struct FieldState {
    sel: Selection,
    /// The column kept by Up and Down in a multi-line field.
    goal_x: Option<f32>,
    history: History,
    /// The layout x at the field's left edge (a single-line field wider than its text scrolls sideways).
    scroll_x: f32,
    /// An input method's text being composed, shown at the caret but not yet in the text.
    preedit: Option<String>,
    /// The text as the field last saw it: a change made by the program (a cleared search) moves the caret to
    /// the end and ends the typing group.
    seen: String,
}

/// Marks an id as one of these fields' (see [`text_field_focused`]).
#[derive(Clone, Copy, Default)]
struct IsBidiField;

/// Whether a text field (this module's, or egui's own in a file dialog) has the keyboard: then bare keys are
/// typed, not commands.
pub fn text_field_focused(ctx: &egui::Context) -> bool {
    let Some(id) = ctx.memory(|m| m.focused()) else { return false };
    ctx.text_edit_focused() || ctx.data(|d| d.get_temp::<IsBidiField>(id).is_some())
}

impl egui::Widget for BidiTextEdit<'_> {
    fn ui(self, ui: &mut egui::Ui) -> egui::Response {
        let id = ui.next_auto_id();
        let size = egui::TextStyle::Body.resolve(ui.style()).size;
        let line = size * LINE_HEIGHT;
        let margin = Vec2::new(4.0, 2.0);
        let width = match self.desired_width {
            Some(w) if w.is_finite() => w.min(ui.available_width()),
            Some(_) => ui.available_width(),
            None => ui.spacing().text_edit_width.min(ui.available_width()),
        }
        .max(2.0 * size);
        let inner_width = width - 2.0 * margin.x;

        let mut state = ui.data_mut(|d| d.remove_temp::<FieldState>(id)).unwrap_or_default();
        if state.seen != *self.text {
            state.sel = Selection::caret(crate::text::editing::char_len(self.text));
            state.preedit = None;
            state.history.break_group();
        }
        let shared = painter(ui.ctx());
        let Ok(mut p) = shared.lock() else { return ui.label(self.text.as_str()) };
        let mut view = FieldView::new(&mut p, size, inner_width, self.limits.multiline, self.direction);
        // The height follows the text before this frame's typing; a new line shows from the next frame.
        let rows = if self.limits.multiline {
            let text_height = view.layout(self.text, state.preedit.as_deref(), state.sel.head).height();
            (self.rows as f32 * line).max(text_height)
        } else {
            line
        };
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, rows + 2.0 * margin.y), Sense::click_and_drag());
        ui.data_mut(|d| d.insert_temp(id, IsBidiField));
        let inner = rect.shrink2(margin);
        let response = response.on_hover_cursor(egui::CursorIcon::Text);
        if response.clicked() || response.drag_started() {
            response.request_focus();
        }
        let focused = response.has_focus();
        // Only a field with the keyboard changes by typing: others are not copied every frame.
        let before = focused.then(|| self.text.clone());
        let mut changed = false;
        if let Some(value) = input::accesskit_value(ui, id) {
            let all = Selection { anchor: 0, head: crate::text::editing::char_len(self.text) };
            state.history.record(self.text, state.sel, crate::text::editing::EditKind::Other, &value);
            state.sel = crate::text::editing::replace_selection(self.text, all, &value, self.limits);
            changed = true;
        }
        if focused {
            let filter = egui::EventFilter {
                tab: false,
                horizontal_arrows: true,
                vertical_arrows: self.limits.multiline,
                escape: false,
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
            changed |= input::keyboard(ui, id, self.text, &mut state, &mut view, self.limits);
        } else {
            state.preedit = None;
        }
        input::pointer(ui, &response, inner, self.text, &mut state, &mut view);
        let layout = view.layout(self.text, state.preedit.as_deref(), state.sel.head);
        state.scroll_x = view.scroll_for(&layout, &state, focused, inner.width());
        if ui.is_rect_visible(rect) {
            view.paint(ui, rect, inner, &layout, &state, focused, (&self.hint, self.text.is_empty()));
        }
        if focused {
            view.ime_output(ui, inner, &layout, &state);
            let origin = inner.min - Vec2::new(state.scroll_x, 0.0);
            let shown = FocusedField { layout: layout.clone(), origin, selection: state.sel };
            ui.data_mut(|d| d.insert_temp(focused_key(), shown));
        }
        drop(p);
        state.seen.clone_from(self.text);
        ui.data_mut(|d| d.insert_temp(id, state));
        let mut response = response;
        if changed {
            response.mark_changed();
        }
        let (now, hint) = (self.text.as_str(), self.hint.as_str());
        let role = if self.limits.multiline { egui::Role::MultilineTextInput } else { egui::Role::TextInput };
        response.widget_info(|| egui::WidgetInfo {
            role,
            ..egui::WidgetInfo::text_edit(true, before.as_deref().unwrap_or(now), now, hint)
        });
        response
    }
}

/// The field that has the keyboard as it was last drawn: what an input method, a screen magnifier or a test
/// needs to know of where its letters and caret are.
#[derive(Clone)]
pub struct FocusedField {
    /// The field's text as laid out (with an input method's composition, while there is one).
    pub layout: Arc<DocumentLayout>,
    /// Where the layout's origin is on the screen.
    pub origin: egui::Pos2,
    /// The selection, in code points of the field's text.
    pub selection: Selection,
}

fn focused_key() -> egui::Id {
    egui::Id::unique("tarmeez-focused-bidi-field")
}

/// The focused field as drawn in the last frame, if one of these fields has the keyboard.
pub fn focused_field(ctx: &egui::Context) -> Option<FocusedField> {
    let id = ctx.memory(|m| m.focused())?;
    ctx.data(|d| d.get_temp::<IsBidiField>(id))?;
    ctx.data(|d| d.get_temp::<FocusedField>(focused_key()))
}

/// The colour of a field's text.
fn text_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().text_color()
}
