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
//!   one; else the document's publication date. The time expression's own words ("مساء أمس") are in
//!   [`EventRow::time_text`], so a reader can check a date taken from the publication.
//! - **fatalities**: the event's [`FATALITIES`] attribute. It is never inferred from CASUALTIES mentions,
//!   which also count the injured; an event without the attribute has no value, which is not zero.
//! - **modality**: the event's [`MODALITY`] attribute.
//! - **source**: the outlet from the document's metadata; **reported_by**: the event's fillers that are
//!   [`SOURCE`] mentions (a ministry speaking), where the schema lets a role take them.

use crate::model::{
    Annotator, AttrValue, AttributeKind, AttributeTarget, Attributes, DocId, DocText, EntityTypeId, Event, EventId,
    EventTypeId, Layer, Mention, Role, Schema, Span,
};
use crate::store::Project;
use std::borrow::Cow;
use std::cmp::Ordering;

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
    /// The document's publication date: the event happened then or shortly before.
    Publication,
    /// No date is known.
    Unknown,
}

impl DateBasis {
    /// A short word for tables and CSV: `event`, `time`, `publication`, or empty.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Event => "event",
            DateBasis::TimeMention => "time",
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

    /// The row of one event.
    fn row(&self, id: EventId, event: &Event) -> EventRow {
        let event_type = self.schema().event_type(&event.event_type);
        let roles = event_type.map_or(&[][..], |t| t.roles.as_slice());
        let allows = |r: &Role, ty: &str| r.allowed.iter().any(|a| a.as_str() == ty);
        let mut actor_roles = roles.iter().filter(|r| allows(r, ACTOR));
        let actor1 = actor_roles.next();
        let actor2 = actor_roles.next();
        let place = roles.iter().find(|r| allows(r, LOCATION) && !allows(r, ACTOR));
        let time = roles.iter().find(|r| allows(r, TIME));
        let time_fillers = time.map(|r| self.fillers(event, r)).unwrap_or_default();

        let (date, date_basis) = if let Some(d) = self.date_attribute(&event.attributes, AttributeTarget::Event) {
            (d, DateBasis::Event)
        } else if let Some(d) =
            time_fillers.iter().find_map(|m| self.date_attribute(&m.attributes, AttributeTarget::Mention))
        {
            (d, DateBasis::TimeMention)
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

    /// A role's fillers as one cell.
    fn cell(&self, event: &Event, role: Option<&Role>) -> String {
        role.map(|r| join(self.fillers(event, r).into_iter().map(|m| self.name(m)))).unwrap_or_default()
    }

    /// The first date-kind attribute of `target` set in `attributes`, read from the schema so that a
    /// project may name its date attributes as it likes.
    fn date_attribute(&self, attributes: &Attributes, target: AttributeTarget) -> Option<String> {
        self.schema().attributes.iter().filter(|d| d.target == target && d.kind == AttributeKind::Date).find_map(|d| {
            match attributes.get(&d.id) {
                Some(AttrValue::Date(s)) if !s.is_empty() => Some(s.clone()),
                _ => None,
            }
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

/// A column of the event table, in the order the table shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventColumn {
    /// `<doc>:<event>`.
    Event,
    /// The event's date.
    Date,
    /// Where the date came from.
    DateBasis,
    /// The time expression's words.
    Time,
    /// The event type's name.
    EventType,
    /// Actor 1.
    Actor1,
    /// Actor 2.
    Actor2,
    /// The place.
    Location,
    /// Killed.
    Fatalities,
    /// Asserted, denied, claimed, threatened.
    Modality,
    /// SOURCE mentions of the event.
    ReportedBy,
    /// The document's outlet.
    Source,
    /// The document id.
    Document,
    /// Whose layer.
    Annotator,
    /// The trigger's words.
    Trigger,
    /// The coder's note.
    Notes,
}

impl EventColumn {
    /// Every column, in display order.
    pub const ALL: [EventColumn; 16] = [
        EventColumn::Event,
        EventColumn::Date,
        EventColumn::DateBasis,
        EventColumn::Time,
        EventColumn::EventType,
        EventColumn::Actor1,
        EventColumn::Actor2,
        EventColumn::Location,
        EventColumn::Fatalities,
        EventColumn::Modality,
        EventColumn::ReportedBy,
        EventColumn::Source,
        EventColumn::Document,
        EventColumn::Annotator,
        EventColumn::Trigger,
        EventColumn::Notes,
    ];

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            EventColumn::Event => "Event",
            EventColumn::Date => "Date",
            EventColumn::DateBasis => "Date from",
            EventColumn::Time => "Time",
            EventColumn::EventType => "Event type",
            EventColumn::Actor1 => "Actor 1",
            EventColumn::Actor2 => "Actor 2",
            EventColumn::Location => "Location",
            EventColumn::Fatalities => "Fatalities",
            EventColumn::Modality => "Modality",
            EventColumn::ReportedBy => "Reported by",
            EventColumn::Source => "Source",
            EventColumn::Document => "Document",
            EventColumn::Annotator => "Annotator",
            EventColumn::Trigger => "Trigger",
            EventColumn::Notes => "Notes",
        }
    }

    /// The row's cell in this column, as shown.
    pub fn cell(self, row: &EventRow) -> Cow<'_, str> {
        match self {
            EventColumn::Event => row.id().into(),
            EventColumn::Date => row.date.as_str().into(),
            EventColumn::DateBasis => row.date_basis.as_str().into(),
            EventColumn::Time => row.time_text.as_str().into(),
            EventColumn::EventType => row.event_type.as_str().into(),
            EventColumn::Actor1 => row.actor1.as_str().into(),
            EventColumn::Actor2 => row.actor2.as_str().into(),
            EventColumn::Location => row.location.as_str().into(),
            EventColumn::Fatalities => row.fatalities_text().into(),
            EventColumn::Modality => row.modality.as_str().into(),
            EventColumn::ReportedBy => row.reported_by.as_str().into(),
            EventColumn::Source => row.source.as_str().into(),
            EventColumn::Document => row.doc.as_str().into(),
            EventColumn::Annotator => row.annotator.as_str().into(),
            EventColumn::Trigger => row.trigger_text.as_str().into(),
            EventColumn::Notes => row.notes.as_str().into(),
        }
    }

    /// Whether the row has no value in this column.
    fn is_blank(self, row: &EventRow) -> bool {
        match self {
            EventColumn::Fatalities => row.fatalities.is_none(),
            EventColumn::Event => false,
            _ => self.cell(row).is_empty(),
        }
    }

    /// Orders two rows that both have a value in this column.
    fn compare(self, a: &EventRow, b: &EventRow) -> Ordering {
        match self {
            EventColumn::Fatalities => a.fatalities.unwrap_or(0.0).total_cmp(&b.fatalities.unwrap_or(0.0)),
            // By number, so that e10 comes after e2.
            EventColumn::Event => (&a.doc, &a.annotator, a.event).cmp(&(&b.doc, &b.annotator, b.event)),
            EventColumn::DateBasis => a.date_basis.cmp(&b.date_basis),
            _ => caseless(&self.cell(a), &self.cell(b)),
        }
    }
}

/// Compares text ignoring case ("al-Bukamal" beside "Al-Mayadin"); Arabic has no case and compares as is.
fn caseless(a: &str, b: &str) -> Ordering {
    a.chars().flat_map(char::to_lowercase).cmp(b.chars().flat_map(char::to_lowercase))
}

/// Sorts rows by one column, keeping the previous order among equal cells (so sorting by one column and then
/// another groups by the second and orders by the first inside each group). Fatalities sort as numbers and
/// the event id by its number; text sorts ignoring case. Rows with an empty cell go last in both directions,
/// so that sorting by fatalities, descending, starts with the deadliest events rather than the unknown ones.
pub fn sort_rows(rows: &mut [EventRow], column: EventColumn, ascending: bool) {
    rows.sort_by(|a, b| match (column.is_blank(a), column.is_blank(b)) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => {
            let order = column.compare(a, b);
            if ascending { order } else { order.reverse() }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenOptions;
    use std::path::{Path, PathBuf};

    const DOC: &str = "al-omar-oilfield-2021-06-29";

    /// A private copy of the committed sample (the `sample` layer only, no locks), opened read-only: the
    /// app may be editing the sample itself.
    fn sample() -> (tempfile::TempDir, Project) {
        fn copy(from: &Path, to: &Path) {
            std::fs::create_dir_all(to).unwrap();
            for e in std::fs::read_dir(from).unwrap() {
                let p = e.unwrap().path();
                let name = p.file_name().unwrap().to_owned();
                let in_annotations = from.parent().is_some_and(|d| d.ends_with("annotations"));
                if name == ".locks" || (in_annotations && p.is_file() && name != "sample.ron") {
                    continue;
                }
                if p.is_dir() {
                    copy(&p, &to.join(&name))
                } else {
                    std::fs::copy(&p, to.join(&name)).map(|_| ()).unwrap()
                }
            }
        }
        let tmp = tempfile::tempdir().unwrap();
        let dir: PathBuf = tmp.path().join("project");
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield"), &dir);
        let options = OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true };
        (tmp, Project::open(&dir, options).unwrap())
    }

    fn sample_rows() -> Vec<EventRow> {
        let (_tmp, project) = sample();
        project_rows(&project, Some(&Annotator::parse("sample").unwrap()))
    }

    fn row(rows: &[EventRow], event: u32) -> &EventRow {
        rows.iter().find(|r| r.event == EventId(event)).unwrap()
    }

    #[test]
    fn one_row_per_event_in_id_order() {
        let rows = sample_rows();
        let ids: Vec<String> = rows.iter().map(EventRow::id).collect();
        assert_eq!(ids, (1..=5).map(|n| format!("{DOC}:e{n}")).collect::<Vec<_>>());
        assert!(rows.iter().all(|r| r.annotator.as_str() == "sample" && r.source.starts_with("Seed corpus")));
    }

    #[test]
    fn the_shelling_names_the_militia_by_its_canonical_name_and_keeps_the_targeted_base() {
        let rows = sample_rows();
        let shelling = row(&rows, 1);
        assert_eq!(shelling.event_type, "Attack");
        assert_eq!(shelling.actor1, "Liwa Abu al-Fadl al-Abbas", "the registry's name, not the article's spelling");
        assert_eq!(shelling.actor2, "قاعدة التحالف الدولي", "the Target role is the second actor role");
        assert_eq!(shelling.location, "حقل العمر النفطي; دير الزور", "both Location fillers, in order");
        assert_eq!(shelling.fatalities, Some(0.0));
        assert_eq!(shelling.fatalities_text(), "0");
        assert_eq!(shelling.modality, "asserted");
        assert_eq!(shelling.trigger_text, "قصفت");
        assert_eq!(shelling.time_text, "مساء أمس");
        assert_eq!(shelling.notes, "Eight rockets; no casualties or damage reported");
    }

    #[test]
    fn two_mentions_of_one_actor_make_one_name() {
        let response = &sample_rows()[1];
        assert_eq!(response.actor1, "International Coalition against ISIS");
        assert_eq!(response.actor2, "Liwa Abu al-Fadl al-Abbas");
        assert_eq!(response.location, "منطقة المزارع; مدينة الميادين");
        assert_eq!(response.fatalities, None, "no attribute is unknown, not zero");
    }

    #[test]
    fn the_al_hamidah_strikes_have_a_place_and_fatalities_but_no_attacker() {
        let strikes = &sample_rows()[4];
        assert_eq!(strikes.trigger_text, "استهدفت");
        assert_eq!(strikes.actor1, "");
        assert_eq!(strikes.location, "منطقة الحميضة");
        assert_eq!(strikes.fatalities, Some(5.0));
    }

    #[test]
    fn actor_columns_follow_the_schema_roles() {
        let rows = sample_rows();
        let threat = row(&rows, 3);
        assert_eq!(
            (threat.actor1.as_str(), threat.actor2.as_str()),
            ("Saraya Awliya al-Dam", "United States Armed Forces")
        );
        assert_eq!(threat.location, "العراق");
        assert_eq!(threat.modality, "threatened");
        let statement = row(&rows, 4);
        assert_eq!(statement.event_type, "Statement / call");
        assert_eq!(
            (statement.actor1.as_str(), statement.actor2.as_str()),
            ("Kata'ib Hezbollah", "United States Armed Forces")
        );
        assert_eq!(statement.location, "", "STATEMENT has no place role");
    }

    #[test]
    fn the_date_comes_from_the_time_mention_else_the_publication() {
        let (_tmp, project) = sample();
        let doc = DocId::parse(DOC).unwrap();
        let sample = Annotator::parse("sample").unwrap();
        let rows = project_rows(&project, Some(&sample));
        assert_eq!((rows[0].date.as_str(), rows[0].date_basis), ("2021-06-29", DateBasis::Publication));
        assert_eq!(rows[0].date_basis.as_str(), "publication");

        // Give the shelling's "مساء أمس" its normalized date: the row takes it over the publication date.
        let loaded = project.document(&doc).unwrap().loaded().unwrap();
        let mut layer = loaded.layers[&sample].clone();
        let time = layer.mentions.get_mut(&"m24".parse().unwrap()).unwrap();
        time.attributes.insert("date".into(), AttrValue::Date("2021-06-28".into()));
        let cx = Cx {
            project: &project,
            doc: &doc,
            annotator: &sample,
            layer: &layer,
            text: &loaded.text,
            publication: "2021-06-29",
            source: "",
        };
        let row = cx.row(EventId(1), &layer.events[&EventId(1)]);
        assert_eq!((row.date.as_str(), row.date_basis), ("2021-06-28", DateBasis::TimeMention));
        let undated = Cx { publication: "", ..cx };
        let row = undated.row(EventId(4), &layer.events[&EventId(4)]);
        assert_eq!((row.date.as_str(), row.date_basis), ("", DateBasis::Unknown));
    }

    #[test]
    fn document_rows_is_empty_for_an_unloaded_document_or_an_unknown_annotator() {
        let (_tmp, project) = sample();
        let doc = DocId::parse(DOC).unwrap();
        let sample = Annotator::parse("sample").unwrap();
        assert!(document_rows(&project, &doc, &sample).is_empty(), "not loaded yet");
        project.load_document(&doc).unwrap();
        assert_eq!(document_rows(&project, &doc, &sample).len(), 5);
        assert!(document_rows(&project, &doc, &Annotator::parse("nobody").unwrap()).is_empty());
        assert_eq!(project_rows(&project, None).len(), 5, "every coder's layer when none is named");
    }

    #[test]
    fn sorting_by_fatalities_is_numeric_with_unknowns_last_both_ways() {
        let mut rows = sample_rows();
        rows[1].fatalities = Some(12.0);
        sort_rows(&mut rows, EventColumn::Fatalities, true);
        let order = |rows: &[EventRow]| rows.iter().map(|r| r.event.0).collect::<Vec<_>>();
        // 0 (e1) < 5 (e5) < 12 (e2); e3 and e4 have none and keep their order at the end.
        assert_eq!(order(&rows), [1, 5, 2, 3, 4]);
        sort_rows(&mut rows, EventColumn::Fatalities, false);
        assert_eq!(order(&rows), [2, 5, 1, 3, 4]);
    }

    #[test]
    fn sorting_is_stable_and_ids_sort_by_number() {
        let mut rows = sample_rows();
        rows[0].event = EventId(10);
        sort_rows(&mut rows, EventColumn::EventType, true);
        let order = |rows: &[EventRow]| rows.iter().map(|r| r.event.0).collect::<Vec<_>>();
        assert_eq!(order(&rows), [10, 2, 5, 4, 3], "attacks keep their order; Statement before Threat");
        sort_rows(&mut rows, EventColumn::Event, true);
        assert_eq!(order(&rows), [2, 3, 4, 5, 10]);
        sort_rows(&mut rows, EventColumn::Actor1, true);
        assert_eq!(rows.last().unwrap().event, EventId(5), "the empty attacker goes last");
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(format_number(5.0), "5");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(-0.0), "0");
    }
}
