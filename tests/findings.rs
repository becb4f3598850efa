//! One small fixture per finding kind, in the manner of ruff's rule tests:
//! a few articles, one rule, and exactly the findings expected.

mod common;
use common::*;
use serde_json::Value;

/// Runs the JSON report over `articles` with `rule`; returns the findings
/// as (kind, primary path, primary text) triples, in report order.
fn lint(rule: &str, articles: &[(&str, &str)]) -> (Vec<(String, String, String)>, Value) {
    let mut files: Vec<(&str, &[u8])> = articles.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let rule_path = "rules/r.toml";
    files.push((rule_path, rule.as_bytes()));
    let dir = folder(&files);
    let out = run_in(dir.path(), &["corpus", "--format", "json"]);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let l = f["labels"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["primary"] == true)
                .unwrap();
            (
                f["kind"].as_str().unwrap().to_string(),
                l["path"].as_str().unwrap().to_string(),
                l["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (found, json)
}

fn triple(kind: &str, path: &str, text: &str) -> (String, String, String) {
    (kind.to_string(), path.to_string(), text.to_string())
}

const SPEND: &str = r#"
[[fact]]
id = "spend"
description = "the 2017 ad spend"
kind = "money"
patterns = ['in 2017{gap}spend {value}']
"#;

#[test]
fn conflict_labels_the_outlier_against_a_clear_majority() {
    let (found, json) = lint(
        SPEND,
        &[
            (
                "corpus/a.txt",
                "In 2017, Netflix agreed to spend $150 million on ads.",
            ),
            ("corpus/b.txt", "In 2017 it would spend US$150m."),
            ("corpus/c.txt", "In 2017 it would spend $150,000,000."),
            ("corpus/d.txt", "In 2017 it would spend $200 million."),
        ],
    );
    assert_eq!(
        found,
        vec![triple("conflict", "corpus/d.txt", "$200 million")]
    );
    let labels = json["findings"][0]["labels"].as_array().unwrap();
    assert_eq!(
        labels.len(),
        4,
        "the outlier and one label per agreeing source"
    );
    assert_eq!(labels[1]["path"], "corpus/a.txt");
    assert_eq!(labels[1]["value"], "USD 150M");
    assert_eq!(labels[2]["text"], "US$150m");
}

#[test]
fn two_against_one_is_a_split_not_an_accusation() {
    // Two sources are not a clear majority (at least three, and three
    // quarters of those stating the fact): nobody is accused.
    let (found, json) = lint(
        SPEND,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend US$150m."),
            ("corpus/c.txt", "In 2017 it would spend $200 million."),
        ],
    );
    // The side that stands most alone comes first.
    assert_eq!(found, vec![triple("split", "corpus/c.txt", "$200 million")]);
    let f = &json["findings"][0];
    assert_eq!(f["code"], "FL006");
    assert_eq!(f["severity"], "warning");
    let notes: Vec<&str> = f["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.contains(&"sides: USD 150M (corpus/a.txt, corpus/b.txt); USD 200M (corpus/c.txt)"),
        "every side with its outlets: {notes:?}"
    );
}

#[test]
fn three_of_five_is_not_a_clear_majority() {
    let (found, _) = lint(
        SPEND,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend US$150m."),
            ("corpus/c.txt", "In 2017 it would spend $150m."),
            ("corpus/d.txt", "In 2017 it would spend $200 million."),
            ("corpus/e.txt", "In 2017 it would spend $250 million."),
        ],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "split");
}

#[test]
fn a_fact_sheet_decides_whatever_the_vote() {
    let rule = format!("{SPEND}expected = \"$200 million\"\ncite = \"the filing\"\n");
    let (found, _) = lint(
        &rule,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend US$150m."),
            ("corpus/c.txt", "In 2017 it would spend $150m."),
            ("corpus/d.txt", "In 2017 it would spend $200 million."),
        ],
    );
    let kinds: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        kinds,
        vec!["contradicts-reference"; 3],
        "the majority is wrong against the fact sheet: {found:?}"
    );
}

#[test]
fn a_story_can_make_a_split_fail_ci() {
    let rule = format!("{SPEND}severity = {{ split = \"error\" }}\n");
    let (found, json) = lint(
        &rule,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend $200 million."),
        ],
    );
    assert_eq!(found[0].0, "split");
    assert_eq!(json["findings"][0]["severity"], "error");
}

#[test]
fn a_tie_is_a_split_not_a_verdict() {
    let (found, json) = lint(
        SPEND,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend $200 million."),
        ],
    );
    assert_eq!(found, vec![triple("split", "corpus/a.txt", "$150 million")]);
    let f = &json["findings"][0];
    assert!(f["message"]
        .as_str()
        .unwrap()
        .starts_with("sources are split on"));
    assert!(f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["primary"] == true));
}

#[test]
fn compatible_wordings_agree() {
    let (found, _) = lint(
        SPEND,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend $150M."),
            ("corpus/c.txt", "In 2017 it would spend over $100 million."),
        ],
    );
    assert_eq!(found, vec![]);
}

