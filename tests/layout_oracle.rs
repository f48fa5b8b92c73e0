//! Layout geometry checked against independent oracles (DESIGN.md section 9):
//! - on every line, the visual order of the characters equals the `unicode-bidi` crate's reordering of
//!   that line (UAX #9, rules L1-L2);
//! - each highlight's rectangles cover exactly the boxes of its characters and no others, the boxes coming
//!   from the layout's cluster advances rather than from the selection geometry under test;
//! - hit-testing the centre of every grapheme returns that grapheme.

mod common;
use std::sync::Arc;
use tarmeez::model::{Direction, DocText, Span};
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams, Rect};
use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;

/// Mixed texts of the kinds coders meet, one paragraph each.
const MIXED: &[&str] = &[
    "تعرضت القواعد العسكرية يوم أمس، الاثنين 28حزيران، لقصف صاروخي مصدره الميليشيات الإيرانية.",
    "ارتفعت نسبة النازحين إلى 45.5% في عام 2021، أي نحو 1,250,000 شخص.",
    "وفي تقرير صادر عن موقع Atlantic Council قال إن إيران تمكنت من بناء إمبراطورية عسكرية.",
    "قال المتحدث (أبو علي العسكري) في بيان إن \"الإجرام والطغيان\" لا يمكن رده [بالاستنكار].",
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، وَقَالَتْ مَصَادِرُ خَاصَّةٌ",
    "لا إله إلا الله، يوم الاثنين، السلام عليكم والتي قالت",
    "می‌خواهم به خانه‌ها بروم و کتاب‌ها را بخوانم.",
    "שלום עולם, בשנת 2024 בירושלים (עיר הבירה).",
    "The militia Liwa Abu al-Fadl al-Abbas (لواء أبو الفضل العباس) shelled the coalition base at al-Omar (حقل العمر النفطي) on 28 June 2021.",
    "بتاريخ 2021/06/28 الساعة 10:30 مساءً، وفي 3-4 تموز.",
    "وفق تقارير إعلامية تتواجد المليشيات الإيرانية في 131 موقعاً ضمن 10 محافظات سورية، ويتجاوز عدد مسلحيها 100 ألف.",
    "2021 هو العام",
];

fn seed_text() -> String {
    std::fs::read_to_string(common::sample_dir().join(format!("documents/{}.txt", common::SAMPLE_DOC))).unwrap()
}

fn layout(text: &str, width: f32, direction: Direction) -> DocumentLayout {
    let params = LayoutParams { width, direction, ..LayoutParams::default() };
    LayoutEngine::new().layout(Arc::new(DocText::new(text.to_owned())), params)
}

/// Texts and widths every oracle runs over: the seed article, and the mixed texts together, at three widths.
fn cases() -> Vec<(String, DocumentLayout)> {
    let mixed = MIXED.join("\n");
    let mut out = Vec::new();
    for width in [260.0, 520.0, 900.0] {
        out.push((format!("seed@{width}"), layout(&seed_text(), width, Direction::Auto)));
        out.push((format!("mixed@{width}"), layout(&mixed, width, Direction::Auto)));
    }
    out.push(("mixed forced rtl".into(), layout(&mixed, 520.0, Direction::Rtl)));
    out.push(("mixed forced ltr".into(), layout(&mixed, 520.0, Direction::Ltr)));
    out
}

/// The grapheme (document code point where it starts) holding each code point of `text`.
fn grapheme_starts(text: &DocText) -> Vec<usize> {
    let mut owner = vec![0; text.len_chars() + 1];
    let mut cp = 0;
    for g in text.as_str().graphemes(true) {
        for i in 0..g.chars().count() {
            owner[cp + i] = cp;
        }
        cp += g.chars().count();
    }
    owner[cp] = cp;
    owner
}

fn dedup(v: Vec<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(v.len());
    for x in v {
        if out.last() != Some(&x) {
            out.push(x);
        }
    }
    out
}

