//! Extraction: every fact's patterns over every article, giving claims.
//!
//! Each article is scanned once by the rule set's combined `RegexSet` to
//! learn which patterns match at all; only those are then run for their
//! captures. Articles are independent, so they are processed in parallel;
//! the result is sorted afterwards, so the output never depends on the
//! thread count. `factlint test` runs rule examples through [`find`], the
//! same code, so an example that passes means the corpus is read the same
//! way.

use crate::corpus::Corpus;
use crate::rules::{Fact, RuleSet};
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
    /// The patterns (indices into the fact's) that captured exactly these
    /// bytes; for the redundant-pattern check.
    pub patterns: Vec<usize>,
}

/// The claims of fact `fact` in `claims`, which [`extract`] sorted by
/// fact: a binary search, not a scan.
pub fn of_fact(claims: &[Claim], fact: usize) -> &[Claim] {
    let start = claims.partition_point(|c| c.fact < fact);
    let end = claims.partition_point(|c| c.fact <= fact);
    &claims[start..end]
}

/// One fact's claim in one text, before it is tied to a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub reading: Result<Reading, String>,
    pub patterns: Vec<usize>,
}

/// All claims of all facts in all sources, sorted by fact, source and
/// position.
pub fn extract(rules: &RuleSet, corpus: &Corpus) -> Vec<Claim> {
    let mut claims: Vec<Claim> = corpus
        .sources
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, source)| {
            // Rules read the analysed text; spans are mapped back to the
            // original bytes here, the one place claims are made.
            let text: &str = &source.plain;
            let ctx = Context {
                published: source.meta.published.as_ref(),
            };
            let candidates = rules.candidates(text);
            let mut out = Vec::new();
            let mut at = 0;
            while at < candidates.len() {
                let fact = candidates[at].0;
                let n = candidates[at..]
                    .iter()
                    .take_while(|(f, _)| *f == fact)
                    .count();
                let patterns = candidates[at..at + n].iter().map(|(_, p)| *p);
                for found in find(&rules.facts[fact], patterns, text, ctx) {
                    out.push(Claim {
                        fact,
                        source: index,
                        span: source.map.to_original(found.span),
                        reading: found.reading,
                        patterns: found.patterns,
                    });
                }
                at += n;
            }
            out
        })
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

/// The claims `fact` makes in `text` with the given patterns, read in
/// context `ctx`, in text order.
pub fn find(
    fact: &Fact,
    patterns: impl IntoIterator<Item = usize>,
    text: &str,
    ctx: Context<'_>,
) -> Vec<Found> {
    let mut spans: Vec<(Range<usize>, usize)> = Vec::new();
    for p in patterns {
        for caps in fact.patterns[p].regex.captures_iter(text) {
            if let Some(m) = caps.name("value") {
                if !m.as_str().trim().is_empty() {
                    spans.push((m.range(), p));
                }
            }
        }
    }
    // Two patterns often find the same words, or one finds a part of what
    // the other finds ("$284 million" inside "€265 million ($284 million)"):
    // keep the longest, once. Sorted by start, longest first, a span lies
    // inside an earlier one exactly when it ends no later than the furthest
    // end so far.
    spans.sort_by_key(|(s, p)| (s.start, std::cmp::Reverse(s.end), *p));
    let mut kept: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    let mut reach = 0;
    for (span, p) in spans {
        match kept.last_mut() {
            Some((last, ps)) if *last == span => {
                if !ps.contains(&p) {
                    ps.push(p);
                }
            }
            Some(_) if span.end <= reach => {}
            _ => {
                reach = reach.max(span.end);
                kept.push((span, vec![p]));
            }
        }
    }
    kept.into_iter()
        .map(|(span, patterns)| {
            let reading = value::read(fact.kind, &text[span.clone()], ctx, &fact.categories);
            Found {
                span,
                reading,
                patterns,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(fact: usize, source: usize) -> Claim {
        Claim {
            fact,
            source,
            span: 0..1,
            reading: Err(String::new()),
            patterns: vec![],
        }
    }

    #[test]
    fn of_fact_finds_the_run_of_a_fact() {
        let claims = vec![
            claim(0, 0),
            claim(0, 1),
            claim(2, 0),
            claim(2, 3),
            claim(2, 4),
            claim(5, 1),
        ];
        assert_eq!(of_fact(&claims, 0).len(), 2);
        assert_eq!(of_fact(&claims, 1).len(), 0, "a fact with no claims");
        assert_eq!(
            of_fact(&claims, 2)
                .iter()
                .map(|c| c.source)
                .collect::<Vec<_>>(),
            vec![0, 3, 4]
        );
        assert_eq!(of_fact(&claims, 5).len(), 1);
        assert_eq!(of_fact(&claims, 9).len(), 0, "past the last fact");
    }
}
