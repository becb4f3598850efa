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
pub mod count;
pub mod date;
pub mod duration;
pub mod interval;
pub mod money;
mod number;
pub mod title;

use std::fmt;

pub use date::DateSpan;
pub use duration::Duration;
pub use interval::Interval;
pub use money::Money;
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
    Count(Interval),
    /// Both `date` and `year` facts; a year fact's span is widened to whole
    /// years, so "April 2011" and "2011" agree.
    Date(DateSpan),
    Duration(Duration),
    Title(Title),
    /// The name of the category a choice rule mapped the words to.
    Choice(String),
}

/// What a normaliser needs to know about the source a claim comes from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// When the source was published, as precisely as known. Relative dates
    /// ("last year") are resolved against it and left unresolved without it.
    pub published: Option<&'a DateSpan>,
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
            (Value::Money(a), Value::Money(b)) => a.compatible(b, tol.relative),
            (Value::Count(a), Value::Count(b)) => {
                a.widen(tol.relative).overlaps(&b.widen(tol.relative))
            }
            (Value::Date(a), Value::Date(b)) => a.overlaps(b),
            (Value::Duration(a), Value::Duration(b)) => a.compatible(b, tol.relative),
            (Value::Title(a), Value::Title(b)) => a.matches(b, tol.similarity),
            (Value::Choice(a), Value::Choice(b)) => a == b,
            _ => false,
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

/// How loosely a rule compares values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerance {
    /// Relative slack for money, counts and durations (0.05 = ±5%).
    pub relative: f64,
    /// Minimum strsim similarity (0..=1) for two titles to be the same.
    pub similarity: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            relative: 0.0,
            similarity: title::DEFAULT_SIMILARITY,
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
        }
    }
}

/// The regex `{value}` stands for in a pattern of a fact of `kind` (choice
/// facts build theirs from their categories, see [`choice::pattern`]).
pub fn pattern(kind: Kind) -> &'static str {
    match kind {
        Kind::Money => money::PATTERN,
        Kind::Count => &count::PATTERN,
        Kind::Date | Kind::Year => &date::PATTERN,
        Kind::Duration => &duration::PATTERN,
        Kind::Frequency => &duration::FREQUENCY_PATTERN,
        // A title is a few words, capitalised or not, possibly hyphenated
        // or possessive: "co-founder", "Tesla founder", "SpaceX CEO".
        Kind::Title => TITLE_PATTERN,
        Kind::Choice => "",
    }
}

/// Up to five words; rules usually narrow this with their own context.
const TITLE_PATTERN: &str = r"[\w’'-]+(?:\s+[\w’'-]+){0,4}";

/// Reads the words of a claim as a value of `kind`. `Err` says why the
/// words are not such a value (the pattern matched something unexpected).
pub fn read(
    kind: Kind,
    text: &str,
    ctx: Context<'_>,
    categories: &[choice::Category],
) -> Result<Reading, String> {
    let value = match kind {
        Kind::Money => Value::Money(money::parse(text)?),
        Kind::Count => Value::Count(count::parse(text)?),
        Kind::Date => return date::parse(text, ctx.published),
        Kind::Year => {
            return date::parse(text, ctx.published).map(|r| match r {
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
    };
    Ok(Reading::Value(value))
}
