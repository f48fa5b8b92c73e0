//! The cheap way for a batch (`store::batch`) to create new files, which is most of an import's time: a file
//! is made relative to its folder, opened once per batch (no path walked per file), with its final mode
//! (no `fchmod` after), and written in one call. On Linux a file that must appear only later (a document's
//! metadata, once its text is durable) is written unnamed (`O_TMPFILE`) and linked under its name then: one
//! new folder entry, where a named temp file and its rename change the folder three times. A crash before
//! the link leaves nothing at all, not even a temp file.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The mode of a new project file: readable by the team, as editors and `git checkout` make files.
const NEW_FILE_MODE: u32 = 0o644;

/// A folder a batch creates files in, open for the whole batch.
#[derive(Debug)]
pub(super) struct Folder {
    path: PathBuf,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    fd: fs::File,
    /// The process's umask takes bits off [`NEW_FILE_MODE`]: each new file's mode is then set after.
    set_mode: bool,
    /// Unnamed files can be linked: through /proc/self/fd (linking by the descriptor alone needs a privilege).
    #[cfg_attr(not(any(target_os = "linux", target_os = "android")), allow(dead_code))]
    can_link: bool,
}

impl Folder {
    /// Opens `path`, a folder that exists.
    pub(super) fn open(path: &Path) -> io::Result<Folder> {
        let set_mode = cfg!(unix) && umask().is_none_or(|mask| mask & NEW_FILE_MODE != 0);
        let can_link = cfg!(any(target_os = "linux", target_os = "android")) && Path::new("/proc/self/fd").is_dir();
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let fd = fs::File::open(path)?;
        Ok(Folder {
            path: path.to_owned(),
            #[cfg(any(target_os = "linux", target_os = "android"))]
            fd,
            set_mode,
            can_link,
        })
    }

    /// Creates `name`, which must not exist, with `bytes`; a file that cannot be written whole is removed.
    pub(super) fn create(&self, name: &OsStr, bytes: &[u8], sync: bool) -> io::Result<()> {
        let mut file = self.open_new(name)?;
        let written = self.fix_mode(&file).and_then(|()| file.write_all(bytes)).and_then(|()| sync_if(&file, sync));
        if written.is_err() {
            let _ = fs::remove_file(self.path.join(name));
        }
        written
    }

    /// A file with `bytes` and no name, in this folder's file system, to [`Folder::link`] later; `None` where
    /// the system or the file system has no such files (the caller writes a named temp file instead).
    pub(super) fn unnamed(&self, bytes: &[u8]) -> Option<io::Result<fs::File>> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            use rustix::fs::{Mode, OFlags};
            if !self.can_link {
                return None;
            }
            let flags = OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC;
            let mut file = match rustix::fs::openat(&self.fd, ".", flags, Mode::from_raw_mode(NEW_FILE_MODE)) {
                Ok(fd) => fs::File::from(fd),
                // Not supported by this kernel or file system.
                Err(rustix::io::Errno::OPNOTSUPP | rustix::io::Errno::ISDIR | rustix::io::Errno::INVAL) => return None,
                Err(e) => return Some(Err(e.into())),
            };
            Some(self.fix_mode(&file).and_then(|()| file.write_all(bytes)).map(|()| file))
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            let _ = bytes;
            None
        }
    }

    /// Gives the unnamed `file` the name `name` in this folder, failing with [`io::ErrorKind::AlreadyExists`]
    /// when a file is there (it is never replaced).
    pub(super) fn link(&self, file: &fs::File, name: &OsStr) -> io::Result<()> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            use std::os::fd::AsRawFd;
            let proc = format!("/proc/self/fd/{}", file.as_raw_fd());
            let follow = rustix::fs::AtFlags::SYMLINK_FOLLOW;
            Ok(rustix::fs::linkat(rustix::fs::CWD, proc.as_str(), &self.fd, name, follow)?)
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            let _ = (file, name);
            Err(io::Error::other("files without a name are not supported here"))
        }
    }

    /// Opens `name` in this folder, a new file: with the final mode, relative to the open folder on Linux.
    fn open_new(&self, name: &OsStr) -> io::Result<fs::File> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC;
            Ok(fs::File::from(rustix::fs::openat(&self.fd, name, flags, Mode::from_raw_mode(NEW_FILE_MODE))?))
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            fs::OpenOptions::new().write(true).create_new(true).open(self.path.join(name))
        }
    }

    /// Sets the mode the umask took bits off.
    fn fix_mode(&self, file: &fs::File) -> io::Result<()> {
        if self.set_mode { super::atomic::set_new_file_mode(file) } else { Ok(()) }
    }
}

fn sync_if(file: &fs::File, sync: bool) -> io::Result<()> {
    if sync { file.sync_all() } else { Ok(()) }
}

/// The process's umask, read where the system tells it without changing it (Linux's /proc); `None` elsewhere.
fn umask() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
    u32::from_str_radix(line.trim(), 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_never_created_over_one_and_an_unnamed_file_is_never_linked_over_one() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("taken"), b"theirs").unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        let e = folder.create(OsStr::new("taken"), b"mine", false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        folder.create(OsStr::new("new"), b"mine", false).unwrap();
        assert_eq!(fs::read(dir.path().join("new")).unwrap(), b"mine");
        if let Some(file) = folder.unnamed(b"later") {
            let file = file.unwrap();
            let e = folder.link(&file, OsStr::new("taken")).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
            folder.link(&file, OsStr::new("later")).unwrap();
            assert_eq!(fs::read(dir.path().join("later")).unwrap(), b"later");
        }
        assert_eq!(fs::read(dir.path().join("taken")).unwrap(), b"theirs");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_the_team() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        folder.create(OsStr::new("a"), b"a", false).unwrap();
        let mut names = vec!["a"];
        if let Some(file) = folder.unnamed(b"b") {
            folder.link(&file.unwrap(), OsStr::new("b")).unwrap();
            names.push("b");
        }
        for name in names {
            assert_eq!(fs::metadata(dir.path().join(name)).unwrap().permissions().mode() & 0o777, 0o644, "{name}");
        }
    }
}
