//! The one list of annotation import formats, shared by `tarmeez import-annotations --format` and File >
//! Import annotations. (Suggestion formats are [`crate::formats::suggestions::SuggestionFormat`], corpus
//! formats [`crate::formats::corpus::CorpusFormat`]; each has the same `ALL`, `name`, `description` and
//! `help`.)

use std::fmt;
use std::path::Path;

/// A format a coder's annotations can be imported from, into their layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnnotationFormat {
    /// brat standoff `.ann` files.
    Brat,
    /// doccano JSON lines.
    Doccano,
    /// Label Studio tasks (a JSON export, one task, or JSON lines): documents and coders' layers.
    LabelStudio,
    // Issue 17: CoNLL column files (src/formats/conll/).
    /// CoNLL-2003, IOB2 or BIOES columns (ANERcorp, Tarmeez's own export).
    Conll,
    /// WebAnno TSV 3 (INCEpTION), files or a folder of them.
    WebAnno,
}

impl AnnotationFormat {
    /// Every format, in the order they are listed.
    pub const ALL: [AnnotationFormat; 5] = [
        AnnotationFormat::Brat,
        AnnotationFormat::Doccano,
        AnnotationFormat::LabelStudio,
        AnnotationFormat::Conll,
        AnnotationFormat::WebAnno,
    ];

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            AnnotationFormat::Brat => "brat",
            AnnotationFormat::Doccano => "doccano",
            AnnotationFormat::LabelStudio => "label-studio",
            AnnotationFormat::Conll => "conll",
            AnnotationFormat::WebAnno => "webanno",
        }
    }

    /// The format named `name` (as [`AnnotationFormat::name`] spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format in a few words, for a list to choose from.
    pub fn description(self) -> &'static str {
        match self {
            AnnotationFormat::Brat => "brat (.ann)",
            AnnotationFormat::Doccano => "doccano (JSON lines)",
            AnnotationFormat::LabelStudio => "Label Studio (tasks JSON)",
            AnnotationFormat::Conll => "CoNLL / IOB columns",
            AnnotationFormat::WebAnno => "WebAnno TSV (INCEpTION)",
        }
    }

    /// What the format reads, in full, for the command line's `--help`.
    pub fn help(self) -> &'static str {
        match self {
            AnnotationFormat::Brat => "brat standoff `.ann` files, as `export --format brat` writes them",
            AnnotationFormat::Doccano => {
                "doccano JSON lines, as `export --format doccano` writes them, or doccano's `label` and `labels` forms, or \
                 doccano 1.x's `annotations` (numbered labels, named with --map 3=ACTOR)"
            }
            AnnotationFormat::LabelStudio => {
                "Label Studio's JSON export of tasks: each task's text a document (made when the project lacks it), \
                 each annotation a coder's layer (name annotators with --coder 3=huda), span labels and relations"
            }
            AnnotationFormat::Conll => {
                "CoNLL columns, the tag last: CoNLL-2003 (IOB1, -DOCSTART-), IOB2 or BIOES/BILOU (ANERcorp's \
                 `token tag`), or `export --format conll`; tokens are placed in the document (by `# doc_id`, --doc or \
                 its text) or make a new one"
            }
            AnnotationFormat::WebAnno => {
                "WebAnno TSV 3 files or folders (INCEpTION's export, `<document>/<user>.tsv`), as `export --format \
                 webanno` writes them; the documents they are of are created when the project lacks them"
            }
        }
    }

    /// The types the files at `path` declare or use, for mapping or adding the ones the schema lacks.
    pub fn found_types(self, path: &Path) -> crate::formats::found_types::FoundTypes {
        match self {
            AnnotationFormat::Brat => crate::formats::brat::found_types(path),
            AnnotationFormat::Doccano => crate::formats::doccano::found_types(path),
            AnnotationFormat::LabelStudio => crate::formats::label_studio::found::found_types_at(path, None),
            AnnotationFormat::Conll => {
                let file = crate::formats::conll::read_file(path, None);
                file.map(|f| crate::formats::conll::found_types(&f)).unwrap_or_default()
            }
            AnnotationFormat::WebAnno => crate::formats::webanno::found_types(path).unwrap_or_default(),
        }
    }

    /// The format a path most likely holds: brat for an `.ann` file or a folder, Label Studio for a file that
    /// looks like its tasks, WebAnno for a `.tsv` file, CoNLL for a `.conll` file or one whose lines look like CoNLL columns, else doccano.
    pub fn from_path(path: &Path) -> Self {
        let ann = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ann"));
        if ann || path.is_dir() {
            return AnnotationFormat::Brat;
        }
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv")) {
            return AnnotationFormat::WebAnno;
        }
        // Issue 17: Label Studio's tasks are told by their content (`data`, `annotations`).
        let guess = crate::formats::sniff::sniff_path(path);
        if guess.as_ref().is_some_and(|g| g.kind == crate::formats::sniff::Kind::LabelStudio) {
            return AnnotationFormat::LabelStudio;
        }
        let conll = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("conll"))
            || guess.is_some_and(|g| g.kind == crate::formats::sniff::Kind::Conll);
        if conll { AnnotationFormat::Conll } else { AnnotationFormat::Doccano }
    }
}

impl fmt::Display for AnnotationFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_to_its_format() {
        for format in AnnotationFormat::ALL {
            assert_eq!(AnnotationFormat::from_name(format.name()), Some(format));
        }
    }
}
