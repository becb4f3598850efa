//! Tokens: words and marks with their byte spans and folded forms, so that
//! rule terms ("Netflix's CEO", "ad spending") are matched word by word,
//! whatever the case, apostrophe or dash an outlet typed.
//!
//! A word is a run of letters and digits; a possessive ending ("’s", "'s")
//! is a token of its own (folded to `'s`) so that "Netflix" matches in
//! "Netflix’s"; every other mark is a one-character token, folded (curly
//! quotes to straight ones, every dash to `-`). Hyphenated words are their
//! words and the hyphen, the same in the rule and in the article.

use super::forms;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// Lowercased, quotes and dashes folded.
    pub folded: String,
    /// Whether this is a word (letters or digits), as opposed to a mark.
    pub word: bool,
    /// The word's stem (its dictionary form for irregular verbs); the
    /// folded form for marks.
    pub stem: String,
}

/// The tokens of `text[range]`, spans relative to `text`.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || is_combining(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let folded = s[i..end].to_lowercase();
            let stem = forms::stem(&folded);
            out.push(Token {
                span: base + i..base + end,
                folded,
                word: true,
                stem,
            });
            continue;
        }
        if matches!(c, '\'' | '’' | 'ʼ') {
            // A possessive: an apostrophe and "s" closing a word.
            let after = &s[i + c.len_utf8()..];
            let prev_is_word = out
                .last()
                .is_some_and(|t: &Token| t.word && t.span.end == base + i);
            if prev_is_word
                && after.starts_with(['s', 'S'])
                && !after[1..].starts_with(|d: char| d.is_alphanumeric())
            {
                let end = i + c.len_utf8() + 1;
                chars.next(); // the "s"
                out.push(Token {
                    span: base + i..base + end,
                    folded: "'s".to_string(),
                    word: false,
                    stem: "'s".to_string(),
                });
                continue;
            }
        }
        let folded = fold_mark(c).to_string();
        out.push(Token {
            span: base + i..base + i + c.len_utf8(),
            stem: folded.clone(),
            folded,
            word: false,
        });
    }
    out
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Quotes and dashes as a rule author types them.
pub fn fold_mark(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        other => other,
    }
}

/// The number of word tokens strictly between tokens `a` and `b`.
pub fn words_between(tokens: &[Token], a: usize, b: usize) -> usize {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    if hi <= lo + 1 {
        return 0;
    }
    tokens[lo + 1..hi].iter().filter(|t| t.word).count()
}

/// The index of the first token that ends after byte `at`, i.e. the token
/// holding `at` or the next one.
pub fn index_at(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokens(text, 0..text.len())
            .into_iter()
            .map(|t| t.folded)
            .collect()
    }

    #[test]
    fn words_marks_and_possessives() {
        assert_eq!(
            folded("Netflix’s then-CEO, Reed"),
            vec!["netflix", "'s", "then", "-", "ceo", ",", "reed"]
        );
        assert_eq!(
            folded("“Wow” — it’s"),
            vec!["\"", "wow", "\"", "-", "it", "'s"]
        );
    }

    #[test]
    fn spans_point_at_the_bytes() {
        let text = "x Café’s $150";
        let t = tokens(text, 2..text.len());
        assert_eq!(&text[t[0].span.clone()], "Café");
        assert_eq!(&text[t[1].span.clone()], "’s");
        assert_eq!(&text[t[2].span.clone()], "$");
        assert_eq!(&text[t[3].span.clone()], "150");
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        let t = tokens("spent spending paid pays", 0..24);
        let stems: Vec<&str> = t.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, vec!["spend", "spend", "pay", "pay"]);
    }

    #[test]
    fn distance_counts_words_only() {
        let t = tokens("paid Facebook, in all, $100", 0..27);
        assert_eq!(words_between(&t, 0, t.len() - 1), 3);
        assert_eq!(index_at(&t, 5), 1);
    }
}
