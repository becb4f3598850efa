//! Evidence, bounded: which agreeing sources a finding labels.
//!
//! A finding shows an outlier against the sources that say it otherwise.
//! On a story covered by thousands of articles, labelling every agreeing
//! source made each finding carry thousands of labels, so memory and output
//! grew as outliers × backers (11 GB of labels on 10,000 articles). A
//! finding therefore labels at most [`MAX_SHOWN`] of them, the most
//! representative, and says how many more there are in a note or message,
//! which every output format shows alike. Under the bound nothing changes.

use crate::corpus::Corpus;
use std::collections::HashSet;

/// The most agreeing sources one finding labels (per difference it reports).
pub const MAX_SHOWN: usize = 5;

/// The candidates to label, out of `candidates` (in order of preference,
/// usually source order), and how many are left unlabelled.
///
/// Representative means as many outlets as possible: the first candidate
/// of each outlet (its manifest `outlet`, else its path) is taken before a
/// second one of any outlet. The kept candidates stay in their given order.
/// Linear in the candidates.
pub fn representative<T>(
    corpus: &Corpus,
    candidates: Vec<T>,
    source_of: impl Fn(&T) -> usize,
) -> (Vec<T>, usize) {
    if candidates.len() <= MAX_SHOWN {
        return (candidates, 0);
    }
    let total = candidates.len();
    let outlet = |s: usize| {
        let source = &corpus.sources[s];
        source.meta.outlet.as_deref().unwrap_or(&source.path)
    };
    let mut keep = vec![false; total];
    let mut kept = 0;
    let mut outlets: HashSet<&str> = HashSet::new();
    for (i, c) in candidates.iter().enumerate() {
        if kept == MAX_SHOWN {
            break;
        }
        if outlets.insert(outlet(source_of(c))) {
            keep[i] = true;
            kept += 1;
        }
    }
    for k in keep.iter_mut() {
        if kept == MAX_SHOWN {
            break;
        }
        if !*k {
            *k = true;
            kept += 1;
        }
    }
    let shown = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    (shown, total - MAX_SHOWN)
}

/// "and 531 more sources", for `more` unlabelled sources.
pub fn more_sources(more: usize) -> String {
    format!("and {more} more source{}", if more == 1 { "" } else { "s" })
}

/// A note counting the sources left unlabelled, e.g. "and 531 more sources
/// state USD 150M (not labelled)"; `None` when all are labelled.
pub fn note(more: usize, what: &str) -> Option<String> {
    (more > 0).then(|| format!("{} {what} (not labelled)", more_sources(more)))
}

/// `names` joined with ", ", the first [`MAX_SHOWN`] of them, then how
/// many more: "a.txt, b.txt, c.txt, d.txt, e.txt and 531 more sources".
pub fn list(names: &[&str]) -> String {
    if names.len() <= MAX_SHOWN {
        return names.join(", ");
    }
    format!(
        "{} {}",
        names[..MAX_SHOWN].join(", "),
        more_sources(names.len() - MAX_SHOWN)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::Files;

    fn corpus(n: usize) -> Corpus {
        let mut files = Files::new();
        Corpus::from_texts(
            &mut files,
            (0..n)
                .map(|i| (format!("{i:03}.txt"), String::new()))
                .collect(),
        )
    }

    #[test]
    fn under_the_bound_everything_is_kept() {
        let c = corpus(3);
        assert_eq!(
            representative(&c, vec![0, 1, 2], |&s| s),
            (vec![0, 1, 2], 0)
        );
        assert_eq!(list(&["a", "b"]), "a, b");
        assert_eq!(note(0, "agree"), None);
    }

    #[test]
    fn over_the_bound_one_per_outlet_first_in_order() {
        let mut c = corpus(12);
        for (i, s) in c.sources.iter_mut().enumerate() {
            // Outlets: 0-5 are "big", the others each their own.
            if i <= 5 {
                s.meta.outlet = Some("big".into());
            }
        }
        let (shown, more) = representative(&c, (0..12).collect(), |&s| s);
        assert_eq!(shown, vec![0, 6, 7, 8, 9]);
        assert_eq!(more, 7);
        assert_eq!(
            note(more, "agree").as_deref(),
            Some("and 7 more sources agree (not labelled)")
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let names: Vec<String> = (0..8).map(|i| format!("{i}.txt")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            list(&names),
            "0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 3 more sources"
        );
    }
}
