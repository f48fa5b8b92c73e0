//! A parsed WebAnno TSV file's annotations as a coder's layer of a document, checked against the text and
//! the schema, and the labels it uses for the mapping dialog. Layers do not decide what a span becomes, its
//! label does (as in the doccano and brat readers): the label is a span's `value`, `type` or `label`
//! feature (else its first feature with a value, else its layer's short name) and names an entity type (a
//! mention) or an event type (a trigger), through the user's `--map` or case-blind. Slot links of an event
//! fill its roles; a relation between two mentions or two events is one of the schema's relation types.
//! Chains are not read (Tarmeez has none); they are named in the notes.

use super::annotations::{Annotations, RelationAnn, SpanAnn, collect};
use super::header::{ColumnKind, Header};
use super::parse::TsvFile;
use crate::formats::found_types::FoundTypes;
use crate::formats::type_labels::{LabelMap, TypeOf, type_list, type_of};
use crate::model::{
    ActorRegistry, Argument, DocText, Event, EventId, Layer, Mention, MentionId, MentionRelation, Relation, RelationId,
    RelationType, Role, Schema, Span, validate_layer,
};
use std::collections::{BTreeMap, BTreeSet};

/// Features that name a span's or relation's label, in the order they are looked for.
const LABEL_FEATURES: [&str; 3] = ["value", "type", "label"];

/// The label of an annotation with these features in layer `layer` of `header`.
pub fn label_of(header: &Header, layer: usize, features: &BTreeMap<String, Option<String>>) -> String {
    let named = LABEL_FEATURES.iter().find_map(|f| features.get(*f).cloned().flatten());
    let first = || {
        header.layers[layer].columns.iter().find_map(|&c| match &header.columns[c].kind {
            ColumnKind::Feature(name) => features.get(name).cloned().flatten(),
            _ => None,
        })
    };
    named.or_else(first).unwrap_or_else(|| header.layers[layer].short_name().to_owned())
}

/// Refusals, each `(line, message)` (line 0 for the file as a whole).
pub type Refusals = Vec<(usize, String)>;

/// What a span became.
#[derive(Clone, Copy)]
enum Made {
    Mention(MentionId),
    Event(EventId),
}

/// The layer being built, and what went wrong.
struct Building<'a> {
    file: &'a TsvFile,
    ann: &'a Annotations,
    text: &'a DocText,
    schema: &'a Schema,
    map: &'a LabelMap,
    layer: Layer,
    made: Vec<Option<Made>>,
    errors: Vec<(usize, String)>,
    notes: Vec<String>,
}

/// The coder's layer a parsed file makes for `text` (the document's text, whose code points the file's
/// units index), with notes on what was passed over (chains, slots without a target), or every refusal as
/// `(line, message)`.
pub fn to_layer(
    file: &TsvFile,
    text: &DocText,
    schema: &Schema,
    actors: &ActorRegistry,
    map: &LabelMap,
) -> Result<(Layer, Vec<String>), Refusals> {
    let ann = collect(file).map_err(|e| vec![e])?;
    let mut b = Building {
        file,
        ann: &ann,
        text,
        schema,
        map,
        layer: Layer::default(),
        made: vec![None; ann.spans.len()],
        errors: Vec::new(),
        notes: ann.chains.iter().map(|c| format!("chain layer {c} is not read: Tarmeez has no chains")).collect(),
    };
    for (i, span) in ann.spans.iter().enumerate() {
        if let Err(msg) = b.add_span(i, span) {
            b.errors.push((span.line, msg));
        }
    }
    for (i, span) in ann.spans.iter().enumerate() {
        b.add_links(i, span);
    }
    let mut next_relation = 1;
    for relation in &ann.relations {
        match b.add_relation(relation, RelationId(next_relation)) {
            Ok(()) => next_relation += 1,
            Err(msg) => b.errors.push((relation.line, msg)),
        }
    }
    if b.errors.is_empty() {
        for finding in validate_layer(&b.layer, schema, text, actors) {
            b.errors.push((0, finding.message));
        }
    }
    if b.errors.is_empty() { Ok((b.layer, b.notes)) } else { Err(b.errors) }
}

