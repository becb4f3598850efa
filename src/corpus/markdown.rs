//! Markdown articles, read with a CommonMark parser that keeps byte
//! offsets (pulldown-cmark), so `paid **$150 million**` and
//! `paid [$150M](https://…)` are read as the words they show, and every
//! span still points at the Markdown as written.
//!
//! Front matter (YAML between `---`, TOML between `+++`) is the page's
//! metadata, not article text. Code blocks, raw HTML (factlint-disable
//! comments among it) and image descriptions are left out. A `>` block quote
//! is a quotation: the quotation check compares it like words between
//! quotation marks.

use super::offsets::Builder;
use super::{PageMeta, Quotations, Reading};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Reads a Markdown article.
pub fn read(text: &str) -> Reading {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut out = Builder::new();
    let mut page = PageMeta::default();
    let mut quotations = Quotations::default();
    // Inside a code block, an image or front matter: text not read.
    let mut skip = 0usize;
    let mut front: Option<(bool, String)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                front = Some((
                    kind == pulldown_cmark::MetadataBlockKind::PlusesStyle,
                    String::new(),
                ));
                skip += 1;
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1);
                if let Some((toml, body)) = front.take() {
                    page = front_matter(&body, toml);
                }
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => skip = skip.saturating_sub(1),
            Event::Text(t) if front.is_some() => {
                if let Some((_, body)) = &mut front {
                    body.push_str(&t);
                }
            }
            _ if skip > 0 => {}
            Event::Start(Tag::BlockQuote(_)) => quotations.open(&mut out, range.start),
            Event::End(TagEnd::BlockQuote(_)) => quotations.close(&mut out, range.end),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::FootnoteDefinition(_),
            ) => out.end_block(range.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule => out.end_block(range.end),
            Event::End(TagEnd::TableCell) => out.replace("\t", range.end..range.end),
            Event::Text(t) | Event::Code(t) => shown(&mut out, text, range, &t),
            Event::SoftBreak => out.copy(text, range),
            Event::HardBreak => out.replace("\n", range),
            _ => {}
        }
    }
    Reading::built(out, page, quotations)
}

/// Appends text the parser read from original `range`: exactly when the
/// bytes are there as written (the usual case), else as a replacement of
/// the range (an escape, an entity).
fn shown(out: &mut Builder, original: &str, range: Range<usize>, t: &str) {
    let Some(raw) = original.get(range.clone()) else {
        return;
    };
    match raw.find(t) {
        Some(at) if !t.is_empty() => {
            out.copy(original, range.start + at..range.start + at + t.len())
        }
        _ => out.replace(t, range),
    }
}

/// The page's metadata from front matter: the usual keys of static site
/// generators and CMS exports. Anything unreadable is simply not metadata.
fn front_matter(body: &str, toml: bool) -> PageMeta {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if toml {
        if let Ok(table) = body.parse::<toml::Table>() {
            for (k, v) in table {
                let value = match v {
                    toml::Value::String(s) => s,
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::Array(a) => match a.first() {
                        Some(toml::Value::String(s)) => s.clone(),
                        _ => continue,
                    },
                    _ => continue,
                };
                pairs.push((k, value));
            }
        }
    } else {
        // Top-level `key: value` lines (and `key:` followed by a `- item`
        // list, whose first item is taken).
        let mut pending: Option<String> = None;
        for line in body.lines() {
            if let Some(key) = pending.take() {
                if let Some(item) = line.trim().strip_prefix("- ") {
                    pairs.push((key, unquote(item)));
                    continue;
                }
            }
            if line.starts_with([' ', '\t', '#']) {
                continue;
            }
            if let Some((k, v)) = line.split_once(':') {
                let (k, v) = (k.trim().to_string(), v.trim());
                if v.is_empty() {
                    pending = Some(k);
                } else {
                    pairs.push((k, unquote(v)));
                }
            }
        }
    }
    let mut page = PageMeta::default();
    for (k, v) in pairs {
        if v.is_empty() {
            continue;
        }
        let slot = match k.to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut page.headline,
            "outlet" | "publisher" | "publication" | "site" | "site_name" | "source" => {
                &mut page.outlet
            }
            "author" | "authors" | "byline" | "by" => &mut page.author,
            "published" | "date" | "published_at" | "pubdate" | "publish_date"
            | "date_published" => &mut page.published,
            "url" | "link" | "canonical" | "canonical_url" | "permalink" => &mut page.url,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(v);
        }
    }
    page
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        read(text).plain.unwrap()
    }

    #[test]
    fn emphasis_and_links_do_not_break_words() {
        let text = "Netflix paid **$150 million** and met _every fortnight_, per [the filing](https://x.example/f).\n";
        let r = read(text);
        let p = r.plain.clone().unwrap();
        assert_eq!(
            p,
            "Netflix paid $150 million and met every fortnight, per the filing."
        );
        let at = p.find("$150 million").unwrap();
        let orig = r.map.to_original(at..at + 12);
        assert_eq!(&text[orig], "$150 million");
        let at = p.find("every fortnight").unwrap();
        assert_eq!(&text[r.map.to_original(at..at + 15)], "every fortnight");
    }

    #[test]
    fn soft_breaks_join_lines_and_paragraphs_stay_apart() {
        assert_eq!(plain("one\ntwo\n\nthree\n"), "one\ntwo\n\nthree");
    }

    #[test]
    fn front_matter_is_metadata_not_text() {
        let text = "---\ntitle: \"Meta paid $900 million\"\npublished: 2024-04-02\noutlet: The Example\nauthors:\n  - Ann Writer\n---\n\nBody text.\n";
        let r = read(text);
        assert_eq!(r.plain.as_deref(), Some("Body text."));
        assert_eq!(r.page.headline.as_deref(), Some("Meta paid $900 million"));
        assert_eq!(r.page.published.as_deref(), Some("2024-04-02"));
        assert_eq!(r.page.outlet.as_deref(), Some("The Example"));
        assert_eq!(r.page.author.as_deref(), Some("Ann Writer"));
        let toml = "+++\ndate = 2024-04-03\nurl = \"https://x.example\"\n+++\nBody.\n";
        let r = read(toml);
        assert_eq!(r.plain.as_deref(), Some("Body."));
        assert_eq!(r.page.published.as_deref(), Some("2024-04-03"));
        assert_eq!(r.page.url.as_deref(), Some("https://x.example"));
    }

    #[test]
    fn code_html_and_images_are_left_out() {
        let text = "Before.\n\n```\n$5 billion\n```\n\n<!-- factlint-disable all why -->\n![$9 million](x.png) After `$7`.\n";
        assert_eq!(plain(text), "Before.\n\n After $7.");
    }

    #[test]
    fn block_quotes_are_quotations() {
        let text =
            "The filing says:\n\n> Netflix would provide\n> a written report.\n\nThen more.\n";
        let r = read(text);
        let p = r.plain.unwrap();
        assert_eq!(r.quotations.len(), 1);
        assert_eq!(
            &p[r.quotations[0].clone()],
            "Netflix would provide\na written report."
        );
        let orig = r.map.to_original(r.quotations[0].clone());
        assert_eq!(&text[orig], "Netflix would provide\n> a written report.");
    }
}
