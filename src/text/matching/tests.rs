//! Tests of the name and phrase searches, mostly on the seed article: they go through words, stems and
//! scores together.

use super::*;
use crate::model::{Actor, ActorKind, Span};

/// The seed article, as the sample project holds it.
fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt"
    ))
    .unwrap()
}

/// The text of each match.
fn found(text: &str, query: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    find_in_text(text, query).iter().map(|m| chars[m.span.start..m.span.end].iter().collect()).collect()
}

fn kinds(text: &str, query: &str) -> Vec<MatchKind> {
    find_in_text(text, query).iter().map(|m| m.score.kind).collect()
}

fn kind(query: &str, name: &str) -> Option<MatchKind> {
    match_name(query, name).map(|s| s.kind)
}

#[test]
fn a_typo_in_a_name_is_tolerated() {
    // The article itself writes "حقل العمل" once for "حقل العمر".
    assert_eq!(kind("حقل العمل", "حقل العمر"), Some(MatchKind::Typo));
    assert_eq!(kind("حقل العمر", "حقل العمل"), Some(MatchKind::Typo));
    assert!(article().contains("حقل العمل"));
    let hits = rank("حقل العمل", [("omar", "حقل العمر"), ("shibli", "منطقة الشبلي"), ("fields", "حقول النفط")]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, "omar");
    // Negative: short words get no typos, alone or as a whole query.
    assert_eq!(kind("حقل", "حقن"), None);
    assert_eq!(kind("حزب", "حرب"), None);
    assert_eq!(kind("العمل", "العمر"), None, "عمل and عمر are three letters: too short for a typo");
    assert_eq!(kind("حقل العمر", "حقل العراق"), None);
    // Nor does a typo on the first letter count: the article's "نيران" (fire) is not "إيران".
    assert_eq!(kind("إيران", "نيران"), None);
    assert!(article().contains("نيران"));
    assert!(!found(&article(), "إيران").iter().any(|h| h == "نيران"));
}

#[test]
fn spelling_variants_of_militias_match_both_ways() {
    // The article writes both "الميليشيات" (9 times) and "المليشيات" (3 times).
    let text = article();
    assert!(text.contains("الميليشيات") && text.contains("المليشيات"));
    assert_eq!(kind("الميليشيات", "المليشيات"), Some(MatchKind::Typo));
    assert_eq!(kind("المليشيات", "الميليشيات"), Some(MatchKind::Typo));
    let hits = found(&text, "الميليشيات");
    assert!(hits.iter().filter(|h| *h == "المليشيات").count() >= 3, "{hits:?}");
    let hits = found(&text, "المليشيات");
    assert!(hits.iter().filter(|h| *h == "الميليشيات").count() >= 9, "{hits:?}");
    // Negative: a different word of similar length is not a variant.
    assert_eq!(kind("الميليشيات", "الاستراتيجية"), None);
    assert!(!found(&text, "الميليشيات").iter().any(|h| h.contains("المحاولات")));
}

#[test]
fn clitics_match_both_ways() {
    assert_eq!(kind("الميادين", "بالميادين"), Some(MatchKind::Clitic));
    assert_eq!(kind("بالميادين", "الميادين"), Some(MatchKind::Clitic));
    assert_eq!(kind("بالميادين", "والميادين"), Some(MatchKind::Clitic));
    assert_eq!(kind("الميادين", "الميادين"), Some(MatchKind::Exact));
    // In text: the article has "الميادين" 7 times and "والميادين" once.
    let text = article();
    let hits = found(&text, "الميادين");
    assert_eq!(hits.len(), 8, "{hits:?}");
    assert!(hits.iter().all(|h| h == "الميادين"), "the conjunction و stays out of the span: {hits:?}");
    assert_eq!(found(&text, "بالميادين").len(), 8);
    // Negative: a word that only shares letters is not a clitic form.
    assert_eq!(kind("الميادين", "الميدان"), None);
    assert_eq!(kind("بلد", "لد"), None);
}

