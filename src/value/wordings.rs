//! Each kind's table of wordings: real news phrasings and what factlint
//! reads them as. The same rows are the kind's tests (every row is read
//! and its value checked, see the tests below), its documentation
//! (`factlint kinds`, `factlint explain kind:money`, `docs/kinds.md`, which
//! a test keeps equal to [`markdown`]), and the list of what it does not
//! read yet. This is Duckling's corpus idea: examples that cannot drift
//! from the code because they are run.

use super::{choice, read, Context, DateSpan, Kind, NumberFormat, Reading, Value};
use std::fmt::Write;

/// One wording and the value it reads as (its display), or `unresolved`
/// when it is understood but needs a publication date.
#[derive(Clone, Copy, Debug)]
pub struct Wording {
    pub text: &'static str,
    pub reads: &'static str,
}

/// A wording a kind does not read, with why; the reader must reject it.
#[derive(Clone, Copy, Debug)]
pub struct Unread {
    pub text: &'static str,
    pub why: &'static str,
}

/// The wordings of one kind.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub kind: Kind,
    /// What a value of the kind is, in a sentence or two.
    pub summary: &'static str,
    /// The publication date relative wordings are read against.
    pub published: Option<&'static str>,
    pub wordings: &'static [Wording],
    pub unread: &'static [Unread],
}

macro_rules! rows {
    ($($text:literal => $reads:literal),* $(,)?) => {
        &[$(Wording { text: $text, reads: $reads }),*]
    };
}

macro_rules! unread {
    ($($text:literal : $why:literal),* $(,)?) => {
        &[$(Unread { text: $text, why: $why }),*]
    };
}

pub const COUNT: &[Wording] = rows![
    "two" => "2",
    "2" => "2",
    "533 million" => "533M",
    "1.5 billion" => "1.5B",
    "87,000" => "87K",
    "twenty-five" => "25",
    "a dozen" => "12",
    "two dozen" => "24",
    "one hundred fifty million" => "150M",
    "one hundred and fifty" => "150",
    "two thousand five hundred" => "2500",
    "half a million" => "500K",
    "a million" => "1M",
    "third" => "3",
    "21st" => "21",
    "twenty-first" => "21",
    "more than 500 million" => "more than 500M",
    "over 1,000" => "more than 1000",
    "upwards of 3,000" => "more than 3000",
    "in excess of 200" => "more than 200",
    "at least 17" => "at least 17",
    "no fewer than 40" => "at least 40",
    "100+" => "at least 100",
    "100 or more" => "at least 100",
    "fewer than 50" => "under 50",
    "less than 10" => "under 10",
    "under 5,000" => "under 5000",
    "up to 20" => "at most 20",
    "as many as 300" => "at most 300",
    "no more than 12" => "at most 12",
    "between 10 and 20" => "10 to 20",
    "from 30 to 40" => "30 to 40",
    "10-20 million" => "10M to 20M",
    "three to four" => "3 to 4",
    "nearly 3,000" => "2700 to 3000",
    "almost 200" => "180 to 200",
    "about 100" => "90 to 110",
    "around 40" => "36 to 44",
    "roughly 1,200" => "1080 to 1320",
    "an estimated 2 million" => "1.8M to 2.2M",
    "just over 100" => "100 to 110",
    "~50" => "45 to 55",
    "millions" => "1M to 1B",
    "hundreds of thousands" => "100K to 1M",
    "tens of millions" => "10M to 100M",
    "dozens" => "24 to 144",
    "several hundred" => "300 to 1000",
    "a few thousand" => "2000 to 5000",
    "several" => "several",
    "numerous" => "numerous",
    "multiple" => "multiple",
    "a handful of" => "a handful of",
    "a few" => "a few",
];

