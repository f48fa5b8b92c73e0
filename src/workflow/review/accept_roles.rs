//! An event suggestion's role fillers as the reviewer accepts them: checked against the event type, made
//! mentions where the reviewer lacks them (an existing mention of the same span and type is reused), and
//! added to the event as arguments.

use super::missing;
use crate::model::{
    Argument, Edit, Event, EventType, Layer, Mention, MentionId, Provenance, Schema, SuggestedLabel, SuggestedRole,
};
use crate::store::StoreError;

/// Refuses fillers the event type cannot take: a role it lacks, a type the role does not take, a role that
/// takes one filler given two.
pub(super) fn check(def: &EventType, roles: &[SuggestedRole]) -> Result<(), StoreError> {
    for (i, r) in roles.iter().enumerate() {
        let Some(role) = def.roles.iter().find(|d| d.id == r.role) else {
            return Err(missing(format!("{} is not a role of {}", r.role, def.id)));
        };
        if !role.allowed.contains(&r.entity_type) {
            let allowed: Vec<&str> = role.allowed.iter().map(|t| t.as_str()).collect();
            return Err(missing(format!("{} takes {}, not a {} mention", r.role, allowed.join(" or "), r.entity_type)));
        }
        if !role.repeatable && roles[..i].iter().any(|earlier| earlier.role == r.role) {
            return Err(missing(format!("{} takes one filler, and it is given two", r.role)));
        }
    }
    Ok(())
}

/// The mention of `layer` with this span and type (the first, if the coder made several).
fn mention_of(layer: &Layer, r: &SuggestedRole) -> Option<MentionId> {
    layer.mentions.iter().find(|(_, m)| m.span == r.span && m.entity_type == r.entity_type).map(|(id, _)| *id)
}

/// The edits that make the fillers' mentions the reviewer lacks, applied to `layer` too (so that ids follow
/// on); each new mention remembers the suggestion.
pub(super) fn fillers(layer: &mut Layer, roles: &[SuggestedRole], provenance: &Provenance) -> Vec<Edit> {
    let mut edits = Vec::new();
    for r in roles {
        if mention_of(layer, r).is_some() {
            continue;
        }
        let mut mention = Mention::new(r.span, r.entity_type.clone());
        mention.provenance = Some(provenance.clone());
        let edit = Edit::PutMention(layer.next_mention_id(), Some(mention));
        edit.clone().apply(layer);
        edits.push(edit);
    }
    edits
}

/// Adds the fillers (whose mentions [`fillers`] made) to `event`'s arguments, after those it has; returns
/// whether any was added. An argument it already has is not repeated, and a role that takes one filler and
/// is filled already (in the reviewer's own event) keeps the reviewer's filler.
pub(super) fn arguments(layer: &Layer, def: &EventType, event: &mut Event, roles: &[SuggestedRole]) -> bool {
    let mut added = false;
    for r in roles {
        let Some(mention) = mention_of(layer, r) else { continue };
        let repeatable = def.roles.iter().any(|d| d.id == r.role && d.repeatable);
        let has = |a: &Argument| a.role == r.role && (a.mention == mention || !repeatable);
        if event.arguments.iter().any(has) {
            continue;
        }
        event.arguments.push(Argument { role: r.role.clone(), mention });
        added = true;
    }
    added
}

/// The fillers a suggestion accepted as `label` keeps: those whose role the event type has and whose type
/// the role takes (none for a mention).
pub(super) fn kept_for(schema: &Schema, label: &SuggestedLabel, roles: &[SuggestedRole]) -> Vec<SuggestedRole> {
    let SuggestedLabel::Event(t) = label else { return Vec::new() };
    let Some(def) = schema.event_type(t) else { return Vec::new() };
    let fits = |r: &&SuggestedRole| def.roles.iter().any(|d| d.id == r.role && d.allowed.contains(&r.entity_type));
    let mut kept: Vec<SuggestedRole> = Vec::new();
    for r in roles.iter().filter(fits) {
        let takes_one = def.roles.iter().any(|d| d.id == r.role && !d.repeatable);
        if !(takes_one && kept.iter().any(|k| k.role == r.role)) {
            kept.push(r.clone());
        }
    }
    kept
}