impl Building<'_> {
    /// A span as a mention or an event trigger.
    fn add_span(&mut self, i: usize, span: &SpanAnn) -> Result<(), String> {
        let header = &self.file.header;
        let label = label_of(header, span.layer, &span.features);
        let at = Span::new(span.start, span.end);
        self.text.check_span(at).map_err(|e| format!("`{label}`: {e}"))?;
        match type_of(self.schema, self.map, &label) {
            Some(TypeOf::Entity(t)) => {
                let id = MentionId(self.layer.mentions.len() as u32 + 1);
                self.layer.mentions.insert(id, Mention::new(at, t.as_str()));
                self.made[i] = Some(Made::Mention(id));
            }
            Some(TypeOf::Event(t)) => {
                let id = EventId(self.layer.events.len() as u32 + 1);
                let event = Event {
                    evidence: Default::default(),
                    uid: None,
                    event_type: t,
                    trigger: at,
                    arguments: Vec::new(),
                    attributes: Default::default(),
                    note: String::new(),
                    provenance: None,
                    curation: None,
                };
                self.layer.events.insert(id, event);
                self.made[i] = Some(Made::Event(id));
            }
            None => {
                return Err(format!(
                    "`{label}` ({} layer) is not an entity or event type of the schema ({}); name its type with \
                     --map {label}=TYPE",
                    header.layers[span.layer].short_name(),
                    type_list(self.schema)
                ));
            }
        }
        Ok(())
    }

    /// A span's slot links as its event's arguments.
    fn add_links(&mut self, i: usize, span: &SpanAnn) {
        let Some(made) = self.made[i] else { return };
        if span.links.is_empty() {
            return;
        }
        let Made::Event(event) = made else {
            let label = label_of(&self.file.header, span.layer, &span.features);
            let msg = format!("`{label}` is a mention type, and has slot links: only events have roles");
            return self.errors.push((span.line, msg));
        };
        let target_layer = self.slot_target_layer(span.layer);
        for (role, target) in &span.links {
            let Some(target) = target else {
                let role = role.as_deref().unwrap_or("*");
                self.notes.push(format!("line {}: the slot `{role}` has no target and is passed over", span.line));
                continue;
            };
            if let Err(msg) = self.add_argument(event, role.as_deref(), target, target_layer) {
                self.errors.push((span.line, msg));
            }
        }
    }

    /// The layer a span layer's slots point to, when the header names one.
    fn slot_target_layer(&self, layer: usize) -> Option<usize> {
        let header = &self.file.header;
        header.layers[layer].columns.iter().find_map(|&c| match &header.columns[c].kind {
            ColumnKind::SlotTarget(t) => header.layer_named(t),
            _ => None,
        })
    }

    /// One slot link as an argument of `event`.
    fn add_argument(
        &mut self,
        event: EventId,
        role: Option<&str>,
        target: &super::annotations::SpanRef,
        layer: Option<usize>,
    ) -> Result<(), String> {
        let Some(role_name) = role else {
            return Err(format!("a slot link to {} has no role", target.unit));
        };
        let filler = self.ann.resolve(target, layer).and_then(|t| self.made[t]);
        let Some(Made::Mention(mention)) = filler else {
            return Err(format!("role `{role_name}` points at {}, where there is no mention", target.unit));
        };
        let ev = &self.layer.events[&event];
        let ty = self.schema.event_type(&ev.event_type).ok_or("unknown event type")?;
        let Some(role) = find_role(&ty.roles, role_name) else {
            let roles: Vec<&str> = ty.roles.iter().map(|r| r.id.as_str()).collect();
            return Err(format!("`{role_name}` is not a role of {} (its roles: {})", ty.id, roles.join(", ")));
        };
        let m_type = &self.layer.mentions[&mention].entity_type;
        if !role.allowed.contains(m_type) {
            return Err(format!("role `{}` of {} does not take a {m_type} mention", role.id, ty.id));
        }
        if !role.repeatable && ev.arguments.iter().any(|a| a.role == role.id) {
            return Err(format!("role `{}` of {} takes one mention and is filled twice", role.id, ty.id));
        }
        let argument = Argument { role: role.id.clone(), mention };
        self.layer.events.get_mut(&event).expect("made above").arguments.push(argument);
        Ok(())
    }

    /// A relation between two mentions or two events.
    fn add_relation(&mut self, r: &RelationAnn, id: RelationId) -> Result<(), String> {
        let header = &self.file.header;
        let label = label_of(header, r.layer, &r.features);
        let base = header.layers[r.layer].columns.iter().find_map(|&c| match &header.columns[c].kind {
            ColumnKind::Base(t) => header.layer_named(t),
            _ => None,
        });
        let end = |s: Option<&super::annotations::SpanRef>| {
            s.and_then(|s| self.ann.resolve(s, base)).and_then(|i| self.made[i])
        };
        let Some(relation_type) = find_relation(self.schema, &label) else {
            let known: Vec<&str> = self.schema.relation_types.iter().map(|t| t.id.as_str()).collect();
            return Err(format!("`{label}` is not a relation type of the schema ({})", known.join(", ")));
        };
        let id_of = relation_type.id.clone();
        match (end(r.from.as_ref()), end(Some(&r.to))) {
            (Some(Made::Mention(from)), Some(Made::Mention(to))) => {
                let (tf, tt) = (&self.layer.mentions[&from].entity_type, &self.layer.mentions[&to].entity_type);
                if !relation_type.between.allows(tf, tt) {
                    return Err(format!("`{id_of}` does not go from a {tf} mention to a {tt} mention"));
                }
                let relation = MentionRelation { relation_type: id_of, from, to, note: String::new() };
                self.layer.mention_relations.insert(id, relation);
            }
            (Some(Made::Event(from)), Some(Made::Event(to))) => {
                if !relation_type.between.is_events() {
                    return Err(format!("`{id_of}` relates mentions, and this relation goes between events"));
                }
                self.layer.relations.insert(id, Relation { relation_type: id_of, from, to, note: String::new() });
            }
            (Some(_), Some(_)) => {
                return Err(format!("`{label}` goes between a mention and an event; Tarmeez relates two of a kind"));
            }
            _ => return Err(format!("`{label}`: an end of this relation is not a span of the file")),
        }
        Ok(())
    }
}

