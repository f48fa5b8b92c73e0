//! Interchange exports (doccano, CoNLL, hf-jsonl) and the doccano import, on copies of the sample project.

mod common;

use common::{SAMPLE_DOC, edit_file, files, open_as, open_read_only, sample_copy};
use std::collections::BTreeMap;
use std::path::Path;
use tarmeez::formats::{conll, doccano, hf_jsonl};
use tarmeez::model::{Annotator, DocId, Edit, Layer, Mention, MentionId, Span};
use tarmeez::store::Project;

fn sample() -> Annotator {
    Annotator::parse("sample").unwrap()
}

fn sample_layer(project: &mut Project) -> (String, Layer) {
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let loaded = project.load_document(&doc).unwrap();
    (loaded.text.as_str().to_owned(), loaded.layers[&sample()].clone())
}

fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// A layer's mentions as (span, type), sorted.
fn mention_set(layer: &Layer) -> Vec<(Span, String)> {
    let mut out: Vec<_> = layer.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    out.sort();
    out
}

/// A layer's events as (trigger, type, sorted (role, filler span, filler type)), and its relations as (type,
/// from trigger, to trigger), by content rather than id.
#[allow(clippy::type_complexity)]
fn event_set(layer: &Layer) -> (Vec<(Span, String, Vec<(String, Span, String)>)>, Vec<(String, Span, Span)>) {
    let mut events: Vec<_> = layer
        .events
        .values()
        .map(|e| {
            let mut args: Vec<_> = e
                .arguments
                .iter()
                .map(|a| {
                    let m = &layer.mentions[&a.mention];
                    (a.role.to_string(), m.span, m.entity_type.to_string())
                })
                .collect();
            args.sort();
            (e.trigger, e.event_type.to_string(), args)
        })
        .collect();
    events.sort();
    let mut relations: Vec<_> = layer
        .relations
        .values()
        .map(|r| (r.relation_type.to_string(), layer.events[&r.from].trigger, layer.events[&r.to].trigger))
        .collect();
    relations.sort();
    (events, relations)
}

#[test]
fn doccano_round_trips_mentions_events_and_relations_into_a_fresh_layer() {
    let (_tmp, dir) = sample_copy();
    // A relation between mentions: the militia (m2) affiliated with the coalition (m10).
    edit_file(
        &dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron")),
        "  relations: {",
        "  mention_relations: {\n    \"r2\": (type: \"AFFILIATED_WITH\", from: \"m2\", to: \"m10\"),\n  },\n  relations: {",
    );
    let out = dir.parent().unwrap().join("out");
    let (summary, original) = {
        let mut project = open_read_only(&dir);
        let summary = doccano::export_doccano(&project, Some(&sample()), &out).unwrap();
        (summary, sample_layer(&mut project).1)
    };
    assert_eq!(summary.files, [out.join("doccano.jsonl")]);
    assert_eq!((summary.documents, summary.layers), (1, 1));
    assert_eq!(summary.spans, original.mentions.len() + original.events.len());
    assert_eq!(original.mentions.len(), 24);
    // Actor links and attributes have no place in doccano: each is listed.
    assert!(summary.not_expressed.iter().any(|n| n.reason.contains("actor link `abu-fadl-abbas`")), "{summary:?}");

    let file = out.join("doccano.jsonl");
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&file).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(line["doc_id"], SAMPLE_DOC);
    let entity = &line["entities"][0];
    for key in ["id", "start_offset", "end_offset", "label"] {
        assert!(!entity[key].is_null(), "{key} in {entity}");
    }
    let relations = line["relations"].as_array().unwrap();
    let arguments: usize = original.events.values().map(|e| e.arguments.len()).sum();
    assert_eq!(relations.len(), arguments + original.relations.len() + original.mention_relations.len());
    assert!(relations.iter().any(|r| r["type"] == "AFFILIATED_WITH"));
    assert!(relations.iter().any(|r| r["type"] == "Attacker"));
    assert!(relations.iter().any(|r| r["type"] == "RESPONSE_TO"));

    // doccano's own importer shape: the suggestion importer reads every entity of it.
    let parsed = tarmeez::formats::suggestions::parse_str(&std::fs::read_to_string(&file).unwrap(), None).unwrap();
    assert_eq!(parsed.format, tarmeez::formats::suggestions::SuggestionFormat::Doccano);
    assert_eq!((parsed.items.len(), parsed.refused.len()), (summary.spans, 0));

    let fresh = Annotator::parse("fresh").unwrap();
    let mut project = open_as(&dir, "fresh");
    let imported = doccano::import_doccano(&mut project, &file, &fresh).unwrap();
    assert_eq!(imported.mentions, 24);
    assert_eq!(imported.events, original.events.len());
    assert_eq!(imported.arguments, arguments);
    assert_eq!(imported.relations, original.relations.len() + original.mention_relations.len());
    assert_eq!((imported.documents, imported.files_written), (1, 1));
    drop(project);

    // Read back from disk by a new session.
    let project = open_read_only(&dir);
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let layer = project.load_document(&doc).unwrap().layers[&fresh].clone();
    assert_eq!(mention_set(&layer), mention_set(&original));
    assert_eq!(event_set(&layer), event_set(&original));
    let linked = |l: &Layer| -> Vec<(String, Span, Span)> {
        let span = |m| l.mentions[&m].span;
        l.mention_relations.values().map(|r| (r.relation_type.to_string(), span(r.from), span(r.to))).collect()
    };
    assert_eq!(linked(&layer), linked(&original));
    assert_eq!(linked(&layer).len(), 1);
    drop(project);

    // A second import of the same file finds everything present and changes nothing.
    let before = files(&dir);
    let mut project = open_as(&dir, "fresh");
    let again = doccano::import_doccano(&mut project, &file, &fresh).unwrap();
    assert_eq!((again.mentions, again.events, again.arguments, again.relations, again.files_written), (0, 0, 0, 0, 0));
    assert_eq!(again.already_present, summary.spans + relations.len());
    drop(project);
    assert_eq!(files(&dir), before);

    // Without an annotator every coder's layer is exported: both read back the same.
    let mut project = open_read_only(&dir);
    let summary = conll::export_conll(&project, None, &out).unwrap();
    assert_eq!((summary.documents, summary.layers), (1, 2));
    let content = std::fs::read_to_string(out.join("mentions.conll")).unwrap();
    let text = sample_layer(&mut project).0;
    let read = read_conll(&content, |_| text.clone());
    let layers: Vec<_> = read.values().collect();
    assert_eq!(layers.len(), 2);
    assert_eq!(layers[0], layers[1]);
    assert_eq!(layers[0].len(), 24, "the sample has no overlapping mentions");
}

