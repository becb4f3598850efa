//! Reviewed discrepancies: findings an editor has acknowledged, in a
//! manifest `accept` entry or a `factlint-disable` comment, are not
//! reported. An acknowledgement that matches no finding is reported itself
//! (FL202): it is out of date, or names the wrong fact, and would otherwise
//! hide a future finding it was never meant for.

use crate::baseline::normalise_words;
use crate::corpus::{Corpus, Source, Suppression};
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
    let (kept, acknowledged) = apply_listing(corpus, findings, defaults);
    (kept, acknowledged.len())
}

/// A finding an editor acknowledged, with the acknowledgement's reason.
#[derive(Clone, Debug)]
pub struct Acknowledged {
    pub finding: Finding,
    pub reason: String,
    /// Written in the article (a Markdown comment) rather than a manifest.
    pub in_source: bool,
}

/// [`apply`], listing the acknowledged findings instead of counting them:
/// machine formats show what was hidden and why.
pub fn apply_listing(
    corpus: &Corpus,
    findings: Vec<Finding>,
    defaults: &Defaults,
) -> (Vec<Finding>, Vec<Acknowledged>) {
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
    // Acknowledgements that would cover a finding but for its value: the
    // value they were given, and the label with the value now written.
    let mut changed: HashMap<usize, Label> = HashMap::new();
    let mut kept = Vec::new();
    let mut acknowledged = Vec::new();
    for finding in findings {
        let fact = finding.fact.as_str();
        let mut covering = Vec::new();
        for l in finding.labels.iter().filter(|l| l.primary) {
            let Some(&s) = by_file.get(&l.file) else {
                continue;
            };
            let source = &corpus.sources[s];
            for (i, (src, d)) in all.iter().enumerate() {
                if *src != s
                    || !(d.fact == fact || d.fact == "all")
                    || !d.covers.contains(&l.span.start)
                {
                    continue;
                }
                if accepts(d, l, source) {
                    covering.push(i);
                } else {
                    changed.entry(i).or_insert_with(|| l.clone());
                }
            }
        }
        match covering.first() {
            None => kept.push(finding),
            Some(&first) => {
                let (s, d) = all[first];
                acknowledged.push(Acknowledged {
                    finding,
                    reason: d.reason.clone(),
                    in_source: d.file == corpus.sources[s].file,
                });
                used.extend(covering);
            }
        }
    }
    for (i, (s, d)) in all.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        let source = &corpus.sources[*s];
        kept.push(unused(d, &source.path, changed.get(&i), source, defaults));
    }
    (kept, acknowledged)
}

/// Whether `d` accepts the value at `label`: any value when it names none,
/// else the one it names, by the words written or the value read
/// (case, quotes and spacing aside).
fn accepts(d: &Suppression, label: &Label, source: &Source) -> bool {
    let Some(value) = &d.value else { return true };
    let value = normalise_words(value);
    normalise_words(source.words(label.span.clone())) == value
        || label
            .value
            .as_deref()
            .is_some_and(|v| normalise_words(v) == value)
}

/// FL202 for an acknowledgement that covered nothing; when it names a value
/// and the article now says another, it says so and shows where.
fn unused(
    d: &Suppression,
    path: &str,
    now: Option<&Label>,
    source: &Source,
    defaults: &Defaults,
) -> Finding {
    let mut labels = vec![Label {
        file: d.file,
        span: d.span.clone(),
        value: None,
        primary: true,
        message: "acknowledges nothing".into(),
    }];
    let mut notes = vec![format!("its reason: {}", d.reason)];
    let message = match (&d.value, now) {
        (Some(accepted), Some(now)) => {
            let words = source.words(now.span.clone());
            labels[0].message = format!("accepts {accepted:?}");
            labels.push(Label {
                message: format!("now says {words:?}"),
                primary: false,
                ..now.clone()
            });
            notes.push(
                "the finding it acknowledged is reported again: review the new value, then update or remove the acknowledgement".into(),
            );
            format!(
                "the acknowledgement of `{}` for {path} no longer matches: it accepts {accepted:?}, but the article now says {words:?}",
                d.fact
            )
        }
        _ => format!(
            "the acknowledgement of `{}` for {path} matches no finding",
            d.fact
        ),
    };
    Finding {
        kind: FindingKind::UnusedAcceptance,
        severity: defaults.severity(FindingKind::UnusedAcceptance),
        fact: d.fact.clone(),
        message,
        labels,
        notes,
    }
}
