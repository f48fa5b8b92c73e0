//! The group commit's tests: whole units, crash states, and the order of syncs and renames.

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn files_are_written_or_replaced_and_no_temp_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    fs::write(&old, b"old").unwrap();
    let mut batch = Batch::new();
    batch.add_file(old.clone(), b"new".to_vec());
    // More units than a chunk: the chunks are written and synced in turn.
    let n = 2 * CHUNK + 50;
    for i in 0..n {
        let sub = dir.path().join(format!("d{}", i % 3));
        batch.add_unit(vec![(sub.join(format!("{i}.txt")), vec![b'x'; i]), (sub.join(format!("{i}.ron")), vec![b'y'])]);
    }
    let report = batch.write();
    assert!(report.first_failure().is_none(), "{report:?}");
    assert_eq!(report.units.len(), n + 1);
    assert_eq!(fs::read(&old).unwrap(), b"new");
    for i in 0..n {
        let sub = dir.path().join(format!("d{}", i % 3));
        assert_eq!(fs::read(sub.join(format!("{i}.txt"))).unwrap(), vec![b'x'; i]);
        assert_eq!(report.units[i + 1].written, [sub.join(format!("{i}.txt")), sub.join(format!("{i}.ron"))]);
    }
    for sub in ["d0", "d1", "d2"] {
        assert!(names(&dir.path().join(sub)).iter().all(|n| !n.ends_with(".tmp")), "temp files left");
    }
    assert_eq!(names(dir.path()), ["d0", "d1", "d2", "old.ron"]);
}

#[cfg(unix)]
#[test]
fn new_files_are_readable_by_the_team_and_replaced_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (kept, new) = (dir.path().join("kept.ron"), dir.path().join("new.ron"));
    fs::write(&kept, b"old").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o664)).unwrap();
    let mut batch = Batch::new();
    batch.add_file(kept.clone(), b"a".to_vec());
    batch.add_file(new.clone(), b"b".to_vec());
    batch.write().into_result().unwrap();
    assert_eq!(fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o664);
    assert_eq!(fs::metadata(&new).unwrap().permissions().mode() & 0o777, 0o644);
}

#[test]
fn a_file_that_cannot_be_written_is_reported_and_the_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("blocker"), b"a file, not a folder").unwrap();
    let mut batch = Batch::new();
    for i in 0..10 {
        batch.add_file(dir.path().join(format!("f{i}")), vec![b'0' + i]);
    }
    let text = dir.path().join("doc.txt");
    batch.add_unit(vec![(text.clone(), b"text".to_vec()), (dir.path().join("blocker/doc.ron"), b"m".to_vec())]);
    let meta = dir.path().join("doc.ron");
    batch.add_unit(vec![(dir.path().join("blocker/other.txt"), b"t".to_vec()), (meta.clone(), b"m".to_vec())]);
    let report = batch.write();
    for (i, unit) in report.units[..10].iter().enumerate() {
        assert!(unit.is_ok(), "{unit:?}");
        assert_eq!(fs::read(dir.path().join(format!("f{i}"))).unwrap(), [b'0' + i as u8]);
    }
    let (path, _) = report.units[10].failed.as_ref().unwrap();
    assert_eq!(path, &dir.path().join("blocker/doc.ron"));
    assert!(report.units[10].written.is_empty(), "a unit with a file that cannot be written renames none");
    assert!(!text.exists());
    assert_eq!(report.units[11].failed.as_ref().unwrap().0, dir.path().join("blocker/other.txt"));
    assert!(!meta.exists(), "a later file of a unit is not written when an earlier one failed");
    assert_eq!(report.first_failure().unwrap().0, dir.path().join("blocker/doc.ron"));
    assert!(names(dir.path()).iter().all(|n| !n.ends_with(".tmp")), "{:?}", names(dir.path()));
}

#[test]
fn a_refused_check_keeps_the_old_file_and_stops_its_unit_only() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("c"));
    fs::write(&a, b"old a").unwrap();
    let mut batch = Batch::new();
    batch.add_unit(vec![(a.clone(), b"new a".to_vec()), (b.clone(), b"new b".to_vec())]);
    batch.add_file(c.clone(), b"new c".to_vec());
    let mut checked = Vec::new();
    let report = batch.write_checked(&mut |target| {
        checked.push(target.to_owned());
        if target == a { Err(io::Error::other("changed on disk")) } else { Ok(()) }
    });
    assert_eq!(checked, [a.clone(), c.clone()], "each file is checked just before its rename");
    assert_eq!(report.units[0].failed.as_ref().unwrap().0, a);
    assert_eq!(fs::read(&a).unwrap(), b"old a");
    assert!(!b.exists());
    assert_eq!(fs::read(&c).unwrap(), b"new c");
    assert_eq!(names(dir.path()), ["a", "c"]);
}

