//! Associated actors (ACLED's `assoc_actor_1`, `assoc_actor_2`): who acted with or for an event's actor.
//!
//! The rule, for the mentions filling one actor role (the first is the actor itself):
//! 1. the role's further fillers ("the militias of the Revolutionary Guard and Hezbollah": both attacked);
//! 2. for every filler, the mentions it is AFFILIATED_WITH, the filler being the relation's first end ("a
//!    militia AFFILIATED_WITH the force it answers to"; the other way round is a unit of the actor, not its
//!    associate);
//! 3. for every filler linked to the registry, its actor's `affiliation` (one step up, not the whole chain);
//! 4. the fillers of the event's `assoc…` roles that go with this actor (see the module above).
//!
//! Names are the registry's canonical names, else the words as written; each once, in that order, and never
//! the actor's own name.

use crate::model::{ActorRegistry, DocText, Layer, Mention, MentionId, RelationTypeId};

/// The relation type that links an actor's mention to the mention of whom it belongs to.
pub const AFFILIATED_WITH: &str = "AFFILIATED_WITH";

/// The name of a mention: its registry actor's canonical name, else its words on one line (as the events
/// table names fillers).
pub fn mention_name(actors: &ActorRegistry, text: &DocText, m: &Mention) -> String {
    m.actor.as_ref().and_then(|id| actors.actors.get(id)).map_or_else(
        || text.slice(m.span).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" "),
        |a| a.name.clone(),
    )
}

/// The associated actors of the actor whose role is filled by `fillers` (the actor first), with `assoc_role`
/// the fillers of the `assoc…` roles that go with it, by the module's rule.
pub fn associated_actors(
    actors: &ActorRegistry,
    layer: &Layer,
    text: &DocText,
    fillers: &[(&MentionId, &Mention)],
    assoc_role: &[(&MentionId, &Mention)],
) -> Vec<String> {
    let name = |m: &Mention| mention_name(actors, text, m);
    let affiliated = RelationTypeId::from(AFFILIATED_WITH);
    let mut names: Vec<String> = fillers.iter().skip(1).map(|(_, m)| name(m)).collect();
    for (id, _) in fillers {
        let to = layer.mention_relations.values().filter(|r| r.relation_type == affiliated && r.from == **id);
        names.extend(to.filter_map(|r| layer.mentions.get(&r.to)).map(name));
    }
    for (_, filler) in fillers {
        let parent = filler.actor.as_ref().and_then(|id| actors.actors.get(id)).and_then(|a| a.affiliation.as_ref());
        names.extend(parent.and_then(|p| actors.actors.get(p)).map(|a| a.name.clone()));
    }
    names.extend(assoc_role.iter().map(|(_, m)| name(m)));
    let own = fillers.first().map(|(_, m)| name(m));
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !n.is_empty() && Some(&n) != own.as_ref() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}