#[test]
fn doccano_import_refuses_bad_lines_with_their_numbers_and_writes_nothing() {
    let (_tmp, dir) = sample_copy();
    let (text, _) = sample_layer(&mut open_read_only(&dir));
    let len = text.chars().count();
    let text_json = serde_json::to_string(&text).unwrap();
    let good = format!(
        r#"{{"doc_id": "{SAMPLE_DOC}", "text": {text_json}, "entities": [{{"id": 1, "start_offset": 0, "end_offset": 3, "label": "ACTOR"}}]}}"#
    );
    let content = [
        good.clone(),
        String::new(),
        format!(
            r#"{{"doc_id": "{SAMPLE_DOC}", "text": {text_json}, "entities": [{{"id": 1, "start_offset": 5, "end_offset": {}, "label": "ACTOR"}}, {{"id": 2, "start_offset": 0, "end_offset": 4, "label": "PER"}}]}}"#,
            len + 1
        ),
        format!(
            r#"{{"doc_id": "{SAMPLE_DOC}", "text": {text_json}, "entities": [{{"id": 1, "start_offset": 0, "end_offset": 3, "label": "ACTOR"}}, {{"id": 2, "start_offset": 4, "end_offset": 8, "label": "ATTACK"}}], "relations": [{{"id": 1, "from_id": 2, "to_id": 1, "type": "Weapon"}}, {{"id": 2, "from_id": 1, "to_id": 2, "type": "Attacker"}}, {{"id": 3, "from_id": 2, "to_id": 9, "type": "Target"}}]}}"#
        ),
        r#"{"doc_id": "no-such-doc", "text": "x", "entities": []}"#.to_owned(),
        "{not json".to_owned(),
        good.clone(),
    ]
    .join("\n");
    let file = dir.parent().unwrap().join("bad.jsonl");
    std::fs::write(&file, content).unwrap();
    let before = files(&dir);
    let me = Annotator::parse("fresh").unwrap();
    let mut project = open_as(&dir, "fresh");
    let err = doccano::import_doccano(&mut project, &file, &me).unwrap_err();
    let doccano::ImportError::Refused { refusals, .. } = &err else { panic!("{err}") };
    let lines: Vec<usize> = refusals.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 3, 3, 4, 4, 4, 4, 5, 6, 7], "{err}");
    let refused = |line: usize, part: &str| {
        assert!(refusals.iter().any(|r| r.line == line && r.message.contains(part)), "line {line}: {part}\n{err}")
    };
    refused(3, "outside the text");
    refused(3, "unknown label `PER`");
    refused(4, "`Weapon` is not a role of ATTACK");
    refused(4, "goes from a mention to an event trigger");
    refused(4, "to_id 9");
    refused(5, "no document `no-such-doc`");
    refused(7, "already given on line 1");
    for line in [3, 4] {
        refused(line, "already given on line 1");
    }
    assert!(err.to_string().contains("bad.jsonl:6: not a doccano line"), "{err}");
    drop(project);
    assert_eq!(files(&dir), before, "nothing was written");

    // Importing into another coder's layer than the session's is refused.
    let mut project = open_as(&dir, "fresh");
    std::fs::write(&file, &good).unwrap();
    let err = doccano::import_doccano(&mut project, &file, &sample()).unwrap_err();
    assert!(matches!(err, doccano::ImportError::OtherAnnotator { .. }), "{err}");
    let ok = doccano::import_doccano(&mut project, &file, &me).unwrap();
    assert_eq!(ok.mentions, 1);
    // doccano's `label` form, with the document found by its text alone.
    let label_form = format!(r#"{{"id": 7, "text": {text_json}, "label": [[0, 3, "ACTOR"], [4, 9, "LOCATION"]]}}"#);
    std::fs::write(&file, label_form).unwrap();
    let ok = doccano::import_doccano(&mut project, &file, &me).unwrap();
    assert_eq!((ok.mentions, ok.already_present), (1, 1));
}

