//! Group commit: many files written atomically with a few waits for the disk in all, instead of two per file.
//!
//! [`write_atomic`](super::atomic::write_atomic) waits for the disk twice per file (its content, then its
//! folder's entry), about 2 ms each here: importing 10,000 documents (a text and a metadata file each) took
//! almost two minutes. A [`Batch`] writes every file to a temp file beside its target, makes them all durable
//! at once, renames each temp over its target, and makes the renames durable at once. Each file stays atomic
//! (a reader or a crash sees its old content or its new one, never a mix) and a crash before a rename leaves
//! only a temp file, named after its target as `write_atomic`'s are.
//!
//! Files come in units whose files are renamed in their order, one round per position, with the disk synced
//! between rounds. A unit of new files that mean nothing until the last exists ([`Batch::add_new_unit`]) has
//! its other files created in place, durable with the temp files: a document is such a unit, its text then
//! its metadata, which is what makes a document exist. So a crash may leave a text without metadata (an
//! unfinished import), never metadata without its text. The files of such units are made relative to their
//! open folder and, on Linux, the last is written without a name and linked under its name instead of
//! renamed (`store::new_file`): creating files is most of an import's time.
//!
//! How "at once" is done: on Linux one `syncfs` per file system of the batch (it flushes the file system's
//! journal once for all the files); elsewhere each temp file is synced as it is written and each folder after
//! its renames, which keeps the same guarantees with more waits. The units are written in chunks, and each
//! sync runs on a thread of its own while the next chunk is written: a sync makes durable what was done
//! before it began, so one sync moves every chunk in flight one step on.

use super::atomic::{set_new_file_mode, share_like, temp_prefix};
use super::new_file::Folder;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// Files to write together; see the module's documentation.
#[derive(Debug, Default)]
pub struct Batch {
    units: Vec<NewUnit>,
}

/// A unit as added: its files, and whether they are new files (see [`Batch::add_new_unit`]).
#[derive(Debug)]
struct NewUnit {
    files: Vec<(PathBuf, Vec<u8>)>,
    new: bool,
}

/// What a batch did with one unit, in the order the units were added.
#[derive(Debug, Default)]
pub struct UnitReport {
    /// The unit's files that were renamed over their targets (in place now), in order. When the unit failed
    /// these may not be durable yet, and the caller decides whether to keep or remove them.
    pub written: Vec<PathBuf>,
    /// The first file that could not be written, and why; `None` when every file of the unit was written
    /// and is durable. The unit's later files were not renamed (their temp files are removed).
    pub failed: Option<(PathBuf, io::Error)>,
}

impl UnitReport {
    /// Whether every file of the unit was written and is durable.
    pub fn is_ok(&self) -> bool {
        self.failed.is_none()
    }
}

/// What a batch did, unit by unit: one failing file does not hide which others were written.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// One report per unit, in the order they were added.
    pub units: Vec<UnitReport>,
}

impl BatchReport {
    /// The first failure, with its file.
    pub fn first_failure(&self) -> Option<(&Path, &io::Error)> {
        self.units.iter().find_map(|u| u.failed.as_ref().map(|(p, e)| (p.as_path(), e)))
    }

    /// `Ok` when every file was written, else the first failure with its file.
    pub fn into_result(self) -> Result<(), (PathBuf, io::Error)> {
        match self.units.into_iter().find_map(|u| u.failed) {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }
}

/// The moments between a batch's steps, at which a test may simulate a crash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Every temp file is written and durable; nothing is renamed yet.
    TempsDurable,
    /// In round `.0`, `.1` files are renamed so far (not yet durable).
    Renamed(usize, usize),
    /// Round `n` (the `n`-th file of each unit) is renamed and durable.
    RoundDurable(usize),
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a unit: its files are renamed in this order, each only once the ones before it are durable, and
    /// not at all once one before it failed.
    pub fn add_unit(&mut self, files: Vec<(PathBuf, Vec<u8>)>) {
        self.units.push(NewUnit { files, new: false });
    }

