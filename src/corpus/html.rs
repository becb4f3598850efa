//! HTML articles as news sites serve them: the article body found among
//! the page's header, navigation, related-story boxes and footer; entities
//! decoded; the page's own metadata (JSON-LD, meta tags) read for outlet,
//! author, publication date and address.
//!
//! An HTML5 tokenizer that reports byte spans (html5gum) keeps every
//! piece of text tied to its bytes, so a claim read from
//! `$150&nbsp;million` is reported at those bytes. (html5ever and scraper
//! build a tree but forget where its text came from.)
//!
//! The body is the `<article>` holding the most text, else `<main>`, else
//! `<body>`. Inside it, navigation, asides, footers, figure captions,
//! scripts, styles, forms and elements marked as related stories, sharing
//! or advertising are left out. Block elements end paragraphs; a
//! `<blockquote>` is a quotation.

use super::offsets::Builder;
use super::{PageMeta, Quotations, Reading};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "figcaption",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "textarea",
    "head",
    "title",
    "object",
    "canvas",
    "dialog",
    "menu",
    "math",
];

/// Class or id words marking page furniture (`class="related-stories"`).
const FURNITURE_WORDS: &[&str] = &[
    "related",
    "newsletter",
    "share",
    "sharing",
    "social",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "subscribe",
    "subscription",
    "paywall",
    "recirc",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "sidebar",
    "byline",
];

/// ARIA roles of furniture.
const FURNITURE_ROLES: &[&str] = &["navigation", "complementary", "contentinfo", "banner"];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that end a paragraph of the analysed text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
];

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?")
        .expect("valid")
});

type Tok = Token<usize>;

/// Tokenizer bytes as text (they come from UTF-8 input).
fn lossy(s: &html5gum::HtmlString) -> String {
    String::from_utf8_lossy(s.as_slice()).into_owned()
}

/// Reads an HTML article.
pub fn read(text: &str) -> Reading {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let tokens: Vec<Tok> = Tokenizer::new_with_emitter(text, emitter)
        .flatten()
        .collect();
    let page = metadata(text, &tokens);
    let body = body(&tokens);
    let mut out = Builder::new();
    let mut quotations = Quotations::default();
    let mut skipping: Vec<String> = Vec::new();
    for token in &tokens[body] {
        match token {
            Token::StartTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                let void = tag.self_closing || VOID.contains(&name.as_str());
                if let Some(top) = skipping.last() {
                    if *top == name && !void {
                        skipping.push(name);
                    }
                    continue;
                }
                if !void && is_furniture(&name, tag) {
                    skipping.push(name);
                    continue;
                }
                let at = tag.span.start;
                match name.as_str() {
                    "br" => out.end_line(at),
                    "td" | "th" => out.replace("\t", at..at),
                    "blockquote" => quotations.open(&mut out, at),
                    n if BLOCKS.contains(&n) => out.end_block(at),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                if let Some(top) = skipping.last() {
                    if *top == name {
                        skipping.pop();
                    }
                    continue;
                }
                let at = tag.span.end;
                if name == "blockquote" {
                    quotations.close(&mut out, at);
                } else if BLOCKS.contains(&name.as_str()) {
                    out.end_block(at);
                }
            }
            Token::String(s) if skipping.is_empty() => {
                text_piece(&mut out, text, s.span.start..s.span.end);
            }
            _ => {}
        }
    }
    Reading::built(out, page, quotations)
}

/// Whether an element is page furniture, by name, role or class/id words.
fn is_furniture(name: &str, tag: &html5gum::StartTag<usize>) -> bool {
    if SKIPPED.contains(&name) {
        return true;
    }
    let attr = |key: &str| {
        tag.attributes
            .get(key.as_bytes())
            .map(|v| lossy(&v.value).to_ascii_lowercase())
    };
    if attr("hidden").is_some() || attr("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    if attr("role").is_some_and(|r| FURNITURE_ROLES.contains(&r.trim())) {
        return true;
    }
    ["class", "id"].iter().filter_map(|k| attr(k)).any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FURNITURE_WORDS.contains(&w))
    })
}

