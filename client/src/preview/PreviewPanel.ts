/**
 * One preview panel per pipeline and target, beside the editor: sends the samples and the target to
 * the server on every change of the document or the samples, and shows the result in the page.
 */
import { basename } from "node:path";
import * as vscode from "vscode";
import { webviewPage } from "../webviewPage";
import type { LanguageClient } from "vscode-languageclient/node";
import { Commands, PreviewRequest, type PreviewCounts, type PreviewHostMessage, type PreviewPanelMessage, type PreviewResult, type PreviewTarget, type PreviewTiming } from "../../../server/src/protocol";
import { pickGrokPattern } from "./patternPicker";
import { webviewStrings } from "./strings";

/**
 * Document edits arrive per keystroke; this groups a burst without making one keystroke wait long (a
 * stale answer is dropped by its sequence number anyway).
 */
const DOCUMENT_DEBOUNCE_MS = 10;
/**
 * Lines asked for and sent first: a screenful of line blocks (each is several rows tall) with a margin.
 * The page reports how far down it is scrolled, and the first request then reaches that far.
 */
const SCREEN_ITEMS = 20;
/**
 * The complete result is asked for once the document has been still this long after the screenful
 * was shown: while the user types, the worker then answers each keystroke's screenful instead of
 * computing a thousand lines that the next keystroke makes stale.
 */
const FULL_AFTER_MS = 100;
/**
 * The rest goes in parts of this many items: through a remote webview (code-server) one megabyte
 * message takes hundreds of milliseconds, and the page can lay out one part while the next travels.
 */
const PART_ITEMS = 250;
/** How long a part may go unacknowledged before the next is sent anyway. */
const ACK_WAIT_MS = 500;
/** Sample files longer than this are cut (the panel is for a sample, not a whole log). */
const MAX_SAMPLE_LINES = 10_000;

function targetKey(uri: vscode.Uri, target: PreviewTarget): string {
  return `${uri.toString()}#${target.kind}${"index" in target ? target.index : ""}`;
}

export function targetTitle(uri: vscode.Uri, target: PreviewTarget): string {
  const file = basename(uri.path);
  switch (target.kind) {
    case "grok":
      return vscode.l10n.t("Grok #{0} preview · {1}", target.index + 1, file);
    case "geoip":
      return vscode.l10n.t("GeoIP #{0} preview · {1}", target.index + 1, file);
    case "pipeline":
      return vscode.l10n.t("Pipeline preview · {0}", file);
  }
}

/** Sample text without one trailing line break; every remaining line is an event. */
export function sampleLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\r?\n$/, "").split(/\r?\n/);
}

function countsOf(result: PreviewResult, samples: number, partial: boolean): PreviewCounts {
  const counts: PreviewCounts = { samples, items: 0, matched: 0, outputs: 0, dropped: 0, ...(partial ? { partial } : {}) };
  if (result.kind === "grok" || result.kind === "geoip") {
    counts.items = result.lines.length;
    counts.matched = result.lines.filter((l) => l.matched).length;
  } else if (result.kind === "pipeline") {
    counts.items = result.events.length;
    counts.outputs = result.outputs.length;
    counts.dropped = result.events.filter((e) => e.dropped).length;
  }
  return counts;
}

/**
 * Whether the complete result starts with the items the page already shows (a multiline codec can
 * make the last event of a partial run shorter, and notes or errors can differ): then only the rest
 * is sent.
 */
function sameHead(shown: PreviewResult, full: PreviewResult, n: number): boolean {
  if (shown.kind !== full.kind || shown.error !== full.error || JSON.stringify(shown.notes) !== JSON.stringify(full.notes) || shown.timeout || full.timeout) return false;
  const items = (r: PreviewResult): unknown[] => (r.kind === "grok" || r.kind === "geoip" ? r.lines : r.kind === "pipeline" ? r.events : []);
  const a = items(shown).slice(0, n);
  const b = items(full).slice(0, n);
  if (full.kind === "pipeline" && shown.kind === "pipeline" && JSON.stringify(full.skipped) !== JSON.stringify(shown.skipped)) return false;
  return a.length === n && JSON.stringify(a) === JSON.stringify(b);
}

export class PreviewPanel {
  private static readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private samples: string;
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;
  private ready = false;
  /** When the first change of the burst the next update answers happened (for `PreviewTiming`). */
  private changedAt: number | undefined;
  /** Items the page has in view (from its `view` messages). */
  private viewEnd = SCREEN_ITEMS;
  /** When the last update started (Date.now()). */
  private lastUpdate = 0;
  /** The parts of the current update not yet posted (paced by the page's acks). */
  /** Cancels the server requests of the update in progress when a newer one starts. */
  private cancel: vscode.CancellationTokenSource | undefined;
  private ackTimer: NodeJS.Timeout | undefined;
  private rest: { version: number; items: unknown[]; next: number; acked: number; counts: PreviewCounts; timing: PreviewTiming } | undefined;

