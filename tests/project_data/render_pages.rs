//! `tarmeez render --pages`: a document rendered page by page is the one image cut between lines, pixel for
//! pixel; a document too tall for one image is refused as one and rendered in pages; and the pages of the
//! 500k-character document are cut at the whole layout's line tops, each at most a page tall.

use crate::common;
use common::*;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use tarmeez::formats::png_render::{MARGIN, Pages, RenderOptions};
use tarmeez::model::DocText;
use tarmeez::text::long_document::{LONG_DOCUMENT_CHARS, long_document};
use tarmeez::text::scene::HighlightSet;
use tarmeez::text::{LayoutEngine, LayoutParams};
use tiny_skia::Pixmap;

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "cli-test").output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn seed() -> String {
    std::fs::read_to_string(sample_dir().join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap()
}

fn decode(path: &Path) -> Pixmap {
    Pixmap::decode_png(&std::fs::read(path).unwrap()).unwrap()
}

/// The pages `<stem>-0001.png`, `<stem>-0002.png`, ... in `dir`, in order.
fn pages_in(dir: &Path, stem: &str) -> Vec<Pixmap> {
    (1..).map(|n| dir.join(format!("{stem}-{n:04}.png"))).take_while(|p| p.exists()).map(|p| decode(&p)).collect()
}

#[test]
fn pages_stacked_are_the_one_image_pixel_for_pixel() {
    let (tmp, dir) = sample_copy();
    let d = dir.to_str().unwrap();
    for style in [&["--labels"][..], &["--dark"][..]] {
        let one = tmp.path().join("one.png");
        ok(&tarmeez(&[&["render", d, SAMPLE_DOC, "--out", one.to_str().unwrap(), "--width", "640"], style].concat()));
        let paged = tmp.path().join("paged.png");
        let args = ["render", d, SAMPLE_DOC, "--out", paged.to_str().unwrap(), "--width", "640", "--pages"];
        let said = ok(&tarmeez(&[&args[..], &["--page-height", "300"], style].concat()));
        let one = decode(&one);
        let pages = pages_in(tmp.path(), "paged");
        assert!(pages.len() > 3, "{said}");
        assert!(said.contains(&format!("wrote {} page(s)", pages.len())), "{said}");
        let mut stacked = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.width(), 640);
            assert!(page.height() <= 300, "page {} is {} rows", i + 1, page.height());
            stacked.extend_from_slice(page.data());
        }
        assert_eq!(pages.iter().map(Pixmap::height).sum::<u32>(), one.height(), "{style:?}: the same height");
        let row = 640 * 4;
        let differing = stacked.chunks(row).zip(one.data().chunks(row)).position(|(a, b)| a != b);
        assert_eq!(differing, None, "{style:?}: the first image row that differs");
        for page in pages_in(tmp.path(), "paged").iter().enumerate() {
            std::fs::remove_file(tmp.path().join(format!("paged-{:04}.png", page.0 + 1))).unwrap();
        }
    }
}

#[test]
fn a_document_too_tall_for_one_image_is_refused_and_rendered_in_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("project");
    let d = dir.to_str().unwrap();
    ok(&tarmeez(&["new", d, "--name", "Long"]));
    let txt = tmp.path().join("long.txt");
    std::fs::write(&txt, long_document(&seed(), 20_000)).unwrap();
    ok(&tarmeez(&["import-text", d, txt.to_str().unwrap()]));
    let out = tmp.path().join("long.png");
    let narrow = ["--width", "200", "--font-size", "22"];
    let refused = tarmeez(&[&["render", d, "long", "--out", out.to_str().unwrap()], &narrow[..]].concat());
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("too tall for one image") && err.contains("--pages"), "{err}");
    assert!(!out.exists());
    let said = ok(&tarmeez(&[&["render", d, "long", "--out", out.to_str().unwrap(), "--pages"], &narrow[..]].concat()));
    let pages = pages_in(tmp.path(), "long");
    assert!(said.contains(&format!("wrote {} page(s)", pages.len())), "{said}");
    assert!(said.contains("long-0001.png"), "{said}");
    // The default page has the proportion of an A4 sheet.
    assert!(pages.iter().all(|p| p.width() == 200 && p.height() <= 283));
    assert!(pages.iter().map(Pixmap::height).sum::<u32>() > 40_000);
}

#[test]
fn the_long_document_is_cut_at_line_tops_into_pages_at_most_a_page_tall() {
    let text = Arc::new(DocText::new(long_document(&seed(), LONG_DOCUMENT_CHARS)));
    let options = RenderOptions::default();
    let set = HighlightSet::default();
    let page_height = 1414;
    let mut pages = Pages::new(text.clone(), &set, None, options, page_height).unwrap();
    let mut rows = Vec::new();
    while let Some(r) = pages.next_rows() {
        rows.push(r);
    }
    // The oracle: the whole layout at the same width, placed as the one image would place it.
    let params = LayoutParams {
        font_size: options.font_size,
        width: options.width as f32 - 2.0 * MARGIN,
        ..LayoutParams::default()
    };
    let whole = LayoutEngine::new().layout(text, params);
    let end = (MARGIN + whole.height() + MARGIN).ceil() as u32;
    let mut line_tops: Vec<u32> = Vec::new();
    for p in whole.paragraphs() {
        let tops = if p.line_tops().is_empty() { vec![0.0] } else { p.line_tops().to_vec() };
        line_tops.extend(tops.iter().map(|t| (MARGIN + p.top + t).round() as u32));
    }
    assert_eq!(rows[0].start, 0);
    assert_eq!(rows.last().unwrap().end, end, "the pages cover the image to its end");
    for (i, pair) in rows.windows(2).enumerate() {
        let (page, next) = (&pair[0], &pair[1]);
        assert_eq!(page.end, next.start, "page {} follows page {}", i + 2, i + 1);
        assert!(page.end - page.start <= page_height);
        assert!(line_tops.binary_search(&page.end).is_ok(), "page {} ends at a line top ({})", i + 1, page.end);
        let last_fitting = line_tops.iter().rev().find(|&&t| t <= page.start + page_height).unwrap();
        assert_eq!(page.end, *last_fitting, "page {} ends at the last line top that fits", i + 1);
    }
    let line = params.line_px().ceil() as u32;
    let total = end as usize;
    assert!(rows.len() >= total.div_ceil(page_height as usize));
    assert!(rows.len() <= total.div_ceil((page_height - line) as usize));
    println!("{} pages for {total} rows", rows.len());
}
