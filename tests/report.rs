//! Snapshots of the reports on `corpus/`, stored in the top-level
//! `snapshots/` folder. Each was read line by line against the articles
//! before it was accepted; a change to one is a change to what editors see.

mod common;
use common::*;

fn snapshot(name: &str, args: &[&str]) {
    let out = run(args);
    assert_eq!(code(&out), 1, "the corpus has errors: {}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, stdout(&out)));
}

#[test]
fn human_report() {
    snapshot("corpus-human", &["corpus/", "--color", "never"]);
}

#[test]
fn short_report() {
    snapshot("corpus-short", &["corpus/", "--format", "short"]);
}

#[test]
fn json_report() {
    snapshot("corpus-json", &["corpus/", "--format", "json"]);
}
