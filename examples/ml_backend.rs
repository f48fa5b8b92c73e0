//! A tiny model server speaking the Label Studio ML backend protocol, to try model suggestions on the sample
//! project in two commands:
//!
//! ```sh
//! cargo run --example ml_backend            # serves http://localhost:9090 (another port: -- 9191)
//! cargo run -- predict projects/al-omar-oilfield --source example-backend
//! ```
//!
//! Its "model" is a small gazetteer of the sample article's actors, places and weapons and of event triggers
//! (verbs and nouns of attacks and threats), matched as whole words (a one-letter clitic such as و or ب may
//! stand before them). It answers only the labels the request's labeling config offers, in code points with
//! each region's text, as Python backends do. Decisions sent to `/webhook` are printed and counted: a real
//! backend would train on them.

use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The model's name and version, as `/setup` and every prediction give them.
pub const MODEL_VERSION: &str = "arabic-gazetteer-1";

/// The gazetteer: phrase, label (a type of the sample's schema), score.
pub const GAZETTEER: &[(&str, &str, f64)] = &[
    ("مليشيا أبو الفضل العباس", "ACTOR", 0.9),
    ("ميليشيا أبو الفضل العباس", "ACTOR", 0.9),
    ("الميليشيات الإيرانية", "ACTOR", 0.85),
    ("المليشيات الإيرانية", "ACTOR", 0.85),
    ("ميليشيات إيران", "ACTOR", 0.85),
    ("التحالف الدولي", "ACTOR", 0.8),
    ("طائرات التحالف", "ACTOR", 0.75),
    ("الحرس الثوري الإيراني", "ACTOR", 0.9),
    ("الحشد الشعبي العراقي", "ACTOR", 0.9),
    ("الحشد الشعبي", "ACTOR", 0.85),
    ("كتائب حزب الله العراقية", "ACTOR", 0.9),
    ("حزب الله العراقي", "ACTOR", 0.85),
    ("حركة النجباء", "ACTOR", 0.85),
    ("سرايا أولياء الدم", "ACTOR", 0.9),
    ("أبو علي العسكري", "ACTOR", 0.8),
    ("القوات الأمريكية", "ACTOR", 0.85),
    ("القوات الأميركية", "ACTOR", 0.85),
    ("الطائرات الأميركية", "ACTOR", 0.7),
    ("وزارة الدفاع الأمريكية", "SOURCE", 0.7),
    ("مصادر خاصة", "SOURCE", 0.6),
    ("حقل العمر النفطي", "LOCATION", 0.95),
    ("قاعدة التحالف الدولي", "LOCATION", 0.8),
    ("دير الزور", "LOCATION", 0.95),
    ("ديرالزور", "LOCATION", 0.9),
    ("مدينة الميادين", "LOCATION", 0.9),
    ("مدينة البوكمال", "LOCATION", 0.9),
    ("بادية القورية", "LOCATION", 0.85),
    ("منطقة الشبلي", "LOCATION", 0.85),
    ("منطقة المزارع", "LOCATION", 0.8),
    ("منطقة الحميضة", "LOCATION", 0.8),
    ("نهر الفرات", "LOCATION", 0.8),
    ("سوريا", "LOCATION", 0.7),
    ("العراق", "LOCATION", 0.7),
    ("ثمانية صواريخ", "WEAPON", 0.7),
    ("صواريخ", "WEAPON", 0.6),
    ("طائرات مسيرة", "WEAPON", 0.7),
    ("قصفت", "ATTACK", 0.8),
    ("تقصف", "ATTACK", 0.8),
    ("قصف صاروخي", "ATTACK", 0.8),
    ("غارات جوية", "ATTACK", 0.8),
    ("ضربات جوية", "ATTACK", 0.8),
    ("استهدفت", "ATTACK", 0.7),
    ("هددت", "THREAT", 0.7),
];

/// Letters that stand before a word as one-letter clitics (و، ف، ب، ل، ك).
const CLITICS: &[char] = &['و', 'ف', 'ب', 'ل', 'ك'];

/// The labels a labeling config offers, with the name of the control that offers each (`entity`, `event`):
/// every `<Label value="...">` under a `<Labels name="...">`.
pub fn offered_labels(config: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut control = String::new();
    for tag in config.split('<').skip(1) {
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            tag.find(&key).map(|i| &tag[i + key.len()..]).and_then(|v| v.split('"').next()).map(str::to_owned)
        };
        if tag.starts_with("Labels") {
            control = attr("name").unwrap_or_default();
        } else if tag.starts_with("Label ")
            && let Some(value) = attr("value")
        {
            out.push((value, control.clone()));
        }
    }
    out
}

