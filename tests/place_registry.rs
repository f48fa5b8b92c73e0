//! The place registry (issue 19, DESIGN.md section 11): one file per place, read on open and saved when
//! changed; a place file another session changed meanwhile is merged field by field, a field both changed
//! differently is refused; two clones that add and edit places sync through git without a conflict; LOCATION
//! mentions are linked to places in the window (one undo takes the link back) and all at once from the
//! command line.

mod common;

use common::git::{configure, git};
use common::{open_as, open_read_only, sample_copy};
use std::path::Path;
use std::process::Command;
use tarmeez::model::{Place, PlaceId, PlaceKind, ProjectEdit};
use tarmeez::store::{StoreError, paths};
use tarmeez::workflow::places::create_place;

fn omar_field() -> Place {
    let mut p = Place::new("Al Omar oil field", PlaceKind::Site);
    p.name_ar = "حقل العمر".into();
    p.variants = vec!["حقل العمر النفطي".into()];
    p.country = "SYR".into();
    p.admin1 = "Deir ez-Zor".into();
    (p.latitude, p.longitude) = (Some(35.05), Some(40.53));
    p
}

fn add_place(dir: &Path, coder: &str, place: Place) -> PlaceId {
    let mut p = open_as(dir, coder);
    let (edit, id) = create_place(&p, &place.name, place.kind);
    p.apply_edit(edit).unwrap();
    p.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(place))).unwrap();
    p.save_dirty().unwrap();
    id
}

#[test]
fn a_place_is_saved_in_its_own_file_and_read_back_and_a_broken_file_is_reported_not_overwritten() {
    let (_tmp, dir) = sample_copy();
    let id = add_place(&dir, "huda", omar_field());
    assert!(id.as_str().starts_with("al-omar-oil-field-"), "readable and unique: {id}");
    assert!(dir.join(paths::place(&id)).is_file());
    assert_eq!(open_read_only(&dir).places().places[&id], omar_field(), "read back as saved");

    std::fs::write(dir.join("places/gn-1.ron"), "(\n  name: \"Broken\",\n  kind: Nowhere,\n)\n").unwrap();
    let mut p = open_as(&dir, "huda");
    let problem = p.problems().find(|q| q.file == Path::new("places/gn-1.ron")).expect("reported").to_string();
    assert!(problem.starts_with("places/gn-1.ron:3:"), "with its line: {problem}");
    let mut changed = Place::new("Fixed", PlaceKind::Town);
    changed.notes = "would overwrite".into();
    let refused = p.apply_edit(ProjectEdit::PutPlace(PlaceId::new("gn-1"), Some(changed))).unwrap_err();
    assert!(refused.to_string().contains("failed to load"), "{refused}");
    assert!(std::fs::read_to_string(dir.join("places/gn-1.ron")).unwrap().contains("Nowhere"), "left as it was");

    let mut far = omar_field();
    far.latitude = Some(135.0);
    let refused = p.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(far))).unwrap_err();
    assert!(refused.to_string().contains("outside -90 to 90"), "{refused}");
    p.apply_edit(ProjectEdit::PutPlace(id.clone(), None)).unwrap();
    p.save_dirty().unwrap();
    assert!(!dir.join(paths::place(&id)).exists(), "a removed place's file is removed");
}

#[test]
fn a_place_changed_in_two_windows_is_merged_field_by_field_and_a_field_both_changed_is_refused() {
    let (_tmp, dir) = sample_copy();
    let id = add_place(&dir, "huda", omar_field());
    let mut huda = open_as(&dir, "huda");
    let mut omar = open_as(&dir, "omar");
    let mut with_variant = huda.places().places[&id].clone();
    with_variant.variants.push("حقل عمر".into());
    huda.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(with_variant))).unwrap();
    huda.save_dirty().unwrap();
    let mut with_notes = omar.places().places[&id].clone();
    with_notes.notes = "OpenStreetMap".into();
    omar.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(with_notes))).unwrap();
    omar.save_dirty().unwrap();
    let merged = omar.places().places[&id].clone();
    assert_eq!(merged.notes, "OpenStreetMap");
    assert!(merged.variants.contains(&"حقل عمر".to_owned()), "{merged:?}");
    assert_eq!(open_read_only(&dir).places().places[&id], merged, "the file holds both changes");
    assert!(huda.refresh().places, "the other window takes the merged file in");
    assert_eq!(huda.places().places[&id], merged);

    let mut moved = huda.places().places[&id].clone();
    moved.latitude = Some(35.06);
    huda.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(moved))).unwrap();
    huda.save_dirty().unwrap();
    let mut elsewhere = omar.places().places[&id].clone();
    elsewhere.latitude = Some(35.07);
    omar.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(elsewhere))).unwrap();
    let err = omar.save_dirty().unwrap_err();
    assert!(matches!(err, StoreError::ActorConflict { .. }), "{err}");
    assert!(err.to_string().contains("latitude: here \"35.07\", there \"35.06\""), "{err}");
    assert!(omar.has_unsaved_changes(), "ours stays in memory");
    drop((huda, omar));
    assert_eq!(open_read_only(&dir).places().places[&id].latitude, Some(35.06), "theirs stays on disk");
}

