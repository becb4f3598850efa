//! Quotation drift, single-source figures and `factlint discover`, on the
//! corpus and on fixtures.

mod common;
use common::*;
use serde_json::Value;

fn report(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = run_in(dir, args);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn of_kind<'a>(r: &'a Value, kind: &str) -> Vec<&'a Value> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect()
}

/// (path, text, primary) of every label.
fn labels(f: &Value) -> Vec<(String, String, bool)> {
    f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap().to_string(),
                l["text"].as_str().unwrap().to_string(),
                l["primary"] == true,
            )
        })
        .collect()
}

#[test]
fn the_corpus_quotations_that_drifted() {
    let r = report(&root(), &["corpus/", "--format", "json"]);
    let drifts = of_kind(&r, "quote-drift");
    // "helped power" in MailOnline, where the others quote "helped supercharge".
    let power = drifts
        .iter()
        .find(|f| labels(f).iter().any(|l| l.1 == "power"))
        .expect("the power/supercharge drift");
    assert_eq!(
        labels(power),
        vec![
            ("corpus/mailonline.txt".into(), "power".into(), true),
            (
                "corpus/hindustan-times.txt".into(),
                "supercharge".into(),
                false
            ),
            ("corpus/epoch-times.txt".into(), "supercharge".into(), false),
        ]
    );
    assert!(power["notes"][0]
        .as_str()
        .unwrap()
        .starts_with("“power” ≠ “supercharge”"));
    // "recommendations sends … implementation variation" against
    // "recommendation sends … implementation variant": two sources, no
    // majority, both named.
    let tie = drifts
        .iter()
        .find(|f| labels(f).iter().any(|l| l.1 == "variation"))
        .expect("the recommendation drift");
    let l = labels(tie);
    for words in [
        ("corpus/hindustan-times.txt", "recommendations"),
        ("corpus/epoch-times.txt", "recommendation"),
        ("corpus/hindustan-times.txt", "variation"),
        ("corpus/epoch-times.txt", "variant"),
    ] {
        assert!(
            l.contains(&(words.0.to_string(), words.1.to_string(), true)),
            "{words:?} in {l:#?}"
        );
    }
    // The Titan API quotation differs only in apostrophes and quote style.
    assert!(!drifts
        .iter()
        .any(|f| labels(f).iter().any(|l| l.1.contains("non-app"))));
}

#[test]
fn style_and_punctuation_are_not_drift() {
    let dir = folder(&[
        ("rules/r.toml", RULE.as_bytes()),
        ("a.txt", "It let a partner access “Facebook users’ ‘messaging app and non-app friends,’” the filing says.".as_bytes()),
        ("b.txt", b"It let a partner access \"Facebook user's 'messaging app and non-app friends'\", it says."),
        ("c.md", "The complaint: “FACEBOOK USERS messaging app … non-app friends”".as_bytes()),
        ("d.txt", "It cites “data, e.g., counts of recommendation sends by interface”.".as_bytes()),
        ("e.txt", "It cites “data, e.g. counts of recommendation sends by interface”.".as_bytes()),
    ]);
    let r = report(dir.path(), &[".", "--format", "json"]);
    assert!(
        of_kind(&r, "quote-drift").is_empty(),
        "{:#?}",
        of_kind(&r, "quote-drift")
    );

    // One changed word is drift; with three sources the majority wins.
    std::fs::write(
        dir.path().join("e.txt"),
        "It cites “data, e.g. counts of recommendation clicks by interface”.",
    )
    .unwrap();
    let r = report(dir.path(), &[".", "--format", "json"]);
    let d = of_kind(&r, "quote-drift");
    assert_eq!(d.len(), 1);
    assert_eq!(
        labels(d[0]),
        vec![
            ("d.txt".into(), "sends".into(), true),
            ("e.txt".into(), "clicks".into(), true)
        ]
    );
}

/// A filing excerpt set apart after "According to the filing:", in three
/// plain-text articles; `gloss` is inserted into the first one's copy.
fn excerpt_articles(introduction: &str, gloss: &str) -> tempfile::TempDir {
    let excerpt = |extra: &str| {
        format!(
            "Lede paragraph.\n\n{introduction}\n\nBy 2013, Netflix had begun entering into a series of \
             “Extended API” agreements, including a so-called ‘Inbox API’{extra} agreement that \
             allowed Netflix programmatic access to private message inboxes.\n\nAfter.\n"
        )
    };
    folder(&[
        ("rules/r.toml", RULE.as_bytes()),
        ("a.txt", excerpt(gloss).as_bytes()),
        ("b.txt", excerpt("").as_bytes()),
        ("c.txt", excerpt("").as_bytes()),
    ])
}

