//! FL002: a value the rule's fact sheet contradicts: equal to a value the
//! rule rejects (with the reason), or compatible with none of the values it
//! expects. One finding per source and value, with labels on every place the
//! source states it and, as evidence, on the sources that agree with the
//! fact sheet.

use super::View;
use crate::evidence;
use crate::finding::{Finding, FindingKind};
use crate::rules::Rejected;
use std::collections::{BTreeMap, HashMap};

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
    let agreeing = Agreeing::new(view);
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
        // Evidence: claims that agree with the fact sheet, one per source,
        // this source included (claims stating `v` do not agree with it).
        let (evidence, more) = agreeing.for_source(view, source);
        for i in evidence {
            let whose = if view.claims[i].source == source {
                "the same source"
            } else {
                "this source"
            };
            labels.push(view.label(
                i,
                false,
                format!("{whose} says {}, as the fact sheet does", view.value(i)),
            ));
        }
        notes.extend(evidence::note(more, "agree with the fact sheet"));
        for &i in &at {
            reported[i] = true;
        }
        findings.push(view.finding(FindingKind::ContradictsReference, message, labels, notes));
    }
}

/// The first claim of each source that agrees with the fact sheet, found
/// once per fact rather than once per finding.
struct Agreeing {
    /// Claim indices, in source order.
    all: Vec<usize>,
    /// The representative few, when `all` is over the bound.
    shown: Vec<usize>,
    /// Source -> its claim in `all`.
    of_source: HashMap<usize, usize>,
}

impl Agreeing {
    fn new(view: &View<'_>) -> Agreeing {
        let mut of_source = HashMap::new();
        let mut all = Vec::new();
        if !view.fact.expected.is_empty() {
            for i in 0..view.claims.len() {
                if view.agrees_with_reference(view.value_of[i])
                    && !of_source.contains_key(&view.claims[i].source)
                {
                    of_source.insert(view.claims[i].source, i);
                    all.push(i);
                }
            }
        }
        let (shown, _) =
            evidence::representative(view.corpus, all.clone(), |&i| view.claims[i].source);
        Agreeing {
            all,
            shown,
            of_source,
        }
    }

    /// The evidence for a finding on `source`, and how many agreeing
    /// sources it leaves unlabelled. Over the bound, the source's own
    /// agreeing claim (it contradicts itself) is always among those shown.
    fn for_source(&self, view: &View<'_>, source: usize) -> (Vec<usize>, usize) {
        if self.all.len() <= evidence::MAX_SHOWN {
            return (self.all.clone(), 0);
        }
        let mut shown = self.shown.clone();
        if let Some(&own) = self.of_source.get(&source) {
            if !shown.contains(&own) {
                shown.pop();
                shown.push(own);
                shown.sort_by_key(|&i| (view.claims[i].source, i));
            }
        }
        let more = self.all.len() - shown.len();
        (shown, more)
    }
}
