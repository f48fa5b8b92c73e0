//! Event agreement over a project: every pair of coders pooled over the documents both coded, and alpha per
//! event attribute over the events of all chosen coders.

use super::super::{Interval, Metric, ValueCoincidences, bootstrap, bootstrap_many};
use super::align::clusters;
use super::attributes::{attribute_units, metric_of};
use super::counts::EventCounts;
use crate::model::{Annotator, AttributeDef, AttributeId, AttributeTarget, DocId, Event, EventTypeId, Layer};
use crate::store::{LoadedDoc, Project};
use std::collections::BTreeSet;

/// Which documents and event types agreement looks at; `None` means all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventScope {
    /// Only these documents.
    pub documents: Option<BTreeSet<DocId>>,
    /// Only events of these types.
    pub types: Option<BTreeSet<EventTypeId>>,
}

impl EventScope {
    /// Whether an event is in scope.
    pub fn keeps(&self, event: &Event) -> bool {
        self.types.as_ref().is_none_or(|t| t.contains(&event.event_type))
    }

    /// The loaded documents in scope, with their ids (the project's documents are loaded first).
    fn documents<'p>(&self, project: &'p Project) -> impl Iterator<Item = (&'p DocId, &'p LoadedDoc)> {
        project.load_all();
        project
            .documents()
            .iter()
            .filter(|d| self.documents.as_ref().is_none_or(|ids| ids.contains(&d.id)))
            .filter_map(|d| Some((&d.id, d.loaded()?)))
    }
}

/// Two coders' agreement on events over the documents both have a layer of.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPairAgreement {
    /// The first coder.
    pub first: Annotator,
    /// The second coder.
    pub second: Annotator,
    /// The counts of all those documents, added.
    pub pooled: EventCounts,
    /// Each document's counts, in document order.
    pub per_document: Vec<(DocId, EventCounts)>,
}

impl EventPairAgreement {
    /// Bootstrap 95% intervals of the five F1s ([`EventCounts::f1s`], in that order) over the documents:
    /// `resamples` draws of the per-document counts with replacement, from a generator seeded with `seed`.
    pub fn intervals(&self, resamples: usize, seed: u64) -> [Option<Interval>; 5] {
        let per_doc: Vec<EventCounts> = self.per_document.iter().map(|(_, c)| *c).collect();
        let drawn = bootstrap_many(&per_doc, |sum, c| sum.add(*c), |c| c.f1s().to_vec(), resamples, seed);
        std::array::from_fn(|i| drawn.get(i).copied().flatten())
    }
}

/// Every pair of `coders` on events, pooled over the documents in `scope` both coded.
pub fn event_pairwise(project: &Project, coders: &[Annotator], scope: &EventScope) -> Vec<EventPairAgreement> {
    let mut out = Vec::new();
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let mut pair = EventPairAgreement {
                first: a.clone(),
                second: b.clone(),
                pooled: EventCounts::default(),
                per_document: Vec::new(),
            };
            for (id, doc) in scope.documents(project) {
                let (Some(la), Some(lb)) = (doc.layers.get(a), doc.layers.get(b)) else { continue };
                let counts = EventCounts::of(la, lb, |e| scope.keeps(e));
                pair.pooled.add(counts);
                pair.per_document.push((id.clone(), counts));
            }
            out.push(pair);
        }
    }
    out
}

/// Krippendorff's alpha of one event attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeAgreement {
    /// The attribute.
    pub attribute: AttributeId,
    /// The metric its kind calls for.
    pub metric: Metric,
    /// Units (clusters of aligned events) with values from at least two coders.
    pub units: usize,
    /// The values in those units.
    pub values: usize,
    /// Alpha; `None` when undefined (no pairable values, or no variation).
    pub alpha: Option<f64>,
    /// Each document's coincidences, in document order; alpha is that of their sum.
    pub per_document: Vec<(DocId, ValueCoincidences)>,
}

impl AttributeAgreement {
    /// A bootstrap 95% interval of alpha over the documents: `resamples` draws of the documents' coincidences
    /// with replacement, from a generator seeded with `seed`.
    pub fn interval(&self, resamples: usize, seed: u64) -> Option<Interval> {
        let per_doc: Vec<ValueCoincidences> = self.per_document.iter().map(|(_, c)| c.clone()).collect();
        bootstrap(&per_doc, |sum, c| sum.add(c), |sum| sum.alpha(self.metric), resamples, seed)
    }
}

