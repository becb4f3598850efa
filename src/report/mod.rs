//! The report: findings in their final order, with everything an emitter
//! needs to show them. Emitters write to a writer they are given; the
//! library never prints.
//!
//! Order: errors first, then warnings, then notes; within a severity by
//! fact id, then by the file and offset of the primary label. This is total
//! and depends on nothing but the input, so output is byte-for-byte stable.

mod github;
mod human;
pub mod json;
pub mod junit;
mod sarif;
mod short;
pub mod table;
pub mod tally;

use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::files::Files;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use std::io;

pub use github::write_github;
pub use human::write_human;
pub use json::write_json;
pub use junit::write_junit;
pub use sarif::write_sarif;
pub use short::write_short;
pub use table::{write_table, Layout};
pub use tally::write_tally;

/// Everything one run found.
pub struct Report<'a> {
    pub files: &'a Files,
    pub corpus: &'a Corpus,
    pub rules: &'a RuleSet,
    pub claims: &'a [Claim],
    pub findings: Vec<Finding>,
    /// Findings the baseline hid, and findings an editor acknowledged.
    pub hidden: usize,
    pub acknowledged: usize,
    /// The findings behind those counts, with why each is not reported;
    /// the JSON and SARIF list them.
    pub suppressed: Vec<Suppressed>,
}

/// A finding not reported, and why.
#[derive(Clone, Debug)]
pub struct Suppressed {
    pub finding: Finding,
    pub why: SuppressedBy,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuppressedBy {
    /// Recorded in the `--baseline` file.
    Baseline,
    /// Acknowledged by an editor, with the reason given; `in_source` for a
    /// Markdown comment in the article, else a manifest `accept` entry.
    Acknowledgement { reason: String, in_source: bool },
}

/// Counts for the closing line and the JSON `summary`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub sources: usize,
    pub facts: usize,
    /// Findings hidden by `--baseline`.
    pub baseline: usize,
    /// Findings acknowledged in manifests or comments.
    pub acknowledged: usize,
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
            hidden: 0,
            acknowledged: 0,
            suppressed: Vec::new(),
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
            baseline: self.hidden,
            acknowledged: self.acknowledged,
        }
    }

    /// `path:line:col: ` of a finding's primary label, as one-line formats
    /// start; empty for a finding with no label.
    pub fn place(&self, f: &Finding) -> String {
        f.primary()
            .map(|l| {
                let p = self.files.position(l.file, l.span.start);
                format!("{}:{}:{}: ", self.files.name(l.file), p.line, p.column)
            })
            .unwrap_or_default()
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
        let mut hidden = Vec::new();
        if self.baseline > 0 {
            hidden.push(format!("{} in the baseline", self.baseline));
        }
        if self.acknowledged > 0 {
            hidden.push(format!("{} acknowledged", self.acknowledged));
        }
        let hidden = if hidden.is_empty() {
            String::new()
        } else {
            format!("; not shown: {}", hidden.join(", "))
        };
        format!(
            "{}, {}, {} in {} ({} checked){hidden}",
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

/// How many sources and claims one fact matched: `--statistics`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FactStatistics {
    pub fact: String,
    pub sources: usize,
    pub claims: usize,
}

impl Report<'_> {
    pub fn statistics(&self) -> Vec<FactStatistics> {
        self.rules
            .facts
            .iter()
            .enumerate()
            .map(|(index, fact)| {
                let mine = crate::extract::of_fact(self.claims, index);
                let sources: std::collections::BTreeSet<usize> =
                    mine.iter().map(|c| c.source).collect();
                FactStatistics {
                    fact: fact.id.clone(),
                    sources: sources.len(),
                    claims: mine.len(),
                }
            })
            .collect()
    }
}

/// The statistics as an aligned text table.
pub fn write_statistics<W: io::Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let stats = report.statistics();
    let width = stats.iter().map(|s| s.fact.len()).max().unwrap_or(4).max(4);
    writeln!(out, "{:<width$}  sources  claims", "fact")?;
    for s in &stats {
        writeln!(out, "{:<width$}  {:>7}  {:>6}", s.fact, s.sources, s.claims)?;
    }
    Ok(())
}
