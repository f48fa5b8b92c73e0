//! The desktop's own file dialog (rfd). rfd answers `None` both when the coder cancels and when there is no
//! dialog to show (no portal, no D-Bus session), so where it talks to the xdg desktop portal the portal's file
//! chooser is asked for first (`portal.rs`), and its absence is told apart from a cancel.

use super::{Pick, Request};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What the desktop's dialog answered.
pub(super) enum DesktopAnswer {
    /// The paths chosen.
    Chosen(Vec<PathBuf>),
    /// The coder closed the dialog without choosing.
    Cancelled,
    /// There is no desktop dialog here: the window draws its own.
    Unavailable,
}

/// Runs `request` in the desktop's dialog; the answer comes through the channel. Off the window's thread where
/// rfd allows it, so that the window keeps drawing (and says what is going on) while the dialog is open.
pub(super) fn start(request: Request, start: PathBuf) -> Receiver<DesktopAnswer> {
    let (send, answers) = channel();
    let run = move || {
        let _ = send.send(if available() { ask(request, start) } else { DesktopAnswer::Unavailable });
    };
    // macOS shows its panels from the main thread only; there the dialog is modal and the window waits.
    if cfg!(target_os = "macos") {
        run();
    } else {
        std::thread::spawn(run);
    }
    answers
}

/// Whether the desktop has a file dialog rfd can show.
fn available() -> bool {
    #[cfg(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    ))]
    return super::portal::file_chooser_available();
    #[allow(unreachable_code)]
    true
}

fn ask(request: Request, start: PathBuf) -> DesktopAnswer {
    let mut dialog = rfd::FileDialog::new().set_title(request.title).set_directory(start);
    if let Some((kind, extensions)) = request.filter {
        dialog = dialog.add_filter(kind, extensions).add_filter("All files", &["*"]);
    }
    let chosen = match request.pick {
        Pick::File => dialog.pick_file().map(|p| vec![p]),
        Pick::Files => dialog.pick_files(),
        Pick::Folder => dialog.pick_folder().map(|p| vec![p]),
    };
    match chosen {
        Some(paths) if !paths.is_empty() => DesktopAnswer::Chosen(paths),
        _ => DesktopAnswer::Cancelled,
    }
}
