//! Numbers as news prose writes them, shared by money and counts:
//! "150", "1,000,000", "1.5", "twenty-five", "a dozen", "$150M", "1.5bn",
//! "hundreds of millions", "multi-billion", and the hedges around them
//! ("over", "nearly", "about").
//!
//! Everything is parsed as `f64`: no input can overflow, and the values
//! are compared as intervals anyway.

use super::interval::Interval;
use super::quantity::{Hedge, Quantity};
use regex::Regex;
use std::sync::LazyLock;

/// How the words before (or after) a number bound or hedge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "at least", "no fewer than", "$100M+", "or more": `[x, ∞)`.
    AtLeast,
    /// "over", "more than", "upwards of": `(x, ∞)`.
    MoreThan,
    /// "up to", "at most", "as many as": `[0, x]`.
    AtMost,
    /// "under", "less than", "fewer than": `[0, x)`.
    Under,
    /// "between x and y": needs the second number.
    Between,
    /// "from x to y": needs the second number.
    From,
    Hedged(Hedge),
}

/// Longest first where one is the start of another.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("upward of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("between", Qualifier::Between),
    ("from", Qualifier::From),
    ("nearly", Qualifier::Hedged(Hedge::Nearly)),
    ("almost", Qualifier::Hedged(Hedge::Nearly)),
    ("close to", Qualifier::Hedged(Hedge::Nearly)),
    ("just under", Qualifier::Hedged(Hedge::Nearly)),
    ("just shy of", Qualifier::Hedged(Hedge::Nearly)),
    ("just below", Qualifier::Hedged(Hedge::Nearly)),
    ("approaching", Qualifier::Hedged(Hedge::Nearly)),
    ("just over", Qualifier::Hedged(Hedge::JustOver)),
    ("just above", Qualifier::Hedged(Hedge::JustOver)),
    ("just more than", Qualifier::Hedged(Hedge::JustOver)),
    ("slightly more than", Qualifier::Hedged(Hedge::JustOver)),
    ("about", Qualifier::Hedged(Hedge::About)),
    ("around", Qualifier::Hedged(Hedge::About)),
    ("roughly", Qualifier::Hedged(Hedge::About)),
    ("approximately", Qualifier::Hedged(Hedge::About)),
    ("an estimated", Qualifier::Hedged(Hedge::About)),
    ("estimated", Qualifier::Hedged(Hedge::About)),
    ("some", Qualifier::Hedged(Hedge::About)),
    ("circa", Qualifier::Hedged(Hedge::About)),
];

/// The bounds and hedges, as a regex prefix (optional, with its trailing
/// space). Built from [`QUALIFIERS`] so the two cannot drift apart.
pub static QUALIFIER_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let words: Vec<String> = QUALIFIERS
        .iter()
        .filter(|(_, q)| !matches!(q, Qualifier::Between | Qualifier::From))
        .map(|(w, _)| w.replace(' ', r"\s+"))
        .collect();
    format!(r"(?:(?-u:\b)(?:{})\s+|~\s*)?", words.join("|"))
});

/// Digits with optional thousands separators and decimals, or an ordinal.
/// ASCII digits, as in every value reader: the parsers read no others, and
/// Unicode's `\d` (some seventy ranges) made each reader several times
/// costlier to compile.
///
/// The last two alternatives match the international forms ("1.234,5",
/// "150 000", "1,5"); being last, they change no match an English form
/// makes, and only a story's [`NumberFormat`] lets them be read.
pub const DIGITS_PATTERN: &str = r"(?:[0-9]+(?:st|nd|rd|th)(?-u:\b)|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[0-9]{1,3}(?:[. \x{a0}\x{202f}\x{2009}][0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+)";

/// How a story writes the digits of a number: which mark groups thousands
/// and which one starts the decimals. Set per story or per source; without
/// it, numbers are read the English way and an international form such as
/// "1,5" is left unread, never guessed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberFormat {
    /// "1,234.5": comma groups, dot decimals.
    #[default]
    English,
    /// "1.234,5": dot groups, comma decimals (German, Spanish, Italian...).
    DotComma,
    /// "1 234,5": space groups, comma decimals (French, Scandinavian...).
    SpaceComma,
}

