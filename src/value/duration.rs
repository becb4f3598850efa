//! Durations: how long something lasted ("nearly a decade") and how often
//! it recurred ("every two weeks"), both as an interval of days.
//!
//! Calendar units are intervals themselves, because months and years vary:
//! a month is 28–31 days, a year 365–366, a decade 3650–3660. So "twice a
//! month" (14–15.5 days) agrees with "every two weeks", and "almost ten
//! years" is exactly "nearly a decade". Hedges follow [`number::HEDGE`]:
//! "nearly a decade" is `[0.9 × 3650, 3660]` days.
//!
//! "Bi-weekly" is ambiguous in English; factlint reads it as the AP
//! Stylebook does, every other week ("semiweekly" is twice a week).

use super::interval::Interval;
use super::number;
use super::quantity::Quantity;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    /// The length, or for a recurring event its period, in seconds.
    pub seconds: Quantity,
    /// A frequency ("every two weeks") rather than a length.
    pub recurring: bool,
}

const UNIT: &str = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies))";

/// What `{value}` matches in a `frequency` fact: recurring phrasings only.
pub static FREQUENCY_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let count = format!(
        r"(?:{}|{}|a\s+few|a\s+couple\s+of|several)",
        number::DIGITS_PATTERN,
        *number::WORDS_PATTERN
    );
    format!(
        r"(?-u:\b)(?:(?:once\s+)?every\s+(?:other\s+|second\s+|{count}\s+)?{UNIT}|(?:once|twice|three\s+times|four\s+times|[0-9]+\s+times)\s+(?:a|an|per|every)\s+{UNIT}|(?:bi-?|semi-?)?(?:hourly|daily|weekly|monthly|annually|yearly)|fortnightly|quarterly)(?-u:\b)"
    )
});

/// A number of units: digits, words, an article, "half an".
fn count_pattern() -> String {
    format!(
        r"(?:{}|{}|an?|half\s+an?|one\s+and\s+a\s+half|a\s+few|a\s+couple\s+of|several|numerous|multiple)",
        number::DIGITS_PATTERN,
        *number::WORDS_PATTERN
    )
}

/// One number of units: "72 hours", "a decade", "two-year", "half an hour".
fn group_pattern() -> String {
    let count = count_pattern();
    format!(
        r"(?-u:\b){count}(?:\s*(?:[-–—]|to)\s*{count})?(?:\s+and\s+a\s+half)?[\s-]+{UNIT}(?:\s+and\s+a\s+half)?(?-u:\b)"
    )
}

/// What `{value}` matches in a `duration` fact: lengths, bounded, hedged
/// or compound ("1 hour 40 minutes", "two years and three months").
pub static LENGTH_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let group = group_pattern();
    let count = count_pattern();
    format!(
        r"(?:(?-u:\b)between\s+(?:{group}|{count})\s+and\s+{group}|{}{group}(?:(?:,\s*|\s+and\s+|\s+){group})*(?:\s+or\s+(?:more|less|longer)(?-u:\b))?)",
        *number::QUALIFIER_PATTERN
    )
});

/// Either: what `{value}` matches in a `duration` fact.
pub static PATTERN: LazyLock<String> =
    LazyLock::new(|| format!("{}|{}", *FREQUENCY_PATTERN, *LENGTH_PATTERN));

