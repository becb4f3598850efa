//! Rule-file errors come all at once (issue 14, item 5): an unknown key no
//! longer hides the bad values and patterns beside it, duplicate ids are
//! reported with everything else, a fraction where a whole number belongs is
//! an error, and `explain` takes every id a report prints.

mod common;
use common::*;

const A: &str = r#"[[fact]]
id = "spend"
description = "Netflix's ad spend"
kind = "mony"
patterns = ['spent {value']
min_sourses = 2

[[fact]]
id = "users"
description = "Users affected"
kind = "count"
patterns = ['{value} users']
min_sources = 1.5

[[fact.example]]
text = "87 million users"
values = ["87 million"]
publshed = "2018-04-04"
"#;

const B: &str = r#"[[fact]]
id = "spend"
description = "again"
kind = "money"
patterns = ['spend {value}']
colour = "red"

[entity.netflix]
names = ["Netflix"]
rols = ["the streamer"]
"#;

#[test]
fn every_error_of_every_rule_file_comes_in_one_run() {
    let dir = folder(&[
        ("rules/a.toml", A.as_bytes()),
        ("rules/b.toml", B.as_bytes()),
        ("corpus/a.txt", b"Netflix spent $3 million.\n"),
    ]);
    let out = run_in(dir.path(), &["--rules", "rules", "corpus"]);
    assert_eq!(code(&out), 2);
    let text = stderr(&out);
    for expected in [
        // Unknown keys, each at its span, with the key meant.
        "error: unknown field `min_sourses` in fact `spend`\n  ┌─ rules/a.toml:6:1",
        "did you mean `min_sources`?",
        "error: unknown field `publshed` in fact `users`'s `example`\n   ┌─ rules/a.toml:18:1",
        "error: unknown field `colour` in fact `spend`\n  ┌─ rules/b.toml:6:1",
        "error: unknown field `rols` in entity `netflix`\n   ┌─ rules/b.toml:10:1",
        // ... and beside them, the bad values and patterns of the same facts.
        "error: unknown kind `mony` for fact `spend`\n  ┌─ rules/a.toml:4:8",
        "did you mean `money`?",
        "error: invalid pattern\n  ┌─ rules/a.toml:5:13",
        "error: invalid `min_sources`: 1.5 is not a whole number\n   ┌─ rules/a.toml:13:15",
        // The duplicate, although both facts have other errors.
        "error: duplicate fact id `spend`\n  ┌─ rules/b.toml:2:6",
        "first defined here",
        "factlint could not run: 8 input errors",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn a_fraction_is_never_truncated_to_a_whole_number() {
    let rule = format!("{RULE}min_sources = 2.0\n");
    let dir = folder(&[
        ("rules/r.toml", rule.as_bytes()),
        ("corpus/a.txt", b"In 2017 Netflix's spend $3 million.\n"),
    ]);
    let out = run_in(dir.path(), &["--rules", "rules", "corpus"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("invalid `min_sources`: 2 is not a whole number"),
        "{}",
        stderr(&out)
    );

    let dir = folder(&[
        ("rules/r.toml", RULE.as_bytes()),
        (
            "factlint.toml",
            b"rules = \"rules\"\n\n[defaults]\nmin_sources = 1.5\n\n[quotes]\nmin_words = 4.5\n",
        ),
        ("corpus/a.txt", b"In 2017 Netflix's spend $3 million.\n"),
    ]);
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let text = stderr(&out);
    assert!(
        text.contains("invalid `min_sources`: 1.5 is not a whole number\n  ┌─ factlint.toml:4:15"),
        "{text}"
    );
    assert!(
        text.contains("invalid `min_words`: 4.5 is not a whole number"),
        "{text}"
    );
}

#[test]
fn explain_takes_every_id_a_report_prints() {
    // The unused-term finding of an entity is about `entity:ID`.
    let out = run(&["explain", "entity:hastings"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("entity:hastings: Reed Hastings"), "{text}");
    assert!(text.contains("names: Reed Hastings | Hastings"), "{text}");
    assert!(text.contains("facts about it: hastings-title"), "{text}");

    let out = run(&["explain", "entity:hastigs"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `entity:hastings`?"),
        "{}",
        stderr(&out)
    );
    let out = run(&["explain", "figurs"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `figures`?"),
        "{}",
        stderr(&out)
    );
}

/// Mistakes in the sentence form's keys, one per fact.
const SENTENCE_FORM: &str = r#"[entity.netflix]
names = ["Netflix"]

[entity.nobody]
description = "no names"

[[fact]]
id = "spend"
description = "Netflix's ad spend"
kind = "money"
about = ["netflfix"]
cues = ["spend"]
within = 500

[[fact]]
id = "title"
description = "Hastings' title"
kind = "money"
about = ["netflix"]
read = "apposition"

[[fact]]
id = "silent"
description = "no cue"
kind = "count"
about = ["netflix"]

[[fact]]
id = "lonely"
description = "a title read near a cue"
kind = "title"
about = ["netflix"]
cues = ["chief"]
read = "nearby"
"#;

#[test]
fn the_sentence_forms_keys_get_spanned_diagnostics() {
    let dir = folder(&[
        ("rules/a.toml", SENTENCE_FORM.as_bytes()),
        ("corpus/a.txt", b"Netflix spent $3 million.\n"),
    ]);
    let out = run_in(dir.path(), &["--rules", "rules", "corpus"]);
    assert_eq!(code(&out), 2);
    let text = stderr(&out);
    for expected in [
        "error: invalid entity in rules/a.toml\n  ┌─ rules/a.toml:4:1",
        "missing field `names`",
        "error: unknown entity `netflfix` in fact `spend`\n   ┌─ rules/a.toml:11:10",
        "did you mean `netflix`?",
        "error: invalid `within` in fact `spend`\n   ┌─ rules/a.toml:13:10",
        "expected a whole number of words from 0 to 100",
        "error: `read = \"apposition\"` in fact `title`, which is not a title\n   ┌─ rules/a.toml:20:8",
        "error: fact `silent` has no cue words\n   ┌─ rules/a.toml:26:9",
        "error: unknown `read` value `nearby` in fact `lonely`\n   ┌─ rules/a.toml:34:8",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // An unknown `read` is one error, not also a guess at how it reads.
    assert!(!text.contains("reads near a cue"), "{text}");
    assert!(text.contains("could not run: 6 input errors"), "{text}");
}
