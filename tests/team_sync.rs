//! Three coders, one project, a shared bare repository (issue 13): fifty rounds of random edits (mentions,
//! events, reviews of the same suggestions, new actors, one schema change) and syncs in random order, some
//! of them killed mid-way; then a final round of syncs. Afterwards no file holds a conflict marker, every
//! coder's every edit is in every clone, the three clones are byte-identical and each validates clean.

mod common;

use common::SAMPLE_DOC;
use common::git::{configure, git};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use tarmeez::model::{
    Actor, ActorKind, Annotator, DocId, Edit, Event, Mention, ProjectEdit, ReviewStatus, SourceName, Span, SuggestionId,
};
use tarmeez::store::{OpenOptions, Project};
use tarmeez::workflow::review::{SuggestionFilter, accept, pending, reject};

const ROUNDS: usize = 50;
const CODERS: [&str; 3] = ["amal", "badr", "chadi"];

fn coder(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

/// A small deterministic generator (xorshift), so that a failing run can be replayed from its seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What a coder did, to look for in every clone at the end.
#[derive(Debug)]
enum Done {
    Mention(DocId, Span),
    Event(DocId, Span),
    Decision(SuggestionId, ReviewStatus),
    Actor(String),
}

fn open(dir: &Path, name: &str) -> Project {
    Project::open(dir, OpenOptions { annotator: coder(name), read_only: false }).unwrap()
}

/// The word spans of `doc`'s text (runs of letters), for picking spans to mark.
fn words(p: &Project, doc: &DocId) -> Vec<Span> {
    let text = p.load_document(doc).unwrap().text.as_str().to_owned();
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// One random edit by `name` in their clone, saved; returns what was done (nothing when the dice chose
/// something already there).
fn edit(dir: &Path, name: &str, dice: &mut Dice, round: usize) -> Option<Done> {
    let mut p = open(dir, name);
    let docs: Vec<DocId> = p.documents().iter().map(|d| d.id.clone()).collect();
    let doc = docs[dice.below(docs.len())].clone();
    let spans = words(&p, &doc);
    let span = spans[dice.below(spans.len())];
    let layer = p.load_document(&doc).unwrap().layers.get(p.annotator()).cloned().unwrap_or_default();
    let done = match dice.below(4) {
        0 if !layer.mentions.values().any(|m| m.span == span) => {
            let id = layer.next_mention_id();
            p.apply(&doc, Edit::PutMention(id, Some(Mention::new(span, "LOCATION")))).unwrap();
            Some(Done::Mention(doc, span))
        }
        1 if !layer.events.values().any(|e| e.trigger == span) => {
            let event = Event {
                evidence: Default::default(),
                uid: None,
                event_type: "ATTACK".into(),
                trigger: span,
                arguments: Vec::new(),
                attributes: Default::default(),
                note: String::new(),
                provenance: None,
                curation: None,
            };
            p.apply(&doc, Edit::PutEvent(layer.next_event_id(), Some(event))).unwrap();
            Some(Done::Event(doc, span))
        }
        2 => {
            let sample = DocId::parse(SAMPLE_DOC).unwrap();
            let loaded = p.load_document(&sample).unwrap();
            let queue = pending(loaded, p.annotator(), &SuggestionFilter::default());
            let camel = SourceName::parse("camelbert-ner").unwrap();
            let (_, id, _) = queue.into_iter().find(|(s, _, _)| *s == camel)?;
            let (change, status) = if dice.below(2) == 0 {
                (accept(&p, &sample, &camel, id, None, None).unwrap(), ReviewStatus::Accepted)
            } else {
                (reject(&p, &sample, &camel, id).unwrap(), ReviewStatus::Rejected)
            };
            p.apply_edit(change).unwrap();
            Some(Done::Decision(id, status))
        }
        _ => {
            let name = format!("Brigade {round} of {name}");
            let id = tarmeez::workflow::actor_edits::new_actor_id(&p, &name);
            let actor = Actor {
                name: name.clone(),
                aliases: Vec::new(),
                kind: ActorKind::Militia,
                affiliation: None,
                notes: String::new(),
            };
            p.apply_edit(ProjectEdit::PutActor(id, Some(actor))).unwrap();
            Some(Done::Actor(name))
        }
    };
    p.save_dirty().unwrap();
    done
}

/// Renames the first entity type in `name`'s clone: the one schema change of the run.
fn change_schema(dir: &Path, name: &str) {
    let mut p = open(dir, name);
    let mut schema = p.config().schema.clone();
    schema.entity_types[0].name = "Actor (team renamed)".into();
    p.apply_edit(ProjectEdit::SetSchema(Box::new(schema))).unwrap();
    p.save_dirty().unwrap();
}

/// A sync by the command line, as a coder runs it; when `kill_after` is given, killed then (mid-way or not).
fn sync(dir: &Path, name: &str, kill_after: Option<Duration>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["sync", dir.to_str().unwrap(), "--as", name])
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    match kill_after {
        Some(after) => {
            std::thread::sleep(after);
            let _ = child.kill();
            let _ = child.wait();
        }
        None => {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "sync of {name} failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// Every file of a clone but git's own and the lock files.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = common::files(dir);
    out.retain(|rel, _| !rel.starts_with(".git"));
    out
}

/// Whether clone `dir` holds `done` by coder `name`.
fn holds(dir: &Path, name: &str, done: &Done) -> bool {
    let p = Project::open(dir, OpenOptions { annotator: coder("reader"), read_only: true }).unwrap();
    let layer = |doc: &DocId| p.load_document(doc).unwrap().layers.get(&coder(name)).cloned().unwrap_or_default();
    match done {
        Done::Mention(doc, span) => layer(doc).mentions.values().any(|m| m.span == *span),
        Done::Event(doc, span) => layer(doc).events.values().any(|e| e.trigger == *span),
        Done::Decision(id, status) => {
            let camel = SourceName::parse("camelbert-ner").unwrap();
            layer(&DocId::parse(SAMPLE_DOC).unwrap()).review_status(&camel, *id) == *status
        }
        Done::Actor(actor) => p.actors().actors.values().any(|a| a.name == *actor),
    }
}

#[test]
fn three_coders_editing_and_syncing_at_random_end_with_identical_complete_clones() {
    let tmp = tempfile::tempdir().unwrap();
    let remote = tmp.path().join("shared.git");
    git(tmp.path(), &["init", "-q", "--bare", remote.to_str().unwrap()]);
    // The project: the sample, shared by the first coder.
    let first = tmp.path().join(CODERS[0]);
    for (rel, bytes) in files(&common::sample_dir()) {
        if common::is_local_work(&rel) {
            continue;
        }
        let path = first.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    git(&first, &["init", "-q"]);
    configure(&first, CODERS[0]);
    tarmeez::sync::init_team(&first, Some(remote.to_str().unwrap())).unwrap();
    let mut clones = vec![first];
    for name in &CODERS[1..] {
        let dir = tmp.path().join(name);
        git(tmp.path(), &["clone", "-q", remote.to_str().unwrap(), dir.to_str().unwrap()]);
        configure(&dir, name);
        clones.push(dir);
    }

    let seed = std::env::var("TARMEEZ_TEAM_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_u64);
    let mut dice = Dice(seed);
    let mut done: Vec<(usize, Done)> = Vec::new();
    let mut killed = 0;
    for round in 0..ROUNDS {
        let k = dice.below(CODERS.len());
        if round == ROUNDS / 2 {
            change_schema(&clones[k], CODERS[k]);
        } else if let Some(d) = edit(&clones[k], CODERS[k], &mut dice, round) {
            done.push((k, d));
        }
        let who = dice.below(CODERS.len());
        match dice.below(4) {
            0 => {
                sync(&clones[who], CODERS[who], Some(Duration::from_millis(dice.below(250) as u64)));
                killed += 1;
            }
            1 | 2 => sync(&clones[who], CODERS[who], None),
            _ => {}
        }
    }
    // The final round: everyone syncs, twice over, so that each has what the others sent last.
    for _ in 0..2 {
        for (dir, name) in clones.iter().zip(CODERS) {
            sync(dir, name, None);
        }
    }

    assert!(killed >= 5, "some syncs were killed: {killed} (seed {seed:#x})");
    let contents: Vec<_> = clones.iter().map(|d| files(d)).collect();
    for (dir, files) in clones.iter().zip(&contents) {
        for (rel, bytes) in files {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "conflict markers in {}/{} (seed {seed:#x})",
                dir.display(),
                rel.display()
            );
        }
        let out =
            Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(["validate", dir.to_str().unwrap()]).output().unwrap();
        assert!(out.status.success(), "{} (seed {seed:#x}): {}", dir.display(), String::from_utf8_lossy(&out.stdout));
    }
    for (k, d) in &done {
        for dir in &clones {
            assert!(
                holds(dir, CODERS[*k], d),
                "{}'s {d:?} is missing in {} (seed {seed:#x})",
                CODERS[*k],
                dir.display()
            );
        }
    }
    assert!(done.len() >= ROUNDS / 2, "most rounds made an edit: {}", done.len());
    assert_eq!(contents[0], contents[1], "the first two clones differ (seed {seed:#x})");
    assert_eq!(contents[1], contents[2], "the last two clones differ (seed {seed:#x})");
    let schema = Project::open(&clones[2], OpenOptions { annotator: coder("reader"), read_only: true }).unwrap();
    assert_eq!(schema.config().schema.entity_types[0].name, "Actor (team renamed)", "the schema change reached all");
}
