//! Document text quoted inside interface text, isolated for the bidi pass (UAX #9 first-strong isolates,
//! U+2068 ... U+2069): without it a quote's leading number takes the direction of the English around it, and
//! "Selected: «5 عناصر»" shows the 5 on the wrong side of its word. Inside the isolate the quote is laid out
//! as a paragraph of its own (right to left when its first letter is Arabic), and the line around it sees
//! one neutral character.

/// First strong isolate.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate.
pub const PDI: char = '\u{2069}';

/// `text` between guillemets, isolated: `«` FSI `text` PDI `»`.
pub fn quoted(text: &str) -> String {
    format!("«{FSI}{text}{PDI}»")
}

/// `text` isolated, without guillemets (a snippet shown inside a label).
pub fn isolated(text: &str) -> String {
    format!("{FSI}{text}{PDI}")
}

/// `text` without the bidi isolate controls (for a renderer that has no bidi pass and would draw them).
pub fn without_isolates(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{2066}', '\u{2067}', FSI, PDI]) {
        text.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')).collect::<String>().into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, DocText, Span};
    use crate::text::{LayoutEngine, LayoutParams};
    use std::sync::Arc;

    /// The left edge of the code points `span` of `line` as laid out in one paragraph.
    fn left_of(engine: &mut LayoutEngine, line: &str, span: Span) -> f32 {
        let params = LayoutParams { width: 900.0, direction: Direction::Auto, ..LayoutParams::default() };
        let layout = engine.layout(Arc::new(DocText::new(line.to_owned())), params);
        layout.span_rects(span).iter().map(|r| r.x0).fold(f32::INFINITY, f32::min)
    }

    /// Where `needle` starts in `hay`, in code points.
    fn at(hay: &str, needle: &str) -> Span {
        let start = hay[..hay.find(needle).unwrap()].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    #[test]
    fn a_quote_s_leading_number_stays_on_the_right_of_its_arabic_word_in_an_english_line() {
        let mut engine = LayoutEngine::new();
        for quote in ["5 عناصر", "131 موقعاً", "28حزيران"] {
            let plain = format!("Selected 1..8 (7 characters): «{quote}»");
            let isolated = format!("Selected 1..8 (7 characters): {}", quoted(quote));
            let digits: String = quote.chars().take_while(char::is_ascii_digit).collect();
            let word = quote.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
            // Without the isolate the number is laid out as English, left of the word (the finding).
            let (n, w) =
                (left_of(&mut engine, &plain, at(&plain, &digits)), left_of(&mut engine, &plain, at(&plain, word)));
            assert!(n < w, "«{quote}» plain: number at {n}, word at {w}");
            // Isolated, it reads as Arabic: the number first, on the right.
            let (n, w) = (
                left_of(&mut engine, &isolated, at(&isolated, &digits)),
                left_of(&mut engine, &isolated, at(&isolated, word)),
            );
            assert!(n > w, "«{quote}» isolated: number at {n}, word at {w}");
        }
    }

    #[test]
    fn isolates_come_off_for_a_renderer_without_bidi() {
        assert_eq!(without_isolates(&quoted("abc")), "«abc»");
        assert!(matches!(without_isolates("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
