//! The HTML report outside a browser: everything from articles, manifests
//! and rules is escaped, unsafe URLs never become links, the page is
//! self-contained; and wire copies are named and counted once. (The page
//! in a real browser: tests/browser.rs.)

mod common;
use common::*;

const HOSTILE_RULE: &str = r#"
[[fact]]
id = "ad-spend-2017"
description = "<script>alert('rule')</script> ad spend & <b>more</b>"
kind = "money"
patterns = ['in 2017{gap}spend {value}']
expected = "$150 million"
cite = "<img src=x onerror=alert('cite')>"
"#;

const HOSTILE_MANIFEST: &str = r#"
[source."a.txt"]
outlet = "<script>alert('outlet')</script>"
url = "javascript:alert('url')"
published = "2024-04-02"

[source."b.txt"]
outlet = "Safe & Sound \"Times\""
url = "https://example.org/story?a=1&b=2"
"#;

#[test]
fn everything_from_inputs_is_escaped_and_unsafe_urls_are_not_links() {
    let dir = folder(&[
        ("rules/r.toml", HOSTILE_RULE.as_bytes()),
        ("corpus/sources.toml", HOSTILE_MANIFEST.as_bytes()),
        (
            "corpus/a.txt",
            b"<script>alert('article')</script> In 2017 Netflix would spend $200 million. <a href=\"javascript:alert(1)\">x</a>",
        ),
        (
            "corpus/b.txt",
            b"In 2017 it would spend $150 million <iframe src=//evil>.",
        ),
    ]);
    let out = run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--format", "html"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let html = stdout(&out);
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    for raw in [
        "<img",
        "<iframe",
        "<b>more",
        "alert('outlet')</script>",
        "href=\"javascript",
    ] {
        assert!(!html.contains(raw), "unescaped {raw:?} in the page");
    }
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript:"));
    // Shown escaped (askama writes numeric entities; read them as named).
    let shown = html
        .replace("&#60;", "&lt;")
        .replace("&#62;", "&gt;")
        .replace("&#38;", "&amp;")
        .replace("&#39;", "'")
        .replace("&#34;", "&quot;");
    assert!(
        shown.contains("&lt;script&gt;alert('outlet')&lt;/script&gt;"),
        "the outlet's name is shown, escaped"
    );
    assert!(
        shown.contains("&lt;img src=x onerror="),
        "the citation is shown, escaped"
    );
    // The safe URL is a link, its query escaped, with a text fragment.
    assert!(
        shown.contains("href=\"https://example.org/story?a=1&amp;b=2#:~:text=%24150%20million\""),
        "{html}"
    );
    // Self-contained: nothing is loaded from anywhere.
    for external in ["src=\"http", "<link", "@import", "url("] {
        assert!(!html.contains(external), "the page loads {external}");
    }
}

#[test]
fn html_report_is_deterministic() {
    let a = stdout(&run(&["corpus/", "--format", "html"]));
    let b = stdout(&run(&["corpus/", "--format", "html"]));
    assert_eq!(a, b);
    assert!(a.starts_with("<!DOCTYPE html>"));
}

const WIRE: &str = "Meta gave the streaming company access to private messages of its users for nearly a decade, according to court documents filed in a class action in California. The filing says the two companies shared data under a series of agreements, and that the streaming company paid for advertising on the platform every year. In 2017 Netflix would spend $200 million on ads, the documents show. Neither company answered a request for comment on Tuesday, and the case is being heard in the Northern District of California.\n";

/// A story where two outlets ran one agency's copy ($200 million) and
/// `own` outlets reported independently ($150 million).
fn wire_story(own: usize) -> tempfile::TempDir {
    let local = format!("{WIRE}Our reporter adds that the story was widely shared.\n");
    let own_texts = [
        "Our own reporting: in 2017 Netflix agreed to spend $150 million on Facebook ads, two people said.\n",
        "According to the filing, in 2017 the company would spend $150 million, a figure first reported here.\n",
        "Sources close to the deal told us that in 2017 Netflix was to spend $150 million with the social network.\n",
    ];
    let names: Vec<String> = (1..=own).map(|i| format!("corpus/own-{i}.txt")).collect();
    let mut files: Vec<(&str, &[u8])> = vec![
        ("rules/r.toml", RULE.as_bytes()),
        (
            "corpus/sources.toml",
            b"[source.\"wire-a.txt\"]\noutlet = \"Agency Daily\"\n[source.\"wire-b.txt\"]\noutlet = \"Copy Times\"\n",
        ),
        ("corpus/wire-a.txt", WIRE.as_bytes()),
        ("corpus/wire-b.txt", local.as_bytes()),
    ];
    for (name, text) in names.iter().zip(own_texts) {
        files.push((name, text.as_bytes()));
    }
    folder(&files)
}

