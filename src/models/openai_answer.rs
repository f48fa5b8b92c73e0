//! Reading a chat completion: the JSON the model wrote in `choices[0].message.content` (bare, inside a
//! ```` ```json ```` fence, after a `<think>` block or among sentences, as small local models write it), and the
//! mentions and events with quotes it lists ([`super::quotes`] then finds the quotes in the document).

use super::quotes::{Quoted, QuotedEvent, QuotedItem, QuotedMention, QuotedRole};
use serde_json::{Map, Value};

/// How much of a model's text a message quotes.
const CONTENT_QUOTE: usize = 80;

/// The JSON object of a chat completion's first choice, or why there is none, in plain words.
pub fn answer_json(answer: &Value) -> Result<Value, String> {
    let choice = answer.get("choices").and_then(|c| c.get(0)).ok_or("the answer has no `choices`")?;
    let message = choice.get("message").ok_or("the answer's first choice has no `message`")?;
    let content = match message.get("content") {
        Some(Value::String(s)) => s.clone(),
        // Content as a list of parts, as some servers send it.
        Some(Value::Array(parts)) => parts.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect(),
        _ => String::new(),
    };
    // A reasoning model may spend its whole allowance thinking, leaving `content` empty.
    let cut = choice.get("finish_reason").and_then(Value::as_str) == Some("length");
    let length = || {
        "the model stopped at its length limit before its answer was complete (finish_reason \"length\"); \
         allow it more tokens or ask about shorter documents"
            .to_owned()
    };
    if content.trim().is_empty() {
        return Err(if cut { length() } else { "the model's message has no text (`content` is empty)".into() });
    }
    extract_json(&content).map_err(|reason| if cut { length() } else { reason })
}

/// The JSON object in a model's text: the first fenced block that is one, else the whole text, else the first
/// object found among the text (after any `<think>…</think>` reasoning, which may itself hold braces).
pub fn extract_json(content: &str) -> Result<Value, String> {
    let text = without_reasoning(content);
    for block in fenced_blocks(text) {
        if let Ok(v @ Value::Object(_)) = serde_json::from_str(block) {
            return Ok(v);
        }
    }
    if let Ok(v @ Value::Object(_)) = serde_json::from_str(text.trim()) {
        return Ok(v);
    }
    let mut first_error = None;
    for (i, _) in text.match_indices('{') {
        let mut values = serde_json::Deserializer::from_str(&text[i..]).into_iter::<Value>();
        match values.next() {
            Some(Ok(v @ Value::Object(_))) => return Ok(v),
            Some(Err(e)) if first_error.is_none() => first_error = Some(e),
            _ => {}
        }
    }
    let start = quote_start(text);
    Err(match first_error {
        None => format!("the model's text holds no JSON object: «{start}»"),
        Some(e) if e.is_eof() => format!("the model's JSON is cut short: «{start}»"),
        Some(e) => format!("the model's JSON is not valid ({e}): «{start}»"),
    })
}

/// `content` after a leading reasoning block (`<think>…</think>`), which reasoning models write before their
/// answer when the server does not take it apart.
fn without_reasoning(content: &str) -> &str {
    match content.find("</think>") {
        Some(i) if content.trim_start().starts_with("<think>") => &content[i + "</think>".len()..],
        _ => content,
    }
}

/// The insides of ```` ``` ```` fences, with or without a language tag.
fn fenced_blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        // The language tag runs to the end of the fence's line.
        let body_start = after.find('\n').map_or(after.len(), |n| n + 1);
        let tag = &after[..body_start];
        let body_start = if tag.trim_start().starts_with('{') { 0 } else { body_start };
        let body = &after[body_start..];
        let Some(close) = body.find("```") else {
            out.push(body);
            break;
        };
        out.push(&body[..close]);
        rest = &body[close + 3..];
    }
    out
}

/// The start of a model's text on one line, for a message.
fn quote_start(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(CONTENT_QUOTE) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// The mentions and events an answer object lists, in order, each read or refused with its reason. An object
/// with neither list is no answer.
pub fn read_quoted(answer: &Value) -> Result<Vec<QuotedItem>, String> {
    let obj = answer.as_object().ok_or("the model's JSON is not an object")?;
    let list = |key: &str| match obj.get(key) {
        None | Some(Value::Null) => Ok(&[][..]),
        Some(Value::Array(items)) => Ok(items.as_slice()),
        Some(_) => Err(format!("the model's `{key}` is not a list")),
    };
    if !obj.contains_key("mentions") && !obj.contains_key("events") {
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        return Err(format!("the model's JSON has neither `mentions` nor `events` (it has: {})", keys.join(", ")));
    }
    let mut out = Vec::new();
    for (i, v) in list("mentions")?.iter().enumerate() {
        out.push(QuotedItem { origin: format!("mention {}", i + 1), item: mention(v).map(Quoted::Mention) });
    }
    for (i, v) in list("events")?.iter().enumerate() {
        out.push(QuotedItem { origin: format!("event {}", i + 1), item: event(v).map(Quoted::Event) });
    }
    Ok(out)
}

fn mention(v: &Value) -> Result<QuotedMention, String> {
    let o = v.as_object().ok_or("expected an object with `text` and `type`")?;
    Ok(QuotedMention { quote: quote(o, &["text", "quote"])?, label: field(o, &["type", "label"])? })
}

fn event(v: &Value) -> Result<QuotedEvent, String> {
    let o = v.as_object().ok_or("expected an object with `type`, `trigger` and `roles`")?;
    let roles = match o.get("roles").or_else(|| o.get("arguments")) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, r)| role(r).map_err(|e| format!("role {}: {e}", i + 1)))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`roles` is not a list".into()),
    };
    Ok(QuotedEvent { trigger: quote(o, &["trigger"])?, label: field(o, &["type", "label"])?, roles })
}

