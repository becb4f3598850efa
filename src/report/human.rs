//! The human format: rustc-style diagnostics rendered by codespan-reporting,
//! written for editors. Each place is named by its outlet and date first
//! (the path follows, for tools that jump to `path:line:col`); article
//! lines are cut around the words with an ellipsis; the finding's plain
//! words come before its code. A closing summary (not a diagnostic) says
//! what was found, what could not be checked, and which outlets ran the
//! same wire copy.

use super::{outlet_dated, outlet_name, outlets_named, render_error, Report};
use crate::finding::{Finding, Severity};
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::Error as FilesError;
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::collections::BTreeMap;
use std::io;
use std::ops::Range;

/// The widest article excerpt shown, in characters, before it is cut.
const WIDTH: usize = 110;

pub fn write_human<W: WriteColor>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let config = Config::default();
    for finding in &report.findings {
        let excerpts = Excerpts::of(finding, report);
        let diagnostic = to_diagnostic(finding, report, &excerpts);
        term::emit_to_write_style(out, &config, &excerpts, &diagnostic).map_err(render_error)?;
    }
    write_closing(report, out)
}

/// The summary, what was not checked, and the wire copies: plain lines.
fn write_closing<W: WriteColor>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    for group in &report.copies.groups {
        let names: Vec<String> = group
            .sources
            .iter()
            .map(|&s| outlet_name(&report.corpus.sources[s]))
            .collect();
        writeln!(
            out,
            "same copy: {} ran the same text ({}% or more shared outside quotations); counted as one source",
            names.join(", "),
            group.shared
        )?;
    }
    writeln!(out, "summary: {}", report.summary().line())?;
    match report.unchecked_line() {
        Some(line) => writeln!(out, "{line}"),
        None => writeln!(
            out,
            "not checked: nothing left out; every fact is stated by some source and every source states some fact"
        ),
    }
}

