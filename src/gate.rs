//! Gating one new article: `--focus` keeps the findings that a focused
//! source is the subject of (it carries a primary label), shown in full, so
//! a conflict between the new article and old ones shows the old sources'
//! labels too. The old articles' own quarrels are not the new article's
//! business, even when the new article is quoted as evidence in them.

use crate::corpus::{display, Corpus};
use crate::files::{self, Diagnostic};
use crate::finding::Finding;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The corpus sources among `paths`; an error names a path that is not one.
pub fn focused_files(
    corpus: &Corpus,
    paths: &[PathBuf],
    strict: bool,
) -> Result<HashSet<usize>, Vec<Diagnostic>> {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let sources: Vec<(Option<PathBuf>, usize)> = corpus
        .sources
        .iter()
        .map(|s| (canonical(Path::new(&s.path)), s.file))
        .collect();
    let mut focused = HashSet::new();
    let mut errors = Vec::new();
    for p in paths {
        let c = canonical(p);
        match sources.iter().find(|(s, _)| s.is_some() && *s == c) {
            Some((_, file)) => {
                focused.insert(*file);
            }
            None if strict => errors.push(files::error(format!(
                "--focus `{}` is not one of the articles being checked",
                display(p)
            ))),
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(focused)
    } else {
        Err(errors)
    }
}

/// Keeps the findings with a primary label in a focused file.
pub fn focus(findings: Vec<Finding>, focused: &HashSet<usize>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            f.labels
                .iter()
                .any(|l| l.primary && focused.contains(&l.file))
        })
        .collect()
}

/// The files `git diff --name-only REF` lists, as paths usable from here.
pub fn changed_since(reference: &str, near: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let dir = if near.is_dir() {
        near
    } else {
        near.parent().unwrap_or(Path::new("."))
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let git = |args: &[&str]| -> Result<String, Vec<Diagnostic>> {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .map_err(|e| vec![files::error(format!("--focus-changed needs git: {e}"))])?;
        if !out.status.success() {
            return Err(vec![files::error(format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))]);
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim());
    let names = git(&["diff", "--name-only", reference, "--"])?;
    Ok(names
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| top.join(l))
        .collect())
}
