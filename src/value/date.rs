//! Dates at the precision they were stated, as inclusive day ranges:
//! "April 2023" is April 1–30, "2011" the whole year, "April 2, 2024" one
//! day. Two dates agree when their ranges overlap, so "April 2023" and
//! "2023" agree and "April 2023" and "May 2023" do not.
//!
//! Relative dates ("last year", "last week", "March 23") are resolved
//! against the source's publication date. When that date is itself only
//! approximately known (a range), the phrase is resolved against both ends
//! and the result covers both: honest width rather than a guess. With no
//! publication date the phrase stays unresolved and is never compared.
//!
//! Choices: "early/mid/late 2023" is the whole year (where one month ends
//! and "mid" begins is not something to flag a conflict over); "last April"
//! said in April 2024 is April 2023, said in May 2024 it is April 2024;
//! "Tuesday" is the most recent Tuesday up to the publication day (the day
//! itself in Tuesday's paper), "last Tuesday" the one before that; weeks
//! run Monday to Sunday (ISO); "the third quarter" is the most recent one
//! that has begun. All-numeric dates ("04/03/2024") follow the source's
//! `date_order` and stay unresolved when ambiguous without one.

use super::{Reading, Value};
use chrono::{Datelike, Days, Months, NaiveDate};
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

/// What `{value}` matches in a date or year fact's pattern: the date phrase
/// itself ("April 2023", "August of 2013", "last year", "by 2013"), without
/// a leading "in" or "on", which the rule writes as context. A month name
/// alone is left out: "may" is more often a verb.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let day = r"[0-9]{1,2}(?:st|nd|rd|th)?(?-u:\b)";
    let year = r"(?:19|20)[0-9][0-9](?-u:\b)";
    let count = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)";
    let quarter = r"(?:q[1-4]|(?:first|second|third|fourth)[\s-]+quarter(?:\s+of)?)";
    format!(
        r"(?:{BY_EVENT}|(?:(?:by|before|until|since|after)\s+)?(?:the\s+)?(?-u:\b)(?:[0-9]{{1,2}}/[0-9]{{1,2}}/(?:[0-9]{{4}}|[0-9][0-9])(?-u:\b)|{quarter},?\s+{year}|(?:the\s+)?(?:(?:first|second|third|fourth)[\s-]+quarter|(?:last|this|next)\s+quarter)(?-u:\b)|{MONTH}\s+(?:of\s+)?(?:last|this|next)\s+year(?-u:\b)|(?:earlier|later)\s+this\s+(?:year|month|week)(?-u:\b)|{MONTH}\s+{day},?\s+{year}|{day}\s+(?:of\s+)?{MONTH},?\s+{year}|{MONTH},?\s+(?:of\s+)?{year}|(?:early|mid|late)[\s-]+{year}|[0-9]{{4}}-[0-9][0-9]-[0-9][0-9](?-u:\b)|{year}|(?:last|this|next)\s+(?:year|month|week)(?-u:\b)|earlier\s+this\s+(?:year|month|week)(?-u:\b)|(?:yesterday|today)(?-u:\b)|last\s+{MONTH}(?-u:\b)|{MONTH}\s+{day}|{day}\s+(?:of\s+)?{MONTH}(?-u:\b)|(?:last\s+)?{WEEKDAY}(?-u:\b)|{count}\s+(?:years?|months?|weeks?|days?|decades?)\s+ago(?-u:\b)))"
    )
});

/// A date given by another event: "within a month of Hastings joining the
/// board", "shortly after the launch", "two years after". The phrase is
/// found (it states the fact) but the event is not a date factlint reads,
/// so the claim stays unresolved and is never compared.
const BY_EVENT: &str = r"(?:within\s+(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|[0-9]+)\s+(?:days?|weeks?|months?|years?)[”\x22’']?\s+of|(?:shortly|soon|just|immediately|right|weeks|months|days|years|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|[0-9]+)\s+(?:days?|weeks?|months?|years?))\s+(?:after|before|following))(?-u:\b)";

static BY_EVENT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^{BY_EVENT}$")).expect("the event-relative date pattern is valid")
});

