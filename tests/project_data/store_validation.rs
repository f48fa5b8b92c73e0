//! Every kind of problem in a project's files is caught on load and reported with file, line and column;
//! a broken document is flagged while the rest of the project stays usable, and its files are never
//! overwritten.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use tarmeez::model::*;
use tarmeez::store::{Problem, ProblemKind, StoreError};

fn layer_file(dir: &Path) -> PathBuf {
    dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron"))
}

/// Opens `dir`, loads everything and returns its problems.
fn problems_of(dir: &Path) -> Vec<Problem> {
    let p = open_read_only(dir);
    p.load_all();
    p.problems().cloned().collect()
}

/// Asserts exactly one problem of `kind`, in `file`, at `line` (when given), and returns it.
fn only_problem(dir: &Path, kind: ProblemKind, file: &str, line: Option<usize>) -> Problem {
    let problems = problems_of(dir);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = problems.into_iter().next().unwrap();
    assert_eq!(p.kind, kind, "{p}");
    assert_eq!(p.file, PathBuf::from(file), "{p}");
    if line.is_some() {
        assert_eq!(p.line, line, "{p}");
        assert!(p.column.is_some(), "{p}");
    }
    p
}

fn line_of(path: &Path, needle: &str) -> usize {
    let s = std::fs::read_to_string(path).unwrap();
    s.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle} not in {}", path.display())) + 1
}

fn layer_rel() -> String {
    format!("annotations/{SAMPLE_DOC}/sample.ron")
}

#[test]
fn the_sample_is_clean() {
    let (_tmp, dir) = sample_copy();
    assert_eq!(problems_of(&dir), vec![]);
}

#[test]
fn unparsable_ron_is_reported_with_line_and_column() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "type: \"WEAPON\",", "type: \"WEAPON\" oops,");
    let line = line_of(&layer_file(&dir), "oops");
    let p = only_problem(&dir, ProblemKind::Parse, &layer_rel(), Some(line));
    assert!(p.to_string().starts_with(&format!("{}:{line}:", layer_rel())), "{p}");
}

#[test]
fn an_unknown_field_is_a_parse_problem_not_silently_dropped() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "type: \"WEAPON\",", "type: \"WEAPON\", colour: \"red\",");
    only_problem(&dir, ProblemKind::Parse, &layer_rel(), Some(line_of(&layer_file(&dir), "colour")));
}

#[test]
fn an_unknown_entity_type_is_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "type: \"SOURCE\"", "type: \"ARTILLERY\"");
    let p = only_problem(
        &dir,
        ProblemKind::Rule(FindingKind::UnknownEntityType),
        &layer_rel(),
        Some(line_of(&layer_file(&dir), "ARTILLERY")),
    );
    assert!(p.message.contains("ARTILLERY"));
}

#[test]
fn an_unknown_event_type_is_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "type: \"THREAT\"", "type: \"SIEGE\"");
    only_problem(
        &dir,
        ProblemKind::Rule(FindingKind::UnknownEventType),
        &layer_rel(),
        Some(line_of(&layer_file(&dir), "SIEGE")),
    );
}

#[test]
fn offsets_outside_the_text_are_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "span: (start: 235, end: 245)", "span: (start: 235, end: 99999)");
    only_problem(
        &dir,
        ProblemKind::Rule(FindingKind::SpanOutsideText),
        &layer_rel(),
        Some(line_of(&layer_file(&dir), "99999")),
    );
}

#[test]
fn offsets_inside_a_grapheme_are_caught() {
    // Give the document a letter with a diacritic, then point a span between the two.
    let (_tmp, dir) = sample_copy();
    let text_path = dir.join(format!("documents/{SAMPLE_DOC}.txt"));
    let text = std::fs::read_to_string(&text_path).unwrap();
    let marked = text.replacen("ميليشيات", "مِيليشيات", 1); // kasra after the first letter
    std::fs::write(&text_path, &marked).unwrap();
    let meta_path = dir.join(format!("documents/{SAMPLE_DOC}.ron"));
    let old_hash = text_hash(&text);
    edit_file(&meta_path, &old_hash, &text_hash(&marked));
    edit_file(&meta_path, "chars: 5027", "chars: 5028");
    // Every later offset moved by one; keep just one mention at the start to test the rule alone.
    std::fs::write(
        layer_file(&dir),
        "(\n  mentions: {\n    \"m1\": (\n      span: (start: 0, end: 1),\n      type: \"ACTOR\",\n    ),\n  },\n)\n",
    )
    .unwrap();
    std::fs::remove_dir_all(dir.join("suggestions")).unwrap();
    let p = only_problem(&dir, ProblemKind::Rule(FindingKind::SpanInsideGrapheme), &layer_rel(), Some(4));
    assert!(p.message.contains("splits a character"), "{p}");
}

