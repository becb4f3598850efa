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
    /// Areas, in square metres: "2,000 square feet", "50 hectares".
    Area,
    /// Volumes, in litres: "500 gallons", "2 million barrels".
    Volume,
    /// Temperatures, in degrees Celsius, converted affinely (see
    /// [`super::temperature`]); no unit of [`UNITS`] has this dimension.
    Temperature,
    /// A share: "15%", "15 per cent".
    Percent,
    /// A difference of two percentages: "2 percentage points", "75 basis
    /// points". Its own dimension, so that it is never taken for percent:
    /// a rate rising "2 points" and a price rising "2%" say different
    /// things.
    Points,
}

impl Dimension {
    const ALL: [Dimension; 7] = [
        Dimension::Length,
        Dimension::Speed,
        Dimension::Mass,
        Dimension::Area,
        Dimension::Volume,
        Dimension::Percent,
        Dimension::Points,
    ];

    fn base(self) -> &'static str {
        match self {
            Dimension::Length => "m",
            Dimension::Speed => "m/s",
            Dimension::Mass => "kg",
            Dimension::Area => "m²",
            Dimension::Volume => "L",
            Dimension::Temperature => "°C",
            Dimension::Percent => "%",
            Dimension::Points => "pp",
        }
    }

    /// Whether a value is shown once, in its own unit, when it is written
    /// in the base unit: `15%`, not `15 % (15 %)`.
    fn shown_once(self) -> bool {
        matches!(self, Dimension::Percent | Dimension::Points)
    }

    /// Whether news writes values of the dimension below zero ("-0.3%",
    /// "minus 2 points"); those are captured but not read yet.
    fn signed(self) -> bool {
        matches!(self, Dimension::Percent | Dimension::Points)
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
    Unit {
        names: &[
            "square kilometres",
            "square kilometers",
            "square kilometre",
            "square kilometer",
            "sq km",
            "km²",
            "km2",
        ],
        symbol: "km²",
        dimension: Dimension::Area,
        base: 1e6,
    },
    Unit {
        names: &[
            "square metres",
            "square meters",
            "square metre",
            "square meter",
            "sq m",
            "sqm",
            "m²",
            "m2",
        ],
        symbol: "m²",
        dimension: Dimension::Area,
        base: 1.0,
    },
    Unit {
        names: &[
            "square feet",
            "square foot",
            "sq. ft.",
            "sq. ft",
            "sq ft",
            "sqft",
            "ft²",
        ],
        symbol: "sq ft",
        dimension: Dimension::Area,
        base: 0.092_903_04,
    },
    Unit {
        names: &["square miles", "square mile", "sq mi", "sq miles", "mi²"],
        symbol: "sq mi",
        dimension: Dimension::Area,
        base: 2_589_988.110_336,
    },
    Unit {
        names: &["acres", "acre"],
        symbol: "acre",
        dimension: Dimension::Area,
        base: 4_046.856_422_4,
    },
    Unit {
        names: &["hectares", "hectare", "ha"],
        symbol: "ha",
        dimension: Dimension::Area,
        base: 1e4,
    },
    Unit {
        names: &["litres", "liters", "litre", "liter"],
        symbol: "L",
        dimension: Dimension::Volume,
        base: 1.0,
    },
    Unit {
        names: &[
            "millilitres",
            "milliliters",
            "millilitre",
            "milliliter",
            "ml",
        ],
        symbol: "ml",
        dimension: Dimension::Volume,
        base: 0.001,
    },
    Unit {
        names: &["gallons", "gallon", "gal"],
        symbol: "gal",
        dimension: Dimension::Volume,
        base: 3.785_411_784,
    },
    Unit {
        names: &["imperial gallons", "imperial gallon"],
        symbol: "imp gal",
        dimension: Dimension::Volume,
        base: 4.546_09,
    },
    Unit {
        names: &[
            "cubic metres",
            "cubic meters",
            "cubic metre",
            "cubic meter",
            "cu m",
            "m³",
            "m3",
        ],
        symbol: "m³",
        dimension: Dimension::Volume,
        base: 1000.0,
    },
    Unit {
        names: &["cubic feet", "cubic foot", "cu ft", "ft³"],
        symbol: "cu ft",
        dimension: Dimension::Volume,
        base: 28.316_846_592,
    },
    Unit {
        names: &["barrels", "barrel", "bbl"],
        symbol: "bbl",
        dimension: Dimension::Volume,
        base: 158.987_294_928,
    },
    Unit {
        names: &["percent", "per cent", "pct", "%"],
        symbol: "%",
        dimension: Dimension::Percent,
        base: 1.0,
    },
    Unit {
        names: &[
            "percentage points",
            "percentage point",
            "percentage pts",
            "points",
            "point",
            "ppts",
            "ppt",
            "pts",
            "pp",
        ],
        symbol: "pp",
        dimension: Dimension::Points,
        base: 1.0,
    },
    Unit {
        names: &["basis points", "basis point", "bps", "bp"],
        symbol: "bp",
        dimension: Dimension::Points,
        base: 0.01,
    },
];

