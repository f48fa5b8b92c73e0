//! brat standoff export and import of coders' layers (`tarmeez export --format brat`,
//! `tarmeez import-annotations --format brat`), so that a project can move to brat and back.
//!
//! One `<doc>.txt` (the document's text exactly as imported) and one `<doc>.ann` per document, and an
//! `annotation.conf` and `visual.conf` describing the schema. Offsets are code points of the `.txt`, as brat
//! counts them. The `.ann` lines, in this order:
//!
//! - `T<n>\t<ENTITY TYPE> <start> <end>\t<text>` for each mention, then `T<n>\t<EVENT TYPE> ...` for each
//!   event's trigger. A span that crosses a line break is written as fragments (`0 5;6 10`) that leave the
//!   line-break characters out, and its text is the fragments' texts joined by one space, as brat does.
//! - `E<n>\t<EVENT TYPE>:T<trigger> <Role>:T<k> ...` with the arguments in the coder's order; a role filled
//!   several times is numbered as brat numbers it: `Location:T4 Location2:T5`.
//! - `R<n>\t<RELATION TYPE> Arg1:E<from> Arg2:E<to>`: relations are between events, so their arguments are
//!   event ids (`annotation.conf` declares them `Arg1:<EVENT>, Arg2:<EVENT>`). The import also takes a
//!   trigger's `T` id standing for the one event it triggers.
//! - `A<n>\t<attribute> <T or E id>[ <value>]`: a true boolean has no value (a false one is not written:
//!   brat's binary attributes are present or absent); numbers are written shortest (`5`, `2.5`), dates as
//!   `YYYY[-MM[-DD]]`, choices and free text as one token in which `%`, whitespace, `|` and `,` are
//!   percent-encoded as their UTF-8 bytes (`%20` for a space).
//! - `N<n>\tReference T<k> tarmeez-actors:<actor id>\t<canonical name>` for a mention's actor.
//! - `#<n>\tAnnotatorNotes <T, E or R id>\t<note>`, in which `\` is written `\\`, a line break `\n`, a
//!   carriage return `\r` and a tab `\t`.
//!
//! Provenance (which suggestion an annotation was accepted from) and the coder's status have no place in
//! brat and are not exported.

use crate::model::{
    ActorId, ActorRegistry, Argument, AttrValue, AttributeDef, AttributeKind, AttributeTarget, DocText, EntityTypeId,
    Event, EventId, EventTypeId, Layer, Mention, MentionId, Relation, RelationId, RelationTypeId, RoleId, Schema, Span,
    validate_layer,
};
use crate::model::{Annotator, DocId, Edit, ProjectEdit};
use crate::store::Project;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The normalization database name of the actor registry in `N` lines.
pub const ACTOR_DB: &str = "tarmeez-actors";

/// brat's configuration file of the schema.
pub const CONF_FILE: &str = "annotation.conf";

/// brat's configuration file of labels and colours.
pub const VISUAL_FILE: &str = "visual.conf";

// ---------------------------------------------------------------------------------------------------------
// Escaping

