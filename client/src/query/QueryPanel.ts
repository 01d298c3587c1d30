/**
 * The results panel of "Query index": count, histogram, newest documents, a query box (query string,
 * Query DSL, ES|QL), the mapping, and the pipeline's fields against it. Read-only: it only searches.
 */
import * as vscode from "vscode";
import { webviewPage } from "../webviewPage";
import type { LanguageClient } from "vscode-languageclient/node";
import { EsError, compareFieldsWithMapping, connectElasticsearch, fetchMapping, queryIndex, simulatedFieldsOf, type WrittenField } from "../../../server/src/remote/elasticsearch";
import { PreviewRequest, type QueryHostMessage, type QueryLensArgs, type QueryPanelMessage } from "../../../server/src/protocol";
import type { SecretSource } from "../../../server/src/remote/secrets";
import type { ElasticsearchTarget } from "../../../server/src/remote/targets";
import { queryPageStrings } from "./strings";

export class QueryPanel {
  private static readonly panels = new Map<string, QueryPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private sequence = 0;

  static show(context: vscode.ExtensionContext, client: LanguageClient, secrets: SecretSource, log: vscode.LogOutputChannel, target: ElasticsearchTarget, args: QueryLensArgs): void {
    const key = `${target.name}|${args.pattern}`;
    const existing = QueryPanel.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside);
      return;
    }
    const panel = vscode.window.createWebviewPanel("logsmith.query", vscode.l10n.t("{0} · {1}", args.pattern, target.name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "dist", "webview")],
    });
    QueryPanel.panels.set(key, new QueryPanel(context, client, secrets, log, panel, target, args, key));
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly secrets: SecretSource,
    private readonly log: vscode.LogOutputChannel,
    readonly panel: vscode.WebviewPanel,
    private readonly target: ElasticsearchTarget,
    private readonly args: QueryLensArgs,
    private readonly key: string,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: QueryPanelMessage) => this.onMessage(m)),
    );
  }

  private post(message: QueryHostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: QueryPanelMessage): Promise<void> {
    if (m.type === "ready") {
      this.post({ type: "init", strings: queryPageStrings(), title: vscode.l10n.t("{0} on {1}", this.args.pattern, this.target.name), pattern: this.args.pattern, notes: this.args.notes });
      await this.run("querystring", "", 20);
    } else if (m.type === "run") {
      await this.run(m.mode, m.query, m.size);
    }
  }

  private async run(mode: "querystring" | "dsl" | "esql", query: string, size: number): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      this.post({ type: "error", message: vscode.l10n.t("Logsmith does not connect to or deploy from an untrusted workspace. Trust the workspace first.") });
      return;
    }
    const sequence = ++this.sequence;
    this.post({ type: "busy" });
    let conn;
    try {
      conn = await connectElasticsearch(this.target, this.secrets);
      const result = await queryIndex(conn, { index: this.args.pattern, mode, query, size });
      let mapping: Record<string, unknown> | undefined;
      let mappingError: string | undefined;
      let findings: ReturnType<typeof compareFieldsWithMapping> = [];
      try {
        const m = await fetchMapping(conn, this.args.pattern);
        mapping = m.raw;
        findings = compareFieldsWithMapping(await this.writtenFields(), m.fields);
      } catch (error) {
        mappingError = error instanceof Error ? error.message : String(error);
      }
      if (sequence !== this.sequence) return;
      this.post({ type: "result", total: result.total, interval: result.interval, histogram: result.histogram, hits: result.hits, esql: result.esql, mapping, mappingError, findings });
    } catch (error) {
      // EsError messages name the target and node, never a credential, so they may go to the log too.
      const message = error instanceof EsError ? error.message : String(error);
      this.log.warn(`query ${this.args.pattern} on ${this.target.name}: ${message}`);
      if (sequence === this.sequence) this.post({ type: "error", message });
    } finally {
      await conn?.close();
    }
  }

  /**
   * The config's fields, refined by the simulator when the user has sample lines for this pipeline (the
   * preview panel keeps them per pipeline): simulated events give the exact type of every field they carry.
   */
  private async writtenFields(): Promise<WrittenField[]> {
    const fields = new Map((this.args.fields as WrittenField[]).map((f) => [f.path, f]));
    const text = this.context.workspaceState.get<string>(`logsmith.preview.samples:${this.args.uri}`, "");
    const samples = text ? text.replace(/\r?\n$/, "").split(/\r?\n/).slice(0, 1000) : [];
    if (samples.length) {
      try {
        const result = await this.client.sendRequest(PreviewRequest, { uri: this.args.uri, target: { kind: "pipeline" }, samples, trusted: vscode.workspace.isTrusted });
        if (result.kind === "pipeline") for (const f of simulatedFieldsOf(result.outputs)) fields.set(f.path, f);
      } catch (error) {
        this.log.warn(`simulating ${this.args.uri} for the mapping check: ${String(error)}`);
      }
    }
    return [...fields.values()];
  }

  private html(): string {
    const { nonce, asset, csp } = webviewPage(this.panel.webview, this.context.extensionUri, { fonts: true, images: true });
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset("query.css")}">
</head>
<body>
<header><h1 id="title"></h1><p id="notes"></p></header>
<section class="querybox">
  <select id="mode"><option value="querystring"></option><option value="dsl"></option><option value="esql"></option></select>
  <label id="size-label">Size <input id="size" type="number" min="0" max="500" value="20"></label>
  <vscode-button id="run"></vscode-button>
  <vscode-textarea id="query" rows="3" resize="vertical"></vscode-textarea>
</section>
<div id="error" role="alert" hidden></div>
<vscode-tabs id="tabs">
  <vscode-tab-header slot="header" id="tab-docs"></vscode-tab-header>
  <vscode-tab-panel><div id="summary"></div><div id="histogram"></div><div id="docs"></div></vscode-tab-panel>
  <vscode-tab-header slot="header" id="tab-findings"></vscode-tab-header>
  <vscode-tab-panel><div id="findings"></div></vscode-tab-panel>
  <vscode-tab-header slot="header" id="tab-mapping"></vscode-tab-header>
  <vscode-tab-panel><pre id="mapping"></pre></vscode-tab-panel>
</vscode-tabs>
<script nonce="${nonce}" src="${asset("query.js")}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    QueryPanel.panels.delete(this.key);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
