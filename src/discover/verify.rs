//! Proposals checked the way `factlint test` checks them, before they are
//! written: the rule file is rendered, loaded like any rule file, and every
//! example run through the real extractor with the whole proposed rule set
//! (facts of one kind compete for a value, so a fact alone is not the
//! test).
//!
//! An example that fails is mended when the fact does extract the value it
//! was taken for: its values become what the fact extracts from the
//! sentence (a second figure the fact also reads there, the words as the
//! value reader delimits them). Otherwise it is dropped, and so is a fact
//! left without an example it passes. Dropping a fact changes what its
//! rivals extract, so the round repeats until one passes untouched: the
//! file written is the file whose every example passed.

use super::entities::Entity;
use super::proposal::{Draft, ExampleDraft, How};
use super::render;
use crate::examples;
use crate::extract;
use crate::files::Files;
use crate::rules::{Defaults, RuleSet};
use crate::value::{self, Context, Kind, Reading};

/// What checking left: the proposals whose examples all pass as rendered
/// (comments aside, the file written), and how many proposals and
/// examples were dropped on the way.
pub struct Checked {
    pub drafts: Vec<Draft>,
    pub dropped_facts: usize,
    pub dropped_examples: usize,
}

/// Keeps of `drafts` only what passes (see the module doc).
pub fn checked(entities: &[Entity], mut drafts: Vec<Draft>) -> Checked {
    let (mut dropped_facts, mut dropped_examples) = (0, 0);
    // A value the kind cannot read would fail the whole file to load.
    for d in &mut drafts {
        let before = d.examples.len();
        let kind = Kind::from_name(d.kind).unwrap_or(Kind::Choice);
        d.examples
            .retain(|e| kind == Kind::Choice || e.values.iter().all(|v| readable(kind, v, e)));
        dropped_examples += before - d.examples.len();
    }
    // Each round either changes nothing (done) or drops something, or
    // mends examples once each: bounded by the examples there are.
    let rounds = 2 + drafts.len() + drafts.iter().map(|d| d.examples.len()).sum::<usize>();
    for _ in 0..rounds {
        let text = render::render("", entities, &drafts);
        let mut files = Files::new();
        let Ok(rules) =
            RuleSet::from_text("discover.toml", &text, &Defaults::default(), &mut files)
        else {
            // Proposals are built to load; if one does not, writing none
            // beats writing a file `factlint test` rejects.
            dropped_facts += drafts.len();
            drafts.clear();
            continue;
        };
        let mut changed = false;
        let mut keep = Vec::with_capacity(drafts.len());
        for (index, mut draft) in drafts.into_iter().enumerate() {
            let compiled = rules
                .facts
                .get(index)
                .filter(|f| f.id == draft.id && f.examples.len() == draft.examples.len());
            let Some(fact) = compiled else {
                changed = true;
                dropped_facts += 1;
                continue;
            };
            let before = draft.examples.len();
            let mut kept = Vec::with_capacity(before);
            for (example, compiled) in draft.examples.into_iter().zip(&fact.examples) {
                if examples::passes(&rules, index, compiled) {
                    kept.push(example);
                    continue;
                }
                changed = true;
                if let Some(mended) = mend(&rules, index, example) {
                    kept.push(mended);
                }
            }
            dropped_examples += before - kept.len();
            draft.examples = kept;
            changed |= prune_choices(&mut draft);
            if exemplified(&draft) {
                keep.push(draft);
            } else {
                changed = true;
                dropped_facts += 1;
                dropped_examples += draft.examples.len();
            }
        }
        drafts = keep;
        if !changed {
            return Checked {
                drafts,
                dropped_facts,
                dropped_examples,
            };
        }
    }
    // Not settled (which the bound above rules out): write nothing rather
    // than something unchecked.
    Checked {
        dropped_facts: dropped_facts + drafts.len(),
        drafts: Vec::new(),
        dropped_examples,
    }
}

/// A failing example with its values set to what fact `index` extracts,
/// when that includes the value the example was taken for and every value
/// extracted is readable; `None` otherwise (and for a counter-example,
/// which fails only by extracting something).
fn mend(rules: &RuleSet, index: usize, example: ExampleDraft) -> Option<ExampleDraft> {
    let intended = example.intended.clone()?;
    if example.corrected {
        return None;
    }
    let ctx = Context {
        published: example.published.as_ref().map(|(_, d)| d),
        ..Context::default()
    };
    let (found, _, _) = extract::find_one(rules, index, &example.text, ctx, false);
    let hit = found
        .iter()
        .any(|f| f.span.start < intended.end && intended.start < f.span.end);
    if !hit {
        return None;
    }
    let mut values = Vec::with_capacity(found.len());
    for f in &found {
        match &f.reading {
            // A choice example names the category; other kinds the words.
            Ok(Reading::Value(value::Value::Choice(c))) => values.push(c.clone()),
            Ok(Reading::Value(_)) => values.push(example.text[f.span.clone()].to_string()),
            _ => return None,
        }
    }
    Some(ExampleDraft {
        values,
        corrected: true,
        ..example
    })
}

/// Whether `words` read as an absolute value of `kind` in `example`'s
/// context, as a rule file's example value must.
fn readable(kind: Kind, words: &str, example: &ExampleDraft) -> bool {
    let ctx = Context {
        published: example.published.as_ref().map(|(_, d)| d),
        ..Context::default()
    };
    matches!(value::read(kind, words, ctx, &[]), Ok(Reading::Value(_)))
}

/// Drops the categories of a choice draft that no example shows (a
/// wording the pattern never reaches); whether any was dropped.
fn prune_choices(draft: &mut Draft) -> bool {
    let How::Choice { choices, .. } = &mut draft.how else {
        return false;
    };
    let before = choices.len();
    let shown: std::collections::BTreeSet<&String> =
        draft.examples.iter().flat_map(|e| &e.values).collect();
    choices.retain(|(name, _)| shown.contains(name));
    choices.len() != before
}

/// Whether a draft still shows what it proposes: a value it reads, and for
/// a choice, two wordings to tell apart.
fn exemplified(draft: &Draft) -> bool {
    let positive = draft.examples.iter().any(|e| e.intended.is_some());
    match &draft.how {
        How::Choice { choices, .. } => positive && choices.len() >= 2,
        How::Near { .. } => positive,
    }
}