/// Encodes an attribute value as one brat token: `%`, whitespace, `|` and `,` become `%XX` per UTF-8 byte.
pub fn encode_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c == '|' || c == ',' || c.is_whitespace() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes [`encode_token`]; `None` for a malformed `%` escape or bytes that are not UTF-8.
pub fn decode_token(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Writes a note on one line: `\` as `\\`, line feed `\n`, carriage return `\r`, tab `\t`.
pub fn escape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a note written by [`escape_note`]; an unknown escape is kept as written.
pub fn unescape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn is_line_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

fn one_line(s: &str) -> String {
    s.chars().map(|c| if is_line_break(c) || c == '\t' { ' ' } else { c }).collect()
}

fn attr_token(value: &AttrValue) -> Option<String> {
    match value {
        AttrValue::Bool(_) => None,
        AttrValue::Choice(s) | AttrValue::Text(s) | AttrValue::Date(s) => Some(encode_token(s)),
        AttrValue::Number(n) => Some(format!("{n}")),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Export

/// The fragments of `span` with its line-break characters left out, and their texts joined by spaces.
fn fragments(text: &DocText, span: Span) -> (Vec<Span>, String) {
    let mut frags = Vec::new();
    let mut start = None;
    let slice = text.slice(span).unwrap_or_default();
    for (i, c) in slice.chars().enumerate() {
        let at = span.start + i;
        match (is_line_break(c), start) {
            (true, Some(s)) => {
                frags.push(Span::new(s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        frags.push(Span::new(s, span.end));
    }
    if frags.is_empty() {
        frags.push(span);
    }
    let joined = frags.iter().map(|f| text.slice(*f).unwrap_or_default()).collect::<Vec<_>>().join(" ");
    (frags, joined)
}

fn t_line(out: &mut String, id: usize, ty: &str, text: &DocText, span: Span) {
    let (frags, joined) = fragments(text, span);
    let offsets = frags.iter().map(|f| format!("{} {}", f.start, f.end)).collect::<Vec<_>>().join(";");
    let _ = writeln!(out, "T{id}\t{ty} {offsets}\t{joined}");
}

/// One layer as the lines of a brat `.ann` file.
pub fn layer_to_ann(layer: &Layer, text: &DocText, actors: &ActorRegistry) -> String {
    let mut out = String::new();
    let mut t = 0;
    let mut mention_t: BTreeMap<MentionId, usize> = BTreeMap::new();
    for (id, m) in &layer.mentions {
        t += 1;
        mention_t.insert(*id, t);
        t_line(&mut out, t, m.entity_type.as_str(), text, m.span);
    }
    let mut trigger_t: BTreeMap<EventId, usize> = BTreeMap::new();
    for (id, ev) in &layer.events {
        t += 1;
        trigger_t.insert(*id, t);
        t_line(&mut out, t, ev.event_type.as_str(), text, ev.trigger);
    }
    let mut event_e: BTreeMap<EventId, usize> = BTreeMap::new();
    for (n, (id, ev)) in layer.events.iter().enumerate() {
        event_e.insert(*id, n + 1);
        let _ = write!(out, "E{}\t{}:T{}", n + 1, ev.event_type, trigger_t[id]);
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for arg in &ev.arguments {
            let Some(k) = mention_t.get(&arg.mention) else { continue };
            let count = seen.entry(arg.role.as_str()).or_default();
            *count += 1;
            let suffix = if *count > 1 { count.to_string() } else { String::new() };
            let _ = write!(out, " {}{suffix}:T{k}", arg.role);
        }
        out.push('\n');
    }
    let mut relation_r: BTreeMap<RelationId, usize> = BTreeMap::new();
    for (n, (id, rel)) in layer.relations.iter().enumerate() {
        let (Some(from), Some(to)) = (event_e.get(&rel.from), event_e.get(&rel.to)) else { continue };
        relation_r.insert(*id, n + 1);
        let _ = writeln!(out, "R{}\t{} Arg1:E{from} Arg2:E{to}", n + 1, rel.relation_type);
    }
    let mut a = 0;
    let mut attr_line = |out: &mut String, target: String, attrs: &crate::model::Attributes| {
        for (name, value) in attrs {
            if *value == AttrValue::Bool(false) {
                continue;
            }
            a += 1;
            let _ = match attr_token(value) {
                Some(v) => writeln!(out, "A{a}\t{name} {target} {v}"),
                None => writeln!(out, "A{a}\t{name} {target}"),
            };
        }
    };
    for (id, m) in &layer.mentions {
        attr_line(&mut out, format!("T{}", mention_t[id]), &m.attributes);
    }
    for (id, ev) in &layer.events {
        attr_line(&mut out, format!("E{}", event_e[id]), &ev.attributes);
    }
    let mut n = 0;
    for (id, m) in &layer.mentions {
        if let Some(actor) = &m.actor {
            n += 1;
            let name = actors.actors.get(actor).map(|a| one_line(&a.name)).unwrap_or_default();
            let _ = writeln!(out, "N{n}\tReference T{} {ACTOR_DB}:{actor}\t{name}", mention_t[id]);
        }
    }
    let mut h = 0;
    let mut note = |out: &mut String, target: String, note: &str| {
        if !note.is_empty() {
            h += 1;
            let _ = writeln!(out, "#{h}\tAnnotatorNotes {target}\t{}", escape_note(note));
        }
    };
    for (id, m) in &layer.mentions {
        note(&mut out, format!("T{}", mention_t[id]), &m.note);
    }
    for (id, ev) in &layer.events {
        note(&mut out, format!("E{}", event_e[id]), &ev.note);
    }
    for (id, rel) in &layer.relations {
        if let Some(r) = relation_r.get(id) {
            note(&mut out, format!("R{r}"), &rel.note);
        }
    }
    out
}

fn arg_types(types: &[String], any: &str) -> String {
    if types.is_empty() { any.to_owned() } else { types.join("|") }
}

/// brat's `annotation.conf` for `schema`. Number, date and text attributes, which brat cannot declare as
/// free values, list the values that `layers` use (encoded as in the `.ann` files).
pub fn annotation_conf<'a>(schema: &Schema, layers: impl IntoIterator<Item = &'a Layer>) -> String {
    let mut used: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for layer in layers {
        let attrs = layer.mentions.values().map(|m| &m.attributes).chain(layer.events.values().map(|e| &e.attributes));
        for set in attrs {
            for (id, value) in set {
                if let Some(token) = attr_token(value) {
                    used.entry(id.as_str()).or_default().insert(token);
                }
            }
        }
    }
    let mut out = String::from("# brat configuration written by Tarmeez from the project's schema.\n\n[entities]\n");
    for t in &schema.entity_types {
        let _ = writeln!(out, "{}", t.id);
    }
    out.push_str("\n[relations]\n");
    for r in &schema.relation_types {
        let _ = writeln!(out, "{}\tArg1:<EVENT>, Arg2:<EVENT>", r.id);
    }
    out.push_str("\n[events]\n");
    for ev in &schema.event_types {
        let roles: Vec<String> = ev
            .roles
            .iter()
            .map(|r| {
                let mark = match (r.required, r.repeatable) {
                    (true, true) => "+",
                    (true, false) => "",
                    (false, true) => "*",
                    (false, false) => "?",
                };
                let allowed = r.allowed.iter().map(|a| a.as_str()).collect::<Vec<_>>().join("|");
                format!("{}{mark}:{allowed}", r.id)
            })
            .collect();
        if roles.is_empty() {
            let _ = writeln!(out, "{}", ev.id);
        } else {
            let _ = writeln!(out, "{}\t{}", ev.id, roles.join(", "));
        }
    }
    out.push_str("\n[attributes]\n");
    for def in &schema.attributes {
        let any = match def.target {
            AttributeTarget::Mention => "<ENTITY>",
            AttributeTarget::Event => "<EVENT>",
        };
        let arg = arg_types(&def.types, any);
        let values: Vec<String> = match &def.kind {
            AttributeKind::Boolean => {
                let _ = writeln!(out, "{}\tArg:{arg}", def.id);
                continue;
            }
            AttributeKind::Choice(choices) => choices.iter().map(|c| encode_token(c)).collect(),
            _ => used.get(def.id.as_str()).map(|s| s.iter().cloned().collect()).unwrap_or_default(),
        };
        if values.is_empty() {
            let _ = writeln!(out, "# {}\tArg:{arg} (free values; none is used in this export)", def.id);
        } else {
            let _ = writeln!(out, "{}\tArg:{arg}, Value:{}", def.id, values.join("|"));
        }
    }
    out
}

/// brat's `visual.conf`: display names and the schema's colours.
pub fn visual_conf(schema: &Schema) -> String {
    let mut out = String::from("# brat display settings written by Tarmeez from the project's schema.\n\n[labels]\n");
    let labelled = |out: &mut String, id: &str, name: &str| {
        let _ = writeln!(out, "{id} | {}", one_line(name).replace('|', "/"));
    };
    for t in &schema.entity_types {
        labelled(&mut out, t.id.as_str(), &t.name);
    }
    for t in &schema.event_types {
        labelled(&mut out, t.id.as_str(), &t.name);
    }
    for r in &schema.relation_types {
        labelled(&mut out, r.id.as_str(), &r.name);
    }
    out.push_str("\n[drawing]\n");
    for t in &schema.entity_types {
        let _ = writeln!(out, "{}\tbgColor:{}", t.id, t.color);
    }
    for t in &schema.event_types {
        let _ = writeln!(out, "{}\tbgColor:{}", t.id, t.color);
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Parsing the standoff grammar

/// One parsed line of a `.ann` file.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnLine {
    /// `T`: a text-bound annotation.
    Text {
        /// Its type.
        ty: String,
        /// Its fragments, as written.
        fragments: Vec<(usize, usize)>,
        /// The text column.
        text: String,
    },
    /// `E`: an event.
    Event {
        /// Its type.
        ty: String,
        /// The trigger's `T` id.
        trigger: String,
        /// `(role, id)` pairs as written (roles keep brat's numbering).
        args: Vec<(String, String)>,
    },
    /// `R`: a binary relation.
    Relation {
        /// Its type.
        ty: String,
        /// `(role, id)` pairs as written.
        args: Vec<(String, String)>,
    },
    /// `A` or `M`: an attribute.
    Attribute {
        /// Its name.
        name: String,
        /// The annotation it is on.
        target: String,
        /// The value token, absent for a binary attribute.
        value: Option<String>,
    },
    /// `N`: a normalization (reference to a database entry).
    Reference {
        /// Its type (`Reference`).
        ty: String,
        /// The annotation it is on.
        target: String,
        /// The database name.
        db: String,
        /// The entry's id.
        entry: String,
    },
    /// `#`: a note.
    Note {
        /// Its type (`AnnotatorNotes`).
        ty: String,
        /// The annotation it is on.
        target: String,
        /// The note text, unescaped.
        text: String,
    },
}

