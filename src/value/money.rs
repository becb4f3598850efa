//! Money: an amount as an interval, in a currency when the words name one.
//!
//! "$150 million" = "$150M" = "US$150m" = "150 million dollars". Hedges and
//! round magnitudes become intervals ("hundreds of millions of dollars" is
//! `[100M, 1B)`). "€265 million ($284 million)" is one claim stated in two
//! currencies. factlint does no currency conversion: amounts that share no
//! currency are never in conflict, and words that name no currency
//! ("millions in ad revenue") are compared with any currency.

use super::interval;
use super::number;
use super::quantity::Quantity;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// A currency written before a number.
const SYMBOL_PATTERN: &str = r"(?:us\$|usd\s?|\$|€|eur\s?|£|gbp\s?|₹|rs\.?\s?|inr\s?|c\$|a\$)\s?";

/// A currency written after a number.
const WORD_PATTERN: &str =
    r"(?:\s+(?:of\s+)?(?:us\s+)?(?:dollars?|euros?|pounds|rupees)(?-u:\b)|-dollar(?-u:\b))";

/// What `{value}` matches in a money fact's pattern: a bounded or hedged
/// amount or range with a currency symbol or word, or a round magnitude,
/// optionally followed by the same amount in another currency in
/// parentheses.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let symbol = number::amount_pattern(SYMBOL_PATTERN);
    let bare = number::amount_pattern("");
    let digits = number::DIGITS_PATTERN;
    let magnitude = number::MAGNITUDE_PATTERN;
    format!(
        concat!(
            // $150 million, US$150m, over €265 million, $10-20 million, $100M+
            r"(?:(?:{symbol})",
            // 150 million dollars, hundreds of millions of dollars
            r"|(?:{bare}){word}",
            // millions (in ad revenue): a round magnitude, no currency named
            r"|(?-u:\b)(?:(?:hundreds|tens) of\s+)?(?:millions|billions)(?-u:\b))",
            // (€265 million), ($284 million)
            r"(?:\s*\(\s*{sym}{digits}{magnitude}\s*\))?",
        ),
        symbol = symbol,
        bare = bare,
        word = WORD_PATTERN,
        sym = SYMBOL_PATTERN,
        digits = digits,
        magnitude = magnitude,
    )
});

#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    /// One amount per currency stated; usually one.
    pub amounts: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// An ISO 4217 code, or `None` when the words name no currency.
    pub currency: Option<&'static str>,
    pub value: Quantity,
}

impl Money {
    /// Compatible when every currency both state agrees (after the
    /// widening of [`Quantity::span`]); see the module doc for amounts
    /// without a currency.
    pub fn compatible(&self, other: &Money, hedge: f64, tolerance: f64) -> bool {
        let overlap = |a: &Amount, b: &Amount| a.value.compatible(&b.value, hedge, tolerance);
        for a in &self.amounts {
            for b in &other.amounts {
                let comparable =
                    a.currency.is_none() || b.currency.is_none() || a.currency == b.currency;
                if comparable && !overlap(a, b) {
                    return false;
                }
            }
        }
        // Including when no pair was comparable: different currencies, no
        // conversion, no conflict.
        true
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.amounts.iter().enumerate() {
            if i == 1 {
                f.write_str(" (")?;
            } else if i > 1 {
                f.write_str(", ")?;
            }
            let prefix = a.currency.map(|c| format!("{c} ")).unwrap_or_default();
            a.value.write(f, &prefix, interval::compact)?;
        }
        if self.amounts.len() > 1 {
            f.write_str(")")?;
        }
        Ok(())
    }
}

const SYMBOLS: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("usd", "USD"),
    ("c$", "CAD"),
    ("a$", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("₹", "INR"),
    ("rs.", "INR"),
    ("rs", "INR"),
    ("inr", "INR"),
];

const WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("rupees", "INR"),
];