  /** Opens (or reveals) the panel for `target` of the pipeline `uri`. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri, target: PreviewTarget): PreviewPanel {
    const key = targetKey(uri, target);
    const existing = PreviewPanel.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel("logsmith.preview", targetTitle(uri, target), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "dist", "webview")],
    });
    const created = new PreviewPanel(context, client, panel, uri, target, key);
    PreviewPanel.panels.set(key, created);
    return created;
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    readonly target: PreviewTarget,
    private readonly key: string,
  ) {
    this.samples = context.workspaceState.get<string>(this.samplesKey(), "");
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: PreviewPanelMessage) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString()) this.schedule(DOCUMENT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) this.schedule(DOCUMENT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("logsmith")) this.schedule(DOCUMENT_DEBOUNCE_MS);
      }),
    );
  }

  /** Samples are remembered per pipeline (not per target): the same log lines serve every block. */
  private samplesKey(): string {
    return `logsmith.preview.samples:${this.uri.toString()}`;
  }

  private post(message: PreviewHostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: PreviewPanelMessage): Promise<void> {
    switch (m.type) {
      case "ready":
        this.ready = true;
        this.post({ type: "init", strings: webviewStrings(), samples: this.samples, title: targetTitle(this.uri, this.target), kind: this.target.kind });
        void this.update();
        break;
      case "samples":
        this.setSamples(m.text, false);
        break;
      case "pickFile":
        await this.pickFile();
        break;
      case "useSelection":
        this.useSelection();
        break;
      case "browsePatterns":
        await pickGrokPattern(this.client, this.uri, this.target);
        break;
      case "saveTestCase":
        await this.saveTestCase();
        break;
      case "reveal":
        await this.reveal(m.start, m.end);
        break;
      case "ack":
        if (this.rest && this.rest.version === m.version) {
          this.rest.acked = Math.max(this.rest.acked, m.next);
          this.pumpRest();
        }
        break;
      case "view":
        this.viewEnd = Math.max(SCREEN_ITEMS, Math.min(MAX_SAMPLE_LINES, Math.ceil(m.end) + 5));
        break;
    }
  }

  /** The samples, with the pipeline's current output as `expected`, appended to its LFV test file. */
  private async saveTestCase(): Promise<void> {
    const lines = this.samples.split(/\r?\n/);
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    if (!lines.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Type or pick some sample lines first"));
      return;
    }
    await vscode.commands.executeCommand(Commands.saveAsTestCase, this.uri.toString(), lines);
  }

  private setSamples(text: string, toPage: boolean): void {
    this.changedAt ??= Date.now();
    this.samples = text;
    void this.context.workspaceState.update(this.samplesKey(), text);
    if (toPage) this.post({ type: "samples", text });
    void this.update();
  }

