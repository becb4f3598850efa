//! Comparison: a fact's claims across all sources, turned into findings.
//!
//! Per fact, claims are first grouped by identical value, then distinct
//! values are compared pairwise for compatibility: the work is quadratic in
//! the (few) distinct values a fact takes, and linear in claims and sources.
//!
//! Each check lives in its own module and runs in a fixed order; a claim
//! reported by one check is not reported again by a later one, so an editor
//! sees one finding per mistake:
//!
//! 1. [`unreadable`]: words a pattern caught that are not a value;
//! 2. [`reference`]: values the rule's fact sheet contradicts;
//! 3. [`self_conflict`]: one source at odds with itself;
//! 4. [`conflict`]: a source at odds with the others;
//! 5. [`unsupported`]: values too few sources state.

mod conflict;
mod reference;
mod self_conflict;
mod unreadable;
mod unsupported;

use crate::copies::Copies;
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::finding::{Finding, FindingKind, Label};
use crate::rules::{Fact, RuleSet};
use crate::value::{Reading, Value};
use std::collections::BTreeSet;

/// All findings for all facts, in no particular order (the report sorts).
/// Sources that ran the same wire copy count once (see [`View::backing`]).
pub fn compare(
    rules: &RuleSet,
    corpus: &Corpus,
    claims: &[Claim],
    copies: &Copies,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut start = 0;
    while start < claims.len() {
        let fact = claims[start].fact;
        let end = start
            + claims[start..]
                .iter()
                .take_while(|c| c.fact == fact)
                .count();
        let view = View::new(&rules.facts[fact], corpus, copies, &claims[start..end]);
        let mut reported = vec![false; view.claims.len()];
        unreadable::check(&view, &mut findings);
        reference::check(&view, &mut reported, &mut findings);
        if !view.fact.multivalued {
            self_conflict::check(&view, &mut reported, &mut findings);
            conflict::check(&view, &mut reported, &mut findings);
        }
        unsupported::check(&view, &mut reported, &mut findings);
        start = end;
    }
    findings
}

/// One fact's claims, grouped by value, with what every check needs.
struct View<'a> {
    fact: &'a Fact,
    corpus: &'a Corpus,
    copies: &'a Copies,
    /// Claims that could not be read as values.
    unreadable: Vec<(&'a Claim, &'a str)>,
    /// Claims with a value, in source order.
    claims: Vec<&'a Claim>,
    /// The distinct values, in order of first appearance.
    values: Vec<&'a Value>,
    /// For each claim, the index of its value in `values`.
    value_of: Vec<usize>,
    /// `compatible[i][j]`: can values `i` and `j` both be true?
    compatible: Vec<Vec<bool>>,
    /// For each value, the sources with a claim compatible with it.
    support: Vec<BTreeSet<usize>>,
}

