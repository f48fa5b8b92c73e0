//! Attribute values, metrics, and alpha per attribute on hand-made events with known answers.

use super::super::clusters;
use super::*;
use crate::model::{AttributeId, AttributeTarget, Attributes, Span};
use crate::workflow::agreement::krippendorff_alpha;

fn def(id: &str, kind: AttributeKind) -> AttributeDef {
    AttributeDef {
        id: AttributeId::from(id),
        name: id.to_owned(),
        target: AttributeTarget::Event,
        kind,
        types: Vec::new(),
    }
}

fn choice(id: &str, choices: &[&str]) -> AttributeDef {
    def(id, AttributeKind::Choice(choices.iter().map(|&c| c.to_owned()).collect()))
}

#[test]
fn dates_are_days_since_1970_and_partial_dates_their_period_s_middle() {
    // From Python: `(date(2024, 3, 15) - date(1970, 1, 1)).days` is 19797.
    assert_eq!(date_days("1970-01-01"), Some(0.0));
    assert_eq!(date_days("2024-03-15"), Some(19797.0));
    assert_eq!(date_days("1969-12-31"), Some(-1.0));
    // February 2024 runs from day 19754 to day 19782 (a leap year); 2023 from 19358 to 19722.
    assert_eq!(date_days("2024-02"), Some(19768.0));
    assert_eq!(date_days("2023"), Some(19540.0));
    assert_eq!(date_days("2024"), Some(19905.5));
    for bad in ["2024-02-30", "2023-02-29", "2024-13", "24-01-01", "2024/01/01", "", "2024-1-01", "soon"] {
        assert_eq!(date_days(bad), None, "{bad}");
    }
    assert_eq!(date_days("2024-02-29"), Some(19782.0));
}

#[test]
fn the_kind_gives_the_metric_and_numbered_or_listed_choices_are_ordinal() {
    assert_eq!(metric_of(&choice("modality", &["asserted", "denied"])), Some(Metric::Nominal));
    assert_eq!(metric_of(&choice("date_precision", &["day", "week", "month", "year"])), Some(Metric::Ordinal));
    assert_eq!(metric_of(&choice("severity", &["1", "2", "10"])), Some(Metric::Ordinal));
    assert_eq!(metric_of(&def("fatalities", AttributeKind::Number)), Some(Metric::Interval));
    assert_eq!(metric_of(&def("date", AttributeKind::Date)), Some(Metric::Interval));
    assert_eq!(metric_of(&def("uncertain", AttributeKind::Boolean)), Some(Metric::Nominal));
    assert_eq!(metric_of(&def("summary", AttributeKind::Text)), None);
}

#[test]
fn values_become_numbers_and_misfits_give_none() {
    let precision = choice("date_precision", &["day", "week", "month", "year"]);
    assert_eq!(value_of(&precision, &AttrValue::Choice("month".into())), Some(2.0));
    let severity = choice("severity", &["10", "1", "2"]);
    assert_eq!(value_of(&severity, &AttrValue::Choice("10".into())), Some(10.0), "the number is the rank");
    assert_eq!(value_of(&severity, &AttrValue::Choice("3".into())), None, "not one of the choices");
    assert_eq!(value_of(&def("b", AttributeKind::Boolean), &AttrValue::Bool(true)), Some(1.0));
    assert_eq!(value_of(&def("n", AttributeKind::Number), &AttrValue::Number(3.5)), Some(3.5));
    assert_eq!(value_of(&def("n", AttributeKind::Number), &AttrValue::Text("3".into())), None);
    assert_eq!(value_of(&def("d", AttributeKind::Date), &AttrValue::Date("1970-01-02".into())), Some(1.0));
    assert_eq!(value_of(&def("t", AttributeKind::Text), &AttrValue::Text("x".into())), None);
}

/// An event of `ty` at `start..end` with one attribute value (or none).
fn ev(ty: &str, start: usize, end: usize, value: Option<(&str, AttrValue)>) -> Event {
    Event {
        evidence: Default::default(),
        uid: None,
        event_type: ty.into(),
        trigger: Span::new(start, end),
        arguments: Vec::new(),
        attributes: value.into_iter().map(|(k, v)| (AttributeId::from(k), v)).collect::<Attributes>(),
        note: String::new(),
        provenance: None,
        curation: None,
    }
}

/// Alpha of `def` over the coders' events of one document, clustered.
fn alpha(def: &AttributeDef, coders: &[Vec<Event>]) -> Option<f64> {
    let refs: Vec<Vec<&Event>> = coders.iter().map(|c| c.iter().collect()).collect();
    let units = attribute_units(def, &refs, &clusters(&refs));
    krippendorff_alpha(&units, metric_of(def)?)
}

fn modality(v: &str) -> Option<(&'static str, AttrValue)> {
    Some(("modality", AttrValue::Choice(v.to_owned())))
}

#[test]
fn alpha_per_attribute_is_one_on_agreement_and_undefined_when_one_coder_is_silent() {
    let def = choice("modality", &["asserted", "denied", "claimed"]);
    let coder = || vec![ev("ATTACK", 0, 4, modality("asserted")), ev("ATTACK", 10, 14, modality("denied"))];
    assert_eq!(alpha(&def, &[coder(), coder(), coder()]), Some(1.0));
    // A silent coder, or events that do not align (another type, no overlap), leave nothing pairable.
    assert_eq!(alpha(&def, &[coder(), Vec::new()]), None);
    let elsewhere = vec![ev("THREAT", 0, 4, modality("asserted")), ev("ATTACK", 20, 24, modality("denied"))];
    assert_eq!(alpha(&def, &[coder(), elsewhere]), None);
}

