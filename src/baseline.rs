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
//!
//! Paths in the file are relative to the file's own folder (version 2), so
//! the same baseline matches whether factlint is run from the repository
//! root, from a subfolder or with an absolute corpus path. In memory they are
//! absolute; version 1 files, whose paths were relative to the folder
//! factlint ran in, are still read that way.

use crate::files::{self, Diagnostic, FileId, Files};
use crate::finding::{Finding, FindingKind, Label};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Bumped on an incompatible change to the file.
pub const VERSION: u32 = 2;

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
pub(crate) fn normalise_words(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Entry {
    /// The entry of `finding`, its paths as shown in reports.
    pub fn of(finding: &Finding, files: &Files) -> Entry {
        Entry::with_paths(finding, files, &|id| files.name(id).to_string())
    }

    /// The entry of `finding` with its paths relative to the folder `root`,
    /// whatever the spelling the files were named by: SARIF fingerprints
    /// use it, so they are the same from any directory.
    pub fn relative_to(finding: &Finding, files: &Files, root: &Path) -> Entry {
        let cwd = current_dir();
        Entry::with_paths(finding, files, &|id| {
            relative(&absolute(files.name(id), &cwd), root)
        })
    }

    fn with_paths(finding: &Finding, files: &Files, path: &dyn Fn(FileId) -> String) -> Entry {
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
                path: path(l.file),
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
        let cwd = current_dir();
        let on: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("{}: {}", relative(&s.path, &cwd), s.value))
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
    /// The findings it hid.
    pub hidden_findings: Vec<Finding>,
    /// Entries no finding matched.
    pub stale: Vec<Entry>,
}

impl Baseline {
    pub fn of(findings: &[Finding], files: &Files) -> Baseline {
        let cwd = current_dir();
        let path = |id: FileId| absolute(files.name(id), &cwd);
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry::with_paths(f, files, &path))
            .collect();
        entries.sort();
        Baseline { entries }
    }

    pub fn read(path: &Path) -> Result<Baseline, Vec<Diagnostic>> {
        let shown = crate::corpus::display(path);
        let text = crate::input::read_text(path).map_err(|why| {
            vec![files::error(format!(
                "cannot read baseline `{shown}`: {why}"
            ))]
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            vec![files::error(format!(
                "`{shown}` is not a factlint baseline: {e}"
            ))]
        })?;
        // Version 1 paths are relative to where factlint ran; version 2
        // paths to the baseline's folder.
        let base = match file.version {
            1 => current_dir(),
            VERSION => folder_of(path),
            other => {
                return Err(vec![files::error(format!(
                    "`{shown}` is a version {other} baseline; this factlint reads versions 1 and {VERSION}"
                ))])
            }
        };
        let mut entries = file.findings;
        for e in &mut entries {
            for s in &mut e.sources {
                s.path = absolute(&s.path, &base);
            }
        }
        Ok(Baseline { entries })
    }

    /// Writes the baseline atomically.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let base = folder_of(path);
        let mut findings = self.entries.clone();
        for e in &mut findings {
            for s in &mut e.sources {
                s.path = relative(&s.path, &base);
            }
            e.sources.sort();
        }
        findings.sort();
        let file = File {
            version: VERSION,
            findings,
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
        let mut hidden_findings = Vec::new();
        // Each file's absolute path, looked up once.
        let cwd = current_dir();
        let paths: Vec<String> = (0..)
            .map_while(|id| files.codespan().get(id).ok())
            .map(|f| absolute(f.name(), &cwd))
            .collect();
        let path = |id: FileId| paths.get(id).cloned().unwrap_or_default();
        for f in findings {
            let entry = Entry::with_paths(&f, files, &path);
            let by_words = unused.get_mut(&entry.key()).and_then(Vec::pop);
            let found = by_words.or_else(|| unused.get_mut(&entry.legacy_key()).and_then(Vec::pop));
            match found {
                Some(_) => hidden_findings.push(f),
                None => kept.push(f),
            }
        }
        let mut left: Vec<usize> = unused.into_values().flatten().collect();
        left.sort_unstable();
        let stale = left.into_iter().map(|i| self.entries[i].clone()).collect();
        Filtered {
            findings: kept,
            hidden: hidden_findings.len(),
            hidden_findings,
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

pub(crate) fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// The real folder a baseline file is in (or would be in).
fn folder_of(path: &Path) -> PathBuf {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = current_dir().join(dir.unwrap_or(Path::new(".")));
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// `name` (relative to `base`, or absolute) as a real absolute path when it
/// exists, so that every spelling of one file gives one string.
pub(crate) fn absolute(name: &str, base: &Path) -> String {
    let joined = base.join(name);
    std::fs::canonicalize(&joined)
        .unwrap_or(joined)
        .to_string_lossy()
        .into_owned()
}

/// The absolute `path` relative to the folder `base`, with `/` separators:
/// `..` where it lies outside.
pub(crate) fn relative(path: &str, base: &Path) -> String {
    let path = Path::new(path);
    if !path.is_absolute() {
        return crate::corpus::display(path);
    }
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in base.components().skip(common) {
        out.push("..");
    }
    for c in path.components().skip(common) {
        out.push(c);
    }
    crate::corpus::display(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_relative_to_the_folder() {
        let base = Path::new("/story/ci");
        assert_eq!(relative("/story/ci/corpus/a.txt", base), "corpus/a.txt");
        assert_eq!(relative("/story/corpus/a.txt", base), "../corpus/a.txt");
        assert_eq!(relative("/elsewhere/a.txt", base), "../../elsewhere/a.txt");
    }
}
