//! The code action "acknowledge this discrepancy": an edit adding an
//! `accept` entry, with a reason, for the article to the `sources.toml`
//! beside it. The server only proposes the edit; the editor applies it, so
//! the server never writes a file and never touches an article. The
//! manifest is edited with toml_edit so its comments and layout survive.

use super::diagnostics::FindingData;
use super::location::{uri_of, LineIndex};
use crate::corpus::MANIFEST;
use lsp_types::{
    CodeAction, CodeActionKind, CreateFile, CreateFileOptions, Diagnostic, DocumentChangeOperation,
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit,
    TextEdit, WorkspaceEdit,
};
use std::path::Path;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

/// The acknowledgement action for one of the article's diagnostics, if it
/// is a finding the article is accused of.
pub fn action(article: &Path, diagnostic: &Diagnostic) -> Option<CodeAction> {
    let data: FindingData = serde_json::from_value(diagnostic.data.clone()?).ok()?;
    if !data.primary {
        return None;
    }
    let name = article.file_name()?.to_str()?;
    let manifest = article.with_file_name(MANIFEST);
    let existing = match std::fs::read_to_string(&manifest) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) => return None,
    };
    let first_line = diagnostic.message.lines().next().unwrap_or("");
    let reason = format!(
        "Reviewed: {} {first_line} (say here why it stands)",
        data.code
    );
    let new_text = with_acceptance(existing.as_deref().unwrap_or(""), name, &data.fact, &reason)?;
    let uri = uri_of(&manifest)?;
    let edit = TextEdit {
        range: LineIndex::new(existing.as_deref().unwrap_or("")).whole(),
        new_text,
    };
    let text_edit = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier {
            uri: uri.clone(),
            version: None,
        },
        edits: vec![OneOf::Left(edit)],
    };
    let mut operations = Vec::new();
    if existing.is_none() {
        operations.push(DocumentChangeOperation::Op(ResourceOp::Create(
            CreateFile {
                uri,
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            },
        )));
    }
    operations.push(DocumentChangeOperation::Edit(text_edit));
    Some(CodeAction {
        title: format!("Acknowledge `{}` for {name} in {MANIFEST}", data.fact),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(operations)),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// `manifest` with `{ fact, reason }` added to the `accept` list of the
/// article `name`; `None` if the manifest cannot be parsed or has a shape
/// that cannot take the entry (the engine reports why on the next run).
pub fn with_acceptance(manifest: &str, name: &str, fact: &str, reason: &str) -> Option<String> {
    let mut doc: DocumentMut = manifest.parse().ok()?;
    let sources = doc
        .entry("source")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_like_mut()?;
    let entry = sources
        .entry(name)
        .or_insert(Item::Table(Table::new()))
        .as_table_like_mut()?;
    let mut acceptance = InlineTable::new();
    acceptance.insert("fact", fact.into());
    acceptance.insert("reason", reason.into());
    match entry.get_mut("accept") {
        None => {
            let mut list = Array::new();
            list.push(acceptance);
            list.set_trailing_comma(true);
            entry.insert("accept", Item::Value(Value::Array(list)));
        }
        Some(Item::Value(Value::Array(list))) => list.push(acceptance),
        Some(Item::ArrayOfTables(list)) => list.push(acceptance.into_table()),
        Some(_) => return None,
    }
    // One entry per line, as the documentation writes them.
    if let Some(Item::Value(Value::Array(list))) = entry.get_mut("accept") {
        for item in list.iter_mut() {
            item.decor_mut().set_prefix("\n  ");
        }
        list.set_trailing("\n");
        list.set_trailing_comma(true);
    }
    Some(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acceptance_is_added_keeping_what_is_there() {
        let manifest = "# reviewed by the desk\n[source.\"a.txt\"]\noutlet = \"A\"\n";
        let out = with_acceptance(manifest, "a.txt", "ad-spend-2017", "checked").unwrap();
        assert!(out.starts_with("# reviewed by the desk\n"), "{out}");
        assert!(
            out.contains("accept = [\n  { fact = \"ad-spend-2017\", reason = \"checked\" },\n]"),
            "{out}"
        );
        // A second one joins the list.
        let again = with_acceptance(&out, "a.txt", "other", "also").unwrap();
        assert!(again.contains("{ fact = \"ad-spend-2017\""), "{again}");
        assert!(
            again.contains("{ fact = \"other\", reason = \"also\" }"),
            "{again}"
        );
    }

    #[test]
    fn an_article_missing_from_the_manifest_gets_its_entry() {
        let out = with_acceptance("", "b.md", "x", "why").unwrap();
        let parsed: toml::Table = out.parse().unwrap();
        let accept = &parsed["source"]["b.md"]["accept"][0];
        assert_eq!(accept["fact"].as_str(), Some("x"));
        assert_eq!(accept["reason"].as_str(), Some("why"));
        assert_eq!(with_acceptance("not toml [", "b.md", "x", "why"), None);
    }
}
