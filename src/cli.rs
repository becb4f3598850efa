//! Command-line arguments. Only `main` turns these into library calls.

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// factlint finds where news articles covering one story disagree on facts.
///
/// It reads the articles (.txt, .md and .html files) under PATH, extracts each fact
/// defined by the rules with its patterns, normalises the wording into
/// comparable values ("$150M" = "$150 million", "every fortnight" = "every
/// two weeks"), and reports conflicts between sources, values that
/// contradict a rule's fact sheet, values too few sources support, sources
/// that contradict themselves, and rules that check less than they seem to.
///
/// Configuration (factlint.toml) comes from --config, else the file named by
/// FACTLINT_CONFIG, else the nearest factlint.toml in the corpus folder or
/// above. Rules come from --rules, else the configuration's `rules`, else
/// ./rules. Article metadata (outlet, URL, publication date) is read from a
/// sources.toml beside the articles.
///
/// Exit status: 0 when no finding is at or above --fail-on; 1 when some
/// finding is (or, for `factlint test`, an example fails); 2 on a usage
/// error or bad input (missing or unreadable paths, non-UTF-8 files, no
/// articles, invalid rule or configuration files).
#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    max_term_width = 100,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub check: CheckArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every command takes, after its name
/// (`factlint table corpus/ --color never`).
#[derive(ClapArgs, Debug)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// A rule file or a folder of rule files (*.toml); may be repeated.
    #[arg(long, value_name = "DIR", global = true)]
    pub rules: Vec<PathBuf>,

    /// The configuration file to use instead of looking for factlint.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// When to colour output; `auto` colours a terminal unless the
    /// NO_COLOR environment variable is set to a non-empty value.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", global = true)]
    pub color: ColorWhen,

    /// The width to fit text tables into; by default the terminal's width,
    /// or 120 columns when the output is not a terminal.
    #[arg(long, value_name = "COLUMNS", global = true)]
    pub width: Option<usize>,

    /// Refuse articles larger than this many bytes (default 10 MB; also
    /// `max_article_bytes` in factlint.toml).
    #[arg(long, value_name = "BYTES", global = true)]
    pub max_article_bytes: Option<u64>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run every example of every rule and report the ones that fail.
    Test(TestArgs),
    /// Show the claims table: one row per fact, one column per source.
    Table(TableArgs),
    /// Explain a finding code (FL001, conflict) or a fact (ad-spend-2017).
    Explain(ExplainArgs),
    /// Create a factlint.toml, example rules and a sources.toml in DIR.
    Init(InitArgs),
    /// Propose facts (entities, cue words, examples that pass `factlint
    /// test`) for figures, dates and quotations that several sources state.
    Discover(DiscoverArgs),
    /// Run a Language Server Protocol server over stdin and stdout, for
    /// editors (see docs/editors.md).
    Server,
    /// Print a completion script for SHELL: e.g.
    /// `factlint completions bash > ~/.local/share/bash-completion/completions/factlint`.
    Completions(CompletionsArgs),
    /// Print the man page (roff): `factlint man > factlint.1`.
    Man,
    /// List the value kinds and the wordings each reads (docs/kinds.md);
    /// `factlint explain kind:money` prints one.
    Kinds(KindsArgs),
}

#[derive(ClapArgs, Debug)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(ClapArgs, Debug)]
pub struct KindsArgs {
    /// Only this kind: money, count, date, duration, title, choice.
    #[arg(value_name = "KIND")]
    pub kind: Option<String>,
}

#[derive(ClapArgs, Debug)]
pub struct DiscoverArgs {
    /// Articles, as for checking.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Write the proposed rules to FILE, which must not exist yet.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Propose at most N facts: those whose values disagree, then those
    /// spanning the most sources.
    #[arg(long, value_name = "N", default_value_t = factlint::discover::DEFAULT_MAX_PROPOSALS)]
    pub max_proposals: usize,
}

