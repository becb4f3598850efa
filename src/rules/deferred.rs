//! A pattern's regex: checked when the rules load, compiled when first
//! needed.
//!
//! `{value}` pastes the kind's whole value reader (hundreds of wordings)
//! into every pattern, so compiling a pattern costs milliseconds while
//! checking what the author wrote costs microseconds. With a thousand facts
//! compiling every pattern at load took half a minute, and an article is a
//! candidate for few of them. So at load a pattern is parsed with a small
//! stand-in for the value reader ([`Checked::parse`]): syntax errors, the
//! missing `value` group and the literals the prefilter needs all come from
//! that parse. The full regex is compiled on the first article whose
//! literals admit the pattern, once, whichever thread gets there first.
//!
//! Most patterns an article's literals admit still do not match it, and
//! compiling the full regex only to learn that is what made start-up slow.
//! So a pattern that uses `{value}` also has a *skeleton*: the same pattern
//! with [`VALUE_ANYTHING`] for the value reader. The reader matches a
//! subset of what that matches, so where the skeleton finds nothing the
//! full pattern cannot either; the skeleton is the author's part alone,
//! small and quick to compile, and the full regex is compiled only for a
//! text the skeleton matches.
//!
//! Two kinds of pattern are still compiled at load, so that their errors
//! name the file and span as every rule error does: one whose syntax tree
//! is large enough to approach the size limit, and one that sets flags for
//! the rest of the pattern (`(?-u)…{value}`), which would apply to the
//! value reader too and which the stand-in cannot stand for.

use crate::prefilter::Needs;
use regex::{Regex, RegexBuilder};
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::OnceLock;

/// Compiled patterns may be large (`{gap}` repeats a character class); this
/// is generous but still bounds a pathological rule.
pub const REGEX_SIZE_LIMIT: usize = 64 << 20;

/// What stands for the value reader when a pattern is checked: no literal
/// (so the prefilter asks nothing of the value), tiny, and valid under any
/// flags the author may set.
pub const VALUE_STAND_IN: &str = "[0-9a-z]*";

/// What stands for the value reader in a skeleton: any text at all, so
/// that every match of the full pattern is also one of the skeleton's.
pub const VALUE_ANYTHING: &str = "(?s:.)*?";

/// A syntax tree of more (estimated) automaton states than this is
/// compiled at load: the built-in value readers stay far below the size
/// limit, so a pattern can only exceed it by its own part, and this leaves
/// a wide margin for the estimate's error.
const EAGER_STATES: usize = 200_000;

/// A pattern as checked at load: what the prefilter needs, and whether it
/// must be compiled at once.
pub struct Checked {
    pub needs: Needs,
    pub has_value_group: bool,
    pub compile_now: bool,
}

impl Checked {
    /// Parses `stand_in`, the pattern expanded with [`VALUE_STAND_IN`] for
    /// `{value}`, as the regex crate would (case-insensitively unless
    /// `case_sensitive`). The error is the regex crate's reason, without
    /// the pattern it quotes.
    pub fn parse(stand_in: &str, case_sensitive: bool) -> Result<Checked, String> {
        let ast = ast::parse::Parser::new()
            .parse(stand_in)
            .map_err(|e| reason(&e.to_string()))?;
        let hir = regex_syntax::hir::translate::TranslatorBuilder::new()
            .case_insensitive(!case_sensitive)
            .build()
            .translate(stand_in, &ast)
            .map_err(|e| reason(&e.to_string()))?;
        Ok(Checked {
            needs: Needs::of_regex(&hir),
            has_value_group: has_group(&hir, "value"),
            compile_now: sets_flags(&ast) || states(&hir) > EAGER_STATES,
        })
    }
}

/// The last line of a regex error, which says what is wrong.
pub fn reason(text: &str) -> String {
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

/// The regex of a pattern, compiled at most once.
#[derive(Debug)]
pub struct DeferredRegex {
    /// The full expansion, flags included.
    text: String,
    compiled: OnceLock<Option<Regex>>,
    /// A cheaper regex that matches wherever the full one does, if the
    /// pattern has one (see the module documentation).
    skeleton: Option<Box<DeferredRegex>>,
}

impl DeferredRegex {
    /// A regex compiled on first use.
    pub fn later(text: String) -> DeferredRegex {
        DeferredRegex {
            text,
            compiled: OnceLock::new(),
            skeleton: None,
        }
    }

    /// A regex compiled on first use, and then only for a text that
    /// `skeleton` matches. `skeleton` must match wherever `text` does:
    /// the same pattern, flags included, with [`VALUE_ANYTHING`] for the
    /// value reader.
    pub fn with_skeleton(text: String, skeleton: String) -> DeferredRegex {
        DeferredRegex {
            skeleton: Some(Box::new(DeferredRegex::later(skeleton))),
            ..DeferredRegex::later(text)
        }
    }

    /// A regex compiled now; the error is the regex crate's reason.
    pub fn now(text: String) -> Result<DeferredRegex, String> {
        let regex = build(&text).map_err(|e| reason(&e.to_string()))?;
        Ok(DeferredRegex {
            text,
            compiled: OnceLock::from(Some(regex)),
            skeleton: None,
        })
    }

    /// The pattern as compiled, flags and value reader included.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The compiled regex. `None` only if a pattern that passed the checks
    /// at load still fails to compile, which the margins above make
    /// impossible in practice; such a pattern then finds nothing rather
    /// than stopping a run halfway.
    pub fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| build(&self.text).ok())
            .as_ref()
    }

    /// The compiled regex, to search `haystack` with; `None` when the
    /// skeleton shows it cannot match there, so a pattern no text matches
    /// is never compiled. Once compiled, the regex is its own test.
    pub fn for_text(&self, haystack: &str) -> Option<&Regex> {
        if self.compiled.get().is_none() {
            if let Some(skeleton) = self.skeleton.as_ref().and_then(|s| s.get()) {
                if !skeleton.is_match(haystack) {
                    return None;
                }
            }
        }
        self.get()
    }

    /// Whether the full regex has been compiled (for tests).
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }
}

