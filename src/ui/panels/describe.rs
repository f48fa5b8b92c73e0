//! Hover text for a highlighted span: what it is, who, and its details.

use crate::model::{AttrValue, Attributes, ReviewStatus, SuggestedLabel};
use crate::store::{LoadedDoc, Project};
use crate::text::scene::HighlightKey;

fn attributes(attrs: &Attributes) -> impl Iterator<Item = String> + '_ {
    attrs.iter().map(|(k, v)| {
        let v = match v {
            AttrValue::Bool(b) => {
                if *b {
                    "yes".to_owned()
                } else {
                    "no".to_owned()
                }
            }
            AttrValue::Choice(s) | AttrValue::Date(s) | AttrValue::Text(s) => s.clone(),
            AttrValue::Number(n) => n.to_string(),
        };
        format!("{k}: {v}")
    })
}

/// Lines describing `key` in `doc`, whose shown layer belongs to `layer_owner`.
pub fn describe(
    project: &Project,
    doc: &LoadedDoc,
    layer_owner: Option<&crate::model::Annotator>,
    key: &HighlightKey,
) -> Vec<String> {
    let schema = &project.config().schema;
    let layer = layer_owner.and_then(|a| doc.layers.get(a));
    let quote = |span| doc.text.slice(span).map(crate::text::quote::quoted).unwrap_or_default();
    let mut out = Vec::new();
    match key {
        // Another layer's annotation (a coder's while curating, a gold mention missed): described as its own
        // layer has it, under the layer's name.
        HighlightKey::Other(owner, id) => {
            out.push(if owner.is_gold() { "In the gold layer:".to_owned() } else { format!("{owner}'s:") });
            out.extend(describe(project, doc, Some(owner), &HighlightKey::Mention(*id)));
        }
        HighlightKey::OtherTrigger(owner, id) => {
            out.push(if owner.is_gold() { "In the gold layer:".to_owned() } else { format!("{owner}'s:") });
            out.extend(describe(project, doc, Some(owner), &HighlightKey::Trigger(*id)));
        }
        HighlightKey::Mention(id) => {
            let Some(m) = layer.and_then(|l| l.mentions.get(id)) else { return out };
            let name = schema.entity_type(&m.entity_type).map_or(m.entity_type.to_string(), |t| t.name.clone());
            out.push(format!("{name} ({}) {id}", m.entity_type));
            out.push(quote(m.span));
            if let Some(actor_id) = &m.actor {
                match project.actors().actors.get(actor_id) {
                    Some(a) => out.push(format!("Actor: {} ({:?})", a.name, a.kind)),
                    None => out.push(format!("Actor: {actor_id} (not in the registry)")),
                }
            }
            out.extend(attributes(&m.attributes));
            if !m.note.is_empty() {
                out.push(format!("Note: {}", m.note));
            }
            if let Some(p) = &m.provenance {
                let score = p.score.map(|s| format!(", score {s:.2}")).unwrap_or_default();
                out.push(format!(
                    "From suggestion {} of {}{score}, accepted by {} at {}",
                    p.suggestion, p.source, p.reviewer, p.reviewed_at
                ));
            }
        }
        HighlightKey::Trigger(id) => {
            let Some(e) = layer.and_then(|l| l.events.get(id)) else { return out };
            let ty = schema.event_type(&e.event_type);
            out.push(format!("{} event {id}", ty.map_or(e.event_type.to_string(), |t| t.name.clone())));
            out.push(format!("Trigger {}", quote(e.trigger)));
            for arg in &e.arguments {
                let filler =
                    layer.and_then(|l| l.mentions.get(&arg.mention)).map(|m| quote(m.span)).unwrap_or_default();
                out.push(format!("{}: {filler}", arg.role));
            }
            if let Some(t) = ty {
                for role in t.roles.iter().filter(|r| r.required && !e.arguments.iter().any(|a| a.role == r.id)) {
                    out.push(format!("{}: (required, empty)", role.id));
                }
            }
            out.extend(attributes(&e.attributes));
            if let Some(l) = layer {
                for (rid, r) in &l.relations {
                    if r.from == *id {
                        out.push(format!("{} {} ({rid})", r.relation_type, r.to));
                    } else if r.to == *id {
                        out.push(format!("{} {} {id} ({rid})", r.from, r.relation_type));
                    }
                }
            }
            if !e.note.is_empty() {
                out.push(format!("Note: {}", e.note));
            }
        }
        HighlightKey::Suggestion(source, id) => {
            let Some(set) = doc.suggestions.get(source) else { return out };
            let Some(s) = set.suggestions.get(id) else { return out };
            let ty = match &s.label {
                SuggestedLabel::Entity(t) => t.to_string(),
                SuggestedLabel::Event(t) => format!("{t} event"),
            };
            let score = s.score.map(|s| format!(" {s:.2}")).unwrap_or_default();
            out.push(format!("Suggestion: {ty}{score}"));
            out.push(quote(s.span));
            let decided = layer.and_then(|l| l.decision(source, *id)).map_or(ReviewStatus::Pending, |d| d.status);
            out.push(format!("From {source} ({}), {}", set.source.model, status(decided)));
        }
    }
    out
}

fn status(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Pending => "pending review",
        ReviewStatus::Accepted => "accepted",
        ReviewStatus::Rejected => "rejected",
        ReviewStatus::Edited => "accepted with changes",
    }
}
