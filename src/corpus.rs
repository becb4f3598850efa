//! The corpus: the articles under review and what is known about them.
//!
//! Articles are read byte for byte and never modified: every span factlint
//! reports must point at the published bytes. What is known about an article
//! but not printed in it (outlet, URL, publication date) lives in a
//! `sources.toml` manifest beside it, never edited into the text. The
//! publication date matters: it is what "last year" is resolved against.

use crate::files::{self, Diagnostic, FileId, Files};
use crate::value::DateSpan;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// File extensions read as articles when walking a folder.
pub const SOURCE_EXTENSIONS: &[&str] = &["txt", "md"];

/// The manifest's file name, looked for beside each article.
pub const MANIFEST: &str = "sources.toml";

/// One article.
#[derive(Debug)]
pub struct Source {
    /// The path as shown in reports: relative to where factlint was pointed,
    /// with `/` separators, so output is the same on every machine.
    pub path: String,
    pub file: FileId,
    pub text: Arc<str>,
    pub meta: SourceMeta,
    /// `factlint-disable` comments of a Markdown source.
    pub directives: Vec<Suppression>,
}

/// What the manifest says about an article. Everything is optional: an
/// article without an entry is still linted, only relative dates in it stay
/// unresolved.
#[derive(Clone, Debug, Default)]
pub struct SourceMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The publication date as a span: one day when known exactly, wider
    /// when only approximately known.
    pub published: Option<DateSpan>,
    /// `published` as written in the manifest, for machine output.
    pub published_text: Option<String>,
    /// How the source writes all-numeric dates, when the manifest says.
    pub date_order: Option<crate::value::DateOrder>,
    pub note: Option<String>,
    /// Reviewed discrepancies: findings on these facts are acknowledged.
    pub accept: Vec<Suppression>,
}

/// A reviewed discrepancy: findings on `fact` (or every fact, for `all`)
/// whose primary label falls in `covers` of the source are acknowledged and
/// not reported. Comes from a manifest `accept` entry (covering the whole
/// source) or a `factlint-disable` comment in a Markdown source.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    pub fact: String,
    pub reason: String,
    /// Where the acknowledgement is written (the manifest or the source),
    /// for the report when it matches nothing.
    pub file: FileId,
    pub span: std::ops::Range<usize>,
    /// The bytes of the source it covers.
    pub covers: std::ops::Range<usize>,
    /// The value it accepts, as written; `None` accepts any value.
    pub value: Option<String>,
}

/// All articles of one run, sorted by path.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    source: BTreeMap<String, Spanned<RawMeta>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Spanned<String>>,
    /// "month-first" (US: 04/03/2024 is 3 April) or "day-first" (UK).
    date_order: Option<Spanned<String>>,
    note: Option<String>,
    #[serde(default)]
    accept: Vec<Spanned<RawAccept>>,
}

/// An editor's acknowledgement: findings on `fact` for this source have
/// been reviewed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccept {
    fact: Spanned<String>,
    /// The value reviewed: when the article changes it, the finding shows
    /// again.
    value: Option<Spanned<String>>,
    reason: Spanned<String>,
}

impl Corpus {
    /// Reads every article named by `paths` (files, or folders walked
    /// recursively for `.txt` and `.md` files) and their manifests.
    ///
    /// Every problem is collected, not just the first, so a user fixes them
    /// all in one go; any problem means no corpus, since a lint of part of
    /// the articles would pass silently over the rest.
    pub fn load(paths: &[PathBuf], files: &mut Files) -> Result<Corpus, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut found: BTreeSet<(String, PathBuf)> = BTreeSet::new();
        for path in paths {
            match std::fs::metadata(path) {
                Err(e) => errors.push(files::error(format!(
                    "cannot read `{}`: {}",
                    display(path),
                    io_reason(&e)
                ))),
                Ok(m) if m.is_dir() => walk(path, &mut found, &mut errors),
                Ok(_) => {
                    found.insert((display(path), path.clone()));
                }
            }
        }

        let mut manifests: BTreeMap<PathBuf, Option<Manifest>> = BTreeMap::new();
        let mut sources = Vec::new();
        for (shown, path) in &once(found) {
            let text = match read_text(path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let manifest = manifests
                .entry(dir.clone())
                .or_insert_with(|| Manifest::load(&dir, files, &mut errors));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut meta = manifest
                .as_mut()
                .and_then(|m| m.take(&name))
                .unwrap_or_default();
            let file = files.add(shown.clone(), text.clone());
            for a in &mut meta.accept {
                a.covers = 0..text.len();
            }
            let directives = if path.extension().is_some_and(|x| x == "md") {
                directives(&text, file, &mut errors)
            } else {
                Vec::new()
            };
            sources.push(Source {
                path: shown.clone(),
                file,
                text,
                meta,
                directives,
            });
        }
        for manifest in manifests.values().flatten() {
            manifest.check_all_used(&mut errors);
        }
        if sources.is_empty() && errors.is_empty() {
            let shown: Vec<String> = paths.iter().map(|p| format!("`{}`", display(p))).collect();
            errors.push(files::error(format!(
                "no articles found in {}: factlint reads .txt and .md files",
                shown.join(", ")
            )));
        }
        if errors.is_empty() {
            Ok(Corpus { sources })
        } else {
            Err(errors)
        }
    }
}

