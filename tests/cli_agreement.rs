//! `tarmeez agreement` on a copy of the sample: a second coder who marked the same mentions but one.

mod common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use std::process::Command;
use tarmeez::model::{Annotator, DocId, Edit};

fn agreement(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).arg("agreement").arg(dir).args(args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn two_coders_who_differ_by_one_mention_agree_as_counted_by_hand() {
    let (_tmp, dir) = sample_copy();
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let mut huda = open_as(&dir, "huda");
    let sample = huda.load_document(&doc).unwrap().layers[&Annotator::parse("sample").unwrap()].clone();
    let n = sample.mentions.len();
    // Huda marks every mention the sample coder marked but the first (spans and types only).
    let edits = sample
        .mentions
        .iter()
        .skip(1)
        .map(|(id, m)| Edit::PutMention(*id, Some(tarmeez::model::Mention::new(m.span, m.entity_type.clone()))))
        .collect();
    huda.apply(&doc, Edit::Batch(edits)).unwrap();
    huda.save_dirty().unwrap();
    drop(huda);

    let (ok, out) = agreement(&dir, &[]);
    assert!(ok, "{out}");
    // Strict F1 = 2·(n−1) / (n + n−1): every one of huda's n−1 is the sample's, n−1 of the sample's n are huda's.
    let f1 = 2.0 * (n - 1) as f64 / (2 * n - 1) as f64;
    let expected = format!(
        "huda – sample: 1 documents, F1 strict {f1:.3} clitic-lenient {f1:.3} lenient {f1:.3}, Cohen's kappa 0."
    );
    assert!(out.contains(&expected), "{expected}\n{out}");

    let (ok, out) = agreement(&dir, &["--coders", "huda,nobody"]);
    assert!(!ok && out.contains("`nobody` has coded no document"), "{out}");
}
