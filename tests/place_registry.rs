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
    // The sample's links taken out, linking again finds the same places, all but the coalition base's
    // (whose words name no place; the sample links it by hand to the oil field it stands in).
    let sample = tarmeez::model::Annotator::parse("sample").unwrap();
    let links = |dir: &Path| {
        let p = open_read_only(dir);
        p.load_all();
        let layer = p.documents()[0].loaded().unwrap().layers[&sample].clone();
        layer.mentions.into_iter().filter_map(|(id, m)| Some((id, m.place?))).collect::<Vec<_>>()
    };
    let committed = links(&dir);
    assert_eq!(committed.len(), 9, "every LOCATION mention of the sample is linked");
    let file = dir.join("annotations/al-omar-oilfield-2021-06-29/sample.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let unlinked: String = text.lines().filter(|l| !l.contains("place: Some")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&file, unlinked).unwrap();
    let (ok, said) = tarmeez(&["places", "link", d, "--annotator", "sample"]);
    assert!(ok, "{said}");
    assert!(said.contains("8 mention(s) linked, 1 left unlinked"), "{said}");
    assert!(said.contains("m3\tقاعدة التحالف الدولي\tnot linked"), "{said}");
    let relinked = links(&dir);
    assert_eq!(relinked, committed.into_iter().filter(|(id, _)| id.0 != 3).collect::<Vec<_>>());
    let linked: Vec<PlaceId> = relinked.into_iter().map(|(_, p)| p).collect();

    // A place removed while a mention links to it: validate names the layer file and line.
    let gone = linked[0].clone();
    std::fs::remove_file(dir.join(paths::place(&gone))).unwrap();
    let (ok, said) = tarmeez(&["validate", d]);
    assert!(!ok, "{said}");
    assert!(said.contains(&format!("place `{gone}` is not in the place registry")), "{said}");
    assert!(said.contains("annotations/al-omar-oilfield-2021-06-29/sample.ron:"), "{said}");
}

fn layer_of(h: &egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>) -> tarmeez::model::Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&tarmeez::model::Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

#[test]
fn a_location_mention_is_linked_from_the_inspector_and_one_undo_unlinks_it() {
    use eframe::egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let town = common::article::span_of(&h, "بالقرب من", "مدينة البوكمال");
    common::article::select(&mut h, town);
    common::press(&mut h, Modifiers::NONE, Key::Num2);
    h.get_by_label("Mention m1");
    // The mention's words name Albu Kamal, which only the gazetteer has: offered first, marked as such.
    let albu_kamal = PlaceId::new("gn-174448");
    assert!(!h.state().project().unwrap().places().places.contains_key(&albu_kamal));
    h.get_by_label_contains("(gazetteer)");
    h.get_by_label_contains("Ālbū Kamāl").click();
    h.run();
    let linked = layer_of(&h).mentions.values().next().unwrap().place.clone();
    assert_eq!(linked, Some(albu_kamal.clone()));
    let copied = h.state().project().unwrap().places().places.get(&albu_kamal).cloned().expect("copied in");
    assert_eq!(copied.coordinates(), Some((34.45226, 40.91854)));
    h.get_by_label_contains("Latitude 34.45226, longitude 40.91854");

    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer_of(&h).mentions.values().next().unwrap().place, None, "one undo unlinks");
    assert!(!h.state().project().unwrap().places().places.contains_key(&albu_kamal), "and takes the copy back");

    // Link places in this document: the same link, as one edit.
    h.get_by_label("Link places in this document").click();
    h.run();
    assert_eq!(layer_of(&h).mentions.values().next().unwrap().place, Some(albu_kamal.clone()));
    h.get_by_label_contains("Places linked: 1; LOCATION mentions left unlinked: 0.");
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer_of(&h).mentions.values().next().unwrap().place, None);
}
