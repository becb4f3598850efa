//! Rules: the facts of a story, read from `rules/*.toml`, checked, and
//! compiled once.
//!
//! Loading goes in two steps, as in cargo-deny: serde reads each file into
//! [`raw`] structs that keep their spans, then [`compile`] validates every
//! field and compiles every pattern, collecting *all* problems of all files
//! as diagnostics pointing into the TOML. A rule set with any error is not
//! run: a half-loaded rule set would pass articles it never checked.

pub(crate) mod compile;
pub mod deferred;
mod keys;
pub mod pattern;
mod raw;
mod shape;
pub mod terms;

use crate::files::{self, Diagnostic, FileId, Files};
use crate::finding::{FindingKind, Severity};
use crate::prefilter::{Needs, Prefilter, PrefilterBuilder};
use crate::value::{choice::Category, DateSpan, Kind, Tolerance, Value};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One fact of the story: what it is, how to find it, what it should be.
#[derive(Debug)]
pub struct Fact {
    pub id: String,
    /// A noun phrase: "Netflix's Facebook ad spend in 2017".
    pub description: String,
    pub kind: Kind,
    pub patterns: Vec<Pattern>,
    /// The sentence-aware form: subject, cues, anchors (see [`terms`]).
    pub shape: Option<terms::Shape>,
    /// Values the fact sheet gives; a claim compatible with none of them
    /// contradicts the reference.
    pub expected: Vec<Reference>,
    /// Values known to be wrong, each with the reason.
    pub rejected: Vec<Rejected>,
    /// Where the fact sheet comes from.
    pub cite: Option<String>,
    /// How many sources must state a value before it counts as corroborated.
    pub min_sources: usize,
    severities: [Severity; FindingKind::ALL.len()],
    pub note: Option<String>,
    /// Whether sources may legitimately state several values (a person has
    /// many true descriptors): then only the reference and `min_sources`
    /// are checked, never conflicts between values.
    pub multivalued: bool,
    pub tolerance: Tolerance,
    /// The categories of a `choice` fact.
    pub categories: Vec<Category>,
    /// Sentences with what the fact must extract from them; `factlint test`
    /// runs them.
    pub examples: Vec<Example>,
    /// The rule file and the span of the fact's `id`.
    pub file: FileId,
    pub id_span: Range<usize>,
}

/// One compiled pattern of a fact.
#[derive(Debug)]
pub struct Pattern {
    /// As written in the rule file.
    pub source: String,
    /// Compiled on the first article the prefilter admits it for.
    pub regex: deferred::DeferredRegex,
    /// The literals it cannot match without, for the prefilter.
    pub needs: Needs,
    pub span: Range<usize>,
}

/// An example sentence of a fact.
#[derive(Debug)]
pub struct Example {
    pub text: String,
    /// The values to extract, as written and as read; empty for a
    /// counter-example, from which nothing may be extracted.
    pub expected: Vec<(String, Value)>,
    pub published: Option<DateSpan>,
    /// The `[[fact.example]]` table and its `text`.
    pub span: Range<usize>,
    pub text_span: Range<usize>,
}

/// Values a fact takes when it does not set them, from the configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Defaults {
    pub min_sources: usize,
    pub tolerance: f64,
    pub similarity: f64,
    pub severities: [Severity; FindingKind::ALL.len()],
    /// Hedge widths set per kind in the configuration (`[hedge]`).
    pub hedges: Vec<(Kind, f64)>,
    /// The story's title synonyms: sets of wordings of one title.
    pub synonyms: Vec<Vec<String>>,
}

impl Defaults {
    /// The hedge width the configuration sets for `kind`, if any.
    pub fn hedge(&self, kind: Kind) -> Option<f64> {
        self.hedges
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, w)| *w)
    }

    /// The configured severity of findings of `kind` that belong to no
    /// fact's rule (baseline and acknowledgement findings).
    pub fn severity(&self, kind: FindingKind) -> Severity {
        self.severities[kind.index()]
    }
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            min_sources: 1,
            tolerance: 0.0,
            similarity: crate::value::title::DEFAULT_SIMILARITY,
            severities: FindingKind::ALL.map(FindingKind::default_severity),
            hedges: Vec::new(),
            synonyms: Vec::new(),
        }
    }
}

/// An expected value from the fact sheet.
#[derive(Debug)]
pub struct Reference {
    pub text: String,
    pub value: Value,
}

/// A value known to be wrong.
#[derive(Debug)]
pub struct Rejected {
    pub text: String,
    pub value: Value,
    pub reason: String,
}

impl Fact {
    /// The severity of findings of `kind` on this fact.
    pub fn severity(&self, kind: FindingKind) -> Severity {
        self.severities[kind.index()]
    }
}

/// Every fact, plus one [`Prefilter`] over the literals of all their
/// patterns, so that each article is scanned once to learn which patterns
/// can match at all.
#[derive(Debug)]
pub struct RuleSet {
    pub facts: Vec<Fact>,
    /// The story's entities, sorted by id; facts refer to them by index.
    pub entities: Vec<terms::Entity>,
    /// Finds the sentence-aware facts' values.
    pub matcher: crate::matcher::Matcher,
    /// What facts did not set, for findings that belong to no fact.
    pub defaults: Defaults,
    prefilter: Prefilter,
    /// `(fact, pattern)` for each item of `prefilter`, in order.
    owners: Vec<PatternId>,
}

/// A pattern as `(index of its fact, index among the fact's patterns)`.
type PatternId = (usize, usize);

