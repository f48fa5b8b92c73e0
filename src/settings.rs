//! The user's own settings, kept outside any project: who they are (the annotator name, asked once) and the
//! projects they opened last (the welcome screen's list).
//! Stored as RON at `$TARMEEZ_CONFIG_DIR/settings.ron`, else `$XDG_CONFIG_HOME/tarmeez/settings.ron`, else
//! `~/.config/tarmeez/settings.ron`.

use crate::model::Annotator;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The user's settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The name the user codes under: their annotation layer's name.
    #[serde(default)]
    pub annotator: Option<Annotator>,
    /// The project folders opened in the window, the last one first (at most [`RECENT_PROJECTS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent: Vec<PathBuf>,
    /// The interface's language (View > Language). English is not written, so that a file saved in English
    /// still loads in a version without languages.
    #[serde(default, skip_serializing_if = "Language::is_english")]
    pub language: Language,
}

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English, left to right.
    #[default]
    English,
    /// Arabic, right to left: the window is mirrored.
    Arabic,
}

impl Language {
    /// Every language, in the menu's order.
    pub const ALL: [Language; 2] = [Language::English, Language::Arabic];

    /// Whether this is English (the default, not written to the settings).
    pub fn is_english(&self) -> bool {
        *self == Language::English
    }

    /// Whether the interface reads right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }

    /// The language's name in itself, as the menu lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
        }
    }
}

/// How many recent projects the settings keep.
pub const RECENT_PROJECTS: usize = 8;

/// Why the settings could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file exists but cannot be read.
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    /// The file is not valid settings.
    #[error("{0} is not valid: {1}")]
    Parse(PathBuf, Box<ron::error::SpannedError>),
    /// The file cannot be written.
    #[error("cannot save {0}: {1}")]
    Write(PathBuf, std::io::Error),
}

/// Where the settings live on this machine, if a home or configuration folder is known.
pub fn default_path() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("TARMEEZ_CONFIG_DIR") {
        return Some(dir.join("settings.ron"));
    }
    let config = var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|h| h.join(".config")))?;
    Some(config.join("tarmeez").join("settings.ron"))
}

impl Settings {
    /// Reads the settings; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        match std::fs::read_to_string(path) {
            Ok(text) => ron::from_str(&text).map_err(|e| SettingsError::Parse(path.to_owned(), Box::new(e))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(SettingsError::Read(path.to_owned(), e)),
        }
    }

    /// Writes the settings atomically, creating the folder.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let write = |e| SettingsError::Write(path.to_owned(), e);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(write)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| write(std::io::Error::other(e)))?;
        crate::store::atomic::write_atomic(path, format!("{text}\n").as_bytes()).map_err(write)
    }

    /// Puts `project` first in the recent projects of the settings at `path` (a file that fails to load is
    /// left as it is: the error is returned).
    pub fn remember_project(path: &Path, project: &Path) -> Result<(), SettingsError> {
        let mut settings = Self::load(path)?;
        // The same folder reached by another path is one entry.
        let project = project.canonicalize().unwrap_or_else(|_| project.to_owned());
        if settings.recent.first() == Some(&project) {
            return Ok(());
        }
        settings.recent.retain(|p| *p != project);
        settings.recent.insert(0, project);
        settings.recent.truncate(RECENT_PROJECTS);
        settings.save(path)
    }

    /// Sets the interface language in the settings at `path` (a file that fails to load is left as it is).
    pub fn remember_language(path: &Path, language: Language) -> Result<(), SettingsError> {
        let mut settings = Self::load(path)?;
        if settings.language == language {
            return Ok(());
        }
        settings.language = language;
        settings.save(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_remembered_and_a_broken_file_is_reported_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("deep/settings.ron");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let settings =
            Settings { annotator: Some(Annotator::parse("huda").unwrap()), recent: Vec::new(), ..Settings::default() };
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), settings);
        std::fs::write(&path, "(annotator: Some(\"huda\"), colour: 1)").unwrap();
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(err.contains("settings.ron is not valid") && err.contains("colour"), "{err}");
    }

    #[test]
    fn recent_projects_are_kept_last_first_without_repeats_and_a_broken_file_is_not_touched() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("settings.ron");
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        Settings::remember_project(&path, &a).unwrap();
        Settings::remember_project(&path, &b).unwrap();
        Settings::remember_project(&path, &tmp.path().join("b/../a")).unwrap();
        let recent = Settings::load(&path).unwrap().recent;
        assert_eq!(recent, vec![a.canonicalize().unwrap(), b.canonicalize().unwrap()]);
        for i in 0..RECENT_PROJECTS + 2 {
            Settings::remember_project(&path, &tmp.path().join(format!("gone-{i}"))).unwrap();
        }
        assert_eq!(Settings::load(&path).unwrap().recent.len(), RECENT_PROJECTS);
        std::fs::write(&path, "(recent: 3)").unwrap();
        assert!(Settings::remember_project(&path, &a).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(recent: 3)");
    }

    #[test]
    fn the_language_is_remembered_and_an_older_file_without_it_loads_as_english() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("settings.ron");
        std::fs::write(&path, "(annotator: Some(\"huda\"), recent: [\"/p\"])\n").unwrap();
        assert_eq!(Settings::load(&path).unwrap().language, Language::English);
        Settings::remember_language(&path, Language::Arabic).unwrap();
        let back = Settings::load(&path).unwrap();
        assert_eq!((back.language, back.recent.len()), (Language::Arabic, 1), "the rest is kept");
        // Back in English, the file holds nothing a version without languages would refuse.
        Settings::remember_language(&path, Language::English).unwrap();
        assert!(!std::fs::read_to_string(&path).unwrap().contains("language"));
    }
}