impl Corpus {
    /// A corpus of texts held in memory, with no metadata: for benchmarks
    /// and tests of the rule-free checks.
    pub fn from_texts(files: &mut Files, texts: Vec<(String, String)>) -> Corpus {
        let sources = texts
            .into_iter()
            .map(|(path, text)| {
                let text: Arc<str> = text.into();
                let file = files.add(path.clone(), text.clone());
                Source {
                    path,
                    file,
                    text,
                    meta: SourceMeta::default(),
                    directives: Vec::new(),
                }
            })
            .collect();
        Corpus { sources }
    }
}

/// The same file under two spellings or through a link is read once: under
/// a name that is not a link when it has one.
fn once(found: BTreeSet<(String, PathBuf)>) -> BTreeSet<(String, PathBuf)> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    let mut by_link: Vec<_> = found.into_iter().collect();
    by_link.sort_by_key(|(_, p)| is_link(p));
    let mut seen = std::collections::HashSet::new();
    by_link
        .into_iter()
        .filter(|(_, p)| std::fs::canonicalize(p).map_or(true, |real| seen.insert(real)))
        .collect()
}

/// Collects article files under `dir`, skipping hidden entries.
fn walk(dir: &Path, found: &mut BTreeSet<(String, PathBuf)>, errors: &mut Vec<Diagnostic>) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => errors.push(files::error(format!("cannot read `{}`: {e}", display(dir)))),
            // Links and special files too: reading follows a link to a
            // file and refuses the rest, rather than dropping them silently.
            Ok(e) if !e.file_type().is_dir() => {
                let path = e.path();
                let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
                if SOURCE_EXTENSIONS.contains(&ext) {
                    found.insert((display(path), path.to_path_buf()));
                }
            }
            Ok(_) => {}
        }
    }
}

fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    crate::input::read_text(path).map(Arc::from).map_err(|why| {
        let shown = display(path);
        files::error(match why.strip_prefix(crate::input::NOT_UTF8) {
            Some(rest) => format!("`{shown}` is {}{rest}", crate::input::NOT_UTF8),
            None => format!("cannot read `{shown}`: {why}"),
        })
    })
}

/// `<!-- factlint-disable FACT reason -->` … `<!-- factlint-enable FACT -->`
/// and `<!-- factlint-disable-next-line FACT reason -->` in a Markdown
/// source. FACT may be `all`. A reason is required: an acknowledgement
/// nobody can explain later is not a review.
pub fn directives(text: &str, file: FileId, errors: &mut Vec<Diagnostic>) -> Vec<Suppression> {
    static COMMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"<!--\s*factlint-(disable-next-line|disable|enable)(?:\s+([^\s>]+))?(.*?)-->",
        )
        .unwrap()
    });
    let mut out = Vec::new();
    let mut open: Vec<(String, String, std::ops::Range<usize>)> = Vec::new();
    for c in COMMENT.captures_iter(text) {
        let whole = c.get(0).map(|m| m.range()).unwrap_or_default();
        let what = c.get(1).map_or("", |m| m.as_str());
        let Some(fact) = c.get(2).map(|m| m.as_str().to_string()) else {
            errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what}` names no fact"),
                "write the fact id, or `all`",
            ));
            continue;
        };
        let reason = c.get(3).map_or("", |m| m.as_str()).trim().to_string();
        match what {
            "enable" => match open.iter().rposition(|(f, _, _)| *f == fact) {
                Some(at) => {
                    let (fact, reason, span) = open.remove(at);
                    out.push(Suppression {
                        fact,
                        reason,
                        file,
                        covers: span.end..whole.start,
                        span,
                        value: None,
                    });
                }
                None => errors.push(files::error_at(
                    file,
                    whole,
                    format!(
                        "`factlint-enable {fact}` without a `factlint-disable {fact}` before it"
                    ),
                    "nothing to enable",
                )),
            },
            _ if reason.is_empty() => errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what} {fact}` has no reason"),
                "say why the discrepancy is acceptable",
            )),
            "disable" => open.push((fact, reason, whole)),
            _ => {
                // The line after the comment's line.
                let next = text[whole.end..]
                    .find('\n')
                    .map_or(text.len(), |i| whole.end + i + 1);
                let end = text[next..].find('\n').map_or(text.len(), |i| next + i);
                out.push(Suppression {
                    fact,
                    reason,
                    file,
                    covers: next..end,
                    span: whole,
                    value: None,
                });
            }
        }
    }
    // A disable never enabled runs to the end of the source.
    for (fact, reason, span) in open {
        out.push(Suppression {
            fact,
            reason,
            file,
            covers: span.end..text.len(),
            span,
            value: None,
        });
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// A path as shown to the user: as given, with `/` separators and no `./`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace("//", "/")
}

