//! Mentions as CoNLL-style BIO (`tarmeez export --format conll`): `<dir>/mentions.conll`, one token per line.
//!
//! ```text
//! # doc_id = al-omar-oilfield-2021-06-29
//! # annotator = sample
//! في        209  O
//! مدينة     212  B-LOCATION
//! الميادين  218  I-LOCATION
//! .         226  O
//!
//! ...
//! ب         799  O
//! ثمانية    800  B-WEAPON
//! صواريخ    807  I-WEAPON
//! ```
//!
//! (columns are separated by one tab, shown here as spaces.)
//!
//! Each line is the token, its start offset in the document's text (code points) and its tag, separated by
//! tabs; the token's end is its start plus its length in code points, so a reader gets every mention's span
//! back exactly (from its `B-` token's start to its last `I-` token's end). A `# doc_id` and a `# annotator`
//! line open each coder's layer of a document; a blank line ends each sentence (at a line break of the text,
//! or after `.`, `!`, `?`, `؟` or `…`, but never inside a mention) and each layer.
//!
//! Tokens are the text's UAX #29 word segments without the spaces: words, numbers and each punctuation mark.
//! Arabic writes clitics (و ف ب ل ك and the article ال) as part of the word, so a mention may start or end
//! inside a written word (`الميادين` in `بالميادين`); only there is the word split, at the mention's
//! boundary, so that `ب` becomes a token of its own, tagged `O`. Words no mention boundary falls in are kept
//! whole.
//!
//! Flat BIO gives each token one tag, so nested and overlapping mentions are flattened: the longest of an
//! overlapping group is kept, and the others are listed in [`ExportSummary::not_expressed`], as is a mention
//! that starts or ends on a space (no token boundary there). Events, relations and what a mention holds
//! besides its span and type (actor link, attributes, note, provenance) are not written, and listed too.

use super::FILE_NAME;
pub use crate::formats::hf_jsonl::{ExportError, ExportSummary, NotExpressed};
use crate::formats::hf_jsonl::{
    describe_mention, events_note, flatten, layers_to_export, mention_details_notes, overlap_note, write_file,
};
use crate::model::{Annotator, DocText, Mention, MentionId, Span};
use crate::store::Project;
use std::fmt::Write as _;
use std::path::Path;
use unicode_segmentation::UnicodeSegmentation;

/// Punctuation after which a sentence ends (unless a mention goes on).
const SENTENCE_END: [&str; 5] = [".", "!", "?", "؟", "…"];

/// The text's tokens before any split: its UAX #29 word segments that are not whitespace, as code point spans.
pub fn base_tokens(text: &DocText) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cp = 0;
    for segment in text.as_str().split_word_bounds() {
        let len = segment.chars().count();
        if !segment.chars().all(char::is_whitespace) {
            out.push(Span::new(cp, cp + len));
        }
        cp += len;
    }
    out
}

/// `tokens` with every token that strictly contains one of `cuts` split there (both sorted).
pub fn split_tokens(tokens: &[Span], cuts: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    for t in tokens {
        let inside = cuts.partition_point(|&c| c <= t.start)..cuts.partition_point(|&c| c < t.end);
        let mut start = t.start;
        for &c in &cuts[inside] {
            out.push(Span::new(start, c));
            start = c;
        }
        out.push(Span::new(start, t.end));
    }
    out
}

/// Whether offset `at` is a token boundary once the tokens are split at it: `as_start` asks for the start of
/// a token (`at` is a token's start or strictly inside one), else for the end of one.
fn can_cut(tokens: &[Span], at: usize, as_start: bool) -> bool {
    let i = tokens.partition_point(|t| t.end <= at);
    let inside_or_start = tokens.get(i).is_some_and(|t| t.start < at || (as_start && t.start == at));
    let is_end = !as_start && i > 0 && tokens[i - 1].end == at;
    inside_or_start || is_end
}

