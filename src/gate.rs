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

/// The files a pull request based on `reference` changes, as absolute
/// paths: everything that differs between the merge base of `reference` and
/// HEAD and the working tree (committed, staged or not), plus untracked
/// files. The merge base, not `reference` itself, so that a branch is not
/// blamed for what happened on main after it forked.
///
/// `reference` may come from a branch name or a CI variable: it is verified
/// as a commit before use and passed after `--end-of-options`, so it can
/// never be read as an option.
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
    let top = toplevel(dir)?;
    let commit = verified_commit(&top, reference)?;
    let base = git(&top, &["merge-base", "--end-of-options", &commit, "HEAD"]).map_err(|e| {
        vec![files::error(format!(
            "--focus-changed `{reference}` shares no history with HEAD: {e}"
        ))]
    })?;
    let base = String::from_utf8_lossy(&base).trim().to_owned();
    // `-z`: names unquoted, whatever their bytes; `-M`: a renamed article
    // is reported under its new name; deletions name no article to check.
    let changed = git(
        &top,
        &[
            "diff",
            "--name-only",
            "-z",
            "-M",
            "--no-ext-diff",
            "--diff-filter=d",
            "--end-of-options",
            &base,
            "--",
        ],
    )
    .map_err(|e| vec![files::error(format!("--focus-changed: {e}"))])?;
    let untracked = git(
        &top,
        &["ls-files", "-z", "--others", "--exclude-standard", "--"],
    )
    .map_err(|e| vec![files::error(format!("--focus-changed: {e}"))])?;
    Ok(changed
        .split(|b| *b == 0)
        .chain(untracked.split(|b| *b == 0))
        .filter(|name| !name.is_empty())
        .map(|name| top.join(path_of(name)))
        .collect())
}

/// The root of the work tree `dir` is in.
fn toplevel(dir: &Path) -> Result<PathBuf, Vec<Diagnostic>> {
    let out = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        vec![files::error(format!(
            "--focus-changed needs a git repository, and `{}` is not in one: {e}",
            display(dir)
        ))]
    })?;
    let out = out.strip_suffix(b"\n").unwrap_or(&out);
    Ok(path_of(out))
}

/// The commit `reference` names, as a full hash; anything else (an option,
/// a missing branch, a tree or blob) is an error.
fn verified_commit(top: &Path, reference: &str) -> Result<String, Vec<Diagnostic>> {
    let spec = format!("{reference}^{{commit}}");
    let out = git(
        top,
        &[
            "rev-parse",
            "--quiet",
            "--verify",
            "--end-of-options",
            &spec,
        ],
    )
    .map_err(|_| {
        vec![files::error(format!(
            "--focus-changed `{reference}` is not a commit in this repository \
             (in CI, fetch enough history for it: see docs/ci.md)"
        ))]
    })?;
    Ok(String::from_utf8_lossy(&out).trim().to_owned())
}

/// Runs git in `dir`; its stdout, or what it said on failure.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A path git printed, byte for byte.
#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

/// A path git printed (always UTF-8 outside Unix).
#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