pub const MONEY: &[Wording] = rows![
    "$150 million" => "USD 150M",
    "$150M" => "USD 150M",
    "US$150m" => "USD 150M",
    "USD 150 million" => "USD 150M",
    "150 million dollars" => "USD 150M",
    "$150mn" => "USD 150M",
    "$150,000,000" => "USD 150M",
    "$1.5bn" => "USD 1.5B",
    "$4.5 Billion" => "USD 4.5B",
    "£10m" => "GBP 10M",
    "€265 million" => "EUR 265M",
    "€265 million ($284 million)" => "EUR 265M (USD 284M)",
    "₹500 crore" => "INR 5B",
    "Rs 2 lakh" => "INR 200K",
    "C$30 million" => "CAD 30M",
    "one hundred fifty million dollars" => "USD 150M",
    "half a billion dollars" => "USD 500M",
    "a million dollars" => "USD 1M",
    "over $100 million" => "more than USD 100M",
    "more than $5 billion" => "more than USD 5B",
    "upwards of US$150 million" => "more than USD 150M",
    "at least $725 million" => "at least USD 725M",
    "$100M+" => "at least USD 100M",
    "$100 million-plus" => "at least USD 100M",
    "up to $1.3 billion" => "at most USD 1.3B",
    "as much as $20 million" => "at most USD 20M",
    "less than $1 million" => "under USD 1M",
    "under $500,000" => "under USD 500K",
    "between $10 million and $20 million" => "USD 10M to USD 20M",
    "$10-20 million" => "USD 10M to USD 20M",
    "$10 million to $20 million" => "USD 10M to USD 20M",
    "nearly $3 billion" => "USD 2.7B to USD 3B",
    "about $100 million" => "USD 90M to USD 110M",
    "roughly $1.2bn" => "USD 1.08B to USD 1.32B",
    "hundreds of millions of dollars" => "USD 100M to USD 1B",
    "millions of dollars" => "USD 1M to USD 1B",
    "tens of millions of dollars" => "USD 10M to USD 100M",
    "several hundred million dollars" => "USD 300M to USD 1B",
    "multi-billion dollar" => "USD 2B to USD 1T",
    "millions" => "1M to 1B",
];

pub const DURATION: &[Wording] = rows![
    "nearly a decade" => "9 to 10 years",
    "almost ten years" => "9 to 10 years",
    "a decade" => "10 years",
    "10 years" => "10 years",
    "two-year" => "2 years",
    "more than a decade" => "more than 10 years",
    "at least 15 years" => "at least 15 years",
    "a year and a half" => "1.5 years",
    "18 months" => "18 months",
    "two years and three months" => "2.2 to 2.3 years",
    "three weeks" => "3 weeks",
    "a fortnight" => "2 weeks",
    "five days" => "5 days",
    "72 hours" => "3 days",
    "about 12 hours" => "10.8 to 13.2 hours",
    "12 hours" => "12 hours",
    "90 minutes" => "1.5 hours",
    "an hour and a half" => "1.5 hours",
    "two and a half hours" => "2.5 hours",
    "1 hour 40 minutes" => "100 minutes",
    "1 hour and 40 minutes" => "100 minutes",
    "half an hour" => "30 minutes",
    "45 seconds" => "45 seconds",
    "less than three minutes" => "under 3 minutes",
    "up to 30 minutes" => "at most 30 minutes",
    "three to four hours" => "3 to 4 hours",
    "between two and three weeks" => "2 to 3 weeks",
    "several years" => "several years",
    "a few days" => "a few days",
    "every two weeks" => "every 2 weeks",
    "every fortnight" => "every 2 weeks",
    "bi-weekly" => "every 2 weeks",
    "fortnightly" => "every 2 weeks",
    "every other week" => "every 2 weeks",
    "twice a month" => "every 2 to 2.2 weeks",
    "once a week" => "every week",
    "weekly" => "every week",
    "monthly" => "every month",
    "every year" => "every year",
    "annually" => "every year",
    "hourly" => "every hour",
    "every six hours" => "every 6 hours",
];

pub const DATE: &[Wording] = rows![
    "April 2023" => "2023-04",
    "August of 2013" => "2013-08",
    "Aug. 2013" => "2013-08",
    "2011" => "2011",
    "mid-2023" => "2023",
    "April 2, 2024" => "2024-04-02",
    "April 2nd, 2024" => "2024-04-02",
    "2 April 2024" => "2024-04-02",
    "21st of March 2024" => "2024-03-21",
    "2024-04-03" => "2024-04-03",
    "by August of 2013" => "2013-08 or earlier",
    "by 2013" => "2013 or earlier",
    "since 2011" => "2011 or later",
    "last year" => "2023",
    "this year" => "2024",
    "last month" => "2024-03",
    "last week" => "2024-03-25 to 2024-03-31",
    "this week" => "2024-04-01 to 2024-04-07",
    "earlier this month" => "2024-04-01 to 2024-04-02",
    "earlier this year" => "2024-01-01 to 2024-04-02",
    "later this month" => "2024-04-02 to 2024-04-30",
    "yesterday" => "2024-04-01",
    "today" => "2024-04-02",
    "Tuesday" => "2024-04-02",
    "last Tuesday" => "2024-03-26",
    "Monday" => "2024-04-01",
    "Friday" => "2024-03-29",
    "March 23" => "2024-03-23",
    "March 23rd" => "2024-03-23",
    "23 March" => "2024-03-23",
    "last April" => "2023-04",
    "April last year" => "2023-04",
    "April of last year" => "2023-04",
    "January this year" => "2024-01",
    "two years ago" => "2022",
    "three months ago" => "2024-01",
    "a decade ago" => "2014",
    "Q1 2023" => "2023-01 to 2023-03",
    "first quarter of 2023" => "2023-01 to 2023-03",
    "the first quarter of 2023" => "2023-01 to 2023-03",
    "third-quarter 2023" => "2023-07 to 2023-09",
    "the first quarter" => "2024-01 to 2024-03",
    "last quarter" => "2024-01 to 2024-03",
    "this quarter" => "2024-04 to 2024-06",
    "04/23/2024" => "2024-04-23",
    "23/04/2024" => "2024-04-23",
    "04/03/2024" => "unresolved",
];

