//! The learner as a whole: entity types, the gazetteer and the perceptron; training on coded examples and
//! predicting mentions with a confidence each.

use super::features::features;
use super::gazetteer::Gazetteer;
use super::perceptron::{Perceptron, Sequence};
use super::tokens::{decode, encode, span_of, tokenize};
use crate::model::{DocText, EntityTypeId, Span};
use std::sync::Arc;

/// Passes over the training examples. More rarely helps an averaged perceptron on a few thousand tokens.
pub const EPOCHS: usize = 6;

/// One coded text: the mentions the coder made in it.
#[derive(Clone, Debug)]
pub struct Example {
    /// The text.
    pub text: Arc<DocText>,
    /// The coder's mentions: span and entity type.
    pub mentions: Vec<(Span, EntityTypeId)>,
}

/// A mention the learner proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Predicted {
    /// What it covers.
    pub span: Span,
    /// Its entity type.
    pub entity_type: EntityTypeId,
    /// How sure the learner is, 0..1: the smallest margin of its tokens (and of the token after it, which
    /// could have continued it) squashed by `1 - exp(-margin / scale)`, the scale taken from the margins of the
    /// training tokens.
    pub confidence: f64,
}

/// A text as the learner sees it: its tokens and their confidence.
#[derive(Clone, Debug, Default)]
pub struct Tagged {
    /// The mentions found.
    pub mentions: Vec<Predicted>,
    /// Each token's span and confidence in its tag (mention or not), 0..1.
    pub tokens: Vec<(Span, f64)>,
}

impl Tagged {
    /// The learner's uncertainty about the text: the mean over its tokens of one minus the confidence.
    pub fn uncertainty(&self) -> f64 {
        if self.tokens.is_empty() {
            return 0.0;
        }
        self.tokens.iter().map(|(_, c)| 1.0 - c).sum::<f64>() / self.tokens.len() as f64
    }

    /// The learner's uncertainty about `span`: one minus the least confidence of the tokens it overlaps
    /// (1 when it overlaps none).
    pub fn uncertainty_of(&self, span: Span) -> f64 {
        let from = self.tokens.partition_point(|(t, _)| t.end <= span.start);
        let least = self.tokens[from..]
            .iter()
            .take_while(|(t, _)| t.start < span.end)
            .map(|(_, c)| *c)
            .fold(f64::INFINITY, f64::min);
        if least.is_finite() { 1.0 - least } else { 1.0 }
    }
}

/// A trained learner.
#[derive(Clone, Debug)]
pub struct Learner {
    types: Vec<EntityTypeId>,
    gazetteer: Gazetteer,
    model: Perceptron,
    tokens: usize,
    /// The margin that reads as a confidence of about 0.63 (see [`margin_scale`]).
    scale: f32,
}

/// A margin as a confidence in 0..1: `1 - exp(-margin / scale)`.
fn squash(margin: f32, scale: f32) -> f64 {
    1.0 - (-f64::from(margin) / f64::from(scale)).exp()
}

/// How large a margin is for this model: a fifth of the median margin of the tokens it trained on. An averaged
/// perceptron's scores grow with the data it saw, so a fixed squashing would call every span certain; measured
/// this way, on the generated corpus of tests/learner.rs the median span it gets right scores 0.8 to 1.0 and the
/// median wrong one 0.3 to 0.6, after 5 to 80 training documents.
fn margin_scale<'a>(model: &Perceptron, texts: impl Iterator<Item = &'a [Vec<u64>]>) -> f32 {
    let mut margins: Vec<f32> = texts.flat_map(|f| model.decode(f).margins).filter(|m| m.is_finite()).collect();
    if margins.is_empty() {
        return 1.0;
    }
    let mid = margins.len() / 2;
    let (_, median, _) = margins.select_nth_unstable_by(mid, f32::total_cmp);
    (*median / 5.0).max(1e-3)
}