    /// Adds a unit of one file.
    pub fn add_file(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.add_unit(vec![(path, bytes)]);
    }

    /// Adds a unit of files that must not exist yet and that mean nothing until the last one exists (a
    /// document's text is not a document without its metadata). The files before the last are created in
    /// place, without temp file or rename; the last is renamed once they are durable, and only if no file is
    /// there: a file someone else created meanwhile is left as it is and the unit fails with
    /// [`io::ErrorKind::AlreadyExists`] (the check and the rename are one step, `renameat2` with
    /// `RENAME_NOREPLACE` where the system has it). A unit that fails before its last file is renamed removes
    /// the files it created; a crash may leave them, partly written, without the last.
    pub fn add_new_unit(&mut self, files: Vec<(PathBuf, Vec<u8>)>) {
        self.units.push(NewUnit { files, new: true });
    }

    /// How many units the batch has.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the batch has no unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Writes every file (missing folders are created). Every unit is tried, whatever happens to the others.
    pub fn write(self) -> BatchReport {
        self.write_checked(&mut |_| Ok(()))
    }

    /// [`Batch::write`], with `check(target)` run just before each file is renamed over its target: an error
    /// from it fails that file's unit (its temp file is removed, the target keeps its old content). A caller
    /// that holds a lock can check there that the target did not change on disk since it read it.
    pub fn write_checked(self, check: &mut dyn FnMut(&Path) -> io::Result<()>) -> BatchReport {
        self.write_stages(check, &mut |_| ControlFlow::Continue(()))
    }

    /// [`Batch::write_checked`], calling `stage` after each step of each chunk of units; when it breaks, the
    /// write stops there as a crash would (temp files stay, nothing is cleaned up) and every unit is reported
    /// as failed.
    pub(crate) fn write_stages(
        self,
        check: &mut dyn FnMut(&Path) -> io::Result<()>,
        stage: &mut dyn FnMut(Stage) -> ControlFlow<()>,
    ) -> BatchReport {
        let disk = Disk::new(&self.units);
        let mut queue = self.units.into_iter();
        let mut pipeline = Pipeline { disk: &disk, units: Vec::new(), chunks: VecDeque::new(), renamed_in: Vec::new() };
        let flow = std::thread::scope(|scope| {
            let mut syncing: Option<std::thread::ScopedJoinHandle<io::Result<()>>> = None;
            loop {
                // The next chunk is written while the disk syncs what came before.
                let written = pipeline.write_chunk(&mut queue);
                if let Some(sync) = syncing.take() {
                    let result = sync.join().unwrap_or_else(|_| Err(io::Error::other("syncing the disk failed")));
                    pipeline.synced(&result, check, stage)?;
                }
                pipeline.chunks.extend(written);
                if pipeline.chunks.is_empty() {
                    return ControlFlow::Continue(());
                }
                let (disk, dirs) = (&disk, std::mem::take(&mut pipeline.renamed_in));
                syncing = Some(scope.spawn(move || disk.sync(&dirs)));
            }
        });
        let mut units = pipeline.units;
        if flow.is_break() {
            units.extend(queue.map(Unit::not_written));
            return crashed(units);
        }
        BatchReport { units: units.into_iter().map(|u| u.report).collect() }
    }
}

/// How many units are written between two syncs. Each sync runs while the next chunk is written, and makes
/// durable everything done before it began: the previous chunk's temp files, or its last round of renames.
const CHUNK: usize = 128;

/// A batch on its way: its units as they are written, in chunks that each take one step per sync.
struct Pipeline<'a> {
    disk: &'a Disk,
    units: Vec<Unit>,
    chunks: VecDeque<Chunk>,
    /// The folders of the renames since the last sync began (the fallback syncs them).
    renamed_in: Vec<PathBuf>,
}

/// Some units of a batch, and how far they are.
struct Chunk {
    units: std::ops::Range<usize>,
    /// Rounds of renames done (0: the files are written, nothing is renamed).
    rounds: usize,
    /// The units renamed in the last round.
    renamed: Vec<usize>,
}

