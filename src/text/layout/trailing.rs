//! Rule L1 of the bidi algorithm (UAX #9) on each line, which parley 0.12 leaves out (see the comment in its
//! `hanging_whitespace`): the white space at a line's end in logical order takes the paragraph's level, so
//! it sits at the paragraph's edge of the line (the left of a right-to-left line) and not inside an
//! opposite-direction run. Without it, "موقع Atlantic␣" wrapped after "Atlantic" is drawn with the space
//! between the two words, a double gap, and the caret and selection land there, in the middle of the line.
//!
//! Parley's lines are not ours to change, so the layout keeps them and records, for the few lines where L1
//! moves something, how far each cluster moves. The queries that read x positions (glyphs, boxes,
//! highlights, hit testing, carets) work from the clusters as placed on those lines.

use super::{DocumentLayout, Paragraph};
use parley::{Layout, Line, PositionedLayoutItem};
use std::ops::Range;

/// Distance under which two x positions are the same.
const EPS: f32 = 0.01;

/// A line whose trailing white space L1 moves.
pub(super) struct Shifted {
    /// The line's index in its paragraph.
    pub line: usize,
    /// Paragraph-local byte where the line's trailing white space starts.
    pub trailing: usize,
    /// How far each cluster moves, in parley's order: the line's runs left to right, each run's clusters
    /// left to right.
    pub dx: Vec<f32>,
}

/// A cluster of a line as drawn.
#[derive(Clone, Debug)]
pub(super) struct Placed {
    /// Its paragraph-local bytes.
    pub bytes: Range<usize>,
    /// Left edge.
    pub x: f32,
    /// Width.
    pub advance: f32,
    /// Whether it reads right to left (trailing white space reads in the paragraph's direction).
    pub rtl: bool,
}

impl Placed {
    fn x1(&self) -> f32 {
        self.x + self.advance
    }

    /// The caret offset at its left edge.
    fn left(&self) -> usize {
        if self.rtl { self.bytes.end } else { self.bytes.start }
    }

    /// The caret offset at its right edge.
    fn right(&self) -> usize {
        if self.rtl { self.bytes.start } else { self.bytes.end }
    }
}

/// Whether L1 gives `c` the paragraph's level at a line's end: white space, isolate controls, and the
/// characters rule X9 removes (embedding controls, zero-width boundary neutrals), as the unicode-bidi crate
/// does. No-break spaces are common separators (CS), not white space, for the bidi algorithm.
fn is_l1_space(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}'))
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The lines of `layout` whose trailing white space L1 moves; `body` is the paragraph's text. Only a line
/// ending in white space with a run against the paragraph's direction can have it in the wrong place, so
/// the other lines cost a look at their last bytes.
pub(super) fn shifted_lines(layout: &Layout<()>, body: &str) -> Vec<Shifted> {
    let base_rtl = layout.is_rtl();
    let mut out = Vec::new();
    for (i, line) in layout.lines().enumerate() {
        let r = line.text_range();
        let Some(text) = body.get(r.clone()) else { continue };
        let trailing = r.start + text.trim_end_matches(is_l1_space).len();
        if trailing == r.end || line.runs().all(|run| run.is_rtl() == base_rtl) {
            continue;
        }
        if let Some(dx) = shifts(&clusters(&line), base_rtl, trailing) {
            out.push(Shifted { line: i, trailing, dx });
        }
    }
    out
}

/// The clusters of `line` in parley's order, where parley places them.
fn clusters(line: &Line<'_, ()>) -> Vec<Placed> {
    let mut out = Vec::new();
    for item in line.items() {
        let PositionedLayoutItem::GlyphRun(run) = item else { continue };
        let mut x = run.offset();
        let rtl = run.run().is_rtl();
        for cluster in run.run().visual_clusters() {
            let advance = cluster.advance();
            out.push(Placed { bytes: cluster.text_range(), x, advance, rtl });
            x += advance;
        }
    }
    out
}

/// How far each cluster moves when those from byte `trailing` on leave their runs for the line's end edge
/// (the left of a right-to-left paragraph), in logical order from that edge inwards; `None` if none moves.
/// The others keep their order (L2's reversals commute with taking characters out), and the line keeps its
/// extent.
fn shifts(clusters: &[Placed], base_rtl: bool, trailing: usize) -> Option<Vec<f32>> {
    let x0 = clusters.iter().map(|c| c.x).fold(f32::INFINITY, f32::min);
    let (mut tail, rest): (Vec<usize>, Vec<usize>) =
        (0..clusters.len()).partition(|&k| clusters[k].bytes.start >= trailing);
    tail.sort_by_key(|&k| clusters[k].bytes.start);
    let order: Vec<usize> =
        if base_rtl { tail.into_iter().rev().chain(rest).collect() } else { rest.into_iter().chain(tail).collect() };
    let mut dx = vec![0.0; clusters.len()];
    let mut x = x0;
    for k in order {
        dx[k] = x - clusters[k].x;
        x += clusters[k].advance;
    }
    dx.iter().any(|d| d.abs() > EPS).then_some(dx)
}

