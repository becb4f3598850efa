//! Validation of the sentence-aware rule form: `[entity.ID]` tables and a
//! fact's `about`, `cues`, `anchors`, `veto`, `within`, `read`, `of`,
//! `titles` and `group`. Like the rest of rule loading, every problem is a
//! diagnostic at its TOML span and loading carries on.

use super::raw::{RawEntity, RawFact, Words};
use super::terms::{Entity, Read, Shape, Term, DEFAULT_WITHIN};
use crate::files::{self, Diagnostic, FileId};
use crate::value::Kind;
use std::collections::BTreeMap;
use toml::Spanned;

/// Entities of every rule file, by id, before they are numbered.
pub type EntityTable = BTreeMap<String, Entity>;

/// Checks one `[entity.ID]` table and adds it to `table`.
pub fn compile_entity(
    id: &Spanned<String>,
    raw: RawEntity,
    file: FileId,
    table: &mut EntityTable,
    errors: &mut Vec<Diagnostic>,
) {
    let name = id.get_ref();
    if !super::compile::valid_id(name) {
        errors.push(files::error_at(
            file,
            id.span(),
            format!("invalid entity id `{name}`"),
            "ids are lowercase letters, digits and dashes, starting with a letter",
        ));
        return;
    }
    if let Some(first) = table.get(name) {
        errors.push(
            files::error_at(
                file,
                id.span(),
                format!("duplicate entity `{name}`"),
                "defined again here",
            )
            .with_labels(vec![codespan_reporting::diagnostic::Label::secondary(
                first.file,
                first.span.clone(),
            )
            .with_message("first defined here")]),
        );
        return;
    }
    let names = terms(&raw.names, false, "names", file, errors);
    if names.is_empty() && raw.names.get_ref().is_empty() {
        errors.push(files::error_at(
            file,
            raw.names.span(),
            format!("entity `{name}` has no names"),
            "list the names outlets use: [\"Reed Hastings\", \"Hastings\"]",
        ));
    }
    let roles = raw
        .roles
        .as_ref()
        .map(|r| terms(r, false, "roles", file, errors))
        .unwrap_or_default();
    table.insert(
        name.clone(),
        Entity {
            id: name.clone(),
            names,
            roles,
            description: raw.description,
            file,
            span: id.span(),
        },
    );
}

