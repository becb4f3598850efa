//! Rule authoring: examples as tests, rule hygiene, configuration, and the
//! authoring commands (explain, init, table), on the real binary.

mod common;
use common::*;

#[test]
fn the_repository_rules_pass_their_examples() {
    let out = run(&["test", "rules/"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains(", 0 failed"), "{text}");
    // Every fact has at least two positive and one negative example.
    assert!(!text.contains("note:"), "facts short of examples:\n{text}");
    let examples: usize = text
        .split("test: ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(examples >= 3 * 18, "{examples} examples");
}

const EXAMPLED: &str = r#"
[[fact]]
id = "spend"
description = "the 2017 ad spend"
kind = "money"
patterns = ['in 2017{gap}spend {value}']

[[fact.example]]
text = "In 2017 Netflix agreed to spend $150 million."
values = ["$150M"]

[[fact.example]]
text = "In 2015 Netflix agreed to spend $40 million."
values = []
"#;

#[test]
fn a_broken_example_fails_at_the_example() {
    let dir = folder(&[("rules/r.toml", EXAMPLED.as_bytes())]);
    let out = run_in(dir.path(), &["test", "--color", "never"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));

    let broken = EXAMPLED.replace(r#"values = ["$150M"]"#, r#"values = ["$200M"]"#);
    std::fs::write(dir.path().join("rules/r.toml"), broken).unwrap();
    let out = run_in(dir.path(), &["test", "--color", "never"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("error: example of `spend` failed"), "{text}");
    assert!(text.contains("┌─ rules/r.toml:9:8"), "{text}");
    assert!(
        text.contains("expected USD 200M, got USD 150M (from \"$150 million\")"),
        "{text}"
    );
    assert!(
        text.contains("test: 2 examples of 1 facts, 1 failed"),
        "{text}"
    );
}

#[test]
fn six_mistakes_give_six_diagnostics_in_one_run() {
    let a = r#"
[[fact]]
id = "a"
description = "a"
kind = "money"
patterns = ['{value}']
colour = "red"

[[fact]]
id = "b"
description = "b"
kind = "money"
patterns = ['spend ({value}']
"#;
    let b = r#"
[[fact]]
id = "a"
description = "a again"
kind = "mony"
patterns = ['{value}']

[[fact]]
id = "c"
description = "c"
kind = "date"
patterns = ['filed {value}']
expected = "someday"
"#;
    let c = "[[fact]\nid = \"d\"\n";
    let dir = folder(&[
        ("a.txt", b"x"),
        ("rules/a.toml", a.as_bytes()),
        ("rules/b.toml", b.as_bytes()),
        ("rules/c.toml", c.as_bytes()),
    ]);
    let out = run_in(dir.path(), &["a.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    for needle in [
        "unknown field `colour`",
        "invalid regular expression in pattern",
        "unknown kind `mony`",
        "`someday` is not a date value",
        "invalid TOML in rules/c.toml",
        // Reported beside the rest, although both facts `a` are wrong.
        "duplicate fact id `a`",
        "factlint could not run: 6 input errors",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert_eq!(
        err.matches("\nerror").count() + usize::from(err.starts_with("error")),
        7,
        "{err}"
    );
}

#[test]
fn hygiene_warnings_point_into_the_rules() {
    let rule = r#"
[[fact]]
id = "spend"
description = "the 2017 ad spend"
kind = "money"
patterns = ['in 2017{gap}spend {value}', 'In 2017{gap}spend {value}']

[[fact.example]]
text = "Netflix's 2017 ad budget was $150 million."
values = ["$150M"]

[[fact]]
id = "unused"
description = "something no article says"
kind = "money"
patterns = ['paid Snapchat {value}']
"#;
    let dir = folder(&[
        ("a.txt", b"In 2017 it would spend $150 million."),
        ("rules/r.toml", rule.as_bytes()),
    ]);
    let out = run_in(dir.path(), &["a.txt", "--format", "short"]);
    assert_eq!(code(&out), 0, "warnings do not fail by default");
    let text = stdout(&out);
    assert!(text.contains("rules/r.toml:6:42: warning[FL102] pattern 2 of `spend` only ever matches what pattern 1 matches"), "{text}");
    assert!(
        text.contains(
            "rules/r.toml:9:8: warning[FL103] no pattern of `spend` matches this example"
        ),
        "{text}"
    );
    assert!(
        text.contains("rules/r.toml:13:6: warning[FL101] `unused` matched nothing in 1 sources"),
        "{text}"
    );
    assert_eq!(
        code(&run_in(dir.path(), &["a.txt", "--fail-on", "warning"])),
        1
    );
}

#[test]
fn configuration_defaults_and_where_they_come_from() {
    let config = "rules = \"facts\"\n\n[defaults]\nmin_sources = 2\nseverity = { unsupported = \"error\" }\n";
    let dir = folder(&[
        ("story/factlint.toml", config.as_bytes()),
        ("story/facts/r.toml", RULE.as_bytes()),
        ("story/corpus/a.txt", b"In 2017 Netflix would spend $150M."),
    ]);
    let out = run_in(dir.path(), &["story/corpus", "--show-config"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    snapshot("show-config", &stdout(&out));

    // The defaults apply: one source is now too few, and that is an error.
    let out = run_in(dir.path(), &["story/corpus", "--format", "short"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("error[FL003]"), "{}", stdout(&out));

    // FACTLINT_CONFIG and --config name another file; --config wins.
    std::fs::write(dir.path().join("other.toml"), "rules = \"story/facts\"\n").unwrap();
    let shown = |args: &[&str], env: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"));
        cmd.args(args)
            .current_dir(dir.path())
            .env_remove("FACTLINT_CONFIG");
        if let Some(e) = env {
            cmd.env("FACTLINT_CONFIG", e);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(
        shown(&["story/corpus", "--show-config"], Some("other.toml"))
            .contains("other.toml (named by FACTLINT_CONFIG)")
    );
    assert!(shown(
        &[
            "story/corpus",
            "--show-config",
            "--config",
            "story/factlint.toml"
        ],
        Some("other.toml")
    )
    .contains("story/factlint.toml (given with --config)"));

    std::fs::write(
        dir.path().join("story/factlint.toml"),
        "[defaults]\nmin_source = 2\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["story/corpus"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown field `min_source`")
            && stderr(&out).contains("story/factlint.toml:2:1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn statistics_per_fact() {
    let out = run(&["corpus/", "--statistics", "--format", "short"]);
    snapshot("statistics", &stdout(&out));
}

#[test]
fn explain_a_code_and_a_fact() {
    let out = run(&["explain", "FL001"]);
    assert_eq!(code(&out), 0);
    snapshot("explain-code", &stdout(&out));
    assert_eq!(stdout(&run(&["explain", "conflict"])), stdout(&out));

    let out = run(&["explain", "ad-spend-2017", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    snapshot("explain-fact", &stdout(&out));

    let out = run(&["explain", "no-such-thing"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("`no-such-thing` is neither a finding code"));
}

#[test]
fn docs_codes_md_is_generated_from_the_code_docs() {
    let generated = stdout(&run(&["explain", "--all-codes"]));
    let path = root().join("docs/codes.md");
    if std::env::var_os("FACTLINT_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/codes.md is out of date: run `FACTLINT_BLESS=1 cargo test --test authoring`"
    );
}

#[test]
fn init_scaffolds_and_never_overwrites() {
    let dir = folder(&[
        ("story/first.txt", b"An article."),
        ("story/second.md", b"Another."),
    ]);
    let out = run_in(dir.path(), &["init", "story"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    snapshot("init", &stdout(&out));
    let manifest = std::fs::read_to_string(dir.path().join("story/sources.toml")).unwrap();
    assert!(
        manifest.contains("[source.\"first.txt\"]") && manifest.contains("[source.\"second.md\"]")
    );

    // The scaffold works: its examples pass, and it lints the folder.
    let test = run_in(&dir.path().join("story"), &["test"]);
    assert_eq!(code(&test), 0, "{}", stdout(&test));
    assert!(
        stdout(&test).contains("examples of 8 facts, 0 failed"),
        "{}",
        stdout(&test)
    );
    assert_ne!(code(&run_in(dir.path(), &["story"])), 2);

    // Again: refused, nothing touched.
    std::fs::write(dir.path().join("story/factlint.toml"), "rules = \"mine\"\n").unwrap();
    std::fs::remove_file(dir.path().join("story/sources.toml")).unwrap();
    let out = run_in(dir.path(), &["init", "story"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "not initialising: `story/factlint.toml`, `story/rules/example.toml` already exist"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("story/sources.toml").exists());

    // --force writes only what is missing.
    let out = run_in(dir.path(), &["init", "story", "--force"]);
    assert_eq!(code(&out), 0);
    assert!(
        stdout(&out).contains("created story/sources.toml")
            && stdout(&out).contains("kept story/factlint.toml (exists)")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story/factlint.toml")).unwrap(),
        "rules = \"mine\"\n"
    );
}

#[test]
fn the_claims_table() {
    let out = run(&["table", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().all(|l| l.chars().count() <= 120),
        "fits 120 columns"
    );
    snapshot("table-text", &text);
    snapshot(
        "table-markdown",
        &stdout(&run(&["table", "corpus/", "--format", "markdown"])),
    );
    snapshot(
        "table-csv",
        &stdout(&run(&["table", "corpus/", "--format", "csv"])),
    );
    let wide = stdout(&run(&["table", "corpus/", "--wide"]));
    assert!(wide.contains("EUR 265M (USD 284M)") && !wide.contains('…'));
}