impl Pipeline<'_> {
    /// Writes the files of the next chunk of units, if any are left.
    fn write_chunk(&mut self, queue: &mut impl Iterator<Item = NewUnit>) -> Option<Chunk> {
        let start = self.units.len();
        self.units.extend(queue.take(CHUNK).map(|unit| Unit::write(unit, self.disk)));
        (self.units.len() > start).then(|| Chunk { units: start..self.units.len(), rounds: 0, renamed: Vec::new() })
    }

    /// A sync that began after each chunk's last step ended with `result`: each chunk's last step is durable
    /// (or failed with it), and the chunk takes its next step, a round of renames, unless it is done.
    fn synced(
        &mut self,
        result: &io::Result<()>,
        check: &mut dyn FnMut(&Path) -> io::Result<()>,
        stage: &mut dyn FnMut(Stage) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut chunks = std::mem::take(&mut self.chunks);
        for chunk in &mut chunks {
            if let Err(e) = result {
                // What the failed sync was to make durable: the chunk's files, or its last round of renames.
                let failed = if chunk.rounds == 0 { chunk.units.clone().collect() } else { chunk.renamed.clone() };
                for i in failed {
                    if chunk.rounds == 0 { self.units[i].fail_pending(e) } else { self.units[i].fail_last(e) }
                }
            }
            stage(chunk.rounds.checked_sub(1).map_or(Stage::TempsDurable, Stage::RoundDurable))?;
            chunk.renamed.clear();
            for i in chunk.units.clone() {
                if self.units[i].rename_next(check, self.disk) {
                    chunk.renamed.push(i);
                    self.renamed_in.extend(self.units[i].report.written.last().map(|p| parent(p).to_owned()));
                    stage(Stage::Renamed(chunk.rounds, chunk.renamed.len()))?;
                }
            }
            chunk.rounds += 1;
        }
        // A chunk is done once a sync followed a round with no rename left to do.
        chunks.retain(|c| !c.renamed.is_empty());
        self.chunks = chunks;
        ControlFlow::Continue(())
    }
}

/// The report of a write stopped as by a crash: every temp file and file created in place is left on disk.
fn crashed(units: Vec<Unit>) -> BatchReport {
    let reports = units.into_iter().map(|mut unit| {
        let left = std::mem::take(&mut unit.temps);
        let at = left.front().map(|(target, _)| target).or(unit.report.written.last()).cloned();
        if unit.report.failed.is_none()
            && let Some(target) = at
        {
            unit.report.failed = Some((target, io::Error::other("the write was interrupted")));
        }
        for (_, temp) in left {
            // A file without a name is gone, as it would be after a real crash.
            if let Unplaced::Named(temp) = temp {
                let _ = temp.keep();
            }
        }
        unit.report
    });
    BatchReport { units: reports.collect() }
}

/// A file written, not yet in place.
enum Unplaced {
    /// A temp file beside its target, `.tarmeez-<name>-XXXXXX.tmp`, renamed over it.
    Named(TempPath),
    /// (Linux) The last file of a unit of new files, written without a name and linked under its target's
    /// name (see `store::new_file`); it stays open until then.
    Unnamed(fs::File),
}

/// One unit on its way: the files not in place yet, and what happened so far.
struct Unit {
    temps: VecDeque<(PathBuf, Unplaced)>,
    /// Its files are new (see [`Batch::add_new_unit`]).
    new: bool,
    report: UnitReport,
}

