//! Any bytes as a rule file: loading gives a rule set or diagnostics, never
//! a panic or a hang. Seeded from `rules/*.toml`.
#![no_main]

use factlint::files::Files;
use factlint::rules::{Defaults, RuleSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("rules.toml");
    std::fs::write(&path, data).expect("the rule file is written");
    let mut files = Files::new();
    let _ = RuleSet::load(&[path], &Defaults::default(), &mut files);
});
