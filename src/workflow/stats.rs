//! Counts over a project, for `tarmeez stats` and the status bar.

use crate::model::{ReviewStatus, SuggestedLabel};
use crate::store::Project;
use std::collections::BTreeMap;
use std::fmt;

/// What a project holds, over every annotator's layer and every suggestion source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents in the project.
    pub documents: usize,
    /// Documents with problems (not counted below).
    pub broken_documents: usize,
    /// Annotator layers.
    pub layers: usize,
    /// Mentions by entity type.
    pub mentions_by_type: BTreeMap<String, usize>,
    /// Events by event type.
    pub events_by_type: BTreeMap<String, usize>,
    /// Relations between events.
    pub relations: usize,
    /// Relations between mentions, by relation type.
    pub mention_relations_by_type: BTreeMap<String, usize>,
    /// Review decisions by status, pooled over every coder (each coder's decision on a suggestion counts
    /// once), and as "pending" the suggestions no coder has decided.
    pub suggestions_by_status: BTreeMap<ReviewStatus, usize>,
    /// Suggestions by proposed type.
    pub suggestions_by_type: BTreeMap<String, usize>,
    /// Actors in the registry.
    pub actors: usize,
}

impl Stats {
    /// Counts everything in `project`, loading every document first.
    pub fn of(project: &Project) -> Stats {
        project.load_all();
        let mut s =
            Stats { documents: project.documents().len(), actors: project.actors().actors.len(), ..Stats::default() };
        for doc in project.documents() {
            let Some(loaded) = doc.loaded() else {
                s.broken_documents += 1;
                continue;
            };
            for layer in loaded.layers.values() {
                s.layers += 1;
                for m in layer.mentions.values() {
                    *s.mentions_by_type.entry(m.entity_type.to_string()).or_default() += 1;
                }
                for e in layer.events.values() {
                    *s.events_by_type.entry(e.event_type.to_string()).or_default() += 1;
                }
                s.relations += layer.relations.len();
                for r in layer.mention_relations.values() {
                    *s.mention_relations_by_type.entry(r.relation_type.to_string()).or_default() += 1;
                }
            }
            for (source, set) in &loaded.suggestions {
                for (id, sug) in &set.suggestions {
                    let mut decided = false;
                    for d in loaded.layers.values().filter_map(|l| l.decision(source, *id)) {
                        *s.suggestions_by_status.entry(d.status).or_default() += 1;
                        decided = true;
                    }
                    if !decided {
                        *s.suggestions_by_status.entry(ReviewStatus::Pending).or_default() += 1;
                    }
                    let ty = match &sug.label {
                        SuggestedLabel::Entity(t) => t.to_string(),
                        SuggestedLabel::Event(t) => t.to_string(),
                    };
                    *s.suggestions_by_type.entry(ty).or_default() += 1;
                }
            }
        }
        s
    }
}

fn table<K: fmt::Debug + fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    rows: &BTreeMap<K, usize>,
) -> fmt::Result {
    let total: usize = rows.values().sum();
    writeln!(f, "{title}: {total}")?;
    for (k, n) in rows {
        writeln!(f, "  {:<14} {n:>7}", k.to_string())?;
    }
    Ok(())
}

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Edited => "edited",
        })
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Documents: {} ({} with problems)", self.documents, self.broken_documents)?;
        writeln!(f, "Annotator layers: {}", self.layers)?;
        writeln!(f, "Actors in registry: {}", self.actors)?;
        table(f, "Mentions", &self.mentions_by_type)?;
        table(f, "Events", &self.events_by_type)?;
        writeln!(f, "Relations: {}", self.relations)?;
        if !self.mention_relations_by_type.is_empty() {
            table(f, "Relations between mentions", &self.mention_relations_by_type)?;
        }
        table(f, "Review decisions (all coders)", &self.suggestions_by_status)?;
        table(f, "Suggestions by type", &self.suggestions_by_type)
    }
}
