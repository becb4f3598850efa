//! `factlint discover` end to end: what it proposes is written in the
//! sentence form, keeps unrelated figures apart, and passes `factlint test`
//! as written.

mod common;
use common::*;

/// Runs discover on `corpus` into a new rule file in a temporary folder,
/// then `factlint test` on it: (the rule file, test's stdout + stderr).
fn discover_then_test(corpus: &std::path::Path) -> (String, String) {
    let dir = folder(&[]);
    let out = run_in(
        dir.path(),
        &[
            "discover",
            &corpus.to_string_lossy(),
            "-o",
            "rules/proposed.toml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rules = std::fs::read_to_string(dir.path().join("rules/proposed.toml")).unwrap();
    let test = run_in(dir.path(), &["test", "rules/"]);
    let said = format!("{}{}", stdout(&test), stderr(&test));
    assert_eq!(code(&test), 0, "every example passes:\n{said}\n{rules}");
    (rules, said)
}

/// The facts of a rule file, as their TOML text.
fn facts(rules: &str) -> Vec<&str> {
    rules.split("\n[[fact]]\n").skip(1).collect()
}

#[test]
fn proposals_for_the_corpus_pass_factlint_test() {
    let (rules, said) = discover_then_test(&root().join("corpus"));
    let summary = said.lines().find(|l| l.starts_with("test: ")).unwrap();
    assert!(summary.ends_with(", 0 failed"), "{said}");
    let examples: usize = summary
        .trim_start_matches("test: ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(examples >= 20, "{said}");
    // Figures in the sentence form: cues (and a subject where every
    // sentence names one), no regex.
    let spend = facts(&rules)
        .into_iter()
        .find(|f| f.contains("\"$40 million\""))
        .expect("an ad spend proposal");
    assert!(spend.contains("kind = \"money\""), "{spend}");
    assert!(spend.contains("cues = [\"ad\", \"spend\"]"), "{spend}");
    assert!(!spend.contains("patterns"), "{spend}");
    assert!(
        spend.contains("corpus/tachlis-daily.txt: \"$150 million\" = USD 150M"),
        "{spend}"
    );
    // Counter-examples: the fine is not the ad spend.
    assert!(
        spend.contains("Ireland fined Meta €265 million ($284 million)")
            && spend.contains("values = []"),
        "{spend}"
    );
}

#[test]
fn the_fine_and_the_ad_spend_are_separate_facts() {
    let (rules, _) = discover_then_test(&root().join("corpus"));
    let fine = facts(&rules)
        .into_iter()
        .find(|f| f.contains("values = [\"€265 million ($284 million)\"]"))
        .expect("a fine proposal");
    assert!(fine.contains("about = [\"meta\"]"), "{fine}");
    assert!(!fine.contains("values = [\"$40 million\"]"), "{fine}");
    assert!(
        rules.contains("[entity.meta]\nnames = [\"Meta\"]"),
        "{rules}"
    );
}

#[test]
fn proposals_for_the_dev_corpus_pass_factlint_test() {
    let (rules, said) = discover_then_test(&root().join("tests/data/dev-corpus/meta-netflix"));
    assert!(facts(&rules).len() >= 3, "{rules}");
    assert!(said.contains(", 0 failed"), "{said}");
}

#[test]
fn unrelated_figures_do_not_share_a_fact() {
    // Two outlets; each states a deal price and a fine for the same
    // company, with different numbers. A fact per kind alone would mix
    // them; grouped by cue and subject they are two facts.
    let dir = folder(&[
        (
            "corpus/a.txt",
            "Acme agreed to pay $40 million for Brightline, the company said.\nRegulators fined Acme $5 million over the leak, officials said.\n"
                .as_bytes(),
        ),
        (
            "corpus/b.txt",
            "Acme will pay $45 million for Brightline, people familiar said.\nThe watchdog fined Acme $6 million after the leak.\n"
                .as_bytes(),
        ),
    ]);
    let (rules, _) = discover_then_test(&dir.path().join("corpus"));
    let money: Vec<&str> = facts(&rules)
        .into_iter()
        .filter(|f| f.contains("kind = \"money\""))
        .collect();
    assert_eq!(money.len(), 2, "{rules}");
    let deal = money
        .iter()
        .find(|f| f.contains("values = [\"$40 million\"]"))
        .unwrap();
    let fine = money
        .iter()
        .find(|f| f.contains("values = [\"$5 million\"]"))
        .unwrap();
    assert!(
        deal.contains("values = [\"$45 million\"]") && !deal.contains("values = [\"$5 million\"]"),
        "{deal}"
    );
    assert!(
        fine.contains("values = [\"$6 million\"]") && fine.contains("cues = [\"fined\""),
        "{fine}"
    );
}

#[test]
fn the_proposals_for_the_corpus_as_written() {
    let out = run(&["discover", "corpus/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    snapshot("discover-corpus", &stdout(&out));
}
