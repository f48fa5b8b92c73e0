//! The labels a task file uses (and its labeling config declares), as a [`FoundTypes`]: what the schema
//! would need to take the file, for mapping the labels onto its types or adding them.

use super::tasks::{ResultKind, TaskFile};
use crate::formats::found_types::FoundTypes;
use std::collections::HashMap;

/// What `file` uses, after what `config` (its project's labeling config, see [`super::config::read_config`])
/// declares. A span label is an event's when the config declares it so, or when its control's `from_name`
/// says `event` or `trigger` (as Tarmeez's export writes); else an entity's. A relation from an event's
/// region to an entity's is a role of that event; any other relation is a relation between its ends' labels.
pub fn found_types(file: &TaskFile, config: Option<&FoundTypes>) -> FoundTypes {
    let mut found = config.cloned().unwrap_or_default();
    let declared_event = |label: &str| config.is_some_and(|c| c.events.iter().any(|e| e.label == label));
    let annotations = file.tasks.iter().filter_map(|(_, t)| t.as_ref().ok()).flat_map(|t| &t.annotations);
    for annotation in annotations.filter(|a| !a.cancelled) {
        // Each region's first label, and whether it is an event's.
        let mut regions: HashMap<&str, (&str, bool)> = HashMap::new();
        for r in &annotation.results {
            let ResultKind::Span { labels, .. } = &r.kind else { continue };
            let name = r.from_name.to_lowercase();
            let by_name = name.contains("event") || name.contains("trigger");
            for label in labels {
                let event = by_name || declared_event(label);
                if event {
                    found.add_event(label);
                } else {
                    found.add_entity(label);
                }
                regions.entry(r.id.as_str()).or_insert((label, event));
            }
        }
        for r in &annotation.results {
            let ResultKind::Relation { from, to, labels, direction } = &r.kind else { continue };
            let (mut a, mut b) = (regions.get(from.as_str()), regions.get(to.as_str()));
            if direction == "left" {
                std::mem::swap(&mut a, &mut b);
            }
            for label in labels {
                match (a, b) {
                    (Some((event, true)), Some((filler, false))) => found.add_role(event, label, Some(filler)),
                    _ => found.add_relation(label, a.map(|x| x.0), b.map(|x| x.0)),
                }
            }
        }
    }
    // A relation label met as a role is a role only.
    let roles: Vec<String> = found.events.iter().flat_map(|e| e.roles.iter().map(|r| r.name.clone())).collect();
    found.relations.retain(|r| !roles.contains(&r.label) || !r.from.is_empty() || !r.to.is_empty());
    found
}

/// What the task file at `path` uses, after what its labeling config declares (`config`, else
/// `label_config.xml` beside the file when there is one); nothing when the file cannot be read.
pub fn found_types_at(path: &std::path::Path, config: Option<&std::path::Path>) -> FoundTypes {
    let beside = path.with_file_name(super::config::FILE_NAME);
    let config_path = config.map(std::path::Path::to_owned).or_else(|| beside.is_file().then_some(beside));
    let declared =
        config_path.and_then(|c| std::fs::read_to_string(c).ok()).and_then(|xml| super::config::read_config(&xml).ok());
    let file = super::tasks::read_tasks(path).unwrap_or_default();
    found_types(&file, declared.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::label_studio::tasks::parse_tasks;

    #[test]
    fn span_labels_relations_and_roles_are_found() {
        let file = parse_tasks(
            r#"[{"data": {"text": "x"}, "annotations": [{"completed_by": 1, "result": [
                {"id": "t", "from_name": "event", "type": "labels", "value": {"start": 0, "end": 1, "labels": ["Attack"]}},
                {"id": "a", "from_name": "label", "type": "labels", "value": {"start": 0, "end": 1, "labels": ["PER"]}},
                {"id": "b", "from_name": "label", "type": "labels", "value": {"start": 0, "end": 1, "labels": ["ORG"]}},
                {"from_id": "t", "to_id": "a", "type": "relation", "labels": ["Attacker"]},
                {"from_id": "a", "to_id": "b", "type": "relation", "labels": ["member_of"]}]}]}]"#,
        )
        .unwrap();
        let mut config = FoundTypes::default();
        config.add_entity("LOC");
        config.add_relation("Attacker", None, None);
        let found = found_types(&file, Some(&config));
        assert_eq!(found.entities, ["LOC", "PER", "ORG"]);
        assert_eq!(found.events[0].label, "Attack");
        assert_eq!(found.events[0].roles[0].name, "Attacker");
        assert!(found.events[0].roles[0].fillers.contains("PER"));
        let relations: Vec<&str> = found.relations.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(relations, ["member_of"]);
        assert!(found.relations[0].from.contains("PER") && found.relations[0].to.contains("ORG"));
    }
}
