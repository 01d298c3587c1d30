/**
 * `logsmith.showPipelineMap`: from the explorer a folder maps as one `conf.d` pipeline and a file as its
 * pipeline; from the palette the workspace's pipelines.yml when there is one, else the active file.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SHOW_PIPELINE_MAP_COMMAND, WORKSPACE_TRUSTED_NOTIFICATION, type PipelineMapScope } from "../../../server/src/protocol";
import { PipelineMapPanel } from "./PipelineMapPanel";

async function scopeFor(uri: vscode.Uri | undefined): Promise<PipelineMapScope | undefined> {
  if (uri) {
    if (/(^|\/)pipelines\.ya?ml$/.test(uri.path)) return { kind: "workspace" };
    const stat = await vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    );
    return { kind: stat?.type === vscode.FileType.Directory ? "folder" : "file", uri: uri.toString() };
  }
  const yml = await vscode.workspace.findFiles("**/pipelines.{yml,yaml}", "**/node_modules/**", 1);
  if (yml.length) return { kind: "workspace" };
  const editor = vscode.window.activeTextEditor;
  return editor ? { kind: "file", uri: editor.document.uri.toString() } : undefined;
}

export function registerPipelineMap(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    // The server reads the workspace's files (globs, other pipelines) only once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION)),
    vscode.commands.registerCommand(SHOW_PIPELINE_MAP_COMMAND, async (uri?: vscode.Uri) => {
      const scope = await scopeFor(uri instanceof vscode.Uri ? uri : undefined);
      if (!scope) {
        void vscode.window.showInformationMessage(vscode.l10n.t("Open a pipeline file or a folder with pipelines.yml to see its map"));
        return;
      }
      PipelineMapPanel.show(context, client, scope);
    }),
  );
}
