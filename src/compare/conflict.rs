//! FL001 and FL006: sources disagree.
//!
//! When a disagreement is an accusation: the consensus is the value stated
//! (compatibly) by the most sources, and a source none of whose claims is
//! compatible with it is accused (FL001) only when the consensus is a
//! *clear majority*: at least [`MIN_MAJORITY`] sources and three quarters
//! of the sources stating the fact. Anything less (two against one, three
//! against two, a tie) is a split (FL006): reported once, every side named
//! with its outlets, no one accused. A fact sheet decides before this
//! runs (FL002), so a fact with one is never left to a vote.

use super::View;
use crate::evidence;
use crate::finding::{Finding, FindingKind};
use std::collections::{BTreeMap, BTreeSet};

/// The fewest sources that make a clear majority.
pub const MIN_MAJORITY: usize = 3;

/// Whether `backers` of `stating` sources are a clear majority: enough to
/// accuse the others of getting the fact wrong.
pub fn clear_majority(backers: usize, stating: usize) -> bool {
    backers >= MIN_MAJORITY && backers * 4 >= stating * 3
}

pub(super) fn check(view: &View<'_>, reported: &mut [bool], findings: &mut Vec<Finding>) {
    let live: Vec<usize> = (0..view.claims.len()).filter(|&i| !reported[i]).collect();
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &live {
        by_source.entry(view.claims[i].source).or_default().push(i);
    }
    if by_source.len() < 2 {
        return;
    }
    // Support among the claims still in play, value by value.
    let values: BTreeSet<usize> = live.iter().map(|&i| view.value_of[i]).collect();
    let support = |v: usize| -> BTreeSet<usize> {
        by_source
            .iter()
            .filter(|(_, at)| at.iter().any(|&i| view.compatible[view.value_of[i]][v]))
            .map(|(&s, _)| s)
            .collect()
    };
    let supported: Vec<(usize, BTreeSet<usize>)> =
        values.iter().map(|&v| (v, support(v))).collect();
    let most = supported.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
    let top: Vec<usize> = supported
        .iter()
        .filter(|(_, s)| s.len() == most)
        .map(|(v, _)| *v)
        .collect();
    let split = top
        .iter()
        .any(|&a| top.iter().any(|&b| !view.compatible[a][b]));

    let consensus = top[0];
    let dissent = by_source.values().any(|at| {
        at.iter()
            .all(|&i| !view.compatible[view.value_of[i]][consensus])
    });
    if !dissent {
        return;
    }
    if split || !clear_majority(most, by_source.len()) {
        report_split(view, &by_source, &supported, findings);
        for &i in &live {
            reported[i] = true;
        }
        return;
    }
    let backers: Vec<&str> = support(consensus)
        .iter()
        .map(|&s| view.source_name(s))
        .collect();
    // The same for every outlier (none of whose claims is compatible with
    // the consensus): chosen once, bounded.
    let (evidence, more) = evidence::representative(
        view.corpus,
        view.evidence(consensus, None, reported),
        |&i| view.claims[i].source,
    );
    for (&source, at) in &by_source {
        let off: Vec<usize> = at
            .iter()
            .copied()
            .filter(|&i| !view.compatible[view.value_of[i]][consensus])
            .collect();
        if off.len() < at.len() || off.is_empty() {
            continue; // the source states the consensus somewhere
        }
        let mut labels: Vec<_> = off
            .iter()
            .map(|&i| view.label(i, true, format!("this source says {}", view.value(i))))
            .collect();
        for &i in &evidence {
            labels.push(view.label(i, false, format!("this source says {}", view.value(i))));
        }
        let mut notes = vec![format!(
            "consensus: {}, stated by {} ({} of the {} sources stating this fact)",
            view.values[consensus],
            evidence::list(&backers),
            backers.len(),
            by_source.len()
        )];
        notes.extend(evidence::note(
            more,
            &format!("state {}", view.values[consensus]),
        ));
        notes.extend(view.reference_note());
        let message = format!(
            "{} disagrees with {} on {}",
            view.source_name(source),
            other_sources(backers.len()),
            view.fact.description
        );
        for &i in at {
            reported[i] = true;
        }
        findings.push(view.finding(FindingKind::Conflict, message, labels, notes));
    }
}

fn other_sources(n: usize) -> String {
    if n == 1 {
        "1 other source".to_string()
    } else {
        format!("{n} other sources")
    }
}

/// No clear majority: one finding naming every side and its outlets,
/// labelling each source's first claim. A side is a value and the sources
/// compatible with it; sides that are subsets of a larger side are left
/// out, so "April 2023" and "2023" are one side.
fn report_split(
    view: &View<'_>,
    by_source: &BTreeMap<usize, Vec<usize>>,
    supported: &[(usize, BTreeSet<usize>)],
    findings: &mut Vec<Finding>,
) {
    // The smallest side first: with no clear majority nobody is accused,
    // but the outlet that stands most alone is where an editor looks first.
    let side_size = |source: usize| {
        supported
            .iter()
            .filter(|(_, s)| s.contains(&source))
            .map(|(_, s)| s.len())
            .max()
            .unwrap_or(0)
    };
    let mut order: Vec<(&usize, &Vec<usize>)> = by_source.iter().collect();
    order.sort_by_key(|(s, _)| (side_size(**s), **s));
    let firsts: Vec<usize> = order.into_iter().map(|(_, at)| at[0]).collect();
    let (shown_claims, more) =
        evidence::representative(view.corpus, firsts, |&i| view.claims[i].source);
    let labels = shown_claims
        .iter()
        .map(|&i| view.label(i, true, format!("this source says {}", view.value(i))))
        .collect();
    let mut sides: Vec<&(usize, BTreeSet<usize>)> = supported.iter().collect();
    sides.sort_by_key(|(v, s)| (std::cmp::Reverse(s.len()), *v));
    let mut shown: Vec<&(usize, BTreeSet<usize>)> = Vec::new();
    for side in sides {
        if !shown.iter().any(|(_, s)| side.1.is_subset(s)) {
            shown.push(side);
        }
    }
    let described: Vec<String> = shown
        .iter()
        .map(|(v, s)| {
            let names: Vec<&str> = s.iter().map(|&src| view.source_name(src)).collect();
            format!("{} ({})", view.values[*v], evidence::list(&names))
        })
        .collect();
    let message = format!("sources are split on {}", view.fact.description);
    let mut notes = vec![
        format!("sides: {}", described.join("; ")),
        format!(
            "no side is a clear majority (at least {MIN_MAJORITY} sources and three quarters of those stating the fact), so no source is accused"
        ),
    ];
    notes.extend(evidence::note(more, "state one of these values"));
    notes.extend(view.reference_note());
    findings.push(view.finding(FindingKind::Split, message, labels, notes));
}
