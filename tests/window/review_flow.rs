//! Importing and reviewing from the keyboard on the real app and a copy of the sample (egui_kittest): import
//! a Hugging Face file through the import window (mapping its labels), Tab through the queue, Enter accepts,
//! Backspace rejects, a number key accepts as another type, a changed selection makes it "edited"; bulk
//! accept above 0.9 and undo it; the saved files say what happened.

use crate::common;

use common::press;

use common::{SAMPLE_DOC, open_as, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, Layer, ReviewStatus, SourceName, Span, SuggestionId};
use tarmeez::ui::TarmeezApp;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    common::window(app)
}

type Key2 = (SourceName, SuggestionId);

fn status(h: &Harness<'_, TarmeezApp>, (source, id): &Key2) -> ReviewStatus {
    let project = h.state().project().unwrap();
    let doc = project.documents()[0].loaded().unwrap();
    assert!(doc.suggestions[source].suggestions.contains_key(id));
    tarmeez::workflow::review::status_for(doc, project.annotator(), source, *id)
}

/// The pending suggestions in the queue's order (reading order, then source and id).
fn queue(h: &Harness<'_, TarmeezApp>) -> Vec<Key2> {
    let project = h.state().project().unwrap();
    let doc = project.documents()[0].loaded().unwrap();
    tarmeez::workflow::review::pending(doc, project.annotator(), &Default::default())
        .into_iter()
        .map(|(s, id, _)| (s, id))
        .collect()
}

fn layer(h: &Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

/// A Hugging Face pipeline output (aggregated form) for the sample article, with code point offsets of real
/// phrases; `word` is there as the pipeline writes it, and not trusted.
fn hf_file(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let at = |phrase: &str, after: &str| {
        let from = text.find(after).unwrap();
        let b = from + text[from..].find(phrase).unwrap();
        let start = text[..b].chars().count();
        (start, start + phrase.chars().count())
    };
    let items = [
        ("LOC", "دير الزور", "حقل العمر النفطي بريف", 0.98),
        ("PER", "أبو علي العسكري", "", 0.91),
        ("LOC", "مدينة البوكمال", "", 0.64),
    ];
    let json: Vec<String> = items
        .iter()
        .map(|(label, phrase, after, score)| {
            let (s, e) = at(phrase, after);
            format!(r#"{{"entity_group": "{label}", "score": {score}, "word": "{phrase}", "start": {s}, "end": {e}}}"#)
        })
        .collect();
    let path = dir.parent().unwrap().join("hf-ner.json");
    std::fs::write(&path, format!("[{}]\n", json.join(",\n"))).unwrap();
    path
}

#[test]
fn import_a_file_review_five_suggestions_from_the_keyboard_then_bulk_accept_and_undo_it() {
    let (_tmp, dir) = sample_copy();
    let file = hf_file(&dir);
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));

    // Import: the window reads the file, the labels are mapped once, the import is one undoable change.
    h.state_mut().open_suggestions_file(file);
    h.run();
    h.get_by_label("Format: hf · 3 items");
    h.get_by_label("Type for label LOC").click();
    h.run();
    h.get_by_label("Location").click();
    h.run();
    h.get_by_label("Type for label PER").click();
    h.run();
    h.get_by_label("Actor").click();
    h.run();
    h.get_by_label("Only into the shown document (al-omar-oilfield-2021-06-29)").click();
    h.run();
    h.get_by_label("Import 3 suggestions").click();
    h.run();
    h.get_by_label_contains("read 3 items: imported 3 into 1 document");
    h.get_by_label("OK").click();
    h.run();
    let hf = SourceName::parse("hf-ner").unwrap();
    assert_eq!(h.state().project().unwrap().documents()[0].loaded().unwrap().suggestions[&hf].suggestions.len(), 3);

    let order = queue(&h);
    let (a, b, c, d, e) = (&order[0], &order[1], &order[2], &order[3], &order[4]);
    // Tab opens the queue on the first pending suggestion, in reading order, and selects its words.
    press(&mut h, Modifiers::NONE, Key::Tab);
    h.get_by_label("Accept (Enter)");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, a), ReviewStatus::Accepted);
    // The next one is current: reject it.
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(status(&h, b), ReviewStatus::Rejected);
    // Accept the third as an ACTOR (key 1): edited if the model said otherwise.
    let c_was_actor = queue(&h)[0] == *c && {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        format!("{:?}", doc.suggestions[&c.0].suggestions[&c.1].label).contains("ACTOR")
    };
    press(&mut h, Modifiers::NONE, Key::Num1);
    let expected = if c_was_actor { ReviewStatus::Accepted } else { ReviewStatus::Edited };
    assert_eq!(status(&h, c), expected);
    // Shift+Tab goes back and Tab forward again; then shrink the selection by a letter and accept: edited.
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Tab);
    let sel = h.state().article().selection().unwrap();
    let text = h.state().project().unwrap().documents()[0].text().unwrap().clone();
    h.state_mut().article_mut().unwrap().select(&text, Span::new(sel.start, sel.end - 1));
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, d), ReviewStatus::Edited);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, e), ReviewStatus::Accepted);
    assert_eq!(layer(&h).mentions.len(), 4, "four accepted, one rejected");
    assert!(layer(&h).mentions.values().all(|m| m.provenance.as_ref().is_some_and(|p| p.reviewer.as_str() == "huda")));

    // Bulk: accept everything above 0.9 in this document, then undo that one action.
    let before_bulk = layer(&h);
    let pending_before = queue(&h);
    h.get_by_label("Lowest score").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Lowest score").type_text("0.9");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("in this document").click();
    h.run();
    let accepted_in_bulk = layer(&h).mentions.len() - before_bulk.mentions.len();
    assert!(accepted_in_bulk >= 2, "{accepted_in_bulk}");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer(&h), before_bulk, "one undo takes the whole bulk action back");
    assert_eq!(queue(&h), pending_before);

    // Saved files: the decisions and the annotations with their provenance in huda's layer, the suggestion
    // files untouched by the review, the label mapping with the source in project.ron.
    press(&mut h, Modifiers::COMMAND, Key::S);
    let mine = std::fs::read_to_string(dir.join(format!("annotations/{SAMPLE_DOC}/huda.ron"))).unwrap();
    let saved: Layer = ron::from_str(&mine).unwrap();
    for (key, status) in [(a, ReviewStatus::Accepted), (b, ReviewStatus::Rejected), (d, ReviewStatus::Edited)] {
        assert_eq!(saved.decision(&key.0, key.1).map(|d| d.status), Some(status), "{key:?}: {mine}");
        let file = dir.join(format!("suggestions/{SAMPLE_DOC}/{}.ron", key.0));
        let shared = std::fs::read_to_string(file).unwrap();
        assert!(!shared.contains("status") && !shared.contains("huda"), "a review wrote the shared file: {shared}");
    }
    assert_eq!(saved.decision(&e.0, e.1).map(|d| d.status), Some(ReviewStatus::Accepted));
    assert_eq!(mine.matches("provenance: Some((").count(), 4, "{mine}");
    let config = std::fs::read_to_string(dir.join("project.ron")).unwrap();
    assert!(config.contains("\"hf-ner\"") && config.contains("\"LOC\": Entity(\"LOCATION\")"), "{config}");
}
