//! The curator's decisions as edits of the gold layer: take a coder's version of a unit, reject the unit, or
//! merge every open unit where enough coders agree. Each returns one edit, so one undo takes it back.

use super::relations::{missing_ends, relations_in_cover, take_relations};
use super::units::{Unit, units};
use crate::model::{
    Annotator, Argument, Curation, DocId, Edit, Event, Layer, Mention, MentionId, ProjectEdit, Rejection, UnitKind,
};
use std::collections::BTreeMap;

/// Who decides and when (RFC 3339), stamped on every curated annotation and rejection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Curator {
    /// The curator's name.
    pub name: Annotator,
    /// The time of the decision.
    pub at: String,
}

/// Where a unit stands in the gold layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitState {
    /// Nothing decided: the gold layer has nothing there and no rejection.
    Open,
    /// The gold layer has annotations there (taken from a coder, merged, or made by the curator).
    Settled,
    /// The curator rejected every version.
    Rejected,
}

/// Where `unit` stands in `gold` (`None`: no gold layer yet).
pub fn state(unit: &Unit, gold: Option<&Layer>) -> UnitState {
    let Some(gold) = gold else { return UnitState::Open };
    if gold.rejected.contains_key(&unit.key) {
        return UnitState::Rejected;
    }
    if !in_cover(gold, unit).is_empty() { UnitState::Settled } else { UnitState::Open }
}

/// The gold layer's annotations inside the unit's cover, as edits that remove them.
fn in_cover(gold: &Layer, unit: &Unit) -> Vec<Edit> {
    let cover = unit.key.span;
    match unit.key.kind {
        UnitKind::Mentions => gold
            .mentions
            .iter()
            .filter(|(_, m)| m.span.overlaps(&cover))
            .map(|(id, _)| Edit::remove_mention(gold, *id))
            .collect(),
        UnitKind::Events => gold
            .events
            .iter()
            .filter(|(_, e)| e.trigger.overlaps(&cover))
            // With the gold relations on it: a relation must not outlive its event.
            .map(|(id, _)| crate::model::coding::remove_event(gold, *id))
            .collect(),
        UnitKind::MentionRelations | UnitKind::EventRelations => relations_in_cover(gold, &unit.key),
    }
}

/// Applies `edit` to the simulated gold layer and keeps it for the batch.
fn push(gold: &mut Layer, edits: &mut Vec<Edit>, edit: Edit) {
    edits.push(edit.clone());
    edit.apply(gold);
}

/// Clears the unit in the simulated gold layer: its annotations and any rejection of it.
fn clear(gold: &mut Layer, edits: &mut Vec<Edit>, unit: &Unit) {
    for edit in in_cover(gold, unit) {
        push(gold, edits, edit);
    }
    if gold.rejected.contains_key(&unit.key) {
        push(gold, edits, Edit::PutRejection(unit.key, None));
    }
}

/// The edits of the gold layer that make coder `coder`'s (an index into `unit.versions`) version the gold
/// one, replacing whatever the gold layer had in the unit. `gold` is updated as the edits are made.
fn take_into(
    gold: &mut Layer,
    layers: &BTreeMap<Annotator, Layer>,
    unit: &Unit,
    coder: usize,
    who: &Curator,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    clear(gold, &mut edits, unit);
    let (name, version) = &unit.versions[coder];
    let Some(source) = layers.get(name) else { return edits };
    let group = unit.groups(layers).into_iter().find(|g| g.contains(&coder)).unwrap_or_default();
    let curation = Curation {
        coders: group.iter().map(|&i| unit.versions[i].0.clone()).collect(),
        curator: who.name.clone(),
        at: who.at.clone(),
    };
    for id in &version.mentions {
        let Some(m) = source.mentions.get(id) else { continue };
        let mention = Mention { curation: Some(curation.clone()), ..m.clone() };
        push(gold, &mut edits, Edit::PutMention(gold.next_mention_id(), Some(mention)));
    }
    for id in &version.events {
        let Some(e) = source.events.get(id) else { continue };
        let mut arguments = Vec::new();
        for a in &e.arguments {
            let Some(filler) = source.mentions.get(&a.mention) else { continue };
            let mention = filler_in(gold, &mut edits, filler, &curation);
            arguments.push(Argument { role: a.role.clone(), mention });
        }
        let event = Event { arguments, curation: Some(curation.clone()), ..e.clone() };
        push(gold, &mut edits, Edit::PutEvent(gold.next_event_id(), Some(event)));
    }
    take_relations(gold, source, unit, version, &mut |gold, edit| push(gold, &mut edits, edit));
    edits
}

