//! Building the records of a layer from its events table rows (see the module's rules).

use super::associated::{associated_actors, mention_name};
use super::{EventRecord, Evidence, RecordActor, RecordDates, codes};
use crate::formats::events_table::{self, ColumnRoles, EventRow, SOURCE};
use crate::model::acled::{self, sub_event_parents};
use crate::model::{Annotator, AttrValue, DocId, DocText, Event, FieldId, Layer, Mention, MentionId, Role, Schema};
use crate::store::Project;

/// The event attribute holding how well the date is known (`day`, `week`, `month`, `year`), as the default
/// schema names it.
pub const DATE_PRECISION: &str = "date_precision";

/// The records of one annotator's layer of a loaded document, by event id; empty as
/// [`events_table::document_rows`] is.
pub fn document_records(project: &Project, doc: &DocId, annotator: &Annotator) -> Vec<EventRecord> {
    let rows = events_table::document_rows(project, doc, annotator);
    let Some(entry) = project.document(doc) else { return Vec::new() };
    let Some(loaded) = entry.loaded() else { return Vec::new() };
    let Some(layer) = loaded.layers.get(annotator) else { return Vec::new() };
    let (headline, published) = entry.meta.as_ref().map_or(("", ""), |m| (m.title.as_str(), m.date.as_str()));
    let cx = Cx { project, layer, text: &loaded.text, headline, published };
    rows.into_iter().filter_map(|row| layer.events.get(&row.event).map(|e| cx.record(row, e))).collect()
}

/// The records of every document, loading each first: by document, annotator and event; `annotator`'s
/// layers only when given, as [`events_table::project_rows`].
pub fn project_records(project: &Project, annotator: Option<&Annotator>) -> Vec<EventRecord> {
    project.load_all();
    let mut out = Vec::new();
    for entry in project.documents() {
        let Some(loaded) = entry.loaded() else { continue };
        for coder in loaded.layers.keys().filter(|a| annotator.is_none_or(|want| want == *a)) {
            out.extend(document_records(project, &entry.id, coder));
        }
    }
    out
}

/// What the records of one layer are built from.
struct Cx<'a> {
    project: &'a Project,
    layer: &'a Layer,
    text: &'a DocText,
    headline: &'a str,
    published: &'a str,
}

/// The mentions filling each role a record reads.
struct Fillers<'a> {
    actor1: Vec<(&'a MentionId, &'a Mention)>,
    actor2: Vec<(&'a MentionId, &'a Mention)>,
    assoc1: Vec<(&'a MentionId, &'a Mention)>,
    assoc2: Vec<(&'a MentionId, &'a Mention)>,
    place: Vec<(&'a MentionId, &'a Mention)>,
    time: Vec<(&'a MentionId, &'a Mention)>,
    sources: Vec<(&'a MentionId, &'a Mention)>,
}

impl<'a> Cx<'a> {
    fn schema(&self) -> &Schema {
        &self.project.config().schema
    }

    /// The mentions filling `role` in `event`, in the order the coder filled them.
    fn fillers(&self, event: &Event, role: Option<&Role>) -> Vec<(&'a MentionId, &'a Mention)> {
        let Some(role) = role else { return Vec::new() };
        event
            .arguments
            .iter()
            .filter(|a| a.role == role.id)
            .filter_map(|a| self.layer.mentions.get_key_value(&a.mention))
            .collect()
    }