pub const TITLE: &[Wording] = rows![
    "co-founder" => "cofounder",
    "Co-Founder" => "cofounder",
    "cofounder" => "cofounder",
    "Netflix co-founder" => "netflix cofounder",
    "The president of Netflix" => "netflix president",
    "Netflix’s president" => "netflix president",
    "Chief Executive Officer" => "ceo",
    "chief executive of SpaceX" => "spacex ceo",
    "SpaceX CEO" => "spacex ceo",
    "executive chairman" => "executive chair",
    "Gov." => "governor",
    "Governor" => "governor",
    "Sen." => "senator",
    "Rep." => "representative",
    "Lt. Gov." => "lieutenant governor",
    "Lt. Col." => "lieutenant colonel",
    "Dr." => "doctor",
    "Vice-President" => "vice president",
    "Meta spokesman" => "meta spokesperson",
    "Meta spokeswoman" => "meta spokesperson",
    "X owner" => "x owner",
];

pub const LENGTH: &[Wording] = rows![
    "1,100-foot" => "1100 ft (335.3 m)",
    "335-metre" => "335 m (335 m)",
    "335 metres" => "335 m (335 m)",
    "2.4-mile" => "2.4 mi (3862.4 m)",
    "3.9 km" => "3.9 km (3900 m)",
    "three miles" => "3 mi (4828 m)",
    "about 10 kilometres" => "9 to 11 km (9000 to 11K m)",
    "more than 500 feet" => "more than 500 ft (more than 152.4 m)",
    "up to 6 inches" => "at most 6 in (at most 0.2 m)",
    "between 2 and 3 nautical miles" => "2 to 3 nmi (3704 to 5556 m)",
    "100 yards" => "100 yd (91.4 m)",
    "50 cm" => "50 cm (0.5 m)",
];

pub const SPEED: &[Wording] = rows![
    "90 mph" => "90 mph (40.2 m/s)",
    "145 km/h" => "145 km/h (40.3 m/s)",
    "145 kph" => "145 km/h (40.3 m/s)",
    "90 miles per hour" => "90 mph (40.2 m/s)",
    "20 knots" => "20 kn (10.3 m/s)",
    "up to 120 mph" => "at most 120 mph (at most 53.6 m/s)",
    "more than 200 kilometres per hour" => "more than 200 km/h (more than 55.6 m/s)",
    "3 m/s" => "3 m/s (3 m/s)",
];

pub const MASS: &[Wording] = rows![
    "100 kg" => "100 kg (100 kg)",
    "220 pounds" => "220 lb (99.8 kg)",
    "220 lbs" => "220 lb (99.8 kg)",
    "two tonnes" => "2 t (2000 kg)",
    "two tons" => "2 short ton (1814.4 kg)",
    "5,000 metric tons" => "5000 t (5M kg)",
    "nearly 3 kilograms" => "2.7 to 3 kg (2.7 to 3 kg)",
    "500 grams" => "500 g (0.5 kg)",
    "12 ounces" => "12 oz (0.3 kg)",
];

pub const AREA: &[Wording] = rows![
    "2,000 square feet" => "2000 sq ft (185.8 m²)",
    "2,000-square-foot" => "2000 sq ft (185.8 m²)",
    "2,000 sq ft" => "2000 sq ft (185.8 m²)",
    "2,000 sq. ft." => "2000 sq ft (185.8 m²)",
    "186 square metres" => "186 m² (186 m²)",
    "186 square meters" => "186 m² (186 m²)",
    "186 m²" => "186 m² (186 m²)",
    "186 sqm" => "186 m² (186 m²)",
    "50 acres" => "50 acre (202.343K m²)",
    "50-acre" => "50 acre (202.343K m²)",
    "20 hectares" => "20 ha (200K m²)",
    "20 ha" => "20 ha (200K m²)",
    "3.5 square miles" => "3.5 sq mi (9.065M m²)",
    "9 square kilometres" => "9 km² (9M m²)",
    "9 km²" => "9 km² (9M m²)",
    "9 sq km" => "9 km² (9M m²)",
    "more than 1,000 acres" => "more than 1000 acre (more than 4.047M m²)",
    "nearly 500 hectares" => "450 to 500 ha (4.5M to 5M m²)",
    "about 2 million acres" => "1.8M to 2.2M acre (7.284B to 8.903B m²)",
    "between 10 and 12 square miles" => "10 to 12 sq mi (25.9M to 31.08M m²)",
    "one acre" => "1 acre (4046.9 m²)",
];

