//! Temperatures, which outlets give in Fahrenheit or Celsius ("a high of
//! 104F", "40C"; "minus 5 °C", "-5C"). Unlike other units, the scales do
//! not share a zero, so a reading converts to degrees Celsius affinely
//! (`C = (F − 32) × 5/9`); the written precision converts with the degree's
//! size (1 °F is 5/9 °C), so "104F" agrees with "40C".
//!
//! What is read is a temperature, a point on the scale. A *change* of
//! temperature ("rose 5 degrees", "10C warmer") converts without the
//! offset (5 °C of warming is 9 °F, not 41 °F): it is not a value of this
//! kind, and a rule must not capture one with it. Two wordings stay
//! unresolved rather than guessed: "degrees" with no scale (a US and a UK
//! outlet mean different ones), and a hedged temperature ("about 40C"),
//! because the relative hedge width of other quantities means nothing on
//! a scale whose zero is arbitrary ("about 0C" would have no width).

use super::interval::Interval;
use super::measure::{self, Dimension, Measure};
use super::number::{self, Qualifier};
use super::quantity::Quantity;
use super::Reading;
use regex::Regex;
use std::sync::LazyLock;

/// The scales, with their spellings (longest first where one starts
/// another) and their conversion to Celsius: `c = x * k + offset`.
struct Scale {
    names: &'static [&'static str],
    symbol: &'static str,
    k: f64,
    offset: f64,
}

const SCALES: &[Scale] = &[
    Scale {
        names: &[
            "degrees fahrenheit",
            "degree fahrenheit",
            "degrees f",
            "deg f",
            "fahrenheit",
            "°f",
            "º f",
            "ºf",
            "° f",
            "f",
        ],
        symbol: "°F",
        k: 5.0 / 9.0,
        offset: -32.0 * 5.0 / 9.0,
    },
    Scale {
        names: &[
            "degrees celsius",
            "degree celsius",
            "degrees centigrade",
            "degrees c",
            "deg c",
            "celsius",
            "centigrade",
            "°c",
            "º c",
            "ºc",
            "° c",
            "c",
        ],
        symbol: "°C",
        k: 1.0,
        offset: 0.0,
    },
];

/// "degrees" alone: a temperature whose scale is not written.
const NO_SCALE: &[&str] = &["degrees", "degree", "°", "º"];

fn all_names() -> String {
    measure::alternation(
        SCALES
            .iter()
            .flat_map(|s| s.names.iter().copied())
            .chain(NO_SCALE.iter().copied()),
        r"\s*",
    )
}

/// What `{value}` matches in a temperature fact: an optional sign
/// ("minus", "-"), an amount, and a scale or "degrees".
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let units = all_names();
    format!(
        r"(?:(?-u:\b)minus\s+|[-−])?{}[\s-]*(?:{units})",
        number::amount_pattern_with_unit_after(&format!(r"[\s-]*(?:{units})"))
    )
});

/// The scale at the end of the words.
static SCALE_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(.*?)[\s-]*({})$", all_names())).expect("scale names"));

static SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:minus\s+|[-−]\s*)").expect("sign"));

