//! What a file held when this session last read or wrote it, to tell whether someone else replaced it since.
//!
//! Every writer checks the file on disk against what it read just before replacing it (DESIGN.md section 11):
//! another window, a command-line import or a `git pull` may have written it in the meantime, and saving a
//! stale copy over theirs would lose their work without a trace.

use std::hash::Hasher;
use std::io;
use std::path::Path;

/// A file's state as this session knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Seen {
    /// There was no file.
    Absent,
    /// The file held bytes of this length and hash.
    Bytes {
        /// Its length.
        len: u64,
        /// A hash of its bytes (SipHash with fixed keys: stable within a process, which is all this needs).
        hash: u64,
    },
}

impl Seen {
    /// The fingerprint of these bytes.
    pub(crate) fn of(bytes: &[u8]) -> Self {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write(bytes);
        Seen::Bytes { len: bytes.len() as u64, hash: hasher.finish() }
    }

    /// The fingerprint of the file at `path` now.
    pub(crate) fn on_disk(path: &Path) -> io::Result<Self> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Self::of(&bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Seen::Absent),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_seen_changed_when_its_bytes_change_and_not_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.ron");
        assert_eq!(Seen::on_disk(&path).unwrap(), Seen::Absent);
        std::fs::write(&path, b"(a: 1)").unwrap();
        let seen = Seen::on_disk(&path).unwrap();
        assert_eq!(seen, Seen::of(b"(a: 1)"));
        std::fs::write(&path, b"(a: 1)").unwrap();
        assert_eq!(Seen::on_disk(&path).unwrap(), seen, "rewritten with the same bytes (a git checkout) is unchanged");
        std::fs::write(&path, b"(a: 2)").unwrap();
        assert_ne!(Seen::on_disk(&path).unwrap(), seen);
    }
}