impl NumberFormat {
    /// The names factlint.toml and sources.toml accept.
    pub const NAMES: &'static [&'static str] = &["1,234.5", "1.234,5", "1 234,5"];

    pub fn from_name(name: &str) -> Option<NumberFormat> {
        match name {
            "1,234.5" => Some(NumberFormat::English),
            "1.234,5" => Some(NumberFormat::DotComma),
            "1 234,5" => Some(NumberFormat::SpaceComma),
            _ => None,
        }
    }

    /// The names quoted as a reader types them in TOML, for messages.
    pub fn names_quoted() -> String {
        let quoted: Vec<String> = Self::NAMES.iter().map(|n| format!("{n:?}")).collect();
        quoted.join(", ")
    }

    pub fn name(self) -> &'static str {
        match self {
            NumberFormat::English => Self::NAMES[0],
            NumberFormat::DotComma => Self::NAMES[1],
            NumberFormat::SpaceComma => Self::NAMES[2],
        }
    }

    /// `text` with every number rewritten in the English form the readers
    /// know ("1.234,5" becomes "1234.5", "150 000" becomes "150000"), or
    /// why a number in it cannot be read in this format ("1.5" in a story
    /// that groups with dots). English text is returned as it is.
    pub fn to_english(self, text: &str) -> Result<std::borrow::Cow<'_, str>, String> {
        let group = match self {
            NumberFormat::English => return Ok(std::borrow::Cow::Borrowed(text)),
            NumberFormat::DotComma => ".",
            NumberFormat::SpaceComma => " \u{a0}\u{202f}\u{2009}",
        };
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in NUMBER_TOKEN.find_iter(text) {
            out.push_str(&text[last..m.start()]);
            out.push_str(&self.token(m.as_str(), group)?);
            last = m.end();
        }
        out.push_str(&text[last..]);
        Ok(std::borrow::Cow::Owned(out))
    }

    /// One run of digits and marks in English form. Spaces that do not
    /// group thousands separate numbers and are kept.
    fn token(self, token: &str, group: &str) -> Result<String, String> {
        let (whole, decimals) = match token.rsplit_once(',') {
            Some((w, d)) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => (w, Some(d)),
            Some(_) => return Err(self.unreadable(token)),
            None => (token, None),
        };
        let groups: Vec<&str> = whole.split(|c: char| group.contains(c)).collect();
        let grouped = groups.len() > 1;
        let valid = groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && (!grouped || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
        if !valid {
            let spaced_only = decimals.is_none() && !whole.contains(['.', ',']);
            if spaced_only {
                return Ok(token.to_string());
            }
            return Err(self.unreadable(token));
        }
        let mut english = groups.concat();
        if let Some(d) = decimals {
            english.push('.');
            english.push_str(d);
        }
        Ok(english)
    }

    /// Whether `text` holds a number only another format reads ("1,5",
    /// "150 000"), so that an English reading that failed can say which
    /// setting would read it.
    pub fn looks_international(text: &str) -> bool {
        NUMBER_TOKEN.find_iter(text).any(|m| {
            let t = m.as_str();
            t.split(',')
                .skip(1)
                .any(|d| d.split('.').next().is_some_and(|g| g.len() != 3))
                || t.split([' ', '\u{a0}', '\u{202f}', '\u{2009}']).count() > 1
        })
    }

    fn unreadable(self, token: &str) -> String {
        format!(
            "`{token}` is not a number as this story writes them ({})",
            self.name()
        )
    }
}

/// Digits with the marks that may group or split them, for
/// [`NumberFormat::to_english`].
static NUMBER_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:[.,\x{a0}\x{202f}\x{2009} ][0-9]+)*").expect("valid"));

const UNIT_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS_WORDS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const ORDINAL_WORDS: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|hundredth|thousandth|millionth";

