//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run;
//! one reporting descriptor per finding code, with its documentation; each
//! result's primary span in `locations[0]` and the other sources' spans in
//! `relatedLocations`, referenced from the message as `[text](id)` links.
//! `partialFingerprints` come from the baseline identity (code, fact,
//! sources and values), never from line numbers, so a result keeps its
//! identity when unrelated text above it changes; its paths are relative to
//! the corpus root, so it is the same whichever directory factlint ran in
//! and however the corpus was spelled.
//!
//! URIs are relative to `SRCROOT` (the folder factlint ran in, declared in
//! `originalUriBaseIds` without an absolute path, so the log is the same
//! bytes on every machine); a file outside it gets an absolute `file:` URI.
//! Findings the baseline or an acknowledgement hid are results too, with a
//! `suppressions` entry saying which and why, as code scanning expects.

use super::{Report, SuppressedBy};
use crate::baseline::Entry;
use crate::finding::{FindingKind, Label, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub fn write_sarif<W: Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let rules: Vec<Value> = FindingKind::ALL
        .iter()
        .map(|k| {
            let d = k.doc();
            json!({
                "id": k.code(),
                "name": k.name(),
                "shortDescription": { "text": d.summary },
                "fullDescription": { "text": d.what },
                "help": { "text": format!("{}\n\nWhy it matters: {}\n\nHow to fix: {}", d.what, d.why, d.fix) },
                "defaultConfiguration": { "level": level(k.default_severity()) },
                "helpUri": help_uri(*k),
            })
        })
        .collect();
    let places = Places::new(report);
    let shown = report.findings.iter().map(|f| (f, None));
    let hidden = report.suppressed.iter().map(|s| (&s.finding, Some(&s.why)));
    let results: Vec<Value> = shown
        .chain(hidden)
        .map(|(f, why)| {
            let primary = f
                .labels
                .iter()
                .position(|l| l.primary)
                .or(if f.labels.is_empty() { None } else { Some(0) });
            let mut related = Vec::new();
            let mut links = Vec::new();
            for (i, l) in f.labels.iter().enumerate() {
                if Some(i) == primary {
                    continue;
                }
                let id = related.len() + 1;
                links.push(format!(
                    "[{}]({id})",
                    sarif_escape(report.files.name(l.file))
                ));
                related.push(location(report, &places, l, Some(id)));
            }
            let mut text = sarif_escape(&f.message);
            if !links.is_empty() {
                text.push_str(&format!(". Related: {}.", links.join(", ")));
            }
            let entry = Entry::relative_to(f, report.files, &places.corpus_root);
            let mut result = json!({
                "ruleId": f.kind.code(),
                "ruleIndex": f.kind.index(),
                "level": level(f.severity),
                "message": { "text": text },
                "partialFingerprints": {
                    "factlint/v1": fingerprint(&entry, false),
                    "factlint/v2": fingerprint(&entry, true),
                },
                "properties": { "fact": f.fact, "kind": f.kind.name(), "notes": f.notes },
            });
            if let Some(p) = primary {
                result["locations"] = json!([location(report, &places, &f.labels[p], None)]);
            }
            if let Some(why) = why {
                result["suppressions"] = json!([suppression(why)]);
            }
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            // Columns count characters, as in every factlint format.
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                "SRCROOT": { "description": { "text": "The folder factlint ran in." } },
            },
            "invocations": [{ "executionSuccessful": true }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    writeln!(out)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn location(report: &Report<'_>, places: &Places, l: &Label, id: Option<usize>) -> Value {
    let start = report.files.position(l.file, l.span.start);
    let end = report.files.position(l.file, l.span.end);
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": places.artifact(report.files.name(l.file)),
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
                "byteOffset": l.span.start,
                "byteLength": l.span.end - l.span.start,
                "snippet": { "text": report.files.slice(l.file, l.span.clone()) },
            },
        },
        "message": { "text": l.message },
    });
    if let Some(id) = id {
        loc["id"] = json!(id);
    }
    loc
}

