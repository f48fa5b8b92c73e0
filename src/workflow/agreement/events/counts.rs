//! Trigger and argument agreement between two coders' layers of one document, as counts that add over
//! documents before F1 is taken.

use super::super::{SpanCounts, Strictness};
use super::align::{align, greedy, span_rank};
use crate::model::{ActorId, Event, Layer, RoleId, Span};

/// How two arguments of aligned events must agree to count as the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgumentMatch {
    /// The same role, filled by the same span.
    Strict,
    /// The same role, filled by overlapping spans.
    Lenient,
    /// The same role, filled by the same registry actor when both fillers are linked to one (wherever the two
    /// spans are); otherwise, as [`ArgumentMatch::Lenient`], by overlapping spans.
    Actor,
}

/// Two coders' agreement on the events of some documents, as counts that add over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventCounts {
    /// Events aligned strictly (same type, same trigger).
    pub triggers_strict: SpanCounts,
    /// Events aligned leniently (same type, overlapping triggers), one to one.
    pub triggers_lenient: SpanCounts,
    /// Arguments of leniently aligned events with the same role and filler span.
    pub arguments_strict: SpanCounts,
    /// Arguments of leniently aligned events with the same role and overlapping filler spans.
    pub arguments_lenient: SpanCounts,
    /// Arguments of leniently aligned events with the same role and the same linked actor (or, unless both
    /// fillers are linked, overlapping filler spans).
    pub arguments_actor: SpanCounts,
}

impl EventCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: EventCounts) {
        self.triggers_strict.add(other.triggers_strict);
        self.triggers_lenient.add(other.triggers_lenient);
        self.arguments_strict.add(other.arguments_strict);
        self.arguments_lenient.add(other.arguments_lenient);
        self.arguments_actor.add(other.arguments_actor);
    }

    /// The five F1s, in this order: triggers strict and lenient, arguments strict, lenient and by actor.
    pub fn f1s(&self) -> [Option<f64>; 5] {
        [
            self.triggers_strict.f1(),
            self.triggers_lenient.f1(),
            self.arguments_strict.f1(),
            self.arguments_lenient.f1(),
            self.arguments_actor.f1(),
        ]
    }

    /// The counts of two coders' layers of one document, on the events `keep` admits (by type, say).
    pub fn of(first: &Layer, second: &Layer, keep: impl Fn(&Event) -> bool) -> EventCounts {
        let a: Vec<&Event> = first.events.values().filter(|e| keep(e)).collect();
        let b: Vec<&Event> = second.events.values().filter(|e| keep(e)).collect();
        let triggers = |matched: usize| SpanCounts {
            first: a.len(),
            second: b.len(),
            first_matched: matched,
            second_matched: matched,
        };
        let (fa, fb) = (fillers_of(first, &a), fillers_of(second, &b));
        let aligned = align(&a, &b, Strictness::Lenient);
        let arguments = |how| argument_counts(&fa, &fb, &aligned, how);
        EventCounts {
            triggers_strict: triggers(align(&a, &b, Strictness::Strict).len()),
            triggers_lenient: triggers(aligned.len()),
            arguments_strict: arguments(ArgumentMatch::Strict),
            arguments_lenient: arguments(ArgumentMatch::Lenient),
            arguments_actor: arguments(ArgumentMatch::Actor),
        }
    }
}

/// One argument as agreement sees it: its role, and its filler's span and linked actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filler<'a> {
    /// The role it fills.
    pub role: &'a RoleId,
    /// The filling mention's span.
    pub span: Span,
    /// The registry actor the filling mention is linked to.
    pub actor: Option<&'a ActorId>,
}

/// Each event's arguments as fillers. An argument whose mention is missing from the layer (which validation
/// reports) is left out.
fn fillers_of<'a>(layer: &'a Layer, events: &[&'a Event]) -> Vec<Vec<Filler<'a>>> {
    events
        .iter()
        .map(|e| {
            e.arguments
                .iter()
                .filter_map(|arg| {
                    let m = layer.mentions.get(&arg.mention)?;
                    Some(Filler { role: &arg.role, span: m.span, actor: m.actor.as_ref() })
                })
                .collect()
        })
        .collect()
}

/// Whether two arguments agree as `how` asks.
fn same_argument(a: &Filler, b: &Filler, how: ArgumentMatch) -> bool {
    a.role == b.role
        && match (how, a.actor, b.actor) {
            (ArgumentMatch::Strict, _, _) => a.span == b.span,
            (ArgumentMatch::Actor, Some(x), Some(y)) => x == y,
            (ArgumentMatch::Lenient | ArgumentMatch::Actor, _, _) => a.span.overlaps(&b.span),
        }
}

/// How many arguments of two aligned events agree, one to one: greedy over the agreeing pairs, those linked
/// to the same actor first (by actor only), then the largest filler overlap first (ties as for triggers).
pub fn matched_arguments(first: &[Filler], second: &[Filler], how: ArgumentMatch) -> usize {
    let mut candidates = Vec::new();
    for (i, a) in first.iter().enumerate() {
        for (j, b) in second.iter().enumerate() {
            if same_argument(a, b, how) {
                let by_actor = how == ArgumentMatch::Actor && a.actor.is_some() && b.actor.is_some();
                candidates.push(((!by_actor, span_rank(a.span, b.span)), i, j));
            }
        }
    }
    greedy(candidates).len()
}

/// The argument counts of two coders' events (`first[i]` the fillers of the first coder's event i), given
/// which events are aligned: every argument counts, and only arguments of aligned events can match.
pub fn argument_counts(
    first: &[Vec<Filler>],
    second: &[Vec<Filler>],
    aligned: &[(usize, usize)],
    how: ArgumentMatch,
) -> SpanCounts {
    let matched: usize = aligned.iter().map(|&(i, j)| matched_arguments(&first[i], &second[j], how)).sum();
    SpanCounts {
        first: first.iter().map(Vec::len).sum(),
        second: second.iter().map(Vec::len).sum(),
        first_matched: matched,
        second_matched: matched,
    }
}

#[cfg(test)]
mod tests;
