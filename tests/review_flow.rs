//! Reviewing from the keyboard on the real app and a copy of the sample (egui_kittest): Tab through the
//! queue, Enter accepts, Backspace rejects, a number key accepts as another type, a changed selection makes
//! it "edited"; bulk accept above 0.9 and undo it; the saved files say what happened.

mod common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, ReviewStatus, SourceName, Span, SuggestionId};
use tarmeez::ui::TarmeezApp;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    let mut h =
        Harness::builder().with_size([1400.0, 1000.0]).build_ui_state(|ui, app: &mut TarmeezApp| app.show(ui), app);
    h.run();
    h
}

fn press(h: &mut Harness<'_, TarmeezApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn status(h: &Harness<'_, TarmeezApp>, id: u32) -> ReviewStatus {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.suggestions[&SourceName::parse("camelbert-ner").unwrap()].suggestions[&SuggestionId(id)].status
}

fn pending_ids(h: &Harness<'_, TarmeezApp>) -> Vec<u32> {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    let mut items: Vec<_> = doc.suggestions[&SourceName::parse("camelbert-ner").unwrap()]
        .suggestions
        .iter()
        .filter(|(_, s)| s.status == ReviewStatus::Pending)
        .map(|(id, s)| (s.span.start, id.0))
        .collect();
    items.sort();
    items.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn review_five_suggestions_from_the_keyboard_then_bulk_accept_and_undo_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let queue = pending_ids(&h);
    let (a, b, c, d, e) = (queue[0], queue[1], queue[2], queue[3], queue[4]);

    // Tab opens the queue on the first pending suggestion, in reading order, and selects its words.
    press(&mut h, Modifiers::NONE, Key::Tab);
    h.get_by_label("Review suggestions");
    h.get_by_label("Accept (Enter)");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, a), ReviewStatus::Accepted);
    // The next one is current: reject it.
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(status(&h, b), ReviewStatus::Rejected);
    // Accept the third as an ACTOR (key 1): edited, since the model said otherwise.
    press(&mut h, Modifiers::NONE, Key::Num1);
    assert_eq!(status(&h, c), ReviewStatus::Edited);
    // Shift+Tab goes back and Tab forward again; then shrink the selection by a letter and accept: edited.
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Tab);
    let sel = h.state().article().selection().unwrap();
    let text = h.state().project().unwrap().documents()[0].text().unwrap().clone();
    h.state_mut().article_mut().select(&text, Span::new(sel.start, sel.end - 1));
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, d), ReviewStatus::Edited);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h, e), ReviewStatus::Accepted);

    let layer = |h: &Harness<'_, TarmeezApp>| {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        doc.layers[&Annotator::parse("huda").unwrap()].clone()
    };
    assert_eq!(layer(&h).mentions.len(), 4, "four accepted, one rejected");
    assert!(layer(&h).mentions.values().all(|m| m.provenance.as_ref().is_some_and(|p| p.reviewer.as_str() == "huda")));

    // Bulk: accept everything above 0.9 in this document, then undo that one action.
    let before_bulk = layer(&h);
    let high: Vec<u32> = pending_ids(&h);
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
    assert_eq!(pending_ids(&h), high);

    // Saved files: the reviews in the source's file, the annotations with their provenance in huda's layer.
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(dir.join(format!("suggestions/{SAMPLE_DOC}/camelbert-ner.ron"))).unwrap();
    for (id, status) in [(a, "Accepted"), (b, "Rejected"), (c, "Edited"), (d, "Edited"), (e, "Accepted")] {
        let block = saved.split(&format!("\"s{id}\": (")).nth(1).unwrap();
        let block = &block[..block.find("\n    ),").unwrap()];
        assert!(block.contains(&format!("status: {status}")), "s{id}: {block}");
        assert!(block.contains("by: \"huda\""), "s{id}: {block}");
    }
    let mine = std::fs::read_to_string(dir.join(format!("annotations/{SAMPLE_DOC}/huda.ron"))).unwrap();
    assert_eq!(mine.matches("provenance: Some((").count(), 4, "{mine}");
    assert!(mine.contains("source: \"camelbert-ner\""), "{mine}");
}
