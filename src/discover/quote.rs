//! Drifted quotations as `choice` proposals: the wordings outlets give one
//! passage become the categories, anchored on the words before the first
//! difference.

use super::proposal::{published, Draft, ExampleDraft, How};
use crate::corpus::Corpus;
use crate::finding::Finding;
use crate::text;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}[\p{L}’'-]*|(?:19|20)\d\d").expect("valid"));

/// The proposal for one drifted quotation, or `None` when fewer than two
/// wordings can be told apart.
pub fn draft(corpus: &Corpus, f: &Finding, ids: &mut BTreeSet<String>) -> Option<Draft> {
    let index_of = |file: usize| corpus.sources.iter().position(|s| s.file == file);
    let first = f.labels.first()?;
    let source = &corpus.sources[index_of(first.file)?];
    // The wordings, from the labels that quote words: (source, plain span).
    let mut wordings: BTreeMap<String, Vec<(usize, Range<usize>)>> = BTreeMap::new();
    for l in &f.labels {
        if l.message.starts_with("quoted as") {
            if let Some(s) = index_of(l.file) {
                let src = &corpus.sources[s];
                wordings
                    .entry(src.words(l.span.clone()).to_lowercase())
                    .or_default()
                    .push((s, src.map.to_plain(l.span.clone())));
            }
        }
    }
    if wordings.len() < 2 {
        return None;
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
    let id = super::render::fact_id(
        &format!("quote-{}", f.fact.trim_start_matches("quote:")),
        ids,
    );
    let mut choices = Vec::new();
    let mut examples = Vec::new();
    for (i, (w, uses)) in wordings.iter().enumerate() {
        let name = format!("wording {}", i + 1);
        let phrase = w
            .split_whitespace()
            .map(regex::escape)
            .collect::<Vec<_>>()
            .join(r"\s+");
        choices.push((name.clone(), phrase));
        for (s, span) in uses {
            let plain: &str = &corpus.sources[*s].plain;
            let sentences = text::sentences(plain);
            let at = sentences.partition_point(|x| x.span.end <= span.start);
            let Some(sentence) = sentences.get(at).map(|x| x.span.clone()) else {
                continue;
            };
            if sentence.start > span.start || span.end > sentence.end {
                continue;
            }
            examples.push(ExampleDraft {
                text: plain[sentence.clone()].to_string(),
                published: published(corpus, *s),
                values: vec![name.clone()],
                intended: Some(span.start - sentence.start..span.end - sentence.start),
                corrected: false,
            });
        }
    }
    Some(Draft {
        id,
        description: "TODO: the wording of a quoted passage".to_string(),
        kind: "choice",
        how: How::Choice {
            pattern: format!("{anchor}\\W+{{value}}"),
            choices,
        },
        nearby: Vec::new(),
        notes: Vec::new(),
        examples,
    })
}
