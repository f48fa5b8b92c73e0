//! Crash safety: after a `kill -9` at any moment the project reopens valid, having lost at most the last second.
//!
//! The test re-executes its own binary as the child (no extra executable): when `TARMEEZ_CRASH_CHILD` names a
//! project folder, this test function is the child. It opens the project as the annotator `crash` and edits
//! forever through [`Project::apply`], saving exactly as the window does ([`Autosave`]: note every change,
//! call `save_dirty` when `is_due`), with 1-20 ms pauses so that saves happen at varied moments. Before each
//! edit it appends `<k> <unix time nanos>` to a journal outside the project (`TARMEEZ_CRASH_JOURNAL`); the
//! time is taken before the edit is applied, so if anything the check is stricter. It brackets each save with
//! `save-start` / `save-end` lines. The journal is unbuffered, so a kill loses none of it but possibly a torn
//! last line, which the parent ignores.
//!
//! Edit `k` is a pure function of `k` and the layer before it ([`edit_for`]): mostly a new mention with id
//! `m<k>` on a grapheme-aligned span of one to three words, sometimes with the oldest mention removed, another
//! mention retyped, the status changed, or a bulk batch that removes twelve mentions (the file shrinks) or puts
//! back fifteen removed ones (it grows). Every edit puts `m<k>` and no edit touches a higher id, so the newest
//! mention id of a layer is the number of the last edit it holds, and the layer after edit `k` is the same in
//! the child and in the parent's replay. A restarted child continues from the saved layer's number.
//!
//! The parent runs [`ROUNDS`] rounds on one private copy of the sample, each continuing from the files the
//! previous kill left: spawn the child, kill it with SIGKILL (half the rounds after a random 50-1300 ms, half
//! aimed at the moment the child starts its first or second save, plus 0-4 ms; a child killed less than a
//! second after it started cannot show a lost second, so most rounds live about that long), then open the
//! project read-only, load and validate everything and check that
//! - there is no problem at all;
//! - the saved layer is exactly the replayed layer after some edit `s` (never a mix of two saves);
//! - `s` is at least every edit journaled more than one second before the kill (and at most the last journaled);
//! - the kill left at most one new temp file (`.tarmeez-crash.ron-*.tmp`), only when it hit a save, and only
//!   beside the layer file; the project loads regardless, and the next session's first finished save of the
//!   layer removes it, so they never pile up.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]
#![cfg(unix)]

mod common;
use common::*;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tarmeez::model::*;
use tarmeez::store::{Access, Autosave, Project};

const CHILD_ENV: &str = "TARMEEZ_CRASH_CHILD";
const JOURNAL_ENV: &str = "TARMEEZ_CRASH_JOURNAL";
const TEST_NAME: &str = "kill_9_at_random_moments_loses_nothing_older_than_one_second";
const ANNOTATOR: &str = "crash";
const ROUNDS: usize = 50;
/// The product promise: a crash loses at most the changes of the last second.
const PROMISE: Duration = Duration::from_secs(1);
/// A child left running by a parent that died itself gives up after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(30);
const ENTITY_TYPES: [&str; 6] = ["ACTOR", "LOCATION", "TIME", "WEAPON", "CASUALTIES", "SOURCE"];

/// A tiny xorshift generator; the seed comes from the clock (and the process id), printed on failure.
struct Rng(u64);

impl Rng {
    fn from_clock() -> Self {
        let seed = unix_nanos(SystemTime::now()) as u64 ^ (u64::from(std::process::id()) << 32);
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn unix_nanos(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).unwrap().as_nanos()
}

fn doc_id() -> DocId {
    DocId::parse(SAMPLE_DOC).unwrap()
}

/// The spans of one to three whitespace-separated words that mentions are put on (all grapheme-aligned).
fn word_spans(text: &DocText) -> Vec<Span> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.as_str().chars().chain([' ']).enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    words.retain(|w| text.check_span(*w).is_ok());
    assert!(words.len() > 100, "the sample has enough words");
    words
}

