//! Values: what the words of a claim mean, in a form two claims can be
//! compared in.
//!
//! Every fact has a kind, and each kind has a normaliser here that turns the
//! captured words into a [`Value`]. Quantities become intervals
//! ([`interval::Interval`]) because news prose hedges ("nearly", "over",
//! "hundreds of"); dates become day ranges at the precision they were stated
//! ("April 2023" is thirty days wide); titles become folded text; choices
//! become the category a rule names. Comparison then needs only one question
//! per kind: are these two values [`compatible`](Value::compatible)?

pub mod choice;
pub mod clock;
pub mod count;
pub mod date;
pub mod duration;
pub mod interval;
pub mod measure;
pub mod money;
mod number;
pub mod quantity;
pub mod temperature;
pub mod title;
pub mod wordings;

use regex::{Regex, RegexBuilder};
use std::fmt;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

pub use date::{DateOrder, DateSpan};
pub use duration::Duration;
pub use interval::Interval;
pub use money::Money;
pub use number::NumberFormat;
pub use quantity::Quantity;
pub use title::Title;

/// The kinds of fact a rule can describe. Each names one normaliser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Money,
    Count,
    Date,
    Year,
    Duration,
    /// A duration that must be a frequency ("every two weeks"), so that a
    /// length in the same sentence ("for nearly a decade") is never taken
    /// for it.
    Frequency,
    Title,
    Choice,
    /// Lengths and distances, converted to metres.
    Length,
    /// Speeds, converted to metres per second.
    Speed,
    /// Masses, converted to kilograms.
    Mass,
    /// Areas, converted to square metres.
    Area,
    /// Volumes, converted to litres.
    Volume,
    /// Temperatures, converted affinely to degrees Celsius.
    Temperature,
    /// Times of day, with an optional zone: "4:10 a.m. EDT", "noon".
    Time,
    /// Shares in percent: "15%", "15 per cent".
    Percent,
    /// Differences of percentages: "2 percentage points", "75 basis
    /// points"; never compared with percent.
    Points,
}

impl Kind {
    /// Every kind with the names a rule file may use for it; the first name
    /// is the canonical one.
    pub const ALL: &'static [(Kind, &'static [&'static str])] = &[
        (Kind::Money, &["money"]),
        (Kind::Count, &["count", "number"]),
        (Kind::Date, &["date"]),
        (Kind::Year, &["year"]),
        (Kind::Duration, &["duration"]),
        (Kind::Frequency, &["frequency"]),
        (Kind::Title, &["title", "descriptor", "text"]),
        (Kind::Choice, &["choice"]),
        (Kind::Length, &["length", "distance"]),
        (Kind::Speed, &["speed"]),
        (Kind::Mass, &["mass", "weight"]),
        (Kind::Area, &["area"]),
        (Kind::Volume, &["volume"]),
        (Kind::Temperature, &["temperature"]),
        (Kind::Time, &["time", "time-of-day"]),
        (Kind::Percent, &["percent", "percentage"]),
        (Kind::Points, &["percentage-points", "points"]),
    ];

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|(kind, _)| *kind)
    }

    pub fn name(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(kind, _)| *kind == self)
            .map(|(_, names)| names[0])
            .unwrap_or("?")
    }
}

/// A normalised value of one claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Money(Money),
    Count(Quantity),
    /// Both `date` and `year` facts; a year fact's span is widened to whole
    /// years, so "April 2011" and "2011" agree.
    Date(DateSpan),
    Duration(Duration),
    Title(Title),
    /// The name of the category a choice rule mapped the words to.
    Choice(String),
    /// A length, speed, mass, area, volume, temperature, percentage or
    /// percentage-point difference,
    /// as written and in its base unit.
    Measure(measure::Measure),
    /// A time of day, at the precision written, in its zone if written.
    Clock(clock::Clock),
}

