//! The literals a regex cannot match without: the bridge from a rule's
//! pattern to the [`Prefilter`](super::Prefilter).
//!
//! [`literals`] walks the pattern's syntax tree (regex-syntax's `Hir`) and
//! returns a small set of strings such that every match of the pattern
//! contains at least one of them. The idea is ripgrep's inner-literal
//! extraction (`crates/regex/src/literal.rs`), reduced to the one question
//! a prefilter asks: not "which prefix starts a match" but "which text can
//! never hold a match, because none of these strings occurs in it".
//!
//! Strings are ASCII-lowercased, and a class that differs from another only
//! in ASCII case (`[Ff]`, what `(?i)f` becomes) counts as one character:
//! the prefilter searches ASCII case-insensitively, so `(?i)` patterns keep
//! their long literals instead of exploding into every capitalisation.
//! Non-ASCII case variants stay distinct (`(?i)k` also matches the Kelvin
//! sign), so the answer remains a promise, never a guess.

use regex_syntax::hir::{self, Hir, HirKind};
use std::collections::BTreeSet;

/// A class of more characters than this (after folding ASCII case) is not
/// spelled out: `\d` is, `[a-z]` is not.
const CLASS_LIMIT: usize = 10;
/// The most strings one set may hold; past it a set is shortened or given up.
const SET_LIMIT: usize = 64;
/// Longer literals add nothing to selectivity and only cost automaton size.
const LENGTH_LIMIT: usize = 32;

type Set = BTreeSet<Vec<u8>>;

/// The most groups [`literals`] returns: each more narrows the candidates
/// less than the one before.
const GROUP_LIMIT: usize = 3;

/// Groups of strings (ASCII-lowercased) such that every match of `hir`
/// contains one string of *each* group: `Titan API{gap}access` needs
/// "titan api" and "access". Empty when no useful group exists and the
/// regex must run on every text. No group is empty or holds an empty
/// string or a string too common to filter anything (a lone space, `e`).
pub fn literals(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    let mut hir = hir;
    while let HirKind::Capture(c) = hir.kind() {
        hir = &c.sub;
    }
    let mut groups: Vec<Set> = match hir.kind() {
        HirKind::Concat(subs) => concat_parts(subs).1,
        _ => analyse(hir).required.into_iter().collect(),
    };
    groups = groups.into_iter().map(minimise).filter(useful).collect();
    groups.sort_by_key(|g| std::cmp::Reverse(score(g)));
    let mut chosen: Vec<Set> = Vec::new();
    for g in groups {
        // A further group must be worth its automaton matches (no lone
        // letters) and say something the chosen ones do not already: every
        // "titan api" contains "api".
        let worth = chosen.is_empty() || g.iter().all(|l| l.len() >= 3);
        let implied = chosen.iter().any(|c| implies(c, &g));
        if chosen.len() < GROUP_LIMIT && worth && !implied {
            chosen.push(g);
        }
    }
    chosen
        .into_iter()
        .map(|g| g.into_iter().collect())
        .collect()
}

/// Whether text holding a string of `a` always holds one of `b`.
fn implies(a: &Set, b: &Set) -> bool {
    a.iter().all(|x| b.iter().any(|y| contains(x, y)))
}

/// A group worth searching for.
fn useful(set: &Set) -> bool {
    !set.is_empty()
        && set.iter().all(|lit| match lit.as_slice() {
            [] => false,
            [byte] => regex_syntax::hir::literal::rank(*byte) < 250,
            _ => true,
        })
}

/// What is known of the strings an expression matches.
#[derive(Clone, Debug, Default)]
struct Shape {
    /// Every string it can match, when they are few (it may hold "").
    exact: Option<Set>,
    /// Strings one of which every match contains (never holding "").
    required: Option<Set>,
}

impl Shape {
    fn exact(set: Set) -> Shape {
        let required = usable(&set).then(|| set.clone());
        Shape {
            exact: Some(set),
            required,
        }
    }

    fn unknown() -> Shape {
        Shape::default()
    }
}

fn analyse(hir: &Hir) -> Shape {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Shape::exact(Set::from([Vec::new()])),
        HirKind::Literal(hir::Literal(bytes)) => {
            if bytes.len() > LENGTH_LIMIT {
                let cut = bytes[..LENGTH_LIMIT].to_ascii_lowercase();
                Shape {
                    exact: None,
                    required: Some(Set::from([cut])),
                }
            } else {
                Shape::exact(Set::from([bytes.to_ascii_lowercase()]))
            }
        }
        HirKind::Class(class) => class_shape(class),
        HirKind::Capture(capture) => analyse(&capture.sub),
        HirKind::Repetition(rep) => repetition(rep),
        HirKind::Concat(subs) => concat(subs),
        HirKind::Alternation(subs) => alternation(subs),
    }
}

/// A set can serve as required literals: non-empty, no empty string.
fn usable(set: &Set) -> bool {
    !set.is_empty() && !set.contains(&Vec::new())
}

