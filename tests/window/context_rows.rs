//! Rows that say which occurrence they are: the review queue's rows and the search's hits show a few words
//! around their words (two suggestions of one name differ there), the search says "1 match" and "searching…"
//! rather than the last search's count, and the events table says where each date came from.

use crate::common;

use common::{SAMPLE_DOC, edit_file, open_as, press, sample_copy};
use eframe::egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tarmeez::ui::TarmeezApp;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    common::window(app)
}

/// The accessible names of every node whose name contains `part`.
fn labels(h: &Harness<'_, TarmeezApp>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part).filter_map(|n| n.accesskit_node().label()).collect()
}

/// Code point offsets of every standalone occurrence of `word` in the sample's text.
fn occurrences(dir: &std::path::Path, word: &str) -> Vec<(usize, usize)> {
    let text = std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let mut out = Vec::new();
    for (b, _) in text.match_indices(word) {
        let standalone = text[..b].ends_with(char::is_whitespace);
        if standalone {
            let start = text[..b].chars().count();
            out.push((start, start + word.chars().count()));
        }
    }
    out
}

#[test]
fn queue_rows_of_one_name_show_where_each_one_is() {
    let (_tmp, dir) = sample_copy();
    // A model proposed «الميادين» at three of its places in the article: three rows of one text.
    let spans = occurrences(&dir, "الميادين");
    assert!(spans.len() >= 3);
    let items: Vec<String> = spans[..3]
        .iter()
        .enumerate()
        .map(|(i, (s, e))| {
            format!("\"s{}\": (span: (start: {s}, end: {e}), label: Entity(\"LOCATION\"), score: Some(0.5)),", i + 1)
        })
        .collect();
    let file = format!(
        "(source: (model: \"gazetteer\", version: \"1\", imported_at: \"2026-11-23T09:00:00Z\"), suggestions: {{{}}})",
        items.join("\n")
    );
    std::fs::write(dir.join(format!("suggestions/{SAMPLE_DOC}/gazetteer.ron")), file).unwrap();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    press(&mut h, Modifiers::NONE, Key::Tab);
    h.get_by_label("Accept (Enter)");
    let rows = labels(&h, "· Location 0.50");
    assert_eq!(rows.len(), 3, "{rows:?}");
    for row in &rows {
        assert!(row.contains("الميادين"), "{row}");
        // Words around it: more than the name, its type and its score.
        let context = row.trim_end_matches(" · Location 0.50").replace("الميادين", "").replace('…', "");
        assert!(context.split_whitespace().count() >= 3, "{row}");
    }
    let mut distinct = rows.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "each row says which «الميادين» it is: {rows:?}");
}

/// Types `query` into the search field (empty before) of an open search window.
fn type_query(h: &mut Harness<'_, TarmeezApp>, query: &str) {
    h.get_by_label("Search the project").focus();
    h.run();
    h.get_by_label("Search the project").type_text(query);
    h.run();
}

#[test]
fn search_says_one_match_and_shows_the_words_around_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    press(&mut h, Modifiers::COMMAND, Key::F);
    type_query(&mut h, "تحصينات");
    press(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label("1 match for «تحصينات»");
    let hit = h.state().search_hits()[0].clone();
    let title = h.state().project().unwrap().documents()[0].title().to_owned();
    // The row is the hit (drawn on its own background) with words on both sides, and the document's title.
    let marked: String = hit.context.chars().skip(hit.hit_in_context.start).take(hit.hit_in_context.len()).collect();
    assert_eq!(marked, "تحصينات");
    assert_eq!(hit.context, "… التحالف أو أضرار في تحصينات القاعدة. وأكدت المصادر أن …");
    h.get_by_label(&format!("{} · {title}", hit.context));
}

#[test]
fn a_new_search_says_searching_rather_than_the_last_count() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    press(&mut h, Modifiers::COMMAND, Key::F);
    type_query(&mut h, "xyzzy");
    press(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label("0 matches for «xyzzy»");
    h.get_by_label("Search the project").focus();
    h.run();
    for _ in 0.."xyzzy".len() {
        h.key_press(Key::Backspace);
    }
    type_query(&mut h, "تحصينات");
    // Only the key's press, so that one frame runs (its release would run a second): that frame says the
    // search is under way, not the last search's "0 matches".
    h.event(Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
    h.get_by_label("searching for «تحصينات»…");
    assert!(h.query_by_label_contains("0 matches").is_none());
    h.run();
    h.get_by_label("1 match for «تحصينات»");
}

#[test]
fn the_events_table_says_the_attacks_date_was_read_from_its_time_words() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Date from");
    // The shelling "مساء أمس" (the evening before): its time role is filled, but without a normalized date,
    // so the date is read from its words against the publication date (29 June), and the table says so.
    let row = h.state().events_table().unwrap().rows()[0].clone();
    assert_eq!((row.event.0, row.date.as_str(), row.time_text.as_str()), (1, "2021-06-28", "مساء أمس"));
    h.get_by_label("read from «مساء أمس»");
}

#[test]
fn the_events_table_says_the_date_came_from_the_time_role() {
    let (_tmp, dir) = sample_copy();
    // The coder gives "مساء أمس" its normalized date, the day before the publication.
    edit_file(
        &dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron")),
        "span: (start: 333, end: 341),\n      type: \"TIME\",",
        "span: (start: 333, end: 341),\n      type: \"TIME\",\n      attributes: {\"date\": Date(\"2021-06-28\")},",
    );
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    press(&mut h, Modifiers::COMMAND, Key::E);
    let row = h.state().events_table().unwrap().rows()[0].clone();
    assert_eq!((row.event.0, row.date.as_str()), (1, "2021-06-28"));
    h.get_by_label("time role «مساء أمس»");
    assert!(h.query_by_label_contains("undated)").is_none(), "no other event of the sample has a time role");
}

#[test]
fn curation_rows_of_one_name_show_where_each_one_is() {
    use tarmeez::model::{Annotator, DocumentMeta, Mention, Span, default_conflict_schema};
    use tarmeez::store::Project;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let lead = Annotator::parse("lead").unwrap();
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), lead).unwrap();
    // «طهران» twice; huda types both as ACTOR, layla both as LOCATION: two units of one text.
    let doc =
        p.add_document("doc0", "قصفت طهران مواقع في بغداد. وردت طهران على البيان".into(), DocumentMeta::default());
    let doc = doc.unwrap();
    drop(p);
    for (coder, ty) in [("huda", "ACTOR"), ("layla", "LOCATION")] {
        let mut p = open_as(&dir, coder);
        let layer = p.layer_mut(&doc).unwrap();
        for span in [Span::new(5, 10), Span::new(32, 37)] {
            let id = layer.next_mention_id();
            layer.mentions.insert(id, Mention::new(span, ty));
        }
        p.save_dirty().unwrap();
    }
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "samir")), None));
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Curate (gold layer)").click();
    h.run();
    let rows = labels(&h, "· doc0");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0], "قصفت طهران مواقع في بغداد. وردت … · same text, different types · doc0");
    assert_eq!(rows[1], "… مواقع في بغداد. وردت طهران على البيان · same text, different types · doc0");
}