/// Alpha per event attribute of the schema (free-text attributes left out), over the events of `coders` in
/// `scope`: in each document, the events of the coders who have a layer of it are clustered
/// ([`super::clusters`]) and each cluster is a unit.
pub fn attribute_alpha(project: &Project, coders: &[Annotator], scope: &EventScope) -> Vec<AttributeAgreement> {
    let defs: Vec<(&AttributeDef, Metric)> = project
        .config()
        .schema
        .attributes
        .iter()
        .filter(|d| d.target == AttributeTarget::Event)
        .filter_map(|d| Some((d, metric_of(d)?)))
        .collect();
    let mut out: Vec<AttributeAgreement> = defs
        .iter()
        .map(|(def, metric)| AttributeAgreement {
            attribute: def.id.clone(),
            metric: *metric,
            units: 0,
            values: 0,
            alpha: None,
            per_document: Vec::new(),
        })
        .collect();
    let mut sums = vec![ValueCoincidences::default(); defs.len()];
    for (id, doc) in scope.documents(project) {
        let layers: Vec<&Layer> = coders.iter().filter_map(|c| doc.layers.get(c)).collect();
        let events: Vec<Vec<&Event>> =
            layers.iter().map(|l| l.events.values().filter(|e| scope.keeps(e)).collect()).collect();
        let groups = clusters(&events);
        for (((def, _), agreement), sum) in defs.iter().zip(&mut out).zip(&mut sums) {
            let units = attribute_units(def, &events, &groups);
            let pairable = units.iter().filter(|u| u.len() >= 2);
            agreement.units += pairable.clone().count();
            agreement.values += pairable.map(Vec::len).sum::<usize>();
            let table = ValueCoincidences::of(&units);
            sum.add(&table);
            agreement.per_document.push((id.clone(), table));
        }
    }
    for (agreement, sum) in out.iter_mut().zip(&sums) {
        agreement.alpha = sum.alpha(agreement.metric);
    }
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    fn counts(first: usize, second: usize, matched: usize) -> EventCounts {
        let c = super::super::super::SpanCounts { first, second, first_matched: matched, second_matched: matched };
        EventCounts {
            triggers_strict: c,
            triggers_lenient: c,
            arguments_strict: c,
            arguments_lenient: c,
            arguments_actor: c,
        }
    }

    fn pair(per_document: Vec<EventCounts>) -> EventPairAgreement {
        let mut pooled = EventCounts::default();
        for c in &per_document {
            pooled.add(*c);
        }
        EventPairAgreement {
            first: Annotator::parse("huda").unwrap(),
            second: Annotator::parse("omar").unwrap(),
            pooled,
            per_document: per_document
                .into_iter()
                .enumerate()
                .map(|(i, c)| (DocId::parse(&format!("d{i}")).unwrap(), c))
                .collect(),
        }
    }

    #[test]
    fn documents_that_agree_alike_give_an_interval_of_one_point_and_none_give_none() {
        // Every document 2 of 4 against 2 of 4: any resample pools to F1 = 0.5.
        let same = pair(vec![counts(4, 4, 2); 5]);
        for interval in same.intervals(200, 1) {
            let i = interval.unwrap();
            assert!((i.low - 0.5).abs() < 1e-12 && (i.high - 0.5).abs() < 1e-12, "{i:?}");
        }
        assert_eq!(pair(Vec::new()).intervals(200, 1), [None; 5]);
    }

    #[test]
    fn the_interval_brackets_the_pooled_figure_and_repeats_with_its_seed() {
        let p = pair(vec![counts(4, 4, 4), counts(4, 4, 0), counts(6, 2, 1), counts(3, 3, 3), counts(5, 5, 2)]);
        let f1 = p.pooled.triggers_strict.f1().unwrap();
        let i = p.intervals(500, 7)[0].unwrap();
        assert!(i.low < f1 && f1 < i.high, "{i:?} around {f1}");
        assert_eq!(p.intervals(500, 7), p.intervals(500, 7));
    }

    #[test]
    fn an_attribute_s_interval_is_a_point_when_every_document_agrees_alike() {
        // Each document: one unit {0, 0} and one {1, 0}, so every resample of four sums the same table as the
        // four documents do (alpha depends on the number of values too: one document alone has alpha 0).
        let table = ValueCoincidences::of(&[vec![0.0, 0.0], vec![1.0, 0.0]]);
        let mut sum = ValueCoincidences::default();
        for _ in 0..4 {
            sum.add(&table);
        }
        // n = 16, D_o ∝ 8 and D_e ∝ 2 · 12 · 4: alpha = 1 − 15 · 8 / 96 = −0.25.
        let alpha = sum.alpha(Metric::Nominal).unwrap();
        assert!((alpha + 0.25).abs() < 1e-12 && table.alpha(Metric::Nominal) == Some(0.0), "{alpha}");
        let per_document = (0..4).map(|i| (DocId::parse(&format!("d{i}")).unwrap(), table.clone())).collect::<Vec<_>>();
        let a = AttributeAgreement {
            attribute: AttributeId::from("modality"),
            metric: Metric::Nominal,
            units: 8,
            values: 16,
            alpha: Some(alpha),
            per_document,
        };
        let i = a.interval(100, 3).unwrap();
        assert!((i.low - alpha).abs() < 1e-12 && (i.high - alpha).abs() < 1e-12, "{i:?} against {alpha}");
        assert_eq!(AttributeAgreement { per_document: Vec::new(), ..a }.interval(100, 3), None);
    }
}
