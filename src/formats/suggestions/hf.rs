//! Hugging Face token-classification pipeline output (`pipeline("ner")`, `pipeline("token-classification")`).
//!
//! Accepted shapes:
//! - a list for one document, either aggregated (`aggregation_strategy="simple"` and others):
//!   `[{"entity_group": "LOC", "score": 0.99, "word": "...", "start": 10, "end": 19}]`, or raw tokens
//!   (`aggregation_strategy="none"`): `[{"entity": "B-LOC", "score": 0.99, "index": 3, "word": "...",
//!   "start": 10, "end": 13}, {"entity": "I-LOC", ...}]`;
//! - JSON lines (or a list of such objects) carrying the document: `{"doc_id": "...", "entities": [...]}`
//!   with the list above under `entities` (`id` or `document` also name the document; `text` may carry its
//!   text, matched when the id is missing or unknown).
//!
//! Offsets are code points (Python string indices). `word`, when given, is compared with the document's text
//! at the offsets, allowing for what the tokenizer rewrites (`##` pieces, `▁`, `[UNK]`, changed spaces,
//! case; see [`super::words_match_text`]); a raw token's words are compared once merged. Raw tokens are merged as the pipeline's "simple" aggregation
//! does: a `B-X` starts a span, following `I-X` tokens (consecutive `index`, not overlapping) extend it, an
//! `I-X` with nothing to extend starts a span, a label without prefix counts as `I-`, and `O` is skipped;
//! the merged span's score is the mean of its tokens' scores. A piece of a word (a `word` starting with `##`, or
//! `is_subword` set) right after a span of the same label joins it even when tagged `B-`, so one word is one
//! suggestion. The pipeline's batch output (a list of lists, one per text) is read when one list holds
//! entities (its document given with `--doc`); with several, each list is refused, as none names its document.

use super::*;

pub(super) fn parse(json: &Json) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Hf);
    match json {
        // `pipeline(texts)`, a batch: one list per text, naming no document.
        Json::Whole(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_array) => {
            read_batch(&mut out, items);
        }
        // A list of entities for one document, or a list of records that carry documents.
        Json::Whole(Value::Array(items)) if !items.iter().any(is_record) => {
            read_entities(&mut out, items.iter().map(entity_of), "", "item", &DocRef::default());
        }
        Json::Lines(lines) => {
            for line in lines {
                // Most lines are well formed: read them straight into structs, which is several times faster
                // than through `Value`; any line that does not fit is read again the slow way, which says
                // precisely what is wrong.
                match serde_json::from_str::<FastRecord>(line.text).ok().and_then(FastRecord::into_parts) {
                    Some((doc, entities)) => {
                        read_entities(&mut out, entities.into_iter().map(Ok), &line.origin(), "entity", &doc)
                    }
                    None => read_record(&mut out, line_record(line)),
                }
            }
        }
        _ => {
            for record in records(json) {
                read_record(&mut out, record);
            }
        }
    }
    out
}

/// The pipeline's batch output: a list of entity lists, one per text given. Texts are not named, so only a
/// batch with one non-empty list can be placed (in the document given with `--doc`); with several, each is
/// refused, saying how to name their documents.
fn read_batch(out: &mut ParsedFile, lists: &[Value]) {
    let filled: Vec<(usize, &Vec<Value>)> = lists
        .iter()
        .enumerate()
        .filter_map(|(k, l)| l.as_array().filter(|l| !l.is_empty()).map(|l| (k + 1, l)))
        .collect();
    if let [(k, list)] = filled.as_slice() {
        let prefix = if lists.len() > 1 { format!("list {k}") } else { String::new() };
        return read_entities(out, list.iter().map(entity_of), &prefix, "item", &DocRef::default());
    }
    for (k, _) in filled {
        out.refuse(
            format!("list {k}"),
            RefusalKind::Malformed,
            "a batch of several texts names none of their documents: write JSON lines `{\"doc_id\": ..., \"entities\": [...]}`, \
             or import one list at a time with --doc",
        );
    }
}

fn is_record(v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.contains_key("entities"))
}

