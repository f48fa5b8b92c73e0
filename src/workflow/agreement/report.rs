//! The span agreement report of a selection: every pair's F1 (strict, lenient, clitic-lenient) and Cohen's
//! kappa, pooled and per document, per type, with bootstrap intervals over documents; the type confusion of
//! each pair; Fleiss' kappa, Krippendorff's alpha on code points and alpha-U over all coders.

use super::bootstrap::{Interval, bootstrap_many};
use super::labels::{Coincidences, PairTable, label_indices, unit_sums};
use super::select::{DocMentions, SpanData};
use super::sums::{Layout, MatchCounts};
use super::unitizing::{CategorySums, alpha_u};
use super::{Confusion, Labelled, add_confusion};
use crate::model::{Annotator, DocId, EntityTypeId};

/// F1 figures pooled over documents, with their bootstrap intervals (strict, lenient, clitic-lenient).
#[derive(Clone, Debug, PartialEq)]
pub struct Pooled {
    /// The counts, summed over documents.
    pub counts: MatchCounts,
    /// The 95% intervals of the three F1s, in the order strict, lenient, clitic-lenient.
    pub intervals: [Option<Interval>; 3],
}

/// One document's figures for a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct DocFigures {
    /// The document.
    pub document: DocId,
    /// Its counts.
    pub counts: MatchCounts,
    /// Cohen's kappa on its code points.
    pub kappa: Option<f64>,
}

/// Two coders' agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct PairReport {
    /// The first coder.
    pub first: Annotator,
    /// The second coder.
    pub second: Annotator,
    /// Documents both coded.
    pub documents: usize,
    /// F1 pooled over those documents.
    pub pooled: Pooled,
    /// Cohen's kappa on their code points, and its interval.
    pub kappa: (Option<f64>, Option<Interval>),
    /// Counts per entity type (of the report's types, in order).
    pub per_type: Vec<MatchCounts>,
    /// Each document both coded.
    pub per_document: Vec<DocFigures>,
    /// The type confusion.
    pub confusion: Confusion,
}

/// One entity type over all pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeReport {
    /// The type.
    pub entity_type: EntityTypeId,
    /// F1 with every pair's counts added.
    pub pooled: Pooled,
    /// Alpha-U of the type over the documents every coder coded.
    pub alpha_u: Option<f64>,
}

/// Every span measure of a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanReport {
    /// The coders.
    pub coders: Vec<Annotator>,
    /// The documents selected.
    pub documents: usize,
    /// Every pair of coders.
    pub pairs: Vec<PairReport>,
    /// F1 with every pair's counts added.
    pub overall: Pooled,
    /// Each entity type.
    pub per_type: Vec<TypeReport>,
    /// Documents every coder coded (Fleiss' kappa and alpha-U use these).
    pub all_coded: usize,
    /// Fleiss' kappa on the code points of those documents, and its interval.
    pub fleiss: (Option<f64>, Option<Interval>),
    /// Krippendorff's alpha (nominal) on the code points of every document, a coder without a layer missing.
    pub alpha: Option<f64>,
    /// Alpha-U over all types, on the documents every coder coded.
    pub alpha_u: Option<f64>,
}

/// What one document adds: its sums (see [`Layout`]), each pair's figures and confusion, its coincidences.
struct DocPart {
    sums: Vec<u64>,
    pairs: Vec<Option<(DocFigures, Confusion)>>,
    coincidences: Coincidences,
}

/// One coder's mentions of a document by type, in the report's type order.
fn by_type(mentions: &[Labelled], types: &[EntityTypeId]) -> Vec<Vec<Labelled>> {
    types.iter().map(|t| mentions.iter().filter(|(_, ty)| ty == t).cloned().collect()).collect()
}

/// One coder's layer of a document as the measures read it: the mentions, each code point's label, and the
/// mentions by type.
type CoderDoc<'a> = (&'a Vec<Labelled>, Vec<u16>, Vec<Vec<Labelled>>);

