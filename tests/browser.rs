//! The HTML report in a real browser: renders the report of `corpus/` (and
//! of `../shared/dev-corpus/meta-netflix` when it is there), then drives
//! Debian's Chromium over it with networking disabled
//! (`tests/browser/check.mjs`): DOM, filters, keyboard, axe-core with zero
//! violations, and screenshots at 1280 and 375 px in `target/report-shots/`.
//!
//! Needs Chromium and the npm packages of `tests/browser/`. Without them the
//! tests are reported as ignored, with a message naming the command that
//! runs them — never a silent pass. `.ci/run` installs both and sets
//! `FACTLINT_BROWSER=required`, under which a missing browser fails.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

const HOW: &str = "`bash .ci/run` installs Debian's chromium and the npm packages and runs it; or: apt-get install chromium && npm ci --prefix tests/browser && cargo test --test browser";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Chromium: `$FACTLINT_CHROMIUM`, else Debian's.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FACTLINT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// What is missing to run the browser test, if anything.
fn missing() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if chromium().is_none() {
        missing.push("Chromium");
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node");
    }
    let modules = root().join("tests/browser/node_modules");
    if !modules.join("axe-core").exists() || !modules.join("playwright-core").exists() {
        missing.push("the npm packages of tests/browser (npm ci)");
    }
    missing
}

fn main() {
    let args = Arguments::from_args();
    let missing = missing();
    let required = std::env::var("FACTLINT_BROWSER").is_ok_and(|v| v == "required");
    let ignore = !missing.is_empty() && !required;
    if ignore {
        println!(
            "browser test ignored: no {} on this machine. {HOW}",
            missing.join(", no ")
        );
    }
    let mut trials = vec![Trial::test("html_report_of_corpus_in_chromium", move || {
        report_in_browser(&root().join("corpus"), "corpus")
    })
    .with_ignored_flag(ignore)];
    let shared = root().join("../shared/dev-corpus/meta-netflix");
    if shared.exists() {
        trials.push(
            Trial::test("html_report_of_meta_netflix_in_chromium", move || {
                report_in_browser(&shared, "meta-netflix")
            })
            .with_ignored_flag(ignore),
        );
    }
    libtest_mimic::run(&args, trials).exit();
}

fn report_in_browser(corpus: &Path, name: &str) -> Result<(), Failed> {
    let missing = missing();
    if !missing.is_empty() {
        return Err(format!("no {}: {HOW}", missing.join(", no ")).into());
    }
    let shots = root().join("target/report-shots");
    std::fs::create_dir_all(&shots).map_err(|e| format!("cannot create {shots:?}: {e}"))?;
    let html = shots.join(format!("{name}.html"));
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg(corpus)
        .args(["--format", "html", "--exit-zero", "-o"])
        .arg(&html)
        .current_dir(root())
        .output()
        .map_err(|e| format!("factlint did not run: {e}"))?;
    if !out.status.success() {
        return Err(format!("factlint failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let chromium = chromium().ok_or("no Chromium")?;
    let run = Command::new("node")
        .arg(root().join("tests/browser/check.mjs"))
        .arg(&html)
        .arg(&shots)
        .arg(name)
        .arg(&chromium)
        .output()
        .map_err(|e| format!("node did not run: {e}"))?;
    print!("{}", String::from_utf8_lossy(&run.stdout));
    if !run.status.success() {
        return Err(format!(
            "the page failed in the browser:\n{}",
            String::from_utf8_lossy(&run.stderr)
        )
        .into());
    }
    for width in ["desktop", "375"] {
        let shot = shots.join(format!("{name}-{width}.png"));
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        if size < 10_000 {
            return Err(format!("screenshot {shot:?} is missing or empty").into());
        }
    }
    Ok(())
}
