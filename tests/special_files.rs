//! Inputs that are not plain files and outputs that are not plain
//! destinations: pipes, devices, links, the same file twice, and writes
//! that would clobber an input. Every pipe and link is made in a temp dir.

#![cfg(unix)]

mod common;
use common::*;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs factlint in `dir`, killing it (and failing) if it has not finished
/// within a minute: a hang on a pipe must fail the test, not block it.
fn run_bounded(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("FACTLINT_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("factlint {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (code(&out), stdout(&out), stderr(&out))
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_named_pipe_is_refused_wherever_an_input_is_expected() {
    let dir = story();
    let p = dir.path();
    mkfifo(&p.join("pipe.txt"));
    let pipe = "it is a named pipe (FIFO), not a regular file";
    let cases: &[(&[&str], &str)] = &[
        (&["corpus", "pipe.txt"], "cannot read `pipe.txt`"),
        (
            &["corpus", "--rules", "pipe.txt"],
            "cannot read rules `pipe.txt`",
        ),
        (
            &["corpus", "--config", "pipe.txt"],
            "cannot read configuration `pipe.txt`",
        ),
        (
            &["corpus", "--baseline", "pipe.txt"],
            "cannot read baseline `pipe.txt`",
        ),
    ];
    for (args, message) in cases {
        let (status, _, err) = run_bounded(p, args);
        assert_eq!(status, 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("{message}: {pipe}")),
            "{args:?}: {err}"
        );
    }
    // In the corpus folder and in the rules folder too, not skipped.
    std::fs::remove_file(p.join("pipe.txt")).unwrap();
    mkfifo(&p.join("corpus/pipe.md"));
    mkfifo(&p.join("rules/pipe.toml"));
    let (status, _, err) = run_bounded(p, &["corpus"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains(&format!("cannot read `corpus/pipe.md`: {pipe}")),
        "{err}"
    );
    assert!(
        err.contains(&format!("cannot read rules `rules/pipe.toml`: {pipe}")),
        "{err}"
    );
}

#[test]
fn a_manifest_that_is_not_a_file_is_an_error() {
    let dir = story();
    let p = dir.path();
    std::fs::create_dir(p.join("extra")).unwrap();
    std::fs::copy(p.join("corpus/epoch-times.txt"), p.join("extra/a.txt")).unwrap();
    std::fs::create_dir(p.join("extra/sources.toml")).unwrap();
    let (status, _, err) = run_bounded(p, &["corpus", "extra"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("cannot read `extra/sources.toml`: it is a directory"),
        "{err}"
    );
}

#[test]
fn links_are_followed_and_a_file_is_read_once() {
    let dir = story();
    let p = dir.path();
    let summary = |args: &[&str]| {
        let mut all = vec!["--format", "short"];
        all.extend_from_slice(args);
        let (status, out, err) = run_bounded(p, &all);
        assert_ne!(status, 2, "{err}");
        out.lines().last().unwrap().to_string()
    };
    assert!(summary(&["corpus"]).contains(" in 5 sources"));
    // A link in the folder to an article outside it is an article.
    std::fs::create_dir(p.join("elsewhere")).unwrap();
    std::fs::write(p.join("elsewhere/wire.md"), "# Wire\n\nNothing new.\n").unwrap();
    symlink("../elsewhere/wire.md", p.join("corpus/wire.md")).unwrap();
    assert!(summary(&["corpus"]).contains(" in 6 sources"));
    // A link to an article already there, and the same article under
    // other spellings, are read once, under the article's own name.
    symlink("epoch-times.txt", p.join("corpus/alias.txt")).unwrap();
    let abs = p.join("corpus/epoch-times.txt");
    let out = summary(&["corpus", "./corpus/epoch-times.txt", abs.to_str().unwrap()]);
    assert!(out.contains(" in 6 sources"), "{out}");
    let (_, text, _) = run_bounded(p, &["corpus", "--format", "short"]);
    assert!(!text.contains("alias.txt"), "{text}");
    assert!(text.contains("corpus/epoch-times.txt"), "{text}");
}

#[test]
fn a_dangling_or_looping_link_is_reported() {
    let dir = story();
    let p = dir.path();
    symlink("nowhere.txt", p.join("corpus/dangling.txt")).unwrap();
    symlink("loop.md", p.join("corpus/loop.md")).unwrap();
    let (status, _, err) = run_bounded(p, &["corpus"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("cannot read `corpus/dangling.txt`: it is a symbolic link to nothing"),
        "{err}"
    );
    assert!(
        err.contains("cannot read `corpus/loop.md`: it is a symbolic link that loops"),
        "{err}"
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn outputs_keep_their_mode_and_links() {
    let dir = story();
    let p = dir.path();
    std::fs::write(p.join("report.txt"), "old").unwrap();
    std::fs::set_permissions(p.join("report.txt"), PermissionsExt::from_mode(0o644)).unwrap();
    symlink("report.txt", p.join("latest.txt")).unwrap();
    let (status, _, err) = run_bounded(p, &["corpus", "--format", "short", "-o", "latest.txt"]);
    assert_eq!(status, 1, "{err}");
    assert!(std::fs::symlink_metadata(p.join("latest.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(p.join("report.txt"))
        .unwrap()
        .contains("error[FL002]"));
    assert_eq!(mode(&p.join("report.txt")), 0o644);

    let (status, _, err) = run_bounded(p, &["corpus", "--write-baseline", "b.json"]);
    assert_eq!(status, 0, "{err}");
    assert_ne!(mode(&p.join("b.json")) & 0o077, 0, "not owner-only");
}

#[test]
fn a_dash_and_dev_stdout_write_to_stdout() {
    let dir = story();
    let p = dir.path();
    for target in ["-", "/dev/stdout"] {
        let (status, out, err) = run_bounded(p, &["corpus", "--format", "short", "-o", target]);
        assert_eq!(status, 1, "{target}: {err}");
        assert!(out.contains("error[FL002]"), "{target}: {out}");
        assert!(!p.join("-").exists());
    }
}

#[test]
fn inputs_are_never_overwritten() {
    let dir = story();
    let p = dir.path();
    let before = std::fs::read(p.join("corpus/epoch-times.txt")).unwrap();
    let rules = std::fs::read(p.join("rules/people.toml")).unwrap();
    let cases: &[&[&str]] = &[
        &["corpus", "-o", "corpus/epoch-times.txt"],
        &["corpus", "--write-baseline", "corpus/epoch-times.txt"],
        &["corpus", "-o", "rules/people.toml"],
        &["corpus", "-o", "corpus/sources.toml"],
    ];
    for args in cases {
        let (status, _, err) = run_bounded(p, args);
        assert_eq!(status, 2, "{args:?}: {err}");
        assert!(err.contains("an input of this run"), "{args:?}: {err}");
    }
    assert_eq!(
        before,
        std::fs::read(p.join("corpus/epoch-times.txt")).unwrap()
    );
    assert_eq!(rules, std::fs::read(p.join("rules/people.toml")).unwrap());
}

#[test]
fn an_output_never_becomes_an_article() {
    let dir = story();
    let p = dir.path();
    let (status, _, err) = run_bounded(p, &["corpus", "-o", "corpus/report.txt"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("the next run would read it as an article"),
        "{err}"
    );
    assert!(!p.join("corpus/report.txt").exists());
    // Another extension is not an article: written, and the next run
    // still sees five sources.
    let (status, _, err) = run_bounded(
        p,
        &["corpus", "--format", "json", "-o", "corpus/report.json"],
    );
    assert_eq!(status, 1, "{err}");
    let (_, out, _) = run_bounded(p, &["corpus", "--format", "short"]);
    assert!(out.contains(" in 5 sources"), "{out}");
}

#[test]
fn a_failed_write_leaves_no_temporary_file() {
    let dir = story();
    let p = dir.path();
    std::fs::create_dir(p.join("taken")).unwrap();
    let (status, _, err) = run_bounded(p, &["corpus", "-o", "taken"]);
    assert_eq!(status, 2, "{err}");
    let left: Vec<String> = std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".factlint-tmp-") || n.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
