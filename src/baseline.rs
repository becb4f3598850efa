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
//! The identity uses the *words* of each label (lowercased, whitespace
//! collapsed), not the value as displayed: a new factlint that shows or
//! reads a value better ("at least USD 100M" becoming "more than USD
//! 100M") must not resurface reviewed findings. Entries written before the
//! words were recorded carry only the displayed values and still match by
//! them.
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
    /// The words of `against`, normalised; the identity when present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against_words: Vec<String>,
    /// For the reader of the file; not part of the identity.
    #[serde(default)]
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Hash, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceValue {
    pub path: String,
    pub value: String,
    /// The words of the claim, normalised; the identity when present
    /// (absent in baselines written before they were recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub words: String,
}

/// Lowercased, quotes unified, whitespace collapsed: what the identity of
/// a label's words is.
fn normalise_words(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Entry {
    pub fn of(finding: &Finding, files: &Files) -> Entry {
        let shown = |l: &Label| {
            l.value
                .clone()
                .unwrap_or_else(|| files.slice(l.file, l.span.clone()).to_string())
        };
        let words = |l: &Label| normalise_words(files.slice(l.file, l.span.clone()));
        let sources: BTreeSet<SourceValue> = finding
            .labels
            .iter()
            .filter(|l| l.primary)
            .map(|l| SourceValue {
                path: files.name(l.file).to_string(),
                value: shown(l),
                words: words(l),
            })
            .collect();
        let against: BTreeSet<String> = finding
            .labels
            .iter()
            .filter(|l| !l.primary)
            .map(shown)
            .collect();
        let against_words: BTreeSet<String> = finding
            .labels
            .iter()
            .filter(|l| !l.primary)
            .map(words)
            .collect();
        Entry {
            code: finding.kind.code().to_string(),
            fact: finding.fact.clone(),
            sources: sources.into_iter().collect(),
            against: against.into_iter().collect(),
            against_words: against_words.into_iter().collect(),
            message: finding.message.clone(),
        }
    }

    /// The identity: the words of the labels when recorded, else (an
    /// older baseline) the displayed values; never the message.
    pub fn key(&self) -> Entry {
        if self.sources.iter().all(|s| s.words.is_empty()) {
            return self.legacy_key();
        }
        Entry {
            sources: self
                .sources
                .iter()
                .map(|s| SourceValue {
                    value: String::new(),
                    ..s.clone()
                })
                .collect(),
            against: Vec::new(),
            message: String::new(),
            ..self.clone()
        }
    }

    /// The identity by displayed values, as baselines before words had it.
    fn legacy_key(&self) -> Entry {
        Entry {
            sources: self
                .sources
                .iter()
                .map(|s| SourceValue {
                    words: String::new(),
                    ..s.clone()
                })
                .collect(),
            against_words: Vec::new(),
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
            let by_words = unused.get_mut(&entry.key()).and_then(Vec::pop);
            let found = by_words.or_else(|| unused.get_mut(&entry.legacy_key()).and_then(Vec::pop));
            match found {
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
