/**
 * Wires the handlers to a connection. Knows nothing of how the connection was made (stdio, IPC, tests).
 */
import {
  DidChangeConfigurationNotification as DidChangeConfigurationNotificationType,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SEMANTIC_TOKENS_LEGEND, onSemanticTokensFull } from "./semanticTokens";
import type { ServerContext } from "./context";
import { DiagnosticsHandler } from "./diagnostics";
import { onDocumentHighlight } from "./documentHighlight";
import { onDocumentSymbol } from "./documentSymbol";
import { onFoldingRange } from "./foldingRange";
import { onFormatting, onRangeFormatting } from "./formatting";
import { ParseCache } from "./parseCache";
import { onSelectionRange } from "./selectionRange";
import { SettingsStore } from "./settings";
import { onCompletion } from "./completion";
import { onHover } from "./hover";
import { onCodeAction } from "./codeActions";
import { forgetLogFormats, generatePipelineFor, logformatCodeActions, logformatCompletion, logformatHover } from "./logformat";
import { GeneratePipelineRequest } from "../protocol";
import { onDefinition, onReferences } from "./definition";
import { configureL10n } from "../core/l10n";
import { onPipelineLinkDefinition, onPipelineLinkReferences } from "./pipelineLinks";
import { onPipelinesYmlCodeAction, onPipelinesYmlCompletion, onPipelinesYmlHover } from "./pipelinesYml";
import { isPipelinesYmlUri, WorkspaceIndex } from "./workspaceIndex";
import { onPipelineMap } from "./pipelineMap";
import { PipelineMapRequest } from "../protocol";
import { onCodeLens } from "./codeLens";
import { registerPreview } from "./preview";
import { PipelineTestsHandler } from "./pipelineTests";
import { lineageDefinition, registerLineage, withLineageHover } from "./lineage";

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const context: ServerContext = { connection, documents, cache: new ParseCache(), settings: new SettingsStore(connection) };
  const diagnostics = new DiagnosticsHandler(context);
  context.workspace = new WorkspaceIndex(context, () => diagnostics.revalidateAll());
  registerLineage(context, () => diagnostics.revalidateAll());
  let foldingRangeLimit: number | undefined;

  connection.onInitialize((params): InitializeResult => {
    // Before anything produces a message: the client passes the bundle for VS Code's display language.
    try {
      configureL10n(l10nBundleOption(params.initializationOptions));
    } catch (error) {
      connection.console.error(`Logsmith: cannot load the translation bundle ${String(error)}; messages stay in English`);
    }
    const capabilities = params.capabilities;
    context.workspace?.setRoots(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []), workspaceTrustedOption(params.initializationOptions));
    context.settings.supportsConfiguration = capabilities.workspace?.configuration === true;
    foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: "Logstash" },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: ["{", "[", "%", ">", " ", '"'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] },
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: "logsmith", version: process.env.LOGSMITH_VERSION },
    };
  });

  connection.onInitialized(() => {
    void context.workspace?.rescan();
    // Files created, deleted or changed outside the editor change which files a glob or an address names.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        // Log producers' configs too: field lineage follows the files they write.
        watchers: [{ globPattern: "**/*.{conf,logstash,cfg,yml,yaml}" }, { globPattern: "**/{server.xml,log4j*.xml,log4j*.properties,log4j*.json}" }],
      })
      .catch(() => undefined);
    if (context.settings.supportsConfiguration) {
      // Pull-model settings: the client notifies, the server re-reads what it needs per resource.
      void connection.client.register(DidChangeConfigurationNotificationType.type, { section: "logsmith" }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    context.settings.forget();
    diagnostics.revalidateAll();
  });

  diagnostics.register();
  connection.onDidChangeWatchedFiles((p) => void context.workspace?.applyFileChanges(p.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }))));
  documents.onDidChangeContent(() => context.workspace?.invalidate());
  documents.onDidClose(() => context.workspace?.invalidate());
  documents.onDidClose((e) => context.settings.forget(e.document.uri));

  connection.onDocumentSymbol((p) => onDocumentSymbol(context, p));
  connection.onFoldingRanges((p) => onFoldingRange(context, p, foldingRangeLimit));
  connection.onSelectionRanges((p) => onSelectionRange(context, p));
  connection.languages.semanticTokens.on((p) => onSemanticTokensFull(context, p));
  connection.onDocumentFormatting((p) => onFormatting(context, p));
  connection.onDocumentRangeFormatting((p) => onRangeFormatting(context, p));
  connection.onDocumentHighlight((p) => onDocumentHighlight(context, p));
  connection.onCompletion((p) => logformatCompletion(context, p) ?? (isPipelinesYmlUri(p.textDocument.uri) ? onPipelinesYmlCompletion(context, p) : onCompletion(context, p)));
  connection.onHover((p) => logformatHover(context, p) ?? (isPipelinesYmlUri(p.textDocument.uri) ? onPipelinesYmlHover(context, p) : withLineageHover(context, p, onHover(context, p))));
  connection.onCodeAction((p) => (isPipelinesYmlUri(p.textDocument.uri) ? onPipelinesYmlCodeAction(context, p) : (logformatCodeActions(context, p) ?? onCodeAction(context, p))));
  connection.onRequest(GeneratePipelineRequest, (p) => generatePipelineFor(context, p));
  documents.onDidClose((e) => forgetLogFormats(e.document.uri));
  connection.onDefinition((p) => onPipelineLinkDefinition(context, p) ?? lineageDefinition(context, p) ?? onDefinition(context, p));
  connection.onReferences((p) => onPipelineLinkReferences(context, p) ?? onReferences(context, p));
  connection.onRequest(PipelineMapRequest, (p) => onPipelineMap(context, p));
  new PipelineTestsHandler(context).register();
  connection.onCodeLens((p) => onCodeLens(context, p));
  registerPreview(context);

  documents.listen(connection);
  connection.listen();
}

/** Clients that say nothing (tests, other editors) are trusted; VS Code passes `workspace.isTrusted`. */
function workspaceTrustedOption(options: unknown): boolean {
  return (options as { workspaceTrusted?: unknown } | null | undefined)?.workspaceTrusted !== false;
}

function l10nBundleOption(options: unknown): string | undefined {
  const path = (options as { l10nBundle?: unknown } | null | undefined)?.l10nBundle;
  return typeof path === "string" && path.length > 0 ? path : undefined;
}
