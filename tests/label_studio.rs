//! Label Studio task files in and out (issue 17): `tests/fixtures/formats/label-studio/tasks.json` is shaped
//! as Label Studio's JSON export (see `tests/fixtures/formats/README.md`), with Arabic texts that start with an
//! emoji, so that its UTF-16 offsets differ from code points; two annotators, relations, a cancelled
//! annotation and a prediction. Real processes on temporary projects.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;

use common::cli::{fixture, run, s};
use common::{SAMPLE_DOC, edit_file, open_as, open_read_only, sample_copy};
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, AttrValue, DocId, Layer, SourceName, Span};

/// A fresh project with the default schema and the document `raqqa`.
fn project() -> (tempfile::TempDir, PathBuf) {
    common::cli::project_with("label-studio", &[&fixture("raqqa.txt")])
}

fn tasks() -> PathBuf {
    fixture("label-studio/tasks.json")
}

fn import(dir: &Path, path: &Path, extra: &[&str]) -> (bool, String) {
    let mut args = vec!["import-annotations", s(dir), s(path), "--format", "label-studio"];
    args.extend(extra);
    run(&args)
}

fn layer(dir: &Path, doc: &str, annotator: &str) -> Layer {
    let p = open_read_only(dir);
    let Ok(loaded) = p.load_document(&DocId::parse(doc).unwrap()) else { return Layer::default() };
    loaded.layers.get(&Annotator::parse(annotator).unwrap()).cloned().unwrap_or_default()
}

/// A layer's mentions as (text, type), sorted.
fn mentions(dir: &Path, doc: &str, layer: &Layer) -> Vec<(String, String)> {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse(doc).unwrap()).unwrap();
    let mut out: Vec<_> = layer
        .mentions
        .values()
        .map(|m| (loaded.text.slice(m.span).unwrap().to_owned(), m.entity_type.to_string()))
        .collect();
    out.sort();
    out
}

/// A layer's events as (type, trigger, sorted (role, filler span)), its event relations and its mention
/// relations as (type, from, to), by content rather than id.
#[allow(clippy::type_complexity)]
fn structure(
    layer: &Layer,
) -> (Vec<(String, Span, Vec<(String, Span)>)>, Vec<(String, Span, Span)>, Vec<(String, Span, Span)>) {
    let mut events: Vec<_> = layer
        .events
        .values()
        .map(|e| {
            let mut args: Vec<_> =
                e.arguments.iter().map(|a| (a.role.to_string(), layer.mentions[&a.mention].span)).collect();
            args.sort();
            (e.event_type.to_string(), e.trigger, args)
        })
        .collect();
    events.sort();
    let trigger = |e| layer.events[&e].trigger;
    let mut relations: Vec<_> =
        layer.relations.values().map(|r| (r.relation_type.to_string(), trigger(r.from), trigger(r.to))).collect();
    relations.sort();
    let span = |m| layer.mentions[&m].span;
    let mut linked: Vec<_> =
        layer.mention_relations.values().map(|r| (r.relation_type.to_string(), span(r.from), span(r.to))).collect();
    linked.sort();
    (events, relations, linked)
}

