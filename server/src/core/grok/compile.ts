/**
 * Grok pattern compiler: expands `%{NAME}`, `%{NAME:field}`, `%{NAME:[a][b]:int}` (and the rarely
 * seen inline `%{NAME=regex}`) into one Oniguruma regex plus the map from group numbers to fields,
 * following jls-grok (the library behind Logstash's grok filter).
 */
import type { Span } from "../ast";
import { t } from "../l10n";
import { scanNamedGroups } from "./regexScan";

export type Coercion = "int" | "float";

/** One capture name of the compiled regex, in the order Ruby's `Regexp#named_captures` lists them. */
export interface CaptureSpec {
  /** The group name as grok builds it (`NUMBER:bytes:int`) or as written in a raw `(?<name>…)`. */
  groupName: string;
  /** Field reference the value goes to (`bytes`, `[source][address]`). */
  field: string;
  /** Type suffix; jls-grok only converts the first group of a name (see `applyCaptures`). */
  coerce?: Coercion;
  /** Group numbers (1-based) carrying this name, in order. */
  groups: number[];
}

export interface CompiledGrok {
  /** The pattern as the user wrote it. */
  pattern: string;
  /** The expanded regex with grok's capture names (what Logstash compiles). */
  expanded: string;
  /** The expanded regex with every group renamed to `g<N>`, ready for Oniguruma. */
  regex: string;
  captures: CaptureSpec[];
  /** Per group number - 1: the span of the user's pattern the group came from. */
  groupOrigins: Span[];
  /** Per group number - 1: the capture spec index it belongs to. */
  groupCapture: number[];
}

export interface CompileOptions {
  /** Logstash's `named_captures_only` (default true): `%{NAME}` without a field is a non-capturing group. */
  namedCapturesOnly?: boolean;
}

export type GrokErrorCode = "grok-unknown-pattern" | "grok-pattern-cycle" | "grok-too-deep";

/** A pattern that cannot be expanded; `range` is a span of the user's pattern. */
export class GrokCompileError extends Error {
  constructor(
    readonly code: GrokErrorCode,
    message: string,
    readonly range: Span,
    /** For unknown names: the name, and the chain of pattern names it was reached through. */
    readonly patternName?: string,
    readonly chain: readonly string[] = [],
  ) {
    super(message);
  }
}

/** jls-grok gives up after this many expansions, which also stops exponential definitions. */
const MAX_EXPANSIONS = 10000;

// jls-grok's token: `[A-z0-9]` (a range that also takes `[\]^_` and backquote) for the name, then an
// optional `:subname`, an optional `=definition`, and anything up to `}` is ignored.
const NAME_RE = /%\{([A-z0-9]+)(?::([@\[\]A-z0-9_:.-]+))?/y;

export interface GrokToken {
  start: number;
  end: number;
  /** The pattern name (`NUMBER`). */
  pattern: string;
  /** `pattern` or `pattern:subname`, the group name grok gives the capture. */
  name: string;
  definition?: string;
  nameStart: number;
  nameEnd: number;
}

/** Finds the next `%{…}` token at or after `from`, as jls-grok's search would. */
export function nextToken(text: string, from: number): GrokToken | null {
  for (let p = text.indexOf("%{", from); p >= 0; p = text.indexOf("%{", p + 1)) {
    NAME_RE.lastIndex = p;
    const m = NAME_RE.exec(text);
    if (!m) continue;
    let i = NAME_RE.lastIndex;
    let definition: string | undefined;
    if (text[i] === "=") {
      const end = definitionEnd(text, i + 1);
      if (end > i + 1) {
        definition = text.slice(i + 1, end);
        i = end;
      }
    }
    const close = text.indexOf("}", i);
    if (close < 0) return null;
    const name = m[2] !== undefined ? `${m[1]}:${m[2]}` : m[1];
    return { start: p, end: close + 1, pattern: m[1], name, definition, nameStart: p + 2, nameEnd: p + 2 + m[1].length };
  }
  return null;
}

function definitionEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  return from;
}

interface Segment {
  outStart: number;
  outEnd: number;
  userStart: number;
  userEnd: number;
  /** Literal text maps offset by offset; a token's expansion maps to the whole token. */
  literal: boolean;
}

export interface ExpandResult {
  expanded: string;
  segments: Segment[];
  errors: GrokCompileError[];
}

/**
 * Expands every token of `pattern`. Errors are collected (the offending token is left in place) so
 * diagnostics can report all of them; `compileGrok` throws the first.
 */
