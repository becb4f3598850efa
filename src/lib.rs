//! factlint: a fact-consistency linter for journalism.
//!
//! Several outlets cover one story; factlint finds where their articles
//! disagree on facts. Data flows one way:
//!
//! ```text
//! paths ─→ corpus::Corpus ─┐
//!                          ├─→ extract ─→ claims ─→ compare ─→ findings ─→ report
//! rules/*.toml ─→ RuleSet ─┘
//! ```
//!
//! - [`corpus`]: the articles, byte for byte, and their manifest metadata;
//!   each read as plain text, Markdown or HTML into analysed text (no
//!   markup, no page furniture) with a map back to the original bytes.
//! - [`rules`]: facts defined in TOML, validated with spans, compiled once.
//! - [`value`]: one normaliser per kind (money, count, date, duration,
//!   title, choice), so "$150M" equals "$150 million".
//! - [`extract`]: patterns over articles, giving [`extract::Claim`]s.
//! - [`compare`]: claims across sources, giving [`finding::Finding`]s.
//! - [`report`]: ordering and the human, short and JSON emitters.
//!
//! The library never prints: emitters write to the writer they are given,
//! and errors come back as diagnostics for the caller to render.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod compare;
pub mod config;
pub mod copies;
pub mod corpus;
pub mod discover;
pub mod evidence;
pub mod examples;
pub mod explain;
pub mod extract;
pub mod figures;
pub mod files;
pub mod finding;
pub mod gate;
pub mod hygiene;
pub mod init;
pub mod input;
pub mod matcher;
pub mod prefilter;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod server;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod value;

use config::{Config, Origin};
use corpus::Corpus;
use extract::Claim;
use files::{Diagnostic, Files};
use finding::Finding;
use rules::RuleSet;
use std::path::PathBuf;

/// Loads the rules the configuration names. Without any (no `--rules`, no
/// configuration naming them, and no `rules/` folder with a rule file in
/// it), the rule set is empty and only the rule-free checks run; the
/// report says so. Rules that were asked for and are missing are an error.
pub fn load_rules(config: &Config, files: &mut Files) -> Result<RuleSet, Vec<Diagnostic>> {
    if config.rules_origin == Origin::BuiltIn
        && !config.rules.iter().any(|p| rules::has_rule_file(p))
    {
        return Ok(RuleSet::none(&config.defaults));
    }
    input::check_rule_paths(&config.rules)?;
    RuleSet::load(&config.rules, &config.defaults, files)
}

/// The result of checking a corpus against a rule set.
pub struct Checked {
    pub corpus: Corpus,
    pub rules: RuleSet,
    pub claims: Vec<Claim>,
    /// Values of a rival group that no fact of it could take: shown in the
    /// table and JSON, never a finding.
    pub unplaced: Vec<(usize, matcher::Unplaced)>,
    pub findings: Vec<Finding>,
    /// Wire copies: sources that count once.
    pub copies: copies::Copies,
}

/// Loads the rules and the articles, extracts claims and compares them.
/// Problems with either input are all returned together as diagnostics
/// pointing into `files`.
pub fn check(
    files: &mut Files,
    corpus_paths: &[PathBuf],
    config: &Config,
) -> Result<Checked, Vec<Diagnostic>> {
    check_in_stages(files, corpus_paths, config, &mut |_| {})
}

/// What [`check_in_stages`] is doing, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Loading,
    Extracting,
    Comparing,
}

impl Stage {
    pub const COUNT: usize = 3;

    pub fn describe(self) -> &'static str {
        match self {
            Stage::Loading => "reading rules and articles",
            Stage::Extracting => "extracting claims",
            Stage::Comparing => "comparing sources",
        }
    }
}

/// [`check`], calling `stage` as each stage starts: the binary shows a
/// progress bar on long runs; the library itself never prints.
pub fn check_in_stages(
    files: &mut Files,
    corpus_paths: &[PathBuf],
    config: &Config,
    stage: &mut dyn FnMut(Stage),
) -> Result<Checked, Vec<Diagnostic>> {
    stage(Stage::Loading);
    let rules = load_rules(config, files);
    let corpus = Corpus::load_with(corpus_paths, &config.inputs, files).map(|mut c| {
        // Sources with no publication date take the story's, if set.
        for s in &mut c.sources {
            if s.meta.published.is_none() {
                s.meta.published.clone_from(&config.story_published);
            }
            // And write numbers as the story does, unless they say.
            if s.meta.number_format.is_none() {
                s.meta.number_format = config.story_number_format;
            }
        }
        c
    });
    let (rules, corpus) = match (rules, corpus) {
        (Ok(r), Ok(c)) => (r, c),
        (r, c) => {
            let mut errors = r.err().unwrap_or_default();
            errors.extend(c.err().unwrap_or_default());
            return Err(errors);
        }
    };
    stage(Stage::Extracting);
    let extraction = extract::extract_all(&rules, &corpus);
    let claims = extraction.claims;
    stage(Stage::Comparing);
    let copies = copies::Copies::detect(&corpus);
    let findings = findings(
        &rules,
        &corpus,
        &claims,
        Some(&extraction.seen),
        config,
        &copies,
    );
    Ok(Checked {
        corpus,
        rules,
        claims,
        unplaced: extraction.unplaced,
        findings,
        copies,
    })
}

/// Every check after extraction, on claims however they were obtained:
/// the command line extracts a whole corpus at once, the language server
/// one edited article at a time. Sources in one group of `copies` (wire
/// copies, see [`copies::Copies::detect`]) count once.
pub fn findings(
    rules: &RuleSet,
    corpus: &Corpus,
    claims: &[Claim],
    seen: Option<&std::collections::BTreeSet<matcher::TermId>>,
    config: &Config,
    copies: &copies::Copies,
) -> Vec<Finding> {
    let mut findings = compare::compare(rules, corpus, claims, copies);
    findings.extend(hygiene::check_with_terms(rules, corpus, claims, seen));
    findings.extend(quotes::check(corpus, &config.quotes));
    findings.extend(figures::single_source(
        corpus,
        claims,
        copies,
        &config.figures,
    ));
    findings
}
