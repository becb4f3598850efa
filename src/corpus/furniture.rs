//! Page furniture: the lines a page carries around an article that are not
//! the article ("Related Stories", "Become a Subscriber", bylines, photo
//! credits, breadcrumbs). A figure in a related-story teaser is not the
//! outlet's claim, so furniture is left out of the analysed text and no
//! finding can come from it.
//!
//! A pattern matches a *whole* line (trimmed, case-insensitive), and only a
//! short one: "subscribe" inside a sentence of prose never drops it. A
//! *list heading* ("Related Stories", "More from IndieWire") also drops the
//! headline-like lines after it (short, not ending like a sentence), up to
//! the first line of prose. The defaults below were written against the
//! furniture of the development corpus; factlint.toml adds to them
//! (`[inputs] furniture`, `furniture_lists`) or turns them off
//! (`default_furniture = false`).

use regex::{Regex, RegexSet};
use std::ops::Range;

/// Lines longer than this (in characters) are prose, whatever they match.
pub const MAX_LINE: usize = 200;

/// A list heading drops at most this many lines after it.
const MAX_LIST: usize = 12;

/// The longest line (in characters) taken for a teaser headline.
const MAX_HEADLINE: usize = 160;

/// Whole lines that are furniture, with no list after them.
pub const DEFAULT_LINES: &[&str] = &[
    // Calls to subscribe, follow, sign up.
    r"become an? (?:subscriber|member|supporter|patron)(?: today| now)?[.!]?",
    r"subscribe(?: now| today| here)?[.!]?",
    r".{0,120}\bsubscribe (?:today|now)[.!]?",
    r"sign up (?:for|to) .{0,80}newsletters?.{0,60}",
    r"(?:click|tap) here (?:to|for) .{0,120}",
    r"follow us on .{0,60}",
    // Bylines and author photos ("Tyler Durden's Photo", "by Tyler Durden").
    r".{1,60}['’]s (?:photo|avatar|picture|profile picture)",
    r"(?-i:(?:[Bb]y|BY) \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})",
    // Date lines ("Tuesday, Apr 02, 2024 - 05:00 PM", " date 2024-04-02").
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? (?:[-–|]|at)? ?\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?",
    r"(?:date|published|updated|posted|last updated)(?: on| at)?:? [^.!?]{0,20}\d[^!?]{0,40}",
    // Breadcrumbs ("Home > Latest News > …").
    r"\S.{0,24} (?:>|›) .{1,150}",
    // Photo and image credits, alone or ending a caption.
    r".{0,180}\s/\s(?:photo|image|picture|video|credit|illustration)s?(?: by)?: ?.{1,60}",
    r"(?:photo|image|picture|source|credit|illustration|video)s?(?: by| credit)?: ?.{1,60}",
    r"\(?(?:AP|AFP|Reuters|Getty Images|Getty|Shutterstock|Unsplash|EPA|Bloomberg)(?: Photo)?(?:/.{1,60})?\)?",
    // Buttons and counters.
    r"(?:(?:share|tweet|email|print|save|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link|comments?|\d+ comments?)\s*[|·•]?\s*){1,8}",
    r"listen(?: to (?:this )?(?:article|story))?(?: \d+ min(?:ute)?s?)?|\d+ min(?:ute)?s? read|advertisement|skip ad|sponsored(?: content)?",
    r"(?:tags|topics|filed under|categories): .{0,150}",
    // Section labels: a line of nothing but section names ("News Tech and Science").
    r"(?:(?:latest|breaking|top|news|tech|technology|science|business|world|politics|entertainment|sports?|media|culture|opinion|health|markets?|economy|finance|lifestyle|local|national|international|us|uk|u\.s\.)(?:\s*(?:and|&|,|/|\||›|>)?\s*)){1,6}",
];

/// Headings of lists of links to other stories: the heading and the
/// teaser headlines after it are furniture.
pub const DEFAULT_LISTS: &[&str] = &[
    r"related(?: stories| articles| coverage| content| news| posts| reading| topics)?:?",
    r"(?:read|see) (?:more|next|also)(?: on .{1,40})?:?",
    r"must[- ]reads?:?",
    r"more (?:from|on|stories from|news from) .{1,40}",
    r"recommended(?: for you| stories| reading)?:?",
    r"most (?:popular|read|viewed|shared)(?: stories| now| today)?|trending(?: now| stories)?|popular (?:now|stories|today)",
    r"you (?:may|might) also (?:like|be interested in):?",
    r"in this article:?",
];

