//! Syncing a shared project over the real git (issue 13, item 4): a local bare repository stands for the
//! team's shared one, and each coder has a clone. Edits go through the library as the window makes them.

mod common;

use common::git::{configure, git};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::model::{Annotator, DocId, DocumentMeta, EntityTypeId, Span, coding, default_conflict_schema};
use tarmeez::store::{NewDoc, OpenOptions, Project};
use tarmeez::sync::{self, SyncError};

fn coder(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

/// A team: the shared bare repository and Layla's clone, where the project was made with `docs` documents
/// and shared; others join with [`Team::join`].
struct Team {
    tmp: tempfile::TempDir,
    remote: PathBuf,
    docs: Vec<DocId>,
}

impl Team {
    fn new(docs: usize) -> (Team, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let remote = tmp.path().join("shared.git");
        git(tmp.path(), &["init", "-q", "--bare", remote.to_str().unwrap()]);
        let layla = tmp.path().join("layla");
        let mut project = Project::create(&layla, "team", default_conflict_schema(), coder("layla")).unwrap();
        let new = (0..docs)
            .map(|i| NewDoc {
                id_hint: format!("doc-{i}"),
                text: format!("Report {i}: fighters attacked the oilfield near the river at dawn."),
                meta: DocumentMeta { title: format!("Report {i}"), ..DocumentMeta::default() },
            })
            .collect();
        let ids = project.add_documents(new).unwrap().into_iter().map(Result::unwrap).collect();
        drop(project);
        // An existing repository is taken as it is (its config included).
        git(&layla, &["init", "-q"]);
        configure(&layla, "Layla");
        let shared = sync::init_team(&layla, Some(remote.to_str().unwrap())).unwrap();
        assert!(shared.pushed && !shared.created && shared.committed.is_some(), "{shared:?}");
        (Team { tmp, remote, docs: ids }, layla)
    }

    fn join(&self, name: &str) -> PathBuf {
        let dir = self.tmp.path().join(name);
        git(self.tmp.path(), &["clone", "-q", self.remote.to_str().unwrap(), dir.to_str().unwrap()]);
        configure(&dir, name);
        dir
    }
}

/// Marks `[start, end)` of `doc` as an ACTOR in `name`'s layer and saves, as the window does.
fn mark(dir: &Path, name: &str, doc: &DocId, start: usize, end: usize) {
    let mut project = Project::open(dir, OpenOptions { annotator: coder(name), read_only: false }).unwrap();
    let layer = project.load_document(doc).unwrap().layers.get(&coder(name)).cloned().unwrap_or_default();
    let (edit, _) = coding::mark(&layer, Span::new(start, end), &EntityTypeId::new("ACTOR"));
    project.apply(doc, edit).unwrap();
    project.save_dirty().unwrap();
}

/// The spans of `name`'s mentions in `doc`, as a fresh open of the project sees them.
fn mentions(dir: &Path, name: &str, doc: &DocId) -> Vec<(usize, usize)> {
    let project = Project::open(dir, OpenOptions { annotator: coder("reader"), read_only: true }).unwrap();
    let loaded = project.load_document(doc).unwrap();
    let Some(layer) = loaded.layers.get(&coder(name)) else { return Vec::new() };
    layer.mentions.values().map(|m| (m.span.start, m.span.end)).collect()
}

/// Every file of a clone but git's own and the locks: what two synced clones must hold alike.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_owned();
            if rel.starts_with(".git") || rel.starts_with(".locks") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn no_conflict_markers(dir: &Path) {
    for (rel, bytes) in tree(dir) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.lines().any(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>")), "markers in {rel:?}");
    }
}

#[test]
fn a_mention_marked_and_synced_by_one_coder_reaches_the_other() {
    let (team, layla) = Team::new(2);
    let omar = team.join("omar");
    mark(&layla, "layla", &team.docs[0], 0, 6);
    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert_eq!(report.committed.as_deref(), Some("Tarmeez sync (layla): 1 document coded"));
    assert_eq!((report.pushed, report.status.ahead, report.offline.clone()), (1, 0, None), "{report:?}");
    let trailer = git(&layla, &["log", "-1", "--format=%(trailers:key=Tarmeez-Coder,valueonly)"]);
    assert_eq!(trailer.trim(), "layla");

    let report = sync::sync(&omar, &coder("omar")).unwrap();
    assert!(report.brought_changes() && report.received == 1, "{report:?}");
    assert_eq!(mentions(&omar, "layla", &team.docs[0]), [(0, 6)]);
    let seen: Vec<&str> = report.status.teammates.iter().map(|t| t.coder.as_str()).collect();
    assert!(seen.contains(&"layla"), "{seen:?}");
    assert!(tree(&layla) == tree(&omar), "both clones hold the same files");
}

#[test]
fn two_coders_on_different_documents_see_both_whichever_syncs_first() {
    let (team, layla) = Team::new(3);
    let omar = team.join("omar");
    for (first, second) in [((&layla, "layla"), (&omar, "omar")), ((&omar, "omar"), (&layla, "layla"))] {
        let round = mentions(&layla, "layla", &team.docs[1]).len();
        mark(first.0, first.1, &team.docs[round % 3], round, round + 6);
        mark(second.0, second.1, &team.docs[(round + 1) % 3], 10 + round, 16 + round);
        mark(second.0, second.1, &team.docs[1], 20, 26 + round);
        sync::sync(first.0, &coder(first.1)).unwrap();
        let middle = sync::sync(second.0, &coder(second.1)).unwrap();
        assert!(middle.received >= 1 && middle.pushed >= 1 && middle.conflicts.is_empty(), "{middle:?}");
        let last = sync::sync(first.0, &coder(first.1)).unwrap();
        assert!(last.brought_changes(), "{last:?}");
        assert!(tree(&layla) == tree(&omar), "after round {round}");
        let status = sync::status(first.0).unwrap();
        assert_eq!((status.ahead, status.behind, status.changed), (0, 0, 0));
    }
    assert_eq!(mentions(&omar, "layla", &team.docs[0]), [(0, 6)]);
    assert_eq!(mentions(&layla, "omar", &team.docs[1]).len(), 2, "omar's two marks of doc 1 (second round)");
    no_conflict_markers(&layla);
}

#[test]
fn offline_the_sync_commits_here_and_the_next_one_pushes() {
    let (team, layla) = Team::new(2);
    let omar = team.join("omar");
    mark(&layla, "layla", &team.docs[1], 0, 6);
    let away = team.tmp.path().join("unplugged.git");
    std::fs::rename(&team.remote, &away).unwrap();
    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert!(report.committed.is_some() && report.offline.is_some() && report.pushed == 0, "{report:?}");
    assert_eq!(report.status.ahead, 1);
    let said = report.describe().join("\n");
    assert!(said.contains("Offline") && said.contains("1 commit to push"), "{said}");
    assert!(git(&layla, &["status", "--porcelain"]).is_empty(), "the work is committed here");

    std::fs::rename(&away, &team.remote).unwrap();
    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert_eq!((report.committed.clone(), report.pushed, report.offline.clone()), (None, 1, None));
    sync::sync(&omar, &coder("omar")).unwrap();
    assert_eq!(mentions(&omar, "layla", &team.docs[1]), [(0, 6)]);
}

#[test]
fn a_hook_that_refuses_the_push_is_told_in_its_own_words_and_nothing_is_lost() {
    let (team, layla) = Team::new(1);
    let hook = team.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'pushes are closed during the audit' >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    mark(&layla, "layla", &team.docs[0], 0, 6);
    let err = sync::sync(&layla, &coder("layla")).unwrap_err();
    assert!(matches!(err, SyncError::Rejected { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("pushes are closed during the audit"), "{message}");
    assert!(message.contains("committed on this computer"), "{message}");
    assert_eq!(sync::status(&layla).unwrap().ahead, 1, "the commit waits here");

    std::fs::remove_file(&hook).unwrap();
    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert_eq!(report.pushed, 1, "{report:?}");
}

#[test]
fn a_stale_index_lock_left_by_a_killed_sync_is_cleared_by_the_next() {
    let (team, layla) = Team::new(1);
    mark(&layla, "layla", &team.docs[0], 0, 6);
    std::fs::write(layla.join(".git/index.lock"), b"").unwrap();
    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert!(report.recovered.iter().any(|r| r.contains("index.lock")), "{report:?}");
    assert_eq!(report.pushed, 1);
    assert!(!layla.join(".git/index.lock").exists());
}

#[test]
fn a_file_both_changed_is_kept_both_ways_under_conflicts() {
    let (team, layla) = Team::new(1);
    let omar = team.join("omar");
    std::fs::write(layla.join("plan.txt"), "layla's plan\n").unwrap();
    std::fs::write(omar.join("plan.txt"), "omar's plan\n").unwrap();
    sync::sync(&layla, &coder("layla")).unwrap();
    let report = sync::sync(&omar, &coder("omar")).unwrap();
    let [kept] = report.conflicts.as_slice() else { panic!("{report:?}") };
    assert_eq!(kept.path, Path::new("plan.txt"));
    assert!(kept.from.starts_with("layla-"), "whose and from which commit: {}", kept.from);
    assert_eq!(std::fs::read_to_string(omar.join("plan.txt")).unwrap(), "omar's plan\n", "ours in place");
    assert_eq!(std::fs::read_to_string(omar.join(&kept.saved_as)).unwrap(), "layla's plan\n");
    assert!(kept.saved_as.starts_with("conflicts"), "{:?}", kept.saved_as);
    assert!(report.describe().join("\n").contains("Both versions of plan.txt kept"));
    sync::sync(&layla, &coder("layla")).unwrap();
    assert!(tree(&layla) == tree(&omar));
    no_conflict_markers(&omar);
}

#[test]
fn an_unfinished_merge_left_by_a_killed_sync_is_finished_with_nothing_lost() {
    let (team, layla) = Team::new(2);
    let omar = team.join("omar");
    mark(&omar, "omar", &team.docs[1], 0, 6);
    std::fs::write(omar.join("plan.txt"), "omar's plan\n").unwrap();
    sync::sync(&omar, &coder("omar")).unwrap();
    // Layla's sync was killed after git had started the merge: conflict markers, MERGE_HEAD.
    mark(&layla, "layla", &team.docs[0], 0, 6);
    std::fs::write(layla.join("plan.txt"), "layla's plan\n").unwrap();
    git(&layla, &["add", "-A"]);
    git(&layla, &["commit", "-q", "-m", "work"]);
    git(&layla, &["fetch", "-q", "origin"]);
    let merge = Command::new("git").arg("-C").arg(&layla).args(["merge", "--no-edit", "FETCH_HEAD"]).output().unwrap();
    assert!(!merge.status.success(), "the merge stops on the conflict");
    assert!(layla.join(".git/MERGE_HEAD").exists());

    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert!(report.recovered.iter().any(|r| r.contains("merge")), "{report:?}");
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert!(report.pushed >= 1 && !layla.join(".git/MERGE_HEAD").exists());
    no_conflict_markers(&layla);
    assert_eq!(mentions(&layla, "omar", &team.docs[1]), [(0, 6)], "omar's work is in");
    assert_eq!(mentions(&layla, "layla", &team.docs[0]), [(0, 6)], "layla's work stays");
    sync::sync(&omar, &coder("omar")).unwrap();
    assert!(tree(&layla) == tree(&omar));
}

#[test]
fn suggestion_files_changed_on_both_sides_are_merged_not_kept_twice() {
    use tarmeez::model::*;
    let (team, layla) = Team::new(1);
    let omar = team.join("omar");
    let rel = Path::new("suggestions").join(team.docs[0].as_str()).join("tagger.ron");
    let suggestion = |start: usize| Suggestion {
        span: Span::new(start, start + 6),
        label: SuggestedLabel::Entity(EntityTypeId::new("LOCATION")),
        score: None,
        roles: Vec::new(),
    };
    let write = |dir: &Path, items: Vec<(u32, Suggestion)>| {
        let info =
            SourceInfo { model: "tagger".into(), version: String::new(), imported_at: "2026-01-01T00:00:00Z".into() };
        let set =
            SuggestionSet { source: info, suggestions: items.into_iter().map(|(i, s)| (SuggestionId(i), s)).collect() };
        std::fs::create_dir_all(dir.join(&rel).parent().unwrap()).unwrap();
        std::fs::write(dir.join(&rel), tarmeez::store::to_ron(&set).unwrap()).unwrap();
    };
    write(&layla, vec![(1, suggestion(0))]);
    sync::sync(&layla, &coder("layla")).unwrap();
    sync::sync(&omar, &coder("omar")).unwrap();
    // Two imports, one on each laptop, under different ids.
    write(&layla, vec![(1, suggestion(0)), (3, suggestion(30))]);
    write(&omar, vec![(1, suggestion(0)), (2, suggestion(20))]);
    sync::sync(&layla, &coder("layla")).unwrap();
    let report = sync::sync(&omar, &coder("omar")).unwrap();
    assert!(report.conflicts.is_empty(), "{report:?}");
    let merged: SuggestionSet = ron::from_str(&std::fs::read_to_string(omar.join(&rel)).unwrap()).unwrap();
    assert_eq!(merged.suggestions.keys().map(|id| id.0).collect::<Vec<_>>(), [1, 2, 3]);
    sync::sync(&layla, &coder("layla")).unwrap();
    assert!(tree(&layla) == tree(&omar));
}

#[test]
fn a_second_sync_while_one_runs_is_refused() {
    let (_team, layla) = Team::new(1);
    let held = std::fs::File::create(layla.join(".locks/sync.lock")).unwrap();
    held.lock().unwrap();
    let err = sync::sync(&layla, &coder("layla")).unwrap_err();
    assert!(matches!(err, SyncError::Busy), "{err:?}");
}

#[test]
fn a_folder_that_is_not_shared_says_so() {
    let (team, _layla) = Team::new(1);
    let alone = team.tmp.path().join("alone");
    Project::create(&alone, "alone", default_conflict_schema(), coder("layla")).unwrap();
    assert!(!sync::status(&alone).unwrap().shared);
    let err = sync::sync(&alone, &coder("layla")).unwrap_err().to_string();
    assert!(err.contains("is not shared"), "{err}");
}

#[test]
fn the_command_line_shares_and_syncs() {
    let tmp = tempfile::tempdir().unwrap();
    let remote = tmp.path().join("shared.git");
    git(tmp.path(), &["init", "-q", "--bare", remote.to_str().unwrap()]);
    let dir = tmp.path().join("p");
    Project::create(&dir, "p", default_conflict_schema(), coder("huda")).unwrap();
    git(&dir, &["init", "-q"]);
    configure(&dir, "Huda");
    let tarmeez = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
    let out = tarmeez(&["init-team", dir.to_str().unwrap(), "--remote", remote.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && said.contains("Shared at"), "{said}{}", String::from_utf8_lossy(&out.stderr));
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignore.contains("/.locks/") && ignore.contains(".tarmeez-*.tmp"), "{ignore}");
    assert!(git(&dir, &["ls-files"]).lines().all(|f| !f.starts_with(".locks")));
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    let out = tarmeez(&["sync", dir.to_str().unwrap(), "--as", "huda"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("Committed: Tarmeez sync (huda): 1 other file") && said.contains("Sent 1 commit"), "{said}");
    assert!(said.contains("Last syncs:") && said.contains("huda"), "{said}");
}

/// Makes `hook` of the clone at `dir` an executable script.
#[cfg(unix)]
fn hook(dir: &Path, name: &str, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(".git/hooks").join(name);
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_git_killed_in_the_middle_of_a_sync_is_recovered_by_the_next() {
    let (team, layla) = Team::new(2);
    let omar = team.join("omar");
    mark(&omar, "omar", &team.docs[1], 0, 6);
    sync::sync(&omar, &coder("omar")).unwrap();
    mark(&layla, "layla", &team.docs[0], 0, 6);
    // git is killed (kill -9) while it merges, after it wrote the merge into the working tree, then while it
    // commits with the index locked.
    hook(&layla, "pre-merge-commit", "#!/bin/sh\nkill -9 $PPID\n");
    let err = sync::sync(&layla, &coder("layla")).unwrap_err();
    assert!(matches!(err, SyncError::Git { .. }), "{err:?}");
    std::fs::remove_file(layla.join(".git/hooks/pre-merge-commit")).unwrap();
    mark(&layla, "layla", &team.docs[1], 10, 16);
    hook(&layla, "pre-commit", "#!/bin/sh\nkill -9 $PPID\n");
    assert!(sync::sync(&layla, &coder("layla")).is_err());
    std::fs::remove_file(layla.join(".git/hooks/pre-commit")).unwrap();

    let report = sync::sync(&layla, &coder("layla")).unwrap();
    assert!(report.pushed >= 1, "{report:?}");
    sync::sync(&omar, &coder("omar")).unwrap();
    for dir in [&layla, &omar] {
        assert_eq!(mentions(dir, "omar", &team.docs[1]), [(0, 6)]);
        assert_eq!(mentions(dir, "layla", &team.docs[0]), [(0, 6)]);
        assert_eq!(mentions(dir, "layla", &team.docs[1]), [(10, 16)]);
        no_conflict_markers(dir);
    }
    assert!(tree(&layla) == tree(&omar));
}

/// The window, driven as a coder would: the status bar's sync button, its states, and a teammate's work
/// appearing in the open window without losing the coder's own unsaved mark.
mod window {
    use super::*;
    use eframe::egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use tarmeez::ui::TarmeezApp;

    fn window(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
        let mut h = Harness::builder()
            .with_size([1400.0, 1000.0])
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut TarmeezApp| app.show(ui), app);
        h.run();
        h
    }

    /// Runs frames until the sync button's label starts with `label` (git runs on a thread meanwhile).
    fn until_button(h: &mut Harness<'static, TarmeezApp>, label: &str) {
        for _ in 0..2000 {
            // Steps, not `run`: a spinner keeps repainting while git works.
            h.step();
            if h.query_by_label_contains(label).is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the sync button never said {label:?}");
    }

    #[test]
    fn the_sync_button_syncs_and_the_window_shows_a_teammate_s_work() {
        let (team, layla) = Team::new(2);
        let omar = team.join("omar");
        mark(&omar, "omar", &team.docs[0], 0, 6);
        sync::sync(&omar, &coder("omar")).unwrap();

        let project = Project::open(&layla, OpenOptions { annotator: coder("layla"), read_only: false }).unwrap();
        let mut h = window(TarmeezApp::new(Some(project), None));
        until_button(&mut h, "Sync: 0 to send, 0 to get");
        let doc = team.docs[0].clone();
        h.state_mut().session_mut().unwrap().show_document(Some(doc.clone()));
        h.run();
        // An unsaved mark of Layla's own: the sync saves it first and keeps it.
        let text = h.state().project().unwrap().load_document(&doc).unwrap().text.clone();
        h.state_mut().article_mut().unwrap().select(&text, Span::new(8, 16));
        h.run();
        h.key_press_modifiers(Modifiers::NONE, Key::Num1);
        h.run();
        h.key_press_modifiers(Modifiers::NONE, Key::F5);
        h.run();
        until_button(&mut h, "Synced ");
        let project = h.state().project().unwrap();
        let layers = &project.load_document(&doc).unwrap().layers;
        let spans = |who: &str| layers[&coder(who)].mentions.values().map(|m| m.span).collect::<Vec<_>>();
        assert_eq!(spans("omar"), [Span::new(0, 6)], "the teammate's mark appeared in the open window");
        assert_eq!(spans("layla"), [Span::new(8, 16)], "the coder's own mark was kept");
        assert_eq!(h.state().shown_document(), Some(&doc), "the same document is shown");
        assert!(h.state().error().is_none(), "{:?}", h.state().error());
        sync::sync(&omar, &coder("omar")).unwrap();
        assert_eq!(mentions(&omar, "layla", &doc), [(8, 16)], "and it reached the teammate");
    }

    #[test]
    fn a_project_not_shared_offers_to_share_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("p");
        let project = Project::create(&dir, "p", default_conflict_schema(), coder("huda")).unwrap();
        let mut h = window(TarmeezApp::new(Some(project), None));
        until_button(&mut h, "Not shared");
        h.get_by_label("Not shared").click();
        h.run();
        h.get_by_label("Share").click();
        until_button(&mut h, "Sync: 0 to send, 0 to get");
        assert!(h.query_by_label_contains("now a git repository").is_some());
        assert!(dir.join(".git").is_dir() && dir.join(".gitignore").is_file());
    }
}
