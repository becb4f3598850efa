//! `--focus-changed` against real git repositories built in temporary
//! folders: the ref is never read as an option, every changed article is
//! found whatever its name or state, and a pull request is blamed only for
//! what it changed since it forked.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// An article whose 2017 ad spend ($200 million) contradicts the corpus.
const CONFLICTING: &str = "# Netflix and Facebook: what the unsealed filings say\n\nNetflix co-founder Reed Hastings sat on Facebook's board while the two companies\nshared data, according to the unsealed complaint. In 2017, Netflix agreed to spend\n$200 million on Facebook advertising, the filing says.\n";

/// An article with nothing to check.
const QUIET: &str = "# A quiet note\n\nNothing in this note is a fact the rules know.\n";

/// Runs git in `dir` with a fixed identity; panics when git fails.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A copy of the story committed as the first commit of a new repository.
fn repository() -> tempfile::TempDir {
    let dir = story();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "corpus"]);
    dir
}

fn focus_changed(dir: &Path, reference: &str) -> std::process::Output {
    run_in(
        dir,
        // Two outlets against one are a split, not an accusation: a gate
        // that fails on any disagreement fails on warnings.
        &[
            "corpus",
            "--format",
            "short",
            "--fail-on",
            "warning",
            "--focus-changed",
            reference,
        ],
    )
}

#[test]
fn an_option_given_as_the_ref_is_refused_and_never_reaches_git() {
    let dir = repository();
    let p = dir.path();
    let out = run_in(
        p,
        &[
            "corpus",
            "--format",
            "short",
            "--focus-changed=--output=clobbered.txt",
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--focus-changed `--output=clobbered.txt` is not a commit"),
        "{}",
        stderr(&out)
    );
    assert!(!p.join("clobbered.txt").exists(), "git wrote a file");
}

#[test]
fn a_ref_that_is_not_a_commit_is_an_error() {
    let dir = repository();
    for reference in ["no-such-branch", "HEAD:corpus", "HEAD~5"] {
        let out = focus_changed(dir.path(), reference);
        assert_eq!(code(&out), 2, "{reference}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("--focus-changed `{reference}` is not a commit")),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn outside_a_repository_is_an_error() {
    let dir = story();
    let out = focus_changed(dir.path(), "HEAD");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--focus-changed needs a git repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_untracked_article_is_focused() {
    let dir = repository();
    std::fs::write(dir.path().join("corpus/new-article.md"), CONFLICTING).unwrap();
    let out = focus_changed(dir.path(), "HEAD");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("corpus/new-article.md:5:1: warning[FL006]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn staged_and_unstaged_articles_are_focused() {
    let dir = repository();
    let p = dir.path();
    std::fs::write(p.join("corpus/staged.md"), CONFLICTING).unwrap();
    git(p, &["add", "corpus/staged.md"]);
    let out = focus_changed(p, "HEAD");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("corpus/staged.md:5:1: warning[FL006]"));

    git(p, &["commit", "-qm", "staged"]);
    let epoch = p.join("corpus/epoch-times.txt");
    let text = std::fs::read_to_string(&epoch).unwrap();
    std::fs::write(&epoch, format!("{text}\nAn unstaged line.\n")).unwrap();
    let out = focus_changed(p, "HEAD");
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("nothing to report"),
        "the edited article is focused: {}",
        stderr(&out)
    );
}

#[test]
fn an_article_with_a_non_ascii_name_is_focused() {
    let dir = repository();
    let p = dir.path();
    std::fs::write(p.join("corpus/le-monde-été.md"), CONFLICTING).unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "le monde"]);
    let out = focus_changed(p, "HEAD~1");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("corpus/le-monde-été.md:5:1: warning[FL006]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_renamed_article_is_focused_under_its_new_name() {
    let dir = repository();
    let p = dir.path();
    std::fs::write(p.join("corpus/draft.md"), CONFLICTING).unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "draft"]);
    git(p, &["mv", "corpus/draft.md", "corpus/publié.md"]);
    git(p, &["commit", "-qm", "publish"]);
    let out = focus_changed(p, "HEAD~2");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("corpus/publié.md:5:1: warning[FL006]"),
        "{}",
        stdout(&out)
    );
    // Only the rename since HEAD~1: the article is still the one to check.
    let out = focus_changed(p, "HEAD~1");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("corpus/publié.md:5:1: warning[FL006]"));
}

#[test]
fn a_pull_request_is_blamed_only_for_its_own_articles() {
    let dir = repository();
    let p = dir.path();
    std::fs::write(p.join("corpus/wire.md"), CONFLICTING).unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "wire story"]);
    git(p, &["branch", "pull-request"]);
    // main moves on: the conflicting wire story is edited after the fork.
    std::fs::write(
        p.join("corpus/wire.md"),
        format!("{CONFLICTING}\nUpdated at noon.\n"),
    )
    .unwrap();
    git(p, &["commit", "-qam", "update on main"]);
    // The pull request adds a quiet note of its own.
    git(p, &["checkout", "-q", "pull-request"]);
    std::fs::write(p.join("corpus/note.md"), QUIET).unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "note"]);

    let out = focus_changed(p, "main");
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        !stdout(&out).contains("wire.md"),
        "main's wire story is not the pull request's: {}",
        stdout(&out)
    );
    assert!(
        stdout(&out).starts_with("summary: 0 errors"),
        "{}",
        stdout(&out)
    );

    // The same story, when the pull request touches the wire story itself.
    std::fs::write(
        p.join("corpus/wire.md"),
        format!("{CONFLICTING}\nA correction.\n"),
    )
    .unwrap();
    let out = focus_changed(p, "main");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("corpus/wire.md:5:1: warning[FL006]"));
}
