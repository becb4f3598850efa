//! The `factlint` binary: parse arguments, run the library, print, and map
//! the outcome to an exit code (0 clean, 1 findings or failed examples, 2
//! bad input). This is the only code that prints.

mod cli;
mod progress;

use clap::Parser;
use cli::{
    CheckArgs, Cli, ColorWhen, Command, DiscoverArgs, ExplainArgs, FailOn, Format, GlobalArgs,
    InitArgs, TableArgs, TableBy, TableFormat, TestArgs,
};
use codespan_reporting::term::{self, termcolor, termcolor::WriteColor};
use factlint::baseline::Baseline;
use factlint::config::Config;
use factlint::corpus::display;
use factlint::files::{Diagnostic, Files};
use factlint::finding::{FindingKind, Severity};
use factlint::report::{self, Layout, Report};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit statuses.
const FINDINGS: u8 = 1;
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    // An interrupted write leaves no temporary file behind.
    let _ = ctrlc::set_handler(|| {
        factlint::atomic::remove_pending();
        std::process::exit(130);
    });
    let cli = Cli::parse();
    if cli.command.is_none() {
        if let Some(message) = mistyped_command(&cli.check.paths) {
            eprintln!("error: {message}");
            return ExitCode::from(BAD_INPUT);
        }
    }
    let mut files = Files::new();
    let global = &cli.global;
    let outcome = match cli.command {
        None if cli.check.watch => watch(&cli.check, global),
        None => check(&cli.check, global, &mut files),
        Some(Command::Test(args)) => test(args, global, &mut files),
        Some(Command::Table(args)) => table(args, global, &mut files),
        Some(Command::Explain(args)) => explain(args, global, &mut files),
        Some(Command::Init(args)) => init(args),
        Some(Command::Discover(args)) => discover(args, global, &mut files),
        Some(Command::Server) => server(),
        Some(Command::Completions(args)) => emit(ColorWhen::Never, |out| {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "factlint", out);
            Ok(())
        })
        .map(|()| 0),
        Some(Command::Man) => emit(ColorWhen::Never, |out| {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)
        })
        .map(|()| 0),
        Some(Command::Kinds(args)) => kinds(args.kind.as_deref()),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Input(errors, color)) => {
            print_errors(
                &files,
                &errors,
                color_choice(color, io::stderr().is_terminal()),
            );
            ExitCode::from(BAD_INPUT)
        }
        Err(Failure::Output(e)) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// Why a command stopped.
enum Failure {
    /// Bad input: diagnostics for stderr.
    Input(Vec<Diagnostic>, ColorWhen),
    /// Writing the output failed (other than a closed pipe).
    Output(io::Error),
}

type Outcome = Result<u8, Failure>;

fn input(color: ColorWhen) -> impl Fn(Vec<Diagnostic>) -> Failure {
    move |errors| Failure::Input(errors, color)
}

/// Writes to stdout, buffered, coloured as `color` says. A reader that
/// stopped reading (`factlint … | head`) is not an error.
fn emit(
    color: ColorWhen,
    write: impl FnOnce(&mut termcolor::BufferedStandardStream) -> io::Result<()>,
) -> Result<(), Failure> {
    let mut out =
        termcolor::BufferedStandardStream::stdout(color_choice(color, io::stdout().is_terminal()));
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}

fn check(args: &CheckArgs, global: &GlobalArgs, files: &mut Files) -> Outcome {
    let bad = input(global.color);
    let config = check_config(args, global, files).map_err(&bad)?;
    if args.show_config {
        emit(global.color, |out| out.write_all(config.show().as_bytes()))?;
        return Ok(0);
    }
    if args.show_furniture {
        return show_furniture(args, global, &config, files);
    }
    let checked = run_with_progress(args, &config, files).map_err(&bad)?;
    let (findings, mut suppressed) = acknowledge(&checked, &config);
    let acknowledged = suppressed.len();
    refuse_destinations(args, files).map_err(&bad)?;
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &findings, files);
    }
    let focus = focus_set(args, &checked).map_err(&bad)?;
    let (mut findings, hidden) = apply_baseline(
        args,
        findings,
        &mut suppressed,
        focus.as_ref(),
        &config,
        files,
        global.color,
    )?;
    if let Some(set) = &focus {
        findings = factlint::gate::focus(findings, set);
    }
    let report = build_report(
        &checked,
        findings,
        Hidden {
            baseline: hidden,
            acknowledged,
            suppressed,
        },
        focus.as_ref(),
        files,
    );
    let threshold = threshold(args.fail_on);
    write_report(args, global, &report, threshold)?;
    Ok(exit_code(args, &report, threshold))
}