#[test]
fn label_studio_tasks_become_documents_and_each_annotators_layer() {
    let (_tmp, dir) = project();
    let before = common::files(&dir);

    // Two annotators and no names for them: refused, naming both.
    let (ok, out) = import(&dir, &tasks(), &["--annotator", "huda"]);
    assert!(!ok);
    assert!(out.contains("user 7 (2 annotations)") && out.contains("user omar@example.org"), "{out}");
    assert!(out.contains("--coder 7=NAME"), "{out}");
    assert_eq!(common::files(&dir), before, "nothing written");

    // Named, but omar's `PER` is no type: the whole file is refused, the result named with its task.
    let coders = ["--coder", "7=huda", "--coder", "omar@example.org=omar"];
    let (ok, out) = import(&dir, &tasks(), &coders);
    assert!(!ok);
    assert!(out.contains("task 1, result Pq7Lm3Zt1: unknown label `PER`"), "{out}");
    assert!(out.contains("labels the schema has no type for: PER;"), "{out}");
    assert!(out.contains("import the valid tasks with --partial"), "{out}");
    assert_eq!(common::files(&dir), before, "nothing written, not even the new document");

    // --partial: task 2 comes in (with its document), task 1 is listed and left out whole.
    let mut partial = coders.to_vec();
    partial.push("--partial");
    let (ok, out) = import(&dir, &tasks(), &partial);
    assert!(!ok, "refusals make the exit status 1: {out}");
    assert!(out.contains("task 2: made document `abu-fadl`"), "{out}");
    assert!(out.contains("task 1, result Pq7Lm3Zt1"), "{out}");
    assert!(layer(&dir, "raqqa", "huda").mentions.is_empty(), "task 1 is left out whole");
    let militia = layer(&dir, "abu-fadl", "huda");
    assert_eq!(
        mentions(&dir, "abu-fadl", &militia),
        [
            ("الحرس الثوري الإيراني".to_owned(), "ACTOR".to_owned()),
            ("القاعدة".to_owned(), "LOCATION".to_owned()),
            ("مليشيا أبو الفضل العباس".to_owned(), "ACTOR".to_owned()),
        ]
    );
    let (events, _, linked) = structure(&militia);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].2.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(), ["Attacker", "Target"]);
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].0, "AFFILIATED_WITH", "the label `affiliated_with` is the type whatever its case");
    // Per-region results: the trigger's modality (a choice, matched regardless of case) and a mention's note.
    let attack = militia.events.values().next().unwrap();
    assert_eq!(attack.attributes.get(&"modality".into()), Some(&AttrValue::Choice("claimed".into())));
    assert!(militia.mentions.values().any(|m| m.note == "موالية لإيران"), "{militia:?}");
    let meta = open_read_only(&dir).document(&DocId::parse("abu-fadl").unwrap()).unwrap().meta.clone().unwrap();
    assert_eq!(meta.title, "Abu al-Fadl al-Abbas");

    // With the label mapped, everything comes in; task 2 is found present, its document not made again.
    // The project's labeling config may declare labels the file does not use: those the schema lacks are named.
    let config = dir.parent().unwrap().join("config.xml");
    let xml = r#"<View><Text name="text" value="$text"/><Labels name="label" toName="text"><Label value="PER"/><Label value="GPE"/></Labels></View>"#;
    std::fs::write(&config, xml).unwrap();
    let mut mapped = coders.to_vec();
    mapped.extend(["--map", "PER=ACTOR", "--config", s(&config)]);
    let (ok, out) = import(&dir, &tasks(), &mapped);
    assert!(ok, "{out}");
    assert!(out.contains("labels the schema has no type for: GPE;"), "PER is mapped: {out}");
    assert!(out.contains("1 cancelled annotation(s) left out"), "{out}");
    assert!(out.contains("1 prediction(s) left out: import them as suggestions"), "{out}");
    assert!(out.contains("1 result(s) of type `choices` left out"), "the task-level choice: {out}");
    assert!(!out.contains("made document"), "{out}");
    let huda = layer(&dir, "raqqa", "huda");
    assert_eq!(
        mentions(&dir, "raqqa", &huda),
        [("تنظيم داعش".to_owned(), "ACTOR".to_owned()), ("مدينة الرقة".to_owned(), "LOCATION".to_owned())]
    );
    // UTF-16 3..6 after the emoji is «قصف» at code points 2..5; the `left` relation goes from the trigger.
    let (events, ..) = structure(&huda);
    let (dash, raqqa) = (Span::new(6, 16), Span::new(17, 28));
    assert_eq!(
        events,
        [("ATTACK".to_owned(), Span::new(2, 5), vec![("Attacker".to_owned(), dash), ("Target".to_owned(), raqqa)])]
    );
    let omar = layer(&dir, "raqqa", "omar");
    assert_eq!(
        mentions(&dir, "raqqa", &omar),
        [("تنظيم داعش".to_owned(), "ACTOR".to_owned()), ("فجر الجمعة".to_owned(), "TIME".to_owned())]
    );
    assert_eq!(layer(&dir, "abu-fadl", "huda"), militia, "task 2 again changes nothing");

    // The same file's predictions are suggestions.
    let (ok, out) =
        run(&["import-suggestions", s(&dir), s(&tasks()), "--format", "label-studio", "--source", "ls-model"]);
    assert!(ok, "{out}");
    let p = open_read_only(&dir);
    let loaded = p.load_document(&DocId::parse("raqqa").unwrap()).unwrap();
    let set = &loaded.suggestions[&SourceName::parse("ls-model").unwrap()];
    let spans: Vec<&str> = set.suggestions.values().map(|x| loaded.text.slice(x.span).unwrap()).collect();
    assert_eq!(spans, ["المرصد"]);
}

