//! The window's layout at the sizes coders use: the article's text column is never covered by a side panel
//! and never narrower than a readable line while a panel could give way; the panels narrow, then fold to a
//! strip with a button, to keep it so.

use crate::common;
use common::*;
use eframe::egui::{self, Rect, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::article_view::READABLE_CHARS;

/// The whole window at `size` on a copy of the sample, coded by huda.
fn window_of(size: [f32; 2], dir: &std::path::Path) -> Harness<'static, TarmeezApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut TarmeezApp| app.show(ui), TarmeezApp::new(Some(open_as(dir, "huda")), None));
    h.run();
    h
}

/// The side panels' rectangles, from their resize handles (a panel reaches from the window's edge to its
/// handle) and from the buttons of panels folded to a strip.
fn panel_rects(h: &Harness<'_, TarmeezApp>, width: f32, height: f32) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut handles: Vec<Rect> = h.query_all_by_role(Role::Splitter).map(|n| n.rect()).collect();
    handles.sort_by(|a, b| a.center().x.total_cmp(&b.center().x));
    for handle in handles {
        let x = handle.center().x;
        if x < width / 2.0 {
            rects.push(Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(x, height)));
        } else {
            rects.push(Rect::from_min_max(egui::pos2(x, 0.0), egui::pos2(width, height)));
        }
    }
    for label in ["Show the document list", "Show the inspector"] {
        if let Some(button) = h.query_by_label(label) {
            rects.push(button.rect());
        }
    }
    rects
}

/// The x extent, on screen, of the glyphs of the article's first line.
fn first_line_extent(h: &Harness<'_, TarmeezApp>) -> (f32, f32) {
    let (layout, origin) = h.state().article().drawn_layout().expect("the article is drawn");
    let boxes = layout.grapheme_boxes(f32::MIN, f32::MAX);
    let line = boxes.first().expect("a first line");
    let left = line.iter().map(|b| b.rect.x0).fold(f32::INFINITY, f32::min);
    let right = line.iter().map(|b| b.rect.x1).fold(f32::NEG_INFINITY, f32::max);
    (origin.x + left, origin.x + right)
}

/// Asserts what a coder needs at this window size: the article's whole width visible, clear of every panel,
/// its first line inside it, and at least a readable line's width.
fn assert_article_is_clear(h: &Harness<'_, TarmeezApp>, width: f32, height: f32) {
    let article = h.get_by_role(Role::Document).rect();
    for panel in panel_rects(h, width, height) {
        let overlap = article.intersect(panel);
        assert!(
            overlap.width() <= 0.5 || overlap.height() <= 0.0,
            "a panel {panel:?} covers the article {article:?} at {width}x{height}"
        );
    }
    assert!(article.right() <= width && article.left() >= 0.0, "the article {article:?} is inside the window");
    // The toolbar above the article wraps rather than running under a panel.
    for label in ["layer", "labels", "+"] {
        let control = h.get_by_label(label).rect();
        for panel in panel_rects(h, width, height) {
            assert!(control.intersect(panel).width() <= 0.5, "{label} {control:?} runs under a panel {panel:?}");
        }
    }
    let (left, right) = first_line_extent(h);
    assert!(left >= article.left() && right <= article.right(), "first line {left}..{right} in {article:?}");
    let (layout, _) = h.state().article().drawn_layout().unwrap();
    let chars = layout.text().len_chars() as f32;
    let per_line = chars / layout.line_count() as f32;
    assert!(
        per_line >= READABLE_CHARS * 0.85,
        "about {per_line:.0} characters a line at {width}x{height}, fewer than a readable {READABLE_CHARS}"
    );
}

#[test]
fn at_1024_by_680_no_panel_covers_the_article_and_lines_are_whole() {
    let (_tmp, dir) = sample_copy();
    let h = window_of([1024.0, 680.0], &dir);
    assert_article_is_clear(&h, 1024.0, 680.0);
    // Both panels stay open at this size: the coder sees the list and the inspector.
    assert_eq!(h.get_all_by_role(Role::Splitter).count(), 2, "both side panels are open");
}

#[test]
fn in_narrower_windows_the_panels_give_way_before_the_article_does() {
    let (_tmp, dir) = sample_copy();
    for (w, h) in [(900.0, 680.0), (800.0, 600.0), (640.0, 480.0)] {
        let harness = window_of([w, h], &dir);
        assert_article_is_clear(&harness, w, h);
        drop(harness);
    }
}

