//! The diagnosis file of an agreement study: one CSV row per disagreement unit, with the text it covers and
//! each coder's version, so that a team can read where and how its coders differ (and sort or filter it in a
//! spreadsheet).

use super::{Unit, UnitState, state};
use crate::model::{Annotator, DocText, Layer};
use std::collections::BTreeMap;

/// How a coder's version reads in a cell: `ACTOR 12-18 = isis; ORG 20-25` (with the linked actor), or for events
/// `ATTACK 5-9 (Attacker: ACTOR 0-4; fatalities=3)`, for relations `AFFILIATED_WITH: ACTOR 0-5 -> ACTOR 10-15`;
/// empty when the coder has nothing there.
pub fn version_text(layer: Option<&Layer>, unit: &Unit, coder: usize) -> String {
    let Some(layer) = layer else { return String::new() };
    let version = &unit.versions[coder].1;
    let mut parts: Vec<String> = version
        .mentions
        .iter()
        .filter_map(|id| layer.mentions.get(id))
        .map(|m| {
            let actor = m.actor.as_ref().map(|a| format!(" = {a}")).unwrap_or_default();
            format!("{} {}-{}{actor}", m.entity_type, m.span.start, m.span.end)
        })
        .collect();
    for e in version.events.iter().filter_map(|id| layer.events.get(id)) {
        let mut inner: Vec<String> = e
            .arguments
            .iter()
            .filter_map(|a| {
                let m = layer.mentions.get(&a.mention)?;
                Some(format!("{}: {} {}-{}", a.role, m.entity_type, m.span.start, m.span.end))
            })
            .collect();
        inner.extend(e.attributes.iter().map(|(k, v)| format!("{k}={}", attr_text(v))));
        let details = if inner.is_empty() { String::new() } else { format!(" ({})", inner.join("; ")) };
        parts.push(format!("{} {}-{}{details}", e.event_type, e.trigger.start, e.trigger.end));
    }
    parts.extend(version.relations.iter().filter_map(|id| super::relations::relation_text(unit.key.kind, layer, *id)));
    parts.join("; ")
}

fn attr_text(v: &crate::model::AttrValue) -> String {
    use crate::model::AttrValue::*;
    match v {
        Bool(b) => b.to_string(),
        Choice(s) | Date(s) | Text(s) => s.clone(),
        Number(n) => n.to_string(),
    }
}

/// Where a unit stands, as the file says it: `open`, `settled` or `rejected`.
pub fn state_text(s: UnitState) -> &'static str {
    match s {
        UnitState::Open => "open",
        UnitState::Settled => "settled",
        UnitState::Rejected => "rejected",
    }
}

/// The CSV of `units`: document, kind, start, end, text, how the versions differ, the gold layer's state,
/// then one column per coder. `doc` gives each unit's text and layers.
pub fn diagnosis_csv<'a>(
    units: &[Unit],
    coders: &[Annotator],
    doc: impl Fn(&crate::model::DocId) -> Option<(&'a DocText, &'a BTreeMap<Annotator, Layer>)>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["document", "kind", "start", "end", "text", "disagreement", "gold"];
    header.extend(coders.iter().map(Annotator::as_str));
    out.write_record(&header)?;
    for unit in units {
        let Some((text, layers)) = doc(&unit.doc) else { continue };
        let kind = match unit.key.kind {
            crate::model::UnitKind::Mentions => "mentions",
            crate::model::UnitKind::Events => "events",
            crate::model::UnitKind::MentionRelations => "mention relations",
            crate::model::UnitKind::EventRelations => "event relations",
        };
        let mut row = vec![
            unit.doc.to_string(),
            kind.to_owned(),
            unit.key.span.start.to_string(),
            unit.key.span.end.to_string(),
            unit_text(text, unit),
            unit.disagreement.map_or("agreed", |d| d.as_str()).to_owned(),
            state_text(state(unit, layers.get(&Annotator::gold()))).to_owned(),
        ];
        row.extend((0..unit.versions.len()).map(|i| version_text(layers.get(&unit.versions[i].0), unit, i)));
        out.write_record(&row)?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The text a unit covers; for relations, both ends': `«الحشد الشعبي» -> «الحرس الثوري»` as `from -> to`.
pub fn unit_text(text: &DocText, unit: &Unit) -> String {
    let slice = |span| text.slice(span).unwrap_or_default().to_owned();
    match unit.key.to {
        Some(to) => format!("{} -> {}", slice(unit.key.span), slice(to)),
        None => slice(unit.key.span),
    }
}