#[test]
fn new_files_never_replace_one_and_a_failed_unit_leaves_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| dir.path().join(name);
    fs::write(file("taken.ron"), b"someone else's").unwrap();
    fs::write(file("x.txt"), b"someone else's").unwrap();
    let mut batch = Batch::new();
    batch.add_new_unit(vec![(file("a.txt"), b"a".to_vec()), (file("a.ron"), b"m".to_vec())]);
    batch.add_new_unit(vec![(file("b.txt"), b"b".to_vec()), (file("taken.ron"), b"m".to_vec())]);
    batch.add_new_unit(vec![(file("x.txt"), b"x".to_vec()), (file("x.ron"), b"m".to_vec())]);
    let report = batch.write();
    assert!(report.units[0].is_ok(), "{report:?}");
    assert_eq!(report.units[0].written, [file("a.txt"), file("a.ron")]);
    let (path, e) = report.units[1].failed.as_ref().unwrap();
    assert_eq!((path, e.kind()), (&file("taken.ron"), io::ErrorKind::AlreadyExists));
    let (path, e) = report.units[2].failed.as_ref().unwrap();
    assert_eq!((path, e.kind()), (&file("x.txt"), io::ErrorKind::AlreadyExists));
    assert!(report.units[1].written.is_empty() && report.units[2].written.is_empty(), "{report:?}");
    assert_eq!(fs::read(file("taken.ron")).unwrap(), b"someone else's");
    assert_eq!(fs::read(file("x.txt")).unwrap(), b"someone else's");
    assert_eq!(names(dir.path()), ["a.ron", "a.txt", "taken.ron", "x.txt"], "b.txt is removed, no temp left");
}

#[test]
fn a_crash_among_new_units_never_leaves_a_last_file_without_the_others() {
    for crash in [Stage::TempsDurable, Stage::Renamed(0, 2)] {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new();
        for i in 0..5 {
            let d = dir.path();
            let unit = vec![(d.join(format!("{i}.txt")), b"t".to_vec()), (d.join(format!("{i}.ron")), b"m".to_vec())];
            batch.add_new_unit(unit);
        }
        let report = batch.write_stages(&mut |_| Ok(()), &mut |s| {
            if s == crash { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        let left = names(dir.path());
        let metas = if crash == Stage::TempsDurable { 0 } else { 2 };
        assert_eq!(report.units.iter().filter(|u| u.is_ok()).count(), 0, "{crash:?}: not durable yet");
        assert_eq!(left.iter().filter(|n| n.ends_with(".txt")).count(), 5, "{crash:?}: {left:?}");
        assert_eq!(left.iter().filter(|n| n.ends_with(".ron")).count(), metas, "{crash:?}: {left:?}");
        // Where the last files are written without a name (Linux), a crash leaves no temp file for them.
        let temps = if cfg!(any(target_os = "linux", target_os = "android")) { 0 } else { 5 - metas };
        assert_eq!(left.iter().filter(|n| n.ends_with(".tmp")).count(), temps, "{crash:?}: {left:?}");
    }
}

#[test]
fn a_crash_leaves_temps_and_never_a_later_file_without_the_earlier() {
    for crash in [Stage::TempsDurable, Stage::Renamed(0, 3), Stage::RoundDurable(0), Stage::Renamed(1, 2)] {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new();
        for i in 0..5 {
            let d = dir.path();
            batch.add_unit(vec![
                (d.join(format!("{i}.txt")), b"t".to_vec()),
                (d.join(format!("{i}.ron")), b"m".to_vec()),
            ]);
        }
        let report = batch.write_stages(&mut |_| Ok(()), &mut |s| {
            if s == crash { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert!(report.units.iter().all(|u| !u.is_ok()), "an interrupted write is not reported as done");
        let left = names(dir.path());
        let temps = left.iter().filter(|n| n.starts_with(".tarmeez-") && n.ends_with(".tmp")).count();
        let (texts, metas) = match crash {
            Stage::TempsDurable => (0, 0),
            Stage::Renamed(0, n) => (n, 0),
            Stage::RoundDurable(_) => (5, 0),
            Stage::Renamed(_, n) => (5, n),
        };
        assert_eq!(temps, 10 - texts - metas, "{crash:?}: {left:?}");
        assert_eq!(left.iter().filter(|n| n.ends_with(".txt")).count(), texts, "{crash:?}: {left:?}");
        assert_eq!(left.iter().filter(|n| n.ends_with(".ron")).count(), metas, "{crash:?}: {left:?}");
    }
}
