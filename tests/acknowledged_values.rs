//! Acknowledgements that name the value they accept (issue 14, item 2):
//! when the article's value changes, the finding comes back and FL202 says
//! the acknowledgement no longer matches, and why.

mod common;
use common::*;

fn short(dir: &std::path::Path) -> (i32, String) {
    let out = run_in(dir, &["corpus", "--format", "short"]);
    (code(&out), stdout(&out))
}

fn accept(dir: &std::path::Path, entry: &str) {
    let path = dir.join("corpus/sources.toml");
    let manifest = std::fs::read_to_string(&path).unwrap().replace(
        "[source.\"mailonline.txt\"]\n",
        &format!("[source.\"mailonline.txt\"]\naccept = [{entry}]\n"),
    );
    std::fs::write(path, manifest).unwrap();
}

#[test]
fn an_acknowledged_value_hides_only_that_value() {
    let dir = story();
    let p = dir.path();
    accept(
        p,
        r#"{ fact = "hastings-title", value = "President", reason = "reviewed: he was president too" }"#,
    );
    let (_, text) = short(p);
    assert!(!text.contains("[hastings-title]"), "acknowledged: {text}");
    assert!(!text.contains("FL202"), "{text}");

    // The article changes its value: the finding is back, and the
    // acknowledgement says it no longer matches.
    let article = p.join("corpus/mailonline.txt");
    let changed = std::fs::read_to_string(&article)
        .unwrap()
        .replacen("president", "boss", 1);
    std::fs::write(&article, changed).unwrap();
    let (_, text) = short(p);
    assert!(
        text.contains("[hastings-title]") && text.contains("\"boss\""),
        "the new value is reported: {text}"
    );
    assert!(
        text.contains("warning[FL202] the acknowledgement of `hastings-title` for corpus/mailonline.txt no longer matches: it accepts \"President\", but the article now says \"boss\""),
        "{text}"
    );
}

#[test]
fn an_acknowledgement_without_a_value_still_accepts_any() {
    let dir = story();
    let p = dir.path();
    accept(p, r#"{ fact = "hastings-title", reason = "reviewed" }"#);
    let article = p.join("corpus/mailonline.txt");
    let changed = std::fs::read_to_string(&article)
        .unwrap()
        .replacen("president", "boss", 1);
    std::fs::write(&article, changed).unwrap();
    let (_, text) = short(p);
    assert!(!text.contains("[hastings-title]"), "{text}");
    assert!(!text.contains("FL202"), "{text}");
}
