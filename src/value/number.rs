//! Numbers as news prose writes them, shared by money and counts:
//! "150", "1,000,000", "1.5", "twenty-five", "a dozen", "$150M", "1.5bn",
//! "hundreds of millions", "multi-billion", and the hedges around them
//! ("over", "nearly", "about").
//!
//! Everything is parsed as `f64`: no input can overflow, and the values
//! are compared as intervals anyway.

use super::interval::Interval;
use regex::Regex;
use std::sync::LazyLock;

/// The relative slack of hedged words: "nearly X" is `[0.9X, X]`, "about
/// X" is `[0.9X, 1.1X]`. Ten percent is how far newsroom usage of "nearly"
/// and "about" stretches before an editor would call it wrong.
pub const HEDGE: f64 = 0.1;

/// How a number is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "over", "more than", "at least": `[x, ∞)`.
    AtLeast,
    /// "under", "up to", "less than": `[0, x]`.
    AtMost,
    /// "nearly", "almost": `[x − 10%, x]`.
    Nearly,
    /// "about", "around", "roughly": `[x − 10%, x + 10%]`.
    About,
}

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("upwards of", Qualifier::AtLeast),
    ("in excess of", Qualifier::AtLeast),
    ("north of", Qualifier::AtLeast),
    ("less than", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("just under", Qualifier::Nearly),
    ("approaching", Qualifier::Nearly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("some", Qualifier::About),
];

/// The hedges, as a regex prefix (optional, with its trailing space).
pub const QUALIFIER_PATTERN: &str = r"(?:(?-u:\b)(?:more than|over|at least|upwards of|in excess of|north of|less than|under|up to|at most|below|nearly|almost|close to|just under|approaching|about|around|roughly|approximately|an estimated|some)\s+)?";

/// Digits with optional thousands separators and decimals.
pub const DIGITS_PATTERN: &str = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";

/// Number words; an article ("a", "an") only before a word that needs one.
pub const WORDS_PATTERN: &str = r"(?:(?-u:\b)(?:(?:a|an|half a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:(?:\s+and\s+|[\s-]+)(?:one|two|three|four|five|six|seven|eight|nine|hundred|dozen))*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?-u:\b))";

/// A magnitude after a number: "million", "bn", "m", "k".
pub const MAGNITUDE_PATTERN: &str =
    r"(?:[\s-]*(?:thousand|million|billion|trillion|crore|lakh|bn|mn|mln|tn|m|b|k)(?-u:\b))?";

/// Round magnitudes without a number: "hundreds of millions", "multi-billion".
pub const VAGUE_PATTERN: &str = r"(?:(?-u:\b)(?:(?:hundreds|tens|dozens) of\s+)?(?:thousands|millions|billions|trillions)(?-u:\b)|(?-u:\b)multi-?(?:million|billion)(?-u:\b)|(?-u:\b)(?:dozens|hundreds)(?-u:\b))";

/// Lowercases, unifies apostrophes and collapses whitespace (articles
/// break lines anywhere).
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a leading hedge off `text` (already normalised).
pub fn qualifier(text: &str) -> (Qualifier, &str) {
    for (words, q) in QUALIFIERS {
        if let Some(rest) = text.strip_prefix(words) {
            if rest.starts_with(' ') {
                return (*q, rest.trim_start());
            }
        }
    }
    if let Some(rest) = text.strip_prefix('~') {
        return (Qualifier::About, rest.trim_start());
    }
    (Qualifier::Exact, text)
}

/// Applies a hedge to an interval.
pub fn hedge(q: Qualifier, i: Interval) -> Interval {
    match q {
        Qualifier::Exact => i,
        Qualifier::AtLeast => Interval::at_least(i.lo),
        Qualifier::AtMost => Interval {
            lo: 0.0,
            hi: i.hi,
            hi_open: i.hi_open,
        },
        Qualifier::Nearly => Interval {
            lo: i.lo * (1.0 - HEDGE),
            hi: i.hi,
            hi_open: i.hi_open,
        },
        Qualifier::About => Interval {
            lo: i.lo * (1.0 - HEDGE),
            hi: i.hi * (1.0 + HEDGE),
            hi_open: i.hi_open,
        },
    }
}

fn magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "k" => 1e3,
        "lakh" => 1e5,
        "million" | "m" | "mn" | "mln" => 1e6,
        "crore" => 1e7,
        "billion" | "b" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

fn word_value(word: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?").unwrap());
static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s-]*(thousand|million|billion|trillion|crore|lakh|bn|mn|mln|tn|m|b|k)(?:s\b|\b)",
    )
    .unwrap()
});
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(hundreds|tens|dozens) of )?(thousands|millions|billions|trillions)\b|^multi-?(million|billion)\b|^(dozens|hundreds)\b").unwrap()
});

