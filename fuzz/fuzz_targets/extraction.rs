//! The project's own rules over any article: extraction and every check
//! after it never panic. Seeded from the articles in `corpus/`.
#![no_main]

use factlint::config::Config;
use factlint::corpus::Corpus;
use factlint::files::Files;
use factlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<(RuleSet, Config, Files)> = LazyLock::new(|| {
    let mut files = Files::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let config = Config::resolve(None, &[dir], &[], &mut files)
        .unwrap_or_else(|_| panic!("the configuration resolves"));
    let rules = factlint::load_rules(&config, &mut files)
        .unwrap_or_else(|_| panic!("the project's rules load"));
    (rules, config, files)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rules, config, files) = &*RULES;
    let mut files = files.clone();
    let corpus = Corpus::from_texts(
        &mut files,
        vec![
            ("fuzzed.txt".to_string(), text.to_string()),
            ("other.txt".to_string(), text.chars().rev().collect()),
        ],
    );
    let extraction = factlint::extract::extract_all(rules, &corpus);
    let _ = factlint::findings(
        rules,
        &corpus,
        &extraction.claims,
        Some(&extraction.seen),
        config,
    );
});
