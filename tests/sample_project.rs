//! The sample project `projects/al-omar-oilfield`, defined here in readable form (phrases in their
//! context rather than raw offsets) and checked against the committed files byte for byte.
//!
//! To rebuild the committed files after changing the definition (or the file format):
//! `TARMEEZ_WRITE_SAMPLE=1 cargo test --test sample_project`
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;
use common::{files, is_local_work, sample_copy};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project};
use tarmeez::workflow::Stats;

const DOC: &str = "al-omar-oilfield-2021-06-29";
const FIXED_TIME: &str = "2026-11-23T09:00:00Z";

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield")
}

fn article_text() -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/al-omar-oilfield-2021-06-29.ar.txt");
    let committed = sample_dir().join(format!("documents/{DOC}.txt"));
    std::fs::read_to_string(&corpus).or_else(|_| std::fs::read_to_string(&committed)).expect("the seed article")
}

/// Finds `phrase` inside `context`, which must occur exactly once in `text`; returns its code point span.
/// Evidence by field, one span each.
fn evidence(spans: &[(&str, Span)]) -> BTreeMap<tarmeez::model::FieldId, Vec<Span>> {
    spans.iter().map(|(field, span)| (tarmeez::model::FieldId::from(*field), vec![*span])).collect()
}

fn at(text: &str, context: &str, phrase: &str) -> Span {
    let mut hits = text.match_indices(context);
    let (ctx_byte, _) = hits.next().unwrap_or_else(|| panic!("context not found: {context}"));
    assert!(hits.next().is_none(), "context is not unique: {context}");
    let in_ctx = context.find(phrase).unwrap_or_else(|| panic!("{phrase} not in {context}"));
    let start = text[..ctx_byte + in_ctx].chars().count();
    Span::new(start, start + phrase.chars().count())
}

fn actor(name: &str, aliases: &[&str], kind: ActorKind, affiliation: Option<&str>, notes: &str) -> Actor {
    Actor {
        name: name.to_owned(),
        aliases: aliases.iter().map(|&a| a.to_owned()).collect(),
        kind,
        affiliation: affiliation.map(ActorId::from),
        notes: notes.to_owned(),
    }
}

fn actors() -> ActorRegistry {
    use ActorKind::*;
    let list = [
        (
            "abu-fadl-abbas",
            actor(
                "Liwa Abu al-Fadl al-Abbas",
                &[
                    "مليشيا أبو الفضل العباس",
                    "ميليشيا أبو الفضل العباس",
                    "لواء أبو الفضل العباس",
                    "Abu al-Fadl al-Abbas Brigade",
                ],
                Militia,
                Some("irgc"),
                "Iraqi militia; the article places it in Badiyat al-Quriyah and al-Shibli near al-Mayadin",
            ),
        ),
        (
            "irgc",
            actor(
                "Islamic Revolutionary Guard Corps",
                &["الحرس الثوري الإيراني", "الحرس الثوري", "IRGC"],
                ExternalForce,
                None,
                "",
            ),
        ),
        (
            "iran-backed-militias",
            actor(
                "Iran-backed militias",
                &["الميليشيات الإيرانية", "المليشيات الإيرانية", "ميليشيات إيران", "مليشيات إيران"],
                Militia,
                Some("irgc"),
                "Collective term the article uses",
            ),
        ),
        (
            "coalition",
            actor(
                "International Coalition against ISIS",
                &["التحالف الدولي", "قوات التحالف الدولي", "طائرات التحالف", "التحالف", "Global Coalition"],
                ExternalForce,
                Some("us-forces"),
                "",
            ),
        ),
        (
            "us-forces",
            actor(
                "United States Armed Forces",
                &["القوات الأمريكية", "القوات الأميركية", "الجيش الأمريكي", "وزارة الدفاع الأمريكية", "US forces"],
                ExternalForce,
                None,
                "",
            ),
        ),
        (
            "pmf",
            actor("Popular Mobilization Forces", &["الحشد الشعبي العراقي", "الحشد الشعبي", "PMF"], Militia, None, ""),
        ),
        (
            "kataib-hezbollah",
            actor(
                "Kata'ib Hezbollah",
                &["كتائب حزب الله العراقية", "كتائب حزب الله", "حزب الله العراقي", "Kataib Hezbollah"],
                Militia,
                Some("pmf"),
                "",
            ),
        ),
        (
            "abu-ali-askari",
            actor(
                "Abu Ali al-Askari",
                &["أبو علي العسكري", "العسكري"],
                Person,
                Some("kataib-hezbollah"),
                "Military spokesman of Kata'ib Hezbollah",
            ),
        ),
        (
            "saraya-awliya-al-dam",
            actor(
                "Saraya Awliya al-Dam",
                &["سرايا أولياء الدم", "Saraya Awliya al-Dam"],
                Militia,
                None,
                "Claims attacks on US forces in Iraq",
            ),
        ),
        (
            "al-omar-base",
            actor(
                "Coalition garrison of the al-Omar oil field base",
                &["قاعدة حقل العمر", "حقل العمر", "قاعدة التحالف الدولي", "al-Omar oil field base"],
                ExternalForce,
                Some("coalition"),
                "The base the militia shelled; the article also misspells it \"حقل العمل\"",
            ),
        ),
        ("nujaba", actor("Harakat al-Nujaba", &["حركة النجباء", "النجباء"], Militia, Some("pmf"), "")),
        (
            "fatemiyoun",
            actor("Liwa Fatemiyoun", &["ميليشيا فاطميون", "فاطميون"], Militia, Some("irgc"), "Afghan fighters"),
        ),
        ("zainabiyoun", actor("Liwa Zainabiyoun", &["زينبيون"], Militia, Some("irgc"), "Pakistani fighters")),
    ];
    ActorRegistry { actors: list.into_iter().map(|(id, a)| (ActorId::from(id), a)).collect() }
}

