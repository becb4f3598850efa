//! Extraction: every fact's patterns over every article, giving claims.
//!
//! Each article is scanned once by the rule set's combined `RegexSet` to
//! learn which patterns match at all; only those are then run for their
//! captures. Articles are independent, so they are processed in parallel;
//! the result is sorted afterwards, so the output never depends on the
//! thread count.

use crate::corpus::{Corpus, Source};
use crate::rules::RuleSet;
use crate::value::{self, Context, Reading};
use rayon::prelude::*;
use std::ops::Range;

/// One statement of a fact's value in one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Index into `RuleSet::facts`.
    pub fact: usize,
    /// Index into `Corpus::sources`.
    pub source: usize,
    /// The bytes of the `value` group in the source.
    pub span: Range<usize>,
    /// What the words mean, or why they could not be read.
    pub reading: Result<Reading, String>,
}

/// All claims of all facts in all sources, sorted by fact, source and
/// position.
pub fn extract(rules: &RuleSet, corpus: &Corpus) -> Vec<Claim> {
    let mut claims: Vec<Claim> = corpus
        .sources
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, source)| extract_source(rules, index, source))
        .collect();
    claims.sort_by(|a, b| {
        (a.fact, a.source, a.span.start, a.span.end).cmp(&(
            b.fact,
            b.source,
            b.span.start,
            b.span.end,
        ))
    });
    claims
}

fn extract_source(rules: &RuleSet, index: usize, source: &Source) -> Vec<Claim> {
    let text: &str = &source.text;
    let ctx = Context {
        published: source.meta.published.as_ref(),
    };
    let mut spans: Vec<(usize, Range<usize>)> = Vec::new();
    for (fact, pattern) in rules.candidates(text) {
        let regex = &rules.facts[fact].patterns[pattern].regex;
        for caps in regex.captures_iter(text) {
            if let Some(m) = caps.name("value") {
                if !m.as_str().trim().is_empty() {
                    spans.push((fact, m.range()));
                }
            }
        }
    }
    // Two patterns of a fact often find the same words, or one finds a
    // part of what the other finds ("$284 million" inside "€265 million
    // ($284 million)"): keep the longest, once.
    spans.sort_by(|a, b| {
        (a.0, a.1.start, std::cmp::Reverse(a.1.end)).cmp(&(
            b.0,
            b.1.start,
            std::cmp::Reverse(b.1.end),
        ))
    });
    // Sorted by start, longest first, a span lies inside an earlier one of
    // its fact exactly when it ends no later than the furthest end so far.
    let mut kept: Vec<(usize, Range<usize>)> = Vec::new();
    let mut reach: Option<(usize, usize)> = None;
    for (fact, span) in spans {
        match reach {
            Some((f, end)) if f == fact && span.end <= end => continue,
            Some((f, end)) if f == fact => reach = Some((f, end.max(span.end))),
            _ => reach = Some((fact, span.end)),
        }
        kept.push((fact, span));
    }
    kept.into_iter()
        .map(|(fact, span)| {
            let f = &rules.facts[fact];
            let reading = value::read(f.kind, &text[span.clone()], ctx, &f.categories);
            Claim {
                fact,
                source: index,
                span,
                reading,
            }
        })
        .collect()
}
