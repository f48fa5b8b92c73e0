//! The client of the Label Studio ML backend protocol (`label-studio-ml-backend`, README "Model servers"),
//! spoken by dozens of ready servers (spaCy, Hugging Face NER, GLiNER, LLM wrappers):
//!
//! - `GET /health` answers `{"status": "UP", "model_class": "..."}`;
//! - `POST /setup` takes `{"project": "ID.0", "schema": LABEL_CONFIG, "model_version", "extra_params"}` (the
//!   labeling config written from the project's schema) and answers `{"model_version": "..."}`;
//! - `POST /predict` takes `{"tasks": [{"id", "data": {"text"}}], "model_version", "project", "label_config",
//!   "params"}` and answers `{"results": [PREDICTION]}` (or, from older servers, a bare list), each prediction
//!   `{"result": [REGION], "score", "model_version"}` with regions in Label Studio's shape; read by the reader
//!   of Label Studio prediction files, which converts UTF-16 offsets to code points when the file's own
//!   `value.text` says they are UTF-16;
//! - `POST /webhook` takes Label Studio's annotation events, which Tarmeez sends for coders' decisions.
//!
//! One task goes per request, so that every prediction of an answer is for the one document asked about
//! (a server may answer several predictions for a task). The project id the protocol wants (Label Studio's
//! number, which the server uses to keep a model per project) is a number drawn from the labeling config, so
//! that the same schema reaches the same model; a task's id is a number drawn from the document's id.

use super::http::Http;
use super::{AskError, DocRequest, Feedback, Predictor};
use crate::formats::label_studio::config::write_config;
use crate::formats::label_studio::offsets::Utf16Offsets;
use crate::formats::suggestions::{ParsedFile, json_kind, read_label_studio_answer};
use crate::model::{ModelServer, ReviewStatus, Schema, SourceConfig, Span, SuggestedLabel};
use serde_json::{Value, json};

/// A Label Studio ML backend.
pub struct Client {
    http: Http,
    /// The labeling config of the project's schema (`<View>` with `<Labels name="entity">` and `"event"`).
    label_config: String,
    /// Label Studio's project number.
    project_id: u32,
    /// The model version to ask for (the source's `model`), empty for the server's current one.
    model_version: String,
    config: SourceConfig,
}

/// A stable positive 31-bit number for `s` (FNV-1a), as Label Studio's ids are numbers.
fn number_of(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h & 0x7fff_ffff).max(1)
}

impl Client {
    /// The client of the server `http` reaches, for `schema`'s types under the labels `config` maps.
    pub fn new(http: Http, server: &ModelServer, schema: &Schema, config: SourceConfig) -> Self {
        let label_config = write_config(schema);
        let project_id = number_of(&label_config);
        Self { http, label_config, project_id, model_version: server.model.clone(), config }
    }

    /// The labeling config sent with `/setup` and `/predict`.
    pub fn label_config(&self) -> &str {
        &self.label_config
    }

    /// The project as Label Studio names it to the backend: `ID.CREATED_AT` (Tarmeez has no creation time
    /// to give: `0`).
    fn project_uid(&self) -> String {
        format!("{}.0", self.project_id)
    }

    fn bad(&self, path: &str, reason: impl Into<String>) -> AskError {
        AskError::BadAnswer { url: self.http.url(path), reason: reason.into() }
    }

    /// A region in Label Studio's shape, offsets in UTF-16 units as Label Studio's own annotations count
    /// them (with `value.text`, so a server can tell).
    fn region(&self, id: String, text: &str, offsets: &Utf16Offsets, span: Span, label: &SuggestedLabel) -> Value {
        let from_name = match label {
            SuggestedLabel::Entity(_) => "entity",
            SuggestedLabel::Event(_) => "event",
        };
        let covered: String = text.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect();
        json!({
            "id": id,
            "from_name": from_name,
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": offsets.utf16(span.start),
                "end": offsets.utf16(span.end),
                "text": covered,
                "labels": [self.config.model_label(label)],
            },
        })
    }

    /// The task of `doc`, as sent to `/predict` and with feedback.
    fn task(&self, doc: &DocRequest) -> Value {
        json!({
            "id": number_of(doc.id.as_str()),
            "data": {"text": &*doc.text, "doc_id": doc.id.as_str()},
            "project": self.project_id,
        })
    }
}

/// The predictions of an answer for one task: `{"results": [...]}` (with a `model_version` for those that
/// name none) or a bare list; an item that is a list is one task's several predictions, or, from old
/// servers, one prediction's bare list of regions.
fn predictions(answer: Value) -> Result<Vec<Value>, String> {
    let (list, version) = match answer {
        Value::Array(list) => (list, None),
        Value::Object(mut o) => match o.remove("results") {
            Some(Value::Array(list)) => (list, o.remove("model_version").filter(|v| v.as_str().is_some())),
            Some(other) => return Err(format!("`results` is {}, not a list", json_kind(&other))),
            None => return Err("no `results` list (the ML backend's `/predict` answers `{\"results\": [...]}`)".into()),
        },
        other => return Err(format!("expected an object with `results`, found {}", json_kind(&other))),
    };
    let mut out = Vec::new();
    for item in list {
        match item {
            Value::Array(inner) if inner.iter().all(|p| p.get("result").is_some()) => out.extend(inner),
            Value::Array(regions) => out.push(json!({ "result": regions })),
            other => out.push(other),
        }
    }
    if let Some(version) = version {
        for p in &mut out {
            if let Some(p) = p.as_object_mut() {
                p.entry("model_version").or_insert_with(|| version.clone());
            }
        }
    }
    Ok(out)
}

