//! A field's keyboard, input method, clipboard and mouse: egui's events turned into the edits of
//! `text::editing` and the caret motions of the layout (visual order: Left is always towards the left of the
//! screen, also in an Arabic run).

use super::FieldState;
use super::view::FieldView;
use crate::text::Motion;
use crate::text::editing::{self, EditKind, Limits, Selection};
use eframe::egui::{self, Event, ImeEvent, Key, Modifiers};

/// A value set by assistive technology (a screen reader, a UI test) on the field `id`.
pub(super) fn accesskit_value(ui: &egui::Ui, id: egui::Id) -> Option<String> {
    use egui::accesskit::{Action, ActionData};
    ui.input(|input| {
        input
            .accesskit_action_requests(id, Action::SetValue)
            .filter_map(|request| match &request.data {
                Some(ActionData::Value(value)) => Some(value.to_string()),
                _ => None,
            })
            .last()
    })
}

/// Runs this frame's keyboard, clipboard and input method events on the focused field. Returns whether the
/// text changed.
pub(super) fn keyboard(
    ui: &egui::Ui,
    id: egui::Id,
    text: &mut String,
    state: &mut FieldState,
    view: &mut FieldView<'_>,
    limits: Limits,
) -> bool {
    let events = ui.input(|i| i.events.clone());
    let mut changed = false;
    for event in &events {
        changed |= match event {
            Event::Text(typed) if state.preedit.is_none() => {
                edit(text, state, EditKind::Typing, typed, |t, s| editing::replace_selection(t, s, typed, limits))
            }
            Event::Paste(pasted) => {
                edit(text, state, EditKind::Other, pasted, |t, s| editing::replace_selection(t, s, pasted, limits))
            }
            Event::Copy | Event::Cut if !state.sel.is_empty() => {
                ui.ctx().copy_text(editing::slice(text, state.sel.range()).to_owned());
                matches!(event, Event::Cut)
                    && edit(text, state, EditKind::Other, "", |t, s| editing::delete(t, s, true, false))
            }
            Event::Ime(ime) => ime_event(text, state, ime, limits),
            Event::Key { key, pressed: true, modifiers, .. } if state.preedit.is_none() => {
                key_press(ui, id, text, state, view, (*key, *modifiers), limits)
            }
            _ => false,
        };
    }
    changed
}

/// Applies one edit to the text and the selection, recording the state before it for undo. Returns whether
/// the text changed.
fn edit(
    text: &mut String,
    state: &mut FieldState,
    kind: EditKind,
    typed: &str,
    f: impl FnOnce(&mut String, Selection) -> Selection,
) -> bool {
    let before = text.clone();
    let sel = state.sel;
    state.sel = f(text, sel);
    state.goal_x = None;
    if *text == before {
        return false;
    }
    let kind = if kind == EditKind::Deleting && !sel.is_empty() { EditKind::Other } else { kind };
    state.history.record(&before, sel, kind, typed);
    true
}

/// An input method's composition: shown at the caret while composed, typed when committed.
fn ime_event(text: &mut String, state: &mut FieldState, ime: &ImeEvent, limits: Limits) -> bool {
    match ime {
        ImeEvent::Preedit { text: composed, .. } => {
            state.preedit = Some(composed.clone()).filter(|c| !c.is_empty() && c != "\n" && c != "\r");
            false
        }
        ImeEvent::Commit(committed) => {
            state.preedit = None;
            !committed.is_empty()
                && edit(text, state, EditKind::Other, committed, |t, s| {
                    editing::replace_selection(t, s, committed, limits)
                })
        }
        _ => false,
    }
}

