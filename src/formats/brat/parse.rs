//! The `.ann` grammar: each line into an [`AnnLine`] with its id and line number, without looking at the
//! document or the schema (that is `read`'s job), so that grammar errors name their line.

use super::escape::unescape_note;

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

/// Whether `s` is an annotation id: one of `prefixes` then letters, digits, `_` or `-`.
fn is_id(s: &str, prefixes: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| prefixes.contains(c))
        && s.len() > 1
        && s[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A `Role:ID` argument, or why `s` is not one.
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

/// One non-blank line into its id and what it says.
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