#[test]
fn a_folded_panel_opens_from_its_strip_and_the_other_folds_instead() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([800.0, 600.0], &dir);
    let title = h.state().project().unwrap().documents()[0].title().to_owned();
    let row = format!("{title} · new, 0 mentions, 0 events");
    assert!(h.query_by_label(&row).is_none(), "the document list is folded at 800 wide");
    h.get_by_label("Inspector");
    h.get_by_label("Show the document list").click();
    h.run();
    h.get_by_label(&row);
    assert!(h.query_by_label("Inspector").is_none(), "the inspector folds to make room");
    assert_article_is_clear(&h, 800.0, 600.0);
    h.get_by_label("Show the inspector").click();
    h.run();
    h.get_by_label("Inspector");
    assert!(h.query_by_label(&row).is_none());
}

#[test]
fn zooming_in_narrows_the_panels_rather_than_the_lines() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([1024.0, 680.0], &dir);
    for _ in 0..3 {
        press(&mut h, egui::Modifiers::COMMAND, egui::Key::Plus);
    }
    assert!(h.state().article().zoom() > 1.4);
    assert_article_is_clear(&h, 1024.0, 680.0);
}

#[test]
fn a_panel_narrowed_for_a_small_window_gets_its_width_back_when_the_window_grows() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([1280.0, 860.0], &dir);
    let handles = |h: &Harness<'_, TarmeezApp>| {
        let mut xs: Vec<f32> = h.get_all_by_role(Role::Splitter).map(|n| n.rect().center().x).collect();
        xs.sort_by(f32::total_cmp);
        xs
    };
    let wide = handles(&h);
    h.set_size(egui::vec2(900.0, 680.0));
    h.run();
    h.set_size(egui::vec2(1280.0, 860.0));
    h.run();
    assert_eq!(handles(&h), wide, "the panels are as wide as before");
}

#[test]
fn a_panel_keeps_the_width_the_coder_drags_it_to() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([1280.0, 860.0], &dir);
    let left_handle = |h: &Harness<'_, TarmeezApp>| {
        h.get_all_by_role(Role::Splitter).map(|n| n.rect().center()).min_by(|a, b| a.x.total_cmp(&b.x)).unwrap()
    };
    let from = left_handle(&h);
    let to = from - egui::vec2(60.0, 0.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=4 {
        h.hover_at(from + (to - from) * (i as f32 / 4.0));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    h.run();
    assert!((left_handle(&h).x - to.x).abs() <= 2.0, "the list is {:?} wide, dragged to {to:?}", left_handle(&h));
}

/// The width `text` takes in the window's body font.
fn text_width(h: &Harness<'_, TarmeezApp>, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    h.ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)).size().x
}

#[test]
fn the_schema_editor_fields_are_wide_enough_for_the_names_they_hold() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([1024.0, 680.0], &dir);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Schema editor").click();
    h.run();
    let schema = h.state().project().unwrap().config().schema.clone();
    let mut fields: Vec<(String, String)> = Vec::new();
    for t in &schema.entity_types {
        fields.push((format!("Name of {}", t.id), t.name.clone()));
    }
    for t in &schema.event_types {
        fields.push((format!("Name of {}", t.id), t.name.clone()));
        for r in &t.roles {
            fields.push((format!("Name of role {}", r.id), r.name.clone()));
        }
    }
    let mut seen = 0;
    for (label, name) in fields {
        for field in h.query_all_by_label(&label) {
            let (shown, needed) = (field.rect().width(), text_width(&h, &name));
            assert!(shown >= needed + 8.0, "{label} is {shown} wide for {name:?}, which needs {needed}");
            seen += 1;
        }
    }
    assert!(seen >= 12, "the editor's name fields were found ({seen})");
}

#[test]
fn a_drop_down_outside_the_inspector_shows_the_whole_choice() {
    let (_tmp, dir) = sample_copy();
    let mut h = window_of([1024.0, 680.0], &dir);
    h.get_by_label("Review suggestions").click();
    h.run();
    h.get_by_label("Suggestion type").click();
    h.run();
    let longest = h.state().project().unwrap().config().schema.event_types.iter().map(|t| t.name.clone());
    let longest = longest.max_by_key(|n| n.chars().count()).unwrap();
    h.get_by_label(&longest).click();
    h.run();
    let combo = h.get_by_label("Suggestion type").rect();
    let needed = text_width(&h, &longest);
    assert!(combo.width() >= needed + 16.0, "the drop-down is {} wide for {longest:?} ({needed})", combo.width());
}
