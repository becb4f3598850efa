//! Choice values: the rule author names the categories and the wording that
//! maps to each, because whether "messaging data" and "messaging app and
//! non-app friends" are the same thing is an editorial judgement, not a
//! string distance.

use regex::{Regex, RegexBuilder};

/// One category of a choice fact and the phrases that mean it.
#[derive(Clone, Debug)]
pub struct Category {
    pub name: String,
    /// Regex alternatives, as written in the rule file.
    pub phrases: Vec<String>,
    matcher: Regex,
}

impl Category {
    /// Compiles the phrases into one anchored, case-insensitive matcher.
    /// Returns the first phrase that fails to compile, with the error.
    pub fn new(name: String, phrases: Vec<String>) -> Result<Category, (usize, String)> {
        for (i, p) in phrases.iter().enumerate() {
            if let Err(e) = RegexBuilder::new(p).case_insensitive(true).build() {
                return Err((i, e.to_string()));
            }
        }
        let anchored = format!("^(?:{})$", alternation(&phrases));
        let matcher = RegexBuilder::new(&anchored)
            .case_insensitive(true)
            .build()
            .map_err(|e| (0, e.to_string()))?;
        Ok(Category {
            name,
            phrases,
            matcher,
        })
    }
}

/// The regex that `{value}` stands for in a choice fact's patterns: any
/// phrase of any category, the longest first. A regex alternation takes
/// the first alternative that matches, so without this order a category
/// listed earlier would win with a shorter phrase ("9:15pm" over "9:15pm
/// (Tokyo time)"), whatever the categories are called.
pub fn pattern(categories: &[Category]) -> String {
    let mut all: Vec<(usize, &String)> = categories
        .iter()
        .flat_map(|c| c.phrases.iter())
        .map(|p| (shortest_match(p), p))
        .collect();
    all.sort_by_key(|p| std::cmp::Reverse(p.0));
    let all: Vec<String> = all.into_iter().map(|(_, p)| p.clone()).collect();
    alternation(&all)
}

/// The fewest bytes a phrase can match: its length for a literal phrase.
fn shortest_match(phrase: &str) -> usize {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(phrase)
        .ok()
        .and_then(|hir| hir.properties().minimum_len())
        .unwrap_or(0)
}

fn alternation(phrases: &[String]) -> String {
    phrases
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Maps captured words to the first category one of whose phrases matches
/// all of them (after collapsing whitespace, since articles break lines).
pub fn parse(text: &str, categories: &[Category]) -> Result<String, String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    categories
        .iter()
        .find(|c| c.matcher.is_match(&text))
        .map(|c| c.name.clone())
        .ok_or_else(|| {
            let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
            format!("matches none of the categories {}", names.join(", "))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titan() -> Vec<Category> {
        vec![
            Category::new(
                "friend lists".into(),
                vec![
                    "messaging app and non-app friends".into(),
                    r"friends[’']? data".into(),
                ],
            )
            .unwrap(),
            Category::new(
                "message content".into(),
                vec![r"messaging data|private messages".into()],
            )
            .unwrap(),
        ]
    }

    #[test]
    fn maps_wording_to_categories() {
        let c = titan();
        assert_eq!(
            parse("Messaging app and\nnon-app friends", &c).unwrap(),
            "friend lists"
        );
        assert_eq!(parse("friends’ data", &c).unwrap(), "friend lists");
        assert_eq!(parse("messaging data", &c).unwrap(), "message content");
        assert!(
            parse("messaging", &c).is_err(),
            "partial phrases do not map"
        );
    }

    #[test]
    fn pattern_finds_the_first_phrase() {
        let re = Regex::new(&format!("(?i)access to (?:{})", pattern(&titan()))).unwrap();
        let m = re
            .find("access to messaging data, including app and non-app friends")
            .unwrap();
        assert_eq!(m.as_str(), "access to messaging data");
    }

    #[test]
    fn the_longest_phrase_wins_whatever_the_category_is_called() {
        let c = vec![
            Category::new("a local".into(), vec![r"9:15\s?pm".into()]).unwrap(),
            Category::new("b tokyo".into(), vec![r"9:15\s?pm \(Tokyo time\)".into()]).unwrap(),
        ];
        let re = Regex::new(&format!("(?i)at ({})", pattern(&c))).unwrap();
        let m = re.captures("struck at 9:15pm (Tokyo time) on").unwrap();
        assert_eq!(&m[1], "9:15pm (Tokyo time)");
        assert_eq!(parse(&m[1], &c).unwrap(), "b tokyo");
    }

    #[test]
    fn bad_phrase_is_reported_with_its_index() {
        let err = Category::new("x".into(), vec!["ok".into(), "(unclosed".into()]).unwrap_err();
        assert_eq!(err.0, 1);
    }
}
