//! Who codes which document: `assignments.ron`, written by the lead (`tarmeez assign`) and read by every
//! coder's window (DESIGN.md section 11: the assignments have exactly one writer).
//!
//! The draw itself is in [`super::assign`]; this file is the data and its questions.

use super::{Annotator, DocId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The coders of each assigned document. A document not listed is nobody's in particular.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignments {
    /// Coders by document, both sorted, so that the file is stable and diffs show only what changed.
    #[serde(default)]
    pub documents: BTreeMap<DocId, BTreeSet<Annotator>>,
}

impl Assignments {
    /// Whether no document is assigned.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The coders of `doc` (none when it is not assigned).
    pub fn coders_of(&self, doc: &DocId) -> impl Iterator<Item = &Annotator> {
        self.documents.get(doc).into_iter().flatten()
    }

    /// Whether `coder` is one of `doc`'s coders.
    pub fn is_assigned(&self, doc: &DocId, coder: &Annotator) -> bool {
        self.documents.get(doc).is_some_and(|c| c.contains(coder))
    }

    /// How many documents each coder has, for every coder named in the file.
    pub fn loads(&self) -> BTreeMap<&Annotator, usize> {
        let mut loads = BTreeMap::new();
        for coder in self.documents.values().flatten() {
            *loads.entry(coder).or_insert(0) += 1;
        }
        loads
    }

    /// How many documents have two coders or more (the ones agreement can be measured on).
    pub fn overlap(&self) -> usize {
        self.documents.values().filter(|c| c.len() > 1).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(name: &str) -> Annotator {
        Annotator::parse(name).unwrap()
    }

    #[test]
    fn loads_and_overlap_count_what_the_file_says() {
        let mut asg = Assignments::default();
        asg.documents.insert(DocId::parse("d1").unwrap(), [a("huda"), a("omar")].into());
        asg.documents.insert(DocId::parse("d2").unwrap(), [a("huda")].into());
        let loads: Vec<(&str, usize)> = asg.loads().into_iter().map(|(c, n)| (c.as_str(), n)).collect();
        assert_eq!(loads, [("huda", 2), ("omar", 1)]);
        assert_eq!(asg.overlap(), 1);
        assert!(asg.is_assigned(&DocId::parse("d1").unwrap(), &a("omar")));
        assert!(!asg.is_assigned(&DocId::parse("d2").unwrap(), &a("omar")));
        assert_eq!(asg.coders_of(&DocId::parse("d3").unwrap()).count(), 0);
    }
}
