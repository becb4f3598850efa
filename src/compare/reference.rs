//! FL002: a value the rule's fact sheet contradicts: equal to a value the
//! rule rejects (with the reason), or compatible with none of the values it
//! expects. One finding per source and value, with labels on every place the
//! source states it and, as evidence, on the sources that agree with the
//! fact sheet.

use super::View;
use crate::finding::{Finding, FindingKind};
use crate::rules::Rejected;
use std::collections::BTreeMap;

pub(super) fn check(view: &View<'_>, reported: &mut [bool], findings: &mut Vec<Finding>) {
    if view.fact.expected.is_empty() && view.fact.rejected.is_empty() {
        return;
    }
    // (source, value) -> the claims stating it, in order.
    let mut stated: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for i in 0..view.claims.len() {
        stated
            .entry((view.claims[i].source, view.value_of[i]))
            .or_default()
            .push(i);
    }
    for ((source, v), at) in stated {
        let value = view.values[v];
        let rejected: Option<&Rejected> = view
            .fact
            .rejected
            .iter()
            .find(|r| value.compatible(&r.value, &view.fact.tolerance));
        let against_expected =
            rejected.is_none() && !view.fact.expected.is_empty() && !view.agrees_with_reference(v);
        if rejected.is_none() && !against_expected {
            continue;
        }
        let first = at[0];
        let message = format!(
            "{:?} contradicts the fact sheet on {}",
            view.text(first),
            view.fact.description
        );
        let why = match rejected {
            Some(_) => "the fact sheet rejects this".to_string(),
            None => format!("not in the fact sheet: {value}"),
        };
        let mut labels: Vec<_> = at
            .iter()
            .map(|&i| view.label(i, true, why.clone()))
            .collect();
        let mut notes = Vec::new();
        if let Some(r) = rejected {
            notes.push(format!("rejected: {}", r.reason));
            if let Some(cite) = &view.fact.cite {
                notes.push(format!("source: {cite}"));
            }
        }
        notes.extend(view.reference_note());
        // Evidence: claims (not already wrong themselves) that agree with
        // the fact sheet, one per source, this source included.
        if !view.fact.expected.is_empty() {
            let mut seen = std::collections::BTreeSet::new();
            for i in 0..view.claims.len() {
                let w = view.value_of[i];
                if !at.contains(&i)
                    && view.agrees_with_reference(w)
                    && seen.insert(view.claims[i].source)
                {
                    let whose = if view.claims[i].source == source {
                        "the same source"
                    } else {
                        "this source"
                    };
                    labels.push(view.label(
                        i,
                        false,
                        format!("{whose} says {}, as the fact sheet does", view.values[w]),
                    ));
                }
            }
        }
        for &i in &at {
            reported[i] = true;
        }
        findings.push(view.finding(FindingKind::ContradictsReference, message, labels, notes));
    }
}
