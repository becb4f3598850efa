//! Finding quoted passages and their words.
//!
//! A passage is the text between double quotes: curly (“ ”, „ “, „ ”),
//! straight ("), or guillemets (« », » «, and ‹ › when not inside another
//! quotation), or a block quotation the source's reader found (a `>` block
//! in Markdown, a `<blockquote>` in HTML, a paragraph a plain-text article
//! introduces as an excerpt). Single quotes inside it (‘ ’) are a quotation
//! within the quotation and stay part of its words. A quotation interrupted by an
//! attribution (`“…,” the lawsuit says, “…”`) or by an ellipsis marking an
//! omission is one passage in several *segments*: words are compared within
//! segments, never across the gap. A quote may run across a line break (hard
//! wrapped text) but not across a blank line; one that never closes is
//! dropped rather than guessed at.
//!
//! Words are compared folded: lowercase, apostrophes dropped ("user’s" and
//! "users’" are both `users`), punctuation ignored, so quote style, case,
//! spacing and punctuation never count as drift ("e.g." = "e.g.,"). The
//! analysed text is already in Unicode normal form (NFC), so "café" typed
//! with a combining accent is the same word; the accent belongs to the
//! word, so its span covers it.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One word of a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Folded: lowercase, no apostrophes.
    pub norm: String,
    /// The word's bytes in the source.
    pub span: Range<usize>,
}

/// A run of quoted words with no omission inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub tokens: Vec<Token>,
}

/// A quotation: its bytes (quotes included) and its segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub span: Range<usize>,
    pub segments: Vec<Segment>,
}

/// The longest quotation considered, in bytes: beyond it an opening quote
/// has almost certainly lost its closing one.
const MAX_QUOTE: usize = 4000;

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*").unwrap()
});
static ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"…|\.\s?\.\s?\.|\[\s*…\s*\]|\[\.\.\.\]").unwrap());
/// What may stand between two halves of one quotation: `, the lawsuit says, `.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*,?[ \t]+[^“”\x22\n.!?]{0,60}?(?-u:\b)(?:says|said|states|stated|alleges|alleged|continues|continued|adds|added|writes|wrote|claims|claimed|reads|argues|argued|notes|noted)(?-u:\b)[^“”\x22\n.!?]{0,40}?[,:][ \t]*$").unwrap()
});

/// Every quotation in `text`, in order.
pub fn passages(text: &str) -> Vec<Passage> {
    let quotes = raw_quotes(text);
    let mut out: Vec<Passage> = Vec::new();
    let mut previous_end: Option<usize> = None;
    for (outer, inner) in quotes {
        let segments = segments(text, inner.clone());
        // Joined to the previous quotation when only an attribution
        // separates them and that one ended mid-sentence (with a comma).
        let joins = previous_end.is_some_and(|end| {
            let between = &text[end..outer.start];
            let before = text[..end]
                .trim_end_matches(['”', '“', '"', '»', '«', '›'])
                .trim_end();
            before.ends_with(',') && ATTRIBUTION.is_match(between)
        });
        match out.last_mut() {
            Some(last) if joins => {
                last.span.end = outer.end;
                last.segments.extend(segments);
            }
            _ => out.push(Passage {
                span: outer.clone(),
                segments,
            }),
        }
        previous_end = Some(outer.end);
    }
    out.retain(|p| p.segments.iter().any(|s| !s.tokens.is_empty()));
    out
}

/// A block quotation at `range` of `text`: one passage, its paragraphs
/// segments of it.
pub fn block(text: &str, range: Range<usize>) -> Passage {
    let mut segs = Vec::new();
    let mut at = range.start;
    for para in text[range.clone()].split("\n\n") {
        segs.extend(segments(text, at..at + para.len()));
        at += para.len() + 2;
    }
    Passage {
        span: range,
        segments: segs,
    }
}

