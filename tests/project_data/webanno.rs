//! WebAnno TSV 3 (INCEpTION): files shaped as INCEpTION writes them (`tests/fixtures/formats/webanno/`, from
//! its user guide's "WebAnno TSV 3.3 File format"; the text starts with an emoji, so UTF-16 offsets and code
//! points differ), read by real `tarmeez` processes; and the round trip of the sample project through
//! `export --format webanno` into a fresh project.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

use crate::common;
use common::cli::{fixture, run, s};
use common::{open_read_only, sample_copy};
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, DocId, Edit, Layer, MentionRelation, ProjectEdit, RelationId, Span};

/// A fresh project with the default schema, and the document `raqqa` when `with_raqqa`.
fn project(with_raqqa: bool) -> (tempfile::TempDir, PathBuf) {
    let raqqa = fixture("raqqa.txt");
    let texts: &[&Path] = if with_raqqa { &[&raqqa] } else { &[] };
    common::cli::project_with("webanno", texts)
}

fn layer(dir: &Path, doc: &str, annotator: &str) -> Layer {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse(doc).unwrap()).unwrap();
    loaded.layers.get(&Annotator::parse(annotator).unwrap()).cloned().unwrap_or_default()
}

/// A layer by content, ids left out: mentions, events with their arguments' spans, relations by their ends'
/// spans.
type Content = (
    Vec<(Span, String)>,
    Vec<(Span, String, Vec<(String, Span)>)>,
    Vec<(String, Span, Span)>,
    Vec<(String, Span, Span)>,
);

fn content(l: &Layer) -> Content {
    let mut mentions: Vec<_> = l.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    mentions.sort();
    let mut events: Vec<_> = l
        .events
        .values()
        .map(|e| {
            let mut args: Vec<_> =
                e.arguments.iter().map(|a| (a.role.to_string(), l.mentions[&a.mention].span)).collect();
            args.sort();
            (e.trigger, e.event_type.to_string(), args)
        })
        .collect();
    events.sort();
    let mut relations: Vec<_> = l
        .relations
        .values()
        .map(|r| (r.relation_type.to_string(), l.events[&r.from].trigger, l.events[&r.to].trigger))
        .collect();
    relations.sort();
    let mut mention_relations: Vec<_> = l
        .mention_relations
        .values()
        .map(|r| (r.relation_type.to_string(), l.mentions[&r.from].span, l.mentions[&r.to].span))
        .collect();
    mention_relations.sort();
    (mentions, events, relations, mention_relations)
}

fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

#[test]
fn an_inception_named_entity_export_comes_in_by_its_folder_and_file_names() {
    let (_tmp, dir) = project(true);
    let folder = fixture("webanno/annotation");
    // INCEpTION's default tags are not the schema's: named, the import refuses with the file and line.
    let (ok, out) = run(&["import-annotations", s(&dir), s(&folder), "--format", "webanno"]);
    assert!(!ok, "{out}");
    assert!(out.contains("huda.tsv:8: NamedEntity: ") || out.contains("huda.tsv:8:"), "{out}");
    assert!(out.contains("`ORG`") && out.contains("--map ORG=TYPE"), "{out}");
    assert!(layer(&dir, "raqqa", "huda").is_empty());
    let (ok, out) = run(&[
        "import-annotations",
        s(&dir),
        s(&folder),
        "--format",
        "webanno",
        "--map",
        "ORG=ACTOR",
        "--map",
        "LOC=LOCATION",
    ]);
    assert!(ok, "{out}");
    // The coder is the file's name, the document its folder's (`raqqa.txt`); offsets are code points again.
    assert!(out.contains("into `raqqa` for huda"), "{out}");
    let (mentions, ..) = content(&layer(&dir, "raqqa", "huda"));
    let expected = [(sp(6, 16), "ACTOR"), (sp(23, 28), "LOCATION"), (sp(47, 53), "ACTOR")];
    assert_eq!(mentions, expected.map(|(s, t)| (s, t.to_owned())));
    // Imported twice, the coder's annotations are kept unless --replace.
    let (ok, out) = run(&[
        "import-annotations",
        s(&dir),
        s(&folder),
        "--format",
        "webanno",
        "--map",
        "ORG=ACTOR",
        "--map",
        "LOC=LOCATION",
    ]);
    assert!(!ok && out.contains("--replace"), "{out}");
}

#[test]
fn custom_layers_bring_events_roles_stacked_spans_sub_tokens_and_a_relation() {
    let (_tmp, dir) = project(true);
    let file = fixture("webanno/raqqa.tsv");
    let (ok, out) = run(&["import-annotations", s(&dir), s(&file), "--format", "webanno", "--annotator", "huda"]);
    assert!(ok, "{out}");
    let (mentions, events, relations, mention_relations) = content(&layer(&dir, "raqqa", "huda"));
    let m = |a, b, t: &str| (sp(a, b), t.to_owned());
    assert_eq!(
        mentions,
        [m(6, 16, "ACTOR"), m(12, 16, "ACTOR"), m(17, 28, "LOCATION"), m(47, 53, "SOURCE"), m(67, 72, "CASUALTIES")]
    );
    let arg = |r: &str, a, b| (r.to_owned(), sp(a, b));
    assert_eq!(
        events,
        [
            (
                sp(2, 5),
                "ATTACK".to_owned(),
                vec![arg("Attacker", 6, 16), arg("Casualties", 67, 72), arg("Location", 17, 28)]
            ),
            // The statement's trigger is a sub-token: قال after the conjunction و of وقال.
            (sp(43, 46), "STATEMENT".to_owned(), vec![arg("Speaker", 47, 53)]),
        ]
    );
    assert!(relations.is_empty());
    assert_eq!(mention_relations, [("AFFILIATED_WITH".to_owned(), sp(12, 16), sp(6, 16))]);
}

