/** pipelines.yml over LSP: diagnostics, completion and hover for the YAML documents the client sends us. */
import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type CompletionParams,
  type Diagnostic,
  type Hover,
  type HoverParams,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { quickFixes } from "../core/codeActions";
import { LineIndex } from "../core/documents";
import type { IssueData } from "../core/issue";
import { t } from "../core/l10n";
import { completePipelinesYml, hoverPipelinesYml, settingOf } from "../core/pipelinesYml";
import type { ServerContext } from "./context";
import { DIAGNOSTIC_SOURCE, toDiagnostic, toRange, toSpan } from "./convert";
import { uriToPath } from "./workspaceIndex";

export async function pipelinesYmlDiagnostics(context: ServerContext, document: TextDocument): Promise<Diagnostic[]> {
  const path = uriToPath(document.uri);
  const text = document.getText();
  const lines = new LineIndex(text);
  const workspace = context.workspace;
  if (!path || !workspace) return [];
  await workspace.ready();
  const analysis = workspace.analyzeYml(path, text);
  if (!workspace.isTrusted) {
    // Restricted Mode: the workspace's files were not read, so which files path.config names is unknown.
    const needFiles = new Set(["pipelines-path-no-match", "pipelines-shared-file"]);
    return analysis.issues.filter((i) => !needFiles.has(i.code)).map((i) => toDiagnostic(lines, i));
  }
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
  const offset = lines.offsetAt(params.position);
  const files = pathConfigHover(context, document.uri, text, offset);
  if (files) return { contents: { kind: MarkupKind.Markdown, value: files.markdown }, range: toRange(lines, files.range) };
  const hover = hoverPipelinesYml(text, offset);
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(lines, hover.range) } : undefined;
}

/** On a `path.config` value: the files it reads, in Logstash's load order. */
function pathConfigHover(context: ServerContext, uri: string, text: string, offset: number): { markdown: string; range: { start: number; end: number } } | undefined {
  const path = uriToPath(uri);
  const workspace = context.workspace;
  if (!path || !workspace?.scanned || !workspace.isTrusted) return undefined;
  for (const p of workspace.analyzeYml(path, text).pipelines) {
    const range = settingOf(p.entry, "path.config")?.valueRange;
    if (!range || offset < range.start || offset > range.end) continue;
    const root = workspace.workspaceRoots.find((r) => p.files.every((f) => f.startsWith(`${r}/`)));
    const shown = p.files.map((f) => `- \`${root ? f.slice(root.length + 1) : f}\``);
    const markdown = p.files.length ? [t("Pipeline `{0}` reads {1} file(s), in this order:", p.id, p.files.length), "", ...shown].join("\n") : t("Pipeline `{0}` reads no file of the workspace", p.id);
    return { markdown, range };
  }
  return undefined;
}

/** Quick fixes in pipelines.yml (a misspelt setting name); the fixes ride on the diagnostics' data. */
export function onPipelinesYmlCodeAction(context: ServerContext, params: CodeActionParams): CodeAction[] | undefined {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const text = document.getText();
  const lines = new LineIndex(text);
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.data) continue;
    const message = typeof diagnostic.message === "string" ? diagnostic.message : String(diagnostic.message);
    const issue = { code: String(diagnostic.code ?? ""), message, severity: "error" as const, range: toSpan(lines, diagnostic.range), data: diagnostic.data as IssueData };
    for (const fix of quickFixes(issue, text)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: toRange(lines, e.range), newText: e.newText })) } },
      });
    }
  }
  return actions;
}
