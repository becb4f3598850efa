//! Extraction: every fact's patterns over every article, giving claims.
//!
//! Each article is scanned once by the rule set's literal
//! [`Prefilter`](crate::prefilter::Prefilter) to learn which patterns can
//! match at all; only those are then run for their captures. Articles are independent, so they are processed in parallel;
//! the result is sorted afterwards, so the output never depends on the
//! thread count. `factlint test` runs rule examples through [`find`], the
//! same code, so an example that passes means the corpus is read the same
//! way.

use crate::corpus::Corpus;
use crate::matcher::evidence::Evidence;
use crate::matcher::{TermId, Unplaced};
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
    /// Why the claim was taken. Its spans, unlike `span`, are offsets of
    /// the analysed text (`Source::plain`), which is what describes them.
    pub evidence: Evidence,
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
    pub evidence: Evidence,
}

/// Everything extraction gives: the claims, and what it saw but could not
/// place.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Sorted by fact, source and position.
    pub claims: Vec<Claim>,
    /// Values of a rival group that belong to none of its facts, with
    /// their source, sorted by source and position.
    pub unplaced: Vec<(usize, Unplaced)>,
    /// Entity, cue, anchor and veto terms found anywhere, for rule hygiene.
    pub seen: std::collections::BTreeSet<TermId>,
}

/// All claims of all facts in all sources, sorted by fact, source and
/// position.
pub fn extract(rules: &RuleSet, corpus: &Corpus) -> Vec<Claim> {
    extract_all(rules, corpus).claims
}

/// Claims, unplaced values and the terms seen, in every source.
pub fn extract_all(rules: &RuleSet, corpus: &Corpus) -> Extraction {
    let per_source: Vec<Extraction> = corpus
        .sources
        .par_iter()
        .enumerate()
        .map(|(index, source)| {
            // Rules read the analysed text; spans are mapped back to the
            // original bytes here, the one place claims are made.
            let text: &str = &source.plain;
            let ctx = Context {
                published: source.meta.published.as_ref(),
                date_order: source.meta.date_order,
                number_format: source.meta.number_format.unwrap_or_default(),
            };
            let scan = rules
                .matcher
                .scan(&rules.facts, &rules.entities, text, ctx, false);
            let mut by_fact: std::collections::BTreeMap<usize, Vec<Found>> = Default::default();
            for (fact, found) in scan.found {
                by_fact.entry(fact).or_default().push(found);
            }
            let candidates = rules.candidates(text);
            let mut at = 0;
            while at < candidates.len() {
                let fact = candidates[at].0;
                let n = candidates[at..]
                    .iter()
                    .take_while(|(f, _)| *f == fact)
                    .count();
                let patterns = candidates[at..at + n].iter().map(|(_, p)| *p);
                by_fact.entry(fact).or_default().extend(find(
                    &rules.facts[fact],
                    patterns,
                    text,
                    ctx,
                ));
                at += n;
            }
            let claims = by_fact
                .into_iter()
                .flat_map(|(fact, found)| {
                    merge(found).into_iter().map(move |found| Claim {
                        fact,
                        source: index,
                        span: source.map.to_original(found.span),
                        reading: found.reading,
                        patterns: found.patterns,
                        evidence: found.evidence,
                    })
                })
                .collect();
            let unplaced = scan
                .unplaced
                .into_iter()
                .map(|mut u| {
                    u.span = source.map.to_original(u.span);
                    (index, u)
                })
                .collect();
            Extraction {
                claims,
                unplaced,
                seen: scan.seen,
            }
        })
        .collect();
    let mut out = Extraction::default();
    for one in per_source {
        out.claims.extend(one.claims);
        out.unplaced.extend(one.unplaced);
        out.seen.extend(one.seen);
    }
    out.claims.sort_by(|a, b| {
        (a.fact, a.source, a.span.start, a.span.end).cmp(&(
            b.fact,
            b.source,
            b.span.start,
            b.span.end,
        ))
    });
    // A value a fact of its group took is not also unplaced.
    let taken: std::collections::HashSet<(usize, usize, usize, usize)> = out
        .claims
        .iter()
        .map(|c| (c.fact, c.source, c.span.start, c.span.end))
        .collect();
    out.unplaced.retain(|(source, u)| {
        !u.facts
            .iter()
            .any(|&f| taken.contains(&(f, *source, u.span.start, u.span.end)))
    });
    out.unplaced
        .sort_by_key(|(source, u)| (*source, u.span.start, u.span.end));
    out
}

