//! Issue 17, point 2: a corpus whose types the schema lacks comes in by mapping some labels onto the schema's
//! types and adding the rest (`import-annotations --map ... --add-types`), its brat `annotation.conf` read for
//! the roles and relation ends. The corpus is `tests/fixtures/formats/brat/unknown-types/`: Arabic after an
//! emoji, typed `Organization`, `GPE`, `Casualty`, an event `Shelling` (roles `Shooter`, `Place`) and a
//! relation `Based-In`.

mod common;
use common::cli::{fixture, run, s};
use common::open_read_only;
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, DocId, RelationEnds};

/// A fresh project with the default schema and the document `raqqa`.
fn project() -> (tempfile::TempDir, PathBuf) {
    common::cli::project_with("mapping", &[&fixture("raqqa.txt")])
}

fn import(dir: &Path, extra: &[&str]) -> (bool, String) {
    let folder = fixture("brat/unknown-types");
    let mut args = vec!["import-annotations", s(dir), s(&folder), "--format", "brat", "--annotator", "huda"];
    args.extend(extra);
    run(&args)
}

#[test]
fn unknown_types_are_named_with_the_two_ways_to_give_them_one_and_nothing_changes() {
    let (_tmp, dir) = project();
    let before = std::fs::read(dir.join("project.ron")).unwrap();
    let (ok, out) = import(&dir, &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("labels the schema has no type for: Organization, GPE, Casualty, Shelling, Based-In"),
        "{out}"
    );
    assert!(out.contains("--add-types"), "{out}");
    assert!(out.contains("nothing was imported"), "{out}");
    assert_eq!(std::fs::read(dir.join("project.ron")).unwrap(), before, "the schema is untouched");
}

#[test]
fn two_labels_mapped_and_the_rest_added_from_annotation_conf_import_everything() {
    let (_tmp, dir) = project();
    let (ok, out) = import(&dir, &["--map", "Organization=ACTOR", "--map", "gpe=location", "--add-types"]);
    assert!(ok, "{out}");
    for added in ["entity type CASUALTY (Casualty)", "event type SHELLING (Shelling)", "relation type BASED_IN"] {
        assert!(out.contains(&format!("adding {added}")), "{added} in {out}");
    }
    let p = open_read_only(&dir);
    let schema = &p.config().schema;
    assert!(schema.entity_type(&"ORGANIZATION".into()).is_none(), "a mapped label is not added");
    let shelling = schema.event_type(&"SHELLING".into()).expect("Shelling added");
    let roles: Vec<(&str, Vec<&str>)> =
        shelling.roles.iter().map(|r| (r.id.as_str(), r.allowed.iter().map(|t| t.as_str()).collect())).collect();
    // The roles and their types come from annotation.conf, read through the mapping.
    assert_eq!(roles, [("Shooter", vec!["ACTOR"]), ("Place", vec!["LOCATION"])]);
    let based_in = schema.relation_type(&"BASED_IN".into()).unwrap();
    assert_eq!(based_in.between, RelationEnds::Mentions { from: vec!["ACTOR".into()], to: vec!["LOCATION".into()] });
    let loaded = p.load_document(&DocId::parse("raqqa").unwrap()).unwrap();
    let layer = &loaded.layers[&Annotator::parse("huda").unwrap()];
    let mut mentions: Vec<(usize, usize, String)> =
        layer.mentions.values().map(|m| (m.span.start, m.span.end, m.entity_type.to_string())).collect();
    mentions.sort();
    assert_eq!(
        mentions,
        [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into()), (67, 72, "CASUALTY".into())],
        "code point offsets after the emoji"
    );
    let event = layer.events.values().next().unwrap();
    assert_eq!(event.event_type.as_str(), "SHELLING");
    assert_eq!(event.arguments.len(), 2);
    let relation = layer.mention_relations.values().next().expect("Based-In between mentions");
    assert_eq!(relation.relation_type.as_str(), "BASED_IN");
    // Imported again, nothing is missing any more: the types are the schema's now.
    let (ok, out) = import(&dir, &["--map", "Organization=ACTOR", "--map", "GPE=LOCATION", "--replace"]);
    assert!(ok, "{out}");
    assert!(!out.contains("no type for"), "{out}");
}