/// Reads a temperature; see the module doc for what stays unresolved.
pub fn parse(text: &str) -> Result<Reading, String> {
    let text = number::normalise(text);
    let text = text.trim_end_matches([',', ';', '.']);
    let c = SCALE_AT_END
        .captures(text)
        .ok_or("no temperature scale (°F, °C, Fahrenheit, Celsius, or \"degrees\")".to_string())?;
    let spelled: String = c[2].split_whitespace().collect();
    let scale = scale_named(&spelled);
    let mut words = c[1].trim().to_string();
    let negative = match SIGN.find(&words) {
        Some(m) => {
            words = words[m.end()..].to_string();
            true
        }
        None => false,
    };
    let signed_range = words.contains(['-', '−']) && (negative || words.contains(" to "));
    if signed_range || words.contains("minus") {
        return Err("a range or bound below zero is not read yet".to_string());
    }
    // A range may repeat the scale: "30C to 35C" (one scale only).
    let words = strip_inner_scale(&words, scale.map(|s| s.symbol))?;
    let (qualifier, _) = number::qualifier(&words);
    let (written, rest) = number::read(&words, |s| s).ok_or("no number found")?;
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected words after the number: {:?}",
            rest.trim()
        ));
    }
    let Some(scale) = scale else {
        return Ok(Reading::Unresolved(
            "\"degrees\" without Fahrenheit or Celsius: the scale is not written".to_string(),
        ));
    };
    if written.hedge.word().is_some() {
        return Ok(Reading::Unresolved(format!(
            "a temperature with \"{}\" is not compared: a hedge has no width on a scale whose zero is arbitrary",
            written.hedge.word().unwrap_or("about")
        )));
    }
    if written.vague.is_some() {
        return Err("no number found".to_string());
    }
    if negative && !written.stated.is_point() {
        return Err("a range or bound below zero is not read yet".to_string());
    }
    let mut written = written;
    // "up to 40C", "below 30F": no floor at zero on a temperature scale.
    if matches!(qualifier, Qualifier::AtMost | Qualifier::Under) {
        written.stated.lo = f64::NEG_INFINITY;
    }
    if negative {
        written.stated = Interval::point(-written.stated.lo);
    }
    let base = Quantity {
        stated: Interval {
            lo: written.stated.lo * scale.k + scale.offset,
            hi: written.stated.hi * scale.k + scale.offset,
            ..written.stated
        },
        precision: written.precision * scale.k,
        ..written.clone()
    };
    Ok(Reading::Value(super::Value::Measure(Measure {
        dimension: Dimension::Temperature,
        written,
        unit: scale.symbol,
        base,
    })))
}

/// The scale one of whose names, without spaces, is `spelled`.
fn scale_named(spelled: &str) -> Option<&'static Scale> {
    SCALES
        .iter()
        .find(|s| s.names.iter().any(|n| n.replace(' ', "") == spelled))
}

/// "30C to 35C" → "30 to 35"; a range in two scales is an error.
fn strip_inner_scale(words: &str, outer: Option<&str>) -> Result<String, String> {
    static INNER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(.*?[0-9a-z])[\s-]*({})(\s*[-–—]\s*|\s+to\s+|\s+and\s+)(.*)$",
            all_names()
        ))
        .expect("scale names")
    });
    match INNER.captures(words) {
        Some(c) => {
            let spelled: String = c[2].split_whitespace().collect();
            let inner = scale_named(&spelled).map(|s| s.symbol);
            if inner != outer {
                return Err("a range in two scales".to_string());
            }
            Ok(format!("{}{}{}", &c[1], &c[3], &c[4]))
        }
        None => Ok(words.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::quantity::DEFAULT_HEDGE;
    use crate::value::Value;

    fn measure(s: &str) -> Measure {
        match parse(s) {
            Ok(Reading::Value(Value::Measure(m))) => m,
            other => panic!("{s:?}: {other:?}"),
        }
    }

    fn agree(a: &str, b: &str) -> bool {
        measure(a).compatible(&measure(b), DEFAULT_HEDGE, 0.0)
    }

    #[test]
    fn fahrenheit_and_celsius_convert_affinely() {
        assert!(agree("104F", "40C"));
        assert!(agree("32 °F", "0 °C"));
        assert!(agree("-40F", "minus 40C"));
        assert!(agree("23 degrees Fahrenheit", "-5 degrees Celsius"));
        assert!(!agree("104F", "41C"));
        assert!(!agree("-5C", "5C"));
        assert!(agree("more than 100F", "38C"));
        assert!(!agree("up to 30C", "90F"));
        assert!(agree("below 32F", "-1C"));
    }

    #[test]
    fn unknown_scale_and_hedges_are_unresolved() {
        assert!(matches!(parse("40 degrees"), Ok(Reading::Unresolved(_))));
        assert!(matches!(parse("about 40C"), Ok(Reading::Unresolved(_))));
        assert!(parse("40 kelvin").is_err());
        assert!(parse("minus 5 to minus 10C").is_err());
        assert!(parse("-5 to -10C").is_err());
        assert!(parse("30C to 90F").is_err());
        assert_eq!(
            measure("30C to 35C").to_string(),
            "30 to 35 °C (30 to 35 °C)"
        );
    }
}