fn read_record(out: &mut ParsedFile, record: Record<'_>) {
    let prefix = record.origin;
    let value = match record.value {
        Ok(v) => v,
        Err(reason) => return out.refuse(prefix, RefusalKind::Malformed, reason),
    };
    let Some(obj) = value.as_object() else {
        return out.refuse(
            prefix,
            RefusalKind::Malformed,
            format!("expected an object with `doc_id` and `entities`, found {}", kind_of(&value)),
        );
    };
    let entities = match obj.get("entities") {
        Some(Value::Array(e)) => e,
        Some(other) => {
            return out.refuse(prefix, RefusalKind::Malformed, format!("`entities` is {}, not a list", kind_of(other)));
        }
        None => return out.refuse(prefix, RefusalKind::Malformed, "no `entities` list"),
    };
    let doc = DocRef {
        id: doc_id_field(obj, &["doc_id", "id", "document"]),
        text: obj.get("text").and_then(Value::as_str).map(Arc::from),
    };
    read_entities(out, entities.iter().map(entity_of), &prefix, "entity", &doc);
}

/// One element of an entity list, read: an aggregated span (`entity_group`) or a raw token (`entity`).
struct Entity {
    raw: bool,
    /// `entity_group`, or `entity` with its `B-`/`I-` prefix.
    label: String,
    start: usize,
    end: usize,
    score: Option<f64>,
    /// The token's position in the model's input, for raw tokens.
    index: Option<u64>,
    /// The tokenizer's rendering of the span's text.
    word: Option<String>,
    /// Whether it continues the word before it: a WordPiece `##` piece, or `is_subword` set.
    subword: bool,
}

/// Whether a token continues the word before it.
fn is_subword(word: Option<&str>, flag: Option<bool>) -> bool {
    flag == Some(true) || word.is_some_and(|w| w.starts_with("##"))
}

fn entity_of(value: &Value) -> Result<Entity, Bad> {
    let obj = value.as_object().ok_or_else(|| malformed(format!("expected an object, found {}", kind_of(value))))?;
    let raw = !obj.contains_key("entity_group") && obj.contains_key("entity");
    let (label, start, end, score) = read_span(obj, if raw { "entity" } else { "entity_group" })?;
    let index = obj.get("index").and_then(Value::as_u64);
    let word = obj.get("word").and_then(Value::as_str).map(str::to_owned);
    let subword = is_subword(word.as_deref(), obj.get("is_subword").and_then(Value::as_bool));
    Ok(Entity { raw, label, start, end, score, index, word, subword })
}

/// A JSON line as well-formed files write it; anything else fails to deserialize and takes the slow path.
#[derive(serde::Deserialize)]
struct FastRecord {
    doc_id: Option<Value>,
    id: Option<Value>,
    document: Option<Value>,
    text: Option<String>,
    entities: Vec<FastEntity>,
}

#[derive(serde::Deserialize)]
struct FastEntity {
    entity_group: Option<String>,
    entity: Option<String>,
    score: Option<f64>,
    start: usize,
    end: usize,
    index: Option<u64>,
    word: Option<String>,
    is_subword: Option<bool>,
}

impl FastRecord {
    /// The record's document and entities, or `None` when something needs the slow path's checks.
    fn into_parts(self) -> Option<(DocRef, Vec<Entity>)> {
        let id = [self.doc_id, self.id, self.document]
            .into_iter()
            .flatten()
            .find_map(|v| v.as_str().filter(|s| !s.is_empty()).map(str::to_owned));
        let doc = DocRef { id, text: self.text.map(Arc::from) };
        let entities = self.entities.into_iter().map(FastEntity::into_entity).collect::<Option<Vec<_>>>()?;
        Some((doc, entities))
    }
}

impl FastEntity {
    fn into_entity(self) -> Option<Entity> {
        let (raw, label) = match (self.entity_group, self.entity) {
            (Some(group), _) => (false, group),
            (None, Some(entity)) => (true, entity),
            (None, None) => return None,
        };
        let score_ok = self.score.is_none_or(|s| (0.0..=1.0).contains(&s));
        let subword = is_subword(self.word.as_deref(), self.is_subword);
        (score_ok && !label.trim().is_empty()).then_some(Entity {
            raw,
            label,
            start: self.start,
            end: self.end,
            score: self.score,
            index: self.index,
            word: self.word,
            subword,
        })
    }
}

/// A span being merged from raw (`entity`) tokens.
struct Open {
    label: String,
    start: usize,
    end: usize,
    scores: Vec<f64>,
    /// The `index` of the last token, when the file gives indexes.
    last_index: Option<u64>,
    /// Each token's `word`, or `None` once a token has none.
    words: Option<Vec<String>>,
    /// 1-based numbers of its first and last tokens, for the origin.
    first: usize,
    last: usize,
    /// Its place in reading order, taken at its first token.
    position: usize,
}

