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

#[test]
fn completions_and_a_man_page_are_generated_from_the_parser() {
    for (shell, marker) in [
        ("bash", "_factlint()"),
        ("zsh", "#compdef factlint"),
        ("fish", "complete -c factlint"),
    ] {
        let out = run(&["completions", shell]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("discover") && script.contains("statistics"),
            "{shell}"
        );
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(code(&out), 2, "an unknown shell is a usage error");

    let out = run(&["man"]);
    assert_eq!(code(&out), 0);
    let page = stdout(&out);
    assert!(page.contains(".TH factlint 1"), "{page}");
    assert!(page.contains("\\-\\-fail\\-on"), "options are documented");
    assert!(page.contains("server"), "subcommands are listed");
}

#[test]
fn explain_takes_every_id_a_report_prints_and_suggests_on_a_typo() {
    let out = run(&["explain", "quote:for-nearly-a-decade-netflix", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("checked by FL301 quote-drift"), "{text}");
    assert!(text.contains("quoted as “power”"), "{text}");

    let out = run(&["explain", "figures", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(
        "“more than 500 million users” (more than 500M users) appears in no other source"
    ));
    let out = run(&["explain", "figures"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("FL302 single-source"));

    let out = run(&["explain", "quote:for-nearly-a-decade-netflx", "corpus/"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `quote:for-nearly-a-decade-netflix`?"),
        "{}",
        stderr(&out)
    );
    for (typo, meant) in [
        ("ad-spend-2071", "ad-spend-2017"),
        ("FL01", "FL001"),
        ("conflcit", "conflict"),
    ] {
        let out = run(&["explain", typo]);
        assert_eq!(code(&out), 2);
        let err = stderr(&out);
        assert!(err.contains(&format!("did you mean `{meant}`?")), "{err}");
    }
}

#[test]
fn statistics_count_findings_per_code_and_per_outlet() {
    let out = run(&["corpus/", "--format", "short", "--statistics"]);
    let text = stdout(&out);
    assert!(
        text.contains("\nFL002 contradicts-reference         3       3         0      0\n"),
        "{text}"
    );
    assert!(
        text.contains("\nMailOnline                  3       1         1      1\n"),
        "{text}"
    );
    assert!(
        text.contains("\nfact                            sources  claims\n"),
        "{text}"
    );
}

#[test]
fn progress_is_shown_on_a_terminal_only_and_never_in_machine_formats() {
    // Not a terminal: nothing on stderr.
    let out = run(&["corpus/", "--color", "never"]);
    assert_eq!(stderr(&out), "");
    // On a terminal (`script` gives the run one): shown for people, not for
    // JSON.
    let on_terminal = |format: &str| {
        let command = format!(
            "{} corpus/ --color never --format {format}",
            env!("CARGO_BIN_EXE_factlint")
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(root())
            .output()
            .expect("script(1) from util-linux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(on_terminal("human").contains("extracting claims"));
    let json = on_terminal("json");
    assert!(json.contains("\"summary\""), "{json}");
    assert!(!json.contains("extracting claims"), "{json}");
}

#[test]
fn watch_checks_again_when_an_article_changes() {
    use std::io::{BufRead, BufReader};
    let dir = folder(&[
        ("a.txt", b"In 2017 Netflix would spend $150M."),
        ("b.txt", b"In 2017 Netflix would spend $150M."),
        ("rules/r.toml", RULE.as_bytes()),
    ]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([".", "--watch", "--format", "short"])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (send, lines) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if send.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    // Bounded waits: they stop a hang, they measure nothing.
    let summary = |what: &str| loop {
        let line = lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no {what}"));
        if line.starts_with("summary:") {
            return line;
        }
    };
    assert!(summary("first report").starts_with("summary: 0 errors"));
    std::fs::write(
        dir.path().join("b.txt"),
        "In 2017 Netflix would spend $200M.",
    )
    .unwrap();
    let second = summary("report after the change");
    child.kill().unwrap();
    child.wait().unwrap();
    // Two sources that disagree are a split, not an accusation.
    assert!(
        second.starts_with("summary: 0 errors, 1 warning"),
        "{second}"
    );
}
