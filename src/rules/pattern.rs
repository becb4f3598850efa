//! Pattern placeholders: what lets a rule author write the fact's context and
//! leave the value's many spellings to factlint.
//!
//! - `{value}` becomes `(?P<value>…)` around the regex of everything the
//!   fact's kind understands ("$150 million", "every fortnight", "last
//!   year"…), so one pattern covers every way an outlet may write the value.
//! - `{gap}` is up to 150 characters within one sentence (lazily), `{gap:N}`
//!   up to N. It does not cross `.`, `!`, `?` or a paragraph break, except a
//!   period inside a number or an abbreviation ("$1.5", "U.S.") and a line
//!   break that only wraps the sentence (the next line goes on in lowercase,
//!   or the gap ends there and the pattern goes on at the start of the next
//!   line), so a pattern cannot tie a value to the wrong sentence.
//!
//! Anything else in braces that starts with a letter is an error, so a typo
//! like `{valeu}` is caught when the rule loads, not silently matched as text.
//! Regex repetitions (`{2}`, `{0,3}`) start with a digit and are left alone.

/// The default reach of `{gap}`, in characters.
pub const DEFAULT_GAP: usize = 150;

/// Expands the placeholders in `pattern`; `value` is the kind's value regex.
pub fn expand(pattern: &str, value: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() + value.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        // `\{` is a literal brace; `\p{Lu}` and `\P{L}` are Unicode classes.
        let escaped = (before.ends_with('\\') && !before.ends_with("\\\\"))
            || ((before.ends_with("\\p") || before.ends_with("\\P"))
                && !before.ends_with("\\\\p")
                && !before.ends_with("\\\\P"));
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let starts_name = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        if escaped || !starts_name {
            out.push('{');
            rest = after;
            continue;
        }
        let close = after.find('}').ok_or_else(|| {
            format!("`{{` at byte {open} opens a placeholder that is never closed")
        })?;
        let name = &after[..close];
        out.push_str(&placeholder(name, value)?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `pattern` has a `{value}` placeholder, rather than a `value`
/// group of the author's own: expanded with two different readers, it
/// differs exactly where a placeholder is.
pub fn uses_value(pattern: &str) -> bool {
    expand(pattern, "0").ok() != expand(pattern, "1").ok()
}

fn placeholder(name: &str, value: &str) -> Result<String, String> {
    let (head, arg) = match name.split_once(':') {
        Some((h, a)) => (h, Some(a)),
        None => (name, None),
    };
    match (head, arg) {
        ("value", None) => Ok(format!("(?P<value>{value})")),
        ("gap", None) => Ok(gap(DEFAULT_GAP)),
        ("gap", Some(n)) => match n.parse::<usize>() {
            Ok(n) if n <= 1000 => Ok(gap(n)),
            _ => Err(format!("`{{gap:{n}}}` needs a length from 0 to 1000")),
        },
        _ => Err(format!("unknown placeholder `{{{name}}}`; the placeholders are {{value}}, {{gap}} and {{gap:N}}")),
    }
}

fn gap(n: usize) -> String {
    // A character that does not end a sentence, or a period that does not
    // end one either: followed by a non-space ("1.5", "U.S"), or after a
    // capital ("S. ").
    // A line break that only wraps the sentence is crossed: inside the gap
    // when the next line goes on in lowercase, and at its end whatever
    // follows (the pattern's next token, such as "$200 million", must then
    // start the line). A blank line, a paragraph, is never crossed.
    format!(r"(?:[^.!?\n]|\.\S|(?-i:[A-Z])\.|\n(?-i:[a-z])){{0,{n}}}?\n?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn expands_value_and_gap() {
        let p = expand("spent {value}{gap}in 2017", r"\d+").unwrap();
        assert!(p.starts_with(r"spent (?P<value>\d+)(?:"));
        let re = Regex::new(&p).unwrap();
        let caps = re.captures("spent 150 on U.S. ads in 2017").unwrap();
        assert_eq!(&caps["value"], "150");
    }

    #[test]
    fn gap_stays_in_its_sentence() {
        let re = Regex::new(&expand("Titan{gap}messages", "").unwrap()).unwrap();
        assert!(re.is_match("Titan API, worth $1.5 billion, read messages"));
        assert!(!re.is_match("Titan API launched. Later, messages"));
        assert!(!re.is_match("Titan API launched\n\nmessages"));
        assert!(
            !re.is_match("Titan API launched\nSome say\nmessages"),
            "a line in capitals is a new paragraph"
        );
        assert!(
            re.is_match("Titan API, it says,\nread messages"),
            "a wrapped sentence goes on"
        );
        let spend = Regex::new(&expand(r"spend{gap}\$", "").unwrap()).unwrap();
        assert!(
            spend.is_match("agreed to spend\n$200 million"),
            "the next token may start the next line"
        );
    }

    #[test]
    fn leaves_repetitions_and_escapes_alone() {
        assert_eq!(expand(r"a{2}b{0,3}", "").unwrap(), r"a{2}b{0,3}");
        assert_eq!(expand(r"\{value}", "x").unwrap(), r"\{value}");
        assert_eq!(expand("{gap:5}", "").unwrap(), gap(5));
        assert_eq!(expand(r"\p{Lu}\P{L}", "").unwrap(), r"\p{Lu}\P{L}");
    }

    #[test]
    fn knows_a_value_placeholder_from_an_own_group() {
        assert!(uses_value(r"spent {value}{gap}in 2017"));
        assert!(!uses_value(r"(?P<value>CEO|founder) of Netflix{gap:20}"));
        assert!(!uses_value(r"\{value}"));
    }

    #[test]
    fn typos_are_errors() {
        assert!(expand("{valeu}", "")
            .unwrap_err()
            .contains("unknown placeholder `{valeu}`"));
        assert!(expand("{gap:x}", "").is_err());
        assert!(expand("{value", "").unwrap_err().contains("never closed"));
    }
}
