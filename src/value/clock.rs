//! Times of day, as news writes them: "4:10 a.m.", "4:10am EDT", "7.45
//! pm", "0410 GMT", "2350 hours", "16:10", "noon", "midnight", "shortly
//! before 4:15 am". A time is a span of the clock at the precision written
//! ("4 a.m." is the whole hour, "4:10 a.m." one minute), in the zone
//! written if any.
//!
//! Two times compare on the clock when they are in the same zone or both
//! name none, and in UTC when both name a zone with a fixed offset; a time
//! with a zone and one without (or in "ET", whose offset depends on the
//! date) cannot be compared and never conflict. Zones that name several
//! places ("IST", "CST") and 12-hour clock times with no a.m. or p.m. are
//! unresolved, never guessed. The day ("on Sunday") is not read: put it in
//! the pattern's context.

use super::interval::Interval;
use super::Reading;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

const DAY: f64 = 1440.0;

/// How far "around" and "shortly before/after" reach, in minutes: a
/// quarter of an hour is as loose as a newsroom's "shortly" goes before an
/// editor would ask for the minute.
pub const HEDGE_MINUTES: f64 = 15.0;

/// Zones with one offset (minutes east of UTC), and those a time can name
/// but not pin down.
const ZONES: &[(&str, Option<i32>)] = &[
    ("utc", Some(0)),
    ("gmt", Some(0)),
    ("bst", Some(60)),
    ("cet", Some(60)),
    ("cest", Some(120)),
    ("eet", Some(120)),
    ("eest", Some(180)),
    ("msk", Some(180)),
    ("jst", Some(540)),
    ("kst", Some(540)),
    ("hkt", Some(480)),
    ("sgt", Some(480)),
    ("aest", Some(600)),
    ("aedt", Some(660)),
    ("nzst", Some(720)),
    ("nzdt", Some(780)),
    ("edt", Some(-240)),
    ("est", Some(-300)),
    ("cdt", Some(-300)),
    ("mdt", Some(-360)),
    ("mst", Some(-420)),
    ("pdt", Some(-420)),
    ("pst", Some(-480)),
    ("akdt", Some(-480)),
    ("akst", Some(-540)),
    ("hst", Some(-600)),
    // Offsets that depend on the date (daylight saving).
    ("et", None),
    ("ct", None),
    ("mt", None),
    ("pt", None),
];

/// "local time": the clock of the place, as a time with no zone is.
const LOCAL: &[&str] = &["local time", "local"];

/// Abbreviations used for more than one zone.
const AMBIGUOUS: &[(&str, &str)] = &[
    ("ist", "India, Ireland or Israel"),
    ("cst", "US Central or China Standard Time"),
    ("ast", "Atlantic or Arabia Standard Time"),
];

/// A time of day.
#[derive(Clone, Debug, PartialEq)]
pub struct Clock {
    /// Minutes after midnight on the clock of `zone`, widened by precision
    /// and hedge: "4:10 a.m." is `[250, 251)`.
    pub minutes: Interval,
    /// The zone as written (lowercase), if any; "local time" is none.
    pub zone: Option<&'static str>,
    /// Minutes east of UTC, when the zone has one offset.
    pub offset: Option<i32>,
}

impl Clock {
    /// Whether both can be true: see the module doc.
    pub fn compatible(&self, other: &Clock) -> bool {
        let shift = match (self.zone, other.zone) {
            (a, b) if a == b => 0.0,
            _ => match (self.offset, other.offset) {
                (Some(a), Some(b)) => f64::from(b - a),
                _ => return true,
            },
        };
        // `other` on this clock, and a day either side (23:55 and 00:05).
        let b = Interval {
            lo: other.minutes.lo - shift,
            hi: other.minutes.hi - shift,
            ..other.minutes
        };
        [-DAY, 0.0, DAY].iter().any(|d| {
            self.minutes.overlaps(&Interval {
                lo: b.lo + d,
                hi: b.hi + d,
                ..b
            })
        })
    }
}

fn hhmm(m: f64) -> String {
    let m = m.rem_euclid(DAY);
    let h = (m / 60.0).floor();
    let min = m - h * 60.0;
    let whole = min.floor();
    let secs = ((min - whole) * 60.0).round();
    if secs > 0.0 {
        format!("{:02}:{:02}:{:02}", h as u32, whole as u32, secs as u32)
    } else {
        format!("{:02}:{:02}", h as u32, whole as u32)
    }
}

