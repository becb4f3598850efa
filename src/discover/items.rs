//! The values `discover` starts from: every amount, count of people and
//! date in every source, with what it is about: the cue words next to it
//! ("spent", "fined", "joined") and the story's entities its sentence
//! names. Values are grouped by these, not by kind alone.

use super::entities::Entities;
use crate::corpus::Corpus;
use crate::figures::{self, Measure};
use crate::text::{self, Token};
use crate::value::{date, Reading};
use regex::{Regex, RegexBuilder};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// How far from a value a word may be, in words, to be one of its cues.
pub const CUE_REACH: usize = 5;

/// Words that say nothing about what a value is: function words, and the
/// words of values themselves.
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
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "tens",
    "last",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "including",
    "included",
    "alone",
    "annually",
    "yearly",
    "around",
    "nearly",
    "almost",
    "least",
    "just",
    "only",
    "early",
    "late",
    "will",
    "would",
    "may",
    "might",
    "reportedly",
    "allegedly",
    "reported",
    "according",
    "earlier",
    "later",
    "ago",
    "this",
    "next",
    "first",
    "second",
    "third",
    "percent",
    "cent",
    "out",
    "there",
    "here",
    "him",
    "she",
    "our",
    "we",
    "you",
    "it",
    "is",
    "be",
    "by",
    "in",
    "on",
    "at",
    "of",
    "to",
    "an",
    "as",
    "or",
    "if",
    "so",
    "up",
    "no",
    "us",
    "me",
    "my",
    "he",
    "more",
    "less",
    "fewer",
    "total",
    "approximately",
    "roughly",
    "some",
    "another",
];

/// Verbs of reporting: they say who states a value, not what it is ("the
/// lawsuit alleges", "a spokesperson said"). Compared by stem.
const REPORTING: &[&str] = &[
    "allege", "claim", "say", "state", "tell", "add", "report", "reveal", "note", "write",
    "explain", "suggest", "argue", "insist", "confirm", "deny", "describe", "mention", "show",
    "accord", "cite", "quote", "continue", "accuse",
];

static REPORTING_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    REPORTING
        .iter()
        .map(|w| crate::text::forms::stem(w))
        .collect()
});

/// A value in one source, with what its sentence says about it.
pub struct Item {
    pub source: usize,
    /// The value's words, in the analysed text.
    pub span: Range<usize>,
    /// Its sentence, as the matcher cuts sentences.
    pub sentence: Range<usize>,
    /// The rule kind: `money`, `count` or `date`.
    pub kind: &'static str,
    /// Equality keys of the value (see `figures::Figure::keys`).
    pub keys: Vec<String>,
    /// The normalised value, readable.
    pub value: String,
    /// Content words near the value, nearest first.
    pub cues: Vec<Cue>,
    /// Story entities its sentence names.
    pub entities: BTreeSet<usize>,
}

/// A word near a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// What every form of the word shares ("spent" and "spend": "spend").
    pub stem: String,
    /// As written, lowercased.
    pub word: String,
    /// Words between it and the value.
    pub distance: usize,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&date::PATTERN.to_string())
        .case_insensitive(true)
        .build()
        .expect("the date pattern compiles")
});

/// Every value of every source, in source and text order.
pub fn items(corpus: &Corpus, entities: &Entities) -> Vec<Item> {
    let mut out = Vec::new();
    for (s, source) in corpus.sources.iter().enumerate() {
        let text: &str = &source.plain;
        let mut found = values(text, source.meta.published.as_ref());
        found.sort_by_key(|(span, ..)| (span.start, span.end));
        let sentences = text::sentences(text);
        for (span, kind, keys, value) in found {
            let at = sentences.partition_point(|x| x.span.end <= span.start);
            let Some(sentence) = sentences.get(at).map(|x| x.span.clone()) else {
                continue;
            };
            if sentence.start > span.start || span.end > sentence.end {
                continue; // across a sentence break: no sentence to show
            }
            let tokens = text::tokens(text, sentence.clone());
            out.push(Item {
                source: s,
                cues: cues(text, &tokens, &span),
                entities: entities.named_in(&tokens),
                span,
                sentence,
                kind,
                keys,
                value,
            });
        }
    }
    out
}

