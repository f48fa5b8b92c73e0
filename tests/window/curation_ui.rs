//! Curating in the window, headless with egui_kittest: Go > Curate reopens the project as the gold layer,
//! three disagreement units are settled with three keys (Alt+number takes a coder's version, Enter the
//! majority's, which here is to mark nothing), Ctrl+Z brings the last one back, and Go > Curate again
//! returns to coding under the curator's own name.

use crate::common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::*;
use tarmeez::store::Project;
use tarmeez::ui::TarmeezApp;
use tarmeez::workflow::curation::{UnitFilter, UnitState, all_units, coders, state};

fn a(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

fn d(i: usize) -> DocId {
    DocId::parse(&format!("doc{i}")).unwrap()
}

/// A coder's mention: document, start, end, type.
type Mark = (usize, usize, usize, &'static str);

/// Two documents `قصفت الميليشيات القاعدة رقم N`. In doc0 the coders type «الميليشيات» (5..15) differently
/// (huda and omar ACTOR, layla LOCATION) and only omar marks «القاعدة» (16..23); in doc1 huda marks
/// «الميليشيات» and the others «الميليشيات القاعدة» (5..23): different boundaries.
fn three_coders() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), a("lead")).unwrap();
    for i in 0..2 {
        p.add_document(&format!("doc{i}"), format!("قصفت الميليشيات القاعدة رقم {i}"), DocumentMeta::default())
            .unwrap();
    }
    drop(p);
    let marks: [(&str, &[Mark]); 3] = [
        ("huda", &[(0, 5, 15, "ACTOR"), (1, 5, 15, "ACTOR")]),
        ("layla", &[(0, 5, 15, "LOCATION"), (1, 5, 23, "ACTOR")]),
        ("omar", &[(0, 5, 15, "ACTOR"), (0, 16, 23, "LOCATION"), (1, 5, 23, "ACTOR")]),
    ];
    for (coder, mentions) in marks {
        let mut p = open_as(&dir, coder);
        for (doc, start, end, ty) in mentions {
            let layer = p.layer_mut(&d(*doc)).unwrap();
            let id = layer.next_mention_id();
            layer.mentions.insert(id, Mention::new(Span::new(*start, *end), *ty));
        }
        p.save_dirty().unwrap();
    }
    (tmp, dir)
}

/// The units of the project in the window still open in its gold layer.
fn open_units(h: &Harness<'_, TarmeezApp>) -> usize {
    let p = h.state().project().unwrap();
    let units = all_units(p, &coders(p), &UnitFilter::default());
    let gold = Annotator::gold();
    units
        .iter()
        .filter(|u| {
            state(u, p.document(&u.doc).and_then(|d| d.loaded()).and_then(|l| l.layers.get(&gold))) == UnitState::Open
        })
        .count()
}

fn gold_mentions(h: &Harness<'_, TarmeezApp>, doc: usize) -> Vec<(Span, String)> {
    let p = h.state().project().unwrap();
    let loaded = p.document(&d(doc)).unwrap().loaded().unwrap();
    loaded
        .layers
        .get(&Annotator::gold())
        .map_or(Vec::new(), |l| l.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect())
}

/// Go > Curate (gold layer).
fn go_curate(h: &mut Harness<'_, TarmeezApp>) {
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Curate (gold layer)").click();
    h.run();
}

#[test]
fn three_disagreements_are_settled_with_three_keys_and_undone_with_one() {
    let (_tmp, dir) = three_coders();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "samir")), None));
    go_curate(&mut h);
    assert_eq!(h.state().project().unwrap().annotator(), &Annotator::gold());
    h.get_by_label_contains("Curating the gold layer as samir");
    assert_eq!(open_units(&h), 3);

    // doc0 «الميليشيات»: take huda's (ACTOR), the first unit being current from the start.
    press(&mut h, Modifiers::ALT, Key::Num1);
    assert_eq!(gold_mentions(&h, 0), [(Span::new(5, 15), "ACTOR".to_owned())]);
    // doc0 «القاعدة»: two of three marked nothing, so Enter rejects it.
    press(&mut h, Modifiers::NONE, Key::Enter);
    // doc1: take omar's longer span.
    press(&mut h, Modifiers::ALT, Key::Num3);
    assert_eq!(open_units(&h), 0);
    assert_eq!(gold_mentions(&h, 1), [(Span::new(5, 23), "ACTOR".to_owned())]);
    let gold =
        h.state().project().unwrap().document(&d(0)).unwrap().loaded().unwrap().layers[&Annotator::gold()].clone();
    assert_eq!(gold.rejected.len(), 1, "the rejection is stored: {gold:?}");
    assert_eq!(gold.mentions.values().next().unwrap().curation.as_ref().unwrap().curator, a("samir"));

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_units(&h), 1);
    assert!(gold_mentions(&h, 1).is_empty());

    // Back to coding under the curator's own name; the gold layer was saved on the way.
    go_curate(&mut h);
    assert_eq!(h.state().project().unwrap().annotator(), &a("samir"));
    let saved = std::fs::read_to_string(dir.join("annotations/doc0/gold.ron")).unwrap();
    assert!(saved.contains("rejected") && saved.contains("\"samir\""), "{saved}");
}

