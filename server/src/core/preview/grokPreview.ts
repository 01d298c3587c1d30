/**
 * Grok preview: runs one grok filter over sample lines (each line is an event's `message`) and, for a
 * line no pattern matched, measures how far each pattern got by matching ever longer prefixes of its
 * top-level elements.
 */
import type { Plugin } from "../ast";
import { compileGrok, type CompiledGrok } from "../grok/compile";
import { fieldToString, getField, parseFieldRef, type JsonObject } from "../grok/eventFields";
import { GrokFilter, type CaptureResult, type GrokHooks, type GrokOptions } from "../grok/grokFilter";
import { OnigRegex } from "../grok/onig";
import { buildPatternMap, patternSetFor, type EcsCompatibility } from "../grok/patternLibrary";
import { t } from "../l10n";
import { diffEvents } from "../simulate/pipeline";
import { PluginOptions } from "../simulate/options";
import { valueToString } from "../simulate/event";
import { splitElements } from "./elements";
import type { CaptureSpan, GrokLinePreview, GrokPatternInfo, GrokPreview, PatternProgress } from "./types";

/** Where patterns come from besides the plugin's own options. */
export interface GrokPatternEnv {
  /** ECS mode when the plugin sets none (from `pipeline.ecs_compatibility` or the Logstash version). */
  ecsDefault: EcsCompatibility;
  /** Texts of the `logsmith.grok.patternsPath` files, which take precedence over the built-in set. */
  extraPatterns?: string[];
  /** Texts of the plugin's `patterns_dir` files, when the host could read them. */
  patternsDirTexts?: string[];
}

/** The grok filter's options as written in the plugin, with the host's pattern files. */
export function grokOptionsOf(plugin: Plugin, env: GrokPatternEnv): GrokOptions {
  const opts = new PluginOptions(plugin);
  const match = opts.pairs("match").map(([field, p]): [string, string | string[]] => [field, Array.isArray(p) ? p.map(valueToString) : valueToString(p)]);
  const ecs = opts.string("ecs_compatibility");
  const o: GrokOptions = {
    match,
    ecs_compatibility: ecs === "disabled" || ecs === "v1" || ecs === "v8" ? ecs : env.ecsDefault,
  };
  if (opts.has("break_on_match")) o.break_on_match = opts.bool("break_on_match", true);
  if (opts.has("named_captures_only")) o.named_captures_only = opts.bool("named_captures_only", true);
  if (opts.has("keep_empty_captures")) o.keep_empty_captures = opts.bool("keep_empty_captures", false);
  if (opts.has("overwrite")) o.overwrite = opts.list("overwrite");
  if (opts.has("target")) o.target = opts.string("target");
  if (opts.has("tag_on_failure")) o.tag_on_failure = opts.list("tag_on_failure");
  if (opts.has("tag_on_timeout")) o.tag_on_timeout = opts.string("tag_on_timeout");
  if (opts.has("timeout_millis")) o.timeout_millis = opts.number("timeout_millis", 30000);
  if (opts.has("pattern_definitions")) o.pattern_definitions = Object.fromEntries(opts.pairs("pattern_definitions").map(([k, v]) => [k, valueToString(v)]));
  if (env.extraPatterns?.length) o.extra_patterns = env.extraPatterns;
  if (env.patternsDirTexts?.length) o.patterns_dir_texts = env.patternsDirTexts;
  return o;
}

function toSpan(c: CaptureResult): CaptureSpan | null {
  if (!c.span) return null;
  return { field: c.field, start: c.span.start, end: c.span.end, stored: c.stored };
}

/** A compiled filter plus, per pattern, the prefix regexes tried so far. Reused across previews. */
class GrokPreviewer {
  readonly filter: GrokFilter;
  private readonly map: Map<string, string>;
  private readonly prefixes = new Map<string, (OnigRegex & { grok: CompiledGrok }) | null>();
  /** Results by line: typing in the samples box changes one line at a time. */
  private readonly lines = new Map<string, GrokLinePreview>();

  constructor(readonly options: GrokOptions) {
    this.filter = new GrokFilter(options);
    this.map = buildPatternMap(patternSetFor(options.ecs_compatibility ?? "v8"), {
      extraPatterns: options.extra_patterns,
      patternsDirTexts: options.patterns_dir_texts,
      patternDefinitions: options.pattern_definitions,
    });
  }

  private prefix(pattern: string, end: number): (OnigRegex & { grok: CompiledGrok }) | null {
    const key = `${end}\u0000${pattern}`;
    if (this.prefixes.has(key)) return this.prefixes.get(key)!;
    let out: (OnigRegex & { grok: CompiledGrok }) | null = null;
    try {
      const grok = compileGrok(pattern.slice(0, end), this.map, { namedCapturesOnly: this.options.named_captures_only ?? true });
      out = Object.assign(new OnigRegex(grok.regex), { grok });
    } catch {
      out = null;
    }
    this.prefixes.set(key, out);
    return out;
  }

