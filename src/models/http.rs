//! The HTTP every client shares: one `ureq` agent per source with the source's timeout for the whole of a
//! request, JSON in and out, and every failure turned into an [`AskError`] that says what happened in plain
//! words (refused, timed out, an error status with the start of its body, an answer cut short).

use super::AskError;
use crate::model::ModelServer;
use serde_json::Value;
use std::time::Duration;

/// How much of an error answer's body a message quotes.
const BODY_QUOTE: usize = 300;

/// The largest answer read (a model's answer for one article is a few kilobytes; this stops a runaway server).
const MAX_ANSWER: u64 = 64 * 1024 * 1024;

/// A source's server: its base URL, timeout and key.
#[derive(Clone, Debug)]
pub struct Http {
    agent: ureq::Agent,
    base: String,
    timeout_secs: u32,
    api_key: Option<String>,
}

impl Http {
    /// The client of `server`; the URL must be `http://` or `https://`. The API key is read from the
    /// environment variable the settings name, when they name one.
    pub fn new(server: &ModelServer) -> Result<Self, AskError> {
        let base = server.url.trim().trim_end_matches('/').to_owned();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            let reason = "it must start with http:// or https://".to_owned();
            return Err(AskError::BadUrl { url: server.url.clone(), reason });
        }
        let timeout_secs = server.timeout_secs.max(1);
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(u64::from(timeout_secs))))
            // An error status is an answer whose body says why: read it rather than get a bare code.
            .http_status_as_error(false)
            .build()
            .into();
        let api_key = match server.api_key_env.trim() {
            "" => None,
            // Said before asking: the server's bare 401 would not name the variable to set.
            var => Some(std::env::var(var).map_err(|_| AskError::NoKey(var.to_owned()))?),
        };
        Ok(Self { agent, base, timeout_secs, api_key })
    }

    /// The full URL of `path` (`/predict`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GETs `path` and reads the answer as JSON.
    pub fn get(&self, path: &str) -> Result<Value, AskError> {
        let url = self.url(path);
        let mut request = self.agent.get(&url);
        if let Some(key) = &self.api_key {
            request = request.header("Authorization", &format!("Bearer {key}"));
        }
        let answer = request.call().map_err(|e| self.network(&url, e));
        self.read(&url, answer)
    }

    /// POSTs `body` as JSON to `path` and reads the answer as JSON.
    pub fn post(&self, path: &str, body: &Value) -> Result<Value, AskError> {
        let url = self.url(path);
        let mut request = self.agent.post(&url);
        if let Some(key) = &self.api_key {
            request = request.header("Authorization", &format!("Bearer {key}"));
        }
        let answer = request.send_json(body).map_err(|e| self.network(&url, e));
        self.read(&url, answer)
    }

    fn read(&self, url: &str, answer: Result<ureq::http::Response<ureq::Body>, AskError>) -> Result<Value, AskError> {
        let mut answer = answer?;
        let status = answer.status().as_u16();
        let body = answer.body_mut().with_config().limit(MAX_ANSWER).read_to_string().map_err(|e| {
            // The server answered, then the connection broke before the body's end: an answer cut short,
            // not a server that does not answer.
            match self.network(url, e) {
                AskError::Unreachable { url, .. } => {
                    AskError::BadAnswer { url, reason: "it is cut short: the connection closed before its end".into() }
                }
                other => other,
            }
        })?;
        if !(200..300).contains(&status) {
            return Err(AskError::Status { url: url.to_owned(), status, body: quote_body(&body) });
        }
        parse_json(&body).map_err(|reason| AskError::BadAnswer { url: url.to_owned(), reason })
    }

    fn network(&self, url: &str, e: ureq::Error) -> AskError {
        let url = url.to_owned();
        match e {
            ureq::Error::Timeout(_) => AskError::Timeout { url, secs: self.timeout_secs },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                AskError::Timeout { url, secs: self.timeout_secs }
            }
            ureq::Error::HostNotFound => AskError::Unreachable { url, reason: "no such host".into() },
            ureq::Error::ConnectionFailed => AskError::Unreachable { url, reason: "the connection failed".into() },
            ureq::Error::Io(io) => AskError::Unreachable { url, reason: io_reason(&io) },
            ureq::Error::BadUri(reason) => AskError::BadUrl { url, reason },
            ureq::Error::BodyExceedsLimit(n) => {
                AskError::BadAnswer { url, reason: format!("the answer is larger than {n} bytes") }
            }
            ureq::Error::Protocol(p) => {
                AskError::Unreachable { url, reason: format!("the connection broke off ({p})") }
            }
            other => AskError::Unreachable { url, reason: other.to_string() },
        }
    }
}

fn io_reason(io: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match io.kind() {
        K::ConnectionRefused => "connection refused (is the server running?)".into(),
        K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof | K::BrokenPipe => {
            "the connection closed before the answer was complete".into()
        }
        _ => io.to_string(),
    }
}

/// The start of an error answer's body, on one line.
fn quote_body(body: &str) -> String {
    let line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return "(an empty body)".into();
    }
    match line.char_indices().nth(BODY_QUOTE) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// Parses an answer's body as JSON, or says where and why not (cut short, or not JSON) with line and column.
pub fn parse_json(body: &str) -> Result<Value, String> {
    serde_json::from_str(body).map_err(|e| {
        let what = if e.is_eof() { "it is cut short" } else { "it is not valid JSON" };
        format!("{what} (line {}, column {})", e.line(), e.column().max(1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_short_answer_says_so_with_its_place() {
        let e = parse_json("{\"results\": [{\"a\": 1}").unwrap_err();
        assert!(e.starts_with("it is cut short (line 1"), "{e}");
        assert!(parse_json("<html>").unwrap_err().starts_with("it is not valid JSON"));
    }

    #[test]
    fn an_error_body_is_quoted_on_one_line_and_shortened() {
        assert_eq!(quote_body("Internal\r\n  Server Error\n"), "Internal Server Error");
        assert_eq!(quote_body("   "), "(an empty body)");
        assert_eq!(quote_body(&"خطأ ".repeat(200)).chars().count(), BODY_QUOTE + 1);
    }

    #[test]
    fn a_key_variable_that_is_not_set_is_named() {
        let mut server = ModelServer::new(crate::model::ServerKind::Tarmeez, "http://localhost:9090");
        server.api_key_env = "TARMEEZ_TEST_KEY_NOT_SET".into();
        assert_eq!(Http::new(&server).unwrap_err(), AskError::NoKey("TARMEEZ_TEST_KEY_NOT_SET".into()));
    }

    #[test]
    fn a_url_must_be_http() {
        let server = ModelServer::new(crate::model::ServerKind::Tarmeez, "localhost:9090");
        assert!(matches!(Http::new(&server), Err(AskError::BadUrl { .. })));
    }
}