/// What a normaliser needs to know about the source a claim comes from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// When the source was published, as precisely as known. Relative dates
    /// ("last year") are resolved against it and left unresolved without it.
    pub published: Option<&'a DateSpan>,
    /// How the source writes numeric dates ("04/03/2024"), from its
    /// manifest entry; without it an ambiguous one stays unresolved.
    pub date_order: Option<DateOrder>,
    /// How the source writes numbers ("1.234,5"), from its manifest entry
    /// or the story's setting; English unless set.
    pub number_format: NumberFormat,
}

/// The outcome of reading a claim's words as a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Value(Value),
    /// The words are understood but cannot be pinned down, e.g. "last year"
    /// in a source whose publication date is unknown. Never guessed.
    Unresolved(String),
}

impl Value {
    /// Whether two claims can both be true. `tolerance` is the rule's
    /// relative slack for quantities (0 = exact) and its similarity
    /// threshold does the same for titles.
    pub fn compatible(&self, other: &Value, tol: &Tolerance) -> bool {
        match (self, other) {
            (Value::Money(a), Value::Money(b)) => a.compatible(b, tol.hedge(), tol.relative),
            (Value::Count(a), Value::Count(b)) => a.compatible(b, tol.hedge(), tol.relative),
            (Value::Date(a), Value::Date(b)) => a.overlaps(b),
            (Value::Duration(a), Value::Duration(b)) => a.compatible(b, tol.hedge(), tol.relative),
            (Value::Title(a), Value::Title(b)) => a.matches_with(b, tol.similarity, &tol.synonyms),
            (Value::Choice(a), Value::Choice(b)) => a == b,
            (Value::Measure(a), Value::Measure(b)) => a.compatible(b, tol.hedge(), tol.relative),
            (Value::Clock(a), Value::Clock(b)) => a.compatible(b),
            _ => false,
        }
    }

    /// The interval a numeric value states, as shown (the default hedge
    /// applied, no precision), in its base unit: for JSON. The first
    /// currency's for money; `None` for non-numeric kinds.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Value::Money(m) => m.amounts.first().map(|a| a.value.shown()),
            Value::Count(q) => Some(q.shown()),
            Value::Duration(d) => Some(d.seconds.shown()),
            Value::Measure(m) => Some(m.base.shown()),
            _ => None,
        }
    }

    /// The unit of [`Value::interval`]: an ISO 4217 currency code for
    /// money, `s` (seconds) for durations, none for counts.
    pub fn unit(&self) -> Option<&'static str> {
        match self {
            Value::Money(m) => m.amounts.first().and_then(|a| a.currency),
            Value::Duration(_) => Some("s"),
            Value::Measure(m) => Some(m.base_unit()),
            _ => None,
        }
    }

    /// The vague word of a vague quantity ("several"), which is shown and
    /// never compared.
    pub fn vague(&self) -> Option<&str> {
        match self {
            Value::Money(m) => m.amounts.first().and_then(|a| a.value.vague.as_deref()),
            Value::Count(q) => q.vague.as_deref(),
            Value::Duration(d) => d.seconds.vague.as_deref(),
            Value::Measure(m) => m.base.vague.as_deref(),
            _ => None,
        }
    }

    /// A key equal for values that are certainly identical, used to group
    /// claims before the (pairwise) compatibility test, so that comparison
    /// is quadratic in distinct values, not in claims.
    pub fn key(&self) -> String {
        match self {
            Value::Title(t) => format!("title:{}", t.folded()),
            other => format!("{other:?}"),
        }
    }
}

/// How loosely a rule compares values; see [`quantity`] for the order in
/// which precision, hedge and tolerance widen a quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct Tolerance {
    /// Relative slack for money, counts and durations (0.05 = ±5%).
    pub relative: f64,
    /// Minimum strsim similarity (0..=1) for two titles to be the same.
    pub similarity: f64,
    /// How far "about", "nearly" and "just over" widen a number (0.1 =
    /// 10%); `None` for [`quantity::DEFAULT_HEDGE`].
    pub hedge_width: Option<f64>,
    /// The story's and the fact's title synonyms.
    pub synonyms: title::Synonyms,
}