/// Appends the text of original bytes `range`, character references
/// decoded (each one standing for its bytes) and the indentation of markup
/// dropped at line starts.
fn text_piece(out: &mut Builder, original: &str, range: Range<usize>) {
    let Some(raw) = original.get(range.clone()) else {
        return;
    };
    let mut at = range.start;
    if out.at_line_start() {
        at += raw.len() - raw.trim_start().len();
    }
    let end = range.end;
    let mut from = at;
    for m in ENTITY.find_iter(&original[at..end]) {
        let (s, e) = (at + m.start(), at + m.end());
        out.copy(original, from..s);
        out.replace(&decode_reference(m.as_str()), s..e);
        from = e;
    }
    out.copy(original, from..end);
}

/// What a character reference (`&amp;`, `&#8217;`) stands for, as the
/// tokenizer reads it.
fn decode_reference(reference: &str) -> String {
    let decoded: String = Tokenizer::new(reference)
        .flatten()
        .filter_map(|t| match t {
            Token::String(s) => Some(lossy(&s.value)),
            _ => None,
        })
        .collect();
    if decoded.is_empty() {
        reference.to_string()
    } else {
        decoded
    }
}

/// The tokens of the article body (see the module doc).
fn body(tokens: &[Tok]) -> Range<usize> {
    for container in ["article", "main", "body"] {
        let mut best: Option<(usize, Range<usize>)> = None;
        let mut open: Vec<usize> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            match t {
                Token::StartTag(tag) if tag.name.as_slice() == container.as_bytes() => open.push(i),
                Token::EndTag(tag) if tag.name.as_slice() == container.as_bytes() => {
                    if let Some(start) = open.pop() {
                        let size = text_size(&tokens[start..i]);
                        if best.as_ref().is_none_or(|(s, _)| size > *s) {
                            best = Some((size, start..i + 1));
                        }
                    }
                }
                _ => {}
            }
        }
        // An element never closed runs to the end of the page.
        if let Some(start) = open.first() {
            let size = text_size(&tokens[*start..]);
            if best.as_ref().is_none_or(|(s, _)| size > *s) {
                best = Some((size, *start..tokens.len()));
            }
        }
        if let Some((size, range)) = best {
            if size > 0 {
                return range;
            }
        }
    }
    0..tokens.len()
}

fn text_size(tokens: &[Tok]) -> usize {
    tokens
        .iter()
        .map(|t| match t {
            Token::String(s) => s.value.trim_ascii().len(),
            _ => 0,
        })
        .sum()
}

/// The page's metadata: JSON-LD first (the most precise), then meta tags,
/// then `<title>`.
fn metadata(text: &str, tokens: &[Tok]) -> PageMeta {
    let mut ld = PageMeta::default();
    let mut tags = PageMeta::default();
    let mut title: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut in_ld = false;
    let mut in_title = false;
    for t in tokens {
        match t {
            Token::StartTag(tag) => {
                let get = |k: &str| tag.attributes.get(k.as_bytes()).map(|v| lossy(&v.value));
                match tag.name.as_slice() {
                    b"script" => {
                        in_ld = get("type").is_some_and(|t| t.trim() == "application/ld+json")
                    }
                    b"title" => in_title = true,
                    b"link" if get("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        canonical = canonical.or(get("href"));
                    }
                    b"meta" => {
                        let key = get("property")
                            .or_else(|| get("name"))
                            .or_else(|| get("itemprop"))
                            .map(|k| k.to_ascii_lowercase());
                        if let (Some(key), Some(content)) = (key, get("content")) {
                            meta_tag(&mut tags, &key, content.trim());
                        }
                    }
                    _ => {}
                }
            }
            Token::EndTag(_) => {
                in_ld = false;
                in_title = false;
            }
            Token::String(s) if in_ld => {
                let raw = text.get(s.span.start..s.span.end).unwrap_or("");
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw) {
                    json_ld(&mut ld, &v);
                }
            }
            Token::String(s) if in_title => {
                title = Some(lossy(&s.value).trim().to_string());
            }
            _ => {}
        }
    }
    let pick = |a: Option<String>, b: Option<String>| a.filter(|s| !s.is_empty()).or(b);
    PageMeta {
        headline: pick(pick(ld.headline, tags.headline), title),
        outlet: pick(ld.outlet, tags.outlet),
        author: pick(ld.author, tags.author),
        published: pick(ld.published, tags.published),
        url: pick(pick(ld.url, canonical), tags.url),
    }
}