/// Standard input is found a configuration from where it is placed, and
/// command-line options add to what the configuration file says.
fn check_config(
    args: &CheckArgs,
    global: &GlobalArgs,
    files: &mut Files,
) -> Result<Config, Vec<Diagnostic>> {
    let near: Vec<PathBuf> = args
        .paths
        .iter()
        .map(|p| match (&args.stdin_filename, p.as_os_str() == "-") {
            (Some(name), true) => name.clone(),
            _ => p.clone(),
        })
        .collect();
    let mut config = Config::resolve(global.config.as_deref(), &global.rules, &near, files)?;
    config.inputs.exclude.extend(args.exclude.iter().cloned());
    config.inputs.stdin_filename = args.stdin_filename.clone();
    Ok(sized(config, global.max_article_bytes))
}

/// `--show-furniture` lets an editor see what is taken for page furniture
/// without running any comparison.
fn show_furniture(
    args: &CheckArgs,
    global: &GlobalArgs,
    config: &Config,
    files: &mut Files,
) -> Outcome {
    let corpus = factlint::corpus::Corpus::load_with(&args.paths, &config.inputs, files)
        .map_err(input(global.color))?;
    let shown = factlint::corpus::furniture::listing(&corpus, files);
    emit(global.color, |out| out.write_all(shown.as_bytes()))?;
    Ok(0)
}

/// A long check on a terminal shows its stage; machine formats and files get
/// no progress bar, nor does a pipe.
fn run_with_progress(
    args: &CheckArgs,
    config: &Config,
    files: &mut Files,
) -> Result<factlint::Checked, Vec<Diagnostic>> {
    let shown = matches!(args.format, Format::Human | Format::Table)
        && args.output.is_none()
        && io::stderr().is_terminal();
    let progress = shown.then(progress::Bar::start);
    let checked = factlint::check_in_stages(files, &args.paths, config, &mut |stage| {
        if let Some(bar) = &progress {
            bar.stage(stage);
        }
    });
    if let Some(bar) = progress {
        bar.finish();
    }
    checked
}

/// Reviewed discrepancies go first, so that a baseline records only what is
/// left; the acknowledged ones are kept for the report's suppression listing.
fn acknowledge(
    checked: &factlint::Checked,
    config: &Config,
) -> (Vec<factlint::finding::Finding>, Vec<report::Suppressed>) {
    let (findings, acknowledged) = factlint::suppress::apply_listing(
        &checked.corpus,
        checked.findings.clone(),
        &config.defaults,
    );
    let suppressed = acknowledged
        .into_iter()
        .map(|a| report::Suppressed {
            finding: a.finding,
            why: report::SuppressedBy::Acknowledgement {
                reason: a.reason,
                in_source: a.in_source,
            },
        })
        .collect();
    (findings, suppressed)
}

/// A baseline or report must never overwrite a source or a rule file; this
/// is refused before anything is written.
fn refuse_destinations(args: &CheckArgs, files: &Files) -> Result<(), Vec<Diagnostic>> {
    let destinations = [args.write_baseline.as_ref(), args.output.as_ref()];
    for path in destinations.into_iter().flatten() {
        if let Some(why) = factlint::atomic::refusal(path, files, &args.paths) {
            return Err(vec![factlint::files::error(format!(
                "refusing to write `{}`: {why}",
                display(path)
            ))]);
        }
    }
    Ok(())
}

/// `--write-baseline` records today's findings so later runs show only new
/// ones; it replaces the report.
fn write_baseline(
    path: &std::path::Path,
    findings: &[factlint::finding::Finding],
    files: &Files,
) -> Outcome {
    let baseline = Baseline::of(findings, files);
    baseline.write(path).map_err(|e| output_error(path, e))?;
    eprintln!(
        "factlint: wrote {} findings to {}",
        baseline.entries.len(),
        display(path)
    );
    Ok(0)
}

