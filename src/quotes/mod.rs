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
///
/// A marked quotation inside a block quotation is a quotation within the
/// quotation: part of the block's words, not a passage of its own. A block
/// that a marked quotation runs into or out of is not trusted as a block.
fn source_passages(source: &crate::corpus::Source) -> Vec<Passage> {
    let marked = extract::passages(&source.plain);
    let inside = |p: &Range<usize>, q: &Range<usize>| q.start <= p.start && p.end <= q.end;
    let blocks: Vec<Passage> = source
        .quotations
        .iter()
        .filter(|q| {
            !marked
                .iter()
                .any(|p| p.span.start < q.end && q.start < p.span.end && !inside(&p.span, q))
        })
        .map(|q| extract::block(&source.plain, q.clone()))
        .collect();
    let mut found: Vec<Passage> = marked
        .into_iter()
        .filter(|p| !blocks.iter().any(|b| inside(&p.span, &b.span)))
        .collect();
    found.extend(blocks);
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

/// A member's wording of one region: (member, its words there, their
/// folded key, which is what is compared).
type Vote = (usize, Range<usize>, String);

/// The findings of one cluster.
fn drift(
    corpus: &Corpus,
    segs: &[Seg<'_>],
    cluster: &[usize],
    settings: &Settings,
) -> Vec<Finding> {
    let members = members(segs, cluster, settings);
    if members.len() < 2 {
        return Vec::new();
    }
    let aligned = Aligned {
        corpus,
        members: &members,
    };
    let mut verdicts = Verdicts::default();
    for region in &regions(&members) {
        aligned.vote(region, &mut verdicts);
    }
    aligned.findings(verdicts, settings)
}

/// The frame first, then one quotation per other source aligned to it, so
/// that every source votes once however often it repeats the passage.
fn members<'a>(segs: &[Seg<'a>], cluster: &[usize], settings: &Settings) -> Vec<Member<'a>> {
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
    members
}

/// Frame regions where some member differs from the frame, overlapping ones
/// merged, so that each difference is voted on once by every member.
fn regions(members: &[Member<'_>]) -> Vec<Range<usize>> {
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
    regions
}

/// A wording as the notes show it, an omission included.
fn quoted(s: &str) -> String {
    if s.is_empty() {
        "nothing".to_string()
    } else {
        format!("“{s}”")
    }
}

/// What the regions of one cluster decided, gathered before any finding is
/// built because an outlier's finding spans all its regions.
#[derive(Default)]
struct Verdicts {
    /// Per outlier, each region where it differs.
    outliers: BTreeMap<usize, Vec<Drift>>,
    /// Per region with a majority: its backers, as a bit set over members,
    /// so an outlier's count of other sources is a union, not a pair loop.
    backed_by: Vec<Vec<u64>>,
    /// Per region with no majority: every side's labels and a note.
    ties: Vec<(Vec<Label>, String)>,
}

/// A cluster's members with the corpus their spans point into: what every
/// label and note of the cluster is drawn from.
struct Aligned<'c, 'a> {
    corpus: &'c Corpus,
    members: &'c [Member<'a>],
}

impl Aligned<'_, '_> {
    /// A member's words as the reader sees them (original bytes, spacing
    /// folded), and where; an omission points next to its gap.
    fn text(&self, m: &Member<'_>, words: &Range<usize>) -> (Range<usize>, String) {
        let source = &self.corpus.sources[m.source];
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
    }

    /// A label on a member's words over a region, saying how it quotes them.
    fn word_label(&self, m: &Member<'_>, words: &Range<usize>, primary: bool) -> Label {
        let (span, shown) = self.text(m, words);
        Label {
            file: self.corpus.sources[m.source].file,
            span,
            value: None,
            primary,
            message: if shown.is_empty() {
                "quoted without these words".into()
            } else {
                format!("quoted as {}", quoted(&shown))
            },
        }
    }

