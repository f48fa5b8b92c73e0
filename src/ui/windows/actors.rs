//! The actor registry window: list and search (normalized, typo-tolerant), create, edit name, kind,
//! aliases, affiliation and notes, and merge two actors. Every change is one project edit, undoable.

use crate::model::{Actor, ActorId, ActorKind, ProjectEdit};
use crate::store::Project;
use crate::tr;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::bidi_label::selectable_row;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::actor_edits::{create_actor, merge_actors};
use eframe::egui;

const KINDS: [ActorKind; 9] = [
    ActorKind::StateForces,
    ActorKind::Militia,
    ActorKind::RebelGroup,
    ActorKind::PoliticalParty,
    ActorKind::ExternalForce,
    ActorKind::Civilians,
    ActorKind::Organisation,
    ActorKind::Person,
    ActorKind::Other,
];

/// The registry window's state: the search, the selected actor and its unsaved edits.
#[derive(Default)]
pub struct ActorsWindow {
    /// What the user searches for.
    pub query: String,
    selected: Option<ActorId>,
    /// The selected actor as being edited (saved with one edit).
    draft: Option<Actor>,
    /// The registry's version of the actor the draft started from.
    draft_from: Option<Actor>,
    new_alias: String,
    merge_into: Option<ActorId>,
}

impl ActorsWindow {
    /// Draws the window.
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<Action>) {
        let mut merged = false;
        ui.horizontal(|ui| {
            ui.add(
                BidiTextEdit::singleline(&mut self.query).hint_text(tr!(ui, "actors-search-hint")).desired_width(220.0),
            )
            .accessible_name("Search actors");
            if ui.button(tr!(ui, "actors-new")).on_hover_text(tr!(ui, "actors-new-help")).clicked() {
                let name = if self.query.trim().is_empty() { "New actor" } else { self.query.trim() };
                let (edit, id) = create_actor(project, name, ActorKind::Other, None);
                out.push(Action::Project(edit));
                self.select(Some(id), None);
            }
        });
        let ids: Vec<ActorId> = if self.query.trim().is_empty() {
            project.actors().actors.keys().cloned().collect()
        } else {
            crate::text::matching::find_actors(project.actors(), &self.query).into_iter().map(|(id, _)| id).collect()
        };
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical().id_salt("actor-list").auto_shrink(false).show(&mut cols[0], |ui| {
                for id in &ids {
                    let Some(actor) = project.actors().actors.get(id) else { continue };
                    let label = format!("{} · {}", actor.name, actor.aliases.first().map_or("", String::as_str));
                    let selected = self.selected.as_ref() == Some(id);
                    if selectable_row(ui, selected, &label, ui.visuals().text_color()).clicked() {
                        self.select(Some(id.clone()), Some(actor.clone()));
                    }
                }
                if ids.is_empty() {
                    ui.weak(tr!(ui, "mention-no-actor"));
                }
            });
            let ui = &mut cols[1];
            if let Some(id) = &self.selected {
                match project.actors().actors.get(id) {
                    None => self.select(None, None),
                    Some(actor) => self.follow(actor),
                }
            }
            if let (Some(id), Some(draft)) = (self.selected.clone(), self.draft.as_mut()) {
                merged = editor(ui, project, &id, draft, &mut self.new_alias, &mut self.merge_into, out);
            } else {
                ui.weak(tr!(ui, "actors-select"));
            }
        });
        if merged {
            self.select(None, None);
        }
    }

    /// Keeps the draft in step with the registry's `actor` when it changed under it (undo, a merge, a
    /// teammate's change read from disk): an untouched draft becomes the new version; one with the coder's
    /// unsaved changes keeps them, on top of the new version (field by field, as saves merge).
    fn follow(&mut self, actor: &Actor) {
        if self.draft_from.as_ref() == Some(actor) && self.draft.is_some() {
            return;
        }
        let edited = self.draft.as_ref().filter(|d| Some(*d) != self.draft_from.as_ref());
        let draft = match edited {
            Some(draft) => crate::store::actor_merge::merge_actor(self.draft_from.as_ref(), draft, actor).actor,
            None => actor.clone(),
        };
        self.draft = Some(draft);
        self.draft_from = Some(actor.clone());
    }

    /// Selects an actor (or none) for editing.
    pub fn select(&mut self, id: Option<ActorId>, actor: Option<Actor>) {
        self.selected = id;
        self.draft_from = actor.clone();
        self.draft = actor;
        self.new_alias.clear();
        self.merge_into = None;
    }
}

fn editor(
    ui: &mut egui::Ui,
    project: &Project,
    id: &ActorId,
    draft: &mut Actor,
    new_alias: &mut String,
    merge_into: &mut Option<ActorId>,
    out: &mut Vec<Action>,
) -> bool {
    let Some(saved) = project.actors().actors.get(id) else { return false };
    ui.weak(format!("id: {id}"));
    fields(ui, project, id, draft);
    aliases(ui, draft, new_alias);
    ui.horizontal(|ui| {
        let changed = draft != saved;
        if ui.add_enabled(changed, egui::Button::new(tr!(ui, "actors-save"))).clicked() {
            if draft.name.trim().is_empty() {
                out.push(Action::Notice(crate::trl!(ui, "actors-needs-name").into()));
            } else {
                out.push(Action::Project(ProjectEdit::PutActor(id.clone(), Some(draft.clone()))));
            }
        }
        if ui.add_enabled(changed, egui::Button::new(tr!(ui, "button-revert"))).clicked() {
            *draft = saved.clone();
        }
    });
    ui.separator();
    merge_row(ui, project, id, merge_into, out)
}

