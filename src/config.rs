//! Where the rules are. In order: `--rules` on the command line; else the
//! `rules` named by the first `factlint.toml` found in the corpus folder or
//! any folder above it (paths relative to that file); else `rules/` in the
//! current folder. A story's articles and its rules usually travel
//! together, so the corpus is where factlint looks first.

use crate::corpus::display;
use crate::files::{self, Diagnostic, Files};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The configuration file's name.
pub const CONFIG_FILE: &str = "factlint.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// A folder or file, or a list of them.
    rules: Option<Spanned<toml::Value>>,
}

/// Resolves the rule paths for a run over `corpus` (see the module doc).
pub fn rule_paths(
    cli: &[PathBuf],
    corpus: &[PathBuf],
    files: &mut Files,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    if !cli.is_empty() {
        return Ok(cli.to_vec());
    }
    if let Some(config) = corpus.first().and_then(|p| find_config(p)) {
        if let Some(paths) = read_config(&config, files)? {
            return Ok(paths);
        }
    }
    let default = PathBuf::from("rules");
    if default.is_dir() {
        return Ok(vec![default]);
    }
    Err(vec![files::error(format!(
        "no rules found: pass --rules DIR, or put a {CONFIG_FILE} naming the rules folder in the corpus folder or above it, or run factlint where a `rules/` folder is"
    ))])
}

/// The nearest `factlint.toml` in `start`'s folder or above.
fn find_config(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let first = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    first?
        .ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// The rule paths a config names, relative to its folder; `None` if it
/// names none.
fn read_config(path: &Path, files: &mut Files) -> Result<Option<Vec<PathBuf>>, Vec<Diagnostic>> {
    let name = display(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![files::error(format!(
            "cannot read `{name}`: {}",
            crate::corpus::io_reason(&e)
        ))]
    })?;
    let file = files.add(name.clone(), text.clone().into());
    let raw: RawConfig =
        toml::from_str(&text).map_err(|e| vec![files::toml_error(file, &name, &e)])?;
    let Some(rules) = raw.rules else {
        return Ok(None);
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let named: Vec<&str> = match rules.get_ref() {
        toml::Value::String(s) => vec![s.as_str()],
        toml::Value::Array(a) if a.iter().all(|v| v.is_str()) => {
            a.iter().filter_map(|v| v.as_str()).collect()
        }
        _ => {
            return Err(vec![files::error_at(
                file,
                rules.span(),
                "invalid `rules`",
                "expected a path or a list of paths",
            )]);
        }
    };
    Ok(Some(named.into_iter().map(|p| dir.join(p)).collect()))
}
