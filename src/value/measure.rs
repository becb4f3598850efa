//! Quantities with units: lengths and distances, speeds and masses, which
//! outlets convert differently ("a 1,100-foot tower", "the 335-metre
//! tower"; "winds of 90 mph", "145 km/h"). Each is read in the unit it was
//! written in and converted to a base unit (metre, metre per second,
//! kilogram) for comparison; the written precision converts with it, so
//! "2.4 miles" agrees with "3.9 km" while "1,100 ft" and "1,010 ft" do not.
//! The number part is any [`number`] wording: bounds, ranges, words,
//! hedges.

use super::interval;
use super::number;
use super::quantity::Quantity;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// What is measured; values of different dimensions never compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Length,
    Speed,
    Mass,
}

impl Dimension {
    fn base(self) -> &'static str {
        match self {
            Dimension::Length => "m",
            Dimension::Speed => "m/s",
            Dimension::Mass => "kg",
        }
    }
}

/// A unit: the spellings news uses, its symbol, and its size in the base.
struct Unit {
    names: &'static [&'static str],
    symbol: &'static str,
    dimension: Dimension,
    base: f64,
}

const UNITS: &[Unit] = &[
    Unit {
        names: &["nautical miles", "nautical mile", "nmi"],
        symbol: "nmi",
        dimension: Dimension::Length,
        base: 1852.0,
    },
    Unit {
        names: &["inches", "inch"],
        symbol: "in",
        dimension: Dimension::Length,
        base: 0.0254,
    },
    Unit {
        names: &["feet", "foot", "ft"],
        symbol: "ft",
        dimension: Dimension::Length,
        base: 0.3048,
    },
    Unit {
        names: &["yards", "yard", "yd"],
        symbol: "yd",
        dimension: Dimension::Length,
        base: 0.9144,
    },
    Unit {
        names: &[
            "kilometres",
            "kilometers",
            "kilometre",
            "kilometer",
            "kms",
            "km",
        ],
        symbol: "km",
        dimension: Dimension::Length,
        base: 1000.0,
    },
    Unit {
        names: &[
            "centimetres",
            "centimeters",
            "centimetre",
            "centimeter",
            "cm",
        ],
        symbol: "cm",
        dimension: Dimension::Length,
        base: 0.01,
    },
    Unit {
        names: &["metres", "meters", "metre", "meter", "m"],
        symbol: "m",
        dimension: Dimension::Length,
        base: 1.0,
    },
    Unit {
        names: &["miles", "mile", "mi"],
        symbol: "mi",
        dimension: Dimension::Length,
        base: 1609.344,
    },
    Unit {
        names: &["miles per hour", "miles an hour", "mph"],
        symbol: "mph",
        dimension: Dimension::Speed,
        base: 0.44704,
    },
    Unit {
        names: &[
            "kilometres per hour",
            "kilometers per hour",
            "kilometres an hour",
            "kilometers an hour",
            "km/h",
            "kmh",
            "kph",
        ],
        symbol: "km/h",
        dimension: Dimension::Speed,
        base: 1.0 / 3.6,
    },
    Unit {
        names: &["knots", "knot", "kt", "kts"],
        symbol: "kn",
        dimension: Dimension::Speed,
        base: 1852.0 / 3600.0,
    },
    Unit {
        names: &["metres per second", "meters per second", "m/s"],
        symbol: "m/s",
        dimension: Dimension::Speed,
        base: 1.0,
    },
    Unit {
        names: &["metric tons", "metric tonnes", "tonnes", "tonne"],
        symbol: "t",
        dimension: Dimension::Mass,
        base: 1000.0,
    },
    Unit {
        names: &["tons", "ton"],
        symbol: "short ton",
        dimension: Dimension::Mass,
        base: 907.184_74,
    },
    Unit {
        names: &["kilograms", "kilogram", "kilos", "kg"],
        symbol: "kg",
        dimension: Dimension::Mass,
        base: 1.0,
    },
    Unit {
        names: &["grams", "gram", "g"],
        symbol: "g",
        dimension: Dimension::Mass,
        base: 0.001,
    },
    Unit {
        names: &["pounds", "pound", "lbs", "lb"],
        symbol: "lb",
        dimension: Dimension::Mass,
        base: 0.453_592_37,
    },
    Unit {
        names: &["ounces", "ounce", "oz"],
        symbol: "oz",
        dimension: Dimension::Mass,
        base: 0.028_349_523_125,
    },
];

/// The unit names of a dimension as a regex alternation, longest first.
fn names(dimension: Dimension) -> String {
    let mut all: Vec<&str> = UNITS
        .iter()
        .filter(|u| u.dimension == dimension)
        .flat_map(|u| u.names.iter().copied())
        .collect();
    all.sort_by_key(|n| std::cmp::Reverse(n.len()));
    all.iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// What `{value}` matches for a kind of this dimension: an amount, then
/// its unit, spaced or hyphenated ("1,100-foot").
pub fn pattern(dimension: Dimension) -> String {
    format!(
        r"{}[\s-]*(?:{})(?-u:\b)",
        number::amount_pattern(""),
        names(dimension)
    )
}

pub static LENGTH_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Length));
pub static SPEED_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Speed));
pub static MASS_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Mass));

