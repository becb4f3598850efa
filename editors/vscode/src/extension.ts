// The factlint extension: starts `factlint server` for the workspace and
// lets the language client do the rest. All checking happens in the
// server, so the editor shows exactly what the command line reports.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration("factlint");
  const command = settings.get<string>("path", "factlint");
  // The server finds each article's story (factlint.toml, rules/) from its
  // folder; relative rule paths are read from the workspace folder, as
  // `factlint` run there would.
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const serverOptions: ServerOptions = {
    command,
    args: ["server"],
    options: { cwd },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", pattern: "**/*.toml" },
    ],
    initializationOptions: {
      debounceMs: settings.get<number>("debounceMs", 150),
    },
    synchronize: {
      // Saved articles, manifests, configuration and rules: the server
      // re-reads only what changed.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{txt,md,html,toml}"),
    },
  };
  client = new LanguageClient("factlint", "factlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