#[test]
fn text_spans_leave_the_clitic_out() {
    let text = "انتشار واسع بالميادين، ومواقع للمليشيات";
    let hits = find_in_text(text, "الميادين");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].span, Span::new(13, 21));
    assert_eq!(hits[0].score.kind, MatchKind::Clitic);
    // For لل the span starts at the article's lam.
    assert_eq!(found(text, "المليشيات"), ["لمليشيات"]);
    assert_eq!(found(text, "مواقع"), ["مواقع"]);
}

#[test]
fn alef_forms_match_in_text() {
    let text = article();
    // The article writes "الاثنين" twice, without hamza.
    for q in ["الإثنين", "الاثنين", "الأثنين"] {
        assert_eq!(found(&text, q), ["الاثنين", "الاثنين"], "{q}");
        assert!(kinds(&text, q).iter().all(|k| *k == MatchKind::Exact));
    }
    assert!(found(&text, "امريكية").len() >= 5);
    // Negative: another day is another word.
    assert!(found(&text, "الاحد").iter().all(|h| h == "الأحد"));
    assert!(found(&text, "الخميس").is_empty());
}

#[test]
fn alef_maqsura_matches_in_text() {
    let text = article();
    // "إلى" is written with alef maqsura; typed with ya it still matches.
    let hits = found(&text, "الي");
    assert!(hits.len() >= 5 && hits.iter().all(|h| h == "إلى"), "{hits:?}");
    // Negative: على is not إلى (short words get no typos). The cost of the fold: على and the name علي
    // ("أبو علي العسكري") become the same key.
    let hits = found(&text, "على");
    assert!(!hits.contains(&"إلى".to_owned()));
    assert!(hits.contains(&"على".to_owned()) && hits.contains(&"علي".to_owned()));
}

#[test]
fn ta_marbuta_matches_in_text() {
    let text = article();
    // The article writes "قاعدة" four times and "القاعدة" once; typed with ه they are all found, the
    // last one without its article.
    let good: Vec<String> = find_in_text(&text, "قاعده")
        .into_iter()
        .filter(|m| m.score.kind >= MatchKind::Clitic)
        .map(|m| text.chars().skip(m.span.start).take(m.span.len()).collect())
        .collect();
    assert_eq!(good, ["قاعدة"; 5]);
    assert!(text.contains("القاعدة"));
    // Negative: "عاصم" (a name) does not find "عاصمة" (capital) through clitics, since its ة is no
    // pronoun ه; it is one letter away, so it is found as a typo, ranked last.
    assert!(text.contains("عاصمة"));
    assert!(kinds(&text, "عاصم").iter().all(|k| *k == MatchKind::Typo));
    // And the plural is not a typo of the singular.
    assert!(!found(&text, "قاعدة").iter().any(|h| h.contains("قواعد")));
}

#[test]
fn hamza_and_tashkeel_match_in_text() {
    let text = article();
    // The article writes "مؤكدةً" with tanween; a query without it, with a decomposed hamza, finds it.
    assert_eq!(found(&text, "مو\u{0654}كدة"), ["مؤكدةً"]);
    assert_eq!(found(&text, "كتائب"), found(&text, "كتاي\u{0654}ب"));
    assert_eq!(found(&text, "كتائب").len(), 5);
    assert_eq!(found(&text, "الاِثْنَيْن").len(), 2);
    let hits = find_in_text(&text, "تعرف");
    let exact: Vec<_> = hits.iter().filter(|h| h.score.kind == MatchKind::Exact).collect();
    assert_eq!(exact.len(), 1);
    assert_eq!(text.chars().skip(exact[0].span.start).take(exact[0].span.len()).collect::<String>(), "تُعرف");
    // Negative: a mark does not make a different word match.
    assert!(found(&text, "عَرَف").is_empty());
}

#[test]
fn digits_fold_and_only_match_exactly() {
    let text = article();
    assert_eq!(found(&text, "٢٨حزيران"), ["28حزيران"]);
    assert_eq!(found(&text, "۲۸ حزيران"), ["28حزيران"]);
    assert_eq!(found(&text, "حزيران"), ["حزيران"]);
    assert_eq!(found(&text, "١٣١ موقعاً"), ["131 موقعاً"]);
    // Negative: numbers never match with typos.
    assert!(found(&text, "٢٩حزيران").is_empty());
    assert!(found(&text, "132").is_empty());
}

