//! The native file dialogs the menus open (rfd). Each returns the chosen path, or `None` when the coder
//! cancelled.

use std::path::PathBuf;

/// File > Open project.
pub fn project_folder() -> Option<PathBuf> {
    rfd::FileDialog::new().set_title("Open a Tarmeez project folder").pick_folder()
}

/// File > Import suggestions.
pub fn suggestions_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import suggestions (Hugging Face, spaCy, doccano, Label Studio, brat)")
        .add_filter("Suggestions", &["json", "jsonl", "ann"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// File > Import annotations.
pub fn annotations_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import annotations (brat .ann or doccano JSON lines) into your layer")
        .add_filter("Annotations", &["ann", "jsonl", "json"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// File > Import documents.
pub fn documents_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import documents (JSON lines or CSV)")
        .add_filter("Corpus", &["jsonl", "ndjson", "csv"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// File > Export.
pub fn export_folder() -> Option<PathBuf> {
    rfd::FileDialog::new().set_title("Export coded data into a folder").pick_folder()
}
