//! `--statistics`, first part: how many findings of each code, and on each
//! outlet. The per-code count says which checks are noisy; the per-outlet
//! count, which article needs an editor first.

use super::Report;
use crate::finding::{FindingKind, Severity};
use std::collections::BTreeMap;
use std::io;

/// Findings of one code, or on one outlet, by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Count {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }

    fn total(&self) -> usize {
        self.errors + self.warnings + self.notes
    }
}

/// Where findings fall that accuse no article (rule hygiene, baselines).
pub const NO_OUTLET: &str = "(rules and reviews)";

/// Findings per code, in code order, and per outlet (the manifest's
/// `outlet`, else the article's path), by name; a finding counts for the
/// article of its primary label.
pub fn tally(report: &Report<'_>) -> (Vec<(FindingKind, Count)>, BTreeMap<String, Count>) {
    let mut codes: BTreeMap<FindingKind, Count> = BTreeMap::new();
    let mut outlets: BTreeMap<String, Count> = BTreeMap::new();
    for finding in &report.findings {
        codes.entry(finding.kind).or_default().add(finding.severity);
        let outlet = finding
            .primary()
            .and_then(|l| report.corpus.sources.iter().find(|s| s.file == l.file))
            .map(|s| s.meta.outlet.clone().unwrap_or_else(|| s.path.clone()))
            .unwrap_or_else(|| NO_OUTLET.to_string());
        outlets.entry(outlet).or_default().add(finding.severity);
    }
    (codes.into_iter().collect(), outlets)
}

/// The two tables, aligned.
pub fn write_tally<W: io::Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let (codes, outlets) = tally(report);
    let rows: Vec<(String, Count)> = codes
        .iter()
        .map(|(k, c)| (format!("{} {}", k.code(), k.name()), *c))
        .collect();
    table(out, "code", &rows)?;
    writeln!(out)?;
    let rows: Vec<(String, Count)> = outlets.into_iter().collect();
    table(out, "outlet", &rows)
}

fn table<W: io::Write>(out: &mut W, heading: &str, rows: &[(String, Count)]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .chain([heading.len()])
        .max()
        .unwrap_or(0);
    writeln!(out, "{heading:<width$}  findings  errors  warnings  notes")?;
    for (name, c) in rows {
        let pad = width - name.chars().count();
        writeln!(
            out,
            "{name}{:pad$}  {:>8}  {:>6}  {:>8}  {:>5}",
            "",
            c.total(),
            c.errors,
            c.warnings,
            c.notes
        )?;
    }
    Ok(())
}
