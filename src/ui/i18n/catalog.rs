//! The Fluent bundles of the two languages, built once, and the messages without arguments formatted once
//! (so that a label is a `&'static str` and costs no allocation a frame).

use super::Language;
use super::visual::visual;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The English messages.
pub(super) const EN: &str = include_str!("../../../assets/i18n/en.ftl");
/// The Arabic messages.
pub(super) const AR: &str = include_str!("../../../assets/i18n/ar.ftl");

/// One language's bundle and its messages without arguments, in logical and in visual order.
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    logical: HashMap<String, &'static str>,
    visual: HashMap<String, &'static str>,
}

/// An argument of a message: text or a number (numbers choose plural forms).
#[derive(Clone, Debug)]
pub enum MessageArg {
    /// Text (a name, a path, a quoted span).
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for MessageArg {
    fn from(s: &str) -> Self {
        MessageArg::Text(s.to_owned())
    }
}

impl From<String> for MessageArg {
    fn from(s: String) -> Self {
        MessageArg::Text(s)
    }
}

impl From<&String> for MessageArg {
    fn from(s: &String) -> Self {
        MessageArg::Text(s.clone())
    }
}

impl From<Cow<'_, str>> for MessageArg {
    fn from(s: Cow<'_, str>) -> Self {
        MessageArg::Text(s.into_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for MessageArg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                MessageArg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f32, f64);

fn source(language: Language) -> &'static str {
    match language {
        Language::English => EN,
        Language::Arabic => AR,
    }
}

fn build(language: Language) -> Catalog {
    let tag = match language {
        Language::English => "en",
        Language::Arabic => "ar",
    };
    let Ok(id) = tag.parse() else { unreachable!("a fixed, valid language tag") };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // English keeps its arguments bare (the accessible names tests look for); Arabic isolates them, which the
    // bidi pass reads and then removes.
    bundle.set_use_isolating(language.is_rtl());
    // The files are part of the binary and checked by the unit tests: a syntax error loses only its entry.
    let resource = FluentResource::try_new(source(language).to_owned()).unwrap_or_else(|(partial, _)| partial);
    let ids = message_ids(&resource);
    let _ = bundle.add_resource(resource);
    let mut logical = HashMap::new();
    let mut shown = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors).into_owned();
        if !errors.is_empty() {
            continue; // it needs arguments
        }
        let seen: &'static str = Box::leak(visual_if(language, &text).into_boxed_str());
        shown.insert(id.clone(), seen);
        logical.insert(id, &*Box::leak(text.into_boxed_str()));
    }
    Catalog { bundle, logical, visual: shown }
}

/// The ids of a file's messages, in the file's order.
pub(super) fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn visual_if(language: Language, text: &str) -> String {
    if language.is_rtl() { visual(text) } else { text.to_owned() }
}

fn catalog(language: Language) -> &'static Catalog {
    static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    let i = usize::from(language.is_rtl());
    CATALOGS[i].get_or_init(|| build(language))
}

/// Message `id` without arguments; `shown`: in the order egui draws (else logical). An unknown id comes
/// back as itself (the unit tests make sure every id used exists).
pub fn format_static(language: Language, id: &'static str, shown: bool) -> &'static str {
    let c = catalog(language);
    let map = if shown { &c.visual } else { &c.logical };
    map.get(id).copied().unwrap_or(id)
}

/// Message `id` with `args`.
pub fn format(language: Language, id: &str, args: &[(&str, MessageArg)], shown: bool) -> String {
    let c = catalog(language);
    let Some(pattern) = c.bundle.get_message(id).and_then(|m| m.value()) else { return id.to_owned() };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            MessageArg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            // Whole numbers as integers, so that plural rules see no fraction digits.
            #[allow(clippy::cast_possible_truncation)]
            MessageArg::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                fluent_args.set(*name, FluentValue::from(*n as i64));
            }
            MessageArg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = c.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if shown { visual_if(language, &text) } else { text.into_owned() }
}

/// Message `id` without arguments, if the language has it (schema names the file may not hold).
pub(super) fn lookup(language: Language, id: &str, shown: bool) -> Option<&'static str> {
    let c = catalog(language);
    let map = if shown { &c.visual } else { &c.logical };
    map.get(id).copied()
}
