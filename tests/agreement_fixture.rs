//! The agreement fixture (tests/fixtures/agreement-project/, written by scripts/agreement/make_fixture.py): a
//! valid project that the app opens, with three coders who differ in the ways the measures count.

mod common;

use common::open_read_only;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::model::Annotator;
use tarmeez::workflow::agreement::coders;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project")
}

#[test]
fn the_fixture_opens_without_problems_and_has_what_the_measures_need() {
    let project = open_read_only(&fixture());
    project.load_all();
    let problems: Vec<String> = project.problems().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(project.documents().len(), 20);
    let names: Vec<String> = coders(&project).iter().map(ToString::to_string).collect();
    assert_eq!(names, ["huda", "layla", "omar"]);
    // The seed article is among the documents, its text as in the corpus.
    let seed = project.documents().iter().find(|d| d.id.as_str() == common::SAMPLE_DOC).unwrap();
    let corpus = std::fs::read_to_string(common::sample_dir().join("documents/al-omar-oilfield-2021-06-29.txt"));
    assert_eq!(seed.loaded().unwrap().text.as_str(), corpus.unwrap());
    // omar did not code one document; layla coded one and marked nothing.
    let omar = Annotator::parse("omar").unwrap();
    let layla = Annotator::parse("layla").unwrap();
    let layers = |d: &tarmeez::store::DocEntry| d.loaded().unwrap().layers.clone();
    assert_eq!(project.documents().iter().filter(|d| !layers(d).contains_key(&omar)).count(), 1);
    assert!(project.documents().iter().any(|d| layers(d).get(&layla).is_some_and(|l| l.mentions.is_empty())));
    let events: usize = project.documents().iter().flat_map(|d| layers(d).into_values()).map(|l| l.events.len()).sum();
    assert!(events > 60, "{events} events");
}

#[test]
fn tarmeez_validate_passes_on_the_fixture() {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).arg("validate").arg(fixture()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("20 document(s), no problems"), "{text}");
}