fn meta_tag(page: &mut PageMeta, key: &str, content: &str) {
    if content.is_empty() {
        return;
    }
    let slot = match key {
        "og:site_name" | "publisher" | "application-name" => &mut page.outlet,
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
        | "parsely-pub-date"
        | "sailthru.date" => &mut page.published,
        "og:url" => &mut page.url,
        "author" | "parsely-author" | "byl" | "sailthru.author" => &mut page.author,
        "article:author" if !content.starts_with("http") => &mut page.author,
        "og:title" | "twitter:title" | "headline" => &mut page.headline,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content.to_string());
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// Reads the first article object of a JSON-LD document (in `@graph`s and
/// arrays too).
fn json_ld(page: &mut PageMeta, v: &serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Array(items) => items.iter().for_each(|i| json_ld(page, i)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                json_ld(page, graph);
            }
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if !is_article {
                return;
            }
            let name = |v: Option<&Value>| -> Option<String> {
                match v? {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o
                        .get("name")
                        .or_else(|| o.get("@id"))
                        .and_then(Value::as_str)
                        .map(String::from),
                    Value::Array(a) => a.iter().find_map(|x| match x {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => o.get("name").and_then(Value::as_str).map(String::from),
                        _ => None,
                    }),
                    _ => None,
                }
            };
            let fields = [
                (&mut page.headline, name(o.get("headline"))),
                (&mut page.published, name(o.get("datePublished"))),
                (&mut page.author, name(o.get("author"))),
                (&mut page.outlet, name(o.get("publisher"))),
                (
                    &mut page.url,
                    name(o.get("url")).or_else(|| name(o.get("mainEntityOfPage"))),
                ),
            ];
            for (slot, value) in fields {
                if slot.is_none() {
                    *slot = value;
                }
            }
        }
        _ => {}
    }
}

/// The encoding a page declares (`<meta charset=…>`, or `charset=` in a
/// `Content-Type` meta tag) in its first 1024 bytes, when not UTF-8: what a
/// non-UTF-8 page is refused with.
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    (encoding != encoding_rs::UTF_8).then(|| encoding.name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_body_without_furniture_with_entities_decoded() {
        let page = "<html><head><title>T</title><script>var x = '$9 million';</script></head><body>\n<nav><a href=/>Home</a></nav>\n<article>\n  <h1>Deal</h1>\n  <p>Netflix paid $150&nbsp;million\n  to <em>Facebook</em>.</p>\n  <aside class=related><p>$4.5 billion teaser</p></aside>\n  <figure><img src=x><figcaption>$3 credit</figcaption></figure>\n  <blockquote>A written report every two weeks.</blockquote>\n</article>\n<footer>© 2024</footer></body></html>";
        let r = read(page);
        let p = r.plain.unwrap();
        assert_eq!(
            p,
            "Deal\n\nNetflix paid $150\u{a0}million\n  to Facebook.\n\nA written report every two weeks."
        );
        let at = p.find("$150").unwrap();
        let span = r.map.to_original(at..at + "$150\u{a0}million".len());
        assert_eq!(&page[span], "$150&nbsp;million");
        assert_eq!(r.quotations.len(), 1);
        assert_eq!(
            &p[r.quotations[0].clone()],
            "A written report every two weeks."
        );
    }

    #[test]
    fn json_ld_and_meta_tags_give_the_page_metadata() {
        let page = r#"<html><head>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="OG title">
<link rel="canonical" href="https://daily.example/story">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Deal","datePublished":"2024-04-02T17:00:00Z","author":[{"@type":"Person","name":"Ann Writer"}],"publisher":{"@type":"Organization","name":"The Daily Example"}}]}</script>
</head><body><p>Text.</p></body></html>"#;
        let m = read(page).page;
        assert_eq!(m.headline.as_deref(), Some("Deal"));
        assert_eq!(m.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(m.author.as_deref(), Some("Ann Writer"));
        assert_eq!(m.published.as_deref(), Some("2024-04-02T17:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://daily.example/story"));
    }

    #[test]
    fn declared_encodings_are_named() {
        assert_eq!(
            declared_encoding(b"<meta charset=windows-1252><p>caf\xe9").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_encoding(
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"
            )
            .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_encoding(b"<meta charset=utf-8>"), None);
        assert_eq!(declared_encoding(b"<p>no charset</p>"), None);
    }
}
