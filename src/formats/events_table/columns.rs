//! The event table's columns: their titles, each row's cell in a column, and sorting rows by a column.

use super::EventRow;
use std::borrow::Cow;
use std::cmp::Ordering;

/// A column of the event table, in the order the table shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventColumn {
    /// `<doc>:<event>`.
    Event,
    /// The event's date.
    Date,
    /// Where the date came from, in words ([`EventRow::date_source`]; the CSV's `date_basis` is the short
    /// word).
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
            EventColumn::DateBasis => row.date_source().into(),
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
