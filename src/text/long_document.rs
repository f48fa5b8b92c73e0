//! A long document for benchmarks and tests of the article view and the renderer at scale (DESIGN.md
//! section 8: a 500k-character document). Built from the seed article so that it has the seed's mix of
//! Arabic, digits and punctuation, but not one paragraph repeated verbatim: each copy of the seed comes in
//! another order, with other numbers, some paragraphs joined into long ones, and every fourth copy with
//! Arabic-Indic digits.

/// The size used by the benchmarks and the GUI check: the seed article 100 times over, as in the issue that
/// measured it.
pub const LONG_DOCUMENT_CHARS: usize = 502_898;

/// Builds a document of at least `chars` code points (cut at the end of a paragraph) from the paragraphs of
/// `seed`. The same inputs give the same text.
pub fn long_document(seed: &str, chars: usize) -> String {
    let paragraphs: Vec<&str> = seed.lines().map(str::trim_end).filter(|p| !p.trim().is_empty()).collect();
    if paragraphs.is_empty() {
        return String::new();
    }
    let n = paragraphs.len();
    let mut out = String::new();
    let mut len = 0;
    let mut copy = 0usize;
    while len < chars {
        let mut j = 0;
        while j < n && len < chars {
            // Every fifth copy joins runs of three paragraphs into one long paragraph.
            let take = if copy % 5 == 4 { 3.min(n - j) } else { 1 };
            let mut para = String::new();
            for k in j..j + take {
                if !para.is_empty() {
                    para.push(' ');
                }
                let p = paragraphs[(k + copy * 7) % n];
                para.push_str(&vary_digits(p, copy, copy % 4 == 3));
            }
            j += take;
            if !out.is_empty() {
                out.push_str("\n\n");
                len += 2;
            }
            len += para.chars().count();
            out.push_str(&para);
        }
        copy += 1;
    }
    out
}

/// Adds `shift` to every number (so that dates and counts differ between copies: `28حزيران` becomes
/// `31حزيران` in one copy and `128حزيران` in another), written in Arabic-Indic digits when `arabic_indic`.
fn vary_digits(p: &str, shift: usize, arabic_indic: bool) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    let mut number = String::new();
    let flush = |number: &mut String, out: &mut String| {
        if number.is_empty() {
            return;
        }
        let value = number.parse::<u64>().map_or_else(|_| number.clone(), |n| (n + shift as u64).to_string());
        let base = if arabic_indic { '\u{0660}' } else { '0' };
        out.extend(value.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(base as u32 + d)).unwrap_or(c)));
        number.clear();
    };
    for c in p.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            flush(&mut number, &mut out);
            out.push(c);
        }
    }
    flush(&mut number, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "قصفت المليشيات 28 حزيران\n\nقال مصدر إن 131 موقعاً\n\nThe base at al-Omar 2021";

    #[test]
    fn reaches_the_length_at_a_paragraph_end_and_varies_the_copies() {
        let doc = long_document(SEED, 2000);
        assert!(doc.chars().count() >= 2000);
        assert!(!doc.ends_with('\n'));
        let paragraphs: Vec<&str> = doc.split("\n\n").collect();
        let distinct: std::collections::HashSet<&&str> = paragraphs.iter().collect();
        assert!(distinct.len() > paragraphs.len() / 2, "copies differ: {} of {}", distinct.len(), paragraphs.len());
        assert!(doc.contains('\u{0662}'), "some copies use Arabic-Indic digits");
        assert!(doc.contains("28 حزيران") && doc.contains("30 حزيران"), "numbers differ between copies");
        assert_eq!(long_document(SEED, 2000), doc, "deterministic");
    }
}
