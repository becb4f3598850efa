//! The `sources.toml` manifest: what is known about each article but not
//! printed in it (outlet, URL, publication date, reviewed discrepancies).
//! It lives beside the articles and is never edited into them; an entry
//! naming no article is reported, since it is almost always a typo.

use super::{display, read_text, SourceMeta, Suppression, MANIFEST};
use crate::files::{self, Diagnostic, FileId, Files};
use crate::value::DateSpan;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

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
    /// "1,234.5" (English), "1.234,5" or "1 234,5".
    number_format: Option<Spanned<String>>,
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

/// One folder's `sources.toml`, with which entries were used, so that an
/// entry naming a file that does not exist is reported.
pub(super) struct Manifest {
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
    pub(super) fn load(
        dir: &Path,
        files: &mut Files,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<Manifest> {
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
                    .and_then(|p| match DateSpan::parse_published(p.get_ref()) {
                        Ok(d) => Some(d),
                        Err(why) => {
                            errors.push(files::error_at(
                                file,
                                p.span(),
                                format!("invalid publication date for `{source}` in {name}"),
                                format!(
                                    "{why}; write YYYY-MM-DD (optionally with a time and zone, YYYY-MM-DDTHH:MM-04:00), YYYY-MM, YYYY, or a range START/END"
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
            let number_format = raw.number_format.as_ref().and_then(|f| {
                let format = crate::value::NumberFormat::from_name(f.get_ref());
                if format.is_none() {
                    errors.push(files::error_at(
                        file,
                        f.span(),
                        format!("invalid `number_format` for `{source}` in {name}"),
                        format!(
                            "expected one of: {}",
                            crate::value::NumberFormat::names_quoted()
                        ),
                    ));
                }
                format
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
                number_format,
                note: raw.note,
                author: None,
                headline: None,
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
    pub(super) fn take(&mut self, name: &str) -> Option<SourceMeta> {
        self.entries.get_mut(name).map(|entry| {
            entry.used = true;
            entry.meta.clone()
        })
    }

    /// Entries never taken name files that do not exist (or are not
    /// articles): almost always a typo in the manifest.
    pub(super) fn check_all_used(&self, errors: &mut Vec<Diagnostic>) {
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