impl RuleSet {
    /// The configured severity of findings of `kind` that belong to no
    /// fact (an entity's unused name).
    pub fn defaults_severity(&self, kind: FindingKind) -> Severity {
        self.defaults.severity(kind)
    }

    /// No rules at all: what a story without a rules folder runs with, so
    /// that the rule-free checks (quotation drift, single-source figures)
    /// still run.
    pub fn none(defaults: &Defaults) -> RuleSet {
        let (prefilter, owners) =
            candidate_filter(&[]).expect("an empty rule set has no pattern to reject");
        RuleSet {
            facts: Vec::new(),
            entities: Vec::new(),
            defaults: defaults.clone(),
            matcher: crate::matcher::Matcher::new(&[], &[]),
            prefilter,
            owners,
        }
    }

    /// Reads rules from `paths`: `.toml` files, or folders whose `.toml`
    /// files (sorted by name, not recursive) are all rule files.
    pub fn load(
        paths: &[PathBuf],
        defaults: &Defaults,
        files: &mut Files,
    ) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut rule_files = Vec::new();
        for path in paths {
            collect_rule_files(path, &mut rule_files, &mut errors);
        }
        if rule_files.is_empty() && errors.is_empty() {
            let shown: Vec<String> = paths
                .iter()
                .map(|p| format!("`{}`", crate::corpus::display(p)))
                .collect();
            errors.push(files::error(format!(
                "no rule files (*.toml) in {}",
                shown.join(", ")
            )));
        }
        let parsed: Vec<compile::ParsedFile> = rule_files
            .iter()
            .filter_map(|path| compile::parse_file(path, files, &mut errors))
            .collect();
        RuleSet::compile(parsed, defaults, errors)
    }

    /// Reads one rule file's text from memory, named `name` in
    /// diagnostics: how `factlint discover` loads the rules it proposes, to
    /// run their examples before writing them.
    pub fn from_text(
        name: &str,
        text: &str,
        defaults: &Defaults,
        files: &mut Files,
    ) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let parsed = compile::parse_text(name.to_string(), text.into(), files, &mut errors);
        RuleSet::compile(vec![parsed], defaults, errors)
    }

    /// Entities, then facts, of parsed rule files; any error in `errors`
    /// or found here fails the whole set.
    fn compile(
        parsed: Vec<compile::ParsedFile>,
        defaults: &Defaults,
        mut errors: Vec<Diagnostic>,
    ) -> Result<RuleSet, Vec<Diagnostic>> {
        // Entities first: every file's facts may name every file's entities.
        let mut table = shape::EntityTable::new();
        let mut raw_facts = Vec::new();
        let mut ids = Vec::new();
        for p in parsed {
            ids.extend(p.ids);
            for (id, raw) in p.entities {
                shape::compile_entity(&id, raw, p.file, &mut table, &mut errors);
            }
            raw_facts.extend(p.facts.into_iter().map(|f| (p.file, f)));
        }
        let entities: Vec<terms::Entity> = table.into_values().collect();
        let index: std::collections::BTreeMap<String, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut facts = Vec::new();
        for (file, raw) in raw_facts {
            if let Some(fact) = compile::compile_fact(raw, file, defaults, &index, &mut errors) {
                facts.push(fact);
            }
        }
        compile::check_duplicate_ids(&ids, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let (prefilter, owners) = candidate_filter(&facts)?;
        let matcher = crate::matcher::Matcher::new(&facts, &entities);
        Ok(RuleSet {
            facts,
            entities,
            defaults: defaults.clone(),
            matcher,
            prefilter,
            owners,
        })
    }

    /// The `(fact, pattern)` pairs whose pattern may match in `text`, in
    /// order: every pattern that matches is among them, and those whose
    /// required literals are absent are not. One pass over the text,
    /// however many patterns there are.
    pub fn candidates(&self, text: &str) -> Vec<(usize, usize)> {
        self.prefilter
            .candidates(text.as_bytes())
            .into_iter()
            .map(|i| self.owners[i])
            .collect()
    }
}

/// One prefilter item per pattern, with the literals it cannot match
/// without. A pattern with no usable literal (`[A-Z]\w+ said`) is a
/// candidate in every article: correct, only slower.
fn candidate_filter(facts: &[Fact]) -> Result<(Prefilter, Vec<PatternId>), Vec<Diagnostic>> {
    let mut owners = Vec::new();
    let mut builder = PrefilterBuilder::new();
    for (f, fact) in facts.iter().enumerate() {
        for (p, pattern) in fact.patterns.iter().enumerate() {
            owners.push((f, p));
            builder.push(pattern.needs.clone());
        }
    }
    let prefilter = builder.build().map_err(|e| {
        vec![files::error(format!(
            "the rules' literals are too many for one automaton: {e}"
        ))]
    })?;
    Ok((prefilter, owners))
}

/// Whether `path` is a rule file or a folder holding one: whether a run has
/// rules at all.
pub fn has_rule_file(path: &Path) -> bool {
    let (mut found, mut errors) = (Vec::new(), Vec::new());
    collect_rule_files(path, &mut found, &mut errors);
    !found.is_empty()
}

fn collect_rule_files(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
    let shown = crate::corpus::display(path);
    match std::fs::metadata(path) {
        Err(e) => errors.push(files::error(format!(
            "cannot read rules `{shown}`: {}",
            crate::corpus::io_reason(&e)
        ))),
        Ok(m) if m.is_dir() => match std::fs::read_dir(path) {
            Err(e) => errors.push(files::error(format!("cannot read rules `{shown}`: {e}"))),
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                    .collect();
                found.sort();
                out.extend(found);
            }
        },
        Ok(_) => out.push(path.to_path_buf()),
    }
}
