//! The report: findings in their final order, with everything an emitter
//! needs to show them. Emitters write to a writer they are given; the
//! library never prints.
//!
//! Order: errors first, then warnings, then notes; within a severity by
//! fact id, then by the file and offset of the primary label. This is total
//! and depends on nothing but the input, so output is byte-for-byte stable.

mod human;
pub mod json;
mod short;

use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::files::Files;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use std::io;

pub use human::write_human;
pub use json::write_json;
pub use short::write_short;

/// Everything one run found.
pub struct Report<'a> {
    pub files: &'a Files,
    pub corpus: &'a Corpus,
    pub rules: &'a RuleSet,
    pub claims: &'a [Claim],
    pub findings: Vec<Finding>,
}

/// Counts for the closing line and the JSON `summary`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub sources: usize,
    pub facts: usize,
}

impl<'a> Report<'a> {
    pub fn new(
        files: &'a Files,
        corpus: &'a Corpus,
        rules: &'a RuleSet,
        claims: &'a [Claim],
        mut findings: Vec<Finding>,
    ) -> Self {
        findings.sort_by_cached_key(|f| {
            let (path, start) = f
                .primary()
                .map(|l| (files.name(l.file).to_string(), l.span.start))
                .unwrap_or_default();
            (
                std::cmp::Reverse(f.severity),
                f.fact.clone(),
                path,
                start,
                f.kind,
                f.message.clone(),
            )
        });
        Report {
            files,
            corpus,
            rules,
            claims,
            findings,
        }
    }

    pub fn summary(&self) -> Summary {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            sources: self.corpus.sources.len(),
            facts: self.rules.facts.len(),
        }
    }

    /// Whether any finding is at or above `threshold`: the exit code's
    /// question.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }
}

impl Summary {
    /// "3 errors, 1 warning, 0 notes in 5 sources (18 facts checked)".
    pub fn line(&self) -> String {
        let n = |k: usize, one: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{k} {one}s")
            }
        };
        format!(
            "{}, {}, {} in {} ({} checked)",
            n(self.errors, "error"),
            n(self.warnings, "warning"),
            n(self.notes, "note"),
            n(self.sources, "source"),
            n(self.facts, "fact"),
        )
    }
}

/// Maps codespan's rendering error to an I/O error, keeping the I/O cause
/// (a closed pipe must stay recognisable as one).
fn render_error(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}
