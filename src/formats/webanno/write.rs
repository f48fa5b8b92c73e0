//! A coder's layer of a document as WebAnno TSV 3.3, laid out as INCEpTION lays out its export
//! (`<out>/<doc>/<annotator>.tsv`). Mentions go into DKPro's named-entity layer (`value` is the entity
//! type), event triggers into a custom span layer `webanno.custom.Event` (`type` is the event type) whose
//! slot feature `roles` links each role to its filler's named entity, relations between mentions and between
//! events into the custom relation layers `webanno.custom.MentionRelation` and `webanno.custom.EventRelation`
//! (`label` is the relation type). Tokens are those of the CoNLL export, split at every span's boundary so
//! that each span covers whole tokens; a sentence ends at a line break or after `. ! ? ؟ …` unless a span
//! goes on. Each sentence's `#Text=` holds its text up to the next sentence, so the text read back is the
//! document's. Offsets are UTF-16 code units, as INCEpTION counts them.

use super::escape::{escape_text, escape_value};
use crate::formats::conll::{base_tokens, split_tokens};
use crate::model::{DocText, EventId, Layer, MentionId, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// DKPro Core's named-entity type, INCEpTION's built-in layer for mentions.
pub const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
/// The custom span layer of event triggers.
pub const EVENT: &str = "webanno.custom.Event";
/// The custom relation layer of relations between mentions.
pub const MENTION_RELATION: &str = "webanno.custom.MentionRelation";
/// The custom relation layer of relations between events.
pub const EVENT_RELATION: &str = "webanno.custom.EventRelation";

/// Punctuation after which a sentence ends (unless a span goes on), as in the CoNLL export.
const SENTENCE_END: [&str; 5] = [".", "!", "?", "؟", "…"];

/// A mention or a trigger placed on tokens.
struct Placed {
    /// 0 for a mention, 1 for an event.
    layer: usize,
    /// Its label (entity or event type).
    label: String,
    /// The tokens it covers.
    units: std::ops::Range<usize>,
    /// Its disambiguation id, 0 for none.
    id: u32,
    /// Its roles, for an event: role and filler (an index into the placed spans).
    roles: Vec<(String, usize)>,
}

/// A mention (`Ok`) or an event (`Err`) to place: its span, its layer (0 or 1), its label and how it is
/// named in notes.
type Item = (Span, usize, String, String, Result<MentionId, EventId>);

/// One relation: its label and its ends (indexes into the placed spans).
type Rel = (String, usize, usize);

/// What one layer's file holds, before it is written.
struct Plan<'a> {
    text: &'a DocText,
    tokens: Vec<Span>,
    placed: Vec<Placed>,
    /// Where each mention and event was placed.
    mention_at: BTreeMap<MentionId, usize>,
    event_at: BTreeMap<EventId, usize>,
    /// Each token's placed spans, by layer (0 mentions, 1 events), in stacking order.
    at: Vec<[Vec<usize>; 2]>,
    /// Each token's relations, by layer (0 between mentions, 1 between events).
    relations: Vec<[Vec<Rel>; 2]>,
    /// Each token's id, `1-3`.
    ids: Vec<String>,
    /// The first token of each sentence.
    sentence_starts: Vec<usize>,
    /// What could not be written: what, and why.
    notes: Vec<(String, String)>,
}

/// `layer` of a document with `text` as a TSV file, and what it could not hold (what, and why).
pub fn layer_to_tsv(text: &DocText, layer: &Layer) -> (String, Vec<(String, String)>) {
    let mut plan = Plan::new(text, layer);
    plan.place(layer);
    plan.roles(layer);
    plan.relate(layer);
    plan.sentences();
    plan.disambiguate();
    let tsv = plan.write();
    (tsv, plan.notes)
}

/// `mention m3 (LOCATION 379..395 «...»)`, as the other exports name what they leave out.
fn describe(text: &DocText, what: &str, label: &str, span: Span) -> String {
    format!("{what} ({label} {span} «{}»)", text.slice(span).unwrap_or(""))
}

