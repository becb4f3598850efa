//! Helpers for end-to-end tests: run the real binary, in a temporary folder
//! when the test needs its own files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root, where `corpus/` and `rules/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs factlint in `dir` with `args`, without colour and with a fixed
/// environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("FACTLINT_CONFIG")
        .output()
        .expect("the factlint binary runs")
}

/// Runs factlint at the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

pub fn code(o: &Output) -> i32 {
    o.status
        .code()
        .expect("factlint exited normally, not by a signal")
}

/// A temporary folder with `files` (path, contents) written into it.
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, contents) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, contents).unwrap();
    }
    dir
}

/// A small valid rule: the 2017 ad spend.
pub const RULE: &str = r#"
[[fact]]
id = "ad-spend-2017"
description = "Netflix's Facebook ad spend in 2017"
kind = "money"
patterns = ['in 2017{gap}spend {value}']
"#;

/// Asserts `text` against the reviewed snapshot `name` in `snapshots/`.
pub fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file: tests/common/ -> the top-level snapshots/.
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// A temporary folder with copies of the repository's `corpus/` and
/// `rules/`, to edit freely.
pub fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["corpus", "rules"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(root().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}
