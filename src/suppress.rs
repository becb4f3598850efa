//! Reviewed discrepancies: findings an editor has acknowledged, in a
//! manifest `accept` entry or a `factlint-disable` comment, are not
//! reported. An acknowledgement that matches no finding is reported itself
//! (FL202): it is out of date, or names the wrong fact, and would otherwise
//! hide a future finding it was never meant for.

use crate::corpus::{Corpus, Suppression};
use crate::finding::{Finding, FindingKind, Label};
use crate::rules::Defaults;
use std::collections::{HashMap, HashSet};

/// The findings left, how many were acknowledged, and the findings about
/// unused acknowledgements.
pub fn apply(
    corpus: &Corpus,
    findings: Vec<Finding>,
    defaults: &Defaults,
) -> (Vec<Finding>, usize) {
    let by_file: HashMap<usize, usize> = corpus
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.file, i))
        .collect();
    let all: Vec<(usize, &Suppression)> = corpus
        .sources
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.meta
                .accept
                .iter()
                .chain(&s.directives)
                .map(move |d| (i, d))
        })
        .collect();
    let mut used: HashSet<usize> = HashSet::new();
    let mut kept = Vec::new();
    let mut acknowledged = 0;
    for finding in findings {
        let fact = finding.fact.as_str();
        let covering: Vec<usize> = finding
            .labels
            .iter()
            .filter(|l| l.primary)
            .filter_map(|l| by_file.get(&l.file).map(|&s| (s, l)))
            .flat_map(|(s, l)| {
                all.iter().enumerate().filter(move |(_, (src, d))| {
                    *src == s
                        && (d.fact == fact || d.fact == "all")
                        && d.covers.contains(&l.span.start)
                })
            })
            .map(|(i, _)| i)
            .collect();
        if covering.is_empty() {
            kept.push(finding);
        } else {
            acknowledged += 1;
            used.extend(covering);
        }
    }
    for (i, (s, d)) in all.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        let source = &corpus.sources[*s];
        kept.push(Finding {
            kind: FindingKind::UnusedAcceptance,
            severity: defaults.severity(FindingKind::UnusedAcceptance),
            fact: d.fact.clone(),
            message: format!(
                "the acknowledgement of `{}` for {} matches no finding",
                d.fact, source.path
            ),
            labels: vec![Label {
                file: d.file,
                span: d.span.clone(),
                value: None,
                primary: true,
                message: "acknowledges nothing".into(),
            }],
            notes: vec![format!("its reason: {}", d.reason)],
        });
    }
    (kept, acknowledged)
}
