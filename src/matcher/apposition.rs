//! Titles in apposition: the way news copy says who someone is. "Netflix
//! co-founder Reed Hastings", "Netflix’s then-CEO Hastings", "X owner, Elon
//! Musk", "Reed Hastings, Netflix’s CEO,", "Elon Musk, the CEO of Tesla".
//!
//! A title phrase is a run of title words (a head such as "CEO" or
//! "founder", with modifiers such as "former", "then-", "executive")
//! directly before a name (a comma may stand between) or after it behind a
//! comma; an organisation (capitalised words, possibly possessive) may lead
//! it or follow it as "of/at X". "co-founder and executive chairman" is two
//! titles. Nothing else is read, so a sentence that merely mentions a title
//! somewhere is never taken for one.

use crate::rules::terms::Term;
use crate::text::Token;
use std::ops::Range;

/// Words that make a title on their own.
const HEADS: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cmo",
    "founder",
    "cofounder",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "president",
    "owner",
    "boss",
    "chief",
    "executive",
    "director",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokesmen",
    "head",
    "manager",
    "editor",
    "officer",
    "secretary",
    "minister",
    "senator",
    "governor",
    "mayor",
    "judge",
    "member",
    "partner",
    "investor",
    "billionaire",
    "entrepreneur",
    "leader",
    "analyst",
    "lawyer",
    "attorney",
    "representative",
    "commissioner",
    "adviser",
    "advisor",
    "strategist",
    "engineer",
    "researcher",
    "professor",
    "mogul",
    "magnate",
    "tycoon",
    "businessman",
    "businesswoman",
    "creator",
    "inventor",
    "chancellor",
    "premier",
    "deputy",
    "counsel",
    "principal",
    "producer",
    "host",
    "anchor",
    "correspondent",
    "reporter",
    "columnist",
    "author",
    "ambassador",
    "general",
    "commander",
    "captain",
    "sheriff",
    "prosecutor",
    "justice",
    "superintendent",
    "treasurer",
    "trustee",
];

/// Words that only qualify a head.
const MODIFIERS: &[&str] = &[
    "former",
    "then",
    "ex",
    "current",
    "acting",
    "interim",
    "vice",
    "senior",
    "co",
    "executive",
    "chief",
    "communications",
    "communication",
    "managing",
    "general",
    "board",
    "founding",
    "longtime",
    "long",
    "time",
    "outgoing",
    "incoming",
    "global",
    "public",
    "policy",
    "affairs",
    "operating",
    "financial",
    "technology",
    "marketing",
    "product",
    "content",
    "legal",
    "press",
    "news",
    "company",
    "corporate",
    "lead",
    "principal",
    "non",
    "independent",
    "sole",
    "majority",
    "largest",
    "biggest",
    "richest",
    "tech",
    "streaming",
    "media",
    "social",
    "his",
    "her",
    "its",
    "their",
];

/// Words that join two titles.
const JOINERS: &[&str] = &["and", "&"];

/// One title found next to a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Token range of the title's words (the organisation included when
    /// it is part of the value).
    pub tokens: Range<usize>,
    /// Token range of the organisation, if one was named.
    pub organisation: Option<Range<usize>>,
}

fn is_head(t: &Token, extra: &[Term]) -> bool {
    t.word
        && (HEADS.contains(&t.folded.as_str())
            || extra.iter().any(|e| e.words.last() == Some(&t.folded)))
}

fn is_title_word(t: &Token, extra: &[Term]) -> bool {
    t.word
        && (HEADS.contains(&t.folded.as_str())
            || MODIFIERS.contains(&t.folded.as_str())
            || extra.iter().any(|e| e.words.contains(&t.folded)))
}