/// Whether two lists hold the same fillers, in whatever order.
pub(super) fn same(a: &[SuggestedRole], b: &[SuggestedRole]) -> bool {
    let sorted = |v: &[SuggestedRole]| {
        let mut keys: Vec<(String, usize, usize, String)> =
            v.iter().map(|r| (r.role.to_string(), r.span.start, r.span.end, r.entity_type.to_string())).collect();
        keys.sort();
        keys
    };
    sorted(a) == sorted(b)
}

#[cfg(test)]
mod tests {
    use super::super::{Changes, accept, accept_all, accept_edited, accept_edited_and_propagate};
    use crate::model::*;
    use crate::store::Project;

    /// «The brigades shelled the base yesterday; the brigades threatened again».
    const TEXT: &str = "قصفت الكتائب القاعدة أمس وهددت الكتائب مجددا";

    fn span(phrase: &str) -> Span {
        let b = TEXT.find(phrase).unwrap();
        let start = TEXT[..b].chars().count();
        Span::new(start, start + phrase.chars().count())
    }

    fn filler(role: &str, phrase: &str, ty: &str) -> SuggestedRole {
        SuggestedRole { role: role.into(), span: span(phrase), entity_type: ty.into() }
    }

    /// A project with the text and one model suggestion: an attack with its attacker, target and time.
    fn project() -> (tempfile::TempDir, Project, DocId, SourceName) {
        let tmp = tempfile::tempdir().unwrap();
        let annotator = Annotator::parse("huda").unwrap();
        let mut p = Project::create(tmp.path().join("p"), "roles", default_conflict_schema(), annotator).unwrap();
        let doc = p.add_document("article", TEXT.into(), DocumentMeta::default()).unwrap();
        p.load_document(&doc).unwrap();
        let source = SourceName::parse("model").unwrap();
        let mut attack = Suggestion::new(span("قصفت"), SuggestedLabel::Event("ATTACK".into()), Some(0.8));
        attack.roles = vec![
            filler("Attacker", "الكتائب", "ACTOR"),
            filler("Target", "القاعدة", "LOCATION"),
            filler("Time", "أمس", "TIME"),
        ];
        let info = SourceInfo { model: "m".into(), version: String::new(), imported_at: "2026-01-01T00:00:00Z".into() };
        let set = SuggestionSet { source: info, suggestions: [(SuggestionId(1), attack)].into() };
        p.apply_edit(ProjectEdit::SetSuggestions(doc.clone(), source.clone(), Some(Box::new(set)))).unwrap();
        (tmp, p, doc, source)
    }

    fn layer(p: &Project, doc: &DocId) -> Layer {
        p.document(doc).unwrap().loaded().unwrap().layers.get(p.annotator()).cloned().unwrap_or_default()
    }

    /// Each argument as (role, the filler's span, its type).
    fn arguments(layer: &Layer) -> Vec<(String, Span, String)> {
        let e = layer.events.values().next().unwrap();
        e.arguments
            .iter()
            .map(|a| {
                let m = &layer.mentions[&a.mention];
                (a.role.to_string(), m.span, m.entity_type.to_string())
            })
            .collect()
    }

    #[test]
    fn accepting_makes_the_trigger_the_fillers_and_the_arguments_in_one_undoable_edit() {
        let (_tmp, mut p, doc, source) = project();
        // The reviewer already marked the attacker: that mention is reused, not doubled.
        let (mark, _) = coding::mark(&Layer::default(), span("الكتائب"), &"ACTOR".into());
        p.apply_edit(ProjectEdit::Layer(doc.clone(), mark)).unwrap();
        let before = layer(&p, &doc);
        p.apply_edit(accept(&p, &doc, &source, SuggestionId(1), None, None).unwrap()).unwrap();
        let after = layer(&p, &doc);
        assert_eq!(after.mentions.len(), 3, "{:?}", after.mentions);
        assert_eq!(
            arguments(&after),
            [
                ("Attacker".into(), span("الكتائب"), "ACTOR".into()),
                ("Target".into(), span("القاعدة"), "LOCATION".into()),
                ("Time".into(), span("أمس"), "TIME".into())
            ]
        );
        let e = after.events.values().next().unwrap();
        assert_eq!(e.provenance.as_ref().unwrap().suggestion, SuggestionId(1));
        assert!(after.mentions.values().filter(|m| m.span != span("الكتائب")).all(|m| m.provenance.is_some()));
        assert!(after.mentions.values().find(|m| m.span == span("الكتائب")).unwrap().provenance.is_none());
        assert_eq!(after.review_status(&source, SuggestionId(1)), ReviewStatus::Accepted);
        assert!(validate_layer(&after, &p.config().schema, &DocText::new(TEXT.into()), &Default::default()).is_empty());
        p.undo().unwrap();
        assert_eq!(layer(&p, &doc), before);
    }