pub const VOLUME: &[Wording] = rows![
    "500 litres" => "500 L (500 L)",
    "500 liters" => "500 L (500 L)",
    "750 ml" => "750 ml (0.8 L)",
    "10,000 gallons" => "10K gal (37.854K L)",
    "10,000-gallon" => "10K gal (37.854K L)",
    "2 million gallons" => "2M gal (7.571M L)",
    "100 imperial gallons" => "100 imp gal (454.6 L)",
    "3 cubic metres" => "3 m³ (3000 L)",
    "3 m³" => "3 m³ (3000 L)",
    "50 cubic feet" => "50 cu ft (1415.8 L)",
    "1.2 million barrels" => "1.2M bbl (190.785M L)",
    "1.2m barrels" => "1.2M bbl (190.785M L)",
    "700,000 bbl" => "700K bbl (111.291M L)",
    "up to 5,000 litres" => "at most 5000 L (at most 5000 L)",
    "more than 3 million gallons" => "more than 3M gal (more than 11.356M L)",
    "an estimated 11 million gallons" => "9.9M to 12.1M gal (37.476M to 45.803M L)",
    "between 2,000 and 3,000 barrels" => "2000 to 3000 bbl (317.975K to 476.962K L)",
    "two litres" => "2 L (2 L)",
];

pub const TEMPERATURE: &[Wording] = rows![
    "104F" => "104 °F (40 °C)",
    "104 F" => "104 °F (40 °C)",
    "104°F" => "104 °F (40 °C)",
    "104 °F" => "104 °F (40 °C)",
    "104 degrees Fahrenheit" => "104 °F (40 °C)",
    "104 degrees F" => "104 °F (40 °C)",
    "104-degree Fahrenheit" => "104 °F (40 °C)",
    "40C" => "40 °C (40 °C)",
    "40 °C" => "40 °C (40 °C)",
    "40ºC" => "40 °C (40 °C)",
    "40 degrees Celsius" => "40 °C (40 °C)",
    "40 degrees centigrade" => "40 °C (40 °C)",
    "40 Celsius" => "40 °C (40 °C)",
    "-5C" => "-5 °C (-5 °C)",
    "-5 °C" => "-5 °C (-5 °C)",
    "minus 5C" => "-5 °C (-5 °C)",
    "minus 5 degrees Celsius" => "-5 °C (-5 °C)",
    "−40F" => "-40 °F (-40 °C)",
    "0C" => "0 °C (0 °C)",
    "32F" => "32 °F (0 °C)",
    "98.6F" => "98.6 °F (37 °C)",
    "ninety degrees Fahrenheit" => "90 °F (32.2 °C)",
    "more than 100F" => "more than 100 °F (more than 37.8 °C)",
    "above 40C" => "more than 40 °C (more than 40 °C)",
    "at least 45C" => "at least 45 °C (at least 45 °C)",
    "up to 30C" => "at most 30 °C (at most 30 °C)",
    "below 32F" => "under 32 °F (under 0 °C)",
    "30-35C" => "30 to 35 °C (30 to 35 °C)",
    "30C to 35C" => "30 to 35 °C (30 to 35 °C)",
    "between 90 and 95 degrees Fahrenheit" => "90 to 95 °F (32.2 to 35 °C)",
    "40 degrees" => "unresolved",
    "about 40C" => "unresolved",
    "nearly 100F" => "unresolved",
];

pub const TIME: &[Wording] = rows![
    "4:10 a.m." => "04:10",
    "4:10 am" => "04:10",
    "4:10am" => "04:10",
    "4:10 AM" => "04:10",
    "4:10 a.m. EDT" => "04:10 EDT",
    "4:10am (EDT)" => "04:10 EDT",
    "7.45 pm" => "19:45",
    "7.45pm GMT" => "19:45 GMT",
    "9:15pm JST" => "21:15 JST",
    "4 a.m." => "04:00 to 05:00",
    "4pm" => "16:00 to 17:00",
    "2 p.m. ET" => "14:00 to 15:00 ET",
    "16:10" => "16:10",
    "04:10" => "04:10",
    "10:24:59" => "unresolved",
    "22:24:59" => "22:24:59",
    "10:24:59 p.m." => "22:24:59",
    "0410 GMT" => "04:10 GMT",
    "0410 local time" => "04:10",
    "2350 hours" => "23:50",
    "2350 GMT" => "23:50 GMT",
    "1800 UTC" => "18:00 UTC",
    "noon" => "12:00",
    "12 noon" => "12:00",
    "midnight" => "00:00",
    "12:30 a.m." => "00:30",
    "12 p.m." => "12:00 to 13:00",
    "shortly before 4:15 am" => "04:00 to 04:15",
    "just after 4 p.m." => "16:00 to 17:15",
    "shortly after midnight" => "00:00 to 00:16",
    "around 7:30 p.m." => "19:15 to 19:46",
    "about 11 a.m. BST" => "10:45 to 12:15 BST",
    "4:10 a.m. IST" => "unresolved",
    "3 p.m. CST" => "unresolved",
    "4:10" => "unresolved",
];

