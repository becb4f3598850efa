//! What the corpus report must (and must not) contain, checked on the JSON
//! output: the findings an editor needs, and the equivalences that must not
//! be reported as conflicts.

mod common;
use common::*;
use serde_json::Value;

/// The JSON report on the corpus, computed once for all tests.
fn report() -> &'static Value {
    static REPORT: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| {
        let out = run(&["corpus/", "--format", "json"]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    })
}

fn findings<'a>(r: &'a Value, fact: &str) -> Vec<&'a Value> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fact"] == fact)
        .collect()
}

/// The primary label's (path, text) of a finding.
fn primary(f: &Value) -> (String, String) {
    let l = f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["primary"] == true)
        .unwrap();
    (
        l["path"].as_str().unwrap().to_string(),
        l["text"].as_str().unwrap().to_string(),
    )
}

/// The sources (file names) with a claim for `fact`, with their values.
fn claims(r: &Value, fact: &str) -> Vec<(String, String)> {
    r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["fact"] == fact)
        .map(|c| {
            let path = c["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("corpus/")
                .to_string();
            (path, c["value"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

#[test]
fn the_unsupported_100_million() {
    let r = report();
    let f = findings(r, "access-payment");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "unsupported");
    assert_eq!(
        primary(f[0]),
        ("corpus/epoch-times.txt".into(), "$100 million".into())
    );
}

#[test]
fn tesla_founder_contradicts_the_fact_sheet() {
    let r = report();
    let f = findings(r, "musk-descriptor");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "contradicts-reference");
    assert_eq!(
        primary(f[0]),
        ("corpus/epoch-times.txt".into(), "Tesla founder".into())
    );
    assert!(f[0]["notes"]
        .to_string()
        .contains("Martin Eberhard and Marc Tarpenning"));
}

#[test]
fn hastings_is_not_the_president_of_netflix() {
    let r = report();
    let f = findings(r, "hastings-title");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        primary(f[0]),
        ("corpus/mailonline.txt".into(), "president".into())
    );
    // The evidence: other sources call him co-founder.
    let evidence: Vec<String> = f[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["primary"] == false)
        .map(|l| l["path"].as_str().unwrap().to_string())
        .collect();
    assert!(
        evidence.contains(&"corpus/hindustan-times.txt".to_string()),
        "{evidence:?}"
    );
    assert!(
        evidence.contains(&"corpus/direct-chats-report.txt".to_string()),
        "{evidence:?}"
    );
}

#[test]
fn tachlis_gives_the_titan_api_the_inboxes() {
    let r = report();
    let f = findings(r, "titan-api-access");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        primary(f[0]),
        ("corpus/tachlis-daily.txt".into(), "messaging data".into())
    );
    let paths = f[0]["labels"].to_string();
    assert!(
        paths.contains("corpus/hindustan-times.txt") && paths.contains("corpus/epoch-times.txt")
    );
}

#[test]
fn claims_from_every_source_that_states_them() {
    let r = report();
    let sources = |fact| {
        claims(r, fact)
            .into_iter()
            .map(|(p, _)| p)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let set = |xs: &[&str]| {
        xs.iter()
            .map(|s| s.to_string())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(sources("ad-spend-2015"), set(&["epoch-times.txt"]));
    assert_eq!(
        sources("ad-spend-2017"),
        set(&["epoch-times.txt", "tachlis-daily.txt"])
    );
    assert_eq!(sources("hastings-board-year"), set(&["mailonline.txt"]));
    assert_eq!(
        sources("report-frequency"),
        set(&["epoch-times.txt", "hindustan-times.txt", "mailonline.txt"])
    );
    assert_eq!(
        sources("lawsuit-filed"),
        set(&[
            "direct-chats-report.txt",
            "epoch-times.txt",
            "hindustan-times.txt"
        ])
    );
    for (_, value) in claims(r, "ad-spend-2017") {
        assert_eq!(value, "USD 150M");
    }
    // "last year" in an April 2024 article is 2023, which overlaps April 2023.
    let filed = claims(r, "lawsuit-filed");
    assert!(
        filed.contains(&("epoch-times.txt".into(), "2023".into())),
        "{filed:?}"
    );
    assert!(
        filed.contains(&("hindustan-times.txt".into(), "2023-04".into())),
        "{filed:?}"
    );
}

#[test]
fn equivalent_wordings_are_not_conflicts() {
    let r = report();
    for fact in [
        "report-frequency",
        "relationship-length",
        "lawsuit-filed",
        "irish-fine",
        "ad-spend-total",
        "ad-spend-2017",
    ] {
        assert!(
            findings(r, fact).is_empty(),
            "{fact}: {:#?}",
            findings(r, fact)
        );
        assert!(
            claims(r, fact).len() >= 2,
            "{fact} should have claims from several sources"
        );
    }
}

#[test]
fn every_claim_text_is_the_bytes_it_points_at() {
    let r = report();
    let claims = r["claims"].as_array().unwrap();
    assert!(
        claims.len() > 20,
        "too few claims to check: {}",
        claims.len()
    );
    for c in claims {
        let text = std::fs::read(root().join(c["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], c["text"].as_str().unwrap().as_bytes());
    }
}
