//! Comparing coders' layers by content, for round trips through other tools' formats: each annotation is a
//! line naming it by spans and types (ids differ between projects), each of its details (a role, an
//! attribute, a note, an actor link, a provenance) a line of its own, so that what a format drops shows as
//! the lines that differ; and checking those lines against what the export listed as not expressed.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use tarmeez::formats::hf_jsonl::NotExpressed;
use tarmeez::model::{Annotator, DocId, DocText, Layer, MentionId, Span};
use tarmeez::store::Project;

/// One annotation or one detail of it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line {
    /// The document.
    pub doc: String,
    /// What it is about: `mention ACTOR 266..289 «...»`, `event ATTACK 328..332 «...»`,
    /// `relation RESPONSE_TO event ... -> event ...`, `mention relation AFFILIATED_WITH ... -> ...`.
    pub subject: String,
    /// The detail (`role Attacker = ACTOR 266..289 «...»`, `attribute modality = ...`, `note «...»`,
    /// `actor link x`, `provenance`), or `None` for the annotation itself.
    pub detail: Option<String>,
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.detail {
            Some(d) => write!(f, "{}: {}: {d}", self.doc, self.subject),
            None => write!(f, "{}: {}", self.doc, self.subject),
        }
    }
}

fn span_text(text: &DocText, span: Span) -> String {
    format!("{span} «{}»", text.slice(span).unwrap_or("?"))
}

fn mention_subject(layer: &Layer, text: &DocText, id: MentionId) -> String {
    layer.mentions.get(&id).map_or_else(
        || format!("missing mention {id}"),
        |m| format!("mention {} {}", m.entity_type, span_text(text, m.span)),
    )
}

/// Every line of a layer.
pub fn layer_lines(doc: &str, layer: &Layer, text: &DocText) -> BTreeSet<Line> {
    let mut out = BTreeSet::new();
    let mut add = |subject: &str, detail: Option<String>| {
        out.insert(Line { doc: doc.to_owned(), subject: subject.to_owned(), detail });
    };
    for (id, m) in &layer.mentions {
        let subject = mention_subject(layer, text, *id);
        add(&subject, None);
        if let Some(actor) = &m.actor {
            add(&subject, Some(format!("actor link {actor}")));
        }
        for (name, value) in &m.attributes {
            add(&subject, Some(format!("attribute {name} = {value:?}")));
        }
        if !m.note.is_empty() {
            add(&subject, Some(format!("note «{}»", m.note)));
        }
        if m.provenance.is_some() {
            add(&subject, Some("provenance".to_owned()));
        }
    }
    let event_subject = |e: &tarmeez::model::Event| format!("event {} {}", e.event_type, span_text(text, e.trigger));
    for e in layer.events.values() {
        let subject = event_subject(e);
        add(&subject, None);
        for a in &e.arguments {
            add(&subject, Some(format!("role {} = {}", a.role, mention_subject(layer, text, a.mention))));
        }
        for (name, value) in &e.attributes {
            add(&subject, Some(format!("attribute {name} = {value:?}")));
        }
        if !e.note.is_empty() {
            add(&subject, Some(format!("note «{}»", e.note)));
        }
        if e.provenance.is_some() {
            add(&subject, Some("provenance".to_owned()));
        }
        for (field, spans) in &e.evidence {
            for span in spans {
                add(&subject, Some(format!("evidence {field} = {}", span_text(text, *span))));
            }
        }
        if let Some(uid) = &e.uid {
            add(&subject, Some(format!("record id {uid}")));
        }
    }
    for r in layer.relations.values() {
        let end = |id| layer.events.get(id).map_or_else(|| format!("missing event {id}"), event_subject);
        let subject = format!("relation {} {} -> {}", r.relation_type, end(&r.from), end(&r.to));
        add(&subject, None);
        if !r.note.is_empty() {
            add(&subject, Some(format!("note «{}»", r.note)));
        }
    }
    for r in layer.mention_relations.values() {
        let (from, to) = (mention_subject(layer, text, r.from), mention_subject(layer, text, r.to));
        let subject = format!("mention relation {} {from} -> {to}", r.relation_type);
        add(&subject, None);
        if !r.note.is_empty() {
            add(&subject, Some(format!("note «{}»", r.note)));
        }
    }
    out
}