#[test]
fn self_conflict_marks_the_later_statement() {
    let (found, json) = lint(
        SPEND,
        &[
            (
                "corpus/a.txt",
                "In 2017 it would spend $150 million. Later: in 2017 it would spend $300 million.",
            ),
            ("corpus/b.txt", "In 2017 it would spend $150 million."),
        ],
    );
    assert_eq!(
        found,
        vec![triple("self-conflict", "corpus/a.txt", "$300 million")]
    );
    let labels = json["findings"][0]["labels"].as_array().unwrap();
    assert_eq!(labels[0]["primary"], false);
    assert_eq!(labels[0]["text"], "$150 million");
}

#[test]
fn self_conflict_labels_every_statement_of_the_fact() {
    // The slip is the middle statement; the last one, agreeing with the
    // first, is what tells the editor which version the article holds to.
    let (found, json) = lint(
        SPEND,
        &[
            (
                "corpus/a.txt",
                "In 2017 it would spend $150 million. In 2017 it would spend $300 million. \
                 Again: in 2017 it would spend $150M.",
            ),
            ("corpus/b.txt", "In 2017 it would spend $150 million."),
        ],
    );
    assert_eq!(
        found,
        vec![triple("self-conflict", "corpus/a.txt", "$300 million")]
    );
    let labels: Vec<(bool, &str)> = json["findings"][0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["primary"].as_bool().unwrap(), l["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        labels,
        [
            (false, "$150 million"),
            (true, "$300 million"),
            (false, "$150M")
        ]
    );
}

#[test]
fn unsupported_needs_min_sources() {
    let rule = SPEND.to_string() + "min_sources = 2\n";
    let (found, _) = lint(
        &rule,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "Nothing about money here."),
        ],
    );
    assert_eq!(
        found,
        vec![triple("unsupported", "corpus/a.txt", "$150 million")]
    );

    // The fact sheet corroborates it.
    let (found, _) = lint(
        &(rule + "expected = \"$150M\"\n"),
        &[("corpus/a.txt", "In 2017 it would spend $150 million.")],
    );
    assert_eq!(found, vec![]);
}

#[test]
fn reference_checks_expected_and_rejected_values() {
    let rule = SPEND.to_string() + "expected = \"$150 million\"\ncite = \"the complaint\"\n";
    let (found, json) = lint(
        &rule,
        &[
            ("corpus/a.txt", "In 2017 it would spend $150 million."),
            ("corpus/b.txt", "In 2017 it would spend $250 million."),
        ],
    );
    assert_eq!(
        found,
        vec![triple(
            "contradicts-reference",
            "corpus/b.txt",
            "$250 million"
        )]
    );
    assert!(json["findings"][0]["notes"]
        .to_string()
        .contains("fact sheet: USD 150M (the complaint)"));

    let rule = SPEND.to_string()
        + "rejected = [{ value = \"$250M\", reason = \"a misreading of the filing\" }]\n";
    let (found, json) = lint(
        &rule,
        &[("corpus/b.txt", "In 2017 it would spend $250 million.")],
    );
    assert_eq!(
        found,
        vec![triple(
            "contradicts-reference",
            "corpus/b.txt",
            "$250 million"
        )]
    );
    assert!(json["findings"][0]["notes"]
        .to_string()
        .contains("a misreading of the filing"));
}

#[test]
fn multivalued_facts_only_check_the_reference() {
    let rule = r#"
[[fact]]
id = "musk"
description = "how Elon Musk is described"
kind = "title"
multivalued = true
patterns = ['(?P<value>(?:Tesla|SpaceX) (?:founder|CEO)) Elon Musk']
rejected = [{ value = "Tesla founder", reason = "Tesla was founded by Eberhard and Tarpenning" }]
"#;
    let (found, _) = lint(
        rule,
        &[
            (
                "corpus/a.txt",
                "SpaceX CEO Elon Musk said. Tesla founder Elon Musk said.",
            ),
            ("corpus/b.txt", "Tesla CEO Elon Musk said."),
        ],
    );
    assert_eq!(
        found,
        vec![triple(
            "contradicts-reference",
            "corpus/a.txt",
            "Tesla founder"
        )]
    );
}

#[test]
fn unreadable_words_are_a_note() {
    let rule = r#"
[[fact]]
id = "spend"
description = "the 2017 ad spend"
kind = "money"
patterns = ['in 2017 it would spend (?P<value>\w+)']
"#;
    let (found, json) = lint(
        rule,
        &[("corpus/a.txt", "In 2017 it would spend lavishly.")],
    );
    assert_eq!(
        found,
        vec![triple("unreadable-value", "corpus/a.txt", "lavishly")]
    );
    assert_eq!(json["findings"][0]["severity"], "note");
    assert!(json["claims"][0]["unreadable"].is_string());
}

