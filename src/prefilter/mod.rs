//! Which of many items can match in a text, learnt from one pass over it.
//!
//! Running every rule pattern over every article costs one regex search per
//! pattern per article; with a thousand facts that is thousands of searches
//! for a handful of matches. Most patterns cannot match most articles: a
//! pattern about the "Titan API" needs those words. A [`Prefilter`] holds,
//! for each item (a pattern, or anything else that can only match where
//! certain strings occur), the literals it needs, and answers
//! [`candidates`](Prefilter::candidates) with a single Aho-Corasick pass
//! over the text, however many items there are. Only the candidates are
//! then run for real.
//!
//! The answer is a superset, never a guess: an item that is not a candidate
//! cannot match. Literals are compared ASCII case-insensitively, which only
//! widens the answer. An item with no usable literal
//! ([`Needs::Anything`]) is a candidate in every text.
//!
//! ```
//! use factlint::prefilter::{Needs, PrefilterBuilder};
//!
//! let mut builder = PrefilterBuilder::new();
//! let titan = builder.push(Needs::one_of(["Titan API"]));
//! let spend = builder.push(Needs::one_of(["spend", "spent", "paid"]));
//! let anything = builder.push(Needs::Anything);
//! let prefilter = builder.build().unwrap();
//! assert_eq!(
//!     prefilter.candidates("Netflix PAID for the titan api".as_bytes()),
//!     vec![titan, spend, anything]
//! );
//! assert_eq!(prefilter.candidates(b"nothing here"), vec![anything]);
//! ```
//!
//! [`required::literals`] derives the literals of a regex for
//! [`Needs::OneOf`].

pub mod required;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// What an item needs in a text before it can match there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Nothing known: the item is a candidate in every text.
    Anything,
    /// One of these strings (compared ASCII case-insensitively). An empty
    /// list means the item can never match.
    OneOf(Vec<Vec<u8>>),
    /// One string of each group: `Titan API{gap}access` needs both words.
    /// At most [`MAX_GROUPS`] groups; further ones are ignored, which only
    /// widens the answer.
    AllOf(Vec<Vec<Vec<u8>>>),
}

/// The most groups of [`Needs::AllOf`] an item can have.
pub const MAX_GROUPS: usize = 8;

impl Needs {
    /// `OneOf` the given strings.
    pub fn one_of<I, S>(strings: I) -> Needs
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        Needs::OneOf(strings.into_iter().map(|s| s.as_ref().to_vec()).collect())
    }

    /// What every match of a regex contains, from its syntax tree;
    /// `Anything` when it has no literal worth searching for.
    pub fn of_regex(hir: &regex_syntax::hir::Hir) -> Needs {
        let mut groups = required::literals(hir);
        match groups.len() {
            0 => Needs::Anything,
            1 => Needs::OneOf(groups.remove(0)),
            _ => Needs::AllOf(groups),
        }
    }
}

/// Collects items, numbered from 0 in the order they are pushed.
#[derive(Debug, Default)]
pub struct PrefilterBuilder {
    /// Distinct literals, lowercased, and the (item, group) pairs needing
    /// each.
    literals: Vec<Vec<u8>>,
    owners: Vec<Vec<(usize, u8)>>,
    index: HashMap<Vec<u8>, usize>,
    /// Per item, one bit per group it needs (none: a candidate anywhere).
    full: Vec<u8>,
}

impl PrefilterBuilder {
    pub fn new() -> PrefilterBuilder {
        PrefilterBuilder::default()
    }

