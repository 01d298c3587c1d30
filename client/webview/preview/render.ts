/**
 * Turns a preview result into HTML: per line the highlighted captures, the fields, and for a failure
 * its reason and how far each pattern got; for the pipeline, each event's steps with their changes.
 */
import type { PreviewCounts, PreviewResult } from "../../../server/src/protocol";
import { s } from "./strings";

type R<K extends string> = Extract<PreviewResult, { kind: K }>;
type Grok = R<"grok">;
type Geoip = R<"geoip">;
type Pipeline = R<"pipeline">;
type Line = Grok["lines"][number];
type Change = Line["changes"][number];
type Capture = Line["captures"][number];

/** Lines rendered at most; the rest are counted in the status line. */
const MAX_RENDERED = 1000;
/** Old blocks after the first part of an update that are dimmed until their new result arrives. */
const STALE_MARKED = 40;

const PALETTE = 8;

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function json(value: unknown): string {
  return value === undefined ? "" : esc(JSON.stringify(value));
}

/** A stable colour index per field name, so a field keeps its colour across lines. */
function colourOf(field: string, fields: Map<string, number>): number {
  let c = fields.get(field);
  if (c === undefined) {
    c = fields.size % PALETTE;
    fields.set(field, c);
  }
  return c;
}

/**
 * The text with each capture wrapped in a coloured mark. Captures nest (a field inside a bigger one);
 * boundaries are sorted so marks open and close properly.
 */
export function highlight(text: string, captures: readonly Capture[], colours: Map<string, number>, extra?: { start: number; end: number; cls: string }): string {
  const spans = captures.filter((c) => c.end >= c.start).map((c) => ({ start: c.start, end: c.end, open: `<mark class="cap c${colourOf(c.field, colours)}" data-field="${esc(c.field)}" title="${esc(c.field)}">` }));
  if (extra) spans.push({ start: extra.start, end: extra.end, open: `<span class="${extra.cls}">` });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  const stack: { end: number; close: string }[] = [];
  const closeUntil = (pos: number) => {
    while (stack.length && stack[stack.length - 1].end <= pos) {
      const top = stack.pop()!;
      out += esc(text.slice(at, top.end)) + top.close;
      at = top.end;
    }
  };
  for (const sp of spans) {
    closeUntil(sp.start);
    // A span crossing an open one is clipped to it.
    const end = stack.length ? Math.min(sp.end, stack[stack.length - 1].end) : sp.end;
    out += esc(text.slice(at, sp.start)) + sp.open;
    at = sp.start;
    stack.push({ end, close: sp.open.startsWith("<mark") ? "</mark>" : "</span>" });
  }
  closeUntil(Infinity);
  return out + esc(text.slice(at));
}

