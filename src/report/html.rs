//! The HTML report: one self-contained page an editor opens in a browser,
//! offline. The story as a whole (a matrix of facts by outlet), then every
//! finding as a card with the competing passages side by side.
//!
//! Everything that comes from articles, manifests or rules is escaped by
//! the template engine (askama, checked at compile time); URLs become links
//! only when they are http(s), so a `javascript:` URL in a manifest stays
//! text. The page loads nothing: style and script are inline.

use super::excerpt::Excerpt;
use super::standing::{standings, tallies, Standing};
use super::{outlet_name, outlets_named, readable_date, Report};
use crate::corpus::Source;
use crate::finding::{Finding, FindingKind, Label, Severity};
use crate::quotes::extract::passages;
use crate::rules::Fact;
use crate::value::Reading;
use askama::Template;
use std::collections::BTreeSet;
use std::io;

/// Characters of context shown around a passage's words in a card.
const CONTEXT: usize = 110;

pub fn write_html<W: io::Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let page = Page::of(report);
    let html = page.render().map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    title: String,
    summary: String,
    unchecked: Option<String>,
    style: &'static str,
    script: &'static str,
    outlets: Vec<Outlet>,
    rows: Vec<Row>,
    cards: Vec<Card>,
    copies: Vec<CopyNote>,
    tallies: Vec<OutletTally>,
    facts: Vec<FactOption>,
    severities: Vec<SeverityCount>,
}

/// A column of the matrix: one article.
struct Outlet {
    key: String,
    name: String,
    date: Option<String>,
    href: Option<String>,
    path: String,
}

struct Row {
    id: String,
    description: String,
    sheet: Option<String>,
    cells: Vec<Cell>,
}

struct Cell {
    standing: &'static str,
    meaning: &'static str,
    outlet: String,
    values: Vec<CellValue>,
}

struct CellValue {
    shown: String,
    href: Option<String>,
}

struct Card {
    anchor: String,
    severity: &'static str,
    code: &'static str,
    kind: &'static str,
    fact: String,
    about: String,
    outlets: String,
    message: String,
    passages: Vec<Passage>,
    sheet: Option<String>,
    cite: Option<String>,
    notes: Vec<String>,
    diff: Vec<DiffPart>,
}

struct Passage {
    outlet: String,
    date: Option<String>,
    href: Option<String>,
    line: usize,
    before: String,
    marked: String,
    after: String,
    label: String,
    primary: bool,
}

struct DiffPart {
    kind: &'static str,
    text: String,
}

struct CopyNote {
    shared: u32,
    members: Vec<Passage>,
}

struct OutletTally {
    name: String,
    agrees: usize,
    split: usize,
    conflicts: usize,
    against_sheet: usize,
    alone: usize,
    silent: usize,
}

struct FactOption {
    id: String,
    description: String,
}

struct SeverityCount {
    name: &'static str,
    count: usize,
}

