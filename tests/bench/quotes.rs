//! How quotation matching scales: synthetic corpora of 1,000 to 10,000
//! sources, each quoting a few passages from a shared pool of "documents"
//! (one quotation in ten has a word changed, so about one source in two
//! drifts) plus quotations of its own. Near-linear
//! matching keeps the time per source flat as the corpus grows.
//!
//! Run with `cargo bench --bench quotes`. It prints; it asserts nothing
//! about time (speed is measured here, never in tests).

use factlint::files::Files;
use factlint::quotes::{self, Settings};
use std::time::Instant;

/// A small deterministic generator (no dependency for a benchmark).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// A vocabulary as varied as news prose: 5,000 distinct words.
fn word(k: usize) -> String {
    format!("w{k}")
}

fn sentence(rng: &mut Lcg, len: usize) -> Vec<String> {
    (0..len).map(|_| word(rng.next(5_000))).collect()
}

fn corpus(n: usize) -> Vec<(String, String)> {
    let mut rng = Lcg(42);
    // The shared pool: 500 passages of 12 to 30 words.
    let pool: Vec<Vec<String>> = (0..500)
        .map(|_| {
            let len = 12 + rng.next(19);
            sentence(&mut rng, len)
        })
        .collect();
    (0..n)
        .map(|i| {
            let mut text = String::new();
            for _ in 0..5 {
                let passage = &pool[rng.next(pool.len())];
                // Quote a part of it; sometimes change one word.
                let start = rng.next(passage.len() / 2);
                let end = passage.len() - rng.next(passage.len() / 3);
                let mut quoted: Vec<String> = passage[start..end].to_vec();
                if rng.next(10) == 0 {
                    let at = rng.next(quoted.len());
                    quoted[at] = "supercharge".to_string();
                }
                text.push_str(&format!("The filing says “{}.” ", quoted.join(" ")));
            }
            let own = sentence(&mut rng, 15);
            text.push_str(&format!("A spokesperson said “{}.”\n", own.join(" ")));
            (format!("source-{i:05}.txt"), text)
        })
        .collect()
}

fn main() {
    println!(
        "{:>8} {:>12} {:>12} {:>10}",
        "sources", "time (ms)", "µs/source", "findings"
    );
    for n in [1_000, 2_000, 5_000, 10_000] {
        let mut files = Files::new();
        let corpus = factlint::corpus::Corpus::from_texts(&mut files, corpus(n));
        let start = Instant::now();
        let findings = quotes::check(&corpus, &Settings::default());
        let elapsed = start.elapsed();
        println!(
            "{n:>8} {:>12.1} {:>12.1} {:>10}",
            elapsed.as_secs_f64() * 1e3,
            elapsed.as_secs_f64() * 1e6 / n as f64,
            findings.len()
        );
    }
}
