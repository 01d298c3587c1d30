/**
 * The pipeline map page (browser code, bundled to dist/webview/pipelineMap.js): lays out the graph the
 * extension sends, draws it as SVG in the editor's theme colours, and reports clicks and exports back.
 */
import { layoutPipelineMap, NODE_HEIGHT, NODE_WIDTH } from "../../../server/src/core/pipelineMap/layout";
import type { PipelineMapHostMessage, PipelineMapNode, PipelineMapPanelMessage, PipelineMapResult } from "../../../server/src/protocol";

declare function acquireVsCodeApi(): { postMessage(message: PipelineMapPanelMessage): void };

const vscode = acquireVsCodeApi();
const SVG_NS = "http://www.w3.org/2000/svg";
let strings: Record<string, string> = {};
let fitted = false;

/** Colours come from the editor theme; exports resolve them to values (see `exportSvg`). */
const STYLE = `
svg { font-family: var(--vscode-font-family); font-size: 12px; }
.group rect { fill: none; stroke: var(--vscode-panel-border, #8884); stroke-dasharray: 4 3; rx: 8; }
.group text { fill: var(--vscode-descriptionForeground); font-weight: 600; }
.node rect, .node path.shape { fill: var(--vscode-editorWidget-background, #8881); stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1.2; }
.node.kind-input rect { stroke: var(--vscode-charts-blue, #3794ff); }
.node.kind-filter rect { stroke: var(--vscode-charts-purple, #b180d7); }
.node.kind-output rect { stroke: var(--vscode-charts-green, #89d185); }
.node.kind-branch rect { stroke: var(--vscode-charts-orange, #d18616); stroke-dasharray: 5 3; }
.node.kind-endpoint rect { fill: var(--vscode-badge-background, #4d4d4d); stroke: none; }
.node.kind-endpoint text { fill: var(--vscode-badge-foreground, #fff); }
.node.kind-logformat rect { stroke: var(--vscode-charts-yellow, #cca700); }
.node text { fill: var(--vscode-editor-foreground); }
.node text.detail { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.node.kind-endpoint text.detail { fill: var(--vscode-badge-foreground, #fff); opacity: 0.8; }
.node.linked { cursor: pointer; }
.node.linked:hover rect, .node:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.node:focus { outline: none; }
.badge circle.error { fill: var(--vscode-errorForeground, #f14c4c); }
.badge circle.warning { fill: var(--vscode-editorWarning-foreground, #cca700); }
.badge text { fill: var(--vscode-editor-background, #fff); font-size: 10px; font-weight: 700; }
.edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 1.2; }
.edge text { fill: var(--vscode-descriptionForeground); font-size: 10px; }
#arrow path { fill: var(--vscode-editorLineNumber-foreground, #888); }
`;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

function fit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(map: PipelineMapResult): void {
  const canvas = document.getElementById("canvas")!;
  canvas.replaceChildren();
  if (!map.nodes.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = strings.empty;
    canvas.appendChild(p);
    return;
  }
  const laid = layoutPipelineMap({ nodes: map.nodes.map((n) => ({ ...n })), edges: map.edges, groups: map.groups });
  const svg = el("svg", { xmlns: SVG_NS, width: laid.width, height: laid.height, viewBox: `0 0 ${laid.width} ${laid.height}`, id: "map" });
  el("style", {}, svg).textContent = STYLE;
  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
  el("path", { d: "M 0 0 L 10 5 L 0 10 z" }, marker);

  for (const g of laid.groups) {
    const group = el("g", { class: "group", "data-group": g.id }, svg);
    el("rect", { x: g.x, y: g.y, width: g.width, height: g.height, rx: 8 }, group);
    el("text", { x: g.x + 8, y: g.y + 16 }, group).textContent = g.label;
  }
  for (const e of laid.edges) {
    const group = el("g", { class: "edge" }, svg);
    const [a, c1, c2, b] = e.path;
    el("path", { d: `M ${a[0]} ${a[1]} C ${c1[0]} ${c1[1]}, ${c2[0]} ${c2[1]}, ${b[0]} ${b[1]}`, "marker-end": "url(#arrow)" }, group);
    if (e.label && e.labelAt) {
      const text = el("text", { x: e.labelAt[0], y: e.labelAt[1], "text-anchor": "middle" }, group);
      text.textContent = fit(e.label, 28);
      el("title", {}, text).textContent = e.label;
    }
  }
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  for (const box of laid.nodes) drawNode(svg, byId.get(box.id)!, box.x, box.y);
  if (fitted) svg.classList.add("fit");
  canvas.appendChild(svg);
}

