//! The human format: rustc-style diagnostics rendered by codespan-reporting,
//! then a closing summary line.

use super::{render_error, Report};
use crate::files::Diagnostic;
use crate::finding::{Finding, Severity};
use codespan_reporting::diagnostic::{Label, Severity as CsSeverity};
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::io;

pub fn write_human<W: WriteColor>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let config = Config::default();
    for finding in &report.findings {
        let diagnostic = to_diagnostic(finding, report);
        term::emit_to_write_style(out, &config, report.files, &diagnostic).map_err(render_error)?;
    }
    let summary = report.summary();
    let severity = if summary.errors > 0 {
        CsSeverity::Error
    } else if summary.warnings > 0 {
        CsSeverity::Warning
    } else {
        CsSeverity::Note
    };
    let closing = Diagnostic::new(severity).with_message(format!("summary: {}", summary.line()));
    term::emit_to_write_style(out, &config, report.files, &closing).map_err(render_error)
}

/// A finding as a codespan diagnostic: code, message, labels in every file
/// involved, and notes.
pub fn to_diagnostic(finding: &Finding, report: &Report<'_>) -> Diagnostic {
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let labels = finding
        .labels
        .iter()
        .map(|l| {
            let label = if l.primary {
                Label::primary(l.file, l.span.clone())
            } else {
                Label::secondary(l.file, l.span.clone())
            };
            label.with_message(l.message.clone())
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
    notes.extend(finding.notes.iter().cloned());
    Diagnostic::new(severity)
        .with_code(finding.kind.code())
        .with_message(finding.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}
