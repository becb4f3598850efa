//! A proposed fact before it is written: what it is about, its cue words,
//! and the sentences it is meant to read, each with the value it was
//! proposed for. [`super::verify`] runs the real extractor on them before
//! anything is written.

use super::entities::Entities;
use super::items::Item;
use crate::corpus::Corpus;
use crate::value::DateSpan;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// At most this many cue words per fact: the ones that cover the group.
const MAX_CUES: usize = 4;

/// The statements one proposal lists at most: a figure stated by
/// thousands of articles needs a few examples of each value, not
/// thousands.
pub const MAX_EXAMPLES: usize = 12;

/// Counter-examples per proposal: sentences with a value of the same kind
/// that the fact must leave alone.
const MAX_COUNTER_EXAMPLES: usize = 2;

/// One proposed fact.
#[derive(Clone, Debug)]
pub struct Draft {
    pub id: String,
    pub description: String,
    pub kind: &'static str,
    pub how: How,
    /// Entities its sentences name besides its subject: written as
    /// entities too, ready for `about`.
    pub nearby: Vec<usize>,
    /// Comment lines written before the examples (without `# `).
    pub notes: Vec<String>,
    pub examples: Vec<ExampleDraft>,
}

/// How the fact finds its value.
#[derive(Clone, Debug)]
pub enum How {
    /// The sentence form: a subject (an entity index) and cue words.
    Near {
        about: Option<usize>,
        cues: Vec<String>,
    },
    /// A quotation's wordings: a regex pattern and its categories.
    Choice {
        pattern: String,
        choices: Vec<(String, String)>,
    },
}

/// A sentence of a proposal, with what the fact should extract from it.
#[derive(Clone, Debug)]
pub struct ExampleDraft {
    pub text: String,
    /// As the manifest writes it, and as read.
    pub published: Option<(String, DateSpan)>,
    /// The values to write; empty for a counter-example.
    pub values: Vec<String>,
    /// Where in `text` the value the example was taken for is; `None` for
    /// a counter-example.
    pub intended: Option<Range<usize>>,
    /// Whether its values were already set from what the fact extracts.
    pub corrected: bool,
}

impl ExampleDraft {
    /// The sentence around an item, with the item's words as its value.
    fn of_item(corpus: &Corpus, item: &Item) -> ExampleDraft {
        let source = &corpus.sources[item.source];
        let start = item.sentence.start;
        ExampleDraft {
            text: source.plain[item.sentence.clone()].to_string(),
            published: published(corpus, item.source),
            values: vec![source.plain[item.span.clone()].to_string()],
            intended: Some(item.span.start - start..item.span.end - start),
            corrected: false,
        }
    }
}

/// A source's publication date, written and read, for relative dates.
pub fn published(corpus: &Corpus, source: usize) -> Option<(String, DateSpan)> {
    let meta = &corpus.sources[source].meta;
    Some((meta.published_text.clone()?, meta.published.clone()?))
}

/// The fact a group of items proposes. `others` are items of the same
/// kind outside the group, for counter-examples.
pub fn draft(
    corpus: &Corpus,
    entities: &Entities,
    items: &[Item],
    group: &[usize],
    others: &[usize],
    ids: &mut std::collections::BTreeSet<String>,
) -> Draft {
    let first = &items[group[0]];
    let cues = cover(items, group);
    let about = subject(entities, items, group);
    let subject_name = about.map(|e| entities.list[e].names[0].as_str());
    let id = super::render::fact_id(
        &format!(
            "{}-{}-{}",
            about.map_or("", |e| entities.list[e].id.as_str()),
            cues.first().map_or("", String::as_str),
            first.kind
        ),
        ids,
    );
    let quoted: Vec<String> = cues.iter().map(|c| format!("“{c}”")).collect();
    let description = match subject_name {
        Some(name) => format!(
            "TODO: the {} said with {} (about {name})",
            first.kind,
            quoted.join(", ")
        ),
        None => format!("TODO: the {} said with {}", first.kind, quoted.join(", ")),
    };
    let (listed, more) = sample(items, group);
    let mut notes: Vec<String> = listed
        .iter()
        .map(|&i| {
            let it = &items[i];
            let source = &corpus.sources[it.source];
            format!(
                "{}: {:?} = {}",
                source.path,
                &source.plain[it.span.clone()],
                it.value
            )
        })
        .collect();
    if more > 0 {
        notes.push(format!(
            "and {more} more statements of this figure, not listed"
        ));
    }
    let nearby = also_named(items, group, about);
    if !nearby.is_empty() {
        let ids: Vec<&str> = nearby
            .iter()
            .map(|&e| entities.list[e].id.as_str())
            .collect();
        notes.push(format!(
            "also named with these values (entities above): {}",
            ids.join(", ")
        ));
    }
    // One example per sentence: a sentence with two of the group's values
    // is one example with both.
    let mut examples: Vec<ExampleDraft> = Vec::new();
    let mut by_sentence: HashMap<(usize, usize), usize> = HashMap::new();
    for &i in &listed {
        let it = &items[i];
        match by_sentence.get(&(it.source, it.sentence.start)) {
            Some(&at) => {
                let source = &corpus.sources[it.source];
                examples[at]
                    .values
                    .push(source.plain[it.span.clone()].to_string());
            }
            None => {
                by_sentence.insert((it.source, it.sentence.start), examples.len());
                examples.push(ExampleDraft::of_item(corpus, it));
            }
        }
    }
    let shown: std::collections::BTreeSet<&str> =
        examples.iter().map(|e| e.text.as_str()).collect();
    let mut counters: Vec<ExampleDraft> = Vec::new();
    for &o in others {
        if counters.len() == MAX_COUNTER_EXAMPLES {
            break;
        }
        let mut e = ExampleDraft::of_item(corpus, &items[o]);
        if shown.contains(e.text.as_str()) || counters.iter().any(|c| c.text == e.text) {
            continue;
        }
        e.values.clear();
        e.intended = None;
        counters.push(e);
    }
    examples.extend(counters);
    Draft {
        id,
        description,
        kind: first.kind,
        how: How::Near { about, cues },
        nearby,
        notes,
        examples,
    }
}

