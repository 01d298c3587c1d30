/**
 * LSP side of log formats: documents that a `LogFormatHost` accepts (httpd config, Tomcat server.xml, log4j
 * configs) get the dialect's diagnostics, hover, completion and the "Generate Logstash pipeline" action instead
 * of the Logstash features. Each handler returns undefined for documents that are not ours, so startServer
 * falls through to the Logstash handler.
 */
import { CodeActionKind, CompletionItemKind, MarkupKind, type CodeAction, type CodeActionParams, type CompletionList, type CompletionParams, type Diagnostic, type Hover, type HoverParams } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../core/documents";
import { t } from "../core/l10n";
import { planDissect } from "../core/logformat/dissect";
import { getDialect, hostFor } from "../core/logformat/registry";
import type { EmbeddedFormat, HostScan, LogFormatHost, LogWriter } from "../core/logformat/types";
import { Commands, type GeneratePipelineParams, type GeneratePipelineResult } from "../protocol";
import type { ServerContext } from "./context";
import { toDiagnostic, toRange } from "./convert";

interface Scanned {
  version: number;
  host: LogFormatHost;
  scan: HostScan;
  lines: LineIndex;
}

const cache = new Map<string, Scanned | null>();
const versions = new Map<string, number>();

/** The scan of `document` when a log-format host accepts it; cached per version. */
export function scanLogFormats(document: TextDocument): Scanned | undefined {
  if (versions.get(document.uri) === document.version) return cache.get(document.uri) ?? undefined;
  const text = document.getText();
  const host = hostFor({ uri: document.uri, languageId: document.languageId, text });
  const entry = host ? { version: document.version, host, scan: host.scan({ uri: document.uri, languageId: document.languageId, text }), lines: new LineIndex(text) } : null;
  cache.set(document.uri, entry);
  versions.set(document.uri, document.version);
  return entry ?? undefined;
}

export function forgetLogFormats(uri: string): void {
  cache.delete(uri);
  versions.delete(uri);
}

function formatAt(scan: HostScan, offset: number): EmbeddedFormat | undefined {
  return scan.formats.find((f) => f.range.start <= offset && offset <= f.range.end);
}

/** Diagnostics for a log-format document, or undefined when the document is not one. */
export function logformatDiagnostics(document: TextDocument): Diagnostic[] | undefined {
  const s = scanLogFormats(document);
  if (!s) return undefined;
  const out = s.scan.issues.map((i) => toDiagnostic(s.lines, i));
  for (const f of s.scan.formats) {
    for (const i of f.parsed.issues) out.push(toDiagnostic(s.lines, { ...i, range: { start: f.toHost(i.range.start), end: f.toHost(i.range.end) } }));
  }
  return out;
}

export function logformatHover(context: ServerContext, params: HoverParams): Hover | null | undefined {
  const document = context.documents.get(params.textDocument.uri);
  const s = document && scanLogFormats(document);
  if (!s) return undefined;
  const offset = s.lines.offsetAt(params.position);
  const f = formatAt(s.scan, offset);
  const hover = f && getDialect(f.kind)?.hover(f.parsed, f.fromHost(offset));
  if (!f || !hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(s.lines, { start: f.toHost(hover.span.start), end: f.toHost(hover.span.end) }) };
}

export function logformatCompletion(context: ServerContext, params: CompletionParams): CompletionList | null | undefined {
  const document = context.documents.get(params.textDocument.uri);
  const s = document && scanLogFormats(document);
  if (!s) return undefined;
  const offset = s.lines.offsetAt(params.position);
  const f = formatAt(s.scan, offset);
  const dialect = f && getDialect(f.kind);
  if (!f || !dialect) return null;
  const items = dialect.complete(f.parsed, f.fromHost(offset));
  return {
    isIncomplete: false,
    items: items.map((i) => ({
      label: i.label,
      kind: CompletionItemKind.Variable,
      detail: i.detail,
      documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
      textEdit: { range: toRange(s.lines, { start: f.toHost(i.replace.start), end: f.toHost(i.replace.end) }), newText: i.insertText },
    })),
  };
}

function writerOf(scan: HostScan, f: EmbeddedFormat): LogWriter | undefined {
  return scan.writers.find((w) => w.format === f);
}

export function logformatCodeActions(context: ServerContext, params: CodeActionParams): CodeAction[] | undefined {
  const document = context.documents.get(params.textDocument.uri);
  const s = document && scanLogFormats(document);
  if (!s) return undefined;
  const offset = s.lines.offsetAt(params.range.start);
  const f = formatAt(s.scan, offset);
  if (!f) return [];
  const args: GeneratePipelineParams = { uri: params.textDocument.uri, offset };
  const actions: CodeAction[] = [{ title: t("Generate Logstash pipeline"), kind: CodeActionKind.RefactorExtract, command: { title: t("Generate Logstash pipeline"), command: Commands.generatePipeline, arguments: [args] } }];
  // Offered only where every value is delimited by text it cannot contain (see core/logformat/dissect.ts).
  if (!f.parsed.json && "mapping" in planDissect(f.parsed, true)) {
    const title = t("Generate Logstash pipeline with dissect");
    actions.push({ title, kind: CodeActionKind.RefactorExtract, command: { title, command: Commands.generatePipeline, arguments: [{ ...args, parser: "dissect" }] } });
  }
  return actions;
}

/** Answers `GeneratePipelineRequest`: the pipeline for the format at (or the first format of) the document. */
export function generatePipelineFor(context: ServerContext, params: GeneratePipelineParams): GeneratePipelineResult | null {
  const document = context.documents.get(params.uri);
  const s = document && scanLogFormats(document);
  if (!s) return null;
  const f = (params.offset !== undefined ? formatAt(s.scan, params.offset) : undefined) ?? s.scan.formats[0];
  const dialect = f && getDialect(f.kind);
  if (!f || !dialect) return null;
  // Prefer a writer that uses this format, so the file input reads what the producer writes.
  const writer = writerOf(s.scan, f) ?? s.scan.writers.find((w) => w.format?.parsed.text === f.parsed.text);
  const text = dialect.generatePipeline(f.parsed, { path: writer?.path, ecs: true, parser: params.parser });
  return { text, name: `${f.name ?? f.kind}-pipeline.conf` };
}
