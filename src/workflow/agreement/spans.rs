//! Span agreement between two coders: matched mentions, strict or lenient, counted so that counts over many
//! documents add up before F1 is taken.

use crate::model::{EntityTypeId, Span};
use crate::text::matching::stems;

/// One coder's mention as agreement sees it: where, and of which type.
pub type Labelled = (Span, EntityTypeId);

/// How two mentions must agree to count as the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// The same span and the same type.
    Strict,
    /// Overlapping spans and the same type.
    Lenient,
}

/// What two coders' mentions of some documents have in common, as counts that add over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Mentions of the first coder.
    pub first: usize,
    /// Mentions of the second coder.
    pub second: usize,
    /// The first coder's mentions that the second has too.
    pub first_matched: usize,
    /// The second coder's mentions that the first has too.
    pub second_matched: usize,
}

impl SpanCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: SpanCounts) {
        self.first += other.first;
        self.second += other.second;
        self.first_matched += other.first_matched;
        self.second_matched += other.second_matched;
    }

    /// F1 of the second coder against the first: the harmonic mean of the share of the second's mentions the
    /// first has (precision) and of the first's the second has (recall). Symmetric in the two coders. `None`
    /// when neither coder marked anything (nothing to agree or disagree on).
    pub fn f1(&self) -> Option<f64> {
        if self.first + self.second == 0 {
            return None;
        }
        if self.first == 0 || self.second == 0 {
            return Some(0.0);
        }
        let precision = self.second_matched as f64 / self.second as f64;
        let recall = self.first_matched as f64 / self.first as f64;
        if precision + recall == 0.0 { Some(0.0) } else { Some(2.0 * precision * recall / (precision + recall)) }
    }
}

/// The counts of one document's mentions by two coders. Strict matching pairs equal mentions one to one (a
/// mention marked twice by one coder and once by the other matches once); lenient matching counts a mention
/// as matched when the other coder has an overlapping mention of its type.
pub fn span_counts(first: &[Labelled], second: &[Labelled], strictness: Strictness) -> SpanCounts {
    let (first_matched, second_matched) = match strictness {
        Strictness::Strict => {
            let mut unused: Vec<&Labelled> = second.iter().collect();
            let mut matched = 0;
            for m in first {
                if let Some(i) = unused.iter().position(|o| *o == m) {
                    unused.swap_remove(i);
                    matched += 1;
                }
            }
            (matched, matched)
        }
        Strictness::Lenient => {
            let has = |ms: &[Labelled], (span, ty): &Labelled| ms.iter().any(|(s, t)| t == ty && s.overlaps(span));
            (first.iter().filter(|m| has(second, m)).count(), second.iter().filter(|m| has(first, m)).count())
        }
    };
    SpanCounts { first: first.len(), second: second.len(), first_matched, second_matched }
}

/// Whether two phrases are the same words once each word's clitics are stripped (`والميادين` and
/// `الميادين`): as many words, and each pair sharing a reading of the matcher's clitic stems.
pub fn clitic_equal(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    wa.len() == wb.len()
        && wa.iter().zip(&wb).all(|(x, y)| {
            let sx = stems(x);
            stems(y).iter().any(|s| sx.iter().any(|t| t.text == s.text))
        })
}

/// The counts of one document's mentions by two coders, matched clitic-leniently: the other coder has a
/// mention of the same type, overlapping it, whose words equal its words once clitics are stripped.
/// `text` gives a span's text.
pub fn clitic_counts(first: &[Labelled], second: &[Labelled], text: impl Fn(Span) -> Option<String>) -> SpanCounts {
    let same = |(sa, ta): &Labelled, (sb, tb): &Labelled| {
        ta == tb && sa.overlaps(sb) && text(*sa).zip(text(*sb)).is_some_and(|(a, b)| clitic_equal(&a, &b))
    };
    let first_matched = first.iter().filter(|m| second.iter().any(|o| same(m, o))).count();
    let second_matched = second.iter().filter(|m| first.iter().any(|o| same(o, m))).count();
    SpanCounts { first: first.len(), second: second.len(), first_matched, second_matched }
}

