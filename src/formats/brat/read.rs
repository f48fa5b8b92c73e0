//! Reading brat: the parsed lines of one `.ann` file into a layer for a document's text, checked against
//! the text, the schema and the actor registry the way the project's validation checks a layer, with every
//! refusal naming its line.

use super::ACTOR_DB;
use super::escape::decode_token;
use super::parse::{AnnLine, Parsed, parse_ann};
use crate::formats::type_labels::{LabelMap, TypeOf, relation_of, type_of};
use crate::model::{
    ActorId, ActorRegistry, Argument, AttrValue, AttributeDef, AttributeKind, AttributeTarget, DocText, Event, EventId,
    EventType, EventTypeId, Layer, Mention, MentionId, MentionRelation, Relation, RelationId, RelationTypeId, RoleId,
    Schema, Span, validate_layer,
};
use std::collections::{BTreeMap, BTreeSet};

/// Builds a layer from a `.ann` file's content for a document's text. Refusals are `(line, message)`
/// (line 0 for the file as a whole); when there is any, the layer must not be used.
pub fn ann_to_layer(
    content: &str,
    text: &DocText,
    schema: &Schema,
    actors: &ActorRegistry,
) -> Result<Layer, Vec<(usize, String)>> {
    ann_to_layer_mapped(content, text, schema, actors, &LabelMap::new())
}

/// [`ann_to_layer`] with the user's mapping of brat types to the schema's (`--map Person=ACTOR`); a type
/// without one is the schema type of the same id, whatever its case.
pub fn ann_to_layer_mapped(
    content: &str,
    text: &DocText,
    schema: &Schema,
    actors: &ActorRegistry,
    map: &LabelMap,
) -> Result<Layer, Vec<(usize, String)>> {
    let (lines, errors) = parse_ann(content);
    let mut reader = Reader::new(text, schema, actors, errors);
    reader.map = map;
    reader.check_ids(&lines);
    reader.read_texts(&lines);
    reader.read_events(&lines);
    reader.check_bare_triggers();
    reader.read_relations(&lines);
    reader.read_extras(&lines);
    reader.finish()
}

/// No mapping: each brat type is the schema type of the same id.
static EMPTY_MAP: &LabelMap = &LabelMap::new();

/// The layer being built from one file, and what its brat ids stand for so far.
struct Reader<'a> {
    /// The document's text.
    text: &'a DocText,
    /// The project's schema.
    schema: &'a Schema,
    /// The project's actors, for `N` lines.
    actors: &'a ActorRegistry,
    /// The user's mapping of brat types to the schema's.
    map: &'a LabelMap,
    /// The layer built.
    layer: Layer,
    /// Refusals, `(line, message)`.
    errors: Vec<(usize, String)>,
    /// Every id of the file.
    ids: BTreeSet<&'a str>,
    /// `T` ids of mentions.
    mention_of: BTreeMap<&'a str, MentionId>,
    /// `T` ids of triggers, with their event type, span and line.
    trigger_of: BTreeMap<&'a str, (EventTypeId, Span, usize)>,
    /// `E` ids of events.
    event_of: BTreeMap<&'a str, EventId>,
    /// `R` ids of relations.
    relation_of: BTreeMap<&'a str, RelationId>,
    /// The events each trigger's `T` id triggers.
    used_triggers: BTreeMap<&'a str, Vec<EventId>>,
    /// Ids already refused, so that the lines using them are not refused again for it.
    refused: BTreeSet<&'a str>,
}

/// What an `R` line relates.
enum Ends {
    /// Two events.
    Events(EventId, EventId),
    /// Two mentions.
    Mentions(MentionId, MentionId),
}

impl<'a> Reader<'a> {
    /// An empty layer, starting with the grammar's refusals.
    fn new(text: &'a DocText, schema: &'a Schema, actors: &'a ActorRegistry, errors: Vec<(usize, String)>) -> Self {
        Self {
            text,
            schema,
            actors,
            map: EMPTY_MAP,
            layer: Layer::default(),
            errors,
            ids: BTreeSet::new(),
            mention_of: BTreeMap::new(),
            trigger_of: BTreeMap::new(),
            event_of: BTreeMap::new(),
            relation_of: BTreeMap::new(),
            used_triggers: BTreeMap::new(),
            refused: BTreeSet::new(),
        }
    }

