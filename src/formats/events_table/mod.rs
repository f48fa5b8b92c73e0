//! The event table: one row per event of a coder's layer, as in ACLED (date, event type, actor 1, actor 2,
//! location, fatalities, modality, source, document). The CSV export and the window's table are built on it.
//!
//! Which role goes to which column is read from the schema, not from role names, so a project with its own
//! event types gets a sensible table too:
//! - **actor1 / actor2**: the fillers of the event type's first and second roles whose allowed entity types
//!   include [`ACTOR`] (ATTACK: Attacker / Target, THREAT: Threatener / Threatened, STATEMENT: Speaker /
//!   Addressee, MOVEMENT: Agent / none). A filler of another type (a targeted base marked as a LOCATION) is
//!   kept: it is still what the coder said was attacked.
//! - **location**: the fillers of the first role that allows [`LOCATION`] but not [`ACTOR`] (ATTACK and
//!   THREAT: Location, MOVEMENT: Origin). Roles that also allow actors are already the actor columns; taking
//!   them here would put ATTACK's Target in the location column.
//! - A cell with several fillers joins them with `"; "`, in the order the coder filled them, each once. A
//!   mention linked to an actor of the registry shows the actor's canonical name (so that every spelling of
//!   a militia counts as one actor); any other mention shows its text.
//! - **date**, the first that is set (see [`DateBasis`]): a date attribute of the event itself; else the
//!   normalized date (a date attribute) of the first filler of the first role allowing [`TIME`] that has
//!   one; else the date that filler's words name against the publication date (`text::dates`: "مساء أمس"
//!   in an article of 29 June is the 28th); else the document's publication date. The time expression's own
//!   words are in [`EventRow::time_text`], so a reader can check a date not given by the coder.
//! - **fatalities**: the event's [`FATALITIES`] attribute. It is never inferred from CASUALTIES mentions,
//!   which also count the injured; an event without the attribute has no value, which is not zero.
//! - **modality**: the event's [`MODALITY`] attribute.
//! - **source**: the outlet from the document's metadata; **reported_by**: the event's fillers that are
//!   [`SOURCE`] mentions (a ministry speaking), where the schema lets a role take them.

mod columns;
#[cfg(test)]
mod tests;

pub use columns::{EventColumn, sort_rows};

use crate::text::quote::quoted;

use crate::model::{
    Annotator, AttrValue, AttributeDef, AttributeKind, AttributeTarget, Attributes, DocId, DocText, EntityTypeId,
    Event, EventId, EventTypeId, Layer, Mention, Place, PlaceId, Role, Schema, Span,
};
use crate::store::Project;

/// The entity type whose roles fill the actor columns.
pub const ACTOR: &str = "ACTOR";
/// The entity type of places.
pub const LOCATION: &str = "LOCATION";
/// The entity type of time expressions.
pub const TIME: &str = "TIME";
/// The entity type of who reports an event.
pub const SOURCE: &str = "SOURCE";
/// The event attribute holding the number of people killed.
pub const FATALITIES: &str = "fatalities";
/// The event attribute holding whether the event is asserted, denied, claimed or threatened.
pub const MODALITY: &str = "modality";

/// Where an event's date came from, so that a reader knows how far to trust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateBasis {
    /// A date attribute of the event.
    Event,
    /// The normalized date of the event's time expression.
    TimeMention,
    /// The date the time expression's words name against the publication date ("مساء أمس" in an article of
    /// 29 June: the 28th), read by `text::dates` because the coder gave it no normalized date.
    TimeWords,
    /// The document's publication date: the event happened then or shortly before.
    Publication,
    /// No date is known.
    Unknown,
}

impl DateBasis {
    /// A short word for tables and CSV: `event`, `time`, `time-words`, `publication`, or empty.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Event => "event",
            DateBasis::TimeMention => "time",
            DateBasis::TimeWords => "time-words",
            DateBasis::Publication => "publication",
            DateBasis::Unknown => "",
        }
    }
}

