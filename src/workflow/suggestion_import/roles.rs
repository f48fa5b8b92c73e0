//! The role fillers of an event suggestion, checked while its item is planned: the role must be one of the
//! event type's (matched by id regardless of case and of `-`, ` ` and `_`), the filler's label an entity type
//! the role takes (through the source's mapping, like an item's label), its span as good as an item's. One bad
//! filler refuses the whole item, with a reason that names the filler and its role: half an event is not
//! proposed.

use super::{DocInfo, Refused, span_at};
use crate::formats::suggestions::{RawItem, RawRole, RefusalKind};
use crate::formats::type_labels::fold;
use crate::model::{EventType, LabelTarget, Role, Schema, SuggestedLabel, SuggestedRole};

/// The checked role fillers of `item`, whose label is `label`; `target` gives a model label's mapping.
pub(super) fn check(
    info: &mut DocInfo,
    item: &RawItem,
    label: &SuggestedLabel,
    schema: &Schema,
    target: &mut impl FnMut(&str) -> Option<LabelTarget>,
) -> Result<Vec<SuggestedRole>, Refused> {
    let Some(first) = item.roles.first() else { return Ok(Vec::new()) };
    let event = match label {
        SuggestedLabel::Event(t) => schema.event_type(t),
        SuggestedLabel::Entity(t) => {
            let reason = format!("a mention ({t}) has no roles; only an event suggestion carries role fillers");
            return Err((RefusalKind::Unsupported, named(1, first, &reason)));
        }
    };
    // The label was mapped to an event type of the schema just before.
    let Some(event) = event else { return Ok(Vec::new()) };
    let mut out: Vec<SuggestedRole> = Vec::new();
    for (i, raw) in item.roles.iter().enumerate() {
        let at = |(kind, reason): Refused| (kind, named(i + 1, raw, &reason));
        let role = role_of(event, raw).map_err(at)?;
        let entity_type = filler_type(role, raw, target).map_err(at)?;
        let span = span_at(info, (raw.start, raw.end), item.unit, raw.text.as_deref()).map_err(at)?;
        let filler = SuggestedRole { role: role.id.clone(), span, entity_type };
        if let Some(j) = out.iter().position(|r| *r == filler) {
            return Err(at((RefusalKind::Duplicate, format!("the same filler as role {}", j + 1))));
        }
        if !role.repeatable
            && let Some(j) = out.iter().position(|r| r.role == role.id)
        {
            let reason = format!("{} takes one filler, and role {} fills it already", role.id, j + 1);
            return Err(at((RefusalKind::Unsupported, reason)));
        }
        out.push(filler);
    }
    Ok(out)
}

/// `reason` about the `n`th filler: `role 2 (target): …`.
fn named(n: usize, raw: &RawRole, reason: &str) -> String {
    format!("role {n} ({}): {reason}", raw.role)
}

/// The event type's role the model names.
fn role_of<'s>(event: &'s EventType, raw: &RawRole) -> Result<&'s Role, Refused> {
    let exact = event.roles.iter().find(|r| r.id.as_str() == raw.role);
    exact.or_else(|| event.roles.iter().find(|r| fold(r.id.as_str()) == fold(&raw.role))).ok_or_else(|| {
        let ids: Vec<&str> = event.roles.iter().map(|r| r.id.as_str()).collect();
        let reason = format!("not a role of {} (its roles are {})", event.id, ids.join(", "));
        (RefusalKind::UnknownLabel, reason)
    })
}

