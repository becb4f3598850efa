//! The scoring harness on the dev corpus: runs factlint with the
//! repository's rules on `tests/data/dev-corpus/meta-netflix` and scores
//! the report against the hand annotations (docs/scoring.md).
//!
//! `cargo test --test score -- --nocapture` prints the tables;
//! `FACTLINT_SCORE_DETAIL=1` adds what was missed and what was wrong.

mod common;
mod scoring;

use common::{code, root, stderr, stdout};
use scoring::annotations::{Annotations, FactMap, OTHER_KEY, QUOTE_KEY};
use scoring::measure::{score, Score};
use scoring::report::{article, Report};
use scoring::{shortfalls, table, THRESHOLDS};
use std::collections::BTreeSet;

const DEV: &str = "tests/data/dev-corpus/meta-netflix";
const FACT_MAP: &str = "tests/data/dev-corpus/fact-map.toml";

/// Articles numbered up to this are the half rules are written from; the
/// rest are held out (issue 11).
const LAST_TRAINING_ARTICLE: u32 = 10;

#[test]
fn dev_corpus_scores() {
    let annotations = Annotations::load(&root().join(DEV))
        .unwrap_or_else(|problems| panic!("annotations:\n{}", problems.join("\n")));
    let map = FactMap::load(&root().join(FACT_MAP)).unwrap_or_else(|e| panic!("{e}"));
    let report = lint();
    let read: Vec<&str> = report.sources.iter().map(|s| article(&s.path)).collect();
    assert_eq!(read, annotations.articles, "factlint read other articles");
    let problems = map_problems(&annotations, &map, &report);
    assert!(problems.is_empty(), "{FACT_MAP}:\n{}", problems.join("\n"));

    let (training, held_out) = halves(&annotations.articles);
    let all: BTreeSet<String> = annotations.articles.iter().cloned().collect();
    let scores: Vec<(&str, Score)> = [
        ("articles 02–10 (rules are written from these)", &training),
        ("articles 12–20 (held out)", &held_out),
        ("all ten articles", &all),
    ]
    .into_iter()
    .map(|(title, selection)| (title, score(&annotations, &map, &report, selection)))
    .collect();
    println!("{}", table::LEGEND);
    for (title, s) in &scores {
        println!("{}", table::render(title, s));
    }
    if std::env::var_os("FACTLINT_SCORE_DETAIL").is_some_and(|v| v != "0") {
        print_details(&scores[2].1);
    }
    let failures = shortfalls(&THRESHOLDS, &scores[2].1, &scores[1].1);
    assert!(
        failures.is_empty(),
        "below threshold:\n{}",
        failures.join("\n")
    );
}

/// factlint's JSON report on the dev corpus with the repository's rules.
fn lint() -> Report {
    let out = common::run(&[
        DEV,
        "--rules",
        "rules",
        "--format",
        "json",
        "--statistics",
        "--exit-zero",
    ]);
    assert_eq!(code(&out), 0, "factlint failed:\n{}", stderr(&out));
    Report::parse(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"))
}

/// The fact map names every annotation key (but `other`) and only keys
/// and facts that exist.
fn map_problems(annotations: &Annotations, map: &FactMap, report: &Report) -> Vec<String> {
    let facts: BTreeSet<&str> = report.statistics.iter().map(|s| s.fact.as_str()).collect();
    let mut problems = Vec::new();
    for key in &annotations.keys {
        if key != OTHER_KEY && !map.facts.contains_key(key) {
            problems.push(format!(
                "key `{key}` is not mapped (map it to [] if no fact states it)"
            ));
        }
    }
    for (key, ids) in &map.facts {
        if !annotations.keys.contains(key) || key == OTHER_KEY {
            problems.push(format!("key `{key}` is not an annotation fact key"));
        }
        if key == QUOTE_KEY && !ids.is_empty() {
            problems.push(format!(
                "key `{key}` is matched by quotation drift, not a rule"
            ));
        }
        for id in ids.iter().filter(|id| !facts.contains(id.as_str())) {
            problems.push(format!("key `{key}`: no fact `{id}` in rules/"));
        }
    }
    problems
}

/// The training and held-out halves, by the number each article's name
/// starts with.
fn halves(articles: &[String]) -> (BTreeSet<String>, BTreeSet<String>) {
    let number = |name: &String| -> u32 {
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("article `{name}` does not start with its number"))
    };
    let (training, held_out): (BTreeSet<String>, BTreeSet<String>) = articles
        .iter()
        .cloned()
        .partition(|a| number(a) <= LAST_TRAINING_ARTICLE);
    assert!(!training.is_empty() && !held_out.is_empty());
    (training, held_out)
}

fn print_details(s: &Score) {
    let d = &s.details;
    for (title, lines) in [
        ("missed claims", &d.missed_claims),
        ("missed discrepancies", &d.missed_discrepancies),
        ("false flags", &d.false_flags),
        ("wrong findings", &d.wrong_findings),
    ] {
        println!("{title} ({}):", lines.len());
        for line in lines {
            println!("  {line}");
        }
        println!();
    }
}