    /// Records a refusal.
    fn err(&mut self, line: usize, msg: String) {
        self.errors.push((line, msg));
    }

    /// Refuses ids used twice.
    fn check_ids(&mut self, lines: &'a [Parsed]) {
        for p in lines {
            if !self.ids.insert(p.id.as_str()) {
                self.err(p.line, format!("id {} is used twice", p.id));
            }
        }
    }

    /// Text-bound annotations: mentions, and triggers waiting for their events. A refused one is remembered
    /// so that lines using it are not refused again for it.
    fn read_texts(&mut self, lines: &'a [Parsed]) {
        for p in lines {
            let AnnLine::Text { ty, fragments, text: claimed } = &p.what else { continue };
            if let Err(msg) = self.read_text(p, ty, fragments, claimed) {
                self.err(p.line, msg);
                self.refused.insert(&p.id);
            }
        }
    }

    /// One `T` line, once its span is checked: a mention of an entity type or a trigger of an event type.
    fn read_text(
        &mut self,
        p: &'a Parsed,
        ty: &str,
        fragments: &[(usize, usize)],
        claimed: &str,
    ) -> Result<(), String> {
        let span = self.text_span(&p.id, fragments, claimed)?;
        match type_of(self.schema, self.map, ty) {
            Some(TypeOf::Entity(t)) => {
                let id = MentionId(self.layer.mentions.len() as u32 + 1);
                self.layer.mentions.insert(id, Mention::new(span, t.as_str()));
                self.mention_of.insert(&p.id, id);
            }
            Some(TypeOf::Event(t)) => {
                self.trigger_of.insert(&p.id, (t, span, p.line));
            }
            None => return Err(format!("{}: `{ty}` is not an entity or event type of the schema", p.id)),
        }
        Ok(())
    }

    /// The continuous span of a `T` line's fragments, checked against the text and the line's text column.
    fn text_span(&self, id: &str, fragments: &[(usize, usize)], claimed: &str) -> Result<Span, String> {
        let text = self.text;
        let mut frags: Vec<Span> = fragments.iter().map(|&(s, e)| Span::new(s, e)).collect();
        frags.sort();
        let span = Span::new(frags[0].start, frags.iter().map(|f| f.end).max().unwrap_or(0));
        if let Some(f) = frags.iter().find(|f| f.is_empty() || f.end > text.len_chars()) {
            return Err(format!(
                "{id}: offsets {} {} are outside the text ({} characters) or empty",
                f.start,
                f.end,
                text.len_chars()
            ));
        }
        let gaps_ok = frags.windows(2).all(|w| {
            w[0].end <= w[1].start
                && text.slice(Span::new(w[0].end, w[1].start)).is_some_and(|g| g.chars().all(char::is_whitespace))
        });
        if !gaps_ok {
            return Err(format!(
                "{id}: fragments overlap or leave out more than white space; Tarmeez spans are continuous"
            ));
        }
        text.check_span(span).map_err(|e| format!("{id}: {e}"))?;
        let actual = frags.iter().map(|f| text.slice(*f).unwrap_or_default()).collect::<Vec<_>>().join(" ");
        if actual != claimed {
            return Err(format!("{id}: its text `{claimed}` is not the document's text at {span}, `{actual}`"));
        }
        Ok(span)
    }

    /// `E` lines: events on their triggers, with the arguments that can be read.
    fn read_events(&mut self, lines: &'a [Parsed]) {
        for p in lines {
            let AnnLine::Event { ty, trigger, args } = &p.what else { continue };
            if self.refused.contains(trigger.as_str()) {
                self.refused.insert(&p.id);
                continue;
            }
            let (ev_type, span) = match self.event_trigger(&p.id, ty, trigger) {
                Ok(found) => found,
                Err(msg) => {
                    self.err(p.line, msg);
                    continue;
                }
            };
            let arguments = self.event_arguments(p, ev_type, ty, args);
            let id = EventId(self.layer.events.len() as u32 + 1);
            let event = Event {
                evidence: Default::default(),
                uid: None,
                event_type: ev_type.id.clone(),
                trigger: span,
                arguments,
                attributes: Default::default(),
                note: String::new(),
                provenance: None,
                curation: None,
            };
            self.layer.events.insert(id, event);
            self.event_of.insert(&p.id, id);
            self.used_triggers.entry(trigger.as_str()).or_default().push(id);
        }
    }

