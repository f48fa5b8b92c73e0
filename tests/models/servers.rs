//! Model servers as suggestion sources (issue 18), against real HTTP servers on loopback: the Label Studio ML
//! backend and Tarmeez's own protocol replaying answers of their real shapes over Arabic, emoji and CRLF
//! text; every way a server fails changes nothing; feedback reaches the backend's webhook; the `source` and
//! `predict` commands; and the example backend (examples/ml_backend.rs) on the sample project.

use crate::common;

// The example server's request handling, served by the test itself (examples have no binary path to spawn).
#[allow(dead_code)]
use crate::ml_backend;

use common::cli::{run, s};
use common::loopback::{Loopback, Reply, Request};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tarmeez::model::{
    Annotator, DocId, DocumentMeta, ReviewStatus, SourceName, SuggestedLabel, Suggestion, SuggestionId,
};
use tarmeez::models::{self, DocRequest, Feedback};

/// An article line with an emoji (two UTF-16 units), a skin-tone emoji, and Windows line ends.
const TEXT: &str = "ميليشيات إيران تقصف 😀 قاعدة للتحالف\r\nقصفت مليشيا أبو الفضل العباس 👍🏽 مواقع في دير الزور.\r\n";
const DOC: &str = "emoji-crlf";

/// A copy of the sample with the document [`TEXT`] added.
struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    doc: DocId,
    text: String,
}

fn fixture() -> Fixture {
    let (tmp, root) = common::sample_copy();
    let mut project = common::open_as(&root, "lead");
    let doc = project.add_document(DOC, TEXT.to_owned(), DocumentMeta::default()).unwrap();
    project.save_all().unwrap();
    let text = project.load_document(&doc).unwrap().text.as_str().to_owned();
    Fixture { _tmp: tmp, root, doc, text }
}

impl Fixture {
    fn dir(&self) -> &str {
        s(&self.root)
    }

    /// `source add` of a server `name` of `kind` at `url`, with more options.
    fn add_source(&self, name: &str, kind: &str, url: &str, more: &[&str]) {
        let mut args = vec!["source", "add", self.dir(), name, "--kind", kind, "--url", url];
        args.extend(more);
        let (ok, out) = run(&args);
        assert!(ok, "{out}");
    }

    fn predict(&self, source: &str) -> (bool, String) {
        run(&["predict", self.dir(), "--source", source, "--doc", DOC])
    }

    /// The source's suggestions on the document: (text, label, score), in span order.
    fn suggestions(&self, source: &str) -> Vec<(String, String, Option<f64>)> {
        let project = common::open_read_only(&self.root);
        let loaded = project.load_document(&self.doc).unwrap();
        let Some(set) = loaded.suggestions.get(&SourceName::parse(source).unwrap()) else { return Vec::new() };
        let mut out: Vec<_> = set
            .suggestions
            .values()
            .map(|sg| (self.cut(sg.span.start, sg.span.end), label(&sg.label), sg.score))
            .collect();
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        out
    }

    fn cut(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end - start).collect()
    }
}

fn label(l: &SuggestedLabel) -> String {
    match l {
        SuggestedLabel::Entity(t) => t.to_string(),
        SuggestedLabel::Event(t) => format!("event {t}"),
    }
}

