//! Agreement over a project: every pair of coders on the documents both coded, pooled.

use super::{SpanCounts, Strictness, clitic_counts, code_point_labels, cohen_kappa, fleiss_kappa, span_counts};
use crate::model::{Annotator, EntityTypeId, Layer};
use crate::store::Project;
use std::collections::BTreeMap;

/// Two coders' agreement on mentions over the documents both have a layer of.
#[derive(Clone, Debug, PartialEq)]
pub struct PairAgreement {
    /// The first coder.
    pub first: Annotator,
    /// The second coder.
    pub second: Annotator,
    /// Documents both coded.
    pub documents: usize,
    /// Same span and type.
    pub strict: SpanCounts,
    /// Overlapping span, same type.
    pub lenient: SpanCounts,
    /// Overlapping span, same type, the same words once clitics are stripped.
    pub clitic: SpanCounts,
    /// Cohen's kappa on the code points of those documents.
    pub kappa: Option<f64>,
}

/// The coders with a layer in any document (the project's documents are loaded first); the gold layer is no
/// coder.
pub fn coders(project: &Project) -> Vec<Annotator> {
    project.load_all();
    let mut out: Vec<Annotator> = project
        .documents()
        .iter()
        .filter_map(|d| d.loaded())
        .flat_map(|l| l.layers.keys().filter(|c| !c.is_gold()).cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn labelled(layer: &Layer) -> Vec<(crate::model::Span, EntityTypeId)> {
    layer.mentions.values().map(|m| (m.span, m.entity_type.clone())).collect()
}

/// Every pair of `coders`, pooled over the documents both coded (loaded first).
pub fn pairwise(project: &Project, coders: &[Annotator]) -> Vec<PairAgreement> {
    project.load_all();
    let mut out = Vec::new();
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let mut pair = PairAgreement {
                first: a.clone(),
                second: b.clone(),
                documents: 0,
                strict: SpanCounts::default(),
                lenient: SpanCounts::default(),
                clitic: SpanCounts::default(),
                kappa: None,
            };
            let (mut first_labels, mut second_labels) = (Vec::new(), Vec::new());
            for doc in project.documents().iter().filter_map(|d| d.loaded()) {
                let (Some(la), Some(lb)) = (doc.layers.get(a), doc.layers.get(b)) else { continue };
                let (ma, mb) = (labelled(la), labelled(lb));
                pair.documents += 1;
                pair.strict.add(span_counts(&ma, &mb, Strictness::Strict));
                pair.lenient.add(span_counts(&ma, &mb, Strictness::Lenient));
                pair.clitic.add(clitic_counts(&ma, &mb, |s| doc.text.slice(s).map(str::to_owned)));
                first_labels.extend(code_point_labels(doc.text.len_chars(), &ma));
                second_labels.extend(code_point_labels(doc.text.len_chars(), &mb));
            }
            pair.kappa = cohen_kappa(&first_labels, &second_labels);
            out.push(pair);
        }
    }
    out
}

/// Fleiss' kappa of all `coders` on the code points of the documents every one of them coded, and how many
/// documents that is.
pub fn fleiss(project: &Project, coders: &[Annotator]) -> (Option<f64>, usize) {
    project.load_all();
    let mut units: Vec<BTreeMap<Option<EntityTypeId>, usize>> = Vec::new();
    let mut documents = 0;
    for doc in project.documents().iter().filter_map(|d| d.loaded()) {
        let layers: Option<Vec<&Layer>> = coders.iter().map(|c| doc.layers.get(c)).collect();
        let Some(layers) = layers else { continue };
        documents += 1;
        let start = units.len();
        units.resize(start + doc.text.len_chars(), BTreeMap::new());
        for layer in layers {
            for (unit, label) in
                units[start..].iter_mut().zip(code_point_labels(doc.text.len_chars(), &labelled(layer)))
            {
                *unit.entry(label).or_default() += 1;
            }
        }
    }
    (fleiss_kappa(&units), documents)
}