pub const PERCENT: &[Wording] = rows![
    "15%" => "15%",
    "15 percent" => "15%",
    "15 per cent" => "15%",
    "15 Percent" => "15%",
    "15 pct" => "15%",
    "15-percent" => "15%",
    "15.2%" => "15.2%",
    "0.5%" => "0.5%",
    "2.75 per cent" => "2.75%",
    "100%" => "100%",
    "fifteen percent" => "15%",
    "two percent" => "2%",
    "fifty-one per cent" => "51%",
    "about 15%" => "13.5 to 16.5%",
    "roughly 40 per cent" => "36 to 44%",
    "around 3%" => "2.7 to 3.3%",
    "some 40 percent" => "36 to 44%",
    "an estimated 60%" => "54 to 66%",
    "~5%" => "4.5 to 5.5%",
    "nearly 30%" => "27 to 30%",
    "almost 9 percent" => "8.1 to 9%",
    "just over 50%" => "50 to 55%",
    "more than 20%" => "more than 20%",
    "over 90 percent" => "more than 90%",
    "upwards of 70 per cent" => "more than 70%",
    "at least 20%" => "at least 20%",
    "20% or more" => "at least 20%",
    "up to 30%" => "at most 30%",
    "as much as 25%" => "at most 25%",
    "no more than 3%" => "at most 3%",
    "less than 1%" => "under 1%",
    "under 5 per cent" => "under 5%",
    "10-15%" => "10 to 15%",
    "10%-15%" => "10 to 15%",
    "10% to 15%" => "10 to 15%",
    "10 to 15 percent" => "10 to 15%",
    "between 10 and 15 percent" => "10 to 15%",
    "between 10% and 15%" => "10 to 15%",
    "from 3.5% to 4%" => "3.5 to 4%",
];

pub const POINTS: &[Wording] = rows![
    "2 percentage points" => "2 pp",
    "two percentage points" => "2 pp",
    "0.25 percentage point" => "0.25 pp",
    "2-percentage-point" => "2 pp",
    "2 percentage-points" => "2 pp",
    "2 points" => "2 pp",
    "1 point" => "1 pp",
    "2 pp" => "2 pp",
    "2pp" => "2 pp",
    "1.5 ppts" => "1.5 pp",
    "10 percentage pts" => "10 pp",
    "75 basis points" => "75 bp (0.75 pp)",
    "75bps" => "75 bp (0.75 pp)",
    "25 bp" => "25 bp (0.25 pp)",
    "50-basis-point" => "50 bp (0.5 pp)",
    "more than 2 percentage points" => "more than 2 pp",
    "nearly 4 points" => "3.6 to 4 pp",
    "about 1 point" => "0.9 to 1.1 pp",
    "up to 50 basis points" => "at most 50 bp (at most 0.5 pp)",
    "between 25 and 50 basis points" => "25 to 50 bp (0.25 to 0.5 pp)",
    "25-50 bps" => "25 to 50 bp (0.25 to 0.5 pp)",
];

