//! End to end: a publication date in sources.toml or `[story]` may carry a
//! time and zone, as a page's metadata writes it (issue 15); relative dates
//! count from the day written, and a time without a zone is an error
//! pointing at it rather than a guess.

mod common;
use common::*;

const UNSEALED: &str = r#"
[[fact]]
id = "unsealed"
description = "when the documents were unsealed"
kind = "date"
patterns = ['unsealed {value}']
"#;

#[test]
fn a_published_time_and_zone_resolve_relative_dates_from_the_written_day() {
    let manifest = "[source.\"a.txt\"]\npublished = \"2024-04-03T23:30-04:00\"\n\n\
                    [source.\"b.txt\"]\npublished = \"2024-04-03\"\n";
    let dir = folder(&[
        ("rules/r.toml", UNSEALED.as_bytes()),
        ("corpus/sources.toml", manifest.as_bytes()),
        ("corpus/a.txt", b"The files were unsealed yesterday."),
        ("corpus/b.txt", b"The files were unsealed yesterday."),
    ]);
    let out = run_in(dir.path(), &["corpus", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let values: Vec<&str> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    // The outlet's own day, not the UTC one (already 4 April).
    assert_eq!(values, ["2024-04-02", "2024-04-02"], "{v}");
    assert!(
        stdout(&out).contains("2024-04-03T23:30-04:00"),
        "kept as written"
    );
}

#[test]
fn a_published_time_without_a_zone_is_an_error_at_its_span() {
    let dir = folder(&[
        ("rules/r.toml", UNSEALED.as_bytes()),
        (
            "corpus/sources.toml",
            b"[source.\"a.txt\"]\npublished = \"2024-04-03T09:30\"\n",
        ),
        ("corpus/a.txt", b"The files were unsealed yesterday."),
    ]);
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("sources.toml:2:13"), "{err}");
    assert!(err.contains("without a zone"), "{err}");

    let dir = folder(&[
        (
            "story/factlint.toml",
            b"rules = \"facts\"\n[story]\npublished = \"2024-04-03T09:30Z\"\n",
        ),
        ("story/facts/r.toml", UNSEALED.as_bytes()),
        ("story/corpus/a.txt", b"The files were unsealed yesterday."),
    ]);
    let out = run_in(dir.path(), &["story/corpus", "--format", "short"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
