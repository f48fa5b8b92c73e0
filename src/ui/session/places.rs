//! Linking the shown document's LOCATION mentions to places at once (issue 19): every unlinked one whose
//! words name one place of the project or the gazetteer, as one edit (one undo takes it back), and a notice
//! saying how many were linked and how many were left.

use super::Session;
use crate::ui::action::Action;
use crate::workflow::places::{Gazetteer, auto_link};

impl Session {
    /// Links the shown document's unlinked LOCATION mentions that name a place, and says what it did.
    pub fn link_places(&mut self, out: &mut Vec<Action>) {
        let Some(doc) = self.shown().cloned() else { return };
        if !self.editable() {
            return;
        }
        let (edit, done) = auto_link(&self.project, &[doc], Gazetteer::builtin());
        let notice = crate::trl!(self.language, "notice-places-linked", linked = done.linked, left = done.left);
        match edit {
            Some(edit) => {
                if self.project_edit(edit, out) {
                    out.push(Action::Notice(notice));
                }
            }
            None => out.push(Action::Notice(notice)),
        }
    }
}
