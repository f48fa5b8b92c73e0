//! OpenAI-compatible chat servers as suggestion sources, against real HTTP servers on loopback replaying chat
//! completions of the shapes llama.cpp's `llama-server`, vLLM and Ollama's `/v1` send: the model's quotes
//! become suggestions at every place the document has them (Arabic with emoji and CRLF line ends, quotes
//! with another alef or tashkeel), a quote not in the text refuses the document, a server refusing structured
//! output is asked again without it, and failures give their message and change nothing.

use crate::common;

use common::loopback::{Loopback, Reply, Request};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tarmeez::formats::suggestions::ParsedFile;
use tarmeez::model::{DocId, DocumentMeta, ModelServer, ServerKind, SourceConfig, SourceName, SuggestedLabel};
use tarmeez::models::{self, AskError, DocRequest, Predictor};
use tarmeez::store::Project;
use tarmeez::workflow::model_suggestions::{AnswerPlan, plan_answer};

/// A news item with emoji (outside the BMP) and CRLF line ends; the base is written once with a fatha and
/// hamza, once bare; the drones carry a shadda.
const TEXT: &str = "قصفت طائرات مسيّرة قاعدةَ عين الأسد 🚀 في محافظة الأنبار صباح الاثنين.\r\n\
                    وقالت خلية الإعلام الأمني إن الهجوم على قاعدة عين الاسد لم يسفر عن إصابات 😡\r\n\
                    وتبنت «المقاومة الإسلامية في العراق» الهجوم.";

/// What the model answers: quotes without the text's tashkeel, with another alef (`الإثنين`), with a shadda the
/// text lacks (`الإسلاميّة`), with a preposition the text lacks (`بالأنبار`, the same place as `الأنبار`: one
/// suggestion), and the base once though the text has it twice.
fn model_json() -> Value {
    json!({
        "mentions": [
            {"text": "قاعدة عين الأسد", "type": "LOCATION"},
            {"text": "الأنبار", "type": "LOCATION"},
            {"text": "طائرات مسيرة", "type": "WEAPON"},
            {"text": "خلية الإعلام الأمني", "type": "SOURCE"},
            {"text": "المقاومة الإسلاميّة في العراق", "type": "ACTOR"},
            {"text": "صباح الإثنين", "type": "TIME"},
            {"text": "بالأنبار", "type": "LOCATION"}
        ],
        "events": [{"type": "ATTACK", "trigger": "قصفت", "roles": [
            {"role": "Instrument", "text": "طائرات مسيرة", "type": "WEAPON"},
            {"role": "Target", "text": "قاعدة عين الأسد", "type": "LOCATION"},
            {"role": "Time", "text": "صباح الإثنين", "type": "TIME"}
        ]}]
    })
}

/// The document's text at every suggestion, with its type, sorted.
fn expected() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = [
        ("قاعدةَ عين الأسد", "LOCATION"),
        ("قاعدة عين الاسد", "LOCATION"),
        ("الأنبار", "LOCATION"),
        ("طائرات مسيّرة", "WEAPON"),
        ("خلية الإعلام الأمني", "SOURCE"),
        ("المقاومة الإسلامية في العراق", "ACTOR"),
        ("صباح الاثنين", "TIME"),
        ("قصفت", "ATTACK"),
    ]
    .iter()
    .map(|(t, l)| ((*t).to_owned(), (*l).to_owned()))
    .collect();
    v.sort();
    v
}

/// A chat completion as llama.cpp's server sends it: the JSON bare in `content`, timings, its fingerprint.
fn llama_cpp(content: &str) -> Value {
    json!({
        "choices": [{"finish_reason": "stop", "index": 0, "message": {"role": "assistant", "content": content}}],
        "created": 1_764_489_600, "model": "qwen2.5-7b-instruct-q4_k_m.gguf", "system_fingerprint": "b4689-90e4dba4",
        "object": "chat.completion", "usage": {"completion_tokens": 231, "prompt_tokens": 1180, "total_tokens": 1411},
        "id": "chatcmpl-8S0zLk3X5xPdOtEwQvJoqT3jrvH6ZCHU",
        "timings": {"prompt_n": 1180, "prompt_ms": 912.4, "predicted_n": 231, "predicted_ms": 5021.7}
    })
}

/// As vLLM sends it (here with the JSON in a fence, as a model not held to a schema writes it).
fn vllm(content: &str) -> Value {
    json!({
        "id": "chatcmpl-b6a3f5e0c1d94b6f9a1c2e3d4f5a6b7c", "object": "chat.completion", "created": 1_764_489_600,
        "model": "Qwen/Qwen2.5-7B-Instruct",
        "choices": [{"index": 0, "message": {"role": "assistant", "reasoning_content": null, "content": content, "tool_calls": []},
                     "logprobs": null, "finish_reason": "stop", "stop_reason": null}],
        "usage": {"prompt_tokens": 1180, "total_tokens": 1411, "completion_tokens": 231, "prompt_tokens_details": null},
        "prompt_logprobs": null
    })
}