    #[test]
    fn fillers_dropped_retyped_or_moved_make_the_decision_edited() {
        let (_tmp, mut p, doc, source) = project();
        let roles = vec![filler("Attacker", "الكتائب", "ACTOR"), filler("Target", "القاعدة", "ACTOR")];
        let changes = Changes { roles: Some(roles), ..Changes::default() };
        p.apply_edit(accept_edited(&p, &doc, &source, SuggestionId(1), &changes).unwrap()).unwrap();
        let after = layer(&p, &doc);
        assert_eq!(
            arguments(&after),
            [("Attacker".into(), span("الكتائب"), "ACTOR".into()), ("Target".into(), span("القاعدة"), "ACTOR".into())]
        );
        assert_eq!(after.mentions.len(), 2);
        assert_eq!(after.review_status(&source, SuggestionId(1)), ReviewStatus::Edited);
        // The same fillers in another order are not an edit.
        p.undo().unwrap();
        let mut same = p.document(&doc).unwrap().loaded().unwrap().suggestions[&source].suggestions[&SuggestionId(1)]
            .roles
            .clone();
        same.reverse();
        let changes = Changes { roles: Some(same), ..Changes::default() };
        p.apply_edit(accept_edited(&p, &doc, &source, SuggestionId(1), &changes).unwrap()).unwrap();
        assert_eq!(layer(&p, &doc).review_status(&source, SuggestionId(1)), ReviewStatus::Accepted);
    }

    #[test]
    fn fillers_the_event_type_cannot_take_are_refused_and_another_type_keeps_those_it_can() {
        let (_tmp, mut p, doc, source) = project();
        for (bad, reason) in [
            (filler("Speaker", "الكتائب", "ACTOR"), "Speaker is not a role of ATTACK"),
            (filler("Time", "القاعدة", "LOCATION"), "Time takes TIME, not a LOCATION mention"),
        ] {
            let changes = Changes { roles: Some(vec![filler("Time", "أمس", "TIME"), bad]), ..Changes::default() };
            let refused = accept_edited(&p, &doc, &source, SuggestionId(1), &changes).unwrap_err().to_string();
            assert!(refused.contains(reason), "{refused}");
        }
        // As a threat: the attacker is no role of a threat and goes; the time stays.
        let changes = Changes { label: Some(SuggestedLabel::Event("THREAT".into())), ..Changes::default() };
        p.apply_edit(accept_edited(&p, &doc, &source, SuggestionId(1), &changes).unwrap()).unwrap();
        assert_eq!(arguments(&layer(&p, &doc)), [("Time".into(), span("أمس"), "TIME".into())]);
        // As a mention: no fillers at all.
        p.undo().unwrap();
        let changes = Changes { label: Some(SuggestedLabel::Entity("ACTOR".into())), ..Changes::default() };
        p.apply_edit(accept_edited(&p, &doc, &source, SuggestionId(1), &changes).unwrap()).unwrap();
        assert_eq!((layer(&p, &doc).mentions.len(), layer(&p, &doc).events.len()), (1, 0));
    }

    #[test]
    fn accept_all_brings_the_fillers_and_propagation_proposes_their_other_occurrences() {
        let (_tmp, mut p, doc, source) = project();
        let (edit, n) = accept_all(&p, std::slice::from_ref(&doc), &Default::default()).unwrap();
        assert_eq!(n, 1);
        p.apply_edit(edit).unwrap();
        assert_eq!(arguments(&layer(&p, &doc)).len(), 3);
        p.undo().unwrap();
        let edit = accept_edited_and_propagate(&p, &doc, &source, SuggestionId(1), &Changes::default(), true).unwrap();
        p.apply_edit(edit).unwrap();
        let loaded = p.document(&doc).unwrap().loaded().unwrap();
        let own = crate::workflow::suggesters::private_source("propagate", p.annotator());
        let proposed: Vec<Span> = loaded.suggestions[&own].suggestions.values().map(|s| s.span).collect();
        // «الكتائب» a second time, after «وهددت».
        let second = TEXT.rfind("الكتائب").unwrap();
        let start = TEXT[..second].chars().count();
        assert_eq!(proposed, [Span::new(start, start + "الكتائب".chars().count())]);
    }
}
