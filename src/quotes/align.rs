//! Aligning one quotation's words with another's.
//!
//! The words are diffed (Myers, from the `similar` crate), then the ends are
//! trimmed: a quotation may start or stop at a different word than another
//! (one quotes part of the other), and words beyond the shorter one's ends
//! are not differences. Where both go on past the last shared word, their
//! overlapping words are compared: "helped supercharge Facebook’s" against
//! "supercharge Facebook’s" starts together at "supercharge", while
//! "helped power Facebook’s" against "supercharge Facebook’s" differs in
//! the word before "Facebook’s".

use super::extract::Token;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// A region where the two quotations differ, in word indices of each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    pub frame: Range<usize>,
    pub other: Range<usize>,
}

/// How `other` lines up with `frame`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// Equal runs: (frame start, other start, length).
    pub equal: Vec<(usize, usize, usize)>,
    pub hunks: Vec<Hunk>,
    /// The part of `frame` that `other` covers.
    pub covers: Range<usize>,
    /// Words the two have in common.
    pub shared: usize,
}

impl Alignment {
    /// The `other` word index at frame boundary `b`: before any words
    /// `other` inserts there (`start`), or after them.
    pub fn at(&self, b: usize, start: bool) -> Option<usize> {
        for h in &self.hunks {
            if start && h.frame.start == b {
                return Some(h.other.start);
            }
            if !start && h.frame.end == b {
                return Some(h.other.end);
            }
        }
        self.equal
            .iter()
            .find(|(f, _, len)| (*f..=f + len).contains(&b))
            .map(|(f, o, _)| o + (b - f))
    }
}

/// Aligns `other` against `frame`; `None` when they share too little to be
/// quotations of the same passage: fewer than `min_shared` words, or less
/// than `min_similarity` of the shorter one's words.
pub fn align(
    frame: &[Token],
    other: &[Token],
    min_shared: usize,
    min_similarity: f64,
) -> Option<Alignment> {
    let a: Vec<&str> = frame.iter().map(|t| t.norm.as_str()).collect();
    let b: Vec<&str> = other.iter().map(|t| t.norm.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut equal = Vec::new();
    let mut hunks: Vec<Hunk> = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => equal.push((old_index, new_index, len)),
            other => {
                let (f, o) = match other {
                    DiffOp::Delete {
                        old_index,
                        old_len,
                        new_index,
                    } => (old_index..old_index + old_len, new_index..new_index),
                    DiffOp::Insert {
                        old_index,
                        new_index,
                        new_len,
                    } => (old_index..old_index, new_index..new_index + new_len),
                    DiffOp::Replace {
                        old_index,
                        old_len,
                        new_index,
                        new_len,
                    } => (
                        old_index..old_index + old_len,
                        new_index..new_index + new_len,
                    ),
                    DiffOp::Equal { .. } => unreachable!("handled above"),
                };
                // Adjacent changes are one region.
                match hunks.last_mut() {
                    Some(last) if last.frame.end == f.start && last.other.end == o.start => {
                        last.frame.end = f.end;
                        last.other.end = o.end;
                    }
                    _ => hunks.push(Hunk { frame: f, other: o }),
                }
            }
        }
    }
    let shared: usize = equal.iter().map(|(_, _, len)| len).sum();
    let shorter = frame.len().min(other.len()).max(1);
    if shared < min_shared || (shared as f64) < min_similarity * shorter as f64 {
        return None;
    }
    let (first, last) = (equal.first()?, equal.last()?);
    let (f0, o0) = (first.0, first.1);
    let (f1, o1) = (last.0 + last.2, last.1 + last.2);
    // Trim the ends: keep only the overlapping words of a leading or
    // trailing difference.
    hunks.retain_mut(|h| {
        if h.frame.end <= f0 && h.other.end <= o0 {
            let k = (f0 - h.frame.start).min(o0 - h.other.start);
            h.frame = f0 - k..f0;
            h.other = o0 - k..o0;
            k > 0
        } else if h.frame.start >= f1 && h.other.start >= o1 {
            let k = (h.frame.end - f1).min(h.other.end - o1);
            h.frame = f1..f1 + k;
            h.other = o1..o1 + k;
            k > 0
        } else {
            true
        }
    });
    let start = hunks.first().map_or(f0, |h| h.frame.start.min(f0));
    let end = hunks.last().map_or(f1, |h| h.frame.end.max(f1));
    Some(Alignment {
        equal,
        hunks,
        covers: start..end,
        shared,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        s.split(' ')
            .enumerate()
            .map(|(i, w)| Token {
                norm: w.to_string(),
                span: i..i + 1,
            })
            .collect()
    }

    fn hunks(a: &str, b: &str) -> Vec<(Vec<String>, Vec<String>)> {
        let (fa, fb) = (toks(a), toks(b));
        let al = align(&fa, &fb, 3, 0.6).expect("aligned");
        al.hunks
            .iter()
            .map(|h| {
                (
                    fa[h.frame.clone()].iter().map(|t| t.norm.clone()).collect(),
                    fb[h.other.clone()].iter().map(|t| t.norm.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_part_of_a_longer_quote_has_no_differences() {
        assert!(hunks(
            "agreed to custom partnerships that helped supercharge facebooks ad targeting",
            "supercharge facebooks ad targeting"
        )
        .is_empty());
    }

    #[test]
    fn a_changed_word_is_found_even_at_the_start() {
        let h = hunks(
            "custom partnerships that helped supercharge facebooks ad targeting",
            "helped power facebooks ad targeting",
        );
        assert_eq!(
            h,
            vec![(vec!["supercharge".to_string()], vec!["power".to_string()])]
        );
        let h = hunks(
            "supercharge facebooks ad targeting and ranking",
            "integrations that helped power facebooks ad targeting and ranking",
        );
        assert_eq!(
            h,
            vec![(vec!["supercharge".to_string()], vec!["power".to_string()])]
        );
    }

    #[test]
    fn omissions_and_insertions_in_the_middle_count() {
        let h = hunks(
            "access to facebooks users private message inboxes",
            "access to private message inboxes",
        );
        assert_eq!(
            h,
            vec![(vec!["facebooks".to_string(), "users".to_string()], vec![])]
        );
    }

    #[test]
    fn unrelated_quotes_do_not_align() {
        assert!(align(
            &toks("the cat sat on the mat"),
            &toks("a dog ran in the park"),
            3,
            0.6
        )
        .is_none());
    }

    #[test]
    fn boundaries_map_through_equal_runs_and_hunks() {
        let (f, o) = (toks("a b c x d e"), toks("a b c y z d e"));
        let al = align(&f, &o, 3, 0.6).unwrap();
        assert_eq!(
            al.hunks,
            vec![Hunk {
                frame: 3..4,
                other: 3..5
            }]
        );
        assert_eq!(al.at(3, true), Some(3));
        assert_eq!(al.at(4, false), Some(5));
        assert_eq!(al.at(6, false), Some(7));
    }
}