/// As Ollama's `/v1` sends it.
fn ollama(content: &str) -> Value {
    json!({
        "id": "chatcmpl-412", "object": "chat.completion", "created": 1_764_489_600, "model": "qwen2.5:7b",
        "system_fingerprint": "fp_ollama",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1180, "completion_tokens": 231, "total_tokens": 1411}
    })
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    project: Project,
    doc: DocId,
    text: Arc<str>,
}

fn fixture() -> Fixture {
    let (dir, root) = common::sample_copy();
    let mut project = common::open_as(&root, "huda");
    let doc = project.add_document("drone-strike", TEXT.to_owned(), DocumentMeta::default()).unwrap();
    Fixture { _dir: dir, root, project, doc, text: TEXT.into() }
}

fn source() -> SourceName {
    SourceName::parse("chat").unwrap()
}

fn server(url: &str) -> ModelServer {
    ModelServer { model: "qwen2.5:7b".into(), ..ModelServer::new(ServerKind::OpenAi, format!("{url}/v1")) }
}

fn connect(f: &Fixture, server: ModelServer) -> Result<Arc<dyn Predictor>, AskError> {
    let config = SourceConfig { server: Some(server), ..SourceConfig::default() };
    models::connect(&source(), &config, &f.project.config().schema)
}

fn ask(f: &Fixture, server: ModelServer) -> Result<ParsedFile, AskError> {
    connect(f, server)?.predict(&DocRequest { id: f.doc.clone(), text: f.text.clone() })
}

/// The document's text at every suggestion of the source, with its type, sorted.
fn suggested(f: &Fixture) -> Vec<(String, String)> {
    let loaded = f.project.document(&f.doc).unwrap().loaded().unwrap();
    let mut v: Vec<(String, String)> = loaded.suggestions[&source()]
        .suggestions
        .values()
        .map(|s| {
            let label = match &s.label {
                SuggestedLabel::Entity(t) => t.to_string(),
                SuggestedLabel::Event(t) => t.to_string(),
            };
            (loaded.text.slice(s.span).unwrap().to_owned(), label)
        })
        .collect();
    v.sort();
    v
}

fn files(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    common::files(root)
}

#[test]
fn answers_of_llama_cpp_vllm_and_ollama_become_suggestions_at_every_place_quoted() {
    let answer = model_json().to_string();
    let pretty = serde_json::to_string_pretty(&model_json()).unwrap();
    let replies = [
        ("llama.cpp", llama_cpp(&pretty), "qwen2.5-7b-instruct-q4_k_m.gguf"),
        ("vLLM", vllm(&format!("```json\n{pretty}\n```")), "Qwen/Qwen2.5-7B-Instruct"),
        (
            "Ollama",
            ollama(&format!("Here are the annotations:\n\n```json\n{answer}\n```\n\nLet me know!")),
            "qwen2.5:7b",
        ),
    ];
    for (name, reply, model) in replies {
        let mut f = fixture();
        let http = Loopback::start(move |_| Reply::ok(reply.clone()));
        let parsed = ask(&f, server(&http.url)).unwrap();
        assert!(parsed.refused.is_empty(), "{name}: {:?}", parsed.refused);
        // The event's fillers are at the occurrences in its sentence, in the document's spelling.
        let event = parsed.items.iter().find(|i| i.label == "ATTACK").unwrap();
        let fillers: Vec<(&str, &str)> =
            event.roles.iter().map(|r| (r.role.as_str(), r.text.as_deref().unwrap())).collect();
        assert_eq!(
            fillers,
            [("Instrument", "طائرات مسيّرة"), ("Target", "قاعدةَ عين الأسد"), ("Time", "صباح الاثنين")],
            "{name}"
        );
        let AnswerPlan::Import(Some(edit), report) = plan_answer(&f.project, &source(), &f.doc, parsed) else {
            panic!("{name}: not imported")
        };
        assert_eq!(report.imported(), 8, "{name}: {report}");
        f.project.apply_edit(*edit).unwrap();
        assert_eq!(suggested(&f), expected(), "{name}");
        let set = &f.project.document(&f.doc).unwrap().loaded().unwrap().suggestions[&source()];
        assert_eq!(set.source.model, model, "{name}: the model that answered is the provenance");
    }
}

