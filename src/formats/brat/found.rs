//! The types a brat corpus declares (its `annotation.conf`) or uses (its `.ann` lines), as
//! [`FoundTypes`] for mapping or adding before an import.
//!
//! `annotation.conf` has four sections: `[entities]` (one type per line; a tab-indented line is a subtype,
//! a `!` marks a type that cannot be annotated), `[relations]` (`Located Arg1:Person, Arg2:GPE|Location`),
//! `[events]` (`Attack Attacker?:Person|Organization, Place*:GPE`: `?`, `*` and `+` say how often a role is
//! filled), and `[attributes]`. `<ENTITY>`, `<EVENT>` and `<ANY>` stand for every type of a kind, and
//! `<NAME>=A|B` lines define such names; `#` starts a comment. brat's own `<OVERLAP>` relation line says
//! which spans may overlap and is no relation type.

use super::parse::{AnnLine, parse_ann};
use super::{CONF_FILE, ann_files};
use crate::formats::found_types::FoundTypes;
use crate::formats::text_file::read_text;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The types of the brat files at `path` (an `.ann` file or a folder): those its `annotation.conf` declares
/// (the first found in the folder or above it, up to three levels, as brat looks for it), then those its
/// `.ann` lines use that the configuration does not name. Files that cannot be read are passed over (the
/// import says why).
pub fn found_types(path: &Path) -> FoundTypes {
    let mut found = conf_path(path).and_then(|p| read_text(&p).ok()).map(|c| read_conf(&c)).unwrap_or_default();
    for file in ann_files(path).unwrap_or_default() {
        if let Ok(content) = read_text(&file) {
            found.merge(&used_types(&content));
        }
    }
    found
}

/// The `annotation.conf` of a brat file or folder: in its folder or a folder above.
pub fn conf_path(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() { path } else { path.parent()? };
    start.ancestors().take(4).map(|dir| dir.join(CONF_FILE)).find(|p| p.is_file())
}

/// The types an `annotation.conf` declares.
pub fn read_conf(content: &str) -> FoundTypes {
    let mut found = FoundTypes::default();
    let mut section = "";
    // `<NAME>=A|B` may be defined below its use: all are read first.
    let names: BTreeMap<String, Vec<String>> = content
        .lines()
        .filter_map(|l| l.split('#').next()?.trim().split_once('='))
        .filter(|(n, _)| n.starts_with('<') && n.ends_with('>'))
        .map(|(n, types)| (n.to_owned(), types.split('|').map(|t| t.trim().to_owned()).collect()))
        .collect();
    for raw in content.lines() {
        let line = raw.split('#').next().unwrap_or("").trim_end();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('[') && trimmed.ends_with(']') {
            section = match trimmed {
                "[entities]" => "entities",
                "[relations]" => "relations",
                "[events]" => "events",
                _ => "",
            };
            continue;
        }
        let (ty, args) = match trimmed.split_once(char::is_whitespace) {
            Some((ty, args)) => (ty, args.trim()),
            None => (trimmed, ""),
        };
        // `!` marks a type that only groups others.
        if ty.starts_with('!') || ty.starts_with('<') {
            continue;
        }
        match section {
            "entities" => found.add_entity(ty),
            "events" => {
                found.add_event(ty);
                for (role, fillers) in conf_args(args, &names) {
                    let role = role.trim_end_matches(['?', '*', '+']);
                    found.add_role(ty, role, None);
                    for filler in fillers {
                        found.add_role(ty, role, Some(&filler));
                    }
                }
            }
            "relations" => {
                let args = conf_args(args, &names);
                let end = |n: usize| args.get(n).map(|(_, types)| types.clone()).unwrap_or_default();
                found.add_relation(ty, None, None);
                for from in end(0) {
                    found.add_relation(ty, Some(&from), None);
                }
                for to in end(1) {
                    found.add_relation(ty, None, Some(&to));
                }
            }
            _ => {}
        }
    }
    found
}

