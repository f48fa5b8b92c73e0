//! Changing a project: [`Project::apply_edit`] (checked, recorded for undo), undo and redo.
//!
//! Every change reaches the project here. The raw mutators that bypass the checks and the history
//! (`layer_mut`, `suggestions_mut`, `set_suggestions`, `actors_mut`, `config_mut`) exist only for tests and benches
//! (`cfg(test)` or the `test-support` feature), to build fixtures quickly.

use super::{DirtyFile, LoadedDoc, Project};
use crate::model::*;
use crate::store::StoreError;
use std::collections::BTreeSet;

impl Project {
    /// Applies `edit` to the current annotator's layer of `doc` and records its inverse for undo.
    pub fn apply(&mut self, doc: &DocId, edit: Edit) -> Result<(), StoreError> {
        self.apply_edit(ProjectEdit::Layer(doc.clone(), edit))
    }

    /// Applies a change to the project and records its inverse for undo. This is the one place through
    /// which the user's changes reach the project. A change that cannot be made as a whole (a document
    /// that does not load, a schema with problems) changes nothing.
    pub fn apply_edit(&mut self, edit: ProjectEdit) -> Result<(), StoreError> {
        let inverse = self.apply_checked(edit)?;
        self.history.record(inverse);
        Ok(())
    }

    /// Undoes the last change. Returns `None` when there is nothing to undo, else the documents it changed
    /// (none for a registry or schema change).
    pub fn undo(&mut self) -> Result<Option<Vec<DocId>>, StoreError> {
        self.replay(false)
    }