/// A mention determined by `seed`: one to three words, one of the six entity types, sometimes a note.
fn mention_for(seed: u64, words: &[Span]) -> Mention {
    let first = (seed.wrapping_mul(2_654_435_761) % words.len() as u64) as usize;
    let last = (first + (seed % 3) as usize).min(words.len() - 1);
    let mut m = Mention::new(Span::new(words[first].start, words[last].end), ENTITY_TYPES[(seed % 6) as usize]);
    if seed.is_multiple_of(3) {
        m.note = format!("edit {seed}: {}", "ملاحظة ".repeat((seed % 5) as usize));
    }
    m
}

/// Edit number `k`, given the layer after edit `k - 1`. It always puts mention `m<k>` and never one above it.
fn edit_for(k: u32, layer: &Layer, words: &[Span]) -> Edit {
    let seed = u64::from(k);
    let add = Edit::PutMention(MentionId(k), Some(mention_for(seed, words)));
    let mut edits = Vec::new();
    match k % 25 {
        // A bulk removal: the file shrinks.
        0 => {
            edits.extend(layer.mentions.keys().take(12).map(|id| Edit::PutMention(*id, None)));
            edits.push(Edit::SetStatus(DocStatus::Done));
        }
        // A bulk addition: up to fifteen removed ids come back on other spans.
        13 => {
            let gaps = (1..k).filter(|i| !layer.mentions.contains_key(&MentionId(*i))).take(15);
            edits.extend(
                gaps.map(|i| Edit::PutMention(MentionId(i), Some(mention_for(u64::from(i) * 31 + seed, words)))),
            );
            edits.push(Edit::SetStatus(DocStatus::InProgress));
        }
        r if r % 5 == 2 => {
            if let Some(oldest) = layer.mentions.keys().next() {
                edits.push(Edit::remove_mention(layer, *oldest));
            }
        }
        r if r % 5 == 4 && !layer.mentions.is_empty() => {
            let (id, m) = layer.mentions.iter().nth((seed * 7) as usize % layer.mentions.len()).unwrap();
            let retyped = Mention { entity_type: ENTITY_TYPES[(seed % 5) as usize].into(), ..m.clone() };
            edits.push(Edit::PutMention(*id, Some(retyped)));
        }
        r if r % 7 == 3 => {
            edits.push(Edit::SetStatus(if k.is_multiple_of(2) { DocStatus::Done } else { DocStatus::InProgress }))
        }
        _ => return add,
    }
    edits.push(add);
    Edit::Batch(edits)
}

/// The number of the last edit a layer holds: its newest mention id (0 for no layer).
fn last_edit(layer: Option<&Layer>) -> u32 {
    layer.and_then(|l| l.mentions.keys().next_back()).map_or(0, |id| id.0)
}

#[test]
fn kill_9_at_random_moments_loses_nothing_older_than_one_second() {
    match std::env::var_os(CHILD_ENV) {
        Some(dir) => child(Path::new(&dir), Path::new(&std::env::var_os(JOURNAL_ENV).unwrap())),
        None => parent(),
    }
}

/// The editing session that gets killed: never returns.
fn child(dir: &Path, journal: &Path) -> ! {
    let started = Instant::now();
    let mut rng = Rng::from_clock();
    let mut journal = OpenOptions::new().create(true).append(true).open(journal).unwrap();
    let mut note = |line: String| journal.write_all(line.as_bytes()).unwrap();
    let mut project = open_as(dir, ANNOTATOR);
    assert_eq!(project.access(), &Access::ReadWrite, "the killed session's lock was released");
    let id = doc_id();
    let words = word_spans(&project.load_document(&id).unwrap().text);
    let mut k = last_edit(own_layer(&project, &id));
    let mut autosave = Autosave::default();
    loop {
        if started.elapsed() > CHILD_LIFETIME {
            std::process::exit(3);
        }
        std::thread::sleep(Duration::from_millis(rng.range(1, 20)));
        k += 1;
        let edit = edit_for(k, own_layer(&project, &id).unwrap_or(&Layer::default()), &words);
        note(format!("{k} {}\n", unix_nanos(SystemTime::now())));
        project.apply(&id, edit).unwrap();
        autosave.changed(Instant::now());
        if autosave.is_due(Instant::now()) {
            note(format!("save-start {}\n", unix_nanos(SystemTime::now())));
            project.save_dirty().unwrap();
            autosave.saved();
            note(format!("save-end {}\n", unix_nanos(SystemTime::now())));
        }
    }
}