#[test]
fn relative_dates_need_a_publication_date() {
    let rule = r#"
[[fact]]
id = "filed"
description = "when the lawsuit was filed"
kind = "date"
patterns = ['filed (?:in )?{value}']
"#;
    let manifest = "[source.\"a.txt\"]\npublished = \"2024-04-03\"\n";
    let (found, json) = lint(
        rule,
        &[
            ("corpus/a.txt", "The suit was filed last year."),
            ("corpus/b.txt", "The suit was filed last year."),
            ("corpus/c.txt", "The suit was filed in April 2023."),
            ("corpus/sources.toml", manifest),
        ],
    );
    assert_eq!(found, vec![]);
    let claims = json["claims"].as_array().unwrap();
    assert_eq!(claims[0]["value"], "2023");
    assert!(
        claims[1]["value"].is_null() && claims[1]["unresolved"].is_string(),
        "{claims:#?}"
    );
}

/// Two facts of one rival group, told apart by the year a figure is tied to.
const RIVALS: &str = r#"
[entity.netflix]
names = ["Netflix"]

[[fact]]
id = "spend-2015"
description = "ad spend by 2015"
kind = "money"
about = ["netflix"]
cues = ["spend"]
anchors = ["by 2015"]
group = "spend-by-year"

[[fact]]
id = "spend-2017"
description = "ad spend in 2017"
kind = "money"
about = ["netflix"]
cues = ["spend"]
anchors = ["in 2017"]
group = "spend-by-year"
"#;

#[test]
fn rival_anchors_place_each_figure_and_leave_the_rest_unplaced() {
    let (found, json) = lint(
        RIVALS,
        &[
            (
                "corpus/a.txt",
                "By 2015 Netflix would spend $40 million a year. In 2017 Netflix would spend $150 million.",
            ),
            (
                "corpus/b.txt",
                "In 2017 Netflix would spend $150 million. Netflix used to spend $40 million.",
            ),
        ],
    );
    // Each figure goes to the fact of its year, so nothing conflicts.
    assert_eq!(found, vec![]);
    let claims: Vec<(&str, &str, &str)> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["fact"].as_str().unwrap(),
                c["path"].as_str().unwrap(),
                c["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        claims,
        [
            ("spend-2015", "corpus/a.txt", "$40 million"),
            ("spend-2017", "corpus/a.txt", "$150 million"),
            ("spend-2017", "corpus/b.txt", "$150 million"),
        ]
    );
    // The figure tied to no year is shown, not guessed.
    let unplaced = json["unplaced"].as_array().unwrap();
    assert_eq!(unplaced.len(), 1, "{unplaced:#?}");
    assert_eq!(
        unplaced[0]["facts"],
        serde_json::json!(["spend-2015", "spend-2017"])
    );
    assert_eq!(unplaced[0]["path"], "corpus/b.txt");
    assert_eq!(unplaced[0]["text"], "$40 million");
    assert_eq!(unplaced[0]["value"], "USD 40M");
    assert_eq!(unplaced[0]["why"], "no-anchor");
}

#[test]
fn a_storys_title_synonyms_are_one_title() {
    let rule = r#"
[[fact]]
id = "sarandos"
description = "Ted Sarandos' title"
kind = "title"
patterns = ['(?P<value>(?:content chief|chief content officer|chief marketing officer)) Ted Sarandos']
"#;
    let articles: [(&str, &[u8]); 3] = [
        ("corpus/a.txt", b"Netflix content chief Ted Sarandos said."),
        (
            "corpus/b.txt",
            b"Its chief content officer Ted Sarandos said.",
        ),
        (
            "corpus/c.txt",
            b"Its chief content officer Ted Sarandos said.",
        ),
    ];
    let run_with = |rule: &str, config: Option<&str>| {
        let mut files: Vec<(&str, &[u8])> = articles.to_vec();
        files.push(("rules/r.toml", rule.as_bytes()));
        if let Some(config) = config {
            files.push(("factlint.toml", config.as_bytes()));
        }
        let dir = folder(&files);
        let out = run_in(dir.path(), &["corpus", "--format", "json"]);
        assert_ne!(code(&out), 2, "{}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["findings"].as_array().unwrap().len()
    };
    // Two wordings of one title, which only the story knows.
    assert_eq!(run_with(rule, None), 1);
    let story = "[defaults]\nsynonyms = [[\"chief content officer\", \"content chief\"]]\n";
    assert_eq!(run_with(rule, Some(story)), 0);
    let fact = format!("{rule}synonyms = [[\"content chief\", \"chief content officer\"]]\n");
    assert_eq!(run_with(&fact, None), 0);

    // A set of one wording is a flat list written by mistake.
    let flat = format!("{rule}synonyms = [[\"content chief\"], [\"chief content officer\"]]\n");
    let mut files: Vec<(&str, &[u8])> = articles.to_vec();
    files.push(("rules/r.toml", flat.as_bytes()));
    let dir = folder(&files);
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("error: invalid `synonyms` in fact `sarandos`\n  ┌─ rules/r.toml:7:12"),
        "{}",
        stderr(&out)
    );
}
