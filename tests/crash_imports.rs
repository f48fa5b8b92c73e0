//! Crash safety of the imports: `kill -9` of `import-docs`, `import-annotations` and `import-suggestions` at
//! random moments leaves a project that `validate` passes, or in which it names exactly what `repair` then
//! fixes; after the repair the project validates, every document is whole and no file is orphaned.
//!
//! Each test imports the same file into a fresh copy of the same project [`ROUNDS`] times and kills the
//! import with SIGKILL: half the rounds at a random moment of the import's whole run, half at a random moment
//! of its writes, after its first write reached the project folder (so that the kills that matter, in the
//! middle of writing, are not left to chance); both spans are measured on whole runs at the start, and kills
//! come within [`KILL_WITHIN`]. After each kill:
//! - the problems `validate` reports (the library's: load every document, and the folder's leftovers) are
//!   exactly the files the repair's dry run acts on, and it acts on each by removing a temp file, rolling back
//!   or finishing a document: nothing a crash leaves needs a person;
//! - the repair does what its dry run said, and then the project validates with no problem;
//! - an independent walk of the folder finds no file that belongs to nothing: no temp file, every text with
//!   its metadata and every metadata with its text, every layer and suggestion file of an existing document;
//! - every document, layer and suggestion file is whole: each document's text is one of the imported texts,
//!   each layer holds all the mentions the file gave its document, each suggestion file all its suggestions.
//!
//! The generator is seeded from the clock (or `TARMEEZ_CRASH_SEED`), and the seed is printed: a failing run
//! is repeated with that seed. Every tenth round also runs the real `tarmeez validate` and `tarmeez repair`.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]
#![cfg(unix)]

mod common;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tarmeez::model::*;
use tarmeez::store::repair::{RepairOptions, repair};
use tarmeez::store::{OpenOptions, Problem, Project, SharedFilesLock, integrity};

const ROUNDS: usize = 50;
/// Documents per import: enough that an import takes long enough to be killed in the middle of its writes.
const DOCS: usize = 300;
/// Kills come within this long of the start (or of the first write): an import slower than that is killed in
/// its first part only, which is as much in the middle of writing as any other, and the test stays short.
const KILL_WITHIN: Duration = Duration::from_millis(800);
const CODER: &str = "crash";
const SOURCE: &str = "tagger";

/// The three tests share the two cores: run one at a time, so that the moments measured at the start of a
/// test hold for its rounds.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A tiny xorshift generator.
struct Rng(u64);

impl Rng {
    /// Seeded from `TARMEEZ_CRASH_SEED` when set, else from the clock; the seed is printed.
    fn seeded(test: &str) -> Self {
        let seed = std::env::var("TARMEEZ_CRASH_SEED").ok().and_then(|s| {
            let s = s.trim_start_matches("0x");
            u64::from_str_radix(s, 16).ok()
        });
        let seed = seed.unwrap_or_else(|| {
            let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64;
            (nanos ^ u64::from(std::process::id()) << 32) | 1
        });
        eprintln!("{test}: seed {seed:#x} (repeat with TARMEEZ_CRASH_SEED={seed:#x})");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A duration uniform in `0..=max`.
    fn up_to(&mut self, max: Duration) -> Duration {
        Duration::from_micros(self.next() % (max.as_micros() as u64 + 1))
    }
}

/// Words the texts are made of (no diacritics, so that every word boundary is a grapheme boundary).
const WORDS: [&str; 12] =
    ["قصف", "مدفعي", "على", "حقل", "العمر", "النفطي", "غارات", "جوية", "في", "ريف", "دير", "الزور"];

/// The text of document `i`: distinct for each `i`, a few hundred characters.
fn text_of(i: usize) -> String {
    let mut words = vec![format!("الخبر{i}")];
    words.extend((0..60).map(|k| WORDS[(i * 7 + k * 5 + k / 3) % WORDS.len()].to_owned()));
    words.join(" ")
}

/// The spans (code points) of the first `n` words of a text, skipping the first (the number).
fn word_spans(text: &str, n: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        spans.push((at, at + len));
        at += len + 1;
    }
    spans.into_iter().skip(1).take(n).collect()
}

/// How many mentions (or suggestions) the files give document `i`.
fn items_of(i: usize) -> usize {
    3 + i % 5
}

fn doc_id(i: usize) -> String {
    format!("d{i:04}")
}

/// A project with the [`DOCS`] documents, made once per test through the library.
fn project_with_documents(dir: &Path) {
    let mut p = Project::create(dir, "crash", default_conflict_schema(), Annotator::parse("maker").unwrap()).unwrap();
    for i in 0..DOCS {
        p.add_document(&doc_id(i), text_of(i), DocumentMeta { title: format!("خبر {i}"), ..Default::default() })
            .unwrap();
    }
}