#[test]
fn an_argument_pointing_at_a_missing_mention_is_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "(role: \"Instrument\", mention: \"m7\")", "(role: \"Instrument\", mention: \"m77\")");
    only_problem(
        &dir,
        ProblemKind::Rule(FindingKind::MissingMention),
        &layer_rel(),
        Some(line_of(&layer_file(&dir), "m77")),
    );
}

#[test]
fn a_role_not_allowed_for_the_event_type_is_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "(role: \"Threatener\"", "(role: \"Attacker\"");
    let p = only_problem(&dir, ProblemKind::Rule(FindingKind::RoleNotAllowed), &layer_rel(), None);
    assert!(p.message.contains("Attacker") && p.message.contains("THREAT"), "{p}");
    assert!(p.line.is_some());
}

#[test]
fn a_text_whose_hash_changed_is_caught() {
    let (_tmp, dir) = sample_copy();
    let text_path = dir.join(format!("documents/{SAMPLE_DOC}.txt"));
    let text = std::fs::read_to_string(&text_path).unwrap();
    // Same length, one letter changed: offsets still fit, only the hash can tell.
    std::fs::write(&text_path, text.replacen("حقل العمر", "حقل العمل", 1)).unwrap();
    only_problem(&dir, ProblemKind::TextHashChanged, &format!("documents/{SAMPLE_DOC}.txt"), None);
}

#[test]
fn a_missing_text_file_is_caught() {
    let (_tmp, dir) = sample_copy();
    std::fs::remove_file(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    only_problem(&dir, ProblemKind::MissingText, &format!("documents/{SAMPLE_DOC}.txt"), None);
}

#[test]
fn an_unknown_actor_link_is_caught() {
    let (_tmp, dir) = sample_copy();
    edit_file(&layer_file(&dir), "actor: Some(\"coalition\")", "actor: Some(\"nato\")");
    only_problem(
        &dir,
        ProblemKind::Rule(FindingKind::UnknownActor),
        &layer_rel(),
        Some(line_of(&layer_file(&dir), "nato")),
    );
}

#[test]
fn a_broken_document_is_flagged_and_the_rest_of_the_project_stays_usable() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p =
        tarmeez::store::Project::create(&dir, "t", default_conflict_schema(), Annotator::parse("huda").unwrap())
            .unwrap();
    let ids: Vec<DocId> = ["قصفت القاعدة", "هددت الجماعة", "انسحبت القوات"]
        .iter()
        .enumerate()
        .map(|(i, t)| p.add_document(&format!("doc{i}"), (*t).to_owned(), DocumentMeta::default()).unwrap())
        .collect();
    for id in &ids {
        p.layer_mut(id).unwrap().status = DocStatus::InProgress;
    }
    p.save_dirty().unwrap();
    drop(p);
    let broken_file = dir.join(format!("annotations/{}/huda.ron", ids[1]));
    std::fs::write(&broken_file, "(status: InProgress, mentions: {").unwrap();
    let broken_bytes = std::fs::read(&broken_file).unwrap();

    let mut p = open_as(&dir, "huda");
    p.load_all();
    assert!(p.document(&ids[0]).unwrap().loaded().is_some());
    assert!(p.document(&ids[2]).unwrap().loaded().is_some());
    let broken = p.document(&ids[1]).unwrap();
    assert!(broken.is_broken());
    assert_eq!(broken.problems()[0].kind, ProblemKind::Parse);
    assert!(broken.text().is_some(), "its text can still be shown");
    assert!(matches!(p.layer_mut(&ids[1]), Err(StoreError::BrokenDocument(_))));
    // The good documents can be edited and saved.
    p.layer_mut(&ids[0]).unwrap().status = DocStatus::Done;
    p.layer_mut(&ids[2]).unwrap().status = DocStatus::Done;
    assert_eq!(p.save_dirty().unwrap(), 2);
    // A full save writes what is sound and leaves the file that failed to load alone.
    p.save_all().unwrap();
    assert_eq!(std::fs::read(&broken_file).unwrap(), broken_bytes);
}

