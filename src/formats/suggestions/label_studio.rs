//! Label Studio tasks with predictions, as imported into (or exported from) Label Studio:
//! `[{"data": {"text": "..."}, "predictions": [{"model_version": "ner-v2", "score": 0.8, "result": [{"id": "r1",
//! "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 10, "end": 19, "text": "...",
//! "labels": ["LOC"]}, "score": 0.93}]}]}]` (a list of tasks, one task, or JSON lines of tasks).
//!
//! Label Studio's frontend counts offsets as JavaScript does, in UTF-16 code units, so a character outside
//! the Basic Multilingual Plane (an emoji) counts two; the offsets are converted to code points against the
//! document when the import is planned. Predictions written by a Python backend count code points instead:
//! where a result gives its `value.text`, the unit that makes the offsets cover that text is used.
//!
//! The document is `data.doc_id` if given, else matched by `data.text`. A result's `score` is used, else its
//! prediction's. A result with several labels gives one item per label. Results that are not span labels
//! (`relation`, `choices`, `textarea`, ...) and human `annotations` are left out, with a note.

use super::*;
// The task's text is found as the task reader finds it (`tarmeez import-annotations --format label-studio`).
use crate::formats::label_studio::tasks::task_text;

/// What the tasks hold besides span predictions, gathered over the whole file for its model and notes.
#[derive(Default)]
struct Tally {
    /// The predictions' non-empty `model_version`s: the file's model is known only when there is one.
    models: BTreeSet<String>,
    /// Results that are not span labels, counted by their `type`, to say what was left out.
    other_results: BTreeMap<String, usize>,
    /// Human annotations, counted to say they were left out.
    annotations: usize,
}

pub(super) fn parse(json: &Json) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::LabelStudio);
    let mut tally = Tally::default();
    for record in records(json) {
        read_task(record, &mut out, &mut tally);
    }
    tally.finish(&mut out);
    out
}

/// Reads one task with its predictions, as a model server's answer for one document (issue 18: the Label
/// Studio ML backend's `/predict`), exactly as the same task in a file would be read.
pub fn read_task_answer(task: Value) -> ParsedFile {
    parse(&Json::Whole(task))
}

/// Reads one task: its document, then each of its predictions. A task that is not an object with a `data`
/// object, or whose `predictions` is not a list, is refused whole; a task without predictions gives nothing.
fn read_task(record: Record<'_>, out: &mut ParsedFile, tally: &mut Tally) {
    // Label Studio calls the items of a file tasks; origins should use its word.
    let prefix =
        if record.origin.starts_with("item ") { record.origin.replacen("item", "task", 1) } else { record.origin };
    let value = match record.value {
        Ok(v) => v,
        Err(reason) => {
            out.refuse(prefix, RefusalKind::Malformed, reason);
            return;
        }
    };
    let Some(task) = value.as_object() else {
        out.refuse(prefix, RefusalKind::Malformed, format!("expected a task object, found {}", kind_of(&value)));
        return;
    };
    let Some(data) = task.get("data").and_then(Value::as_object) else {
        out.refuse(prefix, RefusalKind::Malformed, "no `data` object: not a Label Studio task");
        return;
    };
    let doc = DocRef { id: doc_id_field(data, &["doc_id"]), text: task_text(data).map(Arc::from) };
    if let Some(Value::Array(a)) = task.get("annotations") {
        tally.annotations += a.len();
    }
    let predictions = match task.get("predictions") {
        Some(Value::Array(p)) => p,
        None | Some(Value::Null) => return,
        Some(other) => {
            out.refuse(prefix, RefusalKind::Malformed, format!("`predictions` is {}, not a list", kind_of(other)));
            return;
        }
    };
    for (p, prediction) in predictions.iter().enumerate() {
        let p_origin = join_origin(&prefix, &format!("prediction {}", p + 1));
        read_prediction(prediction, p_origin, &doc, out, tally);
    }
}

/// Reads one prediction of a task: its model, then each of its results, whose score defaults to the
/// prediction's. A prediction that is not an object with a `result` list is refused whole.
fn read_prediction(prediction: &Value, p_origin: String, doc: &DocRef, out: &mut ParsedFile, tally: &mut Tally) {
    let Some(prediction) = prediction.as_object() else {
        out.refuse(p_origin, RefusalKind::Malformed, format!("expected an object, found {}", kind_of(prediction)));
        return;
    };
    if let Some(m) = prediction.get("model_version").and_then(Value::as_str).filter(|m| !m.is_empty()) {
        tally.models.insert(m.to_owned());
    }
    let Some(results) = prediction.get("result").and_then(Value::as_array) else {
        out.refuse(p_origin, RefusalKind::Malformed, "no `result` list");
        return;
    };
    let prediction_score = prediction.get("score");
    for (r, result) in results.iter().enumerate() {
        let origin = join_origin(&p_origin, &format!("result {}", r + 1));
        read_prediction_result(result, origin, prediction_score, doc, out, tally);
    }
}

