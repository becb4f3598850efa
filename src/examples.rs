//! `factlint test`: every example of every fact, run through the same
//! extraction code as the corpus. An example passes when the fact extracts
//! exactly its values (compared normalised, so "$150M" in the rule matches
//! "$150 million" in the sentence), or nothing for a counter-example.

use crate::extract;
use crate::files::Diagnostic;
use crate::rules::{Example, Fact, RuleSet};
use crate::value::{Context, Reading, Value};
use codespan_reporting::diagnostic::Label;

/// The outcome of running every example.
pub struct TestRun {
    pub examples: usize,
    /// One diagnostic per failed example, pointing at it in the TOML.
    pub failures: Vec<Diagnostic>,
    /// Facts short of examples: (fact, positive, negative) counts.
    pub thin: Vec<(String, usize, usize)>,
}

pub fn run(rules: &RuleSet) -> TestRun {
    let mut failures = Vec::new();
    let mut thin = Vec::new();
    let mut examples = 0;
    for (index, fact) in rules.facts.iter().enumerate() {
        for example in &fact.examples {
            examples += 1;
            if let Some(d) = check(rules, index, example) {
                failures.push(d);
            }
        }
        let positive = fact
            .examples
            .iter()
            .filter(|e| !e.expected.is_empty())
            .count();
        let negative = fact.examples.len() - positive;
        if positive < 2 || negative < 1 {
            thin.push((fact.id.clone(), positive, negative));
        }
    }
    TestRun {
        examples,
        failures,
        thin,
    }
}

/// Whether example `example` of fact `index` passes, exactly as `factlint
/// test` judges it: what `factlint discover` checks before it writes a
/// proposal.
pub fn passes(rules: &RuleSet, index: usize, example: &Example) -> bool {
    check(rules, index, example).is_none()
}

/// `None` when the example passes, else the diagnostic saying why.
fn check(rules: &RuleSet, index: usize, example: &Example) -> Option<Diagnostic> {
    let fact: &Fact = &rules.facts[index];
    let ctx = Context {
        published: example.published.as_ref(),
        ..Context::default()
    };
    let (found, misses, unplaced) = extract::find_one(rules, index, &example.text, ctx, true);
    let mut got: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut why: Vec<String> = Vec::new();
    for f in &found {
        let words = &example.text[f.span.clone()];
        why.push(format!(
            "took {words:?} {}",
            f.evidence.describe(&example.text)
        ));
        match &f.reading {
            Ok(Reading::Value(v)) => {
                got.push(format!("{v} (from {words:?})"));
                keys.push(v.key());
            }
            Ok(Reading::Unresolved(why)) => {
                got.push(format!("unresolved {words:?}: {why}"));
                keys.push(String::new());
            }
            Err(why) => {
                got.push(format!("unreadable {words:?}: {why}"));
                keys.push(String::new());
            }
        }
    }
    let mut want: Vec<String> = example
        .expected
        .iter()
        .map(|(_, v): &(String, Value)| v.key())
        .collect();
    want.sort();
    keys.sort();
    if want == keys {
        return None;
    }
    let expected = if example.expected.is_empty() {
        "nothing".to_string()
    } else {
        example
            .expected
            .iter()
            .map(|(_, v)| v.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let got = if got.is_empty() {
        "nothing".to_string()
    } else {
        got.join(", ")
    };
    let fact_id = |f: usize| rules.facts[f].id.clone();
    why.extend(
        misses
            .iter()
            .map(|m| format!("missed {}", m.describe(&example.text, fact_id))),
    );
    why.extend(unplaced.iter().map(|u| {
        let miss = crate::matcher::evidence::Miss {
            fact: index,
            span: u.span.clone(),
            why: u.why.clone(),
        };
        format!("missed {}", miss.describe(&example.text, fact_id))
    }));
    let mut notes = vec![format!("expected: {expected}"), format!("got: {got}")];
    notes.extend(why);
    Some(
        Diagnostic::error()
            .with_message(format!("example of `{}` failed", fact.id))
            .with_labels(vec![Label::primary(fact.file, example.text_span.clone())
                .with_message(format!("expected {expected}, got {got}"))])
            .with_notes(notes),
    )
}
