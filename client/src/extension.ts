/**
 * Extension entry (bundled to dist/client.cjs): starts the language server over IPC and switches
 * pipeline files that open as plain text to the Logstash language.
 */
import { existsSync } from "node:fs";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { Commands, LANGUAGE_ID, SETTINGS_SECTION } from "../../server/src/protocol";
import { registerLanguageDetection, setLanguageCommand } from "./languageDetection";
import { openSampleCommand } from "./sample";
import { registerPipelineTests } from "./tests";
import { registerTargets } from "./targets/register";
import { registerPipelineMap } from "./pipelineMap/register";
import { LOG_FORMAT_SELECTOR, registerLogFormats } from "./logformat/register";
import { registerPreviewPanel } from "./preview/register";
import { registerRemoteQueries } from "./query/register";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("Logsmith", { log: true });
  context.subscriptions.push(log);

  context.subscriptions.push(vscode.commands.registerCommand(Commands.setLanguage, (uri?: vscode.Uri) => setLanguageCommand(log, uri)));
  context.subscriptions.push(vscode.commands.registerCommand(Commands.openSample, openSampleCommand));
  registerLanguageDetection(context, log);
  registerTargets(context, log);

  const module = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: "file" },
      { language: LANGUAGE_ID, scheme: "untitled" },
      // Logstash's list of pipelines: settings, path.config globs and config.string are checked by our server.
      { language: "yaml", pattern: "**/pipelines.yml" },
      ...LOG_FORMAT_SELECTOR,
    ],
    outputChannel: log,
    // In Restricted Mode the server reads only open documents, not the workspace's other files.
    initializationOptions: { l10nBundle: l10nBundlePath(context), workspaceTrusted: vscode.workspace.isTrusted },
  };
  // The id doubles as the settings prefix: `logsmith.trace.server` turns on protocol tracing.
  client = new LanguageClient(SETTINGS_SECTION, "Logsmith", serverOptions, clientOptions);
  registerPipelineMap(context, client);
  registerLogFormats(context, () => client);
  registerPreviewPanel(context, client);
  registerRemoteQueries(context, client, log);
  try {
    await client.start();
    log.info(vscode.l10n.t("Logsmith language server started"));
  } catch (error) {
    log.error(vscode.l10n.t("Logsmith language server failed to start: {0}", String(error)));
  }
  void registerPipelineTests(context, () => client).discoverAll().catch((error) => log.error(String(error)));
}

/**
 * The server translates its own messages (diagnostics, hover, completion) with @vscode/l10n, which cannot
 * see VS Code's display language, so it gets the path of the bundle VS Code chose for the client.
 */
function l10nBundlePath(context: vscode.ExtensionContext): string | undefined {
  if (vscode.l10n.uri?.scheme === "file" && existsSync(vscode.l10n.uri.fsPath)) return vscode.l10n.uri.fsPath;
  // `vscode.l10n.uri` is unset when the client itself has no bundle to load; look for ours by language,
  // then by its primary subtag (`ko-kr` -> `ko`).
  const language = vscode.env.language.toLowerCase();
  for (const tag of new Set([language, language.split("-")[0]])) {
    if (tag === "en") return undefined;
    const path = context.asAbsolutePath(`l10n/bundle.l10n.${tag}.json`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
