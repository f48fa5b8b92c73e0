//! The interface in Arabic (View > Language): the menus in Arabic, the window mirrored, the choice kept in
//! the user's settings and shown again at the next start.

use crate::common;
use common::*;
use egui_kittest::kittest::Queryable;
use tarmeez::settings::{Language, Settings};
use tarmeez::ui::TarmeezApp;

fn app(dir: &std::path::Path, settings: &std::path::Path) -> TarmeezApp {
    TarmeezApp::new(Some(open_as(dir, "sample")), None).with_settings(Some(settings.to_owned()))
}

#[test]
fn view_language_arabic_translates_mirrors_and_is_remembered() {
    let (tmp, dir) = sample_copy();
    let settings = tmp.path().join("config/settings.ron");
    let mut h = window(app(&dir, &settings));
    // English first: the document list on the left of the inspector.
    let (list, inspector) = (h.get_by_label("Documents").rect(), h.get_by_label("Inspector").rect());
    assert!(list.right() < inspector.left(), "English: the list left of the inspector {list:?} {inspector:?}");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("العربية").click();
    h.run();
    assert_eq!(h.state().language(), Language::Arabic);
    for menu in ["ملف", "تحرير", "انتقال", "عرض", "مساعدة"] {
        h.get_by_label(menu);
    }
    assert!(h.query_by_label("File").is_none(), "no English menu is left");
    let (list, inspector) = (h.get_by_label("الوثائق").rect(), h.get_by_label("المفتش").rect());
    assert!(list.left() > inspector.right(), "Arabic: the list right of the inspector {list:?} {inspector:?}");
    // The menus read from the right: File is the rightmost.
    assert!(h.get_by_label("ملف").rect().left() > h.get_by_label("عرض").rect().right());
    assert_eq!(Settings::load(&settings).unwrap().language, Language::Arabic);
    drop(h);
    // The next start shows Arabic at once.
    let h = window(app(&dir, &settings));
    h.get_by_label("ملف");
    assert!(h.query_by_label("File").is_none());
}

#[test]
fn arabic_shows_the_schema_s_arabic_names_for_types_and_roles() {
    let (tmp, dir) = sample_copy();
    let settings = tmp.path().join("settings.ron");
    Settings { language: Language::Arabic, ..Settings::default() }.save(&settings).unwrap();
    let h = window(app(&dir, &settings));
    // The type keys above the article name the types in Arabic (the schema's name_ar).
    assert!(h.query_all_by_label_contains("فاعل").count() > 0, "ACTOR is called فاعل");
    assert!(h.query_all_by_label_contains("مكان").count() > 0, "LOCATION is called مكان");
}

#[test]
fn an_event_with_roles_shows_in_the_arabic_inspector() {
    let (tmp, dir) = sample_copy();
    let settings = tmp.path().join("settings.ron");
    Settings { language: Language::Arabic, ..Settings::default() }.save(&settings).unwrap();
    let mut h = window(app(&dir, &settings));
    let layer = h.state().project().unwrap().document(&tarmeez::model::DocId::parse(SAMPLE_DOC).unwrap());
    let event =
        layer.and_then(|d| d.loaded()).map(|d| *d.layers.values().next().unwrap().events.keys().next().unwrap());
    h.state_mut().focus_on(tarmeez::ui::action::Focus::Event(event.unwrap()));
    h.run();
    // The roles of an attack, by their Arabic names, and the event's heading with the type's Arabic name.
    assert!(h.query_all_by_label_contains("المهاجم").count() > 0, "the Attacker role is called المهاجم");
    assert!(h.query_all_by_label_contains("هجوم").count() > 0, "ATTACK is called هجوم");
}