impl Tolerance {
    /// The hedge width in force.
    pub fn hedge(&self) -> f64 {
        self.hedge_width.unwrap_or(quantity::DEFAULT_HEDGE)
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            relative: 0.0,
            similarity: title::DEFAULT_SIMILARITY,
            hedge_width: None,
            synonyms: title::Synonyms::default(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Money(m) => m.fmt(f),
            Value::Count(i) => i.fmt(f),
            Value::Date(d) => d.fmt(f),
            Value::Duration(d) => d.fmt(f),
            Value::Title(t) => t.fmt(f),
            Value::Choice(c) => f.write_str(c),
            Value::Measure(m) => m.fmt(f),
            Value::Clock(c) => c.fmt(f),
        }
    }
}

/// The regex `{value}` stands for in a pattern of a fact of `kind` (choice
/// facts build theirs from their categories, see [`choice::pattern`]).
pub fn pattern(kind: Kind) -> &'static str {
    match kind {
        Kind::Money => &money::PATTERN,
        Kind::Count => &count::PATTERN,
        Kind::Date | Kind::Year => &date::PATTERN,
        Kind::Duration => &duration::PATTERN,
        Kind::Frequency => &duration::FREQUENCY_PATTERN,
        // A title is a few words, capitalised or not, possibly hyphenated
        // or possessive: "co-founder", "Tesla founder", "SpaceX CEO".
        Kind::Title => TITLE_PATTERN,
        Kind::Choice => "",
        Kind::Length => &measure::LENGTH_PATTERN,
        Kind::Speed => &measure::SPEED_PATTERN,
        Kind::Mass => &measure::MASS_PATTERN,
        Kind::Area => &measure::AREA_PATTERN,
        Kind::Volume => &measure::VOLUME_PATTERN,
        Kind::Temperature => &temperature::PATTERN,
        Kind::Time => &clock::PATTERN,
        Kind::Percent => &measure::PERCENT_PATTERN,
        Kind::Points => &measure::POINTS_PATTERN,
    }
}

/// One case-insensitive regex per kind with a pattern, each compiled on
/// first use and shared by every thread and every user (the matcher, the
/// figures check): a value reader takes milliseconds to compile, and a
/// run should pay that once per kind it reads, not per user.
static FINDERS: LazyLock<Vec<OnceLock<Option<Regex>>>> =
    LazyLock::new(|| Kind::ALL.iter().map(|_| OnceLock::new()).collect());

/// The compiled value reader of `kind`, case-insensitive; `None` for a
/// choice fact, whose wordings are the rule's.
pub fn finder(kind: Kind) -> Option<&'static Regex> {
    // A year is read with the date reader: one regex for both.
    let kind = if kind == Kind::Year { Kind::Date } else { kind };
    let at = Kind::ALL.iter().position(|(k, _)| *k == kind)?;
    FINDERS[at]
        .get_or_init(|| {
            let p = pattern(kind);
            (!p.is_empty()).then(|| {
                RegexBuilder::new(p)
                    .case_insensitive(true)
                    .build()
                    .expect("value patterns compile")
            })
        })
        .as_ref()
}

/// Every place in `text` where a value of `kind` is written, leftmost
/// first and not overlapping, for a matcher that looks for values in a
/// sentence and then reads each with [`read`]. Choice facts have no
/// built-in wording (their categories are the rule's), so none is found.
pub fn find_all(kind: Kind, text: &str) -> Vec<Range<usize>> {
    finder(kind)
        .map(|re| re.find_iter(text).map(|m| m.range()).collect())
        .unwrap_or_default()
}

