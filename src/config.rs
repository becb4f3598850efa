//! Configuration: where the rules are, and the defaults facts inherit.
//!
//! The configuration file, `factlint.toml`, is the first of: `--config
//! FILE`; the file named by the `FACTLINT_CONFIG` environment variable; the
//! nearest `factlint.toml` in the corpus folder or a folder above it (a
//! story's articles and rules usually travel together). Paths in it are
//! relative to it. Without one, rules are read from `rules/` in the current
//! folder and every default is built in.
//!
//! Every resolved value remembers where it came from, so `--show-config`
//! can answer "why is this a warning?" without guesswork.

use crate::corpus::display;
use crate::files::{self, Diagnostic, FileId, Files};
use crate::finding::FindingKind;
use crate::rules::{compile, Defaults};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The configuration file's name.
pub const CONFIG_FILE: &str = "factlint.toml";

/// The environment variable naming a configuration file.
pub const CONFIG_ENV: &str = "FACTLINT_CONFIG";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// A folder or file, or a list of them.
    rules: Option<Spanned<toml::Value>>,
    defaults: Option<RawDefaults>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    min_sources: Option<Spanned<toml::Value>>,
    tolerance: Option<Spanned<toml::Value>>,
    similarity: Option<Spanned<toml::Value>>,
    severity: Option<Spanned<toml::Value>>,
}

/// Where a setting's value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    CommandLine,
    /// A line of the configuration file.
    File(String, usize),
}

/// How the configuration file was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Flag,
    Env,
    AboveCorpus,
}

/// The resolved configuration of one run.
#[derive(Clone, Debug)]
pub struct Config {
    /// The configuration file read, if any, and how it was found.
    pub file: Option<(PathBuf, Found)>,
    pub rules: Vec<PathBuf>,
    pub rules_origin: Origin,
    pub defaults: Defaults,
    /// Origins of `min_sources`, `tolerance`, `similarity`, then one per
    /// finding kind's severity.
    origins: Vec<Origin>,
}

