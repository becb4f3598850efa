//! Which files are articles: only the ones a user means.
//!
//! A file named on the command line is always read. A folder is walked as
//! git would see it (`.gitignore`, `.ignore` and hidden files respected,
//! through the `ignore` crate, even outside a git repository), keeping
//! files with an article extension that pass the `include` and `exclude`
//! globs. A project's own files are not articles unless named: README*,
//! CHANGELOG*, LICENSE*, anything under docs/ or rules/, factlint.toml and
//! sources.toml. `-` is one article read from standard input, named (and
//! placed in the corpus, for its manifest and format) by
//! `--stdin-filename`; it stands in for a file of that name on disk, as an
//! editor's unsaved buffer does.

use super::{display, io_reason, Inputs, SOURCE_EXTENSIONS};
use crate::files::{self, Diagnostic};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where an article's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    /// Standard input, at this place in the corpus.
    Stdin(PathBuf),
}

/// File names that are a project's, not articles (compared lowercase, by
/// prefix).
const PROJECT_FILES: &[&str] = &["readme", "changelog", "license", "licence"];
/// Folders that are a project's, not articles.
const PROJECT_DIRS: &[&str] = &["docs", "rules"];

/// The articles `paths` name, by the path shown in reports (sorted, each
/// once).
pub fn articles(
    paths: &[PathBuf],
    inputs: &Inputs,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Origin> {
    let mut found = BTreeMap::new();
    let include = globs(&inputs.include, errors);
    let exclude = globs(&inputs.exclude, errors);
    let mut stdin = None;
    for path in paths {
        if path.as_os_str() == "-" {
            let place = inputs
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            stdin = Some(place);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(files::error(format!(
                "cannot read `{}`: {}",
                display(path),
                io_reason(&e)
            ))),
            Ok(m) if m.is_dir() => walk(path, &include, &exclude, &mut found, errors),
            Ok(_) => {
                found.insert(display(path), Origin::File(path.clone()));
            }
        }
    }
    let mut found = once(found);
    if let Some(place) = stdin {
        // Standard input replaces the file it is named after.
        found.insert(display(&place), Origin::Stdin(place));
    }
    found
}

/// The same file under two spellings or through a link is read once: under
/// a name that is not a link when it has one.
fn once(found: BTreeMap<String, Origin>) -> BTreeMap<String, Origin> {
    let is_link = |o: &Origin| match o {
        Origin::File(p) => std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()),
        Origin::Stdin(_) => false,
    };
    let mut by_link: Vec<(String, Origin)> = found.into_iter().collect();
    by_link.sort_by_key(|(_, o)| is_link(o));
    let mut seen = std::collections::HashSet::new();
    by_link
        .into_iter()
        .filter(|(_, o)| match o {
            Origin::File(p) => std::fs::canonicalize(p).map_or(true, |real| seen.insert(real)),
            Origin::Stdin(_) => true,
        })
        .collect()
}

/// Compiles user globs. A glob without `/` matches a name at any depth
/// (`drafts` is every folder or file of that name), as in `.gitignore`.
fn globs(patterns: &[String], errors: &mut Vec<Diagnostic>) -> Option<GlobSet> {
    if patterns.is_empty() {
        return None;
    }
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        let p = p.trim_end_matches('/');
        let base = match p.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None if p.contains('/') => p.to_string(),
            None => format!("**/{p}"),
        };
        for form in [base.clone(), format!("{base}/**")] {
            match Glob::new(&form) {
                Ok(g) => {
                    set.add(g);
                }
                Err(e) => {
                    errors.push(files::error(format!("invalid glob `{p}`: {}", e.kind())));
                    break;
                }
            }
        }
    }
    set.build()
        .map_err(|e| errors.push(files::error(format!("invalid globs: {e}"))))
        .ok()
}

fn walk(
    dir: &Path,
    include: &Option<GlobSet>,
    exclude: &Option<GlobSet>,
    found: &mut BTreeMap<String, Origin>,
    errors: &mut Vec<Diagnostic>,
) {
    let root = dir.to_path_buf();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            e.depth() == 0
                || !(is_dir && PROJECT_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(files::error(format!("cannot read `{}`: {e}", display(dir))));
                continue;
            }
        };
        // Links and special files too: reading follows a link to a file
        // and refuses the rest, rather than dropping them silently.
        if entry.file_type().is_none_or(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(&root).unwrap_or(path);
        if is_article(relative, include, exclude) {
            found.insert(display(path), Origin::File(path.to_path_buf()));
        }
    }
}

/// Whether a file found at `relative` in a walked folder is an article.
fn is_article(relative: &Path, include: &Option<GlobSet>, exclude: &Option<GlobSet>) -> bool {
    let ext = relative
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !SOURCE_EXTENSIONS.contains(&ext.as_str()) {
        return false;
    }
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if PROJECT_FILES.iter().any(|p| name.starts_with(p)) {
        return false;
    }
    if exclude.as_ref().is_some_and(|g| g.is_match(relative)) {
        return false;
    }
    include.as_ref().is_none_or(|g| g.is_match(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, include: &[&str], exclude: &[&str]) -> bool {
        let mut errors = Vec::new();
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let inc = globs(&own(include), &mut errors);
        let exc = globs(&own(exclude), &mut errors);
        assert!(errors.is_empty());
        is_article(Path::new(path), &inc, &exc)
    }

    #[test]
    fn articles_by_extension_not_project_files() {
        assert!(article("a.txt", &[], &[]));
        assert!(article("b/c.HTML", &[], &[]));
        assert!(article("d.markdown", &[], &[]));
        assert!(!article("notes.json", &[], &[]));
        assert!(!article("README.md", &[], &[]));
        assert!(!article("sub/CHANGELOG.md", &[], &[]));
        assert!(!article("LICENSE.txt", &[], &[]));
    }

    #[test]
    fn globs_exclude_and_include() {
        assert!(!article("drafts/a.md", &[], &["drafts"]));
        assert!(!article("x/drafts/a.md", &[], &["drafts"]));
        assert!(article("x/drafts/a.md", &[], &["/drafts"]));
        assert!(!article("a.draft.md", &[], &["*.draft.md"]));
        assert!(article("wire/a.html", &["wire/**"], &[]));
        assert!(!article("blog/a.html", &["wire/**"], &[]));
    }
}
