//! `factlint explain ID`: the documentation of a finding code, or everything
//! about a fact. The text for codes is the same that `docs/codes.md` is
//! generated from, so the two never drift.

use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::files::Files;
use crate::finding::FindingKind;
use crate::rules::{Fact, RuleSet};
use crate::value::Reading;
use std::fmt::Write as _;

/// The finding kind named by a code (`FL001`, any case) or a kind name
/// (`conflict`).
pub fn find_code(id: &str) -> Option<FindingKind> {
    FindingKind::ALL
        .into_iter()
        .find(|k| k.code().eq_ignore_ascii_case(id) || k.name() == id)
}

/// A code's documentation for the terminal.
pub fn code(kind: FindingKind) -> String {
    let d = kind.doc();
    let mut out = format!(
        "{} {}: {}\ndefault severity: {}\n",
        kind.code(),
        kind.name(),
        d.summary,
        kind.default_severity()
    );
    for (title, body) in [
        ("What it does", d.what),
        ("Why it matters", d.why),
        ("Example", d.example),
        ("How to fix or silence it", d.fix),
    ] {
        let _ = write!(out, "\n{title}\n");
        for line in body.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let _ = write!(
        out,
        "\nSet its severity per fact with `severity = {{ {} = \"warning\" }}`, or for all facts in factlint.toml under [defaults].\n",
        kind.name()
    );
    out
}

/// `docs/codes.md`: every code, generated from the same text.
pub fn codes_markdown() -> String {
    let mut out = String::from(
        "# Finding codes\n\n<!-- Generated from src/finding.rs by `factlint explain --all-codes`; a test keeps it in sync. Do not edit by hand. -->\n\n",
    );
    out.push_str("| code | kind | default severity | meaning |\n|---|---|---|---|\n");
    for k in FindingKind::ALL {
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} |",
            k.code(),
            k.code().to_lowercase(),
            k.name(),
            k.default_severity(),
            k.summary()
        );
    }
    for k in FindingKind::ALL {
        let d = k.doc();
        let _ = write!(
            out,
            "\n## {}\n\n`{}`, default severity {}: {}.\n",
            k.code(),
            k.name(),
            k.default_severity(),
            d.summary
        );
        let _ = write!(out, "\n**What it does.** {}\n\n**Why it matters.** {}\n\n**Example.**\n\n```text\n{}\n```\n\n**How to fix or silence it.** {}\n", d.what, d.why, d.example, d.fix);
    }
    out
}

/// Everything about one fact; with a corpus, which sources state it.
pub fn fact(
    rules: &RuleSet,
    index: usize,
    files: &Files,
    checked: Option<(&Corpus, &[Claim])>,
) -> String {
    let fact: &Fact = &rules.facts[index];
    let mut out = String::new();
    let pos = files.position(fact.file, fact.id_span.start);
    let _ = writeln!(out, "{}: {}", fact.id, fact.description);
    let _ = writeln!(
        out,
        "kind: {}{}",
        fact.kind.name(),
        if fact.multivalued {
            " (multivalued)"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "defined in: {}:{}", files.name(fact.file), pos.line);
    let _ = writeln!(out, "min_sources: {}", fact.min_sources);
    if let Some(shape) = &fact.shape {
        shape_section(&mut out, rules, shape);
    }
    if !fact.patterns.is_empty() || fact.shape.is_none() {
        let _ = writeln!(out, "\npatterns:");
        for (i, p) in fact.patterns.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, p.source);
        }
    }
    if !fact.categories.is_empty() {
        let _ = writeln!(out, "\ncategories:");
        for c in &fact.categories {
            let _ = writeln!(out, "  {}: {}", c.name, c.phrases.join(" | "));
        }
    }
    if !fact.expected.is_empty() || !fact.rejected.is_empty() {
        let _ = writeln!(out, "\nfact sheet:");
        for r in &fact.expected {
            let _ = writeln!(out, "  expected: {} ({})", r.text, r.value);
        }
        for r in &fact.rejected {
            let _ = writeln!(out, "  rejected: {}: {}", r.text, r.reason);
        }
        if let Some(cite) = &fact.cite {
            let _ = writeln!(out, "  source: {cite}");
        }
    }
    if let Some(note) = &fact.note {
        let _ = writeln!(out, "\nnote: {note}");
    }
    if !fact.examples.is_empty() {
        let _ = writeln!(out, "\nexamples:");
        for e in &fact.examples {
            let want: Vec<String> = e.expected.iter().map(|(_, v)| v.to_string()).collect();
            let want = if want.is_empty() {
                "nothing".to_string()
            } else {
                want.join(", ")
            };
            let _ = writeln!(out, "  {:?}\n    → {want}", e.text);
        }
    }
    if let Some((corpus, claims)) = checked {
        let _ = writeln!(out, "\nstated by:");
        let mut any = false;
        for (s, source) in corpus.sources.iter().enumerate() {
            let values: Vec<String> = claims
                .iter()
                .filter(|c| c.fact == index && c.source == s)
                .map(|c| {
                    let at = files.position(source.file, c.span.start);
                    let v = match &c.reading {
                        Ok(Reading::Value(v)) => v.to_string(),
                        Ok(Reading::Unresolved(_)) => "unresolved".to_string(),
                        Err(_) => "unreadable".to_string(),
                    };
                    let why = match c.evidence.how {
                        crate::matcher::evidence::How::Pattern => String::new(),
                        _ => format!(", {}", c.evidence.describe(&source.plain)),
                    };
                    format!(
                        "{:?} = {v} (line {}{why})",
                        source.words(c.span.clone()),
                        at.line
                    )
                })
                .collect();
            if !values.is_empty() {
                any = true;
                let _ = writeln!(out, "  {}: {}", source.path, values.join("; "));
            }
        }
        if !any {
            let _ = writeln!(out, "  no source");
        }
        if fact.shape.is_some() {
            near_misses(&mut out, rules, index, files, corpus);
        }
    }
    out
}