/// The places of the ends of coder `coder`'s version (an index into `unit.versions`) that the gold layer has
/// no mention or event for (the same span and type): a relation cannot be taken before its ends are curated.
/// Empty for mentions and events units, and when the version can be taken.
pub fn ends_not_curated(layers: &BTreeMap<Annotator, Layer>, unit: &Unit, coder: usize) -> Vec<crate::model::Span> {
    let Some((name, version)) = unit.versions.get(coder) else { return Vec::new() };
    let (Some(source), gold) = (layers.get(name), layers.get(&Annotator::gold())) else { return Vec::new() };
    missing_ends(gold.unwrap_or(&Layer::default()), source, unit, version)
}

/// The gold mention with the filler's span and type, added (with the event's curation) when there is none.
fn filler_in(gold: &mut Layer, edits: &mut Vec<Edit>, filler: &Mention, curation: &Curation) -> MentionId {
    let found = gold.mentions.iter().find(|(_, m)| m.span == filler.span && m.entity_type == filler.entity_type);
    if let Some((id, _)) = found {
        return *id;
    }
    let id = gold.next_mention_id();
    let mention = Mention { curation: Some(curation.clone()), ..filler.clone() };
    push(gold, edits, Edit::PutMention(id, Some(mention)));
    id
}

/// The edit that makes coder `coder`'s version (an index into `unit.versions`) the gold one; `None` when the
/// document is not loaded.
pub fn take(layers: &BTreeMap<Annotator, Layer>, unit: &Unit, coder: usize, who: &Curator) -> ProjectEdit {
    let mut gold = layers.get(&Annotator::gold()).cloned().unwrap_or_default();
    let edits = take_into(&mut gold, layers, unit, coder, who);
    ProjectEdit::Layer(unit.doc.clone(), Edit::Batch(edits))
}

/// The edit that rejects every coder's version of the unit: the gold layer has nothing there, and remembers
/// why.
pub fn reject(layers: &BTreeMap<Annotator, Layer>, unit: &Unit, who: &Curator) -> ProjectEdit {
    let mut gold = layers.get(&Annotator::gold()).cloned().unwrap_or_default();
    let mut edits = Vec::new();
    clear(&mut gold, &mut edits, unit);
    let rejection = Rejection {
        coders: unit.versions.iter().filter(|(_, v)| !v.is_empty()).map(|(c, _)| c.clone()).collect(),
        curator: who.name.clone(),
        at: who.at.clone(),
    };
    edits.push(Edit::PutRejection(unit.key, Some(rejection)));
    ProjectEdit::Layer(unit.doc.clone(), Edit::Batch(edits))
}

/// The coder whose version at least `at_least` coders share (the largest such group, first coder of it),
/// if exactly one non-empty version has that many.
pub fn agreed_by(layers: &BTreeMap<Annotator, Layer>, unit: &Unit, at_least: usize) -> Option<usize> {
    let groups: Vec<Vec<usize>> = unit
        .groups(layers)
        .into_iter()
        .filter(|g| g.len() >= at_least.max(1) && !unit.versions[g[0]].1.is_empty())
        .collect();
    match &groups[..] {
        [only] => Some(only[0]),
        _ => None,
    }
}

/// What most coders did with a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Majority {
    /// Most coders share this coder's version (an index into `unit.versions`).
    Take(usize),
    /// Most coders marked nothing there.
    Reject,
}

/// The version more coders share than any other (nothing marked counts as a version), if one does.
pub fn majority(layers: &BTreeMap<Annotator, Layer>, unit: &Unit) -> Option<Majority> {
    let groups = unit.groups(layers);
    let largest = groups.first()?;
    if groups.get(1).is_some_and(|g| g.len() == largest.len()) {
        return None;
    }
    Some(if unit.versions[largest[0]].1.is_empty() { Majority::Reject } else { Majority::Take(largest[0]) })
}

/// One document's part of a merge: the gold layer's edits and how many units they settle.
pub fn merge_document(
    doc: &DocId,
    layers: &BTreeMap<Annotator, Layer>,
    coders: &[Annotator],
    at_least: usize,
    who: &Curator,
) -> (Vec<Edit>, usize) {
    let mut gold = layers.get(&Annotator::gold()).cloned().unwrap_or_default();
    let (mut edits, mut settled) = (Vec::new(), 0);
    // Mentions units come first, so that an event merged after finds its fillers already in the gold layer.
    for unit in units(doc, layers, coders) {
        if state(&unit, Some(&gold)) != UnitState::Open {
            continue;
        }
        if let Some(coder) = agreed_by(layers, &unit, at_least) {
            // A relation whose ends are not in the gold layer (not agreed, not yet curated) waits.
            let (name, version) = &unit.versions[coder];
            if layers.get(name).is_some_and(|source| !missing_ends(&gold, source, &unit, version).is_empty()) {
                continue;
            }
            edits.extend(take_into(&mut gold, layers, &unit, coder, who));
            settled += 1;
        }
    }
    (edits, settled)
}
