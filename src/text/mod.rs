//! The text model: an article cut once into sentences and clauses, and,
//! where a rule needs them, tokens with their folded forms and stems.
//!
//! Everything here works on a `&str` and gives byte spans into it. The
//! text is the *analysed* text of a source: for a plain-text article its
//! bytes as published; for formats with markup, the reader's plain text,
//! whose offsets the source maps back to the published bytes. So nothing
//! here knows about markup, and every span it gives can be reported.

pub mod forms;
pub mod sentence;
pub mod token;

pub use sentence::{sentences, Sentence};
pub use token::{tokens, Token};
