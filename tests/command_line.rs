//! What a linter user expects of the command line: global options, "did
//! you mean", completions and a man page, terminal-aware output. Run on the
//! real binary.

mod common;
use common::*;

#[test]
fn global_options_are_accepted_after_any_subcommand() {
    // Before the change, `--color` after `table` was rejected.
    let out = run(&["table", "corpus/", "--color", "never", "--width", "90"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let widest = stdout(&out)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(widest <= 90, "a line of {widest} columns");
    assert!(widest > 80, "the table uses the width it is given");

    let out = run(&[
        "explain",
        "ad-spend-2017",
        "--rules",
        "rules",
        "--color",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("ad-spend-2017: "));

    let out = run(&["test", "--rules", "rules", "--color", "never"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // Options before a subcommand are the check's: said plainly.
    let out = run(&["--rules", "rules", "test"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("write `factlint test` first"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_mistyped_subcommand_gets_a_suggestion_not_a_missing_path() {
    let out = run(&["tset"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("did you mean `factlint test`?"), "{err}");
    assert!(!err.contains("cannot read"), "{err}");

    // A path that is no command's typo is still a missing path.
    let out = run(&["no-such-folder"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot read `no-such-folder`"));
}

#[test]
fn a_mistyped_flag_gets_a_suggestion() {
    let out = run(&["corpus/", "--formt", "short"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--format"), "{}", stderr(&out));
}
