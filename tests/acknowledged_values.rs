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

#[test]
fn a_markdown_comment_can_name_the_value_it_accepts() {
    let dir = story();
    let p = dir.path();
    // The MailOnline article as Markdown, acknowledged in its own comment.
    let text = std::fs::read_to_string(p.join("corpus/mailonline.txt")).unwrap();
    std::fs::remove_file(p.join("corpus/mailonline.txt")).unwrap();
    let manifest = p.join("corpus/sources.toml");
    let renamed = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace("mailonline.txt", "mailonline.md");
    std::fs::write(&manifest, renamed).unwrap();
    let article = p.join("corpus/mailonline.md");
    let comment = "<!-- factlint-disable hastings-title value=\"President\" reviewed: he was president too -->\n\n";
    std::fs::write(&article, format!("{comment}{text}")).unwrap();
    let (_, out) = short(p);
    assert!(!out.contains("[hastings-title]"), "acknowledged: {out}");
    assert!(!out.contains("FL202"), "{out}");

    let changed = std::fs::read_to_string(&article)
        .unwrap()
        .replacen("president", "boss", 2);
    std::fs::write(&article, changed).unwrap();
    let (_, out) = short(p);
    assert!(
        out.contains("[hastings-title]"),
        "the new value is reported: {out}"
    );
    assert!(
        out.contains(
            "no longer matches: it accepts \"President\", but the article now says \"boss\""
        ),
        "{out}"
    );

    // A value whose quote never closes is an error at the comment.
    std::fs::write(
        &article,
        format!("<!-- factlint-disable hastings-title value=\"President reviewed -->\n\n{text}"),
    )
    .unwrap();
    let out = run_in(p, &["corpus"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("has a `value=` without its closing quote"),
        "{}",
        stderr(&out)
    );
}
