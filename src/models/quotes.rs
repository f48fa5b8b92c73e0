//! Finding a model's quotes in the document (chat models answer with quotes, not offsets): every mention,
//! trigger and role filler is searched for with the normalized, clitic-aware matcher
//! ([`crate::text::matching::TextQuery`]), and every occurrence becomes a suggestion item in code points.
//!
//! - **What matches.** Folded letters (alef forms, alef maqsura, ta marbuta, hamza seats), tashkeel and tatweel
//!   make no difference, nor do proclitics (`و ف ب ك ل`, the article) or a pronoun suffix on either side: a
//!   quote `الميادين` finds `بالميادين`, and a quote `والميادين` finds `الميادين`. Typos do not: a model is told to
//!   quote exactly, and a near word (`قادة` for `قاعدة`) is another word. A quote not found is refused, naming
//!   the nearest word when there is one, and then nothing of the document is imported
//!   ([`crate::workflow::model_suggestions`]).
//! - **What a span covers.** The document's own characters (its hamza, its tashkeel, whole grapheme clusters)
//!   from the first word of the quote to its last, without the proclitics or pronoun suffix the quote leaves
//!   out: the quote `الميادين` in `بالميادين` covers `الميادين`, as a coder marks it; a quote that has a clitic the
//!   document's word lacks covers that whole word.
//! - **Events.** Each occurrence of a trigger is an event; each role filler is placed at the filler's
//!   occurrence nearest to that trigger occurrence, preferring one in the same sentence. When two events of
//!   the answer land on the same trigger occurrence with the same type, the one whose fillers lie closer keeps
//!   it (a story with two shellings quoted `قصف` twice gets each event's fillers at its own trigger).
//! - **Repeats.** The same span and type found twice (a name listed twice, or quoted with and without its
//!   article) is one item.

use crate::formats::suggestions::{DocRef, OffsetUnit, ParsedFile, RawItem, RawRole, RefusalKind, SuggestionFormat};
use crate::model::{DocText, Span};
use crate::text::matching::{MatchKind, PreparedText, TextQuery};
use std::collections::HashMap;

/// A mention as a model quotes it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotedMention {
    /// The quoted text.
    pub quote: String,
    /// The entity type as the model wrote it (through the source's mapping later).
    pub label: String,
}

/// A role filler of a quoted event.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotedRole {
    /// The role as the model wrote it.
    pub role: String,
    /// The filler's quoted text.
    pub quote: String,
    /// The filler's entity type as the model wrote it.
    pub label: String,
}

/// An event as a model quotes it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotedEvent {
    /// The quoted trigger.
    pub trigger: String,
    /// The event type as the model wrote it.
    pub label: String,
    /// Its role fillers.
    pub roles: Vec<QuotedRole>,
}

/// One thing a model's answer names.
#[derive(Clone, Debug, PartialEq)]
pub enum Quoted {
    /// A mention.
    Mention(QuotedMention),
    /// An event with its role fillers.
    Event(QuotedEvent),
}

/// One item of an answer as read: where it is in the answer (`mention 3`), and the item or why it is not one
/// (a missing field, an empty quote).
#[derive(Clone, Debug, PartialEq)]
pub struct QuotedItem {
    /// Its place in the answer, for the report.
    pub origin: String,
    /// The item, or why it could not be read.
    pub item: Result<Quoted, String>,
}

