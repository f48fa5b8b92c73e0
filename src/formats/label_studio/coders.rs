//! Whose layer each annotation of a task file goes into. Label Studio names its annotators by user id
//! (`"completed_by": 3`) or, in newer exports, by an object with their email; Tarmeez's coders have names.
//! The user names them (`--coder 3=huda`, `--coder huda@example.org=huda`), or puts a file with one
//! annotator into one coder (`--annotator`); Tarmeez's own export writes `<coder>@tarmeez.invalid`, which
//! names its coder. Anything else is refused, naming the annotators left without a coder.

use super::tasks::{CompletedBy, TaskFile};
use crate::model::Annotator;
use std::collections::BTreeMap;

/// The domain of the emails Tarmeez's export gives its coders (`.invalid` is reserved: no real address).
pub const TARMEEZ_EMAIL_DOMAIN: &str = "tarmeez.invalid";

/// How the user names the file's annotators.
#[derive(Clone, Debug, Default)]
pub struct CoderNames {
    /// `--coder KEY=NAME`: a user id or email, and the coder.
    pub named: BTreeMap<String, Annotator>,
    /// `--annotator`: the coder of a file whose annotations all come from one annotator.
    pub single: Option<Annotator>,
}

impl CoderNames {
    /// Reads `--coder KEY=NAME` pairs.
    pub fn parse(pairs: &[String], single: Option<Annotator>) -> Result<Self, String> {
        let mut named = BTreeMap::new();
        for pair in pairs {
            let Some((key, name)) = pair.split_once('=').filter(|(k, n)| !k.is_empty() && !n.is_empty()) else {
                return Err(format!("--coder {pair}: expected USER=CODER, e.g. --coder 3=huda"));
            };
            let coder = Annotator::parse(name).map_err(|e| format!("--coder {pair}: {e}"))?;
            named.insert(key.to_owned(), coder);
        }
        Ok(Self { named, single })
    }

    fn named(&self, user: &CompletedBy) -> Option<Annotator> {
        let by_key = |k: &Option<String>| k.as_ref().and_then(|k| self.named.get(k)).cloned();
        by_key(&user.email).or_else(|| by_key(&user.id)).or_else(|| {
            let (local, domain) = user.email.as_deref()?.rsplit_once('@')?;
            (domain == TARMEEZ_EMAIL_DOMAIN).then(|| Annotator::parse(local).ok()).flatten()
        })
    }
}

/// The annotators of a file's annotations (cancelled ones left out), each with how many annotations, by
/// [`CompletedBy::key`] (empty for an annotation that names nobody).
pub fn annotators(file: &TaskFile) -> BTreeMap<String, (CompletedBy, usize)> {
    let mut out: BTreeMap<String, (CompletedBy, usize)> = BTreeMap::new();
    let annotations = file.tasks.iter().filter_map(|(_, t)| t.as_ref().ok()).flat_map(|t| &t.annotations);
    for a in annotations.filter(|a| !a.cancelled) {
        let user = a.completed_by.clone().unwrap_or(CompletedBy { id: None, email: None });
        out.entry(user.key()).or_insert((user, 0)).1 += 1;
    }
    out
}

/// The coder of each annotator of the file, by [`CompletedBy::key`], or why they cannot all be named.
pub fn coders(file: &TaskFile, names: &CoderNames) -> Result<BTreeMap<String, Annotator>, String> {
    let all = annotators(file);
    let mut out = BTreeMap::new();
    let mut unnamed = Vec::new();
    for (key, (user, count)) in &all {
        match names.named(user) {
            Some(coder) => {
                out.insert(key.clone(), coder);
            }
            None => unnamed.push((key.clone(), *count)),
        }
    }
    if unnamed.is_empty() {
        return Ok(out);
    }
    if let (Some(single), 1) = (&names.single, all.len()) {
        out.insert(unnamed[0].0.clone(), single.clone());
        return Ok(out);
    }
    let list: Vec<String> = unnamed
        .iter()
        .map(|(k, n)| {
            let who = if k.is_empty() { "no `completed_by`".to_owned() } else { format!("user {k}") };
            format!("{who} ({n} annotation{})", if *n == 1 { "" } else { "s" })
        })
        .collect();
    let example = unnamed.iter().find(|(k, _)| !k.is_empty()).map_or("3", |(k, _)| k.as_str());
    Err(format!(
        "the file has annotations by {} annotator(s) and {} of them have no coder: {}; name each with --coder \
         {example}=NAME{}",
        all.len(),
        unnamed.len(),
        list.join(", "),
        if all.len() == 1 { " or give --annotator NAME" } else { "" }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::label_studio::tasks::parse_tasks;

    #[test]
    fn annotators_are_named_by_the_user_by_tarmeez_s_email_or_by_annotator_when_alone() {
        let task = |by: &str| {
            format!(r#"{{"data": {{"text": "x"}}, "annotations": [{{"completed_by": {by}, "result": []}}]}}"#)
        };
        let two = parse_tasks(&format!("[{}, {}]", task("3"), task(r#"{"id": 9, "email": "omar@tarmeez.invalid"}"#)))
            .unwrap();
        let huda = Annotator::parse("huda").unwrap();
        let names = CoderNames::parse(&["3=huda".to_owned()], None).unwrap();
        let found = coders(&two, &names).unwrap();
        assert_eq!(found["3"], huda);
        assert_eq!(found["omar@tarmeez.invalid"].as_str(), "omar");
        let single = CoderNames { single: Some(huda.clone()), ..CoderNames::default() };
        let e = coders(&parse_tasks(&format!("[{}, {}]", task("3"), task("4"))).unwrap(), &single).unwrap_err();
        assert!(e.contains("user 3 (1 annotation), user 4") && e.contains("--coder 3=NAME"), "{e}");
        assert_eq!(coders(&parse_tasks(&task("4")).unwrap(), &single).unwrap()["4"], huda);
        assert!(CoderNames::parse(&["3".to_owned()], None).is_err());
    }
}