#[test]
fn a_file_with_one_annotator_goes_into_annotator_and_bad_results_are_refused_with_their_ids() {
    let (tmp, dir) = project();
    let text = std::fs::read_to_string(fixture("raqqa.txt")).unwrap();
    let file = tmp.path().join("one.json");
    let task = serde_json::json!({"data": {"text": text}, "annotations": [{"id": 1, "completed_by": 4, "result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 7, "end": 17, "text": "تنظيم داعش", "labels": ["ACTOR"]}},
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 3, "end": 6, "text": "قصف", "labels": ["ATTACK"]}},
        {"id": "c", "from_id": "b", "to_id": "a", "type": "relation", "direction": "bi", "labels": ["Attacker"]}
    ]}]});
    std::fs::write(&file, task.to_string()).unwrap();
    let (ok, out) = import(&dir, &file, &["--annotator", "huda"]);
    assert!(!ok);
    assert!(out.contains("task 1, result c: the relation goes both ways"), "{out}");
    let fixed = task.to_string().replace("\"bi\"", "\"right\"");
    std::fs::write(&file, fixed).unwrap();
    let (ok, out) = import(&dir, &file, &["--annotator", "huda"]);
    assert!(ok, "{out}");
    assert!(out.contains("huda: 1 mentions, 1 events, 1 roles, 0 relations into 1 documents"), "{out}");
    let (ok, out) = import(&dir, &file, &["--annotator", "huda"]);
    assert!(ok && out.contains("everything in it is already in the coders' layers"), "{out}");
    // A span whose text is not the document's there is refused.
    let wrong = task.to_string().replace("\"bi\"", "\"right\"").replace("\"start\":7", "\"start\":8");
    std::fs::write(&file, wrong).unwrap();
    let (ok, out) = import(&dir, &file, &["--annotator", "omar"]);
    assert!(!ok);
    assert!(out.contains("task 1, result a: the file says 8..17 is «تنظيم داعش»"), "{out}");

    // With --partial, a refused task's document is not made.
    let valid: serde_json::Value = serde_json::from_str(&task.to_string().replace("\"bi\"", "\"right\"")).unwrap();
    let refused = serde_json::json!({"data": {"text": "🙂 نص جديد", "doc_id": "new-one"}, "annotations": [{"completed_by": 4,
        "result": [{"id": "p", "type": "labels", "value": {"start": 3, "end": 5, "text": "نص", "labels": ["PLANET"]}}]}]});
    std::fs::write(&file, serde_json::json!([valid, refused]).to_string()).unwrap();
    let (ok, out) = import(&dir, &file, &["--annotator", "layla", "--partial"]);
    assert!(!ok);
    assert!(out.contains("task 2, result p: unknown label `PLANET`"), "{out}");
    assert!(out.contains("layla: 1 mentions"), "{out}");
    assert!(open_read_only(&dir).document(&DocId::parse("new-one").unwrap()).is_none(), "{out}");
}

