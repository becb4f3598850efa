//! Validation of raw rule files into [`Fact`]s. Every check reports a
//! diagnostic at the span of the offending TOML and carries on, so a user
//! sees all the problems of all their rule files in one run.

use super::deferred::{self, DeferredRegex};
use super::raw::{RawEntity, RawExample, RawFact, RawRejected};
use super::{pattern, Defaults, Example, Fact, Pattern, Reference, Rejected};
use crate::files::{self, Diagnostic, FileId, Files};
use crate::finding::{FindingKind, Severity};
use crate::value::{self, choice::Category, Context, DateSpan, Kind, Reading, Tolerance, Value};
use codespan_reporting::diagnostic::Label;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

pub use super::deferred::REGEX_SIZE_LIMIT;

/// One rule file, read but not yet validated: facts need every file's
/// entities before they can be checked.
pub struct ParsedFile {
    pub file: FileId,
    pub facts: Vec<RawFact>,
    pub entities: Vec<(Spanned<String>, RawEntity)>,
    /// The id of every `[[fact]]`, read even when the rest of the fact is
    /// wrong, so duplicates are reported in the same run as everything else.
    pub ids: Vec<(FileId, Spanned<String>)>,
}

/// Reads one rule file into raw facts and entities; syntax and type errors
/// go to `errors`.
pub fn parse_file(
    path: &Path,
    files: &mut Files,
    errors: &mut Vec<Diagnostic>,
) -> Option<ParsedFile> {
    let name = crate::corpus::display(path);
    let text: std::sync::Arc<str> = match std::fs::read(path) {
        Err(e) => {
            errors.push(files::error(format!(
                "cannot read rules `{name}`: {}",
                crate::corpus::io_reason(&e)
            )));
            return None;
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t.into(),
            Err(_) => {
                errors.push(files::error(format!(
                    "rule file `{name}` is not valid UTF-8"
                )));
                return None;
            }
        },
    };
    Some(parse_text(name, text, files, errors))
}

/// Reads rule-file text already in memory (named `name` in diagnostics),
/// as [`parse_file`] does a file's: `factlint discover` checks the rules it
/// proposes before it writes them.
pub fn parse_text(
    name: String,
    text: std::sync::Arc<str>,
    files: &mut Files,
    errors: &mut Vec<Diagnostic>,
) -> ParsedFile {
    let file = files.add(name.clone(), text.clone());
    // Syntax first; then each [[fact]] is read on its own, so a mistake in
    // one fact does not hide the mistakes in the next.
    let root = match DeTable::parse(&text) {
        Ok(r) => r,
        Err(e) => {
            errors.push(files::toml_error(
                file,
                &format!("invalid TOML in {name}"),
                &e,
            ));
            return ParsedFile {
                file,
                facts: Vec::new(),
                entities: Vec::new(),
                ids: Vec::new(),
            };
        }
    };
    let mut count = 0;
    let mut parsed = ParsedFile {
        file,
        facts: Vec::new(),
        entities: Vec::new(),
        ids: Vec::new(),
    };
    for (key, value) in root.into_inner() {
        if key.get_ref().as_ref() == "entity" {
            read_entities(value, file, &name, &mut parsed.entities, errors);
            continue;
        }
        if key.get_ref().as_ref() != "fact" {
            err(
                errors,
                file,
                key.span(),
                format!("unknown key `{}` in {name}", key.get_ref()),
                "a rule file holds [[fact]] tables and [entity.ID] tables",
            );
            continue;
        }
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            err(
                errors,
                file,
                span,
                format!("`fact` in {name} is not a list of tables"),
                "write each fact as a [[fact]] table",
            );
            continue;
        };
        for mut item in items {
            count += 1;
            if let DeValue::Table(table) = item.get_mut() {
                let what = match record_id(table, file, &mut parsed.ids) {
                    Some(id) => format!("fact `{id}`"),
                    None => "a [[fact]]".to_string(),
                };
                super::keys::strip(
                    table,
                    super::keys::of::<RawFact>(),
                    &[
                        ("example", super::keys::of::<RawExample>()),
                        ("rejected", super::keys::of::<RawRejected>()),
                    ],
                    &what,
                    file,
                    errors,
                );
            }
            match RawFact::deserialize(ValueDeserializer::from(item)) {
                Ok(raw) => parsed.facts.push(raw),
                Err(e) => errors.push(files::toml_error(
                    file,
                    &format!("invalid fact in {name}"),
                    &e,
                )),
            }
        }
    }
    if count == 0 && parsed.entities.is_empty() {
        errors.push(files::error(format!(
            "rule file `{name}` defines no facts; each fact is a [[fact]] table"
        )));
    }
    parsed
}