/// The session's own layer of a loaded document, if it has one yet.
fn own_layer<'p>(project: &'p Project, id: &DocId) -> Option<&'p Layer> {
    project.document(id).unwrap().loaded().unwrap().layers.get(project.annotator())
}

/// What a round's journal says.
#[derive(Debug, Default)]
struct Journal {
    /// Edit numbers and when they were made (unix nanos), in order.
    edits: Vec<(u32, u128)>,
    /// Saves started.
    saves: usize,
    /// The last save was started but not finished (or its end not journaled) when the child died.
    in_save: bool,
    /// (start, end) of every finished save, unix nanos.
    save_times: Vec<(u128, u128)>,
}

fn read_journal(path: &Path) -> Journal {
    let text = String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
    let mut j = Journal::default();
    let mut save_start = 0;
    // Only whole lines: a kill may tear the last one.
    for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        let (what, nanos) = line.trim_end().split_once(' ').unwrap();
        let nanos: u128 = nanos.parse().unwrap();
        match what {
            "save-start" => {
                j.saves += 1;
                j.in_save = true;
                save_start = nanos;
            }
            "save-end" => {
                j.in_save = false;
                j.save_times.push((save_start, nanos));
            }
            k => j.edits.push((k.parse().unwrap(), nanos)),
        }
    }
    j
}

/// Kills the child if the parent panics while it runs.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Temp files of atomic saves anywhere in the project (relative paths).
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    files(dir)
        .into_keys()
        .filter(|rel| {
            rel.file_name().unwrap().to_str().is_some_and(|n| n.starts_with(".tarmeez-") && n.ends_with(".tmp"))
        })
        .collect()
}

