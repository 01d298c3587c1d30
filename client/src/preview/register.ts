/**
 * The preview panel's commands: `logsmith.openPreview` (code lenses pass the document and target; from
 * the palette or the editor title the block at the cursor is used) and `logsmith.insertGrokPattern`.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Commands, LANGUAGE_ID, type PreviewTarget } from "../../../server/src/protocol";
import { pickGrokPattern } from "./patternPicker";
import { PreviewPanel } from "./PreviewPanel";

/** The lens nearest above the cursor names the block it is in (lenses sit on each block's first line). */
async function targetAtCursor(editor: vscode.TextEditor): Promise<PreviewTarget> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", editor.document.uri)) ?? [];
  const ours = lenses
    .filter((l) => l.command?.command === Commands.openPreview && l.command.arguments?.[1])
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  const cursor = editor.selection.active;
  const above = ours.filter((l) => l.range.start.isBeforeOrEqual(cursor));
  const lens = above[above.length - 1] ?? ours[0];
  return (lens?.command?.arguments?.[1] as PreviewTarget | undefined) ?? { kind: "pipeline" };
}

export function registerPreviewPanel(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openPreview, async (uri?: string | vscode.Uri, target?: PreviewTarget) => {
      let document: vscode.Uri | undefined = typeof uri === "string" ? vscode.Uri.parse(uri) : uri;
      const editor = vscode.window.activeTextEditor;
      if (!document) {
        if (!editor || editor.document.languageId !== LANGUAGE_ID) {
          void vscode.window.showInformationMessage(vscode.l10n.t("Open a Logstash pipeline to preview it"));
          return;
        }
        document = editor.document.uri;
      }
      if (!target) target = editor && editor.document.uri.toString() === document.toString() ? await targetAtCursor(editor) : { kind: "pipeline" };
      PreviewPanel.show(context, client, document, target);
    }),
    vscode.commands.registerCommand(Commands.insertGrokPattern, () => pickGrokPattern(client)),
  );
}