/// Places every item of an answer in `text`: each occurrence of a quote becomes a [`RawItem`] in code points
/// (the label as the model wrote it); an item that could not be read is refused as malformed, a quote not in
/// the text as a text mismatch. See the module documentation for what matches and what a span covers.
pub fn place_quotes(text: &str, items: Vec<QuotedItem>) -> ParsedFile {
    let mut finder = Finder::new(text);
    let mut placed: Vec<Placed> = Vec::new();
    let mut index: HashMap<(Span, bool, String), usize> = HashMap::new();
    for QuotedItem { origin, item } in items {
        let found = match item {
            Err(reason) => Err((RefusalKind::Malformed, reason)),
            Ok(Quoted::Mention(m)) => finder.mention(&m).map_err(|r| (RefusalKind::TextMismatch, r)),
            Ok(Quoted::Event(e)) => finder.event(&e).map_err(|r| (RefusalKind::TextMismatch, r)),
        };
        let occurrences = match found {
            Ok(occurrences) => occurrences,
            Err((kind, reason)) => {
                placed.push(Placed::Refused(origin, kind, reason));
                continue;
            }
        };
        for occurrence in occurrences {
            let key = (occurrence.span, occurrence.event, occurrence.label.to_lowercase());
            match index.get(&key) {
                // The same span and type again: the item stays where it was first found; of two events, the one
                // whose fillers fit this trigger better keeps it.
                Some(&i) => {
                    if let Placed::Item(_, earlier) = &mut placed[i]
                        && occurrence.fit < earlier.fit
                    {
                        *earlier = occurrence;
                    }
                }
                None => {
                    index.insert(key, placed.len());
                    placed.push(Placed::Item(origin.clone(), occurrence));
                }
            }
        }
    }
    let mut out = ParsedFile::new(SuggestionFormat::Tarmeez);
    for p in placed {
        match p {
            Placed::Refused(origin, kind, reason) => out.refuse(origin, kind, reason),
            Placed::Item(origin, o) => out.push_item(finder.raw_item(origin, o)),
        }
    }
    out
}

/// An answer's item after placing, in answer order.
enum Placed {
    Refused(String, RefusalKind, String),
    Item(String, Occurrence),
}

/// One occurrence of a mention or event in the text.
#[derive(Clone, Debug)]
struct Occurrence {
    span: Span,
    label: String,
    event: bool,
    /// Role, filler span, filler label.
    roles: Vec<(String, Span, String)>,
    /// How far its fillers lie from the trigger: fillers outside the trigger's sentence, then the distance in
    /// characters summed (lower fits better).
    fit: (usize, usize),
}

/// The document, searched for quotes.
struct Finder {
    text: DocText,
    /// The text normalized and cut into words once for all quotes.
    prepared: PreparedText,
    /// Code-point offsets where a sentence starts (after `.` `!` `?` `؟` `…` or a line break), ascending.
    sentence_starts: Vec<usize>,
    found: HashMap<String, Result<Vec<Span>, String>>,
}

impl Finder {
    fn new(text: &str) -> Self {
        let mut sentence_starts = Vec::new();
        for (i, c) in text.chars().enumerate() {
            if matches!(c, '.' | '!' | '?' | '؟' | '…' | '\n') {
                sentence_starts.push(i + 1);
            }
        }
        let prepared = PreparedText::new(text);
        Self { text: DocText::new(text.to_owned()), prepared, sentence_starts, found: HashMap::new() }
    }

