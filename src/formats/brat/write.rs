//! Export to brat: a layer as the lines of a `.ann` file, the schema as `annotation.conf` and
//! `visual.conf`, and a whole project as those files in a folder.

use super::escape::{attr_token, encode_token, escape_note, is_line_break, one_line};
use super::{ACTOR_DB, CONF_FILE, VISUAL_FILE};
use crate::formats::hf_jsonl::{NotExpressed, describe_mention};
use crate::model::{
    ActorRegistry, AttrValue, AttributeKind, AttributeTarget, DocText, EventId, Layer, MentionId, RelationEnds,
    RelationId, Schema, Span,
};
use crate::model::{Annotator, DocId};
use crate::store::Project;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The fragments of `span` with its line-break characters left out, and their texts joined by spaces.
fn fragments(text: &DocText, span: Span) -> (Vec<Span>, String) {
    let mut frags = Vec::new();
    let mut start = None;
    let slice = text.slice(span).unwrap_or_default();
    for (i, c) in slice.chars().enumerate() {
        let at = span.start + i;
        match (is_line_break(c), start) {
            (true, Some(s)) => {
                frags.push(Span::new(s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        frags.push(Span::new(s, span.end));
    }
    // White space beside a line break (`الرقة \nفجر`) goes out with it: a fragment ending in a space would
    // be joined to the next by two spaces, and brat would show the space as part of the annotation.
    let last = frags.len().saturating_sub(1);
    let frags: Vec<Span> = frags
        .into_iter()
        .enumerate()
        .map(|(i, f)| trim_inner(text, f, i > 0, i < last))
        .filter(|f| !f.is_empty())
        .collect();
    let mut frags = frags;
    if frags.is_empty() {
        frags.push(span);
    }
    let joined = frags.iter().map(|f| text.slice(*f).unwrap_or_default()).collect::<Vec<_>>().join(" ");
    (frags, joined)
}

/// `frag` without the white space at its start (when `start`) and at its end (when `end`).
fn trim_inner(text: &DocText, frag: Span, start: bool, end: bool) -> Span {
    let chars: Vec<char> = text.slice(frag).unwrap_or_default().chars().collect();
    let lead = if start { chars.iter().take_while(|c| c.is_whitespace()).count() } else { 0 };
    let trail = if end { chars[lead..].iter().rev().take_while(|c| c.is_whitespace()).count() } else { 0 };
    Span::new(frag.start + lead, frag.end - trail)
}

fn t_line(out: &mut String, id: usize, ty: &str, text: &DocText, span: Span) {
    let (frags, joined) = fragments(text, span);
    let offsets = frags.iter().map(|f| format!("{} {}", f.start, f.end)).collect::<Vec<_>>().join(";");
    let _ = writeln!(out, "T{id}\t{ty} {offsets}\t{joined}");
}

/// The brat ids given to a layer's annotations as its `.ann` file is written.
struct AnnIds {
    /// The `T` number of each mention.
    mention_t: BTreeMap<MentionId, usize>,
    /// The `T` number of each event's trigger.
    trigger_t: BTreeMap<EventId, usize>,
    /// The `E` number of each event.
    event_e: BTreeMap<EventId, usize>,
    /// The `R` number of each relation written (those between written events).
    relation_r: BTreeMap<RelationId, usize>,
}

/// One layer as the lines of a brat `.ann` file.
pub fn layer_to_ann(layer: &Layer, text: &DocText, actors: &ActorRegistry) -> String {
    let mut out = String::new();
    let mut ids = AnnIds {
        mention_t: BTreeMap::new(),
        trigger_t: BTreeMap::new(),
        event_e: BTreeMap::new(),
        relation_r: BTreeMap::new(),
    };
    write_text_lines(&mut out, layer, text, &mut ids);
    write_event_lines(&mut out, layer, &mut ids);
    write_relation_lines(&mut out, layer, &mut ids);
    write_attribute_lines(&mut out, layer, &ids);
    write_reference_lines(&mut out, layer, actors, &ids);
    write_note_lines(&mut out, layer, &ids);
    out
}

/// The `T` lines: mentions first, then event triggers, numbered on from one.
fn write_text_lines(out: &mut String, layer: &Layer, text: &DocText, ids: &mut AnnIds) {
    let mut t = 0;
    for (id, m) in &layer.mentions {
        t += 1;
        ids.mention_t.insert(*id, t);
        t_line(out, t, m.entity_type.as_str(), text, m.span);
    }
    for (id, ev) in &layer.events {
        t += 1;
        ids.trigger_t.insert(*id, t);
        t_line(out, t, ev.event_type.as_str(), text, ev.trigger);
    }
}

/// The `E` lines, with a role filled several times numbered as brat numbers it (`Location2`).
fn write_event_lines(out: &mut String, layer: &Layer, ids: &mut AnnIds) {
    for (n, (id, ev)) in layer.events.iter().enumerate() {
        ids.event_e.insert(*id, n + 1);
        let _ = write!(out, "E{}\t{}:T{}", n + 1, ev.event_type, ids.trigger_t[id]);
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for arg in &ev.arguments {
            let Some(k) = ids.mention_t.get(&arg.mention) else { continue };
            let count = seen.entry(arg.role.as_str()).or_default();
            *count += 1;
            let suffix = if *count > 1 { count.to_string() } else { String::new() };
            let _ = write!(out, " {}{suffix}:T{k}", arg.role);
        }
        out.push('\n');
    }
}

/// The `R` lines: between `E` ids for relations between events, then between `T` ids for relations between
/// mentions; a relation whose ends are missing is left out.
fn write_relation_lines(out: &mut String, layer: &Layer, ids: &mut AnnIds) {
    let mut r = 0;
    for (id, rel) in &layer.relations {
        let (Some(from), Some(to)) = (ids.event_e.get(&rel.from), ids.event_e.get(&rel.to)) else { continue };
        r += 1;
        ids.relation_r.insert(*id, r);
        let _ = writeln!(out, "R{r}\t{} Arg1:E{from} Arg2:E{to}", rel.relation_type);
    }
    for (id, rel) in &layer.mention_relations {
        let (Some(from), Some(to)) = (ids.mention_t.get(&rel.from), ids.mention_t.get(&rel.to)) else { continue };
        r += 1;
        ids.relation_r.insert(*id, r);
        let _ = writeln!(out, "R{r}\t{} Arg1:T{from} Arg2:T{to}", rel.relation_type);
    }
}

/// The `A` lines of mentions, then of events; a false boolean is not written (brat's are present or absent).
fn write_attribute_lines(out: &mut String, layer: &Layer, ids: &AnnIds) {
    let mut a = 0;
    let mut attr_line = |out: &mut String, target: String, attrs: &crate::model::Attributes| {
        for (name, value) in attrs {
            if *value == AttrValue::Bool(false) {
                continue;
            }
            a += 1;
            let _ = match attr_token(value) {
                Some(v) => writeln!(out, "A{a}\t{name} {target} {v}"),
                None => writeln!(out, "A{a}\t{name} {target}"),
            };
        }
    };
    for (id, m) in &layer.mentions {
        attr_line(out, format!("T{}", ids.mention_t[id]), &m.attributes);
    }
    for (id, ev) in &layer.events {
        attr_line(out, format!("E{}", ids.event_e[id]), &ev.attributes);
    }
}

/// The `N` lines linking mentions to the actor registry, with the actor's name as their text.
fn write_reference_lines(out: &mut String, layer: &Layer, actors: &ActorRegistry, ids: &AnnIds) {
    let mut n = 0;
    for (id, m) in &layer.mentions {
        if let Some(actor) = &m.actor {
            n += 1;
            let name = actors.actors.get(actor).map(|a| one_line(&a.name)).unwrap_or_default();
            let _ = writeln!(out, "N{n}\tReference T{} {ACTOR_DB}:{actor}\t{name}", ids.mention_t[id]);
        }
    }
}

/// The `#` lines: notes of mentions, events and written relations, escaped onto one line.
fn write_note_lines(out: &mut String, layer: &Layer, ids: &AnnIds) {
    let mut h = 0;
    let mut note = |out: &mut String, target: String, note: &str| {
        if !note.is_empty() {
            h += 1;
            let _ = writeln!(out, "#{h}\tAnnotatorNotes {target}\t{}", escape_note(note));
        }
    };
    for (id, m) in &layer.mentions {
        note(out, format!("T{}", ids.mention_t[id]), &m.note);
    }
    for (id, ev) in &layer.events {
        note(out, format!("E{}", ids.event_e[id]), &ev.note);
    }
    let notes = layer.relations.iter().map(|(id, r)| (id, &r.note));
    for (id, text) in notes.chain(layer.mention_relations.iter().map(|(id, r)| (id, &r.note))) {
        if let Some(r) = ids.relation_r.get(id) {
            note(out, format!("R{r}"), text);
        }
    }
}

fn arg_types(types: &[String], any: &str) -> String {
    if types.is_empty() { any.to_owned() } else { types.join("|") }
}

/// brat's `annotation.conf` for `schema`. Number, date and text attributes, which brat cannot declare as
/// free values, list the values that `layers` use (encoded as in the `.ann` files).
pub fn annotation_conf<'a>(schema: &Schema, layers: impl IntoIterator<Item = &'a Layer>) -> String {
    let mut used: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for layer in layers {
        let attrs = layer.mentions.values().map(|m| &m.attributes).chain(layer.events.values().map(|e| &e.attributes));
        for set in attrs {
            for (id, value) in set {
                if let Some(token) = attr_token(value) {
                    used.entry(id.as_str()).or_default().insert(token);
                }
            }
        }
    }
    let mut out = String::from("# brat configuration written by Tarmeez from the project's schema.\n\n[entities]\n");
    for t in &schema.entity_types {
        let _ = writeln!(out, "{}", t.id);
    }
    out.push_str("\n[relations]\n");
    let ends = |types: &[crate::model::EntityTypeId]| {
        let names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
        if names.is_empty() { "<ENTITY>".to_owned() } else { names.join("|") }
    };
    for r in &schema.relation_types {
        let _ = match &r.between {
            RelationEnds::Events => writeln!(out, "{}\tArg1:<EVENT>, Arg2:<EVENT>", r.id),
            RelationEnds::Mentions { from, to } => writeln!(out, "{}\tArg1:{}, Arg2:{}", r.id, ends(from), ends(to)),
        };
    }
    out.push_str("\n[events]\n");
    for ev in &schema.event_types {
        let roles: Vec<String> = ev
            .roles
            .iter()
            .map(|r| {
                let mark = match (r.required, r.repeatable) {
                    (true, true) => "+",
                    (true, false) => "",
                    (false, true) => "*",
                    (false, false) => "?",
                };
                let allowed = r.allowed.iter().map(|a| a.as_str()).collect::<Vec<_>>().join("|");
                format!("{}{mark}:{allowed}", r.id)
            })
            .collect();
        if roles.is_empty() {
            let _ = writeln!(out, "{}", ev.id);
        } else {
            let _ = writeln!(out, "{}\t{}", ev.id, roles.join(", "));
        }
    }
    out.push_str("\n[attributes]\n");
    for def in &schema.attributes {
        let any = match def.target {
            AttributeTarget::Mention => "<ENTITY>",
            AttributeTarget::Event => "<EVENT>",
        };
        let arg = arg_types(&def.types, any);
        let values: Vec<String> = match &def.kind {
            AttributeKind::Boolean => {
                let _ = writeln!(out, "{}\tArg:{arg}", def.id);
                continue;
            }
            AttributeKind::Choice(choices) => choices.iter().map(|c| encode_token(c)).collect(),
            _ => used.get(def.id.as_str()).map(|s| s.iter().cloned().collect()).unwrap_or_default(),
        };
        if values.is_empty() {
            let _ = writeln!(out, "# {}\tArg:{arg} (free values; none is used in this export)", def.id);
        } else {
            let _ = writeln!(out, "{}\tArg:{arg}, Value:{}", def.id, values.join("|"));
        }
    }
    out
}

/// brat's `visual.conf`: display names and the schema's colours.
pub fn visual_conf(schema: &Schema) -> String {
    let mut out = String::from("# brat display settings written by Tarmeez from the project's schema.\n\n[labels]\n");
    let labelled = |out: &mut String, id: &str, name: &str| {
        let _ = writeln!(out, "{id} | {}", one_line(name).replace('|', "/"));
    };
    for t in &schema.entity_types {
        labelled(&mut out, t.id.as_str(), &t.name);
    }
    for t in &schema.event_types {
        labelled(&mut out, t.id.as_str(), &t.name);
    }
    for r in &schema.relation_types {
        labelled(&mut out, r.id.as_str(), &r.name);
    }
    out.push_str("\n[drawing]\n");
    for t in &schema.entity_types {
        let _ = writeln!(out, "{}\tbgColor:{}", t.id, t.color);
    }
    for t in &schema.event_types {
        let _ = writeln!(out, "{}\tbgColor:{}", t.id, t.color);
    }
    out
}

/// Schema ids that cannot be brat type, role or attribute names (which are single tokens without `:`, `|`,
/// `,`, `;`, `=`, `#`, `<` or `>`), as sentences.
pub fn schema_problems(schema: &Schema) -> Vec<String> {
    let bad = |s: &str| s.is_empty() || s.chars().any(|c| c.is_whitespace() || ":|,;=#<>".contains(c));
    let mut names: Vec<(&str, &str)> = Vec::new();
    names.extend(schema.entity_types.iter().map(|t| ("entity type", t.id.as_str())));
    names.extend(schema.event_types.iter().map(|t| ("event type", t.id.as_str())));
    for ev in &schema.event_types {
        names.extend(ev.roles.iter().map(|r| ("role", r.id.as_str())));
    }
    names.extend(schema.attributes.iter().map(|a| ("attribute", a.id.as_str())));
    names.extend(schema.relation_types.iter().map(|r| ("relation type", r.id.as_str())));
    names
        .into_iter()
        .filter(|(_, id)| bad(id))
        .map(|(what, id)| {
            format!("{what} `{id}` cannot be written in brat (ids there are one word without : | , ; = # < >)")
        })
        .collect()
}

/// What [`export_project`] wrote.
#[derive(Debug, Default)]
pub struct ExportReport {
    /// `(document, annotator, .ann path)` for each pair of files written.
    pub written: Vec<(DocId, Annotator, PathBuf)>,
    /// Documents left out because they have problems, with the first one.
    pub skipped: Vec<(DocId, String)>,
    /// What brat has no place for: the provenance of annotations accepted from suggestions (found by the round
    /// trips, tests/round_trips.rs, where it went without a word), events' evidence and kept record ids.
    pub not_expressed: Vec<crate::formats::hf_jsonl::NotExpressed>,
}

/// The provenance of a layer's mentions and events, which brat has no place for.
fn provenance_notes(doc: &DocId, annotator: &Annotator, layer: &Layer, text: &DocText) -> Vec<NotExpressed> {
    let note = |what: String| NotExpressed {
        doc: doc.clone(),
        annotator: annotator.clone(),
        what,
        reason: "brat has no place for its provenance (the suggestion it was accepted from)".to_owned(),
    };
    let mentions = layer.mentions.iter().filter(|(_, m)| m.provenance.is_some());
    let events = layer.events.iter().filter(|(_, e)| e.provenance.is_some());
    let mut notes: Vec<NotExpressed> = mentions.map(|(id, m)| note(describe_mention(text, *id, m))).collect();
    notes.extend(events.map(|(id, e)| {
        note(format!("event {id} ({} {} «{}»)", e.event_type, e.trigger, text.slice(e.trigger).unwrap_or("")))
    }));
    notes
}

/// What of an event's record a format of spans and labels (brat, doccano) has no place for: its evidence (the
/// spans that justify its record's fields) and a record id kept through a change of trigger or type (an unset
/// one is derived again from the document, type and trigger, so it comes back by itself).
pub fn record_details_lost(event: &crate::model::Event) -> Vec<String> {
    let mut lost = Vec::new();
    if !event.evidence.is_empty() {
        lost.push("evidence".to_owned());
    }
    if event.uid.is_some() {
        lost.push("record id".to_owned());
    }
    lost
}

/// The events of a layer whose evidence or kept record id brat has no place for.
fn record_notes(doc: &DocId, annotator: &Annotator, layer: &Layer, text: &DocText) -> Vec<NotExpressed> {
    let mut notes = Vec::new();
    for (id, e) in &layer.events {
        let lost = record_details_lost(e);
        if lost.is_empty() {
            continue;
        }
        notes.push(NotExpressed {
            doc: doc.clone(),
            annotator: annotator.clone(),
            what: format!("event {id} ({} {} «{}»)", e.event_type, e.trigger, text.slice(e.trigger).unwrap_or("")),
            reason: format!("brat has no place for its {}", lost.join(", ")),
        });
    }
    notes
}

/// Writes `annotation.conf`, `visual.conf` and a `.txt` and `.ann` per document into `out`.
///
/// With an annotator, every readable document is written flat into `out` (an empty `.ann` where the coder
/// has no layer, ready to be coded in brat); without, each coder's layers go into `out/<annotator>/`, the
/// configuration staying in `out`, where brat finds it for the folders below.
pub fn export_project(project: &Project, annotator: Option<&Annotator>, out: &Path) -> std::io::Result<ExportReport> {
    if let Some(first) = schema_problems(&project.config().schema).into_iter().next() {
        return Err(std::io::Error::other(format!("{first}; nothing was written")));
    }
    project.load_all();
    let mut report = ExportReport::default();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut layers: Vec<&Layer> = Vec::new();
    let empty = Layer::default();
    for entry in project.documents() {
        let Some(doc) = entry.loaded() else {
            let first = entry.problems().first().map(|p| p.to_string()).unwrap_or_default();
            report.skipped.push((entry.id.clone(), first));
            continue;
        };
        let chosen: Vec<(&Annotator, &Layer, PathBuf)> = match annotator {
            Some(a) => vec![(a, doc.layers.get(a).unwrap_or(&empty), out.to_owned())],
            None => doc.layers.iter().map(|(a, l)| (a, l, out.join(a.as_str()))).collect(),
        };
        for (a, layer, dir) in chosen {
            let ann = dir.join(format!("{}.ann", entry.id));
            files.push((dir.join(format!("{}.txt", entry.id)), doc.text.as_str().to_owned()));
            files.push((ann.clone(), layer_to_ann(layer, &doc.text, project.actors())));
            report.not_expressed.extend(provenance_notes(&entry.id, a, layer, &doc.text));
            report.not_expressed.extend(record_notes(&entry.id, a, layer, &doc.text));
            report.written.push((entry.id.clone(), a.clone(), ann));
            layers.push(layer);
        }
    }
    files.push((out.join(CONF_FILE), annotation_conf(&project.config().schema, layers)));
    files.push((out.join(VISUAL_FILE), visual_conf(&project.config().schema)));
    let files: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|(path, text)| (path, text.into_bytes())).collect();
    crate::store::atomic::write_atomic_all(&files)
        .map_err(|(path, e)| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_conflict_schema;

    #[test]
    fn the_default_schema_can_be_written_and_ids_with_spaces_cannot() {
        let mut schema = default_conflict_schema();
        assert_eq!(schema_problems(&schema), Vec::<String>::new());
        schema.entity_types[0].id = "ARMED GROUP".into();
        assert!(schema_problems(&schema)[0].contains("`ARMED GROUP`"));
    }
}