    /// An event's type and its trigger's span, or why the `E` line cannot be an event.
    fn event_trigger(&self, id: &str, ty: &str, trigger: &str) -> Result<(&'a EventType, Span), String> {
        let schema = self.schema;
        let resolved = match type_of(schema, self.map, ty) {
            Some(TypeOf::Event(t)) => Some(t),
            _ => None,
        };
        let Some(ev_type) = resolved.and_then(|t| schema.event_type(&t)) else {
            return Err(format!("{id}: `{ty}` is not an event type of the schema"));
        };
        if !self.ids.contains(trigger) {
            return Err(format!("{id}: its trigger {trigger} is not in this file"));
        }
        let Some((trigger_type, span, _)) = self.trigger_of.get(trigger) else {
            return Err(format!("{id}: its trigger {trigger} is not an event trigger (a T line of an event type)"));
        };
        if *trigger_type != ev_type.id {
            return Err(format!("{id}: its type `{ty}` differs from its trigger {trigger}'s `{trigger_type}`"));
        }
        Ok((ev_type, *span))
    }

    /// The arguments of an `E` line that fit the event type; the others are refused one by one.
    fn event_arguments(
        &mut self,
        p: &Parsed,
        ev_type: &EventType,
        ty: &str,
        args: &[(String, String)],
    ) -> Vec<Argument> {
        let mut arguments = Vec::new();
        let mut filled: BTreeSet<&str> = BTreeSet::new();
        for (role_text, filler) in args {
            // brat numbers repeated roles (Location2): the exact role first, else without the digits.
            let role = ev_type.roles.iter().find(|r| r.id.as_str() == role_text).or_else(|| {
                let bare = role_text.trim_end_matches(|c: char| c.is_ascii_digit());
                (bare.len() < role_text.len()).then(|| ev_type.roles.iter().find(|r| r.id.as_str() == bare)).flatten()
            });
            let Some(role) = role else {
                self.err(p.line, format!("{}: `{role_text}` is not a role of `{ty}`", p.id));
                continue;
            };
            if self.refused.contains(filler.as_str()) {
                continue;
            }
            let Some(mention) = self.mention_of.get(filler.as_str()).copied() else {
                let msg = format!(
                    "{}: role {role_text} is filled by {filler}, which is not a mention (an entity's T line)",
                    p.id
                );
                self.err(p.line, msg);
                continue;
            };
            let m_type = &self.layer.mentions[&mention].entity_type;
            if !role.allowed.contains(m_type) {
                let msg = format!("{}: role {role_text} does not take a `{m_type}` ({filler})", p.id);
                self.err(p.line, msg);
                continue;
            }
            if !filled.insert(role.id.as_str()) && !role.repeatable {
                self.err(
                    p.line,
                    format!("{}: role `{}` takes one mention but is filled more than once", p.id, role.id),
                );
                continue;
            }
            arguments.push(Argument { role: RoleId::from(role.id.as_str()), mention });
        }
        arguments
    }

    /// Refuses triggers no `E` line uses: Tarmeez has no bare triggers.
    fn check_bare_triggers(&mut self) {
        for (t, (ty, _, line)) in &self.trigger_of {
            if !self.used_triggers.contains_key(t) {
                self.errors.push((
                    *line,
                    format!("{t}: a trigger of `{ty}` with no event (E line); Tarmeez has no bare triggers"),
                ));
            }
        }
    }