fn read_entities(
    out: &mut ParsedFile,
    entities: impl Iterator<Item = Result<Entity, Bad>>,
    prefix: &str,
    noun: &str,
    doc: &DocRef,
) {
    let mut open: Option<Open> = None;
    for (i, entity) in entities.enumerate() {
        let n = i + 1;
        let origin = join_origin(prefix, &format!("{noun} {n}"));
        let Entity { raw, label, start, end, score, index, word, subword } = match entity {
            Ok(e) => e,
            Err((kind, reason)) => {
                close(out, &mut open, prefix, noun, doc);
                out.refuse(origin, kind, reason);
                continue;
            }
        };
        if !raw {
            close(out, &mut open, prefix, noun, doc);
            out.push(origin, doc, start, end, label, score);
            if let (Some(item), Some(word)) = (out.items.last_mut(), word) {
                item.words = vec![word];
            }
            continue;
        }
        // `O` is outside any entity: pipelines leave such tokens out, but a file may keep them.
        let Some((begins, name)) = split_tag(&label) else {
            close(out, &mut open, prefix, noun, doc);
            continue;
        };
        let extends = |o: &Open| {
            o.label == name
                && start >= o.end
                && match (o.last_index, index) {
                    (Some(a), Some(b)) => b == a + 1,
                    _ => true,
                }
        };
        // A piece of the word before it (`##عش`, or `is_subword`) joins that word's span even when the
        // model tagged it `B-`: one word is one suggestion.
        let continues = |o: &Open| subword && o.label == name && start == o.end && extends(o);
        match open.as_mut() {
            Some(o) if (!begins && extends(o)) || continues(o) => {
                o.end = end;
                o.scores.extend(score);
                o.last_index = index;
                o.last = n;
                o.words = o.words.take().zip(word).map(|(mut words, w)| {
                    words.push(w);
                    words
                });
            }
            _ => {
                close(out, &mut open, prefix, noun, doc);
                let position = out.take_position();
                let scores = score.into_iter().collect();
                let words = word.map(|w| vec![w]);
                open = Some(Open {
                    label: name,
                    start,
                    end,
                    scores,
                    last_index: index,
                    words,
                    first: n,
                    last: n,
                    position,
                });
            }
        }
    }
    close(out, &mut open, prefix, noun, doc);
}

/// Ends the span being merged and adds it as an item, at the place it took when it started.
fn close(out: &mut ParsedFile, open: &mut Option<Open>, prefix: &str, noun: &str, doc: &DocRef) {
    let Some(o) = open.take() else { return };
    let which = if o.first == o.last {
        format!("{noun} {}", o.first)
    } else {
        format!("{} {}-{}", plural(noun), o.first, o.last)
    };
    // A token without a score leaves the span without one rather than biasing the mean.
    let score = (o.scores.len() == o.last - o.first + 1).then(|| o.scores.iter().sum::<f64>() / o.scores.len() as f64);
    out.items.push(RawItem {
        position: o.position,
        origin: join_origin(prefix, &which),
        doc: doc.clone(),
        start: o.start,
        end: o.end,
        unit: OffsetUnit::CodePoints,
        label: o.label,
        score,
        text: None,
        words: o.words.unwrap_or_default(),
        roles: Vec::new(),
    });
}

/// `entity` to `entities`, `item` to `items`.
fn plural(noun: &str) -> String {
    match noun.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{noun}s"),
    }
}

/// `B-LOC` is `(true, "LOC")`, `I-LOC` and `LOC` are `(false, "LOC")`, `O` is `None`.
fn split_tag(entity: &str) -> Option<(bool, String)> {
    if entity == "O" {
        return None;
    }
    Some(match entity.split_once('-') {
        Some(("B", rest)) if !rest.is_empty() => (true, rest.to_owned()),
        Some(("I", rest)) if !rest.is_empty() => (false, rest.to_owned()),
        _ => (false, entity.to_owned()),
    })
}

type Span = (String, usize, usize, Option<f64>);