/// The articles `--focus` and `--focus-changed` name, if either was given:
/// a reviewer asks only about the articles in front of them.
fn focus_set(
    args: &CheckArgs,
    checked: &factlint::Checked,
) -> Result<Option<std::collections::HashSet<usize>>, Vec<Diagnostic>> {
    let mut focused = args.focus.clone();
    if let Some(reference) = &args.focus_changed {
        let near = args
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        focused.extend(factlint::gate::changed_since(reference, &near)?);
    }
    if args.focus.is_empty() && args.focus_changed.is_none() {
        return Ok(None);
    }
    // Paths from git may name files that are not articles (rules,
    // code): only --focus paths must be articles.
    let mut set = factlint::gate::focused_files(&checked.corpus, &args.focus, true)?;
    set.extend(factlint::gate::focused_files(
        &checked.corpus,
        &focused,
        false,
    )?);
    if set.is_empty() {
        eprintln!(
            "factlint: no article changed since {}; nothing to report",
            args.focus_changed.as_deref().unwrap_or("?")
        );
    }
    Ok(Some(set))
}

/// A baseline hides known findings (listed as suppressed), reports its stale
/// entries, and with `--prune-baseline` forgets them. Returns the findings
/// left and how many were hidden.
fn apply_baseline(
    args: &CheckArgs,
    findings: Vec<factlint::finding::Finding>,
    suppressed: &mut Vec<report::Suppressed>,
    focus: Option<&std::collections::HashSet<usize>>,
    config: &Config,
    files: &Files,
    color: ColorWhen,
) -> Result<(Vec<factlint::finding::Finding>, usize), Failure> {
    let Some(path) = &args.baseline else {
        return Ok((findings, 0));
    };
    let baseline = Baseline::read(path).map_err(input(color))?;
    let filtered = baseline.filter(findings, files);
    let hidden = filtered.hidden;
    let mut findings = filtered.findings;
    suppressed.extend(
        filtered
            .hidden_findings
            .into_iter()
            .map(|finding| report::Suppressed {
                finding,
                why: report::SuppressedBy::Baseline,
            }),
    );
    // Stale entries concern the whole corpus, not one focused article.
    if focus.is_none() {
        findings.extend(factlint::baseline::stale_findings(
            &filtered.stale,
            &config.defaults,
        ));
    }
    if args.prune_baseline {
        let mut entries = baseline.entries.clone();
        for stale in &filtered.stale {
            if let Some(at) = entries.iter().position(|e| e == stale) {
                entries.remove(at);
            }
        }
        Baseline { entries }
            .write(path)
            .map_err(|e| output_error(path, e))?;
        eprintln!(
            "factlint: removed {} stale entries from {}",
            filtered.stale.len(),
            display(path)
        );
    }
    Ok((findings, hidden))
}

/// What the report says it did not show, and why.
struct Hidden {
    /// Findings a baseline hid.
    baseline: usize,
    /// Findings an acknowledgement hid.
    acknowledged: usize,
    /// Every hidden finding, for the suppression listing.
    suppressed: Vec<report::Suppressed>,
}

/// The report lists only suppressions within the focus, in a fixed order so
/// that the output is the same bytes on every run.
fn build_report<'a>(
    checked: &'a factlint::Checked,
    findings: Vec<factlint::finding::Finding>,
    hidden: Hidden,
    focus: Option<&std::collections::HashSet<usize>>,
    files: &'a Files,
) -> Report<'a> {
    let Hidden {
        baseline,
        acknowledged,
        mut suppressed,
    } = hidden;
    let mut report = Report::new(
        files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        findings,
    );
    report.hidden = baseline;
    report.acknowledged = acknowledged;
    report.copies = checked.copies.clone();
    report.unplaced = &checked.unplaced;
    if let Some(set) = focus {
        suppressed.retain(|s| !factlint::gate::focus(vec![s.finding.clone()], set).is_empty());
    }
    suppressed.sort_by_cached_key(|s| {
        let place = s
            .finding
            .primary()
            .map(|l| (files.name(l.file).to_string(), l.span.start));
        (
            s.finding.fact.clone(),
            place,
            s.finding.kind,
            s.finding.message.clone(),
        )
    });
    report.suppressed = suppressed;
    report
}

/// The least severe finding that fails the run.
fn threshold(fail_on: FailOn) -> Severity {
    match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
    }
}

