//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run;
//! one reporting descriptor per finding code, with its documentation; each
//! result's primary span in `locations[0]` and the other sources' spans in
//! `relatedLocations`, referenced from the message as `[text](id)` links.
//! `partialFingerprints` come from the baseline identity (code, fact,
//! sources and values), never from line numbers, so a result keeps its
//! identity when unrelated text above it changes.

use super::Report;
use crate::baseline::Entry;
use crate::finding::{FindingKind, Label, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};

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
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
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
                related.push(location(report, l, Some(id)));
            }
            let mut text = sarif_escape(&f.message);
            if !links.is_empty() {
                text.push_str(&format!(". Related: {}.", links.join(", ")));
            }
            let entry = Entry::of(f, report.files);
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
                result["locations"] = json!([location(report, &f.labels[p], None)]);
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

fn location(report: &Report<'_>, l: &Label, id: Option<usize>) -> Value {
    let start = report.files.position(l.file, l.span.start);
    let end = report.files.position(l.file, l.span.end);
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": report.files.name(l.file) },
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