impl Unit {
    /// Writes the unit's files: a temp file for each (for a unit of new files, the files before the last
    /// in place). Stops at the first that cannot be written, removing what it wrote: the unit is not renamed.
    fn write(unit: NewUnit, disk: &Disk) -> Unit {
        let NewUnit { files, new } = unit;
        let mut unit = Unit { temps: VecDeque::with_capacity(files.len()), new, report: UnitReport::default() };
        let last = files.len().saturating_sub(1);
        for (i, (target, bytes)) in files.into_iter().enumerate() {
            let written = if new && i < last {
                write_in_place(&target, &bytes, disk).map(|()| unit.report.written.push(target.clone()))
            } else if new {
                write_unplaced(&target, &bytes, disk).map(|temp| unit.temps.push_back((target.clone(), temp)))
            } else {
                let temp = write_temp(&target, &bytes, new, disk);
                temp.map(|temp| unit.temps.push_back((target.clone(), Unplaced::Named(temp))))
            };
            if let Err(e) = written {
                unit.give_up(target, e);
                break;
            }
        }
        unit
    }

    /// A unit a crash came before: nothing of it was written.
    fn not_written(unit: NewUnit) -> Unit {
        let first = unit.files.into_iter().next().map(|(target, _)| target).unwrap_or_default();
        let failed = Some((first, io::Error::other("the write was interrupted")));
        Unit { temps: VecDeque::new(), new: unit.new, report: UnitReport { written: Vec::new(), failed } }
    }

    /// Fails the unit at `target`: its temp files are removed, and so are its files created in place (they
    /// mean nothing without the last).
    fn give_up(&mut self, target: PathBuf, e: io::Error) {
        self.temps.clear();
        if self.new {
            for path in self.report.written.drain(..) {
                let _ = fs::remove_file(path);
            }
        }
        self.report.failed = Some((target, e));
    }

    /// Renames the next temp file over its target (links it under its name when it has none), after `check`.
    /// Returns whether a file was renamed.
    fn rename_next(&mut self, check: &mut dyn FnMut(&Path) -> io::Result<()>, disk: &Disk) -> bool {
        if self.report.failed.is_some() {
            return false;
        }
        let Some((target, temp)) = self.temps.pop_front() else { return false };
        let new = self.new;
        let rename = |temp: Unplaced| match temp {
            Unplaced::Named(temp) if new => temp.persist_noclobber(&target).map_err(|e| e.error),
            Unplaced::Named(temp) => temp.persist(&target).map_err(|e| e.error),
            Unplaced::Unnamed(file) => disk.folder(parent(&target))?.link(&file, file_name(&target)?),
        };
        match check(&target).and_then(|()| rename(temp)) {
            Ok(()) => {
                self.report.written.push(target);
                true
            }
            Err(e) => {
                self.give_up(target, e);
                false
            }
        }
    }

    /// The sync of the temp files failed: nothing of this unit is renamed.
    fn fail_pending(&mut self, e: &io::Error) {
        if self.report.failed.is_none()
            && let Some((target, _)) = self.temps.front()
        {
            let target = target.clone();
            self.give_up(target, copy(e));
        }
    }

    /// The sync after this unit's last rename failed: that file may not be durable, so the unit stops there.
    fn fail_last(&mut self, e: &io::Error) {
        if let Some(target) = self.report.written.last() {
            self.report.failed = Some((target.clone(), copy(e)));
            self.temps.clear();
        }
    }
}

/// `io::Error` is not `Clone`; one sync's failure is every file's of that sync.
fn copy(e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), e.to_string())
}

/// Writes `bytes` to a new temp file beside `target`, closed (a batch may hold more temps than a process may
/// have open files) and with the permissions `target` will have (0644 for a `new` file).
fn write_temp(target: &Path, bytes: &[u8], new: bool, disk: &Disk) -> io::Result<TempPath> {
    let dir = parent(target);
    let mut tmp = tempfile::Builder::new().prefix(&temp_prefix(target)).suffix(".tmp").tempfile_in(dir)?;
    if new {
        set_new_file_mode(tmp.as_file())?;
    } else {
        share_like(tmp.as_file(), target)?;
    }
    tmp.write_all(bytes)?;
    if !disk.group_sync {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp.into_temp_path())
}

