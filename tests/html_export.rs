//! The HTML export, read back with an XML parser that knows nothing of the exporter: the article's text is
//! the document's text, and every letter is covered by exactly the marks of the mentions and triggers whose
//! spans hold it, also where spans nest, cross each other or cross a line break.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;

use common::{SAMPLE_DOC, open_as, open_read_only, sample_copy};
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;
use tarmeez::formats::html;
use tarmeez::model::{Annotator, DocId, DocumentMeta, Edit, Layer, Mention, MentionId, Span};

/// What a page says, as read by the XML parser.
#[derive(Debug, Default)]
struct Page {
    /// The article's text: its paragraphs joined by line breaks.
    text: String,
    /// For each code point of `text` that is not a line break: the ids of the marks around it (`m3`, `e1`).
    cover: BTreeMap<usize, BTreeSet<String>>,
    /// Each mark's tooltip, by id (from its first fragment).
    titles: BTreeMap<String, String>,
    /// `id` attributes of marks.
    anchors: Vec<String>,
    /// The `data-e` of each row of the events table.
    event_rows: Vec<String>,
    /// The `data-type` of each legend entry.
    legend: Vec<String>,
    /// Links (`href`) anywhere in the page.
    links: Vec<String>,
}

/// An attribute's value, unescaped (and, as XML does, with line breaks turned into spaces).
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).unwrap()?;
    Some(a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
}

/// Reads a page; panics if it is not well-formed (end tags not matching, unknown entities, ...).
fn read_page(xml: &str) -> Page {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut page = Page::default();
    let mut stack: Vec<String> = Vec::new();
    let mut marks: Vec<String> = Vec::new();
    let mut paragraphs = 0;
    let push_text = |page: &mut Page, stack: &[String], marks: &[String], s: &str| {
        // White space between paragraphs is not shown by a browser.
        let between_paragraphs = stack.last().is_some_and(|n| n == "article") && s.trim().is_empty();
        if !stack.iter().any(|n| n == "article") || between_paragraphs {
            return;
        }
        assert!(matches!(stack.last().map(String::as_str), Some("p" | "mark")), "text outside a paragraph");
        for c in s.chars() {
            let at = page.text.chars().count();
            page.text.push(c);
            page.cover.insert(at, marks.iter().cloned().collect());
        }
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let in_article = stack.iter().any(|n| n == "article");
                if in_article {
                    assert!(name == "p" || name == "mark", "only paragraphs and marks in the article, got {name}");
                }
                if name == "p" && in_article {
                    assert!(marks.is_empty(), "a mark left open across a paragraph");
                    if paragraphs > 0 {
                        page.text.push('\n');
                    }
                    paragraphs += 1;
                }
                if name == "mark" {
                    let id = match (attr(&e, "data-m"), attr(&e, "data-e")) {
                        (Some(m), None) => m,
                        (None, Some(ev)) => ev,
                        other => panic!("a mark names one mention or one event: {other:?}"),
                    };
                    if let Some(anchor) = attr(&e, "id") {
                        page.anchors.push(anchor);
                    }
                    let title = attr(&e, "title").unwrap_or_default();
                    page.titles.entry(id.clone()).or_insert(title);
                    marks.push(id);
                }
                if name == "tr"
                    && let Some(ev) = attr(&e, "data-e")
                {
                    page.event_rows.push(ev);
                }
                if name == "li"
                    && let Some(t) = attr(&e, "data-type")
                {
                    page.legend.push(t);
                }
                if name == "a"
                    && let Some(href) = attr(&e, "href")
                {
                    page.links.push(href);
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()));
                if name == "mark" {
                    marks.pop();
                }
            }
            Event::Text(t) => push_text(&mut page, &stack, &marks, &t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let s = match r.decode().unwrap().as_ref() {
                    "amp" => "&".to_owned(),
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "quot" => "\"".to_owned(),
                    "#39" => "'".to_owned(),
                    "#183" => "\u{b7}".to_owned(),
                    other => panic!("unexpected entity &{other};"),
                };
                push_text(&mut page, &stack, &marks, &s);
            }
            Event::Empty(_) | Event::DocType(_) | Event::Comment(_) | Event::CData(_) => {}
            Event::Decl(_) | Event::PI(_) => panic!("not in HTML"),
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    page
}

