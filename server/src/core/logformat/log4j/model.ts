/**
 * The tree a log4j conversion pattern becomes (converters with their value regexes, wrappers such as
 * `%notEmpty{…}` and `%highlight{…}` kept as groups), and the one regex builder that the generated grok,
 * the multiline anchor and `matchLine` all come from.
 */
import type { Span } from "../../ast";
import type { FieldTarget } from "../types";
import { escapeRegex } from "./dates";
import type { Modifiers, PatternOption } from "./patternScan";

/** What one converter writes, as the converter tables describe it. */
export interface ValueInfo {
  /** Regex (valid in Oniguruma and JavaScript) for every value the converter writes. */
  regex: string;
  /** One character of the value, for truncated (`%.10c`) values. */
  cls?: string;
  field?: FieldTarget;
  convert?: "integer" | "float";
  date?: string[];
  /** The zone the date is written in, when the pattern names one (`%d{…}{UTC}`). */
  timezone?: string;
  /** Fixed enough to anchor the first line of an event on (dates, levels, numbers). */
  anchor?: boolean;
  freeText?: boolean;
  /** The value can contain line breaks (messages). */
  multiLine?: boolean;
  /** A throwable converter: writes a stack trace (and handles the event's throwable). */
  throwable?: boolean;
  /** Regex-level problems worth a diagnostic (a date letter Joda cannot read …). */
  problems?: string[];
  /** Writes nothing at all (`%ex{none}`). */
  empty?: boolean;
}

export interface ConverterDoc {
  /** What it writes. */
  summary: string;
  example: string;
  /** Whether the value can be empty, and when. */
  empty: string;
}

export interface LiteralNode {
  t: "lit";
  text: string;
  span: Span;
}

export interface ConvNode {
  t: "conv";
  /** CLI key: `%` + the name as written + its options, without modifiers. */
  key: string;
  name: string;
  mods: Modifiers;
  options: PatternOption[];
  span: Span;
  nameSpan: Span;
  value: ValueInfo;
  doc?: ConverterDoc;
}

export interface GroupNode {
  t: "group";
  /** `optional`: `%notEmpty{…}`; `ansi`: `%highlight{…}`, `%style{…}` and the colour names. */
  kind: "optional" | "ansi";
  key: string;
  name: string;
  children: PatternNode[];
  span: Span;
  nameSpan: Span;
  doc?: ConverterDoc;
}

export type PatternNode = LiteralNode | ConvNode | GroupNode;

export const ANSI = "(?:\\x1b\\[[0-9;]*m)?";

/**
 * A Java stack trace as `Throwable.printStackTrace` writes it, without the final line break: a
 * `package.Class: message` line (the message may span lines), then `\tat` frames, `Caused by:` and
 * `Suppressed:` blocks and `... n more` lines. Requiring one `\tat` frame keeps an ordinary message line
 * such as `note: see below` from being taken for the start of a trace.
 */
export const STACK_TRACE = "(?:[\\w$]+\\.)+[\\w$]+(?::[^\\n]*)?(?=[\\s\\S]*?\\n\\tat )[\\s\\S]*?";
/** Stack traces cut to a few lines (`%ex{short}`, `%ex{3}`): no frame is guaranteed. */
export const SHORT_STACK_TRACE = "(?:[\\w$]+\\.)+[\\w$]+(?::[^\\n]*)?[\\s\\S]*?";

/** Where captures go: grok (`%{NAME:field}` with a pattern definition) or a JavaScript named group. */
export interface CaptureSink {
  capture(node: ConvNode, regex: string): string;
}

/** A line break the producer writes: in a joined multi-line event, the last one is the end of the text. */
const NEWLINE = "(?:\\n|\\z)";

function literalRegex(text: string): string {
  let out = "";
  for (const part of text.split(/(\r?\n)/)) {
    if (part === "\n" || part === "\r\n") out += NEWLINE;
    else out += escapeRegex(part);
  }
  return out;
}

/** The value regex under the converter's width modifiers, without padding. */
function truncated(node: ConvNode): string {
  const { mods, value } = node;
  if (Number.isFinite(mods.max)) return `${value.cls ?? "[^\\n]"}{0,${mods.max}}`;
  return value.regex;
}

function convRegex(node: ConvNode, sink: CaptureSink | undefined, anchorOnly: boolean): string {
  const { mods, value } = node;
  if (value.empty) return "";
  if (value.throwable) {
    const trace = sink && !anchorOnly ? sink.capture(node, value.regex) : `(?:${value.regex})`;
    // log4j 2 puts a space before the trace unless the text so far ends in white space; log4j 1 writes it
    // on the lines after the event.
    return `(?: ?${trace}${NEWLINE})?`;
  }
  const inner = truncated(node);
  const captured = sink && !anchorOnly && value.field ? sink.capture(node, inner) : `(?:${inner})`;
  if (mods.min > 0) {
    const pad = mods.zeroPad ? "0*" : " *";
    return mods.leftAlign ? `${captured}${pad}` : `${pad}${captured}`;
  }
  return captured;
}

/** The regex of `nodes`; with `sink`, converters with a field are captured through it. */
export function nodesRegex(nodes: readonly PatternNode[], sink?: CaptureSink): string {
  let out = "";
  for (const node of nodes) {
    if (node.t === "lit") out += literalRegex(node.text);
    else if (node.t === "conv") out += convRegex(node, sink, false);
    else if (node.kind === "optional") out += `(?:${nodesRegex(node.children, sink)})?`;
    else out += `${ANSI}${nodesRegex(node.children, sink)}${ANSI}`;
  }
  return out;
}

/**
 * The regex of the first line of an event: the pattern's leading literals and fixed-shape converters,
 * up to the first free-text one. Undefined when the pattern starts with free text.
 */
export function anchorRegex(nodes: readonly PatternNode[]): string | undefined {
  let out = "";
  let anchored = false;
  const walk = (list: readonly PatternNode[]): boolean => {
    for (const node of list) {
      if (node.t === "lit") {
        const firstLine = node.text.split("\n")[0];
        out += escapeRegex(firstLine);
        if (firstLine !== node.text) return false;
      } else if (node.t === "conv") {
        if (node.value.empty) continue;
        if (!node.value.anchor) return false;
        out += convRegex(node, undefined, true);
        anchored = true;
      } else if (node.kind === "ansi") {
        out += ANSI;
        if (!walk(node.children)) return false;
        out += ANSI;
      } else return false;
    }
    return true;
  };
  walk(nodes);
  return anchored ? `^${out}` : undefined;
}

export function forEachConv(nodes: readonly PatternNode[], fn: (node: ConvNode) => void): void {
  for (const node of nodes) {
    if (node.t === "conv") fn(node);
    else if (node.t === "group") forEachConv(node.children, fn);
  }
}

/** Whether some converter can write a line break (or a stack trace) or a literal does. */
export function canSpanLines(nodes: readonly PatternNode[]): boolean {
  let lines = false;
  const walk = (list: readonly PatternNode[], last: boolean) => {
    list.forEach((node, i) => {
      const isLast = last && i === list.length - 1;
      if (node.t === "lit") {
        const inner = isLast ? node.text.replace(/\r?\n$/, "") : node.text;
        if (inner.includes("\n")) lines = true;
      } else if (node.t === "conv") {
        if (!node.value.empty && (node.value.multiLine || node.value.throwable)) lines = true;
      } else walk(node.children, isLast);
    });
  };
  walk(nodes, true);
  return lines;
}
