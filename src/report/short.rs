//! The short format: one line per finding, `path:line:col: severity[code]
//! message`, for terminals, editors' quickfix lists and grep.

use super::Report;
use std::io::{self, Write};

pub fn write_short<W: Write>(report: &Report<'_>, out: &mut W) -> io::Result<()> {
    for f in &report.findings {
        let place = report.place(f);
        write!(
            out,
            "{}",
            if place.is_empty() {
                "factlint: "
            } else {
                &place
            }
        )?;
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