/// Words that may follow an amount without changing it.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:a|per|each|every) (?:year|month|week|day)|annually|yearly|monthly|in total|total|alone)?$").unwrap()
});

pub fn parse(text: &str) -> Result<Money, String> {
    let text = number::normalise(text);
    let (main, converted) = match text.find('(') {
        Some(open) => {
            let inner = text[open + 1..].trim_end().trim_end_matches(')');
            (text[..open].trim(), Some(inner.trim()))
        }
        None => (text.as_str(), None),
    };
    let mut amounts = vec![amount(main)?];
    if let Some(inner) = converted {
        let second = amount(inner)?;
        if second.currency.is_some() && second.currency != amounts[0].currency {
            amounts.push(second);
        }
    }
    Ok(Money { amounts })
}

fn amount(text: &str) -> Result<Amount, String> {
    let mut currency = None;
    let (value, rest) = number::read(text, |rest| {
        let (code, rest) = symbol(rest);
        currency = currency.or(code);
        rest
    })
    .ok_or("no amount of money found")?;
    let mut rest = rest.trim_start_matches([' ', '-']);
    if currency.is_none() {
        let after_of = rest.strip_prefix("of ").unwrap_or(rest);
        let after_us = after_of.strip_prefix("us ").unwrap_or(after_of);
        let word = after_us.split([' ', ',', '.']).next().unwrap_or("");
        if let Some((_, code)) = WORDS.iter().find(|(w, _)| *w == word) {
            currency = Some(*code);
            rest = after_us[word.len()..].trim_start();
        }
    }
    if !TRAILING.is_match(rest.trim_end_matches(['.', ',', ';'])) {
        return Err(format!("unexpected words after the amount: {rest:?}"));
    }
    Ok(Amount { currency, value })
}