#[test]
fn autocomplete_ranks_exact_then_prefix_then_inside_then_clitic_then_typo() {
    let names = [
        ("typo", "كتايب حزب الله"),
        ("clitic", "وكتائب حزب الله"),
        ("inside", "مليشيا كتائب حزب الله"),
        ("prefix", "كتائب حزب الله العراقية"),
        ("exact", "كتائب حزب الله"),
        ("other", "حزب الله العراقي"),
    ];
    let order: Vec<&str> = rank("كتائب حزب الله", names).into_iter().map(|(k, _)| k).collect();
    assert_eq!(order, ["exact", "prefix", "inside", "clitic", "typo"]);
    let scores: Vec<f32> = rank("كتائب حزب الله", names).into_iter().map(|(_, s)| s.value).collect();
    assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
    // Typing: a partial last word is a prefix, the full phrase ranks the shorter name first.
    let order: Vec<&str> = rank("كتائب حز", names).into_iter().map(|(k, _)| k).collect();
    assert_eq!(order[..2], ["exact", "prefix"]);
    // Typed without the article, a name is still found, through its stem.
    assert_eq!(kind("ميليش", "الميليشيات الإيرانية"), Some(MatchKind::Clitic));
    // A trailing space means the word is finished.
    assert_eq!(kind("كتائب حز ", "كتائب حزب الله"), None);
    // Negative: one typed letter matches only words starting with it, and never with a typo.
    assert!(rank("ز", names).is_empty());
    assert_eq!(kind("حكم", "حزب الله"), None);
}

#[test]
fn find_actors_uses_every_alias_and_the_best_score() {
    let mut registry = ActorRegistry::default();
    let actor = |name: &str, aliases: &[&str]| Actor {
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        kind: ActorKind::Militia,
        affiliation: None,
        notes: String::new(),
    };
    registry.actors.insert(
        ActorId::new("kataib-hezbollah"),
        actor("Kata'ib Hezbollah", &["كتائب حزب الله العراقية", "كتائب حزب الله", "حزب الله العراقي"]),
    );
    registry.actors.insert(
        ActorId::new("iran-backed-militias"),
        actor("Iran-backed militias", &["الميليشيات الإيرانية", "المليشيات الإيرانية"]),
    );
    registry.actors.insert(ActorId::new("nujaba"), actor("Harakat al-Nujaba", &["حركة النجباء", "النجباء"]));
    let found = find_actors(&registry, "حزب الله");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0.as_str(), "kataib-hezbollah");
    assert_eq!(found[0].1.kind, MatchKind::Prefix, "from the alias that starts with it");
    assert_eq!(find_actors(&registry, "kataib")[0].0.as_str(), "kataib-hezbollah");
    assert_eq!(find_actors(&registry, "للميليشيات الإيرانية")[0].1.kind, MatchKind::Clitic);
    assert_eq!(find_actors(&registry, "النجباء")[0].1.kind, MatchKind::Exact);
    assert!(find_actors(&registry, "الحرس الثوري").is_empty());
}

#[test]
fn phrases_do_not_cross_paragraphs_and_empty_queries_match_nothing() {
    assert_eq!(find_in_text("حقل العمر", "حقل العمر").len(), 1);
    assert!(find_in_text("حقل\nالعمر", "حقل العمر").is_empty());
    assert!(find_in_text("حقل العمر", " ، ").is_empty());
    assert!(rank::<u8>("", [(1, "حقل العمر")]).is_empty());
}

#[test]
fn a_whole_name_match_needs_every_word_of_the_name() {
    use super::{NameQuery, PreparedName};
    let name = PreparedName::new("دير الزور");
    assert_eq!(NameQuery::new("دير الزور").score_whole(&name).unwrap().kind, MatchKind::Exact);
    assert_eq!(NameQuery::new("بدير الزور").score_whole(&name).unwrap().kind, MatchKind::Clitic);
    assert!(NameQuery::new("دير").score_whole(&name).is_none());
    assert!(NameQuery::new("دير الزور الشرقي").score_whole(&name).is_none());
    // A prefix search finds the name from its first word; the whole-name match does not.
    assert_eq!(NameQuery::new("دير").score_prepared(&name).unwrap().kind, MatchKind::Prefix);
    assert_eq!(name.word_count(), 2);
}
