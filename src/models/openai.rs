//! The client of OpenAI-compatible chat completions servers (llama.cpp's `llama-server`, vLLM, Ollama's `/v1`,
//! hosted APIs). The source's URL is the API's base (`http://localhost:8080/v1`):
//!
//! - `GET {url}/models` checks the server and whether it serves the source's model;
//! - `POST {url}/chat/completions` sends the prompt ([`render_prompt`]: the project's template or
//!   [`default_prompt`], with the schema and the document put in) at temperature 0, with structured output
//!   (`response_format` of type `json_schema`, built from the schema's type and role ids) so that a server
//!   that supports it can only answer in the shape asked for.
//!
//! A server that refuses structured output (llama.cpp builds before its support answered 500 "response_format
//! type must be one of ...", vLLM answers 400 when its grammar backend cannot take a schema, hosted models
//! without it answer 400 naming `response_format`) is asked again once without it, and not offered it again
//! for the client's life. Servers that ignore it (older Ollama) answer text; the JSON is found in it
//! ([`super::openai_answer`]). The answer's quotes are placed in the document by [`super::quotes`].

use super::http::Http;
use super::openai_answer::{answer_json, read_quoted};
use super::quotes::place_quotes;
use super::{AskError, DocRequest, Feedback, Predictor};
use crate::formats::suggestions::ParsedFile;
use crate::model::{ModelServer, Schema};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicBool, Ordering};

pub use super::openai_prompt::{
    SCHEMA_PLACEHOLDER, TEXT_PLACEHOLDER, check_template, default_prompt, render_prompt, response_schema, schema_text,
    template_of,
};

/// The path of the chat completions endpoint under the base URL.
const CHAT: &str = "/chat/completions";

/// An OpenAI-compatible chat server.
pub struct Client {
    http: Http,
    model: String,
    template: String,
    schema: Schema,
    response_format: Value,
    /// Whether structured output is still offered (cleared when the server refused it once).
    structured: AtomicBool,
}

impl Client {
    /// The client of the server `http` reaches with `server`'s model and prompt template, asking for
    /// `schema`'s types. A template that cannot be used (no `{text}`) is refused here, before any request.
    pub fn new(http: Http, server: &ModelServer, schema: Schema) -> Result<Self, AskError> {
        let template = template_of(server).to_owned();
        check_template(&template).map_err(AskError::BadPrompt)?;
        let response_format = json!({
            "type": "json_schema",
            "json_schema": {"name": super::openai_prompt::SCHEMA_NAME, "strict": true, "schema": response_schema(&schema)},
        });
        Ok(Self {
            http,
            model: server.model.trim().to_owned(),
            template,
            schema,
            response_format,
            structured: AtomicBool::new(true),
        })
    }

    /// Whether structured output is still offered to this server.
    pub fn offers_structured_output(&self) -> bool {
        self.structured.load(Ordering::Relaxed)
    }

    /// The request for `prompt`, with or without structured output.
    fn body(&self, prompt: &str, structured: bool) -> Value {
        let mut body = json!({
            "messages": [{"role": "user", "content": prompt}],
            "temperature": 0,
            "stream": false,
        });
        // llama.cpp serves one model and takes any name; the others need the name, and an empty one would
        // only earn a less clear error than the one the server gives for a missing field.
        if !self.model.is_empty() {
            body["model"] = json!(self.model);
        }
        if structured {
            body["response_format"] = self.response_format.clone();
        }
        body
    }

    /// Posts the prompt, retrying once without structured output if the server refuses it.
    fn complete(&self, prompt: &str) -> Result<Value, AskError> {
        let structured = self.offers_structured_output();
        let answer = match self.http.post(CHAT, &self.body(prompt, structured)) {
            Err(AskError::Status { status, body, .. }) if structured && refuses_structured_output(status, &body) => {
                self.structured.store(false, Ordering::Relaxed);
                self.http.post(CHAT, &self.body(prompt, false))
            }
            other => other,
        };
        answer.map_err(|e| match e {
            AskError::Status { url, status, body } => {
                AskError::Status { url, status, body: error_message(&body).unwrap_or(body) }
            }
            other => other,
        })
    }
}

/// The message of an error answer as these servers write it (`{"error": {"message"}}` for llama.cpp, Ollama
/// and hosted APIs, `{"message"}` for vLLM, `{"error": "..."}`, `{"detail": "..."}`), so that the user reads
/// the server's words rather than its JSON.
fn error_message(body: &str) -> Option<String> {
    let v: Value = serde_json::from_str(body).ok()?;
    let message = v
        .pointer("/error/message")
        .or_else(|| v.get("message"))
        .or_else(|| v.get("error"))
        .or_else(|| v.get("detail"))?
        .as_str()?
        .trim();
    (!message.is_empty()).then(|| message.to_owned())
}

