//! The language server's latency from an edit to its diagnostics, on the
//! seed corpus (`corpus/` and `rules/`): the time a reporter waits between
//! typing a figure and seeing it underlined, less the debounce (set to zero
//! here) and the editor's own drawing. The goal is 50 ms.
//!
//! The server runs in this process over an in-memory connection, exactly
//! the code `factlint server` runs over stdio. Each round changes one
//! figure of an article, alternating between a value that conflicts and
//! one that agrees, and waits for the diagnostics of that version.
//!
//! Run with `cargo bench --bench server`. It prints; it asserts nothing
//! about time (speed is measured here, never in tests).

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ROUNDS: usize = 40;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(&root).expect("the repository root");
    let article = root.join("corpus/epoch-times.txt");
    let uri = factlint::server::location::uri_of(&article).expect("a file URI");
    let saved = std::fs::read_to_string(&article).expect("the article");

    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || factlint::server::serve(server));
    let send = |m: Message| client.sender.send(m).expect("the server is running");
    send(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".to_string(),
        json!({ "capabilities": {}, "initializationOptions": { "debounceMs": 0 } }),
    )));
    wait(&client, |m| matches!(m, Message::Response(_)));
    send(notification("initialized", json!({})));

    let started = Instant::now();
    send(notification(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 0, "text": saved } }),
    ));
    wait_for_version(&client, 0);
    println!(
        "first open (loads the story: rules compiled, 5 articles read and extracted): {:.1} ms",
        ms(started.elapsed())
    );

    let mut times = Vec::with_capacity(ROUNDS);
    for round in 1..=ROUNDS {
        let figure = if round % 2 == 0 {
            "$150 million"
        } else {
            "$250 million"
        };
        let text = saved.replacen("$150 million", figure, 1);
        let started = Instant::now();
        send(notification(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": round }, "contentChanges": [{ "text": text }] }),
        ));
        wait_for_version(&client, round as i64);
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[ROUNDS / 2];
    let worst = times[ROUNDS - 1];
    println!(
        "edit -> diagnostics over {ROUNDS} edits: median {:.2} ms, worst {:.2} ms (goal: 50 ms)",
        ms(median),
        ms(worst)
    );

    send(Message::Request(Request::new(
        RequestId::from(2),
        "shutdown".to_string(),
        Value::Null,
    )));
    wait(&client, |m| matches!(m, Message::Response(_)));
    send(notification("exit", Value::Null));
    thread
        .join()
        .expect("the server thread")
        .expect("a clean shutdown");
}

fn notification(method: &str, params: Value) -> Message {
    Message::Notification(Notification::new(method.to_string(), params))
}

fn wait(client: &Connection, wanted: impl Fn(&Message) -> bool) -> Message {
    loop {
        let m = client
            .receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers");
        if wanted(&m) {
            return m;
        }
    }
}

fn wait_for_version(client: &Connection, version: i64) {
    wait(client, |m| match m {
        Message::Notification(n) => {
            n.method == "textDocument/publishDiagnostics" && n.params["version"] == version
        }
        _ => false,
    });
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
