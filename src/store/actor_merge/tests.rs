use super::*;
use crate::model::ActorId;

fn actor(name: &str, aliases: &[&str], kind: ActorKind) -> Actor {
    Actor {
        name: name.to_owned(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        kind,
        affiliation: None,
        notes: String::new(),
    }
}

fn hezbollah() -> Actor {
    actor("Hezbollah", &["حزب الله"], ActorKind::Militia)
}

#[test]
fn aliases_both_sides_added_are_all_kept() {
    let base = hezbollah();
    let mut ours = base.clone();
    ours.aliases.push("حزب الله اللبناني".into());
    let mut theirs = base.clone();
    theirs.aliases.push("Hizbullah".into());
    let merged = merge_actor(Some(&base), &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.actor.aliases, ["حزب الله", "حزب الله اللبناني", "Hizbullah"]);
}

#[test]
fn an_alias_removed_on_one_side_stays_removed_while_the_other_adds_one() {
    let base = actor("Hezbollah", &["حزب الله", "الحزب"], ActorKind::Militia);
    let mut ours = base.clone();
    ours.aliases.retain(|a| a != "الحزب");
    let mut theirs = base.clone();
    theirs.aliases.push("Hizbullah".into());
    let merged = merge_actor(Some(&base), &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.actor.aliases, ["حزب الله", "Hizbullah"]);
    // The same from the other side gives the same set.
    let swapped = merge_actor(Some(&base), &theirs, &ours);
    assert_eq!(swapped.actor.aliases, ["حزب الله", "Hizbullah"]);
}

#[test]
fn one_renamed_the_other_changed_the_kind_both_changes_kept() {
    let base = hezbollah();
    let mut ours = base.clone();
    ours.name = "Lebanese Hezbollah".into();
    let mut theirs = base.clone();
    theirs.kind = ActorKind::PoliticalParty;
    theirs.affiliation = Some(ActorId::new("irgc"));
    let merged = merge_actor(Some(&base), &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.actor.name, "Lebanese Hezbollah");
    assert_eq!(merged.actor.kind, ActorKind::PoliticalParty);
    assert_eq!(merged.actor.affiliation, Some(ActorId::new("irgc")));
}

#[test]
fn both_renamed_differently_keeps_ours_and_reports_both_names() {
    let base = hezbollah();
    let mut ours = base.clone();
    ours.name = "Hizballah".into();
    ours.notes = "checked".into();
    let mut theirs = base.clone();
    theirs.name = "Hizbullah".into();
    let merged = merge_actor(Some(&base), &ours, &theirs);
    assert_eq!(merged.actor.name, "Hizballah");
    assert_eq!(merged.actor.notes, "checked", "the field only one side changed merges cleanly");
    assert_eq!(
        merged.conflicts,
        [FieldConflict { field: "name", ours: "Hizballah".into(), theirs: "Hizbullah".into() }]
    );
    assert_eq!(merged.conflicts[0].to_string(), "name: here \"Hizballah\", there \"Hizbullah\"");
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = hezbollah();
    let mut ours = base.clone();
    ours.name = "Hizbullah".into();
    ours.aliases.push("Hizbullah".into());
    let theirs = ours.clone();
    let merged = merge_actor(Some(&base), &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.actor, ours);
}

#[test]
fn added_on_both_sides_without_a_base_unites_aliases_and_reports_differences() {
    let ours = actor("Hezbollah", &["حزب الله"], ActorKind::Militia);
    let theirs = actor("Hezbollah", &["الحزب"], ActorKind::PoliticalParty);
    let merged = merge_actor(None, &ours, &theirs);
    assert_eq!(merged.actor.aliases, ["حزب الله", "الحزب"]);
    assert_eq!(merged.actor.kind, ActorKind::Militia);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "kind");
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_keeps_the_edited_actor() {
    let base = hezbollah();
    let mut edited = base.clone();
    edited.aliases.push("Hizbullah".into());
    let kept = merge_actor_versions(Some(&base), None, Some(&edited)).unwrap();
    assert_eq!(kept.actor, edited);
    let kept = merge_actor_versions(Some(&base), Some(&edited), None).unwrap();
    assert_eq!(kept.actor, edited);
}

#[test]
fn deleted_on_one_side_and_untouched_on_the_other_is_deleted() {
    let base = hezbollah();
    assert_eq!(merge_actor_versions(Some(&base), None, Some(&base)), None);
    assert_eq!(merge_actor_versions(Some(&base), Some(&base), None), None);
    assert_eq!(merge_actor_versions(Some(&base), None, None), None);
}

#[test]
fn added_on_one_side_only_is_kept() {
    let new = hezbollah();
    assert_eq!(merge_actor_versions(None, Some(&new), None).unwrap().actor, new);
    assert_eq!(merge_actor_versions(None, None, Some(&new)).unwrap().actor, new);
}

fn text(a: &Actor) -> String {
    crate::store::to_ron(a).unwrap()
}

#[test]
fn texts_merge_as_git_hands_them_over() {
    let path = Path::new("actors/hzb-llh-0193.ron");
    let base = hezbollah();
    let mut ours = base.clone();
    ours.aliases.push("حزب الله اللبناني".into());
    let mut theirs = base.clone();
    theirs.name = "Hizbullah".into();
    let merged = merge_actor_text(path, Some(&text(&base)), Some(&text(&ours)), Some(&text(&theirs))).unwrap();
    assert!(merged.conflicts.is_empty());
    let mut expected = ours.clone();
    expected.name = "Hizbullah".into();
    assert_eq!(merged.text.as_deref(), Some(text(&expected).as_str()), "written as Tarmeez writes actor files");
    // Deleted there, untouched here: removed. Edited here: kept.
    let gone = merge_actor_text(path, Some(&text(&base)), Some(&text(&base)), None).unwrap();
    assert_eq!(gone.text, None);
    let kept = merge_actor_text(path, Some(&text(&base)), Some(&text(&ours)), None).unwrap();
    assert_eq!(kept.text.as_deref(), Some(text(&ours).as_str()));
}

#[test]
fn texts_with_conflicts_keep_ours_and_say_so() {
    let path = Path::new("actors/hzb-llh-0193.ron");
    let base = hezbollah();
    let mut ours = base.clone();
    ours.kind = ActorKind::PoliticalParty;
    let mut theirs = base.clone();
    theirs.kind = ActorKind::ExternalForce;
    let merged = merge_actor_text(path, Some(&text(&base)), Some(&text(&ours)), Some(&text(&theirs))).unwrap();
    assert_eq!(merged.text.as_deref(), Some(text(&ours).as_str()));
    assert_eq!(merged.conflicts[0].to_string(), "kind: here \"PoliticalParty\", there \"ExternalForce\"");
}

#[test]
fn a_version_that_is_not_an_actor_file_is_an_error_naming_the_file_and_line() {
    let path = Path::new("actors/hzb-llh-0193.ron");
    let broken = "(\n  name: \"Hezbollah\",\n<<<<<<< HEAD\n)\n";
    let err = merge_actor_text(path, None, Some(&text(&hezbollah())), Some(broken)).unwrap_err().to_string();
    assert!(err.starts_with("their version of actors/hzb-llh-0193.ron:3"), "{err}");
}