/// Reads a number at the start of `text` (normalised, hedge removed),
/// with its magnitude; returns the interval and the rest of the text.
pub fn quantity(text: &str) -> Option<(Interval, &str)> {
    if let Some(c) = VAGUE.captures(text) {
        let rest = &text[c.get(0)?.end()..];
        let base = |w: &str| match w {
            "thousands" => 1e3,
            "millions" | "million" => 1e6,
            "billions" | "billion" => 1e9,
            _ => 1e12,
        };
        let i = if let Some(m) = c.get(3) {
            // "multi-billion": at least two, short of the next magnitude.
            Interval::half_open(2.0 * base(m.as_str()), 1000.0 * base(m.as_str()))
        } else if let Some(alone) = c.get(4) {
            match alone.as_str() {
                "dozens" => Interval::half_open(24.0, 144.0),
                _ => Interval::half_open(100.0, 1000.0),
            }
        } else {
            let b = base(c.get(2)?.as_str());
            match c.get(1).map(|m| m.as_str()) {
                Some("hundreds") => Interval::half_open(100.0 * b, 1000.0 * b),
                Some("tens") => Interval::half_open(10.0 * b, 100.0 * b),
                Some(_) => Interval::half_open(24.0 * b, 144.0 * b),
                None => Interval::half_open(b, 1000.0 * b),
            }
        };
        return Some((i, rest));
    }
    let (n, rest) = if let Some(c) = DIGITS.captures(text) {
        let whole = c.get(0)?;
        let n: f64 = whole.as_str().replace(',', "").parse().ok()?;
        (n, &text[whole.end()..])
    } else {
        words(text)?
    };
    let (n, rest) = match MAGNITUDE.captures(rest) {
        Some(c) => (n * magnitude(c.get(1)?.as_str())?, &rest[c.get(0)?.end()..]),
        None => (n, rest),
    };
    n.is_finite().then_some((Interval::point(n), rest))
}

/// Number words at the start of `text`: "twenty-five", "a dozen", "one
/// hundred and fifty", and an article or "half a" that a magnitude follows
/// ("a million", "half a billion").
fn words(text: &str) -> Option<(f64, &str)> {
    let mut value: Option<f64> = None;
    // Waiting for "dozen", "hundred" or a magnitude to complete "a"/"half a".
    let mut article = false;
    let mut end = 0;
    let mut offset = 0;
    for token in text.split_inclusive([' ', '-']) {
        let word = token.trim_end_matches([' ', '-']);
        let word_end = offset + word.len();
        match word {
            "a" | "an" if value.is_none() => (value, article) = (Some(1.0), true),
            "half" if value.is_none() => (value, article) = (Some(0.5), true),
            "a" if article && value == Some(0.5) => {}
            "and" if value.is_some() && !article => {}
            "hundred" => {
                (value, article, end) = (Some(value.unwrap_or(1.0) * 100.0), false, word_end)
            }
            "dozen" => (value, article, end) = (Some(value.unwrap_or(1.0) * 12.0), false, word_end),
            w => match word_value(w) {
                Some(v) if !article => (value, end) = (Some(value.unwrap_or(0.0) + v), word_end),
                _ => break,
            },
        }
        if article {
            end = word_end;
        }
        offset += token.len();
    }
    let value = value?;
    if article && magnitude(next_word(text[end..].trim_start_matches([' ', '-']))).is_none() {
        return None;
    }
    (end > 0).then_some((value, &text[end..]))
}

fn next_word(text: &str) -> &str {
    text.split([' ', '-']).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Interval {
        let t = normalise(text);
        let (h, rest) = qualifier(&t);
        let (i, rest) = quantity(rest).unwrap_or_else(|| panic!("no number in {text:?}"));
        assert_eq!(rest.trim(), "", "left over in {text:?}");
        hedge(h, i)
    }

    #[test]
    fn digits_words_and_magnitudes() {
        assert_eq!(q("150"), Interval::point(150.0));
        assert_eq!(q("1,000,000"), Interval::point(1e6));
        assert_eq!(q("1.5bn"), Interval::point(1.5e9));
        assert_eq!(q("150 million"), Interval::point(150e6));
        assert_eq!(q("150m"), Interval::point(150e6));
        assert_eq!(q("twenty-five"), Interval::point(25.0));
        assert_eq!(q("a dozen"), Interval::point(12.0));
        assert_eq!(q("one hundred and fifty"), Interval::point(150.0));
        assert_eq!(q("a million"), Interval::point(1e6));
        assert_eq!(q("half a million"), Interval::point(5e5));
        assert_eq!(q("two"), Interval::point(2.0));
    }

    #[test]
    fn vague_magnitudes_are_half_open() {
        assert_eq!(q("hundreds of millions"), Interval::half_open(1e8, 1e9));
        assert_eq!(q("tens of millions"), Interval::half_open(1e7, 1e8));
        assert_eq!(q("millions"), Interval::half_open(1e6, 1e9));
        assert_eq!(q("multi-billion"), Interval::half_open(2e9, 1e12));
        assert_eq!(q("dozens"), Interval::half_open(24.0, 144.0));
    }

    #[test]
    fn hedges() {
        assert_eq!(q("more than 500 million"), Interval::at_least(5e8));
        assert_eq!(q("nearly 3,000"), Interval::closed(2700.0, 3000.0));
        let about = q("about 100");
        assert!((about.lo - 90.0).abs() < 1e-9 && (about.hi - 110.0).abs() < 1e-9);
        assert_eq!(q("up to 10"), Interval::closed(0.0, 10.0));
    }

    #[test]
    fn not_numbers() {
        for s in ["", "lavishly", "a", "an apple", "half", "and"] {
            assert!(quantity(&normalise(s)).is_none(), "{s:?}");
        }
    }
}
