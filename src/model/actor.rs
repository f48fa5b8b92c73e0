//! The project-wide actor registry: who is who, under every spelling the articles use.

use super::ActorId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of party an actor is: ACLED's actor types (`inter1`, `inter2`), with a few kinds of its "other"
/// group named apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A state's own military or police.
    StateForces,
    /// A political militia: armed, organised, serving a political aim or a government (ACLED's political
    /// militias).
    Militia,
    /// An identity militia: armed and organised around a tribe, clan, ethnic or religious community.
    IdentityMilitia,
    /// Rioters: a violent crowd without an organisation.
    Rioters,
    /// Protesters: a peaceful demonstration.
    Protesters,
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

impl ActorKind {
    /// Every kind, in the order a list offers them.
    pub const ALL: [ActorKind; 12] = [
        ActorKind::StateForces,
        ActorKind::RebelGroup,
        ActorKind::Militia,
        ActorKind::IdentityMilitia,
        ActorKind::Rioters,
        ActorKind::Protesters,
        ActorKind::Civilians,
        ActorKind::ExternalForce,
        ActorKind::PoliticalParty,
        ActorKind::Organisation,
        ActorKind::Person,
        ActorKind::Other,
    ];

    /// ACLED's actor type code (`inter1`, `inter2`): 1 state forces, 2 rebel groups, 3 political militias,
    /// 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external and other forces. A political
    /// party acts through its militia (3); an organisation, a person or anything else is an "other force" (8).
    pub fn acled_inter(self) -> u8 {
        match self {
            ActorKind::StateForces => 1,
            ActorKind::RebelGroup => 2,
            ActorKind::Militia | ActorKind::PoliticalParty => 3,
            ActorKind::IdentityMilitia => 4,
            ActorKind::Rioters => 5,
            ActorKind::Protesters => 6,
            ActorKind::Civilians => 7,
            ActorKind::ExternalForce | ActorKind::Organisation | ActorKind::Person | ActorKind::Other => 8,
        }
    }
}

/// ACLED's `interaction` code of two actor type codes ([`ActorKind::acled_inter`]; 0 for no second actor):
/// the two digits, the lower first (`17` for state forces and civilians either way round), and for an event
/// with one actor its code followed by 0 (`60`: protesters alone).
pub fn acled_interaction(inter1: u8, inter2: u8) -> u8 {
    match (inter1, inter2) {
        (0, 0) => 0,
        (a, 0) | (0, a) => a * 10,
        (a, b) => a.min(b) * 10 + a.max(b),
    }
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