/// What should cover each letter: the ids of the mentions and triggers whose spans hold it.
fn expected_cover(text: &str, layer: &Layer) -> BTreeMap<usize, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            continue;
        }
        let mut ids: BTreeSet<String> =
            layer.mentions.iter().filter(|(_, m)| holds(m.span, i)).map(|(id, _)| id.to_string()).collect();
        ids.extend(layer.events.iter().filter(|(_, e)| holds(e.trigger, i)).map(|(id, _)| id.to_string()));
        out.insert(i, ids);
    }
    out
}

fn holds(span: Span, i: usize) -> bool {
    span.start <= i && i < span.end
}

fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

fn sample() -> Annotator {
    Annotator::parse("sample").unwrap()
}

/// Adds to the sample's layer a mention nested in m8 (`مدينة الميادين`), one crossing m8's start, and one
/// running over the line break after the first paragraph of the body into the next.
fn add_hard_spans(dir: &Path) -> (String, Layer) {
    let mut project = open_as(dir, "sample");
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let text = project.load_document(&doc).unwrap().text.as_str().to_owned();
    let madina = char_offset(&text, "مدينة الميادين");
    let breaks = char_offset(&text, "الميادين.\n\nوقالت");
    let added = [
        (40, Span::new(madina + 6, madina + 14), "LOCATION"),
        (41, Span::new(madina - 9, madina + 5), "ACTOR"),
        (42, Span::new(breaks, breaks + 16), "SOURCE"),
    ];
    for (id, span, ty) in added {
        project.apply(&doc, Edit::PutMention(MentionId(id), Some(Mention::new(span, ty)))).unwrap();
    }
    project.save_dirty().unwrap();
    let layer = project.load_document(&doc).unwrap().layers[&sample()].clone();
    (text, layer)
}

#[test]
fn every_letter_of_the_article_is_covered_by_exactly_its_marks() {
    let (_tmp, dir) = sample_copy();
    let (text, layer) = add_hard_spans(&dir);
    let out = dir.parent().unwrap().join("html");
    let project = open_read_only(&dir);
    let summary = html::export_html(&project, Some(&sample()), &out).unwrap();
    assert!(summary.not_expressed.is_empty() && summary.skipped.is_empty());
    assert_eq!(summary.spans, layer.mentions.len() + layer.events.len());

    let page = read_page(&std::fs::read_to_string(out.join(format!("{SAMPLE_DOC}.sample.html"))).unwrap());
    assert_eq!(page.text, text);
    let expected = expected_cover(&text, &layer);
    for (i, want) in &expected {
        assert_eq!(&page.cover[i], want, "code point {i} ({:?})", text.chars().nth(*i).unwrap());
    }
    assert_eq!(page.cover.len(), expected.len());

    // The spans really are hard: m8 is cut where m41 ends inside it, m42 where its line ends.
    let raw = std::fs::read_to_string(out.join(format!("{SAMPLE_DOC}.sample.html"))).unwrap();
    for id in ["m8", "m42"] {
        assert!(raw.matches(&format!("data-m=\"{id}\"")).count() >= 2, "{id} is written in fragments");
    }
    // Tooltips say the type and the linked actor; each trigger has one anchor, which the events table links.
    assert!(page.titles["m2"].starts_with("Actor: Liwa Abu al-Fadl al-Abbas"), "{}", page.titles["m2"]);
    assert!(page.titles["e1"].contains("Attacker: مليشيا أبو الفضل العباس"), "{}", page.titles["e1"]);
    let events: Vec<String> = layer.events.keys().map(|e| e.to_string()).collect();
    let mut anchors = page.anchors.clone(); // in text order
    anchors.sort();
    assert_eq!(anchors, events);
    assert_eq!(page.event_rows, events);
    for e in &events {
        assert!(page.links.contains(&format!("#{e}")));
    }
    let schema = &project.config().schema;
    let types: Vec<String> = schema
        .entity_types
        .iter()
        .map(|t| t.id.to_string())
        .chain(schema.event_types.iter().map(|t| t.id.to_string()))
        .collect();
    assert_eq!(page.legend, types);
    assert!(page.links.contains(&html::INDEX_FILE.to_owned()));
    // The relation e2 RESPONSE_TO e1, on both events' rows.
    assert!(raw.contains("In response to <a href=\"#e1\">e1</a>"), "the relation from e2");
    assert!(raw.contains("<a href=\"#e2\">e2</a> In response to it"), "the relation to e1");

    // The index links the page, and the font it uses is beside it.
    let index = read_page(&std::fs::read_to_string(out.join(html::INDEX_FILE)).unwrap());
    assert_eq!(index.links, [format!("{SAMPLE_DOC}.sample.html")]);
    let font = std::fs::read(out.join("fonts/NotoNaskhArabic-Regular.ttf")).unwrap();
    assert_eq!(&font[..4], &[0, 1, 0, 0], "a TrueType font");
}