#[test]
fn wire_copies_count_once_and_are_named() {
    // Three outlets reported independently, two ran one copy. Counted by
    // article, 3 of 5 is no clear majority; counted by copy group, 3 of 4
    // independent sources is one, and the copy is the outlier.
    let dir = wire_story(3);
    let out = run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--format", "short"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("corpus/wire-a.txt")
            && text.contains("error[FL001] corpus/wire-a.txt disagrees with 3 other sources")
            && text.contains("error[FL001] corpus/wire-b.txt disagrees with 3 other sources")
            && !text.contains("FL006"),
        "the copy group is the outlier against three independent sources:\n{text}"
    );
    let human = stdout(&run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--color", "never"],
    ));
    assert!(
        human.contains("same copy: Agency Daily, Copy Times ran the same text")
            && human.contains(
                "(3 of the 4 independent sources stating this fact; wire copies count once)"
            ),
        "{human}"
    );
    let table = stdout(&run_in(
        dir.path(),
        &[
            "table", "corpus", "--rules", "rules", "--by", "outlet", "--wide",
        ],
    ));
    assert!(table.contains("Copy Times"), "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with("Agency Daily"))
        .unwrap();
    assert!(row.trim_end().ends_with("Copy Times"), "{row}");
}

#[test]
fn wire_copies_count_once_in_a_split() {
    // Two independent outlets against one copy run twice: two articles a
    // side, but 2 against 1 independent source, and no clear majority
    // either way: a split that says how the copies were counted.
    let dir = wire_story(2);
    let human = stdout(&run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--color", "never"],
    ));
    assert!(
        human.contains("warning: sources are split on")
            && human.contains(
                "USD 200M (Agency Daily, Copy Times; counted as 1: wire copies count once)"
            )
            && !human.contains("FL001 conflict"),
        "{human}"
    );
    let html = stdout(&run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--format", "html"],
    ));
    assert!(
        html.contains("FL006 split") && html.contains("data-standing=\"split\""),
        "the split is a card and its outlets' cells say so"
    );
    let table = stdout(&run_in(
        dir.path(),
        &[
            "table", "corpus", "--rules", "rules", "--by", "outlet", "--wide",
        ],
    ));
    let row = table.lines().find(|l| l.starts_with("Copy Times")).unwrap();
    let counts: Vec<&str> = row.split_whitespace().skip(2).take(2).collect();
    assert_eq!(counts, ["0", "1"], "agree 0, split 1: {table}");
}

/// An HTML article is shown by its words: the passage, the matrix cell and
/// the text fragment of the link carry no markup and no entities.
#[test]
fn an_html_article_is_shown_without_its_markup() {
    let dir = folder(&[
        ("rules/r.toml", HOSTILE_RULE.as_bytes()),
        (
            "corpus/sources.toml",
            b"[source.\"a.html\"]\nurl = \"https://example.org/a\"\n",
        ),
        (
            "corpus/a.html",
            b"<html><body><p>In 2017 Netflix would <em>spend</em> $200&nbsp;million on ads.</p></body></html>",
        ),
        ("corpus/b.txt", b"In 2017 it would spend $150 million."),
    ]);
    let out = run_in(
        dir.path(),
        &["corpus", "--rules", "rules", "--format", "html"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("&amp;nbsp;"), "an entity shown as text");
    assert!(!html.contains("&lt;em&gt;"), "markup shown as text");
    assert!(html.contains("would spend"), "{html}");
    assert!(html.contains("#:~:text=%24200%20million"), "{html}");
}
