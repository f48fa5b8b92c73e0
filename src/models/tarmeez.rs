//! The client of Tarmeez's own plain JSON protocol (README, "Model servers"), for teams writing a server from
//! scratch:
//!
//! - `GET /health` answers `{"status": "ok", "model": "...", "version": "..."}`;
//! - `POST /predict` takes `{"protocol": "tarmeez-1", "document": {"id", "text"}, "schema": {...}}` and
//!   answers mentions and events with roles in code-point offsets (read by
//!   [`crate::formats::suggestions::read_tarmeez_answer`], the reader of such answers saved as files);
//! - `POST /feedback` takes one coder's decision on a suggestion.

use super::http::Http;
use super::{AskError, DocRequest, Feedback, Predictor};
use crate::formats::suggestions::{ParsedFile, read_tarmeez_answer};
use crate::model::{ReviewStatus, Schema, SourceConfig};
use serde_json::{Value, json};

/// The protocol's name and version, sent with every request.
pub const PROTOCOL: &str = "tarmeez-1";

/// A Tarmeez-protocol server.
pub struct Client {
    http: Http,
    schema: Value,
    config: SourceConfig,
}

impl Client {
    /// The client of the server `http` reaches, asking for `schema`'s types under the labels `config` maps.
    pub fn new(http: Http, schema: Schema, config: SourceConfig) -> Self {
        Self { http, schema: schema_json(&schema), config }
    }
}

/// What the server is told of the schema: type ids with their names, event types with their roles.
pub fn schema_json(schema: &Schema) -> Value {
    json!({
        "entity_types": schema.entity_types.iter().map(|t| json!({"id": t.id.as_str(), "name": t.name})).collect::<Vec<_>>(),
        "event_types": schema.event_types.iter().map(|t| json!({
            "id": t.id.as_str(),
            "name": t.name,
            "roles": t.roles.iter().map(|r| json!({
                "id": r.id.as_str(),
                "name": r.name,
                "allowed": r.allowed.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

impl Predictor for Client {
    fn check(&self) -> Result<String, AskError> {
        let answer = self.http.get("/health")?;
        let field = |k: &str| answer.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        if field("status") != "ok" {
            let reason = format!("`/health` says status {:?}, not \"ok\"", field("status"));
            return Err(AskError::BadAnswer { url: self.http.url("/health"), reason });
        }
        let model = [field("model"), field("version")].join(" ");
        Ok(if model.trim().is_empty() { "ready".to_owned() } else { format!("ready: {}", model.trim()) })
    }

    fn predict(&self, doc: &DocRequest) -> Result<ParsedFile, AskError> {
        let body = json!({
            "protocol": PROTOCOL,
            "document": {"id": doc.id.as_str(), "text": &*doc.text},
            "schema": self.schema,
        });
        let answer = self.http.post("/predict", &body)?;
        if !answer.is_object() {
            let reason = "expected an object with `mentions` and `events`".to_owned();
            return Err(AskError::BadAnswer { url: self.http.url("/predict"), reason });
        }
        Ok(read_tarmeez_answer(&answer))
    }

    fn takes_feedback(&self) -> bool {
        true
    }

    fn feedback(&self, decision: &Feedback) -> Result<(), AskError> {
        let s = &decision.suggestion;
        let verdict = match decision.decision {
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Edited => "edited",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Pending => return Ok(()), // nothing decided: nothing to say
        };
        let result = decision.result.as_ref().map(
            |(span, label)| json!({"start": span.start, "end": span.end, "label": self.config.model_label(label)}),
        );
        let body = json!({
            "protocol": PROTOCOL,
            "document": {"id": decision.doc.id.as_str(), "text": &*decision.doc.text},
            "suggestion": {"id": decision.id.0, "start": s.span.start, "end": s.span.end, "label": self.config.model_label(&s.label)},
            "decision": verdict,
            "result": result,
            "coder": decision.coder.as_str(),
        });
        self.http.post("/feedback", &body).map(drop)
    }
}