#[test]
fn tarmeez_to_label_studio_and_into_a_fresh_project_gives_the_same_layer() {
    let (tmp, dir) = sample_copy();
    // A relation between mentions beside the sample's relation between events.
    edit_file(
        &dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron")),
        "  relations: {",
        "  mention_relations: {\n    \"r2\": (type: \"AFFILIATED_WITH\", from: \"m2\", to: \"m10\"),\n  },\n  relations: {",
    );
    let out = tmp.path().join("out");
    let (ok, printed) =
        run(&["export", s(&dir), "--format", "label-studio", "--annotator", "sample", "--out", s(&out)]);
    assert!(ok, "{printed}");
    // What Label Studio cannot hold is listed.
    assert!(printed.contains("not expressed:") && printed.contains("actor link `abu-fadl-abbas`"), "{printed}");
    assert!(!printed.contains("attributes ("), "attributes are per-region results: {printed}");
    let config = std::fs::read_to_string(out.join("label_config.xml")).unwrap();
    assert!(config.contains("<Label value=\"ACTOR\"") && config.contains("<Relation value=\"Attacker\"/>"), "{config}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    assert_eq!(written[0]["data"]["doc_id"], SAMPLE_DOC);
    assert_eq!(written[0]["annotations"][0]["completed_by"]["email"], "sample@tarmeez.invalid");

    // A fresh project with the sample's schema and no documents.
    let fresh = tmp.path().join("fresh");
    let (ok, o) = run(&["new", s(&fresh), "--name", "fresh"]);
    assert!(ok, "{o}");
    std::fs::copy(dir.join("project.ron"), fresh.join("project.ron")).unwrap();
    let (ok, o) = import(&fresh, &out.join("tasks.json"), &[]);
    assert!(ok, "{o}");
    assert!(o.contains(&format!("made document `{SAMPLE_DOC}`")), "{o}");
    let original = layer(&dir, SAMPLE_DOC, "sample");
    let back = layer(&fresh, SAMPLE_DOC, "sample");
    assert_eq!(mentions(&fresh, SAMPLE_DOC, &back), mentions(&dir, SAMPLE_DOC, &original));
    let spans = |l: &Layer| l.mentions.values().map(|m| m.span).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(spans(&back), spans(&original));
    // Attributes and notes come back as per-region results.
    let details = |l: &Layer| {
        let mut out: Vec<String> =
            l.mentions.values().map(|m| format!("{} {:?} {}", m.span, m.attributes, m.note)).collect();
        out.extend(l.events.values().map(|e| format!("{} {:?} {}", e.trigger, e.attributes, e.note)));
        out.sort();
        out
    };
    assert_eq!(details(&back), details(&original));
    assert!(original.events.values().any(|e| !e.attributes.is_empty() && !e.note.is_empty()));
    let (events, relations, linked) = structure(&back);
    assert_eq!((events.clone(), relations.clone(), linked.clone()), structure(&original));
    assert!(!relations.is_empty() && linked.len() == 1 && events.iter().any(|e| !e.2.is_empty()));
    let text = |d: &Path| {
        open_read_only(d).load_document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap().text.as_str().to_owned()
    };
    assert_eq!(text(&fresh), text(&dir));
}

#[test]
fn file_import_annotations_offers_label_studio_and_imports_into_ones_layer_undoably() {
    use egui_kittest::kittest::Queryable as _;
    let (tmp, dir) = sample_copy();
    let out = tmp.path().join("out");
    let (ok, printed) =
        run(&["export", s(&dir), "--format", "label-studio", "--annotator", "sample", "--out", s(&out)]);
    assert!(ok, "{printed}");
    let theirs = layer(&dir, SAMPLE_DOC, "sample");
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.state_mut().open_annotations_file(out.join("tasks.json"));
    h.run();
    h.get_by_label("Label Studio (tasks JSON)");
    h.get_by_label_contains(&format!("{} mentions, {} events", theirs.mentions.len(), theirs.events.len()));
    h.get_by_label("Import into my layer").click();
    h.run();
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let mine = |h: &egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>| {
        let loaded = h.state().project().unwrap().document(&doc).unwrap().loaded().unwrap();
        loaded.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
    };
    assert_eq!(structure(&mine(&h)), structure(&theirs));
    assert_eq!(mine(&h).mentions.len(), theirs.mentions.len());
    common::press(&mut h, eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    assert!(mine(&h).mentions.is_empty(), "one Ctrl+Z takes the import back");
}

#[test]
fn the_import_window_asks_whose_annotations_when_the_file_has_several_annotators() {
    use egui_kittest::kittest::Queryable as _;
    let (_tmp, dir) = project();
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.state_mut().open_annotations_file(tasks());
    h.run();
    h.get_by_label_contains("annotations by 2 annotators: choose whose");
    h.get_by_label("Annotations of Label Studio user").click();
    h.run();
    h.get_by_label("7").click();
    h.run();
    // Task 2's document is not in the project: the window leaves it out and says how to make it.
    h.get_by_label_contains("1 task document the project lacks, left out");
    h.get_by_label_contains("2 mentions, 1 event, 2 roles");
    h.get_by_label("Import into my layer").click();
    h.run();
    let doc = DocId::parse("raqqa").unwrap();
    let loaded = h.state().project().unwrap().document(&doc).unwrap().loaded().unwrap().layers.clone();
    let mine = loaded.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default();
    assert_eq!(mine.mentions.len(), 2);
    assert_eq!(mine.events.values().next().unwrap().trigger, Span::new(2, 5), "UTF-16 3..6 after the emoji");
}

#[test]
fn add_types_adds_the_labels_the_schema_lacks_before_the_layers_are_written() {
    let (_tmp, dir) = project();
    let args = ["--coder", "7=huda", "--coder", "omar@example.org=omar", "--add-types"];
    let (ok, out) = import(&dir, &tasks(), &args);
    assert!(ok, "{out}");
    let p = open_read_only(&dir);
    assert!(p.config().schema.entity_types.iter().any(|t| t.id.as_str() == "PER"), "{out}");
    drop(p);
    let omar = layer(&dir, "raqqa", "omar");
    assert!(omar.mentions.values().any(|m| m.entity_type.as_str() == "PER"), "{out}");
}
