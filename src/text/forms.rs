//! The forms of a word: a cue written "spend" in a rule must match "spent",
//! "spends" and "spending" in an article. An English Snowball stemmer joins
//! the regular forms; a small table joins the irregular verbs news copy
//! uses, which no stemmer can ("paid" → "pay", "brought" → "bring").

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Irregular forms and the word they are a form of. The stem of the right
/// side is what they fold to.
const IRREGULAR: &[(&str, &str)] = &[
    ("spent", "spend"),
    ("paid", "pay"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("sold", "sell"),
    ("gave", "give"),
    ("given", "give"),
    ("took", "take"),
    ("taken", "take"),
    ("made", "make"),
    ("got", "get"),
    ("gotten", "get"),
    ("won", "win"),
    ("lost", "lose"),
    ("began", "begin"),
    ("begun", "begin"),
    ("sat", "sit"),
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("held", "hold"),
    ("led", "lead"),
    ("left", "leave"),
    ("met", "meet"),
    ("ran", "run"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shown", "show"),
    ("struck", "strike"),
    ("found", "find"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("dealt", "deal"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fought", "fight"),
    ("sought", "seek"),
    ("thought", "think"),
    ("taught", "teach"),
    ("caught", "catch"),
    ("built", "build"),
    ("meant", "mean"),
    ("became", "become"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("stood", "stand"),
    ("understood", "understand"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("is", "be"),
    ("are", "be"),
    ("had", "have"),
    ("has", "have"),
    ("did", "do"),
    ("done", "do"),
];

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of a lowercase word; every form of one word has the same stem.
pub fn stem(word: &str) -> String {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return stemmer().stem(base).into_owned();
    }
    // Numbers are their own stem ("2017" is not "201").
    if word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    stemmer().stem(word).into_owned()
}

/// Every irregular form whose stem is `stem`: the literals a prefilter must
/// look for besides the stem itself ("spent" does not contain "spend").
pub fn irregular_forms(stem_of_base: &str) -> impl Iterator<Item = &'static str> + '_ {
    IRREGULAR
        .iter()
        .filter(move |(_, base)| stem(base) == stem_of_base)
        .map(|(form, _)| *form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms_share_a_stem() {
        for (a, b) in [
            ("spend", "spending"),
            ("spend", "spent"),
            ("pay", "paid"),
            ("pay", "paying"),
            ("guarantee", "guaranteed"),
            ("file", "filed"),
            ("report", "reports"),
            ("bring", "brought"),
            ("join", "joined"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("2017"), stem("2018"));
        assert_ne!(stem("pay"), stem("play"));
    }

    #[test]
    fn irregular_forms_are_listed_for_the_prefilter() {
        let forms: Vec<&str> = irregular_forms(&stem("spend")).collect();
        assert_eq!(forms, vec!["spent"]);
    }
}