impl<'a> Plan<'a> {
    /// The tokens, split at every span's boundary.
    fn new(text: &'a DocText, layer: &Layer) -> Self {
        let spans = layer.mentions.values().map(|m| m.span).chain(layer.events.values().map(|e| e.trigger));
        let mut cuts: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let tokens = split_tokens(&base_tokens(text), &cuts);
        Plan {
            text,
            at: vec![[Vec::new(), Vec::new()]; tokens.len()],
            relations: vec![[Vec::new(), Vec::new()]; tokens.len()],
            tokens,
            placed: Vec::new(),
            mention_at: BTreeMap::new(),
            event_at: BTreeMap::new(),
            ids: Vec::new(),
            sentence_starts: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Notes the parts of a mention or event the format has no place for.
    fn lost_parts(&mut self, what: String, parts: [(bool, &str); 4]) {
        let lost: Vec<&str> = parts.iter().filter(|(has, _)| *has).map(|(_, name)| *name).collect();
        if !lost.is_empty() {
            self.notes.push((what, format!("WebAnno TSV has no place for its {}", lost.join(", "))));
        }
    }

    /// Every mention and trigger on the tokens it covers, in stacking order: earlier first, then longer,
    /// mentions before events.
    fn place(&mut self, layer: &Layer) {
        let mut items: Vec<Item> = Vec::new();
        for (id, m) in &layer.mentions {
            items.push((m.span, 0, m.entity_type.to_string(), format!("mention {id}"), Ok(*id)));
            let parts = [
                (m.actor.is_some(), "actor link"),
                (!m.attributes.is_empty(), "attributes"),
                (!m.note.is_empty(), "note"),
                (m.provenance.is_some(), "provenance"),
            ];
            self.lost_parts(describe(self.text, &format!("mention {id}"), m.entity_type.as_str(), m.span), parts);
        }
        for (id, e) in &layer.events {
            items.push((e.trigger, 1, e.event_type.to_string(), format!("event {id}"), Err(*id)));
            let parts = [
                (false, ""),
                (!e.attributes.is_empty(), "attributes"),
                (!e.note.is_empty(), "note"),
                (e.provenance.is_some(), "provenance"),
            ];
            self.lost_parts(describe(self.text, &format!("event {id}"), e.event_type.as_str(), e.trigger), parts);
        }
        items.sort_by_key(|(span, kind, ..)| (span.start, std::cmp::Reverse(span.end), *kind));
        for (span, kind, label, what, id) in items {
            let first = self.tokens.partition_point(|t| t.start < span.start);
            let last = self.tokens.partition_point(|t| t.end <= span.end);
            if first >= last {
                let why = "it covers no whole token (only spaces), so it is not written".to_owned();
                self.notes.push((describe(self.text, &what, &label, span), why));
                continue;
            }
            let written = Span::new(self.tokens[first].start, self.tokens[last - 1].end);
            if written != span {
                let why = format!("written as {written}: a span starts and ends on a token, not on a space");
                self.notes.push((describe(self.text, &what, &label, span), why));
            }
            for t in first..last {
                self.at[t][kind].push(self.placed.len());
            }
            match id {
                Ok(m) => self.mention_at.insert(m, self.placed.len()),
                Err(e) => self.event_at.insert(e, self.placed.len()),
            };
            self.placed.push(Placed { layer: kind, label, units: first..last, id: 0, roles: Vec::new() });
        }
    }

    /// Each placed event's roles, with their placed fillers.
    fn roles(&mut self, layer: &Layer) {
        for (id, e) in &layer.events {
            let Some(&p) = self.event_at.get(id) else { continue };
            for a in &e.arguments {
                match self.mention_at.get(&a.mention) {
                    Some(&filler) => self.placed[p].roles.push((a.role.to_string(), filler)),
                    None => self.notes.push((
                        format!("role {} of event {id}", a.role),
                        format!("its filler, mention {}, is not written", a.mention),
                    )),
                }
            }
        }
    }

    /// Each relation on the first token of the span it goes to.
    fn relate(&mut self, layer: &Layer) {
        for (id, r) in &layer.mention_relations {
            let ends = (self.mention_at.get(&r.from).copied(), self.mention_at.get(&r.to).copied());
            self.add_relation(*id, 0, r.relation_type.as_str(), ends, !r.note.is_empty());
        }
        for (id, r) in &layer.relations {
            let ends = (self.event_at.get(&r.from).copied(), self.event_at.get(&r.to).copied());
            self.add_relation(*id, 1, r.relation_type.as_str(), ends, !r.note.is_empty());
        }
    }

    fn add_relation(
        &mut self,
        id: crate::model::RelationId,
        kind: usize,
        label: &str,
        ends: (Option<usize>, Option<usize>),
        has_note: bool,
    ) {
        let what = format!("relation {id} ({label})");
        let (Some(from), Some(to)) = ends else {
            return self.notes.push((what, "an end of it is not written, so neither is it".into()));
        };
        if has_note {
            self.notes.push((what, "WebAnno TSV has no place for its note".into()));
        }
        let unit = self.placed[to].units.start;
        self.relations[unit][kind].push((label.to_owned(), from, to));
    }

    /// Sentence starts, and token ids.
    fn sentences(&mut self) {
        // A span over several tokens keeps them in one sentence.
        let mut joined = vec![false; self.tokens.len()];
        for p in &self.placed {
            for j in joined.iter_mut().take(p.units.end).skip(p.units.start + 1) {
                *j = true;
            }
        }
        let mut number = 0;
        let mut in_sentence = 0;
        for (t, &inside) in joined.iter().enumerate() {
            let starts = t == 0
                || !inside && {
                    let before = self.text.slice(self.tokens[t - 1]).unwrap_or("");
                    let gap = self.text.slice(Span::new(self.tokens[t - 1].end, self.tokens[t].start)).unwrap_or("");
                    gap.contains('\n') || SENTENCE_END.contains(&before)
                };
            if starts {
                number += 1;
                in_sentence = 0;
                self.sentence_starts.push(t);
            }
            in_sentence += 1;
            self.ids.push(format!("{number}-{in_sentence}"));
        }
    }

    /// Disambiguation ids for the spans over several tokens and those stacked with another of their layer,
    /// numbered in the order they are first written.
    fn disambiguate(&mut self) {
        let mut next = 1;
        for t in 0..self.tokens.len() {
            for kind in 0..2 {
                let stacked = self.at[t][kind].len() > 1;
                for &p in &self.at[t][kind] {
                    let placed = &mut self.placed[p];
                    if placed.id == 0 && (stacked || placed.units.len() > 1) {
                        placed.id = next;
                        next += 1;
                    }
                }
            }
        }
    }
}

impl Plan<'_> {
    /// The file: the header of the layers used, then each sentence.
    fn write(&self) -> String {
        let used = |kind: usize| self.placed.iter().any(|p| p.layer == kind);
        let related = |kind: usize| self.relations.iter().any(|r| !r[kind].is_empty());
        let (mentions, events, mention_rel, event_rel) = (used(0), used(1), related(0), related(1));
        let mut out = String::from("#FORMAT=WebAnno TSV 3.3\n");
        if mentions {
            let _ = writeln!(out, "#T_SP={NAMED_ENTITY}|value");
        }
        if events {
            let _ = writeln!(out, "#T_SP={EVENT}|type|ROLE_{EVENT}:roles_{EVENT}RolesLink|{NAMED_ENTITY}");
        }
        if mention_rel {
            let _ = writeln!(out, "#T_RL={MENTION_RELATION}|label|BT_{NAMED_ENTITY}");
        }
        if event_rel {
            let _ = writeln!(out, "#T_RL={EVENT_RELATION}|label|BT_{EVENT}");
        }
        out.push('\n');
        let utf16 = utf16_offsets(self.text.as_str());
        for (s, &first) in self.sentence_starts.iter().enumerate() {
            let last = self.sentence_starts.get(s + 1).copied().unwrap_or(self.tokens.len());
            let end = self.sentence_starts.get(s + 1).map_or(self.text.len_chars(), |&n| self.tokens[n].start);
            let sentence = self.text.slice(Span::new(self.tokens[first].start, end)).unwrap_or("");
            out.push('\n');
            for line in sentence.split('\n') {
                let _ = writeln!(out, "#Text={}", escape_text(line));
            }
            for t in first..last {
                let span = self.tokens[t];
                let word = self.text.slice(span).unwrap_or("");
                let _ = write!(out, "{}\t{}-{}\t{word}\t", self.ids[t], utf16[span.start], utf16[span.end]);
                if mentions {
                    let _ = write!(out, "{}\t", self.stack(t, 0, |p| self.value(p)));
                }
                if events {
                    let _ = write!(out, "{}\t", self.stack(t, 1, |p| self.value(p)));
                    let _ = write!(out, "{}\t", self.stack(t, 1, |p| self.role_names(p)));
                    let _ = write!(out, "{}\t", self.stack(t, 1, |p| self.role_targets(p)));
                }
                for (kind, on) in [(0, mention_rel), (1, event_rel)] {
                    if on {
                        let _ = write!(out, "{}\t", self.relation_column(t, kind, |r| escape_value(&r.0)));
                        let _ = write!(out, "{}\t", self.relation_column(t, kind, |r| self.relation_source(r)));
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    /// A span column of token `t`: each stacked span's cell, separated by `|`, or `_` for none.
    fn stack(&self, t: usize, kind: usize, cell: impl Fn(&Placed) -> String) -> String {
        let cells: Vec<String> = self.at[t][kind].iter().map(|&p| cell(&self.placed[p])).collect();
        if cells.is_empty() { "_".to_owned() } else { cells.join("|") }
    }

    /// `[3]` for a span with a disambiguation id, else nothing.
    fn suffix(p: &Placed) -> String {
        if p.id > 0 { format!("[{}]", p.id) } else { String::new() }
    }

    /// A span's label cell.
    fn value(&self, p: &Placed) -> String {
        format!("{}{}", escape_value(&p.label), Self::suffix(p))
    }

    /// An event's roles cell: the roles separated by `;` (`_` for none), then its disambiguation id.
    fn role_names(&self, p: &Placed) -> String {
        let roles: Vec<String> = p.roles.iter().map(|(r, _)| escape_value(r)).collect();
        let roles = if roles.is_empty() { "_".to_owned() } else { roles.join(";") };
        format!("{roles}{}", Self::suffix(p))
    }

    /// An event's targets cell: each filler's first token (with its disambiguation id), `*` for none.
    fn role_targets(&self, p: &Placed) -> String {
        let targets: Vec<String> = p.roles.iter().map(|(_, f)| self.reference(*f)).collect();
        if targets.is_empty() { "*".to_owned() } else { targets.join(";") }
    }

    /// A span as a slot target: its first token's id, and its disambiguation id.
    fn reference(&self, p: usize) -> String {
        let placed = &self.placed[p];
        format!("{}{}", self.ids[placed.units.start], Self::suffix(placed))
    }

    /// A relation column of token `t`.
    fn relation_column(&self, t: usize, kind: usize, cell: impl Fn(&Rel) -> String) -> String {
        let cells: Vec<String> = self.relations[t][kind].iter().map(cell).collect();
        if cells.is_empty() { "_".to_owned() } else { cells.join("|") }
    }

    /// A relation's source cell: the first token of the span it comes from, and `[from_to]` when either
    /// end has a disambiguation id.
    fn relation_source(&self, r: &Rel) -> String {
        let (from, to) = (&self.placed[r.1], &self.placed[r.2]);
        let ids = if from.id > 0 || to.id > 0 { format!("[{}_{}]", from.id, to.id) } else { String::new() };
        format!("{}{ids}", self.ids[from.units.start])
    }
}

/// The UTF-16 offset of each code point of `text`, and of its end.
fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    out.push(0);
    for c in text.chars() {
        at += c.len_utf16();
        out.push(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Argument, Event, Mention, MentionRelation, RelationId};

    #[test]
    fn writes_stacked_multi_token_spans_roles_and_relations_in_utf16() {
        let text = DocText::new("😊 قصفت مليشيا أبو الفضل البلدة.\nثم انسحبت".to_owned());
        let mut layer = Layer::default();
        let militia = Span::new(7, 23);
        layer.mentions.insert(MentionId(1), Mention::new(militia, "ACTOR"));
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(14, 23), "ACTOR"));
        layer.mentions.insert(MentionId(3), Mention::new(Span::new(24, 30), "LOCATION"));
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: "ATTACK".into(),
            trigger: Span::new(2, 6),
            arguments: vec![Argument { role: "Attacker".into(), mention: MentionId(1) }],
            attributes: Default::default(),
            note: "n".into(),
            provenance: None,
            curation: None,
        };
        layer.events.insert(EventId(1), event);
        let rel = MentionRelation {
            relation_type: "AFFILIATED_WITH".into(),
            from: MentionId(2),
            to: MentionId(1),
            note: String::new(),
        };
        layer.mention_relations.insert(RelationId(1), rel);
        let (tsv, notes) = layer_to_tsv(&text, &layer);
        let expected = "#FORMAT=WebAnno TSV 3.3\n\
             #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\
             #T_SP=webanno.custom.Event|type|ROLE_webanno.custom.Event:roles_webanno.custom.EventRolesLink|de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\
             #T_RL=webanno.custom.MentionRelation|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n\
             #Text=😊 قصفت مليشيا أبو الفضل البلدة.\n#Text=\n\
             1-1\t0-2\t😊\t_\t_\t_\t_\t_\t_\t\n\
             1-2\t3-7\tقصفت\t_\tATTACK\tAttacker\t1-3[1]\t_\t_\t\n\
             1-3\t8-14\tمليشيا\tACTOR[1]\t_\t_\t_\tAFFILIATED\\_WITH\t1-4[2_1]\t\n\
             1-4\t15-18\tأبو\tACTOR[1]|ACTOR[2]\t_\t_\t_\t_\t_\t\n\
             1-5\t19-24\tالفضل\tACTOR[1]|ACTOR[2]\t_\t_\t_\t_\t_\t\n\
             1-6\t25-31\tالبلدة\tLOCATION\t_\t_\t_\t_\t_\t\n\
             1-7\t31-32\t.\t_\t_\t_\t_\t_\t_\t\n\n\
             #Text=ثم انسحبت\n\
             2-1\t33-35\tثم\t_\t_\t_\t_\t_\t_\t\n\
             2-2\t36-42\tانسحبت\t_\t_\t_\t_\t_\t_\t\n";
        assert_eq!(tsv, expected);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].0.contains("قصفت") && notes[0].1.contains("note"), "{notes:?}");
    }
}
