//! STUB: to be written.
use super::interval::Interval;
use std::fmt;

pub const PATTERN: &str = r"\$\d+ million";

#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub amounts: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub currency: Option<&'static str>,
    pub value: Interval,
}

impl Money {
    pub fn compatible(&self, _other: &Money, _tolerance: f64) -> bool {
        todo!()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

pub fn parse(_text: &str) -> Result<Money, String> {
    todo!()
}
