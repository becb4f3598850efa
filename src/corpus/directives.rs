//! `factlint-disable` comments: reviewed discrepancies acknowledged where
//! they are written, in a Markdown or HTML source's own comments.

use super::Suppression;
use crate::files::{self, Diagnostic, FileId};

/// `<!-- factlint-disable FACT reason -->` … `<!-- factlint-enable FACT -->`
/// and `<!-- factlint-disable-next-line FACT reason -->` in a Markdown
/// source. FACT may be `all`. A reason is required: an acknowledgement
/// nobody can explain later is not a review.
pub(super) fn directives(
    text: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Suppression> {
    static COMMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"<!--\s*factlint-(disable-next-line|disable|enable)(?:\s+([^\s>]+))?(.*?)-->",
        )
        .unwrap()
    });
    let mut out = Vec::new();
    let mut open: Vec<(String, String, std::ops::Range<usize>)> = Vec::new();
    for c in COMMENT.captures_iter(text) {
        let whole = c.get(0).map(|m| m.range()).unwrap_or_default();
        let what = c.get(1).map_or("", |m| m.as_str());
        let Some(fact) = c.get(2).map(|m| m.as_str().to_string()) else {
            errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what}` names no fact"),
                "write the fact id, or `all`",
            ));
            continue;
        };
        let reason = c.get(3).map_or("", |m| m.as_str()).trim().to_string();
        match what {
            "enable" => match open.iter().rposition(|(f, _, _)| *f == fact) {
                Some(at) => {
                    let (fact, reason, span) = open.remove(at);
                    out.push(Suppression {
                        fact,
                        reason,
                        file,
                        covers: span.end..whole.start,
                        value: None,
                        span,
                    });
                }
                None => errors.push(files::error_at(
                    file,
                    whole,
                    format!(
                        "`factlint-enable {fact}` without a `factlint-disable {fact}` before it"
                    ),
                    "nothing to enable",
                )),
            },
            _ if reason.is_empty() => errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what} {fact}` has no reason"),
                "say why the discrepancy is acceptable",
            )),
            "disable" => open.push((fact, reason, whole)),
            _ => {
                // The line after the comment's line.
                let next = text[whole.end..]
                    .find('\n')
                    .map_or(text.len(), |i| whole.end + i + 1);
                let end = text[next..].find('\n').map_or(text.len(), |i| next + i);
                out.push(Suppression {
                    fact,
                    reason,
                    file,
                    covers: next..end,
                    value: None,
                    span: whole,
                });
            }
        }
    }
    // A disable never enabled runs to the end of the source.
    for (fact, reason, span) in open {
        out.push(Suppression {
            fact,
            reason,
            file,
            covers: span.end..text.len(),
            value: None,
            span,
        });
    }
    out.sort_by_key(|d| d.span.start);
    out
}
