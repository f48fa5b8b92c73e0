//! Hover text for a highlighted span: what it is, who, and its details.

use crate::model::{AttrValue, Attributes, ReviewStatus, SuggestedLabel};
use crate::store::{LoadedDoc, Project};
use crate::text::scene::HighlightKey;
use crate::trl;
use crate::ui::i18n::{self, Language};

fn attributes(attrs: &Attributes, l: Language) -> impl Iterator<Item = String> + '_ {
    attrs.iter().map(move |(k, v)| {
        let v = match v {
            AttrValue::Bool(b) => {
                if *b {
                    trl!(l, "attribute-yes").to_owned()
                } else {
                    trl!(l, "attribute-no").to_owned()
                }
            }
            AttrValue::Choice(s) | AttrValue::Date(s) | AttrValue::Text(s) => s.clone(),
            AttrValue::Number(n) => n.to_string(),
        };
        format!("{k}: {v}")
    })
}

/// Lines describing `key` in `doc`, whose shown layer belongs to `layer_owner`, in `l` (logical order: the
/// article draws them with the bidi pass).
pub fn describe(
    project: &Project,
    doc: &LoadedDoc,
    layer_owner: Option<&crate::model::Annotator>,
    key: &HighlightKey,
    l: Language,
) -> Vec<String> {
    let schema = &project.config().schema;
    let layer = layer_owner.and_then(|a| doc.layers.get(a));
    let quote = |span| doc.text.slice(span).map(crate::text::quote::quoted).unwrap_or_default();
    let mut out = Vec::new();
    match key {
        // Another layer's annotation (a coder's while curating, a gold mention missed): described as its own
        // layer has it, under the layer's name.
        HighlightKey::Other(owner, id) => {
            out.push(whose(owner, l));
            out.extend(describe(project, doc, Some(owner), &HighlightKey::Mention(*id), l));
        }
        HighlightKey::OtherTrigger(owner, id) => {
            out.push(whose(owner, l));
            out.extend(describe(project, doc, Some(owner), &HighlightKey::Trigger(*id), l));
        }
        HighlightKey::Evidence(id, field) => {
            out.push(trl!(l, "describe-evidence", field = field.to_string(), id = id.to_string()));
        }
        HighlightKey::Mention(id) => mention_lines(project, doc, layer, *id, l, &mut out),
        HighlightKey::Trigger(id) => {
            let Some(e) = layer.and_then(|l| l.events.get(id)) else { return out };
            let ty = schema.event_type(&e.event_type);
            let type_name = ty.map_or(e.event_type.to_string(), |t| i18n::event_name(t, l).into());
            out.push(trl!(l, "describe-event", name = type_name, id = id.to_string()));
            out.push(trl!(l, "describe-trigger", text = quote(e.trigger)));
            let role_name = |role: &crate::model::RoleId| {
                // English names the role by its id, as it always did.
                ty.filter(|_| l.is_rtl())
                    .and_then(|t| t.roles.iter().find(|r| r.id == *role))
                    .map_or(role.to_string(), |r| i18n::role_name(r, l).to_owned())
            };
            for arg in &e.arguments {
                let filler =
                    layer.and_then(|l| l.mentions.get(&arg.mention)).map(|m| quote(m.span)).unwrap_or_default();
                out.push(format!("{}: {filler}", role_name(&arg.role)));
            }
            if let Some(t) = ty {
                for role in t.roles.iter().filter(|r| r.required && !e.arguments.iter().any(|a| a.role == r.id)) {
                    let name = if l.is_rtl() { i18n::role_name(role, l) } else { role.id.as_str() };
                    out.push(trl!(l, "describe-required-empty", role = name));
                }
            }
            out.extend(attributes(&e.attributes, l));
            if let Some(layer) = layer {
                for (rid, r) in &layer.relations {
                    if r.from == *id {
                        out.push(format!("{} {} ({rid})", r.relation_type, r.to));
                    } else if r.to == *id {
                        out.push(format!("{} {} {id} ({rid})", r.from, r.relation_type));
                    }
                }
            }
            if !e.note.is_empty() {
                out.push(trl!(l, "describe-note", note = e.note.as_str()));
            }
        }
        HighlightKey::Suggestion(source, id) => suggestion_lines(project, doc, layer, (source, *id), l, &mut out),
    }
    out
}