fn mention(span: Span, ty: &str, actor: Option<&str>) -> Mention {
    Mention { actor: actor.map(ActorId::from), ..Mention::new(span, ty) }
}

fn args(list: &[(&str, u32)]) -> Vec<Argument> {
    list.iter().map(|&(role, m)| Argument { role: role.into(), mention: MentionId(m) }).collect()
}

fn attrs(list: &[(&str, AttrValue)]) -> Attributes {
    list.iter().map(|(k, v)| (AttributeId::from(*k), v.clone())).collect()
}

fn layer(t: &str) -> Layer {
    let p2 = "قصفت مساء أمس محيط قاعدة التحالف الدولي القريبة من حقل العمر النفطي شرق محافظة دير الزور";
    let p4 = "تلاه غارات جوية مكثفة شنتها طائرات التحالف على مقرات ومواقع مليشيا أبو الفضل العباس المتمركزة في منطقة المزارع ومحيط مدينة الميادين";
    let threat = "فيما هددت جماعة مسلحة تطلق على نفسها اسم \"سرايا أولياء الدم\" باستهداف الطائرات الأميركية في العراق";
    let call = "ودعت مليشيا كتائب حزب الله العراقية، إلى زيادة وتيرة الضربات ضد القوات الأميركية";
    let hamidah = "حيث استهدفت الغارات الأمريكية عدة مواقع ومخازن أسلحة تابعة للميليشيات الإيرانية في منطقة الحميضة قرب البوكمال شرق دير الزور وخلفت الغارات مقتل ما لا يقل عن 5 عناصر";

    let mut m = BTreeMap::new();
    m.insert(1, mention(at(t, "وقالت مصادر خاصة لـ", "مصادر خاصة"), "SOURCE", None));
    m.insert(
        2,
        mention(
            at(t, "إن مليشيا أبو الفضل العباس العراقية", "مليشيا أبو الفضل العباس"),
            "ACTOR",
            Some("abu-fadl-abbas"),
        ),
    );
    m.insert(3, mention(at(t, p2, "قاعدة التحالف الدولي"), "LOCATION", None));
    m.insert(4, mention(at(t, p2, "حقل العمر النفطي"), "LOCATION", None));
    m.insert(5, mention(at(t, p2, "دير الزور"), "LOCATION", None));
    let mut time = mention(at(t, "يوم أمس، الاثنين 28حزيران،", "الاثنين 28حزيران"), "TIME", None);
    time.attributes = attrs(&[("date", AttrValue::Date("2021-06-28".into()))]);
    m.insert(6, time);
    // Starts after the clitic ب of "بثمانية": a span inside a word.
    m.insert(7, mention(at(t, "بثمانية صواريخ", "ثمانية صواريخ"), "WEAPON", None));
    m.insert(8, mention(at(t, "الإيرانية المتمركزة في مدينة الميادين.", "مدينة الميادين"), "LOCATION", None));
    m.insert(
        9,
        mention(at(t, "مصدره الميليشيات الإيرانية", "الميليشيات الإيرانية"), "ACTOR", Some("iran-backed-militias")),
    );
    m.insert(10, mention(at(t, "أن التحالف الدولي رد", "التحالف الدولي"), "ACTOR", Some("coalition")));
    m.insert(11, mention(at(t, p4, "طائرات التحالف"), "ACTOR", Some("coalition")));
    m.insert(12, mention(at(t, p4, "مليشيا أبو الفضل العباس"), "ACTOR", Some("abu-fadl-abbas")));
    m.insert(13, mention(at(t, p4, "منطقة المزارع"), "LOCATION", None));
    m.insert(14, mention(at(t, p4, "مدينة الميادين"), "LOCATION", None));
    m.insert(15, mention(at(t, threat, "سرايا أولياء الدم"), "ACTOR", Some("saraya-awliya-al-dam")));
    m.insert(16, mention(at(t, threat, "الطائرات الأميركية"), "ACTOR", Some("us-forces")));
    m.insert(17, mention(at(t, threat, "العراق"), "LOCATION", None));
    m.insert(18, mention(at(t, call, "كتائب حزب الله العراقية"), "ACTOR", Some("kataib-hezbollah")));
    let mut askari =
        mention(at(t, "باسم الكتائب \"أبو علي العسكري\"", "أبو علي العسكري"), "ACTOR", Some("abu-ali-askari"));
    askari.note = "Speaks for Kata'ib Hezbollah".into();
    m.insert(19, askari);
    m.insert(20, mention(at(t, call, "القوات الأميركية"), "ACTOR", Some("us-forces")));
    m.insert(21, mention(at(t, hamidah, "منطقة الحميضة"), "LOCATION", None));
    let mut killed = mention(at(t, hamidah, "5 عناصر"), "CASUALTIES", None);
    killed.attributes = attrs(&[("count", AttrValue::Number(5.0)), ("uncertain", AttrValue::Bool(true))]);
    killed.note = "\"ما لا يقل عن\": at least five".into();
    m.insert(22, killed);
    // Accepted from the tagger's suggestions: remembers where it came from.
    let mut omar = mention(at(t, "في حقل العمر النفطي بريف", "حقل العمر النفطي"), "LOCATION", None);
    omar.provenance = Some(Provenance {
        source: SourceName::parse("camelbert-ner").unwrap(),
        suggestion: SuggestionId(1),
        score: Some(0.97),
        reviewer: Annotator::parse("sample").unwrap(),
        reviewed_at: FIXED_TIME.into(),
    });
    m.insert(23, omar);
    m.insert(24, mention(at(t, p2, "مساء أمس"), "TIME", None));

    let none_hurt = "لم ينتج عنه وقوع أي إصابات في صفوف عناصر التحالف";
    let mut e = BTreeMap::new();
    e.insert(
        1,
        Event {
            uid: None,
            event_type: "ATTACK".into(),
            trigger: at(t, p2, "قصفت"),
            arguments: args(&[
                ("Attacker", 2),
                ("Target", 3),
                ("Location", 4),
                ("Location", 5),
                ("Time", 24),
                ("Instrument", 7),
            ]),
            attributes: attrs(&[
                ("modality", AttrValue::Choice("asserted".into())),
                ("fatalities", AttrValue::Number(0.0)),
                ("date_precision", AttrValue::Choice("day".into())),
                // Issue 19: ACLED's fields, each with the words that justify it.
                ("sub_event_type", AttrValue::Choice("Shelling/artillery/missile attack".into())),
                ("injured", AttrValue::Number(0.0)),
                ("source_scale", AttrValue::Choice("Subnational".into())),
            ]),
            evidence: evidence(&[
                ("sub_event_type", at(t, "بثمانية صواريخ،", "بثمانية صواريخ")),
                ("fatalities", at(t, none_hurt, none_hurt)),
                ("injured", at(t, none_hurt, none_hurt)),
                ("source_scale", at(t, "مصادر خاصة لـ\"وكالة المجس \"", "مصادر خاصة لـ\"وكالة المجس \"")),
            ]),
            note: "Eight rockets; no casualties or damage reported".into(),
            provenance: None,
            curation: None,
        },
    );
    e.insert(
        2,
        Event {
            uid: None,
            event_type: "ATTACK".into(),
            trigger: at(t, p4, "غارات جوية"),
            arguments: args(&[("Attacker", 10), ("Attacker", 11), ("Target", 12), ("Location", 13), ("Location", 14)]),
            attributes: attrs(&[
                ("modality", AttrValue::Choice("asserted".into())),
                ("date_precision", AttrValue::Choice("day".into())),
                ("sub_event_type", AttrValue::Choice("Air/drone strike".into())),
                ("source_scale", AttrValue::Choice("Subnational".into())),
            ]),
            evidence: evidence(&[("sub_event_type", at(t, p4, "غارات جوية مكثفة شنتها طائرات التحالف"))]),
            note: String::new(),
            provenance: None,
            curation: None,
        },
    );
    e.insert(
        3,
        Event {
            evidence: Default::default(),
            uid: None,
            event_type: "THREAT".into(),
            trigger: at(t, threat, "هددت"),
            arguments: args(&[("Threatener", 15), ("Threatened", 16), ("Location", 17)]),
            attributes: attrs(&[("modality", AttrValue::Choice("threatened".into()))]),
            note: String::new(),
            provenance: None,
            curation: None,
        },
    );
    e.insert(
        4,
        Event {
            evidence: Default::default(),
            uid: None,
            event_type: "STATEMENT".into(),
            // The trigger starts after the conjunction و of "ودعت".
            trigger: at(t, call, "دعت"),
            arguments: args(&[("Speaker", 18), ("Addressee", 20)]),
            attributes: attrs(&[("modality", AttrValue::Choice("asserted".into()))]),
            note: String::new(),
            provenance: None,
            curation: None,
        },
    );
    e.insert(
        5,
        Event {
            uid: None,
            event_type: "ATTACK".into(),
            trigger: at(t, hamidah, "استهدفت"),
            arguments: args(&[("Location", 21), ("Casualties", 22)]),
            attributes: attrs(&[
                ("modality", AttrValue::Choice("asserted".into())),
                ("fatalities", AttrValue::Number(5.0)),
                ("fatalities_low", AttrValue::Number(5.0)),
                ("sub_event_type", AttrValue::Choice("Air/drone strike".into())),
                ("source_scale", AttrValue::Choice("Subnational".into())),
            ]),
            evidence: evidence(&[
                ("sub_event_type", at(t, hamidah, "الغارات الأمريكية")),
                ("fatalities", at(t, hamidah, "مقتل ما لا يقل عن 5 عناصر")),
                ("fatalities_low", at(t, hamidah, "مقتل ما لا يقل عن 5 عناصر")),
            ]),
            note: "US strikes near al-Bukamal the night before; attacker left open in the text".into(),
            provenance: None,
            curation: None,
        },
    );
    let mut r = BTreeMap::new();
    r.insert(
        RelationId(1),
        Relation { relation_type: "RESPONSE_TO".into(), from: EventId(2), to: EventId(1), note: String::new() },
    );
    Layer {
        status: DocStatus::InProgress,
        mentions: m.into_iter().map(|(k, v)| (MentionId(k), v)).collect(),
        events: e.into_iter().map(|(k, v)| (EventId(k), v)).collect(),
        relations: r,
        mention_relations: Default::default(),
        reviews: Default::default(),
        rejected: Default::default(),
    }
}

