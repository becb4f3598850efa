//! Bounded output on stories covered by many sources (issue 13): a finding
//! labels a few of the sources that agree and counts the rest, `discover`
//! proposes a bounded number of skeletons with bounded examples, and an
//! article over the size limit is refused by name. Nothing here is timed.

mod common;
use common::*;
use serde_json::Value;

/// The most agreeing sources a finding labels (`factlint::evidence`).
const MAX_SHOWN: usize = factlint::evidence::MAX_SHOWN;

/// 40 articles: 30 quote the passage as "supercharge" and say $150 million,
/// 10 quote it as "power" and say $200 million.
fn crowd() -> tempfile::TempDir {
    let mut files: Vec<(String, Vec<u8>)> = (0..40)
        .map(|i| {
            let (verb, amount) = if i % 4 == 3 {
                ("power", "$200 million")
            } else {
                ("supercharge", "$150 million")
            };
            let text = format!(
                "Article {i}.\n\nThe lawsuit says the deal “helped {verb} Facebook’s ad targeting and ranking models” for years.\n\nIn 2017, Netflix agreed to spend {amount} on Facebook ads.\n"
            );
            (format!("corpus/a{i:02}.txt"), text.into_bytes())
        })
        .collect();
    files.push(("rules/spend.toml".into(), RULE.as_bytes().to_vec()));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_slice()))
        .collect();
    folder(&refs)
}

fn json(dir: &std::path::Path) -> Value {
    let out = run_in(dir, &["corpus", "--format", "json"]);
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

fn evidence(f: &Value) -> usize {
    f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["primary"] == false)
        .count()
}

fn notes(f: &Value) -> String {
    f["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_finding_over_many_sources_labels_a_few_and_counts_the_rest() {
    let dir = crowd();
    let r = json(dir.path());

    let drifts = of_kind(&r, "quote-drift");
    assert_eq!(drifts.len(), 10, "one per outlier");
    for f in &drifts {
        assert_eq!(evidence(f), MAX_SHOWN);
        // The count is of all agreeing sources, labelled or not.
        assert!(
            f["message"]
                .as_str()
                .unwrap()
                .ends_with("differently from 30 other sources"),
            "{}",
            f["message"]
        );
        assert!(
            notes(f).contains(&format!(
                "and {} more sources quote it as “supercharge” (not labelled)",
                30 - MAX_SHOWN
            )),
            "{}",
            notes(f)
        );
    }

    let conflicts = of_kind(&r, "conflict");
    assert_eq!(conflicts.len(), 10);
    for f in &conflicts {
        assert_eq!(evidence(f), MAX_SHOWN);
        let notes = notes(f);
        assert!(
            notes.contains("stated by corpus/a00.txt, corpus/a01.txt, corpus/a02.txt, corpus/a04.txt, corpus/a05.txt and 25 more sources"),
            "{notes}"
        );
        assert!(
            notes.contains("and 25 more sources state USD 150M (not labelled)"),
            "{notes}"
        );
    }
}

#[test]
fn every_format_shows_the_count_of_unlabelled_sources() {
    let dir = crowd();
    let count = "and 25 more sources quote it as “supercharge” (not labelled)";
    for format in ["human", "json", "sarif", "github"] {
        let out = run_in(
            dir.path(),
            &["corpus", "--format", format, "--color", "never"],
        );
        assert!(
            stdout(&out).contains(count),
            "{format} lacks the count:\n{}",
            stdout(&out)
        );
    }
}

#[test]
fn discover_proposes_a_bounded_number_of_bounded_skeletons() {
    let dir = crowd();
    let all = stdout(&run_in(dir.path(), &["discover", "corpus"]));
    let facts = all.matches("\n[[fact]]\n").count();
    assert!(facts >= 2, "{all}");
    // 40 statements of the 2017 spend: a sample of them, the rest counted.
    let examples = all.matches("\n[[fact.example]]\n").count();
    assert!(
        examples <= 12 * facts,
        "{examples} examples for {facts} facts"
    );
    assert!(
        all.contains("more statements of this figure, not listed"),
        "{all}"
    );

    let one = run_in(dir.path(), &["discover", "corpus", "--max-proposals", "1"]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    let one = stdout(&one);
    assert_eq!(one.matches("\n[[fact]]\n").count(), 1, "{one}");
    assert!(
        one.contains("proposals: those whose values disagree, then those"),
        "{one}"
    );
    // The figure all 40 sources state outranks each quotation's few labels.
    assert!(one.contains("kind = \"money\""), "{one}");
}

#[test]
fn an_article_over_the_size_limit_is_refused_by_name() {
    let dir = crowd();
    let out = run_in(dir.path(), &["corpus", "--max-article-bytes", "100"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("`corpus/a00.txt` is") && err.contains("over the limit of 100 bytes"),
        "{err}"
    );
    // The same limit from factlint.toml, and a generous one passes.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "rules = \"rules\"\nmax_article_bytes = 100\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["corpus"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("over the limit of 100 bytes"));
    let out = run_in(dir.path(), &["corpus", "--max-article-bytes", "100000"]);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
}
