//! `factlint discover`: rule skeletons for a story that has no rules yet.
//!
//! Figures (amounts, round magnitudes, counts of people) and dates are
//! grouped by the words of their sentences: two figures whose sentences
//! share telling words are taken to be about the same thing: at least two
//! words, weighing together at least a fifth of the shorter sentence's
//! words, where a word weighs more the rarer it is among the figures'
//! sentences (in a story about Netflix, "Netflix" tells little). Words are
//! compared by their first five letters (so "spend" and "spending" meet),
//! and years count as words. A group that spans several sources with different values is
//! exactly what a rule should check, and becomes a fact skeleton: patterns
//! anchored on the shared words, and each sentence as an example. Drifted quotations become
//! `choice` skeletons with the wordings as categories. Everything proposed
//! is a starting point to edit and check with `factlint test`, not a rule to
//! trust as is.

use crate::corpus::Corpus;
use crate::figures::{self, Measure};
use crate::finding::{Finding, FindingKind};
use crate::value::{date, Reading};
use regex::{Regex, RegexBuilder};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

/// Words too common to tie two sentences together.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "was",
    "has",
    "had",
    "its",
    "but",
    "not",
    "are",
    "his",
    "her",
    "who",
    "how",
    "all",
    "any",
    "can",
    "did",
    "one",
    "two",
    "new",
    "out",
    "own",
    "per",
    "via",
    "yet",
    "also",
    "about",
    "according",
    "after",
    "also",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "does",
    "during",
    "each",
    "from",
    "have",
    "having",
    "into",
    "itself",
    "like",
    "more",
    "most",
    "much",
    "other",
    "over",
    "said",
    "says",
    "same",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "with",
    "would",
    "your",
    "million",
    "millions",
    "billion",
    "billions",
    "dollars",
    "last",
    "year",
    "years",
];

/// A figure or date in one source, with what its sentence talks about.
struct Item {
    source: usize,
    span: Range<usize>,
    sentence: Range<usize>,
    measure: &'static str,
    /// Equality keys of the value (see `figures::Figure::keys`).
    keys: Vec<String>,
    value: String,
    /// Content words of the sentence: stem -> a word as written.
    words: BTreeMap<String, String>,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}[\p{L}’'-]*|(?:19|20)\d\d").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&date::PATTERN.to_string())
        .case_insensitive(true)
        .build()
        .expect("the date pattern compiles")
});

fn content_words(text: &str, skip: &Range<usize>, offset: usize) -> BTreeMap<String, String> {
    WORD.find_iter(text)
        .filter(|m| !(offset + m.start() < skip.end && skip.start < offset + m.end()))
        .map(|m| m.as_str().to_lowercase().replace(['’', '\''], ""))
        .filter(|w| w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| (w.chars().take(5).collect::<String>(), w))
        .collect()
}

