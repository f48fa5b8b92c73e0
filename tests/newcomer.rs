//! The newcomer's path in the window (egui_kittest, the real app on real folders): the file dialog drawn in
//! the window where the desktop has none, File > New project, File > Add text files, and the welcome screen.

mod common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, default_conflict_schema};
use tarmeez::store::{OpenOptions, Project};
use tarmeez::ui::TarmeezApp;

/// The whole window on `app` (as `common::window`), without kittest's check that every widget has an
/// accessible name: egui_file's path and name fields have none, and the crate gives no way to name them.
fn window(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_max_steps(12)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut TarmeezApp| app.show(ui), app);
    h.run();
    h
}

/// The sample open for editing as `huda`, with every file dialog drawn in the window (as on a desktop without
/// the xdg portal; a test must never open the desktop's own).
fn sample_window() -> (tempfile::TempDir, PathBuf, Harness<'static, TarmeezApp>) {
    let (tmp, dir) = sample_copy();
    let app = TarmeezApp::new(Some(open_as(&dir, "huda")), None).with_dialogs_in_window();
    (tmp, dir, window(app))
}

/// Clicks a menu's entry.
fn menu(h: &mut Harness<'_, TarmeezApp>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    // An entry with a shortcut is labelled with it too.
    h.get_by_label_contains(entry).click();
    h.run();
}

