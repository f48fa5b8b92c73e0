//! Round trips (issue 17): the sample project, given a relation between mentions and notes besides its
//! attributes, exported to each format Tarmeez both writes and reads, brought into a fresh project made as a
//! user makes one, and compared annotation by annotation with the original. What a format cannot hold must be
//! exactly what its export listed as not expressed: a silent drop, or a note of something that came back,
//! fails.
//!
//! Hugging Face JSON lines has no annotation reader: its spans come back as suggestions
//! (`import-suggestions --format hf`), compared with the mentions.

mod common;
use common::layers::{Line, doc_id, fresh_project_like, layer_differences, project_lines, unfounded, unlisted};
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::formats::hf_jsonl::NotExpressed;
use tarmeez::formats::{brat, conll, doccano, hf_jsonl};
use tarmeez::model::{Annotator, Edit, Mention, MentionId, MentionRelation, ProjectEdit, RelationId, Span};
use tarmeez::store::Project;

fn coder() -> Annotator {
    Annotator::parse("sample").unwrap()
}

fn run(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{args:?}:\n{text}");
    text
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The sample with something of each kind: its mentions, events, roles, attributes, notes and actor links,
/// a relation between events (given a note here), a relation between mentions (added here, with a note:
/// the article's "مليشيا أبو الفضل العباس التابعة للمليشيات الإيرانية") and a mention over a line break.
fn sample_with_everything() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "sample");
    let doc = doc_id(SAMPLE_DOC);
    let layer = project.load_document(&doc).unwrap().layers[&coder()].clone();
    let (r1, mut relation) = layer.relations.iter().next().map(|(k, v)| (*k, v.clone())).unwrap();
    relation.note = "ردّ على القصف".to_owned();
    let affiliated = MentionRelation {
        relation_type: "AFFILIATED_WITH".into(),
        from: MentionId(2),
        to: MentionId(9),
        note: "التابعة للمليشيات الإيرانية".to_owned(),
    };
    // A span over the line break after the title, as brat writes in two fragments.
    let text = project.load_document(&doc).unwrap().text.clone();
    let start = text.as_str()[..text.as_str().find("سوريا\n").unwrap()].chars().count();
    let over_break = Mention::new(Span::new(start, start + "سوريا\n\nتعرضت".chars().count()), "LOCATION");
    let edits = vec![
        Edit::PutRelation(r1, Some(relation)),
        Edit::PutMentionRelation(RelationId(2), Some(affiliated)),
        Edit::PutMention(layer.next_mention_id(), Some(over_break)),
    ];
    project.apply_edit(ProjectEdit::Layer(doc, Edit::Batch(edits))).unwrap();
    project.save_dirty().unwrap();
    drop(project);
    (tmp, dir)
}

/// The original's lines, and those of a fresh project after `bring_in` (given the fresh project's folder).
fn through(dir: &Path, fresh: &Path, bring_in: impl FnOnce(&Path)) -> (Vec<Line>, Vec<Line>) {
    fresh_project_like(dir, fresh);
    bring_in(fresh);
    let (original, back) = (open_read_only(dir), open_read_only(fresh));
    layer_differences((&original, &coder()), (&back, &coder()))
}