/// The cue words of a group: the stems most of its values have,
/// then greedily the stem that covers most of the values left (nearest on
/// a tie), until every value has one or [`MAX_CUES`] are chosen. Each stem is written
/// in its shortest form seen ("spend" rather than "spending").
fn cover(items: &[Item], group: &[usize]) -> Vec<String> {
    // stem -> (values holding it, total distance, shortest form)
    let mut stems: BTreeMap<&str, (Vec<usize>, usize, &str)> = BTreeMap::new();
    for &i in group {
        for c in &items[i].cues {
            let e = stems
                .entry(c.stem.as_str())
                .or_insert((Vec::new(), 0, c.word.as_str()));
            e.0.push(i);
            e.1 += c.distance;
            if c.word.len() < e.2.len() || (c.word.len() == e.2.len() && c.word.as_str() < e.2) {
                e.2 = c.word.as_str();
            }
        }
    }
    // Stems most of the values share come first, most shared first:
    // "spend" beside "ad", not one word alone.
    let mut common: Vec<(&str, usize, usize)> = stems
        .iter()
        .filter(|(_, (holders, ..))| 2 * holders.len() > group.len())
        .map(|(stem, (holders, distance, _))| (*stem, holders.len(), *distance))
        .collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(b.0)));
    let mut uncovered: std::collections::BTreeSet<usize> = group.iter().copied().collect();
    let mut chosen = Vec::new();
    for (stem, ..) in common.into_iter().take(MAX_CUES) {
        if let Some((holders, _, word)) = stems.remove(stem) {
            for i in holders {
                uncovered.remove(&i);
            }
            chosen.push(word.to_string());
        }
    }
    while !uncovered.is_empty() && chosen.len() < MAX_CUES {
        let best = stems
            .iter()
            .filter(|(_, (holders, ..))| holders.iter().any(|i| uncovered.contains(i)))
            .max_by(|a, b| {
                let gain = |h: &Vec<usize>| h.iter().filter(|i| uncovered.contains(i)).count();
                gain(&a.1 .0)
                    .cmp(&gain(&b.1 .0))
                    .then(b.1 .1.cmp(&a.1 .1))
                    .then(b.0.cmp(a.0))
            })
            .map(|(stem, _)| *stem);
        let Some(stem) = best else { break };
        let (holders, _, word) = stems.remove(stem).unwrap_or_default();
        for i in holders {
            uncovered.remove(&i);
        }
        chosen.push(word.to_string());
    }
    chosen
}

/// What the group is about: of the entities every one of its sentences
/// names, the one the most sources name (the story's main players carry
/// over to other articles best); none when no entity is in every sentence.
fn subject(entities: &Entities, items: &[Item], group: &[usize]) -> Option<usize> {
    let mut common = items[group[0]].entities.clone();
    for &i in &group[1..] {
        common.retain(|e| items[i].entities.contains(e));
    }
    common.into_iter().max_by(|&a, &b| {
        entities.list[a]
            .sources
            .cmp(&entities.list[b].sources)
            .then(b.cmp(&a))
    })
}

/// Other entities named in at least half of the group's sentences: hints
/// for the rule author, who may add one to `about`.
fn also_named(items: &[Item], group: &[usize], about: Option<usize>) -> Vec<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in group {
        for &e in &items[i].entities {
            *counts.entry(e).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(e, n)| Some(e) != about && 2 * n >= group.len())
        .map(|(e, _)| e)
        .collect()
}

/// The statements of a group a proposal lists: all of them up to
/// [`MAX_EXAMPLES`]; beyond, the first of each value, then the next of
/// each..., kept in text order. Also how many are left out.
fn sample(items: &[Item], group: &[usize]) -> (Vec<usize>, usize) {
    if group.len() <= MAX_EXAMPLES {
        return (group.to_vec(), 0);
    }
    let mut rank: HashMap<&Vec<String>, usize> = HashMap::new();
    let mut order: Vec<(usize, usize)> = group
        .iter()
        .map(|&i| {
            let r = rank.entry(&items[i].keys).or_default();
            *r += 1;
            (*r, i)
        })
        .collect();
    order.sort_unstable();
    let mut listed: Vec<usize> = order[..MAX_EXAMPLES].iter().map(|&(_, i)| i).collect();
    listed.sort_unstable();
    (listed, group.len() - MAX_EXAMPLES)
}
