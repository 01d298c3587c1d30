/**
 * The log4j 1 and log4j 2 dialects: conversion patterns (and JSON layouts) → parsed format, generated
 * Logstash pipeline, line matching, hover and completion.
 */
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import type { ConverterSpec } from "../log4j2/converters";
import type { FormatCompletion, FormatElement, FormatHover, GenerateOptions, LineMatch, LogFormatDialect, LogFormatKind, ParsedFormat } from "../types";
import { buildPattern, handlesThrowable, implicitTrace } from "./build";
import { generateJsonPipeline, generatePatternPipeline } from "./generate";
import { looksLikeJsonLayout, parseJsonLayout, type JsonLayoutInfo } from "./jsonLayouts";
import { ANSI, anchorRegex, canSpanLines, nodesRegex, type ConvNode, type PatternNode } from "./model";
import type { PatternFlavor } from "./patternScan";

/** What a parsed log4j format keeps in `ParsedFormat.data`. */
export interface Log4jData {
  layout: string;
  flavor?: PatternFlavor;
  nodes?: PatternNode[];
  json?: JsonLayoutInfo;
}

export interface Log4jFlavorSpec {
  flavor: PatternFlavor;
  layout: string;
  specs: ReadonlyMap<string, ConverterSpec>;
  /** Key and name of the trace written when no converter handles the throwable (undefined: none). */
  implicitTrace?: { key: string; name: string };
}

export function log4jData(parsed: ParsedFormat): Log4jData {
  return parsed.data as unknown as Log4jData;
}

function flatten(nodes: readonly PatternNode[], out: FormatElement[]): void {
  for (const node of nodes) {
    if (node.t === "lit") out.push({ type: "literal", text: node.text, span: node.span });
    else if (node.t === "conv") {
      if (node.value.empty) continue;
      const shape: FormatElement & { type: "directive" } = {
        type: "directive",
        span: node.span,
        key: node.key,
        name: node.name,
        shape: { grok: node.value.regex, freeText: node.value.freeText, escaping: "none" },
      };
      if (node.options[0]) shape.argument = node.options[0].text;
      if (node.value.field) shape.field = node.value.field;
      if (node.value.convert) shape.shape.convert = node.value.convert;
      if (node.value.date) shape.shape.date = node.value.date;
      if (node.mods.min > 0) shape.shape.padding = node.mods.leftAlign ? "after" : "before";
      out.push(shape);
    } else {
      if (node.kind === "ansi") out.push({ type: "directive", span: node.nameSpan, key: node.key, name: node.name, shape: { grok: ANSI } });
      flatten(node.children, out);
      if (node.kind === "ansi") out.push({ type: "directive", span: { start: node.span.end, end: node.span.end }, key: node.key, name: node.name, shape: { grok: ANSI } });
    }
  }
}

/**
 * Two free-text values with only spaces between them (`%t %m`, `%X{user} %x`) cannot be told apart when the
 * first contains a space: no parser can split such lines the way they were written.
 */
function ambiguities(nodes: readonly PatternNode[]): Issue[] {
  const out: Issue[] = [];
  let last: ConvNode | undefined;
  let gap = "";
  const walk = (list: readonly PatternNode[]) => {
    for (const node of list) {
      if (node.t === "lit") {
        gap += node.text;
        if (!/^ *$/.test(gap)) last = undefined;
      } else if (node.t === "group") walk(node.children);
      else if (node.value.empty) continue;
      else {
        if (node.value.freeText && !node.value.throwable && last && Number.isFinite(last.mods.max) === false) {
          out.push(issue("log4j-ambiguous", "information", t("`{0}` and `{1}` are separated only by spaces: a value with a space in it cannot be split back", last.key, node.key), { start: last.span.start, end: node.span.end }));
        }
        last = node.value.freeText ? node : undefined;
        gap = "";
      }
    }
  };
  walk(nodes);
  return out;
}

