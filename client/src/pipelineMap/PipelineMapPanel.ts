/**
 * The pipeline map panel: asks the server for the graph of a scope, hands it to the page (which lays it
 * out and draws it), jumps to the code when a node is clicked, redraws after edits and saves the SVG.
 */
import * as vscode from "vscode";
import { webviewPage } from "../webviewPage";
import type { LanguageClient } from "vscode-languageclient/node";
import { PipelineMapRequest, type PipelineMapHostMessage, type PipelineMapPanelMessage, type PipelineMapScope } from "../../../server/src/protocol";
import { pipelineMapStrings } from "./strings";

/** Edits come per keystroke; the map follows once typing pauses. */
const EDIT_DEBOUNCE_MS = 400;

function scopeKey(scope: PipelineMapScope): string {
  return scope.kind === "workspace" ? "workspace" : `${scope.kind}:${scope.uri}`;
}

function scopeTitle(scope: PipelineMapScope, title: string): string {
  return scope.kind === "workspace" ? vscode.l10n.t("Pipeline map") : vscode.l10n.t("Pipeline map · {0}", title);
}

export class PipelineMapPanel {
  private static readonly panels = new Map<string, PipelineMapPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;

  static show(context: vscode.ExtensionContext, client: LanguageClient, scope: PipelineMapScope): PipelineMapPanel {
    const key = scopeKey(scope);
    const existing = PipelineMapPanel.panels.get(key);
    if (existing) {
      existing.panel.reveal();
      void existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel("logsmith.pipelineMap", vscode.l10n.t("Pipeline map"), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "dist", "webview")],
    });
    const created = new PipelineMapPanel(context, client, panel, scope, key);
    PipelineMapPanel.panels.set(key, created);
    return created;
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    readonly panel: vscode.WebviewPanel,
    readonly scope: PipelineMapScope,
    private readonly key: string,
  ) {
    panel.webview.html = this.html();
    const follow = (document: vscode.TextDocument) => {
      if (document.uri.scheme === "file" || document.uri.scheme === "untitled") this.schedule();
    };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: PipelineMapPanelMessage) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) follow(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument(follow),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, EDIT_DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const sequence = ++this.sequence;
    let message: PipelineMapHostMessage;
    try {
      const map = await this.client.sendRequest(PipelineMapRequest, { scope: this.scope });
      // A newer request superseded this one while the server worked.
      if (sequence !== this.sequence) return;
      this.panel.title = scopeTitle(this.scope, map.title);
      message = { type: "map", map, strings: pipelineMapStrings() };
    } catch (error) {
      message = { type: "error", message: vscode.l10n.t("The pipeline map could not be built: {0}", String(error)) };
    }
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: PipelineMapPanelMessage): Promise<void> {
    switch (message.type) {
      case "ready":
      case "refresh":
        await this.refresh();
        break;
      case "open": {
        const { start, end } = message.range;
        const selection = new vscode.Range(start.line, start.character, end.line, end.character);
        const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection, viewColumn: column });
        break;
      }
      case "exportSvg": {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, "pipeline-map.svg") : undefined,
          filters: { SVG: ["svg"] },
          title: vscode.l10n.t("Export pipeline map as SVG"),
        });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(message.svg));
        void vscode.window.showInformationMessage(vscode.l10n.t("Pipeline map saved to {0}", target.fsPath));
        break;
      }
    }
  }

  private html(): string {
    const { nonce, asset, csp } = webviewPage(this.panel.webview, this.context.extensionUri, { images: true });
    const script = asset("pipelineMap.js");
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${vscode.l10n.t("Pipeline map")}</title>
</head>
<body>
<div id="toolbar"></div>
<div id="canvas" role="region" aria-label="${vscode.l10n.t("Pipeline map")}"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    PipelineMapPanel.panels.delete(this.key);
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