/// Renders the report in the chosen format, to stdout or, with `-o`, to a
/// file replaced atomically so a reader never sees half a report.
fn write_report(
    args: &CheckArgs,
    global: &GlobalArgs,
    report: &Report,
    threshold: Severity,
) -> Result<(), Failure> {
    let render = |out: &mut dyn WriteColor| -> io::Result<()> {
        let mut out = out;
        match args.format {
            Format::Human => report::write_human(report, &mut out)?,
            Format::Short => report::write_short(report, &mut out)?,
            Format::Json => return report::write_json(report, args.statistics, &mut out),
            Format::Sarif => return report::write_sarif(report, &mut out),
            Format::Github => report::write_github(report, &mut out)?,
            Format::Junit => return report::write_junit(report, threshold, &mut out),
            Format::Table => report::write_table(
                report,
                Layout::Text {
                    width: Some(table_width(global)),
                },
                &mut out,
            )?,
            Format::Html => return report::write_html(report, &mut out),
        }
        if args.statistics {
            writeln!(out)?;
            report::write_tally(report, &mut out)?;
            writeln!(out)?;
            report::write_statistics(report, &mut out)?;
        }
        Ok(())
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            let mut buffer = termcolor::NoColor::new(Vec::new());
            render(&mut buffer).map_err(Failure::Output)?;
            factlint::atomic::replace(path, &buffer.into_inner())
                .map_err(|e| output_error(path, e))?;
        }
        _ => emit(global.color, |out| render(out))?,
    }
    Ok(())
}

/// Findings at or above the threshold fail the run unless `--exit-zero`.
fn exit_code(args: &CheckArgs, report: &Report, threshold: Severity) -> u8 {
    if report.fails(threshold) && !args.exit_zero {
        FINDINGS
    } else {
        0
    }
}

fn output_error(path: &std::path::Path, e: io::Error) -> Failure {
    Failure::Input(
        vec![factlint::files::error(format!(
            "cannot write `{}`: {e}",
            display(path)
        ))],
        ColorWhen::Auto,
    )
}

fn test(args: TestArgs, global: &GlobalArgs, files: &mut Files) -> Outcome {
    let bad = input(global.color);
    let mut rule_paths = args.rules.clone();
    rule_paths.extend(global.rules.iter().cloned());
    let config = Config::resolve(
        global.config.as_deref(),
        &rule_paths,
        &[PathBuf::from(".")],
        files,
    )
    .map_err(&bad)?;
    let rules = factlint::load_rules(&config, files).map_err(&bad)?;
    let run = factlint::examples::run(&rules);
    let config_term = term::Config::default();
    emit(global.color, |out| {
        for d in &run.failures {
            term::emit_to_write_style(out, &config_term, &*files, d).map_err(to_io)?;
        }
        for (fact, positive, negative) in &run.thin {
            writeln!(out, "note: `{fact}` has {positive} example(s) with values and {negative} without; at least 2 and 1 are advised")?;
        }
        writeln!(
            out,
            "test: {} examples of {} facts, {} failed",
            run.examples,
            rules.facts.len(),
            run.failures.len()
        )
    })?;
    Ok(if run.failures.is_empty() { 0 } else { FINDINGS })
}

fn table(args: TableArgs, global: &GlobalArgs, files: &mut Files) -> Outcome {
    let bad = input(global.color);
    let config = Config::resolve(global.config.as_deref(), &global.rules, &args.paths, files)
        .map_err(&bad)?;
    let config = sized(config, global.max_article_bytes);
    let checked = factlint::check(files, &args.paths, &config).map_err(&bad)?;
    let mut report = Report::new(
        files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        checked.findings.clone(),
    );
    report.copies = checked.copies.clone();
    report.unplaced = &checked.unplaced;
    let layout = match args.format {
        TableFormat::Text => Layout::Text {
            width: (!args.wide).then(|| table_width(global)),
        },
        TableFormat::Csv => Layout::Csv,
        TableFormat::Markdown => Layout::Markdown,
    };
    emit(ColorWhen::Never, |out| match args.by {
        TableBy::Fact => report::write_table(&report, layout, out),
        TableBy::Outlet => report::table::write_by_outlet(&report, layout, out),
    })?;
    Ok(0)
}

/// `factlint kinds [KIND]`, `factlint explain kind:KIND`: the wordings
/// tables of the value kinds.
fn kinds(kind: Option<&str>) -> Outcome {
    let text = match kind {
        None => factlint::value::wordings::document(),
        Some(name) => factlint::value::wordings::describe(name)
            .map_err(|why| input(ColorWhen::Auto)(vec![factlint::files::error(why)]))?,
    };
    emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?;
    Ok(0)
}