/// The unit names of a dimension as a regex alternation, longest first;
/// the words of a name may be hyphenated ("percentage-point"). A name
/// ending in a letter must end a word ("m" is not the start of "more"); a
/// symbol such as "%" needs no boundary after it.
fn names(dimension: Dimension) -> String {
    alternation(
        UNITS
            .iter()
            .filter(|u| u.dimension == dimension)
            .flat_map(|u| u.names.iter().copied()),
        r"[\s-]+",
    )
}

/// Unit names as a regex alternation, longest first, `space` standing
/// for the space between the words of a name.
pub(super) fn alternation<'a>(names: impl Iterator<Item = &'a str>, space: &str) -> String {
    let mut all: Vec<&str> = names.collect();
    all.sort_by_key(|n| std::cmp::Reverse(n.len()));
    all.iter()
        .map(|n| {
            let name = regex::escape(n).replace(' ', space);
            if n.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                format!(r"{name}(?-u:\b)")
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// What `{value}` matches for a kind of this dimension: an amount, then
/// its unit, spaced or hyphenated ("1,100-foot"); a range's first number
/// may repeat the unit ("10% to 15%", "between 2 km and 3 km").
pub fn pattern(dimension: Dimension) -> String {
    let units = names(dimension);
    // A sign is taken into the claim so that "-0.3%" or "minus 2 points"
    // is never read as its positive number (see [`parse`]).
    let sign = if dimension.signed() {
        r"(?:(?-u:\b)(?:minus|negative)\s+|[-−])?"
    } else {
        ""
    };
    format!(
        r"{sign}{}[\s-]*(?:{units}){}",
        number::amount_pattern_with_unit_after(&format!(r"[\s-]*(?:{units})")),
        number::SUFFIX_PATTERN
    )
}

pub static LENGTH_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Length));
pub static SPEED_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Speed));
pub static MASS_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Mass));
pub static AREA_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Area));
pub static VOLUME_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Volume));
pub static PERCENT_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Percent));
pub static POINTS_PATTERN: LazyLock<String> = LazyLock::new(|| pattern(Dimension::Points));

/// Per dimension: the unit at the end of the words, and a unit repeated
/// after a range's first number ("10% to 15%"), which is dropped when it
/// is the same unit as the last.
static UNIT_AT_END: LazyLock<Vec<(Dimension, Regex, Regex)>> = LazyLock::new(|| {
    Dimension::ALL
        .into_iter()
        .map(|d| {
            let units = names(d);
            let end = Regex::new(&format!(r"^(.*?)[\s-]*({units})$")).expect("unit names");
            let inner = Regex::new(&format!(
                r"^(.*?[0-9a-z])[\s-]*({units})(\s*[-–—]\s*|\s+to\s+|\s+and\s+)(.*)$"
            ))
            .expect("unit names");
            (d, end, inner)
        })
        .collect()
});