/// The `[entity.ID]` tables of a file.
fn read_entities(
    value: Spanned<DeValue<'_>>,
    file: FileId,
    name: &str,
    out: &mut Vec<(Spanned<String>, RawEntity)>,
    errors: &mut Vec<Diagnostic>,
) {
    let span = value.span();
    let DeValue::Table(table) = value.into_inner() else {
        err(
            errors,
            file,
            span,
            format!("`entity` in {name} is not a table"),
            "write each entity as an [entity.ID] table",
        );
        return;
    };
    for (id, mut body) in table {
        let id_span = id.span();
        let id = Spanned::new(id_span, id.into_inner().to_string());
        if let DeValue::Table(t) = body.get_mut() {
            let what = format!("entity `{}`", id.get_ref());
            super::keys::strip(t, super::keys::of::<RawEntity>(), &[], &what, file, errors);
        }
        match RawEntity::deserialize(ValueDeserializer::from(body)) {
            Ok(raw) => out.push((id, raw)),
            Err(e) => errors.push(files::toml_error(
                file,
                &format!("invalid entity in {name}"),
                &e,
            )),
        }
    }
}

/// Reports an error at `span` in `file`.
fn err(
    errors: &mut Vec<Diagnostic>,
    file: FileId,
    span: Range<usize>,
    message: String,
    label: &str,
) {
    errors.push(files::error_at(file, span, message, label));
}

