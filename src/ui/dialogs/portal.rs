//! Whether the xdg desktop portal's file chooser answers on the session bus: the one thing rfd's portal
//! backend needs. Asked with zbus (already built for the window's accessibility), the portal started by D-Bus
//! if it is installed but not running yet.

/// The portal's well-known name on the session bus.
const PORTAL: &str = "org.freedesktop.portal.Desktop";

/// Whether the session bus (`$DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`) has the portal's file
/// chooser.
pub fn file_chooser_available() -> bool {
    pollster::block_on(async { has_file_chooser(zbus::Connection::session().await?).await }).is_ok()
}

/// Whether the bus at `address` (a D-Bus address, `unix:path=...`) has the portal's file chooser.
pub fn file_chooser_available_at(address: &str) -> bool {
    pollster::block_on(async {
        let connection = zbus::connection::Builder::address(address)?.build().await?;
        has_file_chooser(connection).await
    })
    .is_ok()
}

/// Asks the portal for its file chooser's version: an error when the bus has no portal, or a portal without a
/// file chooser (one with no backend for this desktop).
async fn has_file_chooser(connection: zbus::Connection) -> zbus::Result<()> {
    connection
        .call_method(
            Some(PORTAL),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bus_means_no_file_chooser() {
        let tmp = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", tmp.path().join("no-bus-here").display());
        assert!(!file_chooser_available_at(&address));
    }

    /// A session bus without the portal, as on a desktop that does not install it (needs `dbus-daemon`, which
    /// CI installs; where it is missing the case is not run).
    #[test]
    fn a_bus_without_the_portal_means_no_file_chooser() {
        let tmp = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", tmp.path().join("bus").display());
        let daemon = std::process::Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", &format!("--address={address}")])
            .stdout(std::process::Stdio::null())
            .spawn();
        let Ok(mut daemon) = daemon else {
            eprintln!("dbus-daemon is not installed: skipped");
            return;
        };
        // The daemon listens once its socket exists.
        for _ in 0..200 {
            if tmp.path().join("bus").exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(tmp.path().join("bus").exists(), "the bus did not start");
        let answer = file_chooser_available_at(&address);
        daemon.kill().unwrap();
        daemon.wait().unwrap();
        assert!(!answer);
    }
}
