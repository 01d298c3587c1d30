/**
 * The preview panel's page (bundled to dist/webview/preview.js): sample lines in, one block per line
 * out. Browser-only: talks to the extension with the typed messages of server/src/protocol.ts.
 */
import "./style.css";
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-textarea/index.js";
import type { PreviewHostMessage, PreviewPanelMessage } from "../../../server/src/protocol";
import { appendMore, renderResult } from "./render";
import { setStrings, s } from "./strings";

declare function acquireVsCodeApi(): { postMessage(message: PreviewPanelMessage): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const post = (m: PreviewPanelMessage) => vscode.postMessage(m);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const samples = $<HTMLElement & { value: string }>("samples");
const results = $("results");
const status = $("status");
let debounce: number | undefined;

function labelControls(): void {
  $("from-file").textContent = s("From file…");
  $("from-selection").textContent = s("From selection");
  $("browse").textContent = s("Grok patterns…");
  $("samples-label").textContent = s("Sample lines (one event per line)");
  samples.setAttribute("placeholder", s("Type or paste log lines here"));
}

samples.addEventListener("input", () => {
  window.clearTimeout(debounce);
  debounce = window.setTimeout(() => post({ type: "samples", text: samples.value }), 40);
});
$("from-file").addEventListener("click", () => post({ type: "pickFile" }));
$("from-selection").addEventListener("click", () => post({ type: "useSelection" }));
$("browse").addEventListener("click", () => post({ type: "browsePatterns" }));
results.addEventListener("click", (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>("[data-reveal]");
  if (!el) return;
  const [start, end] = el.dataset.reveal!.split(":").map(Number);
  post({ type: "reveal", start, end });
});

window.addEventListener("message", (event: MessageEvent<PreviewHostMessage>) => {
  const m = event.data;
  switch (m.type) {
    case "init":
      setStrings(m.strings);
      labelControls();
      $("title").textContent = m.title;
      $("browse").hidden = m.kind !== "grok";
      samples.value = m.samples;
      break;
    case "samples":
      samples.value = m.text;
      break;
    case "busy":
      status.classList.add("busy");
      break;
    case "result":
      document.body.dataset.received = String(Date.now());
      status.classList.remove("busy");
      $("title").textContent = m.title;
      renderResult(results, status, m.result, m.counts, m.version);
      // Marks for tests and the benchmark: `version` and `shown` (page clock) at the first display of an
      // update, a screenful or all of it; `full` once the complete result is in.
      if (document.body.dataset.version !== String(m.version)) document.body.dataset.shown = String(Date.now());
      document.body.dataset.version = String(m.version);
      if (!m.counts.partial) document.body.dataset.full = String(m.version);
      break;
    case "more":
      // After the first part has been painted, so the update shows before the long tail is laid out.
      requestAnimationFrame(() =>
        setTimeout(() => {
          appendMore(results, m.version, m.from, m.items);
          document.body.dataset.complete = String(m.version);
          document.body.dataset.completed = String(Date.now());
        }, 0),
      );
      break;
  }
});

post({ type: "ready" });