fn status(s: ReviewStatus, l: Language) -> &'static str {
    match s {
        ReviewStatus::Pending => trl!(l, "describe-pending"),
        ReviewStatus::Accepted => trl!(l, "describe-accepted"),
        ReviewStatus::Rejected => trl!(l, "describe-rejected"),
        ReviewStatus::Edited => trl!(l, "describe-edited"),
    }
}

/// The line naming another layer's annotation.
fn whose(owner: &crate::model::Annotator, l: Language) -> String {
    if owner.is_gold() {
        trl!(l, "describe-gold").to_owned()
    } else {
        trl!(l, "describe-whose", coder = owner.to_string())
    }
}

/// The lines of a mention of `layer`.
fn mention_lines(
    project: &Project,
    doc: &LoadedDoc,
    layer: Option<&crate::model::Layer>,
    id: crate::model::MentionId,
    l: Language,
    out: &mut Vec<String>,
) {
    let schema = &project.config().schema;
    let quote = |span| doc.text.slice(span).map(crate::text::quote::quoted).unwrap_or_default();
    let id = &id;
    let Some(m) = layer.and_then(|l| l.mentions.get(id)) else { return };
    let name = schema.entity_type(&m.entity_type).map_or(m.entity_type.to_string(), |t| i18n::entity_name(t, l).into());
    out.push(format!("{name} ({}) {id}", m.entity_type));
    out.push(quote(m.span));
    if let Some(actor_id) = &m.actor {
        match project.actors().actors.get(actor_id) {
            Some(a) => out.push(trl!(l, "describe-actor", name = a.name.as_str(), kind = format!("{:?}", a.kind))),
            None => out.push(trl!(l, "describe-actor-unknown", id = actor_id.to_string())),
        }
    }
    out.extend(attributes(&m.attributes, l));
    if !m.note.is_empty() {
        out.push(trl!(l, "describe-note", note = m.note.as_str()));
    }
    if let Some(p) = &m.provenance {
        let score = p.score.map(|s| trl!(l, "inspector-score", score = format!("{s:.2}"))).unwrap_or_default();
        out.push(trl!(
            l,
            "describe-from-suggestion",
            suggestion = p.suggestion.to_string(),
            source = p.source.to_string(),
            score = score,
            reviewer = p.reviewer.to_string(),
            at = p.reviewed_at.clone()
        ));
    }
}

/// The lines of a machine suggestion.
fn suggestion_lines(
    project: &Project,
    doc: &LoadedDoc,
    layer: Option<&crate::model::Layer>,
    (source, id): (&crate::model::SourceName, crate::model::SuggestionId),
    l: Language,
    out: &mut Vec<String>,
) {
    let schema = &project.config().schema;
    let quote = |span| doc.text.slice(span).map(crate::text::quote::quoted).unwrap_or_default();
    let id = &id;
    let Some(set) = doc.suggestions.get(source) else { return };
    let Some(s) = set.suggestions.get(id) else { return };
    let ty = match &s.label {
        SuggestedLabel::Entity(t) => {
            schema.entity_type(t).filter(|_| l.is_rtl()).map_or(t.to_string(), |d| i18n::entity_name(d, l).into())
        }
        SuggestedLabel::Event(t) => {
            let name =
                schema.event_type(t).filter(|_| l.is_rtl()).map_or(t.to_string(), |d| i18n::event_name(d, l).into());
            trl!(l, "describe-event-type", name = name)
        }
    };
    let score = s.score.map(|s| format!(" {s:.2}")).unwrap_or_default();
    out.push(trl!(l, "describe-suggestion", kind = ty, score = score));
    out.push(quote(s.span));
    let decided = layer.and_then(|l| l.decision(source, *id)).map_or(ReviewStatus::Pending, |d| d.status);
    let model = set.source.model.clone();
    out.push(trl!(l, "describe-from", source = source.to_string(), model = model, status = status(decided, l)));
}
