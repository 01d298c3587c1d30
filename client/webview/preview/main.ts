/**
 * The preview panel's page (bundled to dist/webview/preview.js): sample lines in, one block per line
 * out. Browser-only: talks to the extension with the typed messages of server/src/protocol.ts.
 */
import "./style.css";
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-textarea/index.js";
import type { PreviewHostMessage, PreviewPanelMessage, PreviewTiming } from "../../../server/src/protocol";
import { appendMore, renderResult, renderStatus, trimItems } from "./render";
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
  $("save-test").textContent = s("Save as test case");
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
$("save-test").addEventListener("click", () => post({ type: "saveTestCase" }));
results.addEventListener("click", (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>("[data-reveal]");
  if (!el) return;
  const [start, end] = el.dataset.reveal!.split(":").map(Number);
  post({ type: "reveal", start, end });
});

/**
 * Milliseconds of each animation frame spent putting the rest of a result into the page, in slices
 * of a few items: the long tail never holds up a newer update or the typing in the samples box.
 */
const FRAME_BUDGET_MS = 10;
const ITEMS_PER_SLICE = 25;

/** Runs `cb` at the next frame, or after 50 ms when the page is hidden (no frames then). */
function nextFrame(cb: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cb();
  };
  requestAnimationFrame(run);
  setTimeout(run, 50);
}

/** Runs `cb` once the frame that shows the current DOM has been painted. */
function afterPaint(cb: () => void): void {
  nextFrame(() => setTimeout(cb, 0));
}

/**
 * Marks on <body> for tests and the benchmark (page clock, Date.now(), same machine as the extension):
 * `version`/`shown` once the first screenful of an update is painted, `complete`/`completed` once every
 * item of it is painted, and the extension's `PreviewTiming` of each as JSON.
 */
function mark(values: Record<string, string>): void {
  Object.assign(document.body.dataset, values);
}

type More = Extract<PreviewHostMessage, { type: "more" }>;
let shownVersion = -1;
let queue: More[] = [];
let pumping = false;

function pump(): void {
  try {
    pumpFrame();
  } catch (error) {
    // A part that cannot be shown must not stop the ones after it (the pump would never be scheduled again).
    queue.shift();
    console.error(error);
  }
  if (queue.length) nextFrame(pump);
  else pumping = false;
}

function pumpFrame(): void {
  const deadline = performance.now() + FRAME_BUDGET_MS;
  while (queue.length && performance.now() < deadline) {
    const m = queue[0];
    if (m.version !== shownVersion) {
      queue.shift();
      continue;
    }
    const take = m.items.slice(0, ITEMS_PER_SLICE);
    appendMore(results, m.version, m.from, take);
    if (take.length < m.items.length) queue[0] = { ...m, from: m.from + take.length, items: m.items.slice(take.length) };
    else {
      queue.shift();
      post({ type: "ack", version: m.version, next: m.from + m.items.length });
      if (m.last) finish(m);
    }
  }
}

function finish(m: More): void {
  if (m.counts) {
    trimItems(results, m.version, m.counts.items);
    renderStatus(status, m.counts);
  }
  status.classList.remove("busy");
  const version = String(m.version);
  mark({ full: version, received: document.body.dataset.received ?? "" });
  afterPaint(() => mark({ complete: version, completed: String(Date.now()), fullTiming: JSON.stringify(m.timing ?? {}) }));
}

function showResult(m: Extract<PreviewHostMessage, { type: "result" }>, timing: PreviewTiming | undefined): void {
  const received = Date.now();
  queue = [];
  shownVersion = m.version;
  if (!m.counts.partial) status.classList.remove("busy");
  $("title").textContent = m.title;
  renderResult(results, status, m.result, m.counts, m.version);
  const inDom = Date.now();
  const version = String(m.version);
  const first = document.body.dataset.version !== version;
  afterPaint(() => {
    if (shownVersion !== m.version) return;
    if (first) mark({ version, shown: String(Date.now()), firstReceived: String(received), firstInDom: String(inDom), timing: JSON.stringify(timing ?? {}) });
    // An error has no items to follow.
    if (m.result.kind === "none" || m.result.error) mark({ full: version, complete: version, completed: String(Date.now()) });
  });
}

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
      showResult(m, m.timing);
      break;
    case "more":
      if (m.version !== shownVersion) break;
      document.body.dataset.received = String(Date.now());
      queue.push(m);
      if (!pumping) {
        pumping = true;
        nextFrame(pump);
      }
      break;
  }
});

/** Tells the extension how many items are in view, so the next update asks for those first. */
let viewPending = false;
function reportView(): void {
  if (viewPending) return;
  viewPending = true;
  nextFrame(() => {
    viewPending = false;
    const below = document.elementFromPoint(Math.min(40, window.innerWidth - 1), window.innerHeight - 1)?.closest<HTMLElement>("[data-index]");
    const items = results.querySelectorAll<HTMLElement>("[data-index]");
    const tail = items[items.length - 1];
    // Nothing at the bottom edge: the list ends above it, so every item is in view.
    const last = below ? Number(below.dataset.index) : tail && tail.getBoundingClientRect().top < window.innerHeight ? Number(tail.dataset.index) : 0;
    post({ type: "view", end: last + 1 });
  });
}
window.addEventListener("scroll", reportView, { passive: true });
window.addEventListener("resize", reportView);

post({ type: "ready" });