/// A CoNLL reader written apart from the exporter: `# doc_id` and `# annotator` open a layer, each token
/// line is `token<TAB>start<TAB>tag`; it checks each token against the text and rebuilds the BIO spans.
fn read_conll(content: &str, text_of: impl Fn(&str) -> String) -> BTreeMap<(String, String), Vec<(Span, String)>> {
    let mut out: BTreeMap<(String, String), Vec<(Span, String)>> = BTreeMap::new();
    let (mut doc, mut annotator, mut text) = (String::new(), String::new(), Vec::new());
    let mut open: Option<(usize, usize, String)> = None;
    let mut last_end = 0;
    let close = |open: &mut Option<(usize, usize, String)>, spans: &mut Vec<(Span, String)>| {
        if let Some((s, e, label)) = open.take() {
            spans.push((Span::new(s, e), label));
        }
    };
    for line in content.lines() {
        if let Some(d) = line.strip_prefix("# doc_id = ") {
            doc = d.to_owned();
            text = text_of(d).chars().collect();
            last_end = 0;
            continue;
        }
        if let Some(a) = line.strip_prefix("# annotator = ") {
            annotator = a.to_owned();
            out.entry((doc.clone(), annotator.clone())).or_default();
            continue;
        }
        let spans = out.get_mut(&(doc.clone(), annotator.clone())).unwrap();
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        let start: usize = cols[1].parse().unwrap();
        let end = start + cols[0].chars().count();
        assert_eq!(text[start..end].iter().collect::<String>(), cols[0], "token at {start}");
        // Tokens are in order, and only whitespace lies between them.
        assert!(start >= last_end && text[last_end..start].iter().all(|c| c.is_whitespace()), "{line}");
        last_end = end;
        match cols[2] {
            "O" => close(&mut open, spans),
            tag if tag.starts_with("B-") => {
                close(&mut open, spans);
                open = Some((start, end, tag[2..].to_owned()));
            }
            tag => {
                let label = tag.strip_prefix("I-").unwrap();
                let (_, e, l) = open.as_mut().expect("I- after B- or I-");
                assert_eq!(l, label);
                *e = end;
            }
        }
    }
    if let Some(spans) = out.get_mut(&(doc, annotator)) {
        close(&mut open, spans);
    }
    out
}

/// The sample with three more mentions: `الميادين` nested in `مدينة الميادين` (m8), `المادية` inside
/// `والمادية` (after the conjunction و) and one that starts on a space.
fn sample_with_nested(dir: &Path) -> Project {
    let mut project = open_as(dir, "sample");
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let (text, _) = sample_layer(&mut project);
    let madina = char_offset(&text, "مدينة الميادين");
    let wal = char_offset(&text, "والمادية");
    let khassa = char_offset(&text, "خاصة لـ");
    let added = [
        (25, Span::new(madina + 6, madina + 14), "LOCATION"),
        (26, Span::new(wal + 1, wal + 8), "WEAPON"),
        (27, Span::new(khassa + 4, khassa + 7), "SOURCE"),
    ];
    for (id, span, ty) in added {
        let edit = Edit::PutMention(MentionId(id), Some(Mention::new(span, ty)));
        project.apply(&doc, edit).unwrap();
    }
    project
}

