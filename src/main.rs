//! The `factlint` binary: parse arguments, run the library, print, and map
//! the outcome to an exit code (0 clean, 1 findings or failed examples, 2
//! bad input). This is the only code that prints.

mod cli;

use clap::Parser;
use cli::{
    CheckArgs, Cli, ColorWhen, Command, DiscoverArgs, ExplainArgs, FailOn, Format, InitArgs,
    TableArgs, TableFormat, TestArgs,
};
use codespan_reporting::term::{self, termcolor, termcolor::WriteColor};
use factlint::baseline::Baseline;
use factlint::config::Config;
use factlint::corpus::display;
use factlint::files::{Diagnostic, Files};
use factlint::finding::Severity;
use factlint::report::{self, Layout, Report};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit statuses.
const FINDINGS: u8 = 1;
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut files = Files::new();
    let outcome = match cli.command {
        None => check(cli.check, &mut files),
        Some(Command::Test(args)) => test(args, &mut files),
        Some(Command::Table(args)) => table(args, &mut files),
        Some(Command::Explain(args)) => explain(args, &mut files),
        Some(Command::Init(args)) => init(args),
        Some(Command::Discover(args)) => discover(args, &mut files),
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

fn check(args: CheckArgs, files: &mut Files) -> Outcome {
    let bad = input(args.color);
    // Standard input is found a configuration from where it is placed.
    let near: Vec<PathBuf> = args
        .paths
        .iter()
        .map(|p| match (&args.stdin_filename, p.as_os_str() == "-") {
            (Some(name), true) => name.clone(),
            _ => p.clone(),
        })
        .collect();
    let mut config = Config::resolve(
        args.rules.config.as_deref(),
        &args.rules.rules,
        &near,
        files,
    )
    .map_err(&bad)?;
    config.inputs.exclude.extend(args.exclude.iter().cloned());
    config.inputs.stdin_filename = args.stdin_filename.clone();
    if args.show_config {
        emit(args.color, |out| out.write_all(config.show().as_bytes()))?;
        return Ok(0);
    }
    if args.show_furniture {
        let corpus = factlint::corpus::Corpus::load_with(&args.paths, &config.inputs, files)
            .map_err(&bad)?;
        let shown = factlint::corpus::furniture::listing(&corpus, files);
        emit(args.color, |out| out.write_all(shown.as_bytes()))?;
        return Ok(0);
    }
    let checked = factlint::check(files, &args.paths, &config).map_err(&bad)?;

    // Reviewed discrepancies first: a baseline records what is left.
    let (mut findings, acknowledged) =
        factlint::suppress::apply(&checked.corpus, checked.findings.clone(), &config.defaults);
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&findings, files);
        baseline.write(path).map_err(|e| output_error(path, e))?;
        eprintln!(
            "factlint: wrote {} findings to {}",
            baseline.entries.len(),
            display(path)
        );
        return Ok(0);
    }

    let mut focused = args.focus.clone();
    if let Some(reference) = &args.focus_changed {
        let near = args
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        focused.extend(factlint::gate::changed_since(reference, &near).map_err(&bad)?);
    }
    let focus = if args.focus.is_empty() && args.focus_changed.is_none() {
        None
    } else {
        // Paths from git may name files that are not articles (rules,
        // code): only --focus paths must be articles.
        let mut set =
            factlint::gate::focused_files(&checked.corpus, &args.focus, true).map_err(&bad)?;
        set.extend(factlint::gate::focused_files(&checked.corpus, &focused, false).map_err(&bad)?);
        if set.is_empty() {
            eprintln!(
                "factlint: no article changed since {}; nothing to report",
                args.focus_changed.as_deref().unwrap_or("?")
            );
        }
        Some(set)
    };

    let mut hidden = 0;
    if let Some(path) = &args.baseline {
        let baseline = Baseline::read(path).map_err(&bad)?;
        let filtered = baseline.filter(findings, files);
        hidden = filtered.hidden;
        findings = filtered.findings;
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
    }
    if let Some(set) = &focus {
        findings = factlint::gate::focus(findings, set);
    }

    let mut report = Report::new(
        files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        findings,
    );
    report.hidden = hidden;
    report.acknowledged = acknowledged;
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
    };
    let render = |out: &mut dyn WriteColor| -> io::Result<()> {
        let mut out = out;
        match args.format {
            Format::Human => report::write_human(&report, &mut out)?,
            Format::Short => report::write_short(&report, &mut out)?,
            Format::Json => return report::write_json(&report, args.statistics, &mut out),
            Format::Sarif => return report::write_sarif(&report, &mut out),
            Format::Github => report::write_github(&report, &mut out)?,
            Format::Junit => return report::write_junit(&report, threshold, &mut out),
            Format::Table => {
                report::write_table(&report, Layout::Text { width: Some(120) }, &mut out)?
            }
        }
        if args.statistics {
            writeln!(out)?;
            report::write_statistics(&report, &mut out)?;
        }
        Ok(())
    };
    match &args.output {
        Some(path) => {
            let mut buffer = termcolor::NoColor::new(Vec::new());
            render(&mut buffer).map_err(Failure::Output)?;
            factlint::atomic::replace(path, &buffer.into_inner())
                .map_err(|e| output_error(path, e))?;
        }
        None => emit(args.color, |out| render(out))?,
    }
    Ok(if report.fails(threshold) && !args.exit_zero {
        FINDINGS
    } else {
        0
    })
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

