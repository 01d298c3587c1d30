/**
 * The grok filter's semantics over plain JSON events, after logstash-filter-grok's `filter`,
 * `match_against_groks` and `handle`: which patterns run, how captures land on fields, tags.
 */
import type { Span } from "../ast";
import { compileGrok, type CompiledGrok } from "./compile";
import { rubyToF, rubyToI } from "./convert";
import { fieldToString, getField, parseFieldRef, type JsonObject } from "./eventFields";
import { updatePath } from "../eventFields";
import { OnigRegex } from "./onig";
import { buildPatternMap, patternSetFor, type EcsCompatibility } from "./patternLibrary";

/** The grok filter's options, named as in a Logstash pipeline. */
export interface GrokOptions {
  /** Field → pattern or patterns, tried in this order. An array of pairs keeps an order objects cannot. */
  match: Record<string, string | string[]> | [string, string | string[]][];
  /** Default `v8` (Logstash 8+'s pipeline default), i.e. the ecs-v1 pattern set. */
  ecs_compatibility?: EcsCompatibility;
  break_on_match?: boolean;
  named_captures_only?: boolean;
  keep_empty_captures?: boolean;
  overwrite?: string[];
  target?: string;
  tag_on_failure?: string[];
  tag_on_timeout?: string;
  timeout_millis?: number;
  timeout_scope?: "pattern" | "event";
  pattern_definitions?: Record<string, string>;
  /** Contents of the `patterns_dir` files (read by the host: see `readPatternsDirs`). */
  patterns_dir_texts?: string[];
  /** Extra pattern texts loaded right after the built-in set (the editor's override directory). */
  extra_patterns?: string[];
}

export interface CaptureResult {
  /** The group name (`NUMBER:bytes:int`). */
  name: string;
  /** The field reference as the pattern wrote it. */
  field: string;
  /** The value as handed to the event (converted for `:int`/`:float`), null for an unset group. */
  value: string | number | null;
  /** Span of the captured text in the input, absent for an unset group. */
  span?: Span;
  /** Span of the user's pattern the group came from. */
  origin: Span;
  /** False when the filter dropped it (empty, or the field holds a number or an object). */
  stored: boolean;
}

export interface GrokPatternMatch {
  field: string;
  /** Index of the pattern in that field's list. */
  patternIndex: number;
  pattern: string;
  /** The text matched against (an array field is matched element by element). */
  input: string;
  /** Span of the whole match in `input`. */
  span: Span;
  captures: CaptureResult[];
}

export interface GrokApplyResult {
  event: JsonObject;
  matched: boolean;
  timedOut: boolean;
  /** The first pattern that matched. */
  match: { field: string; patternIndex: number; pattern: string } | null;
  /** Every match whose captures were applied (several when break_on_match is false). */
  matches: GrokPatternMatch[];
  /** Field paths the filter wrote, in order (tags included). */
  written: string[][];
}

interface CompiledPattern {
  pattern: string;
  grok: CompiledGrok;
  regex: OnigRegex;
  /** Per capture spec: where its value goes (target included) and whether `overwrite` names it. */
  sinks: { path: string[]; overwrite: boolean }[];
}

/** Called before each regex execution; the worker's watchdog uses it to time patterns. */
export interface GrokHooks {
  onAttempt?(): void;
  /**
   * For bulk callers that only need the resulting event (the CLI, the worker in lean mode): change
   * `event` itself instead of a copy, and leave `matches` empty. About a third of the time per
   * event otherwise goes to the copy and to recording every capture for previews.
   */
  lean?: boolean;
}

/** Thrown out of `apply` by a hook to abort the event the way Logstash's timeout does. */
export class GrokTimeout extends Error {}

function matchEntries(match: GrokOptions["match"]): [string, string[]][] {
  const pairs = Array.isArray(match) ? match : Object.entries(match);
  const merged = new Map<string, string[]>();
  for (const [field, p] of pairs) merged.set(field, [...(merged.get(field) ?? []), ...(Array.isArray(p) ? p : [p])]);
  return [...merged];
}

/** A grok filter compiled once and applied to many events. Needs `initOniguruma()` to have resolved. */
export class GrokFilter {
  private readonly fields: { field: string; path: string[]; patterns: CompiledPattern[] }[];
  private readonly targetPath: string[] | null;
  private readonly keepEmpty: boolean;

  constructor(readonly options: GrokOptions) {
    const set = patternSetFor(options.ecs_compatibility ?? "v8");
    const map = buildPatternMap(set, {
      extraPatterns: options.extra_patterns,
      patternsDirTexts: options.patterns_dir_texts,
      patternDefinitions: options.pattern_definitions,
    });
    const namedCapturesOnly = options.named_captures_only ?? true;
    this.keepEmpty = options.keep_empty_captures ?? false;
    // The filter wraps a bare target in brackets and appends "[field]" to it.
    const target = options.target?.trim();
    this.targetPath = target ? parseFieldRef(/\[.*?\]/.test(target) ? target : `[${target}]`) : null;
    const overwrite = new Set(options.overwrite ?? []);
    this.fields = matchEntries(options.match).map(([field, patterns]) => ({
      field,
      path: parseFieldRef(field),
      patterns: patterns.map((pattern) => {
        const grok = compileGrok(pattern, map, { namedCapturesOnly });
        const sinks = grok.captures.map((c) => ({
          path: this.targetPath ? [...this.targetPath, ...parseFieldRef(c.field)] : parseFieldRef(c.field),
          overwrite: overwrite.has(c.field),
        }));
        return { pattern, grok, regex: new OnigRegex(grok.regex), sinks };
      }),
    }));
  }