impl Duration {
    /// A frequency never equals a length; within each, quantities are
    /// compared by [`Quantity::compatible`].
    pub fn compatible(&self, other: &Duration, hedge: f64, tolerance: f64) -> bool {
        self.recurring == other.recurring
            && self.seconds.compatible(&other.seconds, hedge, tolerance)
    }
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;

/// Seconds in one unit, as an interval: calendar units vary.
fn unit(word: &str) -> Option<Interval> {
    let w = word.strip_suffix("ies").map_or_else(
        || word.trim_end_matches('s').to_string(),
        |stem| format!("{stem}y"),
    );
    let days = |lo: f64, hi: f64| Interval::closed(lo * DAY, hi * DAY);
    Some(match w.as_str() {
        "second" | "sec" => Interval::point(1.0),
        "minute" | "min" => Interval::point(MINUTE),
        "hour" | "hr" => Interval::point(HOUR),
        "day" | "night" => Interval::point(DAY),
        "week" => Interval::point(7.0 * DAY),
        "fortnight" => Interval::point(14.0 * DAY),
        "month" => days(28.0, 31.0),
        "year" | "yr" => days(365.0, 366.0),
        "decade" => days(3650.0, 3660.0),
        "century" => days(36_500.0, 36_600.0),
        _ => return None,
    })
}

/// `q` units of `u` seconds each.
fn times(q: &Quantity, u: Interval) -> Quantity {
    let s = q.stated;
    Quantity {
        stated: Interval {
            lo: s.lo * u.lo,
            hi: s.hi * u.hi,
            ..s
        },
        precision: q.precision * u.hi,
        ..q.clone()
    }
}

/// A count before "every": "two", "other", "few".
fn count(word: &str) -> Option<Quantity> {
    let one = |x| Some(Quantity::exact(Interval::point(x)));
    match word {
        "" | "a" | "an" | "one" => one(1.0),
        "other" | "second" => one(2.0),
        w => {
            let (q, rest) = number::read(w, |s| s)?;
            rest.trim().is_empty().then_some(q)
        }
    }
}

static EVERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:once )?every (?:(other|second|a few|a couple of|several|[\w. -]+?) )??(\w+)$")
        .unwrap()
});
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(once|twice|three times|four times|(\d+) times) (?:a|an|per|every) (\w+)$")
        .unwrap()
});
/// An article or "half a" before a unit, which number words alone do not
/// read ("a decade", "an hour and a half", "half an hour").
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(^|[ ,]|-)(half an?|an?|one and a half) ({UNIT}\b)"
    ))
    .unwrap()
});
static UNIT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[ -]({UNIT})\b( and a half\b)?")).unwrap());
static JOIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:, and |, | and | )").unwrap());
static OR_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ or (more|longer|less)$").unwrap());

pub fn parse(text: &str) -> Result<Duration, String> {
    let text = number::normalise(text);
    let mut text = text
        .trim_end_matches(['.', ',', ';', '”', '"', '\''])
        .to_string();
    for lead in [
        "for ",
        "over a span of ",
        "over the course of ",
        "spanning ",
        "lasting ",
    ] {
        if let Some(rest) = text.strip_prefix(lead) {
            text = rest.to_string();
        }
    }
    let adverb = |days: Interval| {
        Ok(Duration {
            seconds: Quantity::exact(days.scale(DAY)),
            recurring: true,
        })
    };
    match text.replace('-', "").as_str() {
        "hourly" => return adverb(Interval::point(1.0 / 24.0)),
        "daily" => return adverb(Interval::point(1.0)),
        "weekly" => return adverb(Interval::point(7.0)),
        "biweekly" | "fortnightly" => return adverb(Interval::point(14.0)),
        "semiweekly" => return adverb(Interval::point(3.5)),
        "monthly" => return adverb(Interval::closed(28.0, 31.0)),
        "semimonthly" => return adverb(Interval::closed(14.0, 15.5)),
        "bimonthly" => return adverb(Interval::closed(56.0, 62.0)),
        "quarterly" => return adverb(Interval::closed(84.0, 93.0)),
        "annually" | "yearly" => return adverb(Interval::closed(365.0, 366.0)),
        _ => {}
    }
    if let Some(c) = EVERY.captures(&text) {
        let n = count(c.get(1).map_or("", |m| m.as_str())).ok_or("not a number of units")?;
        let u = unit(&c[2]).ok_or_else(|| format!("{:?} is not a unit of time", &c[2]))?;
        return Ok(Duration {
            seconds: times(&n, u),
            recurring: true,
        });
    }
    if let Some(c) = TIMES.captures(&text) {
        let k: f64 = match &c[1] {
            "once" => 1.0,
            "twice" => 2.0,
            "three times" => 3.0,
            "four times" => 4.0,
            _ => c
                .get(2)
                .and_then(|m| m.as_str().parse().ok())
                .filter(|k: &f64| *k > 0.0)
                .ok_or("not a count")?,
        };
        let u = unit(&c[3]).ok_or_else(|| format!("{:?} is not a unit of time", &c[3]))?;
        return Ok(Duration {
            seconds: Quantity::exact(Interval::closed(u.lo / k, u.hi / k)),
            recurring: true,
        });
    }
    length(&text).map(|seconds| Duration {
        seconds,
        recurring: false,
    })
}

