//! Counts of people, users, documents: "two", "533 million", "more than 500
//! million", "millions", "a dozen", "between 10 and 20", "several hundred",
//! and vague counts ("numerous", "a handful"). The noun stays outside
//! `{value}` in the rule's pattern, so one normaliser serves every kind of
//! thing counted.

use super::number;
use super::quantity::Quantity;
use std::sync::LazyLock;

/// What `{value}` matches in a count fact's pattern.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| number::amount_pattern(""));

pub fn parse(text: &str) -> Result<Quantity, String> {
    let text = number::normalise(text);
    let (value, rest) = number::read(&text, |s| s).ok_or("no number found")?;
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected words after the number: {:?}",
            rest.trim()
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::interval::Interval;
    use crate::value::quantity::DEFAULT_HEDGE;
    use regex::RegexBuilder;

    fn stated(s: &str) -> Interval {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).stated
    }

    fn agree(a: &str, b: &str) -> bool {
        parse(a)
            .unwrap()
            .compatible(&parse(b).unwrap(), DEFAULT_HEDGE, 0.0)
    }

    #[test]
    fn counts() {
        assert_eq!(stated("two"), Interval::point(2.0));
        assert_eq!(stated("533 million"), Interval::point(533e6));
        assert_eq!(stated("a dozen"), Interval::point(12.0));
        assert_eq!(stated("more than 500 million"), Interval::more_than(5e8));
        assert_eq!(stated("millions"), Interval::half_open(1e6, 1e9));
    }

    #[test]
    fn hedged_and_vague_counts_compare_as_intervals() {
        assert!(agree("more than 500 million", "millions"));
        assert!(agree("more than 500 million", "533 million"));
        assert!(!agree("more than 500 million", "400 million"));
        // "500" may be rounded from 500.4: written precision.
        assert!(agree("more than 500", "500"));
        assert!(!agree("more than two", "two"), "strict: words are exact");
        assert!(agree("at least two", "two"));
        assert!(!agree("more than 500", "480"));
        assert!(!agree("two", "three"));
        assert!(agree("2", "two"));
        assert!(agree("several", "2"), "vague never conflicts");
    }

    #[test]
    fn not_counts() {
        for s in ["", "users", "a", "many", "two users", "Ω"] {
            assert!(parse(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn pattern_matches_what_parse_reads() {
        let re = RegexBuilder::new(&format!("^(?:{})$", *PATTERN))
            .case_insensitive(true)
            .build()
            .unwrap();
        assert_eq!(re.captures_len(), 1);
        for s in crate::value::wordings::COUNT.iter().map(|e| e.text) {
            assert!(re.is_match(s), "PATTERN misses {s:?}");
            assert!(parse(s).is_ok(), "parse misses {s:?}");
        }
    }
}
