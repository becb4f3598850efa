//! Snapshots of the reports on `corpus/`, stored in the top-level
//! `snapshots/` folder. Each was read line by line against the articles
//! before it was accepted; a change to one is a change to what editors see.

mod common;
use common::*;

fn corpus_snapshot(name: &str, args: &[&str]) {
    let out = run(args);
    assert_eq!(code(&out), 1, "the corpus has errors: {}", stderr(&out));
    assert_eq!(stderr(&out), "");
    common::snapshot(name, &stdout(&out));
}

#[test]
fn human_report() {
    corpus_snapshot("corpus-human", &["corpus/", "--color", "never"]);
}

#[test]
fn short_report() {
    corpus_snapshot("corpus-short", &["corpus/", "--format", "short"]);
}

#[test]
fn json_report() {
    corpus_snapshot("corpus-json", &["corpus/", "--format", "json"]);
}

#[test]
fn html_report() {
    corpus_snapshot("corpus-html", &["corpus/", "--format", "html"]);
}
