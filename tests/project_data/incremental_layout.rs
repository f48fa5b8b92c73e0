//! A long document laid out a paragraph at a time, in the order the article view does it (the screen it
//! jumps to first, then the rest in pieces, in any order), answers every query exactly as the whole layout
//! does. The whole layout is the oracle: hit testing, highlight rectangles and carets of every laid-out
//! paragraph agree relative to the paragraph's top at every step, and at the end the tops agree too.

use crate::common;
use std::sync::Arc;
use tarmeez::model::{DocText, Span};
use tarmeez::text::long_document::long_document;
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams};

fn text(chars: usize) -> Arc<DocText> {
    let seed =
        std::fs::read_to_string(common::sample_dir().join(format!("documents/{}.txt", common::SAMPLE_DOC))).unwrap();
    Arc::new(DocText::new(long_document(&seed, chars)))
}

/// Probe points in a paragraph, relative to its top: a grid over its lines.
fn probes(height: f32, width: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let mut y = 3.0;
    while y < height {
        for k in 0..12 {
            out.push((width * (k as f32 + 0.5) / 12.0, y));
        }
        y += 13.0;
    }
    out
}

/// Every laid-out paragraph of `part` draws and hit-tests exactly as the same paragraph of `whole`,
/// relative to its top.
fn laid_out_paragraphs_agree(whole: &DocumentLayout, part: &DocumentLayout, step: &str) {
    let width = whole.params().width;
    for (i, (w, p)) in whole.paragraphs().iter().zip(part.paragraphs()).enumerate() {
        assert_eq!(w.chars, p.chars);
        if p.layout().is_none() {
            continue;
        }
        assert_eq!(w.height, p.height, "{step}: height of paragraph {i}");
        assert_eq!(w.line_tops(), p.line_tops(), "{step}: lines of paragraph {i}");
        for (x, dy) in probes(p.height, width) {
            let (wy, py) = (w.top + dy, p.top + dy);
            assert_eq!(whole.caret_at(x, wy), part.caret_at(x, py), "{step}: caret at ({x}, {dy}) in paragraph {i}");
            assert_eq!(whole.grapheme_at(x, wy), part.grapheme_at(x, py), "{step}: letter at ({x}, {dy}) in {i}");
        }
        // A span across the paragraph: same rectangles, moved by the difference of the tops.
        let span = Span::new(p.chars.start + p.chars.len() / 3, p.chars.end);
        let shift = p.top - w.top;
        let moved: Vec<_> = whole.span_rects(span).iter().map(|r| r.translate(0.0, shift)).collect();
        let rects = part.span_rects(span);
        assert_eq!(moved.len(), rects.len(), "{step}: rectangles of {span}");
        for (a, b) in moved.iter().zip(&rects) {
            assert!((a.x0 - b.x0).abs() < 1e-3 && (a.y0 - b.y0).abs() < 1e-2, "{step}: {a:?} against {b:?}");
        }
        let cp = p.chars.start + p.chars.len() / 2;
        if whole.text().is_grapheme_boundary(cp) {
            let (a, b) = (whole.caret_rect(cp).translate(0.0, shift), part.caret_rect(cp));
            assert!((a.x0 - b.x0).abs() < 1e-3 && (a.y0 - b.y0).abs() < 1e-2, "{step}: caret at {cp}");
        }
    }
}

#[test]
fn laying_out_in_pieces_in_any_order_answers_as_the_whole_layout() {
    let text = text(60_000);
    let mut engine = LayoutEngine::new();
    for width in [520.0, 900.0] {
        let params = LayoutParams { width, ..LayoutParams::default() };
        let whole = engine.layout(text.clone(), params);
        let mut part = DocumentLayout::outline(text.clone(), params);
        assert!(!part.is_complete());
        // First the last screen (a jump to the end), then the rest in scrambled batches.
        let end = part.height();
        let first = engine.shape_band(&mut part, end - 900.0, end);
        assert!(!first.is_empty());
        laid_out_paragraphs_agree(&whole, &part, "after the jump to the end");
        part.refine_estimates();
        let n = part.paragraphs().len();
        let mut order: Vec<usize> = (0..n).collect();
        let mut k = 7u64;
        for i in (1..n).rev() {
            k = k.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (k >> 33) as usize % (i + 1));
        }
        for (step, batch) in order.chunks(n / 5 + 1).enumerate() {
            let shaped: Vec<_> = batch.iter().map(|&i| (i, engine.shape(&part, i))).collect();
            part.insert(shaped);
            laid_out_paragraphs_agree(&whole, &part, &format!("after batch {step}"));
        }
        assert!(part.is_complete());
        let tops = |d: &DocumentLayout| d.paragraphs().iter().map(|p| (p.top, p.height)).collect::<Vec<_>>();
        assert_eq!(tops(&part), tops(&whole), "width {width}: every top and height");
        assert_eq!(part.height(), whole.height());
    }
}

#[test]
fn dropped_paragraphs_keep_their_height_and_are_laid_out_again_the_same() {
    let text = text(30_000);
    let mut engine = LayoutEngine::new();
    let params = LayoutParams::default();
    let whole = engine.layout(text.clone(), params);
    let mut part = engine.layout(text.clone(), params);
    part.evict(0..part.paragraphs().len() / 2);
    assert!(part.is_complete(), "heights stay exact");
    assert_eq!(part.height(), whole.height());
    let dropped: Vec<usize> = part.pending(0..part.paragraphs().len()).collect();
    assert!(!dropped.is_empty());
    assert_eq!(part.grapheme_at(300.0, part.paragraphs()[dropped[0]].top + 5.0), None, "nothing to hit while dropped");
    let shaped: Vec<_> = dropped.iter().map(|&i| (i, engine.shape(&part, i))).collect();
    part.insert(shaped);
    laid_out_paragraphs_agree(&whole, &part, "laid out again");
}
