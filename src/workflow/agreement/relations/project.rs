//! Relation agreement over documents: for each kind, every pair of coders (relation F1 with the same ends and
//! type, Cohen's kappa and the confusion of labels on the units both labelled) and Krippendorff's alpha
//! (nominal) over all chosen coders, a coder without both ends of a unit missing from it.

use super::units::{CoderRelations, Ends, RelationKind, matched, units_of};
use crate::model::{Annotator, DocId, Layer};
use crate::store::Project;
use crate::workflow::agreement::{Interval, Metric, SpanCounts, ValueCoincidences, bootstrap, cohen_kappa};
use std::collections::{BTreeMap, BTreeSet};

/// Counts of (first coder's label, second coder's label) on the units both labelled.
pub type LabelConfusion = BTreeMap<(String, String), usize>;

/// Two coders' agreement on one kind of relation.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationPair {
    /// The first coder.
    pub first: Annotator,
    /// The second coder.
    pub second: Annotator,
    /// Documents both have a layer of.
    pub documents: usize,
    /// Each coder's relations and those the other has too (the same ends and type), added over documents.
    pub counts: SpanCounts,
    /// Units (pairs of ends one of the two related) that both labelled: both marked both ends.
    pub units: usize,
    /// Units one of the two related whose ends the other did not both mark: no label, so outside kappa.
    pub unpaired: usize,
    /// Cohen's kappa on the labels of those units ("none" a label like any type).
    pub kappa: Option<f64>,
    /// The labels of those units, first coder against second.
    pub confusion: LabelConfusion,
    /// Each document's counts, in document order.
    pub per_document: Vec<(DocId, SpanCounts)>,
}

impl RelationPair {
    /// A bootstrap 95% interval of the F1 over the documents.
    pub fn f1_interval(&self, resamples: usize, seed: u64) -> Option<Interval> {
        let per_doc: Vec<SpanCounts> = self.per_document.iter().map(|(_, c)| *c).collect();
        bootstrap(&per_doc, |sum, c| sum.add(*c), SpanCounts::f1, resamples, seed)
    }
}

/// Agreement on one kind of relation.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationAgreement {
    /// Which relations.
    pub kind: RelationKind,
    /// The chosen coders' relations of this kind, all added.
    pub relations: usize,
    /// Every pair of coders.
    pub pairs: Vec<RelationPair>,
    /// Units with labels from at least two coders.
    pub units: usize,
    /// The labels in those units.
    pub values: usize,
    /// Krippendorff's alpha (nominal) over all chosen coders; `None` when undefined.
    pub alpha: Option<f64>,
    /// Each document's coincidences, in document order; alpha is that of their sum.
    pub per_document: Vec<(DocId, ValueCoincidences)>,
}

impl RelationAgreement {
    /// A bootstrap 95% interval of alpha over the documents.
    pub fn alpha_interval(&self, resamples: usize, seed: u64) -> Option<Interval> {
        let per_doc: Vec<ValueCoincidences> = self.per_document.iter().map(|(_, c)| c.clone()).collect();
        bootstrap(&per_doc, |sum, c| sum.add(c), |sum| sum.alpha(Metric::Nominal), resamples, seed)
    }
}

/// One document's layers, one per chosen coder (`None`: the coder has no layer of it).
pub type DocLayers<'a> = (DocId, Vec<Option<&'a Layer>>);

/// Agreement on both kinds of relation ([`RelationKind::ALL`]) among `coders` over the project's documents
/// (those in `documents`, or all), loaded first.
pub fn relation_agreement(
    project: &Project,
    coders: &[Annotator],
    documents: Option<&BTreeSet<DocId>>,
) -> Vec<RelationAgreement> {
    project.load_all();
    let docs: Vec<DocLayers> = project
        .documents()
        .iter()
        .filter(|d| documents.is_none_or(|ids| ids.contains(&d.id)))
        .filter_map(|d| Some((d.id.clone(), d.loaded()?)))
        .map(|(id, doc)| (id, coders.iter().map(|c| doc.layers.get(c)).collect()))
        .collect();
    RelationKind::ALL.iter().map(|&kind| agreement_of(kind, coders, &docs)).collect()
}