/// Doccano JSON lines: each document with its entities (for import-annotations, labels are entity types; for
/// import-suggestions, a tagger's labels).
fn doccano_file(path: &Path, labels: [&str; 3]) {
    let mut out = String::new();
    for i in 0..DOCS {
        let text = text_of(i);
        let entities: Vec<serde_json::Value> = word_spans(&text, items_of(i))
            .into_iter()
            .enumerate()
            .map(|(k, (start, end))| {
                serde_json::json!({"id": k + 1, "start_offset": start, "end_offset": end, "label": labels[k % 3]})
            })
            .collect();
        let line = serde_json::json!({"doc_id": doc_id(i), "text": text, "entities": entities, "relations": []});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// The test's folder: in memory (`/dev/shm`) where there is one. A kill -9 leaves the same files on any file
/// system (what the killed process wrote is in the kernel's cache either way; only a power cut differs), and
/// the hundreds of files each round creates and removes cost seconds a round on a busy disk.
fn work_folder() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() { tempfile::tempdir_in(shm).unwrap() } else { tempfile::tempdir().unwrap() }
}

/// Makes `to` a copy of the project `from` by hard links: cheap, and safe because Tarmeez never changes a file
/// in place (every write is a new file renamed over the old name, which leaves the other link as it was).
fn link_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_name() == ".locks" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            link_tree(&src, &dst);
        } else {
            std::fs::hard_link(&src, &dst).unwrap();
        }
    }
}

/// Puts the copy `dir` of `base` back as `base` is: removes what a round added, links again what it replaced.
/// Much less work than a fresh copy of a project of hundreds of files for every round.
fn reset_to(base: &Path, dir: &Path) {
    use std::os::unix::fs::MetadataExt;
    fn walk(base: &Path, dir: &Path, rel: &Path) {
        for entry in std::fs::read_dir(dir.join(rel)).unwrap() {
            let entry = entry.unwrap();
            let child = rel.join(entry.file_name());
            if child == Path::new(".locks") {
                continue;
            }
            let original = std::fs::symlink_metadata(base.join(&child));
            if entry.file_type().unwrap().is_dir() {
                walk(base, dir, &child);
                if original.is_err() {
                    std::fs::remove_dir(dir.join(&child)).unwrap();
                }
            } else {
                let same = original.as_ref().is_ok_and(|m| m.ino() == entry.metadata().unwrap().ino());
                if !same {
                    std::fs::remove_file(dir.join(&child)).unwrap();
                    if original.is_ok() {
                        std::fs::hard_link(base.join(&child), dir.join(&child)).unwrap();
                    }
                }
            }
        }
    }
    walk(base, dir, Path::new(""));
    assert_eq!(all_files(dir), all_files(base), "the round's copy is the base project again");
}

/// Every file of a folder tree, relative (lock files left out).
fn all_files(root: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_owned();
            if rel.starts_with(".locks") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

/// What `validate` reports, through the library: every document loaded, and the folder's leftovers.
fn validate(dir: &Path) -> Vec<Problem> {
    let p = Project::open(dir, OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true })
        .expect("project.ron is whole after any kill");
    p.load_all();
    let mut problems: Vec<Problem> = p.problems().cloned().collect();
    problems.extend(integrity::problems(dir, None, SharedFilesLock::PATIENCE).unwrap());
    problems
}

/// The independent check: no file belongs to nothing, and every file is whole (see the module's doc).
fn check_no_orphan_and_whole(dir: &Path, import: Import, context: &str) {
    let files = all_files(dir);
    let names: BTreeSet<String> = files.iter().map(|f| f.to_string_lossy().into_owned()).collect();
    let texts: BTreeSet<String> = (0..DOCS).map(|i| text_hash(&text_of(i))).collect();
    let mut docs = BTreeSet::new();
    for file in &names {
        let parts: Vec<&str> = file.split('/').collect();
        assert!(!parts.last().unwrap().ends_with(".tmp"), "{context}: a temp file survived: {file}");
        match parts.as_slice() {
            ["project.ron" | "actors.ron" | ".gitignore"] => {}
            ["documents", name] => {
                let (stem, other) = match name.rsplit_once('.') {
                    Some((stem, "txt")) => (stem, format!("documents/{stem}.ron")),
                    Some((stem, "ron")) => (stem, format!("documents/{stem}.txt")),
                    _ => panic!("{context}: a stray file {file}"),
                };
                assert!(names.contains(&other), "{context}: {file} without {other}");
                docs.insert(stem.to_owned());
                if name.ends_with(".ron") {
                    let meta: DocumentMeta = ron::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
                    assert!(texts.contains(&meta.text_hash), "{context}: {file} is not one of the texts imported");
                }
            }
            ["annotations" | "suggestions", _, _] => {}
            _ => panic!("{context}: a file Tarmeez does not write: {file}"),
        }
    }
    for file in &names {
        let parts: Vec<&str> = file.split('/').collect();
        let ["annotations" | "suggestions", doc, name] = parts.as_slice() else { continue };
        assert!(docs.contains(*doc), "{context}: {file} belongs to no document");
        let i: usize = doc[1..].parse().unwrap();
        let source = std::fs::read_to_string(dir.join(file)).unwrap();
        let count = match (import, parts[0]) {
            (Import::Annotations, "annotations") if *name == format!("{CODER}.ron") => {
                ron::from_str::<Layer>(&source).unwrap().mentions.len()
            }
            (Import::Suggestions, "suggestions") if *name == format!("{SOURCE}.ron") => {
                ron::from_str::<SuggestionSet>(&source).unwrap().suggestions.len()
            }
            _ => panic!("{context}: a file this import does not write: {file}"),
        };
        assert_eq!(count, items_of(i), "{context}: {file} is not whole");
    }
}

