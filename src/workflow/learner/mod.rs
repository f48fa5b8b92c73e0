//! The learner inside the app, for when there is no model server: a sequence tagger of entity mentions (an
//! averaged perceptron over BIO tags of clitic-split tokens, with features fit for Arabic and the actor
//! registry as a gazetteer), trained on the coder's own coded documents, proposing mentions under the coder's
//! private source `learner-<coder>` with a confidence each, ordering a queue by its uncertainty, and measured
//! on documents it did not train on.
//!
//! `tokens.rs` cuts the text and spells mentions as tags, `features.rs` describes each token,
//! `gazetteer.rs` finds the registry's names, `perceptron.rs` learns and decodes, `tagger.rs` is the learner
//! as a whole, `evaluate.rs` its precision and recall, `uncertainty.rs` the ordering, `project.rs` the
//! project's side (training data, rounds, suggestions as an edit). No GUI; training runs on any thread.

mod evaluate;
mod features;
mod gazetteer;
mod perceptron;
mod project;
mod tagger;
mod tokens;
mod uncertainty;

pub use evaluate::{Prf, evaluate};
pub use gazetteer::Gazetteer;
pub use project::{
    Round, RoundFigures, examples, held_out, is_coded, learner_source, suggestion_edit, targets, train_round,
};
pub use tagger::{EPOCHS, Example, Learner, Predicted, Tagged};
pub use uncertainty::{documents_by_uncertainty, most_uncertain_first};