/// Creates `target`, which must not exist, with `bytes`; a file that cannot be written whole is removed.
fn write_in_place(target: &Path, bytes: &[u8], disk: &Disk) -> io::Result<()> {
    disk.folder(parent(target))?.create(file_name(target)?, bytes, !disk.group_sync)
}

/// Writes the last file of a unit of new files, to be put in place once the others are durable: without a
/// name where the system allows, else to a temp file beside `target`.
fn write_unplaced(target: &Path, bytes: &[u8], disk: &Disk) -> io::Result<Unplaced> {
    match disk.folder(parent(target))?.unnamed(bytes) {
        Some(Ok(file)) if !disk.group_sync => file.sync_all().map(|()| Unplaced::Unnamed(file)),
        Some(file) => file.map(Unplaced::Unnamed),
        None => write_temp(target, bytes, true, disk).map(Unplaced::Named),
    }
}

fn file_name(path: &Path) -> io::Result<&OsStr> {
    path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not the path of a file"))
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// How a batch waits for the disk: one open folder per file system to sync; and its folders, open.
struct Disk {
    /// Every folder of the batch, open (or why it could not be).
    folders: HashMap<PathBuf, io::Result<Folder>>,
    /// `syncfs` is used: files are not synced one by one.
    group_sync: bool,
    /// One folder per file system of the batch (Linux), to pass to `syncfs`.
    #[cfg_attr(not(any(target_os = "linux", target_os = "android")), allow(dead_code))]
    file_systems: Vec<fs::File>,
}

impl Disk {
    /// Creates the batch's missing folders and opens what the syncs need. A folder that cannot be created or
    /// opened is left out: writing its files fails, and says why.
    fn new(units: &[NewUnit]) -> Disk {
        let dirs: BTreeSet<&Path> = units.iter().flat_map(|u| &u.files).map(|(p, _)| parent(p)).collect();
        for dir in &dirs {
            // Made durable by the batch's first sync (`syncfs` covers new folders; the fallback syncs them).
            let _ = if cfg!(any(target_os = "linux", target_os = "android")) {
                fs::create_dir_all(dir)
            } else {
                super::atomic::create_dir_durable(dir)
            };
        }
        let folders = dirs.iter().map(|&dir| (dir.to_owned(), Folder::open(dir))).collect();
        Disk { folders, ..Disk::open(&dirs) }
    }

    /// The open folder `dir`, one of the batch's.
    fn folder(&self, dir: &Path) -> io::Result<&Folder> {
        match self.folders.get(dir) {
            Some(Ok(folder)) => Ok(folder),
            Some(Err(e)) => Err(copy(e)),
            None => Err(io::Error::other(format!("{} is not a folder of the batch", dir.display()))),
        }
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    fn open(dirs: &BTreeSet<&Path>) -> Disk {
        use std::os::unix::fs::MetadataExt;
        let mut devices = BTreeSet::new();
        let mut file_systems = Vec::new();
        for dir in dirs {
            if let Ok(file) = fs::File::open(dir)
                && let Ok(meta) = file.metadata()
                && devices.insert(meta.dev())
            {
                file_systems.push(file);
            }
        }
        Disk { folders: HashMap::new(), group_sync: true, file_systems }
    }

    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    fn open(_dirs: &BTreeSet<&Path>) -> Disk {
        Disk { folders: HashMap::new(), group_sync: false, file_systems: Vec::new() }
    }

    /// Makes everything the batch did so far durable: on Linux one `syncfs` per file system; elsewhere the
    /// temp files were synced as they were written, and the folders of the renames since the last sync,
    /// `renamed_in`, are synced here.
    fn sync(&self, renamed_in: &[PathBuf]) -> io::Result<()> {
        if !self.group_sync {
            let dirs: BTreeSet<&PathBuf> = renamed_in.iter().collect();
            return dirs.into_iter().try_for_each(|d| super::atomic::sync_dir(d));
        }
        #[cfg(any(target_os = "linux", target_os = "android"))]
        for file in &self.file_systems {
            rustix::fs::syncfs(file)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