type Value = (Range<usize>, &'static str, Vec<String>, String);

/// Amounts, counts of people and dates with a digit in `text`.
fn values(text: &str, published: Option<&crate::value::DateSpan>) -> Vec<Value> {
    let mut found: Vec<Value> = figures::figures(0, text, true)
        .into_iter()
        .filter_map(|f| match f.measure {
            Measure::Money if counts_something(text, &f) => None,
            Measure::Money => Some((f.span, "money", f.keys, f.value)),
            // The number alone: "two plaintiffs" is the count "two", its
            // noun a cue.
            Measure::People(_) => {
                let number =
                    crate::value::find_all(crate::value::Kind::Count, &text[f.span.clone()])
                        .into_iter()
                        .next()?;
                let span = f.span.start + number.start..f.span.start + number.end;
                Some((span, "count", f.keys, f.value))
            }
            Measure::Percent => None, // no kind reads percentages yet
        })
        .collect();
    for m in DATE.find_iter(text) {
        if !m.as_str().chars().any(|c| c.is_ascii_digit()) {
            continue; // "last week": resolvable, but no anchor for a rule
        }
        if let Ok(Reading::Value(v)) = date::parse(m.as_str(), published) {
            found.push((m.range(), "date", vec![format!("date:{v}")], v.to_string()));
        }
    }
    found
}

/// Whether a round magnitude with no currency counts something other
/// than money: "millions of users", not "millions of dollars" or
/// "millions in fines".
fn counts_something(text: &str, f: &figures::Figure) -> bool {
    static OF_THINGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+of\s+(?:(?:u\.?s\.?|us|american|canadian|australian)\s+)?(?:dollars|euros|pounds|rupees|yen|\$|€|£)")
            .expect("valid")
    });
    let named = f.keys.iter().any(|k| !k.contains(":None:"));
    let after = &text[f.span.end..];
    !named && after.trim_start().starts_with("of ") && !OF_THINGS.is_match(&after.to_lowercase())
}

/// The content words within [`CUE_REACH`] words of `value`: lowercase
/// words (capitalised ones are names, which are entities), not stopwords,
/// not numbers, not the value's own words.
fn cues(text: &str, tokens: &[Token], value: &Range<usize>) -> Vec<Cue> {
    let first = tokens.partition_point(|t| t.span.end <= value.start);
    let last = tokens.partition_point(|t| t.span.start < value.end);
    let mut out = Vec::new();
    let mut look = |range: &mut dyn Iterator<Item = usize>| {
        let mut distance = 0;
        for i in range {
            let t = &tokens[i];
            if !t.word {
                continue;
            }
            if distance > CUE_REACH {
                break;
            }
            let written = &text[t.span.clone()];
            let content = written.chars().next().is_some_and(char::is_lowercase)
                && written.chars().all(char::is_alphabetic)
                && t.folded.chars().count() >= 2
                && !STOPWORDS.contains(&t.folded.as_str())
                && !REPORTING_STEMS.contains(&t.stem);
            if content {
                out.push(Cue {
                    stem: t.stem.clone(),
                    word: t.folded.clone(),
                    distance,
                });
            }
            distance += 1;
        }
    };
    look(&mut (0..first).rev());
    look(&mut (last..tokens.len()));
    out.sort_by(|a, b| a.distance.cmp(&b.distance).then(a.stem.cmp(&b.stem)));
    out.dedup_by(|b, a| a.stem == b.stem);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_the_content_words_near_the_value() {
        let text = "In 2017, Netflix agreed to spend $150 million on Facebook ads, the suit says.";
        let span = text.find("$150").unwrap()..text.find(" on").unwrap();
        let tokens = text::tokens(text, 0..text.len());
        let words: Vec<(String, usize)> = cues(text, &tokens, &span)
            .into_iter()
            .map(|c| (c.word, c.distance))
            .collect();
        assert_eq!(
            words,
            vec![
                ("spend".to_string(), 0),
                ("ads".to_string(), 2),
                ("agreed".to_string(), 2),
                ("suit".to_string(), 4),
            ]
        );
    }
}
