/**
 * Extension entry (bundled to dist/client.cjs): starts the language server over IPC and switches
 * pipeline files that open as plain text to the Logstash language.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { Commands, LANGUAGE_ID, SETTINGS_SECTION } from "../../server/src/protocol";
import { registerLanguageDetection, setLanguageCommand } from "./languageDetection";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("Logsmith", { log: true });
  context.subscriptions.push(log);

  context.subscriptions.push(vscode.commands.registerCommand(Commands.setLanguage, (uri?: vscode.Uri) => setLanguageCommand(log, uri)));
  registerLanguageDetection(context, log);

  const module = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: "file" },
      { language: LANGUAGE_ID, scheme: "untitled" },
    ],
    outputChannel: log,
  };
  // The id doubles as the settings prefix: `logsmith.trace.server` turns on protocol tracing.
  client = new LanguageClient(SETTINGS_SECTION, "Logsmith", serverOptions, clientOptions);
  try {
    await client.start();
    log.info("Logsmith language server started");
  } catch (error) {
    log.error(`Logsmith language server failed to start: ${String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
