//! `factlint server`: a Language Server Protocol server, so that an editor
//! shows a discrepancy while the article is written, not after a separate
//! run. It is a thin layer over the engine: the same configuration lookup,
//! rules, extraction, comparison and acknowledgements as the command line,
//! with the story kept loaded between edits.
//!
//! - [`protocol`]: the message loop, debounce and cancellation.
//! - [`state`]: the engine cache — stories loaded once, one article
//!   re-checked per edit.
//! - [`diagnostics`], [`hover`], [`acknowledge`], [`rule_files`]: one file
//!   per feature.
//! - [`location`]: URIs and positions, the protocol's units.
//!
//! The library does not touch stdio: the binary hands [`serve`] a
//! connection (over stdio in use, in memory in the benchmark).

pub mod acknowledge;
pub mod diagnostics;
pub mod hover;
pub mod location;
pub mod protocol;
pub mod rule_files;
pub mod state;

use lsp_server::Connection;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, HoverProviderCapability,
    InitializeParams, PositionEncodingKind, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};
use std::time::Duration;

/// How the server schedules work; clients may set these in
/// `initializationOptions`.
#[derive(Clone, Debug)]
pub struct Options {
    /// How long after the last edit an article is checked.
    pub debounce: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            debounce: Duration::from_millis(150),
        }
    }
}

impl Options {
    /// `{ "debounceMs": 150 }`; anything else keeps the default.
    fn from_client(value: Option<&serde_json::Value>) -> Options {
        let mut options = Options::default();
        if let Some(ms) = value
            .and_then(|v| v.get("debounceMs"))
            .and_then(|v| v.as_u64())
        {
            options.debounce = Duration::from_millis(ms);
        }
        options
    }
}

/// What the server offers: full-text synchronisation (articles are
/// short), hover, and the acknowledgement quick fix.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Runs the server on `connection` until the client shuts it down.
pub fn serve(connection: Connection) -> Result<(), String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("no initialize request: {e}"))?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("invalid initialize request: {e}"))?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "factlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("initialisation failed: {e}"))?;
    let options = Options::from_client(params.initialization_options.as_ref());
    protocol::Server::new(connection, options).run()
}
