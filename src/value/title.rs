//! Titles and descriptors ("co-founder", "The president of Netflix",
//! "Tesla founder"): free text compared after folding away what does not
//! change the meaning.
//!
//! Folding: case; quotes and punctuation; hyphens inside words
//! ("co-founder" = "cofounder"); possessives ("Tesla's founder" = "Tesla
//! founder"); leading articles ("the president"); "X of Y" word order
//! ("president of Netflix" = "Netflix president"); newsroom abbreviations
//! ("chief executive officer" = "chief executive" = "CEO", "Gov." =
//! "Governor", "Lt." = "Lieutenant", "Sen." = "Senator"); and a story's own
//! synonyms ([`Synonyms`], set in factlint.toml or per fact).
//! What remains is compared word by word with strsim's normalised
//! Damerau-Levenshtein similarity, so a typo still matches while a
//! different word ("cofounder" vs "founder", 0.78) does not.

use std::fmt;

/// Two words match when their similarity is at least this.
pub const DEFAULT_SIMILARITY: f64 = 0.85;

/// Abbreviated words of titles, as AP style writes them before a name
/// ("Gov. Kathy Hochul", "Lt. Col."), folded to the full word; the
/// trailing period is gone by then.
const SHORT_WORDS: &[(&str, &str)] = &[
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("lt", "lieutenant"),
    ("gen", "general"),
    ("col", "colonel"),
    ("maj", "major"),
    ("capt", "captain"),
    ("cmdr", "commander"),
    ("adm", "admiral"),
    ("sgt", "sergeant"),
    ("cpl", "corporal"),
    ("pres", "president"),
    ("supt", "superintendent"),
    ("atty", "attorney"),
    ("asst", "assistant"),
    ("dept", "department"),
    ("dep", "deputy"),
    ("prof", "professor"),
    ("dr", "doctor"),
    ("amb", "ambassador"),
    ("mgr", "manager"),
    ("dir", "director"),
    ("exec", "executive"),
    ("vp", "vice president"),
    ("vicepresident", "vice president"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("congressman", "representative"),
    ("congresswoman", "representative"),
];

/// Multi-word titles newsrooms abbreviate, longest first.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("chief operating officer", "coo"),
    ("chief financial officer", "cfo"),
    ("chief technology officer", "cto"),
    ("chairwoman", "chair"),
    ("chairperson", "chair"),
    ("chairman", "chair"),
];

#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// The folded words, which are what is compared.
    words: Vec<String>,
    /// The words as written, single-spaced, surrounding quotes dropped:
    /// how the value is shown ("SpaceX CEO", "co-founder").
    shown: String,
}

impl Title {
    pub fn parse(text: &str) -> Result<Title, String> {
        let words = fold(text);
        if words.is_empty() {
            return Err("no words to compare".to_string());
        }
        let shown = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        Ok(Title { words, shown })
    }

    /// The folded form, which is what is compared.
    pub fn folded(&self) -> String {
        self.words.join(" ")
    }

    /// Same number of words, each pair at least `similarity` alike.
    pub fn matches(&self, other: &Title, similarity: f64) -> bool {
        words_match(&self.words, &other.words, similarity)
    }

    /// As [`Title::matches`], after the story's `synonyms` have replaced
    /// each wording of a set with the set's first.
    pub fn matches_with(&self, other: &Title, similarity: f64, synonyms: &Synonyms) -> bool {
        if synonyms.is_empty() {
            return self.matches(other, similarity);
        }
        let a = synonyms.apply(&self.folded());
        let b = synonyms.apply(&other.folded());
        let split = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        words_match(&split(&a), &split(&b), similarity)
    }
}

fn words_match(a: &[String], b: &[String], similarity: f64) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(a, b)| a == b || strsim::normalized_damerau_levenshtein(a, b) >= similarity)
}

/// A story's own title synonyms: sets of wordings that mean the same title
/// ("chief content officer", "content chief"), beyond the abbreviations
/// every story shares. Each wording is folded as a title is, and replaced
/// by its set's first wording before two titles are compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synonyms {
    /// (folded wording, folded first wording of its set), longest first
    /// so that "chief content officer" is replaced before "officer".
    pairs: Vec<(String, String)>,
}