/// Types `path` into the file dialog's path field (which shows the folder the dialog opened on, `shown`) and
/// presses Enter.
fn type_path(h: &mut Harness<'_, TarmeezApp>, shown: &Path, path: &Path) {
    path_field(h, shown).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    path_field(h, shown).type_text(path.to_str().unwrap());
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// The file dialog's path field, showing `shown`.
fn path_field<'h>(h: &'h Harness<'_, TarmeezApp>, shown: &Path) -> egui_kittest::Node<'h> {
    let shown = shown.to_str().unwrap().to_owned();
    h.get_by(move |n| n.role() == eframe::egui::accesskit::Role::TextInput && n.value().as_deref() == Some(&shown))
}

/// Runs frames until `done` (an import runs a slice of each frame; a dialog's thread answers between frames),
/// at most a few hundred.
fn run_until(h: &mut Harness<'_, TarmeezApp>, done: impl Fn(&Harness<'_, TarmeezApp>) -> bool) {
    for _ in 0..300 {
        if done(h) {
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("not done after 300 frames");
}

/// The documents of a project on disk: the stems of `documents/*.ron`.
fn documents_on_disk(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".ron").map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// Where the dialogs open beside a project: its folder's parent.
fn beside(dir: &Path) -> PathBuf {
    dir.canonicalize().unwrap().parent().unwrap().to_owned()
}

#[test]
fn import_documents_opens_the_windows_own_dialog_and_a_typed_path_imports() {
    let (tmp, dir, mut h) = sample_window();
    let corpus = tmp.path().join("corpus.jsonl");
    std::fs::write(&corpus, "{\"id\": \"raid\", \"text\": \"قصفت طائرات مسيرة مواقع في دير الزور\"}\n").unwrap();
    menu(&mut h, "File", "Import documents…");
    assert!(h.state().file_dialog_open(), "File > Import documents opens a dialog");
    h.get_by_label_contains("Import documents (JSON lines or CSV)");
    type_path(&mut h, &beside(&dir), &corpus);
    assert!(!h.state().file_dialog_open(), "Enter on a file's path chooses it");
    h.get_by_label(&format!("File: {}", corpus.display()));
    h.get_by_label("Start the import").click();
    run_until(&mut h, |h| h.query_by_label("1 document imported, 0 records skipped.").is_some());
    assert!(documents_on_disk(&dir).contains(&"raid".to_owned()), "{:?}", documents_on_disk(&dir));
}

#[test]
fn escape_closes_the_windows_dialog_and_nothing_happens() {
    let (_tmp, _dir, mut h) = sample_window();
    menu(&mut h, "File", "Export…");
    assert!(h.state().file_dialog_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().file_dialog_open());
    assert!(h.query_by_label("Export").is_none(), "no export window");
}

#[test]
fn add_text_files_imports_them_and_reports_a_duplicate_without_adding_it_twice() {
    let (tmp, dir, mut h) = sample_window();
    let texts = tmp.path().join("texts");
    std::fs::create_dir_all(texts.join("more")).unwrap();
    std::fs::write(texts.join("a.txt"), "هاجم مسلحون نقطة تفتيش قرب الميادين").unwrap();
    std::fs::write(texts.join("more/b.txt"), "انفجرت عبوة ناسفة في سوق البوكمال").unwrap();
    std::fs::write(texts.join("more/copy-of-a.txt"), "هاجم مسلحون نقطة تفتيش قرب الميادين").unwrap();
    let before = documents_on_disk(&dir).len();

    menu(&mut h, "File", "Add a folder of text files…");
    type_path(&mut h, &beside(&dir), &texts);
    h.get_by_label("Choose this folder").click();
    h.run();
    run_until(&mut h, |h| h.query_by_label("2 documents added, 1 file skipped.").is_some());
    h.get_by_label_contains("copy-of-a.txt: it has the same text as");
    let after = documents_on_disk(&dir);
    assert_eq!(after.len(), before + 2);
    assert!(after.contains(&"a".to_owned()) && after.contains(&"b".to_owned()), "{after:?}");

    // The same file again, picked alone by its typed path: a duplicate of the project's document, not added.
    menu(&mut h, "File", "Add text files…");
    type_path(&mut h, tmp.path(), &texts.join("a.txt"));
    run_until(&mut h, |h| h.query_by_label("0 documents added, 1 file skipped.").is_some());
    h.get_by_label_contains("a.txt: it has the same text as document `a` of the project");
    assert_eq!(documents_on_disk(&dir).len(), before + 2);
}

#[test]
fn new_project_from_the_window_creates_a_project_that_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let app = TarmeezApp::new(None, None).with_annotator(Annotator::parse("huda").unwrap()).with_dialogs_in_window();
    let mut h = window(app);
    h.get_by_label("No project is open");
    h.get_by_label("New project…").click();
    h.run();
    let folder = tmp.path().join("studies/deir-ez-zor");
    h.get_by_label("Folder").focus();
    h.get_by_label("Folder").type_text(folder.to_str().unwrap());
    h.get_by_label("Name").focus();
    h.get_by_label("Name").type_text("Deir ez-Zor 2021");
    h.run();
    h.get_by_label("Create").click();
    h.run();

    let project = h.state().project().expect("the new project is open");
    assert_eq!(project.config().name, "Deir ez-Zor 2021");
    assert_eq!(project.root(), folder);
    h.get_by_label_contains("Deir ez-Zor 2021 · 0 documents");
    h.get_by_label("Add text files…");
    let reopened =
        Project::open(&folder, OpenOptions { annotator: Annotator::parse("omar").unwrap(), read_only: true }).unwrap();
    assert_eq!(&reopened.config().schema, &default_conflict_schema(), "the default schema, as `tarmeez new` writes it");
}

#[test]
fn new_project_refuses_a_folder_that_is_not_empty_and_stays_open() {
    let (tmp, _dir, mut h) = sample_window();
    let full = tmp.path().join("full");
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("notes.txt"), "x").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Folder").focus();
    h.get_by_label("Folder").type_text(full.to_str().unwrap());
    h.get_by_label("Name").focus();
    h.get_by_label("Name").type_text("Full");
    h.run();
    h.get_by_label("Create").click();
    h.run();
    h.get_by_label_contains(&format!("Could not create the project in {}", full.display()));
    assert_eq!(h.state().project().unwrap().config().name, "al-Omar oil field (sample)", "the open project stays");
}