/// How a source writes all-numeric dates: "04/03/2024" is 3 April in the
/// US (month first) and 4 March in the UK (day first). Set per source in
/// sources.toml (`date_order = "month-first"` or `"day-first"`); without
/// it an ambiguous numeric date stays unresolved, never guessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// The names sources.toml accepts.
    pub const NAMES: &'static [&'static str] = &["month-first", "day-first", "mdy", "dmy"];

    pub fn from_name(name: &str) -> Option<DateOrder> {
        match name {
            "month-first" | "mdy" => Some(DateOrder::MonthFirst),
            "day-first" | "dmy" => Some(DateOrder::DayFirst),
            _ => None,
        }
    }
}

/// An inclusive range of days. `start` is `NaiveDate::MIN` for "by 2013",
/// `end` is `NaiveDate::MAX` for "since 2011".
#[derive(Clone, Debug, PartialEq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateSpan {
    pub fn day(d: NaiveDate) -> DateSpan {
        DateSpan { start: d, end: d }
    }

    pub fn month(year: i32, month: u32) -> Option<DateSpan> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(DateSpan { start, end })
    }

    pub fn year(year: i32) -> Option<DateSpan> {
        Some(DateSpan {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The smallest span covering both.
    pub fn hull(&self, other: &DateSpan) -> DateSpan {
        DateSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Widened to whole calendar years, for `year` facts.
    pub fn whole_years(&self) -> DateSpan {
        let start = if self.start == NaiveDate::MIN {
            NaiveDate::MIN
        } else {
            NaiveDate::from_ymd_opt(self.start.year(), 1, 1).unwrap_or(self.start)
        };
        let end = if self.end == NaiveDate::MAX {
            NaiveDate::MAX
        } else {
            NaiveDate::from_ymd_opt(self.end.year(), 12, 31).unwrap_or(self.end)
        };
        DateSpan { start, end }
    }

    /// A publication date as sources.toml and `[story]` write it: anything
    /// [`DateSpan::parse_iso`] reads, or one day with a time and zone,
    /// `2024-04-03T09:30-04:00` (seconds optional, `Z` for UTC), as a
    /// page's own metadata gives it. The day is the one written, the
    /// outlet's own, which is the day its "yesterday" counts from; the time
    /// must be valid and carry a zone (a bare time would be guessed) and is
    /// kept as written.
    pub fn parse_published(s: &str) -> Result<DateSpan, String> {
        let Some((day, time)) = s.trim().split_once('T') else {
            return DateSpan::parse_iso(s);
        };
        let bad = |why: &str| format!("`{s}` {why}");
        if day.len() != 10 || day.contains('/') {
            return Err(bad("is not a day with a time"));
        }
        let (clock, zone) = match time.strip_suffix('Z') {
            Some(clock) => (clock, None),
            None => match time.rfind(['+', '-']) {
                Some(at) => (&time[..at], Some(&time[at..])),
                None => {
                    return Err(bad(
                        "has a time without a zone; add `Z` or an offset such as `-04:00`",
                    ))
                }
            },
        };
        let clock_ok = chrono::NaiveTime::parse_from_str(clock, "%H:%M").is_ok()
            || chrono::NaiveTime::parse_from_str(clock, "%H:%M:%S").is_ok();
        let zone_ok = zone.is_none_or(|z| {
            let b = z.as_bytes();
            z.len() == 6
                && b[3] == b':'
                && z[1..3].parse::<u32>().is_ok_and(|h| h <= 14)
                && z[4..6].parse::<u32>().is_ok_and(|m| m < 60)
                && b[1..3].iter().chain(&b[4..6]).all(u8::is_ascii_digit)
        });
        if !clock_ok || !zone_ok {
            return Err(bad(
                "has no valid time and zone (HH:MM, then `Z` or ±HH:MM)",
            ));
        }
        DateSpan::parse_iso(day)
    }

    /// A publication date from a manifest: `2024`, `2024-04`, `2024-04-03`,
    /// or an ISO 8601 interval of those, `2024-04-01/2024-04-07`.
    pub fn parse_iso(s: &str) -> Result<DateSpan, String> {
        let one = |s: &str| -> Result<DateSpan, String> {
            let bad = || format!("`{s}` is not a date");
            let parts: Vec<&str> = s.trim().split('-').collect();
            let num = |p: &str, len: usize| {
                if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                    p.parse::<u32>().ok()
                } else {
                    None
                }
            };
            let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)? as i32;
            match parts[1..] {
                [] => DateSpan::year(year),
                [m] => DateSpan::month(year, num(m, 2).ok_or_else(bad)?),
                [m, d] => NaiveDate::from_ymd_opt(
                    year,
                    num(m, 2).ok_or_else(bad)?,
                    num(d, 2).ok_or_else(bad)?,
                )
                .map(DateSpan::day),
                _ => None,
            }
            .ok_or_else(bad)
        };
        match s.split_once('/') {
            None => one(s),
            Some((a, b)) => {
                let (a, b) = (one(a)?, one(b)?);
                if b.end < a.start {
                    return Err(format!("`{s}` ends before it starts"));
                }
                Ok(DateSpan {
                    start: a.start,
                    end: b.end,
                })
            }
        }
    }

    fn is_whole_years(&self) -> bool {
        (self.start.month(), self.start.day()) == (1, 1)
            && (self.end.month(), self.end.day()) == (12, 31)
    }

    fn is_whole_months(&self) -> bool {
        self.start.day() == 1 && self.end.succ_opt().is_none_or(|d| d.day() == 1)
    }
}

/// One end of a span at its natural precision: a year if it is a year
/// boundary on that side, a month if a month boundary, else the day.
fn endpoint(d: NaiveDate, is_end: bool) -> String {
    let (year_edge, month_edge) = if is_end {
        (
            (d.month(), d.day()) == (12, 31),
            d.succ_opt().is_none_or(|n| n.day() == 1),
        )
    } else {
        ((d.month(), d.day()) == (1, 1), d.day() == 1)
    };
    if year_edge {
        format!("{}", d.year())
    } else if month_edge {
        d.format("%Y-%m").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == NaiveDate::MIN {
            return write!(f, "{} or earlier", endpoint(self.end, true));
        }
        if self.end == NaiveDate::MAX {
            return write!(f, "{} or later", endpoint(self.start, false));
        }
        let (start, end) = if self.is_whole_years() {
            (self.start.year().to_string(), self.end.year().to_string())
        } else if self.is_whole_months() {
            (
                self.start.format("%Y-%m").to_string(),
                self.end.format("%Y-%m").to_string(),
            )
        } else {
            (
                self.start.format("%Y-%m-%d").to_string(),
                self.end.format("%Y-%m-%d").to_string(),
            )
        };
        if start == end {
            f.write_str(&start)
        } else {
            write!(f, "{start} to {end}")
        }
    }
}

fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim_end_matches('.');
    let at = NAMES.iter().position(|n| w.starts_with(n))?;
    // The word must be the abbreviation or a prefix-consistent full name.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (FULL[at].starts_with(w) || w == "sept").then_some(at as u32 + 1)
}