fn doc_part(doc: &DocMentions, data: &SpanData, layout: &Layout, categories: &mut [CategorySums]) -> DocPart {
    let len = doc.text.len_chars();
    let k = data.types.len() + 1;
    let present: Vec<Option<CoderDoc>> = data
        .coders
        .iter()
        .map(|c| doc.layers.get(c).map(|ms| (ms, label_indices(len, ms, &data.types), by_type(ms, &data.types))))
        .collect();
    let mut sums = vec![0; layout.len()];
    let slice = |s| doc.text.slice(s).map(str::to_owned);
    let mut pairs = Vec::new();
    for (p, (a, b)) in layout.pairs().enumerate() {
        let (Some((ma, la, ta)), Some((mb, lb, tb))) = (&present[a], &present[b]) else {
            pairs.push(None);
            continue;
        };
        let mut counts = MatchCounts::default();
        for (t, (xa, xb)) in ta.iter().zip(tb).enumerate() {
            let c = MatchCounts::of(xa, xb, slice);
            layout.put_counts(&mut sums, layout.pair_type(p, t), &c);
            counts.add(&c);
        }
        let mut table = PairTable::new(k);
        table.count(la, lb);
        layout.put_table(&mut sums, p, &table);
        let mut confusion = Confusion::new();
        add_confusion(&mut confusion, ma, mb);
        pairs.push(Some((DocFigures { document: doc.id.clone(), counts, kappa: table.cohen() }, confusion)));
    }
    let labelled: Vec<Vec<u16>> = present.iter().flatten().map(|(_, l, _)| l.clone()).collect();
    let (fleiss, coincidences) = unit_sums(&labelled, k);
    if labelled.len() == data.coders.len() {
        layout.put_fleiss(&mut sums, &fleiss);
        for (t, category) in categories.iter_mut().enumerate() {
            let ranges: Vec<Vec<(usize, usize)>> = present
                .iter()
                .flatten()
                .map(|(_, _, types)| types[t].iter().map(|(s, _)| (s.start, s.end)).collect())
                .collect();
            category.add_document(len, &ranges);
        }
    }
    DocPart { sums, pairs, coincidences }
}

/// Every span measure of `data`, with `resamples` bootstrap resamples drawn from `seed`.
pub fn span_report(data: &SpanData, resamples: usize, seed: u64) -> SpanReport {
    let layout = Layout::new(data.coders.len(), data.types.len());
    let mut categories = vec![CategorySums::default(); data.types.len()];
    let parts: Vec<DocPart> = data.documents.iter().map(|d| doc_part(d, data, &layout, &mut categories)).collect();
    let per_doc: Vec<Vec<u64>> = parts.iter().map(|p| p.sums.clone()).collect();
    let mut total = vec![0; layout.len()];
    for s in &per_doc {
        Layout::add(&mut total, s);
    }
    let figures = |s: &Vec<u64>| layout.figures(s, data.coders.len());
    let intervals = bootstrap_many(&per_doc, |a: &mut Vec<u64>, b| Layout::add(a, b), figures, resamples, seed);
    let mut coincidences = Coincidences::default();
    for p in &parts {
        coincidences.add(&p.coincidences);
    }
    let all_coded = data.documents.iter().filter(|d| d.layers.len() == data.coders.len()).count();
    let length =
        data.documents.iter().filter(|d| d.layers.len() == data.coders.len()).map(|d| d.text.len_chars()).sum();
    let (alpha_u_all, alpha_u_each) = alpha_u(&categories, data.coders.len(), length);
    let mut intervals = intervals.into_iter();
    let mut next3 = || [intervals.next().flatten(), intervals.next().flatten(), intervals.next().flatten()];
    let pairs = pair_reports(data, &layout, &total, &parts, &mut next3);
    let overall = Pooled { counts: layout.overall(&total), intervals: next3() };
    let per_type = data
        .types
        .iter()
        .zip(alpha_u_each)
        .enumerate()
        .map(|(t, (ty, au))| TypeReport {
            entity_type: ty.clone(),
            pooled: Pooled { counts: layout.type_total(&total, t), intervals: next3() },
            alpha_u: au,
        })
        .collect();
    let fleiss = (layout.fleiss(&total, data.coders.len()).kappa(), next3()[0]);
    SpanReport {
        coders: data.coders.clone(),
        documents: data.documents.len(),
        pairs,
        overall,
        per_type,
        all_coded,
        fleiss,
        alpha: coincidences.alpha(),
        alpha_u: alpha_u_all,
    }
}

/// Each pair's report; `next3` hands out the bootstrap intervals in [`Layout::figures`]' order (three F1s,
/// then the kappa and two unused, per pair).
fn pair_reports(
    data: &SpanData,
    layout: &Layout,
    total: &[u64],
    parts: &[DocPart],
    next3: &mut impl FnMut() -> [Option<Interval>; 3],
) -> Vec<PairReport> {
    layout
        .pairs()
        .enumerate()
        .map(|(p, (a, b))| {
            let docs: Vec<&(DocFigures, Confusion)> = parts.iter().filter_map(|d| d.pairs[p].as_ref()).collect();
            let mut confusion = Confusion::new();
            for (_, c) in &docs {
                for (key, n) in c {
                    *confusion.entry(key.clone()).or_default() += n;
                }
            }
            PairReport {
                first: data.coders[a].clone(),
                second: data.coders[b].clone(),
                documents: docs.len(),
                pooled: Pooled { counts: layout.pair_total(total, p), intervals: next3() },
                kappa: (layout.cohen(total, p), next3()[0]),
                per_type: (0..data.types.len()).map(|t| layout.counts(total, layout.pair_type(p, t))).collect(),
                per_document: docs.into_iter().map(|(f, _)| f.clone()).collect(),
                confusion,
            }
        })
        .collect()
}

