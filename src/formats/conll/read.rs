//! Reading CoNLL column files into documents of tokens and the spans their tags make.
//!
//! Lines are columns separated by tabs (when the line has one) or else by spaces; the first column is the
//! token and the last its tag. CoNLL-2003 writes `token POS chunk NER`, ANERcorp `token tag`, Tarmeez's own
//! export `token offset tag` (the offset is read only when every token line has exactly three columns and
//! the middle one is a number). A blank line ends a sentence; `-DOCSTART-` and `# doc_id = ...` start a
//! document (the second names it); other `#` lines are comments.
//!
//! Tags are `O` or a prefix, `-` and a label. Three schemes are read ([`Scheme`]): IOB1, where `I-` may start
//! a span; IOB2, where only `B-` does; BIOES (or BILOU), where a span of one token is `S-` (`U-`) and a
//! longer one ends with `E-` (`L-`). The scheme is given or told from the tags: any `E-`, `S-`, `L-` or
//! `U-` is BIOES, an `I-` starting a span is IOB1 (noted, since CoNLL-2003's original files are so), else
//! IOB2. A sequence the scheme does not allow is a [`Problem`] with its line.

use std::fmt;

/// The tagging scheme of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003's original: `I-` inside a span, also at its start; `B-` only starts a span right after
    /// another of the same label.
    Iob1,
    /// `B-` starts every span, `I-` continues it.
    Iob2,
    /// `B-` begins, `I-` continues, `E-` ends a span; `S-` is a span of one token. BILOU's `L-` and `U-` are
    /// read as `E-` and `S-`.
    Bioes,
}

impl Scheme {
    /// The scheme named as `--scheme` takes it (`iob1`, `iob2`, `bioes`, `bilou`), whatever the case.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "iob1" | "iob" => Some(Scheme::Iob1),
            "iob2" | "bio" => Some(Scheme::Iob2),
            "bioes" | "iobes" | "bilou" => Some(Scheme::Bioes),
            _ => None,
        }
    }

    /// The scheme's name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Iob1 => "IOB1",
            Scheme::Iob2 => "IOB2",
            Scheme::Bioes => "BIOES",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Something wrong at a line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One token line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's text (the first column).
    pub text: String,
    /// Its start in the document's text, in code points, when the file has an offset column.
    pub offset: Option<usize>,
    /// Its 1-based line.
    pub line: usize,
    /// Whether a sentence ends after it.
    pub sentence_end: bool,
}

/// A span the tags make: tokens `first..=last` of its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenSpan {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
    /// The label, without its prefix (`PERS`).
    pub label: String,
    /// The line of its first token.
    pub line: usize,
}

/// One document of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllDoc {
    /// Its name, from `# doc_id = ...`.
    pub name: Option<String>,
    /// The coder named by `# annotator = ...`, as Tarmeez's export writes it.
    pub annotator: Option<String>,
    /// The line that started it (1 for a file without a document line).
    pub line: usize,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Its spans, in order.
    pub spans: Vec<TokenSpan>,
}

/// A whole file: its documents, the scheme read and remarks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllFile {
    /// The documents that have tokens, in file order.
    pub docs: Vec<ConllDoc>,
    /// The scheme the tags were read in.
    pub scheme: Scheme,
    /// Remarks for the user (how the scheme was told).
    pub notes: Vec<String>,
}

/// A tag as read: its prefix letter (`B`, `I`, `E`, `S`, with `L` and `U` read as `E` and `S`) and label.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Tag {
    Outside,
    Part(char, String),
}

fn parse_tag(s: &str) -> Option<Tag> {
    if s == "O" {
        return Some(Tag::Outside);
    }
    let (prefix, label) = s.split_once('-').filter(|(_, l)| !l.is_empty())?;
    let letter = match prefix {
        "B" | "I" | "E" | "S" => prefix.chars().next()?,
        "L" => 'E',
        "U" => 'S',
        _ => return None,
    };
    Some(Tag::Part(letter, label.to_owned()))
}

