//! SARIF and JSON say everything a CI needs (issue 14, items 1 and 6):
//! fingerprints and URIs that do not depend on where factlint ran or how
//! the corpus was spelled, help links, invocations, the hidden findings with
//! why, and columns that do not count a byte order mark.

mod common;
use common::*;
use serde_json::Value;

fn sarif(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "sarif"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn fingerprints(log: &Value) -> Vec<String> {
    let mut all: Vec<String> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["factlint/v2"].to_string())
        .collect();
    all.sort();
    all
}

#[test]
fn sarif_is_the_same_from_any_directory() {
    let dir = story();
    let p = dir.path();
    let real = std::fs::canonicalize(p).unwrap();
    let rules = real.join("rules");
    let rules = rules.to_str().unwrap();
    let corpus = real.join("corpus");
    let here = sarif(p, &["corpus", "--rules", "rules"]);
    let absolute = sarif(p, &[corpus.to_str().unwrap(), "--rules", rules]);
    let inside = sarif(&p.join("corpus"), &[".", "--rules", rules]);
    assert_eq!(fingerprints(&here), fingerprints(&absolute));
    assert_eq!(fingerprints(&here), fingerprints(&inside));

    // URIs are relative to SRCROOT, even for an absolute --rules.
    let text = serde_json::to_string(&absolute).unwrap();
    assert!(!text.contains("file://"), "an absolute URI: {text}");
    let run = &absolute["runs"][0];
    assert!(run["originalUriBaseIds"]["SRCROOT"].is_object(), "{run}");
    for r in run["results"].as_array().unwrap() {
        for l in r["locations"].as_array().into_iter().flatten() {
            let artifact = &l["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uriBaseId"], "SRCROOT", "{artifact}");
            let uri = artifact["uri"].as_str().unwrap();
            assert!(
                uri.starts_with("corpus/") || uri.starts_with("rules/"),
                "{uri}"
            );
        }
    }
}

#[test]
fn sarif_has_help_links_and_invocations() {
    let log = sarif(&root(), &["corpus/"]);
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let code = rule["id"].as_str().unwrap().to_lowercase();
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(uri.starts_with("https://"), "{uri}");
        assert!(uri.ends_with(&format!("docs/codes.md#{code}")), "{uri}");
        // The anchor exists in the page it names.
        let codes = std::fs::read_to_string(root().join("docs/codes.md")).unwrap();
        assert!(codes.contains(&format!("(#{code})")), "{code}");
    }
}

#[test]
fn hidden_findings_are_listed_with_why() {
    let dir = story();
    let p = dir.path();
    let manifest = std::fs::read_to_string(p.join("corpus/sources.toml"))
        .unwrap()
        .replace(
            "[source.\"mailonline.txt\"]\n",
            "[source.\"mailonline.txt\"]\naccept = [{ fact = \"hastings-title\", reason = \"reviewed: he was president too\" }]\n",
        );
    std::fs::write(p.join("corpus/sources.toml"), manifest).unwrap();
    // Baseline everything left, then hide it with the baseline.
    let out = run_in(p, &["corpus", "--write-baseline", "baseline.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let log = sarif(p, &["corpus", "--baseline", "baseline.json"]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppressions: Vec<&Value> = results
        .iter()
        .filter_map(|r| r["suppressions"].as_array())
        .flatten()
        .collect();
    assert!(!suppressions.is_empty());
    assert!(suppressions.iter().all(|s| s["kind"] == "external"));
    let acknowledged = results
        .iter()
        .find(|r| r["properties"]["fact"] == "hastings-title")
        .expect("the acknowledged finding is a result");
    assert_eq!(
        acknowledged["suppressions"][0]["justification"],
        "reviewed: he was president too"
    );
    assert!(suppressions
        .iter()
        .any(|s| s["justification"] == "recorded in the baseline (--baseline)"));

    let out = run_in(
        p,
        &["corpus", "--baseline", "baseline.json", "--format", "json"],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let hidden = json["hidden"]
        .as_array()
        .expect("hidden findings are listed");
    let summary = &json["summary"];
    assert_eq!(
        hidden.len() as u64,
        summary["baseline"].as_u64().unwrap() + summary["acknowledged"].as_u64().unwrap()
    );
    let ack = hidden
        .iter()
        .find(|h| h["hidden_by"] == "acknowledgement")
        .unwrap();
    assert_eq!(ack["fact"], "hastings-title");
    assert_eq!(ack["reason"], "reviewed: he was president too");
    assert_eq!(ack["code"], "FL002");
    assert!(hidden
        .iter()
        .any(|h| h["hidden_by"] == "baseline" && h.get("reason").is_none()));

    // Nothing hidden: no `hidden` key.
    let out = run(&["corpus/", "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.get("hidden").is_none());
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let line = "In 2017 Netflix would spend $300 million on Facebook.\n";
    let other = "In 2017 Netflix would spend $200M on Facebook.\n";
    let make = |first: &[u8]| {
        folder(&[
            ("rules/r.toml", RULE.as_bytes()),
            ("corpus/a.txt", first),
            ("corpus/b.txt", other.as_bytes()),
            ("corpus/c.txt", other.as_bytes()),
            ("corpus/d.txt", other.as_bytes()),
        ])
    };
    let with_bom = [b"\xef\xbb\xbf".as_slice(), line.as_bytes()].concat();
    for format in ["short", "human", "json", "sarif"] {
        let plain = make(line.as_bytes());
        let bom = make(&with_bom);
        let args = ["--rules", "rules", "corpus", "--format", format];
        let a = stdout(&run_in(plain.path(), &args));
        let b = stdout(&run_in(bom.path(), &args));
        assert!(a.contains("29"), "{a}");
        // Byte offsets move by the mark's three bytes; lines and columns do not.
        let strip = |t: &str| {
            t.lines()
                .filter(|l| {
                    !l.contains("\"start\"")
                        && !l.contains("\"end\"")
                        && !l.contains("byteOffset")
                        && !l.contains("partialFingerprints")
                        && !l.contains("factlint/v")
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&a), strip(&b), "{format}");
    }
}