/// Writes `<out_dir>/mentions.conll` (see the module's documentation) from `annotator`'s layers, or every
/// coder's.
pub fn export_conll(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut notes = Vec::new();
    let mut out = String::new();
    let mut spans = 0;
    for l in layers_to_export(project, annotator, out_dir, &mut summary)? {
        let base = base_tokens(l.text);
        let (alignable, unalignable): (Vec<_>, Vec<_>) = l
            .layer
            .mentions
            .iter()
            .map(|(id, m)| (*id, m))
            .partition(|(_, m)| can_cut(&base, m.span.start, true) && can_cut(&base, m.span.end, false));
        for (id, m) in unalignable {
            notes.push(NotExpressed {
                doc: l.doc.clone(),
                annotator: l.annotator.clone(),
                what: describe_mention(l.text, id, m),
                reason: "it starts or ends on a space or line break, where no token begins or ends".to_owned(),
            });
        }
        let (kept, dropped) = flatten(alignable);
        notes.extend(dropped.into_iter().map(|(id, m, by)| overlap_note(&l, id, m, by)));
        notes.extend(events_note(&l, "CoNLL"));
        notes.extend(mention_details_notes(&l, "CoNLL"));
        spans += kept.len();
        write_layer(&mut out, l.doc.as_str(), l.annotator.as_str(), l.text, &base, &kept);
    }
    summary.spans = spans;
    summary.not_expressed = notes;
    write_file(out_dir, FILE_NAME, out.as_bytes(), &mut summary)?;
    Ok(summary)
}

/// One layer's block: header lines, tokens split at the kept mentions' boundaries, blank lines between
/// sentences and at the end.
fn write_layer(
    out: &mut String,
    doc: &str,
    annotator: &str,
    text: &DocText,
    base: &[Span],
    kept: &[(MentionId, &Mention)],
) {
    let mut cuts: Vec<usize> = kept.iter().flat_map(|(_, m)| [m.span.start, m.span.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let tokens = split_tokens(base, &cuts);
    let _ = writeln!(out, "# doc_id = {doc}");
    let _ = writeln!(out, "# annotator = {annotator}");
    // Kept mentions do not overlap and are in text order, so one cursor walks them with the tokens.
    let mut next = 0;
    let mut sentence_has_tokens = false;
    let mut previous_end = 0;
    for t in &tokens {
        while next < kept.len() && kept[next].1.span.end <= t.start {
            next += 1;
        }
        let inside = kept.get(next).filter(|(_, m)| m.span.start <= t.start && t.end <= m.span.end);
        // A sentence also ends at a line break between two tokens, unless a mention goes on across it.
        let gap = text.slice(Span::new(previous_end, t.start)).unwrap_or("");
        let continues = inside.is_some_and(|(_, m)| m.span.start < t.start);
        if sentence_has_tokens && gap.contains('\n') && !continues {
            out.push('\n');
        }
        let word = text.slice(*t).unwrap_or("");
        let tag = match inside {
            Some((_, m)) if m.span.start == t.start => format!("B-{}", m.entity_type),
            Some((_, m)) => format!("I-{}", m.entity_type),
            None => "O".to_owned(),
        };
        let _ = writeln!(out, "{word}\t{}\t{tag}", t.start);
        sentence_has_tokens = true;
        previous_end = t.end;
        let open = inside.is_some_and(|(_, m)| m.span.end > t.end);
        if SENTENCE_END.contains(&word) && !open {
            out.push('\n');
            sentence_has_tokens = false;
        }
    }
    if sentence_has_tokens || tokens.is_empty() {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_word_only_at_a_mention_boundary_inside_it() {
        let text = DocText::new("مدينة بالميادين شرق.".to_owned());
        let base = base_tokens(&text);
        let words: Vec<&str> = base.iter().map(|t| text.slice(*t).unwrap()).collect();
        assert_eq!(words, ["مدينة", "بالميادين", "شرق", "."]);
        assert!(can_cut(&base, 7, true), "after the clitic ب");
        assert!(!can_cut(&base, 5, true), "on the space");
        assert!(can_cut(&base, 5, false), "the end of مدينة");
        let m = Mention::new(Span::new(7, 15), "LOCATION");
        let mut out = String::new();
        write_layer(&mut out, "d", "a", &text, &base, &[(MentionId(1), &m)]);
        assert_eq!(
            out,
            "# doc_id = d\n# annotator = a\nمدينة\t0\tO\nب\t6\tO\nالميادين\t7\tB-LOCATION\nشرق\t16\tO\n.\t19\tO\n\n"
        );
    }
}
