//! The project-wide actor registry: who is who, under every spelling the articles use.

use super::ActorId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of party an actor is (ACLED's actor types, simplified).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A state's own military or police.
    StateForces,
    /// A pro-government or identity militia.
    Militia,
    /// A rebel or insurgent group.
    RebelGroup,
    /// A political party or movement.
    PoliticalParty,
    /// A foreign state's forces or a coalition acting abroad.
    ExternalForce,
    /// Civilians.
    Civilians,
    /// A government body, agency or other organisation.
    Organisation,
    /// A named person.
    Person,
    /// Anything else.
    Other,
}

/// One actor of the registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Canonical name, used in exported event tables.
    pub name: String,
    /// Spellings found in texts, Arabic and Latin, used for linking and as a gazetteer.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Kind of actor.
    pub kind: ActorKind,
    /// The actor it belongs to (a militia's sponsor, a unit's army).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<ActorId>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// All actors of a project, one file each: `actors/<id>.ron`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRegistry {
    /// Actors by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub actors: BTreeMap<ActorId, Actor>,
}

impl ActorRegistry {
    /// Problems inside the registry: affiliations to unknown actors, to itself, or in a cycle.
    /// Each is `(actor id, sentence)`.
    pub fn problems(&self) -> Vec<(ActorId, String)> {
        let mut out = Vec::new();
        for (id, actor) in &self.actors {
            let Some(parent) = &actor.affiliation else { continue };
            if !self.actors.contains_key(parent) {
                out.push((id.clone(), format!("actor `{id}` is affiliated to unknown actor `{parent}`")));
                continue;
            }
            // Walk up; a chain longer than the registry means a cycle through `id`.
            let mut cur = Some(parent);
            for _ in 0..=self.actors.len() {
                match cur {
                    Some(p) if p == id => {
                        out.push((
                            id.clone(),
                            format!("actor `{id}` is, through its affiliations, affiliated to itself"),
                        ));
                        break;
                    }
                    Some(p) => cur = self.actors.get(p).and_then(|a| a.affiliation.as_ref()),
                    None => break,
                }
            }
        }
        out
    }
}