#[test]
fn a_broken_actor_file_is_never_overwritten() {
    let (_tmp, dir) = sample_copy();
    let file = dir.join("actors/irgc.ron");
    std::fs::write(&file, "(name: ").unwrap();
    let mut p = open_as(&dir, "huda");
    let problem = p.problems().next().unwrap().clone();
    assert_eq!((problem.kind, problem.file.as_path()), (ProblemKind::Parse, Path::new("actors/irgc.ron")));
    let id = tarmeez::model::ActorId::new("irgc");
    let other = p.actors().actors[&"coalition".into()].clone();
    let err = p.apply_edit(ProjectEdit::PutActor(id.clone(), Some(other.clone()))).unwrap_err().to_string();
    assert!(err.contains("actors/irgc.ron failed to load"), "{err}");
    p.actors_mut().actors.insert(id, other);
    assert!(matches!(p.save_actors(), Err(StoreError::Poisoned(_))));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "(name: ");
}

#[test]
fn a_document_file_with_an_unsafe_name_is_ignored_and_reported() {
    let (_tmp, dir) = sample_copy();
    std::fs::write(dir.join("documents/Bad Name.ron"), "()").unwrap();
    let problems = problems_of(&dir);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::BadFileName);
}

#[test]
fn a_schema_that_contradicts_itself_stops_the_project_from_opening_with_the_line() {
    let (_tmp, dir) = sample_copy();
    edit_file(&dir.join("project.ron"), "id: \"LOCATION\"", "id: \"ACTOR\"");
    let err = tarmeez::store::Project::open(
        &dir,
        tarmeez::store::OpenOptions { annotator: Annotator::parse("a").unwrap(), read_only: true },
    )
    .unwrap_err();
    let StoreError::Invalid(problems) = err else { panic!("expected schema problems") };
    assert_eq!(problems[0].kind, ProblemKind::Schema);
    assert!(problems[0].message.contains("entity type `ACTOR` is defined twice"), "{}", problems[0]);
    assert!(problems[0].line.is_some());
}

#[test]
fn ron_files_saved_with_a_byte_order_mark_are_read() {
    // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the text.
    let (_tmp, dir) = sample_copy();
    for rel in ["project.ron", "actors/irgc.ron", &layer_rel()] {
        let path = dir.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    }
    assert_eq!(problems_of(&dir), vec![], "the files open as they did without the mark");
}

#[test]
fn a_format_version_too_large_for_a_number_is_called_newer() {
    let (_tmp, dir) = sample_copy();
    edit_file(&dir.join("project.ron"), "format_version: 2", "format_version: 99999999999999999999999");
    let err = tarmeez::store::Project::open(
        &dir,
        tarmeez::store::OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("saved by a newer Tarmeez"), "{err}");
}

#[test]
fn an_id_given_twice_in_a_file_is_a_problem_with_its_line_not_a_silent_loss() {
    // RON maps keep the last of two equal keys: without a check, one mention would vanish at the next save.
    let (_tmp, dir) = sample_copy();
    let layer = layer_file(&dir);
    edit_file(&layer, "\"m2\": (", "\"m1\": (");
    let p = only_problem(&dir, ProblemKind::Parse, &layer_rel(), Some(line_of(&layer, "\"m3\": (") - 1));
    assert!(p.message.contains("`m1` is given twice"), "{p}");

    // An old project's actors.ron, as it is before it is moved into one file per actor.
    let (_tmp, dir) = sample_copy();
    let actors = dir.join("actors.ron");
    let registry = open_read_only(&dir).actors().clone();
    std::fs::remove_dir_all(dir.join("actors")).unwrap();
    std::fs::write(&actors, tarmeez::store::to_ron(&registry).unwrap()).unwrap();
    edit_file(&actors, "\"abu-fadl-abbas\": (", "\"abu-ali-askari\": (");
    let problems = problems_of(&dir);
    assert!(problems.iter().any(|p| p.message.contains("`abu-ali-askari` is given twice")), "{problems:#?}");
}