/// A length: one or more groups of a number and a unit, summed ("1 hour
/// 40 minutes"), with the bound or hedge of the first.
fn length(text: &str) -> Result<Quantity, String> {
    let text = ARTICLE.replace_all(text, |c: &regex::Captures| {
        let n = match &c[2] {
            "a" | "an" => "one",
            "one and a half" => "one and a half",
            _ => "one half",
        };
        format!("{}{n} {}", &c[1], &c[3])
    });
    let text = text.replace("one half ", "0.5 ");
    let mut rest = text.as_str();
    let mut total: Option<Quantity> = None;
    while let Some((q, after)) = number::read(rest, |s| s) {
        let c = UNIT_AFTER
            .captures(after)
            .ok_or_else(|| match after.trim() {
                "" => "a number without a unit of time".to_string(),
                w => format!(
                    "{:?} is not a unit of time (seconds to centuries)",
                    w.split(' ').next().unwrap_or(w)
                ),
            })?;
        let u = unit(&c[1]).ok_or("not a unit of time")?;
        let mut q = q;
        if c.get(2).is_some() {
            q.stated.lo += 0.5;
            q.stated.hi += 0.5;
        }
        let part = times(&q, u);
        total = Some(match total {
            None => part,
            Some(t) => Quantity {
                stated: Interval {
                    lo: t.stated.lo + part.stated.lo,
                    hi: t.stated.hi + part.stated.hi,
                    ..t.stated
                },
                // The last (smallest) unit written sets the precision.
                precision: part.precision,
                ..t
            },
        });
        rest = &after[c.get(0).map_or(0, |m| m.end())..];
        match JOIN.find(rest) {
            Some(m) if number::read(&rest[m.end()..], |s| s).is_some() => {
                rest = &rest[m.end()..];
            }
            _ => break,
        }
    }
    let mut total = total.ok_or("not a length of time or a frequency")?;
    if let Some(c) = OR_MORE.captures(rest) {
        total.stated = match &c[1] {
            "less" => Interval::at_most(total.stated.hi),
            _ => Interval::at_least(total.stated.lo),
        };
        total.precision = 0.0;
        rest = "";
    }
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected words after the length: {:?}",
            rest.trim()
        ));
    }
    if total.stated.lo < 0.0 {
        return Err("a negative length of time".to_string());
    }
    Ok(total)
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.recurring {
            f.write_str("every ")?;
        }
        match &self.seconds.vague {
            Some(word) => write!(f, "{word} {}", unit_of(&self.seconds.stated)),
            None => f.write_str(&in_words(&self.seconds.shown(), self.recurring)),
        }
    }
}

/// The unit a vague duration was counted in, from the interval it
/// suggests ("several years").
fn unit_of(i: &Interval) -> &'static str {
    let per = i.lo / 3.0_f64.max(1.0);
    UNITS
        .iter()
        .find(|(_, lo, _)| per >= *lo * 0.66)
        .map_or("seconds", |(name, _, _)| name)
}

/// Display units, largest first, with their size in seconds (low, high).
const UNITS: [(&str, f64, f64); 7] = [
    ("years", 365.0 * DAY, 366.0 * DAY),
    ("months", 28.0 * DAY, 31.0 * DAY),
    ("weeks", 7.0 * DAY, 7.0 * DAY),
    ("days", DAY, DAY),
    ("hours", HOUR, HOUR),
    ("minutes", MINUTE, MINUTE),
    ("seconds", 1.0, 1.0),
];