fn class_shape(class: &hir::Class) -> Shape {
    let mut set = Set::new();
    // Raw members are counted before folding so a huge class is never
    // walked character by character.
    let mut raw = 0usize;
    match class {
        hir::Class::Unicode(c) => {
            for range in c.iter() {
                raw += range.end() as usize - range.start() as usize + 1;
                if raw > 3 * CLASS_LIMIT {
                    return Shape::unknown();
                }
                for ch in range.start()..=range.end() {
                    let mut buf = [0u8; 4];
                    let encoded = ch.to_ascii_lowercase().encode_utf8(&mut buf);
                    set.insert(encoded.as_bytes().to_vec());
                }
            }
        }
        hir::Class::Bytes(c) => {
            for range in c.iter() {
                raw += usize::from(range.end() - range.start()) + 1;
                if raw > 3 * CLASS_LIMIT {
                    return Shape::unknown();
                }
                for byte in range.start()..=range.end() {
                    set.insert(vec![byte.to_ascii_lowercase()]);
                }
            }
        }
    }
    if set.is_empty() || set.len() > CLASS_LIMIT {
        return Shape::unknown();
    }
    Shape::exact(set)
}

fn repetition(rep: &hir::Repetition) -> Shape {
    let sub = analyse(&rep.sub);
    match (rep.min, rep.max) {
        // `x?` is `x|`: still a known set.
        (0, Some(1)) => Shape {
            exact: sub.exact.map(|mut set| {
                set.insert(Vec::new());
                set
            }),
            required: None,
        },
        (0, _) => Shape::unknown(),
        (min, max) => {
            // Every match starts with `min` copies of the sub-expression.
            let mut exact = None;
            let mut required = sub.required;
            if let Some(one) = &sub.exact {
                let copies =
                    (0..min.min(8)).try_fold(Set::from([Vec::new()]), |acc, _| cross(&acc, one));
                if let Some(copies) = copies {
                    if max == Some(min) && min <= 8 {
                        exact = Some(copies.clone());
                    }
                    if usable(&copies) {
                        required = Some(best(required, copies));
                    }
                }
            }
            Shape { exact, required }
        }
    }
}

/// Adjacent parts with known strings are multiplied out into longer
/// literals ("by" + " 2015" = "by 2015"); where a part is unknown (a gap)
/// the run so far becomes one candidate set. The best candidate wins.
fn concat(subs: &[Hir]) -> Shape {
    let (exact, parts) = concat_parts(subs);
    let mut required = None;
    for part in parts {
        required = Some(best(required, part));
    }
    Shape { exact, required }
}

/// A concatenation's exact strings, if few, and every set it requires:
/// each part's own, and each run of parts with known strings.
fn concat_parts(subs: &[Hir]) -> (Option<Set>, Vec<Set>) {
    let empty = || Set::from([Vec::new()]);
    let mut whole = Some(empty());
    let mut run = empty();
    let mut parts: Vec<Set> = Vec::new();
    for sub in subs {
        let shape = analyse(sub);
        if let Some(required) = shape.required.clone() {
            parts.push(required);
        }
        whole = match (&whole, &shape.exact) {
            (Some(w), Some(e)) => cross(w, e),
            _ => None,
        };
        match &shape.exact {
            Some(e) => match cross(&run, e) {
                Some(longer) => run = longer,
                None => parts.push(std::mem::replace(&mut run, e.clone())),
            },
            None => parts.push(std::mem::replace(&mut run, empty())),
        }
    }
    parts.push(run);
    if let Some(w) = &whole {
        parts.push(w.clone());
    }
    parts.retain(usable);
    (whole, parts)
}

fn alternation(subs: &[Hir]) -> Shape {
    let shapes: Vec<Shape> = subs.iter().map(analyse).collect();
    let exact = shapes
        .iter()
        .try_fold(Set::new(), |acc, s| union(acc, s.exact.as_ref()?));
    let required = shapes
        .iter()
        .try_fold(Set::new(), |acc, s| union(acc, s.required.as_ref()?));
    match exact {
        Some(exact) => {
            let mut shape = Shape::exact(exact);
            if let Some(r) = required {
                shape.required = Some(best(shape.required.take(), r));
            }
            shape
        }
        None => Shape {
            exact: None,
            required,
        },
    }
}

/// Every string of `a` followed by every string of `b`, if that stays small.
fn cross(a: &Set, b: &Set) -> Option<Set> {
    if a.len().saturating_mul(b.len()) > SET_LIMIT {
        return None;
    }
    let mut out = Set::new();
    for x in a {
        for y in b {
            if x.len() + y.len() > LENGTH_LIMIT {
                return None;
            }
            let mut s = x.clone();
            s.extend_from_slice(y);
            out.insert(s);
        }
    }
    Some(out)
}

/// The strings of both, if they stay within the limit.
fn union(mut a: Set, b: &Set) -> Option<Set> {
    a.extend(b.iter().cloned());
    (a.len() <= SET_LIMIT).then_some(a)
}

