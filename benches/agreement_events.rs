//! Event agreement over 1,000 documents × 3 coders × 50 events (each with three arguments and the default
//! schema's event attributes), computed from layers in memory: trigger and argument counts of every coder
//! pair, and alpha per event attribute after clustering. The budget for agreement on such a corpus is
//! under a second.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tarmeez::model::*;
use tarmeez::workflow::agreement::{EventCounts, attribute_units, clusters, krippendorff_alpha, metric_of};

const DOCS: usize = 1000;
const EVENTS: usize = 50;

/// One coder's layer of document `doc`: events every 40 code points, shifted, retyped or given other
/// attribute values now and then by a small deterministic generator seeded by the document and the coder.
fn layer(doc: usize, coder: usize) -> Layer {
    let mut state = (doc as u64 * 31 + coder as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut out = Layer::default();
    for e in 0..EVENTS {
        let base = e * 40;
        let shift = if next(5) == 0 { 2 } else { 0 };
        let mut arguments = Vec::new();
        for (r, role) in ["Attacker", "Target", "Location"].into_iter().enumerate() {
            let id = MentionId((e * 3 + r + 1) as u32);
            let start = base + 8 + r * 10 + next(2) as usize;
            let mut m = Mention::new(Span::new(start, start + 8), "ACTOR");
            m.actor = (r == 0).then(|| ActorId::from(["a", "b", "c"][next(3) as usize]));
            out.mentions.insert(id, m);
            arguments.push(Argument { role: role.into(), mention: id });
        }
        let mut attributes = Attributes::new();
        let modality = ["asserted", "denied", "claimed", "threatened"][next(4) as usize];
        attributes.insert("modality".into(), AttrValue::Choice(modality.into()));
        attributes.insert("fatalities".into(), AttrValue::Number(next(10) as f64));
        attributes.insert("date_precision".into(), AttrValue::Choice(["day", "week"][next(2) as usize].into()));
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: if next(10) == 0 { "THREAT" } else { "ATTACK" }.into(),
            trigger: Span::new(base + shift, base + shift + 5),
            arguments,
            attributes,
            note: String::new(),
            provenance: None,
            curation: None,
        };
        out.events.insert(EventId(e as u32 + 1), event);
    }
    out
}

fn bench_events(c: &mut Criterion) {
    let docs: Vec<Vec<Layer>> = (0..DOCS).map(|d| (0..3).map(|k| layer(d, k)).collect()).collect();
    let schema = default_conflict_schema();
    let defs: Vec<&AttributeDef> =
        schema.attributes.iter().filter(|d| d.target == AttributeTarget::Event && metric_of(d).is_some()).collect();
    c.bench_function("event counts of 3 coder pairs, 1,000 documents x 50 events", |b| {
        b.iter(|| {
            let mut pooled = EventCounts::default();
            for layers in &docs {
                for (i, j) in [(0, 1), (0, 2), (1, 2)] {
                    pooled.add(EventCounts::of(&layers[i], &layers[j], |_| true));
                }
            }
            black_box(pooled)
        });
    });
    c.bench_function("alpha per event attribute, 3 coders, 1,000 documents x 50 events", |b| {
        b.iter(|| {
            let mut units: Vec<Vec<Vec<f64>>> = vec![Vec::new(); defs.len()];
            for layers in &docs {
                let events: Vec<Vec<&Event>> = layers.iter().map(|l| l.events.values().collect()).collect();
                let groups = clusters(&events);
                for (def, out) in defs.iter().zip(&mut units) {
                    out.extend(attribute_units(def, &events, &groups));
                }
            }
            let alphas: Vec<Option<f64>> =
                defs.iter().zip(&units).map(|(d, u)| krippendorff_alpha(u, metric_of(d).unwrap())).collect();
            black_box(alphas)
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_events
}
criterion_main!(benches);
