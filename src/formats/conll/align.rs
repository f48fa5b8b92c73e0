//! Placing a CoNLL file's tokens in text: each document of the file is found in the project (by its
//! `# doc_id`, by `--doc`, or by its text) and each token placed in that text in order, skipping only white
//! space between tokens, so that its spans get exact code-point offsets; a document the project lacks gets
//! a new text made from its tokens.
//!
//! Only white space is skipped: the tokens of ANERcorp, CoNLL-2003 and Tarmeez's export are the text's own
//! characters, and a token that differs from the text (another spelling, a normalized letter, a tatweel
//! dropped) is a sign that the file is for another version of the text, whose spans would point at the
//! wrong words. Such a token is refused with its line, as is an offset column that disagrees with where the
//! token is.

use super::read::{ConllDoc, Problem};
use crate::model::{DocId, DocText, Span, text_hash};
use crate::store::Project;
use std::collections::HashMap;

/// Where a document of the file goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A document of the project.
    Existing(DocId),
    /// A new document: the id to make its id from, and its text.
    New {
        /// What its id is made from: the file's `# doc_id`, else the file's name and the document's number.
        id_hint: String,
        /// Its text.
        text: String,
    },
}

/// A document of the file placed in a text: its spans with their offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aligned {
    /// Where it goes.
    pub placement: Placement,
    /// The line that started it in the file.
    pub line: usize,
    /// Each span: its offsets in the text, label and line.
    pub spans: Vec<(Span, String, usize)>,
}

/// Places every document of the file (see the module's documentation). `doc` puts the file's one document into
/// that document of the project; `stem` names new documents of a file without `# doc_id` lines. Returns the
/// documents placed and the problems of the others.
pub fn align(project: &Project, docs: &[ConllDoc], doc: Option<&DocId>, stem: &str) -> (Vec<Aligned>, Vec<Problem>) {
    let mut placed = Vec::new();
    let mut problems = Vec::new();
    let mut by_text: Option<HashMap<String, DocId>> = None;
    if let (Some(_), Some(second)) = (doc, docs.get(1)) {
        let message = "--doc names one document, but the file has several; leave --doc out".to_owned();
        return (placed, vec![Problem { line: second.line, message }]);
    }
    for (n, d) in docs.iter().enumerate() {
        let named = d.name.as_deref().and_then(|n| DocId::parse(n).ok()).filter(|id| project.document(id).is_some());
        // A name the project does not know does not contradict --doc; another document of the project does.
        if let (Some(forced), Some(named)) = (doc, &named)
            && forced != named
        {
            let message = format!("the file says document `{named}`, but --doc names `{forced}`");
            problems.push(Problem { line: d.line, message });
            continue;
        }
        let target = doc.cloned().or(named).or_else(|| {
            let index = by_text.get_or_insert_with(|| text_index(project));
            index.get(&text_hash(&squeezed(d.tokens.iter().map(|t| t.text.as_str())))).cloned()
        });
        let result = match target {
            Some(id) => place_in_document(project, &id, d),
            None => {
                let id_hint = d.name.clone().unwrap_or_else(|| format!("{stem}-{}", n + 1));
                new_text(d).map(|(text, starts)| (Placement::New { id_hint, text }, starts))
            }
        };
        match result {
            Ok((placement, starts)) => {
                let spans = d
                    .spans
                    .iter()
                    .map(|s| {
                        let end = starts[s.last] + d.tokens[s.last].text.chars().count();
                        (Span::new(starts[s.first], end), s.label.clone(), s.line)
                    })
                    .collect();
                placed.push(Aligned { placement, line: d.line, spans });
            }
            Err(p) => problems.push(p),
        }
    }
    (placed, problems)
}

/// The project's documents by the hash of their text without white space.
fn text_index(project: &Project) -> HashMap<String, DocId> {
    project.load_all();
    project
        .documents()
        .iter()
        .filter_map(|d| Some((text_hash(&squeezed(std::iter::once(d.text()?.as_str()))), d.id.clone())))
        .collect()
}

/// The pieces' characters without white space.
fn squeezed<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    pieces.flat_map(str::chars).filter(|c| !c.is_whitespace()).collect()
}

