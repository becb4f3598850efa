//! The `factlint` binary: parse arguments, run the library, print, and map
//! the outcome to an exit code (0 clean, 1 findings, 2 bad input). This is
//! the only code that prints.

mod cli;

use clap::Parser;
use cli::{Args, ColorWhen, FailOn, Format};
use codespan_reporting::term::{self, termcolor};
use factlint::files::{Diagnostic, Files};
use factlint::finding::Severity;
use factlint::report::{self, Report};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    let mut files = Files::new();
    let stderr_color = color_choice(args.color, io::stderr().is_terminal());

    let outcome = factlint::config::rule_paths(&args.rules, &args.paths, &mut files)
        .and_then(|rules| factlint::check(&mut files, &args.paths, &rules));
    let checked = match outcome {
        Ok(c) => c,
        Err(errors) => {
            print_errors(&files, &errors, stderr_color);
            return ExitCode::from(2);
        }
    };

    let report = Report::new(
        &files,
        &checked.corpus,
        &checked.rules,
        &checked.claims,
        checked.findings.clone(),
    );
    let stdout_color = color_choice(args.color, io::stdout().is_terminal());
    let mut out = termcolor::BufferedStandardStream::stdout(stdout_color);
    let written = match args.format {
        Format::Human => report::write_human(&report, &mut out),
        Format::Short => report::write_short(&report, &mut out),
        Format::Json => report::write_json(&report, &mut out),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        // A reader that stopped reading (`factlint … | head`) is not an
        // error; anything else is.
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return ExitCode::from(2);
        }
    }

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
    };
    if report.fails(threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
