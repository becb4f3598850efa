//! Every value reader on any text: the first byte picks the kind, the rest
//! is the words. Reading and finding values never panic, and a numeric
//! value's interval is ordered. Seeded from the articles in `corpus/`.
#![no_main]

use factlint::value::{self, Context, Kind, Reading};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = Kind::ALL[usize::from(pick) % Kind::ALL.len()].0;
    if let Ok(Reading::Value(v)) = value::read(kind, text, Context::default(), &[]) {
        if let Some(i) = v.interval() {
            assert!(!(i.lo > i.hi), "{kind:?} {text:?} gave {i:?}");
        }
    }
    for range in value::find_all(kind, text) {
        let _ = value::read(kind, &text[range], Context::default(), &[]);
    }
});