/// Every line of `coder`'s layers in every document of `project`.
pub fn project_lines(project: &Project, coder: &Annotator) -> BTreeSet<Line> {
    project.load_all();
    let mut out = BTreeSet::new();
    for d in project.documents() {
        let Some(loaded) = d.loaded() else { continue };
        if let Some(layer) = loaded.layers.get(coder) {
            out.extend(layer_lines(d.id.as_str(), layer, &loaded.text));
        }
    }
    out
}

/// The differences between two projects' layers: the lines only in the first (lost on the way), and those
/// only in the second (added on the way). Documents are matched by id.
pub fn layer_differences(first: (&Project, &Annotator), second: (&Project, &Annotator)) -> (Vec<Line>, Vec<Line>) {
    let (a, b) = (project_lines(first.0, first.1), project_lines(second.0, second.1));
    (a.difference(&b).cloned().collect(), b.difference(&a).cloned().collect())
}

/// Whether a note of the export names a lost line: the annotation's span and type in its `what`, and the
/// detail's kind (actor link, attributes, note, provenance) in its `reason`; a note of counts (`5 events,
/// 1 relation`, `1 relation between mentions`) names every event, role, relation between events (or between
/// mentions) of its document.
fn names(note: &NotExpressed, line: &Line) -> bool {
    if note.doc.as_str() != line.doc {
        return false;
    }
    let what = note.what.as_str();
    let counts = what.chars().next().is_some_and(|c| c.is_ascii_digit());
    if counts {
        let between_mentions = what.contains("between mentions");
        return if line.subject.starts_with("mention relation") {
            between_mentions
        } else {
            !between_mentions && (line.subject.starts_with("event") || line.subject.starts_with("relation"))
        };
    }
    // `mention m2 (ACTOR 266..289 «...»)`, `event e1 (ATTACK 328..332 «...»)`: the type and span.
    let key = line.subject.split(" «").next().unwrap_or("").split_once(' ').map_or("", |(_, k)| k);
    let about =
        what.contains(&format!("({key} ")) || (line.subject.contains("relation") && what.starts_with("relation"));
    // A note of the whole annotation (dropped by flattening, say) names its details too.
    if about && !note.reason.contains("has no place for its") {
        return true;
    }
    let kind = match line.detail.as_deref() {
        None => return false,
        Some(d) if d.starts_with("actor link") => "actor link",
        Some(d) if d.starts_with("attribute") => "attributes",
        Some(d) if d.starts_with("note") => "note",
        Some(d) if d.starts_with("provenance") => "provenance",
        Some(d) if d.starts_with("evidence") => "evidence",
        Some(d) if d.starts_with("record id") => "record id",
        Some(_) => return false,
    };
    about && note.reason.contains(kind)
}

/// The lost lines no note of the export names: what a format dropped silently.
pub fn unlisted(lost: &[Line], notes: &[NotExpressed]) -> Vec<String> {
    lost.iter().filter(|l| !notes.iter().any(|n| names(n, l))).map(ToString::to_string).collect()
}

/// The notes of the export that name no lost line: something listed as not expressed that came back.
pub fn unfounded(lost: &[Line], notes: &[NotExpressed]) -> Vec<String> {
    notes.iter().filter(|n| !lost.iter().any(|l| names(n, l))).map(ToString::to_string).collect()
}

/// A fresh project at `at` made as a user makes one (`tarmeez new`), given `original`'s schema and actor
/// registry (which travel with a team, not with an export) and its documents' texts (`tarmeez import-text`).
pub fn fresh_project_like(original: &Path, at: &Path) {
    let bin = env!("CARGO_BIN_EXE_tarmeez");
    let run = |args: &[&str]| {
        let o = Command::new(bin).args(args).output().unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    };
    run(&["new", at.to_str().unwrap(), "--name", "fresh"]);
    std::fs::copy(original.join("project.ron"), at.join("project.ron")).unwrap();
    let actors = original.join("actors");
    if actors.is_dir() {
        std::fs::create_dir_all(at.join("actors")).unwrap();
        for entry in std::fs::read_dir(&actors).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), at.join("actors").join(entry.file_name())).unwrap();
        }
    }
    let mut texts: Vec<String> = std::fs::read_dir(original.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    texts.sort();
    let mut args = vec!["import-text", at.to_str().unwrap()];
    args.extend(texts.iter().map(String::as_str));
    run(&args);
}

/// A document id, for tests.
pub fn doc_id(s: &str) -> DocId {
    DocId::parse(s).unwrap()
}