function drawNode(svg: SVGSVGElement, node: PipelineMapNode, x: number, y: number): void {
  const problems = node.problems.errors + node.problems.warnings;
  const g = el("g", { class: `node kind-${node.kind}${node.location ? " linked" : ""}`, "data-id": node.id, "data-label": node.label, transform: `translate(${x} ${y})` }, svg);
  el("rect", { width: NODE_WIDTH, height: NODE_HEIGHT, rx: node.kind === "endpoint" ? NODE_HEIGHT / 2 : 6 }, g);
  const prefix = node.kind === "branch" ? "◇ " : "";
  el("text", { x: 10, y: node.detail ? 17 : 24 }, g).textContent = fit(prefix + node.label, 24);
  if (node.detail) el("text", { x: 10, y: 31, class: "detail" }, g).textContent = fit(node.detail, 28);
  const described = [node.label, node.detail, node.problems.errors ? format(strings.errors, node.problems.errors) : "", node.problems.warnings ? format(strings.warnings, node.problems.warnings) : ""].filter(Boolean).join(" · ");
  el("title", {}, g).textContent = described;
  if (problems) {
    const badge = el("g", { class: "badge", transform: `translate(${NODE_WIDTH - 2} 2)` }, g);
    el("circle", { r: 9, class: node.problems.errors ? "error" : "warning" }, badge);
    el("text", { "text-anchor": "middle", y: 3.5 }, badge).textContent = String(problems);
  }
  if (node.location) {
    const location = node.location;
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", described);
    const open = () => vscode.postMessage({ type: "open", uri: location.uri, range: location.range });
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        open();
      }
    });
  }
}

/** The drawn map as a standalone SVG: theme variables replaced by the colours currently in effect. */
function exportSvg(): void {
  const svg = document.getElementById("map");
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const computed = getComputedStyle(document.documentElement);
  const style = clone.querySelector("style");
  if (style) {
    style.textContent = (style.textContent ?? "").replace(/var\((--[\w-]+)(?:,\s*([^)]+))?\)/g, (_, name: string, fallback?: string) => computed.getPropertyValue(name).trim() || fallback?.trim() || "currentColor");
    const background = computed.getPropertyValue("--vscode-editor-background").trim();
    if (background) style.textContent += `\nsvg { background: ${background}; }`;
  }
  vscode.postMessage({ type: "exportSvg", svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}` });
}

function toolbar(): void {
  const bar = document.getElementById("toolbar")!;
  bar.replaceChildren();
  const button = (id: string, label: string, onClick: () => void) => {
    const b = document.createElement("button");
    b.id = id;
    b.textContent = label;
    b.addEventListener("click", onClick);
    bar.appendChild(b);
  };
  button("export", strings.exportSvg, exportSvg);
  button("refresh", strings.refresh, () => vscode.postMessage({ type: "refresh" }));
  // A workspace's map is wide: fitting scales it down to the panel; the choice survives redraws.
  button("fit", strings.fit, () => {
    fitted = !fitted;
    document.getElementById("map")?.classList.toggle("fit", fitted);
  });
  const hint = document.createElement("span");
  hint.className = "hint";
  hint.textContent = strings.openHint;
  bar.appendChild(hint);
}

const PAGE_STYLE = `
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
#toolbar { position: sticky; top: 0; display: flex; gap: 8px; align-items: center; padding: 6px 10px; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, #8884); z-index: 1; }
#toolbar button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; cursor: pointer; }
#toolbar button:hover { background: var(--vscode-button-hoverBackground); }
#toolbar .hint { color: var(--vscode-descriptionForeground); font-size: 12px; }
#canvas { overflow: auto; padding: 4px; }
svg.fit { width: 100%; height: auto; }
.empty, .error { padding: 12px; color: var(--vscode-descriptionForeground); }
.error { color: var(--vscode-errorForeground); }
`;

const pageStyle = document.createElement("style");
pageStyle.textContent = PAGE_STYLE;
document.head.appendChild(pageStyle);

window.addEventListener("message", (event: MessageEvent<PipelineMapHostMessage>) => {
  const message = event.data;
  if (message.type === "map") {
    const first = !Object.keys(strings).length;
    strings = message.strings;
    if (first) toolbar();
    render(message.map);
  } else if (message.type === "error") {
    const canvas = document.getElementById("canvas")!;
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = message.message;
    canvas.replaceChildren(p);
  }
});

vscode.postMessage({ type: "ready" });