    fn sentence(&self, cp: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= cp)
    }

    /// Every place `quote` is in the text, in text order, or why it is not there.
    fn find(&mut self, quote: &str) -> Result<Vec<Span>, String> {
        if let Some(found) = self.found.get(quote) {
            return found.clone();
        }
        let found = self.search(quote);
        self.found.insert(quote.to_owned(), found.clone());
        found
    }

    fn search(&self, quote: &str) -> Result<Vec<Span>, String> {
        let mut query = TextQuery::new(quote);
        if query.is_empty() {
            return Err(format!("the quote «{quote}» has no words"));
        }
        let hits = query.find_prepared(&self.prepared);
        let mut spans: Vec<Span> = hits.iter().filter(|h| h.score.kind >= MatchKind::Clitic).map(|h| h.span).collect();
        spans.dedup();
        if !spans.is_empty() {
            return Ok(spans);
        }
        let nearest = hits.iter().max_by(|a, b| a.score.value.total_cmp(&b.score.value));
        Err(match nearest.and_then(|h| self.text.slice(h.span)) {
            Some(near) => format!("the quote «{quote}» is not in the document (the nearest words are «{near}»)"),
            None => format!("the quote «{quote}» is not in the document"),
        })
    }

    fn mention(&mut self, m: &QuotedMention) -> Result<Vec<Occurrence>, String> {
        let spans = self.find(&m.quote)?;
        let occurrence =
            |span| Occurrence { span, label: m.label.clone(), event: false, roles: Vec::new(), fit: (0, 0) };
        Ok(spans.into_iter().map(occurrence).collect())
    }

    fn event(&mut self, e: &QuotedEvent) -> Result<Vec<Occurrence>, String> {
        let triggers = self.find(&e.trigger)?;
        let mut fillers = Vec::with_capacity(e.roles.len());
        for r in &e.roles {
            let spans = self.find(&r.quote).map_err(|reason| format!("role `{}`: {reason}", r.role))?;
            fillers.push((r, spans));
        }
        Ok(triggers.into_iter().map(|t| self.event_at(e, t, &fillers)).collect())
    }

    /// The event at trigger occurrence `t`, each filler at its occurrence nearest to `t`.
    fn event_at(&self, e: &QuotedEvent, t: Span, fillers: &[(&QuotedRole, Vec<Span>)]) -> Occurrence {
        let sentence = self.sentence(t.start);
        let mut roles: Vec<(String, Span, String)> = Vec::new();
        let mut fit = (0, 0);
        for (r, spans) in fillers {
            let away = |s: &Span| (self.sentence(s.start) != sentence, distance(*s, t), s.start);
            let Some(&span) = spans.iter().min_by_key(|s| away(s)) else { continue };
            let (other_sentence, gap, _) = away(&span);
            if roles.iter().any(|(role, s, _)| *s == span && role.eq_ignore_ascii_case(&r.role)) {
                continue; // the same filler named twice for one role
            }
            fit = (fit.0 + usize::from(other_sentence), fit.1 + gap);
            roles.push((r.role.clone(), span, r.label.clone()));
        }
        Occurrence { span: t, label: e.label.clone(), event: true, roles, fit }
    }

    fn raw_item(&self, origin: String, o: Occurrence) -> RawItem {
        let slice = |span: Span| self.text.slice(span).map(str::to_owned);
        let roles = o
            .roles
            .into_iter()
            .map(|(role, span, label)| RawRole { role, start: span.start, end: span.end, label, text: slice(span) })
            .collect();
        RawItem {
            position: 0,
            origin,
            doc: DocRef::default(),
            start: o.span.start,
            end: o.span.end,
            unit: OffsetUnit::CodePoints,
            label: o.label,
            score: None,
            // The planner compares it with the project's text: an answer about a text since changed is refused.
            text: slice(o.span),
            words: Vec::new(),
            roles,
        }
    }
}

