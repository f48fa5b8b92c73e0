//! The native file dialogs the menus open (rfd). Each returns the chosen path, or `None` when the coder
//! cancelled.

use std::path::PathBuf;

/// A file of one of `extensions` (or any file, the second filter), under `title`.
fn pick_file(title: &str, kind: &str, extensions: &[&str]) -> Option<PathBuf> {
    rfd::FileDialog::new().set_title(title).add_filter(kind, extensions).add_filter("All files", &["*"]).pick_file()
}

/// A folder, under `title`.
fn pick_folder(title: &str) -> Option<PathBuf> {
    rfd::FileDialog::new().set_title(title).pick_folder()
}

/// File > Open project.
pub fn project_folder() -> Option<PathBuf> {
    pick_folder("Open a Tarmeez project folder")
}

/// File > Import suggestions.
pub fn suggestions_file() -> Option<PathBuf> {
    let title = "Import suggestions (Hugging Face, spaCy, doccano, Label Studio, brat)";
    pick_file(title, "Suggestions", &["json", "jsonl", "ann"])
}

/// File > Import annotations.
pub fn annotations_file() -> Option<PathBuf> {
    let title = "Import annotations (brat .ann or doccano JSON lines) into your layer";
    pick_file(title, "Annotations", &["ann", "jsonl", "json"])
}

/// File > Import documents.
pub fn documents_file() -> Option<PathBuf> {
    pick_file("Import documents (JSON lines or CSV)", "Corpus", &["jsonl", "ndjson", "csv"])
}

/// File > Export.
pub fn export_folder() -> Option<PathBuf> {
    pick_folder("Export coded data into a folder")
}
