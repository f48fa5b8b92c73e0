//! Changes to the project's place registry as project edits: a new place with an id two laptops cannot both
//! mint, removing a place (refused while mentions link to it), and linking every unlinked LOCATION mention a
//! document's (or the project's) text names, as one edit that one undo takes back.

use super::{Gazetteer, LOCATION, resolve_place};
use crate::model::{DocId, Edit, EntityTypeId, MentionId, Place, PlaceId, PlaceKind, ProjectEdit, slugify};
use crate::store::Project;
use std::collections::BTreeMap;

/// The slug part of a place id is cut to this many bytes, so the whole id stays a file name of at most
/// [`crate::model::MAX_SLUG_LEN`] bytes (33 are the dash and the UUID).
const PLACE_SLUG_LEN: usize = crate::model::MAX_SLUG_LEN - 33;

/// A new place id: a readable slug of the Latin `name` and a UUID v7 (`"Al Omar oil field"` →
/// `al-omar-oil-field-019ad3c2…`), as `workflow::actor_edits::new_actor_id` mints actor ids: two coders who
/// add the same field base on two laptops get two files, which git merges without asking anyone. Places
/// from the gazetteer keep their `gn-<geonameid>` ids instead.
pub fn new_place_id(project: &Project, name: &str) -> PlaceId {
    loop {
        let slug = if name.chars().any(char::is_alphanumeric) { slugify(name) } else { "place".to_owned() };
        let mut slug: String = slug.chars().take(PLACE_SLUG_LEN).collect();
        while slug.ends_with(['-', '_']) {
            slug.pop();
        }
        let id = PlaceId::new(format!("{slug}-{}", uuid::Uuid::now_v7().simple()));
        // 74 random bits per millisecond make a repeat practically impossible; the check costs nothing.
        if !project.places().places.contains_key(&id) {
            return id;
        }
    }
}

/// The edit that adds a new place named `name` (Latin letters) of `kind`, and its id.
pub fn create_place(project: &Project, name: &str, kind: PlaceKind) -> (ProjectEdit, PlaceId) {
    let id = new_place_id(project, name);
    (ProjectEdit::PutPlace(id.clone(), Some(Place::new(name.trim(), kind))), id)
}

/// A place that mentions still link to, which is therefore not removed.
#[derive(Debug, thiserror::Error)]
#[error(
    "place `{place}` is not removed: {count} mention(s) link to it ({docs}); unlink them first, or change the place \
     instead"
)]
pub struct PlaceInUse {
    /// The place.
    pub place: PlaceId,
    /// How many mentions, of every coder, link to it.
    pub count: usize,
    /// The documents they are in, for the message.
    pub docs: String,
}

/// The mentions of every coder, in every document, that link to `place`: `(document, coder's count)`.
pub fn place_links(project: &Project, place: &PlaceId) -> BTreeMap<DocId, usize> {
    let mut out = BTreeMap::new();
    for entry in project.documents() {
        let Ok(doc) = project.load_document(&entry.id) else { continue };
        let n: usize =
            doc.layers.values().map(|l| l.mentions.values().filter(|m| m.place.as_ref() == Some(place)).count()).sum();
        if n > 0 {
            out.insert(entry.id.clone(), n);
        }
    }
    out
}

/// The edit that removes `place`, refused while any coder's mention links to it: a removed place would
/// leave those mentions without coordinates in every export, and another coder's layer cannot be changed
/// from here.
pub fn remove_place(project: &Project, place: &PlaceId) -> Result<ProjectEdit, PlaceInUse> {
    let links = place_links(project, place);
    if links.is_empty() {
        return Ok(ProjectEdit::PutPlace(place.clone(), None));
    }
    let docs: Vec<String> = links.keys().map(|d| format!("`{d}`")).collect();
    Err(PlaceInUse { place: place.clone(), count: links.values().sum(), docs: docs.join(", ") })
}

/// What auto-linking did: how many mentions it linked and how many unlinked LOCATION mentions it left
/// (their text names no place, or several equally well).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutoLinked {
    /// Mentions linked.
    pub linked: usize,
    /// Unlinked LOCATION mentions left as they were.
    pub left: usize,
    /// The mentions left, with their text, for a report.
    pub unresolved: Vec<(DocId, MentionId, String)>,
}

/// The edit that links every unlinked LOCATION mention of the coder's layer of each of `docs` that
/// [`resolve_place`] resolves, copying the gazetteer places it uses into the project once each; `None` when
/// there is nothing to link. One edit, so one undo takes it all back.
pub fn auto_link(project: &Project, docs: &[DocId], gazetteer: &Gazetteer) -> (Option<ProjectEdit>, AutoLinked) {
    let location = EntityTypeId::new(LOCATION);
    let mut registry = project.places().clone();
    let mut edits = Vec::new();
    let mut out = AutoLinked::default();
    for doc in docs {
        let Ok(loaded) = project.load_document(doc) else { continue };
        let Some(layer) = loaded.layers.get(project.annotator()) else { continue };
        for (id, mention) in &layer.mentions {
            if mention.entity_type != location || mention.place.is_some() {
                continue;
            }
            let text = loaded.text.slice(mention.span).unwrap_or_default();
            let Some(found) = resolve_place(&registry, gazetteer, text) else {
                out.left += 1;
                out.unresolved.push((doc.clone(), *id, text.to_owned()));
                continue;
            };
            if !registry.places.contains_key(&found.id) {
                registry.places.insert(found.id.clone(), found.place.clone());
                edits.push(ProjectEdit::PutPlace(found.id.clone(), Some(found.place)));
            }
            let mut linked = mention.clone();
            linked.place = Some(found.id);
            edits.push(ProjectEdit::Layer(doc.clone(), Edit::PutMention(*id, Some(linked))));
            out.linked += 1;
        }
    }
    ((!edits.is_empty()).then_some(ProjectEdit::Batch(edits)), out)
}