#[test]
fn an_excerpt_introduced_in_plain_text_is_a_quotation() {
    let gloss = " [application programming interface]";
    let dir = excerpt_articles("According to the filing:", gloss);
    let r = report(dir.path(), &[".", "--format", "json"]);
    let d = of_kind(&r, "quote-drift");
    assert_eq!(d.len(), 1, "{d:#?}");
    let l = labels(d[0]);
    assert_eq!(
        l[0],
        (
            "a.txt".into(),
            "application programming interface".into(),
            true
        ),
        "{l:#?}"
    );
    assert!(l[1..].iter().all(|l| !l.2), "{l:#?}");

    // The same paragraphs after words that attribute nothing are the
    // authors' own: no quotation, no drift.
    let dir = excerpt_articles("Here is what we know:", gloss);
    let r = report(dir.path(), &[".", "--format", "json"]);
    assert!(of_kind(&r, "quote-drift").is_empty());
}

#[test]
fn quote_settings_come_from_factlint_toml() {
    let dir = folder(&[
        ("rules/r.toml", RULE.as_bytes()),
        (
            "a.txt",
            "“the board approved the merger on Tuesday”".as_bytes(),
        ),
        (
            "b.txt",
            "“the board rejected the merger on Tuesday”".as_bytes(),
        ),
        (
            "factlint.toml",
            b"rules = \"rules\"\n[quotes]\nseverity = \"error\"\n",
        ),
    ]);
    let out = run_in(dir.path(), &[".", "--format", "short"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stdout(&out).contains("error[FL301]"), "{}", stdout(&out));
    std::fs::write(
        dir.path().join("factlint.toml"),
        "rules = \"rules\"\n[quotes]\nenabled = false\n",
    )
    .unwrap();
    assert!(!stdout(&run_in(dir.path(), &[".", "--format", "short"])).contains("FL301"));
    std::fs::write(dir.path().join("factlint.toml"), "[quotes]\nmin_word = 3\n").unwrap();
    let out = run_in(dir.path(), &["."]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown field `min_word`"));
}

#[test]
fn single_source_figures() {
    let r = report(&root(), &["corpus/", "--format", "json"]);
    let single: Vec<(String, String)> = of_kind(&r, "single-source")
        .iter()
        .map(|f| {
            (
                f["labels"][0]["path"].as_str().unwrap().to_string(),
                f["labels"][0]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        single.contains(&(
            "corpus/mailonline.txt".into(),
            "more than 500 million users".into()
        )),
        "{single:?}"
    );
    // Two sources print "two U.S. citizens"; rules cover "$284 million".
    assert!(
        !single
            .iter()
            .any(|(_, t)| t.contains("citizens") || t.contains("284")),
        "{single:?}"
    );
    for f in of_kind(&r, "single-source") {
        assert_eq!(f["severity"], "note");
        assert!(
            f["notes"][0].as_str().unwrap().starts_with("in: "),
            "the sentence is given"
        );
    }
}

#[test]
fn discover_proposes_the_ad_spend_rule() {
    let out = run(&["discover", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let spend = text
        .split("\n[[fact]]\n")
        .find(|f| f.contains("\"$40 million\""))
        .expect("an ad spend proposal");
    assert!(spend.contains("kind = \"money\""), "{spend}");
    assert!(
        spend.contains("values = [\"$150 million\"]") && spend.contains("corpus/tachlis-daily.txt"),
        "{spend}"
    );
    assert!(
        text.contains("\"wording 1\" = ['''power''']"),
        "the drifted quotation is proposed too"
    );

    // The proposal is a valid rule file, and -o never overwrites.
    let dir = folder(&[]);
    let out = run_in(
        dir.path(),
        &[
            "discover",
            &root().join("corpus").to_string_lossy(),
            "-o",
            "rules/proposed.toml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let test = run_in(dir.path(), &["test", "rules/"]);
    assert_ne!(
        code(&test),
        2,
        "proposed rules load: {}{}",
        stdout(&test),
        stderr(&test)
    );
    let again = run_in(
        dir.path(),
        &[
            "discover",
            &root().join("corpus").to_string_lossy(),
            "-o",
            "rules/proposed.toml",
        ],
    );
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("exists; discover writes only new files"));
}