#[test]
fn the_request_carries_model_prompt_and_structured_output_and_the_key() {
    let f = fixture();
    let http = Loopback::start(|_| Reply::ok(llama_cpp(&model_json().to_string())));
    // An environment variable cargo sets for every test process stands for a key variable.
    let key = std::env::var("CARGO_PKG_NAME").unwrap();
    ask(&f, ModelServer { api_key_env: "CARGO_PKG_NAME".into(), ..server(&http.url) }).unwrap();
    let request = &http.requests()[0];
    assert_eq!((request.method.as_str(), request.path.as_str()), ("POST", "/v1/chat/completions"));
    assert_eq!(request.header("authorization"), Some(format!("Bearer {key}").as_str()));
    let body = request.json();
    assert_eq!((&body["model"], &body["temperature"]), (&json!("qwen2.5:7b"), &json!(0)));
    let prompt = body["messages"][0]["content"].as_str().unwrap();
    assert!(prompt.ends_with(&format!("Article:\n{TEXT}\n")), "the document as written, CRLF kept: {prompt}");
    assert!(prompt.contains("- ATTACK (Attack, هجوم)"), "the schema with names: {prompt}");
    let format = &body["response_format"];
    assert_eq!((&format["type"], &format["json_schema"]["strict"]), (&json!("json_schema"), &json!(true)));
    let schema = &format["json_schema"]["schema"];
    assert_eq!(schema["properties"]["mentions"]["items"]["properties"]["type"]["enum"][1], "LOCATION");

    // The project's own template, with both placeholders.
    let own = ModelServer { prompt: "Types:\n{schema}\nMark this: {text}".into(), ..server(&http.url) };
    ask(&f, own).unwrap();
    let prompt = http.requests()[1].json()["messages"][0]["content"].as_str().unwrap().to_owned();
    assert!(prompt.starts_with("Types:\nEntity types") && prompt.ends_with(&format!("Mark this: {TEXT}")), "{prompt}");
    let Err(e) = connect(&f, ModelServer { prompt: "Mark the entities.".into(), ..server(&http.url) }) else {
        panic!("a template without {{text}} is refused")
    };
    assert!(e.to_string().contains("prompt template cannot be used: the prompt template has no {text}"), "{e}");
}

#[test]
fn a_quote_not_in_the_text_refuses_the_document_with_its_message_and_changes_nothing() {
    let mut answer = model_json();
    answer["mentions"].as_array_mut().unwrap().push(json!({"text": "قاعدة التنف", "type": "LOCATION"}));
    let reply = vllm(&answer.to_string());
    let http = Loopback::start(move |_| Reply::ok(reply.clone()));
    let f = fixture();
    let before = files(&f.root);
    let parsed = ask(&f, server(&http.url)).unwrap();
    let AnswerPlan::Refused(refusals) = plan_answer(&f.project, &source(), &f.doc, parsed) else {
        panic!("a document with a quote not in it is refused")
    };
    let reasons: Vec<String> = refusals.iter().map(ToString::to_string).collect();
    assert_eq!(reasons, ["mention 8: the quote «قاعدة التنف» is not in the document"]);
    assert_eq!(files(&f.root), before);
}

#[test]
fn a_server_refusing_structured_output_is_asked_again_without_it_and_not_offered_it_again() {
    // vLLM when its grammar backend cannot take the schema; llama.cpp builds before json_schema support.
    let refusals = [
        (
            400,
            r#"{"object":"error","message":"The provided JSON schema contains features not supported by xgrammar.","type":"BadRequestError","param":null,"code":400}"#,
        ),
        (
            500,
            r#"{"error":{"code":500,"message":"response_format type must be one of \"text\" or \"json_object\", but got: json_schema","type":"server_error"}}"#,
        ),
        // A hosted model without structured outputs.
        (
            400,
            r#"{"error":{"message":"Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.","type":"invalid_request_error","param":"response_format","code":null}}"#,
        ),
    ];
    for (status, body) in refusals {
        let f = fixture();
        let content = model_json().to_string();
        let http = Loopback::start(move |r: &Request| {
            if r.json().get("response_format").is_some() {
                Reply::Json(status, body.to_owned())
            } else {
                Reply::ok(llama_cpp(&content))
            }
        });
        let predictor = connect(&f, server(&http.url)).unwrap();
        let doc = DocRequest { id: f.doc.clone(), text: f.text.clone() };
        assert_eq!(predictor.predict(&doc).unwrap().items.len(), 8, "{status}");
        assert_eq!(predictor.predict(&doc).unwrap().items.len(), 8, "{status}");
        let offered: Vec<bool> = http.requests().iter().map(|r| r.json().get("response_format").is_some()).collect();
        assert_eq!(offered, [true, false, false], "{status}");
    }
}

