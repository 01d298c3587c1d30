/** Quick fixes: the client hands back our diagnostics, whose `data` carries the fix. */
import { CodeActionKind, type CodeAction, type CodeActionParams } from "vscode-languageserver";
import { quickFixes } from "../core/codeActions";
import type { Issue, IssueData } from "../core/issue";
import { DIAGNOSTIC_SOURCE, toRange, toSpan } from "./convert";
import { parsed, type ServerContext } from "./context";

export function onCodeAction(context: ServerContext, params: CodeActionParams): CodeAction[] | undefined {
  const doc = parsed(context, params.textDocument.uri);
  if (!doc) return undefined;
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.data) continue;
    const issue: Issue = {
      code: String(diagnostic.code ?? ""),
      message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value,
      severity: "error",
      range: toSpan(doc.lines, diagnostic.range),
      data: diagnostic.data as IssueData,
    };
    for (const fix of quickFixes(issue, doc.text)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: toRange(doc.lines, e.range), newText: e.newText })) } },
      });
    }
  }
  return actions;
}