/// An I/O error in words, without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(at) => s[..at].to_string(),
        None => s,
    }
}

/// One folder's `sources.toml`, with which entries were used, so that an
/// entry naming a file that does not exist is reported.
struct Manifest {
    file: FileId,
    dir: PathBuf,
    entries: BTreeMap<String, Entry>,
}

struct Entry {
    meta: SourceMeta,
    span: std::ops::Range<usize>,
    used: bool,
}

impl Manifest {
    fn load(dir: &Path, files: &mut Files, errors: &mut Vec<Diagnostic>) -> Option<Manifest> {
        let path = dir.join(MANIFEST);
        // One that exists but is not a readable file (a folder, a pipe) is
        // an error, not silently no manifest.
        if !crate::input::exists(&path) {
            return None;
        }
        let name = display(&path);
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                return None;
            }
        };
        let file = files.add(name.clone(), text.clone());
        let raw: RawManifest = match toml::from_str(&text) {
            Ok(r) => r,
            Err(e) => {
                errors.push(files::toml_error(
                    file,
                    &format!("invalid TOML in {name}"),
                    &e,
                ));
                return None;
            }
        };
        let mut entries = BTreeMap::new();
        for (source, raw) in raw.source {
            let span = raw.span();
            let raw = raw.into_inner();
            let published =
                raw.published
                    .as_ref()
                    .and_then(|p| match DateSpan::parse_iso(p.get_ref()) {
                        Ok(d) => Some(d),
                        Err(why) => {
                            errors.push(files::error_at(
                                file,
                                p.span(),
                                format!("invalid publication date for `{source}` in {name}"),
                                format!(
                                    "{why}; write YYYY-MM-DD, YYYY-MM, YYYY, or a range START/END"
                                ),
                            ));
                            None
                        }
                    });
            let date_order = raw.date_order.as_ref().and_then(|o| {
                let order = crate::value::DateOrder::from_name(o.get_ref());
                if order.is_none() {
                    errors.push(files::error_at(
                        file,
                        o.span(),
                        format!("invalid `date_order` for `{source}` in {name}"),
                        format!(
                            "expected one of: {}",
                            crate::value::DateOrder::NAMES.join(", ")
                        ),
                    ));
                }
                order
            });
            let mut accept = Vec::new();
            for a in raw.accept {
                let span = a.span();
                let a = a.into_inner();
                if a.reason.get_ref().trim().is_empty() {
                    errors.push(files::error_at(
                        file,
                        a.reason.span(),
                        format!(
                            "acknowledgement of `{}` for `{source}` has no reason",
                            a.fact.get_ref()
                        ),
                        "say why the discrepancy is acceptable",
                    ));
                    continue;
                }
                accept.push(Suppression {
                    fact: a.fact.into_inner(),
                    reason: a.reason.into_inner(),
                    file,
                    span,
                    covers: 0..0, // set when the source is read
                    value: a.value.map(Spanned::into_inner),
                });
            }
            let meta = SourceMeta {
                outlet: raw.outlet,
                url: raw.url,
                published,
                published_text: raw.published.map(|p| p.into_inner()),
                date_order,
                note: raw.note,
                accept,
            };
            entries.insert(
                source,
                Entry {
                    meta,
                    span,
                    used: false,
                },
            );
        }
        Some(Manifest {
            file,
            dir: dir.to_path_buf(),
            entries,
        })
    }

    /// Hands out the entry for `name`, marking it used.
    fn take(&mut self, name: &str) -> Option<SourceMeta> {
        self.entries.get_mut(name).map(|entry| {
            entry.used = true;
            entry.meta.clone()
        })
    }

    /// Entries never taken name files that do not exist (or are not
    /// articles): almost always a typo in the manifest.
    fn check_all_used(&self, errors: &mut Vec<Diagnostic>) {
        for (source, entry) in &self.entries {
            if entry.used || self.dir.join(source).is_file() {
                continue;
            }
            errors.push(files::error_at(
                self.file,
                entry.span.clone(),
                format!(
                    "{} describes `{source}`, which is not in {}",
                    MANIFEST,
                    display(&self.dir)
                ),
                "no such article",
            ));
        }
    }
}