/// The tagger's suggestions, and the coder `sample`'s decisions on two of them (one accepted, one rejected).
fn suggestions(t: &str) -> (SuggestionSet, Vec<(SuggestionId, Decision)>) {
    let entity = |ty: &str| SuggestedLabel::Entity(ty.into());
    let pending = |span: Span, label: SuggestedLabel, score: f64| (Suggestion::new(span, label, Some(score)), None);
    let mut list = vec![
        (
            Suggestion {
                span: at(t, "في حقل العمر النفطي بريف", "حقل العمر النفطي"),
                label: entity("LOCATION"),
                score: Some(0.97),
                roles: Vec::new(),
            },
            Some(Decision {
                status: ReviewStatus::Accepted,
                at: FIXED_TIME.into(),
                created: Some(CreatedAnnotation::Mention(MentionId(23))),
            }),
        ),
        (
            Suggestion {
                span: at(t, "كما طالب العسكري الميليشيات", "العسكري"),
                label: entity("LOCATION"),
                score: Some(0.41),
                roles: Vec::new(),
            },
            Some(Decision { status: ReviewStatus::Rejected, at: FIXED_TIME.into(), created: None }),
        ),
        pending(at(t, "بالقرب من مدينة البوكمال القريبة", "مدينة البوكمال"), entity("LOCATION"), 0.95),
        pending(at(t, "تحت راية الحشد الشعبي", "الحشد الشعبي"), entity("ACTOR"), 0.91),
        pending(at(t, "بادية القورية ومنطقة الشبلي", "بادية القورية"), entity("LOCATION"), 0.88),
        pending(at(t, "بادية القورية ومنطقة الشبلي", "منطقة الشبلي"), entity("LOCATION"), 0.86),
        pending(at(t, "ميليشيات تتبع لحزب الله العراقي", "حزب الله العراقي"), entity("ACTOR"), 0.93),
        pending(
            at(t, "وجاء القصف الأمريكي بحسب وزارة الدفاع الأمريكية،", "وزارة الدفاع الأمريكية"),
            entity("SOURCE"),
            0.89,
        ),
        pending(at(t, "بتوجيه من الرئيس جو بايدن", "جو بايدن"), entity("ACTOR"), 0.99),
        pending(at(t, "في محافظة أربيل عاصمة إقليم كردستان", "أربيل"), entity("LOCATION"), 0.98),
        pending(at(t, "في محافظة أربيل عاصمة إقليم كردستان", "إقليم كردستان"), entity("LOCATION"), 0.72),
        pending(at(t, "ميليشيا فاطميون وزينبيون", "ميليشيا فاطميون"), entity("ACTOR"), 0.84),
        pending(at(t, "ميليشيا فاطميون وزينبيون", "زينبيون"), entity("ACTOR"), 0.66),
        pending(at(t, "وحركة النجباء، التي", "حركة النجباء"), entity("ACTOR"), 0.9),
        pending(at(t, "لنهر الفرات", "نهر الفرات"), entity("LOCATION"), 0.81),
        pending(at(t, "موقع \"أتلاتنيك كونسيل\"", "أتلاتنيك كونسيل"), entity("SOURCE"), 0.58),
        pending(at(t, "نفوذ طهران في", "طهران"), entity("LOCATION"), 0.77),
        pending(at(t, "131 موقعاً ضمن 10 محافظات", "131 موقعاً"), entity("CASUALTIES"), 0.31),
        pending(
            at(t, "لسلسلة ضربات جوية نفذتها مقاتلات حربية أمريكية", "ضربات جوية"),
            SuggestedLabel::Event("ATTACK".into()),
            0.87,
        ),
        pending(at(t, "لسلسلة ضربات جوية نفذتها مقاتلات حربية أمريكية", "مقاتلات حربية أمريكية"), entity("WEAPON"), 0.62),
        pending(at(t, "بعد منتصف ليل الأحد، بالقرب", "ليل الأحد"), entity("TIME"), 0.83),
    ];
    list.sort_by_key(|(s, _)| s.span);
    let numbered: Vec<_> = list.into_iter().enumerate().map(|(i, s)| (SuggestionId(i as u32 + 1), s)).collect();
    let set = SuggestionSet {
        source: SourceInfo {
            model: "CAMeL-Lab/bert-base-arabic-camelbert-msa-ner".into(),
            version: "1.0".into(),
            imported_at: FIXED_TIME.into(),
        },
        suggestions: numbered.iter().map(|(id, (s, _))| (*id, s.clone())).collect(),
    };
    let decisions = numbered.into_iter().filter_map(|(id, (_, d))| Some((id, d?))).collect();
    (set, decisions)
}