/** Parses a conversion pattern with the layout's rules. */
export function parsePatternLayout(kind: LogFormatKind, text: string, spec: Log4jFlavorSpec): ParsedFormat {
  const built = buildPattern(text, { flavor: spec.flavor, specs: spec.specs });
  const nodes = built.nodes;
  if (spec.implicitTrace && !handlesThrowable(nodes)) nodes.push(implicitTrace(spec.implicitTrace.key, spec.implicitTrace.name, text.length));
  built.issues.push(...ambiguities(nodes));
  const elements: FormatElement[] = [];
  flatten(nodes, elements);
  const parsed: ParsedFormat = { kind, text, elements, issues: built.issues, json: false, data: { layout: spec.layout, flavor: spec.flavor, nodes } satisfies Log4jData as unknown as Record<string, unknown> };
  if (canSpanLines(nodes)) {
    const anchor = anchorRegex(nodes);
    if (anchor) parsed.multiline = { pattern: anchor, negate: true, what: "previous" };
    else {
      // Nothing fixed starts an event: only stack-trace lines can be recognised as continuations.
      parsed.multiline = { pattern: "^(?:\\s|Caused by: |Suppressed: |\\.\\.\\. \\d+ more)", negate: false, what: "previous" };
      parsed.issues.push(issue("log4j-no-anchor", "information", t("The pattern starts with free text, so a line that continues a multi-line message cannot be told from a new event; start it with %d or %p"), { start: 0, end: Math.min(text.length, 2) }));
    }
  }
  return parsed;
}

export function parseJsonFormat(kind: LogFormatKind, text: string): ParsedFormat | undefined {
  const info = parseJsonLayout(text);
  if (!info) return undefined;
  const elements: FormatElement[] = info.keys.map((k) => ({
    type: "directive",
    span: { start: 0, end: text.length },
    key: k.key,
    name: k.key,
    field: { ecs: info.dotted.includes(k.key) ? `[${k.key.split(".").join("][")}]` : `[${k.key}]`, legacy: `[${k.key}]` },
    shape: { grok: "[\\s\\S]*", escaping: "json" },
  }));
  const parsed: ParsedFormat = { kind, text, elements, issues: info.issues, json: info.oneLine, data: { layout: info.layout, json: info } satisfies Log4jData as unknown as Record<string, unknown> };
  if (!info.oneLine) parsed.multiline = { pattern: "^\\{", negate: true, what: "previous" };
  return parsed;
}

/** `\A`/`\z` (Oniguruma) as JavaScript anchors: without the `m` flag `^`/`$` are the text's ends. */
export function toJsRegex(source: string): RegExp {
  return new RegExp(source.replace(/(^|[^\\])((?:\\\\)*)\\z/g, "$1$2$").replace(/(^|[^\\])((?:\\\\)*)\\A/g, "$1$2^"));
}

interface Compiled {
  regex: RegExp;
  groups: ConvNode[];
}
const compiled = new WeakMap<ParsedFormat, Compiled>();

function compile(parsed: ParsedFormat): Compiled {
  let c = compiled.get(parsed);
  if (c) return c;
  const groups: ConvNode[] = [];
  const source = nodesRegex(log4jData(parsed).nodes ?? [], {
    capture(node, regex) {
      groups.push(node);
      return `(?<g${groups.length}>${regex})`;
    },
  });
  c = { regex: toJsRegex(`\\A${source}\\z`), groups };
  compiled.set(parsed, c);
  return c;
}

function jsonMatch(line: string): LineMatch {
  try {
    const value: unknown = JSON.parse(line);
    if (!value || typeof value !== "object" || Array.isArray(value)) return { matched: false, directives: {} };
    const directives: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) directives[k] = typeof v === "string" ? v : JSON.stringify(v);
    return { matched: true, directives };
  } catch {
    return { matched: false, directives: {} };
  }
}

/** Raw values of one event (its lines joined with `\n` for multi-line events). */
export function matchEvent(parsed: ParsedFormat, text: string): LineMatch {
  if (log4jData(parsed).json) return jsonMatch(text);
  const { regex, groups } = compile(parsed);
  const m = regex.exec(text);
  if (!m) return { matched: false, directives: {} };
  const directives: Record<string, string> = {};
  groups.forEach((node, i) => {
    const v = m.groups?.[`g${i + 1}`];
    if (v !== undefined && !(node.key in directives)) directives[node.key] = v;
  });
  return { matched: true, directives };
}

