//! Hover on a claim: what every outlet says about that fact, and what the
//! fact sheet says. This is the question a reporter asks on seeing a
//! figure underlined: "who says otherwise, and who is right?"

use super::location::LineIndex;
use super::state::Analysis;
use crate::extract::{self, Claim};
use crate::rules::RuleSet;
use crate::value::Reading;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use std::fmt::Write as _;

/// The hover at byte `offset` of the analysed article, if a claim is
/// there.
pub fn at(analysis: &Analysis, rules: &RuleSet, offset: usize) -> Option<Hover> {
    let claim = analysis
        .claims
        .iter()
        .filter(|c| c.source == analysis.source)
        .find(|c| c.span.start <= offset && offset <= c.span.end)?;
    let text = describe(analysis, rules, claim.fact);
    let index = LineIndex::new(&analysis.corpus.sources[analysis.source].text);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(index.range(&claim.span)),
    })
}

/// The fact, each outlet's words and values, and the fact sheet.
fn describe(analysis: &Analysis, rules: &RuleSet, fact_index: usize) -> String {
    let fact = &rules.facts[fact_index];
    let mut out = format!("**{}** (`{}`)\n\n", fact.description, fact.id);
    out.push_str("What each outlet says:\n\n");
    let mine = extract::of_fact(&analysis.claims, fact_index);
    for (s, source) in analysis.corpus.sources.iter().enumerate() {
        let theirs: Vec<&Claim> = mine.iter().filter(|c| c.source == s).collect();
        if theirs.is_empty() {
            continue;
        }
        let who = source.meta.outlet.as_deref().unwrap_or(&source.path);
        let here = if s == analysis.source {
            " (this article)"
        } else {
            ""
        };
        let said: Vec<String> = theirs
            .iter()
            .map(|c| {
                let words = source.text.get(c.span.clone()).unwrap_or("");
                format!("“{}” = {}", words.trim(), reading(&c.reading))
            })
            .collect();
        let _ = writeln!(out, "- {who}{here}: {}", said.join("; "));
    }
    if !fact.expected.is_empty() || !fact.rejected.is_empty() {
        out.push_str("\nFact sheet:\n\n");
        for r in &fact.expected {
            let _ = writeln!(out, "- expected: {} ({})", r.text, r.value);
        }
        for r in &fact.rejected {
            let _ = writeln!(out, "- rejected: {}: {}", r.text, r.reason);
        }
        if let Some(cite) = &fact.cite {
            let _ = writeln!(out, "- source: {cite}");
        }
    }
    if let Some(note) = &fact.note {
        let _ = writeln!(out, "\nNote: {note}");
    }
    out
}

fn reading(r: &Result<Reading, String>) -> String {
    match r {
        Ok(Reading::Value(v)) => v.to_string(),
        Ok(Reading::Unresolved(_)) => "unresolved".to_string(),
        Err(_) => "unreadable".to_string(),
    }
}
