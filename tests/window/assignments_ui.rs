//! Assignments in the window, headless with egui_kittest: the list puts the coder's assigned documents
//! first, Ctrl+J follows them, and the progress window counts each coder's work from the real files.

use crate::common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::*;
use tarmeez::store::{AssignmentsFile, Project, SharedFilesLock};
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::windows::progress::ProgressWindow;
use tarmeez::workflow::assignments::{CoderProgress, ProgressTable};

fn a(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

fn d(i: usize) -> DocId {
    DocId::parse(&format!("doc{i}")).unwrap()
}

/// Six documents. huda has doc1, doc3 (done) and doc4; omar doc0 (in progress), doc1 and doc2 (done); layla
/// doc5. Statuses are in each coder's own layer files, as their windows left them.
fn team_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), a("lead")).unwrap();
    for i in 0..6 {
        p.add_document(&format!("doc{i}"), format!("قصفت الميليشيات القاعدة رقم {i}"), DocumentMeta::default())
            .unwrap();
    }
    drop(p);
    for (coder, statuses) in
        [("huda", &[(3, DocStatus::Done)][..]), ("omar", &[(0, DocStatus::InProgress), (2, DocStatus::Done)])]
    {
        let mut p = open_as(&dir, coder);
        for (i, status) in statuses {
            p.layer_mut(&d(*i)).unwrap().status = *status;
        }
        p.save_dirty().unwrap();
    }
    let mut asg = Assignments::default();
    for (coder, docs) in [("huda", &[1, 3, 4][..]), ("omar", &[0, 1, 2]), ("layla", &[5])] {
        for i in docs {
            asg.documents.entry(d(*i)).or_default().insert(a(coder));
        }
    }
    let mut file = AssignmentsFile::read(&dir).unwrap();
    file.write(&dir, asg, SharedFilesLock::PATIENCE).unwrap();
    (tmp, dir)
}

fn shown(h: &Harness<'_, TarmeezApp>) -> String {
    h.state().shown_document().map(|d| d.to_string()).unwrap_or_default()
}

fn top_of(h: &Harness<'_, TarmeezApp>, label: &str) -> f32 {
    h.get_by_label_contains(label).rect().top()
}

#[test]
fn the_list_shows_my_assigned_documents_first_and_ctrl_j_follows_them() {
    let (_tmp, dir) = team_project();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    // The window opens on the coder's first assigned document, under its own heading.
    assert_eq!(shown(&h), "doc1");
    let mine = top_of(&h, "Assigned to me");
    let others = top_of(&h, "Other documents");
    assert!(mine < top_of(&h, "doc1 ·") && top_of(&h, "doc1 ·") < top_of(&h, "doc3 ·"));
    assert!(top_of(&h, "doc4 ·") < others && others < top_of(&h, "doc0 ·"));
    assert!(top_of(&h, "doc0 ·") < top_of(&h, "doc2 ·") && top_of(&h, "doc2 ·") < top_of(&h, "doc5 ·"));
    // Alt+Down walks the list as shown.
    press(&mut h, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(shown(&h), "doc3");
    // Ctrl+J: my unfinished ones (doc3 is done), wrapping around them...
    let mut visited = Vec::new();
    for _ in 0..3 {
        press(&mut h, Modifiers::COMMAND, Key::J);
        visited.push(shown(&h));
    }
    assert_eq!(visited, ["doc4", "doc1", "doc4"]);
    // ...and only when all of them are done, the others, in the list's order.
    press(&mut h, Modifiers::COMMAND, Key::D);
    press(&mut h, Modifiers::COMMAND, Key::J);
    assert_eq!(shown(&h), "doc1");
    press(&mut h, Modifiers::COMMAND, Key::D);
    let mut visited = Vec::new();
    for _ in 0..4 {
        press(&mut h, Modifiers::COMMAND, Key::J);
        visited.push(shown(&h));
    }
    assert_eq!(visited, ["doc0", "doc2", "doc5", "doc0"]);
}

#[test]
fn a_coder_with_nothing_assigned_sees_the_plain_list_until_assignments_arrive() {
    let (_tmp, dir) = team_project();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "sami")), None));
    assert_eq!(shown(&h), "doc0");
    assert!(h.query_by_label("Assigned to me").is_none());
    press(&mut h, Modifiers::COMMAND, Key::J);
    assert_eq!(shown(&h), "doc1");
    // The lead assigns doc4 to sami and the file arrives (a pull): the window takes it in.
    let mut file = AssignmentsFile::read(&dir).unwrap();
    let mut asg = file.assignments.clone();
    asg.documents.get_mut(&d(4)).unwrap().insert(a("sami"));
    file.write(&dir, asg, SharedFilesLock::PATIENCE).unwrap();
    h.state_mut().session_mut().unwrap().refresh_from_disk();
    h.run();
    assert!(top_of(&h, "Assigned to me") < top_of(&h, "doc4 ·"));
    assert!(top_of(&h, "doc4 ·") < top_of(&h, "Other documents"));
    h.get_by_label_contains("the assignments changed");
    press(&mut h, Modifiers::COMMAND, Key::J);
    assert_eq!(shown(&h), "doc4");
}

/// Runs frames until the progress window has read the coders' files.
fn progress(h: &mut Harness<'_, TarmeezApp>) -> ProgressTable {
    for _ in 0..500 {
        h.run();
        let window = h.state().session().and_then(|s| s.windows.get::<ProgressWindow>());
        if let Some(table) = window.filter(|w| !w.reading()).and_then(ProgressWindow::table) {
            return table.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the progress window never finished reading");
}

fn row(done: usize, in_progress: usize, not_started: usize) -> CoderProgress {
    CoderProgress { done, in_progress, not_started, unknown: 0 }
}

#[test]
fn the_progress_window_counts_each_coders_assigned_documents() {
    let (_tmp, dir) = team_project();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Assignment progress").click();
    let table = progress(&mut h);
    h.get_by_label("6 documents assigned, 1 of them to two coders or more");
    h.get_by_label("huda (you)");
    assert_eq!((table.documents, table.overlap), (6, 1));
    assert_eq!(table.coders[&a("huda")], row(1, 0, 2));
    assert_eq!(table.coders[&a("omar")], row(1, 1, 1), "read from omar's layer files");
    assert_eq!(table.coders[&a("layla")], row(0, 0, 1));
    // My own change shows at once, before it is even saved.
    press(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(progress(&mut h).coders[&a("huda")], row(2, 0, 1));
    // Another coder's work arriving on disk (a sync) shows after Refresh.
    let mut omar = open_as(&dir, "omar");
    omar.layer_mut(&d(1)).unwrap().status = DocStatus::InProgress;
    omar.save_dirty().unwrap();
    drop(omar);
    h.get_by_label("Refresh").click();
    assert_eq!(progress(&mut h).coders[&a("omar")], row(1, 2, 0));
}