/// The compiled furniture patterns of one run.
#[derive(Clone, Debug)]
pub struct Furniture {
    lines: RegexSet,
    line_patterns: Vec<String>,
    lists: RegexSet,
    list_patterns: Vec<String>,
}

/// Something left out of the analysed text, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The original bytes (once the article is read; the analysed bytes
    /// while it is being read).
    pub span: Range<usize>,
    /// The pattern that matched, or the list heading it follows.
    pub why: String,
}

/// A pattern that does not compile: its index among the ones given, and
/// why.
#[derive(Debug)]
pub struct BadPattern {
    pub lists: bool,
    pub index: usize,
    pub reason: String,
}

impl Default for Furniture {
    fn default() -> Self {
        Furniture::new(&[], &[], true).expect("the default furniture patterns compile")
    }
}

impl Furniture {
    /// The defaults (when `defaults`) and the given line and list patterns.
    pub fn new(
        lines: &[String],
        lists: &[String],
        defaults: bool,
    ) -> Result<Furniture, BadPattern> {
        let own = |given: &[String], builtin: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = if defaults {
                builtin.iter().map(|s| s.to_string()).collect()
            } else {
                Vec::new()
            };
            all.extend(given.iter().cloned());
            all
        };
        let line_patterns = own(lines, DEFAULT_LINES);
        let list_patterns = own(lists, DEFAULT_LISTS);
        let skip = |is_list: bool| {
            if defaults && is_list {
                DEFAULT_LISTS.len()
            } else if defaults {
                DEFAULT_LINES.len()
            } else {
                0
            }
        };
        let compile = |patterns: &[String], is_list: bool| {
            for (i, p) in patterns.iter().enumerate() {
                if let Err(e) = Regex::new(&anchored(p)) {
                    return Err(BadPattern {
                        lists: is_list,
                        index: i.saturating_sub(skip(is_list)),
                        reason: e.to_string(),
                    });
                }
            }
            RegexSet::new(patterns.iter().map(|p| anchored(p))).map_err(|e| BadPattern {
                lists: is_list,
                index: 0,
                reason: e.to_string(),
            })
        };
        Ok(Furniture {
            lines: compile(&line_patterns, false)?,
            lists: compile(&list_patterns, true)?,
            line_patterns,
            list_patterns,
        })
    }

    /// No furniture at all: every line is read.
    pub fn none() -> Furniture {
        Furniture::new(&[], &[], false).expect("no patterns compile")
    }

    /// The edits that leave the furniture of `text` out (each a whole line
    /// with its line break, replaced by nothing), and what they leave out.
    pub fn edits(&self, text: &str) -> (Vec<(Range<usize>, String)>, Vec<LeftOut>) {
        let mut edits = Vec::new();
        let mut left_out = Vec::new();
        let all: Vec<Range<usize>> = lines(text).collect();
        let mut at = 0;
        while at < all.len() {
            let line = all[at].clone();
            at += 1;
            let shown = text[line.clone()].trim();
            if shown.is_empty() || shown.chars().count() > MAX_LINE {
                continue;
            }
            let mut drop = Vec::new();
            if let Some(i) = self.lists.matches(shown).iter().next() {
                drop.push((line, self.list_patterns[i].clone()));
                let teasers = teasers(text, &all[at..]);
                for t in &all[at..at + teasers] {
                    if !text[t.clone()].trim().is_empty() {
                        drop.push((t.clone(), format!("listed under {shown:?}")));
                    }
                }
                at += teasers;
            } else if let Some(i) = self.lines.matches(shown).iter().next() {
                drop.push((line, self.line_patterns[i].clone()));
            }
            for (range, why) in drop {
                left_out.push(LeftOut {
                    span: trimmed(text, &range),
                    why,
                });
                edits.push((range, String::new()));
            }
        }
        (edits, left_out)
    }

    /// How many patterns are in force: (lines, list headings).
    pub fn counts(&self) -> (usize, usize) {
        (self.line_patterns.len(), self.list_patterns.len())
    }
}

