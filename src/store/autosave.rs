//! When to save: the autosave policy shared by the window and the crash test, so that what the test
//! proves (at most the last second is lost after a kill -9) is what the app does.

use std::time::{Duration, Instant};

/// Changes are saved this long after the oldest unsaved one was made. Half a second leaves room for the
/// save itself inside the promise that a crash loses at most the last second.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

/// Tracks the oldest unsaved change and says when a save is due.
#[derive(Clone, Debug, Default)]
pub struct Autosave {
    unsaved_since: Option<Instant>,
}

impl Autosave {
    /// Notes a change made at `now` (the oldest unsaved change keeps its time).
    pub fn changed(&mut self, now: Instant) {
        self.unsaved_since.get_or_insert(now);
    }

    /// Whether there are changes not yet saved.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved_since.is_some()
    }

    /// When the next save is due, if anything waits.
    pub fn due_at(&self) -> Option<Instant> {
        self.unsaved_since.map(|since| since + AUTOSAVE_DELAY)
    }

    /// Whether a save is due at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due_at().is_some_and(|due| now >= due)
    }

    /// Everything was saved.
    pub fn saved(&mut self) {
        self.unsaved_since = None;
    }

    /// A save failed at `now`: retry after another delay rather than at every frame.
    pub fn failed(&mut self, now: Instant) {
        self.unsaved_since = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_is_due_one_delay_after_the_oldest_change() {
        let t0 = Instant::now();
        let mut autosave = Autosave::default();
        assert!(!autosave.is_due(t0));
        autosave.changed(t0);
        autosave.changed(t0 + Duration::from_millis(300));
        assert!(!autosave.is_due(t0 + AUTOSAVE_DELAY - Duration::from_millis(1)));
        assert!(autosave.is_due(t0 + AUTOSAVE_DELAY));
        autosave.saved();
        assert!(!autosave.has_unsaved());
        autosave.failed(t0 + AUTOSAVE_DELAY);
        assert_eq!(autosave.due_at(), Some(t0 + AUTOSAVE_DELAY * 2));
    }
}