/// Characters between two spans (0 when they touch or overlap).
fn distance(a: Span, b: Span) -> usize {
    // Overlapping spans give 0 both ways.
    b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(quote: &str, label: &str) -> QuotedItem {
        let m = QuotedMention { quote: quote.into(), label: label.into() };
        QuotedItem { origin: format!("mention {quote}"), item: Ok(Quoted::Mention(m)) }
    }

    fn event(trigger: &str, label: &str, roles: &[(&str, &str, &str)]) -> QuotedItem {
        let roles = roles
            .iter()
            .map(|(role, quote, label)| QuotedRole {
                role: (*role).into(),
                quote: (*quote).into(),
                label: (*label).into(),
            })
            .collect();
        let e = QuotedEvent { trigger: trigger.into(), label: label.into(), roles };
        QuotedItem { origin: format!("event {trigger}"), item: Ok(Quoted::Event(e)) }
    }

    /// The document's text at each item's span.
    fn texts(text: &str, p: &ParsedFile) -> Vec<String> {
        p.items.iter().map(|i| text.chars().skip(i.start).take(i.end - i.start).collect()).collect()
    }

    #[test]
    fn every_occurrence_is_found_with_the_documents_spelling() {
        let text = "قصفت الميليشيات قاعدةَ عين الأسد 🚀 ثم عادت الميليشيات.\r\nوقالت إن الميلیشيات انسحبت";
        let p = place_quotes(text, vec![mention("الميليشيات", "ACTOR"), mention("قاعدة عين الاسد", "LOCATION")]);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        // The third is written with a Persian yeh; the base with tashkeel and a hamza the quote lacks.
        assert_eq!(texts(text, &p), ["الميليشيات", "الميليشيات", "الميلیشيات", "قاعدةَ عين الأسد"]);
        assert_eq!((p.items[0].start, p.items[0].end), (5, 15));
        assert_eq!(p.items[3].text.as_deref(), Some("قاعدةَ عين الأسد"));
        assert!(p.items.iter().all(|i| i.unit == OffsetUnit::CodePoints && i.roles.is_empty()));
    }

    #[test]
    fn clitics_on_or_off_find_the_word_and_the_span_covers_what_the_quote_covers() {
        let text = "اشتباكات بالميادين والبوكمال 🔥 في الميادين";
        let p = place_quotes(text, vec![mention("الميادين", "LOCATION"), mention("والبوكمال", "LOCATION")]);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        // Without the quote's ب the span leaves the preposition out; the quote's و is in the text too.
        assert_eq!(texts(text, &p), ["الميادين", "الميادين", "والبوكمال"]);
        let p = place_quotes(text, vec![mention("بالبوكمال", "LOCATION")]);
        assert_eq!(texts(text, &p), ["البوكمال"], "a clitic the text lacks: the document's word");
    }

    #[test]
    fn a_quote_not_in_the_text_is_refused_with_the_nearest_words() {
        let text = "قصفت الطائرات قاعدة التنف";
        let p = place_quotes(text, vec![mention("التنف", "LOCATION"), mention("قادة التنف", "ACTOR")]);
        assert_eq!(p.items.len(), 1);
        let r = &p.refused[0];
        assert_eq!((r.kind, r.origin.as_str()), (RefusalKind::TextMismatch, "mention قادة التنف"));
        assert_eq!(r.reason, "the quote «قادة التنف» is not in the document (the nearest words are «قاعدة التنف»)");
        let p = place_quotes(text, vec![mention("دير الزور", "LOCATION"), mention(" ، ", "LOCATION")]);
        assert_eq!(p.refused[0].reason, "the quote «دير الزور» is not in the document");
        assert_eq!(p.refused[1].reason, "the quote « ، » has no words");
    }

    #[test]
    fn fillers_go_to_the_occurrence_nearest_each_trigger_in_its_sentence() {
        let text = "قصفت طهران بغداد. وفي اليوم التالي قصفت واشنطن طهران.";
        let roles = [("Attacker", "طهران", "ACTOR"), ("Target", "بغداد", "LOCATION")];
        let p = place_quotes(text, vec![event("قصفت", "ATTACK", &roles)]);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(texts(text, &p), ["قصفت", "قصفت"]);
        let filler = |item: usize, role: usize| {
            let r = &p.items[item].roles[role];
            (r.role.as_str(), r.start, r.text.clone().unwrap())
        };
        assert_eq!(filler(0, 0), ("Attacker", 5, "طهران".to_owned()));
        // In the second sentence طهران is the target, but it is the nearest طهران in that sentence.
        assert_eq!(filler(1, 0), ("Attacker", 47, "طهران".to_owned()));
        assert_eq!(filler(1, 1).2, "بغداد", "no بغداد in the second sentence: the nearest one");
    }

    #[test]
    fn two_events_on_one_trigger_word_each_keep_their_own_occurrence() {
        let text = "قصفت الميليشيات قاعدة التنف. وبعد ساعة قصفت الطائرات مواقع الميليشيات في البوكمال.";
        let first = event("قصفت", "ATTACK", &[("Target", "قاعدة التنف", "LOCATION")]);
        let second = event("قصفت", "ATTACK", &[("Location", "البوكمال", "LOCATION")]);
        let p = place_quotes(text, vec![first, second]);
        assert_eq!(p.items.len(), 2, "{:?}", p.items);
        assert_eq!(p.items[0].roles[0].text.as_deref(), Some("قاعدة التنف"));
        assert_eq!(p.items[1].roles[0].text.as_deref(), Some("البوكمال"));
        assert_eq!(p.items[1].origin, "event قصفت");
    }

    #[test]
    fn repeats_are_one_item_and_a_missing_filler_refuses_the_event() {
        let text = "قصفت الطائرات قاعدة التنف";
        let items = vec![
            mention("التنف", "LOCATION"),
            mention("التَّنف", "location"),
            event("قصفت", "ATTACK", &[("Attacker", "الطائرات", "ACTOR"), ("attacker", "الطائرات", "ACTOR")]),
            event("قصفت", "ATTACK", &[("Attacker", "الحرس الثوري", "ACTOR")]),
            QuotedItem { origin: "mention 9".into(), item: Err("no `type`".into()) },
        ];
        let p = place_quotes(text, items);
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[1].roles.len(), 1, "the same filler twice is one role: {:?}", p.items[1].roles);
        let reasons: Vec<String> = p.refused.iter().map(ToString::to_string).collect();
        assert_eq!(
            reasons,
            ["event قصفت: role `Attacker`: the quote «الحرس الثوري» is not in the document", "mention 9: no `type`"]
        );
        assert_eq!(p.refused[1].kind, RefusalKind::Malformed);
    }
}