/// Whether `c` opens a quotation at byte `i` of `text`. `»` opens only
/// when a word follows at once (German »so«), since a French closing `»`
/// follows a space.
fn opens(text: &str, i: usize, c: char) -> bool {
    match c {
        '“' | '„' | '"' | '«' | '‹' => true,
        '»' => text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// (quotation with its quotes, words inside) for each balanced quotation.
fn raw_quotes(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((open, c)) = text[at..]
        .char_indices()
        .find(|&(i, c)| opens(text, at + i, c))
        .map(|(i, c)| (at + i, c))
    {
        let inner_start = open + c.len_utf8();
        match closing(text, inner_start, c) {
            Some(close) => {
                let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
                out.push((open..close + close_len, inner_start..close));
                at = close + close_len;
            }
            None => at = inner_start, // unbalanced: skip this opener
        }
    }
    out
}

/// Where the quotation opened by `opener` at `from` closes, if it does
/// before a blank line, a new opener of its kind, or `MAX_QUOTE` bytes.
fn closing(text: &str, from: usize, opener: char) -> Option<usize> {
    let mut newline = false;
    for (i, c) in text[from..].char_indices() {
        if i > MAX_QUOTE {
            return None;
        }
        let guillemet = matches!(opener, '«' | '»' | '‹');
        match c {
            '»' if opener == '«' => return Some(from + i),
            '«' if opener == '»' => return Some(from + i),
            '›' if opener == '‹' => return Some(from + i),
            '\n' if newline => return None,
            '\n' => newline = true,
            '«' | '‹' if c == opener => return None,
            '“' if opener == '„' => return Some(from + i),
            '”' if opener != '"' && !guillemet => return Some(from + i),
            '"' if !guillemet => return Some(from + i),
            '“' | '„' if opener != '"' && !guillemet => return None,
            c if !c.is_whitespace() => newline = false,
            _ => {}
        }
    }
    None
}

/// The words of `range`, split at ellipses.
fn segments(text: &str, range: Range<usize>) -> Vec<Segment> {
    let inner = &text[range.clone()];
    let mut cuts = vec![0];
    for m in ELLIPSIS.find_iter(inner) {
        cuts.push(m.start());
        cuts.push(m.end());
    }
    cuts.push(inner.len());
    cuts.chunks(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair.get(1).copied().unwrap_or(inner.len()));
            let tokens = WORD
                .find_iter(&inner[a..b])
                .map(|m| Token {
                    norm: m.as_str().to_lowercase().replace(['\'', '’', 'ʼ'], ""),
                    span: range.start + a + m.start()..range.start + a + m.end(),
                })
                .collect();
            Segment { tokens }
        })
        .filter(|s| !s.tokens.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        passages(text)
            .into_iter()
            .map(|p| {
                p.segments
                    .iter()
                    .flat_map(|s| s.tokens.iter().map(|t| t.norm.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            words("He said “Hello, World.” Then \"bye now\"."),
            vec![vec!["hello", "world"], vec!["bye", "now"]]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "It continues, “Netflix would ‘provide to FB a report (e.g. counts).’”";
        assert_eq!(
            words(text),
            vec![vec![
                "netflix", "would", "provide", "to", "fb", "a", "report", "e", "g", "counts"
            ]]
        );
    }

    #[test]
    fn apostrophes_and_punctuation_fold() {
        assert_eq!(
            words("“Facebook user’s ’messaging app’”"),
            words("\"Facebook users' messaging app\"")
        );
        assert_eq!(words("“e.g., this”"), words("“e.g. this”"));
    }

    #[test]
    fn unbalanced_quotes_are_dropped() {
        assert_eq!(
            words("An “unclosed quote runs on.\n\nA “closed one” here."),
            vec![vec!["closed", "one"]]
        );
        assert_eq!(words("“never closed"), Vec::<Vec<String>>::new());
        // A new curly opener before a closer: the first one was unbalanced.
        assert_eq!(words("“first “second” end"), vec![vec!["second"]]);
    }

    #[test]
    fn quotes_run_across_a_line_break_but_not_a_blank_line() {
        assert_eq!(words("“wrapped\nquote”"), vec![vec!["wrapped", "quote"]]);
        assert!(words("“broken\n\nquote”").is_empty());
    }

    #[test]
    fn attribution_splits_one_passage_into_segments() {
        let text = "“For nearly a decade, they agreed,” the lawsuit says, “and then it ended.”";
        let p = passages(text);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].segments.len(), 2);
        assert_eq!(p[0].span, 0..text.len());
        // A full stop before the attribution: two passages.
        assert_eq!(passages("“It ended.” he said, “Then.”").len(), 2);
    }

    #[test]
    fn ellipses_mark_omissions() {
        let p = passages("“the first part … the second part”");
        assert_eq!(p[0].segments.len(), 2);
        let p = passages("“the first part ... the second part”");
        assert_eq!(p[0].segments.len(), 2);
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "x “Héllo wörld” y";
        let p = passages(text);
        let t = &p[0].segments[0].tokens;
        assert_eq!(&text[t[0].span.clone()], "Héllo");
        assert_eq!(&text[t[1].span.clone()], "wörld");
    }
}
