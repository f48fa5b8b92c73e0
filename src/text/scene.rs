//! What the article view draws besides glyphs: mention bands and underlines, event trigger boxes, dashed
//! suggestion outlines, the selection, optional type labels. Built once here as a display list, so that the
//! window and the PNG renderer draw exactly the same thing.

use super::{DocumentLayout, Rect};
use crate::model::{
    Annotator, EventId, Layer, MentionId, Rgb, Schema, SourceName, Span, SuggestedLabel, SuggestionId, SuggestionSet,
};
use std::ops::Range;

/// A colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    fn from_rgb(c: Rgb, alpha: u8) -> Self {
        let [r, g, b] = c.0;
        Rgba([r, g, b, alpha])
    }
}

/// The colour of the `i`th coder's lines while curating (and of their name in the queue): eight colours
/// that stay apart for the colour-blind too (Okabe and Ito's palette), then round again.
pub fn coder_color(i: usize) -> Rgb {
    const PALETTE: [[u8; 3]; 8] = [
        [0x00, 0x72, 0xB2],
        [0xE6, 0x9F, 0x00],
        [0x00, 0x9E, 0x73],
        [0xCC, 0x79, 0xA7],
        [0x56, 0xB4, 0xE9],
        [0xD5, 0x5E, 0x00],
        [0xF0, 0xE4, 0x42],
        [0x00, 0x00, 0x00],
    ];
    Rgb(PALETTE[i % PALETTE.len()])
}

/// The colour of a type's label over the text: the type's colour moved a third of the way to white on a
/// dark background, to black on a light one, so that every colour of the default schema keeps 3:1 against
/// the page (plain orange and green labels were 2.7:1 on the light page, purple 2.9:1 on the dark one).
pub fn label_color(c: Rgb, dark: bool) -> Rgba {
    let toward = if dark { 255.0 } else { 0.0 };
    let mix = |v: u8| (f32::from(v) + (toward - f32::from(v)) / 3.0).round() as u8;
    let [r, g, b] = c.0;
    Rgba([mix(r), mix(g), mix(b), 255])
}

/// What a highlight stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HighlightKey {
    /// A mention of the shown layer.
    Mention(MentionId),
    /// The trigger of an event of the shown layer.
    Trigger(EventId),
    /// A pending suggestion.
    Suggestion(SourceName, SuggestionId),
    /// A mention of another layer drawn beside the shown one: a coder's while curating, a gold one missed.
    Other(Annotator, MentionId),
    /// An event trigger of another layer drawn beside the shown one.
    OtherTrigger(Annotator, EventId),
    /// A span given as evidence of a field of the inspected event of the shown layer.
    Evidence(EventId, crate::model::FieldId),
}

/// How a highlight is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HighlightKind {
    /// A translucent band with an underline at its nesting level.
    Mention,
    /// A solid outline.
    Trigger,
    /// A dashed outline.
    Suggestion,
    /// A thin line in a coder's colour over the text, stacked by coder (curation).
    CoderLine,
    /// A gold mention the shown coder does not have (feedback): a dashed outline.
    Missed,
    /// A mention of the shown coder that the gold layer does not have (feedback): a solid outline.
    Extra,
    /// A role filler the event suggestion under review proposes: a light band under a dashed outline, its
    /// role named over it.
    Filler,
    /// Evidence of a field of the inspected event: a faint band under a thin dotted-looking outline, so that it
    /// shows where the record's fields come from without hiding the mentions.
    Evidence,
}

/// One span to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Covered text.
    pub span: Span,
    /// Drawing style.
    pub kind: HighlightKind,
    /// Type colour.
    pub color: Rgb,
    /// Underline level among overlapping mentions: 0 nearest the text.
    pub level: u8,
    /// Short type label ("ACTOR", "ATTACK", "LOCATION 0.95").
    pub label: String,
    /// The object it stands for.
    pub key: HighlightKey,
}

/// A drawing primitive in document coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Fill(Rect, Rgba),
    /// A rectangle outline of the given stroke width.
    Outline(Rect, Rgba, f32),
    /// A dashed rectangle outline of the given stroke width.
    Dashed(Rect, Rgba, f32),
    /// Small text whose baseline starts at `(x, y)`; `right_aligned` means x is its right edge.
    Label {
        /// Anchor x.
        x: f32,
        /// Baseline y.
        y: f32,
        /// The text.
        text: String,
        /// Colour.
        color: Rgba,
        /// Whether `x` is the right edge.
        right_aligned: bool,
    },
}