fn weekday_number(word: &str) -> Option<u32> {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .position(|d| *d == word)
    .map(|i| i as u32)
}

fn small_number(word: &str) -> Option<u32> {
    let words = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    words
        .iter()
        .position(|w| *w == word)
        .map(|i| (i as u32).max(1))
        .or_else(|| word.parse().ok())
}

fn day_number(word: &str) -> Option<u32> {
    word.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

static FORMS: LazyLock<Vec<(Form, Regex)>> = LazyLock::new(|| {
    let m = &format!("({MONTH})");
    let d = r"(\d{1,2})(?:st|nd|rd|th)?";
    let y = r"(\d{4})";
    [
        (Form::Iso, r"^(\d{4})-(\d{2})-(\d{2})$".to_string()),
        (Form::MonthDayYear, format!(r"^{m} {d},? {y}$")),
        (Form::DayMonthYear, format!(r"^{d} (?:of )?{m},? {y}$")),
        (Form::MonthYear, format!(r"^{m},? (?:of )?{y}$")),
        (Form::Year, format!(r"^(?:(?:early|mid|late)[ -]?)?{y}$")),
        (
            Form::Quarter,
            r"^(?:q([1-4])|(first|second|third|fourth)[ -]quarter(?: of)?),? (\d{4})$".to_string(),
        ),
        (
            Form::Relative,
            r"^(last|this|next|earlier this|later this) (year|month|week|quarter)$".to_string(),
        ),
        (
            Form::RelativeQuarter,
            r"^(?:q([1-4])|(first|second|third|fourth)[ -]quarter)$".to_string(),
        ),
        (
            Form::MonthOfRelativeYear,
            format!(r"^{m},? (?:of )?(last|this|next) year$"),
        ),
        (Form::Day, r"^(yesterday|today)$".to_string()),
        (
            Form::Ago,
            r"^(\w+) (year|month|week|day|decade)s? ago$".to_string(),
        ),
        (Form::LastMonthName, format!(r"^last {m}$")),
        (Form::Weekday, format!(r"^(last )?({WEEKDAY})$")),
        (Form::MonthDay, format!(r"^{m} {d}$")),
        (Form::DayMonth, format!(r"^{d} (?:of )?{m}$")),
        (Form::Month, format!(r"^{m}$")),
    ]
    .into_iter()
    .map(|(f, p)| (f, Regex::new(&p).expect("date forms are valid regexes")))
    .collect()
});

#[derive(Clone, Copy, Debug)]
enum Form {
    Iso,
    Quarter,
    RelativeQuarter,
    MonthOfRelativeYear,
    MonthDayYear,
    DayMonthYear,
    MonthYear,
    Year,
    Relative,
    Day,
    Ago,
    LastMonthName,
    Weekday,
    MonthDay,
    DayMonth,
    Month,
}

/// Reads a date phrase against a publication date; see the module doc.
pub fn parse(text: &str, published: Option<&DateSpan>) -> Result<Reading, String> {
    parse_in(
        text,
        super::Context {
            published,
            ..Default::default()
        },
    )
}

/// Reads a date phrase with everything known about its source.
pub fn parse_in(text: &str, ctx: super::Context<'_>) -> Result<Reading, String> {
    let published = ctx.published;
    let norm = text
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut phrase = norm.trim_end_matches([',', '.', ';']).trim();
    if BY_EVENT_ONLY.is_match(phrase.trim_start_matches(['“', '"', '\''])) {
        return Ok(Reading::Unresolved(format!(
            "{text:?} dates it by another event, which factlint does not date"
        )));
    }
    let mut open_start = false;
    let mut open_end = false;
    loop {
        let before = phrase;
        for (lead, start, end) in [
            ("in ", false, false),
            ("on ", false, false),
            ("during ", false, false),
            ("the ", false, false),
            ("by ", true, false),
            ("before ", true, false),
            ("until ", true, false),
            ("since ", false, true),
            ("after ", false, true),
            ("from ", false, true),
        ] {
            if let Some(rest) = phrase.strip_prefix(lead) {
                phrase = rest;
                open_start |= start;
                open_end |= end;
            }
        }
        if phrase == before {
            break;
        }
    }
    let reading = match numeric(phrase, ctx.date_order, text) {
        Some(r) => r?,
        None => read(phrase, published, text)?,
    };
    Ok(match reading {
        Reading::Value(Value::Date(mut d)) => {
            if open_start {
                d.start = NaiveDate::MIN;
            }
            if open_end {
                d.end = NaiveDate::MAX;
            }
            Reading::Value(Value::Date(d))
        }
        other => other,
    })
}

fn read(phrase: &str, published: Option<&DateSpan>, original: &str) -> Result<Reading, String> {
    let invalid = || format!("{original:?} is not a valid date");
    // ISO forms, as rule authors write fact sheets: 2013, 2013-08,
    // 2024-04-03, and ranges START/END.
    if phrase.contains(['-', '/'])
        && phrase
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    {
        return DateSpan::parse_iso(phrase).map(|d| Reading::Value(Value::Date(d)));
    }
    let (form, c) = FORMS
        .iter()
        .find_map(|(f, re)| re.captures(phrase).map(|c| (*f, c)))
        .ok_or_else(|| "no date, month, year or relative date found".to_string())?;
    let year = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
    let month = |i: usize| c.get(i).and_then(|m| month_number(m.as_str()));
    let day = |i: usize| c.get(i).and_then(|m| day_number(m.as_str()));
    let known = |span: Option<DateSpan>| {
        span.map(|s| Reading::Value(Value::Date(s)))
            .ok_or_else(invalid)
    };
    match form {
        Form::Iso => known(
            NaiveDate::from_ymd_opt(
                year(1).ok_or_else(invalid)?,
                day(2).ok_or_else(invalid)?,
                day(3).ok_or_else(invalid)?,
            )
            .map(DateSpan::day),
        ),
        Form::MonthDayYear => known(ymd(year(3), month(1), day(2))),
        Form::DayMonthYear => known(ymd(year(3), month(2), day(1))),
        Form::MonthYear => known(DateSpan::month(
            year(2).ok_or_else(invalid)?,
            month(1).ok_or_else(invalid)?,
        )),
        Form::Year => known(year(1).and_then(DateSpan::year)),
        Form::Quarter => known(
            quarter_number(c.get(1).map(|m| m.as_str()), c.get(2).map(|m| m.as_str()))
                .and_then(|q| quarter(year(3)?, q)),
        ),
        _ => {
            // Relative: needs the publication date.
            let Some(published) = published else {
                return Ok(Reading::Unresolved(format!(
                    "{original:?} is relative and the source has no published date"
                )));
            };
            let resolve = |d: NaiveDate| -> Option<DateSpan> {
                match form {
                    Form::Relative => relative(d, &c[1], &c[2]),
                    Form::RelativeQuarter => {
                        // The most recent such quarter that has begun.
                        let q = quarter_number(
                            c.get(1).map(|m| m.as_str()),
                            c.get(2).map(|m| m.as_str()),
                        )?;
                        let this = quarter(d.year(), q)?;
                        if this.start <= d {
                            Some(this)
                        } else {
                            quarter(d.year() - 1, q)
                        }
                    }
                    Form::MonthOfRelativeYear => {
                        let shift = match &c[2] {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        };
                        DateSpan::month(d.year() + shift, month_number(&c[1])?)
                    }
                    Form::Day => match &c[1] {
                        "yesterday" => d.pred_opt().map(DateSpan::day),
                        _ => Some(DateSpan::day(d)),
                    },
                    Form::Ago => {
                        let n = small_number(&c[1])?;
                        match &c[2] {
                            "year" => DateSpan::year(d.year() - n as i32),
                            "decade" => DateSpan::year(d.year() - 10 * n as i32),
                            "month" => {
                                let m = d.checked_sub_months(Months::new(n))?;
                                DateSpan::month(m.year(), m.month())
                            }
                            "week" => week_of(d.checked_sub_days(Days::new(7 * n as u64))?),
                            _ => d.checked_sub_days(Days::new(n as u64)).map(DateSpan::day),
                        }
                    }
                    Form::LastMonthName => {
                        let m = month_number(&c[1])?;
                        let y = if m < d.month() {
                            d.year()
                        } else {
                            d.year() - 1
                        };
                        DateSpan::month(y, m)
                    }
                    Form::Weekday => {
                        let wd = weekday_number(&c[2])?;
                        let back = (d.weekday().num_days_from_monday() + 7 - wd) % 7;
                        // "Tuesday" in Tuesday's paper is that day; "last
                        // Tuesday" is a week before.
                        let back = if back == 0 && c.get(1).is_some() {
                            7
                        } else {
                            back
                        };
                        d.checked_sub_days(Days::new(back as u64))
                            .map(DateSpan::day)
                    }
                    Form::MonthDay | Form::DayMonth => {
                        let (m, dd) = if matches!(form, Form::MonthDay) {
                            (month_number(&c[1])?, day_number(&c[2])?)
                        } else {
                            (month_number(&c[2])?, day_number(&c[1])?)
                        };
                        let this_year = NaiveDate::from_ymd_opt(d.year(), m, dd);
                        match this_year {
                            Some(x) if x <= d => Some(DateSpan::day(x)),
                            _ => NaiveDate::from_ymd_opt(d.year() - 1, m, dd).map(DateSpan::day),
                        }
                    }
                    Form::Month => {
                        let m = month_number(&c[1])?;
                        DateSpan::month(
                            if m <= d.month() {
                                d.year()
                            } else {
                                d.year() - 1
                            },
                            m,
                        )
                    }
                    _ => None,
                }
            };
            let a = resolve(published.start).ok_or_else(invalid)?;
            let b = resolve(published.end).ok_or_else(invalid)?;
            Ok(Reading::Value(Value::Date(a.hull(&b))))
        }
    }
}

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$").unwrap());

/// An all-numeric date ("04/03/2024", "4/3/24"), or `None` when `phrase`
/// is not one. Ambiguous without the source's order unless a part is over
/// 12 or both parts are equal.
fn numeric(
    phrase: &str,
    order: Option<DateOrder>,
    original: &str,
) -> Option<Result<Reading, String>> {
    let c = NUMERIC.captures(phrase)?;
    let a: u32 = c[1].parse().ok()?;
    let b: u32 = c[2].parse().ok()?;
    let year: i32 = match c[3].parse::<i32>().ok()? {
        y if c[3].len() == 2 => 2000 + y,
        y => y,
    };
    let order = match order {
        _ if a == b => Some(DateOrder::MonthFirst),
        _ if a > 12 => Some(DateOrder::DayFirst),
        _ if b > 12 => Some(DateOrder::MonthFirst),
        known => known,
    };
    let Some(order) = order else {
        return Some(Ok(Reading::Unresolved(format!(
            "{original:?} could be month/day or day/month; set `date_order` for this source in sources.toml"
        ))));
    };
    let (m, d) = match order {
        DateOrder::MonthFirst => (a, b),
        DateOrder::DayFirst => (b, a),
    };
    Some(
        NaiveDate::from_ymd_opt(year, m, d)
            .map(|x| Reading::Value(Value::Date(DateSpan::day(x))))
            .ok_or_else(|| format!("{original:?} is not a valid date")),
    )
}

/// The quarter named by "q3" (group `q`) or "third" (group `word`).
fn quarter_number(q: Option<&str>, word: Option<&str>) -> Option<u32> {
    q.and_then(|q| q.parse().ok()).or_else(|| {
        ["first", "second", "third", "fourth"]
            .iter()
            .position(|w| Some(*w) == word)
            .map(|i| i as u32 + 1)
    })
}

/// Quarter `q` (1 to 4) of `year`.
fn quarter(year: i32, q: u32) -> Option<DateSpan> {
    let start = NaiveDate::from_ymd_opt(year, 3 * (q - 1) + 1, 1)?;
    let end = start.checked_add_months(Months::new(3))?.pred_opt()?;
    Some(DateSpan { start, end })
}

fn ymd(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<DateSpan> {
    NaiveDate::from_ymd_opt(year?, month?, day?).map(DateSpan::day)
}

/// The ISO week (Monday to Sunday) containing `d`.
fn week_of(d: NaiveDate) -> Option<DateSpan> {
    let monday = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))?;
    Some(DateSpan {
        start: monday,
        end: monday.checked_add_days(Days::new(6))?,
    })
}

