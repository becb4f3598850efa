//! The sentence-aware matcher: finds the values of facts written in the
//! rule form of [`crate::rules::terms`].
//!
//! Per article: one pass cuts sentences, one Aho-Corasick pass finds every
//! literal any rule needs (entity names and roles, cue stems and their
//! irregular forms, anchors, vetoes). A sentence is a candidate for a fact
//! only when it holds a literal of each subject and of a cue; only there
//! are tokens built and the kind's value regex run. So the cost is one scan
//! of the text plus work on the few sentences that can matter, however
//! many facts there are.
//!
//! A value is taken when its sentence names every subject, a cue is within
//! `within` words, no veto is in its clause, and — for facts with anchors —
//! the nearest anchor of its rival group (same clause first) is its own.
//! A value whose group has no anchor near it, or two equally near, is
//! *unplaced*: shown, never a finding.

mod apposition;
pub mod evidence;

use crate::extract::Found;
use crate::rules::terms::{Entity, Read, Shape, Term};
use crate::rules::Fact;
use crate::text::{self, token, Sentence, Token};
use crate::value::{self, Context, Kind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use evidence::{Evidence, How, Miss, Why};
use regex::{Regex, RegexBuilder};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A value that belongs to a rival group but to none of its facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Unplaced {
    /// The facts of the group, by index.
    pub facts: Vec<usize>,
    pub span: Range<usize>,
    pub reading: Result<value::Reading, String>,
    pub why: Why,
}

/// What one article gave.
#[derive(Debug, Default)]
pub struct Scan {
    /// `(fact, found)` in no particular order.
    pub found: Vec<(usize, Found)>,
    pub unplaced: Vec<Unplaced>,
    /// Only when asked for (`trace`).
    pub misses: Vec<Miss>,
    /// Terms seen in the article, for rule hygiene: `(owner, index)`.
    pub seen: BTreeSet<TermId>,
}

/// A term of the rule set: which list it is in and its place there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermId {
    /// Entity, then index among its names and roles (names first).
    Mention(usize, usize),
    Cue(usize, usize),
    Anchor(usize, usize),
    Veto(usize, usize),
}

/// Compiled once per rule set.
#[derive(Debug, Default)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each literal of the automaton, the terms it stands for.
    owners: Vec<Vec<TermId>>,
    /// For each entity, the facts about it.
    about: Vec<Vec<usize>>,
    /// For each fact, the facts of its rival group (itself included), or
    /// empty when it competes with none.
    rivals: Vec<Vec<usize>>,
    /// The kinds in use (their value readers are `value::finder`'s), and
    /// one value regex per choice fact.
    by_kind: BTreeSet<Kind>,
    by_fact: BTreeMap<usize, Regex>,
}

impl Matcher {
    pub fn new(facts: &[Fact], entities: &[Entity]) -> Matcher {
        let mut literals: BTreeMap<String, Vec<TermId>> = BTreeMap::new();
        let mut add = |term: &Term, id: TermId| {
            for l in term.literals() {
                literals.entry(l).or_default().push(id);
            }
        };
        let mut about = vec![Vec::new(); entities.len()];
        let mut by_kind = BTreeSet::new();
        let mut by_fact = BTreeMap::new();
        let mut any = false;
        for (f, fact) in facts.iter().enumerate() {
            let Some(shape) = &fact.shape else { continue };
            any = true;
            for &e in &shape.about {
                about[e].push(f);
            }
            for (i, t) in shape.cues.iter().enumerate() {
                add(t, TermId::Cue(f, i));
            }
            for (i, t) in shape.anchors.iter().enumerate() {
                add(t, TermId::Anchor(f, i));
            }
            for (i, t) in shape.veto.iter().enumerate() {
                add(t, TermId::Veto(f, i));
            }
            if shape.read == Read::Near {
                if fact.kind == Kind::Choice {
                    if let Some(r) = value_regex(&value::choice::pattern(&fact.categories)) {
                        by_fact.insert(f, r);
                    }
                } else {
                    // Shared with every user of the kind, compiled on the
                    // first candidate sentence.
                    by_kind.insert(fact.kind);
                }
            }
        }
        if !any {
            return Matcher::default();
        }
        for (e, entity) in entities.iter().enumerate() {
            for (i, (t, _)) in entity.mentions().enumerate() {
                add(t, TermId::Mention(e, i));
            }
        }
        let (keys, owners): (Vec<String>, Vec<Vec<TermId>>) = literals.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .ok();
        Matcher {
            automaton,
            owners,
            about,
            rivals: rival_groups(facts),
            by_kind,
            by_fact,
        }
    }