/// Choices that change how highlights look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneStyle {
    /// Dark background: stronger bands.
    pub dark: bool,
    /// Small type labels above each span's start.
    pub labels: bool,
    /// Layout font size, to scale strokes and underlines.
    pub font_size: f32,
}

/// Label font size for a given text size.
pub fn label_size(font_size: f32) -> f32 {
    (font_size * 0.45).max(8.0)
}

/// All highlights of a document, sorted by start, for fast lookup of the visible ones.
#[derive(Clone, Debug, Default)]
pub struct HighlightSet {
    items: Vec<Highlight>,
    longest: usize,
}

impl HighlightSet {
    /// Highlights of one layer's mentions and event triggers, plus the suggestions of the given sources that
    /// the layer's coder has not decided. Types missing from the schema are drawn grey.
    pub fn build<'a>(
        schema: &Schema,
        layer: Option<&Layer>,
        suggestions: impl IntoIterator<Item = (&'a SourceName, &'a SuggestionSet)>,
    ) -> Self {
        let grey = Rgb([0x80, 0x80, 0x80]);
        let mut items = Vec::new();
        if let Some(layer) = layer {
            for (id, m) in &layer.mentions {
                items.push(Highlight {
                    span: m.span,
                    kind: HighlightKind::Mention,
                    color: schema.entity_type(&m.entity_type).map_or(grey, |t| t.color),
                    level: 0,
                    label: m.entity_type.to_string(),
                    key: HighlightKey::Mention(*id),
                });
            }
            for (id, e) in &layer.events {
                items.push(Highlight {
                    span: e.trigger,
                    kind: HighlightKind::Trigger,
                    color: schema.event_type(&e.event_type).map_or(grey, |t| t.color),
                    level: 0,
                    label: e.event_type.to_string(),
                    key: HighlightKey::Trigger(*id),
                });
            }
        }
        for (source, set) in suggestions {
            for (id, s) in &set.suggestions {
                // Pending for the coder whose layer is shown: their decisions are in their layer.
                if layer.is_some_and(|l| l.decision(source, *id).is_some()) {
                    continue;
                }
                let (color, ty) = match &s.label {
                    SuggestedLabel::Entity(t) => (schema.entity_type(t).map_or(grey, |d| d.color), t.to_string()),
                    SuggestedLabel::Event(t) => (schema.event_type(t).map_or(grey, |d| d.color), t.to_string()),
                };
                let label = match s.score {
                    Some(score) => format!("{ty} {score:.2}"),
                    None => ty,
                };
                items.push(Highlight {
                    span: s.span,
                    kind: HighlightKind::Suggestion,
                    color,
                    level: 0,
                    label,
                    key: HighlightKey::Suggestion(source.clone(), *id),
                });
            }
        }
        let mut set = Self { items, longest: 0 };
        set.sort();
        assign_levels(&mut set.items);
        set
    }

    /// Keeps the items sorted by start, longer spans first at the same start (so that nested mentions get the
    /// outer levels last), and the longest length for range lookups.
    fn sort(&mut self) {
        self.items.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
        self.longest = self.items.iter().map(|h| h.span.len()).max().unwrap_or(0);
    }

    /// Adds every coder's mentions and triggers as thin lines in the coder's colour, the `i`th coder's on the
    /// `i`th line from the top of the text line, so that the curator sees who marked what at a glance.
    pub fn add_coders(&mut self, coders: &[(&Annotator, Rgb, &Layer)]) {
        if coders.is_empty() {
            return; // not curating: the set stays as built, with no second sort
        }
        for (i, (coder, color, layer)) in coders.iter().enumerate() {
            let level = u8::try_from(i).unwrap_or(u8::MAX);
            let line = |span, label: String, key| Highlight {
                span,
                kind: HighlightKind::CoderLine,
                color: *color,
                level,
                label,
                key,
            };
            for (id, m) in &layer.mentions {
                let label = format!("{coder}: {}", m.entity_type);
                self.items.push(line(m.span, label, HighlightKey::Other((*coder).clone(), *id)));
            }
            for (id, e) in &layer.events {
                let label = format!("{coder}: {}", e.event_type);
                self.items.push(line(e.trigger, label, HighlightKey::OtherTrigger((*coder).clone(), *id)));
            }
        }
        self.sort();
    }

    /// Marks the shown coder's misses (gold mentions they lack, by id in `gold`) and extras (their mentions
    /// the gold layer lacks, by id in `coder`).
    pub fn add_feedback(&mut self, gold: &Layer, coder: &Layer, misses: &[MentionId], extras: &[MentionId]) {
        let miss = Rgb([0xE6, 0x7E, 0x22]);
        let extra = Rgb([0xD6, 0x27, 0x28]);
        for id in misses {
            let Some(m) = gold.mentions.get(id) else { continue };
            let (label, key) = (format!("missed {}", m.entity_type), HighlightKey::Other(Annotator::gold(), *id));
            self.items.push(Highlight { span: m.span, kind: HighlightKind::Missed, color: miss, level: 0, label, key });
        }
        for id in extras {
            let Some(m) = coder.mentions.get(id) else { continue };
            let (label, key) = (format!("not in gold: {}", m.entity_type), HighlightKey::Mention(*id));
            self.items.push(Highlight { span: m.span, kind: HighlightKind::Extra, color: extra, level: 0, label, key });
        }
        self.sort();
    }

    /// Marks the role fillers the event suggestion under review (`key`) proposes, each labelled with its
    /// role, so that the reviewer sees which words would fill which role before accepting.
    pub fn add_fillers(&mut self, schema: &Schema, key: &HighlightKey, fillers: &[crate::model::SuggestedRole]) {
        let grey = Rgb([0x80, 0x80, 0x80]);
        for f in fillers {
            self.items.push(Highlight {
                span: f.span,
                kind: HighlightKind::Filler,
                color: schema.entity_type(&f.entity_type).map_or(grey, |t| t.color),
                level: 0,
                label: format!("{} ({})", f.role, f.entity_type),
                key: key.clone(),
            });
        }
        self.sort();
    }

    /// Marks the evidence of the inspected event `event`, each span labelled with the field it justifies.
    pub fn add_evidence(
        &mut self,
        event: EventId,
        evidence: &std::collections::BTreeMap<crate::model::FieldId, Vec<Span>>,
    ) {
        for (field, spans) in evidence {
            for span in spans {
                self.items.push(Highlight {
                    span: *span,
                    kind: HighlightKind::Evidence,
                    color: EVIDENCE_COLOR,
                    level: 0,
                    label: field.to_string(),
                    key: HighlightKey::Evidence(event, field.clone()),
                });
            }
        }
        self.sort();
    }

    /// Every highlight, sorted by start.
    pub fn items(&self) -> &[Highlight] {
        &self.items
    }

    /// The highlights that intersect `chars`, in order of start.
    pub fn in_range(&self, chars: Range<usize>) -> impl Iterator<Item = &Highlight> {
        let from = self.items.partition_point(|h| h.span.start + self.longest <= chars.start);
        let to = self.items.partition_point(|h| h.span.start < chars.end);
        self.items[from..to.max(from)].iter().filter(move |h| h.span.end > chars.start)
    }

    /// The highlights covering code point `cp`, innermost (shortest) first.
    pub fn at(&self, cp: usize) -> Vec<&Highlight> {
        let mut hits: Vec<&Highlight> = self.in_range(cp..cp + 1).collect();
        hits.sort_by_key(|h| h.span.len());
        hits
    }

    /// The shapes for the band `y0..y1` of `layout`, back to front: bands, selection, outlines, underlines,
    /// labels.
    pub fn shapes(
        &self,
        layout: &DocumentLayout,
        y0: f32,
        y1: f32,
        style: SceneStyle,
        selection: Option<Span>,
    ) -> Vec<Shape> {
        let chars = layout.visible_chars(y0, y1);
        let (band_alpha, outline) = if style.dark { (80, 1.6) } else { (56, 1.4) };
        let stroke = outline * style.font_size / 20.0;
        let underline = (style.font_size / 10.0).max(1.5);
        let mut back = Vec::new();
        let mut front = Vec::new();
        let mut labels = Vec::new();
        for h in self.in_range(chars.clone()) {
            let mut first: Option<Rect> = None;
            layout.span_rects_with(h.span, |r| {
                first.get_or_insert(r);
                match h.kind {
                    HighlightKind::Mention => {
                        back.push(Shape::Fill(r, Rgba::from_rgb(h.color, band_alpha)));
                        let y = r.y1 - underline * (1.0 + 1.6 * f32::from(h.level));
                        front.push(Shape::Fill(Rect::new(r.x0, y - underline, r.x1, y), Rgba::from_rgb(h.color, 255)));
                    }
                    HighlightKind::Trigger => {
                        back.push(Shape::Fill(r, Rgba::from_rgb(h.color, band_alpha / 2)));
                        front.push(Shape::Outline(r, Rgba::from_rgb(h.color, 255), stroke * 1.3));
                    }
                    HighlightKind::Suggestion => front.push(Shape::Dashed(r, Rgba::from_rgb(h.color, 230), stroke)),
                    HighlightKind::CoderLine => {
                        let y = r.y0 + underline * (0.4 + 1.5 * f32::from(h.level));
                        let line = Rect::new(r.x0, y, r.x1, y + underline * 0.8);
                        front.push(Shape::Fill(line, Rgba::from_rgb(h.color, 255)));
                    }
                    HighlightKind::Missed => front.push(Shape::Dashed(r, Rgba::from_rgb(h.color, 255), stroke * 1.5)),
                    HighlightKind::Extra => front.push(Shape::Outline(r, Rgba::from_rgb(h.color, 255), stroke * 1.5)),
                    HighlightKind::Filler => {
                        back.push(Shape::Fill(r, Rgba::from_rgb(h.color, band_alpha)));
                        front.push(Shape::Dashed(r, Rgba::from_rgb(h.color, 255), stroke * 1.5));
                    }
                    HighlightKind::Evidence => {
                        back.push(Shape::Fill(r, Rgba::from_rgb(h.color, band_alpha / 2)));
                        front.push(Shape::Dashed(r, Rgba::from_rgb(h.color, 170), stroke * 0.8));
                    }
                }
            });
            // A proposed filler always says its role: that is what the reviewer decides on.
            if (style.labels || h.kind == HighlightKind::Filler)
                && h.kind != HighlightKind::CoderLine
                && let Some(r) = first
            {
                // The label sits over the span's first letter: its right end in right-to-left text.
                let rtl = layout.paragraphs().get(layout.paragraph_of_char(h.span.start)).is_some_and(|p| p.is_rtl());
                let y = r.y0 + label_size(style.font_size);
                labels.push(Shape::Label {
                    x: if rtl { r.x1 } else { r.x0 },
                    y,
                    text: h.label.clone(),
                    color: label_color(h.color, style.dark),
                    right_aligned: rtl,
                });
            }
        }
        if let Some(sel) = selection.filter(|s| !s.is_empty()) {
            let color = if style.dark { Rgba([90, 140, 255, 110]) } else { Rgba([60, 120, 255, 80]) };
            layout.span_rects_with(sel, |r| back.push(Shape::Fill(r, color)));
        }
        back.extend(front);
        back.extend(labels);
        back
    }
}

