//! Findings: what factlint tells an editor, independent of how it is shown.
//!
//! Each kind of finding has a stable code (`FL001`…) that never changes
//! meaning, so that CI configurations, baselines and editors' habits can rely
//! on it. The documentation of each code lives here, next to the code, so
//! `--help`, the docs and the JSON all describe the same thing.

use crate::files::FileId;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of finding, each with its code and documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    Conflict,
    ContradictsReference,
    Unsupported,
    SelfConflict,
    UnreadableValue,
    Split,
    UnusedFact,
    RedundantPattern,
    UncoveredExample,
    UnusedTerm,
    StaleBaseline,
    UnusedAcceptance,
    QuoteDrift,
    SingleSource,
}

impl FindingKind {
    pub const ALL: [FindingKind; 14] = [
        FindingKind::Conflict,
        FindingKind::ContradictsReference,
        FindingKind::Unsupported,
        FindingKind::SelfConflict,
        FindingKind::UnreadableValue,
        FindingKind::Split,
        FindingKind::UnusedFact,
        FindingKind::RedundantPattern,
        FindingKind::UncoveredExample,
        FindingKind::UnusedTerm,
        FindingKind::StaleBaseline,
        FindingKind::UnusedAcceptance,
        FindingKind::QuoteDrift,
        FindingKind::SingleSource,
    ];

    /// The position of the kind in [`FindingKind::ALL`]: the index of its
    /// severity in per-kind tables.
    pub fn index(self) -> usize {
        FindingKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0)
    }

    /// The stable code, e.g. `FL001`.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Conflict => "FL001",
            FindingKind::ContradictsReference => "FL002",
            FindingKind::Unsupported => "FL003",
            FindingKind::SelfConflict => "FL004",
            FindingKind::UnreadableValue => "FL005",
            FindingKind::Split => "FL006",
            FindingKind::UnusedFact => "FL101",
            FindingKind::RedundantPattern => "FL102",
            FindingKind::UncoveredExample => "FL103",
            FindingKind::UnusedTerm => "FL104",
            FindingKind::StaleBaseline => "FL201",
            FindingKind::UnusedAcceptance => "FL202",
            FindingKind::QuoteDrift => "FL301",
            FindingKind::SingleSource => "FL302",
        }
    }

    /// The name used in JSON (`kind`) and in rule files (`severity` tables).
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::ContradictsReference => "contradicts-reference",
            FindingKind::Unsupported => "unsupported",
            FindingKind::SelfConflict => "self-conflict",
            FindingKind::UnreadableValue => "unreadable-value",
            FindingKind::Split => "split",
            FindingKind::UnusedFact => "unused-fact",
            FindingKind::RedundantPattern => "redundant-pattern",
            FindingKind::UncoveredExample => "uncovered-example",
            FindingKind::UnusedTerm => "unused-term",
            FindingKind::StaleBaseline => "stale-baseline",
            FindingKind::UnusedAcceptance => "unused-acceptance",
            FindingKind::QuoteDrift => "quote-drift",
            FindingKind::SingleSource => "single-source",
        }
    }

    pub fn from_name(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The severity a rule gets when it does not set one. Disagreements are
    /// errors; a claim nobody else makes is worth a look but may be a scoop;
    /// words a rule could not read are the rule author's business.
    pub fn default_severity(self) -> Severity {
        match self {
            FindingKind::Conflict
            | FindingKind::ContradictsReference
            | FindingKind::SelfConflict => Severity::Error,
            FindingKind::Unsupported
            | FindingKind::Split
            | FindingKind::UnusedFact
            | FindingKind::RedundantPattern
            | FindingKind::UncoveredExample
            | FindingKind::UnusedAcceptance
            | FindingKind::QuoteDrift => Severity::Warning,
            FindingKind::UnreadableValue
            | FindingKind::UnusedTerm
            | FindingKind::StaleBaseline
            | FindingKind::SingleSource => Severity::Note,
        }
    }

    /// One line: what the finding means.
    pub fn summary(self) -> &'static str {
        self.doc().summary
    }

    /// The full documentation of the code, shown by `factlint explain` and
    /// generated into `docs/codes.md`.
    pub fn doc(self) -> &'static CodeDoc {
        &CODE_DOCS[FindingKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0)]
    }
}

