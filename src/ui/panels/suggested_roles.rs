//! An event suggestion's role fillers in the review queue: each with its role, its words (quoted, drawn
//! right to left by the bidi pass) and its type, which the reviewer can leave out, move to another role or
//! retype before accepting. The choice lives here until the suggestion is decided or another comes under
//! review; accepting reads it ([`RoleChoices::chosen`]) and the article draws the kept fillers
//! ([`RoleChoices::shown`]).

use crate::model::{Schema, SourceName, Span, SuggestedLabel, SuggestedRole, Suggestion, SuggestionId};
use crate::store::LoadedDoc;
use crate::ui::bidi_label::{LabelStyle, bidi_label};
use crate::ui::i18n::{self, LangOf};
use crate::{tr, trl};
use eframe::egui;

/// One suggested filler as the reviewer has it.
#[derive(Clone, Debug, PartialEq)]
struct Part {
    /// Accepted with the event (else left out).
    keep: bool,
    /// Its role, span and type, as chosen.
    filler: SuggestedRole,
}

/// What the choice was made for: the suggestion, its trigger and its fillers as the model gave them (an id of
/// another document, or a re-import that changed them, starts afresh).
type ChoiceKey = (SourceName, SuggestionId, Span, Vec<SuggestedRole>);

/// The reviewer's choice of the fillers of the suggestion under review.
#[derive(Clone, Debug, Default)]
pub struct RoleChoices {
    key: Option<ChoiceKey>,
    parts: Vec<Part>,
}

fn key_of(source: &SourceName, id: SuggestionId, s: &Suggestion) -> ChoiceKey {
    (source.clone(), id, s.span, s.roles.clone())
}

impl RoleChoices {
    /// Starts from the suggestion's own fillers, all kept, unless the choice is already for it.
    fn follow(&mut self, source: &SourceName, id: SuggestionId, s: &Suggestion) {
        let key = key_of(source, id, s);
        if self.key.as_ref() != Some(&key) {
            self.parts = s.roles.iter().map(|r| Part { keep: true, filler: r.clone() }).collect();
            self.key = Some(key);
        }
    }

    /// The kept fillers, when the choice is for suggestion `id` of `source`.
    fn kept(&self, source: &SourceName, id: SuggestionId, s: &Suggestion) -> Option<Vec<SuggestedRole>> {
        (self.key.as_ref() == Some(&key_of(source, id, s)))
            .then(|| self.parts.iter().filter(|p| p.keep).map(|p| p.filler.clone()).collect())
    }

    /// The fillers to accept `s` with: `None` when the reviewer changed none of them (then a type key that
    /// accepts it as another event type keeps those the type can take).
    pub fn chosen(&self, source: &SourceName, id: SuggestionId, s: &Suggestion) -> Option<Vec<SuggestedRole>> {
        self.kept(source, id, s).filter(|kept| *kept != s.roles)
    }

    /// The fillers of `s` the article marks: those the reviewer keeps.
    pub fn shown(&self, source: &SourceName, id: SuggestionId, s: &Suggestion) -> Vec<SuggestedRole> {
        self.kept(source, id, s).unwrap_or_else(|| s.roles.clone())
    }

    /// Leaves out (or keeps again) the `n`th filler, as its checkbox does.
    pub fn set_kept(&mut self, n: usize, keep: bool) {
        if let Some(p) = self.parts.get_mut(n) {
            p.keep = keep;
        }
    }
}

/// Draws the fillers of suggestion `id` of `source`, if it is an event that has any, with their choices.
pub fn suggested_roles(
    ui: &mut egui::Ui,
    schema: &Schema,
    loaded: &LoadedDoc,
    (source, id): (&SourceName, SuggestionId),
    choices: &mut RoleChoices,
) {
    let Some(s) = loaded.suggestions.get(source).and_then(|set| set.suggestions.get(&id)) else { return };
    let SuggestedLabel::Event(t) = &s.label else { return };
    if s.roles.is_empty() {
        return;
    }
    let Some(def) = schema.event_type(t) else { return };
    choices.follow(source, id, s);
    i18n::line(ui, tr!(ui, "suggested-roles"));
    for (n, part) in choices.parts.iter_mut().enumerate() {
        ui.push_id(("suggested-filler", n), |ui| filler(ui, schema, def, loaded, part));
    }
    if choices.chosen(source, id, s).is_some() {
        ui.weak(tr!(ui, "suggested-roles-edited"));
    }
}

