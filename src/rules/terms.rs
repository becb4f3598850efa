//! The sentence-aware rule form: entities, and the words that tie a value to
//! its fact.
//!
//! A journalist knows a fact by who it is about and the words around it, not
//! by a sentence shape. So a rule may name entities once per story
//! (`[entity.hastings]` with every way outlets refer to him) and give a fact
//! its subject (`about`), its cue words (matched in all their forms), the
//! anchors its value belongs to (the year of a spend), veto words, and for
//! titles the apposition reading ("Netflix co-founder Reed Hastings"). The
//! matcher (`crate::matcher`) does the rest, sentence by sentence.

use crate::files::FileId;
use crate::text::token;
use std::ops::Range;

/// Words from a rule, matched token by token against an article.
#[derive(Clone, Debug)]
pub struct Term {
    /// As written in the rule file.
    pub text: String,
    /// The term's tokens: folded forms, or stems when `stemmed`.
    pub words: Vec<String>,
    /// The term's tokens as written, folded.
    pub folded: Vec<String>,
    /// Cue words match every form of a word ("spend" matches "spent").
    pub stemmed: bool,
    pub file: FileId,
    pub span: Range<usize>,
}

impl Term {
    pub fn new(text: &str, stemmed: bool, file: FileId, span: Range<usize>) -> Term {
        let tokens = token::tokens(text, 0..text.len());
        let words = tokens
            .iter()
            .map(|t| {
                if stemmed {
                    t.stem.clone()
                } else {
                    t.folded.clone()
                }
            })
            .collect();
        Term {
            text: text.to_string(),
            words,
            folded: tokens.into_iter().map(|t| t.folded).collect(),
            stemmed,
            file,
            span,
        }
    }

    /// Whether the term occurs at token `at` of `tokens`.
    pub fn matches_at(&self, tokens: &[token::Token], at: usize) -> bool {
        !self.words.is_empty()
            && at + self.words.len() <= tokens.len()
            && self.words.iter().enumerate().all(|(k, w)| {
                let t = &tokens[at + k];
                if self.stemmed {
                    &t.stem == w
                } else {
                    &t.folded == w
                }
            })
    }

    /// Every token range where the term occurs.
    pub fn occurrences(&self, tokens: &[token::Token]) -> Vec<Range<usize>> {
        (0..tokens.len())
            .filter(|&i| self.matches_at(tokens, i))
            .map(|i| i..i + self.words.len())
            .collect()
    }

    /// The literals a prefilter looks for: a sentence holding none of them
    /// cannot hold the term. The longest word stands for the term; a stemmed
    /// word also by its irregular forms ("spent" has no "spend" in it).
    pub fn literals(&self) -> Vec<String> {
        let longest = (0..self.words.len())
            .filter(|&i| self.words[i].chars().any(char::is_alphanumeric))
            .max_by_key(|&i| (self.folded[i].len(), std::cmp::Reverse(i)));
        let Some(i) = longest else {
            return Vec::new();
        };
        if !self.stemmed {
            return vec![self.words[i].clone()];
        }
        // A stem need not be in its word ("scrutiny" stems to "scrutini"):
        // every regular form starts with what word and stem share.
        let (word, stem) = (&self.folded[i], &self.words[i]);
        let shared: String = word
            .chars()
            .zip(stem.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect();
        let mut out = vec![if shared.is_empty() {
            word.clone()
        } else {
            shared
        }];
        out.extend(crate::text::forms::irregular_forms(stem).map(str::to_string));
        out
    }
}

/// Someone or something a story is about, with every way outlets name it.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    /// Proper names: "Reed Hastings", "Hastings". An apposition title is
    /// read next to a name.
    pub names: Vec<Term>,
    /// Descriptions that stand for the entity: "Netflix's CEO", "the
    /// streamer".
    pub roles: Vec<Term>,
    /// Who or what it is, for `factlint explain`.
    pub description: Option<String>,
    pub file: FileId,
    pub span: Range<usize>,
}

impl Entity {
    /// Names and roles, each with whether it is a name.
    pub fn mentions(&self) -> impl Iterator<Item = (&Term, bool)> {
        self.names
            .iter()
            .map(|t| (t, true))
            .chain(self.roles.iter().map(|t| (t, false)))
    }
}

/// How a fact's value is found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    /// A value of the fact's kind near a cue word.
    Near,
    /// A title next to the subject's name: "Netflix co-founder Reed
    /// Hastings", "Reed Hastings, Netflix's CEO,".
    Apposition,
}

/// The default reach from a value to its cue, in words.
pub const DEFAULT_WITHIN: usize = 8;

/// The sentence-aware part of a fact.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Entities (indices into `RuleSet::entities`) that must all be named
    /// in the value's sentence.
    pub about: Vec<usize>,
    pub cues: Vec<Term>,
    pub anchors: Vec<Term>,
    pub veto: Vec<Term>,
    /// The most words between a value and its cue.
    pub within: usize,
    pub read: Read,
    /// For an apposition: the organisation whose titles these are; a title
    /// naming it ("Netflix co-founder") is read without it, a title naming
    /// another organisation is not this fact's.
    pub of: Option<usize>,
    /// Title words beyond the built-in list, for an apposition.
    pub titles: Vec<Term>,
    /// Facts with one group compete for a value by their anchors.
    pub group: Option<String>,
}
