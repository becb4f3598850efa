//! Quotation drift: when outlets quote the same words of the same document,
//! the words inside the quotation marks should be the same. Needs no rules.
//!
//! 1. [`extract`] finds every quotation in every source, as segments of
//!    folded words.
//! 2. Candidates: every segment's word 3-grams go into an index; segments
//!    sharing a 3-gram are candidates. Each is aligned only with one
//!    representative per 3-gram (the longest segment holding it), never with
//!    every other segment, so the work grows with the number of quotations,
//!    not its square. Aligned pairs are joined into clusters: quotations of
//!    one passage.
//! 3. In each cluster the longest quotation is the *frame*; every other
//!    source's quotation is [`align`]ed to it. Where they differ, each
//!    source covering that region votes with its wording; the majority
//!    wording is the reference and the others are drift. With no majority
//!    (two sources, or a tie) the finding names every side.

mod align;
pub mod extract;

use crate::corpus::Corpus;
use crate::evidence;
use crate::finding::{Finding, FindingKind, Label, Severity};
use align::{align, Alignment};
use extract::{Passage, Token};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// How quotations are compared; `[quotes]` in factlint.toml.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub enabled: bool,
    pub severity: Severity,
    /// Quotations (segments) shorter than this are not compared: two-word
    /// scare quotes ("special relationship") carry too little to align.
    pub min_words: usize,
    /// The share of the shorter quotation's words two quotations must have
    /// in common to be quotations of the same passage.
    pub min_similarity: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            severity: Severity::Warning,
            min_words: 4,
            min_similarity: 0.6,
        }
    }
}

/// The n of the word n-grams that find candidate pairs.
const NGRAM: usize = 3;

/// One quotation segment of one source.
struct Seg<'a> {
    source: usize,
    tokens: &'a [Token],
}

/// Quotation-drift findings for the corpus.
pub fn check(corpus: &Corpus, settings: &Settings) -> Vec<Finding> {
    if !settings.enabled {
        return Vec::new();
    }
    let passages: Vec<Vec<Passage>> = corpus.sources.par_iter().map(source_passages).collect();
    let segs: Vec<Seg<'_>> = passages
        .iter()
        .enumerate()
        .flat_map(|(source, ps)| {
            ps.iter().flat_map(move |p| {
                p.segments.iter().map(move |s| Seg {
                    source,
                    tokens: &s.tokens,
                })
            })
        })
        .filter(|s| s.tokens.len() >= settings.min_words.max(NGRAM))
        .collect();
    let clusters = clusters(&segs, settings);
    let mut findings = Vec::new();
    for cluster in clusters {
        findings.extend(drift(corpus, &segs, &cluster, settings));
    }
    findings
}

/// A source's quotations, found in its analysed text (marked ones and
/// block quotations, once each) with every span mapped to the original
/// bytes here, the one place they are.
fn source_passages(source: &crate::corpus::Source) -> Vec<Passage> {
    let mut found = extract::passages(&source.plain);
    for q in &source.quotations {
        if !found
            .iter()
            .any(|p| p.span.start < q.end && q.start < p.span.end)
        {
            found.push(extract::block(&source.plain, q.clone()));
        }
    }
    found.sort_by_key(|p| p.span.start);
    if !source.map.is_identity() {
        for p in &mut found {
            p.span = source.map.to_original(p.span.clone());
            for t in p.segments.iter_mut().flat_map(|s| s.tokens.iter_mut()) {
                t.span = source.map.to_original(t.span.clone());
            }
        }
    }
    found
}