/// Places the tokens in document `id`'s text: each token's start.
fn place_in_document(project: &Project, id: &DocId, d: &ConllDoc) -> Result<(Placement, Vec<usize>), Problem> {
    let text = project.load_document(id).map(|l| l.text.clone()).map_err(|e| Problem {
        line: d.line,
        message: format!("document `{id}` cannot be read ({e}); run `tarmeez validate`"),
    })?;
    let starts = place(&text, d, id)?;
    Ok((Placement::Existing(id.clone()), starts))
}

/// Each token's start in `text`, found in order skipping only white space; a token not there, or an offset
/// column that says otherwise, is a problem.
fn place(text: &DocText, d: &ConllDoc, id: &DocId) -> Result<Vec<usize>, Problem> {
    let s = text.as_str();
    let (mut byte, mut cp) = (0, 0);
    let mut starts = Vec::with_capacity(d.tokens.len());
    for t in &d.tokens {
        for c in s[byte..].chars().take_while(|c| c.is_whitespace()) {
            byte += c.len_utf8();
            cp += 1;
        }
        if !s[byte..].starts_with(t.text.as_str()) {
            let here: String = s[byte..].chars().take(t.text.chars().count().max(8)).collect();
            let at = if here.is_empty() { "the text has ended".to_owned() } else { format!("the text has «{here}»") };
            let message = format!(
                "token «{}» is not where it should be in document `{id}`: at offset {cp} {at}; the file may be for \
                 another version of the text",
                t.text
            );
            return Err(Problem { line: t.line, message });
        }
        if let Some(o) = t.offset.filter(|&o| o != cp) {
            let message = format!("the offset column says {o}, but token «{}» is at {cp} in document `{id}`", t.text);
            return Err(Problem { line: t.line, message });
        }
        starts.push(cp);
        byte += t.text.len();
        cp += t.text.chars().count();
    }
    Ok(starts)
}

/// The text of a new document: the tokens at their offsets when the file gives them (the gaps filled with
/// spaces, a line break where a sentence ends), else joined by spaces, sentences by line breaks.
pub fn new_text(d: &ConllDoc) -> Result<(String, Vec<usize>), Problem> {
    let mut text = String::new();
    let (mut cp, mut starts) = (0, Vec::with_capacity(d.tokens.len()));
    let mut previous_ended_sentence = false;
    for (i, t) in d.tokens.iter().enumerate() {
        let gap = match t.offset {
            Some(o) if o < cp || (i > 0 && o == cp && previous_ended_sentence) => {
                let message =
                    format!("the offset column says {o}, but the tokens before end at {cp}; offsets must increase");
                return Err(Problem { line: t.line, message });
            }
            Some(o) => o - cp,
            None => usize::from(i > 0),
        };
        for k in 0..gap {
            text.push(if k == 0 && previous_ended_sentence { '\n' } else { ' ' });
        }
        cp += gap;
        starts.push(cp);
        text.push_str(&t.text);
        cp += t.text.chars().count();
        previous_ended_sentence = t.sentence_end;
    }
    Ok((text, starts))
}

#[cfg(test)]
mod tests {
    use super::super::read::parse;
    use super::*;

    #[test]
    fn tokens_are_placed_skipping_only_white_space() {
        let file = parse("في O\nمدينة B-LOC\nالميادين I-LOC\n🔥 O\n", None).unwrap();
        let text = DocText::new("في  مدينة\nالميادين🔥".to_owned());
        let id = DocId::parse("d").unwrap();
        assert_eq!(place(&text, &file.docs[0], &id).unwrap(), [0, 4, 10, 18]);
        let other = DocText::new("في مدينة الرقة".to_owned());
        let p = place(&other, &file.docs[0], &id).unwrap_err();
        assert_eq!(p.line, 3);
        assert!(p.message.contains("«الميادين»") && p.message.contains("offset 9"), "{}", p.message);
    }

    #[test]
    fn a_new_text_joins_tokens_and_sentences_or_keeps_offsets() {
        let file = parse("a O\nb B-X\n\nc O\n", None).unwrap();
        let (text, starts) = new_text(&file.docs[0]).unwrap();
        assert_eq!((text.as_str(), starts), ("a b\nc", vec![0, 2, 4]));
        let file = parse("a\t0\tO\nb\t3\tB-X\n\nc\t6\tO\n", None).unwrap();
        let (text, starts) = new_text(&file.docs[0]).unwrap();
        assert_eq!((text.as_str(), starts), ("a  b\n c", vec![0, 3, 6]));
    }
}
