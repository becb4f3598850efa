//! The corpora are published articles byte for byte: spans must point at
//! the real bytes. `corpus/` copies `../shared/seed-articles`, and
//! `tests/data/dev-corpus/` (the scoring harness's articles and
//! annotations) copies `../shared/dev-corpus`.

mod common;

use std::path::{Path, PathBuf};

#[test]
fn articles_are_byte_for_byte_copies_of_the_seed_articles() {
    // sources.toml is ours: what is known about each article.
    let compared = compare_copy("../shared/seed-articles", "corpus", &["sources.toml"]);
    assert!(compared.is_none() || compared == Some(5));
}

#[test]
fn the_dev_corpus_is_a_byte_for_byte_copy_of_the_shared_one() {
    // fact-map.toml is ours: the scoring harness's map to our fact ids.
    let compared = compare_copy(
        "../shared/dev-corpus",
        "tests/data/dev-corpus",
        &["fact-map.toml"],
    );
    // README, ten articles, sources.toml and annotations.toml.
    assert!(compared.is_none() || compared == Some(13));
}

/// Compares every file under `shared` with the same path under `ours`
/// (both relative to the repository root), and checks that `ours` holds
/// nothing more than `extra` (file names at its top level). Returns how
/// many files were compared, or `None` when `shared` is absent.
///
/// CI and developers have ../shared beside the checkout, and CI must
/// compare (`CI=true` makes a missing ../shared a failure); a plain clone
/// elsewhere cannot compare, which is not a failure of ours.
fn compare_copy(shared: &str, ours: &str, extra: &[&str]) -> Option<usize> {
    let theirs_root = common::root().join(shared);
    let ours_root = common::root().join(ours);
    if !theirs_root.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} not found: CI must compare {ours} with it",
            theirs_root.display()
        );
        eprintln!(
            "skipped: {} not found, {ours} not compared",
            theirs_root.display()
        );
        return None;
    }
    let theirs = files_under(&theirs_root);
    for path in &theirs {
        let mine = std::fs::read(ours_root.join(path))
            .unwrap_or_else(|e| panic!("{ours}/{} is missing: {e}", path.display()));
        assert!(
            mine == std::fs::read(theirs_root.join(path)).unwrap(),
            "{ours}/{} differs from {shared}",
            path.display()
        );
    }
    for path in files_under(&ours_root) {
        let allowed =
            path.parent() == Some(Path::new("")) && extra.iter().any(|e| path == Path::new(e));
        assert!(
            allowed || theirs.contains(&path),
            "{ours}/{} is not in {shared}",
            path.display()
        );
    }
    Some(theirs.len())
}

/// Every file under `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}
