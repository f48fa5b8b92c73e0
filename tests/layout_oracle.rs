//! Layout geometry checked against independent oracles (DESIGN.md section 9):
//! - on every line, the visual order of the characters equals the `unicode-bidi` crate's reordering of
//!   that line (UAX #9, rules L1-L2), its trailing white space included, for mixed paragraphs at widths
//!   from 120 to 900 px;
//! - each highlight's rectangles cover exactly the boxes of its characters and no others, the boxes coming
//!   from the layout's cluster advances rather than from the selection geometry under test;
//! - hit-testing the centre of every grapheme returns that grapheme.

mod common;
use std::sync::Arc;
use tarmeez::model::{Direction, DocText, Span};
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams, Motion, Rect};
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

/// Mixed paragraphs whose lines wrap inside an opposite-direction run (rule L1 of UAX #9 puts the white
/// space ending such a line at the paragraph's edge, not inside the run): Arabic with multi-word Latin
/// names, digits and punctuation, and English with multi-word Arabic phrases.
const WRAPPING: &[&str] = &[
    "وفي تقرير صادر عن موقع Atlantic Council الذي يتخذ من واشنطن مقراً له، قال الباحث إن إيران تمكنت من بناء إمبراطورية عسكرية.",
    "قالت منظمة Human Rights Watch في تقرير نشرته يوم 3 تموز 2021 إن 12 مدنياً قتلوا في ريف Deir ez-Zor الشرقي.",
    "نقلت وكالة Reuters News Agency (رويترز) عن مصدر في Syrian Democratic Forces أن الهجوم بدأ الساعة 10:30 مساءً.",
    "ذكر المرصد أن ميليشيا Liwa Fatemiyoun Brigade نقلت 300 عنصر من البوكمال إلى الميادين عبر طريق M4 Highway السريع.",
    "The Syrian Observatory for Human Rights (المرصد السوري لحقوق الإنسان في لندن) said that the militia moved 300 fighters to البوكمال والميادين ودير الزور in June 2021.",
    "Sources told the agency that قوات سوريا الديمقراطية شنت هجوماً on the oil field, and that 45.5% of the base was hit.",
];

/// The widths the wrapping paragraphs are laid out at: 120 to 900 px in steps of 40 px.
fn sweep_widths() -> impl Iterator<Item = f32> {
    (120..=900).step_by(40).map(|w| w as f32)
}

/// The wrapping paragraphs at every width of the sweep (and the mixed texts at a few of them).
fn sweep() -> Vec<(String, DocumentLayout)> {
    let wrapping = WRAPPING.join("\n");
    let mixed = MIXED.join("\n");
    let mut out = Vec::new();
    for width in sweep_widths() {
        out.push((format!("wrapping@{width}"), layout(&wrapping, width, Direction::Auto)));
        if (width as usize).is_multiple_of(120) {
            out.push((format!("mixed@{width}"), layout(&mixed, width, Direction::Auto)));
        }
    }
    out
}

/// Checks that the graphemes of every line of `doc`, in the order the layout places them (left to right),
/// are in unicode-bidi's order for that line, trailing white space included (rule L1 puts it at the
/// paragraph's edge). Returns the number of lines checked.
fn check_visual_order(name: &str, doc: &DocumentLayout) -> usize {
    let text = doc.text().clone();
    let owner = grapheme_starts(&text);
    let level = match doc.params().direction {
        Direction::Auto => None,
        Direction::Rtl => Some(Level::rtl()),
        Direction::Ltr => Some(Level::ltr()),
    };
    let mut lines_checked = 0;
    for boxes in doc.grapheme_boxes(f32::MIN, f32::MAX) {
        let Some(first) = boxes.iter().map(|b| b.span.start).min() else { continue };
        let last = boxes.iter().map(|b| b.span.end).max().unwrap();
        let p = &doc.paragraphs()[doc.paragraph_of_char(first)];
        let para = &text.as_str()[p.bytes.clone()];
        let local = |cp: usize| text.byte_of(cp).unwrap() - p.bytes.start;
        let cp_of = |local: usize| text.char_of_byte(p.bytes.start + local).unwrap();
        let range = local(first)..local(last);
        // The layout's order: its boxes from left to right (a zero-width box keeps its place).
        let mut placed: Vec<&tarmeez::text::GraphemeBox> = boxes.iter().collect();
        placed.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
        let mut shown = Vec::new();
        for b in placed {
            let r = local(b.span.start)..local(b.span.end);
            for (i, _) in para[r.clone()].char_indices() {
                shown.push(owner[cp_of(r.start + i)]);
            }
        }
        // unicode-bidi's order for the same line (rules L1 and L2).
        let bidi = BidiInfo::new(para, level);
        assert_eq!(bidi.paragraphs.len(), 1, "{name}: one bidi paragraph per layout paragraph");
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
        let (shown, expected) = (dedup(shown), dedup(expected));
        assert_eq!(shown, expected, "{name}: visual order differs on line {:?}: {:?}", range, &para[range.clone()]);
        lines_checked += 1;
    }
    lines_checked
}

