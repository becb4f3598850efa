//! Wire copies: articles that are copies of one another (the same agency
//! story run by several outlets) are one source of evidence, not several.
//! Without this, one agency's error outvotes two outlets that reported
//! independently.
//!
//! Two articles are copies when most of the words of the shorter one,
//! outside quotations, appear in the longer one in the same order: word
//! 5-gram shingles, compared by containment (shared shingles over the
//! shorter article's shingles). Quoted words are left out, since outlets
//! quoting the same filing at length are not copying each other.
//!
//! Candidate pairs come from MinHash signatures with locality-sensitive
//! banding, each member of a bucket paired with a bounded number of the
//! next, so the work grows with the number of articles, not its square;
//! each candidate pair is then measured exactly. Copies are joined into
//! groups (a copy of a copy is in the same group).

use crate::corpus::Corpus;
use crate::quotes::extract::passages;
use rayon::prelude::*;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// Words per shingle: long enough that shared shingles mean shared
/// sentences, not shared phrases ("according to the lawsuit").
const SHINGLE: usize = 5;
/// The share of the shorter article's shingles the longer one must hold.
pub const MIN_CONTAINMENT: f64 = 0.5;
/// Articles with fewer shingles than this are too short to call copies.
const MIN_SHINGLES: usize = 20;
/// MinHash signature: `BANDS` bands of `ROWS` hashes.
const BANDS: usize = 32;
const ROWS: usize = 2;
/// How many later members of a MinHash bucket each member is measured
/// against: all of them in the buckets of real stories (tens of
/// articles), a bounded number in a corpus of thousands of near-copies.
const BUCKET_WINDOW: usize = 64;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+").unwrap());

/// Which sources are copies of which.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Copies {
    /// For each source, the first source of its copy group (itself when it
    /// is a copy of nothing).
    group: Vec<usize>,
    /// Groups of two or more sources, each sorted, in order of first source.
    pub groups: Vec<CopyGroup>,
}

/// Sources that ran the same copy.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyGroup {
    pub sources: Vec<usize>,
    /// The lowest containment between two members found copies, in percent.
    pub shared: u32,
    /// For each member, the first stretch it shares with another member:
    /// where a reader can see the copy (bytes of the article as written).
    pub shown: Vec<Range<usize>>,
}

impl Copies {
    /// Every source independent: `n` sources, no copies.
    pub fn none(n: usize) -> Copies {
        Copies {
            group: (0..n).collect(),
            groups: Vec::new(),
        }
    }

    /// The independent group of `source`: the same number for every copy of
    /// one text. Counting sources counts these.
    pub fn group_of(&self, source: usize) -> usize {
        self.group.get(source).copied().unwrap_or(source)
    }

