//! Articles as they arrive: an HTML page as a news site serves it and a
//! Markdown article with front matter each give the same claims and
//! findings as their plain-text twin, with every span on the original
//! bytes; furniture, ignored files, standard input and Unicode variants.

mod common;
use common::*;
use serde_json::Value;

/// The article every format below says, as plain text (with its page
/// furniture: a related-stories list).
const DAILY_TXT: &str = "Netflix and Facebook: the deal

In 2017, Netflix agreed to spend $100 million on Facebook ads, the suit says.

Related Stories

Ontario School Boards Suing Meta for $4.5 Billion

The lawsuit, filed last year, says Netflix would send Facebook a written report every month.

The filing says Netflix would provide “a written report every two weeks that shows daily counts of recommendation sends and recipient clicks by interface.”
";

/// The other source, the same in every folder.
const WIRE_TXT: &str = "Facebook gave Netflix access to messages

In 2017, Netflix agreed to spend $150 million on Facebook ads, according to the lawsuit, which was filed in April 2023.

Netflix would provide to FB “a written report every fortnight that shows daily counts of recommendation sends and recipient clicks by interface,” the filing says.
";

const SOURCES_TXT: &str = r#"
[source."wire.txt"]
outlet = "Wire"
published = "2024-04-02"

[source."daily.txt"]
outlet = "The Daily Example"
published = "2024-04-02"
"#;

const WIRE_ONLY: &str = r#"
[source."wire.txt"]
outlet = "Wire"
published = "2024-04-02"
"#;

/// `DAILY_TXT` as a news site serves it.
const DAILY_HTML: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Netflix and Facebook: the deal | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Netflix and Facebook: the deal">
<link rel="canonical" href="https://daily.example/2024/04/02/netflix-facebook">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Netflix and Facebook: the deal",
 "datePublished": "2024-04-02T09:30:00+01:00",
 "author": [{"@type": "Person", "name": "Ann Writer"}],
 "publisher": {"@type": "Organization", "name": "The Daily Example"}}
</script>
<style>.price::after { content: "$5 million"; }</style>
<script>window.ads = {floor: "$2 million"};</script>
</head>
<body>
<header class="site-header">
  <a href="/" class="logo">The Daily Example</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/tech">Tech</a></li></ul></nav>
  <div class="subscribe-banner">Become a Subscriber: $1 million readers can't be wrong</div>
</header>
<main>
<article>
  <header>
    <h1>Netflix and Facebook: the deal</h1>
    <p class="byline">By Ann Writer, April 2, 2024</p>
  </header>
  <figure>
    <img src="/img/hq.jpg" alt="Meta headquarters">
    <figcaption>Meta's headquarters, worth $9 billion / Photo: AP</figcaption>
  </figure>
  <p>In 2017, Netflix agreed to spend $100&nbsp;million on
     <a href="/tags/facebook">Facebook</a> ads, the suit says.</p>
  <aside class="related-stories">
    <h2>Related Stories</h2>
    <ul><li><a href="/ontario">Ontario School Boards Suing Meta for $4.5 Billion</a></li></ul>
  </aside>
  <p>The lawsuit, filed last year, says Netflix would send Facebook a written report <em>every month</em>.</p>
  <p>The filing says Netflix would provide &#8220;a written report every two weeks that shows daily counts of recommendation sends and recipient clicks by interface.&#8221;</p>
  <div class="share-tools"><button>Share</button> <a href="#">Tweet</a></div>
</article>
</main>
<footer>
  <form class="newsletter"><label>Sign up for our newsletter</label><input type="email"></form>
  <p>&copy; 2024 The Daily Example. $3 million in annual awards.</p>
</footer>
</body>
</html>
"##;

/// `DAILY_TXT` as a Markdown article with front matter.
const DAILY_MD: &str = "---
title: \"Netflix paid Facebook $900 million, sources say\"
published: 2024-04-02
outlet: The Daily Example
authors:
  - Ann Writer
---

# Netflix and Facebook: the deal