/// What `--show-furniture` prints: each article's left-out lines with
/// their line numbers and the pattern that took them, then a count.
pub fn listing(corpus: &super::Corpus, files: &crate::files::Files) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut total = 0;
    for source in &corpus.sources {
        for l in &source.furniture {
            let line = files.position(source.file, l.span.start).line;
            let text = source.text.get(l.span.clone()).unwrap_or("");
            let _ = writeln!(
                out,
                "{}:{line}: {text}\n    left out: {}",
                source.path, l.why
            );
            total += 1;
        }
    }
    let _ = writeln!(
        out,
        "{total} line{} of page furniture left out of {} article{}",
        if total == 1 { "" } else { "s" },
        corpus.sources.len(),
        if corpus.sources.len() == 1 { "" } else { "s" }
    );
    out
}

fn anchored(p: &str) -> String {
    format!(r"(?i)^(?:{p})$")
}

/// The lines of `text`, each with its line break.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = at..end;
        at = end;
        Some(line)
    })
}

/// `range` without its surrounding whitespace: what is shown as left out.
fn trimmed(text: &str, range: &Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

/// How many of `lines` (following a list heading) are its teasers: whole
/// paragraphs of headline-like lines, blank lines between them. A
/// paragraph with any line of prose in it ends the list, so hard-wrapped
/// prose is never taken for a teaser.
fn teasers(text: &str, lines: &[Range<usize>]) -> usize {
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut taken = 0;
    let mut teasers = 0;
    let mut at = 0;
    while at < lines.len() {
        while at < lines.len() && blank(&lines[at]) {
            at += 1;
        }
        let para = at;
        while at < lines.len() && !blank(&lines[at]) {
            at += 1;
        }
        let paragraph = &lines[para..at];
        if paragraph.is_empty()
            || teasers + paragraph.len() > MAX_LIST
            || !paragraph
                .iter()
                .all(|r| headline_like(text[r.clone()].trim()))
        {
            return taken;
        }
        teasers += paragraph.len();
        taken = at;
    }
    taken
}

/// A teaser headline: short, and not ending the way a sentence does.
fn headline_like(line: &str) -> bool {
    line.chars().count() <= MAX_HEADLINE
        && !line.ends_with(['.', '!', '”', '"', '’', '\'', ':', ';', ',', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<String> {
        let (_, left) = Furniture::default().edits(text);
        left.iter()
            .map(|l| text[l.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn whole_short_lines_only() {
        assert_eq!(
            dropped("Subscribe\nWe subscribe to the view that $5 is a lot.\n"),
            vec!["Subscribe"]
        );
        assert!(dropped("Readers who subscribe today get $5 off, the company said in a statement that ran for far longer than any furniture line ever would, well past the limit of two hundred characters that marks a line as prose rather than page furniture.\n").is_empty());
    }

    #[test]
    fn a_list_heading_takes_its_teasers_up_to_prose() {
        let text = "Related Stories\n\nConcerns Over Meta’s Plan\n4 Boards Suing Meta for $4.5 Billion\n\n“Once again,” it continues.\n";
        assert_eq!(
            dropped(text),
            vec![
                "Related Stories",
                "Concerns Over Meta’s Plan",
                "4 Boards Suing Meta for $4.5 Billion"
            ]
        );
        let (edits, _) = Furniture::default().edits(text);
        let mut kept = String::new();
        let mut at = 0;
        for (r, _) in &edits {
            kept.push_str(&text[at..r.start]);
            at = r.end;
        }
        kept.push_str(&text[at..]);
        assert_eq!(kept, "\n\n“Once again,” it continues.\n");
    }

    #[test]
    fn hard_wrapped_prose_after_a_list_is_not_a_teaser() {
        let text = "Related Stories\n\nA Teaser Headline\n\nThe lawsuit, filed last year, says Netflix would send\na written report every month.\n";
        assert_eq!(dropped(text), vec!["Related Stories", "A Teaser Headline"]);
    }

    #[test]
    fn prose_after_a_heading_stays() {
        assert_eq!(
            dropped("More from IndieWire\nNetflix spent about $40 million per year on ads.\n"),
            vec!["More from IndieWire"]
        );
    }

    #[test]
    fn user_patterns_add_to_the_defaults_and_bad_ones_are_named() {
        let f = Furniture::new(&["our sponsor: .*".into()], &[], true).unwrap();
        let (_, left) = f.edits("Our sponsor: ACME\nText.\n");
        assert_eq!(left.len(), 1);
        let bad = Furniture::new(&["ok".into(), "(".into()], &[], true).unwrap_err();
        assert_eq!((bad.lists, bad.index), (false, 1));
        assert!(Furniture::none().edits("Subscribe\n").1.is_empty());
    }
}
