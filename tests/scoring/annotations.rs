//! The dev corpus's hand annotations, located in the articles' bytes.
//!
//! The annotations give words, not offsets, so every span is found in its
//! article here, once; the scores then compare byte ranges. Words that occur
//! more than once in an article stand for every occurrence: the annotator
//! could not say which one was meant, so any of them counts.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

/// The annotation fact key for quotations worded differently between
/// articles: found by the rule-free quotation-drift check, not by a rule.
pub const QUOTE_KEY: &str = "quote_variant";

/// The annotation fact key for statements of no story fact: never scored.
pub const OTHER_KEY: &str = "other";

/// `annotations.toml` as written. Unknown fields are refused so that a new
/// kind of annotation is noticed, not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    facts: BTreeMap<String, String>,
    claim: Vec<ClaimEntry>,
    discrepancy: Vec<DiscrepancyEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimEntry {
    article: String,
    fact: String,
    text: String,
    #[allow(dead_code)]
    value: String,
    #[serde(default)]
    context: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanEntry {
    article: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscrepancyEntry {
    id: String,
    fact: String,
    should_flag: bool,
    strength: String,
    #[serde(default)]
    #[allow(dead_code)]
    ambiguous: bool,
    description: String,
    articles: Vec<String>,
    #[serde(default)]
    groups: Vec<Vec<SpanEntry>>,
    #[serde(default)]
    spans: Vec<SpanEntry>,
}

/// Annotated words in one article, with every place they occur.
#[derive(Debug, Clone)]
pub struct Words {
    pub article: String,
    pub text: String,
    pub places: Vec<Range<usize>>,
}

impl Words {
    /// Whether `range` of `article` shares at least one byte with the words.
    pub fn overlaps(&self, article: &str, range: &Range<usize>) -> bool {
        self.article == article
            && self
                .places
                .iter()
                .any(|p| p.start < range.end && range.start < p.end)
    }
}

/// One annotated statement of a fact.
#[derive(Debug)]
pub struct Claim {
    pub key: String,
    pub words: Words,
    /// Not context and not `other`: a value factlint should extract.
    pub scored: bool,
}

/// A real disagreement (`should_flag = true`): each group is one side.
#[derive(Debug)]
pub struct Discrepancy {
    pub id: String,
    pub key: String,
    pub description: String,
    /// Strength B: the disagreement is in the wording of a quotation.
    pub quotation: bool,
    pub articles: Vec<String>,
    pub groups: Vec<Vec<Words>>,
}

/// Equivalent wordings (`should_flag = false`) that must not be reported
/// as a conflict.
#[derive(Debug)]
pub struct Equivalence {
    pub id: String,
    pub key: String,
    pub spans: Vec<Words>,
}

/// The annotations of one corpus folder, located.
#[derive(Debug)]
pub struct Annotations {
    /// The fact keys of the `[facts]` table.
    pub keys: BTreeSet<String>,
    /// The articles' file names, in order.
    pub articles: Vec<String>,
    pub claims: Vec<Claim>,
    pub discrepancies: Vec<Discrepancy>,
    pub equivalences: Vec<Equivalence>,
}

impl Annotations {
    /// Reads `annotations.toml` in `dir` and finds every annotated text in
    /// its article. Every problem is returned, not only the first: a broken
    /// annotation file should be mended in one pass.
    pub fn load(dir: &Path) -> Result<Annotations, Vec<String>> {
        let path = dir.join("annotations.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| vec![format!("cannot read {}: {e}", path.display())])?;
        let file: File =
            toml::from_str(&text).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        let texts = article_texts(dir).map_err(|e| vec![e])?;
        let mut locator = Locator {
            texts: &texts,
            problems: Vec::new(),
        };
        let claims = file
            .claim
            .iter()
            .map(|c| Claim {
                key: c.fact.clone(),
                scored: !c.context && c.fact != OTHER_KEY,
                words: locator.words(&c.article, &c.text, "claim"),
            })
            .collect();
        let mut annotations = Annotations {
            keys: file.facts.keys().cloned().collect(),
            articles: texts.keys().cloned().collect(),
            claims,
            discrepancies: Vec::new(),
            equivalences: Vec::new(),
        };
        for d in &file.discrepancy {
            annotations.add_discrepancy(d, &mut locator);
        }
        let mut problems = locator.problems;
        problems.extend(annotations.unknown_keys());
        if problems.is_empty() {
            Ok(annotations)
        } else {
            Err(problems)
        }
    }

    /// Adds a discrepancy entry as a [`Discrepancy`] (`should_flag = true`)
    /// or an [`Equivalence`].
    fn add_discrepancy(&mut self, d: &DiscrepancyEntry, locator: &mut Locator) {
        let what = format!("discrepancy {}", d.id);
        if d.should_flag {
            if d.groups.is_empty() || !d.spans.is_empty() {
                locator.problems.push(format!(
                    "{what}: should_flag = true needs groups, not spans"
                ));
            }
            let groups = d
                .groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|s| locator.words(&s.article, &s.text, &what))
                        .collect()
                })
                .collect();
            self.discrepancies.push(Discrepancy {
                id: d.id.clone(),
                key: d.fact.clone(),
                description: d.description.clone(),
                quotation: d.strength == "B",
                articles: d.articles.clone(),
                groups,
            });
        } else {
            if d.spans.len() < 2 || !d.groups.is_empty() {
                locator.problems.push(format!(
                    "{what}: should_flag = false needs two spans or more, not groups"
                ));
            }
            let spans = d
                .spans
                .iter()
                .map(|s| locator.words(&s.article, &s.text, &what))
                .collect();
            self.equivalences.push(Equivalence {
                id: d.id.clone(),
                key: d.fact.clone(),
                spans,
            });
        }
    }

    /// Claims and discrepancies whose fact key is not in `[facts]`.
    fn unknown_keys(&self) -> Vec<String> {
        let claims = self.claims.iter().map(|c| ("a claim", &c.key));
        let discrepancies = self.discrepancies.iter().map(|d| (d.id.as_str(), &d.key));
        let equivalences = self.equivalences.iter().map(|e| (e.id.as_str(), &e.key));
        claims
            .chain(discrepancies)
            .chain(equivalences)
            .filter(|(_, key)| !self.keys.contains(*key))
            .map(|(what, key)| format!("{what}: fact key `{key}` is not in [facts]"))
            .collect()
    }
}