impl Config {
    /// Resolves the configuration for a run over `corpus`; see the module
    /// doc for the order. `cli_rules`, when given, wins over the file.
    pub fn resolve(
        cli_config: Option<&Path>,
        cli_rules: &[PathBuf],
        corpus: &[PathBuf],
        files: &mut Files,
    ) -> Result<Config, Vec<Diagnostic>> {
        let env = std::env::var_os(CONFIG_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let file = match (cli_config, env) {
            (Some(p), _) => Some((p.to_path_buf(), Found::Flag)),
            (None, Some(p)) => Some((p, Found::Env)),
            (None, None) => corpus
                .first()
                .and_then(|p| find_config(p))
                .map(|p| (p, Found::AboveCorpus)),
        };
        let mut config = Config {
            file: file.clone(),
            rules: vec![PathBuf::from("rules")],
            rules_origin: Origin::BuiltIn,
            defaults: Defaults::default(),
            origins: vec![Origin::BuiltIn; 3 + FindingKind::ALL.len()],
        };
        if let Some((path, _)) = &file {
            config.read(path, files)?;
        }
        if !cli_rules.is_empty() {
            config.rules = cli_rules.to_vec();
            config.rules_origin = Origin::CommandLine;
        }
        Ok(config)
    }

    fn read(&mut self, path: &Path, files: &mut Files) -> Result<(), Vec<Diagnostic>> {
        let name = display(path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![files::error(format!(
                "cannot read configuration `{name}`: {}",
                crate::corpus::io_reason(&e)
            ))]
        })?;
        let file = files.add(name.clone(), text.clone().into());
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            vec![files::toml_error(
                file,
                &format!("invalid configuration in {name}"),
                &e,
            )]
        })?;
        let mut errors = Vec::new();
        let origin = |files: &Files, span: std::ops::Range<usize>| {
            Origin::File(name.clone(), files.position(file, span.start).line)
        };
        let dir = path.parent().unwrap_or(Path::new("."));

        if let Some(rules) = &raw.rules {
            match paths(rules.get_ref()) {
                Some(named) => {
                    self.rules = named.iter().map(|p| dir.join(p)).collect();
                    self.rules_origin = origin(files, rules.span());
                }
                None => errors.push(files::error_at(
                    file,
                    rules.span(),
                    "invalid `rules`",
                    "expected a path or a list of paths",
                )),
            }
        }
        if let Some(d) = &raw.defaults {
            self.set_number(
                &d.min_sources,
                0,
                1.0..=1000.0,
                "min_sources",
                file,
                files,
                &mut errors,
                &origin,
            );
            self.set_number(
                &d.tolerance,
                1,
                0.0..=1.0,
                "tolerance",
                file,
                files,
                &mut errors,
                &origin,
            );
            self.set_number(
                &d.similarity,
                2,
                0.0..=1.0,
                "similarity",
                file,
                files,
                &mut errors,
                &origin,
            );
            if let Some(sev) = &d.severity {
                let before = self.defaults.severities;
                self.defaults.severities =
                    compile::compile_severities(&d.severity, before, file, &mut errors);
                for (i, (old, new)) in before.iter().zip(self.defaults.severities).enumerate() {
                    if *old != new || matches!(sev.get_ref(), toml::Value::String(_)) {
                        self.origins[3 + i] = origin(files, sev.span());
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn set_number(
        &mut self,
        v: &Option<Spanned<toml::Value>>,
        at: usize,
        range: std::ops::RangeInclusive<f64>,
        key: &str,
        file: FileId,
        files: &Files,
        errors: &mut Vec<Diagnostic>,
        origin: &dyn Fn(&Files, std::ops::Range<usize>) -> Origin,
    ) {
        let Some(spanned) = v else { return };
        let current = match at {
            0 => self.defaults.min_sources as f64,
            1 => self.defaults.tolerance,
            _ => self.defaults.similarity,
        };
        let n = compile::number_in(v, current, range, key, file, errors);
        match at {
            0 => self.defaults.min_sources = n as usize,
            1 => self.defaults.tolerance = n,
            _ => self.defaults.similarity = n,
        }
        self.origins[at] = origin(files, spanned.span());
    }

    /// The resolved configuration as TOML, each value with where it came
    /// from: what `--show-config` prints.
    pub fn show(&self) -> String {
        let mut out = String::new();
        let origin = |o: &Origin| match o {
            Origin::BuiltIn => "built-in default".to_string(),
            Origin::CommandLine => "command line".to_string(),
            Origin::File(name, line) => format!("{name}:{line}"),
        };
        match &self.file {
            None => out.push_str("# no configuration file: built-in defaults\n"),
            Some((path, how)) => {
                let how = match how {
                    Found::Flag => "given with --config",
                    Found::Env => "named by FACTLINT_CONFIG",
                    Found::AboveCorpus => "found from the corpus folder upward",
                };
                let _ = writeln!(out, "# configuration file: {} ({how})", display(path));
            }
        }
        let rules: Vec<String> = self
            .rules
            .iter()
            .map(|p| format!("{:?}", display(p)))
            .collect();
        let line = |out: &mut String, key: String, value: String, o: &Origin| {
            let _ = writeln!(out, "{:<40} # {}", format!("{key} = {value}"), origin(o));
        };
        line(
            &mut out,
            "rules".into(),
            format!("[{}]", rules.join(", ")),
            &self.rules_origin,
        );
        out.push_str("\n[defaults]\n");
        let d = &self.defaults;
        line(
            &mut out,
            "min_sources".into(),
            d.min_sources.to_string(),
            &self.origins[0],
        );
        line(
            &mut out,
            "tolerance".into(),
            d.tolerance.to_string(),
            &self.origins[1],
        );
        line(
            &mut out,
            "similarity".into(),
            d.similarity.to_string(),
            &self.origins[2],
        );
        for (i, kind) in FindingKind::ALL.iter().enumerate() {
            line(
                &mut out,
                format!("severity.{}", kind.name()),
                format!("{:?}", d.severities[i].name()),
                &self.origins[3 + i],
            );
        }
        out
    }
}

/// A path or a list of paths.
fn paths(v: &toml::Value) -> Option<Vec<String>> {
    match v {
        toml::Value::String(s) => Some(vec![s.clone()]),
        toml::Value::Array(a) => a.iter().map(|v| v.as_str().map(String::from)).collect(),
        _ => None,
    }
}

/// The nearest `factlint.toml` in `start`'s folder or above.
fn find_config(start: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(start).ok()?;
    let first = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    let found = first?
        .ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())?;
    // Show it relative to the current folder when it is below it.
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    Some(
        match here.and_then(|h| found.strip_prefix(&h).ok().map(Path::to_path_buf)) {
            Some(relative) => relative,
            None => found,
        },
    )
}