pub static TABLES: &[Table] = &[
    Table {
        kind: Kind::Money,
        summary: "An amount per currency stated, as an interval; no currency conversion, \
                  so amounts in different currencies never conflict.",
        published: None,
        wordings: MONEY,
        unread: unread![
            "$150 million and change": "words after the amount",
            "a lot of money": "no amount",
            "$": "no amount",
        ],
    },
    Table {
        kind: Kind::Count,
        summary: "A number of things, as an interval; vague counts (\"several\", \
                  \"numerous\") are shown but never conflict.",
        published: None,
        wordings: COUNT,
        unread: unread![
            "many": "too vague to show: not read",
            "two users": "the noun belongs in the rule's pattern",
            "a lot": "no number",
        ],
    },
    Table {
        kind: Kind::Date,
        summary: "A day range at the precision written (\"April 2023\" is the whole \
                  month); relative dates resolve against the publication date, or the \
                  story's `[story] published`; `year` facts widen to whole years.",
        published: Some("2024-04-02"),
        wordings: DATE,
        unread: unread![
            "recently": "no date",
            "February 29, 2023": "not a valid date",
            "Maybe 2023": "\"maybe\" is not May",
        ],
    },
    Table {
        kind: Kind::Title,
        summary: "Words compared after folding (shown here): case, punctuation, hyphens, \
                  possessives, \"X of Y\" order, newsroom abbreviations.",
        published: None,
        wordings: TITLE,
        unread: unread![" — ": "no words"],
    },
    Table {
        kind: Kind::Length,
        summary: "A length or distance as written, converted to metres for comparison; \
                  the written precision converts with it (\"2.4 miles\" agrees with \
                  \"3.9 km\").",
        published: None,
        wordings: LENGTH,
        unread: unread!["12 parsecs": "no unit of length", "the 1,100-foot": "no number"],
    },
    Table {
        kind: Kind::Speed,
        summary: "A speed as written, converted to metres per second.",
        published: None,
        wordings: SPEED,
        unread: unread!["very fast": "no number or unit"],
    },
    Table {
        kind: Kind::Mass,
        summary: "A mass as written, converted to kilograms; \"ton\" is the US short \
                  ton, \"tonne\" and \"metric ton\" 1000 kg.",
        published: None,
        wordings: MASS,
        unread: unread!["heavy": "no number or unit"],
    },
    Table {
        kind: Kind::Area,
        summary: "An area as written, converted to square metres; \"acre\" is the \
                  international acre.",
        published: None,
        wordings: AREA,
        unread: unread![
            "50 square": "no unit of area",
            "50 acre-feet": "acre-feet are a volume, not read",
        ],
    },
    Table {
        kind: Kind::Volume,
        summary: "A volume as written, converted to litres; \"gallon\" is the US gallon \
                  (\"imperial gallons\" are read as such), \"barrel\" the 42-gallon oil \
                  barrel.",
        published: None,
        wordings: VOLUME,
        unread: unread![
            "three pints": "no unit of volume",
            "500 tons": "a unit of mass",
        ],
    },
    Table {
        kind: Kind::Temperature,
        summary: "A temperature as written, converted to degrees Celsius affinely \
                  (°F − 32) × 5/9, the precision with it (\"104F\" agrees with \"40C\"). \
                  \"Degrees\" without a scale and hedged temperatures are unresolved. \
                  A change (\"rose 5 degrees\") is not a temperature: not this kind.",
        published: None,
        wordings: TEMPERATURE,
        unread: unread![
            "300 kelvin": "no temperature scale",
            "-5 to -10C": "a range or bound below zero is not read yet",
            "30C to 90F": "a range in two scales",
            "hot": "no number",
        ],
    },
    Table {
        kind: Kind::Time,
        summary: "A time of day at the precision written (\"4 a.m.\" is the whole \
                  hour), in its zone if one is written; compared on the clock within a \
                  zone or without one, in UTC between zones with one offset. A zone \
                  against none, or \"ET\" (its offset depends on the date), never \
                  conflicts. \"Around\" and \"shortly before/after\" reach 15 minutes.",
        published: None,
        wordings: TIME,
        unread: unread![
            "2023": "four digits without \"hours\" or a zone are a year",
            "7.45": "no a.m. or p.m. after a dotted time",
            "13 p.m.": "not an hour of a 12-hour clock",
            "4:75 a.m.": "minutes past 59",
            "teatime": "no time",
        ],
    },
    Table {
        kind: Kind::Percent,
        summary: "A share in percent, as an interval, widened as any quantity is \
                  (\"15%\" agrees with \"15.2%\", not with \"16%\"). Percentage points \
                  are not percent: a `percentage-points` fact reads them.",
        published: None,
        wordings: PERCENT,
        unread: unread![
            "2 percentage points": "a unit of percentage points, not percent",
            "a third": "fractions in words are not read: news rounds them loosely",
            "more than half": "fractions in words are not read",
            "one in five": "ratios in words are not read",
            "-5%": "a negative percent is not read",
            "minus 0.5 per cent": "a negative percent is not read",
            "15": "no unit of percent",
        ],
    },
    Table {
        kind: Kind::Points,
        summary: "A difference between two percentages, in percentage points (basis \
                  points are hundredths of one). Never compared with percent: a rate \
                  rising 2 points and one rising 2% say different things.",
        published: None,
        wordings: POINTS,
        unread: unread![
            "2%": "a unit of percent, not percentage points",
            "half a percentage point": "fractions in words are not read",
            "a quarter-point": "fractions in words are not read",
        ],
    },
    Table {
        kind: Kind::Duration,
        summary: "A length of time, or the period of a frequency, in seconds; months and \
                  years are intervals (28 to 31 days, 365 to 366).",
        published: None,
        wordings: DURATION,
        unread: unread![
            "for a while": "no length",
            "every blue moon": "no unit of time",
            "12 parsecs": "not a unit of time",
        ],
    },
];

/// A wording from a story that writes numbers in another format
/// (`[story] number_format` or a source's `number_format`), read as that
/// format says; `reads` is an error's start when the wording is unread.
#[derive(Clone, Copy, Debug)]
pub struct Formatted {
    pub format: &'static str,
    pub kind: Kind,
    pub text: &'static str,
    pub reads: Result<&'static str, &'static str>,
}