/// Finds annotated words in the articles, noting what cannot be found.
struct Locator<'a> {
    texts: &'a BTreeMap<String, String>,
    problems: Vec<String>,
}

impl Locator<'_> {
    fn words(&mut self, article: &str, text: &str, what: &str) -> Words {
        let places = match self.texts.get(article) {
            None => {
                self.problems
                    .push(format!("{what}: no article `{article}`"));
                Vec::new()
            }
            Some(body) => {
                let places: Vec<_> = body
                    .match_indices(text)
                    .map(|(at, _)| at..at + text.len())
                    .collect();
                if places.is_empty() {
                    self.problems
                        .push(format!("{what}: {text:?} is not in {article}"));
                }
                places
            }
        };
        Words {
            article: article.to_string(),
            text: text.to_string(),
            places,
        }
    }
}

/// The `.txt` articles of `dir` by file name.
fn article_texts(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut texts = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            texts.insert(name, text);
        }
    }
    Ok(texts)
}

/// Which factlint facts state each annotation key (`fact-map.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactMap {
    pub facts: BTreeMap<String, Vec<String>>,
}

impl FactMap {
    pub fn load(path: &Path) -> Result<FactMap, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The factlint facts of `key` (none for a key not listed).
    pub fn ids(&self, key: &str) -> &[String] {
        self.facts.get(key).map_or(&[], Vec::as_slice)
    }

    /// The annotation keys a factlint fact is mapped from.
    pub fn keys_of(&self, fact: &str) -> Vec<&str> {
        self.facts
            .iter()
            .filter(|(_, ids)| ids.iter().any(|id| id == fact))
            .map(|(key, _)| key.as_str())
            .collect()
    }
}