impl DocumentLayout {
    /// The shift L1 makes on line `line` of `p`, if it moves anything there.
    pub(super) fn shifted<'a>(&self, p: &'a Paragraph, line: usize) -> Option<&'a Shifted> {
        let all = &p.shape()?.shifted;
        all.binary_search_by_key(&line, |s| s.line).ok().map(|i| &all[i])
    }

    /// The clusters of line `line` of `p` as drawn, left to right, with L1 applied.
    pub(super) fn placed(&self, p: &Paragraph, line: usize) -> Vec<Placed> {
        let Some(layout) = p.layout() else { return Vec::new() };
        let Some(l) = layout.get(line) else { return Vec::new() };
        let mut out = clusters(&l);
        if let Some(s) = self.shifted(p, line) {
            for (c, dx) in out.iter_mut().zip(&s.dx) {
                c.x += dx;
                if c.bytes.start >= s.trailing {
                    c.rtl = layout.is_rtl();
                }
            }
            out.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        out
    }

    /// For each glyph of a run of a shifted line, in `positioned_glyphs` order, how far it moves; `k` counts
    /// the line's clusters in parley's order across runs.
    pub(super) fn glyph_shifts(run: &parley::Run<'_, ()>, dx: &[f32], k: &mut usize) -> Vec<f32> {
        let mut out = Vec::new();
        for cluster in run.visual_clusters() {
            let d = dx.get(*k).copied().unwrap_or(0.0);
            out.extend(cluster.glyphs().map(|_| d));
            *k += 1;
        }
        out
    }
}

/// Where the caret at paragraph-local byte `b` is drawn on a shifted line: at the leading edge of the
/// cluster starting there (parley's downstream affinity), except at the start of the moved white space,
/// where it stays against the letter it follows (the end of the line in logical order, where End puts it)
/// rather than at the far side of the moved space. `None` if `b` is not on the line.
pub(super) fn caret_x(placed: &[Placed], b: usize, trailing: usize) -> Option<f32> {
    let ending = || placed.iter().find(|c| c.bytes.end == b && c.bytes.start < trailing);
    if b == trailing
        && let Some(c) = ending()
    {
        return Some(if c.rtl { c.x } else { c.x1() });
    }
    if let Some(c) = placed.iter().find(|c| c.bytes.start == b && !c.bytes.is_empty()) {
        return Some(if c.rtl { c.x1() } else { c.x });
    }
    placed.iter().find(|c| c.bytes.end == b).map(|c| if c.rtl { c.x } else { c.x1() })
}

/// The caret nearest to `x` on a shifted line, as parley's `Cursor::from_point` does: the nearer edge of
/// the cluster under `x`, the line's ends beyond it. On a wrapped line, the moved white space and what is
/// past it give the line's logical end (its other edge belongs to the next line).
pub(super) fn caret_at_x(placed: &[Placed], x: f32, trailing: usize, wrapped: bool) -> Option<usize> {
    let (first, last) = (placed.first()?, placed.last()?);
    let b = if x < first.x {
        first.left()
    } else if x >= last.x1() {
        last.right()
    } else {
        let c = placed.iter().find(|c| x >= c.x && x < c.x1()).unwrap_or(last);
        if x < c.x + c.advance / 2.0 { c.left() } else { c.right() }
    };
    Some(if wrapped { b.min(trailing) } else { b })
}

/// The caret one cluster to the left or right of byte `b` on a shifted line; `None` at the line's edge.
/// Crossing a cluster reaches its far edge, where two offsets may meet (a direction change): of those, the
/// one [`caret_x`] draws at that edge, so that every place between two clusters is visited once.
pub(super) fn step(placed: &[Placed], b: usize, trailing: usize, left: bool) -> Option<usize> {
    let x = caret_x(placed, b, trailing)?;
    let inked = || placed.iter().filter(|c| c.advance > 0.0);
    let crossed: Vec<&Placed> = if left {
        inked().rev().filter(|c| c.x1() <= x + EPS).collect()
    } else {
        inked().filter(|c| c.x >= x - EPS).collect()
    };
    for c in crossed {
        let edge = if left { c.x } else { c.x1() };
        let at_edge = inked().filter_map(|d| {
            if (d.x - edge).abs() < EPS {
                Some(d.left())
            } else if (d.x1() - edge).abs() < EPS {
                Some(d.right())
            } else {
                None
            }
        });
        let drawn_there = at_edge
            .filter(|&o| o != b)
            .find(|&o| caret_x(placed, o, trailing).is_some_and(|cx| (cx - edge).abs() < EPS));
        let o = drawn_there.unwrap_or(if left { c.left() } else { c.right() });
        if o != b {
            return Some(o);
        }
    }
    None
}

/// The cluster under `x` on a shifted line, if `x` is on one.
pub(super) fn cluster_at_x(placed: &[Placed], x: f32) -> Option<&Placed> {
    placed.iter().find(|c| x >= c.x && x < c.x1())
}