/// Reads one result of a prediction: a span with several labels gives one item per label, in the order of
/// the labels; a result of another type (`relation`, `choices`, ...) is only counted, to be noted.
fn read_prediction_result(
    result: &Value,
    origin: String,
    prediction_score: Option<&Value>,
    doc: &DocRef,
    out: &mut ParsedFile,
    tally: &mut Tally,
) {
    let Some(result) = result.as_object() else {
        out.refuse(origin, RefusalKind::Malformed, format!("expected an object, found {}", kind_of(result)));
        return;
    };
    let kind = result.get("type").and_then(Value::as_str).unwrap_or("labels");
    if !kind.eq_ignore_ascii_case("labels") {
        *tally.other_results.entry(kind.to_owned()).or_insert(0) += 1;
        return;
    }
    match read_result(result, prediction_score) {
        Ok((labels, start, end, score, text)) => {
            for label in labels {
                let position = out.take_position();
                out.items.push(RawItem {
                    position,
                    origin: origin.clone(),
                    doc: doc.clone(),
                    start,
                    end,
                    unit: OffsetUnit::Utf16,
                    label,
                    score,
                    text: text.clone(),
                    words: Vec::new(),
                    roles: Vec::new(),
                });
            }
        }
        Err((kind, reason)) => out.refuse(origin, kind, reason),
    }
}

impl Tally {
    /// Gives the file its model, when all its predictions name the same one, and its notes on what was left
    /// out: the other result types first (by name), then the human annotations.
    fn finish(mut self, out: &mut ParsedFile) {
        if self.models.len() == 1 {
            out.model = self.models.pop_first();
        }
        for (kind, n) in self.other_results {
            out.note_left_out(n, &format!("result(s) of type `{kind}`"));
        }
        let annotations = self.annotations;
        if annotations > 0 {
            out.notes.push(format!(
                "{annotations} human annotation(s) were left out: only `predictions` are imported as suggestions"
            ));
        }
    }
}

type ResultSpan = (Vec<String>, usize, usize, Option<f64>, Option<String>);

fn read_result(result: &serde_json::Map<String, Value>, prediction_score: Option<&Value>) -> Result<ResultSpan, Bad> {
    let value = result.get("value").and_then(Value::as_object).ok_or_else(|| malformed("no `value` object"))?;
    let start = offset_field(value, "start")?;
    let end = offset_field(value, "end")?;
    let labels = match value.get("labels") {
        Some(Value::Array(l)) if !l.is_empty() => l
            .iter()
            .map(|v| v.as_str().filter(|s| !s.trim().is_empty()).map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| malformed("`labels` holds something that is not a label name"))?,
        Some(Value::Array(_)) => return Err(malformed("`labels` is empty")),
        Some(other) => return Err(malformed(format!("`labels` is {}, not a list", kind_of(other)))),
        None => return Err(malformed("no `labels` in `value`")),
    };
    let score = score_value(result.get("score").or(prediction_score))?;
    let text = value.get("text").and_then(Value::as_str).map(str::to_owned);
    Ok((labels, start, end, score, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_predictions_with_scores_in_utf16() {
        let p = parse_str(
            r#"[{"id": 1, "data": {"text": "😀 حقل العمر", "doc_id": "x"},
                "predictions": [{"model_version": "ner-v2", "score": 0.5, "result": [
                    {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 3, "end": 12, "text": "حقل العمر", "labels": ["LOC"]}, "score": 0.9},
                    {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 3, "end": 6, "text": "حقل", "labels": ["LOC", "FAC"]}},
                    {"id": "c", "from_name": "rel", "to_name": "text", "type": "relation", "from_id": "a", "to_id": "b"}
                ]}]}]"#,
            None,
        )
        .unwrap();
        assert_eq!(p.format, SuggestionFormat::LabelStudio);
        assert_eq!(p.model.as_deref(), Some("ner-v2"));
        assert_eq!(p.items.len(), 3);
        assert_eq!(p.items[0].unit, OffsetUnit::Utf16);
        assert_eq!(p.items[0].score, Some(0.9));
        assert_eq!(p.items[1].score, Some(0.5), "the prediction's score when the result has none");
        assert_eq!(p.items[2].label, "FAC");
        assert_eq!(p.items[0].origin, "task 1, prediction 1, result 1");
        assert_eq!(p.items[0].doc.id.as_deref(), Some("x"));
        assert_eq!(p.notes.len(), 1);
    }
}