#[test]
fn the_welcome_screen_lists_recent_projects_and_its_buttons_work() {
    let tmp = tempfile::tempdir().unwrap();
    let (_sample_tmp, sample) = sample_copy();
    let other = tmp.path().join("other");
    Project::create(&other, "Other study", default_conflict_schema(), Annotator::parse("huda").unwrap()).unwrap();
    let settings = tmp.path().join("config/settings.ron");
    tarmeez::settings::Settings::remember_project(&settings, &other).unwrap();
    let app = TarmeezApp::new(None, None)
        .with_annotator(Annotator::parse("huda").unwrap())
        .with_dialogs_in_window()
        .with_settings(Some(settings.clone()))
        .with_sample(sample.clone());
    let mut h = window(app);
    h.get_by_label("No project is open");
    h.get_by_label("Recent projects");
    h.get_by_label("Open project…").click();
    h.run();
    assert!(h.state().file_dialog_open(), "Open project… opens the dialog");
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label_contains("other   ").click();
    h.run();
    assert_eq!(h.state().project().unwrap().config().name, "Other study");

    // Back to the welcome screen is not possible from a project; a new window on the sample button instead.
    let app = TarmeezApp::new(None, None)
        .with_annotator(Annotator::parse("huda").unwrap())
        .with_settings(Some(settings.clone()))
        .with_sample(sample.clone());
    let mut h = window(app);
    h.get_by_label("Open the sample project").click();
    h.run();
    assert_eq!(h.state().project().unwrap().config().name, "al-Omar oil field (sample)");
    let recent = tarmeez::settings::Settings::load(&settings).unwrap().recent;
    assert_eq!(recent, vec![sample.canonicalize().unwrap(), other.canonicalize().unwrap()], "last opened first");
}

#[test]
fn without_a_name_the_welcome_screen_asks_it_before_opening_a_project() {
    let (_tmp, sample) = sample_copy();
    let mut h = window(TarmeezApp::new(None, None).with_sample(sample));
    h.get_by_label("Open the sample project").click();
    h.run();
    h.get_by_label("Who is coding?");
    assert!(h.state().project().is_none(), "nothing opens before the name is given");
}

#[test]
fn from_the_keyboard_alone_ctrl_i_a_typed_path_enter_and_space_import_a_corpus() {
    let (tmp, dir, mut h) = sample_window();
    let corpus = tmp.path().join("corpus.jsonl");
    std::fs::write(&corpus, "{\"id\": \"raid\", \"text\": \"قصفت طائرات مسيرة مواقع في دير الزور\"}\n").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    // The path field has the keyboard: what is typed replaces the folder it shows.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(eframe::egui::Event::Text(corpus.to_str().unwrap().to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label(&format!("File: {}", corpus.display()));
    // "Start the import" has the keyboard.
    assert!(h.get_by_label("Start the import").is_focused(), "Start the import has the keyboard");
    h.key_press(Key::Space);
    h.run();
    run_until(&mut h, |h| h.query_by_label("1 document imported, 0 records skipped.").is_some());
    assert!(documents_on_disk(&dir).contains(&"raid".to_owned()));
}

/// Where the desktop has no portal (no D-Bus session here, as in CI), the window falls back to its own dialog
/// by itself: nothing is forced. On a desktop with a portal the desktop's dialog would open, so the case is
/// not run there.
#[cfg(target_os = "linux")]
#[test]
fn without_a_portal_the_window_opens_its_own_dialog_by_itself() {
    if tarmeez::ui::dialogs::portal::file_chooser_available() {
        eprintln!("this desktop has the portal's file chooser: skipped");
        return;
    }
    let (_tmp, dir) = sample_copy();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    let shown = beside(&dir);
    run_until(&mut h, |h| h.query_all_by_value(shown.to_str().unwrap()).next().is_some());
    h.get_by_label_contains("Import documents (JSON lines or CSV)");
}