fn test(args: TestArgs, files: &mut Files) -> Outcome {
    let bad = input(args.color);
    let config = Config::resolve(
        args.config.as_deref(),
        &args.rules,
        &[PathBuf::from(".")],
        files,
    )
    .map_err(&bad)?;
    let rules = factlint::load_rules(&config, files).map_err(&bad)?;
    let run = factlint::examples::run(&rules);
    let config_term = term::Config::default();
    emit(args.color, |out| {
        for d in &run.failures {
            term::emit_to_write_style(out, &config_term, files.codespan(), d).map_err(to_io)?;
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

fn table(args: TableArgs, files: &mut Files) -> Outcome {
    let bad = input(ColorWhen::Never);
    let config = Config::resolve(
        args.rules.config.as_deref(),
        &args.rules.rules,
        &args.paths,
        files,
    )
    .map_err(&bad)?;
    let checked = factlint::check(files, &args.paths, &config).map_err(&bad)?;
    let report = Report::new(
        files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        checked.findings.clone(),
    );
    let layout = match args.format {
        TableFormat::Text => Layout::Text {
            width: (!args.wide).then_some(args.width),
        },
        TableFormat::Csv => Layout::Csv,
        TableFormat::Markdown => Layout::Markdown,
    };
    emit(ColorWhen::Never, |out| {
        report::write_table(&report, layout, out)
    })?;
    Ok(0)
}

fn explain(args: ExplainArgs, files: &mut Files) -> Outcome {
    let bad = input(ColorWhen::Auto);
    if args.all_codes {
        emit(ColorWhen::Never, |out| {
            out.write_all(factlint::explain::codes_markdown().as_bytes())
        })?;
        return Ok(0);
    }
    let id = args.id.unwrap_or_default();
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
    let config = Config::resolve(
        args.rules.config.as_deref(),
        &args.rules.rules,
        &corpus_hint,
        files,
    )
    .map_err(&bad)?;
    let rules = factlint::load_rules(&config, files).map_err(&bad)?;
    let Some(index) = rules.facts.iter().position(|f| f.id == id) else {
        return Err(bad(vec![factlint::files::error(format!(
            "`{id}` is neither a finding code (FL001…, or a kind such as `conflict`) nor a fact in the rules"
        ))]));
    };
    let checked = if args.paths.is_empty() {
        None
    } else {
        Some(factlint::check(files, &args.paths, &config).map_err(&bad)?)
    };
    // The fact as loaded for the corpus run, if any, else from the rules.
    let text = match &checked {
        Some(c) => factlint::explain::fact(
            &c.rules.facts[index],
            index,
            files,
            Some((&c.corpus, &c.claims)),
        ),
        None => factlint::explain::fact(&rules.facts[index], index, files, None),
    };
    emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?;
    Ok(0)
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

fn discover(args: DiscoverArgs, files: &mut Files) -> Outcome {
    let bad = input(ColorWhen::Auto);
    if let Some(path) = &args.output {
        if path.exists() {
            return Err(bad(vec![factlint::files::error(format!(
                "`{}` exists; discover writes only new files",
                display(path)
            ))]));
        }
    }
    let config = Config::resolve(args.config.as_deref(), &[], &args.paths, files).map_err(&bad)?;
    let corpus =
        factlint::corpus::Corpus::load_with(&args.paths, &config.inputs, files).map_err(&bad)?;
    let drift = factlint::quotes::check(&corpus, &config.quotes);
    let text = factlint::discover::discover(&corpus, &drift);
    match &args.output {
        Some(path) => {
            factlint::atomic::create(path, text.as_bytes()).map_err(|e| output_error(path, e))?;
            eprintln!("factlint: wrote rule skeletons to {}", display(path));
        }
        None => emit(ColorWhen::Never, |out| out.write_all(text.as_bytes()))?,
    }
    Ok(0)
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// `auto` means colour on a terminal, unless NO_COLOR is set and not empty
/// (https://no-color.org); an explicit `always` wins over NO_COLOR.
fn color_choice(when: ColorWhen, terminal: bool) -> termcolor::ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => termcolor::ColorChoice::Always,
        ColorWhen::Never => termcolor::ColorChoice::Never,
        ColorWhen::Auto if terminal && !no_color => termcolor::ColorChoice::Auto,
        ColorWhen::Auto => termcolor::ColorChoice::Never,
    }
}

fn print_errors(files: &Files, errors: &[Diagnostic], color: termcolor::ColorChoice) {
    let mut err = termcolor::StandardStream::stderr(color);
    let config = term::Config::default();
    for d in errors {
        if term::emit_to_write_style(&mut err, &config, files.codespan(), d).is_err() {
            eprintln!("error: {}", d.message);
        }
    }
    let n = errors.len();
    let closing = Diagnostic::error().with_message(format!(
        "factlint could not run: {n} input error{}",
        if n == 1 { "" } else { "s" }
    ));
    let _ = term::emit_to_write_style(&mut err, &config, files.codespan(), &closing);
}
