//! Reading the fields of a suggestion: offsets, scores, labels and document ids, each checked as it is read,
//! with the refusal a bad value earns.

use super::RefusalKind;
use serde_json::Value;

/// A refusal while reading: its kind and reason.
pub(super) type Bad = (RefusalKind, String);

pub(super) fn malformed(reason: impl Into<String>) -> Bad {
    (RefusalKind::Malformed, reason.into())
}

/// Reads an offset field: a non-negative whole number.
pub(super) fn offset_field(obj: &serde_json::Map<String, Value>, field: &str) -> Result<usize, Bad> {
    match obj.get(field) {
        None => Err(malformed(format!("no `{field}` offset"))),
        Some(Value::Null) => Err(malformed(format!("`{field}` is null: the file gives no offsets"))),
        Some(v) => offset_value(v, field),
    }
}

pub(super) fn offset_value(v: &Value, field: &str) -> Result<usize, Bad> {
    match v {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                return usize::try_from(u)
                    .map_err(|_| (RefusalKind::OutOfRange, format!("`{field}` {u} is too large")));
            }
            if let Some(i) = n.as_i64() {
                return Err((RefusalKind::OutOfRange, format!("`{field}` {i} is negative")));
            }
            match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f >= 0.0 && f < usize::MAX as f64 => Ok(f as usize),
                Some(f) if f < 0.0 => Err((RefusalKind::OutOfRange, format!("`{field}` {n} is negative"))),
                _ => Err(malformed(format!("`{field}` {n} is not a whole number"))),
            }
        }
        Value::String(s) => Err(malformed(format!("`{field}` is the string {s:?}, not a number"))),
        other => Err(malformed(format!("`{field}` is {}, not a number", kind_of(other)))),
    }
}

/// Reads an optional score: absent or null is no score; otherwise a number in 0..=1.
pub(super) fn score_value(v: Option<&Value>) -> Result<Option<f64>, Bad> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if (0.0..=1.0).contains(&f) => Ok(Some(f)),
            _ => Err((RefusalKind::BadScore, format!("score {n} is not between 0 and 1"))),
        },
        Some(Value::String(s)) => Err((RefusalKind::BadScore, format!("score {s:?} is not a number"))),
        Some(other) => Err((RefusalKind::BadScore, format!("score is {}, not a number", kind_of(other)))),
    }
}

/// Reads a label field: a non-empty string.
pub(super) fn label_field(obj: &serde_json::Map<String, Value>, field: &str) -> Result<String, Bad> {
    match obj.get(field) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => Err(malformed(format!("`{field}` is empty"))),
        None => Err(malformed(format!("no `{field}`"))),
        Some(other) => Err(malformed(format!("`{field}` is {}, not a string", kind_of(other)))),
    }
}

/// An optional string field that names a document (`"doc_id": "x"`; a number is taken as its digits).
/// Reads an optional text field: absent or null is none; otherwise a string.
pub(super) fn string_field(obj: &serde_json::Map<String, Value>, field: &str) -> Result<Option<String>, Bad> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(malformed(format!("`{field}` is {}, not text", kind_of(other)))),
    }
}

pub(super) fn doc_id_field(obj: &serde_json::Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| match obj.get(*f) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    })
}

/// What kind of JSON value `v` is, in words (`a list`, `null`), for messages.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_scores_are_checked_while_reading() {
        let obj = |s: &str| serde_json::from_str::<Value>(s).unwrap().as_object().unwrap().clone();
        assert_eq!(offset_field(&obj(r#"{"start": 4}"#), "start"), Ok(4));
        assert_eq!(offset_field(&obj(r#"{"start": 4.0}"#), "start"), Ok(4));
        assert_eq!(offset_field(&obj(r#"{"start": -4}"#), "start").unwrap_err().0, RefusalKind::OutOfRange);
        assert_eq!(offset_field(&obj(r#"{"start": "4"}"#), "start").unwrap_err().0, RefusalKind::Malformed);
        assert_eq!(offset_field(&obj(r#"{"start": 4.5}"#), "start").unwrap_err().0, RefusalKind::Malformed);
        assert_eq!(score_value(Some(&Value::from(0.5))), Ok(Some(0.5)));
        assert_eq!(score_value(Some(&Value::from("high"))).unwrap_err().0, RefusalKind::BadScore);
        assert_eq!(score_value(Some(&Value::from(1.5))).unwrap_err().0, RefusalKind::BadScore);
    }
}