/// The kittest of the issue: File > Import annotations on a brat file whose types the schema lacks; two
/// mapped in the window, the rest added; one import, one Ctrl+Z.
#[test]
fn the_import_window_maps_two_labels_adds_the_rest_and_one_undo_takes_it_all_back() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let (_tmp, dir) = project();
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(common::open_as(&dir, "huda")), None));
    h.state_mut().open_annotations_file(fixture("brat/unknown-types/raqqa.ann"));
    h.run();
    h.get_by_label("5 labels of the file have no type in the schema");
    // Before any choice every label would be added; nothing is imported until the coder says so.
    h.get_by_label_contains("Adds to the schema: entity type ORGANIZATION (Organization), entity type GPE (GPE)");
    h.get_by_label("Type for label Organization").click();
    h.run();
    h.get_by_label("Actor").click();
    h.run();
    h.get_by_label("Type for label GPE").click();
    h.run();
    h.get_by_label("Location").click();
    h.run();
    let adds = h.get_by_label_contains("Adds to the schema:").accesskit_node().value().unwrap_or_default();
    assert!(!adds.contains("ORGANIZATION") && !adds.contains("GPE"), "{adds}");
    for added in ["entity type CASUALTY (Casualty)", "event type SHELLING (Shelling)", "relation type BASED_IN"] {
        assert!(adds.contains(added), "{added} in {adds}");
    }
    h.get_by_label_contains("raqqa.ann: 3 mentions, 1 event, 1 relation");
    h.run();
    h.get_by_label("Import into my layer").click();
    h.run();

    let app = h.state();
    let project = app.project().unwrap();
    let schema = &project.config().schema;
    assert!(schema.event_type(&"SHELLING".into()).is_some());
    assert!(schema.entity_type(&"GPE".into()).is_none(), "GPE was mapped onto LOCATION");
    let doc = DocId::parse("raqqa").unwrap();
    let layer = project.document(&doc).unwrap().loaded().unwrap().layers[&Annotator::parse("huda").unwrap()].clone();
    let mut types: Vec<String> = layer.mentions.values().map(|m| m.entity_type.to_string()).collect();
    types.sort();
    assert_eq!(types, ["ACTOR", "CASUALTY", "LOCATION"]);
    assert_eq!(layer.mention_relations.len(), 1);

    common::press(&mut h, eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    let project = h.state().project().unwrap();
    assert!(project.config().schema.event_type(&"SHELLING".into()).is_none(), "one Ctrl+Z takes the types back");
    let loaded = project.document(&doc).unwrap().loaded().unwrap();
    assert!(loaded.layers.get(&Annotator::parse("huda").unwrap()).is_none_or(|l| l.is_empty()), "and the layer");
}

#[test]
fn a_doccano_file_with_unknown_labels_and_relations_comes_in_with_add_types() {
    let (tmp, dir) = project();
    let text = std::fs::read_to_string(fixture("raqqa.txt")).unwrap();
    let line = serde_json::json!({
        "text": text,
        "entities": [
            {"id": 1, "start_offset": 6, "end_offset": 16, "label": "Organization"},
            {"id": 2, "start_offset": 17, "end_offset": 28, "label": "City"},
            {"id": 3, "start_offset": 2, "end_offset": 5, "label": "ATTACK"}
        ],
        "relations": [
            {"id": 1, "from_id": 1, "to_id": 2, "type": "Based-In"},
            {"id": 2, "from_id": 3, "to_id": 1, "type": "Attacker"}
        ]
    });
    let file = tmp.path().join("doccano.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let args = ["import-annotations", s(&dir), s(&file), "--format", "doccano", "--annotator", "huda"];
    let (ok, out) = run(&args);
    assert!(!ok, "{out}");
    // The role Attacker of ATTACK is the schema's: only the three labels it lacks are named.
    assert!(out.contains("labels the schema has no type for: Organization, City, Based-In;"), "{out}");
    let (ok, out) = run(&[&args[..], &["--map", "organization=actor", "--add-types"]].concat());
    assert!(ok, "{out}");
    assert!(out.contains("adding entity type CITY (City)") && out.contains("adding relation type BASED_IN"), "{out}");
    let p = open_read_only(&dir);
    let loaded = p.load_document(&DocId::parse("raqqa").unwrap()).unwrap();
    let layer = &loaded.layers[&Annotator::parse("huda").unwrap()];
    assert_eq!(layer.mentions.len(), 2);
    assert_eq!(layer.events.values().next().unwrap().arguments.len(), 1);
    let relation = layer.mention_relations.values().next().unwrap();
    assert_eq!(relation.relation_type.as_str(), "BASED_IN");
}

#[test]
fn a_conll_corpus_maps_one_tag_and_adds_the_others() {
    let (_tmp, dir) = project();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conll/anercorp.txt");
    let args = ["import-annotations", s(&dir), s(&file), "--format", "conll", "--annotator", "huda"];
    let (ok, out) = run(&[&args[..], &["--map", "LOC=LOCATION", "--add-types"]].concat());
    assert!(ok, "{out}");
    assert!(out.contains("adding entity type PERS (PERS)") && out.contains("adding entity type ORG (ORG)"), "{out}");
    assert!(!out.contains("entity type LOC "), "{out}");
    let schema = open_read_only(&dir).config().schema.clone();
    assert!(schema.entity_type(&"PERS".into()).is_some());
}