/// Number words: "twenty-five", "one hundred fifty million", "a dozen",
/// "two dozen", "half a million", "two and a half", ordinals ("third");
/// an article ("a", "an") only before a word that needs one.
pub static WORDS_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let n = format!("(?:{UNIT_WORDS}|{TENS_WORDS})");
    let scale = "(?:hundred|thousand|million|billion|trillion|dozen)";
    let start = format!(r"(?:(?:a|an|half\s+a|half\s+an)\s+{scale}|{n}|{scale})");
    let next = format!(r"(?:(?:\s+and\s+|[\s-]+)(?:{n}|{scale})|\s+and\s+a\s+half)");
    format!(
        r"(?:(?-u:\b)(?:(?:{TENS_WORDS})-)?(?:{ORDINAL_WORDS})(?-u:\b)|(?-u:\b){start}{next}*(?-u:\b))"
    )
});

/// A magnitude after a number: "million", "bn", "m", "k".
pub const MAGNITUDE_PATTERN: &str =
    r"(?:[\s-]*(?:thousand|million|billion|trillion|crore|lakh|bn|mn|mln|tn|m|b|k)(?-u:\b))?";

/// Round magnitudes without a number ("hundreds of millions",
/// "multi-billion", "several hundred", "tens of thousands") and vague
/// quantities ("numerous", "a handful").
pub const VAGUE_PATTERN: &str = r"(?:(?-u:\b)(?:(?:hundreds|tens|dozens) of\s+)?(?:thousands|millions|billions|trillions)(?-u:\b)|(?-u:\b)multi-?(?:million|billion)(?-u:\b)|(?-u:\b)(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+(?:hundred|thousand|million|billion|dozen)(?-u:\b)|(?-u:\b)(?:dozens|hundreds|scores)(?-u:\b)|(?-u:\b)(?:numerous|several|multiple|a\s+handful(?:\s+of)?|countless|a\s+few)(?-u:\b))";

/// A number with its magnitude, a range's second number, and a trailing
/// bound, around `unit` (a currency symbol written before each number, or
/// an empty string): what `{value}` matches for counts and, with a unit
/// after it, for money and durations.
pub fn amount_pattern(unit: &str) -> String {
    amount_around(unit, "")
}

/// [`amount_pattern`] for a unit written after the number (the caller
/// appends it): a range's first number may carry it too, "10% to 15%",
/// "between 2 km and 3 km"; `after` is the optional unit's regex.
pub fn amount_pattern_with_unit_after(after: &str) -> String {
    amount_around("", &format!("(?:{after})?"))
}

fn amount_around(unit: &str, after: &str) -> String {
    let one = format!(
        "{unit}(?:{DIGITS_PATTERN}|{}){MAGNITUDE_PATTERN}",
        *WORDS_PATTERN
    );
    // A range's second number may leave the unit out: "$10-20 million".
    let second = if unit.is_empty() {
        one.clone()
    } else {
        format!(
            "(?:{unit})?(?:{DIGITS_PATTERN}|{}){MAGNITUDE_PATTERN}",
            *WORDS_PATTERN
        )
    };
    format!(
        r"(?:(?-u:\b)between\s+{one}{after}\s+and\s+{second}|(?-u:\b)from\s+{one}{after}\s+to\s+{second}|{}(?:{VAGUE_PATTERN}{MAGNITUDE_PATTERN}|{one}(?:{after}(?:\s*[-–—]\s*|\s+to\s+){second})?{SUFFIX_PATTERN}))",
        *QUALIFIER_PATTERN
    )
}

/// After a number: "+", "or more", "-plus", "or fewer".
pub const SUFFIX_PATTERN: &str = r"(?:\+|\s+or\s+(?:more|fewer|less)(?-u:\b)|-?plus(?-u:\b))?";