fn relative(d: NaiveDate, which: &str, unit: &str) -> Option<DateSpan> {
    let shift: i32 = match which {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let span = match unit {
        "year" => DateSpan::year(d.year() + shift)?,
        "quarter" => {
            let q = (d.month() - 1) / 3 + 1;
            let (y, q) = match (shift, q) {
                (-1, 1) => (d.year() - 1, 4),
                (-1, q) => (d.year(), q - 1),
                (1, 4) => (d.year() + 1, 1),
                (1, q) => (d.year(), q + 1),
                (_, q) => (d.year(), q),
            };
            quarter(y, q)?
        }
        "month" => {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
            let m = match shift {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            DateSpan::month(m.year(), m.month())?
        }
        _ => {
            let base = match shift {
                -1 => d.checked_sub_days(Days::new(7))?,
                1 => d.checked_add_days(Days::new(7))?,
                _ => d,
            };
            week_of(base)?
        }
    };
    // "earlier this year": from the start of the period up to the day;
    // "later this month": from the day to its end.
    Some(match which {
        "earlier this" => DateSpan {
            start: span.start,
            end: d.min(span.end),
        },
        "later this" => DateSpan {
            start: d.max(span.start),
            end: span.end,
        },
        _ => span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::RegexBuilder;

    fn span(s: &str) -> DateSpan {
        DateSpan::parse_iso(s).unwrap()
    }

    fn at(text: &str, published: Option<&str>) -> String {
        let p = published.map(span);
        match parse(text, p.as_ref()).unwrap_or_else(|e| panic!("{text:?}: {e}")) {
            Reading::Value(Value::Date(d)) => d.to_string(),
            Reading::Unresolved(why) => format!("unresolved: {why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn absolute_dates_at_their_precision() {
        assert_eq!(at("April 2023", None), "2023-04");
        assert_eq!(at("in April\n2023", None), "2023-04");
        assert_eq!(at("August of 2013", None), "2013-08");
        assert_eq!(at("Aug. 2013", None), "2013-08");
        assert_eq!(at("2011", None), "2011");
        assert_eq!(at("mid-2023", None), "2023");
        assert_eq!(at("April 2, 2024", None), "2024-04-02");
        assert_eq!(at("April 2nd, 2024", None), "2024-04-02");
        assert_eq!(at("2 April 2024", None), "2024-04-02");
        assert_eq!(at("21st of March 2024", None), "2024-03-21");
        assert_eq!(at("2024-04-03", None), "2024-04-03");
        assert_eq!(at("by August of 2013", None), "2013-08 or earlier");
        assert_eq!(at("since 2011", None), "2011 or later");
        assert_eq!(at("2013-08", None), "2013-08");
        assert_eq!(
            at("2024-03-25/2024-03-31", None),
            "2024-03-25 to 2024-03-31"
        );
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        let ht = Some("2024-04-03");
        assert_eq!(at("last year", ht), "2023");
        assert_eq!(at("last week", ht), "2024-03-25 to 2024-03-31");
        assert_eq!(at("this week", ht), "2024-04-01 to 2024-04-07");
        assert_eq!(at("last month", ht), "2024-03");
        assert_eq!(at("yesterday", ht), "2024-04-02");
        assert_eq!(at("earlier this year", ht), "2024-01-01 to 2024-04-03");
        assert_eq!(at("March 23", ht), "2024-03-23");
        assert_eq!(at("on April 2", ht), "2024-04-02");
        assert_eq!(at("Tuesday", ht), "2024-04-02");
        assert_eq!(at("April last year", ht), "2023-04");
        assert_eq!(at("Q3 2023", ht), "2023-07 to 2023-09");
        assert_eq!(at("two years ago", ht), "2022");
        assert_eq!(at("last April", ht), "2023-04");
        assert_eq!(at("last April", Some("2024-05-10")), "2024-04");
        assert_eq!(at("December 30", Some("2024-01-05")), "2023-12-30");
        assert_eq!(at("in March", ht), "2024-03");
    }

    #[test]
    fn numeric_dates_follow_the_source_order() {
        let at_in = |text: &str, order| {
            let ctx = super::super::Context {
                published: None,
                date_order: order,
                ..Default::default()
            };
            match parse_in(text, ctx).unwrap() {
                Reading::Value(Value::Date(d)) => d.to_string(),
                Reading::Unresolved(why) => format!("unresolved: {why}"),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(
            at_in("04/03/2024", Some(DateOrder::MonthFirst)),
            "2024-04-03"
        );
        assert_eq!(at_in("04/03/2024", Some(DateOrder::DayFirst)), "2024-03-04");
        assert!(at_in("04/03/2024", None).contains("set `date_order`"));
        assert_eq!(at_in("4/23/24", None), "2024-04-23");
        assert_eq!(
            at_in("23/4/2024", Some(DateOrder::MonthFirst)),
            "2024-04-23"
        );
        assert!(parse_in("13/13/2024", Default::default()).is_err());
    }

    #[test]
    fn a_weekday_can_be_the_publication_day() {
        let tue = Some("2024-04-02");
        assert_eq!(at("Tuesday", tue), "2024-04-02");
        assert_eq!(at("last Tuesday", tue), "2024-03-26");
        assert_eq!(at("Wednesday", tue), "2024-03-27");
    }

    #[test]
    fn an_approximate_publication_date_widens_honestly() {
        let early_april = Some("2024-04-01/2024-04-07");
        assert_eq!(at("last week", early_april), "2024-03-25 to 2024-03-31");
        assert_eq!(at("last year", early_april), "2023");
        assert_eq!(at("last week", Some("2024-04")), "2024-03-25 to 2024-04-28");
    }

    #[test]
    fn dates_given_by_another_event_stay_unresolved() {
        for phrase in [
            "within a month of",
            "“Within a month” of",
            "shortly after",
            "two years after",
        ] {
            assert!(
                at(phrase, Some("2024-04-02")).contains("by another event"),
                "{phrase}"
            );
        }
        let found = |text: &str| {
            Regex::new(&PATTERN)
                .unwrap()
                .find(text)
                .map(|m| m.as_str().to_string())
        };
        assert_eq!(
            found("shortly after Hastings joined the board").as_deref(),
            Some("shortly after")
        );
        assert_eq!(found("after 2011").as_deref(), Some("after 2011"));
    }

    #[test]
    fn relative_dates_without_publication_stay_unresolved() {
        assert!(at("last year", None).starts_with("unresolved: \"last year\" is relative"));
        assert!(at("March 23", None).starts_with("unresolved"));
    }

    #[test]
    fn spans_compare_by_overlap() {
        assert!(span("2023-04").overlaps(&span("2023")));
        assert!(!span("2023-04").overlaps(&span("2023-05")));
        assert_eq!(span("2011-06-15").whole_years(), span("2011"));
        assert_eq!(
            span("2024-04-01").hull(&span("2024-04-07")),
            span("2024-04-01/2024-04-07")
        );
    }

    #[test]
    fn parse_iso_rejects_nonsense() {
        for s in [
            "",
            "2024-13",
            "2024-04-07/2024-04-01",
            "24-04-01",
            "2024-4-1",
            "April",
            "2024-02-30",
            "/",
        ] {
            assert!(DateSpan::parse_iso(s).is_err(), "{s:?}");
        }
        assert_eq!(span("2024-04-01/2024-04").to_string(), "2024-04");
    }

    #[test]
    fn a_publication_time_and_zone_are_read_and_the_written_day_kept() {
        for (s, day) in [
            ("2024-04-03T09:30-04:00", "2024-04-03"),
            ("2024-04-03T23:30:15+05:30", "2024-04-03"),
            ("2024-04-03T00:05Z", "2024-04-03"),
            ("2024-04", "2024-04"),
            ("2024-04-01/2024-04-07", "2024-04-01/2024-04-07"),
        ] {
            assert_eq!(DateSpan::parse_published(s), Ok(span(day)), "{s}");
        }
        for s in [
            "2024-04-03T09:30",
            "2024-04-03T25:00Z",
            "2024-04-03T09:30-4",
            "2024-04-03T09:30+15:00",
            "2024-04T09:30Z",
            "2024-04-03T",
            "2024-02-30T09:30Z",
            "2024-04-01/2024-04-03T09:30Z",
        ] {
            assert!(DateSpan::parse_published(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn invalid_and_odd_inputs_are_errors_not_panics() {
        for s in [
            "February 29, 2023",
            "April 99, 2024",
            "recently",
            "soon",
            "",
            "Ω",
            "31 31 31",
            "99999",
            "the",
            "by",
            "last",
            "Maybe 2023",
            "0 days ago",
        ] {
            let _ = parse(s, Some(&span("2024-04-03")));
        }
        assert!(parse("February 29, 2023", None).is_err());
        assert!(parse("recently", None).is_err());
        assert!(parse("Maybe 2023", None).is_err(), "'maybe' is not May");
    }

    #[test]
    fn pattern_matches_what_parse_reads() {
        let re = RegexBuilder::new(&format!("^(?:{})$", *PATTERN))
            .case_insensitive(true)
            .build()
            .unwrap();
        assert_eq!(re.captures_len(), 1);
        for s in [
            "April 2023",
            "August of 2013",
            "Aug. 2013",
            "2011",
            "April 2, 2024",
            "2 April 2024",
            "last year",
            "last week",
            "this week",
            "by August of 2013",
            "since 2011",
            "March 23",
            "last April",
            "yesterday",
            "two years ago",
            "2024-04-03",
            "mid-2023",
        ] {
            assert!(re.is_match(s), "PATTERN misses {s:?}");
            assert!(
                parse(s, Some(&span("2024-04-03"))).is_ok(),
                "parse misses {s:?}"
            );
        }
        assert!(!re.is_match("may"), "a bare month is not a date phrase");
        let find = regex::Regex::new(&format!("(?i){}", *PATTERN)).unwrap();
        assert_eq!(
            find.find("filed in April 2023, alleges").unwrap().as_str(),
            "April 2023"
        );
    }
}