/// The documentation of one finding code, in ruff's fixed sections.
#[derive(Debug)]
pub struct CodeDoc {
    pub summary: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// In the order of [`FindingKind::ALL`].
static CODE_DOCS: [CodeDoc; FindingKind::ALL.len()] = [
    CodeDoc {
        summary: "a source states a value that other sources contradict",
        what: "For one fact, factlint finds the value stated (compatibly) by the most sources: the consensus. A source none of whose claims is compatible with the consensus is reported, with labels on its claim and on one claim of each source in the consensus. When two incompatible values are equally supported there is no consensus, and the finding is a split: one finding, every side labelled.",
        why: "Two outlets cannot both be right about a single-valued fact. An editor should know which article stands alone before it is published or corrected.",
        example: "a.txt: \"In 2017, Netflix agreed to spend $150 million on Facebook ads.\"\nb.txt: \"a guaranteed $150 million in 2017 alone\"\nc.txt: \"In 2017 Netflix would spend $200 million.\"  <- FL001: disagrees with 2 other sources",
        fix: "Check the outlier against the primary source and correct the article. If the values only look different (rounding, a currency conversion), give the fact a `tolerance` or improve its patterns. If sources may rightly state several values, mark the fact `multivalued = true`.",
    },
    CodeDoc {
        summary: "a source states a value that the rule's fact sheet contradicts",
        what: "The claim's value is equal to one of the rule's `rejected` values, or compatible with none of its `expected` values. Labels: the claim, and one claim from each source that agrees with the fact sheet, as evidence.",
        why: "A fact sheet is the newsroom's checked record. A value against it is either an error in the article or an out-of-date fact sheet; either needs an editor.",
        example: "rules: rejected = [{ value = \"Tesla founder\", reason = \"Tesla was incorporated in 2003 by Martin Eberhard and Marc Tarpenning\" }]\narticle: \"billionaire businessman and Tesla founder Elon Musk\"  <- FL002",
        fix: "Correct the article, or, if the fact sheet is wrong or incomplete, correct `expected`/`rejected` in the rule and its `cite`.",
    },
    CodeDoc {
        summary: "a value is stated by fewer sources than the rule requires",
        what: "The rule sets `min_sources`, and fewer sources state this value (or a compatible one). A value the fact sheet confirms is never reported.",
        why: "A precise figure only one outlet prints may be a scoop, or a mistake that others did not repeat. Either way it deserves a second source before it is repeated.",
        example: "rules: min_sources = 2\nepoch-times.txt: \"paid the Mark Zuckerberg-led company $100 million for the privilege\"  <- FL003: no other source states this",
        fix: "Find a second source or a document that confirms it (then add it to `expected` with a `cite`), or attribute the figure clearly in the article. Lower `min_sources` if one source is enough for this fact.",
    },
    CodeDoc {
        summary: "one source states incompatible values for one fact",
        what: "A source states the fact more than once, with values that cannot both be true. The first statement is labelled \"first stated as\", each incompatible later one \"then as\", and each later one that repeats the first value \"and again as\": every place the article states the fact, so an editor sees which version it holds to.",
        why: "An article that contradicts itself confuses readers whatever the truth is, and is the cheapest error to catch.",
        example: "a.txt: \"In 2017 Netflix would spend $150 million. ... in 2017 it would spend $300 million.\"  <- FL004",
        fix: "Make the article consistent. If both statements are true (a person's two titles), mark the fact `multivalued = true`.",
    },
    CodeDoc {
        summary: "a pattern matched words that are not a value of the fact's kind",
        what: "A pattern's `value` group captured words the fact's kind cannot read, e.g. \"lavishly\" for a money fact. The claim takes no part in any comparison.",
        why: "A claim factlint cannot read is a claim it cannot check; the rule author should know.",
        example: "rules: patterns = ['spend (?P<value>\\w+)']\narticle: \"it would spend lavishly\"  <- FL005",
        fix: "Narrow the pattern (use `{value}` so only readable values are captured), or report the wording if factlint should understand it.",
    },
    CodeDoc {
        summary: "sources disagree and no side is a clear majority",
        what: "For one fact, sources state incompatible values, and no value is backed by a clear majority of the sources stating the fact: at least three sources and three quarters of them. factlint then accuses no one: the finding names every side, with its value and the outlets stating it.",
        why: "A conflict (FL001) is an accusation that one outlet got a fact wrong. Two outlets against one, or three against two, is not evidence enough to say who: the minority may be the one that read the filing. A split still tells the editor that the story's sources disagree and where, so it is a warning by default and does not fail CI unless the story asks (`severity.split = \"error\"` in factlint.toml, or per fact).",
        example: "warning[FL006]: sources are split on when the lawsuit was filed\n  = sides: April 2023 (Hindustan Times, OpticFlux); April 2, 2024 (TRT Afrika)",
        fix: "Check the facts behind each side. If one is right, give the fact an `expected` value with a `cite`: a fact sheet always decides, and the wrong side becomes FL002. If the difference is acceptable, acknowledge it in sources.toml.",
    },
    CodeDoc {
        summary: "a fact matched nothing in any source",
        what: "None of the fact's patterns matched in any article of the run.",
        why: "A fact that finds nothing checks nothing: its patterns may be too narrow, or the fact may not belong to this story.",
        example: "rules: patterns = ['Netflix spent {value} on Snapchat']  <- FL101 on a corpus that never says so",
        fix: "Broaden the patterns (add examples of the wordings they should match and run `factlint test`), or remove the fact from this story's rules.",
    },
    CodeDoc {
        summary: "two patterns of one fact always match the same text",
        what: "Over the whole run, this pattern captured exactly the same text as an earlier pattern of the same fact, every time.",
        why: "A redundant pattern costs a scan of every article and suggests the author meant it to match something else.",
        example: "rules: patterns = ['in 2017{gap}spend {value}', 'In 2017{gap}spend {value}']  <- FL102 (patterns are case-insensitive)",
        fix: "Remove one of the patterns, or change it to match the wording it was written for.",
    },
    CodeDoc {
        summary: "an example of a fact is matched by none of its patterns",
        what: "The fact has an example with values, and none of its patterns matches the example's text at all.",
        why: "An example states a wording the fact must handle. If no pattern reaches it, the rule is known to miss that wording in real articles.",
        example: "[[fact.example]]\ntext = \"Netflix's 2017 ad budget was $150 million.\"\nvalues = [\"$150M\"]  <- FL103 when no pattern matches this sentence",
        fix: "Add or extend a pattern so it matches the example, and run `factlint test` to check the value it extracts.",
    },
    CodeDoc {
        summary: "an entity name, cue, anchor or veto of a rule occurs in no source",
        what: "A word or phrase a rule gives (an entity's name or role, a fact's cue, anchor or veto) was found in none of the sources of this run, not even outside the sentences that matter, and in none of the rules' examples.",
        why: "A term that never occurs is usually misspelt or written the way no outlet writes it (\"Netflix Inc\" for \"Netflix\"), so the fact is found in fewer sentences than its author thinks. A synonym kept on purpose for articles still to come is shown by an example that uses it, and then is not reported.",
        example: "[entity.hastings]\nnames = [\"Reed Hastings\", \"Reed Hasting\"]  <- FL104 on \"Reed Hasting\"",
        fix: "Check the spelling against the articles, add a `[[fact.example]]` that uses the term, or remove it. `factlint explain FACT PATH` shows what the matcher saw in an article.",
    },
    CodeDoc {
        summary: "a baseline entry matches no current finding",
        what: "The baseline given with `--baseline` records a finding that this run no longer produces: the article was corrected, the rule changed, or the values moved.",
        why: "A baseline that only grows hides nothing useful and, worse, would silently hide the same finding if it came back with different values. Entries should leave it when their finding does.",
        example: "factlint corpus/ --baseline factlint-baseline.json  <- FL201 after the article with \"$200 million\" was corrected",
        fix: "Run with `--prune-baseline` to rewrite the baseline without the stale entries.",
    },
    CodeDoc {
        summary: "an acknowledgement of a discrepancy matches no finding",
        what: "An `accept` entry in a sources manifest, or a `factlint-disable` comment in a Markdown source, acknowledges findings on a fact that this run does not produce there; or it names the `value` it accepts and the article now states another (that finding is then reported again).",
        why: "Acknowledgements are reviewed decisions. One that matches nothing is out of date, or has a typo in its fact id, and would silently hide a future finding it was never meant for.",
        example: "[source.\"mailonline.txt\"]\naccept = [{ fact = \"hastings-titel\", reason = \"reviewed\" }]  <- FL202: no such finding",
        fix: "Remove the acknowledgement, or correct its fact id. When the value changed, review the new value, then update the `value` of the acknowledgement or remove it.",
    },
    CodeDoc {
        summary: "sources quote the same passage with different words",
        what: "factlint finds every quotation in every source and matches quotations of the same passage across sources, including a short quotation that is part of a longer one. Differences that do not change the words (quote style, case, spacing, punctuation, an ellipsis marking an omission, an attribution splitting the quote) are ignored. Where the words differ, the wording most sources share is the reference and each other source's words get the primary label, with the reference wording labelled in the sources that use it; with no majority, every side is labelled. Needs no rules.",
        why: "The words inside quotation marks are a promise that someone said or wrote exactly them. A misquotation is among the most damaging errors a story can carry, and outlets copying each other spread it.",
        example: "hindustan-times.txt: “…integrations that helped supercharge Facebook’s ad targeting and ranking models,”\nepoch-times.txt:     “supercharge Facebook’s ad targeting and ranking models,”\nmailonline.txt:      “custom partnerships and integrations that helped power Facebook’s ad targeting and ranking models”  <- FL301: “power” ≠ “supercharge”",
        fix: "Check the quotation against the original document and correct it; if the words are a paraphrase, take them out of quotation marks. Tune matching under [quotes] in factlint.toml (min_words, min_similarity) or set its severity there; acknowledge a reviewed case in the sources manifest.",
    },
    CodeDoc {
        summary: "a figure only one source states",
        what: "Every amount of money, percentage and count of people or users that exactly one source states, with its sentence: the editor's checklist of what nobody else corroborates. Figures a rule's fact already covers are left to that fact. Round magnitudes (\"millions of users\") are not figures. Needs no rules.",
        why: "A figure only one outlet prints may be a scoop or a mistake nobody repeated; either way it deserves a second source before it is repeated, and a rule before it is checked.",
        example: "mailonline.txt: \"after data on more than 500 million users was leaked online\"  <- FL302 when no other source gives the figure",
        fix: "Corroborate the figure, or attribute it clearly. Write a rule for it (see `factlint discover`) to check it from now on. Turn the list off or change its severity under [figures] in factlint.toml.",
    },
];

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    /// The normalised value of the claim there, if it has one.
    pub value: Option<String>,
    /// Primary labels mark what is wrong; secondary ones, the evidence.
    pub primary: bool,
    pub message: String,
}

/// One thing an editor should look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// The id of the fact the finding is about.
    pub fact: String,
    /// Makes sense on its own, without the labels.
    pub message: String,
    pub labels: Vec<Label>,
    /// Consensus, fact sheet citation, rule note.
    pub notes: Vec<String>,
}

impl Finding {
    /// The first primary label: where the finding "is", for sorting and
    /// for one-line formats.
    pub fn primary(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = FindingKind::ALL.iter().map(|k| k.code()).collect();
        let names: HashSet<_> = FindingKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(codes.len(), FindingKind::ALL.len());
        assert_eq!(names.len(), FindingKind::ALL.len());
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::from_name(k.name()), Some(k));
        }
    }

    #[test]
    fn severities_order() {
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Note);
    }
}