impl fmt::Display for Clock {
    /// `04:10`, `04:00 to 05:00`, `04:00 to 04:15 EDT`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = self.minutes;
        let one_minute = i.hi - i.lo <= 1.0 && i.hi_open;
        if i.is_point() || one_minute {
            f.write_str(&hhmm(i.lo))?;
        } else {
            write!(f, "{} to {}", hhmm(i.lo), hhmm(i.hi))?;
        }
        match self.zone {
            Some(z) => write!(f, " {}", z.to_uppercase()),
            None => Ok(()),
        }
    }
}

fn zone_names() -> String {
    let mut all: Vec<&str> = ZONES
        .iter()
        .map(|(z, _)| *z)
        .chain(AMBIGUOUS.iter().map(|(z, _)| *z))
        .chain(LOCAL.iter().copied())
        .collect();
    all.sort_by_key(|n| std::cmp::Reverse(n.len()));
    all.iter()
        .map(|z| z.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

const MERIDIEM: &str = r"(?:a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)|a\.m(?-u:\b)|p\.m(?-u:\b))";

/// What `{value}` matches in a time fact.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let zone = format!(r"(?:\s*\(?(?:{})(?-u:\b)\)?)", zone_names());
    let hedge = r"(?:(?-u:\b)(?:(?:shortly|just|soon)\s+(?:before|after)|around|about|approximately|roughly|circa)\s+)?";
    let clock = format!(
        r"(?:(?-u:\b)\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*{MERIDIEM})?|(?-u:\b)\d{{1,2}}\.\d{{2}}\s*{MERIDIEM}|(?-u:\b)\d{{1,2}}\s*{MERIDIEM}|(?-u:\b)\d{{4}}\s*(?:hours|hrs|h)(?-u:\b)|(?-u:\b)(?:12\s+)?(?:noon|midnight)(?-u:\b))"
    );
    let four = format!(r"(?-u:\b)\d{{4}}{zone}");
    format!(r"{hedge}(?:{clock}{zone}?|{four})")
});

static READ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<hedge>(?:shortly|just|soon) (?:before|after)|around|about|approximately|roughly|circa) )?(?:(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?::(?P<s>\d{{2}}))?|(?P<hh>\d{{1,2}})|(?P<four>\d{{4}})(?: ?(?:hours|hrs|h))?|(?:12 )?(?P<word>noon|midnight))(?: ?(?P<ampm>a\.m\.?|p\.m\.?|am|pm))?(?: ?\(?(?P<zone>{})\)?)?$",
        zone_names().replace(r"\s+", " ")
    ))
    .expect("clock reader")
});