/// The role named `name`, exactly or else whatever its case.
fn find_role<'a>(roles: &'a [Role], name: &str) -> Option<&'a Role> {
    roles
        .iter()
        .find(|r| r.id.as_str() == name)
        .or_else(|| roles.iter().find(|r| r.id.as_str().eq_ignore_ascii_case(name)))
}

/// The relation type named `label`, exactly or else whatever its case.
fn find_relation<'a>(schema: &'a Schema, label: &str) -> Option<&'a RelationType> {
    let all = &schema.relation_types;
    all.iter()
        .find(|t| t.id.as_str() == label)
        .or_else(|| all.iter().find(|t| t.id.as_str().to_lowercase() == label.to_lowercase()))
}

/// The labels a parsed file uses: spans of layers with slot features are events (with the roles and the
/// labels of the spans filling them), other spans entities, relations with the labels at their ends.
pub fn found_in(file: &TsvFile) -> Result<FoundTypes, (usize, String)> {
    let ann = collect(file)?;
    let header = &file.header;
    let labels: Vec<String> = ann.spans.iter().map(|s| label_of(header, s.layer, &s.features)).collect();
    let mut found = FoundTypes::default();
    let events: BTreeSet<usize> = (0..header.layers.len()).filter(|&l| header.has_slots(l)).collect();
    for (i, span) in ann.spans.iter().enumerate() {
        if !events.contains(&span.layer) {
            found.add_entity(&labels[i]);
            continue;
        }
        found.add_event(&labels[i]);
        let target_layer = header.layers[span.layer].columns.iter().find_map(|&c| match &header.columns[c].kind {
            ColumnKind::SlotTarget(t) => header.layer_named(t),
            _ => None,
        });
        for (role, target) in &span.links {
            let filler = target.as_ref().and_then(|t| ann.resolve(t, target_layer)).map(|t| labels[t].as_str());
            found.add_role(&labels[i], role.as_deref().unwrap_or("*"), filler);
        }
    }
    for r in &ann.relations {
        let base = header.layers[r.layer].columns.iter().find_map(|&c| match &header.columns[c].kind {
            ColumnKind::Base(t) => header.layer_named(t),
            _ => None,
        });
        let end =
            |s: Option<&super::annotations::SpanRef>| s.and_then(|s| ann.resolve(s, base)).map(|i| labels[i].as_str());
        found.add_relation(&label_of(header, r.layer, &r.features), end(r.from.as_ref()), end(Some(&r.to)));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::webanno::parse::parse_tsv;

    #[test]
    fn the_labels_found_are_the_files_own_by_what_their_layers_make() {
        let tsv = include_str!("../../../tests/fixtures/formats/webanno/raqqa.tsv");
        let found = found_in(&parse_tsv(tsv).unwrap()).unwrap();
        assert_eq!(found.entities, ["Actor", "Location", "source", "Casualties"]);
        let events: Vec<&str> = found.events.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(events, ["attack", "Statement"]);
        let roles: Vec<(&str, Vec<&String>)> =
            found.events[0].roles.iter().map(|r| (r.name.as_str(), r.fillers.iter().collect())).collect();
        assert_eq!(
            roles,
            [
                ("Attacker", vec![&"Actor".to_owned()]),
                ("Location", vec![&"Location".to_owned()]),
                ("casualties", vec![&"Casualties".to_owned()])
            ]
        );
        assert_eq!(found.relations.len(), 1);
        assert_eq!(found.relations[0].label, "AFFILIATED_WITH");
        assert!(found.relations[0].from.contains("Actor") && found.relations[0].to.contains("Actor"));
    }

    #[test]
    fn a_span_without_a_label_feature_is_named_by_its_layer() {
        let tsv =
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Actor|\n\n\n#Text=a b\n1-1\t0-1\ta\t*\t\n1-2\t2-3\tb\t_\t\n";
        let file = parse_tsv(tsv).unwrap();
        let text = DocText::new(file.text.clone());
        let schema = crate::model::default_conflict_schema();
        let (layer, notes) = to_layer(&file, &text, &schema, &ActorRegistry::default(), &LabelMap::new()).unwrap();
        assert!(notes.is_empty());
        let m: Vec<_> = layer.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
        assert_eq!(m, [(Span::new(0, 1), "ACTOR".to_owned())]);
    }
}
