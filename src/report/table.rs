//! The claims table: one row per fact, one column per source, each cell the
//! value that source states, marked where a finding points at it. The view
//! an editor pastes into a newsroom document, or reads to see at a glance
//! what every rule pulled out of every article. Values of a rival group
//! that no fact of the group could take get a row of their own after the
//! group's last fact.

use super::Report;
use crate::compare::Consensus;
use crate::finding::FindingKind;
use crate::value::Reading;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// How to lay the table out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Aligned text fitting `width` columns (cells cut with "…"), or
    /// unlimited.
    Text {
        width: Option<usize>,
    },
    Csv,
    Markdown,
}

/// Marks, most serious first, and what they mean.
const MARKS: &[(FindingKind, &str, &str)] = &[
    (
        FindingKind::ContradictsReference,
        "✗",
        "contradicts the fact sheet",
    ),
    (FindingKind::Conflict, "!", "in conflict with other sources"),
    (FindingKind::SelfConflict, "!", "in conflict with itself"),
    (FindingKind::Split, "~", "split"),
    (FindingKind::Unsupported, "?", "unsupported"),
];

/// The table as rows of cells: the header first.
fn cells(report: &Report<'_>) -> Vec<Vec<String>> {
    let consensus =
        crate::compare::consensus(report.rules, report.corpus, report.claims, &report.copies);
    let mut header = vec!["fact".to_string(), "consensus".to_string()];
    header.extend(report.corpus.sources.iter().map(super::outlet_name));
    let mut rows = vec![header];
    for (index, fact) in report.rules.facts.iter().enumerate() {
        let mut row = vec![fact.id.clone()];
        row.push(match &consensus[index] {
            Consensus::None => String::new(),
            Consensus::Split => "(split)".to_string(),
            Consensus::Value(v) => v.to_string(),
        });
        // This fact's claims and marks, by source, gathered once.
        let mut values: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for c in crate::extract::of_fact(report.claims, index) {
            let shown = match &c.reading {
                Ok(Reading::Value(v)) => v.to_string(),
                Ok(Reading::Unresolved(_)) => {
                    format!(
                        "{:?} (unresolved)",
                        report.corpus.sources[c.source].words(c.span.clone())
                    )
                }
                Err(_) => continue,
            };
            let cell = values.entry(c.source).or_default();
            if !cell.contains(&shown) {
                cell.push(shown);
            }
        }
        let mut marks: HashMap<usize, usize> = HashMap::new(); // file -> most serious mark
        for f in report.findings.iter().filter(|f| f.fact == fact.id) {
            if let Some(rank) = MARKS.iter().position(|(kind, _, _)| *kind == f.kind) {
                for l in f.labels.iter().filter(|l| l.primary) {
                    let best = marks.entry(l.file).or_insert(rank);
                    *best = (*best).min(rank);
                }
            }
        }
        for (s, source) in report.corpus.sources.iter().enumerate() {
            let mark = marks
                .get(&source.file)
                .map(|&r| format!("{} ", MARKS[r].1))
                .unwrap_or_default();
            row.push(match values.get(&s) {
                Some(v) => format!("{mark}{}", v.join("; ")),
                None => String::new(),
            });
        }
        rows.push(row);
        rows.extend(unplaced_rows(report, index));
    }
    rows
}

/// After the last fact of a rival group, a row of the values no fact of
/// the group could take: what the rules saw but could not attribute, so
/// an empty cell above is not read as the outlet's silence.
fn unplaced_rows(report: &Report<'_>, last: usize) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<&[usize], BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for (source, u) in report.unplaced {
        if u.facts.last() != Some(&last) {
            continue;
        }
        let shown = match &u.reading {
            Ok(Reading::Value(v)) => v.to_string(),
            _ => format!("{:?}", report.corpus.sources[*source].words(u.span.clone())),
        };
        let cell = groups
            .entry(&u.facts)
            .or_default()
            .entry(*source)
            .or_default();
        if !cell.contains(&shown) {
            cell.push(shown);
        }
    }
    // The row follows its group's facts, which is what names the group:
    // a list of their ids would widen the fact column of every table.
    groups
        .into_values()
        .map(|values| {
            let mut row = vec!["(unplaced)".to_string(), String::new()];
            row.extend(
                (0..report.corpus.sources.len())
                    .map(|s| values.get(&s).map(|v| v.join("; ")).unwrap_or_default()),
            );
            row
        })
        .collect()
}

pub fn write_table<W: Write>(report: &Report<'_>, layout: Layout, out: &mut W) -> io::Result<()> {
    write_rows(&cells(report), layout, out)?;
    legend(layout, out)
}

