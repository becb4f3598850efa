//! CI gating: baselines, focus on a new article, reviewed discrepancies,
//! output files and exit policy, on a copy of the corpus.

mod common;
use common::*;
use std::path::Path;

const NEW_ARTICLE: &str = "# Netflix and Facebook: what the unsealed filings say\n\nNetflix co-founder Reed Hastings sat on Facebook's board while the two companies\nshared data, according to the unsealed complaint. In 2017, Netflix agreed to spend\n$200 million on Facebook advertising, the filing says.\n";

fn short(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["corpus", "--format", "short"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    (code(&out), stdout(&out))
}

#[test]
fn a_new_article_is_gated_against_the_corpus() {
    let dir = story();
    let p = dir.path();
    // The baseline is written before the new article arrives.
    let out = run_in(p, &["corpus", "--write-baseline", "factlint-baseline.json"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stderr(&out),
        "factlint: wrote 10 findings to factlint-baseline.json\n"
    );
    let baseline = std::fs::read_to_string(p.join("factlint-baseline.json")).unwrap();
    assert!(
        baseline.starts_with("{\n  \"version\": 2,\n  \"findings\": ["),
        "{baseline}"
    );

    std::fs::write(p.join("corpus/new-article.md"), NEW_ARTICLE).unwrap();

    // Focus: only the new article's disagreement, labelled in the old
    // sources too. Two outlets against one are a split (a warning), so the
    // gate fails on warnings.
    let out = run_in(
        p,
        &[
            "corpus",
            "--focus",
            "corpus/new-article.md",
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["kind"], "split");
    let paths: Vec<&str> = findings[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "corpus/new-article.md",
            "corpus/epoch-times.txt",
            "corpus/tachlis-daily.txt"
        ]
    );
    assert_eq!(findings[0]["labels"][0]["text"], "$200 million");

    // Baseline: only the new finding.
    let (status, text) = short(
        p,
        &[
            "--baseline",
            "factlint-baseline.json",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(status, 1);
    assert_eq!(
        text,
        "corpus/new-article.md:5:1: warning[FL006] sources are split on Netflix's Facebook ad spend in 2017 [ad-spend-2017]\nsummary: 0 errors, 1 warning, 0 notes in 6 sources (21 facts checked); not shown: 10 in the baseline\n"
    );
}

#[test]
fn baseline_identity_ignores_positions_but_not_values() {
    let dir = story();
    let p = dir.path();
    run_in(p, &["corpus", "--write-baseline", "b.json"]);
    let epoch = p.join("corpus/epoch-times.txt");
    let text = std::fs::read_to_string(&epoch).unwrap();

    // An unrelated paragraph moves every line: nothing resurfaces.
    std::fs::write(
        &epoch,
        format!("An unrelated new opening paragraph.\n\n{text}"),
    )
    .unwrap();
    assert_eq!(short(p, &["--baseline", "b.json"]), (0, "summary: 0 errors, 0 warnings, 0 notes in 5 sources (21 facts checked); not shown: 10 in the baseline\n".to_string()));

    // A changed value is a new finding; its old entry is stale.
    std::fs::write(
        &epoch,
        text.replace("company $100 million for", "company $120 million for"),
    )
    .unwrap();
    let (status, out) = short(p, &["--baseline", "b.json"]);
    assert_eq!(status, 0, "a warning and a note do not fail");
    assert!(
        out.contains(
            "warning[FL003] what Netflix paid Facebook for access to users' messages (USD 120M)"
        ),
        "{out}"
    );
    assert!(out.contains("factlint: note[FL201] baseline entry matches no finding: FL003 access-payment (corpus/epoch-times.txt: USD 100M)"), "{out}");

    // Pruning drops exactly the stale entry.
    let out = run_in(p, &["corpus", "--baseline", "b.json", "--prune-baseline"]);
    assert_eq!(
        stderr(&out),
        "factlint: removed 1 stale entries from b.json\n"
    );
    let pruned = std::fs::read_to_string(p.join("b.json")).unwrap();
    assert_eq!(pruned.matches("\"code\"").count(), 9);
    assert!(!pruned.contains("USD 100M"));
}

#[test]
fn focus_changed_follows_git() {
    let dir = story();
    let p = dir.path();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(p)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "corpus"]);
    std::fs::write(p.join("corpus/new-article.md"), NEW_ARTICLE).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "new article"]);
    let (status, text) = short(p, &["--focus-changed", "HEAD~1", "--fail-on", "warning"]);
    assert_eq!(status, 1);
    assert!(
        text.starts_with("corpus/new-article.md:5:1: warning[FL006]"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    // Nothing changed since HEAD: nothing to report.
    assert_eq!(short(p, &["--focus-changed", "HEAD"]).0, 0);
}

#[test]
fn focus_on_a_path_that_is_not_an_article_is_an_error() {
    let dir = story();
    let out = run_in(dir.path(), &["corpus", "--focus", "corpus/nothing.md"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out)
        .contains("--focus `corpus/nothing.md` is not one of the articles being checked"));
}

#[test]
fn reviewed_discrepancies_are_acknowledged() {
    let dir = story();
    let p = dir.path();
    let manifest = std::fs::read_to_string(p.join("corpus/sources.toml")).unwrap();
    let manifest = manifest.replace(
        "[source.\"mailonline.txt\"]\n",
        "[source.\"mailonline.txt\"]\naccept = [{ fact = \"hastings-title\", reason = \"Reviewed 2024-04-05: kept, Hastings was long Netflix's president as well\" }, { fact = \"irish-fine\", reason = \"reviewed\" }]\n",
    );
    std::fs::write(p.join("corpus/sources.toml"), manifest).unwrap();
    let md = "# A note\n\n<!-- factlint-disable-next-line ad-spend-2017 quoting a rival's figure to refute it -->\nSome claimed that in 2017 Netflix would spend $300 million.\n\n<!-- factlint-disable musk-descriptor quoted headline -->\nNothing about Musk here.\n<!-- factlint-enable musk-descriptor -->\n";
    std::fs::write(p.join("corpus/note.md"), md).unwrap();

    let (status, text) = short(p, &[]);
    assert_eq!(status, 1, "{text}");
    assert!(!text.contains("[hastings-title]"), "acknowledged: {text}");
    assert!(
        !text.contains("error[FL001]"),
        "the disabled line is not reported: {text}"
    );
    assert!(text.contains("corpus/sources.toml:24:125: warning[FL202] the acknowledgement of `irish-fine` for corpus/mailonline.txt matches no finding"), "{text}");
    assert!(text.contains("corpus/note.md:6:1: warning[FL202] the acknowledgement of `musk-descriptor` for corpus/note.md matches no finding"), "{text}");
    assert!(text.contains("not shown: 2 acknowledged"), "{text}");
}

#[test]
fn acknowledgements_need_a_reason() {
    let dir = story();
    let p = dir.path();
    std::fs::write(
        p.join("corpus/note.md"),
        "<!-- factlint-disable-next-line ad-spend-2017 -->\ntext\n<!-- factlint-enable x -->\n",
    )
    .unwrap();
    let out = run_in(p, &["corpus"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("`factlint-disable-next-line ad-spend-2017` has no reason")
            && err.contains("corpus/note.md:1:1"),
        "{err}"
    );
    assert!(
        err.contains("`factlint-enable x` without a `factlint-disable x` before it"),
        "{err}"
    );
}

#[test]
fn output_files_and_exit_policy() {
    let dir = story();
    let p = dir.path();
    let out = run_in(
        p,
        &["corpus", "--format", "sarif", "-o", "out/report.sarif"],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "", "results go to the file");
    let written = std::fs::read_to_string(p.join("out/report.sarif")).unwrap();
    assert!(written.contains("\"version\": \"2.1.0\""));
    assert!(
        std::fs::read_dir(p.join("out")).unwrap().count() == 1,
        "no temporary file left behind"
    );
    assert_eq!(code(&run_in(p, &["corpus", "--exit-zero"])), 0);
    assert_eq!(
        code(&run_in(p, &["corpus", "--exit-zero", "nowhere"])),
        2,
        "bad input still fails"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["corpus/", "--format", "json", "--statistics"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
