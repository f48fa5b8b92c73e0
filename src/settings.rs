//! The user's own settings, kept outside any project: who they are (the annotator name, asked once).
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
}

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_remembered_and_a_broken_file_is_reported_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("deep/settings.ron");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let settings = Settings { annotator: Some(Annotator::parse("huda").unwrap()) };
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), settings);
        std::fs::write(&path, "(annotator: Some(\"huda\"), colour: 1)").unwrap();
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(err.contains("settings.ron is not valid") && err.contains("colour"), "{err}");
    }
}