/// Name, kind, affiliation and notes.
fn fields(ui: &mut egui::Ui, project: &Project, id: &ActorId, draft: &mut Actor) {
    egui::Grid::new("actor-editor").num_columns(2).show(ui, |ui| {
        ui.label(tr!(ui, "new-project-name"));
        ui.add(BidiTextEdit::singleline(&mut draft.name)).accessible_name("Actor name");
        ui.end_row();
        ui.label(tr!(ui, "actors-kind"));
        egui::ComboBox::from_id_salt("actor-kind")
            .selected_text(format!("{:?}", draft.kind))
            .show_ui(ui, |ui| {
                for kind in KINDS {
                    ui.selectable_value(&mut draft.kind, kind, format!("{kind:?}"));
                }
            })
            .response
            .accessible_name("Actor kind");
        ui.end_row();
        ui.label(tr!(ui, "actors-affiliation"));
        let current =
            draft.affiliation.as_ref().and_then(|a| project.actors().actors.get(a)).map_or("—", |a| &a.name);
        let names = project.actors().actors.values().map(|a| a.name.as_str());
        egui::ComboBox::from_id_salt("actor-affiliation")
            .width(crate::ui::fit::combo_width(ui, names))
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.affiliation, None, "—");
                for (other, actor) in project.actors().actors.iter().filter(|(o, _)| *o != id) {
                    ui.selectable_value(&mut draft.affiliation, Some(other.clone()), &actor.name);
                }
            })
            .response
            .accessible_name("Affiliation");
        ui.end_row();
        ui.label(tr!(ui, "column-notes"));
        ui.add(BidiTextEdit::multiline(&mut draft.notes)).accessible_name("Actor notes");
        ui.end_row();
    });
}

/// The aliases, each removable, and a field adding one.
fn aliases(ui: &mut egui::Ui, draft: &mut Actor, new_alias: &mut String) {
    ui.label(tr!(ui, "actors-aliases"));
    let mut remove = None;
    for (i, alias) in draft.aliases.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.small_button("×").on_hover_text(tr!(ui, "actors-remove-alias")).clicked() {
                remove = Some(i);
            }
            selectable_row(ui, false, alias, ui.visuals().text_color());
        });
    }
    if let Some(i) = remove {
        draft.aliases.remove(i);
    }
    ui.horizontal(|ui| {
        let field = ui
            .add(BidiTextEdit::singleline(new_alias).hint_text(tr!(ui, "actors-new-alias")).desired_width(180.0))
            .accessible_name("New alias");
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!(ui, "actors-add")).clicked() || enter) && !new_alias.trim().is_empty() {
            let alias = new_alias.trim().to_owned();
            if !draft.aliases.contains(&alias) {
                draft.aliases.push(alias);
            }
            new_alias.clear();
        }
    });
}

/// Merging the actor into another; returns whether the coder asked for it.
fn merge_row(
    ui: &mut egui::Ui,
    project: &Project,
    id: &ActorId,
    merge_into: &mut Option<ActorId>,
    out: &mut Vec<Action>,
) -> bool {
    let mut merged = false;
    ui.horizontal(|ui| {
        ui.label(tr!(ui, "actors-merge-into"));
        let shown = merge_into.as_ref().and_then(|a| project.actors().actors.get(a)).map_or("…", |a| &a.name);
        let names = project.actors().actors.values().map(|a| a.name.as_str());
        egui::ComboBox::from_id_salt("actor-merge")
            .width(crate::ui::fit::combo_width(ui, names))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (other, actor) in project.actors().actors.iter().filter(|(o, _)| *o != id) {
                    ui.selectable_value(merge_into, Some(other.clone()), &actor.name);
                }
            })
            .response
            .accessible_name("Merge into actor");
        if let Some(target) = merge_into.clone()
            && ui.button(tr!(ui, "actors-merge")).on_hover_text(tr!(ui, "actors-merge-help")).clicked()
        {
            // Merging loads every document, to relink the coder's mentions.
            out.push(match merge_actors(project, &target, id) {
                Ok(edit) => Action::Project(edit),
                Err(e) => Action::Notice(e.to_string()),
            });
            merged = true;
        }
    });
    merged
}

impl ToolWindow for ActorsWindow {
    fn kind(&self) -> &'static str {
        "actors"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-actors").into()
    }

    fn min_width(&self) -> f32 {
        560.0 // the list beside the editor
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(720.0, 460.0)
    }

    fn scrolls(&self) -> bool {
        false // its lists scroll themselves
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        self.draw(ui, session.project(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, aliases: &[&str], notes: &str) -> Actor {
        Actor {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: ActorKind::Militia,
            affiliation: None,
            notes: notes.into(),
        }
    }

    /// Found by the actors helper: a teammate's change read from disk threw away what the coder was typing.
    #[test]
    fn a_change_under_an_edited_draft_keeps_the_coder_s_typing_and_takes_the_change() {
        let mut window = ActorsWindow::default();
        let first = actor("Nujaba", &["النجباء"], "");
        window.select(Some(ActorId::new("nujaba")), Some(first.clone()));
        window.draft.as_mut().unwrap().notes = "Iraqi, Iran-backed".into();
        let theirs = actor("Nujaba", &["النجباء", "حركة النجباء"], "");
        window.follow(&theirs);
        assert_eq!(window.draft, Some(actor("Nujaba", &["النجباء", "حركة النجباء"], "Iraqi, Iran-backed")));
        assert_eq!(window.draft_from, Some(theirs.clone()));
        // An untouched draft simply becomes the new version.
        let mut untouched = ActorsWindow::default();
        untouched.select(Some(ActorId::new("nujaba")), Some(first));
        untouched.follow(&theirs);
        assert_eq!(untouched.draft, Some(theirs));
    }
}
