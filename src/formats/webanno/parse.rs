//! The body of a WebAnno TSV 3 file: sentences (`#Text=` lines, an optional `#Sentence.id=`) and their
//! units, tokens `1-3` and sub-tokens `1-3.1`, each with its offsets, its text and one raw value per
//! header column. The document's text is rebuilt from the sentences as INCEpTION rebuilds it: each sentence
//! at the offset of its first token, a gap filled with spaces (the format does not record text between
//! sentences); offsets are UTF-16 code units, as Java counts them, and are turned into code points here.

use super::header::{Header, parse_header};

/// One token or sub-token line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Its id, `1-3` or `1-3.1`.
    pub id: String,
    /// Its line in the file (1-based).
    pub line: usize,
    /// Its start in the rebuilt text, in code points.
    pub start: usize,
    /// Its end, in code points.
    pub end: usize,
    /// The raw value of each header column (escaped, stacked, with disambiguation ids).
    pub values: Vec<String>,
}

/// A parsed file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TsvFile {
    /// Its header.
    pub header: Header,
    /// Its units, in file order.
    pub units: Vec<Unit>,
    /// The document's text, rebuilt from the sentences (without the line break INCEpTION adds at its end).
    pub text: String,
    /// How many sentences it has.
    pub sentences: usize,
}

/// The text being rebuilt, with each code point's UTF-16 start so that offsets can be turned into code
/// points.
#[derive(Default)]
struct Rebuilt {
    text: String,
    /// The UTF-16 offset of each code point, and one past the end.
    utf16: Vec<usize>,
    /// The byte offset of each code point, and one past the end.
    bytes: Vec<usize>,
}

impl Rebuilt {
    fn len16(&self) -> usize {
        self.utf16.last().copied().unwrap_or(0)
    }

    fn push(&mut self, s: &str) {
        if self.utf16.is_empty() {
            self.utf16.push(0);
            self.bytes.push(0);
        }
        for c in s.chars() {
            self.text.push(c);
            let next = self.len16() + c.len_utf16();
            self.utf16.push(next);
            self.bytes.push(self.text.len());
        }
    }

    fn pop(&mut self) {
        if self.text.pop().is_some() {
            self.utf16.pop();
            self.bytes.pop();
        }
    }

    /// The code point at UTF-16 offset `u`, or `None` inside a surrogate pair or past the end.
    fn code_point(&self, u: usize) -> Option<usize> {
        if u == 0 {
            return Some(0);
        }
        self.utf16.binary_search(&u).ok()
    }

    /// The text between two code points.
    fn slice(&self, start: usize, end: usize) -> &str {
        match (self.bytes.get(start), self.bytes.get(end)) {
            (Some(&s), Some(&e)) if s <= e => &self.text[s..e],
            _ => "",
        }
    }
}

/// Parses a whole file; a refusal is `(line, message)`.
pub fn parse_tsv(content: &str) -> Result<TsvFile, (usize, String)> {
    let lines: Vec<&str> = content.lines().collect();
    let (header, mut at) = parse_header(&lines)?;
    let columns = header.columns.len();
    let mut file = TsvFile { header, ..TsvFile::default() };
    let mut text = Rebuilt::default();
    // The text of the sentence whose header is being read, each `#Text=` line ending in a line break.
    let mut sentence_text: Option<String> = None;
    let mut in_tokens = false;
    while let Some(raw) = lines.get(at) {
        let line = at + 1;
        at += 1;
        if raw.is_empty() {
            in_tokens = false;
            continue;
        }
        if raw.starts_with('#') && !in_tokens {
            if let Some(t) = raw.strip_prefix("#Text=") {
                let s = sentence_text.get_or_insert_with(String::new);
                s.push_str(&super::escape::unescape_text(t));
                s.push('\n');
            }
            // Other lines of a sentence's header (`#Sentence.id=`) say nothing about the annotations.
            continue;
        }
        let (id, start16, end16, token, values) = split_unit(raw, columns, line)?;
        if let Some(s) = sentence_text.take() {
            start_sentence(&mut text, &s, start16, line)?;
            file.sentences += 1;
        } else if !in_tokens {
            return Err((line, "a token line before any `#Text=` line: each sentence starts with its text".into()));
        }
        in_tokens = true;
        let (Some(start), Some(end)) = (text.code_point(start16), text.code_point(end16)) else {
            return Err((
                line,
                format!("offsets {start16}-{end16} are outside the sentence's text or inside a character"),
            ));
        };
        let actual = text.slice(start, end);
        if start > end || actual != token {
            return Err((
                line,
                format!(
                    "token `{token}` is not the text at {start16}-{end16} (`{actual}`); offsets are counted in \
                     UTF-16 units, as INCEpTION writes them"
                ),
            ));
        }
        file.units.push(Unit { id: id.to_owned(), line, start, end, values });
    }
    if sentence_text.is_some() {
        return Err((lines.len(), "the last sentence has no token lines".into()));
    }
    // INCEpTION's text always ends with the line break of the last `#Text=` line; the document had none.
    if text.text.ends_with('\n') {
        text.pop();
    }
    file.text = text.text;
    Ok(file)
}

