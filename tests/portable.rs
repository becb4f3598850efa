//! The same result from any directory: a baseline made with one spelling
//! of the corpus path matches runs with any other.

mod common;
use common::*;

#[test]
fn a_baseline_matches_from_any_directory_and_any_spelling() {
    let dir = story();
    let p = dir.path();
    std::fs::create_dir(p.join("ci")).unwrap();
    let out = run_in(p, &["corpus", "--write-baseline", "ci/baseline.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let written = std::fs::read_to_string(p.join("ci/baseline.json")).unwrap();
    assert!(
        written.contains("\"path\": \"../corpus/epoch-times.txt\""),
        "{written}"
    );
    assert!(
        !written.contains(&p.to_string_lossy().into_owned()),
        "{written}"
    );

    let hidden = format!("not shown: {} in the baseline", entries(&written));
    let absolute = p.join("corpus");
    let runs: &[(&std::path::Path, &[&str])] = &[
        (p, &["corpus", "--baseline", "ci/baseline.json"]),
        (
            p,
            &[absolute.to_str().unwrap(), "--baseline", "ci/baseline.json"],
        ),
        (
            &p.join("corpus"),
            &[".", "--baseline", "../ci/baseline.json"],
        ),
        (&p.join("ci"), &["../corpus", "--baseline", "baseline.json"]),
    ];
    for (dir, args) in runs {
        let out = run_in(
            dir,
            &[
                args,
                &["--format", "short", "--rules"][..],
                &[p.join("rules").to_str().unwrap()],
            ]
            .concat(),
        );
        assert_eq!(
            code(&out),
            0,
            "{args:?} in {}: {}{}",
            dir.display(),
            stdout(&out),
            stderr(&out)
        );
        assert!(!stdout(&out).contains("FL201"), "{}", stdout(&out));
        assert!(stdout(&out).contains(&hidden), "{}", stdout(&out));
    }
}

#[test]
fn a_version_1_baseline_still_works_and_is_rewritten_in_the_new_form() {
    let dir = story();
    let p = dir.path();
    let out = run_in(p, &["corpus", "--write-baseline", "b.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Version 1: the same entries, paths relative to where factlint ran.
    let v2 = std::fs::read_to_string(p.join("b.json")).unwrap();
    let hidden = format!("not shown: {} in the baseline", entries(&v2));
    assert!(entries(&v2) > 0, "{v2}");
    std::fs::create_dir(p.join("old")).unwrap();
    let v1 = v2.replace("\"version\": 2", "\"version\": 1");
    std::fs::write(p.join("old/b.json"), &v1).unwrap();
    let out = run_in(
        p,
        &["corpus", "--baseline", "old/b.json", "--format", "short"],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains(&hidden), "{}", stdout(&out));
    // Pruning rewrites it as version 2, relative to its own folder.
    let out = run_in(
        p,
        &["corpus", "--baseline", "old/b.json", "--prune-baseline"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rewritten = std::fs::read_to_string(p.join("old/b.json")).unwrap();
    assert!(rewritten.contains("\"version\": 2"), "{rewritten}");
    assert!(rewritten.contains("\"path\": \"../corpus/"), "{rewritten}");
}

/// How many findings a baseline file records.
fn entries(baseline: &str) -> usize {
    let json: serde_json::Value = serde_json::from_str(baseline).unwrap();
    json["findings"].as_array().map_or(0, Vec::len)
}
