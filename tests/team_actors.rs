//! Two coders on one project (DESIGN.md section 11): the actor registry and the schema are conflict-free by
//! construction. New actors get ids two laptops cannot both mint and a file each; an actor changed in two
//! places is merged field by field; an old `actors.ron` is moved into one file per actor on open, even when a
//! previous move was cut short; a schema changed in two places keeps both versions.

mod common;

use common::{open_as, open_read_only, sample_copy};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tarmeez::model::{ActorId, ActorKind, ActorRegistry, ProjectEdit};
use tarmeez::store::{ProjectConfig, StoreError, paths, to_ron};
use tarmeez::workflow::actor_edits::create_actor;

fn names(project: &tarmeez::store::Project, name: &str) -> Vec<ActorId> {
    project.actors().actors.iter().filter(|(_, a)| a.name == name).map(|(id, _)| id.clone()).collect()
}

/// Everything `validate` reports: every document's problems and the folder's.
fn validate(dir: &Path) -> Vec<String> {
    let project = open_read_only(dir);
    project.load_all();
    let mut out: Vec<String> = project.problems().map(ToString::to_string).collect();
    let folder = tarmeez::store::integrity::problems(dir, None, std::time::Duration::from_secs(5)).unwrap();
    out.extend(folder.iter().map(ToString::to_string));
    out
}

#[test]
fn two_coders_adding_the_same_actor_keep_both() {
    let (_tmp, dir) = sample_copy();
    let mut huda = open_as(&dir, "huda");
    let mut omar = open_as(&dir, "omar");
    let (edit, from_huda) = create_actor(&huda, "حزب الله", ActorKind::Militia, Some("حزب الله"));
    huda.apply_edit(edit).unwrap();
    let (edit, from_omar) = create_actor(&omar, "حزب الله", ActorKind::PoliticalParty, None);
    omar.apply_edit(edit).unwrap();
    assert_ne!(from_huda, from_omar, "two sessions never mint the same id");
    assert!(from_huda.as_str().starts_with("hzb-llh-"), "readable: {from_huda}");
    huda.save_dirty().unwrap();
    omar.save_dirty().unwrap();
    drop((huda, omar));
    let reopened = open_read_only(&dir);
    let mut both = names(&reopened, "حزب الله");
    both.sort();
    let mut expected = vec![from_huda.clone(), from_omar.clone()];
    expected.sort();
    assert_eq!(both, expected);
    for id in [&from_huda, &from_omar] {
        assert!(dir.join(paths::actor(id)).is_file(), "a file per actor: {id}");
    }
    assert!(!dir.join("actors.ron").exists());
}

#[test]
fn an_actor_changed_in_two_windows_is_merged_field_by_field() {
    let (_tmp, dir) = sample_copy();
    let irgc = ActorId::new("irgc");
    let mut huda = open_as(&dir, "huda");
    let mut omar = open_as(&dir, "omar");
    let mut with_alias = huda.actors().actors[&irgc].clone();
    with_alias.aliases.push("سپاه پاسداران".into());
    huda.apply_edit(ProjectEdit::PutActor(irgc.clone(), Some(with_alias))).unwrap();
    huda.save_dirty().unwrap();
    let mut with_kind = omar.actors().actors[&irgc].clone();
    with_kind.kind = ActorKind::StateForces;
    omar.apply_edit(ProjectEdit::PutActor(irgc.clone(), Some(with_kind))).unwrap();
    omar.save_dirty().unwrap();
    let merged = omar.actors().actors[&irgc].clone();
    assert_eq!(merged.kind, ActorKind::StateForces);
    assert!(merged.aliases.contains(&"سپاه پاسداران".to_owned()), "{merged:?}");
    drop((huda, omar));
    assert_eq!(open_read_only(&dir).actors().actors[&irgc], merged, "the file holds both changes");
}