    /// Adds the next item and returns its number.
    pub fn push(&mut self, needs: Needs) -> usize {
        let item = self.full.len();
        let mut groups = match needs {
            Needs::Anything => Vec::new(),
            Needs::OneOf(strings) => vec![strings],
            Needs::AllOf(groups) => groups,
        };
        // A group holding "" is met by every text: it narrows nothing.
        groups.retain(|g| !g.iter().any(Vec::is_empty));
        groups.truncate(MAX_GROUPS);
        let mut full = 0u8;
        for (g, strings) in groups.into_iter().enumerate() {
            full |= 1 << g;
            for s in strings {
                let s = s.to_ascii_lowercase();
                let at = *self.index.entry(s.clone()).or_insert_with(|| {
                    self.literals.push(s);
                    self.owners.push(Vec::new());
                    self.literals.len() - 1
                });
                if !self.owners[at].contains(&(item, g as u8)) {
                    self.owners[at].push((item, g as u8));
                }
            }
        }
        self.full.push(full);
        item
    }

    /// Builds the automaton over every item's literals.
    pub fn build(self) -> Result<Prefilter, aho_corasick::BuildError> {
        let searcher = if self.literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(true)
                    .build(&self.literals)?,
            )
        };
        Ok(Prefilter {
            searcher,
            owners: self.owners,
            full: self.full,
        })
    }
}

/// One automaton over the literals of many items; see the module docs.
#[derive(Clone, Debug)]
pub struct Prefilter {
    searcher: Option<AhoCorasick>,
    /// For each literal (the automaton's pattern id), the items needing
    /// it and in which of their groups.
    owners: Vec<Vec<(usize, u8)>>,
    /// Per item, the bits of all its groups: it is a candidate when every
    /// bit is met.
    full: Vec<u8>,
}

impl Prefilter {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.full.len()
    }

    pub fn is_empty(&self) -> bool {
        self.full.is_empty()
    }

    /// The items that may match in `text`, in ascending order: those one of
    /// whose literals occurs in it, and those that need nothing.
    pub fn candidates(&self, text: &[u8]) -> Vec<usize> {
        let mut met = vec![0u8; self.full.len()];
        if let Some(searcher) = &self.searcher {
            let mut seen = vec![false; self.owners.len()];
            for m in searcher.find_overlapping_iter(text) {
                let literal = m.pattern().as_usize();
                if !std::mem::replace(&mut seen[literal], true) {
                    for &(item, group) in &self.owners[literal] {
                        met[item] |= 1 << group;
                    }
                }
            }
        }
        met.iter()
            .zip(&self.full)
            .enumerate()
            .filter_map(|(item, (met, full))| (met == full).then_some(item))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_literals_are_all_found() {
        let mut b = PrefilterBuilder::new();
        let long = b.push(Needs::one_of(["in 2015"]));
        let short = b.push(Needs::one_of(["2015"]));
        let other = b.push(Needs::one_of(["2016"]));
        let p = b.build().unwrap();
        assert_eq!(p.candidates(b"IN 2015, it"), vec![long, short]);
        assert!(!p.candidates(b"in 2015").contains(&other));
    }

    #[test]
    fn shared_literals_and_empty_needs() {
        let mut b = PrefilterBuilder::new();
        let a = b.push(Needs::one_of(["api"]));
        let never = b.push(Needs::OneOf(vec![]));
        let c = b.push(Needs::one_of(["api", "API"]));
        let empty_string = b.push(Needs::one_of([""]));
        let p = b.build().unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p.candidates(b"an Api"), vec![a, c, empty_string]);
        assert_eq!(p.candidates(b""), vec![empty_string]);
        assert!(!p.candidates(b"api").contains(&never));
    }

    #[test]
    fn every_group_must_be_met() {
        let mut b = PrefilterBuilder::new();
        let both = b.push(Needs::AllOf(vec![
            vec![b"titan api".to_vec()],
            vec![b"access".to_vec(), b"read".to_vec()],
        ]));
        let p = b.build().unwrap();
        assert!(p.candidates(b"the Titan API gave access").contains(&both));
        assert!(p.candidates(b"read the titan api").contains(&both));
        assert!(p.candidates(b"the Titan API").is_empty());
        assert!(p.candidates(b"access to read").is_empty());
    }

    #[test]
    fn no_items_no_candidates() {
        let p = PrefilterBuilder::new().build().unwrap();
        assert!(p.is_empty());
        assert!(p.candidates(b"text").is_empty());
    }
}
