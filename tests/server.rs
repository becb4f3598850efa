//! `factlint server` end to end: the real binary, spoken to in JSON-RPC
//! over its stdin and stdout as an editor would. Every wait is bounded and
//! fails with what was received; nothing asserts on speed.

mod common;
use common::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long any one answer may take before the test gives up: generous,
/// since CI machines are slow; it bounds a hang, it measures nothing.
const PATIENCE: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Messages received while waiting for another, in order.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("server")
            .current_dir(dir)
            .env_remove("FACTLINT_CONFIG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint server starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            messages,
            seen: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response's `result`.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait_for(&format!("the response to {method}"), |m| m["id"] == id);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The first message (already seen or to come) that `wanted` accepts;
    /// panics after PATIENCE with what came instead.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.seen.iter().position(&wanted) {
            return self.seen.remove(at);
        }
        let give_up = Instant::now() + PATIENCE;
        loop {
            let left = give_up.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(m) => self.seen.push(m),
                Err(_) => panic!("no {what} within {PATIENCE:?}; received: {:#?}", self.seen),
            }
        }
    }

    /// The next diagnostics published for `uri` that `wanted` accepts
    /// (earlier ones, from before an edit took effect, are skipped).
    fn diagnostics(
        &mut self,
        uri: &str,
        what: &str,
        wanted: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let message = self.wait_for(what, |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && wanted(m["params"]["diagnostics"].as_array().unwrap())
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

fn uri(path: &Path) -> String {
    let path = path.canonicalize().unwrap();
    format!("file://{}", path.display()).replace(' ', "%20")
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn an_editor_session_from_initialize_to_shutdown() {
    let dir = story();
    let root = dir.path();
    let mut client = Client::start(root);
    let init = client.request(
        "initialize",
        json!({ "capabilities": {}, "rootUri": uri(root), "initializationOptions": { "debounceMs": 20 } }),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(init["serverInfo"]["name"], "factlint");
    client.notify("initialized", json!({}));

    // Open an article: the findings the command line gives on it.
    let article = root.join("corpus/mailonline.txt");
    let article_uri = uri(&article);
    let saved = std::fs::read_to_string(&article).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": article_uri, "languageId": "plaintext", "version": 1, "text": saved } }),
    );
    let opened = client.diagnostics(&article_uri, "diagnostics on open", |d| !d.is_empty());
    let title = opened
        .iter()
        .find(|d| d["code"] == "FL002")
        .unwrap_or_else(|| panic!("FL002 on hastings-title: {opened:#?}"));
    assert_eq!(title["severity"], 1, "an error");
    assert!(
        title["message"].as_str().unwrap().contains("\"president\""),
        "{title}"
    );

    // Type a conflicting value, unsaved: two outlets against one are a
    // split (FL006, a warning), pointing at the other outlets' words.
    let sentence = "\nIn 2017, Netflix agreed to spend $900 million on Facebook ads.\n";
    let edited = format!("{saved}{sentence}");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": article_uri, "version": 2 }, "contentChanges": [{ "text": edited }] }),
    );
    let changed = client.diagnostics(&article_uri, "a split after the edit", |d| {
        d.iter().any(|d| d["code"] == "FL006")
    });
    let conflict = changed.iter().find(|d| d["code"] == "FL006").unwrap();
    let line = edited.lines().count() - 1;
    assert_eq!(conflict["range"]["start"]["line"], line, "{conflict}");
    assert_eq!(conflict["severity"], 2);
    assert_eq!(conflict["data"]["fact"], "ad-spend-2017");
    let related = conflict["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == uri(&root.join("corpus/epoch-times.txt"))),
        "{related:#?}"
    );
    assert_eq!(
        codes(&changed).iter().filter(|c| *c == "FL002").count(),
        codes(&opened).iter().filter(|c| *c == "FL002").count(),
        "the rest is unchanged"
    );

    // Hover on the new value: what each outlet says, and the fact sheet.
    let column = sentence.trim_start().find("$900").unwrap() + 1;
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": article_uri }, "position": { "line": line, "character": column } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("`ad-spend-2017`"), "{text}");
    assert!(text.contains("“$900 million” = USD 900M"), "{text}");
    assert!(
        text.contains("The Epoch Times: “$150 million” = USD 150M"),
        "{text}"
    );
    assert!(text.contains("(this article)"), "{text}");

    // The quick fix: an edit to sources.toml, not a write.
    let manifest = root.join("corpus/sources.toml");
    let before = std::fs::read_to_string(&manifest).unwrap();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": article_uri },
            "range": conflict["range"],
            "context": { "diagnostics": [conflict] },
        }),
    );
    assert_eq!(
        std::fs::read_to_string(&manifest).unwrap(),
        before,
        "the server wrote nothing"
    );
    let action = &actions[0];
    assert!(
        action["title"].as_str().unwrap().contains("ad-spend-2017"),
        "{action}"
    );
    let edit = &action["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["uri"], uri(&manifest));
    let new_text = edit["edits"][0]["newText"].as_str().unwrap();
    assert!(new_text.starts_with(&before[..200]), "the manifest is kept");
    assert!(new_text.contains("fact = \"ad-spend-2017\""), "{new_text}");

    // Apply it as the editor would, and tell the server: the conflict is
    // acknowledged.
    std::fs::write(&manifest, new_text).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&manifest), "type": 2 }] }),
    );
    client.diagnostics(&article_uri, "the conflict acknowledged", |d| {
        !d.is_empty() && !d.iter().any(|d| d["code"] == "FL001")
    });

    // A rule file: a broken pattern typed in is reported at once, pointing
    // at the TOML; mending it clears it.
    let rule = root.join("rules/ad-spend.toml");
    let rule_uri = uri(&rule);
    let rule_text = std::fs::read_to_string(&rule).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": rule_uri, "languageId": "toml", "version": 1, "text": rule_text } }),
    );
    let clean = client.diagnostics(&rule_uri, "rule diagnostics on open", |_| true);
    assert_eq!(clean, Vec::<Value>::new());
    let broken = rule_text.replacen("patterns = [", "patterns = [\n  '''(unclosed{value}''',", 1);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": rule_uri, "version": 2 }, "contentChanges": [{ "text": broken }] }),
    );
    let errors = client.diagnostics(&rule_uri, "an error for the broken pattern", |d| {
        !d.is_empty()
    });
    assert_eq!(errors[0]["severity"], 1);
    assert_eq!(
        errors[0]["range"]["start"]["line"],
        broken[..broken.find("(unclosed").unwrap()].lines().count() - 1,
        "{errors:#?}"
    );
    // An example its patterns no longer find, as `factlint test` says.
    let failing = rule_text.replacen(
        "In 2017, Netflix agreed to spend $150 million on Facebook ads.",
        "In 2017, Netflix agreed to spend nothing at all.",
        1,
    );
    assert_ne!(failing, rule_text);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": rule_uri, "version": 3 }, "contentChanges": [{ "text": failing }] }),
    );
    let failed = client.diagnostics(&rule_uri, "a failing example", |d| !d.is_empty());
    assert!(
        failed[0]["message"].as_str().unwrap().contains("example"),
        "{failed:#?}"
    );

    // Shut down cleanly.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let give_up = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < give_up, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn a_cancelled_request_is_answered_as_cancelled_or_done() {
    let dir = story();
    let mut client = Client::start(dir.path());
    client.request("initialize", json!({ "capabilities": {} }));
    client.notify("initialized", json!({}));
    // An unknown method is refused, not fatal.
    client.send(json!({ "jsonrpc": "2.0", "id": 99, "method": "factlint/unknown", "params": {} }));
    let refused = client.wait_for("the refusal", |m| m["id"] == 99);
    assert_eq!(refused["error"]["code"], -32601);
    // A request and its cancellation sent together: the protocol allows
    // either a result or the RequestCancelled error; it must be answered.
    let article = uri(&dir.path().join("corpus/mailonline.txt"));
    client.send(json!({ "jsonrpc": "2.0", "id": 100, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": article }, "position": { "line": 0, "character": 0 } } }));
    client.notify("$/cancelRequest", json!({ "id": 100 }));
    let answer = client.wait_for("the cancelled request's answer", |m| m["id"] == 100);
    assert!(
        answer.get("result").is_some() || answer["error"]["code"] == -32800,
        "{answer}"
    );
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
}