#[test]
fn an_actor_renamed_differently_in_two_windows_keeps_both_versions() {
    let (_tmp, dir) = sample_copy();
    let irgc = ActorId::new("irgc");
    let mut huda = open_as(&dir, "huda");
    let mut omar = open_as(&dir, "omar");
    let mut renamed = huda.actors().actors[&irgc].clone();
    renamed.name = "Pasdaran".into();
    huda.apply_edit(ProjectEdit::PutActor(irgc.clone(), Some(renamed))).unwrap();
    huda.save_dirty().unwrap();
    let mut other = omar.actors().actors[&irgc].clone();
    other.name = "Revolutionary Guards".into();
    omar.apply_edit(ProjectEdit::PutActor(irgc.clone(), Some(other))).unwrap();
    let err = omar.save_dirty().unwrap_err();
    assert!(matches!(err, StoreError::ActorConflict { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains("actors/irgc.ron"), "{message}");
    assert!(message.contains("name: here \"Revolutionary Guards\", there \"Pasdaran\""), "{message}");
    assert_eq!(omar.actors().actors[&irgc].name, "Revolutionary Guards", "ours stays in memory");
    assert!(omar.has_unsaved_changes());
    drop(omar);
    assert_eq!(open_read_only(&dir).actors().actors[&irgc].name, "Pasdaran", "theirs stays on disk");
}

#[test]
fn removing_an_actor_removes_its_file() {
    let (_tmp, dir) = sample_copy();
    let mut huda = open_as(&dir, "huda");
    let (edit, id) = create_actor(&huda, "Short-lived", ActorKind::Other, None);
    huda.apply_edit(edit).unwrap();
    huda.save_dirty().unwrap();
    assert!(dir.join(paths::actor(&id)).is_file());
    huda.apply_edit(ProjectEdit::PutActor(id.clone(), None)).unwrap();
    huda.save_dirty().unwrap();
    assert!(!dir.join(paths::actor(&id)).exists());
}

/// The sample as an old project: its actors in one `actors.ron`, no `actors/`.
fn old_layout(dir: &Path) -> ActorRegistry {
    let registry = open_read_only(dir).actors().clone();
    assert!(registry.actors.len() > 5);
    std::fs::remove_dir_all(dir.join("actors")).unwrap();
    std::fs::write(dir.join("actors.ron"), to_ron(&registry).unwrap()).unwrap();
    registry
}

fn actor_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::files(&dir.join("actors"))
}

#[test]
fn an_old_projects_actors_ron_is_moved_into_one_file_per_actor() {
    let (_tmp, dir) = sample_copy();
    let expected_files = actor_files(&dir);
    let registry = old_layout(&dir);
    // Read-only (validate) reads the old file and writes nothing.
    assert_eq!(open_read_only(&dir).actors(), &registry);
    assert!(validate(&dir).is_empty(), "{:?}", validate(&dir));
    assert!(dir.join("actors.ron").exists() && !dir.join("actors").exists());
    let project = open_as(&dir, "huda");
    assert_eq!(project.actors(), &registry);
    drop(project);
    assert!(!dir.join("actors.ron").exists());
    assert_eq!(actor_files(&dir), expected_files, "the files the committed sample has");
    assert!(validate(&dir).is_empty(), "{:?}", validate(&dir));
}

#[test]
fn a_move_cut_short_at_any_point_is_finished_by_the_next_open() {
    let (_tmp, dir) = sample_copy();
    let expected_files = actor_files(&dir);
    let registry = old_layout(&dir);
    let text = std::fs::read(dir.join("actors.ron")).unwrap();
    for written in 0..=registry.actors.len() {
        // A run killed after `written` actor files were renamed into place, with the next one's temp file left.
        let _ = std::fs::remove_dir_all(dir.join("actors"));
        std::fs::write(dir.join("actors.ron"), &text).unwrap();
        for (i, (rel, bytes)) in expected_files.iter().enumerate() {
            let path = dir.join("actors").join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            if i < written {
                std::fs::write(&path, bytes).unwrap();
            } else if i == written {
                let name = format!(".tarmeez-{}-Ab12Cd.tmp", rel.display());
                std::fs::write(path.with_file_name(name), &bytes[..bytes.len() / 2]).unwrap();
            }
        }
        let project = open_as(&dir, "huda");
        assert_eq!(project.actors(), &registry, "after {written} files");
        drop(project);
        assert!(!dir.join("actors.ron").exists(), "after {written} files");
        let files: BTreeMap<_, _> = actor_files(&dir).into_iter().filter(|(p, _)| !is_temp(p)).collect();
        assert_eq!(files, expected_files, "after {written} files");
        let problems = validate(&dir);
        assert!(problems.iter().all(|p| p.contains("temp file")), "only the temp file is left: {problems:?}");
    }
}

fn is_temp(rel: &Path) -> bool {
    rel.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(".tarmeez-"))
}