/// Agreement on `kind` among `coders` on these documents' layers (each document's list in `coders`' order).
pub fn agreement_of(kind: RelationKind, coders: &[Annotator], docs: &[DocLayers]) -> RelationAgreement {
    let read: Vec<(DocId, Vec<Option<CoderRelations>>)> = docs
        .iter()
        .map(|(id, layers)| (id.clone(), layers.iter().map(|l| l.map(|l| CoderRelations::of(l, kind))).collect()))
        .collect();
    let pairs = (0..coders.len())
        .flat_map(|a| (a + 1..coders.len()).map(move |b| (a, b)))
        .map(|(a, b)| pair(coders, a, b, &read))
        .collect();
    // One number per label, the same in every document, so that the documents' tables add up.
    let mut labels: Vec<String> = Vec::new();
    let mut units: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (d, (_, layers)) in read.iter().enumerate() {
        let refs: Vec<Option<&CoderRelations>> = layers.iter().map(Option::as_ref).collect();
        let doc_units: Vec<Vec<String>> =
            units_of(&refs).iter().map(|u| refs.iter().flatten().filter_map(|c| c.label(u)).collect()).collect();
        labels.extend(doc_units.iter().flatten().cloned());
        units.push((d, doc_units));
    }
    labels.sort();
    labels.dedup();
    let number = |l: &String| labels.binary_search(l).unwrap_or(0) as f64;
    let mut out = RelationAgreement {
        kind,
        relations: read.iter().flat_map(|(_, ls)| ls.iter().flatten()).map(CoderRelations::count).sum(),
        pairs,
        units: 0,
        values: 0,
        alpha: None,
        per_document: Vec::new(),
    };
    let mut sum = ValueCoincidences::default();
    for (d, doc_units) in units {
        let values: Vec<Vec<f64>> = doc_units.iter().map(|u| u.iter().map(number).collect()).collect();
        let pairable = values.iter().filter(|u| u.len() >= 2);
        out.units += pairable.clone().count();
        out.values += pairable.map(Vec::len).sum::<usize>();
        let table = ValueCoincidences::of(&values);
        sum.add(&table);
        out.per_document.push((read[d].0.clone(), table));
    }
    out.alpha = sum.alpha(Metric::Nominal);
    out
}

/// Coders `a` and `b` (indices into `coders`) over the documents both have a layer of.
fn pair(coders: &[Annotator], a: usize, b: usize, read: &[(DocId, Vec<Option<CoderRelations>>)]) -> RelationPair {
    let mut out = RelationPair {
        first: coders[a].clone(),
        second: coders[b].clone(),
        documents: 0,
        counts: SpanCounts::default(),
        units: 0,
        unpaired: 0,
        kappa: None,
        confusion: LabelConfusion::new(),
        per_document: Vec::new(),
    };
    let (mut first_labels, mut second_labels) = (Vec::new(), Vec::new());
    for (id, layers) in read {
        let (Some(x), Some(y)) = (&layers[a], &layers[b]) else { continue };
        out.documents += 1;
        let shared = matched(x, y);
        let counts = SpanCounts { first: x.count(), second: y.count(), first_matched: shared, second_matched: shared };
        out.counts.add(counts);
        out.per_document.push((id.clone(), counts));
        let units: Vec<Ends> = units_of(&[Some(x), Some(y)]);
        for unit in &units {
            match (x.label(unit), y.label(unit)) {
                (Some(p), Some(q)) => {
                    *out.confusion.entry((p.clone(), q.clone())).or_default() += 1;
                    first_labels.push(p);
                    second_labels.push(q);
                }
                _ => out.unpaired += 1,
            }
        }
    }
    out.units = first_labels.len();
    out.kappa = cohen_kappa(&first_labels, &second_labels);
    out
}