In 2017, Netflix agreed to spend **$100 million** on
[Facebook](https://daily.example/tags/facebook) ads, the suit says.

Related Stories

Ontario School Boards Suing Meta for $4.5 Billion

The lawsuit, filed last year, says Netflix would send Facebook
a written report _every month_.

```text
Draft figure, not for publication: $7 billion
```

The filing says Netflix would provide:

> a written report every two weeks that shows daily counts of
> recommendation sends and recipient clicks by interface.
";

/// Runs the corpus folder `dir` with the repository's rules, as JSON.
fn report(dir: &std::path::Path, args: &[&str]) -> Value {
    let rules = root().join("rules");
    let mut all = vec!["--rules", rules.to_str().unwrap(), "--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Words without markup: tags, Markdown emphasis and link targets,
/// entities and line breaks, as a reader sees them.
fn unmarked(s: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>|\]\([^)]*\)|[*_\[]|^> |\n> ").unwrap();
    tags.replace_all(s, " ")
        .replace("&nbsp;", " ")
        .replace("&#8220;", "“")
        .replace("&#8221;", "”")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a report says, without where: claims (fact, value, words) and
/// findings (code, message, labels' words and values), paths renamed to
/// the twin's.
fn gist(r: &Value, rename: (&str, &str)) -> (Vec<String>, Vec<String>) {
    let claims = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {} = {}",
                c["path"].as_str().unwrap().replace(rename.0, rename.1),
                c["fact"],
                unmarked(c["text"].as_str().unwrap()),
                c["value"]
            )
        })
        .collect();
    let findings = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let labels: Vec<String> = f["labels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    format!(
                        "{}:{}={}",
                        l["path"].as_str().unwrap().replace(rename.0, rename.1),
                        unmarked(l["text"].as_str().unwrap()),
                        l["value"]
                    )
                })
                .collect();
            format!(
                "{} {} {} [{}]",
                f["code"],
                f["fact"],
                f["message"].as_str().unwrap().replace(rename.0, rename.1),
                labels.join("; ")
            )
        })
        .collect();
    (claims, findings)
}