#[test]
fn a_schema_changed_in_two_windows_keeps_both_versions() {
    let (_tmp, dir) = sample_copy();
    let mut huda = open_as(&dir, "huda");
    let mut omar = open_as(&dir, "omar");
    let rename = |project: &tarmeez::store::Project, name: &str| {
        let mut schema = project.config().schema.clone();
        schema.entity_types.iter_mut().find(|t| t.id.as_str() == "ACTOR").unwrap().name = name.into();
        ProjectEdit::SetSchema(Box::new(schema))
    };
    huda.apply_edit(rename(&huda, "Armed actor")).unwrap();
    huda.save_dirty().unwrap();
    omar.apply_edit(rename(&omar, "Party")).unwrap();
    let err = omar.save_dirty().unwrap_err();
    let StoreError::SchemaConflict { ours } = &err else { panic!("{err}") };
    let message = err.to_string();
    assert!(message.contains("project.ron") && message.contains(&ours.display().to_string()), "{message}");
    assert!(ours.to_string_lossy().starts_with("project.conflict-omar-"), "{}", ours.display());
    let kept: ProjectConfig = ron::from_str(&std::fs::read_to_string(dir.join(ours)).unwrap()).unwrap();
    assert_eq!(kept.schema.entity_type(&"ACTOR".into()).unwrap().name, "Party", "ours beside it");
    // The autosave tries again: the same version is not saved a second time.
    let again = omar.save_dirty().unwrap_err();
    assert!(matches!(&again, StoreError::SchemaConflict { ours: same } if same == ours), "{again}");
    let conflicts = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("project.conflict-"));
    assert_eq!(conflicts.count(), 1);
    drop((huda, omar));
    let on_disk = open_read_only(&dir);
    assert_eq!(on_disk.config().schema.entity_type(&"ACTOR".into()).unwrap().name, "Armed actor", "theirs kept");
}

/// `kill -9` of a command while it moves an old `actors.ron` of 500 actors into `actors/`, at moments spread
/// over the move: whatever the moment, the next open finishes the move and every actor is there.
#[test]
fn a_move_killed_at_any_moment_is_finished_by_the_next_open() {
    use std::time::{Duration, Instant};
    let (_tmp, base) = sample_copy();
    let mut registry = open_read_only(&base).actors().clone();
    let model = registry.actors[&ActorId::new("irgc")].clone();
    for i in 0..500 {
        let mut actor = model.clone();
        actor.name = format!("Actor {i}");
        registry.actors.insert(ActorId::new(format!("generated-{i:04}")), actor);
    }
    std::fs::remove_dir_all(base.join("actors")).unwrap();
    std::fs::write(base.join("actors.ron"), to_ron(&registry).unwrap()).unwrap();
    const ROUNDS: u32 = 12;
    let mut cut_short = 0;
    // Round 0 is not killed: it measures how long the move takes, over which the later kills are spread.
    let mut span = Duration::ZERO;
    for round in 0..ROUNDS {
        // In memory where there is such a folder: a kill leaves the same files on any file system (what the
        // killed process wrote is in the kernel's cache either way), and a busy disk makes each round slow.
        let shm = Path::new("/dev/shm");
        let work = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }.unwrap();
        let dir = work.path().join("p");
        for (rel, bytes) in common::files(&base) {
            std::fs::create_dir_all(dir.join(&rel).parent().unwrap()).unwrap();
            std::fs::write(dir.join(rel), bytes).unwrap();
        }
        // Any command that opens the project for writing moves the registry; this one then fails harmlessly.
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tarmeez"))
            .args(["import-text", dir.to_str().unwrap(), dir.join("missing.txt").to_str().unwrap()])
            .env("TARMEEZ_ANNOTATOR", "mover")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while !dir.join("actors").exists() && child.try_wait().unwrap().is_none() && start.elapsed().as_secs() < 20 {
            std::thread::sleep(Duration::from_micros(100));
        }
        let began = Instant::now();
        if round == 0 {
            child.wait().unwrap();
            span = began.elapsed();
            assert!(!dir.join("actors.ron").exists(), "the move works without a kill");
        } else {
            std::thread::sleep(span * round / ROUNDS);
            let _ = child.kill();
            child.wait().unwrap();
        }
        if dir.join("actors.ron").exists() {
            cut_short += 1;
        }
        let project = open_as(&dir, "huda");
        assert_eq!(project.actors(), &registry, "round {round}");
        drop(project);
        assert!(!dir.join("actors.ron").exists(), "round {round}");
        let problems = validate(&dir);
        assert!(problems.iter().all(|p| p.contains("temp file")), "round {round}: {problems:?}");
    }
    eprintln!("{cut_short} of {} kills cut the move short (it takes {span:?})", ROUNDS - 1);
}

