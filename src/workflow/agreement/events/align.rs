//! Which events of two coders (or of many) are the same event: one-to-one alignment by event type and trigger.
//!
//! Strict alignment pairs events of the same type with the same trigger span; lenient alignment pairs events
//! of the same type whose triggers overlap. Both are greedy over the candidate pairs in one fixed order (the
//! largest overlap first, then the smaller union, then the earlier triggers in the text, then the lower
//! positions in the coders' lists, which are in event-id order), so the result never depends on hash order or
//! on which coder is called first beyond that order.

use super::super::Strictness;
use crate::model::{Event, Span};
use std::cmp::Reverse;

/// How many code points two spans share.
pub fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The order in which candidate pairs of spans are taken: the largest overlap first, then the smaller union
/// (so an exact match beats a longer span that overlaps as much), then the earlier spans in the text.
pub(super) type SpanRank = (Reverse<usize>, usize, Span, Span);

/// The rank of the pair (`a`, `b`) in that order.
pub(super) fn span_rank(a: Span, b: Span) -> SpanRank {
    let shared = overlap(a, b);
    (Reverse(shared), a.len() + b.len() - shared, a, b)
}

/// Takes candidate pairs `(rank, i, j)` in rank order (then by `i`, then `j`), keeping each whose two ends
/// are both still free: a one-to-one matching. The pairs come back sorted by `i`.
pub(super) fn greedy<K: Ord>(mut candidates: Vec<(K, usize, usize)>) -> Vec<(usize, usize)> {
    candidates.sort_unstable();
    let size = |f: fn(&(K, usize, usize)) -> usize| candidates.iter().map(f).max().map_or(0, |m| m + 1);
    let (mut used_first, mut used_second) = (vec![false; size(|c| c.1)], vec![false; size(|c| c.2)]);
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if !used_first[i] && !used_second[j] {
            used_first[i] = true;
            used_second[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

/// The pairs (i, j) of spans of `first` and `second` that overlap, without comparing every pair: `second`
/// sorted by start, only those starting less than its longest span before `a` starts, up to where `a` ends.
pub(super) fn overlapping_pairs(first: &[Span], second: &[Span]) -> Vec<(usize, usize)> {
    let mut by_start: Vec<(Span, usize)> = second.iter().copied().zip(0..).collect();
    by_start.sort_unstable();
    let longest = second.iter().map(Span::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for (i, a) in first.iter().enumerate() {
        let from = by_start.partition_point(|(b, _)| b.start + longest <= a.start);
        for (b, j) in by_start[from..].iter().take_while(|(b, _)| b.start < a.end) {
            if a.overlaps(b) {
                out.push((i, *j));
            }
        }
    }
    out
}

/// Whether two events may be aligned: the same type and, strictly, the same trigger; leniently, overlapping
/// triggers.
fn alignable(a: &Event, b: &Event, strictness: Strictness) -> bool {
    a.event_type == b.event_type
        && match strictness {
            Strictness::Strict => a.trigger == b.trigger,
            Strictness::Lenient => a.trigger.overlaps(&b.trigger),
        }
}

/// The candidate pairs of two coders' events with their ranks, before the greedy choice.
fn candidates(first: &[&Event], second: &[&Event], strictness: Strictness) -> Vec<(SpanRank, usize, usize)> {
    let triggers = |events: &[&Event]| events.iter().map(|e| e.trigger).collect::<Vec<Span>>();
    overlapping_pairs(&triggers(first), &triggers(second))
        .into_iter()
        .filter(|&(i, j)| alignable(first[i], second[j], strictness))
        .map(|(i, j)| (span_rank(first[i].trigger, second[j].trigger), i, j))
        .collect()
}

/// The events of two coders that are the same event, as pairs of positions in `first` and `second`, one to
/// one, sorted by the position in `first`. An event of one coder marked twice by the same type and trigger
/// pairs with at most one of the other coder's; an empty trigger (which validation refuses) with none.
pub fn align(first: &[&Event], second: &[&Event], strictness: Strictness) -> Vec<(usize, usize)> {
    greedy(candidates(first, second, strictness))
}

/// One event of a cluster: which coder (position in the list given to [`clusters`]) and which of that coder's
/// events (position in its list).
pub type Member = (usize, usize);

/// Groups the events of many coders into clusters of "the same event", at most one event per coder in each:
/// every pair of coders is aligned leniently ([`align`]), and the aligned pairs of all coder pairs are then
/// joined in their rank order (largest trigger overlap first, ties as in [`align`], then by coder), skipping a
/// join that would put two events of one coder in one cluster. Events no other coder has form clusters of
/// one. Clusters come back sorted by their first member, each sorted by coder.
pub fn clusters(coders: &[Vec<&Event>]) -> Vec<Vec<Member>> {
    let mut edges: Vec<(SpanRank, Member, Member)> = Vec::new();
    for (p, first) in coders.iter().enumerate() {
        for (q, second) in coders.iter().enumerate().skip(p + 1) {
            for (i, j) in align(first, second, Strictness::Lenient) {
                edges.push((span_rank(first[i].trigger, second[j].trigger), (p, i), (q, j)));
            }
        }
    }
    edges.sort();
    let members: Vec<Member> =
        coders.iter().enumerate().flat_map(|(p, events)| (0..events.len()).map(move |i| (p, i))).collect();
    // Each member's cluster, as an index into `groups`; joining moves the members of one group to the other.
    let index = |m: Member| members.binary_search(&m).unwrap_or(0);
    let mut group_of: Vec<usize> = (0..members.len()).collect();
    let mut groups: Vec<Vec<Member>> = members.iter().map(|&m| vec![m]).collect();
    for (_, a, b) in edges {
        let (ga, gb) = (group_of[index(a)], group_of[index(b)]);
        let shares_a_coder = groups[ga].iter().any(|(p, _)| groups[gb].iter().any(|(q, _)| p == q));
        if ga == gb || shares_a_coder {
            continue;
        }
        let moved = std::mem::take(&mut groups[gb]);
        for m in &moved {
            group_of[index(*m)] = ga;
        }
        groups[ga].extend(moved);
    }
    let mut out: Vec<Vec<Member>> = groups.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Attributes;

    fn ev(ty: &str, start: usize, end: usize) -> Event {
        Event {
            evidence: Default::default(),
            uid: None,
            event_type: ty.into(),
            trigger: Span::new(start, end),
            arguments: Vec::new(),
            attributes: Attributes::new(),
            note: String::new(),
            provenance: None,
            curation: None,
        }
    }

    #[test]
    fn strict_needs_the_same_trigger_and_type_lenient_an_overlap() {
        let a = [ev("ATTACK", 0, 4), ev("THREAT", 10, 15), ev("ATTACK", 20, 24)];
        let b = [ev("ATTACK", 0, 4), ev("ATTACK", 10, 15), ev("ATTACK", 21, 30)];
        let (ra, rb): (Vec<&Event>, Vec<&Event>) = (a.iter().collect(), b.iter().collect());
        assert_eq!(align(&ra, &rb, Strictness::Strict), vec![(0, 0)]);
        // The THREAT at 10..15 never pairs with an ATTACK; 20..24 and 21..30 overlap.
        assert_eq!(align(&ra, &rb, Strictness::Lenient), vec![(0, 0), (2, 2)]);
    }

    #[test]
    fn lenient_alignment_takes_the_largest_overlap_first_and_is_one_to_one() {
        // Nested triggers: «قصف مدفعي عنيف» 0..14 by one coder; «قصف» 0..3 and «مدفعي عنيف» 4..14 by the other.
        let a = [ev("ATTACK", 0, 14)];
        let b = [ev("ATTACK", 0, 3), ev("ATTACK", 4, 14)];
        let (ra, rb): (Vec<&Event>, Vec<&Event>) = (a.iter().collect(), b.iter().collect());
        assert_eq!(align(&ra, &rb, Strictness::Lenient), vec![(0, 1)], "10 shared code points beat 3");
        assert_eq!(align(&rb, &ra, Strictness::Lenient), vec![(1, 0)], "the same pair either way round");
        // An exact match beats a longer trigger that overlaps as much.
        let c = [ev("ATTACK", 0, 3), ev("ATTACK", 0, 8)];
        let rc: Vec<&Event> = c.iter().collect();
        assert_eq!(align(&rb[..1], &rc, Strictness::Lenient), vec![(0, 0)]);
        // Equal ranks: the earlier trigger of the other coder, deterministically.
        let d = [ev("ATTACK", 2, 6)];
        let e = [ev("ATTACK", 0, 4), ev("ATTACK", 4, 8)];
        let (rd, re): (Vec<&Event>, Vec<&Event>) = (d.iter().collect(), e.iter().collect());
        assert_eq!(align(&rd, &re, Strictness::Lenient), vec![(0, 0)]);
    }

    #[test]
    fn overlapping_pairs_are_those_a_comparison_of_every_pair_finds() {
        let spans: Vec<Span> = [(0, 14), (0, 3), (4, 14), (2, 6), (20, 21), (13, 40), (39, 41), (50, 50)]
            .map(|(s, e)| Span::new(s, e))
            .into();
        let others: Vec<Span> = spans.iter().rev().map(|s| Span::new(s.start + 1, s.end + 1)).collect();
        let mut brute = Vec::new();
        for (i, a) in spans.iter().enumerate() {
            for (j, b) in others.iter().enumerate() {
                if a.overlaps(b) {
                    brute.push((i, j));
                }
            }
        }
        let mut fast = overlapping_pairs(&spans, &others);
        fast.sort_unstable();
        assert_eq!(fast, brute);
    }

    #[test]
    fn a_trigger_marked_twice_pairs_once() {
        let a = [ev("ATTACK", 0, 4), ev("ATTACK", 0, 4)];
        let b = [ev("ATTACK", 0, 4)];
        let (ra, rb): (Vec<&Event>, Vec<&Event>) = (a.iter().collect(), b.iter().collect());
        assert_eq!(align(&ra, &rb, Strictness::Strict), vec![(0, 0)]);
        assert_eq!(align(&ra, &[], Strictness::Lenient), vec![]);
    }

    #[test]
    fn clusters_hold_at_most_one_event_per_coder() {
        // Coder 0: 0..10; coder 1: 0..4 and 6..10; coder 2: 3..7, overlapping both of coder 1's.
        let c0 = [ev("ATTACK", 0, 10)];
        let c1 = [ev("ATTACK", 0, 4), ev("ATTACK", 6, 10)];
        let c2 = [ev("ATTACK", 3, 7), ev("THREAT", 20, 25)];
        let coders: Vec<Vec<&Event>> = vec![c0.iter().collect(), c1.iter().collect(), c2.iter().collect()];
        // Pairs: 0–1 (0..10 with 0..4, overlap 4, before 6..10 by position), 0–2 (overlap 4), 1–2 (0..4 with
        // 3..7, overlap 1). All three join one cluster; coder 1's 6..10 and coder 2's THREAT stay alone.
        assert_eq!(clusters(&coders), vec![vec![(0, 0), (1, 0), (2, 0)], vec![(1, 1)], vec![(2, 1)]]);
        // A chain that would put two of one coder's events together is cut at its weakest link: coder 0's
        // 0..4 pairs with coder 1's 0..5 (overlap 4), coder 1's with coder 2's 3..8 (overlap 2, union 8), and
        // coder 2's with coder 0's 6..10 (overlap 2, union 7, taken first).
        let d0 = [ev("ATTACK", 0, 4), ev("ATTACK", 6, 10)];
        let d1 = [ev("ATTACK", 0, 5)];
        let d2 = [ev("ATTACK", 3, 8)];
        let coders: Vec<Vec<&Event>> = vec![d0.iter().collect(), d1.iter().collect(), d2.iter().collect()];
        assert_eq!(clusters(&coders), vec![vec![(0, 0), (1, 0)], vec![(0, 1), (2, 0)]]);
    }
}