/// One event of one annotator's layer, as a row of an ACLED-like table. Cells are plain text, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The document.
    pub doc: DocId,
    /// Whose layer the event is in.
    pub annotator: Annotator,
    /// The event's id in that layer.
    pub event: EventId,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or empty when unknown.
    pub date: String,
    /// Where [`EventRow::date`] came from.
    pub date_basis: DateBasis,
    /// The words of the event's time expression(s), as written.
    pub time_text: String,
    /// The event type's id.
    pub event_type_id: EventTypeId,
    /// The event type's display name (its id if the schema lacks it).
    pub event_type: String,
    /// The first actor role's fillers.
    pub actor1: String,
    /// The second actor role's fillers.
    pub actor2: String,
    /// The place role's fillers.
    pub location: String,
    /// The registry place of the event: that of the first filler of the place role linked to a place of
    /// the registry, else of any other filler linked to one (an attacked base marked as a LOCATION target).
    pub place: Option<PlaceId>,
    /// The place's latitude and longitude, when the registry knows them.
    pub coordinates: Option<(f64, f64)>,
    /// Killed, when the coder recorded it.
    pub fatalities: Option<f64>,
    /// asserted, denied, claimed, threatened, or empty.
    pub modality: String,
    /// SOURCE mentions among the event's fillers.
    pub reported_by: String,
    /// The outlet or file the document came from (its metadata's source).
    pub source: String,
    /// The coder's note on the event.
    pub notes: String,
    /// The trigger's span in the document.
    pub trigger: Span,
    /// The trigger's words.
    pub trigger_text: String,
}

impl EventRow {
    /// A project-wide id, `<doc>:<event>` ("al-omar-oilfield-2021-06-29:e1"). Two coders' layers number
    /// their events independently, so with several annotators the key is this id and the annotator.
    pub fn id(&self) -> String {
        format!("{}:{}", self.doc, self.event)
    }

    /// Where the date came from, in words for a reader of the table: `time role «مساء أمس»` when the time
    /// expression's normalized date was used; `read from «مساء أمس»` when its words were read against the
    /// publication date; `publication («…» undated)` when they could not be, so the reader sees that the date
    /// may be a day or more late. The time words are isolated (`text::quote`), so that a leading number stays
    /// with them inside the English words.
    pub fn date_source(&self) -> String {
        match self.date_basis {
            DateBasis::Event => "event's date attribute".to_owned(),
            DateBasis::TimeMention => format!("time role {}", quoted(&self.time_text)),
            DateBasis::TimeWords => format!("read from {}", quoted(&self.time_text)),
            DateBasis::Publication if self.time_text.is_empty() => "publication date".to_owned(),
            DateBasis::Publication => format!("publication ({} undated)", quoted(&self.time_text)),
            DateBasis::Unknown => String::new(),
        }
    }

    /// The fatalities as text: a whole number without decimals, empty when unknown.
    pub fn fatalities_text(&self) -> String {
        self.fatalities.map(format_number).unwrap_or_default()
    }
}

/// A number as a person writes it: `5`, not `5.0`; `2.5` stays.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

/// The rows of one annotator's layer of a loaded document, by event id. Empty when the document is not
/// loaded (see [`Project::load_document`]), is broken, or has no layer by `annotator`.
pub fn document_rows(project: &Project, doc: &DocId, annotator: &Annotator) -> Vec<EventRow> {
    let Some(entry) = project.document(doc) else { return Vec::new() };
    let Some(loaded) = entry.loaded() else { return Vec::new() };
    let Some(layer) = loaded.layers.get(annotator) else { return Vec::new() };
    let (publication, source) = entry.meta.as_ref().map_or(("", ""), |m| (m.date.as_str(), m.source.as_str()));
    let cx = Cx { project, doc, annotator, layer, text: &loaded.text, publication, source };
    layer.events.iter().map(|(id, event)| cx.row(*id, event)).collect()
}