impl Learner {
    /// Trains on `examples` with the registry's names in `gazetteer`.
    pub fn train(examples: &[Example], gazetteer: Gazetteer) -> Self {
        let mut types: Vec<EntityTypeId> =
            examples.iter().flat_map(|e| e.mentions.iter().map(|(_, t)| t.clone())).collect();
        types.sort();
        types.dedup();
        let prepared: Vec<(Vec<Vec<u64>>, Vec<usize>)> = examples
            .iter()
            .map(|e| {
                let tokens = tokenize(&e.text);
                let typed: Vec<(Span, usize)> =
                    e.mentions.iter().filter_map(|(s, t)| types.binary_search(t).ok().map(|k| (*s, k))).collect();
                (features(&e.text, &tokens, &gazetteer), encode(&tokens.tokens, &typed))
            })
            .collect();
        let tokens = prepared.iter().map(|(_, t)| t.len()).sum();
        let sequences: Vec<Sequence<'_>> = prepared.iter().map(|(f, t)| Sequence { features: f, tags: t }).collect();
        let model = Perceptron::train(1 + 2 * types.len(), &sequences, EPOCHS, 0x5eed);
        let scale = margin_scale(&model, prepared.iter().map(|(f, _)| f.as_slice()));
        Self { types, gazetteer, model, tokens, scale }
    }

    /// How many tokens it trained on.
    pub fn trained_tokens(&self) -> usize {
        self.tokens
    }

    /// The entity types it learnt.
    pub fn types(&self) -> &[EntityTypeId] {
        &self.types
    }

    /// The mentions it finds in `text`, and its confidence in each token.
    pub fn tag(&self, text: &DocText) -> Tagged {
        let all = tokenize(text);
        let feats = features(text, &all, &self.gazetteer);
        let tokens = &all.tokens;
        let decoded = self.model.decode(&feats);
        let confidence: Vec<f64> = decoded.margins.iter().map(|m| squash(*m, self.scale)).collect();
        let mentions = decode(&decoded.tags)
            .into_iter()
            .filter_map(|(range, ty)| {
                let least =
                    confidence[range.start..(range.end + 1).min(tokens.len())].iter().copied().fold(1.0, f64::min);
                Some(Predicted {
                    span: span_of(tokens, &range),
                    entity_type: self.types.get(ty)?.clone(),
                    confidence: least,
                })
            })
            .collect();
        Tagged { mentions, tokens: tokens.iter().map(|t| t.span).zip(confidence).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, mentions: &[(&str, &str)]) -> Example {
        let t = DocText::new(text.to_owned());
        let mentions = mentions
            .iter()
            .map(|(phrase, ty)| {
                let b = text.find(phrase).unwrap();
                let start = text[..b].chars().count();
                (Span::new(start, start + phrase.chars().count()), EntityTypeId::new(*ty))
            })
            .collect();
        Example { text: Arc::new(t), mentions }
    }

    #[test]
    fn it_finds_a_place_it_saw_after_a_new_clitic() {
        let train = [
            example("قصفت الميليشيا مدينة الميادين أمس", &[("الميليشيا", "ACTOR"), ("الميادين", "LOCATION")]),
            example("انسحبت الميليشيا من الميادين", &[("الميليشيا", "ACTOR"), ("الميادين", "LOCATION")]),
            example("وصلت القوات إلى دير الزور", &[("القوات", "ACTOR"), ("دير الزور", "LOCATION")]),
        ];
        let learner = Learner::train(&train, Gazetteer::default());
        let text = DocText::new("اشتباكات بالميادين".to_owned());
        let tagged = learner.tag(&text);
        let found: Vec<_> =
            tagged.mentions.iter().map(|m| (text.slice(m.span).unwrap(), m.entity_type.as_str())).collect();
        assert_eq!(found, [("الميادين", "LOCATION")]);
        assert!(tagged.mentions[0].confidence > 0.0 && tagged.mentions[0].confidence <= 1.0);
        assert!(tagged.uncertainty() > 0.0);
    }
}
