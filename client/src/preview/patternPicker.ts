/**
 * The grok pattern browser as a QuickPick: every pattern the grok filter at hand can use (its ECS set,
 * the patternsPath files, patterns_dir, pattern_definitions), searchable by name, source and expansion;
 * the pick is inserted as `%{NAME}` at the cursor.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { GrokPatternsRequest, LANGUAGE_ID, type PatternEntry, type PreviewTarget } from "../../../server/src/protocol";

function sourceLabel(p: PatternEntry): string {
  switch (p.source) {
    case "builtin":
      return vscode.l10n.t("built-in · {0}", p.file ?? "");
    case "patternsPath":
      return vscode.l10n.t("logsmith.grok.patternsPath · {0}", p.file ?? "");
    case "patterns_dir":
      return vscode.l10n.t("patterns_dir · {0}", p.file ?? "");
    case "pattern_definitions":
      return vscode.l10n.t("pattern_definitions");
  }
}

/** The editor showing `uri`, preferring the active one. */
function editorFor(uri: vscode.Uri): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() === uri.toString()) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
}

/** Shows the picker for the pipeline `uri` (the grok `target`, else the grok around the cursor). */
export async function pickGrokPattern(client: LanguageClient, uri?: vscode.Uri, target?: PreviewTarget): Promise<void> {
  const editor = uri ? editorFor(uri) : vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a Logstash pipeline to insert a grok pattern"));
    return;
  }
  const document = editor.document;
  const result = await client.sendRequest(GrokPatternsRequest, {
    uri: document.uri.toString(),
    ...(target ? { target } : { offset: document.offsetAt(editor.selection.active) }),
    trusted: vscode.workspace.isTrusted,
  });
  const items = result.patterns.map((p) => ({ label: p.name, description: sourceLabel(p), detail: p.regex, pattern: p }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("Grok patterns ({0})", result.set),
    placeHolder: vscode.l10n.t("Search {0} patterns by name or expansion; Enter inserts {1} at the cursor", items.length, "%{NAME}"),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  // The panel may have taken focus: write into the pipeline's editor, at its own cursor.
  const target_ = editorFor(document.uri) ?? (await vscode.window.showTextDocument(document, { preview: false }));
  await target_.edit((edit) => {
    for (const selection of target_.selections) edit.replace(selection, `%{${picked.pattern.name}}`);
  });
}
