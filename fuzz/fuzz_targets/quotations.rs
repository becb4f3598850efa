//! Quotation matching over any set of articles: the input is split into up
//! to four articles at NUL bytes. Never panics. Seeded from `corpus/`.
#![no_main]

use factlint::corpus::Corpus;
use factlint::files::Files;
use factlint::quotes::{self, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let texts = text
        .split('\0')
        .take(4)
        .enumerate()
        .map(|(i, t)| (format!("{i}.txt"), t.to_string()))
        .collect();
    let mut files = Files::new();
    let corpus = Corpus::from_texts(&mut files, texts);
    let _ = quotes::check(&corpus, &Settings::default());
});