fn explain(args: ExplainArgs, global: &GlobalArgs, files: &mut Files) -> Outcome {
    let bad = input(global.color);
    if args.all_codes {
        emit(ColorWhen::Never, |out| {
            out.write_all(factlint::explain::codes_markdown().as_bytes())
        })?;
        return Ok(0);
    }
    let id = args.id.clone().unwrap_or_default();
    if let Some(kind) = id.strip_prefix("kind:") {
        return kinds(Some(kind));
    }
    if let Some(kind) = factlint::explain::find_code(&id) {
        emit(ColorWhen::Never, |out| {
            out.write_all(factlint::explain::code(kind).as_bytes())
        })?;
        return Ok(0);
    }
    let corpus_hint = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let config = Config::resolve(global.config.as_deref(), &global.rules, &corpus_hint, files)
        .map_err(&bad)?;
    let config = sized(config, global.max_article_bytes);
    let rules = factlint::load_rules(&config, files).map_err(&bad)?;
    if id == "figures" || id.starts_with("quote:") {
        return explain_finding_id(&id, &args, &config, files);
    }
    if let Some(e) = id
        .strip_prefix("entity:")
        .and_then(|name| rules.entities.iter().position(|e| e.id == name))
    {
        let text = factlint::explain::entity(&rules, e, files);
        emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?;
        return Ok(0);
    }
    let Some(index) = rules.facts.iter().position(|f| f.id == id) else {
        let mut known: Vec<String> = FindingKind::ALL
            .iter()
            .flat_map(|k| [k.code().to_string(), k.name().to_string()])
            .collect();
        known.extend(rules.facts.iter().map(|f| f.id.clone()));
        known.extend(rules.entities.iter().map(|e| format!("entity:{}", e.id)));
        known.push("figures".to_string());
        return Err(bad(vec![factlint::files::error(format!(
            "`{id}` is neither a finding code (FL001…, or a kind such as `conflict`) nor a fact or `entity:…` of the rules, nor `figures` or a `quote:…` id{}",
            factlint::suggest::did_you_mean(&id, known.iter().map(String::as_str))
        ))]));
    };
    let checked = if args.paths.is_empty() {
        None
    } else {
        Some(factlint::check(files, &args.paths, &config).map_err(&bad)?)
    };
    // The fact as loaded for the corpus run, if any, else from the rules.
    let text = match &checked {
        Some(c) => factlint::explain::fact(&c.rules, index, files, Some((&c.corpus, &c.claims))),
        None => factlint::explain::fact(&rules, index, files, None),
    };
    emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?;
    Ok(0)
}

/// `factlint explain figures` and `factlint explain quote:…`: ids of the
/// rule-free checks, which exist only in a corpus. With articles, their
/// findings; without, what the check is.
fn explain_finding_id(id: &str, args: &ExplainArgs, config: &Config, files: &mut Files) -> Outcome {
    let bad = input(ColorWhen::Auto);
    let kind = if id == "figures" {
        FindingKind::SingleSource
    } else {
        FindingKind::QuoteDrift
    };
    let mut text = format!(
        "{id}: {}
",
        if id == "figures" {
            "the figures only one source states (no rule needed)"
        } else {
            "a quotation several sources print (no rule needed)"
        }
    );
    if args.paths.is_empty() {
        text.push_str(
            "give the articles (`factlint explain ID PATH…`) to see its findings

",
        );
        text.push_str(&factlint::explain::code(kind));
        emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?;
        return Ok(0);
    }
    let checked = factlint::check(files, &args.paths, config).map_err(&bad)?;
    let mine: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.fact == id)
        .cloned()
        .collect();
    if mine.is_empty() && id != "figures" {
        let ids: Vec<&str> = checked
            .findings
            .iter()
            .map(|f| f.fact.as_str())
            .filter(|f| f.starts_with("quote:"))
            .collect();
        return Err(bad(vec![factlint::files::error(format!(
            "no finding in these articles has the id `{id}`{}",
            factlint::suggest::did_you_mean(id, ids)
        ))]));
    }
    let mut report = Report::new(
        files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        mine,
    );
    report.copies = checked.copies.clone();
    let _ = writeln!(
        text,
        "checked by {} {}: {}
",
        kind.code(),
        kind.name(),
        kind.summary()
    );
    emit(ColorWhen::Never, |out| {
        out.write_all(text.as_bytes())?;
        report::write_human(&report, out)
    })?;
    Ok(0)
}

