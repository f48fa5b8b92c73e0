//! Real HTTP servers on 127.0.0.1 for the model-source tests: each accepted connection's request is read in
//! full and given to the test's handler, whose [`Reply`] is written back byte for byte, including the ways a
//! real server fails (an error status, an answer cut short, a connection closed mid-request, a slow answer).
//! Plain `std::net`, so a test controls every byte; `tiny_http` serves the example backend instead.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as the server read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// `GET`, `POST`.
    pub method: String,
    /// The path with its query.
    pub path: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl Request {
    /// The body parsed as JSON (panics when it is not: the client under test sent bad JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("the client sends JSON")
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A complete answer: status and body (sent as `application/json`).
    Json(u16, String),
    /// Headers promising the whole body, then only its first `n` bytes, then the connection closes.
    Cut(String, usize),
    /// The connection closes before any answer (a server killed mid-request).
    Hangup,
    /// Waits, then replies (a slow model).
    After(Duration, Box<Reply>),
}

impl Reply {
    /// A 200 answer with `value` as its body.
    pub fn ok(value: serde_json::Value) -> Self {
        Reply::Json(200, value.to_string())
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A server on a free loopback port, stopped when dropped.
pub struct Loopback {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl Loopback {
    /// Starts a server answering every request with `handler`.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (seen, stopped) = (requests.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                let (handler, seen) = (handler.clone(), seen.clone());
                std::thread::spawn(move || serve(stream, &*handler, &seen));
            }
        });
        Self { url: format!("http://127.0.0.1:{port}"), requests, stop, port }
    }

    /// The requests served so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Stops accepting: later requests find nothing listening.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag and drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Request>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("a socket clone"));
    let Some(request) = read_request(&mut reader) else { return };
    seen.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    write_reply(stream, reply);
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request { method, path, headers, body: String::from_utf8(body).ok()? })
}

fn write_reply(mut stream: TcpStream, reply: Reply) {
    let head = |status: u16, len: usize| {
        format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n",
            if status == 200 { "OK" } else { "Error" }
        )
    };
    match reply {
        Reply::Json(status, body) => {
            let _ = stream.write_all(head(status, body.len()).as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
        Reply::Cut(body, n) => {
            let _ = stream.write_all(head(200, body.len()).as_bytes());
            let _ = stream.write_all(&body.as_bytes()[..n.min(body.len())]);
        }
        Reply::Hangup => {}
        Reply::After(wait, then) => {
            std::thread::sleep(wait);
            return write_reply(stream, *then);
        }
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}