/// A sign before the number: "-0.3%", "minus 2 points".
static SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-−]|(?:minus|negative)\s)").expect("sign"));

/// A bound written after the unit: "20% or more", "500 feet or less",
/// "10 kg-plus".
static TRAILING_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?\S)(\+|\s+or\s+(?:more|fewer|less)|-?plus)$").expect("bound")
});

/// The unit of `dimension` one of whose names is `spelled` (hyphens and
/// spaces alike).
fn unit_named(dimension: Dimension, spelled: &str) -> Option<&'static Unit> {
    let spelled = spelled
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    UNITS
        .iter()
        .find(|u| u.dimension == dimension && u.names.contains(&spelled.as_str()))
}

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
    if SIGN.is_match(text) {
        return Err(format!(
            "a negative {} is not read: write the direction in the pattern (\"fell 0.3%\")",
            name(dimension)
        ));
    }
    // "20% or more": the bound after the unit belongs to the number.
    let (text, bound) = match TRAILING_BOUND.captures(text) {
        Some(c) => (
            c.get(1).map_or("", |m| m.as_str()),
            c.get(2).map_or("", |m| m.as_str()),
        ),
        None => (text, ""),
    };
    let (_, end, inner) = UNIT_AT_END
        .iter()
        .find(|(d, _, _)| *d == dimension)
        .ok_or("no units")?;
    let c = end
        .captures(text)
        .ok_or_else(|| missing_unit(text, dimension))?;
    let unit = unit_named(dimension, c.get(2).map_or("", |m| m.as_str())).ok_or("unknown unit")?;
    let mut number_words = c.get(1).map_or("", |m| m.as_str()).to_string();
    // "10% to 15%": the first unit goes if it is the last one again; two
    // different units in one range ("10 miles to 15 km") are not read.
    if let Some(r) = inner.captures(&number_words) {
        if unit_named(dimension, &r[2]).map(|u| u.symbol) != Some(unit.symbol) {
            return Err(format!(
                "a range in two units ({} and {})",
                r[2].trim(),
                unit.names[0]
            ));
        }
        number_words = format!("{}{}{}", &r[1], &r[3], &r[4]);
    }
    number_words.push_str(bound);
    let (written, rest) = number::read(&number_words, |s| s).ok_or("no number found")?;
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

/// Why the words end in no unit of `dimension`: a unit of another
/// dimension ("2 percentage points" in a percent fact) is named, so that
/// the rule author sees which kind would read it; otherwise the units the
/// kind reads are listed.
fn missing_unit(text: &str, dimension: Dimension) -> String {
    for (other, end, _) in UNIT_AT_END.iter() {
        if *other == dimension {
            continue;
        }
        if let Some(c) = end.captures(text) {
            let spelled = c.get(2).map_or("", |m| m.as_str());
            if !c.get(1).map_or("", |m| m.as_str()).trim().is_empty() {
                return format!(
                    "{spelled:?} is a unit of {}, not {}: a fact of kind = \"{}\" reads it",
                    name(*other),
                    name(dimension),
                    kind_name(*other)
                );
            }
        }
    }
    let all: Vec<&str> = UNITS
        .iter()
        .filter(|u| u.dimension == dimension)
        .map(|u| u.names[0])
        .collect();
    format!("no unit of {} ({})", name(dimension), all.join(", "))
}

fn name(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "length",
        Dimension::Speed => "speed",
        Dimension::Mass => "mass",
        Dimension::Area => "area",
        Dimension::Volume => "volume",
        Dimension::Temperature => "temperature",
        Dimension::Percent => "percent",
        Dimension::Points => "percentage points",
    }
}

