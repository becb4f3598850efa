//! FL003: a value stated by fewer sources than the rule's `min_sources`.
//! A value the fact sheet confirms is corroborated by the fact sheet and is
//! not reported; a value already reported by another check is not reported
//! twice.

use super::View;
use crate::finding::{Finding, FindingKind};
use std::collections::BTreeMap;

pub(super) fn check(view: &View<'_>, reported: &mut [bool], findings: &mut Vec<Finding>) {
    let min = view.fact.min_sources;
    if min <= 1 {
        return;
    }
    let mut stated: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for i in (0..view.claims.len()).filter(|&i| !reported[i]) {
        stated
            .entry((view.claims[i].source, view.value_of[i]))
            .or_default()
            .push(i);
    }
    let total = view.copies.count(0..view.corpus.sources.len());
    for ((_, v), at) in stated {
        let backers = view.backing(v);
        if backers >= min || view.agrees_with_reference(v) {
            continue;
        }
        let value = view.values[v];
        let why = if backers == 1 {
            "no other source states this".to_string()
        } else {
            format!("only {backers} sources state this")
        };
        let labels = at
            .iter()
            .map(|&i| view.label(i, true, why.clone()))
            .collect();
        let message = format!(
            "{} ({value}) is stated by only {backers} of {total} sources",
            view.fact.description
        );
        let notes = vec![format!(
            "`{}` needs at least {min} sources to state a value before it counts as corroborated",
            view.fact.id
        )];
        for &i in &at {
            reported[i] = true;
        }
        findings.push(view.finding(FindingKind::Unsupported, message, labels, notes));
    }
}
