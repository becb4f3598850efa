//! Proposals as a rule file: the entities the facts are about, then each
//! fact in the sentence form (or, for a quotation, a choice pattern), with
//! what each source states as comments and its examples.

use super::entities::Entity;
use super::proposal::{Draft, How};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A valid, unused id from `words`: lowercase ASCII letters, digits and
/// dashes, starting with a letter.
pub fn fact_id(words: &str, ids: &mut BTreeSet<String>) -> String {
    let mut slug = String::new();
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let mut id = if slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.to_string()
    } else {
        format!("fact-{slug}")
    };
    let base = id.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A TOML basic string; line breaks and tabs become spaces.
pub fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| toml_string(w)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The rule file: `header` (comment lines), the entities the drafts are
/// about or name nearby, then the drafts.
pub fn render(header: &str, entities: &[Entity], drafts: &[Draft]) -> String {
    let mut out = String::from(header);
    let used: BTreeSet<usize> = drafts
        .iter()
        .flat_map(|d| {
            let about = match &d.how {
                How::Near { about, .. } => *about,
                How::Choice { .. } => None,
            };
            about.into_iter().chain(d.nearby.iter().copied())
        })
        .collect();
    for &e in &used {
        let entity = &entities[e];
        let _ = write!(
            out,
            "\n[entity.{}]\nnames = {}\n",
            entity.id,
            list(&entity.names)
        );
    }
    for d in drafts {
        fact(&mut out, entities, d);
    }
    out
}

fn fact(out: &mut String, entities: &[Entity], d: &Draft) {
    let _ = write!(
        out,
        "\n[[fact]]\nid = {}\ndescription = {}\nkind = {}\n",
        toml_string(&d.id),
        toml_string(&d.description),
        toml_string(d.kind)
    );
    match &d.how {
        How::Near { about, cues } => {
            if let Some(e) = about {
                let _ = writeln!(out, "about = {}", list(&[entities[*e].id.clone()]));
            }
            let _ = writeln!(out, "cues = {}", list(cues));
        }
        How::Choice { pattern, choices } => {
            let _ = writeln!(out, "patterns = ['''{pattern}''']\n\n[fact.choices]");
            for (name, wording) in choices {
                let _ = writeln!(out, "{} = ['''{wording}''']", toml_string(name));
            }
        }
    }
    for note in &d.notes {
        let _ = writeln!(out, "# {}", note.replace(['\n', '\r'], " "));
    }
    for e in &d.examples {
        let _ = write!(out, "\n[[fact.example]]\ntext = {}\n", toml_string(&e.text));
        if let Some((written, _)) = &e.published {
            let _ = writeln!(out, "published = {}", toml_string(written));
        }
        let _ = writeln!(out, "values = {}", list(&e.values));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_and_unique() {
        let mut ids = BTreeSet::new();
        assert_eq!(
            fact_id("2022-data-Ireland", &mut ids),
            "fact-2022-data-ireland"
        );
        assert_eq!(fact_id("netflix’s spend", &mut ids), "netflix-s-spend");
        assert_eq!(fact_id("netflix’s spend", &mut ids), "netflix-s-spend-2");
        assert_eq!(fact_id("données", &mut ids), "donn-es");
    }

    #[test]
    fn strings_escape_what_toml_needs() {
        assert_eq!(
            toml_string("a \"b\" \\ c\nd\u{7}"),
            "\"a \\\"b\\\" \\\\ c d\\u0007\""
        );
    }
}