#[test]
fn visual_order_of_every_line_equals_unicode_bidi_reordering() {
    for (name, doc) in cases() {
        let text = doc.text().clone();
        let owner = grapheme_starts(&text);
        let mut lines_checked = 0;
        for p in doc.paragraphs() {
            let Some(layout) = p.layout() else { continue };
            let para = &text.as_str()[p.bytes.clone()];
            let level = match doc.params().direction {
                Direction::Auto => None,
                Direction::Rtl => Some(Level::rtl()),
                Direction::Ltr => Some(Level::ltr()),
            };
            let bidi = BidiInfo::new(para, level);
            assert_eq!(bidi.paragraphs.len(), 1, "{name}: one bidi paragraph per layout paragraph");
            let cp_of = |local: usize| text.char_of_byte(p.bytes.start + local).unwrap();
            for line in layout.lines() {
                let range = line.text_range();
                // Whitespace at the end of a wrapped line has no ink; UAX #9 (L1) and parley both put it
                // out of the way (parley hangs it past the line edge), so it is left out of the comparison.
                let ink_end = range.start + para[range.clone()].trim_end().len();
                let ink_end_cp = cp_of(ink_end);
                // The layout's order: clusters of each run, runs in the order the line places them.
                let mut shown = Vec::new();
                for item in line.items() {
                    let parley::PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    for cluster in run.run().visual_clusters() {
                        let r = cluster.text_range();
                        for (i, _) in para[r.clone()].char_indices() {
                            shown.push(owner[cp_of(r.start + i)]);
                        }
                    }
                }
                // unicode-bidi's order for the same line.
                let (levels, runs) = bidi.visual_runs(&bidi.paragraphs[0], range.clone());
                let mut expected = Vec::new();
                for run in runs {
                    let mut chars: Vec<usize> =
                        para[run.clone()].char_indices().map(|(i, _)| owner[cp_of(run.start + i)]).collect();
                    if levels[run.start].is_rtl() {
                        chars.reverse();
                    }
                    expected.extend(chars);
                }
                shown.retain(|&g| g < ink_end_cp);
                expected.retain(|&g| g < ink_end_cp);
                let (shown, expected) = (dedup(shown), dedup(expected));
                assert_eq!(
                    shown,
                    expected,
                    "{name}: visual order differs on line {:?}: {:?}",
                    range,
                    &para[range.clone()]
                );
                lines_checked += 1;
            }
        }
        assert!(lines_checked > 0, "{name}");
    }
}

/// Every span the checks below use: the sample's mentions, hand-picked hard cases, and a sweep of
/// spans starting at every 7th grapheme with lengths 1 to 40.
fn spans_for(doc: &DocumentLayout) -> Vec<Span> {
    let text = doc.text();
    let s = text.as_str();
    let mut spans = Vec::new();
    let find = |needle: &str, skip_chars: usize, trim_end: usize| {
        s.find(needle).map(|b| {
            let start = text.char_of_byte(b).unwrap() + skip_chars;
            Span::new(start, start + needle.chars().count() - skip_chars - trim_end)
        })
    };
    spans.extend(find("والتي", 1, 0)); // inside a word, after the conjunction
    spans.extend(find("الاثنين", 2, 0)); // starts inside the lam-alef ligature
    spans.extend(find("الاثنين", 0, 5)); // ends inside it
    spans.extend(find("موقع Atlantic Council قال", 0, 0)); // crosses two direction changes
    spans.extend(find("Atlantic Council", 3, 3));
    spans.extend(find("28حزيران", 0, 0));
    spans.extend(find("131 موقعاً ضمن 10 محافظات", 0, 0));
    spans.extend(find("45.5%", 0, 0));
    spans.extend(find("(لواء أبو الفضل العباس)", 1, 1));
    spans.extend(find("خانه‌ها", 0, 0));
    let bounds: Vec<usize> = (0..=text.len_chars()).filter(|&i| text.is_grapheme_boundary(i)).collect();
    for (i, &start) in bounds.iter().enumerate().step_by(7) {
        for len in [1, 2, 5, 13, 40] {
            if let Some(&end) = bounds.get(i + len) {
                spans.push(Span::new(start, end));
            }
        }
    }
    spans
}

fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

#[test]
fn highlight_rectangles_cover_exactly_their_characters() {
    const EPS: f32 = 0.5;
    for (name, doc) in cases() {
        let lines = doc.grapheme_boxes(f32::MIN, f32::MAX);
        let text = doc.text().clone();
        for span in spans_for(&doc) {
            let rects = doc.span_rects(span);
            let label = format!("{name}: span {span} {:?}", text.slice(span).unwrap());
            for b in lines.iter().flatten() {
                if b.rect.width() <= 2.0 * EPS {
                    continue; // zero-width marks have no box of their own to cover
                }
                let same_line: Vec<&Rect> = rects
                    .iter()
                    .filter(|r| overlap(r.y0, r.y1, b.rect.y0, b.rect.y1) > b.rect.height() / 2.0)
                    .collect();
                let inner = (b.rect.x0 + EPS, b.rect.x1 - EPS);
                let covered: f32 = same_line.iter().map(|r| overlap(r.x0, r.x1, inner.0, inner.1)).sum();
                let inside = b.span.start >= span.start && b.span.end <= span.end;
                let outside = b.span.end <= span.start || b.span.start >= span.end;
                assert!(inside || outside, "{label}: box {:?} straddles the span", b.span);
                if inside {
                    assert!(
                        covered >= inner.1 - inner.0 - 0.01,
                        "{label}: grapheme {:?} {:?} not covered",
                        b.span,
                        text.slice(b.span)
                    );
                } else {
                    assert!(covered <= 0.01, "{label}: grapheme {:?} {:?} wrongly covered", b.span, text.slice(b.span));
                }
            }
        }
    }
}