/// What one fact finds in one text (an example sentence, an article for
/// `explain`), through both its patterns and the matcher, with the near
/// misses when `trace` is set. The whole rule set runs, so rival facts
/// compete exactly as they do over the corpus.
pub fn find_one(
    rules: &RuleSet,
    fact: usize,
    text: &str,
    ctx: Context<'_>,
    trace: bool,
) -> (
    Vec<Found>,
    Vec<crate::matcher::evidence::Miss>,
    Vec<Unplaced>,
) {
    let scan = rules
        .matcher
        .scan(&rules.facts, &rules.entities, text, ctx, trace);
    let f = &rules.facts[fact];
    let mut found: Vec<Found> = scan
        .found
        .into_iter()
        .filter(|(g, _)| *g == fact)
        .map(|(_, found)| found)
        .collect();
    found.extend(find(f, 0..f.patterns.len(), text, ctx));
    let misses = scan.misses.into_iter().filter(|m| m.fact == fact).collect();
    let unplaced = scan
        .unplaced
        .into_iter()
        .filter(|u| u.facts.contains(&fact))
        .collect();
    (merge(found), misses, unplaced)
}

/// The claims `fact` makes in `text` with the given patterns, read in
/// context `ctx`, in text order.
pub fn find(
    fact: &Fact,
    patterns: impl IntoIterator<Item = usize>,
    text: &str,
    ctx: Context<'_>,
) -> Vec<Found> {
    let mut found = Vec::new();
    for p in patterns {
        let Some(regex) = fact.patterns[p].regex.for_text(text) else {
            continue;
        };
        for caps in regex.captures_iter(text) {
            if let Some(m) = caps.name("value") {
                if !m.as_str().trim().is_empty() {
                    found.push(Found {
                        span: m.range(),
                        reading: Err(String::new()),
                        patterns: vec![p],
                        evidence: Evidence::pattern(),
                    });
                }
            }
        }
    }
    let mut kept = merge(found);
    for f in &mut kept {
        if f.evidence == Evidence::pattern() {
            f.reading = value::read(fact.kind, &text[f.span.clone()], ctx, &fact.categories);
        }
    }
    kept
}

/// One claim per value: two patterns (or a pattern and the matcher) often
/// find the same words, or one finds a part of what the other finds
/// ("$284 million" inside "€265 million ($284 million)"): keep the
/// longest, once, in text order. Sorted by start, longest first, a span
/// lies inside an earlier one exactly when it ends no later than the
/// furthest end so far.
pub fn merge(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), &a.patterns).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            &b.patterns,
        ))
    });
    let mut kept: Vec<Found> = Vec::new();
    let mut reach = 0;
    for f in found {
        match kept.last_mut() {
            Some(last) if last.span == f.span => {
                for p in f.patterns {
                    if !last.patterns.contains(&p) {
                        last.patterns.push(p);
                    }
                }
                // The matcher's evidence says more than a pattern's.
                if last.evidence == Evidence::pattern() && f.evidence != Evidence::pattern() {
                    last.evidence = f.evidence;
                    last.reading = f.reading;
                }
            }
            Some(_) if f.span.end <= reach => {}
            _ => {
                reach = reach.max(f.span.end);
                kept.push(f);
            }
        }
    }
    kept
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
            evidence: Evidence::pattern(),
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
