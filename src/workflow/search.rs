//! Project-wide search: every match of a phrase in every document, with the words around it.

use crate::model::{DocId, Span};
use crate::store::Project;
use crate::text::context::{Limits, Snippet, snippet};
use crate::text::matching::{Score, TextQuery};

/// One match of a search in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The document.
    pub doc: DocId,
    /// Code points of the document's text: the matched words without their proclitics (see
    /// [`crate::text::matching::find_in_text`]).
    pub span: Span,
    /// How it matched (exact, through clitics, with typos).
    pub score: Score,
    /// The hit with a few words on either side (see [`crate::text::context`]); `…` marks where the text goes on.
    pub context: String,
    /// Where the hit lies in `context`, in code points, so a list can highlight it.
    pub hit_in_context: Span,
}

/// Every match of `query` in the project's documents, document by document in the project's order and by
/// position within each. Matching is normalized, clitic-aware and typo-tolerant (see
/// [`crate::text::matching`]); each hit's [`SearchHit::score`] tells how it matched.
///
/// Documents are loaded as needed (and stay loaded). Documents with problems are skipped: their text may no
/// longer agree with their annotations, and the problems list already points at them.
pub fn search_project(project: &Project, query: &str) -> Vec<SearchHit> {
    let mut q = TextQuery::new(query);
    if q.is_empty() {
        return Vec::new();
    }
    let ids: Vec<DocId> = project.documents().iter().map(|d| d.id.clone()).collect();
    let mut hits = Vec::new();
    for id in ids {
        let Ok(doc) = project.load_document(&id) else { continue };
        let text = &doc.text;
        for m in q.find(text.as_str()) {
            let Snippet { text: context, hit: hit_in_context } = snippet(text, m.span, Limits::ROW);
            hits.push(SearchHit { doc: id.clone(), span: m.span, score: m.score, context, hit_in_context });
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotator, DocumentMeta};
    use crate::store::OpenOptions;
    use crate::text::matching::MatchKind;
    use std::path::Path;

    const SAMPLE_DOC: &str = "al-omar-oilfield-2021-06-29";

    /// Copies the committed sample project (without lock files and other coders' local layers, as
    /// `tests/common::sample_copy` does) into `dest`.
    fn copy_sample(dest: &Path) {
        fn walk(root: &Path, dir: &Path, dest: &Path) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                let rel = p.strip_prefix(root).unwrap();
                let local_layer =
                    rel.starts_with("annotations") && p.is_file() && p.file_name().is_some_and(|n| n != "sample.ron");
                if rel.starts_with(".locks") || local_layer {
                    continue;
                }
                if p.is_dir() {
                    walk(root, &p, dest);
                } else {
                    let to = dest.join(rel);
                    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                    std::fs::copy(&p, to).unwrap();
                }
            }
        }
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield");
        walk(&sample, &sample, dest);
    }

    fn open(dir: &Path, read_only: bool) -> Project {
        let annotator = Annotator::parse("search-test").unwrap();
        Project::open(dir, OpenOptions { annotator, read_only }).unwrap()
    }

    /// A copy of the sample with a second, good document, and a broken one (its text was edited after
    /// import) whose text also mentions al-Mayadin.
    fn project_with_three_documents() -> (tempfile::TempDir, Project) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("project");
        copy_sample(&dir);
        let mut p = open(&dir, false);
        let meta = DocumentMeta { title: "Second".into(), ..DocumentMeta::default() };
        p.add_document("second", "وصلت التعزيزات بالميادين\nثم حقل العمر".into(), meta.clone()).unwrap();
        let broken = p.add_document("broken", "قصف قرب الميادين".into(), meta).unwrap();
        drop(p);
        std::fs::write(dir.join(format!("documents/{broken}.txt")), "قصف قرب الميادين اليوم").unwrap();
        (tmp, open(&dir, true))
    }

    #[test]
    fn finds_every_occurrence_in_every_good_document() {
        let (_tmp, project) = project_with_three_documents();
        let hits = search_project(&project, "الميادين");
        let in_sample: Vec<&SearchHit> = hits.iter().filter(|h| h.doc.as_str() == SAMPLE_DOC).collect();
        // The article has "الميادين" seven times and "والميادين" once.
        assert_eq!(in_sample.len(), 8);
        let second: Vec<&SearchHit> = hits.iter().filter(|h| h.doc.as_str() == "second").collect();
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].span, Span::new(16, 24), "الميادين without the preposition ب");
        assert_eq!(second[0].score.kind, MatchKind::Clitic);
        assert!(hits.iter().all(|h| h.doc.as_str() != "broken"), "broken documents are skipped");
        assert!(project.document(&DocId::parse("broken").unwrap()).unwrap().is_broken());
        // Hits come document by document, in order within each.
        let sample = project.document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap();
        let text = sample.loaded().unwrap().text.clone();
        for pair in in_sample.windows(2) {
            assert!(pair[0].span.start < pair[1].span.start);
        }
        for h in &in_sample {
            assert_eq!(text.slice(h.span), Some("الميادين"));
        }
    }

    #[test]
    fn context_shows_a_few_words_around_the_hit_on_one_line() {
        let (_tmp, project) = project_with_three_documents();
        let hits = search_project(&project, "الميادين");
        let second = hits.iter().find(|h| h.doc.as_str() == "second").unwrap();
        assert_eq!(second.context, "وصلت التعزيزات بالميادين ثم حقل العمر", "the line break is a space");
        let hit: String =
            second.context.chars().skip(second.hit_in_context.start).take(second.hit_in_context.len()).collect();
        assert_eq!(hit, "الميادين");
        let first = hits.iter().find(|h| h.doc.as_str() == SAMPLE_DOC).unwrap();
        // The end of the article's first paragraph: four words before, the next paragraph after.
        assert_eq!(first.context, "… الإيرانية المتمركزة في مدينة الميادين. وقالت مصادر خاصة لـ\"وكالة …");
        let in_context = |h: &SearchHit| -> String {
            h.context.chars().skip(h.hit_in_context.start).take(h.hit_in_context.len()).collect()
        };
        assert!(hits.iter().all(|h| in_context(h) == "الميادين"));
    }

    #[test]
    fn typos_and_normalization_reach_across_the_project() {
        let (_tmp, project) = project_with_three_documents();
        // "حقل العمر" is written "حقل العمل" once in the article.
        let hits = search_project(&project, "حقل العمر");
        let typo: Vec<&SearchHit> = hits.iter().filter(|h| h.score.kind == MatchKind::Typo).collect();
        assert_eq!(typo.len(), 1);
        assert!(typo[0].context.contains("حقل العمل"));
        assert!(hits.iter().any(|h| h.doc.as_str() == "second"), "phrases may start a paragraph");
        // Negative: nothing in the project is a typo away from an unrelated name, and empty queries find nothing.
        assert!(search_project(&project, "طهرانيون").is_empty());
        assert!(search_project(&project, "  ").is_empty());
    }
}
