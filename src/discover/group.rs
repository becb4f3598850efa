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

/// A stem shared by more values than this joins none: on a huge corpus it
/// would make the pairing quadratic, and so common a word tells nothing.
const MAX_HOLDERS: usize = 200;

/// Groups of items about one thing, each in item order, each spanning at
/// least two sources; in order of their first item.
pub fn groups(items: &[Item]) -> Vec<Vec<usize>> {
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for cue in &item.cues {
            index.entry((item.kind, &cue.stem)).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // Item by item, the later items it shares cues with: a pair's tally
    // lives only while its first item is looked at, so memory stays
    // linear.
    let mut shared: HashMap<usize, (usize, bool)> = HashMap::new();
    for (a, item) in items.iter().enumerate() {
        shared.clear();
        for cue in &item.cues {
            let holders = &index[&(item.kind, cue.stem.as_str())];
            if holders.len() > MAX_HOLDERS {
                continue;
            }
            let later = holders.partition_point(|&b| b <= a);
            for &b in &holders[later..] {
                let close = cue.distance <= CLOSE
                    && items[b]
                        .cues
                        .iter()
                        .any(|c| c.stem == cue.stem && c.distance <= CLOSE);
                let e = shared.entry(b).or_default();
                e.0 += 1;
                e.1 |= close;
            }
        }
        for (&b, &(n, close)) in &shared {
            let same_subject = !item.entities.is_disjoint(&items[b].entities);
            if (n >= 2 || close) && same_subject {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
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
