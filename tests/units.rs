//! End to end: quantities with units that outlets convert differently
//! (issue 15) — percentages kept apart from percentage points, areas and
//! temperatures converted, times of day compared across zones — as a run reports them: conflicts only where
//! the converted values cannot both be true, unreadable claims that name
//! the kind that would read them, and JSON with the base unit and
//! interval.

mod common;
use common::*;

const RULES: &str = r#"
[[fact]]
id = "turnout"
description = "the turnout"
kind = "percent"
patterns = ['turnout (?:was|of) {value}', 'turnout (?:was|of) (?P<value>\d+ percentage points)']

[[fact]]
id = "site"
description = "the size of the site"
kind = "area"
patterns = ['site of {value}']

[[fact]]
id = "struck"
description = "when the quake struck"
kind = "time"
patterns = ['struck at {value}']

[[fact]]
id = "high"
description = "the day's high"
kind = "temperature"
patterns = ['high of {value}']
"#;

fn claims(json: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    v["claims"].as_array().cloned().unwrap_or_default()
}

fn story() -> tempfile::TempDir {
    folder(&[
        ("rules/r.toml", RULES.as_bytes()),
        (
            "corpus/a.txt",
            "Turnout was 15.2%. The site of 50 acres saw a high of 104F. It struck at 4:10 a.m. EDT.".as_bytes(),
        ),
        (
            "corpus/b.txt",
            "Turnout was 15 per cent. The site of 25 hectares saw a high of 40C. It struck at 0810 GMT.".as_bytes(),
        ),
        (
            "corpus/c.txt",
            "Turnout of 2 percentage points. The site of 202,000 square metres saw a high of 40 degrees. It struck at 4:10 a.m. IST."
                .as_bytes(),
        ),
    ])
}

#[test]
fn converted_values_agree_and_percentage_points_are_not_percent() {
    let dir = story();
    let json = run_in(dir.path(), &["corpus", "--format", "json"]);
    let all = claims(&stdout(&json));
    let by_text = |t: &str| {
        all.iter()
            .find(|c| c["text"] == t)
            .unwrap_or_else(|| panic!("no claim {t:?} in {all:#?}"))
            .clone()
    };
    let pct = by_text("15.2%");
    assert_eq!(pct["value"], "15.2%");
    assert_eq!(pct["unit"], "%");
    assert_eq!(pct["interval"]["lo"], 15.2);
    let pp = by_text("2 percentage points");
    assert!(
        pp["unreadable"]
            .as_str()
            .is_some_and(|w| w.contains("kind = \"percentage-points\"")),
        "{pp:#}"
    );
    let acres = by_text("50 acres");
    assert_eq!(acres["unit"], "m²");
    assert_eq!(acres["value"], "50 acre (202.343K m²)");
    let f = by_text("104F");
    assert_eq!(f["unit"], "°C");
    assert_eq!(f["interval"]["lo"], 40.0);
    let degrees = by_text("40 degrees");
    assert!(degrees["unresolved"].is_string(), "{degrees:#}");
    assert_eq!(by_text("4:10 a.m. EDT")["value"], "04:10 EDT");
    assert_eq!(by_text("0810 GMT")["value"], "08:10 GMT");
    let ist = by_text("4:10 a.m. IST");
    assert!(
        ist["unresolved"]
            .as_str()
            .is_some_and(|w| w.contains("several zones")),
        "{ist:#}"
    );
}

/// 15.2% and 15 per cent agree (precision); 104F is 40C; 4:10 a.m. EDT
/// is 0810 GMT; 50 acres
/// (20.2 ha) and 202,000 m² agree, and 25 ha does not.
#[test]
fn only_the_site_is_in_conflict() {
    let dir = story();
    let out = run_in(dir.path(), &["corpus", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let facts: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| matches!(f["kind"].as_str(), Some("conflict" | "split")))
        .filter_map(|f| f["fact"].as_str())
        .collect();
    assert_eq!(facts, ["site"], "{v:#}");
}
