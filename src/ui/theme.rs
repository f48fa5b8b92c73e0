//! The window's look in both themes (egui's dark and light, switched with View > Dark theme, Ctrl+T, and
//! following the system's at first): a calmer tooltip delay, and text colours that keep a readable contrast
//! on the backgrounds they are drawn on (WCAG: 4.5:1 for body text, 3:1 for secondary text).

use eframe::egui::{self, Color32, Theme};

/// Seconds the pointer rests still before a tooltip shows. egui's 0.5 s pops tooltips over the article's
/// next lines as soon as a coder pauses on a word to read.
pub const TOOLTIP_DELAY: f32 = 1.0;

/// Sets both themes' styles on `ctx` (once, at the first frame).
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.style_mut_of(theme, |style| {
            style.interaction.tooltip_delay = TOOLTIP_DELAY;
            style.interaction.show_tooltips_only_when_still = true;
            readable_colors(&mut style.visuals);
        });
    }
}

/// egui's colours where they fall short of WCAG contrast on the backgrounds the window draws them on
/// (the figures before and after are in the test below).
fn readable_colors(v: &mut egui::Visuals) {
    // Secondary text (a document's progress, the selection hint) was the body colour at 60%.
    v.weak_text_alpha = 0.7;
    if v.dark_mode {
        // Grey 140 was 3.8:1 on a chip's grey 50 (role fillers) and 3.1:1 on a hovered row.
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(180);
        v.error_fg_color = Color32::from_rgb(255, 90, 90);
    } else {
        v.error_fg_color = Color32::from_rgb(200, 0, 0);
        v.warn_fg_color = Color32::from_rgb(180, 80, 0);
        v.hyperlink_color = Color32::from_rgb(0, 100, 190);
    }
}

