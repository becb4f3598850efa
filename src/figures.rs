//! Figures: the amounts of money, percentages and counts of people an
//! article states, found without rules.
//!
//! Single-source figures (FL302) are the editor's checklist of what no
//! other outlet corroborates. Corroboration is strict about the value:
//! another source must state the same value (an amount in a shared currency,
//! the same count of people, whatever it calls them), because "millions of
//! users" does not confirm "500 million users". Round magnitudes are not figures, and a figure a
//! rule's fact already covers is left to that fact's findings.
//! `factlint discover` uses the same figures to propose rules.

use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::finding::{Finding, FindingKind, Label, Severity};
use crate::value::{count, money};
use regex::{Regex, RegexBuilder};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

/// `[figures]` in factlint.toml.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub enabled: bool,
    pub severity: Severity,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            severity: Severity::Note,
        }
    }
}

/// What a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    Money,
    Percent,
    /// People of a kind, singular: "user", "citizen".
    People(String),
}

/// One figure in one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub source: usize,
    pub span: Range<usize>,
    pub measure: Measure,
    /// Equality keys: two figures corroborate each other when they share
    /// one. An amount in two currencies has a key per currency.
    pub keys: Vec<String>,
    /// The normalised value, readable.
    pub value: String,
}

const PEOPLE: &str = "users|people|customers|subscribers|employees|workers|members|accounts|voters|students|children|citizens|residents|patients|viewers|readers|staff|profiles|plaintiffs";

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:\.\d+)?)\s?(?:%|percent(?-u:\b)|per cent(?-u:\b))").expect("valid")
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!(
        r"(?P<n>{})\s+(?:[\p{{L}}.’'-]+\s+){{0,2}}?(?P<noun>{PEOPLE})(?-u:\b)",
        *count::PATTERN
    ))
    .case_insensitive(true)
    .build()
    .expect("the count pattern compiles")
});