/// Which import a test kills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Import {
    Docs,
    Annotations,
    Suggestions,
}

/// How many entries `dir/watch` has: the imports' progress, cheap to poll.
fn entries(dir: &Path, watch: &str) -> usize {
    std::fs::read_dir(dir.join(watch)).map_or(0, Iterator::count)
}

/// Waits until the import running as `child` writes its first file into `dir/watch` (or ends, or `patience`
/// runs out).
fn writes_begin(dir: &Path, watch: &str, child: &mut std::process::Child, patience: Duration) {
    let (start, at_first) = (Instant::now(), entries(dir, watch));
    while entries(dir, watch) == at_first && child.try_wait().unwrap().is_none() && start.elapsed() < patience {
        std::thread::sleep(Duration::from_micros(100));
    }
}

/// Runs the rounds of one import (see the module's doc). `base` is the project each round starts from; `args`
/// the command line after the project folder.
fn kill_rounds(test: &str, import: Import, base: &Path, args: &[&str]) {
    let watch = match import {
        Import::Docs => "documents",
        Import::Annotations => "annotations",
        Import::Suggestions => "suggestions",
    };
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let started = Instant::now();
    let mut rng = Rng::seeded(test);
    let work = base.parent().unwrap();
    let run = |dir: &Path| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tarmeez"));
        command.arg(args[0]).arg(dir).args(&args[1..]).env("TARMEEZ_ANNOTATOR", CODER);
        command.stdout(Stdio::null()).stderr(Stdio::null());
        command
    };
    // One whole run: that the import works, how long it takes, and what it leaves.
    let whole = work.join("whole");
    link_tree(base, &whole);
    let t = Instant::now();
    let status = run(&whole).status().unwrap();
    let full = t.elapsed();
    assert!(status.success(), "{test}: the import does not work without a kill");
    check_no_orphan_and_whole(&whole, import, test);
    let before: BTreeSet<PathBuf> = all_files(base).into_iter().collect();
    let complete: BTreeSet<PathBuf> = all_files(&whole).into_iter().collect();
    // A second one, watched: how long its writes take, from its first file in `watch` to the folder being
    // complete (renames add no entry, so only the whole folder tells when they are over).
    let timed = work.join("timed");
    link_tree(base, &timed);
    let mut child = run(&timed).spawn().unwrap();
    writes_begin(&timed, watch, &mut child, Duration::from_secs(60));
    let t = Instant::now();
    while child.try_wait().unwrap().is_none() && all_files(&timed).into_iter().collect::<BTreeSet<_>>() != complete {
        std::thread::sleep(Duration::from_micros(200));
    }
    let writing = t.elapsed().max(Duration::from_millis(1));
    child.wait().unwrap();
    let (mut repaired_rounds, mut partial_rounds, mut leftovers) = (0, 0, 0);
    let dir = work.join("round");
    link_tree(base, &dir);
    // A busy machine may let most kills fall before or after the writes: the rounds go on (up to three times
    // as many) until a tenth of them have hit the writes, so the test always tries partial imports.
    let mut round = 0;
    while round < ROUNDS || (partial_rounds < ROUNDS / 10 && round < 3 * ROUNDS) {
        round += 1;
        let context = format!("{test} round {round}");
        reset_to(base, &dir);
        let mut child = run(&dir).spawn().unwrap();
        if round % 2 == 0 {
            std::thread::sleep(rng.up_to(full.min(KILL_WITHIN)));
        } else {
            writes_begin(&dir, watch, &mut child, full * 2);
            std::thread::sleep(rng.up_to(writing.min(KILL_WITHIN)));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // Partial: the import had begun to write (a new file, or a temp file) and had not finished.
        let written: BTreeSet<PathBuf> = all_files(&dir).into_iter().collect();
        partial_rounds += usize::from(written != before && written != complete);

        let problems = validate(&dir);
        if round % 10 == 0 {
            check_command_line(&dir, &problems, &context);
        }
        let named: BTreeSet<PathBuf> = problems.iter().map(|p| p.file.clone()).collect();
        let dry = repair(&dir, &RepairOptions { dry_run: true, own_session: None }).unwrap();
        let planned: BTreeSet<PathBuf> = dry.iter().map(|s| s.leftover.file()).collect();
        assert_eq!(named, planned, "{context}: validate names {problems:#?}, the repair would do {dry:#?}");
        assert!(dry.iter().all(|s| s.fixed()), "{context}: a crash left something repair cannot fix: {dry:#?}");
        let done = repair(&dir, &RepairOptions::default()).unwrap();
        assert_eq!(done, dry, "{context}: the repair did not do what its dry run said");
        // Nothing to repair means `problems` was empty: validating again would find the same.
        if !done.is_empty() {
            let after = validate(&dir);
            assert!(after.is_empty(), "{context}: after the repair: {after:#?}");
        }
        check_no_orphan_and_whole(&dir, import, &context);
        repaired_rounds += usize::from(!done.is_empty());
        leftovers += done.len();
        let kinds: BTreeMap<String, usize> = done.iter().fold(BTreeMap::new(), |mut m, s| {
            *m.entry(format!("{:?}", s.outcome)).or_default() += 1;
            m
        });
        if !kinds.is_empty() {
            eprintln!("{context}: repaired {kinds:?}");
        }
    }
    eprintln!(
        "{test}: {round} kills in {:.1?} (a whole import takes {full:.0?}, its writes into {watch}/ \
         {writing:.0?}): {partial_rounds} left a partial import, {repaired_rounds} needed the repair ({leftovers} \
         leftovers, each fixed)",
        started.elapsed()
    );
    // About half the rounds are aimed at the writes; a tenth is a floor that a slow or busy machine still clears.
    assert!(partial_rounds >= ROUNDS / 10, "{test}: too few kills hit the import's writes: {partial_rounds}");
}