/// A parsed line with its id and 1-based line number.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// 1-based line number.
    pub line: usize,
    /// The id (`T3`, `E1`, `#2`).
    pub id: String,
    /// What the line says.
    pub what: AnnLine,
}

fn is_id(s: &str, prefixes: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| prefixes.contains(c))
        && s.len() > 1
        && s[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn role_pair(s: &str, line: &str) -> Result<(String, String), String> {
    match s.split_once(':') {
        Some((role, id)) if !role.is_empty() && !id.is_empty() => Ok((role.to_owned(), id.to_owned())),
        _ => Err(format!("`{s}` is not a `Role:ID` argument in `{line}`")),
    }
}

/// Parses the lines of a `.ann` file (blank lines are skipped). Errors are `(line, message)`.
pub fn parse_ann(content: &str) -> (Vec<Parsed>, Vec<(usize, String)>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in content.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok((id, what)) => out.push(Parsed { line: line_no, id, what }),
            Err(e) => errors.push((line_no, e)),
        }
    }
    (out, errors)
}

fn parse_line(line: &str) -> Result<(String, AnnLine), String> {
    let mut cols = line.splitn(3, '\t');
    let id = cols.next().unwrap_or_default().to_owned();
    let body = cols.next().ok_or_else(|| format!("no tab after the id `{id}`"))?;
    let tail = cols.next();
    let kind = id.chars().next().unwrap_or(' ');
    if kind == '*' {
        return Err(format!("equivalence lines (`{id} {body}`) are not supported: Tarmeez has no equivalences"));
    }
    if !is_id(&id, "TERAMN#*") {
        return Err(format!("`{id}` is not a brat annotation id (T1, E1, R1, A1, N1, #1)"));
    }
    let words: Vec<&str> = body.split(' ').collect();
    if words.iter().any(|w| w.is_empty()) {
        return Err(format!("double or stray space in `{body}`"));
    }
    let what = match kind {
        'T' => {
            let text = tail.ok_or_else(|| format!("{id} has no text column (a second tab)"))?.to_owned();
            let (ty, offsets) = body.split_once(' ').ok_or_else(|| format!("{id} has no offsets"))?;
            let mut fragments = Vec::new();
            for frag in offsets.split(';') {
                let mut nums = frag.split(' ');
                let (Some(a), Some(b), None) = (nums.next(), nums.next(), nums.next()) else {
                    return Err(format!("{id}: `{frag}` is not a `START END` fragment"));
                };
                let num = |s: &str| s.parse::<usize>().map_err(|_| format!("{id}: `{s}` is not an offset"));
                fragments.push((num(a)?, num(b)?));
            }
            AnnLine::Text { ty: ty.to_owned(), fragments, text }
        }
        'E' => {
            let (ty, trigger) = role_pair(words[0], body)?;
            let args = words[1..].iter().map(|w| role_pair(w, body)).collect::<Result<_, _>>()?;
            AnnLine::Event { ty, trigger, args }
        }
        'R' => {
            let args = words[1..].iter().map(|w| role_pair(w, body)).collect::<Result<Vec<_>, _>>()?;
            AnnLine::Relation { ty: words[0].to_owned(), args }
        }
        'A' | 'M' => match words.as_slice() {
            [name, target] => AnnLine::Attribute { name: (*name).into(), target: (*target).into(), value: None },
            [name, target, value] => {
                AnnLine::Attribute { name: (*name).into(), target: (*target).into(), value: Some((*value).into()) }
            }
            _ => return Err(format!("{id}: expected `NAME ID [VALUE]`, found `{body}`")),
        },
        'N' => match words.as_slice() {
            [ty, target, reference] => {
                let (db, entry) = reference
                    .split_once(':')
                    .ok_or_else(|| format!("{id}: `{reference}` is not a `DATABASE:ID` reference"))?;
                AnnLine::Reference { ty: (*ty).into(), target: (*target).into(), db: db.into(), entry: entry.into() }
            }
            _ => return Err(format!("{id}: expected `Reference ID DATABASE:ENTRY`, found `{body}`")),
        },
        '#' => match words.as_slice() {
            [ty, target] => AnnLine::Note {
                ty: (*ty).into(),
                target: (*target).into(),
                text: unescape_note(tail.unwrap_or_default()),
            },
            _ => return Err(format!("{id}: expected `AnnotatorNotes ID`, found `{body}`")),
        },
        _ => return Err(format!("{id}: equivalence (`*`) lines are not supported")),
    };
    Ok((id, what))
}