    /// How many independent groups `sources` come from.
    pub fn count(&self, sources: impl IntoIterator<Item = usize>) -> usize {
        sources
            .into_iter()
            .map(|s| self.group_of(s))
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// The copy group `source` belongs to, if it belongs to one.
    pub fn group_containing(&self, source: usize) -> Option<&CopyGroup> {
        self.groups.iter().find(|g| g.sources.contains(&source))
    }

    /// Finds the copies in `corpus`.
    pub fn detect(corpus: &Corpus) -> Copies {
        let shingled: Vec<Shingles> = corpus
            .sources
            .par_iter()
            // The analysed text: markup and page furniture are not copy.
            .map(|s| Shingles::of(&s.plain))
            .collect();
        let mut pairs: Vec<(usize, usize, u32)> = candidates(&shingled)
            .into_iter()
            .filter_map(|(a, b)| {
                let c = containment(&shingled[a], &shingled[b]);
                (c >= MIN_CONTAINMENT).then(|| (a, b, (c * 100.0).floor() as u32))
            })
            .collect();
        pairs.sort_unstable();
        let mut copies = group(&shingled, &pairs);
        // Shingles are read in the analysed text; reports point at bytes.
        for g in &mut copies.groups {
            for (&s, shown) in g.sources.iter().zip(&mut g.shown) {
                *shown = corpus.sources[s].map.to_original(shown.clone());
            }
        }
        copies
    }
}

/// The shingles of one article outside its quotations.
struct Shingles {
    /// Sorted, distinct hashes.
    set: Vec<u64>,
    /// Each shingle's hash with its bytes in the article, in text order.
    spans: Vec<(u64, Range<usize>)>,
}

impl Shingles {
    fn of(text: &str) -> Shingles {
        let quoted: Vec<Range<usize>> = passages(text).into_iter().map(|p| p.span).collect();
        let mut q = quoted.iter().peekable();
        let mut words: Vec<(String, Range<usize>)> = Vec::new();
        for m in WORD.find_iter(text) {
            while q.peek().is_some_and(|r| r.end <= m.start()) {
                q.next();
            }
            if q.peek().is_some_and(|r| r.start <= m.start()) {
                continue;
            }
            words.push((m.as_str().to_lowercase(), m.range()));
        }
        let spans: Vec<(u64, Range<usize>)> = words
            .windows(SHINGLE)
            .map(|w| {
                let mut h = std::hash::DefaultHasher::new();
                for (word, _) in w {
                    word.hash(&mut h);
                }
                (h.finish(), w[0].1.start..w[SHINGLE - 1].1.end)
            })
            .collect();
        let mut set: Vec<u64> = spans.iter().map(|(h, _)| *h).collect();
        set.sort_unstable();
        set.dedup();
        Shingles { set, spans }
    }
}

/// Pairs `(a, b)`, `a < b`, whose MinHash signatures agree on a whole band.
fn candidates(shingled: &[Shingles]) -> BTreeSet<(usize, usize)> {
    let mut buckets: HashMap<(usize, Vec<u64>), Vec<usize>> = HashMap::new();
    for (source, s) in shingled.iter().enumerate() {
        if s.set.len() < MIN_SHINGLES {
            continue;
        }
        let signature = minhash(&s.set);
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            buckets
                .entry((band, rows.to_vec()))
                .or_default()
                .push(source);
        }
    }
    let mut pairs = BTreeSet::new();
    for members in buckets.values() {
        // Each member is paired with the next `BUCKET_WINDOW` of its
        // bucket (all of them in a bucket that small): a story that many
        // outlets ran fills one bucket, and all its pairs would be
        // quadratic. Copies stay joined through their neighbours, since
        // groups are joined transitively.
        for (i, &a) in members.iter().enumerate() {
            for &b in members[i + 1..].iter().take(BUCKET_WINDOW) {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    pairs
}

/// For each of `BANDS * ROWS` hash functions, the least hash of the set.
fn minhash(set: &[u64]) -> Vec<u64> {
    (0..(BANDS * ROWS) as u64)
        .map(|seed| {
            let mul = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
            set.iter()
                .map(|h| (h ^ seed).wrapping_mul(mul).rotate_left(31))
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect()
}

/// Shared shingles over the smaller set's size.
fn containment(a: &Shingles, b: &Shingles) -> f64 {
    let smaller = a.set.len().min(b.set.len());
    if smaller < MIN_SHINGLES {
        return 0.0;
    }
    shared(&a.set, &b.set) as f64 / smaller as f64
}

/// The size of the intersection of two sorted sets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Joins copy pairs into groups (union-find, the lowest source as root).
fn group(shingled: &[Shingles], pairs: &[(usize, usize, u32)]) -> Copies {
    let mut root: Vec<usize> = (0..shingled.len()).collect();
    fn find(root: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while root[r] != r {
            r = root[r];
        }
        root[x] = r;
        r
    }
    for &(a, b, _) in pairs {
        let (ra, rb) = (find(&mut root, a), find(&mut root, b));
        root[ra.max(rb)] = ra.min(rb);
    }
    let group: Vec<usize> = (0..shingled.len()).map(|s| find(&mut root, s)).collect();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (s, &g) in group.iter().enumerate() {
        members.entry(g).or_default().push(s);
    }
    // The lowest containment of each group, in one pass over the pairs.
    let mut lowest: HashMap<usize, u32> = HashMap::new();
    for &(a, _, c) in pairs {
        let least = lowest.entry(group[a]).or_insert(c);
        *least = (*least).min(c);
    }
    let groups = members
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, sources)| {
            let held = holders(shingled, &sources);
            let shown = sources
                .iter()
                .map(|&s| first_shared_stretch(&shingled[s], &held))
                .collect();
            CopyGroup {
                shared: lowest.get(&root).copied().unwrap_or(100),
                sources,
                shown,
            }
        })
        .collect();
    Copies { group, groups }
}

/// For each shingle of a group, how many of its members hold it: counted
/// once per group, so finding every member's shared stretch is linear in
/// the group's shingles, however many members it has.
fn holders(shingled: &[Shingles], members: &[usize]) -> HashMap<u64, u32> {
    let mut held: HashMap<u64, u32> = HashMap::new();
    for &m in members {
        for &h in &shingled[m].set {
            *held.entry(h).or_default() += 1;
        }
    }
    held
}

/// The first run of consecutive shingles of `source` that another member
/// of its group also has (every shingle of `source` is held by `source`
/// itself, so "another" means two holders), as bytes of the article (at
/// most ~40 words).
fn first_shared_stretch(source: &Shingles, held: &HashMap<u64, u32>) -> Range<usize> {
    let shared = |h: &u64| held.get(h).is_some_and(|&n| n >= 2);
    let spans = &source.spans;
    let Some(first) = spans.iter().position(|(h, _)| shared(h)) else {
        return 0..0;
    };
    let run = spans[first..]
        .iter()
        .take(36)
        .take_while(|(h, _)| shared(h))
        .count();
    spans[first].1.start..spans[first + run - 1].1.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut files = crate::files::Files::new();
        let texts = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{i}.txt"), t.to_string()))
            .collect();
        Corpus::from_texts(&mut files, texts)
    }

    const WIRE: &str = "Meta gave the streaming company access to private messages of its users for nearly a decade, according to court documents filed in a class action in California. The filing says the two companies shared data under a series of agreements, and that the streaming company paid for advertising on the platform every year between 2011 and 2019. Neither company answered a request for comment on Tuesday. The case is being heard in the Northern District of California.";

    #[test]
    fn the_same_copy_with_an_added_paragraph_is_a_copy() {
        let local =
            format!("{WIRE}\n\nOur correspondent adds that the story drew wide attention online.");
        let other = "An entirely different report. Regulators in Brussels opened an inquiry into how messaging apps share data with advertisers, officials said on Monday, adding that the review would take months and cover several companies operating in the European market today.";
        let c = Copies::detect(&corpus(&[WIRE, other, &local]));
        assert_eq!(c.groups.len(), 1, "{c:?}");
        assert_eq!(c.groups[0].sources, vec![0, 2]);
        assert_eq!(c.group_of(2), 0);
        assert_eq!(c.group_of(1), 1);
        assert_eq!(c.count([0, 1, 2]), 2);
        let shown = &c.groups[0].shown[1];
        assert!(local[shown.clone()].starts_with("Meta gave"), "{shown:?}");
    }

    #[test]
    fn sharing_a_long_quotation_is_not_copying() {
        let quote = "“For nearly a decade, Netflix and Facebook enjoyed a special relationship. Netflix bought hundreds of millions of dollars in Facebook ads and entered into a series of agreements sharing data with Facebook, received bespoke access to private APIs,”";
        let a = format!("The complaint puts it bluntly. {quote} the lawsuit says. Lawyers for the plaintiffs filed it in San Francisco, where a judge will hear the motion next month according to the docket.");
        let b = format!("{quote} reads the filing, which was unsealed this week. Meta declined to comment, and a spokesperson for the streaming service did not respond to emails sent on Monday and Tuesday.");
        let c = Copies::detect(&corpus(&[&a, &b]));
        assert!(c.groups.is_empty(), "{c:?}");
    }

    #[test]
    fn short_texts_are_never_copies() {
        let c = Copies::detect(&corpus(&[
            "Netflix paid $150 million.",
            "Netflix paid $150 million.",
        ]));
        assert!(c.groups.is_empty());
        assert_eq!(Copies::none(3).count([0, 1, 2]), 3);
    }
}
