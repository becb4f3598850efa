//! STUB: to be written.
use super::interval::Interval;
use std::fmt;

pub const PATTERN: &str = r"every two weeks";

#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    pub days: Interval,
    pub recurring: bool,
}

impl Duration {
    pub fn compatible(&self, _other: &Duration, _tolerance: f64) -> bool {
        todo!()
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

pub fn parse(_text: &str) -> Result<Duration, String> {
    todo!()
}
