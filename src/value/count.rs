//! STUB: to be written.
use super::interval::Interval;

pub const PATTERN: &str = r"\d+";

pub fn parse(_text: &str) -> Result<Interval, String> {
    todo!()
}
