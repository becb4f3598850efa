//! One database of every file a diagnostic may point into: the articles and
//! the rule files alike, so that a finding can label three articles and a
//! configuration error can label a TOML line with the same machinery.

use codespan_reporting::files::{Files as _, SimpleFiles};
use std::ops::Range;
use std::sync::Arc;

/// Index of a file in [`Files`].
pub type FileId = usize;

/// A codespan diagnostic whose labels point into [`Files`].
pub type Diagnostic = codespan_reporting::diagnostic::Diagnostic<FileId>;

/// The file database. Texts are shared with the [`crate::corpus::Source`]s
/// rather than copied, so a clone (the language server's, per edit) is
/// cheap.
#[derive(Clone, Default)]
pub struct Files {
    inner: SimpleFiles<String, Arc<str>>,
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Files {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: Arc<str>) -> FileId {
        self.inner.add(name.into(), text)
    }

    /// The underlying codespan database, for rendering.
    pub fn codespan(&self) -> &SimpleFiles<String, Arc<str>> {
        &self.inner
    }

    pub fn name(&self, id: FileId) -> &str {
        self.inner
            .get(id)
            .map(|f| f.name().as_str())
            .unwrap_or("<unknown>")
    }

    pub fn text(&self, id: FileId) -> &str {
        self.inner
            .get(id)
            .map(|f| f.source().as_ref())
            .unwrap_or("")
    }

    /// The text of `range` in file `id`, or "" if the range is not valid
    /// there (which would be a bug, but must not panic a report).
    pub fn slice(&self, id: FileId, range: Range<usize>) -> &str {
        self.text(id).get(range).unwrap_or("")
    }

    /// Where `offset` falls in file `id`.
    pub fn position(&self, id: FileId, offset: usize) -> Position {
        match self.location(id, offset) {
            Ok(loc) => Position {
                line: loc.line_number,
                column: loc.column_number,
            },
            Err(_) => Position { line: 1, column: 1 },
        }
    }
}

/// An error about file `file` at `span`: the shape of every configuration
/// error, so each one points at the offending TOML.
pub fn error_at(
    file: FileId,
    span: Range<usize>,
    message: impl Into<String>,
    label: impl Into<String>,
) -> Diagnostic {
    let (message, label) = (message.into(), label.into());
    use codespan_reporting::diagnostic::Label;
    Diagnostic::error()
        .with_message(message)
        .with_labels(vec![Label::primary(file, span).with_message(label)])
}

/// An error with no place to point at (a missing path, an unreadable file):
/// the message names the file instead.
pub fn error(message: impl Into<String>) -> Diagnostic {
    let message: String = message.into();
    Diagnostic::error().with_message(message)
}

/// Turns a TOML syntax or shape error into a diagnostic at its span.
/// `heading` says what was being read ("invalid TOML in rules/a.toml").
pub fn toml_error(file: FileId, heading: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().to_string();
    match err.span() {
        Some(span) => error_at(file, span, heading, message),
        None => error(format!("{heading}: {message}")),
    }
}

/// Codespan reads files through this, not through the [`SimpleFiles`]
/// inside, so every format (the rendered diagnostics as much as the
/// one-line ones) counts columns alike: a UTF-8 byte order mark opening a
/// file is skipped, never counted as a character of line 1.
impl<'a> codespan_reporting::files::Files<'a> for Files {
    type FileId = FileId;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<String, codespan_reporting::files::Error> {
        self.inner.name(id)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.inner.source(id)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        self.inner.line_index(id, byte_index)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let range = self.inner.line_range(id, line_index)?;
        let bom = '\u{feff}'.len_utf8();
        if line_index == 0 && self.text(id).starts_with('\u{feff}') && range.end >= bom {
            return Ok(bom..range.end);
        }
        Ok(range)
    }
}