impl Predictor for Client {
    fn check(&self) -> Result<String, AskError> {
        let health = self.http.get("/health")?;
        let status = health.get("status").and_then(Value::as_str).unwrap_or("");
        if !status.eq_ignore_ascii_case("up") {
            return Err(self.bad("/health", format!("`/health` says status {status:?}, not \"UP\"")));
        }
        let class = health.get("model_class").and_then(Value::as_str).unwrap_or("");
        let mut setup = json!({"project": self.project_uid(), "schema": self.label_config, "extra_params": null});
        if !self.model_version.is_empty() {
            setup["model_version"] = json!(self.model_version);
        }
        let answer = self.http.post("/setup", &setup)?;
        let version = match answer.get("model_version") {
            Some(Value::String(v)) => v.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let about =
            [class, version.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", model ");
        Ok(if about.is_empty() { "ready".to_owned() } else { format!("ready: {about}") })
    }

    fn predict(&self, doc: &DocRequest) -> Result<ParsedFile, AskError> {
        let mut body = json!({
            "tasks": [self.task(doc)],
            "project": self.project_uid(),
            "label_config": self.label_config,
            // As Label Studio sends them: the server passes `params` on to the model's `predict`.
            "params": {"login": null, "password": null, "context": null},
        });
        if !self.model_version.is_empty() {
            body["model_version"] = json!(self.model_version);
        }
        let answer = self.http.post("/predict", &body)?;
        let predictions = predictions(answer).map_err(|reason| self.bad("/predict", reason))?;
        // The task as a prediction file holds it: its text lets the reader tell UTF-16 offsets from code points.
        Ok(read_label_studio_answer(json!({"data": {"text": &*doc.text}, "predictions": predictions})))
    }

    fn takes_feedback(&self) -> bool {
        true
    }

    /// An accepted suggestion is an `ANNOTATION_CREATED` of an annotation holding the region; an edited one an
    /// `ANNOTATION_UPDATED` holding the coder's region; a rejected one an `ANNOTATION_UPDATED` of an
    /// annotation without the rejected region (an empty `result`). The model's region is always under
    /// `annotation.prediction`, and Tarmeez's word for the decision under `annotation.tarmeez_decision`.
    fn feedback(&self, decision: &Feedback) -> Result<(), AskError> {
        let (action, verdict) = match decision.decision {
            ReviewStatus::Accepted => ("ANNOTATION_CREATED", "accepted"),
            ReviewStatus::Edited => ("ANNOTATION_UPDATED", "edited"),
            ReviewStatus::Rejected => ("ANNOTATION_UPDATED", "rejected"),
            ReviewStatus::Pending => return Ok(()), // nothing decided: nothing to say
        };
        let doc = &decision.doc;
        let offsets = Utf16Offsets::of(&doc.text);
        let s = &decision.suggestion;
        let suggested = self.region(format!("s{}", decision.id.0), &doc.text, &offsets, s.span, &s.label);
        let result: Vec<Value> = match (decision.decision, &decision.result) {
            (ReviewStatus::Rejected, _) | (_, None) => Vec::new(),
            (_, Some((span, label))) => {
                vec![self.region(format!("a{}", decision.id.0), &doc.text, &offsets, *span, label)]
            }
        };
        let task = self.task(doc);
        let annotation_id = number_of(&format!("{}#{}#{}", doc.id.as_str(), decision.id.0, decision.coder.as_str()));
        let body = json!({
            "action": action,
            "project": {"id": self.project_id, "label_config": self.label_config},
            "task": task,
            "annotation": {
                "id": annotation_id,
                "task": task["id"],
                "project": self.project_id,
                "result": result,
                "was_cancelled": false,
                "ground_truth": false,
                "completed_by": decision.coder.as_str(),
                "prediction": {"result": [suggested], "score": s.score},
                "tarmeez_decision": verdict,
            },
        });
        self.http.post("/webhook", &body).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_of_answer_gives_the_task_s_predictions() {
        let region = json!({"value": {"start": 0, "end": 1, "labels": ["A"]}});
        let p = predictions(json!({"results": [{"result": [region], "score": 0.5}], "model_version": "v1"})).unwrap();
        assert_eq!(p, [json!({"result": [region], "score": 0.5, "model_version": "v1"})]);
        let several = predictions(json!({"results": [[{"result": []}, {"result": [region]}]]})).unwrap();
        assert_eq!(several.len(), 2, "one task's several predictions");
        let bare = predictions(json!([[region]])).unwrap();
        assert_eq!(bare, [json!({"result": [region]})], "an old server's bare list of regions");
        assert!(predictions(json!({"predictions": []})).unwrap_err().contains("no `results`"));
        assert!(predictions(json!("UP")).unwrap_err().contains("a string"));
    }

    #[test]
    fn ids_are_stable_positive_numbers() {
        assert_eq!(number_of("doc-1"), number_of("doc-1"));
        assert_ne!(number_of("doc-1"), number_of("doc-2"));
        assert!(number_of("") > 0 && number_of("x") <= 0x7fff_ffff);
    }
}