fn items(corpus: &Corpus) -> Vec<Item> {
    let mut out = Vec::new();
    for (s, source) in corpus.sources.iter().enumerate() {
        // Figures and dates in the analysed text: items keep its offsets.
        let text: &str = &source.plain;
        let mut found: Vec<(Range<usize>, &'static str, Vec<String>, String)> =
            figures::figures(s, text, true)
                .into_iter()
                .filter_map(|f| match f.measure {
                    Measure::Money => Some((f.span, "money", f.keys, f.value)),
                    Measure::People(_) => Some((f.span, "count", f.keys, f.value)),
                    Measure::Percent => None, // no kind reads percentages yet
                })
                .collect();
        for m in DATE.find_iter(text) {
            if !m.as_str().chars().any(|c| c.is_ascii_digit()) {
                continue; // "last week": resolvable, but no anchor for a rule
            }
            if let Ok(Reading::Value(v)) = date::parse(m.as_str(), source.meta.published.as_ref()) {
                found.push((m.range(), "date", vec![format!("date:{v}")], v.to_string()));
            }
        }
        for (span, measure, keys, value) in found {
            let sentence = figures::sentence(text, &span);
            let words = content_words(&text[sentence.clone()], &span, sentence.start);
            out.push(Item {
                source: s,
                span,
                sentence,
                measure,
                keys,
                value,
                words,
            });
        }
    }
    out
}

/// Groups of items about the same thing (see the module doc).
fn groups(items: &[Item]) -> Vec<Vec<usize>> {
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for stem in item.words.keys() {
            index
                .entry((item.measure, stem.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut per_measure: HashMap<&str, usize> = HashMap::new();
    for item in items {
        *per_measure.entry(item.measure).or_default() += 1;
    }
    // How telling a word is: rare words weigh more (inverse document
    // frequency among the sentences of figures of the same measure).
    let weight = |measure: &str, stem: &str| -> f64 {
        let df = index.get(&(measure, stem)).map_or(1, Vec::len) as f64;
        (per_measure[measure] as f64 / df).ln()
    };
    let total: Vec<f64> = items
        .iter()
        .map(|it| it.words.keys().map(|w| weight(it.measure, w)).sum())
        .collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Item by item, the later items it shares words with: a pair's totals
    // live only while its first item is looked at, so memory stays linear
    // (a map of every pair took gigabytes on 10,000 articles).
    let mut shared: HashMap<usize, (usize, f64)> = HashMap::new();
    for (a, item) in items.iter().enumerate() {
        shared.clear();
        for stem in item.words.keys() {
            let key = (item.measure, stem.as_str());
            let holders = &index[&key];
            if holders.len() > 200 {
                continue; // keeps the pairing from going quadratic on huge corpora
            }
            let w = weight(key.0, key.1);
            let later = holders.partition_point(|&b| b <= a);
            for &b in &holders[later..] {
                let e = shared.entry(b).or_default();
                e.0 += 1;
                e.1 += w;
            }
        }
        for (&b, &(n, w)) in &shared {
            if n >= 2 && w >= 0.2 * total[a].min(total[b]) {
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
            let values: BTreeSet<&Vec<String>> = g.iter().map(|&i| &items[i].keys).collect();
            sources.len() >= 2 && values.len() >= 2
        })
        .collect()
}

/// A valid, unused fact id from `words`: lowercase ASCII letters, digits
/// and dashes, starting with a letter.
fn fact_id(words: &str, ids: &mut BTreeSet<String>) -> String {
    let mut slug = String::new();
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let mut id = if slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.to_string()
    } else {
        format!("fact-{slug}")
    };
    let base = id.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How many rule skeletons `discover` proposes unless told otherwise.
pub const DEFAULT_MAX_PROPOSALS: usize = 50;

/// The statements (value comments and examples) one skeleton lists at
/// most: a figure stated by thousands of articles needs a few examples of
/// each value, not thousands.
const MAX_EXAMPLES: usize = 12;

/// The proposed rules, as a TOML document: at most `max_proposals`
/// skeletons, those spanning the most sources, in the order found.
/// Linear in the corpus: candidate pairs come from a bounded word index and
/// each skeleton lists a bounded sample of its statements.
pub fn discover(corpus: &Corpus, quote_findings: &[Finding], max_proposals: usize) -> String {
    let items = items(corpus);
    let groups = groups(&items);
    let quotes: Vec<&Finding> = quote_findings
        .iter()
        .filter(|f| f.kind == FindingKind::QuoteDrift)
        .collect();
    let breadth = |files: &mut dyn Iterator<Item = usize>| files.collect::<BTreeSet<_>>().len();
    // (sources spanned, figures before quotations, position): best first.
    let mut ranked: Vec<(std::cmp::Reverse<usize>, usize, usize)> = groups
        .iter()
        .enumerate()
        .map(|(at, g)| {
            let spanned = breadth(&mut g.iter().map(|&i| items[i].source));
            (std::cmp::Reverse(spanned), 0, at)
        })
        .chain(quotes.iter().enumerate().map(|(at, f)| {
            let spanned = breadth(&mut f.labels.iter().map(|l| l.file));
            (std::cmp::Reverse(spanned), 1, at)
        }))
        .collect();
    let found = ranked.len();
    ranked.sort_unstable();
    ranked.truncate(max_proposals);
    let chosen: BTreeSet<(usize, usize)> = ranked.iter().map(|&(_, k, at)| (k, at)).collect();

    let mut out = String::from(
        "# Rule skeletons proposed by `factlint discover`: figures, dates and quotations\n# that several sources state differently. Edit the ids, descriptions and\n# patterns, add a counter-example to each fact, then run `factlint test`.\n",
    );
    if found > max_proposals {
        let _ = writeln!(
            out,
            "# {max_proposals} of {found} proposals: the ones spanning the most sources\n# (--max-proposals N proposes more)."
        );
    }
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (at, group) in groups.iter().enumerate() {
        if chosen.contains(&(0, at)) {
            out.push_str(&fact_skeleton(corpus, &items, group, &mut ids));
        }
    }
    for (at, f) in quotes.iter().enumerate() {
        if chosen.contains(&(1, at)) {
            out.push_str(&quote_skeleton(corpus, f, &mut ids));
        }
    }
    out
}

/// A fact skeleton for one group of figures or dates.
fn fact_skeleton(
    corpus: &Corpus,
    items: &[Item],
    group: &[usize],
    ids: &mut BTreeSet<String>,
) -> String {
    let mut out = String::new();
    let (listed, more) = sample(items, group);
    // The words most sentences of the group share.
    let mut counts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for &i in group {
        for (stem, word) in &items[i].words {
            let e = counts.entry(stem.as_str()).or_insert((0, word.as_str()));
            e.0 += 1;
        }
    }
    let mut common: Vec<(usize, &str)> =
        counts.values().copied().filter(|(n, _)| *n >= 2).collect();
    common.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let keywords: Vec<&str> = common.iter().take(4).map(|(_, w)| *w).collect();
    let first = &items[group[0]];
    let id = fact_id(
        &format!(
            "{}-{}",
            keywords
                .iter()
                .take(3)
                .copied()
                .collect::<Vec<_>>()
                .join("-"),
            first.measure
        ),
        ids,
    );
    let alternation = keywords
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    let _ = write!(out, "\n[[fact]]\nid = {}\n", toml_string(&id));
    let _ = writeln!(
        out,
        "description = {}",
        toml_string(&format!(
            "TODO: the {} mentioned with {}",
            first.measure,
            keywords.join(", ")
        ))
    );
    let _ = writeln!(out, "kind = {:?}", first.measure);
    let _ = writeln!(out, "patterns = [\n  '''(?:{alternation}){{gap:80}}{{value}}''',\n  '''{{value}}{{gap:80}}(?:{alternation})''',\n]");
    for &i in &listed {
        let it = &items[i];
        let source = &corpus.sources[it.source];
        let _ = writeln!(
            out,
            "# {}: {:?} = {}",
            source.path,
            &source.plain[it.span.clone()],
            it.value
        );
    }
    for &i in &listed {
        let it = &items[i];
        let source = &corpus.sources[it.source];
        let _ = write!(
            out,
            "\n[[fact.example]]\ntext = {}\n",
            toml_string(&source.plain[it.sentence.clone()])
        );
        if let Some(p) = &source.meta.published_text {
            let _ = writeln!(out, "published = {}", toml_string(p));
        }
        let _ = writeln!(
            out,
            "values = [{}]",
            toml_string(&source.plain[it.span.clone()])
        );
    }
    if more > 0 {
        let _ = writeln!(
            out,
            "\n# and {more} more statements of this figure, not listed"
        );
    }
    out
}

/// The statements of a group a skeleton lists: all of them up to
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

/// A `choice` fact whose categories are the wordings of a drifted
/// quotation, anchored on the words around the first difference.
fn quote_skeleton(corpus: &Corpus, f: &Finding, ids: &mut BTreeSet<String>) -> String {
    let text_of = |file: usize| corpus.sources.iter().find(|s| s.file == file);
    let Some(first) = f.labels.first() else {
        return String::new();
    };
    let Some(source) = text_of(first.file) else {
        return String::new();
    };
    // The wordings, from the labels that quote words.
    let mut wordings: BTreeMap<String, Vec<(usize, Range<usize>)>> = BTreeMap::new();
    for l in &f.labels {
        if l.message.starts_with("quoted as") {
            if let Some(s) = text_of(l.file) {
                wordings
                    .entry(s.words(l.span.clone()).to_lowercase())
                    .or_default()
                    .push((l.file, l.span.clone()));
            }
        }
    }
    if wordings.len() < 2 {
        return String::new();
    }
    let before: Vec<&str> = WORD
        .find_iter(&source.plain[..source.map.to_plain(first.span.clone()).start])
        .map(|m| m.as_str())
        .collect();
    let anchor = before
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join(r"\W+");
    let id = fact_id(
        &format!("quote-{}", f.fact.trim_start_matches("quote:")),
        ids,
    );
    let mut out = format!("\n[[fact]]\nid = {}\n", toml_string(&id));
    let _ = writeln!(
        out,
        "description = {}",
        toml_string("TODO: the wording of a quoted passage")
    );
    let _ = writeln!(
        out,
        "kind = \"choice\"\npatterns = ['''{anchor}\\W+{{value}}''']\n\n[fact.choices]"
    );
    for (i, w) in wordings.keys().enumerate() {
        let phrase = w
            .split_whitespace()
            .map(regex::escape)
            .collect::<Vec<_>>()
            .join(r"\s+");
        let _ = writeln!(
            out,
            "{} = ['''{phrase}''']",
            toml_string(&format!("wording {}", i + 1))
        );
    }
    for (i, uses) in wordings.values().enumerate() {
        for (file, span) in uses {
            if let Some(s) = text_of(*file) {
                let sentence = figures::sentence(&s.plain, &s.map.to_plain(span.clone()));
                let _ = write!(
                    out,
                    "\n[[fact.example]]\ntext = {}\nvalues = [{}]\n",
                    toml_string(&s.plain[sentence]),
                    toml_string(&format!("wording {}", i + 1))
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_and_unique() {
        let mut ids = BTreeSet::new();
        assert_eq!(
            fact_id("2022-data-Ireland", &mut ids),
            "fact-2022-data-ireland"
        );
        assert_eq!(fact_id("netflix’s spend", &mut ids), "netflix-s-spend");
        assert_eq!(fact_id("netflix’s spend", &mut ids), "netflix-s-spend-2");
        assert_eq!(fact_id("données", &mut ids), "donn-es");
    }
}