    /// Redoes the last undone change; returns like [`Project::undo`].
    pub fn redo(&mut self) -> Result<Option<Vec<DocId>>, StoreError> {
        self.replay(true)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is a change to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies the top of the undo (or redo) stack and records its inverse on the other stack.
    fn replay(&mut self, redo: bool) -> Result<Option<Vec<DocId>>, StoreError> {
        let taken = if redo { self.history.take_redo() } else { self.history.take_undo() };
        let Some(edit) = taken else { return Ok(None) };
        let docs: Vec<DocId> = edit.documents().into_iter().cloned().collect();
        match self.apply_checked(edit.clone()) {
            Ok(inverse) if redo => self.history.record_redone(inverse),
            Ok(inverse) => self.history.record_undone(inverse),
            Err(e) => {
                self.history.restore(edit, redo);
                return Err(e);
            }
        }
        Ok(Some(docs))
    }

    /// Checks that the whole edit can be made, then makes it and returns its inverse.
    fn apply_checked(&mut self, edit: ProjectEdit) -> Result<ProjectEdit, StoreError> {
        self.check_writable()?;
        for doc in edit.documents() {
            self.load_document(doc)?;
        }
        if let Some(schema) = last_schema(&edit) {
            let problems = schema.problems();
            if let Some((_, first)) = problems.first() {
                return Err(StoreError::Rejected(format!("the schema change was not made: {first}")));
            }
        }
        if touches_actors(&edit) {
            self.check_actors_writable(&edit)?;
            let mut registry = self.actors.clone();
            put_actors(&mut registry, &edit);
            // Only problems the change would add: an old one elsewhere in the registry must not block it.
            let before: BTreeSet<String> = self.actors.problems().into_iter().map(|(_, m)| m).collect();
            if let Some((_, new)) = registry.problems().into_iter().find(|(_, m)| !before.contains(m)) {
                return Err(StoreError::Rejected(format!("the change to the actors was not made: {new}")));
            }
        }
        if touches_places(&edit) {
            self.check_places_writable(&edit)?;
            let mut registry = self.places.clone();
            super::places::put_places(&mut registry, &edit);
            let before: BTreeSet<String> = self.places.problems().into_iter().map(|(_, m)| m).collect();
            if let Some((_, new)) = registry.problems().into_iter().find(|(_, m)| !before.contains(m)) {
                return Err(StoreError::Rejected(format!("the change to the places was not made: {new}")));
            }
        }
        self.check_layers(&edit)?;
        let inverse = self.apply_unchecked(edit);
        self.generation += 1;
        Ok(inverse)
    }

    /// Refuses an edit that would give an annotation layer a problem it did not have (a role filled by a
    /// type it does not take, an attribute that no longer applies, an unknown actor, an invalid number): such
    /// a layer would make its document fail to load. A schema change is checked against every coder's layer
    /// of every document, an actor change against every loaded layer, a layer edit against the layer it edits.
    fn check_layers(&self, edit: &ProjectEdit) -> Result<(), StoreError> {
        let schema_after = last_schema(edit).cloned();
        let actors_changed = touches_actors(edit);
        if schema_after.is_some() {
            self.load_all();
        }
        let schema = schema_after.as_ref().unwrap_or(&self.config.schema);
        let mut actors = self.actors.clone();
        put_actors(&mut actors, edit);
        let everyone = schema_after.is_some() || actors_changed;
        let docs: Vec<DocId> = if everyone {
            self.docs.iter().filter(|d| d.loaded().is_some()).map(|d| d.id.clone()).collect()
        } else {
            edit.documents().into_iter().cloned().collect()
        };
        let empty = Layer::default();
        for doc in docs {
            let Some(loaded) = self.document(&doc).and_then(|d| d.loaded()) else { continue };
            let mut edits = Vec::new();
            layer_edits_for(edit, &doc, &mut edits);
            let mine = loaded.layers.get(&self.annotator).map_or(&empty, |l| l);
            let others = loaded.layers.iter().filter(|(a, _)| everyone && **a != self.annotator);
            let layers = std::iter::once((&self.annotator, mine)).chain(others);
            for (annotator, layer) in layers {
                let mut after = layer.clone();
                if annotator == &self.annotator {
                    if edits.is_empty() && !everyone {
                        continue;
                    }
                    for e in &edits {
                        e.clone().apply(&mut after);
                    }
                }
                let before: BTreeSet<String> = validate_layer(layer, &self.config.schema, &loaded.text, &self.actors)
                    .into_iter()
                    .map(|f| f.message)
                    .collect();
                if let Some(new) = validate_layer(&after, schema, &loaded.text, &actors)
                    .into_iter()
                    .find(|f| !before.contains(&f.message))
                {
                    let whose = if annotator == &self.annotator { "your".to_owned() } else { format!("{annotator}'s") };
                    return Err(StoreError::Rejected(format!(
                        "the change was not made: {whose} annotations of `{doc}` would no longer be valid: {}",
                        new.message
                    )));
                }
            }
        }
        Ok(())
    }

    fn apply_unchecked(&mut self, edit: ProjectEdit) -> ProjectEdit {
        match edit {
            ProjectEdit::Layer(doc, edit) => {
                // Checked to load in `apply_checked`.
                let layer = self.layer_entry(&doc).expect("document checked before applying");
                ProjectEdit::Layer(doc, edit.apply(layer))
            }
            ProjectEdit::PutActor(id, actor) => {
                self.dirty_actors.insert(id.clone());
                let old = match actor {
                    Some(a) => self.actors.actors.insert(id.clone(), a),
                    None => self.actors.actors.remove(&id),
                };
                ProjectEdit::PutActor(id, old)
            }
            ProjectEdit::PutPlace(id, place) => {
                self.dirty_places.insert(id.clone());
                let old = match place {
                    Some(p) => self.places.places.insert(id.clone(), p),
                    None => self.places.places.remove(&id),
                };
                ProjectEdit::PutPlace(id, old)
            }
            ProjectEdit::SetSchema(schema) => {
                self.config_dirty = true;
                ProjectEdit::SetSchema(Box::new(std::mem::replace(&mut self.config.schema, *schema)))
            }
            ProjectEdit::SetSource(name, config) => {
                self.config_dirty = true;
                let old = match config {
                    Some(c) => self.config.sources.insert(name.clone(), c),
                    None => self.config.sources.remove(&name),
                };
                ProjectEdit::SetSource(name, old)
            }
            ProjectEdit::SetSuggestions(doc, source, value) => {
                let loaded = self.loaded_mut(&doc).expect("document checked before applying");
                loaded.dirty.insert(DirtyFile::Suggestions(source.clone()));
                let old = match value {
                    Some(v) => loaded.suggestions.insert(source.clone(), *v),
                    None => loaded.suggestions.remove(&source),
                };
                ProjectEdit::SetSuggestions(doc, source, old.map(Box::new))
            }
            ProjectEdit::Batch(edits) => {
                let mut inverse: Vec<ProjectEdit> = edits.into_iter().map(|e| self.apply_unchecked(e)).collect();
                inverse.reverse();
                ProjectEdit::Batch(inverse)
            }
        }
    }

    /// The current annotator's layer of a document, for changing it: loaded on demand, created empty if
    /// the annotator has none yet, and marked for saving.
    fn layer_entry(&mut self, id: &DocId) -> Result<&mut Layer, StoreError> {
        self.load_document(id)?;
        let annotator = self.annotator.clone();
        let doc = self.loaded_mut(id)?;
        doc.dirty.insert(DirtyFile::Layer(annotator.clone()));
        Ok(doc.layers.entry(annotator).or_default())
    }

    fn loaded_mut(&mut self, id: &DocId) -> Result<&mut LoadedDoc, StoreError> {
        let i = self.index_of(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        self.docs[i].loaded_mut().ok_or_else(|| StoreError::BrokenDocument(id.clone()))
    }
}

/// Raw mutators for building fixtures in tests and benches; they bypass the checks and the undo history of
/// [`Project::apply_edit`], so the application cannot call them.
#[cfg(any(test, feature = "test-support"))]
impl Project {
    /// The current annotator's layer of a document, for editing: loaded on demand, created empty if the
    /// annotator has none yet, and marked for saving.
    pub fn layer_mut(&mut self, id: &DocId) -> Result<&mut Layer, StoreError> {
        self.layer_entry(id)
    }

    /// One source's suggestions for a document, for editing their review status; marked for saving.
    pub fn suggestions_mut(
        &mut self,
        id: &DocId,
        source: &SourceName,
    ) -> Result<Option<&mut SuggestionSet>, StoreError> {
        self.load_document(id)?;
        let doc = self.loaded_mut(id)?;
        if !doc.suggestions.contains_key(source) {
            return Ok(None);
        }
        doc.dirty.insert(DirtyFile::Suggestions(source.clone()));
        Ok(doc.suggestions.get_mut(source))
    }

    /// Replaces (or adds) one source's suggestions for a document; marked for saving.
    pub fn set_suggestions(&mut self, id: &DocId, source: SourceName, set: SuggestionSet) -> Result<(), StoreError> {
        self.load_document(id)?;
        let doc = self.loaded_mut(id)?;
        doc.dirty.insert(DirtyFile::Suggestions(source.clone()));
        doc.suggestions.insert(source, set);
        Ok(())
    }

    /// The actor registry, for replacing it without the checks of [`Project::apply_edit`]; every actor that
    /// then differs from its file is saved.
    pub fn actors_mut(&mut self) -> &mut ActorRegistry {
        self.actors_replaced = true;
        &mut self.actors
    }

    /// `project.ron`, for changing what no [`ProjectEdit`] covers (name, description); marked for saving.
    pub fn config_mut(&mut self) -> &mut crate::store::ProjectConfig {
        self.config_dirty = true;
        &mut self.config
    }
}

/// The edits of `doc`'s layer inside `edit`, in the order they apply.
fn layer_edits_for(edit: &ProjectEdit, doc: &DocId, out: &mut Vec<Edit>) {
    match edit {
        ProjectEdit::Layer(d, e) if d == doc => out.push(e.clone()),
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| layer_edits_for(e, doc, out)),
        _ => {}
    }
}

fn touches_actors(edit: &ProjectEdit) -> bool {
    match edit {
        ProjectEdit::PutActor(..) => true,
        ProjectEdit::Batch(edits) => edits.iter().any(touches_actors),
        _ => false,
    }
}

/// Applies the actor changes of an edit to a copy of the registry, to check the result before applying.
fn put_actors(registry: &mut ActorRegistry, edit: &ProjectEdit) {
    match edit {
        ProjectEdit::PutActor(id, Some(actor)) => {
            registry.actors.insert(id.clone(), actor.clone());
        }
        ProjectEdit::PutActor(id, None) => {
            registry.actors.remove(id);
        }
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| put_actors(registry, e)),
        _ => {}
    }
}

/// The schema an edit leaves in place, if it sets one (the last one it sets wins).
fn last_schema(edit: &ProjectEdit) -> Option<&Schema> {
    match edit {
        ProjectEdit::SetSchema(schema) => Some(schema),
        ProjectEdit::Batch(edits) => edits.iter().rev().find_map(last_schema),
        _ => None,
    }
}

/// Whether an edit adds, changes or removes a place.
fn touches_places(edit: &ProjectEdit) -> bool {
    let mut ids = BTreeSet::new();
    super::places::place_ids(edit, &mut ids);
    !ids.is_empty()
}
