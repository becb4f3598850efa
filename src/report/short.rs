//! The short format: one line per finding, `path:line:col: severity[code]
//! message`, for terminals, editors' quickfix lists and grep.

use super::Report;
use std::io::{self, Write};

pub fn write_short<W: Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    for f in &report.findings {
        match f.primary() {
            Some(l) => {
                let pos = report.files.position(l.file, l.span.start);
                write!(
                    out,
                    "{}:{}:{}: ",
                    report.files.name(l.file),
                    pos.line,
                    pos.column
                )?;
            }
            None => write!(out, "factlint: ")?,
        }
        writeln!(
            out,
            "{}[{}] {} [{}]",
            f.severity,
            f.kind.code(),
            f.message,
            f.fact
        )?;
    }
    writeln!(out, "summary: {}", report.summary().line())
}