fn read_span(obj: &serde_json::Map<String, Value>, label_field_name: &str) -> Result<Span, Bad> {
    let label = label_field(obj, label_field_name)?;
    let start = offset_field(obj, "start")?;
    let end = offset_field(obj, "end")?;
    let score = score_value(obj.get("score"))?;
    Ok((label, start, end, score))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> ParsedFile {
        parse_str(s, Some(SuggestionFormat::Hf)).unwrap()
    }

    #[test]
    fn merges_b_and_i_tokens_into_one_span_with_the_mean_score() {
        let p = parse(
            r#"[
            {"entity": "B-LOC", "score": 0.9, "index": 1, "word": "حقل", "start": 0, "end": 3},
            {"entity": "I-LOC", "score": 0.7, "index": 2, "word": "العمر", "start": 4, "end": 9},
            {"entity": "B-LOC", "score": 0.8, "index": 3, "word": "دير", "start": 10, "end": 13},
            {"entity": "B-PER", "score": 0.6, "index": 5, "word": "x", "start": 20, "end": 21},
            {"entity": "I-PER", "score": 0.6, "index": 7, "word": "y", "start": 22, "end": 23}
        ]"#,
        );
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        let spans: Vec<_> = p.items.iter().map(|i| (i.label.as_str(), i.start, i.end, i.origin.as_str())).collect();
        assert_eq!(
            spans,
            [
                ("LOC", 0, 9, "items 1-2"),
                ("LOC", 10, 13, "item 3"),
                ("PER", 20, 21, "item 4"),
                ("PER", 22, 23, "item 5")
            ]
        );
        assert!((p.items[0].score.unwrap() - 0.8).abs() < 1e-9);
    }

    #[test]
    fn a_batch_of_several_lists_is_refused_list_by_list_as_no_list_names_its_document() {
        let one = r#"[{"entity_group": "LOC", "score": 0.9, "start": 0, "end": 3}]"#;
        let p = parse(&format!("[{one}, [], {one}]"));
        assert!(p.items.is_empty());
        let origins: Vec<&str> = p.refused.iter().map(|r| r.origin.as_str()).collect();
        assert_eq!(origins, ["list 1", "list 3"]);
        assert!(p.refused[0].reason.contains("--doc"), "{}", p.refused[0].reason);
        let p = parse(&format!("[[], {one}]"));
        assert_eq!((p.items.len(), p.items[0].origin.as_str()), (1, "list 2, item 1"));
    }

    #[test]
    fn a_bad_token_is_refused_and_ends_the_span() {
        let p = parse(
            r#"[
            {"entity": "B-LOC", "score": 0.9, "index": 1, "start": 0, "end": 3},
            {"entity": "I-LOC", "score": "high", "index": 2, "start": 4, "end": 9},
            {"entity": "I-LOC", "score": 0.9, "index": 3, "start": 10, "end": 12}
        ]"#,
        );
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.refused.len(), 1);
        assert_eq!(p.refused[0].kind, RefusalKind::BadScore);
        assert_eq!(p.refused[0].origin, "item 2");
        let positions: Vec<usize> = p.items.iter().map(|i| i.position).chain([p.refused[0].position]).collect();
        assert_eq!(positions, [0, 2, 1]);
    }

    #[test]
    fn json_lines_read_fast_and_slow_give_the_same_items() {
        let tokens = r#"[{"entity": "B-LOC", "score": 0.9, "index": 1, "word": "حقل", "start": 0, "end": 3},
            {"entity": "I-LOC", "score": 0.7, "index": 2, "word": "العمر", "start": 4, "end": 9},
            {"entity_group": "PER", "score": 0.8, "word": "x", "start": 12, "end": 14}]"#
            .replace('\n', " ");
        // The first line fits the fast path; the second (a numeric id) takes the slow one.
        let content = format!(
            "{{\"doc_id\": \"a\", \"entities\": {tokens}}}\n{{\"id\": 5, \"doc_id\": \"a\", \"entities\": {tokens}}}\n"
        );
        let p = parse(&content);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(p.items.len(), 4);
        let strip = |i: &RawItem| {
            (i.doc.clone(), i.start, i.end, i.label.clone(), i.score, i.origin.replace("line 2", "line 1"))
        };
        assert_eq!(strip(&p.items[0]), strip(&p.items[2]));
        assert_eq!(strip(&p.items[1]), strip(&p.items[3]));
        assert_eq!(p.items[0].origin, "line 1, entities 1-2");
        assert_eq!(p.items[1].position, 1);
    }
}