/// `set` without the strings that contain another of its strings: for
/// "one of these occurs", "by 2015," adds nothing to "by 2015".
fn minimise(set: Set) -> Set {
    set.iter()
        .filter(|long| {
            !set.iter()
                .any(|short| short.len() < long.len() && contains(long, short))
        })
        .cloned()
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// The more selective of two candidate sets: longer shortest string first
/// (a three-letter word occurs far less often than one letter), then fewer
/// strings.
fn best(a: Option<Set>, b: Set) -> Set {
    let b = minimise(b);
    let Some(a) = a else { return b };
    if score(&b) > score(&a) {
        b
    } else {
        a
    }
}

fn score(set: &Set) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0).min(8);
    (shortest, std::cmp::Reverse(set.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best group, as text.
    fn lits(pattern: &str) -> Option<Vec<String>> {
        groups(pattern).into_iter().next()
    }

    fn groups(pattern: &str) -> Vec<Vec<String>> {
        let hir = regex_syntax::parse(pattern).unwrap();
        literals(&hir)
            .into_iter()
            .map(|group| {
                group
                    .into_iter()
                    .map(|l| String::from_utf8(l).unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn case_insensitive_words_stay_whole() {
        assert_eq!(
            lits(r"(?i)(?:by|in|during) 2015,?\s[^.]{0,80}spen[dt]").unwrap(),
            vec!["by 2015", "during 2015", "in 2015"]
        );
        assert_eq!(lits(r"(?i)Titan API").unwrap(), vec!["titan api"]);
    }

    #[test]
    fn every_part_of_a_concatenation_is_required() {
        assert_eq!(
            groups(r"(?i)Titan API[^.]{0,150}access(?:es)?\s+(?:to\s+)?"),
            // `(?i)s` also matches the long s, ſ.
            vec![
                vec!["titan api"],
                vec!["access", "accesſ", "acceſs", "acceſſ"]
            ]
        );
        assert_eq!(
            groups(r"(Reed|Mark) \w+ [^.]*(paid|spent)[^.]*\$"),
            vec![vec!["mark ", "reed "], vec!["paid", "spent"]]
        );
        assert_eq!(
            groups(r"(?:Titan API[^.]*access|Inbox API)"),
            vec![vec!["inbox api", "titan api"]],
            "an alternation needs one of its branches"
        );
    }

    #[test]
    fn non_ascii_case_variants_are_kept() {
        // `(?i)k` matches the Kelvin sign too; the set must say so.
        let set = lits("(?i)kk").unwrap();
        assert!(set.contains(&"kk".to_string()));
        assert!(set.contains(&"k\u{212a}".to_string()));
    }

    #[test]
    fn the_best_part_of_a_concatenation_is_chosen() {
        assert_eq!(
            lits(r"(?-u:\b)[A-Z][a-z]+\s+API(?-u:\b)").unwrap(),
            vec!["api"]
        );
        assert_eq!(lits(r"“[^”\n]{1,400}”").unwrap(), vec!["“"]);
        assert_eq!(
            lits(r"(?:spen[dt]|paid).{0,30}\$\d+").unwrap(),
            vec!["paid", "spend", "spent"]
        );
    }

    #[test]
    fn optional_and_repeated_parts() {
        assert_eq!(lits(r"ab?c").unwrap(), vec!["abc", "ac"]);
        assert_eq!(lits(r"(?:ab){2,}").unwrap(), vec!["abab"]);
        assert_eq!(lits(r"x*(?:ab)+").unwrap(), vec!["ab"]);
    }

    #[test]
    fn no_promise_without_a_literal() {
        assert_eq!(lits(r"[A-Z][a-z]+ [A-Z][a-z]+"), None);
        assert_eq!(lits(r"\w+"), None);
        assert_eq!(lits(r"a|\w"), None, "one branch without literal");
        assert_eq!(lits(r"e"), None, "too common to filter anything");
        assert_eq!(lits(r"(?:abc)?"), None, "may match the empty string");
    }

    /// The promise itself: wherever the regex matches, one of the literals
    /// occurs (case-insensitively) in the match.
    #[test]
    fn every_match_contains_a_literal() {
        let cases = [
            (
                r"(?i)(?:in|for) 2017,?.{0,20}(?:pa(?:id|y)|spen[dt])",
                "For 2017, it PAID",
            ),
            (r"\$\d{1,3}(?:,\d{3})+", "cost $1,500,000 in"),
            (
                r"(?i)Netflix(?:[’']s)?\s+(?:co-?founder|CEO)",
                "NETFLIX’s Co-Founder",
            ),
            (r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)", "in 2013."),
            (r"(?i)stra\w+e", "STRAßE"),
        ];
        for (pattern, text) in cases {
            let m = regex::Regex::new(pattern).unwrap().find(text).unwrap();
            let found = m.as_str().to_lowercase();
            for set in groups(pattern) {
                assert!(
                    set.iter().any(|l| found.contains(l.as_str())),
                    "{pattern}: {set:?} not in {found:?}"
                );
            }
        }
    }
}