/// The unit at the end of the words, per dimension.
static UNIT_AT_END: LazyLock<Vec<(Dimension, Regex)>> = LazyLock::new(|| {
    [Dimension::Length, Dimension::Speed, Dimension::Mass]
        .into_iter()
        .map(|d| {
            let re = Regex::new(&format!(r"^(.*?)[\s-]*({})$", names(d))).expect("unit names");
            (d, re)
        })
        .collect()
});

/// A measured quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub dimension: Dimension,
    /// As written, in `unit`.
    pub written: Quantity,
    /// The symbol of the unit written.
    pub unit: &'static str,
    /// Converted to the dimension's base unit; what is compared.
    pub base: Quantity,
}

impl Measure {
    pub fn compatible(&self, other: &Measure, hedge: f64, tolerance: f64) -> bool {
        self.dimension == other.dimension && self.base.compatible(&other.base, hedge, tolerance)
    }

    pub fn base_unit(&self) -> &'static str {
        self.dimension.base()
    }
}

/// Reads a quantity of `dimension`: a number wording and a unit.
pub fn parse(text: &str, dimension: Dimension) -> Result<Measure, String> {
    let text = number::normalise(text);
    let text = text.trim_end_matches(['.', ',', ';']);
    let re = &UNIT_AT_END
        .iter()
        .find(|(d, _)| *d == dimension)
        .ok_or("no units")?
        .1;
    let c = re.captures(text).ok_or_else(|| {
        let all: Vec<&str> = UNITS
            .iter()
            .filter(|u| u.dimension == dimension)
            .map(|u| u.names[0])
            .collect();
        format!("no unit of {} ({})", name(dimension), all.join(", "))
    })?;
    let spelled = c.get(2).map_or("", |m| m.as_str());
    let spelled = spelled.split_whitespace().collect::<Vec<_>>().join(" ");
    let unit = UNITS
        .iter()
        .find(|u| u.dimension == dimension && u.names.contains(&spelled.as_str()))
        .ok_or("unknown unit")?;
    let (written, rest) =
        number::read(c.get(1).map_or("", |m| m.as_str()), |s| s).ok_or("no number found")?;
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected words after the number: {:?}",
            rest.trim()
        ));
    }
    Ok(Measure {
        dimension,
        base: written.scale(unit.base),
        written,
        unit: unit.symbol,
    })
}

fn name(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "length",
        Dimension::Speed => "speed",
        Dimension::Mass => "mass",
    }
}

/// Up to one decimal, for the converted value: `335.3`.
fn short(x: f64) -> String {
    if x.abs() >= 1e4 {
        return interval::compact(x);
    }
    let s = format!("{:.1}", (x * 10.0).round() / 10.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl fmt::Display for Measure {
    /// As written, then in the base unit: `1100 ft (335.3 m)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written.write(f, "", interval::compact)?;
        write!(f, " {} (", self.unit)?;
        self.base.write(f, "", short)?;
        write!(f, " {})", self.dimension.base())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::quantity::DEFAULT_HEDGE;

    fn agree(a: &str, b: &str, d: Dimension) -> bool {
        parse(a, d)
            .unwrap()
            .compatible(&parse(b, d).unwrap(), DEFAULT_HEDGE, 0.0)
    }

    #[test]
    fn conversions_agree_within_written_precision() {
        use Dimension::*;
        assert!(agree("2.4 miles", "3.9 km", Length));
        assert!(!agree("1,100 ft", "1,010 ft", Length));
        assert!(agree("1,100-foot", "335 metres", Length));
        assert!(agree("90 mph", "145 km/h", Speed));
        assert!(!agree("90 mph", "160 km/h", Speed));
        assert!(agree("about 20 knots", "23 mph", Speed));
        assert!(agree("100 kg", "220 pounds", Mass));
        assert!(!agree("two tonnes", "two tons", Mass));
        assert!(agree("more than three miles", "5 km", Length));
    }

    #[test]
    fn shown_as_written_and_in_the_base_unit() {
        assert_eq!(
            parse("the 1,100-foot", Dimension::Length)
                .map(|m| m.to_string())
                .unwrap_or_else(|e| e),
            "no number found"
        );
        assert_eq!(
            parse("1,100-foot", Dimension::Length).unwrap().to_string(),
            "1100 ft (335.3 m)"
        );
        assert!(parse("12 parsecs", Dimension::Length)
            .unwrap_err()
            .starts_with("no unit of length"));
    }
}
