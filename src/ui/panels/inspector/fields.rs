//! Attribute and note fields, shared by mentions and events: typed text is a draft until committed, so a
//! change is one undoable edit.

use super::*;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::i18n::{self, LangOf};
use crate::{tr, trl};

/// Attribute definitions that apply to a target of this type.
pub(super) fn applicable<'a>(
    schema: &'a crate::model::Schema,
    target: AttributeTarget,
    ty: &str,
) -> Vec<&'a AttributeDef> {
    schema
        .attributes
        .iter()
        .filter(|a| a.target == target && (a.types.is_empty() || a.types.iter().any(|t| t == ty)))
        .collect()
}

/// An editor per attribute; `set` builds the edit for a new value (`None` clears it).
pub(super) fn attributes(
    ui: &mut egui::Ui,
    owner: &str,
    defs: &[&AttributeDef],
    values: &Attributes,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
    set: impl Fn(&crate::model::AttributeId, Option<AttrValue>) -> Result<Edit, CodingError>,
) {
    if defs.is_empty() {
        return;
    }
    ui.label(RichText::new(tr!(ui, "attributes-heading")).strong());
    egui::Grid::new(("attributes", owner)).num_columns(2).show(ui, |ui| {
        for def in defs {
            ui.label(&def.name);
            let value = values.get(&def.id);
            match &def.kind {
                AttributeKind::Boolean | AttributeKind::Choice(_) => choice(ui, owner, def, value, out, &set),
                AttributeKind::Number | AttributeKind::Date | AttributeKind::Text => {
                    typed(ui, owner, def, value, state, out, &set);
                }
            }
            ui.end_row();
        }
    });
}

/// A drop-down of a boolean or choice attribute's values.
fn choice(
    ui: &mut egui::Ui,
    owner: &str,
    def: &AttributeDef,
    value: Option<&AttrValue>,
    out: &mut Vec<Action>,
    set: &impl Fn(&crate::model::AttributeId, Option<AttrValue>) -> Result<Edit, CodingError>,
) {
    let choices: Vec<(String, AttrValue)> = match &def.kind {
        AttributeKind::Choice(cs) => cs.iter().map(|c| (c.clone(), AttrValue::Choice(c.clone()))).collect(),
        _ => vec![
            (tr!(ui, "attribute-yes").into(), AttrValue::Bool(true)),
            (tr!(ui, "attribute-no").into(), AttrValue::Bool(false)),
        ],
    };
    let shown = choices.iter().find(|(_, v)| Some(v) == value).map_or("—", |(l, _)| l.as_str());
    egui::ComboBox::from_id_salt(("attr", owner, def.id.as_str()))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), "—").clicked() && value.is_some() {
                push(out, set(&def.id, None));
            }
            for (label, v) in &choices {
                if ui.selectable_label(Some(v) == value, label).clicked() && Some(v) != value {
                    push(out, set(&def.id, Some(v.clone())));
                }
            }
        })
        .response
        .accessible_name(tr!(ui, "attribute-of", name = def.name.as_str(), owner = owner));
}

/// A text field of a number, date or text attribute, committed when the field loses the keyboard.
fn typed(
    ui: &mut egui::Ui,
    owner: &str,
    def: &AttributeDef,
    value: Option<&AttrValue>,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
    set: &impl Fn(&crate::model::AttributeId, Option<AttrValue>) -> Result<Edit, CodingError>,
) {
    let current = match value {
        Some(AttrValue::Number(n)) => n.to_string(),
        Some(AttrValue::Date(s) | AttrValue::Text(s) | AttrValue::Choice(s)) => s.clone(),
        Some(AttrValue::Bool(b)) => b.to_string(),
        None => String::new(),
    };
    let key = format!("{owner}/{}", def.id);
    let draft = state.drafts.entry(key.clone()).or_insert_with(|| current.clone());
    let hint = match def.kind {
        AttributeKind::Number => tr!(ui, "attribute-number-hint"),
        AttributeKind::Date => "YYYY-MM-DD",
        _ => "",
    };
    let response = ui
        .add(BidiTextEdit::singleline(draft).hint_text(hint).desired_width(120.0))
        .accessible_name(format!("{} of {owner}", def.name));
    if response.lost_focus() && draft.trim() != current {
        match parse_value(def, draft.trim()) {
            Ok(v) => push(out, set(&def.id, v)),
            Err(why) => {
                out.push(Action::Notice(why.message(ui.language(), &def.name, draft.trim())));
                state.drafts.remove(&key);
            }
        }
    }
}

/// Why a typed value is not one of its attribute.
enum NotAValue {
    Number,
    Date,
}

impl NotAValue {
    /// The message to the coder (logical order: messages are drawn with the bidi pass).
    fn message(&self, language: i18n::Language, name: &str, typed: &str) -> String {
        match self {
            NotAValue::Number => trl!(language, "attribute-not-number", name = name, typed = typed),
            NotAValue::Date => trl!(language, "attribute-not-date", name = name, typed = typed),
        }
    }
}

/// The value typed into an attribute's field (`None` when empty), or why it is not one.
fn parse_value(def: &AttributeDef, typed: &str) -> Result<Option<AttrValue>, NotAValue> {
    if typed.is_empty() {
        return Ok(None);
    }
    match def.kind {
        AttributeKind::Number => typed
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|n| Some(AttrValue::Number(n)))
            .ok_or(NotAValue::Number),
        AttributeKind::Date if crate::model::is_partial_date(typed) => Ok(Some(AttrValue::Date(typed.to_owned()))),
        AttributeKind::Date => Err(NotAValue::Date),
        _ => Ok(Some(AttrValue::Text(typed.to_owned()))),
    }
}

/// A note field, committed when the coder leaves it.
pub(super) fn note(
    ui: &mut egui::Ui,
    owner: &str,
    current: &str,
    state: &mut InspectorState,
    out: &mut Vec<Action>,
    set: impl FnOnce(String) -> Result<Edit, CodingError>,
) {
    ui.label(RichText::new(tr!(ui, "note-heading")).strong());
    let draft = state.drafts.entry(format!("{owner}/note")).or_insert_with(|| current.to_owned());
    let response =
        ui.add(BidiTextEdit::multiline(draft).desired_rows(2).desired_width(f32::INFINITY)).accessible_name("Note");
    if response.lost_focus() && draft.as_str() != current {
        push(out, set(draft.clone()));
    }
}
