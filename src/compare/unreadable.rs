//! FL005: a pattern caught words its fact's kind cannot read. Usually the
//! pattern is too loose, or an outlet wrote the value in a way factlint does
//! not understand yet; either way the rule author should know, because the
//! claim takes no part in any comparison.

use super::View;
use crate::finding::{Finding, FindingKind, Label};

pub(super) fn check(view: &View<'_>, findings: &mut Vec<Finding>) {
    for (claim, why) in &view.unreadable {
        let source = &view.corpus.sources[claim.source];
        let words = source.words(claim.span.clone());
        let label = Label {
            file: source.file,
            span: claim.span.clone(),
            value: None,
            primary: true,
            message: why.to_string(),
        };
        findings.push(view.finding(
            FindingKind::UnreadableValue,
            format!(
                "cannot read {:?} as a {} value for {}",
                words,
                view.fact.kind.name(),
                view.fact.description
            ),
            vec![label],
            vec![format!(
                "this claim is left out of every comparison; refine the patterns of `{}`",
                view.fact.id
            )],
        ));
    }
}