/// A finding as a codespan diagnostic over its excerpts: plain message,
/// labels, then notes ending with the code.
fn to_diagnostic(finding: &Finding, report: &Report<'_>, excerpts: &Excerpts) -> Diagnostic<usize> {
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let labels = finding
        .labels
        .iter()
        .filter_map(|l| {
            let (file, span) = excerpts.map(l.file, l.span.clone())?;
            let label = if l.primary {
                Label::primary(file, span)
            } else {
                Label::secondary(file, span)
            };
            Some(label.with_message(outlets_named(report, &l.message)))
        })
        .collect();
    // Where the rule is, so the editor can read or fix it.
    let origin = report
        .rules
        .facts
        .iter()
        .find(|f| f.id == finding.fact)
        .map(|f| {
            let pos = report.files.position(f.file, f.id_span.start);
            format!(" ({}:{})", report.files.name(f.file), pos.line)
        });
    let mut notes = vec![format!(
        "fact `{}`{}",
        finding.fact,
        origin.unwrap_or_default()
    )];
    notes.extend(finding.notes.iter().map(|n| outlets_named(report, n)));
    notes.push(format!(
        "{} {}: `factlint explain {}` says more",
        finding.kind.code(),
        finding.kind.name(),
        finding.kind.code()
    ));
    Diagnostic::new(severity)
        .with_message(outlets_named(report, &finding.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// The lines of one finding's articles that its labels point at, cut to a
/// readable width: a small file database for codespan, one "file" per
/// article, whose line and column numbers are the article's own.
struct Excerpts {
    files: Vec<ExcerptFile>,
    /// Article file id -> index in `files`.
    index: BTreeMap<usize, usize>,
}

struct ExcerptFile {
    name: String,
    text: String,
    lines: Vec<ExcerptLine>,
}

struct ExcerptLine {
    /// This line in the excerpt text (without its newline).
    range: Range<usize>,
    /// Bytes of "…" before the article's words on this line.
    prefix: usize,
    /// The article byte shown first on this line.
    from: usize,
    /// 1-based line in the article.
    number: usize,
    /// Characters of the article line before `from`: columns are the
    /// article's.
    lead: usize,
}

impl Excerpts {
    fn of(finding: &Finding, report: &Report<'_>) -> Excerpts {
        // Article -> line -> clusters of nearby spans on it. Spans far apart
        // on one long line are shown as separate cut excerpts of that line.
        let mut spans: BTreeMap<usize, BTreeMap<usize, Vec<Range<usize>>>> = BTreeMap::new();
        for l in &finding.labels {
            let text = report.files.text(l.file);
            let start = l.span.start.min(text.len());
            let line = text[..start].matches('\n').count() + 1;
            spans
                .entry(l.file)
                .or_default()
                .entry(line)
                .or_default()
                .push(l.span.clone());
        }
        let wanted: BTreeMap<usize, Vec<(usize, Range<usize>)>> = spans
            .into_iter()
            .map(|(article, lines)| {
                let clusters = lines
                    .into_iter()
                    .flat_map(|(line, mut on_line)| {
                        on_line.sort_by_key(|r| (r.start, r.end));
                        let mut clusters: Vec<Range<usize>> = Vec::new();
                        for r in on_line {
                            match clusters.last_mut() {
                                Some(c) if r.start <= c.end + WIDTH / 2 => c.end = c.end.max(r.end),
                                _ => clusters.push(r),
                            }
                        }
                        clusters.into_iter().map(move |c| (line, c))
                    })
                    .collect();
                (article, clusters)
            })
            .collect();
        let mut files = Vec::new();
        let mut index = BTreeMap::new();
        for (article, lines) in wanted {
            let text = report.files.text(article);
            let mut excerpt = String::new();
            let mut shown = Vec::new();
            for (number, span) in lines {
                // A line that fits is shown whole; a longer one is cut
                // around the words.
                let from = text[..span.start.min(text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let to = text[span.end.min(text.len())..]
                    .find('\n')
                    .map_or(text.len(), |i| span.end + i);
                let line_chars = text.get(from..to).map_or(0, |s| s.chars().count());
                let chars = text.get(span.clone()).map_or(0, |s| s.chars().count());
                let context = if line_chars <= WIDTH {
                    WIDTH
                } else {
                    WIDTH.saturating_sub(chars).max(48) / 2
                };
                let e = super::Excerpt::around(text, span.clone(), context);
                if !excerpt.is_empty() {
                    excerpt.push('\n');
                }
                let start = excerpt.len();
                let line_start = super::excerpt::line_start(text, e.shown.start);
                let prefix = if e.before.starts_with('…') && e.shown.start > line_start {
                    '…'.len_utf8()
                } else {
                    0
                };
                excerpt.push_str(&e.before.replace('\n', " "));
                excerpt.push_str(&e.marked);
                excerpt.push_str(&e.after.replace('\n', " "));
                shown.push(ExcerptLine {
                    range: start..excerpt.len(),
                    prefix,
                    from: e.shown.start,
                    number,
                    lead: text[line_start..e.shown.start].chars().count(),
                });
            }
            let name = match report.corpus.sources.iter().find(|s| s.file == article) {
                Some(s) => format!("{} — {}", outlet_dated(s), s.path),
                None => report.files.name(article).to_string(),
            };
            index.insert(article, files.len());
            files.push(ExcerptFile {
                name,
                text: excerpt,
                lines: shown,
            });
        }
        Excerpts { files, index }
    }

    /// An article span as an excerpt file and span.
    fn map(&self, article: usize, span: Range<usize>) -> Option<(usize, Range<usize>)> {
        let id = *self.index.get(&article)?;
        let file = &self.files[id];
        let line = file.lines.iter().find(|l| {
            let end = l.from + (l.range.len() - l.prefix);
            l.from <= span.start && span.start <= end
        })?;
        let at = |o: usize| {
            (line.range.start + line.prefix + o.saturating_sub(line.from)).min(line.range.end)
        };
        Some((id, at(span.start)..at(span.end)))
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.files.get(id).ok_or(FilesError::FileMissing)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.files.get(id).ok_or(FilesError::FileMissing)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file
            .lines
            .iter()
            .position(|l| byte_index <= l.range.end)
            .unwrap_or(file.lines.len().saturating_sub(1)))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file
            .lines
            .get(line_index)
            .map_or(line_index + 1, |l| l.number))
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        let Some(line) = file.lines.get(line_index) else {
            return Ok(1);
        };
        // The article's own column, for `path:line:col` in the header.
        let words = (line.range.start + line.prefix).min(line.range.end);
        let upto = byte_index.clamp(words, line.range.end);
        let shown = file.text.get(words..upto).map_or(0, |t| t.chars().count());
        Ok(line.lead + shown + 1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        let line = file.lines.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: file.lines.len(),
        })?;
        Ok(line.range.start..(line.range.end + 1).min(file.text.len()))
    }
}