macro_rules! formatted {
    ($($format:literal $kind:ident $text:literal => $reads:expr),* $(,)?) => {
        &[$(Formatted { format: $format, kind: Kind::$kind, text: $text, reads: $reads }),*]
    };
}

/// Numbers written the German, French or Scandinavian way, and the
/// English forms that stay unread in such a story because they would be
/// guessed.
pub const FORMATTED: &[Formatted] = formatted![
    "1.234,5" Length "1,5 km" => Ok("1.5 km (1500 m)"),
    "1.234,5" Count "1.200" => Ok("1200"),
    "1.234,5" Count "150.000" => Ok("150K"),
    "1.234,5" Count "1.234.567" => Ok("1.235M"),
    "1.234,5" Money "€1,5 billion" => Ok("EUR 1.5B"),
    "1.234,5" Money "2,3 million euros" => Ok("EUR 2.3M"),
    "1.234,5" Percent "3,8%" => Ok("3.8%"),
    "1.234,5" Temperature "38,5 °C" => Ok("38.5 °C (38.5 °C)"),
    "1.234,5" Speed "120,5 km/h" => Ok("120.5 km/h (33.5 m/s)"),
    "1.234,5" Count "1.5" => Err("`1.5` is not a number as this story writes them"),
    "1.234,5" Count "1,234.5" => Err("`1,234.5` is not a number as this story writes them"),
    "1 234,5" Count "150 000" => Ok("150K"),
    "1 234,5" Count "150\u{a0}000" => Ok("150K"),
    "1 234,5" Count "1\u{202f}234\u{202f}567" => Ok("1.235M"),
    "1 234,5" Length "1,5 km" => Ok("1.5 km (1500 m)"),
    "1 234,5" Mass "2 500 tonnes" => Ok("2500 t (2.5M kg)"),
    "1 234,5" Percent "12,5 %" => Ok("12.5%"),
    "1 234,5" Count "1.500" => Err("`1.500` is not a number as this story writes them"),
    "1 234,5" Count "15 00" => Err("unexpected words after the number"),
    "1,234.5" Length "1,5 km" => Err("unexpected words after the number"),
    "1,234.5" Count "150 000" => Err("unexpected words after the number"),
    "1,234.5" Count "1,500" => Ok("1500"),
];

/// What a [`Formatted`] wording reads as, or why it is unread.
pub fn formatted_reading(row: &Formatted) -> Result<String, String> {
    let format = NumberFormat::from_name(row.format).ok_or("unknown number format")?;
    let ctx = Context {
        published: None,
        date_order: Some(super::DateOrder::DayFirst),
        number_format: format,
    };
    match read(row.kind, row.text, ctx, &[])? {
        Reading::Value(v) => Ok(v.to_string()),
        Reading::Unresolved(_) => Ok("unresolved".to_string()),
    }
}

/// [`FORMATTED`] as Markdown, for `docs/kinds.md`.
fn formatted_markdown() -> String {
    let mut out = String::from(
        "## Numbers in other formats\n\n\
         In a story whose `number_format` is `\"1.234,5\"` or `\"1 234,5\"`\n\
         (factlint.toml's `[story]`, or a source's entry in sources.toml), numbers\n\
         of every numeric kind are read in that format. A number that does not fit\n\
         the format is not read rather than guessed, and in the default English\n\
         format (`\"1,234.5\"`) a decimal comma is never read.\n\n\
         | format | kind | wording | reads as |\n|---|---|---|---|\n",
    );
    for row in FORMATTED {
        let reads = match row.reads {
            Ok(r) => cell(r),
            Err(why) => format!("not read: {why}"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {reads} |",
            cell(row.format),
            row.kind.name(),
            cell(&row.text.escape_debug().to_string().replace("\\'", "'"))
        );
    }
    out
}

/// The table of `kind` (year facts share the date table, frequency
/// facts the duration table).
pub fn table(kind: Kind) -> Option<&'static Table> {
    let kind = match kind {
        Kind::Year => Kind::Date,
        Kind::Frequency => Kind::Duration,
        k => k,
    };
    TABLES.iter().find(|t| t.kind == kind)
}

/// What a wording of `table` reads as, shown the way claims are shown.
pub fn reading(table: &Table, text: &str) -> Result<String, String> {
    let published = table
        .published
        .map(|p| DateSpan::parse_iso(p).expect("valid"));
    let ctx = Context {
        published: published.as_ref(),
        date_order: None,
        number_format: Default::default(),
    };
    let categories: &[choice::Category] = &[];
    match read(table.kind, text, ctx, categories)? {
        Reading::Value(Value::Title(t)) => Ok(t.folded()),
        Reading::Value(v) => Ok(v.to_string()),
        Reading::Unresolved(_) => Ok("unresolved".to_string()),
    }
}

