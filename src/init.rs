//! `factlint init [DIR]`: a starting point for a new story: a
//! `factlint.toml`, a `rules/` folder with one commented example fact of
//! each kind (all valid, all with passing examples), and a `sources.toml`
//! listing the articles found. It never overwrites a file: without
//! `--force` it refuses if any exists; with `--force` it writes only the
//! missing ones. Each file is written atomically.

use crate::corpus::{display, MANIFEST, SOURCE_EXTENSIONS};
use std::path::{Path, PathBuf};

/// What `init` did, for the binary to print.
pub struct Outcome {
    pub created: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
}

/// Why `init` did nothing.
pub enum Refusal {
    /// These files exist and `--force` was not given.
    Exists(Vec<PathBuf>),
    Io(PathBuf, std::io::Error),
}

pub fn init(dir: &Path, force: bool) -> Result<Outcome, Refusal> {
    let plan: Vec<(PathBuf, String)> = vec![
        (dir.join(crate::config::CONFIG_FILE), CONFIG.to_string()),
        (dir.join("rules").join("example.toml"), RULES.to_string()),
        (dir.join(MANIFEST), manifest(dir)),
    ];
    let existing: Vec<PathBuf> = plan
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.clone())
        .collect();
    if !existing.is_empty() && !force {
        return Err(Refusal::Exists(existing));
    }
    let mut outcome = Outcome {
        created: Vec::new(),
        kept: existing,
    };
    for (path, text) in plan {
        if outcome.kept.contains(&path) {
            continue;
        }
        crate::atomic::create(&path, text.as_bytes()).map_err(|e| Refusal::Io(path.clone(), e))?;
        outcome.created.push(path);
    }
    Ok(outcome)
}

/// A manifest with an entry for each article in `dir`.
fn manifest(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| SOURCE_EXTENSIONS.contains(&x))
        })
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut out = String::from(
        "# What is known about each article but not printed in it. Never edit the\n# articles themselves: factlint points at their exact bytes.\n#\n# published: YYYY-MM-DD, YYYY-MM, YYYY, or a range START/END when only\n# approximately known. Relative dates (\"last year\") are resolved against it.\n",
    );
    if names.is_empty() {
        out.push_str("\n# No .txt or .md articles were found here yet. Add one entry per article:\n#\n# [source.\"article.txt\"]\n# outlet = \"The Daily Example\"\n# url = \"https://example.com/story\"\n# published = \"2024-04-03\"\n");
    }
    for name in names {
        out.push_str(&format!(
            "\n[source.{name:?}]\n# outlet = \"\"\n# url = \"\"\n# published = \"\"\n"
        ));
    }
    out
}

/// What the binary prints about an outcome.
pub fn describe(outcome: &Outcome, dir: &Path) -> String {
    let mut out = String::new();
    for p in &outcome.created {
        out.push_str(&format!("created {}\n", display(p)));
    }
    for p in &outcome.kept {
        out.push_str(&format!("kept {} (exists)\n", display(p)));
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {}, ", display(dir))
    };
    out.push_str(&format!(
        "next: {cd}edit rules/example.toml, then run `factlint test` and `factlint .`\n"
    ));
    out
}

const CONFIG: &str = r#"# factlint configuration. Paths are relative to this file.

# Where the rules of this story are: a folder of *.toml files, or a list.
rules = "rules"

# What facts inherit when they do not say otherwise.
[defaults]
min_sources = 1          # sources needed before a value counts as corroborated
tolerance = 0.0          # relative slack for money, counts and durations
similarity = 0.85        # how alike two title words must be to match
# severity = { unsupported = "warning" }
"#;

const RULES: &str = r#"# Example rules for one story. Name each entity once, with every way outlets
# refer to it; then a fact says what it is *about* (entities), the *cue* words
# that say it (every form matches: "file" also finds "filed"), and factlint
# finds a value of the fact's kind near them in the same sentence, however the
# sentence is built. Regex `patterns` ({value} stands for every way of writing
# a value) remain for shapes the sentence form cannot say. Examples run with
# `factlint test`; `factlint explain FACT PATH` shows why each value was taken.
# Reference: docs/rules.md in the factlint repository.

[entity.acme]
description = "the company the story is about"
names = ["Acme"]
roles = ["the company", "the firm"]

[entity.deal]
names = ["deal", "takeover", "acquisition"]

[entity.lawsuit]
names = ["lawsuit", "suit", "complaint", "class action"]

[entity.breach]
names = ["breach", "leak", "hack"]

[entity.partnership]
names = ["partnership", "alliance", "relationship"]

[entity.doe]
description = "Jane Doe, Acme's chief executive"
names = ["Jane Doe", "Doe"]