pub fn compile_fact(
    raw: RawFact,
    file: FileId,
    defaults: &Defaults,
    entities: &std::collections::BTreeMap<String, usize>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Fact> {
    let before = errors.len();
    let id = raw.id.get_ref().clone();
    if !valid_id(&id) {
        err(
            errors,
            file,
            raw.id.span(),
            format!("invalid fact id `{id}`"),
            "ids are lowercase letters, digits and dashes, starting with a letter",
        );
    }
    if raw.description.get_ref().trim().is_empty() {
        err(
            errors,
            file,
            raw.description.span(),
            format!("fact `{id}` has an empty description"),
            "say in a few words what the fact is",
        );
    }
    let kind = Kind::from_name(raw.kind.get_ref());
    if kind.is_none() {
        let names: Vec<&str> = Kind::ALL
            .iter()
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        err(
            errors,
            file,
            raw.kind.span(),
            format!("unknown kind `{}` for fact `{id}`", raw.kind.get_ref()),
            &format!(
                "expected one of: {}{}",
                names.join(", "),
                crate::suggest::did_you_mean(raw.kind.get_ref(), names.iter().copied())
            ),
        );
    }

    let categories = compile_categories(&raw, kind, &id, file, errors);
    let tolerance = Tolerance {
        relative: number_in(
            &raw.tolerance,
            defaults.tolerance,
            0.0..=1.0,
            "tolerance",
            file,
            errors,
        ),
        similarity: number_in(
            &raw.similarity,
            defaults.similarity,
            0.0..=1.0,
            "similarity",
            file,
            errors,
        ),
        hedge_width: match &raw.hedge {
            Some(_) => Some(number_in(
                &raw.hedge,
                value::quantity::DEFAULT_HEDGE,
                0.0..=1.0,
                "hedge",
                file,
                errors,
            )),
            None => kind.and_then(|k| defaults.hedge(k)),
        },
        synonyms: synonyms(&raw.synonyms, &defaults.synonyms, &id, file, errors),
    };
    let min_sources = whole_in(
        &raw.min_sources,
        defaults.min_sources,
        1..=1000,
        "min_sources",
        file,
        errors,
    );
    let severities = compile_severities(&raw.severity, defaults.severities, file, errors);

    let shape = super::shape::compile_shape(&raw, kind, entities, file, errors);
    let mut patterns = Vec::new();
    let written: Vec<&Spanned<String>> = raw.pattern.iter().chain(&raw.patterns).collect();
    if written.is_empty() && shape.is_none() {
        err(
            errors,
            file,
            raw.id.span(),
            format!("fact `{id}` has no patterns"),
            "add `about` and `cues` (or regex `patterns = ['…{value}…']`)",
        );
    }
    // With an unknown kind the patterns are still checked, against any
    // value, so their mistakes show in the same run as the kind's.
    {
        let value_regex = match kind {
            Some(Kind::Choice) => value::choice::pattern(&categories),
            Some(other) => value::pattern(other).to_string(),
            None => "[^\\n]+?".to_string(),
        };
        for p in written {
            if let Some(compiled) =
                compile_pattern(p, &value_regex, raw.case_sensitive, file, errors)
            {
                patterns.push(compiled);
            }
        }
    }

    let mut expected = Vec::new();
    let mut rejected = Vec::new();
    if let Some(kind) = kind {
        if let Some(exp) = &raw.expected {
            for text in strings(exp, "expected", file, errors) {
                if let Some(v) = reference_value(
                    kind,
                    &text,
                    Context::default(),
                    &categories,
                    exp.span(),
                    file,
                    errors,
                ) {
                    expected.push(Reference { text, value: v });
                }
            }
        }
        for r in &raw.rejected {
            let r = r.get_ref();
            if let Some(v) = reference_value(
                kind,
                r.value.get_ref(),
                Context::default(),
                &categories,
                r.value.span(),
                file,
                errors,
            ) {
                rejected.push(Rejected {
                    text: r.value.get_ref().clone(),
                    value: v,
                    reason: r.reason.get_ref().clone(),
                });
            }
        }
    }

    let examples = match kind {
        Some(kind) => raw
            .example
            .iter()
            .filter_map(|e| compile_example(e, kind, &categories, file, errors))
            .collect(),
        None => Vec::new(),
    };

    if errors.len() > before {
        return None;
    }
    Some(Fact {
        id,
        description: raw.description.into_inner().trim().to_string(),
        kind: kind?,
        patterns,
        shape,
        expected,
        rejected,
        cite: raw.cite,
        min_sources,
        severities,
        note: raw.note,
        multivalued: raw.multivalued,
        tolerance,
        categories,
        examples,
        file,
        id_span: raw.id.span(),
    })
}

pub(crate) fn valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn compile_pattern(
    p: &Spanned<String>,
    value_regex: &str,
    case_sensitive: bool,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Option<Pattern> {
    // The author's part is checked with a stand-in for the value reader:
    // cheap, and the same errors (see `deferred`).
    let stand_in = match pattern::expand(p.get_ref(), deferred::VALUE_STAND_IN) {
        Ok(e) => e,
        Err(why) => {
            err(errors, file, p.span(), "invalid pattern".into(), &why);
            return None;
        }
    };
    let checked = match deferred::Checked::parse(&stand_in, case_sensitive) {
        Ok(c) => c,
        Err(why) => {
            err(
                errors,
                file,
                p.span(),
                "invalid regular expression in pattern".into(),
                &why,
            );
            return None;
        }
    };
    if !checked.has_value_group {
        err(
            errors,
            file,
            p.span(),
            "pattern has no `value` group".into(),
            "mark the value with {value} or (?P<value>…)",
        );
        return None;
    }
    // Flags go into the pattern text, as the prefilter read them.
    let flags = if case_sensitive { "" } else { "(?i)" };
    let expanded = pattern::expand(p.get_ref(), value_regex).ok()?;
    let flagged = format!("{flags}{expanded}");
    let regex = if checked.compile_now {
        match DeferredRegex::now(flagged) {
            Ok(r) => r,
            Err(why) => {
                err(
                    errors,
                    file,
                    p.span(),
                    "invalid regular expression in pattern".into(),
                    &why,
                );
                return None;
            }
        }
    } else if value_regex.is_empty() || !pattern::uses_value(p.get_ref()) {
        // The author's own value group: nothing large to defer.
        DeferredRegex::later(flagged)
    } else {
        let skeleton = pattern::expand(p.get_ref(), deferred::VALUE_ANYTHING).ok()?;
        DeferredRegex::with_skeleton(flagged, format!("{flags}{skeleton}"))
    };
    Some(Pattern {
        source: p.get_ref().clone(),
        regex,
        needs: checked.needs,
        span: p.span(),
    })
}

fn compile_categories(
    raw: &RawFact,
    kind: Option<Kind>,
    id: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Category> {
    let mut out = Vec::new();
    match (&raw.choices, kind) {
        (None, Some(Kind::Choice)) => err(
            errors,
            file,
            raw.kind.span(),
            format!("choice fact `{id}` has no `choices`"),
            "add a [fact.choices] table: category = [\"wording\", …]",
        ),
        (Some(c), Some(k)) if k != Kind::Choice => err(
            errors,
            file,
            c.span(),
            format!("`choices` given for fact `{id}` of kind `{}`", k.name()),
            "only `choice` facts have categories",
        ),
        (Some(choices), _) => {
            for (name, phrases) in choices.get_ref() {
                let texts: Vec<String> = phrases
                    .get_ref()
                    .iter()
                    .map(|p| p.get_ref().clone())
                    .collect();
                if texts.is_empty() {
                    err(
                        errors,
                        file,
                        phrases.span(),
                        format!("category `{name}` has no wording"),
                        "list the phrases that mean this category",
                    );
                    continue;
                }
                match Category::new(name.clone(), texts) {
                    Ok(c) => out.push(c),
                    Err((at, why)) => {
                        let span = phrases
                            .get_ref()
                            .get(at)
                            .map(|p| p.span())
                            .unwrap_or(phrases.span());
                        err(
                            errors,
                            file,
                            span,
                            format!("invalid wording in category `{name}`"),
                            why.trim(),
                        );
                    }
                }
            }
        }
        (None, _) => {}
    }
    out
}

/// An example: the sentence, and what the fact must extract from it, read
/// with the fact's normaliser (and the example's publication date, if it
/// gives one, for relative dates).
fn compile_example(
    raw: &Spanned<super::raw::RawExample>,
    kind: Kind,
    categories: &[Category],
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Option<Example> {
    let e = raw.get_ref();
    let published = match &e.published {
        None => None,
        Some(p) => match DateSpan::parse_iso(p.get_ref()) {
            Ok(d) => Some(d),
            Err(why) => {
                err(
                    errors,
                    file,
                    p.span(),
                    "invalid `published` in example".into(),
                    &why,
                );
                return None;
            }
        },
    };
    let ctx = Context {
        published: published.as_ref(),
        ..Context::default()
    };
    let mut expected = Vec::new();
    for v in e.values.get_ref() {
        let value = reference_value(kind, v.get_ref(), ctx, categories, v.span(), file, errors)?;
        expected.push((v.get_ref().clone(), value));
    }
    Some(Example {
        text: e.text.get_ref().clone(),
        expected,
        published,
        span: raw.span(),
        text_span: e.text.span(),
    })
}

/// Reads an expected or rejected value with the fact's own normaliser, so
/// a fact sheet entry means exactly what the same words in an article mean.
fn reference_value(
    kind: Kind,
    text: &str,
    ctx: Context<'_>,
    categories: &[Category],
    span: Range<usize>,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Option<Value> {
    // A choice fact's fact sheet names a category, not wording.
    if kind == Kind::Choice {
        if categories.iter().any(|c| c.name == text) {
            return Some(Value::Choice(text.to_string()));
        }
        let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
        let label = format!("expected one of: {}", names.join(", "));
        err(
            errors,
            file,
            span,
            format!("`{text}` is not a category of this fact"),
            &label,
        );
        return None;
    }
    match value::read(kind, text, ctx, categories) {
        Ok(Reading::Value(v)) => Some(v),
        Ok(Reading::Unresolved(why)) => {
            err(
                errors,
                file,
                span,
                format!("reference value `{text}` is not absolute"),
                &why,
            );
            None
        }
        Err(why) => {
            err(
                errors,
                file,
                span,
                format!("`{text}` is not a {} value", kind.name()),
                &why,
            );
            None
        }
    }
}

/// A string or an array of strings.
fn strings(
    v: &Spanned<toml::Value>,
    key: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    match v.get_ref() {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(items) if items.iter().all(|i| i.is_str()) => items
            .iter()
            .filter_map(|i| i.as_str().map(String::from))
            .collect(),
        _ => {
            err(
                errors,
                file,
                v.span(),
                format!("`{key}` must be a string or an array of strings"),
                "not a string",
            );
            Vec::new()
        }
    }
}

/// A number within `range`, or `default` when absent.
pub(crate) fn number_in(
    v: &Option<Spanned<toml::Value>>,
    default: f64,
    range: std::ops::RangeInclusive<f64>,
    key: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> f64 {
    let Some(v) = v else { return default };
    let n = match v.get_ref() {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        _ => None,
    };
    match n {
        Some(n) if range.contains(&n) => n,
        _ => {
            err(
                errors,
                file,
                v.span(),
                format!("invalid `{key}`"),
                &format!(
                    "expected a number from {} to {}",
                    range.start(),
                    range.end()
                ),
            );
            default
        }
    }
}

/// A whole number within `range`, or `default` when absent. A fraction is
/// an error, never truncated: `min_sources = 1.5` means the author expected
/// something factlint cannot do.
pub(crate) fn whole_in(
    v: &Option<Spanned<toml::Value>>,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
    key: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    let Some(v) = v else { return default };
    let expected = format!(
        "expected a whole number from {} to {}",
        range.start(),
        range.end()
    );
    match v.get_ref() {
        toml::Value::Integer(i) => match usize::try_from(*i) {
            Ok(n) if range.contains(&n) => return n,
            _ => err(
                errors,
                file,
                v.span(),
                format!("invalid `{key}`"),
                &expected,
            ),
        },
        toml::Value::Float(f) => err(
            errors,
            file,
            v.span(),
            format!("invalid `{key}`: {f} is not a whole number"),
            &expected,
        ),
        _ => err(
            errors,
            file,
            v.span(),
            format!("invalid `{key}`"),
            &expected,
        ),
    }
    default
}

/// `severity = "warning"` sets every kind; a table sets kinds one by one.
pub(crate) fn compile_severities(
    v: &Option<Spanned<toml::Value>>,
    base: [Severity; FindingKind::ALL.len()],
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> [Severity; FindingKind::ALL.len()] {
    let mut out = base;
    let Some(v) = v else { return out };
    let bad_name = |errors: &mut Vec<Diagnostic>, name: &str| {
        err(
            errors,
            file,
            v.span(),
            format!("unknown severity `{name}`"),
            "expected \"error\", \"warning\" or \"note\"",
        );
    };
    match v.get_ref() {
        toml::Value::String(s) => match Severity::from_name(s) {
            Some(sev) => out = [sev; FindingKind::ALL.len()],
            None => bad_name(errors, s),
        },
        toml::Value::Table(t) => {
            for (kind, sev) in t {
                let Some(at) = FindingKind::ALL.iter().position(|k| k.name() == kind) else {
                    let names: Vec<&str> = FindingKind::ALL.iter().map(|k| k.name()).collect();
                    err(
                        errors,
                        file,
                        v.span(),
                        format!("unknown finding kind `{kind}` in `severity`"),
                        &format!("expected one of: {}", names.join(", ")),
                    );
                    continue;
                };
                match sev.as_str().and_then(Severity::from_name) {
                    Some(s) => out[at] = s,
                    None => bad_name(errors, &sev.to_string()),
                }
            }
        }
        _ => err(
            errors,
            file,
            v.span(),
            "invalid `severity`".into(),
            "a severity name, or a table of finding kind = severity",
        ),
    }
    out
}

/// The fact's `id`, when it is a string, whatever else is wrong with it.
fn record_id(
    table: &DeTable<'_>,
    file: FileId,
    ids: &mut Vec<(FileId, Spanned<String>)>,
) -> Option<String> {
    let id = table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "id")
        .map(|(_, v)| v)?;
    let DeValue::String(s) = id.get_ref() else {
        return None;
    };
    ids.push((file, Spanned::new(id.span(), s.to_string())));
    Some(s.to_string())
}

/// Two facts with one id would make findings ambiguous: report the second
/// occurrence, pointing back at the first. Ids are those of every
/// `[[fact]]` of every file, valid or not, so a duplicate is never held back
/// until the rest is fixed.
pub fn check_duplicate_ids(ids: &[(FileId, Spanned<String>)], errors: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashMap<&str, (FileId, Range<usize>)> =
        std::collections::HashMap::new();
    for (file, id) in ids {
        if let Some((first_file, first_span)) = seen.get(id.get_ref().as_str()) {
            errors.push(
                Diagnostic::error()
                    .with_message(format!("duplicate fact id `{}`", id.get_ref()))
                    .with_labels(vec![
                        Label::primary(*file, id.span()).with_message("defined again here"),
                        Label::secondary(*first_file, first_span.clone())
                            .with_message("first defined here"),
                    ]),
            );
        } else {
            seen.insert(id.get_ref(), (*file, id.span()));
        }
    }
}

/// The story's title synonyms and the fact's own, which add to them. A set
/// needs two wordings: one alone is usually a list written flat
/// (`["CEO", "chief executive"]` for `[["CEO", "chief executive"]]`).
fn synonyms(
    raw: &Option<Spanned<Vec<Vec<String>>>>,
    story: &[Vec<String>],
    id: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> value::title::Synonyms {
    let mut sets: Vec<Vec<String>> = story.to_vec();
    if let Some(raw) = raw {
        if let Some(bad) = synonym_set_error(raw.get_ref()) {
            errors.push(files::error_at(
                file,
                raw.span(),
                format!("invalid `synonyms` in fact `{id}`"),
                bad,
            ));
        }
        sets.extend(raw.get_ref().iter().cloned());
    }
    value::title::Synonyms::new(&sets)
}

/// What is wrong with a list of synonym sets, if anything.
pub fn synonym_set_error(sets: &[Vec<String>]) -> Option<&'static str> {
    sets.iter()
        .any(|set| set.iter().filter(|w| !w.trim().is_empty()).count() < 2)
        .then_some("each set lists two or more wordings of one title: [[\"content chief\", \"chief content officer\"]]")
}
