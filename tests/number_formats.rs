//! End to end: international number formats (issue 15). A story that
//! writes "1,5 km" and "150 000" says so in factlint.toml or per source in
//! sources.toml, and its numbers then agree with English ones; without the
//! setting a decimal comma is never read, and a format name that does not
//! exist is an error pointing at the TOML.

mod common;
use common::*;

const RULES: &str = r#"
[[fact]]
id = "tunnel"
description = "how long the tunnel is"
kind = "length"
patterns = ['tunnel of {value}']

[[fact]]
id = "evacuated"
description = "how many were evacuated"
kind = "count"
patterns = ['{value} people were evacuated']
"#;

const DE: &[u8] = b"A tunnel of 1,5 km collapsed. Some 150.000 people were evacuated.";
const FR: &[u8] = b"A tunnel of 1,5 km collapsed. Some 150 000 people were evacuated.";
const EN: &[u8] = b"A tunnel of 1.5 km collapsed. Some 150,000 people were evacuated.";

fn claims(json: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    v["claims"].as_array().cloned().unwrap_or_default()
}

fn value(all: &[serde_json::Value], path: &str, fact: &str) -> serde_json::Value {
    all.iter()
        .find(|c| c["path"].as_str().is_some_and(|p| p.ends_with(path)) && c["fact"] == fact)
        .unwrap_or_else(|| panic!("no {fact} claim in {path}: {all:?}"))["value"]
        .clone()
}

#[test]
fn the_story_format_and_a_sources_own_read_numbers_as_written() {
    let config = "rules = \"facts\"\n\n[story]\nnumber_format = \"1.234,5\"\n";
    let manifest = "[source.\"fr.txt\"]\nnumber_format = \"1 234,5\"\n\n\
                    [source.\"en.txt\"]\nnumber_format = \"1,234.5\"\n";
    let dir = folder(&[
        ("story/factlint.toml", config.as_bytes()),
        ("story/facts/r.toml", RULES.as_bytes()),
        ("story/corpus/sources.toml", manifest.as_bytes()),
        ("story/corpus/de.txt", DE),
        ("story/corpus/fr.txt", FR),
        ("story/corpus/en.txt", EN),
    ]);
    let out = run_in(dir.path(), &["story/corpus", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let all = claims(&stdout(&out));
    for path in ["de.txt", "fr.txt", "en.txt"] {
        assert_eq!(value(&all, path, "tunnel"), "1.5 km (1500 m)", "{path}");
        assert_eq!(value(&all, path, "evacuated"), "135K to 165K", "{path}");
    }
    let shown = run_in(dir.path(), &["story/corpus", "--show-config"]);
    assert!(
        stdout(&shown).contains("number_format = \"1.234,5\""),
        "{}",
        stdout(&shown)
    );
}

#[test]
fn without_a_format_a_decimal_comma_is_never_read() {
    let dir = folder(&[
        ("rules/r.toml", RULES.as_bytes()),
        ("corpus/fr.txt", FR),
        ("corpus/en.txt", EN),
    ]);
    let out = run_in(dir.path(), &["corpus", "--format", "json"]);
    let all = claims(&stdout(&out));
    // Neither 1.5 km nor the "5 km" after the comma: unread.
    assert!(value(&all, "fr.txt", "tunnel").is_null(), "{all:?}");
    assert!(value(&all, "fr.txt", "evacuated").is_null(), "{all:?}");
    assert_eq!(value(&all, "en.txt", "tunnel"), "1.5 km (1500 m)");
    let short = run_in(dir.path(), &["corpus"]);
    assert!(
        stdout(&short).contains("number_format"),
        "the note says how to read it: {}",
        stdout(&short)
    );
}

#[test]
fn an_unknown_format_is_an_error_at_its_span() {
    let dir = folder(&[
        (
            "story/factlint.toml",
            b"rules = \"facts\"\n\n[story]\nnumber_format = \"1.234.5\"\n",
        ),
        ("story/facts/r.toml", RULES.as_bytes()),
        ("story/corpus/de.txt", DE),
    ]);
    let out = run_in(dir.path(), &["story/corpus"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("invalid `number_format` in [story]"), "{err}");
    assert!(err.contains("story/factlint.toml:4:17"), "{err}");
    assert!(err.contains("\"1 234,5\""), "{err}");

    let dir = folder(&[
        ("rules/r.toml", RULES.as_bytes()),
        (
            "corpus/sources.toml",
            b"[source.\"fr.txt\"]\nnumber_format = \"french\"\n",
        ),
        ("corpus/fr.txt", FR),
    ]);
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("invalid `number_format` for `fr.txt`"),
        "{err}"
    );
    assert!(err.contains("sources.toml:2:17"), "{err}");
}