#[test]
fn a_cell_of_the_agreement_matrix_opens_the_queue_on_that_pairs_disagreements() {
    let (_tmp, dir) = three_coders();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "samir")), None));
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Agreement").click();
    // The report is computed on a worker thread: frames run until it is shown.
    for _ in 0..500 {
        h.step();
        if h.query_by_label_contains("Mentions: F1 strict").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    // Each pair's confusion between types, folded until asked for.
    h.get_by_label("Confusion huda – layla").click();
    h.run();
    h.get_by_label("rows huda, columns layla");
    // huda and omar differ only where omar marked «القاعدة» alone and in doc1's boundaries.
    use tarmeez::workflow::agreement::{Selection, select, span_report};
    let data = select(h.state().project().unwrap(), &Selection::default()).unwrap();
    let report = span_report(&data, 10, 1);
    let pair = report.pairs.iter().find(|p| (p.first.as_str(), p.second.as_str()) == ("huda", "omar")).unwrap();
    let cell = format!("{:.3}", pair.pooled.counts.strict.f1().unwrap());
    h.get_all_by_label(&cell).next().unwrap().click();
    h.run();
    let session = h.state().session().unwrap();
    let queue = &session.curation.as_ref().expect("curating").queue;
    let shown: Vec<(String, Span)> = queue.items().iter().map(|(u, _)| (u.doc.to_string(), u.key.span)).collect();
    assert_eq!(shown, [("doc0".to_owned(), Span::new(16, 23)), ("doc1".to_owned(), Span::new(5, 23))]);
    assert!(queue.filter.pair.is_some());
    h.get_by_label_contains("Only where");
}

#[test]
fn a_coders_change_on_disk_reaches_the_open_queue() {
    let (_tmp, dir) = three_coders();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "samir")), None));
    go_curate(&mut h);
    let listed = |h: &Harness<'_, TarmeezApp>| {
        let queue = &h.state().session().unwrap().curation.as_ref().unwrap().queue;
        queue.items().iter().map(|(u, _)| (u.doc.to_string(), u.key.span)).collect::<Vec<_>>()
    };
    assert_eq!(listed(&h).len(), 3);
    // Meanwhile omar, on his own computer, removes «القاعدة» from doc0 and retypes «الميليشيات» as LOCATION.
    let mut omar = open_as(&dir, "omar");
    omar.apply(&d(0), Edit::PutMention(MentionId(2), None)).unwrap();
    let retyped = Mention::new(Span::new(5, 15), "LOCATION");
    omar.apply(&d(0), Edit::PutMention(MentionId(1), Some(retyped))).unwrap();
    omar.save_dirty().unwrap();
    drop(omar);
    h.state_mut().session_mut().unwrap().refresh_from_disk();
    h.run();
    assert_eq!(listed(&h), [("doc0".to_owned(), Span::new(5, 15)), ("doc1".to_owned(), Span::new(5, 23))]);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(gold_mentions(&h, 0), [(Span::new(5, 15), "LOCATION".to_owned())]);
}

#[test]
fn file_export_writes_the_gold_layer_when_chosen() {
    let (_tmp, dir) = three_coders();
    // The curator settled doc0's «الميليشيات» as LOCATION.
    let mut gold = open_as(&dir, "gold");
    gold.apply(&d(0), Edit::PutMention(MentionId(1), Some(Mention::new(Span::new(5, 15), "LOCATION")))).unwrap();
    gold.save_dirty().unwrap();
    drop(gold);
    let out = dir.with_extension("brat");
    let mut app = TarmeezApp::new(Some(open_as(&dir, "huda")), None);
    app.open_export(out.clone());
    let mut h = window(app);
    h.get_by_label_contains("brat: ").click();
    h.get_by_label("The gold layer (curated)").click();
    h.run();
    h.get_by_label("Export into the folder").click();
    for _ in 0..500 {
        h.step();
        if h.query_by_label_contains(".ann files written").is_some() || h.query_by_label_contains("Nothing").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let ann = std::fs::read_to_string(out.join("doc0.ann")).unwrap();
    assert_eq!(ann.lines().filter(|l| l.starts_with('T')).collect::<Vec<_>>(), ["T1\tLOCATION 5 15\tالميليشيات"]);
}
