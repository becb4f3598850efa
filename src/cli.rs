//! Command-line arguments. Only `main` turns these into library calls.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// factlint finds where news articles covering one story disagree on facts.
///
/// It reads the articles (.txt and .md files) under PATH, extracts each fact
/// defined by the rules with its patterns, normalises the wording into
/// comparable values ("$150M" = "$150 million", "every fortnight" = "every
/// two weeks"), and reports conflicts between sources, values that
/// contradict a rule's fact sheet, values too few sources support, and
/// sources that contradict themselves.
///
/// Rules come from --rules; else from the `rules` of the nearest
/// factlint.toml in the corpus folder or above; else from ./rules.
/// Article metadata (outlet, URL, publication date) is read from a
/// sources.toml beside the articles.
///
/// Exit status: 0 when no finding is at or above --fail-on; 1 when some
/// finding is; 2 on a usage error or bad input (missing or unreadable
/// paths, non-UTF-8 files, no articles, invalid rule files).
#[derive(Parser, Debug)]
#[command(name = "factlint", version, max_term_width = 100)]
pub struct Args {
    /// Articles to check: files, or folders searched recursively for .txt
    /// and .md files.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// A rule file or a folder of rule files (*.toml); may be repeated.
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,

    /// Output format: human (rustc-style diagnostics), short (one line per
    /// finding) or json (the documented machine format).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to colour human output; `auto` colours a terminal unless the
    /// NO_COLOR environment variable is set.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// The lowest severity that makes factlint exit with status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
}