/// A line's columns: split at tabs when it has one, else at white space.
fn columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// A token line before its document is decoded.
struct RawToken {
    token: Token,
    tag: Tag,
}

/// Reads the file's text (without a byte-order mark). `scheme` is told from the tags when `None`. Every
/// problem found is returned, each with its line; the file is then not to be imported.
pub fn parse(content: &str, scheme: Option<Scheme>) -> Result<ConllFile, Vec<Problem>> {
    let lines: Vec<(usize, &str)> =
        content.lines().enumerate().map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l))).collect();
    let has_offsets = offset_column(&lines);
    let mut problems = Vec::new();
    let mut docs: Vec<(ConllDoc, Vec<RawToken>)> = vec![(ConllDoc { line: 1, ..ConllDoc::default() }, Vec::new())];
    for &(line_no, line) in &lines {
        let cols = columns(line);
        let (doc, tokens) = docs.last_mut().expect("there is always a document");
        if cols.is_empty() {
            if let Some(last) = tokens.last_mut() {
                last.token.sentence_end = true;
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            start_doc(&mut docs, None, line_no);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#').filter(|_| is_comment(&cols)) {
            if let Some((key, value)) = comment.split_once('=') {
                match key.trim() {
                    "doc_id" => start_doc(&mut docs, Some(value.trim().to_owned()), line_no),
                    "annotator" => doc.annotator = Some(value.trim().to_owned()),
                    _ => {}
                }
            }
            continue;
        }
        let Some(tag) = cols.last().filter(|_| cols.len() >= 2).and_then(|t| parse_tag(t)) else {
            let last = cols.last().copied().unwrap_or_default();
            let message = if cols.len() < 2 {
                format!("`{line}` has one column; a token line is the token, maybe other columns, and its tag last")
            } else {
                format!("`{last}` is not a tag: the last column is `O` or B-, I-, E-, S-, L- or U- and a label")
            };
            problems.push(Problem { line: line_no, message });
            continue;
        };
        let offset = if has_offsets { cols[1].parse().ok() } else { None };
        let token = Token { text: cols[0].to_owned(), offset, line: line_no, sentence_end: false };
        tokens.push(RawToken { token, tag });
    }
    if let Some((_, tokens)) = docs.last_mut()
        && let Some(last) = tokens.last_mut()
    {
        last.token.sentence_end = true;
    }
    let mut notes = Vec::new();
    let scheme = scheme.unwrap_or_else(|| detect(&docs, &mut notes));
    let mut out = Vec::new();
    for (mut doc, tokens) in docs.into_iter().filter(|(_, t)| !t.is_empty()) {
        doc.spans = decode(&tokens, scheme, &mut problems);
        doc.tokens = tokens.into_iter().map(|t| t.token).collect();
        out.push(doc);
    }
    if problems.is_empty() {
        Ok(ConllFile { docs: out, scheme, notes })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// Starts a document at `line`: the current one goes on when it has no tokens yet (a `-DOCSTART-` followed by
/// a `# doc_id` is one document).
fn start_doc(docs: &mut Vec<(ConllDoc, Vec<RawToken>)>, name: Option<String>, line: usize) {
    let (doc, tokens) = docs.last_mut().expect("there is always a document");
    if tokens.is_empty() {
        doc.name = name.or(doc.name.take());
        doc.line = line;
        return;
    }
    docs.push((ConllDoc { name, line, ..ConllDoc::default() }, Vec::new()));
}

/// Whether a `#` line is a comment rather than the token `#`: it is unless it has a tag for its last column
/// and no `=`.
fn is_comment(cols: &[&str]) -> bool {
    cols.len() < 2 || cols.iter().any(|c| c.contains('=')) || cols.last().and_then(|t| parse_tag(t)).is_none()
}

/// Whether the file's second column is Tarmeez's offset: every token line has three columns, the middle one a
/// number.
fn offset_column(lines: &[(usize, &str)]) -> bool {
    let mut any = false;
    for (_, line) in lines {
        let cols = columns(line);
        if cols.is_empty() || cols[0] == "-DOCSTART-" || (line.starts_with('#') && is_comment(&cols)) {
            continue;
        }
        if cols.len() != 3 || cols[1].is_empty() || !cols[1].bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        any = true;
    }
    any
}

/// The scheme the tags show: BIOES if any tag is `E-`, `S-`, `L-` or `U-`; IOB1 if an `I-` starts a span
/// (with a note naming its line); else IOB2.
fn detect(docs: &[(ConllDoc, Vec<RawToken>)], notes: &mut Vec<String>) -> Scheme {
    let tags = || docs.iter().flat_map(|(_, t)| t);
    if tags().any(|t| matches!(t.tag, Tag::Part('E' | 'S', _))) {
        return Scheme::Bioes;
    }
    for (_, tokens) in docs {
        for (i, t) in tokens.iter().enumerate() {
            if let Tag::Part('I', label) = &t.tag
                && !continues(tokens, i, label)
            {
                notes.push(format!(
                    "read as IOB1 (CoNLL-2003's original scheme, where I- may start a span): line {} starts a \
                     span with I-{label}",
                    t.token.line
                ));
                return Scheme::Iob1;
            }
        }
    }
    Scheme::Iob2
}

/// Whether token `i` (tagged with `label`) follows a token of a span of the same label in its sentence.
fn continues(tokens: &[RawToken], i: usize, label: &str) -> bool {
    i > 0 && !tokens[i - 1].token.sentence_end && matches!(&tokens[i - 1].tag, Tag::Part('B' | 'I', l) if l == label)
}

/// The spans of a document's tags in `scheme`; tags the scheme does not allow are problems.
fn decode(tokens: &[RawToken], scheme: Scheme, problems: &mut Vec<Problem>) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    // The span being read: its first token and label.
    let mut open: Option<(usize, String)> = None;
    let mut close = |open: &mut Option<(usize, String)>, last: usize| {
        if let Some((first, label)) = open.take() {
            spans.push(TokenSpan { first, last, label, line: tokens[first].token.line });
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        let line = t.token.line;
        let mut refuse = |message: String| problems.push(Problem { line, message });
        let same = |open: &Option<(usize, String)>, label: &str| open.as_ref().is_some_and(|(_, l)| l == label);
        match (&t.tag, scheme) {
            (Tag::Outside, Scheme::Bioes) if open.is_some() => {
                refuse(unclosed(tokens, open.take().expect("checked")));
            }
            (Tag::Outside, _) => close(&mut open, i.wrapping_sub(1)),
            (Tag::Part(p @ ('E' | 'S'), _), Scheme::Iob1 | Scheme::Iob2) => {
                refuse(format!("{p}- is not a tag of {scheme}; give --scheme bioes if the file is BIOES or BILOU"));
            }
            (Tag::Part('B', label), Scheme::Iob1 | Scheme::Iob2) | (Tag::Part('I', label), Scheme::Iob1)
                if !(t.tag_is('I') && same(&open, label)) =>
            {
                close(&mut open, i.wrapping_sub(1));
                open = Some((i, label.clone()));
            }
            (Tag::Part('I', label), Scheme::Iob2) if !same(&open, label) => refuse(format!(
                "I-{label} does not continue a span of {label} (IOB2 starts each span with B-); give --scheme iob1 \
                 if the file is CoNLL-2003's original IOB1"
            )),
            (Tag::Part(_, _), Scheme::Iob1 | Scheme::Iob2) => {}
            (Tag::Part(p @ ('B' | 'S'), label), Scheme::Bioes) => {
                if let Some(o) = open.take() {
                    refuse(unclosed(tokens, o));
                }
                open = Some((i, label.clone()));
                if *p == 'S' {
                    close(&mut open, i);
                }
            }
            (Tag::Part(p, label), Scheme::Bioes) => {
                if !same(&open, label) {
                    open = None;
                    refuse(format!("{p}-{label} is not inside a span of {label} begun by B-{label}"));
                } else if *p == 'E' {
                    close(&mut open, i);
                }
            }
        }
        if t.token.sentence_end {
            match scheme {
                Scheme::Bioes => {
                    if let Some(o) = open.take() {
                        problems.push(Problem { line, message: unclosed(tokens, o) });
                    }
                }
                _ => close(&mut open, i),
            }
        }
    }
    spans
}

/// The message for a BIOES span begun and never ended.
fn unclosed(tokens: &[RawToken], (first, label): (usize, String)) -> String {
    format!("the span of {label} begun on line {} is not ended by E-{label} (or L-{label})", tokens[first].token.line)
}

impl RawToken {
    fn tag_is(&self, letter: char) -> bool {
        matches!(self.tag, Tag::Part(p, _) if p == letter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(content: &str, scheme: Option<Scheme>) -> Vec<(usize, usize, String)> {
        let file = parse(content, scheme).unwrap();
        file.docs.iter().flat_map(|d| d.spans.iter().map(|s| (s.first, s.last, s.label.clone()))).collect()
    }

    #[test]
    fn each_scheme_gives_the_same_spans() {
        let iob2 = "a B-PER\nb I-PER\nc O\nd B-LOC\ne B-LOC\n";
        let iob1 = "a I-PER\nb I-PER\nc O\nd I-LOC\ne B-LOC\n";
        let bioes = "a B-PER\nb E-PER\nc O\nd S-LOC\ne S-LOC\n";
        let bilou = "a B-PER\nb L-PER\nc O\nd U-LOC\ne U-LOC\n";
        let want = vec![(0, 1, "PER".to_owned()), (3, 3, "LOC".to_owned()), (4, 4, "LOC".to_owned())];
        for content in [iob2, iob1, bioes, bilou] {
            assert_eq!(spans(content, None), want, "{content}");
        }
        assert_eq!(parse(iob2, None).unwrap().scheme, Scheme::Iob2);
        let file = parse(iob1, None).unwrap();
        assert_eq!(file.scheme, Scheme::Iob1);
        assert!(file.notes[0].contains("line 1 starts a span with I-PER"), "{:?}", file.notes);
        assert_eq!(parse(bilou, None).unwrap().scheme, Scheme::Bioes);
    }

    #[test]
    fn an_ill_formed_sequence_is_refused_with_its_line() {
        let stray = parse("a O\nb I-PER\n", Some(Scheme::Iob2)).unwrap_err();
        assert_eq!(stray[0].line, 2);
        assert!(stray[0].message.contains("does not continue"), "{stray:?}");
        let unended = parse("a B-PER\nb I-PER\n\nc O\n", Some(Scheme::Bioes)).unwrap_err();
        assert_eq!((unended[0].line, unended.len()), (2, 1), "{unended:?}");
        assert!(unended[0].message.contains("begun on line 1"), "{unended:?}");
        let bad = parse("a B-PER\nb X-PER\nc\n", None).unwrap_err();
        assert_eq!(bad.iter().map(|p| p.line).collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn documents_comments_offsets_and_sentences() {
        let content = "# doc_id = d1\n# annotator = a\nx\t0\tB-LOC\ny\t2\tO\n\n# doc_id = d2\nz\t0\tO\n";
        let file = parse(content, None).unwrap();
        assert_eq!(file.docs.len(), 2);
        assert_eq!(file.docs[0].name.as_deref(), Some("d1"));
        assert_eq!(file.docs[0].annotator.as_deref(), Some("a"));
        assert_eq!(file.docs[0].tokens[1].offset, Some(2));
        assert!(file.docs[0].tokens[1].sentence_end);
        let conll03 = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- -X- O\n\n# O\n";
        let file = parse(conll03, None).unwrap();
        assert_eq!(file.docs.len(), 2);
        assert_eq!(file.docs[0].tokens[0].offset, None);
        assert_eq!(file.docs[1].tokens[0].text, "#", "a `#` with a tag is a token");
    }
}
