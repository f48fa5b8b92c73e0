//! `tarmeez init-team` and `tarmeez sync`: sharing a project through git (see `tarmeez::sync`).

use anyhow::{Context, Result};
use std::path::Path;
use std::process::ExitCode;
use tarmeez::model::Annotator;
use tarmeez::settings::{self, Settings};
use tarmeez::sync::{self, SyncStatus};

/// `tarmeez init-team <project> [--remote URL]`
pub(crate) fn init_team(dir: &Path, remote: Option<&str>) -> Result<ExitCode> {
    let report = sync::init_team(dir, remote).with_context(|| format!("{} was not shared", dir.display()))?;
    for line in report.describe() {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `tarmeez sync <project> [--as CODER] [--status]`
pub(crate) fn sync(dir: &Path, coder: Option<&str>, given: Option<&Annotator>, only_status: bool) -> Result<ExitCode> {
    if only_status {
        let status = sync::status(dir).with_context(|| format!("no status for {}", dir.display()))?;
        print_status(&status);
        return Ok(ExitCode::SUCCESS);
    }
    let coder = match coder {
        Some(name) => Annotator::parse(name).map_err(|e| anyhow::anyhow!("--as: {e}"))?,
        None => given.cloned().or_else(remembered).unwrap_or_else(tarmeez::default_annotator),
    };
    let report = sync::sync(dir, &coder).with_context(|| format!("{} was not synced", dir.display()))?;
    for line in report.describe() {
        println!("{line}");
    }
    print_status(&report.status);
    Ok(ExitCode::SUCCESS)
}

/// The name the window remembers, so that the command line syncs as the same coder.
fn remembered() -> Option<Annotator> {
    settings::default_path().and_then(|p| Settings::load(&p).ok()).and_then(|s| s.annotator)
}

fn print_status(status: &SyncStatus) {
    if !status.shared {
        println!("Not shared: `tarmeez init-team <project> --remote <url>` shares it.");
        return;
    }
    let remote = status.remote.as_deref().unwrap_or("none set");
    println!("Shared repository: {remote}");
    println!("To send: {} commits; to receive: {} (as of the last sync)", status.ahead, status.behind);
    if status.changed > 0 {
        println!("Changed since the last sync: {} files", status.changed);
    }
    if !status.teammates.is_empty() {
        println!("Last syncs:");
        for mate in &status.teammates {
            println!("  {:<20} {}", mate.coder, mate.when);
        }
    }
}
