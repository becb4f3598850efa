//! Sentences and clauses: the units a fact's words must share.
//!
//! A value belongs to the subject and cue words of its own sentence, and
//! first of all to those of its own clause; a regex gap cannot know where a
//! sentence ends, this can. The rules are those of news copy:
//!
//! - `.`, `!` and `?` end a sentence when a space and a capital, digit or
//!   opening quote follow, except after an abbreviation ("U.S.", "Mar.",
//!   "Inc.", "Jr."), an initial ("J. Smith") or inside a number ("1.5").
//! - A line break ends a sentence when the line has no closing punctuation
//!   and the next line is blank or starts with a capital (a headline, a
//!   caption, a byline); a line that goes on in lowercase only wraps.
//! - Clauses are cut at `;`, `:`, dashes and brackets, and before "which",
//!   "while", "whereas" and "but", where a sentence turns to another
//!   subject.

use std::ops::Range;

/// One sentence of a text, with its clauses; all spans are byte ranges of
/// the text the sentence was cut from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// In order, covering the sentence without overlap.
    pub clauses: Vec<Range<usize>>,
}

impl Sentence {
    /// The clause holding byte `at` (the last clause if `at` is past it).
    pub fn clause_of(&self, at: usize) -> usize {
        self.clauses
            .partition_point(|c| c.end <= at)
            .min(self.clauses.len().saturating_sub(1))
    }
}

/// Words after which a period is not the end of a sentence. Lowercase,
/// without the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "plc",
    "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gov", "sen", "rep", "reps", "lt", "gen", "col", "capt", "cmdr", "sgt", "adm", "maj", "pres",
    "supt", "atty", "no", "nos", "vs", "v", "approx", "est", "dept", "univ", "mt", "ft", "fig",
    "ave", "blvd", "rd", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "al",
];

/// Cuts `text` into sentences and clauses. Whitespace between sentences
/// belongs to none; every sentence starts and ends on a non-space.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if start.is_none() {
            if !c.is_whitespace() {
                start = Some(i);
            }
            i += len;
            continue;
        }
        let from = start.unwrap_or(i);
        if c == '\n' {
            if line_break_ends(text, from, i) {
                push(&mut out, text, from, i);
                start = None;
            }
            i += len;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Closing quotes and brackets stay with the sentence they close.
            let mut end = i + len;
            while let Some(q) = text[end..].chars().next() {
                if matches!(q, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
                    || matches!(q, '.' | '!' | '?')
                {
                    end += q.len_utf8();
                } else {
                    break;
                }
            }
            if period_ends(text, from, i, end, c) {
                push(&mut out, text, from, end);
                start = None;
                i = end;
                continue;
            }
            i = end;
            continue;
        }
        i += len;
    }
    if let Some(from) = start {
        push(&mut out, text, from, text.len());
    }
    out
}

fn push(out: &mut Vec<Sentence>, text: &str, from: usize, to: usize) {
    let trimmed = text[from..to].trim_end();
    let to = from + trimmed.len();
    if to > from {
        out.push(Sentence {
            span: from..to,
            clauses: clauses(text, from..to),
        });
    }
}

/// Whether the line break at `at` ends the sentence begun at `from`.
fn line_break_ends(text: &str, from: usize, at: usize) -> bool {
    let line = text[from..at].trim_end();
    if line.is_empty() {
        return false;
    }
    let rest = &text[at + 1..];
    let next_line = rest.split('\n').next().unwrap_or("");
    if next_line.trim().is_empty() {
        return true; // a blank line: a paragraph ends
    }
    match next_line.trim_start().chars().next() {
        Some(c) if c.is_lowercase() => false,
        // A capital, digit, quote or bullet starts a new line of its own.
        Some(c) if c.is_alphabetic() && !c.is_uppercase() => false,
        Some(_) => !continues_with_symbol(next_line.trim_start()),
        None => true,
    }
}

/// "spend\n$200 million": a line that starts with a currency sign or an
/// opening bracket mid-sentence goes on with the one before.
fn continues_with_symbol(line: &str) -> bool {
    line.starts_with(['$', '€', '£', '(', '%'])
}

