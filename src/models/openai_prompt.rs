//! What a chat model is asked: the prompt (the project's template, or the built-in one in
//! `openai_prompt.txt`, with `{schema}` and `{text}` put in) and the JSON schema its answer must follow where the
//! server supports structured output (OpenAI's `response_format` of type `json_schema`).
//!
//! The JSON schema keeps to the keywords every server takes: `type`, `properties`, `required`, `items`, `enum`,
//! `anyOf` and `additionalProperties` (OpenAI's strict mode wants the last on every object; vLLM's xgrammar
//! refuses string lengths and patterns; llama.cpp turns the schema into a grammar).

use crate::model::{EventType, ModelServer, Role, Schema};
use serde_json::{Value, json};

/// The placeholder the schema's types and roles replace.
pub const SCHEMA_PLACEHOLDER: &str = "{schema}";

/// The placeholder the document's text replaces (a template must have it).
pub const TEXT_PLACEHOLDER: &str = "{text}";

/// The name the JSON schema is sent under (`response_format.json_schema.name`).
pub const SCHEMA_NAME: &str = "tarmeez_annotations";

/// The built-in prompt template, used when the project's is empty: instructions for coding Arabic conflict
/// news, with the answer's JSON shape, `{schema}` and `{text}`.
pub fn default_prompt() -> &'static str {
    include_str!("openai_prompt.txt")
}

/// The template `server` is asked with: the project's own, or the built-in one when it is empty.
pub fn template_of(server: &ModelServer) -> &str {
    if server.prompt.trim().is_empty() { default_prompt() } else { &server.prompt }
}

/// Whether `template` can be used: it must place the document somewhere (`{text}`).
pub fn check_template(template: &str) -> Result<(), String> {
    if template.contains(TEXT_PLACEHOLDER) {
        Ok(())
    } else {
        Err(format!("the prompt template has no {TEXT_PLACEHOLDER}, so the model would never see the document"))
    }
}

/// The prompt for `text`: `template` with `{schema}` replaced by [`schema_text`] and `{text}` by the document.
/// Both are put in one pass, so a document that itself contains `{schema}` is sent as written. A template
/// without `{text}` is refused with the reason.
pub fn render_prompt(template: &str, schema: &Schema, text: &str) -> Result<String, String> {
    check_template(template)?;
    let schema_text = schema_text(schema);
    let mut out = String::with_capacity(template.len() + text.len() + schema_text.len());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix(TEXT_PLACEHOLDER) {
            out.push_str(text);
            rest = after;
        } else if let Some(after) = tail.strip_prefix(SCHEMA_PLACEHOLDER) {
            out.push_str(&schema_text);
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The project's types and roles as the prompt lists them: ids (which the answer must use) with names and
/// descriptions, and for each role the entity types that may fill it.
pub fn schema_text(schema: &Schema) -> String {
    let mut out = String::from("Entity types (of mentions and role fillers):\n");
    for t in &schema.entity_types {
        out.push_str(&format!("- {}{}\n", t.id.as_str(), described(&t.name, &t.name_ar, &t.description)));
    }
    if schema.entity_types.is_empty() {
        out.push_str("- (none)\n");
    }
    out.push_str("Event types, each with its roles and the entity types that may fill a role:\n");
    for e in &schema.event_types {
        out.push_str(&format!("- {}{}\n", e.id.as_str(), described(&e.name, &e.name_ar, &e.description)));
        for r in &e.roles {
            out.push_str(&format!("  - role {}: {}\n", role_title(r), allowed_text(r, schema)));
        }
    }
    if schema.event_types.is_empty() {
        out.push_str("- (none)\n");
    }
    out
}

/// ` (Name, الاسم): description`, leaving out what is empty or repeats the id.
fn described(name: &str, name_ar: &str, description: &str) -> String {
    let names: Vec<&str> = [name, name_ar].into_iter().filter(|n| !n.trim().is_empty()).collect();
    let mut out = String::new();
    if !names.is_empty() {
        out.push_str(&format!(" ({})", names.join(", ")));
    }
    if !description.trim().is_empty() {
        out.push_str(&format!(": {}", description.trim()));
    }
    out
}

fn role_title(r: &Role) -> String {
    if r.name.trim().is_empty() || r.name == r.id.as_str() {
        r.id.as_str().to_owned()
    } else {
        format!("{} ({})", r.id.as_str(), r.name)
    }
}

fn allowed_text(r: &Role, schema: &Schema) -> String {
    let ids = allowed_ids(r, schema);
    let mut out = if ids.is_empty() { "no entity type".to_owned() } else { ids.join(" or ") };
    if r.required {
        out.push_str(" (required)");
    }
    if r.repeatable {
        out.push_str(" (may be several)");
    }
    out
}

/// The entity types that may fill `role`: its own list, or every entity type when the list is empty.
fn allowed_ids<'a>(role: &'a Role, schema: &'a Schema) -> Vec<&'a str> {
    if role.allowed.is_empty() {
        schema.entity_types.iter().map(|t| t.id.as_str()).collect()
    } else {
        role.allowed.iter().map(|t| t.as_str()).collect()
    }
}

/// The JSON schema of an answer for `schema`: `mentions` with an entity type each, `events` with an event type,
/// a trigger and role fillers whose roles are that event type's and whose types those roles allow. A list the
/// schema has no types for is left out (an empty `enum` is no valid schema).
pub fn response_schema(schema: &Schema) -> Value {
    let mut properties = serde_json::Map::new();
    let entity_ids: Vec<&str> = schema.entity_types.iter().map(|t| t.id.as_str()).collect();
    if !entity_ids.is_empty() {
        let mention = object(&[("text", string()), ("type", one_of(&entity_ids))]);
        properties.insert("mentions".into(), json!({"type": "array", "items": mention}));
    }
    let events: Vec<Value> = schema.event_types.iter().map(|e| event_schema(e, schema)).collect();
    if !events.is_empty() {
        properties.insert("events".into(), json!({"type": "array", "items": any_of(events)}));
    }
    let required: Vec<String> = properties.keys().cloned().collect();
    json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false})
}

