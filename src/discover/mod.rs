//! `factlint discover`: facts proposed for a story that has no rules yet,
//! in the sentence form a rule author would write.
//!
//! Every amount, count of people and date is read with the content words
//! next to it (its cues: "spent", "fined", "joined") and the story's
//! entities its sentence names ([`entities`]: capitalised names several
//! sources use). Values of one kind that share a cue close to both are
//! taken to be about the same thing ([`group`]); a group stated by several
//! sources becomes a fact: `about` the entity all its sentences name,
//! `cues` the words that cover its values, its sentences as examples and
//! sentences of unrelated values of the kind as counter-examples. Drifted
//! quotations become `choice` facts ([`quote`]).
//!
//! Nothing is written unchecked: the proposals are loaded as a rule file
//! and their examples run by the real extractor, as `factlint test` runs
//! them, and mended or dropped until every one passes ([`verify`]).
//! Proposals are still starting points: rename them, describe them, add
//! anchors and vetoes where the examples show a need.

mod entities;
mod group;
mod items;
mod proposal;
mod quote;
mod render;
mod verify;

use crate::corpus::Corpus;
use crate::finding::{Finding, FindingKind};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How many facts `discover` proposes unless told otherwise.
pub const DEFAULT_MAX_PROPOSALS: usize = 50;

/// The proposed rules, as a TOML document: at most `max_proposals`
/// facts, those whose values disagree and then those spanning the most
/// sources, in the order found; each one's examples pass `factlint test`.
/// Linear in the corpus: candidate pairs come from a bounded cue index and
/// each proposal lists a bounded sample of its statements.
pub fn discover(corpus: &Corpus, quote_findings: &[Finding], max_proposals: usize) -> String {
    let entities = entities::Entities::find(corpus);
    let items = items::items(corpus, &entities);
    let groups = group::groups(&items);
    let quotes: Vec<&Finding> = quote_findings
        .iter()
        .filter(|f| f.kind == FindingKind::QuoteDrift)
        .collect();
    let breadth = |files: &mut dyn Iterator<Item = usize>| files.collect::<BTreeSet<_>>().len();
    // (agreement before disagreement is worse: a group whose values
    // disagree first; sources spanned, most first; figures before
    // quotations; position)
    let mut ranked: Vec<(bool, std::cmp::Reverse<usize>, usize, usize)> = groups
        .iter()
        .enumerate()
        .map(|(at, g)| {
            let spanned = breadth(&mut g.iter().map(|&i| items[i].source));
            (
                !group::disagrees(&items, g),
                std::cmp::Reverse(spanned),
                0,
                at,
            )
        })
        .chain(quotes.iter().enumerate().map(|(at, f)| {
            let spanned = breadth(&mut f.labels.iter().map(|l| l.file));
            (false, std::cmp::Reverse(spanned), 1, at)
        }))
        .collect();
    let found = ranked.len();
    ranked.sort_unstable();
    ranked.truncate(max_proposals);
    let chosen: BTreeSet<(usize, usize)> = ranked.iter().map(|&(_, _, k, at)| (k, at)).collect();

    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut drafts = Vec::new();
    let in_group: Vec<Option<usize>> = {
        let mut of = vec![None; items.len()];
        for (g, members) in groups.iter().enumerate() {
            for &i in members {
                of[i] = Some(g);
            }
        }
        of
    };
    for (at, g) in groups.iter().enumerate() {
        if !chosen.contains(&(0, at)) {
            continue;
        }
        // Counter-examples: values of the same kind outside the group,
        // those of other groups first (the likeliest to be confused).
        let kind = items[g[0]].kind;
        let mut others: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].kind == kind && in_group[i] != Some(at))
            .collect();
        others.sort_by_key(|&i| (in_group[i].is_none(), i));
        drafts.push(proposal::draft(
            corpus, &entities, &items, g, &others, &mut ids,
        ));
    }
    for (at, f) in quotes.iter().enumerate() {
        if chosen.contains(&(1, at)) {
            drafts.extend(quote::draft(corpus, f, &mut ids));
        }
    }
    let proposed = drafts.len();
    let mut header = String::from(
        "# Facts proposed by `factlint discover`: values several sources state, grouped\n# by the entities and cue words around them, and quotations whose wording\n# drifted. Every example below passes `factlint test`. Rename the ids, describe\n# each fact, add anchors, vetoes and counter-examples, then run `factlint test`\n# and `factlint explain FACT PATH` to see why each value was taken.\n",
    );
    if found > max_proposals {
        let _ = writeln!(
            header,
            "# {max_proposals} of {found} proposals: those whose values disagree, then those\n# spanning the most sources (--max-proposals N proposes more)."
        );
    }
    let checked = verify::checked(&entities.list, drafts);
    if checked.dropped_facts > 0 || checked.dropped_examples > 0 {
        let _ = writeln!(
            header,
            "# Left out: {} of {proposed} proposals and {} examples, which the proposed\n# facts did not read as proposed.",
            checked.dropped_facts, checked.dropped_examples
        );
    }
    render::render(&header, &entities.list, &checked.drafts)
}
