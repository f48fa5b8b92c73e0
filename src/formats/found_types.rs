//! The types another tool's files declare or use, in that tool's own names: what a reader reports before an
//! import, so that labels the schema lacks can be mapped onto its types or added to it (`--map`,
//! `--add-types`, and the window's mapping dialog).
//!
//! A reader fills a [`FoundTypes`] from a configuration (brat's `annotation.conf`, Label Studio's labeling
//! config, a WebAnno TSV header) or from the annotations themselves; each label is kept once, in the order
//! first met, so that what the user is shown follows the file.

use std::collections::BTreeSet;

/// The labels of one file or folder, by what they make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundTypes {
    /// Labels of spans that are mentions (brat entities, Label Studio `Labels`, WebAnno named entities).
    pub entities: Vec<String>,
    /// Labels of event triggers, each with the roles it was met with.
    pub events: Vec<FoundEvent>,
    /// Labels of relations, with the labels met at each end.
    pub relations: Vec<FoundRelation>,
}

/// An event label and its roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundEvent {
    /// The event's label.
    pub label: String,
    /// Its roles, in the order first met.
    pub roles: Vec<FoundRole>,
}

/// A role of an event label, with the labels of the mentions met filling it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundRole {
    /// The role's name in the file (`Attacker`; brat's numbered `Location2` is `Location`).
    pub name: String,
    /// Labels of its fillers (entity labels).
    pub fillers: BTreeSet<String>,
}

/// A relation label, with the labels of what it was met between.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundRelation {
    /// The relation's label.
    pub label: String,
    /// Labels at its start (entity labels for a relation between mentions, event labels between events).
    pub from: BTreeSet<String>,
    /// Labels at its end.
    pub to: BTreeSet<String>,
}

impl FoundTypes {
    /// Notes an entity label (once).
    pub fn add_entity(&mut self, label: &str) {
        if !self.entities.iter().any(|l| l == label) {
            self.entities.push(label.to_owned());
        }
    }

    /// Notes an event label (once), and returns it to add roles to.
    pub fn add_event(&mut self, label: &str) -> &mut FoundEvent {
        let at = match self.events.iter().position(|e| e.label == label) {
            Some(at) => at,
            None => {
                self.events.push(FoundEvent { label: label.to_owned(), roles: Vec::new() });
                self.events.len() - 1
            }
        };
        &mut self.events[at]
    }

    /// Notes that `role` of the event label `event` was filled by a mention labelled `filler` (`None` when the
    /// filler's label is not known, as in a configuration that names none).
    pub fn add_role(&mut self, event: &str, role: &str, filler: Option<&str>) {
        let event = self.add_event(event);
        let at = match event.roles.iter().position(|r| r.name == role) {
            Some(at) => at,
            None => {
                event.roles.push(FoundRole { name: role.to_owned(), fillers: BTreeSet::new() });
                event.roles.len() - 1
            }
        };
        if let Some(filler) = filler {
            event.roles[at].fillers.insert(filler.to_owned());
        }
    }

    /// Notes a relation label met between `from` and `to` (labels, when known).
    pub fn add_relation(&mut self, label: &str, from: Option<&str>, to: Option<&str>) {
        let at = match self.relations.iter().position(|r| r.label == label) {
            Some(at) => at,
            None => {
                self.relations.push(FoundRelation { label: label.to_owned(), ..FoundRelation::default() });
                self.relations.len() - 1
            }
        };
        let relation = &mut self.relations[at];
        relation.from.extend(from.map(str::to_owned));
        relation.to.extend(to.map(str::to_owned));
    }

    /// Everything `other` found, added after what this holds.
    pub fn merge(&mut self, other: &FoundTypes) {
        for label in &other.entities {
            self.add_entity(label);
        }
        for event in &other.events {
            self.add_event(&event.label);
            for role in &event.roles {
                self.add_role(&event.label, &role.name, None);
                for filler in &role.fillers {
                    self.add_role(&event.label, &role.name, Some(filler));
                }
            }
        }
        for relation in &other.relations {
            self.add_relation(&relation.label, None, None);
            for from in &relation.from {
                self.add_relation(&relation.label, Some(from), None);
            }
            for to in &relation.to {
                self.add_relation(&relation.label, None, Some(to));
            }
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.events.is_empty() && self.relations.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_label_is_kept_once_in_the_order_first_met() {
        let mut found = FoundTypes::default();
        found.add_entity("PER");
        found.add_entity("ORG");
        found.add_entity("PER");
        found.add_role("Attack", "Attacker", Some("PER"));
        found.add_role("Attack", "Attacker", Some("ORG"));
        found.add_role("Attack", "Place", None);
        found.add_relation("Member", Some("PER"), Some("ORG"));
        found.add_relation("Member", Some("PER"), Some("PER"));
        assert_eq!(found.entities, ["PER", "ORG"]);
        assert_eq!(found.events.len(), 1);
        let roles: Vec<_> = found.events[0].roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(roles, ["Attacker", "Place"]);
        assert_eq!(found.events[0].roles[0].fillers.len(), 2);
        assert_eq!(found.relations[0].to.len(), 2);
        let mut all = FoundTypes::default();
        all.add_entity("LOC");
        all.merge(&found);
        assert_eq!(all.entities, ["LOC", "PER", "ORG"]);
        assert_eq!(all.events, found.events);
        assert_eq!(all.relations, found.relations);
    }
}