// ---------------------------------------------------------------------------------------------------------
// Import

/// Builds a layer from a `.ann` file's content for a document's text. Refusals are `(line, message)`
/// (line 0 for the file as a whole); when there is any, the layer must not be used.
pub fn ann_to_layer(
    content: &str,
    text: &DocText,
    schema: &Schema,
    actors: &ActorRegistry,
) -> Result<Layer, Vec<(usize, String)>> {
    let (lines, mut errors) = parse_ann(content);
    let mut layer = Layer::default();
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    // T ids of mentions and of triggers (with type and span), E ids of events.
    let mut mention_of: BTreeMap<&str, MentionId> = BTreeMap::new();
    let mut trigger_of: BTreeMap<&str, (EventTypeId, Span, usize)> = BTreeMap::new();
    let mut event_of: BTreeMap<&str, EventId> = BTreeMap::new();
    let mut relation_of: BTreeMap<&str, RelationId> = BTreeMap::new();
    // T ids already refused, so that the lines using them are not refused again for it.
    let mut refused: BTreeSet<&str> = BTreeSet::new();
    let mut err = |line: usize, msg: String| errors.push((line, msg));
    for p in &lines {
        if !ids.insert(p.id.as_str()) {
            err(p.line, format!("id {} is used twice", p.id));
        }
    }
    // Text-bound annotations.
    for p in &lines {
        let AnnLine::Text { ty, fragments, text: claimed } = &p.what else { continue };
        let mut frags: Vec<Span> = fragments.iter().map(|&(s, e)| Span::new(s, e)).collect();
        frags.sort();
        let span = Span::new(frags[0].start, frags.iter().map(|f| f.end).max().unwrap_or(0));
        if let Some(f) = frags.iter().find(|f| f.is_empty() || f.end > text.len_chars()) {
            err(
                p.line,
                format!(
                    "{}: offsets {} {} are outside the text ({} characters) or empty",
                    p.id,
                    f.start,
                    f.end,
                    text.len_chars()
                ),
            );
            refused.insert(&p.id);
            continue;
        }
        let gaps_ok = frags.windows(2).all(|w| {
            w[0].end <= w[1].start
                && text.slice(Span::new(w[0].end, w[1].start)).is_some_and(|g| g.chars().all(char::is_whitespace))
        });
        if !gaps_ok {
            err(
                p.line,
                format!("{}: fragments overlap or leave out more than white space; Tarmeez spans are continuous", p.id),
            );
            refused.insert(&p.id);
            continue;
        }
        if let Err(e) = text.check_span(span) {
            err(p.line, format!("{}: {e}", p.id));
            refused.insert(&p.id);
            continue;
        }
        let actual = frags.iter().map(|f| text.slice(*f).unwrap_or_default()).collect::<Vec<_>>().join(" ");
        if &actual != claimed {
            err(p.line, format!("{}: its text `{claimed}` is not the document's text at {span}, `{actual}`", p.id));
            refused.insert(&p.id);
            continue;
        }
        if schema.entity_type(&EntityTypeId::from(ty.as_str())).is_some() {
            let id = MentionId(layer.mentions.len() as u32 + 1);
            layer.mentions.insert(id, Mention::new(span, ty.as_str()));
            mention_of.insert(&p.id, id);
        } else if schema.event_type(&EventTypeId::from(ty.as_str())).is_some() {
            trigger_of.insert(&p.id, (EventTypeId::from(ty.as_str()), span, p.line));
        } else {
            err(p.line, format!("{}: `{ty}` is not an entity or event type of the schema", p.id));
            refused.insert(&p.id);
        }
    }
    // Events.
    let mut used_triggers: BTreeMap<&str, Vec<EventId>> = BTreeMap::new();
    for p in &lines {
        let AnnLine::Event { ty, trigger, args } = &p.what else { continue };
        if refused.contains(trigger.as_str()) {
            refused.insert(&p.id);
            continue;
        }
        let Some(ev_type) = schema.event_type(&EventTypeId::from(ty.as_str())) else {
            err(p.line, format!("{}: `{ty}` is not an event type of the schema", p.id));
            continue;
        };
        if !ids.contains(trigger.as_str()) {
            err(p.line, format!("{}: its trigger {trigger} is not in this file", p.id));
            continue;
        }
        let Some((trigger_type, span, _)) = trigger_of.get(trigger.as_str()) else {
            err(p.line, format!("{}: its trigger {trigger} is not an event trigger (a T line of an event type)", p.id));
            continue;
        };
        if trigger_type.as_str() != ty {
            err(p.line, format!("{}: its type `{ty}` differs from its trigger {trigger}'s `{trigger_type}`", p.id));
            continue;
        }
        let mut arguments = Vec::new();
        let mut filled: BTreeSet<&str> = BTreeSet::new();
        for (role_text, filler) in args {
            // brat numbers repeated roles (Location2): the exact role first, else without the digits.
            let role = ev_type.roles.iter().find(|r| r.id.as_str() == role_text).or_else(|| {
                let bare = role_text.trim_end_matches(|c: char| c.is_ascii_digit());
                (bare.len() < role_text.len()).then(|| ev_type.roles.iter().find(|r| r.id.as_str() == bare)).flatten()
            });
            let Some(role) = role else {
                err(p.line, format!("{}: `{role_text}` is not a role of `{ty}`", p.id));
                continue;
            };
            if refused.contains(filler.as_str()) {
                continue;
            }
            let Some(mention) = mention_of.get(filler.as_str()) else {
                err(
                    p.line,
                    format!(
                        "{}: role {role_text} is filled by {filler}, which is not a mention (an entity's T line)",
                        p.id
                    ),
                );
                continue;
            };
            let m_type = &layer.mentions[mention].entity_type;
            if !role.allowed.contains(m_type) {
                err(p.line, format!("{}: role {role_text} does not take a `{m_type}` ({filler})", p.id));
                continue;
            }
            if !filled.insert(role.id.as_str()) && !role.repeatable {
                err(p.line, format!("{}: role `{}` takes one mention but is filled more than once", p.id, role.id));
                continue;
            }
            arguments.push(Argument { role: RoleId::from(role.id.as_str()), mention: *mention });
        }
        let id = EventId(layer.events.len() as u32 + 1);
        layer.events.insert(
            id,
            Event {
                event_type: EventTypeId::from(ty.as_str()),
                trigger: *span,
                arguments,
                attributes: Default::default(),
                note: String::new(),
                provenance: None,
            },
        );
        event_of.insert(&p.id, id);
        used_triggers.entry(trigger.as_str()).or_default().push(id);
    }
    for (t, (ty, _, line)) in &trigger_of {
        if !used_triggers.contains_key(t) {
            err(*line, format!("{t}: a trigger of `{ty}` with no event (E line); Tarmeez has no bare triggers"));
        }
    }
    let event_ref = |id: &str| -> Option<EventId> {
        event_of.get(id).copied().or_else(|| match used_triggers.get(id).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        })
    };
    // Relations.
    for p in &lines {
        let AnnLine::Relation { ty, args } = &p.what else { continue };
        if schema.relation_type(&RelationTypeId::from(ty.as_str())).is_none() {
            err(p.line, format!("{}: `{ty}` is not a relation type of the schema", p.id));
            continue;
        }
        let [(r1, a1), (r2, a2)] = args.as_slice() else {
            err(p.line, format!("{}: a relation has exactly two arguments, Arg1 and Arg2", p.id));
            continue;
        };
        if r1 != "Arg1" || r2 != "Arg2" {
            err(p.line, format!("{}: the arguments must be `Arg1:` then `Arg2:`", p.id));
            continue;
        }
        if refused.contains(a1.as_str()) || refused.contains(a2.as_str()) {
            continue;
        }
        let (Some(from), Some(to)) = (event_ref(a1), event_ref(a2)) else {
            err(
                p.line,
                format!("{}: relations are between events; give E ids (or the T id of one event's trigger)", p.id),
            );
            continue;
        };
        let id = RelationId(layer.relations.len() as u32 + 1);
        layer.relations.insert(id, Relation { relation_type: ty.as_str().into(), from, to, note: String::new() });
        relation_of.insert(&p.id, id);
    }
    // Attributes, references and notes.
    for p in &lines {
        let target = match &p.what {
            AnnLine::Attribute { target, .. } | AnnLine::Reference { target, .. } | AnnLine::Note { target, .. } => {
                target.as_str()
            }
            _ => "",
        };
        if refused.contains(target) {
            continue;
        }
        match &p.what {
            AnnLine::Attribute { name, target, value } => {
                let Some(def) = schema.attribute(&name.as_str().into()) else {
                    err(p.line, format!("{}: `{name}` is not an attribute of the schema", p.id));
                    continue;
                };
                let value = match attr_value(def, value.as_deref()) {
                    Ok(v) => v,
                    Err(e) => {
                        err(p.line, format!("{}: {e}", p.id));
                        continue;
                    }
                };
                let attrs = match (def.target, mention_of.get(target.as_str()), event_of.get(target.as_str())) {
                    (AttributeTarget::Mention, Some(m), _) => {
                        &mut layer.mentions.get_mut(m).expect("made above").attributes
                    }
                    (AttributeTarget::Event, _, Some(e)) => {
                        &mut layer.events.get_mut(e).expect("made above").attributes
                    }
                    _ => {
                        let what =
                            if def.target == AttributeTarget::Mention { "a mention (T)" } else { "an event (E)" };
                        err(p.line, format!("{}: attribute `{name}` goes on {what}, and {target} is not one", p.id));
                        continue;
                    }
                };
                if attrs.insert(def.id.clone(), value).is_some() {
                    err(p.line, format!("{}: attribute `{name}` is set twice on {target}", p.id));
                }
            }
            AnnLine::Reference { ty, target, db, entry } => {
                if ty != "Reference" || db != ACTOR_DB {
                    err(p.line, format!("{}: only `Reference <T> {ACTOR_DB}:<actor id>` links are understood", p.id));
                    continue;
                }
                let actor = ActorId::from(entry.as_str());
                if !actors.actors.contains_key(&actor) {
                    err(p.line, format!("{}: actor `{entry}` is not in the actor registry", p.id));
                    continue;
                }
                let Some(m) = mention_of.get(target.as_str()) else {
                    err(p.line, format!("{}: {target} is not a mention (an entity's T line)", p.id));
                    continue;
                };
                let mention = layer.mentions.get_mut(m).expect("made above");
                if mention.actor.replace(actor).is_some() {
                    err(p.line, format!("{}: {target} is linked to two actors", p.id));
                }
            }
            AnnLine::Note { ty, target, text } => {
                if ty != "AnnotatorNotes" {
                    err(p.line, format!("{}: `{ty}` notes are not understood (only AnnotatorNotes)", p.id));
                    continue;
                }
                let slot = if let Some(m) = mention_of.get(target.as_str()) {
                    &mut layer.mentions.get_mut(m).expect("made above").note
                } else if let Some(e) = event_ref(target) {
                    &mut layer.events.get_mut(&e).expect("made above").note
                } else if let Some(r) = relation_of.get(target.as_str()) {
                    &mut layer.relations.get_mut(r).expect("made above").note
                } else {
                    err(p.line, format!("{}: {target} is no mention, event or relation of this file", p.id));
                    continue;
                };
                if !slot.is_empty() {
                    err(p.line, format!("{}: {target} has two notes", p.id));
                }
                *slot = text.clone();
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        // Anything the checks above missed (they mirror the project's validation).
        for f in validate_layer(&layer, schema, text, actors) {
            errors.push((0, f.message));
        }
    }
    if errors.is_empty() {
        Ok(layer)
    } else {
        errors.sort_by_key(|(line, _)| *line);
        Err(errors)
    }
}

fn attr_value(def: &AttributeDef, value: Option<&str>) -> Result<AttrValue, String> {
    let name = &def.id;
    let decoded = || {
        let v = value.ok_or_else(|| format!("attribute `{name}` needs a value"))?;
        decode_token(v).ok_or_else(|| format!("`{v}` is not a valid value of `{name}` (a bad % escape)"))
    };
    match &def.kind {
        AttributeKind::Boolean => match value {
            None | Some("true") => Ok(AttrValue::Bool(true)),
            Some("false") => Ok(AttrValue::Bool(false)),
            Some(v) => Err(format!("`{name}` is a yes/no attribute: give no value (not `{v}`)")),
        },
        AttributeKind::Choice(choices) => {
            let v = decoded()?;
            if choices.contains(&v) {
                Ok(AttrValue::Choice(v))
            } else {
                Err(format!("`{v}` is not one of the choices of `{name}` ({})", choices.join(", ")))
            }
        }
        AttributeKind::Number => {
            let v = decoded()?;
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(AttrValue::Number)
                .ok_or_else(|| format!("`{v}` is not a number (attribute `{name}`)"))
        }
        AttributeKind::Date => {
            let v = decoded()?;
            if crate::model::is_partial_date(&v) {
                Ok(AttrValue::Date(v))
            } else {
                Err(format!("`{v}` is not a date as YYYY, YYYY-MM or YYYY-MM-DD (attribute `{name}`)"))
            }
        }
        AttributeKind::Text => Ok(AttrValue::Text(decoded()?)),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Whole projects

/// Schema ids that cannot be brat type, role or attribute names (which are single tokens without `:`, `|`,
/// `,`, `;`, `=`, `#`, `<` or `>`), as sentences.
pub fn schema_problems(schema: &Schema) -> Vec<String> {
    let bad = |s: &str| s.is_empty() || s.chars().any(|c| c.is_whitespace() || ":|,;=#<>".contains(c));
    let mut names: Vec<(&str, &str)> = Vec::new();
    names.extend(schema.entity_types.iter().map(|t| ("entity type", t.id.as_str())));
    names.extend(schema.event_types.iter().map(|t| ("event type", t.id.as_str())));
    for ev in &schema.event_types {
        names.extend(ev.roles.iter().map(|r| ("role", r.id.as_str())));
    }
    names.extend(schema.attributes.iter().map(|a| ("attribute", a.id.as_str())));
    names.extend(schema.relation_types.iter().map(|r| ("relation type", r.id.as_str())));
    names
        .into_iter()
        .filter(|(_, id)| bad(id))
        .map(|(what, id)| {
            format!("{what} `{id}` cannot be written in brat (ids there are one word without : | , ; = # < >)")
        })
        .collect()
}

/// What [`export_project`] wrote.
#[derive(Debug, Default)]
pub struct ExportReport {
    /// `(document, annotator, .ann path)` for each pair of files written.
    pub written: Vec<(DocId, Annotator, PathBuf)>,
    /// Documents left out because they have problems, with the first one.
    pub skipped: Vec<(DocId, String)>,
}

/// Writes `annotation.conf`, `visual.conf` and a `.txt` and `.ann` per document into `out`.
///
/// With an annotator, every readable document is written flat into `out` (an empty `.ann` where the coder
/// has no layer, ready to be coded in brat); without, each coder's layers go into `out/<annotator>/`, the
/// configuration staying in `out`, where brat finds it for the folders below.
pub fn export_project(
    project: &mut Project,
    annotator: Option<&Annotator>,
    out: &Path,
) -> std::io::Result<ExportReport> {
    if let Some(first) = schema_problems(&project.config.schema).into_iter().next() {
        return Err(std::io::Error::other(format!("{first}; nothing was written")));
    }
    project.load_all();
    let mut report = ExportReport::default();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut layers: Vec<&Layer> = Vec::new();
    let empty = Layer::default();
    for entry in project.documents() {
        let Some(doc) = entry.loaded() else {
            let first = entry.problems().first().map(|p| p.to_string()).unwrap_or_default();
            report.skipped.push((entry.id.clone(), first));
            continue;
        };
        let chosen: Vec<(&Annotator, &Layer, PathBuf)> = match annotator {
            Some(a) => vec![(a, doc.layers.get(a).unwrap_or(&empty), out.to_owned())],
            None => doc.layers.iter().map(|(a, l)| (a, l, out.join(a.as_str()))).collect(),
        };
        for (a, layer, dir) in chosen {
            let ann = dir.join(format!("{}.ann", entry.id));
            files.push((dir.join(format!("{}.txt", entry.id)), doc.text.as_str().to_owned()));
            files.push((ann.clone(), layer_to_ann(layer, &doc.text, &project.actors)));
            report.written.push((entry.id.clone(), a.clone(), ann));
            layers.push(layer);
        }
    }
    files.push((out.join(CONF_FILE), annotation_conf(&project.config.schema, layers)));
    files.push((out.join(VISUAL_FILE), visual_conf(&project.config.schema)));
    let files: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|(path, text)| (path, text.into_bytes())).collect();
    crate::store::atomic::write_atomic_all(&files)
        .map_err(|(path, e)| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(report)
}

/// What an import of brat files would do: the layers to write, or why not.
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// `(document, .ann file, layer)` for each file to import.
    pub layers: Vec<(DocId, PathBuf, Layer)>,
    /// Refusals, each `file:line: message` (or `file: message`).
    pub refused: Vec<String>,
    /// Notes on files passed over (empty `.ann` files).
    pub notes: Vec<String>,
}

/// The `.ann` files at `path`: the file itself, or those directly in the folder, sorted.
pub fn ann_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut out = Vec::new();
    for e in std::fs::read_dir(path)? {
        let p = e?.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "ann") {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// Reads brat files at `path` (a `.ann` file or a folder of them) into layers for the project's current
/// annotator. Each file's document is `doc` when given, else the document whose id is the file's stem, else
/// the one whose text equals the `.txt` beside it. A document where the annotator already has annotations
/// is refused unless `replace`.
pub fn plan_import(project: &mut Project, path: &Path, doc: Option<&DocId>, replace: bool) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let files = match ann_files(path) {
        Ok(f) => f,
        Err(e) => {
            plan.refused.push(format!("{}: cannot be read: {e}", path.display()));
            return plan;
        }
    };
    if files.is_empty() {
        plan.refused.push(format!("{}: no .ann file there", path.display()));
    }
    if doc.is_some() && files.len() > 1 {
        plan.refused.push(format!(
            "{}: --doc names one document, and there are {} .ann files",
            path.display(),
            files.len()
        ));
        return plan;
    }
    project.load_all();
    let mut seen: BTreeMap<DocId, PathBuf> = BTreeMap::new();
    for file in files {
        let shown = file.display().to_string();
        let content = match std::fs::read(&file).map(String::from_utf8) {
            Ok(Ok(c)) => c,
            Ok(Err(_)) => {
                plan.refused.push(format!("{shown}: is not UTF-8"));
                continue;
            }
            Err(e) => {
                plan.refused.push(format!("{shown}: cannot be read: {e}"));
                continue;
            }
        };
        if content.trim().is_empty() {
            plan.notes.push(format!("{shown}: no annotations, passed over"));
            continue;
        }
        let txt = std::fs::read(file.with_extension("txt")).ok().and_then(|b| String::from_utf8(b).ok());
        let stem = file.file_stem().and_then(|s| s.to_str()).and_then(|s| DocId::parse(s).ok());
        let by_stem = stem.filter(|s| project.document(s).is_some());
        let target = match (doc, by_stem, &txt) {
            (Some(d), ..) => Some(d.clone()),
            (None, Some(d), _) => Some(d),
            (None, None, Some(t)) => project
                .documents()
                .iter()
                .find(|d| d.loaded().is_some_and(|l| l.text.as_str() == t.as_str()))
                .map(|d| d.id.clone()),
            (None, None, None) => None,
        };
        let Some(id) = target else {
            plan.refused.push(format!(
                "{shown}: no document matches it (none has its name as id, nor the text of a .txt beside it); name one with --doc"
            ));
            continue;
        };
        let Some(loaded) = project.document(&id).and_then(|d| d.loaded()) else {
            let why = if project.document(&id).is_some() {
                "has problems (see `tarmeez validate`)"
            } else {
                "does not exist"
            };
            plan.refused.push(format!("{shown}: document `{id}` {why}"));
            continue;
        };
        if let Some(t) = &txt
            && t.as_str() != loaded.text.as_str()
        {
            plan.refused.push(format!(
                "{shown}: the .txt beside it is not the text of document `{id}`, so its offsets would not fit"
            ));
            continue;
        }
        if let Some(first) = seen.insert(id.clone(), file.clone()) {
            plan.refused.push(format!("{shown}: document `{id}` is also imported from {}", first.display()));
            continue;
        }
        if !replace && loaded.layers.get(project.annotator()).is_some_and(|l| !l.is_empty()) {
            plan.refused.push(format!(
                "{shown}: {} already has annotations in `{id}`; give --replace to replace them",
                project.annotator()
            ));
            continue;
        }
        match ann_to_layer(&content, &loaded.text, &project.config.schema, &project.actors) {
            Ok(layer) => {
                let layer = match loaded.layers.get(project.annotator()) {
                    Some(old) => carry_over(old, layer),
                    None => layer,
                };
                plan.layers.push((id, file, layer))
            }
            Err(errors) => {
                for (line, msg) in errors {
                    if line == 0 {
                        plan.refused.push(format!("{shown}: {msg}"));
                    } else {
                        plan.refused.push(format!("{shown}:{line}: {msg}"));
                    }
                }
            }
        }
    }
    plan
}

/// `new` with the ids and provenance of the annotations of `old` that it repeats (same span and type; for
/// events, same type and trigger), so that replacing a layer by its own round trip through brat changes
/// nothing, and suggestions accepted into it still point at what they became. Other annotations get ids
/// after the old ones.
pub fn carry_over(old: &Layer, new: Layer) -> Layer {
    let mut out = Layer { status: new.status, ..Layer::default() };
    let mut taken: BTreeSet<MentionId> = BTreeSet::new();
    let mut next = old.next_mention_id().0;
    let mut mention_ids: BTreeMap<MentionId, MentionId> = BTreeMap::new();
    for (nid, mut m) in new.mentions {
        let same = old
            .mentions
            .iter()
            .find(|(oid, o)| !taken.contains(*oid) && o.span == m.span && o.entity_type == m.entity_type);
        let id = match same {
            Some((oid, o)) => {
                m.provenance = m.provenance.or_else(|| o.provenance.clone());
                *oid
            }
            None => {
                next += 1;
                MentionId(next - 1)
            }
        };
        taken.insert(id);
        mention_ids.insert(nid, id);
        out.mentions.insert(id, m);
    }
    let mut taken: BTreeSet<EventId> = BTreeSet::new();
    let mut next = old.next_event_id().0;
    let mut event_ids: BTreeMap<EventId, EventId> = BTreeMap::new();
    for (nid, mut e) in new.events {
        for arg in &mut e.arguments {
            arg.mention = mention_ids[&arg.mention];
        }
        let same = old
            .events
            .iter()
            .find(|(oid, o)| !taken.contains(*oid) && o.trigger == e.trigger && o.event_type == e.event_type);
        let id = match same {
            Some((oid, o)) => {
                e.provenance = e.provenance.or_else(|| o.provenance.clone());
                *oid
            }
            None => {
                next += 1;
                EventId(next - 1)
            }
        };
        taken.insert(id);
        event_ids.insert(nid, id);
        out.events.insert(id, e);
    }
    let mut taken: BTreeSet<RelationId> = BTreeSet::new();
    let mut next = old.next_relation_id().0;
    for (_, mut r) in new.relations {
        r.from = event_ids[&r.from];
        r.to = event_ids[&r.to];
        let same = old.relations.iter().find(|(oid, o)| {
            !taken.contains(*oid) && o.relation_type == r.relation_type && o.from == r.from && o.to == r.to
        });
        let id = match same {
            Some((oid, _)) => *oid,
            None => {
                next += 1;
                RelationId(next - 1)
            }
        };
        taken.insert(id);
        out.relations.insert(id, r);
    }
    out
}

/// The edit that replaces the current annotator's layers with the planned ones (their status is kept).
pub fn import_edit(project: &Project, plan: &ImportPlan) -> ProjectEdit {
    let mut edits = Vec::new();
    for (doc, _, layer) in &plan.layers {
        let mut batch = Vec::new();
        if let Some(old) =
            project.document(doc).and_then(|d| d.loaded()).and_then(|d| d.layers.get(project.annotator()))
        {
            batch.extend(old.relations.keys().map(|id| Edit::PutRelation(*id, None)));
            batch.extend(old.events.keys().map(|id| Edit::PutEvent(*id, None)));
            batch.extend(old.mentions.keys().map(|id| Edit::PutMention(*id, None)));
        }
        batch.extend(layer.mentions.iter().map(|(id, m)| Edit::PutMention(*id, Some(m.clone()))));
        batch.extend(layer.events.iter().map(|(id, e)| Edit::PutEvent(*id, Some(e.clone()))));
        batch.extend(layer.relations.iter().map(|(id, r)| Edit::PutRelation(*id, Some(r.clone()))));
        edits.push(ProjectEdit::Layer(doc.clone(), Edit::Batch(batch)));
    }
    ProjectEdit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, default_conflict_schema};

    #[test]
    fn the_default_schema_can_be_written_and_ids_with_spaces_cannot() {
        let mut schema = default_conflict_schema();
        assert_eq!(schema_problems(&schema), Vec::<String>::new());
        schema.entity_types[0].id = "ARMED GROUP".into();
        assert!(schema_problems(&schema)[0].contains("`ARMED GROUP`"));
    }

    #[test]
    fn tokens_and_notes_round_trip() {
        for s in ["a b", "100%", "x|y,z", "سطر\nآخر\t!", ""] {
            let t = encode_token(s);
            assert!(!t.contains([' ', '\t', '\n', '|', ',']), "{t}");
            assert_eq!(decode_token(&t).as_deref(), Some(s));
        }
        assert_eq!(encode_token("a b"), "a%20b");
        for s in ["one\ntwo", "back\\slash\\n", "tab\there\r\n"] {
            let e = escape_note(s);
            assert!(!e.contains(['\n', '\r', '\t']));
            assert_eq!(unescape_note(&e), s);
        }
    }

    #[test]
    fn a_span_across_a_line_break_is_written_as_fragments_and_read_back() {
        let text = DocText::new("قصفت الطائرات\nالقاعدة اليوم".to_owned());
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), Mention::new(Span::new(5, 21), "ACTOR"));
        let ann = layer_to_ann(&layer, &text, &ActorRegistry::default());
        assert_eq!(ann, "T1\tACTOR 5 13;14 21\tالطائرات القاعدة\n");
        let back = ann_to_layer(&ann, &text, &default_conflict_schema(), &ActorRegistry::default()).unwrap();
        assert_eq!(back, layer);
    }

    #[test]
    fn every_kind_of_line_round_trips() {
        let text = DocText::new("قصفت الميليشيات القاعدة في دير الزور".to_owned());
        let mut actors = ActorRegistry::default();
        let actor = Actor {
            name: "Militias".into(),
            aliases: vec![],
            kind: ActorKind::Militia,
            affiliation: None,
            notes: String::new(),
        };
        actors.actors.insert("militias".into(), actor);
        let mut layer = Layer::default();
        let mut m1 = Mention::new(Span::new(5, 15), "ACTOR");
        m1.actor = Some("militias".into());
        m1.note = "line\none".into();
        layer.mentions.insert(MentionId(1), m1);
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(16, 23), "LOCATION"));
        layer.mentions.insert(MentionId(3), Mention::new(Span::new(27, 36), "LOCATION"));
        let mut attributes = crate::model::Attributes::new();
        attributes.insert("modality".into(), AttrValue::Choice("claimed".into()));
        attributes.insert("fatalities".into(), AttrValue::Number(2.5));
        let args = [("Attacker", 1), ("Target", 2), ("Location", 3)];
        let event = Event {
            event_type: "ATTACK".into(),
            trigger: Span::new(0, 4),
            arguments: args.iter().map(|(r, m)| Argument { role: (*r).into(), mention: MentionId(*m) }).collect(),
            attributes,
            note: String::new(),
            provenance: None,
        };
        layer.events.insert(EventId(1), event.clone());
        layer.events.insert(EventId(2), Event { arguments: vec![], attributes: Default::default(), ..event });
        let rel = Relation { relation_type: "RESPONSE_TO".into(), from: EventId(2), to: EventId(1), note: "n".into() };
        layer.relations.insert(RelationId(1), rel);
        let ann = layer_to_ann(&layer, &text, &actors);
        assert!(ann.contains("E1\tATTACK:T4 Attacker:T1 Target:T2 Location:T3\n"), "{ann}");
        assert!(ann.contains("R1\tRESPONSE_TO Arg1:E2 Arg2:E1\n"), "{ann}");
        assert!(ann.contains("N1\tReference T1 tarmeez-actors:militias\tMilitias\n"), "{ann}");
        assert!(ann.contains("#1\tAnnotatorNotes T1\tline\\none\n"), "{ann}");
        let back = ann_to_layer(&ann, &text, &default_conflict_schema(), &actors).unwrap();
        assert_eq!(back, layer);
    }
}
