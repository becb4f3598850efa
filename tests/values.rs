//! End to end: what the value model adds to a run — the story's default
//! publication date, a source's numeric date order, hedge widths per fact
//! and per kind, values' intervals in JSON, and `factlint kinds`.

mod common;
use common::*;

const UNSEALED: &str = r#"
[[fact]]
id = "unsealed"
description = "when the documents were unsealed"
kind = "date"
patterns = ['unsealed on {value}']
"#;

fn claims(json: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    v["claims"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_story_date_resolves_undated_articles_and_numeric_dates_follow_the_source() {
    let config = "rules = \"facts\"\n\n[story]\npublished = \"2024-04\"\n";
    let manifest = "[source.\"uk.txt\"]\ndate_order = \"day-first\"\n\n[source.\"us.txt\"]\ndate_order = \"month-first\"\npublished = \"2024-04-02\"\n";
    let dir = folder(&[
        ("story/factlint.toml", config.as_bytes()),
        ("story/facts/r.toml", UNSEALED.as_bytes()),
        ("story/corpus/sources.toml", manifest.as_bytes()),
        (
            "story/corpus/plain.txt",
            b"The files were unsealed on March 23.",
        ),
        (
            "story/corpus/uk.txt",
            b"The files were unsealed on 04/03/2024.",
        ),
        (
            "story/corpus/us.txt",
            b"The files were unsealed on 04/03/2024.",
        ),
        (
            "story/corpus/vague.txt",
            b"The files were unsealed on 04/03/2024.",
        ),
    ]);
    let out = run_in(dir.path(), &["story/corpus", "--format", "json"]);
    let text = stdout(&out);
    let by_path = |p: &str| {
        claims(&text)
            .into_iter()
            .find(|c| c["path"].as_str().is_some_and(|s| s.ends_with(p)))
            .unwrap_or_else(|| panic!("no claim in {p}: {text}"))
    };
    // No `published` of its own: the story's April 2024 resolves it.
    assert_eq!(by_path("plain.txt")["value"], "2024-03-23");
    assert_eq!(by_path("uk.txt")["value"], "2024-03-04");
    assert_eq!(by_path("us.txt")["value"], "2024-04-03");
    // No order for this source: ambiguous, never guessed.
    assert!(by_path("vague.txt")["unresolved"]
        .as_str()
        .is_some_and(|s| s.contains("date_order")));
    // Two outlets writing the same digits for different days disagree (a
    // split: no side is a clear majority).
    let short = run_in(dir.path(), &["story/corpus", "--format", "short"]);
    assert!(stdout(&short).contains("FL006"), "{}", stdout(&short));
}

#[test]
fn a_bad_date_order_is_an_error_naming_the_manifest() {
    let dir = folder(&[
        ("rules/r.toml", UNSEALED.as_bytes()),
        (
            "corpus/sources.toml",
            b"[source.\"a.txt\"]\ndate_order = \"sideways\"\n",
        ),
        ("corpus/a.txt", b"unsealed on 04/03/2024"),
    ]);
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("invalid `date_order`"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("sources.toml"), "{}", stderr(&out));
}

const HOURS: &str = r#"
[[fact]]
id = "search"
description = "how long the search lasted"
kind = "duration"
patterns = ['searched for {value}']
"#;

#[test]
fn the_hedge_width_is_set_per_kind_and_per_fact() {
    let articles: [(&str, &[u8]); 2] = [
        ("corpus/a.txt", b"Divers searched for about 12 hours."),
        ("corpus/b.txt", b"Divers searched for about 11 hours."),
    ];
    let conflicts = |config: &str, rule: &str| {
        let mut files: Vec<(&str, &[u8])> = articles.to_vec();
        files.push(("factlint.toml", config.as_bytes()));
        files.push(("facts/r.toml", rule.as_bytes()));
        let dir = folder(&files);
        let out = run_in(dir.path(), &["corpus", "--format", "short"]);
        // Two outlets that disagree are a split (FL006).
        stdout(&out).contains("FL006")
    };
    // The default ten percent: about 12 and about 11 hours overlap.
    assert!(!conflicts("rules = \"facts\"\n", HOURS));
    // No hedge width for durations: only rounding is left, and they part.
    assert!(conflicts(
        "rules = \"facts\"\n[hedge]\nduration = 0\n",
        HOURS
    ));
    // A fact's own `hedge` wins over the configuration.
    let wide = format!("{HOURS}hedge = 0.1\n");
    assert!(!conflicts(
        "rules = \"facts\"\n[hedge]\nduration = 0\n",
        &wide
    ));
    let dir = folder(&[(
        "factlint.toml",
        b"rules = \"facts\"\n[hedge]\nparsecs = 1\n",
    )]);
    let out = run_in(dir.path(), &[".", "--show-config"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown kind `parsecs` in [hedge]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_claims_carry_interval_unit_and_vague_words() {
    let rule = r#"
[[fact]]
id = "paid"
description = "what Netflix paid"
kind = "money"
patterns = ['paid {value}']

[[fact]]
id = "protesters"
description = "how many protested"
kind = "count"
patterns = ['{value} protesters']
"#;
    let dir = folder(&[
        ("rules/r.toml", rule.as_bytes()),
        (
            "corpus/a.txt",
            b"Netflix paid over $100 million. Numerous protesters came.",
        ),
        (
            "corpus/b.txt",
            b"Netflix paid $100M+. About 200 protesters came.",
        ),
    ]);
    let out = run_in(dir.path(), &["corpus", "--format", "json"]);
    let all = claims(&stdout(&out));
    let paid = all
        .iter()
        .find(|c| c["text"] == "over $100 million")
        .expect("claim");
    assert_eq!(paid["value"], "more than USD 100M");
    assert_eq!(paid["unit"], "USD");
    assert_eq!(paid["interval"]["lo"], 1e8);
    assert_eq!(paid["interval"]["hi"], serde_json::Value::Null);
    assert_eq!(paid["interval"]["lo_open"], true);
    let plus = all.iter().find(|c| c["text"] == "$100M+").expect("claim");
    assert_eq!(plus["value"], "at least USD 100M");
    let numerous = all
        .iter()
        .find(|c| c["vague"] == "numerous")
        .expect("vague claim");
    assert_eq!(numerous["value"], "numerous");
    // A vague count is never a conflict on its own.
    let short = run_in(dir.path(), &["corpus", "--format", "short"]);
    assert!(!stdout(&short).contains("FL001"), "{}", stdout(&short));
}

#[test]
fn kinds_prints_the_wordings_tables() {
    let all = run(&["kinds"]);
    assert_eq!(code(&all), 0, "{}", stderr(&all));
    let docs = std::fs::read_to_string(root().join("docs/kinds.md")).unwrap();
    assert_eq!(stdout(&all), docs);
    let money = run(&["explain", "kind:money"]);
    assert_eq!(code(&money), 0);
    assert!(stdout(&money).contains("| `$100M+` | `at least USD 100M` |"));
    assert_eq!(stdout(&money), stdout(&run(&["kinds", "money"])));
    let bad = run(&["explain", "kind:parsecs"]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("not a value kind"),
        "{}",
        stderr(&bad)
    );
}