/// The rows of every document, loading each one first: by document, annotator and event. Only
/// `annotator`'s layers when given, else every coder's. Broken documents are skipped; they stay flagged in
/// the project (see [`crate::store::DocEntry::is_broken`]), so a caller can name them.
pub fn project_rows(project: &Project, annotator: Option<&Annotator>) -> Vec<EventRow> {
    project.load_all();
    let mut rows = Vec::new();
    for entry in project.documents() {
        let Some(loaded) = entry.loaded() else { continue };
        for coder in loaded.layers.keys().filter(|a| annotator.is_none_or(|want| want == *a)) {
            rows.extend(document_rows(project, &entry.id, coder));
        }
    }
    rows
}

/// The roles of an event type that fill the table's columns, chosen by the rules of this module's
/// documentation; the dataset records (`workflow::event_record`) read the same roles.
#[derive(Clone, Copy, Debug, Default)]
pub struct ColumnRoles<'s> {
    /// The first role allowing [`ACTOR`].
    pub actor1: Option<&'s Role>,
    /// The second role allowing [`ACTOR`].
    pub actor2: Option<&'s Role>,
    /// The first role allowing [`LOCATION`] but not [`ACTOR`].
    pub place: Option<&'s Role>,
    /// The first role allowing [`TIME`].
    pub time: Option<&'s Role>,
}

impl<'s> ColumnRoles<'s> {
    /// The column roles among an event type's `roles`.
    pub fn of(roles: &'s [Role]) -> Self {
        let allows = |r: &Role, ty: &str| r.allowed.iter().any(|a| a.as_str() == ty);
        let mut actor_roles = roles.iter().filter(|r| allows(r, ACTOR));
        Self {
            actor1: actor_roles.next(),
            actor2: actor_roles.next(),
            place: roles.iter().find(|r| allows(r, LOCATION) && !allows(r, ACTOR)),
            time: roles.iter().find(|r| allows(r, TIME)),
        }
    }
}

/// What the rows of one layer are built from.
struct Cx<'a> {
    project: &'a Project,
    doc: &'a DocId,
    annotator: &'a Annotator,
    layer: &'a Layer,
    text: &'a DocText,
    /// The document's publication date, the last resort for an event's date.
    publication: &'a str,
    /// The document's outlet.
    source: &'a str,
}