fn event_schema(event: &EventType, schema: &Schema) -> Value {
    let roles: Vec<Value> = event
        .roles
        .iter()
        .filter_map(|r| {
            let allowed = allowed_ids(r, schema);
            (!allowed.is_empty())
                .then(|| object(&[("role", one_of(&[r.id.as_str()])), ("text", string()), ("type", one_of(&allowed))]))
        })
        .collect();
    let mut fields = vec![("type", one_of(&[event.id.as_str()])), ("trigger", string())];
    if !roles.is_empty() {
        fields.push(("roles", json!({"type": "array", "items": any_of(roles)})));
    }
    object(&fields)
}

/// A closed object whose every field is required (as OpenAI's strict mode wants).
fn object(fields: &[(&str, Value)]) -> Value {
    let properties: serde_json::Map<String, Value> = fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    let required: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false})
}

fn string() -> Value {
    json!({"type": "string"})
}

fn one_of(ids: &[&str]) -> Value {
    json!({"type": "string", "enum": ids})
}

/// One schema when there is one, else `anyOf` them.
fn any_of(mut schemas: Vec<Value>) -> Value {
    if schemas.len() == 1 { schemas.remove(0) } else { json!({"anyOf": schemas}) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_conflict_schema;

    #[test]
    fn the_default_prompt_places_schema_and_text() {
        let schema = default_conflict_schema();
        let p = render_prompt(default_prompt(), &schema, "قصفت {schema} الطائرات").unwrap();
        assert!(p.contains("Article:\nقصفت {schema} الطائرات"), "the document is sent as written: {p}");
        assert!(p.contains("- ACTOR (Actor, فاعل): An armed group"), "{p}");
        assert!(p.contains("  - role Attacker: ACTOR (required) (may be several)"), "{p}");
        assert!(p.contains("{\"mentions\": [{\"text\""), "other braces are kept: {p}");
        assert!(!p.contains("\n{schema}\n"), "the template's placeholder is replaced: {p}");
    }

    #[test]
    fn a_template_without_text_is_refused() {
        let schema = default_conflict_schema();
        let e = render_prompt("List the {schema} of the article.", &schema, "نص").unwrap_err();
        assert!(e.contains("has no {text}"), "{e}");
        assert_eq!(render_prompt("{text}", &schema, "نص").unwrap(), "نص");
        let mut server = ModelServer::new(crate::model::ServerKind::OpenAi, "http://x");
        assert_eq!(template_of(&server), default_prompt());
        server.prompt = "Mark {text}".into();
        assert_eq!(template_of(&server), "Mark {text}");
    }

    #[test]
    fn the_response_schema_lists_the_types_and_each_event_types_roles() {
        let schema = default_conflict_schema();
        let s = response_schema(&schema);
        assert_eq!(s["required"], json!(["events", "mentions"]));
        assert_eq!(s["properties"]["mentions"]["items"]["properties"]["type"]["enum"][0], "ACTOR");
        let attack = &s["properties"]["events"]["items"]["anyOf"][0];
        assert_eq!(attack["properties"]["type"]["enum"], json!(["ATTACK"]));
        let attacker = &attack["properties"]["roles"]["items"]["anyOf"][0];
        assert_eq!(attacker["properties"]["role"]["enum"], json!(["Attacker"]));
        assert_eq!(attacker["properties"]["type"]["enum"], json!(["ACTOR"]));
        assert_eq!(attacker["additionalProperties"], json!(false));
        let none = Schema { entity_types: vec![], event_types: vec![], attributes: vec![], relation_types: vec![] };
        let empty = response_schema(&none);
        assert_eq!(empty["properties"], json!({}), "no empty enum for a schema without types");
    }
}
