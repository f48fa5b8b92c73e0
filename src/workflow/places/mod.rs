//! Places for LOCATION mentions: the gazetteer shipped with Tarmeez ([`Gazetteer`], GeoNames' Syria and
//! Iraq), search over it and the project's place registry ([`find_places`]), the place a mention's text
//! names ([`resolve_place`]) and the edit that links a mention to a place ([`link_edit`]).
//!
//! Matching is the actor registry's (`text::matching`: normalized, clitic-aware, typo-tolerant), with what
//! place names add: a name is also tried with its spaces removed, and so is the query, because Arabic news
//! often writes two-word names as one (`ديرالزور` for `دير الزور`, `البوكمال` beside `البو كمال`); and words
//! that say what kind of place follows (`مدينة`, `محافظة`, `ريف`, ...) are read as hints, not as part of the
//! name ([`resolve_place`]).

mod find;
mod gazetteer;
mod link;
mod resolve;
mod suggest;
#[cfg(test)]
mod tests;

pub use find::{PlaceMatch, find_places};
pub use gazetteer::{Gazetteer, GazetteerError, geonames_id};
pub use link::{LOCATION, LinkError, link_edit};
pub use resolve::resolve_place;
pub use suggest::{PlaceQuery, place_queries, text_stems};

// The registry's own edits (branch places): new places, removal, auto-linking.
mod registry;
pub use registry::{AutoLinked, PlaceInUse, auto_link, create_place, new_place_id, place_links, remove_place};

use crate::model::PlaceKind;

/// How large a kind of place is, smallest number first: where two places match a query equally well, the
/// larger one is listed first, because a coder who typed a name shared by a governorate and a village means
/// the governorate far more often, and the village stays one line below.
fn size_rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 0,
        PlaceKind::Admin1 => 1,
        PlaceKind::Admin2 => 2,
        PlaceKind::Town => 3,
        PlaceKind::Admin3 => 4,
        PlaceKind::Area => 5,
        PlaceKind::Base | PlaceKind::Site | PlaceKind::Crossing => 6,
        PlaceKind::Village => 7,
        PlaceKind::Water | PlaceKind::Other => 8,
    }
}