#[test]
fn failures_give_their_message_and_change_nothing() {
    let slow = Reply::After(Duration::from_secs(3), Box::new(Reply::ok(llama_cpp("{}"))));
    let full = llama_cpp(&model_json().to_string()).to_string();
    let cases: Vec<(&str, Reply, &str)> = vec![
        (
            "a 500",
            Reply::Json(500, r#"{"error":{"message":"model requires more system memory (9.5 GiB) than is available (4.1 GiB)","type":"api_error","param":null,"code":null}}"#.into()),
            "answered 500: model requires more system memory (9.5 GiB) than is available (4.1 GiB)",
        ),
        ("a timeout", slow, "within 1 s"),
        ("an answer cut short", Reply::Cut(full.clone(), full.len() / 2), "not usable: it is cut short"),
        ("a server killed mid-request", Reply::Hangup, "does not answer"),
        (
            "a model stopped at its limit",
            Reply::ok(json!({"choices": [{"message": {"role": "assistant", "content": "{\"mentions\": [{\"text\": \"قاعدة"}, "finish_reason": "length"}]})),
            "not usable: the model stopped at its length limit",
        ),
        (
            "a model's JSON cut short",
            Reply::ok(ollama("```json\n{\"mentions\": [{\"text\": \"قاعدة")),
            "not usable: the model's JSON is cut short: «```json {\"mentions\": [{\"text\": \"قاعدة»",
        ),
        (
            "no JSON",
            Reply::ok(ollama("عذراً، لا أستطيع المساعدة في ذلك.")),
            "not usable: the model's text holds no JSON object: «عذراً، لا أستطيع المساعدة في ذلك.»",
        ),
        ("not a chat completion", Reply::ok(json!({"detail": "Not Found"})), "not usable: the answer has no `choices`"),
    ];
    for (what, reply, message) in cases {
        let f = fixture();
        let before = files(&f.root);
        let http = Loopback::start(move |_| reply.clone());
        let e = ask(&f, ModelServer { timeout_secs: 1, ..server(&http.url) }).unwrap_err();
        assert!(e.to_string().contains(message), "{what}: {e}");
        assert!(e.to_string().contains(&http.url), "{what}: the message names the server: {e}");
        assert_eq!(files(&f.root), before, "{what}");
    }
}

#[test]
fn check_lists_the_models_and_says_whether_the_sources_model_is_served() {
    let listings = [
        // llama.cpp: its one model under the file's name (it answers whatever name a request gives), `models` beside `data`.
        json!({"models": [{"name": "qwen2.5-7b-instruct-q4_k_m.gguf", "model": "qwen2.5-7b-instruct-q4_k_m.gguf"}],
               "object": "list",
               "data": [{"id": "qwen2.5-7b-instruct-q4_k_m.gguf", "object": "model", "created": 1_764_489_600, "owned_by": "llamacpp",
                         "meta": {"vocab_type": 2, "n_vocab": 152_064, "n_ctx_train": 32_768}}]}),
        json!({"object": "list", "data": [{"id": "Qwen/Qwen2.5-7B-Instruct", "object": "model", "created": 1_764_489_600,
               "owned_by": "vllm", "root": "Qwen/Qwen2.5-7B-Instruct", "parent": null, "max_model_len": 32_768}]}),
        json!({"object": "list", "data": [{"id": "qwen2.5:7b", "object": "model", "created": 1_764_489_600, "owned_by": "library"},
                                          {"id": "llama3.2:latest", "object": "model", "created": 1_764_489_600, "owned_by": "library"}]}),
    ];
    let f = fixture();
    let answers: Vec<Result<String, String>> = listings
        .into_iter()
        .map(|listing| {
            let http = Loopback::start(move |_| Reply::ok(listing.clone()));
            let checked = connect(&f, server(&http.url)).unwrap().check().map_err(|e| e.to_string());
            assert_eq!(http.requests()[0].path, "/v1/models");
            checked.map_err(|e| e.replace(&http.url, "URL"))
        })
        .collect();
    assert_eq!(
        answers,
        [
            Ok("ready: serves qwen2.5-7b-instruct-q4_k_m.gguf, whatever model a request names".into()),
            Err("the server at URL/v1/models does not serve the model `qwen2.5:7b`; it serves: Qwen/Qwen2.5-7B-Instruct".into()),
            Ok("ready: serves qwen2.5:7b".into()),
        ]
    );
    let http = Loopback::start(|_| Reply::ok(json!({"object": "list", "data": [{"id": "llama3.2:latest"}]})));
    let any = ModelServer { model: String::new(), ..server(&http.url) };
    assert_eq!(
        connect(&f, any).unwrap().check().unwrap(),
        "ready: serves llama3.2:latest (no model set: the server chooses)"
    );
}