// Issue 19: the sample's places, and the place each LOCATION mention is linked to.
const OMAR: &str = "al-omar-oil-field-01a22c4df23b713695cbf28a04e49bcd";
const MAYADIN: &str = "gn-173480";

/// A place a coder added (not in GeoNames), with coordinates and where they come from.
fn coded_place(name: &str, arabic: &str, variants: &[&str], kind: PlaceKind, at: (f64, f64), notes: &str) -> Place {
    let mut p = Place::new(name, kind);
    p.name_ar = arabic.into();
    p.variants = variants.iter().map(|v| (*v).to_owned()).collect();
    p.country = "SYR".into();
    p.admin1 = "Deir ez-Zor".into();
    (p.latitude, p.longitude) = (Some(at.0), Some(at.1));
    p.notes = notes.into();
    p
}

/// The sample's places: those of the gazetteer its mentions name, copied as linking copies them, and those the
/// gazetteer lacks, added with the source of their coordinates in their notes.
fn places() -> Vec<(PlaceId, Place)> {
    let gazetteer = tarmeez::workflow::places::Gazetteer::builtin();
    let mut out: Vec<(PlaceId, Place)> = ["gn-170794", MAYADIN, "gn-99237"]
        .into_iter()
        .map(|id| (PlaceId::from(id), gazetteer.get(&PlaceId::from(id)).expect("in the gazetteer").clone()))
        .collect();
    let site = PlaceKind::Site;
    let area = PlaceKind::Area;
    out.extend([
        (OMAR, coded_place("Al Omar oil field", "حقل العمر النفطي", &["حقل العمر", "Omar oil field"], site, (35.07, 40.53),
            "Approximate (to a few km): about 10 km east of Al Mayadin on the east bank of the Euphrates, as Arabic Wikipedia (حقل العمر النفطي) and The National (22 October 2017) describe it. Also the site of the coalition base the article names (قاعدة التحالف الدولي).")),
        ("al-quriyah-badia-01a22c4df26b776a815ec54dc5ade56f", coded_place("Al Quriyah badia", "بادية القورية", &[], area, (34.97, 40.62),
            "Approximate: the desert east of the town of al-Quriyah, which lies on the east bank of the Euphrates south-east of Al Mayadin (Wikipedia, Al-Quriyah); no published coordinates of the badia itself.")),
        ("al-shibli-01a22c4df29f74afa2c922fc09df8c23", coded_place("Al Shibli", "منطقة الشبلي", &["الشبلي"], area, (34.98, 40.65),
            "Approximate: placed beside the Quriyah badia, where the article puts it; no published coordinates found.")),
        ("al-mazare-area-01a22c4df2cf7362852aa543d127787c", coded_place("Al Mazare' area", "منطقة المزارع", &[], area, (35.03, 40.47),
            "Approximate: the farmland on the edge of Al Mayadin (the article: منطقة المزارع ومحيط مدينة الميادين); placed from Al Mayadin's GeoNames coordinates (35.01982, 40.45154).")),
        ("al-humaydah-01a22c4df3037743904674754905d126", coded_place("Al Humaydah", "منطقة الحميضة", &["الحميضة", "Al Hamidiyah"], area, (34.47, 40.95),
            "Approximate: near Albu Kamal, as the article says (منطقة الحميضة قرب البوكمال); placed from Albu Kamal's GeoNames coordinates (34.45226, 40.91854); no published coordinates found.")),
    ].map(|(id, p)| (PlaceId::from(id), p)));
    out
}