/// One key press on the focused field. Returns whether the text changed.
fn key_press(
    ui: &egui::Ui,
    id: egui::Id,
    text: &mut String,
    state: &mut FieldState,
    view: &mut FieldView<'_>,
    (key, mods): (Key, Modifiers),
    limits: Limits,
) -> bool {
    // Word-wise with Ctrl (Option on a Mac, where Cmd goes to the line's ends).
    let word = if cfg!(target_os = "macos") { mods.alt } else { mods.command };
    let motion = match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let left = key == Key::ArrowLeft;
            if !mods.shift && !state.sel.is_empty() {
                collapse_towards(text, state, view, left);
                return false;
            }
            Some(if word { Motion::Word { left, clitics: false } } else { Motion::Grapheme { left } })
        }
        Key::Home | Key::End if mods.command => Some(Motion::DocumentEdge { end: key == Key::End }),
        Key::Home | Key::End => Some(Motion::LineEdge { end: key == Key::End }),
        Key::ArrowUp | Key::ArrowDown if limits.multiline => Some(Motion::Line { down: key == Key::ArrowDown }),
        Key::ArrowUp | Key::ArrowDown => Some(Motion::DocumentEdge { end: key == Key::ArrowDown }),
        _ => None,
    };
    if let Some(motion) = motion {
        move_caret(text, state, view, motion, mods.shift);
        return false;
    }
    match key {
        Key::Backspace | Key::Delete => {
            let backward = key == Key::Backspace;
            edit(text, state, EditKind::Deleting, "", |t, s| editing::delete(t, s, backward, word))
        }
        Key::Enter if limits.multiline && !mods.command => {
            edit(text, state, EditKind::Typing, "\n", |t, s| editing::replace_selection(t, s, "\n", limits))
        }
        Key::Enter | Key::Escape => {
            ui.memory_mut(|m| m.surrender_focus(id));
            false
        }
        Key::A if mods.command => {
            state.sel = Selection { anchor: 0, head: editing::char_len(text) };
            false
        }
        Key::Z | Key::Y if mods.command => {
            let redo = key == Key::Y || mods.shift;
            let sel = state.sel;
            let back = if redo { state.history.redo(text, sel) } else { state.history.undo(text, sel) };
            back.map(|sel| state.sel = sel.clamped(editing::char_len(text))).is_some()
        }
        _ => false,
    }
}

/// Moves the caret by `motion` over the text as laid out, extending the selection with Shift.
fn move_caret(text: &str, state: &mut FieldState, view: &mut FieldView<'_>, motion: Motion, extend: bool) {
    let layout = view.layout(text, None, state.sel.head);
    let goal = if motion.keeps_column() { state.goal_x } else { None };
    let moved = layout.move_caret(state.sel.head, goal, motion);
    state.goal_x = moved.goal_x;
    state.sel =
        if extend { Selection { anchor: state.sel.anchor, head: moved.caret } } else { Selection::caret(moved.caret) };
    state.history.break_group();
}

/// Left or Right with a selection and no Shift: the caret goes to the selection's end on that side of the
/// screen (its logical start or end, depending on the direction of the letters there).
fn collapse_towards(text: &str, state: &mut FieldState, view: &mut FieldView<'_>, left: bool) {
    let layout = view.layout(text, None, state.sel.head);
    let range = state.sel.range();
    let (a, b) = (layout.caret_rect(range.start).x0, layout.caret_rect(range.end).x0);
    let at = if (a < b) == left { range.start } else { range.end };
    state.sel = Selection::caret(at);
    state.goal_x = None;
}

/// A press, drag, double or triple click on the field: the caret to the nearest letter boundary, a
/// selection dragged from there (Shift extends from the old anchor), a word, or everything.
pub(super) fn pointer(
    ui: &egui::Ui,
    response: &egui::Response,
    inner: egui::Rect,
    text: &str,
    state: &mut FieldState,
    view: &mut FieldView<'_>,
) {
    if state.preedit.is_some() {
        return;
    }
    let Some(pos) = response.interact_pointer_pos() else { return };
    let layout = view.layout(text, None, state.sel.head);
    let (x, y) = view.to_layout(pos, inner, state.scroll_x);
    let cp = layout.caret_at(x, y);
    let (pressed, shift) = ui.input(|i| (i.pointer.any_pressed(), i.modifiers.shift));
    if response.triple_clicked() {
        state.sel = Selection { anchor: 0, head: editing::char_len(text) };
    } else if response.double_clicked() {
        let at = layout.grapheme_at(x, y).map_or(cp, |g| g.start);
        let word = editing::word_around(text, at);
        state.sel = Selection { anchor: word.start, head: word.end };
    } else if pressed && response.is_pointer_button_down_on() {
        state.sel = Selection { anchor: if shift { state.sel.anchor } else { cp }, head: cp };
    } else if response.dragged() {
        state.sel.head = cp;
    } else {
        return;
    }
    state.goal_x = None;
    state.history.break_group();
}
