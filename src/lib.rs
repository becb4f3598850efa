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
pub mod corpus;
pub mod discover;
pub mod examples;
pub mod explain;
pub mod extract;
pub mod figures;
pub mod files;
pub mod finding;
pub mod gate;
pub mod hygiene;
pub mod init;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod value;

use config::{Config, Origin};
use corpus::Corpus;
use extract::Claim;
use files::{Diagnostic, Files};
use finding::Finding;
use rules::RuleSet;
use std::path::PathBuf;

/// Loads the rules the configuration names. A missing built-in `rules/`
/// gets a message saying where else rules can come from.
pub fn load_rules(config: &Config, files: &mut Files) -> Result<RuleSet, Vec<Diagnostic>> {
    if config.rules_origin == Origin::BuiltIn && !config.rules.iter().any(|p| p.exists()) {
        return Err(vec![files::error(format!(
            "no rules found: pass --rules DIR, or put a {} naming the rules folder in the corpus folder or above it, or run factlint where a `rules/` folder is",
            config::CONFIG_FILE
        ))]);
    }
    RuleSet::load(&config.rules, &config.defaults, files)
}

/// The result of checking a corpus against a rule set.
pub struct Checked {
    pub corpus: Corpus,
    pub rules: RuleSet,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

/// Loads the rules and the articles, extracts claims and compares them.
/// Problems with either input are all returned together as diagnostics
/// pointing into `files`.
pub fn check(
    files: &mut Files,
    corpus_paths: &[PathBuf],
    config: &Config,
) -> Result<Checked, Vec<Diagnostic>> {
    let rules = load_rules(config, files);
    let corpus = Corpus::load_with(corpus_paths, &config.inputs, files);
    let (rules, corpus) = match (rules, corpus) {
        (Ok(r), Ok(c)) => (r, c),
        (r, c) => {
            let mut errors = r.err().unwrap_or_default();
            errors.extend(c.err().unwrap_or_default());
            return Err(errors);
        }
    };
    let claims = extract::extract(&rules, &corpus);
    let mut findings = compare::compare(&rules, &corpus, &claims);
    findings.extend(hygiene::check(&rules, &corpus, &claims));
    findings.extend(quotes::check(&corpus, &config.quotes));
    findings.extend(figures::single_source(&corpus, &claims, &config.figures));
    Ok(Checked {
        corpus,
        rules,
        claims,
        findings,
    })
}