    /// Every member covering `region`, with its wording there.
    fn votes(&self, region: &Range<usize>) -> Vec<Vote> {
        self.members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.words(region).map(|w| (i, w.clone(), m.key(&w))))
            .collect()
    }

    /// Decides one region: nothing when all agree, drift against a single
    /// majority wording, else a tie naming every side.
    fn vote(&self, region: &Range<usize>, verdicts: &mut Verdicts) {
        let votes = self.votes(region);
        let mut tally: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, _, key) in &votes {
            tally.entry(key.as_str()).or_default().push(*i);
        }
        if tally.len() < 2 {
            return;
        }
        let most = tally.values().map(Vec::len).max().unwrap_or(0);
        let winners: Vec<&str> = tally
            .iter()
            .filter(|(_, v)| v.len() == most)
            .map(|(k, _)| *k)
            .collect();
        if let [majority] = winners[..] {
            self.majority(&votes, majority, verdicts);
        } else {
            verdicts.ties.push(self.tie(&votes));
        }
    }

    /// Records a region with a majority: its backers, and for each outlier
    /// the drift it is charged with there.
    fn majority(&self, votes: &[Vote], majority: &str, verdicts: &mut Verdicts) {
        let backers: Vec<&Vote> = votes.iter().filter(|(_, _, k)| k == majority).collect();
        let (_, majority_words) = self.text(&self.members[backers[0].0], &backers[0].1);
        let mut bits = vec![0u64; self.members.len().div_ceil(64)];
        for (b, _, _) in &backers {
            bits[b / 64] |= 1 << (b % 64);
        }
        let region_no = verdicts.backed_by.len();
        verdicts.backed_by.push(bits);
        // The same evidence for every outlier of the region: built once.
        let (shown, more) =
            evidence::representative(self.corpus, backers.clone(), |b| self.members[b.0].source);
        let evidence: Vec<Label> = shown
            .iter()
            .map(|(b, bw, _)| self.word_label(&self.members[*b], bw, false))
            .collect();
        let unlabelled = evidence::note(more, &format!("quote it as {}", quoted(&majority_words)));
        for vote in votes {
            if vote.2 == majority {
                continue;
            }
            let (primary, note) = self.outlier(
                vote,
                &majority_words,
                (backers.len(), votes.len()),
                unlabelled.as_deref(),
            );
            verdicts.outliers.entry(vote.0).or_default().push((
                primary,
                evidence.clone(),
                note,
                region_no,
            ));
        }
    }

    /// An outlier's label and note for one region: its wording against the
    /// majority's, with how many of the voters back the majority.
    fn outlier(
        &self,
        (i, w, _): &Vote,
        majority_words: &str,
        (backers, voters): (usize, usize),
        unlabelled: Option<&str>,
    ) -> (Label, String) {
        let m = &self.members[*i];
        let (span, shown) = self.text(m, w);
        let primary = Label {
            file: self.corpus.sources[m.source].file,
            span,
            value: None,
            primary: true,
            message: if shown.is_empty() {
                format!("omits {}", quoted(majority_words))
            } else {
                format!("quoted as {}", quoted(&shown))
            },
        };
        let mut note = format!(
            "{} ≠ {} ({} of {} sources)",
            quoted(&shown),
            quoted(majority_words),
            backers,
            voters
        );
        if let Some(more) = unlabelled {
            note.push_str("; ");
            note.push_str(more);
        }
        (primary, note)
    }

    /// A region with no majority: a label on each side shown and a note
    /// naming them, since none can be called the drift.
    fn tie(&self, votes: &[Vote]) -> (Vec<Label>, String) {
        let (shown, more) = evidence::representative(self.corpus, sides_first(votes), |v| {
            self.members[v.0].source
        });
        let labels: Vec<Label> = shown
            .iter()
            .map(|(i, w, _)| self.word_label(&self.members[*i], w, true))
            .collect();
        let mut sides: String = shown
            .iter()
            .map(|(i, w, _)| {
                format!(
                    "{} ({})",
                    quoted(&self.text(&self.members[*i], w).1),
                    self.corpus.sources[self.members[*i].source].path
                )
            })
            .collect::<Vec<_>>()
            .join(" vs ");
        if more > 0 {
            sides.push(' ');
            sides.push_str(&evidence::more_sources(more));
        }
        (labels, sides)
    }

    /// The cluster's findings: one per outlier, then one for all its ties.
    fn findings(&self, verdicts: Verdicts, settings: &Settings) -> Vec<Finding> {
        let fact = self.fact();
        let context = self.context();
        let mut findings = Vec::new();
        for (i, found) in verdicts.outliers {
            let path = &self.corpus.sources[self.members[i].source].path;
            let others = others(&verdicts.backed_by, found.iter().map(|f| f.3));
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
        if !verdicts.ties.is_empty() {
            findings.push(self.tie_finding(verdicts.ties, fact, context, settings));
        }
        findings
    }

    /// The one finding for the cluster's ties, naming every source in it.
    fn tie_finding(
        &self,
        ties: Vec<(Vec<Label>, String)>,
        fact: String,
        context: String,
        settings: &Settings,
    ) -> Finding {
        let sources: BTreeSet<&str> = self
            .members
            .iter()
            .map(|m| self.corpus.sources[m.source].path.as_str())
            .collect();
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        for (l, note) in ties {
            labels.extend(l);
            notes.push(note);
        }
        notes.push(context);
        Finding {
            kind: FindingKind::QuoteDrift,
            severity: settings.severity,
            fact,
            message: format!(
                "sources word a quotation differently, with no majority: {}",
                sources.into_iter().collect::<Vec<_>>().join(", ")
            ),
            labels,
            notes,
        }
    }

    /// The fact a cluster's findings are filed under: the frame's first
    /// words, so that findings on one passage group together.
    fn fact(&self) -> String {
        format!(
            "quote:{}",
            self.members[0]
                .tokens
                .iter()
                .take(5)
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join("-")
        )
    }

    /// A note telling the reader which passage the cluster quotes.
    fn context(&self) -> String {
        let frame = &self.members[0];
        let passage = frame
            .tokens
            .iter()
            .take(12)
            .map(|t| self.corpus.sources[frame.source].words(t.span.clone()))
            .collect::<Vec<_>>()
            .join(" ");
        format!("the passage begins “{passage}…”")
    }
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