  private async pickFile(): Promise<void> {
    const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t("Use as samples"), title: vscode.l10n.t("Sample log file") })) ?? [];
    if (!file) return;
    // In Restricted Mode only files of the workspace are read.
    if (!vscode.workspace.isTrusted && !vscode.workspace.getWorkspaceFolder(file)) {
      void vscode.window.showWarningMessage(vscode.l10n.t("This workspace is not trusted: only files inside it can be used as samples"));
      return;
    }
    const bytes = await vscode.workspace.fs.readFile(file);
    const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
    if (lines.length > MAX_SAMPLE_LINES) void vscode.window.showInformationMessage(vscode.l10n.t("Using the first {0} lines of {1}", MAX_SAMPLE_LINES, basename(file.path)));
    this.setSamples(lines.slice(0, MAX_SAMPLE_LINES).join("\n"), true);
  }

  /** The selection of a visible editor, another file's before the pipeline's own. */
  private useSelection(): void {
    const editors = [...vscode.window.visibleTextEditors].sort((a, b) => Number(a.document.uri.toString() === this.uri.toString()) - Number(b.document.uri.toString() === this.uri.toString()));
    const editor = editors.find((e) => !e.selection.isEmpty);
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Select some log lines in an editor first"));
      return;
    }
    this.setSamples(editor.selections.map((s) => editor.document.getText(s)).join("\n"), true);
  }

  private async reveal(start: number, end: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
  }

  /**
   * The first change after a quiet spell is answered at once (after the language client has sent it:
   * its listener ran before ours); changes that follow within `ms` are grouped.
   */
  private schedule(ms: number): void {
    const quiet = this.changedAt === undefined && !this.timer && Date.now() - this.lastUpdate > ms;
    this.changedAt ??= Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, quiet ? 0 : ms);
  }

  /**
   * Asks the server for a fresh preview: the lines in view first (small and quick; the worker's line
   * cache makes the full request that follows no dearer), then all of them, sent to the page in parts
   * without the items it already has. An answer that a newer request overtook is dropped.
   */
  private async update(): Promise<void> {
    if (!this.ready) return;
    const sequence = ++this.sequence;
    this.lastUpdate = Date.now();
    this.rest = undefined;
    this.cancel?.cancel();
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const changed = this.changedAt ?? Date.now();
    this.changedAt = undefined;
    const samples = sampleLines(this.samples);
    this.post({ type: "busy" });
    try {
      const params = { uri: this.uri.toString(), target: this.target, samples, trusted: vscode.workspace.isTrusted };
      const first = Math.min(samples.length, this.viewEnd);
      let shown: PreviewResult | undefined;
      let shownItems = 0;
      if (samples.length > first) {
        const asked = Date.now();
        const head = await this.client.sendRequest(PreviewRequest, { ...params, limit: first }, cancel.token);
        if (sequence !== this.sequence) return;
        shownItems = this.postHead(head, samples.length, sequence, { changed, asked, answered: Date.now(), posted: 0, serverMs: head.elapsedMs }, first);
        shown = head;
        await new Promise((r) => setTimeout(r, FULL_AFTER_MS));
        if (sequence !== this.sequence) return;
      }
      const asked = Date.now();
      const result = await this.client.sendRequest(PreviewRequest, params, cancel.token);
      if (sequence !== this.sequence) return;
      const timing: PreviewTiming = { changed, asked, answered: Date.now(), posted: 0, serverMs: result.elapsedMs };
      const from = shown && sameHead(shown, result, shownItems) ? shownItems : this.postHead(result, samples.length, sequence, timing, Infinity);
      this.postRest(result, samples.length, sequence, from, timing);
    } catch (error) {
      if (sequence !== this.sequence || cancel.token.isCancellationRequested) return;
      const counts: PreviewCounts = { samples: samples.length, items: 0, matched: 0, outputs: 0, dropped: 0 };
      this.post({ type: "result", result: { kind: "none", error: String(error) }, counts, version: sequence, title: targetTitle(this.uri, this.target) });
    }
  }

  /**
   * Posts the result with its first items (a screenful, or all up to `limit` lines when the page is
   * scrolled further down); returns how many items went.
   */
  private postHead(result: PreviewResult, samples: number, version: number, timing: PreviewTiming, limit: number): number {
    const partial = limit < samples;
    const counts = countsOf(result, samples, partial);
    const n = Math.max(SCREEN_ITEMS, Math.min(limit, this.viewEnd));
    let head: PreviewResult = result;
    let sent = 0;
    if (result.kind === "grok" || result.kind === "geoip") {
      head = { ...result, lines: result.lines.slice(0, n) } as PreviewResult;
      sent = Math.min(n, result.lines.length);
    } else if (result.kind === "pipeline") {
      // The page shows outputs per trace; the separate list is only counted.
      head = { ...result, events: result.events.slice(0, n), outputs: [] };
      sent = Math.min(n, result.events.length);
    }
    this.post({ type: "result", result: head, counts, version, title: targetTitle(this.uri, this.target), timing: { ...timing, posted: Date.now() } });
    return sent;
  }

  /**
   * The items from `from` on, in parts; the last part carries the totals of the complete result. At
   * most two parts are on their way at a time (the page acknowledges each), so a megabyte of tail never
   * queues in front of the next keystroke's update, and a newer update stops the rest of this one.
   */
  private postRest(result: PreviewResult, samples: number, version: number, from: number, timing: PreviewTiming): void {
    const items: unknown[] = result.kind === "grok" || result.kind === "geoip" ? result.lines : result.kind === "pipeline" ? result.events : [];
    this.rest = { version, items, next: from, acked: from, counts: countsOf(result, samples, false), timing };
    this.pumpRest(true);
  }

  private pumpRest(first = false): void {
    const rest = this.rest;
    if (!rest || rest.version !== this.sequence) return;
    // A page that stops acknowledging (hidden, reloaded, or a message lost) must not stall the update.
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => {
      if (this.rest !== rest) return;
      rest.acked = rest.next;
      this.pumpRest();
    }, ACK_WAIT_MS);
    while ((first || rest.next < rest.items.length) && rest.next - rest.acked < 2 * PART_ITEMS) {
      first = false;
      const at = rest.next;
      const last = at + PART_ITEMS >= rest.items.length;
      rest.next = at + PART_ITEMS;
      this.post({ type: "more", version: rest.version, from: at, items: rest.items.slice(at, rest.next), last, ...(last ? { counts: rest.counts, timing: { ...rest.timing, posted: Date.now() } } : {}) });
      if (last) {
        this.rest = undefined;
        clearTimeout(this.ackTimer);
        return;
      }
    }
  }

  private html(): string {
    const { nonce, asset, csp } = webviewPage(this.panel.webview, this.context.extensionUri, { fonts: true });
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset("preview.css")}">
<title>${targetTitle(this.uri, this.target).replace(/[<>&"]/g, "")}</title>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <div class="controls">
    <vscode-button id="from-file" secondary></vscode-button>
    <vscode-button id="from-selection" secondary></vscode-button>
    <vscode-button id="browse" secondary hidden></vscode-button>
    <vscode-button id="save-test" secondary></vscode-button>
  </div>
</header>
<label id="samples-label" for="samples"></label>
<vscode-textarea id="samples" rows="6" resize="vertical" data-testid="samples"></vscode-textarea>
<div id="status" data-testid="status"></div>
<main id="results" data-testid="results"></main>
<script nonce="${nonce}" src="${asset("preview.js")}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.cancel?.cancel();
    clearTimeout(this.ackTimer);
    PreviewPanel.panels.delete(this.key);
    for (const d of this.disposables) d.dispose();
  }
}