/// Whether a word may end or start at `c` (not a letter or digit).
fn boundary(c: Option<&char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// The gazetteer's regions in `text` for the labels `offered`, longest phrase first, never overlapping; in
/// code points, with each region's text.
pub fn regions(text: &str, offered: &[(String, String)]) -> Vec<Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut entries: Vec<&(&str, &str, f64)> = GAZETTEER.iter().collect();
    entries.sort_by_key(|(phrase, _, _)| std::cmp::Reverse(phrase.chars().count()));
    let mut taken = vec![false; chars.len()];
    let mut found = Vec::new();
    for (phrase, label, score) in entries {
        let Some((_, control)) = offered.iter().find(|(l, _)| l == label) else { continue };
        let p: Vec<char> = phrase.chars().collect();
        for start in 0..chars.len().saturating_sub(p.len() - 1) {
            let end = start + p.len();
            if chars[start..end] != p[..] || taken[start..end].iter().any(|t| *t) || !boundary(chars.get(end)) {
                continue;
            }
            let before = start.checked_sub(1).map(|i| &chars[i]);
            let clitic =
                before.is_some_and(|c| CLITICS.contains(c)) && boundary(start.checked_sub(2).map(|i| &chars[i]));
            if !(boundary(before) || clitic) {
                continue;
            }
            taken[start..end].iter_mut().for_each(|t| *t = true);
            found.push((start, end, *label, *score, control.clone(), phrase.to_string()));
        }
    }
    found.sort_by_key(|f| f.0);
    found
        .into_iter()
        .enumerate()
        .map(|(i, (start, end, label, score, control, phrase))| {
            json!({
                "id": format!("g{}", i + 1),
                "from_name": control,
                "to_name": "text",
                "type": "labels",
                "value": {"start": start, "end": end, "text": phrase, "labels": [label]},
                "score": score,
            })
        })
        .collect()
}

/// The answer to one request: status and JSON body. `feedback` counts the decisions received.
pub fn answer(method: &str, path: &str, body: &str, feedback: &AtomicUsize) -> (u16, Value) {
    let request: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    match (method, path.split('?').next().unwrap_or("")) {
        ("GET", "/health" | "/") => (200, json!({"status": "UP", "model_class": "ArabicGazetteer"})),
        ("POST", "/setup") => (200, json!({"model_version": MODEL_VERSION})),
        ("POST", "/predict") => {
            let offered = offered_labels(request["label_config"].as_str().unwrap_or(""));
            let Some(tasks) = request["tasks"].as_array() else {
                return (400, json!({"error": "no `tasks` list"}));
            };
            let results: Vec<Value> = tasks
                .iter()
                .map(|task| {
                    let text = task["data"]["text"].as_str().unwrap_or("");
                    json!({"result": regions(text, &offered), "score": 0.8, "model_version": MODEL_VERSION})
                })
                .collect();
            (200, json!({"results": results}))
        }
        ("POST", "/webhook") => {
            let n = feedback.fetch_add(1, Ordering::SeqCst) + 1;
            let action = request["action"].as_str().unwrap_or("?");
            let regions = request["annotation"]["result"].as_array().map_or(0, Vec::len);
            eprintln!("feedback {n}: {action} on task {}, {regions} region(s)", request["task"]["id"]);
            (201, json!({"status": "ok", "result": null}))
        }
        _ => (404, json!({"error": format!("no {method} {path} here")})),
    }
}

/// Serves requests until the process ends.
pub fn serve(server: &tiny_http::Server) {
    let feedback = AtomicUsize::new(0);
    for mut request in server.incoming_requests() {
        let mut body = String::new();
        let (status, value) = match std::io::Read::read_to_string(request.as_reader(), &mut body) {
            Ok(_) => answer(request.method().as_str(), request.url(), &body, &feedback),
            Err(e) => (400, json!({"error": format!("the request is not UTF-8 text: {e}")})),
        };
        let header = tiny_http::Header::from_bytes("Content-Type", "application/json").expect("a valid header");
        let response = tiny_http::Response::from_string(value.to_string()).with_status_code(status).with_header(header);
        // A client that went away does not stop the server.
        let _ = request.respond(response);
    }
}

#[allow(dead_code)] // when the tests include this file, they serve it themselves
fn main() {
    let port: u16 = match std::env::args().nth(1).map(|p| p.parse()) {
        None => 9090,
        Some(Ok(port)) => port,
        Some(Err(_)) => {
            eprintln!("usage: cargo run --example ml_backend [PORT]   (default 9090)");
            std::process::exit(2);
        }
    };
    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("cannot listen on port {port}: {e}");
            std::process::exit(1);
        }
    };
    println!("Label Studio ML backend (an Arabic gazetteer) on http://localhost:{port}; Ctrl+C stops it");
    println!("try: cargo run -- predict projects/al-omar-oilfield --source example-backend");
    serve(&server);
}
