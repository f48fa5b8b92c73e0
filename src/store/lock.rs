//! One editing session per annotator: an OS file lock on `.locks/<annotator>.lock`.
//!
//! The OS releases the lock when the process ends, even by `kill -9`, so a crash never leaves a stale lock.

use super::atomic::create_dir_durable;
use crate::model::Annotator;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

/// Holds the annotator's lock for as long as it lives.
#[derive(Debug)]
pub struct AnnotatorLock {
    _file: File,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another session holds it.
    #[error("{annotator} is already editing this project in another Tarmeez session (a window or a command: {holder})")]
    Held {
        /// The annotator.
        annotator: Annotator,
        /// What the holder wrote into the lock file (process id, host, time).
        holder: String,
    },
    /// The lock file could not be created or locked.
    #[error("cannot lock {path}: {source}")]
    Io {
        /// The lock file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

impl AnnotatorLock {
    /// Takes the lock for `annotator` in the project at `root`, without waiting.
    pub fn acquire(root: &Path, annotator: &Annotator) -> Result<Self, LockError> {
        let dir = root.join(".locks");
        let path = dir.join(format!("{annotator}.lock"));
        let io = |source| LockError::Io { path: path.display().to_string(), source };
        create_dir_durable(&dir).map_err(io)?;
        let mut file =
            OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = if holder.trim().is_empty() { "no details".to_owned() } else { holder.trim().to_owned() };
                return Err(LockError::Held { annotator: annotator.clone(), holder });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // Who holds it, for the message another window shows. Best effort: the lock itself is what counts.
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "this computer".to_owned());
        let note = format!("process {} on {host}, since {}", std::process::id(), super::now_rfc3339());
        let _ = file.set_len(0).and_then(|_| file.rewind()).and_then(|_| file.write_all(note.as_bytes()));
        Ok(Self { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_for_the_same_annotator_fails_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let ann = Annotator::parse("huda").unwrap();
        let first = AnnotatorLock::acquire(dir.path(), &ann).unwrap();
        let second = AnnotatorLock::acquire(dir.path(), &ann);
        assert!(matches!(second, Err(LockError::Held { .. })));
        let other = AnnotatorLock::acquire(dir.path(), &Annotator::parse("omar").unwrap());
        assert!(other.is_ok(), "other annotators are independent");
        drop(first);
        assert!(AnnotatorLock::acquire(dir.path(), &ann).is_ok());
    }

    #[test]
    fn a_held_lock_does_not_say_window_when_a_command_may_hold_it() {
        let dir = tempfile::tempdir().unwrap();
        let ann = Annotator::parse("huda").unwrap();
        let _first = AnnotatorLock::acquire(dir.path(), &ann).unwrap();
        let message = AnnotatorLock::acquire(dir.path(), &ann).unwrap_err().to_string();
        assert!(!message.contains("Tarmeez window"), "a command-line import holds it as often: {message}");
        assert!(message.contains("another Tarmeez session (a window or a command"), "{message}");
    }
}
