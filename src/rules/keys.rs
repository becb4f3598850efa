//! Unknown keys (fields), found before serde reads a table. With
//! `deny_unknown_fields` alone, one misspelt key makes serde give up on the
//! whole `[[fact]]`, hiding every other mistake in it until the key is
//! fixed. Here every unknown key is reported at its span (with the nearest
//! known key) and removed, so the rest of the table is still read and
//! checked in the same run.
//!
//! The known keys are asked of the struct's own `Deserialize`, so a field
//! added to a raw struct is known here without a list to keep in step.

use crate::files::{self, Diagnostic, FileId};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The keys `T` reads, from the field list its derived `Deserialize` hands
/// to `deserialize_struct`.
pub fn of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// Removes the keys of `table` that are not in `known`, reporting each.
/// `nested` gives, for a key holding tables (or arrays of tables), the keys
/// those tables may have; they are cleaned the same way.
pub fn strip(
    table: &mut DeTable<'_>,
    known: &[&str],
    nested: &[(&str, &[&str])],
    what: &str,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) {
    let unknown: Vec<Spanned<std::borrow::Cow<'_, str>>> = table
        .keys()
        .filter(|k| !known.contains(&k.get_ref().as_ref()))
        .cloned()
        .collect();
    for key in unknown {
        let name = key.get_ref().as_ref();
        errors.push(files::error_at(
            file,
            key.span(),
            format!("unknown field `{name}` in {what}"),
            format!(
                "expected one of: {}{}",
                known.join(", "),
                crate::suggest::did_you_mean(name, known.iter().copied())
            ),
        ));
        table.remove(&key);
    }
    for (key, keys) in nested {
        let Some(value) = table
            .iter_mut()
            .find(|(k, _)| k.get_ref().as_ref() == *key)
            .map(|(_, v)| v)
        else {
            continue;
        };
        let inner = format!("{what}'s `{key}`");
        match value.get_mut() {
            DeValue::Table(t) => strip(t, keys, &[], &inner, file, errors),
            DeValue::Array(items) => {
                for item in items.iter_mut() {
                    if let DeValue::Table(t) = item.get_mut() {
                        strip(t, keys, &[], &inner, file, errors);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A deserializer that answers nothing but records the field names a
/// struct asks for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Two {
        first: u8,
        #[serde(rename = "second-one")]
        second: u8,
    }

    #[test]
    fn a_structs_keys_are_its_serde_names() {
        assert_eq!(of::<Two>(), &["first", "second-one"]);
    }
}