impl Cx<'_> {
    fn schema(&self) -> &Schema {
        &self.project.config().schema
    }

    /// The date the first time filler's words name against the publication date, as a partial date.
    fn read_date(&self, time_fillers: &[&Mention]) -> Option<String> {
        let published = crate::text::dates::CivilDate::parse(self.publication)?;
        time_fillers
            .iter()
            .find_map(|m| crate::text::dates::resolve(&self.mention_text(m), published))
            .map(|reading| reading.partial_date())
    }

    /// The row of one event.
    fn row(&self, id: EventId, event: &Event) -> EventRow {
        let event_type = self.schema().event_type(&event.event_type);
        let ColumnRoles { actor1, actor2, place, time } =
            ColumnRoles::of(event_type.map_or(&[][..], |t| t.roles.as_slice()));
        let time_fillers = time.map(|r| self.fillers(event, r)).unwrap_or_default();
        let registry_place = self.registry_place(event, place);

        let (date, date_basis) = if let Some(d) = self.date_attribute(&event.attributes, AttributeTarget::Event) {
            (d, DateBasis::Event)
        } else if let Some(d) =
            time_fillers.iter().find_map(|m| self.date_attribute(&m.attributes, AttributeTarget::Mention))
        {
            (d, DateBasis::TimeMention)
        } else if let Some(d) = self.read_date(&time_fillers) {
            (d, DateBasis::TimeWords)
        } else if !self.publication.is_empty() {
            (self.publication.to_owned(), DateBasis::Publication)
        } else {
            (String::new(), DateBasis::Unknown)
        };
        let source_type = EntityTypeId::from(SOURCE);
        let reporters: Vec<&Mention> = event
            .arguments
            .iter()
            .filter_map(|a| self.layer.mentions.get(&a.mention))
            .filter(|m| m.entity_type == source_type)
            .collect();
        EventRow {
            doc: self.doc.clone(),
            annotator: self.annotator.clone(),
            event: id,
            date,
            date_basis,
            time_text: join(time_fillers.iter().map(|m| self.mention_text(m))),
            event_type_id: event.event_type.clone(),
            event_type: event_type.map_or_else(|| event.event_type.to_string(), |t| t.name.clone()),
            actor1: self.cell(event, actor1),
            actor2: self.cell(event, actor2),
            location: self.cell(event, place),
            place: registry_place.map(|(id, _)| id.clone()),
            coordinates: registry_place.and_then(|(_, p)| p.coordinates()),
            fatalities: match event.attributes.get(&FATALITIES.into()) {
                Some(AttrValue::Number(n)) => Some(*n),
                _ => None,
            },
            modality: event.attributes.get(&MODALITY.into()).map(attr_text).unwrap_or_default(),
            reported_by: join(reporters.into_iter().map(|m| self.name(m))),
            source: self.source.to_owned(),
            notes: event.note.clone(),
            trigger: event.trigger,
            trigger_text: self.span_text(event.trigger),
        }
    }

    /// The mentions filling `role`, in the order the coder filled them.
    fn fillers(&self, event: &Event, role: &Role) -> Vec<&Mention> {
        event
            .arguments
            .iter()
            .filter(|a| a.role == role.id)
            .filter_map(|a| self.layer.mentions.get(&a.mention))
            .collect()
    }

    /// The registry place of the event (see [`EventRow::place`]).
    fn registry_place(&self, event: &Event, place_role: Option<&Role>) -> Option<(&PlaceId, &Place)> {
        let places = &self.project.places().places;
        let linked = |m: &Mention| m.place.as_ref().and_then(|id| places.get_key_value(id));
        let in_role = place_role.into_iter().flat_map(|r| self.fillers(event, r));
        let any = event.arguments.iter().filter_map(|a| self.layer.mentions.get(&a.mention));
        in_role.chain(any).find_map(linked)
    }

    /// A role's fillers as one cell.
    fn cell(&self, event: &Event, role: Option<&Role>) -> String {
        role.map(|r| join(self.fillers(event, r).into_iter().map(|m| self.name(m)))).unwrap_or_default()
    }

    /// The first date-kind attribute of `target` set in `attributes`, read from the schema so that a
    /// project may name its date attributes as it likes; the last day of a range
    /// ([`crate::model::acled::DATE_END`]) is not the event's date.
    fn date_attribute(&self, attributes: &Attributes, target: AttributeTarget) -> Option<String> {
        let is_date = |d: &&AttributeDef| {
            d.target == target && d.kind == AttributeKind::Date && d.id.as_str() != crate::model::acled::DATE_END
        };
        self.schema().attributes.iter().filter(is_date).find_map(|d| match attributes.get(&d.id) {
            Some(AttrValue::Date(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        })
    }

    /// The registry's canonical name for a linked mention, else its text.
    fn name(&self, m: &Mention) -> String {
        m.actor
            .as_ref()
            .and_then(|id| self.project.actors().actors.get(id))
            .map_or_else(|| self.mention_text(m), |a| a.name.clone())
    }

    fn mention_text(&self, m: &Mention) -> String {
        self.span_text(m.span)
    }

    /// The words of a span on one line: a table cell has no room for the article's line breaks.
    fn span_text(&self, span: Span) -> String {
        let raw = self.text.slice(span).unwrap_or_default();
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Distinct non-empty values, in first-seen order, joined with `"; "`.
fn join(values: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in values {
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join("; ")
}

/// Any attribute value as cell text.
fn attr_text(v: &AttrValue) -> String {
    match v {
        AttrValue::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        AttrValue::Number(n) => format_number(*n),
        AttrValue::Choice(s) | AttrValue::Date(s) | AttrValue::Text(s) => s.clone(),
    }
}