    fn all_fillers(&self, event: &Event) -> Fillers<'a> {
        let roles = self.schema().event_type(&event.event_type).map_or(&[][..], |t| t.roles.as_slice());
        let columns = ColumnRoles::of(roles);
        let assoc = |second: bool| {
            let mut out = Vec::new();
            for role in roles.iter().filter(|r| r.id.as_str().to_lowercase().starts_with("assoc")) {
                if role.id.as_str().trim_end().ends_with('2') == second {
                    out.extend(self.fillers(event, Some(role)));
                }
            }
            out
        };
        let source = crate::model::EntityTypeId::from(SOURCE);
        let sources = event
            .arguments
            .iter()
            .filter_map(|a| self.layer.mentions.get_key_value(&a.mention))
            .filter(|(_, m)| m.entity_type == source)
            .collect();
        Fillers {
            actor1: self.fillers(event, columns.actor1),
            actor2: self.fillers(event, columns.actor2),
            assoc1: assoc(false),
            assoc2: assoc(true),
            place: self.fillers(event, columns.place),
            time: self.fillers(event, columns.time),
            sources,
        }
    }

    fn actor(&self, fillers: &[(&MentionId, &Mention)]) -> Option<RecordActor> {
        let (_, m) = fillers.first()?;
        let registry = m.actor.as_ref().and_then(|id| self.project.actors().actors.get(id));
        Some(RecordActor {
            name: mention_name(self.project.actors(), self.text, m),
            actor: m.actor.clone().filter(|_| registry.is_some()),
            kind: registry.map(|a| a.kind),
        })
    }

    /// The record of one event.
    fn record(&self, row: EventRow, event: &Event) -> EventRecord {
        let f = self.all_fillers(event);
        let attrs = Attrs(event);
        let (actor1, actor2) = (self.actor(&f.actor1), self.actor(&f.actor2));
        let (inter1, inter2, interaction) = super::acled_codes(actor1.as_ref(), actor2.as_ref());
        let sub_event_type = attrs.text(acled::SUB_EVENT_TYPE);
        let (acled_event_type, parent_disorder) = sub_event_parents(&sub_event_type).unwrap_or(("", ""));
        let disorder = attrs.text(acled::DISORDER_TYPE);
        let civilian_targeting = attrs.flag(acled::CIVILIAN_TARGETING);
        let place = row.place.as_ref().and_then(|id| self.project.places().places.get(id)).cloned();
        let country = place.as_ref().and_then(|p| codes::country_of(&p.country));
        let actors = self.project.actors();
        let assoc = |fill: &[(&MentionId, &Mention)], role: &[(&MentionId, &Mention)]| {
            associated_actors(actors, self.layer, self.text, fill, role)
        };
        let source: Vec<&str> =
            [row.source.as_str(), row.reported_by.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
        EventRecord {
            record_id: event.record_id(&row.doc),
            dates: RecordDates::new(
                &row.date,
                row.date_basis,
                Some(attrs.text(acled::DATE_END)).filter(|s| !s.is_empty()).as_deref(),
                Some(attrs.text(DATE_PRECISION)).filter(|s| !s.is_empty()).as_deref(),
            ),
            disorder_type: if disorder.is_empty() { parent_disorder.to_owned() } else { disorder },
            acled_event_type: acled_event_type.to_owned(),
            sub_event_type,
            assoc_actor_1: assoc(&f.actor1, &f.assoc1),
            assoc_actor_2: assoc(&f.actor2, &f.assoc2),
            type_of_violence: codes::type_of_violence(
                actor1.as_ref().and_then(|a| a.kind),
                actor2.as_ref().and_then(|a| a.kind),
                civilian_targeting,
            ),
            actor1,
            actor2,
            inter1,
            inter2,
            interaction,
            civilian_targeting,
            place,
            country,
            fatalities: row.fatalities,
            fatalities_low: attrs.number(acled::FATALITIES_LOW),
            fatalities_high: attrs.number(acled::FATALITIES_HIGH),
            injured: attrs.number(acled::INJURED),
            source: source.join("; "),
            source_scale: attrs.text(acled::SOURCE_SCALE),
            tags: attrs.text(acled::TAGS),
            headline: self.headline.to_owned(),
            published: self.published.to_owned(),
            evidence: self.evidence(event, &f),
            row,
        }
    }

    /// The explicit evidence (the coder's, by field), then the implicit (role fillers' spans).
    fn evidence(&self, event: &Event, f: &Fillers) -> Vec<Evidence> {
        let quote = |span| self.text.slice(span).unwrap_or_default().to_owned();
        let mut out = Vec::new();
        for (field, spans) in &event.evidence {
            for span in spans {
                out.push(Evidence { field: field.clone(), span: *span, quote: quote(*span), explicit: true });
            }
        }
        let implicit = [
            ("actor1", &f.actor1),
            ("actor2", &f.actor2),
            ("location", &f.place),
            ("date", &f.time),
            ("source", &f.sources),
        ];
        for (field, fillers) in implicit {
            for (_, m) in fillers.iter() {
                out.push(Evidence { field: FieldId::from(field), span: m.span, quote: quote(m.span), explicit: false });
            }
        }
        out
    }
}

/// An event's attribute values read by kind.
struct Attrs<'a>(&'a Event);

impl Attrs<'_> {
    /// A choice, text or date as text; empty when unset or of another kind.
    fn text(&self, id: &str) -> String {
        match self.0.attributes.get(&id.into()) {
            Some(AttrValue::Choice(s) | AttrValue::Text(s) | AttrValue::Date(s)) => s.trim().to_owned(),
            _ => String::new(),
        }
    }

    fn number(&self, id: &str) -> Option<f64> {
        match self.0.attributes.get(&id.into()) {
            Some(AttrValue::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// A yes/no attribute: a true boolean, or a choice or text that is not empty, `no` or `false`.
    fn flag(&self, id: &str) -> bool {
        match self.0.attributes.get(&id.into()) {
            Some(AttrValue::Bool(b)) => *b,
            Some(AttrValue::Choice(s) | AttrValue::Text(s)) => {
                !matches!(s.trim().to_lowercase().as_str(), "" | "no" | "false")
            }
            _ => false,
        }
    }
}
