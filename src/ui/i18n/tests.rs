//! The two message files against each other and against the code, and the visual order of Arabic lines.

use super::catalog::{AR, EN, message_ids};
use super::*;
use fluent_bundle::FluentResource;
use std::collections::BTreeSet;
use std::path::Path;

fn ids(source: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("the file does not parse: {errors:?}"),
    };
    let ids: Vec<String> = message_ids(&resource);
    let set: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "an id is defined twice");
    set
}

/// The ids the code passes to `tr!`/`trl!` and the commands' ids, read from the sources of `src/ui/`.
fn used_ids() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                scan(&std::fs::read_to_string(&path).unwrap(), out);
            }
        }
    }
    fn scan(text: &str, out: &mut BTreeSet<String>) {
        for (i, _) in text.match_indices('"') {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            let before = text[..i].trim_end();
            let in_macro = ["tr!(", "trl!("].iter().any(|m| {
                before.ends_with(',')
                    && before[..before.len() - 1].rfind(m).is_some_and(|at| !before[at..].contains(';'))
            });
            let id_like = !literal.is_empty()
                && !literal.ends_with('-')
                && literal.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit());
            if id_like && (in_macro || literal.starts_with("cmd-")) {
                out.insert(literal.to_owned());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut out);
    out
}

#[test]
fn both_files_hold_the_same_ids_and_every_id_used_exists_and_none_is_unused() {
    let (en, ar) = (ids(EN), ids(AR));
    assert_eq!(en.symmetric_difference(&ar).collect::<Vec<_>>(), Vec::<&String>::new(), "ids in one file only");
    let used = used_ids();
    assert!(used.len() > 100, "the scan finds the code's ids: {}", used.len());
    let missing: Vec<_> = used.difference(&en).collect();
    assert!(missing.is_empty(), "ids used but in no file: {missing:?}");
    // Role names are looked up by the role's id (names.rs), not written in the code.
    let unused: Vec<_> = en.difference(&used).filter(|id| !id.starts_with("role-")).collect();
    assert!(unused.is_empty(), "ids no code uses: {unused:?}");
}

#[test]
fn every_role_of_the_default_schema_has_an_arabic_name() {
    let schema = crate::model::default_conflict_schema();
    for event in &schema.event_types {
        for role in &event.roles {
            let name = role_name(role, Language::Arabic);
            assert!(crate::ui::bidi_label::needs_bidi(name), "{} has no Arabic name", role.id.as_str());
        }
    }
}

#[test]
fn english_strings_are_the_code_s_own_and_arabic_ones_differ() {
    assert_eq!(tr!(Language::English, "menu-file"), "File");
    assert_eq!(tr!(Language::Arabic, "menu-file"), "ملف");
    // Every Arabic message that formats without arguments has Arabic letters (none left in English).
    let c = ids(AR);
    for id in &c {
        if let Some(text) = super::catalog::lookup(Language::Arabic, id, false) {
            assert!(crate::ui::bidi_label::needs_bidi(text), "{id} is not translated: {text}");
        }
    }
}

#[test]
fn arabic_counts_take_their_plural_forms() {
    let docs = |n: usize| trl!(Language::Arabic, "documents-count", count = n);
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100].into_iter().map(docs).collect();
    let distinct: BTreeSet<&String> = forms.iter().collect();
    assert_eq!(distinct.len(), 6, "six plural forms: {forms:?}");
    assert_eq!(trl!(Language::English, "documents-count", count = 1usize), "1 document");
    assert_eq!(trl!(Language::English, "documents-count", count = 3usize), "3 documents");
}

/// The visual order of a line in a right-to-left paragraph by an independent reference, python-bidi's
/// `get_display(line, base_dir='R')` (python-bidi 0.6), recorded here; then what the renderer does after it:
/// brackets mirrored (python-bidi leaves rule L4 to the renderer), isolate controls dropped, and each run of
/// Arabic letters turned back to logical order, since egui's shaper turns a word itself.
fn reference(visual_by_python_bidi: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in visual_by_python_bidi.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            word.push(c);
            continue;
        }
        out.extend(word.chars().rev());
        word.clear();
        match c {
            '(' => out.push(')'),
            ')' => out.push('('),
            '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out.extend(word.chars().rev());
    out
}

#[test]
fn arabic_lines_are_put_in_the_order_egui_draws_as_a_reference_bidi_says() {
    // (logical, python-bidi get_display(logical, base_dir='R'))
    let cases = [
        ("فتح مشروع", "عورشم حتف"),
        ("3 وثائق", "قئاثو 3"),
        ("حفظ (Ctrl+S)", ")Ctrl+S( ظفح"),
        ("الوثيقة 12 من 40", "40 نم 12 ةقيثولا"),
        ("تصدير: events-csv أو brat", "brat وأ events-csv :ريدصت"),
        ("حدد \u{2068}5 عناصر\u{2069}", "\u{2069}رصانع 5\u{2068} ددح"),
    ];
    for (logical, by_reference) in cases {
        assert_eq!(visual(logical), reference(by_reference), "{logical}");
    }
    assert_eq!(visual("حُدِّد \u{2068}5 عناصر\u{2069}"), "عناصر 5 حُدِّد", "the quote's number stays with its word");
    // English lines stay as they are.
    assert_eq!(visual("Open project… (Ctrl+O)"), "Open project… (Ctrl+O)");
}

/// Where egui draws each character of `shown` (a string in the order `visual` gives), with the window's fonts:
/// the leftmost x of each character's glyphs.
fn egui_positions(shown: &str) -> Vec<(char, f32)> {
    use eframe::egui;
    let ctx = egui::Context::default();
    let mut frame = ctx.run_ui(egui::RawInput::default(), |ui| crate::ui::fonts::install(ui.ctx()));
    frame.textures_delta.clear();
    let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
    frame.textures_delta.clear();
    let galley =
        ctx.fonts_mut(|f| f.layout_no_wrap(shown.to_owned(), egui::FontId::proportional(14.0), egui::Color32::WHITE));
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    galley.rows[0].glyphs.iter().map(|g| (g.chr, g.pos.x)).collect()
}

fn x_of(glyphs: &[(char, f32)], c: char) -> f32 {
    glyphs.iter().filter(|(g, _)| *g == c).map(|(_, x)| *x).fold(f32::NAN, f32::min)
}

#[test]
fn egui_draws_the_visual_order_right_to_left_with_numbers_and_shortcuts_in_place() {
    // The first word of "فتح مشروع" (open project) is drawn right of the second.
    let g = egui_positions(&visual("فتح مشروع"));
    assert!(x_of(&g, 'ف') > x_of(&g, 'م'), "{g:?}");
    // "3 وثائق": the number is read first, so it is drawn at the right.
    let g = egui_positions(&visual("3 وثائق"));
    assert!(x_of(&g, '3') > x_of(&g, 'و'), "{g:?}");
    // "حفظ (Ctrl+S)": the word at the right, the shortcut at the left in its brackets, in their order.
    let g = egui_positions(&visual("حفظ (Ctrl+S)"));
    let (word, open, ctrl, close) = (x_of(&g, 'ح'), x_of(&g, '('), x_of(&g, 'C'), x_of(&g, ')'));
    assert!(open < ctrl && ctrl < close && close < word, "{g:?}");
    // Without the visual pass, egui would draw the shortcut right of the word.
    let g = egui_positions("حفظ (Ctrl+S)");
    assert!(x_of(&g, 'C') > x_of(&g, 'ح'), "the check can fail: {g:?}");
}
