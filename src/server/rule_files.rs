//! Diagnostics for an open rule file: what `factlint test` says of it —
//! every load error pointing into the TOML, and every example its patterns
//! fail — from the unsaved buffer, so a rule author sees a broken pattern
//! as it is typed.
//!
//! The engine loads rules from paths, and the facts of one folder are
//! checked together (duplicate ids across files). So the folder is copied
//! to a private temporary folder with the buffer in place of the file, and
//! loaded from there; names are mapped back before anything is shown. The
//! user's files are only read.

use super::diagnostics;
use crate::config::Config;
use crate::files::{Diagnostic as EngineDiagnostic, Files};
use crate::rules::RuleSet;
use lsp_types::Diagnostic;
use std::path::Path;

/// The diagnostics of the rule file at `path` whose text is `text`.
pub fn check(path: &Path, text: &str) -> Vec<Diagnostic> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let Ok(scratch) = tempfile::tempdir() else {
        return Vec::new();
    };
    if copy_with_buffer(folder, path, text, scratch.path()).is_err() {
        return Vec::new();
    }
    let mut files = Files::new();
    let defaults = Config::resolve(None, &[], &[folder.to_path_buf()], &mut files)
        .map(|c| c.defaults)
        .unwrap_or_default();
    let errors: Vec<EngineDiagnostic> =
        match RuleSet::load(&[scratch.path().to_path_buf()], &defaults, &mut files) {
            Ok(rules) => crate::examples::run(&rules).failures,
            Err(errors) => errors,
        };
    let mut renamed = Files::new();
    let scratch_shown = crate::corpus::display(scratch.path());
    let folder_shown = crate::corpus::display(folder);
    for id in (0..).take_while(|&id| files.codespan().get(id).is_ok()) {
        let name = files.name(id).replacen(&scratch_shown, &folder_shown, 1);
        renamed.add(name, files.text(id).into());
    }
    let errors: Vec<EngineDiagnostic> = errors
        .into_iter()
        .map(|mut d| {
            d.message = d.message.replace(&scratch_shown, &folder_shown);
            d
        })
        .collect();
    let shown = crate::corpus::display(&folder.join(name));
    diagnostics::of_errors(&errors, &renamed, &shown)
}

/// Copies the rule files (`*.toml`) of `folder` into `into`, with `text`
/// for `edited`.
fn copy_with_buffer(folder: &Path, edited: &Path, text: &str, into: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let from = entry.path();
        if from.extension().is_some_and(|x| x == "toml")
            && from.is_file()
            && from.file_name() != edited.file_name()
        {
            std::fs::copy(&from, into.join(entry.file_name()))?;
        }
    }
    if let Some(name) = edited.file_name() {
        std::fs::write(into.join(name), text)?;
    }
    Ok(())
}