#[test]
fn markup_characters_in_a_text_are_escaped_and_every_coder_gets_a_page() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let text = "Tom & Jerry <b>not bold</b> \"quoted\" 'single'\nسطر ثان\r\n";
    let meta = DocumentMeta { title: "<script>alert(1)</script>".into(), ..DocumentMeta::default() };
    let doc = project.add_document("markup", text.to_owned(), meta).unwrap();
    project.load_document(&doc).unwrap();
    let span = Span::new(4, 15); // "& Jerry <b>"
    project.apply(&doc, Edit::PutMention(MentionId(1), Some(Mention::new(span, "ACTOR")))).unwrap();
    project.save_dirty().unwrap();

    let out = dir.parent().unwrap().join("html");
    let summary = html::export_html(&open_read_only(&dir), None, &out).unwrap();
    assert_eq!(summary.layers, 2);
    let raw = std::fs::read_to_string(out.join("markup.huda.html")).unwrap();
    assert!(!raw.contains("<script>") && !raw.contains("<b>"));
    let page = read_page(&raw);
    assert_eq!(page.text, text);
    let layer = open_read_only(&dir).load_document(&doc).unwrap().layers[&Annotator::parse("huda").unwrap()].clone();
    for (i, want) in expected_cover(text, &layer) {
        assert_eq!(page.cover[&i], want, "code point {i}");
    }
    let index = read_page(&std::fs::read_to_string(out.join(html::INDEX_FILE)).unwrap());
    let mut links = index.links.clone();
    links.sort();
    assert_eq!(links, [format!("{SAMPLE_DOC}.sample.html"), "markup.huda.html".to_owned()]);
    for link in links {
        assert!(out.join(link).is_file());
    }
}

#[test]
fn the_command_line_writes_the_pages() {
    let (_tmp, dir) = sample_copy();
    let out = dir.parent().unwrap().join("pages");
    let run = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["export", dir.to_str().unwrap(), "--format", "html", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("index.html"), "{stdout}");
    let page = read_page(&std::fs::read_to_string(out.join(format!("{SAMPLE_DOC}.sample.html"))).unwrap());
    assert_eq!(page.event_rows.len(), 5);
}

