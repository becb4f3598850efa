//! Rule hygiene: findings about the rules themselves, pointing into the
//! TOML. A fact that matches nothing, a pattern that only repeats another,
//! an example no pattern reaches: each means a rule checks less than its
//! author thinks.

use crate::corpus::Corpus;
use crate::extract::{self, Claim};
use crate::finding::{Finding, FindingKind, Label};
use crate::rules::{Fact, RuleSet};
use crate::value::Context;
use std::collections::BTreeSet;

/// All hygiene findings for a run over `corpus`.
pub fn check(rules: &RuleSet, corpus: &Corpus, claims: &[Claim]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, fact) in rules.facts.iter().enumerate() {
        let mine: Vec<&Claim> = extract::of_fact(claims, index).iter().collect();
        if mine.is_empty() {
            findings.push(finding(
                fact,
                FindingKind::UnusedFact,
                format!(
                    "`{}` matched nothing in {} sources",
                    fact.id,
                    corpus.sources.len()
                ),
                fact.id_span.clone(),
                "no pattern of this fact matched".into(),
            ));
        }
        redundant_patterns(fact, &mine, &mut findings);
        uncovered_examples(fact, &mut findings);
    }
    findings
}

/// A pattern whose set of captured claims is the same, non-empty set as an
/// earlier pattern's.
fn redundant_patterns(fact: &Fact, claims: &[&Claim], findings: &mut Vec<Finding>) {
    let hits: Vec<BTreeSet<usize>> = (0..fact.patterns.len())
        .map(|p| {
            claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.patterns.contains(&p))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    for later in 1..hits.len() {
        if hits[later].is_empty() {
            continue;
        }
        if let Some(earlier) = (0..later).find(|&e| hits[e] == hits[later]) {
            let mut f = finding(
                fact,
                FindingKind::RedundantPattern,
                format!(
                    "pattern {} of `{}` only ever matches what pattern {} matches",
                    later + 1,
                    fact.id,
                    earlier + 1
                ),
                fact.patterns[later].span.clone(),
                format!(
                    "the same {} claims as pattern {}",
                    hits[later].len(),
                    earlier + 1
                ),
            );
            f.labels.push(Label {
                file: fact.file,
                span: fact.patterns[earlier].span.clone(),
                value: None,
                primary: false,
                message: format!("pattern {}", earlier + 1),
            });
            findings.push(f);
        }
    }
}

/// An example with values that no pattern matches at all.
fn uncovered_examples(fact: &Fact, findings: &mut Vec<Finding>) {
    for example in fact.examples.iter().filter(|e| !e.expected.is_empty()) {
        let ctx = Context {
            published: example.published.as_ref(),
            ..Context::default()
        };
        if extract::find(fact, 0..fact.patterns.len(), &example.text, ctx).is_empty() {
            findings.push(finding(
                fact,
                FindingKind::UncoveredExample,
                format!("no pattern of `{}` matches this example", fact.id),
                example.text_span.clone(),
                "not matched by any pattern".into(),
            ));
        }
    }
}

fn finding(
    fact: &Fact,
    kind: FindingKind,
    message: String,
    span: std::ops::Range<usize>,
    label: String,
) -> Finding {
    Finding {
        kind,
        severity: fact.severity(kind),
        fact: fact.id.clone(),
        message,
        labels: vec![Label {
            file: fact.file,
            span,
            value: None,
            primary: true,
            message: label,
        }],
        notes: Vec::new(),
    }
}