/// The F1s of pooled counts in the order of [`Pooled::intervals`].
pub fn f1s(counts: &MatchCounts) -> [Option<f64>; 3] {
    [counts.strict.f1(), counts.lenient.f1(), counts.clitic.f1()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocText, Span};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn m(start: usize, end: usize, ty: &str) -> Labelled {
        (Span::new(start, end), EntityTypeId::new(ty))
    }

    /// Documents of 30 code points, each given as every coder's mentions (`None`: the coder did not code it).
    fn data(docs: &[Vec<Option<Vec<Labelled>>>]) -> SpanData {
        let coders: Vec<Annotator> = ["a", "b", "c"].iter().map(|n| Annotator::parse(n).unwrap()).collect();
        let documents = docs
            .iter()
            .enumerate()
            .map(|(i, layers)| DocMentions {
                id: DocId::parse(&format!("d{i}")).unwrap(),
                text: Arc::new(DocText::new("كتائب حزب الله في مدينة الميادين".chars().take(30).collect())),
                layers: coders
                    .iter()
                    .zip(layers)
                    .filter_map(|(c, l)| l.clone().map(|l| (c.clone(), l)))
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect();
        SpanData { coders, types: vec![EntityTypeId::new("ACTOR"), EntityTypeId::new("LOCATION")], documents }
    }

    #[test]
    fn perfect_agreement_is_one_everywhere() {
        let layer = vec![m(0, 14, "ACTOR"), m(18, 23, "LOCATION")];
        let r = span_report(&data(&[vec![Some(layer.clone()); 3], vec![Some(layer); 3]]), 100, 1);
        assert_eq!(f1s(&r.overall.counts), [Some(1.0); 3]);
        assert!(r.pairs.iter().all(|p| p.kappa.0 == Some(1.0) && p.per_document.len() == 2));
        assert_eq!((r.fleiss.0, r.alpha, r.alpha_u), (Some(1.0), Some(1.0), Some(1.0)));
        assert_eq!(r.overall.intervals[0].map(|i| (i.low, i.high)), Some((1.0, 1.0)));
    }

    #[test]
    fn a_silent_coder_and_a_document_not_coded() {
        // Document 0: a and b agree, c coded it and marked nothing. Document 1: c did not code it; a and b
        // mark the same place as different types.
        let d0 = vec![Some(vec![m(0, 5, "ACTOR")]), Some(vec![m(0, 5, "ACTOR")]), Some(vec![])];
        let d1 = vec![Some(vec![m(6, 14, "ACTOR")]), Some(vec![m(6, 14, "LOCATION")]), None];
        let r = span_report(&data(&[d0, d1]), 100, 1);
        let (ab, ac) = (&r.pairs[0], &r.pairs[1]);
        assert_eq!((ab.documents, ac.documents, r.all_coded), (2, 1, 1));
        // a–b: one of two agrees each way; per document 1 and 0.
        assert_eq!(ab.pooled.counts.strict.f1(), Some(0.5));
        let per_doc: Vec<Option<f64>> = ab.per_document.iter().map(|d| d.counts.strict.f1()).collect();
        assert_eq!(per_doc, [Some(1.0), Some(0.0)]);
        // a–c: c silent.
        assert_eq!(ac.pooled.counts.lenient.f1(), Some(0.0));
        let key = |a: Option<&str>, b: Option<&str>| (a.map(EntityTypeId::new), b.map(EntityTypeId::new));
        assert_eq!(ab.confusion[&key(Some("ACTOR"), Some("LOCATION"))], 1);
        assert_eq!(ac.confusion[&key(Some("ACTOR"), None)], 1);
        // Per type: LOCATION was marked once, by b, against nothing.
        assert_eq!(r.per_type[1].pooled.counts.strict.f1(), Some(0.0));
    }

    #[test]
    fn nested_and_overlapping_spans_agree_leniently_only() {
        // a marks «كتائب حزب الله» and «حزب الله» inside it; b only the inner one.
        let d = vec![
            Some(vec![m(0, 14, "ACTOR"), m(6, 14, "ACTOR")]),
            Some(vec![m(6, 14, "ACTOR")]),
            Some(vec![m(6, 14, "ACTOR")]),
        ];
        let r = span_report(&data(&[d]), 10, 1);
        let ab = &r.pairs[0];
        // Strict: P = 1/1, R = 1/2; lenient: both of a's overlap b's.
        assert!((ab.pooled.counts.strict.f1().unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(ab.pooled.counts.lenient.f1(), Some(1.0));
        assert_eq!(r.pairs[2].pooled.counts.strict.f1(), Some(1.0), "b and c agree");
    }
}
