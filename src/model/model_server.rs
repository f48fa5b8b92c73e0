//! A model server a suggestion source asks (DESIGN.md section 12): its kind, address, time limit and, for
//! chat models, the prompt. Kept in `project.ron` with the source's label mapping, so that every coder of a
//! team asks the same server the same way. An API key is never kept here (the project is shared through
//! git): only the name of the environment variable that holds it.

use serde::{Deserialize, Serialize};

/// Which protocol a model server speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServerKind {
    /// The Label Studio ML backend: `/health`, `/setup`, `/predict` with tasks, `/webhook` for feedback.
    LsBackend,
    /// An OpenAI-compatible chat completions server (llama.cpp's server, vLLM, Ollama, hosted APIs): the
    /// answer quotes the text, and Tarmeez finds the quotes in the document.
    OpenAi,
    /// Tarmeez's own plain JSON protocol (README, "Model servers"): code-point offsets, mentions, events with
    /// roles.
    Tarmeez,
}

impl ServerKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [ServerKind; 3] = [ServerKind::LsBackend, ServerKind::OpenAi, ServerKind::Tarmeez];

    /// The name the command line and `project.ron` readers use: `ls-backend`, `openai`, `tarmeez`.
    pub fn name(self) -> &'static str {
        match self {
            ServerKind::LsBackend => "ls-backend",
            ServerKind::OpenAi => "openai",
            ServerKind::Tarmeez => "tarmeez",
        }
    }

    /// The kind named `name` (as [`ServerKind::name`] spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The time a request may take when the project does not say.
pub const DEFAULT_TIMEOUT_SECS: u32 = 60;

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_SECS
}

fn is_default_timeout(t: &u32) -> bool {
    *t == DEFAULT_TIMEOUT_SECS
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How to reach a source's model server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelServer {
    /// The protocol.
    pub kind: ServerKind,
    /// The server's base URL (`http://localhost:9090`); for OpenAI-compatible servers the base the paths
    /// `/chat/completions` and `/models` are joined to (`http://localhost:8080/v1`).
    pub url: String,
    /// Seconds one request may take before it is given up.
    #[serde(default = "default_timeout", skip_serializing_if = "is_default_timeout")]
    pub timeout_secs: u32,
    /// The model to ask, for servers that serve several (OpenAI-compatible: `"model"` of the request).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub model: String,
    /// The prompt template of a chat model, with `{schema}` and `{text}` put in; empty for the built-in one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prompt: String,
    /// The environment variable holding the API key sent as a bearer token, if the server wants one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_key_env: String,
    /// Whether coders' decisions on its suggestions are sent back to it (the ML backend's webhook).
    #[serde(default, skip_serializing_if = "is_false")]
    pub feedback: bool,
}

impl ModelServer {
    /// A server of `kind` at `url` with the defaults for the rest.
    pub fn new(kind: ServerKind, url: impl Into<String>) -> Self {
        Self {
            kind,
            url: url.into(),
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            model: String::new(),
            prompt: String::new(),
            api_key_env: String::new(),
            feedback: false,
        }
    }
}