    /// Whether any fact uses the sentence-aware form.
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// The claims of every sentence-aware fact in `text`.
    pub fn scan(
        &self,
        facts: &[Fact],
        entities: &[Entity],
        text: &str,
        ctx: Context<'_>,
        trace: bool,
    ) -> Scan {
        let mut scan = Scan::default();
        let Some(automaton) = &self.automaton else {
            return scan;
        };
        let sentences = text::sentences(text);
        // Hits bucketed by sentence: the terms each sentence may hold.
        let mut hits: BTreeMap<usize, BTreeSet<TermId>> = BTreeMap::new();
        for m in automaton.find_overlapping_iter(text) {
            let at = m.start();
            let s = sentences.partition_point(|s| s.span.end <= at);
            if s < sentences.len() && sentences[s].span.start <= at {
                hits.entry(s)
                    .or_default()
                    .extend(self.owners[m.pattern().as_usize()].iter().copied());
            }
        }
        for (s, terms) in hits {
            let candidates = self.candidates(facts, &terms);
            let unseen: Vec<TermId> = terms
                .iter()
                .filter(|t| !scan.seen.contains(t))
                .copied()
                .collect();
            if candidates.is_empty() && unseen.is_empty() {
                continue;
            }
            let sentence = &sentences[s];
            let tokens = text::tokens(text, sentence.span.clone());
            for id in unseen {
                if term(facts, entities, id).is_some_and(|t| !t.occurrences(&tokens).is_empty()) {
                    scan.seen.insert(id);
                }
            }
            if candidates.is_empty() {
                continue;
            }
            let aside = asides(text, &tokens);
            let view = SentenceView {
                text,
                sentence,
                tokens: &tokens,
                aside: &aside,
            };
            let first = scan.found.len();
            for f in candidates {
                self.evaluate(facts, entities, f, &view, ctx, trace, &mut scan);
            }
            one_fact_per_value(facts, &mut scan, first, trace);
        }
        dedupe_unplaced(&mut scan.unplaced);
        scan
    }

