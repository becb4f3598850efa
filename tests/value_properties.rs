//! Properties of every value reader (issue 14, item 7), on generated input:
//! reading never panics, a value reads the same inside a sentence as on its
//! own, and every interval is ordered. `cargo fuzz` (see fuzz/) explores
//! further; these run in every `cargo test`.

use factlint::value::{self, Context, Kind, Reading, Value};
use proptest::prelude::*;

/// Kinds with a built-in wording (choice facts have only their rule's).
fn kinds() -> impl Strategy<Value = Kind> {
    prop::sample::select(
        Kind::ALL
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| *k != Kind::Choice)
            .collect::<Vec<_>>(),
    )
}

/// A value of `kind` as articles write it.
fn written(kind: Kind) -> BoxedStrategy<String> {
    let n = 1u32..999;
    let month = prop::sample::select(vec![
        "January", "March", "April", "July", "October", "December",
    ]);
    match kind {
        Kind::Money => (
            n,
            prop::sample::select(vec!["$", "€", "£"]),
            prop::sample::select(vec!["", " million", " billion"]),
        )
            .prop_map(|(n, c, m)| format!("{c}{n}{m}"))
            .boxed(),
        Kind::Count => (n, prop::sample::select(vec!["", " million"]))
            .prop_map(|(n, m)| format!("{n}{m} users"))
            .boxed(),
        Kind::Date => (month, 1u32..28, 1990i32..2030)
            .prop_map(|(m, d, y)| format!("{m} {d}, {y}"))
            .boxed(),
        Kind::Year => (1990i32..2030).prop_map(|y| y.to_string()).boxed(),
        Kind::Duration => (
            n,
            prop::sample::select(vec!["years", "months", "weeks", "days"]),
        )
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Frequency => (
            2u32..30,
            prop::sample::select(vec!["weeks", "months", "days"]),
        )
            .prop_map(|(n, u)| format!("every {n} {u}"))
            .boxed(),
        Kind::Length => (
            n,
            prop::sample::select(vec!["km", "kilometres", "miles", "metres"]),
        )
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Speed => (n, prop::sample::select(vec!["km/h", "mph"]))
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Mass => (n, prop::sample::select(vec!["kg", "tonnes", "pounds"]))
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Area => (
            n,
            prop::sample::select(vec!["square feet", "acres", "hectares", "sq km"]),
        )
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Volume => (
            n,
            prop::sample::select(vec!["litres", "gallons", "barrels", "cubic metres"]),
        )
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Temperature => (n, prop::sample::select(vec!["F", "°C", " degrees Celsius"]))
            .prop_map(|(n, u)| format!("{n}{u}"))
            .boxed(),
        Kind::Time => (
            1u32..13,
            0u32..60,
            prop::sample::select(vec!["a.m.", "pm", "am EDT"]),
        )
            .prop_map(|(h, m, z)| format!("{h}:{m:02} {z}"))
            .boxed(),
        Kind::Percent => (n, prop::sample::select(vec!["%", " percent", " per cent"]))
            .prop_map(|(n, u)| format!("{n}{u}"))
            .boxed(),
        Kind::Points => (
            n,
            prop::sample::select(vec!["percentage points", "basis points", "pp"]),
        )
            .prop_map(|(n, u)| format!("{n} {u}"))
            .boxed(),
        Kind::Title | Kind::Choice => {
            prop::sample::select(vec!["chief executive", "co-founder", "chairman"])
                .prop_map(String::from)
                .boxed()
        }
    }
}

fn ordered(v: &Value) -> bool {
    v.interval().is_none_or(|i| i.lo <= i.hi)
}

fn read(kind: Kind, text: &str) -> Result<Reading, String> {
    value::read(kind, text, Context::default(), &[])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_any_text_never_panics_and_intervals_are_ordered(kind in kinds(), text in "\\PC{0,40}") {
        if let Ok(Reading::Value(v)) = read(kind, &text) {
            prop_assert!(ordered(&v), "{kind:?} {text:?} gave {v}");
        }
        for range in value::find_all(kind, &text) {
            let _ = read(kind, &text[range]);
        }
    }

    #[test]
    fn a_written_value_reads_the_same_inside_a_sentence(
        (kind, words) in kinds().prop_filter("titles take their neighbours", |k| *k != Kind::Title).prop_flat_map(|k| (Just(k), written(k))),
        before in prop::sample::select(vec!["", "The filing said ", "According to the report, it was ", "Sources put it at "]),
        after in prop::sample::select(vec!["", ".", ", the report said.", " in all, sources said."]),
    ) {
        let alone = read(kind, &words);
        prop_assume!(matches!(alone, Ok(Reading::Value(_))));
        let Ok(Reading::Value(alone)) = alone else { unreachable!() };
        prop_assert!(ordered(&alone), "{kind:?} {words:?} gave {alone}");
        let sentence = format!("{before}{words}{after}");
        let found: Vec<String> = value::find_all(kind, &sentence)
            .into_iter()
            .filter_map(|r| match read(kind, &sentence[r]) {
                Ok(Reading::Value(v)) => Some(v.to_string()),
                _ => None,
            })
            .collect();
        prop_assert!(
            found.contains(&alone.to_string()),
            "{kind:?}: {words:?} reads {alone} alone, but in {sentence:?} the values found are {found:?}"
        );
    }
}