/// The colour of evidence highlights: an amber apart from the default schema's type colours.
pub const EVIDENCE_COLOR: Rgb = Rgb([0xc9, 0x9a, 0x06]);

/// Gives each mention the lowest underline level not used by a mention it overlaps, so nested and
/// overlapping mentions keep distinct underlines. `items` is sorted by start, longer first.
fn assign_levels(items: &mut [Highlight]) {
    let mut active: Vec<(usize, u8)> = Vec::new(); // (end, level) of open mentions
    for h in items.iter_mut().filter(|h| h.kind == HighlightKind::Mention) {
        active.retain(|&(end, _)| end > h.span.start);
        let mut level = 0u8;
        while active.iter().any(|&(_, l)| l == level) {
            level = level.saturating_add(1);
        }
        // The outer (longer, earlier) mention keeps the lower line; a nested one goes above it.
        h.level = level;
        active.push((h.span.end, level));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn m(start: usize, end: usize, ty: &str) -> Mention {
        Mention::new(Span::new(start, end), ty)
    }

    #[test]
    fn nested_and_overlapping_mentions_get_distinct_levels() {
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), m(0, 20, "ACTOR"));
        layer.mentions.insert(MentionId(2), m(5, 10, "LOCATION"));
        layer.mentions.insert(MentionId(3), m(8, 25, "TIME"));
        layer.mentions.insert(MentionId(4), m(30, 35, "ACTOR"));
        let set = HighlightSet::build(&default_conflict_schema(), Some(&layer), []);
        let level = |id: u32| set.items().iter().find(|h| h.key == HighlightKey::Mention(MentionId(id))).unwrap().level;
        assert_eq!(level(1), 0);
        assert_eq!(level(2), 1);
        assert_eq!(level(3), 2);
        assert_eq!(level(4), 0, "after the others end, back to the first level");
    }

    #[test]
    fn lookup_by_range_and_point() {
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), m(0, 100, "ACTOR"));
        layer.mentions.insert(MentionId(2), m(50, 55, "LOCATION"));
        let set = HighlightSet::build(&default_conflict_schema(), Some(&layer), []);
        assert_eq!(set.in_range(60..70).count(), 1, "the long outer span is found from inside");
        assert_eq!(set.at(52).len(), 2);
        assert_eq!(set.at(52)[0].key, HighlightKey::Mention(MentionId(2)), "innermost first");
        assert_eq!(set.in_range(100..200).count(), 0);
    }
}
