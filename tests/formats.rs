//! The CI formats on the corpus, each a reviewed snapshot, and their
//! contracts: SARIF against the official 2.1.0 schema, GitHub's escaping
//! and annotation limit, JUnit's shape, and the pre-commit manifest.

mod common;
use common::*;

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let out = run(&["corpus/", "--format", "sarif"]);
    assert_eq!(code(&out), 1);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap();
    // The published schema's `run.language` pattern has a stray `]` that the
    // validator's regex engine rejects when it checks the schema itself;
    // drop it (factlint does not emit `language`). Nothing else is changed.
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(
        text.contains(stray),
        "the vendored schema changed; revisit this correction"
    );
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$""#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema check can fail: a result without its required message.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let tesla = results
        .iter()
        .find(|r| r["properties"]["fact"] == "musk-descriptor")
        .unwrap();
    assert_eq!(
        tesla["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        "Tesla founder"
    );
    let titan = results
        .iter()
        .find(|r| r["properties"]["fact"] == "titan-api-access")
        .unwrap();
    assert_eq!(titan["relatedLocations"].as_array().unwrap().len(), 3);
    assert!(
        titan["message"]["text"].as_str().unwrap().contains("](1)"),
        "related locations are linked from the message"
    );
    snapshot("corpus-sarif", &stdout(&out));
}

#[test]
fn sarif_fingerprints_do_not_depend_on_lines() {
    let fingerprints = |dir: &std::path::Path| -> Vec<String> {
        let out = run_in(dir, &["corpus", "--format", "sarif"]);
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"]["factlint/v1"].to_string())
            .collect()
    };
    let dir = story();
    let before = fingerprints(dir.path());
    assert!(before.len() >= 5, "too few results to compare: {before:?}");
    assert!(before.iter().all(|f| f.len() > 10), "{before:?}");
    let epoch = dir.path().join("corpus/epoch-times.txt");
    let text = std::fs::read_to_string(&epoch).unwrap();
    std::fs::write(&epoch, format!("A new first paragraph.\n\n{text}")).unwrap();
    assert_eq!(before, fingerprints(dir.path()));
}

#[test]
fn github_annotations() {
    let out = run(&["corpus/", "--format", "github"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("::error file=corpus/epoch-times.txt,line=37,col=145,endLine=37,endColumn=158,title=factlint FL002 (musk-descriptor)::\"Tesla founder\" contradicts"), "{text}");
    snapshot("corpus-github", &text);
}

#[test]
fn github_shows_ten_annotations_per_severity_and_says_how_many_more() {
    let rule = r#"
[[fact]]
id = "spend"
description = "the 2017 ad spend"
kind = "money"
patterns = ['in 2017{gap}spend {value}']
"#;
    let mut files: Vec<(String, Vec<u8>)> = vec![("rules/r.toml".into(), rule.as_bytes().to_vec())];
    // 40 sources agree on $150M, a clear majority; 12 others each state a
    // different figure and are accused.
    for i in 0..40 {
        files.push((
            format!("a{i:02}.txt"),
            b"In 2017 it would spend $150 million.".to_vec(),
        ));
    }
    for i in 0..12 {
        files.push((
            format!("b{i:02}.txt"),
            format!("In 2017 it would spend ${} million.", 200 + i).into_bytes(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let dir = folder(&refs);
    let text = stdout(&run_in(dir.path(), &[".", "--format", "github"]));
    assert_eq!(
        text.lines().filter(|l| l.starts_with("::error ")).count(),
        10,
        "{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.contains("error[FL001]")).count(),
        2,
        "the rest as plain lines: {text}"
    );
    assert!(text.ends_with("factlint: 2 errors, 0 warnings and 0 notes were not annotated (GitHub shows 10 of each per step); they are listed above\n"), "{text}");
    // Messages with newlines are escaped onto one line.
    assert!(text
        .lines()
        .filter(|l| l.starts_with("::error "))
        .all(|l| l.contains("%0A")));
}

#[test]
fn junit_has_one_case_per_subject() {
    let out = run(&["corpus/", "--format", "junit"]);
    let text = stdout(&out);
    assert_eq!(text.matches("<testcase ").count(), 24, "{text}");
    assert_eq!(
        text.matches("<failure ").count(),
        3,
        "three facts have errors: {text}"
    );
    assert!(text.contains(r#"<testsuites name="factlint" tests="24" failures="3">"#));
    snapshot("corpus-junit", &text);
    // With --fail-on warning, the unsupported figure and the drifts fail too.
    let warn = stdout(&run(&[
        "corpus/",
        "--format",
        "junit",
        "--fail-on",
        "warning",
    ]));
    assert_eq!(
        warn.matches("<failure ").count(),
        7,
        "and the unsupported figure, both drifts and the fact no article states"
    );
}

#[test]
fn the_pre_commit_manifest_has_the_fields_pre_commit_needs() {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).expect("valid YAML");
    let hooks = docs[0].as_vec().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    for key in ["id", "name", "entry", "language"] {
        assert!(
            hook[key].as_str().is_some_and(|v| !v.is_empty()),
            "hook lacks `{key}`"
        );
    }
    assert_eq!(hook["id"].as_str(), Some("factlint"));
    assert_eq!(
        hook["entry"].as_str(),
        Some("factlint"),
        "the binary cargo installs"
    );
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(
        hook["pass_filenames"].as_bool(),
        Some(false),
        "cross-source checks need the whole corpus"
    );
    regex::Regex::new(hook["files"].as_str().unwrap()).expect("`files` is a regex");
}