/// Words of a list as terms; an empty or wordless entry is an error.
fn terms(
    words: &Words,
    stemmed: bool,
    key: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Term> {
    let mut out = Vec::new();
    for w in words.get_ref() {
        let term = Term::new(w.get_ref(), stemmed, file, w.span());
        if term.literals().is_empty() {
            errors.push(files::error_at(
                file,
                w.span(),
                format!("`{}` in `{key}` has no word to look for", w.get_ref()),
                "write at least one word (letters or digits)",
            ));
            continue;
        }
        out.push(term);
    }
    out
}

/// The fact's shape, or `None` when it uses none of the sentence-aware
/// keys. `entities` maps entity ids to their indices.
pub fn compile_shape(
    raw: &RawFact,
    kind: Option<Kind>,
    entities: &BTreeMap<String, usize>,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Option<Shape> {
    let used = raw.about.is_some()
        || raw.cues.is_some()
        || raw.anchors.is_some()
        || raw.veto.is_some()
        || raw.within.is_some()
        || raw.read.is_some()
        || raw.of.is_some()
        || raw.titles.is_some()
        || raw.group.is_some();
    if !used {
        return None;
    }
    let id = raw.id.get_ref();
    let entity = |name: &Spanned<String>, errors: &mut Vec<Diagnostic>| -> Option<usize> {
        match entities.get(name.get_ref()) {
            Some(&i) => Some(i),
            None => {
                errors.push(files::error_at(
                    file,
                    name.span(),
                    format!("unknown entity `{}` in fact `{id}`", name.get_ref()),
                    unknown_entity_hint(name.get_ref(), entities),
                ));
                None
            }
        }
    };
    let about: Vec<usize> = raw
        .about
        .iter()
        .flat_map(|a| a.get_ref())
        .filter_map(|name| entity(name, errors))
        .collect();
    let of = raw.of.as_ref().and_then(|o| entity(o, errors));
    let list = |w: &Option<Words>, stemmed: bool, key: &str, errors: &mut Vec<Diagnostic>| {
        w.as_ref()
            .map(|w| terms(w, stemmed, key, file, errors))
            .unwrap_or_default()
    };
    let cues = list(&raw.cues, true, "cues", errors);
    let anchors = list(&raw.anchors, false, "anchors", errors);
    let veto = list(&raw.veto, false, "veto", errors);
    let titles = list(&raw.titles, false, "titles", errors);
    let within = match &raw.within {
        None => DEFAULT_WITHIN,
        Some(w) => match w.get_ref() {
            toml::Value::Integer(n) if (0..=100).contains(n) => *n as usize,
            _ => {
                errors.push(files::error_at(
                    file,
                    w.span(),
                    format!("invalid `within` in fact `{id}`"),
                    "expected a whole number of words from 0 to 100",
                ));
                DEFAULT_WITHIN
            }
        },
    };
    // An unknown `read` is reported once; the checks that depend on how
    // the fact reads are then skipped rather than guessed at.
    let mut read_known = true;
    let read = match raw.read.as_ref().map(|r| (r.get_ref().as_str(), r.span())) {
        None | Some(("near", _)) => Read::Near,
        Some(("apposition", span)) => {
            if kind.is_some_and(|k| k != Kind::Title) {
                errors.push(files::error_at(
                    file,
                    span,
                    format!("`read = \"apposition\"` in fact `{id}`, which is not a title"),
                    "an apposition reads a title next to a name: use kind = \"title\"",
                ));
            }
            Read::Apposition
        }
        Some((other, span)) => {
            errors.push(files::error_at(
                file,
                span,
                format!("unknown `read` value `{other}` in fact `{id}`"),
                "expected \"near\" (a value near a cue) or \"apposition\" (a title next to a name)",
            ));
            read_known = false;
            Read::Near
        }
    };
    if read == Read::Apposition && about.is_empty() && raw.about.is_none() {
        errors.push(files::error_at(
            file,
            raw.id.span(),
            format!("fact `{id}` reads an apposition but names no entity"),
            "add `about = [\"…\"]`: the titles are read next to its names",
        ));
    }
    if read_known
        && read == Read::Near
        && cues.is_empty()
        && raw.patterns.is_empty()
        && raw.pattern.is_none()
    {
        let span = raw
            .about
            .as_ref()
            .map(Spanned::span)
            .unwrap_or_else(|| raw.id.span());
        errors.push(files::error_at(
            file,
            span,
            format!("fact `{id}` has no cue words"),
            "add `cues = [\"…\"]`: the words that say this value is the fact (\"spend\", \"paid\")",
        ));
    }
    if read_known
        && read == Read::Near
        && matches!(kind, Some(Kind::Title))
        && raw.patterns.is_empty()
        && raw.pattern.is_none()
    {
        errors.push(files::error_at(
            file,
            raw.kind.span(),
            format!("title fact `{id}` reads near a cue"),
            "a title has no value shape of its own: use `read = \"apposition\"` or regex `patterns`",
        ));
    }
    Some(Shape {
        about,
        cues,
        anchors,
        veto,
        within,
        read,
        of,
        titles,
        group: raw.group.as_ref().map(|g| g.get_ref().clone()),
    })
}

/// "did you mean" for an unknown entity id.
fn unknown_entity_hint(name: &str, entities: &BTreeMap<String, usize>) -> String {
    let nearest = entities
        .keys()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match nearest {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None if entities.is_empty() => {
            "define it in a rule file: [entity.ID] with names = [\"…\"]".to_string()
        }
        None => {
            let names: Vec<&str> = entities.keys().map(String::as_str).collect();
            format!("known entities: {}", names.join(", "))
        }
    }
}