impl<'a> View<'a> {
    fn new(fact: &'a Fact, corpus: &'a Corpus, copies: &'a Copies, all: &'a [Claim]) -> View<'a> {
        let mut unreadable = Vec::new();
        let mut claims = Vec::new();
        let mut values: Vec<&Value> = Vec::new();
        let mut keys: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut value_of = Vec::new();
        for claim in all {
            match &claim.reading {
                Err(why) => unreadable.push((claim, why.as_str())),
                Ok(Reading::Unresolved(_)) => {}
                Ok(Reading::Value(v)) => {
                    let at = *keys.entry(v.key()).or_insert_with(|| {
                        values.push(v);
                        values.len() - 1
                    });
                    claims.push(claim);
                    value_of.push(at);
                }
            }
        }
        let compatible: Vec<Vec<bool>> = values
            .iter()
            .map(|a| {
                values
                    .iter()
                    .map(|b| a.compatible(b, &fact.tolerance))
                    .collect()
            })
            .collect();
        let mut support = vec![BTreeSet::new(); values.len()];
        for (claim, &v) in claims.iter().zip(&value_of) {
            for (w, s) in support.iter_mut().enumerate() {
                if compatible[v][w] {
                    s.insert(claim.source);
                }
            }
        }
        View {
            fact,
            corpus,
            copies,
            unreadable,
            claims,
            values,
            value_of,
            compatible,
            support,
        }
    }

    /// How many independent sources back value `v`: its supporting
    /// sources, each group of wire copies counted once. Every count of
    /// sources in a comparison goes through [`Copies::count`] like this.
    fn backing(&self, v: usize) -> usize {
        self.copies.count(self.support[v].iter().copied())
    }

    /// The value of claim `i`.
    fn value(&self, i: usize) -> &'a Value {
        self.values[self.value_of[i]]
    }

    /// Whether value `v` agrees with one of the fact sheet's expected values.
    fn agrees_with_reference(&self, v: usize) -> bool {
        self.fact
            .expected
            .iter()
            .any(|r| self.values[v].compatible(&r.value, &self.fact.tolerance))
    }

    /// A label on claim `i`.
    fn label(&self, i: usize, primary: bool, message: impl Into<String>) -> Label {
        let claim = self.claims[i];
        Label {
            file: self.corpus.sources[claim.source].file,
            span: claim.span.clone(),
            value: Some(self.value(i).to_string()),
            primary,
            message: message.into(),
        }
    }

    /// The words of claim `i` as written, without markup.
    fn text(&self, i: usize) -> &'a str {
        let claim = self.claims[i];
        self.corpus.sources[claim.source].words(claim.span.clone())
    }

    fn source_name(&self, source: usize) -> &'a str {
        &self.corpus.sources[source].path
    }

    /// A finding of `kind` on this fact at the rule's severity.
    fn finding(
        &self,
        kind: FindingKind,
        message: String,
        labels: Vec<Label>,
        notes: Vec<String>,
    ) -> Finding {
        let mut notes = notes;
        if let Some(note) = &self.fact.note {
            notes.push(format!("rule note: {note}"));
        }
        Finding {
            kind,
            severity: self.fact.severity(kind),
            fact: self.fact.id.clone(),
            message,
            labels,
            notes,
        }
    }

    /// "the fact sheet: X, Y (citation)", if the rule has expected values.
    fn reference_note(&self) -> Option<String> {
        if self.fact.expected.is_empty() {
            return None;
        }
        // Titles as the rule writes them ("CEO"); other kinds normalised
        // ("€265 million" as "EUR 265M"), as the labels show them.
        let shown = |r: &crate::rules::Reference| match r.value {
            Value::Title(_) => r.text.clone(),
            _ => r.value.to_string(),
        };
        let values: Vec<String> = self.fact.expected.iter().map(shown).collect();
        Some(match &self.fact.cite {
            Some(cite) => format!("fact sheet: {} ({cite})", values.join(", ")),
            None => format!("fact sheet: {}", values.join(", ")),
        })
    }

    /// The first claim of each source other than `except` whose value is
    /// compatible with value `v`: the evidence labels of a finding.
    fn evidence(&self, v: usize, except: Option<usize>, reported: &[bool]) -> Vec<usize> {
        let mut seen = BTreeSet::new();
        (0..self.claims.len())
            .filter(|&i| {
                let src = self.claims[i].source;
                Some(src) != except
                    && !reported[i]
                    && self.compatible[self.value_of[i]][v]
                    && seen.insert(src)
            })
            .collect()
    }
}

/// What most sources say about one fact.
#[derive(Clone, Debug, PartialEq)]
pub enum Consensus {
    /// No source states a readable value.
    None,
    /// The value stated (compatibly) by the most sources.
    Value(Value),
    /// The top values are incompatible and equally supported.
    Split,
}

/// The consensus of each fact, computed as the conflict check computes it
/// (over all readable claims), for the claims table.
pub fn consensus(
    rules: &RuleSet,
    corpus: &Corpus,
    claims: &[Claim],
    copies: &Copies,
) -> Vec<Consensus> {
    rules
        .facts
        .iter()
        .enumerate()
        .map(|(index, fact)| {
            let view = View::new(fact, corpus, copies, crate::extract::of_fact(claims, index));
            let most = (0..view.values.len())
                .map(|v| view.backing(v))
                .max()
                .unwrap_or(0);
            let top: Vec<usize> = (0..view.values.len())
                .filter(|&v| view.backing(v) == most)
                .collect();
            // Several values of a multivalued fact are all true: show the
            // most stated, never a split.
            let split = !fact.multivalued
                && top
                    .iter()
                    .any(|&a| top.iter().any(|&b| !view.compatible[a][b]));
            // Prefer what the fact sheet does not reject, then what is
            // stated most often.
            let rejected = |v: usize| {
                fact.rejected
                    .iter()
                    .any(|r| view.values[v].compatible(&r.value, &fact.tolerance))
            };
            let claims = |v: usize| view.value_of.iter().filter(|&&w| w == v).count();
            let best = top
                .iter()
                .copied()
                .min_by_key(|&v| (rejected(v), std::cmp::Reverse(claims(v)), v));
            // As the conflict check decides: a disagreement without a
            // clear majority is a split.
            // Counted as the majority is: each group of wire copies once.
            let stating = copies.count(view.claims.iter().map(|c| c.source));
            let disputed = best.is_some_and(|b| {
                (0..view.values.len()).any(|v| !view.compatible[b][v] && !fact.multivalued)
            });
            let unclear = disputed && !conflict::clear_majority(most, stating);
            match best {
                None => Consensus::None,
                Some(_) if split || unclear => Consensus::Split,
                Some(v) => Consensus::Value(view.values[v].clone()),
            }
        })
        .collect()
}
