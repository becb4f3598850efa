//! Values about the same thing: same kind, an entity both sentences name,
//! and the same cue words next to them. Two values are joined when they
//! share two cues, or one cue close to both ("spent $40 million", "spend
//! $150 million"); a word of the whole sentence is not enough (a fine and
//! an ad spend both sit in sentences about Facebook's data), nor is a cue
//! without a shared entity ("Meta's communications director" on April 2
//! and "Hastings joined the board of directors in 2011"). Groups are the
//! connected values, so a chain of such pairs is one group.

use super::items::Item;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Words between a cue and both values for one shared cue to join them.
const CLOSE: usize = 2;

/// A stem shared by more values than this counts for none of the pairs
/// that share two cues: on a huge corpus it would make the pairing
/// quadratic. (A cue close to both values joins them whatever its count.)
const MAX_HOLDERS: usize = 200;

/// Groups of items about one thing, each in item order, each spanning at
/// least two sources; in order of their first item.
pub fn groups(items: &[Item]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // One cue close to both values, and an entity both sentences name:
    // each value joins the previous one with that cue and entity, a chain
    // per (kind, cue, entity), so a cue thousands of values share costs
    // no more than one they do not.
    let mut last: HashMap<(&str, &str, usize), usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for cue in item.cues.iter().filter(|c| c.distance <= CLOSE) {
            for &e in &item.entities {
                if let Some(before) = last.insert((item.kind, cue.stem.as_str(), e), i) {
                    join(&mut parent, before, i);
                }
            }
        }
    }
    // Two cues anywhere near both values, and a shared entity: pairs,
    // through an index of the values holding each cue.
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for cue in &item.cues {
            index.entry((item.kind, &cue.stem)).or_default().push(i);
        }
    }
    // Item by item, the later items it shares cues with: a pair's tally
    // lives only while its first item is looked at, so memory stays
    // linear.
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (a, item) in items.iter().enumerate() {
        shared.clear();
        for cue in &item.cues {
            let holders = &index[&(item.kind, cue.stem.as_str())];
            if holders.len() > MAX_HOLDERS {
                continue;
            }
            let later = holders.partition_point(|&b| b <= a);
            for &b in &holders[later..] {
                *shared.entry(b).or_default() += 1;
            }
        }
        for (&b, &n) in &shared {
            if n >= 2 && !item.entities.is_disjoint(&items[b].entities) {
                join(&mut parent, a, b);
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        out.entry(r).or_default().push(i);
    }
    out.into_values()
        .filter(|g| {
            let sources: BTreeSet<usize> = g.iter().map(|&i| items[i].source).collect();
            sources.len() >= 2
        })
        .collect()
}

fn join(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Whether the values of a group disagree: what a rule should check first.
pub fn disagrees(items: &[Item], group: &[usize]) -> bool {
    let values: BTreeSet<&Vec<String>> = group.iter().map(|&i| &items[i].keys).collect();
    values.len() >= 2
}