impl Synonyms {
    /// From sets of wordings; a set of fewer than two wordings adds nothing.
    pub fn new<S: AsRef<str>>(sets: &[Vec<S>]) -> Synonyms {
        let mut pairs = Vec::new();
        for set in sets {
            let folded: Vec<String> = set
                .iter()
                .map(|w| fold(w.as_ref()).join(" "))
                .filter(|w| !w.is_empty())
                .collect();
            if let Some((first, rest)) = folded.split_first() {
                pairs.extend(
                    rest.iter()
                        .filter(|w| *w != first)
                        .map(|w| (w.clone(), first.clone())),
                );
            }
        }
        pairs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        pairs.dedup();
        Synonyms { pairs }
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// `folded` with every synonym replaced by its set's first wording.
    fn apply(&self, folded: &str) -> String {
        let mut out = folded.to_string();
        for (from, to) in &self.pairs {
            out = replace_words(&out, from, to);
        }
        out
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

fn fold(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace(['’', '‘', 'ʼ'], "'");
    // Possessives go before punctuation, which would split "tesla's" in two.
    let lower = lower.replace("'s ", " ").replace("s' ", "s ");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
    let mut cleaned = String::with_capacity(lower.len());
    let chars: Vec<char> = lower.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let between_letters = i > 0
            && i + 1 < chars.len()
            && chars[i - 1].is_alphanumeric()
            && chars[i + 1].is_alphanumeric();
        if c.is_alphanumeric() {
            cleaned.push(c);
        } else if (c == '-' || c == '‐' || c == '\'') && between_letters {
            // "co-founder" -> "cofounder"; "o'brien" -> "obrien"
        } else {
            cleaned.push(' ');
        }
    }
    let mut joined = cleaned
        .split_whitespace()
        .map(|w| {
            SHORT_WORDS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ");
    for (long, short) in ABBREVIATIONS {
        joined = replace_words(&joined, long, short);
    }
    let mut words: Vec<String> = joined
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    // "president of netflix" -> "netflix president", once, at the first "of".
    if let Some(at) = words.iter().position(|w| w == "of") {
        if at > 0 && at + 1 < words.len() {
            let mut tail: Vec<String> = words[at + 1..].to_vec();
            while tail
                .first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
            {
                tail.remove(0);
            }
            tail.extend_from_slice(&words[..at]);
            words = tail;
        }
    }
    words
}

/// Replaces `from` with `to` where it stands as whole words.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let padded = format!(" {text} ");
    padded
        .replace(&format!(" {from} "), &format!(" {to} "))
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Title {
        Title::parse(s).unwrap()
    }

    #[test]
    fn a_storys_synonyms_make_titles_equal() {
        let synonyms = Synonyms::new(&[
            vec!["chief content officer", "content chief"],
            vec!["executive chairman", "exec. chair"],
        ]);
        let same = |a: &str, b: &str| t(a).matches_with(&t(b), DEFAULT_SIMILARITY, &synonyms);
        assert!(same(
            "Netflix's content chief",
            "chief content officer of Netflix"
        ));
        assert!(same("Executive Chairman", "exec. chair"));
        // Without the synonyms they differ; unrelated titles still do.
        assert!(!t("content chief").matches(&t("chief content officer"), DEFAULT_SIMILARITY));
        assert!(!same("content chief", "chief executive"));
        assert!(!same("executive chairman", "chairman"));
        // No synonyms: the plain comparison.
        assert!(t("CEO").matches_with(
            &t("chief executive"),
            DEFAULT_SIMILARITY,
            &Synonyms::default()
        ));
    }

    #[test]
    fn hyphens_case_and_articles_fold() {
        assert_eq!(t("Co-Founder").folded(), "cofounder");
        assert_eq!(t("the co‐founder").folded(), "cofounder");
        assert_eq!(t("The president of Netflix").folded(), "netflix president");
        assert_eq!(t("Netflix’s president").folded(), "netflix president");
    }

    #[test]
    fn abbreviations_fold() {
        assert_eq!(t("Chief Executive Officer").folded(), "ceo");
        assert_eq!(t("chief executive of SpaceX").folded(), "spacex ceo");
        assert_eq!(t("executive chairman").folded(), "executive chair");
    }

    #[test]
    fn newsroom_abbreviations_fold() {
        assert_eq!(t("Gov.").folded(), t("Governor").folded());
        assert_eq!(t("Sen.").folded(), "senator");
        assert_eq!(t("Lt. Gov.").folded(), "lieutenant governor");
        assert_eq!(t("Lt. Col.").folded(), "lieutenant colonel");
        assert_eq!(t("co-founder").folded(), t("cofounder").folded());
        assert_eq!(
            t("Meta spokesman").folded(),
            t("Meta spokesperson").folded()
        );
        assert_eq!(t("vice-president").folded(), "vice president");
        assert!(!t("Gov.").matches(&t("Sen."), DEFAULT_SIMILARITY));
    }

    #[test]
    fn near_matches_are_typos_not_other_words() {
        assert!(t("Tesla founder").matches(&t("Tesla's founder"), DEFAULT_SIMILARITY));
        assert!(t("cofounder").matches(&t("cofuonder"), DEFAULT_SIMILARITY));
        assert!(!t("Tesla founder").matches(&t("Tesla co-founder"), DEFAULT_SIMILARITY));
        assert!(!t("president").matches(&t("co-founder"), DEFAULT_SIMILARITY));
        assert!(!t("SpaceX CEO").matches(&t("CEO"), DEFAULT_SIMILARITY));
    }

    #[test]
    fn shown_as_written() {
        assert_eq!(t("“Co-Founder,”").to_string(), "Co-Founder");
        assert_eq!(
            t("The  president\nof Netflix").to_string(),
            "The president of Netflix"
        );
    }

    #[test]
    fn empty_text_is_an_error() {
        assert!(Title::parse(" — ").is_err());
    }
}
