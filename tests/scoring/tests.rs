//! The scores' definitions on a two-article story small enough to check by
//! hand: each test changes one thing in the report and sees one count move.

use super::annotations::{Annotations, FactMap};
use super::measure::{score, Ratio, Score};
use super::report::{Claim, Finding, Label, Report};
use super::{shortfalls, Thresholds};
use std::collections::BTreeSet;

const A: &str = "In 2017 Netflix spent $150 million on ads. Reports came every two weeks.";
const B: &str = "In 2017 Netflix spent $200 million on ads. Reports came every fortnight. \
                 Again: $200 million.";

const ANNOTATIONS: &str = r#"
[facts]
spend = "the 2017 spend"
frequency = "how often reports came"
other = "anything else"

[[claim]]
article = "a.txt"
fact = "spend"
text = "$150 million"
value = "$150 million"

[[claim]]
article = "b.txt"
fact = "spend"
text = "$200 million"
value = "$200 million"

[[claim]]
article = "a.txt"
fact = "frequency"
text = "every two weeks"
value = "every two weeks"

[[claim]]
article = "b.txt"
fact = "frequency"
text = "every fortnight"
value = "every fortnight"
context = true

[[claim]]
article = "b.txt"
fact = "other"
text = "Again"
value = "not a fact"

[[discrepancy]]
id = "D"
fact = "spend"
should_flag = true
strength = "A"
description = "$150 million against $200 million"
articles = ["a.txt", "b.txt"]
groups = [
  [{ article = "a.txt", text = "$150 million" }],
  [{ article = "b.txt", text = "$200 million" }],
]

[[discrepancy]]
id = "E"
fact = "frequency"
should_flag = false
strength = "C"
description = "a fortnight is two weeks"
articles = ["a.txt", "b.txt"]
spans = [
  { article = "a.txt", text = "every two weeks" },
  { article = "b.txt", text = "every fortnight" },
]
"#;

const MAP: &str = r#"
[facts]
spend = ["ad-spend"]
frequency = ["report-frequency"]
"#;

fn story(annotations: &str) -> Result<Annotations, Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), A).unwrap();
    std::fs::write(dir.path().join("b.txt"), B).unwrap();
    std::fs::write(dir.path().join("annotations.toml"), annotations).unwrap();
    Annotations::load(dir.path())
}

/// The `nth` occurrence of `text` in `article` as a label.
fn label(article: &str, text: &str, nth: usize, primary: bool) -> Label {
    let body = if article == "a.txt" { A } else { B };
    let start = body
        .match_indices(text)
        .nth(nth)
        .expect("the words are there")
        .0;
    Label {
        path: format!("corpus/{article}"),
        start,
        end: start + text.len(),
        line: 1,
        text: text.to_string(),
        primary,
    }
}

fn claim(fact: &str, article: &str, text: &str, nth: usize) -> Claim {
    let l = label(article, text, nth, true);
    Claim {
        fact: fact.to_string(),
        path: l.path,
        start: l.start,
        end: l.end,
    }
}

fn finding(code: &str, kind: &str, fact: &str, labels: Vec<Label>) -> Finding {
    Finding {
        code: code.to_string(),
        severity: if code == "FL001" { "error" } else { "warning" }.to_string(),
        kind: kind.to_string(),
        fact: fact.to_string(),
        message: format!("{code} on {fact}"),
        labels,
    }
}

fn scored(claims: Vec<Claim>, findings: Vec<Finding>) -> Score {
    let annotations = story(ANNOTATIONS).unwrap();
    let map: FactMap = toml::from_str(MAP).unwrap();
    let report = Report {
        sources: Vec::new(),
        claims,
        findings,
        statistics: Vec::new(),
    };
    let all: BTreeSet<String> = ["a.txt", "b.txt"].map(String::from).into();
    score(&annotations, &map, &report, &all)
}

/// The score of a report with one finding and no claims.
fn only(f: Finding) -> Score {
    scored(vec![], vec![f])
}

/// A primary label on `accused` (in b.txt) and evidence on `evidence` (in
/// a.txt).
fn against(accused: &str, evidence: &str) -> Vec<Label> {
    vec![
        label("b.txt", accused, 0, true),
        label("a.txt", evidence, 0, false),
    ]
}

fn ratio(hit: usize, of: usize) -> Ratio {
    Ratio { hit, of }
}

#[test]
fn a_claim_is_extracted_by_an_overlapping_claim_of_a_mapped_fact() {
    // Context and `other` claims are not counted: three of five.
    assert_eq!(scored(vec![], vec![]).overall.claims, ratio(0, 3));
    let s = scored(
        vec![
            claim("ad-spend", "a.txt", "150", 0),
            // The right words under another fact do not count.
            claim("report-frequency", "b.txt", "$200 million", 0),
        ],
        vec![],
    );
    assert_eq!(s.rows["spend"].claims, ratio(1, 2));
    assert_eq!(s.details.missed_claims.len(), 2);
}

