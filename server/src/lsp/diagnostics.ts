/**
 * Publishes diagnostics: at once when a document opens, ~150 ms after the last change while typing.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "vscode-languageserver";
import { validateParsed } from "../core/validate";
import { toDiagnostic } from "./convert";
import type { ServerContext } from "./context";
import type { ParsedDocument } from "./parseCache";

export const DIAGNOSTICS_DELAY_MS = 150;

export class DiagnosticsHandler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly context: ServerContext) {}

  register(): void {
    const { documents } = this.context;
    documents.onDidOpen((e) => this.validateNow(e.document));
    documents.onDidChangeContent((e) => this.schedule(e.document));
    documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      this.context.cache.delete(e.document.uri);
      void this.context.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  }

  /** Re-checks every open document, e.g. after a settings change. */
  revalidateAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document);
  }

  private schedule(document: TextDocument): void {
    this.cancel(document.uri);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        // The document may have been closed or changed again while waiting.
        const current = this.context.documents.get(document.uri);
        if (current) this.validateNow(current);
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private validateNow(document: TextDocument): void {
    const entry = this.context.cache.get(document);
    void this.context.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnose(entry) });
  }
}

export function diagnose(entry: ParsedDocument): Diagnostic[] {
  return validateParsed(entry.parse).map((issue) => toDiagnostic(entry.lines, issue));
}