#[test]
fn hit_testing_the_centre_of_every_grapheme_returns_it() {
    for (name, doc) in cases() {
        let text = doc.text().clone();
        let mut checked = 0;
        for b in doc.grapheme_boxes(f32::MIN, f32::MAX).iter().flatten() {
            if b.rect.width() < 1.0 {
                continue;
            }
            let (x, y) = b.rect.center();
            let hit = doc.grapheme_at(x, y).unwrap_or_else(|| panic!("{name}: nothing at the centre of {:?}", b.span));
            assert!(
                hit.start <= b.span.start && hit.end >= b.span.end,
                "{name}: centre of {:?} {:?} hit {:?} {:?}",
                b.span,
                text.slice(b.span),
                hit,
                text.slice(hit)
            );
            checked += 1;
        }
        assert!(checked > 50, "{name}");
    }
}

#[test]
fn first_line_of_an_arabic_paragraph_starts_at_the_top_right() {
    let doc = layout(&seed_text(), 520.0, Direction::Auto);
    let p = &doc.paragraphs()[2];
    assert!(p.is_rtl());
    let lines = doc.grapheme_boxes(p.top, p.top + 1.0);
    let first_line = &lines[0];
    let rightmost = first_line.iter().max_by(|a, b| a.rect.x1.total_cmp(&b.rect.x1)).unwrap();
    assert_eq!(rightmost.span.start, p.chars.start, "the paragraph's first letter is at the right end of its top line");
    assert!(rightmost.rect.x1 > 500.0);
}

#[test]
fn an_english_paragraph_runs_left_to_right_with_arabic_names_inside() {
    let doc = layout(MIXED[8], 900.0, Direction::Auto);
    assert!(!doc.paragraphs()[0].is_rtl());
    let first = &doc.grapheme_boxes(f32::MIN, f32::MAX)[0];
    let leftmost = first.iter().min_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0)).unwrap();
    assert_eq!(leftmost.span.start, 0, "'T' of 'The' is at the left edge");
}

#[test]
fn digits_keep_their_order_inside_arabic() {
    let doc = layout("الاثنين 28حزيران", 600.0, Direction::Auto);
    let boxes = &doc.grapheme_boxes(f32::MIN, f32::MAX)[0];
    let x_of = |cp: usize| boxes.iter().find(|b| b.span.start == cp).unwrap().rect.x0;
    assert!(x_of(8) < x_of(9), "'2' is left of '8': 28, not 82");
    assert!(x_of(10) < x_of(8), "reading right to left, 'حزيران' comes after '28', so it is further left");
    assert!(x_of(0) > x_of(9), "'الاثنين' is right of '28'");
}

#[test]
fn carets_move_in_visual_order_and_stay_on_grapheme_boundaries() {
    let doc = layout("بِسْمِ اللَّهِ abc", 600.0, Direction::Auto);
    let text = doc.text().clone();
    // Moving left through an RTL paragraph goes forward in the text, one grapheme at a time.
    let mut cp = 0;
    let mut seen = vec![cp];
    for _ in 0..30 {
        let next = doc.move_caret_visual(cp, true);
        if next == cp {
            break;
        }
        assert!(text.is_grapheme_boundary(next), "caret {next} splits a grapheme");
        cp = next;
        seen.push(cp);
    }
    assert!(seen.contains(&2), "after بِ comes 2: {seen:?}");
    assert!(!seen.contains(&1), "never between a letter and its diacritic: {seen:?}");
    let x = doc.caret_rect(2).x0;
    assert!(x < doc.caret_rect(0).x0, "the caret after بِ is left of the one before it");
}

#[test]
fn layout_is_indexed_for_y_and_offset_lookups() {
    let doc = layout(&seed_text().repeat(3), 520.0, Direction::Auto);
    for (i, p) in doc.paragraphs().iter().enumerate() {
        assert_eq!(doc.paragraph_at_y(p.top + p.height / 2.0), i);
        assert_eq!(doc.paragraph_of_char(p.chars.start), i);
    }
    let caret = doc.caret_at(10.0, doc.height() / 2.0);
    assert!(doc.text().is_grapheme_boundary(caret));
}
