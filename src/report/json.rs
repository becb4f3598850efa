//! The JSON format: a stable contract for CI and tools, documented in
//! `docs/json.md`. The wire types live here, apart from the model, so the
//! model can change without breaking consumers. Version 1.

use super::{Report, Summary};
use crate::value::Reading;
use serde::Serialize;
use std::io::{self, Write};

/// Bumped on any incompatible change to the shapes below.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    sources: Vec<Source<'a>>,
    claims: Vec<Claim<'a>>,
    findings: Vec<Finding<'a>>,
    summary: Summary,
    /// Values no fact of their rival group could take (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unplaced: Vec<Unplaced<'a>>,
    /// Findings not reported, each with why (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hidden: Vec<Hidden<'a>>,
    /// Only with `--statistics`.
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<super::FactStatistics>>,
}

#[derive(Serialize)]
struct Source<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
}

#[derive(Serialize)]
struct Claim<'a> {
    fact: &'a str,
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    /// The normalised value; absent when the words could not be resolved
    /// or read (then `unresolved` or `unreadable` says why).
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    /// A numeric value's interval in its base unit (added in 1.x).
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<Interval>,
    /// The base unit of `interval`: a currency code, or `s`.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'static str>,
    /// The word of a vague quantity ("several"): shown, never compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    vague: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unresolved: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unreadable: Option<&'a str>,
}

/// A value of a rival group that no fact of the group could take.
#[derive(Serialize)]
struct Unplaced<'a> {
    /// The facts of the group, in rule order.
    facts: Vec<&'a str>,
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unresolved: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unreadable: Option<&'a str>,
    /// `"tie"`: anchors of two facts are equally near; `"no-anchor"`: no
    /// anchor of the group is near the value.
    why: &'static str,
}

/// `{"lo": 100, "hi": null, "lo_open": true, "hi_open": true}`: an
/// unbounded side is `null`.
#[derive(Serialize)]
struct Interval {
    lo: Option<f64>,
    hi: Option<f64>,
    lo_open: bool,
    hi_open: bool,
}

impl Interval {
    fn of(i: crate::value::Interval) -> Interval {
        let finite = |x: f64| x.is_finite().then_some(x);
        Interval {
            lo: finite(i.lo),
            hi: finite(i.hi),
            lo_open: i.lo_open,
            hi_open: i.hi_open,
        }
    }
}

#[derive(Serialize)]
struct Finding<'a> {
    code: &'static str,
    severity: &'static str,
    kind: &'static str,
    fact: &'a str,
    message: &'a str,
    labels: Vec<Label<'a>>,
    notes: &'a [String],
}

/// A finding the baseline or an acknowledgement hid.
#[derive(Serialize)]
struct Hidden<'a> {
    #[serde(flatten)]
    finding: Finding<'a>,
    /// `"baseline"` or `"acknowledgement"`.
    hidden_by: &'static str,
    /// An acknowledgement's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct Label<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    primary: bool,
    message: &'a str,
}

pub fn write_json<W: Write>(report: &Report<'_>, statistics: bool, out: &mut W) -> io::Result<()> {
    let files = report.files;
    let sources = report
        .corpus
        .sources
        .iter()
        .map(|s| Source {
            path: &s.path,
            outlet: s.meta.outlet.as_deref(),
            url: s.meta.url.as_deref(),
            published: s.meta.published_text.as_deref(),
        })
        .collect();
    let claims = report
        .claims
        .iter()
        .map(|c| {
            let source = &report.corpus.sources[c.source];
            let pos = files.position(source.file, c.span.start);
            let (value, unresolved, unreadable) = reading_fields(&c.reading);
            let value_of = match &c.reading {
                Ok(Reading::Value(v)) => Some(v),
                _ => None,
            };
            Claim {
                interval: value_of.and_then(|v| v.interval()).map(Interval::of),
                unit: value_of.and_then(|v| v.unit()),
                vague: value_of.and_then(|v| v.vague()).map(String::from),
                fact: &report.rules.facts[c.fact].id,
                path: &source.path,
                start: c.span.start,
                end: c.span.end,
                line: pos.line,
                column: pos.column,
                text: source.text.get(c.span.clone()).unwrap_or(""),
                value,
                unresolved,
                unreadable,
            }
        })
        .collect();
    let unplaced = report
        .unplaced
        .iter()
        .map(|(source, u)| {
            let source = &report.corpus.sources[*source];
            let pos = files.position(source.file, u.span.start);
            let (value, unresolved, unreadable) = reading_fields(&u.reading);
            Unplaced {
                facts: u
                    .facts
                    .iter()
                    .map(|&f| report.rules.facts[f].id.as_str())
                    .collect(),
                path: &source.path,
                start: u.span.start,
                end: u.span.end,
                line: pos.line,
                column: pos.column,
                text: source.text.get(u.span.clone()).unwrap_or(""),
                value,
                unresolved,
                unreadable,
                why: u.why.code(),
            }
        })
        .collect();
    let findings = report.findings.iter().map(|f| finding(report, f)).collect();
    let hidden = report
        .suppressed
        .iter()
        .map(|s| {
            let (hidden_by, reason) = match &s.why {
                super::SuppressedBy::Baseline => ("baseline", None),
                super::SuppressedBy::Acknowledgement { reason, .. } => {
                    ("acknowledgement", Some(reason.as_str()))
                }
            };
            Hidden {
                finding: finding(report, &s.finding),
                hidden_by,
                reason,
            }
        })
        .collect();
    let output = Output {
        version: VERSION,
        sources,
        claims,
        unplaced,
        findings,
        hidden,
        summary: report.summary(),
        statistics: statistics.then(|| report.statistics()),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::from)?;
    writeln!(out)
}

fn finding<'a>(report: &'a Report<'_>, f: &'a crate::finding::Finding) -> Finding<'a> {
    let files = report.files;
    Finding {
        code: f.kind.code(),
        severity: f.severity.name(),
        kind: f.kind.name(),
        fact: &f.fact,
        message: &f.message,
        labels: f
            .labels
            .iter()
            .map(|l| {
                let pos = files.position(l.file, l.span.start);
                Label {
                    path: files.name(l.file),
                    start: l.span.start,
                    end: l.span.end,
                    line: pos.line,
                    column: pos.column,
                    text: files.slice(l.file, l.span.clone()),
                    value: l.value.as_deref(),
                    primary: l.primary,
                    message: &l.message,
                }
            })
            .collect(),
        notes: &f.notes,
    }
}

/// A reading as the JSON's `value`, `unresolved` and `unreadable` fields,
/// exactly one of them present: for claims and unplaced values alike.
fn reading_fields(
    reading: &Result<Reading, String>,
) -> (Option<String>, Option<&str>, Option<&str>) {
    match reading {
        Ok(Reading::Value(v)) => (Some(v.to_string()), None, None),
        Ok(Reading::Unresolved(why)) => (None, Some(why.as_str()), None),
        Err(why) => (None, None, Some(why.as_str())),
    }
}
