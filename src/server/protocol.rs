//! The protocol loop: one thread reads messages in order and answers them.
//! Checking one article against a loaded story takes milliseconds, so no
//! worker threads are needed; what keeps the editor responsive is
//! scheduling:
//!
//! - **Debounce.** An edit does not check at once: the article is due
//!   `debounce` after the last edit, so a burst of keystrokes costs one
//!   check.
//! - **Cancellation.** A request the client cancelled before it was
//!   reached is answered "cancelled" without being run; a check that a newer
//!   edit of the same article (already waiting in the queue) would make
//!   stale is dropped, never published.

use super::location::{path_of, LineIndex};
use super::state::{Analysis, Stories};
use super::{acknowledge, diagnostics, hover, rule_files, Options};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    Cancel, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionOrCommand, CodeActionParams, Diagnostic, HoverParams, PublishDiagnosticsParams, Uri,
};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// An open document.
struct Document {
    path: Option<PathBuf>,
    text: String,
    version: i32,
    /// When it is to be checked: set by an edit, cleared by the check.
    due: Option<Instant>,
    /// The last check of an article, for hover and code actions; `None`
    /// when the buffer changed since.
    analysis: Option<Analysis>,
}

impl Document {
    fn is_rule_file(&self) -> bool {
        self.path.as_deref().is_some_and(is_rule_file)
    }
}

/// A `.toml` file other than the manifest and the configuration.
fn is_rule_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.extension().is_some_and(|x| x == "toml")
        && name != crate::corpus::MANIFEST
        && name != crate::config::CONFIG_FILE
}

pub struct Server {
    connection: Connection,
    options: Options,
    stories: Stories,
    documents: HashMap<Uri, Document>,
    /// Messages read ahead (to look for cancellations and newer edits)
    /// and not handled yet, in arrival order.
    queue: VecDeque<Message>,
}

enum Next {
    Message(Message),
    Due,
    Closed,
}

impl Server {
    pub fn new(connection: Connection, options: Options) -> Self {
        Server {
            connection,
            options,
            stories: Stories::default(),
            documents: HashMap::new(),
            queue: VecDeque::new(),
        }
    }