/// The filler's entity type: its label through the source's mapping, which must be a type the role takes.
fn filler_type(
    role: &Role,
    raw: &RawRole,
    target: &mut impl FnMut(&str) -> Option<LabelTarget>,
) -> Result<crate::model::EntityTypeId, Refused> {
    let label = &raw.label;
    let t = match target(label) {
        Some(LabelTarget::Entity(t)) => t,
        Some(LabelTarget::Event(t)) => {
            let reason = format!("the filler's label `{label}` is the event type {t}; a filler is a mention");
            return Err((RefusalKind::Unsupported, reason));
        }
        Some(LabelTarget::Ignore) => {
            let reason = format!("the filler's label `{label}` is mapped to be ignored, so the role has no filler");
            return Err((RefusalKind::UnknownLabel, reason));
        }
        None => {
            let reason = format!("unknown filler label `{label}` (map it with --map {label}=TYPE)");
            return Err((RefusalKind::UnknownLabel, reason));
        }
    };
    if !role.allowed.contains(&t) {
        let allowed: Vec<&str> = role.allowed.iter().map(|a| a.as_str()).collect();
        let reason = format!("{} takes {}, not a {t} mention", role.id, allowed.join(" or "));
        return Err((RefusalKind::Unsupported, reason));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::super::{ImportReport, plan_import};
    use crate::formats::suggestions::{OffsetUnit, ParsedFile, RefusalKind, SuggestionFormat, parse_str};
    use crate::model::*;
    use crate::store::Project;

    /// The article: an attack, its attacker, its target and its time; a mark (fatha) after the first letter,
    /// and an emoji (two UTF-16 units) before the target.
    const TEXT: &str = "قَصفت كتائب حزب الله 🚀 قاعدة حقل العمر أمس";

    fn project() -> (tempfile::TempDir, Project, DocId) {
        let tmp = tempfile::tempdir().unwrap();
        let annotator = Annotator::parse("huda").unwrap();
        let mut p = Project::create(tmp.path().join("p"), "roles", default_conflict_schema(), annotator).unwrap();
        let doc = p.add_document("article", TEXT.into(), DocumentMeta::default()).unwrap();
        (tmp, p, doc)
    }

    /// `phrase`'s code point offsets in the text.
    fn at(phrase: &str) -> (usize, usize) {
        let b = TEXT.find(phrase).unwrap();
        let start = TEXT[..b].chars().count();
        (start, start + phrase.chars().count())
    }

    fn role(name: &str, phrase: &str, label: &str) -> String {
        let (s, e) = at(phrase);
        format!(r#"{{"role": "{name}", "start": {s}, "end": {e}, "label": "{label}", "text": "{phrase}"}}"#)
    }

    fn event(label: &str, roles: &[String]) -> String {
        let (s, e) = at("قَصفت");
        format!(r#"{{"start": {s}, "end": {e}, "label": "{label}", "roles": [{}]}}"#, roles.join(", "))
    }

    fn plan(project: &Project, doc: &DocId, events: &[String], mapping: &SourceConfig) -> ImportReport {
        let json = format!(r#"{{"document": {{"id": "{doc}"}}, "events": [{}]}}"#, events.join(", "));
        let parsed = parse_str(&json, Some(SuggestionFormat::Tarmeez)).unwrap();
        plan_import(project, &SourceName::parse("model").unwrap(), parsed, None, mapping)
    }

    fn reasons(report: &ImportReport) -> Vec<(RefusalKind, String)> {
        report.refused.iter().map(|r| (r.kind, r.to_string())).collect()
    }

    #[test]
    fn fillers_meet_the_schema_s_roles_whatever_the_case_and_go_through_the_mapping() {
        let (_tmp, p, doc) = project();
        let mut mapping = SourceConfig::default();
        mapping.labels.insert("militia".into(), LabelTarget::Entity("ACTOR".into()));
        let roles = [role("attacker", "كتائب حزب الله", "militia"), role("TARGET", "قاعدة حقل العمر", "location")];
        let report = plan(
            &p,
            &doc,
            &[event("ATTACK", &[roles[0].clone(), roles[1].clone(), role("time", "أمس", "TIME")])],
            &mapping,
        );
        assert!(report.refused.is_empty(), "{:?}", report.refused);
        let s = &report.accepted[&doc][0];
        let got: Vec<(&str, Span, &str)> =
            s.roles.iter().map(|r| (r.role.as_str(), r.span, r.entity_type.as_str())).collect();
        let span = |phrase| Span::new(at(phrase).0, at(phrase).1);
        assert_eq!(
            got,
            [
                ("Attacker", span("كتائب حزب الله"), "ACTOR"),
                ("Target", span("قاعدة حقل العمر"), "LOCATION"),
                ("Time", span("أمس"), "TIME")
            ]
        );
    }

    #[test]
    fn one_bad_filler_refuses_the_whole_event_with_a_reason_naming_the_role() {
        let (_tmp, p, doc) = project();
        let good = role("attacker", "كتائب حزب الله", "ACTOR");
        let (fatha, _) = at("قَصفت");
        let cases = [
            (
                role("victim", "قاعدة حقل العمر", "LOCATION"),
                RefusalKind::UnknownLabel,
                "role 2 (victim): not a role of ATTACK",
            ),
            (
                role("target", "أمس", "TIME"),
                RefusalKind::Unsupported,
                "role 2 (target): Target takes ACTOR or LOCATION, not a TIME mention",
            ),
            (role("target", "أمس", "DATE"), RefusalKind::UnknownLabel, "role 2 (target): unknown filler label `DATE`"),
            (
                role("target", "قاعدة حقل العمر", "ATTACK"),
                RefusalKind::Unsupported,
                "role 2 (target): the filler's label `ATTACK` is the event type",
            ),
            (
                r#"{"role": "time", "start": 3, "end": 3, "label": "TIME"}"#.to_owned(),
                RefusalKind::Reversed,
                "role 2 (time): the span 3..3 is empty",
            ),
            (
                r#"{"role": "time", "start": 40, "end": 90, "label": "TIME"}"#.to_owned(),
                RefusalKind::OutOfRange,
                "role 2 (time): span 40..90 is past the end",
            ),
            (
                format!(r#"{{"role": "time", "start": {}, "end": 4, "label": "TIME"}}"#, fatha + 1),
                RefusalKind::SplitsGrapheme,
                "role 2 (time): span 1..4 splits a character",
            ),
            (
                format!(
                    r#"{{"role": "time", "start": {}, "end": {}, "label": "TIME", "text": "اليوم"}}"#,
                    at("أمس").0,
                    at("أمس").1
                ),
                RefusalKind::TextMismatch,
                "role 2 (time): the file says the span",
            ),
            (good.clone(), RefusalKind::Duplicate, "role 2 (attacker): the same filler as role 1"),
        ];
        for (bad, kind, reason) in cases {
            let report = plan(&p, &doc, &[event("ATTACK", &[good.clone(), bad])], &SourceConfig::default());
            assert_eq!(report.imported(), 0, "{reason}");
            let got = reasons(&report);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].0, kind, "{got:?}");
            assert!(got[0].1.starts_with(&format!("event 1: {reason}")), "{got:?}");
        }
        // A role that takes one filler, given two.
        let times = [role("time", "أمس", "TIME"), role("Time", "قَصفت", "TIME")];
        let report = plan(&p, &doc, &[event("ATTACK", &times)], &SourceConfig::default());
        assert_eq!(reasons(&report)[0].1, "event 1: role 2 (Time): Time takes one filler, and role 1 fills it already");
        // A role mapped to be ignored leaves its role without a filler: refused, not shortened.
        let mut mapping = SourceConfig::default();
        mapping.labels.insert("ORG".into(), LabelTarget::Ignore);
        let report = plan(&p, &doc, &[event("ATTACK", &[role("attacker", "كتائب حزب الله", "ORG")])], &mapping);
        assert_eq!(reasons(&report)[0].0, RefusalKind::UnknownLabel);
    }

    #[test]
    fn a_mention_with_roles_is_refused() {
        let (_tmp, p, doc) = project();
        let (s, e) = at("كتائب حزب الله");
        let mut parsed = ParsedFile::new(SuggestionFormat::Tarmeez);
        let filler = crate::formats::suggestions::RawRole {
            role: "attacker".into(),
            start: s,
            end: e,
            label: "ACTOR".into(),
            text: None,
        };
        parsed.push_item(crate::formats::suggestions::RawItem {
            position: 0,
            origin: "mention 1".into(),
            doc: crate::formats::suggestions::DocRef { id: Some(doc.to_string()), text: None },
            start: s,
            end: e,
            unit: OffsetUnit::CodePoints,
            label: "ACTOR".into(),
            score: None,
            text: None,
            words: Vec::new(),
            roles: vec![filler],
        });
        let report = plan_import(&p, &SourceName::parse("model").unwrap(), parsed, None, &SourceConfig::default());
        let got = reasons(&report);
        assert_eq!(got[0].0, RefusalKind::Unsupported);
        assert!(got[0].1.starts_with("mention 1: role 1 (attacker): a mention (ACTOR) has no roles"), "{got:?}");
    }

    #[test]
    fn utf16_fillers_are_converted_like_their_event() {
        let (_tmp, p, doc) = project();
        // After the emoji, UTF-16 offsets are one more than code points.
        let (s, e) = at("قاعدة حقل العمر");
        let (ts, te) = at("قَصفت");
        let mut parsed = ParsedFile::new(SuggestionFormat::LabelStudio);
        parsed.push_item(crate::formats::suggestions::RawItem {
            position: 0,
            origin: "result 1".into(),
            doc: crate::formats::suggestions::DocRef { id: Some(doc.to_string()), text: None },
            start: ts,
            end: te,
            unit: OffsetUnit::Utf16,
            label: "ATTACK".into(),
            score: Some(0.7),
            text: None,
            words: Vec::new(),
            roles: vec![crate::formats::suggestions::RawRole {
                role: "target".into(),
                start: s + 1,
                end: e + 1,
                label: "LOCATION".into(),
                text: None,
            }],
        });
        let report = plan_import(&p, &SourceName::parse("model").unwrap(), parsed, None, &SourceConfig::default());
        assert!(report.refused.is_empty(), "{:?}", report.refused);
        assert_eq!(report.accepted[&doc][0].roles[0].span, Span::new(s, e));
    }

    #[test]
    fn events_of_one_span_and_type_are_duplicates_whatever_their_roles() {
        let (_tmp, mut p, doc) = project();
        let a = event("ATTACK", &[role("attacker", "كتائب حزب الله", "ACTOR")]);
        let b = event("ATTACK", &[role("target", "قاعدة حقل العمر", "LOCATION")]);
        let report = plan(&p, &doc, &[a.clone(), b.clone()], &SourceConfig::default());
        assert_eq!(report.imported(), 1);
        assert_eq!(reasons(&report)[0].0, RefusalKind::Duplicate);
        // Imported once, the same event with other roles is not proposed again.
        let source = SourceName::parse("model").unwrap();
        let info = super::super::source_info(&source, &report);
        p.apply_edit(super::super::import_edit(&p, &source, &report, info)).unwrap();
        let again = plan(&p, &doc, &[b], &SourceConfig::default());
        assert_eq!((again.imported(), again.skipped_present), (0, 1));
    }
}
