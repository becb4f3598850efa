//! `factlint-disable` comments: reviewed discrepancies acknowledged where
//! they are written, in a Markdown or HTML source's own comments.

use super::Suppression;
use crate::files::{self, Diagnostic, FileId};

/// `<!-- factlint-disable FACT reason -->` … `<!-- factlint-enable FACT -->`
/// and `<!-- factlint-disable-next-line FACT reason -->` in a Markdown
/// source. FACT may be `all`. A reason is required: an acknowledgement
/// nobody can explain later is not a review. `value="…"` before the reason
/// accepts that value only, as a manifest entry's `value` does.
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
    let mut open: Vec<(String, Accepted, std::ops::Range<usize>)> = Vec::new();
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
        let rest = c.get(3).map_or("", |m| m.as_str()).trim();
        let Some(accepted) = accepted(rest) else {
            errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what} {fact}` has a `value=` without its closing quote"),
                "write the value in double quotes: value=\"president\"",
            ));
            continue;
        };
        match what {
            "enable" => match open.iter().rposition(|(f, _, _)| *f == fact) {
                Some(at) => {
                    let (fact, accepted, span) = open.remove(at);
                    out.push(Suppression {
                        fact,
                        reason: accepted.reason,
                        file,
                        covers: span.end..whole.start,
                        value: accepted.value,
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
            _ if accepted.reason.is_empty() => errors.push(files::error_at(
                file,
                whole,
                format!("`factlint-{what} {fact}` has no reason"),
                "say why the discrepancy is acceptable",
            )),
            "disable" => open.push((fact, accepted, whole)),
            _ => {
                // The line after the comment's line.
                let next = text[whole.end..]
                    .find('\n')
                    .map_or(text.len(), |i| whole.end + i + 1);
                let end = text[next..].find('\n').map_or(text.len(), |i| next + i);
                out.push(Suppression {
                    fact,
                    reason: accepted.reason,
                    file,
                    covers: next..end,
                    value: accepted.value,
                    span: whole,
                });
            }
        }
    }
    // A disable never enabled runs to the end of the source.
    for (fact, accepted, span) in open {
        out.push(Suppression {
            fact,
            reason: accepted.reason,
            file,
            covers: span.end..text.len(),
            value: accepted.value,
            span,
        });
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// What a comment accepts: a value, if it names one, and why.
struct Accepted {
    value: Option<String>,
    reason: String,
}

/// `value="president" reviewed 5 April` or just the reason; `None` when
/// the value's quote never closes.
fn accepted(rest: &str) -> Option<Accepted> {
    let Some(quoted) = rest.strip_prefix("value=\"") else {
        return Some(Accepted {
            value: None,
            reason: rest.to_string(),
        });
    };
    let (value, reason) = quoted.split_once('"')?;
    Some(Accepted {
        value: Some(value.trim().to_string()),
        reason: reason.trim().to_string(),
    })
}