/// Splits a currency symbol or code off the start of `text`.
fn symbol(text: &str) -> (Option<&'static str>, &str) {
    for (symbol, code) in SYMBOLS {
        if let Some(r) = text.strip_prefix(symbol) {
            // "usd", "eur" and "rs" are words: they need a number after them.
            if symbol.chars().all(|c| c.is_ascii_alphabetic())
                && r.starts_with(|c: char| c.is_ascii_alphabetic())
            {
                continue;
            }
            return (Some(*code), r.trim_start());
        }
    }
    (None, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::quantity::DEFAULT_HEDGE;
    use regex::RegexBuilder;

    fn m(s: &str) -> Money {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn same(a: &str, b: &str) -> bool {
        m(a).compatible(&m(b), DEFAULT_HEDGE, 0.0)
    }

    #[test]
    fn spellings_of_one_amount_are_equal() {
        for s in [
            "$150M",
            "US$150m",
            "USD 150 million",
            "150 million dollars",
            "$150mn",
        ] {
            assert_eq!(m(s), m("$150 million"), "{s}");
        }
        // Same amount, written more precisely: shown alike, compatible.
        assert_eq!(m("$150,000,000").to_string(), "USD 150M");
        assert!(same("$150,000,000", "$150 million"));
        assert!(!same("$150,000,000", "$150,600,000"));
        assert_eq!(m("$150 million").to_string(), "USD 150M");
        assert!(same("$1,000,000", "$1 million"));
        assert_eq!(m("$1.5bn").to_string(), "USD 1.5B");
        assert_eq!(m("$40 million annually").to_string(), "USD 40M");
        assert_eq!(m("$4.5 Billion").to_string(), "USD 4.5B");
        assert_eq!(m("£10m").to_string(), "GBP 10M");
    }

    #[test]
    fn round_magnitudes_are_intervals() {
        assert!(same("hundreds of millions of dollars", "$150 million"));
        assert!(!same("hundreds of millions of dollars", "$1.5 billion"));
        // "$1 billion" is as precise as written: [0.5B, 1.5B).
        assert!(same("hundreds of millions of dollars", "$1 billion"));
        assert!(same("$0.15 billion", "$150 million"));
        assert_eq!(
            m("hundreds of millions of dollars").to_string(),
            "USD 100M to USD 1B"
        );
        assert!(same("millions", "hundreds of millions of dollars"));
        assert_eq!(m("millions").amounts[0].currency, None);
        assert_eq!(m("multi-billion dollar").to_string(), "USD 2B to USD 1T");
    }

    #[test]
    fn hedges() {
        assert!(same("over $100 million", "$5 billion"));
        assert!(!same("over $100 million", "$99 million"));
        assert_eq!(m("over $100 million").to_string(), "more than USD 100M");
        assert_eq!(m("$100M+").to_string(), "at least USD 100M");
        assert_eq!(m("$100 million-plus").to_string(), "at least USD 100M");
        assert!(same("$100M+", "$100 million"));
        assert!(!same("over $100 million", "$99 million"));
        assert!(!same(
            "over one hundred million dollars",
            "one hundred million dollars"
        ));
        assert_eq!(
            m("between $10 million and $20 million").to_string(),
            "USD 10M to USD 20M"
        );
        assert_eq!(m("$10-20 million").to_string(), "USD 10M to USD 20M");
        assert_eq!(
            m("one hundred fifty million dollars").to_string(),
            "USD 150M"
        );
        assert!(same("several hundred million dollars", "$500 million"));
        assert!(!same("several hundred million dollars", "$1.2 billion"));
        assert!(same("nearly $100 million", "$95 million"));
        assert!(!same("nearly $100 million", "$101 million"));
        assert!(same("about $100 million", "$109 million"));
    }

    #[test]
    fn two_currencies_are_one_claim() {
        let fine = m("€265 million ($284 million)");
        assert_eq!(fine.to_string(), "EUR 265M (USD 284M)");
        assert!(fine.compatible(&m("$284 million"), DEFAULT_HEDGE, 0.0));
        assert!(fine.compatible(&m("€265m"), DEFAULT_HEDGE, 0.0));
        assert!(!fine.compatible(&m("$300 million"), DEFAULT_HEDGE, 0.0));
        assert!(m("$284 million (€265 million)").compatible(&fine, DEFAULT_HEDGE, 0.0));
        // No common currency: no conversion, so no conflict.
        assert!(same("€265 million", "$999 million"));
    }

    #[test]
    fn tolerance_widens() {
        assert!(!same("$100 million", "$104 million"));
        assert!(m("$100 million").compatible(&m("$104 million"), DEFAULT_HEDGE, 0.05));
    }

    #[test]
    fn not_money() {
        for s in [
            "",
            "$",
            "$$$",
            "lavishly",
            "nearly",
            "$150 million and change",
            "Ω",
        ] {
            assert!(parse(s).is_err(), "{s:?}");
        }
        for s in ["1e400 million", "999999999999999999999999 billion", "-5"] {
            let _ = parse(s); // must not panic
        }
    }

    #[test]
    fn pattern_matches_what_parse_reads() {
        let re = RegexBuilder::new(&format!("^(?:{})$", *PATTERN))
            .case_insensitive(true)
            .build()
            .unwrap();
        assert_eq!(re.captures_len(), 1, "no capture groups");
        for s in [
            "$150 million",
            "$150M",
            "US$150m",
            "USD 150 million",
            "150 million dollars",
            "hundreds of millions of dollars",
            "millions of dollars",
            "millions",
            "over $100 million",
            "€265 million ($284 million)",
            "$1.5bn",
            "$1,000,000",
            "multi-billion dollar",
            "nearly $3 billion",
        ] {
            assert!(re.is_match(s), "PATTERN misses {s:?}");
            assert!(parse(s).is_ok(), "parse misses {s:?}");
        }
        let find = Regex::new(&format!("(?i){}", *PATTERN)).unwrap();
        assert_eq!(
            find.find("spending $40 million annually on ads")
                .unwrap()
                .as_str(),
            "$40 million"
        );
    }
}