fn build(text: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(text).size_limit(REGEX_SIZE_LIMIT).build()
}

/// Whether a capture group named `name` is in the tree.
fn has_group(hir: &Hir, name: &str) -> bool {
    match hir.kind() {
        HirKind::Capture(c) => c.name.as_deref() == Some(name) || has_group(&c.sub, name),
        HirKind::Repetition(r) => has_group(&r.sub, name),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(|s| has_group(s, name))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
    }
}

/// Whether the pattern sets flags that reach past their own group
/// (`(?-u)` as an item, not `(?-u:…)`).
fn sets_flags(ast: &Ast) -> bool {
    match ast {
        Ast::Flags(_) => true,
        Ast::Group(g) => sets_flags(&g.ast),
        Ast::Repetition(r) => sets_flags(&r.ast),
        Ast::Concat(c) => c.asts.iter().any(sets_flags),
        Ast::Alternation(a) => a.asts.iter().any(sets_flags),
        _ => false,
    }
}

/// A rough upper estimate of the automaton states a tree compiles to: a
/// Unicode class becomes a few states per range (its UTF-8 sequences), a
/// bounded repetition one copy per allowed repeat.
fn states(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(l) => l.0.len(),
        HirKind::Class(Class::Unicode(c)) => 4 * c.ranges().len() + 1,
        HirKind::Class(Class::Bytes(_)) => 1,
        HirKind::Capture(c) => states(&c.sub) + 2,
        HirKind::Concat(subs) => subs.iter().map(states).fold(0, usize::saturating_add),
        HirKind::Alternation(subs) => subs
            .iter()
            .map(states)
            .fold(subs.len(), usize::saturating_add),
        HirKind::Repetition(r) => {
            let copies = match r.max {
                Some(max) => max as usize,
                None => r.min as usize + 1,
            }
            .max(1);
            states(&r.sub).saturating_add(1).saturating_mul(copies)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_and_the_value_group_come_from_the_stand_in() {
        let err = Checked::parse(r"spend ([0-9a-z]*", false).err().unwrap();
        assert_eq!(err, "unclosed group");
        let ok = Checked::parse(r"spend (?P<value>[0-9a-z]*)", false).unwrap();
        assert!(ok.has_value_group && !ok.compile_now);
        assert!(
            !Checked::parse(r"spend \$\d+", false)
                .unwrap()
                .has_value_group
        );
    }

    #[test]
    fn the_stand_in_asks_nothing_of_the_value() {
        let c = Checked::parse(r"Titan API (?P<value>[0-9a-z]*) access", true).unwrap();
        assert_eq!(
            c.needs,
            Needs::AllOf(vec![
                vec![b"titan api ".to_vec()],
                vec![b" access".to_vec()]
            ])
        );
    }

    #[test]
    fn large_or_flag_setting_patterns_compile_at_load() {
        assert!(
            Checked::parse(r"(?:\w{1000}){1000}", true)
                .unwrap()
                .compile_now
        );
        assert!(
            Checked::parse(r"(?-u)x(?P<value>[0-9a-z]*)", true)
                .unwrap()
                .compile_now
        );
        assert!(
            !Checked::parse(r"(?-u:\b)x{0,150}", true)
                .unwrap()
                .compile_now
        );
        let err = DeferredRegex::now(r"(?:\w{1000}){1000}".into())
            .err()
            .unwrap();
        assert!(err.contains("exceeds size limit"), "{err}");
    }

    #[test]
    fn the_full_regex_is_compiled_only_for_a_text_its_skeleton_matches() {
        let full = "(?i)spent (?P<value>[0-9]+ million) on ads".to_string();
        let skeleton = format!("(?i)spent (?P<value>{VALUE_ANYTHING}) on ads");
        let r = DeferredRegex::with_skeleton(full, skeleton);
        assert!(r.for_text("It spent heavily.").is_none());
        assert!(!r.is_compiled());
        assert!(
            r.for_text("It spent all it had on ads").is_some(),
            "the skeleton matches"
        );
        assert!(r.is_compiled());
        let re = r.for_text("Netflix spent 150 million on ads.").unwrap();
        assert_eq!(
            &re.captures("Netflix spent 150 million on ads.").unwrap()["value"],
            "150 million"
        );
        assert!(
            r.for_text("nothing here").is_some(),
            "once compiled, no second test"
        );
    }

    #[test]
    fn a_deferred_regex_compiles_once() {
        let r = DeferredRegex::later("(?i)a(?P<value>b)".into());
        assert!(r.get().unwrap().is_match("AB"));
        assert!(std::ptr::eq(r.get().unwrap(), r.get().unwrap()));
    }
}
