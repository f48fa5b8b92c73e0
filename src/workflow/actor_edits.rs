//! Changes to the actor registry as project edits: create an actor, add an alias, merge two actors.
//! Merging touches every document whose layer links to the absorbed actor, so it lives here, with the
//! project, rather than in the model.

use crate::model::{Actor, ActorId, ActorKind, Edit, ProjectEdit, slugify};
use crate::store::{Project, StoreError};

/// A new actor id: a readable slug of `name` and a time-ordered random part (`"حزب الله"` →
/// `hzb-llh-019ad3c2e4f87b6a9c0d1e2f3a4b5c6d`), so that two coders who add the same actor on two laptops mint
/// two ids and two files, which git merges without asking anyone (DESIGN.md section 11). Ids minted before
/// (plain slugs such as `kataib-hezbollah`) stay valid.
pub fn new_actor_id(project: &Project, name: &str) -> ActorId {
    loop {
        let id = mint_actor_id(name);
        // 74 random bits per millisecond make a repeat practically impossible; the check costs nothing.
        if !project.actors().actors.contains_key(&id) {
            return id;
        }
    }
}

/// The slug part of an actor id is cut to this many bytes, so the whole id stays a file name of at most
/// [`crate::model::MAX_SLUG_LEN`] bytes.
const ACTOR_SLUG_LEN: usize = crate::model::MAX_SLUG_LEN - 33;

/// `<slug of name>-<UUID v7 as 32 hex digits>`: the UUID's first 48 bits are the time in milliseconds, so ids
/// sort by creation; the other 74 are random.
pub fn mint_actor_id(name: &str) -> ActorId {
    let slug = if name.chars().any(char::is_alphanumeric) { slugify(name) } else { "actor".to_owned() };
    let mut slug: String = slug.chars().take(ACTOR_SLUG_LEN).collect();
    while slug.ends_with(['-', '_']) {
        slug.pop();
    }
    ActorId::new(format!("{slug}-{}", uuid::Uuid::now_v7().simple()))
}

/// Creates an actor named `name`, with `alias` (the mention text it was made from, if any) as its first alias.
pub fn create_actor(project: &Project, name: &str, kind: ActorKind, alias: Option<&str>) -> (ProjectEdit, ActorId) {
    let id = new_actor_id(project, name);
    let actor = Actor {
        name: name.trim().to_owned(),
        aliases: alias.map(|a| vec![a.trim().to_owned()]).unwrap_or_default(),
        kind,
        affiliation: None,
        notes: String::new(),
    };
    (ProjectEdit::PutActor(id.clone(), Some(actor)), id)
}

/// Adds `alias` to an actor unless it already has it (exactly, or as its name).
pub fn add_alias(project: &Project, id: &ActorId, alias: &str) -> Result<Option<ProjectEdit>, StoreError> {
    let alias = alias.trim();
    let actor =
        project.actors().actors.get(id).ok_or_else(|| StoreError::Rejected(format!("there is no actor `{id}`")))?;
    if alias.is_empty() || actor.name == alias || actor.aliases.iter().any(|a| a == alias) {
        return Ok(None);
    }
    let mut changed = actor.clone();
    changed.aliases.push(alias.to_owned());
    Ok(Some(ProjectEdit::PutActor(id.clone(), Some(changed))))
}

/// Merges `absorbed` into `kept`: the kept actor gains the other's name and aliases as aliases, every mention
/// of the current annotator linked to the absorbed actor is relinked, affiliations to it are moved, and the
/// absorbed actor is removed — all as one edit.
///
/// Loads every document first. Refused when another coder's layer links to the absorbed actor: removing it
/// would make their files invalid, and each coder writes only their own files.
pub fn merge_actors(project: &Project, kept: &ActorId, absorbed: &ActorId) -> Result<ProjectEdit, StoreError> {
    if kept == absorbed {
        return Err(StoreError::Rejected("an actor cannot be merged into itself".into()));
    }
    let missing = |id: &ActorId| StoreError::Rejected(format!("there is no actor `{id}`"));
    let keep = project.actors().actors.get(kept).ok_or_else(|| missing(kept))?.clone();
    let gone = project.actors().actors.get(absorbed).ok_or_else(|| missing(absorbed))?.clone();
    project.load_all();
    let broken: Vec<String> = project.documents().iter().filter(|d| d.is_broken()).map(|d| d.id.to_string()).collect();
    if !broken.is_empty() {
        // Their links to the absorbed actor cannot be checked or relinked.
        return Err(StoreError::Rejected(format!(
            "`{}` cannot be merged while documents have problems ({}); fix them first",
            gone.name,
            broken.join(", ")
        )));
    }
    let me = project.annotator().clone();
    let mut edits = Vec::new();
    for doc in project.documents() {
        let Some(loaded) = doc.loaded() else { continue };
        for (annotator, layer) in &loaded.layers {
            let linked: Vec<_> = layer.mentions.iter().filter(|(_, m)| m.actor.as_ref() == Some(absorbed)).collect();
            if linked.is_empty() {
                continue;
            }
            if annotator != &me {
                return Err(StoreError::Rejected(format!(
                    "`{}` cannot be merged: {annotator}'s annotations of `{}` link to it; \
                     they can relink their mentions first",
                    gone.name, doc.id
                )));
            }
            for (id, m) in linked {
                let mut relinked = m.clone();
                relinked.actor = Some(kept.clone());
                edits.push(ProjectEdit::Layer(doc.id.clone(), Edit::PutMention(*id, Some(relinked))));
            }
        }
    }
    let mut merged = keep;
    for alias in std::iter::once(&gone.name).chain(&gone.aliases) {
        if merged.name != *alias && !merged.aliases.contains(alias) {
            merged.aliases.push(alias.clone());
        }
    }
    if merged.affiliation.as_ref() == Some(absorbed) {
        merged.affiliation = gone.affiliation.clone().filter(|a| a != kept);
    }
    if !gone.notes.is_empty() && !merged.notes.contains(&gone.notes) {
        merged.notes =
            if merged.notes.is_empty() { gone.notes.clone() } else { format!("{}; {}", merged.notes, gone.notes) };
    }
    for (id, actor) in &project.actors().actors {
        if actor.affiliation.as_ref() == Some(absorbed) && id != kept && id != absorbed {
            let mut moved = actor.clone();
            moved.affiliation = Some(kept.clone());
            edits.push(ProjectEdit::PutActor(id.clone(), Some(moved)));
        }
    }
    edits.push(ProjectEdit::PutActor(kept.clone(), Some(merged)));
    edits.push(ProjectEdit::PutActor(absorbed.clone(), None));
    Ok(ProjectEdit::Batch(edits))
}
