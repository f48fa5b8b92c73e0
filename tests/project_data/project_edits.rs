//! Project-wide edits (actor registry, schema) go through the same apply/undo path as layer edits, are
//! checked before they are made, and are saved by the autosave.

use crate::common;

use common::{SAMPLE_DOC, open_as, open_read_only, sample_copy};
use tarmeez::model::{ActorId, ActorKind, DocId, ProjectEdit, Rgb};
use tarmeez::workflow::actor_edits::{add_alias, create_actor, merge_actors};

fn actor_links(project: &tarmeez::store::Project, annotator: &str, actor: &str) -> usize {
    let doc = project.document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap().loaded().unwrap();
    let layer = &doc.layers[&tarmeez::model::Annotator::parse(annotator).unwrap()];
    layer.mentions.values().filter(|m| m.actor.as_ref().is_some_and(|a| a.as_str() == actor)).count()
}

#[test]
fn merging_two_actors_relinks_mentions_and_undo_restores_everything() {
    let (_tmp, dir) = sample_copy();
    // The sample's own coder merges, so their mentions are relinked.
    let mut project = open_as(&dir, "sample");
    project.load_all();
    let registry_before = project.actors().clone();
    let kept = ActorId::new("iran-backed-militias");
    let absorbed = ActorId::new("abu-fadl-abbas");
    assert!(actor_links(&project, "sample", "abu-fadl-abbas") > 0);
    let merge = merge_actors(&project, &kept, &absorbed).unwrap();
    project.apply_edit(merge).unwrap();
    assert_eq!(actor_links(&project, "sample", "abu-fadl-abbas"), 0);
    assert!(!project.actors().actors.contains_key(&absorbed));
    assert!(project.actors().actors[&kept].aliases.iter().any(|a| a == "لواء أبو الفضل العباس"));
    // Fatemiyoun was affiliated to the IRGC, not to the absorbed actor: untouched.
    assert_eq!(
        project.actors().actors[&ActorId::new("fatemiyoun")],
        registry_before.actors[&ActorId::new("fatemiyoun")]
    );
    project.save_dirty().unwrap();
    drop(project);

    let reopened = open_read_only(&dir);
    reopened.load_all();
    assert!(reopened.problems().next().is_none(), "{:?}", reopened.problems().collect::<Vec<_>>());
    drop(reopened);

    let mut project = open_as(&dir, "sample");
    project.load_all();
    // The history is per session: undo in a new session has nothing to undo.
    assert_eq!(project.undo().unwrap(), None);
    let again = merge_actors(&project, &kept, &ActorId::new("fatemiyoun")).unwrap();
    let before = project.actors().clone();
    project.apply_edit(again).unwrap();
    project.undo().unwrap();
    assert_eq!(project.actors(), &before);
}

#[test]
fn merging_is_refused_while_another_coders_layer_links_the_actor() {
    let (_tmp, dir) = sample_copy();
    let project = open_as(&dir, "huda");
    let before = project.actors().clone();
    let err = merge_actors(&project, &ActorId::new("iran-backed-militias"), &ActorId::new("abu-fadl-abbas"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("sample's annotations"), "{err}");
    assert_eq!(project.actors(), &before);
}

#[test]
fn actors_are_created_and_given_aliases_with_undo() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let (edit, id) = create_actor(&project, "Saraya Awliya al-Dam", ActorKind::Militia, Some("سرايا أولياء الدم"));
    assert!(id.as_str().starts_with("saraya-awliya-al-dam-"), "readable: {id}");
    assert!(!id.as_str().ends_with("-dam"), "the sample already has `saraya-awliya-al-dam`");
    project.apply_edit(edit).unwrap();
    let alias = add_alias(&project, &id, "أولياء الدم").unwrap().unwrap();
    project.apply_edit(alias).unwrap();
    assert!(add_alias(&project, &id, "أولياء الدم").unwrap().is_none(), "an alias is added once");
    assert_eq!(project.actors().actors[&id].aliases, ["سرايا أولياء الدم", "أولياء الدم"]);
    project.save_dirty().unwrap();
    let saved = std::fs::read_to_string(dir.join(format!("actors/{id}.ron"))).unwrap();
    assert!(
        saved.starts_with("(\n  name: \"Saraya Awliya al-Dam\",\n  aliases: [\n    \"سرايا أولياء الدم\","),
        "{saved}"
    );
    project.undo().unwrap();
    project.undo().unwrap();
    assert!(!project.actors().actors.contains_key(&id));
}