#[test]
fn visual_order_of_every_line_equals_unicode_bidi_reordering() {
    for (name, doc) in cases() {
        assert!(check_visual_order(&name, &doc) > 0, "{name}");
    }
}

#[test]
fn visual_order_with_trailing_white_space_holds_at_every_width_from_120_to_900() {
    for (name, doc) in sweep() {
        assert!(check_visual_order(&name, &doc) > 0, "{name}");
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
    for (name, doc) in cases().into_iter().chain(sweep()) {
        check_highlights(&name, &doc);
    }
}

/// Checks that each highlight's rectangles cover exactly the boxes of its characters.
fn check_highlights(name: &str, doc: &DocumentLayout) {
    const EPS: f32 = 0.5;
    let lines = doc.grapheme_boxes(f32::MIN, f32::MAX);
    let text = doc.text().clone();
    for span in spans_for(doc) {
        let rects = doc.span_rects(span);
        let label = format!("{name}: span {span} {:?}", text.slice(span).unwrap());
        for b in lines.iter().flatten() {
            if b.rect.width() <= 2.0 * EPS {
                continue; // zero-width marks have no box of their own to cover
            }
            let same_line: Vec<&Rect> =
                rects.iter().filter(|r| overlap(r.y0, r.y1, b.rect.y0, b.rect.y1) > b.rect.height() / 2.0).collect();
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

#[test]
fn hit_testing_the_centre_of_every_grapheme_returns_it() {
    for (name, doc) in cases().into_iter().chain(sweep()) {
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
fn glyphs_are_drawn_where_their_boxes_are() {
    let mut checked = 0;
    for (name, doc) in cases().into_iter().chain(sweep()) {
        let text = doc.text().clone();
        let mut glyphs = Vec::new();
        doc.visible_glyphs(f32::MIN, f32::MAX, |g| glyphs.push((g.x, g.y)));
        for b in doc.grapheme_boxes(f32::MIN, f32::MAX).iter().flatten() {
            // A Latin letter, digit or space is one glyph whose pen starts at its box's left edge (but for the
            // second letter of the fi, fl and ff ligatures).
            let s = text.slice(b.span).unwrap();
            let after_f =
                b.span.start > 0 && text.slice(tarmeez::model::Span::new(b.span.start - 1, b.span.start)) == Some("f");
            if s.chars().count() != 1 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') || after_f {
                continue;
            }
            let found = glyphs.iter().any(|&(x, y)| (x - b.rect.x0).abs() < 0.05 && y > b.rect.y0 && y < b.rect.y1);
            assert!(found, "{name}: no glyph drawn at the box of {:?} {s:?} ({:?})", b.span, b.rect);
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// An Arabic sentence naming "Atlantic Council", the first width (from 120 px up) at which a line ends with
/// "Atlantic ", and where that name starts.
fn atlantic() -> (DocumentLayout, usize) {
    let text = "وفي تقرير صادر عن موقع Atlantic Council الذي يتخذ من واشنطن مقراً له، قال الباحث إن إيران تمكنت من بناء إمبراطورية.";
    let a = text[..text.find("Atlantic").unwrap()].chars().count();
    for width in (120..700).step_by(2) {
        let doc = layout(text, width as f32, Direction::Auto);
        let ends_there = doc.grapheme_boxes(f32::MIN, f32::MAX).iter().any(|line| {
            line.iter().map(|b| b.span.end).max() == Some(a + 9) && line.iter().any(|b| b.span.start == a - 2)
        });
        if ends_there {
            return (doc, a);
        }
    }
    panic!("no width wraps after \"Atlantic \"");
}

/// The boxes of the line holding code point `cp`.
fn line_with(doc: &DocumentLayout, cp: usize) -> Vec<tarmeez::text::GraphemeBox> {
    doc.grapheme_boxes(f32::MIN, f32::MAX).into_iter().find(|l| l.iter().any(|b| b.span.start == cp)).unwrap()
}

#[test]
fn the_space_ending_a_line_inside_a_latin_name_goes_to_the_left_edge_of_the_arabic_line() {
    let (doc, a) = atlantic();
    let trailing = a + 8; // the space after "Atlantic", where the line wraps
    let line = line_with(&doc, a);
    let at = |cp: usize| line.iter().find(|b| b.span.start == cp).unwrap().rect;
    let leftmost = line.iter().min_by(|x, y| x.rect.x0.total_cmp(&y.rect.x0)).unwrap();
    assert_eq!(leftmost.span.start, trailing, "the trailing space is at the line's left edge (rule L1)");
    // One gap between "موقع" and "Atlantic": the space before the name, nothing else.
    let (c, space, ain) = (at(trailing - 1), at(a - 1), at(a - 2));
    assert!((space.x0 - c.x1).abs() < 0.01 && (ain.x0 - space.x1).abs() < 0.01, "c {c:?}, space {space:?}, ع {ain:?}");
    // The name's selection is one rectangle over its letters; the space's is at the left edge.
    let name = doc.span_rects(tarmeez::model::Span::new(a, trailing));
    assert_eq!(name.len(), 1);
    assert!((name[0].x0 - at(a).x0).abs() < 0.01 && (name[0].x1 - c.x1).abs() < 0.01, "{name:?}");
    let sp = doc.span_rects(tarmeez::model::Span::new(trailing, trailing + 1));
    assert!((sp[0].x0 - leftmost.rect.x0).abs() < 0.01, "{sp:?}");
}

#[test]
fn a_click_in_the_gap_after_the_latin_name_does_not_land_inside_it() {
    let (doc, a) = atlantic();
    let trailing = a + 8;
    let line = line_with(&doc, a);
    let at = |cp: usize| line.iter().find(|b| b.span.start == cp).unwrap().rect;
    let space = at(a - 1);
    let y = (space.y0 + space.y1) / 2.0;
    for x in [space.x0 + 0.5, (space.x0 + space.x1) / 2.0, space.x1 - 0.5] {
        assert_eq!(doc.grapheme_at(x, y), Some(tarmeez::model::Span::new(a - 1, a)), "at x {x}");
        let caret = doc.caret_at(x, y);
        assert!(caret == a - 1 || caret == a, "a click at x {x} in the gap put the caret at {caret}");
    }
    // Clicking the trailing space, at the line's left edge, gives the line's end, not the next line.
    let t = at(trailing);
    assert_eq!(doc.caret_at((t.x0 + t.x1) / 2.0, y), trailing);
    assert_eq!(doc.caret_at(t.x0 - 20.0, y), trailing);
}

#[test]
fn home_end_and_arrows_on_a_line_ending_inside_a_latin_name() {
    let (doc, a) = atlantic();
    let trailing = a + 8;
    let line = line_with(&doc, a);
    let start = line.iter().map(|b| b.span.start).min().unwrap();
    let c = line.iter().find(|b| b.span.start == trailing - 1).unwrap().rect;
    let moved = |cp: usize, m: Motion| doc.move_caret(cp, None, m).caret;
    // End: after the name's last letter, the caret against it.
    let end = moved(a + 2, Motion::LineEdge { end: true });
    assert_eq!(end, trailing);
    assert!((doc.caret_rect(end).x0 - c.x1).abs() < 0.01, "{:?} {c:?}", doc.caret_rect(end));
    assert_eq!(moved(a + 2, Motion::LineEdge { end: false }), start);
    // Left from the line's start (its right edge) visits every place on the line once, right to left, and
    // then goes to the next line; Right from the left edge (before the name's "A") goes back.
    assert!(line.iter().all(|b| b.span.start == trailing || b.rect.x0 >= doc.caret_rect(a).x0 - 0.01));
    for left in [true, false] {
        let mut cp = if left { start } else { a };
        let mut seen = vec![cp];
        let mut xs = vec![doc.caret_rect(cp).x0];
        loop {
            cp = moved(cp, Motion::Grapheme { left });
            if cp < start || cp > trailing || seen.contains(&cp) {
                break;
            }
            seen.push(cp);
            xs.push(doc.caret_rect(cp).x0);
        }
        if left {
            assert_eq!(cp, a + 9, "Left from the far left goes to the next line's start");
        }
        assert!(xs.windows(2).all(|w| if left { w[1] < w[0] } else { w[1] > w[0] }), "left {left}: {xs:?}");
        let boundaries = (start..=trailing).filter(|&i| doc.text().is_grapheme_boundary(i)).count();
        assert_eq!(seen.len(), boundaries, "left {left}: {seen:?}");
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
