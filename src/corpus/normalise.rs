//! One form for text that means the same: "café" typed as one character or
//! as "e" plus an accent compares equal, and a no-break or thin space is a
//! space to a rule pattern. The analysed text is rewritten; the original
//! bytes, and so every reported span, stay as published.
//!
//! Quotation-mark and dash variants are left in the text (the quotation
//! check tells “ from « by them) and folded where words are compared.

use std::ops::Range;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The edits that put `text` in normal form (see the module doc), sorted;
/// none for text already in it, which is nearly all text.
pub fn edits(text: &str) -> Vec<(Range<usize>, String)> {
    if text.is_ascii() {
        return Vec::new();
    }
    let check_nfc = is_nfc_quick(text.chars()) != IsNormalized::Yes;
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut word_ascii = true;
    let flush = |start: usize, end: usize, ascii: bool, out: &mut Vec<_>| {
        if ascii || !check_nfc {
            return;
        }
        let word = &text[start..end];
        let nfc: String = word.nfc().collect();
        if nfc != word {
            out.push((start..end, nfc));
        }
    };
    for (i, c) in text.char_indices() {
        let fold = match c {
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(" ")
            }
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Some(""),
            _ => None,
        };
        if c.is_whitespace() || fold.is_some() {
            if let Some(s) = word_start.take() {
                flush(s, i, word_ascii, &mut out);
            }
            if let Some(f) = fold {
                out.push((i..i + c.len_utf8(), f.to_string()));
            }
            continue;
        }
        if word_start.is_none() {
            word_start = Some(i);
            word_ascii = true;
        }
        word_ascii &= c.is_ascii();
    }
    if let Some(s) = word_start {
        flush(s, text.len(), word_ascii, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (r, s) in edits(text) {
            out.push_str(&text[at..r.start]);
            out.push_str(&s);
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn decomposed_letters_are_composed() {
        assert_eq!(apply("the cafe\u{301} said"), "the caf\u{e9} said");
        assert!(edits("the caf\u{e9} said").is_empty());
    }

    #[test]
    fn space_variants_are_spaces_and_invisible_ones_go() {
        assert_eq!(apply("$150\u{a0}million"), "$150 million");
        assert_eq!(apply("10\u{202f}%"), "10 %");
        assert_eq!(apply("mil\u{ad}lion\u{200b}"), "million");
        assert!(edits("plain ASCII").is_empty());
        assert!(edits("“curly” – dash").is_empty(), "quotes and dashes stay");
    }
}
