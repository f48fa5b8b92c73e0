//! Sharing a project with a team through git (DESIGN.md section 11; issue 13, item 4).
//!
//! [`init_team`] turns a project folder into a repository (File > Share project…, `tarmeez init-team`);
//! [`sync`] commits this coder's changed files, fetches, merges and pushes (File > Sync, `tarmeez sync`);
//! [`status`] tells how far this copy is ahead of and behind the shared one, and when each teammate last
//! synced, without syncing. All three drive the real `git` program ([`git`] says why). No GUI here: the
//! window runs a sync on a thread of its own.
//!
//! A sync works offline (it commits, says how many commits wait, and the next sync pushes them), recovers
//! from a sync killed mid-way, and never leaves conflict markers: a file git cannot merge is resolved by
//! [`resolve::resolve`].

mod commit;
mod error;
pub mod git;
mod ignore;
mod init;
mod merge;
mod recover;
pub mod resolve;
mod run;
mod status;

pub use error::SyncError;
pub use init::{ShareReport, init_team};
pub use resolve::{FileKind, Resolution, resolve};
pub use run::{KeptConflict, SyncReport, sync};
pub use status::{SyncStatus, Teammate, status};

/// The trailer that names the coder in every commit a sync makes; teammates' last syncs are read from it.
pub const CODER_TRAILER: &str = "Tarmeez-Coder";