    /// The event an id stands for: an `E` id, or the `T` id of one event's trigger.
    fn event_ref(&self, id: &str) -> Option<EventId> {
        self.event_of.get(id).copied().or_else(|| match self.used_triggers.get(id).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        })
    }

    /// `R` lines: relations between events, or between mentions when the schema's relation type says so.
    fn read_relations(&mut self, lines: &'a [Parsed]) {
        for p in lines {
            let AnnLine::Relation { ty, args } = &p.what else { continue };
            let id = self.layer.next_relation_id();
            let relation_type =
                relation_of(self.schema, self.map, ty).unwrap_or_else(|| RelationTypeId::from(ty.as_str()));
            match self.relation_ends(&p.id, ty, args) {
                Ok(Some(Ends::Events(from, to))) => {
                    let relation = Relation { relation_type, from, to, note: String::new() };
                    self.layer.relations.insert(id, relation);
                    self.relation_of.insert(&p.id, id);
                }
                Ok(Some(Ends::Mentions(from, to))) => {
                    let relation = MentionRelation { relation_type, from, to, note: String::new() };
                    self.layer.mention_relations.insert(id, relation);
                    self.relation_of.insert(&p.id, id);
                }
                Ok(None) => {}
                Err(msg) => self.err(p.line, msg),
            }
        }
    }

    /// What an `R` line relates; `None` when one of its arguments was refused already.
    fn relation_ends(&self, id: &str, ty: &str, args: &[(String, String)]) -> Result<Option<Ends>, String> {
        let Some(def) = relation_of(self.schema, self.map, ty).and_then(|r| self.schema.relation_type(&r)) else {
            return Err(format!("{id}: `{ty}` is not a relation type of the schema"));
        };
        let [(r1, a1), (r2, a2)] = args else {
            return Err(format!("{id}: a relation has exactly two arguments, Arg1 and Arg2"));
        };
        if r1 != "Arg1" || r2 != "Arg2" {
            return Err(format!("{id}: the arguments must be `Arg1:` then `Arg2:`"));
        }
        if self.refused.contains(a1.as_str()) || self.refused.contains(a2.as_str()) {
            return Ok(None);
        }
        if def.between.is_events() {
            return match (self.event_ref(a1), self.event_ref(a2)) {
                (Some(from), Some(to)) => Ok(Some(Ends::Events(from, to))),
                _ => Err(format!("{id}: `{ty}` relates events; give E ids (or the T id of one event's trigger)")),
            };
        }
        let (Some(&from), Some(&to)) = (self.mention_of.get(a1.as_str()), self.mention_of.get(a2.as_str())) else {
            return Err(format!("{id}: `{ty}` relates mentions; give the T ids of two mentions"));
        };
        let type_of = |m: MentionId| &self.layer.mentions[&m].entity_type;
        if !def.between.allows(type_of(from), type_of(to)) {
            return Err(format!(
                "{id}: `{ty}` does not go from a mention of type {} to one of type {}",
                type_of(from),
                type_of(to)
            ));
        }
        Ok(Some(Ends::Mentions(from, to)))
    }

    /// Attributes, actor references and notes, on annotations not refused already.
    fn read_extras(&mut self, lines: &'a [Parsed]) {
        for p in lines {
            let result = match &p.what {
                AnnLine::Attribute { target, .. }
                | AnnLine::Reference { target, .. }
                | AnnLine::Note { target, .. }
                    if self.refused.contains(target.as_str()) =>
                {
                    continue;
                }
                AnnLine::Attribute { name, target, value } => {
                    self.read_attribute(&p.id, name, target, value.as_deref())
                }
                AnnLine::Reference { ty, target, db, entry } => self.read_reference(&p.id, ty, target, db, entry),
                AnnLine::Note { ty, target, text } => self.read_note(&p.id, ty, target, text),
                _ => continue,
            };
            if let Err(msg) = result {
                self.err(p.line, msg);
            }
        }
    }

    /// An `A` line: an attribute's value on a mention or an event.
    fn read_attribute(&mut self, id: &str, name: &str, target: &str, value: Option<&str>) -> Result<(), String> {
        let schema = self.schema;
        let Some(def) = schema.attribute(&name.into()) else {
            return Err(format!("{id}: `{name}` is not an attribute of the schema"));
        };
        let value = attr_value(def, value).map_err(|e| format!("{id}: {e}"))?;
        let attrs = match (def.target, self.mention_of.get(target), self.event_of.get(target)) {
            (AttributeTarget::Mention, Some(m), _) => {
                &mut self.layer.mentions.get_mut(m).expect("made above").attributes
            }
            (AttributeTarget::Event, _, Some(e)) => &mut self.layer.events.get_mut(e).expect("made above").attributes,
            _ => {
                let what = if def.target == AttributeTarget::Mention { "a mention (T)" } else { "an event (E)" };
                return Err(format!("{id}: attribute `{name}` goes on {what}, and {target} is not one"));
            }
        };
        if attrs.insert(def.id.clone(), value).is_some() {
            return Err(format!("{id}: attribute `{name}` is set twice on {target}"));
        }
        Ok(())
    }

    /// An `N` line: a mention's link to an actor of the registry.
    fn read_reference(&mut self, id: &str, ty: &str, target: &str, db: &str, entry: &str) -> Result<(), String> {
        if ty != "Reference" || db != ACTOR_DB {
            return Err(format!("{id}: only `Reference <T> {ACTOR_DB}:<actor id>` links are understood"));
        }
        let actor = ActorId::from(entry);
        if !self.actors.actors.contains_key(&actor) {
            return Err(format!("{id}: actor `{entry}` is not in the actor registry"));
        }
        let Some(m) = self.mention_of.get(target) else {
            return Err(format!("{id}: {target} is not a mention (an entity's T line)"));
        };
        let mention = self.layer.mentions.get_mut(m).expect("made above");
        if mention.actor.replace(actor).is_some() {
            return Err(format!("{id}: {target} is linked to two actors"));
        }
        Ok(())
    }

    /// A `#` line: the note of a mention, an event or a relation (the last one given is kept).
    fn read_note(&mut self, id: &str, ty: &str, target: &str, text: &str) -> Result<(), String> {
        if ty != "AnnotatorNotes" {
            return Err(format!("{id}: `{ty}` notes are not understood (only AnnotatorNotes)"));
        }
        let event = self.event_ref(target);
        let slot = if let Some(m) = self.mention_of.get(target) {
            &mut self.layer.mentions.get_mut(m).expect("made above").note
        } else if let Some(e) = event {
            &mut self.layer.events.get_mut(&e).expect("made above").note
        } else if let Some(r) = self.relation_of.get(target) {
            match self.layer.relations.get_mut(r) {
                Some(relation) => &mut relation.note,
                None => &mut self.layer.mention_relations.get_mut(r).expect("made above").note,
            }
        } else {
            return Err(format!("{id}: {target} is no mention, event or relation of this file"));
        };
        let had_one = !slot.is_empty();
        *slot = text.to_owned();
        if had_one {
            return Err(format!("{id}: {target} has two notes"));
        }
        Ok(())
    }

    /// The layer, or every refusal sorted by line; the project's validation runs on a layer that passed.
    fn finish(mut self) -> Result<Layer, Vec<(usize, String)>> {
        if self.errors.is_empty() {
            // Anything the checks above missed (they mirror the project's validation).
            for f in validate_layer(&self.layer, self.schema, self.text, self.actors) {
                self.errors.push((0, f.message));
            }
        }
        if self.errors.is_empty() {
            Ok(self.layer)
        } else {
            self.errors.sort_by_key(|(line, _)| *line);
            Err(self.errors)
        }
    }
}