#[test]
fn conll_read_back_gives_the_mention_spans_except_those_listed() {
    let (_tmp, dir) = sample_copy();
    let out = dir.parent().unwrap().join("out");
    let mut project = sample_with_nested(&dir);
    let summary = conll::export_conll(&project, None, &out).unwrap();
    let (text, layer) = sample_layer(&mut project);
    assert_eq!(layer.mentions.len(), 27);
    assert_eq!(summary.files, [out.join("mentions.conll")]);
    let content = std::fs::read_to_string(out.join("mentions.conll")).unwrap();
    let read = read_conll(&content, |d| {
        assert_eq!(d, SAMPLE_DOC);
        text.clone()
    });
    let spans = &read[&(SAMPLE_DOC.to_owned(), "sample".to_owned())];
    assert_eq!(spans.len(), summary.spans);

    // Every mention is either read back exactly or listed as not expressed, with the reason.
    let mut expressed = Vec::new();
    let mut listed = Vec::new();
    for (id, m) in &layer.mentions {
        // Notes of what a mention holds besides its span (actor link, note) leave the mention itself read.
        let note = summary
            .not_expressed
            .iter()
            .find(|n| n.what.starts_with(&format!("mention {id} ")) && !n.reason.contains("has no place for its"));
        let is_read = spans.contains(&(m.span, m.entity_type.to_string()));
        assert!(note.is_some() != is_read, "{id} {:?} listed {note:?}, read {is_read}", m.span);
        if is_read {
            expressed.push((m.span, m.entity_type.to_string()));
        }
        if let Some(note) = note {
            listed.push((id.0, note.reason.clone()));
        }
    }
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].0, 25);
    assert!(listed[0].1.contains("overlaps mention m8"), "{listed:?}");
    assert_eq!(listed[1].0, 27);
    assert!(listed[1].1.contains("space"), "{listed:?}");
    expressed.sort();
    let mut spans = spans.clone();
    spans.sort();
    assert_eq!(spans, expressed);
    assert_eq!(spans.len(), 25);
    assert!(summary.not_expressed.iter().any(|n| n.what == "5 events, 1 relation"), "{:?}", summary.not_expressed);

    // The mention that starts after the clitic ب of «بثمانية»: ب is a token of its own, tagged O.
    let at = char_offset(&text, "بثمانية");
    let m = layer.mentions.values().find(|m| m.span.start == at + 1).expect("the sample's mention inside بثمانية");
    assert!(content.contains(&format!("\nب\t{at}\tO\n")), "ب alone");
    assert!(content.contains(&format!("\nثمانية\t{}\tB-{}\n", at + 1, m.entity_type)));
    // Likewise the conjunction و of «والمادية».
    let wal = char_offset(&text, "والمادية");
    assert!(content.contains(&format!("\nو\t{wal}\tO\nالمادية\t{}\tB-WEAPON\n", wal + 1)), "و alone");
    // Words without a mention boundary inside stay whole: «الميادين» of the nested, dropped mention too.
    assert!(content.contains("\nمدينة\t"));
    assert!(!content.contains("\nال\t") && !content.contains("\nم\t"), "nothing split needlessly");
}

