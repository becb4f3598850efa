//! Baselines: findings already reviewed, recorded so CI reports only new
//! ones.
//!
//! A finding's identity is its code, its fact, the (source, value) pairs of
//! its primary labels, and the values of its other labels: what it is about,
//! not where. Editing an unrelated paragraph moves line numbers and leaves
//! the identity alone; changing a value changes it, and the finding shows
//! again. A new article that merely agrees with the consensus adds a label
//! but no new value, so it does not resurface an old conflict either.
//!
//! The file is sorted, pretty-printed JSON, so that its diffs read well in
//! review, and it is written atomically.

use crate::files::{self, Diagnostic, Files};
use crate::finding::{Finding, FindingKind, Label};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Bumped on an incompatible change to the file.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub fact: String,
    /// The sources the finding is on, with their values.
    pub sources: Vec<SourceValue>,
    /// The values it is held against (the consensus, the fact sheet's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against: Vec<String>,
    /// For the reader of the file; not part of the identity.
    #[serde(default)]
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Hash, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceValue {
    pub path: String,
    pub value: String,
}

impl Entry {
    pub fn of(finding: &Finding, files: &Files) -> Entry {
        let shown = |l: &Label| {
            l.value
                .clone()
                .unwrap_or_else(|| files.slice(l.file, l.span.clone()).to_string())
        };
        let sources: BTreeSet<SourceValue> = finding
            .labels
            .iter()
            .filter(|l| l.primary)
            .map(|l| SourceValue {
                path: files.name(l.file).to_string(),
                value: shown(l),
            })
            .collect();
        let against: BTreeSet<String> = finding
            .labels
            .iter()
            .filter(|l| !l.primary)
            .map(shown)
            .collect();
        Entry {
            code: finding.kind.code().to_string(),
            fact: finding.fact.clone(),
            sources: sources.into_iter().collect(),
            against: against.into_iter().collect(),
            message: finding.message.clone(),
        }
    }

    /// The identity: the entry without its message.
    fn key(&self) -> Entry {
        Entry {
            message: String::new(),
            ..self.clone()
        }
    }

    fn describe(&self) -> String {
        let on: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("{}: {}", s.path, s.value))
            .collect();
        format!("{} {} ({})", self.code, self.fact, on.join("; "))
    }
}

/// A loaded baseline.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    pub entries: Vec<Entry>,
}

/// What comparing with a baseline left.
pub struct Filtered {
    pub findings: Vec<Finding>,
    /// How many findings the baseline hid.
    pub hidden: usize,
    /// Entries no finding matched.
    pub stale: Vec<Entry>,
}

impl Baseline {
    pub fn of(findings: &[Finding], files: &Files) -> Baseline {
        let mut entries: Vec<Entry> = findings.iter().map(|f| Entry::of(f, files)).collect();
        entries.sort();
        Baseline { entries }
    }

    pub fn read(path: &Path) -> Result<Baseline, Vec<Diagnostic>> {
        let shown = crate::corpus::display(path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![files::error(format!(
                "cannot read baseline `{shown}`: {}",
                crate::corpus::io_reason(&e)
            ))]
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            vec![files::error(format!(
                "`{shown}` is not a factlint baseline: {e}"
            ))]
        })?;
        if file.version != VERSION {
            return Err(vec![files::error(format!(
                "`{shown}` is a version {} baseline; this factlint reads version {VERSION}",
                file.version
            ))]);
        }
        Ok(Baseline {
            entries: file.findings,
        })
    }

    /// Writes the baseline atomically.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let file = File {
            version: VERSION,
            findings: self.entries.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        text.push('\n');
        crate::atomic::replace(path, text.as_bytes())
    }

    /// Hides the findings the baseline records (each entry hides one).
    pub fn filter(&self, findings: Vec<Finding>, files: &Files) -> Filtered {
        // Unmatched entries by identity, as a multiset: one lookup per finding.
        let mut unused: HashMap<Entry, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate().rev() {
            unused.entry(e.key()).or_default().push(i);
        }
        let mut kept = Vec::new();
        let mut hidden = 0;
        for f in findings {
            let entry = Entry::of(&f, files);
            match unused.get_mut(&entry.key()).and_then(Vec::pop) {
                Some(_) => hidden += 1,
                None => kept.push(f),
            }
        }
        let mut left: Vec<usize> = unused.into_values().flatten().collect();
        left.sort_unstable();
        let stale = left.into_iter().map(|i| self.entries[i].clone()).collect();
        Filtered {
            findings: kept,
            hidden,
            stale,
        }
    }
}

/// A note for each stale entry, so the report says the baseline can shrink.
pub fn stale_findings(stale: &[Entry], defaults: &crate::rules::Defaults) -> Vec<Finding> {
    stale
        .iter()
        .map(|e| Finding {
            kind: FindingKind::StaleBaseline,
            severity: defaults.severity(FindingKind::StaleBaseline),
            fact: e.fact.clone(),
            message: format!("baseline entry matches no finding: {}", e.describe()),
            labels: Vec::new(),
            notes: vec!["run with --prune-baseline to remove it".to_string()],
        })
        .collect()
}