function changesTable(changes: readonly Change[], testid: string): string {
  if (!changes.length) return `<div class="muted">${esc(s("No fields changed"))}</div>`;
  const rows = changes
    .map((c) => {
      const value = c.kind === "removed" ? json(c.before) : c.kind === "changed" ? `${json(c.before)} → ${json(c.after)}` : json(c.after);
      return `<tr class="${c.kind}" data-field="${esc(c.field)}"><td class="kind">${esc(s(c.kind))}</td><td class="field">${esc(c.field)}</td><td class="value">${value}</td></tr>`;
    })
    .join("");
  return `<table class="fields" data-testid="${testid}"><thead><tr><th></th><th>${esc(s("Field"))}</th><th>${esc(s("Value"))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

type PatternInfo = Grok["patterns"][number];

function grokLine(line: Line, index: number, colours: Map<string, number>, patterns: readonly PatternInfo[]): string {
  const patternOf = (field: string, patternIndex: number) => patterns.find((p) => p.field === field && p.patternIndex === patternIndex);
  const head = `<div class="line-head"><span class="num">${index + 1}</span>`;
  if (line.matched && line.match) {
    const text = highlight(line.input, line.captures, colours);
    const which = line.match.field === "message" ? s("pattern {0} matched", line.match.patternIndex + 1) : s("pattern {0} matched on {1}", line.match.patternIndex + 1, line.match.field);
    return `<section class="line ok" data-testid="line" data-matched="true" data-index="${index}">${head}<span class="badge status ok">${esc(which)}</span></div><pre class="sample" data-testid="sample">${text}</pre><code class="pattern">${esc(patternOf(line.match.field, line.match.patternIndex)?.pattern ?? "")}</code>${changesTable(line.changes, "fields")}</section>`;
  }
  const progress = (line.progress ?? [])
    .map((p) => {
      const info = patternOf(p.field, p.patternIndex);
      if (!info) return "";
      const total = info.elements.length;
      let patternHtml: string;
      let summary: string;
      if (info.unsplittable) {
        patternHtml = esc(info.pattern);
        summary = s("This pattern has a top-level | or a single element: no partial match to show");
      } else {
        const cut = p.matchedElements ? info.elements[p.matchedElements - 1].end : 0;
        const failing = info.elements[p.matchedElements];
        patternHtml =
          `<span class="got">${esc(info.pattern.slice(0, cut))}</span>` +
          (failing ? `<span class="stuck" title="${esc(s("first element that does not match"))}">${esc(info.pattern.slice(failing.start, failing.end))}</span>${esc(info.pattern.slice(failing.end))}` : "");
        summary = p.matchedElements
          ? s("{0} of {1} elements matched; matching stopped at column {2}", p.matchedElements, total, p.stoppedAt + 1)
          : s("Not even the first element matched");
      }
      const input = p.matchedSpan ? highlight(line.input, p.captures, colours, { start: p.matchedSpan.start, end: p.matchedSpan.end, cls: "partial" }) : esc(line.input);
      const caret = p.matchedElements && !info.unsplittable ? `<pre class="caret">${" ".repeat(caretColumn(line.input, p.stoppedAt))}^</pre>` : "";
      return `<div class="progress" data-testid="progress" data-matched-elements="${p.matchedElements}" data-stopped-at="${p.stoppedAt}"><div class="muted">${esc(s("Pattern {0}", p.patternIndex + 1))}: ${esc(summary)}</div><code class="pattern">${patternHtml}</code><pre class="sample">${input}</pre>${caret}</div>`;
    })
    .join("");
  return `<section class="line fail" data-testid="line" data-matched="false" data-index="${index}">${head}<span class="badge status fail">${esc(line.timedOut ? s("timed out") : s("no match"))}</span></div><pre class="sample" data-testid="sample">${esc(line.input)}</pre><div class="reason" data-testid="reason">${esc(line.reason ?? "")}</div>${progress}${changesTable(line.changes, "fields")}</section>`;
}

/** Column of `offset` counted in code points, so the caret lines up under astral characters too. */
function caretColumn(text: string, offset: number): number {
  return [...text.slice(0, offset)].length;
}

function geoipLine(line: Geoip["lines"][number], index: number): string {
  const badge = line.matched ? `<span class="badge status ok">${esc(s("found"))}</span>` : `<span class="badge status fail">${esc(s("no match"))}</span>`;
  const reason = line.reason ? `<div class="reason" data-testid="reason">${esc(line.reason)}</div>` : "";
  const tags = line.tags.length ? `<div class="muted">${esc(s("Tags: {0}", line.tags.join(", ")))}</div>` : "";
  return `<section class="line ${line.matched ? "ok" : "fail"}" data-testid="line" data-matched="${line.matched}" data-index="${index}"><div class="line-head"><span class="num">${index + 1}</span>${badge}</div><pre class="sample" data-testid="sample">${esc(line.input)}</pre>${reason}${tags}${changesTable(line.changes, "fields")}</section>`;
}

function pipelineEvents(result: Pipeline, from: number): string[] {
  const traces = result.events as (Pipeline["events"][number] & { id?: number; parent?: number; origin?: { filter: string; kind: string; index: number }; endedBy?: { filter: string } })[];
  return traces.map((trace, k) => {
      const i = from + k;
      const message = typeof trace.input.message === "string" ? trace.input.message : JSON.stringify(trace.input);
      const origin = trace.origin ? `<span class="badge status">${esc(s("{0} #{1} of event {2}", trace.origin.kind, trace.origin.index + 1, (trace.parent ?? 0) + 1))}</span>` : "";
      const fate = trace.dropped
        ? `<span class="badge status fail" data-testid="dropped">${esc(trace.endedBy ? s("dropped by {0}", trace.endedBy.filter) : s("dropped"))}</span>`
        : `<span class="badge status ok">${esc(s("reaches the outputs"))}</span>`;
      const steps = trace.steps
        .map((step) => {
          if (step.kind === "condition") {
            const err = step.error ? ` <span class="reason">${esc(step.error)}</span>` : "";
            return `<li class="cond" data-reveal="${step.range.start}:${step.range.end}">${esc(step.clause)} → <b>${step.result ? "true" : "false"}</b>${err}</li>`;
          }
          const detail = step.detail ? ` <span class="muted">${esc(step.detail)}</span>` : "";
          const changes = step.status === "skipped" ? "" : changesTable(step.changes, "step-changes");
          return `<li class="step ${step.status}" data-testid="step" data-filter="${esc(step.filter)}" data-status="${step.status}"><a class="filter" data-reveal="${step.range.start}:${step.range.end}">${esc(step.filter)}</a> <span class="st">${esc(s(step.status))}</span>${detail}${changes}</li>`;
        })
        .join("");
      const output = trace.output ? `<details><summary>${esc(s("Event at the outputs"))}</summary><pre class="json">${esc(JSON.stringify(trace.output, null, 2))}</pre></details>` : "";
      return `<section class="line ${trace.dropped ? "fail" : "ok"}" data-testid="event" data-index="${i}"><div class="line-head"><span class="num">${i + 1}</span>${origin}${fate}</div><pre class="sample">${esc(message)}</pre><ol class="steps">${steps}</ol>${output}</section>`;
    });
}

/** What `appendMore` needs to render the rest of a result like its first part. */
let current: { result: PreviewResult; colours: Map<string, number>; version: number; results: HTMLElement } | undefined;

function items(result: PreviewResult, from: number, colours: Map<string, number>): string[] {
  if (result.kind === "grok") return result.lines.map((l, i) => grokLine(l, from + i, colours, result.patterns));
  if (result.kind === "geoip") return result.lines.map((l, i) => geoipLine(l, from + i));
  if (result.kind === "pipeline") return pipelineEvents(result, from);
  return [];
}

/** The status line for `counts` of the result shown (partial while the rest is on its way). */
export function renderStatus(status: HTMLElement, counts: PreviewCounts): void {
  const result = current?.result;
  if (!result) return;
  const ms = result.elapsedMs !== undefined ? ` · ${s("{0} ms", result.elapsedMs)}` : "";
  if (result.kind === "grok") {
    status.innerHTML = `<span data-testid="summary">${esc(s("{0} of {1} lines matched", counts.matched, counts.items))}</span> · ${esc(s("pattern set {0}", result.patternSet))}${ms}`;
  } else if (result.kind === "geoip") {
    const db = result.database ? ` · ${esc(result.databaseType ?? "")} <span class="muted">${esc(result.database)}</span>` : "";
    status.innerHTML = `<span data-testid="summary">${esc(s("{0} of {1} addresses found", counts.matched, counts.items))}</span>${db}${ms}`;
  } else if (result.kind === "pipeline") {
    status.innerHTML = `<span data-testid="summary">${esc(s("{0} events in, {1} out, {2} dropped", counts.samples, counts.outputs, counts.dropped))}</span> · ${esc(result.grouping)}${ms}`;
  }
  if (counts.partial) status.insertAdjacentHTML("beforeend", ` · <span class="muted" data-testid="partial">${esc(s("first {0} of {1} lines; the rest follow", counts.items, counts.samples))}</span>`);
  const marker = current?.results.querySelector("#not-shown");
  if (!counts.partial && counts.items > MAX_RENDERED && !marker) current?.results.insertAdjacentHTML("beforeend", `<div class="muted" id="not-shown">${esc(s("{0} more not shown", counts.items - MAX_RENDERED))}</div>`);
}

/** The line blocks in `results`, after the prefix (notes, skipped filters): child 1 + i holds item i. */
function itemAt(results: HTMLElement, index: number): Element | undefined {
  const el = results.children[1 + index];
  return el && (el as HTMLElement).dataset.index === String(index) ? el : undefined;
}

const parser = document.createElement("template");

/**
 * Puts the items from `from` on in place of the blocks the previous result showed there (or after the
 * last one): the rest of the page stays laid out, nothing jumps, and the scroll position holds.
 */
function placeItems(results: HTMLElement, from: number, html: string[]): void {
  if (!html.length) return;
  parser.innerHTML = html.join("");
  const nodes = [...parser.content.children];
  const marker = results.querySelector(":scope > #not-shown");
  nodes.forEach((node, k) => {
    const old = itemAt(results, from + k);
    if (old) old.replaceWith(node);
    else if (marker) marker.before(node);
    else results.append(node);
  });
}

/** Fills the status line and the first part of the results; blocks further down stay, marked stale, until their update arrives. */
export function renderResult(results: HTMLElement, status: HTMLElement, result: PreviewResult, counts: PreviewCounts, version: number): void {
  const notes = (result.notes ?? []).map((n) => `<div class="note">${esc(n)}</div>`).join("");
  const timeout = result.timeout ? `<div class="reason" data-testid="timeout">${esc(result.timeout.message)}</div>` : "";
  const ms = result.elapsedMs !== undefined ? ` · ${s("{0} ms", result.elapsedMs)}` : "";
  current = undefined;
  if (result.error || result.kind === "none") {
    status.innerHTML = `<span class="reason" data-testid="error">${esc(result.error ?? s("Nothing to preview"))}</span>${ms}`;
    results.innerHTML = notes + timeout;
    return;
  }
  let prefix = results.firstElementChild;
  if (!prefix || !prefix.classList.contains("prefix")) {
    results.innerHTML = `<div class="prefix"></div>`;
    prefix = results.firstElementChild!;
  }
  let skipped = "";
  if (result.kind === "pipeline" && result.skipped.length) {
    skipped = `<div class="skipped" data-testid="skipped"><b>${esc(s("Skipped filters"))}</b><ul>${result.skipped.map((k) => `<li><a data-reveal="${k.range.start}:${k.range.end}">${esc(k.filter)}</a>: ${esc(k.reason)}</li>`).join("")}</ul></div>`;
  }
  prefix.innerHTML = notes + timeout + skipped;
  results.querySelector(":scope > #not-shown")?.remove();
  const colours = new Map<string, number>();
  const html = items(result, 0, colours).slice(0, MAX_RENDERED);
  placeItems(results, 0, html);
  // Only the blocks just below the view are dimmed: restyling a thousand would delay the paint, and
  // the ones further down are replaced within a few frames, before a scroll can reach them.
  const end = Math.min(results.children.length, 1 + html.length + STALE_MARKED);
  for (let i = 1 + html.length; i < end; i++) results.children[i].classList.add("stale");
  current = { result, colours, version, results };
  renderStatus(status, counts);
}

/** Appends the lines (or events) that followed the first part, if they belong to the result shown. */
export function appendMore(results: HTMLElement, version: number, from: number, more: unknown[]): void {
  if (!current || current.version !== version || from >= MAX_RENDERED) return;
  const r = current.result;
  const slice = more.slice(0, MAX_RENDERED - from);
  const partial =
    r.kind === "pipeline" ? { ...r, events: slice as typeof r.events } : r.kind === "grok" ? { ...r, lines: slice as typeof r.lines } : r.kind === "geoip" ? { ...r, lines: slice as typeof r.lines } : r;
  placeItems(results, from, items(partial, from, current.colours));
}

/** Once the whole result is in: removes the blocks of lines the previous result had beyond its end. */
export function trimItems(results: HTMLElement, version: number, total: number): void {
  if (!current || current.version !== version) return;
  const marker = results.querySelector(":scope > #not-shown");
  marker?.remove();
  while (results.children.length > 1 + Math.min(total, MAX_RENDERED)) results.lastElementChild!.remove();
  if (marker) results.append(marker);
}
