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
use crate::files::{self, Diagnostic, Files};
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
    quotes: Option<RawQuotes>,
    figures: Option<RawFigures>,
    story: Option<RawStory>,
    /// Hedge widths by kind name: `[hedge] duration = 0.05`.
    hedge: Option<std::collections::BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    max_article_bytes: Option<Spanned<toml::Value>>,
    inputs: Option<RawInputs>,
}

/// `[inputs]`: which files are articles, and what in them is furniture.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInputs {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    furniture: Option<Vec<Spanned<String>>>,
    furniture_lists: Option<Vec<Spanned<String>>>,
    default_furniture: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotes {
    enabled: Option<Spanned<bool>>,
    severity: Option<Spanned<String>>,
    min_words: Option<Spanned<toml::Value>>,
    min_similarity: Option<Spanned<toml::Value>>,
}

/// What is known of the story as a whole.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    /// When the story ran (a date, month, year or START/END range): the
    /// publication date of every source whose manifest gives none.
    published: Option<Spanned<String>>,
    /// How the story's articles write numbers: "1,234.5" (English, the
    /// default), "1.234,5" or "1 234,5".
    number_format: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigures {
    enabled: Option<Spanned<bool>>,
    severity: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    min_sources: Option<Spanned<toml::Value>>,
    tolerance: Option<Spanned<toml::Value>>,
    similarity: Option<Spanned<toml::Value>>,
    severity: Option<Spanned<toml::Value>>,
    synonyms: Option<Spanned<Vec<Vec<String>>>>,
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
    pub quotes: crate::quotes::Settings,
    pub figures: crate::figures::Settings,
    pub inputs: crate::corpus::Inputs,
    /// `[story] published`: the publication date of sources that give none.
    pub story_published: Option<crate::value::DateSpan>,
    /// `[story] number_format`: how sources that do not say write numbers.
    pub story_number_format: Option<crate::value::NumberFormat>,
    /// Where each setting not at its built-in default comes from, by
    /// `table.key`.
    origins: std::collections::BTreeMap<String, Origin>,
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
            quotes: Default::default(),
            figures: Default::default(),
            inputs: Default::default(),
            story_published: None,
            story_number_format: None,
            origins: Default::default(),
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
        let text = crate::input::read_text(path).map_err(|why| {
            vec![files::error(format!(
                "cannot read configuration `{name}`: {why}"
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
        let mut origins = std::collections::BTreeMap::new();
        let mut note = |key: &str, span: std::ops::Range<usize>| {
            origins.insert(
                key.to_string(),
                Origin::File(name.clone(), files.position(file, span.start).line),
            );
        };
        let dir = path.parent().unwrap_or(Path::new("."));

        if let Some(rules) = &raw.rules {
            match paths(rules.get_ref()) {
                Some(named) => {
                    self.rules = named.iter().map(|p| dir.join(p)).collect();
                    self.rules_origin =
                        Origin::File(name.clone(), files.position(file, rules.span().start).line);
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
            let number = |v: &Option<Spanned<toml::Value>>,
                          current: f64,
                          range,
                          key,
                          errors: &mut Vec<Diagnostic>| {
                compile::number_in(v, current, range, key, file, errors)
            };
            self.defaults.min_sources = compile::whole_in(
                &d.min_sources,
                self.defaults.min_sources,
                1..=1000,
                "min_sources",
                file,
                &mut errors,
            );
            self.defaults.tolerance = number(
                &d.tolerance,
                self.defaults.tolerance,
                0.0..=1.0,
                "tolerance",
                &mut errors,
            );
            self.defaults.similarity = number(
                &d.similarity,
                self.defaults.similarity,
                0.0..=1.0,
                "similarity",
                &mut errors,
            );
            for (key, v) in [
                ("defaults.min_sources", &d.min_sources),
                ("defaults.tolerance", &d.tolerance),
                ("defaults.similarity", &d.similarity),
            ] {
                if let Some(v) = v {
                    note(key, v.span());
                }
            }
            if let Some(sets) = &d.synonyms {
                match compile::synonym_set_error(sets.get_ref()) {
                    Some(bad) => errors.push(files::error_at(
                        file,
                        sets.span(),
                        "invalid `synonyms` in `[defaults]`",
                        bad,
                    )),
                    None => {
                        self.defaults.synonyms = sets.get_ref().clone();
                        note("defaults.synonyms", sets.span());
                    }
                }
            }
            if let Some(sev) = &d.severity {
                let before = self.defaults.severities;
                self.defaults.severities =
                    compile::compile_severities(&d.severity, before, file, &mut errors);
                for (i, (old, new)) in before.iter().zip(self.defaults.severities).enumerate() {
                    if *old != new || matches!(sev.get_ref(), toml::Value::String(_)) {
                        note(
                            &format!("defaults.severity.{}", FindingKind::ALL[i].name()),
                            sev.span(),
                        );
                    }
                }
            }
        }
        let severity = |v: &Spanned<String>, errors: &mut Vec<Diagnostic>| {
            let parsed = crate::finding::Severity::from_name(v.get_ref());
            if parsed.is_none() {
                errors.push(files::error_at(
                    file,
                    v.span(),
                    format!("unknown severity `{}`", v.get_ref()),
                    "expected \"error\", \"warning\" or \"note\"",
                ));
            }
            parsed
        };
        if let Some(q) = &raw.quotes {
            if let Some(v) = &q.enabled {
                self.quotes.enabled = *v.get_ref();
                note("quotes.enabled", v.span());
            }
            if let Some(v) = &q.severity {
                if let Some(sev) = severity(v, &mut errors) {
                    self.quotes.severity = sev;
                    note("quotes.severity", v.span());
                }
            }
            if let Some(v) = &q.min_words {
                self.quotes.min_words = compile::whole_in(
                    &q.min_words,
                    self.quotes.min_words,
                    3..=100,
                    "min_words",
                    file,
                    &mut errors,
                );
                note("quotes.min_words", v.span());
            }
            if let Some(v) = &q.min_similarity {
                self.quotes.min_similarity = compile::number_in(
                    &q.min_similarity,
                    self.quotes.min_similarity,
                    0.1..=1.0,
                    "min_similarity",
                    file,
                    &mut errors,
                );
                note("quotes.min_similarity", v.span());
            }
        }
        if let Some(p) = raw.story.as_ref().and_then(|s| s.published.as_ref()) {
            match crate::value::DateSpan::parse_published(p.get_ref()) {
                Ok(d) => {
                    self.story_published = Some(d);
                    note("story.published", p.span());
                }
                Err(why) => errors.push(files::error_at(
                    file,
                    p.span(),
                    "invalid `published` in [story]",
                    format!("{why}; write YYYY-MM-DD (optionally with a time and zone, YYYY-MM-DDTHH:MM-04:00), YYYY-MM, YYYY, or a range START/END"),
                )),
            }
        }
        if let Some(f) = raw.story.as_ref().and_then(|s| s.number_format.as_ref()) {
            match crate::value::NumberFormat::from_name(f.get_ref()) {
                Some(format) => {
                    self.story_number_format = Some(format);
                    note("story.number_format", f.span());
                }
                None => errors.push(files::error_at(
                    file,
                    f.span(),
                    "invalid `number_format` in [story]",
                    format!(
                        "expected one of: {}",
                        crate::value::NumberFormat::names_quoted()
                    ),
                )),
            }
        }
        for (kind, width) in raw.hedge.iter().flatten() {
            let Some(k) = crate::value::Kind::from_name(kind.get_ref()) else {
                errors.push(files::error_at(
                    file,
                    kind.span(),
                    format!("unknown kind `{}` in [hedge]", kind.get_ref()),
                    "expected a numeric kind: money, count or duration",
                ));
                continue;
            };
            let w = compile::number_in(
                &Some(width.clone()),
                crate::value::quantity::DEFAULT_HEDGE,
                0.0..=1.0,
                "hedge",
                file,
                &mut errors,
            );
            self.defaults.hedges.retain(|(old, _)| *old != k);
            self.defaults.hedges.push((k, w));
            note(&format!("hedge.{}", k.name()), width.span());
        }
        if let Some(f) = &raw.figures {
            if let Some(v) = &f.enabled {
                self.figures.enabled = *v.get_ref();
                note("figures.enabled", v.span());
            }
            if let Some(v) = &f.severity {
                if let Some(sev) = severity(v, &mut errors) {
                    self.figures.severity = sev;
                    note("figures.severity", v.span());
                }
            }
        }
        if let Some(i) = &raw.inputs {
            self.read_inputs(i, file, &mut errors);
            for (key, span) in [
                (
                    "inputs.include",
                    i.include.as_ref().and_then(|v| v.first()).map(|v| v.span()),
                ),
                (
                    "inputs.exclude",
                    i.exclude.as_ref().and_then(|v| v.first()).map(|v| v.span()),
                ),
                (
                    "inputs.furniture",
                    i.furniture
                        .as_ref()
                        .and_then(|v| v.first())
                        .map(|v| v.span()),
                ),
                (
                    "inputs.default_furniture",
                    i.default_furniture.as_ref().map(|v| v.span()),
                ),
            ] {
                if let Some(span) = span {
                    note(key, span);
                }
            }
        }
        if let Some(v) = &raw.max_article_bytes {
            self.inputs.max_article_bytes = compile::number_in(
                &raw.max_article_bytes,
                self.inputs.max_article_bytes as f64,
                1.0..=1e15,
                "max_article_bytes",
                file,
                &mut errors,
            ) as u64;
            note("max_article_bytes", v.span());
        }
        self.origins.extend(origins);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `[inputs]`: globs kept as written (paths in them are relative to
    /// the folder walked), furniture patterns compiled, each bad one
    /// reported at its TOML string.
    fn read_inputs(&mut self, raw: &RawInputs, file: usize, errors: &mut Vec<Diagnostic>) {
        let strings = |v: &Option<Vec<Spanned<String>>>| -> Vec<String> {
            v.iter().flatten().map(|s| s.get_ref().clone()).collect()
        };
        self.inputs.include = strings(&raw.include);
        self.inputs.exclude = strings(&raw.exclude);
        for list in [&raw.include, &raw.exclude].into_iter().flatten() {
            for g in list {
                if let Err(e) = globset::Glob::new(g.get_ref()) {
                    errors.push(files::error_at(
                        file,
                        g.span(),
                        format!("invalid glob `{}`", g.get_ref()),
                        e.kind().to_string(),
                    ));
                }
            }
        }
        let lines = strings(&raw.furniture);
        let lists = strings(&raw.furniture_lists);
        let defaults = raw.default_furniture.as_ref().is_none_or(|d| *d.get_ref());
        match crate::corpus::Furniture::new(&lines, &lists, defaults) {
            Ok(f) => self.inputs.furniture = f,
            Err(bad) => {
                let given = if bad.lists {
                    &raw.furniture_lists
                } else {
                    &raw.furniture
                };
                let span = given
                    .as_ref()
                    .and_then(|v| v.get(bad.index))
                    .map(|s| s.span())
                    .unwrap_or(0..0);
                errors.push(files::error_at(
                    file,
                    span,
                    "invalid furniture pattern",
                    bad.reason.lines().last().unwrap_or("").trim().to_string(),
                ));
            }
        }
    }

    /// `--max-article-bytes`: wins over the file.
    pub fn set_max_article_bytes(&mut self, bytes: u64) {
        self.inputs.max_article_bytes = bytes;
        self.origins
            .insert("max_article_bytes".to_string(), Origin::CommandLine);
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
        let built_in = Origin::BuiltIn;
        let line = |out: &mut String, table: &str, key: &str, value: String| {
            let o = self
                .origins
                .get(&format!("{table}.{key}"))
                .unwrap_or(&built_in);
            let _ = writeln!(out, "{:<40} # {}", format!("{key} = {value}"), origin(o));
        };
        let rules: Vec<String> = self
            .rules
            .iter()
            .map(|p| format!("{:?}", display(p)))
            .collect();
        let _ = writeln!(
            out,
            "{:<40} # {}",
            format!("rules = [{}]", rules.join(", ")),
            origin(&self.rules_origin)
        );
        let bytes = self
            .origins
            .get("max_article_bytes")
            .unwrap_or(&Origin::BuiltIn);
        let _ = writeln!(
            out,
            "{:<40} # {}",
            format!("max_article_bytes = {}", self.inputs.max_article_bytes),
            origin(bytes)
        );
        out.push_str("\n[defaults]\n");
        let d = &self.defaults;
        line(
            &mut out,
            "defaults",
            "min_sources",
            d.min_sources.to_string(),
        );
        line(&mut out, "defaults", "tolerance", d.tolerance.to_string());
        line(&mut out, "defaults", "similarity", d.similarity.to_string());
        if !d.synonyms.is_empty() {
            let sets: Vec<String> = d.synonyms.iter().map(|set| format!("{set:?}")).collect();
            line(
                &mut out,
                "defaults",
                "synonyms",
                format!("[{}]", sets.join(", ")),
            );
        }
        for (i, kind) in FindingKind::ALL.iter().enumerate() {
            line(
                &mut out,
                "defaults",
                &format!("severity.{}", kind.name()),
                format!("{:?}", d.severities[i].name()),
            );
        }
        out.push_str("\n[quotes]\n");
        let q = &self.quotes;
        line(&mut out, "quotes", "enabled", q.enabled.to_string());
        line(
            &mut out,
            "quotes",
            "severity",
            format!("{:?}", q.severity.name()),
        );
        line(&mut out, "quotes", "min_words", q.min_words.to_string());
        line(
            &mut out,
            "quotes",
            "min_similarity",
            q.min_similarity.to_string(),
        );
        out.push_str("\n[figures]\n");
        line(
            &mut out,
            "figures",
            "enabled",
            self.figures.enabled.to_string(),
        );
        line(
            &mut out,
            "figures",
            "severity",
            format!("{:?}", self.figures.severity.name()),
        );
        out.push_str("\n[inputs]\n");
        let globs = |v: &[String]| {
            let quoted: Vec<String> = v.iter().map(|g| format!("{g:?}")).collect();
            format!("[{}]", quoted.join(", "))
        };
        line(&mut out, "inputs", "include", globs(&self.inputs.include));
        line(&mut out, "inputs", "exclude", globs(&self.inputs.exclude));
        let (lines, lists) = self.inputs.furniture.counts();
        let _ = writeln!(
            out,
            "# furniture: {lines} line patterns, {lists} list headings (`factlint --show-furniture` shows what they leave out)"
        );
        // Shown only when set, with their built-in meaning in a comment.
        if !d.hedges.is_empty() {
            out.push_str("\n[hedge]                                  # others: 0.1\n");
            for (kind, w) in &d.hedges {
                line(&mut out, "hedge", kind.name(), w.to_string());
            }
        }
        if self.story_published.is_some() || self.story_number_format.is_some() {
            out.push_str("\n[story]\n");
        }
        if let Some(p) = &self.story_published {
            line(
                &mut out,
                "story",
                "published",
                format!("{:?}", p.to_string()),
            );
        }
        if let Some(f) = self.story_number_format {
            line(
                &mut out,
                "story",
                "number_format",
                format!("{:?}", f.name()),
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