/// The place each LOCATION mention of the sample coder's layer is linked to.
const LINKS: [(u32, &str); 9] = [
    (3, OMAR),
    (4, OMAR),
    (5, "gn-170794"),
    (8, MAYADIN),
    (13, "al-mazare-area-01a22c4df2cf7362852aa543d127787c"),
    (14, MAYADIN),
    (17, "gn-99237"),
    (21, "al-humaydah-01a22c4df3037743904674754905d126"),
    (23, OMAR),
];

/// Builds the sample project into `dir` through the store's public API.
fn build_sample(dir: &Path) {
    let sample = Annotator::parse("sample").unwrap();
    let mut project = Project::create(dir, "al-Omar oil field (sample)", default_conflict_schema(), sample).unwrap();
    project.config_mut().description =
        "Sample project: one article on the shelling of the coalition base at the al-Omar oil field (Deir ez-Zor, June 2021), coded by the annotator `sample`, with pending suggestions from a named-entity tagger.".into();
    *project.actors_mut() = actors();
    // Issue 18: the example ML backend (`cargo run --example ml_backend`) as a source to ask.
    let example = SourceConfig {
        server: Some(ModelServer::new(ServerKind::LsBackend, "http://localhost:9090")),
        ..SourceConfig::default()
    };
    project.config_mut().sources.insert(SourceName::parse("example-backend").unwrap(), example);
    let text = article_text();
    let meta = DocumentMeta {
        title: text.lines().next().unwrap().to_owned(),
        source: "Seed corpus, al-omar-oilfield-2021-06-29.ar.txt".into(),
        date: "2021-06-29".into(),
        imported_at: FIXED_TIME.into(),
        ..DocumentMeta::default()
    };
    let id = project.add_document(DOC, text.clone(), meta).unwrap();
    *project.layer_mut(&id).unwrap() = layer(&text);
    // Keep the accepted suggestion's id in step with the mention's provenance.
    let (set, decisions) = suggestions(&text);
    let camel = SourceName::parse("camelbert-ner").unwrap();
    let omar = decisions.iter().find(|(_, d)| d.status == ReviewStatus::Accepted).map(|(id, _)| *id).unwrap();
    let layer = project.layer_mut(&id).unwrap();
    layer.mentions.get_mut(&MentionId(23)).unwrap().provenance.as_mut().unwrap().suggestion = omar;
    for (sid, decision) in decisions {
        layer.put_decision(&camel, sid, Some(decision));
    }
    project.set_suggestions(&id, camel, set).unwrap();
    for (place_id, place) in places() {
        project.apply_edit(ProjectEdit::PutPlace(place_id, Some(place))).unwrap();
    }
    let layer = project.layer_mut(&id).unwrap();
    for (mention, place) in LINKS {
        layer.mentions.get_mut(&MentionId(mention)).unwrap().place = Some(PlaceId::from(place));
    }
    project.save_all().unwrap();
}