/// Every figure in `text` (source number `source`), in text order. Round
/// magnitudes ("hundreds of millions of dollars") are included only when
/// `round` is set: they are values, but not figures anyone corroborates.
pub fn figures(source: usize, text: &str, round: bool) -> Vec<Figure> {
    let has_number = |s: &str| round || s.chars().any(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    let money = crate::value::finder(crate::value::Kind::Money).expect("money has a reader");
    for m in money.find_iter(text) {
        if !has_number(m.as_str()) {
            continue; // a round magnitude
        }
        if let Ok(v) = money::parse(m.as_str()) {
            let keys = v
                .amounts
                .iter()
                .map(|a| format!("money:{:?}:{:?}", a.currency, a.value))
                .collect();
            out.push(Figure {
                source,
                span: m.range(),
                measure: Measure::Money,
                keys,
                value: v.to_string(),
            });
        }
    }
    for c in PERCENT.captures_iter(text) {
        let (Some(m), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        out.push(Figure {
            source,
            span: m.range(),
            measure: Measure::Percent,
            keys: vec![format!("percent:{}", n.as_str())],
            value: format!("{}%", n.as_str()),
        });
    }
    for c in COUNT.captures_iter(text) {
        let (Some(m), Some(n), Some(noun)) = (c.get(0), c.name("n"), c.name("noun")) else {
            continue;
        };
        let words = n.as_str();
        let vague = !has_number(words)
            && !words
                .split_whitespace()
                .any(|w| count::parse(w).is_ok_and(|i| i.is_point()));
        if vague
            || out
                .iter()
                .any(|f: &Figure| f.span.start < m.end() && m.start() < f.span.end)
        {
            continue;
        }
        let Ok(v) = count::parse(words) else { continue };
        let noun = noun.as_str().to_lowercase();
        let singular = noun
            .strip_suffix("ren")
            .map(|s| s.to_string())
            .unwrap_or_else(|| noun.trim_end_matches('s').to_string());
        out.push(Figure {
            source,
            span: m.range(),
            measure: Measure::People(singular.clone()),
            // By number alone: "two plaintiffs" and "two U.S. citizens" are
            // the same two people.
            keys: vec![format!("people:{v:?}")],
            value: format!("{v} {noun}"),
        });
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// Whether the character at byte `i` of `text` ends a sentence: a line
/// break, or `.`, `!` or `?` followed by whitespace (or the end), except the
/// period of an initial or abbreviation like "U.S." or "Mr.".
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    if c == '\n' {
        return true;
    }
    if !matches!(c, '.' | '!' | '?')
        || !text[i + 1..].chars().next().is_none_or(char::is_whitespace)
    {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word = text[..i]
        .rsplit(|ch: char| ch.is_whitespace())
        .next()
        .unwrap_or("");
    let initial = word.trim_start_matches(|ch: char| !ch.is_alphanumeric());
    let abbreviation = initial.chars().count() == 1 && initial.chars().all(char::is_uppercase)
        || initial.contains('.')
        || matches!(
            initial,
            "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr" | "vs" | "Inc" | "Co" | "Corp" | "Ltd"
        );
    !abbreviation
}

/// The sentence around `span`: what an editor reads to judge the figure.
pub fn sentence(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end..]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, span.end + i, c))
        .map_or(text.len(), |(i, c)| {
            span.end + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    start + lead..end
}

/// FL302 findings: figures no other source states.
/// Copies of one wire story count as one source.
pub fn single_source(
    corpus: &Corpus,
    claims: &[Claim],
    copies: &crate::copies::Copies,
    settings: &Settings,
) -> Vec<Finding> {
    if !settings.enabled {
        return Vec::new();
    }
    let all: Vec<Figure> = corpus
        .sources
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            // Found in the analysed text, mapped to the original bytes here.
            figures(i, &s.plain, false).into_iter().map(|mut f| {
                f.span = s.map.to_original(f.span);
                f
            })
        })
        .collect();
    let mut stated_by: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for f in &all {
        for k in &f.keys {
            stated_by.entry(k.as_str()).or_default().insert(f.source);
        }
    }
    // Per source: claim starts, sorted, and the furthest end reached by
    // any claim up to each one. A figure is covered exactly when some claim
    // starting before its end reaches past its start: one binary search.
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); corpus.sources.len()];
    for c in claims {
        spans[c.source].push((c.span.start, c.span.end));
    }
    for list in &mut spans {
        list.sort_unstable();
        let mut reach = 0;
        for (_, end) in list.iter_mut() {
            reach = reach.max(*end);
            *end = reach;
        }
    }
    let covered = |f: &Figure| {
        let list = &spans[f.source];
        let upto = list.partition_point(|&(start, _)| start < f.span.end);
        upto > 0 && list[upto - 1].1 > f.span.start
    };
    all.iter()
        .filter(|f| {
            f.keys
                .iter()
                .all(|k| copies.count(stated_by[k.as_str()].iter().copied()) == 1)
                && !covered(f)
        })
        .map(|f| {
            let source = &corpus.sources[f.source];
            let words = source.words(f.span.clone());
            let around = sentence(&source.plain, &source.map.to_plain(f.span.clone()));
            Finding {
                kind: FindingKind::SingleSource,
                severity: settings.severity,
                fact: "figures".to_string(),
                message: format!(
                    "“{}” ({}) appears in no other source",
                    words.split_whitespace().collect::<Vec<_>>().join(" "),
                    f.value
                ),
                labels: vec![Label {
                    file: source.file,
                    span: f.span.clone(),
                    value: Some(f.value.clone()),
                    primary: true,
                    message: "no other source states this figure".into(),
                }],
                notes: vec![format!(
                    "in: {}",
                    source.plain[around]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                )],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        figures(0, text, false)
            .into_iter()
            .map(|f| (text[f.span].to_string(), f.value))
            .collect()
    }

    #[test]
    fn finds_money_percentages_and_people() {
        let f = found("Data on more than 500 million users leaked; Meta paid $725 million, 12.5% of profit. Two U.S. citizens sued.");
        assert_eq!(
            f,
            vec![
                (
                    "more than 500 million users".to_string(),
                    "more than 500M users".to_string()
                ),
                ("$725 million".to_string(), "USD 725M".to_string()),
                ("12.5%".to_string(), "12.5%".to_string()),
                ("Two U.S. citizens".to_string(), "2 citizens".to_string()),
            ]
        );
    }

    #[test]
    fn round_magnitudes_are_not_figures() {
        assert!(found("It earned millions of dollars from millions of users.").is_empty());
    }

    #[test]
    fn the_sentence_around_a_figure() {
        let text = "First one. The U.S. firm paid Mr. Smith $5 million. Last.";
        let at = text.find("$5").unwrap();
        assert_eq!(
            &text[sentence(text, &(at..at + 10))],
            "The U.S. firm paid Mr. Smith $5 million."
        );
    }
}