/// The real commands agree with the library: `validate` names the same files and fails when there are any;
/// `repair --dry-run` lists one line per file.
fn check_command_line(dir: &Path, problems: &[Problem], context: &str) {
    let tarmeez = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).arg(dir).output().unwrap();
    let out = tarmeez(&["validate"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.success(), problems.is_empty(), "{context}: {text}");
    for p in problems {
        assert!(text.contains(&dir.join(&p.file).display().to_string()), "{context}: {text} does not name {p}");
    }
    let out = tarmeez(&["repair", "--dry-run"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{context}: {text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("would ")).count(), problems.len(), "{context}: {text}");
}

#[test]
fn kill_9_during_import_docs_leaves_nothing_repair_cannot_fix() {
    let tmp = work_folder();
    let base = tmp.path().join("base");
    Project::create(&base, "crash", default_conflict_schema(), Annotator::parse("maker").unwrap()).unwrap();
    let input = tmp.path().join("corpus.jsonl");
    let lines: Vec<String> =
        (0..DOCS).map(|i| serde_json::json!({"id": doc_id(i), "text": text_of(i)}).to_string()).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    kill_rounds("import-docs", Import::Docs, &base, &["import-docs", input.to_str().unwrap()]);
}

#[test]
fn kill_9_during_import_annotations_leaves_nothing_repair_cannot_fix() {
    let tmp = work_folder();
    let base = tmp.path().join("base");
    project_with_documents(&base);
    let input = tmp.path().join("layers.jsonl");
    doccano_file(&input, ["ACTOR", "LOCATION", "WEAPON"]);
    let args = ["import-annotations", input.to_str().unwrap(), "--format", "doccano", "--annotator", CODER];
    kill_rounds("import-annotations", Import::Annotations, &base, &args);
}

#[test]
fn kill_9_during_import_suggestions_leaves_nothing_repair_cannot_fix() {
    let tmp = work_folder();
    let base = tmp.path().join("base");
    project_with_documents(&base);
    let input = tmp.path().join("tagger.jsonl");
    doccano_file(&input, ["PER", "LOC", "ORG"]);
    let args = [
        "import-suggestions",
        input.to_str().unwrap(),
        "--source",
        SOURCE,
        "--format",
        "doccano",
        "--map",
        "PER=ACTOR",
        "--map",
        "LOC=LOCATION",
        "--map",
        "ORG=ACTOR",
    ];
    kill_rounds("import-suggestions", Import::Suggestions, &base, &args);
}
