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
use super::number::{self, Qualifier};
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    /// The length, or for a recurring event its period.
    pub days: Interval,
    /// A frequency ("every two weeks") rather than a length.
    pub recurring: bool,
}

const UNIT: &str = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))";
const COUNT: &str = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|a few|a couple of)";

/// What `{value}` matches in a `frequency` fact: recurring phrasings only.
pub static FREQUENCY_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?-u:\b)(?:(?:once\s+)?every\s+(?:other\s+|second\s+|{COUNT}\s+)?{UNIT}|(?:once|twice|three times|four times|\d+ times)\s+(?:a|an|per|every)\s+{UNIT}|(?:bi-?|semi-?)?(?:daily|weekly|monthly|annually|yearly)|fortnightly|quarterly)(?-u:\b)"
    )
});

/// What `{value}` matches in a `duration` fact: lengths, hedged or not.
pub static LENGTH_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"{}(?-u:\b){COUNT}(?:\s+and\s+a\s+half)?[\s-]+{UNIT}(?:\s+and\s+a\s+half)?(?-u:\b)",
        number::QUALIFIER_PATTERN
    )
});

/// Either: what `{value}` matches in a `duration` fact.
pub static PATTERN: LazyLock<String> =
    LazyLock::new(|| format!("{}|{}", *FREQUENCY_PATTERN, *LENGTH_PATTERN));

impl Duration {
    /// A frequency never equals a length; within each, intervals overlap.
    pub fn compatible(&self, other: &Duration, tolerance: f64) -> bool {
        self.recurring == other.recurring
            && self
                .days
                .widen(tolerance)
                .overlaps(&other.days.widen(tolerance))
    }
}

/// Days in one unit, as an interval.
fn unit(word: &str) -> Option<Interval> {
    let w = word.trim_end_matches('s');
    Some(match w {
        "day" => Interval::point(1.0),
        "week" => Interval::point(7.0),
        "fortnight" => Interval::point(14.0),
        "month" => Interval::closed(28.0, 31.0),
        "year" => Interval::closed(365.0, 366.0),
        "decade" => Interval::closed(3650.0, 3660.0),
        "century" | "centurie" => Interval::closed(36_500.0, 36_600.0),
        _ => return None,
    })
}

fn times(i: Interval, k: f64) -> Interval {
    Interval {
        lo: i.lo * k,
        hi: i.hi * k,
        hi_open: i.hi_open,
    }
}

fn count(word: &str) -> Option<Interval> {
    Some(match word {
        "a" | "an" | "one" | "" => Interval::point(1.0),
        "a couple of" => Interval::point(2.0),
        "a few" => Interval::closed(2.0, 5.0),
        // "several": more than a couple, fewer than ten.
        "several" => Interval::half_open(3.0, 10.0),
        "other" | "second" => Interval::point(2.0),
        w => {
            let (i, rest) = number::quantity(w)?;
            if !rest.trim().is_empty() {
                return None;
            }
            i
        }
    })
}

static EVERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:once )?every (?:(other|second|a few|a couple of|several|[\w.]+) )??(\w+)$")
        .unwrap()
});
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(once|twice|three times|four times|(\d+) times) (?:a|an|per|every) (\w+)$")
        .unwrap()
});
static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(a few|a couple of|several|[\w.]+)( and a half)?[ -](\w+)( and a half)?$")
        .unwrap()
});

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
            days,
            recurring: true,
        })
    };
    match text.replace('-', "").as_str() {
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
        let u = unit(&c[2]).ok_or("not a unit of time")?;
        return Ok(Duration {
            days: product(n, u),
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
        let u = unit(&c[3]).ok_or("not a unit of time")?;
        return Ok(Duration {
            days: Interval {
                lo: u.lo / k,
                hi: u.hi / k,
                hi_open: false,
            },
            recurring: true,
        });
    }
    let (hedge, rest) = number::qualifier(&text);
    if let Some(c) = LENGTH.captures(rest) {
        let mut n = count(&c[1]).ok_or("not a number of units")?;
        if c.get(2).is_some() || c.get(4).is_some() {
            n = Interval {
                lo: n.lo + 0.5,
                hi: n.hi + 0.5,
                hi_open: n.hi_open,
            };
        }
        let u = unit(&c[3]).ok_or("not a unit of time")?;
        let days = product(n, u);
        let days = if hedge == Qualifier::AtLeast {
            Interval::at_least(days.lo)
        } else {
            number::hedge(hedge, days)
        };
        return Ok(Duration {
            days,
            recurring: false,
        });
    }
    Err("not a length of time or a frequency".to_string())
}

/// `n` units of `u` days each.
fn product(n: Interval, u: Interval) -> Interval {
    if n.is_point() {
        times(u, n.lo)
    } else {
        Interval {
            lo: n.lo * u.lo,
            hi: n.hi * u.hi,
            hi_open: n.hi_open,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.recurring {
            f.write_str("every ")?;
        }
        f.write_str(&days_in_words(&self.days, self.recurring))
    }
}

/// "2 weeks", "9 to 10 years", "at least 10 years": the largest unit in
/// which the interval reads naturally.
fn days_in_words(d: &Interval, recurring: bool) -> String {
    const UNITS: [(&str, f64, f64); 5] = [
        ("year", 365.0, 366.0),
        ("month", 28.0, 31.0),
        ("week", 7.0, 7.0),
        ("day", 1.0, 1.0),
        ("day", 1.0, 1.0),
    ];
    let round = |x: f64| {
        let r = (x * 10.0).round() / 10.0;
        let s = format!("{r:.1}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    // Exact multiples of a unit read as such: "2 weeks", "1 month".
    for (name, lo, hi) in UNITS {
        let k = d.lo / lo;
        if k >= 1.0 && (k * 2.0).fract() == 0.0 && (d.hi - k * hi).abs() < 1e-9 && !d.hi_open {
            return if k == 1.0 && recurring {
                name.to_string()
            } else {
                format!("{} {name}{}", round(k), if k == 1.0 { "" } else { "s" })
            };
        }
    }
    let (name, lo, hi) = UNITS
        .iter()
        .copied()
        .find(|(_, lo, _)| d.lo.max(d.hi.min(1e12)) >= *lo)
        .unwrap_or(UNITS[3]);
    let mid = (lo + hi) / 2.0;
    if d.hi.is_infinite() {
        return format!("at least {} {name}s", round(d.lo / mid));
    }
    let (a, b) = (round(d.lo / mid), round(d.hi / mid));
    if a == b {
        format!("{a} {name}s")
    } else {
        format!("{a} to {b} {name}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::RegexBuilder;

    fn d(s: &str) -> Duration {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn same(a: &str, b: &str) -> bool {
        d(a).compatible(&d(b), 0.0)
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
        assert_eq!(d("twice a week").days, Interval::point(3.5));
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
        assert_eq!(d("more than a decade").to_string(), "at least 10 years");
        assert!(same("a year and a half", "18 months"));
        assert!(same("several years", "five years"));
        assert!(!same("several years", "two years"));
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