/// Lowercases, unifies apostrophes and collapses whitespace (articles
/// break lines anywhere).
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a leading bound or hedge off `text` (already normalised).
pub fn qualifier(text: &str) -> (Qualifier, &str) {
    for (words, q) in QUALIFIERS {
        if let Some(rest) = text.strip_prefix(words) {
            if rest.starts_with(' ') {
                return (*q, rest.trim_start());
            }
        }
    }
    if let Some(rest) = text.strip_prefix('~') {
        return (Qualifier::Hedged(Hedge::About), rest.trim_start());
    }
    (Qualifier::Exact, text)
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

fn ordinal_value(word: &str) -> Option<f64> {
    const ORDINALS: [(&str, f64); 26] = [
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("tenth", 10.0),
        ("eleventh", 11.0),
        ("twelfth", 12.0),
        ("thirteenth", 13.0),
        ("fourteenth", 14.0),
        ("fifteenth", 15.0),
        ("sixteenth", 16.0),
        ("seventeenth", 17.0),
        ("eighteenth", 18.0),
        ("nineteenth", 19.0),
        ("twentieth", 20.0),
        ("thirtieth", 30.0),
        ("fortieth", 40.0),
        ("fiftieth", 50.0),
        ("hundredth", 100.0),
        ("thousandth", 1000.0),
        ("millionth", 1e6),
    ];
    ORDINALS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(st|nd|rd|th)\b)?").unwrap());
static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s-]*(thousand|million|billion|trillion|crore|lakh|bn|mn|mln|tn|m|b|k)(?:s\b|\b)",
    )
    .unwrap()
});
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(hundreds|tens|dozens) of )?(thousands|millions|billions|trillions)\b|^multi-?(million|billion)\b|^(dozens|hundreds|scores)\b").unwrap()
});
/// "several hundred", "a few thousand": a vague count of a magnitude.
static FEW_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(several|a few|a couple(?: of)?) (hundred|thousand|million|billion|dozen)\b")
        .unwrap()
});
/// Vague quantities with no magnitude: never compared.
static VAGUE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(numerous|several|multiple|a handful(?: of)?|countless|a few)\b").unwrap()
});
static RANGE_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*[-–—]\s*|\s+to\s+)").unwrap());
static AND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+and\s+").unwrap());
static SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(\+)|\s+or\s+(more|fewer|less)\b|-?plus\b)").unwrap());

/// The interval a vague count word suggests (for JSON and for "several
/// hundred"): several is three to nine, a few two to five.
fn few(word: &str) -> Interval {
    match word {
        "several" => Interval::half_open(3.0, 10.0),
        "a couple" | "a couple of" => Interval::point(2.0),
        "a handful" | "a handful of" => Interval::closed(3.0, 6.0),
        "a few" => Interval::closed(2.0, 5.0),
        _ => Interval::at_least(2.0),
    }
}

/// A number read at the start of some text, before bounds are applied.
struct Number<'t> {
    value: Quantity,
    /// Whether a magnitude word followed ("150 million"), so that a
    /// range's first number can borrow the second's ("10-20 million").
    magnitude: Option<f64>,
    rest: &'t str,
}

/// Reads one number at the start of `text` (normalised, bound removed).
fn number(text: &str) -> Option<Number<'_>> {
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
                "scores" => Interval::half_open(40.0, 200.0),
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
        return Some(Number {
            value: Quantity::exact(i),
            magnitude: None,
            rest,
        });
    }
    if let Some(c) = FEW_OF.captures(text) {
        let scale = match &c[2] {
            "hundred" => 100.0,
            "dozen" => 12.0,
            w => magnitude(w)?,
        };
        let rest = &text[c.get(0)?.end()..];
        // "several hundred million": a magnitude may follow.
        let (scale, rest) = match MAGNITUDE.captures(rest) {
            Some(m) => (
                scale * magnitude(m.get(1)?.as_str())?,
                &rest[m.get(0)?.end()..],
            ),
            None => (scale, rest),
        };
        return Some(Number {
            value: Quantity::exact(few(&c[1]).scale(scale)),
            magnitude: None,
            rest,
        });
    }
    if let Some(c) = VAGUE_WORD.captures(text) {
        let word = c.get(1)?.as_str();
        return Some(Number {
            value: Quantity::vague(word, few(word)),
            magnitude: None,
            rest: &text[c.get(0)?.end()..],
        });
    }
    let (n, precision, rest) = if let Some(c) = DIGITS.captures(text) {
        let whole = c.get(0)?;
        let digits = format!(
            "{}{}",
            c.get(1)?.as_str().replace(',', ""),
            c.get(2).map_or("", |m| m.as_str())
        );
        let n: f64 = digits.parse().ok()?;
        // Half a unit of the last digit written; an ordinal is exact.
        let decimals = c.get(2).map_or(0, |m| m.as_str().len() - 1);
        let precision = if c.get(3).is_some() {
            0.0
        } else {
            0.5 * 10f64.powi(-(decimals as i32))
        };
        (n, precision, &text[whole.end()..])
    } else {
        let (n, rest) = words(text)?;
        (n, 0.0, rest)
    };
    let (scale, rest) = match MAGNITUDE.captures(rest) {
        Some(c) => (
            Some(magnitude(c.get(1)?.as_str())?),
            &rest[c.get(0)?.end()..],
        ),
        None => (None, rest),
    };
    let k = scale.unwrap_or(1.0);
    let value = Quantity {
        precision: precision * k,
        ..Quantity::exact(Interval::point(n * k))
    };
    (n * k).is_finite().then_some(Number {
        value,
        magnitude: scale,
        rest,
    })
}

