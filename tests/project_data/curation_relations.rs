//! Relations in curation from the command line: `tarmeez disagreements` lists relation units by both their
//! places, and `tarmeez curate` merges a relation enough coders agree on into the gold layer once its ends are
//! merged, between the gold layer's own mentions; one coder's relation the other way round stays open.

use crate::common;

use common::open_as;
use std::process::Command;
use tarmeez::model::*;
use tarmeez::store::Project;

fn tarmeez(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn a(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

/// «قصفت كتائب حزب الله التابعة لـ الحرس الثوري القاعدة»: every coder marks «كتائب حزب الله» (5..19) and
/// «الحرس الثوري» (31..43) as actors; huda and layla relate the first to the second, omar the other way round.
fn three_coders() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), a("lead")).unwrap();
    p.add_document("doc0", "قصفت كتائب حزب الله التابعة لـ الحرس الثوري القاعدة".into(), DocumentMeta::default())
        .unwrap();
    drop(p);
    let doc = DocId::parse("doc0").unwrap();
    for coder in ["huda", "layla", "omar"] {
        let mut p = open_as(&dir, coder);
        let layer = p.layer_mut(&doc).unwrap();
        layer.mentions.insert(MentionId(1), Mention::new(Span::new(5, 19), "ACTOR"));
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(31, 43), "ACTOR"));
        let (from, to) = if coder == "omar" { (2, 1) } else { (1, 2) };
        let r = MentionRelation {
            relation_type: "AFFILIATED_WITH".into(),
            from: MentionId(from),
            to: MentionId(to),
            note: String::new(),
        };
        layer.mention_relations.insert(RelationId(1), r);
        p.save_dirty().unwrap();
    }
    (tmp, dir)
}

#[test]
fn curate_merges_an_agreed_relation_between_the_merged_mentions() {
    let (_tmp, dir) = three_coders();
    let d = dir.to_str().unwrap();
    let (ok, csv) = tarmeez(&["disagreements", d]);
    assert!(ok, "{csv}");
    let relations: Vec<&str> = csv.lines().filter(|r| r.contains(",mention relations,")).collect();
    assert_eq!(relations.len(), 2, "{csv}");
    assert!(relations[0].starts_with("doc0,mention relations,5,19,كتائب حزب الله -> الحرس الثوري,"), "{csv}");
    assert!(relations[0].contains(",AFFILIATED_WITH: ACTOR 5-19 -> ACTOR 31-43,"), "{csv}");
    assert!(relations.iter().all(|r| r.contains(",marked by some coders only,open,")), "{csv}");

    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--annotator", "samir"]);
    assert!(ok, "{out}");
    assert!(out.contains("Merged 3 units"), "two mentions and the relation huda and layla share:\n{out}");
    let gold_file = dir.join("annotations/doc0/gold.ron");
    let gold: Layer = ron::from_str(&std::fs::read_to_string(&gold_file).unwrap()).unwrap();
    let r: Vec<(Span, Span)> =
        gold.mention_relations.values().map(|r| (gold.mentions[&r.from].span, gold.mentions[&r.to].span)).collect();
    assert_eq!(r, [(Span::new(5, 19), Span::new(31, 43))]);

    let (_, csv) = tarmeez(&["disagreements", d]);
    let states: Vec<&str> =
        csv.lines().filter(|r| r.contains(",mention relations,")).map(|r| r.split(',').nth(6).unwrap()).collect();
    assert_eq!(states, ["settled", "open"], "{csv}");
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--annotator", "samir"]);
    assert!(ok && out.contains("Merged 0 units"), "{out}");
    assert!(tarmeez(&["validate", d]).0, "the gold layer is valid");
}
