/** pipelines.yml over LSP: diagnostics, completion and hover for the YAML documents the client sends us. */
import { CompletionItemKind, MarkupKind, type CompletionList, type CompletionParams, type Diagnostic, type Hover, type HoverParams } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../core/documents";
import { completePipelinesYml, hoverPipelinesYml } from "../core/pipelinesYml";
import type { ServerContext } from "./context";
import { toDiagnostic, toRange } from "./convert";
import { uriToPath } from "./workspaceIndex";

export async function pipelinesYmlDiagnostics(context: ServerContext, document: TextDocument): Promise<Diagnostic[]> {
  const path = uriToPath(document.uri);
  const text = document.getText();
  const lines = new LineIndex(text);
  const workspace = context.workspace;
  if (!path || !workspace) return [];
  await workspace.ready();
  const analysis = workspace.analyzeYml(path, text);
  // config.string pipelines link to others too; their cross-pipeline problems sit in this file.
  const linked = workspace.current()?.issuesFor(path) ?? [];
  return [...analysis.issues, ...linked].map((i) => toDiagnostic(lines, i));
}

export function onPipelinesYmlCompletion(context: ServerContext, params: CompletionParams): CompletionList | undefined {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const text = document.getText();
  const lines = new LineIndex(text);
  const items = completePipelinesYml(text, lines.offsetAt(params.position));
  return {
    isIncomplete: false,
    items: items.map((i) => ({
      label: i.label,
      kind: i.kind === "setting" ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
      detail: i.detail,
      documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
      textEdit: { range: toRange(lines, i.range), newText: i.insertText ?? i.label },
    })),
  };
}

export function onPipelinesYmlHover(context: ServerContext, params: HoverParams): Hover | undefined {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const text = document.getText();
  const lines = new LineIndex(text);
  const hover = hoverPipelinesYml(text, lines.offsetAt(params.position));
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(lines, hover.range) } : undefined;
}
