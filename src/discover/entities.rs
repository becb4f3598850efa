//! The story's entities, as `discover` sees them: names written with
//! capitals that several sources use. A fact proposal names one as what it
//! is `about`, so the names must be ones outlets share ("Reed Hastings",
//! "Netflix"), not one outlet's turn of phrase.
//!
//! A name is a run of capitalised words (at most [`MAX_NAME_WORDS`]); a
//! single capitalised word at the start of a sentence says nothing (every
//! sentence starts with one) unless the same word is capitalised elsewhere.
//! A two-word name whose last word is also used alone ("Hastings") takes it
//! as a second name: the surname outlets use after the first mention.

use crate::corpus::Corpus;
use crate::text::{self, Token};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Longer runs of capitals are headlines or titles, not names.
const MAX_NAME_WORDS: usize = 3;

/// Capitalised words that are not names: sentence openers, months, days.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "of",
    "to",
    "as",
    "and",
    "but",
    "or",
    "if",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "after",
    "before",
    "since",
    "while",
    "when",
    "what",
    "which",
    "who",
    "according",
    "also",
    "however",
    "meanwhile",
    "moreover",
    "mr",
    "mrs",
    "ms",
    "dr",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "read",
    "more",
    "photo",
    "image",
    "date",
];

/// Someone or something several sources name.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// A valid rule id: the slug of its first name.
    pub id: String,
    /// As written, the full name first.
    pub names: Vec<String>,
    /// Each name as folded words, for matching tokens.
    folded: Vec<Vec<String>>,
    /// How many sources name it.
    pub sources: usize,
}

/// The story's entities, and a lookup from a token to the names that may
/// start there.
pub struct Entities {
    pub list: Vec<Entity>,
    /// First folded word -> (entity, name).
    starts: HashMap<String, Vec<(usize, usize)>>,
}

impl Entities {
    /// The entities named by several sources of `corpus`.
    pub fn find(corpus: &Corpus) -> Entities {
        // folded name -> (sources, written forms with counts, seen not at
        // a sentence start)
        let mut seen: BTreeMap<Vec<String>, Seen> = BTreeMap::new();
        for (s, source) in corpus.sources.iter().enumerate() {
            let text: &str = &source.plain;
            for sentence in text::sentences(text) {
                let tokens = text::tokens(text, sentence.span.clone());
                let mut found = runs(text, &tokens);
                // "Then Hastings quit": an opener may be an ordinary word.
                let openers: Vec<(usize, usize)> = found
                    .iter()
                    .filter(|&&(start, end)| end - start > 1 && opens_sentence(&tokens, start))
                    .map(|&(start, end)| (start + 1, end))
                    .collect();
                found.extend(openers);
                for (start, end) in found {
                    let words: Vec<String> = tokens[start..end]
                        .iter()
                        .map(|t| t.folded.clone())
                        .collect();
                    let written = text[tokens[start].span.start..tokens[end - 1].span.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let e = seen.entry(words).or_default();
                    e.sources.insert(s);
                    *e.written.entry(written).or_default() += 1;
                    e.inside |= !opens_sentence(&tokens, start);
                }
            }
        }
        let shared: BTreeMap<Vec<String>, (usize, String)> = seen
            .into_iter()
            .filter(|(words, e)| e.sources.len() >= 2 && (words.len() > 1 || e.inside))
            .map(|(words, e)| {
                let written = e
                    .written
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(w, _)| w.clone())
                    .unwrap_or_default();
                (words, (e.sources.len(), written))
            })
            .collect();
        Entities::from_names(shared)
    }

    /// Groups names into entities: a two-word name takes its last word as a
    /// second name when that word is used alone.
    fn from_names(shared: BTreeMap<Vec<String>, (usize, String)>) -> Entities {
        let mut list: Vec<Entity> = Vec::new();
        let mut taken: BTreeSet<&Vec<String>> = BTreeSet::new();
        // Longer names first, so that "Reed Hastings" claims "Hastings".
        let mut order: Vec<&Vec<String>> = shared.keys().collect();
        order.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let mut ids = BTreeSet::new();
        for words in order {
            if taken.contains(words) {
                continue;
            }
            let (sources, written) = &shared[words];
            let mut entity = Entity {
                id: super::render::fact_id(written, &mut ids),
                names: vec![written.clone()],
                folded: vec![words.clone()],
                sources: *sources,
            };
            // A surname, not an acronym: "Inbox API" is not "API".
            let surname = written
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().any(char::is_lowercase));
            if words.len() == 2 && surname {
                let last = vec![words[1].clone()];
                if let Some((n, alone)) = shared.get_key_value(&last) {
                    if !taken.contains(n) {
                        taken.insert(n);
                        entity.names.push(alone.1.clone());
                        entity.folded.push(last);
                        entity.sources = entity.sources.max(alone.0);
                    }
                }
            }
            taken.insert(words);
            list.push(entity);
        }
        list.sort_by(|a, b| a.id.cmp(&b.id));
        let mut starts: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (e, entity) in list.iter().enumerate() {
            for (n, words) in entity.folded.iter().enumerate() {
                starts.entry(words[0].clone()).or_default().push((e, n));
            }
        }
        Entities { list, starts }
    }

    /// The entities named in `tokens`, in index order.
    pub fn named_in(&self, tokens: &[Token]) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(names) = self.starts.get(&t.folded) else {
                continue;
            };
            for &(e, n) in names {
                let words = &self.list[e].folded[n];
                let fits = tokens[i..].len() >= words.len()
                    && words.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.folded);
                if fits {
                    out.insert(e);
                }
            }
        }
        out
    }
}

#[derive(Default)]
struct Seen {
    sources: BTreeSet<usize>,
    written: BTreeMap<String, usize>,
    /// Seen somewhere other than the first word of a sentence.
    inside: bool,
}

/// Whether the token at `at` is the first word of its sentence (after any
/// opening quotes or brackets).
fn opens_sentence(tokens: &[Token], at: usize) -> bool {
    tokens[..at].iter().all(|t| !t.word)
}

/// The runs of capitalised name words in a sentence, as token ranges.
fn runs(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let is_name = |t: &Token| {
        t.word
            && text[t.span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && t.folded.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !NOT_NAMES.contains(&t.folded.as_str())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() && is_name(&tokens[end]) {
            end += 1;
        }
        if end - i <= MAX_NAME_WORDS {
            out.push((i, end));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(texts: &[&str]) -> Vec<Vec<String>> {
        let mut files = crate::files::Files::new();
        let corpus = Corpus::from_texts(
            &mut files,
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("{i}.txt"), t.to_string()))
                .collect(),
        );
        Entities::find(&corpus)
            .list
            .into_iter()
            .map(|e| e.names)
            .collect()
    }

    #[test]
    fn shared_names_with_their_surnames() {
        let found = names(&[
            "Netflix co-founder Reed Hastings joined the board. Hastings left in 2019.",
            "The board gained Reed Hastings, of Netflix, in 2011. Then Hastings quit.",
        ]);
        assert_eq!(
            found,
            vec![
                vec!["Netflix".to_string()],
                vec!["Reed Hastings".to_string(), "Hastings".to_string()],
            ]
        );
    }

    #[test]
    fn one_source_or_a_sentence_opener_is_not_a_name() {
        // "Analysts" opens a sentence in both; "Acme" is in one source only.
        let found = names(&["Analysts said Acme grew.", "Analysts agreed."]);
        assert!(found.is_empty(), "{found:?}");
    }
}