#[test]
fn a_file_of_a_document_the_project_lacks_creates_it_and_partial_imports_the_valid_files() {
    let (tmp, dir) = project(false);
    let folder = tmp.path().join("in");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(fixture("webanno/raqqa.tsv"), folder.join("raqqa.tsv")).unwrap();
    let bad = std::fs::read_to_string(fixture("webanno/raqqa.tsv")).unwrap().replace("Location[3]", "PLANET[3]");
    std::fs::write(folder.join("mosul.tsv"), bad).unwrap();
    let (ok, out) = run(&["import-annotations", s(&dir), s(&folder), "--format", "webanno", "--annotator", "huda"]);
    assert!(!ok, "{out}");
    assert!(out.contains("mosul.tsv:12: ") && out.contains("`PLANET`"), "{out}");
    assert!(out.contains("with --partial"), "{out}");
    assert!(open_read_only(&dir).documents().is_empty(), "nothing is created when the import is refused");
    let (ok, out) =
        run(&["import-annotations", s(&dir), s(&folder), "--format", "webanno", "--annotator", "huda", "--partial"]);
    assert!(!ok, "a refused file is an exit status of 1: {out}");
    assert!(out.contains("document `raqqa` created"), "{out}");
    let p = open_read_only(&dir);
    let doc = p.load_document(&DocId::parse("raqqa").unwrap()).unwrap();
    // The text between the sentences is not in the file: INCEpTION puts a line break after each sentence
    // and fills the rest of the gap with spaces, so the first line's trailing space comes after its line
    // break, and every offset is where it was.
    let original = std::fs::read_to_string(fixture("raqqa.txt")).unwrap();
    let expected = original.trim_end().replacen(" \n", "\n ", 1);
    assert_eq!(doc.text.as_str(), expected);
    let (mentions, events, ..) = content(&layer(&dir, "raqqa", "huda"));
    assert_eq!(mentions.len(), 5);
    assert_eq!(events.len(), 2);
}

#[test]
fn the_sample_project_goes_through_webanno_into_a_fresh_project_unchanged() {
    let (_tmp_sample, sample) = sample_copy();
    let doc = "al-omar-oilfield-2021-06-29";
    // The sample has no relation between mentions: one is added, between its first two actors.
    let mut p = common::open_as(&sample, "sample");
    let actors: Vec<_> = layer(&sample, doc, "sample")
        .mentions
        .iter()
        .filter(|(_, m)| m.entity_type.as_str() == "ACTOR")
        .map(|(id, _)| *id)
        .take(2)
        .collect();
    let relation = MentionRelation {
        relation_type: "AFFILIATED_WITH".into(),
        from: actors[1],
        to: actors[0],
        note: String::new(),
    };
    let edit = Edit::PutMentionRelation(RelationId(7), Some(relation));
    p.apply_edit(ProjectEdit::Layer(DocId::parse(doc).unwrap(), edit)).unwrap();
    p.save_dirty().unwrap();
    drop(p);
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("tsv");
    let (ok, out) = run(&["export", s(&sample), "--out", s(&out_dir), "--format", "webanno"]);
    assert!(ok, "{out}");
    // What the format cannot hold is named: actor links, attributes and notes.
    assert!(out.contains("not expressed: ") && out.contains("actor link") && out.contains("attributes"), "{out}");
    let file = out_dir.join(doc).join("sample.tsv");
    let tsv = std::fs::read_to_string(&file).unwrap();
    assert!(
        tsv.starts_with(
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n"
        ),
        "{tsv}"
    );
    // A fresh project with the sample's schema and no documents.
    let fresh = tmp.path().join("fresh");
    let (ok, out) = run(&["new", s(&fresh), "--name", "fresh"]);
    assert!(ok, "{out}");
    std::fs::copy(sample.join("project.ron"), fresh.join("project.ron")).unwrap();
    let (ok, out) = run(&["import-annotations", s(&fresh), s(&out_dir), "--format", "webanno"]);
    assert!(ok, "{out}");
    let before = open_read_only(&sample);
    let original = before.load_document(&DocId::parse(doc).unwrap()).unwrap();
    let after = open_read_only(&fresh);
    let made = after.load_document(&DocId::parse(doc).unwrap()).unwrap();
    assert_eq!(made.text.as_str(), original.text.as_str(), "the text is rebuilt exactly from the sentences");
    let (back, there) = (content(&layer(&fresh, doc, "sample")), content(&layer(&sample, doc, "sample")));
    assert_eq!(there.3.len(), 1, "the relation between mentions went out");
    assert_eq!(back, there);
}

#[test]
fn the_window_imports_into_documents_the_project_has_and_names_the_command_for_the_others() {
    let (_tmp, dir) = project(true);
    let mut p = common::open_as(&dir, "huda");
    let (edit, lines) =
        tarmeez::formats::webanno::plan_for_session(&p, &fixture("webanno/raqqa.tsv"), false, Default::default())
            .unwrap();
    assert_eq!(lines, ["raqqa.tsv: 5 mentions, 2 events, 1 relations into raqqa"]);
    p.apply_edit(edit).unwrap();
    p.save_dirty().unwrap();
    drop(p);
    assert_eq!(layer(&dir, "raqqa", "huda").mentions.len(), 5);
    let (_tmp, empty) = project(false);
    let p = common::open_as(&empty, "huda");
    let refused =
        tarmeez::formats::webanno::plan_for_session(&p, &fixture("webanno/raqqa.tsv"), false, Default::default())
            .unwrap_err();
    assert!(refused[0].contains("import-annotations --format webanno"), "{refused:?}");
}