#[test]
fn an_actor_edit_that_breaks_the_registry_changes_nothing() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let id = ActorId::new("coalition");
    let mut cyclic = project.actors().actors[&id].clone();
    cyclic.affiliation = Some(id.clone());
    let before = project.actors().clone();
    let err = project.apply_edit(ProjectEdit::PutActor(id, Some(cyclic))).unwrap_err().to_string();
    assert!(err.contains("affiliated to itself"), "{err}");
    assert_eq!(project.actors(), &before);
    assert!(!project.has_unsaved_changes());
}

#[test]
fn renaming_and_recolouring_a_type_keeps_annotations_valid_and_a_key_clash_is_refused() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let mut schema = project.config().schema.clone();
    let actor = schema.entity_types.iter_mut().find(|t| t.id.as_str() == "ACTOR").unwrap();
    actor.name = "Armed actor".into();
    actor.color = Rgb([1, 2, 3]);
    project.apply_edit(ProjectEdit::SetSchema(Box::new(schema.clone()))).unwrap();
    project.save_dirty().unwrap();
    drop(project);
    let reopened = open_read_only(&dir);
    reopened.load_all();
    assert!(reopened.problems().next().is_none(), "{:?}", reopened.problems().collect::<Vec<_>>());
    assert_eq!(reopened.config().schema.entity_type(&"ACTOR".into()).unwrap().name, "Armed actor");
    drop(reopened);

    let mut project = open_as(&dir, "huda");
    let mut clash = project.config().schema.clone();
    clash.entity_types[1].key = clash.entity_types[0].key;
    let err = project.apply_edit(ProjectEdit::SetSchema(Box::new(clash))).unwrap_err().to_string();
    assert!(err.contains("key `1`"), "{err}");
    assert_eq!(project.config().schema, schema);
}

#[test]
fn suggestion_sets_and_reviews_are_edits_and_undoing_an_import_removes_its_file() {
    use tarmeez::model::{Decision, Edit, ReviewStatus, SourceName, SuggestionId, SuggestionSet};
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let camel = SourceName::parse("camelbert-ner").unwrap();
    project.load_document(&doc).unwrap();
    let existing = project.document(&doc).unwrap().loaded().unwrap().suggestions[&camel].clone();

    // A review: the coder's decision on one suggestion, in their layer, undone.
    let decision = Decision { status: ReviewStatus::Rejected, at: "2026-11-29T10:00:00Z".into(), created: None };
    project.apply(&doc, Edit::PutDecision(camel.clone(), SuggestionId(2), Some(decision))).unwrap();
    let status = |p: &tarmeez::store::Project| {
        let loaded = p.document(&doc).unwrap().loaded().unwrap();
        tarmeez::workflow::review::status_for(loaded, p.annotator(), &camel, SuggestionId(2))
    };
    assert_eq!(status(&project), ReviewStatus::Rejected);
    project.undo().unwrap();
    assert_eq!(status(&project), ReviewStatus::Pending);

    // An import of a new source writes its file; undoing it removes the file at the next save.
    let gazetteer = SourceName::parse("gazetteer").unwrap();
    let set = SuggestionSet { source: existing.source.clone(), suggestions: existing.suggestions.clone() };
    project.apply_edit(ProjectEdit::SetSuggestions(doc.clone(), gazetteer.clone(), Some(Box::new(set)))).unwrap();
    project.save_dirty().unwrap();
    let file = dir.join(format!("suggestions/{SAMPLE_DOC}/gazetteer.ron"));
    assert!(file.is_file());
    assert!(!dir.join(format!("annotations/{SAMPLE_DOC}/huda.ron")).exists(), "reviewing makes no empty layer");
    project.undo().unwrap();
    project.save_dirty().unwrap();
    assert!(!file.exists());
}