#[test]
fn any_occurrence_of_repeated_words_counts() {
    let s = scored(vec![claim("ad-spend", "b.txt", "$200 million", 1)], vec![]);
    assert_eq!(s.rows["spend"].claims, ratio(1, 2));
}

#[test]
fn a_discrepancy_is_found_with_labels_on_two_sides() {
    let both = against("$200 million", "$150 million");
    let s = only(finding("FL001", "conflict", "ad-spend", both));
    assert_eq!(s.overall.discrepancies, ratio(1, 1));
    assert_eq!(s.overall.findings, ratio(1, 1));

    let one_side = vec![label("b.txt", "$200 million", 0, true)];
    let s = only(finding("FL003", "unsupported", "ad-spend", one_side));
    assert_eq!(s.overall.discrepancies, ratio(0, 1));
    // Still a finding on a real discrepancy.
    assert_eq!(s.overall.findings, ratio(1, 1));
}

#[test]
fn a_finding_of_another_fact_neither_finds_nor_is_right() {
    let both = against("$200 million", "$150 million");
    let s = only(finding("FL001", "conflict", "report-frequency", both));
    assert_eq!(s.overall.discrepancies, ratio(0, 1));
    assert_eq!(s.overall.findings, ratio(0, 1));
    assert_eq!(s.rows["frequency"].findings, ratio(0, 1));
    assert_eq!(s.details.wrong_findings.len(), 1);
}

#[test]
fn equivalent_words_reported_as_a_conflict_are_a_false_flag() {
    let both = against("every fortnight", "every two weeks");
    let s = only(finding("FL001", "conflict", "report-frequency", both));
    assert_eq!(s.overall.false_flags, ratio(1, 1));
    assert_eq!(s.overall.findings, ratio(0, 1));
}

#[test]
fn a_finding_that_accuses_nobody_is_no_false_flag() {
    let both = against("every fortnight", "every two weeks");
    let unsupported = only(finding("FL003", "unsupported", "report-frequency", both));
    assert_eq!(unsupported.overall.false_flags, ratio(0, 1));
    // Accused words outside the equivalence: the false finding costs
    // precision, not a false flag.
    let elsewhere = against("Reports", "every two weeks");
    let s = only(finding("FL001", "conflict", "report-frequency", elsewhere));
    assert_eq!(s.overall.false_flags, ratio(0, 1));
    // Both labels on one of the equivalent spans: it is not set against
    // another.
    let within = vec![
        label("a.txt", "every two weeks", 0, true),
        label("a.txt", "two weeks", 0, false),
    ];
    let s = only(finding(
        "FL004",
        "self-conflict",
        "report-frequency",
        within,
    ));
    assert_eq!(s.overall.false_flags, ratio(0, 1));
}

#[test]
fn rule_hygiene_and_notes_are_not_scored() {
    let hygiene = finding("FL101", "unused-fact", "ad-spend", vec![]);
    let mut note = finding(
        "FL302",
        "single-source",
        "figures",
        vec![label("a.txt", "$150 million", 0, true)],
    );
    note.severity = "note".to_string();
    let s = scored(vec![], vec![hygiene, note]);
    assert_eq!(s.overall.findings, ratio(0, 0));
}

#[test]
fn a_cut_discrepancy_needs_both_sides_in_the_selection() {
    let annotations = story(ANNOTATIONS).unwrap();
    let map: FactMap = toml::from_str(MAP).unwrap();
    let report = Report {
        sources: Vec::new(),
        claims: vec![],
        findings: vec![],
        statistics: vec![],
    };
    let only_a: BTreeSet<String> = ["a.txt".to_string()].into();
    let s = score(&annotations, &map, &report, &only_a);
    assert_eq!(s.overall.discrepancies, ratio(0, 0));
    assert_eq!(s.overall.false_flags, ratio(0, 0));
    assert_eq!(s.overall.claims, ratio(0, 2));
}

#[test]
fn annotated_words_missing_from_their_article_are_reported() {
    let broken = ANNOTATIONS
        .replace(
            "text = \"$150 million\"\nvalue",
            "text = \"$160 million\"\nvalue",
        )
        .replace(
            "fact = \"frequency\"\nshould_flag",
            "fact = \"freq\"\nshould_flag",
        );
    let problems = story(&broken).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("\"$160 million\" is not in a.txt"));
    assert!(problems[1].contains("`freq` is not in [facts]"));
}

#[test]
fn thresholds_name_every_score_below_them() {
    let mut all = scored(vec![claim("ad-spend", "a.txt", "150", 0)], vec![]);
    all.overall.false_flags = ratio(1, 1);
    let strict = Thresholds {
        claim_recall_all: 0.9,
        claim_recall_held_out: 0.75,
        discrepancy_recall_all: 0.6,
        max_false_flags: 0,
        finding_precision_all: 0.9,
    };
    let failures = shortfalls(&strict, &all, &all);
    // Precision out of no finding does not fail.
    assert_eq!(failures.len(), 4, "{failures:?}");
    assert!(failures[0].starts_with("claim recall (all ten) is 33.3%"));
    assert!(shortfalls(&super::THRESHOLDS, &all, &all).is_empty());
}