/// SARIF messages treat `[`, `]` and `\` as link syntax: escape them.
fn sarif_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// A stable 64-bit FNV-1a hash of the identity, in hex: the same on every
/// machine and every Rust version, unlike `std`'s hasher. `factlint/v1`
/// hashes the displayed values (kept so existing alerts keep matching);
/// `factlint/v2` (`by_words`) hashes the claims' words, so it survives any
/// change in how factlint displays a value. See docs/json.md.
fn fingerprint(e: &Entry, by_words: bool) -> String {
    let mut text = if by_words {
        format!("v2\u{1f}{}\u{1f}{}", e.code, e.fact)
    } else {
        format!("{}\u{1f}{}", e.code, e.fact)
    };
    for s in &e.sources {
        let value = if by_words { &s.words } else { &s.value };
        text.push_str(&format!("\u{1f}{}\u{1e}{value}", s.path));
    }
    for a in if by_words {
        &e.against_words
    } else {
        &e.against
    } {
        text.push_str(&format!("\u{1f}{a}"));
    }
    fnv(&text)
}

fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The page of docs/codes.md for `kind`: in the repository when Cargo.toml
/// names one, else in the source of this very version on docs.rs.
fn help_uri(kind: FindingKind) -> String {
    let anchor = kind.code().to_lowercase();
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!(
            "https://docs.rs/crate/factlint/{}/source/docs/codes.md#{anchor}",
            env!("CARGO_PKG_VERSION")
        ),
        repository => format!(
            "{}/blob/v{}/docs/codes.md#{anchor}",
            repository.trim_end_matches('/'),
            env!("CARGO_PKG_VERSION")
        ),
    }
}

/// Why a hidden result is not reported: `external` for the baseline and a
/// manifest entry, `inSource` for a comment in the article.
fn suppression(why: &SuppressedBy) -> Value {
    match why {
        SuppressedBy::Baseline => json!({
            "kind": "external",
            "status": "accepted",
            "justification": "recorded in the baseline (--baseline)",
        }),
        SuppressedBy::Acknowledgement { reason, in_source } => json!({
            "kind": if *in_source { "inSource" } else { "external" },
            "status": "accepted",
            "justification": reason,
        }),
    }
}

/// The folders paths are made relative to.
struct Places {
    /// The real folder factlint ran in: `SRCROOT`.
    cwd: PathBuf,
    /// The deepest folder holding every article: fingerprints' paths are
    /// relative to it.
    corpus_root: PathBuf,
}

impl Places {
    fn new(report: &Report<'_>) -> Places {
        let cwd = crate::baseline::current_dir();
        let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
        let folders = report.corpus.sources.iter().map(|s| {
            let real = PathBuf::from(crate::baseline::absolute(report.files.name(s.file), &cwd));
            real.parent().map(Path::to_path_buf).unwrap_or(real)
        });
        let corpus_root = folders
            .reduce(|a, b| {
                a.components()
                    .zip(b.components())
                    .take_while(|(x, y)| x == y)
                    .map(|(x, _)| x)
                    .collect()
            })
            .unwrap_or_else(|| cwd.clone());
        Places { cwd, corpus_root }
    }

    /// `{"uri": …, "uriBaseId": "SRCROOT"}` for a file under the folder
    /// factlint ran in, an absolute `file:` URI otherwise.
    fn artifact(&self, name: &str) -> Value {
        let real = PathBuf::from(crate::baseline::absolute(name, &self.cwd));
        match real.strip_prefix(&self.cwd) {
            Ok(inside) => json!({
                "uri": uri_path(&crate::corpus::display(inside)),
                "uriBaseId": "SRCROOT",
            }),
            Err(_) => {
                json!({ "uri": format!("file://{}", uri_path(&crate::corpus::display(&real))) })
            }
        }
    }
}

/// A path as a URI path: `/` separators, and bytes that mean something
/// else in a URI percent-encoded.
fn uri_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_are_encoded() {
        assert_eq!(uri_path("corpus/a b#1.txt"), "corpus/a%20b%231.txt");
        assert_eq!(uri_path("corpus/café.md"), "corpus/caf%C3%A9.md");
    }

    #[test]
    fn help_points_at_the_code_in_codes_md() {
        assert!(help_uri(FindingKind::UnusedAcceptance).ends_with("/docs/codes.md#fl202"));
    }
}
