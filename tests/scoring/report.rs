//! factlint's report, read from `--format json` (docs/json.md).
//!
//! The harness reads the documented JSON, not the library's types: JSON is
//! the contract users and CI depend on, it stays stable while the engine
//! behind it is rewritten, and scoring it measures exactly what a user
//! would see. Only the fields scoring needs are read; the contract allows
//! new ones.

use serde::Deserialize;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Report {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// One entry per fact of the rules (`--statistics`).
    pub statistics: Vec<Statistic>,
}

#[derive(Debug, Deserialize)]
pub struct Source {
    pub path: String,
}

#[derive(Debug, Deserialize)]
pub struct Claim {
    pub fact: String,
    pub path: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Deserialize)]
pub struct Finding {
    pub code: String,
    pub severity: String,
    pub kind: String,
    pub fact: String,
    pub message: String,
    pub labels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
pub struct Label {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: String,
    pub primary: bool,
}

#[derive(Debug, Deserialize)]
pub struct Statistic {
    pub fact: String,
}

/// The finding kinds that do not say two statements disagree. Every other
/// kind, including kinds added after this list was written, is taken for a
/// conflict when false flags are counted: a new way of accusing an outlet
/// must not escape the count by its name.
const NOT_CONFLICTS: &[&str] = &[
    "unsupported",
    "unreadable-value",
    "single-source",
    "unused-fact",
    "redundant-pattern",
    "uncovered-example",
    "stale-baseline",
    "unused-acceptance",
];

impl Report {
    pub fn parse(json: &str) -> Result<Report, String> {
        serde_json::from_str(json).map_err(|e| format!("factlint's JSON: {e}"))
    }
}

impl Finding {
    /// Errors and warnings other than rule hygiene (FL1xx): what an editor
    /// is asked to act on.
    pub fn is_scored(&self) -> bool {
        matches!(self.severity.as_str(), "error" | "warning") && !self.code.starts_with("FL1")
    }

    /// Says that statements disagree (see [`NOT_CONFLICTS`]).
    pub fn is_conflict(&self) -> bool {
        !NOT_CONFLICTS.contains(&self.kind.as_str())
    }

    pub fn is_quote_drift(&self) -> bool {
        self.kind == "quote-drift"
    }
}

/// The article file name of a report path (`tests/data/…/02-x.txt` ->
/// `02-x.txt`): annotations name articles by file name.
pub fn article(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

impl Claim {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl Label {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}