/// `Arg1:Person, Arg2:GPE|Location` as `(role, types)` pairs; `<ENTITY>`, `<EVENT>`, `<ANY>` stand for no
/// particular type, and a name defined with `<NAME>=A|B` for its types. Arguments without a `:` (such as
/// `<REL-TYPE>:...` options) are left out.
fn conf_args(args: &str, names: &BTreeMap<String, Vec<String>>) -> Vec<(String, Vec<String>)> {
    args.split(',')
        .filter_map(|arg| arg.trim().split_once(':'))
        .filter(|(role, _)| !role.starts_with('<'))
        .map(|(role, types)| {
            let types = types
                .split('|')
                .map(str::trim)
                .flat_map(|t| names.get(t).cloned().unwrap_or_else(|| vec![t.to_owned()]))
                .filter(|t| !t.is_empty() && !t.starts_with('<'))
                .collect();
            (role.trim().to_owned(), types)
        })
        .collect()
}

/// The types a `.ann` file's lines use: a `T` type that triggers an `E` line is an event label, the others
/// entity labels; roles and relations with the labels of what they connect.
pub fn used_types(content: &str) -> FoundTypes {
    let (lines, _) = parse_ann(content);
    let mut label_of: BTreeMap<&str, &str> = BTreeMap::new();
    let mut trigger_labels = Vec::new();
    for p in &lines {
        match &p.what {
            AnnLine::Text { ty, .. } => {
                label_of.insert(&p.id, ty);
            }
            AnnLine::Event { ty, .. } => {
                label_of.insert(&p.id, ty);
                trigger_labels.push(ty.as_str());
            }
            _ => {}
        }
    }
    let mut found = FoundTypes::default();
    for p in &lines {
        if let AnnLine::Text { ty, .. } = &p.what
            && !trigger_labels.contains(&ty.as_str())
        {
            found.add_entity(ty);
        }
    }
    for p in &lines {
        match &p.what {
            AnnLine::Event { ty, args, .. } => {
                found.add_event(ty);
                for (role, filler) in args {
                    let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                    found.add_role(ty, role, label_of.get(filler.as_str()).copied());
                }
            }
            AnnLine::Relation { ty, args } => {
                let end = |n: usize| args.get(n).and_then(|(_, id)| label_of.get(id.as_str()).copied());
                found.add_relation(ty, end(0), end(1));
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// brat's own example configuration, shortened (the one its documentation shows).
    const CONF: &str = "\
# Simple text-based definitions of entity, relation and event types
[entities]
Person
Organization
GPE
!Abstract
\tConcrete

[relations]
Family\tArg1:Person, Arg2:Person
Employment\tArg1:Person, Arg2:<ORG>
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
<ORG>=Organization|GPE

[events]
Attack\tAttacker*:Person|Organization, Target?:Person, Place?:GPE
Be-born\tPerson-Arg:Person, Place-Arg?:GPE

[attributes]
Negation\tArg:<EVENT>
";

    #[test]
    fn the_configuration_declares_types_roles_and_relation_ends() {
        let found = read_conf(CONF);
        assert_eq!(found.entities, ["Person", "Organization", "GPE", "Concrete"]);
        let attack = &found.events[0];
        assert_eq!(attack.label, "Attack");
        let roles: Vec<&str> = attack.roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(roles, ["Attacker", "Target", "Place"]);
        assert_eq!(attack.roles[0].fillers.iter().collect::<Vec<_>>(), ["Organization", "Person"]);
        assert_eq!(found.events[1].label, "Be-born");
        let labels: Vec<&str> = found.relations.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Family", "Employment"], "<OVERLAP> is no relation type");
        assert_eq!(found.relations[1].to.iter().collect::<Vec<_>>(), ["GPE", "Organization"]);
    }

    #[test]
    fn the_lines_tell_triggers_from_entities() {
        let ann = "T1\tOrganization 0 5\tقوات\nT2\tAttack 6 10\tقصف\nT3\tGPE 11 15\tدمشق\n\
                   E1\tAttack:T2 Attacker:T1 Place2:T3\nR1\tLocated Arg1:T1 Arg2:T3\n";
        let found = used_types(ann);
        assert_eq!(found.entities, ["Organization", "GPE"]);
        assert_eq!(found.events[0].label, "Attack");
        assert_eq!(found.events[0].roles[1].name, "Place");
        assert!(found.events[0].roles[1].fillers.contains("GPE"));
        assert!(found.relations[0].from.contains("Organization"));
    }
}