#[test]
fn hf_jsonl_carries_text_and_flat_code_point_spans() {
    let (_tmp, dir) = sample_copy();
    let out = dir.parent().unwrap().join("out");
    let mut project = sample_with_nested(&dir);
    let summary = hf_jsonl::export_hf_jsonl(&project, None, &out).unwrap();
    let (text, layer) = sample_layer(&mut project);
    let content = std::fs::read_to_string(out.join("hf.jsonl")).unwrap();
    assert_eq!(content.lines().count(), 1);
    let line: serde_json::Value = serde_json::from_str(content.lines().next().unwrap()).unwrap();
    assert_eq!(line["text"], text.as_str());
    assert_eq!((line["doc_id"].as_str(), line["annotator"].as_str()), (Some(SAMPLE_DOC), Some("sample")));
    let chars: Vec<char> = text.chars().collect();
    let entities = line["entities"].as_array().unwrap();
    assert_eq!(entities.len(), summary.spans);
    let mut previous_end = 0;
    for e in entities {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[start..end].iter().collect::<String>(), e["word"].as_str().unwrap(), "code points");
        assert!(start >= previous_end, "flat and in order");
        previous_end = end;
        let label = e["entity_group"].as_str().unwrap();
        assert!(layer.mentions.values().any(|m| m.span == Span::new(start, end) && m.entity_type.as_str() == label));
    }
    let dropped = summary
        .not_expressed
        .iter()
        .filter(|n| n.what.starts_with("mention ") && !n.reason.contains("has no place for its"))
        .count();
    // The suggestion importer reads the file as Hugging Face output (e.g. to compare a model with it).
    let parsed = tarmeez::formats::suggestions::parse_str(&content, None).unwrap();
    assert_eq!(parsed.format, tarmeez::formats::suggestions::SuggestionFormat::Hf);
    assert!(parsed.refused.is_empty());
    let items: Vec<_> = parsed.items.iter().map(|i| (i.start, i.end, i.label.clone(), i.doc.id.clone())).collect();
    let expected: Vec<_> = entities
        .iter()
        .map(|e| {
            let (s, e2) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            (s, e2, e["entity_group"].as_str().unwrap().to_owned(), Some(SAMPLE_DOC.to_owned()))
        })
        .collect();
    assert_eq!(items, expected);
    assert_eq!(dropped, 1, "the nested m25; m27, on a space, is fine with code point offsets");
    assert_eq!(entities.len() + dropped, layer.mentions.len());
}

#[test]
fn an_unknown_annotator_writes_nothing() {
    let (_tmp, dir) = sample_copy();
    let out = dir.parent().unwrap().join("out");
    let nobody = Annotator::parse("nobody").unwrap();
    let project = open_read_only(&dir);
    type Export = fn(&Project, Option<&Annotator>, &Path) -> Result<hf_jsonl::ExportSummary, hf_jsonl::ExportError>;
    let exports: [Export; 3] = [doccano::export_doccano, conll::export_conll, hf_jsonl::export_hf_jsonl];
    for export in exports {
        let err = export(&project, Some(&nobody), &out).unwrap_err();
        assert!(matches!(err, hf_jsonl::ExportError::NoLayer(_)), "{err}");
    }
    assert!(!out.exists());
}

/// The mentions and events of `annotator`'s layer of the sample, as the window's project holds them.
fn window_layer(h: &egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>, annotator: &str) -> Layer {
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let loaded = h.state().project().unwrap().document(&doc).unwrap().loaded().unwrap();
    loaded.layers.get(&Annotator::parse(annotator).unwrap()).cloned().unwrap_or_default()
}