/// The table as Markdown: what `factlint kinds` prints and `docs/kinds.md`
/// holds.
pub fn markdown(table: &Table) -> String {
    let mut out = String::new();
    let name = table.kind.name();
    let _ = writeln!(out, "## `{name}`\n\n{}\n", table.summary);
    if let Some(p) = table.published {
        let _ = writeln!(out, "Relative wordings read as if published on {p}.\n");
    }
    let _ = writeln!(out, "| wording | reads as |\n|---|---|");
    for w in table.wordings {
        let _ = writeln!(out, "| {} | {} |", cell(w.text), cell(w.reads));
    }
    let _ = writeln!(out, "\nNot read (an unreadable-value note says why):\n");
    for u in table.unread {
        let _ = writeln!(out, "- {}: {}", cell(u.text), u.why);
    }
    out
}

/// One kind's table, by a name a rule file may use (`money`, `number`),
/// for `factlint kinds money` and `factlint explain kind:money`.
pub fn describe(name: &str) -> Result<String, String> {
    let unknown = || {
        let names: Vec<&str> = Kind::ALL.iter().map(|(_, n)| n[0]).collect();
        format!(
            "`{name}` is not a value kind; expected one of: {}",
            names.join(", ")
        )
    };
    let kind = Kind::from_name(name).ok_or_else(unknown)?;
    table(kind)
        .map(markdown)
        .ok_or_else(|| format!("the `{name}` kind has no table of wordings yet"))
}

/// The whole document of every kind.
pub fn document() -> String {
    let mut out = String::from(
        "# Value kinds and the wordings they read\n\n\
         Generated from the tables in `src/value/wordings.rs`, which are also the\n\
         tests of each kind: every row below is read by the test suite and must\n\
         give the value shown. `factlint kinds` prints this; `factlint explain\n\
         kind:money` prints one kind. How values widen before comparison is in\n\
         docs/rules.md (\"How values widen\").\n\n",
    );
    for t in TABLES {
        out.push_str(&markdown(t));
        out.push('\n');
    }
    out.push_str(&formatted_markdown());
    out.trim_end().to_string() + "\n"
}

fn cell(s: &str) -> String {
    format!("`{}`", s.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_reads_as_its_table_says() {
        let mut wrong = Vec::new();
        for t in TABLES {
            for w in t.wordings {
                match reading(t, w.text) {
                    Ok(got) if got == w.reads => {}
                    got => wrong.push(format!(
                        "{}: {:?} → {got:?}, table says {:?}",
                        t.kind.name(),
                        w.text,
                        w.reads
                    )),
                }
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn unread_wordings_are_rejected() {
        for t in TABLES {
            for u in t.unread {
                assert!(
                    reading(t, u.text).is_err(),
                    "{}: {:?} was read",
                    t.kind.name(),
                    u.text
                );
            }
        }
    }

    #[test]
    fn every_wording_is_matched_by_its_kinds_pattern() {
        for t in TABLES {
            let re = regex::RegexBuilder::new(&format!("^(?:{})$", super::super::pattern(t.kind)))
                .case_insensitive(true)
                .build()
                .unwrap();
            for w in t.wordings {
                assert!(
                    re.is_match(w.text),
                    "{} pattern misses {:?}",
                    t.kind.name(),
                    w.text
                );
            }
        }
    }

    #[test]
    fn formatted_wordings_read_as_their_table_says() {
        let mut wrong = Vec::new();
        for row in FORMATTED {
            let got = formatted_reading(row);
            let right = match (&got, row.reads) {
                (Ok(g), Ok(want)) => g == want,
                (Err(g), Err(want)) => g.starts_with(want),
                _ => false,
            };
            if !right {
                wrong.push(format!(
                    "{} {}: {:?} → {got:?}, table says {:?}",
                    row.format,
                    row.kind.name(),
                    row.text,
                    row.reads
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn formatted_wordings_that_read_are_matched_by_their_kinds_pattern() {
        for row in FORMATTED.iter().filter(|r| r.reads.is_ok()) {
            let re =
                regex::RegexBuilder::new(&format!("^(?:{})$", super::super::pattern(row.kind)))
                    .case_insensitive(true)
                    .build()
                    .unwrap();
            assert!(
                re.is_match(row.text),
                "{} pattern misses {:?}",
                row.kind.name(),
                row.text
            );
        }
    }

    #[test]
    fn docs_kinds_md_is_generated_from_the_tables() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/kinds.md");
        let want = document();
        if std::env::var_os("FACTLINT_BLESS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "docs/kinds.md is stale: run `FACTLINT_BLESS=1 cargo test --lib wordings`"
        );
    }
}
