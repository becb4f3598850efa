//! The score as a plain-text table, one row per annotation fact key, for a
//! rule author reading `cargo test --test score -- --nocapture`.

use super::measure::{Ratio, Row, Score};
use std::fmt::Write;

/// What the columns count (docs/scoring.md defines them exactly).
pub const LEGEND: &str = "\
claim recall:  annotated values extracted under a mapped fact
discrepancies: real discrepancies reported with labels on two sides (or the one side)
false flags:   equivalent wordings reported as a conflict
precision:     errors and warnings (FL1xx excluded) that point at a real discrepancy
";

/// `title`, then the table of `score`.
pub fn render(title: &str, score: &Score) -> String {
    let mut out = format!("{title}\n");
    let width = score
        .rows
        .keys()
        .map(String::len)
        .chain([7])
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "{:width$}  {:>13}  {:>13}  {:>13}  {:>13}",
        "fact key", "claim recall", "discrepancies", "false flags", "precision"
    );
    for (key, row) in &score.rows {
        if *row != Row::default() {
            line(&mut out, key, row, width);
        }
    }
    line(&mut out, "overall", &score.overall, width);
    out
}

fn line(out: &mut String, key: &str, row: &Row, width: usize) {
    let _ = writeln!(
        out,
        "{key:width$}  {:>13}  {:>13}  {:>13}  {:>13}",
        cell(row.claims),
        cell(row.discrepancies),
        cell(row.false_flags),
        cell(row.findings),
    );
}

/// `3/4  75%`, or `-` when there is nothing to count.
fn cell(r: Ratio) -> String {
    match r.share() {
        None => "-".to_string(),
        Some(share) => format!("{}/{} {:>4.0}%", r.hit, r.of, share * 100.0),
    }
}