/// Each code point's label in a text of `len` code points: the type of the shortest mention covering it (the
/// innermost of nested mentions; the first type in order among equal ones), `None` outside every mention.
pub fn code_point_labels(len: usize, mentions: &[Labelled]) -> Vec<Option<EntityTypeId>> {
    let mut best: Vec<Option<&Labelled>> = vec![None; len];
    for m in mentions {
        let (span, ty) = m;
        for slot in best.iter_mut().take(span.end.min(len)).skip(span.start) {
            let better = slot.is_none_or(|(s, t)| span.len() < s.len() || (span.len() == s.len() && ty < t));
            if better {
                *slot = Some(m);
            }
        }
    }
    best.into_iter().map(|m| m.map(|(_, t)| t.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, ty: &str) -> Labelled {
        (Span::new(start, end), EntityTypeId::new(ty))
    }

    #[test]
    fn perfect_agreement_is_one_and_no_overlap_is_zero() {
        let a = [m(0, 4, "ACTOR"), m(10, 15, "LOCATION")];
        for strictness in [Strictness::Strict, Strictness::Lenient] {
            assert_eq!(span_counts(&a, &a, strictness).f1(), Some(1.0));
            assert_eq!(span_counts(&a, &[m(20, 25, "ACTOR")], strictness).f1(), Some(0.0));
        }
    }

    #[test]
    fn a_silent_coder_scores_zero_and_two_silent_coders_have_no_score() {
        assert_eq!(span_counts(&[m(0, 4, "ACTOR")], &[], Strictness::Strict).f1(), Some(0.0));
        assert_eq!(span_counts(&[], &[], Strictness::Strict).f1(), None);
    }

    #[test]
    fn other_boundaries_count_only_leniently_and_another_type_never() {
        // The clitic left out by one coder: «والميادين» 0..9 against «الميادين» 1..9.
        let a = [m(0, 9, "LOCATION"), m(20, 24, "ACTOR")];
        let b = [m(1, 9, "LOCATION"), m(20, 24, "SOURCE")];
        assert_eq!(span_counts(&a, &b, Strictness::Strict).f1(), Some(0.0));
        // Leniently the location matches both ways: P = R = 1/2.
        assert_eq!(span_counts(&a, &b, Strictness::Lenient).f1(), Some(0.5));
    }

    #[test]
    fn counts_pool_over_documents_before_the_ratio() {
        // Document 1: 1 of 1 agreed; document 2: 0 of 3 against 1. Averaging per document would give 0.5.
        let mut pooled = span_counts(&[m(0, 2, "ACTOR")], &[m(0, 2, "ACTOR")], Strictness::Strict);
        pooled.add(span_counts(
            &[m(0, 2, "ACTOR"), m(3, 5, "ACTOR"), m(6, 8, "ACTOR")],
            &[m(9, 10, "ACTOR")],
            Strictness::Strict,
        ));
        // P = 1/2 (of the second's 2), R = 1/4 (of the first's 4): F1 = 2 * 1/8 / (3/4) = 1/3.
        assert!((pooled.f1().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn clitic_leniency_lies_between_strict_and_lenient() {
        let text = "والميادين مدينة البوكمال";
        let slice = |s: Span| Some(text.chars().skip(s.start).take(s.len()).collect::<String>());
        // «والميادين» 0..9 against «الميادين» 1..9: the same word once «و» is stripped.
        let a = [m(0, 9, "LOCATION"), m(10, 24, "LOCATION")];
        // «البوكمال» 16..24 inside «مدينة البوكمال» 10..24: overlapping, but not the same words.
        let b = [m(1, 9, "LOCATION"), m(16, 24, "LOCATION")];
        assert_eq!(span_counts(&a, &b, Strictness::Strict).f1(), Some(0.0));
        assert_eq!(clitic_counts(&a, &b, slice).f1(), Some(0.5));
        assert_eq!(span_counts(&a, &b, Strictness::Lenient).f1(), Some(1.0));
        assert!(clitic_equal("بالميادين", "الميادين") && !clitic_equal("الميادين", "البوكمال"));
    }

    #[test]
    fn nested_mentions_label_each_code_point_with_the_innermost() {
        // «كتائب حزب الله» 0..14 as ACTOR with «حزب الله» 6..14 inside it as ACTOR of another kind.
        let labels = code_point_labels(16, &[m(0, 14, "ACTOR"), m(6, 14, "SOURCE")]);
        assert_eq!(labels[0].as_ref().map(|t| t.as_str()), Some("ACTOR"));
        assert_eq!(labels[6].as_ref().map(|t| t.as_str()), Some("SOURCE"));
        assert_eq!(labels[15], None);
    }
}