/// Black or white, whichever reads better on `fill` painted over `page` (a chip filled with a type's colour:
/// black on those colours dimmed over the dark theme's panel is 2.2-3.6:1, white 5.8-9.4:1).
pub fn text_on(fill: Color32, page: Color32) -> Color32 {
    let keep = 1.0 - f32::from(fill.a()) / 255.0;
    let channel = |f: u8, p: u8| {
        let c = (f32::from(f) + f32::from(p) * keep).min(255.0) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let l = 0.2126 * channel(fill.r(), page.r())
        + 0.7152 * channel(fill.g(), page.g())
        + 0.0722 * channel(fill.b(), page.b());
    // Equal contrast with black and white where (l + 0.05)^2 = 1.05 * 0.05.
    if l > 0.179 { Color32::BLACK } else { Color32::WHITE }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an sRGB colour, written out from the standard (not taken from egui).
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG 2 contrast ratio of two opaque colours.
    fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// `top` (egui's premultiplied alpha) painted over the opaque `under`, as egui blends: in sRGB bytes.
    fn over(top: Color32, under: [u8; 3]) -> [u8; 3] {
        let keep = 1.0 - f64::from(top.a()) / 255.0;
        let mix = |t: u8, u: u8| (f64::from(t) + f64::from(u) * keep).round().min(255.0) as u8;
        [mix(top.r(), under[0]), mix(top.g(), under[1]), mix(top.b(), under[2])]
    }

    fn opaque(c: Color32) -> [u8; 3] {
        over(c, [0, 0, 0])
    }

    /// Every text colour the window draws and the background it is drawn on, with the contrast it needs.
    fn pairs(v: &egui::Visuals) -> Vec<(&'static str, Color32, [u8; 3], f64)> {
        let panel = opaque(v.panel_fill);
        let window = opaque(v.window_fill);
        let w = &v.widgets;
        let (body, secondary) = (4.5, 3.0);
        vec![
            ("text on a panel", v.text_color(), panel, body),
            ("text in a window or tooltip", v.text_color(), window, body),
            ("the article's text", v.strong_text_color(), panel, body),
            ("text in a text field", v.text_color(), opaque(v.text_edit_bg_color()), body),
            ("a field's own text colour", w.inactive.text_color(), opaque(v.text_edit_bg_color()), body),
            ("a button's text", w.inactive.text_color(), opaque(w.inactive.weak_bg_fill), body),
            ("a hovered button's text", w.hovered.text_color(), opaque(w.hovered.weak_bg_fill), body),
            ("a pressed button's text", w.active.text_color(), opaque(w.active.weak_bg_fill), body),
            ("a chip's text (role fillers)", v.text_color(), opaque(w.inactive.weak_bg_fill), body),
            ("a hovered chip's text", v.text_color(), opaque(w.hovered.weak_bg_fill), body),
            ("a hovered row's text", v.text_color(), opaque(w.hovered.weak_bg_fill), body),
            ("a selected row's text", v.selection.stroke.color, opaque(v.selection.bg_fill), body),
            ("a striped row's text", v.text_color(), over(v.faint_bg_color, window), body),
            ("an error", v.error_fg_color, panel, body),
            ("a warning", v.warn_fg_color, panel, body),
            ("a link-like row (new actor)", v.hyperlink_color, panel, body),
            ("secondary text on a panel", v.weak_text_color(), panel, secondary),
            ("secondary text in a window", v.weak_text_color(), window, secondary),
            ("a hovered row's second line", v.weak_text_color(), opaque(w.hovered.weak_bg_fill), secondary),
            ("a selected row's second line", v.selection.stroke.color, opaque(v.selection.bg_fill), secondary),
        ]
    }

    #[test]
    fn text_keeps_its_contrast_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut failures = Vec::new();
        for theme in [Theme::Dark, Theme::Light] {
            let style = ctx.style_of(theme);
            for (what, fg, bg, min) in pairs(&style.visuals) {
                let r = ratio(over(fg, bg), bg);
                if r < min {
                    failures.push(format!("{theme:?}: {what}: {r:.2}:1, needs {min}:1 ({fg:?} on {bg:?})"));
                }
            }
        }
        assert!(failures.is_empty(), "contrast too low:\n{}", failures.join("\n"));
    }

    /// The article's text on each entity type's band and on the selection, and the type labels drawn over the
    /// text (View > labels), in the default schema's colours: `text/scene.rs` draws bands at 80/255 (dark) and
    /// 56/255 (light) over the panel.
    #[test]
    fn the_article_keeps_its_contrast_on_highlights_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        let schema = crate::model::default_conflict_schema();
        let mut failures = Vec::new();
        for (theme, band_alpha, selection) in
            [(Theme::Dark, 80u8, [90u8, 140, 255, 110]), (Theme::Light, 56, [60, 120, 255, 80])]
        {
            let v = ctx.style_of(theme).visuals.clone();
            let panel = opaque(v.panel_fill);
            let text = opaque(v.strong_text_color());
            let sel = Color32::from_rgba_unmultiplied(selection[0], selection[1], selection[2], selection[3]);
            let mut backgrounds = vec![("the selection".to_owned(), over(sel, panel))];
            for t in &schema.entity_types {
                let [r, g, b] = t.color.0;
                let band = Color32::from_rgba_unmultiplied(r, g, b, band_alpha);
                backgrounds.push((format!("a {} band", t.id), over(band, panel)));
                let [lr, lg, lb, _] = crate::text::scene::label_color(t.color, v.dark_mode).0;
                let label = ratio([lr, lg, lb], panel);
                if label < 3.0 {
                    failures.push(format!("{theme:?}: the {} label: {label:.2}:1, needs 3:1", t.id));
                }
            }
            for (what, bg) in backgrounds {
                let r = ratio(text, bg);
                if r < 4.5 {
                    failures.push(format!("{theme:?}: text on {what}: {r:.2}:1, needs 4.5:1"));
                }
            }
        }
        assert!(failures.is_empty(), "contrast too low:\n{}", failures.join("\n"));
    }

    #[test]
    fn text_on_a_type_coloured_chip_reads_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [Theme::Dark, Theme::Light] {
            let page = ctx.style_of(theme).visuals.panel_fill;
            for t in crate::model::default_conflict_schema().entity_types {
                let [r, g, b] = t.color.0;
                // The inspector's type buttons: the type's colour at 60% over the panel.
                let fill = Color32::from_rgb(r, g, b).gamma_multiply(0.6);
                let bg = over(fill, opaque(page));
                let contrast = ratio(opaque(text_on(fill, page)), bg);
                assert!(contrast >= 4.5, "{theme:?} {}: {contrast:.2}:1", t.id);
            }
        }
    }

    #[test]
    fn the_formula_gives_the_standard_extremes() {
        assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((ratio([119, 119, 119], [255, 255, 255]) - 4.48).abs() < 0.01, "#777 on white is 4.48:1");
    }
}
