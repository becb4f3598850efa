//! Findings: what factlint tells an editor, independent of how it is shown.
//!
//! Each kind of finding has a stable code (`FL001`…) that never changes
//! meaning, so that CI configurations, baselines and editors' habits can rely
//! on it. The documentation of each code lives here, next to the code, so
//! `--help`, the docs and the JSON all describe the same thing.

use crate::files::FileId;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of finding, each with its code and documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    Conflict,
    ContradictsReference,
    Unsupported,
    SelfConflict,
    UnreadableValue,
}

impl FindingKind {
    pub const ALL: [FindingKind; 5] = [
        FindingKind::Conflict,
        FindingKind::ContradictsReference,
        FindingKind::Unsupported,
        FindingKind::SelfConflict,
        FindingKind::UnreadableValue,
    ];

    /// The stable code, e.g. `FL001`.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Conflict => "FL001",
            FindingKind::ContradictsReference => "FL002",
            FindingKind::Unsupported => "FL003",
            FindingKind::SelfConflict => "FL004",
            FindingKind::UnreadableValue => "FL005",
        }
    }

    /// The name used in JSON (`kind`) and in rule files (`severity` tables).
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::ContradictsReference => "contradicts-reference",
            FindingKind::Unsupported => "unsupported",
            FindingKind::SelfConflict => "self-conflict",
            FindingKind::UnreadableValue => "unreadable-value",
        }
    }

    pub fn from_name(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The severity a rule gets when it does not set one. Disagreements are
    /// errors; a claim nobody else makes is worth a look but may be a scoop;
    /// words a rule could not read are the rule author's business.
    pub fn default_severity(self) -> Severity {
        match self {
            FindingKind::Conflict
            | FindingKind::ContradictsReference
            | FindingKind::SelfConflict => Severity::Error,
            FindingKind::Unsupported => Severity::Warning,
            FindingKind::UnreadableValue => Severity::Note,
        }
    }

    /// One line: what the finding means.
    pub fn summary(self) -> &'static str {
        match self {
            FindingKind::Conflict => "a source states a value that other sources contradict",
            FindingKind::ContradictsReference => {
                "a source states a value that the rule's fact sheet contradicts"
            }
            FindingKind::Unsupported => "a value is stated by fewer sources than the rule requires",
            FindingKind::SelfConflict => "one source states incompatible values for one fact",
            FindingKind::UnreadableValue => {
                "a pattern matched words that are not a value of the fact's kind"
            }
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    /// The normalised value of the claim there, if it has one.
    pub value: Option<String>,
    /// Primary labels mark what is wrong; secondary ones, the evidence.
    pub primary: bool,
    pub message: String,
}

/// One thing an editor should look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// The id of the fact the finding is about.
    pub fact: String,
    /// Makes sense on its own, without the labels.
    pub message: String,
    pub labels: Vec<Label>,
    /// Consensus, fact sheet citation, rule note.
    pub notes: Vec<String>,
}

impl Finding {
    /// The first primary label: where the finding "is", for sorting and
    /// for one-line formats.
    pub fn primary(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = FindingKind::ALL.iter().map(|k| k.code()).collect();
        let names: HashSet<_> = FindingKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(codes.len(), FindingKind::ALL.len());
        assert_eq!(names.len(), FindingKind::ALL.len());
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::from_name(k.name()), Some(k));
        }
    }

    #[test]
    fn severities_order() {
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Note);
    }
}