#[test]
fn the_committed_sample_project_is_what_its_definition_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let built = tmp.path().join("sample");
    build_sample(&built);
    if std::env::var_os("TARMEEZ_WRITE_SAMPLE").is_some() {
        let _ = std::fs::remove_dir_all(sample_dir());
        for (rel, bytes) in files(&built) {
            tarmeez::store::atomic::write_atomic(&sample_dir().join(rel), &bytes).unwrap();
        }
    }
    let expected = files(&built);
    let mut committed = files(&sample_dir());
    committed.retain(|rel, _| !is_local_work(rel));
    assert_eq!(committed.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    for (rel, bytes) in &expected {
        assert!(
            committed[rel] == *bytes,
            "{} differs from its definition; rebuild with TARMEEZ_WRITE_SAMPLE=1",
            rel.display()
        );
    }
}

#[test]
fn the_sample_project_is_valid_and_holds_every_kind_of_object() {
    let (_tmp, dir) = sample_copy();
    let project =
        Project::open(dir, OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true }).unwrap();
    let stats = Stats::of(&project);
    assert_eq!(project.problems().count(), 0, "{:?}", project.problems().collect::<Vec<_>>());
    assert_eq!(stats.documents, 1);
    assert!(stats.mentions_by_type.len() >= 6, "every entity type is used: {stats:?}");
    assert!(stats.events_by_type.len() >= 3);
    assert_eq!(stats.relations, 1);
    assert!(stats.suggestions_by_status.len() >= 3, "pending, accepted and rejected");
    let doc = &project.documents()[0];
    let loaded = doc.loaded().unwrap();
    let layer = &loaded.layers[&Annotator::parse("sample").unwrap()];
    let text = &loaded.text;
    let attack = &layer.events[&EventId(1)];
    let filler = |role: &str| {
        let arg = attack.arguments.iter().find(|a| a.role.as_str() == role).unwrap();
        text.slice(layer.mentions[&arg.mention].span).unwrap()
    };
    assert_eq!(text.slice(attack.trigger), Some("قصفت"));
    assert_eq!(filler("Attacker"), "مليشيا أبو الفضل العباس");
    assert_eq!(filler("Target"), "قاعدة التحالف الدولي");
    assert_eq!(filler("Instrument"), "ثمانية صواريخ");
    let rel = &layer.relations[&RelationId(1)];
    assert_eq!(layer.events[&rel.from].event_type.as_str(), "ATTACK");
    assert_eq!(text.slice(layer.events[&rel.from].trigger), Some("غارات جوية"));
}