/// Reads a time of day; see the module doc for what stays unresolved.
pub fn parse(text: &str) -> Result<Reading, String> {
    let text = super::number::normalise(text);
    let text = text.trim_end_matches([',', ';']);
    let c = READ.captures(text).ok_or(
        "not a time of day (\"4:10 a.m.\", \"16:10\", \"0410 GMT\", \"noon\")".to_string(),
    )?;
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let ampm = c.name("ampm").map(|m| m.as_str().starts_with('p'));
    let zone_word = c
        .name("zone")
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
    if let Some(z) = &zone_word {
        if let Some((_, places)) = AMBIGUOUS.iter().find(|(a, _)| a == z) {
            return Ok(Reading::Unresolved(format!(
                "\"{}\" names several zones ({places})",
                z.to_uppercase()
            )));
        }
    }
    let zone = zone_word
        .as_deref()
        .and_then(|z| ZONES.iter().find(|(n, _)| *n == z));
    // (start minute, width in minutes) as written.
    let (start, width) = if let Some(word) = c.name("word") {
        if ampm.is_some() {
            return Err("a.m. or p.m. after noon or midnight".to_string());
        }
        (if word.as_str() == "noon" { 720.0 } else { 0.0 }, 1.0)
    } else if let Some(four) = c.name("four") {
        // "0410 GMT", "2350 hours": a 24-hour clock; without a zone or
        // "hours" four digits are a year.
        if ampm.is_some() {
            return Err("a.m. or p.m. after a 24-hour time".to_string());
        }
        let hours_word = text.contains("hours") || text.contains("hrs") || text.ends_with('h');
        if zone_word.is_none() && !hours_word {
            return Err("four digits without \"hours\" or a zone: a year, not a time".to_string());
        }
        let v: u32 = four.as_str().parse().map_err(|_| "not a time")?;
        let (h, m) = (v / 100, v % 100);
        if h > 23 || m > 59 {
            return Err(format!("{} is not a time of day", four.as_str()));
        }
        (f64::from(h * 60 + m), 1.0)
    } else {
        let (h, m, s) = match num("h") {
            Some(h) => (h, num("m"), num("s")),
            None => (num("hh").ok_or("no hour")?, None, None),
        };
        if m.is_some_and(|m| m > 59) || s.is_some_and(|s| s > 59) {
            return Err("minutes or seconds past 59".to_string());
        }
        let separator_dot = c.name("m").is_some() && text.contains('.') && !text.contains(':');
        let h = match ampm {
            Some(pm) => {
                if !(1..=12).contains(&h) {
                    return Err(format!("{h} is not an hour of a 12-hour clock"));
                }
                h % 12 + if pm { 12 } else { 0 }
            }
            None if separator_dot || m.is_none() => {
                return Err("no a.m. or p.m.".to_string());
            }
            None if h > 23 => return Err(format!("{h} is not an hour")),
            // "16:10", "04:10": only a 24-hour clock writes these.
            None if h > 12
                || h == 0
                || c.name("h").is_some_and(|h| h.as_str().starts_with('0')) =>
            {
                h
            }
            None if zone_word.is_some() || text.contains("hours") => h,
            None => {
                return Ok(Reading::Unresolved(
                    "a 12-hour clock time without a.m. or p.m.".to_string(),
                ))
            }
        };
        let start = f64::from(h * 60 + m.unwrap_or(0)) + f64::from(s.unwrap_or(0)) / 60.0;
        let width = match (m, s) {
            (None, _) => 60.0,
            (Some(_), None) => 1.0,
            (Some(_), Some(_)) => 1.0 / 60.0,
        };
        (start, width)
    };
    let mut minutes = Interval::half_open(start, start + width);
    match c.name("hedge").map(|m| m.as_str()) {
        Some(h) if h.ends_with("before") => minutes.lo = start - HEDGE_MINUTES,
        Some(h) if h.ends_with("after") => minutes.hi = start + width + HEDGE_MINUTES,
        Some(_) => {
            minutes.lo = start - HEDGE_MINUTES;
            minutes.hi = start + width + HEDGE_MINUTES;
        }
        None => {}
    }
    if c.name("hedge")
        .is_some_and(|h| h.as_str().ends_with("before"))
    {
        // "shortly before 4:15": up to 4:15, not into it.
        minutes.hi = start;
    }
    Ok(Reading::Value(super::Value::Clock(Clock {
        minutes,
        zone: zone.map(|(n, _)| *n),
        offset: zone.and_then(|(_, o)| *o),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn clock(s: &str) -> Clock {
        match parse(s) {
            Ok(Reading::Value(Value::Clock(c))) => c,
            other => panic!("{s:?}: {other:?}"),
        }
    }

    fn agree(a: &str, b: &str) -> bool {
        clock(a).compatible(&clock(b))
    }

    #[test]
    fn clock_times_compare_at_their_precision() {
        assert!(agree("4:10 a.m.", "4:10am"));
        assert!(agree("4 a.m.", "4:10 a.m."));
        assert!(!agree("4:10 a.m.", "4:15 a.m."));
        assert!(agree("shortly before 4:15 am", "4:10 a.m."));
        assert!(!agree("shortly before 4:15 am", "4:20 a.m."));
        assert!(agree("16:10", "4:10 p.m."));
        assert!(agree("noon", "12 p.m."));
        assert!(agree("midnight", "12 a.m."));
        assert!(agree("around midnight", "11:55 pm"));
        assert!(agree("0410 GMT", "4:10 a.m. UTC"));
        assert!(agree("4:10 a.m. EDT", "0810 GMT"));
        assert!(!agree("4:10 a.m. EDT", "0410 GMT"));
        // A zone against none, or a zone whose offset depends on the date:
        // not comparable, never a conflict.
        assert!(agree("4:10 a.m. ET", "0410 GMT"));
        assert!(agree("4:10 a.m.", "0910 GMT"));
        assert!(agree("0410 local time", "4:10 a.m."));
        assert!(!agree("0410 local time", "4:20 a.m."));
        assert!(!agree("4:10 p.m. ET", "5 p.m. ET"));
    }

    #[test]
    fn what_is_not_guessed() {
        assert!(matches!(parse("4:10 a.m. IST"), Ok(Reading::Unresolved(_))));
        assert!(matches!(parse("4:10"), Ok(Reading::Unresolved(_))));
        assert!(parse("2023").is_err());
        assert!(parse("7.45").is_err());
        assert!(parse("13 p.m.").is_err());
        assert!(parse("4:75 a.m.").is_err());
    }
}