function convAt(nodes: readonly PatternNode[], offset: number): PatternNode | undefined {
  for (const node of nodes) {
    if (node.t === "lit") continue;
    if (offset >= node.span.start && offset <= node.span.end) {
      if (node.t === "group") {
        const inner = convAt(node.children, offset);
        if (inner) return inner;
      }
      if (node.span.start !== node.span.end) return node;
    }
  }
  return undefined;
}

function hoverOf(parsed: ParsedFormat, offset: number): FormatHover | undefined {
  const data = log4jData(parsed);
  if (data.json) {
    const info = data.json;
    const lines = info.keys.map((k) => `- \`${k.key}\`: ${k.doc}`);
    return { contents: `**${info.layout}**${info.oneLine ? "" : " (multi-line JSON)"}\n\n${lines.join("\n")}`, span: { start: 0, end: parsed.text.length } };
  }
  const node = convAt(data.nodes ?? [], offset);
  if (!node || node.t === "lit") return undefined;
  const doc = node.doc;
  const parts = [`**\`${node.key}\`**${node.t === "conv" && node.mods.text ? ` (modifiers \`${node.mods.text}\`)` : ""}`];
  if (doc) parts.push(doc.summary, `Example: \`${doc.example.replace(/\n/g, "⏎")}\``, `Empty: ${doc.empty}`);
  if (node.t === "conv") {
    if (node.value.field) parts.push(`Logstash field: \`${node.value.field.ecs}\` (ECS) / \`${node.value.field.legacy}\` (legacy)`);
    if (node.value.date) parts.push(`date filter pattern: \`${node.value.date.join("`, `")}\``);
  }
  return { contents: parts.join("\n\n"), span: node.span };
}

function firstSentence(text: string): string {
  const dot = text.indexOf(". ");
  return dot >= 0 ? text.slice(0, dot + 1) : text;
}

function completionsOf(parsed: ParsedFormat, offset: number, specs: ReadonlyMap<string, ConverterSpec>): FormatCompletion[] {
  const text = parsed.text;
  // Complete after `%` and its modifiers: `%-5le|` replaces `le`.
  let start = offset;
  // Names never start with a digit, so digits before the cursor's word are modifiers (`%-5le|`).
  while (start > 0 && /[\p{L}_]/u.test(text[start - 1])) start--;
  let p = start;
  while (p > 0 && /[-.0-9]/.test(text[p - 1])) p--;
  if (p === 0 || text[p - 1] !== "%") return [];
  let percents = 0;
  for (let q = p - 1; q >= 0 && text[q] === "%"; q--) percents++;
  if (percents % 2 === 0) return [];
  const seen = new Set<ConverterSpec>();
  const out: FormatCompletion[] = [];
  for (const [name, spec] of specs) {
    if (seen.has(spec) && name.length === 1) continue;
    seen.add(spec);
    out.push({ label: name, insertText: name, replace: { start, end: offset }, detail: firstSentence(spec.doc.summary), documentation: `${spec.doc.summary}\n\nExample: \`${spec.doc.example.replace(/\n/g, "⏎")}\`` });
  }
  return out;
}

export function makeLog4jDialect(kind: LogFormatKind, choose: (text: string) => Log4jFlavorSpec): LogFormatDialect {
  return {
    kind,
    parseFormat(text: string): ParsedFormat {
      if (looksLikeJsonLayout(text)) {
        const json = parseJsonFormat(kind, text);
        if (json) return json;
      }
      return parsePatternLayout(kind, text, choose(text));
    },
    generatePipeline(parsed: ParsedFormat, options: GenerateOptions): string {
      return log4jData(parsed).json ? generateJsonPipeline(parsed, options) : generatePatternPipeline(parsed, options);
    },
    matchLine: matchEvent,
    hover: hoverOf,
    complete(parsed: ParsedFormat, offset: number): FormatCompletion[] {
      if (log4jData(parsed).json) return [];
      return completionsOf(parsed, offset, choose(parsed.text).specs);
    },
  };
}
