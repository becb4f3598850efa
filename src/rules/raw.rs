//! The rule file as written: plain serde structs whose fields keep their
//! byte spans, so validation can point at the exact TOML that is wrong.
//! Nothing here is checked beyond TOML's own types; see `super::compile`.
//! A rule file is a list of `[[fact]]` tables, each read as a [`RawFact`].

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: Spanned<String>,
    pub description: Spanned<String>,
    pub kind: Spanned<String>,
    pub pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// A string or an array of strings.
    pub expected: Option<Spanned<toml::Value>>,
    pub cite: Option<String>,
    #[serde(default)]
    pub rejected: Vec<Spanned<RawRejected>>,
    pub min_sources: Option<Spanned<toml::Value>>,
    /// A severity name, or a table of finding kind to severity name.
    pub severity: Option<Spanned<toml::Value>>,
    pub note: Option<String>,
    #[serde(default)]
    pub multivalued: bool,
    pub tolerance: Option<Spanned<toml::Value>>,
    pub similarity: Option<Spanned<toml::Value>>,
    /// Title synonyms of this fact, added to the story's: sets of
    /// wordings that mean one title.
    pub synonyms: Option<Spanned<Vec<Vec<String>>>>,
    /// How far "about" and "nearly" widen a number (0.1 = 10%).
    pub hedge: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub case_sensitive: bool,
    pub choices: Option<Spanned<Choices>>,
    /// `[[fact.example]]` tables.
    #[serde(default)]
    pub example: Vec<Spanned<RawExample>>,

    // The sentence-aware form (see `super::terms`).
    /// Entity ids the value's sentence must name.
    pub about: Option<Words>,
    /// Words near the value, matched in all their forms.
    pub cues: Option<Words>,
    /// What the value belongs to ("2017"); facts of one group compete.
    pub anchors: Option<Words>,
    /// Words that cancel a match in the value's clause.
    pub veto: Option<Words>,
    /// The most words between value and cue.
    pub within: Option<Spanned<toml::Value>>,
    /// `"near"` (the default) or `"apposition"`.
    pub read: Option<Spanned<String>>,
    /// For an apposition: whose titles (an entity id).
    pub of: Option<Spanned<String>>,
    /// Title words beyond the built-in ones, for an apposition.
    pub titles: Option<Words>,
    /// The rival group of facts that compete by anchor.
    pub group: Option<Spanned<String>>,
}

/// `[entity.ID]`: someone or something the story is about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// Proper names: "Reed Hastings", "Hastings".
    pub names: Words,
    /// Descriptions that stand for it: "Netflix's CEO".
    pub roles: Option<Words>,
    pub description: Option<String>,
}

/// A sentence and the values the fact must extract from it (none, for a
/// counter-example).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub text: Spanned<String>,
    pub values: Spanned<Vec<Spanned<String>>>,
    /// For relative dates in the example.
    pub published: Option<Spanned<String>>,
}

/// A choice fact's categories: name = [wording, …].
pub type Choices = BTreeMap<String, Spanned<Vec<Spanned<String>>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRejected {
    pub value: Spanned<String>,
    pub reason: Spanned<String>,
}

/// A list of words or phrases, each with its span.
pub type Words = Spanned<Vec<Spanned<String>>>;
