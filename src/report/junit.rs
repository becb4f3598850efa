//! JUnit XML, for CI dashboards: one test suite, one test case per fact
//! (and one per other subject: a quoted passage, the single-source figures,
//! the baseline), failing when any of its findings is at or above the
//! failing severity. The failure's text
//! lists the findings one per line, as the short format does.

use super::Report;
use crate::finding::{Finding, Severity};
use std::io::{self, Write};

pub fn write_junit<W: Write>(
    report: &Report<'_>,
    threshold: Severity,
    out: &mut W,
) -> io::Result<()> {
    let mut cases: Vec<(String, Vec<&Finding>)> = report
        .rules
        .facts
        .iter()
        .map(|f| (f.id.clone(), Vec::new()))
        .collect();
    for f in &report.findings {
        match cases.iter_mut().find(|(id, _)| *id == f.fact) {
            Some((_, list)) => list.push(f),
            None => cases.push((f.fact.clone(), vec![f])),
        }
    }
    let failing = |list: &[&Finding]| list.iter().any(|f| f.severity >= threshold);
    let failures = cases.iter().filter(|(_, l)| failing(l)).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="factlint" tests="{}" failures="{failures}">"#,
        cases.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="factlint" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        cases.len()
    )?;
    for (fact, list) in &cases {
        write!(
            out,
            r#"    <testcase name="{}" classname="factlint.facts""#,
            xml(fact)
        )?;
        if list.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        let lines: Vec<String> = list.iter().map(|f| line(report, f)).collect();
        if failing(list) {
            let first = list
                .iter()
                .find(|f| f.severity >= threshold)
                .map_or("", |f| f.message.as_str());
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                xml(first),
                list[0].kind.code(),
                xml(&lines.join("\n"))
            )?;
        } else {
            writeln!(
                out,
                "      <system-out>{}</system-out>",
                xml(&lines.join("\n"))
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

fn line(report: &Report<'_>, f: &Finding) -> String {
    let place = report.place(f);
    format!("{place}{}[{}] {}", f.severity, f.kind.code(), f.message)
}

/// Escapes text for XML content and attributes; drops characters XML 1.0
/// cannot carry.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_escaping() {
        assert_eq!(super::xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
