//! The four scores of one report against the annotations, for a selection
//! of articles, per annotation fact key and overall (docs/scoring.md gives
//! the definitions for rule authors).
//!
//! factlint reads all the articles at once, as a user runs it on the
//! folder; a selection (02–10, 12–20) only chooses which annotations and
//! findings are scored. A discrepancy is cut to the selection's articles,
//! and counts there while it still has two sides (or is a one-sided
//! discrepancy with its words there).

use super::annotations::{Annotations, Claim, Discrepancy, FactMap, Words, QUOTE_KEY};
use super::report::{article, Finding, Label, Report};
use std::collections::{BTreeMap, BTreeSet};

/// `hit` of `of`: a count and what it is out of.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub hit: usize,
    pub of: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += usize::from(hit);
    }

    /// The share, or `None` out of nothing.
    pub fn share(self) -> Option<f64> {
        (self.of > 0).then(|| self.hit as f64 / self.of as f64)
    }
}

/// The scores of one fact key, or of all.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Annotated values extracted, of those annotated.
    pub claims: Ratio,
    /// Real discrepancies reported with labels on their sides.
    pub discrepancies: Ratio,
    /// Equivalent wordings reported as a conflict, of those annotated.
    pub false_flags: Ratio,
    /// Findings pointing at a real discrepancy, of the findings scored.
    pub findings: Ratio,
}

/// What a rule author looks at to mend a score.
#[derive(Debug, Default)]
pub struct Details {
    pub missed_claims: Vec<String>,
    pub missed_discrepancies: Vec<String>,
    pub false_flags: Vec<String>,
    pub wrong_findings: Vec<String>,
}

/// The key of findings whose fact no annotation key maps to.
pub const UNMAPPED: &str = "(unmapped)";

#[derive(Debug, Default)]
pub struct Score {
    /// By annotation fact key (and [`UNMAPPED`]).
    pub rows: BTreeMap<String, Row>,
    pub overall: Row,
    pub details: Details,
}

/// Scores `report` on the annotations of the articles in `selection`.
pub fn score(
    annotations: &Annotations,
    map: &FactMap,
    report: &Report,
    selection: &BTreeSet<String>,
) -> Score {
    let mut s = Score::default();
    for key in &annotations.keys {
        if key != super::annotations::OTHER_KEY {
            s.rows.insert(key.clone(), Row::default());
        }
    }
    claim_recall(&mut s, annotations, map, report, selection);
    discrepancy_recall(&mut s, annotations, map, report, selection);
    false_flags(&mut s, annotations, report, selection);
    finding_precision(&mut s, annotations, map, report, selection);
    s
}

fn claim_recall(
    s: &mut Score,
    annotations: &Annotations,
    map: &FactMap,
    report: &Report,
    selection: &BTreeSet<String>,
) {
    for c in annotations
        .claims
        .iter()
        .filter(|c| c.scored && selection.contains(&c.words.article))
    {
        let hit = extracted(c, map, report);
        s.rows.entry(c.key.clone()).or_default().claims.add(hit);
        s.overall.claims.add(hit);
        if !hit {
            s.details.missed_claims.push(format!(
                "{} [{}] {:?}",
                c.words.article, c.key, c.words.text
            ));
        }
    }
}

/// Whether factlint reports a claim of a fact mapped from the claim's key
/// on the annotated words. A quotation (`quote_variant`) has no rule: it
/// is found when a quotation-drift finding labels its words.
fn extracted(c: &Claim, map: &FactMap, report: &Report) -> bool {
    let ids = map.ids(&c.key);
    let claimed = report
        .claims
        .iter()
        .any(|r| ids.contains(&r.fact) && c.words.overlaps(article(&r.path), &r.range()));
    let quoted = || {
        report
            .findings
            .iter()
            .filter(|f| f.is_quote_drift())
            .flat_map(|f| &f.labels)
            .any(|l| c.words.overlaps(article(&l.path), &l.range()))
    };
    claimed || (c.key == QUOTE_KEY && quoted())
}

/// The discrepancy's sides within `selection`, or `None` when the cut
/// leaves too little to disagree: a two-sided discrepancy needs two sides.
fn sides_in<'a>(d: &'a Discrepancy, selection: &BTreeSet<String>) -> Option<Vec<Vec<&'a Words>>> {
    let sides: Vec<Vec<&Words>> = d
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .filter(|w| selection.contains(&w.article))
                .collect()
        })
        .filter(|g: &Vec<&Words>| !g.is_empty())
        .collect();
    let needed = d.groups.len().min(2);
    (sides.len() >= needed && needed > 0).then_some(sides)
}

/// Whether `finding` may report discrepancy `d`: a finding of a fact its
/// key maps to, or, for a quotation discrepancy (strength B, or the
/// `quote_variant` key), quotation drift.
fn may_report(finding: &Finding, d: &Discrepancy, map: &FactMap) -> bool {
    map.ids(&d.key).contains(&finding.fact)
        || (finding.is_quote_drift() && (d.quotation || d.key == QUOTE_KEY))
}

