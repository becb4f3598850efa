//! The report: findings in their final order, with everything an emitter
//! needs to show them. Emitters write to a writer they are given; the
//! library never prints.
//!
//! Order: errors first, then warnings, then notes; within a severity by
//! fact id, then by the file and offset of the primary label. This is total
//! and depends on nothing but the input, so output is byte-for-byte stable.

mod excerpt;
mod github;
mod html;
mod human;
pub mod json;
pub mod junit;
mod sarif;
mod short;
pub mod standing;
pub mod table;
pub mod tally;

use crate::copies::Copies;
use crate::corpus::{Corpus, Source};
use crate::extract::Claim;
use crate::files::Files;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use std::io;

pub use excerpt::Excerpt;
pub use github::write_github;
pub use html::write_html;
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
    /// Values of a rival group no fact of it could take, by source: shown
    /// in the table and JSON so an editor sees what the rules could not
    /// attribute; never a finding. Empty unless set.
    pub unplaced: &'a [(usize, crate::matcher::Unplaced)],
    pub findings: Vec<Finding>,
    /// Findings the baseline hid, and findings an editor acknowledged.
    pub hidden: usize,
    pub acknowledged: usize,
    /// Wire copies; by default none (every source independent).
    pub copies: Copies,
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

/// What a run without rules says it left out.
pub const NO_RULES: &str = "not checked: facts across sources, since there are no rules (no `rules/` folder, --rules or factlint.toml naming them); only quotation drift and single-source figures ran. docs/rules.md shows how to write rules";

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
            unplaced: &[],
            findings,
            hidden: 0,
            acknowledged: 0,
            copies: Copies::none(corpus.sources.len()),
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

    /// What was not checked: facts no source states, and articles in
    /// which no fact was found. Silence is not confirmation.
    pub fn unchecked(&self) -> Unchecked {
        let mut stated = vec![false; self.rules.facts.len()];
        let mut speaks = vec![false; self.corpus.sources.len()];
        for c in self.claims {
            stated[c.fact] = true;
            speaks[c.source] = true;
        }
        Unchecked {
            facts: (0..stated.len()).filter(|&f| !stated[f]).collect(),
            sources: (0..speaks.len()).filter(|&s| !speaks[s]).collect(),
        }
    }

    /// "not checked: 2 facts no source states (a, b); 1 article with no
    /// fact found (direct-chats-report)", or nothing when all was checked.
    pub fn unchecked_line(&self) -> Option<String> {
        if self.rules.facts.is_empty() {
            return Some(NO_RULES.to_string());
        }
        let u = self.unchecked();
        let mut parts = Vec::new();
        if !u.facts.is_empty() {
            let ids: Vec<&str> = u
                .facts
                .iter()
                .map(|&f| self.rules.facts[f].id.as_str())
                .collect();
            parts.push(format!(
                "{} no source states ({})",
                count(u.facts.len(), "fact"),
                ids.join(", ")
            ));
        }
        if !u.sources.is_empty() {
            let names: Vec<String> = u
                .sources
                .iter()
                .map(|&s| outlet_name(&self.corpus.sources[s]))
                .collect();
            parts.push(format!(
                "{} in which no fact was found ({})",
                count(u.sources.len(), "article"),
                names.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| format!("not checked: {}", parts.join("; ")))
    }

    /// Whether any finding is at or above `threshold`: the exit code's
    /// question.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }
}

/// What a run could not check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unchecked {
    /// Facts (indices into the rules) that no source states.
    pub facts: Vec<usize>,
    /// Sources (indices into the corpus) in which no fact was found.
    pub sources: Vec<usize>,
}

/// "1 fact", "2 facts".
fn count(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The outlet as the manifest names it, else the file name without its
/// extension: how editors call a source.
pub fn outlet_name(source: &Source) -> String {
    match &source.meta.outlet {
        Some(o) => o.clone(),
        None => {
            let name = source.path.rsplit('/').next().unwrap_or(&source.path);
            name.rsplit_once('.')
                .map(|(stem, _)| stem)
                .unwrap_or(name)
                .to_string()
        }
    }
}

/// `text` with each source's path replaced by its outlet's name: messages
/// are written once, with paths, for every format; editors read outlets
/// (human and HTML output).
pub(crate) fn outlets_named(report: &Report<'_>, text: &str) -> String {
    let mut out = text.to_string();
    // Longest paths first, so no path is replaced inside a longer one.
    let mut sources: Vec<_> = report.corpus.sources.iter().collect();
    sources.sort_by_key(|s| std::cmp::Reverse(s.path.len()));
    for s in sources {
        if out.contains(&s.path) {
            out = out.replace(&s.path, &outlet_name(s));
        }
    }
    out
}

/// The outlet with its publication date when known: "MailOnline,
/// 2024-04-01/2024-04-07".
pub fn outlet_dated(source: &Source) -> String {
    match source.meta.published_text.as_deref().map(readable_date) {
        Some(date) => format!("{}, {date}", outlet_name(source)),
        None => outlet_name(source),
    }
}

/// A manifest date as an editor writes it: "2024-04-03" as "3 Apr 2024",
/// "2024-04-01/2024-04-07" as "1–7 Apr 2024"; anything else as written.
pub fn readable_date(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parse = |d: &str| -> Option<(u32, usize, Option<u32>)> {
        let mut parts = d.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        (parts.next().is_none() && (1..=12).contains(&month)).then_some((year, month, day))
    };
    let one = |(y, m, d): (u32, usize, Option<u32>)| match d {
        Some(d) => format!("{d} {} {y}", MONTHS[m - 1]),
        None => format!("{} {y}", MONTHS[m - 1]),
    };
    match text.split_once('/') {
        None => parse(text).map(one),
        Some((a, b)) => match (parse(a), parse(b)) {
            (Some((ya, ma, Some(da))), Some((yb, mb, Some(db)))) if ya == yb && ma == mb => {
                Some(format!("{da}–{db} {} {ya}", MONTHS[ma - 1]))
            }
            (Some(a), Some(b)) => Some(format!("{} – {}", one(a), one(b))),
            _ => None,
        },
    }
    .unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::readable_date;

    #[test]
    fn dates_read_as_editors_write_them() {
        assert_eq!(readable_date("2024-04-03"), "3 Apr 2024");
        assert_eq!(readable_date("2024-04"), "Apr 2024");
        assert_eq!(readable_date("2024-04-01/2024-04-07"), "1–7 Apr 2024");
        assert_eq!(
            readable_date("2024-03-30/2024-04-02"),
            "30 Mar 2024 – 2 Apr 2024"
        );
        assert_eq!(readable_date("spring"), "spring");
        assert_eq!(readable_date("2024-13-01"), "2024-13-01");
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