/// `factlint table --by outlet`: per outlet, how many of the facts it
/// states agree with other sources, are split with no clear majority,
/// conflict, contradict the fact sheet or stand alone, and which wire copy
/// it ran.
pub fn write_by_outlet<W: Write>(
    report: &Report<'_>,
    layout: Layout,
    out: &mut W,
) -> io::Result<()> {
    let standings = super::standing::standings(report);
    let tallies = super::standing::tallies(&standings, report.corpus.sources.len());
    let mut rows = vec![[
        "outlet",
        "published",
        "agree",
        "split",
        "conflict",
        "against fact sheet",
        "alone",
        "not stated",
        "same copy as",
    ]
    .map(String::from)
    .to_vec()];
    for (s, (source, t)) in report.corpus.sources.iter().zip(&tallies).enumerate() {
        let copy_of: Vec<String> = report
            .copies
            .group_containing(s)
            .map(|g| {
                g.sources
                    .iter()
                    .filter(|&&o| o != s)
                    .map(|&o| super::outlet_name(&report.corpus.sources[o]))
                    .collect()
            })
            .unwrap_or_default();
        rows.push(vec![
            super::outlet_name(source),
            source
                .meta
                .published_text
                .as_deref()
                .map(super::readable_date)
                .unwrap_or_default(),
            t.agrees.to_string(),
            t.split.to_string(),
            t.conflicts.to_string(),
            t.against_sheet.to_string(),
            t.alone.to_string(),
            t.silent.to_string(),
            copy_of.join(", "),
        ]);
    }
    write_rows(&rows, layout, out)?;
    if !matches!(layout, Layout::Csv) {
        if matches!(layout, Layout::Text { .. }) {
            writeln!(out)?;
        }
        writeln!(
            out,
            "Counts are facts (of {}): agree = other sources state a compatible value; split = sources disagree with no clear majority; alone = no other independent source states it.",
            report.rules.facts.len()
        )?;
    }
    Ok(())
}

fn write_rows<W: Write>(rows: &[Vec<String>], layout: Layout, out: &mut W) -> io::Result<()> {
    match layout {
        Layout::Csv => {
            for row in rows {
                let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                write!(out, "{}\r\n", line.join(","))?;
            }
            Ok(())
        }
        Layout::Markdown => {
            for (i, row) in rows.iter().enumerate() {
                let line: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
                writeln!(out, "| {} |", line.join(" | "))?;
                if i == 0 {
                    writeln!(out, "|{}", "---|".repeat(row.len()))?;
                }
            }
            writeln!(out)
        }
        Layout::Text { width } => {
            let widths = column_widths(rows, width);
            for (i, row) in rows.iter().enumerate() {
                let line: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| pad(&fit(c, *w), *w))
                    .collect();
                writeln!(out, "{}", line.join("  ").trim_end())?;
                if i == 0 {
                    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                    writeln!(out, "{}", rule.join("  "))?;
                }
            }
            Ok(())
        }
    }
}

fn legend<W: Write>(layout: Layout, out: &mut W) -> io::Result<()> {
    if layout == Layout::Csv {
        return Ok(());
    }
    let parts: Vec<String> = MARKS
        .iter()
        .filter(|(k, _, _)| *k != FindingKind::SelfConflict)
        .map(|(_, m, what)| format!("{m} {what}"))
        .collect();
    writeln!(out, "{}", parts.join("   "))
}

/// Natural widths, shrunk (widest columns first) until the row fits.
fn column_widths(rows: &[Vec<String>], width: Option<usize>) -> Vec<usize> {
    let n = rows.first().map_or(0, Vec::len);
    let mut widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let Some(limit) = width else { return widths };
    let gaps = 2 * n.saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > limit {
        // The fact column (0) keeps its width: it says what the row is.
        let Some((widest, w)) = widths
            .iter()
            .copied()
            .enumerate()
            .skip(1)
            .max_by_key(|(i, w)| (*w, std::cmp::Reverse(*i)))
        else {
            break;
        };
        if w <= 6 {
            break; // narrower than this is unreadable; let the terminal wrap
        }
        widths[widest] = w - 1;
    }
    widths
}

/// Cuts `s` to `w` characters, ending with "…" when cut.
fn fit(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(w.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_and_quoting() {
        assert_eq!(fit("hundreds of millions", 8), "hundred…");
        assert_eq!(fit("short", 8), "short");
        assert_eq!(csv_field("EUR 265M (USD 284M)"), "EUR 265M (USD 284M)");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn widths_shrink_the_widest_first() {
        let rows = vec![vec!["a".repeat(10), "b".repeat(50), "c".repeat(20)]];
        let w = column_widths(&rows, Some(40));
        assert!(w.iter().sum::<usize>() + 4 <= 40, "{w:?}");
        assert_eq!(w[0], 10, "the fact column keeps its width");
        assert_eq!(column_widths(&rows, None), vec![10, 50, 20]);
    }
}
