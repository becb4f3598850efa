//! FL001: sources disagree. The consensus is the value stated (compatibly)
//! by the most sources; each source none of whose claims is compatible with
//! it is an outlier, labelled against the sources that make up the
//! consensus. When the top values are incompatible and equally supported
//! there is no consensus: that is a split, reported once, with every side
//! labelled, rather than an arbitrary pick of who is "wrong".

use super::{sources, View};
use crate::evidence;
use crate::finding::{Finding, FindingKind};
use std::collections::{BTreeMap, BTreeSet};

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

    if split {
        report_split(view, &by_source, &top, findings);
        for &i in &live {
            reported[i] = true;
        }
        return;
    }
    let consensus = top[0];
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
            "consensus: {}, stated by {}",
            view.values[consensus],
            evidence::list(&backers)
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

/// No consensus: one finding labelling each source's first claim.
fn report_split(
    view: &View<'_>,
    by_source: &BTreeMap<usize, Vec<usize>>,
    top: &[usize],
    findings: &mut Vec<Finding>,
) {
    let firsts: Vec<usize> = by_source.values().map(|at| at[0]).collect();
    let (shown, more) = evidence::representative(view.corpus, firsts, |&i| view.claims[i].source);
    let labels = shown
        .iter()
        .map(|&i| view.label(i, true, format!("this source says {}", view.value(i))))
        .collect();
    let sides: Vec<String> = top
        .iter()
        .map(|&v| {
            let n = by_source
                .values()
                .filter(|at| at.iter().any(|&i| view.compatible[view.value_of[i]][v]))
                .count();
            format!("{} ({})", view.values[v], sources(n))
        })
        .collect();
    let message = format!("sources are split on {}", view.fact.description);
    let mut notes = vec![format!(
        "no value is stated by more sources than the others: {}",
        sides.join(" vs ")
    )];
    notes.extend(evidence::note(more, "state one of these values"));
    notes.extend(view.reference_note());
    findings.push(view.finding(FindingKind::Conflict, message, labels, notes));
}
