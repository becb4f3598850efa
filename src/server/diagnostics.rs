//! Findings as editor diagnostics. A finding whose primary label is in the
//! open article is shown at that label with the finding's severity; one
//! that only cites the article as evidence (another outlet is the odd one
//! out) is shown as information, never as an error: an accusation belongs
//! to the article it accuses. The other outlets' words become related
//! information, so the editor can jump to them.

use super::location::{uri_of, LineIndex};
use crate::files::{Diagnostic as EngineDiagnostic, FileId, Files};
use crate::finding::{Finding, Severity};
use codespan_reporting::diagnostic::{LabelStyle, Severity as EngineSeverity};
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range,
};
use std::path::Path;

/// The name diagnostics carry, so editors can tell who speaks.
pub const SOURCE: &str = "factlint";

/// What a diagnostic's `data` holds, for the code action to act on.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct FindingData {
    pub fact: String,
    pub code: String,
    /// Whether the finding accuses this article (its primary label).
    pub primary: bool,
}

/// The diagnostics of the article `file` (whose text is `text`).
pub fn of_findings(findings: &[Finding], files: &Files, file: FileId) -> Vec<Diagnostic> {
    let index = LineIndex::new(files.text(file));
    let mut out = Vec::new();
    for finding in findings {
        let here = finding
            .labels
            .iter()
            .find(|l| l.file == file && l.primary)
            .map(|l| (l, true))
            .or_else(|| {
                finding
                    .labels
                    .iter()
                    .find(|l| l.file == file)
                    .map(|l| (l, false))
            });
        let Some((label, primary)) = here else {
            continue;
        };
        let related = finding
            .labels
            .iter()
            .filter(|l| !std::ptr::eq(*l, label))
            .filter_map(|l| {
                let uri = uri_of(Path::new(files.name(l.file)))?;
                let range = LineIndex::new(files.text(l.file)).range(&l.span);
                Some(DiagnosticRelatedInformation {
                    location: Location { uri, range },
                    message: format!("{}: {}", files.name(l.file), l.message),
                })
            })
            .collect();
        let mut message = finding.message.clone();
        if !label.message.is_empty() {
            message = format!("{message}: {}", label.message);
        }
        for note in &finding.notes {
            message.push_str("\n= ");
            message.push_str(note);
        }
        let severity = if primary {
            match finding.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Note => DiagnosticSeverity::INFORMATION,
            }
        } else {
            DiagnosticSeverity::INFORMATION
        };
        let data = FindingData {
            fact: finding.fact.clone(),
            code: finding.kind.code().to_string(),
            primary,
        };
        out.push(Diagnostic {
            range: index.range(&label.span),
            severity: Some(severity),
            code: Some(NumberOrString::String(finding.kind.code().to_string())),
            source: Some(SOURCE.to_string()),
            message,
            related_information: Some(related),
            data: serde_json::to_value(data).ok(),
            ..Diagnostic::default()
        });
    }
    out
}

/// Input errors (a rule that does not compile, a bad manifest) as
/// diagnostics of the file `shown_as`: at their label when it is in that
/// file, else at its start, with the label as related information.
pub fn of_errors(errors: &[EngineDiagnostic], files: &Files, shown_as: &str) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|d| {
            let mut range = Range::new(Position::new(0, 0), Position::new(0, 0));
            let mut related = Vec::new();
            for label in &d.labels {
                let index = LineIndex::new(files.text(label.file_id));
                let at = index.range(&label.range);
                if files.name(label.file_id) == shown_as && label.style == LabelStyle::Primary {
                    range = at;
                }
                if let Some(uri) = uri_of(Path::new(files.name(label.file_id))) {
                    related.push(DiagnosticRelatedInformation {
                        location: Location { uri, range: at },
                        message: label.message.clone(),
                    });
                }
            }
            let mut message = d.message.clone();
            for label in d.labels.iter().filter(|l| !l.message.is_empty()) {
                if files.name(label.file_id) == shown_as {
                    message = format!("{message}: {}", label.message);
                    break;
                }
            }
            for note in &d.notes {
                message.push_str("\n= ");
                message.push_str(note);
            }
            Diagnostic {
                range,
                severity: Some(match d.severity {
                    EngineSeverity::Bug | EngineSeverity::Error => DiagnosticSeverity::ERROR,
                    EngineSeverity::Warning => DiagnosticSeverity::WARNING,
                    EngineSeverity::Note => DiagnosticSeverity::INFORMATION,
                    EngineSeverity::Help => DiagnosticSeverity::HINT,
                }),
                code: d.code.clone().map(NumberOrString::String),
                source: Some(SOURCE.to_string()),
                message,
                related_information: Some(related),
                ..Diagnostic::default()
            }
        })
        .collect()
}