  /** Compiled form of each pattern, by field, for previews and diagnostics. */
  compiled(): { field: string; patterns: { pattern: string; grok: CompiledGrok }[] }[] {
    return this.fields.map((f) => ({ field: f.field, patterns: f.patterns.map(({ pattern, grok }) => ({ pattern, grok })) }));
  }

  /** Applies the filter to a copy of `event` (to `event` itself with `hooks.lean`). */
  apply(event: JsonObject, hooks: GrokHooks = {}): GrokApplyResult {
    const out = hooks.lean ? event : structuredClone(event);
    const result: GrokApplyResult = { event: out, matched: false, timedOut: false, match: null, matches: [], written: [] };
    const breakOnMatch = this.options.break_on_match ?? true;
    try {
      for (const { field, path, patterns } of this.fields) {
        const value = getField(out, path);
        let success = false;
        // A missing field is matched as "" (Ruby's nil.to_s); an array element by element.
        for (const input of Array.isArray(value) ? value : [value]) {
          if (this.matchInput(field, fieldToString(input), patterns, out, result, breakOnMatch, hooks)) success = true;
        }
        if (success) {
          result.matched = true;
          if (breakOnMatch) break;
        }
      }
      if (!result.matched) for (const tag of this.options.tag_on_failure ?? ["_grokparsefailure"]) this.tag(out, tag, result);
    } catch (error) {
      if (!(error instanceof GrokTimeout)) throw error;
      result.timedOut = true;
      this.tag(out, this.options.tag_on_timeout ?? "_groktimeout", result);
    }
    return result;
  }

  private matchInput(
    field: string,
    input: string,
    patterns: CompiledPattern[],
    event: JsonObject,
    result: GrokApplyResult,
    breakOnMatch: boolean,
    hooks: GrokHooks,
  ): boolean {
    let matched = false;
    for (let i = 0; i < patterns.length; i++) {
      const { pattern, grok, regex, sinks } = patterns[i];
      hooks.onAttempt?.();
      const groups = regex.exec(input);
      if (!groups) {
        matched = false;
        continue;
      }
      matched = true;
      if (hooks.lean) {
        this.store(grok, sinks, groups, input, event, result);
        result.match ??= { field, patternIndex: i, pattern };
        if (breakOnMatch) break;
        continue;
      }
      const whole = groups[0] ?? [0, 0];
      const m: GrokPatternMatch = { field, patternIndex: i, pattern, input, span: { start: whole[0], end: whole[1] }, captures: [] };
      grok.captures.forEach((capture, c) => {
        const sink = sinks[c];
        capture.groups.forEach((group, k) => {
          const span = groups[group] ?? null;
          const raw = span ? input.slice(span[0], span[1]) : null;
          // jls-grok converts only the first group of a name; later ones stay strings.
          let value: string | number | null = raw;
          if (raw !== null && k === 0 && capture.coerce) value = capture.coerce === "int" ? rubyToI(raw) : rubyToF(raw);
          const stored = this.handle(sink.path, sink.overwrite, value, event, result);
          const out: CaptureResult = { name: capture.groupName, field: capture.field, value, origin: grok.groupOrigins[group - 1], stored };
          if (span) out.span = { start: span[0], end: span[1] };
          m.captures.push(out);
        });
      });
      result.matches.push(m);
      result.match ??= { field, patternIndex: i, pattern };
      if (breakOnMatch) break;
    }
    // As in the filter's Matcher, the last pattern tried decides (only matters with break_on_match false).
    return matched;
  }

  /** The captures of one match onto the event, without recording them (lean mode). */
  private store(grok: CompiledGrok, sinks: CompiledPattern["sinks"], groups: (readonly [number, number] | null)[], input: string, event: JsonObject, result: GrokApplyResult): void {
    const captures = grok.captures;
    for (let c = 0; c < captures.length; c++) {
      const capture = captures[c];
      const sink = sinks[c];
      for (let k = 0; k < capture.groups.length; k++) {
        const span = groups[capture.groups[k]] ?? null;
        const raw = span ? input.slice(span[0], span[1]) : null;
        const value = raw !== null && k === 0 && capture.coerce ? (capture.coerce === "int" ? rubyToI(raw) : rubyToF(raw)) : raw;
        this.handle(sink.path, sink.overwrite, value, event, result);
      }
    }
  }

  private handle(path: string[], overwrite: boolean, value: string | number | null, event: JsonObject, result: GrokApplyResult): boolean {
    if (!this.keepEmpty && (value === null || value === "")) return false;
    // The filter's `handle`: a new field takes the value, a string or an array gains it, a number or
    // an object keeps what it has.
    const stored = updatePath(event, path, (current) => {
      if (overwrite || current === undefined || current === null) return value;
      if (Array.isArray(current)) return [...current, value];
      if (typeof current === "string") return [current, value];
      return undefined;
    });
    if (stored) result.written.push(path);
    return stored;
  }

  private tag(event: JsonObject, tag: string, result: GrokApplyResult): void {
    const tags = event.tags;
    if (tags === undefined || tags === null) event.tags = [tag];
    else if (Array.isArray(tags)) {
      if (!tags.includes(tag)) tags.push(tag);
    } else event.tags = tags === tag ? [tag] : [tags, tag];
    result.written.push(["tags"]);
  }
}

const filterCache = new Map<string, GrokFilter>();

/**
 * Applies grok with `options` to `event` (compiled filters are cached by options). Synchronous and
 * without a time limit: use `matchWithTimeout` for untrusted patterns.
 */
export function applyGrok(event: JsonObject, options: GrokOptions): GrokApplyResult {
  const key = JSON.stringify(options);
  let filter = filterCache.get(key);
  if (!filter) {
    if (filterCache.size > 64) filterCache.clear();
    filter = new GrokFilter(options);
    filterCache.set(key, filter);
  }
  return filter.apply(event);
}
