//! The full record of one event of one coder's layer, as an event dataset publishes it: ACLED's and UCDP
//! GED's fields, and for each field the words of the article that justify it. The ACLED, UCDP and GeoJSON
//! exports (`formats::acled`, `formats::ucdp`, `formats::geojson`) write these records.
//!
//! A record extends the events table's row ([`EventRow`]): the same roles fill the actors, the place and the
//! date, by the same rules (`formats::events_table`). What a record adds:
//! - **actor1 / actor2**: the first filler of each actor role, by the registry's canonical name; a role's
//!   further fillers are that actor's associated actors.
//! - **associated actors** ([`associated`]): per actor, its role's further fillers, the mentions its mention
//!   is AFFILIATED_WITH (the first end of the relation is the actor), the registry's `affiliation` of its actor,
//!   and the fillers of a role whose id starts with `assoc` (`Associated actor 1` or `… 2`: the one ending in `2`
//!   goes with actor 2, any other with actor 1). Distinct names, the actor's own left out.
//! - **inter1 / inter2**: the ACLED code of the actor's registry kind ([`crate::model::ActorKind::acled_inter`]),
//!   0 when the role is empty, `None` (left empty) when its filler is not linked to the registry; the
//!   **interaction** code from both ([`crate::model::acled_interaction`]), empty when either is unknown.
//! - **dates** ([`dates`]): the row's date, the `date_end` attribute and the coder's `date_precision`.
//! - **ACLED types**: the `sub_event_type` attribute gives the event and disorder types
//!   ([`crate::model::acled::sub_event_parents`]); a `disorder_type` attribute overrides the latter.
//! - **place**: the row's registry place, with its country's codes ([`codes::country_of`]).
//! - **type_of_violence** ([`codes::type_of_violence`]) from both actors' kinds and civilian targeting.
//! - **evidence** ([`Evidence`]): explicit, the spans the coder gave a field (`Event::evidence`); implicit,
//!   the role fillers' own spans for `actor1`, `actor2`, `location`, `date` (the time role) and `source`
//!   (SOURCE fillers).

pub mod associated;
mod build;
pub mod codes;
pub mod dates;
#[cfg(test)]
mod tests;

pub use build::{document_records, project_records};
pub use codes::{COUNTRIES, Country, country_of, type_of_violence};
pub use dates::{Day, RecordDates};

use crate::formats::events_table::EventRow;
use crate::model::{ActorId, ActorKind, FieldId, Place, Span, acled_interaction};

/// ACLED's `inter1`, `inter2` and `interaction` of a record's two actors: an absent actor is 0, an actor not
/// linked to the registry (no kind) is unknown; the interaction is known when both codes are and at least
/// one actor is there.
pub fn acled_codes(actor1: Option<&RecordActor>, actor2: Option<&RecordActor>) -> (Option<u8>, Option<u8>, Option<u8>) {
    let inter = |a: Option<&RecordActor>| match a {
        None => Some(0),
        Some(a) => a.kind.map(ActorKind::acled_inter),
    };
    let (inter1, inter2) = (inter(actor1), inter(actor2));
    let interaction = match (inter1, inter2) {
        (Some(0), Some(0)) => None,
        (Some(a), Some(b)) => Some(acled_interaction(a, b)),
        _ => None,
    };
    (inter1, inter2, interaction)
}

/// The record's own fields that evidence can justify besides the event's attributes (whose ids are fields
/// too); the implicit evidence uses these names, and `source` for the SOURCE fillers.
pub use crate::model::evidence::RECORD_FIELDS as FIELDS;

/// One actor of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordActor {
    /// The registry's canonical name, else the words of the mention.
    pub name: String,
    /// The registry's actor, when the mention is linked.
    pub actor: Option<ActorId>,
    /// The registry actor's kind.
    pub kind: Option<ActorKind>,
}

/// A span of the article that justifies one field of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The field (`fatalities`, `actor1`, `sub_event_type`, ...).
    pub field: FieldId,
    /// Where, in code points of the document's text.
    pub span: Span,
    /// The words at the span, as written.
    pub quote: String,
    /// `true` when the coder gave the span for the field; `false` when it is a role filler's own span.
    pub explicit: bool,
}

/// The full record of one event of one layer.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    /// The events table's row the record extends: document, annotator, event, location words, source,
    /// notes, trigger.
    pub row: EventRow,
    /// The dataset id ([`crate::model::Event::record_id`]).
    pub record_id: String,
    /// The date or range with its precision codes.
    pub dates: RecordDates,
    /// ACLED's disorder type, empty when not coded.
    pub disorder_type: String,
    /// ACLED's event type, empty when not coded.
    pub acled_event_type: String,
    /// ACLED's sub-event type, empty when not coded.
    pub sub_event_type: String,
    /// The first actor.
    pub actor1: Option<RecordActor>,
    /// The second actor.
    pub actor2: Option<RecordActor>,
    /// The first actor's associated actors.
    pub assoc_actor_1: Vec<String>,
    /// The second actor's associated actors.
    pub assoc_actor_2: Vec<String>,
    /// ACLED's code of the first actor's type: 0 without an actor, `None` when its kind is unknown.
    pub inter1: Option<u8>,
    /// ACLED's code of the second actor's type.
    pub inter2: Option<u8>,
    /// ACLED's interaction code, when both codes are known.
    pub interaction: Option<u8>,
    /// The coder said civilians were the target.
    pub civilian_targeting: bool,
    /// The registry place.
    pub place: Option<Place>,
    /// The place's country, when it is one Tarmeez knows the codes of.
    pub country: Option<&'static Country>,
    /// Killed, best estimate.
    pub fatalities: Option<f64>,
    /// Killed, lowest estimate.
    pub fatalities_low: Option<f64>,
    /// Killed, highest estimate.
    pub fatalities_high: Option<f64>,
    /// Injured.
    pub injured: Option<f64>,
    /// The outlet, then who it cites (SOURCE fillers), joined with `"; "`.
    pub source: String,
    /// ACLED's source scale, as coded.
    pub source_scale: String,
    /// ACLED's tags, as coded.
    pub tags: String,
    /// UCDP's type of violence.
    pub type_of_violence: Option<u8>,
    /// The document's title (UCDP's `source_headline`).
    pub headline: String,
    /// The document's publication date (UCDP's `source_date`).
    pub published: String,
    /// The evidence of every field: explicit first, by field, then the implicit.
    pub evidence: Vec<Evidence>,
}

impl EventRecord {
    /// The name of the first actor, or empty.
    pub fn actor1_name(&self) -> &str {
        self.actor1.as_ref().map_or("", |a| a.name.as_str())
    }

    /// The name of the second actor, or empty.
    pub fn actor2_name(&self) -> &str {
        self.actor2.as_ref().map_or("", |a| a.name.as_str())
    }

    /// The place's name as datasets write it, else the words of the place role.
    pub fn location(&self) -> &str {
        self.place.as_ref().map_or(self.row.location.as_str(), |p| p.name.as_str())
    }

    /// Latitude and longitude, when the registry knows them.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        self.place.as_ref().and_then(Place::coordinates)
    }
}