/// Whether an error answer is a server saying it cannot do structured output (or this schema): a client error,
/// or the 500 older llama.cpp builds give, whose body names the feature.
fn refuses_structured_output(status: u16, body: &str) -> bool {
    let body = body.to_lowercase();
    matches!(status, 400 | 422 | 500 | 501)
        && ["response_format", "json_schema", "json schema", "grammar", "structured output", "guided"]
            .iter()
            .any(|word| body.contains(word))
}

/// The model ids a `/models` answer lists (`data[].id`; Ollama's and llama.cpp's also name them so).
fn model_ids(answer: &Value) -> Option<Vec<String>> {
    let data = answer.get("data")?.as_array()?;
    Some(data.iter().filter_map(|m| m.get("id").and_then(Value::as_str)).map(str::to_owned).collect())
}

/// Whether the server is llama.cpp's, which serves the one model it was started with and answers a request
/// naming any other (its `/models` lists the model file's name, which users rarely write in their settings).
fn serves_any_name(answer: &Value) -> bool {
    let data = answer.get("data").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    data.len() == 1 && data[0].get("owned_by").and_then(Value::as_str) == Some("llamacpp")
}

/// Whether `id` (as the server lists it) is the model `wanted`: Ollama lists `qwen2.5:latest` for `qwen2.5`.
fn same_model(id: &str, wanted: &str) -> bool {
    id == wanted || id.strip_suffix(":latest") == Some(wanted) || wanted.strip_suffix(":latest") == Some(id)
}

impl Predictor for Client {
    fn check(&self) -> Result<String, AskError> {
        let answer = self.http.get("/models")?;
        let Some(ids) = model_ids(&answer) else {
            let reason = "expected a list of models (`data`)".to_owned();
            return Err(AskError::BadAnswer { url: self.http.url("/models"), reason });
        };
        let listed = if ids.is_empty() { "no models".to_owned() } else { ids.join(", ") };
        if self.model.is_empty() {
            return Ok(format!("ready: serves {listed} (no model set: the server chooses)"));
        }
        if ids.iter().any(|id| same_model(id, &self.model)) {
            Ok(format!("ready: serves {}", self.model))
        } else if serves_any_name(&answer) {
            Ok(format!("ready: serves {listed}, whatever model a request names"))
        } else {
            Err(AskError::NoModel { url: self.http.url("/models"), model: self.model.clone(), served: listed })
        }
    }

    fn predict(&self, doc: &DocRequest) -> Result<ParsedFile, AskError> {
        let prompt = render_prompt(&self.template, &self.schema, &doc.text).map_err(AskError::BadPrompt)?;
        let answer = self.complete(&prompt)?;
        let bad = |reason| AskError::BadAnswer { url: self.http.url(CHAT), reason };
        let quoted = read_quoted(&answer_json(&answer).map_err(bad)?).map_err(bad)?;
        let mut parsed = place_quotes(&doc.text, quoted);
        parsed.model = answer.get("model").and_then(Value::as_str).filter(|m| !m.is_empty()).map(str::to_owned);
        Ok(parsed)
    }

    fn takes_feedback(&self) -> bool {
        false
    }

    fn feedback(&self, _decision: &Feedback) -> Result<(), AskError> {
        // Chat completions have no way to take a decision back.
        Err(AskError::NoFeedback(self.http.url("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_of_structured_output_are_told_from_other_errors() {
        let llama_old = r#"{"error":{"code":500,"message":"response_format type must be one of \"text\" or \"json_object\", but got: json_schema","type":"server_error"}}"#;
        let vllm = r#"{"object":"error","message":"The provided JSON schema contains features not supported by xgrammar.","type":"BadRequestError","param":null,"code":400}"#;
        assert!(refuses_structured_output(500, llama_old));
        assert!(refuses_structured_output(400, vllm));
        let context = r#"{"error":{"code":400,"message":"the request exceeds the available context size","type":"exceed_context_size_error"}}"#;
        assert!(!refuses_structured_output(400, context));
        assert!(!refuses_structured_output(503, "response_format"), "a server that is loading is not refusing");
    }

    #[test]
    fn an_error_answer_is_reduced_to_its_message() {
        let ollama = r#"{"error":{"message":"model \"qwen3\" not found, try pulling it first","type":"api_error","param":null,"code":null}}"#;
        assert_eq!(error_message(ollama).as_deref(), Some("model \"qwen3\" not found, try pulling it first"));
        let vllm = r#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#;
        assert_eq!(error_message(vllm).as_deref(), Some("The model `x` does not exist."));
        assert_eq!(error_message("Internal Server Error"), None);
    }

    #[test]
    fn ollama_names_a_model_with_its_tag() {
        assert!(same_model("qwen2.5:latest", "qwen2.5"));
        assert!(same_model("qwen2.5", "qwen2.5:latest"));
        assert!(!same_model("qwen2.5:7b", "qwen2.5"));
    }
}
