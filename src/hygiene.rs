//! Rule hygiene: findings about the rules themselves, pointing into the
//! TOML. A fact that matches nothing, a pattern that only repeats another,
//! an example no pattern reaches: each means a rule checks less than its
//! author thinks.

use crate::corpus::Corpus;
use crate::extract::{self, Claim};
use crate::finding::{Finding, FindingKind, Label};
use crate::matcher::TermId;
use crate::rules::terms::Term;
use crate::rules::{Fact, RuleSet};
use crate::value::Context;
use std::collections::BTreeSet;

/// All hygiene findings for a run over `corpus`.
pub fn check(rules: &RuleSet, corpus: &Corpus, claims: &[Claim]) -> Vec<Finding> {
    check_with_terms(rules, corpus, claims, None)
}

/// [`check`], plus unused terms when the terms seen in the corpus are
/// known (see [`extract::Extraction::seen`]).
pub fn check_with_terms(
    rules: &RuleSet,
    corpus: &Corpus,
    claims: &[Claim],
    seen: Option<&BTreeSet<TermId>>,
) -> Vec<Finding> {
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
        uncovered_examples(rules, index, &mut findings);
    }
    if let Some(seen) = seen {
        unused_terms(rules, corpus, seen, &mut findings);
    }
    findings
}

/// Entity names and roles, cues, anchors and vetoes that neither a source
/// nor any example of the rules holds: a term no text ever showed is
/// likely misspelt, while a synonym an example tests is kept on purpose.
/// One finding per fact or entity, a label on each such term. An entity
/// no fact is about is not looked for, so it is not checked.
fn unused_terms(
    rules: &RuleSet,
    corpus: &Corpus,
    seen: &BTreeSet<TermId>,
    findings: &mut Vec<Finding>,
) {
    let mut seen = seen.clone();
    for fact in &rules.facts {
        for example in &fact.examples {
            let ctx = Context {
                published: example.published.as_ref(),
                ..Context::default()
            };
            seen.extend(
                rules
                    .matcher
                    .scan(&rules.facts, &rules.entities, &example.text, ctx, false)
                    .seen,
            );
        }
    }
    let mut used_entities = BTreeSet::new();
    for (f, fact) in rules.facts.iter().enumerate() {
        let Some(shape) = &fact.shape else { continue };
        used_entities.extend(shape.about.iter().copied());
        let lists: [TermList<'_>; 3] = [
            (&shape.cues, TermId::Cue, "cue"),
            (&shape.anchors, TermId::Anchor, "anchor"),
            (&shape.veto, TermId::Veto, "veto"),
        ];
        let unused: Vec<(&Term, &str)> = lists
            .iter()
            .flat_map(|(terms, id, what)| {
                terms
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !seen.contains(&id(f, *i)))
                    .map(move |(_, t)| (t, *what))
            })
            .collect();
        if let Some(finding) = unused_term(
            fact.severity(FindingKind::UnusedTerm),
            &fact.id,
            &format!("`{}`", fact.id),
            &unused,
            corpus,
        ) {
            findings.push(finding);
        }
    }
    for e in used_entities {
        let entity = &rules.entities[e];
        let unused: Vec<(&Term, &str)> = entity
            .mentions()
            .enumerate()
            .filter(|(i, _)| !seen.contains(&TermId::Mention(e, *i)))
            .map(|(_, (t, is_name))| (t, if is_name { "name" } else { "role" }))
            .collect();
        if let Some(finding) = unused_term(
            rules.defaults_severity(FindingKind::UnusedTerm),
            &format!("entity:{}", entity.id),
            &format!("entity `{}`", entity.id),
            &unused,
            corpus,
        ) {
            findings.push(finding);
        }
    }
}

/// A fact's list of terms, how its terms are identified, and what to call
/// them.
type TermList<'a> = (&'a [Term], fn(usize, usize) -> TermId, &'static str);

fn unused_term(
    severity: crate::finding::Severity,
    owner: &str,
    shown: &str,
    unused: &[(&Term, &str)],
    corpus: &Corpus,
) -> Option<Finding> {
    let first = unused.first()?;
    let words: Vec<String> = unused
        .iter()
        .map(|(t, _)| format!("{:?}", t.text))
        .collect();
    Some(Finding {
        kind: FindingKind::UnusedTerm,
        severity,
        fact: owner.to_string(),
        message: format!(
            "{} of {shown} occur{} in none of the {} sources and none of the examples: {}",
            if unused.len() == 1 { "one term" } else { "terms" },
            if unused.len() == 1 { "s" } else { "" },
            corpus.sources.len(),
            words.join(", ")
        ),
        labels: unused
            .iter()
            .enumerate()
            .map(|(i, (t, what))| Label {
                file: t.file,
                span: t.span.clone(),
                value: None,
                primary: i == 0,
                message: format!("this {what} is never found"),
            })
            .collect(),
        notes: vec![format!(
            "add an example sentence that uses it, or check its spelling against the articles ({} is the first)",
            first.0.text
        )],
    })
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

/// An example with values that the fact does not match at all.
fn uncovered_examples(rules: &RuleSet, index: usize, findings: &mut Vec<Finding>) {
    let fact = &rules.facts[index];
    for example in fact.examples.iter().filter(|e| !e.expected.is_empty()) {
        let ctx = Context {
            published: example.published.as_ref(),
            ..Context::default()
        };
        if extract::find_one(rules, index, &example.text, ctx, false)
            .0
            .is_empty()
        {
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