    /// The facts whose subjects and cues all have a literal in `terms`.
    fn candidates(&self, facts: &[Fact], terms: &BTreeSet<TermId>) -> Vec<usize> {
        let mut touched = BTreeSet::new();
        let mut entities = BTreeSet::new();
        for t in terms {
            match *t {
                TermId::Mention(e, _) => {
                    entities.insert(e);
                    touched.extend(self.about[e].iter().copied());
                }
                TermId::Cue(f, _) | TermId::Anchor(f, _) => {
                    touched.insert(f);
                }
                TermId::Veto(..) => {}
            }
        }
        touched
            .into_iter()
            .filter(|&f| {
                let Some(shape) = &facts[f].shape else {
                    return false;
                };
                let subjects = shape.about.iter().all(|e| entities.contains(e));
                let cue = match shape.read {
                    Read::Apposition => true,
                    Read::Near => terms
                        .iter()
                        .any(|t| matches!(t, TermId::Cue(g, _) if *g == f)),
                };
                subjects && cue
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn evaluate(
        &self,
        facts: &[Fact],
        entities: &[Entity],
        f: usize,
        view: &SentenceView<'_>,
        ctx: Context<'_>,
        trace: bool,
        scan: &mut Scan,
    ) {
        let fact = &facts[f];
        let Some(shape) = &fact.shape else { return };
        let terms = Occurrences::find(shape, entities, view.tokens, f, &mut scan.seen);
        if shape.about.len() != terms.subjects.len() {
            return; // a literal, not the entity's words
        }
        match shape.read {
            Read::Near => {
                let regex = match fact.kind {
                    Kind::Choice => self.by_fact.get(&f),
                    k if self.by_kind.contains(&k) => value::finder(k),
                    _ => None,
                };
                let Some(regex) = regex else { return };
                for value in mentions(regex, view) {
                    self.near(facts, f, shape, &terms, value, view, ctx, trace, scan);
                }
            }
            Read::Apposition => {
                appositions(fact, f, shape, entities, &terms, view, ctx, trace, scan)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn near(
        &self,
        facts: &[Fact],
        f: usize,
        shape: &Shape,
        terms: &Occurrences,
        value: Range<usize>,
        view: &SentenceView<'_>,
        ctx: Context<'_>,
        trace: bool,
        scan: &mut Scan,
    ) {
        let tokens = view.tokens;
        let vt = token_range(tokens, &value);
        if vt.is_empty() || terms.overlaps(&vt) {
            return;
        }
        let subject = terms
            .subjects
            .iter()
            .flatten()
            .find(|r| !overlap(r, &vt))
            .cloned();
        if subject.is_none() && !shape.about.is_empty() {
            return;
        }
        let mut miss = |why: Why| {
            if trace {
                scan.misses.push(Miss {
                    fact: f,
                    span: value.clone(),
                    why,
                });
            }
        };
        let Some((cue, distance)) = nearest(&terms.cues, &vt, tokens, view) else {
            miss(Why::NoCue);
            return;
        };
        if distance > shape.within {
            miss(Why::TooFar {
                cue: span_of(tokens, &cue),
                distance,
                within: shape.within,
            });
            return;
        }
        if matches!(facts[f].kind, Kind::Date | Kind::Year)
            && cue.start >= vt.end
            && (!adverbial(tokens, &vt) || cue_in_event(tokens, &vt, &cue))
        {
            miss(Why::NotAdverbial {
                cue: span_of(tokens, &cue),
            });
            return;
        }
        let clause = view.sentence.clause_of(value.start);
        if let Some(v) = terms
            .vetoes
            .iter()
            .find(|v| view.sentence.clause_of(tokens[v.start].span.start) == clause)
        {
            miss(Why::Vetoed {
                veto: span_of(tokens, v),
            });
            return;
        }
        let reading = value::read(
            facts[f].kind,
            &view.text[value.clone()],
            ctx,
            &facts[f].categories,
        );
        let mut anchor = None;
        if !self.rivals[f].is_empty() {
            match self.place(facts, f, &vt, view) {
                Placement::Mine(a) => anchor = Some(a),
                Placement::Rival(rival, a) => {
                    miss(Why::Rival { rival, anchor: a });
                    return;
                }
                Placement::Nowhere(why) => {
                    if !shape.anchors.is_empty() {
                        scan.unplaced.push(Unplaced {
                            facts: self.rivals[f].clone(),
                            span: value.clone(),
                            reading,
                            why,
                        });
                    }
                    return;
                }
            }
        }
        scan.found.push((
            f,
            Found {
                span: value,
                reading,
                patterns: Vec::new(),
                evidence: Evidence {
                    how: How::Cue,
                    subject: subject.map(|s| span_of(tokens, &s)),
                    cue: Some(span_of(tokens, &cue)),
                    anchor,
                    distance: Some(distance),
                },
            },
        ));
    }

    /// Which fact of `f`'s rival group the value at tokens `vt` belongs to:
    /// the nearest anchor, in the value's clause if any is there.
    fn place(
        &self,
        facts: &[Fact],
        f: usize,
        vt: &Range<usize>,
        view: &SentenceView<'_>,
    ) -> Placement {
        let tokens = view.tokens;
        let clause = view.sentence.clause_of(tokens[vt.start].span.start);
        let mut all: Vec<(usize, Range<usize>, usize, bool)> = Vec::new();
        for &g in &self.rivals[f] {
            let Some(shape) = &facts[g].shape else {
                continue;
            };
            for a in &shape.anchors {
                for occ in a.occurrences(tokens) {
                    if overlap(&occ, vt) {
                        continue;
                    }
                    let same = view.sentence.clause_of(tokens[occ.start].span.start) == clause;
                    let d = distance(view, &occ, vt);
                    all.push((g, occ, d, same));
                }
            }
        }
        if all.is_empty() {
            return Placement::Nowhere(Why::NoAnchor);
        }
        let in_clause = all.iter().any(|a| a.3);
        let pool: Vec<&(usize, Range<usize>, usize, bool)> =
            all.iter().filter(|a| a.3 == in_clause).collect();
        let best = pool.iter().map(|a| a.2).min().unwrap_or(0);
        let nearest: BTreeSet<usize> = pool.iter().filter(|a| a.2 == best).map(|a| a.0).collect();
        if nearest.len() > 1 {
            return Placement::Nowhere(Why::Tie);
        }
        let winner = pool
            .iter()
            .find(|a| a.2 == best)
            .map(|a| (a.0, span_of(tokens, &a.1)));
        match winner {
            Some((g, span)) if g == f => Placement::Mine(span),
            Some((g, span)) => Placement::Rival(g, span),
            None => Placement::Nowhere(Why::NoAnchor),
        }
    }
}

enum Placement {
    Mine(Range<usize>),
    Rival(usize, Range<usize>),
    Nowhere(Why),
}

/// The sentence a fact is being read in.
struct SentenceView<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    tokens: &'a [Token],
    /// Per token, whether it is inside an aside: between brackets or a
    /// pair of dashes ("filed by two U.S. citizens—Maximilian Klein and
    /// Sarah Grabert—against Meta last year"). Asides do not count in
    /// distances.
    aside: &'a [bool],
}

/// Marks the tokens inside brackets, between paired dashes, and in a
/// relative clause set off by commas (", which changed its name to Meta
/// in October 2021,").
fn asides(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut open: Option<(usize, char)> = None;
    for (i, t) in tokens.iter().enumerate() {
        let c = text[t.span.clone()].chars().next().unwrap_or(' ');
        let relative = c == ','
            && tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.folded.as_str(), "which" | "who" | "whose" | "whom"));
        match (open, c) {
            (None, '(' | '[' | '—' | '–') => open = Some((i, c)),
            (None, ',') if relative => open = Some((i, ',')),
            (Some((start, '(')), ')') | (Some((start, '[')), ']') => {
                out[start + 1..i].iter_mut().for_each(|a| *a = true);
                open = None;
            }
            (Some((start, d)), '—' | '–' | ',') if d == c || (d != ',' && c != ',') => {
                out[start + 1..i].iter_mut().for_each(|a| *a = true);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Where a fact's terms occur in a sentence, as token ranges.
struct Occurrences {
    /// Per subject entity, its mentions (only entities that occur).
    subjects: Vec<Vec<Range<usize>>>,
    /// Per subject entity, which mentions are names (for appositions).
    names: Vec<Vec<Range<usize>>>,
    cues: Vec<Range<usize>>,
    anchors: Vec<Range<usize>>,
    vetoes: Vec<Range<usize>>,
}

impl Occurrences {
    fn find(
        shape: &Shape,
        entities: &[Entity],
        tokens: &[Token],
        f: usize,
        seen: &mut BTreeSet<TermId>,
    ) -> Occurrences {
        let mut subjects = Vec::new();
        let mut names = Vec::new();
        for &e in &shape.about {
            let mut all = Vec::new();
            let mut named = Vec::new();
            for (i, (term, is_name)) in entities[e].mentions().enumerate() {
                let occ = term.occurrences(tokens);
                if !occ.is_empty() {
                    seen.insert(TermId::Mention(e, i));
                }
                if is_name {
                    named.extend(occ.iter().cloned());
                }
                all.extend(occ);
            }
            // "Reed Hastings" also holds "Hastings": keep the longest.
            let all = longest(all);
            if !all.is_empty() {
                subjects.push(all);
                names.push(longest(named));
            }
        }
        let mut list = |terms: &[Term], id: fn(usize, usize) -> TermId| {
            let mut out = Vec::new();
            for (i, t) in terms.iter().enumerate() {
                let occ = t.occurrences(tokens);
                if !occ.is_empty() {
                    seen.insert(id(f, i));
                }
                out.extend(occ);
            }
            longest(out)
        };
        let cues = list(&shape.cues, TermId::Cue);
        let anchors = list(&shape.anchors, TermId::Anchor);
        let vetoes = list(&shape.veto, TermId::Veto);
        Occurrences {
            subjects,
            names,
            cues,
            anchors,
            vetoes,
        }
    }

    /// Whether token range `r` overlaps a cue, anchor or subject: a value
    /// is never read out of the words that define its fact.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        self.cues
            .iter()
            .chain(&self.anchors)
            .chain(self.subjects.iter().flatten())
            .any(|o| overlap(o, r))
    }
}

/// Ranges sorted, those inside a longer one dropped.
fn longest(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        if out.last().is_some_and(|l| r.end <= l.end) {
            continue;
        }
        out.push(r);
    }
    out
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words between two token ranges. Asides do not count, and a name ("Sarah
/// Grabert", "U.S.") counts as one word however many it has: "filed by US
/// citizens Maximilian Klein and Sarah Grabert in April 2023" is as close
/// as "filed by two citizens in April 2023".
fn distance(view: &SentenceView<'_>, a: &Range<usize>, b: &Range<usize>) -> usize {
    if overlap(a, b) {
        return 0;
    }
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let capital = |i: usize| {
        view.text[view.tokens[i].span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut count = 0;
    let mut in_name = false;
    for i in from..to {
        let t = &view.tokens[i];
        if view.aside[i] || !t.word {
            // A period inside "U.S." does not end the name.
            in_name &= t.folded == ".";
            continue;
        }
        let named = capital(i);
        if !(named && in_name) {
            count += 1;
        }
        in_name = named;
    }
    count
}

/// The nearest of `ranges` to `value`, preferring one in the value's
/// clause, with its distance in words.
fn nearest(
    ranges: &[Range<usize>],
    value: &Range<usize>,
    tokens: &[Token],
    view: &SentenceView<'_>,
) -> Option<(Range<usize>, usize)> {
    let clause = view.sentence.clause_of(tokens[value.start].span.start);
    ranges
        .iter()
        .filter(|r| !overlap(r, value))
        .map(|r| {
            let other = view.sentence.clause_of(tokens[r.start].span.start) != clause;
            (r.clone(), distance(view, r, value), other)
        })
        .min_by_key(|(r, d, other)| (*d, *other, r.start))
        .map(|(r, d, _)| (r, d))
}

/// Words that open a time adverbial: "in April 2023", "on March 23".
const TIME_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "by",
    "since",
    "until",
    "till",
    "during",
    "from",
    "at",
    "before",
    "after",
    "around",
    "circa",
    "as",
    "of",
    "through",
    "throughout",
];

/// Whether a date before its cue reads as a time adverbial: "In April
/// 2023 the suit was filed", "Last week, documents were unsealed", or is
/// the antecedent of "when" ("traces back to June 2011 when Hastings
/// joined"). A date
/// that merely stands before the cue ("emerging this week following the
/// unsealing", a dateline) is not the cue's date.
fn adverbial(tokens: &[Token], value: &Range<usize>) -> bool {
    let before = value
        .start
        .checked_sub(1)
        .map(|i| tokens[i].folded.as_str());
    let after = tokens.get(value.end).map(|t| t.folded.as_str());
    let first = tokens[value.start].folded.as_str();
    before.is_some_and(|w| TIME_PREPOSITIONS.contains(&w))
        || TIME_PREPOSITIONS.contains(&first)
        || opens_event(tokens, value)
        || matches!(after, Some("," | "when"))
}

/// Whether a cue after a date given by another event ("shortly after
/// Hastings joined the board, the companies signed …") is in the event
/// itself: the words from the phrase to the next comma. "Joined" there
/// dates the signing, not the joining.
fn cue_in_event(tokens: &[Token], value: &Range<usize>, cue: &Range<usize>) -> bool {
    opens_event(tokens, value) && !tokens[value.end..cue.start].iter().any(|t| t.folded == ",")
}

/// Whether a date phrase ends in the word that introduces its event
/// ("within a month of", "shortly after").
fn opens_event(tokens: &[Token], value: &Range<usize>) -> bool {
    value.end > value.start
        && matches!(
            tokens[value.end - 1].folded.as_str(),
            "of" | "after" | "before" | "following"
        )
}

/// The byte span of a token range.
fn span_of(tokens: &[Token], r: &Range<usize>) -> Range<usize> {
    tokens[r.start].span.start..tokens[r.end - 1].span.end
}

/// The tokens a byte span covers.
fn token_range(tokens: &[Token], span: &Range<usize>) -> Range<usize> {
    let start = token::index_at(tokens, span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    start..end.max(start)
}

/// Value mentions in the sentence: the kind's regex, at word boundaries.
fn mentions(regex: &Regex, view: &SentenceView<'_>) -> Vec<Range<usize>> {
    let span = view.sentence.span.clone();
    let s = &view.text[span.clone()];
    regex
        .find_iter(s)
        .filter(|m| !m.as_str().trim().is_empty())
        .filter(|m| {
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
                && !in_name(s, m.start(), m.end())
        })
        .map(|m| {
            // Trim the surrounding space a value regex may take in.
            let t = m.as_str();
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            span.start + m.start() + lead..span.start + m.end() - trail
        })
        .collect()
}

/// Whether the words at `start..end` of sentence `s` are part of a name: a
/// capitalised word inside the sentence followed by another ("the Daily
/// Mail", "March Madness"), which no value reader should read.
fn in_name(s: &str, start: usize, end: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first_word = s[start..end].split_whitespace().next().unwrap_or("");
    let next_word = s[end..].split_whitespace().next().unwrap_or("");
    // A sentence may open with a quotation mark: "“Within a month” of …".
    let opens_sentence = !s[..start].chars().any(char::is_alphanumeric);
    !opens_sentence
        && capital(first_word)
        && !s[start..end].chars().any(|c| c.is_ascii_digit())
        && capital(next_word)
        && s[end..].starts_with(' ')
}

fn value_regex(pattern: &str) -> Option<Regex> {
    if pattern.is_empty() {
        return None;
    }
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(crate::rules::compile::REGEX_SIZE_LIMIT)
        .build()
        .ok()
}

/// Titles next to the subject's names.
#[allow(clippy::too_many_arguments)]
fn appositions(
    fact: &Fact,
    f: usize,
    shape: &Shape,
    entities: &[Entity],
    terms: &Occurrences,
    view: &SentenceView<'_>,
    ctx: Context<'_>,
    trace: bool,
    scan: &mut Scan,
) {
    let tokens = view.tokens;
    let Some(names) = terms.names.first() else {
        return;
    };
    let of = shape.of.map(|e| &entities[e]);
    for name in names {
        for title in apposition::titles(view.text, tokens, name.clone(), &shape.titles) {
            let mut value = title.tokens.clone();
            if let Some(org) = &title.organisation {
                let named_of = of.is_some_and(|e| {
                    e.mentions()
                        .any(|(t, _)| (org.start..org.end).any(|i| t.matches_at(tokens, i)))
                });
                match (of, named_of) {
                    (Some(_), true) => {}
                    (Some(_), false) => {
                        if trace {
                            scan.misses.push(Miss {
                                fact: f,
                                span: span_of(tokens, &value),
                                why: Why::OtherOrganisation {
                                    organisation: span_of(tokens, org),
                                },
                            });
                        }
                        continue;
                    }
                    // Without `of`, the organisation is part of the title
                    // ("Tesla founder"), when it leads it.
                    (None, _) => {
                        if org.end <= value.start {
                            value = org.start..value.end;
                        }
                    }
                }
            }
            let span = span_of(tokens, &value);
            let clause = view.sentence.clause_of(span.start);
            if let Some(v) = terms
                .vetoes
                .iter()
                .find(|v| view.sentence.clause_of(tokens[v.start].span.start) == clause)
            {
                if trace {
                    scan.misses.push(Miss {
                        fact: f,
                        span: span.clone(),
                        why: Why::Vetoed {
                            veto: span_of(tokens, v),
                        },
                    });
                }
                continue;
            }
            let reading = value::read(fact.kind, &view.text[span.clone()], ctx, &fact.categories);
            scan.found.push((
                f,
                Found {
                    span,
                    reading,
                    patterns: Vec::new(),
                    evidence: Evidence {
                        how: How::Apposition,
                        subject: Some(span_of(tokens, name)),
                        cue: None,
                        anchor: None,
                        distance: None,
                    },
                },
            ));
        }
    }
}

/// The term a [`TermId`] names.
fn term<'a>(facts: &'a [Fact], entities: &'a [Entity], id: TermId) -> Option<&'a Term> {
    let shape = |f: usize| facts.get(f).and_then(|f| f.shape.as_ref());
    match id {
        TermId::Mention(e, i) => entities
            .get(e)
            .and_then(|e| e.mentions().nth(i).map(|(t, _)| t)),
        TermId::Cue(f, i) => shape(f).and_then(|s| s.cues.get(i)),
        TermId::Anchor(f, i) => shape(f).and_then(|s| s.anchors.get(i)),
        TermId::Veto(f, i) => shape(f).and_then(|s| s.veto.get(i)),
    }
}

/// Facts that compete by anchor: those naming one `group`, or, without
/// one, anchored facts with the same kind, subjects and cues.
fn rival_groups(facts: &[Fact]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (f, fact) in facts.iter().enumerate() {
        let Some(shape) = &fact.shape else { continue };
        if shape.anchors.is_empty() && shape.group.is_none() {
            continue;
        }
        let key = match &shape.group {
            Some(g) => format!("group:{g}"),
            None => {
                let mut cues: Vec<&str> = shape.cues.iter().map(|c| c.text.as_str()).collect();
                cues.sort_unstable();
                format!("auto:{}:{:?}:{:?}", fact.kind.name(), shape.about, cues)
            }
        };
        groups.entry(key).or_default().push(f);
    }
    let mut out = vec![Vec::new(); facts.len()];
    for members in groups.into_values() {
        for &f in &members {
            out[f] = members.clone();
        }
    }
    out
}

/// A value belongs to one fact: when several facts of one kind took the
/// same words by their cues (a date near both "filed" and "unsealed"), the
/// nearest cue wins; equally near cues leave the value unplaced, since
/// either reading could accuse an outlet wrongly.
fn one_fact_per_value(facts: &[Fact], scan: &mut Scan, first: usize, trace: bool) {
    let mut taken: Vec<(usize, Found)> = scan.found.drain(first..).collect();
    taken.sort_by_key(|(f, found)| (found.span.start, found.span.end, *f));
    let mut i = 0;
    while i < taken.len() {
        let span = taken[i].1.span.clone();
        let n = taken[i..]
            .iter()
            .take_while(|(_, x)| x.span == span)
            .count();
        let group = &taken[i..i + n];
        let by_cue: Vec<&(usize, Found)> = group
            .iter()
            .filter(|(_, x)| x.evidence.how == How::Cue)
            .collect();
        let kinds: BTreeSet<Kind> = by_cue.iter().map(|(f, _)| facts[*f].kind).collect();
        if by_cue.len() < 2 || kinds.len() > 1 {
            scan.found.extend(group.iter().cloned());
            i += n;
            continue;
        }
        // Anchored first, then the nearest cue.
        let rank = |x: &Found| {
            (
                x.evidence.anchor.is_none(),
                x.evidence.distance.unwrap_or(usize::MAX),
            )
        };
        let best = by_cue.iter().map(|(_, x)| rank(x)).min();
        let winners: Vec<&(usize, Found)> = by_cue
            .iter()
            .copied()
            .filter(|(_, x)| Some(rank(x)) == best)
            .collect();
        if winners.len() == 1 {
            scan.found.push(winners[0].clone());
            for (f, _) in by_cue.iter().filter(|(f, _)| *f != winners[0].0) {
                if trace {
                    scan.misses.push(Miss {
                        fact: *f,
                        span: span.clone(),
                        why: Why::Rival {
                            rival: winners[0].0,
                            anchor: winners[0].1.evidence.cue.clone().unwrap_or(span.clone()),
                        },
                    });
                }
            }
        } else {
            scan.unplaced.push(Unplaced {
                facts: by_cue.iter().map(|(f, _)| *f).collect(),
                span: span.clone(),
                reading: winners[0].1.reading.clone(),
                why: Why::Tie,
            });
        }
        scan.found.extend(
            group
                .iter()
                .filter(|(_, x)| x.evidence.how != How::Cue)
                .cloned(),
        );
        i += n;
    }
}

/// One unplaced value per span, whichever fact of its group saw it.
fn dedupe_unplaced(list: &mut Vec<Unplaced>) {
    list.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.facts).cmp(&(b.span.start, b.span.end, &b.facts))
    });
    list.dedup_by(|a, b| a.span == b.span && a.facts == b.facts);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the date `date` in `sentence` reads as a time adverbial.
    fn adverbial_in(sentence: &str, date: &str) -> bool {
        let tokens = text::tokens(sentence, 0..sentence.len());
        let at = sentence.find(date).unwrap();
        let span = at..at + date.len();
        adverbial(&tokens, &token_range(&tokens, &span))
    }

    #[test]
    fn a_date_before_its_cue_must_be_a_time_adverbial() {
        assert!(adverbial_in(
            "In April 2023 the suit was filed.",
            "April 2023"
        ));
        assert!(adverbial_in(
            "Last week, documents were unsealed.",
            "Last week"
        ));
        assert!(adverbial_in(
            "It traces back to June 2011 when Reed Hastings joined the board.",
            "June 2011"
        ));
        assert!(!adverbial_in(
            "News emerging this week following the unsealing.",
            "this week"
        ));
        assert!(adverbial_in(
            "Shortly after Hastings joined the board, they signed.",
            "Shortly after"
        ));
    }

    #[test]
    fn a_cue_inside_the_event_of_a_relative_date_is_not_its_cue() {
        let s = "shortly after Hastings joined the board, the companies signed a deal";
        let tokens = text::tokens(s, 0..s.len());
        let range = |w: &str| {
            let at = s.find(w).unwrap();
            token_range(&tokens, &(at..at + w.len()))
        };
        let value = range("shortly after");
        assert!(cue_in_event(&tokens, &value, &range("joined")));
        assert!(!cue_in_event(&tokens, &value, &range("signed")));
        assert!(!cue_in_event(
            &tokens,
            &range("the board"),
            &range("signed")
        ));
    }
}
