//! Counts of people, users, documents: "two", "533 million", "more than 500
//! million", "millions", "a dozen". The noun stays outside `{value}` in the
//! rule's pattern, so one normaliser serves every kind of thing counted.

use super::interval::Interval;
use super::number::{
    self, DIGITS_PATTERN, MAGNITUDE_PATTERN, QUALIFIER_PATTERN, VAGUE_PATTERN, WORDS_PATTERN,
};
use std::sync::LazyLock;

/// What `{value}` matches in a count fact's pattern.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!("{QUALIFIER_PATTERN}(?:{VAGUE_PATTERN}|(?:{DIGITS_PATTERN}|{WORDS_PATTERN}){MAGNITUDE_PATTERN})")
});

pub fn parse(text: &str) -> Result<Interval, String> {
    let text = number::normalise(text);
    let (hedge, rest) = number::qualifier(&text);
    let (value, rest) = number::quantity(rest).ok_or("no number found")?;
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected words after the number: {:?}",
            rest.trim()
        ));
    }
    Ok(number::hedge(hedge, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::RegexBuilder;

    #[test]
    fn counts() {
        assert_eq!(parse("two").unwrap(), Interval::point(2.0));
        assert_eq!(parse("533 million").unwrap(), Interval::point(533e6));
        assert_eq!(parse("a dozen").unwrap(), Interval::point(12.0));
        assert_eq!(
            parse("more than 500 million").unwrap(),
            Interval::at_least(5e8)
        );
        assert_eq!(parse("millions").unwrap(), Interval::half_open(1e6, 1e9));
    }

    #[test]
    fn hedged_and_vague_counts_compare_as_intervals() {
        let over = parse("more than 500 million").unwrap();
        assert!(over.overlaps(&parse("millions").unwrap()));
        assert!(over.overlaps(&parse("533 million").unwrap()));
        assert!(!over.overlaps(&parse("400 million").unwrap()));
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
        for s in [
            "two",
            "2",
            "twenty-five",
            "a dozen",
            "more than 500 million",
            "533 million",
            "millions",
            "nearly 3,000",
            "hundreds of thousands",
            "1.5 billion",
        ] {
            assert!(re.is_match(s), "PATTERN misses {s:?}");
            assert!(parse(s).is_ok(), "parse misses {s:?}");
        }
    }
}