/// The sentence-aware form of a fact, terms resolved to their words.
fn shape_section(out: &mut String, rules: &RuleSet, shape: &crate::rules::terms::Shape) {
    let words = |terms: &[crate::rules::terms::Term]| {
        terms
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let _ = writeln!(out, "\nfound by:");
    for &e in &shape.about {
        let entity = &rules.entities[e];
        let mut all: Vec<&str> = entity.names.iter().map(|t| t.text.as_str()).collect();
        all.extend(entity.roles.iter().map(|t| t.text.as_str()));
        let _ = writeln!(out, "  about: {} ({})", entity.id, all.join(" | "));
    }
    match shape.read {
        crate::rules::terms::Read::Apposition => {
            let _ = writeln!(out, "  read: a title next to the name");
            if let Some(of) = shape.of {
                let _ = writeln!(
                    out,
                    "  of: {} (its name is left out of the title)",
                    rules.entities[of].id
                );
            }
        }
        crate::rules::terms::Read::Near => {
            let _ = writeln!(
                out,
                "  cues (every form): {}\n  within: {} words of the value",
                words(&shape.cues),
                shape.within
            );
        }
    }
    if !shape.anchors.is_empty() {
        let _ = writeln!(out, "  anchors: {}", words(&shape.anchors));
    }
    if let Some(group) = &shape.group {
        let _ = writeln!(out, "  group: {group}");
    }
    if !shape.veto.is_empty() {
        let _ = writeln!(out, "  veto: {}", words(&shape.veto));
    }
}

/// Values the matcher considered and did not take, per source, and values
/// of the fact's group it could not place.
fn near_misses(out: &mut String, rules: &RuleSet, index: usize, files: &Files, corpus: &Corpus) {
    let mut lines = Vec::new();
    for source in &corpus.sources {
        let ctx = crate::value::Context {
            published: source.meta.published.as_ref(),
            date_order: source.meta.date_order,
            number_format: source.meta.number_format.unwrap_or_default(),
        };
        let (_, misses, unplaced) =
            crate::extract::find_one(rules, index, &source.plain, ctx, true);
        for m in misses {
            let at = files.position(source.file, source.map.to_original(m.span.clone()).start);
            let why = m.describe(&source.plain, |f| rules.facts[f].id.clone());
            lines.push(format!("  {}:{}: {why}", source.path, at.line));
        }
        for u in unplaced {
            let at = files.position(source.file, source.map.to_original(u.span.clone()).start);
            let why = crate::matcher::evidence::Miss {
                fact: index,
                span: u.span.clone(),
                why: u.why.clone(),
            }
            .describe(&source.plain, |f| rules.facts[f].id.clone());
            lines.push(format!("  {}:{}: {why}", source.path, at.line));
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(out, "\nnear misses:");
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
    }
}

/// An entity of the rules (`entity:ID`, as unused-term findings name it):
/// its names and roles, and the facts about it.
pub fn entity(rules: &RuleSet, index: usize, files: &Files) -> String {
    let entity = &rules.entities[index];
    let mut out = String::new();
    let pos = files.position(entity.file, entity.span.start);
    let _ = writeln!(
        out,
        "entity:{}{}",
        entity.id,
        entity
            .description
            .as_ref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default()
    );
    let _ = writeln!(out, "defined in: {}:{}", files.name(entity.file), pos.line);
    let words = |terms: &[crate::rules::terms::Term]| {
        terms
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let _ = writeln!(out, "names: {}", words(&entity.names));
    if !entity.roles.is_empty() {
        let _ = writeln!(out, "roles: {}", words(&entity.roles));
    }
    let about: Vec<&str> = rules
        .facts
        .iter()
        .filter(|f| {
            f.shape
                .as_ref()
                .is_some_and(|s| s.about.contains(&index) || s.of == Some(index))
        })
        .map(|f| f.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "facts about it: {}",
        if about.is_empty() {
            "none".to_string()
        } else {
            about.join(", ")
        }
    );
    out
}
