//! Rule sets of any size: no ceiling on the number of facts, and a pattern
//! too large to compile is reported at its place in its file. (How fast a
//! large rule set loads and scans is measured in bench/, not here.)

mod common;

use common::{code, folder, run_in, stderr, stdout};

/// `n` facts, each about its own company, each with five patterns.
fn many_facts(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&format!(
            r#"
[[fact]]
id = "fine-{i}"
description = "the fine on Company{i}"
kind = "money"
patterns = [
  '''Company{i}{{gap:60}}fined{{gap:30}}{{value}}''',
  '''(?:paid|pays)\s+Company{i}{{gap:40}}{{value}}''',
  '''{{value}}\s+fine\s+(?:on|for)\s+Company{i}''',
  '''Company{i}\s+(?:was|is)\s+ordered\s+to\s+pay\s+{{value}}''',
  '''penalty\s+of\s+{{value}}\s+(?:on|for)\s+Company{i}''',
]
"#
        ));
    }
    out
}

#[test]
fn hundreds_of_facts_load_and_each_finds_its_own_claims() {
    // About 90 facts used to be the limit: the combined pre-scan of every
    // pattern no longer compiled.
    let rules = many_facts(150);
    let dir = folder(&[
        ("rules/many.toml", rules.as_bytes()),
        (
            "a.txt",
            b"Regulators said Company7 was fined $5 million last year.\n",
        ),
        (
            "b.txt",
            b"Company7 was fined $6 million. Company120 was ordered to pay $2 million.\n",
        ),
    ]);
    let out = run_in(dir.path(), &["--format", "short", "a.txt", "b.txt"]);
    let text = stdout(&out);
    // Two outlets that disagree are a split (FL006, a warning), not an
    // accusation: the run passes, and the split is on Company7 alone.
    assert_eq!(code(&out), 0, "{}\n{}", text, stderr(&out));
    let splits: Vec<&str> = text.lines().filter(|l| l.contains("[FL006]")).collect();
    assert!(
        splits.len() == 1 && splits[0].contains("[fine-7]"),
        "one disagreement, on Company7:\n{text}"
    );
    assert!(
        text.contains("(150 facts checked)"),
        "every fact is loaded:\n{text}"
    );
    assert!(
        !text.contains("`fine-120` matched nothing") && text.contains("`fine-70` matched nothing"),
        "each fact finds its own company only:\n{text}"
    );
}

#[test]
fn a_pattern_too_large_to_compile_is_shown_in_its_file() {
    let rules = r#"[[fact]]
id = "huge"
description = "a pattern no engine should build"
kind = "count"
patterns = ['''(?:\w{1000}){1000}{value}''']
"#;
    let dir = folder(&[("rules/huge.toml", rules.as_bytes()), ("a.txt", b"text\n")]);
    let out = run_in(dir.path(), &["a.txt"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    assert!(
        err.contains("invalid regular expression in pattern")
            && err.contains("rules/huge.toml:5:")
            && err.contains("exceeds size limit"),
        "{err}"
    );
}
