//! The project's locks (DESIGN.md section 11: every writer holds the lock for what it writes).
//!
//! - `.locks/<annotator>.lock`, held for a whole session: only that coder's session writes their layers.
//! - `.locks/shared.lock`, held for the moment of a write: the files several sessions may write (the schema,
//!   the registries, documents, imported suggestions). Whoever holds it also checks that the file did not
//!   change on disk since it was read, before replacing it.
//!
//! They are OS file locks: the OS releases them when the process ends, even by `kill -9`, so a crash never
//! leaves a stale lock.

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
    /// Another session kept the shared files locked for longer than a write takes.
    #[error(
        "another Tarmeez session has been writing this project's shared files for {waited_secs} s; nothing \
         was written (try again; if it persists, close the other windows and commands on this project)"
    )]
    Busy {
        /// How long this one waited.
        waited_secs: u64,
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
        super::inside::check_locks(root).map_err(|e| io(std::io::Error::other(e)))?;
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

/// Holds `.locks/shared.lock` while it lives: the right to write the project's shared files.
#[derive(Debug)]
pub struct SharedFilesLock {
    _file: File,
}

impl SharedFilesLock {
    /// How long a writer waits for another's write of shared files to finish. Writes hold the lock for
    /// milliseconds; a wait this long means a session is stuck, and the user is told rather than frozen.
    pub const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

    /// Takes the lock, waiting up to `patience` for another writer to finish.
    pub fn acquire(root: &Path, patience: std::time::Duration) -> Result<Self, LockError> {
        let dir = root.join(".locks");
        let path = dir.join("shared.lock");
        let io = |source| LockError::Io { path: path.display().to_string(), source };
        super::inside::check_locks(root).map_err(|e| io(std::io::Error::other(e)))?;
        create_dir_durable(&dir).map_err(io)?;
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(io)?;
        let deadline = std::time::Instant::now() + patience;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy { waited_secs: patience.as_secs() });
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
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
    fn the_shared_lock_is_exclusive_and_waits_for_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = SharedFilesLock::acquire(dir.path(), SharedFilesLock::PATIENCE).unwrap();
        let busy = SharedFilesLock::acquire(dir.path(), std::time::Duration::from_millis(30));
        assert!(matches!(busy, Err(LockError::Busy { .. })), "{busy:?}");
        let root = dir.path().to_owned();
        let waiter = std::thread::spawn(move || SharedFilesLock::acquire(&root, SharedFilesLock::PATIENCE).is_ok());
        std::thread::sleep(std::time::Duration::from_millis(50));
        drop(first);
        assert!(waiter.join().unwrap(), "the waiting writer gets the lock once the first lets go");
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
