//! Asking a model server from the window and the library: answers become suggestions, failures change
//! nothing, and the window keeps drawing while a request is pending.

mod common;

use common::loopback::{Loopback, Reply};
use serde_json::json;
use std::sync::Arc;
use tarmeez::model::{DocId, ModelServer, ServerKind, SourceConfig, SourceName};
use tarmeez::models::{self, DocRequest};
use tarmeez::workflow::model_suggestions::{AnswerPlan, plan_answer};

fn tarmeez_source(url: &str) -> SourceConfig {
    SourceConfig { server: Some(ModelServer::new(ServerKind::Tarmeez, url)), ..SourceConfig::default() }
}

#[test]
fn a_tarmeez_answer_becomes_suggestions_of_the_document_asked_about() {
    let (_dir, root) = common::sample_copy();
    let mut project = common::open_as(&root, "huda");
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let text: Arc<str> = project.load_document(&doc).unwrap().text.as_str().into();
    let start = text.find("حقل العمر").map(|b| text[..b].chars().count()).unwrap();
    let server = Loopback::start(move |_| {
        Reply::ok(
            json!({"model": "gaz", "version": "1", "mentions": [{"start": start, "end": start + 4, "label": "LOCATION"}]}),
        )
    });
    let source = SourceName::parse("gaz").unwrap();
    let predictor = models::connect(&source, &tarmeez_source(&server.url), &project.config().schema).unwrap();
    let parsed = predictor.predict(&DocRequest { id: doc.clone(), text: text.clone() }).unwrap();
    let AnswerPlan::Import(Some(edit), report) = plan_answer(&project, &source, &doc, parsed) else { panic!() };
    assert_eq!(report.imported(), 1);
    project.apply_edit(edit).unwrap();
    let set = &project.document(&doc).unwrap().loaded().unwrap().suggestions[&source];
    assert_eq!(set.source.model, "gaz 1");
    let sent = server.requests()[0].json();
    assert_eq!(sent["document"]["text"].as_str(), Some(&*text));
    assert_eq!(sent["protocol"], "tarmeez-1");
}
