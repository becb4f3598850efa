//! Excerpts: the words around a span, cut at word boundaries with an
//! ellipsis, so that a 400-character paragraph shows as the one clause an
//! editor needs. Human diagnostics and the HTML report both show passages
//! this way; the byte offsets stay those of the published article.

use std::ops::Range;

/// A span in its context: `before`, the span itself, `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based line of the span's start.
    pub line: usize,
    /// Where the shown text starts and ends in the article.
    pub shown: Range<usize>,
    pub before: String,
    pub marked: String,
    pub after: String,
}

impl Excerpt {
    /// The words around `span` within its line (or lines, for a span that
    /// crosses a soft line wrap), with about `context` characters on each
    /// side, cut at a space and marked with "…" where cut.
    pub fn around(text: &str, span: Range<usize>, context: usize) -> Excerpt {
        let span = clamp(text, span);
        let line_start = line_start(text, span.start);
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let start = cut_before(text, line_start, span.start, context);
        let end = cut_after(text, span.end, line_end, context);
        let mut before = text[start..span.start].to_string();
        if start > line_start {
            before.insert(0, '…');
        }
        let mut after = text[span.end..end].to_string();
        if end < line_end {
            after.push('…');
        }
        Excerpt {
            line: text[..span.start].matches('\n').count() + 1,
            shown: start..end,
            before,
            marked: text[span.clone()].replace('\n', " "),
            after,
        }
    }
}

/// Where the line holding byte `at` starts; a byte order mark opening the
/// article is not part of its first line (it is not a column either).
pub fn line_start(text: &str, at: usize) -> usize {
    let bom = '\u{feff}'.len_utf8();
    match text[..at].rfind('\n') {
        Some(i) => i + 1,
        None if text.starts_with('\u{feff}') && at >= bom => bom,
        None => 0,
    }
}

/// `span` made safe to slice: inside the text and on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Where to start showing text before `at`: `context` characters back, moved
/// forward to the next word, never before `floor`.
fn cut_before(text: &str, floor: usize, at: usize, context: usize) -> usize {
    let region = &text[floor..at];
    let chars = region.chars().count();
    if chars <= context {
        return floor;
    }
    let skip = chars - context;
    let offset = region
        .char_indices()
        .nth(skip)
        .map_or(region.len(), |(i, _)| i);
    match region[offset..].find(' ') {
        Some(space) if offset + space + 1 < region.len() => floor + offset + space + 1,
        _ => floor + offset,
    }
}

/// Where to stop showing text after `at`: `context` characters on, moved
/// back to the end of a word, never after `ceiling`.
fn cut_after(text: &str, at: usize, ceiling: usize, context: usize) -> usize {
    let region = &text[at..ceiling];
    if region.chars().count() <= context {
        return ceiling;
    }
    let offset = region
        .char_indices()
        .nth(context)
        .map_or(region.len(), |(i, _)| i);
    match region[..offset].rfind(' ') {
        Some(space) if space > 0 => at + space,
        _ => at + offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "first line\nNetflix paid $150 million in 2017.\nlast";
        let at = text.find("$150").unwrap();
        let e = Excerpt::around(text, at..at + 12, 40);
        assert_eq!(e.line, 2);
        assert_eq!(e.before, "Netflix paid ");
        assert_eq!(e.marked, "$150 million");
        assert_eq!(e.after, " in 2017.");
    }

    #[test]
    fn long_lines_are_cut_at_words_with_an_ellipsis() {
        let text = format!(
            "{} the payment was $150 million {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let at = text.find("$150").unwrap();
        let e = Excerpt::around(&text, at..at + 12, 20);
        assert!(e.before.starts_with('…') && e.after.ends_with('…'), "{e:?}");
        assert!(e.before.chars().count() <= 22, "{e:?}");
        assert!(e.after.chars().count() <= 22, "{e:?}");
        assert!(!e.before.contains("wor ") && !e.after.contains(" mor…"));
        assert_eq!(e.marked, "$150 million");
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let text = "é€ “quoted” words";
        for span in [0..1, 1..2, 3..100, 50..60, 2..2] {
            let _ = Excerpt::around(text, span, 3);
        }
    }
}