/// The window, as a coder drives it, while a teammate's session changes the same actor and adds the same new
/// actor: the actor is merged field by field and both new actors are kept.
#[test]
fn the_window_merges_a_teammates_change_to_the_same_actor_and_keeps_both_new_actors() {
    use eframe::egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let (_tmp, dir) = sample_copy();
    let irgc = ActorId::new("irgc");
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    // The teammate's session reads the registry before the window changes anything.
    let mut omar = open_as(&dir, "omar");
    // In the window: the IRGC's notes, and a new actor of the same name.
    common::press(&mut h, Modifiers::COMMAND, Key::K);
    h.get_by_label("Search actors").focus();
    h.run();
    h.get_by_label("Search actors").type_text("Islamic Revolutionary Guard Corps");
    h.run();
    h.get_by_label_contains("Islamic Revolutionary Guard Corps").click();
    h.run();
    h.get_by_label("Actor notes").focus();
    h.run();
    h.get_by_label("Actor notes").type_text("Iran");
    h.run();
    h.get_by_label("Save changes").click();
    h.run();
    h.get_by_label("Search actors").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Search actors").type_text("حزب الله");
    h.run();
    h.get_by_label("New actor").click();
    h.run();
    // Now the teammate adds an alias to the IRGC and adds Hezbollah, and saves. Whichever saves the IRGC second
    // (the window, usually; the teammate when the window's autosave came first) merges it.
    let mut theirs = omar.actors().actors[&irgc].clone();
    theirs.aliases.push("سپاه".into());
    omar.apply_edit(ProjectEdit::PutActor(irgc.clone(), Some(theirs))).unwrap();
    let (edit, _) = create_actor(&omar, "حزب الله", ActorKind::Militia, None);
    omar.apply_edit(edit).unwrap();
    omar.save_dirty().unwrap();
    drop(omar);
    common::press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().project().unwrap().has_unsaved_changes(), "saved");
    drop(h);
    let on_disk = open_read_only(&dir);
    assert_eq!(on_disk.actors().actors[&irgc].aliases.last().map(String::as_str), Some("سپاه"));
    assert!(on_disk.actors().actors[&irgc].notes.contains("Iran"));
    assert_eq!(names(&on_disk, "حزب الله").len(), 2, "the teammate's and the window's");
}

/// A teammate's new and changed actors are taken in by a refresh (the window's watcher calls it); an actor
/// with unsaved changes here is left for its save to merge.
#[test]
fn a_refresh_takes_in_a_teammates_actor_files() {
    let (_tmp, dir) = sample_copy();
    let (irgc, pmf) = (ActorId::new("irgc"), ActorId::new("pmf"));
    let mut window = open_as(&dir, "huda");
    let mut mine = window.actors().actors[&pmf].clone();
    mine.notes = "mine".into();
    window.apply_edit(ProjectEdit::PutActor(pmf.clone(), Some(mine.clone()))).unwrap();
    let mut omar = open_as(&dir, "omar");
    let (edit, added) = create_actor(&omar, "حزب الله", ActorKind::Militia, None);
    omar.apply_edit(edit).unwrap();
    for id in [&irgc, &pmf] {
        let mut theirs = omar.actors().actors[id].clone();
        theirs.aliases.push("من عمر".into());
        omar.apply_edit(ProjectEdit::PutActor(id.clone(), Some(theirs))).unwrap();
    }
    omar.save_dirty().unwrap();
    let refreshed = window.refresh();
    assert!(refreshed.actors, "{refreshed:?}");
    assert!(window.actors().actors.contains_key(&added));
    assert!(window.actors().actors[&irgc].aliases.contains(&"من عمر".to_owned()));
    assert_eq!(window.actors().actors[&pmf], mine, "unsaved here: left for the save to merge");
    window.save_dirty().unwrap();
    let merged = &window.actors().actors[&pmf];
    assert_eq!(merged.notes, "mine");
    assert!(merged.aliases.contains(&"من عمر".to_owned()), "{merged:?}");
    assert!(!window.refresh().actors, "its own save is not taken for a change");
}
