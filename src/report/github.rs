//! GitHub Actions workflow commands: `::error file=…,line=…::message`, so
//! findings appear as annotations on the pull request. GitHub shows at most
//! ten errors, ten warnings and ten notices per step; the rest are printed
//! as plain log lines and a closing line says how many were not annotated.

use super::Report;
use crate::finding::Severity;
use std::io::{self, Write};

/// Annotations GitHub shows per severity and step.
pub const LIMIT: usize = 10;

pub fn write_github<W: Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    let mut shown = [0usize; 3];
    let mut skipped = [0usize; 3];
    for f in &report.findings {
        let (command, slot) = match f.severity {
            Severity::Error => ("error", 0),
            Severity::Warning => ("warning", 1),
            Severity::Note => ("notice", 2),
        };
        let mut message = f.message.clone();
        for l in f.labels.iter().filter(|l| !l.primary) {
            let pos = report.files.position(l.file, l.span.start);
            message.push_str(&format!(
                "\n{}:{}:{}: {}",
                report.files.name(l.file),
                pos.line,
                pos.column,
                l.message
            ));
        }
        for n in &f.notes {
            message.push_str(&format!("\n= {n}"));
        }
        let title = format!("factlint {} ({})", f.kind.code(), f.fact);
        let mut props = vec![];
        if let Some(l) = f.primary() {
            let start = report.files.position(l.file, l.span.start);
            let end = report.files.position(l.file, l.span.end);
            props.push(format!(
                "file={}",
                escape_property(report.files.name(l.file))
            ));
            props.push(format!("line={}", start.line));
            props.push(format!("col={}", start.column));
            props.push(format!("endLine={}", end.line));
            props.push(format!("endColumn={}", end.column));
        }
        props.push(format!("title={}", escape_property(&title)));
        if shown[slot] < LIMIT {
            shown[slot] += 1;
            writeln!(
                out,
                "::{command} {}::{}",
                props.join(","),
                escape_data(&message)
            )?;
        } else {
            skipped[slot] += 1;
            let place = report.place(f);
            writeln!(
                out,
                "{place}{}[{}] {}",
                f.severity,
                f.kind.code(),
                f.message
            )?;
        }
    }
    if skipped.iter().any(|n| *n > 0) {
        writeln!(
            out,
            "factlint: {} errors, {} warnings and {} notes were not annotated (GitHub shows {LIMIT} of each per step); they are listed above",
            skipped[0], skipped[1], skipped[2]
        )?;
    }
    Ok(())
}

/// Escapes a command's message: `%`, carriage return and line feed.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_githubs_rules() {
        assert_eq!(escape_data("50% of\r\nthe"), "50%25 of%0D%0Athe");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("plain, with: colons"), "plain, with: colons");
    }
}