  /** Longest matching prefix by binary search (prefix matches are monotone in length). */
  progress(field: string, patternIndex: number, pattern: string, input: string, hooks: GrokHooks): PatternProgress {
    const elements = splitElements(pattern);
    const base: PatternProgress = { field, patternIndex, matchedElements: 0, stoppedAt: 0, captures: [] };
    if (!elements || elements.length < 2) return base;
    let lo = 0;
    let hi = elements.length - 1;
    let best: { k: number; groups: ReturnType<OnigRegex["exec"]>; regex: OnigRegex & { grok: CompiledGrok } } | null = null;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const regex = this.prefix(pattern, elements[mid - 1].end);
      hooks.onAttempt?.();
      const groups = regex?.exec(input) ?? null;
      if (groups && regex) {
        lo = mid;
        best = { k: mid, groups, regex };
      } else hi = mid - 1;
    }
    if (!best || lo === 0) return base;
    if (best.k !== lo) {
      const regex = this.prefix(pattern, elements[lo - 1].end)!;
      best = { k: lo, groups: regex.exec(input), regex };
    }
    const whole = best.groups?.[0];
    const captures: CaptureSpan[] = [];
    best.regex.grok.captures.forEach((c) =>
      c.groups.forEach((g) => {
        const span = best!.groups?.[g];
        if (span) captures.push({ field: c.field, start: span[0], end: span[1], stored: false });
      }),
    );
    return {
      ...base,
      matchedElements: lo,
      ...(whole ? { matchedSpan: { start: whole[0], end: whole[1] }, stoppedAt: whole[1] } : {}),
      captures,
    };
  }

  line(line: string, hooks: GrokHooks = {}): GrokLinePreview {
    const cached = this.lines.get(line);
    if (cached) return cached;
    const out = this.compute(line, hooks);
    if (!out.timedOut) {
      if (this.lines.size >= 20_000) this.lines.clear();
      this.lines.set(line, out);
    }
    return out;
  }

  private compute(line: string, hooks: GrokHooks): GrokLinePreview {
    const before: JsonObject = { message: line };
    const result = this.filter.apply(before, hooks);
    const changes = diffEvents(before, result.event);
    if (result.matched && result.matches.length) {
      const first = result.matches[0];
      const captures = first.captures.map(toSpan).filter((c): c is CaptureSpan => c !== null);
      return {
        input: first.input,
        matched: true,
        match: { field: first.field, patternIndex: first.patternIndex, span: first.span },
        captures,
        changes,
      };
    }
    if (result.timedOut) return { input: line, matched: false, timedOut: true, captures: [], changes, reason: t("Grok timed out on this line") };
    const progress: PatternProgress[] = [];
    const missing: string[] = [];
    for (const { field, patterns } of this.filter.compiled()) {
      const value = getField(before, parseFieldRef(field));
      if (value === undefined) missing.push(field);
      const input = fieldToString(Array.isArray(value) ? value[0] : value);
      patterns.forEach((p, i) => progress.push(this.progress(field, i, p.pattern, input, hooks)));
    }
    const reason = missing.length
      ? t("No pattern matched; the event has no field {0} (the sample line is `message`)", missing.map((f) => `\`${f}\``).join(", "))
      : progress.length === 1
        ? t("The pattern did not match")
        : t("None of the {0} patterns matched", progress.length);
    return { input: line, matched: false, captures: [], changes, reason, progress };
  }
}

const previewers = new Map<string, GrokPreviewer>();

function previewerFor(options: GrokOptions): GrokPreviewer {
  const key = JSON.stringify(options);
  let p = previewers.get(key);
  if (!p) {
    if (previewers.size >= 16) previewers.clear();
    p = new GrokPreviewer(options);
    previewers.set(key, p);
  }
  return p;
}

/**
 * Previews `plugin` (a grok filter) over `lines`. Needs `initOniguruma()`; throws `GrokCompileError`
 * or `GrokRegexError` for a pattern that cannot compile. `onLine` is called before each line so a
 * watchdog can tell which one hangs.
 */
export function previewGrok(plugin: Plugin, lines: string[], env: GrokPatternEnv, hooks: GrokHooks & { onLine?(index: number): void } = {}): GrokPreview {
  const options = grokOptionsOf(plugin, env);
  const previewer = previewerFor(options);
  const patterns = previewer.filter.compiled().flatMap(({ field, patterns }) =>
    patterns.map((p, patternIndex): GrokPatternInfo => {
      const elements = splitElements(p.pattern);
      const info: GrokPatternInfo = { field, patternIndex, pattern: p.pattern, elements: elements ?? [{ start: 0, end: p.pattern.length }] };
      if (!elements || elements.length < 2) info.unsplittable = true;
      return info;
    }),
  );
  const out: GrokPreview = { kind: "grok", range: plugin.range, patternSet: patternSetFor(options.ecs_compatibility ?? "v8"), patterns, lines: [] };
  lines.forEach((line, i) => {
    hooks.onLine?.(i);
    out.lines.push(previewer.line(line, hooks));
  });
  return out;
}
