//! Why a claim was taken, and why a near miss was not: what `factlint
//! explain FACT PATH` and `factlint test` print, so a rule author can see
//! what the matcher saw instead of guessing.

use std::ops::Range;

/// How a claim was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// A regex `pattern` of the fact.
    Pattern,
    /// A value near a cue word, in a sentence naming the subject.
    Cue,
    /// A title next to the subject's name.
    Apposition,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            How::Pattern => "pattern",
            How::Cue => "cue",
            How::Apposition => "apposition",
        }
    }
}

/// The words that tied a value to its fact. Spans are byte ranges of the
/// same text as the claim's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub how: How,
    /// The mention of the fact's (first) subject.
    pub subject: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub anchor: Option<Range<usize>>,
    /// Words between the value and its cue.
    pub distance: Option<usize>,
}

impl Evidence {
    pub fn pattern() -> Evidence {
        Evidence {
            how: How::Pattern,
            subject: None,
            cue: None,
            anchor: None,
            distance: None,
        }
    }

    /// One line, quoting the words from `text`: `cue "paid" (2 words
    /// away), subject "Netflix", anchor "2017"`.
    pub fn describe(&self, text: &str) -> String {
        let quote = |r: &Option<Range<usize>>| {
            r.as_ref()
                .and_then(|r| text.get(r.clone()))
                .map(|w| format!("{:?}", w.split_whitespace().collect::<Vec<_>>().join(" ")))
        };
        let mut parts = vec![format!("by {}", self.how.name())];
        if let Some(c) = quote(&self.cue) {
            match self.distance {
                Some(d) => parts.push(format!("cue {c} ({d} word{} away)", plural(d))),
                None => parts.push(format!("cue {c}")),
            }
        }
        if let Some(s) = quote(&self.subject) {
            parts.push(format!("subject {s}"));
        }
        if let Some(a) = quote(&self.anchor) {
            parts.push(format!("anchor {a}"));
        }
        parts.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A value the matcher considered for a fact and did not take.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    pub fact: usize,
    /// The value's words.
    pub span: Range<usize>,
    pub why: Why,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// The nearest cue is further than the fact's `within`.
    TooFar {
        cue: Range<usize>,
        distance: usize,
        within: usize,
    },
    /// No cue word in the sentence.
    NoCue,
    /// A date before its cue that is not a time adverbial ("emerging this
    /// week following the unsealing").
    NotAdverbial { cue: Range<usize> },
    /// A veto word is in the value's clause.
    Vetoed { veto: Range<usize> },
    /// A rival fact's anchor or cue is nearer.
    Rival { rival: usize, anchor: Range<usize> },
    /// Anchors of two facts are equally near: the value is unplaced.
    Tie,
    /// No anchor of the fact's group near the value: unplaced.
    NoAnchor,
    /// The title names another organisation than the fact's `of`.
    OtherOrganisation { organisation: Range<usize> },
}

impl Why {
    /// A stable name for machine output (the JSON's `why`).
    pub fn code(&self) -> &'static str {
        match self {
            Why::TooFar { .. } => "too-far",
            Why::NoCue => "no-cue",
            Why::NotAdverbial { .. } => "not-adverbial",
            Why::Vetoed { .. } => "vetoed",
            Why::Rival { .. } => "rival",
            Why::Tie => "tie",
            Why::NoAnchor => "no-anchor",
            Why::OtherOrganisation { .. } => "other-organisation",
        }
    }
}

impl Miss {
    /// One line for a person, quoting words from `text`; `fact_id` names
    /// facts by index.
    pub fn describe(&self, text: &str, fact_id: impl Fn(usize) -> String) -> String {
        let q = |r: &Range<usize>| format!("{:?}", text.get(r.clone()).unwrap_or(""));
        let value = q(&self.span);
        match &self.why {
            Why::TooFar {
                cue,
                distance,
                within,
            } => format!(
                "{value}: too far from cue {} ({distance} words; within = {within})",
                q(cue)
            ),
            Why::NoCue => format!("{value}: no cue word in its sentence"),
            Why::NotAdverbial { cue } => format!(
                "{value}: stands before cue {} without \"in\", \"on\" or a comma, so it is not that cue's date",
                q(cue)
            ),
            Why::Vetoed { veto } => format!("{value}: vetoed by {}", q(veto)),
            Why::Rival { rival, anchor } => format!(
                "{value}: taken by `{}`, whose word {} is nearer",
                fact_id(*rival),
                q(anchor)
            ),
            Why::Tie => format!("{value}: unplaced, anchors of two facts are equally near"),
            Why::NoAnchor => format!("{value}: unplaced, no anchor of its group in the sentence"),
            Why::OtherOrganisation { organisation } => {
                format!(
                    "{value}: a title at {}, not this fact's organisation",
                    q(organisation)
                )
            }
        }
    }
}
