//! The review queue's cost with 10,000 pending suggestions in one document (the seed article repeated 20
//! times, about 100k characters): rebuilding the queue after a review action, and one whole frame of the
//! window with the queue open (panels, article, highlights), drawn headless.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use std::hint::black_box;
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project};
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::panels::review_queue::ReviewQueue;

const SUGGESTIONS: usize = 10_000;

fn seed() -> String {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt");
    std::fs::read_to_string(path).expect("the sample article")
}

/// A project with one long document and 10,000 pending one-word suggestions spread over it.
fn project(dir: &std::path::Path) -> (Project, DocId) {
    let annotator = Annotator::parse("bench").unwrap();
    let mut p = Project::create(dir, "Bench", default_conflict_schema(), annotator.clone()).unwrap();
    let text = vec![seed(); 20].join("\n\n");
    let id = p.add_document("long", text.clone(), DocumentMeta::default()).unwrap();
    let doc = DocText::new(text);
    let s = doc.as_str();
    let starts: Vec<usize> =
        s.char_indices().filter(|(_, c)| *c == ' ').map(|(b, _)| doc.char_of_byte(b).unwrap() + 1).collect();
    let types = ["ACTOR", "LOCATION", "TIME", "WEAPON"];
    let mut set = SuggestionSet {
        source: SourceInfo {
            model: "bench".into(),
            version: String::new(),
            imported_at: "2026-11-24T00:00:00Z".into(),
        },
        suggestions: Default::default(),
    };
    for k in 0..SUGGESTIONS {
        let i = k * (starts.len() - 1) / SUGGESTIONS;
        let span = Span::new(starts[i], starts[i + 1] - 1);
        let suggestion = Suggestion {
            span,
            label: SuggestedLabel::Entity(types[k % 4].into()),
            score: Some((k % 100) as f64 / 100.0),
            roles: Vec::new(),
        };
        set.suggestions.insert(SuggestionId(k as u32 + 1), suggestion);
    }
    p.apply_edit(ProjectEdit::SetSuggestions(id.clone(), SourceName::parse("bench").unwrap(), Some(Box::new(set))))
        .unwrap();
    p.save_dirty().unwrap();
    drop(p);
    (Project::open(dir, OpenOptions { annotator, read_only: false }).unwrap(), id)
}

fn bench_queue(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let (p, id) = project(&tmp.path().join("p"));
    p.load_document(&id).unwrap();
    let loaded = p.document(&id).unwrap().loaded().unwrap();
    c.bench_function("review queue: rebuild with 10k pending", |b| {
        b.iter(|| {
            let mut queue = ReviewQueue::default();
            queue.refresh(&p, &id, loaded);
            black_box(queue.items().len())
        })
    });
    drop(p);

    // One frame of the whole window with the queue open, after the first frames laid everything out.
    let options = OpenOptions { annotator: Annotator::parse("bench2").unwrap(), read_only: false };
    let p = Project::open(tmp.path().join("p"), options).unwrap();
    let mut app = TarmeezApp::new(Some(p), None);
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 1000.0))),
        ..Default::default()
    };
    let frame = |app: &mut TarmeezApp, events: Vec<egui::Event>| {
        let mut raw = input();
        raw.events = events;
        ctx.run_ui(raw, |ui| app.show(ui))
    };
    let tab = egui::Event::Key {
        key: egui::Key::Tab,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    frame(&mut app, vec![]);
    frame(&mut app, vec![tab]);
    for _ in 0..5 {
        frame(&mut app, vec![]);
    }
    c.bench_function("window frame with the review queue (10k pending)", |b| {
        b.iter(|| black_box(frame(&mut app, vec![]).shapes.len()))
    });
}

criterion_group!(benches, bench_queue);
criterion_main!(benches);
