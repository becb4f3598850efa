//! "Did you mean": the nearest known name to a mistyped one, for
//! subcommands, fact ids and finding codes alike, so every place that
//! rejects a name can offer the one the user most likely meant.

/// The candidate closest to `word`, if one is close enough to be a typo of
/// it rather than another name: at most a third of its characters differ
/// (and at least one may). Ties go to the earlier candidate, so the answer
/// does not depend on anything but the input order.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&word, &candidate.to_lowercase());
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// "; did you mean `x`?" or nothing: the tail of an error message.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(word, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word_and_strangers_nothing() {
        let commands = ["test", "table", "explain", "init", "discover"];
        assert_eq!(nearest("tset", commands), Some("test"));
        assert_eq!(nearest("tabel", commands), Some("table"));
        assert_eq!(nearest("explian", commands), Some("explain"));
        assert_eq!(nearest("corpus", commands), None);
        assert_eq!(nearest("FL01", ["FL001", "FL002", "FL101"]), Some("FL001"));
        assert_eq!(
            nearest("ad-spend-2071", ["ad-spend-2017", "access-payment"]),
            Some("ad-spend-2017")
        );
        assert_eq!(did_you_mean("zzzz", commands), "");
    }
}