/// Asserts that nothing was added, that every lost line is listed and every listed note lost, and returns
/// the lost lines' details (or `mention`, `event`, ... for whole annotations), counted, for the format's
/// own assertion.
fn check(format: &str, lost: &[Line], added: &[Line], notes: &[NotExpressed]) -> Vec<String> {
    assert!(added.is_empty(), "{format} invented:\n{}", lines(added));
    let silent = unlisted(lost, notes);
    assert!(silent.is_empty(), "{format} dropped without saying so:\n{}", silent.join("\n"));
    let false_notes = unfounded(lost, notes);
    assert!(false_notes.is_empty(), "{format} listed as not expressed what came back:\n{}", false_notes.join("\n"));
    let mut kinds: Vec<String> = lost
        .iter()
        .map(|l| match &l.detail {
            Some(d) => d.split([' ']).next().unwrap().to_owned(),
            None => l.subject.split(' ').take_while(|w| *w != w.to_uppercase()).collect::<Vec<_>>().join(" "),
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

fn lines(l: &[Line]) -> String {
    l.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[test]
fn brat_round_trip_keeps_everything_but_the_provenance_it_lists() {
    let (tmp, dir) = sample_with_everything();
    let out = tmp.path().join("brat");
    let report = brat::export_project(&open_read_only(&dir), Some(&coder()), &out).unwrap();
    let (lost, added) = through(&dir, &tmp.path().join("fresh"), |fresh| {
        run(&["import-annotations", s(fresh), s(&out), "--format", "brat", "--annotator", "sample"]);
    });
    let kinds = check("brat", &lost, &added, &report.not_expressed);
    // The mention over the line break (two fragments) comes back whole, without a trailing space.
    assert_eq!(kinds, ["evidence", "provenance"]);
}

#[test]
fn doccano_round_trip_loses_only_what_its_export_lists() {
    let (tmp, dir) = sample_with_everything();
    let out = tmp.path().join("doccano");
    let summary = doccano::export_doccano(&open_read_only(&dir), Some(&coder()), &out).unwrap();
    let (lost, added) = through(&dir, &tmp.path().join("fresh"), |fresh| {
        let file = out.join(doccano::FILE_NAME);
        run(&["import-annotations", s(fresh), s(&file), "--format", "doccano", "--annotator", "sample"]);
    });
    let kinds = check("doccano", &lost, &added, &summary.not_expressed);
    assert_eq!(kinds, ["actor", "attribute", "evidence", "note", "provenance"]);
}

#[test]
fn conll_round_trip_keeps_the_mentions_and_lists_the_rest() {
    let (tmp, dir) = sample_with_everything();
    let out = tmp.path().join("conll");
    let summary = conll::export_conll(&open_read_only(&dir), Some(&coder()), &out).unwrap();
    let (lost, added) = through(&dir, &tmp.path().join("fresh"), |fresh| {
        let file = out.join(conll::FILE_NAME);
        run(&["import-annotations", s(fresh), s(&file), "--format", "conll", "--annotator", "sample"]);
    });
    let kinds = check("CoNLL", &lost, &added, &summary.not_expressed);
    assert_eq!(
        kinds,
        ["actor", "attribute", "event", "evidence", "mention relation", "note", "provenance", "relation", "role"]
    );
}

#[test]
fn hf_jsonl_spans_come_back_as_suggestions_of_the_mentions() {
    let (tmp, dir) = sample_with_everything();
    let out = tmp.path().join("hf");
    let summary = hf_jsonl::export_hf_jsonl(&open_read_only(&dir), Some(&coder()), &out).unwrap();
    let fresh = tmp.path().join("fresh");
    fresh_project_like(&dir, &fresh);
    let file = out.join("hf.jsonl");
    run(&["import-suggestions", s(&fresh), s(&file), "--format", "hf", "--source", "hf"]);
    let back = open_read_only(&fresh);
    let suggested = suggestion_lines(&back);
    let original: Vec<Line> = project_lines(&open_read_only(&dir), &coder()).into_iter().collect();
    let lost: Vec<Line> = original.iter().filter(|l| !suggested.contains(l)).cloned().collect();
    let added: Vec<Line> = suggested.iter().filter(|l| !original.contains(l)).cloned().collect();
    let kinds = check("hf-jsonl", &lost, &added, &summary.not_expressed);
    assert_eq!(
        kinds,
        ["actor", "attribute", "event", "evidence", "mention relation", "note", "provenance", "relation", "role"]
    );
}

/// The suggestions of a project as the lines of the mentions they would make.
fn suggestion_lines(project: &Project) -> Vec<Line> {
    project.load_all();
    let mut out = Vec::new();
    for d in project.documents() {
        let Some(loaded) = d.loaded() else { continue };
        for set in loaded.suggestions.values() {
            for s in set.suggestions.values() {
                let label = match &s.label {
                    tarmeez::model::SuggestedLabel::Entity(t) => t.to_string(),
                    tarmeez::model::SuggestedLabel::Event(t) => t.to_string(),
                };
                let text = loaded.text.slice(s.span).unwrap_or("?");
                let subject = format!("mention {label} {} «{text}»", s.span);
                out.push(Line { doc: d.id.to_string(), subject, detail: None });
            }
        }
    }
    out
}
