//! The command line: exit codes, bad input, colour and determinism, run on
//! the real binary.

mod common;
use common::*;

#[test]
fn findings_on_the_corpus_exit_1() {
    let out = run(&["corpus/", "--color", "never"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("= FL002 contradicts-reference"));
}

#[test]
fn a_clean_corpus_exits_0() {
    let dir = folder(&[
        (
            "a.txt",
            b"In 2017, Netflix agreed to spend $150 million on ads.",
        ),
        ("b.md", b"In 2017 Netflix would spend $150M on Facebook."),
        ("rules/r.toml", RULE.as_bytes()),
    ]);
    let out = run_in(dir.path(), &[".", "--color", "never"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("0 errors, 0 warnings, 0 notes in 2 sources (1 fact checked)"));
}

#[test]
fn a_conflict_exits_1_and_fail_on_controls_warnings() {
    let dir = folder(&[
        (
            "a.txt",
            b"In 2017, Netflix agreed to spend $150 million on ads.",
        ),
        ("b.txt", b"In 2017 Netflix would spend $150M on Facebook."),
        (
            "b2.txt",
            b"In 2017 Netflix would spend 150 million dollars on Facebook.",
        ),
        ("c.txt", b"In 2017 Netflix would spend $200M on Facebook."),
        ("rules/r.toml", RULE.as_bytes()),
    ]);
    let out = run_in(dir.path(), &[".", "--format", "short"]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with("c.txt:1:29: error[FL001] c.txt disagrees with 3 other sources"),
        "{}",
        stdout(&out)
    );

    // The same disagreement as a warning passes by default, fails on --fail-on warning.
    let warn = RULE.to_string() + "severity = \"warning\"\n";
    std::fs::write(dir.path().join("rules/r.toml"), warn).unwrap();
    assert_eq!(code(&run_in(dir.path(), &["."])), 0);
    assert_eq!(code(&run_in(dir.path(), &[".", "--fail-on", "warning"])), 1);
    assert_eq!(code(&run_in(dir.path(), &[".", "--fail-on", "note"])), 1);
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["corpus/", "--format", "xml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("invalid value 'xml'"));
}

/// Runs `args` in a folder of `files` and expects exit 2 with every one of
/// `needles` in stderr and nothing on stdout.
fn bad_input(files: &[(&str, &[u8])], args: &[&str], needles: &[&str]) {
    let dir = folder(files);
    let out = run_in(dir.path(), args);
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "stdout: {}\nstderr: {err}", stdout(&out));
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(&out), "", "no report on bad input");
}

#[test]
fn a_missing_path_is_named() {
    bad_input(
        &[("rules/r.toml", RULE.as_bytes())],
        &["nowhere/"],
        &["cannot read `nowhere/`: No such file or directory"],
    );
}

#[test]
fn a_non_utf8_article_is_named() {
    bad_input(
        &[
            ("corpus/bad.txt", b"Netflix \xff\xfe spent"),
            ("rules/r.toml", RULE.as_bytes()),
        ],
        &["corpus"],
        &["`corpus/bad.txt` is not valid UTF-8 (invalid byte at offset 8)"],
    );
}

#[test]
fn an_empty_corpus_is_an_error() {
    bad_input(
        &[
            ("corpus/notes.pdf", b"%PDF"),
            ("rules/r.toml", RULE.as_bytes()),
        ],
        &["corpus"],
        &["no articles found in `corpus`"],
    );
}

#[test]
fn invalid_toml_points_at_the_span() {
    bad_input(
        &[("a.txt", b"x"), ("rules/r.toml", b"[[fact]\nid = 1\n")],
        &["a.txt"],
        &["invalid TOML in rules/r.toml", "┌─ rules/r.toml:1:"],
    );
}

#[test]
fn an_unknown_rule_key_points_at_the_key() {
    let rule = RULE.to_string() + "severty = \"error\"\n";
    bad_input(
        &[("a.txt", b"x"), ("rules/r.toml", rule.as_bytes())],
        &["a.txt"],
        &["unknown field `severty`", "┌─ rules/r.toml:7:1"],
    );
}

#[test]
fn an_invalid_regex_points_at_the_pattern() {
    let rule = RULE.replace("spend {value}", "spend ({value}");
    bad_input(
        &[("a.txt", b"x"), ("rules/r.toml", rule.as_bytes())],
        &["a.txt"],
        &[
            "invalid regular expression in pattern",
            "┌─ rules/r.toml:6:13",
            "unclosed group",
        ],
    );
}

#[test]
fn a_pattern_without_a_value_group_is_an_error() {
    let rule = RULE.replace("{value}", r"\$\d+");
    bad_input(
        &[("a.txt", b"x"), ("rules/r.toml", rule.as_bytes())],
        &["a.txt"],
        &["pattern has no `value` group", "rules/r.toml:6:13"],
    );
}

#[test]
fn duplicate_ids_point_at_both_definitions() {
    bad_input(
        &[
            ("a.txt", b"x"),
            ("rules/a.toml", RULE.as_bytes()),
            ("rules/b.toml", RULE.as_bytes()),
        ],
        &["a.txt"],
        &[
            "duplicate fact id `ad-spend-2017`",
            "rules/b.toml:3:6",
            "defined again here",
            "rules/a.toml:3:6",
            "first defined here",
        ],
    );
}

#[test]
fn every_rule_error_is_reported_at_once() {
    let broken = r#"
[[fact]]
id = "Bad Id"
description = ""
kind = "moneyy"
patterns = ['{valeu}']

[[fact]]
id = "b"
description = "b"
kind = "money"
patterns = ['(']
expected = "soon"
severity = "fatal"
"#;
    bad_input(
        &[("a.txt", b"x"), ("rules/r.toml", broken.as_bytes())],
        &["a.txt"],
        &[
            "invalid fact id `Bad Id`",
            "fact `Bad Id` has an empty description",
            "unknown kind `moneyy`",
            "unknown severity `fatal`",
            "invalid regular expression in pattern",
            "`soon` is not a money value",
            // The pattern is checked although the kind is unknown.
            "invalid pattern",
            "factlint could not run: 7 input errors",
        ],
    );
}

#[test]
fn manifest_errors_point_into_sources_toml() {
    let manifest = b"[source.\"a.txt\"]\noutlet = \"A\"\npublished = \"2024-13-01\"\n\n[source.\"gone.txt\"]\nurl = \"x\"\ncolour = 1\n";
    bad_input(
        &[
            ("c/a.txt", b"x"),
            ("c/sources.toml", manifest),
            ("rules/r.toml", RULE.as_bytes()),
        ],
        &["c"],
        &["c/sources.toml:7:1", "unknown field `colour`"],
    );
    let manifest =
        b"[source.\"a.txt\"]\npublished = \"2024-13-01\"\n\n[source.\"gone.txt\"]\nurl = \"x\"\n";
    bad_input(
        &[
            ("c/a.txt", b"x"),
            ("c/sources.toml", manifest),
            ("rules/r.toml", RULE.as_bytes()),
        ],
        &["c"],
        &[
            "invalid publication date for `a.txt`",
            "c/sources.toml:2:13",
            "describes `gone.txt`, which is not in c",
        ],
    );
}

/// Without rules (no `rules/`, or one with no rule file, and nothing
/// naming others) the rule-free checks still run and the report says what
/// rules would add; rules asked for and missing stay an error.
#[test]
fn without_rules_the_rule_free_checks_run() {
    let article: &[u8] = b"Netflix paid $150 million for it, the filing says.\n";
    for files in [
        &[("corpus/a.txt", article)][..],
        &[("corpus/a.txt", article), ("rules/README", b"none yet")][..],
    ] {
        let dir = folder(files);
        let out = run_in(dir.path(), &["corpus"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("“$150 million” (USD 150M) appears in no other source"),
            "{text}"
        );
        assert!(text.contains("since there are no rules"), "{text}");
        assert!(text.contains("(0 facts checked)"), "{text}");
    }
    bad_input(
        &[("corpus/a.txt", article), ("rules/README", b"none yet")],
        &["corpus", "--rules", "rules"],
        &["no rule files (*.toml) in `rules`"],
    );
    bad_input(
        &[("corpus/a.txt", article)],
        &["corpus", "--rules", "missing"],
        &["missing"],
    );
}

#[test]
fn rules_come_from_factlint_toml_above_the_corpus() {
    let dir = folder(&[
        ("story/factlint.toml", b"rules = \"facts\"\n"),
        ("story/facts/r.toml", RULE.as_bytes()),
        ("story/corpus/a.txt", b"In 2017 Netflix would spend $150M."),
    ]);
    let out = run_in(dir.path(), &["story/corpus"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("1 source (1 fact checked)"));

    std::fs::write(dir.path().join("story/factlint.toml"), "rule = \"facts\"\n").unwrap();
    let out = run_in(dir.path(), &["story/corpus"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown field `rule`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = folder(&[
        ("a.txt", b"In 2017 Netflix would spend $150M."),
        ("b.txt", b"In 2017 Netflix would spend $200M."),
        ("rules/r.toml", RULE.as_bytes()),
    ]);
    let escape = |o: &std::process::Output| stdout(o).contains('\x1b');
    assert!(escape(&run_in(dir.path(), &[".", "--color", "always"])));
    assert!(!escape(&run_in(dir.path(), &[".", "--color", "never"])));
    // Not a terminal: auto means no colour.
    assert!(!escape(&run_in(dir.path(), &["."])));
}

/// Every file under `dir` (relative path, bytes), sorted.
fn tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_corpus_is_never_modified() {
    let dir = story();
    let p = dir.path();
    let sources = |p: &std::path::Path| (tree(&p.join("corpus")), tree(&p.join("rules")));
    let before = sources(p);
    assert!(before.0.len() >= 6 && before.1.len() >= 5);
    // Every mode that writes a file, each asserting it did its work.
    let runs: &[(&[&str], i32)] = &[
        (&["corpus", "--write-baseline", "b.json"], 0),
        (&["corpus", "--baseline", "b.json", "--prune-baseline"], 0),
        (&["corpus", "--format", "sarif", "-o", "out.sarif"], 1),
        (&["corpus", "--format", "json", "-o", "out.json"], 1),
        (&["table", "corpus"], 0),
    ];
    for (args, expected) in runs {
        let out = run_in(p, args);
        assert_eq!(code(&out), *expected, "{args:?}: {}", stderr(&out));
    }
    assert!(std::fs::read(p.join("b.json")).unwrap().len() > 100);
    assert!(std::fs::read(p.join("out.sarif")).unwrap().len() > 100);
    assert_eq!(before, sources(p));
}

/// The story's corpus and 36 more articles: copies under new names and
/// variants with other figures, enough for rayon to split the work.
fn bigger_story() -> tempfile::TempDir {
    let dir = story();
    let corpus = dir.path().join("corpus");
    let articles: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for copy in 0..5 {
        for article in &articles {
            let name = article.file_name().unwrap().to_string_lossy();
            std::fs::copy(article, corpus.join(format!("copy{copy}-{name}"))).unwrap();
        }
    }
    for (i, figure) in [
        "$200 million",
        "$150 million",
        "$1.5 billion",
        "$300m",
        "150 million dollars",
        "$200 million",
        "€150 million",
        "$150m",
        "$150 million",
        "$175 million",
        "$150 million",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(
            corpus.join(format!("variant{i:02}.md")),
            format!("# Variant {i}\n\nIn 2017, Netflix agreed to spend\n{figure} on Facebook advertising, the filing says.\nReed Hastings, Netflix's boss, said nothing.\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let dir = bigger_story();
    let formats = [
        "human", "short", "json", "sarif", "github", "junit", "table",
    ];
    let with_threads = |format: &str, threads: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["corpus", "--format", format, "--statistics"])
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .env_remove("NO_COLOR")
            .env_remove("FACTLINT_CONFIG")
            .output()
            .unwrap();
        (code(&out), out.stdout, out.stderr)
    };
    for format in formats {
        let one = with_threads(format, "1");
        assert_eq!(one.0, 1, "{format}: {}", String::from_utf8_lossy(&one.2));
        assert!(one.1.len() > 1000, "{format}: too little output to compare");
        for threads in ["2", "8"] {
            assert!(
                one == with_threads(format, threads),
                "{format} differs between 1 and {threads} threads"
            );
        }
    }
}

/// Deterministic pseudo-random text made of the pieces the extractors care
/// about: quotes, currency signs, digits, magnitudes, dates, ellipses,
/// line breaks and non-ASCII letters.
fn odd_text(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "$",
        "€",
        "£",
        "US$",
        "1",
        "2,000",
        "3.5",
        "0",
        "99999999999999999999",
        " million",
        " bn",
        "m",
        " hundreds of",
        " millions",
        " over ",
        " nearly ",
        " every ",
        " two weeks",
        " fortnight",
        " decade",
        " April ",
        " 2023",
        " last year",
        " 31 ",
        "…",
        "...",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        "Ω",
        "é",
        "字",
        "🙂",
        "-",
        "(",
        ")",
        "%",
        " users",
        " said",
        " the lawsuit says, ",
        "Titan API",
        " access to ",
        " co-founder ",
        "Reed Hastings",
        "Elon Musk",
        " in 2017 ",
        " spend ",
        "<!-- factlint-",
    ];
    let mut x = seed;
    let mut out = String::new();
    for _ in 0..len {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(PIECES[(x >> 33) as usize % PIECES.len()]);
    }
    out
}

#[test]
fn odd_input_never_panics() {
    let texts: Vec<(String, String)> = (0..12)
        .map(|i| (format!("corpus/odd{i}.txt"), odd_text(i, 400)))
        .collect();
    let mut files: Vec<(&str, &[u8])> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    files.push(("corpus/empty.txt", b""));
    files.push(("corpus/bom.md", "\u{feff}“quoted” $5".as_bytes()));
    let dir = folder(&files);
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join("rules").join(p.file_name().unwrap())).unwrap();
    }
    for format in ["human", "json", "sarif", "github", "junit", "table"] {
        let out = run_in(dir.path(), &["corpus", "--format", format]);
        assert!(matches!(code(&out), 0 | 1), "{format}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{format}: {}",
            stderr(&out)
        );
    }
    let out = run_in(dir.path(), &["discover", "corpus"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
