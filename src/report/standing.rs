//! Where each outlet stands on each fact: the cells of the HTML matrix and
//! the rows of `factlint table --by outlet`. Derived from the findings, so
//! the matrix never says more than the diagnostics do.

use super::Report;
use crate::finding::FindingKind;
use crate::value::Reading;
use std::collections::HashMap;

/// One outlet's position on one fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// The outlet does not state the fact.
    Silent,
    /// It states a value no other independent source states (nothing
    /// contradicts it either).
    Alone,
    /// It states a value other sources agree with.
    Agrees,
    /// Its value was found but not read (no finding compares it).
    Unread,
    /// Sources disagree on the fact and no side is a clear majority: the
    /// outlet is on one side, accused by no one.
    Split,
    /// Other sources, or the outlet itself elsewhere, state otherwise.
    Conflicts,
    /// The fact sheet contradicts it.
    AgainstSheet,
}

impl Standing {
    /// A word for the cell and the CSS class.
    pub fn name(self) -> &'static str {
        match self {
            Standing::Silent => "silent",
            Standing::Alone => "alone",
            Standing::Agrees => "agrees",
            Standing::Unread => "unread",
            Standing::Split => "split",
            Standing::Conflicts => "conflicts",
            Standing::AgainstSheet => "against-sheet",
        }
    }

    /// What the standing means, in an editor's words.
    pub fn meaning(self) -> &'static str {
        match self {
            Standing::Silent => "does not state this fact",
            Standing::Alone => "the only source to state this value",
            Standing::Agrees => "agrees with other sources",
            Standing::Unread => "stated in words factlint could not read",
            Standing::Split => "sources are split on this fact, with no clear majority",
            Standing::Conflicts => "disagrees with other sources or with itself",
            Standing::AgainstSheet => "contradicts the fact sheet",
        }
    }
}

/// `standings[fact][source]` for the whole report.
pub fn standings(report: &Report<'_>) -> Vec<Vec<Standing>> {
    let nsources = report.corpus.sources.len();
    let file_to_source: HashMap<usize, usize> = report
        .corpus
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.file, i))
        .collect();
    let fact_index: HashMap<&str, usize> = report
        .rules
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let mut table = vec![vec![Standing::Silent; nsources]; report.rules.facts.len()];
    // What sources state, and how many independent groups state each fact.
    let mut readable = vec![vec![false; nsources]; report.rules.facts.len()];
    for c in report.claims {
        let cell = &mut table[c.fact][c.source];
        match c.reading {
            Ok(Reading::Value(_)) => readable[c.fact][c.source] = true,
            _ => *cell = (*cell).max(Standing::Unread),
        }
    }
    for (fact, row) in readable.iter().enumerate() {
        let stating: Vec<usize> = (0..nsources).filter(|&s| row[s]).collect();
        let lone = report.copies.count(stating.iter().copied()) == 1;
        for &s in &stating {
            table[fact][s] = if lone {
                Standing::Alone
            } else {
                Standing::Agrees
            };
        }
    }
    // Findings override, most serious last.
    for f in &report.findings {
        let standing = match f.kind {
            FindingKind::ContradictsReference => Standing::AgainstSheet,
            FindingKind::Conflict | FindingKind::SelfConflict => Standing::Conflicts,
            FindingKind::Unsupported => Standing::Alone,
            FindingKind::Split => Standing::Split,
            _ => continue,
        };
        let Some(&fact) = fact_index.get(f.fact.as_str()) else {
            continue;
        };
        if standing == Standing::Split {
            // A split labels a bounded few of its sources (see
            // `evidence`), but every source whose value was read is on a
            // side; those already in conflict or against the sheet stay so.
            for (s, &read) in readable[fact].iter().enumerate() {
                let cell = &mut table[fact][s];
                if read && *cell < Standing::Split {
                    *cell = Standing::Split;
                }
            }
            continue;
        }
        for l in f.labels.iter().filter(|l| l.primary) {
            if let Some(&s) = file_to_source.get(&l.file) {
                let cell = &mut table[fact][s];
                if standing > *cell || *cell == Standing::Agrees {
                    *cell = standing;
                }
            }
        }
    }
    table
}

/// For each source, how many facts it states in each standing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub agrees: usize,
    pub split: usize,
    pub conflicts: usize,
    pub against_sheet: usize,
    pub alone: usize,
    pub unread: usize,
    pub silent: usize,
}

/// One tally per source, in corpus order.
pub fn tallies(standings: &[Vec<Standing>], nsources: usize) -> Vec<Tally> {
    let mut out = vec![Tally::default(); nsources];
    for row in standings {
        for (s, standing) in row.iter().enumerate() {
            let t = &mut out[s];
            match standing {
                Standing::Agrees => t.agrees += 1,
                Standing::Split => t.split += 1,
                Standing::Conflicts => t.conflicts += 1,
                Standing::AgainstSheet => t.against_sheet += 1,
                Standing::Alone => t.alone += 1,
                Standing::Unread => t.unread += 1,
                Standing::Silent => t.silent += 1,
            }
        }
    }
    out
}