/// Reads a quantity at the start of `text` (normalised): a bound or hedge,
/// one number or a range ("between 10 and 20", "10 to 20 million",
/// "$10-$20 million"), and a trailing "+" or "or more". `marker` skips a
/// unit written before each number (a currency symbol) and may record it.
pub fn read<'t>(
    text: &'t str,
    mut marker: impl FnMut(&'t str) -> &'t str,
) -> Option<(Quantity, &'t str)> {
    let (q, rest) = qualifier(text);
    let first = number(marker(rest))?;
    let mut rest = first.rest;
    let mut value = first.value;
    // "between" needs its "and"; "from" alone ("fell from 40") is exact.
    let joiner = match q {
        Qualifier::Between => Some(&*AND),
        _ => None,
    };
    let second = match joiner {
        Some(j) => Some(j.find(rest)?),
        None => RANGE_TO.find(rest),
    }
    .and_then(|m| number(marker(&rest[m.end()..])));
    match second {
        Some(second) if value.vague.is_none() && second.value.vague.is_none() => {
            if first.magnitude.is_none() {
                if let Some(k) = second.magnitude {
                    value = value.scale(k);
                }
            }
            let lo = value.stated;
            let hi = second.value.stated;
            value = Quantity {
                stated: Interval {
                    lo: lo.lo,
                    hi: hi.hi,
                    lo_open: lo.lo_open,
                    hi_open: hi.hi_open,
                },
                precision: value.precision.max(second.value.precision),
                ..value
            };
            rest = second.rest;
        }
        _ if joiner.is_some() => return None,
        _ => {}
    }
    let mut q = q;
    if let Some(c) = SUFFIX.captures(rest) {
        let bound = match c.get(2).map(|m| m.as_str()) {
            Some("fewer") | Some("less") => Qualifier::AtMost,
            _ => Qualifier::AtLeast,
        };
        if q == Qualifier::Exact {
            q = bound;
            rest = &rest[c.get(0)?.end()..];
        }
    }
    Some((bound(q, value), rest))
}

/// Applies a bound or hedge to what the number stated.
fn bound(q: Qualifier, v: Quantity) -> Quantity {
    if v.vague.is_some() {
        return v;
    }
    let s = v.stated;
    match q {
        Qualifier::Exact | Qualifier::Between | Qualifier::From => v,
        Qualifier::AtLeast => Quantity::exact(Interval::at_least(s.lo)),
        Qualifier::MoreThan => Quantity::exact(Interval::more_than(s.lo)),
        Qualifier::AtMost => Quantity::exact(Interval {
            hi_open: s.hi_open,
            ..Interval::at_most(s.hi)
        }),
        Qualifier::Under => Quantity::exact(Interval::under(s.hi)),
        Qualifier::Hedged(h) => Quantity { hedge: h, ..v },
    }
}