#[test]
fn nested_triggers_compare_their_attributes_and_a_missing_value_gives_none() {
    let def = choice("modality", &["asserted", "denied", "claimed"]);
    let a = vec![ev("ATTACK", 0, 9, modality("asserted")), ev("ATTACK", 20, 24, modality("denied"))];
    // «قصف» 0..3 inside «قصف مدفعي» 0..9: the same event leniently, so its modality is compared.
    let b = vec![ev("ATTACK", 0, 3, modality("asserted")), ev("ATTACK", 20, 24, modality("denied"))];
    assert_eq!(alpha(&def, &[a.clone(), b]), Some(1.0));
    // A third coder with the second event's modality left empty adds nothing to that unit.
    let c = vec![ev("ATTACK", 1, 5, modality("asserted")), ev("ATTACK", 20, 24, None)];
    assert_eq!(alpha(&def, &[a.clone(), c.clone()]), None, "one pairable unit, no variation");
    let d = vec![ev("ATTACK", 0, 9, modality("claimed")), ev("ATTACK", 20, 24, modality("denied"))];
    // Units {asserted, claimed} and {denied, denied}: 1 − (n − 1) · D_o / D_e = 1 − 3 · 2 / 10 = 0.4.
    let got = alpha(&def, &[a, d]).unwrap();
    assert!((got - 0.4).abs() < 1e-12, "{got}");
}

/// Three coders, five events of the first (date precision day, month, year, week, day); the second lacks the
/// last, the third the third, and marks the first with a nested trigger. Ranks by coder, `.` for none:
/// `[[0,2,3,1,0],[0,2,2,1,.],[1,2,.,0,.]]`; `krippendorff.alpha(reliability_data=..., level_of_measurement=
/// "ordinal")` (package 0.9.0) gives 0.7817281728172817, and "nominal" 0.3023255813953488.
#[test]
fn an_ordered_choice_is_ordinal_and_equals_the_reference_package() {
    let def = choice("date_precision", &["day", "week", "month", "year"]);
    let p = |v: &str| Some(("date_precision", AttrValue::Choice(v.to_owned())));
    let triggers = [(0, 4), (10, 14), (20, 24), (30, 34), (40, 44)];
    let coder = |values: [Option<&str>; 5], first: (usize, usize)| -> Vec<Event> {
        let mut t = triggers;
        t[0] = first;
        t.iter().zip(values).filter_map(|((s, e), v)| Some(ev("ATTACK", *s, *e, p(v?)))).collect()
    };
    let c0 = coder([Some("day"), Some("month"), Some("year"), Some("week"), Some("day")], (0, 4));
    let c1 = coder([Some("day"), Some("month"), Some("month"), Some("week"), None], (0, 4));
    let c2 = coder([Some("week"), Some("month"), None, Some("day"), None], (0, 2));
    let got = alpha(&def, &[c0.clone(), c1.clone(), c2.clone()]).unwrap();
    assert!((got - 0.7817281728172817).abs() < 1e-12, "{got}");
    let nominal = choice("other", &["day", "week", "month", "year"]);
    let relabel = |c: &[Event]| -> Vec<Event> {
        c.iter()
            .cloned()
            .map(|mut e| {
                e.attributes = e.attributes.into_values().map(|v| (AttributeId::from("other"), v)).collect();
                e
            })
            .collect()
    };
    let got = alpha(&nominal, &[relabel(&c0), relabel(&c1), relabel(&c2)]).unwrap();
    assert!((got - 0.3023255813953488).abs() < 1e-12, "{got}");
}

/// Dates as days: 2021-06-28 (18806), 2021-06 (its middle, 18793.5), 2021 (its middle, 18810), 2021-07-01
/// (18809). Units {18806, 18806, 18793.5} and {18810, 18809}; `krippendorff.alpha(reliability_data=
/// [[18806, 18810], [18806, 18809], [18793.5, nan]], level_of_measurement="interval")` gives
/// 0.28196347031963476.
#[test]
fn dates_are_compared_on_days_and_equal_the_reference_package() {
    let def = def("event_date", AttributeKind::Date);
    let d = |v: &str| Some(("event_date", AttrValue::Date(v.to_owned())));
    let coders = [
        vec![ev("ATTACK", 0, 4, d("2021-06-28")), ev("THREAT", 10, 14, d("2021"))],
        vec![ev("ATTACK", 0, 4, d("2021-06-28")), ev("THREAT", 10, 14, d("2021-07-01"))],
        vec![ev("ATTACK", 0, 4, d("2021-06"))],
    ];
    let got = alpha(&def, &coders).unwrap();
    assert!((got - 0.28196347031963476).abs() < 1e-12, "{got}");
}

#[test]
fn an_attribute_limited_to_some_types_ignores_the_others() {
    let mut def = choice("modality", &["asserted", "denied"]);
    def.types = vec!["THREAT".to_owned()];
    let a = vec![ev("ATTACK", 0, 4, modality("asserted")), ev("THREAT", 10, 14, modality("denied"))];
    let b = vec![ev("ATTACK", 0, 4, modality("denied")), ev("THREAT", 10, 14, modality("denied"))];
    assert_eq!(alpha(&def, &[a, b]), None, "only the THREAT unit counts, and it has no variation");
}