/// One filler: its role, words and type on one line, then its choices.
fn filler(ui: &mut egui::Ui, schema: &Schema, def: &crate::model::EventType, loaded: &LoadedDoc, part: &mut Part) {
    let l = ui.language();
    let role = def.roles.iter().find(|r| r.id == part.filler.role);
    let role_name = role.map_or(part.filler.role.as_str(), |r| i18n::role_name(r, l)).to_owned();
    let ty = &part.filler.entity_type;
    let type_name = schema.entity_type(ty).map_or(ty.as_str(), |d| i18n::entity_name(d, l)).to_owned();
    let quoted = crate::text::quote::quoted(loaded.text.slice(part.filler.span).unwrap_or_default());
    let line = trl!(l, "suggested-filler", role = role_name.as_str(), text = quoted, kind = type_name.as_str());
    let color = if part.keep { ui.visuals().text_color() } else { ui.visuals().weak_text_color() };
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    bidi_label(ui, &line, LabelStyle { size, color, single_line: false }, egui::Sense::hover());
    i18n::row(ui, |ui| {
        ui.checkbox(&mut part.keep, tr!(ui, "suggested-filler-keep"));
        ui.add_enabled_ui(part.keep, |ui| {
            let roles = def.roles.iter().map(|r| i18n::role_name(r, l));
            egui::ComboBox::from_id_salt("role")
                .width(crate::ui::fit::combo_width(ui, roles))
                .selected_text(i18n::shown(l, &role_name).into_owned())
                .show_ui(ui, |ui| {
                    for r in &def.roles {
                        let name = i18n::shown(l, i18n::role_name(r, l)).into_owned();
                        ui.selectable_value(&mut part.filler.role, r.id.clone(), name);
                    }
                })
                .response
                .accessible_name(tr!(ui, "suggested-filler-role"));
            let Some(role) = def.roles.iter().find(|r| r.id == part.filler.role) else { return };
            // Another role may not take the type: the filler takes the role's first type.
            if !role.allowed.contains(&part.filler.entity_type)
                && let Some(first) = role.allowed.first()
            {
                part.filler.entity_type = first.clone();
            }
            let types: Vec<_> = role.allowed.iter().filter_map(|t| schema.entity_type(t)).collect();
            egui::ComboBox::from_id_salt("type")
                .width(crate::ui::fit::combo_width(ui, types.iter().map(|t| i18n::entity_name(t, l))))
                .selected_text(i18n::shown(l, &type_name).into_owned())
                .show_ui(ui, |ui| {
                    for t in &types {
                        let name = i18n::shown(l, i18n::entity_name(t, l)).into_owned();
                        ui.selectable_value(&mut part.filler.entity_type, t.id.clone(), name);
                    }
                })
                .response
                .accessible_name(tr!(ui, "suggested-filler-type"));
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_follows_its_suggestion_and_says_what_changed() {
        let source = SourceName::parse("model").unwrap();
        let mut s = Suggestion::new(Span::new(0, 4), SuggestedLabel::Event("ATTACK".into()), None);
        let filler = |role: &str, at| SuggestedRole {
            role: role.into(),
            span: Span::new(at, at + 3),
            entity_type: "ACTOR".into(),
        };
        s.roles = vec![filler("Attacker", 5), filler("Target", 9)];
        let mut choices = RoleChoices::default();
        // Not yet drawn: the suggestion's own fillers, nothing chosen.
        assert_eq!(choices.shown(&source, SuggestionId(1), &s), s.roles);
        choices.follow(&source, SuggestionId(1), &s);
        assert_eq!(choices.chosen(&source, SuggestionId(1), &s), None);
        choices.set_kept(0, false);
        assert_eq!(choices.chosen(&source, SuggestionId(1), &s), Some(vec![filler("Target", 9)]));
        assert_eq!(choices.shown(&source, SuggestionId(1), &s), [filler("Target", 9)]);
        // Another suggestion under review starts afresh.
        assert_eq!(choices.chosen(&source, SuggestionId(2), &s), None);
        choices.follow(&source, SuggestionId(2), &s);
        assert_eq!(choices.shown(&source, SuggestionId(2), &s), s.roles);
    }
}