fn is_capitalised(t: &Token, text: &str) -> bool {
    t.word
        && text[t.span.clone()]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Titles before the name starting at token `name`, and after the name
/// ending before token `name_end`, in `tokens` of `text`.
pub fn titles(text: &str, tokens: &[Token], name: Range<usize>, extra: &[Term]) -> Vec<Found> {
    let mut out = Vec::new();
    out.extend(before(text, tokens, name.start, extra));
    out.extend(after(text, tokens, name.end, extra));
    out
}

/// "Netflix co-founder and executive chairman Reed Hastings".
fn before(text: &str, tokens: &[Token], name: usize, extra: &[Term]) -> Vec<Found> {
    let mut end = name;
    // "X owner, Elon Musk": a comma may stand between.
    if end > 0 && tokens[end - 1].folded == "," {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let t = &tokens[start - 1];
        let ok = is_title_word(t, extra)
            || (t.folded == "-" && start >= 2 && tokens[start - 2].word)
            || (JOINERS.contains(&t.folded.as_str())
                && start >= 2
                && is_title_word(&tokens[start - 2], extra));
        if !ok {
            break;
        }
        start -= 1;
    }
    // Not a title unless it ends in a head.
    if start == end || !is_head(&tokens[end - 1], extra) {
        return Vec::new();
    }
    // Leading modifiers such as "his" or a dangling hyphen are not the title.
    while start < end
        && (tokens[start].folded == "-"
            || matches!(
                tokens[start].folded.as_str(),
                "his" | "her" | "its" | "their"
            ))
    {
        start += 1;
    }
    let organisation = organisation_before(text, tokens, start);
    split(tokens, start..end, extra)
        .into_iter()
        .map(|r| Found {
            tokens: r,
            organisation: organisation.clone(),
        })
        .collect()
}

/// "Netflix’s" or "Tesla" just before token `at`: up to three capitalised
/// words, possibly possessive.
fn organisation_before(text: &str, tokens: &[Token], at: usize) -> Option<Range<usize>> {
    let mut end = at;
    if end > 0 && tokens[end - 1].folded == "'s" {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 3 && is_capitalised(&tokens[start - 1], text) {
        start -= 1;
    }
    // "The" opening a sentence is not an organisation.
    while start < end && matches!(tokens[start].folded.as_str(), "the" | "a" | "an") {
        start += 1;
    }
    (start < end).then_some(start..at)
}

/// "Reed Hastings, Netflix’s CEO," and "Elon Musk, the CEO of Tesla".
fn after(text: &str, tokens: &[Token], name_end: usize, extra: &[Term]) -> Vec<Found> {
    let mut at = name_end;
    if tokens.get(at).map(|t| t.folded.as_str()) != Some(",") {
        return Vec::new();
    }
    at += 1;
    while tokens
        .get(at)
        .is_some_and(|t| matches!(t.folded.as_str(), "the" | "a" | "an"))
    {
        at += 1;
    }
    // A leading organisation: "Netflix’s CEO", "Meta's Communications Director".
    let mut organisation = None;
    let org_start = at;
    let mut k = at;
    while k < tokens.len()
        && k - org_start < 3
        && is_capitalised(&tokens[k], text)
        && !is_title_word(&tokens[k], extra)
    {
        k += 1;
    }
    if k > org_start && tokens.get(k).is_some_and(|t| t.folded == "'s") {
        organisation = Some(org_start..k + 1);
        at = k + 1;
    } else if k > org_start && tokens.get(k).is_some_and(|t| is_title_word(t, extra)) {
        // "Tesla CEO": an organisation used as a modifier.
        organisation = Some(org_start..k);
        at = k;
    }
    let start = at;
    let mut end = at;
    while end < tokens.len() {
        let t = &tokens[end];
        let ok = is_title_word(t, extra)
            || (t.folded == "-" && end > start && tokens.get(end + 1).is_some_and(|n| n.word))
            || (JOINERS.contains(&t.folded.as_str())
                && end > start
                && tokens.get(end + 1).is_some_and(|n| is_title_word(n, extra)));
        if !ok {
            break;
        }
        end += 1;
    }
    if end == start || !is_head(&tokens[end - 1], extra) {
        return Vec::new();
    }
    // "the CEO of Tesla"
    if organisation.is_none()
        && tokens
            .get(end)
            .is_some_and(|t| matches!(t.folded.as_str(), "of" | "at"))
    {
        let o = end + 1;
        let mut e = o;
        while e < tokens.len() && e - o < 3 && is_capitalised(&tokens[e], text) {
            e += 1;
        }
        if e > o {
            organisation = Some(end..e);
        }
    }
    split(tokens, start..end, extra)
        .into_iter()
        .map(|r| Found {
            tokens: r,
            organisation: organisation.clone(),
        })
        .collect()
}

/// "co-founder and executive chairman": one title per joined part that has
/// a head.
fn split(tokens: &[Token], range: Range<usize>, extra: &[Term]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = range.start;
    for i in range.clone() {
        if JOINERS.contains(&tokens[i].folded.as_str()) {
            if from < i {
                out.push(from..i);
            }
            from = i + 1;
        }
    }
    if from < range.end {
        out.push(from..range.end);
    }
    out.retain(|r| {
        r.clone().any(|i| is_head(&tokens[i], extra)) && is_head(&tokens[r.end - 1], extra)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    /// The titles next to `name` in `text`, as (title, organisation).
    fn read(text: &str, name: &str) -> Vec<(String, Option<String>)> {
        let toks = tokens(text, 0..text.len());
        let at = text.find(name).unwrap();
        let first = toks.iter().position(|t| t.span.start == at).unwrap();
        let last = toks
            .iter()
            .rposition(|t| t.span.end <= at + name.len())
            .unwrap();
        let words =
            |r: &Range<usize>| text[toks[r.start].span.start..toks[r.end - 1].span.end].to_string();
        titles(text, &toks, first..last + 1, &[])
            .into_iter()
            .map(|f| (words(&f.tokens), f.organisation.as_ref().map(words)))
            .collect()
    }

    fn t(title: &str, org: Option<&str>) -> (String, Option<String>) {
        (title.to_string(), org.map(str::to_string))
    }

    #[test]
    fn titles_before_the_name() {
        assert_eq!(
            read("Netflix co-founder Reed Hastings joined.", "Reed Hastings"),
            vec![t("co-founder", Some("Netflix"))]
        );
        assert_eq!(
            read("Netflix’s then-CEO Hastings sat.", "Hastings"),
            vec![t("then-CEO", Some("Netflix’s"))]
        );
        assert_eq!(
            read(
                "Netflix co-founder and executive chairman Reed Hastings",
                "Reed Hastings"
            ),
            vec![
                t("co-founder", Some("Netflix")),
                t("executive chairman", Some("Netflix"))
            ]
        );
        assert_eq!(
            read("by X owner, Elon Musk", "Elon Musk"),
            vec![t("owner", Some("X"))]
        );
        assert_eq!(
            read(
                "Meta's Communications Director Andy Stone said",
                "Andy Stone"
            ),
            vec![t("Communications Director", Some("Meta's"))]
        );
    }

    #[test]
    fn titles_after_the_name() {
        assert_eq!(
            read("Reed Hastings, Netflix’s CEO, sat", "Reed Hastings"),
            vec![t("CEO", Some("Netflix’s"))]
        );
        assert_eq!(
            read("Elon Musk, the CEO of Tesla, said", "Elon Musk"),
            vec![t("CEO", Some("of Tesla"))]
        );
        assert_eq!(
            read("Andy Stone, a spokesperson, said", "Andy Stone"),
            vec![t("spokesperson", None)]
        );
    }

    #[test]
    fn no_title_no_reading() {
        assert!(read("Reed Hastings declined to comment.", "Reed Hastings").is_empty());
        assert!(read("When Reed Hastings, who ran it, left", "Reed Hastings").is_empty());
        assert!(read("The Netflix Reed Hastings built", "Reed Hastings").is_empty());
    }
}
