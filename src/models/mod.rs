//! Model servers as suggestion sources (issue 18, DESIGN.md section 12): the clients of the protocols teams
//! already run (`ls_backend`: the Label Studio ML backend; `openai`: OpenAI-compatible chat completions;
//! `tarmeez`: Tarmeez's own plain JSON protocol), the HTTP they share (`http.rs`), and asking many documents
//! in the background with progress and cancel (`ask.rs`).
//!
//! A client only reads: it turns a server's answer for one document into a [`ParsedFile`] (items with
//! code-point offsets, or refusals with their reason), exactly as a suggestion file would be read. Whether
//! the items fit the document and the schema is decided by
//! [`crate::workflow::model_suggestions`], which plans them like a file import and takes nothing of a
//! document whose answer had a refusal. Nothing from the network is written into a coder's layer: answers
//! become suggestions, reviewed like any others. No GUI here; the window runs [`ask::Asking`] on threads.

pub mod ask;
mod error;
pub mod http;
// Issue 18: the Label Studio ML backend.
pub mod ls_backend;
pub mod tarmeez;
// OpenAI-compatible chat completions: the client, its prompt, reading its answers, finding quotes.
pub mod openai;
mod openai_answer;
mod openai_prompt;
pub mod quotes;

pub use error::AskError;

use crate::formats::suggestions::ParsedFile;
use crate::model::{
    Annotator, DocId, ModelServer, ReviewStatus, Schema, ServerKind, SourceConfig, SourceName, Span, SuggestedLabel,
    Suggestion, SuggestionId,
};
use std::sync::Arc;

/// One document to ask about.
#[derive(Clone, Debug, PartialEq)]
pub struct DocRequest {
    /// The project's id of the document.
    pub id: DocId,
    /// Its whole text (offsets in answers count its code points).
    pub text: Arc<str>,
}

/// A coder's decision on one of a source's suggestions, to send back to a server that learns.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// The document, with its text.
    pub doc: DocRequest,
    /// The suggestion's id in the source's set.
    pub id: SuggestionId,
    /// What the model proposed.
    pub suggestion: Suggestion,
    /// Accepted, edited or rejected.
    pub decision: ReviewStatus,
    /// What the coder made of it (accepted or edited): the span and label of the annotation.
    pub result: Option<(Span, SuggestedLabel)>,
    /// Who decided.
    pub coder: Annotator,
}

/// A model server Tarmeez can ask. Every call blocks (within the source's timeout): callers run it on a worker
/// thread ([`ask::Asking`]), never on the window's.
pub trait Predictor: Send + Sync {
    /// Checks that the server answers and takes this project's schema (the ML backend's `/health` and
    /// `/setup`): a line about the server for the user (its model and version), or why not.
    fn check(&self) -> Result<String, AskError>;

    /// The server's suggestions for one document, read into items with code-point offsets (refusals for what
    /// the answer holds that cannot be a suggestion). An answer that is not the protocol's is an error.
    fn predict(&self, doc: &DocRequest) -> Result<ParsedFile, AskError>;

    /// Whether the server takes decisions back ([`Predictor::feedback`]).
    fn takes_feedback(&self) -> bool;

    /// Sends one decision back, so that a server that trains can learn from it.
    fn feedback(&self, decision: &Feedback) -> Result<(), AskError>;
}

/// The client of `source`'s server, built from its settings in `project.ron`.
pub fn connect(source: &SourceName, config: &SourceConfig, schema: &Schema) -> Result<Arc<dyn Predictor>, AskError> {
    let Some(server) = &config.server else {
        return Err(AskError::NoServer(source.to_string()));
    };
    client(server, config, schema)
}

fn client(server: &ModelServer, config: &SourceConfig, schema: &Schema) -> Result<Arc<dyn Predictor>, AskError> {
    let http = http::Http::new(server)?;
    Ok(match server.kind {
        ServerKind::Tarmeez => Arc::new(tarmeez::Client::new(http, schema.clone(), config.clone())),
        ServerKind::LsBackend => Arc::new(ls_backend::Client::new(http, server, schema, config.clone())),
        ServerKind::OpenAi => Arc::new(openai::Client::new(http, server, schema.clone())?),
    })
}