fn role(v: &Value) -> Result<QuotedRole, String> {
    let o = v.as_object().ok_or("expected an object with `role`, `text` and `type`")?;
    Ok(QuotedRole {
        role: field(o, &["role"])?,
        quote: quote(o, &["text", "quote"])?,
        label: field(o, &["type", "label"])?,
    })
}

/// A non-empty string under the first of `keys` present (models not held to the schema vary the name).
fn field(o: &Map<String, Value>, keys: &[&str]) -> Result<String, String> {
    let Some(v) = keys.iter().find_map(|k| o.get(*k)) else { return Err(format!("no `{}`", keys[0])) };
    match v.as_str().map(str::trim) {
        Some("") => Err(format!("`{}` is empty", keys[0])),
        Some(s) => Ok(s.to_owned()),
        None => Err(format!("`{}` is not a string", keys[0])),
    }
}

/// A quote: a field whose text is kept as the model wrote it (only the ends trimmed).
fn quote(o: &Map<String, Value>, keys: &[&str]) -> Result<String, String> {
    field(o, keys).map_err(|e| if e.ends_with("is empty") { format!("{e}: an empty quote") } else { e })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_is_found_bare_fenced_after_reasoning_or_among_sentences() {
        let object = json!({"mentions": [{"text": "حلب", "type": "LOCATION"}]});
        let s = object.to_string();
        for content in [
            s.clone(),
            format!("```json\n{s}\n```"),
            format!("Here is the JSON:\n```\n{s}\n```\nI hope this helps."),
            format!("<think>The user wants {{mentions}}.</think>\n\n{s}"),
            format!("Sure! {s} Let me know."),
            format!("```{s}```"),
        ] {
            assert_eq!(extract_json(&content), Ok(object.clone()), "{content}");
        }
    }

    #[test]
    fn text_without_json_or_cut_short_says_so() {
        let e = extract_json("I cannot help with that request.").unwrap_err();
        assert_eq!(e, "the model's text holds no JSON object: «I cannot help with that request.»");
        let e = extract_json("```json\n{\"mentions\": [{\"text\": \"حل").unwrap_err();
        assert!(e.starts_with("the model's JSON is cut short: «```json {\"mentions\""), "{e}");
        let answer = json!({"choices": [{"message": {"content": "{\"mentions\": ["}, "finish_reason": "length"}]});
        assert!(answer_json(&answer).unwrap_err().contains("length limit"));
        let empty = json!({"choices": [{"message": {"role": "assistant", "content": null}}]});
        assert!(answer_json(&empty).unwrap_err().contains("no text"));
        let thought =
            json!({"choices": [{"message": {"content": "", "reasoning_content": "…"}, "finish_reason": "length"}]});
        assert!(answer_json(&thought).unwrap_err().contains("length limit"));
        assert_eq!(answer_json(&json!({"error": "x"})).unwrap_err(), "the answer has no `choices`");
    }

    #[test]
    fn items_are_read_with_their_place_and_missing_fields_refused() {
        let answer = json!({
            "mentions": [{"text": "حلب", "type": "LOCATION"}, {"text": "  ", "type": "LOCATION"}, {"type": "ACTOR"}],
            "events": [{"type": "ATTACK", "trigger": "قصف", "roles": [{"role": "Target", "text": "حلب", "type": "LOCATION"}]},
                       {"type": "ATTACK", "trigger": "قصف", "roles": [{"role": "Target", "type": "LOCATION"}]}]
        });
        let items = read_quoted(&answer).unwrap();
        let origins: Vec<&str> = items.iter().map(|i| i.origin.as_str()).collect();
        assert_eq!(origins, ["mention 1", "mention 2", "mention 3", "event 1", "event 2"]);
        assert!(matches!(&items[0].item, Ok(Quoted::Mention(m)) if m.quote == "حلب" && m.label == "LOCATION"));
        assert_eq!(items[1].item, Err("`text` is empty: an empty quote".into()));
        assert_eq!(items[2].item, Err("no `text`".into()));
        assert!(matches!(&items[3].item, Ok(Quoted::Event(e)) if e.roles[0].role == "Target"));
        assert_eq!(items[4].item, Err("role 1: no `text`".into()));
        assert!(read_quoted(&json!({"entities": []})).unwrap_err().contains("neither `mentions` nor `events`"));
    }
}