#[test]
fn an_edit_that_would_leave_a_layer_invalid_is_refused_and_changes_nothing() {
    use tarmeez::model::{Edit, MentionId};
    let (_tmp, dir) = sample_copy();
    // The sample's own coder: their mention m2 (the militia) fills the shelling's Attacker role.
    let mut project = open_as(&dir, "sample");
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    project.load_document(&doc).unwrap();
    let layer = project.document(&doc).unwrap().loaded().unwrap().layers
        [&tarmeez::model::Annotator::parse("sample").unwrap()]
        .clone();
    let retype =
        tarmeez::model::coding::change_mention(&layer, MentionId(2), |m| m.entity_type = "LOCATION".into()).unwrap();
    let err = project.apply(&doc, retype).unwrap_err().to_string();
    assert!(err.contains("does not take") || err.contains("LOCATION"), "{err}");
    assert!(!project.has_unsaved_changes());

    // A schema change that would break another coder's annotations is refused too, naming them.
    drop(project);
    let mut project = open_as(&dir, "huda");
    let mut schema = project.config().schema.clone();
    let attack = schema.event_types.iter_mut().find(|t| t.id.as_str() == "ATTACK").unwrap();
    attack.roles.iter_mut().find(|r| r.id.as_str() == "Target").unwrap().allowed.retain(|t| t.as_str() != "LOCATION");
    let err = project.apply_edit(ProjectEdit::SetSchema(Box::new(schema))).unwrap_err().to_string();
    assert!(err.contains("sample's annotations"), "{err}");
    let _ = Edit::SetStatus(Default::default());
}

#[test]
fn undoing_a_registry_change_says_something_was_undone_so_it_is_saved() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let (edit, _) = create_actor(&project, "New group", ActorKind::Militia, None);
    project.apply_edit(edit).unwrap();
    project.save_dirty().unwrap();
    assert_eq!(project.undo().unwrap(), Some(vec![]), "applied, touching no document");
    assert!(project.has_unsaved_changes());
    assert_eq!(project.undo().unwrap(), None, "nothing left to undo");
}

#[test]
fn a_broken_registry_blocks_actor_edits_but_not_the_saving_of_annotations() {
    use tarmeez::model::{Annotator, DocumentMeta, Mention, MentionId, Span, default_conflict_schema};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let huda = Annotator::parse("huda").unwrap();
    let mut p = tarmeez::store::Project::create(&dir, "P", default_conflict_schema(), huda).unwrap();
    let doc = p.add_document("d", "قصفت الميليشيات القاعدة".into(), DocumentMeta::default()).unwrap();
    drop(p);
    // An old project's actors.ron that cannot be moved into one file per actor.
    std::fs::write(dir.join("actors.ron"), "(\n<<<<<<< HEAD\n  actors: {},\n)\n").unwrap();
    let mut project = open_as(&dir, "huda");
    let (edit, _) = create_actor(&project, "New group", ActorKind::Militia, None);
    let err = project.apply_edit(edit).unwrap_err().to_string();
    assert!(err.contains("actors.ron could not be moved into actors/"), "{err}");
    assert!(dir.join("actors.ron").exists(), "left as it is");
    let mention = Mention::new(Span::new(0, 4), "ACTOR");
    project.apply(&doc, tarmeez::model::Edit::PutMention(MentionId(1), Some(mention))).unwrap();
    project.save_dirty().unwrap();
    assert!(dir.join("annotations/d/huda.ron").is_file());
}