/// The name of the kind whose values are of dimension `d`.
fn kind_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "length",
        Dimension::Speed => "speed",
        Dimension::Mass => "mass",
        Dimension::Area => "area",
        Dimension::Volume => "volume",
        Dimension::Temperature => "temperature",
        Dimension::Percent => "percent",
        Dimension::Points => "percentage-points",
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
    /// As written, then in the base unit: `1100 ft (335.3 m)`; a share
    /// written in its base unit once: `15%`, `2 pp`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written.write(f, "", interval::compact)?;
        let space = if self.unit == "%" { "" } else { " " };
        if self.dimension.shown_once() && self.unit == self.dimension.base() {
            return write!(f, "{space}{}", self.unit);
        }
        write!(f, "{space}{} (", self.unit)?;
        if self.dimension == Dimension::Points {
            // Basis points are hundredths: "75 bp" is 0.75 pp, not 0.8.
            self.base.write(f, "", interval::compact)?;
        } else {
            self.base.write(f, "", short)?;
        }
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
    fn percent_widens_by_written_precision_and_hedge() {
        use Dimension::Percent;
        assert!(agree("15%", "15.2%", Percent));
        assert!(agree("15 per cent", "fifteen percent", Percent));
        assert!(!agree("15%", "16%", Percent));
        assert!(!agree("15%", "15.6%", Percent));
        assert!(agree("about 15%", "16%", Percent));
        // "20%" stands for [19.5, 20.5), which a bound of 20 overlaps.
        assert!(agree("more than 20%", "20%", Percent));
        assert!(!agree("more than 20%", "19%", Percent));
        assert!(!agree(
            "more than twenty percent",
            "twenty percent",
            Percent
        ));
        assert!(agree("at least 20%", "20%", Percent));
        assert!(agree("10-15%", "12%", Percent));
        assert!(!agree("10% to 15%", "16%", Percent));
        assert!(!agree("nearly 30%", "31%", Percent));
    }

    #[test]
    fn points_are_never_percent() {
        use Dimension::{Percent, Points};
        assert!(agree("0.75 percentage point", "75 basis points", Points));
        assert!(agree("2 points", "200 bps", Points));
        assert!(!agree("0.5 percentage point", "75 basis points", Points));
        let e = parse("2 percentage points", Percent).unwrap_err();
        assert!(e.contains("kind = \"percentage-points\""), "{e}");
        let e = parse("2%", Points).unwrap_err();
        assert!(e.contains("kind = \"percent\""), "{e}");
        assert!(parse("15 percentage", Percent).is_err());
    }

    #[test]
    fn a_range_in_two_units_is_not_read() {
        let e = parse("10 miles to 15 km", Dimension::Length).unwrap_err();
        assert!(e.starts_with("a range in two units"), "{e}");
        assert_eq!(
            parse("between 2 km and 3 km", Dimension::Length)
                .unwrap()
                .to_string(),
            "2 to 3 km (2000 to 3000 m)"
        );
    }

    #[test]
    fn percent_is_found_in_a_sentence() {
        let found = |d, text: &'static str| -> Vec<&'static str> {
            let re = regex::RegexBuilder::new(&pattern(d))
                .case_insensitive(true)
                .build()
                .unwrap();
            re.find_iter(text).map(|m| m.as_str()).collect()
        };
        let text = "Unemployment rose 2 percentage points to 15%, and prices rose 3 per cent.";
        assert_eq!(found(Dimension::Percent, text), ["15%", "3 per cent"]);
        assert_eq!(found(Dimension::Points, text), ["2 percentage points"]);
        // A sign is captured, and the claim left unread, never made positive.
        let text = "GDP grew -0.3%, or minus 2 points, after 10-15% in 2020.";
        assert_eq!(found(Dimension::Percent, text), ["-0.3%", "10-15%"]);
        assert_eq!(found(Dimension::Points, text), ["minus 2 points"]);
        assert!(parse("-0.3%", Dimension::Percent).is_err());
        assert!(parse("minus 2 points", Dimension::Points).is_err());
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
