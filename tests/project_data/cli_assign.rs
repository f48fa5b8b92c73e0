//! `tarmeez assign`, run as the lead runs it: on a generated project and on a copy of the sample.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tarmeez::model::*;
use tarmeez::store::{AssignmentsFile, Project};

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "cli-test").output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A project of `n` short documents, `doc00` to `doc<n-1>`.
fn project_of(n: usize) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), Annotator::parse("lead").unwrap()).unwrap();
    add_documents(&mut p, 0..n);
    (tmp, dir)
}

fn add_documents(p: &mut Project, range: std::ops::Range<usize>) {
    for i in range {
        p.add_document(&format!("doc{i:02}"), format!("قصفت الميليشيات القاعدة رقم {i}"), DocumentMeta::default())
            .unwrap();
    }
}

fn assignments(dir: &Path) -> Assignments {
    AssignmentsFile::read(dir).unwrap().assignments
}

fn assign(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["assign", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    tarmeez(&args)
}

#[test]
fn assign_writes_balanced_assignments_with_the_overlap_asked_and_says_so() {
    let (_tmp, dir) = project_of(30);
    let out = assign(&dir, &["--coders", "huda,omar,layla", "--per-doc", "2", "--overlap", "20%", "--seed", "5"]);
    assert!(out.status.success(), "{}", text(&out));
    let asg = assignments(&dir);
    assert_eq!(asg.documents.len(), 30);
    assert_eq!(asg.overlap(), 6, "20% of 30");
    assert!(asg.documents.values().all(|c| c.len() == 1 || c.len() == 2));
    let loads: Vec<usize> = asg.loads().values().copied().collect();
    assert_eq!(loads.len(), 3);
    assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{loads:?}");
    let said = text(&out);
    assert!(said.contains("Assigned 30 new document(s); 0 already assigned kept their coders."), "{said}");
    for coder in ["huda", "omar", "layla"] {
        let load = asg.loads()[&Annotator::parse(coder).unwrap()];
        assert!(said.contains(&format!("  {coder:<20} {load:>7}")), "{coder} {load}: {said}");
    }
    assert!(said.contains("Overlap (coded by 2 or more coders): 6 of 30 document(s) (20.0%)"), "{said}");

    // The same seed on a fresh project gives the same file, byte for byte.
    let (_tmp2, again) = project_of(30);
    let out = assign(&again, &["--coders", "huda,omar,layla", "--per-doc", "2", "--overlap", "20", "--seed", "5"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read(dir.join("assignments.ron")).unwrap(),
        std::fs::read(again.join("assignments.ron")).unwrap()
    );
}

#[test]
fn a_second_run_keeps_the_assigned_documents_and_assigns_the_new_ones() {
    let (_tmp, dir) = project_of(10);
    assert!(assign(&dir, &["--coders", "huda,omar", "--per-doc", "2"]).status.success());
    let before = assignments(&dir);
    let mut p = open_as(&dir, "lead");
    add_documents(&mut p, 10..14);
    drop(p);
    let out = assign(&dir, &["--coders", "huda,omar,layla"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Assigned 4 new document(s); 10 already assigned kept their coders."),
        "{}",
        text(&out)
    );
    let after = assignments(&dir);
    assert_eq!(after.documents.len(), 14);
    for (doc, coders) in &before.documents {
        assert_eq!(&after.documents[doc], coders, "{doc} keeps its coders");
    }
    // layla had nothing: the four new documents are hers, one coder each (--per-doc defaults to 1).
    let layla = Annotator::parse("layla").unwrap();
    assert_eq!(after.loads()[&layla], 4);
    assert!(text(&out).contains("(no work in this project yet)"), "{}", text(&out));
    // Nothing new: the file is left as it is.
    let bytes = std::fs::read(dir.join("assignments.ron")).unwrap();
    let out = assign(&dir, &["--coders", "huda,omar,layla"]);
    assert!(text(&out).contains("Nothing new to assign"), "{}", text(&out));
    assert_eq!(std::fs::read(dir.join("assignments.ron")).unwrap(), bytes);
}

#[test]
fn refused_requests_say_why_and_change_no_file() {
    let (_tmp, dir) = sample_copy();
    let before = files(&dir);
    for (args, says) in [
        (&["--coders", "huda,omar", "--per-doc", "3"][..], "--per-doc 3 asks for more coders per document than the 2"),
        (&["--coders", "huda,,omar"][..], "empty name"),
        (&["--coders", "huda,"][..], "empty name"),
        (&["--coders", "huda,annotator"][..], "`annotator` is a placeholder"),
        (&["--coders", "Huda Ali"][..], "is not a valid name here"),
        (&["--coders", "huda,huda"][..], "`huda` is named twice"),
        (&["--coders", "huda,omar", "--overlap", "20%"][..], "--overlap needs --per-doc 2 or more"),
        (&["--coders", "huda,omar", "--per-doc", "2", "--overlap", "120%"][..], "between 0% and 100%"),
        (&["--coders", "huda,omar", "--per-doc", "2", "--overlap", "lots"][..], "between 0% and 100%"),
        (&["--coders", "huda,omar", "--per-doc", "0"][..], "--per-doc must be at least 1"),
        (&["--coders", "huda", "--rebalance"][..], "unexpected argument '--rebalance'"),
        (&[][..], "--coders"),
    ] {
        let out = assign(&dir, args);
        assert!(!out.status.success(), "{args:?} was accepted: {}", text(&out));
        assert!(text(&out).contains(says), "{args:?}: expected {says:?} in {}", text(&out));
        assert_eq!(files(&dir), before, "{args:?} changed a file");
    }
    // A file that does not parse is named with its line and left as it is.
    std::fs::write(dir.join("assignments.ron"), "(\n  documents: {\n    \"x\": [\"Huda\"],\n  },\n)\n").unwrap();
    let before = files(&dir);
    let out = assign(&dir, &["--coders", "huda,omar"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("assignments.ron:3"), "{}", text(&out));
    assert_eq!(files(&dir), before);
}

#[test]
fn assign_on_the_sample_and_its_help_defines_the_overlap() {
    let (_tmp, dir) = sample_copy();
    let out = assign(&dir, &["--coders", "huda,omar", "--per-doc", "2"]);
    assert!(out.status.success(), "{}", text(&out));
    let asg = assignments(&dir);
    let coders: Vec<&str> = asg.coders_of(&DocId::parse(SAMPLE_DOC).unwrap()).map(|c| c.as_str()).collect();
    assert_eq!(coders, ["huda", "omar"]);
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "assignments.ron is no stray file: {}", text(&out));
    let help = text(&tarmeez(&["assign", "--help"]));
    assert!(help.contains("With --overlap P%, only P% of all the project's documents get"), "{help}");
    assert!(help.contains("documents already assigned keep their coders"), "{help}");
}