fn touches(label: &Label, side: &[&Words]) -> bool {
    side.iter()
        .any(|w| w.overlaps(article(&label.path), &label.range()))
}

fn discrepancy_recall(
    s: &mut Score,
    annotations: &Annotations,
    map: &FactMap,
    report: &Report,
    selection: &BTreeSet<String>,
) {
    for d in &annotations.discrepancies {
        let Some(sides) = sides_in(d, selection) else {
            continue;
        };
        let wanted = sides.len().min(2);
        let found = report
            .findings
            .iter()
            .filter(|f| f.is_scored() && may_report(f, d, map))
            .any(|f| {
                let touched = sides
                    .iter()
                    .filter(|side| f.labels.iter().any(|l| touches(l, side)))
                    .count();
                touched >= wanted
            });
        s.rows
            .entry(d.key.clone())
            .or_default()
            .discrepancies
            .add(found);
        s.overall.discrepancies.add(found);
        if !found {
            s.details
                .missed_discrepancies
                .push(format!("{} [{}] {}", d.id, d.key, d.description));
        }
    }
}

fn false_flags(
    s: &mut Score,
    annotations: &Annotations,
    report: &Report,
    selection: &BTreeSet<String>,
) {
    for e in &annotations.equivalences {
        let spans: Vec<&Words> = e
            .spans
            .iter()
            .filter(|w| selection.contains(&w.article))
            .collect();
        if spans.len() < 2 {
            continue;
        }
        let flagged = report
            .findings
            .iter()
            .filter(|f| f.is_conflict())
            .find(|f| accuses_between(f, &spans));
        s.rows
            .entry(e.key.clone())
            .or_default()
            .false_flags
            .add(flagged.is_some());
        s.overall.false_flags.add(flagged.is_some());
        if let Some(f) = flagged {
            s.details.false_flags.push(format!(
                "{} [{}] reported by {} ({}): {}",
                e.id, e.key, f.code, f.fact, f.message
            ));
        }
    }
}

/// A primary label on one of `spans` and another label on a different one.
fn accuses_between(f: &Finding, spans: &[&Words]) -> bool {
    f.labels.iter().enumerate().any(|(i, accused)| {
        accused.primary
            && spans.iter().enumerate().any(|(a, sa)| {
                sa.overlaps(article(&accused.path), &accused.range())
                    && f.labels.iter().enumerate().any(|(j, other)| {
                        j != i
                            && spans.iter().enumerate().any(|(b, sb)| {
                                b != a && sb.overlaps(article(&other.path), &other.range())
                            })
                    })
            })
    })
}

/// The words `finding` would be right to point at: the sides of every real
/// discrepancy it may report, and every scored claim annotated under such a
/// discrepancy's key in one of its articles (a discrepancy annotates the
/// clearest words; a finding on another statement of the same disputed
/// fact is still right). A finding of a fact no key maps to has none.
fn right_words<'a>(
    annotations: &'a Annotations,
    map: &FactMap,
    finding: &Finding,
) -> Vec<&'a Words> {
    let reported: Vec<&Discrepancy> = annotations
        .discrepancies
        .iter()
        .filter(|d| may_report(finding, d, map))
        .collect();
    let sides = reported.iter().flat_map(|d| d.groups.iter().flatten());
    let claims = annotations
        .claims
        .iter()
        .filter(|c| {
            c.scored
                && reported
                    .iter()
                    .any(|d| d.key == c.key && d.articles.contains(&c.words.article))
        })
        .map(|c| &c.words);
    sides.chain(claims).collect()
}

fn finding_precision(
    s: &mut Score,
    annotations: &Annotations,
    map: &FactMap,
    report: &Report,
    selection: &BTreeSet<String>,
) {
    for f in report.findings.iter().filter(|f| f.is_scored()) {
        let primary: Vec<&Label> = f
            .labels
            .iter()
            .filter(|l| l.primary && selection.contains(article(&l.path)))
            .collect();
        if primary.is_empty() {
            continue;
        }
        let right = right_words(annotations, map, f);
        let correct = primary.iter().any(|l| touches(l, &right));
        let keys = if f.is_quote_drift() {
            vec![QUOTE_KEY]
        } else {
            map.keys_of(&f.fact)
        };
        let keys = if keys.is_empty() {
            vec![UNMAPPED]
        } else {
            keys
        };
        for key in keys {
            s.rows
                .entry(key.to_string())
                .or_default()
                .findings
                .add(correct);
        }
        s.overall.findings.add(correct);
        if !correct {
            let l = primary[0];
            s.details.wrong_findings.push(format!(
                "{}:{} {} [{}] {:?}: {}",
                article(&l.path),
                l.line,
                f.code,
                f.fact,
                l.text,
                f.message
            ));
        }
    }
}