/// Up to five words, a newsroom abbreviation keeping its period ("Gov.",
/// "Lt."); rules usually narrow this with their own context.
const TITLE_PATTERN: &str = r"(?:(?i:gov|sen|rep|lt|gen|col|maj|capt|sgt|dr|prof|atty|asst|dep|supt|cmdr|adm|pres)\.|[\w’'-]+)(?:\s+(?:(?i:gov|sen|rep|lt|gen|col|maj|capt|sgt|dr|prof|atty|asst|dep|supt|cmdr|adm|pres)\.|[\w’'-]+)){0,4}";

/// Reads the words of a claim as a value of `kind`. `Err` says why the
/// words are not such a value (the pattern matched something unexpected).
pub fn read(
    kind: Kind,
    text: &str,
    ctx: Context<'_>,
    categories: &[choice::Category],
) -> Result<Reading, String> {
    // Dates, clocks and words keep their dots and commas ("3.4.2024",
    // "7.45 pm"); every other kind reads numbers.
    let numeric = !matches!(
        kind,
        Kind::Date | Kind::Year | Kind::Time | Kind::Title | Kind::Choice
    );
    let english;
    let text = if numeric {
        english = ctx.number_format.to_english(text)?;
        &*english
    } else {
        text
    };
    read_english(kind, text, ctx, categories).map_err(|why| {
        if numeric
            && ctx.number_format == NumberFormat::English
            && NumberFormat::looks_international(text)
        {
            format!("{why} (a story writing \"1,5\" or \"150 000\" sets `number_format`)")
        } else {
            why
        }
    })
}

/// [`read`] once numbers are in English form.
fn read_english(
    kind: Kind,
    text: &str,
    ctx: Context<'_>,
    categories: &[choice::Category],
) -> Result<Reading, String> {
    let value = match kind {
        Kind::Money => Value::Money(money::parse(text)?),
        Kind::Count => Value::Count(count::parse(text)?),
        Kind::Date => return date::parse_in(text, ctx),
        Kind::Year => {
            return date::parse_in(text, ctx).map(|r| match r {
                Reading::Value(Value::Date(d)) => Reading::Value(Value::Date(d.whole_years())),
                other => other,
            })
        }
        Kind::Duration => Value::Duration(duration::parse(text)?),
        Kind::Frequency => match duration::parse(text)? {
            d if d.recurring => Value::Duration(d),
            _ => return Err("a length of time, not a frequency".to_string()),
        },
        Kind::Title => Value::Title(Title::parse(text)?),
        Kind::Choice => Value::Choice(choice::parse(text, categories)?),
        Kind::Length => Value::Measure(measure::parse(text, measure::Dimension::Length)?),
        Kind::Speed => Value::Measure(measure::parse(text, measure::Dimension::Speed)?),
        Kind::Mass => Value::Measure(measure::parse(text, measure::Dimension::Mass)?),
        Kind::Area => Value::Measure(measure::parse(text, measure::Dimension::Area)?),
        Kind::Volume => Value::Measure(measure::parse(text, measure::Dimension::Volume)?),
        Kind::Temperature => return temperature::parse(text),
        Kind::Time => return clock::parse(text),
        Kind::Percent => Value::Measure(measure::parse(text, measure::Dimension::Percent)?),
        Kind::Points => Value::Measure(measure::parse(text, measure::Dimension::Points)?),
    };
    Ok(Reading::Value(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_scans_a_sentence_once_per_kind() {
        let text = "Netflix paid over $100 million in 2017, and more than 500 million users saw it for nearly a decade.";
        let spans = |k| -> Vec<&str> { find_all(k, text).into_iter().map(|r| &text[r]).collect() };
        assert_eq!(spans(Kind::Money), ["over $100 million"]);
        assert!(spans(Kind::Count).contains(&"more than 500 million"));
        assert_eq!(spans(Kind::Duration), ["nearly a decade"]);
        assert!(spans(Kind::Date).contains(&"2017"));
        assert!(find_all(Kind::Choice, text).is_empty());
    }
}
