//! Names that become file names: document ids, annotator names, suggestion source names.
//!
//! Nothing from outside (an imported file name, an id in imported data, a name typed by a user) may place a
//! file outside the project, collide on a case-insensitive file system, or be unrepresentable on another OS.
//! So every such name is a *slug*: lowercase ASCII letters, digits, `-` and `_`, 1 to 80 characters, not
//! starting with `-` or `_` or `.`, never a Windows device name. [`slugify`] turns any text into one.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Longest slug, in bytes (all ASCII). Leaves room for the folder and extension within path limits.
pub const MAX_SLUG_LEN: usize = 80;

/// Windows refuses these names whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The text is not a safe slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a valid name here: use lowercase letters a-z, digits, '-' and '_' (at most 80), for example `{suggestion}`", suggestion = slugify(.0))]
pub struct BadSlug(pub String);

/// Turns any text into a slug: Arabic and other scripts are transliterated (`deunicode`), everything that is
/// not a letter or digit becomes `-`, runs of `-` collapse. Empty results become `doc`.
///
/// ```
/// use tarmeez::model::slugify;
/// assert_eq!(slugify("al-omar-oilfield-2021-06-29.ar"), "al-omar-oilfield-2021-06-29-ar");
/// assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
/// assert_eq!(slugify("حقل العمر"), "hql-l-mr");
/// ```
pub fn slugify(raw: &str) -> String {
    let ascii = deunicode::deunicode(raw);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '_');
    let mut slug: String = trimmed.chars().take(MAX_SLUG_LEN).collect();
    while slug.ends_with('-') || slug.ends_with('_') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("doc");
    }
    if RESERVED.contains(&slug.as_str()) {
        slug.push_str("-doc");
    }
    slug
}

/// Whether `s` is already a safe slug (what [`slugify`] would leave unchanged).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !s.starts_with(['-', '_'])
        && !RESERVED.contains(&s)
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Accepts `s` only if it is already a safe slug.
            pub fn parse(s: &str) -> Result<Self, BadSlug> {
                if is_slug(s) { Ok(Self(s.to_owned())) } else { Err(BadSlug(s.to_owned())) }
            }
            /// Makes a safe slug out of any text (see [`slugify`]).
            pub fn from_raw(raw: &str) -> Self {
                Self(slugify(raw))
            }
            /// The slug as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

slug_id!(
    /// A document's id: the stem of its files under `documents/`, `annotations/` and `suggestions/`.
    DocId
);
slug_id!(
    /// A coder's name: the stem of their layer files, `annotations/<doc>/<annotator>.ron`.
    Annotator
);
slug_id!(
    /// A suggestion source's name: the stem of `suggestions/<doc>/<source>.ron`.
    SourceName
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_safe_names() {
        for s in ["abc", "doc-1", "a_b", "x2021"] {
            assert_eq!(slugify(s), s);
            assert!(is_slug(s));
        }
    }

    #[test]
    fn slugify_never_escapes_the_folder() {
        for raw in ["../x", "/abs/path", "a/../../b", "..", ".", "C:\\win\\x", "a\0b", ".hidden", "-x"] {
            let s = slugify(raw);
            assert!(is_slug(&s), "{raw:?} -> {s:?}");
            assert!(!s.contains(['/', '\\', '.', '\0']));
        }
    }

    #[test]
    fn slugify_handles_reserved_empty_and_long_names() {
        assert_eq!(slugify("CON"), "con-doc");
        assert_eq!(slugify("!!!"), "doc");
        assert_eq!(slugify(""), "doc");
        let long = "a".repeat(500);
        assert_eq!(slugify(&long).len(), MAX_SLUG_LEN);
    }

    #[test]
    fn parse_rejects_unsafe_names() {
        assert!(DocId::parse("../evil").is_err());
        assert!(DocId::parse("Upper").is_err());
        assert!(DocId::parse("").is_err());
        assert!(DocId::parse("nul").is_err());
        assert!(DocId::parse("ok-name_2").is_ok());
    }

    #[test]
    fn deserializing_an_unsafe_id_fails() {
        let r: Result<DocId, _> = ron::from_str("\"../../x\"");
        assert!(r.is_err());
    }
}