/// An attribute's value from its `A` line's value token, checked against its kind.
fn attr_value(def: &AttributeDef, value: Option<&str>) -> Result<AttrValue, String> {
    let name = &def.id;
    let decoded = || {
        let v = value.ok_or_else(|| format!("attribute `{name}` needs a value"))?;
        decode_token(v).ok_or_else(|| format!("`{v}` is not a valid value of `{name}` (a bad % escape)"))
    };
    match &def.kind {
        AttributeKind::Boolean => match value {
            None | Some("true") => Ok(AttrValue::Bool(true)),
            Some("false") => Ok(AttrValue::Bool(false)),
            Some(v) => Err(format!("`{name}` is a yes/no attribute: give no value (not `{v}`)")),
        },
        AttributeKind::Choice(choices) => {
            let v = decoded()?;
            if choices.contains(&v) {
                Ok(AttrValue::Choice(v))
            } else {
                Err(format!("`{v}` is not one of the choices of `{name}` ({})", choices.join(", ")))
            }
        }
        AttributeKind::Number => {
            let v = decoded()?;
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(AttrValue::Number)
                .ok_or_else(|| format!("`{v}` is not a number (attribute `{name}`)"))
        }
        AttributeKind::Date => {
            let v = decoded()?;
            if crate::model::is_partial_date(&v) {
                Ok(AttrValue::Date(v))
            } else {
                Err(format!("`{v}` is not a date as YYYY, YYYY-MM or YYYY-MM-DD (attribute `{name}`)"))
            }
        }
        AttributeKind::Text => Ok(AttrValue::Text(decoded()?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::brat::layer_to_ann;
    use crate::model::{Actor, ActorKind, default_conflict_schema};

    #[test]
    fn a_span_across_a_line_break_is_written_as_fragments_and_read_back() {
        let text = DocText::new("قصفت الطائرات\nالقاعدة اليوم".to_owned());
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), Mention::new(Span::new(5, 21), "ACTOR"));
        let ann = layer_to_ann(&layer, &text, &ActorRegistry::default());
        assert_eq!(ann, "T1\tACTOR 5 13;14 21\tالطائرات القاعدة\n");
        let back = ann_to_layer(&ann, &text, &default_conflict_schema(), &ActorRegistry::default()).unwrap();
        assert_eq!(back, layer);
    }

    #[test]
    fn every_kind_of_line_round_trips() {
        let text = DocText::new("قصفت الميليشيات القاعدة في دير الزور".to_owned());
        let mut actors = ActorRegistry::default();
        let actor = Actor {
            name: "Militias".into(),
            aliases: vec![],
            kind: ActorKind::Militia,
            affiliation: None,
            notes: String::new(),
        };
        actors.actors.insert("militias".into(), actor);
        let mut layer = Layer::default();
        let mut m1 = Mention::new(Span::new(5, 15), "ACTOR");
        m1.actor = Some("militias".into());
        m1.note = "line\none".into();
        layer.mentions.insert(MentionId(1), m1);
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(16, 23), "LOCATION"));
        layer.mentions.insert(MentionId(3), Mention::new(Span::new(27, 36), "LOCATION"));
        let mut attributes = crate::model::Attributes::new();
        attributes.insert("modality".into(), AttrValue::Choice("claimed".into()));
        attributes.insert("fatalities".into(), AttrValue::Number(2.5));
        let args = [("Attacker", 1), ("Target", 2), ("Location", 3)];
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: "ATTACK".into(),
            trigger: Span::new(0, 4),
            arguments: args.iter().map(|(r, m)| Argument { role: (*r).into(), mention: MentionId(*m) }).collect(),
            attributes,
            note: String::new(),
            provenance: None,
            curation: None,
        };
        layer.events.insert(EventId(1), event.clone());
        layer.events.insert(EventId(2), Event { arguments: vec![], attributes: Default::default(), ..event });
        let rel = Relation { relation_type: "RESPONSE_TO".into(), from: EventId(2), to: EventId(1), note: "n".into() };
        layer.relations.insert(RelationId(1), rel);
        let ann = layer_to_ann(&layer, &text, &actors);
        assert!(ann.contains("E1\tATTACK:T4 Attacker:T1 Target:T2 Location:T3\n"), "{ann}");
        assert!(ann.contains("R1\tRESPONSE_TO Arg1:E2 Arg2:E1\n"), "{ann}");
        assert!(ann.contains("N1\tReference T1 tarmeez-actors:militias\tMilitias\n"), "{ann}");
        assert!(ann.contains("#1\tAnnotatorNotes T1\tline\\none\n"), "{ann}");
        let back = ann_to_layer(&ann, &text, &default_conflict_schema(), &actors).unwrap();
        assert_eq!(back, layer);
    }
}