/// Whether the mark `c` at `at` (its run ending at `end`) ends the sentence
/// that began at `from`.
fn period_ends(text: &str, from: usize, at: usize, end: usize, c: char) -> bool {
    let after = &text[end..];
    let next = after.chars().next();
    match next {
        None => return true,
        Some(n) if !n.is_whitespace() => return false, // "1.5", "U.S", "Yahoo!Finance"
        _ => {}
    }
    let following = after.trim_start().chars().next();
    let starts_new = match following {
        None => true,
        Some(f) => {
            f.is_uppercase()
                || f.is_ascii_digit()
                || matches!(
                    f,
                    '"' | '“' | '‘' | '\'' | '(' | '[' | '$' | '€' | '£' | '-' | '—' | '•' | '*'
                )
                || !f.is_alphabetic()
        }
    };
    if !starts_new {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word the period closes.
    let before = &text[from..at];
    let word: &str = before
        .rsplit(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(['\'', '’']);
    if ABBREVIATIONS.contains(&lower) {
        return false;
    }
    // An initial: one capital letter ("J. Smith", "U.S." ends in "S").
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    // "U.S." and "a.m." style: letters separated by periods.
    if word.len() >= 3 && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        // At the very end of a sentence "U.S." is still an abbreviation; the
        // next sentence starts with a capital either way, so we only keep
        // going when the next word is a name-like capitalised word. Both
        // are guesses; keeping the sentence whole loses less.
        return false;
    }
    true
}

/// The words before which a clause is cut.
const CLAUSE_WORDS: &[&str] = &["which", "while", "whereas", "but"];

/// Cuts one sentence into clauses.
fn clauses(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[span.clone()];
    let mut cuts: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            ';' | ':' | '(' | ')' | '—' | '–' => {
                // A colon inside a time ("9:15") does not cut.
                if c == ':' && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()) {
                    continue;
                }
                cuts.push(i);
            }
            _ => {}
        }
        if c.is_alphabetic() && (i == 0 || !is_word_char(s[..i].chars().next_back())) {
            let word_end = s[i..]
                .find(|ch: char| !ch.is_alphanumeric())
                .map_or(s.len(), |e| i + e);
            let word = &s[i..word_end];
            if i > 0 && CLAUSE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                cuts.push(i);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if cut > from {
            out.push(span.start + from..span.start + cut);
            from = cut;
        }
    }
    out.push(span.start + from..span.end);
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn full_stops_end_sentences() {
        assert_eq!(
            cut("Netflix paid. Facebook sold! Did it? Yes."),
            vec!["Netflix paid.", "Facebook sold!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not() {
        assert_eq!(
            cut("The U.S. firm paid $1.5 billion on Mar. 23 to J. Smith Jr. and Meta Inc. in 2011. Then it ended."),
            vec![
                "The U.S. firm paid $1.5 billion on Mar. 23 to J. Smith Jr. and Meta Inc. in 2011.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn a_lowercase_next_word_goes_on() {
        assert_eq!(
            cut("It cost approx. 5 dollars."),
            vec!["It cost approx. 5 dollars."]
        );
        assert_eq!(
            cut("He said so. and went on."),
            vec!["He said so. and went on."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            cut("He said “it was a deal.” Then he left."),
            vec!["He said “it was a deal.”", "Then he left."]
        );
    }

    #[test]
    fn headlines_and_captions_end_at_the_line() {
        assert_eq!(
            cut("Netflix Got Access To DMs\nBy Jane Doe\n\nThe streamer paid.\n"),
            vec![
                "Netflix Got Access To DMs",
                "By Jane Doe",
                "The streamer paid."
            ]
        );
    }

    #[test]
    fn wrapped_lines_do_not_end_a_sentence() {
        assert_eq!(
            cut("Netflix agreed to\nspend $150 million in 2017.\nIt did."),
            vec!["Netflix agreed to\nspend $150 million in 2017.", "It did."]
        );
        assert_eq!(
            cut("Netflix agreed to spend\n$200 million in 2018."),
            vec!["Netflix agreed to spend\n$200 million in 2018."]
        );
    }

    #[test]
    fn clauses_cut_at_punctuation_and_turning_words() {
        let text = "Netflix paid $100 million; Facebook, which sold ads, gained (a lot) but lost.";
        let s = &sentences(text)[0];
        let parts: Vec<&str> = s.clauses.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(
            parts,
            vec![
                "Netflix paid $100 million",
                "; Facebook, ",
                "which sold ads, gained ",
                "(a lot",
                ") ",
                "but lost."
            ]
        );
        assert_eq!(s.clause_of(text.find("sold").unwrap()), 2);
    }

    #[test]
    fn times_do_not_cut_clauses() {
        let text = "It aired at 9:15 pm.";
        assert_eq!(sentences(text)[0].clauses.len(), 1);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            " ",
            ".",
            "\n\n",
            "é.",
            "A.\u{301}",
            "…",
            "“.”",
            "a\nB",
            "x. ",
            "Mr.",
        ] {
            let _ = sentences(t);
        }
    }
}