#[derive(ClapArgs, Debug)]
pub struct CheckArgs {
    /// Articles to check: files, `-` for standard input, or folders
    /// searched recursively for .txt, .md, .markdown, .html and .htm files
    /// (respecting .gitignore and .ignore; README*, CHANGELOG*, LICENSE*,
    /// docs/ and rules/ are read only when named).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Do not read files or folders matching GLOB when walking folders
    /// (as in .gitignore: `drafts`, `*.draft.md`, `/wire/old`); may be
    /// repeated. Adds to `exclude` in factlint.toml.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// With `-` as a PATH: the name of the article read from standard
    /// input, which also places it in the corpus (its sources.toml entry,
    /// its format) and stands in for a file of that name.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Print what each article leaves out as page furniture, and why, and
    /// exit.
    #[arg(long)]
    pub show_furniture: bool,

    /// Output format: human (rustc-style diagnostics), short (one line per
    /// finding), json (the documented machine format), sarif (SARIF 2.1.0,
    /// for code scanning), github (workflow annotations), junit (one test
    /// case per fact), table (the claims table) or html (a self-contained
    /// page for editors; use with -o report.html).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// The lowest severity that makes factlint exit with status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Print the resolved configuration, with where each value comes from,
    /// and exit.
    #[arg(long)]
    pub show_config: bool,

    /// After the report, show the findings per code and per outlet, and
    /// per fact how many sources and claims it matched.
    #[arg(long)]
    pub statistics: bool,

    /// Check again whenever an article, a rule or the configuration
    /// changes, until interrupted.
    #[arg(long, conflicts_with_all = ["write_baseline", "prune_baseline", "show_config"])]
    pub watch: bool,

    /// Write the report to FILE (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Exit with 0 even when there are findings (bad input still exits 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Hide the findings recorded in this baseline file; report only new
    /// ones, and baseline entries that no longer match.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in FILE as a baseline, and exit.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// With --baseline: rewrite the baseline without its stale entries.
    #[arg(long, requires = "baseline")]
    pub prune_baseline: bool,

    /// Report only findings on these articles (they carry the finding's
    /// primary label; other sources' labels are still shown); the exit
    /// status follows only those.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub focus: Vec<PathBuf>,

    /// Focus on the articles changed since the merge base with REF
    /// (`git diff REF...HEAD`, plus uncommitted and untracked articles).
    #[arg(long, value_name = "REF")]
    pub focus_changed: Option<String>,
}

#[derive(ClapArgs, Debug)]
pub struct TestArgs {
    /// Rule files or folders; by default the configured rules. (Its own id:
    /// the global `--rules` is another argument.)
    #[arg(value_name = "RULES", id = "rule_files")]
    pub rules: Vec<PathBuf>,
}

#[derive(ClapArgs, Debug)]
pub struct TableArgs {
    /// Articles, as for checking.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// text (aligned, fits the terminal), csv or markdown.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,

    /// Rows: one per fact (values by source), or one per outlet (how many
    /// of the facts it states agree, conflict or stand alone).
    #[arg(long, value_enum, default_value_t = TableBy::Fact)]
    pub by: TableBy,

    /// Do not cut cells to fit the width.
    #[arg(long)]
    pub wide: bool,
}

#[derive(ClapArgs, Debug)]
pub struct ExplainArgs {
    /// A finding code (FL001), a finding kind (conflict), a fact id, or any
    /// id a report prints (`quote:…`, `figures`; give the articles to see
    /// their findings).
    #[arg(value_name = "ID", required_unless_present = "all_codes")]
    pub id: Option<String>,

    /// For a fact: the articles to list the sources that state it from.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print the documentation of every code as Markdown (docs/codes.md).
    #[arg(long, conflicts_with = "id")]
    pub all_codes: bool,
}

#[derive(ClapArgs, Debug)]
pub struct InitArgs {
    /// The story's folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the files that are missing even if others exist. Existing
    /// files are never overwritten.
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    Sarif,
    Github,
    Junit,
    Table,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableBy {
    Fact,
    Outlet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Csv,
    Markdown,
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
