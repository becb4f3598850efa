//! STUB: to be written.
use super::Reading;
use chrono::NaiveDate;
use std::fmt;

pub const PATTERN: &str = r"\d{4}";

#[derive(Clone, Debug, PartialEq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateSpan {
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }
    pub fn whole_years(&self) -> DateSpan {
        todo!()
    }
    pub fn parse_iso(_s: &str) -> Result<DateSpan, String> {
        todo!()
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

pub fn parse(_text: &str, _published: Option<&DateSpan>) -> Result<Reading, String> {
    todo!()
}