/// A unit line's fields: id, UTF-16 start and end, token text and the annotation columns' raw values.
type UnitFields<'a> = (&'a str, usize, usize, &'a str, Vec<String>);

/// A unit line's fields: id, UTF-16 offsets, token text and the annotation columns.
fn split_unit(raw: &str, columns: usize, line: usize) -> Result<UnitFields<'_>, (usize, String)> {
    let fields: Vec<&str> = raw.split('\t').collect();
    if fields.len() < columns + 3 {
        return Err((
            line,
            format!(
                "{} columns where the header declares {} (id, offsets, token and {columns})",
                fields.len(),
                columns + 3
            ),
        ));
    }
    let offsets = fields[1].split_once('-').and_then(|(s, e)| Some((s.parse().ok()?, e.parse().ok()?)));
    let Some((start, end)) = offsets else {
        return Err((line, format!("`{}` is not offsets like 0-5", fields[1])));
    };
    if !fields[0].contains('-') {
        return Err((line, format!("`{}` is not a token id like 1-3 or 1-3.1", fields[0])));
    }
    let values = fields[3..columns + 3].iter().map(|v| (*v).to_owned()).collect();
    Ok((fields[0], start, end, fields[2], values))
}

/// Places a sentence's text at `start16`, the UTF-16 offset of its first token, as INCEpTION does: the
/// previous sentence's closing line break is taken back when the sentences touch, a gap is filled with
/// spaces.
fn start_sentence(text: &mut Rebuilt, sentence: &str, start16: usize, line: usize) -> Result<(), (usize, String)> {
    if text.len16() > start16 && text.text.ends_with('\n') {
        text.pop();
    }
    if text.len16() > start16 {
        return Err((line, format!("the sentence starts at {start16}, inside the text of the sentence before")));
    }
    let gap = start16 - text.len16();
    text.push(&" ".repeat(gap));
    text.push(sentence);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_units_and_become_code_points() {
        let tsv = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=I like it 😊 .\n\
                   1-1\t0-1\tI\t_\t\n1-2\t2-6\tlike\t_\t\n1-3\t7-9\tit\t_\t\n1-4\t10-12\t😊\t*\t\n1-5\t13-14\t.\t_\t\n";
        let file = parse_tsv(tsv).unwrap();
        assert_eq!(file.text, "I like it 😊 .");
        let emoji = &file.units[3];
        assert_eq!((emoji.start, emoji.end, emoji.values[0].as_str()), (10, 11, "*"));
        assert_eq!((file.units[4].start, file.units[4].end), (12, 13));
        // The same file with code point offsets, as a tool that is not Java might write it.
        let wrong = tsv.replace("1-5\t13-14", "1-5\t12-13");
        let (line, msg) = parse_tsv(&wrong).unwrap_err();
        assert_eq!(line, 10);
        assert!(msg.contains("UTF-16"), "{msg}");
    }

    #[test]
    fn sentences_are_placed_at_their_first_token() {
        let tsv = "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=one\n1-1\t0-3\tone\t\n\n#Text=two\n2-1\t3-6\ttwo\t\n\n\
                   #Sentence.id=s3\n#Text=three\n#Text=lines\n3-1\t8-13\tthree\t\n3-2\t14-19\tlines\t\n";
        let file = parse_tsv(tsv).unwrap();
        assert_eq!(file.text, "onetwo\n three\nlines");
        assert_eq!(file.sentences, 3);
        assert_eq!(file.units.len(), 4);
        let short = "#FORMAT=WebAnno TSV 3.3\n#T_SP=x.Span|value\n\n\n#Text=one\n1-1\t0-3\tone\n";
        assert!(parse_tsv(short).unwrap_err().1.contains("columns"));
    }
}
