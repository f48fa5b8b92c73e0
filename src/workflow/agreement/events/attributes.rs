//! An event attribute's values as numbers for Krippendorff's alpha, and the metric its kind calls for.
//!
//! Boolean and unordered choices are nominal; a choice list is ordinal when it is ordered (see
//! [`ordered_choices`]); numbers are interval; dates are interval on days since 1970-01-01; free text is not
//! compared.

use super::super::Metric;
use super::align::Member;
use crate::model::{AttrValue, AttributeDef, AttributeKind, Event};

/// Attributes of the default schema whose choices are listed in their order, smallest first (the schema
/// itself cannot say so): a date's precision, from a day to a year.
pub const ORDERED_CHOICE_ATTRIBUTES: &[&str] = &["date_precision"];

/// The ranks of an ordered choice list, by choice, or `None` when the list is unordered. A list is ordered
/// when its attribute is named in [`ORDERED_CHOICE_ATTRIBUTES`] (rank: the position in the list) or when
/// every choice is a number such as `"0"`, `"1"`, `"2.5"` (rank: the number), which lets any schema declare
/// an ordinal scale without a change to the model.
pub fn ordered_choices(def: &AttributeDef) -> Option<Vec<f64>> {
    let AttributeKind::Choice(choices) = &def.kind else { return None };
    let numbers: Option<Vec<f64>> =
        choices.iter().map(|c| c.trim().parse::<f64>().ok().filter(|v| v.is_finite())).collect();
    match numbers {
        Some(numbers) if !numbers.is_empty() => Some(numbers),
        _ => {
            ORDERED_CHOICE_ATTRIBUTES.contains(&def.id.as_str()).then(|| (0..choices.len()).map(|i| i as f64).collect())
        }
    }
}

/// The metric alpha uses for this attribute's values; `None` for free text, which is not compared.
pub fn metric_of(def: &AttributeDef) -> Option<Metric> {
    match &def.kind {
        AttributeKind::Boolean => Some(Metric::Nominal),
        AttributeKind::Choice(_) if ordered_choices(def).is_some() => Some(Metric::Ordinal),
        AttributeKind::Choice(_) => Some(Metric::Nominal),
        AttributeKind::Number | AttributeKind::Date => Some(Metric::Interval),
        AttributeKind::Text => None,
    }
}

/// A value as the number alpha compares: a boolean as 0 or 1, a choice as its position in the list (its rank
/// when the list is ordered), a number as itself, a date as [`date_days`]. `None` for a value that does not
/// fit the attribute's kind (a choice not in the list, a malformed date, free text), which gives no value.
pub fn value_of(def: &AttributeDef, value: &AttrValue) -> Option<f64> {
    value_ranked(def, ordered_choices(def).as_deref(), value)
}

/// [`value_of`] with the attribute's [`ordered_choices`] worked out once by the caller.
fn value_ranked(def: &AttributeDef, ranks: Option<&[f64]>, value: &AttrValue) -> Option<f64> {
    match (&def.kind, value) {
        (AttributeKind::Boolean, AttrValue::Bool(b)) => Some(f64::from(u8::from(*b))),
        (AttributeKind::Choice(choices), AttrValue::Choice(c)) => {
            let position = choices.iter().position(|x| x == c)?;
            Some(ranks.map_or(position as f64, |ranks| ranks[position]))
        }
        (AttributeKind::Number, AttrValue::Number(n)) => n.is_finite().then_some(*n),
        (AttributeKind::Date, AttrValue::Date(d)) => date_days(d),
        _ => None,
    }
}

/// One unit per cluster of aligned events of one document (`clusters` of the events `coders` made, from
/// [`super::clusters`]): the values of `def` that the cluster's events carry (an event without the attribute,
/// or of a type it does not apply to, gives none).
pub fn attribute_units(def: &AttributeDef, coders: &[Vec<&Event>], clusters: &[Vec<Member>]) -> Vec<Vec<f64>> {
    let applies = |e: &Event| def.types.is_empty() || def.types.iter().any(|t| t == e.event_type.as_str());
    let ranks = ordered_choices(def);
    clusters
        .iter()
        .map(|cluster| {
            cluster
                .iter()
                .map(|&(p, i)| coders[p][i])
                .filter(|e| applies(e))
                .filter_map(|e| value_ranked(def, ranks.as_deref(), e.attributes.get(&def.id)?))
                .collect()
        })
        .collect()
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (negative before).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Howard Hinnant's `days_from_civil`: years counted from March, so the leap day ends a year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// How many days a month of a year has.
fn days_in_month(year: i64, month: i64) -> i64 {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    days_from_civil(next_year, next_month, 1) - days_from_civil(year, month, 1)
}

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as days since 1970-01-01. A partial date stands for the middle
/// of the period it names, halfway between its first and its last day: `2024` is day 19905.5 (between the
/// 1st and the 2nd of July), `2024-02` is day 19768.0 (the 15th). `None` for anything else, or a day the
/// calendar lacks.
pub fn date_days(text: &str) -> Option<f64> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let widths_ok = parts.len() <= 3 && parts.iter().zip([4, 2, 2]).all(|(p, w)| p.len() == w);
    if !widths_ok || parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok());
    let year = number(0)?;
    let (first, last) = match (number(1), number(2)) {
        (None, _) => (days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)),
        (Some(m), day) if (1..=12).contains(&m) => match day {
            None => (days_from_civil(year, m, 1), days_from_civil(year, m, days_in_month(year, m))),
            Some(d) if (1..=days_in_month(year, m)).contains(&d) => {
                let day = days_from_civil(year, m, d);
                (day, day)
            }
            Some(_) => return None,
        },
        _ => return None,
    };
    Some((first + last) as f64 / 2.0)
}

#[cfg(test)]
mod tests;
