//! The plain-text reader. A `.txt` article is its own analysed text; what
//! is left to find in it is the block quotations that lost their markup
//! when the article was copied out of its page. News sets a long excerpt
//! of a filing or a statement apart as its own paragraph, introduced by an
//! attribution that ends in a colon:
//!
//! ```text
//! According to the filing:
//!
//! By 2013, Netflix had begun entering into a series of …
//! ```
//!
//! On a web page that paragraph is a `<blockquote>`; in the text copied
//! from it, only the colon and the attribution are left. The paragraph
//! after such an introduction is read as a block quotation, so the
//! quotation check compares its wording with other outlets' copies of the
//! same excerpt. The introduction must attribute (a verb of saying, or
//! "according to") so that "Here is what we know:" followed by the
//! author's own summary is never taken for someone else's words.

use super::Reading;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The last sentence of an introduction: short, attributing, ending in a
/// colon. ASCII word boundaries: the cue words are ASCII.
static INTRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:according[ \t]+to|reads?|states?|stated|says|said|writes|wrote|alleges|alleged|argues|argued|notes|noted|adds|added|continues|continued|told|declares|declared|explains|explained|excerpt|passage)(?-u:\b)[^.!?:\n]{0,80}:[ \t]*$",
    )
    .unwrap()
});

/// The longest introduction considered, in bytes: a long line ending in a
/// colon is a paragraph of its own, not an attribution.
const MAX_INTRODUCTION: usize = 240;

/// The fewest words a block quotation has: shorter paragraphs after a
/// colon are headings, names or figures.
const MIN_WORDS: usize = 8;

pub(super) fn read(text: &str) -> Reading {
    Reading {
        quotations: block_quotations(text),
        ..Reading::default()
    }
}

/// The paragraphs of `text` introduced as quotations.
fn block_quotations(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    // Articles that separate paragraphs by blank lines may wrap a
    // paragraph over several lines; the others put one paragraph on a line.
    let wrapped = lines.iter().any(|l| text[l.clone()].trim().is_empty());
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if !introduces(&text[lines[i].clone()]) {
            i += 1;
            continue;
        }
        let Some(first) = (i + 1..lines.len()).find(|&j| !text[lines[j].clone()].trim().is_empty())
        else {
            break;
        };
        let mut last = first;
        while wrapped && last + 1 < lines.len() && !text[lines[last + 1].clone()].trim().is_empty()
        {
            last += 1;
        }
        let start = lines[first].start + leading_space(&text[lines[first].clone()]);
        let end = lines[last].start + text[lines[last].clone()].trim_end().len();
        if start < end && is_excerpt(&text[start..end]) {
            out.push(start..end);
        }
        i = last + 1;
    }
    out
}

/// Each line's bytes, without its line break.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push(at..at + body.len());
        at += line.len();
    }
    out
}

fn leading_space(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Whether `line` ends in an attribution and a colon.
fn introduces(line: &str) -> bool {
    let line = line.trim_end();
    if !line.ends_with(':') {
        return false;
    }
    // Only the last sentence of the line introduces what follows.
    let last = line
        .rfind(['.', '!', '?'])
        .map_or(line, |at| &line[at + 1..]);
    last.len() <= MAX_INTRODUCTION && INTRODUCTION.is_match(last)
}

/// Whether a paragraph reads as an excerpt: running prose, not a list
/// item, not already a marked quotation (those are found by their marks).
fn is_excerpt(paragraph: &str) -> bool {
    let first = paragraph.chars().next().unwrap_or(' ');
    let marked = matches!(first, '“' | '"' | '„' | '«' | '»' | '‹' | '‘' | '\'');
    let listed = matches!(first, '-' | '*' | '•' | '–' | '—')
        || paragraph
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let words = paragraph.split_whitespace().count();
    !marked && !listed && words >= MIN_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        block_quotations(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    const EXCERPT: &str =
        "By 2013, Netflix had begun entering into a series of agreements with the company.";

    #[test]
    fn a_paragraph_after_an_attribution_is_a_quotation() {
        let text = format!("Lede.\n\nAccording to the filing:\n\n{EXCERPT}\n\nAfter.\n");
        assert_eq!(quoted(&text), [EXCERPT]);
        let text = format!("The lawsuit reads:\n{EXCERPT}\nAfter.\n");
        assert_eq!(quoted(&text), [EXCERPT]);
        let text = format!("It was signed in 2011. The complaint states:\r\n\r\n{EXCERPT}\r\n");
        assert_eq!(quoted(&text), [EXCERPT]);
    }

    #[test]
    fn a_wrapped_paragraph_is_one_quotation() {
        let text = "Stone said:\n\nWe have never shared the messages\nof any user with any partner.\n\nNext.\n";
        assert_eq!(
            quoted(text),
            ["We have never shared the messages\nof any user with any partner."]
        );
    }

    #[test]
    fn an_introduction_must_attribute() {
        let text = format!("Here is what we know:\n\n{EXCERPT}\n");
        assert!(quoted(&text).is_empty());
        let text = format!("The timeline:\n{EXCERPT}\n");
        assert!(quoted(&text).is_empty());
        // The attribution belongs to an earlier sentence of the line.
        let text = format!("The filing says so. What we know:\n{EXCERPT}\n");
        assert!(quoted(&text).is_empty());
    }

    #[test]
    fn lists_marked_quotations_and_short_lines_are_not_excerpts() {
        for after in [
            "- Netflix paid $150 million for ads in 2017, the filing says",
            "1. Netflix paid $150 million for ads in 2017, the filing says",
            "“Netflix paid $150 million for ads in 2017,” the filing says.",
            "Reed Hastings, Netflix",
        ] {
            let text = format!("The filing says:\n\n{after}\n");
            assert!(quoted(&text).is_empty(), "{after}");
        }
    }

    #[test]
    fn a_colon_at_the_end_of_the_text_quotes_nothing() {
        assert!(quoted("The filing says:\n\n").is_empty());
        assert!(quoted("The filing says:").is_empty());
    }
}
