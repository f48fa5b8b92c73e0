//! Label Studio's labeling config: the XML that says which labels a project offers. Read (roxmltree) to
//! tell which labels a file's project declares, and written beside `tasks.json` so that the export opens in
//! Label Studio with the schema's types.
//!
//! Tarmeez writes the entity types under `<Labels name="entity">`, the event types under `<Labels
//! name="event">`, and the roles and relation types as `<Relation>` values; on reading, a `<Labels>` whose
//! name says `event` or `trigger` declares event labels, any other entity labels. The schema's attributes and
//! the note are per-region controls (see [`super::attributes`]).

use crate::formats::found_types::FoundTypes;
use crate::model::Schema;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The file written beside `tasks.json`.
pub const FILE_NAME: &str = "label_config.xml";

/// Why a labeling config cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("not a Label Studio labeling config: {0}")]
pub struct ConfigError(String);

/// The labels a labeling config declares: `<Label value>` of each `<Labels>` (events when the control's name
/// says `event` or `trigger`), `<Relation value>` of `<Relations>` (their ends are not declared).
pub fn read_config(xml: &str) -> Result<FoundTypes, ConfigError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| ConfigError(e.to_string()))?;
    if !doc.root_element().has_tag_name("View") {
        return Err(ConfigError(format!("its root is <{}>, not <View>", doc.root_element().tag_name().name())));
    }
    let mut found = FoundTypes::default();
    for node in doc.descendants().filter(|n| n.is_element()) {
        match node.tag_name().name() {
            "Labels" | "HyperTextLabels" | "ParagraphLabels" => {
                let name = node.attribute("name").unwrap_or_default().to_lowercase();
                let events = name.contains("event") || name.contains("trigger");
                for label in node.children().filter(|c| c.has_tag_name("Label")) {
                    let Some(value) = label.attribute("value").filter(|v| !v.is_empty()) else { continue };
                    if events {
                        found.add_event(value);
                    } else {
                        found.add_entity(value);
                    }
                }
            }
            "Relation" => {
                if let Some(value) = node.attribute("value").filter(|v| !v.is_empty()) {
                    found.add_relation(value, None, None);
                }
            }
            _ => {}
        }
    }
    Ok(found)
}

/// The labeling config of `schema`: its entity and event types as labels (with their colours), its roles and
/// relation types as relations.
pub fn write_config(schema: &Schema) -> String {
    let mut xml = String::from("<View>\n  <Text name=\"text\" value=\"$text\"/>\n");
    let mut labels = |name: &str, types: Vec<(&str, String)>| {
        let _ = writeln!(xml, "  <Labels name=\"{name}\" toName=\"text\">");
        for (id, color) in types {
            let _ = writeln!(xml, "    <Label value=\"{}\" background=\"{color}\"/>", escape(id));
        }
        xml.push_str("  </Labels>\n");
    };
    labels("entity", schema.entity_types.iter().map(|t| (t.id.as_str(), t.color.to_string())).collect());
    labels("event", schema.event_types.iter().map(|t| (t.id.as_str(), t.color.to_string())).collect());
    let roles = schema.event_types.iter().flat_map(|t| &t.roles).map(|r| r.id.as_str());
    let mut relations: Vec<&str> = Vec::new();
    let mut seen = BTreeSet::new();
    for id in roles.chain(schema.relation_types.iter().map(|r| r.id.as_str())) {
        if seen.insert(id) {
            relations.push(id);
        }
    }
    xml.push_str(&super::attributes::config_controls(schema));
    xml.push_str("  <Relations>\n");
    for id in relations {
        let _ = writeln!(xml, "    <Relation value=\"{}\"/>", escape(id));
    }
    xml.push_str("  </Relations>\n</View>\n");
    xml
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_config_reads_back_as_the_schema_s_labels() {
        let schema = crate::model::default_conflict_schema();
        let found = read_config(&write_config(&schema)).unwrap();
        let ids: Vec<&str> = schema.entity_types.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(found.entities, ids);
        assert_eq!(found.events.len(), schema.event_types.len());
        assert!(found.relations.iter().any(|r| r.label == "Attacker"));
        assert!(found.relations.iter().any(|r| r.label == "AFFILIATED_WITH"));
        let ner = r#"<View><Text name="text" value="$text"/><Labels name="label" toName="text">
            <Label value="PER"/><Label value="ORG"/></Labels><Relations><Relation value="member_of"/></Relations></View>"#;
        let found = read_config(ner).unwrap();
        assert_eq!(found.entities, ["PER", "ORG"]);
        assert_eq!(found.relations[0].label, "member_of");
        assert!(read_config("<Foo/>").is_err());
        assert!(read_config("T1\tPER").is_err());
    }
}