#[test]
fn only_web_addresses_become_links_and_a_document_called_index_keeps_its_page() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    for (hint, url) in [("index", "javascript:alert(document.domain)"), ("web", " https://example.org/a?b=1&c=2 ")] {
        let meta = DocumentMeta { title: hint.into(), url: url.into(), ..DocumentMeta::default() };
        let doc = project.add_document(hint, format!("خبر {hint}"), meta).unwrap();
        project.load_document(&doc).unwrap();
        project.apply(&doc, Edit::PutMention(MentionId(1), Some(Mention::new(Span::new(0, 3), "ACTOR")))).unwrap();
    }
    project.save_dirty().unwrap();
    let out = dir.parent().unwrap().join("html");
    html::export_html(&open_read_only(&dir), Some(&Annotator::parse("huda").unwrap()), &out).unwrap();

    let page = std::fs::read_to_string(out.join("index.huda.html")).unwrap();
    assert!(!page.contains("href=\"javascript"), "a javascript: URL is shown, not linked");
    assert!(page.contains("javascript:alert(document.domain)"));
    let web = read_page(&std::fs::read_to_string(out.join("web.huda.html")).unwrap());
    assert!(web.links.contains(&"https://example.org/a?b=1&c=2".to_owned()), "{:?}", web.links);
    let index = read_page(&std::fs::read_to_string(out.join(html::INDEX_FILE)).unwrap());
    let mut links = index.links.clone();
    links.sort();
    assert_eq!(links, ["index.huda.html", "web.huda.html"]);
}

/// The quoted names in `s`, in order (`"a", "b"` gives a and b).
fn quoted(s: &str) -> Vec<String> {
    s.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The font files the page's `@font-face` rules give for its article's font stack, in the stack's order.
fn article_fonts(page: &str, out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut faces = BTreeMap::new();
    for line in page.lines().filter(|l| l.starts_with("@font-face")) {
        let q = quoted(line);
        assert_eq!(q.len(), 3, "family, file, format: {line}");
        faces.insert(q[0].clone(), std::fs::read(out.join(&q[1])).unwrap());
    }
    let stack = page.lines().find(|l| l.starts_with(".ar, article {")).expect("the article's font stack");
    quoted(stack).into_iter().filter_map(|family| faces.get(&family).map(|f| (family, f.clone()))).collect()
}

#[test]
fn the_page_carries_fonts_for_hebrew_emoji_and_arabic() {
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let text = "قال نتنياهو (בנימין נתניהו) إن «הכל בסדר» 😀🔥🙂\nThe post read: 👍 ❤️ 🤝 🕊️ 🫡";
    let doc = project.add_document("scripts", text.to_owned(), DocumentMeta::default()).unwrap();
    project.load_document(&doc).unwrap();
    project.apply(&doc, Edit::PutMention(MentionId(1), Some(Mention::new(Span::new(0, 3), "ACTOR")))).unwrap();
    project.save_dirty().unwrap();
    let out = dir.parent().unwrap().join("html");
    html::export_html(&open_read_only(&dir), Some(&Annotator::parse("huda").unwrap()), &out).unwrap();
    let page = std::fs::read_to_string(out.join("scripts.huda.html")).unwrap();

    let fonts = article_fonts(&page, &out);
    let families: Vec<&str> = fonts.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(families, ["Noto Naskh Arabic", "Noto Sans", "Noto Sans Hebrew", "Noto Emoji"], "in the app's order");
    // Every visible character of the article has a glyph in one of the page's own fonts, so the page needs
    // none installed.
    let lacking: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{FE0F}'))
        .filter(|&c| fonts.iter().all(|(_, bytes)| swash::FontRef::from_index(bytes, 0).unwrap().charmap().map(c) == 0))
        .collect();
    assert_eq!(lacking, Vec::<char>::new());
    for licence in ["fonts/OFL-1.1.txt", "fonts/NotoEmoji-OFL.txt"] {
        let text = std::fs::read_to_string(out.join(licence)).unwrap();
        assert!(text.contains("SIL OPEN FONT LICENSE Version 1.1"), "{licence}");
    }
}