fn sync(dir: &Path, name: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["sync", dir.to_str().unwrap(), "--as", name])
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "sync of {name}: {said}");
}

#[test]
fn two_clones_adding_and_editing_places_sync_without_a_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let remote = tmp.path().join("shared.git");
    git(tmp.path(), &["init", "-q", "--bare", remote.to_str().unwrap()]);
    let (_sample, first) = sample_copy();
    git(&first, &["init", "-q"]);
    configure(&first, "huda");
    let shared = add_place(&first, "huda", omar_field());
    tarmeez::sync::init_team(&first, Some(remote.to_str().unwrap())).unwrap();
    let second = tmp.path().join("omar");
    git(tmp.path(), &["clone", "-q", remote.to_str().unwrap(), second.to_str().unwrap()]);
    configure(&second, "omar");

    // Both add a place of the same name, and both change the shared one: its Latin and Arabic names, on
    // neighbouring lines, which git alone cannot merge.
    let from_huda = add_place(&first, "huda", Place::new("Al Shibli", PlaceKind::Village));
    let from_omar = add_place(&second, "omar", Place::new("Al Shibli", PlaceKind::Village));
    let mut renamed = omar_field();
    renamed.name = "Al-Omar Oil Field".into();
    let mut p = open_as(&first, "huda");
    p.apply_edit(ProjectEdit::PutPlace(shared.clone(), Some(renamed))).unwrap();
    p.save_dirty().unwrap();
    drop(p);
    let mut arabic = omar_field();
    arabic.name_ar = "حقل العمر النفطي".into();
    let mut p = open_as(&second, "omar");
    p.apply_edit(ProjectEdit::PutPlace(shared.clone(), Some(arabic))).unwrap();
    p.save_dirty().unwrap();
    drop(p);

    sync(&first, "huda");
    sync(&second, "omar");
    sync(&first, "huda");
    for dir in [&first, &second] {
        let p = open_read_only(dir);
        assert!(p.places().places.contains_key(&from_huda) && p.places().places.contains_key(&from_omar));
        let merged = &p.places().places[&shared];
        assert_eq!((merged.name.as_str(), merged.name_ar.as_str()), ("Al-Omar Oil Field", "حقل العمر النفطي"));
        assert!(!dir.join("conflicts").exists(), "nothing kept both ways in {}", dir.display());
    }
    assert_eq!(
        std::fs::read(first.join(paths::place(&shared))).unwrap(),
        std::fs::read(second.join(paths::place(&shared))).unwrap()
    );
}

#[test]
fn the_command_line_links_the_samples_location_mentions_and_validate_reports_a_missing_place() {
    let (_tmp, dir) = sample_copy();
    let tarmeez = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let d = dir.to_str().unwrap();
    let (ok, said) = tarmeez(&["places", "add", d, "Al Shibli", "--kind", "village", "--lat", "35.1", "--lon", "40.3"]);
    assert!(ok, "{said}");
    let id = PlaceId::new(said.trim());
    assert_eq!(open_read_only(&dir).places().places[&id].coordinates(), Some((35.1, 40.3)));
    let (ok, said) = tarmeez(&["places", "list", d]);
    assert!(ok && said.contains("Al Shibli"), "{said}");

    let (ok, said) = tarmeez(&["places", "link", d, "--annotator", "coder2"]);
    assert!(ok, "{said}");
    assert!(said.contains("0 mention(s) linked, 0 left unlinked"), "a coder without a layer links nothing: {said}");
    let (ok, said) = tarmeez(&["places", "link", d, "--annotator", "sample"]);
    assert!(ok, "{said}");
    let p = open_read_only(&dir);
    p.load_all();
    let sample = tarmeez::model::Annotator::parse("sample").unwrap();
    let layer = p.documents()[0].loaded().unwrap().layers[&sample].clone();
    let linked: Vec<&PlaceId> = layer.mentions.values().filter_map(|m| m.place.as_ref()).collect();
    assert!(!linked.is_empty(), "{said}");
    assert!(linked.iter().all(|id| p.places().places.contains_key(*id)), "every linked place is in the project");
    assert!(said.contains(" linked, "), "{said}");

    // A place removed while a mention links to it: validate names the layer file and line.
    let gone = linked[0].clone();
    drop(p);
    std::fs::remove_file(dir.join(paths::place(&gone))).unwrap();
    let (ok, said) = tarmeez(&["validate", d]);
    assert!(!ok, "{said}");
    assert!(said.contains(&format!("place `{gone}` is not in the place registry")), "{said}");
    assert!(said.contains("annotations/al-omar-oilfield-2021-06-29/sample.ron:"), "{said}");
}