#[test]
fn file_import_annotations_brings_doccano_and_brat_into_ones_layer_undoably() {
    use egui_kittest::kittest::Queryable as _;
    let (tmp, dir) = sample_copy();
    let out = tmp.path().join("out");
    doccano::export_doccano(&open_read_only(&dir), Some(&sample()), &out).unwrap();
    tarmeez::formats::brat::export_project(&open_read_only(&dir), Some(&sample()), &out).unwrap();
    let (_, theirs) = sample_layer(&mut open_read_only(&dir));

    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.state_mut().open_annotations_file(out.join("doccano.jsonl"));
    h.run();
    h.get_by_label("doccano (JSON lines)");
    h.get_by_label_contains(&format!("{} mentions, {} events", theirs.mentions.len(), theirs.events.len()));
    h.get_by_label("Import into my layer").click();
    h.run();
    let mine = window_layer(&h, "huda");
    assert_eq!(mention_set(&mine), mention_set(&theirs));
    assert_eq!(event_set(&mine), event_set(&theirs));
    assert!(h.query_by_label("Import into my layer").is_none(), "the window closes after the import");
    common::press(&mut h, eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    assert!(window_layer(&h, "huda").mentions.is_empty(), "one Ctrl+Z takes the import back");

    // brat: the .ann named after the document; a second import needs "Replace".
    let ann = out.join(format!("{SAMPLE_DOC}.ann"));
    h.state_mut().open_annotations_file(ann.clone());
    h.run();
    h.get_by_label("Import into my layer").click();
    h.run();
    assert_eq!(mention_set(&window_layer(&h, "huda")), mention_set(&theirs));
    h.state_mut().open_annotations_file(ann);
    h.run();
    h.get_by_label_contains("nothing would be imported");
    h.get_by_label("Import into my layer").click(); // disabled: nothing happens, the window stays
    h.run();
    h.get_by_label("Import into my layer");
    h.get_by_label("Replace my annotations of these documents").click();
    h.run();
    h.get_by_label_contains(&format!(".ann: {} mentions", theirs.mentions.len()));
    h.get_by_label("Import into my layer").click();
    h.run();
    assert_eq!(mention_set(&window_layer(&h, "huda")), mention_set(&theirs));
}

#[test]
fn doccano_import_reads_past_a_byte_order_mark_and_names_the_line_that_is_not_utf8() {
    let (_tmp, dir) = sample_copy();
    let out = dir.parent().unwrap().join("out");
    doccano::export_doccano(&open_read_only(&dir), Some(&sample()), &out).unwrap();
    let file = out.join("doccano.jsonl");
    let content = std::fs::read(&file).unwrap();
    std::fs::write(&file, [&b"\xef\xbb\xbf"[..], &content].concat()).unwrap();
    let fresh = Annotator::parse("fresh").unwrap();
    let mut project = open_as(&dir, "fresh");
    let imported = doccano::import_doccano(&mut project, &file, &fresh).unwrap();
    assert_eq!(imported.mentions, 24);
    drop(project);

    // A second line with a byte that is not UTF-8: the message says which line.
    let bad = out.join("bad.jsonl");
    std::fs::write(&bad, [&content[..], &b"{\"text\": \"\xff\"}\n"[..]].concat()).unwrap();
    let mut project = open_as(&dir, "other");
    let other = Annotator::parse("other").unwrap();
    let e = doccano::import_doccano(&mut project, &bad, &other).unwrap_err().to_string();
    assert!(e.contains("bad.jsonl:2:") && e.contains("not UTF-8"), "{e}");
}

#[test]
fn doccano_import_into_a_layer_adds_what_is_new_and_finds_what_is_there() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "sample");
    let (text, original) = sample_layer(&mut project);
    let entity = |id: u32, start: usize, end: usize, label: &str| serde_json::json!({"id": id, "start_offset": start, "end_offset": end, "label": label});
    let relation = |from: u32, to: u32, kind: &str| serde_json::json!({"from_id": from, "to_id": to, "type": kind});
    let line = serde_json::json!({
        "doc_id": SAMPLE_DOC,
        "text": text,
        "entities": [
            entity(1, 266, 289, "ACTOR"),      // m2
            entity(2, 407, 416, "LOCATION"),   // m5
            entity(3, 328, 332, "ATTACK"),     // e1's trigger
            entity(4, 379, 388, "LOCATION"),   // new
            entity(5, 379, 388, "LOCATION"),   // the same again
            entity(6, 2793, 2800, "ATTACK"),   // e5's trigger
            entity(7, 984, 994, "ATTACK"),     // e2's trigger
            entity(8, 914, 919, "STATEMENT"),  // a new event
        ],
        "relations": [
            relation(3, 1, "Attacker"),    // e1 has it
            relation(3, 2, "Location"),    // e1 has it
            relation(6, 5, "Location"),    // new role of e5
            relation(7, 3, "RESPONSE_TO"), // r1
            relation(6, 3, "RESPONSE_TO"), // new
        ],
    });
    let file = dir.parent().unwrap().join("mixed.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let summary = doccano::import_doccano(&mut project, &file, &sample()).unwrap();
    let counts = (summary.mentions, summary.events, summary.arguments, summary.relations, summary.already_present);
    assert_eq!(counts, (1, 1, 1, 1, 9));

    let mut expected = original.clone();
    let m25 = MentionId(25);
    expected.mentions.insert(m25, Mention::new(Span::new(379, 388), "LOCATION"));
    let statement = tarmeez::model::Event {
        evidence: Default::default(),
        uid: None,
        event_type: "STATEMENT".into(),
        trigger: Span::new(914, 919),
        arguments: vec![],
        attributes: Default::default(),
        note: String::new(),
        provenance: None,
        curation: None,
    };
    expected.events.insert(tarmeez::model::EventId(6), statement);
    let e5 = expected.events.get_mut(&tarmeez::model::EventId(5)).unwrap();
    e5.arguments.push(tarmeez::model::Argument { role: "Location".into(), mention: m25 });
    let r2 = tarmeez::model::Relation {
        relation_type: "RESPONSE_TO".into(),
        from: tarmeez::model::EventId(5),
        to: tarmeez::model::EventId(1),
        note: String::new(),
    };
    expected.relations.insert(tarmeez::model::RelationId(2), r2);
    assert_eq!(sample_layer(&mut project).1, expected);
}
