//! FL004: one source states incompatible values for one fact. The first
//! statement is a secondary label ("first stated as"), each later
//! statement incompatible with it a primary one, as rustc marks a second
//! definition against the first. Later statements that repeat the first
//! value are secondary labels too: an editor correcting the article needs
//! every place it states the fact, and which version the article holds to
//! elsewhere is what tells the slip from the intended claim.

use super::View;
use crate::finding::{Finding, FindingKind};
use std::collections::BTreeMap;

pub(super) fn check(view: &View<'_>, reported: &mut [bool], findings: &mut Vec<Finding>) {
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, claim) in view
        .claims
        .iter()
        .enumerate()
        .filter(|(i, _)| !reported[*i])
    {
        by_source.entry(claim.source).or_default().push(i);
    }
    for (source, at) in by_source {
        let first = at[0];
        let v0 = view.value_of[first];
        let clashing: Vec<usize> = at
            .iter()
            .copied()
            .filter(|&i| !view.compatible[v0][view.value_of[i]])
            .collect();
        if clashing.is_empty() {
            continue;
        }
        let labels = at
            .iter()
            .map(|&i| {
                if i == first {
                    view.label(i, false, format!("first stated as {}", view.value(i)))
                } else if clashing.contains(&i) {
                    view.label(i, true, format!("then as {}", view.value(i)))
                } else {
                    view.label(i, false, format!("and again as {}", view.value(i)))
                }
            })
            .collect();
        let message = format!(
            "{} states incompatible values for {}",
            view.source_name(source),
            view.fact.description
        );
        let notes = view.reference_note().into_iter().collect();
        for &i in &at {
            reported[i] = true;
        }
        findings.push(view.finding(FindingKind::SelfConflict, message, labels, notes));
    }
}