[[fact]]
id = "deal-value"
description = "what the deal was worth"
kind = "money"                 # "$150M" = "$150 million"; "over $1 billion" is a range
about = ["deal"]               # an entity named in the value's sentence
cues = ["worth", "value", "price"]
# expected = "$150 million"    # the fact sheet's value
# cite = "the company's filing"
[[fact.example]]
text = "The deal, worth $150 million, closed on Friday."
values = ["$150M"]
[[fact.example]]
text = "Analysts said the deal was valued at about $1.2 billion."
values = ["about $1.2 billion"]
[[fact.example]]
text = "The company spent $40 million on ads."
values = []                    # a counter-example: nothing to extract

[[fact]]
id = "users-affected"
description = "how many users the breach affected"
kind = "count"
about = ["breach"]
cues = ["affect", "expose"]
[[fact.example]]
text = "The breach affected 533 million users."
values = ["533 million"]
[[fact.example]]
text = "More than 500 million accounts were exposed in the leak."
values = ["more than 500 million"]
[[fact.example]]
text = "The app has 500 million users."
values = []

[[fact]]
id = "filing-date"
description = "when the lawsuit was filed"
kind = "date"                  # "April 2023"; "last year" needs the article's published date
about = ["lawsuit"]
cues = ["file", "bring", "lodge"]
[[fact.example]]
text = "The lawsuit, filed in April 2023, alleges misconduct."
values = ["April 2023"]
[[fact.example]]
text = "The complaint was filed last year."
published = "2024-04-03"
values = ["2023"]
[[fact.example]]
text = "The lawsuit was unsealed in March 2024."
values = []

[[fact]]
id = "founding-year"
description = "the year the company was founded"
kind = "year"                  # "April 2011" and "2011" agree
about = ["acme"]
cues = ["founded", "establish", "set up"]
expected = "1997"
[[fact.example]]
text = "Acme was founded in 1997."
values = ["1997"]
[[fact.example]]
text = "The company was established in August 1997 in California."
values = ["1997"]
[[fact.example]]
text = "The company went public in 2002."
values = []

[[fact]]
id = "partnership-length"
description = "how long the partnership lasted"
kind = "duration"              # "nearly a decade" = "almost ten years"
about = ["partnership"]
cues = ["last", "run", "span"]
[[fact.example]]
text = "The partnership ran for nearly a decade."
values = ["almost ten years"]
[[fact.example]]
text = "Their alliance lasted 18 months."
values = ["18 months"]
[[fact.example]]
text = "The partnership was announced in 2015."
values = []

[[fact]]
id = "report-frequency"
description = "how often reports were sent"
kind = "frequency"             # "every two weeks" = "every fortnight" = "bi-weekly"
about = ["acme"]
cues = ["report"]
veto = ["reported"]            # "is reported to have spent … annually" is not a report
[[fact.example]]
text = "Acme sent a written report every two weeks."
values = ["every fortnight"]
[[fact.example]]
text = "The firm filed bi-weekly reports."
values = ["every two weeks"]
[[fact.example]]
text = "Acme is reported to have spent $5 million annually."
values = []

[[fact]]
id = "ceo-title"
description = "how Jane Doe is described at Acme"
kind = "title"                 # "co-founder" = "cofounder"; "CEO" = "chief executive"
multivalued = true             # several titles can all be true
about = ["doe"]
read = "apposition"            # "Acme co-founder Jane Doe", "Jane Doe, Acme's CEO,"
of = "acme"                    # titles at Acme; a title elsewhere is not this fact's
rejected = [{ value = "president", reason = "the company has no president; Doe is chief executive" }]
[[fact.example]]
text = "Co-founder Jane Doe said the company would appeal."
values = ["cofounder"]
[[fact.example]]
text = "Acme's chief executive, Jane Doe, declined to comment."
values = ["CEO"]
[[fact.example]]
text = "Jane Doe declined to comment."
values = []

[[fact]]
id = "data-shared"
description = "what data the partner could access"
kind = "choice"                # categories and the wording that means each
patterns = ['''(?:access|read)\s+(?:to\s+)?{gap:40}{value}''']
expected = "contact lists"
[fact.choices]
"contact lists" = ['''contact lists?''', '''friends[’']?\s+lists?''', '''address books?''']
"message content" = ['''(?:private|direct) messages''', '''message inboxes''', '''chats''']
[[fact.example]]
text = "The partner could access users' contact lists."
values = ["contact lists"]
[[fact.example]]
text = "It had access to private messages."
values = ["message content"]
[[fact.example]]
text = "It had access to the building."
values = []
"#;
