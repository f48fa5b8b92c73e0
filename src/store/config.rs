//! `project.ron`: the project's name, format version and schema.

use super::problem::{Problem, ProblemKind};
use crate::model::{Schema, SourceConfig, SourceName};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The format version this build writes. Files of an older version are migrated on load; files of a newer
/// version are refused with a message, never half-read.
pub const FORMAT_VERSION: u32 = 2;

/// The contents of `project.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// Format version of the project's files.
    pub format_version: u32,
    /// Display name.
    pub name: String,
    /// What the project codes, for whoever opens it next.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The annotation schema.
    pub schema: Schema,
    /// Each suggestion source's label mapping, so that it is asked once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<SourceName, SourceConfig>,
}

/// Reads only `format_version`, ignoring everything else, so that a newer file can be refused politely.
#[derive(Deserialize)]
struct VersionProbe {
    /// Read as a float, so that a number too large for an integer (a newer or mangled file) is still a number
    /// to compare, not a parse error naming internals.
    format_version: f64,
}

/// The format version `project.ron`'s `source` says, if it says a whole number.
pub fn format_version(file: &Path, source: &str) -> Option<u32> {
    let probe: VersionProbe = super::ron_io::parse(file, source).ok()?;
    let v = probe.format_version;
    (v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v)).then_some(v as u32)
}

/// Checks the format version of `project.ron`'s `source`: the current one passes, others are refused.
///
/// Format 1 kept review decisions in the suggestion files; `Project::open` migrates such a project on disk
/// (`store/project/migrate.rs`) before it reads `project.ron`, so format 1 reaches this check only when that
/// migration could not run.
pub fn migrate(file: &Path, source: String) -> Result<String, Problem> {
    let probe: VersionProbe = super::ron_io::parse(file, &source)?;
    match probe.format_version {
        v if v == f64::from(FORMAT_VERSION) => Ok(source),
        1.0 => Err(Problem::in_file(
            file,
            ProblemKind::FormatVersion,
            "this project is in format 1 and must be migrated to format 2 first: open it in Tarmeez where its folder can be written",
        )),
        v if v > f64::from(FORMAT_VERSION) => Err(Problem::in_file(
            file,
            ProblemKind::FormatVersion,
            format!(
                "this project was saved by a newer Tarmeez (format {v}); this version reads format {FORMAT_VERSION}. Update Tarmeez to open it."
            ),
        )),
        v => Err(Problem::in_file(file, ProblemKind::FormatVersion, format!("unknown project format version {v}"))),
    }
}