/// The code-point span of the `nth` occurrence of `phrase` in `text`.
fn cp(text: &str, phrase: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(phrase).nth(nth).unwrap_or_else(|| panic!("{phrase} not in the text")).0;
    let start = text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// The same span in UTF-16 units, as Label Studio's frontend counts.
fn utf16(text: &str, phrase: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(phrase).nth(nth).unwrap().0;
    let start = text[..byte].encode_utf16().count();
    (start, start + phrase.encode_utf16().count())
}

/// A Label Studio region; `with_text` gives `value.text` (Python backends do, with code points).
fn region(span: (usize, usize), text: Option<&str>, label: &str) -> Value {
    let mut value = json!({"start": span.0, "end": span.1, "labels": [label]});
    if let Some(t) = text {
        value["text"] = json!(t);
    }
    let from = if label == "ATTACK" { "event" } else { "entity" };
    json!({"from_name": from, "to_name": "text", "type": "labels", "value": value})
}

fn expected() -> Vec<(String, String, Option<f64>)> {
    let mut e = vec![
        ("دير الزور".to_owned(), "LOCATION".to_owned(), Some(0.7)),
        ("قصفت".to_owned(), "event ATTACK".to_owned(), Some(0.7)),
        ("مليشيا أبو الفضل العباس".to_owned(), "ACTOR".to_owned(), Some(0.7)),
        ("ميليشيات إيران".to_owned(), "ACTOR".to_owned(), Some(0.7)),
    ];
    e.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    e
}

/// A server answering `/predict` with `answer` (and `/health`, `/setup` as the ML backend does).
fn ls_server(answer: Value) -> Loopback {
    Loopback::start(move |r: &Request| match r.path.as_str() {
        "/health" => Reply::ok(json!({"status": "UP", "model_class": "NerModel"})),
        "/setup" => Reply::ok(json!({"model_version": "ner-v3"})),
        _ => Reply::ok(answer.clone()),
    })
}

#[test]
fn an_ml_backend_answer_in_utf16_becomes_exactly_the_spans_asked_for() {
    let f = fixture();
    let t = f.text.as_str();
    // As Label Studio's frontend counts (UTF-16), one region without its text.
    let results = vec![
        region(utf16(t, "ميليشيات إيران", 0), Some("ميليشيات إيران"), "ACTOR"),
        region(utf16(t, "قصفت", 0), None, "ATTACK"),
        region(utf16(t, "مليشيا أبو الفضل العباس", 0), Some("مليشيا أبو الفضل العباس"), "ACTOR"),
        region(utf16(t, "دير الزور", 0), None, "LOCATION"),
    ];
    let server = ls_server(json!({"results": [{"result": results, "score": 0.7, "model_version": "ner-v3"}]}));
    f.add_source("ner", "ls-backend", &server.url, &[]);
    let (ok, out) = f.predict("ner");
    assert!(ok, "{out}");
    assert_eq!(f.suggestions("ner"), expected(), "{out}");
    // The model version is kept as the suggestions' provenance.
    let project = common::open_read_only(&f.root);
    let set = &project.load_document(&f.doc).unwrap().suggestions[&SourceName::parse("ner").unwrap()];
    assert_eq!(set.source.model, "ner-v3");
    // The request is the ML backend's: one task with the text, the labeling config of the schema, the project.
    let sent = server.requests().iter().find(|r| r.path == "/predict").unwrap().json();
    assert_eq!(sent["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(sent["tasks"][0]["data"]["text"].as_str(), Some(t));
    assert!(sent["tasks"][0]["id"].as_u64().is_some(), "Label Studio's task ids are numbers");
    let config = sent["label_config"].as_str().unwrap();
    assert!(config.contains(r#"<Labels name="entity""#) && config.contains(r#"<Label value="ACTOR""#), "{config}");
    assert!(sent["project"].as_str().unwrap().split('.').next().unwrap().parse::<u32>().is_ok(), "{sent}");
    assert!(sent["params"].is_object());
}

#[test]
fn code_points_with_their_text_and_the_older_bare_list_give_the_same_spans() {
    let f = fixture();
    let t = f.text.as_str();
    let results = |score: f64| {
        json!([{"score": score, "result": [
            region(cp(t, "ميليشيات إيران", 0), Some("ميليشيات إيران"), "ACTOR"),
            region(cp(t, "قصفت", 0), Some("قصفت"), "ATTACK"),
            region(cp(t, "مليشيا أبو الفضل العباس", 0), Some("مليشيا أبو الفضل العباس"), "ACTOR"),
            region(cp(t, "دير الزور", 0), Some("دير الزور"), "LOCATION"),
        ]}])
    };
    // A Python backend's code points, named by `value.text` (spaCy's answer shape).
    let python = ls_server(json!({"results": results(0.7)}));
    f.add_source("spacy", "ls-backend", &python.url, &[]);
    // An older backend answering the bare list of predictions.
    let old = ls_server(results(0.7));
    f.add_source("old", "ls-backend", &old.url, &[]);
    for source in ["spacy", "old"] {
        let (ok, out) = f.predict(source);
        assert!(ok, "{source}: {out}");
        assert_eq!(f.suggestions(source), expected(), "{source}");
    }
}

#[test]
fn a_tarmeez_answer_with_roles_becomes_exactly_the_spans_asked_for() {
    let f = fixture();
    let t = f.text.as_str();
    let at = |phrase: &str| cp(t, phrase, 0);
    let (a, e, l) = (at("مليشيا أبو الفضل العباس"), at("قصفت"), at("دير الزور"));
    let answer = json!({"model": "gaz", "version": "2",
        "mentions": [
            {"start": at("ميليشيات إيران").0, "end": at("ميليشيات إيران").1, "label": "ACTOR", "score": 0.7},
            {"start": a.0, "end": a.1, "label": "ACTOR", "score": 0.7, "text": "مليشيا أبو الفضل العباس"},
            {"start": l.0, "end": l.1, "label": "LOCATION", "score": 0.7}],
        "events": [{"start": e.0, "end": e.1, "label": "ATTACK", "score": 0.7, "text": "قصفت",
            "roles": [{"role": "Attacker", "start": a.0, "end": a.1, "label": "ACTOR"},
                      {"role": "Location", "start": l.0, "end": l.1, "label": "LOCATION", "text": "دير الزور"}]}]});
    let server = Loopback::start(move |_| Reply::ok(answer.clone()));
    f.add_source("gaz", "tarmeez", &server.url, &[]);
    let (ok, out) = f.predict("gaz");
    assert!(ok, "{out}");
    assert_eq!(f.suggestions("gaz"), expected());
    let project = common::open_read_only(&f.root);
    let set = &project.load_document(&f.doc).unwrap().suggestions[&SourceName::parse("gaz").unwrap()];
    assert_eq!(set.source.model, "gaz 2");
    // The role fillers are planned by workflow::suggestion_import (issue 18, roles); here the answer with
    // roles must import its spans exactly.
}

/// How a server fails, and the words the user must read for it.
fn failures(t: &str) -> Vec<(&'static str, Reply, &'static str)> {
    let ok = json!({"results": [{"result": [region(utf16(t, "قصفت", 0), None, "ATTACK")]}],
                    "mentions": [], "events": []})
    .to_string();
    vec![
        ("a server killed mid-request", Reply::Hangup, "does not answer"),
        (
            "a slow server",
            Reply::After(Duration::from_secs(3), Box::new(Reply::Json(200, ok.clone()))),
            "within 1 s (the source's timeout; raise it in Model > Sources or with `tarmeez source add ... --timeout SECS`)",
        ),
        (
            "an error status",
            Reply::Json(500, "model crashed:\n CUDA out of memory".into()),
            "answered 500: model crashed: CUDA out of memory",
        ),
        (
            "an answer cut short",
            Reply::Cut(ok.clone(), 25),
            "is not usable: it is cut short: the connection closed before its end",
        ),
        ("a body of cut JSON", Reply::Json(200, ok[..25].to_owned()), "it is cut short (line 1, column 25)"),
    ]
}

#[test]
fn every_way_a_server_fails_gives_its_message_and_changes_nothing() {
    let f = fixture();
    let before = common::files(&f.root);
    for kind in ["ls-backend", "tarmeez"] {
        for (what, reply, message) in failures(&f.text) {
            let server = Loopback::start(move |_| reply.clone());
            let name = format!("{kind}-{}", what.split(' ').nth(1).unwrap());
            f.add_source(&name, kind, &server.url, &["--timeout", "1"]);
            let with_source = common::files(&f.root);
            let (ok, out) = f.predict(&name);
            assert!(!ok, "{kind}, {what}: {out}");
            assert!(out.contains(&format!("{DOC}: ")) && out.contains(message), "{kind}, {what}: {out}");
            assert!(common::files(&f.root) == with_source, "{kind}, {what} changed the project");
            assert!(f.suggestions(&name).is_empty());
        }
    }
    // Nothing listens on a port just freed: the connection is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    f.add_source("down", "ls-backend", &format!("http://127.0.0.1:{port}"), &[]);
    let with_source = common::files(&f.root);
    let (ok, out) = f.predict("down");
    assert!(
        !ok && out.contains(&format!("{DOC}: the server at http://127.0.0.1:{port}/predict does not answer")),
        "{out}"
    );
    assert!(common::files(&f.root) == with_source);
    // Only the sources were added to project.ron; every other file is as it was.
    let after = common::files(&f.root);
    let changed: Vec<_> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, [Path::new("project.ron")]);
}

#[test]
fn labels_the_mapping_does_not_know_import_nothing_until_mapped() {
    let f = fixture();
    let t = f.text.as_str();
    let answer = json!({"results": [{"result": [
        region(utf16(t, "دير الزور", 0), None, "GPE"),
        region(utf16(t, "قصفت", 0), None, "ATTACK"),
    ]}]});
    let server = ls_server(answer);
    f.add_source("ner", "ls-backend", &server.url, &[]);
    let before = common::files(&f.root);
    let (ok, out) = f.predict("ner");
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("{DOC}: prediction 1, result 1: unknown label `GPE`")), "{out}");
    assert!(out.contains("--map LABEL=TYPE"), "{out}");
    assert!(common::files(&f.root) == before, "a document with a refused item imports nothing");
    // Mapped, the same answer imports whole.
    let (ok, out) = run(&["source", "add", f.dir(), "ner", "--map", "GPE=LOCATION"]);
    assert!(ok, "{out}");
    let (ok, out) = f.predict("ner");
    assert!(ok, "{out}");
    let got: Vec<String> = f.suggestions("ner").into_iter().map(|(t, l, _)| format!("{t} {l}")).collect();
    assert_eq!(got, ["دير الزور LOCATION", "قصفت event ATTACK"]);
}

/// A decision on the suggestion of `phrase` (a mention of `ty`) in the fixture's document.
fn decision(f: &Fixture, phrase: &str, ty: &str, status: ReviewStatus) -> Feedback {
    let (start, end) = cp(&f.text, phrase, 0);
    let span = tarmeez::model::Span::new(start, end);
    let label = SuggestedLabel::Entity(ty.into());
    Feedback {
        doc: DocRequest { id: f.doc.clone(), text: f.text.as_str().into() },
        id: SuggestionId(7),
        suggestion: Suggestion::new(span, label.clone(), Some(0.6)),
        decision: status,
        result: (status != ReviewStatus::Rejected).then_some((span, label)),
        coder: Annotator::parse("huda").unwrap(),
    }
}

#[test]
fn the_ml_backend_receives_label_studio_webhook_events_for_an_accept_and_a_reject() {
    let f = fixture();
    let server = Loopback::start(|_| Reply::Json(201, json!({"status": "ok"}).to_string()));
    f.add_source("ner", "ls-backend", &server.url, &["--feedback", "--map", "GPE=LOCATION"]);
    let project = common::open_read_only(&f.root);
    let source = SourceName::parse("ner").unwrap();
    let predictor = models::connect(&source, &project.config().sources[&source], &project.config().schema).unwrap();
    assert!(predictor.takes_feedback());
    assert!(project.config().sources[&source].server.as_ref().unwrap().feedback, "--feedback is saved");
    predictor.feedback(&decision(&f, "دير الزور", "LOCATION", ReviewStatus::Accepted)).unwrap();
    predictor.feedback(&decision(&f, "ميليشيات إيران", "ACTOR", ReviewStatus::Rejected)).unwrap();
    let sent: Vec<Value> =
        server.requests().iter().map(|r| (r.path == "/webhook").then(|| r.json()).unwrap()).collect();
    let (accepted, rejected) = (&sent[0], &sent[1]);
    assert_eq!(accepted["action"], "ANNOTATION_CREATED");
    // What label-studio-ml-backend's /webhook reads: the project's id and labeling config, the task, the result.
    assert!(accepted["project"]["id"].as_u64().is_some());
    assert!(accepted["project"]["label_config"].as_str().unwrap().starts_with("<View>"));
    assert_eq!(accepted["task"]["data"]["text"].as_str(), Some(f.text.as_str()));
    let (u_start, u_end) = utf16(&f.text, "دير الزور", 0);
    let result = &accepted["annotation"]["result"];
    assert_eq!(result.as_array().unwrap().len(), 1);
    assert_eq!(result[0]["value"], json!({"start": u_start, "end": u_end, "text": "دير الزور", "labels": ["GPE"]}));
    assert_eq!((result[0]["from_name"].as_str(), result[0]["to_name"].as_str()), (Some("entity"), Some("text")));
    assert_eq!(accepted["annotation"]["task"], accepted["task"]["id"]);
    // A rejection: the annotation without the rejected region, which is named under `prediction`.
    assert_eq!(rejected["action"], "ANNOTATION_UPDATED");
    assert_eq!(rejected["annotation"]["result"], json!([]));
    assert_eq!(rejected["annotation"]["prediction"]["result"][0]["value"]["text"], "ميليشيات إيران");
    assert_eq!(rejected["annotation"]["tarmeez_decision"], "rejected");
}

#[test]
fn source_add_list_check_and_remove() {
    let f = fixture();
    let server = ls_server(json!({"results": []}));
    let before = common::files(&f.root);
    // Refused, with a clear message, writing nothing.
    let refusals = [
        (vec!["--kind", "ls-backend", "--url", "localhost:9090"], "must start with http:// or https://"),
        (vec!["--kind", "ls-backend", "--url", "http://"], "no server named in it"),
        (vec!["--kind", "rasa", "--url", "http://localhost:1"], "--kind rasa: not a kind of server"),
        (vec!["--kind", "tarmeez", "--url", "http://localhost:1", "--map", "PER=PERSON"], "`PERSON` is not a type"),
        (vec!["--url", "http://localhost:1"], "give --kind"),
        (vec!["--kind", "tarmeez", "--url", "http://localhost:1", "--timeout", "0"], "at least 1 second"),
    ];
    for (more, message) in refusals {
        let mut args = vec!["source", "add", f.dir(), "ner"];
        args.extend(&more);
        let (ok, out) = run(&args);
        assert!(!ok && out.contains(message), "{more:?}: {out}");
    }
    assert!(common::files(&f.root) == before);
    f.add_source("ner", "ls-backend", &server.url, &["--map", "PER=ACTOR", "--timeout", "5", "--model", "v3"]);
    let (ok, out) = run(&["source", "list", f.dir()]);
    assert!(ok, "{out}");
    assert!(out.contains(&format!("ner: ls-backend at {}, timeout 5 s, model v3", server.url)), "{out}");
    assert!(out.contains("labels: PER=ACTOR"), "{out}");
    assert!(out.contains("example-backend: ls-backend at http://localhost:9090, timeout 60 s"), "{out}");
    let (ok, out) = run(&["source", "check", f.dir(), "ner"]);
    assert!(ok && out.contains("ner: ready: NerModel, model ner-v3"), "{out}");
    let setup = server.requests().into_iter().find(|r| r.path == "/setup").unwrap().json();
    assert!(setup["schema"].as_str().unwrap().contains(r#"<Label value="ATTACK""#), "{setup}");
    assert_eq!(setup["model_version"], "v3");
    // A chat model's prompt is read from its file into project.ron; a key is named, never given.
    let prompt = f.root.join("../prompt.txt");
    std::fs::write(&prompt, "استخرج الفاعلين من النص: {text}").unwrap();
    let (ok, out) = run(&[
        "source",
        "add",
        f.dir(),
        "chat",
        "--kind",
        "openai",
        "--url",
        "http://localhost:8080/v1",
        "--api-key-env",
        "sk-123",
    ]);
    assert!(!ok && out.contains("give the name of an environment variable"), "{out}");
    let more = ["--prompt-file", s(&prompt), "--api-key-env", "LLM_KEY", "--model", "qwen2.5"];
    f.add_source("chat", "openai", "http://localhost:8080/v1", &more);
    let ron = std::fs::read_to_string(f.root.join("project.ron")).unwrap();
    assert!(ron.contains("prompt: \"استخرج الفاعلين من النص: {text}\""), "{ron}");
    let (_, out) = run(&["source", "list", f.dir()]);
    assert!(
        out.contains("chat: openai at http://localhost:8080/v1, timeout 60 s, model qwen2.5, key in $LLM_KEY"),
        "{out}"
    );
    // A server that is down fails the check with its reason.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    f.add_source("down", "tarmeez", &format!("http://127.0.0.1:{port}"), &[]);
    let (ok, out) = run(&["source", "check", f.dir(), "down"]);
    assert!(!ok && out.contains("down: the server at"), "{out}");
    // Removing the server keeps the mapping (its suggestions still use it).
    let (ok, out) = run(&["source", "remove", f.dir(), "ner"]);
    assert!(ok, "{out}");
    let (_, out) = run(&["source", "list", f.dir()]);
    assert!(out.contains("ner: suggestion files only") && out.contains("PER=ACTOR"), "{out}");
    let (ok, out) = run(&["predict", f.dir(), "--source", "ner"]);
    assert!(!ok && out.contains("has no model server"), "{out}");
}

/// The example backend's handling, served on a free port.
fn example_backend() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    std::thread::spawn(move || ml_backend::serve(&server));
    format!("http://127.0.0.1:{port}")
}

#[test]
fn the_example_backend_suggests_the_sample_s_actors_places_and_attacks() {
    let (_tmp, root) = common::sample_copy();
    let dir = s(&root);
    // The sample asks the example at its default port.
    let (_, out) = run(&["source", "list", dir]);
    assert!(out.contains("example-backend: ls-backend at http://localhost:9090"), "{out}");
    let url = example_backend();
    let (ok, out) = run(&["source", "add", dir, "example-backend", "--url", &url]);
    assert!(ok, "{out}");
    let (ok, out) = run(&["source", "check", dir, "example-backend"]);
    assert!(ok && out.contains("ready: ArabicGazetteer, model arabic-gazetteer-1"), "{out}");
    let (ok, out) = run(&["predict", dir, "--source", "example-backend"]);
    assert!(ok, "{out}");
    let project = common::open_read_only(&root);
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let loaded = project.load_document(&doc).unwrap();
    let set = &loaded.suggestions[&SourceName::parse("example-backend").unwrap()];
    assert_eq!(set.source.model, ml_backend::MODEL_VERSION);
    let text = loaded.text.as_str();
    let got: Vec<String> = set
        .suggestions
        .values()
        .map(|sg| {
            format!(
                "{} {}",
                text.chars().skip(sg.span.start).take(sg.span.end - sg.span.start).collect::<String>(),
                label(&sg.label)
            )
        })
        .collect();
    for want in
        ["حقل العمر النفطي LOCATION", "مليشيا أبو الفضل العباس ACTOR", "مدينة الميادين LOCATION", "قصفت event ATTACK"]
    {
        assert!(got.iter().any(|g| g == want), "{want} missing from {got:?}");
    }
    // A one-letter clitic before a name is not part of it: `وحركة النجباء` gives `حركة النجباء`.
    assert!(got.iter().any(|g| g == "حركة النجباء ACTOR"), "{got:?}");
}

#[test]
fn predict_saves_the_documents_answered_and_exits_1_for_the_one_that_failed() {
    let f = fixture();
    let t = f.text.clone();
    let answer = json!({"results": [{"result": [region(cp(&t, "دير الزور", 0), Some("دير الزور"), "LOCATION")]}]});
    // The fixture's document is answered; the sample's article gets an error.
    let server = Loopback::start(move |r: &Request| {
        if r.json()["tasks"][0]["data"]["text"].as_str() == Some(t.as_str()) {
            Reply::ok(answer.clone())
        } else {
            Reply::Json(503, "busy".into())
        }
    });
    f.add_source("ner", "ls-backend", &server.url, &[]);
    let sample_doc = f.root.join(format!("suggestions/{}", common::SAMPLE_DOC));
    let before = common::files(&sample_doc);
    let (ok, out) = run(&["predict", f.dir(), "--source", "ner", "--parallel", "2"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!("{}: the server at {}/predict answered 503: busy", common::SAMPLE_DOC, server.url)),
        "{out}"
    );
    assert!(out.contains("1 suggestion(s) imported into 1, 1 document(s) refused or failed"), "{out}");
    let got: Vec<String> = f.suggestions("ner").into_iter().map(|(t, l, _)| format!("{t} {l}")).collect();
    assert_eq!(got, ["دير الزور LOCATION"]);
    assert!(common::files(&sample_doc) == before, "the failed document's suggestions are as they were");
    assert_eq!(server.requests().len(), 2, "one request per document");
}
