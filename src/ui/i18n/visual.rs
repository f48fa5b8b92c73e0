//! A right-to-left line of the interface in the order egui draws it. egui shapes each run of one font with
//! harfrust, which draws an Arabic word right, but lays the runs out left to right with no bidi pass: an
//! Arabic phrase would come out with its words reversed. So the line's bidi runs are found (UAX #9, right
//! to left as the paragraph's direction, with the unicode-bidi crate) and written in visual order, each
//! right-to-left run word by word from its end: a word of Arabic letters stays in logical order (harfrust
//! turns it), spaces and punctuation between words take their visual place, and brackets are mirrored.

use unicode_bidi::{BidiInfo, Level};

/// Whether `c` is part of a word egui hands to harfrust in one piece: a letter or mark of a right-to-left
/// script (or an Arabic presentation form, comma or question mark), which the interface's Latin font lacks.
fn in_rtl_word(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{200C}' | '\u{200D}')
}

/// Isolate and embedding controls: read by the bidi pass, then dropped (egui would draw them as boxes).
fn is_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The mirror image of a bracket, drawn in a right-to-left run.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// `text` (lines of a right-to-left interface) in the order egui draws it, without bidi controls.
pub fn visual(text: &str) -> String {
    text.split('\n').map(visual_line).collect::<Vec<_>>().join("\n")
}

fn visual_line(line: &str) -> String {
    if !line.chars().any(in_rtl_word) {
        // Nothing right to left: egui draws it as it is.
        return line.chars().filter(|c| !is_control(*c)).collect();
    }
    let info = BidiInfo::new(line, Some(Level::rtl()));
    let mut out = String::with_capacity(line.len());
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                push_reversed(&mut out, text);
            } else {
                out.extend(text.chars().filter(|c| !is_control(*c)));
            }
        }
    }
    out
}

/// Writes a right-to-left run from its end: words of right-to-left letters whole, other characters one by
/// one (mirrored).
fn push_reversed(out: &mut String, run: &str) {
    let mut pieces: Vec<&str> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in run.char_indices() {
        if in_rtl_word(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            pieces.push(&run[start..i]);
        }
        pieces.push(&run[i..i + c.len_utf8()]);
    }
    if let Some(start) = word_start {
        pieces.push(&run[start..]);
    }
    for piece in pieces.into_iter().rev() {
        let mut chars = piece.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_control(c) => {}
            (Some(c), None) => out.push(mirrored(c)),
            _ => out.push_str(piece),
        }
    }
}
