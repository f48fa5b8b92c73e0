//! Curation from the command line on a copy of the sample: three coders (the sample's coder, huda who missed
//! the first mention, layla who typed the second differently), the diagnosis CSV, a merge of what two of
//! three agree on into the gold layer (run twice: the second changes nothing), and exports of the gold layer.

use crate::common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use std::path::Path;
use std::process::Command;
use tarmeez::model::{Annotator, DocId, Edit, Layer, Mention};

fn tarmeez(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// The sample coder's layer, and the project with huda's and layla's layers saved (spans, types and actor
/// links only: no attributes, notes or provenance).
fn three_coders(dir: &Path) -> Layer {
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let sample = open_as(dir, "huda").load_document(&doc).unwrap().layers[&Annotator::parse("sample").unwrap()].clone();
    // Spans, types and actor links only: no attributes, notes or provenance.
    let plain = |m: &Mention| Mention { actor: m.actor.clone(), ..Mention::new(m.span, m.entity_type.clone()) };
    for (coder, change) in [("huda", 0), ("layla", 1)] {
        let mut p = open_as(dir, coder);
        let edits = sample
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, _)| coder != "huda" || *i != change)
            .map(|(i, (id, m))| {
                let mut m = plain(m);
                if coder == "layla" && i == change {
                    m.entity_type = if m.entity_type.as_str() == "LOCATION" { "ORG" } else { "LOCATION" }.into();
                }
                Edit::PutMention(*id, Some(m))
            })
            .collect();
        p.apply(&doc, Edit::Batch(edits)).unwrap();
        p.save_dirty().unwrap();
    }
    sample
}

#[test]
fn a_team_curates_what_two_of_three_agree_on_and_exports_the_gold_layer() {
    let (_tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    let sample = three_coders(&dir);

    let (ok, csv) = tarmeez(&["disagreements", d, "--coders", "sample,huda,layla"]);
    assert!(ok, "{csv}");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "document,kind,start,end,text,disagreement,gold,sample,huda,layla");
    let missing = rows.iter().filter(|r| r.contains(",mentions,") && r.contains("marked by some coders only")).count();
    let typed = rows.iter().filter(|r| r.contains(",mentions,") && r.contains("same text, different types")).count();
    assert_eq!((missing, typed), (1, 1), "{csv}");
    assert!(rows.iter().all(|r| !r.contains(",settled,")), "nothing is curated yet:\n{csv}");

    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--coders", "sample,huda,layla", "--annotator", "samir"]);
    assert!(ok, "{out}");
    let gold_file = dir.join("annotations").join(SAMPLE_DOC).join("gold.ron");
    let gold: Layer = ron::from_str(&std::fs::read_to_string(&gold_file).unwrap()).unwrap();
    // Every mention has two coders agreeing; the events only the sample coder marked are left to the curator.
    assert_eq!(gold.mentions.len(), sample.mentions.len());
    assert!(gold.events.is_empty());
    let first = gold.mentions.values().find(|m| m.span == sample.mentions.values().next().unwrap().span).unwrap();
    let curation = first.curation.as_ref().unwrap();
    assert_eq!(curation.coders, [Annotator::parse("sample").unwrap(), Annotator::parse("layla").unwrap()]);
    assert_eq!(curation.curator.as_str(), "samir");
    assert!(out.contains(&format!("Merged {} units", sample.mentions.len())), "{out}");

    let before = std::fs::read(&gold_file).unwrap();
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--coders", "sample,huda,layla", "--annotator", "samir"]);
    assert!(ok && out.contains("Merged 0 units"), "{out}");
    assert_eq!(std::fs::read(&gold_file).unwrap(), before, "a second merge changes nothing");

    let (_, csv) = tarmeez(&["disagreements", d, "--coders", "sample,huda,layla"]);
    assert!(csv.lines().filter(|r| r.contains(",mentions,")).all(|r| r.contains(",settled,")), "{csv}");
    assert!(csv.lines().filter(|r| r.contains(",events,")).all(|r| r.contains(",open,")), "{csv}");
}

#[test]
fn the_gold_layer_exports_in_every_format_like_any_layer() {
    let (_tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    three_coders(&dir);
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--annotator", "samir"]);
    assert!(ok, "{out}");
    for format in ["events-csv", "brat", "doccano", "conll", "hf-jsonl", "html"] {
        let gold_out = dir.with_extension(format!("gold-{format}"));
        let huda_out = dir.with_extension(format!("huda-{format}"));
        for (who, out) in [("gold", &gold_out), ("huda", &huda_out)] {
            let (ok, text) =
                tarmeez(&["export", d, "--format", format, "--out", out.to_str().unwrap(), "--annotator", who]);
            assert!(ok, "{format} {who}: {text}");
        }
        if format != "events-csv" {
            assert_ne!(common::files(&gold_out), common::files(&huda_out), "{format}: gold is not huda");
        }
    }
    let ann = std::fs::read_to_string(dir.with_extension("gold-brat").join(format!("{SAMPLE_DOC}.ann"))).unwrap();
    let sample = open_as(&dir, "huda").load_document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap().layers
        [&Annotator::parse("sample").unwrap()]
        .mentions
        .len();
    assert_eq!(ann.lines().filter(|l| l.starts_with('T')).count(), sample);
}

#[test]
fn curate_refuses_the_gold_layer_as_curator_and_an_impossible_quorum() {
    let (_tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "1", "--annotator", "gold"]);
    assert!(!ok && out.contains("give the curator's own name"), "{out}");
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "5", "--annotator", "samir"]);
    assert!(!ok && out.contains("--at-least must be between 1 and the number of coders"), "{out}");
    assert!(!dir.join("annotations").join(SAMPLE_DOC).join("gold.ron").exists());
}

#[test]
fn agreement_does_not_count_the_gold_layer_as_a_coder() {
    let (_tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    three_coders(&dir);
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--annotator", "samir"]);
    assert!(ok, "{out}");
    let (ok, out) = tarmeez(&["agreement", d]);
    assert!(ok && !out.contains("gold"), "{out}");
}

#[test]
fn a_coders_feedback_counts_their_misses_and_extras_against_gold_per_type() {
    let (_tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    let sample = three_coders(&dir);
    let (ok, out) = tarmeez(&["curate", d, "--at-least", "2", "--annotator", "samir"]);
    assert!(ok, "{out}");
    let p = common::open_read_only(&dir);
    let counts = tarmeez::workflow::curation::feedback(&p, &Annotator::parse("huda").unwrap());
    // Gold has every sample mention; huda missed the first one, and has nothing the gold layer lacks.
    let first_type = sample.mentions.values().next().unwrap().entity_type.clone();
    let total: usize = counts.values().map(|c| c.first).sum();
    let huda: usize = counts.values().map(|c| c.second).sum();
    assert_eq!((total, huda), (sample.mentions.len(), sample.mentions.len() - 1));
    let c = counts[&first_type];
    assert_eq!(c.first - c.first_matched, 1, "one miss of {first_type}");
    assert!(counts.values().all(|c| c.second == c.second_matched), "no extras");
}