/// "2 weeks", "9 to 10 years", "at least 10 years", "12 hours": the
/// largest unit in which the interval reads naturally.
fn in_words(d: &Interval, recurring: bool) -> String {
    let round = |x: f64| {
        let r = (x * 10.0).round() / 10.0;
        let s = format!("{r:.1}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let name = |plural: &'static str, k: f64| {
        if k == 1.0 {
            plural.trim_end_matches('s')
        } else {
            plural
        }
    };
    // Exact multiples of a unit read as such: "2 weeks", "1 month".
    for (unit, lo, hi) in UNITS {
        let k = d.lo / lo;
        if k >= 1.0
            && (k * 2.0).fract() == 0.0
            && (d.hi - k * hi).abs() < 1e-6
            && !d.hi_open
            && !d.lo_open
        {
            return if k == 1.0 && recurring {
                name(unit, k).to_string()
            } else {
                format!("{} {}", round(k), name(unit, k))
            };
        }
    }
    let (unit, lo, hi) = UNITS
        .iter()
        .copied()
        .find(|(_, lo, _)| d.lo.max(d.hi.min(1e15)) >= *lo)
        .unwrap_or(UNITS[6]);
    let mid = (lo + hi) / 2.0;
    if d.hi.is_infinite() {
        let word = if d.lo_open { "more than" } else { "at least" };
        return format!("{word} {} {unit}", round(d.lo / mid));
    }
    if d.lo <= 0.0 && !d.lo_open {
        let word = if d.hi_open { "under" } else { "at most" };
        return format!("{word} {} {unit}", round(d.hi / mid));
    }
    let (a, b) = (round(d.lo / mid), round(d.hi / mid));
    if a == b {
        format!("{a} {unit}")
    } else {
        format!("{a} to {b} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::quantity::DEFAULT_HEDGE;
    use regex::RegexBuilder;

    fn d(s: &str) -> Duration {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn same(a: &str, b: &str) -> bool {
        d(a).compatible(&d(b), DEFAULT_HEDGE, 0.0)
    }

    #[test]
    fn frequencies() {
        for s in [
            "every fortnight",
            "fortnightly",
            "bi-weekly",
            "biweekly",
            "every other week",
            "every 2 weeks",
        ] {
            assert!(same("every two weeks", s), "{s}");
        }
        assert_eq!(d("every two weeks").to_string(), "every 2 weeks");
        assert_eq!(d("weekly").to_string(), "every week");
        assert_eq!(d("every month").to_string(), "every month");
        assert!(!same("every two weeks", "monthly"));
        assert!(!same("every two weeks", "weekly"));
        // Half a month is 14 to 15.5 days: it includes a fortnight.
        assert!(same("twice a month", "every two weeks"));
        assert_eq!(d("twice a week").seconds.stated, Interval::point(3.5 * DAY));
    }

    #[test]
    fn lengths() {
        assert!(same("nearly a decade", "almost ten years"));
        assert!(same("nearly a decade", "ten years"));
        assert!(same("almost ten years", "10 years"));
        assert_eq!(d("nearly a decade"), d("for almost ten years"));
        assert_eq!(d("nearly a decade").to_string(), "9 to 10 years");
        assert_eq!(d("a decade").to_string(), "10 years");
        assert!(!same("nearly a decade", "five years"));
        assert!(same("more than a decade", "twelve years"));
        assert_eq!(d("more than a decade").to_string(), "more than 10 years");
        assert!(same("a year and a half", "18 months"));
        assert!(same("several years", "five years"));
        // Vague: shown, never a conflict on its own.
        assert!(same("several years", "two years"));
        assert_eq!(d("several years").to_string(), "several years");
    }

    #[test]
    fn hours_minutes_and_compounds() {
        assert_eq!(d("about 12 hours").to_string(), "10.8 to 13.2 hours");
        assert_eq!(d("72 hours").to_string(), "3 days");
        assert!(same("72 hours", "three days"));
        assert!(same("90 minutes", "an hour and a half"));
        assert!(same("90 minutes", "1 hour 30 minutes"));
        assert!(same("two and a half hours", "150 minutes"));
        assert!(same("1 hour 40 minutes", "100 minutes"));
        assert!(same("1 hour and 40 minutes", "100 minutes"));
        assert!(same("half an hour", "30 minutes"));
        assert!(same("two years and three months", "27 months"));
        assert!(!same("less than three minutes", "three minutes"));
        assert!(!same("less than three minutes", "4 minutes"));
        assert!(same("less than three minutes", "2 minutes"));
        assert_eq!(d("less than three minutes").to_string(), "under 3 minutes");
        assert!(!same("12 hours", "11 hours"));
        assert!(same("three to four hours", "3.5 hours"));
        assert_eq!(
            parse("12 parsecs").unwrap_err(),
            "\"parsecs\" is not a unit of time (seconds to centuries)"
        );
    }

    #[test]
    fn a_length_is_not_a_frequency() {
        assert!(!same("every two weeks", "two weeks"));
    }

    #[test]
    fn not_durations() {
        for s in [
            "",
            "years",
            "every",
            "nearly",
            "-5 years",
            "Ω",
            "every blue moon",
            "for a while",
            "0 times a week",
        ] {
            assert!(parse(s).is_err(), "{s:?} → {:?}", parse(s));
        }
    }

    #[test]
    fn patterns_match_what_parse_reads() {
        let whole = |p: &str| {
            RegexBuilder::new(&format!("^(?:{p})$"))
                .case_insensitive(true)
                .build()
                .unwrap()
        };
        let freq = whole(&FREQUENCY_PATTERN);
        let any = whole(&PATTERN);
        assert_eq!(any.captures_len(), 1);
        for s in [
            "every two weeks",
            "every fortnight",
            "bi-weekly",
            "fortnightly",
            "twice a month",
            "once a week",
            "every other week",
            "monthly",
        ] {
            assert!(freq.is_match(s) && any.is_match(s), "PATTERN misses {s:?}");
            assert!(d(s).recurring, "{s}");
        }
        for s in [
            "nearly a decade",
            "almost ten years",
            "10 years",
            "more than a decade",
            "a year and a half",
            "two-year",
            "several years",
        ] {
            assert!(
                any.is_match(s) && !freq.is_match(s),
                "PATTERN misreads {s:?}"
            );
            assert!(!d(s).recurring, "{s}");
        }
    }
}
