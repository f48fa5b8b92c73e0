//! A generated corpus of coded Arabic conflict news for the learner's experiment (tests/learner.rs) and its
//! benchmark (benches/learner.rs): sentences from templates whose slots take armed groups, places and weapons,
//! with the clitics news attaches to them (`بصواريخ`, `وقوات`, `بالميادين`), and every filled slot a mention.
//! Deterministic: a seed gives the same documents on every machine.
//!
//! `stories` reads like a news feed: documents come in stories of a few articles about the same groups and
//! places (a story's cast), with now and then another name; `scattered` draws every slot from the whole
//! pool, so documents held out from training hold combinations, and often names, never seen together.
#![allow(dead_code)]

/// Armed groups and forces (ACTOR).
pub const ACTORS: [&str; 24] = [
    "كتائب حزب الله",
    "سرايا أولياء الدم",
    "قوات سوريا الديمقراطية",
    "الحرس الثوري",
    "جيش المهدي",
    "عصائب أهل الحق",
    "حركة النجباء",
    "لواء فاطميون",
    "لواء زينبيون",
    "تنظيم داعش",
    "هيئة تحرير الشام",
    "الجيش السوري",
    "قوات التحالف",
    "القوات الأمريكية",
    "الجيش التركي",
    "جبهة النصرة",
    "حركة أحرار الشام",
    "فيلق الشام",
    "جيش الإسلام",
    "قوات الدفاع الوطني",
    "الفرقة الرابعة",
    "لواء القدس",
    "كتائب سيد الشهداء",
    "سرايا الخراساني",
];

/// Places (LOCATION).
pub const PLACES: [&str; 24] = [
    "الميادين",
    "دير الزور",
    "البوكمال",
    "حقل العمر",
    "الرقة",
    "تدمر",
    "حلب",
    "إدلب",
    "منبج",
    "الحسكة",
    "القامشلي",
    "درعا",
    "حمص",
    "السخنة",
    "العشارة",
    "هجين",
    "الشحيل",
    "الطبقة",
    "عين العرب",
    "سراقب",
    "معرة النعمان",
    "جسر الشغور",
    "الباب",
    "عفرين",
];

/// Weapons (WEAPON).
pub const WEAPONS: [&str; 10] = [
    "صواريخ غراد",
    "طائرة مسيرة",
    "قذائف الهاون",
    "صاروخ كاتيوشا",
    "مدفعية ثقيلة",
    "عبوة ناسفة",
    "رشاشات ثقيلة",
    "قذائف صاروخية",
    "صواريخ موجهة",
    "طائرات حربية",
];

/// Sentences: `{A}` and `{B}` two groups, `{L}` and `{M}` two places, `{W}` a weapon.
const TEMPLATES: [&str; 12] = [
    "قصفت {A} ب{W} مواقع {B} في {L}.",
    "أعلنت {A} مسؤوليتها عن الهجوم على {L}.",
    "اندلعت اشتباكات عنيفة بين {A} و{B} في ريف {L}.",
    "قالت مصادر محلية إن {A} انسحبت من {L} باتجاه {M}.",
    "شنت {A} هجوما ب{W} على مواقع {B} شرق {L}.",
    "قتل ثلاثة عناصر من {B} في قصف نفذته {A} على {L}.",
    "دفعت {A} بتعزيزات عسكرية إلى {L}.",
    "وأكد مصدر في {A} أن {W} استخدمت في الهجوم على {M}.",
    "وتعرضت {L} لقصف ب{W} مصدره مناطق سيطرة {A}.",
    "هددت {A} باستهداف {B} في {L} و{M}.",
    "وسيطرت {B} على قرى قرب {L} بعد معارك مع {A}.",
    "ونفت {A} أي علاقة لها بالهجوم الذي استهدف {L}.",
];

/// Sentences with no mention.
const FILLERS: [&str; 5] = [
    "وأضافت المصادر أن الوضع لا يزال متوترا.",
    "ولم ترد أنباء عن وقوع إصابات.",
    "وتشهد المنطقة توترا أمنيا منذ أسابيع.",
    "ويأتي ذلك بعد يومين من هجوم مماثل.",
    "وتبادل الطرفان الاتهامات بخرق الهدنة.",
];

/// A coded document: its text and its mentions (code points, type).
#[derive(Clone, Debug)]
pub struct Doc {
    /// The article.
    pub text: String,
    /// Start, end (code points) and entity type of each mention.
    pub mentions: Vec<(usize, usize, &'static str)>,
}

/// A small deterministic generator (xorshift).
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    /// Whether a draw falls under `p` percent.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// What a document's slots are filled from: the names a story is about, and how often another name comes in.
struct Cast {
    actors: Vec<&'static str>,
    places: Vec<&'static str>,
    weapons: Vec<&'static str>,
    /// Percent of slots filled from the whole pool instead.
    stray: usize,
}

fn pick(rng: &mut Rng, cast: &[&'static str], pool: &[&'static str], stray: usize, not: Option<&str>) -> &'static str {
    loop {
        let from = if rng.percent(stray) || cast.is_empty() { pool } else { cast };
        let name = from[rng.below(from.len())];
        if Some(name) != not {
            return name;
        }
    }
}

/// One document of 3 to 5 sentences and a filler.
fn document(rng: &mut Rng, cast: &Cast) -> Doc {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let sentences = 3 + rng.below(3);
    let filler_at = rng.below(sentences + 1);
    for k in 0..=sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        if k == filler_at {
            text.push_str(FILLERS[rng.below(FILLERS.len())]);
            continue;
        }
        let a = pick(rng, &cast.actors, &ACTORS, cast.stray, None);
        let b = pick(rng, &cast.actors, &ACTORS, cast.stray, Some(a));
        let l = pick(rng, &cast.places, &PLACES, cast.stray, None);
        let m = pick(rng, &cast.places, &PLACES, cast.stray, Some(l));
        let w = pick(rng, &cast.weapons, &WEAPONS, cast.stray, None);
        let template = TEMPLATES[rng.below(TEMPLATES.len())];
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let slot = &rest[open + 1..open + 2];
            let (name, ty) = match slot {
                "A" => (a, "ACTOR"),
                "B" => (b, "ACTOR"),
                "L" => (l, "LOCATION"),
                "M" => (m, "LOCATION"),
                _ => (w, "WEAPON"),
            };
            let start = text.chars().count();
            text.push_str(name);
            mentions.push((start, start + name.chars().count(), ty));
            rest = &rest[open + 3..];
        }
        text.push_str(rest);
    }
    Doc { text, mentions }
}

/// `stories` stories of `per_story` documents each, in feed order.
pub fn stories(seed: u64, stories: usize, per_story: usize) -> Vec<Doc> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for _ in 0..stories {
        let mut draw = |pool: &[&'static str], n: usize| {
            let mut v: Vec<&'static str> = Vec::new();
            while v.len() < n {
                let x = pool[rng.below(pool.len())];
                if !v.contains(&x) {
                    v.push(x);
                }
            }
            v
        };
        let cast = Cast { actors: draw(&ACTORS, 2), places: draw(&PLACES, 2), weapons: draw(&WEAPONS, 1), stray: 10 };
        for _ in 0..per_story {
            out.push(document(&mut rng, &cast));
        }
    }
    out
}

/// `n` documents whose every slot is drawn from the whole pool.
pub fn scattered(seed: u64, n: usize) -> Vec<Doc> {
    let mut rng = Rng::new(seed);
    let cast = Cast { actors: Vec::new(), places: Vec::new(), weapons: Vec::new(), stray: 100 };
    (0..n).map(|_| document(&mut rng, &cast)).collect()
}