/// Number words at the start of `text`: "twenty-five", "a dozen", "one
/// hundred and fifty", "one hundred fifty million", "two and a half",
/// ordinals, and an article or "half a" that a magnitude follows ("a
/// million", "half a billion").
fn words(text: &str) -> Option<(f64, &str)> {
    // (word, end offset) of each word, split at spaces and hyphens.
    let mut tokens = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive([' ', '-']) {
        let word = piece.trim_end_matches([' ', '-']);
        tokens.push((word, at + word.len()));
        at += piece.len();
    }
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    // Waiting for "dozen", "hundred" or a magnitude to complete "a"/"half a".
    let mut article = false;
    let mut end = None;
    let mut after_scale = false;
    let mut i = 0;
    while let Some(&(word, word_end)) = tokens.get(i) {
        let started = current.is_some() || end.is_some();
        let was_after_scale = std::mem::replace(&mut after_scale, false);
        match word {
            "a" | "an" if !started => (current, article) = (Some(1.0), true),
            "half" if !started => (current, article) = (Some(0.5), true),
            "a" | "an" if article && current == Some(0.5) => {}
            // "and" joins only after a scale: "one hundred and fifty", not
            // "two and three".
            "and" if current.is_some() && !article => {
                let next: Vec<&str> = tokens[i + 1..].iter().take(2).map(|t| t.0).collect();
                if next == ["a", "half"] {
                    current = current.map(|c| c + 0.5);
                    end = Some(tokens[i + 2].1);
                    break;
                }
                if !was_after_scale {
                    break;
                }
                after_scale = true;
            }
            "hundred" => {
                (current, article) = (Some(current.unwrap_or(1.0) * 100.0), false);
                end = Some(word_end);
                after_scale = true;
            }
            "dozen" => {
                (current, article) = (Some(current.unwrap_or(1.0) * 12.0), false);
                end = Some(word_end);
            }
            "thousand" | "million" | "billion" | "trillion" if started => {
                total += current.unwrap_or(1.0) * magnitude(word)?;
                (current, article) = (None, false);
                end = Some(word_end);
                after_scale = true;
            }
            _ if article => break,
            w => {
                // A word adds to the number only where English composes:
                // after a scale ("hundred fifty"), or units after tens
                // ("twenty-one"); "five three" is two numbers.
                let composes = |v: f64| match current {
                    None => true,
                    Some(c) => {
                        was_after_scale
                            || c % 100.0 == 0.0
                            || (c % 10.0 == 0.0 && c % 100.0 >= 20.0 && v < 10.0)
                    }
                };
                if let Some(v) = word_value(w).filter(|v| composes(*v)) {
                    current = Some(current.unwrap_or(0.0) + v);
                    end = Some(word_end);
                } else if let Some(v) = ordinal_value(w).filter(|v| composes(*v)) {
                    // An ordinal ends the number: "twenty-first".
                    current = Some(current.unwrap_or(0.0) + v);
                    end = Some(word_end);
                    break;
                } else {
                    break;
                }
            }
        }
        i += 1;
    }
    let end = end?;
    if article {
        return None;
    }
    Some((total + current.unwrap_or(0.0), &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        let t = normalise(text);
        let (v, rest) = read(&t, |s| s).unwrap_or_else(|| panic!("no number in {text:?}"));
        assert_eq!(rest.trim(), "", "left over in {text:?}");
        v
    }

    fn stated(text: &str) -> Interval {
        q(text).stated
    }

    #[test]
    fn digits_words_and_magnitudes() {
        assert_eq!(stated("150"), Interval::point(150.0));
        assert_eq!(stated("1,000,000"), Interval::point(1e6));
        assert_eq!(stated("1.5bn"), Interval::point(1.5e9));
        assert_eq!(stated("150 million"), Interval::point(150e6));
        assert_eq!(stated("150m"), Interval::point(150e6));
        assert_eq!(stated("twenty-five"), Interval::point(25.0));
        assert_eq!(stated("a dozen"), Interval::point(12.0));
        assert_eq!(stated("two dozen"), Interval::point(24.0));
        assert_eq!(stated("one hundred and fifty"), Interval::point(150.0));
        assert_eq!(stated("one hundred fifty million"), Interval::point(150e6));
        assert_eq!(stated("two thousand five hundred"), Interval::point(2500.0));
        assert_eq!(stated("a million"), Interval::point(1e6));
        assert_eq!(stated("half a million"), Interval::point(5e5));
        assert_eq!(stated("two and a half"), Interval::point(2.5));
        assert_eq!(stated("two"), Interval::point(2.0));
        assert_eq!(stated("third"), Interval::point(3.0));
        assert_eq!(stated("twenty-first"), Interval::point(21.0));
        assert_eq!(stated("21st"), Interval::point(21.0));
    }

    #[test]
    fn precision_follows_the_last_digit() {
        assert_eq!(q("150 million").precision, 0.5e6);
        assert_eq!(q("1.5bn").precision, 0.05e9);
        assert_eq!(q("152").precision, 0.5);
        assert_eq!(q("two").precision, 0.0);
        assert_eq!(q("21st").precision, 0.0);
    }

    #[test]
    fn vague_magnitudes_are_half_open() {
        assert_eq!(
            stated("hundreds of millions"),
            Interval::half_open(1e8, 1e9)
        );
        assert_eq!(stated("tens of millions"), Interval::half_open(1e7, 1e8));
        assert_eq!(stated("millions"), Interval::half_open(1e6, 1e9));
        assert_eq!(stated("multi-billion"), Interval::half_open(2e9, 1e12));
        assert_eq!(stated("dozens"), Interval::half_open(24.0, 144.0));
        assert_eq!(
            stated("several hundred"),
            Interval::half_open(300.0, 1000.0)
        );
        assert_eq!(stated("a few thousand"), Interval::closed(2000.0, 5000.0));
    }

    #[test]
    fn vague_words_are_vague() {
        for s in ["several", "numerous", "a handful of", "multiple", "a few"] {
            assert!(q(s).vague.is_some(), "{s}");
        }
    }

    #[test]
    fn bounds_keep_strictness() {
        assert_eq!(stated("more than 500 million"), Interval::more_than(5e8));
        assert_eq!(stated("at least 500 million"), Interval::at_least(5e8));
        assert_eq!(stated("$100M+"[1..].trim()), Interval::at_least(1e8));
        assert_eq!(stated("100 or more"), Interval::at_least(100.0));
        assert_eq!(stated("up to 10"), Interval::at_most(10.0));
        assert_eq!(stated("as many as 10"), Interval::at_most(10.0));
        assert_eq!(stated("less than three"), Interval::under(3.0));
        assert_eq!(stated("fewer than 3"), Interval::under(3.0));
        assert_eq!(stated("upwards of 3"), Interval::more_than(3.0));
        assert_eq!(q("nearly 3,000").hedge, Hedge::Nearly);
        assert_eq!(q("~100").hedge, Hedge::About);
    }

    #[test]
    fn ranges() {
        assert_eq!(stated("between 10 and 20"), Interval::closed(10.0, 20.0));
        assert_eq!(stated("from 10 to 20"), Interval::closed(10.0, 20.0));
        assert_eq!(stated("10-20 million"), Interval::closed(10e6, 20e6));
        assert_eq!(stated("10 to 20 million"), Interval::closed(10e6, 20e6));
        assert_eq!(stated("1.5 to 2 billion"), Interval::closed(1.5e9, 2e9));
        assert!(read("between 10", |s| s).is_none());
    }

    #[test]
    fn international_numbers_become_english_or_unread() {
        let fr = NumberFormat::SpaceComma;
        let de = NumberFormat::DotComma;
        assert_eq!(fr.to_english("150 000 people").unwrap(), "150000 people");
        assert_eq!(fr.to_english("1 234,56 km").unwrap(), "1234.56 km");
        // Spaces that cannot group thousands separate numbers.
        assert_eq!(
            fr.to_english("in 2024 100 people").unwrap(),
            "in 2024 100 people"
        );
        assert!(fr.to_english("1.5 km").is_err());
        assert_eq!(de.to_english("1.234,5 €").unwrap(), "1234.5 €");
        assert_eq!(de.to_english("150 000").unwrap(), "150 000");
        assert!(de.to_english("1.5 km").is_err());
        assert!(de.to_english("1,234.5").is_err());
        assert!(de.to_english("1.23.456").is_err());
        let en = NumberFormat::English;
        assert_eq!(en.to_english("1,5 km").unwrap(), "1,5 km");
        assert!(NumberFormat::looks_international("1,5 km"));
        assert!(NumberFormat::looks_international("150 000"));
        assert!(!NumberFormat::looks_international("1,500.5 km"));
        for name in NumberFormat::NAMES {
            assert_eq!(NumberFormat::from_name(name).unwrap().name(), *name);
        }
    }

    #[test]
    fn not_numbers() {
        for s in ["", "lavishly", "a", "an apple", "half", "and", "a lot"] {
            assert!(read(&normalise(s), |s| s).is_none(), "{s:?}");
        }
    }
}