    /// Answers messages until the client shuts the server down or the
    /// connection closes.
    pub fn run(mut self) -> Result<(), String> {
        loop {
            let deadline = self.documents.values().filter_map(|d| d.due).min();
            match self.next(deadline) {
                Next::Closed => return Ok(()),
                Next::Due => self.check_due(),
                Next::Message(Message::Request(request)) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    if self.take_cancel(&request.id) {
                        self.reply(Response::new_err(
                            request.id,
                            ErrorCode::RequestCanceled as i32,
                            "cancelled by the client".to_string(),
                        ));
                    } else {
                        self.request(request);
                    }
                }
                Next::Message(Message::Notification(n)) if n.method == Exit::METHOD => {
                    return Ok(())
                }
                Next::Message(Message::Notification(n)) => self.notification(n),
                Next::Message(Message::Response(_)) => {}
            }
        }
    }

    fn next(&mut self, deadline: Option<Instant>) -> Next {
        if let Some(m) = self.queue.pop_front() {
            return Next::Message(m);
        }
        let received = match deadline {
            None => self.connection.receiver.recv().map_err(|_| true),
            Some(at) => self
                .connection
                .receiver
                .recv_timeout(at.saturating_duration_since(Instant::now()))
                .map_err(|e| e == RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(m) => Next::Message(m),
            Err(true) => Next::Closed,
            Err(false) => Next::Due,
        }
    }

    /// Reads every message already sent, without waiting.
    fn read_ahead(&mut self) {
        while let Ok(m) = self.connection.receiver.try_recv() {
            self.queue.push_back(m);
        }
    }

    /// Whether the client cancelled request `id`; removes the cancellation.
    fn take_cancel(&mut self, id: &RequestId) -> bool {
        self.read_ahead();
        let at = self.queue.iter().position(|m| match m {
            Message::Notification(n) if n.method == Cancel::METHOD => {
                let cancelled = n.params.get("id").cloned();
                let id = serde_json::to_value(id).ok();
                cancelled.is_some() && cancelled == id
            }
            _ => false,
        });
        at.map(|at| self.queue.remove(at)).is_some()
    }

    /// Whether an edit of `uri` is waiting: a check now would be stale.
    fn newer_edit_waiting(&mut self, uri: &Uri) -> bool {
        self.read_ahead();
        self.queue.iter().any(|m| match m {
            Message::Notification(n) if n.method == DidChangeTextDocument::METHOD => n
                .params
                .pointer("/textDocument/uri")
                .and_then(|u| u.as_str())
                .is_some_and(|u| u == uri.as_str()),
            _ => false,
        })
    }

    fn reply(&self, response: Response) {
        let _ = self.connection.sender.send(Message::Response(response));
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self
            .connection
            .sender
            .send(Message::Notification(Notification::new(
                N::METHOD.to_string(),
                params,
            )));
    }

    fn notification(&mut self, n: Notification) {
        let now = Instant::now();
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = parse::<DidOpenTextDocument>(n.params) else {
                    return;
                };
                let doc = p.text_document;
                self.documents.insert(
                    doc.uri.clone(),
                    Document {
                        path: path_of(&doc.uri),
                        text: doc.text,
                        version: doc.version,
                        due: Some(now),
                        analysis: None,
                    },
                );
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = parse::<DidChangeTextDocument>(n.params) else {
                    return;
                };
                let debounce = self.options.debounce;
                if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    // Full synchronisation: the last change is the text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        doc.text = change.text;
                    }
                    doc.version = p.text_document.version;
                    doc.due = Some(now + debounce);
                    doc.analysis = None;
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = parse::<DidCloseTextDocument>(n.params) else {
                    return;
                };
                if self.documents.remove(&p.text_document.uri).is_some() {
                    self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                        uri: p.text_document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    });
                }
            }
            DidSaveTextDocument::METHOD => {
                let Ok(p) = parse::<DidSaveTextDocument>(n.params) else {
                    return;
                };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.changed_on_disk(&[path]);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) = parse::<DidChangeWatchedFiles>(n.params) else {
                    return;
                };
                let paths: Vec<PathBuf> =
                    p.changes.iter().filter_map(|c| path_of(&c.uri)).collect();
                self.changed_on_disk(&paths);
            }
            _ => {}
        }
    }

    /// Files changed on disk: re-read what depends on them and check every
    /// open article again.
    fn changed_on_disk(&mut self, paths: &[PathBuf]) {
        let mut touched = false;
        for path in paths {
            touched |= self.stories.changed(path);
        }
        let now = Instant::now();
        for doc in self.documents.values_mut() {
            if touched || doc.is_rule_file() {
                doc.due = Some(now);
                doc.analysis = None;
            }
        }
    }

    fn request(&mut self, request: Request) {
        let response = match request.method.as_str() {
            HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(request.params) {
                Ok(p) => {
                    let at = p.text_document_position_params;
                    let hover = self.hover(&at.text_document.uri, at.position);
                    Response::new_ok(request.id, hover)
                }
                Err(e) => invalid(request.id, e),
            },
            CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(p) => {
                        let actions = self.code_actions(&p);
                        Response::new_ok(request.id, actions)
                    }
                    Err(e) => invalid(request.id, e),
                }
            }
            _ => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("factlint does not handle `{}`", request.method),
            ),
        };
        self.reply(response);
    }

    fn hover(&mut self, uri: &Uri, position: lsp_types::Position) -> Option<lsp_types::Hover> {
        self.analyse_if_stale(uri);
        let doc = self.documents.get(uri)?;
        let analysis = doc.analysis.as_ref()?;
        let path = doc.path.as_ref()?;
        let story = self.stories.of(path).as_ref().ok()?;
        let offset = LineIndex::new(&doc.text).offset(position);
        hover::at(analysis, &story.rules, offset)
    }

    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(path) = self
            .documents
            .get(&p.text_document.uri)
            .and_then(|d| d.path.clone())
        else {
            return Vec::new();
        };
        p.context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some(diagnostics::SOURCE))
            .filter_map(|d| acknowledge::action(&path, d))
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    /// Checks an article whose analysis is missing, now: a hover must not
    /// wait for the debounce.
    fn analyse_if_stale(&mut self, uri: &Uri) {
        let stale = self
            .documents
            .get(uri)
            .is_some_and(|d| d.analysis.is_none() && !d.is_rule_file());
        if stale {
            self.check(uri);
        }
    }

    /// Checks every document that is due, unless a newer edit of it waits.
    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|at| at <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            if self.newer_edit_waiting(&uri) {
                if let Some(doc) = self.documents.get_mut(&uri) {
                    doc.due = None;
                }
                continue;
            }
            self.check(&uri);
        }
    }

    /// Checks one document and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let diagnostics = match doc.path.clone() {
            None => Vec::new(),
            Some(path) if is_rule_file(&path) => rule_files::check(&path, &doc.text),
            Some(path) => article_diagnostics(&mut self.stories, &path, doc),
        };
        let version = Some(doc.version);
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        });
    }
}

/// The diagnostics of an open article; keeps its analysis for hover and
/// code actions.
fn article_diagnostics(stories: &mut Stories, path: &Path, doc: &mut Document) -> Vec<Diagnostic> {
    let shown = crate::corpus::display(path);
    match stories.of(path) {
        Err(broken) => diagnostics::of_errors(&broken.errors, &broken.files, &shown),
        Ok(story) if !story.holds(path) => Vec::new(),
        Ok(story) => match story.analyse(path, &doc.text) {
            Ok(analysis) => {
                let out =
                    diagnostics::of_findings(&analysis.findings, &analysis.files, analysis.file);
                doc.analysis = Some(analysis);
                out
            }
            Err(broken) => {
                diagnostics::of_errors(&broken.errors, &broken.files, &story.shown(path))
            }
        },
    }
}

fn parse<N: lsp_types::notification::Notification>(
    params: serde_json::Value,
) -> Result<N::Params, serde_json::Error> {
    serde_json::from_value(params)
}

fn invalid(id: RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
