//! What can go wrong asking a model server, in plain words for the user (one message per document).

/// Why a server's answer for a document could not be used. Nothing of that document is imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AskError {
    /// The source has no server in `project.ron` (it is fed from files).
    #[error("the source `{0}` has no model server; add one in Model > Sources or with `tarmeez source add`")]
    NoServer(String),
    /// The server's kind is not one this build can ask.
    #[error("this build of Tarmeez cannot ask a `{0}` server")]
    Unsupported(String),
    /// The URL is not one Tarmeez can ask.
    #[error("`{url}` is not a web address Tarmeez can ask: {reason}")]
    BadUrl {
        /// The URL as the settings give it.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No connection: refused, host unknown, or the connection dropped before an answer.
    #[error("the server at {url} does not answer: {reason}")]
    Unreachable {
        /// Where it was asked.
        url: String,
        /// What the network said.
        reason: String,
    },
    /// No complete answer within the source's timeout.
    #[error(
        "no answer from {url} within {secs} s (the source's timeout; raise it in Model > Sources or with `tarmeez source add ... --timeout SECS`)"
    )]
    Timeout {
        /// Where it was asked.
        url: String,
        /// The timeout.
        secs: u32,
    },
    /// The server answered with an HTTP error status.
    #[error("the server at {url} answered {status}: {body}")]
    Status {
        /// Where it was asked.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The start of the answer's body, which usually says why.
        body: String,
    },
    /// The answer is not in the protocol's shape: not JSON, cut short, or missing what the protocol says.
    #[error("the answer from {url} is not usable: {reason}")]
    BadAnswer {
        /// Where it was asked.
        url: String,
        /// What is wrong with it, with the line and column for JSON.
        reason: String,
    },
    /// The source names an environment variable for its API key, and it is not set.
    #[error("the environment variable {0} that should hold the server's API key is not set")]
    NoKey(String),
    /// The server does not take feedback.
    #[error("the server at {0} does not take feedback")]
    NoFeedback(String),
    // OpenAI-compatible chat servers (models::openai).
    /// The source's prompt template cannot be used.
    #[error("the source's prompt template cannot be used: {0} (edit it in Model > Sources)")]
    BadPrompt(String),
    /// The server answers but does not serve the model the source names.
    #[error("the server at {url} does not serve the model `{model}`; it serves: {served}")]
    NoModel {
        /// Where the models were listed.
        url: String,
        /// The model the source names.
        model: String,
        /// The models the server lists.
        served: String,
    },
    /// The user cancelled before the answer came.
    #[error("cancelled")]
    Cancelled,
}
