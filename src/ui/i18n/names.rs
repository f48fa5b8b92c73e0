//! The schema's names in the interface's language: in Arabic, an entity or event type's `name_ar` (the
//! schema's own Arabic name) and a role's Arabic name. The schema has no Arabic name for roles, so the
//! default schema's roles are named in `ar.ftl` (`role-<id>`); a role of another schema keeps its name.

use super::Language;
use crate::model::{EntityType, EventType, Role};

/// What an entity type is called in `language`.
pub fn entity_name(t: &EntityType, language: Language) -> &str {
    if language.is_rtl() && !t.name_ar.trim().is_empty() { &t.name_ar } else { &t.name }
}

/// What an event type is called in `language`.
pub fn event_name(t: &EventType, language: Language) -> &str {
    if language.is_rtl() && !t.name_ar.trim().is_empty() { &t.name_ar } else { &t.name }
}

/// What a role is called in `language` (logical order: draw it with the bidi pass or through `visual`).
pub fn role_name(role: &Role, language: Language) -> &str {
    if !language.is_rtl() || role.name != role.id.as_str() {
        // A role renamed in this project: its own name, whatever the language.
        return &role.name;
    }
    super::catalog::lookup(language, &format!("role-{}", role.name), false).unwrap_or(&role.name)
}