impl Page {
    fn of(report: &Report<'_>) -> Page {
        let sources = &report.corpus.sources;
        let standings = standings(report);
        let outlets = sources
            .iter()
            .enumerate()
            .map(|(i, s)| Outlet {
                key: format!("s{i}"),
                name: outlet_name(s),
                date: date(s),
                href: safe_url(s),
                path: s.path.clone(),
            })
            .collect();
        let rows = report
            .rules
            .facts
            .iter()
            .enumerate()
            .map(|(f, fact)| Row {
                id: fact.id.clone(),
                description: fact.description.clone(),
                sheet: sheet(fact),
                cells: sources
                    .iter()
                    .enumerate()
                    .map(|(s, source)| cell(report, f, s, source, standings[f][s]))
                    .collect(),
            })
            .collect();
        let cards = report
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| card(report, i, f))
            .collect();
        let copies = report
            .copies
            .groups
            .iter()
            .map(|g| CopyNote {
                shared: g.shared,
                members: g
                    .sources
                    .iter()
                    .zip(&g.shown)
                    .map(|(&s, span)| passage(&sources[s], span.clone(), String::new(), false))
                    .collect(),
            })
            .collect();
        let tallies = tallies(&standings, sources.len())
            .into_iter()
            .zip(sources)
            .map(|(t, s)| OutletTally {
                name: outlet_name(s),
                agrees: t.agrees,
                split: t.split,
                conflicts: t.conflicts,
                against_sheet: t.against_sheet,
                alone: t.alone,
                silent: t.silent,
            })
            .collect();
        let mut seen = BTreeSet::new();
        let facts = report
            .findings
            .iter()
            .filter(|f| seen.insert(f.fact.clone()))
            .map(|f| FactOption {
                id: f.fact.clone(),
                description: about(report, f),
            })
            .collect();
        let summary = report.summary();
        let severities = [Severity::Error, Severity::Warning, Severity::Note]
            .into_iter()
            .map(|s| SeverityCount {
                name: s.name(),
                count: report.findings.iter().filter(|f| f.severity == s).count(),
            })
            .collect();
        Page {
            title: format!(
                "factlint report: {} in {}",
                plural(report.findings.len(), "finding"),
                plural(summary.sources, "source")
            ),
            summary: summary.line(),
            unchecked: report.unchecked_line(),
            style: include_str!("../../templates/report.css"),
            script: include_str!("../../templates/report.js"),
            outlets,
            rows,
            cards,
            copies,
            tallies,
            facts,
            severities,
        }
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn date(s: &Source) -> Option<String> {
    s.meta.published_text.as_deref().map(readable_date)
}

/// The fact sheet's values as the rule writes them.
fn sheet(fact: &Fact) -> Option<String> {
    (!fact.expected.is_empty()).then(|| {
        fact.expected
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// One cell of the matrix: the values a source states for a fact.
fn cell(report: &Report<'_>, fact: usize, s: usize, source: &Source, standing: Standing) -> Cell {
    let mut values: Vec<CellValue> = Vec::new();
    for c in crate::extract::of_fact(report.claims, fact)
        .iter()
        .filter(|c| c.source == s)
    {
        let shown = match &c.reading {
            Ok(Reading::Value(v)) => v.to_string(),
            // The words without markup or entities, as the table shows them.
            _ => source.words(c.span.clone()).to_string(),
        };
        if values.iter().any(|v| v.shown == shown) {
            continue;
        }
        values.push(CellValue {
            href: fragment_link(source, c.span.clone()),
            shown,
        });
    }
    Cell {
        standing: standing.name(),
        meaning: standing.meaning(),
        outlet: outlet_name(source),
        values,
    }
}

/// What a finding is about: the fact's description, else its id.
fn about(report: &Report<'_>, f: &Finding) -> String {
    match report.rules.facts.iter().find(|r| r.id == f.fact) {
        Some(fact) => fact.description.clone(),
        None if f.kind == FindingKind::QuoteDrift => "a quotation".to_string(),
        None if f.kind == FindingKind::SingleSource => "figures only one source gives".to_string(),
        None => f.fact.clone(),
    }
}

fn card(report: &Report<'_>, index: usize, f: &Finding) -> Card {
    let fact = report.rules.facts.iter().find(|r| r.id == f.fact);
    let source_of = |l: &Label| report.corpus.sources.iter().find(|s| s.file == l.file);
    let passages: Vec<Passage> = f
        .labels
        .iter()
        .filter_map(|l| {
            let source = source_of(l)?;
            Some(passage(
                source,
                l.span.clone(),
                l.message.clone(),
                l.primary,
            ))
        })
        .collect();
    let outlets: BTreeSet<String> = f
        .labels
        .iter()
        .filter_map(|l| {
            report
                .corpus
                .sources
                .iter()
                .position(|s| s.file == l.file)
                .map(|i| format!("s{i}"))
        })
        .collect();
    let diff = if f.kind == FindingKind::QuoteDrift {
        quote_diff(report, f)
    } else {
        Vec::new()
    };
    Card {
        anchor: format!("finding-{}", index + 1),
        severity: f.severity.name(),
        code: f.kind.code(),
        kind: f.kind.name(),
        fact: f.fact.clone(),
        about: about(report, f),
        outlets: outlets.into_iter().collect::<Vec<_>>().join(" "),
        message: outlets_named(report, &f.message),
        passages,
        sheet: fact.and_then(sheet),
        cite: fact.and_then(|r| r.cite.clone()),
        notes: f
            .notes
            .iter()
            .filter(|n| !n.starts_with("fact sheet:"))
            .map(|n| outlets_named(report, n))
            .collect(),
        diff,
    }
}

fn passage(source: &Source, span: std::ops::Range<usize>, label: String, primary: bool) -> Passage {
    // The analysed words (no markup, no entities, no furniture) around the
    // span; the line is the article's own.
    let mut e = Excerpt::around(&source.plain, source.map.to_plain(span.clone()), CONTEXT);
    e.line = source
        .text
        .get(..span.start)
        .unwrap_or("")
        .matches('\n')
        .count()
        + 1;
    Passage {
        outlet: outlet_name(source),
        date: date(source),
        href: fragment_link(source, span),
        line: e.line,
        before: e.before,
        marked: e.marked,
        after: e.after,
        label,
        primary,
    }
}

/// The quotation of the primary label against the reference wording (the
/// first secondary label's quotation), word by word: words the primary
/// source adds are insertions, reference words it lacks are deletions.
/// Words outside the part both quote are left out.
fn quote_diff(report: &Report<'_>, f: &Finding) -> Vec<DiffPart> {
    let words = |l: &Label| -> Option<Vec<(String, String)>> {
        let source = report.corpus.sources.iter().find(|s| s.file == l.file)?;
        // Quotations are found in the analysed text, as the check found them.
        let at = source.map.to_plain(l.span.clone());
        let p = passages(&source.plain)
            .into_iter()
            .find(|p| p.span.start <= at.start && at.end <= p.span.end)?;
        Some(
            p.segments
                .iter()
                .flat_map(|s| s.tokens.iter())
                .map(|t| (t.norm.clone(), source.plain[t.span.clone()].to_string()))
                .collect(),
        )
    };
    let (Some(primary), Some(reference)) = (
        f.labels.iter().find(|l| l.primary).and_then(words),
        f.labels.iter().find(|l| !l.primary).and_then(words),
    ) else {
        return Vec::new();
    };
    let old: Vec<&str> = reference.iter().map(|(n, _)| n.as_str()).collect();
    let new: Vec<&str> = primary.iter().map(|(n, _)| n.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new);
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |kind: &'static str, text: String| match parts.last_mut() {
        Some(last) if last.kind == kind => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => parts.push(DiffPart { kind, text }),
    };
    let join = |ws: &[(String, String)]| {
        ws.iter()
            .map(|(_, w)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => push("same", join(&primary[new_range])),
            similar::DiffTag::Delete => push("del", join(&reference[old_range])),
            similar::DiffTag::Insert => push("ins", join(&primary[new_range])),
            similar::DiffTag::Replace => {
                push("del", join(&reference[old_range]));
                push("ins", join(&primary[new_range]));
            }
        }
    }
    // Reference words before or after what the primary source quotes are
    // not omissions.
    while parts.first().is_some_and(|p| p.kind == "del") {
        parts.remove(0);
    }
    while parts.last().is_some_and(|p| p.kind == "del") {
        parts.pop();
    }
    parts
}

/// The article's URL, only if it is http(s) and plain: anything else
/// (`javascript:`, `data:`) is never a link.
fn safe_url(source: &Source) -> Option<String> {
    let url = source.meta.url.as_deref()?.trim();
    let lower = url.to_ascii_lowercase();
    let plain = !url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>');
    ((lower.starts_with("https://") || lower.starts_with("http://")) && plain && url.len() > 8)
        .then(|| url.split('#').next().unwrap_or(url).to_string())
}

/// A link to the article scrolled to the exact words, with a text fragment
/// (`#:~:text=`), when the article has a safe URL.
fn fragment_link(source: &Source, span: std::ops::Range<usize>) -> Option<String> {
    let base = safe_url(source)?;
    // What a browser finds on the page: the words, not the markup.
    let words: String = source
        .words(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if words.is_empty() {
        return Some(base);
    }
    Some(format!("{base}#:~:text={}", fragment_encode(&words)))
}

/// Percent-encodes everything but letters, digits and `._~`: `-`, `,` and
/// `&` are syntax inside a text fragment.
fn fragment_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fragments_encode_their_syntax() {
        assert_eq!(
            fragment_encode("$150 million, co-founder"),
            "%24150%20million%2C%20co%2Dfounder"
        );
        assert_eq!(fragment_encode("€"), "%E2%82%AC");
    }
}