/// Every span in the report is the bytes it says it is, at the line and
/// column it says, in the file on disk.
fn spans_point_at_the_file(dir: &std::path::Path, r: &Value) {
    let mut spans: Vec<&Value> = r["claims"].as_array().unwrap().iter().collect();
    for f in r["findings"].as_array().unwrap() {
        spans.extend(f["labels"].as_array().unwrap());
    }
    assert!(!spans.is_empty());
    for s in spans {
        let file = std::fs::read_to_string(dir.join(s["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[start..end], s["text"].as_str().unwrap());
        let line = file[..start].matches('\n').count() + 1;
        assert_eq!(s["line"].as_u64().unwrap() as usize, line, "{s}");
        // No span starts or ends inside markup.
        let text = s["text"].as_str().unwrap();
        for bad in ["<", ">", "**", "&nbsp;"] {
            assert!(
                !text.starts_with(bad) && !text.ends_with(bad),
                "{text:?} starts or ends with markup"
            );
        }
    }
}

fn source_paths(r: &Value) -> Vec<&str> {
    r["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect()
}

fn twin_folder(name: &str, text: &str, sources: &str) -> tempfile::TempDir {
    folder(&[
        ("story/wire.txt", WIRE_TXT.as_bytes()),
        (&format!("story/{name}"), text.as_bytes()),
        ("story/sources.toml", sources.as_bytes()),
    ])
}

#[test]
fn an_html_page_reads_as_its_plain_text_twin() {
    let txt = twin_folder("daily.txt", DAILY_TXT, SOURCES_TXT);
    let html = twin_folder("daily.html", DAILY_HTML, WIRE_ONLY);
    let a = report(txt.path(), &["story"]);
    let b = report(html.path(), &["story"]);
    let (ca, fa) = gist(&a, ("", ""));
    let (cb, fb) = gist(&b, ("daily.html", "daily.txt"));
    assert!(ca.len() >= 5, "the twin has claims: {ca:#?}");
    assert!(!fa.is_empty(), "the twin has findings");
    assert_eq!(ca, cb);
    assert_eq!(fa, fb);
    spans_point_at_the_file(html.path(), &b);
    // The claim in `$100&nbsp;million` points at exactly those bytes.
    let money = b["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "story/daily.html" && c["fact"] == "ad-spend-2017")
        .unwrap();
    assert_eq!(money["text"], "$100&nbsp;million");
    let at = DAILY_HTML.find("$100&nbsp;").unwrap();
    assert_eq!(money["start"], at);
    assert_eq!(money["line"], DAILY_HTML[..at].matches('\n').count() + 1);
    // The page's metadata: outlet and publication date from JSON-LD
    // (which resolves "last year").
    let src = b["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == "story/daily.html")
        .unwrap();
    assert_eq!(src["outlet"], "The Daily Example");
    assert_eq!(src["published"], "2024-04-02T09:30:00+01:00");
    // Nothing from the page's furniture, scripts or styles.
    let all = serde_json::to_string(&b).unwrap();
    for furniture in [
        "$9 billion",
        "$4.5 Billion",
        "$5 million",
        "$2 million",
        "$1 million",
        "$3 million",
    ] {
        assert!(!all.contains(furniture), "{furniture} reported");
    }
}

#[test]
fn a_markdown_article_reads_as_its_plain_text_twin() {
    let txt = twin_folder("daily.txt", DAILY_TXT, SOURCES_TXT);
    let md = twin_folder("daily.md", DAILY_MD, WIRE_ONLY);
    let a = report(txt.path(), &["story"]);
    let b = report(md.path(), &["story"]);
    let (ca, fa) = gist(&a, ("", ""));
    let (cb, fb) = gist(&b, ("daily.md", "daily.txt"));
    assert_eq!(ca, cb);
    assert_eq!(fa, fb);
    spans_point_at_the_file(md.path(), &b);
    let claims = b["claims"].as_array().unwrap();
    let money = claims
        .iter()
        .find(|c| c["path"] == "story/daily.md" && c["fact"] == "ad-spend-2017")
        .unwrap();
    assert_eq!(money["text"], "$100 million", "inside the ** **");
    let frequency = claims
        .iter()
        .find(|c| c["path"] == "story/daily.md" && c["fact"] == "report-frequency")
        .unwrap();
    assert_eq!(frequency["text"], "every month", "inside the _ _");
    // The block quote is a quotation: its drift from the wire's wording
    // is found as between quotation marks.
    assert!(
        fb.iter()
            .any(|f| f.contains("FL301") && f.contains("two weeks")),
        "{fb:#?}"
    );
    // Front matter is metadata: its "$900 million" is no claim, its date
    // resolves "last year".
    let all = serde_json::to_string(&b).unwrap();
    assert!(!all.contains("$900 million"));
    assert!(!all.contains("$7 billion"), "code blocks are skipped");
    let filed = claims
        .iter()
        .find(|c| c["path"] == "story/daily.md" && c["fact"] == "lawsuit-filed")
        .unwrap();
    assert_eq!(filed["value"], "2023");
}

#[test]
fn furniture_makes_no_finding_and_can_be_shown() {
    let txt = twin_folder("daily.txt", DAILY_TXT, SOURCES_TXT);
    let r = report(txt.path(), &["story"]);
    assert!(!serde_json::to_string(&r).unwrap().contains("4.5 Billion"));
    // Without the default list, the teaser's figure is a finding.
    std::fs::write(
        txt.path().join("factlint.toml"),
        "[inputs]\ndefault_furniture = false\n",
    )
    .unwrap();
    let r = report(txt.path(), &["story"]);
    assert!(serde_json::to_string(&r).unwrap().contains("4.5 Billion"));
    std::fs::remove_file(txt.path().join("factlint.toml")).unwrap();

    let out = run_in(txt.path(), &["--show-furniture", "story"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.contains("story/daily.txt:5: Related Stories\n"),
        "{shown}"
    );
    assert!(
        shown.contains("story/daily.txt:7: Ontario School Boards Suing Meta for $4.5 Billion\n    left out: listed under \"Related Stories\""),
        "{shown}"
    );
    assert!(shown.ends_with("2 lines of page furniture left out of 2 articles\n"));
}

#[test]
fn a_bad_furniture_pattern_points_at_its_toml() {
    let dir = folder(&[
        ("a.txt", b"Text.\n"),
        (
            "factlint.toml",
            b"[inputs]\nfurniture = [\"ok\", \"(unclosed\"]\n",
        ),
    ]);
    let out = run_in(
        dir.path(),
        &["--rules", root().join("rules").to_str().unwrap(), "a.txt"],
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("invalid furniture pattern"), "{err}");
    assert!(err.contains("factlint.toml:2:"), "{err}");
}

/// The default furniture list on the development corpus's real pages:
/// exactly these lines, and no line of prose.
#[test]
fn default_furniture_on_the_development_corpus() {
    let dev = root().join("../shared/dev-corpus/meta-netflix");
    if !dev.is_dir() {
        panic!("the development corpus is expected beside the repository at {dev:?}");
    }
    let out = run_in(&dev, &["--show-furniture", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let left: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.starts_with("    ") && l.contains(".txt:"))
        .map(String::from)
        .collect();
    assert_eq!(
        left,
        vec![
            "02-valuetainment.txt:5: Learn the benefits of becoming a Valuetainment Member and subscribe today!",
            "04-zerohedge.txt:3: Tyler Durden's Photo",
            "04-zerohedge.txt:4: by Tyler Durden",
            "04-zerohedge.txt:5: Tuesday, Apr 02, 2024 - 05:00 PM",
            "06-channelnews.txt:1: Home > Latest News > Did Facebook Grant Netflix Access To DMs?",
            "10-trtafrika.txt:1: Facebook has denied allegations that it shared its users' private messages with Netflix. / Photo: AP",
            "10-trtafrika.txt:16: Click here to follow our WhatsApp channel for more stories.",
            "14-dazeinfo.txt:5: Must Read",
            "18-indiewire-yahoo.txt:1: In This Article:",
            "18-indiewire-yahoo.txt:4: More from IndieWire",
            "20-insiderpaper.txt:1: News Tech and Science",
            "20-insiderpaper.txt:6: Source: Unsplash",
        ]
    );
}

#[test]
fn only_the_files_a_user_means() {
    let dir = folder(&[
        ("story/a.txt", WIRE_TXT.as_bytes()),
        ("story/b.html", DAILY_HTML.as_bytes()),
        ("story/c.markdown", DAILY_MD.as_bytes()),
        ("story/drafts/d.txt", WIRE_TXT.as_bytes()),
        ("story/old/e.txt", WIRE_TXT.as_bytes()),
        ("story/f.draft.md", DAILY_MD.as_bytes()),
        ("story/.gitignore", b"drafts/\n"),
        ("story/README.md", b"# About this folder: $5 trillion\n"),
        ("story/CHANGELOG.md", b"- $6 trillion\n"),
        ("story/LICENSE.txt", b"MIT\n"),
        ("story/docs/notes.md", b"$7 trillion\n"),
        ("story/rules/x.txt", b"$8 trillion\n"),
        ("story/notes.json", b"{}\n"),
        ("factlint.toml", b"[inputs]\nexclude = [\"*.draft.md\"]\n"),
    ]);
    let r = report(dir.path(), &["story", "--exclude", "old"]);
    let paths = source_paths(&r);
    assert_eq!(
        paths,
        vec!["story/a.txt", "story/b.html", "story/c.markdown"]
    );
    // Named, a project file is read.
    let r = report(dir.path(), &["story/a.txt", "story/README.md"]);
    assert_eq!(r["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn standard_input_is_an_article_named_and_placed_by_stdin_filename() {
    use std::io::Write;
    let dir = twin_folder("daily.txt", "placeholder on disk\n", SOURCES_TXT);
    let rules = root().join("rules");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
            "--stdin-filename",
            "story/daily.md",
            "-",
            "story",
        ])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(DAILY_MD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths = source_paths(&r);
    assert_eq!(
        paths,
        vec!["story/daily.md", "story/daily.txt", "story/wire.txt"]
    );
    let money = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "story/daily.md" && c["fact"] == "ad-spend-2017")
        .expect("read as Markdown");
    assert_eq!(money["text"], "$100 million");
}

#[test]
fn a_page_in_another_encoding_is_refused_naming_it() {
    let dir = folder(&[(
        "old.html",
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 paid $5 million.</p></body></html>",
    )]);
    let out = run_in(
        dir.path(),
        &[
            "--rules",
            root().join("rules").to_str().unwrap(),
            "old.html",
        ],
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("`old.html` is encoded as windows-1252"),
        "{err}"
    );
    assert!(err.contains("iconv -f windows-1252 -t UTF-8"), "{err}");
}

#[test]
fn unicode_variants_of_one_quotation_are_not_drift() {
    let quote = "“We never shared the private messages of anyone at the café with Netflix at all,” Meta said.";
    let nfd = quote.replace('é', "e\u{301}");
    let dir = folder(&[
        ("a.txt", quote.as_bytes()),
        ("b.txt", nfd.as_bytes()),
        ("c.txt", quote.replace(' ', "\u{a0}").as_bytes()),
    ]);
    let r = report(dir.path(), &["."]);
    let drift: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "quote-drift")
        .collect();
    assert!(drift.is_empty(), "{drift:#?}");
}

#[test]
fn guillemets_and_low_quotes_mark_quotations() {
    let dir = folder(&[
        ("a.txt", "Le texte dit : « Netflix recevait un rapport écrit toutes les deux semaines sur les envois » selon la plainte.\n".as_bytes()),
        ("b.txt", "Die Klage sagt: „Netflix recevait un rapport écrit toutes les deux semaines sur les envois“ laut Klage.\n".as_bytes()),
        ("c.txt", "Il dit ‹ Netflix recevait un rapport écrit tous les mois sur les envois › hier.\n".as_bytes()),
    ]);
    let r = report(dir.path(), &["."]);
    let drift: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "quote-drift")
        .collect();
    assert_eq!(drift.len(), 1, "{r:#}");
    let texts: Vec<&str> = drift[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"tous") && texts.contains(&"mois"),
        "the ‹ › quotation differs: {texts:?}"
    );
    assert!(
        texts.contains(&"deux semaines"),
        "« » and „ “ agree: {texts:?}"
    );
}