export function expandGrok(pattern: string, patterns: ReadonlyMap<string, string>, options: CompileOptions = {}): ExpandResult {
  const namedOnly = options.namedCapturesOnly ?? true;
  const defs = new Map(patterns);
  const errors: GrokCompileError[] = [];
  let expansions = 0;

  const expand = (text: string, stack: string[], origin: Span): string => {
    let out = "";
    let i = 0;
    for (let tok = nextToken(text, 0); tok; tok = nextToken(text, i)) {
      out += text.slice(i, tok.start);
      i = tok.end;
      out += expandToken(tok, stack, origin ?? { start: tok.start, end: tok.end });
    }
    return out + text.slice(i);
  };

  const expandToken = (tok: GrokToken, stack: string[], origin: Span): string => {
    if (tok.definition !== undefined) defs.set(tok.pattern, tok.definition);
    const regex = defs.get(tok.pattern);
    const raw = `%{${tok.name}}`;
    if (regex === undefined) {
      const via = stack.length ? t(" (used by {0})", stack.join(" → ")) : "";
      errors.push(new GrokCompileError("grok-unknown-pattern", t("Unknown grok pattern `{0}`{1}", tok.pattern, via), origin, tok.pattern, stack));
      return raw;
    }
    if (stack.includes(tok.pattern)) {
      const cycle = [...stack.slice(stack.indexOf(tok.pattern)), tok.pattern].join(" → ");
      errors.push(new GrokCompileError("grok-pattern-cycle", t("Grok pattern `{0}` refers to itself: {1}", tok.pattern, cycle), origin, tok.pattern, stack));
      return raw;
    }
    if (++expansions > MAX_EXPANSIONS) {
      if (expansions === MAX_EXPANSIONS + 1)
        errors.push(new GrokCompileError("grok-too-deep", t("Grok pattern expands to more than {0} patterns", MAX_EXPANSIONS), origin, tok.pattern, stack));
      return raw;
    }
    const inner = expand(regex, [...stack, tok.pattern], origin);
    return namedOnly && !tok.name.includes(":") ? `(?:${inner})` : `(?<${tok.name}>${inner})`;
  };

  // The top level keeps a map from output offsets back to the user's pattern.
  const segments: Segment[] = [];
  let expanded = "";
  let i = 0;
  for (let tok = nextToken(pattern, 0); tok; tok = nextToken(pattern, i)) {
    if (tok.start > i) {
      segments.push({ outStart: expanded.length, outEnd: expanded.length + tok.start - i, userStart: i, userEnd: tok.start, literal: true });
      expanded += pattern.slice(i, tok.start);
    }
    const outStart = expanded.length;
    expanded += expandToken(tok, [], { start: tok.start, end: tok.end });
    segments.push({ outStart, outEnd: expanded.length, userStart: tok.start, userEnd: tok.end, literal: false });
    i = tok.end;
  }
  if (i < pattern.length) {
    segments.push({ outStart: expanded.length, outEnd: expanded.length + pattern.length - i, userStart: i, userEnd: pattern.length, literal: true });
    expanded += pattern.slice(i);
  }
  return { expanded, segments, errors };
}

/** Maps an offset of the expanded regex back to the user's pattern. */
export function userOffset(segments: readonly Segment[], out: number, preferEnd = false): number {
  for (const s of segments) {
    if (out < s.outStart || out > s.outEnd) continue;
    if (out === s.outEnd && !preferEnd && out !== s.outStart) continue;
    return s.literal ? s.userStart + (out - s.outStart) : preferEnd ? s.userEnd : s.userStart;
  }
  return segments.length ? segments[segments.length - 1].userEnd : 0;
}

/** Ruby's `String#split(":")` as jls-grok uses it on a group name: trailing empty parts go. */
function splitName(name: string): string[] {
  const parts = name.split(":");
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Compiles a grok pattern against a pattern map; throws `GrokCompileError` on the first problem. */
export function compileGrok(pattern: string, patterns: ReadonlyMap<string, string>, options: CompileOptions = {}): CompiledGrok {
  const { expanded, segments, errors } = expandGrok(pattern, patterns, options);
  if (errors.length) throw errors[0];
  const index = new Map<string, number>();
  const captures: CaptureSpec[] = [];
  const { groups, renamed } = scanNamedGroups(expanded, (name) => {
    let k = index.get(name);
    if (k === undefined) {
      k = index.size;
      index.set(name, k);
    }
    return `g${k}`;
  });
  const groupOrigins: Span[] = [];
  const groupCapture: number[] = [];
  groups.forEach((g, i) => {
    let k = captures.findIndex((c) => c.groupName === g.name);
    if (k < 0) {
      const [first, field, coerce] = splitName(g.name);
      captures.push({
        groupName: g.name,
        field: field ?? first ?? "",
        ...(coerce === "int" || coerce === "float" ? { coerce } : {}),
        groups: [],
      });
      k = captures.length - 1;
    }
    captures[k].groups.push(i + 1);
    groupCapture.push(k);
    groupOrigins.push({ start: userOffset(segments, g.start), end: userOffset(segments, g.end, true) });
  });
  return { pattern, expanded, regex: renamed, captures, groupOrigins, groupCapture };
}