fn parent() {
    let started = Instant::now();
    let mut rng = Rng::from_clock();
    let seed = rng.0;
    let (tmp, dir) = sample_copy();
    let layer_dir = PathBuf::from(format!("annotations/{SAMPLE_DOC}"));
    let crash = Annotator::parse(ANNOTATOR).unwrap();
    let words = word_spans(&open_read_only(&dir).load_document(&doc_id()).unwrap().text);
    // The parent's replay of the child's edits: `replayed` is the layer after edit `replayed_k`.
    let mut replayed = Layer::default();
    let mut replayed_k = 0;
    let mut saved_k = 0;
    let (mut kills_in_save, mut checked_rounds, mut stale_temps, mut longest_save) = (0, 0, 0, 0u128);
    for round in 0..ROUNDS {
        let context = format!("round {round} (seed {seed:#x})");
        let journal_path = tmp.path().join(format!("journal-{round}.txt"));
        let stderr_path = tmp.path().join(format!("child-{round}.stderr"));
        let temps_before = temp_files(&dir);
        let mut child = KillOnDrop(
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, &dir)
                .env(JOURNAL_ENV, &journal_path)
                .stdout(Stdio::null())
                .stderr(File::create(&stderr_path).unwrap())
                .spawn()
                .unwrap(),
        );
        let spawned = Instant::now();
        let child_died = |child: &mut KillOnDrop| {
            if let Some(status) = child.0.try_wait().unwrap() {
                panic!(
                    "{context}: the child exited by itself ({status}):\n{}",
                    fs::read_to_string(&stderr_path).unwrap()
                );
            }
        };
        if round % 2 == 0 {
            std::thread::sleep(Duration::from_millis(rng.range(50, 1300)));
        } else {
            // Aim at a save: the child's first save of the round, or its second, the first one that must hold
            // edits older than a second.
            let nth = if round % 4 == 1 { 1 } else { 2 };
            while read_journal(&journal_path).saves < nth {
                child_died(&mut child);
                assert!(spawned.elapsed() < Duration::from_secs(10), "{context}: the child does not save");
                std::thread::sleep(Duration::from_micros(100));
            }
            std::thread::sleep(Duration::from_micros(rng.range(0, 4000)));
        }
        child_died(&mut child);
        let killed_at = unix_nanos(SystemTime::now());
        child.0.kill().unwrap();
        child.0.wait().unwrap();

        let journal = read_journal(&journal_path);
        kills_in_save += usize::from(journal.in_save);
        longest_save = journal.save_times.iter().map(|(s, e)| e - s).chain([longest_save]).max().unwrap();
        if let Some((first, _)) = journal.edits.first() {
            assert_eq!(*first, saved_k + 1, "{context}: the child resumed from the saved layer");
        }
        let newest = journal.edits.last().map_or(saved_k, |e| e.0);
        let bound = killed_at - PROMISE.as_nanos();
        let required = journal.edits.iter().filter(|e| e.1 < bound).map(|e| e.0).max().unwrap_or(saved_k);
        checked_rounds += usize::from(required > saved_k);

        let project = open_read_only(&dir);
        project.load_all();
        let problems: Vec<String> = project.problems().map(|p| p.to_string()).collect();
        assert!(problems.is_empty(), "{context}: the project does not validate after the kill: {problems:#?}");
        let saved = project.document(&doc_id()).unwrap().loaded().unwrap().layers.get(&crash);
        let k = last_edit(saved);
        assert!(
            k >= required,
            "{context}: edits up to {required} were made more than {PROMISE:?} before the kill, but only edits up \
             to {k} were saved (journal: {journal:?})"
        );
        assert!(k <= newest, "{context}: the saved layer holds edit {k}, never made (last: {newest})");
        assert!(k >= replayed_k, "{context}: the saved layer went back from edit {replayed_k} to {k}");
        while replayed_k < k {
            replayed_k += 1;
            edit_for(replayed_k, &replayed, &words).apply(&mut replayed);
        }
        assert!(
            saved.unwrap_or(&Layer::default()) == &replayed,
            "{context}: the saved layer is not the layer after edit {k}"
        );
        saved_k = k;

        let temps = temp_files(&dir);
        assert!(temps.iter().all(|t| t.parent() == Some(&layer_dir)), "{context}: temp files elsewhere: {temps:?}");
        let new_temps = temps.iter().filter(|t| !temps_before.contains(t)).count();
        assert!(new_temps <= 1, "{context}: one kill left {new_temps} temp files: {temps:?}");
        assert!(new_temps == 0 || journal.in_save, "{context}: a temp file was left outside a save");
        if !journal.save_times.is_empty() {
            // A finished save of the coder's layer clears what earlier kills left.
            assert!(
                temps_before.iter().all(|t| !temps.contains(t)),
                "{context}: stale temp files of earlier kills survived a save: {temps:?}"
            );
        }
        assert!(temps.len() <= 1, "{context}: stale temp files pile up: {temps:?}");
        stale_temps += new_temps;
    }
    let unexpected: Vec<_> = fs::read_dir(dir.join(&layer_dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "sample.ron" && n != "crash.ron" && !n.ends_with(".tmp"))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");
    assert!(checked_rounds >= ROUNDS / 5, "too few rounds lived long enough to test the promise: {checked_rounds}");
    eprintln!(
        "{ROUNDS} kills in {:.1?}: {checked_rounds} rounds required edits older than {PROMISE:?}, {kills_in_save} \
         kills hit a save, {stale_temps} temp files left by kills (each removed by a later save), last saved edit {saved_k} with {} mentions, \
         longest save {:.1?}",
        started.elapsed(),
        replayed.mentions.len(),
        Duration::from_nanos(longest_save as u64),
    );
}