fn ngram_key(tokens: &[Token]) -> u64 {
    // FNV-1a: stable and fast; collisions only cost an alignment.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in tokens {
        for b in t.norm.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Groups segments that quote the same passage (see the module doc).
fn clusters(segs: &[Seg<'_>], settings: &Settings) -> Vec<Vec<usize>> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in segs.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for w in s.tokens.windows(NGRAM) {
            let key = ngram_key(w);
            if seen.insert(key) {
                index.entry(key).or_default().push(i);
            }
        }
    }
    // Each segment is compared with the representative of each of its
    // n-grams: the longest segment holding it (ties: the first).
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for holders in index.values() {
        let Some(&rep) = holders
            .iter()
            .max_by_key(|&&i| (segs[i].tokens.len(), std::cmp::Reverse(i)))
        else {
            continue;
        };
        for &i in holders {
            if i != rep {
                pairs.insert((rep.min(i), rep.max(i)));
            }
        }
    }
    let pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    let aligned: Vec<bool> = pairs
        .par_iter()
        .map(|&(a, b)| {
            let (long, short) = if segs[a].tokens.len() >= segs[b].tokens.len() {
                (a, b)
            } else {
                (b, a)
            };
            align(
                segs[long].tokens,
                segs[short].tokens,
                NGRAM,
                settings.min_similarity,
            )
            .is_some()
        })
        .collect();
    let mut parent: Vec<usize> = (0..segs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (&(a, b), ok) in pairs.iter().zip(aligned) {
        if ok {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..segs.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|g| {
            g.iter()
                .map(|&i| segs[i].source)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .collect()
}

/// One source's quotation in a cluster, aligned to the frame.
struct Member<'a> {
    source: usize,
    tokens: &'a [Token],
    /// `None` for the frame itself.
    alignment: Option<Alignment>,
}

impl Member<'_> {
    /// This member's words over frame region `r`, if it quotes that region.
    fn words(&self, r: &Range<usize>) -> Option<Range<usize>> {
        match &self.alignment {
            None => Some(r.clone()),
            Some(al) if al.covers.start <= r.start && r.end <= al.covers.end => {
                Some(al.at(r.start, true)?..al.at(r.end, false)?)
            }
            Some(_) => None,
        }
    }

    fn key(&self, words: &Range<usize>) -> String {
        self.tokens[words.clone()]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One region where an outlier quotes the majority differently: (primary
/// label, evidence labels, note, region number).
type Drift = (Label, Vec<Label>, String, usize);

/// The findings of one cluster.
fn drift(
    corpus: &Corpus,
    segs: &[Seg<'_>],
    cluster: &[usize],
    settings: &Settings,
) -> Vec<Finding> {
    let frame = *cluster
        .iter()
        .max_by_key(|&&i| (segs[i].tokens.len(), std::cmp::Reverse(i)))
        .expect("clusters are not empty");
    let mut members = vec![Member {
        source: segs[frame].source,
        tokens: segs[frame].tokens,
        alignment: None,
    }];
    // One quotation per other source: the one sharing most words.
    let mut best: BTreeMap<usize, (usize, Alignment)> = BTreeMap::new();
    for &i in cluster {
        if segs[i].source == segs[frame].source {
            continue;
        }
        if let Some(al) = align(
            segs[frame].tokens,
            segs[i].tokens,
            NGRAM,
            settings.min_similarity,
        ) {
            if best
                .get(&segs[i].source)
                .is_none_or(|(_, b)| al.shared > b.shared)
            {
                best.insert(segs[i].source, (i, al));
            }
        }
    }
    for (source, (i, al)) in best {
        members.push(Member {
            source,
            tokens: segs[i].tokens,
            alignment: Some(al),
        });
    }
    if members.len() < 2 {
        return Vec::new();
    }

    // Regions where some member differs from the frame, merged.
    let mut spans: Vec<Range<usize>> = members
        .iter()
        .filter_map(|m| m.alignment.as_ref())
        .flat_map(|a| a.hunks.iter().map(|h| h.frame.clone()))
        .collect();
    spans.sort_by_key(|r| (r.start, r.end));
    let mut regions: Vec<Range<usize>> = Vec::new();
    for r in spans {
        match regions.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => regions.push(r),
        }
    }

    let text = |m: &Member<'_>, words: &Range<usize>| -> (Range<usize>, String) {
        let source = &corpus.sources[m.source];
        if words.is_empty() {
            // Nothing there: point at the word before the gap (or after).
            let at = words
                .start
                .checked_sub(1)
                .unwrap_or(words.start)
                .min(m.tokens.len().saturating_sub(1));
            return (m.tokens[at].span.clone(), String::new());
        }
        let span = m.tokens[words.start].span.start..m.tokens[words.end - 1].span.end;
        let shown = source
            .words(span.clone())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (span, shown)
    };
    let quoted = |s: &str| {
        if s.is_empty() {
            "nothing".to_string()
        } else {
            format!("“{s}”")
        }
    };
    // A label on a member's words over a region, saying how it quotes them.
    let word_label = |m: &Member<'_>, words: &Range<usize>, primary: bool| -> Label {
        let (span, shown) = text(m, words);
        Label {
            file: corpus.sources[m.source].file,
            span,
            value: None,
            primary,
            message: if shown.is_empty() {
                "quoted without these words".into()
            } else {
                format!("quoted as {}", quoted(&shown))
            },
        }
    };

    let fact = format!(
        "quote:{}",
        members[0]
            .tokens
            .iter()
            .take(5)
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join("-")
    );
    // Per outlier, each region where it differs.
    let mut outliers: BTreeMap<usize, Vec<Drift>> = BTreeMap::new();
    // Per region with a majority: its backers, as a bit set over members,
    // so an outlier's count of other sources is a union, not a pair loop.
    let mut backed_by: Vec<Vec<u64>> = Vec::new();
    let mut ties: Vec<(Vec<Label>, String)> = Vec::new();
    for region in &regions {
        let votes: Vec<(usize, Range<usize>, String)> = members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.words(region).map(|w| (i, w.clone(), m.key(&w))))
            .collect();
        let mut tally: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, _, key) in &votes {
            tally.entry(key.as_str()).or_default().push(*i);
        }
        if tally.len() < 2 {
            continue;
        }
        let most = tally.values().map(Vec::len).max().unwrap_or(0);
        let winners: Vec<&str> = tally
            .iter()
            .filter(|(_, v)| v.len() == most)
            .map(|(k, _)| *k)
            .collect();
        if let [majority] = winners[..] {
            let backers: Vec<&(usize, Range<usize>, String)> =
                votes.iter().filter(|(_, _, k)| k == majority).collect();
            let (_, majority_words) = text(&members[backers[0].0], &backers[0].1);
            let mut bits = vec![0u64; members.len().div_ceil(64)];
            for (b, _, _) in &backers {
                bits[b / 64] |= 1 << (b % 64);
            }
            let region_no = backed_by.len();
            backed_by.push(bits);
            // The same evidence for every outlier of the region: built once.
            let (shown, more) =
                evidence::representative(corpus, backers.clone(), |b| members[b.0].source);
            let evidence: Vec<Label> = shown
                .iter()
                .map(|(b, bw, _)| word_label(&members[*b], bw, false))
                .collect();
            let unlabelled =
                evidence::note(more, &format!("quote it as {}", quoted(&majority_words)));
            for (i, w, key) in &votes {
                if key == majority {
                    continue;
                }
                let m = &members[*i];
                let (span, shown) = text(m, w);
                let primary = Label {
                    file: corpus.sources[m.source].file,
                    span,
                    value: None,
                    primary: true,
                    message: if shown.is_empty() {
                        format!("omits {}", quoted(&majority_words))
                    } else {
                        format!("quoted as {}", quoted(&shown))
                    },
                };
                let mut note = format!(
                    "{} ≠ {} ({} of {} sources)",
                    quoted(&shown),
                    quoted(&majority_words),
                    backers.len(),
                    votes.len()
                );
                if let Some(more) = &unlabelled {
                    note.push_str("; ");
                    note.push_str(more);
                }
                outliers
                    .entry(*i)
                    .or_default()
                    .push((primary, evidence.clone(), note, region_no));
            }
        } else {
            let (shown, more) =
                evidence::representative(corpus, sides_first(&votes), |v| members[v.0].source);
            let labels: Vec<Label> = shown
                .iter()
                .map(|(i, w, _)| word_label(&members[*i], w, true))
                .collect();
            let mut sides: String = shown
                .iter()
                .map(|(i, w, _)| {
                    format!(
                        "{} ({})",
                        quoted(&text(&members[*i], w).1),
                        corpus.sources[members[*i].source].path
                    )
                })
                .collect::<Vec<_>>()
                .join(" vs ");
            if more > 0 {
                sides.push(' ');
                sides.push_str(&evidence::more_sources(more));
            }
            ties.push((labels, sides));
        }
    }

    let passage = members[0]
        .tokens
        .iter()
        .take(12)
        .map(|t| corpus.sources[members[0].source].words(t.span.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let context = format!("the passage begins “{passage}…”");
    let mut findings = Vec::new();
    for (i, found) in outliers {
        let path = &corpus.sources[members[i].source].path;
        let others = others(&backed_by, found.iter().map(|f| f.3));
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        for (primary, evidence, note, _) in found {
            labels.push(primary);
            labels.extend(evidence);
            notes.push(note);
        }
        notes.push(context.clone());
        findings.push(Finding {
            kind: FindingKind::QuoteDrift,
            severity: settings.severity,
            fact: fact.clone(),
            message: format!(
                "{path} words a quotation differently from {} other source{}",
                others,
                if others == 1 { "" } else { "s" }
            ),
            labels,
            notes,
        });
    }
    if !ties.is_empty() {
        let sources: BTreeSet<&str> = members
            .iter()
            .map(|m| corpus.sources[m.source].path.as_str())
            .collect();
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        for (l, note) in ties {
            labels.extend(l);
            notes.push(note);
        }
        notes.push(context);
        findings.push(Finding {
            kind: FindingKind::QuoteDrift,
            severity: settings.severity,
            fact,
            message: format!(
                "sources word a quotation differently, with no majority: {}",
                sources.into_iter().collect::<Vec<_>>().join(", ")
            ),
            labels,
            notes,
        });
    }
    findings
}

/// How many members back the majority in at least one of `regions`: the
/// union of their backer bit sets.
fn others(backed_by: &[Vec<u64>], regions: impl Iterator<Item = usize>) -> usize {
    let mut union: Vec<u64> = Vec::new();
    for r in regions {
        let bits = &backed_by[r];
        union.resize(bits.len(), 0);
        for (u, b) in union.iter_mut().zip(bits) {
            *u |= b;
        }
    }
    union.iter().map(|w| w.count_ones() as usize).sum()
}

/// The votes of a tied region, in order when they are few enough to label
/// them all; beyond that one wording at a time (every wording's first vote,
/// then every wording's second...), so that the labels kept show each side.
fn sides_first(votes: &[(usize, Range<usize>, String)]) -> Vec<&(usize, Range<usize>, String)> {
    if votes.len() <= evidence::MAX_SHOWN {
        return votes.iter().collect();
    }
    let mut rank: HashMap<&str, usize> = HashMap::new();
    let mut order: Vec<(usize, usize)> = votes
        .iter()
        .enumerate()
        .map(|(at, (_, _, key))| {
            let r = rank.entry(key.as_str()).or_default();
            *r += 1;
            (*r, at)
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, at)| &votes[at]).collect()
}
