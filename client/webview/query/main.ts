/**
 * The query panel's page (bundled to dist/webview/query.js): query box, count and histogram, newest
 * documents with expandable JSON, the mapping, and the pipeline-vs-mapping findings. Browser-only.
 */
import "./style.css";
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-textarea/index.js";
import "@vscode-elements/elements/dist/vscode-tabs/index.js";
import "@vscode-elements/elements/dist/vscode-tab-header/index.js";
import "@vscode-elements/elements/dist/vscode-tab-panel/index.js";
import type { QueryHostMessage, QueryPanelMessage } from "../../../server/src/protocol";

declare function acquireVsCodeApi(): { postMessage(message: QueryPanelMessage): void };
const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let strings: Record<string, string> = {};
const s = (key: string, ...args: (string | number)[]) => (strings[key] ?? key).replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)] ?? ""));

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

const mode = $<HTMLSelectElement>("mode");
const query = $<HTMLElement & { value: string }>("query");
const size = $<HTMLInputElement>("size");
const error = $("error");

function run(): void {
  vscode.postMessage({ type: "run", mode: mode.value as "querystring" | "dsl" | "esql", query: query.value ?? "", size: Math.max(0, Math.min(500, Number(size.value) || 20)) });
}
$("run").addEventListener("click", run);
query.addEventListener("keydown", (e: KeyboardEvent) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});

function label(): void {
  const options = mode.options;
  options[0].textContent = s("Query string");
  options[1].textContent = s("Query DSL (JSON)");
  options[2].textContent = s("ES|QL");
  $("run").textContent = s("Run");
  $("size-label").firstChild!.textContent = `${s("Size")} `;
  $("tab-docs").textContent = s("Documents");
  $("tab-findings").textContent = s("Pipeline vs mapping");
  $("tab-mapping").textContent = s("Mapping");
}

/** Bars as SVG rects; colours come from the theme through CSS variables. */
function histogram(buckets: { key: number; count: number }[], interval?: string): Element {
  const wrap = el("div");
  if (!buckets.length) return wrap;
  const width = 600;
  const height = 80;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const bar = width / buckets.length;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "histogram");
  svg.setAttribute("role", "img");
  buckets.forEach((b, i) => {
    const h = (b.count / max) * (height - 2);
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", String(i * bar + 0.5));
    rect.setAttribute("y", String(height - h));
    rect.setAttribute("width", String(Math.max(bar - 1, 0.5)));
    rect.setAttribute("height", String(h));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${new Date(b.key).toISOString()} · ${b.count}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  });
  wrap.appendChild(svg);
  const caption = el("div", `${new Date(buckets[0].key).toISOString()} — ${new Date(buckets[buckets.length - 1].key).toISOString()} · ${s("per {0}", interval ?? "?")}`, "caption");
  wrap.appendChild(caption);
  return wrap;
}

function docsTable(hits: { index: string; id: string; source: Record<string, unknown> }[]): Element {
  const table = el("table");
  const head = el("tr");
  for (const h of [s("Time"), s("Index"), s("Document")]) head.appendChild(el("th", h));
  table.appendChild(head);
  for (const hit of hits) {
    const row = el("tr");
    row.appendChild(el("td", String(hit.source["@timestamp"] ?? ""), "time"));
    row.appendChild(el("td", hit.index));
    const cell = el("td");
    const details = el("details");
    const summary = el("summary", JSON.stringify(hit.source).slice(0, 160));
    details.appendChild(summary);
    details.appendChild(el("pre", JSON.stringify(hit.source, null, 2)));
    cell.appendChild(details);
    row.appendChild(cell);
    table.appendChild(row);
  }
  return table;
}

function esqlTable(esql: { columns: { name: string }[]; values: unknown[][] }): Element {
  const table = el("table");
  const head = el("tr");
  for (const c of esql.columns) head.appendChild(el("th", c.name));
  table.appendChild(head);
  for (const row of esql.values) {
    const tr = el("tr");
    for (const v of row) tr.appendChild(el("td", typeof v === "string" ? v : JSON.stringify(v)));
    table.appendChild(tr);
  }
  return table;
}

const KIND_LABEL: Record<string, string> = { typeConflict: "type conflict", neverArrived: "never arrived", lossy: "loses precision" };

window.addEventListener("message", (event: MessageEvent<QueryHostMessage>) => {
  const m = event.data;
  if (m.type === "init") {
    strings = m.strings;
    label();
    $("title").textContent = m.title;
    $("notes").textContent = m.notes.join(" · ");
    return;
  }
  if (m.type === "busy") {
    error.hidden = true;
    $("summary").textContent = s("Running…");
    return;
  }
  if (m.type === "error") {
    error.hidden = false;
    error.textContent = m.message;
    $("summary").textContent = "";
    return;
  }
  error.hidden = true;
  $("summary").textContent = s("{0} documents", m.total);
  $("histogram").replaceChildren(histogram(m.histogram, m.interval));
  $("docs").replaceChildren(m.esql ? esqlTable(m.esql) : docsTable(m.hits));
  $("mapping").textContent = m.mapping ? JSON.stringify(m.mapping, null, 2) : m.mappingError ?? "";
  const findings = $("findings");
  if (!m.findings.length) findings.replaceChildren(el("p", m.mappingError ?? s("No findings: every field the pipeline writes is in the mapping with a compatible type.")));
  else {
    const list = el("ul");
    for (const f of m.findings) {
      const item = el("li");
      item.appendChild(el("span", s(KIND_LABEL[f.kind]), `badge ${f.kind}`));
      item.appendChild(el("span", ` ${f.message}`));
      list.appendChild(item);
    }
    findings.replaceChildren(list);
  }
});

vscode.postMessage({ type: "ready" });