/// `--watch`: check, then check again whenever a file the check read
/// changes. Files are polled, not watched through the operating system: a
/// story is dozens of files, and polling works the same on every system
/// and network drive.
fn watch(args: &CheckArgs, global: &GlobalArgs) -> Outcome {
    loop {
        let watched = watched_paths(args, global);
        let before = snapshot(&watched);
        let mut files = Files::new();
        match check(args, global, &mut files) {
            Ok(_) => {}
            Err(Failure::Input(errors, color)) => print_errors(
                &files,
                &errors,
                color_choice(color, io::stderr().is_terminal()),
            ),
            Err(Failure::Output(e)) => return Err(Failure::Output(e)),
        }
        eprintln!("factlint: watching for changes (Ctrl-C to stop)");
        while snapshot(&watched) == before {
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        eprintln!("factlint: files changed; checking again");
    }
}

/// The articles, rules and configuration a check reads.
fn watched_paths(args: &CheckArgs, global: &GlobalArgs) -> Vec<PathBuf> {
    let mut paths = args.paths.clone();
    let mut scratch = Files::new();
    match Config::resolve(
        global.config.as_deref(),
        &global.rules,
        &args.paths,
        &mut scratch,
    ) {
        Ok(config) => {
            paths.extend(config.rules);
            paths.extend(config.file.map(|(path, _)| path));
        }
        Err(_) => paths.extend(global.rules.iter().cloned()),
    }
    paths
}

/// Every file under `paths` with its modification time and size.
fn snapshot(paths: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>, u64)> {
    let mut seen: Vec<_> = paths
        .iter()
        .flat_map(|p| walkdir::WalkDir::new(p).sort_by_file_name())
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.into_path(), meta.modified().ok(), meta.len()))
        })
        .collect();
    seen.sort();
    seen
}

fn init(args: InitArgs) -> Outcome {
    match factlint::init::init(&args.dir, args.force) {
        Ok(outcome) => {
            emit(ColorWhen::Never, |out| {
                out.write_all(factlint::init::describe(&outcome, &args.dir).as_bytes())
            })?;
            Ok(0)
        }
        Err(factlint::init::Refusal::Exists(paths)) => {
            let names: Vec<String> = paths
                .iter()
                .map(|p| format!("`{}`", factlint::corpus::display(p)))
                .collect();
            Err(Failure::Input(
                vec![factlint::files::error(format!(
                    "not initialising: {} already exist{}; nothing was written (use --force to write only the missing files; existing files are never overwritten)",
                    names.join(", "),
                    if paths.len() == 1 { "s" } else { "" }
                ))],
                ColorWhen::Auto,
            ))
        }
        Err(factlint::init::Refusal::Io(path, e)) => Err(Failure::Input(
            vec![factlint::files::error(format!(
                "cannot write `{}`: {e}",
                factlint::corpus::display(&path)
            ))],
            ColorWhen::Auto,
        )),
    }
}

fn discover(args: DiscoverArgs, global: &GlobalArgs, files: &mut Files) -> Outcome {
    let bad = input(global.color);
    if let Some(path) = &args.output {
        if path.exists() {
            return Err(bad(vec![factlint::files::error(format!(
                "`{}` exists; discover writes only new files",
                display(path)
            ))]));
        }
    }
    let config = Config::resolve(global.config.as_deref(), &global.rules, &args.paths, files)
        .map_err(&bad)?;
    let config = sized(config, global.max_article_bytes);
    let corpus =
        factlint::corpus::Corpus::load_with(&args.paths, &config.inputs, files).map_err(&bad)?;
    let drift = factlint::quotes::check(&corpus, &config.quotes);
    let text = factlint::discover::discover(&corpus, &drift, args.max_proposals);
    match &args.output {
        Some(path) => {
            factlint::atomic::create(path, text.as_bytes()).map_err(|e| output_error(path, e))?;
            eprintln!("factlint: wrote proposed rules to {}", display(path));
        }
        None => emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?,
    }
    Ok(0)
}

/// A first path that does not exist and is spelt like a command
/// (`factlint tset`) is a mistyped command, not a missing article.
fn mistyped_command(paths: &[PathBuf]) -> Option<String> {
    let first = paths.first()?;
    let word = first.to_str()?;
    if first.exists() || word.contains(['/', '.', '\\']) {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&word) {
        return Some(format!(
            "`{word}` is a subcommand, but options came before it: write `factlint {word}` first, then its options (to check a folder named `{word}`, write `./{word}`)"
        ));
    }
    let near = factlint::suggest::nearest(word, names.iter().copied())?;
    Some(format!(
        "unrecognized subcommand `{word}`; did you mean `factlint {near}`? (to check a folder named `{word}`, write `./{word}`)"
    ))
}

