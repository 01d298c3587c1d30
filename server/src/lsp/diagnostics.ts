/**
 * Publishes diagnostics: at once when a document opens, and for an edit after a quiet spell (so a
 * single keystroke is answered in the time the check takes); while the user keeps typing, once ~150 ms
 * after the last change of the burst, so intermediate versions are never checked.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "vscode-languageserver";
import { validateParsed } from "../core/validate";
import { toDiagnostic } from "./convert";
import type { ServerContext } from "./context";
import type { ParsedDocument } from "./parseCache";
import type { LogsmithSettings } from "./settings";
import { pipelineLinkDiagnostics } from "./pipelineLinks";
import { pipelinesYmlDiagnostics } from "./pipelinesYml";
import { isPipelinesYmlUri } from "./workspaceIndex";
import { logformatDiagnostics } from "./logformat";
import { lineageDiagnostics, lineageHostDiagnostics } from "./lineage";
import { patternsPathTexts } from "./grokPatternsPath";

export const DIAGNOSTICS_DELAY_MS = 150;

export class DiagnosticsHandler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document last changed, to tell a lone edit from a burst. */
  private readonly lastChange = new Map<string, number>();

  constructor(private readonly context: ServerContext) {}

  register(): void {
    const { documents } = this.context;
    // TextDocuments reports an open as a content change too; the first change of a document is "quiet",
    // so it is checked at once through `schedule`.
    documents.onDidChangeContent((e) => this.schedule(e.document));
    documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      this.lastChange.delete(e.document.uri);
      this.context.cache.delete(e.document.uri);
      void this.context.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  }

  /** Re-checks every open document, e.g. after a settings change. */
  revalidateAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document);
  }

  private schedule(document: TextDocument): void {
    const now = performance.now();
    const quiet = now - (this.lastChange.get(document.uri) ?? -Infinity) >= DIAGNOSTICS_DELAY_MS;
    this.lastChange.set(document.uri, now);
    const pending = this.timers.has(document.uri);
    this.cancel(document.uri);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        // The document may have been closed or changed again while waiting.
        const current = this.context.documents.get(document.uri);
        if (current) void this.validateNow(current);
      }, quiet && !pending ? 0 : DIAGNOSTICS_DELAY_MS),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async validateNow(document: TextDocument): Promise<void> {
    const settings = await this.context.settings.get(document.uri);
    // Skip a version that was superseded while the settings were read; its successor is scheduled.
    if (this.context.documents.get(document.uri)?.version !== document.version) return;
    let diagnostics: Diagnostic[];
    const logformat = logformatDiagnostics(document);
    if (logformat) diagnostics = [...logformat, ...lineageHostDiagnostics(this.context, document)];
    else if (isPipelinesYmlUri(document.uri)) {
      diagnostics = await pipelinesYmlDiagnostics(this.context, document);
      if (this.context.documents.get(document.uri)?.version !== document.version) return;
    } else {
      const entry = this.context.cache.get(document);
      diagnostics = [...diagnose(entry, settings, patternsPathTexts(this.context, document.uri, settings)), ...pipelineLinkDiagnostics(this.context, entry), ...lineageDiagnostics(this.context, entry)];
    }
    void this.context.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }
}

export function diagnose(entry: ParsedDocument, settings: LogsmithSettings, grokPatterns: readonly string[] = []): Diagnostic[] {
  const options = { logstashVersion: settings.logstashVersion, installedPlugins: settings.plugins.installed, grokPatterns };
  return validateParsed(entry.parse, options).map((issue) => toDiagnostic(entry.lines, issue));
}
