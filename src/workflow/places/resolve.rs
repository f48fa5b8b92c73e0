//! The place a LOCATION mention's text names, for linking it without asking.

use super::find::{PlaceMatch, candidates, compare, query_forms};
use super::{Gazetteer, size_rank};
use crate::model::{PlaceKind, PlaceRegistry};
use crate::text::matching::{MatchKind, NameQuery};
use crate::text::normalize::normalize;

/// A word before a name that says what kind of place it is, and the kinds it points to, best first.
/// `ريف` (countryside) goes to the governorate: "ريف دير الزور" is the governorate outside its capital, and
/// the governorate is the unit that holds it (ACLED and UCDP code such events at the first-level unit);
/// pointing it at the city would place events in the city that happened outside it.
const DESCRIPTORS: &[(&str, &[PlaceKind])] = &[
    ("مدينة", &[PlaceKind::Town, PlaceKind::Village]),
    ("مدينتي", &[PlaceKind::Town, PlaceKind::Village]),
    ("بلدة", &[PlaceKind::Town, PlaceKind::Village]),
    ("قرية", &[PlaceKind::Village, PlaceKind::Town]),
    ("محافظة", &[PlaceKind::Admin1]),
    ("ريف", &[PlaceKind::Admin1, PlaceKind::Admin2, PlaceKind::Town]),
    ("قضاء", &[PlaceKind::Admin2]),
    ("ناحية", &[PlaceKind::Admin3, PlaceKind::Town, PlaceKind::Village]),
    ("منطقة", &[PlaceKind::Area, PlaceKind::Admin2]),
    ("بادية", &[PlaceKind::Area, PlaceKind::Village, PlaceKind::Town]),
    ("حي", &[PlaceKind::Area]),
    ("مخيم", &[PlaceKind::Area, PlaceKind::Village]),
];

/// The kinds the first word of `text` points to, and the rest of the text, when that word is a descriptor
/// (with or without clitics: `بريف`, `وبمدينة`).
fn descriptor(text: &str) -> Option<(&'static [PlaceKind], &str)> {
    let text = text.trim();
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let word = normalize(first);
    let mut readings = vec![word.as_str()];
    while readings.len() < 3 {
        let last = readings[readings.len() - 1];
        match last.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك']).filter(|s| s.chars().count() >= 2) {
            Some(stripped) => readings.push(stripped),
            None => break,
        }
    }
    DESCRIPTORS
        .iter()
        .find(|(d, _)| readings.contains(&normalize(d).as_str()))
        .map(|(_, kinds)| (*kinds, rest.trim_start()))
}

/// The fewest letters a name needs for a match with a typo to link or be proposed without asking. One letter
/// off a short name is as likely another place or word (`المزارع`, the farms near al-Mayadin, is one letter
/// from the town `مارع` in Aleppo; `العراقي`, Iraqi, from `العراق`); from eight letters on, the matcher's own
/// budget allows two edits and one typo rarely lands on another real name (`حقل العمل` for `حقل العمر`).
pub const TYPO_LINK_LETTERS: usize = 8;

/// The places whose whole name `text` is (exactly, through clitics or, for a long enough text, with typos),
/// best first.
fn whole_matches(project: &PlaceRegistry, gazetteer: &Gazetteer, text: &str) -> Vec<PlaceMatch> {
    let queries: Vec<NameQuery> = query_forms(&format!("{} ", text.trim()));
    let mut out = candidates(project, gazetteer, &queries, NameQuery::score_whole);
    let letters = normalize(text).chars().filter(|c| c.is_alphabetic()).count();
    if letters < TYPO_LINK_LETTERS {
        out.retain(|m| m.score.kind != MatchKind::Typo);
    }
    out.sort_by(|a, b| compare(gazetteer, a, b));
    out
}

/// The place to link a LOCATION mention with the text `mention_text` to, or `None` when no place's whole name
/// matches it or when two different places match equally well and nothing tells them apart (two villages
/// of one name: a coder must choose).
///
/// - The text is matched as a whole name: `الميادين`, `بالميادين` (clitics), `ديرالزور` (without its space),
///   `القايم` (a typo) all resolve; `دير` does not resolve to `دير الزور`.
/// - A first word that says what kind of place follows (`مدينة الميادين`, `محافظة دير الزور`, `ريف دير الزور`,
///   `بادية القورية`, also with clitics: `بريف`) is first tried as part of the name (`ريف دمشق` is a
///   governorate), then set aside, and it prefers the kinds it names: `مدينة` towns, `محافظة` and `ريف`
///   governorates (see [`DESCRIPTORS`] for why `ريف` goes there).
/// - A last word that says which part is meant (`ريف ديرالزور الشرقي`) is set aside when the whole text names
///   nothing.
/// - At equal score the project's places win over the gazetteer's; and where a town and an administrative
///   unit share a name with nothing before it (`دير الزور`, `الرقة`), the town wins: news names the
///   governorate as `محافظة X` or `ريف X`, and the bare name mostly means the city.
pub fn resolve_place(project: &PlaceRegistry, gazetteer: &Gazetteer, mention_text: &str) -> Option<PlaceMatch> {
    resolve_text(project, gazetteer, mention_text)
        .or_else(|| without_direction(mention_text).and_then(|rest| resolve_text(project, gazetteer, rest)))
}

/// Words after a name that say which part of the place is meant (`ريف ديرالزور الشرقي`): the place is still
/// the one named.
const DIRECTIONS: &[&str] = &["الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية"];

/// `text` without a last word from [`DIRECTIONS`], when it ends with one.
fn without_direction(text: &str) -> Option<&str> {
    let (head, last) = text.trim().rsplit_once(char::is_whitespace)?;
    let last = normalize(last);
    DIRECTIONS.iter().any(|d| normalize(d) == last).then_some(head.trim_end())
}

/// [`resolve_place`] without the retry without a direction word.
fn resolve_text(project: &PlaceRegistry, gazetteer: &Gazetteer, mention_text: &str) -> Option<PlaceMatch> {
    let full = whole_matches(project, gazetteer, mention_text);
    if full.first().is_some_and(|m| m.score.kind != MatchKind::Typo) {
        return pick(full, None);
    }
    if let Some((kinds, rest)) = descriptor(mention_text) {
        let inner = whole_matches(project, gazetteer, rest);
        if !inner.is_empty() {
            return pick(inner, Some(kinds));
        }
    }
    pick(full, None)
}

/// The one place among `matches` (sorted best first) that the text names, preferring `kinds` in order.
fn pick(matches: Vec<PlaceMatch>, kinds: Option<&[PlaceKind]>) -> Option<PlaceMatch> {
    let best = matches.first()?.score.value;
    let mut top: Vec<PlaceMatch> = matches.into_iter().filter(|m| m.score.value >= best).collect();
    if let Some(kinds) = kinds
        && let Some(kind) = kinds.iter().find(|k| top.iter().any(|m| m.place.kind == **k))
    {
        top.retain(|m| m.place.kind == *kind);
    }
    if top.iter().any(|m| m.in_project) {
        top.retain(|m| m.in_project);
    }
    let settled = top.iter().filter(|m| !is_admin(m.place.kind)).count() == 1;
    if top.len() > 1 && settled && kinds.is_none() {
        top.retain(|m| !is_admin(m.place.kind));
    }
    if top.len() == 1 { top.pop() } else { None }
}

/// Administrative units, which share their names with their seats.
fn is_admin(kind: PlaceKind) -> bool {
    size_rank(kind) <= size_rank(PlaceKind::Admin2) || kind == PlaceKind::Admin3
}