/// The width text tables fit into: `--width`, else the terminal's, else
/// 120 columns (a pipe or a file has no width; 120 suits a review diff).
fn table_width(global: &GlobalArgs) -> usize {
    global.width.unwrap_or_else(|| {
        terminal_size::terminal_size_of(io::stdout())
            .map(|(w, _)| usize::from(w.0))
            .unwrap_or(120)
    })
}

/// The language server speaks on stdio until the editor shuts it down.
fn server() -> Outcome {
    let (connection, threads) = lsp_server::Connection::stdio();
    let served = factlint::server::serve(connection);
    let joined = threads.join();
    match served {
        Err(e) => Err(Failure::Input(
            vec![factlint::files::error(format!("server: {e}"))],
            ColorWhen::Never,
        )),
        Ok(()) => {
            joined.map_err(Failure::Output)?;
            Ok(0)
        }
    }
}

/// The configuration with `--max-article-bytes`, when given, applied.
fn sized(mut config: Config, max_article_bytes: Option<u64>) -> Config {
    if let Some(bytes) = max_article_bytes {
        config.set_max_article_bytes(bytes);
    }
    config
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// `auto` means colour on a terminal, unless NO_COLOR is set and not empty
/// (https://no-color.org) or the terminal is dumb; an explicit `always`
/// wins over NO_COLOR. termcolor's own `auto` takes an empty NO_COLOR as
/// set, so it is decided here and termcolor told `always` or `never`.
fn color_choice(when: ColorWhen, terminal: bool) -> termcolor::ColorChoice {
    colors(
        when,
        terminal,
        std::env::var_os("NO_COLOR"),
        std::env::var_os("TERM"),
    )
}

fn colors(
    when: ColorWhen,
    terminal: bool,
    no_color: Option<std::ffi::OsString>,
    term: Option<std::ffi::OsString>,
) -> termcolor::ColorChoice {
    let no_color = no_color.is_some_and(|v| !v.is_empty());
    let dumb = term.is_some_and(|t| t == "dumb");
    match when {
        ColorWhen::Always => termcolor::ColorChoice::Always,
        ColorWhen::Never => termcolor::ColorChoice::Never,
        ColorWhen::Auto if terminal && !no_color && !dumb => termcolor::ColorChoice::Always,
        ColorWhen::Auto => termcolor::ColorChoice::Never,
    }
}

fn print_errors(files: &Files, errors: &[Diagnostic], color: termcolor::ColorChoice) {
    let mut err = termcolor::StandardStream::stderr(color);
    let config = term::Config::default();
    for d in errors {
        if term::emit_to_write_style(&mut err, &config, files, d).is_err() {
            eprintln!("error: {}", d.message);
        }
    }
    let n = errors.len();
    let closing = Diagnostic::error().with_message(format!(
        "factlint could not run: {n} input error{}",
        if n == 1 { "" } else { "s" }
    ));
    let _ = term::emit_to_write_style(&mut err, &config, files, &closing);
}

#[cfg(test)]
mod tests {
    use super::*;
    use termcolor::ColorChoice;

    #[test]
    fn no_color_counts_only_when_not_empty() {
        let set = |v: &str| Some(std::ffi::OsString::from(v));
        assert_eq!(
            colors(ColorWhen::Auto, true, None, None),
            ColorChoice::Always
        );
        assert_eq!(
            colors(ColorWhen::Auto, true, set(""), None),
            ColorChoice::Always
        );
        assert_eq!(
            colors(ColorWhen::Auto, true, set("1"), None),
            ColorChoice::Never
        );
        assert_eq!(
            colors(ColorWhen::Auto, false, None, None),
            ColorChoice::Never
        );
        assert_eq!(
            colors(ColorWhen::Auto, true, None, set("dumb")),
            ColorChoice::Never
        );
        assert_eq!(
            colors(ColorWhen::Always, false, set("1"), None),
            ColorChoice::Always
        );
        assert_eq!(
            colors(ColorWhen::Never, true, None, None),
            ColorChoice::Never
        );
    }
}
